// Promptotype — meeting overlays implementation.
//
// [SECTION] Drawing helpers
// [SECTION] Heat map and misclicks
// [SECTION] Reaction pins
// [SECTION] Widget outline
// [SECTION] Flow map layout
// [SECTION] Flow map drawing
// [SECTION] Flow map image

#include "meeting/meeting_overlays.h"
#include "runtime/headless/headless.h"
#include "runtime/spec/spec_loader.h"
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Drawing helpers
//-----------------------------------------------------------------------------

namespace {

constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kInk = IM_COL32(17, 24, 39, 255);          // badges: near-black reads on every theme
constexpr ImU32 kMixedPin = IM_COL32(71, 85, 105, 255);    // a pin holding several kinds: slate, the kinds ring it
constexpr ImU32 kMissRed = IM_COL32(220, 38, 38, 255);

// Text centered on `center`, at the font's own size times `scale`.
void centeredText(ImDrawList* dl, ImFont* font, float scale, ImVec2 center, ImU32 color, const std::string& text) {
    float size = font->FontSize * scale;
    ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    dl->AddText(font, size, ImVec2(std::round(center.x - ts.x * 0.5f), std::round(center.y - ts.y * 0.5f)), color, text.c_str());
}

// `text` cut to fit `width` pixels at `size`, ending in "..." when cut.
std::string fitText(ImFont* font, float size, const std::string& text, float width) {
    if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x <= width) return text;
    std::string cut = text;
    while (!cut.empty()) {
        while (!cut.empty() && ((unsigned char)cut.back() & 0xC0) == 0x80) cut.pop_back();  // whole UTF-8 characters
        if (!cut.empty()) cut.pop_back();
        if (font->CalcTextSizeA(size, FLT_MAX, 0, (cut + "...").c_str()).x <= width) break;
    }
    return cut + "...";
}

// Multiplies a color's alpha (dimmed, unreachable boxes).
ImU32 fade(ImU32 c, float alpha) {
    float a = (float)((c >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f;
    return withAlpha(c, a * alpha);
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Heat map and misclicks
//-----------------------------------------------------------------------------

namespace {

// Cool to hot: blue, green, yellow, red. `t` in 0..1.
ImU32 heatColor(float t) {
    static const ImU32 stops[] = {IM_COL32(59, 130, 246, 255), IM_COL32(34, 197, 94, 255), IM_COL32(250, 204, 21, 255),
                                  IM_COL32(239, 68, 68, 255)};
    static const float at[] = {0.0f, 0.35f, 0.62f, 0.9f};
    if (t <= at[0]) return stops[0];
    for (int i = 1; i < 4; ++i)
        if (t <= at[i]) return mixColor(stops[i - 1], stops[i], (t - at[i - 1]) / (at[i] - at[i - 1]));
    return stops[3];
}

float smoothstep(float lo, float hi, float x) {
    float t = std::clamp((x - lo) / (hi - lo), 0.0f, 1.0f);
    return t * t * (3 - 2 * t);
}

void drawMissCross(ImDrawList* dl, ImVec2 p) {
    const float arm = 5.0f;
    for (int pass = 0; pass < 2; ++pass) {  // white halo under the red cross, so it reads on any color
        ImU32 color = pass == 0 ? IM_COL32(255, 255, 255, 230) : kMissRed;
        float thickness = pass == 0 ? 5.0f : 2.2f;
        dl->AddLine(p + ImVec2(-arm, -arm), p + ImVec2(arm, arm), color, thickness);
        dl->AddLine(p + ImVec2(-arm, arm), p + ImVec2(arm, -arm), color, thickness);
    }
}

} // namespace

void drawHeatmap(ImDrawList* dl, const ImRect& area, const std::vector<HeatPoint>& points, bool showMisclicks) {
    if (!dl || area.GetWidth() < 4 || area.GetHeight() < 4) return;
    auto inside = [](const HeatPoint& p) { return std::isfinite(p.x) && std::isfinite(p.y) && p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1; };
    // Density on a coarse grid of vertices (a Gaussian per click), drawn as cells whose corners carry their own
    // color: the rasterizer interpolates between them, so the blobs come out smooth at a few thousand quads.
    const float step = 6.0f;
    const float sigma = std::clamp(std::min(area.GetWidth(), area.GetHeight()) * 0.035f, 8.0f, 26.0f);
    const int nx = (int)std::ceil(area.GetWidth() / step), ny = (int)std::ceil(area.GetHeight() / step);
    std::vector<float> density((size_t)(nx + 1) * (ny + 1), 0.0f);
    float peak = 0;
    int reach = (int)std::ceil(3 * sigma / step);
    for (const HeatPoint& p : points) {
        if (!inside(p)) continue;
        float px = p.x * area.GetWidth(), py = p.y * area.GetHeight();
        int cx = (int)std::round(px / step), cy = (int)std::round(py / step);
        for (int gy = std::max(0, cy - reach); gy <= std::min(ny, cy + reach); ++gy)
            for (int gx = std::max(0, cx - reach); gx <= std::min(nx, cx + reach); ++gx) {
                float dx = gx * step - px, dy = gy * step - py;
                float& d = density[(size_t)gy * (nx + 1) + gx];
                d += std::exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                peak = std::max(peak, d);
            }
    }
    if (peak > 0) {
        // Logarithmic, so a lone click still shows (cool) beside a crowded spot (hot), and a lone click on its own
        // peaks mid-ramp: red is kept for clusters.
        float norm = std::log1p(std::max(peak, 3.0f));
        std::vector<ImU32> colors(density.size());
        for (size_t i = 0; i < density.size(); ++i) {
            float t = std::min(1.0f, std::log1p(density[i]) / norm);
            colors[i] = withAlpha(heatColor(t), 0.62f * smoothstep(0.02f, 0.25f, t));
        }
        auto alpha = [](ImU32 c) { return (c >> IM_COL32_A_SHIFT) & 0xFF; };
        for (int gy = 0; gy < ny; ++gy)
            for (int gx = 0; gx < nx; ++gx) {
                ImU32 tl = colors[(size_t)gy * (nx + 1) + gx], tr = colors[(size_t)gy * (nx + 1) + gx + 1];
                ImU32 bl = colors[(size_t)(gy + 1) * (nx + 1) + gx], br = colors[(size_t)(gy + 1) * (nx + 1) + gx + 1];
                if (!alpha(tl) && !alpha(tr) && !alpha(bl) && !alpha(br)) continue;
                ImVec2 a = area.Min + ImVec2(gx * step, gy * step);
                ImVec2 b = ImMin(a + ImVec2(step, step), area.Max);
                dl->AddRectFilledMultiColor(a, b, tl, tr, br, bl);
            }
    }
    if (showMisclicks)
        for (const HeatPoint& p : points)
            if (p.miss && inside(p)) drawMissCross(dl, area.Min + ImVec2(p.x * area.GetWidth(), p.y * area.GetHeight()));
}

//-----------------------------------------------------------------------------
// [SECTION] Reaction pins
//-----------------------------------------------------------------------------

namespace {

constexpr float kPinRadius = 12.0f;  // 24 px markers

std::string_view withoutInstance(std::string_view key) { return key.substr(0, key.find('#')); }

// The probe a reaction's widget was drawn as: by spec id, then exact key, then key without the repeat "#index".
// Probes whose visible part is empty (scrolled away) are passed over.
const Probe* probeFor(const std::vector<Probe>& probes, const std::string& widget) {
    auto visible = [](const Probe& p) {
        ImRect v = p.rect;
        v.ClipWith(p.clip);
        return v.GetWidth() >= 2 && v.GetHeight() >= 2;
    };
    auto pick = [&](auto matches) -> const Probe* {
        for (const Probe& p : probes)
            if (matches(p) && visible(p)) return &p;
        return nullptr;
    };
    if (widget.empty()) return nullptr;
    if (auto p = pick([&](const Probe& p) { return !p.id.empty() && p.id == widget; })) return p;
    if (auto p = pick([&](const Probe& p) { return p.key == widget; })) return p;
    return pick([&](const Probe& p) { return withoutInstance(p.key) == withoutInstance(widget); });
}

// Whether a reaction belongs to what is shown: the screen its widget lives on now (it may have moved since the
// reaction), or, for a widget the spec cannot place (app chrome: tabs, back), the screen it was pinned on.
bool belongsHere(const Prototype& proto, const Reaction& r) {
    WidgetLocation loc;
    if (!locateWidget(proto.spec(), r.widget, &loc)) return r.screen == proto.currentScreen();
    if (!loc.inOverlay) return loc.screen == proto.currentScreen();
    const auto& open = proto.overlays();
    return std::find(open.begin(), open.end(), loc.screen) != open.end();
}

} // namespace

std::vector<PinMarker> layoutPins(const Prototype& proto, const std::vector<Reaction>& reactions) {
    std::vector<PinMarker> pins;
    std::vector<const Probe*> pinProbe;  // the probe each marker sits on, to group reactions on one widget
    const auto& probes = proto.probes();
    for (int i = 0; i < (int)reactions.size(); ++i) {
        const Reaction& r = reactions[i];
        const Probe* p = probeFor(probes, r.widget);
        if (!p || !belongsHere(proto, r)) continue;
        auto same = std::find(pinProbe.begin(), pinProbe.end(), p);
        if (same != pinProbe.end()) {
            pins[same - pinProbe.begin()].reactions.push_back(i);
            continue;
        }
        PinMarker m;
        m.widget = p->rect;
        m.reactions = {i};
        pins.push_back(std::move(m));
        pinProbe.push_back(p);
    }
    for (int i = 0; i < (int)pins.size(); ++i) {
        PinMarker& m = pins[i];
        m.number = i + 1;
        // Top-right corner of the widget, kept inside the visible part of its window with its halo (and its
        // count badge, which sticks out to the top-right).
        ImRect room = pinProbe[i]->clip;
        float badge = m.reactions.size() > 1 ? 7.0f : 0.0f;
        room.Min += ImVec2(kPinRadius + 3, kPinRadius + 3 + badge);
        room.Max -= ImVec2(kPinRadius + 3 + badge, kPinRadius + 3);
        auto keepIn = [&](ImVec2 c) {
            return ImVec2(std::clamp(c.x, room.Min.x, std::max(room.Min.x, room.Max.x)), std::clamp(c.y, room.Min.y, std::max(room.Min.y, room.Max.y)));
        };
        m.center = keepIn(ImVec2(m.widget.Max.x, m.widget.Min.y));
        // Widgets sharing a corner (a card and its first row) get markers side by side, not stacked.
        for (int tries = 0; tries < 8; ++tries) {
            bool overlaps = std::any_of(pins.begin(), pins.begin() + i, [&](const PinMarker& o) {
                return ImLengthSqr(o.center - m.center) < (kPinRadius * 1.7f) * (kPinRadius * 1.7f);
            });
            if (!overlaps) break;
            m.center = keepIn(m.center - ImVec2(kPinRadius * 2.2f, 0));
            if (m.center.x <= room.Min.x) m.center = keepIn(m.center + ImVec2(0, kPinRadius * 2.2f));
        }
    }
    return pins;
}

int drawPins(ImDrawList* dl, const FontSet& fonts, const std::vector<PinMarker>& pins, const std::vector<Reaction>& reactions,
             bool numbered) {
    if (!dl) return -1;
    int hovered = -1;
    if (ImGui::GetCurrentContext()) {
        ImVec2 mouse = ImGui::GetIO().MousePos;
        for (int i = (int)pins.size() - 1; i >= 0 && hovered < 0; --i)
            if (ImLengthSqr(mouse - pins[i].center) <= kPinRadius * kPinRadius) hovered = i;
    }
    for (int i = 0; i < (int)pins.size(); ++i) {
        const PinMarker& pin = pins[i];
        // Kinds on this widget, in display order, with their counts.
        std::vector<std::pair<const ReactionKind*, int>> kinds;
        int total = 0;
        for (int index : pin.reactions) {
            if (index < 0 || index >= (int)reactions.size()) continue;
            const ReactionKind* k = findReactionKind(reactions[index].kind);
            if (!k) continue;
            ++total;
            auto it = std::find_if(kinds.begin(), kinds.end(), [&](auto& e) { return e.first == k; });
            if (it == kinds.end()) kinds.push_back({k, 1});
            else ++it->second;
        }
        if (total == 0) continue;
        std::sort(kinds.begin(), kinds.end(), [](auto& a, auto& b) { return a.first < b.first; });  // reactionKinds() order
        float r = kPinRadius + (i == hovered ? 2.0f : 0.0f);
        ImVec2 c = pin.center;
        bool mixed = kinds.size() > 1;
        ImU32 fill = mixed ? kMixedPin : kinds[0].first->color;
        dl->AddCircleFilled(c + ImVec2(0, 1.5f), r + 1.5f, IM_COL32(0, 0, 0, 60), 32);
        dl->AddCircleFilled(c, r + 2, kWhite, 32);
        dl->AddCircleFilled(c, r, fill, 32);
        if (mixed) {  // a ring of the kinds' colors, each arc sized by its share
            float a = -IM_PI * 0.5f;
            for (auto& [kind, count] : kinds) {
                float span = 2 * IM_PI * count / total;
                dl->PathArcTo(c, r - 1.5f, a + 0.08f, a + span - 0.08f, 16);
                dl->PathStroke(kind->color, 0, 3.0f);
                a += span;
            }
        }
        std::string label;
        ImFont* font = fonts.get(TextStyle::Caption);
        if (numbered) {
            label = std::to_string(pin.number);
            font = fonts.get(label.size() > 2 ? TextStyle::Small : TextStyle::Strong);
        } else if (mixed) {
            label = std::to_string(total);
            font = fonts.get(TextStyle::Strong);
        } else {
            label = iconGlyph(kinds[0].first->icon);
            if (label.empty()) label = std::string(1, kinds[0].first->label[0]);  // no icon font: the kind's initial
        }
        centeredText(dl, font, 1.0f, c, kWhite, label);
        // Count badge when one label stands for several reactions.
        if (total > 1 && (numbered || !mixed)) {
            ImVec2 b = c + ImVec2(r * 0.8f, -r * 0.8f);
            dl->AddCircleFilled(b, 8.5f, kWhite, 20);
            dl->AddCircleFilled(b, 7.0f, kInk, 20);
            centeredText(dl, fonts.get(TextStyle::Small), total > 9 ? 0.85f : 1.0f, b, kWhite, std::to_string(total));
        }
    }
    return hovered;
}

//-----------------------------------------------------------------------------
// [SECTION] Widget outline
//-----------------------------------------------------------------------------

std::string probeName(const Probe& p) {
    std::string name(p.type);
    if (!p.label.empty()) name += " '" + p.label + "'";
    if (!p.id.empty()) name += " (#" + std::string(p.id) + ")";
    return name;
}

void drawWidgetOutline(ImDrawList* dl, const FontSet& fonts, const ImRect& rect, const std::string& name, ImU32 color) {
    if (!dl) return;
    ImRect r = rect;
    r.Expand(2);
    dl->AddRectFilled(r.Min, r.Max, withAlpha(color, 0.07f), 6);
    dl->AddRect(r.Min, r.Max, color, 6, 0, 2);
    if (name.empty()) return;
    ImFont* font = fonts.get(TextStyle::Small);
    ImRect clip(dl->GetClipRectMin(), dl->GetClipRectMax());
    std::string text = fitText(font, font->FontSize, name, std::max(40.0f, clip.GetWidth() - 24));
    ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
    ImVec2 size(std::round(ts.x + 14), 20);
    // Above the outline, or just inside its top edge when there is no room above.
    ImVec2 pos(r.Min.x, r.Min.y - size.y - 3);
    if (pos.y < clip.Min.y) pos.y = r.Min.y + 3;
    pos.x = std::clamp(pos.x, clip.Min.x, std::max(clip.Min.x, clip.Max.x - size.x));
    dl->AddRectFilled(pos, pos + size, color, 6);
    dl->AddText(font, font->FontSize, pos + ImVec2(7, std::round((size.y - ts.y) * 0.5f)), kWhite, text.c_str());
}

//-----------------------------------------------------------------------------
// [SECTION] Flow map layout
//-----------------------------------------------------------------------------

namespace {

// Map units (pixels at scale 1).
constexpr float kBoxW = 200, kBoxH = 64;
constexpr float kColGap = 80, kRowGap = 22;
constexpr float kHeader = 30;      // column captions ("START", "1 STEP") above the boxes
constexpr float kLaneGap = 10;     // between parallel arrow lanes (in a gap between columns, or below the boxes)
constexpr float kSideOffset = 10;  // arrows that go back leave and enter a box below its middle, 7 apart

// What a control says, as written ({"button": "Pay"} -> "Pay"), for naming the arrow it starts; its id or type
// when the label is computed.
std::string controlLabel(const Spec& spec, const Node& node) {
    const Json* written = nullptr;
    try {
        written = &spec.source.at(Json::json_pointer(node.pointer));
    } catch (const std::exception&) {  // a pointer the source does not have (a component body): no label
    }
    if (written && written->is_object()) {
        auto it = written->find(node.type);
        if (it != written->end() && it->is_string() && it->get<std::string>().find("${") == std::string::npos) return it->get<std::string>();
    }
    return node.id.empty() ? node.type : node.id;
}

// Screen-to-screen links. An overlay on the way (a confirm dialog) is passed through: the screens that open it
// link to where it leads. Nav items (tab bar, sidebar) link every screen to their target; the map draws those
// once, from the start screen, so a tabbed app does not turn into a web of identical arrows.
std::vector<FlowMap::Arrow> screenLinks(const Spec& spec, const std::vector<std::string>& ids, const std::string& start) {
    auto indexOf = [&](const std::string& id) { return int(std::find(ids.begin(), ids.end(), id) - ids.begin()); };
    std::vector<NavEdge> edges = navEdges(spec);
    // Screens that open each overlay, directly or through other overlays.
    std::map<std::string, std::set<std::string>> openers;
    for (bool grew = true; grew;) {
        grew = false;
        for (const NavEdge& e : edges) {
            if (!spec.overlay(e.to) || spec.screen(e.to)) continue;
            std::set<std::string> from;
            if (spec.screen(e.from)) from.insert(e.from);
            else if (openers.count(e.from)) from = openers[e.from];
            for (auto& s : from) grew |= openers[e.to].insert(s).second;
        }
    }
    std::vector<FlowMap::Arrow> arrows;
    std::set<std::pair<int, int>> seen;
    for (const NavEdge& e : edges) {
        int to = indexOf(e.to);
        if (to == (int)ids.size()) continue;
        bool navLink = !e.node && e.via != "onEnter";  // navEdges marks onEnter targets with via "onEnter"
        if (navLink && e.from != start) continue;
        std::set<std::string> from;
        if (spec.screen(e.from)) from.insert(e.from);
        else if (openers.count(e.from)) from = openers[e.from];
        for (auto& f : from) {
            int a = indexOf(f);
            if (a == to || !seen.insert({a, to}).second) continue;
            arrows.push_back({a, to, e.node ? controlLabel(spec, *e.node) : e.via});
        }
    }
    return arrows;
}

// The path of one arrow in map units. Arrows to the next column are smooth curves from the right side to the
// left side. Arrows back to an earlier column (or within one) run on right angles with rounded corners through
// the gaps between columns and, when they cross several columns, along a lane below the boxes, so they never
// cut through a box.
struct Route {
    std::vector<ImVec2> points;  // curve: 4 Bezier control points; else a polyline
    bool curve = false;
};

std::vector<Route> routeArrows(const FlowMap& map) {
    std::vector<Route> routes(map.arrows.size());
    float bottom = 0;
    for (auto& b : map.boxes) bottom = std::max(bottom, b.pos.y + b.size.y);
    // Vertical runs in the gap left of column g (g = columns: right of the last one), spread apart per gap.
    std::map<int, std::vector<int>> gapUsers;
    std::vector<std::pair<int, int>> gaps(map.arrows.size(), {-1, -1});
    int lanes = 0;
    std::vector<int> lane(map.arrows.size(), -1);
    for (int i = 0; i < (int)map.arrows.size(); ++i) {
        const FlowMap::Box &a = map.boxes[map.arrows[i].from], &b = map.boxes[map.arrows[i].to];
        if (b.column == a.column + 1) continue;
        if (b.column == a.column) gaps[i] = {a.column + 1, -1};
        else if (b.column == a.column - 1) gaps[i] = {a.column, -1};
        else if (b.column < a.column) {
            gaps[i] = {a.column, b.column + 1};
            lane[i] = lanes++;
        }
        for (int g : {gaps[i].first, gaps[i].second})
            if (g >= 0) gapUsers[g].push_back(i);
    }
    auto gapX = [&](int g, int arrow) {
        const std::vector<int>& users = gapUsers[g];
        int k = int(std::find(users.begin(), users.end(), arrow) - users.begin());
        float spread = std::min(kLaneGap, (kColGap - 24) / std::max<float>(1, users.size()));
        return g * (kBoxW + kColGap) - kColGap * 0.5f + (k - (users.size() - 1) * 0.5f) * spread;
    };
    // Where a back arrow meets a box side: below the middle (where curves meet it), one slot per arrow.
    std::map<std::pair<int, bool>, int> sideUsers;  // (box, right side) -> arrows so far
    auto sideY = [&](int box, bool right) {
        const FlowMap::Box& b = map.boxes[box];
        int k = sideUsers[{box, right}]++;
        return b.pos.y + b.size.y * 0.5f + std::min(kSideOffset + k * 7.0f, b.size.y * 0.5f - 5);
    };
    for (int i = 0; i < (int)map.arrows.size(); ++i) {
        const FlowMap::Box &a = map.boxes[map.arrows[i].from], &b = map.boxes[map.arrows[i].to];
        Route& r = routes[i];
        float ay = a.pos.y + a.size.y * 0.5f, by = b.pos.y + b.size.y * 0.5f;
        if (gaps[i].first < 0) {
            r.curve = true;
            ImVec2 p0(a.pos.x + a.size.x, ay), p1(b.pos.x, by);
            float dx = std::max(30.0f, (p1.x - p0.x) * 0.5f);
            r.points = {p0, p0 + ImVec2(dx, 0), p1 - ImVec2(dx, 0), p1};
            continue;
        }
        ay = sideY(map.arrows[i].from, b.column == a.column);
        by = sideY(map.arrows[i].to, true);
        float x0 = gapX(gaps[i].first, i);
        float leave = b.column == a.column ? a.pos.x + a.size.x : a.pos.x;
        r.points = {ImVec2(leave, ay), ImVec2(x0, ay)};
        if (lane[i] >= 0) {
            float y = bottom + 16 + lane[i] * kLaneGap;
            float x1 = gapX(gaps[i].second, i);
            r.points.insert(r.points.end(), {ImVec2(x0, y), ImVec2(x1, y), ImVec2(x1, by)});
        } else {
            r.points.push_back(ImVec2(x0, by));
        }
        r.points.push_back(ImVec2(b.pos.x + b.size.x, by));
    }
    return routes;
}

} // namespace

std::string screenTitle(const Spec& spec, const std::string& id) {
    const Screen* s = spec.screen(id);
    if (!s) return id;
    Scope scope(&spec.initialState);
    scope.bindValue("params", Json::object());
    EvalEnv env;
    env.now = spec.clockStart;
    std::string title = toDisplayString(s->title.eval(scope, env));
    return title.empty() ? id : title;
}

FlowMap layoutFlowMap(const Spec& spec, const VariantFigures* figures) {
    FlowMap map;
    if (spec.screens.empty()) return map;
    std::vector<std::string> ids;
    for (auto& s : spec.screens) ids.push_back(s.id);
    std::string start = spec.screen(spec.nav.start) ? spec.nav.start : ids.front();
    std::vector<FlowMap::Arrow> links = screenLinks(spec, ids, start);

    // Breadth-first depth from the start screen; unreachable screens go to a last column.
    std::vector<int> depth(ids.size(), -1), order;
    int startIndex = int(std::find(ids.begin(), ids.end(), start) - ids.begin());
    depth[startIndex] = 0;
    order.push_back(startIndex);
    for (size_t i = 0; i < order.size(); ++i)
        for (auto& a : links)
            if (a.from == order[i] && depth[a.to] < 0) {
                depth[a.to] = depth[a.from] + 1;
                order.push_back(a.to);
            }
    int lastDepth = *std::max_element(depth.begin(), depth.end());
    for (int i = 0; i < (int)ids.size(); ++i)
        if (depth[i] < 0) order.push_back(i);
    std::vector<std::vector<int>> columns(lastDepth + 1);
    for (int i : order) {
        int col = depth[i] < 0 ? lastDepth + 1 : depth[i];
        if (col >= (int)columns.size()) columns.resize(col + 1);
        columns[col].push_back(i);
    }

    size_t tallest = 0;
    for (auto& c : columns) tallest = std::max(tallest, c.size());
    float bodyH = tallest * kBoxH + (tallest - 1) * kRowGap;
    map.boxes.resize(ids.size());
    if (figures) map.sessions = figures->sessions;
    for (int col = 0; col < (int)columns.size(); ++col) {
        float colH = columns[col].size() * kBoxH + (columns[col].size() - 1) * kRowGap;
        for (int row = 0; row < (int)columns[col].size(); ++row) {
            int i = columns[col][row];
            FlowMap::Box& b = map.boxes[i];
            b.screen = ids[i];
            b.title = screenTitle(spec, ids[i]);
            b.pos = ImVec2(col * (kBoxW + kColGap), kHeader + (bodyH - colH) * 0.5f + row * (kBoxH + kRowGap));
            b.size = ImVec2(kBoxW, kBoxH);
            b.unreachable = depth[i] < 0;
            b.column = col;
            for (auto& item : spec.nav.items)
                if (item.screen == b.screen && b.icon.empty()) b.icon = item.icon;
            if (figures) {
                const ScreenFigures* f = figures->screen(ids[i]);
                b.reached = f ? f->sessionsReached : 0;
            }
        }
    }
    map.arrows = std::move(links);
    // The extent covers the boxes and every arrow (lanes below, a gap right of the last column).
    map.size = ImVec2(columns.size() * kBoxW + (columns.size() - 1) * kColGap, kHeader + bodyH);
    for (const Route& r : routeArrows(map))
        for (ImVec2 p : r.points) map.size = ImMax(map.size, p + ImVec2(8, 8));
    return map;
}

//-----------------------------------------------------------------------------
// [SECTION] Flow map drawing
//-----------------------------------------------------------------------------

namespace {

// Draws a route (in screen space) ending in an arrowhead; returns the point halfway along it (for its label).
ImVec2 drawArrow(ImDrawList* dl, const Route& route, ImVec2 origin, float scale, ImU32 color, float thickness) {
    std::vector<ImVec2> p;
    for (ImVec2 v : route.points) p.push_back(origin + v * scale);
    float head = std::max(5.0f, 9.0f * scale);
    auto unit = [](ImVec2 v) {
        float len = std::sqrt(ImLengthSqr(v));
        return len > 0 ? v / len : ImVec2(0, 0);
    };
    ImVec2 mid, dir;
    if (route.curve) {
        dir = unit(p[3] - p[2]);
        if (dir.x == 0 && dir.y == 0) dir = ImVec2(1, 0);
        ImVec2 base = p[3] - dir * head;  // the line stops where the head starts, so a thick line does not poke through
        dl->AddBezierCubic(p[0], p[1], p[2] - dir * head, base, color, thickness, 24);
        mid = (p[0] + p[1] * 3 + p[2] * 3 + p[3]) * 0.125f;
    } else {
        p.erase(std::unique(p.begin(), p.end(), [](ImVec2 a, ImVec2 b) { return ImLengthSqr(a - b) < 0.01f; }), p.end());
        if (p.size() < 2) return p.empty() ? origin : p[0];
        dir = unit(p.back() - p[p.size() - 2]);
        ImVec2 end = p.back() - dir * head;
        dl->PathLineTo(p[0]);
        for (size_t i = 1; i + 1 < p.size(); ++i) {
            ImVec2 in = p[i] - p[i - 1], out = p[i + 1] - p[i];
            float r = std::min({8 * scale, std::sqrt(ImLengthSqr(in)) * 0.5f, std::sqrt(ImLengthSqr(out)) * 0.5f});
            dl->PathLineTo(p[i] - unit(in) * r);
            dl->PathBezierQuadraticCurveTo(p[i], p[i] + unit(out) * r, 6);
        }
        dl->PathLineTo(end);
        dl->PathStroke(color, 0, thickness);
        // Halfway along the path.
        float total = 0;
        for (size_t i = 1; i < p.size(); ++i) total += std::sqrt(ImLengthSqr(p[i] - p[i - 1]));
        float left = total * 0.5f;
        mid = p[0];
        for (size_t i = 1; i < p.size(); ++i) {
            float len = std::sqrt(ImLengthSqr(p[i] - p[i - 1]));
            if (left <= len) {
                mid = p[i - 1] + unit(p[i] - p[i - 1]) * left;
                break;
            }
            left -= len;
        }
    }
    ImVec2 base = p.back() - dir * head, side(-dir.y, dir.x);
    dl->AddTriangleFilled(p.back(), base + side * (head * 0.5f), base - side * (head * 0.5f), color);
    return mid;
}

// Caption over a column: where it sits in the flow.
std::string columnCaption(const FlowMap::Box& b) {
    if (b.unreachable) return "NOT REACHABLE";
    if (b.column == 0) return "START";
    return std::to_string(b.column) + (b.column == 1 ? " STEP" : " STEPS");
}

} // namespace

std::string drawFlowMap(const FlowMap& map, const ImRect& area, const std::string& current, const Theme& theme,
                        const FontSet& fonts, bool interactive) {
    if (map.boxes.empty() || map.size.x <= 0 || map.size.y <= 0 || !ImGui::GetCurrentContext()) return "";
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& c = theme.c;
    const float pad = 16;
    // Shrink to fit, never grow: fonts are baked at 1x.
    float scale = std::min({1.0f, (area.GetWidth() - 2 * pad) / map.size.x, (area.GetHeight() - 2 * pad) / map.size.y});
    if (scale <= 0.05f) return "";
    ImVec2 origin = area.GetCenter() - map.size * (scale * 0.5f);
    origin = ImVec2(std::floor(origin.x), std::floor(origin.y));
    auto P = [&](ImVec2 v) { return origin + v * scale; };

    int hovered = -1;
    if (interactive) {
        for (int i = 0; i < (int)map.boxes.size(); ++i)
            if (ImRect(P(map.boxes[i].pos), P(map.boxes[i].pos + map.boxes[i].size)).Contains(ImGui::GetIO().MousePos)) hovered = i;
        if (hovered >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    int currentIndex = -1;
    for (int i = 0; i < (int)map.boxes.size(); ++i)
        if (map.boxes[i].screen == current) currentIndex = i;

    ImFont* caption = fonts.get(TextStyle::Small);
    std::set<int> captioned;
    if (scale >= 0.35f)
        for (auto& b : map.boxes)
            if (captioned.insert(b.column).second)
                dl->AddText(caption, caption->FontSize * scale, P(ImVec2(b.pos.x + 2, 6)), c.textFaint, columnCaption(b).c_str());

    // Arrows under the boxes; those leaving the hovered (else the current) screen in the brand color, on top.
    std::vector<Route> routes = routeArrows(map);
    std::vector<ImVec2> mids(map.arrows.size());
    int focus = hovered >= 0 ? hovered : currentIndex;
    ImU32 quiet = mixColor(c.bg, c.textMuted, 0.5f), quieter = mixColor(c.bg, c.textMuted, 0.35f);  // forward, back
    for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < (int)map.arrows.size(); ++i) {
            const FlowMap::Arrow& a = map.arrows[i];
            bool lit = a.from == focus || (hovered >= 0 && a.to == hovered);
            if (lit != (pass == 1)) continue;
            ImU32 color = lit ? c.brand : routes[i].curve ? quiet : quieter;
            if (map.boxes[a.from].unreachable || map.boxes[a.to].unreachable) color = fade(color, 0.5f);
            float thickness = (lit ? 2.0f : routes[i].curve ? 1.5f : 1.25f) * std::max(scale, 0.6f);
            mids[i] = drawArrow(dl, routes[i], origin, scale, color, thickness);
        }

    ImFont* titleFont = fonts.get(TextStyle::Strong);
    ImFont* small = fonts.get(TextStyle::Caption);
    ImFont* iconFont = fonts.get(TextStyle::Body);
    float radius = 10 * scale;
    for (int i = 0; i < (int)map.boxes.size(); ++i) {
        const FlowMap::Box& b = map.boxes[i];
        ImVec2 min = P(b.pos), max = P(b.pos + b.size);
        bool isCurrent = i == currentIndex, isHovered = i == hovered;
        float alpha = b.unreachable ? 0.5f : 1.0f;
        ImU32 fill = isCurrent ? c.brandSoft : isHovered ? mixColor(c.surface, c.brand, 0.06f) : c.surface;
        dl->AddRectFilled(min + ImVec2(0, 2 * scale), max + ImVec2(0, 3 * scale), IM_COL32(0, 0, 0, theme.dark ? 60 : 16), radius);
        dl->AddRectFilled(min, max, fade(fill, alpha), radius);
        if (isCurrent || isHovered) dl->AddRect(min, max, c.brand, radius, 0, isCurrent ? 2.0f : 1.5f);
        else dl->AddRect(min, max, fade(c.border, alpha), radius);

        // Icon disc: the tab's own icon, else a page; the start screen gets a flag.
        std::string icon = !b.icon.empty() ? b.icon : b.column == 0 ? "flag" : "file-text-o";
        ImVec2 disc = min + ImVec2(28, b.size.y * 0.5f) * scale;
        dl->AddCircleFilled(disc, 15 * scale, fade(isCurrent ? c.surface : c.brandSoft, alpha), 24);
        const std::string& glyph = iconGlyph(icon);
        if (scale > 0.3f && !glyph.empty()) centeredText(dl, iconFont, scale * 0.95f, disc, fade(c.brand, alpha), glyph);

        if (scale < 0.35f) continue;  // too small for words
        float textX = min.x + 52 * scale, textW = max.x - textX - 10 * scale;
        float titleSize = titleFont->FontSize * scale, smallSize = small->FontSize * scale;
        std::string sub;
        if (b.unreachable) sub = "Not reachable";
        else if (b.reached >= 0) sub = std::to_string(b.reached) + " reached";
        std::string title = fitText(titleFont, titleSize, b.title, textW);
        float blockH = titleSize + (sub.empty() ? 0 : smallSize + 3 * scale);
        float y = std::round((min.y + max.y - blockH) * 0.5f);
        dl->AddText(titleFont, titleSize, ImVec2(std::round(textX), y), fade(c.text, alpha), title.c_str());
        if (!sub.empty())
            dl->AddText(small, smallSize, ImVec2(std::round(textX), y + titleSize + 3 * scale), fade(c.textMuted, alpha), sub.c_str());
        // Funnel bar along the bottom edge: the share of sessions that got here.
        if (b.reached >= 0 && map.sessions > 0) {
            float share = std::clamp((float)b.reached / map.sessions, 0.0f, 1.0f);
            ImVec2 barMin(textX, max.y - 10 * scale), barMax(max.x - 12 * scale, max.y - 7 * scale);
            dl->AddRectFilled(barMin, barMax, fade(c.surfaceAlt, alpha), 2 * scale);
            if (share > 0)
                dl->AddRectFilled(barMin, ImVec2(barMin.x + (barMax.x - barMin.x) * share, barMax.y), fade(c.brand, alpha), 2 * scale);
        }
    }

    // What leads out of the hovered screen, named on its arrows.
    if (hovered >= 0 && scale >= 0.6f)
        for (int i = 0; i < (int)map.arrows.size(); ++i) {
            const FlowMap::Arrow& a = map.arrows[i];
            if (a.from != hovered || a.via.empty()) continue;
            std::string via = fitText(caption, caption->FontSize, a.via, 140);
            ImVec2 ts = caption->CalcTextSizeA(caption->FontSize, FLT_MAX, 0, via.c_str());
            ImVec2 half(ts.x * 0.5f + 6, ts.y * 0.5f + 3);
            dl->AddRectFilled(mids[i] - half, mids[i] + half, c.brand, half.y);
            centeredText(dl, caption, 1.0f, mids[i], c.onBrand, via);
        }

    if (interactive && hovered >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return map.boxes[hovered].screen;
    return "";
}

//-----------------------------------------------------------------------------
// [SECTION] Flow map image
//-----------------------------------------------------------------------------

Image renderFlowMap(const Spec& spec, const VariantFigures* figures, bool dark) {
    FlowMap map = layoutFlowMap(spec, figures);
    const float margin = 28;
    ImVec2 size(std::min(4096.0f, std::ceil(map.size.x) + 2 * margin), std::min(4096.0f, std::ceil(map.size.y) + 2 * margin));
    // An empty canvas app in the spec's theme: the driver gives a context with the shared fonts; the map is drawn
    // by the frame hook.
    Json theme = {{"preset", spec.themePreset}, {"mode", dark ? "dark" : "light"}};
    if (!spec.brand.empty()) theme["brand"] = spec.brand;
    Json canvas = {{"spec", 1}, {"theme", theme}, {"screens", {{"map", {{"bar", false}, {"body", Json::array()}}}}}};
    LoadResult loaded = SpecLoader::loadJson(canvas);
    if (!loaded.spec) return Image{};
    HeadlessDriver driver(loaded.spec, size);
    driver.proto().setTheme(dark);
    const FontSet* fonts = driver.proto().fonts();
    const Theme& look = driver.proto().theme();
    driver.setFrameHook([&](const ImRect& area) {
        ImGui::SetNextWindowPos(area.Min);
        ImGui::SetNextWindowSize(area.GetSize());
        ImGui::PushStyleColor(ImGuiCol_WindowBg, look.c.bg);
        ImGui::Begin("##flowmap", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs);
        ImGui::PopStyleColor();
        drawFlowMap(map, area, "", look, *fonts, false);
        ImGui::End();
    });
    return driver.capture();
}

} // namespace pt
