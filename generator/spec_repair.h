// Promptotype — SpecRepair: fixes the near-misses models make, so a good answer is not thrown away for a typo.
//
// Driven by the loader's own diagnostics (Diagnostic::subject/candidates/subjectIsKey): an unknown widget,
// prop, event, action, enum value, icon or target screen is mapped to the intended name through the aliases
// of other UI vocabularies (runtime/spec/aliases.h: "TextField" -> "input", "VStack" -> "col", "onClick" ->
// "press") and then closeness. What cannot be mapped is left for the model's repair round or the runtime's
// placeholders.
//
// [SECTION] Repair

#pragma once
#include "runtime/spec/spec_loader.h"
#include <string>
#include <vector>

namespace pt {

// One change made to the document.
struct SpecFix {
    std::string pointer;   // where (JSON Pointer, before the change)
    std::string message;   // "widget 'TextField' -> 'input'"
};

struct SpecRepairResult {
    Json doc;                      // the repaired document
    std::vector<SpecFix> fixes;    // in the order applied
    LoadResult load;               // the final load of `doc` (diagnostics still present after repair)
};

// Loads `doc`, maps near-miss names at the places the diagnostics point to, and reloads, until nothing
// more can be fixed (bounded number of passes). Also fixes shape slips the loader reports: a screen
// body given as a single node, a "screens" array of {"id": ...} objects instead of a map, "children"
// used as the container key. Never throws.
SpecRepairResult repairSpec(const Json& doc, const std::string& file = "");

} // namespace pt
