// Promptotype — the spec compiler: action sequences and the screens, overlays, actions and mocks they name.
// See spec_compiler.h.

#include "runtime/spec/spec_compiler.h"
#include <algorithm>

namespace pt {

ActionList Compiler::compileActions(const Json& raw, const std::string& ptr) {
    ActionList list;
    if (raw.is_array()) {
        for (size_t i = 0; i < raw.size(); ++i) {
            ActionStep s;
            if (compileAction(raw[i], childPointer(ptr, i), &s)) list.push_back(std::move(s));
        }
    } else {
        ActionStep s;
        if (compileAction(raw, ptr, &s)) list.push_back(std::move(s));
    }
    return list;
}

void Compiler::checkTarget(const ActionDef& def, const Template& main, const std::string& ptr) {
    if (!main.isLiteral() || !main.raw().is_string()) return;
    std::string t = main.raw().get<std::string>();
    auto check = [&](const std::set<std::string>& ids, const char* what) {
        if (ids.count(t)) return;
        unknownName(Diagnostic::Level::Error, ptr, std::string(def.name) + ": no " + what + " named " + inQuotes(t), t, {ids.begin(), ids.end()}, false);
    };
    if (def.target == "screen") {
        if (!m_screenIds.count(t) && !m_overlayIds.count(t)) {
            std::vector<std::string> all(m_screenIds.begin(), m_screenIds.end());
            all.insert(all.end(), m_overlayIds.begin(), m_overlayIds.end());
            unknownName(Diagnostic::Level::Error, ptr, def.name + ": no screen or overlay named " + inQuotes(t), t, all, false);
        }
    } else if (def.target == "overlay") check(m_overlayIds, "overlay");
    else if (def.target == "action") check(m_actionNames, "action");
    else if (def.target == "mock") check(m_mockNames, "mock");
}

// A step written as a bare string: a bare action kind ("back") or the name of an entry in "actions".
bool Compiler::compileNamedStep(const std::string& name, const std::string& ptr, ActionStep* out) {
    auto& catalog = ActionCatalog::get();
    if (const ActionDef* def = catalog.find(name); def && def->bare) {
        out->def = def;
        out->main = Template::literal(true);
        out->pointer = ptr;
        return true;
    }
    if (m_actionNames.count(name)) {
        out->def = catalog.find("run");
        out->main = Template::literal(name);
        out->pointer = ptr;
        return true;
    }
    std::vector<std::string> names(m_actionNames.begin(), m_actionNames.end());
    for (auto& a : catalog.all()) names.push_back(a.name);
    unknownName(Diagnostic::Level::Error, ptr, "unknown action " + inQuotes(name), name, names, false);
    return false;
}

bool Compiler::compileAction(const Json& raw, const std::string& ptr, ActionStep* out) {
    auto& catalog = ActionCatalog::get();
    if (raw.is_string()) return compileNamedStep(raw.get<std::string>(), ptr, out);
    if (!raw.is_object() || raw.empty()) {
        error(ptr, "an action must be an object like {\"navigate\": \"home\"} or a name like \"back\"");
        return false;
    }
    const ActionDef* def = nullptr;
    std::string kind;
    for (auto& [k, v] : raw.items())
        if ((def = catalog.find(k))) { kind = k; break; }
    if (!def) {
        std::string first = raw.begin().key();
        std::vector<std::string> names;
        for (auto& a : catalog.all()) names.push_back(a.name);
        unknownName(Diagnostic::Level::Error, childPointer(ptr, first), "unknown action " + inQuotes(first), first, names, true);
        return false;
    }
    out->def = def;
    out->pointer = ptr;
    std::string kptr = childPointer(ptr, kind);
    // Branch scopes: `then` after a call sees `result`, `catch` sees `error`; both are runtime names.
    out->main = compileTemplate(raw[kind], kptr);
    checkTarget(*def, out->main, kptr);
    for (auto& [k, v] : raw.items())
        if (k != kind) compileStepKey(*def, kind, k, v, childPointer(ptr, k), out);
    return true;
}

// One key of a step besides its kind: a branch ("then", "else", "catch"), an argument, or an unknown key.
void Compiler::compileStepKey(const ActionDef& def, const std::string& kind, const std::string& k, const Json& v, const std::string& ptr, ActionStep* out) {
    if (std::find(def.branches.begin(), def.branches.end(), k) != def.branches.end()) {
        if (k == "then") out->then = compileActions(v, ptr);
        else out->otherwise = compileActions(v, ptr);
        return;
    }
    for (auto& arg : def.args)
        if (arg.name == k) {
            checkType(v, arg, ptr, kind);
            out->args.push_back({k, compileTemplate(v, ptr)});
            return;
        }
    std::vector<std::string> keys = def.branches;
    for (auto& arg : def.args) keys.push_back(arg.name);
    unknownName(Diagnostic::Level::Warning, ptr, "unknown key " + inQuotes(k) + " for action " + inQuotes(kind), k, keys, true);
}

} // namespace pt
