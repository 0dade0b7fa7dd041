// Promptotype — the spec compiler: nodes. A raw node becomes a Node with its widget (or component), props as
// templates, events as action sequences, layout hints, rules and repeat; component instances are expanded.
// See spec_compiler.h.
//
// [SECTION] Node lists and placeholders
// [SECTION] One node
// [SECTION] Keys of a node
// [SECTION] Layout, rules and repeat
// [SECTION] Components

#include "runtime/spec/spec_compiler.h"
#include "runtime/spec/document.h"
#include "runtime/spec/vocabulary.h"
#include "runtime/spec/limits.h"
#include <algorithm>
#include <cstdlib>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Node lists and placeholders
//-----------------------------------------------------------------------------

std::vector<Node> Compiler::compileNodes(const Json& raw, const std::string& ptr, const std::string& key, int depth) {
    std::vector<Node> out;
    if (raw.is_array()) {
        for (size_t i = 0; i < raw.size(); ++i) out.push_back(compileNode(raw[i], childPointer(ptr, i), key + "/" + std::to_string(i), depth));
    } else if (raw.is_object() || raw.is_string()) {
        out.push_back(compileNode(raw, ptr, key + "/0", depth));
    } else if (!raw.is_null()) {
        error(ptr, "expected a node or a list of nodes, got " + raw.dump().substr(0, 40));
    }
    return out;
}

namespace {

// FNV-1a: a node's ImGui ID comes from its key, so it survives hot reloads (pointers would not).
unsigned hashKey(const std::string& key) {
    unsigned h = 2166136261u;
    for (unsigned char c : key) h = (h ^ c) * 16777619u;
    return h;
}

Node makePlaceholder(const std::string& label, const std::string& ptr, const std::string& key) {
    Node n;
    n.def = WidgetCatalog::get().find("placeholder");
    n.type = label;
    n.pointer = ptr;
    n.key = key;
    n.keyHash = hashKey(key);
    if (n.def) {
        for (auto& p : n.def->props) n.props.push_back(Template::literal(p.def));
        n.propGiven.assign(n.def->props.size(), false);
        int i = n.def->propIndex(n.def->primary);
        if (i >= 0) { n.props[i] = Template::literal(label); n.propGiven[i] = true; }
    }
    return n;
}

} // namespace

// A node whose type names no widget and no component: a labelled placeholder, and a did-you-mean.
Node Compiler::unknownWidget(const std::string& type, const std::string& typeKey, const std::string& id, const std::string& ptr, const std::string& key) {
    std::vector<std::string> names;
    for (auto& w : WidgetCatalog::get().all()) names.push_back(w.name);
    for (auto& c : m_components) names.push_back(c.name);
    if (type.empty()) error(ptr, "node has no widget type (e.g. {\"text\": ...}, {\"button\": ...})");
    else unknownName(Diagnostic::Level::Error, childPointer(ptr, typeKey), "unknown widget " + inQuotes(type), type, names, typeKey != "type");
    Node n = makePlaceholder(type.empty() ? "?" : type, ptr, key);
    n.id = id;
    return n;
}

//-----------------------------------------------------------------------------
// [SECTION] One node
//-----------------------------------------------------------------------------

Node Compiler::compileNode(const Json& raw, const std::string& ptr, const std::string& key, int depth) {
    if (++m_nodeCount > limits::kNodes.value) {
        if (m_nodeCount == limits::kNodes.value + 1) error(ptr, "too many nodes (over 50,000); the rest are ignored");
        return makePlaceholder("…", ptr, key);
    }
    if (depth > limits::kNodeDepth.value) {
        error(ptr, "nodes nested deeper than 64 levels");
        return makePlaceholder("too deep", ptr, key);
    }
    if (raw.is_string()) {  // a bare string in a children list is a text node
        Json wrapped = Json::object();
        wrapped["text"] = raw;
        return compileNode(wrapped, ptr, key, depth);
    }
    if (!raw.is_object() || raw.empty()) {
        error(ptr, "a node must be an object like {\"text\": \"Hello\"}");
        return makePlaceholder("invalid node", ptr, key);
    }
    NodeType nodeType = readNodeType(raw, [&](std::string_view k) { return component(k) != nullptr; });
    const std::string& typeKey = nodeType.key;
    const std::string& type = nodeType.name;
    std::string id;
    if (auto i = raw.find("id"); i != raw.end() && i->is_string()) id = i->get<std::string>();
    std::string nodeKey = id.empty() ? key : id;

    const WidgetDef* def = nodeType.def;
    const ComponentDef* comp = def ? nullptr : component(type);
    if (!def && !comp) return unknownWidget(type, typeKey, id, ptr, nodeKey);

    Node n;
    n.type = type;
    n.id = id;
    n.key = nodeKey;
    n.keyHash = hashKey(nodeKey);
    n.pointer = ptr;
    n.def = def;
    if (def) {
        for (auto& p : def->props) n.props.push_back(Template::literal(p.def));
        n.propGiven.assign(def->props.size(), false);
    }
    // repeat first: its alias must be in scope for every other key.
    size_t scopeMark = m_scopeNames.size();
    if (auto r = raw.find("repeat"); r != raw.end()) compileRepeat(n, *r, childPointer(ptr, "repeat"), depth);

    for (auto& [k, v] : raw.items()) {
        if (k == "repeat" || k == "id" || (k == "type" && typeKey == "type")) continue;
        std::string p = childPointer(ptr, k);
        if (k == "variants") { checkVariants(v, p); continue; }
        if (k == typeKey) {
            if (def) {
                if (def->primary.empty()) { if (!v.is_null() && !(v.is_boolean())) warn(p, type + " takes no value here"); continue; }
                compileNodeKey(n, def->primary, v, p, depth, nullptr);
            } else if (!comp->params.empty() && !v.is_null()) {
                n.params.push_back({comp->params[0].first, compileTemplate(v, p)});
            }
            continue;
        }
        compileNodeKey(n, k, v, p, depth, comp);
    }
    if (comp) expandComponent(n, *comp, depth);
    m_scopeNames.resize(scopeMark);
    return n;
}

//-----------------------------------------------------------------------------
// [SECTION] Keys of a node
//-----------------------------------------------------------------------------

void Compiler::compileNodeKey(Node& n, const std::string& k, const Json& v, const std::string& ptr, int depth, const ComponentDef* comp) {
    const WidgetDef* def = n.def;
    if (k == "visible") { n.visible = compileTemplate(v, ptr); return; }
    if (k == "enabled") { n.enabled = compileTemplate(v, ptr); return; }
    if (k == "bind") {
        if (!v.is_string() || v.get<std::string>().empty()) { error(ptr, "bind must be a state path like \"form.email\""); return; }
        n.bind = compileTemplate(v, ptr);
        n.hasBind = true;
        if (def && !def->input) warn(ptr, n.type + " does not edit a value; bind is ignored");
        return;
    }
    if (k == "rules") { compileRules(n, v, ptr); return; }
    if (k == "go") {
        ActionStep s;
        s.def = ActionCatalog::get().find("navigate");
        s.main = compileTemplate(v, ptr);
        s.pointer = ptr;
        checkTarget(*s.def, s.main, ptr);
        n.on.push_back({"press", {std::move(s)}});
        return;
    }
    if (k == "on") { compileEvents(n, v, ptr); return; }
    if (k == "grow" || k == "w" || k == "h" || k == "align") { compileLayout(n, k, v, ptr); return; }
    if (def) compileProp(n, k, v, ptr, depth);
    else compileParam(n, *comp, k, v, ptr);
}

// "on": {"press": actions, ...}
void Compiler::compileEvents(Node& n, const Json& v, const std::string& ptr) {
    if (!v.is_object()) { error(ptr, "on must map events to actions, e.g. {\"press\": {\"navigate\": \"home\"}}"); return; }
    const WidgetDef* def = n.def;
    for (auto& [ev, acts] : v.items()) {
        if (def && std::find(def->events.begin(), def->events.end(), ev) == def->events.end())
            unknownName(Diagnostic::Level::Warning, childPointer(ptr, ev), n.type + " has no event " + inQuotes(ev), ev, def->events, true);
        n.on.push_back({ev, compileActions(acts, childPointer(ptr, ev))});
    }
}

// A key of a widget node: one of its events, or one of its props (child nodes for a container).
void Compiler::compileProp(Node& n, const std::string& k, const Json& v, const std::string& ptr, int depth) {
    const WidgetDef* def = n.def;
    if (std::find(def->events.begin(), def->events.end(), k) != def->events.end()) {
        n.on.push_back({k, compileActions(v, ptr)});
        return;
    }
    int i = def->propIndex(k);
    if (i < 0) {
        std::vector<std::string> names;
        for (auto& p : def->props) names.push_back(p.name);
        names.insert(names.end(), def->events.begin(), def->events.end());
        unknownName(Diagnostic::Level::Warning, ptr, "unknown prop " + inQuotes(k) + " for " + def->name, k, names, true);
        return;
    }
    const PropDef& pd = def->props[i];
    n.propGiven[i] = true;
    if (pd.type == PropType::Nodes) {
        n.children = compileNodes(v, ptr, n.key, depth + 1);
        return;
    }
    checkType(v, pd, ptr, def->name);
    n.props[i] = compileTemplate(v, ptr);
    if (pd.type == PropType::Icon && v.is_string() && !isExpressionString(v) && iconGlyph(v.get<std::string>()).empty() && !v.get<std::string>().empty())
        unknownName(Diagnostic::Level::Warning, ptr, "unknown icon " + inQuotes(v.get<std::string>()), v.get<std::string>(), iconNames(), false);
}

// A key of a component instance: one of the component's params.
void Compiler::compileParam(Node& n, const ComponentDef& comp, const std::string& k, const Json& v, const std::string& ptr) {
    for (auto& [name, dflt] : comp.params)
        if (name == k) { n.params.push_back({k, compileTemplate(v, ptr)}); return; }
    std::vector<std::string> names;
    for (auto& p : comp.params) names.push_back(p.first);
    unknownName(Diagnostic::Level::Warning, ptr, "unknown param " + inQuotes(k) + " for component " + inQuotes(comp.name), k, names, true);
}

//-----------------------------------------------------------------------------
// [SECTION] Layout, rules and repeat
//-----------------------------------------------------------------------------

void Compiler::compileLayout(Node& n, const std::string& k, const Json& v, const std::string& ptr) {
    if (k == "grow") {
        if (v.is_number()) n.layout.grow = std::clamp(v.get<float>(), 0.0f, 100.0f);
        else if (v.is_boolean()) n.layout.grow = v.get<bool>() ? 1.0f : 0.0f;
        else error(ptr, "grow should be a number like 1");
    } else if (k == "w" || k == "h") {
        float px = 0, pct = 0;
        bool fill = false;
        if (v.is_number()) px = v.get<float>();
        else if (v.is_string()) {
            std::string s = v.get<std::string>();
            if (s == "fill" || s == "100%") fill = true;
            else if (!s.empty() && s.back() == '%') pct = std::strtof(s.c_str(), nullptr);
            else if (s != "auto") px = std::strtof(s.c_str(), nullptr);
        }
        if (!(px >= 0 && px <= 10000 && pct >= 0 && pct <= 100)) { error(ptr, k + " out of range"); return; }
        if (k == "w") { n.layout.width = fill ? -1.0f : px; n.layout.widthPct = pct; }
        else n.layout.height = px;
    } else if (k == "align") {
        const std::vector<std::string>& opts = commonProp("align")->options;
        std::string s = v.is_string() ? v.get<std::string>() : "";
        auto it = std::find(opts.begin(), opts.end(), s);
        if (it == opts.end()) unknownName(Diagnostic::Level::Error, ptr, "align must be " + oneOf(opts), s, opts, false);
        else n.layout.align = (int)(it - opts.begin());
    }
}

void Compiler::compileRules(Node& n, const Json& v, const std::string& ptr) {
    const std::vector<std::string>& kinds = documentVocabulary().ruleKinds;
    auto add = [&](const std::string& kind, const Json& spec, const std::string& p) {
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
            unknownName(Diagnostic::Level::Error, p, "unknown rule " + inQuotes(kind), kind, kinds, v.is_object());
            return;
        }
        Rule r;
        r.kind = kind;
        Json arg = nullptr, msg = nullptr;
        if (spec.is_array() && spec.size() == 2) { arg = spec[0]; msg = spec[1]; }
        else if (kind == "required" || kind == "email") msg = spec.is_string() ? spec : Json(nullptr);
        else if (spec.is_string() && !isExpressionString(spec) && kind != "pattern" && kind != "match") msg = spec;
        else arg = spec;
        if ((kind != "required" && kind != "email") && arg.is_null()) {
            error(p, "rule " + inQuotes(kind) + " needs a value: [value, \"message\"]");
            return;
        }
        r.arg = compileTemplate(arg, p);
        r.message = compileTemplate(msg, p);
        if (kind == "pattern" && r.arg.isLiteral()) {
            std::string why;
            r.pattern = Pattern::compile(r.arg.raw().is_string() ? r.arg.raw().get<std::string>() : r.arg.raw().dump(), &why);
            if (!r.pattern) { error(p, "pattern: " + why); return; }
        }
        n.rules.push_back(std::move(r));
    };
    if (v.is_object()) {
        for (auto& [k, spec] : v.items()) add(k, spec, childPointer(ptr, k));
    } else if (v.is_array()) {
        for (size_t i = 0; i < v.size(); ++i) {
            const Json& r = v[i];
            if (r.is_object() && !r.empty()) add(r.begin().key(), r.begin().value(), childPointer(ptr, i));
            else if (r.is_string()) add(r.get<std::string>(), nullptr, childPointer(ptr, i));
            else error(childPointer(ptr, i), "a rule looks like {\"required\": \"message\"}");
        }
    } else {
        error(ptr, "rules must be an object like {\"required\": \"Enter your email\"}");
    }
    if (n.def && !n.def->input) warn(ptr, n.type + " is not an input; rules are ignored");
}

void Compiler::compileRepeat(Node& n, const Json& v, const std::string& ptr, int depth) {
    auto r = std::make_shared<Repeat>();
    if (v.is_string()) {
        r->in = compileTemplate(v, ptr);
    } else if (v.is_object()) {
        if (auto in = v.find("in"); in != v.end()) r->in = compileTemplate(*in, childPointer(ptr, "in"));
        else error(ptr, "repeat needs \"in\": the array to repeat over, e.g. \"${tasks}\"");
        if (auto as = v.find("as"); as != v.end()) {
            if (as->is_string() && !as->get<std::string>().empty()) r->as = as->get<std::string>();
            else error(childPointer(ptr, "as"), "as must be a name like \"task\"");
        }
        if (auto lim = v.find("limit"); lim != v.end()) {
            if (lim->is_number() && lim->get<double>() >= 0) r->limit = (int)std::min(lim->get<double>(), 5000.0);
            else error(childPointer(ptr, "limit"), "limit must be a positive number");
        }
        if (auto e = v.find("empty"); e != v.end()) r->empty = compileNodes(*e, childPointer(ptr, "empty"), n.key + "/empty", depth + 1);
        const std::vector<std::string>& repeatKeys = documentVocabulary().repeatKeys;
        for (auto& [k, _] : v.items())
            if (std::find(repeatKeys.begin(), repeatKeys.end(), k) == repeatKeys.end())
                unknownName(Diagnostic::Level::Warning, childPointer(ptr, k), "unknown repeat key " + inQuotes(k), k, repeatKeys, true);
    } else {
        error(ptr, "repeat must be {\"in\": \"${items}\", \"as\": \"item\"}");
    }
    if (r->in.isLiteral() && !r->in.raw().is_array() && !r->in.raw().is_null())
        error(ptr, "repeat's \"in\" must be an array or an expression like \"${tasks}\"");
    m_scopeNames.push_back(r->as);
    n.repeat = std::move(r);
}

//-----------------------------------------------------------------------------
// [SECTION] Components
//-----------------------------------------------------------------------------

const ComponentDef* Compiler::component(std::string_view name) const {
    for (auto& c : m_components)
        if (c.name == name) return &c;
    return nullptr;
}

void Compiler::expandComponent(Node& n, const ComponentDef& comp, int depth) {
    n.isComponent = true;
    if (std::find(m_componentStack.begin(), m_componentStack.end(), comp.name) != m_componentStack.end()) {
        std::string chain;
        for (auto& c : m_componentStack) chain += c + " -> ";
        error(n.pointer, "component " + inQuotes(comp.name) + " uses itself (" + chain + comp.name + ")");
        return;
    }
    // Unset params take their defaults.
    for (auto& [name, dflt] : comp.params) {
        bool given = false;
        for (auto& p : n.params) given |= p.first == name;
        if (!given) n.params.push_back({name, Template::literal(dflt)});
    }
    if (!comp.body) return;
    m_componentStack.push_back(comp.name);
    size_t mark = m_scopeNames.size();
    for (auto& p : comp.params) m_scopeNames.push_back(p.first);
    n.children = compileNodes(*comp.body, comp.pointer + "/body", n.key, depth + 1);
    m_scopeNames.resize(mark);
    m_componentStack.pop_back();
}

} // namespace pt
