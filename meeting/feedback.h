// Promptotype — FeedbackLog: stakeholder reactions pinned to widgets, kept beside the spec.
//
// "app/habits.json" -> "app/habits.feedback.jsonl": one JSON object per line, appended and fsynced per reaction
// (appendLineDurable), never rewritten, so nothing anyone said is lost when the process is killed. Reactions are
// anchored by widget: the node's spec id when it has one (survives edits), else its generated key; a reaction
// whose widget is gone from the current spec is reported as orphaned, never dropped.
//
// [SECTION] Reactions
// [SECTION] FeedbackLog
// [SECTION] Anchoring

#pragma once
#include "runtime/spec/spec.h"
#include <functional>
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Reactions
//-----------------------------------------------------------------------------

// The four reaction kinds, in display order: agree, disagree, question, idea.
struct ReactionKind {
    const char* name;    // "agree"
    const char* icon;    // Font Awesome name ("thumbs-up")
    const char* label;   // "Agree"
    unsigned color;      // ImU32 of its marker
};
const std::vector<ReactionKind>& reactionKinds();
const ReactionKind* findReactionKind(std::string_view name);  // nullptr when unknown

// One reaction, as stored (one line of the feedback file).
struct Reaction {
    double time = 0;         // unix seconds
    std::string who;         // the person's name ("" = anonymous)
    std::string kind;        // agree | disagree | question | idea
    std::string comment;     // optional words
    std::string screen;      // screen shown when it was pinned
    std::string widget;      // anchor: the node's spec id, else its key (a repeat instance keeps its "#index")
    std::string label;       // the widget's visible label when pinned (names it after it is gone)
    std::string variant;     // variant shown ("A" = as written)
    int version = 0;         // spec version shown (SpecHistory number, 0 = unknown)
    std::string session;     // session name ("" = none)
};

Json reactionToJson(const Reaction& r);
bool reactionFromJson(const Json& j, Reaction* out, std::string* error);  // false with a message on a malformed entry

//-----------------------------------------------------------------------------
// [SECTION] FeedbackLog
//-----------------------------------------------------------------------------

class FeedbackLog {
public:
    explicit FeedbackLog(std::string specPath);   // the file is besideSpec(specPath, ".feedback.jsonl")
    const std::string& path() const { return m_path; }
    // Appends one reaction durably. False with a message when the kind is unknown or the file cannot be written.
    bool append(const Reaction& r, std::string* error);
    // Every reaction in the file, oldest first. Lines that do not parse (a torn last line) are skipped and
    // described in `problems` as "FILE:LINE: ...". A missing file is an empty log.
    std::vector<Reaction> load(std::vector<std::string>* problems = nullptr) const;

private:
    std::string m_path;
};

//-----------------------------------------------------------------------------
// [SECTION] Anchoring
//-----------------------------------------------------------------------------

// Where a widget anchor lives in a spec: screen or overlay id + the node. Found by spec id first, then by key
// (a "#index" suffix is ignored). False when the widget is gone.
struct WidgetLocation {
    std::string screen;      // screen id, or overlay id when inOverlay
    bool inOverlay = false;
    const Node* node = nullptr;
};
bool locateWidget(const Spec& spec, const std::string& widget, WidgetLocation* out);

// The anchor to store for a node: its spec id when it has one (plus the "#index" of a repeated row), else
// `instanceKey` (probe key).
std::string anchorFor(const Node& node, const std::string& instanceKey);

} // namespace pt
