// Promptotype — requirements traced to widgets. See requirements.h.

#include "runtime/spec/requirements.h"
#include <map>

namespace pt {

namespace {

// Where an id is: the first place it is written, with the screen or overlay around it.
struct IdPlace {
    std::string screen;
    const Node* node = nullptr;
    bool overlay = false;
};

// Every node id (inside repeats and component bodies too: the node is there, once per instance).
void collectNodeIds(const std::vector<Node>& nodes, const std::string& screen, bool overlay, std::map<std::string, IdPlace>& out) {
    for (const Node& n : nodes) {
        if (!n.id.empty()) out.insert({n.id, IdPlace{screen, &n, overlay}});
        collectNodeIds(n.children, screen, overlay, out);
        if (n.repeat) collectNodeIds(n.repeat->empty, screen, overlay, out);
    }
}

std::map<std::string, IdPlace> idPlaces(const Spec& spec) {
    std::map<std::string, IdPlace> places;
    for (const Screen& s : spec.screens) places.insert({s.id, IdPlace{s.id, nullptr, false}});
    for (const Overlay& o : spec.overlays) places.insert({o.id, IdPlace{o.id, nullptr, true}});
    for (const Screen& s : spec.screens) {
        collectNodeIds(s.body, s.id, false, places);
        collectNodeIds(s.barActions, s.id, false, places);
    }
    for (const Overlay& o : spec.overlays) {
        collectNodeIds(o.body, o.id, true, places);
        collectNodeIds(o.actions, o.id, true, places);
    }
    return places;
}

} // namespace

bool TracedRequirement::covered() const {
    for (const RequirementPlace& p : places)
        if (!p.screen.empty()) return true;
    return false;
}

std::vector<TracedRequirement> traceRequirements(const Spec& spec) {
    std::vector<TracedRequirement> out;
    if (spec.requirements.empty()) return out;
    std::map<std::string, IdPlace> places = idPlaces(spec);
    for (const Requirement& r : spec.requirements) {
        TracedRequirement t{&r, {}};
        for (const std::string& id : r.ids) {
            auto it = places.find(id);
            if (it == places.end()) t.places.push_back({id, "", nullptr, false});
            else t.places.push_back({id, it->second.screen, it->second.node, it->second.overlay});
        }
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<std::string> traceableIds(const Spec& spec) {
    std::vector<std::string> ids;
    for (auto& [id, place] : idPlaces(spec)) ids.push_back(id);
    return ids;
}

const char* placeKind(const RequirementPlace& place) {
    if (place.screen.empty()) return "missing";
    if (place.node) return "node";
    return place.overlay ? "overlay" : "screen";
}

Json requirementsJson(const std::vector<TracedRequirement>& traced) {
    Json out = Json::array();
    for (const TracedRequirement& t : traced) {
        Json ids = Json::array();
        for (const RequirementPlace& p : t.places)
            ids.push_back(Json{{"id", p.id}, {"kind", placeKind(p)}, {"screen", p.screen.empty() ? Json() : Json(p.screen)}});
        out.push_back(Json{{"text", t.requirement->text}, {"status", t.covered() ? "covered" : "uncovered"}, {"ids", ids}});
    }
    return out;
}

Json requirementProblemsJson(const std::vector<TracedRequirement>& traced) {
    Json out = Json::array();
    for (const TracedRequirement& t : traced) {
        const Requirement& r = *t.requirement;
        if (r.ids.empty()) out.push_back(Json{{"pointer", r.pointer}, {"text", r.text}, {"problem", "no ids: nothing in the prototype is traced to it"}});
        for (size_t j = 0; j < t.places.size(); ++j)
            if (t.places[j].screen.empty())
                out.push_back(Json{{"pointer", r.pointer + "/ids/" + std::to_string(j)}, {"text", r.text},
                                   {"problem", "id '" + t.places[j].id + "' points at nothing"}});
    }
    return out;
}

} // namespace pt
