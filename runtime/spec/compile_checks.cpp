// Promptotype — the spec compiler: checks over more than one place of the document (the shape of "variants",
// duplicate ids, requirement ids that point at nothing, screens nothing navigates to, onEnter navigation loops).
// See spec_compiler.h.

#include "runtime/spec/spec_compiler.h"
#include "runtime/spec/nav_graph.h"
#include "runtime/spec/requirements.h"
#include "runtime/spec/variants.h"
#include <algorithm>
#include <map>

namespace pt {

// The shape of a "variants" value; what each variant does is validated by compiling it (SpecLoader::loadVariant).
void Compiler::checkVariants(const Json& v, const std::string& ptr) {
    if (!m_checkedVariants.insert(ptr).second) return;
    if (!v.is_object()) {
        error(ptr, "variants must map a variant name to its changes, e.g. {\"B\": {\"button\": \"Try it free\"}}");
        return;
    }
    for (auto& [name, patch] : v.items()) {
        std::string p = childPointer(ptr, name);
        if (name == "A") error(p, "variant name 'A' is reserved for the spec as written; call the alternative B, C, ...");
        else if (!isVariantName(name)) error(p, "variant name " + inQuotes(name) + " should be 1 to 24 letters, digits, '-' or '_'");
        else if (!patch.is_object()) error(p, "variant " + inQuotes(name) + " should be an object of changes (a JSON merge patch), e.g. {\"button\": \"Try it free\"}");
    }
}

namespace {

// Ids written once in the document (not inside a repeat or a component body, where one id has many instances).
void collectIds(const std::vector<Node>& nodes, bool inRepeat, std::vector<std::pair<std::string, std::string>>& out) {
    for (auto& n : nodes) {
        bool rep = inRepeat || n.repeat || n.isComponent;
        if (!n.id.empty() && !rep) out.push_back({n.id, n.pointer});
        collectIds(n.children, rep, out);
        if (n.repeat) collectIds(n.repeat->empty, true, out);
    }
}

} // namespace

void Compiler::checkIds() {
    std::vector<std::pair<std::string, std::string>> ids;
    for (auto& s : m_spec.screens) { collectIds(s.body, false, ids); collectIds(s.barActions, false, ids); }
    for (auto& o : m_spec.overlays) { collectIds(o.body, false, ids); collectIds(o.actions, false, ids); }
    std::map<std::string, std::string> seen;
    for (auto& [id, ptr] : ids) {
        auto [it, fresh] = seen.insert({id, ptr});
        if (!fresh) error(ptr, "duplicate id " + inQuotes(id) + " (also at " + it->second + ")");
    }
}

void Compiler::checkRequirements() {
    std::vector<TracedRequirement> traced = traceRequirements(m_spec);
    if (traced.empty()) return;
    std::vector<std::string> known = traceableIds(m_spec);
    for (const TracedRequirement& t : traced)
        for (size_t j = 0; j < t.places.size(); ++j)
            if (t.places[j].screen.empty())
                unknownName(Diagnostic::Level::Warning, childPointer(childPointer(t.requirement->pointer, "ids"), j),
                            "requirement id " + inQuotes(t.places[j].id) + " points at nothing: no node, screen or overlay has it",
                            t.places[j].id, known, false);
}

void Compiler::checkReachability() {
    auto reachable = reachableScreens(m_spec);
    for (auto& s : m_spec.screens)
        if (std::find(reachable.begin(), reachable.end(), s.id) == reachable.end())
            warn(s.pointer, "screen " + inQuotes(s.id) + " is unreachable: nothing navigates to it");
}

namespace {

// The navigations a screen's onEnter makes every time it runs: top-level `navigate` steps to a screen written
// literally, before any step that waits or may end the sequence. Those inside `if`, `validate` or `call`
// branches depend on state and are caught at run time (limits::kNavigationChain).
std::vector<const ActionStep*> unconditionalNavigations(const Screen& s, const Spec& spec) {
    static const std::vector<std::string> enders = {"delay", "call", "stream", "validate", "reset", "run"};
    std::vector<const ActionStep*> out;
    for (const ActionStep& step : s.onEnter) {
        if (!step.def) continue;
        if (std::find(enders.begin(), enders.end(), step.def->name) != enders.end()) break;
        if (step.def->name == "navigate" && step.main.isLiteral() && step.main.raw().is_string() && spec.screen(step.main.raw().get<std::string>()))
            out.push_back(&step);
    }
    return out;
}

} // namespace

void Compiler::checkEnterLoops() {
    // Depth-first over "entering X navigates to Y" (iterative: a chain may be as long as the screen list): an
    // edge back to a screen on the path closes a loop that would never end. Reported at the step that closes it.
    struct Visit { const Screen* screen; std::vector<const ActionStep*> edges; size_t next = 0; };
    std::map<std::string, int> state;  // 1 on the path, 2 done
    std::vector<Visit> path;
    for (const Screen& root : m_spec.screens) {
        if (state[root.id] != 0) continue;
        state[root.id] = 1;
        path.push_back({&root, unconditionalNavigations(root, m_spec)});
        while (!path.empty()) {
            Visit& top = path.back();
            if (top.next == top.edges.size()) {
                state[top.screen->id] = 2;
                path.pop_back();
                continue;
            }
            const ActionStep* step = top.edges[top.next++];
            const Screen* to = m_spec.screen(step->main.raw().get<std::string>());
            if (int& seen = state[to->id]; seen == 1) {
                std::string loop;
                auto from = std::find_if(path.begin(), path.end(), [&](const Visit& v) { return v.screen == to; });
                for (auto it = from; it != path.end(); ++it) loop += it->screen->id + " -> ";
                error(step->pointer, "onEnter navigation loop: " + loop + to->id + " (each screen's onEnter navigates on at once, forever)");
            } else if (seen == 0) {
                seen = 1;
                path.push_back({to, unconditionalNavigations(*to, m_spec)});
            }
        }
    }
}

} // namespace pt
