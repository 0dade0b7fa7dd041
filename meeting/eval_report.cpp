// Promptotype — what `promptotype eval` prints and writes. See eval_report.h.
//
// [SECTION] Summary
// [SECTION] Table and JSON

#include "meeting/eval_report.h"
#include <algorithm>
#include <cstdio>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Summary
//-----------------------------------------------------------------------------

namespace {

void add(StyleSummary& sum, const EntryScore& s) {
    ++sum.entries;
    sum.valid += s.valid();
    sum.deadControls += s.deadControls;
    sum.unreachable += s.unreachable;
    sum.termsFound += s.termsFound();
    sum.terms += (int)s.terms.size();
    sum.requirementsCovered += s.requirementsCovered;
    sum.requirementsExpected += s.requirementsExpected();
    sum.stylesMet += s.stylesMet();
    sum.stylesChecked += s.stylesChecked();
    sum.stylesNotChecked += (int)s.styles.size() - s.stylesChecked();
    sum.changesApplied += s.change == ChangeOutcome::Applied;
    sum.changesAlready += s.change == ChangeOutcome::Already;
    sum.changes += s.change != ChangeOutcome::None;
    sum.withForeignText += !s.foreign.empty();
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

std::vector<StyleSummary> summarizeByStyle(const std::vector<EntryScore>& scores) {
    std::vector<StyleSummary> out;
    std::vector<std::vector<double>> times;
    StyleSummary all;
    all.style = "all";
    std::vector<double> allTimes;
    for (const EntryScore& s : scores) {
        auto it = std::find_if(out.begin(), out.end(), [&](const StyleSummary& sum) { return sum.style == s.style; });
        if (it == out.end()) {
            out.push_back(StyleSummary{});
            out.back().style = s.style;
            times.emplace_back();
            it = out.end() - 1;
        }
        add(*it, s);
        add(all, s);
        times[it - out.begin()].push_back(s.ms);
        allTimes.push_back(s.ms);
    }
    for (size_t i = 0; i < out.size(); ++i) out[i].medianMs = median(times[i]);
    all.medianMs = median(allTimes);
    out.push_back(all);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Table and JSON
//-----------------------------------------------------------------------------

namespace {

// "7/8", or "-" when there is nothing to count.
std::string ratio(int part, int whole) { return whole ? std::to_string(part) + "/" + std::to_string(whole) : "-"; }

// "0.92 (110/120)", or "-".
std::string rate(int part, int whole) {
    if (!whole) return "-";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f (%d/%d)", (double)part / whole, part, whole);
    return buf;
}

} // namespace

std::string entryTableHeader() {
    char buf[200];
    std::snprintf(buf, sizeof buf, "%-10s %-15s %-7s %4s %4s %5s %6s %6s %6s %-10s %7s %8s %7s\n", "id", "style", "valid", "scr", "dead",
                  "unrch", "terms", "reqs", "style", "change", "foreign", "ms", "tokens");
    return buf;
}

std::string entryTableLine(const EntryScore& s) {
    char buf[400];
    const char* change = s.change == ChangeOutcome::None ? "-" : changeOutcomeName(s.change);
    std::string validity = s.valid() ? "yes" : s.usable ? std::to_string(s.loadErrors) + " err" : "FAILED";
    std::snprintf(buf, sizeof buf, "%-10s %-15s %-7s %4d %4d %5d %6s %6s %6s %-10s %7d %8.1f %7d\n", s.id.c_str(), s.style.c_str(),
                  validity.c_str(), s.screens, s.deadControls, s.unreachable, ratio(s.termsFound(), (int)s.terms.size()).c_str(),
                  ratio(s.requirementsCovered, s.requirementsExpected()).c_str(), ratio(s.stylesMet(), s.stylesChecked()).c_str(),
                  change, (int)s.foreign.size(), s.ms, s.tokens);
    std::string line = buf;
    if (!s.usable && !s.error.empty()) line += "           " + s.error + "\n";
    return line;
}

// "12/15", or "12+1/15" when one request was already true of the app.
std::string changesCell(const StyleSummary& s) {
    if (!s.changes) return "-";
    return std::to_string(s.changesApplied) + (s.changesAlready ? "+" + std::to_string(s.changesAlready) : "") + "/" + std::to_string(s.changes);
}

std::string styleTable(const std::vector<StyleSummary>& summaries) {
    char buf[400];
    std::snprintf(buf, sizeof buf, "%-15s %4s %8s %5s %6s %-16s %-16s %-8s %-8s %8s %9s\n", "style", "n", "valid", "dead", "unrch", "term recall",
                  "reqs covered", "style ok", "changes", "foreign", "median ms");
    std::string out = buf;
    for (const StyleSummary& s : summaries) {
        std::snprintf(buf, sizeof buf, "%-15s %4d %8s %5d %6d %-16s %-16s %-8s %-8s %8d %9.1f\n", s.style.c_str(), s.entries,
                      ratio(s.valid, s.entries).c_str(), s.deadControls, s.unreachable, rate(s.termsFound, s.terms).c_str(),
                      rate(s.requirementsCovered, s.requirementsExpected).c_str(), ratio(s.stylesMet, s.stylesChecked).c_str(),
                      changesCell(s).c_str(), s.withForeignText, s.medianMs);
        out += buf;
    }
    return out;
}

Json evalJson(const std::string& corpus, const std::string& generator, const std::vector<EntryScore>& scores,
              const std::vector<StyleSummary>& summaries) {
    Json entries = Json::array(), styles = Json::array();
    for (const EntryScore& s : scores) entries.push_back(entryScoreJson(s));
    for (const StyleSummary& s : summaries)
        styles.push_back({{"style", s.style}, {"entries", s.entries}, {"valid", s.valid}, {"dead_controls", s.deadControls},
                          {"unreachable", s.unreachable}, {"terms_found", s.termsFound}, {"terms", s.terms},
                          {"term_recall", s.terms ? (double)s.termsFound / s.terms : 0.0},
                          {"requirements_covered", s.requirementsCovered}, {"requirements_expected", s.requirementsExpected},
                          {"styles_met", s.stylesMet}, {"styles_checked", s.stylesChecked}, {"styles_not_checked", s.stylesNotChecked},
                          {"changes_applied", s.changesApplied}, {"changes_already", s.changesAlready}, {"changes", s.changes}, {"with_foreign_text", s.withForeignText},
                          {"median_ms", s.medianMs}});
    return {{"corpus", corpus}, {"generator", generator}, {"entries", entries}, {"styles", styles}};
}

} // namespace pt
