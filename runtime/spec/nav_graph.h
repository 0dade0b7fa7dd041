// Promptotype — the navigation graph of a compiled spec: which screen (or overlay) leads to which, as written.
// Shared by the loader's reachability warning, inspect, the meeting's flow views and the report.

#pragma once
#include "runtime/spec/spec.h"
#include <string>
#include <vector>

namespace pt {

// A way from one screen (or overlay) to another, as written in the spec.
struct NavEdge {
    std::string from;     // screen or overlay id
    std::string to;       // screen or overlay id
    const Node* node;     // the node whose event leads there (nullptr for nav items and onEnter)
    std::string via;      // nav item label when node is null
};

std::vector<NavEdge> navEdges(const Spec& spec);                 // every static navigate/open/go target
std::vector<std::string> reachableScreens(const Spec& spec);     // from the start screen and nav items

} // namespace pt
