// Promptotype — the catalogs: what a widget and an action kind are, and the registry they live in.
//
// Each widget registers its name, its props (type, default, one-line doc), its events and its draw
// function; each action kind its arguments and run function. The registrations live with their code
// (widgets/, the engine's built-in actions); this file only defines them, so the spec language can load,
// validate and describe documents without depending on the code that draws or runs them. These registries
// are the single source of the JSON Schema, the LLM prompt's catalog, the docs table, validation and
// did-you-mean. Adding a widget means adding one registration.
//
// [SECTION] Prop definitions
// [SECTION] Widget and action definitions
// [SECTION] Registry
// [SECTION] Generated from the catalogs (schema, docs, prompt)

#pragma once
#include "runtime/spec/expr.h"
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pt {

struct Node;
struct ActionStep;
class Ui;
class ActionTask;

//-----------------------------------------------------------------------------
// [SECTION] Prop definitions
//-----------------------------------------------------------------------------

enum class PropType {
    String,     // any text (expressions allowed)
    Number,     // a number or an expression yielding one
    Bool,       // true/false or an expression
    Enum,       // one of PropDef::options
    Tone,       // one of documentVocabulary().tones ("brand", "success", ...)
    Color,      // a tone, "#RRGGBB" or a named color (PropDef::options: extra keywords it takes, e.g. "none")
    Icon,       // a Font Awesome / alias icon name
    Array,      // a list (data for charts, options, table rows); or an expression yielding one
    Object,     // a JSON object
    Any,        // anything
    Nodes,      // child widgets (containers)
};

const char* propTypeName(PropType t);  // "string", "number", ... as shown in docs

struct PropDef {
    std::string name;                  // key in the spec
    PropType type = PropType::String;  // expected value type
    Json def;                          // default when absent (null = none)
    std::string doc;                   // one line for docs, schema and prompt
    std::vector<std::string> options;  // for Enum; for Color, keywords it takes besides tones and colors
    std::string shape{};               // structured values: a compact example of the shape, e.g. [{"label","value"}] (docs, schema, prompt)

    PropDef withShape(const char* example) const { PropDef p = *this; p.shape = example; return p; }  // the same prop with its shape
};

// Shorthand for registrations: prop("size", PropType::Number, 40, "diameter in px").
inline PropDef prop(const char* name, PropType type, Json def, const char* doc, std::vector<std::string> options = {}) {
    return PropDef{name, type, std::move(def), doc, std::move(options)};
}

//-----------------------------------------------------------------------------
// [SECTION] Widget and action definitions
//-----------------------------------------------------------------------------

// How a widget is drawn: props are read through `ui`, children drawn through `ui` too.
using DrawFn = std::function<void(Ui& ui, const Node& node)>;

// How wide a widget can be laid out, in px: never narrower than `min`, natural at `pref`. A parent row shrinks
// its children from pref towards min before it wraps them (see specs/FORMAT.md, Layout).
struct WidthRange {
    float min = 0;   // the narrowest width it stays readable at
    float pref = 0;  // its natural width; kFillWidth: as wide as it is offered
};
constexpr float kFillWidth = 100000.0f;  // a preferred width meaning "all the width there is" (fields, charts, tables)

// Measures a widget's width range from its props, in the scope it will be drawn in (nothing is drawn).
using MeasureFn = std::function<WidthRange(Ui& ui, const Node& node)>;
// Where a widget's controls sit for a person: in the screen's content (most widgets), in the app's chrome (app bar,
// navigation) or over everything (a modal). Scripted driving (`play`) resolves a label in the topmost overlay first,
// then in the content, then in the chrome.
enum class WidgetLayer { Content, Chrome, Overlay };

struct WidgetDef {
    std::string name;                  // the node key, e.g. "button"
    std::string category;              // "Text", "Actions", "Inputs", "Layout", "Data", "Charts", "App chrome", "Feedback", "Overlays"
    std::string doc;                   // one line
    std::string primary;               // prop that receives the value of the type key: {"button": "Save"} sets `label`
    std::vector<PropDef> props;        // own props, in doc order
    std::vector<std::string> events;   // events it can fire ("press", "change", "select", ...)
    bool container = false;            // takes child nodes (primary prop is of type Nodes)
    bool input = false;                // edits the value at `bind` and can carry validation `rules`
    bool interactive = false;          // a stakeholder can click it: it must have an action or a bind
    std::string example;               // short JSON snippet for docs and the prompt
    DrawFn draw;                       // renders one instance
    MeasureFn measure;                 // its width range; null: text-like minimum, as wide as offered
    // Layout exemptions the layout checker reads (runtime/headless/layout_check.h); last, so that brace-initialized
    // registrations keep their order:
    bool floating = false;             // drawn over the screen, out of the flow (fab, dialog): may overlap its siblings
    bool layered = false;              // draws its children on top of each other on purpose (stack)
    bool clips = false;                // shows its children through a clipping viewport (scroll): they may reach past the screen
    WidgetLayer layer = WidgetLayer::Content;  // where what it draws sits (see WidgetLayer)

    const PropDef* prop(std::string_view name) const;  // own prop by name, or nullptr
    int propIndex(std::string_view name) const;         // index into props, or -1
};

// An event a widget may fire, and what its actions see as `event` (also `value`) when it does.
struct EventDef {
    std::string name;     // "press", "change", ...
    std::string payload;  // what `event` holds, "" when nothing
};
const std::vector<EventDef>& eventDefs();  // every event widgets fire (tests check each widget's events are listed)

enum class StepResult { Next, Stop, Wait };  // continue the sequence, abandon it, or wait for the task's ticker

struct ActionDef {
    std::string name;                    // the kind key, e.g. "navigate"
    std::string doc;                     // one line
    std::string mainDoc;                 // what the kind key's value means
    PropType mainType = PropType::String;
    std::vector<PropDef> args;           // other keys it accepts
    std::vector<std::string> branches;   // nested sequences it accepts ("then", "else", "catch")
    bool bare = false;                   // may be written as a bare string: "back"
    std::string target;                  // what the main value refers to, checked by the validator: "screen", "overlay", "action", "mock", "path" or ""
    std::string example;                 // JSON snippet for docs and the prompt
    std::function<StepResult(ActionTask& task, const ActionStep& step)> run;  // executes one step (engine)
};

//-----------------------------------------------------------------------------
// [SECTION] Registry
//-----------------------------------------------------------------------------

// Process-wide definitions by name. Code above the spec language registers into it with a static Registrar
// beside its definitions; the registry runs every registrar (in `order`) the first time it is used. Widget files
// register in docs order: text 10, actions 20, inputs 30, layout 40, data 50, charts 60, chrome 70. A library
// holding registrars is linked whole (see CMakeLists.txt), so no registration is dropped by the linker.
template <class Def>
class Registry {
public:
    using Fill = void (*)(Registry& registry);

    // Declared at namespace scope in a source file: `static const WidgetCatalog::Registrar text(10, registerText);`
    struct Registrar {
        Registrar(int order, Fill fill) { fills().emplace_back(order, fill); }
    };

    static Registry& get() {  // the process-wide registry, filled on first use
        static Registry* registry = [] {
            auto* r = new Registry();
            auto list = fills();
            std::stable_sort(list.begin(), list.end(), [](auto& a, auto& b) { return a.first < b.first; });
            for (auto& [order, fill] : list) fill(*r);
            return r;
        }();
        return *registry;
    }

    void add(Def def) {  // registers, or replaces the definition of the same name
        for (auto& d : m_defs)
            if (d.name == def.name) { d = std::move(def); return; }
        m_defs.push_back(std::move(def));
    }
    const Def* find(std::string_view name) const {  // by exact name, or nullptr
        for (auto& d : m_defs)
            if (d.name == name) return &d;
        return nullptr;
    }
    const std::vector<Def>& all() const { return m_defs; }  // in registration order

private:
    static std::vector<std::pair<int, Fill>>& fills() {
        static std::vector<std::pair<int, Fill>> list;
        return list;
    }
    std::vector<Def> m_defs;
};

using WidgetCatalog = Registry<WidgetDef>;  // every widget (widgets/*.cpp)
using ActionCatalog = Registry<ActionDef>;  // every action kind (runtime/engine/builtin_actions.cpp)

std::string closestName(std::string_view unknown, const std::vector<std::string>& candidates);  // did-you-mean helper ("" if none is close)

//-----------------------------------------------------------------------------
// [SECTION] Generated from the catalogs
//-----------------------------------------------------------------------------

const std::vector<PropDef>& commonProps();  // props every node accepts (id, visible, on, ...)
const PropDef* commonProp(std::string_view name);  // one of commonProps() by name, or nullptr
Json documentSchema();         // JSON Schema (draft 2020-12) for a whole spec document
std::string catalogMarkdown(); // docs: one section per widget category, then the actions
std::string promptCatalog();   // compact catalog for the LLM system prompt

} // namespace pt
