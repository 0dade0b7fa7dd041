// Promptotype — evaluation corpora: JSON Lines files of requests with the checks a person would make.
//
// One object per line. The dev corpus (`ideas.jsonl`) has {id, style, device, domain, idea, checks [{kind, text}]};
// other corpora name the request `prompt` or `request` and may have no style, domain or checks (the genui samples:
// {id, name, description, prompt}). A line that is not such an object stops the reading with FILE:LINE[:COL].
//
// [SECTION] Entries
// [SECTION] Reading

#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Entries
//-----------------------------------------------------------------------------

// One thing a person would check on the prototype ("term": "hive|hives", "style": "navy background", ...).
struct CorpusCheck {
    std::string kind;   // term, screen, action, data, style, change (others are kept and counted as not machine-checked)
    std::string text;
};

// One request of a corpus.
struct CorpusEntry {
    std::string id;       // unique in the file ("d001"); the line number when the line has none
    std::string style;    // how it is phrased ("one-liner", "change-request", ...); kDefaultCorpusStyle when absent
    std::string domain;   // subject area ("beekeeping"; "" when absent)
    std::string request;  // what the user typed: `idea`, else `prompt`, else `request`
    std::vector<CorpusCheck> checks;
    int line = 0;         // 1-based line in the file

    bool isChangeRequest() const { return style == "change-request"; }  // refines a draft instead of generating
};

inline constexpr const char* kDefaultCorpusStyle = "request";  // the style of entries that name none

//-----------------------------------------------------------------------------
// [SECTION] Reading
//-----------------------------------------------------------------------------

// Reads a corpus; false with `error` = "FILE:LINE[:COL]: ..." for an unreadable file, a line that is not a JSON
// object, a missing request, a duplicate id or malformed checks. Blank lines are skipped, and so are placeholder
// entries whose request is null or empty, each with a "FILE:LINE: ..." line in `skipped`.
bool readCorpus(const std::string& path, std::vector<CorpusEntry>* out, std::vector<std::string>* skipped, std::string* error);
bool parseCorpus(std::string_view text, const std::string& path, std::vector<CorpusEntry>* out, std::vector<std::string>* skipped,
                 std::string* error);  // the same, from text

// How many items the request numbers "1. ... 2. ... 3. ..." (or "1) ..."), counting 1, 2, 3 ... in order; 0 when it
// numbers fewer than two.
int numberedItemCount(std::string_view request);

} // namespace pt
