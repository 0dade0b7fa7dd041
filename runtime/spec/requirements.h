// Promptotype — requirements traced to widgets: where each id of meta.requirements points in a compiled spec.
// Shared by the loader's warning for ids that point at nothing, inspect, the presenter panel and the report,
// so they all agree on what "covered" means.

#pragma once
#include "runtime/spec/spec.h"
#include <string>
#include <vector>

namespace pt {

// Where one id of a requirement points.
struct RequirementPlace {
    std::string id;      // as written in the requirement
    std::string screen;  // the screen or overlay that shows it (the id itself for a screen or overlay id); "" when it points at nothing
    const Node* node;    // the node with that id (first written one), nullptr for screen and overlay ids or nothing
    bool overlay;        // `screen` is an overlay id
};

// One requirement with every id resolved.
struct TracedRequirement {
    const Requirement* requirement;
    std::vector<RequirementPlace> places;  // one per id, in the order written
    bool covered() const;                  // at least one id points at something
};

std::vector<TracedRequirement> traceRequirements(const Spec& spec);  // every requirement of meta.requirements, in order
std::vector<std::string> traceableIds(const Spec& spec);  // every id a requirement may name: screens, overlays, nodes (sorted)
const char* placeKind(const RequirementPlace& place);   // "node", "screen", "overlay" or "missing"

// As data, for inspect and the report: [{"text", "status": "covered"|"uncovered", "ids": [{"id", "kind", "screen"}]}].
Json requirementsJson(const std::vector<TracedRequirement>& traced);
// What a reader should fix: [{"pointer", "text", "problem"}] for requirements with no ids and ids that point at nothing.
Json requirementProblemsJson(const std::vector<TracedRequirement>& traced);

} // namespace pt
