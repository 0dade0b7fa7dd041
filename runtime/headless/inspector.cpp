// Promptotype — Inspector implementation.
//
// [SECTION] Static tree walk (widgets and their actions)
// [SECTION] Rendered pass (edges, dead controls, texts)
// [SECTION] Layout (inspect --layout)

#include "runtime/headless/inspector.h"
#include "runtime/engine/action_runner.h"
#include "runtime/headless/headless.h"
#include "runtime/headless/layout_check.h"
#include "runtime/spec/requirements.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/token_count.h"
#include <algorithm>
#include <cmath>
#include <set>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Static tree walk
//-----------------------------------------------------------------------------

std::string describe(const ActionStep& s) {
    std::string d = s.def ? s.def->name : "?";
    if (s.main.isLiteral() && s.main.raw().is_string()) d += " " + s.main.raw().get<std::string>();
    return d;
}

std::string literalLabel(const Node& n) {
    if (!n.def || n.def->primary.empty()) return "";
    int i = n.def->propIndex(n.def->primary);
    if (i < 0 || n.def->props[i].type == PropType::Nodes) return "";
    const Json& raw = n.props[i].raw();
    return raw.is_string() ? raw.get<std::string>() : raw.is_null() ? "" : raw.dump();
}

void walk(const std::vector<Node>& nodes, Json& out) {
    for (auto& n : nodes) {
        Json actions = Json::array();
        for (auto& [ev, list] : n.on)
            for (auto& s : list) actions.push_back(ev + ": " + describe(s));
        if (n.hasBind) actions.push_back("bind " + (n.bind.raw().is_string() ? n.bind.raw().get<std::string>() : ""));
        out.push_back(Json{{"id", n.id}, {"type", n.type}, {"label", literalLabel(n)}, {"actions", actions}});
        walk(n.children, out);
        if (n.repeat) walk(n.repeat->empty, out);
    }
}

void collectNodes(const std::vector<Node>& nodes, std::set<const Node*>& out) {
    for (auto& n : nodes) {
        out.insert(&n);
        collectNodes(n.children, out);
        if (n.repeat) collectNodes(n.repeat->empty, out);
    }
}

// A control that looks clickable and does nothing: it fires `press` but nothing listens.
bool isDead(const Probe& p) {
    if (!p.clickable || !p.node || !p.node->def) return false;
    const WidgetDef& d = *p.node->def;
    bool pressable = std::find(d.events.begin(), d.events.end(), "press") != d.events.end();
    return pressable && d.interactive && !d.input && p.node->on.empty() && !p.node->hasBind;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Rendered pass
//-----------------------------------------------------------------------------

Json inspectSpec(std::shared_ptr<const Spec> spec) {
    Json out = Json::object();
    out["start"] = spec->nav.start;
    auto reachable = reachableScreens(*spec);
    auto allEdges = navEdges(*spec);
    Json screens = Json::array(), edges = Json::array(), dead = Json::array(), unreachable = Json::array(), texts = Json::object();
    std::set<std::string> seenEdges;
    HeadlessDriver driver(spec);
    // What the current frame shows, attributed to `from` (a screen or an overlay).
    // `only` limits it to an overlay's own nodes (the screen below is drawn too).
    auto gather = [&](const std::string& from, const std::set<const Node*>* only) {
        texts[from] = driver.proto().texts();
        bool overlayOnly = only != nullptr;
        for (auto& p : driver.proto().probes()) {
            if (only && !only->count(p.node)) continue;
            if (isDead(p)) dead.push_back(Json{{"screen", from}, {"target", p.id.empty() ? p.label : std::string(p.id)}, {"type", p.type}});
            std::string via = !p.id.empty() ? std::string(p.id) : p.label;
            if (via.empty()) continue;
            std::vector<std::string> targets;
            if (p.node) {
                for (auto& e : allEdges)
                    if (e.node == p.node) targets.push_back(e.to);
            } else if (!overlayOnly && p.key.rfind("nav:", 0) == 0 && p.key != "nav:back") {
                targets.push_back(p.key.substr(4));
            }
            for (auto& t : targets) {
                if (t == from || !seenEdges.insert(from + "\n" + t + "\n" + via).second) continue;
                edges.push_back(Json{{"from", from}, {"to", t}, {"via", via}});
            }
        }
    };
    for (auto& s : spec->screens) {
        driver.proto().showScreen(s.id);
        driver.settle();
        Json widgets = Json::array();
        walk(s.body, widgets);
        walk(s.barActions, widgets);
        bool isReachable = std::find(reachable.begin(), reachable.end(), s.id) != reachable.end();
        if (!isReachable) unreachable.push_back(s.id);
        Scope scope(&driver.proto().state());
        screens.push_back(Json{{"id", s.id}, {"title", toDisplayString(s.title.eval(scope, driver.proto().env()))}, {"reachable", isReachable}, {"widgets", widgets}});
        gather(s.id, nullptr);
    }
    // Overlays are shown over a screen that opens them (or the start screen).
    for (auto& o : spec->overlays) {
        std::string host = spec->nav.start;
        for (auto& e : allEdges)
            if (e.to == o.id && spec->screen(e.from)) { host = e.from; break; }
        driver.proto().showScreen(host);
        driver.proto().openOverlay(o.id);
        driver.settle();
        std::set<const Node*> own;
        collectNodes(o.body, own);
        collectNodes(o.actions, own);
        gather(o.id, &own);
    }
    out["screens"] = screens;
    out["edges"] = edges;
    out["dead_controls"] = dead;
    out["unreachable"] = unreachable;
    out["texts"] = texts;
    std::vector<TracedRequirement> traced = traceRequirements(*spec);
    out["requirements"] = requirementsJson(traced);
    out["requirements_problems"] = requirementProblemsJson(traced);
    // LLM cost: the minified JSON's o200k tokens, per screen and for the whole document.
    Json tokens = Json{{"total", countTokens(spec->source.dump())}, {"screens", Json::object()},
                       {"counter", "o200k estimate, ±" + std::to_string(kSpecTokenCountErrorPercent) + "%"}};
    if (spec->source.contains("screens") && spec->source["screens"].is_object())
        for (auto& [id, s] : spec->source["screens"].items()) tokens["screens"][id] = countTokens(s.dump());
    out["tokens"] = tokens;
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Layout
//-----------------------------------------------------------------------------

namespace {

double tenth(float v) { return std::round(v * 10.0f) / 10.0; }  // rects to 0.1 px: enough to read, short to print

Json layoutNodes(const ScreenLayout& screen) {
    std::vector<std::string> text(screen.boxes.size());
    std::vector<bool> ellipsized(screen.boxes.size(), false);
    for (const TextRun& run : screen.runs) {
        if (run.box < 0 || run.box >= (int)screen.boxes.size()) continue;
        text[run.box] += (text[run.box].empty() ? "" : "\n") + run.text;
        ellipsized[run.box] = ellipsized[run.box] || run.ellipsized;
    }
    Json nodes = Json::array();
    for (size_t i = 0; i < screen.boxes.size(); ++i) {
        const LayoutBox& b = screen.boxes[i];
        const ImRect& r = b.rect;
        Json node{{"id", b.node && !b.node->id.empty() ? b.node->id : b.key}, {"key", b.key}, {"type", b.node ? b.node->type : ""},
                  {"parent", b.parent}, {"rect", Json::array({tenth(r.Min.x), tenth(r.Min.y), tenth(r.GetWidth()), tenth(r.GetHeight())})}};
        if (!text[i].empty()) node["text"] = text[i];
        node["ellipsized"] = ellipsized[i];
        nodes.push_back(std::move(node));
    }
    return nodes;
}

} // namespace

Json inspectLayout(std::shared_ptr<const Spec> spec, ImVec2 size) {
    if (size.x <= 0 || size.y <= 0) size = deviceSize(spec->device);
    Json screens = Json::array();
    for (const ScreenLayout& screen : layOutScreens(spec, size)) {
        Json violations = Json::array();
        for (const LayoutViolation& v : screen.violations) violations.push_back(toJson(v));
        screens.push_back(Json{{"id", screen.screen}, {"nodes", layoutNodes(screen)}, {"violations", violations}});
    }
    return Json{{"size", Json::array({(int)size.x, (int)size.y})}, {"screens", screens}};
}

} // namespace pt
