// Promptotype — reading a request's look and layout: colours with their roles, dark mode, sidebar or tabs and their
// labels, font, density, corners, cards and "a single screen". No grammar: each sentence is a list of words, hex
// codes and marks, and a colour's role comes from the words around it ("X background", "alarms in X", "X for
// buttons and headers", "brand colours are X and Y", "X on Y"). Ordinary words that are also CSS names ("orange",
// "gold", "tan", "black") count only with such a role or near a word about colour, so "Orange County", "Red Cross",
// "black and white photos" and trail marks ("green circle, blue square") are no colour request.
//
// [SECTION] Sentences and words
// [SECTION] Colour mentions
// [SECTION] Colour roles
// [SECTION] Status colours
// [SECTION] Layout words
// [SECTION] readRequestStyle

#include "generator/offline/draft_patterns.h"
#include "runtime/spec/css_colors.h"
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>

namespace pt::draft {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Sentences and words
//-----------------------------------------------------------------------------

// One word ("midnightblue", "sans-serif", "7.5"), hex code ("#1B2A4A") or punctuation mark (",", "(", ":").
struct Token {
    std::string text;  // as written
    std::string low;   // lower case
    bool word = false;
    bool hex = false;
};
using Sentence = std::vector<Token>;

bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The request's sentences (split at . ! ? ; and line ends; "7.5" stays one word).
std::vector<Sentence> sentencesOf(std::string_view text) {
    std::vector<Sentence> out(1);
    auto push = [&](std::string_view t, bool word, bool hex) { out.back().push_back({std::string(t), lowered(t), word, hex}); };
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '#') {
            size_t j = i + 1;
            while (j < text.size() && std::isxdigit(static_cast<unsigned char>(text[j]))) ++j;
            const size_t digits = j - i - 1;
            if ((digits == 3 || digits == 6) && (j == text.size() || !isAlnum(text[j]))) push(text.substr(i, j - i), false, true);
            i = j;
            continue;
        }
        if (isAlnum(c)) {
            size_t j = i;
            auto joins = [&](size_t k) {  // a '-' or '\'' between letters, a '.' between digits
                if (k + 1 >= text.size() || !isAlnum(text[k + 1])) return false;
                if (text[k] == '-' || text[k] == '\'') return true;
                return text[k] == '.' && std::isdigit(static_cast<unsigned char>(text[k - 1])) && std::isdigit(static_cast<unsigned char>(text[k + 1]));
            };
            while (j < text.size() && (isAlnum(text[j]) || joins(j))) ++j;
            push(text.substr(i, j - i), true, false);
            i = j;
            continue;
        }
        if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
            if (!out.back().empty()) out.emplace_back();
        } else if (!std::isspace(static_cast<unsigned char>(c))) {
            push(text.substr(i, 1), false, false);
        }
        ++i;
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

bool lowIs(const Sentence& s, size_t i, std::initializer_list<const char*> words) {
    if (i >= s.size()) return false;
    for (const char* w : words)
        if (s[i].low == w) return true;
    return false;
}

// The words starting at `i` are `phrase` (space-separated, lower case).
bool phraseAt(const Sentence& s, size_t i, std::string_view phrase) {
    for (size_t at = 0; !phrase.empty(); ++i) {
        at = phrase.find(' ');
        if (i >= s.size() || s[i].low != phrase.substr(0, at)) return false;
        phrase = at == std::string_view::npos ? std::string_view() : phrase.substr(at + 1);
    }
    return true;
}

// Where the first of `phrases` starts in the sentence (s.size() when none does).
size_t findPhrase(const Sentence& s, std::initializer_list<const char*> phrases) {
    for (size_t i = 0; i < s.size(); ++i)
        for (const char* p : phrases)
            if (phraseAt(s, i, p)) return i;
    return s.size();
}

//-----------------------------------------------------------------------------
// [SECTION] Colour mentions
//-----------------------------------------------------------------------------

// Colour names people write that CSS lacks, as the shade they usually mean.
const std::map<std::string, std::string> kColourWords = {
    {"cream", "#FFFDD0"}, {"charcoal", "#36454F"}, {"mint", "#98FF98"}, {"sand", "#C2B280"}, {"burgundy", "#800020"}, {"mustard", "#FFDB58"},
    {"rust", "#B7410E"}, {"sage", "#9CAF88"}, {"offwhite", "#FAF9F6"}, {"emerald", "#50C878"}, {"terracotta", "#E2725B"}, {"mauve", "#E0B0FF"},
    {"navyblue", "#000080"}, {"skyblue", "#87CEEB"}, {"babyblue", "#89CFF0"}, {"jade", "#00A86B"}, {"amber", "#FFBF00"}, {"ochre", "#CC7722"},
    {"cobalt", "#0047AB"}, {"sapphire", "#0F52BA"}, {"lilac", "#C8A2C8"}, {"mahogany", "#C04000"}, {"bronze", "#CD7F32"}, {"graphite", "#383838"}};

// CSS names that are also ordinary English words or names: colours only where the sentence gives them a role or
// talks about colour.
bool ordinaryWord(const std::string& name) {
    static const std::set<std::string> words = {
        "red", "green", "blue", "black", "white", "orange", "gold", "tan", "linen", "bisque", "chocolate", "salmon", "plum",
        "peru", "olive", "lime", "coral", "wheat", "snow", "ivory", "moccasin", "orchid", "thistle", "tomato", "khaki",
        "lavender", "navy", "crimson", "indigo", "violet", "silver", "aqua", "azure", "beige", "magenta", "teal", "cyan",
        "maroon", "turquoise", "gray", "grey", "brown", "pink", "purple", "yellow", "chartreuse", "aquamarine", "sienna",
        "fuchsia", "seashell", "firebrick", "goldenrod", "honeydew", "cornsilk", "gainsboro"};
    return words.count(name) > 0;
}

// Words after a colour word that make it part of another phrase ("white space", "black belt", "blue-collar").
bool idiomAfter(const Sentence& s, size_t i) {
    return lowIs(s, i, {"space", "spaces", "label", "labels", "paper", "papers", "collar", "box", "list", "belt", "hat", "hole",
                        "board", "noise", "pages", "lie", "tie", "carpet", "flag", "flags", "cross", "county"});
}

// A colour the sentence names: tokens [begin, end), written as a CSS name or "#RRGGBB".
struct Mention {
    size_t begin = 0, end = 0;
    std::string value;
    std::uint32_t rgb = 0;
    bool needsContext = false;  // an ordinary word or an all-digit code ("#123" may be a number)
};

std::string hexValue(const std::string& code, std::uint32_t* rgb) {
    std::string digits = code.substr(1);
    if (digits.size() == 3) digits = {digits[0], digits[0], digits[1], digits[1], digits[2], digits[2]};
    *rgb = static_cast<std::uint32_t>(std::stoul(digits, nullptr, 16));
    for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "#" + digits;
}

bool capitalizedWord(const Token& t) { return t.word && std::isupper(static_cast<unsigned char>(t.text[0])); }

bool isCssName(const std::string& word) {
    std::uint32_t rgb;
    return cssColor(word, &rgb);
}

std::vector<Mention> colourMentions(const Sentence& s) {
    std::vector<Mention> out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i].hex) {
            Mention m{i, i + 1, "", 0, false};
            m.value = hexValue(s[i].low, &m.rgb);
            m.needsContext = s[i].low.find_first_of("abcdef") == std::string::npos;
            // "navy (#1B2A4A)", "magenta #FF2D95": the code says exactly which shade the name meant.
            const bool afterName = !out.empty() && (out.back().end == i || (out.back().end + 1 == i && s[i - 1].text == "("));
            if (afterName) {
                m.begin = out.back().begin;
                m.needsContext = false;
                out.back() = m;
            } else out.push_back(m);
            if (lowIs(s, i + 1, {")"}) && afterName) out.back().end = ++i + 1;
            continue;
        }
        // Names as one word or as words ("midnight blue", "dark slate gray", "dark-orange").
        for (size_t n = 3; n >= 1; --n) {
            if (i + n > s.size()) continue;
            std::string joined;
            bool words = true;
            for (size_t k = i; k < i + n; ++k) {
                words = words && s[k].word;
                for (char c : s[k].low)
                    if (c != '-') joined += c;
            }
            std::uint32_t rgb;
            std::string value = joined;
            if (!words) continue;
            if (const auto named = kColourWords.find(joined); named != kColourWords.end()) value = hexValue(named->second, &rgb);
            else if (!cssColor(joined, &rgb)) continue;
            const bool properNoun = n == 1 && capitalizedWord(s[i]) && i + 1 < s.size() && capitalizedWord(s[i + 1]) && !isCssName(s[i + 1].low);
            if (!properNoun && !idiomAfter(s, i + n)) out.push_back({i, i + n, value, rgb, n == 1 && (ordinaryWord(joined) || kColourWords.count(joined))});
            // "chocolate brown", "navy blue": a shade named before its hue is that shade.
            static const std::set<std::string> hues = {"red", "green", "blue", "brown", "white", "grey", "gray", "yellow", "pink", "purple", "orange"};
            if (i + n < s.size() && hues.count(s[i + n].low) && !properNoun) {
                if (!out.empty() && out.back().begin == i) out.back().end = i + n + 1, out.back().needsContext = false;
                ++i;
            }
            i += n - 1;
            break;
        }
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Colour roles
//-----------------------------------------------------------------------------

enum class Role { None, Background, Surface, Header, Brand, Accent, Text, Palette, Foreground };

// What a noun beside a colour makes it ("background", "cards", "sidebar", "buttons", "accents", "palette").
Role roleOfNoun(const Sentence& s, size_t i) {
    if (lowIs(s, i, {"background", "backgrounds", "backdrop", "canvas", "area"})) return Role::Background;
    if (lowIs(s, i, {"card", "cards", "surface", "surfaces", "panel", "panels", "tile", "tiles"})) return Role::Surface;
    if (lowIs(s, i, {"header", "headers", "heading", "headings", "sidebar", "sidebars", "bar", "bars", "navigation", "nav", "toolbar", "banner"}))
        return Role::Header;
    if (lowIs(s, i, {"button", "buttons", "brand", "branding", "cta", "ctas", "component", "components", "control", "controls", "element", "elements"}))
        return Role::Brand;
    if (lowIs(s, i, {"accent", "accents", "highlight", "highlights", "link", "links", "badge", "badges", "alert", "alerts", "alarm",
                     "alarms", "warning", "warnings", "icon", "icons"}))
        return Role::Accent;
    if (lowIs(s, i, {"text", "texts", "font", "fonts", "typography", "lettering", "writing"})) return Role::Text;
    if (lowIs(s, i, {"palette", "colour", "colours", "color", "colors", "scheme", "theme", "tones", "shades", "look", "design"})) return Role::Palette;
    return Role::None;
}

// Words about colour: an ordinary colour word near one of them is a colour ("a clean look: navy and white").
bool nearColourWords(const Sentence& s, const Mention& m) {
    const size_t from = m.begin >= 4 ? m.begin - 4 : 0, to = std::min(s.size(), m.end + 4);
    for (size_t i = from; i < to; ++i)
        if ((i < m.begin || i >= m.end) && (roleOfNoun(s, i) != Role::None || lowIs(s, i, {"ui", "mode", "feel", "style", "hue", "themed"}))) return true;
    // "Status colours: green for available, red for occupied": everything after a "colours:" heading.
    for (size_t i = 0; i + 1 < m.begin; ++i)
        if (roleOfNoun(s, i) == Role::Palette && s[i + 1].text == ":") return true;
    return false;
}

// The roles the words after a group of colours give it: "X background", "X left sidebar", "X for buttons and headers".
std::vector<Role> rolesAfter(const Sentence& s, size_t i) {
    // "black as the background"
    if (lowIs(s, i, {"as"})) ++i;
    while (lowIs(s, i, {"the", "a", "an", "its", "their", "our"})) ++i;
    while (lowIs(s, i, {"left", "right", "top", "bottom", "side", "primary", "main", "big", "large", "small", "bold", "soft", "thin", "tab",
                        "app", "title", "content", "page"}))
        ++i;
    if (Role r = roleOfNoun(s, i); r != Role::None) return {r};
    std::vector<Role> roles;
    if (!lowIs(s, i, {"for"})) return roles;
    for (++i; i < s.size(); ++i) {
        if (lowIs(s, i, {"the", "all", "its", "their", "and", "primary", "main"})) continue;
        Role r = roleOfNoun(s, i);
        if (r == Role::None || r == Role::Palette) break;
        roles.push_back(r);
    }
    return roles;
}

// The role the words before a group give it: "alarms in X", "brand colours are X and Y", "background: X".
Role roleBefore(const Sentence& s, size_t begin) {
    size_t j = begin;
    // "make the background dark navy": a shade word is part of the colour, not what it colours.
    while (j > 0 && lowIs(s, j - 1, {"dark", "deep", "light", "pale", "bright", "soft", "muted", "warm", "cool", "rich"})) --j;
    // "change the background to light gray", "the header should be navy", "components adopt navy"
    while (j > 0 && lowIs(s, j - 1, {"in", "are", "is", "was", ":", "(", "-", "=", "as", "be", "use", "uses", "using", "to", "should", "become", "adopt",
                                     "adopts", "take", "takes", "with", "feature", "features"}))
        --j;
    if (j == 0) return Role::None;
    Role r = roleOfNoun(s, j - 1);
    if (r == Role::Palette && j >= 2 && roleOfNoun(s, j - 2) != Role::None) return roleOfNoun(s, j - 2);  // "brand colours", "accent colour"
    return r;
}

// Relative luminance, 0 (black) to 1 (white).
double lightness(std::uint32_t rgb) {
    return (0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF)) / 255.0;
}

// A colour with the roles its sentence gives it.
struct RoledColour {
    Mention colour;
    std::vector<Role> roles;
};

//-----------------------------------------------------------------------------
// [SECTION] Status colours
//-----------------------------------------------------------------------------

// The value a colour is given to, as written, or "" when the words around it give it none:
// "green for available", "red when occupied", "Available (green)", "overdue in red". Nouns of the look ("navy for
// headers", "buttons in gold") are roles, not values.
std::string valueOfColour(const Sentence& s, const Mention& m) {
    auto valueWord = [&](size_t k) { return k < s.size() && s[k].word && !lowIs(s, k, {"and", "or", "but"}) && roleOfNoun(s, k) == Role::None; };
    std::vector<std::string> words;
    if (lowIs(s, m.end, {"for", "when", "if", "means", "="})) {
        size_t k = m.end + 1;
        while (lowIs(s, k, {"a", "an", "the", "is", "are", "being"})) ++k;
        for (; valueWord(k) && words.size() < 3; ++k) words.push_back(s[k].text);
        if (valueWord(k)) return "";  // a clause, not a value ("green for anything the team has signed off")
    } else if ((m.begin > 0 && lowIs(s, m.begin - 1, {"("}) && lowIs(s, m.end, {")"})) || (m.begin > 0 && lowIs(s, m.begin - 1, {"in"}))) {
        // Back to the word that introduces it: "hearings show as Scheduled (blue)", "In progress (amber)".
        static const std::set<std::string> introducers = {"as", "is", "are", "be", "the", "a", "an", "in", "with", "of", "for", "to", "when", "while", "show", "shows"};
        size_t k = m.begin - 1;
        while (k > 0 && valueWord(k - 1) && words.size() < 3 && !introducers.count(s[k - 1].text)) words.insert(words.begin(), s[--k].text);
        if (k > 0 && valueWord(k - 1) && !introducers.count(s[k - 1].text)) return "";
    }
    std::string value;
    for (const std::string& w : words) value += (value.empty() ? "" : " ") + w;
    return value;
}

// The theme tone a status colour stands in for, by its hue: red and pink are danger, orange to yellow warning,
// greens success, the rest (blues, purples, greys) info. A tone already given takes the next free one.
std::string toneOfColour(std::uint32_t rgb, const std::vector<RequestStyle::StatusColour>& given) {
    const int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
    const int hi = std::max({r, g, b}), span = hi - std::min({r, g, b});
    double deg = 0;
    if (span > 0) deg = hi == r ? 60.0 * std::fmod((g - b) / double(span) + 6.0, 6.0) : hi == g ? 60.0 * ((b - r) / double(span) + 2) : 60.0 * ((r - g) / double(span) + 4);
    const bool grey = span < 0.2 * hi || hi < 51;
    const char* tone = grey ? "info" : deg < 20 || deg >= 300 ? "danger" : deg < 65 ? "warning" : deg < 170 ? "success" : "info";
    auto free = [&](const std::string& t) { return std::none_of(given.begin(), given.end(), [&](const auto& g) { return g.tone == t; }); };
    if (free(tone)) return tone;
    for (const char* t : {"success", "warning", "danger", "info"})
        if (free(t)) return t;
    return "";
}

// Two or more values of one sentence each given a colour colour a status ("Bed status colours: green for
// available, amber for cleaning, red for occupied"); one alone is no status ("red for urgent ones" may be an accent).
std::vector<RequestStyle::StatusColour> statusColoursOf(const Sentence& s, const std::vector<Mention>& mentions) {
    std::vector<RequestStyle::StatusColour> out;
    for (const Mention& m : mentions) {
        const std::string value = valueOfColour(s, m);
        if (value.empty()) continue;
        const std::string tone = toneOfColour(m.rgb, out);
        if (!tone.empty()) out.push_back({value, m.value, tone});
    }
    if (out.size() < 2) out.clear();
    return out;
}

// Every colour of the sentence that its words make a colour request, with its roles; those that colour a status go
// to `status` instead.
std::vector<RoledColour> roledColours(const Sentence& s, std::vector<RequestStyle::StatusColour>& status) {
    std::vector<Mention> mentions = colourMentions(s);
    const std::vector<RequestStyle::StatusColour> coloured = statusColoursOf(s, mentions);
    if (!coloured.empty()) {
        mentions.erase(std::remove_if(mentions.begin(), mentions.end(), [&](const Mention& m) { return !valueOfColour(s, m).empty(); }), mentions.end());
        status.insert(status.end(), coloured.begin(), coloured.end());
    }
    std::vector<RoledColour> out;
    bool onForeground = false;  // the group before stood "on" this one ("red on black")
    for (size_t g = 0; g < mentions.size();) {
        // A group: colours joined by "and", ",", "&", "/" or "or" ("seagreen and honeydew").
        size_t last = g;
        while (last + 1 < mentions.size()) {
            bool joined = mentions[last + 1].begin > mentions[last].end;
            for (size_t k = mentions[last].end; k < mentions[last + 1].begin; ++k) joined = joined && lowIs(s, k, {"and", ",", "&", "/", "or"});
            if (!joined) break;
            ++last;
        }
        std::vector<Role> roles = rolesAfter(s, mentions[last].end);
        if (roles.empty()) roles = {roleBefore(s, mentions[g].begin)};
        if (roles.front() == Role::None && onForeground) roles = {Role::Background};
        onForeground = false;
        if (roles.front() == Role::None && lowIs(s, mentions[last].end, {"on"})) {
            // "red on black", "darkred and #FF3B30 on pure black": a foreground on a background.
            size_t k = mentions[last].end + 1;
            while (lowIs(s, k, {"a", "an", "the", "pure", "plain", "solid", "deep"})) ++k;
            onForeground = last + 1 < mentions.size() && mentions[last + 1].begin == k;
            if (onForeground) roles = {Role::Foreground};
        }
        // "Use navy and white.", "a habit tracker in teal and sand": colours that are the whole object of "use", or a
        // pair after "in", ending the clause, are the look even with no word about colour near them.
        const size_t before = mentions[g].begin;
        const bool clauseEnds = mentions[last].end == s.size() || !s[mentions[last].end].word;
        const bool lookAsked = before > 0 && clauseEnds &&
                               (lowIs(s, before - 1, {"use", "uses", "using"}) || (last > g && lowIs(s, before - 1, {"in"})));
        for (size_t k = g; k <= last; ++k) {
            const Mention& m = mentions[k];
            std::vector<Role> mine = roles;
            // In a group only the first takes a named role; a brand pair is brand and accent, the rest a palette.
            if (k > g && roles.front() == Role::Brand) mine = {Role::Accent};
            else if (k > g && roles.front() != Role::Foreground && roles.front() != Role::None) mine = {Role::Palette};
            if (mine.front() == Role::None) {
                if (m.needsContext && !lookAsked && !nearColourWords(s, m)) continue;
                mine = {Role::Palette};
            }
            out.push_back({m, mine});
        }
        g = last + 1;
    }
    return out;
}

// Writes the colours into the style: named roles first (the first colour named for a role wins), then the palette
// in the request's order (a very light one, or a very dark one in dark mode, is the background; the rest brand,
// then accent).
void assignColours(RequestStyle& style, const std::vector<RoledColour>& colours) {
    auto taken = [&](const std::string& v) {
        for (const std::string* k : {&style.brand, &style.background, &style.surface, &style.header, &style.accent, &style.text})
            if (*k == v) return true;
        return false;
    };
    for (const RoledColour& c : colours)
        for (Role r : c.roles) {
            std::string* slot = r == Role::Background ? &style.background : r == Role::Surface ? &style.surface : r == Role::Header ? &style.header
                              : r == Role::Brand ? &style.brand : r == Role::Accent ? &style.accent : r == Role::Text ? &style.text : nullptr;
            if (slot == &style.brand && !style.brand.empty()) slot = &style.accent;
            if (slot && slot->empty()) *slot = c.colour.value;
        }
    for (const RoledColour& c : colours) {
        const Role r = c.roles.front();
        if ((r != Role::Palette && r != Role::Foreground) || taken(c.colour.value)) continue;
        const double light = lightness(c.colour.rgb);
        const bool backdrop = r == Role::Palette && (style.dark ? light < 0.12 : light > 0.85);
        if (backdrop && style.background.empty()) style.background = c.colour.value;
        else if (style.brand.empty()) style.brand = c.colour.value;
        else if (style.accent.empty()) style.accent = c.colour.value;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Layout words
//-----------------------------------------------------------------------------

// "dark mode", "night mode", "dark UI"; not "a dark mode toggle" (a setting, not the app's look) nor "no dark mode".
bool asksDark(const Sentence& s) {
    for (size_t i = 0; i < s.size(); ++i)
        for (const char* p : {"dark mode", "dark theme", "night mode", "dark ui", "dark interface", "dark look"})
            if (phraseAt(s, i, p) && !lowIs(s, i + 2, {"toggle", "switch", "option", "setting", "settings", "button"}) &&
                !(i > 0 && lowIs(s, i - 1, {"no", "without", "or"})))
                return true;
    return false;
}

// "sidebar"/"tabs" and where the request says it first (s.size() when it does not).
std::pair<std::string, size_t> navKindIn(const Sentence& s) {
    const size_t side = findPhrase(s, {"sidebar", "side bar", "left nav", "left navigation", "left menu", "side menu", "side nav",
                                       "side navigation", "navigation drawer"});
    const size_t tabs = findPhrase(s, {"bottom tabs", "bottom tab", "tab bar", "tabbar", "tabs :", "tabs for", "tabs with", "bottom navigation",
                                       "bottom nav", "top navigation", "top nav", "top tabs", "top tab"});
    const size_t at = std::min(side, tabs);
    if (at == s.size() || (at > 0 && lowIs(s, at - 1, {"no", "without"}))) return {"", s.size()};
    return {side <= tabs ? "sidebar" : "tabs", at};
}

// The labels a navigation list names: "Bottom tabs: Lifts, Trails, Tickets", "a left sidebar with Shows, Library and
// Ads". After "with"/"for" only capitalized labels count ("a sidebar with filters" names no tab).
std::vector<std::string> navLabelsIn(const Sentence& s) {
    for (size_t i = 0; i + 1 < s.size(); ++i) {
        const bool navWord = lowIs(s, i, {"tabs", "tab", "sidebar", "navigation", "nav"}) ||
                             (lowIs(s, i, {"bar", "menu"}) && i > 0 && lowIs(s, i - 1, {"tab", "side", "left", "nav", "bottom", "top"}));
        if (!navWord) continue;
        const bool colon = s[i + 1].text == ":" || s[i + 1].text == "-";
        if (!colon && !lowIs(s, i + 1, {"with", "for", "showing", "listing"})) continue;
        std::vector<std::string> labels;
        std::string item;
        size_t words = 0;
        bool ok = true;
        for (size_t k = i + 2; k <= s.size() && ok; ++k) {
            const bool separator = k == s.size() || lowIs(s, k, {",", "and", "&", "/", "|", "or"}) || !s[k].word;
            if (!separator) {
                if (item.empty() && lowIs(s, k, {"a", "an", "the"})) continue;
                ok = ++words <= 3 && (colon || !item.empty() || capitalizedWord(s[k]));
                item += (item.empty() ? "" : " ") + s[k].text;
                continue;
            }
            if (!item.empty()) labels.push_back(capitalized(item));
            item.clear();
            words = 0;
            if (k < s.size() && !s[k].word && !lowIs(s, k, {",", "&", "/", "|"})) break;  // "(", ")", ":" end the list
        }
        if (labels.size() >= 2) return labels;
    }
    return {};
}

std::string fontIn(const Sentence& s) {
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i].low == "serif" && !(i > 0 && lowIs(s, i - 1, {"sans"}))) return "serif";
        if (lowIs(s, i, {"monospace", "monospaced"}) || (s[i].low == "mono" && lowIs(s, i + 1, {"font", "type", "typeface"}))) return "mono";
        if (lowIs(s, i, {"classic", "editorial"}) && (lowIs(s, i + 1, {"font", "typeface", "type", "typography", "headings"}) ||
                                                      lowIs(s, i + 2, {"font", "typeface", "typography"})))
            return "serif";
    }
    return "";
}

std::string densityIn(const Sentence& s) {
    if (findPhrase(s, {"compact", "dense", "tight spacing", "information-dense"}) < s.size()) return "compact";
    if (findPhrase(s, {"spacious", "airy", "roomy", "white space", "whitespace", "generous spacing", "lots of space"}) < s.size()) return "spacious";
    return "";
}

std::string cornersIn(const Sentence& s) {
    for (size_t i = 0; i < s.size(); ++i) {
        auto shapes = [&](size_t k) {
            return lowIs(s, k, {"corners", "corner", "edges", "buttons", "cards", "shapes", "font", "everything", "look", "tiles", "style", "ui"});
        };
        // "rounded buttons", "make the buttons rounded"
        const bool shaped = shapes(i + 1) || shapes(i + 2) || (i > 0 && shapes(i - 1) && (i + 1 == s.size() || !s[i + 1].word));
        if (lowIs(s, i, {"rounded", "round", "pill-shaped", "pill"}) && shaped) return "round";
        if (lowIs(s, i, {"square", "squared", "sharp"}) && lowIs(s, i + 1, {"corners", "corner", "edges", "buttons", "cards"})) return "square";
    }
    return "";
}

// "vendor cards with a photo", "each tour shown as a card", "white cards", "card layout"; not "credit cards".
bool asksCards(const Sentence& s) {
    for (size_t i = 0; i < s.size(); ++i) {
        if (!lowIs(s, i, {"card", "cards"})) continue;
        if (i > 0 && (lowIs(s, i - 1, {"as"}) || (i > 1 && lowIs(s, i - 2, {"as"}) && lowIs(s, i - 1, {"a", "the"})))) return true;
        if (i > 0 && (s[i - 1].hex || isCssName(s[i - 1].low))) return true;
        if (lowIs(s, i + 1, {"layout", "view", "grid"})) return true;
        const bool thing = i > 0 && s[i - 1].word &&
                           !lowIs(s, i - 1, {"credit", "debit", "gift", "flash", "business", "report", "id", "library", "loyalty", "greeting", "playing",
                                             "sim", "index", "trading", "tarot", "score", "punch", "sd", "membership", "member", "boarding", "bank",
                                             "birthday", "post", "the", "a", "an", "my", "your", "of", "and", "or", "with"});
        if (thing && lowIs(s, i + 1, {"with", "showing"})) return true;
    }
    return false;
}

bool asksSingleScreen(const Sentence& s) {
    return findPhrase(s, {"single screen", "one screen", "one page", "single page", "single-screen", "one-screen", "single-page", "one-page"}) < s.size();
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] readRequestStyle
//-----------------------------------------------------------------------------

bool colourName(const std::string& word) {
    std::uint32_t rgb = 0;
    return cssColor(word, &rgb) || kColourWords.count(word) > 0;
}

RequestStyle readRequestStyle(std::string_view request) {
    RequestStyle style;
    const std::vector<Sentence> sentences = sentencesOf(request);
    std::vector<RoledColour> colours;
    for (const Sentence& s : sentences) {
        style.dark = style.dark || asksDark(s);
        auto found = roledColours(s, style.statusColours);
        colours.insert(colours.end(), found.begin(), found.end());
        if (style.nav.empty()) style.nav = navKindIn(s).first;
        if (style.navLabels.empty()) style.navLabels = navLabelsIn(s);
        if (style.font.empty()) style.font = fontIn(s);
        if (style.density.empty()) style.density = densityIn(s);
        if (style.corners.empty()) style.corners = cornersIn(s);
        style.cards = style.cards || asksCards(s);
        style.singleScreen = style.singleScreen || asksSingleScreen(s);
    }
    assignColours(style, colours);
    // A near-black background is a dark theme ("black background, crimson accents").
    std::uint32_t rgb = 0;
    if (!style.background.empty() && (style.background[0] == '#' ? (hexValue(style.background, &rgb), true) : cssColor(style.background, &rgb)))
        style.dark = style.dark || lightness(rgb) < 0.2;
    return style;
}

} // namespace pt::draft
