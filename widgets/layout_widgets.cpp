// Promptotype — layout widgets: flows, grids, surfaces, lists, tabs and accordions.
//
// Containers place their children themselves (Ui::drawCell: SetCursorScreenPos + BeginGroup/EndGroup
// per child, the window's content region narrowed to the cell, so text wraps and fill-width controls
// stop at the cell edge; Ui::drawColumn stacks them). Surfaces are painted behind their content once its size is known, through a
// per-instance ImDrawListSplitter (instances nest, unlike the window's own ChannelsSplit).
//
// Index of this file:
// [SECTION] Helpers (background layers, tints, avatars, grid-cell stretching)
// [SECTION] Flows (one row of cells)
// [SECTION] col, row, grid, scroll, stack
// [SECTION] card, section
// [SECTION] list, item
// [SECTION] tabs, tab, accordion
// [SECTION] Measures (width ranges for the layout contract)
// [SECTION] Registration

#include <imgui.h>
#include <imgui_internal.h>

#include "runtime/engine/ui.h"
#include "runtime/spec/catalog.h"
#include "widgets/draw.h"
#include "widgets/registration.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace pt {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// Reserves the box a widget occupies (its children were placed by hand) so the parent's cursor
// moves past it like after any other item.
void finishBox(ImVec2 origin, ImVec2 size)
{
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(ImMax(size.x, 0.0f), ImMax(size.y, 0.0f)));
}

// Content drawn while this object lives lands above whatever is drawn after behind() is called:
// lets a container paint its surface once it has measured its content.
class Layers {
public:
    explicit Layers(ImDrawList* dl) : m_dl(dl)
    {
        m_split.Split(m_dl, 2);
        m_split.SetCurrentChannel(m_dl, 1);
    }
    ~Layers() { m_split.Merge(m_dl); }
    void behind() { m_split.SetCurrentChannel(m_dl, 0); }
    Layers(const Layers&) = delete;
    Layers& operator=(const Layers&) = delete;

private:
    ImDrawList* m_dl;
    ImDrawListSplitter m_split;
};

// Background tint for hovered / pressed rows and surfaces.
ImU32 pressTint(const Theme& t, ImU32 base, const draw::Press& p)
{
    if (p.held) return mixColor(base, t.c.text, t.dark ? 0.10f : 0.07f);
    if (p.hovered) return mixColor(base, t.c.text, t.dark ? 0.06f : 0.035f);
    return base;
}

// A chevron drawn with lines, pointing right at angle 0 and rotated by `angle` (radians).
void drawChevron(ImVec2 center, float size, float angle, ImU32 color)
{
    const float c = std::cos(angle), s = std::sin(angle);
    auto rot = [&](float x, float y) { return center + ImVec2(x * c - y * s, x * s + y * c); };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PathLineTo(rot(-size * 0.25f, -size * 0.5f));
    dl->PathLineTo(rot(size * 0.25f, 0.0f));
    dl->PathLineTo(rot(-size * 0.25f, size * 0.5f));
    dl->PathStroke(color, 0, 1.8f);
}

// Initials for an avatar: the first letter of the first two words (UTF-8 aware), uppercased when ASCII.
std::string initials(const std::string& name)
{
    std::string out;
    int letters = 0;
    bool atWordStart = true;
    for (size_t i = 0; i < name.size() && letters < 2;) {
        const unsigned char ch = (unsigned char)name[i];
        const size_t len = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
        const bool separator = ch == ' ' || ch == '-' || ch == '.' || ch == '_';
        if (atWordStart && !separator) {
            out += len == 1 ? std::string(1, (char)std::toupper(ch)) : name.substr(i, len);
            letters++;
        }
        atWordStart = separator;
        i += len;
    }
    return out;
}

// A hue for an avatar, stable per name, from a set that reads well on light and dark surfaces.
ImU32 avatarHue(const std::string& name)
{
    static const ImU32 hues[] = { IM_COL32(79, 124, 255, 255), IM_COL32(20, 184, 166, 255), IM_COL32(245, 158, 11, 255),
                                  IM_COL32(139, 92, 246, 255), IM_COL32(244, 63, 94, 255),  IM_COL32(14, 165, 233, 255),
                                  IM_COL32(34, 197, 94, 255),  IM_COL32(236, 72, 153, 255) };
    unsigned h = 2166136261u;
    for (unsigned char ch : name) h = (h ^ ch) * 16777619u;
    return hues[h % IM_ARRAYSIZE(hues)];
}

// A tinted background for a tone or color prop, or 0 for none / unset.
ImU32 softFill(Ui& ui, const Json& value)
{
    if (!value.is_string()) return 0;
    std::string s = value.get<std::string>();
    const Theme& t = ui.theme();
    if (s.empty() || s == "none" || s == "transparent") return 0;
    if (s == "surface") return t.c.surface;
    if (s == "alt" || s == "surfaceAlt") return t.c.surfaceAlt;
    if (Theme::isTone(s)) return t.toneSoft(s);
    ImU32 c;
    return parseColor(s, &c) ? mixColor(t.c.surface, c, t.dark ? 0.22f : 0.14f) : 0;
}

// The label of a child node's first text-like prop (for probes of clickable containers).
std::string firstText(Ui& ui, const std::vector<Node>& nodes)
{
    for (const Node& child : nodes) {
        if (!child.def) continue;
        const PropDef* primary = child.def->prop(child.def->primary);
        if (primary && primary->type == PropType::String) {
            std::string s = ui.str(child, primary->name);
            if (!s.empty()) return s;
        }
        if (!child.children.empty()) {
            std::string s = firstText(ui, child.children);
            if (!s.empty()) return s;
        }
    }
    return "";
}

// A string prop from a child node, if its widget has that prop.
std::string childStr(Ui& ui, const Node& child, const char* name)
{
    return child.def && child.def->prop(name) ? ui.str(child, name) : std::string();
}

// Per-instance view state, keyed inside the widget's own ID scope.
ImGuiStorage* storage() { return ImGui::GetStateStorage(); }
ImGuiID slotId(const char* what, int index) { return ImGui::GetID(what) + (ImGuiID)index * 0x9E3779B1u; }

// Equal-height grid cells. The grid offers its row height to the widget of one cell through the
// window's storage (well-known keys, so widgets in other files can take part); a widget that takes
// the offer draws at least that tall and reports its natural height, which sizes the row next frame.
const ImGuiID kStretchNode = ImHashStr("pt.stretch.node"), kStretchHeight = ImHashStr("pt.stretch.height"),
              kStretchNatural = ImHashStr("pt.stretch.natural");

void offerStretch(const Node* cell, float height)
{
    storage()->SetVoidPtr(kStretchNode, (void*)cell);
    storage()->SetFloat(kStretchHeight, height);
    storage()->SetFloat(kStretchNatural, -1.0f);
}

// After the cell: its natural height (what it reported, else what it measured).
float endStretch(float measured)
{
    storage()->SetVoidPtr(kStretchNode, nullptr);
    const float natural = storage()->GetFloat(kStretchNatural, -1.0f);
    return natural >= 0.0f ? natural : measured;
}

// In a widget, before drawing its children: the height offered to it, or 0.
float takeStretch(const Node& n)
{
    if (storage()->GetVoidPtr(kStretchNode) != &n) return 0.0f;
    storage()->SetVoidPtr(kStretchNode, nullptr);
    return storage()->GetFloat(kStretchHeight, 0.0f);
}

// After drawing, when it took an offer: its height without stretching.
void reportStretch(float natural) { storage()->SetFloat(kStretchNatural, natural); }

//-----------------------------------------------------------------------------
// [SECTION] Flows
//-----------------------------------------------------------------------------

enum class Justify { Start, Center, End, Between };
enum class VAlign { Top, Center, Bottom };

Justify justifyFrom(const std::string& s)
{
    if (s == "center") return Justify::Center;
    if (s == "end") return Justify::End;
    if (s == "between" || s == "space-between") return Justify::Between;
    return Justify::Start;
}

VAlign valignFrom(const std::string& s)
{
    if (s == "top" || s == "start") return VAlign::Top;
    if (s == "bottom" || s == "end") return VAlign::Bottom;
    return VAlign::Center;
}

struct RowOptions {
    float gap = 8;
    Justify justify = Justify::Start;
    VAlign valign = VAlign::Center;
    bool wrap = false;
};

// One child of a row: its width range, its share of leftover width, and its height on the previous frame.
struct RowCell {
    Ui::Instance inst;
    WidthRange range;  // this frame's minimum and preferred width (a `w` or a percentage: both that width)
    float grow = 0;    // > 0: shares the leftover width
    float width = 0;   // what its line gave it
    float prevH = 0;
    ImGuiID hid = 0;
};

// Gives the cells [begin, end) of one line their widths in `avail` (gaps taken out): the layout contract. Cells that
// do not grow take their preferred width (a fill widget its minimum when a sibling grows). When that leaves too
// little, fill widgets (fields, charts, tiles) give up width first, then the others, each in proportion to its
// width and never below its minimum: text keeps its natural width as long as anything else can yield. Growing
// cells share what is left in proportion to `grow`, never below their minimum.
void distribute(std::vector<RowCell>& cells, size_t begin, size_t end, float avail)
{
    float totalGrow = 0, growMin = 0, taken = 0;
    for (size_t i = begin; i < end; i++) {
        RowCell& c = cells[i];
        totalGrow += c.grow;
        if (c.grow > 0) growMin += c.range.min;
    }
    for (size_t i = begin; i < end; i++) {
        RowCell& c = cells[i];
        if (c.grow > 0) continue;
        c.width = totalGrow > 0 && c.range.pref >= kFillWidth ? c.range.min : ImMin(c.range.pref, avail);
        taken += c.width;
    }
    // Too wide: fill widgets yield first, then the others. Each yielding cell keeps a share of what is left in
    // proportion to its width (equal fills stay equal), none below its minimum.
    for (bool fills : { true, false }) {
        std::vector<bool> atMin(end - begin, false);
        for (bool again = true; again;) {
            again = false;
            float yielding = 0, fixed = growMin;
            for (size_t i = begin; i < end; i++) {
                const RowCell& c = cells[i];
                if (c.grow > 0) continue;
                if ((c.range.pref >= kFillWidth) == fills && !atMin[i - begin]) yielding += c.width;
                else fixed += c.width;
            }
            if (yielding <= 0 || fixed + yielding <= avail) break;
            const float k = ImMax(0.0f, avail - fixed) / yielding;
            taken = fixed - growMin;
            for (size_t i = begin; i < end; i++) {
                RowCell& c = cells[i];
                if (c.grow > 0 || (c.range.pref >= kFillWidth) != fills || atMin[i - begin]) continue;
                c.width *= k;
                if (c.width < c.range.min) {
                    c.width = c.range.min;
                    atMin[i - begin] = again = true;
                }
                taken += c.width;
            }
        }
    }
    // Growing cells: proportional shares, those whose share is under their minimum pinned at it, until all fit.
    std::vector<bool> pinned(end - begin, false);
    float left = ImMax(0.0f, avail - taken), shares = totalGrow;
    for (bool again = true; again && shares > 0;) {
        again = false;
        for (size_t i = begin; i < end; i++) {
            RowCell& c = cells[i];
            if (c.grow <= 0 || pinned[i - begin]) continue;
            c.width = left * c.grow / shares;
            if (c.width >= c.range.min) continue;
            c.width = c.range.min;
            pinned[i - begin] = again = true;
            left = ImMax(0.0f, left - c.width);
            shares -= c.grow;
            break;
        }
    }
    for (size_t i = begin; i < end; i++) cells[i].width = ImMin(cells[i].width, avail);  // a lone cell wider than the row
}

// Lays out children left to right in [origin.x, origin.x + width]: widths from this frame's measures (see
// distribute), a new line when the next child's minimum (its preferred width for `wrap` rows) does not fit.
// Heights of the previous frame drive vertical centering. Returns the size used.
ImVec2 flowRow(Ui& ui, const std::vector<Node>& nodes, ImVec2 origin, float width, const RowOptions& o)
{
    std::vector<RowCell> cells;
    int index = 0;
    for (const Ui::Instance& inst : ui.instances(nodes)) {
        RowCell c;
        c.inst = inst;
        const NodeLayout& l = inst.node->layout;
        if (l.widthPct > 0) c.range.min = c.range.pref = width * ImMin(l.widthPct, 100.0f) / 100.0f;
        else c.range = ui.widths(inst);
        if (l.width > 0) c.range.min = c.range.pref = ImMin(l.width, width);
        else if (l.width < 0) c.grow = 1;
        if (l.grow > 0 && l.width <= 0 && l.widthPct <= 0) c.grow = l.grow;
        if (o.wrap) c.grow = 0;  // wrapped lines size to content
        c.hid = slotId("##rowh", index++);
        c.prevH = storage()->GetFloat(c.hid, 0.0f);
        cells.push_back(std::move(c));
    }

    std::vector<std::pair<size_t, size_t>> lines;
    size_t begin = 0;
    float lineW = 0;
    for (size_t i = 0; i < cells.size(); i++) {
        const WidthRange& r = cells[i].range;
        const float w = ImMin(o.wrap ? r.pref : r.min, width);
        if (i > begin && lineW + o.gap + w > width) {
            lines.emplace_back(begin, i);
            begin = i;
            lineW = 0;
        }
        lineW += (i > begin ? o.gap : 0.0f) + w;
    }
    if (begin < cells.size()) lines.emplace_back(begin, cells.size());

    float y = origin.y, usedRight = origin.x;
    bool anyGrow = false;
    for (const auto& line : lines) {
        const size_t count = line.second - line.first;
        const float avail = ImMax(1.0f, width - o.gap * (count - 1));
        distribute(cells, line.first, line.second, avail);
        float used = 0, totalGrow = 0, lineH = 0;
        for (size_t i = line.first; i < line.second; i++) {
            used += cells[i].width;
            totalGrow += cells[i].grow;
            lineH = ImMax(lineH, cells[i].prevH);
        }
        anyGrow |= totalGrow > 0;
        const float leftover = ImMax(0.0f, avail - used);
        float x = origin.x, gap = o.gap;
        if (totalGrow <= 0) {
            if (o.justify == Justify::Center) x += leftover * 0.5f;
            else if (o.justify == Justify::End) x += leftover;
            else if (o.justify == Justify::Between && count > 1) gap += leftover / (count - 1);
        }
        float maxH = 0;
        for (size_t i = line.first; i < line.second; i++) {
            RowCell& c = cells[i];
            float dy = 0;
            if (c.prevH > 0 && o.valign != VAlign::Top)
                dy = (lineH - c.prevH) * (o.valign == VAlign::Center ? 0.5f : 1.0f);
            const ImVec2 sz = ui.drawCell(c.inst, ImVec2(x, y + ImMax(0.0f, dy)), x + c.width);
            storage()->SetFloat(c.hid, sz.y);
            if (sz.x <= 0 && sz.y <= 0) continue;  // drew nothing: takes no room and no gap
            usedRight = ImMax(usedRight, x + ImMin(sz.x, c.width));
            maxH = ImMax(maxH, sz.y + ImMax(0.0f, dy));
            x += c.width + gap;
        }
        y += maxH + (maxH > 0 ? o.gap : 0.0f);
    }
    float h = y - origin.y;
    if (h > 0) h -= o.gap;
    // A start-justified row without growing children hugs its content, so it can sit in another row.
    bool hug = !anyGrow && o.justify == Justify::Start;
    return ImVec2(hug ? usedRight - origin.x : width, ImMax(h, 0.0f));
}

float gapProp(Ui& ui, const Node& n, const char* name, float fallback)
{
    return ui.given(n, name) ? ImClamp((float)ui.num(n, name), 0.0f, 400.0f) : fallback;
}

//-----------------------------------------------------------------------------
// [SECTION] col, row, grid, scroll, stack
//-----------------------------------------------------------------------------

void drawCol(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const float gap = gapProp(ui, n, "gap", t.gap);
    const float pad = ImMin(gapProp(ui, n, "pad", 0.0f), ImMin(w * 0.25f, 64.0f));
    const ImU32 bg = softFill(ui, ui.prop(n, "bg"));
    if (!bg) {
        ImVec2 used = ui.drawColumn(n.children, origin + ImVec2(pad, pad), w - pad * 2, gap);
        finishBox(origin, ImVec2(pad > 0 ? w : used.x, used.y + pad * 2));
        return;
    }
    Layers layers(ImGui::GetWindowDrawList());
    ImVec2 used = ui.drawColumn(n.children, origin + ImVec2(pad, pad), w - pad * 2, gap);
    ImRect box(origin, origin + ImVec2(w, used.y + pad * 2));
    layers.behind();
    ImGui::GetWindowDrawList()->AddRectFilled(box.Min, box.Max, bg, t.radius);
    finishBox(origin, box.GetSize());
}

void drawRow(Ui& ui, const Node& n)
{
    RowOptions o;
    o.gap = gapProp(ui, n, "gap", 8.0f);
    o.justify = justifyFrom(ui.str(n, "justify"));
    o.valign = valignFrom(ui.str(n, "valign"));
    o.wrap = ui.flag(n, "wrap");
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    finishBox(origin, flowRow(ui, n.children, origin, ui.itemWidth(n), o));
}

// Cells whose natural height is at least this share of their row's tallest stretch to it (tiles line up); shorter
// ones keep their own height, top-aligned, instead of becoming mostly empty boxes.
constexpr float kStretchShare = 0.6f;

void drawGrid(Ui& ui, const Node& n)
{
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const float gap = gapProp(ui, n, "gap", ui.theme().gap);
    const std::vector<Ui::Instance> list = ui.instances(n.children);
    int cols = ui.num(n, "cols") >= 1 ? ui.integer(n, "cols", 1, 12) : 2;
    float cellMin = 0;  // columns are dropped until every cell gets its minimum width
    for (const Ui::Instance& inst : list) cellMin = ImMax(cellMin, ui.widths(inst).min);
    while (cols > 1 && (w - gap * (cols - 1)) / cols < cellMin) cols--;
    const float cellW = ImMax(1.0f, (w - gap * (cols - 1)) / cols);
    float y = origin.y, rowH = 0, natural = 0;
    int k = 0, row = 0;
    for (const Ui::Instance& inst : list) {
        const int col = k % cols;
        if (col == 0 && k > 0) {
            storage()->SetFloat(slotId("##gridrow", row++), natural);
            y += rowH + gap;
            rowH = natural = 0;
        }
        const float x = origin.x + col * (cellW + gap);
        // Cards and tiles of similar height stretch to the row's (last frame's tallest natural cell).
        const ImGuiID cellId = slotId("##gridcell", k++);
        const float rowNatural = storage()->GetFloat(slotId("##gridrow", row), 0.0f);
        const float own = storage()->GetFloat(cellId, 0.0f);
        offerStretch(inst.node, own >= rowNatural * kStretchShare ? rowNatural : 0.0f);
        const float h = ui.drawCell(inst, ImVec2(x, y), x + cellW).y;
        const float cellNatural = endStretch(h);
        storage()->SetFloat(cellId, cellNatural);
        rowH = ImMax(rowH, h);
        natural = ImMax(natural, cellNatural);
    }
    storage()->SetFloat(slotId("##gridrow", row), natural);
    finishBox(origin, ImVec2(w, y + rowH - origin.y));
}

void drawScroll(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const bool horizontal = ui.flag(n, "horizontal");
    const float w = ui.itemWidth(n);
    // Horizontal strips size to their content (last frame's height + room for the scrollbar),
    // remembered in this window's storage: the child window has its own.
    ImGuiStorage* outer = storage();
    const ImGuiID contentH = ImGui::GetID("##contentH");
    float h = n.layout.height > 0 ? n.layout.height
            : horizontal ? ImMax(outer->GetFloat(contentH, 120.0f) + ImGui::GetStyle().ScrollbarSize + 6.0f, 24.0f)
            : 240.0f;
    h = ImClamp(h, 24.0f, 4000.0f);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoBackground | (horizontal ? ImGuiWindowFlags_HorizontalScrollbar : 0);
    if (ImGui::BeginChild("##scroll", ImVec2(w, h), false, flags)) {
        const ImVec2 origin = ImGui::GetCursorScreenPos() + ImVec2(2, 2);  // room for card shadows
        ImVec2 used;
        if (horizontal) {
            // Children keep their width hint, else take 80% of the viewport so the next one peeks in.
            float x = origin.x, maxH = 0;
            for (const Ui::Instance& inst : ui.instances(n.children)) {
                const NodeLayout& l = inst.node->layout;
                float cw = l.width > 0 ? l.width : l.widthPct > 0 ? w * l.widthPct / 100.0f : w * 0.8f;
                ImVec2 sz = ui.drawCell(inst, ImVec2(x, origin.y), x + cw);
                if (sz.x <= 0) continue;
                x += sz.x + t.gap;
                maxH = ImMax(maxH, sz.y);
            }
            used = ImVec2(x - origin.x, maxH);
            outer->SetFloat(contentH, maxH);
        } else {
            used = ui.drawColumn(n.children, origin, ImGui::GetContentRegionAvail().x - 4.0f, t.gap);
        }
        finishBox(origin, used + ImVec2(2, 2));
    }
    ImGui::EndChild();
}

void drawStack(Ui& ui, const Node& n)
{
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    ImVec2 size;
    for (const Ui::Instance& inst : ui.instances(n.children))
        size = ImMax(size, ui.drawCell(inst, origin, origin.x + w));
    finishBox(origin, size);
}

//-----------------------------------------------------------------------------
// [SECTION] card, section
//-----------------------------------------------------------------------------

void drawCard(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const float pad = ImMin(gapProp(ui, n, "pad", t.pad), ImMin(w * 0.25f, 64.0f));
    const std::string title = ui.str(n, "title"), subtitle = ui.str(n, "subtitle");
    const ImU32 tint = softFill(ui, ui.prop(n, "tone"));
    const bool outline = ui.flag(n, "outline");
    const bool clickable = ui.hasAction(n, "press");
    const float stretch = takeStretch(n);

    Layers layers(ImGui::GetWindowDrawList());
    const float innerW = w - pad * 2;
    float y = origin.y + pad;
    if (!title.empty()) {
        y += ui.textBlock(ImVec2(origin.x + pad, y), title, TextStyle::H3, draw::fade(t.c.text), innerW).y + (subtitle.empty() ? 0.0f : 2.0f);
    }
    if (!subtitle.empty()) {
        y += ui.textBlock(ImVec2(origin.x + pad, y), subtitle, TextStyle::Caption, draw::fade(t.c.textMuted), innerW).y;
    }
    if ((!title.empty() || !subtitle.empty()) && !n.children.empty()) y += t.gap;
    y += ui.drawColumn(n.children, ImVec2(origin.x + pad, y), innerW, t.gap).y;
    if (stretch > 0) reportStretch(y + pad - origin.y);
    const ImRect box(origin, ImVec2(origin.x + w, ImMax(y + pad, origin.y + stretch)));

    draw::Press press;
    if (clickable) {
        press = draw::pressAt("##card", box);
        ui.probe(n, title.empty() ? firstText(ui, n.children) : title, true);
        if (press.pressed) ui.fire(n, "press");
    }
    layers.behind();
    // Tinted cards are flat; outlined ones have a border only; the default lifts a little on hover.
    const ImU32 fill = pressTint(t, tint ? tint : t.c.surface, press);
    if (tint) ImGui::GetWindowDrawList()->AddRectFilled(box.Min, box.Max, draw::fade(fill), t.radius);
    else draw::surface(ImGui::GetWindowDrawList(), box, t, t.radius, outline ? 0.0f : press.hovered ? 2.0f : 1.0f, fill);
    finishBox(origin, box.GetSize());
}

void drawSection(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const std::string title = ui.str(n, "title"), action = ui.str(n, "action");
    float y = origin.y;
    if (!title.empty() || !action.empty()) {
        // The action link gets what the title leaves at its natural width, at least 40% of the header while the title
        // keeps about 8 characters; a longer link ends in an ellipsis, a longer title wraps.
        const float titleNatural = title.empty() ? 0.0f : ui.measure(title, TextStyle::H3).x;
        const float titleMin = ui.firstCharsWidth(title, TextStyle::H3) + (title.empty() ? 0.0f : t.gap);
        const float actionRoom = ImMax(0.0f, ImMin(w - titleMin, ImMax(w * 0.4f, w - titleNatural - t.gap)));
        ImVec2 actionSize = action.empty() ? ImVec2() : ui.measure(action, TextStyle::Strong);
        actionSize.x = ImMin(actionSize.x, actionRoom);
        const float titleW = ImMax(1.0f, w - (action.empty() ? 0.0f : actionSize.x + t.gap));
        const ImVec2 titleSize = ui.blockSize(title, TextStyle::H3, titleW);
        const float headH = ImMax(titleSize.y, actionSize.y);
        if (!title.empty()) ui.textBlock(ImVec2(origin.x, y + (headH - titleSize.y) * 0.5f), title, TextStyle::H3, t.c.text, titleW);
        if (!action.empty()) {
            ImRect hit(ImVec2(origin.x + w - actionSize.x - 6, y - 4), ImVec2(origin.x + w + 6, y + headH + 4));
            draw::Press p = draw::pressAt("##action", hit);
            ui.probe(n, action, true);
            if (p.pressed) ui.fire(n, "press");
            const ImU32 col = draw::fade(p.held ? t.c.brandActive : p.hovered ? t.c.brandHover : t.c.brand);
            ui.fitText(ImVec2(origin.x + w - actionSize.x, y + (headH - actionSize.y) * 0.5f), action, TextStyle::Strong, col, actionSize.x);
        }
        y += headH + (n.children.empty() ? 0.0f : t.gap * 0.75f);
    }
    y += ui.drawColumn(n.children, ImVec2(origin.x, y), w, t.gap).y;
    finishBox(origin, ImVec2(w, y - origin.y));
}

//-----------------------------------------------------------------------------
// [SECTION] list, item
//-----------------------------------------------------------------------------

constexpr float kItemLeadD = 40.0f, kItemSpacing = 12.0f;  // an item's leading visual, and the space after it
constexpr float kItemLeadW = kItemLeadD + kItemSpacing;      // the width the leading visual takes from the title

void drawList(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const bool inset = ui.flag(n, "inset");
    const std::string title = ui.str(n, "title");
    ImDrawList* dl = ImGui::GetWindowDrawList();

    float y = origin.y;
    if (!title.empty()) {
        // Grouped-list header: small, muted, slightly indented, like iOS settings.
        std::string upper = title;
        for (char& ch : upper) ch = (char)std::toupper((unsigned char)ch);
        const float indent = inset ? t.pad : 0.0f;
        y += ui.textBlock(ImVec2(origin.x + indent, y), upper, TextStyle::Small, t.c.textMuted, w - indent).y + 8.0f;
    }
    const float top = y;
    Layers layers(dl);
    const float padY = inset ? 4.0f : 0.0f;
    y += padY;
    bool first = true;
    for (const Ui::Instance& inst : ui.instances(n.children)) {
        const float sepY = y;
        ImVec2 sz = ui.drawCell(inst, ImVec2(origin.x, y), origin.x + w);
        if (sz.y <= 0) continue;
        if (!first) {
            // Separators start under the text of rows that have a leading icon or avatar (iOS style).
            const Node& row = *inst.node;
            const bool leading = ui.given(row, "icon") || ui.given(row, "avatar");
            const float sepInset = leading ? t.pad + kItemLeadW : inset ? t.pad : 0.0f;
            dl->AddLine(ImVec2(origin.x + sepInset, sepY), ImVec2(origin.x + w - (inset ? t.pad : 0.0f), sepY), withAlpha(t.c.border, t.dark ? 1.0f : 0.9f), 1.0f);
        }
        y += sz.y;
        first = false;
    }
    y += padY;
    if (inset && y > top + padY * 2) {
        layers.behind();
        draw::surface(dl, ImRect(ImVec2(origin.x, top), ImVec2(origin.x + w, y)), t, t.radius);
    }
    finishBox(origin, ImVec2(w, y - origin.y));
}

// Leading visual of an item: an icon in a soft brand circle, or an avatar with initials.
void drawLeading(Ui& ui, ImVec2 center, float diameter, const std::string& icon, const std::string& avatar)
{
    const Theme& t = ui.theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!avatar.empty()) {
        const ImU32 hue = avatarHue(avatar);
        dl->AddCircleFilled(center, diameter * 0.5f, draw::fade(mixColor(t.c.surface, hue, t.dark ? 0.35f : 0.18f)), 32);
        const std::string letters = initials(avatar);
        const ImVec2 sz = ui.measure(letters, TextStyle::Strong);
        dl->AddText(ui.font(TextStyle::Strong), ui.font(TextStyle::Strong)->FontSize, ImFloor(center - sz * 0.5f),
                    draw::fade(mixColor(hue, t.dark ? IM_COL32_WHITE : IM_COL32_BLACK, t.dark ? 0.35f : 0.2f)), letters.c_str());
        return;
    }
    dl->AddCircleFilled(center, diameter * 0.5f, draw::fade(t.c.brandSoft), 32);
    draw::iconAt(ui, center, 18.0f, icon, draw::fade(t.c.brand));
}

constexpr float kPillPadX = 7.0f, kPillMinW = 22.0f;  // an item badge's pill: padding each side of its text, narrowest pill

// The width of the pill drawPill draws for `text` within maxW.
float pillWidth(Ui& ui, const std::string& text, float maxW)
{
    return ImMin(ImMax(ui.measure(text, TextStyle::Small).x + kPillPadX * 2, kPillMinW), ImMax(maxW, kPillMinW));
}

// A small pill with text (item badges), at most maxW wide: a longer text ends in an ellipsis. Returns its width.
float drawPill(Ui& ui, ImVec2 rightCenter, const std::string& text, float maxW, ImU32 fill, ImU32 ink)
{
    const ImVec2 sz = ui.measure(text, TextStyle::Small);
    const ImVec2 box(pillWidth(ui, text, maxW), sz.y + 6.0f);
    const ImVec2 min(rightCenter.x - box.x, rightCenter.y - box.y * 0.5f);
    ImGui::GetWindowDrawList()->AddRectFilled(min, min + box, draw::fade(fill), box.y * 0.5f);
    const float textW = box.x >= sz.x + kPillPadX * 2 ? sz.x : box.x - kPillPadX * 2;  // (sz.x + pad) - pad may round below sz.x
    ui.fitText(ImFloor(min + (box - ImVec2(textW, sz.y)) * 0.5f), text, TextStyle::Small, draw::fade(ink), textW);
    return box.x;
}

// The narrowest an item lays out without its leading visual: padding, about 8 characters of title and the trailing bits
// (chevron or check, badge and trailing text at about 8 characters each).
float itemContentMin(Ui& ui, const Node& n)
{
    float min = ui.theme().pad * 2 + ui.firstCharsWidth(ui.str(n, "title"), TextStyle::Strong);
    if (ui.flag(n, "check") || (ui.given(n, "chevron") ? ui.flag(n, "chevron") : ui.hasAction(n, "press"))) min += 24.0f;
    const std::string& badge = ui.str(n, "badge");
    if (!badge.empty()) min += ImMax(kPillMinW, ui.firstCharsWidth(badge, TextStyle::Small) + kPillPadX * 2) + 8.0f;
    const std::string& trailing = ui.str(n, "trailing");
    if (!trailing.empty()) min += ui.firstCharsWidth(trailing, TextStyle::Caption) + 12.0f;
    return min;
}

void drawItem(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const std::string title = ui.str(n, "title"), subtitle = ui.str(n, "subtitle");
    const std::string icon = ui.str(n, "icon"), avatar = ui.str(n, "avatar");
    const std::string trailing = ui.str(n, "trailing"), badge = ui.str(n, "badge");
    const bool clickable = ui.hasAction(n, "press");
    const bool chevron = ui.given(n, "chevron") ? ui.flag(n, "chevron") : clickable;
    const bool check = ui.flag(n, "check");

    const float padX = t.pad, leadD = kItemLeadD, spacing = kItemSpacing;
    // The title keeps about 8 characters whatever else the row holds (it wraps, or ends in an ellipsis below that).
    const float titleW = ui.measure(title, TextStyle::Strong).x;
    const float titleMin = ui.firstCharsWidth(title, TextStyle::Strong);
    // A row too narrow for its leading visual beside that much title and its trailing bits goes without it: the
    // visual decorates, the trailing text (an amount, a time) informs.
    const bool hasLead = (!avatar.empty() || !ui.icon(icon).empty()) && w >= itemContentMin(ui, n) + kItemLeadW;
    const float textX = origin.x + padX + (hasLead ? kItemLeadW : 0.0f);
    const float textArea = ImMax(0.0f, origin.x + w - padX - textX);  // title and trailing cluster side by side
    // Trailing cluster, right to left: chevron / check, badge, text, in what the title's minimum leaves.
    const float spare = ImMax(0.0f, textArea - titleMin - spacing);
    const float chevronW = chevron || check ? 16.0f : 0.0f;
    float trailW = chevronW;
    const float badgeW = badge.empty() ? 0.0f : pillWidth(ui, badge, ImMin(spare - trailW - (trailW > 0 ? 8.0f : 0.0f), textArea * 0.4f));
    if (!badge.empty()) trailW += (trailW > 0 ? 8.0f : 0.0f) + badgeW;
    // Trailing text (amounts, times) gets what the title can spare beyond its natural width, at least half the text
    // area while the title keeps its minimum; it shrinks a size before it is cut.
    const float trailGap = trailW > 0 ? 8.0f : 0.0f;
    const float trailRoom = ImMax(0.0f, ImMin(spare - trailW - trailGap, ImMax(textArea * 0.5f, textArea - titleW - spacing - trailW - trailGap)));
    const TextStyle trailStyle = ui.shrinkToFit(trailing, TextStyle::Caption, trailRoom, TextStyle::Small);
    const ImVec2 trailSz = trailing.empty() ? ImVec2() : ui.measure(trailing, trailStyle);
    if (!trailing.empty()) trailW += trailGap + ImMin(trailSz.x, trailRoom);

    const float textW = ImMax(1.0f, textArea - (trailW > 0 ? trailW + spacing : 0.0f));
    const ImVec2 titleSz = ui.blockSize(title, TextStyle::Strong, textW);
    const ImVec2 subSz = subtitle.empty() ? ImVec2() : ui.blockSize(subtitle, TextStyle::Caption, textW);
    const float textH = titleSz.y + (subtitle.empty() ? 0.0f : 2.0f + subSz.y);
    const float h = ImMax(56.0f, ImMax(textH, hasLead ? leadD : 0.0f) + 20.0f);
    const ImRect row(origin, origin + ImVec2(w, h));

    ImGui::ItemSize(row.GetSize());
    draw::Press press;
    if (clickable) {
        press = draw::pressAt("##item", row);
        ui.probe(n, title, true);
        if (press.pressed) ui.fire(n, "press");
    } else {
        ImGui::ItemAdd(row, 0);
        ui.probe(n, title, false);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (press.hovered || press.held)
        dl->AddRectFilled(row.Min + ImVec2(4, 3), row.Max - ImVec2(4, 3), withAlpha(t.c.text, press.held ? 0.08f : 0.045f), t.radiusSmall);

    const float cy = origin.y + h * 0.5f;
    if (hasLead) drawLeading(ui, ImVec2(origin.x + padX + leadD * 0.5f, cy), leadD, icon, avatar);
    float ty = cy - textH * 0.5f;
    ui.textBlock(ImVec2(textX, ty), title, TextStyle::Strong, draw::fade(t.c.text), textW);
    if (!subtitle.empty()) ui.textBlock(ImVec2(textX, ty + titleSz.y + 2.0f), subtitle, TextStyle::Caption, draw::fade(t.c.textMuted), textW);

    float rx = origin.x + w - padX;
    if (chevron || check) {
        draw::iconAt(ui, ImVec2(rx - 7.0f, cy), check ? 15.0f : 12.0f, check ? "check" : "chevron-right",
                     draw::fade(check ? t.c.brand : t.c.textFaint));
        rx -= chevronW + 8.0f;
    }
    if (!badge.empty()) rx -= drawPill(ui, ImVec2(rx, cy), badge, badgeW, ui.color(ui.prop(n, "badge_tone"), t.c.brand), t.c.onBrand) + 8.0f;
    if (!trailing.empty()) {
        const float tw = ImMin(trailSz.x, trailRoom);
        ui.fitText(ImFloor(ImVec2(rx - tw, cy - trailSz.y * 0.5f)), trailing, trailStyle, draw::fade(t.c.textMuted), tw);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] tabs, tab, accordion
//-----------------------------------------------------------------------------

constexpr float kTabPadX = 16.0f;  // a tab header's padding on each side of its label

// The width cap under which `widths` add up to at most `total`: the narrow ones keep theirs, the widest share the rest
// equally.
float capToFit(std::vector<float> widths, float total)
{
    std::sort(widths.begin(), widths.end());
    float left = total;
    for (size_t i = 0; i < widths.size(); i++) {
        const float share = left / (float)(widths.size() - i);
        if (widths[i] > share) return share;
        left -= widths[i];
    }
    return total;
}

void drawTabs(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const std::vector<Ui::Instance> tabs = ui.instances(n.children);
    if (tabs.empty()) {
        finishBox(origin, ImVec2(w, 0));
        return;
    }
    const ImGuiID selId = ImGui::GetID("##selected");
    const Json bound = n.hasBind ? ui.bound(n) : Json();
    int selected = bound.is_number() ? (int)std::clamp(bound.get<double>(), -1.0, 1e6) : storage()->GetInt(selId, 0);
    selected = ImClamp(selected, 0, (int)tabs.size() - 1);

    // Equal-width tabs when every label fits. Else content-width tabs from the left, on more lines when their
    // minimums (about 8 characters of label) do not fit one; on a line too narrow for its tabs the widest share what
    // the others leave and their labels end in an ellipsis.
    struct Head { std::string label, icon; float w, min; };
    std::vector<Head> heads;
    float natural = 0;
    for (const Ui::Instance& inst : tabs) {
        Head hd{ childStr(ui, *inst.node, "label"), childStr(ui, *inst.node, "icon"), 0, 0 };
        if (hd.label.empty() && hd.icon.empty()) hd.label = "Tab " + std::to_string(heads.size() + 1);
        const float iconW = ui.icon(hd.icon).empty() ? 0.0f : 24.0f;
        hd.w = ui.measure(hd.label, TextStyle::Strong).x + iconW + kTabPadX * 2;
        hd.min = ui.firstCharsWidth(hd.label, TextStyle::Strong) + iconW + kTabPadX * 2;
        natural += hd.w;
        heads.push_back(std::move(hd));
    }
    std::vector<std::pair<int, int>> lines;  // [begin, end) of the tabs on each line of the header
    float lineMin = 0;
    for (int i = 0; i < (int)heads.size(); i++) {
        if (i == 0 || lineMin + heads[i].min > w) {
            lines.emplace_back(i, i);
            lineMin = 0;
        }
        lines.back().second = i + 1;
        lineMin += heads[i].min;
    }
    const bool equal = natural <= w;
    const float lineH = 44.0f, headH = lineH * lines.size();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushClipRect(origin, origin + ImVec2(w, headH), true);
    for (size_t line = 0; line < lines.size(); line++) {
        const float top = origin.y + lineH * line;
        dl->AddLine(ImVec2(origin.x, top + lineH - 0.5f), ImVec2(origin.x + w, top + lineH - 0.5f), t.c.border, 1.0f);
        std::vector<float> widths;
        for (int i = lines[line].first; i < lines[line].second; i++) widths.push_back(heads[i].w);
        const float cap = capToFit(widths, w);
        float x = origin.x;
        for (int i = lines[line].first; i < lines[line].second; i++) {
            const Head& hd = heads[i];
            const float tw = equal ? w / heads.size() : ImMin(hd.w, cap);
            const ImRect r(ImVec2(x, top), ImVec2(x + tw, top + lineH));
            ImGui::PushID(i);
            draw::Press p = draw::pressAt("##tab", r);
            ui.probe(*tabs[i].node, hd.label, true);
            ImGui::PopID();
            if (p.pressed && i != selected) {
                storage()->SetInt(selId, i);
                ui.setBound(n, i);
                selected = i;
            }
            const bool on = i == selected;
            if (p.hovered && !on) dl->AddRectFilled(r.Min + ImVec2(2, 4), r.Max - ImVec2(2, 6), withAlpha(t.c.text, 0.04f), t.radiusSmall);
            const ImU32 ink = draw::fade(on ? t.c.brand : p.hovered ? t.c.text : t.c.textMuted);
            const bool hasIcon = !ui.icon(hd.icon).empty();
            const float iconW = hasIcon ? (hd.label.empty() ? 16.0f : 24.0f) : 0.0f;
            const ImVec2 ls = ui.measure(hd.label, TextStyle::Strong);
            const float labelRoom = tw >= hd.w ? ls.x : ImMax(0.0f, tw - kTabPadX * 2 - iconW);  // (hd.w - pad) - pad may round below ls.x
            const float contentW = ImMin(ls.x, labelRoom) + iconW;
            float cx = r.Min.x + (tw - contentW) * 0.5f;
            const float cy = r.Min.y + (lineH - 3.0f) * 0.5f;
            if (hasIcon) {
                draw::iconAt(ui, ImVec2(cx + 8.0f, cy), 15.0f, hd.icon, ink);
                cx += iconW;
            }
            if (labelRoom >= ui.measure("\xE2\x80\xA6", TextStyle::Strong).x)  // a header too narrow for even an ellipsis shows no label
                ui.fitText(ImVec2(cx, cy - ls.y * 0.5f), hd.label, TextStyle::Strong, ink, labelRoom);
            if (on) {
                const float iw = ImMin(ImMax(contentW + 12.0f, 28.0f), tw);
                const float ix = r.Min.x + (tw - iw) * 0.5f;
                dl->AddRectFilled(ImVec2(ix, r.Max.y - 3.0f), ImVec2(ix + iw, r.Max.y), draw::fade(t.c.brand), 3.0f, ImDrawFlags_RoundCornersTop);
            }
            x += tw;
        }
    }
    ImGui::PopClipRect();
    ImVec2 body = ui.drawCell(tabs[selected], ImVec2(origin.x, origin.y + headH + t.gap), origin.x + w);
    finishBox(origin, ImVec2(w, headH + (body.y > 0 ? t.gap + body.y : 0.0f)));
}

void drawTab(Ui& ui, const Node& n)
{
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    finishBox(origin, ImVec2(w, ui.drawColumn(n.children, origin, w, ui.theme().gap).y));
}

void drawAccordion(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const std::string title = ui.str(n, "title");
    const ImGuiID openId = ImGui::GetID("##open"), sinceId = ImGui::GetID("##since");
    int state = storage()->GetInt(openId, -1);
    bool open = state < 0 ? ui.flag(n, "open") : state == 1;

    Layers layers(ImGui::GetWindowDrawList());
    const float padX = t.pad, headH = 52.0f;
    const float titleW = ImMax(1.0f, w - padX * 2 - 24.0f);
    const ImVec2 titleSz = ui.blockSize(title, TextStyle::Strong, titleW);
    const float hh = ImMax(headH, titleSz.y + 24.0f);
    const ImRect head(origin, origin + ImVec2(w, hh));
    draw::Press p = draw::pressAt("##head", head);
    ui.probe(n, title, true);
    const float now = (float)ui.elapsed();
    if (p.pressed) {
        open = !open;
        storage()->SetInt(openId, open ? 1 : 0);
        storage()->SetFloat(sinceId, now);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (p.hovered) dl->AddRectFilled(head.Min + ImVec2(4, 4), head.Max - ImVec2(4, 4), withAlpha(t.c.text, p.held ? 0.07f : 0.035f), t.radiusSmall);
    ui.textBlock(ImVec2(origin.x + padX, origin.y + (hh - titleSz.y) * 0.5f), title, TextStyle::Strong, draw::fade(t.c.text), titleW);
    // The chevron turns from right to down over a short ease-out.
    const float k = ImSaturate((now - storage()->GetFloat(sinceId, -10.0f)) / 0.18f);
    const float ease = 1.0f - (1.0f - k) * (1.0f - k);
    const float angle = (open ? ease : 1.0f - ease) * IM_PI * 0.5f;
    drawChevron(ImVec2(origin.x + w - padX - 6.0f, origin.y + hh * 0.5f), 10.0f, angle, draw::fade(t.c.textMuted));

    float y = origin.y + hh;
    if (open) {
        dl->AddLine(ImVec2(origin.x + padX, y), ImVec2(origin.x + w - padX, y), t.c.border, 1.0f);
        ImVec2 used = ui.drawColumn(n.children, ImVec2(origin.x + padX, y + t.gap), w - padX * 2, t.gap);
        y += t.gap + used.y + padX;
    }
    const ImRect box(origin, ImVec2(origin.x + w, y));
    layers.behind();
    draw::surface(ImGui::GetWindowDrawList(), box, t, t.radius, 0.0f);
    finishBox(origin, box.GetSize());
}

//-----------------------------------------------------------------------------
// [SECTION] Measures (width ranges for the layout contract)
//-----------------------------------------------------------------------------

// A row wraps, so its minimum is its widest child's; its preference is all of them side by side.
WidthRange measureRow(Ui& ui, const Node& n)
{
    const float gap = gapProp(ui, n, "gap", 8.0f);
    WidthRange r;
    int count = 0;
    for (const Ui::Instance& inst : ui.instances(n.children)) {
        const WidthRange c = ui.widths(inst);
        r.min = ImMax(r.min, c.min);
        r.pref = ImMin(kFillWidth, r.pref + c.pref + (count++ ? gap : 0.0f));
    }
    return r;
}

// A range widened by the same padding on both sides.
WidthRange padded(WidthRange r, float pad) { return { r.min + pad * 2, ImMin(kFillWidth, r.pref + pad * 2) }; }

WidthRange wider(WidthRange a, WidthRange b) { return { ImMax(a.min, b.min), ImMax(a.pref, b.pref) }; }

WidthRange measureCol(Ui& ui, const Node& n) { return padded(ui.columnWidths(n.children), gapProp(ui, n, "pad", 0.0f)); }

WidthRange measureStack(Ui& ui, const Node& n) { return ui.columnWidths(n.children); }

// A grid drops columns rather than squeeze its cells under their minimum, so its own minimum is one cell's.
WidthRange measureGrid(Ui& ui, const Node& n)
{
    const int cols = ui.num(n, "cols") >= 1 ? ui.integer(n, "cols", 1, 12) : 2;
    const WidthRange cell = ui.columnWidths(n.children);
    return { cell.min, ImMin(kFillWidth, cell.pref * cols + gapProp(ui, n, "gap", ui.theme().gap) * (cols - 1)) };
}

WidthRange measureCard(Ui& ui, const Node& n)
{
    WidthRange r = wider(ui.columnWidths(n.children), ui.textWidths(ui.str(n, "title"), TextStyle::H3));
    r = wider(r, ui.textWidths(ui.str(n, "subtitle"), TextStyle::Caption));
    return padded(r, gapProp(ui, n, "pad", ui.theme().pad));
}

WidthRange measureSection(Ui& ui, const Node& n)
{
    WidthRange head = ui.textWidths(ui.str(n, "title"), TextStyle::H3);
    const std::string& action = ui.str(n, "action");
    if (!action.empty()) {
        const float aw = ui.firstCharsWidth(action, TextStyle::Strong) + ui.theme().gap;
        head = { head.min + aw, head.pref + aw };
    }
    return wider(ui.columnWidths(n.children), head);
}

WidthRange measureList(Ui& ui, const Node& n) { return ui.columnWidths(n.children); }

// A list row fills its line; its minimum keeps the leading visual, about 8 characters of title and the trailing bits.
WidthRange measureItem(Ui& ui, const Node& n)
{
    const bool lead = !ui.str(n, "avatar").empty() || !ui.icon(ui.str(n, "icon")).empty();
    return { itemContentMin(ui, n) + (lead ? kItemLeadW : 0.0f), kFillWidth };
}

WidthRange measureAccordion(Ui& ui, const Node& n)
{
    const WidthRange r = wider(ui.columnWidths(n.children), ui.textWidths(ui.str(n, "title"), TextStyle::Strong));
    return { r.min + ui.theme().pad * 2 + 24.0f, kFillWidth };
}

WidthRange measureTab(Ui& ui, const Node& n) { return ui.columnWidths(n.children); }

//-----------------------------------------------------------------------------
// [SECTION] Registration
//-----------------------------------------------------------------------------

// A layout container: `children` (its primary prop) comes first.
WidgetDef container(const char* name, const char* doc, std::vector<PropDef> props, const char* example, DrawFn draw, MeasureFn measure)
{
    props.insert(props.begin(), prop("children", PropType::Nodes, nullptr, "child widgets"));
    WidgetDef d = widgetDef("Layout", name, doc, "children", std::move(props), example, std::move(draw));
    d.container = true;
    d.measure = std::move(measure);
    return d;
}

} // namespace

static void registerLayoutWidgets(WidgetCatalog& c)
{
    c.add(container("col", "Vertical stack with a gap; optional padding and tinted background.",
        { prop("gap", PropType::Number, nullptr, "space between children in px (default: theme gap)"),
          prop("pad", PropType::Number, 0, "inner padding in px"),
          prop("bg", PropType::Color, "none", "background: a color (a tone gives its soft tint), surface or none", { "none", "surface" }) },
        R"({"col": [{"text": "Title", "style": "h3"}, {"text": "Details", "muted": true}], "gap": 4})", drawCol, measureCol));

    c.add(container("row", "Horizontal layout; children with `grow` share the leftover width.",
        { prop("gap", PropType::Number, 8, "space between children in px"),
          prop("justify", PropType::Enum, "start", "horizontal distribution", { "start", "center", "end", "between" }),
          prop("valign", PropType::Enum, "center", "vertical alignment of children", { "top", "center", "bottom" }),
          prop("wrap", PropType::Bool, false, "continue on a new line when the next child does not fit") },
        R"({"row": [{"text": "Total", "grow": 1}, {"text": "$42", "style": "strong"}]})", drawRow, measureRow));

    c.add(container("grid", "Equal-width columns.",
        { prop("cols", PropType::Number, 2, "number of columns (1-12)"),
          prop("gap", PropType::Number, nullptr, "space between cells in px (default: theme gap)") },
        R"({"grid": [{"stat": "Revenue", "value": "$12k"}, {"stat": "Users", "value": "1,204"}], "cols": 2})", drawGrid, measureGrid));

    {
        WidgetDef d = container("scroll", "Scrollable area of height `h` (default 240), or a horizontal strip.",
            { prop("horizontal", PropType::Bool, false, "scroll sideways; children are 80% of the width unless they set `w`") },
            R"({"scroll": [{"card": [{"text": "One"}], "w": 220}, {"card": [{"text": "Two"}], "w": 220}], "horizontal": true})", drawScroll, nullptr);
        d.clips = true;
        c.add(std::move(d));
    }
    {
        WidgetDef d = container("stack", "Children on top of each other, first at the bottom.", {},
            R"({"stack": [{"image": "Cover"}, {"badge": "New"}]})", drawStack, measureStack);
        d.layered = true;
        c.add(std::move(d));
    }

    {
        WidgetDef d = container("card", "Rounded surface with shadow and optional header; pressable with `press`.",
            { prop("pad", PropType::Number, nullptr, "inner padding in px (default: theme pad)"),
              prop("tone", PropType::Color, nullptr, "tinted background instead of the white surface"),
              prop("title", PropType::String, nullptr, "header title"),
              prop("subtitle", PropType::String, nullptr, "muted line under the title"),
              prop("outline", PropType::Bool, false, "flat with a border instead of a shadow") },
            R"({"card": [{"text": "Next payment due in 3 days"}], "title": "Billing", "go": "billing"})", drawCard, measureCard);
        d.events = { "press" };
        c.add(std::move(d));
    }
    {
        WidgetDef d = container("section", "Titled group with an optional action link on the right.",
            { prop("title", PropType::String, nullptr, "section title"),
              prop("action", PropType::String, nullptr, "link text on the right (fires press)") },
            R"({"section": [{"text": "..."}], "title": "Recent", "action": "See all", "go": "history"})", drawSection, measureSection);
        d.events = { "press" };
        c.add(std::move(d));
    }

    c.add(container("list", "Grouped list on a rounded surface (children are usually `item`s).",
        { prop("title", PropType::String, nullptr, "small uppercase header above the list"),
          prop("inset", PropType::Bool, true, "rounded surface with inset separators; false for a plain full-width list") },
        R"({"list": [{"item": "Profile", "icon": "user", "go": "profile"}, {"item": "Logout", "icon": "logout"}], "title": "Account"})",
        drawList, measureList));

    {
        WidgetDef d;
        d.name = "item";
        d.category = "Layout";
        d.doc = "List row.";
        d.primary = "title";
        d.props = {
            prop("title", PropType::String, "", "main line"),
            prop("subtitle", PropType::String, nullptr, "muted second line"),
            prop("icon", PropType::Icon, nullptr, "leading icon in a soft brand circle"),
            prop("avatar", PropType::String, nullptr, "leading avatar: a name shown as initials"),
            prop("trailing", PropType::String, nullptr, "muted text on the right (time, amount...)"),
            prop("badge", PropType::String, nullptr, "count or short text in a pill on the right"),
            prop("badge_tone", PropType::Color, "brand", "the pill's color, e.g. danger for an urgent row"),
            prop("chevron", PropType::Bool, nullptr, "trailing chevron (default: shown when it has press)"),
            prop("check", PropType::Bool, false, "trailing check mark (selected row)"),
        };
        d.events = { "press" };
        d.interactive = true;
        d.example = R"({"item": "Ada Lovelace", "subtitle": "Sent you a file", "avatar": "Ada Lovelace", "trailing": "9:41", "go": "chat"})";
        d.draw = drawItem;
        d.measure = measureItem;
        c.add(std::move(d));
    }
    {
        WidgetDef d = container("tabs", "Tab header over its `tab` children (selected index in `bind`).", {},
            R"({"tabs": [{"tab": [{"text": "Upcoming"}], "label": "Upcoming"}, {"tab": [{"text": "Past"}], "label": "Past"}]})", drawTabs, nullptr);
        d.events = { "change" };
        d.input = true;
        c.add(std::move(d));
    }
    c.add(container("tab", "One page of `tabs`: its label and children.",
        { prop("label", PropType::String, nullptr, "header label"),
          prop("icon", PropType::Icon, nullptr, "header icon") },
        R"({"tab": [{"text": "Overview"}], "label": "Overview"})", drawTab, measureTab));
    c.add(container("accordion", "Collapsible panel with a clickable header.",
            { prop("title", PropType::String, "", "header text"),
              prop("open", PropType::Bool, false, "initially open") },
            R"({"accordion": [{"text": "Refunds take 5-7 days."}], "title": "How do refunds work?"})", drawAccordion, measureAccordion));
}

static const WidgetCatalog::Registrar kRegistrar(40, registerLayoutWidgets);

} // namespace pt
