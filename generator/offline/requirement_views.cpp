// Promptotype — OfflineDrafter: one visible element for each requirement that asks for more than a screen.
//
// A requirement asking for a view of data ("over the past 8 weeks", "against a target", "by category", "how many",
// "called out") gets that view on home; one asking for a way to do something to an item gets a button on the item's
// detail screen that really changes it; one asking for a way to do something else gets a button that does it to the
// mock state; one naming something the screens do not show gets a section listing a few of them. Each is recorded in
// Draft::composed so meta.requirements traces the requirement to it. The words shown are the requirement's own nouns,
// never the statement itself.
//
// [SECTION] Reading a statement
// [SECTION] Data views
// [SECTION] Controls and sections
// [SECTION] addRequirementViews

#include "generator/offline/draft_patterns.h"
#include "runtime/spec/css_colors.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace pt::draft {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Reading a statement
//-----------------------------------------------------------------------------

enum class Ask { Nothing, Trend, Target, Breakdown, PerItem, Stat, Countdown, DateOf, Leader, Leaderboard, Emphasis, Upcoming, Action };

// What one requirement statement asks for, in its own words.
struct Statement {
    std::string text;                  // as listed in meta.requirements
    std::vector<std::string> words;    // lower case, in order; numbers keep their decimal point
    Ask ask = Ask::Nothing;
    std::string subject;               // its best noun phrase, singular ("pest sighting"); "" when none
    const EntityPlan* plan = nullptr;  // the managed entity it is about, when it names one
    int periods = 0;                   // "over the past 8 weeks" -> 8; "within the next 60 days" -> 60 (Upcoming)
    std::string period;                // "week"
    double target = 0;                 // "a 7.5-hour target" -> 7.5 (0 = not said)
    std::string verb, object;          // "a way to export the report" -> "export", "report"
    std::string outcome;               // what the verb makes the object: "mark a problem resolved" -> "resolved"
    bool affordance = false;           // asked as "a way to", "a button to", "able to", "let me" (not a bare imperative)
    bool namedButton = false;          // "a send-hint button": a button the request names by what it does
    bool onManaged = false;            // "the host marks them": done to what the app manages, named by a pronoun
    std::string measured;              // "Today's sales of popcorn, drinks and sweets" -> "Today's sales" (PerItem)
    std::vector<std::string> items;    // ... -> "Popcorn", "Drinks", "Sweets"
    bool says(std::initializer_list<const char*> phrases) const;  // one of the phrases appears as whole words
};

std::vector<std::string> wordsOfStatement(std::string_view text) {
    std::vector<std::string> out;
    std::string w;
    for (size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : ' ';
        const bool digit = c >= '0' && c <= '9';
        const bool decimal = c == '.' && !w.empty() && std::isdigit(static_cast<unsigned char>(w.back())) && i + 1 < text.size() &&
                             std::isdigit(static_cast<unsigned char>(text[i + 1]));
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit || decimal || c == '%' || (c == '\'' && !w.empty())) {
            w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            continue;
        }
        if (!w.empty()) out.push_back(w);
        w.clear();
    }
    return out;
}

bool Statement::says(std::initializer_list<const char*> phrases) const {
    for (const char* phrase : phrases) {
        std::vector<std::string> p = wordsOfStatement(phrase);
        for (size_t i = 0; !p.empty() && i + p.size() <= words.size(); ++i)
            if (std::equal(p.begin(), p.end(), words.begin() + static_cast<long>(i))) return true;
    }
    return false;
}

bool isNumberWord(const std::string& w) { return !w.empty() && std::isdigit(static_cast<unsigned char>(w[0])); }

const char* const kPeriods[] = {"hour", "day", "week", "month", "quarter", "year", "match", "game", "session", "round", "race", "run"};

// "over the past 8 weeks", "the last 20 matches", "this month by day".
void readPeriods(Statement& s) {
    for (size_t i = 0; i < s.words.size(); ++i) {
        const bool ahead = s.words[i] == "next" || s.words[i] == "coming";
        if (s.words[i] != "past" && s.words[i] != "last" && s.words[i] != "previous" && !ahead) continue;
        if (ahead && i + 2 < s.words.size() && isNumberWord(s.words[i + 1])) {
            const std::string unit = singularOf(s.words[i + 2]);
            const int n = std::atoi(s.words[i + 1].c_str()), days = unit == "day" ? 1 : unit == "week" ? 7 : unit == "month" ? 30 : 0;
            if (days > 0) {
                s.ask = Ask::Upcoming;
                s.periods = std::clamp(n * days, 1, 366);
                s.period = "day";
                return;
            }
        }
        if (ahead) continue;
        size_t k = i + 1;
        int n = k < s.words.size() && isNumberWord(s.words[k]) ? std::atoi(s.words[k++].c_str()) : 0;
        if (k >= s.words.size()) continue;
        for (const char* p : kPeriods)
            if (singularOf(s.words[k]) == p) {
                s.period = p;
                s.periods = std::clamp(n > 0 ? n : (s.words[k] == p ? 1 : 8), 2, 24);
                return;
            }
    }
}

// "a 7.5-hour target", "toward the 20-book goal", "against a budget of $400".
void readTarget(Statement& s) {
    for (size_t i = 0; i + 2 < s.words.size(); ++i)  // "hours driven so far out of the 50 required"
        if (s.words[i] == "out" && s.words[i + 1] == "of") {
            const size_t n = s.words[i + 2] == "the" && i + 3 < s.words.size() ? i + 3 : i + 2;
            if (isNumberWord(s.words[n])) {
                s.target = std::atof(s.words[n].c_str());
                return;
            }
        }
    static const char* const goals[] = {"target", "goal", "budget", "limit", "quota", "cap"};
    for (size_t i = 0; i < s.words.size(); ++i)
        for (const char* g : goals)
            if (s.words[i] == g)
                for (size_t k = i > 4 ? i - 4 : 0; k < std::min(s.words.size(), i + 4); ++k)
                    if (isNumberWord(s.words[k])) {
                        s.target = std::atof(s.words[k].c_str());
                        return;
                    }
}

// What marking makes the object: "mark a problem resolved", "mark each lot as cleared", "flag it as out of stock".
void readOutcome(Statement& s, size_t at) {
    static const std::set<std::string> marking = {"mark", "flag"};
    static const std::set<std::string> stops = {"and", "or", "with", "to", "for", "so", "when", "if", "before", "after", "by", "on", "in", "at", "from",
                                                "the", "a", "an", "this", "that", "once", "then", "because", "while", "using"};
    if (!marking.count(s.verb)) return;
    const std::string head = s.object.substr(s.object.rfind(' ') + 1);
    size_t k = at + 1;
    // "mark sold out": with no object the outcome follows the verb.
    if (!s.object.empty() || (k < s.words.size() && (s.words[k] == "it" || s.words[k] == "them"))) {
        while (k < s.words.size() && !(s.words[k] == "it" || s.words[k] == "them" || (!head.empty() && singularOf(s.words[k]) == head))) ++k;
        ++k;
    }
    if (k < s.words.size() && s.words[k] == "as") ++k;
    std::string outcome;
    for (size_t n = 0; k < s.words.size() && n < 3 && !stops.count(s.words[k]) && !isNumberWord(s.words[k]); ++k, ++n)
        outcome += (outcome.empty() ? "" : " ") + s.words[k];
    // Statement words split at hyphens; the request wrote "e-filed".
    std::string hyphened = outcome;
    std::replace(hyphened.begin(), hyphened.end(), ' ', '-');
    s.outcome = lowerText(s.text).find(hyphened) != std::string::npos ? hyphened : outcome;
}

// The particle of a two-word verb ("sign up", "check in", "check out").
bool phrasalParticle(const std::string& word) { return word == "up" || word == "in" || word == "out"; }

// "a way to X", "able to X", "can X", "let me X", "I want to X", "button to X", or a statement that starts with a verb.
void readAction(Statement& s) {
    static const std::set<std::string> createVerbs = {"add", "create", "log", "record", "submit", "post", "write", "enter", "register", "upload", "save", "new"};
    auto verbAt = [&](size_t i) -> bool {
        if (i >= s.words.size()) return false;
        const std::string& w = s.words[i];
        if (w.size() < 3 || isNumberWord(w) || isFunctionWord(w)) return false;  // "should not see": "not" does nothing
        // A verb when the reader does not take it into the noun phrase that follows.
        std::string after;
        for (size_t k = i + 1; k < s.words.size() && k < i + 6; ++k) after += s.words[k] + " ";
        std::vector<RequestEntity> withVerb = requestEntities(w + " " + after);
        return std::none_of(withVerb.begin(), withVerb.end(), [&](const RequestEntity& e) { return std::find(e.words.begin(), e.words.end(), w) != e.words.end(); }) ||
               createVerbs.count(w);
    };
    // "others comment on them", "colleagues comment", "Upvote": a response is done to one of the rows the app
    // manages, or to what follows "on" or "to".
    static const std::set<std::string> responses = {"comment", "reply", "respond", "answer", "discuss", "vote", "upvote", "downvote", "react"};
    static const std::set<std::string> responders = {"and", "can", "to", "others", "everyone", "people", "then", "also"};
    static const std::set<std::string> onWhat = {"on", "to", "about", "and", "or", "with", "each", "every", "the", "a", "an", "their", "its", "for", "once"};
    for (size_t i = 0; i < s.words.size(); ++i) {
        const std::string& w = s.words[i];
        const bool byWhom = i == 0 || responders.count(s.words[i - 1]) || (singularOf(s.words[i - 1]) != s.words[i - 1] && !isFunctionWord(s.words[i - 1]));
        if (!responses.count(w) || !byWhom || (i + 1 < s.words.size() && !onWhat.count(s.words[i + 1]))) continue;
        s.verb = w;
        // What it is on ends where a clause says more of it ("comment on a request that touches my property line").
        static const std::set<std::string> clauseEnds = {"that", "which", "who", "where", "so", "because", "when", "with", "and", "or", "if"};
        // "comment on a post", "discuss each chapter": what follows, after "on", "to" or "about" when one comes first.
        const bool joined = i + 1 < s.words.size() && (s.words[i + 1] == "and" || s.words[i + 1] == "or" || s.words[i + 1] == "with");
        // "vote once per poll", "vote for a design": past how often, and "for" like "on".
        size_t from = i + 1;
        if (from < s.words.size() && s.words[from] == "once") ++from;
        if (from < s.words.size() && (s.words[from] == "on" || s.words[from] == "to" || s.words[from] == "about" || s.words[from] == "for" || s.words[from] == "per")) ++from;
        std::string rest;
        for (size_t k = from; !joined && k < s.words.size() && !clauseEnds.count(s.words[k]); ++k) rest += s.words[k] + " ";
        const std::vector<RequestEntity> object = requestEntities(rest);
        if (!object.empty()) s.object = object.front().phrase;
        else s.onManaged = true;
        return;
    }
    size_t at = s.words.size();
    const std::pair<std::vector<std::string>, size_t> cues[] = {
        {{"way", "to"}, 2}, {{"able", "to"}, 2}, {{"want", "to"}, 2}, {{"button", "to"}, 2}, {{"option", "to"}, 2}, {{"tap", "to"}, 2},
        {{"click", "to"}, 2}, {{"let", "me"}, 2}, {{"let", "us"}, 2}, {{"let", "users"}, 2}, {{"lets", "me"}, 2}, {{"lets", "users"}, 2},
        {{"can"}, 1}, {{"should"}, 1}, {{"need", "to"}, 2}};
    // The first cue in the statement: "need to mark a machine out of order so nobody can book it" marks.
    for (size_t i = 0; i < s.words.size() && at == s.words.size(); ++i)
        for (auto& [cue, len] : cues)
            if (i + len < s.words.size() && at == s.words.size() && std::equal(cue.begin(), cue.end(), s.words.begin() + static_cast<long>(i)) && verbAt(i + len))
                at = i + len;
    // "let nurses swap shifts", "let an agent assign a ticket", "help the crew log loads": the people come between
    // the cue and the verb.
    static const std::set<std::string> letting = {"let", "lets", "help", "helps"};
    for (size_t i = 0; i + 2 < s.words.size() && at == s.words.size(); ++i) {
        if (!letting.count(s.words[i])) continue;
        size_t who = i + 1;
        const bool determined = isFunctionWord(s.words[who]);
        if (determined) ++who;
        if (who + 1 < s.words.size() && (determined || singularOf(s.words[who]) != s.words[who]) && verbAt(who + 1)) at = who + 1;
    }
    // "a send-hint button", "a reorder button": the verb the button is named by, and the rest of its name.
    std::string buttonObject;
    for (size_t b = 1; b < s.words.size() && at == s.words.size(); ++b) {
        if (s.words[b] != "button" && s.words[b] != "buttons") continue;
        size_t from = b;
        while (from > 0 && b - from < 3 && !isFunctionWord(s.words[from - 1])) --from;
        if (from == b || !knownVerb(s.words[from])) continue;
        at = from;
        s.namedButton = true;
        for (size_t k = from + 1; k < b; ++k) buttonObject += (buttonObject.empty() ? "" : " ") + s.words[k];
    }
    // "The host marks them", "the employee checks it and submits": someone named first does it to what the app manages.
    static const std::set<std::string> pronouns = {"it", "them"};
    for (size_t v = 1; v + 1 < s.words.size() && v < 4 && at == s.words.size(); ++v) {
        const std::string& w = s.words[v];
        if (w.size() < 4 || w.back() != 's' || isFunctionWord(s.words[v - 1]) || !pronouns.count(s.words[v + 1])) continue;
        const std::string base = knownVerb(w.substr(0, w.size() - 1)) ? w.substr(0, w.size() - 1) : w.substr(0, w.size() - 2);
        if (!knownVerb(base)) continue;
        s.verb = base;
        s.onManaged = true;
        return;
    }
    s.affordance = at < s.words.size();
    // A statement opens with a verb the reader knows, or one an object follows ("teleport the defendant"); "Seagreen
    // and honeydew palette" opens with a colour.
    static const std::set<std::string> objectStarts = {"a", "an", "the", "my", "our", "your", "their", "each", "every", "this", "these", "those", "all"};
    const bool opensWithVerb = !s.words.empty() && (knownVerb(s.words[0]) || (s.words.size() > 1 && objectStarts.count(s.words[1])));
    if (at == s.words.size() && opensWithVerb && verbAt(0) && s.words[0].size() > 2 && s.words[0].back() != 's') at = 0;
    // "Neighbours borrow tools", "members can renew a loan": the people who use the app, then what they do; it comes
    // before a cue further on ("Volunteers sign up for a shift and can withdraw").
    if ((at == s.words.size() || at > 2) && s.words.size() > 2) {
        static const std::set<std::string> modals = {"can", "could", "should", "will", "must", "may"};
        const size_t v = modals.count(s.words[1]) ? 2 : 1;
        // Not what they wish, read or plan, nor what a screen or flow of its own already does (booking, adding, moving
        // through stages): those are no button on a row.
        static const std::set<std::string> noButton = {"want", "need", "like", "love", "know", "read", "see", "view", "get", "have", "use", "go",
                                                      "come", "move", "book", "reserve", "schedule", "add", "create", "log", "record", "submit",
                                                      "post", "write", "enter", "register", "upload", "save", "browse", "find", "search", "track",
                                                      "manage", "keep", "check", "sign", "pay", "order", "buy"};
        const std::vector<std::string> actors = requestActors(s.text);
        const bool twoWords = v + 1 < s.words.size() && (s.words[v] == "sign" || s.words[v] == "check") && (s.words[v + 1] == "up" || s.words[v + 1] == "in");
        if (v < s.words.size() && std::find(actors.begin(), actors.end(), s.words[0]) != actors.end() && knownVerb(s.words[v]) && singularOf(s.words[v]) == s.words[v] &&
            (!noButton.count(s.words[v]) || (twoWords && !(s.words[v] == "sign" && s.words[v + 1] == "in"))) && verbAt(v))
            at = v;
    }
    if (at == s.words.size()) return;
    s.verb = s.words[at];
    // "sign up for a shift", "check in a guest": the verb is both words ("sign in" is the login screen's).
    if ((s.verb == "sign" || s.verb == "check") && at + 1 < s.words.size() && phrasalParticle(s.words[at + 1]) && s.words[at + 1] != (s.verb == "sign" ? "in" : "")) s.verb += " " + s.words[++at];
    std::string rest;
    for (size_t k = at + 1; k < s.words.size() && k < at + 8; ++k) rest += s.words[k] + " ";
    // The object is the first thing after the verb ("join a waitlist, and the coordinator offers freed-up plots").
    std::vector<RequestEntity> objects = requestEntities(rest);
    const auto firstIn = [&](const RequestEntity& e) { return (" " + rest).find(" " + e.words.front()); };
    std::stable_sort(objects.begin(), objects.end(), [&](const RequestEntity& a, const RequestEntity& b) { return firstIn(a) < firstIn(b); });
    // A button named by its verb acts on no thing after it ("a play button, and a subscribe form").
    if (!objects.empty() && !s.namedButton) s.object = objects.front().phrase;
    // "Return them", "approve it": done to one of what the app manages.
    else if (at + 1 < s.words.size() && pronouns.count(s.words[at + 1])) s.onManaged = true;
    if (!buttonObject.empty()) s.object = buttonObject;
    // "add comments", "leave a review", "place bids", "save favorites": what is added to one of the rows the app manages;
    // "mark recipes as favourites": the flag may come a few words after the verb.
    std::string added = addedToRow(s.verb, s.object);
    const bool objectAdded = !added.empty();
    for (size_t k = at + 1; added.empty() && k < s.words.size() && k <= at + 5; ++k)
        if (const std::string flag = addedToRow(s.verb, s.words[k]); !flag.empty() && !discussionFor(flag) && flag != "bid") added = flag;
    if (!added.empty()) {
        s.verb = added;
        if (objectAdded || s.object.find("favo") != std::string::npos) s.object.clear();
        s.onManaged = s.object.empty();
    }
    readOutcome(s, at);
    // "assign a ticket to themselves", "claim a shift for myself": done for whoever presses it.
    static const std::set<std::string> selves = {"me", "myself", "themselves", "himself", "herself", "yourself", "ourselves"};
    for (size_t k = at + 1; k + 1 < s.words.size() && s.outcome.empty(); ++k)
        if ((s.words[k] == "to" || s.words[k] == "for") && selves.count(s.words[k + 1])) s.outcome = s.words[k] + " me";
}

// The managed entity a phrase names: its head noun or its plural.
const EntityPlan* planNamed(const Draft& d, const std::string& phrase) {
    if (phrase.empty()) return nullptr;
    const std::string head = phrase.substr(phrase.rfind(' ') + 1);
    for (const EntityPlan& p : d.plans) {
        const std::string noun = p.noun.substr(p.noun.rfind(' ') + 1);
        if (p.noun == phrase || noun == head) return &p;
    }
    // "mark a plant as watered" in an app of houseplants: a compound the head ends is the same thing.
    for (const EntityPlan& p : d.plans) {
        const std::string noun = p.noun.substr(p.noun.rfind(' ') + 1);
        if (head.size() >= 4 && noun.size() > head.size() + 2 && noun.compare(noun.size() - head.size(), std::string::npos, head) == 0) return &p;
    }
    // "mark a problem resolved" in an app of problem reports: the thing a record is written about.
    static const std::set<std::string> records = {"report", "ticket", "request", "entry", "record", "submission", "log", "note", "claim"};
    for (const EntityPlan& p : d.plans) {
        const size_t space = p.noun.rfind(' ');
        if (space != std::string::npos && p.noun.substr(0, space) == phrase && records.count(p.noun.substr(space + 1))) return &p;
    }
    return nullptr;
}

// "Dark mode with charcoal cards and chartreuse highlights": a statement naming colours asks for a look, which
// the theme answers, not for rows to stand out.
bool aboutLooks(const Statement& s) {
    std::uint32_t rgb = 0;
    return s.says({"dark mode", "light mode", "font", "background", "accent", "accents"}) ||
           std::any_of(s.words.begin(), s.words.end(), [&](const std::string& w) { return cssColor(w, &rgb); });
}

// What a measure is taken in, by the noun that names it: money ("sales"), a share of full ("levels") or a count.
enum class MeasureKind { None, Money, Share, Count };

MeasureKind measureKind(const std::string& noun) {
    static const std::set<std::string> money = {"sale", "revenue", "taking", "spend", "spending", "cost", "income", "earning", "expense"};
    static const std::set<std::string> share = {"level", "stock", "capacity", "occupancy", "fill"};
    static const std::set<std::string> count = {"count", "number", "usage", "consumption", "volume", "output", "hour", "total", "amount", "supply"};
    const std::string one = singularOf(noun);
    return money.count(one) ? MeasureKind::Money : share.count(one) ? MeasureKind::Share : count.count(one) ? MeasureKind::Count : MeasureKind::None;
}

// "Today's sales of popcorn, drinks and sweets", "levels of water and sports drink": a measure and the two or more
// short things it is taken for, listed right after "of". Item words keep the request's case.
bool readListedMeasure(const std::string& text, std::string& measured, std::vector<std::string>& items) {
    const std::string lower = lowerText(text);
    const size_t of = lower.find(" of ");
    if (of == std::string::npos) return false;
    std::vector<std::string> before = wordsOfStatement(text.substr(0, of));
    // The measure opens the statement ("Today's sales of ..."); one inside a list of values ("... with the date,
    // number of frames of brood, temperament") is one of those values.
    if (before.empty() || before.size() > 5 || text.substr(0, of).find(',') != std::string::npos || measureKind(before.back()) == MeasureKind::None) return false;
    size_t end = of + 4;
    while (end < text.size() && !std::strchr(".;:()", text[end])) ++end;
    // The run splits at its commas and its "and" / "or"; "this week", "for each ..." after the last item end it.
    static const std::set<std::string> joints = {"and", "or"}, trailing = {"this", "today", "tonight", "so", "per", "for", "by", "over", "in", "at", "on", "since"};
    std::vector<std::string> list(1);
    std::string word;
    for (size_t i = of + 4; i <= end; ++i) {
        const char c = i < end ? text[i] : ' ';
        if (c != ' ' && c != ',') { word += c; continue; }
        const std::string low = wordsOfStatement(word).empty() ? "" : wordsOfStatement(word).front();
        if (trailing.count(low)) break;
        if (joints.count(low)) list.emplace_back();
        else if (!word.empty() && !(list.back().empty() && isFunctionWord(low))) list.back() += (list.back().empty() ? "" : " ") + word;
        if (c == ',') list.emplace_back();
        word.clear();
    }
    list.erase(std::remove(list.begin(), list.end(), std::string()), list.end());
    if (list.size() < 2) return false;
    for (const std::string& item : list) {
        const std::vector<std::string> w = wordsOfStatement(item);
        if (w.empty() || w.size() > 3 || std::any_of(w.begin(), w.end(), isNumberWord)) return false;
    }
    measured = capitalized(safeText(text.substr(0, of), 40));
    for (const std::string& item : list) items.push_back(capitalized(safeText(item, 30)));
    return !measured.empty();
}

// "the best-selling item", "the busiest station this week": one thing that leads the rest. Not "the top three men".
bool asksForLeader(const Statement& s) {
    static const std::set<std::string> leads = {"best", "top", "busiest", "biggest", "highest", "lowest", "largest", "smallest", "fastest",
                                                "slowest", "worst", "longest", "shortest", "most", "least", "oldest", "newest", "cheapest"};
    static const std::set<std::string> counts = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "few", "several"};
    if (s.subject.empty()) return false;
    // One thing, as written: "the ten most recent incidents" lists them.
    const std::string head = s.subject.substr(s.subject.rfind(' ') + 1);
    if (std::find(s.words.begin(), s.words.end(), head) == s.words.end()) return false;
    for (size_t i = 0; i + 1 < s.words.size(); ++i)
        if (leads.count(s.words[i]) && !isNumberWord(s.words[i + 1]) && !counts.count(s.words[i + 1])) return true;
    return false;
}

// "The date of my road test", "the day of the open house", "deadline for the grant report": one date to show.
bool asksForDate(const Statement& s) {
    size_t k = 0;
    while (k < s.words.size() && isFunctionWord(s.words[k])) ++k;
    return k + 1 < s.words.size() && (s.words[k] == "date" || s.words[k] == "day" || s.words[k] == "deadline") &&
           (s.words[k + 1] == "of" || s.words[k + 1] == "for") && !s.subject.empty();
}

// "rate recipes from 1 to 5 stars", "rate each driver": the verb, followed by what is rated, not a rate to show.
bool ratesSomething(const Draft& d, const Statement& s) {
    for (size_t i = 0; i + 1 < s.words.size(); ++i)
        if (s.words[i] == "rate" && (s.words[i + 1] == "each" || s.words[i + 1] == "every" || s.words[i + 1] == "the" || s.words[i + 1] == "a" ||
                                     s.words[i + 1] == "them" || s.words[i + 1] == "it" || planNamed(d, singularOf(s.words[i + 1]))))
            return true;
    return false;
}

// The choice field a statement counts rows by, naming it after "per", "by" or "in each" ("ticket counts per status",
// "how many plots by size"); null when it names none of the rows' choices.
const IdeaField* groupedBy(const Statement& s) {
    if (!s.plan) return nullptr;
    for (const IdeaField& f : s.plan->entity.fields) {
        if (f.kind != "choice" || f.choices.size() < 2) continue;
        const std::string label = lowerText(f.label), last = label.substr(label.rfind(' ') + 1);  // npos + 1 is 0: the whole label
        for (const char* by : {"per ", "by ", "in each ", "for each "})
            if (s.says({(by + label).c_str(), (by + last).c_str()})) return &f;
    }
    return nullptr;
}

// One count per value of `f`, in its order ("Received 2 · In Repair 1 ..."), each following the rows as they change.
Json countsPerChoice(const EntityPlan& p, const IdeaField& f) {
    Json tiles = Json::array();
    for (const std::string& value : f.choices)
        tiles.push_back(statTile(safeText(value, 30), "${count(" + p.key + ", x => x." + f.name + " == " + exprString(value) + ")}", "circle-o", p.nouns));
    return Json{{"grid", tiles}, {"cols", static_cast<int>(std::min<size_t>(tiles.size(), 4))}};
}

Statement readStatement(const Draft& d, const std::string& text) {
    Statement s;
    s.text = text;
    s.words = wordsOfStatement(text);
    std::vector<RequestEntity> nouns = requestEntities(text);
    if (!nouns.empty()) s.subject = nouns.front().phrase;
    for (const RequestEntity& e : nouns)
        if ((s.plan = planNamed(d, e.phrase))) break;
    readPeriods(s);
    readTarget(s);
    if (s.says({"days until", "days till", "days left until", "days to go", "countdown", "count down", "time until", "how long until"}))
        s.ask = Ask::Countdown;
    else if (s.says({"leaderboard", "leaderboards", "leader board", "standings", "rankings", "league table"}))
        s.ask = Ask::Leaderboard;
    else if (s.ask == Ask::Upcoming || s.says({"upcoming", "coming up", "due soon"})) {
        s.ask = s.plan && s.plan->when ? Ask::Upcoming : Ask::Nothing;
        if (s.periods == 0) s.periods = 14;
    } else if (s.periods > 0 || s.says({"over time", "trend", "trends", "week by week", "month by month", "day by day", "line chart", "graph", "chart of", "history of"}) ||
               // "visits per week" is a series; "check them off each day" says how often something is done.
               (s.says({"per week", "per day", "per month", "each week", "each day", "each month"}) && !(knownVerb(s.words.front()) && !s.says({"see", "view", "show", "chart", "track", "plot"}))))
        s.ask = Ask::Trend;
    else if (s.target > 0 || s.says({"against a target", "against the target", "against target", "against a goal", "against the goal", "toward the goal",
                                     "towards the goal", "toward a goal", "progress bar", "against budget", "against the budget", "against a budget"}))
        s.ask = Ask::Target;
    else if (s.says({"by category", "by type", "split by", "breakdown", "broken down", "per category", "share of", "pie chart", "donut"}) || groupedBy(s))
        s.ask = Ask::Breakdown;
    else if (readListedMeasure(text, s.measured, s.items))
        s.ask = Ask::PerItem;
    else if (s.says({"how many", "how much", "total", "totals", "average", "number of", "count of", "percentage", "percent", "ratio", "balance",
                     "streak", "streaks", "score", "scores", "sum of", "estimated wait", "estimated time", "remaining", "wait time"}) ||
             (s.says({"rate"}) && !ratesSomething(d, s)))
        s.ask = Ask::Stat;
    else if (!aboutLooks(s) && s.says({"called out", "call out", "calls out", "highlight", "highlighted", "highlights", "stand out", "stands out", "warn", "warns", "warning",
                     "warnings", "alert", "alerts", "flag", "flags", "flagged", "at risk", "overdue", "in red", "urgent"}))
        s.ask = Ask::Emphasis;
    else if (asksForDate(s))
        s.ask = Ask::DateOf;
    else if (asksForLeader(s))
        s.ask = Ask::Leader;
    else {
        readAction(s);
        if (!s.verb.empty()) s.ask = Ask::Action;
        // The verb acts on its object, whoever the statement names first ("let volunteers swap shifts").
        if (const EntityPlan* object = planNamed(d, s.object)) s.plan = object;
        // A button named with no thing, or a verb done to "it", is on each row of what the app manages ("a send-hint button").
        // So is marking with nothing named ("mark sold out"): it marks one of those rows.
        const bool bareMark = s.object.empty() && !s.outcome.empty();
        if (!s.plan && (s.namedButton || s.onManaged || bareMark) && !d.plans.empty()) s.plan = &d.plans.front();
    }
    // "daily streaks" on a habit tracker: a measure no list is named for is the rows' number of that name.
    if (s.ask == Ask::Stat && !s.plan && !nouns.empty())
        for (const EntityPlan& p : d.plans)
            for (const IdeaField& f : p.entity.fields) {
                const std::vector<std::string> named = wordsOfStatement(lowerText(f.label.substr(0, f.label.find(" ("))));
                if (!s.plan && f.kind == "number" && !named.empty() && named.back() == nouns.front().head) s.plan = &p;
            }
    return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Data views
//-----------------------------------------------------------------------------

// A stable number from text, so drafts stay deterministic without looking random in the same way everywhere.
unsigned hashOf(const std::string& text) {
    unsigned h = 2166136261u;
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
}

std::string plainNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, v == static_cast<long long>(v) ? "%.0f" : "%.1f", v);
    return buf;
}

// What the statement's subject is called on screen: the plan's plural, else its own phrase.
std::string subjectLabel(const Statement& s, bool plural) {
    if (s.plan) return capitalized(plural ? s.plan->nouns : s.plan->noun);
    if (s.subject.empty()) return "Activity";
    return capitalized(plural ? pluralOf(s.subject) : s.subject);
}

// Period labels ending at the simulated clock: "Apr 2", "Apr 9", ... or month names.
Json periodLabels(const Statement& s, int n) {
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    Json labels = Json::array();
    const int step = s.period == "day" ? 1 : 7;
    for (int i = n - 1; i >= 0; --i) {
        if (s.period == "month" || s.period == "quarter" || s.period == "year") {
            const int span = s.period == "month" ? 1 : s.period == "quarter" ? 3 : 12;
            const int back = i * span;
            labels.push_back(s.period == "year" ? std::to_string(2026 - i) : std::string(months[((4 - back) % 12 + 12) % 12]));
        } else if (s.period == "hour") {  // ending at the simulated clock's afternoon
            char hour[8];
            std::snprintf(hour, sizeof hour, "%02d:00", ((14 - i) % 24 + 24) % 24);
            labels.push_back(hour);
        } else if (s.period == "week" || s.period == "day") {
            const std::string iso = isoDay(-i * step);
            labels.push_back(std::string(months[std::atoi(iso.substr(5, 2).c_str()) - 1]) + " " + std::to_string(std::atoi(iso.substr(8, 2).c_str())));
        } else {
            labels.push_back(std::to_string(n - i));
        }
    }
    return labels;
}

// A trend over the statement's periods; one line per measure of its entity the statement names ("temperature and
// humidity over the past 24 hours"), else one for its subject.
Json trendView(const Statement& s) {
    const int n = s.periods > 0 ? s.periods : 8;
    const std::string span = s.periods > 0 ? ", last " + std::to_string(n) + " " + (n == 1 ? s.period : pluralOf(s.period)) : ", over time";
    std::vector<std::string> measures;
    if (s.plan)
        for (const IdeaField& f : s.plan->entity.fields) {
            const std::vector<std::string> named = wordsOfStatement(lowerText(f.label));
            if (f.kind == "number" && !named.empty() && measures.size() < 3 && std::search(s.words.begin(), s.words.end(), named.begin(), named.end()) != s.words.end())
                measures.push_back(f.label);
        }
    const auto line = [&](const std::string& seed) {
        const unsigned h = hashOf(seed + s.text);
        const int base = 20 + static_cast<int>(h % 60), slope = 1 + static_cast<int>(h % 4);
        Json series = Json::array();
        for (int i = 0; i < n; ++i) series.push_back(base + slope * i + static_cast<int>((h >> (i % 16)) % 9) - 4);
        return Json{{"line_chart", series}, {"labels", periodLabels(s, n)}, {"h", measures.size() > 1 ? 110 : 150}};
    };
    if (measures.empty()) return Json{{"card", Json::array({line(s.subject)})}, {"title", subjectLabel(s, false) + span}};
    Json charts = Json::array();
    std::string title;
    for (size_t m = 0; m < measures.size(); ++m) {
        if (measures.size() > 1) charts.push_back(Json{{"text", measures[m]}, {"muted", true}});
        charts.push_back(line(measures[m]));
        title += (m == 0 ? "" : m + 1 == measures.size() ? " and " : ", ") + (m == 0 ? measures[m] : lowerText(measures[m]));
    }
    return Json{{"card", charts}, {"title", title + span}};
}

// What a progress bar measures when no managed thing names it: the words before "so far" / "out of" / "against" /
// "toward" ("Hours driven so far out of the 50 required" -> "Hours driven"); "" when they say nothing.
std::string progressLabel(const Statement& s) {
    static const std::set<std::string> ends = {"so", "out", "against", "toward", "towards", "of"};
    size_t from = 0;
    while (from < s.words.size() && isFunctionWord(s.words[from])) ++from;
    std::string label;
    for (size_t k = from; k < s.words.size() && k < from + 4 && !ends.count(s.words[k]) && !isNumberWord(s.words[k]); ++k)
        label += (label.empty() ? "" : " ") + s.words[k];
    return label.size() < 3 ? "" : capitalized(safeText(label, 30));
}

// What is measured against the target, in the words just before "against" / "toward": "see billable hours today
// against a 7.5-hour target" -> "Billable hours today"; "" when no such words.
std::string measuredAgainst(const Statement& s) {
    size_t at = s.words.size();
    for (size_t i = 0; i < s.words.size(); ++i)
        if (s.words[i] == "against" || s.words[i] == "toward" || s.words[i] == "towards") at = i;
    if (at == s.words.size()) return "";
    size_t from = at;
    while (from > 0 && at - from < 4 && !knownVerb(s.words[from - 1]) && (!isFunctionWord(s.words[from - 1]) || s.words[from - 1] == "today")) --from;
    std::string label;
    for (size_t k = from; k < at; ++k) label += (label.empty() ? "" : " ") + s.words[k];
    return label.size() < 3 ? "" : capitalized(safeText(label, 30));
}

Json targetView(const Statement& s) {
    const double target = s.target > 0 ? s.target : 10 + static_cast<double>(hashOf(s.text) % 20);
    const double done = std::round(target * (0.45 + static_cast<double>(hashOf(s.subject) % 40) / 100.0) * 10) / 10;
    // The rows' own name when the words measured are theirs; else those words ("Billable hours today").
    const std::string against = measuredAgainst(s);
    const bool rowsMeasured = s.plan && (against.empty() || wordsOfStatement(lowerText(against)).back() == singularOf(s.plan->noun) ||
                                         lowerText(against).find(lowerText(s.plan->nouns)) != std::string::npos);
    const std::string said = rowsMeasured ? "" : !against.empty() ? against : progressLabel(s);
    return Json{{"card", Json::array({Json{{"progress", done / target}, {"label", said.empty() ? subjectLabel(s, s.plan != nullptr) : said},
                                           {"caption", plainNumber(done) + " of " + plainNumber(target)}}})}};
}

// Words that end the name of a measure ("how many session hours | each family has left"): the reader's function words,
// numbers, and the words saying what is left.
bool endsMeasure(const std::string& w) { return isFunctionWord(w) || isNumberWord(w) || w == "left" || w == "remaining"; }

// What a stat measures, in the statement's words: the run after "how many" / "total" / "average", else the run that
// ends at the measure word ("win rate", "quiz score", "estimated wait time"); "left" when it says so.
std::string measureOf(const Statement& s) {
    static const std::vector<std::vector<std::string>> leads = {{"how", "many"}, {"how", "much"}, {"number", "of"}, {"count", "of"}, {"sum", "of"},
                                                                {"total"}, {"average"}};
    static const std::set<std::string> measures = {"rate", "percentage", "percent", "ratio", "balance", "streak", "score", "time", "count", "total"};
    std::vector<std::string> name;
    std::string lead;
    for (const auto& l : leads)
        for (size_t i = 0; name.empty() && i + l.size() < s.words.size(); ++i)
            if (std::equal(l.begin(), l.end(), s.words.begin() + static_cast<long>(i))) {
                for (size_t k = i + l.size(); k < s.words.size() && !endsMeasure(s.words[k]) && name.size() < 4; ++k) name.push_back(s.words[k]);
                if (l.front() == "total" || l.front() == "average") lead = capitalized(l.front()) + " ";
            }
    for (size_t i = 0; name.empty() && i < s.words.size(); ++i)
        if (measures.count(singularOf(s.words[i]))) {
            size_t from = i;
            while (from > 0 && !endsMeasure(s.words[from - 1]) && i - from < 3) --from;
            // "see today's sales total": the asking verb is no part of the measure's name.
            while (from < i && knownVerb(s.words[from]) && measures.count(singularOf(s.words[from])) == 0 && measureKind(s.words[from]) == MeasureKind::None) ++from;
            name.assign(s.words.begin() + static_cast<long>(from), s.words.begin() + static_cast<long>(i) + 1);
        }
    std::string out;
    for (const std::string& w : name) out += (out.empty() ? "" : " ") + w;
    if (out.empty()) return "";
    if (s.says({"left", "remaining"})) out += " left";
    return safeText(lead + (lead.empty() ? capitalized(out) : out), 40);
}

// The last word of a field's name, its unit left out: "Score (pts)" -> "score"; "" for none.
std::string lastNameWord(const std::string& label) {
    const std::vector<std::string> words = wordsOfStatement(lowerText(label.substr(0, label.find(" ("))));
    return words.empty() ? "" : words.back();
}

// Whether a stat's measure ("nightly rate", "quiz scores") names the field labelled `label`: its last word is the
// field name's.
bool measureNames(const std::string& measure, const std::string& label) {
    const std::vector<std::string> said = wordsOfStatement(lowerText(measure));
    const std::string named = lastNameWord(label);
    return !said.empty() && !named.empty() && singularOf(said.back()) == named;
}

Json statView(const Statement& s) {
    const std::string measure = measureOf(s);
    if (s.plan) {
        const EntityPlan& p = *s.plan;
        // "total bottom time", "the total distance": the sum of the number the rows hold under that name.
        if (s.says({"total", "totals", "sum of"}))
            for (const IdeaField& f : p.entity.fields) {
                const size_t unit = f.label.find(" (");  // "Weight (kg)"
                const std::string label = lowerText(f.label.substr(0, unit)), shown = unit == std::string::npos ? "" : " " + f.label.substr(unit + 2, f.label.size() - unit - 3);
                if (f.kind == "number" && s.says({label.c_str()}))
                    return statTile("Total " + label, "${sum(" + p.key + ", x => x." + f.name + ")}" + shown, "bar-chart", p.nouns);
            }
        if (p.amount && s.says({"total", "totals", "sum of", "how much", "balance"}))
            return amountTotal(p, p.nouns);
        // "see sitter cards with rating and nightly rate": the money the rows hold under the name the statement
        // measures (a rate averaged), never a made-up figure beside it.
        if (p.amount && measureNames(measure, p.amount->label)) return amountTotal(p, p.nouns);
        if (p.quantity && s.says({"average"}))
            return statTile("Average " + safeText(p.quantity->label, 30), "${number(avg(map(" + p.key + ", x => x." + p.quantity->name + ")), 1)}", "bar-chart", p.nouns);
        // "how many items are unclaimed", "the number of open requests": the rows in the state the statement names,
        // counted as they change (never a made-up figure beside rows that can be counted).
        // "unclaimed" is every state but Claimed; "still packed" is a box not marked Unpacked.
        if (s.says({"how many", "number of", "count of", "count", "counts"}))
            for (const IdeaField& f : p.entity.fields) {
                const auto tile = [&](const std::string& state, const std::string& which) {
                    return statTile(safeText(capitalized(state) + " " + p.nouns, 40), "${count(" + p.key + ", x => " + which + ")}", "circle-o", p.nouns);
                };
                for (const std::string& value : f.choices) {
                    if (f.kind != "choice" || !f.of.empty()) continue;
                    const std::string state = lowerText(value), is = "x." + f.name + " == " + exprString(value);
                    if (s.says({("un" + state).c_str()})) return tile("un" + state, "!(" + is + ")");
                    if (s.says({state.c_str()})) return tile(value, is);
                }
                const std::string flag = lowerText(f.label);
                if (f.kind == "bool" && flag.rfind("un", 0) == 0 && s.says({flag.substr(2).c_str()})) return tile(flag.substr(2), "!x." + f.name);
                if (f.kind == "bool" && s.says({flag.c_str()})) return tile(flag, "x." + f.name);
            }
        // "daily streaks", "scores": a number each row keeps, named by the measure's last word: the best of them for a
        // record people chase (a streak, a score), else their total.
        if (!measure.empty())
            for (const IdeaField& f : p.entity.fields) {
                if (f.kind != "number" || !measureNames(measure, f.label)) continue;
                const size_t unit = f.label.find(" (");
                static const std::set<std::string> records = {"streak", "score", "record", "level", "rating", "best", "high"};
                const std::string shown = unit == std::string::npos ? "" : " " + f.label.substr(unit + 2, f.label.size() - unit - 3);
                const std::string of = "map(" + p.key + ", x => x." + f.name + ")";
                if (records.count(lastNameWord(f.label)) || s.says({"longest", "best", "top", "highest", "record"}))
                    return statTile("Best " + lowerText(f.label.substr(0, unit)), "${max(" + of + ")}" + shown, "trophy", p.nouns);
                // A share each row has ("attendance rate") is averaged: shares do not add up.
                if (measuredInPercent(f.label))
                    return statTile("Average " + lowerText(f.label), "${number(avg(" + of + "), 0)}%", "bar-chart", p.nouns);
                return statTile("Total " + lowerText(f.label.substr(0, unit)), "${sum(" + of + ")}" + shown, "bar-chart", p.nouns);
            }
        if (measure.empty() || measure == capitalized(p.nouns)) return statTile(capitalized(p.nouns), "${count(" + p.key + ")}", p.entity.icon, "in total");
        if (s.says({"how many", "number of", "count of", "count"})) return statTile(measure, "${count(" + p.key + ")}", p.entity.icon, p.nouns);
    }
    const std::string label = measure.empty() ? subjectLabel(s, true) : measure;
    const unsigned h = hashOf(s.subject + s.text);
    std::string value = std::to_string(3 + h % 40);
    if (s.says({"rate", "percentage", "percent", "ratio"})) value = std::to_string(55 + h % 40) + "%";
    else if (s.says({"average"})) value = plainNumber(2 + static_cast<double>(h % 30) / 10);
    else if (s.says({"wait", "minutes", "time"})) value = std::to_string(5 + h % 25) + " min";
    else if (s.says({"cost", "price", "spend", "spending", "revenue", "budget", "balance", "savings", "owed", "owes", "paid", "sales", "income", "takings", "earnings"}))
        value = "$" + std::to_string(120 + h % 880);
    return statTile(label, value, "bar-chart", "");
}

// What should stand out, in the statement's words without the asking: "Loans missing a condition report should stand
// out" -> "Loans missing a condition report"; "Flag any reading above the limit" -> "Any reading above the limit".
// The asking around what should stand out: verbs that ask for emphasis lead it, and the title ends where the statement
// goes on to ask ("... should stand out", "... are flagged").
const std::set<std::string> kEmphasisVerbs = {"flag", "highlight", "warn", "alert", "call", "show", "see", "view", "know", "spot"};
const std::set<std::string> kAskingWords = {"should", "must", "need", "needs", "are", "is", "get", "gets", "be", "will", "stand", "stands",
                                            "called", "highlighted", "flagged", "shown", "appear", "appears"};

std::string emphasisTitle(const Statement& s) {
    // "Librarians add books ..., and overdue loans are highlighted": the clause that asks names what stands out.
    std::vector<std::string> words = s.words;
    size_t clauseAt = 0;
    for (size_t comma = s.text.find_first_of(",;"); comma != std::string::npos; comma = s.text.find_first_of(",;", comma + 1)) {
        const std::string rest = s.text.substr(comma + 1);
        const std::vector<std::string> clause = wordsOfStatement(rest.substr(0, rest.find_first_of(",;")));
        static const std::set<std::string> asking = {"highlighted", "flagged", "stand", "stands", "called", "highlight", "flag", "alert", "alerts"};
        if (std::any_of(clause.begin(), clause.end(), [](const std::string& w) { return asking.count(w) > 0; })) clauseAt = comma + 1;
    }
    if (clauseAt > 0) {
        words = wordsOfStatement(s.text.substr(clauseAt));
        // "..., and serious ones must be flagged": "ones" are the plural named before ("Serious events").
        const std::vector<std::string> before = wordsOfStatement(s.text.substr(0, clauseAt));
        const auto named = std::find_if(before.rbegin(), before.rend(), [](const std::string& w) { return w.size() > 3 && w.back() == 's' && !isFunctionWord(w); });
        for (std::string& w : words)
            if (w == "ones" && named != before.rend()) w = *named;
    }
    size_t from = 0, to = words.size();
    // A user story's asking is no title: "As the desk volunteer I want to see overdue loans" -> "Overdue loans".
    for (size_t i = 0; i + 1 < to && i < 10; ++i)
        if ((words[i] == "want" || words[i] == "need" || words[i] == "like") && words[i + 1] == "to") { from = i + 2; break; }
    while (from < to && (kEmphasisVerbs.count(words[from]) || isFunctionWord(words[from]))) ++from;
    // "any hour that is missing its station ID" -> "Hours missing station ID": the clause says which ones.
    std::set<size_t> skipped;
    static const std::set<std::string> relatives = {"that", "which", "who"}, possessives = {"its", "their", "his", "her"};
    for (size_t i = from + 1; i < to; ++i) {
        const bool which = (words[i] == "is" || words[i] == "are") && relatives.count(words[i - 1]) && i > from + 1 && i + 1 < to &&
                           words[i + 1].size() > 4 && words[i + 1].compare(words[i + 1].size() - 3, 3, "ing") == 0;
        if (which) {
            skipped.insert({i - 1, i});
            if (words[i] == "is") words[i - 2] = pluralOf(words[i - 2]);
            continue;
        }
        if (possessives.count(words[i]) && !skipped.empty()) { skipped.insert(i); continue; }
        if (kAskingWords.count(words[i]) || words[i] == "so" || words[i] == "because") { to = i; break; }  // "... so that I can ..."
    }
    std::string out;
    size_t end = std::min(to, from + 8 + skipped.size());
    while (end > from + 1 && isFunctionWord(words[end - 1])) --end;  // "... with a severity and" ends at "severity"
    for (size_t i = from; i < end; ++i)
        if (!skipped.count(i)) out += (out.empty() ? "" : " ") + words[i];
    return out.size() < 4 ? subjectLabel(s, s.plan != nullptr) : capitalized(safeText(out, 60));
}

// The limit a statement sets on a number the rows hold ("when quantity falls below 10" -> x.stock < 10).
struct Threshold {
    const IdeaField* field = nullptr;  // the number limited; null when the statement sets no limit
    std::string test;                  // the limit as an expression over the row `x`
    std::string reads;                 // as said: "quantity below 10"
};

Threshold thresholdOf(const Statement& s) {
    if (!s.plan) return {};
    static const std::map<std::string, std::string> limits = {{"below", "<"}, {"under", "<"}, {"less", "<"}, {"fewer", "<"}, {"lower", "<"},
                                                              {"above", ">"}, {"over", ">"}, {"more", ">"}, {"exceeds", ">"}, {"higher", ">"}};
    for (size_t i = 0; i + 1 < s.words.size(); ++i) {
        const auto limit = limits.find(s.words[i]);
        size_t at = i + 1;
        if (at < s.words.size() && s.words[at] == "than") ++at;
        if (limit == limits.end() || at >= s.words.size() || !isNumberWord(s.words[at])) continue;
        const std::string n = std::to_string(std::atoi(s.words[at].c_str()));
        // The number field the statement names, else the rows' count.
        const IdeaField* f = s.plan->quantity;
        for (const IdeaField& g : s.plan->entity.fields)
            if ((g.kind == "number" || g.kind == "money") && s.says({lowerText(g.label).c_str()})) f = &g;
        if (!f) return {};
        return {f, "x." + f->name + " " + limit->second + " " + n, lowerText(safeText(f->label, 30)) + " " + s.words[i] + " " + n};
    }
    return {};
}

Json emphasisView(const Statement& s) {
    // How many stand out, counted from the rows: those past the limit the statement sets, or past their date, else
    // those still in the workflow's first state, else all of them.
    const Threshold limit = thresholdOf(s);
    const EntityPlan* p = s.plan;
    std::string detail;
    if (limit.field)
        detail = "${count(" + p->key + ", x => " + limit.test + ")} " + p->nouns + " with " + limit.reads;
    else if (p && p->when && s.says({"overdue", "late", "past due", "expired"}))
        detail = "${count(" + p->key + ", x => daysBetween(today(), x." + p->when->name + ") < 0)} " + p->nouns + " past their " + safeText(p->when->label, 30);
    else if (p && p->status && !p->status->choices.empty() && (p->status->name == "status" || p->status->name == "stage"))
        detail = safeText(p->status->choices.front(), 30) + ": ${count(" + p->key + ", x => x." + p->status->name + " == " + exprString(p->status->choices.front()) +
                 ")} " + p->nouns;
    else if (p)
        detail = "${count(" + p->key + ")} " + p->nouns + " to look at";
    Json said = Json::array({Json{{"text", emphasisTitle(s)}, {"style", "strong"}}});
    if (!detail.empty()) said.push_back(Json{{"text", detail}, {"muted", true}});
    Json row = Json::array({Json{{"icon", "exclamation-triangle"}, {"size", 20}, {"color", "warning"}}, Json{{"col", said}, {"gap", 2}, {"grow", 1}}});
    Json card = Json::array({Json{{"row", row}, {"gap", 12}}});
    // The rows past the limit, each opening its own screen, so the alert leads to what to act on.
    if (limit.field && p->title) {
        Json item = rowItem(*p, "x");
        item["subtitle"] = safeText(limit.field->label, 30) + " ${x." + limit.field->name + "}";
        item["repeat"] = Json{{"in", "${filter(" + p->key + ", x => " + limit.test + ")}"}, {"as", "x"}};
        card.push_back(Json{{"list", Json::array({item})}});
    }
    return Json{{"card", card}, {"tone", "warning"}};
}

// The plan's rows dated from today to `periods` days ahead, soonest first.
Json upcomingView(const Statement& s) {
    const EntityPlan& p = *s.plan;
    const std::string when = "x." + p.when->name;
    Json item = Json{{"item", "${x." + p.title->name + "}"}, {"subtitle", "${date(" + when + ", 'ddd, MMM D')}"}, {"icon", p.entity.icon},
                     {"press", Json{{"navigate", p.detailScreen}, {"params", Json{{"id", "${x.id}"}}}}},
                     {"repeat", Json{{"in", "${sort(filter(" + p.key + ", x => daysBetween(today(), " + when + ") >= 0 && daysBetween(today(), " + when +
                                                    ") <= " + std::to_string(s.periods) + "), '" + p.when->name + "')}"},
                                     {"as", "x"}, {"empty", Json{{"empty", "Nothing in the next " + std::to_string(s.periods) + " days"}, {"icon", "calendar-check-o"}}}}}};
    return Json{{"section", Json::array({Json{{"list", Json::array({item})}}})},
                {"title", capitalized(p.nouns) + " in the next " + std::to_string(s.periods) + " days"}};
}

// The mock measure of one listed thing, the same wherever it is shown.
double listedValue(const std::string& item, const std::string& statement, MeasureKind kind) {
    const unsigned h = hashOf(item + statement);
    return kind == MeasureKind::Money ? 80 + h % 520 : kind == MeasureKind::Share ? 25 + h % 70 : 4 + h % 60;
}

// "Today's sales of popcorn, drinks and sweets": a bar for each thing listed, with the total when the parts add up.
Json perItemView(const Statement& s) {
    std::vector<std::string> measuredWords = wordsOfStatement(s.measured);
    const MeasureKind kind = measureKind(measuredWords.back());
    Json bars = Json::array();
    double total = 0;
    for (const std::string& item : s.items) {
        const double value = listedValue(item, s.text, kind);
        bars.push_back(Json{{"label", item}, {"value", value}});
        total += value;
    }
    Json card = Json::array({Json{{"bar_chart", bars}, {"horizontal", true}}});
    if (kind == MeasureKind::Money) card.push_back(Json{{"text", "${currency(" + plainNumber(total) + ", 'USD', 0)} in all"}, {"muted", true}});
    else if (kind == MeasureKind::Share) card.push_back(Json{{"text", "Percent of full"}, {"muted", true}});
    else card.push_back(Json{{"text", plainNumber(total) + " in all"}, {"muted", true}});
    return Json{{"card", card}, {"title", s.measured}};
}

// A day ahead of the simulated clock, stable for the statement: what a countdown or a date shows.
int daysAhead(const Statement& s) { return 9 + static_cast<int>(hashOf(s.text) % 40); }

// "Days until the filing deadline", "a countdown": the days left, live against the clock, and the day itself.
Json countdownView(const Statement& s) {
    const std::string day = exprString(isoDay(daysAhead(s)));
    const bool named = !s.subject.empty() && s.subject.find("countdown") == std::string::npos && s.subject.find("day") != 0;
    // Named by the day it counts to, so a narrow tile keeps the name: "Filing deadline: 35 days".
    return statTile(named ? capitalized(safeText(s.subject, 30)) : "Countdown", "${daysBetween(today(), " + day + ")} days", "hourglass-half",
                    "${date(" + day + ", 'ddd, MMM D')}");
}

// "The date of my road test": the day, and how far off it is.
Json dateOfView(const Statement& s) {
    const std::string day = exprString(isoDay(daysAhead(s)));
    return statTile(capitalized(safeText(s.subject, 30)), "${date(" + day + ", 'ddd, MMM D')}", "calendar", "in ${daysBetween(today(), " + day + ")} days");
}

// "The best-selling item this week": the thing that leads, named by the app's rows of it, else by what the request
// lists ("sales of popcorn, drinks and sweets": the one with the most); nothing when neither names one.
Json leaderView(const Draft& d, const Statement& s) {
    std::string value;
    if (s.plan && s.plan->title) value = "${first(" + s.plan->key + ")." + s.plan->title->name + "}";
    for (size_t i = 0; value.empty() && i < d.reading.requirements.size(); ++i) {
        std::string measured;
        std::vector<std::string> items;
        if (!readListedMeasure(d.reading.requirements[i], measured, items)) continue;
        const MeasureKind kind = measureKind(wordsOfStatement(measured).back());
        const auto measure = [&](const std::string& item) { return listedValue(item, d.reading.requirements[i], kind); };
        value = *std::max_element(items.begin(), items.end(), [&](const std::string& a, const std::string& b) { return measure(a) < measure(b); });
    }
    if (value.empty()) return Json();
    std::string caption;
    for (const char* when : {"today", "this week", "this month", "this year", "tonight", "this season"})
        if (s.says({when})) caption = capitalized(when);
    return statTile(capitalized(safeText(s.subject, 30)), value, "trophy", caption);
}

// Who a leaderboard ranks: the app's rows of competitors, else the first competitors the request names ("teams").
std::string competitorOf(const Draft& d, const EntityPlan*& plan) {
    static const std::set<std::string> competitors = {"team", "player", "runner", "student", "participant", "member", "contestant", "competitor",
        "driver", "rider", "racer", "athlete", "swimmer", "entrant", "kid", "child", "pupil", "learner", "seller", "agent", "rep", "volunteer", "class", "house"};
    const auto competes = [&](const std::string& noun) { return competitors.count(noun.substr(noun.rfind(' ') + 1)) > 0; };
    for (const EntityPlan& p : d.plans)
        if (competes(p.noun) && p.title) { plan = &p; return p.noun; }
    for (const std::string& word : wordsOfStatement(d.reading.request))
        if (competes(singularOf(word))) return singularOf(word);
    return "player";
}

// "A leaderboard appears between rounds": the competitors ranked by points, most first.
Json leaderboardView(Draft& d, const Statement& s) {
    const EntityPlan* plan = nullptr;
    const std::string who = competitorOf(d, plan);
    IdeaEntity e;
    e.singular = who;
    e.fields = {{"name", capitalized(who), "text", {}}};
    e.rows = Json::array();
    Json names = completeRows(e), rows = Json::array();
    const Json& own = plan ? d.spec["state"][plan->key] : Json();
    int points = 40 + static_cast<int>(hashOf(s.text) % 20);
    for (size_t i = 0; i < names.size(); ++i) {
        const bool mine = own.is_array() && i < own.size() && own[i].is_object() && own[i].contains(plan->title->name);
        rows.push_back(Json{{"rank", static_cast<int>(i) + 1}, {"name", mine ? own[i][plan->title->name] : names[i]["name"]}, {"points", points}});
        points -= 3 + static_cast<int>((hashOf(s.text) >> i) % 6);
    }
    std::string key = "leaderboard";
    while (d.spec["state"].contains(key)) key += "List";
    d.spec["state"][key] = rows;
    Json item = Json{{"item", "${x.name}"}, {"subtitle", "#${x.rank}"}, {"trailing", "${x.points} pts"}, {"avatar", "${x.name}"},
                     {"repeat", Json{{"in", "${" + key + "}"}, {"as", "x"}}}};
    return Json{{"section", Json::array({Json{{"list", Json::array({item})}}})}, {"title", "Leaderboard"}};
}

//-----------------------------------------------------------------------------
// [SECTION] Controls and sections
//-----------------------------------------------------------------------------

// Verbs the entity's own screens already do (its list, form and search): no extra button on a row for them.
const std::set<std::string> kScreenVerbs = {"add", "create", "log", "record", "submit", "post", "write", "enter", "register", "upload", "save", "see", "view",
                                            "browse", "find", "search", "filter", "sort", "open", "list", "show", "track", "manage", "keep", "get", "have", "use"};


// The object as the statement writes it right after the verb ("download a certificate of destruction"), not a noun
// further on ("comment on a request that touches my property line") nor part of a longer word ("a clock-out time").
bool objectFollowsVerb(const Statement& s) {
    const std::vector<std::string> object = wordsOfStatement(s.object);
    auto v = std::find(s.words.begin(), s.words.end(), s.verb);
    if (object.empty() || object.size() > 3 || v == s.words.end()) return false;
    // "apply with a cover letter": what the verb is done with is no object of it.
    static const std::set<std::string> instruments = {"with", "using", "via", "by"};
    for (++v; v != s.words.end() && isFunctionWord(*v) && !instruments.count(*v); ++v) {}
    if (v == s.words.end() || singularOf(*v) != object.front()) return false;
    const std::string text = lowerText(s.text);
    const std::string written = s.object.substr(0, s.object.rfind(' ') + 1) + *(v + static_cast<long>(object.size()) - 1);
    const size_t at = text.find(written);
    return at != std::string::npos && (at + written.size() == text.size() || !(std::isalnum(static_cast<unsigned char>(text[at + written.size()])) || text[at + written.size()] == '-'));
}

// "mark a hearing adjourned or held": a button for each state of the item's status the statement names, setting it.
// Null when marking names no state the status holds (then the marking is a yes/no of its own).
Json statusButtons(const EntityPlan& p, const Statement& s, RequirementTracer& ids, std::string& firstId) {
    if (!p.status || s.outcome.empty() || (s.verb != "mark" && s.verb != "flag")) return Json();
    const std::string verb = capitalized(s.verb) + " ";
    Json row = Json::array();
    const std::string path = rowPath(p, "x", p.status->name);
    for (const std::string& state : p.status->choices) {
        const std::string word = lowerText(state);
        if (word != s.outcome && std::find(s.words.begin(), s.words.end(), word) == s.words.end()) continue;
        const std::string id = ids.freshId(camelKey(s.verb + " " + word));
        if (firstId.empty()) firstId = id;
        row.push_back(Json{{"button", verb + word}, {"id", id}, {"variant", "secondary"}, {"icon", "check"}, {"w", "fill"},
                           {"enabled", "${x." + p.status->name + " != " + exprString(state) + "}"},
                           {"press", Json::array({Json{{"set", path}, {"value", state}}, Json{{"toast", "${x." + p.title->name + "}: " + state}}})}});
    }
    if (row.empty() || std::none_of(row.begin(), row.end(), [&](const Json& b) { return b["button"] == verb + s.outcome; })) return Json();
    return Json{{"row", row}, {"gap", 8}};
}

// "advance a ticket's status", "move the order to the next stage": a verb that takes an item one state on.
bool movesOnward(const std::string& verb) {
    static const std::set<std::string> onward = {"advance", "move", "progress", "promote", "push"};
    return onward.count(verb) > 0;
}

// The state of the item's status the statement's verb puts it in: its own past ("shortlist" -> Shortlisted), a state
// that means the same ("borrow" -> On loan), or one the words after it name ("return it to the shelf" -> On shelf,
// "flag it as missing pieces"); "" when none.
std::string stateSetBy(const EntityPlan& p, const Statement& s) {
    if (!p.status) return "";
    static const std::map<std::string, std::vector<std::string>> alike = {
        {"close", {"closed", "resolved", "done"}}, {"resolve", {"resolved", "closed", "done"}}, {"complete", {"completed", "done"}}, {"finish", {"finished", "done", "completed"}},
        {"borrow", {"borrowed", "out", "on loan", "checked out"}}, {"lend", {"lent", "out", "on loan"}}, {"rent", {"rented", "out"}},
        {"collect", {"collected", "picked up"}}, {"pick up", {"picked up", "collected"}}, {"cancel", {"cancelled", "canceled"}},
        {"assign", {"assigned", "taken", "occupied"}}, {"release", {"released", "vacant", "available", "free"}}};
    const auto it = alike.find(s.verb);
    const std::vector<std::string> wanted = it != alike.end() ? it->second : std::vector<std::string>{lowerText(pastOf(s.verb))};
    for (const std::string& want : wanted)
        for (const std::string& state : p.status->choices)
            if (lowerText(state) == want) return state;
    if (!knownVerb(s.verb)) return "";
    const auto verb = std::find(s.words.begin(), s.words.end(), s.verb);
    for (auto k = verb; k != s.words.end() && k - verb < 6; ++k) {
        if (*k != "to" && *k != "as" && *k != "into") continue;
        auto named = k + 1;
        while (named != s.words.end() && isFunctionWord(*named)) ++named;
        if (named == s.words.end()) break;
        for (const std::string& state : p.status->choices) {
            const std::vector<std::string> words = wordsOfStatement(state);
            const bool whole = static_cast<size_t>(s.words.end() - named) >= words.size() && std::equal(words.begin(), words.end(), named);
            if (whole || (words.size() >= 2 && singularOf(*named) == words.back())) return state;
        }
        break;
    }
    return "";
}

// "deny the claim", "close tickets": a verb that puts the item in one of its status's own states sets that state
// (enabled until it is in it), rather than keeping a flag of its own beside the status. Null when no state fits.
Json statusVerbButton(const EntityPlan& p, const Statement& s, RequirementTracer& ids, std::string& id) {
    if (!p.status || !s.outcome.empty()) return Json();
    // "advance a ticket's status", "move the order to the next stage": one press, one state on (the last one stays).
    if (movesOnward(s.verb) && p.status->choices.size() >= 2) {
        Json states = Json::array();
        for (const std::string& state : p.status->choices) states.push_back(state);
        const std::string list = states.dump(), last = exprString(p.status->choices.back()), now = "x." + p.status->name;
        id = ids.freshId(camelKey(s.verb + " " + p.noun));
        const std::string next = list + "[min(indexOf(" + list + ", " + now + ") + 1, " + std::to_string(states.size() - 1) + ")]";
        return Json{{"button", "${" + now + " == " + last + " ? " + exprString(p.status->choices.back()) + " : 'Move to ' + " + next + "}"}, {"id", id},
                    {"variant", "secondary"}, {"icon", "arrow-right"}, {"w", "fill"}, {"enabled", "${" + now + " != " + last + "}"},
                    {"press", Json::array({Json{{"toast", "${x." + p.title->name + "}: ${" + next + "}"}},
                                           Json{{"set", rowPath(p, "x", p.status->name)}, {"value", "${" + next + "}"}}})}};
    }
    const std::string state = stateSetBy(p, s);
    if (state.empty()) return Json();
    id = ids.freshId(camelKey(s.verb + " " + p.noun));
    return Json{{"button", capitalized(s.verb)}, {"id", id}, {"variant", "secondary"}, {"icon", "check"}, {"w", "fill"},
                {"enabled", "${x." + p.status->name + " != " + exprString(state) + "}"},
                {"press", Json::array({Json{{"set", rowPath(p, "x", p.status->name)}, {"value", state}}, Json{{"toast", "${x." + p.title->name + "}: " + state}}})}};
}

// The field naming who an item is assigned to ("Assignee", "Agent", "Owner"), or null.
const IdeaField* assigneeOf(const EntityPlan& p) {
    for (const IdeaField& f : p.entity.fields) {
        const std::string words = lowerText(f.name + " " + f.label);
        for (const char* who : {"assign", "agent", "owner", "handler"})
            if (words.find(who) != std::string::npos) return &f;
    }
    return nullptr;
}

// "assign a ticket to themselves": a button making whoever presses it the item's assignee. Null when the statement
// assigns to no one in particular or the item has no assignee field.
Json assignToMeButton(const Draft& d, const EntityPlan& p, const Statement& s, RequirementTracer& ids, std::string& id) {
    const IdeaField* who = assigneeOf(p);
    if (!who || (s.outcome != "to me" && s.outcome != "for me")) return Json();
    const bool signedIn = d.spec["state"].contains("profile");
    const std::string me = signedIn ? "${profile.name}" : "Me";
    const std::string mine = "x." + who->name + " == " + (signedIn ? std::string("profile.name") : std::string("'Me'"));
    const std::string done = capitalized(pastOf(s.verb)) + " to you";
    id = ids.freshId(camelKey(s.verb + " " + s.outcome));
    return Json{{"button", "${" + mine + " ? " + exprString(done) + " : " + exprString(capitalized(s.verb + " " + s.outcome)) + "}"}, {"id", id},
                {"variant", "secondary"}, {"icon", "user"}, {"w", "fill"},
                {"press", Json::array({Json{{"set", rowPath(p, "x", who->name)}, {"value", me}}, Json{{"toast", "${x." + p.title->name + "}: " + done}}})}};
}

// "bidders place bids": the item's highest bid (its own bid field, else one that starts at its price or a round
// sum), how many bids it has, and an amount with a Place bid button that takes only a higher bid. The button's id.
template <typename Place>
std::string addBidding(Draft& d, RequirementTracer& ids, const EntityPlan& p, Place&& place) {
    const auto named = [&](const char* word) {
        return std::find_if(p.entity.fields.begin(), p.entity.fields.end(), [&](const IdeaField& f) { return lowerText(f.label).find(word) != std::string::npos && f.kind == "money"; });
    };
    const auto bidField = named("bid");
    const std::string highest = bidField != p.entity.fields.end() ? bidField->name : "highestBid";
    Json& rows = d.spec["state"][p.key];
    for (size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].is_object()) continue;
        const Json start = p.amount && rows[i].contains(p.amount->name) && rows[i][p.amount->name].is_number() ? rows[i][p.amount->name] : Json(40 + 15 * static_cast<int>(i));
        if (!rows[i].contains(highest) || !rows[i][highest].is_number()) rows[i][highest] = start.get<double>() + 5 * static_cast<double>(i % 3);
        if (!rows[i].contains("bidCount")) rows[i]["bidCount"] = static_cast<int>(2 + (i * 3) % 5);
    }
    const std::string id = ids.freshId(camelKey("place bid " + p.noun)), amount = "ui." + id + "Amount";
    d.spec["state"]["ui"][id + "Amount"] = 0;
    place(Json{{"grid", Json::array({statTile("Highest bid", "${currency(x." + highest + ")}", "gavel", ""), statTile("Bids", "${x.bidCount}", "users", "")})}, {"cols", 2}});
    place(Json{{"row", Json::array({Json{{"input", "Your bid"}, {"kind", "number"}, {"id", id + "Input"}, {"bind", amount}, {"grow", 1}},
                                    Json{{"button", "Place bid"}, {"id", id}, {"icon", "gavel"},
                                         {"press", Json::array({Json{{"if", "${" + amount + " > x." + highest + "}"},
                                                                     {"then", Json::array({Json{{"set", rowPath(p, "x", highest)}, {"value", "${" + amount + "}"}},
                                                                                           Json{{"inc", rowPath(p, "x", "bidCount")}},
                                                                                           Json{{"toast", "Bid of ${currency(" + amount + ")} placed on ${x." + p.title->name + "}"}, {"tone", "success"}}})},
                                                                     {"else", Json::array({Json{{"toast", "Bid more than ${currency(x." + highest + ")}"}, {"tone", "danger"}}})}}})}}})},
               {"gap", 8}, {"valign", "bottom"}});
    return id;
}

// A button on the item's detail screen that does the verb to that item.
std::string addItemAction(Draft& d, RequirementTracer& ids, const Statement& s) {
    const EntityPlan& p = *s.plan;
    Json& screen = d.spec["screens"][p.detailScreen];
    if (!screen.contains("body") || !screen["body"].contains("col")) return "";
    // Above the item's delete button, which stays last.
    Json& col = screen["body"]["col"];
    auto place = [&](Json control) {
        auto at = std::find_if(col.begin(), col.end(), [](const Json& c) { return c.is_object() && c.value("id", "").rfind("delete", 0) == 0; });
        col.insert(at, std::move(control));
    };
    std::string firstId;
    // "others reply to each question", "colleagues comment on ideas": what they write is kept on the item.
    if (const Discussion* kind = discussionFor(s.verb)) {
        Json& rows = d.spec["state"][p.key];
        for (size_t i = 0; i < rows.size(); ++i)
            if (rows[i].is_object() && !rows[i].contains(kind->field)) rows[i][kind->field] = mockEntries(i);
        const std::string id = ids.freshId(camelKey(kind->button + " " + p.noun));
        d.spec["state"]["ui"][id + "Text"] = "";
        const std::string me = d.spec["state"].contains("profile") ? "${profile.name}" : "You";
        place(discussionOn(*kind, rowPath(p, "x", kind->field), "x", "ui." + id + "Text", id, me));
        return id;
    }
    // "rate recipes from 1 to 5 stars": stars on the item's screen that keep its rating (the rows' own, when they
    // have one; otherwise a rating the saved rows start with).
    if (s.verb == "rate") {
        const auto rated = std::find_if(p.entity.fields.begin(), p.entity.fields.end(), [](const IdeaField& f) { return f.kind == "rating"; });
        const std::string field = rated != p.entity.fields.end() ? rated->name : "rating";
        Json& rows = d.spec["state"][p.key];
        for (size_t i = 0; i < rows.size(); ++i)
            if (rows[i].is_object() && !rows[i].contains(field)) rows[i][field] = static_cast<int>(3 + (i * 2) % 3);
        const std::string id = ids.freshId(camelKey("rate " + p.noun));
        place(Json{{"text", "Your rating"}, {"style", "strong"}});
        place(Json{{"rating", 5}, {"id", id}, {"bind", rowPath(p, "x", field)},
                   {"change", Json{{"toast", "You rated ${x." + p.title->name + "} ${value} of 5"}, {"tone", "success"}}}});
        return id;
    }
    if (s.verb == "bid") return addBidding(d, ids, p, place);
    // "adjust stock levels", "restock products": the row's count goes up or down where it is shown.
    static const std::set<std::string> adjusting = {"adjust", "increase", "decrease", "restock", "top up", "refill", "replenish"};
    if (adjusting.count(s.verb) && p.quantity) {
        const std::string id = ids.freshId(camelKey(s.verb + " " + p.quantity->label));
        place(Json{{"stepper", capitalized(safeText(p.quantity->label, 30))}, {"id", id}, {"min", 0}, {"max", 9999}, {"bind", rowPath(p, "x", p.quantity->name)},
                   {"change", Json{{"toast", "${x." + p.title->name + "}: " + lowerText(safeText(p.quantity->label, 30)) + " now ${value}"}}}});
        return id;
    }
    if (Json states = statusButtons(p, s, ids, firstId); !states.is_null()) {
        place(std::move(states));
        return firstId;
    }
    if (Json state = statusVerbButton(p, s, ids, firstId); !state.is_null()) {
        place(std::move(state));
        return firstId;
    }
    if (Json mine = assignToMeButton(d, p, s, ids, firstId); !mine.is_null()) {
        place(std::move(mine));
        return firstId;
    }
    // "borrow tools ... return them": the undoing verb is the same button pressed again, now saying so ("Return").
    static const std::map<std::string, std::set<std::string>> undoes = {
        {"return", {"borrow", "lend", "rent", "loan", "hire", "check", "check out"}}, {"unpublish", {"publish"}}, {"unarchive", {"archive"}},
        {"withdraw", {"sign up", "join", "enroll", "register", "apply"}}, {"leave", {"join"}}, {"check out", {"check in"}},
        {"reopen", {"close", "resolve", "complete", "finish"}}, {"unassign", {"assign"}}, {"unpin", {"pin"}}, {"unfollow", {"follow"}}};
    const auto undoing = [&](Json& control, const std::string& by, const std::string& undo) {
        const std::string flag = camelKey(pastOf(by));
        control["button"] = "${x." + flag + " ? " + exprString(capitalized(undo)) + " : " + exprString(capitalized(by)) + "}";
        control["press"][0]["toast"] = "${x." + p.title->name + "}: ${x." + flag + " ? " + exprString(pastOf(undo)) + " : " + exprString(pastOf(by)) + "}";
    };
    if (auto undone = undoes.find(s.verb); undone != undoes.end()) {
        for (Json& control : col) {
            const std::string id = control.is_object() ? control.value("id", std::string()) : "";
            const auto by = std::find_if(undone->second.begin(), undone->second.end(), [&](const std::string& v) { return id == camelKey(v + " " + p.noun); });
            if (by == undone->second.end() || !control.contains("button")) continue;
            undoing(control, *by, s.verb);
            return id;
        }
        // "members borrow and return books": the verb undone, asked with no object of its own, is the same button.
        const std::set<std::string> asked = wordForms(d.reading.request);
        for (const std::string& by : undone->second) {
            if (by.find(' ') != std::string::npos || !asked.count(by)) continue;
            const std::string id = ids.freshId(camelKey(by + " " + p.noun));
            Json button = itemToggleButton(p, by, "x");
            button["id"] = id;
            button["w"] = "fill";
            undoing(button, by, s.verb);
            place(std::move(button));
            return id;
        }
    }
    // The button keeps its object unless that is the item itself: "a send-hint button" on a room says "Send hint",
    // "download a certificate" on a drive "Download certificate"; "mark a problem resolved" on a problem "Mark resolved".
    const bool ownObject = s.outcome.empty() && objectFollowsVerb(s);
    const std::string object = (s.namedButton || ownObject) && planNamed(d, s.object) != &p ? s.object : "";
    const std::string id = ids.freshId(camelKey(s.verb + " " + (object.empty() ? p.noun : object)));
    Json button = itemToggleButton(p, s.outcome.empty() ? s.verb : s.verb + " " + s.outcome, "x", object);
    button["id"] = id;
    button["w"] = "fill";
    // "check out books ... and record returns": the undoing verb the request says elsewhere is this button pressed
    // again. Not a bare "check" ("check bikes back in at the return desk" is the returning itself).
    const std::set<std::string> said = wordForms(d.reading.request);
    for (const auto& [undo, doers] : undoes)
        if (s.outcome.empty() && object.empty() && s.verb != "check" && doers.count(s.verb) && said.count(undo)) {
            undoing(button, s.verb, undo);
            break;
        }
    place(std::move(button));
    return id;
}

// The clauses after the first that open with a verb: "assign tickets to themselves, add comments and close tickets"
// -> "add comments", "close tickets". A list of values ("with ingredients, steps and cooking time") opens with none.
// `withFirst` adds the first clause as written, for a statement that asks for something else first ("Bidders place
// bids, see the current highest bid and a countdown").
std::vector<std::string> furtherClauses(const Statement& s, bool withFirst) {
    std::vector<std::string> pieces(1), words(1);
    for (char c : s.text) {
        if (c == ' ') words.emplace_back();
        else words.back() += c;
    }
    for (const std::string& w : words) {
        const std::string low = lowerText(w);
        if (low == "and" || low == "or" || low == "then" || low == "also") {
            if (!pieces.back().empty()) pieces.emplace_back();
            continue;
        }
        pieces.back() += (pieces.back().empty() ? "" : " ") + w;
        if (!w.empty() && (w.back() == ',' || w.back() == ';')) {
            pieces.back().pop_back();
            pieces.emplace_back();
        }
    }
    std::vector<std::string> out;
    if (withFirst && !pieces.front().empty()) out.push_back(pieces.front());
    for (size_t i = 1; i < pieces.size(); ++i) {
        // "... and can withdraw": what they can do is the verb.
        // A lone word without one is a value in a list ("(recorded, editing, review, scheduled)").
        std::string piece = pieces[i];
        bool modal = false;
        for (const char* can : {"can ", "may ", "will ", "should ", "must "})
            if (lowerText(piece).rfind(can, 0) == 0) piece = piece.substr(std::strlen(can)), modal = true;
        const std::vector<std::string> said = wordsOfStatement(piece);
        if (said.size() >= (modal ? 1u : 2u) && knownVerb(said.front()) && singularOf(said.front()) == said.front()) out.push_back(piece);
    }
    return out;
}

// Each further verb a statement asks of what the app manages ("..., add comments and close tickets") is done on the
// row's screen too, traced to the same statement; one the statement's thing has no screen for is left to the views.
// Only verbs that are something done to one row count: "take a photo", "earn a sticker", "win rate" are not.
bool rowVerb(const std::string& verb) {
    static const std::set<std::string> verbs = {
        "approve", "reject", "deny", "decline", "accept", "confirm", "close", "reopen", "resolve", "complete", "finish", "cancel", "withdraw",
        "assign", "claim", "archive", "publish", "unpublish", "rate", "favorite", "follow", "unfollow", "bid", "vote", "upvote", "downvote",
        "pin", "share", "export", "print", "send", "forward", "duplicate", "remind", "nudge", "flag", "report", "borrow", "return", "lend",
        "renew", "reserve", "join", "leave", "mark", "hide", "invite", "verify", "sign", "pause", "resume", "restock", "refund", "escalate",
        "adjust", "increase", "decrease", "refill", "replenish",
        "apply", "sign up", "check in", "check out", "save", "advance", "move", "progress", "promote", "adopt"};
    return verbs.count(verb) > 0;
}

void addClauseActions(Draft& d, RequirementTracer& ids, const Statement& s) {
    std::set<std::string> done = {s.verb};
    for (const std::string& clause : furtherClauses(s, s.ask != Ask::Action)) {
        // Read as the action it opens with, even where the verb is also a measure ("rate recipes").
        Statement c;
        c.text = clause;
        c.words = wordsOfStatement(clause);
        readAction(c);
        // "save jobs" keeps one row ("Saved"); "save" alone is what a form does.
        const bool keepsRow = c.verb == "save" && planNamed(d, c.object);
        if (c.verb.empty() || done.count(c.verb) || (kScreenVerbs.count(c.verb) && !keepsRow) || !(rowVerb(c.verb) || discussionFor(c.verb))) continue;
        c.plan = planNamed(d, c.object);
        if (!c.plan) c.plan = s.plan;
        if (!c.plan || !d.spec["screens"].contains(c.plan->detailScreen)) continue;
        done.insert(c.verb);
        if (std::string added = addItemAction(d, ids, c); !added.empty()) d.composed[s.text].push_back(added);
    }
    // "shortlist or reject it", "lend it to a table, return it to the shelf": every verb that puts a row in one of its
    // status's states sets it, however the statement joins them.
    const EntityPlan* p = s.plan;
    if (!p || !p->status || !d.spec["screens"].contains(p->detailScreen)) return;
    // A verb takes its object ("return it", "lend a game") or joins another ("shortlist or reject"); "a new request
    // with a form" is no requesting.
    static const std::set<std::string> objects = {"it", "them", "a", "an", "the", "each", "every", "one", "all", "any", "their", "its", "or"};
    for (size_t w = 0; w + 1 < s.words.size(); ++w) {
        const std::string& word = s.words[w];
        if (!objects.count(s.words[w + 1])) continue;
        Statement c;
        c.text = s.text;
        c.words = s.words;
        c.verb = word;
        c.plan = p;
        if (done.count(word) || kScreenVerbs.count(word) || movesOnward(word) || isFunctionWord(word) || discussionFor(word) || stateSetBy(*p, c).empty()) continue;
        done.insert(word);
        if (std::string added = addItemAction(d, ids, c); !added.empty()) d.composed[s.text].push_back(added);
    }
}

// A button on home that does the verb to the mock state: a counter goes up and the count is shown under it.
Json homeAction(Draft& d, RequirementTracer& ids, const Statement& s, std::string& id) {
    std::string label = capitalized(s.verb + (s.object.empty() ? "" : " " + s.object));
    label = safeText(label, 40);
    id = ids.freshId(camelKey(label));
    const std::string counter = "ui." + id + "Count";
    d.spec["state"]["ui"][id + "Count"] = 0;
    return Json{{"row", Json::array({Json{{"button", label}, {"id", id}, {"variant", "secondary"},
                                          {"press", Json::array({Json{{"inc", counter}}, Json{{"toast", label + ": done"}, {"tone", "success"}}})}},
                                     Json{{"text", "${" + counter + " == 0 ? 'Not yet' : " + counter + " + ' done'}"}, {"muted", true}}})},
                {"gap", 12}, {"valign", "center"}};
}

// A field for a value the statement names: a day or time by its word, a count by its plural ("broken bikes"), a
// share of full by "level", money by what it measures; else text.
IdeaField namedValue(const std::string& label) {
    const std::vector<std::string> w = wordsOfStatement(label);
    const std::string last = w.empty() ? "" : w.back();
    const MeasureKind measure = measureKind(last);
    const char* kind = last == "date" || last == "day" ? "date" : last == "time" ? "time" : measure == MeasureKind::Money ? "money"
                     : measure != MeasureKind::None || singularOf(last) != last ? "number" : "text";
    return {camelKey(label), capitalized(safeText(label, 30)), kind, {}};
}

// "Water and sports drink levels at each aid station" -> aid stations with "Water level" and "Sports drink level";
// "Road closures and when each reopens" -> road closures with "Reopens". Only for a thing the app does not manage.
bool rowsForEach(const Draft& d, const Statement& s, RequestEntity& out) {
    const std::vector<std::string>& w = s.words;
    size_t from = 0;
    while (from < w.size() && isFunctionWord(w[from])) ++from;
    const auto phraseOf = [&](size_t a, size_t b) {
        std::string p;
        for (size_t k = a; k < b; ++k) p += (p.empty() ? "" : " ") + w[k];
        return p;
    };
    for (size_t i = from + 1; i + 2 < w.size(); ++i) {
        if (w[i] != "when" || !(w[i + 1] == "each" || w[i + 1] == "they" || w[i + 1] == "it") || isFunctionWord(w[i + 2])) continue;
        const size_t end = w[i - 1] == "and" ? i - 1 : i;
        if (end <= from || end - from > 3) return false;
        out.phrase = singularOf(phraseOf(from, end));
        out.head = out.phrase.substr(out.phrase.rfind(' ') + 1);
        out.attributes = {{camelKey(w[i + 2]), capitalized(w[i + 2]), "date", {}}};
        return !planNamed(d, out.phrase);
    }
    for (size_t i = from + 1; i + 1 < w.size(); ++i) {
        const bool each = (w[i] == "each" || w[i] == "every") && (w[i - 1] == "at" || w[i - 1] == "for" || w[i - 1] == "on" || w[i - 1] == "in");
        if (!each && w[i] != "per") continue;
        size_t end = i + 1;
        while (end < w.size() && end < i + 4 && !isFunctionWord(w[end])) ++end;
        if (end == i + 1) return false;
        out.phrase = singularOf(phraseOf(i + 1, end));
        out.head = out.phrase.substr(out.phrase.rfind(' ') + 1);
        if (planNamed(d, out.phrase)) return false;
        // The values before it, split at "and"; "water and sports drink levels": the last one's noun is every one's.
        std::vector<std::vector<std::string>> parts(1);
        for (size_t k = from; k + (each ? 1 : 0) < i; ++k) {
            if (w[k] == "and") parts.emplace_back();
            else parts.back().push_back(w[k]);
        }
        if (parts.back().empty() || parts.size() > 4) return false;
        const std::string shared = parts.back().size() > 1 && singularOf(parts.back().back()) != parts.back().back() ? parts.back().back() : "";
        for (std::vector<std::string>& part : parts) {
            if (part.empty() || part.size() > 4) return false;
            if (!shared.empty()) {
                if (part.size() == 1) part.push_back(shared);
                part.back() = singularOf(part.back());
            }
            std::string label;
            for (const std::string& word : part) label += (label.empty() ? "" : " ") + word;
            out.attributes.push_back(namedValue(label));
        }
        return true;
    }
    return false;
}

// A section listing a few of what the statement names, from its own noun (rows invented from the noun's kind); one
// card with its values when the statement names one ("Today's trip with departure time and fishing area").
Json collectionView(Draft& d, const RequestEntity& noun, const std::string& oneTitled) {
    IdeaEntity e;
    e.singular = noun.phrase;
    e.plural = pluralOf(noun.phrase);
    e.fields = {{"name", capitalized(noun.head), "text", {}}};
    for (const IdeaField& f : noun.attributes) e.fields.push_back(f);
    if (e.fields.size() == 1) e.fields.push_back({"date", "Date", "date", {}});
    e.rows = Json::array();
    Json rows = completeRows(e);
    rows.erase(rows.begin() + 3, rows.end());
    std::string key = camelKey(oneTitled.empty() ? e.plural : e.singular);
    while (d.spec["state"].contains(key)) key += "List";
    if (!oneTitled.empty()) {
        d.spec["state"][key] = rows[0];
        Json lines = Json::array();
        for (size_t f = 1; f < e.fields.size(); ++f)
            lines.push_back(Json{{"row", Json::array({Json{{"text", e.fields[f].label}, {"muted", true}, {"grow", 1}},
                                                      Json{{"text", shownValue(e.fields[f], key)}, {"style", "strong"}}})}});
        return Json{{"card", lines}, {"title", oneTitled}};
    }
    d.spec["state"][key] = rows;
    std::string subtitle;
    for (size_t f = 1; f < e.fields.size() && f < 3; ++f) {
        const IdeaField& field = e.fields[f];
        const std::string value = shownValue(field, "x");
        subtitle += (subtitle.empty() ? "" : " · ") + (field.kind == "number" && value.find(' ') == std::string::npos ? field.label + " " + value : value);
    }
    Json item = Json{{"item", "${x.name}"}, {"subtitle", subtitle}, {"icon", "bookmark-o"}, {"repeat", Json{{"in", "${" + key + "}"}, {"as", "x"}}}};
    return Json{{"section", Json::array({Json{{"list", Json::array({item})}}})}, {"title", capitalized(e.plural)}};
}

// The statement's name for one thing it shows alone: "Today's trip with ..." -> "Today's trip"; "" when it names
// the thing in the plural or at length.
std::string oneThingTitle(const Statement& s, const RequestEntity& noun) {
    if (std::find(s.words.begin(), s.words.end(), noun.head) == s.words.end() || pluralOf(noun.head) == noun.head) return "";
    const std::string lower = lowerText(s.text);
    const size_t with = lower.find(" with ");
    const std::string title = s.text.substr(0, with);
    if (with == std::string::npos || wordsOfStatement(title).size() > 4 || noun.attributes.empty()) return "";
    return capitalized(safeText(title, 40));
}

// The view for a statement that names things rather than asking for a number or an action: the rows it names
// "at each" one, else a few of its first noun; none for a thing the app already manages or a statement that only
// asks for a verb nothing here understands ("teleport the defendant"), which stays uncovered, honestly.
Json namedThingView(Draft& d, const Statement& s) {
    if (RequestEntity each; rowsForEach(d, s, each)) return collectionView(d, each, "");
    std::vector<RequestEntity> nouns = requestEntities(s.text);
    // "implement a website for ...": the app itself (scored as no thing, see readNouns) is no list of its own.
    if (nouns.empty() || planNamed(d, nouns.front().phrase) || nouns.front().score < 2) return Json();
    // "Today's trip": a day that owns the thing is a time, like "today".
    const auto leading = [](const std::string& w) {
        return isFunctionWord(w) || (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0 && isFunctionWord(w.substr(0, w.size() - 2)));
    };
    size_t first = 0;
    while (first < s.words.size() && leading(s.words[first])) ++first;
    if (first == s.words.size()) return Json();
    const std::vector<std::string>& named = nouns.front().words;
    if (!knownVerb(s.words[first]) && std::find(named.begin(), named.end(), singularOf(s.words[first])) == named.end()) return Json();
    return collectionView(d, nouns.front(), oneThingTitle(s, nouns.front()));
}

} // namespace

std::string pastOf(const std::string& verb) {
    static const std::map<std::string, std::string> irregular = {{"bid", "bid"}, {"pay", "paid"}, {"buy", "bought"}, {"send", "sent"},
                                                                 {"sell", "sold"}, {"write", "written"}, {"set", "set"}, {"put", "put"},
                                                                 {"withdraw", "withdrawn"}};
    if (auto it = irregular.find(verb); it != irregular.end()) return it->second;
    // "sign up" -> "signed up", "check in" -> "checked in".
    if (const size_t space = verb.find(' '); space != std::string::npos && phrasalParticle(verb.substr(space + 1)))
        return pastOf(verb.substr(0, space)) + verb.substr(space);
    if (verb.back() == 'e') return verb + "d";
    if (verb.back() == 'y' && verb.size() > 1 && !std::strchr("aeiou", verb[verb.size() - 2])) return verb.substr(0, verb.size() - 1) + "ied";
    // One syllable ending consonant-vowel-consonant doubles its last letter: "swap" -> "swapped", "flag" -> "flagged".
    const auto vowel = [](char c) { return std::strchr("aeiou", c) != nullptr; };
    const size_t n = verb.size();
    const auto vowels = std::count_if(verb.begin(), verb.end(), vowel);
    if (n >= 3 && vowels == 1 && !vowel(verb[n - 1]) && vowel(verb[n - 2]) && !vowel(verb[n - 3]) && !std::strchr("wxy", verb[n - 1]))
        return verb + verb.back() + "ed";
    return verb + "ed";
}

Json itemToggleButton(const EntityPlan& p, const std::string& verb, const std::string& alias, const std::string& object) {
    // "check them off each day", "mark a habit done": on rows ticked off for today, that tick.
    static const std::set<std::string> ticks = {"check", "tick", "complete", "finish", "mark", "do"};
    if (const IdeaField* today = todayFlag(p); today && ticks.count(verb.substr(0, verb.find(' '))))
        return Json{{"button", "${" + alias + "." + today->name + " ? " + exprString(today->label) + " : 'Mark done today'}"}, {"variant", "secondary"}, {"icon", "check"},
                    {"press", tickToday(p, *today, alias)}};
    // "mark e-filed": the words after the verb are what the row becomes; "send" a "hint" makes it "Hint sent". The toast
    // reads the row before the toggle, so it says what the press does.
    const size_t space = verb.find(' ');
    // "claim for me" is done when "Claimed for me".
    const std::string rest = space == std::string::npos ? "" : verb.substr(space + 1);
    const bool forWhom = rest.rfind("to ", 0) == 0 || rest.rfind("for ", 0) == 0;
    const std::string done = !object.empty() ? capitalized(object + " " + pastOf(verb))
                           : space == std::string::npos || phrasalParticle(rest) ? capitalized(pastOf(verb))
                           : forWhom ? capitalized(pastOf(verb.substr(0, space)) + " " + rest) : capitalized(rest);
    const std::string flag = camelKey(done), row = alias + "." + flag;
    const std::string path = rowPath(p, alias, flag);
    const std::string label = capitalized(object.empty() ? verb : verb + " " + object);
    return Json{{"button", "${" + row + " ? " + exprString(done) + " : " + exprString(label) + "}"}, {"variant", "secondary"}, {"icon", "check"},
                {"press", Json::array({Json{{"toast", "${" + alias + "." + p.title->name + "}: ${" + row + " ? 'undone' : " + exprString(done) + "}"}}, Json{{"toggle", path}}})}};
}

namespace {

// The id of a lending toggle built for an earlier statement ("checkOutBook", "borrowTool") when this one records
// the returns it undoes ("record returns", "log returned items"); "" otherwise.
std::string lendingButton(const Draft& d, const Statement& s) {
    const std::vector<std::string> object = wordsOfStatement(s.object);
    const bool returns = (!object.empty() && (object.back() == "return" || object.back() == "returned")) || s.verb == "return";
    if (!returns) return "";
    for (const auto& [statement, built] : d.composed)
        for (const std::string& id : built)
            for (const char* lending : {"checkOut", "borrow", "lend", "rent", "loan", "hire"})
                if (id.rfind(lending, 0) == 0) return id;
    return "";
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] addRequirementViews
//-----------------------------------------------------------------------------

void addRequirementViews(Draft& d) {
    RequirementTracer ids(d);
    std::vector<Json> stats;
    for (const std::string& text : d.reading.requirements) {
        const Statement s = readStatement(d, text);
        // The statement's own action first: a clause may undo it ("sign up for a shift and can withdraw").
        if (s.ask != Ask::Action) addClauseActions(d, ids, s);
        Json view;
        std::string id;
        switch (s.ask) {
        case Ask::Trend: view = trendView(s); break;
        case Ask::Target: view = targetView(s); break;
        case Ask::Breakdown:
            if (const IdeaField* by = groupedBy(s)) view = countsPerChoice(*s.plan, *by);
            else if (s.plan && s.plan->category)
                view = Json{{"card", Json::array({donutByCategory(*s.plan)})}, {"title", capitalized(s.plan->nouns) + " by " + safeText(s.plan->category->label, 30)}};
            else view = statView(s);
            break;
        case Ask::Stat: view = statView(s); break;
        case Ask::Emphasis: view = emphasisView(s); break;
        case Ask::Upcoming: view = upcomingView(s); break;
        case Ask::PerItem: view = perItemView(s); break;
        case Ask::Countdown: view = countdownView(s); break;
        case Ask::DateOf: view = dateOfView(s); break;
        case Ask::Leaderboard:
            view = leaderboardView(d, s);
            id = ids.freshId("leaderboard");
            view["id"] = id;
            break;
        case Ask::Leader:
            view = leaderView(d, s);
            if (view.is_null()) continue;
            break;
        case Ask::Action:
            if (s.plan && d.spec["screens"].contains(s.plan->detailScreen) && !kScreenVerbs.count(s.verb)) {
                if (std::string added = addItemAction(d, ids, s); !added.empty()) d.composed[text].push_back(added);
                addClauseActions(d, ids, s);
                continue;
            }
            addClauseActions(d, ids, s);
            if (!ids.trace(text).empty()) continue;
            // "record returns" beside "check out books": the lending button, which says Return once out, records them.
            if (const std::string lent = lendingButton(d, s); !lent.empty()) {
                d.composed[text].push_back(lent);
                continue;
            }
            // "a button to apply to adopt" names no row: it is done to the app's main thing, on its screen, when the verb
            // can only be done to one of them ("a way to sign off as QA" or "to pause the rollout" is done to the app).
            static const std::set<std::string> toOne = {"apply", "adopt", "reserve", "borrow", "bid", "rate", "follow", "favorite", "save",
                                                        "join", "claim", "rsvp", "vote", "upvote", "flag"};
            if (s.affordance && !s.plan && toOne.count(s.verb) && !d.plans.empty() && d.spec["screens"].contains(d.plans.front().detailScreen)) {
                Statement onMain = s;
                onMain.plan = &d.plans.front();
                if (std::string added = addItemAction(d, ids, onMain); !added.empty()) {
                    d.composed[text].push_back(added);
                    continue;
                }
            }
            // A button that only counts stands in for a verb on the app as a whole, so only when asked for one;
            // a statement that only opens with a verb ("water and sports drink levels at ...") may name things.
            if (s.affordance) view = homeAction(d, ids, s, id);
            else if ((view = namedThingView(d, s)).is_null()) continue;
            break;
        case Ask::Nothing:
            if (!ids.trace(text).empty() || (view = namedThingView(d, s)).is_null()) continue;
            break;
        }
        if (id.empty()) {
            id = ids.freshId(camelKey((s.subject.empty() ? std::string("requirement") : s.subject) + " " + view.begin().key()));
            view["id"] = id;
        }
        d.composed[text].push_back(id);
        if (view.begin().key() == "stat") stats.push_back(std::move(view));
        else d.homeViews.push_back(std::move(view));
    }
    if (!stats.empty()) {
        const size_t cols = std::min<size_t>(stats.size(), d.wide() ? 4 : 2);
        d.homeViews.insert(d.homeViews.begin(), Json{{"grid", stats}, {"cols", static_cast<int>(cols)}});
    }
}

} // namespace pt::draft
