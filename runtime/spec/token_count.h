// Promptotype — token counts: how many tokens an OpenAI-style model (o200k_base BPE) reads or writes for a text.
//
// Prompt sizes, answer sizes and the generation progress line are reported in tokens. The counter splits text
// the way o200k's pre-tokenizer does (letter runs with one leading space or punctuation mark, 1-3 digit groups,
// punctuation runs, whitespace) and adds the mean real token count of each piece's class and length, measured
// with the real tokenizer by scripts/calibrate-tokens.mjs. tests/test_token_count.cpp checks it against the real
// counts recorded in tests/data/token_counts.json.

#pragma once
#include <string_view>

namespace pt {

// Estimated o200k_base tokens of a UTF-8 text (invalid bytes count as symbols).
int countTokens(std::string_view text);

// The estimate's stated error on a whole text, in percent (what the tests hold it to and the reports print): any
// text, and JSON specs and prompts (what the reports count). Measured worst cases: -4.9% (prose), +1.7% (a spec).
inline constexpr int kTokenCountErrorPercent = 5;
inline constexpr int kSpecTokenCountErrorPercent = 2;

} // namespace pt
