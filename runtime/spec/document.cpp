// Promptotype — reading a document as written: node types and child lists. See document.h.

#include "runtime/spec/document.h"

namespace pt {

IsComponent componentsOf(const Json& doc) {
    const Json* components = nullptr;
    if (doc.is_object())
        if (auto it = doc.find("components"); it != doc.end() && it->is_object()) components = &*it;
    return [components](std::string_view name) { return components && components->contains(name); };
}

std::string nodeTypeKey(const Json& node, const IsComponent& isComponent) {
    if (!node.is_object()) return "";
    if (auto t = node.find("type"); t != node.end() && t->is_string()) return "type";
    auto& catalog = WidgetCatalog::get();
    for (auto it = node.begin(); it != node.end(); ++it)
        if (catalog.find(it.key()) || isComponent(it.key())) return it.key();
    for (auto it = node.begin(); it != node.end(); ++it)
        if (it.key() != "type" && !commonProp(it.key())) return it.key();
    return "";
}

NodeType readNodeType(const Json& node, const IsComponent& isComponent) {
    NodeType t;
    t.key = nodeTypeKey(node, isComponent);
    if (t.key.empty()) return t;
    t.name = t.key == "type" ? node.at("type").get<std::string>() : t.key;
    t.def = WidgetCatalog::get().find(t.name);
    return t;
}

std::string keyOfProp(const NodeType& type, const std::string& prop) {
    bool main = type.def && !type.def->primary.empty() && prop == type.def->primary;
    return main && type.key != "type" ? type.key : prop;
}

std::vector<ChildNodes> childNodeKeys(const Json& node, const NodeType& type) {
    std::vector<ChildNodes> lists;
    if (!type.def || !node.is_object()) return lists;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string& k = it.key();
        if (k == "type" && type.key == "type") continue;
        std::string prop = k == type.key ? type.def->primary : k;
        const PropDef* p = type.def->prop(prop);
        if (!p || p->type != PropType::Nodes) continue;
        auto same = std::find_if(lists.begin(), lists.end(), [&](const ChildNodes& c) { return c.prop == prop; });
        if (same != lists.end()) same->key = k;
        else lists.push_back({prop, k});
    }
    return lists;
}

} // namespace pt
