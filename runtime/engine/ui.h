// Promptotype — Ui: the drawing context handed to every widget's draw function, and the widgets' whole world.
//
// Widgets read their props, draw with ImGui / ImDrawList in the theme's look, fire events, write
// bound values, read the clock and navigate only through this class (never through Prototype), so
// the runtime can evaluate templates against the right scope, hold every request a widget makes
// until the frame's drawing ends, and record what was drawn (probes) for `play`, `inspect` and the
// tests.
//
// [SECTION] Probes (what was drawn where)
// [SECTION] Layout records (every node's box and text run)
// [SECTION] Ui

#pragma once
#include "runtime/spec/catalog.h"  // WidgetLayer
#include "runtime/spec/spec.h"
#include "runtime/engine/theme.h"
#include <imgui.h>
#include <imgui_internal.h>  // ImRect
#include <deque>
#include <map>
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

// Stacking of probes, as a person sees the app: app chrome below the screen's content, overlays (dialogs, sheets,
// popups) above it, each one opened later above the ones before. `play` resolves a label top down.
constexpr int kChromeLayer = 0;   // tab bar, sidebar, app bar (back arrow, bar actions)
constexpr int kContentLayer = 1;  // the screen's body
constexpr int kOverlayLayer = 2;  // the first overlay or popup of a frame; the next ones count up from here

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
    int layer = kContentLayer;  // kChromeLayer, kContentLayer, or kOverlayLayer + n (higher is on top)
};

//-----------------------------------------------------------------------------
// [SECTION] Layout records
//-----------------------------------------------------------------------------

// One node instance as laid out in the last frame: what `inspect --layout` and the layout fuzzer check.
struct LayoutBox {
    const Node* node = nullptr;  // the spec node (valid while its spec is loaded)
    std::string key;             // instance key: node key + "#index" inside repeats, as in probes
    int parent = -1;             // index of the enclosing box in the same list; -1 at the top of a screen or overlay
    ImRect rect;                 // screen coordinates as laid out (before clipping): how far its items reached
    bool skeleton = false;       // drawn as a loading placeholder: it reads state still being generated (Spec::pendingState)
};

// One run of visible text as drawn in the last frame.
struct TextRun {
    std::string text;         // what it says (the whole text when ellipsized)
    ImRect rect;              // where its glyphs went; empty when drawn some other way (e.g. inside a text field)
    int box = -1;             // the innermost layout box it was drawn in, -1 outside any node
    bool ellipsized = false;  // cut to fit with an ellipsis (the whole text shows on hover)
};

//-----------------------------------------------------------------------------
// [SECTION] Ui
//-----------------------------------------------------------------------------

// Bytes of the first min(8, length) code points of s, trailing spaces left out: the narrowest a text may be laid out
// (the layout contract; the layout checker measures the same prefix).
size_t firstCharsBytes(std::string_view s);

class Ui {
public:
    // One drawable child: a node plus the scope it is drawn in (repeat item and index bound).
    struct Instance {
        const Node* node = nullptr;
        std::shared_ptr<Scope> scope;  // null: the parent's scope
        int index = -1;                // repeat index, -1 when not repeated
        size_t cutTotal = 0;           // > 0: not a child but the note "Showing `index` of cutTotal" where the frame's budget cut `node`'s repeat
        bool skeleton = false;         // drawn as a loading placeholder: what it shows is still being generated (Spec::pendingState)
    };
    // An input with validation rules as drawn in the last frame: what Prototype::validate checks.
    struct Field {
        std::string key;               // instance key (node key + repeat path)
        const Node* node = nullptr;
        std::shared_ptr<Scope> scope;  // the scope it was drawn in, kept to evaluate its rules
    };

    explicit Ui(Prototype& owner) : m_proto(owner) {}

    // --- Frame (driven by Prototype::draw) ------------------------------------------------------
    void beginFrame(const Scope& base);  // forgets last frame's records; `base` is the scope of the screen's state
    void endFrame();                     // closes the frame: no scope is current until the next beginFrame
    void forgetFrame();                  // drops the last frame's probes, fields and boxes
    void forgetSpec();                   // the spec was replaced: drops all that points at its nodes (forgetFrame, and what each reads)
    void forgetEdits();                  // drops the text being typed in every field (reset)
    long long widgetsDrawn() const { return m_lastDrawn; }  // node instances the last frame drew (<= limits::kWidgetsPerFrame)

    // --- Props ---------------------------------------------------------------------------------
    // `name` is looked up once per widget definition and call site (cached by its address, checked by
    // content), then read by index.
    Json prop(const Node& n, std::string_view name) const;         // evaluated in the current scope (default if unset)
    // As display text. A literal string prop is the spec's own string (no copy); any other value is
    // converted into a buffer that stays valid until the next frame begins.
    const std::string& str(const Node& n, std::string_view name) const;
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
    // Measured once: a line that fits is laid out and drawn without the word-wrap pass.
    void text(std::string_view s, TextStyle style, ImU32 color, float wrap = -1.0f);
    // Text drawn at a position with the draw list (no layout), recorded as visible text.
    void textAt(ImVec2 pos, std::string_view s, TextStyle style, ImU32 color, float wrapWidth = 0.0f);
    // Count badge centred on `anchor` (an icon's corner), kept inside `within`: a number or text on a red pill (past 99
    // reads "99+"; too wide ends in an ellipsis), a dot for true; nothing for null, false, 0 or "". Used by icon
    // buttons and the tab bar and sidebar items.
    void cornerBadge(const Json& badge, ImVec2 anchor, const ImRect& within);
    // Loading placeholder at the cursor, `width` wide: `lines` pulsing bars, after a round avatar when asked. The
    // skeleton widget, and what a node reading state that is still being generated draws (see instances).
    void skeleton(int lines, bool avatar, float width);
    ImVec2 measure(std::string_view s, TextStyle style, float wrapWidth = 0.0f) const;  // size of text
    // The one cutter of text that has no room (specs/FORMAT.md, Layout): one line at pos, at most maxW wide. When
    // it does not fit it ends in an ellipsis, the whole text shows in a tooltip on hover and the run is recorded
    // whole with ellipsized = true. Returns the size drawn.
    ImVec2 fitText(ImVec2 pos, std::string_view s, TextStyle style, ImU32 color, float maxW);
    std::string ellipsize(std::string_view s, TextStyle style, float maxW) const;  // s cut to maxW with an ellipsis (UTF-8 safe); s when it fits
    // Text in a width budget at pos, drawn with the draw list: wrapped at word boundaries within maxW while that keeps
    // its lines at least as wide as its first 8 characters, else one line cut by fitText. Returns the size drawn.
    ImVec2 textBlock(ImVec2 pos, std::string_view s, TextStyle style, ImU32 color, float maxW);
    ImVec2 blockSize(std::string_view s, TextStyle style, float maxW) const;  // the size textBlock draws, to lay out before drawing
    float firstCharsWidth(std::string_view s, TextStyle style) const;  // width of s's first 8 characters: the narrowest s may be laid out
    // The largest style from `style` down the type scale to `smallest` at which s fits maxW on one line: numbers in
    // tiles shrink before they are cut.
    TextStyle shrinkToFit(std::string_view s, TextStyle style, float maxW, TextStyle smallest) const;
    void tooltip(std::string_view strong, std::string_view muted = {});  // tooltip in the app's look: a strong line, an optional muted one
    // Records a visible string drawn some other way: where its glyphs went (empty: unknown) and whether it was cut
    // with an ellipsis (`s` is then the whole text).
    void noteText(std::string_view s, const ImRect& rect = ImRect(), bool ellipsized = false);

    // --- Children and layout -------------------------------------------------------------------
    // Repeats expanded, hidden ones dropped. Every node and repeat item looked at counts against the frame's
    // budget (limits::kWidgetsPerFrame); past it nothing more expands, and the repeat that hit it ends in a note.
    // While a generation streams (Spec::pendingState), what reads a pending key is a skeleton instead: a repeat over
    // it three skeleton rows (not its empty state), a node whose props or `visible` read it one skeleton, even when
    // `visible` reads nothing else and says hidden. Containers' own props do not count: their children decide.
    std::vector<Instance> instances(const std::vector<Node>& nodes) const;
    void draw(const Instance& inst);                 // draws one child (id scope, enabled, probes handled)
    void drawNode(const Node& n);                    // draws a node in the current scope (expands its repeat)
    ImVec2 drawCell(const Instance& inst, ImVec2 pos, float maxX);  // one child at pos, narrowed to end at maxX; returns its size
    // The column: children top to bottom in [origin.x, origin.x + width], `gap` apart; children that
    // draw nothing take no gap. Returns the size used. Every vertical flow (screens, overlays,
    // components, containers) is this one.
    ImVec2 drawColumn(const std::vector<Node>& nodes, ImVec2 origin, float width, float gap);
    // The column at the cursor, as wide as the space left (gap < 0: theme gap), reserved like one item;
    // widgets inside space their own items by the same gap.
    void drawColumn(const std::vector<Node>& nodes, float gap = -1.0f);
    float drawRow(const std::vector<Node>& nodes, float gap);           // side by side at natural widths; returns the row's width
    float availWidth() const;                        // width left in the current line
    // --- Layout contract (specs/FORMAT.md, Layout) ---------------------------------------------
    WidthRange widths(const Instance& inst);          // a child's width range: its `w`, else its widget's measure, in its scope
    WidthRange columnWidths(const std::vector<Node>& nodes);  // children stacked: the widest minimum and preference
    WidthRange textWidths(std::string_view s, TextStyle style) const;  // its longest line; the minimum is minTextWidth at most
    float minTextWidth(TextStyle style) const;        // about 8 characters: text is never laid out narrower
    float itemWidth(const Node& n) const;            // the node's own width hint resolved, else availWidth()
    const Node* current() const { return m_current; }  // the node being drawn

    // --- Events and binding --------------------------------------------------------------------
    // Requests made here (actions, writes, navigation) run in order right after the frame's drawing
    // ends (see Prototype), so every widget of a frame draws from the same state.
    bool hasAction(const Node& n, std::string_view event) const;   // an `on` entry exists
    void fire(const Node& n, std::string_view event, const Json& payload = nullptr);  // its actions, after the frame
    Json bound(const Node& n) const;                  // current value at the node's bind path (null if none)
    Json value(const Node& n) const;                  // the control's value: bound, else the instance's own unbound value
    void setBound(const Node& n, const Json& value);  // write back (after the frame) and fire "change"
    void advanceBound(const Node& n, const Json& value);  // a widget's own progress (a running timer): written back, not an edit
    std::string* editBuffer(const Node& n);           // per-widget text buffer kept in sync with the bound value
    std::string fieldError(const Node& n) const;      // validation message to show under an input, or ""

    // --- App: clock, screens, problems ----------------------------------------------------------
    double now() const;                      // simulated clock in seconds (what `now()` reads in expressions)
    double elapsed() const;                  // runtime seconds since reset: drives spinners and animations
    const std::string& currentScreen() const;  // id of the screen on top of the stack
    void navigate(const std::string& screen);  // shows a screen, after the frame (unknown ids are reported)
    void back();                             // one screen back, after the frame (nothing at the root)
    ImRect screenRect() const;               // content area of the current screen (last frame): where FABs and banners pin
    void report(std::string message) const;  // a runtime problem for the presenter (deduplicated)

    // --- Probes --------------------------------------------------------------------------------
    // Call right after the ImGui item that represents the node: records its rect for clicks and
    // scrolls it into view when the headless driver asked for it.
    void probe(const Node& n, std::string_view label, bool clickable);
    void probeChrome(std::string key, std::string_view label, const ImRect& r);  // app chrome (tab bar, sidebar, back): clickable, no node
    // What is drawn until the matching popLayer sits in `layer` (WidgetLayer::Overlay: a new overlay above everything
    // drawn so far). Chrome inside an overlay stays in the overlay. Ui::draw does it for widgets whose definition says so.
    void pushLayer(WidgetLayer layer);
    void popLayer();
    const std::vector<Probe>& probes() const;        // what the last frame drew, in drawing order
    const std::vector<std::string>& texts() const;   // visible strings of the last frame, in drawing order
    const std::vector<TextRun>& textRuns() const;     // the same strings with where they were drawn
    const std::vector<LayoutBox>& layout() const;     // node instances of the last frame, parents before children
    const std::vector<Field>& fields() const { return m_fields; }  // inputs with rules in the last frame
    // The next frame scrolls the probe with this instance key (or spec id), and this label when one is given, into
    // view: every scrolling window around it, innermost first.
    void scrollIntoView(std::string key, std::string label = {});

    // --- Scope ---------------------------------------------------------------------------------
    const Scope& scope() const;        // current scope
    EvalEnv env() const;               // clock + host functions
    std::string instanceKey(const Node& n) const;  // node key + repeat path, as used by probes
    bool disabled() const { return m_disabledDepth > 0; }  // inside an `enabled: false` subtree

private:
    // A probe as recorded while drawing: strings go to per-frame arenas and become Probes only
    // when someone asks (play, inspect, tests), so a frame pays no allocation per control.
    struct ProbeRecord {
        const Node* node;          // null for chrome
        std::string_view type;
        uint32_t label, labelLen;  // in m_chars
        uint32_t key, keyLen;      // in m_chars (chrome), or the repeat path in m_path (nodes)
        ImRect rect, clip;
        int layer;
        bool enabled, clickable;
    };
    struct TextRecord {            // a TextRun as recorded: the string in m_chars
        uint32_t at, len;
        ImRect rect;
        int box;
        bool ellipsized;
    };
    struct BoxRecord {             // a LayoutBox as recorded: the repeat path in m_paths
        const Node* node;
        int parent;
        uint32_t path, pathLen;
        ImRect rect;
        bool skeleton;
    };
    struct EditBuffer { std::string text, synced; };  // text being typed + the value it mirrors

    void expand(const Node& n, std::vector<Instance>& out) const;  // one node's instances
    unsigned pendingReads(const Node& n) const;  // what the node reads of Spec::pendingState (PendingRead flags in ui.cpp)
    void skeletonOf(const Node& n);  // what a node draws while what it shows is still being generated: one bar for text, two for the rest
    std::shared_ptr<Scope> paramScope(const Node& n) const;         // a component's params bound over the current scope
    int propIndex(const WidgetDef& def, std::string_view name) const;  // cached WidgetDef::propIndex
    const std::string& display(const Json& v) const;                  // v as display text, capped, in m_scratch
    uint32_t keep(std::string_view s);  // copies s into the frame's character arena, returns its offset
    uint32_t keepPath();                // copies the current repeat path into m_paths, returns its offset
    std::string keyOf(const Node& n, uint32_t path, uint32_t len) const;  // instance key from a path kept in m_paths
    int layer();                        // the layer a probe recorded now sits in

    Prototype& m_proto;
    mutable std::vector<const Scope*> m_scopes;   // innermost last
    std::vector<int> m_indexPath;         // repeat indexes from the outside in
    const Node* m_current = nullptr;
    int m_disabledDepth = 0;
    int m_measureDepth = 0;               // nesting of widths() calls (deep subtrees are estimated, not walked)
    mutable long long m_expanded = 0;     // nodes and repeat items looked at this frame (the widget budget)
    mutable bool m_cutNoted = false;      // this frame already shows the note that the budget was reached
    long long m_drawn = 0, m_lastDrawn = 0;  // node instances drawn this frame, and in the last one

    // Per-frame records, materialized on demand.
    std::vector<ProbeRecord> m_records;
    std::vector<TextRecord> m_textSpans;  // visible strings in m_chars
    std::string m_chars;
    std::vector<int> m_paths;             // repeat paths of probes and boxes inside repeats
    std::vector<BoxRecord> m_boxes;       // every node instance drawn
    std::vector<int> m_boxStack;          // boxes being drawn, innermost last
    mutable std::vector<Probe> m_probes;
    mutable std::vector<std::string> m_texts;
    mutable std::vector<TextRun> m_runs;
    mutable std::vector<LayoutBox> m_layout;
    mutable bool m_probesStale = false, m_textsStale = false, m_runsStale = false, m_layoutStale = false;
    std::vector<Field> m_fields;
    std::string m_scrollKey, m_scrollLabel;  // the probe to scroll into view next (key empty: none)
    std::vector<int> m_layers;               // pushed layers, innermost last (empty: content)
    std::vector<std::pair<ImGuiID, int>> m_popupLayers;  // this frame's popup windows and the layer each got
    int m_overlaysBegun = 0;                 // overlays and popups begun this frame

    std::map<std::string, EditBuffer> m_buffers;

    mutable std::unordered_map<const Node*, unsigned> m_reads;  // pendingReads per node, worked out on first use (forgetSpec drops it)

    // Prop name -> index, per (definition, name), keyed by the name's address: names are string
    // literals or the catalog's own prop names, which live as long as the process.
    struct PropSlot { const WidgetDef* def = nullptr; const char* name = nullptr; uint32_t length = 0; int index = -1; };
    mutable std::vector<PropSlot> m_propSlots = std::vector<PropSlot>(512);
    mutable std::deque<std::string> m_scratch;  // display text of computed props; reused frame to frame
    mutable size_t m_scratchUsed = 0;
};

} // namespace pt
