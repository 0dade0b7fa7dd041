// Promptotype — what the two generation paths share (generator.cpp: one call; planned_generation.cpp: plan, then
// screens in parallel): the clock, streamed-answer bookkeeping, the cache and the final write. Internal to generator/.
//
// [SECTION] Streamed answers
// [SECTION] Cache and result

#pragma once
#include "generator/generator.h"
#include "generator/spec_repair.h"
#include <chrono>
#include <string>
#include <string_view>

namespace pt::generation {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

//-----------------------------------------------------------------------------
// [SECTION] Streamed answers
//-----------------------------------------------------------------------------

// The text of one answer as it streams, and what the partial parser has seen of it.
struct AnswerStream {
    std::string text;
    int published = 0;             // screens in the last partial spec published
    size_t parsedAt = 0;           // text size at the last partial parse
    int depth = 0;                 // brackets open outside strings (a cheap running scan, not a parse)
    bool inString = false, escaped = false;
    bool due = false;              // something new may show: parse when the budget allows
    bool memberClosed = false;     // a value at watchDepth or above has closed since the last parse (a few per answer)
    int watchDepth = 1;            // 1: top-level members; the plan call watches its screen entries (3) until the plan closes
    size_t countedTo = 0;          // text up to here (a line end) is counted in countedTokens
    int countedTokens = 0;

    // Appends a delta; true when a partial parse may show something new: a bracket at the document's top levels
    // opened or closed, or the text grew by a quarter since the last parse.
    bool append(std::string_view delta);
    // Tokens of the whole text so far: finished lines are counted once, the line being written each time.
    int tokens();
    // A partial parse is about to read the text: remember where.
    void parsed() { parsedAt = text.size(); due = memberClosed = false; }
};

// A partial parse reads the whole text so far, so all partial parsing of a generation stays within
// limits::kStreamParseWork times the text: total work is linear in the answer.
bool withinParseBudget(size_t parsedSoFar, size_t textSize);

// Adds one call's tokens to `res`: as the server reported them, else estimated (o200k) from the request and the
// `streamedTokens` of its answer.
void tallyCall(const LlmRequest& request, const LlmResult& answer, int streamedTokens, GenerationResult& res);

// A document the runtime can open: it compiles to at least one screen.
bool usable(const LoadResult& load);

//-----------------------------------------------------------------------------
// [SECTION] Cache and result
//-----------------------------------------------------------------------------

// Where a generation is cached ("" when it is not: no cache wanted, or a deterministic provider).
std::string cacheFileFor(const GenerationOptions& o, const LlmProvider& provider);
// A clean cached result for the idea, written to o.outPath (raw answer beside it); false when there is none.
bool tryCache(const std::string& file, const GenerationOptions& o, GenerationResult& res);
// Writes `best` (compiled, repaired) as the spec file and fills `res`; a clean result is cached in `cacheFile`.
void writeResult(const SpecRepairResult& best, const GenerationOptions& o, const LlmProvider& provider, const std::string& cacheFile,
                 const std::string& rawLog, GenerationResult& res);

// Runs the parallel path (generator/planned_generation.cpp); generateSpec calls it when options.parallel is set and
// the cache has no answer.
GenerationResult generatePlanned(const GenerationOptions& o, LlmProvider& provider, const ProgressFn& onProgress,
                                 const PartialSpecFn& onPartial, const std::atomic<bool>* cancel);

} // namespace pt::generation
