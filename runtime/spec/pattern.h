// Promptotype — the `pattern` rule's regular expressions, matched in linear time.
//
// A spec's input rule may carry any pattern, and a backtracking engine (std::regex) can take minutes on
// a 30-character value (`^([a-zA-Z]+\s?)*$`). This one compiles the pattern to a small program once, at
// load, and matches it with a Pike VM: every character is looked at once per program state, so the work
// is bounded by text length × program size whatever the pattern is.
//
// Supported (what specs use): literals, `.`, classes `[a-z]` `[^...]`, `\d \w \s \D \W \S \b \B`, escapes
// (`\.`, `\n`, `\t`, `\xHH`, `\uHHHH`), anchors `^ $`, groups `( )` `(?: )` `(?<name> )`, alternation `|`,
// quantifiers `* + ? {m} {m,} {m,n}` (lazy forms match the same: only match / no match matters).
// Backreferences and lookaround are refused with a located error. The text is read as UTF-8 code points.

#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

class Pattern {
public:
    // The compiled pattern, or nullptr with `error` saying what is wrong and at which character (1-based).
    // Patterns longer than limits::kPatternLength or expanding past limits::kPatternProgram are refused.
    static std::shared_ptr<const Pattern> compile(std::string_view source, std::string* error);

    // Whether the whole text matches (like std::regex_match). Texts longer than limits::kPatternInput
    // do not match.
    bool matches(std::string_view text) const;

    size_t programSize() const { return m_program.size(); }  // states the matcher steps through per character

    struct Range { char32_t lo, hi; };  // code points lo..hi, inclusive
    // One program instruction: match a character (Char, Class), fork (Split), jump (Jmp), test a
    // position (Assert) or accept (Match).
    struct Inst {
        enum Op : unsigned char { Char, Class, Split, Jmp, Assert, Match } op;
        int x = 0, y = 0;  // Char: code point; Class: class index; Split: both targets; Jmp: target; Assert: kind
    };

private:
    std::vector<Inst> m_program;
    std::vector<std::vector<Range>> m_classes;  // character classes, sorted and merged ranges
};

} // namespace pt
