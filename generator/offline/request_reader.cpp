// Promptotype — reading what a request manages from its own words: the head nouns of its noun phrases, ranked
// by how the request uses them (the object of "log", "track", "approve"...; "for each X"; "X with A, B and C"),
// with the attributes the request lists for them. No part-of-speech tagger: function words, verbs, adjectives
// and app vocabulary are closed lists, and whatever is left between them is a noun phrase whose last word is its
// head. The domain lexicon is consulted afterwards, and only for nouns found here (see readIdea).
//
// [SECTION] Word classes
// [SECTION] Noun phrases
// [SECTION] Attributes
// [SECTION] Value lists
// [SECTION] Actors
// [SECTION] requestEntities

#include "generator/offline/draft_patterns.h"
#include "runtime/spec/css_colors.h"
#include <algorithm>
#include <cctype>
#include <cstdint>
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

// The possessive "'s" as a token of its own: it ends the owner's phrase and, like "the", opens the next one
// ("each candidate's stage", "this month's rent").
constexpr const char* kOwns = "'s";

// Appends a word as written to a label or value, the possessive without a space ("Manager's review").
void appendWord(std::string& to, const std::string& word) { to += (to.empty() || word == kOwns ? "" : " ") + word; }

// Words that end a noun phrase and never start one.
const std::set<std::string>& functionWords() {
    static const std::set<std::string> s = wordSet(
        "a an the this that these those my our your their his her its each every all any some no of for to in on at by plus "
        "with from into onto over under about as and or but than per via within without across after before during "
        "between through near is are be been being was were am it they we you i he she them us me who what which when "
        "where why how so if then because while until also only just not can will should would could must may might do "
        "does did has have had there here both either neither such own same very too more most less least many much few "
        "several one two three four five six seven eight nine ten up down out off again right now today tonight "
        "tomorrow yesterday please e g eg etc vs back below along whether forward away around ahead instead together else ever "
        "even yet once twice maybe perhaps already hundred hundreds thousand thousands dozen dozens half whose whom "
        "side underground aside anything everything nothing something anyone everyone others otherwise against beyond toward towards 's "
        "myself yourself himself herself itself ourselves yourselves themselves yes");
    return s;
}

// Counts written as words ("three roofing quotes", "share one workspace", "both players").
const std::set<std::string>& countWords() {
    static const std::set<std::string> s = wordSet("one two three four five six seven eight nine ten several few many both");
    return s;
}

const std::set<std::string>& determiners() {
    static const std::set<std::string> s = wordSet("a an the this that these those my our your their his her its each every all any some no 's");
    return s;
}

// The first token from `k` on that is no determiner ("to a cart" -> "cart"); t.size() when none is.
size_t pastDeterminers(const std::vector<std::string>& t, size_t k) {
    while (k < t.size() && determiners().count(t[k])) ++k;
    return k;
}

// Where the determiners right before token `k` begin ("book a spot": from "spot" back to "a").
size_t beforeDeterminers(const std::vector<std::string>& t, size_t k) {
    while (k > 0 && determiners().count(t[k - 1])) --k;
    return k;
}

// Verbs people use in requests; a phrase never includes them (the base form, as singularOf leaves it).
const std::set<std::string>& verbs() {
    static const std::set<std::string> s = wordSet(
        "log track record post add create book schedule manage list approve reject review submit report assign rate nudge ping flip handle "
        "compare export share inspect register see view browse find search mark check vote reply comment answer bid "
        "follow edit sort filter pick choose select enter type write read run go stop start pause play set let allow "
        "help want need like know show display keep get give make take send receive plan organize organise collect "
        "count upload attach sign join leave cancel confirm complete finish close open save delete remove update change "
        "move buy sell pay order request claim adopt flag tag note tap click swipe drag drop print scan call email text message "
        "invite notify remind alert warn suggest summarize summarise draft generate classify predict estimate calculate "
        "convert measure weigh test grade score rank print is stay stays go goes come comes use used uses using look "
        "needs wants shows lists tracks logs keeps sees gets lets helps allows says tell tells ask asks answer answers "
        "stops starts drive drives hold holds turn turns put puts bring brings try tries spend spends earn earns win "
        "wins lose loses rent rents hire hires feed feeds water waters clean cleans fix fixes repair repairs visit "
        "visits walk walks ship ships deliver delivers sort sorts store stores arrive arrives expire expires happen "
        "happens require requires include includes contain contains cover covers support supports work works "
        "accept decline deny meet fit explain propose tidy touch appear hit dismiss escalate triage match plow top lay "
        "drop hand pass fail approve publish unpublish archive reorder rename resize zoom scale borrow borrows lend lends "
        "return returns implement implements build builds design designs reschedule reschedules release releases host "
        "hosts reserve reserves swap swaps suspend suspends delay delays postpone postpones renew renews rebook showing upvote downvote react respond "
        "offer offers withdraw withdraws apply applies place "
        "displaying featuring fill fills split splits owe owes discuss discusses increase increases decrease decreases "
        "advance advances bookmark adjust restock mute unblock unlike pin unpin star subscribe unsubscribe enroll enrol "
        "duplicate clone refund dispatch transfer deposit settle rsvp retake memorize memorise shuffle collapse "
        "expand annotate crop rotate customize customise configure personalize personalise attend purchase "
        "donate redeem verify validate compose snooze translate listen study practice practise import "
        "copy block tip monitor stream mention repost unfollow leaves");
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
        "hard ready done left remaining missing still already always never often usually mostly currently right wrong "
        "newest latest oldest earliest highest lowest nearest biggest smallest cheapest minimal minimalist sleek elegant "
        "playful compliant safe informed organised organized sick warm cool soft pale deep vivid muted pastel neutral front");
    return s;
}

// Nouns about the app, the screen or time rather than about what the app manages.
const std::set<std::string>& appNouns() {
    static const std::set<std::string> s = wordSet(
        "app application tool system platform site website portal page screen view prototype interface way feature "
        "list table chart graph button form tab section card overview summary tracker manager planner dashboard hub "
        "log logbook journal diary board widget panel sidebar navigation nav navbar toolbar menu header footer field input dropdown toggle switch "
        "today week day month quarter season year hour minute second time date morning afternoon evening night weekend moment period "
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
        "hearing screening tasting serving outing gathering sitting casting mooring clipping sapling dumpling");
    return s;
}

// Words about how the app looks or is laid out (request_style.cpp reads what they ask for): never an entity or an
// attribute, whatever noun stands before them ("warm cream background", "an order button", "a one-pager"). Cards
// and tabs are things too ("gift cards", "a bar tab"): alone they are app words (appNouns).
bool lookWord(const std::string& w) {
    static const std::set<std::string> s = wordSet(
        "page screen single-screen one-pager onepager pager background header footer button sidebar layout theme mode font "
        "typeface palette accent banner border corner shadow style colour color scheme dark compact dense spacious airy minimalist");
    return s.count(w) > 0;
}

// "an internal IT helpdesk": an adjective left as a phrase's head when the noun after it reads as a pronoun ("it")
// names nothing. (As a modifier it stays: "external auditors".)
bool loneAdjective(const std::string& head) {
    static const std::set<std::string> s = wordSet("internal external");
    return s.count(head) > 0;
}

// A look word, or a colour as written ("red", "navy"; "oranges" are fruit): the last word of a phrase about looks.
bool looksOnly(const std::string& written) {
    // "vinyl banners", "review themes", "tattoo styles": in the plural these are things a request handles.
    static const std::set<std::string> things = wordSet("banners themes styles");
    return (lookWord(singularOf(written)) && !things.count(written)) || colourName(written);
}

// People by their role: who uses an app ("for clerks") or whom it manages ("a roster of players").
bool personRole(const std::string& singular) {
    static const std::set<std::string> s = wordSet(
        "person people customer client patient member student pupil volunteer player guest tenant driver worker employee "
        "candidate rider runner coach teacher nurse doctor parent kid child owner resident visitor attendee participant "
        "applicant friend athlete artist vendor seller buyer host speaker author reporter editor tutor mentor coordinator "
        "technician inspector agent user staff sitter caregiver donor sponsor subscriber fan homeowner landlord teammate "
        "recruit intern contractor freelancer pilot captain officer ranger guide instructor trainer therapist dentist "
        "barber stylist chef cook waiter cleaner caseworker family scout camper traveller traveler passenger clerk "
        "lawyer attorney solicitor paralegal bailiff manager supervisor admin administrator receptionist director hire newcomer beginner learner collector "
        "gardener beekeeper farmer dispatcher surgeon vet pharmacist librarian cashier courier operator engineer "
        "developer designer analyst accountant auditor reviewer approver finance hr skipper sailor crew singer musician "
        "dancer referee umpire judge planner organizer organiser moderator team couple household colleague coworker peer neighbour "
        "neighbor classmate");
    return s.count(singular) > 0;
}

// A role word by its form ("dispatcher", "collector", "florist", "trainee", "librarian"): a person only where the
// sentence also makes it one (it does something, "for X to ...", "as a X").
bool agentNoun(const std::string& singular) {
    if (personRole(singular)) return true;
    // "waitlist", "checklist", "playlist" are lists, not people.
    if (singular.size() >= 4 && singular.compare(singular.size() - 4, 4, "list") == 0) return false;
    for (const char* tail : {"er", "or", "ist", "ee", "ian"})
        if (singular.size() > std::char_traits<char>::length(tail) + 3 &&
            singular.compare(singular.size() - std::char_traits<char>::length(tail), std::string::npos, tail) == 0)
            return true;
    return false;
}

std::string lowerWord(std::string_view w) {
    std::string out(w);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The request's words as written and its punctuation marks (",", ".", ":", "\n", ...), in order: value lists keep
// their case ("Script, Casting") and tell a comma from a full stop.
std::vector<std::string> wordsAndMarks(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        while (!cur.empty() && (cur.back() == '-' || cur.back() == '\'')) cur.pop_back();
        bool owns = false;
        if (cur.size() > 2 && (cur.compare(cur.size() - 2, 2, "'s") == 0 || cur.compare(cur.size() - 2, 2, "'S") == 0)) {
            cur.resize(cur.size() - 2);
            // "it's", "let's", "today's": a contraction or a time, not an owner.
            const std::string owner = lowerWord(cur);
            owns = !functionWords().count(owner) && owner != "let";
        }
        if (!cur.empty()) out.push_back(cur);
        if (owns) out.push_back(kOwns);
        cur.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
        if (letter || ((c == '-' || c == '\'') && !cur.empty())) { cur += c; continue; }
        flush();
        if (c != ' ' && c != '\t') out.push_back(std::string(1, c));  // , . ; : ( ) \n " and friends end a phrase
    }
    flush();
    return out;
}

bool isMark(const std::string& token) { return token.size() == 1 && !std::isalnum(static_cast<unsigned char>(token[0])); }

// A word of the request in order, lower case, or a boundary (punctuation, line break, bullet): "" marks a boundary.
std::vector<std::string> tokensWithBoundaries(std::string_view text) {
    std::vector<std::string> out = wordsAndMarks(text);
    for (std::string& token : out) token = isMark(token) ? std::string() : lowerWord(token);
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
    // Four letters are enough for "owed", "used", "aged"; "bed" and "red" are shorter.
    const bool ed = w.size() >= 4 && w.compare(w.size() - 2, 2, "ed") == 0;
    return (ed && !nouns.count(w)) || irregular.count(w) > 0;
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
        "delivery donation repair ride trip run race ticket alert reminder sign photo cost design draft count host release "
        "build swap delay start finish mark show place bookmark duplicate refund dispatch crop purchase study practice rsvp "
        "import copy block tip monitor stream mention pin star");
    return s;
}

const std::set<std::string>& containerNouns();

// Could the word at `i` stand in a noun phrase? An ambiguous verb/noun is a noun after a determiner, a number, a
// qualifier or another noun, and a verb at the start of a clause or after "to", "and" or a pronoun.
bool nominal(const std::vector<std::string>& t, size_t i) {
    const std::string& w = t[i];
    if (w.size() < 2 || isNumber(w) || w.find('\'') != std::string::npos || functionWords().count(w) || participle(w)) return false;
    // "teleport the defendant": a word that opens a clause and is followed by a determiner is a verb, known or not.
    static const std::set<std::string> openers = wordSet("and to then that which who also please");
    const bool opensClause = i == 0 || t[i - 1].empty() || openers.count(t[i - 1]);
    if (opensClause && i + 1 < t.size() && determiners().count(t[i + 1]) && t[i + 1] != "no") return false;
    // "attendees can bookmark sessions", "members can also upvote": after a modal the word is what is done, known or
    // not (a modal after an article is a thing: "a will").
    static const std::set<std::string> modals = wordSet("can could will should must may might");
    size_t m = i;
    while (m > 0 && (t[m - 1] == "also" || t[m - 1] == "then" || t[m - 1] == "easily" || t[m - 1] == "quickly")) --m;
    if (m > 0 && modals.count(t[m - 1]) && (m < 2 || !determiners().count(t[m - 2]))) return false;
    // "an app listing houseplants", "a page showing the courses": an -ing word after an app word opens a clause.
    if (endsWith(w, "ing") && i > 0 && containerNouns().count(singularOf(t[i - 1])) && i + 1 < t.size() && !t[i + 1].empty() &&
        !containerNouns().count(singularOf(t[i + 1])) && (determiners().count(t[i + 1]) || singularOf(t[i + 1]) != t[i + 1]))
        return false;
    // "when each reopens": "each" takes a singular noun, so a word in the plural form after it is what each does.
    if (i > 0 && (t[i - 1] == "each" || t[i - 1] == "every") && singularOf(w) != w &&
        (knownVerb(w) || i + 1 >= t.size() || t[i + 1].empty() || isNumber(t[i + 1]) || determiners().count(t[i + 1])))
        return false;
    // "record each find", "the catch": after an article or "each", even a verb is a thing.
    // So after a day that owned it: "today's trip" reached here as "today trip" (the time owns no row, see wordsAndMarks).
    static const std::set<std::string> articles = wordSet("a an the each every its their our my your his her today tonight tomorrow yesterday");
    if (i > 0 && articles.count(t[i - 1]) && (knownVerb(w) || verbNouns().count(w) || verbNouns().count(singularOf(w)))) return true;
    if (verbNouns().count(w) || verbNouns().count(singularOf(w))) {
        const bool plural = singularOf(w) != w;
        const std::string next = i + 1 < t.size() ? t[i + 1] : "";
        // "Races by class", "Tickets:": a plural opening a clause before a preposition or a stop is a heading noun.
        // "Release dashboard", "Order tracker": before an app word it names what the app is about ("move cards" acts).
        // "Book club app", "Repair shop tracker": a title naming its app after two nouns.
        const bool titled = i + 2 < t.size() && !next.empty() && !functionWords().count(next) && containerNouns().count(singularOf(t[i + 2]));
        if (i == 0 || t[i - 1].empty())
            return (plural && (next.empty() || (functionWords().count(next) && !determiners().count(next)))) || (containerNouns().count(next) > 0) || titled;
        // "for race officers", "a list of orders", "list records": after a preposition or a verb it is the object.
        const bool ownedBefore = i >= 2 && determiners().count(t[i - 2]);  // "the host shows": a noun, not "list records"
        // "sessions by track": after "by" it is what rows are filed under; "a page with show notes": after "with", what it has.
        if (t[i - 1] == "for" || t[i - 1] == "of" || t[i - 1] == "by" || t[i - 1] == "with" || (plural && knownVerb(t[i - 1]) && !ownedBefore)) return true;
        // "the registrar tracks artworks": a plural form between two nouns is the verb (plural nouns rarely modify).
        // "clients book walks": a word that is a noun as often as a verb may be the object.
        const bool nounFollows = i + 1 < t.size() && !t[i + 1].empty() && !functionWords().count(t[i + 1]) &&
                                 (!verbs().count(t[i + 1]) || verbNouns().count(singularOf(t[i + 1])));
        if (singularOf(w) != w && nounFollows && !determiners().count(t[i - 1]) && !functionWords().count(t[i - 1])) return false;
        // "the host shows each question", "the coach marks the attendance", "the host marks them": so before what
        // it acts on.
        const bool nounBefore = !functionWords().count(t[i - 1]) && (!knownVerb(t[i - 1]) || (i >= 2 && determiners().count(t[i - 2])));
        static const std::set<std::string> objectPronouns = wordSet("them it him her us everyone everything");
        const bool objectNext = i + 1 < t.size() && (determiners().count(t[i + 1]) || objectPronouns.count(t[i + 1]));
        if (singularOf(w) != w && objectNext && nounBefore && singularOf(t[i - 1]) == t[i - 1])
            return false;
        const std::string& before = t[i - 1];
        // "an app that lists slopes", "a board which tracks jobs": after a relative pronoun the -s form is the verb.
        static const std::set<std::string> relatives = wordSet("that which who");
        if (relatives.count(before) && singularOf(w) != w && (nounFollows || (i + 1 < t.size() && determiners().count(t[i + 1])))) return false;
        // "which books have been returned": asked about, the plural is the thing.
        if ((before == "which" || before == "what") && plural) return true;
        // "nurses swap shifts", "clerks book a room": the base form after people in the plural is what they do.
        const bool objectFollows = nounFollows || (i + 1 < t.size() && (determiners().count(t[i + 1]) || countWords().count(t[i + 1])));
        // So after any plural that opens its clause ("Businesses schedule pickups"), but not one that names a kind
        // of thing ("our sales report lists").
        static const std::set<std::string> kinds = wordSet("sales operations sports news goods arms savings earnings communications logistics");
        const bool opensClause = i == 1 || t[i - 2].empty() || determiners().count(t[i - 2]);
        const bool subject = agentNoun(singularOf(before)) || (opensClause && !kinds.count(before));
        if (singularOf(w) == w && singularOf(before) != before && subject && objectFollows) return false;
        // "lets staff search tickets", "the crew logs hours": so after a group of people named in the singular.
        static const std::set<std::string> groups = wordSet("staff crew team personnel faculty");
        if (groups.count(before) && (objectFollows || next == "up" || next == "in" || next == "out")) return false;
        // "volunteers sign up for a shift", "guests check in": so before its particle.
        if (singularOf(w) == w && singularOf(before) != before && subject && (next == "up" || next == "in" || next == "out")) return false;
        // "colleagues comment and upvote", "others reply to each question": what people do to what others posted.
        static const std::set<std::string> responses = wordSet("comment reply respond answer vote upvote downvote react discuss bid");
        static const std::set<std::string> after = wordSet("on to and or about with them it each every once twice again for");
        if (responses.count(w) && singularOf(before) != before && subject && (next.empty() || after.count(next))) return false;
        // "a couple and their planner share one workspace": before an object, the base form after a person is the verb.
        if (singularOf(w) == w && personRole(before) && i + 1 < t.size() && (determiners().count(t[i + 1]) || countWords().count(t[i + 1]))) return false;
        // "manuscripts move through review": the base form after any plural, before where it goes, is what they do.
        static const std::set<std::string> where = wordSet("through into to from between across");
        if (singularOf(w) == w && singularOf(before) != before && !functionWords().count(before) && where.count(next)) return false;
        // "recent support tickets": a noun before it, even one that can be a verb, makes it part of the phrase.
        return determiners().count(before) || isNumber(before) || qualifiers().count(before) ||
               (!functionWords().count(before) && !verbs().count(before) && !verbs().count(singularOf(before))) ||
               ((verbNouns().count(before) || verbNouns().count(singularOf(before))) && nominal(t, i - 1));
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
        "catalog catalogue inventory roster registry kanban monitor queue helpdesk blog forum wiki shelf fleet scheduler organizer organiser");
    return s;
}

// The short form of a unit a value is given in ("depth in metres" -> "m"), or "" for no unit.
std::string unitAbbreviation(const std::string& w) {
    static const std::map<std::string, std::string> units = {
        {"metres", "m"}, {"meters", "m"}, {"metre", "m"}, {"meter", "m"}, {"m", "m"}, {"centimetres", "cm"}, {"centimeters", "cm"}, {"cm", "cm"},
        {"millimetres", "mm"}, {"millimeters", "mm"}, {"mm", "mm"}, {"kilometres", "km"}, {"kilometers", "km"}, {"km", "km"}, {"miles", "mi"},
        {"feet", "ft"}, {"foot", "ft"}, {"inches", "in"}, {"yards", "yd"}, {"seconds", "s"}, {"minutes", "min"}, {"mins", "min"}, {"hours", "h"},
        {"days", "days"}, {"weeks", "weeks"}, {"months", "months"}, {"years", "years"}, {"grams", "g"}, {"g", "g"}, {"kilograms", "kg"},
        {"kilos", "kg"}, {"kg", "kg"}, {"tonnes", "t"}, {"pounds", "lb"}, {"lbs", "lb"}, {"ounces", "oz"}, {"litres", "L"}, {"liters", "L"},
        {"millilitres", "ml"}, {"milliliters", "ml"}, {"ml", "ml"}, {"gallons", "gal"}, {"degrees", "°"}, {"celsius", "°C"}, {"fahrenheit", "°F"},
        {"percent", "%"}, {"watts", "W"}, {"kilowatts", "kW"}, {"kwh", "kWh"}, {"volts", "V"}, {"knots", "kn"}, {"calories", "kcal"},
        {"euros", "€"}, {"dollars", "$"}, {"usd", "$"}, {"eur", "€"}, {"gbp", "£"}};
    const auto it = units.find(w);
    return it == units.end() ? "" : it->second;
}

// A maximal run of nominal words: qualifiers first, then nouns; the last noun is the head.
struct Phrase {
    size_t begin = 0, end = 0;       // token range [begin, end)
    std::string head;                // singular
    std::string modifier;            // the noun before the head, if any ("pest" in "pest sightings")
    bool named = false;              // written before an app word: what the app is about ("recipe" in "a recipe app")
    std::vector<std::string> words;  // every word of the phrase, singular
    bool plural = false;
    std::string key() const { return modifier.empty() ? head : modifier + " " + head; }  // what the things it names are filed under
};

std::vector<Phrase> phrasesOf(const std::vector<std::string>& t) {
    std::vector<Phrase> out;
    for (size_t i = 0; i < t.size();) {
        // "in metres", "5 stars": a unit a value is given in is no thing.
        const bool unit = i > 0 && (t[i - 1] == "in" || isNumber(t[i - 1])) && (!unitAbbreviation(t[i]).empty() || t[i] == "stars") && (i + 1 >= t.size() || !nominal(t, i + 1));
        if (!nominal(t, i) || unit) { ++i; continue; }
        size_t j = i;
        while (j < t.size() && nominal(t, j)) ++j;
        // A leading gerund is the activity done to the rest ("sorting donations"); trailing qualifiers and gerunds
        // belong to the next clause ("benches need watering").
        // After a determiner the gerund names a kind of the thing ("every polling place", "the waiting list").
        const bool kind = i > 0 && (determiners().count(t[i - 1]) || isNumber(t[i - 1]) || countWords().count(t[i - 1]) || t[i - 1] == "per");
        if (gerund(t[i]) && j - i > 1 && !containerNouns().count(singularOf(t[i + 1])) && !kind) ++i;
        size_t end = j;
        while (end > i && (qualifiers().count(t[end - 1]) || gerund(t[end - 1]))) --end;
        Phrase p;
        for (size_t k = i; k < end; ++k) p.words.push_back(singularOf(t[k]));
        // The subject comes before container words; a phrase of only those keeps its last ("a calculator").
        size_t head = end;
        // "submit an adoption application", "fill in a claim form": a document a verb handles is the thing itself.
        static const std::set<std::string> documents = wordSet("application form");
        const size_t before = beforeDeterminers(t, i);
        const bool handledDocument = end > i && documents.count(singularOf(t[end - 1])) && before > 0 && knownVerb(t[before - 1]);
        while (!handledDocument && head > i + 1 && containerNouns().count(singularOf(t[head - 1]))) --head;
        // "the home screen", "the main page": the name of a screen, no thing the app manages.
        static const std::set<std::string> screenNames = wordSet("home main start landing welcome front opening first");
        static const std::set<std::string> places = wordSet("screen page view tab");
        const bool screenName = head < end && screenNames.count(t[head - 1]) && places.count(singularOf(t[head]));
        // "contact information", "order history": the thing is the noun the app word describes.
        static const std::set<std::string> aboutNouns = wordSet("information info detail data history status summary overview");
        if (head > i + 1 && aboutNouns.count(singularOf(t[head - 1])) && !appNouns().count(singularOf(t[head - 2]))) --head;
        while (head > i + 1 && (qualifiers().count(t[head - 1]) || gerund(t[head - 1]))) --head;
        // "a simple blog", "a basic calculator layout": with only qualifiers before it, the first app word is the head.
        if (head < end && std::all_of(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(head), [](const std::string& w) { return qualifiers().count(w) > 0; }))
            head = static_cast<size_t>(std::find_if(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(end), [](const std::string& w) { return !qualifiers().count(w); }) - t.begin()) + 1;
        // "a pie chart", "a bar graph": the kind of chart, no subject.
        static const std::set<std::string> chartKinds = wordSet("pie bar line donut doughnut area scatter column");
        const bool chartKind = head < end && head == i + 1 && chartKinds.count(t[i]) && (singularOf(t[end - 1]) == "chart" || singularOf(t[end - 1]) == "graph");
        if (head > i && !looksOnly(t[head - 1]) && !chartKind && !screenName) {
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

// App words that are also a value of every row ("with amount and time", "start time", "case number"): attributes
// where the request lists them, while "with a chart" is none.
bool valueNoun(const std::string& w) {
    static const std::set<std::string> s = wordSet("time date day status amount total count number name level progress value rate percentage sum average type kind");
    return s.count(w) > 0;
}

// Units a value is counted in: plural in a label ("Overtime hours"), and no things of their own.
bool unitWord(const std::string& w) {
    static const std::set<std::string> s = wordSet("hours minutes seconds days weeks months years miles points calories steps reps kilometres kilometers");
    return s.count(w) > 0;
}

// "sow date and expected transplant date" -> the fields those phrases name, kinds guessed from their words.
// A measure in the plural that a list of lone words before it shares ("fuel and water levels").
bool sharedMeasure(const std::string& word) {
    static const std::set<std::string> s = wordSet("levels times dates counts rates scores");
    return s.count(word) > 0;
}

// The grades of a scale whose values are the same whatever is graded ("condition" -> Excellent, Good, Fair, Worn);
// empty for a word that is no such scale ("category": its values belong to the domain).
std::vector<std::string> scaleGrades(const std::string& word) {
    static const std::map<std::string, std::vector<std::string>> scales = {
        {"priority", {"Low", "Medium", "High"}}, {"urgency", {"Low", "Medium", "High"}}, {"severity", {"Low", "Medium", "High", "Critical"}},
        {"risk", {"Low", "Medium", "High"}}, {"impact", {"Low", "Medium", "High"}}, {"effort", {"Low", "Medium", "High"}},
        {"energy", {"Low", "Medium", "High"}}, {"intensity", {"Low", "Medium", "High"}}, {"confidence", {"Low", "Medium", "High"}},
        {"availability", {"Available", "Unavailable"}}, {"condition", {"Excellent", "Good", "Fair", "Worn"}},
        {"health", {"Healthy", "Fair", "Poor"}}, {"quality", {"High", "Good", "Fair", "Poor"}},
        {"temperament", {"Calm", "Gentle", "Nervous", "Defensive"}}, {"mood", {"Great", "Good", "Okay", "Low"}},
        {"difficulty", {"Easy", "Medium", "Hard"}}, {"skill", {"Beginner", "Intermediate", "Advanced"}},
        {"experience", {"Beginner", "Intermediate", "Advanced"}}, {"frequency", {"Daily", "Weekly", "Monthly"}},
        {"weather", {"Sunny", "Cloudy", "Rain", "Windy"}}, {"season", {"Spring", "Summer", "Autumn", "Winter"}},
        {"visibility", {"Public", "Private"}}, {"privacy", {"Public", "Private"}}, {"format", {"In person", "Online", "Hybrid"}},
        {"sentiment", {"Positive", "Neutral", "Negative"}},
        {"weekday", {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}}, {"day", {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}}};
    const auto it = scales.find(word);
    return it == scales.end() ? std::vector<std::string>{} : it->second;
}

// The values a list names, one per item ("tile count, moss sighting and repair dates"). With `pluralCounts`, the list is
// of values only, so a plural that names no other kind says how many ("honey frames": a number "Honey frames").
std::vector<IdeaField> fieldsFrom(const std::vector<std::string>& t, size_t from, size_t to, bool pluralCounts = false) {
    std::vector<IdeaField> out;
    std::vector<std::string> part;
    auto flush = [&] {
        // "whether they seem related to the drug": a question whetherField reads as a yes/no, no value of its own.
        if (!part.empty() && part.front() == "whether") part.clear();
        while (!part.empty() && (functionWords().count(part.front()) || isNumber(part.front()))) {
            // "a front and a back": after an article even a function word is the thing named.
            const bool named = part.size() == 2 && (part[0] == "a" || part[0] == "an" || part[0] == "the");
            part.erase(part.begin());
            if (named) break;
        }
        // "boat length in metres": a number in that unit, which the label shows ("Boat length (m)").
        std::string unit;
        if (part.size() >= 3 && part[part.size() - 2] == "in" && !(unit = unitAbbreviation(part.back())).empty()) part.resize(part.size() - 2);
        // "a Fragile flag", "a contents list": the last word says how the value is kept, not what it is.
        static const std::map<std::string, std::string> keptAs = {{"flag", "bool"}, {"checkbox", "bool"}, {"toggle", "bool"}, {"list", "longtext"}};
        std::string kept;
        if (part.size() >= 2 && keptAs.count(part.back()) && !functionWords().count(part[part.size() - 2])) {
            kept = keptAs.at(part.back());
            part.pop_back();
        }
        // "a dashboard of shifts", "a chart of loans": a view of the rows, not a value each row holds.
        // "table number", "page count" are values, named by the app word before them; so are app words a row can
        // name ("jobs with title, company and salary").
        static const std::set<std::string> named = wordSet("company business service product team colour color version");
        if (!part.empty() && appNouns().count(part.front()) && !valueNoun(part.front()) && !named.count(part.front()) &&
            !(part.size() == 2 && valueNoun(part.back())))
            part.clear();
        // "photos of the damage" is a "Damage photo"; "number of guests" says what it is as written.
        static const std::set<std::string> counts = wordSet("number count amount total");
        if (const auto of = std::find(part.begin(), part.end(), "of"); of != part.end() && of != part.begin() && !counts.count(part.front())) {
            std::vector<std::string> owner(of + 1, part.end());
            owner.erase(std::remove_if(owner.begin(), owner.end(), [](const std::string& w) { return determiners().count(w) > 0; }), owner.end());
            owner.insert(owner.end(), part.begin(), of);
            part = std::move(owner);
        }
        // "and discuss each chapter": what people do to it, not what it holds.
        static const std::set<std::string> doneOnly = wordSet("discuss respond upvote downvote react");
        if (part.size() == 1 && doneOnly.count(part[0])) part.clear();
        // "an order button", "mint green header": how the page looks, not what a row holds.
        if (!part.empty() && looksOnly(part.back())) part.clear();
        // "bikes available", "free docks", "spots left": how many of a thing are in a state is a count, kept plural.
        static const std::set<std::string> states = wordSet("available free left remaining open empty spare vacant occupied booked sold taken");
        const auto plural = [](const std::string& w) { return singularOf(w) != w && !unitWord(w); };
        const bool howMany = pluralCounts && !part.empty() && plural(part.back()) && !appNouns().count(singularOf(part.back())) &&
                             fieldKindFor(singularOf(part.back()), "") == "text";
        const bool counted = howMany || (part.size() >= 2 && std::any_of(part.begin(), part.end(), [](const std::string& w) { return states.count(w) > 0; }) &&
                                         std::any_of(part.begin(), part.end(), [&](const std::string& w) { return !states.count(w) && plural(w); }));
        const bool countOf = part.size() >= 3 && part[1] == "of" && counts.count(part[0]);  // "Number of spots" stays plural
        // "number of frames of brood": what is counted is named as one ("Number of brood frames").
        if (const auto of = std::find(part.begin() + 2, part.end(), "of"); countOf && of != part.end() && of + 1 != part.end()) {
            std::vector<std::string> whole = {part[0], "of"};
            std::copy_if(of + 1, part.end(), std::back_inserter(whole), [](const std::string& w) { return !determiners().count(w); });
            whole.insert(whole.end(), part.begin() + 2, of);
            part = std::move(whole);
        }
        if (!part.empty() && !unitWord(part.back()) && !counted && !countOf) part.back() = singularOf(part.back());  // "due dates" -> "Due date", "Overtime hours"
        // "deposits paid and balances due": the thing before what is said of it is one too ("Deposit paid").
        // A value, not a list of things: "meds given" stay plural.
        if (part.size() >= 2 && (participle(part.back()) || qualifiers().count(part.back())) && !unitWord(part[part.size() - 2]) &&
            fieldKindFor(singularOf(part[part.size() - 2]), "") != "text")
            part[part.size() - 2] = singularOf(part[part.size() - 2]);
        if (!part.empty() && part.size() <= 4) {
            std::string label;
            // At most three words, but "Number of volunteers needed" says what it counts only whole.
            for (size_t k = part.size() > 3 && !countOf ? part.size() - 3 : 0; k < part.size(); ++k) label += (label.empty() ? "" : " ") + part[k];
            const std::string key = camelKey(label);
            const bool dup = std::any_of(out.begin(), out.end(), [&](const IdeaField& f) { return f.name == key; });
            // "with priority", "condition", "temperament": a scale every app writes the same way, not free text ("Priority A").
            const std::vector<std::string> grades = scaleGrades(part.back());
            if (!key.empty() && !dup && !grades.empty() && fieldKindFor(label, "") == "text") out.push_back({key, capitalized(label), "choice", grades});
            else if (!key.empty() && !dup && !kept.empty()) out.push_back({key, capitalized(label), kept, {}});
            else if (!key.empty() && !dup && !unit.empty()) {
                static const std::set<std::string> currencies = {"€", "$", "£"};
                out.push_back({key, capitalized(label) + " (" + unit + ")", currencies.count(unit) ? "money" : "number", {}});
            } else if (!key.empty() && !dup && (!appNouns().count(label) || valueNoun(label) || named.count(label)))
                out.push_back({key, capitalized(label), counted ? "number" : fieldKindFor(label, ""), {}});
        }
        part.clear();
    };
    std::vector<std::vector<std::string>> parts(1);
    for (size_t k = from; k < to; ++k) {
        if (t[k] == "and" || t[k] == "or" || t[k].empty()) parts.emplace_back();
        else if (t[k] != kOwns) parts.back().push_back(t[k]);  // "the customer's objections" -> "Customer objection"
    }
    // "fuel and water levels", "start and end times": a measure the last one names is every lone word's too.
    const std::vector<std::string>& last = parts.back();
    const bool share = last.size() >= 2 && sharedMeasure(last.back());
    for (std::vector<std::string>& each : parts) {
        part = each;
        if (share && part.size() == 1 && singularOf(part[0]) == part[0] && !functionWords().count(part[0])) part.push_back(last.back());
        flush();
    }
    return out;
}

// Where an attribute list that follows a phrase ends: a boundary other than a comma-like one, or a clause word.
size_t listEnd(const std::vector<std::string>& cased, const std::vector<std::string>& t, size_t from) {
    static const std::set<std::string> stops = wordSet("so that which who where when to because if for in on at by from with while but until than as over during within since after before can could will should must may might is are was were");
    size_t k = from;
    int words = 0;
    // Words, not marks, count towards the limit: a list of ten short items is still one list.
    for (; k < t.size() && words < 20; words += t[k].empty() ? 0 : 1, ++k) {
        const bool field = k + 1 < t.size() && valueNoun(singularOf(t[k + 1]));  // "start time", "repair dates"
        // "with name, email and table number": a word alone between commas (or before the last "and") is an item.
        // Not two verbs joined ("..., increase or decrease quantity").
        const bool verbPair = k + 2 < t.size() && (t[k + 1] == "and" || t[k + 1] == "or") && knownVerb(t[k]) && knownVerb(t[k + 2]) && !nominal(t, k + 2);
        const auto itemEnds = [&](size_t at) { return at >= t.size() || t[at] == "and" || t[at] == "or" || (t[at].empty() && cased[at] == ","); };
        // So are two words there ("..., water temperature and a rating"): a noun the verb's word qualifies.
        const bool pair = k + 1 < t.size() && !t[k + 1].empty() && !functionWords().count(t[k + 1]) && !knownVerb(t[k + 1]) && itemEnds(k + 2);
        const bool item = k > from && t[k - 1].empty() && cased[k - 1] == "," && !verbPair && (itemEnds(k + 1) || pair);
        // "max depth in metres, bottom time in minutes": the unit belongs to the item.
        if (t[k] == "in" && k + 1 < t.size() && !unitAbbreviation(t[k + 1]).empty()) {
            ++k;
            continue;
        }
        // "category (Electronics, Clothing, Other), location": a bracket of values the reader took out (its words are
        // blank) gives the item's choices and the list goes on.
        // So does a status list taken out with its word ("status (Hung, Collected) and weight").
        const auto word = [&](size_t j) { return !cased[j].empty() && std::isalnum(static_cast<unsigned char>(cased[j][0])); };
        // "queen seen (yes/no), brood frames": a short bracket the reader left in is a note on the item before.
        if (cased[k] == "(") {
            size_t close = k + 1;
            while (close < t.size() && close < k + 8 && cased[close] != ")" && cased[close] != "(" && cased[close] != ".") ++close;
            if (close < t.size() && cased[close] == ")" && close + 1 < t.size()) {
                k = close;
                continue;
            }
        }
        if (t[k].empty() && (cased[k] == "(" || word(k))) {
            size_t j = k;
            int depth = 0;
            for (; j < t.size() && j < k + 24 && t[j].empty(); ++j) {
                if (cased[j] == "(") ++depth;
                else if (cased[j] == ")" && --depth < 0) break;
                else if (depth == 0 && cased[j] != ")" && !word(j)) break;
            }
            if (depth == 0 && j > k + 1 && j < t.size()) {
                k = j - 1;
                continue;
            }
        }
        if (stops.count(t[k]) || (verbs().count(t[k]) && !nominal(t, k) && !field && !item) || isNumber(t[k])) {
            // "with photo, location and date, and owners can claim them": who does the next thing ends the list, and
            // so does what is said of it ("..., and results are shown as a chart").
            static const std::set<std::string> modals = wordSet("can could will should must may might is are was were");
            const bool acts = modals.count(t[k]) || (verbs().count(t[k]) && !stops.count(t[k]));
            const bool subject = k >= from + 2 && (t[k - 2] == "and" || t[k - 2].empty()) && (singularOf(t[k - 1]) != t[k - 1] || personRole(t[k - 1]));
            if (acts && subject) return k - 1;
            break;
        }
        // A sentence ends it: "vendor cards with a produce photo. Bottom tabs: ..."
        const bool sentence = t[k].empty() && cased[k] != "," && cased[k] != "&" && cased[k] != "/";
        if (t[k].empty() && (k + 1 >= t.size() || t[k + 1].empty() || words == 0 || sentence)) break;
    }
    return k;
}

// The attribute list starting at `from` is said to be "for each X" or "per X": X holds the values, not the phrase
// before the list ("a menu with price and photo for each drink").
bool eachAfterList(const std::vector<std::string>& cased, const std::vector<std::string>& t, size_t from) {
    const size_t stop = listEnd(cased, t, from);
    return stop + 1 < t.size() && ((t[stop] == "for" && (t[stop + 1] == "each" || t[stop + 1] == "every")) || t[stop] == "per");
}

// Where a list of attributes that ends at `end` begins ("temperature, salinity and dissolved oxygen" before "per
// tank", "gravity and temperature" after "log"): back over words, commas, "and" and "or" up to a function word,
// a verb, a number or a sentence mark.
size_t listStart(const std::vector<std::string>& cased, const std::vector<std::string>& t, size_t end) {
    size_t k = end;
    for (int words = 0; k > 0 && words < 14; --k, ++words) {
        const std::string& w = t[k - 1];
        if (w == "and" || w == "or" || (w.empty() && cased[k - 1] == ",")) continue;
        // "fuel and water levels at each berth": a verb's form right before the place, or joined to the noun it
        // names ("and water levels"), is in the list.
        const auto join = [&](size_t at) { return t[at] == "and" || t[at] == "or"; };
        // "Coaches mark attendance": a plural opening its clause is who acts, so the word after it is the verb.
        // So is a person after "the": "the director marks singers present".
        const bool subjectBefore = k >= 2 && ((singularOf(t[k - 2]) != t[k - 2] && (k == 2 || t[k - 3].empty())) ||
                                              (personRole(singularOf(t[k - 2])) && k >= 3 && determiners().count(t[k - 3])));
        const bool compound = k >= 2 && k < end && !t[k].empty() && !functionWords().count(t[k]) && !t[k - 2].empty() &&
                              !functionWords().count(t[k - 2]) && !knownVerb(t[k - 2]) && !subjectBefore;
        const bool measured = k < end && sharedMeasure(t[end - 1]) && ((k >= 2 && join(k - 2)) || join(k));
        // "scan to confirm each pick", "staff can check each room": a verb its "to" or modal marks is no value.
        static const std::set<std::string> marks = wordSet("to can could will should must may might");
        // "..., and move each sample", "assign each walk": so is one opening its clause, acting on what follows.
        const bool opening = k == 1 || t[k - 2].empty() || t[k - 2] == "and" || t[k - 2] == "or" || t[k - 2] == "then";
        // "Beekeepers record each inspection": so is one after who acts.
        const bool acting = knownVerb(w) && ((k >= 2 && marks.count(t[k - 2])) ||
                                             (k < t.size() && determiners().count(t[k]) && ((opening && !nominal(t, k - 1)) || subjectBefore)));
        const bool listed = (words == 0 && !acting) || compound || measured;
        if (w.empty() || isNumber(w) || functionWords().count(w) || (knownVerb(w) && !nominal(t, k - 1) && !listed)) break;
    }
    while (k < end && (t[k] == "and" || t[k] == "or" || t[k].empty())) ++k;
    return k;
}

// A measure taken of each row ("attendance rate", "win count"): a number the row holds.
bool rowMeasure(const std::string& head) {
    static const std::set<std::string> s = wordSet("rate count total average percentage score ratio balance progress");
    return s.count(head) > 0;
}

// The last word of a label ("Attendance rate" -> "rate").
std::string lastWordOf(const std::string& label) { return label.substr(label.rfind(' ') + 1); }  // npos + 1 is 0: the whole word

// Where a list of attributes that starts at `from` ends ("log gravity and temperature every day"): the mirror of
// listStart.
size_t measuredListEnd(const std::vector<std::string>& cased, const std::vector<std::string>& t, size_t from) {
    size_t k = from;
    for (int words = 0; k < t.size() && words < 14; ++k, ++words) {
        const std::string& w = t[k];
        if (w == "and" || w == "or" || (w.empty() && cased[k] == ",")) continue;
        if (w.empty() || isNumber(w) || functionWords().count(w) || (knownVerb(w) && !nominal(t, k))) break;
    }
    return k;
}

// Where "in each X" puts its list: before the "in".
const std::set<std::string>& perPlaces() {
    static const std::set<std::string> s = wordSet("in for at on of");
    return s;
}

// The yes/no a "whether" clause asks, from its subject and what is said of it: "whether there is rodent activity"
// -> "Rodent activity", "whether an interpreter is needed" -> "Interpreter needed", "whether they paid" -> "Paid".
// `end` is where the clause's words end; no name when it asks nothing a row could hold.
IdeaField whetherField(const std::vector<std::string>& t, size_t at, size_t& end) {
    // "whether they seem related to the study drug": a linking verb says what the row is, as "is" does.
    static const std::set<std::string> be = wordSet("is are was were has have had seem seems appear appears look looks");
    static const std::set<std::string> pronouns = wordSet("they it he she we you i");
    size_t k = at + 1;
    if (k + 1 < t.size() && t[k] == "there" && be.count(t[k + 1])) k += 2;
    while (k < t.size() && (determiners().count(t[k]) || pronouns.count(t[k]))) ++k;
    std::vector<std::string> words;
    while (k < t.size() && words.size() < 3 && !t[k].empty() && !be.count(t[k]) && !functionWords().count(t[k]) && (nominal(t, k) || words.empty())) words.push_back(t[k++]);
    if (k < t.size() && be.count(t[k])) {
        ++k;
        if (k < t.size() && t[k] == "been") ++k;
        if (k < t.size() && !t[k].empty() && !functionWords().count(t[k]) && !determiners().count(t[k])) words.push_back(t[k++]);
        // "related to the study drug": what it relates to names it fully.
        if (k + 1 < t.size() && (t[k] == "to" || t[k] == "with") && words.size() == 1) {
            size_t n = k + 1;
            while (n < t.size() && determiners().count(t[n])) ++n;
            std::vector<std::string> object;
            while (n < t.size() && object.size() < 2 && !t[n].empty() && nominal(t, n) && !functionWords().count(t[n])) object.push_back(t[n++]);
            if (!object.empty()) {
                words.push_back(t[k]);
                words.insert(words.end(), object.begin(), object.end());
                k = n;
            }
        }
    }
    end = k;
    std::string label;
    for (const std::string& w : words) label += (label.empty() ? "" : " ") + w;
    if (label.empty()) return {};
    return {camelKey(label), capitalized(label), "bool", {}};
}

// A value a condition or a due date names, starting at `at`: "if methane is too high" -> a number "Methane",
// "overdue for their rabies shot" -> a date "Rabies shot", "when each lease ends" -> a date "Lease end".
IdeaField conditionField(const std::vector<std::string>& t, size_t at, size_t& end) {
    static const std::set<std::string> conditions = wordSet("if when whenever once unless");
    static const std::set<std::string> be = wordSet("is are gets get goes go rises rise drops drop falls fall");
    static const std::set<std::string> limits = wordSet("high low above below over under");
    static const std::map<std::string, std::string> ends = {{"ends", "end"}, {"expires", "expiry"}, {"starts", "start"}, {"renews", "renewal"}};
    const auto nounsFrom = [&](size_t k, std::string& label) {
        while (k < t.size() && (determiners().count(t[k]) || t[k] == "each" || t[k] == "every")) ++k;
        for (size_t n = 0; k < t.size() && n < 3 && !t[k].empty() && nominal(t, k) && !be.count(t[k]) && !ends.count(t[k]); ++k, ++n)
            label += (label.empty() ? "" : " ") + t[k];
        end = k;
        return k;
    };
    std::string label;
    // "only goes through if they're certified", "once it is approved": a yes/no the row holds.
    static const std::set<std::string> pronouns = wordSet("they it he she we you i they're we're you're");
    static const std::set<std::string> beForms = wordSet("is are was were be");
    if (conditions.count(t[at]) && at + 2 < t.size() && pronouns.count(t[at + 1])) {
        size_t k = at + 2;
        const bool contracted = t[at + 1].find('\'') != std::string::npos;  // "they're" holds its "are"
        if (!contracted && !beForms.count(t[k++])) return {};
        if (k >= t.size() || !participle(t[k])) return {};
        end = k + 1;
        return {camelKey(t[k]), capitalized(t[k]), "bool", {}};
    }
    if (conditions.count(t[at])) {
        size_t k = nounsFrom(at + 1, label);
        if (label.empty() || k >= t.size()) return {};
        if (const auto end = ends.find(t[k]); end != ends.end() && t[at] == "when")
            return {camelKey(singularOf(label) + " " + end->second), capitalized(singularOf(label) + " " + end->second), "date", {}};
        if (!be.count(t[k])) return {};
        if (++k < t.size() && t[k] == "too") ++k;
        if (k >= t.size() || !limits.count(t[k])) return {};
        return {camelKey(label), capitalized(label), "number", {}};
    }
    if (t[at] == "for" && at > 0 && (t[at - 1] == "overdue" || t[at - 1] == "due")) {
        nounsFrom(at + 1, label);
        if (label.empty()) return {};
        return {camelKey(label), capitalized(label), "date", {}};
    }
    return {};
}

// "how many spots are left in each class": the count each row holds ("Spots left"), read from the tokens before
// `to` (where "in each" starts); the spots are no thing of their own. Unnamed when the words say no such count.
IdeaField countLeft(const std::vector<std::string>& t, size_t to) {
    static const std::set<std::string> be = wordSet("are is");
    static const std::set<std::string> states = wordSet("left remaining available free open taken booked");
    if (to < 3 || !states.count(t[to - 1]) || !be.count(t[to - 2]) || !nominal(t, to - 3) || singularOf(t[to - 3]) == t[to - 3]) return {};
    const std::vector<std::string> said = {t[to - 3], t[to - 1]};
    std::vector<IdeaField> count = fieldsFrom(said, 0, said.size(), true);
    return count.empty() ? IdeaField{} : count.front();
}

// Values a row holds that the request lists without naming the row as a thing: readings a verb takes ("log
// gravity and temperature every day") and lists read "per X" or "in each X". Never rows themselves; plural items
// are things ("log workouts and meals").
struct Readings {
    std::vector<std::pair<size_t, std::vector<IdeaField>>> measured;  // the verb-taken ones, by the verb's token
    std::vector<std::pair<size_t, std::vector<IdeaField>>> forEach;  // "total hours and overtime hours for each": the thing before
    std::vector<std::pair<size_t, size_t>> spans;       // the tokens of every such list
    bool covers(size_t k) const { return std::any_of(spans.begin(), spans.end(), [&](const auto& r) { return k >= r.first && k < r.second; }); }
};

Readings readingsOf(const std::vector<std::string>& cased, const std::vector<std::string>& t) {
    static const std::set<std::string> measuring = wordSet(
        "log logs record records test tests measure measures take takes note notes weigh weighs read reads enter enters "
        "track tracks monitor monitors show shows showing chart charts graph graphs plot plots");
    static const std::set<std::string> eachWords = wordSet("each every per");
    Readings out;
    const auto list = [&](size_t from, size_t to, size_t fewest) {
        // Plural items are things ("log workouts and meals"); in a list of values ("record brood pattern, mite count
        // and honey frames") a plural says how many.
        std::vector<std::string> lasts;  // the last word of each item
        for (size_t k = from; k < to; ++k) {
            if (t[k].empty() || t[k] == "and" || t[k] == "or") continue;
            if (k + 1 == to || t[k + 1].empty() || t[k + 1] == "and" || t[k + 1] == "or") lasts.push_back(t[k]);
        }
        const auto plural = [](const std::string& w) { return !functionWords().count(w) && singularOf(w) != w && !unitWord(w); };
        const bool things = !lasts.empty() && std::all_of(lasts.begin(), lasts.end(), plural);
        std::vector<IdeaField> fields = things ? std::vector<IdeaField>() : fieldsFrom(t, from, to, true);
        if (fields.size() < fewest) return std::vector<IdeaField>();
        out.spans.emplace_back(from, to);
        return fields;
    };
    IdeaField condition;  // the value a condition at the token names, if any
    for (size_t i = 0; i < t.size(); ++i) {
        // "each" closing its clause refers back to the thing named before the list ("the deposit paid for each").
        const bool bare = eachWords.count(t[i]) && i > 0 && (i + 1 >= t.size() || t[i + 1].empty() || (isNumber(t[i + 1]) && (i + 2 >= t.size() || t[i + 2].empty())));
        if (bare) {
            const size_t to = perPlaces().count(t[i - 1]) ? i - 1 : i;
            const size_t from = listStart(cased, t, to);
            std::vector<IdeaField> fields = list(from, to, 1);
            if (!fields.empty()) out.forEach.emplace_back(from, std::move(fields));
        } else if (i + 1 >= t.size()) {
            break;
        } else if (measuring.count(t[i]) && !nominal(t, i)) {
            // "records bait consumption and whether there is rodent activity": one value and a yes/no is a list too.
            // "track my blood pressure and weight": whose they are comes first.
            static const std::set<std::string> whose = wordSet("my our your their his her its the");
            const size_t from = whose.count(t[i + 1]) ? i + 2 : i + 1;
            const size_t end = measuredListEnd(cased, t, from);
            std::vector<IdeaField> fields = list(from, end, end < t.size() && t[end] == "whether" ? 1 : 2);
            if (!fields.empty()) out.measured.emplace_back(i, std::move(fields));
        } else if (size_t end = i; !(condition = conditionField(t, i, end)).name.empty()) {
            out.spans.emplace_back(i, end);
            out.measured.emplace_back(i, std::vector<IdeaField>{std::move(condition)});
        } else if (t[i] == "whether") {
            size_t end = i;
            IdeaField asked = whetherField(t, i, end);
            if (!asked.name.empty()) {
                out.spans.emplace_back(i, end);
                out.measured.emplace_back(i, std::vector<IdeaField>{std::move(asked)});
            }
        } else if (eachWords.count(t[i]) && i > 0) {
            // One value is enough before a thing ("the wait time at each lift", "filament remaining on each printer"),
            // not before a time ("one booking per day" keeps its bookings).
            const std::string& row = t[i + 1];
            const bool thing = nominal(t, i + 1) && !appNouns().count(singularOf(row)) && !personRole(singularOf(row));
            const size_t to = t[i] != "per" && perPlaces().count(t[i - 1]) ? i - 1 : i;
            if (!countLeft(t, to).name.empty()) {
                out.spans.emplace_back(to - 3, to);
                continue;
            }
            // "log an inspection for each hive with date, temperament and notes": one thing a verb makes ("an"), with
            // values of its own after the row it is for, is a record of that row, no value it holds.
            const size_t from = listStart(cased, t, to);
            size_t with = i + 1;
            while (with < t.size() && with < i + 4 && !t[with].empty() && t[with] != "with") ++with;
            const bool record = thing && from >= 1 && (t[from - 1] == "a" || t[from - 1] == "an") && to == from + 1 && with < t.size() && t[with] == "with";
            if (!record) list(from, to, thing ? 1 : 2);
        }
    }
    return out;
}

// What "which X are Y" says some rows are, read from after the phrase: "were groomed overnight" -> a yes/no field
// "Groomed overnight"; "are ready to pick", "are out of service"; none when no form of "be" follows.
std::vector<IdeaField> stateOf(const std::vector<std::string>& t, size_t from) {
    static const std::set<std::string> be = wordSet("are were is was");
    // "which tenants haven't paid this month's rent" -> "Rent paid": what was done to what, yes or no.
    static const std::set<std::string> have = wordSet("have has haven't hasn't had hadn't didn't");
    const size_t doneAt = from + 1 < t.size() && t[from + 1] == "not" ? from + 2 : from + 1;
    if (doneAt < t.size() && have.count(t[from]) && participle(t[doneAt])) {
        size_t k = doneAt;
        const std::string done = t[k++];
        std::string object;
        for (size_t n = 0; k < t.size() && n < 4 && !t[k].empty(); ++k, ++n) {
            if (t[k] == kOwns || determiners().count(t[k]) || appNouns().count(t[k])) object.clear();
            else if (functionWords().count(t[k]) || !nominal(t, k)) break;
            else object += (object.empty() ? "" : " ") + t[k];
        }
        const std::string label = object.empty() ? done : object + " " + done;
        return {{camelKey(label), capitalized(label), "bool", {}}};
    }
    if (from >= t.size() || !(be.count(t[from]) || (have.count(t[from]) && from + 1 < t.size() && t[from + 1] == "been"))) return {};
    size_t k = from + 1;
    if (k < t.size() && t[k] == "been") ++k;
    std::string label;
    for (size_t n = 0; k < t.size() && n < 3 && !t[k].empty() && !isNumber(t[k]); ++k, ++n) {
        const bool joins = (t[k] == "to" || t[k] == "of") && n > 0 && k + 1 < t.size() && !t[k + 1].empty() && !functionWords().count(t[k + 1]);
        if ((n > 0 && functionWords().count(t[k]) && !joins) || determiners().count(t[k])) break;
        label += (label.empty() ? "" : " ") + t[k];
    }
    if (label.empty() || functionWords().count(label)) return {};
    // "which of today's visits are done, late, or missed": states a row is in, one of them each.
    std::vector<std::string> states = {capitalized(label)};
    while (label.find(' ') == std::string::npos && k + 1 < t.size() && states.size() < 6) {
        size_t next = k;
        while (next < t.size() && (t[next].empty() || t[next] == "or" || t[next] == "and")) ++next;
        static const std::set<std::string> particles = wordSet("out in off away back up down");
        if (next == k || next >= t.size() || (functionWords().count(t[next]) && !particles.count(t[next])) || isNumber(t[next]) || (next + 1 < t.size() && !t[next + 1].empty() &&
            t[next + 1] != "or" && t[next + 1] != "and" && !functionWords().count(t[next + 1])))
            break;
        states.push_back(capitalized(t[next]));
        k = next + 1;
    }
    if (states.size() >= 3) return {{"status", "Status", "choice", states}};
    return {{camelKey(label), capitalized(label), "bool", {}}};
}

// The state a row is in before it is marked `state` (lower case): "cancelled" -> Scheduled, "paid" -> Unpaid; "" when
// the state says nothing of one.
std::string stateBefore(const std::string& state) {
    static const std::map<std::string, std::string> startsAs = {
        {"cancelled", "Scheduled"}, {"canceled", "Scheduled"}, {"adjourned", "Scheduled"}, {"postponed", "Scheduled"}, {"delayed", "On time"},
        {"adopted", "Available"}, {"sold", "Available"}, {"booked", "Available"}, {"reserved", "Available"}, {"rented", "Available"}, {"claimed", "Available"},
        {"completed", "To do"}, {"complete", "To do"}, {"done", "To do"}, {"finished", "To do"}, {"paid", "Unpaid"}, {"returned", "Out"},
        {"resolved", "Open"}, {"fixed", "Open"}, {"closed", "Open"}, {"read", "Unread"}, {"archived", "Active"}, {"delivered", "Pending"},
        {"shipped", "Pending"}, {"approved", "Pending"}, {"verified", "Unverified"}, {"arrived", "Expected"}, {"found", "Missing"}};
    const auto it = startsAs.find(state);
    return it == startsAs.end() ? "" : it->second;
}

// "mark a hearing adjourned or held", "flag each claim as approved, denied or queried": the states marking puts a
// row in, after the one it starts in. One state alone is a yes/no the marking button flips.
std::vector<IdeaField> markedStates(const std::vector<std::string>& t, size_t from) {
    size_t k = from < t.size() && t[from] == "as" ? from + 1 : from;
    std::vector<std::string> states = {"Pending"};
    bool alternative = false;  // an "or" came before the last state: "mark it done and notify them" lists none
    while (k < t.size() && states.size() < 6 && !t[k].empty() && !functionWords().count(t[k]) && !isNumber(t[k]) && !appNouns().count(t[k])) {
        // "known or still learning": an adverb belongs to the state it qualifies.
        const bool qualified = qualifiers().count(t[k]) && k + 1 < t.size() && !t[k + 1].empty() && !functionWords().count(t[k + 1]);
        states.push_back(capitalized(qualified ? t[k] + " " + t[k + 1] : t[k]));
        k += qualified ? 2 : 1;
        if (alternative) break;  // the state after "or" is the last ("... known or still learning. Show ...")
        const size_t gap = k;
        for (; k < t.size() && (t[k].empty() || t[k] == "or"); ++k)
            if (t[k] == "or") alternative = true;
        if (k == gap) break;
    }
    if (states.size() < 3 || !alternative) return {};
    // "mark a hearing adjourned or closed": a hearing is Scheduled before either, unless that is one of the states.
    if (const std::string before = stateBefore(lowerWord(states[1])); !before.empty() && std::find(states.begin(), states.end(), before) == states.end())
        states[0] = before;
    return {{"status", "Status", "choice", states}};
}

// The one state a row is marked as, after the state it starts in: "mark a sailing as cancelled" -> Scheduled /
// Cancelled, "marked as having donated" -> Not donated / Donated. `as` is the token "as".
IdeaField markedState(const std::vector<std::string>& t, size_t as) {
    static const std::set<std::string> states = wordSet("done complete late missing urgent ready paid sold lost found won read");
    size_t k = as + 1;
    if (k < t.size() && (t[k] == "having" || t[k] == "been" || t[k] == "being")) ++k;
    if (k >= t.size() || t[k].empty() || (!participle(t[k]) && !states.count(t[k]))) return {};
    const std::string before = stateBefore(t[k]);
    std::vector<std::string> choices = {before.empty() ? "Not " + t[k] : before, capitalized(t[k])};
    // "mark each lot as started and cleared": the states it goes through.
    for (k += 1; k + 1 < t.size() && (t[k] == "and" || t[k] == "or" || t[k] == "then") && (participle(t[k + 1]) || states.count(t[k + 1])); k += 2)
        choices.push_back(capitalized(t[k + 1]));
    return {"status", "Status", "choice", choices};
}

// "approve or reject applications", "the manager approves swaps", "accept or decline a booking": the rows wait for
// that decision, so their status runs from Pending to its outcomes (a yes is always paired with its no). `verb` is
// the token of the verb nearest the rows ("reject" above: either verb names the same pair). "claim a plot": a thing
// people take runs from Available to taken. No name for any other verb.
IdeaField decisionStatus(const std::vector<std::string>& t, size_t verb) {
    static const std::map<std::string, std::pair<std::string, std::string>> decisions = {
        {"approve", {"Approved", "Rejected"}}, {"reject", {"Approved", "Rejected"}}, {"accept", {"Accepted", "Declined"}},
        {"decline", {"Accepted", "Declined"}}, {"deny", {"Approved", "Denied"}}};
    const auto it = decisions.find(singularOf(t[verb]));
    if (it != decisions.end()) return {"status", "Status", "choice", {"Pending", it->second.first, it->second.second}};
    // "gardeners claim a plot", "adopt a dog", "reserve a room": a thing people take is free until one of them does
    // ("book an appointment" makes the appointment, so booking is no such verb; borrowing is a toggle with returning).
    static const std::map<std::string, std::string> taking = {
        {"claim", "Claimed"}, {"adopt", "Adopted"}, {"reserve", "Reserved"}, {"rent", "Rented"}};
    if (const auto taken = taking.find(singularOf(t[verb])); taken != taking.end())
        return {"status", "Status", "choice", {stateBefore(lowerWord(taken->second)), taken->second}};
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Value lists
//-----------------------------------------------------------------------------

// The values a request gives a row's stage or status, in order: "with stages Script, Casting and Released",
// "status: open, waiting, closed", "moves from Draft to Submitted to Awarded".
struct ValueList {
    IdeaField field;              // kind "choice", its choices as the request writes them
    size_t begin = 0, end = 0;    // the tokens it covers, its stage word or "from" included
};

// The values from `from` on, each one to three words, joined by commas, "and", "or", "to", "then" or arrows
// (`toOnly`: by "to" and arrows alone, "from Monday, Tuesday" is no list). A list that starts with a capital
// keeps to capitals ("Released and a search box" ends at "Released"). `end` is where the last value ends.
std::vector<std::string> valuesFrom(const std::vector<std::string>& cased, const std::vector<std::string>& t, size_t from, bool toOnly, size_t& end) {
    static const std::set<std::string> joins = wordSet("and or to then");
    static const std::set<std::string> stops = wordSet("a an the for with by from in on at of so that which where when while each every per");
    auto quote = [&](size_t k) { return cased[k] == "'" || cased[k] == "\""; };
    std::vector<std::string> values;
    bool capitals = false;
    for (size_t k = from; k < t.size();) {
        while (k < t.size() && quote(k)) ++k;
        std::string value;
        size_t e = k;
        // A capitalised value may hold a preposition ("Waiting for parts", "Ready for pickup").
        const auto inside = [&](size_t e) {
            return e > k && std::isupper(static_cast<unsigned char>(cased[k][0])) && (t[e] == "for" || t[e] == "of") && e + 1 < t.size() &&
                   !t[e + 1].empty() && !functionWords().count(t[e + 1]);
        };
        // "to read, reading, finished", "To do": a state may open with "to".
        if (t[e] == "to" && e + 1 < t.size() && !t[e + 1].empty() && !functionWords().count(t[e + 1])) appendWord(value, cased[e++]);
        // "In Repair", "On Hold", "At Risk": in a list of capitals a capitalised preposition opens a value.
        const bool opens = std::isupper(static_cast<unsigned char>(cased[k][0])) && stops.count(t[k]) && k + 1 < t.size() && !t[k + 1].empty() &&
                           !functionWords().count(t[k + 1]) && std::isupper(static_cast<unsigned char>(cased[k + 1][0]));
        if (e == k && opens) appendWord(value, cased[e++]);
        for (; e < t.size() && e - k < 3 && !t[e].empty() && !joins.count(t[e]) && (!stops.count(t[e]) || inside(e)); ++e)
            appendWord(value, cased[e]);
        if (value.empty()) break;
        const bool upper = std::isupper(static_cast<unsigned char>(value[0])) != 0;
        if (values.empty()) capitals = upper;
        else if (capitals && !upper) break;
        values.push_back(capitalized(value));
        end = e;
        for (k = e; k < t.size() && quote(k);) ++k;
        const bool arrow = k < t.size() && (cased[k] == "-" || cased[k] == ">");
        const bool joined = k < t.size() && (toOnly ? t[k] == "to" : (joins.count(t[k]) || cased[k] == "," || cased[k] == "/" || cased[k] == "&"));
        if (!arrow && !joined) break;
        while (k < t.size() && (cased[k] == "-" || cased[k] == ">" || cased[k] == "," || joins.count(t[k]))) ++k;
    }
    return values;
}

// "health status of strong, weak or queenless": after "of", one-word states a row is in one of, the list ending at
// "or" and the word after it. None for things ("the status of orders or payments"), several words or no "or".
std::vector<std::string> statesAfterOf(const std::vector<std::string>& cased, const std::vector<std::string>& t, size_t from, size_t& end) {
    size_t last = from;
    std::vector<std::string> values = valuesFrom(cased, t, from, false, last);
    if (values.size() < 2) return {};
    const size_t orAt = (size_t)(std::find(t.begin() + (long)from, t.begin() + (long)last, "or") - t.begin());
    size_t before = 0;   // the states before "or", one word each
    for (size_t k = from; k < orAt; ++k) before += !t[k].empty() && t[k] != "and";
    if (orAt == last || before >= values.size()) return {};
    values.resize(before + 1);
    last = std::min(last, orAt + 2);
    for (size_t k = from; k < last; ++k)
        if (!t[k].empty() && t[k] != "or" && t[k] != "and" && singularOf(t[k]) != t[k]) return {};
    if (std::any_of(values.begin(), values.end(), [](const std::string& v) { return v.find(' ') != std::string::npos; })) return {};
    end = last;
    return values;
}

// A verb of moving shortly before `at` ("move their story through", "cards moving through"): what follows are stages.
bool movedBefore(const std::vector<std::string>& t, size_t at) {
    static const std::set<std::string> moving = wordSet("move moves moving moved go goes going pass passes passing progress progresses flow flows advance advances");
    for (size_t k = at; k > 0 && at - k < 4 && !t[k - 1].empty(); --k)
        if (moving.count(t[k - 1])) return true;
    return false;
}

std::vector<ValueList> valueLists(const std::vector<std::string>& cased, const std::vector<std::string>& t) {
    // The field each stage word makes: a board and the list's status column read "status" and "stage".
    static const std::map<std::string, std::string> fieldOf = {
        {"stage", "stage"}, {"step", "stage"}, {"phase", "stage"}, {"status", "status"}, {"state", "status"}, {"column", "status"}, {"lane", "status"}};
    std::vector<ValueList> out;
    for (size_t i = 0; i < t.size(); ++i) {
        const auto word = fieldOf.find(singularOf(t[i]));
        size_t end = i;
        std::vector<std::string> values;
        // "its open or closed status": two states written before the word.
        auto state = [&](size_t k) { return !t[k].empty() && (qualifiers().count(t[k]) || participle(t[k])); };
        if (word != fieldOf.end() && i >= 3 && (t[i - 2] == "or" || t[i - 2] == "and") && state(i - 1) && state(i - 3)) {
            out.push_back({{word->second, capitalized(word->second), "choice", {capitalized(cased[i - 3]), capitalized(cased[i - 1])}}, i - 3, i + 1});
            continue;
        }
        // "results win/draw/loss": three or more words joined by slashes after a noun are that value's choices.
        size_t slashed = i + 1;
        while (slashed + 1 < t.size() && cased[slashed] == "/" && !t[slashed + 1].empty() && !functionWords().count(t[slashed + 1])) slashed += 2;
        if (word == fieldOf.end() && i > 0 && slashed >= i + 5 && !t[i - 1].empty() && nominal(t, i - 1) && !functionWords().count(t[i - 1])) {
            std::vector<std::string> choices;
            for (size_t k = i; k < slashed; k += 2) choices.push_back(capitalized(cased[k]));
            const std::string named = singularOf(t[i - 1]);
            out.push_back({{camelKey(named), capitalized(named), "choice", choices}, i - 1, slashed});
            i = slashed - 1;
            continue;
        }
        if (word != fieldOf.end()) {
            // "publish status (idea, recorded, published)": a bracket opens the values as a colon does.
            const bool colon = i + 1 < t.size() && (cased[i + 1] == ":" || cased[i + 1] == "(");
            const bool of = !colon && i + 1 < t.size() && t[i + 1] == "of";
            values = of ? statesAfterOf(cased, t, i + 2, end) : valuesFrom(cased, t, i + (colon ? 2 : 1), false, end);
            if (!colon && !of && !values.empty() && !std::isupper(static_cast<unsigned char>(cased[i + 1][0])) && cased[i + 1] != "'" && cased[i + 1] != "\"")
                values.clear();   // lower-case values only after a colon or in quotes: "steps count and distance" are no stages
            // "with To Do, In Progress and Done columns": capitalised names written before the word.
            if (values.empty() && t[i] != "status" && t[i] != "state") {
                std::vector<std::string> before(1);
                size_t from = i;
                for (; from > 0 && i - from < 16; --from) {
                    const std::string& w = cased[from - 1];
                    if (w == "," || t[from - 1] == "and" || t[from - 1] == "or") before.emplace_back();
                    else if (std::isupper(static_cast<unsigned char>(w[0]))) before.back() = w + (before.back().empty() ? "" : " " + before.back());
                    else break;
                }
                before.erase(std::remove(before.begin(), before.end(), std::string()), before.end());
                if (before.size() >= 2 && before.size() <= 8) {
                    std::reverse(before.begin(), before.end());
                    out.push_back({{word->second, capitalized(word->second), "choice", before}, from, i + 1});
                    continue;
                }
            }
            if (values.size() < 2) continue;
        } else if (t[i] == "from") {
            values = valuesFrom(cased, t, i + 1, true, end);
            if (values.size() < 3) continue;
        } else if (t[i] == "through" && movedBefore(t, i)) {
            // "reporters move their story through draft, edit, copy desk, and ready"
            values = valuesFrom(cased, t, i + 1, false, end);
            if (values.size() < 3) continue;
        } else {
            continue;
        }
        if (values.size() > 8) values.resize(8);
        const std::string name = word != fieldOf.end() ? word->second : "stage";
        // "RSVP status (attending, declined, no reply)": the noun before names the status, and is no thing of its own.
        const bool named = word != fieldOf.end() && i > 0 && !t[i - 1].empty() && nominal(t, i - 1) && !qualifiers().count(t[i - 1]) &&
                           !appNouns().count(singularOf(t[i - 1])) && !personRole(singularOf(t[i - 1]));
        const bool upper = named && std::none_of(cased[i - 1].begin(), cased[i - 1].end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
        const std::string label = named ? (upper ? cased[i - 1] : capitalized(t[i - 1])) + " " + name : capitalized(name);
        // "through" stays: it tells the reader the word before it is a verb ("manuscripts move through ...").
        out.push_back({{name, label, "choice", values}, t[i] == "through" ? i + 1 : named ? i - 1 : i, end});
        i = end - 1;
    }
    return out;
}

// Examples the request gives of a thing: "(fence, paint colour, shed)", "like a pressure washer or tile saw",
// "such as the florist, caterer and band", "e.g. laptops and monitors". They are rows or choices of the phrase
// before them, never things of their own ("green circle" is a trail's difficulty, not a shape the app manages).
struct ExampleList {
    size_t after = 0;                 // the first token after the phrase they are examples of ("(", "like", its comma)
    std::vector<std::string> values;  // as written, capitalized, without determiners ("Pressure washer")
    size_t begin = 0, end = 0;        // the tokens they cover, their opening word or bracket included
};

std::vector<ExampleList> exampleLists(const std::vector<std::string>& cased, const std::vector<std::string>& t) {
    static const std::set<std::string> joins = wordSet("and or");
    static const std::set<std::string> stops = wordSet("so that which who where when while for with to from in on at by because if as per each every");
    std::vector<ExampleList> out;
    for (size_t i = 1; i < t.size(); ++i) {
        const bool bracket = cased[i] == "(";
        // "a timeline of segments: songs, talk breaks, station IDs and ads": after a plural, a lower-case colon list
        // gives examples too.
        const bool colon = cased[i] == ":" && singularOf(t[i - 1]) != t[i - 1] && i + 1 < t.size() && !t[i + 1].empty() &&
                           std::islower(static_cast<unsigned char>(cased[i + 1][0]));
        size_t from = i + 1;
        if (t[i] == "such" && i + 1 < t.size() && t[i + 1] == "as") from = i + 2;
        else if (!bracket && !colon && t[i] != "like") continue;
        while (from < t.size() && (t[from] == "e" || t[from] == "g" || t[from] == "eg" || cased[from] == ".")) ++from;  // "e.g."
        // Examples follow a noun, or a noun and a comma ("defects, like a cracked mirror"); "I'd like to" follows none.
        size_t before = i;
        if (!bracket && before > 1 && cased[before - 1] == ",") --before;
        const std::string& noun = t[before - 1];
        if (noun.empty() || functionWords().count(noun) || (knownVerb(noun) && !nominal(t, before - 1)) || isNumber(noun) || noun.find('\'') != std::string::npos) continue;
        ExampleList l;
        l.after = before;
        l.begin = i;
        std::string value;
        size_t words = 0, k = from;
        bool closed = false, tooLong = false;
        auto flush = [&] {
            if (!value.empty()) l.values.push_back(capitalized(value)), l.end = k;
            value.clear();
            words = 0;
        };
        for (; k < t.size(); ++k) {
            if (bracket && cased[k] == ")") { closed = true; ++k; break; }
            if (t[k].empty() && cased[k] == "," ) { flush(); continue; }
            // Outside brackets the list ends where a clause goes on ("..., and the foreman turns those into jobs").
            if (!bracket && knownVerb(t[k]) && !nominal(t, k)) { value.clear(); break; }
            if (t[k].empty() || (!bracket && stops.count(t[k]))) break;
            if (joins.count(t[k])) { flush(); continue; }
            if (words == 0 && determiners().count(t[k])) continue;
            if (++words > 4) { tooLong = true; break; }
            appendWord(value, cased[k]);
        }
        flush();
        // A bracket holds a list only when it closes and names two or more short things: "(Brix)" renames, and
        // "(hospitals first)" explains.
        if (tooLong || l.values.size() < (bracket ? 2u : colon ? 3u : 1u) || (bracket && !closed)) continue;
        if (l.values.size() > 8) l.values.resize(8);
        if (closed) l.end = k;
        i = l.end - 1;
        out.push_back(std::move(l));
    }
    return out;
}

// "with category (Electronics, Clothing, Other) and location": a bracket after an item of an attribute list between
// `from` and `to` gives that item's choices; after a form ("with a form (patient, medication, dose)") it lists the
// fields themselves.
void bracketedChoices(const std::vector<std::string>& cased, const std::vector<ExampleList>& examples,
                      size_t from, size_t to, std::vector<IdeaField>& fields) {
    for (const ExampleList& l : examples) {
        if (l.begin <= from || l.begin >= to || cased[l.begin] != "(") continue;
        const std::string item = singularOf(lowerWord(cased[l.begin - 1]));
        if (item == "form") {
            std::string listed;
            for (const std::string& v : l.values) listed += (listed.empty() ? "" : " and ") + lowerWord(v);
            const std::vector<std::string> words = tokensWithBoundaries(listed);
            addNewFields(fields, fieldsFrom(words, 0, words.size()));
            continue;
        }
        for (IdeaField& f : fields)
            if (singularOf(lowerWord(lastWordOf(f.label))) == item && (f.kind == "text" || f.kind == "choice")) {
                f.kind = "choice";
                f.choices = l.values;
                break;
            }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Actors
//-----------------------------------------------------------------------------

// Is this mention of the phrase someone who uses the app? "As a teacher I ...", "for a beekeeper to log ...",
// "for clerks", "nurses swap shifts", "managers approve or reject": a role word the sentence makes act.
bool actorAt(const std::vector<std::string>& cased, const std::vector<std::string>& t, const Phrase& p) {
    size_t k = p.begin;
    bool each = false;  // "for each player": one per row, not a user
    while (k > 0 && (determiners().count(t[k - 1]) || isNumber(t[k - 1]) || qualifiers().count(t[k - 1]) || countWords().count(t[k - 1]) || t[k - 1] == "per")) {
        each = each || t[k - 1] == "each" || t[k - 1] == "every" || t[k - 1] == "per";
        --k;
    }
    const std::string before = k > 0 ? t[k - 1] : "";
    const std::string after = p.end < t.size() ? t[p.end] : "";
    if (before == "as") return agentNoun(p.head) || after == "i" || after == "we";
    // "let an agent assign", "allow guests to check in": someone the app lets act.
    static const std::set<std::string> enabling = wordSet("let lets help helps allow allows enable enables");
    if (enabling.count(before) && agentNoun(p.head) && p.end < t.size())
        return (knownVerb(after) && !nominal(t, p.end)) || (after == "to" && p.end + 1 < t.size() && knownVerb(t[p.end + 1]));
    // "Client app for a tattoo studio", "a volunteer portal": who uses it; "a patient tracker" lists patients.
    static const std::set<std::string> apps = wordSet("app application portal");
    if (p.named && personRole(p.head) && apps.count(singularOf(t[p.end - 1]))) return true;
    // "a game master console", "a dispatcher console": the console is the role's desk.
    if (p.named && agentNoun(p.head) && singularOf(t[p.end - 1]) == "console") return true;
    if (before == "for") {
        if (each) return false;
        if (after == "to" && p.end + 1 < t.size() && knownVerb(t[p.end + 1])) return true;
        // "for clerks:", "for new hires with ...": the app's users; "for volunteers arriving at ...", "for greeters,
        // ushers and helpers" are whom it handles.
        static const std::set<std::string> userEnds = wordSet(": ; . \n with who that");
        if (!personRole(p.head) || !(p.end >= t.size() || userEnds.count(cased[p.end]) || userEnds.count(t[p.end]))) return false;
        // "for singers with name, email and voice part": what each of them has, so they are the rows.
        static const std::set<std::string> personal = wordSet("name names email emails phone phones age ages address photo photos birthday");
        const size_t j = pastDeterminers(t, p.end + 1);
        return after != "with" || j >= t.size() || !(personal.count(t[j]) || valueNoun(t[j]));
    }
    static const std::set<std::string> opens = wordSet("and then that so where while when but");
    static const std::set<std::string> modals = wordSet("can could will should must may might");
    // Verbs that say what a thing is or needs, not what someone does ("orders arrive", "benches need watering").
    static const std::set<std::string> stative = wordSet(
        "need needs require requires include includes contain contains cover covers is are stay stays happen happens "
        "arrive arrives expire expires appear appears fit fits look looks go goes come comes stop stops start starts "
        "work works use uses");
    const bool clauseStart = k == 0 || before.empty() || opens.count(before);
    if (each || !clauseStart || !agentNoun(p.head)) return false;  // "each participant follows a schedule": rows
    size_t v = p.end;
    // "A couple and their planner share ...": both act.
    if (v + 1 < t.size() && t[v] == "and") {
        size_t j = pastDeterminers(t, v + 1);
        const size_t nounsFrom = j;
        while (j < t.size() && j < nounsFrom + 3 && nominal(t, j)) ++j;
        if (j > nounsFrom && agentNoun(singularOf(t[j - 1]))) v = j;
    }
    if (v < t.size() && modals.count(t[v])) ++v;
    return v < t.size() && knownVerb(t[v]) && !nominal(t, v) && !stative.count(t[v]);
}

// The request's nouns: what it manages, best first, and who uses it, in the request's order.
struct RequestNouns {
    std::vector<RequestEntity> entities;
    std::vector<std::string> actors;   // plural, lower case ("clerks", "teachers")
};

RequestNouns readNouns(std::string_view request) {
    const std::vector<std::string> cased = wordsAndMarks(request);
    std::vector<std::string> t = tokensWithBoundaries(request);
    // Stage and status values are a field's choices, not things: their words leave the phrases ("Casting").
    std::vector<ValueList> lists = valueLists(cased, t);
    for (const ValueList& l : lists) std::fill(t.begin() + l.begin, t.begin() + l.end, std::string());
    // "Bed status colours: green for available, amber for cleaning": the values a request colours are a status.
    const std::vector<RequestStyle::StatusColour> coloured = readRequestStyle(request).statusColours;
    if (!coloured.empty() && std::none_of(lists.begin(), lists.end(), [](const ValueList& l) { return l.field.name == "status"; })) {
        IdeaField status{"status", "Status", "choice", {}};
        for (const RequestStyle::StatusColour& c : coloured) {
            status.choices.push_back(capitalized(c.value));
            const std::vector<std::string> said = tokensWithBoundaries(c.value);
            const auto at = std::search(t.begin(), t.end(), said.begin(), said.end());
            if (at != t.end()) std::fill(at, at + static_cast<long>(said.size()), std::string());
        }
        lists.push_back({status, 0, 0});
    }
    // So are examples: they go to the phrase they follow.
    const std::vector<ExampleList> examples = exampleLists(cased, t);
    for (const ExampleList& l : examples) std::fill(t.begin() + l.begin, t.begin() + l.end, std::string());
    // Colour names written in words ("make buttons saddle brown", "hot pink", "midnight blue") are the look, no thing.
    for (size_t i = 0; i + 1 < t.size(); ++i) {
        std::uint32_t rgb = 0;
        for (size_t n = std::min<size_t>(3, t.size() - i); n >= 2; --n) {
            std::string joined;
            size_t words = 0;  // the words of one phrase: a mark between them ends it
            for (; words < n && !t[i + words].empty(); ++words) joined += t[i + words];
            if (words == n && cssColor(joined, &rgb)) {
                std::fill(t.begin() + static_cast<long>(i), t.begin() + static_cast<long>(i + n), std::string());
                break;
            }
        }
    }
    // "navy text", "text in dark grey", "the font colour navy": the text's colour is the look, no thing or field.
    static const std::set<std::string> letters = wordSet("text texts font fonts lettering typography writing");
    for (size_t i = 0; i < t.size(); ++i) {
        if (!letters.count(t[i])) continue;
        const bool colourBefore = i > 0 && !t[i - 1].empty() && colourName(t[i - 1]);
        bool colourAfter = false;
        for (size_t k = i + 1; k < std::min(t.size(), i + 4) && !t[k].empty() && !colourAfter; ++k) colourAfter = colourName(t[k]);
        if (colourBefore) t[i - 1].clear();
        if (colourBefore || colourAfter) t[i].clear();
    }
    // "cardboard brown as the primary colour", "ocean blue and sand": a word naming the shade of a colour is the look too.
    static const std::set<std::string> afterShade = wordSet("as for and with on accents accent theme");
    for (size_t i = 1; i < t.size(); ++i)
        if (!t[i].empty() && !t[i - 1].empty() && colourName(t[i]) && !colourName(t[i - 1]) && !functionWords().count(t[i - 1]) && !knownVerb(t[i - 1]) &&
            (i + 1 == t.size() || t[i + 1].empty() || afterShade.count(t[i + 1]) || lookWord(t[i + 1])))
            t[i - 1].clear(), t[i].clear();
    // "... so that I can message volunteers who are free": the reason a story gives names a thing only when it says
    // something of it ("so that I can cover breaks" asks for no breaks), so what counts is what the rest says.
    std::set<std::string> stated;  // phrases the request names outside its reasons, other than as who acts ("As a substitute")
    const std::string plain = withoutReasons(request);
    const std::vector<std::string> plainCased = wordsAndMarks(plain), plainT = tokensWithBoundaries(plain);
    for (const Phrase& p : phrasesOf(plainT))
        if (!actorAt(plainCased, plainT, p)) stated.insert(p.key());
    RequestEntity* lastThing = nullptr;  // the last phrase that is no person: "requests from homeowners (fence, shed)"
    size_t lastThingEnd = 0;             // where it ends
    const auto sameSentence = [&](size_t from, size_t to) {
        return std::none_of(cased.begin() + static_cast<long>(from), cased.begin() + static_cast<long>(to),
                            [](const std::string& w) { return w == "." || w == "!" || w == "?"; });
    };
    std::map<std::string, RequestEntity> found;   // by phrase
    std::map<std::string, bool> managed;           // by phrase: mentioned other than as someone using the app
    std::map<std::string, bool> appOnly;           // by phrase: an app word ("a calculator") the request never handles as a thing
    std::vector<std::string> order;                // first appearance
    RequestNouns out;
    static const std::set<std::string> listWords = wordSet("with including showing containing having has have");
    static const std::set<std::string> eachWords = wordSet("each every per");
    const Readings readings = readingsOf(cased, t);
    std::vector<IdeaField> unowned;                       // values listed with no thing named: the main entity's
    std::vector<bool> taken(readings.measured.size());    // readings "at each X" gave to X
    std::vector<std::pair<size_t, std::string>> named;    // where each managed thing is mentioned
    size_t looseFrom = 0, looseTo = 0;                     // tokens of the unowned colon list
    size_t appEnd = 0;                                     // where the last phrase naming the app ends
    std::vector<std::pair<size_t, size_t>> attributeSpans; // tokens of "X with A, B and C" lists
    std::map<std::string, IdeaField> decisions;            // by phrase: the status a decision on it ("approve") implies
    size_t verbObjectEnd = SIZE_MAX;                       // where the last phrase a verb acts on ends
    size_t servedEnd = 0;                                  // where the business the app serves ends ("... clerk's")

    // Measures broken down "by" something are a breakdown, not rows filed under it ("spending by month").
    static const std::set<std::string> measures = wordSet("sale revenue income profit expense cost spend spending usage consumption");
    size_t listedFrom = 0, listedTo = 0;  // tokens of the list after "a beekeeping log with ...": what that app manages
    // The request lends things out ("borrow", "check out"): their returns are no rows of their own.
    static const std::set<std::string> lending = wordSet("borrow borrows borrowed lend lends lent loan loans rent rents checkout");
    const bool lends = std::any_of(t.begin(), t.end(), [](const std::string& w) { return lending.count(w) > 0; }) ||
                       std::adjacent_find(t.begin(), t.end(), [](const std::string& a, const std::string& b) { return (a == "check" || a == "checks") && b == "out"; }) != t.end();
    Phrase previous;
    for (Phrase p : phrasesOf(t)) {
        const Phrase earlier = std::exchange(previous, p);
        // "upcoming farrier and vet visits", "morning and evening feeds": two kinds of one thing, the first no thing.
        static const std::set<std::string> times = wordSet("morning afternoon evening night weekday weekend indoor outdoor home away");
        const auto kindWord = [&](const std::string& w) { return agentNoun(w) || times.count(w) > 0; };
        std::vector<std::string> pairedKinds;
        if (earlier.words.size() == 1 && earlier.end + 1 == p.begin && (t[earlier.end] == "and" || t[earlier.end] == "or") && p.words.size() == 2 &&
            !p.modifier.empty() && p.plural && kindWord(earlier.head) && kindWord(p.modifier)) {
            pairedKinds = {capitalized(earlier.head), capitalized(p.modifier)};
            managed[earlier.head] = false;
            p.modifier.clear();
        }
        // "add income and expenses", "expenses and incomes": money in and money out are one list of transactions;
        // "income and expense entries" are one list of those entries.
        static const std::set<std::string> flows = wordSet("income expense");
        static const std::set<std::string> ledgerRows = wordSet("entry transaction record item line");
        const bool flowJoined = earlier.words.size() == 1 && earlier.end + 1 == p.begin && (t[earlier.end] == "and" || t[earlier.end] == "or") && flows.count(earlier.head);
        const bool moneyFlows = flowJoined && p.words.size() == 1 && flows.count(p.head) && earlier.head != p.head;
        const bool flowRows = flowJoined && p.words.size() == 2 && flows.count(p.modifier) && earlier.head != p.modifier && ledgerRows.count(p.head);
        if (moneyFlows || flowRows) {
            pairedKinds = {"Income", "Expense"};
            managed[earlier.head] = false;
            if (moneyFlows) p.head = "transaction";
            p.modifier.clear();
            p.words = {p.head};
            p.plural = true;
        }
        // "the menu of breads and pastries": two kinds of what a menu or catalogue lists are one thing, a menu item.
        static const std::set<std::string> listings = wordSet("menu catalog catalogue range selection");
        std::vector<std::string> listedKinds;
        const size_t of = beforeDeterminers(t, earlier.begin);
        if (earlier.plural && p.plural && earlier.end + 1 == p.begin && (t[earlier.end] == "and" || t[earlier.end] == "or") && of >= 2 && t[of - 1] == "of" &&
            listings.count(singularOf(t[of - 2]))) {
            const auto written = [&](const Phrase& q) {
                std::string w;
                for (size_t k = q.begin; k < q.end; ++k) appendWord(w, t[k]);
                return capitalized(w);
            };
            listedKinds = {written(earlier), written(p)};
            managed[earlier.key()] = false;
            p.modifier = singularOf(t[of - 2]);
            p.head = "item";
            p.words = {p.modifier, p.head};
        }
        // "shows the menu with prices and photos": a menu shown with values lists items that have them.
        static const std::set<std::string> values = wordSet(
            "price cost fee rate status date time name title description address rating score capacity quantity stock deadline location priority bid note duration length weight height width depth distance age");
        if (const size_t k = pastDeterminers(t, p.end + 1); !p.plural && p.words.size() == 1 && listings.count(p.head) && p.end < t.size() &&
                                                            t[p.end] == "with" && k < t.size() && (values.count(singularOf(t[k])) || valueNoun(singularOf(t[k]))) && !eachAfterList(cased, t, k)) {
            p.modifier = p.head;
            p.head = "item";
            p.words = {p.modifier, p.head};
        }
        // "includes a contact form", "a feedback form": what such a form sends is an inquiry, with who sent it; what a
        // "subscribe form" or "newsletter signup" sends is a subscriber.
        static const std::set<std::string> messageForms = wordSet("contact inquiry enquiry support");
        static const std::set<std::string> subscribeForms = wordSet("subscribe subscription newsletter signup mailing");
        const bool formed = !p.plural && p.words.size() >= 2 && p.words.size() <= 3 && p.words.back() == "form";
        const std::string formFor = formed ? p.words[p.words.size() - 2] : "";  // "newsletter signup form" -> "signup"
        const bool messageForm = formed && messageForms.count(formFor);
        const bool subscribeForm = formed && subscribeForms.count(formFor);
        if (messageForm || subscribeForm) {
            p.head = messageForm ? "inquiry" : "subscriber";
            p.modifier.clear();
            p.words = {p.head};
            p.named = false;
        }
        // "a parking lot management system", "a fleet maintenance tracker": the work the app does is no thing; what it
        // is done to may be ("parking lot"), though only as much as the rest of the request says so.
        static const std::set<std::string> administering = wordSet("management maintenance administration operation logistics signup enrollment enrolment adoption attendance");
        const bool workOnly = p.named && administering.count(p.head) && p.modifier.empty();
        // "the weekly class schedule with instructor, time and level": what is listed is the classes.
        static const std::set<std::string> timetables = wordSet("schedule timetable");
        const bool listedOn = timetables.count(p.head) && !p.plural && p.end < t.size() && listWords.count(t[p.end]);
        if ((p.named && administering.count(p.head) && !p.modifier.empty()) || (listedOn && !p.modifier.empty())) {
            const size_t at = static_cast<size_t>(std::find(p.words.begin(), p.words.end(), p.head) - p.words.begin());
            p.head = p.modifier;
            p.modifier = at >= 2 && !qualifiers().count(p.words[at - 2]) && !appNouns().count(p.words[at - 2]) ? p.words[at - 2] : "";
            p.named = false;
        }
        // So does the business an app is for: "a scheduling app for a food bank with shifts and volunteers".
        const bool business = !p.plural && appEnd > 0 && p.begin == appEnd + 2 && t[appEnd] == "for" && (t[appEnd + 1] == "a" || t[appEnd + 1] == "an");
        if (business && p.end < t.size() && listWords.count(t[p.end])) {
            listedFrom = p.end + 1;
            listedTo = listEnd(cased, t, listedFrom);
        }
        // An activity ("beekeeping") or the app itself ("log") names the app; what its "with" list names is managed.
        if ((gerund(p.head) && !p.plural) || containerNouns().count(p.head) || p.named) {
            if (p.end < t.size() && (listWords.count(t[p.end]) || t[p.end] == "for")) {
                listedFrom = p.end + 1;
                listedTo = listEnd(cased, t, listedFrom);
            }
            if (p.named || containerNouns().count(p.head)) appEnd = p.end;
            // "hearings" are things; "a flashcard study website", "a fitness diary", "a discussion forum" name what the app is for.
            // So is "a reading log" ("a meter reading log" keeps its readings).
            static const std::set<std::string> activities = wordSet("study practice revision fitness wellness wellbeing health productivity research homework discussion");
            static const std::set<std::string> doings = wordSet("reading training");
            const bool activity = p.named && (activities.count(p.head) || (doings.count(p.head) && p.modifier.empty()));
            if ((gerund(p.head) || activity || workOnly) && !p.plural) continue;
        }
        if (!moneyFlows && (readings.covers(p.begin) || (p.begin >= looseFrom && p.begin < looseTo))) continue;
        // "the list of open tickets", "a summary of sales": a part of the app names what it shows, no thing of its own.
        if (containerNouns().count(p.head) && p.modifier.empty() && p.end < t.size() && t[p.end] == "of") continue;
        // One value another thing is listed with ("vendor cards with a produce photo", "a menu with prices") is that
        // thing's field; other plural ones may be things of their own ("playlists with songs").
        // Not a part of the app it names ("a portfolio site with a projects gallery and a contact form").
        // Nor the measure a listed value counts ("with the date, number of frames of brood").
        const size_t counter = beforeDeterminers(t, p.begin);
        const bool countedValue = counter >= 2 && t[counter - 1] == "of" && (t[counter - 2] == "number" || t[counter - 2] == "count") && p.end < t.size() && t[p.end] == "of";
        if ((!p.plural || values.count(p.head) || valueNoun(p.head) || countedValue) && !p.named && !messageForm && !subscribeForm &&
            std::any_of(attributeSpans.begin(), attributeSpans.end(), [&](const auto& r) { return p.begin >= r.first && p.begin < r.second; }))
            continue;
        // "each candidate's stage", "each cat's next vet appointment": one value of the thing named before.
        if (!p.plural && p.begin > 0 && t[p.begin - 1] == kOwns && earlier.end + 1 == p.begin) {
            const std::string owner = earlier.key();
            if (managed[owner]) {
                addNewFields(found[owner].attributes, fieldsFrom(t, p.begin, p.end));
                found[owner].score += 2;
                continue;
            }
        }
        // "Admins can edit room prices", "update each order's status": a value of a thing named before is that thing's.
        const auto owner = managed.find(p.modifier);
        if (values.count(p.head) && !p.modifier.empty() && p.words.size() == 2 && owner != managed.end() && owner->second) {
            addNewFields(found[p.modifier].attributes, fieldsFrom(t, p.end - 1, p.end));
            continue;
        }
        // "scale servings up or down", "set the portions": how many the app's main thing makes is a number it holds.
        static const std::set<std::string> yields = wordSet("serving portion");
        const auto mainThing = std::find_if(order.begin(), order.end(), [&](const std::string& o) { return managed[o]; });
        if (yields.count(p.head) && p.modifier.empty() && mainThing != order.end()) {
            addNewFields(found[*mainThing].attributes, {{camelKey(pluralOf(p.head)), capitalized(pluralOf(p.head)), "number", {}}});
            continue;
        }
        // "bidders ... see the current highest bid and a countdown": a clock on what is listed, no list of clocks.
        if ((p.head == "countdown" || p.head == "timer") && p.modifier.empty() && !p.plural && lastThing && sameSentence(lastThingEnd, p.begin)) continue;
        // "Guests search rooms ..., see the price per night": so is one named alone after it in the same sentence.
        // So is a value whose first word says its kind ("a subscribe form that collects an email address").
        const std::string valueKind = values.count(p.head) && p.words.size() == 2 ? fieldKindFor(p.key(), "") : "text";
        const bool typedValue = valueKind != "text";
        if (values.count(p.head) && (p.modifier.empty() || typedValue) && !p.plural && lastThing && sameSentence(lastThingEnd, p.begin)) {
            const std::string& kind = valueKind;
            const bool kept = typedValue && std::any_of(lastThing->attributes.begin(), lastThing->attributes.end(), [&](const IdeaField& f) { return f.kind == kind; });
            if (!kept) addNewFields(lastThing->attributes, fieldsFrom(t, typedValue ? p.begin : p.end - 1, p.end));
            continue;
        }
        // "gardeners claim a plot, see plot size and sun exposure": what is looked at with no article or owner word,
        // after a thing named in the sentence, is that thing's values ("see the schedule", "view upcoming events" and
        // "view order history" name things of their own).
        static const std::set<std::string> seeing = wordSet("see sees view views check checks");
        // Back over the list's other values and joins ("see cooking time and difficulty") to the seeing verb.
        size_t seen = p.begin;
        while (seen > 0 && p.begin - seen < 8 && !seeing.count(t[seen - 1]) &&
               (t[seen - 1].empty() ? cased[seen - 1] == "," : t[seen - 1] == "and" || !functionWords().count(t[seen - 1])))
            --seen;
        // Plural ones too when they are its own ("see room photos and prices per night").
        const bool itsOwn = lastThing && (p.modifier == lastThing->head || values.count(p.head) || p.head == "photo" || p.head == "picture" || p.head == "image");
        if (seen > 0 && seeing.count(t[seen - 1]) && (!p.plural || itsOwn) && lastThing && lastThing->phrase != p.key() &&
            sameSentence(lastThingEnd, p.begin) && !appNouns().count(p.head) && !personRole(p.head)) {
            addNewFields(lastThing->attributes, fieldsFrom(t, p.modifier == lastThing->head ? p.end - 1 : p.begin, p.end));
            continue;
        }
        // "writes a ticket on a phone with plate, violation and a photo": the device it is used on is no thing, and
        // what it is written with belongs to the thing before.
        static const std::set<std::string> devices = wordSet("phone tablet laptop desktop computer mobile ipad smartphone");
        const size_t d = beforeDeterminers(t, p.begin);
        if (devices.count(p.head) && p.modifier.empty() && d > 0 && (t[d - 1] == "on" || t[d - 1] == "from" || t[d - 1] == "using" || t[d - 1] == "via" || t[d - 1] == "use")) {
            if (lastThing && p.end < t.size() && t[p.end] == "with") {
                const size_t stop = listEnd(cased, t, p.end + 1);
                attributeSpans.emplace_back(p.end + 1, stop);
                addNewFields(lastThing->attributes, fieldsFrom(t, p.end + 1, stop));
            }
            continue;
        }
        // "check out books to members and record returns": a return ends a loan, it is no list of its own.
        if (p.head == "return" && p.modifier.empty() && lends) continue;
        // "book a spot in a class", "reserve a seat on the bus": the place taken is part of the thing booked.
        static const std::set<std::string> places = wordSet("spot seat place slot space");
        // So is one booked with no place named ("members book a spot, and cancel a booking").
        static const std::set<std::string> booking = wordSet("book books reserve reserves claim claims grab save");
        const bool placeOf = p.end + 1 < t.size() && perPlaces().count(t[p.end]) && t[p.end] != "of";
        if (!p.plural && places.count(p.head) && p.modifier.empty() && (placeOf || (d > 0 && booking.count(t[d - 1])))) continue;
        // "technicians ... add comments", "bidders place bids", "save favorites": what people add to a thing the
        // request lists (a comment on one named before in the sentence, a bid on one named before) is no list of its own.
        if (const std::string added = d > 0 && p.modifier.empty() ? addedToRow(t[d - 1], p.head) : ""; !added.empty()) {
            // "leave comments on recipes": the thing may come after them.
            const bool onNext = p.end + 1 < t.size() && (t[p.end] == "on" || t[p.end] == "under" || t[p.end] == "about") && !t[p.end + 1].empty();
            const bool onNamed = discussionFor(added) ? (lastThing && sameSentence(lastThingEnd, p.begin)) || onNext : added == "bid" ? lastThing != nullptr : true;
            if (onNamed) continue;
        }
        // "the current conditions", "live weather": the state of things now is shown, not a list kept.
        static const std::set<std::string> now = wordSet("current live latest");
        static const std::set<std::string> states = wordSet("condition weather temperature humidity wind status standing position balance");
        const bool nowShown = (p.begin > 0 && now.count(t[p.begin - 1])) || std::any_of(t.begin() + static_cast<long>(p.begin), t.begin() + static_cast<long>(p.end),
                                                                                   [](const std::string& w) { return now.count(w) > 0; });
        if (nowShown && p.modifier.empty() && states.count(p.head)) continue;
        // "use cream as the background colour": a colour the look is given, whatever the word.
        if (const size_t k = pastDeterminers(t, p.end + 1); p.end < t.size() && t[p.end] == "as" && k < t.size() && lookWord(singularOf(t[k]))) continue;
        // "choose a pickup time", "select a seat category": one value picked on the way to something else, no list
        // ("pick a recipe" picks one of the recipes).
        static const std::set<std::string> picking = wordSet("choose chooses select selects pick picks");
        if (!p.plural && d < p.begin && d > 0 && picking.count(t[d - 1]) && (valueNoun(p.head) || kindNoun(p.head))) continue;
        // "add items to a cart": what goes in a cart is what the app sells, named elsewhere ("the menu of breads").
        static const std::set<std::string> baskets = wordSet("cart basket bag trolley order");
        static const std::set<std::string> generic = wordSet("item product thing");
        // So are the things a menu lists ("a menu of coffees and teas ..., add drinks to an order").
        const auto menuListed = [&] {
            return std::any_of(found.begin(), found.end(), [](const auto& f) {
                return f.second.head == "item" && !f.second.attributes.empty() && f.second.attributes.front().name == "category";
            });
        };
        const size_t basket = pastDeterminers(t, p.end + 1);
        if (p.modifier.empty() && p.end < t.size() && (t[p.end] == "to" || t[p.end] == "into") && basket < t.size() && baskets.count(t[basket]) &&
            (generic.count(p.head) || (p.plural && menuListed())))
            continue;
        // "a search by ingredient", "sort by due date": what rows are found or ordered by is a value of theirs, no list.
        static const std::set<std::string> finding = wordSet("search searches searching filter filters filtering sort sorts sorting sorted group grouped order ordered browse find");
        if (d > 1 && t[d - 1] == "by" && finding.count(t[d - 2])) continue;
        // "take a photo of the water": one picture is a field of what the app records; "photos" may be its subject.
        static const std::set<std::string> pictures = wordSet("photo picture image snapshot");
        if (!p.plural && pictures.count(p.head) && p.modifier.empty()) {
            unowned.push_back({camelKey(p.head), capitalized(p.head), "image", {}});
            continue;
        }
        // "data" is not a thing the app manages, "pantry items" are.
        // A kind given by example is a thing's field ("themes (cleanliness, noise)").
        const bool exampled = std::any_of(examples.begin(), examples.end(), [&](const ExampleList& l) { return l.after == p.end; });
        // "120 sites", "upcoming services", "polling places" are things; "our site", "a lot of", "in place" are not.
        static const std::set<std::string> countable = wordSet("site lot place service item product");
        // "the item list": what a list or page is of is a thing too, and so is one with values ("report an item with a
        // description and a location").
        const bool described = p.end < t.size() && t[p.end] == "with";
        const bool counted = countable.count(p.head) && (p.plural || p.named || described) && !(p.end < t.size() && t[p.end] == "of");
        // "choose rental hours", "practice minutes": a length of time is an amount, whatever it is of.
        static const std::set<std::string> timeUnits = wordSet("hour minute second");
        if ((appNouns().count(p.head) && !containerNouns().count(p.head) && p.modifier.empty() && !exampled && !counted) || p.head.size() < 3 ||
            loneAdjective(p.head) || timeUnits.count(p.head))
            continue;
        // "ticket counts per status", "a category filter", "filter chips", "a price range", "confirmation dialogs", "a
        // search box": a measure over the rows or a control of the app's is no thing, whatever it is of.
        static const std::set<std::string> viewHeads =
            wordSet("count tally total sum average percentage filter chip dropdown tooltip checkbox slider dialog modal popup confirmation range grid");
        static const std::set<std::string> searchParts = wordSet("box bar field");
        // "choose pickup and return dates": the first of two words sharing a measure is that measure, no thing.
        if (p.words.size() == 1 && !p.plural && p.end + 2 < t.size() && (t[p.end] == "and" || t[p.end] == "or") && !t[p.end + 1].empty() &&
            sharedMeasure(t[p.end + 2])) {
            const std::string measure = singularOf(t[p.end + 2]);
            for (const std::string& w : {p.head, t[p.end + 1]})
                unowned.push_back({camelKey(w + " " + measure), capitalized(w + " " + measure), fieldKindFor(measure, ""), {}});
            continue;
        }
        // "low-stock alerts when quantity falls below 10": an alert on a condition is a view of the rows, no rows.
        static const std::set<std::string> notices = wordSet("alert warning notification notice");
        static const std::set<std::string> conditions = wordSet("when whenever if once");
        if (notices.count(p.head) && p.end < t.size() && conditions.count(t[p.end])) continue;
        // "adjust stock levels": levels in the plural are the rows' own measure.
        if ((viewHeads.count(p.head) && !counted) || (searchParts.count(p.head) && p.modifier == "search") || (p.head == "level" && p.plural)) continue;
        // "filter the list by species", "the queue shows who is next": the app's own view of its things, no thing.
        static const std::set<std::string> definite = wordSet("the this its their our my your");
        if (containerNouns().count(p.head) && p.words.size() == 1 && !p.plural && p.begin > 0 && definite.count(t[p.begin - 1])) continue;
        // "average first response time", "the total spend": a measure taken over the rows has no rows of its own.
        static const std::set<std::string> aggregates = wordSet("average mean median total overall");
        bool aggregate = false;  // the phrase opens with its qualifiers ("average first response time")
        for (size_t m = p.begin; m < p.end && !aggregate && qualifiers().count(t[m]); ++m) aggregate = aggregates.count(t[m]) > 0;
        if (!p.plural && aggregate) continue;
        // "attendance rate per member", "the score for each team": a measure each row holds (read with "each" below).
        const bool perRow = p.end + 1 < t.size() && (t[p.end] == "per" || ((t[p.end] == "for" || t[p.end] == "of") && eachWords.count(t[p.end + 1])));
        if (!p.plural && perRow && rowMeasure(p.head)) continue;
        // "recording dates", "meeting dates": a date is a value of the thing it belongs to, never rows of its own.
        if (p.head == "date") continue;
        // "on the big screen", "the main page": what describes the app's own parts is no thing either.
        const auto appPart = [&](size_t k) { return k < t.size() && appNouns().count(singularOf(t[k])) > 0; };
        if (p.modifier.empty() && qualifiers().count(p.head) && (appPart(p.end) || (p.end > p.begin + 1 && appPart(p.end - 1)))) continue;
        const std::string phrase = p.key();
        RequestEntity& e = found[phrase];
        if (e.head.empty()) {
            e.head = p.head;
            e.phrase = phrase;
            e.words = p.words;
            order.push_back(phrase);
        }
        auto addAttributes = [&](const std::vector<IdeaField>& fields) { addNewFields(e.attributes, fields); };
        if (messageForm) {
            addAttributes({{"name", "Name", "text", {}}, {"email", "Email", "email", {}}, {"message", "Message", "longtext", {}}});
            e.score += 3;  // asked for by name, as "a contact form"
        }
        if (subscribeForm) {
            addAttributes({{"email", "Email", "email", {}}, {"subscribed", "Subscribed", "date", {}}});
            e.score += 3;
        }
        if (!pairedKinds.empty()) addAttributes({{camelKey(p.head + " type"), capitalized(p.head + " type"), "choice", pairedKinds}});
        if (!listedKinds.empty()) addAttributes({{"category", "Category", "choice", listedKinds}});
        for (const ExampleList& l : examples) {
            if (l.after != p.end) continue;
            // "the state of every printer (printing, idle, error)": the choices of that state.
            size_t b = p.begin;
            while (b > 0 && (determiners().count(t[b - 1]) || eachWords.count(t[b - 1]))) --b;
            const std::string of = b > 1 && t[b - 1] == "of" ? singularOf(t[b - 2]) : "";
            if (of == "state" || of == "status" || of == "stage") {
                addAttributes({{of, capitalized(of), "choice", l.values}});
                continue;
            }
            // "each card is a car (make, model, plate, customer)": a bracket after one thing lists what it holds.
            if (cased[l.begin] == "(" && !p.plural && !kindNoun(p.head) && !personRole(p.head)) {
                std::string listed;
                for (const std::string& v : l.values) listed += (listed.empty() ? "" : " and ") + lowerWord(v);
                const std::vector<std::string> words = tokensWithBoundaries(listed);
                addAttributes(fieldsFrom(words, 0, words.size()));
                continue;
            }
            const bool whose = p.begin > 0 && (t[p.begin - 1] == "from" || t[p.begin - 1] == "by");
            RequestEntity* owner = personRole(p.head) && whose && lastThing ? lastThing : &e;
            if (owner->examples.empty()) owner->examples = l.values;
        }
        if (!personRole(p.head) || subscribeForm) lastThing = &e, lastThingEnd = p.end;
        // "Client app for a tattoo studio", "an app for a small court clerk's office": the business the app serves,
        // its owner included, is not a list it keeps.
        static const std::set<std::string> serves = wordSet("a an our my");
        // "Book club app", "a bakery app": a place or group named before its app is the business too.
        static const std::set<std::string> organisations = wordSet(
            "club society association group community school church studio cafe shop store company office clinic library gym salon bakery "
            "restaurant bar brewery museum theatre theater hotel hospital charity league choir band orchestra");
        const bool ownApp = p.begin <= 1 && p.named && organisations.count(p.head) && (t[p.end - 1] == "app" || t[p.end - 1] == "application" || t[p.end - 1] == "portal");
        const bool served = !p.plural && ((appEnd > 0 && p.begin == appEnd + 2 && t[appEnd] == "for" && serves.count(t[appEnd + 1])) ||
                                          (servedEnd > 0 && p.begin == servedEnd + 1 && t[servedEnd] == kOwns) || ownApp);
        if (served) servedEnd = p.end;
        if (actorAt(cased, t, p)) {
            static const std::set<std::string> collective = wordSet("finance hr staff team crew family people");
            // "the community manager", "a farm manager": the role is the app word the head stopped before.
            const std::string last = p.words.back();
            const std::string who = last != p.head && personRole(last) ? p.words[p.words.size() - 2] + " " + last : phrase;
            const std::string people = collective.count(p.head) ? who : pluralOf(who);
            if (std::find(out.actors.begin(), out.actors.end(), people) == out.actors.end()) out.actors.push_back(people);
            continue;
        }
        if (served) continue;
        managed[phrase] = true;
        if (!personRole(p.head)) named.emplace_back(p.begin, phrase);
        e.score += 2 + (p.plural ? 1 : 0) + (p.begin >= listedFrom && p.begin < listedTo ? 3 : 0) + (p.named ? 3 : 0);
        // What comes before the phrase, skipping determiners and numbers: a verb acting on it, or "each".
        size_t k = p.begin, eachAt = 0;
        while (k > 0 && (determiners().count(t[k - 1]) || eachWords.count(t[k - 1]) || isNumber(t[k - 1]) || t[k - 1] == "of" || qualifiers().count(t[k - 1]))) {
            if (eachWords.count(t[k - 1])) e.score += 3, eachAt = k - 1;
            --k;
            // "record a customer's measurements": the verb acts on what the owner has.
            if (t[k] == kOwns && earlier.end == k) k = earlier.begin;
        }
        // "fill in a report", "write up a defect", "vote on the next book": a particle between the verb and its object.
        static const std::set<std::string> particles = wordSet("in out up on");
        const size_t verbAt = k > 1 && particles.count(t[k - 1]) && knownVerb(t[k - 2]) ? k - 1 : k;
        // "list my rooms and large items": the verb acts on every object joined to its first.
        const bool joined = k > 0 && k - 1 == verbObjectEnd && (t[k - 1] == "and" || t[k - 1] == "or");
        // "Please implement a recipe website": making the app is no verb acting on what it manages.
        static const std::set<std::string> making = wordSet("want need build make create use design have get open like give implement develop code write generate prototype");
        const bool madeApp = p.named && verbAt > 0 && (making.count(t[verbAt - 1]) || making.count(singularOf(t[verbAt - 1])));
        if (joined || (!madeApp && verbAt > 0 && (verbs().count(t[verbAt - 1]) || verbs().count(singularOf(t[verbAt - 1]))))) {
            e.score += 4;
            verbObjectEnd = p.end;
        }
        if (k > 0 && t[k - 1] == "as") e.score -= 4;  // "as a gift": what it is used as, rarely what is managed
        // "X with A, B and C", "X: A, B, C": attributes of X.
        // A colon list that opens with a plural names things the app holds ("A court calendar: hearings by room"); one
        // after a heading that is no object of the request ("High contrast: whitesmoke background") is no row's.
        // "see which trails were groomed overnight", "which sites are occupied": a yes/no each row holds.
        // "which of today's visits are done, late, or missed": asked of some of them, the same.
        size_t asked = k;
        if (asked > 1 && (t[asked - 1] == "today" || t[asked - 1] == "tonight" || t[asked - 1] == "the")) --asked;
        if (asked > 1 && t[asked - 1] == "of") --asked;
        // "which shifts are unfilled" asks about them as a verb acting on them would; so does "volunteers who are free".
        if (asked > 0 && t[asked - 1] == "which") {
            const std::vector<IdeaField> state = stateOf(t, p.end);
            if (!state.empty()) e.score += 4;
            addAttributes(state);
        }
        if (p.plural && p.end + 1 < t.size() && (t[p.end] == "who" || t[p.end] == "that")) addAttributes(stateOf(t, p.end + 1));
        if (verbAt > 0 && (t[verbAt - 1] == "mark" || t[verbAt - 1] == "flag")) addAttributes(markedStates(t, p.end));
        if (verbAt > 0)
            if (IdeaField decided = decisionStatus(t, verbAt - 1); !decided.name.empty()) decisions[phrase] = std::move(decided);
        // "adoption applications that staff approve or reject": so does the clause after them.
        if (p.end + 1 < t.size() && (t[p.end] == "that" || t[p.end] == "which"))
            for (size_t j = p.end + 1; j < t.size() && j < p.end + 5 && !t[j].empty(); ++j)
                if (IdeaField decided = decisionStatus(t, j); !decided.name.empty()) {
                    decisions[phrase] = std::move(decided);
                    break;
                }
        const bool object = k == 0 || eachAt > 0 || knownVerb(t[k - 1]);
        // "each object observed with telescope, eyepiece and seeing conditions": a participle may come between.
        // "the artists, each with their style and a few portfolio images": each of them holds the list.
        size_t listAt = p.end;
        // "record cars entering with plate number and time": so may what they are doing.
        if (p.end + 1 < t.size() && (participle(t[p.end]) || gerund(t[p.end])) && t[p.end + 1] == "with") listAt = p.end + 1;
        if (p.end + 2 < t.size() && t[p.end].empty() && t[p.end + 1] == "each" && t[p.end + 2] == "with") listAt = p.end + 2;
        // "list hearings by day with the case number, ...", "tasks in a table with ...": how they are shown may too.
        if (static const std::set<std::string> shownBy = wordSet("by per in on"); p.end + 2 < t.size() && shownBy.count(t[p.end])) {
            const size_t view = pastDeterminers(t, p.end + 1);
            if (view + 1 < t.size() && appNouns().count(singularOf(t[view])) && t[view + 1] == "with") listAt = view + 1;
        }
        // "grants we're applying for, with funder, amount and deadline": a short clause about them may come between,
        // and so may their examples ("vendors such as the florist and band, with deposits paid").
        size_t clauseFrom = p.end;
        for (const ExampleList& l : examples)
            if (l.after == p.end) clauseFrom = l.end;
        for (size_t j = clauseFrom; j < t.size() && j < clauseFrom + 6 && listAt == p.end; ++j) {
            if (t[j].empty()) {
                if ((j > p.end || clauseFrom > p.end) && cased[j] == "," && j + 1 < t.size() && t[j + 1] == "with") listAt = j + 1;
                break;
            }
            // "slips (e.g. A1, A2, B1) with boat name and owner"
            if (j == clauseFrom && clauseFrom > p.end && p.plural && t[j] == "with") {
                listAt = j;
                break;
            }
            if (nominal(t, j) && !gerund(t[j])) break;
        }
        const bool colonList = p.end + 1 < t.size() && cased[p.end] == ":" && !t[p.end + 1].empty() && singularOf(t[p.end + 1]) == t[p.end + 1] &&
                               !containerNouns().count(p.head) && !appNouns().count(p.head);
        if (listAt < t.size() && (listWords.count(t[listAt]) || (colonList && object))) {
            const size_t stop = listEnd(cased, t, listAt + 1);
            if (listWords.count(t[listAt])) attributeSpans.emplace_back(listAt + 1, stop);
            std::vector<IdeaField> listed = fieldsFrom(t, listAt + 1, stop);
            // "with an about section, a projects gallery and a contact form": parts of the app, no values of a row.
            static const std::set<std::string> parts = wordSet("gallery form section page screen tab feed list table chart dashboard menu panel widget");
            listed.erase(std::remove_if(listed.begin(), listed.end(), [](const IdeaField& f) { return f.label.find(' ') != std::string::npos && parts.count(singularOf(lowerWord(lastWordOf(f.label)))) > 0; }),
                         listed.end());
            bracketedChoices(cased, examples, listAt + 1, stop, listed);
            // "add hives ... record inspections for a hive with a date and notes": after a thing named before, the list
            // is what is recorded for it.
            const std::string recorded = earlier.key();
            const bool namedBefore = std::any_of(named.begin(), named.end(), [&](const auto& n) { return n.second == phrase && n.first < p.begin; });
            const bool forIt = listAt == p.end && k > 0 && earlier.end + 1 == k && (t[k - 1] == "for" || t[k - 1] == "to" || t[k - 1] == "on") &&
                               namedBefore && found.count(recorded) && managed[recorded] && recorded != phrase;
            if (forIt) addNewFields(found[recorded].attributes, listed);
            else addAttributes(listed);
            if (stop > listAt + 1) e.score += 3;
            // "add income and expenses with an amount, category and date": the list is both things'.
            const std::string pairedWith = earlier.key();
            if (listAt == p.end && t[listAt] == "with" && earlier.end + 1 == p.begin && t[earlier.end] == "and" && found.count(pairedWith) && managed[pairedWith])
                addNewFields(found[pairedWith].attributes, listed);
        } else if (colonList && k > 0 && functionWords().count(t[k - 1]) && std::islower(static_cast<unsigned char>(cased[p.end + 1][0]))) {
            // "log hive inspections while standing at the hive: queen seen, brood frames, mite count": after a place
            // the list is what the app records. After a heading ("High contrast: ...", "Bottom tabs: Map") it is not.
            const size_t stop = listEnd(cased, t, p.end + 1);
            std::vector<IdeaField> fields = fieldsFrom(t, p.end + 1, stop);
            if (fields.size() >= 2) {
                unowned.insert(unowned.end(), fields.begin(), fields.end());
                looseFrom = p.end + 1;
                looseTo = stop;
            }
        }
        // "temperature, salinity and dissolved oxygen per tank", "temperature and humidity in each of the houses":
        // what is read or kept for each one.
        // "At each pool they test chlorine, pH and alkalinity": what is read there is the pool's.
        for (size_t m = 0; m < readings.measured.size(); ++m) {
            const size_t verb = readings.measured[m].first;
            const bool near = eachAt > 0 && verb > p.end && verb - p.end <= 4 &&
                              std::none_of(cased.begin() + p.end, cased.begin() + verb, [](const std::string& w) { return w == "." || w == ";" || w == ":"; });
            if (!near || taken[m]) continue;
            taken[m] = true;
            addAttributes(readings.measured[m].second);
            e.score += 4;
        }
        if (eachAt > 0) {
            size_t listTo = eachAt;
            if (listTo > 0 && perPlaces().count(t[listTo - 1]) && t[eachAt] != "per") --listTo;
            const size_t listFrom = listStart(cased, t, listTo);
            std::vector<IdeaField> each = fieldsFrom(t, listFrom, listTo);
            if (IdeaField left = countLeft(t, listTo); !left.name.empty()) each = {std::move(left)};
            const bool measure = each.size() == 1 && rowMeasure(lowerWord(lastWordOf(each[0].label)));
            if (measure && each[0].kind == "text") each[0].kind = "number";
            if (each.size() >= 2 || measure || (!each.empty() && readings.covers(listFrom))) addAttributes(std::move(each));
        }
        // "hearings by courtroom, judge and time": what each row is filed under. One word ("by the hour",
        // "cups by size") says how to sort or charge, unless the rows are looked through by it ("browse books by
        // genre", "showing sessions by day").
        if (p.end < t.size() && t[p.end] == "by" && !measures.count(p.head)) {
            static const std::set<std::string> browsing = wordSet("browse browses filter filters group groups organize organizes organise organises "
                                                                  "show shows showing list lists view views find finds display displays see sees");
            const bool browsed = verbAt > 0 && browsing.count(t[verbAt - 1]);
            // After "by" only names follow: "by day and track" lists two, where "and track" elsewhere may be a verb.
            size_t filedEnd = listEnd(cased, t, p.end + 1);
            if (filedEnd > p.end + 1 && filedEnd < t.size() && (t[filedEnd - 1] == "and" || t[filedEnd - 1] == "or") && verbNouns().count(t[filedEnd]) &&
                (filedEnd + 1 >= t.size() || t[filedEnd + 1].empty()))
                ++filedEnd;
            std::vector<IdeaField> filed = fieldsFrom(t, p.end + 1, filedEnd);
            // "search jobs by keyword and location": words typed into the search are no value of the rows.
            static const std::set<std::string> typed = wordSet("keyword keywords query term terms text");
            const auto typedIn = std::remove_if(filed.begin(), filed.end(), [](const IdeaField& f) { return typed.count(lowerWord(f.label)) > 0; });
            const bool searched = typedIn != filed.end();
            filed.erase(typedIn, filed.end());
            if (filed.size() >= 2 || ((searched || browsed) && !filed.empty())) {
                addAttributes(std::move(filed));
                e.score += 3;
            }
        }
        // The app itself ("a calculator", a 'Card') is what it manages only when the request names nothing else.
        // A thing the request handles ("reserve a tool", "which tools are free") is no app.
        // Nor is one people look at ("technicians see a queue sorted by priority").
        static const std::set<std::string> looking = wordSet("see view show display check watch");
        // "there is a search": being is no handling either.
        static const std::set<std::string> being = wordSet("is are be was were has have");
        const auto madeOrSeen = [&](const std::string& w) {
            return making.count(w) || looking.count(w) || being.count(w) || making.count(singularOf(w)) || looking.count(singularOf(w));
        };
        const bool handled = p.plural || (k > 0 && knownVerb(t[k - 1]) && !madeOrSeen(t[k - 1]));
        if (containerNouns().count(p.head) && p.modifier.empty()) appOnly[phrase] = (!appOnly.count(phrase) || appOnly[phrase]) && !handled;
    }
    // "a bus ... must be taken out of service", "mark a machine out of order": the thing before has that state.
    static const std::set<std::string> outOf = wordSet("service order stock commission action");
    static const std::set<std::string> putting = wordSet("taken take takes put puts mark marks marked be is are goes go went set flag flags");
    for (size_t i = 1; i + 2 < t.size(); ++i) {
        if (t[i] != "out" || t[i + 1] != "of" || !outOf.count(t[i + 2])) continue;
        bool put = false;
        for (size_t k = i; k > 0 && i - k < 5 && !t[k - 1].empty(); --k) put = put || putting.count(t[k - 1]) > 0;
        const auto before = std::find_if(named.rbegin(), named.rend(), [&](const auto& n) { return n.first < i; });
        if (!put || before == named.rend()) continue;
        std::vector<IdeaField>& attributes = found[before->second].attributes;
        if (std::any_of(attributes.begin(), attributes.end(), [](const IdeaField& f) { return f.kind == "choice"; })) continue;
        attributes.push_back({"status", "Status", "choice", {t[i + 2] == "stock" ? "In stock" : "Available", "Out of " + t[i + 2]}});
    }
    // "mark a sailing as cancelled", "hearings can be marked as adjourned", "a button that marks it as adopted", "tick
    // off walks as completed": one state the rows are marked as is their workflow, on the thing marked (the one
    // between the verb and "as", else the one named last before the verb).
    static const std::set<std::string> marking = wordSet("mark marks marked flag flags flagged tick ticks ticked check checks checked");
    for (size_t as = 1; as < t.size(); ++as) {
        if (t[as] != "as") continue;
        size_t verb = as;
        while (verb > 0 && as - verb < 6 && !t[verb - 1].empty() && !marking.count(t[verb - 1])) --verb;
        if (verb == 0 || !marking.count(t[verb - 1])) continue;
        const bool ticked = t[verb - 1].rfind("tick", 0) == 0 || t[verb - 1].rfind("check", 0) == 0;
        if (ticked && (verb >= t.size() || t[verb] != "off")) continue;  // "check each room as ..." is inspecting
        IdeaField state = markedState(t, as);
        if (state.name.empty()) continue;
        std::string thing;  // people are things here too ("mark a donor as having donated")
        for (size_t k = verb; k < as; ++k)
            for (const std::string& key : {singularOf(t[k]), k > verb ? t[k - 1] + " " + singularOf(t[k]) : std::string()})
                if (managed.count(key) && managed[key]) thing = key;
        const auto before = std::find_if(named.rbegin(), named.rend(), [&](const auto& n) { return n.first < verb - 1; });
        if (thing.empty() && before != named.rend()) thing = before->second;
        if (!thing.empty() && !decisions.count(thing)) decisions[thing] = std::move(state);
    }
    for (const auto& listed : readings.forEach) {
        const size_t from = listed.first;  // a plain name: lambdas may not capture structured bindings (clang)
        const auto before = std::find_if(named.rbegin(), named.rend(), [&](const auto& n) { return n.first < from; });
        if (before == named.rend()) continue;
        RequestEntity& owner = found[before->second];
        owner.score += 3;  // given a value of its own, like "X with A and B"
        addNewFields(owner.attributes, listed.second);
    }
    for (const auto& [phrase, app] : appOnly)
        if (app) found[phrase].score = std::min(found[phrase].score, 1);
    for (const std::string& phrase : order)
        if (!stated.count(phrase) && found[phrase].attributes.empty()) managed[phrase] = false;
    // "keep the hearing calendar", "walkers see their schedule": a calendar of the things the app keeps is a view of
    // them (the calendar feature), not a list of calendars.
    static const std::set<std::string> timeViews = wordSet("calendar schedule timetable agenda rota docket");
    const auto managedCount = std::count_if(order.begin(), order.end(), [&](const std::string& o) { return managed[o]; });
    for (const std::string& phrase : order)
        if (managedCount > 1 && managed[phrase] && timeViews.count(found[phrase].head) && found[phrase].attributes.empty()) managed[phrase] = false;
    // "submit an adoption application ... approve or reject applications": the bare head is the one longer phrase
    // with that head, said again for short.
    for (const std::string& longer : order) {
        RequestEntity& named = found[longer];
        if (!managed[longer] || named.phrase == named.head || !managed[named.head]) continue;
        const auto sameHead = std::count_if(order.begin(), order.end(), [&](const std::string& o) { return managed[o] && found[o].head == named.head; });
        if (sameHead != 2) continue;
        const RequestEntity& bare = found[named.head];
        named.score = std::max(named.score, bare.score) + 1;
        addNewFields(named.attributes, bare.attributes);
        if (named.examples.empty()) named.examples = bare.examples;
        if (decisions.count(named.head)) decisions.emplace(longer, decisions.at(named.head));
        managed[named.head] = false;
    }
    for (const std::string& phrase : order)
        if (managed[phrase]) out.entities.push_back(found[phrase]);
    // Best first; the first mentioned wins a tie (requests usually name their subject early).
    std::stable_sort(out.entities.begin(), out.entities.end(), [](const RequestEntity& a, const RequestEntity& b) { return a.score > b.score; });
    // "a conference schedule app showing sessions": a value that names a thing the request manages more is that
    // thing, no text the lesser one holds.
    for (size_t i = 1; i < out.entities.size(); ++i)
        for (size_t j = 0; j < i; ++j) {
            std::vector<IdeaField>& fields = out.entities[i].attributes;
            const std::string thing = camelKey(out.entities[j].head);
            if (out.entities[j].score > out.entities[i].score)
                fields.erase(std::remove_if(fields.begin(), fields.end(), [&](const IdeaField& f) { return f.kind == "text" && f.name == thing; }), fields.end());
        }
    // Readings no phrase took are the main entity's, unless they name an entity themselves.
    for (size_t m = 0; m < readings.measured.size(); ++m)
        if (!taken[m]) unowned.insert(unowned.end(), readings.measured[m].second.begin(), readings.measured[m].second.end());
    // "track my blood pressure and weight every morning", "a greenhouse monitor showing temperature and humidity":
    // measures no thing the request acts on holds are readings, taken one after another.
    const bool measuresOnly = std::count_if(unowned.begin(), unowned.end(), [](const IdeaField& f) { return f.kind == "number"; }) >= 2 &&
                              (out.entities.empty() || out.entities.front().score < 5);
    // "see when each membership expires": with nothing else named, the thing whose date it is is what the app keeps.
    static const std::set<std::string> dateEnds = wordSet("expiry end start renewal");
    for (const IdeaField& f : unowned) {
        const size_t space = f.label.rfind(' ');
        if (!out.entities.empty() || f.kind != "date" || space == std::string::npos || !dateEnds.count(f.label.substr(space + 1))) continue;
        RequestEntity owner;
        owner.phrase = lowerWord(f.label.substr(0, space));
        owner.head = owner.phrase.substr(owner.phrase.rfind(' ') + 1);
        owner.words = tokensWithBoundaries(owner.phrase);
        owner.score = 5;
        out.entities.push_back(std::move(owner));
    }
    if (measuresOnly) {
        RequestEntity readingRows;
        readingRows.head = readingRows.phrase = "reading";
        readingRows.words = {"reading"};
        readingRows.score = 5;
        out.entities.insert(out.entities.begin(), std::move(readingRows));
    }
    // "jobs" and "job listings", "rooms" and "room entries": a listing of a thing is the thing, with what is said of either.
    static const std::set<std::string> listingWords = wordSet("listing posting post entry record ad advert");
    for (size_t i = 0; i < out.entities.size();) {
        const RequestEntity& listing = out.entities[i];
        const bool listingOf = listing.words.size() == 2 && listingWords.count(listing.head);
        const auto base = std::find_if(out.entities.begin(), out.entities.end(), [&](const RequestEntity& e) { return listingOf && e.phrase == listing.words.front(); });
        if (base == out.entities.end()) {
            ++i;
            continue;
        }
        addNewFields(base->attributes, listing.attributes);
        base->score = std::max(base->score, listing.score);
        out.entities.erase(out.entities.begin() + static_cast<long>(i));
    }
    if (!out.entities.empty()) {
        std::vector<IdeaField>& fields = out.entities.front().attributes;
        for (const IdeaField& f : unowned) {
            const bool entity = std::any_of(out.entities.begin(), out.entities.end(), [&](const RequestEntity& e) { return camelKey(e.head) == f.name || camelKey(e.phrase) == f.name; });
            const bool owned = std::any_of(out.entities.begin(), out.entities.end(), [&](const RequestEntity& e) {
                return std::any_of(e.attributes.begin(), e.attributes.end(), [&](const IdeaField& g) { return g.name == f.name; });
            });
            if (!entity && !owned) fields.push_back(f);
        }
    }
    // Stages are the workflow of what the app manages, its main entity, whatever noun stands nearest ("a bug
    // tracker for a game studio with statuses ...").
    for (const ValueList& l : lists) {
        if (out.entities.empty()) break;
        std::vector<IdeaField>& fields = out.entities.front().attributes;
        fields.erase(std::remove_if(fields.begin(), fields.end(), [&](const IdeaField& f) { return f.name == l.field.name; }), fields.end());
        fields.insert(fields.begin(), l.field);
    }
    // A decision on rows with no workflow of their own gives them one ("approve or reject applications"); stages the
    // request lists stay ("episodes in each stage ... approve an episode for release").
    for (RequestEntity& e : out.entities) {
        const auto decided = decisions.find(e.phrase);
        const bool workflow = std::any_of(e.attributes.begin(), e.attributes.end(), [](const IdeaField& f) { return f.kind == "choice"; });
        if (decided != decisions.end() && !workflow) e.attributes.insert(e.attributes.begin(), decided->second);
        // "a count of requests that are Ready": a state of their status, not a yes/no beside it. "track income and
        // expenses" of transactions: a kind of them, not an amount of each.
        const auto stateOfChoice = [&](const IdeaField& f) {
            return f.kind != "choice" && std::any_of(e.attributes.begin(), e.attributes.end(), [&](const IdeaField& c) {
                       return c.kind == "choice" && std::any_of(c.choices.begin(), c.choices.end(), [&](const std::string& v) {
                                  return singularOf(lowerWord(v)) == singularOf(lowerWord(f.label));
                              });
                   });
        };
        e.attributes.erase(std::remove_if(e.attributes.begin(), e.attributes.end(), stateOfChoice), e.attributes.end());
        // "list hearings by day ... reschedule a hearing to a new date": a row's date says its day, and a weekday
        // chosen beside it would disagree with it.
        if (std::any_of(e.attributes.begin(), e.attributes.end(), [](const IdeaField& f) { return f.kind == "date"; }))
            e.attributes.erase(std::remove_if(e.attributes.begin(), e.attributes.end(), [](const IdeaField& f) { return f.name == "day" && f.kind == "choice"; }),
                               e.attributes.end());
    }
    return out;
}

} // namespace

std::string withoutReasons(std::string_view request) {
    static const char* const reasons[] = {" so that ", " so i can ", " so we can ", " so they can ", " so i don't ", " in order to "};
    const std::string low = lowerWord(request);
    std::string out;
    size_t from = 0;
    for (;;) {
        size_t at = std::string::npos;
        for (const char* r : reasons) at = std::min(at, low.find(r, from));
        if (at == std::string::npos) break;
        const size_t end = std::min({low.find_first_of(".;\n", at), low.find(" as a ", at), low.find(" as an ", at)});
        out.append(request.substr(from, at - from));
        from = end == std::string::npos ? low.size() : end;
    }
    return out.append(request.substr(std::min(from, request.size())));
}

bool knownVerb(const std::string& word) { return verbs().count(word) || verbs().count(singularOf(word)); }

//-----------------------------------------------------------------------------
// [SECTION] requestEntities
//-----------------------------------------------------------------------------

std::string upperAsWritten(const std::string& word, std::string_view request, const std::string& otherwise) {
    for (size_t at = 0; (at = request.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ", at)) != std::string_view::npos; ++at) {
        const bool whole = (at == 0 || !std::isalnum(static_cast<unsigned char>(request[at - 1]))) &&
                           (at + word.size() >= request.size() || !std::isalnum(static_cast<unsigned char>(request[at + word.size()])));
        if (whole && at + word.size() <= request.size() && lowerWord(request.substr(at, word.size())) == word &&
            std::all_of(request.begin() + at, request.begin() + at + word.size(), [](char c) { return !std::islower(static_cast<unsigned char>(c)); }))
            return std::string(request.substr(at, word.size()));
    }
    return otherwise;
}

std::string requestSubject(std::string_view request) {
    const std::vector<std::string> cased = wordsAndMarks(request);
    const std::vector<std::string> t = tokensWithBoundaries(request);
    const Readings readings = readingsOf(cased, t);
    const std::vector<Phrase> phrases = phrasesOf(t);
    const RequestNouns nouns = readNouns(request);
    // "a lost and found website", "a bed and breakfast site": a compound of two words joined by "and" names the
    // subject as a whole, though its words alone are verbs or name other things.
    static const std::set<std::string> joinedCompounds = {"lost and found", "bed and breakfast", "arts and crafts", "health and safety",
                                                          "questions and answers", "food and drink", "hide and seek", "fish and chips"};
    const auto appWordAt = [&](size_t k) { return k < t.size() && containerNouns().count(singularOf(t[k])) > 0; };
    for (size_t k = 0; k + 3 < t.size(); ++k)
        if (const std::string joined = t[k] + " " + t[k + 1] + " " + t[k + 2]; joinedCompounds.count(joined) && (appWordAt(k + 3) || appWordAt(k + 4)))
            return titleCased(t[k]) + " and " + titleCased(t[k + 2]);
    for (size_t n = 0; n < phrases.size(); ++n) {
        Phrase p = phrases[n];
        // "a hostel's bed availability": the owner and what it has are one subject.
        if (p.end < t.size() && t[p.end] == kOwns && n + 1 < phrases.size() && phrases[n + 1].begin == p.end + 1 && !appNouns().count(p.head)) {
            p.end = phrases[n + 1].end;
            p.head = phrases[++n].head;
        }
        // "piano teacher marks attendance ...", "escape room game master console ...": a request that opens with a
        // specialised role is named by it; a bare role ("tenants report repairs") names nothing.
        const bool opensWithRole = n == 0 && (p.begin == 0 || (p.begin == 1 && determiners().count(t[0]))) && !p.plural && !p.modifier.empty() &&
                                   agentNoun(p.head) && actorAt(cased, t, p);
        // "a karaoke night queue", "a game night planner": a time its modifier names is an occasion, a subject.
        static const std::set<std::string> occasions = wordSet("night day evening morning weekend");
        const bool occasion = occasions.count(p.head) && !p.modifier.empty();
        if (!opensWithRole && ((appNouns().count(p.head) && !containerNouns().count(p.head) && !occasion) || actorAt(cased, t, p) || readings.covers(p.begin) ||
                               loneAdjective(p.head)))
            continue;
        // "A couple and their planner share ...; the couple keeps ...": people who use the app, wherever they act,
        // unless the app also manages them.
        const auto managedHere = [&](const RequestEntity& e) { return e.phrase == p.head; };
        if (personRole(p.head) && p.modifier.empty() && std::find(nouns.actors.begin(), nouns.actors.end(), pluralOf(p.head)) != nouns.actors.end() &&
            std::none_of(nouns.entities.begin(), nouns.entities.end(), managedHere))
            continue;
        // "a fitness tracking web app": where the app runs is no part of its name.
        static const std::set<std::string> platforms = wordSet("web mobile desktop ios android");
        std::vector<std::string> words;
        for (size_t k = p.begin; k < p.end; ++k)
            if (!qualifiers().count(t[k]) && t[k] != kOwns && !(platforms.count(t[k]) && k + 1 < p.end && containerNouns().count(singularOf(t[k + 1]))))
                words.push_back(t[k]);
        // A tool keeps its word ("Tip Calculator", "Pomodoro Timer"); other containers go ("Habit Tracker App" ->
        // "Habit Tracker", "Recipe Website" -> "Recipe"), though a name of one word keeps the kind of app it is
        // ("Job Board", "Habit Tracker"), unless that is only "app" or "site".
        static const std::set<std::string> tools = wordSet("calculator converter estimator configurator timer clock stopwatch countdown monitor");
        static const std::set<std::string> plainKinds = wordSet("app application system platform portal site website tool interface ui prototype page screen view");
        std::string kind;
        while (words.size() > 1 && containerNouns().count(singularOf(words.back())) && !tools.count(words.back())) {
            kind = words.back();
            words.pop_back();
        }
        // "The city bus depot runs about 80 buses": the phrase ran on into its verb, which an object follows.
        static const std::set<std::string> objectStarts = wordSet("a an the about through their our its his her each every all up out in on to with");
        const bool objectFollows = p.end < t.size() && (objectStarts.count(t[p.end]) || isNumber(t[p.end]));
        if (words.size() >= 3 && objectFollows && knownVerb(words.back())) words.pop_back();
        // "a connect four game", "a 15 puzzle": a game named with a number keeps it.
        static const std::set<std::string> numberWords = wordSet("two three four five six seven eight nine ten");
        if (p.end + 1 < t.size() && (isNumber(t[p.end]) || numberWords.count(t[p.end])) && (t[p.end + 1] == "game" || t[p.end + 1] == "puzzle"))
            words.push_back(t[p.end]);
        // "the game 2048", "a 2048 game": the game's own name.
        if (words.size() == 1 && (words[0] == "game" || words[0] == "puzzle")) {
            if (p.end < t.size() && isNumber(t[p.end])) return t[p.end];
            if (p.begin > 0 && isNumber(t[p.begin - 1])) return t[p.begin - 1];
        }
        // "an app for ...", "a portal", "an AI assistant that ...": a bare container or helper names nothing, the
        // subject comes after it ("a calculator" does).
        static const std::set<std::string> bare = wordSet(
            "app application tool system platform portal site website dashboard hub interface ui prototype console kanban board log "
            "logbook journal diary tracker list manager planner ai assistant copilot chatbot bot game screen page");
        if (words.empty() || (words.size() == 1 && bare.count(singularOf(words[0])))) continue;
        // Not people ("Our vineyard managers need ..."): an app kind is named in the singular.
        if (words.size() == 1 && !kind.empty() && !plainKinds.count(kind) && singularOf(kind) == kind) words.push_back(kind);
        // "a pricing calculator for vinyl banners", "an inventory system for a bakery": a purpose alone names no
        // subject; what it is for does ("Banner Pricing Calculator", "Bakery Inventory").
        static const std::set<std::string> purposes = wordSet(
            "pricing price cost quote quoting estimate budget inventory stock booking scheduling ordering order tracking waitlist queue signup registration");
        if (words.size() <= 2 && purposes.count(words[0]) && n + 1 < phrases.size() && p.end < t.size() && t[p.end] == "for") {
            size_t m = n + 1;
            const bool follows = pastDeterminers(t, p.end + 1) == phrases[m].begin;
            // "the waitlist for the shelter's next litter of puppies": what it is for is the last of the chain.
            while (m + 1 < phrases.size() && phrases[m + 1].begin == phrases[m].end + 1 && (t[phrases[m].end] == kOwns || t[phrases[m].end] == "of")) ++m;
            const Phrase& what = phrases[m];
            if (follows && !personRole(what.head) && !appNouns().count(what.head)) {
                std::vector<std::string> named = what.modifier.empty() ? std::vector<std::string>{what.head} : std::vector<std::string>{what.modifier, what.head};
                words.insert(words.begin(), named.begin(), named.end());
            }
        }
        // "Escape room game master": a long role phrase is named by what the role works on.
        if (opensWithRole && words.size() > 3) words.resize(words.size() - 2);
        // "Warehouse Inventory Management": with what it is for named, the managing goes without saying.
        if (words.size() >= 3 && words.back() == "management") words.pop_back();
        if (words.size() > 3) words.erase(words.begin(), words.end() - 3);
        std::string name;
        for (const std::string& w : words) name += (name.empty() ? "" : " ") + upperAsWritten(w, request, titleCased(w));
        return name;
    }
    return "";
}

std::string requestProperName(std::string_view request) {
    // Words as written, with a mark wherever punctuation separates them: a name is never split by a comma or a quote.
    std::vector<std::string> words;
    std::string w;
    for (size_t i = 0; i <= request.size(); ++i) {
        const char c = i < request.size() ? request[i] : '\n';
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '&' || (c == '\'' && !w.empty() && i + 1 < request.size() && std::isalpha(static_cast<unsigned char>(request[i + 1])))) {
            w += c;
            continue;
        }
        if (!w.empty()) words.push_back(std::exchange(w, {}));
        if (c != ' ') words.push_back("|");
    }
    static const std::set<std::string> leads = wordSet("for at from of called named by");
    const auto capital = [](const std::string& x) { return std::isupper(static_cast<unsigned char>(x[0])) && x.find('\'') == std::string::npos; };
    for (size_t i = 0; i + 2 < words.size(); ++i) {
        if (!leads.count(lowerWord(words[i]))) continue;
        size_t k = i + 1;
        if (lowerWord(words[k]) == "the") ++k;
        size_t end = k;
        while (end < words.size() && end - k < 5 && words[end] != "|" && (capital(words[end]) || (words[end] == "&" && end > k))) ++end;
        if (end - k < 2 || words[end - 1] == "&") continue;
        std::string name;
        for (size_t j = k; j < end; ++j) name += (name.empty() ? "" : " ") + words[j];
        return name;
    }
    return "";
}

std::vector<RequestEntity> requestEntities(std::string_view request) { return readNouns(request).entities; }

std::vector<std::string> requestActors(std::string_view request) { return readNouns(request).actors; }

void addNewFields(std::vector<IdeaField>& to, const std::vector<IdeaField>& fields) {
    // "Patient" and "Patient name" are one value.
    const auto same = [](const IdeaField& a, const IdeaField& b) { return a.name == b.name || a.name + "Name" == b.name || b.name + "Name" == a.name; };
    for (const IdeaField& f : fields)
        if (std::none_of(to.begin(), to.end(), [&](const IdeaField& g) { return same(f, g); })) to.push_back(f);
}

bool kindNoun(const std::string& word) {
    static const std::set<std::string> s = wordSet(
        "type kind category class level grade tier size mark label tag style theme topic genre format method mode difficulty priority flavour flavor");
    return s.count(word) > 0;
}

bool isFunctionWord(const std::string& word) { return functionWords().count(word) > 0; }

} // namespace pt::draft
