// Promptotype — what the offline refiner's handlers share (see refine_toolkit.h).
//
// [SECTION] Words
// [SECTION] Documents: pointers, ids, objects
// [SECTION] Finding targets
// [SECTION] Edit log

#include "generator/offline/refine_toolkit.h"
#include <cctype>
#include "generator/offline/draft_patterns.h"
#include "runtime/spec/catalog.h"
#include <cstring>
#include <map>

namespace pt::refine {

using draft::capitalized;
using draft::safeText;
using draft::singularOf;

const char* const kNeedsLlm = "; configure an LLM (see `promptotype providers`) for requests like this";

//-----------------------------------------------------------------------------
// [SECTION] Words
//-----------------------------------------------------------------------------

std::string lowerAscii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Lower-case words of `text`, camelCase and snake_case split ("prefWeekly" -> pref, weekly), each singular.
std::set<std::string> wordStems(const std::string& text) {
    std::set<std::string> out;
    std::string w;
    auto flush = [&] {
        if (!w.empty()) out.insert(singularOf(lowerAscii(w)));
        w.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 128) { flush(); continue; }
        if (std::isupper(static_cast<unsigned char>(c)) && i > 0 && std::islower(static_cast<unsigned char>(text[i - 1]))) flush();
        w += c;
    }
    flush();
    return out;
}


namespace {

// Quoted labels: "..." '...' “...” ‘...’ (an apostrophe inside a word does not open a quote).
std::vector<std::string> quotedLabels(const std::string& text) {
    static const std::pair<std::string, std::string> pairs[] = {{"\"", "\""}, {"'", "'"}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\xE2\x80\x98", "\xE2\x80\x99"}};
    std::vector<std::pair<size_t, std::string>> found;
    for (auto& [open, close] : pairs) {
        size_t at = 0;
        while ((at = text.find(open, at)) != std::string::npos) {
            if (at > 0 && isWordChar(text[at - 1])) { at += open.size(); continue; }
            size_t end = text.find(close, at + open.size());
            while (end != std::string::npos && end + close.size() < text.size() && isWordChar(text[end + close.size()]))
                end = text.find(close, end + close.size());
            if (end == std::string::npos) break;
            std::string label = text.substr(at + open.size(), end - at - open.size());
            if (!label.empty() && label.size() <= 80) found.push_back({at, safeText(label, 80)});
            at = end + close.size();
        }
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    for (auto& f : found) out.push_back(f.second);
    return out;
}

} // namespace

Request readRequest(const std::string& typed) {
    Request r;
    r.text = safeText(typed, 500);
    r.quotes = quotedLabels(r.text);
    // Punctuation separates words, so "the search bar." still joins.
    std::string low = " ";
    for (char c : lowerAscii(r.text)) low += isWordChar(c) || c == '#' || c == '-' || static_cast<unsigned char>(c) >= 128 ? c : ' ';
    low += " ";
    // "the judge's name": the possessive's s is no word.
    for (size_t at; (at = low.find(" s ")) != std::string::npos;) low.replace(at, 3, " ");
    static const std::pair<const char*, const char*> joined[] = {
        {" search bar ", " search "}, {" search field ", " search "}, {" search box ", " search "}, {" bar chart ", " bar_chart "},
        {" line chart ", " line_chart "}, {" pie chart ", " donut "}, {" tab bar ", " tabs "}, {" bottom bar ", " tabs "}, {" nav bar ", " tabs "},
        {" navigation bar ", " tabs "}, {" text field ", " field "}, {" text box ", " field "}, {" text area ", " textarea "}, {" check box ", " checkbox "},
        {" date picker ", " date "}, {" sign up ", " signup "}, {" sign-up ", " signup "}, {" log in ", " login "}, {" sign in ", " login "},
        {" get rid of ", " remove "}, {" take out ", " remove "}, {" on top of ", " above "}, {" at the top ", " first "}, {" at the bottom ", " last "},
        {" to the top ", " first "}, {" to the bottom ", " last "}, {" e-mail ", " email "}};
    for (int pass = 0; pass < 2; ++pass)   // twice: joined names may sit next to each other
        for (auto& [from, to] : joined)
            for (size_t at; (at = low.find(from)) != std::string::npos;) low.replace(at, std::strlen(from), to);
    std::string w;
    for (char c : low + " ") {
        if (isWordChar(c) || c == '#') { w += c; continue; }
        if (!w.empty()) r.words.push_back(w);
        w.clear();
    }
    return r;
}

// Words that never name a target.
bool isFiller(const std::string& w) {
    static const std::set<std::string> filler = {"the", "a", "an", "this", "that", "these", "those", "my", "our", "your", "its", "it", "of", "on",
                                                 "in", "to", "at", "from", "into", "please", "can", "you", "could", "with", "and", "for", "be",
                                                 "one", "part", "thing", "whole", "all", "app", "bit", "lot", "much", "more", "so", "is", "are", "we", "i"};
    return filler.count(w) > 0;
}

// Words that name how the app is navigated (the tab bar, screens) rather than a widget.
bool isScreenWord(const std::string& w) {
    return w == "tab" || w == "tabs" || w == "screen" || w == "screens" || w == "page" || w == "pages" || w == "view" || w == "menu" || w == "sidebar";
}

// Widget types a word names: "chart" -> the charts, "button" -> button, icon_button, fab; a catalog name names itself.
std::set<std::string> typesNamed(const std::string& w) {
    static const std::map<std::string, std::set<std::string>> synonyms = {
        {"button", {"button", "icon_button", "fab"}}, {"chart", {"bar_chart", "line_chart", "donut", "sparkline", "heatmap"}},
        {"graph", {"bar_chart", "line_chart", "sparkline"}}, {"pie", {"donut"}}, {"field", {"input", "textarea", "date", "select"}},
        {"input", {"input", "textarea"}}, {"toggle", {"switch"}}, {"title", {"heading"}}, {"header", {"heading", "app_bar"}},
        {"headline", {"heading"}}, {"label", {"text"}}, {"paragraph", {"text", "markdown"}}, {"photo", {"image"}}, {"picture", {"image"}},
        {"tile", {"stat"}}, {"kpi", {"stat"}}, {"filter", {"chips", "segmented"}}, {"dropdown", {"select"}}, {"banner", {"toast", "card"}},
        {"form", {}}, {"row", {"item", "row"}}};
    std::string one = singularOf(w);
    if (auto it = synonyms.find(one); it != synonyms.end()) return it->second;
    if (WidgetCatalog::get().find(w)) return {w};
    if (WidgetCatalog::get().find(one)) return {one};
    return {};
}

// The words as wordStems() gives them (singular, lower case), for the tables below.
std::set<std::string> stems(std::initializer_list<const char*> words) {
    std::set<std::string> out;
    for (const char* w : words) out.insert(singularOf(w));
    return out;
}

namespace {

// Screen names that mean the same thing in requests ("the stats tab" is often called Insights or Progress).
const std::vector<std::set<std::string>>& screenSynonyms() {
    static const std::vector<std::set<std::string>> groups = {
        stems({"stats", "statistics", "insights", "analytics", "progress", "reports", "charts"}), stems({"profile", "account", "me"}),
        stems({"settings", "preferences", "options"}), stems({"home", "dashboard", "today", "overview", "start"}),
        stems({"notifications", "alerts", "activity"}), stems({"signup", "register", "registration", "join"}), stems({"login", "signin"}),
        stems({"messages", "chat", "conversations"})};
    return groups;
}

} // namespace

// "Dark mode" from the words of a request.
std::string labelFromWords(const std::vector<std::string>& words) {
    std::string out;
    for (auto& w : words)
        if (!isFiller(w)) out += (out.empty() ? "" : " ") + w;
    return capitalized(out);
}

std::string verbStem(std::string w) {
    w = lowerAscii(w);
    for (const char* end : {"ing", "ed", "es", "s", "e"})
        if (w.size() > std::strlen(end) + 2 && w.compare(w.size() - std::strlen(end), std::string::npos, end) == 0) {
            w.erase(w.size() - std::strlen(end));
            break;
        }
    if (w.size() > 3 && w[w.size() - 1] == w[w.size() - 2]) w.pop_back();
    return w;
}

std::string metaText(const Json& doc, const char* key, const std::string& fallback) {
    if (!doc.contains("meta") || !doc["meta"].is_object() || !doc["meta"].contains(key) || !doc["meta"][key].is_string()) return fallback;
    return doc["meta"][key].get<std::string>();
}

std::string withArticle(const std::string& noun) {
    const bool vowel = !noun.empty() && std::string("aeiouAEIOU").find(noun[0]) != std::string::npos;
    return (vowel ? "an " : "a ") + noun;
}

std::string joinWords(const std::vector<std::string>& words) {
    std::string out;
    for (auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Documents: pointers, ids, objects
//-----------------------------------------------------------------------------

std::string parentPointer(const std::string& p) { return p.substr(0, p.rfind('/')); }
std::string lastToken(const std::string& p) { return p.substr(p.rfind('/') + 1); }
const Json& at(const Json& doc, const std::string& pointer) { return doc.at(Json::json_pointer(pointer)); }
bool has(const Json& doc, const std::string& pointer) { return doc.contains(Json::json_pointer(pointer)); }

// "/screens/home" for anything under that screen.
std::string ownerOf(const std::string& pointer) {
    size_t first = pointer.find('/', 1);
    if (first == std::string::npos) return pointer;
    size_t second = pointer.find('/', first + 1);
    return second == std::string::npos ? pointer : pointer.substr(0, second);
}

// `base`, or base2, base3 ... when taken.
std::string uniqueName(const std::string& base, const std::set<std::string>& taken) {
    if (!taken.count(base)) return base;
    for (int n = 2;; ++n)
        if (!taken.count(base + std::to_string(n))) return base + std::to_string(n);
}

std::set<std::string> idSet(const Json& doc) {
    std::vector<std::string> ids = nodeIds(doc);
    return {ids.begin(), ids.end()};
}

int navItemOf(const Json& doc, const std::string& screen) {
    if (!doc.contains("nav") || !doc["nav"].is_object() || !doc["nav"].contains("items") || !doc["nav"]["items"].is_array()) return -1;
    const Json& items = doc["nav"]["items"];
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i] == screen || (items[i].is_object() && items[i].value("screen", std::string()) == screen)) return static_cast<int>(i);
    return -1;
}

// Gives every node id in `screen` that the app already uses a fresh one.
void freshIds(Json& screen, std::set<std::string>& taken) {
    const Json wrapped = Json{{"screens", Json{{"new", screen}}}};
    const std::string prefix = "/screens/new";
    forEachNode(wrapped, [&](const NodeSite& site) {
        auto id = site.node->find("id");
        if (id == site.node->end() || !id->is_string()) return true;
        std::string now = id->get<std::string>(), fresh = uniqueName(now, taken);
        taken.insert(fresh);
        if (fresh != now) screen[Json::json_pointer(site.pointer.substr(prefix.size()) + "/id")] = fresh;
        return true;
    });
}

std::set<std::string> keysOf(const Json& doc, const char* section) {
    std::set<std::string> out;
    if (doc.contains(section) && doc[section].is_object())
        for (auto& [k, v] : doc[section].items()) out.insert(k);
    return out;
}

// Calls `visit` for every object inside `j` (itself included) with its pointer, parents before children.
void forEachObject(const Json& j, const std::string& pointer, const std::function<void(const Json&, const std::string&)>& visit) {
    if (j.is_object()) {
        visit(j, pointer);
        for (auto& [k, v] : j.items()) forEachObject(v, pointer + "/" + escapePointer(k), visit);
    } else if (j.is_array()) {
        for (size_t i = 0; i < j.size(); ++i) forEachObject(j[i], pointer + "/" + std::to_string(i), visit);
    }
}

std::vector<TextPiece> splitTemplate(const std::string& s) {
    std::vector<TextPiece> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t open = s.find("${", i);
        if (open == std::string::npos) { out.push_back({s.substr(i), false}); break; }
        if (open > i) out.push_back({s.substr(i, open - i), false});
        size_t j = open + 2;
        int depth = 1;
        char quote = 0;
        for (; j < s.size() && depth > 0; ++j) {
            char c = s[j];
            if (quote) { if (c == '\\') ++j; else if (c == quote) quote = 0; }
            else if (c == '\'' || c == '"') quote = c;
            else if (c == '{') ++depth;
            else if (c == '}') --depth;
        }
        out.push_back({s.substr(open, j - open), true});
        i = j;
    }
    return out;
}

std::string literalText(const std::string& s) {
    std::string out;
    for (auto& p : splitTemplate(s))
        if (!p.expression) out += p.text;
    return out;
}

NodeWords wordsOf(const NodeSite& site) {
    NodeWords w;
    const Json& n = *site.node;
    if (auto id = n.find("id"); id != n.end() && id->is_string()) w.id = wordStems(id->get<std::string>());
    for (const std::string& key : {site.typeKey, std::string("title"), std::string("label"), std::string("placeholder"), std::string("subtitle")}) {
        auto it = n.find(key);
        if (it == n.end() || !it->is_string()) continue;
        for (auto& s : wordStems(literalText(it->get<std::string>()))) w.label.insert(s);
    }
    forEachObject(n, "", [&](const Json& o, const std::string&) {
        for (auto& [k, v] : o.items())
            if (v.is_string())
                for (auto& s : wordStems(v.get<std::string>())) w.deep.insert(s);
    });
    return w;
}

//-----------------------------------------------------------------------------
// [SECTION] Finding targets
//-----------------------------------------------------------------------------


RequestScope readScope(const Json& doc, const std::string& scope) {
    RequestScope s;
    if (scope.empty()) return s;
    std::string pointer, error;
    if (!resolveNodePath(doc, scope[0] == '/' ? scope : "#" + scope, &pointer, &error) || !has(doc, pointer)) return s;
    s.pointer = pointer;
    s.owner = ownerOf(pointer);
    return s;
}


std::vector<Candidate> findNodes(const Json& doc, const std::vector<std::string>& phrase, const RequestScope& scope,
                                 const std::function<bool(const NodeSite&)>& eligible) {
    std::set<std::string> types;
    std::vector<std::string> content;
    std::string ordinal;
    for (auto& w : phrase) {
        if (isFiller(w) || isScreenWord(w)) continue;
        if (w == "first" || w == "second" || w == "last") { ordinal = w; continue; }
        std::set<std::string> named = typesNamed(w);
        if (!named.empty() || w == "form") types.insert(named.begin(), named.end());
        else content.push_back(singularOf(w));
    }
    std::vector<Candidate> out;
    if (types.empty() && content.empty()) return out;
    forEachNode(doc, [&](const NodeSite& site) {
        if ((eligible && !eligible(site)) || (!types.empty() && !types.count(site.type))) return true;
        NodeWords words = wordsOf(site);
        int score = types.empty() ? 0 : 4, matched = 0;
        for (auto& w : content) {
            if (words.id.count(w) || words.label.count(w)) score += 3, ++matched;
            else if (words.deep.count(w)) score += 1, ++matched;
        }
        if (!content.empty() && matched == 0) return true;
        if (!scope.pointer.empty() && site.pointer.rfind(scope.pointer, 0) == 0) score += 3;
        else if (!scope.owner.empty() && site.owner == scope.owner) score += 1;
        out.push_back({site, score});
        return true;
    });
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    size_t best = 0;
    while (best < out.size() && out[best].score == out.front().score) ++best;
    if (ordinal == "last" && best > 1) std::rotate(out.begin(), out.begin() + static_cast<long>(best) - 1, out.begin() + static_cast<long>(best));
    if (ordinal == "second" && best > 1) std::swap(out[0], out[1]);
    return out;
}

namespace {

// What a screen is for, read from its content: a list of rows, one row's details, or a form that saves a new row.
enum class ScreenRole { Other, List, Detail, Create };

ScreenRole roleOf(const Json& screen) {
    const std::string text = screen.dump();
    if (text.find("params.") != std::string::npos) return ScreenRole::Detail;
    if (text.find("\"push\"") != std::string::npos && text.find("\"bind\"") != std::string::npos && text.find("\"repeat\"") == std::string::npos)
        return ScreenRole::Create;
    if (text.find("\"repeat\"") != std::string::npos || text.find("\"table\"") != std::string::npos) return ScreenRole::List;
    return ScreenRole::Other;
}

// The role a word asks for: what people call a list, a record or a form ("the member directory", "the patient
// record", "the sign-up form"); Other for any other word.
ScreenRole roleNamed(const std::string& w) {
    static const std::set<std::string> lists = stems({"directory", "list", "listing", "page", "screen", "tab", "index", "overview"});
    static const std::set<std::string> details = stems({"record", "detail", "details", "profile", "file", "card"});
    static const std::set<std::string> creates = stems({"form", "signup", "new", "registration", "register", "entry"});
    const std::string one = singularOf(w);
    return lists.count(one) ? ScreenRole::List : details.count(one) ? ScreenRole::Detail : creates.count(one) ? ScreenRole::Create : ScreenRole::Other;
}

} // namespace

// The screen the words name: its id, title or nav label (with common synonyms: "stats" finds Insights), else the
// words its nodes show ("the monthly report", "the quote"); a word for a kind of screen ("directory", "record",
// "form") picks the list, detail or create screen among those the other words name.
std::string findScreen(const Json& doc, const std::vector<std::string>& phrase, const std::function<bool(const std::string&)>& eligible) {
    std::vector<std::set<std::string>> wanted;   // each content word with its synonyms
    std::vector<std::string> words;              // each content word
    std::set<ScreenRole> roles;                  // kinds of screen the words ask for
    for (auto& w : phrase) {
        if (roleNamed(w) != ScreenRole::Other) roles.insert(roleNamed(w));
        if (isFiller(w) || isScreenWord(w) || w == "form" || w == "list" || w == "table") continue;  // "the habits list" is the habits screen
        std::set<std::string> alts = {singularOf(w)};
        words.push_back(singularOf(w));
        for (auto& group : screenSynonyms())
            if (group.count(singularOf(w))) alts.insert(group.begin(), group.end());
        wanted.push_back(alts);
    }
    // The app's own name ("On the catering quote" in an app called Catering) names every screen, so none of them.
    if (doc.contains("meta") && doc["meta"].is_object() && doc["meta"].contains("name") && doc["meta"]["name"].is_string()) {
        const std::set<std::string> app = wordStems(doc["meta"]["name"].get<std::string>());
        for (size_t i = 0; i < words.size() && words.size() > 1;)
            if (app.count(words[i])) words.erase(words.begin() + static_cast<long>(i)), wanted.erase(wanted.begin() + static_cast<long>(i));
            else ++i;
    }
    if (wanted.empty() || !doc.contains("screens") || !doc["screens"].is_object()) return "";
    std::map<std::string, std::string> navLabels;
    if (doc.contains("nav") && doc["nav"].is_object() && doc["nav"].contains("items") && doc["nav"]["items"].is_array())
        for (auto& item : doc["nav"]["items"])
            if (item.is_object() && item.contains("screen") && item["screen"].is_string() && item.contains("label") && item["label"].is_string())
                navLabels[item["screen"].get<std::string>()] = item["label"].get<std::string>();
    // A screen titled with the app's name ("Court Calendar" on Home) is not named by that name's words.
    const std::string appName = metaText(doc, "name");
    std::string best;
    int bestScore = 0;
    for (auto& [id, screen] : doc["screens"].items()) {
        if (eligible && !eligible(id)) continue;
        std::set<std::string> names = wordStems(id);
        names.insert(lowerAscii(id));
        if (screen.is_object() && screen.contains("title") && screen["title"].is_string() && screen["title"].get<std::string>() != appName)
            for (auto& s : wordStems(literalText(screen["title"].get<std::string>()))) names.insert(s);
        if (navLabels.count(id))
            for (auto& s : wordStems(navLabels[id])) names.insert(s);
        std::set<std::string> shown;   // words the screen's nodes show
        forEachObject(screen, "", [&](const Json& o, const std::string&) {
            for (auto& [k, v] : o.items())   // an icon's name is not shown ("calendar" on a date row)
                if (v.is_string() && k != "icon") for (auto& s : wordStems(literalText(v.get<std::string>()))) shown.insert(s);
        });
        // A word the screen is named by counts twice as much as one of its synonyms ("conversations" is History's title
        // before it is a synonym of Chat), and a word it only shows counts least.
        int score = 0;
        for (size_t i = 0; i < wanted.size(); ++i) {
            if (names.count(words[i])) score += 4;
            else if (std::any_of(wanted[i].begin(), wanted[i].end(), [&](const std::string& a) { return names.count(a) > 0; })) score += 2;
            else if (shown.count(words[i])) score += 1;
        }
        // Between equally named screens, the kind the words ask for ("the patient record" is the detail screen), then
        // the one in the tab bar or sidebar ("the orders tab" is Orders, not the order confirmation).
        bool inNav = navItemOf(doc, id) >= 0;
        bool roleFits = roles.count(roleOf(screen)) > 0;
        score = score * 4 + (score > 0 && roleFits ? 2 : 0) + (score > 0 && inNav ? 1 : 0);
        if (score > bestScore) best = id, bestScore = score;
    }
    return best;
}

// Whether the node at `pointer` is drawn once per row of a list (inside a node with "repeat").
bool insideRepeat(const Json& doc, const std::string& pointer) {
    for (size_t end = pointer.find('/', 1);; end = pointer.find('/', end + 1)) {
        const Json& j = at(doc, pointer.substr(0, end));
        if (j.is_object() && j.contains("repeat")) return true;
        if (end == std::string::npos) return false;
    }
}

// How a node is called in summaries: "button 'Save habit'", "card 'Streaks'", "the bar_chart".
std::string screenTitle(const Json& doc, const std::string& owner) {
    const Json& s = has(doc, owner) ? at(doc, owner) : Json();
    if (s.is_object() && s.contains("title") && s["title"].is_string()) {
        std::string title = literalText(s["title"].get<std::string>());
        if (title.find_first_not_of(" -:") != std::string::npos) return title;
    }
    // An id people never see reads better as words ("newHabit" -> "new habit").
    std::string words;
    for (char c : lastToken(owner)) {
        if (std::isupper(static_cast<unsigned char>(c))) words += ' ';
        words += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return words;
}

std::string describe(const NodeSite& site) {
    const Json& n = *site.node;
    for (const std::string& key : {site.typeKey, std::string("title"), std::string("label")}) {
        auto it = n.find(key);
        if (it != n.end() && it->is_string() && !it->get<std::string>().empty() && it->get<std::string>().size() < 48)
            return site.type + " '" + it->get<std::string>() + "'";
    }
    if (auto id = n.find("id"); id != n.end() && id->is_string()) return site.type + " #" + id->get<std::string>();
    return "the " + site.type;
}

//-----------------------------------------------------------------------------
// [SECTION] Edit log
//-----------------------------------------------------------------------------



Outcome cannot(const std::string& what) { return {"", "The offline drafter cannot " + what + kNeedsLlm}; }
Outcome notFound(const std::string& what) { return {"", "The offline drafter could not find " + what + " in this app" + kNeedsLlm}; }

std::vector<std::string> listedChoices(const std::string& text) {
    std::vector<std::string> values;
    std::string current, word;
    auto endValue = [&] {
        if (!current.empty()) values.push_back(current);
        current.clear();
    };
    for (size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : ' ';
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || (c == '-' && !word.empty())) {
            word += c;
            continue;
        }
        if (!word.empty()) {
            if (std::isupper(static_cast<unsigned char>(word[0]))) current += (current.empty() ? "" : " ") + word;
            else if (word == "or" || word == "and") endValue();
            else {
                endValue();
                if (values.size() >= 2) break;
                values.clear();
            }
            word.clear();
        }
        if (c == ',' || c == '/') endValue();
        else if (c == '.' || c == ';' || c == ')') {
            endValue();
            if (values.size() >= 2) break;
            values.clear();
        }
    }
    endValue();
    return values.size() >= 2 ? values : std::vector<std::string>();
}

} // namespace pt::refine
