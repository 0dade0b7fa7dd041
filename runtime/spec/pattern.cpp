// Promptotype — Pattern: parser, code generator and Pike VM. See pattern.h.
//
// [SECTION] Characters and classes
// [SECTION] Parser (pattern -> tree)
// [SECTION] Code generation (tree -> program)
// [SECTION] Matching (Pike VM)

#include "runtime/spec/pattern.h"
#include "runtime/spec/limits.h"
#include <algorithm>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Characters and classes
//-----------------------------------------------------------------------------

using Ranges = std::vector<Pattern::Range>;
constexpr char32_t kMaxCodePoint = 0x10FFFF;

// Next code point of UTF-8 text at `i` (advanced); a byte that starts no valid sequence is read as itself.
char32_t decode(std::string_view s, size_t& i) {
    unsigned char c = (unsigned char)s[i];
    int extra = c >= 0xF0 && c < 0xF8 ? 3 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xC0 && c < 0xE0 ? 1 : 0;
    if (extra == 0 || i + extra >= s.size()) { ++i; return c; }
    char32_t cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        unsigned char cc = (unsigned char)s[i + k];
        if ((cc & 0xC0) != 0x80) { ++i; return c; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    i += extra + 1;
    return cp;
}

const Ranges& digits() { static const Ranges r{{'0', '9'}}; return r; }
const Ranges& wordChars() { static const Ranges r{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}; return r; }
// ECMAScript's white space and line terminators.
const Ranges& spaces() {
    static const Ranges r{{'\t', '\r'}, {' ', ' '}, {0xA0, 0xA0}, {0x1680, 0x1680}, {0x2000, 0x200A}, {0x2028, 0x2029},
                          {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
    return r;
}

// Sorted, merged ranges.
Ranges normalized(Ranges r) {
    std::sort(r.begin(), r.end(), [](auto& a, auto& b) { return a.lo < b.lo; });
    Ranges out;
    for (auto& x : r) {
        if (!out.empty() && x.lo <= out.back().hi + 1) out.back().hi = std::max(out.back().hi, x.hi);
        else out.push_back(x);
    }
    return out;
}

// Every code point not in `r` (r normalized).
Ranges complement(const Ranges& r) {
    Ranges out;
    char32_t next = 0;
    for (auto& x : r) {
        if (x.lo > next) out.push_back({next, x.lo - 1});
        next = x.hi + 1;
    }
    if (next <= kMaxCodePoint) out.push_back({next, kMaxCodePoint});
    return out;
}

bool inRanges(const Ranges& r, char32_t c) {
    auto it = std::upper_bound(r.begin(), r.end(), c, [](char32_t v, const Pattern::Range& x) { return v < x.lo; });
    return it != r.begin() && c <= (it - 1)->hi;
}

// What `.` matches: everything but ECMAScript's line terminators.
const Ranges& anyButLineEnds() { static const Ranges r = complement({{'\n', '\n'}, {'\r', '\r'}, {0x2028, 0x2029}}); return r; }

bool isWord(char32_t c) { return inRanges(wordChars(), c); }

enum AssertKind { kBegin, kEnd, kWordBoundary, kNotWordBoundary };

//-----------------------------------------------------------------------------
// [SECTION] Parser
//-----------------------------------------------------------------------------

// The pattern as a tree; `size` is the number of instructions it compiles to (saturating past the budget).
struct Tree {
    enum Kind { Empty, Atom, Concat, Alt, Repeat } kind = Empty;
    Pattern::Inst atom{Pattern::Inst::Match};
    Ranges ranges;          // Atom of op Class
    std::vector<Tree> kids;
    int min = 0, max = 0;   // Repeat; max < 0: no upper bound
    long long size = 0;
};

struct Failure { std::string message; };

class Parser {
public:
    explicit Parser(std::string_view src) {
        for (size_t i = 0; i < src.size();) m_cps.push_back(decode(src, i));
    }

    Tree parse() {
        Tree t = alternation();
        if (m_pos < m_cps.size()) fail("unmatched ')'");
        return t;
    }

private:
    std::vector<char32_t> m_cps;
    size_t m_pos = 0;
    static constexpr long long kBudget = limits::kPatternProgram.value;

    [[noreturn]] void fail(const std::string& what) const {
        throw Failure{what + " at character " + std::to_string(std::min(m_pos, m_cps.size()) + 1)};
    }
    bool atEnd() const { return m_pos >= m_cps.size(); }
    char32_t peek(size_t ahead = 0) const { return m_pos + ahead < m_cps.size() ? m_cps[m_pos + ahead] : 0; }
    bool eat(char32_t c) {
        if (peek() != c || atEnd()) return false;
        ++m_pos;
        return true;
    }

    static long long capped(long long v) { return std::min(v, kBudget + 1); }

    static Tree atom(Pattern::Inst::Op op, int x = 0) {
        Tree t;
        t.kind = Tree::Atom;
        t.atom = {op, x, 0};
        t.size = 1;
        return t;
    }
    static Tree classAtom(Ranges r) {
        Tree t = atom(Pattern::Inst::Class);
        t.ranges = normalized(std::move(r));
        return t;
    }

    Tree alternation() {
        Tree first = concatenation();
        if (peek() != '|' || atEnd()) return first;
        Tree alt;
        alt.kind = Tree::Alt;
        alt.size = first.size;
        alt.kids.push_back(std::move(first));
        while (eat('|')) {
            alt.kids.push_back(concatenation());
            alt.size = capped(alt.size + alt.kids.back().size + 2);  // a split before and a jump after each extra branch
        }
        return alt;
    }

    Tree concatenation() {
        Tree seq;
        seq.kind = Tree::Concat;
        while (!atEnd() && peek() != '|' && peek() != ')') {
            seq.kids.push_back(quantified());
            seq.size = capped(seq.size + seq.kids.back().size);
        }
        return seq;
    }

    // {m}, {m,}, {m,n} at the cursor: consumed and true, else the cursor is left where it was.
    bool counted(int& min, int& max) {
        size_t start = m_pos;
        auto number = [&](int& out) {
            size_t from = m_pos;
            long long v = 0;
            while (!atEnd() && peek() >= '0' && peek() <= '9') v = std::min<long long>(v * 10 + (m_cps[m_pos++] - '0'), 1000000);
            out = (int)v;
            return m_pos > from;
        };
        if (!eat('{') || !number(min)) { m_pos = start; return false; }
        max = min;
        if (eat(',')) {
            max = -1;
            if (peek() != '}') number(max);
        }
        if (!eat('}')) { m_pos = start; return false; }
        return true;
    }

    bool quantifierAhead() {
        char32_t c = peek();
        if (atEnd()) return false;
        if (c == '*' || c == '+' || c == '?') return true;
        int mn, mx;
        size_t at = m_pos;
        bool yes = counted(mn, mx);
        m_pos = at;
        return yes;
    }

    Tree quantified() {
        if (quantifierAhead()) fail("nothing to repeat");
        bool assertion = peek() == '^' || peek() == '$' || (peek() == '\\' && (peek(1) == 'b' || peek(1) == 'B'));
        Tree body = primary();
        if (!quantifierAhead()) return body;
        if (assertion) fail("an anchor cannot be repeated");
        int min = 0, max = -1;
        char32_t c = peek();
        if (c == '*') ++m_pos;
        else if (c == '+') { ++m_pos; min = 1; }
        else if (c == '?') { ++m_pos; max = 1; }
        else {
            counted(min, max);
            if (max >= 0 && max < min) fail("repetition {" + std::to_string(min) + "," + std::to_string(max) + "} has its numbers out of order");
        }
        eat('?');  // lazy: the same set of matches
        if (quantifierAhead()) fail("nothing to repeat");
        Tree rep;
        rep.kind = Tree::Repeat;
        rep.min = min;
        rep.max = max;
        long long k = body.size;  // 0: the body reads nothing, so repeating it changes nothing
        long long total = max < 0 ? (long long)min * k + k + 2 : (long long)min * k + (long long)(max - min) * (k + 1);
        rep.size = k == 0 ? 0 : capped(total);
        rep.kids.push_back(std::move(body));
        if (rep.size > kBudget) fail("pattern too complex: its repetitions expand past " + thousands(kBudget) + " states");
        return rep;
    }

    Tree primary() {
        char32_t c = m_cps[m_pos++];
        switch (c) {
        case '(': return group();
        case '[': return characterClass();
        case '.': return classAtom(anyButLineEnds());
        case '^': return atom(Pattern::Inst::Assert, kBegin);
        case '$': return atom(Pattern::Inst::Assert, kEnd);
        case '\\': return escape();
        default: return atom(Pattern::Inst::Char, (int)c);
        }
    }

    Tree group() {
        if (eat('?')) {
            if (eat(':')) {}
            else if (peek() == '=' || peek() == '!' || (peek() == '<' && (peek(1) == '=' || peek(1) == '!')))
                fail("lookaround ((?=, (?!, (?<=, (?<!) is not supported");
            else if (eat('<')) {
                while (!atEnd() && peek() != '>') ++m_pos;
                if (!eat('>')) fail("unterminated group name");
            } else fail("unsupported group (?" + (atEnd() ? std::string() : std::string(1, (char)peek())));
        }
        Tree inner = alternation();
        if (!eat(')')) fail("missing ')'");
        return inner;
    }

    int hexDigits(int count) {
        int v = 0;
        for (int i = 0; i < count; ++i) {
            char32_t h = peek();
            int d = h >= '0' && h <= '9' ? (int)(h - '0') : h >= 'a' && h <= 'f' ? (int)(h - 'a' + 10) : h >= 'A' && h <= 'F' ? (int)(h - 'A' + 10) : -1;
            if (d < 0 || atEnd()) fail("expected " + std::to_string(count) + " hex digits");
            v = v * 16 + d;
            ++m_pos;
        }
        return v;
    }

    // After a backslash: a shorthand class (into `out`, true) or one code point (`cp`, false).
    bool escaped(Ranges& out, char32_t& cp, bool inClass) {
        if (atEnd()) fail("pattern ends with '\\'");
        char32_t c = m_cps[m_pos++];
        switch (c) {
        case 'd': out = digits(); return true;
        case 'D': out = complement(digits()); return true;
        case 'w': out = wordChars(); return true;
        case 'W': out = complement(wordChars()); return true;
        case 's': out = spaces(); return true;
        case 'S': out = complement(spaces()); return true;
        case 'n': cp = '\n'; return false;
        case 't': cp = '\t'; return false;
        case 'r': cp = '\r'; return false;
        case 'f': cp = '\f'; return false;
        case 'v': cp = '\v'; return false;
        case '0': cp = 0; return false;
        case 'b': if (inClass) { cp = '\b'; return false; } break;
        case 'x': cp = (char32_t)hexDigits(2); return false;
        case 'u': cp = (char32_t)hexDigits(4); return false;
        default: break;
        }
        if (c >= '1' && c <= '9') { m_pos -= 2; fail("backreferences (\\" + std::string(1, (char)c) + ") are not supported"); }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) { m_pos -= 2; fail("unknown escape \\" + std::string(1, (char)c)); }
        cp = c;  // \. \\ \/ \- \( ... : the character itself
        return false;
    }

    Tree escape() {
        if (eat('b')) return atom(Pattern::Inst::Assert, kWordBoundary);
        if (eat('B')) return atom(Pattern::Inst::Assert, kNotWordBoundary);
        Ranges set;
        char32_t cp = 0;
        if (escaped(set, cp, false)) return classAtom(std::move(set));
        return atom(Pattern::Inst::Char, (int)cp);
    }

    Tree characterClass() {
        bool negate = eat('^');
        Ranges set;
        bool first = true;
        while (true) {
            if (atEnd()) fail("missing ']'");
            if (peek() == ']' && !first) { ++m_pos; break; }
            first = false;
            char32_t lo = m_cps[m_pos++];
            if (lo == '\\') {
                Ranges shorthand;
                if (escaped(shorthand, lo, true)) { set.insert(set.end(), shorthand.begin(), shorthand.end()); continue; }
            }
            if (peek() == '-' && peek(1) != ']' && m_pos + 1 < m_cps.size()) {
                ++m_pos;
                char32_t hi = m_cps[m_pos++];
                if (hi == '\\') {
                    Ranges shorthand;
                    if (escaped(shorthand, hi, true)) fail("a range cannot end in a class like \\d");
                }
                if (hi < lo) fail("range out of order in [...]");
                set.push_back({lo, hi});
            } else {
                set.push_back({lo, lo});
            }
        }
        Ranges r = normalized(std::move(set));
        return classAtom(negate ? complement(r) : r);
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Code generation
//-----------------------------------------------------------------------------

class Emitter {
public:
    Emitter(std::vector<Pattern::Inst>& prog, std::vector<Ranges>& classes) : m_prog(prog), m_classes(classes) {}

    void emit(const Tree& t) {
        using I = Pattern::Inst;
        switch (t.kind) {
        case Tree::Empty: break;
        case Tree::Atom:
            if (t.atom.op == I::Class) {
                m_prog.push_back({I::Class, (int)m_classes.size(), 0});
                m_classes.push_back(t.ranges);
            } else {
                m_prog.push_back(t.atom);
            }
            break;
        case Tree::Concat:
            for (auto& k : t.kids) emit(k);
            break;
        case Tree::Alt: {
            std::vector<size_t> jumps;
            for (size_t i = 0; i < t.kids.size(); ++i) {
                size_t split = m_prog.size();
                bool last = i + 1 == t.kids.size();
                if (!last) m_prog.push_back({I::Split, (int)split + 1, 0});
                emit(t.kids[i]);
                if (!last) {
                    jumps.push_back(m_prog.size());
                    m_prog.push_back({I::Jmp, 0, 0});
                    m_prog[split].y = (int)m_prog.size();
                }
            }
            for (size_t j : jumps) m_prog[j].x = (int)m_prog.size();
            break;
        }
        case Tree::Repeat: {
            const Tree& body = t.kids[0];
            if (body.size == 0) break;
            for (int i = 0; i < t.min; ++i) emit(body);
            if (t.max < 0) {  // L: split body, out; body; jmp L
                size_t loop = m_prog.size();
                m_prog.push_back({I::Split, (int)loop + 1, 0});
                emit(body);
                m_prog.push_back({I::Jmp, (int)loop, 0});
                m_prog[loop].y = (int)m_prog.size();
            } else {  // each optional copy: split body, out
                std::vector<size_t> splits;
                for (int i = t.min; i < t.max; ++i) {
                    splits.push_back(m_prog.size());
                    m_prog.push_back({I::Split, (int)m_prog.size() + 1, 0});
                    emit(body);
                }
                for (size_t s : splits) m_prog[s].y = (int)m_prog.size();
            }
            break;
        }
        }
    }

private:
    std::vector<Pattern::Inst>& m_prog;
    std::vector<Ranges>& m_classes;
};

} // namespace

std::shared_ptr<const Pattern> Pattern::compile(std::string_view source, std::string* error) {
    auto failWith = [&](std::string message) {
        if (error) *error = std::move(message);
        return nullptr;
    };
    if ((long long)source.size() > limits::kPatternLength.value)
        return failWith("pattern longer than " + thousands(limits::kPatternLength.value) + " characters");
    try {
        Tree tree = Parser(source).parse();
        if (tree.size + 1 > limits::kPatternProgram.value)
            return failWith("pattern too complex: its repetitions expand past " + thousands(limits::kPatternProgram.value) + " states");
        auto p = std::make_shared<Pattern>();
        Emitter(p->m_program, p->m_classes).emit(tree);
        p->m_program.push_back({Inst::Match, 0, 0});
        return p;
    } catch (const Failure& f) {
        return failWith(f.message);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Matching
//-----------------------------------------------------------------------------

namespace {

// The set of program states alive at one text position, each once (sparse set: O(1) insert and clear).
class StateSet {
public:
    explicit StateSet(size_t n) : m_dense(n), m_sparse(n) {}
    bool contains(int s) const { return m_sparse[s] < m_count && m_dense[m_sparse[s]] == s; }
    void insert(int s) { m_sparse[s] = m_count; m_dense[m_count++] = s; }
    void clear() { m_count = 0; }
    size_t size() const { return m_count; }
    int operator[](size_t i) const { return m_dense[i]; }

private:
    std::vector<int> m_dense;
    std::vector<size_t> m_sparse;
    size_t m_count = 0;
};

// Where the matcher stands: what the assertions look at.
struct Position {
    bool atStart, atEnd;
    char32_t before, after;  // neighbouring code points (0 outside the text)
};

bool holds(int kind, const Position& p) {
    bool boundary = (!p.atStart && isWord(p.before)) != (!p.atEnd && isWord(p.after));
    switch (kind) {
    case kBegin: return p.atStart;
    case kEnd: return p.atEnd;
    case kWordBoundary: return boundary;
    default: return !boundary;
    }
}

// Adds state `s` and every state reachable from it without reading a character.
void follow(const std::vector<Pattern::Inst>& prog, StateSet& set, int s, const Position& p, std::vector<int>& stack) {
    stack.clear();
    stack.push_back(s);
    while (!stack.empty()) {
        int at = stack.back();
        stack.pop_back();
        if (set.contains(at)) continue;
        set.insert(at);
        const Pattern::Inst& in = prog[at];
        if (in.op == Pattern::Inst::Jmp) stack.push_back(in.x);
        else if (in.op == Pattern::Inst::Split) { stack.push_back(in.y); stack.push_back(in.x); }
        else if (in.op == Pattern::Inst::Assert && holds(in.x, p)) stack.push_back(at + 1);
    }
}

} // namespace

bool Pattern::matches(std::string_view text) const {
    if ((long long)text.size() > limits::kPatternInput.value) return false;
    StateSet current(m_program.size()), next(m_program.size());
    std::vector<int> stack;
    size_t i = 0;
    char32_t before = 0;
    char32_t c = 0;
    size_t after = 0;
    auto position = [&] {
        Position p{i == 0, i >= text.size(), before, 0};
        after = i;
        c = p.atEnd ? 0 : decode(text, after);
        p.after = c;
        return p;
    };
    Position p = position();
    follow(m_program, current, 0, p, stack);
    while (true) {
        if (p.atEnd) {
            for (size_t k = 0; k < current.size(); ++k)
                if (m_program[current[k]].op == Inst::Match) return true;
            return false;
        }
        if (current.size() == 0) return false;
        before = c;
        i = after;
        Position np = position();
        next.clear();
        for (size_t k = 0; k < current.size(); ++k) {
            const Inst& in = m_program[current[k]];
            bool ok = (in.op == Inst::Char && (char32_t)in.x == before) || (in.op == Inst::Class && inRanges(m_classes[in.x], before));
            if (ok) follow(m_program, next, current[k] + 1, np, stack);
        }
        std::swap(current, next);
        p = np;
    }
}

} // namespace pt
