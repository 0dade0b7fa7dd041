// Promptotype — the navigation graph. See nav_graph.h.

#include "runtime/spec/nav_graph.h"
#include "runtime/spec/catalog.h"
#include <algorithm>

namespace pt {

namespace {

void targetsOf(const Spec& spec, const ActionList& list, std::vector<std::string>& out, int depth = 0) {
    if (depth > 16) return;
    for (auto& s : list) {
        if (s.def && (s.def->target == "screen" || s.def->target == "overlay") && s.main.isLiteral() && s.main.raw().is_string())
            out.push_back(s.main.raw().get<std::string>());
        if (s.def && s.def->target == "action" && s.main.isLiteral() && s.main.raw().is_string())
            if (const NamedAction* a = spec.action(s.main.raw().get<std::string>())) targetsOf(spec, a->steps, out, depth + 1);
        targetsOf(spec, s.then, out, depth + 1);
        targetsOf(spec, s.otherwise, out, depth + 1);
    }
}

void edgesOf(const Spec& spec, const std::string& from, const std::vector<Node>& nodes, std::vector<NavEdge>& out) {
    for (auto& n : nodes) {
        for (auto& [ev, list] : n.on) {
            std::vector<std::string> targets;
            targetsOf(spec, list, targets);
            for (auto& t : targets) out.push_back({from, t, &n, ""});
        }
        edgesOf(spec, from, n.children, out);
        if (n.repeat) edgesOf(spec, from, n.repeat->empty, out);
    }
}

} // namespace

std::vector<NavEdge> navEdges(const Spec& spec) {
    std::vector<NavEdge> edges;
    for (auto& s : spec.screens) {
        edgesOf(spec, s.id, s.body, edges);
        edgesOf(spec, s.id, s.barActions, edges);
        std::vector<std::string> targets;
        targetsOf(spec, s.onEnter, targets);
        for (auto& t : targets) edges.push_back({s.id, t, nullptr, "onEnter"});
    }
    for (auto& o : spec.overlays) {
        edgesOf(spec, o.id, o.body, edges);
        edgesOf(spec, o.id, o.actions, edges);
    }
    for (auto& item : spec.nav.items)
        for (auto& s : spec.screens)
            edges.push_back({s.id, item.screen, nullptr, item.label.isLiteral() ? toDisplayString(item.label.raw()) : item.screen});
    return edges;
}

std::vector<std::string> reachableScreens(const Spec& spec) {
    std::vector<std::string> seen = {spec.nav.start};
    for (auto& item : spec.nav.items) seen.push_back(item.screen);
    auto edges = navEdges(spec);
    for (size_t i = 0; i < seen.size(); ++i)
        for (auto& e : edges)
            if (e.from == seen[i] && std::find(seen.begin(), seen.end(), e.to) == seen.end()) seen.push_back(e.to);
    std::vector<std::string> screens;
    for (auto& id : seen)
        if (spec.screen(id)) screens.push_back(id);
    return screens;
}

} // namespace pt
