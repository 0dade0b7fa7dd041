// Promptotype — SpecLoader implementation.
//
// [SECTION] Diagnostics and small helpers
// [SECTION] Text -> JSON (syntax, binary, depth)
// [SECTION] Compiler state
// [SECTION] Templates and type checks
// [SECTION] Actions
// [SECTION] Nodes
// [SECTION] Document (meta, theme, state, screens, overlays, nav, mocks)
// [SECTION] Validation passes (ids, reachability)
// [SECTION] Variants (every one validated, problems located where the variant is written)
// [SECTION] Navigation graph
// [SECTION] Spec lookups

#include "runtime/spec/spec_loader.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/vocabulary.h"
#include "runtime/spec/variants.h"
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Diagnostics and small helpers
//-----------------------------------------------------------------------------

std::string Diagnostic::format(const std::string& file) const {
    std::string where = file.empty() ? "<spec>" : file;
    if (line > 0) where += ":" + std::to_string(line) + ":" + std::to_string(col);
    else where += ":" + (pointer.empty() ? std::string("/") : pointer);
    return where + ": " + (level == Level::Error ? "error: " : "warning: ") + message;
}

bool LoadResult::hasErrors() const {
    for (auto& d : diagnostics)
        if (d.level == Diagnostic::Level::Error) return true;
    return false;
}

std::string LoadResult::format(const std::string& file) const {
    std::string out;
    for (auto& d : diagnostics) out += d.format(file) + "\n";
    return out;
}

void lineCol(std::string_view text, size_t offset, int* line, int* col) {
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') { ++*line; *col = 1; }
        else if (((unsigned char)text[i] & 0xC0) != 0x80) ++*col;
    }
}

std::string escapePointer(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

namespace {

std::string child(const std::string& ptr, std::string_view key) { return ptr + "/" + escapePointer(key); }
std::string child(const std::string& ptr, size_t index) { return ptr + "/" + std::to_string(index); }

std::string q(std::string_view s) { return "'" + std::string(s) + "'"; }

Diagnostic located(Diagnostic::Level level, std::string pointer, std::string message) {
    Diagnostic d;
    d.level = level;
    d.pointer = std::move(pointer);
    d.message = std::move(message);
    return d;
}

std::string didYouMean(const std::string& suggestion) {
    return suggestion.empty() ? "" : " (did you mean " + q(suggestion) + "?)";
}

//-----------------------------------------------------------------------------
// [SECTION] Text -> JSON
//-----------------------------------------------------------------------------

// Finds the first place nesting exceeds the limit, skipping strings; the parser itself is never
// handed a document that deep.
size_t findOverDeep(std::string_view text, int limit) {
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') inString = true;
        else if (c == '{' || c == '[') { if (++depth > limit) return i; }
        else if (c == '}' || c == ']') --depth;
    }
    return std::string_view::npos;
}

} // namespace

bool parseJsonText(std::string_view text, Json* out, Diagnostic* error) {
    auto fail = [&](size_t offset, std::string message) {
        error->level = Diagnostic::Level::Error;
        lineCol(text, offset, &error->line, &error->col);
        error->message = std::move(message);
        return false;
    };
    size_t firstNonSpace = text.find_first_not_of(" \t\r\n");
    if (firstNonSpace == std::string_view::npos) return fail(0, "the file is empty; expected a JSON object like {\"screens\": {...}}");
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = (unsigned char)text[i];
        if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
            return fail(i, "binary data (byte 0x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15] + "): this is not a JSON text file");
    }
    size_t deep = findOverDeep(text, SpecLoader::kMaxDepth);
    if (deep != std::string_view::npos)
        return fail(deep, "nesting deeper than " + std::to_string(SpecLoader::kMaxDepth) + " levels");
    try {
        *out = Json::parse(text.begin(), text.end());
        return true;
    } catch (const Json::parse_error& e) {
        std::string what = e.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." -> keep the reason only
        size_t colon = what.find(": ", what.find("column"));
        std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
        size_t at = e.byte > 0 ? e.byte - 1 : 0;
        return fail(at, reason);
    }
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Compiler state
//-----------------------------------------------------------------------------

// Names always in scope besides state keys.
const std::vector<std::string>& runtimeNames() {
    static const std::vector<std::string> names = {"params", "result", "error", "args", "it", "value", "event", "index", "item"};
    return names;
}

struct ComponentDef {
    std::string name, pointer;
    std::vector<std::pair<std::string, Json>> params;  // name -> default
    const Json* body = nullptr;
};

class Compiler {
public:
    Compiler(const Json& doc, Spec& spec, std::vector<Diagnostic>& diags) : m_doc(doc), m_spec(spec), m_diags(diags) {}
    void run();

private:
    const Json& m_doc;
    Spec& m_spec;
    std::vector<Diagnostic>& m_diags;
    std::set<std::string> m_screenIds, m_overlayIds, m_actionNames, m_mockNames;
    std::vector<ComponentDef> m_components;
    std::vector<std::string> m_componentStack;  // recursion guard
    std::vector<std::string> m_scopeNames;      // repeat aliases, params in scope while compiling
    std::set<std::string> m_stateKeys;
    std::set<std::string> m_checkedVariants;    // "variants" pointers already checked (component bodies compile once per use)
    int m_nodeCount = 0;

    void error(const std::string& ptr, std::string msg) { m_diags.push_back(located(Diagnostic::Level::Error, ptr, std::move(msg))); }
    void warn(const std::string& ptr, std::string msg) { m_diags.push_back(located(Diagnostic::Level::Warning, ptr, std::move(msg))); }
    // A name that is not valid here: the message gets a did-you-mean, the diagnostic what repair needs.
    void unknownName(Diagnostic::Level level, const std::string& ptr, const std::string& msg, const std::string& name,
                     std::vector<std::string> cands, bool isKey) {
        Diagnostic d = located(level, ptr, msg + didYouMean(closestName(name, cands)));
        d.subject = name;
        d.candidates = std::move(cands);
        d.subjectIsKey = isKey;
        m_diags.push_back(std::move(d));
    }

    Template compileTemplate(const Json& raw, const std::string& ptr);
    void checkType(const Json& raw, const PropDef& def, const std::string& ptr, const std::string& owner);
    ActionList compileActions(const Json& raw, const std::string& ptr);
    bool compileAction(const Json& raw, const std::string& ptr, ActionStep* out);
    void checkTarget(const ActionDef& def, const Template& main, const std::string& ptr);
    Node compileNode(const Json& raw, const std::string& ptr, const std::string& key, int depth);
    std::vector<Node> compileNodes(const Json& raw, const std::string& ptr, const std::string& key, int depth);
    void compileNodeKey(Node& n, const std::string& k, const Json& v, const std::string& ptr, int depth, const ComponentDef* comp);
    void compileLayout(Node& n, const std::string& k, const Json& v, const std::string& ptr);
    void compileRules(Node& n, const Json& v, const std::string& ptr);
    void compileRepeat(Node& n, const Json& v, const std::string& ptr, int depth);
    void expandComponent(Node& n, const ComponentDef& comp, int depth);
    const ComponentDef* component(std::string_view name) const;
    void checkVariants(const Json& v, const std::string& ptr);
    void compileMeta();
    void compileScreens();
    void compileOverlays();
    void compileNav();
    void compileActionsAndMocks();
    void checkIds();
    void checkReachability();
};

const ComponentDef* Compiler::component(std::string_view name) const {
    for (auto& c : m_components)
        if (c.name == name) return &c;
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Templates and type checks
//-----------------------------------------------------------------------------

Template Compiler::compileTemplate(const Json& raw, const std::string& ptr) {
    Template t;
    std::string err, errPtr;
    if (!t.compile(raw, &err, &errPtr)) {
        error(ptr + errPtr, "expression: " + err);
        return Template::literal(nullptr);
    }
    // Unknown variables are warnings: they evaluate to null, which is rarely what the author meant.
    for (auto& id : t.identifiers()) {
        bool known = m_stateKeys.count(id) ||
                     std::find(m_scopeNames.begin(), m_scopeNames.end(), id) != m_scopeNames.end() ||
                     std::find(runtimeNames().begin(), runtimeNames().end(), id) != runtimeNames().end();
        if (!known) {
            std::vector<std::string> cands(m_stateKeys.begin(), m_stateKeys.end());
            cands.insert(cands.end(), m_scopeNames.begin(), m_scopeNames.end());
            warn(ptr, "unknown variable " + q(id) + didYouMean(closestName(id, cands)));
        }
    }
    for (auto& fn : t.functions()) {
        auto& builtins = builtinFunctionNames();
        if (fn != "pending" && std::find(builtins.begin(), builtins.end(), fn) == builtins.end())
            error(ptr, "unknown function " + q(fn) + didYouMean(closestName(fn, builtins)));
    }
    return t;
}

bool isExpressionString(const Json& v) { return v.is_string() && v.get<std::string>().find("${") != std::string::npos; }

void Compiler::checkType(const Json& raw, const PropDef& def, const std::string& ptr, const std::string& owner) {
    if (isExpressionString(raw) || raw.is_null()) return;
    auto bad = [&](const char* expected) {
        error(ptr, q(def.name) + " of " + owner + " should be " + expected + ", got " + raw.dump().substr(0, 40));
    };
    switch (def.type) {
    case PropType::Number:
        if (!raw.is_number()) {
            if (raw.is_string()) {  // "12" and "12px" are forgiven; "big" is not
                char* end = nullptr;
                std::string s = raw.get<std::string>();
                std::strtod(s.c_str(), &end);
                if (end == s.c_str()) bad("a number");
            } else bad("a number");
        }
        break;
    case PropType::Bool:
        if (!raw.is_boolean()) bad("true or false");
        break;
    case PropType::Enum:
        if (!raw.is_string() || std::find(def.options.begin(), def.options.end(), raw.get<std::string>()) == def.options.end()) {
            std::string opts;
            for (auto& o : def.options) opts += (opts.empty() ? "" : ", ") + o;
            std::string s = raw.is_string() ? raw.get<std::string>() : raw.dump();
            unknownName(Diagnostic::Level::Error, ptr, q(def.name) + " of " + owner + " must be one of " + opts + "; got " + q(s), s, def.options, false);
        }
        break;
    case PropType::Array:
        if (!raw.is_array()) bad("an array");
        break;
    case PropType::Object:
        if (!raw.is_object()) bad("an object");
        break;
    case PropType::String: case PropType::Color: case PropType::Icon:
        if (raw.is_object() || raw.is_array()) bad("text");
        break;
    case PropType::Any: case PropType::Nodes:
        break;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Actions
//-----------------------------------------------------------------------------

ActionList Compiler::compileActions(const Json& raw, const std::string& ptr) {
    ActionList list;
    if (raw.is_array()) {
        for (size_t i = 0; i < raw.size(); ++i) {
            ActionStep s;
            if (compileAction(raw[i], child(ptr, i), &s)) list.push_back(std::move(s));
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
        unknownName(Diagnostic::Level::Error, ptr, std::string(def.name) + ": no " + what + " named " + q(t), t, {ids.begin(), ids.end()}, false);
    };
    if (def.target == "screen") {
        if (!m_screenIds.count(t) && !m_overlayIds.count(t)) {
            std::vector<std::string> all(m_screenIds.begin(), m_screenIds.end());
            all.insert(all.end(), m_overlayIds.begin(), m_overlayIds.end());
            unknownName(Diagnostic::Level::Error, ptr, def.name + ": no screen or overlay named " + q(t), t, all, false);
        }
    } else if (def.target == "overlay") check(m_overlayIds, "overlay");
    else if (def.target == "action") check(m_actionNames, "action");
    else if (def.target == "mock") check(m_mockNames, "mock");
}

bool Compiler::compileAction(const Json& raw, const std::string& ptr, ActionStep* out) {
    auto& catalog = ActionCatalog::get();
    if (raw.is_string()) {
        std::string s = raw.get<std::string>();
        if (const ActionDef* def = catalog.find(s); def && def->bare) {
            out->def = def;
            out->main = Template::literal(true);
            out->pointer = ptr;
            return true;
        }
        if (m_actionNames.count(s)) {
            out->def = catalog.find("run");
            out->main = Template::literal(s);
            out->pointer = ptr;
            return true;
        }
        std::vector<std::string> names(m_actionNames.begin(), m_actionNames.end());
        for (auto& a : catalog.all()) names.push_back(a.name);
        unknownName(Diagnostic::Level::Error, ptr, "unknown action " + q(s), s, names, false);
        return false;
    }
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
        unknownName(Diagnostic::Level::Error, child(ptr, first), "unknown action " + q(first), first, names, true);
        return false;
    }
    out->def = def;
    out->pointer = ptr;
    std::string kptr = child(ptr, kind);
    // Branch scopes: `then` after a call sees `result`, `catch` sees `error`; both are runtime names.
    out->main = compileTemplate(raw[kind], kptr);
    checkTarget(*def, out->main, kptr);
    for (auto& [k, v] : raw.items()) {
        if (k == kind) continue;
        std::string p = child(ptr, k);
        if (std::find(def->branches.begin(), def->branches.end(), k) != def->branches.end()) {
            if (k == "then") out->then = compileActions(v, p);
            else out->otherwise = compileActions(v, p);
        } else if (const PropDef* a = [&]() -> const PropDef* {
                       for (auto& ad : def->args) if (ad.name == k) return &ad;
                       return nullptr; }()) {
            checkType(v, *a, p, kind);
            out->args.push_back({k, compileTemplate(v, p)});
        } else {
            std::vector<std::string> keys = def->branches;
            for (auto& ad : def->args) keys.push_back(ad.name);
            unknownName(Diagnostic::Level::Warning, p, "unknown key " + q(k) + " for action " + q(kind), k, keys, true);
        }
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Nodes
//-----------------------------------------------------------------------------

std::vector<Node> Compiler::compileNodes(const Json& raw, const std::string& ptr, const std::string& key, int depth) {
    std::vector<Node> out;
    if (raw.is_array()) {
        for (size_t i = 0; i < raw.size(); ++i) out.push_back(compileNode(raw[i], child(ptr, i), key + "/" + std::to_string(i), depth));
    } else if (raw.is_object() || raw.is_string()) {
        out.push_back(compileNode(raw, ptr, key + "/0", depth));
    } else if (!raw.is_null()) {
        error(ptr, "expected a node or a list of nodes, got " + raw.dump().substr(0, 40));
    }
    return out;
}

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

Node Compiler::compileNode(const Json& raw, const std::string& ptr, const std::string& key, int depth) {
    if (++m_nodeCount > 50000) {
        if (m_nodeCount == 50001) error(ptr, "too many nodes (over 50,000); the rest are ignored");
        return makePlaceholder("…", ptr, key);
    }
    if (depth > 64) {
        error(ptr, "nodes nested deeper than 64 levels");
        return makePlaceholder("too deep", ptr, key);
    }
    auto& catalog = WidgetCatalog::get();
    if (raw.is_string()) {  // a bare string in a children list is a text node
        Json wrapped = Json::object();
        wrapped["text"] = raw;
        return compileNode(wrapped, ptr, key, depth);
    }
    if (!raw.is_object() || raw.empty()) {
        error(ptr, "a node must be an object like {\"text\": \"Hello\"}");
        return makePlaceholder("invalid node", ptr, key);
    }
    std::string typeKey = nodeTypeKey(raw, [&](std::string_view k) { return component(k) != nullptr; });
    std::string type = typeKey == "type" ? raw.at("type").get<std::string>() : typeKey;
    std::string id;
    if (auto i = raw.find("id"); i != raw.end() && i->is_string()) id = i->get<std::string>();
    std::string nodeKey = id.empty() ? key : id;

    const WidgetDef* def = catalog.find(type);
    const ComponentDef* comp = def ? nullptr : component(type);
    if (!def && !comp) {
        std::vector<std::string> names;
        for (auto& w : catalog.all()) names.push_back(w.name);
        for (auto& c : m_components) names.push_back(c.name);
        if (type.empty()) error(ptr, "node has no widget type (e.g. {\"text\": ...}, {\"button\": ...})");
        else unknownName(Diagnostic::Level::Error, child(ptr, typeKey), "unknown widget " + q(type), type, names, typeKey != "type");
        Node n = makePlaceholder(type.empty() ? "?" : type, ptr, nodeKey);
        n.id = id;
        return n;
    }

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
    if (auto r = raw.find("repeat"); r != raw.end()) compileRepeat(n, *r, child(ptr, "repeat"), depth);

    for (auto& [k, v] : raw.items()) {
        if (k == "repeat" || k == "id" || (k == "type" && typeKey == "type")) continue;
        std::string p = child(ptr, k);
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
    if (k == "on") {
        if (!v.is_object()) { error(ptr, "on must map events to actions, e.g. {\"press\": {\"navigate\": \"home\"}}"); return; }
        for (auto& [ev, acts] : v.items()) {
            if (def && std::find(def->events.begin(), def->events.end(), ev) == def->events.end())
                unknownName(Diagnostic::Level::Warning, child(ptr, ev), n.type + " has no event " + q(ev), ev, def->events, true);
            n.on.push_back({ev, compileActions(acts, child(ptr, ev))});
        }
        return;
    }
    if (k == "grow" || k == "w" || k == "h" || k == "align") { compileLayout(n, k, v, ptr); return; }
    if (def) {
        if (std::find(def->events.begin(), def->events.end(), k) != def->events.end()) {
            n.on.push_back({k, compileActions(v, ptr)});
            return;
        }
        int i = def->propIndex(k);
        if (i < 0) {
            std::vector<std::string> names;
            for (auto& p : def->props) names.push_back(p.name);
            names.insert(names.end(), def->events.begin(), def->events.end());
            unknownName(Diagnostic::Level::Warning, ptr, "unknown prop " + q(k) + " for " + def->name, k, names, true);
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
            unknownName(Diagnostic::Level::Warning, ptr, "unknown icon " + q(v.get<std::string>()), v.get<std::string>(), iconNames(), false);
        return;
    }
    for (auto& [name, dflt] : comp->params)
        if (name == k) { n.params.push_back({k, compileTemplate(v, ptr)}); return; }
    std::vector<std::string> names;
    for (auto& p : comp->params) names.push_back(p.first);
    unknownName(Diagnostic::Level::Warning, ptr, "unknown param " + q(k) + " for component " + q(comp->name), k, names, true);
}

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
        static const std::vector<std::string> opts = {"start", "center", "end"};
        std::string s = v.is_string() ? v.get<std::string>() : "";
        auto it = std::find(opts.begin(), opts.end(), s);
        if (it == opts.end()) unknownName(Diagnostic::Level::Error, ptr, "align must be start, center or end", s, opts, false);
        else n.layout.align = (int)(it - opts.begin());
    }
}

void Compiler::compileRules(Node& n, const Json& v, const std::string& ptr) {
    static const std::vector<std::string> kinds = {"required", "email", "min", "max", "minLength", "maxLength", "pattern", "match"};
    auto add = [&](const std::string& kind, const Json& spec, const std::string& p) {
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
            unknownName(Diagnostic::Level::Error, p, "unknown rule " + q(kind), kind, kinds, v.is_object());
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
            error(p, "rule " + q(kind) + " needs a value: [value, \"message\"]");
            return;
        }
        r.arg = compileTemplate(arg, p);
        r.message = compileTemplate(msg, p);
        n.rules.push_back(std::move(r));
    };
    if (v.is_object()) {
        for (auto& [k, spec] : v.items()) add(k, spec, child(ptr, k));
    } else if (v.is_array()) {
        for (size_t i = 0; i < v.size(); ++i) {
            const Json& r = v[i];
            if (r.is_object() && !r.empty()) add(r.begin().key(), r.begin().value(), child(ptr, i));
            else if (r.is_string()) add(r.get<std::string>(), nullptr, child(ptr, i));
            else error(child(ptr, i), "a rule looks like {\"required\": \"message\"}");
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
        if (auto in = v.find("in"); in != v.end()) r->in = compileTemplate(*in, child(ptr, "in"));
        else error(ptr, "repeat needs \"in\": the array to repeat over, e.g. \"${tasks}\"");
        if (auto as = v.find("as"); as != v.end()) {
            if (as->is_string() && !as->get<std::string>().empty()) r->as = as->get<std::string>();
            else error(child(ptr, "as"), "as must be a name like \"task\"");
        }
        if (auto lim = v.find("limit"); lim != v.end()) {
            if (lim->is_number() && lim->get<double>() >= 0) r->limit = (int)std::min(lim->get<double>(), 5000.0);
            else error(child(ptr, "limit"), "limit must be a positive number");
        }
        if (auto e = v.find("empty"); e != v.end()) r->empty = compileNodes(*e, child(ptr, "empty"), n.key + "/empty", depth + 1);
        for (auto& [k, _] : v.items())
            if (k != "in" && k != "as" && k != "limit" && k != "empty")
                unknownName(Diagnostic::Level::Warning, child(ptr, k), "unknown repeat key " + q(k), k, {"in", "as", "limit", "empty"}, true);
    } else {
        error(ptr, "repeat must be {\"in\": \"${items}\", \"as\": \"item\"}");
    }
    if (r->in.isLiteral() && !r->in.raw().is_array() && !r->in.raw().is_null())
        error(ptr, "repeat's \"in\" must be an array or an expression like \"${tasks}\"");
    m_scopeNames.push_back(r->as);
    n.repeat = std::move(r);
}

void Compiler::expandComponent(Node& n, const ComponentDef& comp, int depth) {
    n.isComponent = true;
    if (std::find(m_componentStack.begin(), m_componentStack.end(), comp.name) != m_componentStack.end()) {
        std::string chain;
        for (auto& c : m_componentStack) chain += c + " -> ";
        error(n.pointer, "component " + q(comp.name) + " uses itself (" + chain + comp.name + ")");
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

//-----------------------------------------------------------------------------
// [SECTION] Document
//-----------------------------------------------------------------------------

void Compiler::compileMeta() {
    static const std::vector<std::string> topKeys = {"spec", "meta", "theme", "state", "nav", "screens", "overlays", "components", "actions", "mocks"};
    for (auto& [k, v] : m_doc.items())
        if (std::find(topKeys.begin(), topKeys.end(), k) == topKeys.end())
            unknownName(Diagnostic::Level::Warning, "/" + escapePointer(k), "unknown top-level key " + q(k), k, topKeys, true);
    if (auto s = m_doc.find("spec"); s != m_doc.end() && !(s->is_number() && s->get<double>() == 1) && !(s->is_string() && s->get<std::string>() == "1"))
        warn("/spec", "this runtime reads spec version 1");

    m_spec.clockStart = (double)std::time(nullptr);
    {   // the real clock is naive local time, like every date in a spec
        std::time_t t = std::time(nullptr);
        std::tm lt{};
        localtime_r(&t, &lt);
        m_spec.clockStart = (double)t + (double)lt.tm_gmtoff;
    }
    if (auto meta = m_doc.find("meta"); meta != m_doc.end()) {
        if (!meta->is_object()) error("/meta", "meta must be an object");
        else {
            auto str = [&](const char* key, std::string* out) {
                if (auto it = meta->find(key); it != meta->end()) {
                    if (it->is_string()) *out = it->get<std::string>();
                    else error(std::string("/meta/") + key, std::string(key) + " must be text");
                }
            };
            str("name", &m_spec.name);
            str("idea", &m_spec.idea);
            str("device", &m_spec.device);
            static const std::vector<std::string> devices = {"phone", "tablet", "desktop"};
            if (std::find(devices.begin(), devices.end(), m_spec.device) == devices.end()) {
                unknownName(Diagnostic::Level::Error, "/meta/device", "device must be phone, tablet or desktop", m_spec.device, devices, false);
                m_spec.device = "phone";
            }
            std::string now;
            str("now", &now);
            if (!now.empty() && !parseDateTime(now, &m_spec.clockStart)) error("/meta/now", "now must be an ISO date-time like 2026-05-04T08:00");
        }
    }
    if (auto theme = m_doc.find("theme"); theme != m_doc.end()) {
        if (!theme->is_object()) error("/theme", "theme must be an object");
        else {
            if (auto p = theme->find("preset"); p != theme->end()) {
                std::string s = p->is_string() ? p->get<std::string>() : "";
                auto& presets = themePresets();
                if (std::find(presets.begin(), presets.end(), s) == presets.end())
                    unknownName(Diagnostic::Level::Error, "/theme/preset", "unknown theme preset " + q(s), s, presets, false);
                else m_spec.themePreset = s;
            }
            if (auto b = theme->find("brand"); b != theme->end()) {
                std::uint32_t c;
                if (!b->is_string() || !parseColor(b->get<std::string>(), &c)) error("/theme/brand", "brand must be a color like \"#4F7CFF\"");
                else m_spec.brand = b->get<std::string>();
            }
            if (auto m = theme->find("mode"); m != theme->end()) {
                std::string s = m->is_string() ? m->get<std::string>() : "";
                if (s != "light" && s != "dark") error("/theme/mode", "mode must be light or dark");
                m_spec.dark = s == "dark";
            }
        }
    }
    if (auto st = m_doc.find("state"); st != m_doc.end()) {
        if (!st->is_object()) error("/state", "state must be an object of named values");
        else m_spec.initialState = *st;
    }
    for (auto& [k, v] : m_spec.initialState.items()) m_stateKeys.insert(k);
}

void Compiler::compileActionsAndMocks() {
    if (auto a = m_doc.find("actions"); a != m_doc.end()) {
        if (!a->is_object()) error("/actions", "actions must map names to action sequences");
        else
            for (auto& [k, v] : a->items()) m_spec.actions.push_back({k, compileActions(v, child("/actions", k))});
    }
    if (auto m = m_doc.find("mocks"); m != m_doc.end() && m->is_object()) {
        for (auto& [k, v] : m->items()) {
            std::string p = child("/mocks", k);
            Mock mock;
            mock.name = k;
            mock.pointer = p;
            mock.result = Template::literal(Json::object());
            mock.fail = Template::literal(false);
            mock.error = Template::literal("Something went wrong");
            if (!v.is_object()) { error(p, "a mock looks like {\"latency\": 800, \"result\": {...}}"); continue; }
            for (auto& [mk, mv] : v.items()) {
                std::string mp = child(p, mk);
                if (mk == "latency") {
                    if (mv.is_number() && mv.get<double>() >= 0) mock.latencyMs = std::min(mv.get<double>(), 60000.0);
                    else error(mp, "latency must be milliseconds");
                } else if (mk == "result") mock.result = compileTemplate(mv, mp);
                else if (mk == "fail") mock.fail = compileTemplate(mv, mp);
                else if (mk == "error") mock.error = compileTemplate(mv, mp);
                else unknownName(Diagnostic::Level::Warning, mp, "unknown mock key " + q(mk), mk, {"latency", "result", "fail", "error"}, true);
            }
            m_spec.mocks.push_back(std::move(mock));
        }
    } else if (m != m_doc.end()) error("/mocks", "mocks must map names to mock endpoints");
}

void Compiler::compileScreens() {
    auto screens = m_doc.find("screens");
    if (screens == m_doc.end() || !screens->is_object() || screens->empty()) {
        error(screens == m_doc.end() ? "" : "/screens", "a spec needs \"screens\": {\"home\": {\"title\": \"Home\", \"body\": [...]}}");
        return;
    }
    static const std::vector<std::string> screenKeys = {"title", "icon", "body", "bar", "onEnter", "variants"};
    for (auto& [id, s] : screens->items()) {
        std::string p = child("/screens", id);
        Screen scr;
        scr.id = id;
        scr.pointer = p;
        scr.title = Template::literal(id);
        if (!s.is_object()) { error(p, "a screen looks like {\"title\": \"Home\", \"body\": [...]}"); m_spec.screens.push_back(std::move(scr)); continue; }
        m_scopeNames.clear();
        for (auto& [k, v] : s.items()) {
            std::string kp = child(p, k);
            if (k == "title") scr.title = compileTemplate(v, kp);
            else if (k == "body") scr.body = compileNodes(v, kp, id, 0);
            else if (k == "bar") {
                if (v.is_boolean()) scr.showBar = v.get<bool>();
                else scr.barActions = compileNodes(v, kp, id + "/bar", 0);
            } else if (k == "onEnter") scr.onEnter = compileActions(v, kp);
            else if (k == "icon") {
                if (!v.is_string()) error(kp, "icon must be an icon name");
            } else if (k == "variants") checkVariants(v, kp);
            else unknownName(Diagnostic::Level::Warning, kp, "unknown screen key " + q(k), k, screenKeys, true);
        }
        m_spec.screens.push_back(std::move(scr));
    }
}

void Compiler::compileOverlays() {
    auto overlays = m_doc.find("overlays");
    if (overlays == m_doc.end()) return;
    if (!overlays->is_object()) { error("/overlays", "overlays must map ids to dialogs, sheets or toasts"); return; }
    static const std::vector<std::string> kinds = {"dialog", "sheet", "toast"};
    for (auto& [id, o] : overlays->items()) {
        std::string p = child("/overlays", id);
        Overlay ov;
        ov.id = id;
        ov.pointer = p;
        if (!o.is_object()) { error(p, "an overlay looks like {\"kind\": \"dialog\", \"title\": \"...\", \"body\": [...]}"); continue; }
        m_scopeNames.clear();
        for (auto& [k, v] : o.items()) {
            std::string kp = child(p, k);
            if (k == "kind") {
                std::string s = v.is_string() ? v.get<std::string>() : "";
                if (std::find(kinds.begin(), kinds.end(), s) == kinds.end()) unknownName(Diagnostic::Level::Error, kp, "kind must be dialog, sheet or toast", s, kinds, false);
                else ov.kind = s;
            } else if (k == "title") ov.title = compileTemplate(v, kp);
            else if (k == "body") ov.body = compileNodes(v, kp, id, 0);
            else if (k == "actions") ov.actions = compileNodes(v, kp, id + "/actions", 0);
            else if (k == "variants") checkVariants(v, kp);
            else unknownName(Diagnostic::Level::Warning, kp, "unknown overlay key " + q(k), k, {"kind", "title", "body", "actions", "variants"}, true);
        }
        m_spec.overlays.push_back(std::move(ov));
    }
}

void Compiler::compileNav() {
    Nav& nav = m_spec.nav;
    auto screenIcon = [&](const std::string& id) -> std::string {
        const Json& s = m_doc["screens"][id];
        auto it = s.find("icon");
        return it != s.end() && it->is_string() ? it->get<std::string>() : "";
    };
    if (auto nv = m_doc.find("nav"); nv != m_doc.end()) {
        if (!nv->is_object()) error("/nav", "nav must be {\"kind\": \"tabs\", \"start\": \"home\", \"items\": [...]}");
        else {
            for (auto& [k, v] : nv->items()) {
                std::string kp = child("/nav", k);
                if (k == "kind") {
                    static const std::vector<std::string> kinds = {"stack", "tabs", "sidebar"};
                    std::string s = v.is_string() ? v.get<std::string>() : "";
                    if (std::find(kinds.begin(), kinds.end(), s) == kinds.end()) unknownName(Diagnostic::Level::Error, kp, "kind must be stack, tabs or sidebar", s, kinds, false);
                    else nav.kind = s;
                } else if (k == "start") {
                    std::string s = v.is_string() ? v.get<std::string>() : "";
                    if (!m_screenIds.count(s)) unknownName(Diagnostic::Level::Error, kp, "start screen " + q(s) + " does not exist", s, {m_screenIds.begin(), m_screenIds.end()}, false);
                    else nav.start = s;
                } else if (k == "items") {
                    if (!v.is_array()) { error(kp, "items must be a list of screen ids"); continue; }
                    for (size_t i = 0; i < v.size(); ++i) {
                        NavItem item;
                        const Json& it = v[i];
                        std::string ip = child(kp, i);
                        if (it.is_string()) item.screen = it.get<std::string>();
                        else if (it.is_object() && it.contains("screen") && it["screen"].is_string()) {
                            item.screen = it["screen"].get<std::string>();
                            if (it.contains("label")) item.label = compileTemplate(it["label"], child(ip, "label"));
                            if (it.contains("icon") && it["icon"].is_string()) item.icon = it["icon"].get<std::string>();
                        } else { error(ip, "a nav item is a screen id or {\"screen\": id, \"label\": ..., \"icon\": ...}"); continue; }
                        if (!m_screenIds.count(item.screen)) {
                            unknownName(Diagnostic::Level::Error, it.is_string() ? ip : child(ip, "screen"), "nav item: no screen named " + q(item.screen), item.screen, {m_screenIds.begin(), m_screenIds.end()}, false);
                            continue;
                        }
                        nav.items.push_back(std::move(item));
                    }
                } else unknownName(Diagnostic::Level::Warning, kp, "unknown nav key " + q(k), k, {"kind", "start", "items"}, true);
            }
        }
    }
    if (nav.start.empty() && !m_spec.screens.empty()) nav.start = nav.items.empty() ? m_spec.screens.front().id : nav.items.front().screen;
    if (nav.kind != "stack" && nav.items.empty())
        for (auto& s : m_spec.screens)
            if (nav.items.size() < 5) nav.items.push_back({s.id, Template(), ""});
    for (auto& item : nav.items) {
        if (!item.label.isLiteral() || !item.label.raw().is_null()) continue;
        const Screen* s = m_spec.screen(item.screen);
        item.label = s ? s->title : Template::literal(item.screen);
    }
    for (auto& item : nav.items)
        if (item.icon.empty()) item.icon = screenIcon(item.screen);
}

//-----------------------------------------------------------------------------
// [SECTION] Validation passes
//-----------------------------------------------------------------------------

// The shape of a "variants" value; what each variant does is validated by compiling it (SpecLoader::loadVariant).
void Compiler::checkVariants(const Json& v, const std::string& ptr) {
    if (!m_checkedVariants.insert(ptr).second) return;
    if (!v.is_object()) {
        error(ptr, "variants must map a variant name to its changes, e.g. {\"B\": {\"button\": \"Try it free\"}}");
        return;
    }
    for (auto& [name, patch] : v.items()) {
        std::string p = child(ptr, name);
        if (name == "A") error(p, "variant name 'A' is reserved for the spec as written; call the alternative B, C, ...");
        else if (!isVariantName(name)) error(p, "variant name " + q(name) + " should be 1 to 24 letters, digits, '-' or '_'");
        else if (!patch.is_object()) error(p, "variant " + q(name) + " should be an object of changes (a JSON merge patch), e.g. {\"button\": \"Try it free\"}");
    }
}

void collectIds(const std::vector<Node>& nodes, bool inRepeat, std::vector<std::pair<std::string, std::string>>& out) {
    for (auto& n : nodes) {
        bool rep = inRepeat || n.repeat || n.isComponent;
        if (!n.id.empty() && !rep) out.push_back({n.id, n.pointer});
        collectIds(n.children, rep, out);
        if (n.repeat) collectIds(n.repeat->empty, true, out);
    }
}

void Compiler::checkIds() {
    std::vector<std::pair<std::string, std::string>> ids;
    for (auto& s : m_spec.screens) { collectIds(s.body, false, ids); collectIds(s.barActions, false, ids); }
    for (auto& o : m_spec.overlays) { collectIds(o.body, false, ids); collectIds(o.actions, false, ids); }
    std::map<std::string, std::string> seen;
    for (auto& [id, ptr] : ids) {
        auto [it, fresh] = seen.insert({id, ptr});
        if (!fresh) error(ptr, "duplicate id " + q(id) + " (also at " + it->second + ")");
    }
}

void Compiler::checkReachability() {
    auto reachable = reachableScreens(m_spec);
    for (auto& s : m_spec.screens)
        if (std::find(reachable.begin(), reachable.end(), s.id) == reachable.end())
            warn(s.pointer, "screen " + q(s.id) + " is unreachable: nothing navigates to it");
}

void Compiler::run() {
    if (!m_doc.is_object()) {
        error("", "a spec must be a JSON object with \"screens\"");
        return;
    }
    m_spec.source = m_doc;
    auto names = [&](const char* key, std::set<std::string>& out) {
        if (auto it = m_doc.find(key); it != m_doc.end() && it->is_object())
            for (auto& [k, v] : it->items()) out.insert(k);
    };
    names("screens", m_screenIds);
    names("overlays", m_overlayIds);
    names("actions", m_actionNames);
    names("mocks", m_mockNames);
    for (auto& id : m_overlayIds)
        if (m_screenIds.count(id)) error(child("/overlays", id), "overlay id " + q(id) + " is also a screen id");
    compileMeta();
    if (auto comps = m_doc.find("components"); comps != m_doc.end()) {
        if (!comps->is_object()) error("/components", "components must map names to {\"params\": {...}, \"body\": node}");
        else
            for (auto& [k, v] : comps->items()) {
                std::string p = child("/components", k);
                if (WidgetCatalog::get().find(k)) { error(p, "component " + q(k) + " has the name of a built-in widget"); continue; }
                ComponentDef c;
                c.name = k;
                c.pointer = p;
                if (!v.is_object() || !v.contains("body")) { error(p, "a component looks like {\"params\": {\"title\": \"\"}, \"body\": {...}}"); continue; }
                c.body = &v["body"];
                if (auto params = v.find("params"); params != v.end()) {
                    if (params->is_object()) for (auto& [pk, pv] : params->items()) c.params.push_back({pk, pv});
                    else if (params->is_array()) for (auto& pk : *params) { if (pk.is_string()) c.params.push_back({pk.get<std::string>(), nullptr}); }
                    else error(child(p, "params"), "params must be an object of defaults");
                }
                m_components.push_back(std::move(c));
            }
    }
    compileActionsAndMocks();
    compileScreens();
    compileOverlays();
    compileNav();
    checkIds();
    if (!m_spec.screens.empty()) checkReachability();
}

std::atomic<size_t> g_compiledDocuments{0};

// One document (a variant already applied, or the spec as written) compiled on its own.
LoadResult compileDocument(const Json& doc, const std::string& file) {
    g_compiledDocuments.fetch_add(1, std::memory_order_relaxed);
    LoadResult r;
    auto spec = std::make_shared<Spec>();
    spec->file = file;
    Compiler(doc, *spec, r.diagnostics).run();
    if (!spec->screens.empty()) r.spec = std::move(spec);
    return r;
}

//-----------------------------------------------------------------------------
// [SECTION] Variants
//-----------------------------------------------------------------------------

bool samePlace(const std::string& ptr, const std::string& base) {  // `ptr` is `base` or inside it
    return ptr.compare(0, base.size(), base) == 0 && (ptr.size() == base.size() || ptr[base.size()] == '/');
}

// The value a JSON Pointer names, or nullptr.
const Json* resolvePointer(const Json& doc, const std::string& ptr) {
    const Json* at = &doc;
    size_t pos = 0;
    while (pos < ptr.size()) {
        if (ptr[pos] != '/') return nullptr;
        size_t end = ptr.find('/', pos + 1);
        if (end == std::string::npos) end = ptr.size();
        std::string token;
        for (size_t i = pos + 1; i < end; ++i) {
            if (ptr[i] == '~' && i + 1 < end) token += ptr[++i] == '1' ? '/' : '~';
            else token += ptr[i];
        }
        pos = end;
        if (at->is_object()) {
            auto it = at->find(token);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos && token.size() < 10) {
            size_t i = std::stoul(token);
            if (i >= at->size()) return nullptr;
            at = &(*at)[i];
        } else return nullptr;
    }
    return at;
}

void clearHint(Diagnostic& d) {
    d.subject.clear();
    d.candidates.clear();
    d.subjectIsKey = false;
}

// A problem found while compiling variant `name` is moved to where that variant is written: the same place inside
// the variant's patch when the patch has it ("/screens/home/body/2/variants/B/buton"), else the variant's entry.
void relocate(Diagnostic& d, const Json& doc, const std::vector<VariantSite>& sites, const std::string& name) {
    d.message = "variant " + name + ": " + d.message;
    std::vector<const VariantSite*> own;  // the places this variant is written
    for (const VariantSite& s : sites)
        if (std::find(s.names.begin(), s.names.end(), name) != s.names.end()) own.push_back(&s);
    // Sites around the problem, innermost first. A node's own patch may have been overwritten by a patch around it
    // (a screen variant that rewrites the body), so the site is the innermost one whose patch has the problem's spot.
    std::vector<const VariantSite*> around;
    for (const VariantSite* s : own)
        if (samePlace(d.pointer, s->pointer)) around.push_back(s);
    std::sort(around.begin(), around.end(), [](const VariantSite* x, const VariantSite* y) { return x->pointer.size() > y->pointer.size(); });
    auto entryOf = [&](const VariantSite* s) { return s->pointer + "/variants/" + escapePointer(name); };
    for (const VariantSite* s : around) {
        if (d.pointer.size() == s->pointer.size()) continue;  // the site itself: its entry is the place
        std::string exact = entryOf(s) + d.pointer.substr(s->pointer.size());
        if (const Json* value = resolvePointer(doc, exact)) {
            // The repair hint still holds here: the same last key, or the same text.
            if (!d.subjectIsKey && !(value->is_string() && value->get<std::string>() == d.subject)) clearHint(d);
            d.pointer = exact;
            return;
        }
    }
    clearHint(d);  // at a variant's entry, the hint's name is no longer the last key
    if (!around.empty()) d.pointer = entryOf(around.front());
    else if (own.size() == 1) d.pointer = entryOf(own.front());  // elsewhere (a duplicate id, ...): its only cause
}

bool sameProblem(const Diagnostic& a, const Diagnostic& b) {
    return a.level == b.level && a.pointer == b.pointer && a.message == b.message;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] SpecLoader
//-----------------------------------------------------------------------------

LoadResult SpecLoader::loadJson(const Json& doc, const std::string& file) { return loadVariant(doc, "A", file); }

size_t SpecLoader::compiledDocuments() { return g_compiledDocuments.load(std::memory_order_relaxed); }

LoadResult SpecLoader::loadVariant(const Json& doc, const std::string& variant, const std::string& file) {
    LoadResult r = compileDocument(doc, file);  // "A", and the shape of every "variants" value
    std::vector<std::string> names = variantNames(doc);
    bool known = std::find(names.begin(), names.end(), variant) != names.end();
    if (!known) {
        std::string all;
        for (auto& n : names) all += (all.empty() ? "" : ", ") + n;
        Diagnostic d = located(Diagnostic::Level::Error, "", "no variant named " + q(variant) + " (this spec has " + all + ")" + didYouMean(closestName(variant, names)));
        d.subject = variant;
        d.candidates = names;
        r.diagnostics.push_back(std::move(d));
    }
    std::shared_ptr<Spec> shown = r.spec;
    if (names.size() > 1) {
        // Every variant is compiled; what it breaks that "A" does not is reported where the variant is written.
        std::vector<VariantSite> sites = variantSites(doc);
        std::vector<Diagnostic> asWritten = r.diagnostics;
        for (size_t i = 1; i < names.size(); ++i) {
            LoadResult v = compileDocument(applyVariant(doc, names[i]), file);
            for (Diagnostic& d : v.diagnostics) {
                if (std::any_of(asWritten.begin(), asWritten.end(), [&](const Diagnostic& a) { return sameProblem(a, d); })) continue;
                relocate(d, doc, sites, names[i]);
                r.diagnostics.push_back(std::move(d));
            }
            if (names[i] == variant) shown = v.spec;
        }
    }
    if (shown) {
        shown->source = doc;  // the document as written, whichever variant is shown
        shown->variants = names;
        shown->variant = known ? variant : "A";
    }
    r.spec = shown;
    return r;
}

LoadResult SpecLoader::loadText(std::string_view text, const std::string& file) {
    Json doc;
    Diagnostic d;
    if (!parseJsonText(text, &doc, &d)) {
        LoadResult r;
        r.diagnostics.push_back(d);
        return r;
    }
    return loadJson(doc, file);
}

LoadResult SpecLoader::loadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult r;
        r.unreadable = true;
        r.diagnostics.push_back(located(Diagnostic::Level::Error, "", "cannot read the file (does it exist?)"));
        return r;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        LoadResult r;
        r.unreadable = true;
        r.diagnostics.push_back(located(Diagnostic::Level::Error, "", "cannot read the file (is it a directory?)"));
        return r;
    }
    return loadText(ss.str(), path);
}

//-----------------------------------------------------------------------------
// [SECTION] Navigation graph
//-----------------------------------------------------------------------------

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

//-----------------------------------------------------------------------------
// [SECTION] Spec lookups
//-----------------------------------------------------------------------------

namespace {

template <class T>
const T* findBy(const std::vector<T>& items, std::string T::*key, std::string_view value) {
    for (auto& item : items)
        if (item.*key == value) return &item;
    return nullptr;
}

} // namespace

const Screen* Spec::screen(std::string_view id) const { return findBy(screens, &Screen::id, id); }
const Overlay* Spec::overlay(std::string_view id) const { return findBy(overlays, &Overlay::id, id); }
const NamedAction* Spec::action(std::string_view name) const { return findBy(actions, &NamedAction::name, name); }
const Mock* Spec::mock(std::string_view name) const { return findBy(mocks, &Mock::name, name); }

const ActionList* Node::actions(std::string_view event) const {
    for (auto& [ev, list] : on) if (ev == event) return &list;
    return nullptr;
}

const Template* ActionStep::arg(std::string_view name) const {
    for (auto& [k, t] : args) if (k == name) return &t;
    return nullptr;
}

} // namespace pt
