// Promptotype — scoring one prototype against a corpus entry. See eval_score.h.
//
// [SECTION] Names
// [SECTION] Terms
// [SECTION] Style
// [SECTION] Scoring

#include "meeting/eval_score.h"
#include "runtime/headless/inspector.h"
#include "runtime/spec/css_colors.h"
#include "runtime/spec/vocabulary.h"
#include <algorithm>
#include <cctype>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Names
//-----------------------------------------------------------------------------

const char* styleVerdictName(StyleVerdict v) {
    switch (v) {
    case StyleVerdict::Met: return "met";
    case StyleVerdict::Missed: return "missed";
    case StyleVerdict::NotChecked: return "not machine-checked";
    }
    return "";
}

const char* changeOutcomeName(ChangeOutcome c) {
    switch (c) {
    case ChangeOutcome::None: return "";
    case ChangeOutcome::Applied: return "applied";
    case ChangeOutcome::Already: return "already";
    case ChangeOutcome::Declined: return "declined";
    case ChangeOutcome::Unchanged: return "unchanged";
    case ChangeOutcome::Failed: return "failed";
    }
    return "";
}

int EntryScore::termsFound() const {
    return (int)std::count_if(terms.begin(), terms.end(), [](const TermCheckResult& t) { return t.found; });
}

int EntryScore::stylesMet() const {
    return (int)std::count_if(styles.begin(), styles.end(), [](const StyleCheckResult& s) { return s.verdict == StyleVerdict::Met; });
}

int EntryScore::stylesChecked() const {
    return (int)std::count_if(styles.begin(), styles.end(), [](const StyleCheckResult& s) { return s.verdict != StyleVerdict::NotChecked; });
}

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (char)std::tolower((unsigned char)c);
    return out;
}

bool isWordChar(char c) { return std::isalnum((unsigned char)c) != 0; }

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Terms
//-----------------------------------------------------------------------------

namespace {

// `needle` (lower case) as a whole word or phrase of `haystack` (lower case).
bool containsWord(const std::string& haystack, const std::string& needle) {
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
        bool startsWord = at == 0 || !isWordChar(haystack[at - 1]) || !isWordChar(needle.front());
        size_t end = at + needle.size();
        bool endsWord = end == haystack.size() || !isWordChar(haystack[end]) || !isWordChar(needle.back());
        if (startsWord && endsWord) return true;
    }
    return false;
}

} // namespace

bool termFound(std::string_view alternatives, const std::vector<std::string>& texts) {
    std::vector<std::string> lowered;
    for (const std::string& t : texts) lowered.push_back(lower(t));
    std::string all = lower(alternatives);
    for (size_t start = 0; start <= all.size();) {
        size_t bar = std::min(all.find('|', start), all.size());
        std::string alt = lowerTrimmed(std::string_view(all).substr(start, bar - start));
        start = bar + 1;
        if (alt.empty()) continue;
        for (const std::string& t : lowered)
            if (containsWord(t, alt)) return true;
    }
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Style
//-----------------------------------------------------------------------------

namespace {

// One colour a check names: the words that name it ("navy", "#1b2a4a") and the values they may mean.
struct NamedColour {
    std::vector<std::string> names;
    std::vector<std::uint32_t> values;  // 0xRRGGBB
};

// A spec colour (packed like ImGui's IM_COL32) as 0xRRGGBB.
std::uint32_t rgbOfPacked(std::uint32_t packed) { return ((packed & 0xFF) << 16) | (packed & 0xFF00) | ((packed >> 16) & 0xFF); }

// What a colour word of a check may mean: a CSS keyword's value and the spec's own colour of that name (they differ
// for "teal", "green", ...), or a #hex code's value. Other words mean no colour (even "bad", which reads as hex).
std::vector<std::uint32_t> checkColourValues(const std::string& word) {
    std::vector<std::uint32_t> out;
    std::uint32_t v;
    if (cssColor(word, &v)) out.push_back(v);
    if ((word[0] == '#' || !out.empty()) && parseColor(word, &v)) out.push_back(rgbOfPacked(v));
    return out;
}

// What a colour the theme writes means: the spec's reading (a name it knows or a hex code), or a CSS keyword.
std::vector<std::uint32_t> themeColourValues(const std::string& value) {
    std::vector<std::uint32_t> out;
    std::uint32_t v;
    if (parseColor(value, &v)) out.push_back(rgbOfPacked(v));
    if (cssColor(value, &v)) out.push_back(v);
    return out;
}

// The colours a check names, in order; a hex code right after a colour name describes that colour.
std::vector<NamedColour> coloursNamed(const std::string& check) {
    std::vector<NamedColour> out;
    bool lastWasName = false;
    for (size_t i = 0; i < check.size();) {
        size_t end = i;
        while (end < check.size() && (isWordChar(check[end]) || (end == i && check[end] == '#'))) ++end;
        if (end == i) { ++i; continue; }
        std::string word = check.substr(i, end - i);
        i = end;
        std::vector<std::uint32_t> values = word.size() > 1 ? checkColourValues(word) : std::vector<std::uint32_t>{};
        if (values.empty()) { lastWasName = false; continue; }
        bool hex = word[0] == '#';
        if (hex && lastWasName) {
            out.back().names.push_back(word);
            out.back().values.insert(out.back().values.end(), values.begin(), values.end());
        } else out.push_back({{word}, values});
        lastWasName = !hex;
    }
    return out;
}

// The theme's colours as written ("brand": "#1B2A4A", and any other colour key).
std::vector<std::pair<std::string, std::string>> themeColours(const Spec& spec) {
    std::vector<std::pair<std::string, std::string>> out;
    auto theme = spec.source.find("theme");
    if (theme == spec.source.end() || !theme->is_object()) return out;
    for (auto& [key, value] : theme->items())
        if (value.is_string() && !themeColourValues(value.get<std::string>()).empty()) out.push_back({key, value.get<std::string>()});
    return out;
}

bool themeHas(const NamedColour& colour, const std::vector<std::pair<std::string, std::string>>& theme) {
    for (auto& [key, value] : theme) {
        std::string v = lower(value);
        if (std::find(colour.names.begin(), colour.names.end(), v) != colour.names.end()) return true;
        for (std::uint32_t written : themeColourValues(v))
            if (std::find(colour.values.begin(), colour.values.end(), written) != colour.values.end()) return true;
    }
    return false;
}

std::string describeTheme(const std::vector<std::pair<std::string, std::string>>& theme) {
    std::string out;
    for (auto& [key, value] : theme) out += (out.empty() ? "" : ", ") + key + " " + value;
    return out.empty() ? "no theme colours" : "theme: " + out;
}

} // namespace

StyleCheckResult checkStyle(std::string_view check, const Spec& spec) {
    StyleCheckResult r;
    r.text = std::string(check);
    std::string t = lower(check);
    if (t.rfind("no ", 0) == 0) return r;  // a negation: what must be absent needs a person
    std::vector<NamedColour> colours = coloursNamed(t);
    if (!colours.empty()) {
        auto theme = themeColours(spec);
        r.verdict = StyleVerdict::Met;
        for (const NamedColour& c : colours)
            if (!themeHas(c, theme)) {
                r.verdict = StyleVerdict::Missed;
                r.why += (r.why.empty() ? "" : "; ") + c.names.front() + " is not a theme colour";
            }
        if (r.verdict == StyleVerdict::Missed) r.why += " (" + describeTheme(theme) + ")";
        return r;
    }
    for (const char* phrase : {"dark mode", "dark theme", "night mode"})
        if (containsWord(t, phrase)) {
            r.verdict = spec.dark ? StyleVerdict::Met : StyleVerdict::Missed;
            if (!spec.dark) r.why = "theme mode is light";
            return r;
        }
    return r;
}

//-----------------------------------------------------------------------------
// [SECTION] Scoring
//-----------------------------------------------------------------------------

void scoreSpec(const CorpusEntry& entry, std::shared_ptr<const Spec> spec, const DomainWords& domainWords, EntryScore* score) {
    Json inspected = inspectSpec(spec);
    std::vector<std::string> texts;
    for (auto& [where, list] : inspected["texts"].items())
        for (auto& t : list) texts.push_back(t.get<std::string>());
    score->screens = (int)spec->screens.size();
    score->deadControls = (int)inspected["dead_controls"].size();
    score->unreachable = (int)inspected["unreachable"].size();
    score->tokens = inspected["tokens"]["total"].get<int>();
    score->requirementsListed = (int)inspected["requirements"].size();
    score->requirementsCovered = 0;
    for (auto& r : inspected["requirements"]) {
        bool allPlaced = std::none_of(r["ids"].begin(), r["ids"].end(), [](const Json& id) { return id["kind"] == "missing"; });
        if (r["status"] == "covered" && allPlaced) ++score->requirementsCovered;
    }
    score->numberedItems = numberedItemCount(entry.request);
    score->terms.clear();
    score->styles.clear();
    score->otherChecks = 0;
    for (const CorpusCheck& c : entry.checks) {
        if (c.kind == "term") score->terms.push_back({c.text, termFound(c.text, texts)});
        else if (c.kind == "style") score->styles.push_back(checkStyle(c.text, *spec));
        else ++score->otherChecks;
    }
    score->foreign = domainWords.foreignWords(entry, texts);
}

Json entryScoreJson(const EntryScore& s) {
    Json terms = Json::array(), styles = Json::array(), foreign = Json::array();
    for (auto& t : s.terms) terms.push_back({{"text", t.text}, {"found", t.found}});
    for (auto& st : s.styles) {
        Json j = {{"text", st.text}, {"verdict", styleVerdictName(st.verdict)}};
        if (!st.why.empty()) j["why"] = st.why;
        styles.push_back(j);
    }
    for (auto& f : s.foreign) foreign.push_back({{"word", f.word}, {"from", f.from}});
    Json out = {{"id", s.id}, {"style", s.style}, {"usable", s.usable}, {"valid", s.valid()}, {"load_errors", s.loadErrors},
                {"ms", s.ms}, {"total_ms", s.totalMs}, {"screens", s.screens}, {"dead_controls", s.deadControls}, {"unreachable", s.unreachable},
                {"terms", terms}, {"terms_found", s.termsFound()},
                {"requirements", {{"listed", s.requirementsListed}, {"covered", s.requirementsCovered},
                                  {"numbered_items", s.numberedItems}, {"expected", s.requirementsExpected()}}},
                {"styles", styles}, {"other_checks", s.otherChecks}, {"foreign", foreign}, {"tokens", s.tokens}};
    if (!s.error.empty()) out["error"] = s.error;
    if (s.change != ChangeOutcome::None)
        out["change"] = {{"outcome", changeOutcomeName(s.change)}, {"message", s.changeMessage}, {"draft_ms", s.draftMs}};
    if (!s.shots.empty()) out["shots"] = s.shots;
    return out;
}

} // namespace pt
