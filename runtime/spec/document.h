// Promptotype — reading a document as written: which key names a node's widget, which keys hold its child nodes,
// and a walk over every screen, overlay and node with its JSON Pointer.
//
// The loader, variants, the diff, the refiner and the repairer read raw nodes through these, so they agree on what
// a node is: {"type": "item", "icon": "x"} is an item (whose icon is "x") for all of them.
//
// [SECTION] Node types
// [SECTION] Child nodes
// [SECTION] Walking a document

#pragma once
#include "runtime/spec/catalog.h"
#include "runtime/spec/json_text.h"
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Node types
//-----------------------------------------------------------------------------

// Whether a name is one of the document's components (which read as node types, like widget names).
using IsComponent = std::function<bool(std::string_view name)>;
IsComponent componentsOf(const Json& doc);  // the test for the components `doc` declares (`doc` must outlive it)

// The key that names a node's widget type: "type" (when text), else the first key naming a widget or a component,
// else the first key that is not a common node key; "" when there is none.
std::string nodeTypeKey(const Json& node, const IsComponent& isComponent);

// What a raw node is, read by nodeTypeKey's rule.
struct NodeType {
    std::string key;                 // the key naming the type ("button", or "type"); "" when there is none
    std::string name;                // widget or component name ("button"); "" when there is none
    const WidgetDef* def = nullptr;  // the widget, or null (a component, an unknown name)
};
NodeType readNodeType(const Json& node, const IsComponent& isComponent);

//-----------------------------------------------------------------------------
// [SECTION] Child nodes
//-----------------------------------------------------------------------------

// Where a node keeps one list of child nodes.
struct ChildNodes {
    std::string prop;  // the widget's prop of type Nodes they fill ("children")
    std::string key;   // the key they are written under: the type key for the main prop ({"col": [...]}), else `prop`
};

// The key a node writes its widget's prop `prop` under: the type key for the main prop ({"col": [...]} holds
// children), else the prop's own name.
std::string keyOfProp(const NodeType& type, const std::string& prop);

// The keys of a widget node that hold child nodes, in the order written. A prop written twice (under the type key
// and under its own name) counts once, at the later key, as the loader compiles it. Empty for other nodes.
std::vector<ChildNodes> childNodeKeys(const Json& node, const NodeType& type);

//-----------------------------------------------------------------------------
// [SECTION] Walking a document
//-----------------------------------------------------------------------------

enum class SiteKind { Screen, Overlay, Node };

// The screen, overlay or component a visited site belongs to.
struct WalkPlace {
    std::string section;  // "screens", "overlays" or "components"
    std::string id;       // its id (a component's name)
    std::string pointer;  // "/screens/home"
};

// Visits every screen, overlay and node of `doc` (a Json or a const Json) in document order: each screen and
// overlay, then the nodes of its lists (screens: body, bar; overlays: body, actions), then component bodies. A node
// is visited before its child lists and its repeat's "empty" are read, so a visit may rewrite the node. `visit(kind,
// site, pointer, place)` returns false to end the walk. Nodes deeper than the loader compiles (64) are not visited.
template <class J, class Visit>
void walkDocument(J& doc, Visit&& visit);

//-----------------------------------------------------------------------------
// Implementation of walkDocument
//-----------------------------------------------------------------------------

namespace document_walk {

constexpr int kMaxDepth = (int)limits::kNodeDepth.value;  // the loader's node depth limit: deeper nodes are placeholders

template <class J, class Visit>
bool walkNode(J& node, const std::string& ptr, const WalkPlace& place, const IsComponent& isComponent, Visit& visit, int depth);

// A node list: an array of nodes, or one node.
template <class J, class Visit>
bool walkList(J& list, const std::string& ptr, const WalkPlace& place, const IsComponent& isComponent, Visit& visit, int depth) {
    if (depth > kMaxDepth) return true;
    if (list.is_array()) {
        for (size_t i = 0; i < list.size(); ++i)
            if (!walkNode(list[i], childPointer(ptr, i), place, isComponent, visit, depth)) return false;
        return true;
    }
    return walkNode(list, ptr, place, isComponent, visit, depth);
}

template <class J, class Visit>
bool walkNode(J& node, const std::string& ptr, const WalkPlace& place, const IsComponent& isComponent, Visit& visit, int depth) {
    if (!node.is_object()) return true;
    if (!visit(SiteKind::Node, node, ptr, place)) return false;
    std::vector<ChildNodes> lists = childNodeKeys(node, readNodeType(node, isComponent));
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string& k = it.key();
        bool holdsChildren = std::any_of(lists.begin(), lists.end(), [&](const ChildNodes& c) { return c.key == k; });
        if (holdsChildren) {
            if (!walkList(it.value(), childPointer(ptr, k), place, isComponent, visit, depth + 1)) return false;
        } else if (k == "repeat" && it->is_object()) {
            if (auto empty = it->find("empty"); empty != it->end())
                if (!walkList(*empty, ptr + "/repeat/empty", place, isComponent, visit, depth + 1)) return false;
        }
    }
    return true;
}

} // namespace document_walk

template <class J, class Visit>
void walkDocument(J& doc, Visit&& visit) {
    if (!doc.is_object()) return;
    IsComponent isComponent = componentsOf(doc);
    struct Section { const char* name; bool isSite; SiteKind kind; std::vector<const char*> lists; };  // isSite: the entry is visited too
    static const Section sections[] = {{"screens", true, SiteKind::Screen, {"body", "bar"}},
                                       {"overlays", true, SiteKind::Overlay, {"body", "actions"}},
                                       {"components", false, SiteKind::Node, {"body"}}};
    for (const Section& section : sections) {
        auto entries = doc.find(section.name);
        if (entries == doc.end() || !entries->is_object()) continue;
        for (auto it = entries->begin(); it != entries->end(); ++it) {
            if (!it->is_object()) continue;
            WalkPlace place{section.name, it.key(), childPointer(std::string("/") + section.name, it.key())};
            if (section.isSite && !visit(section.kind, it.value(), place.pointer, place)) return;
            for (const char* key : section.lists)
                if (auto list = it->find(key); list != it->end())
                    if (!document_walk::walkList(*list, childPointer(place.pointer, key), place, isComponent, visit, 0)) return;
        }
    }
}

} // namespace pt
