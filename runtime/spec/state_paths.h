// Promptotype — state paths: how actions, bindings and the loader address a value in the JSON state.

#pragma once
#include "runtime/spec/expr.h"
#include <string>
#include <string_view>
#include <vector>

namespace pt {

// Paths are "a.b.0", "/a/b/0" or "a[0].b" (JSON Pointer escapes ~0 and ~1 allowed).
bool splitPath(std::string_view path, std::vector<std::string>* segments);   // false on an empty or malformed path
const Json* findPath(const Json& root, std::string_view path);               // nullptr when absent
bool assignPath(Json& root, std::string_view path, Json value, std::string* error);  // creates missing objects along the way

} // namespace pt
