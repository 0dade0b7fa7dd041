// Promptotype — Variants implementation: where variants are written, their names, and the document as one shows it.
//
// [SECTION] Names and node types
// [SECTION] Walking screens, overlays and nodes
// [SECTION] Variants

#include "runtime/spec/variants.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/catalog.h"
#include <algorithm>
#include <cctype>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Names and node types
//-----------------------------------------------------------------------------

bool isVariantName(std::string_view name) {
    if (name.empty() || name.size() > 24 || name == "A") return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum((unsigned char)c) || c == '-' || c == '_'; });
}

std::string nodeTypeKey(const Json& node, const std::function<bool(std::string_view)>& isComponent) {
    if (!node.is_object()) return "";
    if (auto t = node.find("type"); t != node.end() && t->is_string()) return "type";
    auto& catalog = WidgetCatalog::get();
    for (auto it = node.begin(); it != node.end(); ++it)
        if (catalog.find(it.key()) || isComponent(it.key())) return it.key();
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string& k = it.key();
        bool common = k == "type" || std::any_of(commonProps().begin(), commonProps().end(),
                                                 [&](const PropDef& p) { return p.name == k; });
        if (!common) return k;
    }
    return "";
}

namespace {

// The type a node's type key names: the value of "type", else the key itself.
std::string typeNamed(const Json& node, const std::string& typeKey) {
    if (typeKey != "type") return typeKey;
    return node.find("type")->get<std::string>();
}

//-----------------------------------------------------------------------------
// [SECTION] Walking screens, overlays and nodes
//-----------------------------------------------------------------------------

enum class SiteKind { Screen, Overlay, Node };

// What a walk needs besides the tree: the document's component names and the screen/overlay being walked.
struct WalkContext {
    const Json* components = nullptr;   // the document's "components" object, or null
    std::string owner;                  // screen or overlay id ("" inside a component body)

    bool isComponent(std::string_view name) const { return components && components->contains(name); }
    std::function<bool(std::string_view)> componentTest() const {
        return [this](std::string_view name) { return isComponent(name); };
    }
};

constexpr int kMaxWalkDepth = 64;  // the loader's node depth limit: deeper nodes are placeholders

// Visits every node of a node list (an array, a single node, or a bare text string) and the nodes inside them.
// `visit(kind, site, pointer, context)` runs on a node before its children are found, so it may rewrite it.
template <class J, class Visit>
void walkNode(J& node, const std::string& ptr, const WalkContext& cx, Visit& visit, int depth);

template <class J, class Visit>
void walkNodes(J& list, const std::string& ptr, const WalkContext& cx, Visit& visit, int depth) {
    if (depth > kMaxWalkDepth) return;
    if (list.is_array())
        for (size_t i = 0; i < list.size(); ++i) walkNode(list[i], ptr + "/" + std::to_string(i), cx, visit, depth);
    else if (list.is_object())
        walkNode(list, ptr, cx, visit, depth);
}

template <class J, class Visit>
void walkNode(J& node, const std::string& ptr, const WalkContext& cx, Visit& visit, int depth) {
    if (!node.is_object()) return;
    visit(SiteKind::Node, node, ptr, cx);
    std::string typeKey = nodeTypeKey(node, cx.componentTest());
    const WidgetDef* def = typeKey.empty() ? nullptr : WidgetCatalog::get().find(typeNamed(node, typeKey));
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string& k = it.key();
        std::string prop = k == typeKey ? (def ? def->primary : "") : k;
        const PropDef* pd = def ? def->prop(prop) : nullptr;
        if (pd && pd->type == PropType::Nodes) walkNodes(it.value(), childPointer(ptr, k), cx, visit, depth + 1);
        else if (k == "repeat" && it->is_object())
            if (auto empty = it->find("empty"); empty != it->end()) walkNodes(*empty, ptr + "/repeat/empty", cx, visit, depth + 1);
    }
}

// Every screen, overlay and node of a document as written, in document order (component bodies last).
template <class J, class Visit>
void walkDocument(J& doc, Visit visit) {
    if (!doc.is_object()) return;
    WalkContext cx;
    if (auto comps = doc.find("components"); comps != doc.end() && comps->is_object()) cx.components = &*comps;
    auto walkGroup = [&](const char* group, SiteKind kind, std::initializer_list<const char*> nodeKeys) {
        auto items = doc.find(group);
        if (items == doc.end() || !items->is_object()) return;
        for (auto it = items->begin(); it != items->end(); ++it) {
            if (!it->is_object()) continue;
            std::string ptr = childPointer(std::string("/") + group, it.key());
            cx.owner = it.key();
            visit(kind, it.value(), ptr, cx);
            for (const char* key : nodeKeys)
                if (auto list = it->find(key); list != it->end() && !list->is_boolean()) walkNodes(*list, childPointer(ptr, key), cx, visit, 0);
        }
    };
    walkGroup("screens", SiteKind::Screen, {"body", "bar"});
    walkGroup("overlays", SiteKind::Overlay, {"body", "actions"});
    if (cx.components) {
        auto& comps = *doc.find("components");
        cx.owner.clear();
        for (auto it = comps.begin(); it != comps.end(); ++it) {
            if (!it->is_object()) continue;
            if (auto body = it->find("body"); body != it->end())
                walkNodes(*body, childPointer("/components/" + escapePointer(it.key()), "body"), cx, visit, 0);
        }
    }
}

// "screen today", "overlay confirmDelete", "button 'Start trial' (#cta)".
std::string describeSite(SiteKind kind, const Json& site, const WalkContext& cx) {
    if (kind == SiteKind::Screen) return "screen " + cx.owner;
    if (kind == SiteKind::Overlay) return "overlay " + cx.owner;
    std::string typeKey = nodeTypeKey(site, cx.componentTest());
    std::string what = typeKey.empty() ? "node" : typeNamed(site, typeKey);
    if (!typeKey.empty() && typeKey != "type")
        if (const Json& value = site.at(typeKey); value.is_string() && value.get<std::string>().size() <= 40)
            what += " '" + value.get<std::string>() + "'";
    if (auto id = site.find("id"); id != site.end() && id->is_string()) what += " (#" + id->get<std::string>() + ")";
    return what;
}

// A node patch naming another widget type ({"chips": [...]} over a select) replaces the node's type: the old type
// key and its props go, id and layout keys stay. A key that is also a prop of the current type ("icon" on a
// button) is that prop, not a new type; {"type": "icon"} says it without doubt.
void patchNode(Json& node, const Json& patch, const WalkContext& cx) {
    std::string oldKey = nodeTypeKey(node, cx.componentTest());
    std::string oldType = oldKey.empty() ? "" : typeNamed(node, oldKey);
    const WidgetDef* oldDef = WidgetCatalog::get().find(oldType);
    const Json* oldParams = nullptr;
    if (cx.isComponent(oldType))
        if (auto c = cx.components->find(oldType); c->is_object())
            if (auto p = c->find("params"); p != c->end()) oldParams = &*p;
    auto ownKey = [&](const std::string& k) {
        return (oldDef && (oldDef->prop(k) || std::count(oldDef->events.begin(), oldDef->events.end(), k))) ||
               (oldParams && oldParams->is_object() && oldParams->contains(k));
    };
    std::string newKey;
    if (auto t = patch.find("type"); t != patch.end() && t->is_string()) {
        if (t->get<std::string>() != oldType) newKey = "type";
    } else {
        for (auto it = patch.begin(); it != patch.end() && newKey.empty(); ++it) {
            const std::string& k = it.key();
            if (k != oldType && (WidgetCatalog::get().find(k) || cx.isComponent(k)) && !ownKey(k)) newKey = k;
        }
    }
    if (newKey.empty()) {
        node.merge_patch(patch);
        return;
    }
    Json kept = Json::object();
    for (const char* k : {"id", "grow", "w", "h", "align"})
        if (auto v = node.find(k); v != node.end()) kept[k] = *v;
    Json rest = patch;
    rest.erase(newKey);
    kept.merge_patch(rest);
    Json replaced = Json::object();
    replaced[newKey] = patch.at(newKey);  // first, so it names the type (kept as written, even a component's null)
    for (auto it = kept.begin(); it != kept.end(); ++it) replaced[it.key()] = it.value();
    node = std::move(replaced);
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Variants
//-----------------------------------------------------------------------------

std::vector<VariantSite> variantSites(const Json& doc) {
    std::vector<VariantSite> sites;
    walkDocument(doc, [&](SiteKind kind, const Json& site, const std::string& ptr, const WalkContext& cx) {
        auto variants = site.find("variants");
        if (variants == site.end()) return;
        VariantSite s;
        s.pointer = ptr;
        s.what = describeSite(kind, site, cx);
        s.screen = cx.owner;
        if (variants->is_object())
            for (auto it = variants->begin(); it != variants->end(); ++it) s.names.push_back(it.key());
        sites.push_back(std::move(s));
    });
    return sites;
}

std::vector<std::string> variantNames(const Json& doc) {
    std::vector<std::string> names;
    for (const VariantSite& s : variantSites(doc))
        for (const std::string& n : s.names)
            if (isVariantName(n)) names.push_back(n);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    names.insert(names.begin(), "A");
    return names;
}

Json applyVariant(const Json& doc, const std::string& name) {
    Json out = doc;
    walkDocument(out, [&](SiteKind kind, Json& site, const std::string&, const WalkContext& cx) {
        auto variants = site.find("variants");
        if (variants == site.end()) return;
        Json all = std::move(*variants);
        site.erase("variants");
        auto patch = all.is_object() ? all.find(name) : all.end();
        if (name == "A" || !all.is_object() || patch == all.end() || !patch->is_object()) return;
        if (kind == SiteKind::Node) patchNode(site, *patch, cx);
        else site.merge_patch(*patch);
        site.erase("variants");  // a patch does not bring variants of its own
    });
    return out;
}

} // namespace pt
