// Promptotype — o200k token estimate. See token_count.h.
//
// [SECTION] Characters
// [SECTION] Pieces (o200k's pre-tokenizer)
// [SECTION] Calibrated piece table
// [SECTION] Count

#include "runtime/spec/token_count.h"
#include <vector>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Characters
//-----------------------------------------------------------------------------

// One code point and its UTF-8 length; a byte that starts no valid sequence is a 1-byte symbol.
struct Char {
    char32_t cp = 0;
    int len = 0;
};

Char decode(std::string_view s, size_t i) {
    if (i >= s.size()) return {};
    const unsigned char b = (unsigned char)s[i];
    const int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len <= 1 || i + len > s.size()) return {len == 1 ? (char32_t)b : (char32_t)0xFFFD, 1};
    char32_t cp = b & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
        const unsigned char c = (unsigned char)s[i + k];
        if ((c >> 6) != 2) return {0xFFFD, 1};
        cp = (cp << 6) | (c & 0x3F);
    }
    return {cp, len};
}

bool isNewline(char32_t c) { return c == '\n' || c == '\r'; }
bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || isNewline(c) || c == 0xA0 || c == 0x3000; }
bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool isUpper(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
// Letters of the scripts specs and prose use; other symbols (·, —, →, €, emoji) are punctuation, as in Unicode.
bool isLetter(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x1FFF && c != 0x37E) ||
           (c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF);
}
bool isLower(char32_t c) { return isLetter(c) && !isUpper(c); }
bool isPunct(char32_t c) { return !isSpace(c) && !isLetter(c) && !isDigit(c); }

//-----------------------------------------------------------------------------
// [SECTION] Pieces (o200k's pre-tokenizer)
//-----------------------------------------------------------------------------

// The piece classes scripts/calibrate-tokens.mjs measures, in its table's order.
enum PieceClass { Word, WordSpace, WordPunct, Caps, Digits, Punct, PunctSpace, Newlines, Spaces, kPieceClasses };

struct Piece {
    PieceClass cls;
    size_t bytes;  // length the table is indexed by (letters only for words, without the leading space for punctSpace)
};

// ' followed by s, t, re, ve, m, ll or d (any case): kept on the word before it. Returns its length or 0.
size_t contraction(std::string_view s, size_t i) {
    if (i + 1 >= s.size() || s[i] != '\'') return 0;
    auto at = [&](size_t k) { return i + k < s.size() ? (char)(s[i + k] | 0x20) : '\0'; };
    const char a = at(1), b = at(2);
    if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) return 3;
    if (a == 's' || a == 't' || a == 'm' || a == 'd') return 2;
    return 0;
}

// Letters (upper case then lower case, as o200k's two letter patterns take them) from `i`; 0 when none.
size_t letterRun(std::string_view s, size_t i, bool* hasLower) {
    size_t j = i;
    for (Char c; (c = decode(s, j)).len && isUpper(c.cp);) j += c.len;
    const size_t upperEnd = j;
    for (Char c; (c = decode(s, j)).len && isLower(c.cp);) j += c.len;
    *hasLower = j > upperEnd;
    return j - i;
}

// The piece starting at `i`: its byte length and class.
size_t nextPiece(std::string_view s, size_t i, Piece* piece) {
    const Char c = decode(s, i);
    const Char next = decode(s, i + c.len);
    // A letter run, with one leading character that is no newline, letter or digit.
    const bool prefixed = !isNewline(c.cp) && !isLetter(c.cp) && !isDigit(c.cp) && next.len && isLetter(next.cp);
    if (prefixed || isLetter(c.cp)) {
        const size_t start = prefixed ? i + c.len : i;
        bool hasLower = false;
        size_t letters = letterRun(s, start, &hasLower);
        const size_t end = start + letters;
        const size_t tail = contraction(s, end);
        const PieceClass cls = !hasLower && letters > 1 ? Caps : !prefixed ? Word : c.cp == ' ' ? WordSpace : WordPunct;
        *piece = {cls, letters + tail};
        return end + tail - i;
    }
    if (isDigit(c.cp)) {
        size_t n = 1;
        while (n < 3 && i + n < s.size() && isDigit((unsigned char)s[i + n])) ++n;
        *piece = {Digits, n};
        return n;
    }
    // Punctuation: an optional space, a run of symbols, then any newlines and slashes.
    if (isPunct(c.cp) || (c.cp == ' ' && next.len && isPunct(next.cp))) {
        size_t j = c.cp == ' ' ? i + 1 : i;
        for (Char k; (k = decode(s, j)).len && isPunct(k.cp);) j += k.len;
        while (j < s.size() && (isNewline((unsigned char)s[j]) || s[j] == '/')) ++j;
        *piece = {c.cp == ' ' ? PunctSpace : Punct, c.cp == ' ' ? j - i - 1 : j - i};
        return j - i;
    }
    // Whitespace: up to its last newline; else all but the last space before a non-space.
    size_t j = i, lastNewline = 0, lastStart = i;
    bool newline = false;
    for (Char k; (k = decode(s, j)).len && isSpace(k.cp);) {
        if (isNewline(k.cp)) { newline = true; lastNewline = j + 1; }
        lastStart = j;
        j += k.len;
    }
    if (newline) { *piece = {Newlines, lastNewline - i}; return lastNewline - i; }
    const size_t end = j == s.size() || lastStart == i ? j : lastStart;
    *piece = {Spaces, end - i};
    return end - i;
}

//-----------------------------------------------------------------------------
// [SECTION] Calibrated piece table
//-----------------------------------------------------------------------------

// Mean o200k tokens of a piece by class (PieceClass order) and length 1..N; the last entry is the mean per N
// bytes of longer pieces. Written by scripts/calibrate-tokens.mjs.
static const std::vector<float> kMeanTokens[] = {
    {1.000f, 1.000f, 1.052f, 1.012f, 1.047f, 1.083f, 1.126f, 1.192f, 1.895f, 1.569f, 1.325f, 1.556f, 1.636f, 3.000f, 3.214f, 3.429f, 3.643f, 3.857f, 4.071f, 4.286f, 4.500f, 4.714f, 4.929f, 5.143f},  // word
    {1.000f, 1.000f, 1.005f, 1.008f, 1.033f, 1.068f, 1.073f, 1.125f, 1.151f, 1.109f, 1.256f, 1.143f, 1.100f, 1.185f, 1.269f, 1.354f, 1.438f, 1.523f, 1.608f, 1.692f, 1.777f, 1.862f, 1.946f, 2.031f},  // wordSpace
    {1.012f, 1.023f, 1.231f, 1.126f, 1.131f, 1.402f, 1.761f, 1.648f, 2.615f, 1.824f, 2.667f, 2.909f, 3.152f, 3.394f, 5.000f, 5.333f, 5.667f, 6.000f, 6.333f, 6.667f, 7.000f, 7.333f, 7.667f, 8.000f},  // wordPunct
    {0.000f, 1.052f, 1.185f, 1.140f, 1.200f, 1.900f, 2.217f, 2.500f, 2.000f, 2.222f, 2.444f, 2.667f},  // caps
    {1.000f, 1.000f, 1.000f},  // digits
    {1.000f, 1.001f, 1.032f, 1.267f, 1.938f, 2.167f, 2.806f, 3.040f, 4.000f, 4.300f, 4.000f, 6.000f},  // punct
    {1.000f, 1.000f, 1.053f, 1.585f, 1.750f, 2.190f, 3.200f, 5.000f, 3.714f, 6.000f, 5.000f, 5.455f},  // punctSpace
    {1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f},  // newlines
    {1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 1.000f, 0.489f},  // spaces
};

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Count
//-----------------------------------------------------------------------------

int countTokens(std::string_view text) {
    double total = 0;
    Piece piece{};
    for (size_t i = 0; i < text.size();) {
        i += nextPiece(text, i, &piece);
        const std::vector<float>& means = kMeanTokens[piece.cls];
        if (piece.bytes == 0) continue;
        total += piece.bytes <= means.size() ? means[piece.bytes - 1] : means.back() * (double)piece.bytes / (double)means.size();
    }
    return (int)(total + 0.5);
}

} // namespace pt
