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

// What a JSON value costs, for the size budgets (state, documents): about 16 bytes per value plus its strings'
// and keys' bytes, and its nesting depth (a scalar is 1). Counting stops once either passes its cap (the
// result is then just over it), so measuring a huge value costs no more than the cap.
struct JsonSize {
    long long bytes = 0;
    int depth = 0;
};
JsonSize measureJson(const Json& value, long long maxBytes, int maxDepth);

} // namespace pt
