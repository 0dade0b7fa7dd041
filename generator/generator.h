// Promptotype — Generator: idea -> validated spec file, through any provider.
//
// One generation: cache lookup, stream the answer (publishing partial specs as screens complete),
// tolerant parse, near-miss repair, up to 3 repair rounds with the model, then write the spec and the
// raw answer beside it. Whatever happens, the raw answer is saved and the caller gets either a usable
// spec (perhaps with placeholders and a list of what is wrong) or a clear message.
//
// Two paths: one call writes the whole document (sequential), or a plan call writes the shell and a
// compact plan (screens with their purpose, the data model) and then one call per screen runs
// concurrently, each given the plan (parallel, generator/planned_generation.cpp). The parallel path
// shows the first screens while the plan call is still writing the mock state.
//
// [SECTION] Options, progress and results
// [SECTION] Generator
// [SECTION] Files: names, raw answers, cache

#pragma once
#include "generator/provider.h"
#include "runtime/spec/spec.h"
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Options, progress and results
//-----------------------------------------------------------------------------

struct GenerationOptions {
    std::string idea;               // as the user typed it
    std::string outPath;            // spec file to write; the raw answer goes to rawPathFor(outPath)
    bool fresh = false;             // ignore the cache (the result is still stored)
    std::string cacheDir;           // "" = defaultCacheDir(); "-" = no cache at all
    int maxRepairRounds = 3;        // model round trips after the first answer (per screen on the parallel path)
    bool parallel = false;          // plan, then one call per screen (ignored for deterministic providers: they answer at once)
    int maxConcurrentCalls = 4;     // parallel path: screen calls running at a time (start screen first)
};

// One model call of a parallel generation, as progress shows it.
struct CallProgress {
    std::string name;               // "plan", a screen id, or "id k/n" for part k of a screen written in n parts
    std::string screen;             // the screen it writes ("" for the plan): the parts of one screen share it
    std::string title;              // screen title from the plan, and the part's line ("" for the plan)
    std::string status;             // "waiting", "writing", "ready", "repairing", "failed"
    int tokens = 0;                 // answer tokens so far (o200k estimate)
    double tokensPerSec = 0;        // since its first byte arrived
};

// Where a generation is; sent on every streamed chunk (throttled by the caller if it prints).
struct GenerationProgress {
    std::string phase;              // "waiting for the model", "streaming", "repairing (round 1 of 3)", "done", "failed"
    size_t bytes = 0;               // answer bytes received this round
    int tokens = 0;                 // answer tokens received this round (o200k estimate, runtime/spec/token_count.h)
    double elapsedSec = 0;          // since the generation started
    std::string currentScreen;      // screen id being written ("" before the screens)
    int screensDone = 0;            // screens whose JSON has closed
    std::vector<CallProgress> calls;  // parallel path: the plan call and every screen call, in plan order
    std::string note;               // something the user should know ("the provider limits concurrent calls: one at a time")
};

struct GenerationResult {
    bool ok = false;                      // a spec was written and loads with no errors
    bool written = false;                 // a spec was written (ok, or usable with the problems listed)
    std::string specPath, rawPath;        // files written (rawPath always, once an answer arrived)
    Json doc;                             // the final document (null when nothing usable came back)
    std::shared_ptr<const Spec> spec;     // `doc` compiled (null with it): shown as is, never compiled again
    std::string text;                     // the bytes written to specPath, for the history to record
    std::vector<Diagnostic> problems;     // errors left after all repair (the runtime shows placeholders)
    std::vector<std::string> fixes;       // near-miss repairs applied locally ("widget 'TextField' -> 'input'")
    int repairRounds = 0;                 // model round trips used for repair
    bool fromCache = false;
    std::string generator;                // "openai gpt-4o-mini", "offline drafter"
    std::string error;                    // why nothing could be written (when !written)
    double shellSec = -1;                 // when the app shell (nav, with skeletons for unwritten screens) was first published
    double firstScreenSec = -1;           // when the first complete screen was published (-1: never, e.g. cache)
    double allScreensSec = -1;            // when every screen's JSON was complete (the stream's end on the one-call path)
    double totalSec = 0;
    int calls = 0;                        // model calls made (plan, screens, repairs)
    int inputTokens = 0, outputTokens = 0;  // over all calls: as the server reported them, else estimated (o200k)
    int reusedPromptTokens = 0;           // input tokens that repeat an earlier call's prompt prefix (what provider prompt caching can serve)
    size_t partialParseBytes = 0;         // text run through the partial parser while streaming (at most kStreamParseWork x the answer)
};

using ProgressFn = std::function<void(const GenerationProgress&)>;
// A newer partial spec while streaming: the app shell plus every screen whose JSON has closed, and the planned
// top-level state keys not written yet (set them as Spec::pendingState: what reads them draws as skeletons).
using PartialSpecFn = std::function<void(const Json& partialDoc, const std::vector<std::string>& pendingState)>;

//-----------------------------------------------------------------------------
// [SECTION] Generator
//-----------------------------------------------------------------------------

// Runs one generation with `provider`. Callbacks run on the calling thread; `cancel` ends it promptly,
// keeping the raw answer so far (every call's, on the parallel path).
GenerationResult generateSpec(const GenerationOptions& options, LlmProvider& provider, const ProgressFn& onProgress,
                              const PartialSpecFn& onPartial, const std::atomic<bool>* cancel);

// The partial spec worth showing for a streamed prefix: shell keys, closed screens, and skeletons for
// screens the closed `nav` names but the model has not written yet (null while there is nothing to
// show). Also reports the screen being written and how many have closed.
Json partialSpecFromStream(std::string_view prefix, std::string* currentScreen, int* screensDone);

struct LoadResult;
// The errors among a load's diagnostics (warnings dropped): what a repair round sends back (also used by the refiner).
std::vector<Diagnostic> loadErrors(const LoadResult& load);
struct LenientResult;
// The document in an answer: the one the provider handed over (offline), else parsed leniently from its text (also the refiner's).
LenientResult answerDocument(const LlmResult& answer);
// The line before each answer in a raw log: "----- openai gpt-4o, repair round 1, finish: stop -----\n" (also the refiner's);
// `call` names a parallel generation's call: "----- openai gpt-4o, screen 'today', first answer, finish: stop -----".
std::string rawAnswerMarker(const std::string& generator, int round, const std::string& finishReason, const std::string& call = "");

//-----------------------------------------------------------------------------
// [SECTION] Files
//-----------------------------------------------------------------------------

std::string specFileNameForIdea(std::string_view idea);   // "habit-tracker-daily-streaks.json" (a few significant words)
std::string uniquePath(const std::string& path);           // path itself, or path with -2, -3 ... before the extension if taken
std::string rawPathFor(const std::string& specPath);       // "x.json" -> "x.raw.txt" (besideSpec)
std::string defaultCacheDir();                             // $XDG_CACHE_HOME/promptotype or ~/.cache/promptotype
std::string formatSpec(const Json& doc);                   // readable JSON: small objects on one line, nesting indented

} // namespace pt
