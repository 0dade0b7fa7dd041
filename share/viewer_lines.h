// Promptotype — ViewerLines: what a viewer's browser sends (session events and reactions, each carrying the viewer's
// name and opaque id), checked and turned into the lines the meeting's logs hold. The share server writes them as
// they arrive; `promptotype import` merges a file an exported page saved, skipping lines the logs already hold.
//
// [SECTION] One line
// [SECTION] Import

#pragma once
#include "runtime/spec/json_text.h"
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] One line
//-----------------------------------------------------------------------------

enum class ViewerLineKind { Session, Reaction };  // NAME.sessions.jsonl / NAME.feedback.jsonl

constexpr size_t kMaxViewerName = 80;  // bytes of a viewer's name
constexpr size_t kMaxViewerId = 64;    // bytes of the browser's opaque viewer id

// A viewer id as the page makes it: letters, digits, '-' and '_' (so it is safe in a query and a log line).
bool validViewerId(const std::string& id);

// The log line for one item a viewer sent: read as a session event or a reaction (meeting/session_log, feedback),
// tagged with its "viewer" and "viewerId" and the variant they were shown; a session line's session is the viewer's
// name unless it has one, a reaction's "who" is always the viewer. False with a message when the item is malformed.
bool viewerLine(ViewerLineKind kind, const Json& item, const std::string& variant, Json* line, std::string* error);

// The variant an item says its page showed ("" when it does not say).
std::string variantSent(const Json& item);

// The log `kind` is appended to, beside the spec.
std::string viewerLogPath(ViewerLineKind kind, const std::string& specPath);

//-----------------------------------------------------------------------------
// [SECTION] Import
//-----------------------------------------------------------------------------

// What import did.
struct ImportSummary {
    std::string viewer;        // whose lines they were
    std::string savedFrom;     // the name of the spec the page was exported from (its file name without extension)
    int sessionLines = 0;      // session events appended
    int reactions = 0;         // reactions appended
    int alreadyThere = 0;      // lines the logs held already (an earlier import, or a page that also posted)
};

// Merges the reactions file an exported page saved (web/index.html's "Save reactions": {"format":
// "promptotype-reactions", "viewer", "viewerId", "sessions": [...], "feedback": [...]}) into the logs beside
// `specPath`. Every item is checked before anything is written; problems name the file and the JSON Pointer
// ("saved.json: /feedback/2: ..."). Lines equal to one a log already holds are skipped, so importing the same
// file twice, or two saves that overlap, adds each line once.
bool importViewerFile(const std::string& specPath, const std::string& file, ImportSummary* summary, std::string* error);

} // namespace pt
