// Promptotype — SpecLoader: text -> JSON -> validated, compiled Spec, with located diagnostics.
//
// Syntax errors are located by line:col; everything else by JSON Pointer. Loading never throws
// and never crashes on bad input: it returns what it could compile plus the problems it found.
// What a load's users work with comes along: the JSON text and pointer helpers (json_text.h) and the
// navigation graph of a compiled spec (nav_graph.h).
//
// [SECTION] Load results
// [SECTION] SpecLoader

#pragma once
#include "runtime/spec/json_text.h"
#include "runtime/spec/nav_graph.h"
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

    static constexpr int kMaxDepth = kMaxJsonDepth;  // deeper JSON is rejected before parsing (the 20,000-deep attack)
    // Documents compiled so far in this process, once per variant: tests prove with it that a path compiles a document once.
    static size_t compiledDocuments();
};

} // namespace pt
