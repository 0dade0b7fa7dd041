// Promptotype — SpecDiff: what changed between two versions of a spec, per screen, in words.
//
// Widgets are matched by spec id first, then by position among their siblings of the same type, so a renamed
// button reads as "changed label", not "removed + added". Used by `promptotype diff`, refinement summaries,
// the timeline and the report.
//
// [SECTION] Changes
// [SECTION] Comparing and formatting

#pragma once
#include "runtime/spec/expr.h"
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Changes
//-----------------------------------------------------------------------------

// One change, e.g. {area "screen today", kind "changed", what "button 'Save' (#save)", details {"label: \"Save\" -> \"Save habit\""}}.
struct SpecChange {
    std::string area;                  // "app" (meta, theme, nav, state), "screen ID", "overlay ID", "component NAME", "actions", "mocks"
    std::string kind;                  // "added", "removed", "changed", "moved"
    std::string what;                  // human name: "screen 'Settings'", "button 'Save' (#save)", "state key 'habits'", "theme brand"
    std::string pointer;               // JSON Pointer in the newer document (the older one for removals)
    std::vector<std::string> details;  // per prop: "label: \"Save\" -> \"Save habit\"", "+ icon: \"plus\"", "- tone"
};

//-----------------------------------------------------------------------------
// [SECTION] Comparing and formatting
//-----------------------------------------------------------------------------

// Every change from `before` to `after` (any JSON: malformed parts are compared as plain values, never thrown on).
std::vector<SpecChange> compareSpecs(const Json& before, const Json& after);

// Readable text grouped by area (one heading per screen), e.g.
//   screen today
//     ~ button 'Save' (#save): label "Save" -> "Save habit"
//     + switch 'Dark mode' (#dark_mode)
// "no changes" when the list is empty.
std::string formatChanges(const std::vector<SpecChange>& changes);

// One line for timelines and refinement results: "2 changed, 1 added on today; new screen share".
std::string summarizeChanges(const std::vector<SpecChange>& changes);

} // namespace pt
