// Promptotype — LenientJson: JSON as LLMs actually write it, and JSON that has not finished arriving.
//
// Models wrap JSON in code fences and prose, add comments and trailing commas, use smart quotes and
// get cut off by token limits. parseLenient() recovers the document and says what it had to fix;
// parsePartial() turns a streamed prefix into the largest complete document so far, and says which
// containers are still open so the runtime only shows finished parts.
//
// [SECTION] Lenient parsing
// [SECTION] Partial (streaming) parsing

#pragma once
#include "runtime/spec/spec.h"
#include <string>
#include <string_view>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Lenient parsing
//-----------------------------------------------------------------------------

struct LenientResult {
    bool ok = false;                  // `doc` holds a JSON object
    Json doc;                         // the recovered document
    std::vector<std::string> fixes;   // what had to be repaired, one short phrase each ("removed a ```json fence", "closed 3 brackets: the answer was cut off")
    bool truncated = false;           // the text ended inside the document (brackets or a string had to be closed)
    Diagnostic error;                 // when !ok: located by line:col in the original text
};

// Finds the JSON object in `text` (fences, prose before/after, several candidates: the largest object wins),
// strips // and /* */ comments, trailing commas, smart quotes used as JSON quotes, single-quoted strings,
// unquoted keys, Python literals (True/False/None), NaN/Infinity; closes a truncated document.
LenientResult parseLenient(std::string_view text);

// `text` with each ill-formed UTF-8 byte replaced by U+FFFD, as the readers here do inside strings: for
// text from the network that must become JSON (nlohmann's dump() throws on invalid UTF-8).
std::string validUtf8(std::string_view text);

//-----------------------------------------------------------------------------
// [SECTION] Partial parsing
//-----------------------------------------------------------------------------

struct PartialJson {
    Json value;                       // the prefix completed into a document (incomplete trailing tokens dropped)
    std::vector<std::string> open;    // JSON Pointers of objects/arrays whose closing bracket has not arrived, outermost first ("" = root)
    bool complete = false;            // the root object has closed
};

// Completes a streamed prefix (prose or a fence before the first '{' is skipped). A member whose value
// has not finished (a string without its closing quote, a number or literal at the very end, a key
// without value) is left out. Returns false when no object has started yet.
bool parsePartial(std::string_view prefix, PartialJson* out);

// True when `pointer` or anything inside it is still open in `partial`.
bool isOpen(const PartialJson& partial, std::string_view pointer);

} // namespace pt
