// Promptotype — chart widgets: line, bar, donut and sparkline, drawn with ImDrawList.
//
// Data is forgiving: an array of numbers, or of objects whose value / label fields are named by
// `y` / `x` (or guessed: value, y, count... / label, x, name...). Non-numeric entries are skipped,
// at most 1000 points are used, and an empty series draws a muted "No data" box.
//
// Index of this file:
// [SECTION] Data (series parsing, nice ticks, number labels, palette)
// [SECTION] Drawing helpers (plot frame, gradient area, tooltip, empty state)
// [SECTION] line_chart, sparkline
// [SECTION] bar_chart
// [SECTION] donut
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
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace pt {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Data
//-----------------------------------------------------------------------------

struct Point {
    std::string label;
    double value = 0;
    Json color;  // optional per-point color (donut segments)
};

bool numeric(const Json& v, double* out)
{
    if (v.is_number()) *out = v.get<double>();
    else if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        char* end = nullptr;
        *out = std::strtod(s.c_str(), &end);
        if (s.empty() || end != s.c_str() + s.size()) return false;
    } else return false;
    return std::isfinite(*out);
}

// The field named `wanted`, else the first of `guesses` present, else the first field passing `accept`.
const Json* pickField(const Json& obj, const std::string& wanted, std::initializer_list<const char*> guesses, bool (*accept)(const Json&))
{
    if (!wanted.empty()) {
        auto it = obj.find(wanted);
        return it != obj.end() ? &*it : nullptr;
    }
    for (const char* g : guesses) {
        auto it = obj.find(g);
        if (it != obj.end()) return &*it;
    }
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (accept(*it)) return &*it;
    return nullptr;
}

// The chart's points from `data` (+ `x`, `y`, `labels` props when the widget has them).
std::vector<Point> series(Ui& ui, const Node& n)
{
    const Json data = ui.prop(n, "data");
    const bool hasFields = n.def && n.def->prop("x");
    const std::string xField = hasFields ? ui.str(n, "x") : "", yField = hasFields ? ui.str(n, "y") : "";
    const Json labels = n.def && n.def->prop("labels") ? ui.prop(n, "labels") : Json();
    std::vector<Point> out;
    if (!data.is_array()) return out;
    for (size_t i = 0; i < data.size() && out.size() < 1000; i++) {
        const Json& d = data[i];
        Point p;
        if (d.is_object()) {
            const Json* y = pickField(d, yField, { "value", "y", "count", "amount", "total" },
                                      [](const Json& v) { return v.is_number(); });
            if (!y || !numeric(*y, &p.value)) continue;
            if (const Json* x = pickField(d, xField, { "label", "x", "name", "date", "day", "month" },
                                          [](const Json& v) { return v.is_string(); }))
                p.label = toDisplayString(*x);
            if (d.contains("color")) p.color = d["color"];
        } else if (!numeric(d, &p.value)) continue;
        if (labels.is_array() && i < labels.size()) p.label = toDisplayString(labels[i]);
        out.push_back(std::move(p));
    }
    return out;
}

// Round tick spacing (1, 2, 2.5, 5 x 10^n) giving about `count` intervals over [lo, hi].
double niceStep(double lo, double hi, int count)
{
    const double raw = (hi - lo) / ImMax(1, count);
    if (!(raw > 0) || !std::isfinite(raw)) return 1.0;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
}

// 1234 -> "1,234", 12345 -> "12.3k", 2500000 -> "2.5M", 0.25 -> "0.25".
std::string compact(double v)
{
    const double a = std::fabs(v);
    char buf[32];
    if (a >= 1e9) std::snprintf(buf, sizeof buf, "%.1fB", v / 1e9);
    else if (a >= 1e6) std::snprintf(buf, sizeof buf, "%.1fM", v / 1e6);
    else if (a >= 1e4) std::snprintf(buf, sizeof buf, "%.1fk", v / 1e3);
    else if (a >= 1000) {  // 1,234
        std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
        std::string s = buf;
        return (v < 0 ? "-" : "") + s.insert(s.size() - 3, ",");
    }
    else if (a >= 100 || a == std::floor(a)) std::snprintf(buf, sizeof buf, "%.0f", v);
    else std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    // "1.0k" -> "1k", "0.50" -> "0.5"
    size_t dot = s.find('.');
    if (dot != std::string::npos) {
        size_t end = dot + 1;
        while (end < s.size() && std::isdigit((unsigned char)s[end])) end++;
        size_t cut = end;
        while (cut > dot + 1 && s[cut - 1] == '0') cut--;
        if (cut == dot + 1) cut = dot;
        s.erase(cut, end - cut);
    }
    return s == "-0" ? "0" : s;
}

// Exact value for tooltips: thousands grouped, up to 2 decimals (trailing zeros dropped).
std::string exact(double v)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f", std::fabs(v));
    std::string s = buf, frac = s.substr(s.find('.'));
    s.erase(s.find('.'));
    while (!frac.empty() && (frac.back() == '0' || frac.back() == '.')) frac.pop_back();
    for (int i = (int)s.size() - 3; i > 0; i -= 3) s.insert((size_t)i, ",");
    return (v < 0 && (s != "0" || !frac.empty()) ? "-" : "") + s + frac;
}

// Series colors: the brand first, then hues that stay apart from it.
ImU32 paletteColor(const Theme& t, int index)
{
    static const ImU32 hues[] = { IM_COL32(20, 184, 166, 255), IM_COL32(245, 158, 11, 255), IM_COL32(139, 92, 246, 255),
                                  IM_COL32(244, 63, 94, 255),  IM_COL32(14, 165, 233, 255), IM_COL32(132, 204, 22, 255),
                                  IM_COL32(236, 72, 153, 255), IM_COL32(249, 115, 22, 255), IM_COL32(99, 102, 241, 255) };
    if (index == 0) return t.c.brand;
    auto dist = [](ImU32 a, ImU32 b) {
        float d = 0;
        for (int s : { IM_COL32_R_SHIFT, IM_COL32_G_SHIFT, IM_COL32_B_SHIFT }) {
            float x = (float)((a >> s) & 0xFF) - (float)((b >> s) & 0xFF);
            d += x * x;
        }
        return std::sqrt(d);
    };
    std::vector<ImU32> usable;
    for (ImU32 h : hues)
        if (dist(h, t.c.brand) > 90.0f) usable.push_back(h);
    const ImU32 c = usable[(index - 1) % usable.size()];
    // Past one round, reuse hues a little lighter so neighbours still differ.
    return (size_t)(index - 1) < usable.size() ? c : mixColor(c, t.c.surface, 0.35f);
}

//-----------------------------------------------------------------------------
// [SECTION] Drawing helpers
//-----------------------------------------------------------------------------

// The rect and a hover test for a chart: an ImGui item (so hover respects windows and popups).
struct Area {
    ImRect rect;
    bool hovered = false;
};
Area chartArea(const char* id, const ImRect& r)
{
    Area a{ r };
    const ImGuiID gid = ImGui::GetID(id);
    a.hovered = ImGui::ItemAdd(r, gid) && ImGui::ItemHoverable(r, gid);
    return a;
}

// "No data" in a soft rounded box of the chart's size.
void emptyChart(Ui& ui, ImVec2 origin, ImVec2 size)
{
    const Theme& t = ui.theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, origin + size, withAlpha(t.c.surfaceAlt, 0.6f), t.radiusSmall);
    const ImVec2 ts = ui.measure("No data", TextStyle::Caption);
    ui.textAt(ImFloor(origin + (size - ts) * 0.5f), "No data", TextStyle::Caption, t.c.textFaint);
    draw::reserve(origin, size);
}

// Fills under a polyline down to `bottom` with a vertical fade: `alpha` at the plot top, 0 at bottom.
void gradientArea(ImDrawList* dl, const std::vector<ImVec2>& line, float top, float bottom, ImU32 col, float alpha)
{
    if (line.size() < 2 || bottom <= top) return;
    const ImVec2 uv = dl->_Data->TexUvWhitePixel;
    auto at = [&](float y) { return withAlpha(col, alpha * ImSaturate((bottom - y) / (bottom - top))); };
    const ImU32 clear = withAlpha(col, 0.0f);
    dl->PrimReserve((int)(line.size() - 1) * 6, (int)(line.size() - 1) * 4);
    for (size_t i = 0; i + 1 < line.size(); i++) {
        const ImVec2 a = line[i], b = line[i + 1];
        const ImDrawIdx base = (ImDrawIdx)dl->_VtxCurrentIdx;
        dl->PrimWriteVtx(a, uv, at(a.y));
        dl->PrimWriteVtx(b, uv, at(b.y));
        dl->PrimWriteVtx(ImVec2(b.x, bottom), uv, clear);
        dl->PrimWriteVtx(ImVec2(a.x, bottom), uv, clear);
        dl->PrimWriteIdx(base); dl->PrimWriteIdx((ImDrawIdx)(base + 1)); dl->PrimWriteIdx((ImDrawIdx)(base + 2));
        dl->PrimWriteIdx(base); dl->PrimWriteIdx((ImDrawIdx)(base + 2)); dl->PrimWriteIdx((ImDrawIdx)(base + 3));
    }
}

// A smooth curve through `pts` (cubic segments with tangents clamped per segment, so it never
// overshoots the data), sampled into a polyline.
std::vector<ImVec2> smoothLine(const std::vector<ImVec2>& pts)
{
    if (pts.size() < 3) return pts;
    const int steps = pts.size() > 120 ? 1 : pts.size() > 40 ? 4 : 10;
    std::vector<ImVec2> out;
    out.reserve(pts.size() * steps + 1);
    for (size_t i = 0; i + 1 < pts.size(); i++) {
        const ImVec2 p0 = pts[i > 0 ? i - 1 : i], p1 = pts[i], p2 = pts[i + 1], p3 = pts[i + 2 < pts.size() ? i + 2 : i + 1];
        ImVec2 c1 = p1 + (p2 - p0) / 6.0f, c2 = p2 - (p3 - p1) / 6.0f;
        const float lo = ImMin(p1.y, p2.y), hi = ImMax(p1.y, p2.y);
        c1.y = ImClamp(c1.y, lo, hi);
        c2.y = ImClamp(c2.y, lo, hi);
        for (int s = 0; s < steps; s++) {
            const float u = (float)s / steps, v = 1.0f - u;
            out.push_back(p1 * (v * v * v) + c1 * (3 * v * v * u) + c2 * (3 * v * u * u) + p2 * (u * u * u));
        }
    }
    out.push_back(pts.back());
    return out;
}

// Value axis: ticks from 0 (or the minimum when negative) to a round maximum.
struct Axis {
    double lo = 0, hi = 1, step = 1;
    float y(double v, float top, float bottom) const { return bottom - (float)((v - lo) / (hi - lo)) * (bottom - top); }
};
Axis valueAxis(const std::vector<Point>& pts, int ticks)
{
    double lo = 0, hi = 0;
    for (const Point& p : pts) {
        lo = std::min(lo, p.value);
        hi = std::max(hi, p.value);
    }
    if (hi == lo) hi = lo + 1;
    Axis a;
    a.step = niceStep(lo, hi, ticks);
    a.lo = std::floor(lo / a.step) * a.step;
    a.hi = std::ceil(hi / a.step) * a.step;
    if (a.hi <= a.lo) a.hi = a.lo + a.step;
    return a;
}

// Horizontal grid lines with value labels at the left; returns the plot rect right of the labels.
ImRect drawValueGrid(Ui& ui, const Axis& axis, const ImRect& frame)
{
    const Theme& t = ui.theme();
    float labelW = 0;
    const int count = (int)std::lround((axis.hi - axis.lo) / axis.step);
    for (int i = 0; i <= count && i <= 20; i++) labelW = ImMax(labelW, ui.measure(compact(axis.lo + axis.step * i), TextStyle::Small).x);
    const ImRect plot(ImVec2(frame.Min.x + labelW + 10.0f, frame.Min.y), frame.Max);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i <= count && i <= 20; i++) {
        const double v = axis.lo + axis.step * i;
        const float y = std::round(axis.y(v, plot.Min.y, plot.Max.y)) + 0.5f;
        dl->AddLine(ImVec2(plot.Min.x, y), ImVec2(plot.Max.x, y), withAlpha(t.c.border, v == 0 ? 1.0f : 0.7f), 1.0f);
        const std::string s = compact(v);
        const ImVec2 sz = ui.measure(s, TextStyle::Small);
        ui.textAt(ImFloor(ImVec2(plot.Min.x - 10.0f - sz.x, y - sz.y * 0.5f)), s, TextStyle::Small, t.c.textFaint);
    }
    return plot;
}

// Category labels under the plot at the given centers, thinned out so they never overlap. A label gets the space
// between two centers (at least about 8 characters, at most the chart's width) and is cut to it with an ellipsis.
void drawCategoryLabels(Ui& ui, const std::vector<Point>& pts, const std::vector<float>& xs, float y, float minX, float maxX)
{
    float widest = 0;
    for (const Point& p : pts) widest = ImMax(widest, ui.measure(p.label, TextStyle::Small).x);
    if (widest <= 0 || xs.size() < 1) return;
    const float spacing = xs.size() > 1 ? (xs.back() - xs.front()) / (xs.size() - 1) : widest;
    const float budget = ImMin(ImMin(widest, maxX - minX), ImMax(spacing - 10.0f, ui.minTextWidth(TextStyle::Small)));
    const size_t every = (size_t)ImMax(1.0f, std::ceil((budget + 10.0f) / ImMax(spacing, 1.0f)));
    for (size_t i = 0; i < pts.size(); i += every) {
        const float labelW = ImMin(ui.measure(pts[i].label, TextStyle::Small).x, budget);
        const float x = ImClamp(xs[i] - labelW * 0.5f, minX, maxX - labelW);
        ui.fitText(ImFloor(ImVec2(x, y)), pts[i].label, TextStyle::Small, ui.theme().c.textFaint, budget);
    }
}

float chartHeight(const Node& n, float fallback) { return n.layout.height > 0 ? ImClamp(n.layout.height, 16.0f, 4000.0f) : fallback; }

// What line and bar charts start from: their box at the cursor, their points and their `tone`.
struct SeriesChart {
    ImVec2 origin;
    float w = 0, h = 0;
    std::vector<Point> pts;
    ImU32 col = 0;
};

// Reads a line or bar chart's node into `c`; with no points, draws the empty state and returns false.
bool readSeries(Ui& ui, const Node& n, SeriesChart& c)
{
    c.origin = ImGui::GetCursorScreenPos();
    c.w = ui.itemWidth(n);
    c.h = chartHeight(n, 180.0f);
    c.pts = series(ui, n);
    if (c.pts.empty()) {
        emptyChart(ui, c.origin, ImVec2(c.w, c.h));
        return false;
    }
    c.col = ui.color(ui.prop(n, "tone"), ui.theme().c.brand);
    return true;
}

// What line and bar charts stand on: the value grid in a `size` box at `origin`, with room under it
// for category labels when any point has one.
struct SeriesFrame {
    bool hasLabels = false;
    Axis axis;
    ImRect plot;  // right of the value labels, above the category labels
};

SeriesFrame seriesFrame(Ui& ui, const std::vector<Point>& pts, ImVec2 origin, ImVec2 size)
{
    SeriesFrame f;
    for (const Point& p : pts) f.hasLabels |= !p.label.empty();
    // The value labels are centred on their grid lines: half a label of room above the top line and below the
    // bottom one (where the category labels, when any, take a whole line).
    const float valueH = ui.measure("0", TextStyle::Small).y;
    const float labelH = f.hasLabels ? valueH + 8.0f : std::ceil(valueH * 0.5f);
    const float top = origin.y + valueH * 0.5f;
    f.axis = valueAxis(pts, size.y >= 140 ? 4 : 2);
    f.plot = drawValueGrid(ui, f.axis, ImRect(ImVec2(origin.x, top), ImVec2(origin.x + size.x, origin.y + size.y - labelH)));
    return f;
}

//-----------------------------------------------------------------------------
// [SECTION] line_chart, sparkline
//-----------------------------------------------------------------------------

// Dot for the highlighted point: surface-filled with a colored ring.
void pointDot(ImDrawList* dl, const Theme& t, ImVec2 p, ImU32 col, float r)
{
    dl->AddCircleFilled(p, r + 1.5f, withAlpha(col, 0.18f), 20);
    dl->AddCircleFilled(p, r, t.c.surface, 20);
    dl->AddCircle(p, r, col, 20, 2.5f);
}

void drawLineChart(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    SeriesChart c;
    if (!readSeries(ui, n, c)) return;

    const SeriesFrame frame = seriesFrame(ui, c.pts, c.origin, ImVec2(c.w - 6.0f, c.h));
    const bool hasLabels = frame.hasLabels;
    const Axis& axis = frame.axis;
    const ImRect& plot = frame.plot;

    std::vector<ImVec2> raw;
    std::vector<float> xs;
    const float inset = c.pts.size() > 1 ? 6.0f : plot.GetWidth() * 0.5f;
    const float stepX = c.pts.size() > 1 ? (plot.GetWidth() - inset * 2) / (c.pts.size() - 1) : 0.0f;
    for (size_t i = 0; i < c.pts.size(); i++) {
        xs.push_back(plot.Min.x + inset + stepX * i);
        raw.push_back(ImVec2(xs.back(), axis.y(c.pts[i].value, plot.Min.y, plot.Max.y)));
    }
    if (hasLabels) drawCategoryLabels(ui, c.pts, xs, plot.Max.y + 6.0f, c.origin.x, c.origin.x + c.w);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::vector<ImVec2> line = smoothLine(raw);
    if (ui.flag(n, "area")) gradientArea(dl, line, plot.Min.y, axis.y(std::max(axis.lo, 0.0), plot.Min.y, plot.Max.y), c.col, t.dark ? 0.35f : 0.22f);
    if (line.size() > 1) dl->AddPolyline(line.data(), (int)line.size(), c.col, 0, 2.5f);

    const Area area = chartArea("##plot", ImRect(plot.Min - ImVec2(0, 6), plot.Max + ImVec2(0, 6)));
    size_t focus = c.pts.size() - 1;
    if (area.hovered) {
        const float mx = ImGui::GetIO().MousePos.x;
        focus = stepX > 0 ? (size_t)ImClamp((int)std::lround((mx - plot.Min.x - inset) / stepX), 0, (int)c.pts.size() - 1) : 0;
        dl->AddLine(ImVec2(raw[focus].x, plot.Min.y), ImVec2(raw[focus].x, plot.Max.y), withAlpha(t.c.text, 0.25f), 1.0f);
        ui.tooltip(exact(c.pts[focus].value), c.pts[focus].label);
    }
    pointDot(dl, t, raw[focus], c.col, 4.5f);
    draw::reserve(c.origin, ImVec2(c.w, c.h));
}

void drawSparkline(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n), h = chartHeight(n, 32.0f);
    const std::vector<Point> pts = series(ui, n);
    const ImU32 col = ui.color(ui.prop(n, "tone"), t.c.brand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (pts.size() < 2) {  // nothing to trace: a faint baseline
        dl->AddLine(ImVec2(origin.x, origin.y + h * 0.5f), ImVec2(origin.x + w, origin.y + h * 0.5f), withAlpha(t.c.border, 1.0f), 1.5f);
        return draw::reserve(origin, ImVec2(w, h));
    }
    double lo = DBL_MAX, hi = -DBL_MAX;
    for (const Point& p : pts) {
        lo = std::min(lo, p.value);
        hi = std::max(hi, p.value);
    }
    if (hi == lo) { hi += 1; lo -= 1; }
    const float top = origin.y + 3.0f, bottom = origin.y + h - 3.0f, right = origin.x + w - 4.0f;
    std::vector<ImVec2> raw;
    for (size_t i = 0; i < pts.size(); i++)
        raw.push_back(ImVec2(origin.x + (right - origin.x) * i / (pts.size() - 1),
                             bottom - (float)((pts[i].value - lo) / (hi - lo)) * (bottom - top)));
    const std::vector<ImVec2> line = smoothLine(raw);
    gradientArea(dl, line, top, origin.y + h, col, t.dark ? 0.28f : 0.16f);
    dl->AddPolyline(line.data(), (int)line.size(), col, 0, 2.0f);
    dl->AddCircleFilled(raw.back(), 3.0f, col, 12);
    const Area area = chartArea("##spark", ImRect(origin, origin + ImVec2(w, h)));
    if (area.hovered) {
        const size_t i = (size_t)ImClamp((int)std::lround((ImGui::GetIO().MousePos.x - origin.x) / (right - origin.x) * (pts.size() - 1)), 0, (int)pts.size() - 1);
        pointDot(dl, t, raw[i], col, 3.5f);
        ui.tooltip(exact(pts[i].value), pts[i].label);
    }
    draw::reserve(origin, ImVec2(w, h));
}

//-----------------------------------------------------------------------------
// [SECTION] bar_chart
//-----------------------------------------------------------------------------

void drawHorizontalBars(Ui& ui, const Node& n, const std::vector<Point>& pts, ImU32 col)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    double hi = 0;
    float labelW = 0, valueW = 0;
    for (const Point& p : pts) {
        hi = std::max(hi, p.value);
        labelW = ImMax(labelW, ui.measure(p.label, TextStyle::Caption).x);
        valueW = ImMax(valueW, ui.measure(compact(p.value), TextStyle::Strong).x);
    }
    labelW = ImMin(labelW, w * 0.35f);
    if (hi <= 0) hi = 1;
    const float rowH = 30.0f, barH = 10.0f;
    const float barX = origin.x + (labelW > 0 ? labelW + 12.0f : 0.0f), barW = ImMax(10.0f, w - (barX - origin.x) - valueW - 12.0f);
    const size_t count = std::min<size_t>(pts.size(), 200);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Area area = chartArea("##bars", ImRect(origin, origin + ImVec2(w, rowH * count)));
    for (size_t i = 0; i < count; i++) {
        const Point& p = pts[i];
        const float cy = origin.y + rowH * (i + 0.5f);
        const bool hot = area.hovered && ImGui::GetIO().MousePos.y >= cy - rowH * 0.5f && ImGui::GetIO().MousePos.y < cy + rowH * 0.5f;
        if (!p.label.empty()) {
            const ImVec2 ls = ui.measure(p.label, TextStyle::Caption);
            ui.fitText(ImFloor(ImVec2(origin.x, cy - ls.y * 0.5f)), p.label, TextStyle::Caption, hot ? t.c.text : t.c.textMuted, labelW);
        }
        dl->AddRectFilled(ImVec2(barX, cy - barH * 0.5f), ImVec2(barX + barW, cy + barH * 0.5f), withAlpha(t.c.surfaceAlt, 1.0f), barH * 0.5f);
        const float fw = (float)(std::max(0.0, p.value) / hi) * barW;
        if (fw > 0) dl->AddRectFilled(ImVec2(barX, cy - barH * 0.5f), ImVec2(barX + ImMax(fw, barH), cy + barH * 0.5f), hot ? mixColor(col, t.c.text, 0.15f) : col, barH * 0.5f);
        const std::string v = compact(p.value);
        const ImVec2 vs = ui.measure(v, TextStyle::Strong);
        ui.textAt(ImFloor(ImVec2(origin.x + w - vs.x, cy - vs.y * 0.5f)), v, TextStyle::Strong, t.c.text);
    }
    draw::reserve(origin, ImVec2(w, rowH * count));
}

void drawBarChart(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    SeriesChart c;
    if (!readSeries(ui, n, c)) return;
    if (ui.flag(n, "horizontal")) return drawHorizontalBars(ui, n, c.pts, c.col);

    const SeriesFrame frame = seriesFrame(ui, c.pts, c.origin, ImVec2(c.w, c.h));
    const bool hasLabels = frame.hasLabels;
    const Axis& axis = frame.axis;
    const ImRect& plot = frame.plot;

    const float slot = plot.GetWidth() / c.pts.size();
    const float barW = ImMax(1.0f, ImMin(slot * 0.62f, 40.0f));
    const float zeroY = axis.y(0.0, plot.Min.y, plot.Max.y);
    const Area area = chartArea("##bars", plot);
    const int hot = area.hovered ? ImClamp((int)((ImGui::GetIO().MousePos.x - plot.Min.x) / slot), 0, (int)c.pts.size() - 1) : -1;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::vector<float> xs;
    for (size_t i = 0; i < c.pts.size(); i++) {
        const float cx = plot.Min.x + slot * (i + 0.5f);
        xs.push_back(cx);
        if ((int)i == hot) dl->AddRectFilled(ImVec2(cx - slot * 0.5f + 1, plot.Min.y), ImVec2(cx + slot * 0.5f - 1, plot.Max.y), withAlpha(t.c.text, 0.04f), t.radiusSmall);
        const float vy = axis.y(c.pts[i].value, plot.Min.y, plot.Max.y);
        const bool up = c.pts[i].value >= 0;
        const ImVec2 a(cx - barW * 0.5f, up ? vy : zeroY), b(cx + barW * 0.5f, up ? zeroY : vy);
        if (b.y - a.y < 0.5f) continue;
        const float r = ImMin(ImMin(6.0f, barW * 0.35f), b.y - a.y);
        const ImU32 fill = hot < 0 || (int)i == hot ? c.col : mixColor(c.col, t.c.surface, 0.35f);
        dl->AddRectFilled(a, b, fill, r, up ? ImDrawFlags_RoundCornersTop : ImDrawFlags_RoundCornersBottom);
    }
    if (hasLabels) drawCategoryLabels(ui, c.pts, xs, plot.Max.y + 6.0f, c.origin.x, c.origin.x + c.w);
    if (hot >= 0) ui.tooltip(exact(c.pts[hot].value), c.pts[hot].label);
    draw::reserve(c.origin, ImVec2(c.w, c.h));
}

//-----------------------------------------------------------------------------
// [SECTION] donut
//-----------------------------------------------------------------------------

void drawDonut(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const double sizeProp = ui.num(n, "size");
    const float size = ImClamp(std::isfinite(sizeProp) && sizeProp > 0 ? (float)sizeProp : 160.0f, 48.0f, ImMax(48.0f, ImMin(w, 600.0f)));
    std::vector<Point> pts = series(ui, n);
    pts.erase(std::remove_if(pts.begin(), pts.end(), [](const Point& p) { return !(p.value > 0); }), pts.end());
    double total = 0;
    for (const Point& p : pts) total += p.value;
    if (pts.empty() || !(total > 0)) return emptyChart(ui, origin, ImVec2(ImMin(w, size), size));

    std::vector<ImU32> colors;
    for (size_t i = 0; i < pts.size(); i++) colors.push_back(ui.color(pts[i].color, paletteColor(t, (int)i)));

    const bool legend = ui.flag(n, "legend");
    const bool side = legend && w >= size + 200.0f;  // legend beside the ring when there is room
    const float rowH = 26.0f;
    const float legendH = legend ? rowH * pts.size() : 0.0f;
    const float ringY = origin.y + (side ? ImMax(0.0f, (legendH - size) * 0.5f) : 0.0f);
    const ImVec2 center(origin.x + (side ? size * 0.5f : w * 0.5f), ringY + size * 0.5f);
    const float thick = ImMax(8.0f, size * 0.16f), radius = size * 0.5f - thick * 0.5f - 4.0f;

    const Area area = chartArea("##donut", ImRect(center - ImVec2(size, size) * 0.5f, center + ImVec2(size, size) * 0.5f));
    int hot = -1;
    const ImVec2 m = ImGui::GetIO().MousePos - center;
    const float md = std::sqrt(m.x * m.x + m.y * m.y);
    float mouseAngle = std::atan2(m.y, m.x) + IM_PI * 0.5f;  // 0 at twelve o'clock, clockwise
    if (mouseAngle < 0) mouseAngle += IM_PI * 2.0f;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float gap = pts.size() > 1 ? ImMin(0.04f, 0.5f / pts.size()) : 0.0f;
    float a = 0;
    for (size_t i = 0; i < pts.size(); i++) {
        const float sweep = (float)(pts[i].value / total) * IM_PI * 2.0f;
        if (area.hovered && md > radius - thick && md < radius + thick && mouseAngle >= a && mouseAngle < a + sweep) hot = (int)i;
        const float a0 = a + gap * 0.5f - IM_PI * 0.5f, a1 = a + sweep - gap * 0.5f - IM_PI * 0.5f;
        if (a1 > a0) {
            const bool isHot = hot == (int)i;
            dl->PathArcTo(center, radius, a0, a1, ImMax(4, (int)(sweep * 24)));
            dl->PathStroke(hot < 0 || isHot ? colors[i] : mixColor(colors[i], t.c.surface, 0.4f), 0, isHot ? thick + 6.0f : thick);
        }
        a += sweep;
    }

    // Center: the hovered segment, else the `center` text (default: the total).
    const std::string mainText = hot >= 0 ? compact(pts[hot].value) : ui.given(n, "center") ? ui.str(n, "center") : compact(total);
    const std::string subText = hot >= 0 ? pts[hot].label : ui.given(n, "center") ? "" : "Total";
    // Both lines fit the hole: the width of a chord at the block's top and bottom edges. The main text shrinks
    // down the type scale before it is cut.
    const float hole = radius - thick * 0.5f - 3.0f;
    const float subH = subText.empty() ? 0.0f : ui.font(TextStyle::Caption)->FontSize;
    auto chord = [&](float halfH) { return 2.0f * std::sqrt(ImMax(0.0f, hole * hole - halfH * halfH)); };
    const TextStyle big = ui.shrinkToFit(mainText, size >= 140 ? TextStyle::H2 : TextStyle::Strong,
                                         chord((ui.font(size >= 140 ? TextStyle::H2 : TextStyle::Strong)->FontSize + subH) * 0.5f), TextStyle::Small);
    const float blockH = ui.font(big)->FontSize + subH, room = chord(blockH * 0.5f);
    const ImVec2 ms = ui.measure(mainText, big), ss = subText.empty() ? ImVec2() : ui.measure(subText, TextStyle::Caption);
    ui.fitText(ImFloor(ImVec2(center.x - ImMin(ms.x, room) * 0.5f, center.y - blockH * 0.5f)), mainText, big, t.c.text, room);
    if (!subText.empty())
        ui.fitText(ImFloor(ImVec2(center.x - ImMin(ss.x, room) * 0.5f, center.y - blockH * 0.5f + ms.y)), subText, TextStyle::Caption, t.c.textMuted, room);

    float bottom = ringY + size;
    if (legend) {
        const float lx = side ? origin.x + size + 28.0f : origin.x;
        float ly = side ? origin.y + ImMax(0.0f, (size - legendH) * 0.5f) : bottom + 12.0f;
        const float lw = origin.x + w - lx;
        for (size_t i = 0; i < pts.size(); i++, ly += rowH) {
            const float cy = ly + rowH * 0.5f;
            dl->AddCircleFilled(ImVec2(lx + 5.0f, cy), 5.0f, colors[i], 16);
            const std::string pct = std::to_string((int)std::lround(pts[i].value / total * 100.0)) + "%";
            const std::string val = compact(pts[i].value);
            const ImVec2 ps = ui.measure(pct, TextStyle::Caption), vs = ui.measure(val, TextStyle::Strong);
            const float labelRight = lx + lw - vs.x - ps.x - 20.0f;
            const ImVec2 ls = ui.measure(pts[i].label, TextStyle::Body);
            ui.fitText(ImFloor(ImVec2(lx + 18.0f, cy - ls.y * 0.5f)), pts[i].label, TextStyle::Body,
                       (int)i == hot ? t.c.text : mixColor(t.c.text, t.c.textMuted, 0.3f), ImMax(1.0f, labelRight - lx - 18.0f));
            ui.textAt(ImFloor(ImVec2(lx + lw - ps.x - vs.x - 8.0f, cy - vs.y * 0.5f)), val, TextStyle::Strong, t.c.text);
            ui.textAt(ImFloor(ImVec2(lx + lw - ps.x, cy - ps.y * 0.5f)), pct, TextStyle::Caption, t.c.textMuted);
        }
        bottom = side ? origin.y + ImMax(size, legendH) : ly;
    }
    if (hot >= 0) ui.tooltip(pts[hot].label.empty() ? exact(pts[hot].value) : pts[hot].label,
                          exact(pts[hot].value) + " \xC2\xB7 " + std::to_string((int)std::lround(pts[hot].value / total * 100.0)) + "%");
    draw::reserve(origin, ImVec2(w, bottom - origin.y));
}

//-----------------------------------------------------------------------------
// [SECTION] Registration
//-----------------------------------------------------------------------------

// Props shared by the charts that plot a series.
std::vector<PropDef> seriesProps(std::vector<PropDef> extra)
{
    std::vector<PropDef> props = {
        prop("data", PropType::Array, Json::array(), "numbers, or objects whose value / label fields are named by y / x").withShape(R"([12, 18] or [{"label", "value"}])"),
        prop("x", PropType::String, nullptr, "label field of object data (default: label, x, name, date...)").withShape(R"("month")"),
        prop("y", PropType::String, nullptr, "value field of object data (default: value, y, count, amount...)").withShape(R"("total")"),
        prop("labels", PropType::Array, nullptr, "x-axis labels, one per point (override the x field)").withShape(R"(["Mon", "Tue"])"),
        prop("tone", PropType::Color, "brand", "line / bar color"),
    };
    for (PropDef& p : extra) props.push_back(std::move(p));
    return props;
}

WidgetDef chart(const char* name, const char* doc, std::vector<PropDef> props, const char* example, DrawFn draw, MeasureFn measure = nullptr)
{
    WidgetDef d = widgetDef("Charts", name, doc, "data", std::move(props), example, std::move(draw));
    d.measure = std::move(measure);
    return d;
}

// A donut needs its ring's diameter (its legend then goes under it) and fills the width offered.
WidthRange measureDonut(Ui& ui, const Node& n)
{
    const double size = ui.num(n, "size");
    return { ImClamp(std::isfinite(size) && size > 0 ? (float)size : 160.0f, 120.0f, 600.0f), kFillWidth };
}

} // namespace

static void registerChartWidgets(WidgetCatalog& c)
{
    c.add(chart("line_chart", "Line chart with x labels (height `h`).",
        seriesProps({ prop("area", PropType::Bool, true, "fade-out fill under the line") }),
        R"({"line_chart": [12, 18, 15, 24, 30, 28, 35], "labels": ["M", "T", "W", "T", "F", "S", "S"]})", drawLineChart));
    c.add(chart("bar_chart", "Bar chart with labels (height `h`).",
        seriesProps({ prop("horizontal", PropType::Bool, false, "horizontal bars with labels left and values right (ranking style)") }),
        R"({"bar_chart": "${sales}", "x": "month", "y": "total"})", drawBarChart));
    c.add(chart("donut", "Donut of parts of a whole.",
        { prop("data", PropType::Array, Json::array(), "parts: objects (color optional) or numbers").withShape(R"([{"label", "value", "color"}])"),
          prop("size", PropType::Number, 160, "ring diameter in px"),
          prop("center", PropType::String, nullptr, "text in the middle (default: the total)"),
          prop("legend", PropType::Bool, true, "legend beside the ring (when wide enough) or below") },
        R"({"donut": [{"label": "Rent", "value": 1200}, {"label": "Food", "value": 450}, {"label": "Fun", "value": 200}], "center": "$1,850"})", drawDonut, measureDonut));
    c.add(chart("sparkline", "Tiny trend line for tiles and rows.",
        { prop("data", PropType::Array, Json::array(), "numbers").withShape("[3, 5, 4]"),
          prop("tone", PropType::Color, "brand", "line color") },
        R"({"sparkline": [3, 5, 4, 7, 6, 9], "w": 96})", drawSparkline));
}

static const WidgetCatalog::Registrar kRegistrar(60, registerChartWidgets);

} // namespace pt
