// Promptotype — template and expression engine. The language is described in expr.h and specs/FORMAT.md.
//
// Pipeline: a prop value is scanned for `${...}` once (Template::compile); each expression is lexed into
// tokens and parsed into an ExprNode tree; evaluation walks that tree against a Scope, charging one step
// per node and per lambda call so that no spec can hang the prototype.
//
// Index of this file:
// [SECTION] Values and coercions
// [SECTION] Scope
// [SECTION] Dates
// [SECTION] Lexer
// [SECTION] Parser
// [SECTION] Evaluator
// [SECTION] Standard library
// [SECTION] Template

#include "runtime/spec/expr.h"
#include "runtime/spec/dates.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Values and coercions
//-----------------------------------------------------------------------------

const Json& nullJson() {
    static const Json v;
    return v;
}

const Json& emptyArray() {
    static const Json v = Json::array();
    return v;
}

std::string dumpCompact(const Json& v) {
    return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Integral results become JSON integers, so `round(2.6)` prints "3" and can index an array.
Json numberJson(double d) {
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
        return Json(static_cast<int64_t>(d));
    return Json(d);
}

bool asInteger(const Json& v, int64_t* out) {
    if (v.is_number_unsigned()) {
        const uint64_t u = v.get<uint64_t>();
        if (u > static_cast<uint64_t>(INT64_MAX)) return false;
        *out = static_cast<int64_t>(u);
        return true;
    }
    if (v.is_number_integer()) { *out = v.get<int64_t>(); return true; }
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (d != std::floor(d) || std::fabs(d) > 9e15) return false;
        *out = static_cast<int64_t>(d);
        return true;
    }
    return false;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'; }
bool isIdentChar(char c) { return isIdentStart(c) || isDigit(c); }

std::string_view trimView(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

// A decimal number spanning all of [first, last): digits, '.', an exponent; false when out of range. strtod rather than
// from_chars: the web build's libc++ (13) has no floating-point from_chars, and the program keeps the "C" locale.
bool readDecimal(const char* first, const char* last, double* out) {
    const auto decimalChar = [](char c) { return isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'; };
    if (first == last || !std::all_of(first, last, decimalChar)) return false;  // no hex, "inf" or "nan"
    const std::string text(first, last);
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || errno == ERANGE) return false;
    *out = value;
    return true;
}

// Decimal numbers only: "inf", "nan" and hex are text, not numbers, in a spec.
bool parseNumber(std::string_view s, double* out) {
    s = trimView(s);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    const size_t first = (!s.empty() && s.front() == '-') ? 1 : 0;
    if (first >= s.size() || !(isDigit(s[first]) || s[first] == '.')) return false;
    return readDecimal(s.data(), s.data() + s.size(), out);
}

double toNumber(const Json& v) {
    switch (v.type()) {
    case Json::value_t::null: return 0;
    case Json::value_t::boolean: return v.get<bool>() ? 1 : 0;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return v.get<double>();
    case Json::value_t::string: {
        const std::string& s = v.get_ref<const std::string&>();
        if (trimView(s).empty()) return 0;
        double d;
        return parseNumber(s, &d) ? d : NAN;
    }
    default: return NAN;
    }
}

// Shortest reasonable text: integers without ".0", others with up to 10 significant digits.
std::string formatDouble(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
    char buf[64];
    if (d == std::floor(d) && std::fabs(d) < 1e21) {
        std::snprintf(buf, sizeof buf, "%.0f", d == 0 ? 0.0 : d);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.10g", d);
    std::string s = buf;
    if (s.find('e') != std::string::npos && std::fabs(d) >= 1) {
        const int intDigits = static_cast<int>(std::floor(std::log10(std::fabs(d)))) + 1;
        std::snprintf(buf, sizeof buf, "%.*f", std::max(0, 10 - intDigits), d);
        s = buf;
        if (s.find('.') != std::string::npos) {
            while (s.back() == '0') s.pop_back();
            if (s.back() == '.') s.pop_back();
        }
    }
    return s;
}

// UTF-8 aware lengths, so "…" and accented names count as one character each.
size_t utf8Length(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

size_t utf8Offset(std::string_view s, size_t codepoints) {
    size_t i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (codepoints == 0) return i;
            --codepoints;
        }
    }
    return s.size();
}

size_t sizeOf(const Json& v) {
    if (v.is_array() || v.is_object()) return v.size();
    if (v.is_string()) return utf8Length(v.get_ref<const std::string&>());
    return 0;
}

// `==`: numbers numerically, a number and a numeric string as numbers, containers structurally.
bool looseEquals(const Json& a, const Json& b) {
    if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
    if (a.is_string() && b.is_string()) return a.get_ref<const std::string&>() == b.get_ref<const std::string&>();
    const bool aScalar = a.is_primitive(), bScalar = b.is_primitive();
    if (aScalar && bScalar) {
        double x = 0, y = 0;
        if (a.is_string() && !parseNumber(a.get_ref<const std::string&>(), &x)) return false;
        if (b.is_string() && !parseNumber(b.get_ref<const std::string&>(), &y)) return false;
        if (!a.is_string()) x = toNumber(a);
        if (!b.is_string()) y = toNumber(b);
        return x == y;
    }
    return a == b;
}

// `<` and friends: two strings compare lexicographically (ISO dates sort correctly), anything else as
// numbers. Returns -1/0/1, or 2 when unordered (NaN involved).
int compareLoose(const Json& a, const Json& b) {
    if (a.is_string() && b.is_string()) {
        const int c = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    const double x = toNumber(a), y = toNumber(b);
    if (std::isnan(x) || std::isnan(y)) return 2;
    return x < y ? -1 : x > y ? 1 : 0;
}

// A total order for sort(): numbers, then strings, then containers, nulls last.
int sortRank(const Json& v) {
    if (v.is_number() || v.is_boolean()) return std::isnan(toNumber(v)) ? 2 : 0;
    if (v.is_string()) return 1;
    return v.is_null() ? 3 : 2;
}

int compareForSort(const Json& a, const Json& b) {
    const int ra = sortRank(a), rb = sortRank(b);
    if (ra != rb) return ra < rb ? -1 : 1;
    if (ra == 0 || ra == 1) return compareLoose(a, b);
    return 0;
}

} // namespace

std::string toDisplayString(const Json& v) {
    switch (v.type()) {
    case Json::value_t::null: return {};
    case Json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer: return std::to_string(v.get<int64_t>());
    case Json::value_t::number_unsigned: return std::to_string(v.get<uint64_t>());
    case Json::value_t::number_float: return formatDouble(v.get<double>());
    case Json::value_t::string: return v.get<std::string>();
    default: return dumpCompact(v);
    }
}

bool truthy(const Json& v) {
    switch (v.type()) {
    case Json::value_t::null: return false;
    case Json::value_t::boolean: return v.get<bool>();
    case Json::value_t::number_integer: return v.get<int64_t>() != 0;
    case Json::value_t::number_unsigned: return v.get<uint64_t>() != 0;
    case Json::value_t::number_float: { const double d = v.get<double>(); return d != 0 && !std::isnan(d); }
    case Json::value_t::string: return !v.get_ref<const std::string&>().empty();
    case Json::value_t::array: return !v.empty();
    default: return true;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Scope
//-----------------------------------------------------------------------------

// Pointers returned by find() into owned values stay valid only until the next bind on the same Scope
// (m_vars may reallocate). The evaluator never binds while it holds such a pointer: lambda arguments are
// bound in a fresh child Scope, and callers bind `index`, aliases and params before evaluating.

void Scope::bindRef(std::string name, const Json* value) {
    m_vars.push_back(Var{std::move(name), value, Json(), true});
}

void Scope::bindValue(std::string name, Json value) {
    m_vars.push_back(Var{std::move(name), nullptr, std::move(value), false});
}

const Json* Scope::find(std::string_view name) const {
    for (const Scope* s = this; s; s = s->m_parent)
        for (auto it = s->m_vars.rbegin(); it != s->m_vars.rend(); ++it)
            if (it->name == name) return it->isRef ? it->ref : &it->owned;
    if (m_state && m_state->is_object()) {
        const auto it = m_state->find(name);
        if (it != m_state->end()) return &*it;
    }
    return nullptr;
}

Scope Scope::snapshot() const {
    Scope out(m_state);
    // Outermost first, so inner bindings (pushed later) win in find().
    std::vector<const Scope*> chain;
    for (const Scope* s = this; s; s = s->m_parent) chain.push_back(s);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
        for (auto& v : (*it)->m_vars) out.bindValue(v.name, v.isRef ? (v.ref ? *v.ref : Json()) : v.owned);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Dates
//-----------------------------------------------------------------------------

// Naive local time on a simulated clock: seconds since 1970-01-01T00:00, counted in days with
// dates.h so results never depend on the host's time zone.

namespace {

constexpr double kDay = kSecondsPerDay;

// A clock time's fields; weekday 0 = Sunday.
struct Civil { int64_t year; int month, day, hour, minute, second, weekday; };

// Keeps conversions to integers defined: roughly years -7500..+11500.
bool dateInRange(double t) { return std::isfinite(t) && std::fabs(t) < 3e11; }

Civil civilFromSeconds(double t) {
    const int64_t days = dayOf(t);
    const int64_t secs = static_cast<int64_t>(std::floor(t - static_cast<double>(days) * kDay));
    const CivilDate date = civilFromDays(days);
    return {date.year, date.month, date.day, static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
            static_cast<int>(secs % 60), weekday(days)};
}

// A parsed date argument, remembering its written shape so date arithmetic can answer in kind.
struct Moment { double t = 0; bool dateOnly = false; bool withSeconds = false; };

bool parseMoment(const Json& v, Moment* m) {
    if (!v.is_string()) return false;
    const std::string& s = v.get_ref<const std::string&>();
    if (!parseDateTime(s, &m->t)) return false;
    m->dateOnly = s.size() == 10;
    m->withSeconds = s.size() >= 19 && s[16] == ':';
    return true;
}

std::string pad2(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string formatMoment(double t, bool dateOnly, bool withSeconds) {
    if (!dateInRange(t)) return {};
    const Civil c = civilFromSeconds(t);
    char buf[48];
    if (dateOnly)
        std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(c.year), c.month, c.day);
    else if (withSeconds)
        std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02d", static_cast<long long>(c.year), c.month,
                      c.day, c.hour, c.minute, c.second);
    else
        std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d", static_cast<long long>(c.year), c.month, c.day,
                      c.hour, c.minute);
    return buf;
}

// Moment.js-style tokens; text in [brackets] is copied verbatim.
std::string formatDate(double t, std::string_view fmt) {
    static constexpr std::string_view kTokens[] = {"YYYY", "MMMM", "dddd", "MMM", "ddd", "YY", "MM", "DD", "HH",
                                                   "hh",   "mm",   "ss",   "M",   "D",   "H",  "h",  "A"};
    if (!dateInRange(t)) return {};
    const Civil c = civilFromSeconds(t);
    const int hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
    std::string out;
    for (size_t i = 0; i < fmt.size();) {
        if (fmt[i] == '[') {
            const size_t close = fmt.find(']', i);
            if (close != std::string_view::npos) {
                out += fmt.substr(i + 1, close - i - 1);
                i = close + 1;
                continue;
            }
        }
        size_t tok = std::size(kTokens);
        for (size_t k = 0; k < std::size(kTokens); ++k)
            if (fmt.substr(i, kTokens[k].size()) == kTokens[k]) { tok = k; break; }
        if (tok == std::size(kTokens)) { out += fmt[i++]; continue; }
        i += kTokens[tok].size();
        switch (tok) {
        case 0: {
            char buf[24];
            std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(c.year));
            out += buf;
            break;
        }
        case 1: out += monthName(c.month); break;
        case 2: out += weekdayName(c.weekday); break;
        case 3: out += monthName(c.month).substr(0, 3); break;
        case 4: out += weekdayName(c.weekday).substr(0, 3); break;
        case 5: out += pad2(static_cast<int>(((c.year % 100) + 100) % 100)); break;
        case 6: out += pad2(c.month); break;
        case 7: out += pad2(c.day); break;
        case 8: out += pad2(c.hour); break;
        case 9: out += pad2(hour12); break;
        case 10: out += pad2(c.minute); break;
        case 11: out += pad2(c.second); break;
        case 12: out += std::to_string(c.month); break;
        case 13: out += std::to_string(c.day); break;
        case 14: out += std::to_string(c.hour); break;
        case 15: out += std::to_string(hour12); break;
        default: out += c.hour < 12 ? "AM" : "PM"; break;
        }
    }
    return out;
}

std::string plural(int64_t n, const char* unit) { return std::to_string(n) + " " + unit + (n == 1 ? "" : "s"); }

// Minutes and hours for nearby date-times, calendar days otherwise; a date-only value never says "5 hours".
std::string relativeTime(const Moment& m, double now) {
    if (!m.dateOnly) {
        const double diff = m.t - now, a = std::fabs(diff);
        if (a < 60) return "just now";
        if (a < 86400) {
            const std::string phrase = a < 3600 ? std::to_string(static_cast<int64_t>(a / 60)) + " min"
                                                : plural(static_cast<int64_t>(a / 3600), "hour");
            return diff < 0 ? phrase + " ago" : "in " + phrase;
        }
    }
    const int64_t days = dayOf(m.t) - dayOf(now);
    if (days == 0) return "today";
    if (days == -1) return "yesterday";
    if (days == 1) return "tomorrow";
    if (days >= -30 && days <= 30) return days < 0 ? plural(-days, "day") + " ago" : "in " + plural(days, "day");
    return formatDate(m.t, "MMM D");
}

} // namespace

bool parseDateTime(std::string_view s, double* secondsOut) {
    const auto digits = [&](size_t pos, size_t n, int* v) {
        if (pos + n > s.size()) return false;
        int r = 0;
        for (size_t i = 0; i < n; ++i) {
            if (!isDigit(s[pos + i])) return false;
            r = r * 10 + (s[pos + i] - '0');
        }
        *v = r;
        return true;
    };
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!digits(0, 4, &y) || s.size() < 10 || s[4] != '-' || !digits(5, 2, &mo) || s[7] != '-' || !digits(8, 2, &d))
        return false;
    size_t p = 10;
    if (p < s.size()) {
        if ((s[p] != 'T' && s[p] != ' ') || !digits(p + 1, 2, &h) || p + 3 >= s.size() || s[p + 3] != ':' ||
            !digits(p + 4, 2, &mi))
            return false;
        p += 6;
        if (p < s.size() && s[p] == ':') {
            if (!digits(p + 1, 2, &sec)) return false;
            p += 3;
            if (p < s.size() && s[p] == '.') {  // fractional seconds are accepted and dropped
                ++p;
                while (p < s.size() && isDigit(s[p])) ++p;
            }
        }
        if (p < s.size() && s[p] == 'Z') ++p;  // zones are ignored: the clock is naive local time
        if (p != s.size()) return false;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return false;
    *secondsOut = static_cast<double>(daysFromCivil(y, mo, d)) * kDay +
                  h * 3600.0 + mi * 60.0 + sec;
    return true;
}

std::string formatIsoDate(double seconds) { return formatMoment(seconds, true, false); }
std::string formatIsoDateTime(double seconds) { return formatMoment(seconds, false, false); }

//-----------------------------------------------------------------------------
// [SECTION] Lexer
//-----------------------------------------------------------------------------

namespace {

enum class Tok : uint8_t { End, Number, String, Ident, Op };

struct Token {
    Tok kind = Tok::End;
    uint32_t pos = 0, len = 0;  // byte span in the template string, for error columns
    std::string_view op;        // canonical operator: "===" lexes as "==", "?." as "."
    std::string text;           // identifier name or decoded string literal
    Json number;
};

struct SyntaxError { std::string message; };

// Long strings are shortened so an error message stays one readable line.
std::string quoteForError(std::string_view src) {
    if (utf8Length(src) <= 120) return std::string(src);
    return std::string(src.substr(0, utf8Offset(src, 117))) + "…";
}

[[noreturn]] void failAt(std::string_view src, size_t pos, const std::string& what) {
    throw SyntaxError{what + " at column " + std::to_string(utf8Length(src.substr(0, pos)) + 1) + " in '" +
                      quoteForError(src) + "'"};
}

std::vector<Token> lex(std::string_view src, size_t begin, size_t end) {
    // Longest first; the second element is the canonical spelling the parser sees.
    static constexpr std::pair<std::string_view, std::string_view> kOps[] = {
        {"===", "=="}, {"!==", "!="}, {"=>", "=>"}, {"==", "=="}, {"!=", "!="}, {"<=", "<="}, {">=", ">="},
        {"&&", "&&"},  {"||", "||"},  {"??", "??"}, {"?.", "."},  {"+", "+"},   {"-", "-"},   {"*", "*"},
        {"/", "/"},    {"%", "%"},    {"!", "!"},   {"<", "<"},   {">", ">"},   {"?", "?"},   {":", ":"},
        {"(", "("},    {")", ")"},    {"[", "["},   {"]", "]"},   {"{", "{"},   {"}", "}"},   {",", ","},
        {".", "."}};
    std::vector<Token> out;
    size_t i = begin;
    for (;;) {
        while (i < end && isSpace(src[i])) ++i;
        Token t;
        t.pos = static_cast<uint32_t>(i);
        if (i >= end) {
            out.push_back(std::move(t));
            return out;
        }
        const char c = src[i];
        if (isDigit(c) || (c == '.' && i + 1 < end && isDigit(src[i + 1]))) {
            t.kind = Tok::Number;
            bool isFloat = false;
            while (i < end && isDigit(src[i])) ++i;
            if (i + 1 < end && src[i] == '.' && isDigit(src[i + 1])) {
                isFloat = true;
                for (++i; i < end && isDigit(src[i]);) ++i;
            }
            if (i < end && (src[i] == 'e' || src[i] == 'E')) {
                size_t j = i + 1;
                if (j < end && (src[j] == '+' || src[j] == '-')) ++j;
                if (j < end && isDigit(src[j])) {
                    isFloat = true;
                    for (i = j; i < end && isDigit(src[i]);) ++i;
                }
            }
            const char* first = src.data() + t.pos;
            const char* last = src.data() + i;
            int64_t iv;
            double dv = 0;
            if (!isFloat && std::from_chars(first, last, iv).ec == std::errc()) t.number = iv;
            else if (readDecimal(first, last, &dv)) t.number = dv;
            else failAt(src, t.pos, "number out of range");
        } else if (c == '\'' || c == '"') {
            t.kind = Tok::String;
            for (++i;; ++i) {
                if (i >= end) failAt(src, t.pos, "unterminated string");
                if (src[i] == c) { ++i; break; }
                if (src[i] == '\\' && i + 1 < end) {
                    const char e = src[++i];
                    t.text += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
                } else {
                    t.text += src[i];
                }
            }
        } else if (isIdentStart(c)) {
            t.kind = Tok::Ident;
            while (i < end && isIdentChar(src[i])) ++i;
            t.text = std::string(src.substr(t.pos, i - t.pos));
        } else {
            t.kind = Tok::Op;
            for (const auto& [spelling, canonical] : kOps) {
                if (src.substr(i, spelling.size()) != spelling || i + spelling.size() > end) continue;
                if (spelling == "?." && i + 2 < end && isDigit(src[i + 2])) continue;  // `a ?.5 : 1` is a ternary
                t.op = canonical;
                i += spelling.size();
                break;
            }
            if (t.op.empty()) {
                if (c == '=') failAt(src, i, "unexpected '=' (use '==' to compare)");
                const size_t n = utf8Offset(src.substr(i), 1);
                failAt(src, i, "unexpected character '" + std::string(src.substr(i, n)) + "'");
            }
        }
        t.len = static_cast<uint32_t>(i - t.pos);
        out.push_back(std::move(t));
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Parser
//-----------------------------------------------------------------------------

enum class NodeKind : uint8_t {
    Literal, Ident, Member, Index, Unary, Binary, And, Or, Nullish, Ternary, Call, Lambda, ArrayLit, ObjectLit
};
enum class Op : uint8_t { None, Not, Neg, Pos, Add, Sub, Mul, Div, Mod, Eq, Ne, Lt, Le, Gt, Ge };

class Call;
using BuiltinFn = Json (*)(Call&);
BuiltinFn findBuiltin(std::string_view name);

// Free identifiers and called functions, collected while parsing for the validator.
struct CompileInfo { std::vector<std::string> identifiers, functions; };

void addUnique(std::vector<std::string>& list, const std::string& name) {
    if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
}

} // namespace

struct ExprNode {
    NodeKind kind = NodeKind::Literal;
    Op op = Op::None;
    Json value;                                    // Literal
    std::string name;                              // Ident, Member, Call, Lambda parameter
    BuiltinFn fn = nullptr;                        // Call: resolved at compile time; null means host or unknown
    std::vector<std::unique_ptr<ExprNode>> kids;   // operands, arguments, elements; Lambda: its body
    std::vector<std::string> keys;                 // ObjectLit, parallel to kids
};

namespace {

using NodePtr = std::unique_ptr<ExprNode>;

struct BinaryOp { std::string_view text; int prec; NodeKind kind; Op op; };
constexpr BinaryOp kBinaryOps[] = {
    {"??", 1, NodeKind::Nullish, Op::None}, {"||", 2, NodeKind::Or, Op::None},   {"&&", 3, NodeKind::And, Op::None},
    {"==", 4, NodeKind::Binary, Op::Eq},    {"!=", 4, NodeKind::Binary, Op::Ne}, {"<", 5, NodeKind::Binary, Op::Lt},
    {"<=", 5, NodeKind::Binary, Op::Le},    {">", 5, NodeKind::Binary, Op::Gt},  {">=", 5, NodeKind::Binary, Op::Ge},
    {"+", 6, NodeKind::Binary, Op::Add},    {"-", 6, NodeKind::Binary, Op::Sub}, {"*", 7, NodeKind::Binary, Op::Mul},
    {"/", 7, NodeKind::Binary, Op::Div},    {"%", 7, NodeKind::Binary, Op::Mod}};

// Recursive descent with precedence climbing. Recursion happens only through parseExpr, parseUnary and
// parseLambda, each guarded by the depth limit. Operator chains (`a + b + c`, `a.b.c`) loop instead and
// build left-deep trees, so the finished tree's height is checked too: the evaluator recurses over it.
class Parser {
public:
    static constexpr int kMaxDepth = 64;
    static constexpr int kMaxHeight = 256;

    Parser(std::string_view src, std::vector<Token> toks, CompileInfo& info)
        : m_src(src), m_toks(std::move(toks)), m_info(info) {}

    NodePtr parseAll() {
        NodePtr n = parseExpr();
        if (peek().kind != Tok::End) unexpected(peek());
        if (height(*n) > kMaxHeight)
            failAt(m_src, m_toks.front().pos, "expression is too complex (more than 256 chained operations)");
        return n;
    }

private:
    // Bounded by the 2,000-character limit, and cheap: this walk keeps no locals worth mentioning.
    static int height(const ExprNode& n) {
        int h = 0;
        for (const NodePtr& k : n.kids) h = std::max(h, height(*k));
        return h + 1;
    }

    struct DepthGuard {
        Parser& p;
        DepthGuard(Parser& parser, const Token& at) : p(parser) {
            if (++p.m_depth > kMaxDepth) failAt(p.m_src, at.pos, "expression nests deeper than 64 levels");
        }
        ~DepthGuard() { --p.m_depth; }
    };

    const Token& peek(size_t ahead = 0) const { return m_toks[std::min(m_i + ahead, m_toks.size() - 1)]; }
    const Token& next() { const Token& t = peek(); if (m_i + 1 < m_toks.size()) ++m_i; return t; }
    static bool isOp(const Token& t, std::string_view op) { return t.kind == Tok::Op && t.op == op; }
    bool accept(std::string_view op) { if (!isOp(peek(), op)) return false; next(); return true; }

    std::string describe(const Token& t) const {
        return t.kind == Tok::End ? "end of expression" : "'" + std::string(m_src.substr(t.pos, t.len)) + "'";
    }
    [[noreturn]] void unexpected(const Token& t) const { failAt(m_src, t.pos, "unexpected " + describe(t)); }
    void expect(std::string_view op) {
        if (!accept(op)) failAt(m_src, peek().pos, "expected '" + std::string(op) + "' but found " + describe(peek()));
    }

    NodePtr make(NodeKind kind) const {
        auto n = std::make_unique<ExprNode>();
        n->kind = kind;
        return n;
    }

    bool lambdaAhead() const {
        if (peek().kind == Tok::Ident && isOp(peek(1), "=>")) return true;
        return isOp(peek(), "(") && peek(1).kind == Tok::Ident && isOp(peek(2), ")") && isOp(peek(3), "=>");
    }

    NodePtr parseExpr() {
        DepthGuard guard(*this, peek());
        NodePtr cond = parseBinary(1);
        if (!accept("?")) return cond;
        auto n = make(NodeKind::Ternary);
        n->kids.push_back(std::move(cond));
        n->kids.push_back(parseExpr());
        expect(":");
        n->kids.push_back(parseExpr());
        return n;
    }

    NodePtr parseBinary(int minPrec) {
        NodePtr left = parseUnary();
        for (;;) {
            const BinaryOp* found = nullptr;
            if (peek().kind == Tok::Op)
                for (const BinaryOp& b : kBinaryOps)
                    if (b.text == peek().op) { found = &b; break; }
            if (!found || found->prec < minPrec) return left;
            next();
            auto n = make(found->kind);
            n->op = found->op;
            n->kids.push_back(std::move(left));
            n->kids.push_back(parseBinary(found->prec + 1));
            left = std::move(n);
        }
    }

    NodePtr parseUnary() {
        const Token& t = peek();
        const Op op = isOp(t, "!") ? Op::Not : isOp(t, "-") ? Op::Neg : isOp(t, "+") ? Op::Pos : Op::None;
        if (op == Op::None) return parsePostfix();
        DepthGuard guard(*this, t);
        next();
        auto n = make(NodeKind::Unary);
        n->op = op;
        n->kids.push_back(parseUnary());
        return n;
    }

    NodePtr parsePostfix() {
        NodePtr n = parsePrimary();
        for (;;) {
            if (accept(".")) {
                const Token& name = next();
                if (name.kind != Tok::Ident) unexpected(name);
                auto m = make(NodeKind::Member);
                m->name = name.text;
                m->kids.push_back(std::move(n));
                n = std::move(m);
            } else if (accept("[")) {
                auto m = make(NodeKind::Index);
                m->kids.push_back(std::move(n));
                m->kids.push_back(parseExpr());
                expect("]");
                n = std::move(m);
            } else {
                return n;
            }
        }
    }

    NodePtr literal(Json v) const {
        auto n = make(NodeKind::Literal);
        n->value = std::move(v);
        return n;
    }

    NodePtr parsePrimary() {
        if (lambdaAhead())
            failAt(m_src, peek().pos,
                   "arrow functions are only allowed as function arguments, e.g. filter(items, x => x.done)");
        const Token& t = next();
        switch (t.kind) {
        case Tok::Number: return literal(t.number);
        case Tok::String: return literal(t.text);
        case Tok::Ident:
            if (t.text == "true") return literal(true);
            if (t.text == "false") return literal(false);
            if (t.text == "null" || t.text == "undefined") return literal(nullptr);
            if (isOp(peek(), "(")) return parseCall(t);
            {
                auto n = make(NodeKind::Ident);
                n->name = t.text;
                if (std::find(m_params.begin(), m_params.end(), t.text) == m_params.end())
                    addUnique(m_info.identifiers, t.text);
                return n;
            }
        case Tok::Op:
            if (t.op == "(") {
                NodePtr n = parseExpr();
                expect(")");
                return n;
            }
            if (t.op == "[") {
                auto n = make(NodeKind::ArrayLit);
                while (!isOp(peek(), "]")) {
                    n->kids.push_back(parseExpr());
                    if (!accept(",")) break;
                }
                expect("]");
                return n;
            }
            if (t.op == "{") return parseObject();
            break;
        case Tok::End: break;
        }
        unexpected(t);
    }

    NodePtr parseObject() {
        auto n = make(NodeKind::ObjectLit);
        while (!isOp(peek(), "}")) {
            const Token& key = next();
            if (key.kind != Tok::Ident && key.kind != Tok::String && key.kind != Tok::Number) unexpected(key);
            n->keys.push_back(key.kind == Tok::Number ? toDisplayString(key.number) : key.text);
            expect(":");
            n->kids.push_back(parseExpr());
            if (!accept(",")) break;
        }
        expect("}");
        return n;
    }

    NodePtr parseCall(const Token& nameTok) {
        auto n = make(NodeKind::Call);
        n->name = nameTok.text;
        n->fn = findBuiltin(n->name);
        addUnique(m_info.functions, n->name);
        expect("(");
        while (!isOp(peek(), ")")) {
            n->kids.push_back(lambdaAhead() ? parseLambda() : parseExpr());
            if (!accept(",")) break;
        }
        expect(")");
        return n;
    }

    NodePtr parseLambda() {
        DepthGuard guard(*this, peek());
        const bool paren = accept("(");
        auto n = make(NodeKind::Lambda);
        n->name = next().text;
        if (paren) expect(")");
        expect("=>");
        m_params.push_back(n->name);
        n->kids.push_back(parseExpr());
        m_params.pop_back();
        return n;
    }

    std::string_view m_src;
    std::vector<Token> m_toks;
    CompileInfo& m_info;
    std::vector<std::string> m_params;  // lambda parameters in scope: not free identifiers
    size_t m_i = 0;
    int m_depth = 0;
};

constexpr size_t kMaxExpressionLength = limits::kExpressionLength.value;

// Parses src[begin, end), the inside of one `${...}`; columns in errors count from the start of src.
NodePtr parseExpression(std::string_view src, size_t begin, size_t end, CompileInfo& info) {
    if (end - begin > kMaxExpressionLength)
        failAt(src, begin, "expression is longer than " + std::to_string(kMaxExpressionLength) + " characters");
    if (trimView(src.substr(begin, end - begin)).empty()) failAt(src, begin - 2, "empty expression");
    return Parser(src, lex(src, begin, end), info).parseAll();
}

//-----------------------------------------------------------------------------
// [SECTION] Evaluator
//-----------------------------------------------------------------------------

struct EvalError { std::string message; };

// Functions that can grow text (replace, join, `+`) also pay per byte produced, so nesting them cannot
// double a string sixty times within a handful of steps.
constexpr size_t kBytesPerStep = 64;

class Evaluator {
public:
    explicit Evaluator(const EvalEnv& env) : m_env(env) {}

    const EvalEnv& env() const { return m_env; }

    void charge(long steps) {
        m_steps += steps;
        if (m_steps > m_env.stepBudget) throw EvalError{"expression exceeded its work budget"};
    }

    Json value(const ExprNode& n, const Scope& s) {
        if (n.kind == NodeKind::Ident || n.kind == NodeKind::Member || n.kind == NodeKind::Index) {
            Json tmp;
            const Json* p = ref(n, s, tmp);
            return p == &tmp ? std::move(tmp) : *p;
        }
        charge(1);
        return compute(n, s);
    }

    // Paths resolve to a pointer into the scope or state (no copy); anything computed lands in `tmp`.
    const Json* ref(const ExprNode& n, const Scope& s, Json& tmp) {
        switch (n.kind) {
        case NodeKind::Ident: {
            charge(1);
            const Json* v = s.find(n.name);
            return v ? v : &nullJson();
        }
        case NodeKind::Member: {
            charge(1);
            return member(*ref(*n.kids[0], s, tmp), n.name, tmp);
        }
        case NodeKind::Index: {
            charge(1);
            const Json* base = ref(*n.kids[0], s, tmp);
            Json keyTmp;
            const Json* key = ref(*n.kids[1], s, keyTmp);
            if (key->is_string()) return member(*base, key->get_ref<const std::string&>(), tmp);
            int64_t i;
            if (!asInteger(*key, &i) || i < 0) return &nullJson();
            if (base->is_array())
                return i < static_cast<int64_t>(base->size()) ? &(*base)[static_cast<size_t>(i)] : &nullJson();
            if (base->is_string()) {
                const std::string& str = base->get_ref<const std::string&>();
                const size_t from = utf8Offset(str, static_cast<size_t>(i));
                if (from >= str.size()) return &nullJson();
                std::string ch = str.substr(from, utf8Offset(std::string_view(str).substr(from), 1));
                tmp = std::move(ch);
                return &tmp;
            }
            return &nullJson();
        }
        default:
            charge(1);
            tmp = compute(n, s);
            return &tmp;
        }
    }

    Json invoke(const ExprNode& lambda, const Json& arg, const Scope& s) {
        charge(1);
        Scope child(s.state(), &s);
        child.bindRef(lambda.name, &arg);
        return value(*lambda.kids[0], child);
    }

private:
    // `base` may live inside `tmp`; results are computed before `tmp` is overwritten.
    static const Json* member(const Json& base, std::string_view name, Json& tmp) {
        if (base.is_object()) {
            const auto it = base.find(name);
            if (it != base.end()) return &*it;
        }
        if (name == "length" && (base.is_array() || base.is_string())) {
            const size_t n = sizeOf(base);
            tmp = n;
            return &tmp;
        }
        return &nullJson();
    }

    Json compute(const ExprNode& n, const Scope& s);
    Json binary(Op op, const Json& a, const Json& b);
    Json call(const ExprNode& n, const Scope& s);

    const EvalEnv& m_env;
    long m_steps = 0;
};

// One argument of a call: a value (possibly borrowed from the scope) or an unevaluated lambda.
struct Arg {
    Json tmp;
    const Json* value = &nullJson();
    const ExprNode* lambda = nullptr;
};

// What a standard-library function sees: its arguments, plus ways to run lambdas and charge work.
class Call {
public:
    Call(Evaluator& ev, const Scope& scope, std::vector<Arg>& args) : m_ev(ev), m_scope(scope), m_args(args) {}

    size_t size() const { return m_args.size(); }
    const Json& operator[](size_t i) const { return i < m_args.size() ? *m_args[i].value : nullJson(); }
    bool given(size_t i) const { return i < m_args.size() && (m_args[i].lambda || !m_args[i].value->is_null()); }
    const Json& array(size_t i) const { return (*this)[i].is_array() ? (*this)[i] : emptyArray(); }

    double number(size_t i, double fallback = 0) const {
        const double d = given(i) ? toNumber((*this)[i]) : NAN;
        return std::isnan(d) ? fallback : d;
    }
    std::string text(size_t i, std::string fallback = {}) const {
        return given(i) ? toDisplayString((*this)[i]) : fallback;
    }

    // Argument i applied to `item`: a lambda is invoked, a string picks a field ('amount', 'user.name'),
    // and a missing argument yields the item itself.
    const Json& project(size_t i, const Json& item, Json& tmp) {
        if (i < m_args.size() && m_args[i].lambda) return tmp = m_ev.invoke(*m_args[i].lambda, item, m_scope);
        if (!(*this)[i].is_string()) return item;
        const Json* v = &item;
        std::string_view path = (*this)[i].get_ref<const std::string&>();
        while (v && !path.empty()) {
            const size_t dot = path.find('.');
            const std::string_view key = path.substr(0, dot);
            path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
            if (!v->is_object()) return nullJson();
            const auto it = v->find(key);
            v = it == v->end() ? nullptr : &*it;
        }
        return v ? *v : nullJson();
    }

    void charge(long steps) { m_ev.charge(steps); }
    const EvalEnv& env() const { return m_ev.env(); }

private:
    Evaluator& m_ev;
    const Scope& m_scope;
    std::vector<Arg>& m_args;
};

Json Evaluator::compute(const ExprNode& n, const Scope& s) {
    switch (n.kind) {
    case NodeKind::Literal: return n.value;
    case NodeKind::Unary: {
        Json tmp;
        const Json& v = *ref(*n.kids[0], s, tmp);
        if (n.op == Op::Not) return !truthy(v);
        return numberJson(n.op == Op::Neg ? -toNumber(v) : toNumber(v));
    }
    case NodeKind::Binary: {
        Json ta, tb;
        const Json* a = ref(*n.kids[0], s, ta);
        const Json* b = ref(*n.kids[1], s, tb);
        return binary(n.op, *a, *b);
    }
    case NodeKind::And: { Json l = value(*n.kids[0], s); return truthy(l) ? value(*n.kids[1], s) : l; }
    case NodeKind::Or: { Json l = value(*n.kids[0], s); return truthy(l) ? l : value(*n.kids[1], s); }
    case NodeKind::Nullish: { Json l = value(*n.kids[0], s); return l.is_null() ? value(*n.kids[1], s) : l; }
    case NodeKind::Ternary: {
        Json tmp;
        return value(*n.kids[truthy(*ref(*n.kids[0], s, tmp)) ? 1 : 2], s);
    }
    case NodeKind::ArrayLit: {
        Json out = Json::array();
        for (const NodePtr& k : n.kids) out.push_back(value(*k, s));
        return out;
    }
    case NodeKind::ObjectLit: {
        Json out = Json::object();
        for (size_t i = 0; i < n.kids.size(); ++i) out[n.keys[i]] = value(*n.kids[i], s);
        return out;
    }
    case NodeKind::Call: return call(n, s);
    default: return nullptr;  // paths are handled by ref(); lambdas only exist as call arguments
    }
}

Json Evaluator::binary(Op op, const Json& a, const Json& b) {
    switch (op) {
    case Op::Add:
        if (a.is_array() && b.is_array()) {
            charge(static_cast<long>(a.size() + b.size()));
            Json out = a;
            out.insert(out.end(), b.begin(), b.end());
            return out;
        }
        if (a.is_string() || b.is_string()) {
            std::string out = toDisplayString(a) + toDisplayString(b);
            charge(static_cast<long>(out.size() / kBytesPerStep));
            return out;
        }
        return numberJson(toNumber(a) + toNumber(b));
    case Op::Sub: return numberJson(toNumber(a) - toNumber(b));
    case Op::Mul: return numberJson(toNumber(a) * toNumber(b));
    case Op::Div: return numberJson(toNumber(a) / toNumber(b));
    case Op::Mod: return numberJson(std::fmod(toNumber(a), toNumber(b)));
    case Op::Eq: return looseEquals(a, b);
    case Op::Ne: return !looseEquals(a, b);
    case Op::Lt: return compareLoose(a, b) == -1;
    case Op::Le: { const int c = compareLoose(a, b); return c == -1 || c == 0; }
    case Op::Gt: return compareLoose(a, b) == 1;
    case Op::Ge: { const int c = compareLoose(a, b); return c == 1 || c == 0; }
    default: return nullptr;
    }
}

// Builtins win over host functions; arrays passed in cost one step per element.
Json Evaluator::call(const ExprNode& n, const Scope& s) {
    std::vector<Arg> args(n.kids.size());
    for (size_t i = 0; i < args.size(); ++i) {
        const ExprNode& k = *n.kids[i];
        if (k.kind == NodeKind::Lambda) { args[i].lambda = &k; continue; }
        args[i].value = ref(k, s, args[i].tmp);
        if (args[i].value->is_array()) charge(static_cast<long>(args[i].value->size()));
    }
    if (n.fn) {
        Call c(*this, s, args);
        return n.fn(c);
    }
    if (m_env.host && *m_env.host) {
        std::vector<Json> values;
        values.reserve(args.size());
        for (const Arg& a : args) values.push_back(*a.value);
        Json out;
        if ((*m_env.host)(n.name, values, out)) return out;
    }
    throw EvalError{"unknown function '" + n.name + "'"};
}

//-----------------------------------------------------------------------------
// [SECTION] Standard library
//-----------------------------------------------------------------------------

constexpr int64_t kMaxGenerated = limits::kGeneratedItems.value;  // range() and lastDays() never produce more items than this

// Fixed decimals with round-half-away-from-zero (printf would round 1234.5 to even) and optional
// thousands separators.
std::string formatFixed(double v, int decimals, bool grouping) {
    if (!std::isfinite(v)) return formatDouble(v);
    decimals = std::clamp(decimals, 0, 10);
    const double scaled = std::round(std::fabs(v) * std::pow(10.0, decimals));
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.0f", scaled);
    std::string digits = buf;
    if (digits.size() <= static_cast<size_t>(decimals)) digits.insert(0, decimals + 1 - digits.size(), '0');
    std::string intPart = digits.substr(0, digits.size() - decimals);
    if (grouping)
        for (int i = static_cast<int>(intPart.size()) - 3; i > 0; i -= 3) intPart.insert(static_cast<size_t>(i), ",");
    std::string out = v < 0 && scaled != 0 ? "-" : "";
    out += intPart;
    if (decimals > 0) out += "." + digits.substr(digits.size() - decimals);
    return out;
}

std::string trimZeros(std::string s) {
    if (s.find('.') == std::string::npos) return s;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

int decimalsArg(const Call& c, size_t i, int fallback) {
    return static_cast<int>(std::clamp(c.number(i, fallback), 0.0, 10.0));
}

std::string asciiCase(std::string s, bool upper) {
    for (char& ch : s)
        if (upper ? (ch >= 'a' && ch <= 'z') : (ch >= 'A' && ch <= 'Z')) ch = static_cast<char>(ch ^ 0x20);
    return s;
}

Json fnCurrency(Call& c) {
    struct Symbol { const char* code; const char* prefix; int decimals; };
    static const Symbol kSymbols[] = {
        {"USD", "$", 2}, {"EUR", "€", 2}, {"GBP", "£", 2}, {"JPY", "¥", 0}, {"INR", "₹", 2}};
    const std::string code = asciiCase(c.text(1, "USD"), true);
    std::string prefix = code + " ";
    int decimals = 2;
    for (const Symbol& s : kSymbols)
        if (code == s.code) { prefix = s.prefix; decimals = s.decimals; }
    const std::string digits = formatFixed(c.number(0), decimalsArg(c, 2, decimals), true);
    return digits[0] == '-' ? "-" + prefix + digits.substr(1) : prefix + digits;
}

Json fnCompact(Call& c) {
    static const char* const kUnits[] = {"", "K", "M", "B", "T"};
    const double x = c.number(0);
    int u = 0;
    while (u < 4 && std::round(std::fabs(x) / std::pow(1000.0, u) * 10) / 10 >= 1000) ++u;
    return trimZeros(formatFixed(x / std::pow(1000.0, u), 1, false)) + kUnits[u];
}

Json fnPluralize(Call& c) {
    const double n = c[0].is_array() || c[0].is_object() ? static_cast<double>(c[0].size()) : c.number(0);
    const std::string singular = c.text(1);
    return trimZeros(formatFixed(n, 2, true)) + " " + (n == 1 ? singular : c.text(2, singular + "s"));
}

Json fnInitials(Call& c) {
    const std::string s = c.text(0);
    std::vector<std::string_view> words;
    for (size_t i = 0; i < s.size();) {
        while (i < s.size() && isSpace(s[i])) ++i;
        const size_t start = i;
        while (i < s.size() && !isSpace(s[i])) ++i;
        if (i > start) words.push_back(std::string_view(s).substr(start, i - start));
    }
    std::string out;
    const auto firstLetter = [](std::string_view w) { return std::string(w.substr(0, utf8Offset(w, 1))); };
    if (!words.empty()) out += firstLetter(words.front());
    if (words.size() > 1) out += firstLetter(words.back());
    return asciiCase(out, true);
}

Json fnTruncate(Call& c) {
    const std::string s = c.text(0);
    const double n = std::max(0.0, c.number(1, 0));
    if (static_cast<double>(utf8Length(s)) <= n) return s;
    std::string out = s.substr(0, utf8Offset(s, static_cast<size_t>(n)));
    while (!out.empty() && isSpace(out.back())) out.pop_back();
    return out + "…";
}

Json fnReplace(Call& c) {
    const std::string s = c.text(0), from = c.text(1), to = c.text(2);
    if (from.empty()) return s;
    std::string out;
    size_t start = 0;
    for (size_t pos; (pos = s.find(from, start)) != std::string::npos; start = pos + from.size()) {
        c.charge(static_cast<long>(to.size() / kBytesPerStep + 1));
        out.append(s, start, pos - start).append(to);
    }
    return out.append(s, start, std::string::npos);
}

Json fnSplit(Call& c) {
    const std::string s = c.text(0), sep = c.text(1);
    Json out = Json::array();
    if (sep.empty()) {
        for (size_t i = 0; i < s.size();) {
            const size_t n = utf8Offset(std::string_view(s).substr(i), 1);
            out.push_back(s.substr(i, n));
            i += n;
        }
    } else {
        size_t start = 0;
        for (size_t pos; (pos = s.find(sep, start)) != std::string::npos; start = pos + sep.size())
            out.push_back(s.substr(start, pos - start));
        out.push_back(s.substr(start));
    }
    c.charge(static_cast<long>(out.size()));
    return out;
}

Json fnJoin(Call& c) {
    if (!c[0].is_array()) return c.text(0);
    const std::string sep = c.text(1, ", ");
    std::string out;
    for (const Json& item : c[0]) {
        if (&item != &c[0].front()) out += sep;
        out += toDisplayString(item);
    }
    c.charge(static_cast<long>(out.size() / kBytesPerStep));
    return out;
}

Json fnContains(Call& c) {
    const Json& hay = c[0];
    if (hay.is_string()) return hay.get_ref<const std::string&>().find(c.text(1)) != std::string::npos;
    if (hay.is_object()) return hay.contains(c.text(1));
    for (const Json& item : c.array(0))
        if (looseEquals(item, c[1])) return true;
    return false;
}

Json fnNum(Call& c) {
    const Json& v = c[0];
    if (v.is_number() || v.is_boolean()) return numberJson(toNumber(v));
    double d;
    return v.is_string() && parseNumber(v.get_ref<const std::string&>(), &d) ? numberJson(d) : Json(0);
}

Json fnRound(Call& c) {
    const double p = std::pow(10.0, std::clamp(c.number(1, 0), -10.0, 10.0));
    return numberJson(std::round(c.number(0) * p) / p);
}

// min/max over the arguments, or over the numbers of a single array argument; null when there are none.
// min(a, b, ...), min(list), or min(list, key) where key is a field name or a lambda.
Json minMax(Call& c, bool wantMax) {
    std::vector<Json> items;
    Json tmp;
    if (c.size() <= 2 && c[0].is_array())
        for (const Json& v : c[0]) items.push_back(c.project(1, v, tmp));
    else
        for (size_t i = 0; i < c.size(); ++i) items.push_back(c[i]);
    bool any = false;
    double best = 0;
    for (const Json& v : items) {
        const double x = toNumber(v);
        if (v.is_null() || std::isnan(x)) continue;
        if (!any || (wantMax ? x > best : x < best)) best = x;
        any = true;
    }
    return any ? numberJson(best) : Json();
}

Json fnCount(Call& c) {
    if (c.size() < 2) return sizeOf(c[0]);
    int64_t n = 0;
    Json tmp;
    for (const Json& item : c.array(0)) n += truthy(c.project(1, item, tmp));
    return n;
}

double sumOf(Call& c) {
    double total = 0;
    Json tmp;
    for (const Json& item : c.array(0)) {
        const double x = toNumber(c.project(1, item, tmp));
        if (!std::isnan(x)) total += x;
    }
    return total;
}

Json fnFilter(Call& c) {
    Json out = Json::array();
    Json tmp;
    for (const Json& item : c.array(0))
        if (truthy(c.project(1, item, tmp))) out.push_back(item);
    return out;
}

Json fnMap(Call& c) {
    Json out = Json::array();
    Json tmp;
    for (const Json& item : c.array(0)) out.push_back(c.project(1, item, tmp));
    return out;
}

Json fnFind(Call& c) {
    Json tmp;
    for (const Json& item : c.array(0))
        if (truthy(c.project(1, item, tmp))) return item;
    return nullptr;
}

// Position of the first item the condition holds for, or -1.
Json fnFindIndex(Call& c) {
    Json tmp;
    int64_t i = 0;
    for (const Json& item : c.array(0)) {
        if (truthy(c.project(1, item, tmp))) return i;
        ++i;
    }
    return -1;
}

// Position of the first item equal to the value (loosely, as ==), or -1.
Json fnIndexOf(Call& c) {
    int64_t i = 0;
    for (const Json& item : c.array(0)) {
        if (looseEquals(item, c[1])) return i;
        ++i;
    }
    return -1;
}

// Whether the condition holds for any item (`every`: for all of them; true for an empty list).
Json anyOrAll(Call& c, bool all) {
    Json tmp;
    for (const Json& item : c.array(0))
        if (truthy(c.project(1, item, tmp)) != all) return !all;
    return all;
}

// sort(arr), sort(arr, 'desc'), sort(arr, key), sort(arr, key, 'desc'): stable; 'desc' reverses the
// ascending order except that nulls stay last.
Json fnSort(Call& c) {
    const Json& arr = c.array(0);
    const bool directionOnly = c.size() == 2 && (c[1] == "desc" || c[1] == "asc");
    const bool desc = asciiCase(c.text(directionOnly ? 1 : 2), false) == "desc";
    const size_t keyArg = directionOnly ? c.size() : 1;
    const size_t n = arr.size();
    c.charge(static_cast<long>(n * static_cast<size_t>(std::log2(static_cast<double>(n) + 1) + 1)));
    std::vector<Json> keys;
    keys.reserve(n);
    Json tmp;
    for (const Json& item : arr) keys.push_back(c.project(keyArg, item, tmp));
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const bool nullA = keys[a].is_null(), nullB = keys[b].is_null();
        if (nullA != nullB) return nullB;
        const int cmp = compareForSort(keys[a], keys[b]);
        return desc ? cmp > 0 : cmp < 0;
    });
    Json out = Json::array();
    for (size_t i : order) out.push_back(arr[i]);
    return out;
}

// JS slice semantics on arrays and (by character) strings.
Json fnSlice(Call& c) {
    const Json& v = c[0];
    const int64_t len = static_cast<int64_t>(sizeOf(v));
    const auto clampIndex = [len](double x) {
        if (std::isnan(x)) return int64_t(0);
        const int64_t i = static_cast<int64_t>(std::clamp(std::trunc(x), -1e15, 1e15));
        return i < 0 ? std::max<int64_t>(len + i, 0) : std::min(i, len);
    };
    const int64_t from = clampIndex(c.number(1, 0));
    const int64_t to = std::max(from, c.given(2) ? clampIndex(c.number(2, 0)) : len);
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        const size_t a = utf8Offset(s, static_cast<size_t>(from)), b = utf8Offset(s, static_cast<size_t>(to));
        return s.substr(a, b - a);
    }
    if (!v.is_array()) return Json::array();
    return Json(v.begin() + from, v.begin() + to);
}

Json fnRange(Call& c) {
    const double lo = c.size() >= 2 ? c.number(0) : 0, hi = c.size() >= 2 ? c.number(1) : c.number(0);
    const int64_t a = static_cast<int64_t>(std::clamp(std::ceil(lo), -1e12, 1e12));
    const int64_t b = static_cast<int64_t>(std::clamp(std::ceil(hi), -1e12, 1e12));
    const int64_t n = std::clamp<int64_t>(b - a, 0, kMaxGenerated);
    c.charge(static_cast<long>(n));
    Json out = Json::array();
    for (int64_t i = 0; i < n; ++i) out.push_back(a + i);
    return out;
}

Json fnUnique(Call& c) {
    Json out = Json::array();
    std::unordered_set<std::string> seen;
    for (const Json& item : c.array(0))
        if (seen.insert(dumpCompact(item)).second) out.push_back(item);
    return out;
}

Json fnKeys(Call& c) {
    Json out = Json::array();
    if (c[0].is_object())
        for (const auto& [k, v] : c[0].items()) out.push_back(k);
    return out;
}

Json fnValues(Call& c) {
    if (c[0].is_array()) return c[0];
    Json out = Json::array();
    if (c[0].is_object())
        for (const Json& v : c[0]) out.push_back(v);
    return out;
}

Json fnGroupCount(Call& c) {
    Json out = Json::object();
    Json tmp;
    for (const Json& item : c.array(0)) {
        Json& slot = out[toDisplayString(c.project(1, item, tmp))];
        slot = slot.is_null() ? 1 : slot.get<int64_t>() + 1;
    }
    return out;
}

// Date functions answer null (or false for predicates) when the argument is not an ISO date.
Json addTime(Call& c, double unitSeconds) {
    Moment m;
    if (!parseMoment(c[0], &m)) return nullptr;
    const double t = m.t + c.number(1, 0) * unitSeconds;
    if (!dateInRange(t)) return nullptr;
    return formatMoment(t, m.dateOnly && std::fmod(t, kDay) == 0, m.withSeconds);
}

Json fnDate(Call& c) {
    Moment m;
    if (!parseMoment(c[0], &m)) return c.text(0);
    return formatDate(m.t, c.text(1, "MMM D"));
}

Json fnDaysBetween(Call& c) {
    Moment a, b;
    if (!parseMoment(c[0], &a) || !parseMoment(c[1], &b)) return nullptr;
    return dayOf(b.t) - dayOf(a.t);
}

// Date-only values compare by calendar day, so a task due today is neither past nor future.
Json pastOrFuture(Call& c, int sign) {
    Moment m;
    if (!parseMoment(c[0], &m)) return false;
    const double now = c.env().now;
    const double diff = m.dateOnly ? static_cast<double>(dayOf(m.t) - dayOf(now)) : m.t - now;
    return sign < 0 ? diff < 0 : diff > 0;
}

Json calendarField(Call& c, bool weekday) {
    Moment m;
    if (!parseMoment(c[0], &m)) return nullptr;
    const Civil civil = civilFromSeconds(m.t);
    return weekday ? civil.weekday : civil.day;
}

Json fnStreak(Call& c) {
    std::vector<int64_t> days;
    for (const Json& item : c.array(0)) {
        Moment m;
        if (parseMoment(item, &m)) days.push_back(dayOf(m.t));
    }
    std::sort(days.begin(), days.end());
    const auto has = [&](int64_t d) { return std::binary_search(days.begin(), days.end(), d); };
    const int64_t today = dayOf(c.env().now);
    int64_t n = 0;
    for (int64_t d = has(today) ? today : today - 1; has(d); --d) ++n;
    return n;
}

Json fnLastDays(Call& c) {
    const double wanted = std::floor(c.number(0, 0));
    const int64_t n = static_cast<int64_t>(std::clamp(wanted, 0.0, static_cast<double>(kMaxGenerated)));
    c.charge(static_cast<long>(n));
    Json out = Json::array();
    const int64_t today = dayOf(c.env().now);
    for (int64_t i = n - 1; i >= 0; --i) out.push_back(formatIsoDate(static_cast<double>(today - i) * kDay));
    return out;
}

Json fnIsEmpty(Call& c) {
    const Json& v = c[0];
    return v.is_null() || ((v.is_string() || v.is_array() || v.is_object()) && sizeOf(v) == 0);
}

struct Builtin { const char* name; BuiltinFn fn; };

const Builtin kBuiltins[] = {
    // Formatting
    {"number", [](Call& c) -> Json { return formatFixed(c.number(0), decimalsArg(c, 1, 0), true); }},
    {"currency", fnCurrency},
    {"percent", [](Call& c) -> Json { return formatFixed(c.number(0) * 100, decimalsArg(c, 1, 0), true) + "%"; }},
    {"compact", fnCompact},
    {"pluralize", fnPluralize},
    {"upper", [](Call& c) -> Json { return asciiCase(c.text(0), true); }},
    {"lower", [](Call& c) -> Json { return asciiCase(c.text(0), false); }},
    {"trim", [](Call& c) -> Json { return std::string(trimView(c.text(0))); }},
    {"str", [](Call& c) -> Json { return c.text(0); }},
    {"num", fnNum},
    {"len", [](Call& c) -> Json { return sizeOf(c[0]); }},
    {"count", fnCount},
    {"initials", fnInitials},
    {"truncate", fnTruncate},
    {"replace", fnReplace},
    {"split", fnSplit},
    {"join", fnJoin},
    {"contains", fnContains},
    {"startsWith", [](Call& c) -> Json { return c.text(0).rfind(c.text(1), 0) == 0; }},
    // Math
    {"round", fnRound},
    {"floor", [](Call& c) -> Json { return numberJson(std::floor(c.number(0))); }},
    {"ceil", [](Call& c) -> Json { return numberJson(std::ceil(c.number(0))); }},
    {"abs", [](Call& c) -> Json { return numberJson(std::fabs(c.number(0))); }},
    {"min", [](Call& c) { return minMax(c, false); }},
    {"max", [](Call& c) { return minMax(c, true); }},
    {"clamp", [](Call& c) -> Json { return numberJson(std::min(std::max(c.number(0), c.number(1)), c.number(2))); }},
    // Powers and roots for the formulas calculators use (a loan's payment, a BMI); nothing where none is defined.
    {"pow", [](Call& c) -> Json { const double v = std::pow(c.number(0), c.number(1)); return std::isfinite(v) ? numberJson(v) : Json(); }},
    {"sqrt", [](Call& c) -> Json { return c.number(0) >= 0 ? numberJson(std::sqrt(c.number(0))) : Json(); }},
    // Collections
    {"sum", [](Call& c) -> Json { return numberJson(sumOf(c)); }},
    {"avg", [](Call& c) -> Json {
        const size_t n = c.array(0).size();
        return n == 0 ? Json(0) : numberJson(sumOf(c) / static_cast<double>(n));
    }},
    {"filter", fnFilter},
    {"map", fnMap},
    {"find", fnFind},
    {"findIndex", fnFindIndex},
    {"indexOf", fnIndexOf},
    {"some", [](Call& c) { return anyOrAll(c, false); }},
    {"every", [](Call& c) { return anyOrAll(c, true); }},
    {"sort", fnSort},
    {"first", [](Call& c) -> Json { return c.array(0).empty() ? Json() : c.array(0).front(); }},
    {"last", [](Call& c) -> Json { return c.array(0).empty() ? Json() : c.array(0).back(); }},
    {"slice", fnSlice},
    {"reverse", [](Call& c) -> Json { Json a = c.array(0); std::reverse(a.begin(), a.end()); return a; }},
    {"range", fnRange},
    {"unique", fnUnique},
    {"includes", fnContains},
    {"keys", fnKeys},
    {"values", fnValues},
    {"groupCount", fnGroupCount},
    // Dates
    {"now", [](Call& c) -> Json { return formatIsoDateTime(c.env().now); }},
    {"today", [](Call& c) -> Json { return formatIsoDate(c.env().now); }},
    {"date", fnDate},
    {"time", [](Call& c) -> Json {
        Moment m;
        return parseMoment(c[0], &m) ? Json(formatDate(m.t, "h:mm A")) : Json();
    }},
    {"relative", [](Call& c) -> Json {
        Moment m;
        return parseMoment(c[0], &m) ? Json(relativeTime(m, c.env().now)) : Json();
    }},
    {"addDays", [](Call& c) { return addTime(c, kDay); }},
    {"addHours", [](Call& c) { return addTime(c, 3600); }},
    {"addMinutes", [](Call& c) { return addTime(c, 60); }},
    {"daysBetween", fnDaysBetween},
    {"isToday", [](Call& c) -> Json {
        Moment m;
        return parseMoment(c[0], &m) && dayOf(m.t) == dayOf(c.env().now);
    }},
    {"isPast", [](Call& c) { return pastOrFuture(c, -1); }},
    {"isFuture", [](Call& c) { return pastOrFuture(c, 1); }},
    {"weekday", [](Call& c) { return calendarField(c, true); }},
    {"dayOfMonth", [](Call& c) { return calendarField(c, false); }},
    {"streak", fnStreak},
    {"lastDays", fnLastDays},
    // Other
    {"default", [](Call& c) -> Json { return c[0].is_null() || c[0] == "" ? c[1] : c[0]; }},
    {"if", [](Call& c) -> Json { return truthy(c[0]) ? c[1] : c[2]; }},
    {"json", [](Call& c) -> Json { return dumpCompact(c[0]); }},
    {"isEmpty", fnIsEmpty},
};

BuiltinFn findBuiltin(std::string_view name) {
    static const std::unordered_map<std::string_view, BuiltinFn> kByName = [] {
        std::unordered_map<std::string_view, BuiltinFn> m;
        for (const Builtin& b : kBuiltins) m.emplace(b.name, b.fn);
        return m;
    }();
    const auto it = kByName.find(name);
    return it == kByName.end() ? nullptr : it->second;
}

} // namespace

const std::vector<std::string>& builtinFunctionNames() {
    static const std::vector<std::string> kNames = [] {
        std::vector<std::string> v;
        for (const Builtin& b : kBuiltins) v.emplace_back(b.name);
        return v;
    }();
    return kNames;
}

//-----------------------------------------------------------------------------
// [SECTION] Template
//-----------------------------------------------------------------------------

namespace {

// A compiled prop value. Only the root template keeps the raw JSON; a container copies it once and
// fills in its dynamic slots in place.
struct TemplateNode {
    enum class Kind { Literal, Single, Interpolated, Container };
    struct Piece { std::string text; NodePtr expr; };  // literal text, or an expression when expr is set
    struct Slot { std::string key; size_t index = 0; std::unique_ptr<TemplateNode> value; };

    Kind kind = Kind::Literal;
    NodePtr expr;               // Single
    std::vector<Piece> pieces;  // Interpolated
    std::vector<Slot> slots;    // Container: only the children that contain `${`
};

} // namespace

struct Template::Impl {
    Json raw;
    TemplateNode root;
    std::vector<std::string> identifiers, functions;
};

namespace {

// Finds the `}` closing the `${` whose body starts at `from`, skipping braces and quotes inside.
size_t findClose(std::string_view s, size_t from) {
    int depth = 0;
    for (size_t i = from; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\'' || c == '"') {
            for (++i; i < s.size() && s[i] != c; ++i)
                if (s[i] == '\\') ++i;
            if (i >= s.size()) return std::string_view::npos;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (depth == 0) return i;
            --depth;
        }
    }
    return std::string_view::npos;
}

void compileString(const std::string& s, TemplateNode& out, CompileInfo& info) {
    using Kind = TemplateNode::Kind;
    size_t cursor = 0;
    for (size_t open; (open = s.find("${", cursor)) != std::string::npos;) {
        const size_t close = findClose(s, open + 2);
        if (close == std::string::npos) failAt(s, open, "unterminated '${'");
        if (open > cursor) out.pieces.push_back({s.substr(cursor, open - cursor), nullptr});
        out.pieces.push_back({std::string(), parseExpression(s, open + 2, close, info)});
        cursor = close + 1;
    }
    if (out.pieces.empty()) return;
    if (cursor < s.size()) out.pieces.push_back({s.substr(cursor), nullptr});
    if (out.pieces.size() == 1) {
        out.kind = Kind::Single;
        out.expr = std::move(out.pieces.front().expr);
        out.pieces.clear();
    } else {
        out.kind = Kind::Interpolated;
    }
}

void appendPointerToken(std::string& pointer, const std::string& key) {
    pointer += '/';
    for (char c : key) pointer += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
}

// On failure `pointer` is left at the offending value.
void compileValue(const Json& v, TemplateNode& out, std::string& pointer, CompileInfo& info) {
    if (v.is_string()) return compileString(v.get_ref<const std::string&>(), out, info);
    if (!v.is_structured()) return;
    size_t index = 0;
    for (auto it = v.begin(); it != v.end(); ++it, ++index) {
        const std::string key = v.is_object() ? it.key() : std::to_string(index);
        const size_t mark = pointer.size();
        appendPointerToken(pointer, key);
        auto child = std::make_unique<TemplateNode>();
        compileValue(*it, *child, pointer, info);
        pointer.resize(mark);
        if (child->kind != TemplateNode::Kind::Literal) out.slots.push_back({key, index, std::move(child)});
    }
    if (!out.slots.empty()) out.kind = TemplateNode::Kind::Container;
}

Json evalExpr(const ExprNode& n, const Scope& scope, Evaluator& ev, std::string& firstError) {
    try {
        return ev.value(n, scope);
    } catch (const EvalError& e) {
        if (firstError.empty()) firstError = e.message;
    } catch (const nlohmann::json::exception& e) {
        if (firstError.empty()) firstError = e.what();
    }
    return nullptr;
}

// `target` already holds this node's literal JSON (copied from the root's raw) when it is a container.
void evalInto(const TemplateNode& im, Json& target, const Scope& scope, Evaluator& ev, std::string& firstError) {
    using Kind = TemplateNode::Kind;
    switch (im.kind) {
    case Kind::Literal: break;
    case Kind::Single: target = evalExpr(*im.expr, scope, ev, firstError); break;
    case Kind::Interpolated: {
        std::string s;
        for (const auto& p : im.pieces)
            s += p.expr ? toDisplayString(evalExpr(*p.expr, scope, ev, firstError)) : p.text;
        target = std::move(s);
        break;
    }
    case Kind::Container:
        for (const auto& slot : im.slots)
            evalInto(*slot.value, target.is_object() ? target[slot.key] : target[slot.index], scope, ev, firstError);
        break;
    }
}

} // namespace

Template::Template() {
    static const std::shared_ptr<const Impl> kNull = std::make_shared<const Impl>();
    m_impl = kNull;
}
Template::~Template() = default;
Template::Template(const Template&) = default;
Template& Template::operator=(const Template&) = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;

// A template that fails to compile becomes a literal of `raw`, so the prototype still shows something.
bool Template::compile(const Json& raw, std::string* error, std::string* errorPointer) {
    auto impl = std::make_shared<Impl>();
    impl->raw = raw;
    std::string pointer;
    CompileInfo info;
    try {
        compileValue(raw, impl->root, pointer, info);
    } catch (const SyntaxError& e) {
        if (error) *error = e.message;
        if (errorPointer) *errorPointer = pointer;
        impl->root = TemplateNode();
        m_impl = std::move(impl);
        m_literal = true;
        return false;
    }
    impl->identifiers = std::move(info.identifiers);
    impl->functions = std::move(info.functions);
    if (error) error->clear();
    if (errorPointer) errorPointer->clear();
    m_literal = impl->root.kind == TemplateNode::Kind::Literal;
    m_impl = std::move(impl);
    return true;
}

Template Template::literal(Json value) {
    auto impl = std::make_shared<Impl>();
    impl->raw = std::move(value);
    Template t;
    t.m_impl = std::move(impl);
    return t;
}

const Json& Template::raw() const { return m_impl->raw; }

// A failing expression yields null in its place (an empty piece inside interpolated text); `error`
// receives the first failure, or is cleared when there was none.
Json Template::eval(const Scope& scope, const EvalEnv& env, std::string* error) const {
    const Impl& im = *m_impl;
    if (error) error->clear();
    if (im.root.kind == TemplateNode::Kind::Literal) return im.raw;
    Evaluator ev(env);
    std::string firstError;
    Json out = im.root.kind == TemplateNode::Kind::Container ? im.raw : Json();
    evalInto(im.root, out, scope, ev, firstError);
    if (error) *error = std::move(firstError);
    return out;
}

std::string Template::evalString(const Scope& scope, const EvalEnv& env) const {
    return toDisplayString(eval(scope, env));
}

bool Template::evalBool(const Scope& scope, const EvalEnv& env) const { return truthy(eval(scope, env)); }

double Template::evalNumber(const Scope& scope, const EvalEnv& env) const {
    const double d = toNumber(eval(scope, env));
    return std::isnan(d) ? 0 : d;
}

std::vector<std::string> Template::identifiers() const { return m_impl->identifiers; }
std::vector<std::string> Template::functions() const { return m_impl->functions; }

} // namespace pt
