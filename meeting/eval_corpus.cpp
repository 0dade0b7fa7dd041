// Promptotype — evaluation corpora. See eval_corpus.h.

#include "meeting/eval_corpus.h"
#include "runtime/spec/files.h"
#include "runtime/spec/json_text.h"
#include <cctype>
#include <set>

namespace pt {

namespace {

// The first string among `keys` of the object, or "".
std::string firstString(const Json& obj, std::initializer_list<const char*> keys) {
    for (const char* k : keys)
        if (auto it = obj.find(k); it != obj.end() && it->is_string()) return it->get<std::string>();
    return "";
}

// The keys a request may be under.
const std::initializer_list<const char*> kRequestKeys = {"idea", "prompt", "request"};

// One line as an entry; false with `problem` (and `col` when the JSON itself is broken). A placeholder (a request
// key holding null or "") gives true with `placeholder` set.
bool entryFromLine(std::string_view line, CorpusEntry* e, bool* placeholder, std::string* problem, int* col) {
    Json obj;
    Diagnostic d;
    if (!parseJsonText(line, &obj, &d)) { *problem = d.message; *col = d.col; return false; }
    if (!obj.is_object()) { *problem = "expected a JSON object like {\"id\": \"d001\", \"idea\": \"...\"}"; return false; }
    e->request = firstString(obj, kRequestKeys);
    if (e->request.empty()) {
        for (const char* k : kRequestKeys)
            if (auto it = obj.find(k); it != obj.end() && (it->is_null() || *it == "")) { *placeholder = true; return true; }
        *problem = "no request: expected a non-empty \"idea\", \"prompt\" or \"request\" string";
        return false;
    }
    e->id = firstString(obj, {"id", "name"});
    if (e->id.empty()) e->id = "line" + std::to_string(e->line);
    e->style = firstString(obj, {"style"});
    if (e->style.empty()) e->style = kDefaultCorpusStyle;
    e->domain = firstString(obj, {"domain"});
    auto checks = obj.find("checks");
    if (checks == obj.end()) return true;
    if (!checks->is_array()) { *problem = "\"checks\" must be an array of {\"kind\", \"text\"}"; return false; }
    for (size_t i = 0; i < checks->size(); ++i) {
        const Json& c = (*checks)[i];
        CorpusCheck check;
        if (c.is_object()) check = {firstString(c, {"kind"}), firstString(c, {"text"})};
        if (check.kind.empty() || check.text.empty()) {
            *problem = "checks/" + std::to_string(i) + ": expected {\"kind\": \"term\", \"text\": \"...\"}";
            return false;
        }
        e->checks.push_back(std::move(check));
    }
    return true;
}

} // namespace

bool parseCorpus(std::string_view text, const std::string& path, std::vector<CorpusEntry>* out, std::vector<std::string>* skipped,
                 std::string* error) {
    std::set<std::string> ids;
    int lineNo = 0;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        CorpusEntry e;
        e.line = lineNo;
        std::string problem;
        int col = 0;
        bool placeholder = false;
        if (entryFromLine(line, &e, &placeholder, &problem, &col)) {
            if (placeholder) { skipped->push_back(path + ":" + std::to_string(lineNo) + ": the request is empty; entry skipped"); continue; }
            if (ids.insert(e.id).second) { out->push_back(std::move(e)); continue; }
            problem = "duplicate id \"" + e.id + "\"";
        }
        *error = path + ":" + std::to_string(lineNo) + (col > 0 ? ":" + std::to_string(col) : "") + ": " + problem;
        return false;
    }
    if (out->empty()) { *error = path + ":1: the corpus has no entries (one JSON object per line)"; return false; }
    return true;
}

bool readCorpus(const std::string& path, std::vector<CorpusEntry>* out, std::vector<std::string>* skipped, std::string* error) {
    std::string text;
    if (!readFileText(path, &text)) { *error = path + ": cannot read the file"; return false; }
    return parseCorpus(text, path, out, skipped, error);
}

int numberedItemCount(std::string_view request) {
    int expected = 1;
    for (size_t i = 0; i < request.size(); ++i) {
        if (!std::isdigit((unsigned char)request[i]) || (i > 0 && std::isalnum((unsigned char)request[i - 1]))) continue;
        size_t j = i;
        int n = 0;
        while (j < request.size() && std::isdigit((unsigned char)request[j]) && n < 1000) n = n * 10 + (request[j++] - '0');
        bool marker = j + 1 < request.size() && (request[j] == '.' || request[j] == ')') && std::isspace((unsigned char)request[j + 1]);
        if (marker && n == expected) ++expected;
        i = j;
    }
    return expected - 1 >= 2 ? expected - 1 : 0;
}

} // namespace pt
