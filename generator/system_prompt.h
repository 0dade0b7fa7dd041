// Promptotype — the prompts sent to LLMs, built from the same widget and action catalogs as the schema.
//
// The system prompt is rules + the compact catalog + one worked example. It tells the model to write
// the app shell and the first screen first, so progressive rendering has something to show early.
// Its hash is the prompt version: changing any part of it invalidates cached generations.

#pragma once
#include "runtime/spec/spec.h"
#include <string>
#include <string_view>
#include <vector>

namespace pt {

std::string systemPrompt();                                  // rules, catalog, worked example
// The part of the system prompt the refinement prompt shares (generator/refiner.cpp): document keys, nodes,
// expressions, rules and the widget and action catalog. `writingOrder` adds the key order generations stream in.
std::string specFormatReference(bool writingOrder);
std::string ideaMessage(std::string_view idea);              // the first user turn for an idea
// The follow-up turn of a repair round: the located problems of the previous answer (at most 40 listed).
std::string repairMessage(const std::vector<Diagnostic>& problems, bool truncated);
// One problem as repair rounds state it: "/json/pointer: message" (or "line 3:5: ..."); also the refiner's.
std::string locatedProblem(const Diagnostic& problem);
// The parallel path (generator/planned_generation.cpp). Its turns share one prefix (system prompt, plan turn, the plan as
// the assistant's answer), so a provider's prompt caching serves it to every screen call.
std::string planMessage(std::string_view idea);              // the first user turn: write the shell and the plan, no screens
// Asks for one screen of the plan, or for part `part` of a screen the plan splits into `parts` (one line each), which
// other calls write at the same time.
std::string screenMessage(const std::string& id, const std::string& title, const std::string& purpose,
                          const std::vector<std::string>& parts = {}, int part = 0);
// The follow-up turn when a screen's answer has problems (pointers are the whole document's) or could not be read.
std::string screenRepairMessage(const std::vector<Diagnostic>& problems);
Json planSchema();                                           // JSON Schema of the plan answer (the shell keys, plan, state, overlays, requirements)
Json screenAnswerSchema();                                   // JSON Schema of one screen's answer: {screen, state, overlays}
std::string promptVersion();                                 // short stable hash of systemPrompt(): part of the cache key
Json answerSchema();                                         // JSON Schema for structured output (the catalog's spec schema)

} // namespace pt
