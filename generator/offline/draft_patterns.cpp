// Promptotype — the OfflineDrafter's pattern library: screens, state and flows it composes apps from.
//
// [SECTION] Entity plans
// [SECTION] Draft
// [SECTION] Formatting helpers
// [SECTION] Entity screens (list, detail, create)
// [SECTION] Home and insights
// [SECTION] Reminders, notifications, settings
// [SECTION] Checkout
// [SECTION] Booking and calendar
// [SECTION] Chat and AI assistant
// [SECTION] Approvals and board
// [SECTION] Player
// [SECTION] Login, onboarding, sharing

#include "generator/offline/draft_patterns.h"
#include <algorithm>
#include <cstring>
#include <cstdio>
#include <ctime>
#include <regex>

namespace pt::draft {

//-----------------------------------------------------------------------------
// [SECTION] Entity plans
//-----------------------------------------------------------------------------

namespace {

std::string uniqueKey(std::string key, std::set<std::string>& taken, const char* suffix) {
    if (key.empty()) key = "item";
    std::string k = key;
    for (int n = 2; taken.count(k); ++n) k = key + suffix + (n > 2 ? std::to_string(n) : "");
    taken.insert(k);
    return k;
}

bool isOneOf(const std::string& s, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (s == n) return true;
    return false;
}

} // namespace

EntityPlan planEntity(const IdeaEntity& entity, std::set<std::string>& taken) {
    EntityPlan p;
    p.entity = entity;
    if (p.entity.fields.empty()) p.entity.fields.push_back({"name", "Name", "text", {}});
    if (p.entity.singular.empty()) p.entity.singular = "item";
    if (p.entity.plural.empty()) p.entity.plural = pluralOf(p.entity.singular);
    if (p.entity.icon.empty()) p.entity.icon = "bookmark-o";
    p.noun = safeText(p.entity.singular, 40);
    p.nouns = safeText(p.entity.plural, 40);
    p.key = uniqueKey(camelKey(p.nouns), taken, "List");
    p.listScreen = p.key;
    p.detailScreen = uniqueKey(camelKey(p.noun), taken, "Detail");
    std::string cap = capitalized(camelKey(p.noun));
    p.newScreen = uniqueKey("new" + cap, taken, "Form");
    p.draftKey = uniqueKey(camelKey(p.noun) + "Draft", taken, "X");
    const auto& fs = p.entity.fields;
    p.title = &fs.front();
    for (auto& f : fs) {
        if (&f == p.title) continue;
        if (f.kind == "choice" && f.of.empty() && !p.status && isOneOf(f.name, {"status", "stage", "stages", "phase", "health", "shelf", "level", "mood"})) p.status = &f;
        if (f.kind == "money" && !p.amount) p.amount = &f;
        if (f.kind == "number" && !p.quantity) p.quantity = &f;
        if (f.kind == "date" && !p.when) p.when = &f;
        if (f.kind == "text" && !p.person &&
            isOneOf(f.name, {"assignee", "owner", "requester", "contact", "client", "customer", "stylist", "doctor", "instructor", "host", "author", "rider", "person"}))
            p.person = &f;
    }
    for (auto& f : fs)
        if (&f != p.title && f.kind == "choice" && f.of.empty() && &f != p.status && !p.category) p.category = &f;
    if (!p.category) p.category = p.status;
    if (!p.status) p.status = p.category;
    p.people = p.entity.icon == "user" || p.entity.icon == "comments";
    return p;
}

//-----------------------------------------------------------------------------
// [SECTION] Draft
//-----------------------------------------------------------------------------

bool Draft::has(std::string_view feature) const {
    return std::find(reading.features.begin(), reading.features.end(), feature) != reading.features.end();
}

void Draft::screen(const std::string& id, Json body) { spec["screens"][id] = std::move(body); }

void Draft::link(const std::string& screenId, const std::string& label, const std::string& icon, const std::string& text) {
    quickLinks.push_back(Json{{"screen", screenId}, {"label", label}, {"icon", icon}, {"text", text}});
}

//-----------------------------------------------------------------------------
// [SECTION] Formatting helpers
//-----------------------------------------------------------------------------

// "${x.amount}" shown the way a person reads it.
bool measuredInPercent(const std::string& label) {
    std::string low = label;
    std::transform(low.begin(), low.end(), low.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* share : {"humidity", "moisture", "remaining", "percent", "level", "occupancy", "progress"})
        if (low.find(share) != std::string::npos) return true;
    // "attendance rate", "pass rate", "interest rate": a share; a heart rate is beats.
    const size_t rate = low.rfind("rate");
    return rate != std::string::npos && rate + 4 == low.size() && (rate == 0 || low[rate - 1] == ' ') && low.find("heart") == std::string::npos;
}

std::string shownValue(const IdeaField& f, const std::string& alias) {
    std::string v = alias + "." + f.name;
    if (f.kind == "money") return "${currency(" + v + ")}";
    if (f.kind == "date") return "${date(" + v + ", 'ddd, MMM D')}";
    if (f.kind == "longtext") return "${truncate(" + v + ", 48)}";
    if (f.kind == "bool") return "${" + v + " ? " + exprString(f.label) + " : 'Not " + exprString(f.label).substr(1) + "}";
    if (f.kind == "rating") return "${" + v + "}/5";
    if (f.kind == "number") {
        // The unit: one the label gives "(kg)", one its reading is measured in, or a counted plural ("3 brood
        // frames"); "Temperature: 3 temperature" says nothing, so a singular label shows the bare number.
        std::string unit = f.label;
        size_t open = unit.find('('), close = unit.find(')');
        const bool given = open != std::string::npos && close != std::string::npos && close > open;
        if (given) unit = unit.substr(open + 1, close - open - 1);
        for (char& c : unit)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        static const std::pair<const char*, const char*> measured[] = {
            {"temperature", "°"}, {"wait", "min"}, {"minutes", "min"},
            {"hours", "h"}, {"overtime", "h"}, {"weight", "kg"}, {"distance", "km"}, {"speed", "km/h"}, {"acreage", "acres"}, {"length", "m"}};
        if (!given && measuredInPercent(unit)) return "${" + v + "}%";
        // "Number of brood frames": what is counted is the unit ("12 brood frames").
        for (const char* counted : {"number of ", "count of ", "amount of "})
            if (!given && unit.rfind(counted, 0) == 0) unit.erase(0, std::strlen(counted));
        if (!given) {
            const size_t space = unit.rfind(' ');
            const std::string last = space == std::string::npos ? unit : unit.substr(space + 1);
            std::vector<std::string> words;
            for (size_t from = 0, to; from < unit.size(); from = to + 1) {
                to = std::min(unit.find(' ', from), unit.size());
                words.push_back(unit.substr(from, to - from));
            }
            auto m = std::find_if(std::begin(measured), std::end(measured), [&](const auto& u) { return unit.find(u.first) != std::string::npos; });
            if (m != std::end(measured)) unit = m->second;
            // "Bikes available": a counted plural anywhere names the unit ("8 bikes available").
            else if (singularOf(last) == last && std::none_of(words.begin(), words.end(), [](const std::string& w) { return singularOf(w) != w; }))
                return "${" + v + "}";
        }
        return unit == "%" || unit == "°" ? "${" + v + "}" + unit : "${" + v + "} " + safeText(unit, 30);
    }
    return "${" + v + "}";
}

namespace {

const char* iconForKind(const std::string& kind) {
    if (kind == "date") return "calendar";
    if (kind == "time") return "clock-o";
    if (kind == "email") return "envelope";
    if (kind == "phone") return "phone";
    if (kind == "money") return "money";
    if (kind == "bool") return "check";
    if (kind == "choice") return "tag";
    return "info-circle";
}

const char* toneForChoice(const std::string& v) {
    static const char* good[] = {"Done", "Completed", "Paid", "Approved", "Delivered", "Won", "Resolved", "Healthy", "Confirmed", "Available",
                                 "On time", "Finished", "Known", "Stable", "Online", "Booked", "Excellent", "Calm", "On track", "Active"};
    static const char* bad[] = {"Overdue", "Rejected", "Critical", "Churned", "Urgent", "Blocked", "Delayed", "Sold out", "Endangered", "Poor", "Returned"};
    static const char* warn[] = {"Pending", "In progress", "At risk", "High", "Doing", "Observation", "Few rooms", "Vulnerable", "Learning", "Away", "Proposal", "Interview"};
    for (const char* g : good) if (v == g) return "success";
    for (const char* b : bad) if (v == b) return "danger";
    for (const char* w : warn) if (v == w) return "warning";
    return "info";
}

// The tone a choice shows in: the one the request colours it with, else the one its meaning has.
std::string toneOfChoice(const IdeaField& f, const std::string& choice) {
    const auto asked = f.choiceTones.find(choice);
    return asked != f.choiceTones.end() ? asked->second : toneForChoice(choice);
}

// Every choice with its tone, for a table's status column.
Json choiceTonesOf(const IdeaField& f) {
    Json tones = Json::object();
    for (const std::string& c : f.choices) tones[c] = toneOfChoice(f, c);
    return tones;
}

// Badge tone expression for a choice value held in `v`.
std::string toneExpr(const IdeaField& f, const std::string& v) {
    std::string expr;
    int n = 0;
    for (auto& c : f.choices) {
        std::string tone = toneOfChoice(f, c);
        if (tone == "info") continue;
        expr += v + " == " + exprString(c) + " ? '" + tone + "' : ";
        ++n;
    }
    return n == 0 ? "info" : "${" + expr + "'info'}";
}

// Subtitle and trailing text of a row.
std::string subtitleOf(const EntityPlan& p, const std::string& alias) {
    std::string out;
    int n = 0;
    for (auto& f : p.entity.fields) {
        if (&f == p.title || &f == p.status || &f == p.amount || f.kind == "longtext" || f.kind == "bool" || f.kind == "image") continue;
        if (n == 2) break;
        // A bare number says what it counts ("Mite count 20"); one shown with its unit already does ("3 kg").
        std::string value = shownValue(f, alias);
        if (f.kind == "number" && value == "${" + alias + "." + f.name + "}") value = safeText(f.label, 30) + " " + value;
        out += (n++ ? " · " : "") + value;
    }
    return out;
}

std::string trailingOf(const EntityPlan& p, const std::string& alias) {
    if (p.amount) return shownValue(*p.amount, alias);
    return "";
}

std::string filteredRows(const EntityPlan& p) {
    // The search finds a row by its title or any short text it shows ("search tickets by customer name").
    std::string haystack = "str(x." + p.title->name + ")";
    size_t more = 0;
    for (const IdeaField& f : p.entity.fields)
        if (&f != p.title && f.kind == "text" && more++ < 3) haystack += " + ' ' + str(x." + f.name + ")";
    std::string cond = "contains(lower(" + haystack + "), lower(ui." + p.key + "Query))";
    if (p.category) cond = "(ui." + p.key + "Filter == 'All' || x." + p.category->name + " == ui." + p.key + "Filter) && " + cond;
    return "${filter(" + p.key + ", x => " + cond + ")}";
}


Json tableColumns(const EntityPlan& p) {
    Json cols = Json::array();
    for (auto& f : p.entity.fields) {
        if (f.kind == "longtext" || f.kind == "image" || cols.size() >= 6) continue;
        Json c = Json{{"key", f.name}, {"label", safeText(f.label, 40)}};
        if (f.kind == "money") c["format"] = "currency";
        else if (f.kind == "date") c["format"] = "date";
        else if (f.kind == "number") c["format"] = "number";
        if (f.kind == "money" || f.kind == "number") c["align"] = "end";
        if (&f == p.status) c["tones"] = choiceTonesOf(f);
        cols.push_back(c);
    }
    return cols;
}

Json empty(const std::string& title, const std::string& text, const std::string& icon) {
    return Json{{"empty", title}, {"text", text}, {"icon", icon}};
}

} // namespace

Json rowItem(const EntityPlan& p, const std::string& alias) {
    Json item = Json{{"item", "${" + alias + "." + p.title->name + "}"}};
    std::string sub = subtitleOf(p, alias);
    if (!sub.empty()) item["subtitle"] = sub;
    if (p.people) item["avatar"] = "${" + alias + "." + p.title->name + "}";
    else item["icon"] = p.entity.icon;
    std::string trailing = trailingOf(p, alias);
    if (!trailing.empty()) item["trailing"] = trailing;
    if (p.status) item["badge"] = "${" + alias + "." + p.status->name + "}";
    item["press"] = Json{{"navigate", p.detailScreen}, {"params", Json{{"id", "${" + alias + ".id}"}}}};
    return item;
}

std::string rowPath(const EntityPlan& p, const std::string& alias, const std::string& field) {
    // Rows keep ascending ids, so a row's index is how many rows have a smaller id (stays right after deletes).
    return p.key + ".${count(" + p.key + ", y => y.id < " + alias + ".id)}." + field;
}

const Discussion* discussionFor(const std::string& word) {
    static const std::map<std::string, Discussion> kinds = {
        {"comment", {"comments", "Comments", "Comment", "Add a comment", "No comments yet"}},
        {"reply", {"replies", "Replies", "Reply", "Write a reply", "No replies yet"}},
        {"respond", {"replies", "Replies", "Reply", "Write a reply", "No replies yet"}},
        {"answer", {"answers", "Answers", "Answer", "Write an answer", "No answers yet"}},
        {"review", {"reviews", "Reviews", "Post review", "Write a review", "No reviews yet"}},
        {"discuss", {"discussion", "Discussion", "Post", "Add to the discussion", "Nothing said yet"}},
        {"discussion", {"discussion", "Discussion", "Post", "Add to the discussion", "Nothing said yet"}}};
    auto it = kinds.find(singularOf(word));
    if (it == kinds.end() && word.size() > 2 && word.compare(word.size() - 2, 2, "ed") == 0) it = kinds.find(word.substr(0, word.size() - 1));
    return it == kinds.end() ? nullptr : &it->second;
}

std::string addedToRow(const std::string& verb, const std::string& object) {
    static const std::set<std::string> writing = {"add", "leave", "post", "write", "give"};
    static const std::set<std::string> placing = {"place", "make", "submit", "put", "enter"};
    // "mark a recipe as a favourite", "add to favorites": the word before may be the preposition.
    static const std::set<std::string> keeping = {"save", "mark", "keep", "add", "star", "to", "as"};
    static const std::set<std::string> favourites = {"favorite", "favourite", "bookmark"};
    const std::string one = singularOf(object);
    if (writing.count(verb) && object.find(' ') == std::string::npos && discussionFor(object)) return one;
    if (placing.count(verb) && (one == "bid" || one == "offer")) return "bid";
    if (keeping.count(verb) && favourites.count(one)) return one;
    return "";
}

Json discussionOn(const Discussion& kind, const std::string& entriesPath, const std::string& alias, const std::string& bind, const std::string& id, const std::string& me) {
    const std::string entries = alias + "." + kind.field;
    Json entry = Json{{"item", "${c.text}"}, {"subtitle", "${c.who} · ${relative(c.at)}"}, {"avatar", "${c.who}"}, {"chevron", false},
                      {"repeat", Json{{"in", "${" + entries + " ?? []}"}, {"as", "c"}, {"empty", Json{{"text", kind.none}, {"muted", true}}}}}};
    Json post = Json::array({Json{{"push", entriesPath}, {"value", Json{{"who", me}, {"text", "${trim(" + bind + ")}"}, {"at", "${now()}"}}}},
                             Json{{"set", bind}, {"value", ""}}, Json{{"toast", kind.button == "Post" ? "Posted" : kind.button + " posted"}, {"tone", "success"}}});
    Json box = Json{{"row", Json::array({Json{{"input", ""}, {"id", id + "Text"}, {"placeholder", kind.placeholder}, {"bind", bind}, {"grow", 1}, {"submit", post}},
                                         Json{{"button", kind.button}, {"id", id}, {"enabled", "${trim(" + bind + ") != ''}"}, {"press", post}}})},
                    {"gap", 8}, {"valign", "center"}};
    return Json{{"section", Json::array({Json{{"list", Json::array({entry})}}, box})}, {"title", kind.title + " (${count(" + entries + " ?? [])})"}};
}

Json mockEntries(size_t i, const std::string& now) {
    std::tm day{};
    if (std::sscanf(now.c_str(), "%d-%d-%d", &day.tm_year, &day.tm_mon, &day.tm_mday) != 3) return mockEntries(i, kNow);
    day.tm_year -= 1900, day.tm_mon -= 1, day.tm_hour = 12;
    auto before = [&](int days) {
        std::tm t = day;
        t.tm_mday -= days;
        std::mktime(&t);  // normalises the day into month and year
        char buf[40];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
        return std::string(buf);
    };
    static const char* const people[] = {"Jordan Reyes", "Priya Raman", "Tom Becker", "Aiko Tanaka", "Maya Lopez"};
    static const char* const remarks[] = {"Thanks, this is really helpful.", "Same here. Any update on this?", "Could you add a bit more detail?",
                                          "Agreed, let's go with this.", "I can take a look tomorrow."};
    Json out = Json::array();
    const size_t n = i % 3 == 2 ? 0 : 2 - i % 3;
    for (size_t k = 0; k < n; ++k)
        out.push_back(Json{{"who", people[(i + k) % 5]}, {"text", remarks[(i * 2 + k) % 5]}, {"at", before(static_cast<int>(n - k)) + "T1" + std::to_string(k) + ":30"}});
    return out;
}

Json statTile(const std::string& label, const std::string& value, const std::string& icon, const std::string& caption) {
    Json s = Json{{"stat", label}, {"value", value}, {"icon", icon}};
    if (!caption.empty()) s["caption"] = caption;
    return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Entity screens (list, detail, create)
//-----------------------------------------------------------------------------

std::string lowerText(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

const std::vector<std::string>& timeChoices() {
    static const std::vector<std::string> times = {"07:00", "08:30", "09:00", "10:30", "12:00", "14:00", "16:30", "18:00", "20:00"};
    return times;
}

namespace {

Json inputFor(const EntityPlan& p, const IdeaField& f, bool required) {
    std::string path = p.draftKey + "." + f.name;
    std::string label = safeText(f.label, 60);
    std::string id = camelKey(p.noun) + capitalized(f.name);
    Json n;
    if (f.kind == "longtext") n = Json{{"textarea", label}, {"id", id}, {"rows", 3}};
    else if (f.kind == "date") n = Json{{"date", label}, {"id", id}};
    else if (f.kind == "time") n = Json{{"select", label}, {"id", id}, {"options", timeChoices()}};
    else if (f.kind == "bool") n = Json{{"switch", label}, {"id", id}};
    else if (f.kind == "rating") n = Json{{"rating", 5}, {"id", id}};
    else if (f.kind == "choice" && f.choices.size() <= 4) n = Json{{"segmented", f.choices}, {"id", id}};
    else if (f.kind == "choice") n = Json{{"select", label}, {"id", id}, {"options", f.choices}};
    else if (f.kind == "number") n = Json{{"input", label}, {"id", id}, {"kind", "number"}};
    else if (f.kind == "money") n = Json{{"input", label}, {"id", id}, {"kind", "number"}, {"prefix", "$"}};
    else if (f.kind == "email") n = Json{{"input", label}, {"id", id}, {"kind", "email"}, {"placeholder", "name@example.com"}};
    else if (f.kind == "phone") n = Json{{"input", label}, {"id", id}, {"kind", "phone"}, {"placeholder", "(415) 555-0123"}};
    else n = Json{{"input", label}, {"id", id}};
    n["bind"] = path;
    Json rules = Json::object();
    if (required) rules["required"] = "Give the " + p.noun + " a " + (f.kind == "text" ? "name" : "value");
    if (f.kind == "email") rules["email"] = "That doesn't look like an email";
    if (!rules.empty()) n["rules"] = rules;
    return n;
}

// Choices and segmented controls need a text label above them (they have none of their own).
void addLabelled(Json& body, const IdeaField& f, Json input) {
    if (f.kind == "choice" && f.choices.size() <= 4) body.push_back(Json{{"text", safeText(f.label, 60)}, {"style", "strong"}});
    if (f.kind == "rating") body.push_back(Json{{"text", safeText(f.label, 60)}, {"style", "strong"}});
    body.push_back(std::move(input));
}

std::string submitLabel(const Draft& d, const EntityPlan& p, bool primary) {
    static const char* verbs[] = {"save", "submit", "create", "add", "register", "apply", "generate", "post", "send application"};
    if (primary)
        for (auto& b : d.reading.buttons) {
            std::string low;
            for (char c : b) low += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            for (const char* v : verbs)
                if (low.rfind(v, 0) == 0 && low.find("cart") == std::string::npos) return safeText(b, 40);
        }
    return "Save " + p.noun;
}

} // namespace

void addEntityScreens(Draft& d, const EntityPlan& p, bool primary) {
    Json& state = d.spec["state"];
    const std::string Nouns = capitalized(p.nouns), Noun = capitalized(p.noun);
    state["ui"][p.key + "Query"] = "";
    if (p.category) state["ui"][p.key + "Filter"] = "All";

    // List: search, filter chips, rows (a table on desktop), a way to add one.
    Json list = Json::array();
    list.push_back(Json{{"search", "Search " + p.nouns}, {"id", "search" + capitalized(p.key)}, {"bind", "ui." + p.key + "Query"}});
    if (p.category) {
        Json chips = Json::array({"All"});
        for (auto& c : p.category->choices) chips.push_back(c);
        list.push_back(Json{{"chips", chips}, {"id", "filter" + capitalized(p.key)}, {"bind", "ui." + p.key + "Filter"}});
    }
    Json none = empty("No " + p.nouns + " found", "Try another search, or add a new " + p.noun, p.entity.icon);
    none["action"] = "New " + p.noun;
    none["go"] = p.newScreen;
    if (d.desktop()) {
        list.push_back(Json{{"card", Json::array({Json{{"table", filteredRows(p)}, {"columns", tableColumns(p)}, {"zebra", true},
                                                        {"on", Json{{"select", Json{{"navigate", p.detailScreen}, {"params", Json{{"id", "${event.item.id}"}}}}}}}}})},
                            {"pad", 8}});
        list.push_back(Json{{"text", "${count(" + filteredRows(p).substr(2, filteredRows(p).size() - 3) + ")} of ${count(" + p.key + ")} " + p.nouns}, {"style", "caption"}, {"muted", true}});
    } else {
        Json item = rowItem(p, "x");
        item["repeat"] = Json{{"in", filteredRows(p)}, {"as", "x"}, {"empty", none}};
        list.push_back(Json{{"list", Json::array({item})}});
    }
    Json bar = Json::array({Json{{"icon_button", "plus"}, {"label", "New " + p.noun}, {"id", "add" + capitalized(camelKey(p.noun))}, {"variant", "tonal"}, {"go", p.newScreen}}});
    d.screen(p.listScreen, Json{{"title", Nouns}, {"icon", p.entity.icon}, {"bar", bar}, {"body", list}});

    // Detail: header, key numbers, fields, status control, actions.
    Json col = Json::array();
    Json header = Json::array();
    if (p.people) header.push_back(Json{{"avatar", "${x." + p.title->name + "}"}, {"size", 52}});
    else header.push_back(Json{{"icon", p.entity.icon}, {"size", 28}, {"color", "brand"}, {"w", 40}});
    std::string sub = subtitleOf(p, "x");
    header.push_back(Json{{"heading", "${x." + p.title->name + "}"}, {"subtitle", sub}, {"grow", 1}});
    if (p.status) header.push_back(Json{{"badge", "${x." + p.status->name + "}"}, {"tone", toneExpr(*p.status, "x." + p.status->name)}});
    col.push_back(Json{{"card", Json::array({Json{{"row", header}, {"gap", 12}}})}});
    for (auto& f : p.entity.fields)
        if (f.kind == "image") col.push_back(Json{{"image", "${x." + f.name + "}"}, {"icon", "camera"}, {"h", 160}, {"visible", "${x." + f.name + " != ''}"}});
    Json stats = Json::array();
    for (auto& f : p.entity.fields)
        if ((f.kind == "money" || f.kind == "number" || f.kind == "rating") && stats.size() < 3)
            stats.push_back(Json{{"stat", safeText(f.label.substr(0, f.label.find(" (")), 40)}, {"value", shownValue(f, "x")}});  // "12 days" says the unit
    if (!stats.empty()) col.push_back(Json{{"grid", stats}, {"cols", static_cast<int>(stats.size())}});
    // Facts, and the row's yes/no values as things to change: today's tick (a tap ticks it, as on the Today list) and a
    // switch for each other one ("Rent paid").
    Json facts = Json::array(), switches = Json::array();
    const IdeaField* today = todayFlag(p);
    for (auto& f : p.entity.fields) {
        if (&f == p.title || &f == p.status || f.kind == "longtext" || f.kind == "money" || f.kind == "number" || f.kind == "rating" || f.kind == "image") continue;
        if (&f == today) {
            const std::string done = safeText(f.label, 40), notYet = "Not " + lowerText(done.substr(0, done.find(' '))) + " yet";
            facts.push_back(Json{{"item", "${x." + f.name + " ? " + exprString(done) + " : " + exprString(notYet) + "}"}, {"subtitle", "Today"}, {"icon", "check"},
                                 {"check", "${x." + f.name + "}"}, {"chevron", false}, {"id", "tick" + capitalized(camelKey(p.noun)) + "Here"},
                                 {"press", tickToday(p, f, "x")}});
        } else if (f.kind == "bool") {
            switches.push_back(Json{{"switch", safeText(f.label, 40)}, {"id", camelKey(p.noun + " " + f.label)}, {"bind", rowPath(p, "x", f.name)}});
        } else {
            facts.push_back(Json{{"item", shownValue(f, "x")}, {"subtitle", safeText(f.label, 40)}, {"icon", iconForKind(f.kind)}});
        }
    }
    if (!facts.empty()) col.push_back(Json{{"list", facts}, {"title", "Details"}});
    if (!switches.empty()) col.push_back(Json{{"card", switches}});
    for (auto& f : p.entity.fields)
        if (f.kind == "longtext") col.push_back(Json{{"card", Json::array({Json{{"text", "${x." + f.name + "}"}}})}, {"title", safeText(f.label, 40)}});
    if (p.status && p.status->choices.size() <= 4 && p.status->choices.size() >= 2) {
        col.push_back(Json{{"text", safeText(p.status->label, 40)}, {"style", "strong"}});
        col.push_back(Json{{"segmented", p.status->choices}, {"id", camelKey(p.noun) + "SetStatus"}, {"bind", rowPath(p, "x", p.status->name)},
                           {"change", Json{{"toast", "${x." + p.title->name + "} is now ${value}"}, {"tone", "success"}}}});
    }
    // "inspections for each hive": the rows that belong to this one, and a way to add one to it.
    for (const EntityPlan& q : d.plans)
        for (const IdeaField& f : q.entity.fields) {
            if (f.of != p.entity.singular || &q == &p) continue;
            Json item = rowItem(q, "c");
            item["repeat"] = Json{{"in", "${filter(" + q.key + ", c => c." + f.name + " == x." + p.title->name + ")}"}, {"as", "c"},
                                  {"empty", Json{{"text", "No " + q.nouns + " yet"}, {"muted", true}}}};
            col.push_back(Json{{"section", Json::array({Json{{"list", Json::array({item})}},
                                                        Json{{"button", "Add " + q.noun}, {"id", camelKey("add " + q.noun + " to " + p.noun)}, {"variant", "secondary"}, {"icon", "plus"},
                                                             {"press", Json::array({Json{{"set", q.draftKey + "." + f.name}, {"value", "${x." + p.title->name + "}"}},
                                                                                    Json{{"navigate", q.newScreen}}})}}})},
                               {"title", capitalized(q.nouns)}});
        }
    Json actions = Json::array();
    if (primary && d.has("payments") && p.amount)
        actions.push_back(Json{{"button", "Add to cart"}, {"id", "addToCart"}, {"icon", "cart-plus"}, {"grow", 1},
                               {"press", Json::array({Json{{"remove", "cart"}, {"where", "${it.id == x.id}"}},
                                                      Json{{"push", "cart"}, {"value", Json{{"id", "${x.id}"}, {"name", "${x." + p.title->name + "}"}, {"price", "${x." + p.amount->name + "}"}, {"qty", 1}}}},
                                                      Json{{"toast", "Added ${x." + p.title->name + "} to your cart"}, {"tone", "success"}}})}});
    if (primary && d.has("booking"))
        actions.push_back(Json{{"button", "Book"}, {"id", "bookThis"}, {"icon", "calendar-plus-o"}, {"grow", 1},
                               {"press", Json::array({Json{{"set", "booking.what"}, {"value", "${x." + p.title->name + "}"}}, Json{{"navigate", "book"}}})}});
    if (d.has("sharing"))
        actions.push_back(Json{{"button", "Share"}, {"id", camelKey(p.noun) + "Share"}, {"variant", "secondary"}, {"icon", "share-alt"}, {"grow", 1},
                               {"press", Json::array({Json{{"set", "sharing"}, {"value", "${x." + p.title->name + "}"}}, Json{{"open", "share"}}})}});
    if (!actions.empty()) col.push_back(Json{{"row", actions}, {"gap", 8}});
    std::string dialog = "delete" + capitalized(p.key);
    col.push_back(Json{{"button", "Delete " + p.noun}, {"id", "delete" + capitalized(camelKey(p.noun))}, {"variant", "ghost"}, {"icon", "trash"}, {"w", "fill"},
                       {"press", Json::array({Json{{"set", "doomed"}, {"value", Json{{"id", "${x.id}"}, {"name", "${x." + p.title->name + "}"}}}}, Json{{"open", dialog}}})}});
    Json gone = empty("This " + p.noun + " was deleted", "It is no longer in your " + p.nouns, p.entity.icon);
    gone["action"] = "Back to " + p.nouns;
    gone["go"] = p.listScreen;
    d.screen(p.detailScreen, Json{{"title", "${find(" + p.key + ", x => x.id == (params.id ?? 1))." + p.title->name + " ?? " + exprString(Noun) + "}"},
                                  {"body", Json{{"col", col}, {"gap", 14},
                                                {"repeat", Json{{"in", "${filter(" + p.key + ", x => x.id == (params.id ?? 1))}"}, {"as", "x"}, {"empty", gone}}}}}});
    d.spec["overlays"][dialog] = Json{
        {"kind", "dialog"}, {"title", "Delete ${doomed.name}?"},
        {"body", Json::array({Json{{"text", "It will be removed from your " + p.nouns + ". This can't be undone."}, {"muted", true}}})},
        {"actions", Json::array({Json{{"button", "Keep it"}, {"id", "keep" + capitalized(camelKey(p.noun))}, {"variant", "ghost"}, {"press", "close"}},
                                 Json{{"button", "Delete"}, {"id", "confirm" + capitalized(dialog)}, {"variant", "danger"},
                                      {"press", Json::array({Json{{"remove", p.key}, {"where", "${it.id == doomed.id}"}}, "close",
                                                             Json{{"toast", "${doomed.name} deleted"}}, Json{{"navigate", p.listScreen}}})}}})}};

    // Create: one input per field, the title required, saved rows appear in the list.
    Json form = Json::array();
    Json draftValue = Json::object(), pushed = Json::object();
    pushed["id"] = "${count(" + p.key + ") == 0 ? 1 : max(map(" + p.key + ", y => y.id)) + 1}";
    for (auto& f : p.entity.fields) {
        if (f.kind == "image") {
            // No camera here: the button attaches a stand-in picture, so the flow shows what attaching looks like.
            const std::string path = p.draftKey + "." + f.name;
            form.push_back(Json{{"image", "${" + path + "}"}, {"icon", "camera"}, {"h", 120}, {"visible", "${" + path + " != ''}"}});
            std::string what = safeText(f.label, 40);
            what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
            form.push_back(Json{{"button", "Add " + what}, {"id", camelKey(p.noun) + capitalized(f.name)}, {"icon", "camera"},
                                {"variant", "secondary"}, {"press", Json{{"set", path}, {"value", safeText(f.label, 40) + " attached"}}}});
            draftValue[f.name] = "";
            pushed[f.name] = "${" + path + "}";
            continue;
        }
        addLabelled(form, f, inputFor(p, f, &f == p.title));
        Json initial = "";
        if (f.kind == "choice") initial = f.choices.empty() ? Json("") : Json(f.choices.front());
        else if (f.kind == "number" || f.kind == "money") initial = 0;
        else if (f.kind == "date") initial = isoDay(0);
        else if (f.kind == "time") initial = "09:00";
        else if (f.kind == "bool") initial = false;
        else if (f.kind == "rating") initial = 4;
        draftValue[f.name] = initial;
        pushed[f.name] = "${" + p.draftKey + "." + f.name + "}";
    }
    state[p.draftKey] = draftValue;
    bool wantsCancel = std::find(d.reading.buttons.begin(), d.reading.buttons.end(), "Cancel") != d.reading.buttons.end();
    Json save = Json{{"button", submitLabel(d, p, primary)}, {"id", "save" + capitalized(camelKey(p.noun))}, {"icon", "check"}, {"w", "fill"},
                     {"press", Json::array({Json{{"validate", true}}, Json{{"push", p.key}, {"value", pushed}},
                                            Json{{"toast", "${" + p.draftKey + "." + p.title->name + "} added"}, {"tone", "success"}},
                                            Json{{"reset", p.draftKey}}, Json{{"navigate", p.listScreen}}})}};
    form.push_back(save);
    if (wantsCancel) form.push_back(Json{{"button", "Cancel"}, {"id", "cancel" + capitalized(camelKey(p.noun))}, {"variant", "ghost"}, {"w", "fill"}, {"press", "back"}});
    d.screen(p.newScreen, Json{{"title", "New " + p.noun}, {"body", d.desktop() ? Json::array({Json{{"card", form}, {"w", 640}}}) : form}});
}

//-----------------------------------------------------------------------------
// [SECTION] Home and insights
//-----------------------------------------------------------------------------

namespace {

// Counts (or amounts) per category choice, for charts.
Json chartByCategory(const EntityPlan& p, bool horizontal) {
    std::string choices = "[";
    for (size_t i = 0; i < p.category->choices.size(); ++i) choices += (i ? ", " : "") + exprString(p.category->choices[i]);
    choices += "]";
    std::string value = p.amount ? "sum(filter(" + p.key + ", x => x." + p.category->name + " == c), x => x." + p.amount->name + ")"
                                 : "count(" + p.key + ", x => x." + p.category->name + " == c)";
    Json chart = Json{{"bar_chart", "${map(" + choices + ", c => " + value + ")}"}, {"labels", p.category->choices}, {"h", 160}};
    if (horizontal) chart["horizontal"] = true;
    return chart;
}

} // namespace

Json amountTotal(const EntityPlan& p, const std::string& caption) {
    const std::string label = safeText(p.amount->label, 30), low = lowerText(label);
    static const std::set<std::string> rates = {"hourly", "nightly", "daily", "weekly", "monthly", "per", "rate"};
    const std::set<std::string> words = wordForms(low);
    if (std::any_of(rates.begin(), rates.end(), [&](const std::string& r) { return words.count(r) > 0; }))
        return statTile("Average " + low, "${currency(avg(map(" + p.key + ", x => x." + p.amount->name + ")), 'USD', 0)}", "money", caption);
    return statTile(low.rfind("total", 0) == 0 ? label : "Total " + low, "${currency(sum(" + p.key + ", x => x." + p.amount->name + "), 'USD', 0)}", "money", caption);
}

Json donutByCategory(const EntityPlan& p) {
    std::string choices = "[";
    for (size_t i = 0; i < p.category->choices.size(); ++i) choices += (i ? ", " : "") + exprString(p.category->choices[i]);
    choices += "]";
    std::string value = p.amount ? "sum(filter(" + p.key + ", x => x." + p.category->name + " == c), x => x." + p.amount->name + ")"
                                 : "count(" + p.key + ", x => x." + p.category->name + " == c)";
    return Json{{"donut", "${map(" + choices + ", c => {label: c, value: " + value + "})}"}, {"size", 140},
                {"center", p.amount ? "${compact(sum(" + p.key + ", x => x." + p.amount->name + "))}" : "${count(" + p.key + ")}"}};
}

namespace {

Json keyStats(const Draft& d, const EntityPlan& p) {
    Json stats = Json::array();
    stats.push_back(statTile(capitalized(p.nouns), "${count(" + p.key + ")}", p.entity.icon, "in total"));
    // Not when home already counts every state of it (a view built for the request): the tile would be a twin.
    const std::string counted = p.status ? "x." + p.status->name + " == " : "";
    const bool countedOnHome = p.status && std::any_of(d.homeViews.begin(), d.homeViews.end(), [&](const Json& v) { return v.dump().find(counted) != std::string::npos; });
    if (p.status && !p.status->choices.empty() && !countedOnHome) {
        const std::string& first = p.status->choices.front();
        stats.push_back(statTile(safeText(first, 30), "${count(" + p.key + ", x => x." + p.status->name + " == " + exprString(first) + ")}",
                                 "circle-o", p.nouns));
    }
    // Rows of money in and out ("Income" / "Expense"): what is left is the figure people look for, not a sum of both.
    const auto flow = std::find_if(p.entity.fields.begin(), p.entity.fields.end(), [](const IdeaField& f) {
        return f.kind == "choice" && std::find(f.choices.begin(), f.choices.end(), "Income") != f.choices.end() &&
               std::find(f.choices.begin(), f.choices.end(), "Expense") != f.choices.end();
    });
    if (p.amount && flow != p.entity.fields.end()) {
        const auto total = [&](const char* kind) {
            return "sum(filter(" + p.key + ", x => x." + flow->name + " == '" + kind + "'), x => x." + p.amount->name + ")";
        };
        stats.insert(stats.begin(), statTile("Balance", "${currency(" + total("Income") + " - " + total("Expense") + ", 'USD', 0)}", "balance-scale", "income less expenses"));
    } else if (p.amount)
        stats.push_back(amountTotal(p, ""));
    else if (p.quantity)
        stats.push_back(statTile("Average " + safeText(p.quantity->label, 30), "${number(avg(map(" + p.key + ", x => x." + p.quantity->name + ")), 1)}", "bar-chart", ""));
    if (p.when)
        stats.push_back(statTile("This week", "${count(" + p.key + ", x => abs(daysBetween(today(), x." + p.when->name + ")) < 7)}", "calendar", p.nouns));
    // A figure a view built for the request already shows on home is not shown twice.
    const auto onHome = [&](const Json& tile) {
        const std::string value = tile.value("value", std::string());
        return std::any_of(d.homeViews.begin(), d.homeViews.end(), [&](const Json& v) { return v.dump().find(value) != std::string::npos; });
    };
    stats.erase(std::remove_if(stats.begin(), stats.end(), onHome), stats.end());
    size_t keep = d.wide() ? 4 : 2;
    if (stats.size() > keep) stats.erase(stats.begin() + static_cast<long>(keep), stats.end());
    return stats;
}

// The people the request says use the app, as a "Viewing as" switch, so a demo can say whose view it walks
// through. Null when the request names fewer than two.
Json viewerSwitch(Draft& d) {
    Json roles = Json::array();
    for (const std::string& a : d.reading.actors)
        if (roles.size() < 4) roles.push_back(safeText(capitalized(singularOf(a)), 30));
    if (roles.size() < 2) return nullptr;
    d.spec["state"]["ui"]["viewer"] = roles[0];
    return Json{{"row", Json::array({Json{{"text", "Viewing as"}, {"style", "caption"}, {"muted", true}},
                                     Json{{"chips", roles}, {"id", "viewAs"}, {"bind", "ui.viewer"}}})},
                {"gap", 8}, {"valign", "center"}};
}

} // namespace

const IdeaField* todayFlag(const EntityPlan& p) {
    for (const IdeaField& f : p.entity.fields)
        if (f.kind == "bool" && lowerText(f.label).find("today") != std::string::npos) return &f;
    return nullptr;
}

Json tickToday(const EntityPlan& p, const IdeaField& flag, const std::string& alias) {
    const std::string row = alias + "." + flag.name;
    Json press = Json::array();
    if (const IdeaField* streak = streakOf(p)) press.push_back(Json{{"inc", rowPath(p, alias, streak->name)}, {"by", "${" + row + " ? -1 : 1}"}, {"min", 0}});
    press.push_back(Json{{"toggle", rowPath(p, alias, flag.name)}});
    // The alias holds the row as it was pressed; the toast reads the row as the toggle left it.
    const std::string now = "find(" + p.key + ", y => y.id == " + alias + ".id)." + flag.name;
    press.push_back(Json{{"if", "${" + now + "}"}, {"then", Json::array({Json{{"toast", "${" + alias + "." + p.title->name + "} done for today"}, {"tone", "success"}}})}});
    return press;
}

const IdeaField* streakOf(const EntityPlan& p) {
    for (const IdeaField& f : p.entity.fields) {
        const std::string label = lowerText(f.label.substr(0, f.label.find(" (")));
        if (f.kind == "number" && label.size() >= 6 && label.compare(label.size() - 6, 6, "streak") == 0) return &f;
    }
    return nullptr;
}

namespace {

// Today's rows to tick off: how many are done, and a row each that a tap ticks or unticks. What a tracker of daily
// things opens on.
Json todayChecklist(const EntityPlan& p, const IdeaField& flag) {
    const std::string done = "count(" + p.key + ", x => x." + flag.name + ")";
    Json item = Json{{"item", "${x." + p.title->name + "}"}, {"check", "${x." + flag.name + "}"}, {"chevron", false}, {"icon", p.entity.icon}};
    if (const IdeaField* streak = streakOf(p)) item["subtitle"] = "${x." + streak->name + "} day streak";
    else if (const std::string sub = subtitleOf(p, "x"); !sub.empty()) item["subtitle"] = sub;
    item["press"] = tickToday(p, flag, "x");
    item["id"] = "tick" + capitalized(camelKey(p.noun));
    item["repeat"] = Json{{"in", "${" + p.key + "}"}, {"as", "x"}};
    return Json{{"section", Json::array({Json{{"progress", "${" + done + " / max(count(" + p.key + "), 1)}"}, {"label", "${" + done + "} of ${count(" + p.key + ")} done"}},
                                         Json{{"list", Json::array({item})}}})},
                {"title", "Today"}, {"action", "See all"}, {"go", p.listScreen}};
}

} // namespace

void addHome(Draft& d) {
    const EntityPlan& p = d.plans.front();
    Json body = Json::array();
    // The request's own title when it gives one; never an invented greeting or the request itself as a subtitle.
    if (!d.reading.heading.empty()) body.push_back(Json{{"heading", safeText(d.reading.heading, 80)}, {"level", 1}});
    if (Json viewAs = viewerSwitch(d); !viewAs.is_null()) body.push_back(viewAs);
    Json stats = keyStats(d, p);
    if (!stats.empty()) body.push_back(Json{{"grid", stats}, {"cols", static_cast<int>(stats.size())}});
    // What a tracker of daily things is opened for comes first: today's rows to tick off.
    const IdeaField* today = todayFlag(p);
    if (today) body.push_back(todayChecklist(p, *today));
    for (const Json& view : d.homeViews) body.push_back(view);
    std::string recent = p.when ? "${slice(sort(" + p.key + ", '" + p.when->name + "', 'desc'), 0, " + (d.wide() ? "6" : "3") + ")}"
                                : "${slice(" + p.key + ", 0, " + (d.wide() ? "6" : "3") + ")}";
    Json none = empty("No " + p.nouns + " yet", "Add your first " + p.noun + " to get started", p.entity.icon);
    none["action"] = "New " + p.noun;
    none["go"] = p.newScreen;
    Json recentList;
    if (d.desktop()) {
        recentList = Json{{"table", recent}, {"columns", tableColumns(p)},
                          {"on", Json{{"select", Json{{"navigate", p.detailScreen}, {"params", Json{{"id", "${event.item.id}"}}}}}}}};
    } else {
        Json item = rowItem(p, "x");
        item["repeat"] = Json{{"in", recent}, {"as", "x"}, {"empty", none}};
        recentList = Json{{"list", Json::array({item})}};
    }
    Json section = Json{{"section", Json::array({recentList})}, {"title", "Recent " + p.nouns}, {"action", "See all"}, {"go", p.listScreen}};
    if (p.category && d.wide()) {
        Json chartCard = Json{{"card", Json::array({chartByCategory(p, false)})}, {"title", (p.amount ? safeText(p.amount->label, 30) : capitalized(p.nouns)) + " by " + safeText(p.category->label, 30)}, {"grow", 2}};
        Json donutCard = Json{{"card", Json::array({donutByCategory(p)})}, {"title", "Share by " + safeText(p.category->label, 30)}, {"grow", 1}};
        body.push_back(Json{{"row", Json::array({chartCard, donutCard})}, {"gap", 16}, {"valign", "top"}});
    } else if (p.category) {
        body.push_back(Json{{"card", Json::array({chartByCategory(p, true)})},
                            {"title", (p.amount ? safeText(p.amount->label, 30) : capitalized(p.nouns)) + " by " + safeText(p.category->label, 30)}});
    }
    if (!today) body.push_back(section);
    // Quick links to everything the nav bar does not show.
    Json tiles = Json::array();
    for (auto& l : d.quickLinks) {
        bool inNav = false;
        for (auto& n : d.navItems) inNav = inNav || n["screen"] == l["screen"];
        if (inNav) continue;
        tiles.push_back(Json{{"card", Json::array({Json{{"icon", l["icon"]}, {"size", 22}, {"color", "brand"}},
                                                   Json{{"text", l["label"]}, {"style", "strong"}},
                                                   Json{{"text", l["text"]}, {"style", "caption"}, {"muted", true}}})},
                             {"id", "open" + capitalized(l["screen"].get<std::string>())}, {"go", l["screen"]}});
    }
    if (!tiles.empty()) body.push_back(Json{{"section", Json::array({Json{{"grid", tiles}, {"cols", d.wide() ? 3 : 2}}})}, {"title", "Shortcuts"}});
    // The idea's own buttons that no pattern claimed.
    Json extra = Json::array();
    for (auto& b : d.reading.buttons) {
        std::string low;
        for (char c : b) low += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        Json press = Json{{"toast", "Done: " + safeText(b, 60)}, {"tone", "success"}};
        if (low.find("cart") != std::string::npos || low.find("order") != std::string::npos || low.find("pay") != std::string::npos) {
            if (d.has("payments")) press = Json{{"navigate", "cart"}};
        } else if (low.find("book") != std::string::npos || low.find("reserve") != std::string::npos) {
            if (d.has("booking")) press = Json{{"navigate", "book"}};
        } else if (low.find("send") != std::string::npos || low.find("message") != std::string::npos) {
            if (d.has("chat")) press = Json{{"navigate", "inbox"}};
        } else if (low.find("search") != std::string::npos || low.find("filter") != std::string::npos || low.find("see all") != std::string::npos) {
            press = Json{{"navigate", p.listScreen}};
        } else if (low.find("play") != std::string::npos) {
            if (d.has("player")) press = Json{{"navigate", "player"}};
        } else if (low.find("share") != std::string::npos) {
            if (d.has("sharing")) press = Json{{"open", "share"}};
        }
        extra.push_back(Json{{"button", safeText(b, 40)}, {"variant", extra.empty() ? "primary" : "secondary"}, {"press", press}});
        if (extra.size() >= 6) break;
    }
    if (!extra.empty()) body.push_back(Json{{"row", extra}, {"wrap", true}, {"gap", 8}});
    Json bar = Json::array();
    if (d.has("notifications")) bar.push_back(Json{{"icon_button", "bell"}, {"label", "Notifications"}, {"id", "bell"}, {"badge", "${count(alerts, a => !a.read)}"}, {"go", "notifications"}});
    bar.push_back(Json{{"icon_button", "plus"}, {"label", "New " + p.noun}, {"id", "quickAdd"}, {"variant", "filled"}, {"go", p.newScreen}});
    d.screen("home", Json{{"title", safeText(d.reading.appName, 40)}, {"icon", "home"}, {"bar", bar}, {"body", body}});
}

// A row's fields shown on a card: each attribute with its label, the title as the card's heading, status as a badge.
Json cardFor(const EntityPlan& p, const std::string& alias) {
    Json card = Json::array({Json{{"text", "${" + alias + "." + p.title->name + "}"}, {"style", "strong"}}});
    for (const IdeaField& f : p.entity.fields) {
        if (&f == p.title || f.kind == "image") continue;
        if (&f == p.status) card.push_back(Json{{"badge", "${" + alias + "." + f.name + "}"}, {"tone", toneExpr(f, alias + "." + f.name)}});
        else if (&f == p.amount) card.push_back(Json{{"text", shownValue(f, alias)}, {"style", "h2"}});
        else card.push_back(Json{{"text", safeText(f.label, 40) + ": " + shownValue(f, alias)}, {"style", "caption"}, {"muted", true}});
    }
    return card;
}

void addSinglePage(Draft& d, const std::vector<std::vector<std::string>>& rowButtons, const std::vector<std::string>& sectionIds) {
    Json body = Json::array();
    body.push_back(Json{{"heading", safeText(d.reading.heading.empty() ? d.reading.appName : d.reading.heading, 80)}, {"level", 1}});
    for (const Json& view : d.homeViews)
        if (view.begin().key() == "grid") body.push_back(view);
    for (size_t i = 0; i < d.plans.size(); ++i) {
        const EntityPlan& p = d.plans[i];
        const bool cards = d.reading.style.cards || !rowButtons[i].empty();
        Json shown = cards ? Json{{"card", cardFor(p, "x")}} : rowItem(p, "x");
        shown.erase("press");  // no detail screen to open: everything is on this one
        if (cards)
            for (const std::string& verb : rowButtons[i]) shown["card"].push_back(itemToggleButton(p, verb, "x"));
        shown["repeat"] = Json{{"in", "${" + p.key + "}"}, {"as", "x"}, {"empty", empty("No " + p.nouns + " yet", "They will show here", p.entity.icon)}};
        Json rows = cards ? Json{{"grid", Json::array({shown})}, {"cols", d.wide() ? 3 : 1}} : Json{{"list", Json::array({shown})}};
        body.push_back(Json{{"section", Json::array({rows})}, {"title", capitalized(p.nouns)}, {"id", sectionIds[i]}});
    }
    for (const Json& view : d.homeViews)
        if (view.begin().key() != "grid") body.push_back(view);
    Json buttons = Json::array();
    for (const std::string& b : d.reading.buttons)
        buttons.push_back(Json{{"button", safeText(b, 40)}, {"variant", buttons.empty() ? "primary" : "secondary"},
                               {"press", Json{{"toast", "Done: " + safeText(b, 60)}, {"tone", "success"}}}});
    if (!buttons.empty()) body.push_back(Json{{"row", buttons}, {"wrap", true}, {"gap", 8}});
    d.screen("home", Json{{"title", safeText(d.reading.appName, 40)}, {"icon", "home"}, {"body", body}});
}

void addInsights(Draft& d) {
    const EntityPlan& p = d.plans.front();
    Json body = Json::array();
    Json stats = keyStats(d, p);
    if (!stats.empty()) body.push_back(Json{{"grid", stats}, {"cols", d.wide() ? 4 : 2}});
    if (p.when) {
        std::string series = p.amount ? "${map(lastDays(14), day => sum(filter(" + p.key + ", x => x." + p.when->name + " == day), x => x." + p.amount->name + "))}"
                                      : "${map(lastDays(14), day => count(" + p.key + ", x => x." + p.when->name + " == day) + 1)}";
        body.push_back(Json{{"card", Json::array({Json{{"line_chart", series}, {"labels", "${map(lastDays(14), day => date(day, 'D'))}"}, {"h", 160}}})},
                            {"title", p.amount ? safeText(p.amount->label, 30) + ", last 14 days" : "Activity, last 14 days"}});
    }
    if (p.category) {
        body.push_back(Json{{"card", Json::array({donutByCategory(p)})}, {"title", "By " + safeText(p.category->label, 30)}});
        body.push_back(Json{{"card", Json::array({chartByCategory(p, true)})}, {"title", (p.amount ? safeText(p.amount->label, 30) : "Count") + " per " + safeText(p.category->label, 30)}});
    }
    if (p.amount || p.quantity) {
        const IdeaField& f = p.amount ? *p.amount : *p.quantity;
        body.push_back(Json{{"list", Json::array({Json{{"item", "${x." + p.title->name + "}"}, {"trailing", shownValue(f, "x")}, {"icon", p.entity.icon},
                                                      {"press", Json{{"navigate", p.detailScreen}, {"params", Json{{"id", "${x.id}"}}}}},
                                                      {"repeat", Json{{"in", "${slice(sort(" + p.key + ", '" + f.name + "', 'desc'), 0, 5)}"}, {"as", "x"}}}}})},
                            {"title", "Top " + p.nouns + " by " + safeText(f.label, 30)}});
    }
    d.screen("insights", Json{{"title", "Insights"}, {"icon", "bar-chart"}, {"body", body}});
    d.link("insights", "Insights", "bar-chart", "Trends and totals");
}

//-----------------------------------------------------------------------------
// [SECTION] Reminders, notifications, settings
//-----------------------------------------------------------------------------

void addReminders(Draft& d) {
    const EntityPlan& p = d.plans.front();
    d.spec["state"]["reminders"] = Json{{"on", true}, {"time", "08:00"}, {"days", Json::array({"Mon", "Tue", "Wed", "Thu", "Fri"})}, {"weekends", false}, {"digest", true}};
    Json perItem = Json{{"item", "${x." + p.title->name + "}"}, {"subtitle", p.when ? "Next: " + shownValue(*p.when, "x") : "Daily at ${reminders.time}"},
                        {"icon", "bell-o"}, {"press", Json{{"navigate", p.detailScreen}, {"params", Json{{"id", "${x.id}"}}}}},
                        {"repeat", Json{{"in", "${slice(" + p.key + ", 0, 4)}"}, {"as", "x"}, {"empty", empty("Nothing to remind you about", "Add a " + p.noun + " first", "bell-slash-o")}}}};
    Json body = Json::array({
        Json{{"card", Json::array({Json{{"switch", "Daily reminder"}, {"id", "remindOn"}, {"desc", "A nudge about your " + p.nouns}, {"bind", "reminders.on"}},
                                   Json{{"select", "Time"}, {"id", "remindTime"}, {"bind", "reminders.time"},
                                        {"options", Json::array({"06:30", "07:00", "07:30", "08:00", "09:00", "12:30", "18:00", "21:00"})}, {"enabled", "${reminders.on}"}},
                                   Json{{"text", "Days"}, {"style", "strong"}},
                                   Json{{"chips", Json::array({"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"})}, {"id", "remindDays"}, {"multi", true}, {"bind", "reminders.days"}},
                                   Json{{"switch", "Also on weekends"}, {"id", "remindWeekends"}, {"bind", "reminders.weekends"}, {"enabled", "${reminders.on}"}}})},
             {"title", "When"}},
        Json{{"card", Json::array({Json{{"switch", "Weekly summary"}, {"id", "digest"}, {"desc", "Sunday evening recap of your " + p.nouns}, {"bind", "reminders.digest"}}})},
             {"title", "Summaries"}},
        Json{{"list", Json::array({perItem})}, {"title", "Coming up"}},
        Json{{"card", Json::array({Json{{"row", Json::array({Json{{"icon", "bell"}, {"color", "brand"}},
                                                              Json{{"text", "${reminders.on ? 'Next reminder: tomorrow at ' + reminders.time : 'Reminders are off'}"}, {"grow", 1}}})}}})},
             {"tone", "brand"}},
        Json{{"button", "Send a test reminder"}, {"id", "testReminder"}, {"variant", "secondary"}, {"icon", "paper-plane"}, {"enabled", "${reminders.on}"},
             {"press", Json{{"toast", "Reminder: time to check your " + p.nouns + "!"}}}}});
    d.screen("reminders", Json{{"title", "Reminders"}, {"icon", "bell"}, {"body", body}});
    d.link("reminders", "Reminders", "bell", "When to nudge you");
}

void addNotifications(Draft& d) {
    const EntityPlan& p = d.plans.front();
    Json alerts = Json::array();
    const char* verbs[] = {"was updated", "is due soon", "has a new comment", "was shared with you"};
    const std::string times[] = {isoDay(0) + "T08:15", isoDay(0) + "T06:40", isoDay(-1) + "T13:05", isoDay(-2) + "T10:30"};
    for (size_t i = 0; i < p.entity.rows.size() && i < 4; ++i) {
        const Json& title = p.entity.rows[i][p.title->name];
        std::string name = title.is_string() ? title.get<std::string>() : capitalized(p.noun);
        const std::string& at = times[i];
        alerts.push_back(Json{{"title", name}, {"text", verbs[i]}, {"at", at}, {"read", i >= 2}, {"id", static_cast<int>(i) + 1}});
    }
    d.spec["state"]["alerts"] = alerts;
    Json item = Json{{"item", "${a.title}"}, {"subtitle", "${a.text}"}, {"trailing", "${relative(a.at)}"}, {"icon", "${a.read ? 'bell-o' : 'bell'}"},
                     {"press", Json::array({Json{{"set", "alerts.${index}.read"}, {"value", true}}, Json{{"navigate", p.detailScreen}, {"params", Json{{"id", "${a.id}"}}}}})},
                     {"repeat", Json{{"in", "${alerts}"}, {"as", "a"}, {"empty", empty("You're all caught up", "New activity shows up here", "bell-slash-o")}}}};
    Json markAll = Json{{"button", "Mark all as read"}, {"id", "markAllRead"}, {"variant", "ghost"}, {"size", "sm"},
                        {"press", Json::array({Json{{"set", "alerts"}, {"value", "${map(alerts, a => {title: a.title, text: a.text, at: a.at, id: a.id, read: true})}"}},
                                               Json{{"toast", "All caught up"}}})}};
    Json unread = Json{{"text", "${count(alerts, a => !a.read)} unread"}, {"style", "strong"}, {"grow", 1}};
    Json body = Json::array({Json{{"row", Json::array({unread, markAll})}}, Json{{"list", Json::array({item})}}});
    d.screen("notifications", Json{{"title", "Notifications"}, {"icon", "bell"}, {"body", body}});
    d.link("notifications", "Notifications", "bell", "What changed");
}

void addSettings(Draft& d) {
    Json& state = d.spec["state"];
    state["profile"] = Json{{"name", "Sam Rivera"}, {"email", "sam.rivera@gmail.com"}};
    state["prefs"] = Json{{"push", true}, {"email", false}, {"weekly", true}, {"language", "English"}, {"currency", "USD"}};
    Json signOut = d.has("login") ? Json::array({Json{{"toast", "Signed out"}}, Json{{"navigate", "login"}}})
                                  : Json::array({Json{{"toast", "Signed out of " + safeText(d.reading.appName, 40)}}});
    Json body = Json::array({
        Json{{"card", Json::array({Json{{"row", Json::array({Json{{"avatar", "${profile.name}"}, {"size", 52}},
                                                              Json{{"col", Json::array({Json{{"text", "${profile.name}"}, {"style", "h3"}},
                                                                                        Json{{"text", "${profile.email}"}, {"muted", true}}})}, {"gap", 2}, {"grow", 1}}})},
                                             {"gap", 12}}})}},
        Json{{"card", Json::array({Json{{"input", "Display name"}, {"id", "settingsDisplayName"}, {"bind", "profile.name"}, {"rules", Json{{"required", "Enter your name"}}}},
                                   Json{{"input", "Email"}, {"id", "settingsEmail"}, {"kind", "email"}, {"bind", "profile.email"}, {"rules", Json{{"email", "That doesn't look like an email"}}}}})},
             {"title", "Profile"}},
        Json{{"card", Json::array({Json{{"switch", "Push notifications"}, {"id", "prefPush"}, {"desc", "Updates about your " + d.plans.front().nouns}, {"bind", "prefs.push"}},
                                   Json{{"switch", "Email updates"}, {"id", "prefEmail"}, {"bind", "prefs.email"}},
                                   Json{{"switch", "Weekly summary"}, {"id", "prefWeekly"}, {"bind", "prefs.weekly"}}})},
             {"title", "Notifications"}},
        Json{{"card", Json::array({Json{{"select", "Language"}, {"id", "prefLanguage"}, {"bind", "prefs.language"}, {"options", Json::array({"English", "Español", "Français", "Deutsch", "日本語"})}},
                                   Json{{"select", "Currency"}, {"id", "prefCurrency"}, {"bind", "prefs.currency"}, {"options", Json::array({"USD", "EUR", "GBP", "JPY"})}}})},
             {"title", "Preferences"}},
        Json{{"button", "Save changes"}, {"id", "settingsSave"}, {"icon", "check"}, {"w", "fill"},
             {"press", Json::array({Json{{"validate", true}}, Json{{"toast", "Settings saved"}, {"tone", "success"}}})}},
        Json{{"button", "Sign out"}, {"id", "signOut"}, {"variant", "ghost"}, {"icon", "sign-out"}, {"w", "fill"}, {"press", signOut}}});
    d.screen("settings", Json{{"title", "Settings"}, {"icon", "cog"}, {"body", body}});
    d.link("settings", "Settings", "cog", "Profile and preferences");
}

//-----------------------------------------------------------------------------
// [SECTION] Checkout
//-----------------------------------------------------------------------------

void addCheckout(Draft& d) {
    Json& state = d.spec["state"];
    // The cart starts with the first priced rows, or a plan when nothing in the app has a price.
    Json cart = Json::array();
    for (auto& p : d.plans) {
        if (!p.amount || !cart.empty()) continue;
        for (size_t i = 0; i < p.entity.rows.size() && cart.size() < 2; ++i) {
            const Json& r = p.entity.rows[i];
            if (!r[p.amount->name].is_number() || r[p.amount->name].get<double>() <= 0) continue;
            cart.push_back(Json{{"id", r["id"]}, {"name", r[p.title->name]}, {"price", r[p.amount->name]}, {"qty", 1}});
        }
    }
    // Goods are shipped; a booking, a pickup or a plan is paid for with no address and no delivery.
    static const std::regex goods(R"(\b(ship|ships|shipping|shipped|deliver|delivers|delivery|delivered|product|products|shop|store|cart|order|orders|buy|buys|sell|sells|selling|merch|goods|parcel|package|box|boxes|kit|kits)\b)");
    static const std::regex pickup(R"(\b(pickup|pick-up|pick up|collect|collection)\b)");
    std::string request = d.reading.request;
    std::transform(request.begin(), request.end(), request.begin(), [](unsigned char c) { return (char)std::tolower(c); });
    const bool shipped = !d.has("booking") && (request.empty() || (std::regex_search(request, goods) && !std::regex_search(request, pickup)));
    if (cart.empty() && d.has("booking") && !d.plans.front().entity.rows.empty())
        cart.push_back(Json{{"id", 1}, {"name", safeText(d.plans.front().entity.rows[0][d.plans.front().title->name].get<std::string>(), 40) + " · booking"}, {"price", 15}, {"qty", 1}});
    if (cart.empty()) cart.push_back(Json{{"id", 1}, {"name", safeText(d.reading.appName, 40) + " Plus · 1 year"}, {"price", 49}, {"qty", 1}});
    state["cart"] = cart;
    state["pay"] = Json{{"name", "Sam Rivera"}, {"email", "sam.rivera@gmail.com"}, {"address", "1840 NW Glisan St"}, {"city", "Portland"}, {"zip", "97209"},
                        {"card", ""}, {"exp", ""}, {"cvc", ""}, {"ship", "standard"}};
    state["order"] = Json{{"number", ""}, {"total", 0}, {"items", 0}};
    const std::string subtotal = "sum(cart, c => c.price * c.qty)";
    const std::string shipping = shipped ? "(pay.ship == 'express' ? 12 : 0)" : "0";
    Json summaryRows = Json::array({Json{{"row", Json::array({Json{{"text", "Subtotal"}, {"grow", 1}}, Json{{"text", "${currency(" + subtotal + ")}"}}})}}});
    if (shipped) summaryRows.push_back(Json{{"row", Json::array({Json{{"text", "Shipping"}, {"grow", 1}}, Json{{"text", "${pay.ship == 'express' ? currency(12) : 'Free'}"}}})}});
    summaryRows.push_back(Json{{"divider", ""}});
    summaryRows.push_back(Json{{"row", Json::array({Json{{"text", "Total"}, {"style", "h3"}, {"grow", 1}}, Json{{"text", "${currency(" + subtotal + " + " + shipping + ")}"}, {"style", "h3"}}})}});
    Json summary = Json{{"card", summaryRows}};
    Json lineRow = Json::array({
        Json{{"col", Json::array({Json{{"text", "${c.name}"}, {"style", "strong"}}, Json{{"text", "${currency(c.price)} each"}, {"style", "caption"}, {"muted", true}}})}, {"gap", 2}, {"grow", 1}},
        Json{{"icon_button", "minus"}, {"label", "Fewer"}, {"id", "fewer"}, {"variant", "tonal"}, {"enabled", "${c.qty > 1}"}, {"press", Json{{"inc", "cart.${index}.qty"}, {"by", -1}, {"min", 1}}}},
        Json{{"text", "${c.qty}"}, {"style", "strong"}},
        Json{{"icon_button", "plus"}, {"label", "More"}, {"id", "more"}, {"variant", "tonal"}, {"press", Json{{"inc", "cart.${index}.qty"}, {"max", 9}}}},
        Json{{"icon_button", "trash"}, {"label", "Remove"}, {"id", "removeLine"}, {"press", Json::array({Json{{"remove", "cart"}, {"at", "${index}"}}, Json{{"toast", "Removed ${c.name}"}}})}}});
    Json emptyCart = Json{{"empty", "Your cart is empty"}, {"text", "Add something from " + d.plans.front().nouns}, {"icon", "shopping-cart"},
                          {"action", "Browse " + d.plans.front().nouns}, {"go", d.plans.front().listScreen}};
    Json line = Json{{"card", Json::array({Json{{"row", lineRow}}})}, {"repeat", Json{{"in", "${cart}"}, {"as", "c"}, {"empty", emptyCart}}}};
    d.screen("cart", Json{{"title", "Cart"}, {"icon", "shopping-cart"},
                          {"body", Json::array({line, Json{{"section", Json::array({summary})}, {"visible", "${count(cart) > 0}"}},
                                                Json{{"button", "Checkout"}, {"id", "checkout"}, {"icon", "lock"}, {"w", "fill"}, {"visible", "${count(cart) > 0}"}, {"go", "checkout"}}})}});
    std::string payLabel = "Pay ${currency(" + subtotal + " + " + shipping + ")}";
    for (auto& b : d.reading.buttons)
        if (b.find("Order") != std::string::npos || b.find("Pay") != std::string::npos || b.find("order") != std::string::npos) payLabel = safeText(b, 40);
    Json contact = Json::array({
        Json{{"input", "Name"}, {"id", "payName"}, {"bind", "pay.name"}, {"rules", Json{{"required", "Enter your name"}}}},
        Json{{"input", "Email"}, {"id", "payEmail"}, {"kind", "email"}, {"bind", "pay.email"}, {"rules", Json{{"required", "We send the receipt here"}, {"email", "That doesn't look like an email"}}}}});
    if (shipped) {
        contact.push_back(Json{{"input", "Address"}, {"id", "payAddress"}, {"bind", "pay.address"}, {"rules", Json{{"required", "Enter a street address"}}}});
        contact.push_back(Json{{"row", Json::array({Json{{"input", "City"}, {"id", "payCity"}, {"bind", "pay.city"}, {"grow", 2}},
                                                    Json{{"input", "Zip Code"}, {"id", "payZip"}, {"bind", "pay.zip"}, {"grow", 1}, {"rules", Json{{"pattern", Json::array({"^[0-9]{5}$", "5 digits"})}}}}})},
                               {"valign", "top"}});
    }
    Json checkout = Json::array({Json{{"section", contact}, {"title", shipped ? "Shipping" : "Your details"}}});
    if (shipped)
        checkout.push_back(Json{{"radio", "Delivery"}, {"id", "ship"}, {"bind", "pay.ship"},
                                {"options", Json::array({Json{{"label", "Standard · 3–5 days"}, {"value", "standard"}, {"desc", "Free"}}, Json{{"label", "Express · next day"}, {"value", "express"}, {"desc", "$12.00"}}})}});
    for (Json& part : Json::array({
        Json{{"section", Json::array({
            Json{{"input", "Card Number"}, {"id", "card"}, {"bind", "pay.card"}, {"icon", "credit-card"}, {"hint", "Test card: 4242 4242 4242 4242"},
                 {"rules", Json{{"required", "Enter your card number"}, {"pattern", Json::array({"^[0-9 ]{16,19}$", "Card numbers have 16 digits"})}}}},
            Json{{"row", Json::array({Json{{"input", "Expiry Date"}, {"id", "exp"}, {"bind", "pay.exp"}, {"placeholder", "MM/YY"}, {"grow", 1},
                                           {"rules", Json{{"required", "Enter the expiry date"}, {"pattern", Json::array({"^(0[1-9]|1[0-2])/[0-9]{2}$", "Use MM/YY"})}}}},
                                      Json{{"input", "CVV"}, {"id", "cvc"}, {"bind", "pay.cvc"}, {"grow", 1},
                                           {"rules", Json{{"required", "Enter the 3 digits on the back"}, {"pattern", Json::array({"^[0-9]{3,4}$", "3 or 4 digits"})}}}}})},
                 {"valign", "top"}}})},
             {"title", "Payment"}},
        summary,
        Json{{"button", payLabel}, {"id", "pay"}, {"icon", "lock"}, {"w", "fill"}, {"busy", "${pending('pay')}"}, {"press", Json{{"run", "pay"}}}}}))
        checkout.push_back(std::move(part));
    d.screen("checkout", Json{{"title", "Checkout"}, {"body", checkout}});
    d.spec["actions"]["pay"] = Json::array({
        Json{{"validate", true}},
        Json{{"set", "order"}, {"value", Json{{"items", "${sum(cart, c => c.qty)}"}, {"total", "${" + subtotal + " + " + shipping + "}"}, {"number", ""}}}},
        Json{{"call", "pay"}, {"args", Json{{"card", "${pay.card}"}}},
             {"then", Json::array({Json{{"set", "order.number"}, {"value", "${result.number}"}}, Json{{"set", "cart"}, {"value", Json::array()}}, Json{{"navigate", "confirmation"}}})},
             {"catch", Json::array({Json{{"toast", "${error}"}, {"tone", "danger"}}})}}});
    d.spec["mocks"]["pay"] = Json{{"latency", 1200}, {"result", Json{{"number", "A-20418"}}}, {"fail", "${replace(args.card, ' ', '') == '4000000000000002'}"},
                                  {"error", "Your card was declined. Try the test card 4242 4242 4242 4242."}};
    const std::string what = shipped ? "Order" : "Payment";
    d.screen("confirmation", Json{{"title", what + " confirmed"}, {"bar", false}, {"body", Json::array({
        Json{{"spacer", 24}},
        Json{{"icon", "check-circle"}, {"size", 56}, {"color", "success"}, {"align", "center"}},
        Json{{"heading", "Thanks, ${pay.name}!"}, {"subtitle", what + " ${order.number} is confirmed. A receipt is on its way to ${pay.email}."}, {"align", "center"}},
        Json{{"card", Json::array({Json{{"row", Json::array({Json{{"text", "${pluralize(order.items, 'item')}"}, {"grow", 1}}, Json{{"text", "${currency(order.total)}"}, {"style", "strong"}}})}}})}},
        Json{{"button", "Back to home"}, {"id", "backHome"}, {"w", "fill"}, {"go", "home"}}})}});
    if (shipped) {
        Json& done = d.spec["screens"]["confirmation"]["body"];
        done.insert(done.end() - 1, Json{{"timeline", Json::array({Json{{"title", "Order placed"}, {"time", "Today, ${time(now())}"}, {"done", true}, {"icon", "check"}},
                                                                   Json{{"title", "Packed"}, {"time", "${date(addDays(today(), 1), 'ddd, MMM D')}"}, {"icon", "archive"}},
                                                                   Json{{"title", "Shipped"}, {"time", "${date(addDays(today(), 2), 'ddd, MMM D')}"}, {"icon", "truck"}},
                                                                   Json{{"title", "Delivered"}, {"time", "${date(addDays(today(), pay.ship == 'express' ? 1 : 4), 'ddd, MMM D')}"}, {"icon", "home"}}})}});
    }
    d.link("cart", "Cart", "shopping-cart", "${pluralize(sum(cart, c => c.qty), 'item')} ready to check out");
}

//-----------------------------------------------------------------------------
// [SECTION] Booking and calendar
//-----------------------------------------------------------------------------

void addBooking(Draft& d) {
    const EntityPlan& p = d.plans.front();
    Json& state = d.spec["state"];
    Json what = Json::array();
    for (size_t i = 0; i < p.entity.rows.size() && what.size() < 6; ++i)
        if (p.entity.rows[i][p.title->name].is_string()) what.push_back(p.entity.rows[i][p.title->name]);
    Json open = Json::array();
    for (int i = 1; i <= 20; ++i)
        if (i % 7 != 3 && i % 7 != 4) open.push_back(isoDay(i));
    state["booking"] = Json{{"what", what.empty() ? Json("") : what[0]}, {"date", ""}, {"time", ""}, {"name", "Sam Rivera"}, {"phone", ""}, {"notes", ""}, {"guests", 1}};
    state["openDays"] = open;
    state["slots"] = Json::array({"09:00", "09:30", "10:30", "11:00", "13:30", "14:00", "15:30", "16:00", "17:30"});
    state["bookings"] = Json::array({Json{{"what", what.empty() ? Json(capitalized(p.noun)) : what[what.size() > 1 ? 1 : 0]}, {"date", isoDay(6)}, {"time", "10:30"}}});
    Json body = Json::array({
        Json{{"text", "What"}, {"style", "strong"}},
        Json{{"chips", what}, {"id", "bookWhat"}, {"bind", "booking.what"}},
        Json{{"calendar", "${openDays}"}, {"id", "bookDate"}, {"bind", "booking.date"}, {"change", Json{{"set", "booking.time"}, {"value", ""}}}},
        Json{{"text", "${booking.date == '' ? 'Pick a day with a dot' : date(booking.date, 'dddd, MMMM D')}"}, {"style", "h3"}},
        Json{{"chips", "${slots}"}, {"id", "bookSlot"}, {"bind", "booking.time"}, {"visible", "${contains(openDays, booking.date)}"}},
        Json{{"empty", "No free times that day"}, {"text", "Days with a dot have open slots"}, {"icon", "calendar-times-o"}, {"visible", "${booking.date != '' && !contains(openDays, booking.date)}"}},
        Json{{"section", Json::array({
            Json{{"input", "Full name"}, {"id", "bookName"}, {"bind", "booking.name"}, {"rules", Json{{"required", "Enter your name"}}}},
            Json{{"input", "Mobile"}, {"id", "bookPhone"}, {"kind", "phone"}, {"bind", "booking.phone"}, {"placeholder", "(415) 555-0123"},
                 {"rules", Json{{"required", "We text you a reminder"}, {"pattern", Json::array({"^[0-9 ()+-]{10,}$", "Enter a 10-digit number"})}}}},
            Json{{"stepper", "Guests"}, {"id", "bookGuests"}, {"bind", "booking.guests"}, {"min", 1}, {"max", 8}},
            Json{{"textarea", "Notes"}, {"id", "bookNotes"}, {"bind", "booking.notes"}, {"rows", 2}, {"placeholder", "Anything we should know?"}}})},
             {"title", "Your details"}},
        Json{{"button", "Confirm booking"}, {"id", "confirmBooking"}, {"icon", "check"}, {"w", "fill"}, {"enabled", "${booking.date != '' && booking.time != ''}"},
             {"busy", "${pending('book')}"},
             {"press", Json::array({Json{{"validate", true}},
                                    Json{{"call", "book"}, {"args", Json{{"time", "${booking.time}"}}},
                                         {"then", Json::array({Json{{"push", "bookings"}, {"value", Json{{"what", "${booking.what}"}, {"date", "${booking.date}"}, {"time", "${booking.time}"}}}},
                                                               Json{{"navigate", "booked"}}})},
                                         {"catch", Json::array({Json{{"toast", "${error}"}, {"tone", "danger"}}, Json{{"set", "booking.time"}, {"value", ""}}})}}})}}});
    d.screen("book", Json{{"title", "Book"}, {"icon", "calendar-plus-o"}, {"body", body}});
    d.spec["mocks"]["book"] = Json{{"latency", 900}, {"result", Json{{"ref", "BK-4821"}}}, {"fail", "${args.time == '17:30'}"}, {"error", "Sorry, 17:30 was just taken. Please pick another time."}};
    d.screen("booked", Json{{"title", "Booked"}, {"bar", false}, {"body", Json::array({
        Json{{"spacer", 24}},
        Json{{"icon", "check-circle"}, {"size", 56}, {"color", "success"}, {"align", "center"}},
        Json{{"heading", "You're booked, ${booking.name}!"}, {"subtitle", "${booking.what} on ${date(booking.date, 'dddd, MMM D')} at ${booking.time}"}, {"align", "center"}},
        Json{{"timeline", Json::array({Json{{"title", "Confirmation sent"}, {"text", "Check your messages for details"}, {"done", true}, {"icon", "envelope"}},
                                       Json{{"title", "Reminder"}, {"time", "${date(addDays(booking.date, -1), 'ddd, MMM D')} at 6:00 PM"}, {"icon", "bell"}},
                                       Json{{"title", "${booking.what}"}, {"time", "${date(booking.date, 'ddd, MMM D')} at ${booking.time}"}, {"icon", "map-marker"}}})}},
        Json{{"list", Json::array({Json{{"item", "${b.what}"}, {"subtitle", "${date(b.date, 'ddd, MMM D')} at ${b.time}"}, {"icon", "calendar"}, {"repeat", Json{{"in", "${bookings}"}, {"as", "b"}}}}})},
             {"title", "All bookings"}},
        Json{{"button", "Add to calendar"}, {"id", "addToCalendar"}, {"variant", "secondary"}, {"icon", "calendar-plus-o"}, {"w", "fill"}, {"press", Json{{"toast", "Added to your calendar"}, {"tone", "success"}}}},
        Json{{"button", "Back to home"}, {"id", "bookedHome"}, {"variant", "ghost"}, {"w", "fill"}, {"go", "home"}}})}});
    d.link("book", "Book", "calendar-plus-o", "Pick a day and a time");
}

void addCalendar(Draft& d) {
    const EntityPlan* dated = nullptr;
    for (auto& p : d.plans)
        if (p.when && !dated) dated = &p;
    if (!dated) return;
    const EntityPlan& p = *dated;
    d.spec["state"]["ui"]["day"] = isoDay(0);
    Json item = rowItem(p, "x");
    item["repeat"] = Json{{"in", "${filter(" + p.key + ", x => x." + p.when->name + " == ui.day)}"}, {"as", "x"},
                          {"empty", empty("Nothing on this day", "Days with a dot have " + p.nouns, "calendar-o")}};
    d.screen("calendar", Json{{"title", "Calendar"}, {"icon", "calendar"}, {"body", Json::array({
        Json{{"card", Json::array({Json{{"calendar", "${map(" + p.key + ", x => x." + p.when->name + ")}"}, {"id", "calendarDay"}, {"bind", "ui.day"}}})}},
        Json{{"text", "${date(ui.day, 'dddd, MMMM D')}"}, {"style", "h3"}},
        Json{{"list", Json::array({item})}}})}});
    d.link("calendar", "Calendar", "calendar", capitalized(p.nouns) + " by day");
}

//-----------------------------------------------------------------------------
// [SECTION] Chat and AI assistant
//-----------------------------------------------------------------------------

void addChat(Draft& d) {
    const EntityPlan& p = d.plans.front();
    std::string topic = p.entity.rows.empty() || !p.entity.rows[0][p.title->name].is_string() ? capitalized(p.noun) : p.entity.rows[0][p.title->name].get<std::string>();
    // "Alice: Hi there!" labels in the idea seed the first conversation.
    Json seeded = Json::array();
    std::string firstName;
    for (auto& l : d.reading.labels) {
        size_t colon = l.find(": ");
        if (colon == std::string::npos || colon > 24) continue;
        std::string who = l.substr(0, colon);
        if (firstName.empty()) firstName = who;
        seeded.push_back(Json{{"from", who == firstName ? "them" : "me"}, {"name", who}, {"text", l.substr(colon + 2)}, {"at", std::string(isoDay(0)) + "T08:4" + std::to_string(seeded.size())}});
    }
    if (seeded.empty())
        seeded = Json::array({Json{{"from", "them"}, {"name", "Alice Martin"}, {"text", "Hi there! Did you see the update on " + topic + "?"}, {"at", isoDay(0) + "T08:40"}},
                              Json{{"from", "me"}, {"name", "You"}, {"text", "Hello! Yes, looks great. Let's go with it."}, {"at", isoDay(0) + "T08:42"}},
                              Json{{"from", "them"}, {"name", "Alice Martin"}, {"text", "Perfect, I'll share it with the team."}, {"at", isoDay(0) + "T08:43"}}});
    std::string them = firstName.empty() ? "Alice Martin" : firstName;
    d.spec["state"]["threads"] = Json::array({
        Json{{"name", them}, {"unread", 1}, {"msgs", seeded}},
        Json{{"name", "Bob Nguyen"}, {"unread", 0}, {"msgs", Json::array({Json{{"from", "them"}, {"name", "Bob Nguyen"}, {"text", "Can we move our call to 3 pm?"}, {"at", isoDay(-1) + "T16:05"}}})}},
        Json{{"name", "Team " + capitalized(p.nouns)}, {"unread", 2}, {"msgs", Json::array({Json{{"from", "them"}, {"name", "Sarah Kim"}, {"text", "Weekly " + p.noun + " review is at 10:00 tomorrow"}, {"at", isoDay(-1) + "T11:30"}}})}}});
    d.spec["state"]["chatDraft"] = "";
    Json thread = Json{{"item", "${t.name}"}, {"subtitle", "${truncate(last(t.msgs).text, 44)}"}, {"avatar", "${t.name}"}, {"trailing", "${relative(last(t.msgs).at)}"},
                       {"badge", "${t.unread > 0 ? str(t.unread) : ''}"},
                       {"press", Json::array({Json{{"set", "threads.${index}.unread"}, {"value", 0}}, Json{{"navigate", "conversation"}, {"params", Json{{"id", "${index}"}}}}})},
                       {"repeat", Json{{"in", "${threads}"}, {"as", "t"}, {"empty", empty("No conversations yet", "Say hello to someone", "comments-o")}}}};
    d.screen("inbox", Json{{"title", "Messages"}, {"icon", "comments"}, {"body", Json::array({Json{{"list", Json::array({thread})}}})}});
    const std::string t = "threads[params.id ?? 0]";
    d.screen("conversation", Json{{"title", "${" + t + ".name ?? 'Chat'}"}, {"body", Json::array({
        Json{{"bubble", "${m.text}"}, {"from", "${m.from}"}, {"name", "${m.from == 'me' ? '' : m.name}"}, {"time", "${time(m.at)}"}, {"typing", "${m.text == ''}"},
             {"repeat", Json{{"in", "${" + t + ".msgs ?? []}"}, {"as", "m"}}}},
        Json{{"row", Json::array({Json{{"input", ""}, {"id", "composer"}, {"placeholder", "Type a message..."}, {"bind", "chatDraft"}, {"grow", 1}, {"submit", Json{{"run", "sendMessage"}}}},
                                  Json{{"icon_button", "send"}, {"label", "Send"}, {"id", "send"}, {"variant", "filled"}, {"enabled", "${trim(chatDraft) != ''}"}, {"press", Json{{"run", "sendMessage"}}}}})}}})}});
    const std::string msgs = "threads.${params.id ?? 0}.msgs";
    d.spec["actions"]["sendMessage"] = Json::array({Json{{"if", "${trim(chatDraft) != ''}"}, {"then", Json::array({
        Json{{"push", msgs}, {"value", Json{{"from", "me"}, {"name", "You"}, {"text", "${trim(chatDraft)}"}, {"at", "${now()}"}}}},
        Json{{"set", "chatDraft"}, {"value", ""}},
        Json{{"delay", 900}},
        Json{{"push", msgs}, {"value", Json{{"from", "them"}, {"name", "${" + t + ".name}"}, {"text", "Sounds good, thanks! 👍"}, {"at", "${now()}"}}}}})}}});
    d.link("inbox", "Messages", "comments", "Conversations with your team");
}

void addAssistant(Draft& d) {
    const EntityPlan& p = d.plans.front();
    // Answers built from the app's own rows, so the demo talks about the PM's data.
    std::string listing;
    for (size_t i = 0; i < p.entity.rows.size() && i < 3; ++i) {
        const Json& r = p.entity.rows[i];
        if (!r[p.title->name].is_string()) continue;
        listing += "\n" + std::to_string(i + 1) + ". " + r[p.title->name].get<std::string>();
        if (p.status && r[p.status->name].is_string()) listing += " (" + r[p.status->name].get<std::string>() + ")";
    }
    std::string Nouns = capitalized(p.nouns);
    Json answers = Json::array({
        Json{{"q", "Summarize my " + p.nouns}, {"a", "You have " + std::to_string(p.entity.rows.size()) + " " + p.nouns + ". The ones to look at first:" + listing + "\n\nWant me to draft next steps for each?"}},
        Json{{"q", "What should I do next?"}, {"a", "Start with the first one on your list: it has the nearest date. Then block 30 minutes tomorrow morning for the rest, and I'll remind you at 9:00."}},
        Json{{"q", "Suggest a new " + p.noun}, {"a", "How about a new " + p.noun + " inspired by your favourites?" + listing + "\n\nI can fill in the details and add it for you."}}});
    Json& state = d.spec["state"];
    state["aiAnswers"] = answers;
    state["aiChat"] = Json::array({Json{{"from", "them"}, {"text", "Hi Sam! I'm your " + safeText(d.reading.appName, 40) + " assistant. Ask me anything about your " + p.nouns + "."}}});
    state["aiDraft"] = "";
    state["aiAsked"] = "";
    state["aiPick"] = "";
    state["aiBusy"] = false;
    Json suggestions = Json::array();
    for (auto& a : answers) suggestions.push_back(a["q"]);
    d.screen("assistant", Json{{"title", "Assistant"}, {"icon", "magic"}, {"body", Json::array({
        Json{{"bubble", "${m.text}"}, {"from", "${m.from}"}, {"name", "${m.from == 'me' ? '' : 'Assistant'}"}, {"typing", "${m.from == 'them' && m.text == ''}"},
             {"repeat", Json{{"in", "${aiChat}"}, {"as", "m"}}}},
        Json{{"col", Json::array({Json{{"text", "Try asking"}, {"style", "caption"}, {"muted", true}},
                                  Json{{"chips", suggestions}, {"id", "aiSuggestions"}, {"bind", "aiPick"},
                                       {"change", Json::array({Json{{"set", Json{{"aiDraft", "${value}"}, {"aiPick", ""}}}}, Json{{"run", "askAssistant"}}})}}})},
             {"gap", 6}, {"visible", "${!aiBusy}"}},
        Json{{"row", Json::array({Json{{"input", ""}, {"id", "aiComposer"}, {"placeholder", "Ask about your " + p.nouns}, {"bind", "aiDraft"}, {"grow", 1}, {"submit", Json{{"run", "askAssistant"}}}},
                                  Json{{"icon_button", "send"}, {"label", "Ask"}, {"id", "ask"}, {"variant", "filled"}, {"enabled", "${trim(aiDraft) != '' && !aiBusy}"}, {"press", Json{{"run", "askAssistant"}}}}})}}})}});
    d.spec["actions"]["askAssistant"] = Json::array({Json{{"if", "${trim(aiDraft) != '' && !aiBusy}"}, {"then", Json::array({
        Json{{"set", "aiAsked"}, {"value", "${trim(aiDraft)}"}},
        Json{{"push", "aiChat"}, {"value", Json{{"from", "me"}, {"text", "${aiAsked}"}}}},
        Json{{"set", Json{{"aiDraft", ""}, {"aiBusy", true}}}},
        Json{{"push", "aiChat"}, {"value", Json{{"from", "them"}, {"text", ""}}}},
        Json{{"delay", 700}},
        Json{{"stream", "aiChat.${count(aiChat) - 1}.text"}, {"speed", 90},
             {"text", "${first(map(filter(aiAnswers, r => r.q == aiAsked), r => r.a)) ?? 'Good question about \"' + aiAsked + '\". Here is how I would approach it:\\n1. Look at your " + p.nouns + " from the last two weeks\\n2. Pick the two that matter most\\n3. Set a reminder to follow up\\n\\nShall I set that up?'}"}},
        Json{{"set", "aiBusy"}, {"value", false}}})}}});
    d.link("assistant", "Assistant", "magic", "Ask AI about your " + p.nouns);
}

//-----------------------------------------------------------------------------
// [SECTION] Approvals and board
//-----------------------------------------------------------------------------

void addApprovals(Draft& d) {
    const EntityPlan* q = nullptr;
    for (auto& p : d.plans)
        if (!q && p.status && std::find(p.status->choices.begin(), p.status->choices.end(), "Pending") != p.status->choices.end()) q = &p;
    if (!q) return;
    const EntityPlan& p = *q;
    d.spec["state"]["ui"]["approvalTab"] = "Pending";
    const std::string path = rowPath(p, "x", p.status->name);
    Json card = Json{{"card", Json::array({
        Json{{"row", Json::array({p.person ? Json{{"avatar", "${x." + p.person->name + "}"}, {"size", 36}} : Json{{"icon", p.entity.icon}, {"color", "brand"}},
                                  Json{{"col", Json::array({Json{{"text", "${x." + p.title->name + "}"}, {"style", "strong"}},
                                                            Json{{"text", subtitleOf(p, "x")}, {"style", "caption"}, {"muted", true}}})}, {"gap", 2}, {"grow", 1}},
                                  p.amount ? Json{{"text", shownValue(*p.amount, "x")}, {"style", "h3"}} : Json{{"badge", "${x." + p.status->name + "}"}, {"tone", toneExpr(*p.status, "x." + p.status->name)}}})},
             {"gap", 12}},
        Json{{"row", Json::array({Json{{"button", "Approve"}, {"id", "approve"}, {"icon", "check"}, {"size", "sm"},
                                       {"press", Json::array({Json{{"set", path}, {"value", "Approved"}}, Json{{"toast", "Approved: ${x." + p.title->name + "}"}, {"tone", "success"}}})}},
                                  Json{{"button", "Reject"}, {"id", "reject"}, {"variant", "outline"}, {"icon", "times"}, {"size", "sm"},
                                       {"press", Json::array({Json{{"set", path}, {"value", "Rejected"}}, Json{{"toast", "Rejected: ${x." + p.title->name + "}"}}})}},
                                  Json{{"link", "Details"}, {"id", "approvalDetails"}, {"press", Json{{"navigate", p.detailScreen}, {"params", Json{{"id", "${x.id}"}}}}}}})},
             {"gap", 8}, {"visible", "${x." + p.status->name + " == 'Pending'}"}}})},
        {"repeat", Json{{"in", "${filter(" + p.key + ", x => x." + p.status->name + " == ui.approvalTab)}"}, {"as", "x"},
                        {"empty", empty("All caught up", "Nothing " + std::string("is ") + "${lower(ui.approvalTab)} right now", "check-circle-o")}}}};
    Json choices = Json::array();
    for (auto& c : p.status->choices) choices.push_back(c);
    Json body = Json::array({
        Json{{"grid", Json::array({statTile("Waiting", "${count(" + p.key + ", x => x." + p.status->name + " == 'Pending')}", "hourglass-half", "need a decision"),
                                   statTile("Approved", "${count(" + p.key + ", x => x." + p.status->name + " == 'Approved')}", "check", "this month")})},
             {"cols", 2}},
        Json{{"segmented", choices}, {"id", "approvalTab"}, {"bind", "ui.approvalTab"}},
        card});
    d.screen("approvals", Json{{"title", "Approvals"}, {"icon", "check-square-o"}, {"body", body}});
    d.link("approvals", "Approvals", "check-square-o", "${count(" + p.key + ", x => x." + p.status->name + " == 'Pending')} waiting for you");
}

void addBoard(Draft& d) {
    // The board is of the entity whose stages the request lists (a choice named status or stage), else the main one.
    auto staged = [](const EntityPlan& plan) { return plan.status && plan.status->choices.size() >= 2 && isOneOf(plan.status->name, {"status", "stage", "stages", "phase"}); };
    const auto withStages = std::find_if(d.plans.begin(), d.plans.end(), staged);
    const EntityPlan& p = withStages != d.plans.end() ? *withStages : d.plans.front();
    if (!p.status || p.status->choices.size() < 2) return;
    const auto& cols = p.status->choices;
    Json columns = Json::array();
    for (size_t i = 0; i < cols.size() && i < 5; ++i) {
        const std::string& c = cols[i];
        Json move = Json::array();
        if (i + 1 < cols.size())
            move.push_back(Json{{"button", "Move to " + cols[i + 1]}, {"id", "move"}, {"variant", "ghost"}, {"size", "sm"}, {"icon", "arrow-right"},
                                {"press", Json::array({Json{{"set", rowPath(p, "x", p.status->name)}, {"value", cols[i + 1]}},
                                                       Json{{"toast", "${x." + p.title->name + "} moved to " + safeText(cols[i + 1], 40)}, {"tone", "success"}}})}});
        Json cardBody = Json::array({Json{{"text", "${x." + p.title->name + "}"}, {"style", "strong"}}});
        std::string sub = subtitleOf(p, "x");
        if (!sub.empty()) cardBody.push_back(Json{{"text", sub}, {"style", "caption"}, {"muted", true}});
        for (auto& m : move) cardBody.push_back(m);
        Json card = Json{{"card", cardBody}, {"pad", 12}, {"press", Json{{"navigate", p.detailScreen}, {"params", Json{{"id", "${x.id}"}}}}},
                         {"repeat", Json{{"in", "${filter(" + p.key + ", x => x." + p.status->name + " == " + exprString(c) + ")}"}, {"as", "x"},
                                         {"empty", Json{{"text", "Nothing here"}, {"muted", true}, {"align", "center"}}}}}};
        Json col = Json{{"col", Json::array({Json{{"row", Json::array({Json{{"text", safeText(c, 40)}, {"style", "h3"}, {"grow", 1}},
                                                                        Json{{"badge", "${count(" + p.key + ", x => x." + p.status->name + " == " + exprString(c) + ")}"}, {"tone", toneOfChoice(*p.status, c)}}})}},
                                             card})},
                        {"gap", 10}, {"pad", 10}, {"bg", "muted"}};
        if (d.wide()) col["grow"] = 1;
        else col["w"] = 270;
        columns.push_back(col);
    }
    Json board = d.wide() ? Json{{"row", columns}, {"gap", 12}, {"valign", "top"}} : Json{{"scroll", columns}, {"horizontal", true}, {"h", 560}};
    d.screen("board", Json{{"title", "Board"}, {"icon", "columns"},
                           {"bar", Json::array({Json{{"icon_button", "plus"}, {"label", "New " + p.noun}, {"id", "boardAdd"}, {"variant", "tonal"}, {"go", p.newScreen}}})},
                           {"body", Json::array({board})}});
    d.link("board", "Board", "columns", capitalized(p.nouns) + " by " + safeText(p.status->label, 30));
}

//-----------------------------------------------------------------------------
// [SECTION] Player
//-----------------------------------------------------------------------------

void addPlayer(Draft& d) {
    const EntityPlan& p = d.plans.front();
    const IdeaField* byline = nullptr;
    for (auto& f : p.entity.fields)
        if (&f != p.title && f.kind == "text" && !byline) byline = &f;
    d.spec["state"]["player"] = Json{{"index", 0}, {"playing", false}, {"progress", 35}, {"speed", "1x"}, {"volume", 70}};
    const std::string cur = p.key + "[player.index]";
    Json body = Json::array({
        Json{{"image", "${" + cur + "." + p.title->name + " ?? ''}"}, {"icon", p.entity.icon}, {"h", 240}},
        Json{{"heading", "${" + cur + "." + p.title->name + " ?? 'Nothing playing'}"}, {"subtitle", byline ? "${" + cur + "." + byline->name + " ?? ''}" : capitalized(p.noun)}, {"align", "center"}},
        Json{{"slider", "Progress"}, {"id", "progress"}, {"bind", "player.progress"}, {"min", 0}, {"max", 100}, {"format", "{value}%"}},
        Json{{"row", Json::array({
            Json{{"icon_button", "step-backward"}, {"label", "Previous"}, {"id", "previous"}, {"press", Json::array({Json{{"set", "player.index"}, {"value", "${max(player.index - 1, 0)}"}}, Json{{"set", "player.progress"}, {"value", 0}}})}},
            Json{{"icon_button", "${player.playing ? 'pause' : 'play'}"}, {"label", "Play"}, {"id", "play"}, {"variant", "filled"}, {"press", Json{{"toggle", "player.playing"}}}},
            Json{{"icon_button", "step-forward"}, {"label", "Next"}, {"id", "next"}, {"press", Json::array({Json{{"set", "player.index"}, {"value", "${min(player.index + 1, count(" + p.key + ") - 1)}"}}, Json{{"set", "player.progress"}, {"value", 0}}})}}})},
             {"justify", "center"}, {"gap", 24}},
        Json{{"segmented", Json::array({"0.75x", "1x", "1.5x", "2x"})}, {"id", "speed"}, {"bind", "player.speed"}},
        Json{{"slider", "Volume"}, {"id", "volume"}, {"bind", "player.volume"}, {"min", 0}, {"max", 100}},
        Json{{"list", Json::array({Json{{"item", "${x." + p.title->name + "}"}, {"subtitle", byline ? "${x." + byline->name + "}" : ""}, {"icon", p.entity.icon},
                                        {"check", "${index == player.index}"}, {"press", Json::array({Json{{"set", "player.index"}, {"value", "${index}"}}, Json{{"set", "player.playing"}, {"value", true}}})},
                                        {"repeat", Json{{"in", "${" + p.key + "}"}, {"as", "x"}}}}})},
             {"title", "Up next"}}});
    d.screen("player", Json{{"title", "Now playing"}, {"icon", "play-circle"}, {"body", body}});
    d.link("player", "Player", "play-circle", "${player.playing ? 'Playing' : 'Paused'}");
}

//-----------------------------------------------------------------------------
// [SECTION] Login, onboarding, sharing
//-----------------------------------------------------------------------------

void addLogin(Draft& d) {
    d.spec["state"]["login"] = Json{{"username", "sam.rivera@gmail.com"}, {"password", ""}, {"remember", true}};
    std::string signIn = "Sign in", remember = "Remember me";
    for (auto& b : d.reading.buttons) {
        std::string low;
        for (char c : b) low += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        if (low.find("sign in") != std::string::npos || low.find("log in") != std::string::npos || low == "login") signIn = safeText(b, 40);
    }
    for (auto& l : d.reading.labels)
        if (l.find("emember") != std::string::npos) remember = safeText(l, 40);
    Json body = Json::array({
        Json{{"spacer", 24}},
        Json{{"icon", d.plans.front().entity.icon}, {"size", 44}, {"color", "brand"}, {"align", "center"}},
        Json{{"heading", "Welcome back"}, {"subtitle", "Sign in to " + safeText(d.reading.appName, 40)}, {"align", "center"}},
        Json{{"input", "Username"}, {"id", "username"}, {"icon", "user"}, {"bind", "login.username"}, {"rules", Json{{"required", "Enter your username or email"}}}},
        Json{{"input", "Password"}, {"id", "password"}, {"kind", "password"}, {"bind", "login.password"}, {"hint", "Any 4+ characters work in this prototype"},
             {"rules", Json{{"required", "Enter your password"}, {"minLength", Json::array({4, "At least 4 characters"})}}}},
        Json{{"checkbox", remember}, {"id", "remember"}, {"bind", "login.remember"}},
        Json{{"button", signIn}, {"id", "signIn"}, {"w", "fill"}, {"busy", "${pending('login')}"},
             {"press", Json::array({Json{{"validate", true}}, Json{{"call", "login"}, {"then", Json::array({Json{{"toast", "Signed in"}, {"tone", "success"}}, Json{{"navigate", "home"}}})}}})}},
        Json{{"link", "Forgot password?"}, {"id", "forgot"}, {"align", "center"}, {"press", Json{{"toast", "We sent a reset link to ${login.username}"}}}}});
    if (d.has("onboarding")) body.push_back(Json{{"link", "New here? Take the tour"}, {"id", "tour"}, {"align", "center"}, {"go", "welcome"}});
    d.screen("login", Json{{"title", "Sign in"}, {"bar", false}, {"body", body}});
    d.spec["mocks"]["login"] = Json{{"latency", 700}, {"result", Json{{"ok", true}}}};
}

void addOnboarding(Draft& d) {
    const EntityPlan& p = d.plans.front();
    std::string next = d.has("login") ? "login" : "home";
    Json points = Json::array();
    const char* icons[] = {p.entity.icon.c_str(), "bell", "bar-chart"};
    std::string lines[] = {"Keep all your " + p.nouns + " in one place", "Get a nudge before anything slips", "See how things are going at a glance"};
    for (int i = 0; i < 3; ++i)
        points.push_back(Json{{"row", Json::array({Json{{"icon", icons[i]}, {"size", 22}, {"color", "brand"}, {"w", 32}}, Json{{"text", lines[i]}, {"grow", 1}}})}, {"gap", 12}});
    Json body = Json::array({Json{{"spacer", 24}}, Json{{"image", safeText(d.reading.appName, 40)}, {"icon", p.entity.icon}, {"h", 180}},
                             Json{{"heading", "Welcome to " + safeText(d.reading.appName, 40)}, {"align", "center"}},
                             Json{{"card", points}},
                             Json{{"button", "Get started"}, {"id", "getStarted"}, {"w", "fill"}, {"size", "lg"}, {"go", next}}});
    d.screen("welcome", Json{{"title", "Welcome"}, {"bar", false}, {"body", body}});
}

void addShareSheet(Draft& d) {
    d.spec["state"]["sharing"] = "";
    d.spec["overlays"]["share"] = Json{{"kind", "sheet"}, {"title", "Share ${sharing}"}, {"body", Json::array({
        Json{{"item", "Copy link"}, {"icon", "link"}, {"id", "copyLink"}, {"press", Json::array({"close", Json{{"toast", "Link copied"}, {"tone", "success"}}})}},
        Json{{"item", "Send by email"}, {"icon", "envelope"}, {"id", "shareEmail"}, {"press", Json::array({"close", Json{{"toast", "Email draft opened"}}})}},
        Json{{"item", "Invite people"}, {"icon", "user-plus"}, {"id", "invite"}, {"press", Json::array({"close", Json{{"toast", "Invite sent to your team"}, {"tone", "success"}}})}}})}};
}

} // namespace pt::draft
