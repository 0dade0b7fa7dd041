// Promptotype — SpecRepair implementation.
//
// The loader already knows every place a name is wrong and what would be valid there; repair only
// decides which valid name was meant and edits the document in place, then lets the loader look again
// (a fixed widget type exposes its props to validation on the next pass).
//
// [SECTION] Choosing the intended name
// [SECTION] Editing the document at a pointer
// [SECTION] Shape slips
// [SECTION] Repair loop

#include "generator/spec_repair.h"
#include "runtime/spec/aliases.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/document.h"
#include <algorithm>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Choosing the intended name
//-----------------------------------------------------------------------------

// The valid name `subject` most likely meant, or "" to leave it alone:
// (1) the same name written differently ("Primary", "line-chart"), (2) a synonym from another
// vocabulary, (3) a close spelling ("Buton") whose first letter matches: a typo rarely hits the
// first letter, and names that differ there are usually different words ("xl" is not "sm").
std::string intendedName(const std::string& subject, const std::vector<std::string>& candidates) {
    std::string n = normalizedName(subject);
    if (n.empty()) return "";
    for (auto& c : candidates)
        if (normalizedName(c) == n) return c;
    for (auto& target : aliasTargets(n))
        for (auto& c : candidates)
            if (c == target) return c;
    std::string close = closestName(subject, candidates);
    if (!close.empty() && normalizedName(close).front() == n.front()) return close;
    return "";
}

// What kind of name a diagnostic is about, for the fix message: "widget", "prop", "event", "target", "value".
std::string nameKind(const Diagnostic& d) {
    const std::string& m = d.message;
    if (m.rfind("unknown ", 0) == 0) {
        size_t quote = m.find('\'');
        std::string kind = m.substr(8, quote == std::string::npos ? std::string::npos : quote - 8);
        while (!kind.empty() && kind.back() == ' ') kind.pop_back();
        return kind;
    }
    if (m.find("has no event") != std::string::npos) return "event";
    if (m.find(" no screen") != std::string::npos || m.find(" no overlay") != std::string::npos || m.find(" no action") != std::string::npos ||
        m.find(" no mock") != std::string::npos || m.find("start screen") != std::string::npos)
        return "target";
    return "value";
}

//-----------------------------------------------------------------------------
// [SECTION] Editing the document at a pointer
//-----------------------------------------------------------------------------

// The JSON value at `pointer`, or nullptr when the pointer is malformed or leads nowhere.
Json* resolve(Json& doc, const std::string& pointer) {
    try {
        Json::json_pointer p(pointer);
        return doc.contains(p) ? &doc.at(p) : nullptr;
    } catch (const std::exception&) {
        return nullptr;
    }
}

// Renames `from` to `to` in `object`, keeping the member's position (a node's first key is its type).
void renameKey(Json& object, const std::string& from, const std::string& to) {
    Json renamed = Json::object();
    for (auto it = object.begin(); it != object.end(); ++it) renamed[it.key() == from ? to : it.key()] = std::move(it.value());
    object = std::move(renamed);
}

bool valueFits(PropType type, const Json& v) {
    if (v.is_string() && v.get_ref<const std::string&>().find("${") != std::string::npos) return true;
    switch (type) {
    case PropType::String: case PropType::Color: case PropType::Icon: return !v.is_object() && !v.is_array();
    case PropType::Number: return v.is_number() || v.is_string();
    case PropType::Bool: return v.is_boolean();
    case PropType::Enum: case PropType::Tone: return v.is_string();
    case PropType::Array: return v.is_array();
    case PropType::Object: return v.is_object();
    case PropType::Nodes: return v.is_array() || v.is_object() || v.is_string();
    case PropType::Any: return true;
    }
    return true;
}

// Whether `node` can take the member `from` renamed to `to`: not when the widget already sets `to`
// through its type key ({"button": "Save"} sets label), nor when the value does not fit the prop
// ("style": {...} is not a button variant) — a rename must not trade a warning for an error.
bool renameFits(const Json& node, const std::string& from, const std::string& to, const IsComponent& isComponent) {
    NodeType type = readNodeType(node, isComponent);
    if (!type.def) return true;
    if (keyOfProp(type, to) != to) return false;  // `to` is the main prop, already set through the type key
    if (const PropDef* p = type.def->prop(to)) return valueFits(p->type, node[from]);
    return true;
}

// Applies one name fix; false when the document no longer matches the diagnostic or the new name
// would overwrite a member that is already there.
bool applyName(Json& doc, const Diagnostic& d, const std::string& name) {
    if (d.subjectIsKey) {
        size_t slash = d.pointer.rfind('/');
        if (slash == std::string::npos) return false;
        Json* parent = resolve(doc, d.pointer.substr(0, slash));
        if (!parent || !parent->is_object() || !parent->contains(d.subject) || parent->contains(name) || !renameFits(*parent, d.subject, name, componentsOf(doc))) return false;
        renameKey(*parent, d.subject, name);
        return true;
    }
    Json* value = resolve(doc, d.pointer);
    if (!value || !value->is_string() || value->get<std::string>() != d.subject) return false;
    *value = name;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Shape slips
//-----------------------------------------------------------------------------

// "screens": [{"id": "home", ...}] -> "screens": {"home": {...}} (same for overlays).
void keyArrayById(Json& doc, const char* section, std::vector<SpecFix>* fixes) {
    auto it = doc.find(section);
    if (it == doc.end() || !it->is_array()) return;
    Json map = Json::object();
    for (size_t i = 0; i < it->size(); ++i) {
        Json item = (*it)[i];
        std::string id;
        if (item.is_object())
            for (const char* idKey : {"id", "name", "key", "route"})
                if (auto k = item.find(idKey); k != item.end() && k->is_string() && !k->get<std::string>().empty()) {
                    id = k->get<std::string>();
                    item.erase(idKey);
                    break;
                }
        if (id.empty() || map.contains(id)) id = std::string(section, std::string(section).size() - 1) + std::to_string(i + 1);
        map[id] = std::move(item);
    }
    fixes->push_back({std::string("/") + section, std::string(section) + " given as an array -> an object keyed by id"});
    *it = std::move(map);
}

// A screen written as a node or a list of nodes ({"col": [...]}, [{...}]) -> {"body": ...}.
void wrapScreenBodies(Json& doc, std::vector<SpecFix>* fixes) {
    auto screens = doc.find("screens");
    if (screens == doc.end() || !screens->is_object()) return;
    static const std::vector<std::string> screenKeys = {"title", "icon", "bar", "onEnter"};
    for (auto it = screens->begin(); it != screens->end(); ++it) {
        Json& s = it.value();
        std::string ptr = childPointer("/screens", it.key());
        if (s.is_array()) {
            s = Json{{"body", std::move(s)}};
            fixes->push_back({ptr, "screen '" + it.key() + "' given as a list of nodes -> its body"});
            continue;
        }
        if (!s.is_object() || s.contains("body")) continue;
        bool isNode = s.contains("type");
        for (auto& [k, v] : s.items()) isNode = isNode || WidgetCatalog::get().find(k) != nullptr;
        if (!isNode) continue;
        Json screen = Json::object(), node = Json::object();
        for (auto m = s.begin(); m != s.end(); ++m) {
            bool screenKey = std::find(screenKeys.begin(), screenKeys.end(), m.key()) != screenKeys.end();
            (screenKey ? screen : node)[m.key()] = std::move(m.value());
        }
        screen["body"] = std::move(node);
        s = std::move(screen);
        fixes->push_back({ptr, "screen '" + it.key() + "' given as a single node -> its body"});
    }
}

// Node shapes of other vocabularies, everywhere under `node`:
// A2UI {"id": "t", "component": "Text"} -> {"id": "t", "type": "Text"} (the name is mapped on the next load);
// React {"type": "button", "props": {"label": "Save"}} -> {"type": "button", "label": "Save"}.
void normalizeNodeShapes(Json& node, const std::string& ptr, std::vector<SpecFix>* fixes, int depth) {
    if (depth > SpecLoader::kMaxDepth) return;
    if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i) normalizeNodeShapes(node[i], ptr + "/" + std::to_string(i), fixes, depth + 1);
        return;
    }
    if (!node.is_object()) return;
    if (auto c = node.find("component"); c != node.end() && c->is_string() && !node.contains("type")) {
        renameKey(node, "component", "type");
        fixes->push_back({childPointer(ptr, "component"), "A2UI 'component' -> 'type'"});
    }
    if (node.contains("type"))
        for (const char* wrapper : {"props", "properties", "attributes", "attrs"}) {
            auto w = node.find(wrapper);
            if (w == node.end() || !w->is_object()) continue;
            Json flat = Json::object();
            for (auto m = node.begin(); m != node.end(); ++m) {
                if (m.key() != wrapper) { if (!flat.contains(m.key())) flat[m.key()] = std::move(m.value()); continue; }
                for (auto p = m->begin(); p != m->end(); ++p)
                    if (!node.contains(p.key()) && !flat.contains(p.key())) flat[p.key()] = std::move(p.value());
            }
            node = std::move(flat);
            fixes->push_back({childPointer(ptr, wrapper), std::string("moved the members of '") + wrapper + "' into the node"});
        }
    for (auto m = node.begin(); m != node.end(); ++m) normalizeNodeShapes(m.value(), childPointer(ptr, m.key()), fixes, depth + 1);
}

void fixShapes(Json& doc, std::vector<SpecFix>* fixes) {
    if (!doc.is_object()) return;
    keyArrayById(doc, "screens", fixes);
    keyArrayById(doc, "overlays", fixes);
    wrapScreenBodies(doc, fixes);
    for (const char* section : {"screens", "overlays", "components"})  // not state: its objects are data
        if (auto it = doc.find(section); it != doc.end()) normalizeNodeShapes(*it, std::string("/") + section, fixes, 0);
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Repair loop
//-----------------------------------------------------------------------------

SpecRepairResult repairSpec(const Json& doc, const std::string& file) {
    constexpr int kMaxPasses = 8;  // each pass can only reveal names nested under the ones it fixed
    SpecRepairResult r;
    r.doc = doc;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        size_t before = r.fixes.size();
        fixShapes(r.doc, &r.fixes);
        r.load = SpecLoader::loadJson(r.doc, file);
        // Deepest pointers first: renaming a key changes the pointers of everything under it.
        std::vector<const Diagnostic*> named;
        for (auto& d : r.load.diagnostics)
            if (!d.subject.empty() && !d.candidates.empty()) named.push_back(&d);
        std::stable_sort(named.begin(), named.end(), [](const Diagnostic* a, const Diagnostic* b) { return a->pointer > b->pointer; });
        for (const Diagnostic* d : named) {
            std::string name = intendedName(d->subject, d->candidates);
            if (name.empty() || name == d->subject) continue;
            if (applyName(r.doc, *d, name)) r.fixes.push_back({d->pointer, nameKind(*d) + " '" + d->subject + "' -> '" + name + "'"});
        }
        if (r.fixes.size() == before) return r;
    }
    r.load = SpecLoader::loadJson(r.doc, file);
    return r;
}

} // namespace pt
