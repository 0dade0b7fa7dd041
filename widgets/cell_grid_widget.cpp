// Promptotype — cell_grid: a board of cells bound to a state list (game boards, step sequencers, planner grids,
// seating charts, pixel canvases). A click paints the cell with the current palette value (or toggles it on/off)
// and fires `press` with the cell, so boards have real state rather than a picture of one. On a board with `fall`
// a click fills the lowest empty cell of its column instead (connect four). `locked` cells (a puzzle's clues) take
// no click and are drawn plain; `marked` cells (mistakes a check found) are drawn in the danger tone.
//
// Index of this file:
// [SECTION] Cell look (colours, short text)
// [SECTION] Geometry (cells keep >= 24 px and the grid fits its width: long rows wrap into bands)
// [SECTION] Drawing
// [SECTION] Registration

#include <imgui.h>
#include <imgui_internal.h>

#include "runtime/engine/ui.h"
#include "runtime/spec/catalog.h"
#include "widgets/draw.h"
#include "widgets/registration.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace pt {
namespace {

constexpr float kMinCell = 24.0f;   // smallest cell side: still a touch target and readable
constexpr float kMaxCell = 56.0f;   // largest cell side: a 3x3 board on a desktop stays a board, not a wall
constexpr float kCellGap = 4.0f;
constexpr int kMaxCells = 1024;     // 32 x 32: larger lists are drawn cut (the rest stays in state)

//-----------------------------------------------------------------------------
// [SECTION] Cell look
//-----------------------------------------------------------------------------

bool filled(const Json& v)
{
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_number()) return v.get<double>() != 0.0;
    if (v.is_string()) return !v.get_ref<const std::string&>().empty();
    return !v.is_null();
}

// Distinct fills for palette values: the theme's tones first, then hues that stay apart from them.
ImU32 hueFor(const Theme& t, size_t i)
{
    static const ImU32 extra[] = { IM_COL32(124, 77, 255, 255), IM_COL32(0, 150, 136, 255), IM_COL32(233, 30, 99, 255),
                                   IM_COL32(121, 85, 72, 255), IM_COL32(96, 125, 139, 255) };
    const ImU32 tones[] = { t.c.brand, t.c.success, t.c.warning, t.c.danger, t.c.info };
    return i < 5 ? tones[i] : extra[(i - 5) % 5];
}

// A cell value's fill: brand for true, else a stable hue per value.
ImU32 fillFor(const Theme& t, const Json& v)
{
    return v.is_boolean() ? t.c.brand : hueFor(t, std::hash<std::string>{}(v.dump()) % 10);
}

// What a cell shows: the whole value when it fits, else its initials ("hi-hat" -> "HH", "tomato" -> "T").
std::string cellText(Ui& ui, const std::string& whole, float room)
{
    if (ui.measure(whole, TextStyle::Small).x <= room) return whole;
    std::string initials;
    bool start = true;
    for (char c : whole) {
        const bool letter = std::isalnum(static_cast<unsigned char>(c)) != 0;
        if (letter && start && initials.size() < 2) initials += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        start = !letter;
    }
    return ui.measure(initials, TextStyle::Small).x <= room ? initials : initials.substr(0, 1);
}

//-----------------------------------------------------------------------------
// [SECTION] Geometry
//-----------------------------------------------------------------------------

struct GridGeometry {
    float labelW = 0;   // row-label column (0 without `rows`)
    float cell = kMinCell;
    int perBand = 1;    // cells per drawn line: a logical row longer than fits wraps into bands
    int bands = 1;      // drawn lines per logical row
};

GridGeometry geometryFor(Ui& ui, const std::vector<std::string>& rowLabels, int cols, float width)
{
    GridGeometry g;
    for (const std::string& l : rowLabels) g.labelW = ImMax(g.labelW, ui.measure(l, TextStyle::Caption).x + 10.0f);
    g.labelW = ImMin(g.labelW, ImMax(0.0f, width - kMinCell) * 0.35f);
    const float room = width - g.labelW;
    g.perBand = ImClamp((int)((room + kCellGap) / (kMinCell + kCellGap)), 1, cols);
    g.bands = (cols + g.perBand - 1) / g.perBand;
    g.perBand = (cols + g.bands - 1) / g.bands;  // even bands: 16 steps on a phone become 2 x 8, not 14 + 2
    g.cell = ImClamp((room - kCellGap * (g.perBand - 1)) / g.perBand, kMinCell, kMaxCell);
    return g;
}

//-----------------------------------------------------------------------------
// [SECTION] Drawing
//-----------------------------------------------------------------------------

void drawCellGrid(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ui.itemWidth(n);
    const int cols = ui.integer(n, "cols", 1, 32);
    std::vector<std::string> rowLabels;
    const Json rowsProp = ui.prop(n, "rows");
    if (rowsProp.is_array())
        for (const Json& r : rowsProp) rowLabels.push_back(r.is_string() ? r.get<std::string>() : r.dump());

    Json cells = ui.value(n);
    if (!cells.is_array()) cells = Json::array();
    const int logicalRows = ImMax((int)rowLabels.size(), ((int)ImMin<size_t>(cells.size(), kMaxCells) + cols - 1) / cols);
    const int count = ImMin(logicalRows * cols, kMaxCells);
    const GridGeometry g = geometryFor(ui, rowLabels, cols, width);
    const Json paint = ui.prop(n, "paint");
    const bool painting = ui.given(n, "paint");
    const bool once = ui.flag(n, "once");
    const bool fall = ui.flag(n, "fall");
    const Json colors = ui.prop(n, "colors");
    const Json locked = ui.prop(n, "locked"), marked = ui.prop(n, "marked");
    const auto flagged = [](const Json& list, int i) { return list.is_array() && i < (int)list.size() && filled(list[i]); };
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rowGap = g.bands > 1 ? kCellGap * 3 : kCellGap;  // wrapped rows stay visibly apart
    const float rowH = g.bands * (g.cell + kCellGap) - kCellGap;

    for (int i = 0; i < count; ++i) {
        const int row = i / cols, col = i % cols;
        const float y0 = origin.y + row * (rowH + rowGap);
        if (col == 0 && row < (int)rowLabels.size()) {
            const float lh = ui.measure(rowLabels[row], TextStyle::Caption).y;
            ui.fitText(ImFloor(ImVec2(origin.x, y0 + (g.cell - lh) * 0.5f)), rowLabels[row], TextStyle::Caption, t.c.textMuted, g.labelW - 6.0f);
        }
        const ImVec2 p(origin.x + g.labelW + (col % g.perBand) * (g.cell + kCellGap), y0 + (col / g.perBand) * (g.cell + kCellGap));
        const ImRect r(p, p + ImVec2(g.cell, g.cell));
        const Json value = i < (int)cells.size() ? cells[i] : Json(nullptr);
        const std::string label = row < (int)rowLabels.size() ? rowLabels[row] + " " + std::to_string(col + 1) : "Cell " + std::to_string(i + 1);

        ImGui::PushID(i);
        const draw::Press press = draw::pressAt("##cell", r);
        ImGui::PopID();
        ui.probe(n, label, true);
        // A piece dropped in a column lands on the lowest empty cell; a full column takes no move.
        int target = i;
        if (press.pressed && fall) {
            target = -1;
            for (int k = col; k < count; k += cols)
                if (k >= (int)cells.size() || !filled(cells[k])) target = k;
        }
        const Json current = target >= 0 && target < (int)cells.size() ? cells[target] : Json(nullptr);
        // A board played in turns keeps a taken cell: a click on it is no move.
        if (press.pressed && target >= 0 && !(once && filled(current)) && !flagged(locked, target)) {
            // Painting the value a cell already holds clears it, so one palette both draws and erases.
            Json next = !painting ? Json(!filled(current)) : current != paint ? paint
                      : paint.is_boolean() ? Json(false) : paint.is_number() ? Json(0) : Json("");
            while ((int)cells.size() <= target) cells.push_back(nullptr);
            cells[target] = next;
            ui.setBound(n, cells);
            ui.fire(n, "press", Json{ { "index", target }, { "row", target / cols }, { "col", col }, { "value", next } });
        }

        const float radius = ImMin(t.radiusSmall, g.cell * 0.25f);
        const bool on = filled(value);
        const Json named = colors.is_object() && value.is_string() ? colors.value(value.get<std::string>(), Json()) : Json();
        // A clue reads as printed on the board: a quiet fill and body text, so what the player wrote stands out.
        const bool clue = on && flagged(locked, i), wrong = on && flagged(marked, i);
        const ImU32 fill = !on ? (press.hovered ? mixColor(t.c.surfaceAlt, t.c.text, 0.06f) : t.c.surfaceAlt)
                         : wrong ? t.c.danger : clue ? mixColor(t.c.surfaceAlt, t.c.text, 0.10f)
                         : named.is_null() ? fillFor(t, value) : ui.color(named, fillFor(t, value));
        dl->AddRectFilled(r.Min, r.Max, draw::fade(press.held ? mixColor(fill, t.c.text, 0.15f) : fill), radius);
        if (!on) dl->AddRect(r.Min, r.Max, draw::fade(t.c.border), radius);
        if (!on || value.is_boolean()) continue;
        const std::string whole = value.is_string() ? value.get<std::string>() : value.dump();
        // A mark on a roomy cell ("X" on a game board) is drawn large; palette names stay small.
        const TextStyle style = g.cell >= 48.0f && whole.size() <= 2 ? TextStyle::H2 : TextStyle::Small;
        const std::string shown = cellText(ui, whole, g.cell - 4.0f);
        const ImVec2 s = ui.measure(shown, style);
        ui.textAt(ImFloor(r.GetCenter() - s * 0.5f), shown, style, clue && !wrong ? t.c.text : t.c.onBrand);
        if (press.hovered) ui.tooltip(whole, label);
    }
    const int drawnRows = (count + cols - 1) / cols;
    const float usedW = g.labelW + g.perBand * (g.cell + kCellGap) - kCellGap;
    draw::reserve(origin, ImVec2(ImMin(usedW, width), drawnRows > 0 ? drawnRows * (rowH + rowGap) - rowGap : 0.0f));
}

//-----------------------------------------------------------------------------
// [SECTION] Registration
//-----------------------------------------------------------------------------

// One cell of 24 px, beside a short row label when there are labels; as wide as offered otherwise.
WidthRange measureCellGrid(Ui& ui, const Node& n)
{
    return { kMinCell + (ui.given(n, "rows") ? ui.minTextWidth(TextStyle::Caption) * 0.5f : 0.0f), kFillWidth };
}

} // namespace

static void registerCellGrid(WidgetCatalog& c)
{
    WidgetDef d = widgetDef("Inputs", "cell_grid", "Board of cells.", "cols",
        { prop("cols", PropType::Number, 8, "cells per row"),
          prop("rows", PropType::Array, nullptr, "row labels (cells: \"Kick 3\", else \"Cell 5\")").withShape(R"(["Kick"])"),
          prop("paint", PropType::Any, nullptr, "value a click writes").withShape(R"("${brush}")"),
          prop("once", PropType::Bool, false, "filled cells stay (turn games)"),
          prop("fall", PropType::Bool, false, "pieces drop down their column"),
          prop("colors", PropType::Object, nullptr, "fill color per value").withShape(R"({"X": "brand"})"),
          prop("locked", PropType::Array, nullptr, "per cell: true where clicks change nothing (clues)").withShape("[true]"),
          prop("marked", PropType::Array, nullptr, "per cell: true where shown as wrong").withShape("[true]"),
          },
        R"({"cell_grid": 16, "bind": "steps"})",
        drawCellGrid);
    d.measure = measureCellGrid;
    d.events = { "press", "change" };
    d.input = true;
    d.interactive = true;
    c.add(std::move(d));
}

static const WidgetCatalog::Registrar kRegistrar(35, registerCellGrid);

} // namespace pt
