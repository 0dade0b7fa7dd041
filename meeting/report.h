// Promptotype — Report: a Markdown follow-up of a review round, with images, written by `promptotype report`.
//
// DIR/report.md plus DIR/images/: one PNG per screen (per variant that changes it) with the reaction pins and
// the click heat map drawn on it, the flow map with funnel figures, the requirements table (meta.requirements
// traced to ids and screens), reactions grouped by screen and widget
// (orphaned ones in their own section), session figures per variant (sessions, funnel, time and misclicks per
// screen), and the version history. Paths in the Markdown are relative, so the folder can be pasted or zipped.
//
// [SECTION] Report

#pragma once
#include "meeting/feedback.h"
#include "meeting/session_log.h"
#include "runtime/spec/spec.h"
#include "meeting/spec_history.h"
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pt {

// Everything the report is made from (gathered by the caller from the files beside the spec).
struct ReportInput {
    std::string specPath;                                                     // for the title and links
    std::vector<std::pair<std::string, std::shared_ptr<const Spec>>> variants;  // compiled spec per variant, "A" first
    std::vector<Reaction> reactions;
    std::vector<SessionEvent> events;
    std::vector<SpecVersion> versions;
    int currentVersion = 0;
    double generatedAt = 0;                                                   // unix seconds, shown in the header
};

struct ReportResult {
    bool ok = false;
    std::string markdownPath;          // DIR/report.md
    std::vector<std::string> images;   // every PNG written
    std::string error;                 // why it failed (folder not writable, ...)
};

// Writes the report into `dir` (created if needed; files are written atomically).
ReportResult writeReport(const ReportInput& input, const std::string& dir);

} // namespace pt
