// Promptotype — Ui: the drawing context handed to every widget's draw function.
//
// Widgets read their props, draw with ImGui / ImDrawList in the theme's look, fire events and
// write bound values only through this class, so the runtime can evaluate templates against the
// right scope, defer state changes to the end of the frame, and record what was drawn (probes)
// for `play`, `inspect` and the tests.
//
// [SECTION] Probes (what was drawn where)
// [SECTION] Ui

#pragma once
#include "runtime/spec/spec.h"
#include "runtime/engine/theme.h"
#include <imgui.h>
#include <imgui_internal.h>  // ImRect
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pt {

class Prototype;

//-----------------------------------------------------------------------------
// [SECTION] Probes
//-----------------------------------------------------------------------------

// One drawn, addressable item: the headless driver clicks these by id or label.
struct Probe {
    std::string key;        // node key (spec id or generated path) + "#index" inside repeats
    std::string_view id;    // spec id ("" if none); points into the loaded spec
    std::string_view type;  // widget type ("nav" for app chrome)
    std::string label;      // visible label, if any
    ImRect rect;            // screen-space rectangle of the clickable item
    bool enabled = true;    // false when disabled
    bool clickable = false; // true for controls (buttons, inputs, list items with actions...)
    bool input = false;     // takes typed text
    bool hasAction = false; // has an action or a bind
    const Node* node = nullptr;  // the spec node (valid while its spec is loaded)
    ImRect clip;            // visible part of the window it was drawn in (clicks outside it miss)
};

// The probe a step, a demo or the presenter means by TARGET: spec id or probe key, else visible label (exact, then
// case-insensitive); clickable probes win over others at each stage. nullptr when nothing matches.
const Probe* findProbe(const std::vector<Probe>& probes, std::string_view target);

//-----------------------------------------------------------------------------
// [SECTION] Ui
//-----------------------------------------------------------------------------

class Ui {
public:
    // One drawable child: a node plus the scope it is drawn in (repeat item and index bound).
    struct Instance {
        const Node* node = nullptr;
        std::shared_ptr<Scope> scope;  // null: the parent's scope
        int index = -1;                // repeat index, -1 when not repeated
    };

    explicit Ui(Prototype& owner) : m_proto(owner) {}

    // --- Props ---------------------------------------------------------------------------------
    Json prop(const Node& n, std::string_view name) const;         // evaluated in the current scope (default if unset)
    std::string str(const Node& n, std::string_view name) const;   // as display text
    double num(const Node& n, std::string_view name) const;        // as number (0 if not numeric)
    int integer(const Node& n, std::string_view name, int lo, int hi) const;  // as a whole number clamped to [lo, hi] (NaN and huge values safe)
    bool flag(const Node& n, std::string_view name) const;         // as truthiness
    bool given(const Node& n, std::string_view name) const;        // set explicitly in the spec
    Json eval(const Template& t) const;                            // any template in the current scope
    const Template* propTemplate(const Node& n, std::string_view name) const;  // the compiled prop, or nullptr

    // --- Look ----------------------------------------------------------------------------------
    const Theme& theme() const;
    ImFont* font(TextStyle s) const;
    const std::string& icon(std::string_view name) const;   // glyph or "" (see iconGlyph)
    ImU32 color(const Json& value, ImU32 fallback) const;   // "#hex", a named color or a tone name -> color
    ImDrawList* drawList() const { return ImGui::GetWindowDrawList(); }

    // Text as an ImGui item, recorded as visible text. wrap: 0 no wrap, < 0 wrap at the available width.
    void text(std::string_view s, TextStyle style, ImU32 color, float wrap = -1.0f);
    // Text drawn at a position with the draw list (no layout), recorded as visible text.
    void textAt(ImVec2 pos, std::string_view s, TextStyle style, ImU32 color, float wrapWidth = 0.0f);
    ImVec2 measure(std::string_view s, TextStyle style, float wrapWidth = 0.0f) const;  // size of text
    void noteText(std::string_view s);   // record a visible string drawn some other way

    // --- Children and layout -------------------------------------------------------------------
    std::vector<Instance> instances(const std::vector<Node>& nodes) const;  // repeats expanded, hidden ones dropped
    void draw(const Instance& inst);                 // draws one child (id scope, enabled, probes handled)
    void drawNode(const Node& n);                    // draws a node in the current scope (expands its repeat)
    void drawColumn(const std::vector<Node>& nodes, float gap = -1.0f);  // vertical flow (gap < 0: theme gap)
    float drawRow(const std::vector<Node>& nodes, float gap);           // side by side at natural widths; returns the row's width
    float availWidth() const;                        // width left in the current line
    float itemWidth(const Node& n) const;            // the node's own width hint resolved, else availWidth()
    const Node* current() const { return m_current; }  // the node being drawn

    // --- Events and binding --------------------------------------------------------------------
    bool hasAction(const Node& n, std::string_view event) const;   // an `on` entry exists
    void fire(const Node& n, std::string_view event, const Json& payload = nullptr);  // queue its actions (run after the frame)
    Json bound(const Node& n) const;                  // current value at the node's bind path (null if none)
    void setBound(const Node& n, const Json& value);  // write back (applied after the frame) and fire "change"
    std::string* editBuffer(const Node& n);           // per-widget text buffer kept in sync with the bound value
    std::string fieldError(const Node& n) const;      // validation message to show under an input, or ""

    // --- Probes --------------------------------------------------------------------------------
    // Call right after the ImGui item that represents the node: records its rect for clicks and
    // scrolls it into view when the headless driver asked for it.
    void probe(const Node& n, std::string_view label, bool clickable);

    // --- Runtime access ------------------------------------------------------------------------
    Prototype& proto() { return m_proto; }
    const Scope& scope() const;        // current scope
    EvalEnv env() const;               // clock + host functions
    std::string instanceKey(const Node& n) const;  // node key + repeat path, as used by probes
    bool disabled() const { return m_disabledDepth > 0; }  // inside an `enabled: false` subtree

private:
    friend class Prototype;
    void expand(const Node& n, std::vector<Instance>& out) const;  // one node's instances

    Prototype& m_proto;
    mutable std::vector<const Scope*> m_scopes;   // innermost last
    std::vector<int> m_indexPath;         // repeat indexes from the outside in
    const Node* m_current = nullptr;
    int m_disabledDepth = 0;
};

} // namespace pt
