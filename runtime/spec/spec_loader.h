// Promptotype — SpecLoader: text -> JSON -> validated, compiled Spec, with located diagnostics.
//
// Syntax errors are located by line:col; everything else by JSON Pointer. Loading never throws
// and never crashes on bad input: it returns what it could compile plus the problems it found.
//
// [SECTION] Load results
// [SECTION] SpecLoader
// [SECTION] Navigation graph (shared by validation and inspect)

#pragma once
#include "runtime/spec/spec.h"
#include <memory>
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Load results
//-----------------------------------------------------------------------------

struct LoadResult {
    std::shared_ptr<Spec> spec;         // null when nothing usable could be built (unreadable, syntax error, not an app)
    std::vector<Diagnostic> diagnostics;
    bool unreadable = false;            // the file could not be read at all (CLI exit code 2)

    bool hasErrors() const;             // any Level::Error
    std::string format(const std::string& file) const;  // one line per diagnostic
};

//-----------------------------------------------------------------------------
// [SECTION] SpecLoader
//-----------------------------------------------------------------------------

class SpecLoader {
public:
    static LoadResult loadFile(const std::string& path);                          // read, parse, compile, validate
    static LoadResult loadText(std::string_view text, const std::string& file = "");
    static LoadResult loadJson(const Json& doc, const std::string& file = "");    // compile + validate an already parsed document
    // Compiles variant `variant` of the document (runtime/spec/variants.h); "A" is the same as loadJson. Every variant
    // is validated either way; an unknown name is an error.
    static LoadResult loadVariant(const Json& doc, const std::string& variant, const std::string& file = "");

    static constexpr int kMaxDepth = 200;  // deeper JSON is rejected before parsing (the 20,000-deep attack)
    // Documents compiled so far in this process, once per variant: tests prove with it that a path compiles a document once.
    static size_t compiledDocuments();
};

// Parses JSON text, locating syntax errors by line:col; rejects empty, binary and over-deep input.
bool parseJsonText(std::string_view text, Json* out, Diagnostic* error);
std::string escapePointer(std::string_view key);  // one JSON Pointer reference token: '~' -> "~0", '/' -> "~1"
void lineCol(std::string_view text, size_t offset, int* line, int* col);  // 1-based line and column (in characters) of a byte offset

//-----------------------------------------------------------------------------
// [SECTION] Navigation graph
//-----------------------------------------------------------------------------

// A way from one screen (or overlay) to another, as written in the spec.
struct NavEdge {
    std::string from;     // screen or overlay id
    std::string to;       // screen or overlay id
    const Node* node;     // the node whose event leads there (nullptr for nav items and onEnter)
    std::string via;      // nav item label when node is null
};

std::vector<NavEdge> navEdges(const Spec& spec);                 // every static navigate/open/go target
std::vector<std::string> reachableScreens(const Spec& spec);     // from the start screen and nav items

} // namespace pt
