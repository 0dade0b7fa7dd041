// Promptotype — scoring one prototype against a corpus entry (`promptotype eval`): what a machine can check.
//
// The prototype is inspected as `promptotype inspect` does (inspectSpec: every screen and overlay rendered
// headlessly) and scored on:
//   - dead controls and unreachable screens, as inspect reports them;
//   - `term` checks against the visible texts of every screen and overlay: case ignored, `|` separates alternatives
//     (any one is enough), whole words only ("hive" is not found in "archive");
//   - requirements: how many meta.requirements lists and how many are covered (it has ids and every one points at
//     something), against the number of items a numbered request lists ("1. ... 2. ...");
//   - `style` checks a machine can verify: every colour the check names (a CSS keyword or #hex; a hex right after a
//     name is the same colour) must be one of the theme's colours (brand or any other colour key), compared by
//     value or name; "dark mode" / "dark theme" / "night mode" needs theme mode dark; the rest (layouts, fonts,
//     negations such as "no white text") are counted as not machine-checked;
//   - foreign text (eval_foreign_text.h) and the spec's size in tokens (o200k estimate, as inspect counts it).
// The other check kinds (screen, action, data, change) need a person and are only counted.
//
// [SECTION] Results
// [SECTION] Scoring

#pragma once
#include "meeting/eval_corpus.h"
#include "meeting/eval_foreign_text.h"
#include "runtime/spec/spec.h"
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Results
//-----------------------------------------------------------------------------

// One `term` check: whether one of its alternatives is visible.
struct TermCheckResult {
    std::string text;   // "hive|hives"
    bool found = false;
};

enum class StyleVerdict { Met, Missed, NotChecked };
const char* styleVerdictName(StyleVerdict v);  // "met", "missed", "not machine-checked"

// One `style` check.
struct StyleCheckResult {
    std::string text;   // "midnightblue background"
    StyleVerdict verdict = StyleVerdict::NotChecked;
    std::string why;    // for a miss: "midnightblue is not a theme colour (theme: brand #4F7CFF)"
};

// How a change request went.
// Already: the refiner answered that the app already does what was asked (it holds, nothing changed).
enum class ChangeOutcome { None, Applied, Already, Declined, Unchanged, Failed };
const char* changeOutcomeName(ChangeOutcome c);  // "", "applied", "already", "declined", "unchanged", "failed"

// Everything eval knows about one entry: how the run went (filled by the caller) and the scores (scoreSpec).
struct EntryScore {
    std::string id, style;
    // The run
    bool usable = false;          // a spec came back (perhaps with problems)
    std::string error;            // why not, when !usable
    int loadErrors = 0;           // errors left in the spec (0 = valid)
    double ms = 0;                // the generator's answer time; for a change request, the refinement's
    double totalMs = 0;           // the whole pipeline around it too: parsing, repair, writing the spec
    double draftMs = 0;           // change requests: the answer time of drafting the app the request is about
    ChangeOutcome change = ChangeOutcome::None;
    std::string changeMessage;    // the refiner's summary, or why it declined or failed
    std::vector<std::string> shots;  // PNGs written
    // The scores
    int screens = 0, deadControls = 0, unreachable = 0;
    std::vector<TermCheckResult> terms;
    int requirementsListed = 0, requirementsCovered = 0;
    int numberedItems = 0;        // items the request numbers (0: not a numbered request)
    std::vector<StyleCheckResult> styles;
    int otherChecks = 0;          // screen, action, data and change checks: not machine-checked
    std::vector<ForeignWord> foreign;
    int tokens = 0;               // the spec's minified JSON (o200k estimate)

    bool valid() const { return usable && loadErrors == 0; }
    int termsFound() const;
    int requirementsExpected() const { return numberedItems > requirementsListed ? numberedItems : requirementsListed; }
    int stylesMet() const;
    int stylesChecked() const;   // met or missed
};

//-----------------------------------------------------------------------------
// [SECTION] Scoring
//-----------------------------------------------------------------------------

// Inspects `spec` and fills the scores of `score` for `entry`.
void scoreSpec(const CorpusEntry& entry, std::shared_ptr<const Spec> spec, const DomainWords& domainWords, EntryScore* score);

// Whether one of the `|`-separated alternatives is a whole word (or phrase) of one of the texts, case ignored.
bool termFound(std::string_view alternatives, const std::vector<std::string>& texts);
// One `style` check against a compiled spec's theme.
StyleCheckResult checkStyle(std::string_view check, const Spec& spec);

// The entry's run and scores as JSON (one element of eval.json's "entries").
Json entryScoreJson(const EntryScore& score);

} // namespace pt
