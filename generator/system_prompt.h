// Promptotype — the prompts sent to LLMs, built from the same widget and action catalogs as the schema.
//
// The system prompt is rules + the compact catalog + one worked example. It tells the model to write
// the app shell and the first screen first, so progressive rendering has something to show early.
// Its hash is the prompt version: changing any part of it invalidates cached generations.

#pragma once
#include "runtime/spec.h"
#include <string>
#include <string_view>
#include <vector>

namespace pt {

std::string systemPrompt();                                  // rules, catalog, worked example
std::string ideaMessage(std::string_view idea);              // the first user turn for an idea
// The follow-up turn of a repair round: the located problems of the previous answer (at most 40 listed).
std::string repairMessage(const std::vector<Diagnostic>& problems, bool truncated);
std::string promptVersion();                                 // short stable hash of systemPrompt(): part of the cache key
Json answerSchema();                                         // JSON Schema for structured output (the catalog's spec schema)

} // namespace pt
