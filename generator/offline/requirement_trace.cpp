// Promptotype — OfflineDrafter: the request's requirements, and what the composition built for each of them.
//
// A request is split the way people write them: numbered or bulleted lines, a numbered list on one line, else the
// sentences of a paragraph, else the clauses of a one-liner. Each statement is then read for what the drafter knows
// how to build (features, the entities and their fields, quoted labels) and traced to the screens, overlays and
// nodes built for those. A statement nothing was built for is listed with no ids: inspect and the presenter then
// show it as uncovered.
//
// [SECTION] Splitting a request
// [SECTION] Finding what was built

#include "generator/offline/draft_patterns.h"
#include "runtime/spec/catalog.h"
#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>

namespace pt::draft {

//-----------------------------------------------------------------------------
// [SECTION] Splitting a request
//-----------------------------------------------------------------------------

namespace {

constexpr size_t kMaxRequirements = 24;     // a longer list is a spec document, not a request; the rest is dropped
constexpr size_t kMaxRequirementBytes = 140;  // one requirement, short

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string trimmed(std::string_view s) {
    while (!s.empty() && (isSpace(s.front()) || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (isSpace(s.back()) || s.back() == '\n')) s.remove_suffix(1);
    return std::string(s);
}

// "1. ", "2) ", "(3) ", "- ", "* ", "• ": the length of a list marker starting `line` (after its indent), 0 when none.
size_t listMarker(std::string_view line) {
    size_t i = 0;
    if (line.substr(0, 3) == "\xE2\x80\xA2") i = 3;  // •
    else if (!line.empty() && (line[0] == '-' || line[0] == '*' || line[0] == '+')) i = 1;
    else {
        size_t start = line.size() > 0 && line[0] == '(' ? 1 : 0, d = start;
        while (d < line.size() && isDigit(line[d]) && d - start < 3) ++d;
        if (d == start || d >= line.size() || !(line[d] == '.' || line[d] == ')')) return 0;
        i = d + 1;
    }
    return i < line.size() && isSpace(line[i]) ? i + 1 : 0;
}

// The request's lines that are list items, with their markers removed; a line under an item continues it.
std::vector<std::string> listItems(std::string_view request) {
    std::vector<std::string> items;
    bool inItem = false;
    for (size_t at = 0; at <= request.size();) {
        size_t end = std::min(request.find('\n', at), request.size());
        std::string_view line = request.substr(at, end - at);
        at = end + 1;
        size_t indent = 0;
        while (indent < line.size() && isSpace(line[indent])) ++indent;
        std::string_view body = line.substr(indent);
        if (size_t marker = listMarker(body)) {
            items.push_back(trimmed(body.substr(marker)));
            inItem = true;
        } else if (body.empty()) {
            inItem = false;
        } else if (inItem && indent > 0) {
            items.back() += " " + trimmed(body);
        } else {
            inItem = false;
        }
    }
    return items;
}

// A numbered list written on one line ("It must show: 1. the tanks 2. a chart of ... 3. ..."): the items, markers
// removed, when "1." to "N." (N >= 2) follow one another after spaces; else none. The words before "1." introduce it.
std::vector<std::string> inlineItems(std::string_view request) {
    std::vector<size_t> starts, ends;   // where each marker starts and where its item's text begins
    size_t from = 0;
    for (int n = 1;; ++n) {
        const std::string mark = std::to_string(n);
        size_t found = std::string_view::npos;
        for (size_t at = request.find(mark, from); at != std::string_view::npos; at = request.find(mark, at + 1)) {
            const size_t after = at + mark.size();
            const bool startOk = at == 0 || isSpace(request[at - 1]);
            const bool markOk = after + 1 < request.size() && (request[after] == '.' || request[after] == ')') && isSpace(request[after + 1]);
            if (startOk && markOk) { found = at; break; }
        }
        if (found == std::string_view::npos) break;
        starts.push_back(found);
        ends.push_back(found + mark.size() + 2);
        from = ends.back();
    }
    std::vector<std::string> items;
    if (starts.size() < 2) return items;
    for (size_t i = 0; i < starts.size(); ++i) {
        const size_t stop = i + 1 < starts.size() ? starts[i + 1] : request.size();
        items.push_back(trimmed(request.substr(ends[i], stop - ends[i])));
    }
    return items;
}

// Sentences end at . ! ? ; or a line break, when what follows is a space or the end ("e.g.", "$4.50" stay whole).
std::vector<std::string> sentences(std::string_view text) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        bool end = i == text.size() || text[i] == '\n';
        if (!end && std::strchr(".!?;", text[i]) && (i + 1 == text.size() || isSpace(text[i + 1]) || text[i + 1] == '\n')) {
            std::string_view before = text.substr(start, i - start);
            bool abbreviation = before.size() >= 3 && before[before.size() - 2] == '.';  // "e.g." "i.e."
            end = !abbreviation;
        }
        if (!end) continue;
        std::string s = trimmed(text.substr(start, i - start));
        if (!s.empty()) out.push_back(std::move(s));
        start = i + 1;
    }
    return out;
}

std::string lowered(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return (char)std::tolower(c); });
    return out;
}

// `text` cut at every `join` (matched in any case) outside brackets ("a category (hardware, access)" is one piece),
// pieces trimmed. `beforeVerb`: only where a verb follows ("looks at X and suggests Y", not "drills and ladders").
std::vector<std::string> splitAt(const std::string& text, const char* join, bool beforeVerb = false) {
    std::vector<std::string> out;
    const std::string low = lowered(text);
    const size_t n = std::strlen(join);
    size_t from = 0;
    for (size_t hit = low.find(join); hit != std::string::npos; hit = low.find(join, hit + n)) {
        const auto opened = std::count(low.begin() + static_cast<long>(from), low.begin() + static_cast<long>(hit), '(');
        const auto closed = std::count(low.begin() + static_cast<long>(from), low.begin() + static_cast<long>(hit), ')');
        if (opened > closed) continue;
        if (beforeVerb) {
            const size_t end = low.find_first_of(" ,.;", hit + n);
            const std::string next = low.substr(hit + n, end == std::string::npos ? std::string::npos : end - hit - n);
            const bool verb = knownVerb(next) || (next.size() > 3 && next.back() == 's' && knownVerb(next.substr(0, next.size() - 1))) ||
                              (next.size() > 4 && next.compare(next.size() - 2, 2, "es") == 0 && knownVerb(next.substr(0, next.size() - 2)));
            if (!verb) continue;
        }
        out.push_back(trimmed(std::string_view(text).substr(from, hit - from)));
        from = hit + n;
    }
    out.push_back(trimmed(std::string_view(text).substr(from)));
    return out;
}

// Where " with " opens a list in `low` from `from` on; "swap shifts with each other" opens none.
size_t listWith(const std::string& low, size_t from) {
    for (size_t at = low.find(" with ", from); at != std::string::npos; at = low.find(" with ", at + 1))
        if (low.compare(at + 6, 10, "each other") != 0 && low.compare(at + 6, 11, "one another") != 0) return at;
    return std::string::npos;
}

// `parts` split further at each of `joins`, then at " and " (before a verb only when `clause`).
std::vector<std::string> splitAll(std::vector<std::string> parts, bool clause) {
    for (const char* join : {", and ", ", ", " plus ", " as well as ", " and "}) {
        std::vector<std::string> next;
        for (const std::string& part : parts)
            for (std::string& piece : splitAt(part, join, clause && std::strcmp(join, " and ") == 0)) next.push_back(std::move(piece));
        parts = std::move(next);
    }
    return parts;
}

// A one-liner's clauses: what it is, then the list after its first "with" ("a habit tracker with daily streaks and
// reminders" -> tracker, streaks, reminders; "... and a chat with my club" keeps the last one whole). A clause after
// "where" or "that" splits at its commas and before its verbs ("neighbours borrow drills and ladders" is one), then its
// own "with" list splits as a list.
std::vector<std::string> clauses(const std::string& sentence) {
    static const char* const kHeads[] = {" that ", " where ", " so that "};
    const std::string low = lowered(sentence);
    size_t cut = listWith(low, 0), skip = 6;
    bool clause = false;
    for (const char* head : kHeads)
        if (size_t at = low.find(head); at < cut) { cut = at; skip = std::strlen(head); clause = true; }
    std::vector<std::string> out;
    if (cut != std::string::npos) out.push_back(trimmed(std::string_view(sentence).substr(0, cut)));
    std::string rest = cut == std::string::npos ? sentence : sentence.substr(cut + skip);
    std::vector<std::string> parts;
    if (clause) {
        const size_t with = listWith(lowered(rest), 0);
        parts = splitAll({rest.substr(0, with)}, true);
        rest = with == std::string::npos ? "" : rest.substr(with + 6);
    }
    for (std::string& p : splitAll({rest}, false)) parts.push_back(std::move(p));
    for (std::string& p : parts)
        if (!p.empty()) out.push_back(std::move(p));
    return out;
}

// Short and shown as written: first letter capitalized, cut at a word near kMaxRequirementBytes.
std::string requirementText(const std::string& statement) {
    std::string s = safeText(statement, kMaxRequirementBytes + 40);
    while (!s.empty() && std::strchr(":,.;-", s.back())) s.pop_back();
    if (s.size() > kMaxRequirementBytes) {
        size_t cut = s.rfind(' ', kMaxRequirementBytes);
        s = (cut == std::string::npos || cut < kMaxRequirementBytes / 2 ? safeText(s, kMaxRequirementBytes) : s.substr(0, cut)) + "…";
    }
    return capitalized(s);
}

} // namespace

std::vector<std::string> requirementStatements(std::string_view request) {
    std::vector<std::string> parts = listItems(request);
    if (parts.size() < 2) parts = inlineItems(request);
    if (parts.size() < 2) {
        parts = sentences(request);
        if (parts.size() == 1) parts = clauses(parts.front());
    }
    std::vector<std::string> out;
    for (const std::string& p : parts) {
        std::string text = requirementText(p);
        bool hasLetters = std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c); });
        if (hasLetters && std::find(out.begin(), out.end(), text) == out.end()) out.push_back(text);
        if (out.size() == kMaxRequirements) break;
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Finding what was built
//-----------------------------------------------------------------------------

namespace {

// `phrase` (lower case) appears in `text` (lower case) as whole words.
bool saysPhrase(const std::string& text, const std::string& phrase) {
    if (phrase.size() < 3) return false;
    for (size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
        bool startOk = at == 0 || !std::isalnum((unsigned char)text[at - 1]);
        size_t end = at + phrase.size();
        bool endOk = end == text.size() || !std::isalnum((unsigned char)text[end]) || text[end] == 's';
        if (startOk && endOk) return true;
    }
    return false;
}

// Every node of the spec written in screens and overlays (bodies, bars, dialog actions, children, repeat `empty`).
void forEachNode(Json& v, const std::function<void(Json&)>& visit) {
    if (v.is_array()) {
        for (Json& item : v) forEachNode(item, visit);
        return;
    }
    if (!v.is_object() || v.empty()) return;
    if (WidgetCatalog::get().find(v.begin().key())) visit(v);
    for (auto& [k, child] : v.items())
        if (child.is_array() || child.is_object()) forEachNode(child, visit);
}

void forEachSpecNode(Json& spec, const std::function<void(Json&)>& visit) {
    for (const char* section : {"screens", "overlays"})
        if (spec.contains(section))
            for (auto& [id, holder] : spec[section].items())
                for (const char* part : {"body", "bar", "actions"})
                    if (holder.is_object() && holder.contains(part)) forEachNode(holder[part], visit);
}

// The words a node shows as written (its main value, label or title), lower case.
std::string shownText(const Json& node) {
    for (auto it = node.begin(); it != node.end(); ++it) {
        bool main = it == node.begin();
        if ((main || it.key() == "label" || it.key() == "title") && it->is_string()) return lowered(it->get<std::string>());
    }
    return "";
}

// Quoted words in a statement: "Add to cart", 'Mammals', “Today”.
std::vector<std::string> quotedIn(const std::string& statement) {
    std::vector<std::string> out;
    const std::pair<const char*, const char*> quotes[] = {{"\"", "\""}, {"'", "'"}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"\xE2\x80\x98", "\xE2\x80\x99"}};
    for (auto& [open, close] : quotes)
        for (size_t at = statement.find(open); at != std::string::npos;) {
            size_t start = at + std::strlen(open), end = statement.find(close, start);
            if (end == std::string::npos) break;
            if (end - start >= 2 && end - start <= 60) out.push_back(lowered(statement.substr(start, end - start)));
            at = statement.find(open, end + std::strlen(close));
        }
    return out;
}

// Whether a statement asks for looks (colours, dark mode, font, density, corners) and the draft's style has every
// one it asks for: then the theme carries the statement on every screen.
bool appliedLooks(const RequestStyle& draft, const RequestStyle& asked) {
    const std::pair<const std::string&, const std::string&> looks[] = {
        {asked.brand, draft.brand}, {asked.background, draft.background}, {asked.surface, draft.surface}, {asked.header, draft.header},
        {asked.accent, draft.accent}, {asked.text, draft.text}, {asked.font, draft.font}, {asked.density, draft.density}, {asked.corners, draft.corners}};
    bool any = asked.dark || !asked.statusColours.empty();
    for (size_t i = 0; i < asked.statusColours.size(); ++i)
        if (i >= draft.statusColours.size() || draft.statusColours[i].colour != asked.statusColours[i].colour) return false;
    for (const auto& [wanted, got] : looks) {
        if (wanted.empty()) continue;
        if (wanted != got) return false;
        any = true;
    }
    return any && (!asked.dark || draft.dark);
}

// Adds the id to the list unless it is there.
void addOnce(std::vector<std::string>& ids, const std::string& id) {
    if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

} // namespace

RequirementTracer::RequirementTracer(Draft& draft) : d(draft) {
    for (const char* section : {"screens", "overlays"})
        if (d.spec.contains(section))
            for (auto& [id, v] : d.spec[section].items()) taken.insert(id);
    forEachSpecNode(d.spec, [&](Json& n) { if (n.contains("id") && n["id"].is_string()) taken.insert(n["id"].get<std::string>()); });
    for (auto& [statement, ids] : d.composed) taken.insert(ids.begin(), ids.end());
}

std::string RequirementTracer::freshId(const std::string& name) {
    std::string id = name;
    for (int n = 2; taken.count(id); ++n) id = name + std::to_string(n);
    taken.insert(id);
    return id;
}

std::string RequirementTracer::idOf(Json& node, const std::string& name) {
    if (!node.contains("id") || !node["id"].is_string()) node["id"] = freshId(camelKey(name));
    return node["id"].get<std::string>();
}

std::vector<std::string> RequirementTracer::trace(const std::string& statement) {
    std::vector<std::string> ids;
    if (auto it = d.composed.find(statement); it != d.composed.end())
        for (const std::string& id : it->second) addOnce(ids, id);
    const std::string text = lowered(statement);
    const std::set<std::string> words = wordForms(statement);
    auto says = [&](std::initializer_list<const char*> list) {
        return std::any_of(list.begin(), list.end(), [&](const char* w) { return words.count(w) > 0; });
    };
    // Features the statement names: the screens and overlays their patterns added, and search fields.
    for (const std::string& feature : featuresNamed(statement)) {
        if (auto it = d.built.find(feature); it != d.built.end())
            for (const std::string& id : it->second) addOnce(ids, id);
        if (feature == "search")
            forEachSpecNode(d.spec, [&](Json& n) { if (n.begin().key() == "search") addOnce(ids, idOf(n, "search")); });
    }
    // Entities it names: their list; their form when it adds, their detail screen when it changes one.
    for (const EntityPlan& p : d.plans) {
        std::string singular = p.entity.singular, plural = p.entity.plural;
        std::replace(singular.begin(), singular.end(), ' ', '-');
        std::replace(plural.begin(), plural.end(), ' ', '-');
        bool named = words.count(singular) || words.count(plural);
        // "Admins manage the fleet", "keep the inventory up to date": the collection of the app's main things is them.
        const bool collection = &p == &d.plans.front() && says({"fleet", "inventory", "catalog", "catalogue", "collection", "roster"}) &&
                                says({"manage", "maintain", "update", "keep", "edit", "run"});
        if (collection && !named) {
            addOnce(ids, p.newScreen);
            addOnce(ids, p.detailScreen);
        }
        named = named || collection;
        if (named) addOnce(ids, p.listScreen);
        if (named && says({"add", "create", "new", "log", "record", "enter", "submit", "register", "post", "write", "upload", "save", "form"}))
            addOnce(ids, p.newScreen);
        if (named && says({"edit", "update", "delete", "remove", "detail", "view", "open", "mark", "complete", "change", "status"}))
            addOnce(ids, p.detailScreen);
        // Fields it names: the form inputs that edit them.
        for (const IdeaField& f : p.entity.fields) {
            // The title is labelled with the whole phrase ("Unread message"); "messages" names it too. A unit in
            // brackets is the label's, not the request's words ("Weight (kg)" is "weight in kilograms").
            std::string label = lowered(f.label);
            if (const size_t unit = label.find(" ("); unit != std::string::npos && label.back() == ')') label.erase(unit);
            const std::string head = label.substr(label.rfind(' ') + 1);
            // A statement that is only a value's word ("Stock") names the field whose label ends with it ("In stock").
            // So does one that is its key, under another label (a note's "body" shown as "Note").
            const bool bare = words.size() <= 2 && (saysPhrase(text, head) || saysPhrase(text, lowered(f.name)));
            if (!saysPhrase(text, label) && !(&f == &p.entity.fields.front() && saysPhrase(text, head)) && !bare) continue;
            std::string bind = p.draftKey + "." + f.name;
            // A picture is attached by a button that sets it, everything else is edited by an input bound to it.
            forEachSpecNode(d.spec, [&](Json& n) {
                const bool sets = n.contains("press") && n["press"].is_object() && n["press"].value("set", "") == bind;
                if ((n.contains("bind") && n["bind"] == bind) || sets) addOnce(ids, idOf(n, p.noun + " " + f.name));
            });
        }
    }
    // The app it names and nothing it asks the app to do ("Member app for Harbor Federal Credit Union", "Observing
    // log for amateur astronomers"): the app itself, whose first screen carries that name.
    const std::string appName = lowered(d.spec["meta"].value("name", ""));
    const std::set<std::string> nameWords = wordForms(appName);
    static const std::set<std::string> notDoing = {"use", "used", "using", "is", "log", "track", "plan", "build", "make", "create", "implement", "design"};
    const bool doesNothing = std::none_of(words.begin(), words.end(), [&](const std::string& w) { return knownVerb(w) && !notDoing.count(w) && !nameWords.count(w); });
    if (!appName.empty() && doesNothing && saysPhrase(text, appName) && d.spec.contains("nav")) addOnce(ids, d.spec["nav"].value("start", "home"));
    // Looks it asks for: the theme shows them from the first screen on.
    if (appliedLooks(d.reading.style, readRequestStyle(statement)) && d.spec.contains("nav"))
        addOnce(ids, d.spec["nav"].value("start", "home"));
    // Labels it quotes: the nodes showing them.
    for (const std::string& label : quotedIn(statement))
        forEachSpecNode(d.spec, [&](Json& n) { if (shownText(n) == label) addOnce(ids, idOf(n, label)); });
    return ids;
}

Json draftRequirements(Draft& d) {
    RequirementTracer tracer(d);
    Json out = Json::array();
    for (const std::string& statement : d.reading.requirements)
        out.push_back(Json{{"text", statement}, {"ids", tracer.trace(statement)}});
    return out;
}

} // namespace pt::draft
