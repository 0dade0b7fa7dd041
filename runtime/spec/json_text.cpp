// Promptotype — JSON text and JSON Pointers. See json_text.h.
//
// [SECTION] Text -> JSON
// [SECTION] JSON Pointers

#include "runtime/spec/json_text.h"
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Text -> JSON
//-----------------------------------------------------------------------------

void lineCol(std::string_view text, size_t offset, int* line, int* col) {
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') { ++*line; *col = 1; }
        else if (((unsigned char)text[i] & 0xC0) != 0x80) ++*col;
    }
}

namespace {

// Finds the first place nesting exceeds the limit, skipping strings; the parser itself is never
// handed a document that deep.
size_t findOverDeep(std::string_view text, int limit) {
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') inString = true;
        else if (c == '{' || c == '[') { if (++depth > limit) return i; }
        else if (c == '}' || c == ']') --depth;
    }
    return std::string_view::npos;
}

// Finds the first number token (outside strings) that does not fit a double, for a located message: the parser
// reports the overflow without a position. Sets `token` to its text.
size_t findOutOfRangeNumber(std::string_view text, std::string* token) {
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') { inString = true; continue; }
        if (c != '-' && !std::isdigit((unsigned char)c)) continue;
        size_t end = i + 1;
        while (end < text.size() && (std::isdigit((unsigned char)text[end]) || std::strchr("+-.eE", text[end]))) ++end;
        std::string number(text.substr(i, end - i));
        if (!std::isfinite(std::strtod(number.c_str(), nullptr))) {
            *token = number;
            return i;
        }
        i = end - 1;
    }
    return std::string_view::npos;
}

// A token for a message: long ones are cut ("0.4e0066999…").
std::string clipToken(const std::string& token) { return token.size() <= 24 ? token : token.substr(0, 24) + "…"; }

} // namespace

bool parseJsonText(std::string_view text, Json* out, Diagnostic* error) {
    auto fail = [&](size_t offset, std::string message) {
        error->level = Diagnostic::Level::Error;
        lineCol(text, offset, &error->line, &error->col);
        error->message = std::move(message);
        return false;
    };
    size_t firstNonSpace = text.find_first_not_of(" \t\r\n");
    if (firstNonSpace == std::string_view::npos) return fail(0, "the file is empty; expected a JSON object like {\"screens\": {...}}");
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = (unsigned char)text[i];
        if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
            return fail(i, "binary data (byte 0x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15] + "): this is not a JSON text file");
    }
    size_t deep = findOverDeep(text, kMaxJsonDepth);
    if (deep != std::string_view::npos)
        return fail(deep, "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    try {
        *out = Json::parse(text.begin(), text.end());
        return true;
    } catch (const Json::parse_error& e) {
        std::string what = e.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." -> keep the reason only
        size_t colon = what.find(": ", what.find("column"));
        std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
        size_t at = e.byte > 0 ? e.byte - 1 : 0;
        return fail(at, reason);
    } catch (const Json::exception& e) {  // out_of_range.406: a number beyond the double range ("1e400")
        std::string token;
        size_t at = findOutOfRangeNumber(text, &token);
        if (at == std::string_view::npos) return fail(0, e.what());
        return fail(at, "number " + clipToken(token) + " is out of range (beyond ±1.8e308)");
    }
}

//-----------------------------------------------------------------------------
// [SECTION] JSON Pointers
//-----------------------------------------------------------------------------

std::string escapePointer(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string childPointer(const std::string& pointer, std::string_view key) { return pointer + "/" + escapePointer(key); }
std::string childPointer(const std::string& pointer, size_t index) { return pointer + "/" + std::to_string(index); }

const Json* resolvePointer(const Json& doc, const std::string& pointer) {
    const Json* at = &doc;
    size_t pos = 0;
    while (pos < pointer.size()) {
        if (pointer[pos] != '/') return nullptr;
        size_t end = pointer.find('/', pos + 1);
        if (end == std::string::npos) end = pointer.size();
        std::string token;
        for (size_t i = pos + 1; i < end; ++i) {
            if (pointer[i] == '~' && i + 1 < end) token += pointer[++i] == '1' ? '/' : '~';
            else token += pointer[i];
        }
        pos = end;
        if (at->is_object()) {
            auto it = at->find(token);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos && token.size() < 10) {
            size_t i = std::stoul(token);
            if (i >= at->size()) return nullptr;
            at = &(*at)[i];
        } else return nullptr;
    }
    return at;
}

} // namespace pt
