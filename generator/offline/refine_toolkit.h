// Promptotype — what the offline refiner's handlers share: the request as read, finding what it is about, the edit log.
//
// The refiner (offline_refiner.cpp) reads a change request in words and answers with edits; its handlers live in
// several files (lists: refine_lists.cpp) and use these pieces to read the words, find nodes and screens by them
// and write edits that address the document as it is after the previous ones.
//
// [SECTION] Words
// [SECTION] Documents: pointers, ids, objects
// [SECTION] Finding targets
// [SECTION] Edit log

#pragma once
#include "generator/refiner.h"
#include "runtime/spec/json_text.h"
#include <algorithm>
#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

namespace pt::refine {

extern const char* const kNeedsLlm;   // the end of every "cannot" message: where to go instead

//-----------------------------------------------------------------------------
// [SECTION] Words
//-----------------------------------------------------------------------------

std::string lowerAscii(std::string s);                      // ASCII letters lower-cased
bool isWordChar(char c);                                    // letter, digit or '_'
std::set<std::string> wordStems(const std::string& text);   // lower-case singular words, camelCase split ("prefWeekly" -> pref, weekly)

// The request as the drafter reads it.
struct Request {
    std::string text;                 // as typed, trimmed
    std::vector<std::string> words;   // lower-case words; a few two-word names joined ("search bar" -> "search")
    std::vector<std::string> quotes;  // labels written in quotes

    bool has(const std::string& w) const { return std::find(words.begin(), words.end(), w) != words.end(); }
    bool hasAny(std::initializer_list<const char*> ws) const {
        return std::any_of(ws.begin(), ws.end(), [&](const char* w) { return has(w); });
    }
    int find(std::initializer_list<const char*> ws, int from = 0) const {   // index of the first of `ws` at or after `from`, or -1
        for (int i = std::max(0, from); i < static_cast<int>(words.size()); ++i)
            for (const char* w : ws)
                if (words[i] == w) return i;
        return -1;
    }
    int findLast(std::initializer_list<const char*> ws) const {
        for (int i = static_cast<int>(words.size()) - 1; i >= 0; --i)
            for (const char* w : ws)
                if (words[i] == w) return i;
        return -1;
    }
    std::vector<std::string> slice(int from, int to) const {   // words[from, to)
        from = std::clamp(from, 0, static_cast<int>(words.size()));
        to = std::clamp(to, from, static_cast<int>(words.size()));
        return {words.begin() + from, words.begin() + to};
    }
};

Request readRequest(const std::string& typed);                      // words, joined names and quoted labels of a typed request
bool isFiller(const std::string& w);                                // words that never name a target ("the", "please")
bool isScreenWord(const std::string& w);                            // words naming navigation ("tab", "screen", "page")
std::set<std::string> typesNamed(const std::string& w);             // widget types a word names ("chart" -> the charts)
std::set<std::string> stems(std::initializer_list<const char*> words);   // the words as wordStems() gives them
std::string labelFromWords(const std::vector<std::string>& words);  // "Dark mode" from {"the", "dark", "mode"}
// The values a request lists, capitalised and joined by commas, "or", "and" or slashes ("a Role field - Sorting, Packing
// or Driving", "filter by Morning, Afternoon and Evening shifts"); empty when fewer than two.
std::vector<std::string> listedChoices(const std::string& text);
std::string joinWords(const std::vector<std::string>& words);       // words joined by spaces
std::string withArticle(const std::string& noun);
std::string verbStem(std::string w);                               // a verb's forms as one: "saving", "saved", "save" -> "sav"; "submitting" -> "submit"
// The app's meta value `key` ("name", "device", "now"), or `fallback` when the spec has none.
std::string metaText(const Json& doc, const char* key, const std::string& fallback = "");                  // "a Share", "an Archive" (by the first letter)

//-----------------------------------------------------------------------------
// [SECTION] Documents: pointers, ids, objects
//-----------------------------------------------------------------------------

std::string parentPointer(const std::string& p);                     // "/a/b/3" -> "/a/b"
std::string lastToken(const std::string& p);                         // "/a/b/3" -> "3"
const Json& at(const Json& doc, const std::string& pointer);         // the value at a JSON Pointer (throws when absent)
bool has(const Json& doc, const std::string& pointer);               // whether a JSON Pointer resolves
std::string ownerOf(const std::string& pointer);                     // "/screens/home" for anything under that screen
std::string uniqueName(const std::string& base, const std::set<std::string>& taken);   // base, or base2, base3 ... when taken
std::set<std::string> idSet(const Json& doc);                        // every node id in the document
std::set<std::string> keysOf(const Json& doc, const char* section);  // the keys of "screens", "state", ...
int navItemOf(const Json& doc, const std::string& screen);         // index of the nav item opening `screen` (id or {"screen": id}), or -1
void freshIds(Json& screen, std::set<std::string>& taken);         // every node id of `screen` in `taken` renamed to a fresh one (added to `taken`)
// Calls `visit` for every object inside `j` (itself included) with its pointer, parents before children.
void forEachObject(const Json& j, const std::string& pointer, const std::function<void(const Json&, const std::string&)>& visit);

// The pieces of a string outside "${...}" (shown as written) and inside (expressions), in order.
struct TextPiece {
    std::string text;
    bool expression;
};
std::vector<TextPiece> splitTemplate(const std::string& s);   // "Hi ${name}!" -> "Hi ", "${name}", "!"
std::string literalText(const std::string& s);               // the pieces outside "${...}"

// The node's own visible words (main prop, title, label, placeholder, subtitle), its id's words and every word under it.
struct NodeWords {
    std::set<std::string> id, label, deep;
};
NodeWords wordsOf(const NodeSite& site);

//-----------------------------------------------------------------------------
// [SECTION] Finding targets
//-----------------------------------------------------------------------------

// What the request is about when it was made with a node selected.
struct RequestScope {
    std::string pointer;   // "" = the whole app
    std::string owner;     // its screen or overlay
};
RequestScope readScope(const Json& doc, const std::string& scope);   // the selected node ("" or unknown = the whole app)

// A node the words describe and how well.
struct Candidate {
    NodeSite site;
    int score = 0;
};
// Nodes the words describe, best first (ties in document order): content words in ids and labels count most,
// words anywhere inside the node less; type words ("card", "chart") must match the node's type. "last" and
// "second" pick among equally good matches ("first" is the default order).
std::vector<Candidate> findNodes(const Json& doc, const std::vector<std::string>& phrase, const RequestScope& scope,
                                 const std::function<bool(const NodeSite&)>& eligible = nullptr);
// The screen id the words name, or "": by id, title or nav label (with synonyms), else by what its nodes show; "directory",
// "list" or "tab" pick the list screen, "record" or "details" the detail screen, "form" or "sign-up" the create screen.
// `eligible`, when given, limits the screens considered ("the habits screen" among the tabs is the one listing them).
std::string findScreen(const Json& doc, const std::vector<std::string>& phrase, const std::function<bool(const std::string&)>& eligible = nullptr);
bool insideRepeat(const Json& doc, const std::string& pointer);   // whether the node is drawn once per row of a list
std::string describe(const NodeSite& site);                       // "button 'Save habit'", for summaries
std::string screenTitle(const Json& doc, const std::string& owner);   // the title people see on a screen ("/screens/newHabit" -> "New habit"), for summaries

//-----------------------------------------------------------------------------
// [SECTION] Edit log
//-----------------------------------------------------------------------------

// The edits of an answer, applied as they are written so each one addresses the document as it is by then
// (the refiner applies them in the same order).
struct EditLog {
    Json doc;
    Json edits = Json::array();

    void apply(Json op) {
        doc.patch_inplace(Json::array({op}));
        edits.push_back(std::move(op));
    }
    void add(const std::string& path, Json value) { apply(Json{{"op", "add"}, {"path", path}, {"value", std::move(value)}}); }
    void replace(const std::string& path, Json value) { apply(Json{{"op", "replace"}, {"path", path}, {"value", std::move(value)}}); }
    void remove(const std::string& path) { apply(Json{{"op", "remove"}, {"path", path}}); }
    void move(const std::string& from, const std::string& path) { apply(Json{{"op", "move"}, {"from", from}, {"path", path}}); }
    // Sets a prop whether or not the object has it yet.
    void set(const std::string& path, Json value) {
        if (has(doc, path)) replace(path, std::move(value));
        else add(path, std::move(value));
    }
};

// What a handler did: a summary line, or why it could not.
struct Outcome {
    std::string summary;
    std::string unsupported;   // set = nothing was done
    bool alreadyThere = false; // with `unsupported`: the app already has what was asked (a compound request goes on)
};

Outcome cannot(const std::string& what);     // "The offline drafter cannot WHAT; configure an LLM ..."
Outcome notFound(const std::string& what);   // "The offline drafter could not find WHAT in this app; ..."

} // namespace pt::refine
