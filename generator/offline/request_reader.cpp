// Promptotype — reading what a request manages from its own words: the head nouns of its noun phrases, ranked
// by how the request uses them (the object of "log", "track", "approve"...; "for each X"; "X with A, B and C"),
// with the attributes the request lists for them. No part-of-speech tagger: function words, verbs, adjectives
// and app vocabulary are closed lists, and whatever is left between them is a noun phrase whose last word is its
// head. The domain lexicon is consulted afterwards, and only for nouns found here (see readIdea).
//
// [SECTION] Word classes
// [SECTION] Noun phrases
// [SECTION] Attributes
// [SECTION] requestEntities

#include "generator/offline/draft_patterns.h"
#include <algorithm>
#include <cctype>
#include <map>

namespace pt::draft {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Word classes
//-----------------------------------------------------------------------------

std::set<std::string> wordSet(const char* text) {
    std::set<std::string> out;
    std::string w;
    for (const char* p = text;; ++p) {
        if (*p == ' ' || *p == '\0') {
            if (!w.empty()) out.insert(w);
            w.clear();
            if (*p == '\0') break;
        } else {
            w += *p;
        }
    }
    return out;
}

// Words that end a noun phrase and never start one.
const std::set<std::string>& functionWords() {
    static const std::set<std::string> s = wordSet(
        "a an the this that these those my our your their his her its each every all any some no of for to in on at by "
        "with from into onto over under about as and or but than per via within without across after before during "
        "between through near is are be been being was were am it they we you i he she them us me who what which when "
        "where why how so if then because while until also only just not can will should would could must may might do "
        "does did has have had there here both either neither such own same very too more most less least many much few "
        "several one two three four five six seven eight nine ten up down out off again right now today tonight "
        "tomorrow yesterday please e g eg etc vs back below along whether forward away around ahead instead together else ever "
        "even yet once twice maybe perhaps already hundred hundreds thousand thousands dozen dozens half whose whom "
        "side underground aside anything everything nothing something anyone everyone otherwise");
    return s;
}

const std::set<std::string>& determiners() {
    static const std::set<std::string> s = wordSet("a an the this that these those my our your their his her its each every all any some no");
    return s;
}

// Verbs people use in requests; a phrase never includes them (the base form, as singularOf leaves it).
const std::set<std::string>& verbs() {
    static const std::set<std::string> s = wordSet(
        "log track record post add create book schedule manage list approve reject review submit report assign rate "
        "compare export share inspect register see view browse find search mark check vote reply comment answer bid "
        "follow edit sort filter pick choose select enter type write read run go stop start pause play set let allow "
        "help want need like know show display keep get give make take send receive plan organize organise collect "
        "count upload attach sign join leave cancel confirm complete finish close open save delete remove update change "
        "move buy sell pay order request claim flag tag note tap click swipe drag drop print scan call email text message "
        "invite notify remind alert warn suggest summarize summarise draft generate classify predict estimate calculate "
        "convert measure weigh test grade score rank print is stay stays go goes come comes use used uses using look "
        "needs wants shows lists tracks logs keeps sees gets lets helps allows says tell tells ask asks answer answers "
        "stops starts drive drives hold holds turn turns put puts bring brings try tries spend spends earn earns win "
        "wins lose loses rent rents hire hires feed feeds water waters clean cleans fix fixes repair repairs visit "
        "visits walk walks ship ships deliver delivers sort sorts store stores arrive arrives expire expires happen "
        "happens require requires include includes contain contains cover covers support supports work works "
        "accept decline deny meet fit explain propose tidy touch appear hit dismiss escalate triage match plow top lay "
        "drop hand pass fail approve publish unpublish archive reorder rename resize zoom");
    return s;
}

// Adjectives and adverbs that qualify a noun but are never one.
const std::set<std::string>& qualifiers() {
    static const std::set<std::string> s = wordSet(
        "new old big small large little free busy broken open closed active inactive daily weekly monthly yearly annual "
        "recent upcoming overdue expected current total average available unavailable quick simple easy own next last "
        "due first second third high low late early local nearby public private urgent important main whole full empty "
        "single multiple various different other same real live online offline personal shared favorite favourite top "
        "best worst good bad great nice clean modern beautiful basic detailed short long past future pending late "
        "overall average minimum maximum min max quick red green blue yellow orange purple pink black white grey gray "
        "brown dark light bright bold current needed required optional likely possible certain specific particular "
        "separate additional extra whole entire exact key core average typical usual regular special standard easy "
        "hard ready done left remaining missing still already always never often usually mostly currently right wrong");
    return s;
}

// Nouns about the app, the screen or time rather than about what the app manages.
const std::set<std::string>& appNouns() {
    static const std::set<std::string> s = wordSet(
        "app application tool system platform site website portal page screen view prototype interface way feature "
        "list table chart graph button form tab section card overview summary tracker manager planner dashboard hub "
        "log logbook journal diary board widget panel sidebar menu header footer field input dropdown toggle switch "
        "today week day month year hour minute second time date morning evening night weekend moment period "
        "number count total rate average percentage percent amount sum value level trend history status progress "
        "data info information detail name thing item stuff lot kind type sort place where user people person someone "
        "everyone anyone team admin staff me version mode color colour background font theme style layout look feel "
        "idea prototype mvp demo usage example product company business service solution experience flow step process workflow "
        "ability option choice support access surface surfaceid createsurface updatecomponents component message "
        "textfield column row label variant heading title subtitle text image icon");
    return s;
}

// Nouns ending in -ing that are things, not activities.
const std::set<std::string>& ingNouns() {
    static const std::set<std::string> s = wordSet(
        "building meeting listing booking rating setting painting wedding training parking clothing filing heading "
        "sighting crossing landing posting opening offering finding warning recording reading ceiling earring "
        "pudding stuffing topping seedling sibling duckling bedding fitting ring thing string spring king wing evening morning "
        "hearing screening tasting serving outing gathering sitting casting mooring showing clipping sapling dumpling");
    return s;
}

std::string lowerWord(std::string_view w) {
    std::string out(w);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A word of the request in order, or a boundary (punctuation, line break, bullet): "" marks a boundary.
std::vector<std::string> tokensWithBoundaries(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        while (!cur.empty() && (cur.back() == '-' || cur.back() == '\'')) cur.pop_back();
        if (cur.size() > 2 && cur.compare(cur.size() - 2, 2, "'s") == 0) cur.resize(cur.size() - 2);
        if (!cur.empty()) out.push_back(lowerWord(cur));
        cur.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
        if (letter || ((c == '-' || c == '\'') && !cur.empty())) { cur += c; continue; }
        flush();
        if (c != ' ' && c != '\t') out.push_back("");  // , . ; : ( ) \n " and friends end a phrase
    }
    flush();
    return out;
}

bool isNumber(const std::string& w) { return !w.empty() && std::isdigit(static_cast<unsigned char>(w[0])); }

bool endsWith(const std::string& w, const char* tail) {
    const size_t n = std::char_traits<char>::length(tail);
    return w.size() > n + 2 && w.compare(w.size() - n, n, tail) == 0;
}

// "handed", "logged", "resolved": a participle qualifies or reports, it does not name a thing ("bed", "shed" do).
bool participle(const std::string& w) {
    static const std::set<std::string> nouns = wordSet("bed shed seed feed speed breed weed sled steed reed deed need hundred");
    static const std::set<std::string> irregular = wordSet(
        "written taken given done seen shown known chosen driven eaten broken spoken stolen frozen hidden ridden forgotten gotten "
        "made sold told paid sent kept held built bought brought caught taught found lost won begun grown thrown flown drawn worn torn");
    return (endsWith(w, "ed") && !nouns.count(w)) || irregular.count(w) > 0;
}

// "sorting", "watering": an activity, unless the word is a thing ("building", "sighting").
bool gerund(const std::string& w) { return endsWith(w, "ing") && !ingNouns().count(w); }

// Words that are a verb or a noun by position: "to order a cake" / "alteration orders", "report a fault" / "a weekly report".
const std::set<std::string>& verbNouns() {
    static const std::set<std::string> s = wordSet(
        "order report request claim note tag flag log record post book schedule plan list check vote reply comment "
        "answer bid rate share review call email text message play search filter sort type set test grade score rank "
        "measure water feed fix visit walk drop hand pass match top print scan drive hold turn spend rent hire store "
        "ship cover support work change update move pay track booking return transfer deposit move estimate quote "
        "delivery donation repair ride trip run race ticket alert reminder sign photo cost design draft");
    return s;
}

// Could the word at `i` stand in a noun phrase? An ambiguous verb/noun is a noun after a determiner, a number, a
// qualifier or another noun, and a verb at the start of a clause or after "to", "and" or a pronoun.
bool nominal(const std::vector<std::string>& t, size_t i) {
    const std::string& w = t[i];
    if (w.size() < 2 || isNumber(w) || w.find('\'') != std::string::npos || functionWords().count(w) || participle(w)) return false;
    // "teleport the defendant": a word that opens a clause and is followed by a determiner is a verb, known or not.
    static const std::set<std::string> openers = wordSet("and to then that which who also");
    const bool opensClause = i == 0 || t[i - 1].empty() || openers.count(t[i - 1]);
    if (opensClause && i + 1 < t.size() && determiners().count(t[i + 1]) && t[i + 1] != "no") return false;
    if (verbNouns().count(w) || verbNouns().count(singularOf(w))) {
        if (i == 0 || t[i - 1].empty()) return false;
        // "the registrar tracks artworks": a plural form between two nouns is the verb (plural nouns rarely modify).
        const bool nounFollows = i + 1 < t.size() && !t[i + 1].empty() && !functionWords().count(t[i + 1]) && !verbs().count(t[i + 1]);
        if (singularOf(w) != w && nounFollows && !determiners().count(t[i - 1]) && !functionWords().count(t[i - 1])) return false;
        const std::string& before = t[i - 1];
        return determiners().count(before) || isNumber(before) || qualifiers().count(before) ||
               (!functionWords().count(before) && !verbs().count(before) && !verbs().count(singularOf(before)));
    }
    return !verbs().count(w) && !verbs().count(singularOf(w)) &&
           !(w.size() > 2 && w.compare(w.size() - 2, 2, "ly") == 0 && w != "family" && w != "supply" && w != "assembly" && w != "rally");
}

//-----------------------------------------------------------------------------
// [SECTION] Noun phrases
//-----------------------------------------------------------------------------

// Words that name what the app is or how it shows things, written after the subject ("habit tracker", "hotel
// search results", "restaurant menu", "video conference UI"): the subject is the noun before them.
const std::set<std::string>& containerNouns() {
    static const std::set<std::string> s = wordSet(
        "app application tool tracker manager planner dashboard hub system platform portal site website log logbook "
        "journal diary board page screen prototype console interface ui menu list table feed gallery form card view "
        "layout widget panel overview summary result search editor builder viewer calculator configurator chart directory "
        "catalog catalogue inventory roster registry");
    return s;
}

// A maximal run of nominal words: qualifiers first, then nouns; the last noun is the head.
struct Phrase {
    size_t begin = 0, end = 0;       // token range [begin, end)
    std::string head;                // singular
    std::string modifier;            // the noun before the head, if any ("pest" in "pest sightings")
    bool named = false;              // written before an app word: what the app is about ("recipe" in "a recipe app")
    std::vector<std::string> words;  // every word of the phrase, singular
    bool plural = false;
};

std::vector<Phrase> phrasesOf(const std::vector<std::string>& t) {
    std::vector<Phrase> out;
    for (size_t i = 0; i < t.size();) {
        if (!nominal(t, i)) { ++i; continue; }
        size_t j = i;
        while (j < t.size() && nominal(t, j)) ++j;
        // A leading gerund is the activity done to the rest ("sorting donations"); trailing qualifiers and gerunds
        // belong to the next clause ("benches need watering").
        if (gerund(t[i]) && j - i > 1 && !containerNouns().count(singularOf(t[i + 1]))) ++i;
        size_t end = j;
        while (end > i && (qualifiers().count(t[end - 1]) || gerund(t[end - 1]))) --end;
        Phrase p;
        for (size_t k = i; k < end; ++k) p.words.push_back(singularOf(t[k]));
        // The subject comes before container words; a phrase of only those keeps its last ("a calculator").
        size_t head = end;
        while (head > i + 1 && containerNouns().count(singularOf(t[head - 1]))) --head;
        // "contact information", "order history": the thing is the noun the app word describes.
        static const std::set<std::string> aboutNouns = wordSet("information info detail data history status summary overview");
        if (head > i + 1 && aboutNouns.count(singularOf(t[head - 1])) && !appNouns().count(singularOf(t[head - 2]))) --head;
        while (head > i + 1 && (qualifiers().count(t[head - 1]) || gerund(t[head - 1]))) --head;
        if (head > i) {
            p.begin = i;
            p.end = end;
            p.head = singularOf(t[head - 1]);
            p.plural = p.head != t[end - 1] && head == end;
            p.named = head < end && containerNouns().count(singularOf(t[end - 1]));
            if (head - 1 > i && !qualifiers().count(t[head - 2]) && !appNouns().count(t[head - 2])) p.modifier = singularOf(t[head - 2]);
            out.push_back(p);
        }
        i = j;
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Attributes
//-----------------------------------------------------------------------------

// "sow date and expected transplant date" -> the fields those phrases name, kinds guessed from their words.
std::vector<IdeaField> fieldsFrom(const std::vector<std::string>& t, size_t from, size_t to) {
    std::vector<IdeaField> out;
    std::vector<std::string> part;
    auto flush = [&] {
        while (!part.empty() && (determiners().count(part.front()) || isNumber(part.front()))) part.erase(part.begin());
        if (!part.empty() && part.size() <= 4) {
            std::string label;
            for (size_t k = part.size() > 3 ? part.size() - 3 : 0; k < part.size(); ++k) label += (label.empty() ? "" : " ") + part[k];
            const std::string key = camelKey(label);
            const bool dup = std::any_of(out.begin(), out.end(), [&](const IdeaField& f) { return f.name == key; });
            if (!key.empty() && !dup && !appNouns().count(label)) out.push_back({key, capitalized(label), fieldKindFor(label, ""), {}});
        }
        part.clear();
    };
    for (size_t k = from; k < to; ++k) {
        if (t[k] == "and" || t[k] == "or" || t[k].empty()) flush();
        else part.push_back(t[k]);
    }
    flush();
    return out;
}

// Where an attribute list that follows a phrase ends: a boundary other than a comma-like one, or a clause word.
size_t listEnd(const std::vector<std::string>& t, size_t from) {
    static const std::set<std::string> stops = wordSet("so that which who where when to because if for in on at by from while but until than as");
    size_t k = from;
    int words = 0;
    for (; k < t.size() && words < 16; ++k, ++words) {
        if (stops.count(t[k]) || (verbs().count(t[k]) && !nominal(t, k)) || isNumber(t[k])) break;
        if (t[k].empty() && (k + 1 >= t.size() || t[k + 1].empty() || words == 0)) break;
    }
    return k;
}

} // namespace

bool knownVerb(const std::string& word) { return verbs().count(word) || verbs().count(singularOf(word)); }

//-----------------------------------------------------------------------------
// [SECTION] requestEntities
//-----------------------------------------------------------------------------

std::string requestSubject(std::string_view request) {
    const std::vector<std::string> t = tokensWithBoundaries(request);
    for (const Phrase& p : phrasesOf(t)) {
        if (appNouns().count(p.head) && !containerNouns().count(p.head)) continue;
        std::vector<std::string> words;
        for (size_t k = p.begin; k < p.end; ++k)
            if (!qualifiers().count(t[k])) words.push_back(t[k]);
        while (words.size() > 1 && containerNouns().count(singularOf(words.back()))) words.pop_back();
        if (words.empty()) continue;
        if (words.size() > 3) words.erase(words.begin(), words.end() - 3);
        // As the request writes them: "EV" stays upper case, other words are title-cased.
        std::string name;
        for (const std::string& w : words) {
            std::string shown = titleCased(w);
            for (size_t at = 0; (at = request.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ", at)) != std::string_view::npos; ++at)
                if (at + w.size() <= request.size() && lowerWord(request.substr(at, w.size())) == w &&
                    std::all_of(request.begin() + at, request.begin() + at + w.size(), [](char c) { return !std::islower(static_cast<unsigned char>(c)); })) {
                    shown = std::string(request.substr(at, w.size()));
                    break;
                }
            name += (name.empty() ? "" : " ") + shown;
        }
        return name;
    }
    return "";
}

std::vector<RequestEntity> requestEntities(std::string_view request) {
    const std::vector<std::string> t = tokensWithBoundaries(request);
    std::map<std::string, RequestEntity> found;   // by phrase
    std::vector<std::string> order;                // first appearance
    static const std::set<std::string> listWords = wordSet("with including showing containing having has have");
    static const std::set<std::string> eachWords = wordSet("each every per");
    size_t listedFrom = 0, listedTo = 0;  // tokens of the list after "a beekeeping log with ...": what that app manages
    for (Phrase p : phrasesOf(t)) {
        // An activity ("beekeeping") or the app itself ("log") names the app; what its "with" list names is managed.
        if ((gerund(p.head) && !p.plural) || containerNouns().count(p.head) || p.named) {
            if (p.end < t.size() && (listWords.count(t[p.end]) || t[p.end] == "for")) {
                listedFrom = p.end + 1;
                listedTo = listEnd(t, listedFrom);
            }
            if (gerund(p.head) && !p.plural) continue;  // "hearings" are things
        }
        // "data" is not a thing the app manages, "pantry items" are.
        if ((appNouns().count(p.head) && !containerNouns().count(p.head) && p.modifier.empty()) || p.head.size() < 3) continue;
        const std::string phrase = p.modifier.empty() ? p.head : p.modifier + " " + p.head;
        RequestEntity& e = found[phrase];
        if (e.head.empty()) {
            e.head = p.head;
            e.phrase = phrase;
            e.words = p.words;
            order.push_back(phrase);
        }
        e.score += 2 + (p.plural ? 1 : 0) + (p.begin >= listedFrom && p.begin < listedTo ? 3 : 0) + (p.named ? 3 : 0);
        // What comes before the phrase, skipping determiners and numbers: a verb acting on it, or "each".
        size_t k = p.begin;
        while (k > 0 && (determiners().count(t[k - 1]) || isNumber(t[k - 1]) || t[k - 1] == "of" || qualifiers().count(t[k - 1]))) {
            if (eachWords.count(t[k - 1])) e.score += 3;
            --k;
        }
        if (k > 0 && (verbs().count(t[k - 1]) || verbs().count(singularOf(t[k - 1])))) e.score += 4;
        if (k > 0 && t[k - 1] == "as") e.score -= 4;  // "As a volunteer, I want ...": the actor, not what is managed
        // "X with A, B and C": attributes of X.
        if (p.end < t.size() && listWords.count(t[p.end])) {
            const size_t stop = listEnd(t, p.end + 1);
            for (IdeaField& f : fieldsFrom(t, p.end + 1, stop)) {
                if (std::none_of(e.attributes.begin(), e.attributes.end(), [&](const IdeaField& g) { return g.name == f.name; }))
                    e.attributes.push_back(std::move(f));
            }
            if (stop > p.end + 1) e.score += 3;
        }
        // The app itself ("a calculator", a 'Card') is what it manages only when the request names nothing else.
        if (containerNouns().count(p.head) && p.modifier.empty()) e.score = std::min(e.score, 1);
    }
    std::vector<RequestEntity> out;
    for (const std::string& phrase : order) out.push_back(found[phrase]);
    // Best first; the first mentioned wins a tie (requests usually name their subject early).
    std::stable_sort(out.begin(), out.end(), [](const RequestEntity& a, const RequestEntity& b) { return a.score > b.score; });
    return out;
}

bool isFunctionWord(const std::string& word) { return functionWords().count(word) > 0; }

} // namespace pt::draft
