// Promptotype — SpecDiff: compare two spec documents area by area and widget by widget; say it in words.
//
// Node lists are matched in three passes: same id, then identical content (so an insertion does not shift
// every later sibling into "changed"), then same type in order. Matched nodes out of their relative order
// are "moved"; a node whose id is unique in its area on both sides and sits under another parent is
// "moved" too (from one parent to another) instead of removed + added.
//
// [SECTION] Values (display, order-blind equality, pointers)
// [SECTION] Nodes (type, name, props, child lists)
// [SECTION] Differ: node lists
// [SECTION] Differ: areas (app, screens, overlays, components, actions, mocks)
// [SECTION] Formatting helpers
// [SECTION] Public API

#include "runtime/spec/spec_diff.h"
#include "runtime/spec/document.h"
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Values (display, order-blind equality, pointers)
//-----------------------------------------------------------------------------

constexpr size_t kValueWidth = 60;  // values in details are cut to about this many bytes
constexpr size_t kLabelWidth = 40;  // labels in widget names
constexpr size_t kMaxDetails = 8;   // details per change; the rest are counted
constexpr int kMaxDepth = 64;       // deeper nesting is compared as a whole, so hostile input cannot exhaust the stack

std::string elide(const std::string& s, size_t width) {
    if (s.size() <= width) return s;
    size_t cut = width - 3;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) --cut;  // never split a UTF-8 sequence
    return s.substr(0, cut) + "...";
}

std::string dumpJson(const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string compact(const Json& v) { return elide(dumpJson(v), kValueWidth); }

// Key order is how an author wrote it, not what it means: {"a":1,"b":2} equals {"b":2,"a":1}.
bool sameValue(const Json& a, const Json& b, int depth = 0) {
    if (depth > kMaxDepth) return a == b;
    if (a.is_object() && b.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto& [k, v] : a.items()) {
            auto it = b.find(k);
            if (it == b.end() || !sameValue(v, *it, depth + 1)) return false;
        }
        return true;
    }
    if (a.is_array() && b.is_array()) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i)
            if (!sameValue(a[i], b[i], depth + 1)) return false;
        return true;
    }
    return a == b;
}

const Json* member(const Json& obj, const std::string& key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

// Where two values differ, by path: "title: \"A\" -> \"B\"", "+ options[2]: \"Weekly\"", "- tone", "[0].done: ...";
// just "old -> new" at the top when the values are plain. Arrays drop their common start and end first, so one
// inserted or removed element reads as one detail.
void valueDetails(const Json& b, const Json& a, const std::string& path, std::vector<std::string>& details, int depth = 0) {
    auto index = [&](size_t i) { return path + "[" + std::to_string(i) + "]"; };
    if (depth < kMaxDepth && b.is_object() && a.is_object()) {
        for (auto& [k, v] : a.items()) {
            const Json* old = member(b, k);
            std::string sub = path.empty() ? k : path + "." + k;
            if (!old) details.push_back("+ " + sub + ": " + compact(v));
            else if (!sameValue(*old, v)) valueDetails(*old, v, sub, details, depth + 1);
        }
        for (auto& [k, v] : b.items())
            if (!member(a, k)) details.push_back("- " + (path.empty() ? k : path + "." + k));
        return;
    }
    if (depth < kMaxDepth && b.is_array() && a.is_array()) {
        size_t head = 0, tail = 0;
        while (head < b.size() && head < a.size() && sameValue(b[head], a[head])) ++head;
        while (tail < b.size() - head && tail < a.size() - head && sameValue(b[b.size() - 1 - tail], a[a.size() - 1 - tail])) ++tail;
        size_t nb = b.size() - head - tail, na = a.size() - head - tail;
        for (size_t i = head; i < head + std::max(nb, na); ++i) {
            if (i - head < nb && i - head < na) valueDetails(b[i], a[i], index(i), details, depth + 1);
            else if (i - head < na) details.push_back("+ " + index(i) + ": " + compact(a[i]));
            else details.push_back("- " + index(i) + ": " + compact(b[i]));
        }
        return;
    }
    details.push_back((path.empty() ? "" : path + ": ") + compact(b) + " -> " + compact(a));
}

//-----------------------------------------------------------------------------
// [SECTION] Nodes (type, name, props, child lists)
//-----------------------------------------------------------------------------

// One node as the diff sees it: its type (read as the loader reads it, document.h), id, plain props and child lists.
struct NodeView {
    const Json* raw = nullptr;
    std::string pointer;
    std::string type;     // widget or component name; "text" for a bare string; "" when it cannot be told
    std::string id;
    std::string primary;  // the prop the type key's value fills ("label" for a button)
    std::vector<std::pair<std::string, const Json*>> props;  // by prop name, the type key's value under `primary`
    struct ChildList { std::string prop, key; const Json* list; };
    std::vector<ChildList> children;  // child node lists: prop name, the key they are written under, the value
};

// What one document knows that a node's meaning depends on: its components and their first param.
struct DocInfo {
    std::map<std::string, std::string> components;  // name -> first param ("" when none)
    explicit DocInfo(const Json& doc) {
        const Json* comps = member(doc, "components");
        if (!comps || !comps->is_object()) return;
        for (auto& [name, c] : comps->items()) {
            std::string first;
            if (const Json* params = member(c, "params")) {
                if (params->is_object() && !params->empty()) first = params->begin().key();
                else if (params->is_array() && !params->empty() && (*params)[0].is_string()) first = (*params)[0].get<std::string>();
            }
            components[name] = first;
        }
    }
};

void setEntry(std::vector<std::pair<std::string, const Json*>>& props, const std::string& name, const Json* v) {
    for (auto& p : props)
        if (p.first == name) { p.second = v; return; }  // a key written twice: the later one counts, as in the loader
    props.push_back({name, v});
}

NodeView viewNode(const Json& raw, const std::string& ptr, const DocInfo& doc) {
    NodeView n;
    n.raw = &raw;
    n.pointer = ptr;
    if (raw.is_string()) {  // a bare string in a list is a text node
        n.type = n.primary = "text";
        n.props.push_back({"text", &raw});
        return n;
    }
    if (!raw.is_object()) {
        n.primary = "value";
        n.props.push_back({"value", &raw});
        return n;
    }
    NodeType type = readNodeType(raw, [&](std::string_view name) { return doc.components.count(std::string(name)) > 0; });
    const std::string& typeKey = type.key;
    const WidgetDef* def = type.def;
    n.type = type.name;
    if (auto i = raw.find("id"); i != raw.end() && i->is_string()) n.id = i->get<std::string>();
    auto comp = doc.components.find(n.type);
    n.primary = def && !def->primary.empty() ? def->primary
              : !def && comp != doc.components.end() && !comp->second.empty() ? comp->second : typeKey;
    for (const ChildNodes& c : childNodeKeys(raw, type)) n.children.push_back({c.prop, c.key, &raw.at(c.key)});
    for (auto& [k, v] : raw.items()) {
        if (k == "type" && typeKey == "type") continue;
        std::string name = k == typeKey ? n.primary : k;
        const PropDef* p = def ? def->prop(name) : nullptr;
        if (!p || p->type != PropType::Nodes) setEntry(n.props, name, &v);
    }
    return n;
}

const Json* propOf(const NodeView& n, const std::string& name) {
    for (auto& p : n.props)
        if (p.first == name) return p.second;
    return nullptr;
}

// "button 'Save' (#save)": type, its visible label, its id.
std::string nodeName(const NodeView& n) {
    std::string s = n.type.empty() ? "node" : n.type;
    for (const std::string& key : {n.primary, std::string("title"), std::string("label")}) {
        const Json* v = propOf(n, key);
        if (!v || !v->is_string() || v->get_ref<const std::string&>().empty()) continue;
        std::string label = v->get<std::string>();
        std::replace(label.begin(), label.end(), '\n', ' ');
        s += " '" + elide(label, kLabelWidth) + "'";
        break;
    }
    if (!n.id.empty()) s += " (#" + n.id + ")";
    return s;
}

// A body, bar, actions or children value as nodes: a list, one node, or none (null, booleans).
std::vector<NodeView> viewList(const Json* list, const std::string& ptr, const DocInfo& doc) {
    std::vector<NodeView> out;
    if (!list || list->is_null() || list->is_boolean()) return out;
    if (!list->is_array()) {
        out.push_back(viewNode(*list, ptr, doc));
        return out;
    }
    for (size_t i = 0; i < list->size(); ++i) out.push_back(viewNode((*list)[i], childPointer(ptr, i), doc));
    return out;
}

// Flags the elements of one longest increasing run of `seq`: matched nodes that kept their relative order.
std::vector<bool> inOrder(const std::vector<int>& seq) {
    std::vector<int> tails, prev(seq.size(), -1);  // tails: index in seq of the smallest tail of each run length
    for (size_t k = 0; k < seq.size(); ++k) {
        auto pos = std::lower_bound(tails.begin(), tails.end(), seq[k], [&](int t, int v) { return seq[t] < v; });
        if (pos != tails.begin()) prev[k] = *(pos - 1);
        if (pos == tails.end()) tails.push_back((int)k);
        else *pos = (int)k;
    }
    std::vector<bool> keep(seq.size(), false);
    for (int k = tails.empty() ? -1 : tails.back(); k >= 0; k = prev[k]) keep[k] = true;
    return keep;
}

//-----------------------------------------------------------------------------
// [SECTION] Differ: node lists
//-----------------------------------------------------------------------------

// Where each id sits in one area (screen, overlay, component) of one document.
struct IdSite {
    const Json* raw = nullptr;
    std::string pointer, parent;  // parent: the containing node's name, or "body" / "bar" / "actions"
    int count = 0;                // more than 1: a duplicate id, never treated as a move
};
using IdIndex = std::unordered_map<std::string, IdSite>;

class Differ {
public:
    Differ(const Json& before, const Json& after) : m_before(before), m_after(after), m_beforeDoc(before), m_afterDoc(after) {}
    std::vector<SpecChange> run();

private:
    void emit(const std::string& area, const char* kind, std::string what, std::string pointer, std::vector<std::string> details = {}) {
        if (details.size() > kMaxDetails) {
            size_t more = details.size() - (kMaxDetails - 1);
            details.resize(kMaxDetails - 1);
            details.push_back("... and " + std::to_string(more) + " more");
        }
        m_out.push_back({area, kind, std::move(what), std::move(pointer), std::move(details)});
    }
    void indexList(IdIndex& index, const Json* list, const std::string& ptr, const std::string& parent, const DocInfo& doc, int depth);
    bool movedId(const std::string& id) const;
    void compareLists(const Json* bl, const std::string& bp, const Json* al, const std::string& ap, const std::string& bParent,
                      const std::string& aParent, int depth);
    void compareNodes(const NodeView& b, const NodeView& a, const std::string& move, int depth);
    void compareMovedIn(const NodeView& a, const std::string& aParent, int depth);
    void scanAdded(const NodeView& a, int depth);

    void compareSection(const std::string& key, const std::string& area, const std::string& namePrefix, const std::string& nameSuffix);
    void compareOtherKeys();
    void compareAreas(const std::string& section, const std::string& word);
    void compareArea(const std::string& section, const std::string& word, const std::string& id, const Json& b, const Json& a);

    const Json& m_before;
    const Json& m_after;
    DocInfo m_beforeDoc, m_afterDoc;
    std::vector<SpecChange> m_out;
    std::string m_area;                   // area being compared
    IdIndex m_beforeIds, m_afterIds;      // ids of the area being compared
};

void Differ::indexList(IdIndex& index, const Json* list, const std::string& ptr, const std::string& parent, const DocInfo& doc, int depth) {
    if (depth > kMaxDepth) return;
    for (const NodeView& n : viewList(list, ptr, doc)) {
        if (!n.id.empty()) {
            IdSite& site = index[n.id];
            if (site.count++ == 0) site = {n.raw, n.pointer, parent, 1};
        }
        for (auto& c : n.children) indexList(index, c.list, childPointer(n.pointer, c.key), nodeName(n), doc, depth + 1);
    }
}

// An id found exactly once in the area on both sides: wherever its node went, it is the same node.
bool Differ::movedId(const std::string& id) const {
    if (id.empty()) return false;
    auto b = m_beforeIds.find(id), a = m_afterIds.find(id);
    return b != m_beforeIds.end() && a != m_afterIds.end() && b->second.count == 1 && a->second.count == 1;
}

void Differ::compareLists(const Json* bl, const std::string& bp, const Json* al, const std::string& ap, const std::string& bParent,
                          const std::string& aParent, int depth) {
    if (depth > kMaxDepth) {
        if (!sameValue(bl ? *bl : Json(), al ? *al : Json())) emit(m_area, "changed", aParent, ap, {"widgets nested too deep to compare"});
        return;
    }
    std::vector<NodeView> bs = viewList(bl, bp, m_beforeDoc), as = viewList(al, ap, m_afterDoc);
    std::vector<int> matchOf(as.size(), -1);
    std::vector<bool> taken(bs.size(), false);
    auto pair = [&](size_t j, size_t i) { matchOf[j] = (int)i; taken[i] = true; };

    std::unordered_map<std::string, size_t> byId;  // 1. same id
    for (size_t i = 0; i < bs.size(); ++i)
        if (!bs[i].id.empty()) byId.emplace(bs[i].id, i);
    for (size_t j = 0; j < as.size(); ++j) {
        auto it = as[j].id.empty() ? byId.end() : byId.find(as[j].id);
        if (it != byId.end() && !taken[it->second]) pair(j, it->second);
    }
    std::unordered_map<std::string, std::vector<size_t>> byContent;  // 2. identical content, in order
    for (size_t i = 0; i < bs.size(); ++i)
        if (!taken[i]) byContent[dumpJson(*bs[i].raw)].push_back(i);
    for (size_t j = 0; j < as.size(); ++j) {
        if (matchOf[j] >= 0) continue;
        auto it = byContent.find(dumpJson(*as[j].raw));
        if (it == byContent.end()) continue;
        auto free = std::find_if(it->second.begin(), it->second.end(), [&](size_t i) { return !taken[i]; });
        if (free != it->second.end()) pair(j, *free);
    }
    std::map<std::string, std::vector<size_t>> byType;  // 3. same type, in order (nodes that moved elsewhere sit out)
    for (size_t i = 0; i < bs.size(); ++i)
        if (!taken[i] && !movedId(bs[i].id)) byType[bs[i].type].push_back(i);
    std::map<std::string, size_t> nextOfType;
    for (size_t j = 0; j < as.size(); ++j) {
        if (matchOf[j] >= 0 || movedId(as[j].id)) continue;
        auto it = byType.find(as[j].type);
        size_t& next = nextOfType[as[j].type];
        if (it != byType.end() && next < it->second.size()) pair(j, it->second[next++]);
    }

    for (size_t i = 0; i < bs.size(); ++i)
        if (!taken[i] && !movedId(bs[i].id))
            emit(m_area, "removed", nodeName(bs[i]), bs[i].pointer, bParent == "body" ? std::vector<std::string>{} : std::vector<std::string>{"in " + bParent});
    std::vector<int> seq;
    for (int i : matchOf)
        if (i >= 0) seq.push_back(i);
    std::vector<bool> kept = inOrder(seq);
    size_t k = 0;
    for (size_t j = 0; j < as.size(); ++j) {
        if (int i = matchOf[j]; i >= 0) {
            std::string move = kept[k++] ? "" : "position " + std::to_string(i + 1) + " -> " + std::to_string(j + 1);
            compareNodes(bs[i], as[j], move, depth);
        } else if (movedId(as[j].id)) {
            compareMovedIn(as[j], aParent, depth);
        } else {
            emit(m_area, "added", nodeName(as[j]), as[j].pointer, aParent == "body" ? std::vector<std::string>{} : std::vector<std::string>{"in " + aParent});
            scanAdded(as[j], depth);
        }
    }
}

// One matched pair: a "changed" (or "moved") entry with per-prop details, then their child lists.
void Differ::compareNodes(const NodeView& b, const NodeView& a, const std::string& move, int depth) {
    std::vector<std::string> details;
    if (!move.empty()) details.push_back(move);
    if (b.type != a.type) details.push_back("type: " + (b.type.empty() ? "?" : b.type) + " -> " + (a.type.empty() ? "?" : a.type));
    for (auto& [name, v] : a.props) {
        const Json* old = propOf(b, name);
        if (!old) details.push_back("+ " + name + ": " + compact(*v));
        else if (!sameValue(*old, *v)) valueDetails(*old, *v, name, details);
    }
    for (auto& [name, v] : b.props)
        if (!propOf(a, name)) details.push_back("- " + name);
    if (!details.empty()) emit(m_area, move.empty() ? "changed" : "moved", nodeName(b), a.pointer, std::move(details));

    std::string bName = nodeName(b), aName = nodeName(a);
    for (auto& c : a.children) {
        auto bc = std::find_if(b.children.begin(), b.children.end(), [&](const NodeView::ChildList& x) { return x.prop == c.prop; });
        bool both = bc != b.children.end();
        compareLists(both ? bc->list : nullptr, both ? childPointer(b.pointer, bc->key) : b.pointer, c.list, childPointer(a.pointer, c.key),
                     bName, aName, depth + 1);
    }
    for (auto& bc : b.children)
        if (std::none_of(a.children.begin(), a.children.end(), [&](const NodeView::ChildList& x) { return x.prop == bc.prop; }))
            compareLists(bc.list, childPointer(b.pointer, bc.key), nullptr, a.pointer, bName, aName, depth + 1);
}

// A node whose id now sits under another parent: compared with where it was.
void Differ::compareMovedIn(const NodeView& a, const std::string& aParent, int depth) {
    const IdSite& site = m_beforeIds.at(a.id);
    compareNodes(viewNode(*site.raw, site.pointer, m_beforeDoc), a, "from " + site.parent + " to " + aParent, depth);
}

// Inside a new node, nodes that came from elsewhere are moves, not part of the addition.
void Differ::scanAdded(const NodeView& a, int depth) {
    if (depth > kMaxDepth) return;
    std::string name = nodeName(a);
    for (auto& c : a.children)
        for (const NodeView& n : viewList(c.list, childPointer(a.pointer, c.key), m_afterDoc)) {
            if (movedId(n.id)) compareMovedIn(n, name, depth + 1);
            else scanAdded(n, depth + 1);
        }
}

//-----------------------------------------------------------------------------
// [SECTION] Differ: areas (app, screens, overlays, components, actions, mocks)
//-----------------------------------------------------------------------------

// An object of named entries (theme keys, state keys, actions, mocks): one change per entry.
void Differ::compareSection(const std::string& key, const std::string& area, const std::string& namePrefix, const std::string& nameSuffix) {
    const Json* b = member(m_before, key);
    const Json* a = member(m_after, key);
    std::string ptr = childPointer("", key);
    if ((b && !b->is_object()) || (a && !a->is_object())) {  // malformed: compared as one value
        if (!a) emit(area, "removed", key, ptr);
        else if (!b) emit(area, "added", key, ptr, {compact(*a)});
        else if (!sameValue(*b, *a)) emit(area, "changed", key, ptr, {compact(*b) + " -> " + compact(*a)});
        return;
    }
    const Json none = Json::object();
    const Json& bo = b ? *b : none;
    const Json& ao = a ? *a : none;
    for (auto& [k, v] : ao.items()) {
        const Json* old = member(bo, k);
        if (!old) emit(area, "added", namePrefix + k + nameSuffix, childPointer(ptr, k), {compact(v)});
        else if (!sameValue(*old, v)) {
            std::vector<std::string> details;
            valueDetails(*old, v, "", details);
            emit(area, "changed", namePrefix + k + nameSuffix, childPointer(ptr, k), std::move(details));
        }
    }
    for (auto& [k, v] : bo.items())
        if (!member(ao, k)) emit(area, "removed", namePrefix + k + nameSuffix, childPointer(ptr, k));
}

const std::set<std::string>& knownTopKeys() {
    static const std::set<std::string> keys = {"meta", "theme", "nav", "state", "screens", "overlays", "components", "actions", "mocks"};
    return keys;
}

// Top-level keys outside the known sections ("spec", or anything else an author wrote).
void Differ::compareOtherKeys() {
    for (auto& [k, v] : m_after.items()) {
        if (knownTopKeys().count(k)) continue;
        const Json* old = member(m_before, k);
        if (!old) emit("app", "added", "key '" + k + "'", childPointer("", k), {compact(v)});
        else if (!sameValue(*old, v)) emit("app", "changed", "key '" + k + "'", childPointer("", k), {compact(*old) + " -> " + compact(v)});
    }
    for (auto& [k, v] : m_before.items())
        if (!knownTopKeys().count(k) && !member(m_after, k)) emit("app", "removed", "key '" + k + "'", childPointer("", k));
}

// "screen 'Settings'": the title when it is plain text, else the id.
std::string areaName(const std::string& word, const std::string& id, const Json& obj) {
    const Json* title = member(obj, "title");
    bool plain = title && title->is_string() && !title->get_ref<const std::string&>().empty() &&
                 title->get_ref<const std::string&>().find("${") == std::string::npos;
    return word + " '" + elide(plain ? title->get<std::string>() : id, kLabelWidth) + "'";
}

void Differ::compareAreas(const std::string& section, const std::string& word) {
    const Json* b = member(m_before, section);
    const Json* a = member(m_after, section);
    if ((b && !b->is_object()) || (a && !a->is_object())) {
        if (!b || !a || !sameValue(*b, *a))
            emit("app", !a ? "removed" : !b ? "added" : "changed", section, childPointer("", section),
                 a && b ? std::vector<std::string>{compact(*b) + " -> " + compact(*a)} : std::vector<std::string>{});
        return;
    }
    const Json none = Json::object();
    const Json& bo = b ? *b : none;
    const Json& ao = a ? *a : none;
    for (auto& [id, v] : ao.items()) {
        if (const Json* old = member(bo, id)) compareArea(section, word, id, *old, v);
        else emit(word + " " + id, "added", areaName(word, id, v), childPointer(childPointer("", section), id));
    }
    for (auto& [id, v] : bo.items())
        if (!member(ao, id)) emit(word + " " + id, "removed", areaName(word, id, v), childPointer(childPointer("", section), id));
}

void Differ::compareArea(const std::string& section, const std::string& word, const std::string& id, const Json& b, const Json& a) {
    m_area = word + " " + id;
    std::string ptr = childPointer(childPointer("", section), id);
    if (!b.is_object() || !a.is_object()) {
        if (!sameValue(b, a)) emit(m_area, "changed", areaName(word, id, a), ptr, {compact(b) + " -> " + compact(a)});
        return;
    }
    // Which keys hold widgets: screens have body and bar (when bar is a list), overlays body and actions.
    std::vector<std::string> lists = {"body"};
    if (section == "overlays") lists.push_back("actions");
    auto isList = [](const Json* v) { return v && (v->is_array() || v->is_object()); };
    if (section == "screens" && (isList(member(b, "bar")) || isList(member(a, "bar")))) lists.push_back("bar");
    auto holdsWidgets = [&](const std::string& k) { return std::find(lists.begin(), lists.end(), k) != lists.end(); };

    std::vector<std::string> details;
    Json bOwn = Json::object(), aOwn = Json::object();
    for (auto& [k, v] : b.items()) if (!holdsWidgets(k)) bOwn[k] = v;
    for (auto& [k, v] : a.items()) if (!holdsWidgets(k)) aOwn[k] = v;
    if (!sameValue(bOwn, aOwn)) {
        valueDetails(bOwn, aOwn, "", details);
        emit(m_area, "changed", areaName(word, id, b), ptr, std::move(details));
    }
    m_beforeIds.clear();
    m_afterIds.clear();
    for (auto& k : lists) {
        indexList(m_beforeIds, member(b, k), childPointer(ptr, k), k, m_beforeDoc, 0);
        indexList(m_afterIds, member(a, k), childPointer(ptr, k), k, m_afterDoc, 0);
    }
    for (auto& k : lists) compareLists(member(b, k), childPointer(ptr, k), member(a, k), childPointer(ptr, k), k, k, 0);
}

std::vector<SpecChange> Differ::run() {
    if (!m_before.is_object() || !m_after.is_object()) {
        if (!sameValue(m_before, m_after)) emit("app", "changed", "document", "", {compact(m_before) + " -> " + compact(m_after)});
        return std::move(m_out);
    }
    compareSection("meta", "app", "meta ", "");
    compareSection("theme", "app", "theme ", "");
    compareSection("nav", "app", "nav ", "");
    compareSection("state", "app", "state key '", "'");
    compareOtherKeys();
    compareAreas("screens", "screen");
    compareAreas("overlays", "overlay");
    compareAreas("components", "component");
    compareSection("actions", "actions", "action '", "'");
    compareSection("mocks", "mocks", "mock '", "'");
    return std::move(m_out);
}

//-----------------------------------------------------------------------------
// [SECTION] Formatting helpers
//-----------------------------------------------------------------------------

const char* kindSign(const std::string& kind) {
    return kind == "added" ? "+" : kind == "removed" ? "-" : kind == "moved" ? ">" : "~";
}

// Areas in order of first appearance, each with its changes in order.
std::vector<std::pair<std::string, std::vector<const SpecChange*>>> byArea(const std::vector<SpecChange>& changes) {
    std::vector<std::pair<std::string, std::vector<const SpecChange*>>> groups;
    for (auto& c : changes) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](auto& g) { return g.first == c.area; });
        if (it == groups.end()) it = groups.insert(groups.end(), {c.area, {}});
        it->second.push_back(&c);
    }
    return groups;
}

// A whole screen, overlay or component added or removed (its pointer is "/screens/ID").
bool isWholeArea(const SpecChange& c) {
    if (c.kind != "added" && c.kind != "removed") return false;
    for (const char* section : {"/screens/", "/overlays/", "/components/"}) {
        std::string s = section;
        if (c.pointer.compare(0, s.size(), s) == 0 && c.pointer.find('/', s.size()) == std::string::npos) return true;
    }
    return false;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Public API
//-----------------------------------------------------------------------------

std::vector<SpecChange> compareSpecs(const Json& before, const Json& after) { return Differ(before, after).run(); }

std::string formatChanges(const std::vector<SpecChange>& changes) {
    if (changes.empty()) return "no changes\n";
    constexpr size_t kInlineWidth = 100;  // details longer than this go one per line
    std::string out;
    for (auto& [area, list] : byArea(changes)) {
        out += area + "\n";
        for (const SpecChange* c : list) {
            std::string line = std::string("  ") + kindSign(c->kind) + " " + c->what, joined;
            for (auto& d : c->details) joined += (joined.empty() ? "" : "; ") + d;
            if (!joined.empty() && line.size() + joined.size() <= kInlineWidth) line += ": " + joined;
            else
                for (auto& d : c->details) line += "\n      " + d;
            out += line + "\n";
        }
    }
    return out;
}

std::string summarizeChanges(const std::vector<SpecChange>& changes) {
    if (changes.empty()) return "no changes";
    constexpr size_t kMaxParts = 4;
    std::vector<std::string> parts;  // whole screens (and overlays, components) added or removed lead
    auto groups = byArea(changes);
    for (auto& [area, list] : groups)
        if (list.size() == 1 && isWholeArea(*list.front())) parts.push_back((list.front()->kind == "added" ? "new " : "removed ") + area);
    for (auto& [area, list] : groups) {
        if (list.size() == 1 && isWholeArea(*list.front())) continue;
        std::string counts;
        for (const char* kind : {"changed", "added", "removed", "moved"}) {
            long n = std::count_if(list.begin(), list.end(), [&](const SpecChange* c) { return c->kind == kind; });
            if (n) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
        }
        bool screen = area.compare(0, 7, "screen ") == 0;
        parts.push_back(counts + (screen ? " on " + area.substr(7) : " in " + area));
    }
    std::string out;
    for (size_t i = 0; i < parts.size() && i < kMaxParts; ++i) out += (i ? "; " : "") + parts[i];
    if (parts.size() > kMaxParts) out += "; and " + std::to_string(parts.size() - kMaxParts) + " more";
    return out;
}

} // namespace pt
