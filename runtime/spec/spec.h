// Promptotype — the compiled spec: plain structs with pre-parsed templates, built once by SpecLoader
// and drawn every frame. Nothing here walks raw JSON per frame.
//
// [SECTION] Diagnostics
// [SECTION] Actions
// [SECTION] Nodes
// [SECTION] Screens, overlays, navigation
// [SECTION] Spec

#pragma once
#include "runtime/spec/expr.h"
#include "runtime/spec/pattern.h"
#include <memory>
#include <string>
#include <vector>

namespace pt {

struct WidgetDef;
struct ActionDef;

//-----------------------------------------------------------------------------
// [SECTION] Diagnostics
//-----------------------------------------------------------------------------

// One problem found while loading: located by line:col (syntax) or JSON Pointer (everything else).
struct Diagnostic {
    enum class Level { Error, Warning };
    Level level = Level::Error;
    std::string pointer;  // JSON Pointer into the spec ("" for the document or syntax errors)
    int line = 0, col = 0;  // 1-based, for syntax errors; 0 when located by pointer
    std::string message;
    // For automatic repair of near-miss names (LLM output): the unknown name and what would be valid there.
    std::string subject;                  // the unknown name ("" when the problem is not about a name)
    std::vector<std::string> candidates;  // names valid at this place
    bool subjectIsKey = false;            // the name is the last key of `pointer` (rename it), else the string at `pointer`

    std::string format(const std::string& file) const;  // "FILE:3:14: error: ..." or "FILE:/screens/home: warning: ..."
};

//-----------------------------------------------------------------------------
// [SECTION] Actions
//-----------------------------------------------------------------------------

struct ActionStep;
using ActionList = std::vector<ActionStep>;

// One step of an action sequence, e.g. {"navigate": "details", "params": {"id": "${item.id}"}}.
struct ActionStep {
    const ActionDef* def = nullptr;                       // from the ActionCatalog
    Template main;                                        // value of the kind key ("details" above)
    std::vector<std::pair<std::string, Template>> args;   // the other keys ("params" above)
    ActionList then, otherwise;                           // branches: if/then/else, validate, call then/catch
    std::string pointer;                                  // where it was written

    const Template* arg(std::string_view name) const;     // an argument by key, or nullptr
};

//-----------------------------------------------------------------------------
// [SECTION] Nodes
//-----------------------------------------------------------------------------

struct Node;

// `repeat`: draw the node once per item of an array, with the item bound as `as` and `index`.
struct Repeat {
    Template in;              // the array
    std::string as = "item";  // alias for the current item
    int limit = 500;          // at most this many instances are drawn (huge arrays stay responsive)
    std::vector<Node> empty;  // drawn instead when the array is empty (0 or 1 node)
};

// One validation rule on an input: {"required": "Enter your email"} or {"min": [8, "At least 8 characters"]}.
struct Rule {
    std::string kind;  // required, email, min, max, minLength, maxLength, pattern, match
    Template arg;      // rule argument (null for required/email)
    Template message;  // shown under the input when the rule fails
    std::shared_ptr<const Pattern> pattern;  // `pattern` with a literal argument: compiled once, at load
};

// Layout hints every node may carry; containers read them from their children.
struct NodeLayout {
    float grow = 0;       // share of leftover width in a row
    float width = 0;      // > 0 px; 0 auto; < 0 fill
    float widthPct = 0;   // 0..100 percent of the available width (overrides width)
    float height = 0;     // > 0 px; 0 auto
    int align = -1;       // -1 inherit, 0 start, 1 center, 2 end
};

// A widget instance in a screen tree.
struct Node {
    const WidgetDef* def = nullptr;   // catalog entry (the "placeholder" widget for unknown types)
    std::string type;                 // the type as written (e.g. an unknown "carousel")
    std::string id;                   // the spec's id, or "" when none was given
    std::string key;                  // stable id for ImGui and probes: the spec id, else a path like "home/body/2"
    unsigned keyHash = 0;             // hash of key, pushed as the node's ImGui ID (stable across hot reloads)
    std::string pointer;              // JSON Pointer of the node in the spec
    std::vector<Template> props;      // evaluated lazily; indexed like def->props (defaults filled in)
    std::vector<bool> propGiven;      // which props the spec set explicitly
    Template visible = Template::literal(true);
    Template enabled = Template::literal(true);
    std::shared_ptr<Repeat> repeat;   // null when the node is not repeated
    std::vector<Node> children;       // child nodes (containers) or an expanded component body
    std::vector<std::pair<std::string, ActionList>> on;  // event name -> action sequence
    Template bind;                    // state path for two-way binding; hasBind tells if set
    bool hasBind = false;
    std::vector<Rule> rules;          // validation rules (inputs)
    NodeLayout layout;
    std::vector<std::pair<std::string, Template>> params;  // component instance: evaluated and bound as variables
    bool isComponent = false;         // children are a component body drawn with `params` bound

    const ActionList* actions(std::string_view event) const;  // the sequence for an event, or nullptr
};

//-----------------------------------------------------------------------------
// [SECTION] Screens, overlays, navigation
//-----------------------------------------------------------------------------

struct Screen {
    std::string id;
    std::string pointer;
    Template title;               // shown in the app bar and the presenter's screen list
    std::vector<Node> body;       // the screen's content, top to bottom
    std::vector<Node> barActions; // trailing app bar items (icon buttons)
    bool showBar = true;          // app bar on/off ("bar": false)
    ActionList onEnter;           // runs every time the screen is shown
};

// A dialog, bottom sheet or toast opened by name with {"open": "id"}.
struct Overlay {
    std::string id;
    std::string pointer;
    std::string kind = "dialog";  // dialog | sheet | toast
    Template title;
    std::vector<Node> body;
    std::vector<Node> actions;    // dialog buttons, right-aligned
};

struct NavItem {
    std::string screen;  // target screen id
    Template label;      // defaults to the screen's title
    std::string icon;    // icon name
    Template badge = {}; // count or short text on a pill at the icon's corner (null, 0 or "" = none)
};

struct Nav {
    std::string kind = "stack";   // stack | tabs | sidebar
    std::string start;            // first screen shown
    std::vector<NavItem> items;   // tab bar / sidebar entries
};

// A fake back-end endpoint for {"call": "name"}: answers after `latency` ms with `result`, or `error` when `fail` holds.
struct Mock {
    std::string name;
    std::string pointer;
    double latencyMs = 600;
    Template result;  // evaluated with `args` bound
    Template fail;    // condition; true -> error
    Template error;   // error message
};

struct NamedAction {
    std::string name;
    ActionList steps;
};

// One requirement of the request (meta.requirements): the user's words and the ids of what shows it.
struct Requirement {
    std::string text;              // short, in the user's words ("Log a watering")
    std::vector<std::string> ids;  // node, screen or overlay ids that cover it (see runtime/spec/requirements.h)
    std::string pointer;           // "/meta/requirements/N"
};

//-----------------------------------------------------------------------------
// [SECTION] Spec
//-----------------------------------------------------------------------------

// The theme's look beyond preset, brand and mode, as the spec writes it (validated): what Theme::make draws with.
struct ThemeOptions {
    std::string background, surface, header, accent;  // colors (hex or CSS names); "" keeps the preset's
    std::string text;                                  // body text color; kept readable on the background and cards
    std::string success, warning, danger, info;        // status tone colors ("green for available"); "" keeps the preset's
    std::string font = "sans";                         // one of DocumentVocabulary::themeFonts
    std::string density = "comfortable";               // one of DocumentVocabulary::themeDensities
    std::string corners = "soft";                      // one of DocumentVocabulary::themeCorners
};

// A whole app document, compiled.
struct Spec {
    std::string file;             // where it was loaded from ("" for in-memory)
    std::string name = "Prototype";
    std::string idea;
    std::vector<Requirement> requirements;  // meta.requirements, in the order written
    std::string device = "phone"; // phone | tablet | desktop
    std::string themePreset = "calm";
    std::string brand;            // "" keeps the preset's brand color
    bool dark = false;            // theme.mode, else the darkness of theme.background (or theme.surface)
    ThemeOptions theme;           // theme.background ... theme.corners
    double clockStart = 0;        // simulated clock at reset (meta.now, else the real time at load)
    Json initialState = Json::object();
    Nav nav;
    std::vector<Screen> screens;
    std::vector<Overlay> overlays;
    std::vector<NamedAction> actions;
    std::vector<Mock> mocks;
    Json source;                  // the document as written (for inspect, diff, hot-reload state merge)
    std::vector<std::string> variants{"A"};  // every variant name in the document ("A" = as written), see runtime/spec/variants.h
    std::string variant = "A";    // the variant this Spec was compiled for
    // Set by the caller after loading (the loader never sets it, a spec file cannot); see Ui::instances.
    std::vector<std::string> pendingState;  // top-level state keys a streaming generation has planned but not written yet: what reads them draws as skeletons

    const Screen* screen(std::string_view id) const;    // nullptr if unknown
    const Overlay* overlay(std::string_view id) const;  // nullptr if unknown
    const NamedAction* action(std::string_view name) const;
    const Mock* mock(std::string_view name) const;
};

} // namespace pt
