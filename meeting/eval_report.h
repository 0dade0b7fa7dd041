// Promptotype — what `promptotype eval` prints and writes: one table line per entry, a summary per style, eval.json.
//
// Per style (and "all"): entries, valid specs, dead controls and unreachable screens (totals), term recall (terms
// found / term checks), requirements covered (covered / expected, where expected is the larger of the listed and
// the numbered items), style checks met / machine-checked, change requests applied / asked, entries showing
// foreign text, and the median generation time.
//
// [SECTION] Summary
// [SECTION] Table and JSON

#pragma once
#include "meeting/eval_score.h"
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Summary
//-----------------------------------------------------------------------------

// The scores of one style's entries (or of all of them) added up.
struct StyleSummary {
    std::string style;            // as in the corpus, or "all"
    int entries = 0, valid = 0;
    int deadControls = 0, unreachable = 0;
    int termsFound = 0, terms = 0;
    int requirementsCovered = 0, requirementsExpected = 0;
    int stylesMet = 0, stylesChecked = 0, stylesNotChecked = 0;
    int changesApplied = 0, changesAlready = 0, changes = 0;  // already: the app did it before (shown "applied+already/n")
    int withForeignText = 0;
    double medianMs = 0;
};

// One summary per style in the order styles first appear, then "all".
std::vector<StyleSummary> summarizeByStyle(const std::vector<EntryScore>& scores);

//-----------------------------------------------------------------------------
// [SECTION] Table and JSON
//-----------------------------------------------------------------------------

std::string entryTableHeader();                  // the column names of entryTableLine, with a newline
std::string entryTableLine(const EntryScore& s);  // "d001  one-liner  valid  5 scr  0 dead ..." with a newline
std::string styleTable(const std::vector<StyleSummary>& summaries);  // the per-style table, header included

// eval.json: {"corpus", "generator", "entries": [...], "styles": [...]} (entries as entryScoreJson).
Json evalJson(const std::string& corpus, const std::string& generator, const std::vector<EntryScore>& scores,
              const std::vector<StyleSummary>& summaries);

} // namespace pt
