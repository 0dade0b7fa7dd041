// Promptotype — JSON text and JSON Pointers: parsing a document with located syntax errors, and addressing a
// place inside it. The loader, the file primitives, the repairer and the diff all point at places the same way.
//
// [SECTION] Text -> JSON
// [SECTION] JSON Pointers

#pragma once
#include "runtime/spec/spec.h"
#include "runtime/spec/limits.h"
#include <string>
#include <string_view>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Text -> JSON
//-----------------------------------------------------------------------------

constexpr int kMaxJsonDepth = (int)limits::kJsonDepth.value;  // deeper JSON is rejected before parsing (the 20,000-deep attack)

// Parses JSON text, locating syntax errors by line:col; rejects empty, binary and over-deep input and numbers beyond
// the double range ("1e400"). Never throws.
bool parseJsonText(std::string_view text, Json* out, Diagnostic* error);
void lineCol(std::string_view text, size_t offset, int* line, int* col);  // 1-based line and column (in characters) of a byte offset

//-----------------------------------------------------------------------------
// [SECTION] JSON Pointers
//-----------------------------------------------------------------------------

std::string escapePointer(std::string_view key);  // one JSON Pointer reference token: '~' -> "~0", '/' -> "~1"
std::string childPointer(const std::string& pointer, std::string_view key);  // pointer + "/" + the escaped key
std::string childPointer(const std::string& pointer, size_t index);          // pointer + "/" + the array index
const Json* resolvePointer(const Json& doc, const std::string& pointer);     // the value a pointer names, or nullptr (never throws)

} // namespace pt
