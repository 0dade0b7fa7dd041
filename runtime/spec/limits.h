// Promptotype — every budget that a spec, a model's answer or a file controls, in one place.
//
// Hostile or careless input must never crash, hang or exhaust memory: each kind of work it can drive is
// bounded here, the code that does the work reads its bound from here, and specs/FORMAT.md's "Limits"
// section is generated from allLimits() (`promptotype docs`), so the documentation cannot drift.

#pragma once

#include <string>
#include <vector>

namespace pt {

// One budget: its value and what a user sees when it is hit.
struct Limit {
    const char* name;      // what is bounded, as the docs list it
    long long value;       // the bound
    const char* unit;      // "levels", "bytes", "steps", ...
    const char* onBreach;  // what happens when the bound is hit (the app stays usable)
};

namespace limits {

// Reading a document
inline constexpr Limit kJsonDepth{"JSON nesting", 200, "levels",
    "the file is rejected with a located error before parsing"};
inline constexpr Limit kNodeDepth{"node nesting", 64, "levels",
    "a load error at the first node too deep; it is drawn as a placeholder"};
inline constexpr Limit kNodes{"nodes per document", 50000, "nodes",
    "a load error at the first node over the limit; the rest are drawn as placeholders"};

// Expressions
inline constexpr Limit kExpressionLength{"expression length", 2000, "characters",
    "the expression is a load error located at its first character"};
inline constexpr Limit kExpressionSteps{"expression work", 200000, "evaluation steps",
    "the evaluation stops with \"expression exceeded its work budget\"; the widget shows the error"};
inline constexpr Limit kGeneratedItems{"generated lists", 10000, "items",
    "range() and lastDays() stop at the limit"};

// Drawing
inline constexpr Limit kWidgetsPerFrame{"widgets per frame", 20000, "nodes and repeat items",
    "repeats stop expanding; the list that hit it ends in \"Showing N of M (too many to draw at once)\" and the presenter "
    "sees \"the repeat at /screens/... was cut to N of M items\""};

// State (the prototype's live data)
inline constexpr Limit kStateSize{"state size (16 bytes per value, plus text)", 16000000, "bytes",
    "the write is refused and the state stays as it was; an action sequence stops with \"push at /screens/...: the state would "
    "grow past its budget of 16,000,000 bytes\"; an initial state over it is a load error at /state"};
inline constexpr Limit kStateDepth{"state nesting", 200, "levels",
    "a write that would nest the state deeper is refused like one over the state size"};

// Input patterns (the `pattern` rule, runtime/spec/pattern.h)
inline constexpr Limit kPatternLength{"pattern length", 1000, "characters",
    "the rule is a load error at its JSON Pointer (\"pattern longer than 1,000 characters\")"};
inline constexpr Limit kPatternProgram{"pattern size", 2000, "states",
    "a pattern whose repetitions expand past it is a load error at the rule (\"pattern too complex\")"};
inline constexpr Limit kPatternInput{"pattern input", 10000, "characters",
    "a longer value fails the rule and its message shows under the input"};

// Actions
inline constexpr Limit kActionSteps{"action steps per event", 10000, "steps",
    "the sequence stops with \"an action sequence ran too long and was stopped\""};
inline constexpr Limit kNavigationChain{"screens entered per event", 16, "screens",
    "the app stays on the screen reached without running its onEnter, and reports \"onEnter navigation loop: a -> b -> a\""};

// Model answers
inline constexpr Limit kRefinedDocument{"document after a refinement's edits (16 bytes per value, plus text)", 32000000, "bytes",
    "the refinement is rejected with \"edits/N: copy would grow the document past its budget of 32,000,000 bytes or 200 "
    "levels\"; the spec stays as it was"};
inline constexpr Limit kAnswerReceived{"bytes received for one answer (streamed or not, with the stream's framing)",
    64LL * 1024 * 1024, "bytes",
    "the request stops with \"the server sent more than 64 MB for one answer\"; text that arrived is kept in NAME.raw.txt"};
inline constexpr Limit kStreamedAnswer{"streamed answer text", 8LL * 1024 * 1024, "bytes",
    "the request stops with \"the answer passed 8 MB\"; what arrived is kept in NAME.raw.txt"};
inline constexpr Limit kStreamParseWork{"parsing a streamed answer to show screens early", 8, "times the answer's size in total",
    "screens appear a little later while streaming (parsing waits until the answer has grown); the whole answer is still parsed at the end"};
inline constexpr Limit kIdleTimeout{"silence from the model (idle timeout; PROMPTOTYPE_IDLE_TIMEOUT or \"idle_timeout\" in the config file)",
    90, "seconds",
    "before the answer starts: \"no answer from URL\", retried; after: \"the connection stalled after N KB\", never retried, the partial answer kept in NAME.raw.txt"};

// Files beside a spec
inline constexpr Limit kHistoryVersions{"versions in one spec's history", 999999, "versions",
    "a history log line with a larger version number is skipped as damaged (with its file and line); recording more fails with a message"};
inline constexpr Limit kFileNameFromId{"file name made from an id", 80, "characters",
    "a longer id (or one with characters a file name cannot keep) is cut and given a hash of the whole id, so names stay unique"};

} // namespace limits

// Every budget above, in the order the docs list them.
const std::vector<const Limit*>& allLimits();

// 16000000 -> "16,000,000", as budgets are written in messages and in the docs.
std::string thousands(long long value);

// The "Limits" table of specs/FORMAT.md (Markdown).
std::string limitsMarkdown();

} // namespace pt
