// Promptotype — data widgets: table, KPI stat tile, progress bar and ring, timeline, activity
// heatmap and month calendar. All drawn with ImDrawList in the theme's look.
//
// Index of this file:
// [SECTION] Helpers (text fitting, grid-cell stretching, tooltips, tones)
// [SECTION] Value formatting (table column formats)
// [SECTION] Days (day numbers on the simulated clock, see runtime/spec/dates.h)
// [SECTION] table
// [SECTION] stat
// [SECTION] progress, ring
// [SECTION] timeline
// [SECTION] heatmap
// [SECTION] calendar
// [SECTION] Registration

#include <imgui.h>
#include <imgui_internal.h>

#include "runtime/engine/ui.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/dates.h"
#include "widgets/draw.h"
#include "widgets/registration.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace pt {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// Equal-height grid cells (protocol of the layout grid, see layout_widgets.cpp): the grid offers
// its row height to one cell's widget through well-known window-storage keys.
float takeStretch(const Node& n)
{
    ImGuiStorage* st = ImGui::GetStateStorage();
    if (st->GetVoidPtr(ImHashStr("pt.stretch.node")) != &n) return 0.0f;
    st->SetVoidPtr(ImHashStr("pt.stretch.node"), nullptr);
    return st->GetFloat(ImHashStr("pt.stretch.height"), 0.0f);
}

void reportStretch(float natural) { ImGui::GetStateStorage()->SetFloat(ImHashStr("pt.stretch.natural"), natural); }

// A tone prop as a color, with its soft background.
struct Tone { ImU32 ink, soft; };

// How far apart two colors look (RGB distance, 0..441).
float colorDistance(ImU32 a, ImU32 b)
{
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return 255.0f * std::sqrt((x.x - y.x) * (x.x - y.x) + (x.y - y.y) * (x.y - y.y) + (x.z - y.z) * (x.z - y.z));
}

// Two colors closer than this read as the same tone on a bar or a ring.
constexpr float kSameToneDistance = 48.0f;

Tone toneOf(Ui& ui, const Json& value, const char* fallback)
{
    const Theme& t = ui.theme();
    ImU32 ink = ui.color(value, t.tone(fallback));
    // A status tone (danger with a red brand, success with a green one) must not look like the brand's normal
    // state: it takes a deeper shade of itself.
    const bool statusTone = value.is_string() && value != "brand" && value != "primary" && value.get_ref<const std::string&>().rfind('#', 0) != 0;
    if (statusTone && colorDistance(ink, t.c.brand) < kSameToneDistance)
        ink = mixColor(ink, t.dark ? IM_COL32(255, 255, 255, 255) : IM_COL32(0, 0, 0, 255), 0.45f);
    return { ink, mixColor(t.c.surface, ink, t.dark ? 0.20f : 0.13f) };
}

// Paragraphs in a width budget: wrapped while every word fits the width (lines then break between words) and the
// width holds the text's first 8 characters, else one line cut with an ellipsis (the whole text on hover), so no
// text is laid out as a sliver.
bool wrapsAtWords(Ui& ui, std::string_view s, TextStyle style, float maxW)
{
    size_t prefix = 0;
    for (int points = 0; prefix < s.size() && points < 8; ++points)
        for (++prefix; prefix < s.size() && ((unsigned char)s[prefix] & 0xC0) == 0x80;) ++prefix;
    if (ui.measure(s.substr(0, prefix), style).x > maxW) return false;
    for (size_t at = 0; at < s.size();) {
        size_t end = s.find_first_of(" \t\n", at);
        if (end == std::string_view::npos) end = s.size();
        if (end > at && ui.measure(s.substr(at, end - at), style).x > maxW) return false;
        at = end + 1;
    }
    return true;
}

// The size paragraph() draws s at.
ImVec2 paragraphSize(Ui& ui, std::string_view s, TextStyle style, float maxW)
{
    if (wrapsAtWords(ui, s, style, maxW)) return ui.measure(s, style, maxW);
    return ImVec2(maxW, ui.measure(s, style).y);
}

// s at pos, wrapped at maxW or cut to it (see wrapsAtWords).
void paragraph(Ui& ui, ImVec2 pos, std::string_view s, TextStyle style, ImU32 color, float maxW)
{
    if (wrapsAtWords(ui, s, style, maxW)) ui.textAt(pos, s, style, color, maxW);
    else ui.fitText(pos, s, style, color, maxW);
}

// A positive size/count prop, or `fallback` when it is missing, zero, negative or not a number.
float positive(double v, float fallback) { return std::isfinite(v) && v > 0 ? (float)v : fallback; }

bool asNumber(const Json& v, double* out)
{
    if (v.is_number()) { *out = v.get<double>(); return std::isfinite(*out); }
    if (!v.is_string()) return false;
    const std::string& s = v.get_ref<const std::string&>();
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(d)) return false;
    *out = d;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Value formatting
//-----------------------------------------------------------------------------

// 1234567.891 -> "1,234,567.89" (decimals trimmed of trailing zeros unless `fixed`).
std::string groupDigits(double v, int decimals, bool fixed)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
    std::string s = buf, frac;
    size_t dot = s.find('.');
    if (dot != std::string::npos) {
        frac = s.substr(dot);
        s = s.substr(0, dot);
        if (!fixed) {
            while (!frac.empty() && frac.back() == '0') frac.pop_back();
            if (frac == ".") frac.clear();
        }
    }
    std::string out;
    for (size_t i = 0; i < s.size(); i++) {
        if (i > 0 && (s.size() - i) % 3 == 0) out += ',';
        out += s[i];
    }
    bool negative = v < 0 && (out != "0" || !frac.empty());
    return (negative ? "-" : "") + out + frac;
}

// A table cell's text: `format` is currency | number | percent | date (the year shown only when it
// is not `currentYear`); a yes/no reads "Yes" / "No", not true / false; anything else shows the value as is.
std::string formatCell(const Json& v, const std::string& format, int currentYear)
{
    if (v.is_boolean()) return v.get<bool>() ? "Yes" : "No";
    double d;
    if (format == "currency" && asNumber(v, &d)) return (d < 0 ? "-$" : "$") + groupDigits(std::fabs(d), 2, true);
    if (format == "number" && asNumber(v, &d)) return groupDigits(d, 2, false);
    if (format == "percent" && asNumber(v, &d)) return groupDigits(d * 100.0, 1, false) + "%";
    double secs;
    if (format == "date" && v.is_string() && parseDateTime(v.get<std::string>(), &secs)) {
        std::string iso = formatIsoDate(secs);  // YYYY-MM-DD
        const int month = std::atoi(iso.substr(5, 2).c_str());
        const std::string day = std::string(monthName(month).substr(0, 3)) + " " + std::to_string(std::atoi(iso.substr(8, 2).c_str()));
        return std::atoi(iso.substr(0, 4).c_str()) == currentYear ? day : day + ", " + iso.substr(0, 4);
    }
    return toDisplayString(v);
}

//-----------------------------------------------------------------------------
// [SECTION] Days
//-----------------------------------------------------------------------------

long today(Ui& ui) { return dayOf(ui.now()); }
std::string isoOf(long day) { return formatIsoDate(day * kSecondsPerDay); }

// Day numbers of the ISO dates / date-times in an array (non-dates are skipped).
std::map<long, int> countDays(const Json& dates)
{
    std::map<long, int> counts;
    if (!dates.is_array()) return counts;
    size_t n = 0;
    for (const Json& v : dates) {
        double secs;
        if (++n > 20000) break;
        if (v.is_string() && parseDateTime(v.get<std::string>(), &secs)) counts[dayOf(secs)]++;
    }
    return counts;
}

//-----------------------------------------------------------------------------
// [SECTION] table
//-----------------------------------------------------------------------------

struct Column {
    Json key;            // object field name, or array index
    std::string label;
    std::string format;
    int align = 0;       // 0 start, 1 center, 2 end
    bool alignGiven = false;  // `align` was written in the spec
    Json tones;          // value -> tone: such a cell is a tinted pill ({"Available": "success"}), as statuses read in lists
    float width = 0;
};

std::string titleCase(std::string s)
{
    for (char& ch : s) if (ch == '_') ch = ' ';
    if (!s.empty()) s[0] = (char)std::toupper((unsigned char)s[0]);
    return s;
}

std::vector<Column> tableColumns(const Json& spec, const Json& rows)
{
    std::vector<Column> cols;
    auto alignOf = [](const std::string& a, const std::string& format) {
        if (a == "center") return 1;
        if (a == "end" || a == "right") return 2;
        if (a == "start" || a == "left") return 0;
        return format == "currency" || format == "number" || format == "percent" ? 2 : 0;
    };
    if (spec.is_array()) {
        for (const Json& c : spec) {
            if (cols.size() >= 24) break;
            Column col;
            if (c.is_string()) {
                col.key = c;
                col.label = titleCase(c.get<std::string>());
            } else if (c.is_object()) {
                col.key = c.value("key", Json(cols.size()));
                col.label = c.contains("label") ? toDisplayString(c["label"]) : titleCase(toDisplayString(col.key));
                col.format = c.contains("format") ? toDisplayString(c["format"]) : "";
                col.align = alignOf(c.contains("align") ? toDisplayString(c["align"]) : "", col.format);
                col.alignGiven = c.contains("align");
                if (auto tones = c.find("tones"); tones != c.end() && tones->is_object()) col.tones = *tones;
            } else continue;
            cols.push_back(std::move(col));
        }
        return cols;
    }
    const Json& first = rows.is_array() && !rows.empty() ? rows[0] : Json();
    if (first.is_object())
        for (auto it = first.begin(); it != first.end() && cols.size() < 24; ++it) {
            Column col;
            col.key = it.key();
            col.label = titleCase(it.key());
            col.align = it.value().is_number() ? 2 : 0;
            cols.push_back(std::move(col));
        }
    else if (first.is_array())
        for (size_t i = 0; i < first.size() && i < 24; i++) {
            Column col;
            col.key = i;
            col.align = first[i].is_number() ? 2 : 0;
            cols.push_back(std::move(col));
        }
    return cols;
}

Json cellValue(const Json& row, const Json& key)
{
    if (row.is_object() && key.is_string()) {
        auto it = row.find(key.get<std::string>());
        return it != row.end() ? *it : Json();
    }
    if (row.is_array() && key.is_number_unsigned() && key.get<size_t>() < row.size()) return row[key.get<size_t>()];
    if (!row.is_object() && !row.is_array() && key.is_number() && key.get<double>() == 0) return row;  // a list of scalars
    return Json();
}

// Column widths from their natural (content) widths. Spare room is shared equally, so no column takes most of the
// width by default. Too little room: the widest columns shrink first, down to a common level, and no
// column goes under `floor` (about 8 characters) or its natural width if that is less, so short columns (amounts,
// statuses, dates) stay whole. Columns that do not fit even so are left out from the last one on (the row's
// tooltip shows them); a single column left takes the width.
void fitColumns(std::vector<Column>& cols, float w, float floor)
{
    float natural = 0, floors = 0;
    for (const Column& col : cols) {
        natural += col.width;
        floors += ImMin(col.width, floor);
    }
    while (floors > w && cols.size() > 1) {
        natural -= cols.back().width;
        floors -= ImMin(cols.back().width, floor);
        cols.pop_back();
    }
    if (natural <= w) {
        for (Column& col : cols) col.width += (w - natural) / cols.size();
        return;
    }
    if (floors >= w) {
        for (Column& col : cols) col.width = ImMin(col.width, floor) * w / floors;
        return;
    }
    auto used = [&](float level) {
        float sum = 0;
        for (const Column& col : cols) sum += ImMin(col.width, ImMax(level, ImMin(col.width, floor)));
        return sum;
    };
    float lo = 0, hi = 0;
    for (const Column& col : cols) hi = ImMax(hi, col.width);
    for (int i = 0; i < 40; i++) {  // the highest level at which the columns fit
        const float mid = (lo + hi) * 0.5f;
        (used(mid) <= w ? lo : hi) = mid;
    }
    for (Column& col : cols) col.width = ImMin(col.width, ImMax(lo, ImMin(col.width, floor)));
}

void drawTable(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const Json rows = ui.prop(n, "rows");
    std::vector<Column> cols = tableColumns(ui.prop(n, "columns"), rows);
    const size_t rowCount = rows.is_array() ? std::min<size_t>(rows.size(), 500) : 0;
    const bool zebra = ui.flag(n, "zebra");
    const bool selectable = ui.hasAction(n, "select");
    if (cols.empty()) cols.push_back(Column{ Json(0), "", "", 0, false, 0 });

    // Cell texts once; natural column widths from them.
    const float padX = 10.0f, rowH = 44.0f;
    const int year = std::atoi(formatIsoDate(ui.now()).substr(0, 4).c_str());
    std::vector<std::vector<std::string>> cells(rowCount, std::vector<std::string>(cols.size()));
    bool header = false;
    for (size_t c = 0; c < cols.size(); c++) {
        Column& col = cols[c];
        for (char& ch : col.label) ch = (char)std::toupper((unsigned char)ch);  // header style
        header |= !col.label.empty();
        float cw = ui.measure(col.label, TextStyle::Small).x;
        bool numbers = rowCount > 0;
        for (size_t r = 0; r < rowCount; r++) {
            const Json v = cellValue(rows[r], col.key);
            numbers &= v.is_number() || v.is_null();
            cells[r][c] = formatCell(v, col.format, year);
            if (r < 200) cw = ImMax(cw, ui.measure(cells[r][c], c == 0 ? TextStyle::Strong : TextStyle::Body).x);
        }
        if (numbers && !col.alignGiven) col.align = 2;  // numbers line up on the right
        col.width = std::ceil(ImMin(cw, 320.0f)) + padX * 2;
    }
    std::vector<std::string> labels;  // every column's header, also of those fitColumns leaves out
    for (const Column& col : cols) labels.push_back(col.label);
    const size_t allCols = cols.size();
    fitColumns(cols, w, ui.minTextWidth(TextStyle::Body) + padX * 2);

    const float headH = header ? 36.0f : 0.0f;
    const float bodyH = rowCount ? rowH * rowCount : 56.0f;
    const ImRect box(origin, origin + ImVec2(w, headH + bodyH));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw::surface(ImGui::GetWindowDrawList(), box, t, t.radius);
    ImGui::PushClipRect(box.Min, box.Max, true);

    auto cellPos = [&](const Column& col, float x, float y, float h, const std::string& s, TextStyle style) {
        const ImVec2 sz = ui.measure(s, style);
        const float inner = col.width - padX * 2;
        const float dx = col.align == 1 ? (inner - sz.x) * 0.5f : col.align == 2 ? inner - sz.x : 0.0f;
        return ImFloor(ImVec2(x + padX + ImMax(0.0f, dx), y + (h - sz.y) * 0.5f));
    };
    if (header) {
        dl->AddRectFilled(box.Min, ImVec2(box.Max.x, box.Min.y + headH), t.c.surfaceAlt, t.radius, ImDrawFlags_RoundCornersTop);
        dl->AddLine(ImVec2(box.Min.x, box.Min.y + headH), ImVec2(box.Max.x, box.Min.y + headH), t.c.border);
        float x = box.Min.x;
        for (const Column& col : cols) {
            ui.fitText(cellPos(col, x, box.Min.y, headH, col.label, TextStyle::Small), col.label, TextStyle::Small, t.c.textMuted, col.width - padX * 2);
            x += col.width;
        }
    }
    if (rowCount == 0) {
        const ImVec2 sz = ui.measure("No data", TextStyle::Body);
        ui.textAt(ImFloor(ImVec2(box.GetCenter().x - sz.x * 0.5f, box.Min.y + headH + (bodyH - sz.y) * 0.5f)), "No data", TextStyle::Body, t.c.textFaint);
    }
    for (size_t r = 0; r < rowCount; r++) {
        const float y = box.Min.y + headH + rowH * r;
        const ImRect rr(ImVec2(box.Min.x, y), ImVec2(box.Max.x, y + rowH));
        const ImDrawFlags corners = r + 1 == rowCount ? ImDrawFlags_RoundCornersBottom : ImDrawFlags_RoundCornersNone;
        if (selectable) {
            ImGui::PushID((int)r);
            draw::Press p = draw::pressAt("##row", rr);
            ImGui::PopID();
            ui.probe(n, cells[r][0], true);
            if (p.pressed) ui.fire(n, "select", Json{ { "row", r }, { "item", rows[r] } });
            if (p.hovered) dl->AddRectFilled(rr.Min, rr.Max, mixColor(t.c.surface, t.c.brand, p.held ? 0.12f : 0.06f), t.radius, corners);
        }
        if (cols.size() < allCols && ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(rr.Min, rr.Max)) {
            std::string rest;  // the columns left out, one "LABEL: value" line each
            for (size_t c = cols.size(); c < allCols; c++) rest += (rest.empty() ? "" : "\n") + labels[c] + (labels[c].empty() ? "" : ": ") + cells[r][c];
            ui.tooltip(cells[r][0], rest);
        }
        if (!ImGui::IsRectVisible(rr.Min, rr.Max)) continue;
        if (zebra && r % 2 == 1) dl->AddRectFilled(rr.Min, rr.Max, withAlpha(t.c.text, t.dark ? 0.035f : 0.022f), t.radius, corners);
        if (r > 0) dl->AddLine(ImVec2(rr.Min.x + padX, y), ImVec2(rr.Max.x - padX, y), withAlpha(t.c.border, 0.8f));
        float x = box.Min.x;
        for (size_t c = 0; c < cols.size(); c++) {
            const TextStyle style = c == 0 ? TextStyle::Strong : TextStyle::Body;
            if (auto tone = cols[c].tones.is_object() ? cols[c].tones.find(cells[r][c]) : cols[c].tones.end(); tone != cols[c].tones.end()) {
                const ImVec2 text = ui.measure(cells[r][c], TextStyle::Caption);
                const float pillW = ImMin(text.x + 20.0f, cols[c].width - padX * 2), pillH = 24.0f;
                const float dx = cols[c].align == 1 ? (cols[c].width - padX * 2 - pillW) * 0.5f : cols[c].align == 2 ? cols[c].width - padX * 2 - pillW : 0.0f;
                const ImRect pill(ImFloor(ImVec2(x + padX + dx, y + (rowH - pillH) * 0.5f)), ImFloor(ImVec2(x + padX + dx + pillW, y + (rowH + pillH) * 0.5f)));
                const ImU32 fg = ui.color(*tone, t.c.brand);
                dl->AddRectFilled(pill.Min, pill.Max, draw::soft(t, fg), pillH * 0.5f);
                draw::iconLabel(ui, pill, "", cells[r][c], TextStyle::Caption, fg);
                x += cols[c].width;
                continue;
            }
            ui.fitText(cellPos(cols[c], x, y, rowH, cells[r][c], style), cells[r][c], style, c == 0 ? t.c.text : mixColor(t.c.text, t.c.textMuted, 0.4f),
                       cols[c].width - padX * 2);
            x += cols[c].width;
        }
    }
    ImGui::PopClipRect();
    draw::reserve(origin, box.GetSize());
}

//-----------------------------------------------------------------------------
// [SECTION] stat
//-----------------------------------------------------------------------------

// "up" / "down" / "flat" from the trend prop, else from the sign the delta starts with.
int trendOf(const std::string& trend, const std::string& delta)
{
    if (trend == "up") return 1;
    if (trend == "down") return -1;
    if (trend == "flat") return 0;
    if (delta.empty()) return 0;
    if (delta[0] == '+') return 1;
    if (delta[0] == '-' || delta.rfind("\xE2\x88\x92", 0) == 0) return -1;  // '-' or U+2212 minus
    return 0;
}

// A small rounded pill with an optional leading icon (the stat delta), at most maxW wide: a longer text is cut.
struct Chip {
    std::string icon, text;
    ImU32 fill = 0, ink = 0;
    float maxW = FLT_MAX;
    float chrome(Ui& ui) const { return 16.0f + (ui.icon(icon).empty() ? 0.0f : 14.0f); }  // padding and icon beside the text
    ImVec2 size(Ui& ui) const
    {
        const ImVec2 ts = ui.measure(text, TextStyle::Small);
        return ImVec2(ImMin(ts.x + chrome(ui), maxW), ts.y + 8.0f);
    }
    void draw(Ui& ui, ImVec2 pos) const
    {
        const ImVec2 sz = size(ui);
        ImGui::GetWindowDrawList()->AddRectFilled(pos, pos + sz, fill, sz.y * 0.5f);
        float x = pos.x + 8.0f;
        if (!ui.icon(icon).empty()) {
            draw::iconAt(ui, ImVec2(x + 5.0f, pos.y + sz.y * 0.5f), 10.0f, icon, ink);
            x += 14.0f;
        }
        ui.fitText(ImFloor(ImVec2(x, pos.y + 4.0f)), text, TextStyle::Small, ink, sz.x - chrome(ui));
    }
};

constexpr TextStyle kSmallestStatValue = TextStyle::Strong;  // a tile's value shrinks down to this before it is cut

void drawStat(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n), pad = t.pad;
    const std::string label = ui.str(n, "label"), value = ui.str(n, "value"), delta = ui.str(n, "delta");
    const std::string icon = ui.str(n, "icon"), caption = ui.str(n, "caption");
    const Tone tone = toneOf(ui, ui.prop(n, "tone"), "brand");
    const bool hasIcon = !ui.icon(icon).empty();
    const float iconD = 36.0f, innerW = ImMax(20.0f, w - pad * 2), iconRoom = hasIcon ? iconD + 8.0f : 0.0f;
    const float stretch = takeStretch(n);

    // Rows: label (icon on its right), value (icon on its right when there is no label), footer. The value shrinks
    // down the type scale before it is cut.
    const float labelW = innerW - iconRoom, valueW = innerW - (label.empty() ? iconRoom : 0.0f);
    const TextStyle valueStyle = ui.shrinkToFit(value, TextStyle::H1, valueW, kSmallestStatValue);
    const ImVec2 labelSz = ui.measure(label, TextStyle::Caption), valueSz = ui.measure(value, valueStyle);
    const float headH = label.empty() ? 0.0f : ImMax(labelSz.y, hasIcon ? iconD : 0.0f);
    const float valueH = label.empty() && hasIcon ? ImMax(valueSz.y, iconD) : valueSz.y;

    Chip chip;
    if (!delta.empty()) {
        const int trend = trendOf(ui.str(n, "trend"), delta);
        chip = Chip{ trend > 0 ? "arrow-up" : trend < 0 ? "arrow-down" : "minus", delta,
                     trend > 0 ? t.c.successSoft : trend < 0 ? t.c.dangerSoft : t.c.surfaceAlt,
                     trend > 0 ? t.c.success : trend < 0 ? t.c.danger : t.c.textMuted, innerW };
    }
    const ImVec2 chipSz = delta.empty() ? ImVec2() : chip.size(ui);
    const float capX = delta.empty() ? 0.0f : chipSz.x + 8.0f;
    const bool capBeside = !delta.empty() && !caption.empty() && capX + ui.measure(caption, TextStyle::Caption).x <= innerW;
    const ImVec2 capSz = caption.empty() ? ImVec2() : capBeside ? ui.measure(caption, TextStyle::Caption) : paragraphSize(ui, caption, TextStyle::Caption, innerW);
    const float footerH = delta.empty() ? capSz.y : capBeside || caption.empty() ? chipSz.y : chipSz.y + 4.0f + capSz.y;

    const float natural = pad + (headH > 0 ? headH + 4.0f : 0.0f) + valueH + (footerH > 0 ? 10.0f + footerH : 0.0f) + pad;
    if (stretch > 0) reportStretch(natural);
    const ImRect box(origin, origin + ImVec2(w, ImMax(natural, stretch)));
    draw::surface(ImGui::GetWindowDrawList(), box, t, t.radius);

    float y = origin.y + pad;
    if (hasIcon) {
        const ImVec2 c(box.Max.x - pad - iconD * 0.5f, y + iconD * 0.5f);
        ImGui::GetWindowDrawList()->AddCircleFilled(c, iconD * 0.5f, tone.soft, 32);
        draw::iconAt(ui, c, 16.0f, icon, tone.ink);
    }
    if (headH > 0) {
        ui.fitText(ImFloor(ImVec2(origin.x + pad, y + (headH - labelSz.y) * 0.5f)), label, TextStyle::Caption, t.c.textMuted, labelW);
        y += headH + 4.0f;
    }
    ui.fitText(ImFloor(ImVec2(origin.x + pad, y + (valueH - valueSz.y) * 0.5f)), value, valueStyle, t.c.text, valueW);
    y += valueH + 10.0f;
    if (!delta.empty()) chip.draw(ui, ImVec2(origin.x + pad, y));
    if (capBeside) ui.textAt(ImFloor(ImVec2(origin.x + pad + capX, y + (chipSz.y - capSz.y) * 0.5f)), caption, TextStyle::Caption, t.c.textMuted);
    else if (!caption.empty()) paragraph(ui, ImVec2(origin.x + pad, y + (delta.empty() ? 0.0f : chipSz.y + 4.0f)), caption, TextStyle::Caption, t.c.textMuted, innerW);
    draw::reserve(origin, box.GetSize());
    ui.probe(n, label, false);
}

//-----------------------------------------------------------------------------
// [SECTION] progress, ring
//-----------------------------------------------------------------------------

// 0..1, also accepting percentages (values above 1 up to 100 are read as percent).
float fraction(double v)
{
    if (!std::isfinite(v)) return 0.0f;
    if (v > 1.0 && v <= 100.0) v /= 100.0;
    return ImSaturate((float)v);
}

std::string percentText(float f) { return std::to_string((int)std::lround(f * 100.0f)) + "%"; }

void drawProgress(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const float f = fraction(ui.num(n, "value"));
    const std::string label = ui.str(n, "label");
    const std::string caption = ui.given(n, "caption") ? ui.str(n, "caption") : label.empty() ? "" : percentText(f);
    const Tone tone = toneOf(ui, ui.prop(n, "tone"), "brand");
    const float trackH = 8.0f;
    float y = origin.y;
    if (!label.empty() || !caption.empty()) {
        // Label left, caption right on one line when both fit whole; else the caption goes on its own line under
        // the label, never over it.
        const ImVec2 cs = ui.measure(caption, TextStyle::Caption), ls = ui.measure(label, TextStyle::Strong);
        const float labelRoom = caption.empty() ? w : w - cs.x - 12.0f;
        const bool oneLine = label.empty() || caption.empty() || labelRoom >= ls.x;
        const float lineH = oneLine ? ImMax(label.empty() ? 0.0f : ls.y, caption.empty() ? 0.0f : cs.y) : ls.y;
        if (!label.empty()) ui.fitText(ImVec2(origin.x, y + (lineH - ls.y) * 0.5f), label, TextStyle::Strong, t.c.text, oneLine ? labelRoom : w);
        if (!oneLine) y += lineH + 2.0f;
        const float capH = oneLine ? lineH : cs.y, capX = oneLine ? ImMax(0.0f, w - cs.x) : 0.0f;
        if (!caption.empty()) ui.fitText(ImFloor(ImVec2(origin.x + capX, y + (capH - cs.y) * 0.5f)), caption, TextStyle::Caption, t.c.textMuted, w);
        y += capH + 8.0f;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + w, y + trackH), t.dark ? t.c.surfaceAlt : mixColor(t.c.surfaceAlt, t.c.border, 0.5f), trackH * 0.5f);
    if (f > 0.0f) dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + ImMax(trackH, w * f), y + trackH), tone.ink, trackH * 0.5f);
    draw::reserve(origin, ImVec2(w, y + trackH - origin.y));
    ui.probe(n, label, false);
}

void drawRing(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float size = ImClamp(positive(ui.num(n, "size"), 96.0f), 32.0f, ImMax(32.0f, ImMin(480.0f, ui.itemWidth(n))));
    const float f = fraction(ui.num(n, "value"));
    const float thick = ui.given(n, "thickness") ? ImClamp((float)ui.num(n, "thickness"), 2.0f, size * 0.4f) : ImMax(6.0f, size * 0.1f);
    const std::string label = ui.given(n, "label") ? ui.str(n, "label") : percentText(f);
    const std::string caption = ui.str(n, "caption");
    const Tone tone = toneOf(ui, ui.prop(n, "tone"), "brand");
    const ImVec2 center = origin + ImVec2(size, size) * 0.5f;
    const float radius = (size - thick) * 0.5f;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircle(center, radius, t.dark ? t.c.surfaceAlt : mixColor(t.c.surfaceAlt, t.c.border, 0.5f), 64, thick);
    if (f > 0.0f) {
        const float a0 = -IM_PI * 0.5f, a1 = a0 + IM_PI * 2.0f * f;
        dl->PathArcTo(center, radius, a0, a1, ImMax(8, (int)(64 * f)));
        dl->PathStroke(tone.ink, 0, thick);
        for (float a : { a0, a1 })  // round caps
            dl->AddCircleFilled(center + ImVec2(std::cos(a), std::sin(a)) * radius, thick * 0.5f, tone.ink, 16);
    }
    // The centre text shrinks to fit the hole before it is cut.
    const float hole = size - thick * 2 - 8.0f;
    const TextStyle style = ui.shrinkToFit(label, size >= 120 ? TextStyle::H1 : size >= 80 ? TextStyle::H2 : TextStyle::Strong, hole, TextStyle::Small);
    const ImVec2 ls = ui.measure(label, style);
    ui.fitText(ImFloor(center - ImVec2(ImMin(ls.x, hole), ls.y) * 0.5f), label, style, t.c.text, hole);
    float h = size, w = size;
    if (!caption.empty()) {
        // Centred under the ring, never left of the widget's box nor past the room it has.
        const float room = ImMax(size, ui.availWidth());
        const ImVec2 cs = ui.measure(caption, TextStyle::Caption);
        const float x = ImMax(origin.x, origin.x + size * 0.5f - cs.x * 0.5f);
        w = ImMax(w, ImMin(x + cs.x, origin.x + room) - origin.x);
        ui.fitText(ImFloor(ImVec2(x, origin.y + size + 8.0f)), caption, TextStyle::Caption, t.c.textMuted, origin.x + room - x);
        h += 8.0f + cs.y;
    }
    draw::reserve(origin, ImVec2(w, h));
    ui.probe(n, caption.empty() ? label : caption, false);
}

//-----------------------------------------------------------------------------
// [SECTION] timeline
//-----------------------------------------------------------------------------

// One timeline event laid out: its texts, where the time goes and how tall each part is.
struct TimelineEntry {
    std::string title, time, text, icon;
    bool done = false;
    Tone tone;
    float titleW = 0;         // the title's wrap width
    bool timeBeside = false;  // time on the title's first line (right-aligned), else on its own line under the title
    float titleH = 0, timeH = 0, textH = 0;
    float y = 0, h = 0;       // top and height of the entry (its dot row is kTimelineRowH tall)
};

constexpr float kTimelineRowH = 22.0f;  // the dot's row: the title's first line is centred on it

// The time sits right of the title while the title keeps at least half the width (and about 8 characters); a longer
// time goes on its own line under the title, cut to the width if it must.
void layOutTimelineEntry(Ui& ui, TimelineEntry& e, float textW)
{
    const float timeW = e.time.empty() ? 0.0f : std::ceil(ui.measure(e.time, TextStyle::Caption).x) + 12.0f;
    const float titleWhole = ui.measure(e.title, TextStyle::Strong).x;
    const float titleFloor = ImMax(ui.minTextWidth(TextStyle::Strong), textW * 0.5f);
    e.timeBeside = !e.time.empty() && (titleWhole + timeW <= textW || textW - timeW >= titleFloor);
    e.titleW = e.timeBeside ? textW - timeW : textW;
    e.titleH = paragraphSize(ui, e.title, TextStyle::Strong, e.titleW).y;
    e.timeH = e.time.empty() || e.timeBeside ? 0.0f : ui.measure(e.time, TextStyle::Caption).y;
    e.textH = e.text.empty() ? 0.0f : paragraphSize(ui, e.text, TextStyle::Body, textW).y;
    const float firstLine = ui.measure("A", TextStyle::Strong).y;
    e.h = ImMax(kTimelineRowH, (kTimelineRowH - firstLine) * 0.5f + e.titleH + (e.timeH > 0 ? 2.0f + e.timeH : 0.0f) +
                                   (e.textH > 0 ? 2.0f + e.textH : 0.0f));
}

// An entry's dot on the rail: its icon in a circle, a check mark when done, else a hollow ring.
void timelineDot(Ui& ui, const TimelineEntry& e, ImVec2 c)
{
    const Theme& t = ui.theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!ui.icon(e.icon).empty()) {
        dl->AddCircleFilled(c, 14.0f, e.done ? e.tone.ink : e.tone.soft, 32);
        draw::iconAt(ui, c, 13.0f, e.icon, e.done ? t.c.onBrand : e.tone.ink);
    } else if (e.done) {
        dl->AddCircleFilled(c, 9.0f, e.tone.ink, 24);
        draw::checkMark(dl, c, 9.0f, t.c.onBrand);
    } else {
        dl->AddCircleFilled(c, 7.0f, t.c.surface, 24);
        dl->AddCircle(c, 7.0f, mixColor(t.c.border, t.c.textFaint, 0.5f), 24, 2.0f);
    }
}

void drawTimeline(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const Json items = ui.prop(n, "items");
    const size_t count = items.is_array() ? std::min<size_t>(items.size(), 200) : 0;
    // The rail and its dots on the left; a timeline too narrow (an explicit `w`) to keep about 8 characters beside
    // them leaves them out, so its texts keep what room there is.
    const bool withRail = w - 42.0f >= ui.minTextWidth(TextStyle::Strong);
    const float rail = withRail ? 32.0f : 0.0f, textX = origin.x + (withRail ? rail + 10.0f : 0.0f), textW = withRail ? w - rail - 10.0f : w;

    std::vector<TimelineEntry> entries;
    float y = origin.y;
    for (size_t i = 0; i < count; i++) {
        const Json& it = items[i];
        TimelineEntry e;
        auto field = [&](const char* k) { return it.is_object() && it.contains(k) ? toDisplayString(it[k]) : std::string(); };
        e.title = it.is_object() ? field("title") : toDisplayString(it);
        e.time = field("time");
        e.text = field("text");
        e.icon = field("icon");
        e.done = it.is_object() && it.contains("done") && truthy(it["done"]);
        e.tone = toneOf(ui, it.is_object() && it.contains("tone") ? it["tone"] : Json(), "brand");
        layOutTimelineEntry(ui, e, textW);
        e.y = y;
        y += e.h + 18.0f;
        entries.push_back(std::move(e));
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cx = origin.x + rail * 0.5f;
    auto dotY = [](const TimelineEntry& e) { return e.y + kTimelineRowH * 0.5f; };
    for (size_t i = 0; withRail && i + 1 < entries.size(); i++)  // rail segments first, dots on top
        dl->AddLine(ImVec2(cx, dotY(entries[i])), ImVec2(cx, dotY(entries[i + 1])), entries[i].done && entries[i + 1].done ? withAlpha(entries[i].tone.ink, 0.45f) : t.c.border, 2.0f);
    for (const TimelineEntry& e : entries) {
        if (withRail) timelineDot(ui, e, ImVec2(cx, dotY(e)));
        float ty = e.y + (kTimelineRowH - ui.measure("A", TextStyle::Strong).y) * 0.5f;
        paragraph(ui, ImVec2(textX, ty), e.title, TextStyle::Strong, t.c.text, e.titleW);
        if (e.timeBeside) {
            const float timeW = ui.measure(e.time, TextStyle::Caption).x;
            ui.textAt(ImVec2(textX + textW - timeW, ty + 1.0f), e.time, TextStyle::Caption, t.c.textFaint);
        }
        ty += e.titleH;
        if (e.timeH > 0) {
            ui.fitText(ImVec2(textX, ty + 2.0f), e.time, TextStyle::Caption, t.c.textFaint, textW);
            ty += 2.0f + e.timeH;
        }
        if (!e.text.empty()) paragraph(ui, ImVec2(textX, ty + 2.0f), e.text, TextStyle::Body, t.c.textMuted, textW);
    }
    draw::reserve(origin, ImVec2(w, entries.empty() ? 0.0f : y - 18.0f - origin.y));
}

//-----------------------------------------------------------------------------
// [SECTION] heatmap
//-----------------------------------------------------------------------------

// Color for activity level 0..4 (0 = none).
ImU32 heatColor(const Theme& t, const Tone& tone, int level)
{
    if (level <= 0) return t.dark ? t.c.surfaceAlt : mixColor(t.c.surfaceAlt, t.c.border, 0.35f);
    static const float mix[] = { 0.0f, 0.28f, 0.5f, 0.75f, 1.0f };
    return mixColor(mixColor(t.c.surface, tone.ink, t.dark ? 0.3f : 0.22f), tone.ink, mix[ImMin(level, 4)]);
}

void drawHeatmap(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const float labelW = 22.0f, gap = 3.0f, minCell = 8.0f;
    // As many of the requested weeks as fit with readable cells.
    const int fit = ImMax(1, (int)((w - labelW + gap) / (minCell + gap)));
    const int weeks = ImMin(ui.num(n, "weeks") > 0 ? ui.integer(n, "weeks", 1, 53) : 12, fit);
    const std::map<long, int> counts = countDays(ui.prop(n, "dates"));
    const Tone tone = toneOf(ui, ui.prop(n, "tone"), "brand");
    const std::string label = ui.str(n, "label");
    int maxCount = 1;
    for (const auto& kv : counts) maxCount = ImMax(maxCount, kv.second);
    auto levelOf = [&](int c) { return c <= 0 ? 0 : ImClamp((int)std::ceil(4.0 * c / maxCount), 1, 4); };

    // Columns are Monday-first weeks; the last column holds today.
    const long todayN = today(ui);
    const long firstDay = todayN - weekdayMon0(todayN) - 7L * (weeks - 1);
    const float cell = ImClamp((w - labelW - gap * (weeks - 1)) / weeks, minCell, 26.0f);
    const float monthH = ui.measure("May", TextStyle::Small).y + 6.0f;
    const ImVec2 grid(origin.x + labelW, origin.y + monthH);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // The box: the grid, or the legend when that is wider (the legend is left out when even the widget is narrower).
    const ImRect gridRect(grid, grid + ImVec2(weeks * (cell + gap) - gap, 7 * (cell + gap) - gap));
    const float sw = 10.0f;
    const ImVec2 lessSz = ui.measure("Less", TextStyle::Small), moreSz = ui.measure("More", TextStyle::Small);
    const float legendW = lessSz.x + moreSz.x + 5 * (sw + 3.0f) + 10.0f;
    const bool legend = legendW <= w;
    const float right = legend ? ImMax(gridRect.Max.x, origin.x + legendW) : gridRect.Max.x;

    int lastMonth = -1;
    float lastLabelEnd = -FLT_MAX;
    for (int wk = 0; wk < weeks; wk++) {
        const CivilDate c = civilFromDays(firstDay + 7L * wk);
        const float x = grid.x + wk * (cell + gap);
        const std::string_view month = monthName(c.month).substr(0, 3);
        const float monthW = ui.measure(month, TextStyle::Small).x;
        if (c.month != lastMonth && x >= lastLabelEnd && x + monthW <= right) {  // a month starting in the last weeks may have no room
            ui.textAt(ImVec2(x, origin.y), month, TextStyle::Small, t.c.textMuted);
            lastLabelEnd = x + monthW + 6.0f;
        }
        lastMonth = c.month;
    }
    static const char* const kDayInitial[] = { "M", "", "W", "", "F", "", "" };
    for (int d = 0; d < 7; d++)
        if (*kDayInitial[d]) {
            const ImVec2 s = ui.measure(kDayInitial[d], TextStyle::Small);
            ui.textAt(ImFloor(ImVec2(origin.x, grid.y + d * (cell + gap) + (cell - s.y) * 0.5f)), kDayInitial[d], TextStyle::Small, t.c.textFaint);
        }

    const ImGuiID id = ImGui::GetID("##heat");
    const bool hovered = ImGui::ItemAdd(gridRect, id) && ImGui::ItemHoverable(gridRect, id);
    const float radius = ImMin(4.0f, cell * 0.25f);
    for (int wk = 0; wk < weeks; wk++)
        for (int d = 0; d < 7; d++) {
            const long day = firstDay + 7L * wk + d;
            if (day > todayN) continue;
            auto it = counts.find(day);
            const int count = it == counts.end() ? 0 : it->second;
            const ImVec2 p(grid.x + wk * (cell + gap), grid.y + d * (cell + gap));
            dl->AddRectFilled(p, p + ImVec2(cell, cell), heatColor(t, tone, levelOf(count)), radius);
            if (day == todayN) dl->AddRect(p - ImVec2(1.5f, 1.5f), p + ImVec2(cell + 1.5f, cell + 1.5f), withAlpha(t.c.text, 0.35f), radius + 1.5f, 0, 1.0f);
            if (hovered && ImRect(p, p + ImVec2(cell + gap, cell + gap)).Contains(ImGui::GetIO().MousePos)) {
                const CivilDate c = civilFromDays(day);
                ui.tooltip(count == 0 ? "No activity" : std::to_string(count) + (count == 1 ? " entry" : " entries"),
                        std::string(monthName(c.month).substr(0, 3)) + " " + std::to_string(c.day) + ", " + std::to_string(c.year));
            }
        }

    // Footer: label on the left, "Less ▢▢▢▢▢ More" on the right, on one line while the label keeps about 8
    // characters there; else the label takes its own line above the legend.
    float y = gridRect.Max.y + 10.0f;
    const float labelH = ui.measure(label, TextStyle::Caption).y;
    const float besideRoom = legend ? right - legendW - origin.x - 12.0f : right - origin.x;
    const bool beside = besideRoom >= ImMin(ui.measure(label, TextStyle::Caption).x, ui.minTextWidth(TextStyle::Caption));
    if (!label.empty() && !beside) {
        ui.fitText(ImVec2(origin.x, y), label, TextStyle::Caption, t.c.textMuted, right - origin.x);
        y += labelH + 6.0f;
    }
    const float lineH = ImMax(legend ? lessSz.y : 0.0f, !label.empty() && beside ? labelH : 0.0f);
    if (legend) {
        const float ly = y + (lineH - lessSz.y) * 0.5f;
        float x = right - legendW;
        ui.textAt(ImVec2(x, ly), "Less", TextStyle::Small, t.c.textMuted);
        x += lessSz.x + 6.0f;
        for (int lv = 0; lv <= 4; lv++, x += sw + 3.0f)
            dl->AddRectFilled(ImVec2(x, ly + (lessSz.y - sw) * 0.5f), ImVec2(x + sw, ly + (lessSz.y + sw) * 0.5f), heatColor(t, tone, lv), 2.0f);
        ui.textAt(ImVec2(x + 1.0f, ly), "More", TextStyle::Small, t.c.textMuted);
    }
    if (!label.empty() && beside) ui.fitText(ImVec2(origin.x, y + (lineH - labelH) * 0.5f), label, TextStyle::Caption, t.c.textMuted, besideRoom);
    y += lineH;
    draw::reserve(origin, ImVec2(right - origin.x, y - origin.y));
    ui.probe(n, label, false);
}

//-----------------------------------------------------------------------------
// [SECTION] calendar
//-----------------------------------------------------------------------------

// A round icon button (calendar month arrows); returns true when pressed.
bool roundButton(Ui& ui, const Node& n, const char* strId, ImVec2 center, float d, const char* icon, const char* label)
{
    const Theme& t = ui.theme();
    const ImRect r(center - ImVec2(d, d) * 0.5f, center + ImVec2(d, d) * 0.5f);
    draw::Press p = draw::pressAt(strId, r);
    ui.probe(n, label, true);
    ImGui::GetWindowDrawList()->AddCircleFilled(center, d * 0.5f, p.held ? mixColor(t.c.surfaceAlt, t.c.text, 0.08f) : p.hovered ? t.c.surfaceAlt : withAlpha(t.c.surfaceAlt, 0.0f), 24);
    draw::iconAt(ui, center, 13.0f, icon, t.c.text);
    return p.pressed;
}

void drawCalendar(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ImMin(ui.itemWidth(n), 480.0f);
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID monthId = ImGui::GetID("##month"), selId = ImGui::GetID("##sel");
    const long todayN = today(ui);

    long selected = LONG_MIN;
    double secs;
    const Json bound = ui.bound(n);
    if (bound.is_string() && parseDateTime(bound.get<std::string>(), &secs)) selected = dayOf(secs);
    else if (!n.hasBind && st->GetInt(selId, INT_MIN) != INT_MIN) selected = st->GetInt(selId);
    const CivilDate anchor = civilFromDays(selected != LONG_MIN ? selected : todayN);
    int month = st->GetInt(monthId, (int)(anchor.year * 12 + anchor.month - 1));  // months since year 0, shown month

    // Header: "May 2026" and the arrows.
    const CivilDate shown{ month / 12, month % 12 + 1, 1 };
    const std::string title = std::string(monthName(shown.month)) + " " + std::to_string(shown.year);
    // The title keeps left of the arrows: it steps down the type scale, then is cut.
    const float headH = 40.0f, arrowsW = 56.0f + 17.0f, titleRoom = w - 4.0f - arrowsW - 6.0f;
    const TextStyle titleStyle = ui.shrinkToFit(title, TextStyle::H3, titleRoom, TextStyle::Strong);
    const ImVec2 ts = ui.measure(title, titleStyle);
    ui.fitText(ImFloor(ImVec2(origin.x + 4.0f, origin.y + (headH - ts.y) * 0.5f)), title, titleStyle, t.c.text, titleRoom);
    if (roundButton(ui, n, "##prev", ImVec2(origin.x + w - 56.0f, origin.y + headH * 0.5f), 34.0f, "chevron-left", "Previous month")) month--;
    if (roundButton(ui, n, "##next", ImVec2(origin.x + w - 18.0f, origin.y + headH * 0.5f), 34.0f, "chevron-right", "Next month")) month++;
    st->SetInt(monthId, month);

    const float cellW = w / 7.0f, cellH = ImMin(44.0f, ImMax(32.0f, cellW));
    float y = origin.y + headH + 6.0f;
    static const char* const kDays[] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };
    for (int d = 0; d < 7; d++) {
        const ImVec2 s = ui.measure(kDays[d], TextStyle::Small);
        ui.textAt(ImFloor(ImVec2(origin.x + cellW * (d + 0.5f) - s.x * 0.5f, y)), kDays[d], TextStyle::Small, t.c.textMuted);
    }
    y += ui.measure("Mo", TextStyle::Small).y + 8.0f;

    std::map<long, int> marked = countDays(ui.prop(n, "marked"));
    const long first = daysFromCivil(shown.year, shown.month, 1);
    const long start = first - weekdayMon0(first);
    const int weeks = (weekdayMon0(first) + daysInMonth(shown.year, shown.month) + 6) / 7;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float dotR = ImMin(cellW, cellH) * 0.5f - 3.0f;
    for (int i = 0; i < weeks * 7; i++) {
        const long day = start + i;
        const CivilDate c = civilFromDays(day);
        const bool inMonth = c.month == shown.month;
        const ImVec2 center(origin.x + cellW * (i % 7 + 0.5f), y + cellH * (i / 7 + 0.5f));
        const std::string label = std::to_string(c.day);
        const ImVec2 ls = ui.measure(label, TextStyle::Body);
        if (!inMonth) {
            dl->AddText(ui.font(TextStyle::Body), ui.font(TextStyle::Body)->FontSize, ImFloor(center - ls * 0.5f), withAlpha(t.c.textFaint, 0.6f), label.c_str());
            continue;
        }
        ImGui::PushID(i);
        draw::Press p = draw::pressAt("##day", ImRect(center - ImVec2(cellW, cellH) * 0.5f, center + ImVec2(cellW, cellH) * 0.5f));
        ImGui::PopID();
        ui.probe(n, label, true);
        if (p.pressed) {
            selected = day;
            st->SetInt(selId, (int)day);
            ui.setBound(n, isoOf(day));
        }
        const bool isSel = day == selected, isToday = day == todayN;
        if (isSel) dl->AddCircleFilled(center, dotR, draw::fade(t.c.brand), 32);
        else if (p.hovered) dl->AddCircleFilled(center, dotR, t.c.surfaceAlt, 32);
        if (isToday && !isSel) dl->AddCircle(center, dotR - 0.5f, draw::fade(t.c.brand), 32, 1.5f);
        const ImU32 ink = draw::fade(isSel ? t.c.onBrand : isToday ? t.c.brand : t.c.text);
        ui.textAt(ImFloor(center - ls * 0.5f - ImVec2(0, marked.count(day) ? 2.0f : 0.0f)), label, isSel || isToday ? TextStyle::Strong : TextStyle::Body, ink);
        if (marked.count(day)) dl->AddCircleFilled(center + ImVec2(0, ls.y * 0.5f + 2.0f), 2.5f, draw::fade(isSel ? t.c.onBrand : t.c.brand), 12);
    }
    draw::reserve(origin, ImVec2(w, y + cellH * weeks - origin.y));
}

//-----------------------------------------------------------------------------
// [SECTION] Registration
//-----------------------------------------------------------------------------

WidgetDef widget(const char* name, const char* doc, const char* primary, std::vector<PropDef> props, const char* example, DrawFn draw,
                 MeasureFn measure = nullptr)
{
    WidgetDef d = widgetDef("Data", name, doc, primary, std::move(props), example, std::move(draw));
    d.measure = std::move(measure);
    return d;
}

// A tile fills its cell. Its minimum keeps about 8 characters of label beside the icon and the whole value at the
// smallest size it shrinks to, so a grid drops a column or a row wraps before a number is cut.
WidthRange measureStat(Ui& ui, const Node& n)
{
    const float icon = ui.icon(ui.str(n, "icon")).empty() ? 0.0f : 44.0f;
    const float value = std::ceil(ui.measure(ui.str(n, "value"), kSmallestStatValue).x) + (ui.str(n, "label").empty() ? icon : 0.0f);
    return { ui.theme().pad * 2 + ImMax(ui.minTextWidth(TextStyle::Caption) + icon, value), kFillWidth };
}

// A ring is as wide as its diameter, or its caption when that is wider (cut under about 8 characters).
WidthRange measureRing(Ui& ui, const Node& n)
{
    const float size = ImClamp(positive(ui.num(n, "size"), 96.0f), 32.0f, 480.0f);
    const WidthRange caption = ui.textWidths(ui.str(n, "caption"), TextStyle::Caption);
    return { ImMax(size, caption.min), ImMax(size, caption.pref) };
}

// A month grid fills the width offered and needs seven day columns about 32 px wide (the month title then fits
// beside its arrows).
WidthRange measureCalendar(Ui&, const Node&) { return { 7 * 32.0f, kFillWidth }; }

} // namespace

static void registerDataWidgets(WidgetCatalog& c)
{
    {
        WidgetDef d = widget("table", "Data table; row press fires `select`.", "rows",
            { prop("rows", PropType::Array, Json::array(), "objects (or arrays); at most 500 are shown").withShape(R"("${orders}" or [{...}])"),
              prop("columns", PropType::Array, nullptr, "field names or column objects; default: the first row's fields").withShape(R"(["field"] or [{"key", "label", "align": "end", "format": "currency|number|percent|date", "tones": {"Paid": "success"}}])"),
              prop("zebra", PropType::Bool, false, "alternate row shading") },
            R"({"table": "${orders}", "columns": ["customer", {"key": "total", "format": "currency"}], "on": {"select": {"navigate": "order", "params": {"id": "${event.item.id}"}}}})",
            drawTable);
        d.events = { "select" };
        c.add(std::move(d));
    }
    c.add(widget("stat", "KPI tile: label, big value, delta chip.", "label",
        { prop("label", PropType::String, "", "what is measured"),
          prop("value", PropType::String, "", "the number, already formatted"),
          prop("delta", PropType::String, nullptr, "change, e.g. \"+12%\" (sign picks the trend)"),
          prop("trend", PropType::Enum, nullptr, "override the delta's direction", { "up", "down", "flat" }),
          prop("icon", PropType::Icon, nullptr, "icon in a tinted circle, top right"),
          prop("tone", PropType::Color, "brand", "icon color"),
          prop("caption", PropType::String, nullptr, "muted text next to the delta, e.g. \"vs last week\"") },
        R"({"stat": "Revenue", "value": "$12,480", "delta": "+8.2%", "caption": "vs last month", "icon": "money"})", drawStat, measureStat));
    c.add(widget("progress", "Progress bar: label left, caption (default: percent) right.", "value",
        { prop("value", PropType::Number, 0, "0..1 (values up to 100 are read as percent)"),
          prop("label", PropType::String, nullptr, "text above the bar, left"),
          prop("tone", PropType::Color, "brand", "fill color"),
          prop("caption", PropType::String, nullptr, "text above the bar, right (e.g. \"3/5\")") },
        R"({"progress": "${done / total}", "label": "Weekly goal", "caption": "${done}/${total}"})", drawProgress));
    c.add(widget("ring", "Circular progress with text in the middle.", "value",
        { prop("value", PropType::Number, 0, "0..1 (values up to 100 are read as percent)"),
          prop("label", PropType::String, nullptr, "center text (default: the percentage)"),
          prop("caption", PropType::String, nullptr, "muted text under the ring"),
          prop("size", PropType::Number, 96, "diameter in px"),
          prop("tone", PropType::Color, "brand", "arc color"),
          prop("thickness", PropType::Number, nullptr, "stroke width in px (default: 10% of size)") },
        R"({"ring": 0.72, "caption": "Daily goal"})", drawRing, measureRing));
    c.add(widget("timeline", "Vertical timeline of events (done ones filled).", "items",
        { prop("items", PropType::Array, Json::array(), "events, oldest first; done ones get a filled dot").withShape(R"([{"title", "time", "text", "done", "icon", "tone"}])") },
        R"({"timeline": [{"title": "Order placed", "time": "9:41", "done": true}, {"title": "Shipped", "text": "Expected Friday"}]})", drawTimeline));
    c.add(widget("heatmap", "Activity grid of recent weeks, colored by dates per day.", "dates",
        { prop("dates", PropType::Array, Json::array(), "ISO dates (or date-times) with activity; repeats count more").withShape(R"(["2026-05-04"])"),
          prop("weeks", PropType::Number, 12, "number of week columns (1-53)"),
          prop("label", PropType::String, nullptr, "caption under the grid, left of the legend"),
          prop("tone", PropType::Color, "brand", "color of the most active days") },
        R"({"heatmap": "${habit.done}", "weeks": 12, "label": "${count(habit.done)} check-ins"})", drawHeatmap));
    {
        WidgetDef d = widget("calendar", "Month grid with marked dates; a tapped day's ISO date goes to bind.", "marked",
            { prop("marked", PropType::Array, Json::array(), "ISO dates that get a dot").withShape(R"(["2026-05-04"])") },
            R"({"calendar": "${map(events, e => e.date)}", "bind": "selectedDate"})", drawCalendar, measureCalendar);
        d.events = { "change" };
        d.input = true;
        d.interactive = true;
        c.add(std::move(d));
    }
}

static const WidgetCatalog::Registrar kRegistrar(50, registerDataWidgets);

} // namespace pt
