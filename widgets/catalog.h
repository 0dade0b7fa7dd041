// Promptotype — the widget catalog: one registration per widget.
//
// Each widget registers its name, its props (type, default, one-line doc), its events and its draw
// function. This registry is the single source of the JSON Schema, the LLM prompt's catalog, the
// docs table, validation and did-you-mean. Adding a widget means adding one registration.
//
// [SECTION] Prop and widget definitions
// [SECTION] Catalog (registry)
// [SECTION] Registration entry points (one per widgets/*.cpp file)

#pragma once
#include "runtime/expr.h"
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

struct Node;
class Ui;

//-----------------------------------------------------------------------------
// [SECTION] Prop and widget definitions
//-----------------------------------------------------------------------------

enum class PropType {
    String,     // any text (expressions allowed)
    Number,     // a number or an expression yielding one
    Bool,       // true/false or an expression
    Enum,       // one of PropDef::options
    Color,      // "#RRGGBB", a named color, or a tone ("brand", "success", ...)
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
    std::vector<std::string> options;  // for Enum
};

// How a widget is drawn: props are read through `ui`, children drawn through `ui` too.
using DrawFn = std::function<void(Ui& ui, const Node& node)>;

// Shorthand for registrations: prop("size", PropType::Number, 40, "diameter in px").
inline PropDef prop(const char* name, PropType type, Json def, const char* doc, std::vector<std::string> options = {}) {
    return PropDef{name, type, std::move(def), doc, std::move(options)};
}

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

    const PropDef* prop(std::string_view name) const;  // own prop by name, or nullptr
    int propIndex(std::string_view name) const;         // index into props, or -1
};

//-----------------------------------------------------------------------------
// [SECTION] Catalog
//-----------------------------------------------------------------------------

class WidgetCatalog {
public:
    static WidgetCatalog& get();  // the process-wide catalog, filled on first use by registerAllWidgets()

    void add(WidgetDef def);                                  // registers (or replaces) a widget
    const WidgetDef* find(std::string_view name) const;       // by exact name, or nullptr
    const std::vector<WidgetDef>& all() const { return m_widgets; }  // in registration order
    const std::vector<PropDef>& commonProps() const;          // props every node accepts (id, visible, on, ...)

    Json jsonSchema() const;        // JSON Schema (draft 2020-12) for a whole spec document
    std::string markdownTable() const;  // docs: one section per category
    std::string promptCatalog() const;  // compact catalog for the LLM system prompt

private:
    std::vector<WidgetDef> m_widgets;
};

std::string closestName(std::string_view unknown, const std::vector<std::string>& candidates);  // did-you-mean helper ("" if none is close)

//-----------------------------------------------------------------------------
// [SECTION] Registration entry points
//-----------------------------------------------------------------------------

void registerTextWidgets(WidgetCatalog& c);     // widgets/text_widgets.cpp
void registerActionWidgets(WidgetCatalog& c);   // widgets/action_widgets.cpp
void registerInputWidgets(WidgetCatalog& c);    // widgets/input_widgets.cpp
void registerLayoutWidgets(WidgetCatalog& c);   // widgets/layout_widgets.cpp
void registerDataWidgets(WidgetCatalog& c);     // widgets/data_widgets.cpp
void registerChartWidgets(WidgetCatalog& c);    // widgets/chart_widgets.cpp
void registerChromeWidgets(WidgetCatalog& c);   // widgets/chrome_widgets.cpp
void registerAllWidgets(WidgetCatalog& c);      // all of the above, in docs order

} // namespace pt
