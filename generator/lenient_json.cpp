// Promptotype — LenientJson implementation.
//
// One reader serves both entry points: a single forward pass over the text that builds the Json
// directly while tolerating what models get wrong. At the end of the text it either keeps what is
// usable (lenient: the answer was cut off and nothing more will come) or holds back what may still
// grow (partial: the stream continues), and it records which containers were left open.
//
// [SECTION] Text helpers (quotes, UTF-8, line:col)
// [SECTION] Reader
// [SECTION] Lenient parsing
// [SECTION] Partial parsing

#include "generator/lenient_json.h"
#include "runtime/spec/spec_loader.h"
#include <algorithm>
#include <charconv>
#include <cstring>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Text helpers
//-----------------------------------------------------------------------------

enum class Quote { None, Double, Single, SmartDouble, SmartSingle };

// The quote starting at `p` and its length in bytes: " ' and the typographic “ ” ‘ ’ (UTF-8 E2 80 9C/9D/98/99).
Quote quoteAt(std::string_view s, size_t p, size_t* len) {
    if (p >= s.size()) return Quote::None;
    unsigned char c = (unsigned char)s[p];
    *len = 1;
    if (c == '"') return Quote::Double;
    if (c == '\'') return Quote::Single;
    if (c == 0xE2 && p + 2 < s.size() && (unsigned char)s[p + 1] == 0x80) {
        unsigned char d = (unsigned char)s[p + 2];
        *len = 3;
        if (d == 0x9C || d == 0x9D) return Quote::SmartDouble;
        if (d == 0x98 || d == 0x99) return Quote::SmartSingle;
    }
    return Quote::None;
}

// Whether a quote of kind `q` may end a string opened with `open` (smart-quoted strings also end at the ASCII quote).
bool closes(Quote open, Quote q) {
    switch (open) {
    case Quote::Double: return q == Quote::Double;
    case Quote::Single: return q == Quote::Single;
    case Quote::SmartDouble: return q == Quote::SmartDouble || q == Quote::Double;
    case Quote::SmartSingle: return q == Quote::SmartSingle || q == Quote::Single;
    case Quote::None: return false;
    }
    return false;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isWordStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'; }
bool isWordChar(char c) { return isWordStart(c) || isDigit(c) || c == '-' || c == '.'; }

// Length of the well-formed UTF-8 sequence at `p` (RFC 3629 table), or 0 when the bytes are ill-formed.
size_t utf8Length(std::string_view s, size_t p) {
    auto at = [&](size_t k) { return p + k < s.size() ? (unsigned char)s[p + k] : 0u; };
    auto in = [](unsigned v, unsigned lo, unsigned hi) { return v >= lo && v <= hi; };
    unsigned c = at(0);
    if (c < 0x80) return 1;
    if (in(c, 0xC2, 0xDF)) return in(at(1), 0x80, 0xBF) ? 2 : 0;
    if (c == 0xE0) return in(at(1), 0xA0, 0xBF) && in(at(2), 0x80, 0xBF) ? 3 : 0;
    if (in(c, 0xE1, 0xEC) || in(c, 0xEE, 0xEF)) return in(at(1), 0x80, 0xBF) && in(at(2), 0x80, 0xBF) ? 3 : 0;
    if (c == 0xED) return in(at(1), 0x80, 0x9F) && in(at(2), 0x80, 0xBF) ? 3 : 0;
    if (c == 0xF0) return in(at(1), 0x90, 0xBF) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF) ? 4 : 0;
    if (in(c, 0xF1, 0xF3)) return in(at(1), 0x80, 0xBF) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF) ? 4 : 0;
    if (c == 0xF4) return in(at(1), 0x80, 0x8F) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF) ? 4 : 0;
    return 0;
}

// True when the bytes from `p` to the end are the start of a multi-byte character the text cut off.
bool cutUtf8(std::string_view s, size_t p) {
    unsigned c = (unsigned char)s[p];
    size_t need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (need == 0 || p + need <= s.size()) return false;
    for (size_t k = p + 1; k < s.size(); ++k)
        if (((unsigned char)s[k] & 0xC0) != 0x80) return false;
    return true;
}

void appendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80) out += (char)cp;
    else if (cp < 0x800) { out += (char)(0xC0 | (cp >> 6)); out += (char)(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) { out += (char)(0xE0 | (cp >> 12)); out += (char)(0x80 | ((cp >> 6) & 0x3F)); out += (char)(0x80 | (cp & 0x3F)); }
    else { out += (char)(0xF0 | (cp >> 18)); out += (char)(0x80 | ((cp >> 12) & 0x3F)); out += (char)(0x80 | ((cp >> 6) & 0x3F)); out += (char)(0x80 | (cp & 0x3F)); }
}

const char* kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD for ill-formed bytes and lone surrogates

// Reads 4 hex digits at `p`; -1 when they are not all there or not hex.
int hex4(std::string_view s, size_t p) {
    if (p + 4 > s.size()) return -1;
    int v = 0;
    for (size_t k = 0; k < 4; ++k) {
        char c = s[p + k];
        int d = isDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}


std::string describeChar(std::string_view s, size_t p) {
    if (p >= s.size()) return "the end of the text";
    unsigned char c = (unsigned char)s[p];
    if (c < 0x20 || c == 0x7F) return "byte 0x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
    size_t n = std::max<size_t>(1, utf8Length(s, p));
    return "'" + std::string(s.substr(p, n)) + "'";
}

//-----------------------------------------------------------------------------
// [SECTION] Reader
//-----------------------------------------------------------------------------

// How many of each repair the reader made (turned into phrases by parseLenient).
struct FixCounts {
    int comments = 0, trailingCommas = 0, strayCommas = 0, missingCommas = 0;
    int smartQuotes = 0, singleQuotes = 0, unquotedKeys = 0, bareWords = 0;
    int pythonLiterals = 0, nonFinite = 0, numberForms = 0, rawControls = 0, badEscapes = 0, badUtf8 = 0;
    int droppedMembers = 0, cutString = 0;
};

enum class Status { Done, Cut, Failed };  // value complete; text ended inside it; syntax error

enum class Mode {
    Lenient,  // the text is all there is: keep a cut-off string or number, complete a cut-off literal
    Partial,  // more text will come: hold back anything at the very end that may still grow
};

class Reader {
public:
    Reader(std::string_view text, Mode mode) : m_text(text), m_mode(mode) {}

    // Reads the object starting at `start` (which holds '{').
    Status readDocument(size_t start, Json* out) {
        m_pos = start;
        return readObject(out, 1);
    }

    size_t pos() const { return m_pos; }
    size_t errorPos() const { return m_errorPos; }
    const std::string& errorMessage() const { return m_errorMessage; }
    const FixCounts& fixes() const { return m_fixes; }
    const std::vector<std::string>& openInnermostFirst() const { return m_open; }
    bool rootHasMember() const { return m_rootHasMember; }  // the root object got as far as a "key": (prose braces do not)

    // Reads the string whose opening quote is at `start` (used to unwrap a double-encoded document).
    Status readQuoted(size_t start, std::string* out) {
        m_pos = start;
        size_t len = 0;
        Quote q = quoteAt(m_text, m_pos, &len);
        if (q == Quote::None) return fail("expected a quote");
        return readString(q, len, out);
    }

private:
    std::string_view m_text;
    Mode m_mode;
    size_t m_pos = 0;
    std::string m_path;               // JSON Pointer of the value being read
    std::vector<std::string> m_open;  // containers the text ended inside, innermost first
    FixCounts m_fixes;
    size_t m_errorPos = 0;
    std::string m_errorMessage;
    bool m_rootHasMember = false;

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }

    Status fail(std::string message) {
        m_errorPos = m_pos;
        m_errorMessage = std::move(message);
        return Status::Failed;
    }

    Status cutOpen() {
        m_open.push_back(m_path);
        return Status::Cut;
    }

    // Whitespace, a no-break space or BOM, // and /* */ comments.
    void skipSpace() {
        while (m_pos < m_text.size()) {
            char c = m_text[m_pos];
            if (isSpace(c)) { ++m_pos; continue; }
            if (m_text.compare(m_pos, 2, "\xC2\xA0") == 0) { m_pos += 2; continue; }
            if (m_text.compare(m_pos, 3, "\xEF\xBB\xBF") == 0) { m_pos += 3; continue; }
            if (c == '/' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '/') {
                size_t nl = m_text.find('\n', m_pos);
                m_pos = nl == std::string_view::npos ? m_text.size() : nl + 1;
                ++m_fixes.comments;
                continue;
            }
            if (c == '/' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '*') {
                size_t end = m_text.find("*/", m_pos + 2);
                m_pos = end == std::string_view::npos ? m_text.size() : end + 2;
                ++m_fixes.comments;
                continue;
            }
            break;
        }
    }

    // A quote ends a string only when what follows could follow a string in JSON (or a line ends
    // there); otherwise it is an unescaped quote inside the text ("He said "hi"", 'don't').
    bool quoteEndsString(size_t after) const {
        size_t p = after;
        while (p < m_text.size() && isSpace(m_text[p]))
            if (m_text[p++] == '\n') return true;
        if (p >= m_text.size()) return true;
        char c = m_text[p];
        size_t len = 0;
        return c == ',' || c == ':' || c == '}' || c == ']' || c == '/' || quoteAt(m_text, p, &len) != Quote::None;
    }

    bool startsKey() const {
        size_t len = 0;
        return !atEnd() && (quoteAt(m_text, m_pos, &len) != Quote::None || isWordStart(peek()));
    }

    bool startsValue() const {
        if (atEnd()) return false;
        char c = peek();
        return c == '{' || c == '[' || c == '-' || c == '+' || c == '.' || isDigit(c) || startsKey();
    }

    // m_pos is on the opening quote (`len` bytes). Decodes escapes; on Cut, `out` holds the text so far.
    Status readString(Quote open, size_t len, std::string* out) {
        if (open == Quote::Single) ++m_fixes.singleQuotes;
        if (open == Quote::SmartDouble || open == Quote::SmartSingle) ++m_fixes.smartQuotes;
        m_pos += len;
        while (m_pos < m_text.size()) {
            size_t run = m_pos;
            while (run < m_text.size()) {
                unsigned char c = (unsigned char)m_text[run];
                if (c < 0x20 || c >= 0x80 || c == '\\' || c == '"' || c == '\'') break;
                ++run;
            }
            out->append(m_text.data() + m_pos, run - m_pos);
            m_pos = run;
            if (atEnd()) break;
            unsigned char c = (unsigned char)peek();
            size_t qlen = 0;
            Quote q = quoteAt(m_text, m_pos, &qlen);
            if (q != Quote::None) {
                if (closes(open, q) && quoteEndsString(m_pos + qlen)) {
                    m_pos += qlen;
                    return Status::Done;
                }
                out->append(m_text.data() + m_pos, qlen);
                m_pos += qlen;
            } else if (c == '\\') {
                Status st = readEscape(out);
                if (st != Status::Done) return st;
            } else if (c < 0x20) {
                if (c == '\n' || c == '\r' || c == '\t') ++m_fixes.rawControls;
                *out += (char)c;
                ++m_pos;
            } else {
                size_t n = utf8Length(m_text, m_pos);
                if (n == 0) {
                    if (cutUtf8(m_text, m_pos)) { m_pos = m_text.size(); return Status::Cut; }
                    ++m_fixes.badUtf8;
                    out->append(kReplacementChar);
                    ++m_pos;
                } else {
                    out->append(m_text.data() + m_pos, n);
                    m_pos += n;
                }
            }
        }
        return Status::Cut;
    }

    // m_pos is on a backslash inside a string.
    Status readEscape(std::string* out) {
        if (m_pos + 1 >= m_text.size()) { m_pos = m_text.size(); return Status::Cut; }
        char e = m_text[m_pos + 1];
        const char* simple = std::strchr("\"\\/bfnrt'", e);
        if (simple && e != '\0') {
            static const char decoded[] = "\"\\/\b\f\n\r\t'";
            *out += decoded[simple - "\"\\/bfnrt'"];
            m_pos += 2;
            return Status::Done;
        }
        if (e == 'u') {
            if (m_pos + 6 > m_text.size()) { m_pos = m_text.size(); return Status::Cut; }
            int cp = hex4(m_text, m_pos + 2);
            if (cp < 0) {
                ++m_fixes.badEscapes;
                *out += "\\u";
                m_pos += 2;
                return Status::Done;
            }
            m_pos += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                size_t rest = m_text.size() - m_pos;
                if (rest < 6 && (rest == 0 || m_text[m_pos] == '\\')) {
                    m_pos = m_text.size();  // the low half of the pair has not arrived yet
                    return Status::Cut;
                }
                int low = m_text.compare(m_pos, 2, "\\u") == 0 ? hex4(m_text, m_pos + 2) : -1;
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    appendUtf8(*out, 0x10000 + ((unsigned)(cp - 0xD800) << 10) + (unsigned)(low - 0xDC00));
                    m_pos += 6;
                } else {
                    ++m_fixes.badEscapes;
                    out->append(kReplacementChar);
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                ++m_fixes.badEscapes;
                out->append(kReplacementChar);
            } else {
                appendUtf8(*out, (unsigned)cp);
            }
            return Status::Done;
        }
        // An escape JSON does not know (\d in a pattern, \x): keep the backslash as a character.
        ++m_fixes.badEscapes;
        *out += '\\';
        ++m_pos;
        return Status::Done;
    }

    // A bare word: a key, or a value like true, None, NaN or an unquoted string.
    std::string_view readWord() {
        size_t start = m_pos;
        while (m_pos < m_text.size() && isWordChar(m_text[m_pos])) ++m_pos;
        return m_text.substr(start, m_pos - start);
    }

    Status readKey(std::string* key) {
        size_t len = 0;
        Quote q = quoteAt(m_text, m_pos, &len);
        if (q != Quote::None) return readString(q, len, key);
        if (!isWordStart(peek())) return fail("expected a member name in double quotes, found " + describeChar(m_text, m_pos));
        *key = std::string(readWord());
        if (atEnd() && m_mode == Mode::Partial) return Status::Cut;
        ++m_fixes.unquotedKeys;
        return Status::Done;
    }

    Status readWordValue(Json* out) {
        using Literals = std::vector<std::pair<std::string_view, Json>>;
        static const Literals json = {{"true", true}, {"false", false}, {"null", nullptr}};
        static const Literals foreign = {{"True", true}, {"False", false}, {"None", nullptr}, {"TRUE", true}, {"FALSE", false},
                                         {"NULL", nullptr}, {"Null", nullptr}, {"undefined", nullptr}};  // Python, SQL, JavaScript
        std::string_view w = readWord();
        bool atTextEnd = atEnd();
        if (atTextEnd && m_mode == Mode::Partial) { *out = Json(Json::value_t::discarded); return Status::Cut; }
        for (auto& [word, value] : json)
            if (w == word) { *out = value; return Status::Done; }
        for (auto& [word, value] : foreign)
            if (w == word) { ++m_fixes.pythonLiterals; *out = value; return Status::Done; }
        if (w == "NaN" || w == "Infinity" || w == "inf") { ++m_fixes.nonFinite; *out = nullptr; return Status::Done; }
        if (atTextEnd) {  // a literal cut off by the end of the answer: complete it
            for (auto& [word, value] : json)
                if (word.substr(0, w.size()) == w) { *out = value; return Status::Cut; }
            *out = std::string(w);
            return Status::Cut;
        }
        ++m_fixes.bareWords;
        *out = std::string(w);
        return Status::Done;
    }

    Status readNumber(Json* out) {
        size_t start = m_pos;
        bool negative = false;
        if (peek() == '+' || peek() == '-') {
            negative = peek() == '-';
            if (!negative) ++m_fixes.numberForms;
            ++m_pos;
            if (!atEnd() && isWordStart(peek())) {  // -Infinity, +NaN
                std::string_view w = readWord();
                if (w == "Infinity" || w == "NaN" || w == "inf") {
                    if (atEnd() && m_mode == Mode::Partial) { *out = Json(Json::value_t::discarded); return Status::Cut; }
                    ++m_fixes.nonFinite;
                    *out = nullptr;
                    return Status::Done;
                }
                m_pos = start;
                return fail("expected a number, found " + describeChar(m_text, start));
            }
        }
        size_t digitsStart = m_pos;
        bool isFloat = false;
        size_t digits = 0;
        while (!atEnd() && isDigit(peek())) { ++m_pos; ++digits; }
        if (!atEnd() && peek() == '.') {
            isFloat = true;
            ++m_pos;
            while (!atEnd() && isDigit(peek())) { ++m_pos; ++digits; }
        }
        if (digits > 0 && !atEnd() && (peek() == 'e' || peek() == 'E')) {
            size_t e = m_pos + 1;
            if (e < m_text.size() && (m_text[e] == '+' || m_text[e] == '-')) ++e;
            if (e < m_text.size() && isDigit(m_text[e])) {
                isFloat = true;
                m_pos = e;
                while (!atEnd() && isDigit(peek())) ++m_pos;
            } else if (e >= m_text.size()) {
                m_pos = m_text.size();  // "2.5e" at the end: the exponent has not arrived
            }
        }
        bool atTextEnd = atEnd();
        if (atTextEnd && m_mode == Mode::Partial) { *out = Json(Json::value_t::discarded); return Status::Cut; }
        if (digits == 0) {
            if (atTextEnd) { *out = Json(Json::value_t::discarded); return Status::Cut; }
            m_pos = start;
            return fail("expected a number, found " + describeChar(m_text, start));
        }
        std::string_view tok = m_text.substr(digitsStart, m_pos - digitsStart);
        if (tok.front() == '.' || tok.back() == '.' || (tok.size() > 1 && tok[0] == '0' && isDigit(tok[1]))) ++m_fixes.numberForms;
        const char* b = tok.data();
        const char* e = tok.data() + tok.size();
        if (!isFloat) {
            unsigned long long u = 0;
            if (std::from_chars(b, e, u).ec == std::errc()) {
                if (!negative) *out = (std::uint64_t)u;
                else if (u <= (unsigned long long)INT64_MAX + 1ull) *out = (std::int64_t)(0 - u);
                else isFloat = true;
            } else isFloat = true;
        }
        if (isFloat) {
            double d = 0;
            auto r = std::from_chars(b, e, d);
            if (r.ec == std::errc()) *out = negative ? -d : d;
            else { ++m_fixes.nonFinite; *out = nullptr; }  // out of range (1e999)
        }
        return atTextEnd ? Status::Cut : Status::Done;
    }

    Status readValue(Json* out, int depth) {
        skipSpace();
        if (atEnd()) { *out = Json(Json::value_t::discarded); return Status::Cut; }
        char c = peek();
        if (c == '{') return readObject(out, depth + 1);
        if (c == '[') return readArray(out, depth + 1);
        size_t len = 0;
        if (Quote q = quoteAt(m_text, m_pos, &len); q != Quote::None) {
            std::string s;
            Status st = readString(q, len, &s);
            if (st == Status::Cut) {
                if (m_mode == Mode::Partial) { *out = Json(Json::value_t::discarded); return st; }
                ++m_fixes.cutString;
            }
            if (st != Status::Failed) *out = std::move(s);
            return st;
        }
        if (c == '-' || c == '+' || c == '.' || isDigit(c)) return readNumber(out);
        if (isWordStart(c)) return readWordValue(out);
        return fail("expected a value, found " + describeChar(m_text, m_pos));
    }

    // Between the items of an object or array: skips space and commas (counting trailing, stray and
    // missing ones) and stops at the closing bracket (`closed`), at the next item, or where the text ends.
    template <class StartsItem>
    Status nextItem(char close, const char* item, StartsItem startsItem, bool* afterItem, bool* comma, bool* closed) {
        while (true) {
            skipSpace();
            if (atEnd()) return cutOpen();
            char c = peek();
            if (c == close) {
                if (*comma) ++m_fixes.trailingCommas;
                ++m_pos;
                *closed = true;
                return Status::Done;
            }
            if (c != ',') break;
            if (*afterItem) *comma = true;
            else ++m_fixes.strayCommas;
            *afterItem = false;
            ++m_pos;
        }
        if (*afterItem) {
            if (!startsItem()) return fail(std::string("expected ',' or '") + close + "' after " + item + ", found " + describeChar(m_text, m_pos));
            ++m_fixes.missingCommas;
        }
        *comma = false;
        return Status::Done;
    }

    Status readObject(Json* out, int depth) {
        if (depth > SpecLoader::kMaxDepth) return fail("nesting deeper than " + std::to_string(SpecLoader::kMaxDepth) + " levels");
        *out = Json::object();
        ++m_pos;
        bool afterMember = false, comma = false, closed = false;
        while (true) {
            Status sep = nextItem('}', "a member", [&] { return startsKey(); }, &afterMember, &comma, &closed);
            if (sep != Status::Done || closed) return sep;
            std::string key;
            Status st = readKey(&key);
            if (st == Status::Failed) return st;
            if (st == Status::Cut) { ++m_fixes.droppedMembers; return cutOpen(); }
            skipSpace();
            if (atEnd()) { ++m_fixes.droppedMembers; return cutOpen(); }
            if (peek() != ':') return fail("expected ':' after \"" + key + "\", found " + describeChar(m_text, m_pos));
            ++m_pos;
            m_rootHasMember |= depth == 1;
            size_t mark = m_path.size();
            m_path += '/';
            m_path += escapePointer(key);
            Json value;
            st = readValue(&value, depth);
            m_path.resize(mark);
            if (st == Status::Failed) return st;
            if (!value.is_discarded()) (*out)[key] = std::move(value);
            else ++m_fixes.droppedMembers;
            if (st == Status::Cut) return cutOpen();
            afterMember = true;
        }
    }

    Status readArray(Json* out, int depth) {
        if (depth > SpecLoader::kMaxDepth) return fail("nesting deeper than " + std::to_string(SpecLoader::kMaxDepth) + " levels");
        *out = Json::array();
        ++m_pos;
        bool afterElement = false, comma = false, closed = false;
        while (true) {
            Status sep = nextItem(']', "an element", [&] { return startsValue(); }, &afterElement, &comma, &closed);
            if (sep != Status::Done || closed) return sep;
            size_t mark = m_path.size();
            m_path += '/';
            m_path += std::to_string(out->size());
            Json value;
            Status st = readValue(&value, depth);
            m_path.resize(mark);
            if (st == Status::Failed) return st;
            if (!value.is_discarded()) out->push_back(std::move(value));
            if (st == Status::Cut) return cutOpen();
            afterElement = true;
        }
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Lenient parsing
//-----------------------------------------------------------------------------

// Just past the bracket closing the one at `start`, counting brackets outside "strings"; npos when unbalanced.
size_t matchingBracket(std::string_view s, size_t start) {
    int depth = 0;
    for (size_t p = start; p < s.size(); ++p) {
        char c = s[p];
        if (c == '"') {
            for (++p; p < s.size() && s[p] != '"'; ++p)
                if (s[p] == '\\') ++p;
        } else if (c == '{' || c == '[') ++depth;
        else if ((c == '}' || c == ']') && --depth == 0) return p + 1;
    }
    return std::string_view::npos;
}

std::string plural(int n, const char* one, const char* many) { return n == 1 ? std::string(one) : std::to_string(n) + " " + many; }

// The text around the object, minus a code fence: what is left is prose.
bool hasProse(std::string_view around) {
    size_t p = 0;
    while (p < around.size()) {
        size_t nl = around.find('\n', p);
        std::string_view line = around.substr(p, nl == std::string_view::npos ? std::string_view::npos : nl - p);
        p = nl == std::string_view::npos ? around.size() : nl + 1;
        size_t a = line.find_first_not_of(" \t\r");
        if (a == std::string_view::npos) continue;
        line = line.substr(a);
        if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) continue;
        return true;
    }
    return false;
}

// "removed a ```json fence" when the object sat in a fenced block.
std::string fencePhrase(std::string_view before) {
    for (const char* fence : {"```", "~~~"}) {
        size_t f = before.rfind(fence);
        if (f == std::string_view::npos) continue;
        size_t lang = f + 3, end = lang;
        while (end < before.size() && isWordChar(before[end])) ++end;
        return std::string("removed a ") + fence + std::string(before.substr(lang, end - lang)) + " fence";
    }
    return "";
}

void describeFixes(const FixCounts& f, size_t openCount, std::vector<std::string>* out) {
    auto add = [&](int n, const char* one, const char* many, const char* what) {
        if (n > 0) out->push_back("removed " + plural(n, one, many) + what);
    };
    add(f.comments, "a comment", "comments", "");
    add(f.trailingCommas, "a trailing comma", "trailing commas", "");
    add(f.strayCommas, "an extra comma", "extra commas", "");
    if (f.missingCommas) out->push_back("added " + plural(f.missingCommas, "a missing comma", "missing commas"));
    if (f.smartQuotes) out->push_back("replaced smart quotes with \"");
    if (f.singleQuotes) out->push_back("converted " + plural(f.singleQuotes, "a single-quoted string", "single-quoted strings"));
    if (f.unquotedKeys) out->push_back("quoted " + plural(f.unquotedKeys, "an unquoted key", "unquoted keys"));
    if (f.bareWords) out->push_back("quoted " + plural(f.bareWords, "an unquoted value", "unquoted values"));
    if (f.pythonLiterals) out->push_back("converted Python literals (True/False/None)");
    if (f.nonFinite) out->push_back("replaced NaN/Infinity with null");
    if (f.numberForms) out->push_back("normalized " + plural(f.numberForms, "a number", "numbers") + " (+1, .5, 007)");
    if (f.rawControls) out->push_back("escaped " + plural(f.rawControls, "a raw line break or tab", "raw line breaks and tabs") + " in strings");
    if (f.badEscapes) out->push_back("kept " + plural(f.badEscapes, "an invalid escape", "invalid escapes") + " as text");
    if (f.badUtf8) out->push_back("replaced " + plural(f.badUtf8, "an invalid UTF-8 byte", "invalid UTF-8 bytes") + " with U+FFFD");
    if (f.cutString) out->push_back("closed an unfinished string");
    if (f.droppedMembers) out->push_back("dropped an incomplete last member");
    if (openCount) out->push_back("closed " + plural((int)openCount, "a bracket", "brackets") + ": the answer was cut off");
}

LenientResult parseLenientText(std::string_view text, bool mayUnwrap) {
    // The whole document given as one JSON string ("{\"screens\": ...}"): decode it and read that.
    // A JSON object never starts with a quote, so this is tried first.
    if (mayUnwrap) {
        size_t q = text.find_first_not_of(" \t\r\n");
        if (q != std::string_view::npos && (text.compare(q, 3, "```") == 0 || text.compare(q, 3, "~~~") == 0)) {
            size_t nl = text.find('\n', q);
            q = nl == std::string_view::npos ? nl : text.find_first_not_of(" \t\r\n", nl);
        }
        if (q != std::string_view::npos && text[q] == '"') {
            Reader reader(text, Mode::Lenient);
            std::string inner;
            if (reader.readQuoted(q, &inner) != Status::Failed && inner.find('{') != std::string::npos) {
                LenientResult unwrapped = parseLenientText(inner, false);
                if (unwrapped.ok) {
                    unwrapped.fixes.insert(unwrapped.fixes.begin(), "decoded a JSON document given as a quoted string");
                    return unwrapped;
                }
            }
        }
    }
    LenientResult r;
    struct Best { Json doc; size_t start = 0, end = 0; FixCounts fixes; size_t open = 0; bool cut = false; };
    Best best;
    bool found = false;
    size_t failExtent = 0, failPos = 0;
    constexpr int kMaxBrokenCandidates = 16;
    int broken = 0;
    std::string failMessage;
    // Every '{' outside an earlier candidate starts one; the longest readable object wins. The scan
    // resumes after each candidate, so the search is linear in the text.
    for (size_t i = text.find('{'); i != std::string_view::npos; ) {
        Reader reader(text, Mode::Lenient);
        Json doc;
        Status st = reader.readDocument(i, &doc);
        if (st == Status::Failed) {
            // Prose has a few stray braces at most; past this many broken candidates the text is not an
            // answer (and the bracket scans below stay bounded).
            if (++broken > kMaxBrokenCandidates) break;
            // Objects inside a broken one are parts of it, not answers: skip to its matching brace.
            size_t end = matchingBracket(text, i);
            size_t extent = (end != std::string_view::npos ? end : reader.errorPos()) - i;
            if (failMessage.empty() || extent > failExtent) {
                failExtent = extent;
                failPos = reader.errorPos();
                failMessage = reader.errorMessage();
            }
            i = text.find('{', end != std::string_view::npos ? end : std::max(i + 1, reader.errorPos()));
            continue;
        }
        if (!found || reader.pos() - i > best.end - best.start) {
            best = {std::move(doc), i, reader.pos(), reader.fixes(), reader.openInnermostFirst().size(), st == Status::Cut};
            found = true;
        }
        i = text.find('{', reader.pos());
    }
    // A broken candidate larger than every readable one was the real answer: report its error.
    if (found && (failMessage.empty() || best.end - best.start >= failExtent)) {
        r.ok = true;
        r.doc = std::move(best.doc);
        r.truncated = best.cut;
        std::string_view before = text.substr(0, best.start), after = text.substr(best.end);
        std::string fence = fencePhrase(before);
        if (!fence.empty()) r.fixes.push_back(fence);
        if (hasProse(before)) r.fixes.push_back("ignored text before the JSON");
        if (hasProse(after)) r.fixes.push_back("ignored text after the JSON");
        describeFixes(best.fixes, best.open, &r.fixes);
        return r;
    }
    r.error.level = Diagnostic::Level::Error;
    if (!failMessage.empty()) {
        lineCol(text, failPos, &r.error.line, &r.error.col);
        r.error.message = failMessage;
    } else {
        r.error.line = r.error.col = 1;
        r.error.message = text.find_first_not_of(" \t\r\n") == std::string_view::npos
                              ? "the answer is empty; expected a JSON object like {\"screens\": {...}}"
                              : "no JSON object in the answer: expected one starting with '{'";
    }
    return r;
}

} // namespace

LenientResult parseLenient(std::string_view text) {
    return parseLenientText(text, true);
}

std::string validUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t p = 0; p < text.size();) {
        size_t n = utf8Length(text, p);
        if (n == 0) {
            out += kReplacementChar;
            ++p;
        } else {
            out.append(text.data() + p, n);
            p += n;
        }
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Partial parsing
//-----------------------------------------------------------------------------

bool parsePartial(std::string_view prefix, PartialJson* out) {
    for (size_t start = prefix.find('{'); start != std::string_view::npos; ) {
        Reader reader(prefix, Mode::Partial);
        Json value;
        Status st = reader.readDocument(start, &value);
        if (st == Status::Failed && !reader.rootHasMember()) {  // a brace in prose ("use {name} here"): not the document
            start = prefix.find('{', std::max(start + 1, reader.errorPos()));
            continue;
        }
        // A syntax error ends what can be shown: read again as if the text stopped there. Each retry
        // reads a strictly shorter text, and in practice the first retry stops cleanly.
        for (int attempt = 0; st == Status::Failed && attempt < 3; ++attempt) {
            std::string_view text = prefix.substr(0, reader.errorPos());
            reader = Reader(text, Mode::Partial);
            value = Json();
            st = reader.readDocument(start, &value);
        }
        out->value = st == Status::Failed ? Json::object() : std::move(value);
        out->open.assign(reader.openInnermostFirst().rbegin(), reader.openInnermostFirst().rend());
        if (st == Status::Failed) out->open = {""};
        out->complete = st == Status::Done;
        return true;
    }
    return false;
}

bool isOpen(const PartialJson& partial, std::string_view pointer) {
    for (auto& p : partial.open)
        if (p.size() >= pointer.size() && p.compare(0, pointer.size(), pointer) == 0 && (p.size() == pointer.size() || p[pointer.size()] == '/'))
            return true;
    return false;
}

} // namespace pt
