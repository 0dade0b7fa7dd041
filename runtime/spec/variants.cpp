// Promptotype — Variants implementation: where variants are written, their names, and the document as one shows it.
//
// [SECTION] Names and sites
// [SECTION] Variants

#include "runtime/spec/variants.h"
#include "runtime/spec/document.h"
#include <algorithm>
#include <cctype>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Names and sites
//-----------------------------------------------------------------------------

bool isVariantName(std::string_view name) {
    if (name.empty() || name.size() > 24 || name == "A") return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum((unsigned char)c) || c == '-' || c == '_'; });
}

namespace {

// "screen today", "overlay confirmDelete", "button 'Start trial' (#cta)".
std::string describeSite(SiteKind kind, const Json& site, const WalkPlace& place, const IsComponent& isComponent) {
    if (kind == SiteKind::Screen) return "screen " + place.id;
    if (kind == SiteKind::Overlay) return "overlay " + place.id;
    NodeType type = readNodeType(site, isComponent);
    std::string what = type.key.empty() ? "node" : type.name;
    if (!type.key.empty() && type.key != "type")
        if (const Json& value = site.at(type.key); value.is_string() && value.get<std::string>().size() <= 40)
            what += " '" + value.get<std::string>() + "'";
    if (auto id = site.find("id"); id != site.end() && id->is_string()) what += " (#" + id->get<std::string>() + ")";
    return what;
}

// A node patch naming another widget type ({"chips": [...]} over a select) replaces the node's type: the old type
// key and its props go, id and layout keys stay. A key that is also a prop of the current type ("icon" on a
// button) is that prop, not a new type; {"type": "icon"} says it without doubt.
void patchNode(Json& node, const Json& patch, const Json& components) {
    IsComponent isComponent = [&](std::string_view name) { return components.is_object() && components.contains(name); };
    NodeType old = readNodeType(node, isComponent);
    const std::string& oldType = old.name;
    const WidgetDef* oldDef = old.def;
    const Json* oldParams = nullptr;
    if (isComponent(oldType))
        if (auto c = components.find(oldType); c->is_object())
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
            if (k != oldType && (WidgetCatalog::get().find(k) || isComponent(k)) && !ownKey(k)) newKey = k;
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
    IsComponent isComponent = componentsOf(doc);
    walkDocument(doc, [&](SiteKind kind, const Json& site, const std::string& ptr, const WalkPlace& place) {
        auto variants = site.find("variants");
        if (variants == site.end()) return true;
        VariantSite s;
        s.pointer = ptr;
        s.what = describeSite(kind, site, place, isComponent);
        s.screen = place.section == "components" ? "" : place.id;
        if (variants->is_object())
            for (auto it = variants->begin(); it != variants->end(); ++it) s.names.push_back(it.key());
        sites.push_back(std::move(s));
        return true;
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
    static const Json none;
    const Json& components = out.is_object() && out.contains("components") ? out["components"] : none;  // patches leave its params as they are
    walkDocument(out, [&](SiteKind kind, Json& site, const std::string&, const WalkPlace&) {
        auto variants = site.find("variants");
        if (variants == site.end()) return true;
        Json all = std::move(*variants);
        site.erase("variants");
        auto patch = all.is_object() ? all.find(name) : all.end();
        if (name == "A" || !all.is_object() || patch == all.end() || !patch->is_object()) return true;
        if (kind == SiteKind::Node) patchNode(site, *patch, components);
        else site.merge_patch(*patch);
        site.erase("variants");  // a patch does not bring variants of its own
        return true;
    });
    return out;
}

} // namespace pt
