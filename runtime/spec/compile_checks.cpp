// Promptotype — the spec compiler: checks over more than one place of the document (the shape of "variants",
// duplicate ids, screens nothing navigates to). See spec_compiler.h.

#include "runtime/spec/spec_compiler.h"
#include "runtime/spec/nav_graph.h"
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

void Compiler::checkReachability() {
    auto reachable = reachableScreens(m_spec);
    for (auto& s : m_spec.screens)
        if (std::find(reachable.begin(), reachable.end(), s.id) == reachable.end())
            warn(s.pointer, "screen " + inQuotes(s.id) + " is unreachable: nothing navigates to it");
}

} // namespace pt
