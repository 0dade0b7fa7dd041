// Promptotype — OfflineDrafter: composes a spec from an IdeaReading, and the "offline" provider.
//
// [SECTION] Sample rows
// [SECTION] Composition
// [SECTION] Offline provider

#include "generator/offline/draft_patterns.h"
#include "generator/refiner.h"
#include "runtime/spec/css_colors.h"
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <vector>

namespace pt {
namespace draft {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Sample rows
//-----------------------------------------------------------------------------

const char* const kPeople[] = {"Maya Lopez", "Jordan Reyes", "Priya Raman", "Tom Becker", "Aiko Tanaka"};
const char* const kNotes[] = {"All good so far", "Needs a second look before Friday", "Went well, same again next time",
                              "Waiting to hear back", "Check again next week"};

// The last word of a label or noun phrase, lower case ("Brood pattern" -> "pattern").
std::string lastWord(const std::string& phrase) {
    const size_t space = phrase.rfind(' ');
    return lowerText(space == std::string::npos ? phrase : phrase.substr(space + 1));
}

// The words of a label, lower case.
std::vector<std::string> wordsOfLabel(const std::string& label) {
    std::vector<std::string> out;
    std::string word;
    for (char c : label + " ") {
        if (std::isalnum(static_cast<unsigned char>(c))) word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!word.empty()) out.push_back(std::move(word)), word.clear();
    }
    return out;
}

// Whether the label's last word is one of `words` (singular or plural).
bool endsIn(const std::string& label, const std::set<std::string>& words) {
    const std::string last = lastWord(label);
    return words.count(last) > 0 || words.count(singularOf(last)) > 0;
}

// Nouns whose rows are people: their titles are names, not numbered things. Also the attributes that hold a person.
bool namesPeople(const std::string& noun) {
    static const std::set<std::string> roles = {
        "person", "customer", "client", "patient", "member", "student", "volunteer", "player", "guest", "tenant", "driver",
        "worker", "employee", "candidate", "rider", "runner", "coach", "teacher", "nurse", "doctor", "parent", "kid", "child",
        "owner", "resident", "visitor", "attendee", "participant", "applicant", "contact", "lead", "friend", "athlete", "artist",
        "vendor", "seller", "buyer", "host", "speaker", "author", "reporter", "editor", "tutor", "mentor", "coordinator",
        "technician", "inspector", "agent", "user", "staff", "sitter", "caregiver", "donor", "sponsor", "subscriber", "fan",
        "homeowner", "landlord", "buddy", "teammate", "recruit", "intern", "contractor", "subcontractor", "freelancer", "pilot",
        "captain", "officer", "ranger", "guide", "instructor", "trainer", "therapist", "dentist", "barber", "stylist", "chef",
        "cook", "waiter", "server", "cleaner", "caseworker", "family", "scout", "camper", "traveller", "traveler", "passenger",
        "judge", "clerk", "lawyer", "attorney", "assignee", "reviewer", "approver", "requester", "requestor", "manager",
        "supervisor", "director", "mechanic", "skipper", "crew", "singer", "musician", "adopter", "finder", "borrower",
        "lender", "beekeeper", "farmer", "grower", "gardener", "leader", "organizer", "organiser", "planner", "physician",
        "surgeon", "pharmacist", "vet", "receptionist", "cashier", "courier", "engineer", "designer", "developer", "analyst",
        "consultant", "accountant", "auditor", "investigator", "witness", "defendant", "plaintiff", "referee", "umpire",
        "sailor", "diver", "climber", "hiker", "swimmer", "cyclist", "dancer", "actor", "producer",
        "writer", "photographer", "chaperone", "counselor", "counsellor", "advisor", "adviser", "teller", "operator",
        "dispatcher", "responder", "paramedic", "firefighter", "soldier", "guard", "janitor", "custodian", "handler",
        "keeper", "master", "trustee", "signatory", "holder", "recipient", "sender", "assessor", "examiner", "invigilator"};
    return roles.count(lastWord(noun)) > 0;
}

// Nouns for a made work people give a title to: their rows are titled like works ("Paper Boats"), not "Film 1".
bool namesWork(const std::string& noun) {
    static const std::set<std::string> works = {"film", "movie", "documentary", "book", "novel", "poem", "song", "album", "track",
        "podcast", "episode", "show", "series", "musical", "painting", "artwork", "exhibit", "exhibition", "photograph", "sculpture",
        "screenplay", "manuscript", "comic", "zine"};
    return works.count(lastWord(noun)) > 0;
}

// Titles that read as a work of any kind, in no one's domain.
const char* const kWorkTitles[] = {"Afterglow", "Kestrel", "Velvet Static", "Glass Orchard", "Copper Moth"};

// What an invented text value should look like, read from the attribute's label.
enum class ValueShape { Person, Place, Code, Size, File, Link, Colour, Work, Label };

// The label without what is said of its value ("Location found" -> "Location", "Date paid" -> "Date").
std::string namedPart(const std::string& label) {
    static const std::set<std::string> said = {"found", "lost", "seen", "taken", "given", "made", "done", "paid", "due", "left", "used"};
    const size_t space = label.rfind(' ');
    if (space == std::string::npos) return label;
    const std::string last = lowerText(label.substr(space + 1));
    const bool participle = said.count(last) || (last.size() > 4 && last.compare(last.size() - 2, 2, "ed") == 0);
    return participle ? label.substr(0, space) : label;
}

ValueShape shapeOf(const IdeaField& field) {
    IdeaField f = field;
    f.label = namedPart(field.label);
    static const std::set<std::string> places = {"location", "room", "venue", "address", "site", "courtroom", "branch", "station", "platform",
        "area", "zone", "region", "spot", "aisle", "shelf", "bay", "berth", "dock", "gate", "kennel", "fridge", "ward", "floor", "office",
        "campus", "building", "warehouse", "court", "pitch", "studio", "hall", "desk", "pen", "stall", "locker",
        "bed", "chair", "block", "plot", "lane", "route", "city", "town", "country", "destination", "origin"};
    static const std::set<std::string> codes = {"number", "code", "id", "reference", "ref", "sku", "serial", "barcode", "plate", "no"};
    static const std::set<std::string> files = {"receipt", "attachment", "document", "file", "scan", "contract", "certificate", "pdf", "invoice", "upload"};
    const std::vector<std::string> words = wordsOfLabel(f.label);
    const bool personal = std::any_of(words.begin(), words.end(), [](const std::string& w) { return w == "by" || w == "who"; }) ||
                          (lastWord(f.label) == "name" && words.size() > 1 && namesPeople(words[words.size() - 2]));
    if (namesPeople(f.label) || personal) return ValueShape::Person;
    if (endsIn(f.label, codes)) return ValueShape::Code;
    if (endsIn(f.label, places)) return ValueShape::Place;
    if (endsIn(f.label, {"size"})) return ValueShape::Size;
    if (endsIn(f.label, files)) return ValueShape::File;
    if (endsIn(f.label, {"url", "website", "link", "homepage"})) return ValueShape::Link;
    if (endsIn(f.label, {"colour", "color"})) return ValueShape::Colour;
    // "Film title", "Song name": the title of a work.
    if (endsIn(f.label, {"title", "name"}) && words.size() >= 2 && namesWork(words[words.size() - 2])) return ValueShape::Work;
    return ValueShape::Label;
}

// A code made from the label's initials ("Case number" -> "CN-1042", "SKU" -> "SKU-1042").
std::string codeFor(const std::string& label, size_t i) {
    const std::vector<std::string> words = wordsOfLabel(label);
    std::string prefix;
    if (words.size() >= 2) for (const std::string& w : words) prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    else prefix = words.empty() ? "NO" : words[0].substr(0, 3);
    std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
    const int serial[] = {1042, 1057, 1061, 1078, 1093};
    return prefix + "-" + std::to_string(serial[i % 5] + static_cast<int>(i / 5) * 100);
}

// Values of attributes that read the same in every domain: a country is a country wherever it is asked for.
const std::vector<std::string>* commonValues(const IdeaField& f) {
    static const std::map<std::string, std::vector<std::string>> values = {
        {"country", {"Portugal", "Japan", "Canada", "Kenya", "Chile"}},
        {"nationality", {"Portuguese", "Japanese", "Canadian", "Kenyan", "Chilean"}},
        {"city", {"Lisbon", "Osaka", "Toronto", "Nairobi", "Santiago"}},
        {"language", {"English", "Spanish", "French", "Japanese", "Portuguese"}},
        {"currency", {"EUR", "USD", "GBP", "JPY", "CAD"}},
        {"medication", {"Amoxicillin", "Lisinopril", "Metformin", "Atorvastatin", "Ibuprofen"}},
        {"dose", {"500 mg", "10 mg", "850 mg", "20 mg", "400 mg"}},
        {"allergy", {"Peanuts", "Penicillin", "Shellfish", "Latex", "None"}},
        {"weekday", {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}},
        {"month", {"January", "March", "May", "September", "November"}},
        {"year", {"2019", "2021", "2016", "2023", "2018"}},
        {"region", {"North", "Central", "East", "South", "West"}},
        {"role", {"Lead", "Helper", "Coordinator", "Assistant", "Supervisor"}}};
    static const std::map<std::string, std::string> sameAs = {{"medicine", "medication"}, {"drug", "medication"}, {"dosage", "dose"}, {"vintage", "year"},
                                                              {"area", "region"}, {"zone", "region"}, {"district", "region"}, {"position", "role"}};
    const std::string word = lowerText(lastWord(f.label));
    const auto alias = sameAs.find(word);
    const auto it = values.find(alias == sameAs.end() ? word : alias->second);
    return it == values.end() ? nullptr : &it->second;
}

// A believable text value of the attribute's shape, built from its own label when nothing more is known, so no
// word of another domain ever appears ("Brood pattern" -> "Pattern A", "Courtroom" -> "Courtroom 2").
std::string textValue(const IdeaField& field, size_t i) {
    IdeaField f = field;
    f.label = namedPart(field.label);
    const size_t k = i % 5;
    if (const std::vector<std::string>* common = commonValues(f)) return (*common)[k];
    const std::string person = kPeople[k];
    const std::string word = capitalized(lastWord(f.label));
    switch (shapeOf(f)) {
    case ValueShape::Person: return person;
    case ValueShape::Code: return codeFor(f.label, i);
    case ValueShape::Size: { const char* v[] = {"S", "M", "L", "M", "XL"}; return v[k]; }
    case ValueShape::File: return lastWord(f.label) + "-04" + std::to_string(10 + i) + ".pdf";
    case ValueShape::Link: return "https://" + lowerText(person.substr(0, person.find(' '))) + ".dev";
    case ValueShape::Colour: { const char* v[] = {"Red", "Blue", "Green", "Black", "White"}; return v[k]; }
    case ValueShape::Work: return kWorkTitles[k];
    case ValueShape::Place:
        if (endsIn(f.label, {"address"})) { const char* v[] = {"12 Elm Street", "48 Harbor Road", "7 Mill Lane", "230 Park Avenue", "5 Station Square"}; return v[k]; }
        if (endsIn(f.label, {"location", "venue", "site", "place", "spot", "destination", "origin", "city", "town", "country"})) {
            const char* v[] = {"North side", "Main building", "East wing", "South side", "West wing"};
            return v[k];
        }
        return word + " " + std::to_string(i + 1);
    case ValueShape::Label: break;
    }
    return word + " " + std::string(1, static_cast<char>('A' + k));
}

// Nouns for an exchange between a thing and a person: their rows are titled by the thing and who it is for
// ("laptop loan" -> "Laptop 1 — Maya Lopez"), not "Laptop loan 1".
bool namesExchange(const std::string& noun) {
    static const std::set<std::string> exchanges = {"loan", "booking", "reservation", "rental", "appointment", "checkout", "borrowing",
        "lending", "hire", "inspection", "visit", "repair", "session", "lesson", "delivery", "pickup", "return", "request", "claim",
        "allocation", "adoption"};
    return exchanges.count(lastWord(noun)) > 0;
}

// A head that says nothing of what the row is ("pantry item", "log entry").
bool genericHead(const std::string& noun) { return std::set<std::string>{"item", "entry", "record", "thing"}.count(lastWord(noun)) > 0; }

// The title of an invented row: a name for people, the thing and its person for exchanges, else the noun numbered.
std::string inventTitle(const std::string& noun, size_t i) {
    if (namesPeople(noun)) return kPeople[i % 5];
    if (namesWork(noun)) return kWorkTitles[i % 5];
    const size_t space = noun.rfind(' ');
    if (namesExchange(noun) && space != std::string::npos) {
        const std::string thing = namesPeople(noun.substr(0, space)) ? noun.substr(space + 1) : noun.substr(0, space);
        return capitalized(thing) + " " + std::to_string(i + 1) + " — " + kPeople[i % 5];
    }
    // A generic head ("pantry item") is told apart by letter, so no row reads as a placeholder "Item 1".
    if (genericHead(noun)) return capitalized(noun) + " " + std::string(1, static_cast<char>('A' + i % 26));
    return capitalized(noun) + " " + std::to_string(i + 1);
}

// A believable value for a field the idea named but the lexicon had no data for.
Json inventValue(const IdeaField& f, bool isTitle, const std::string& noun, size_t i) {
    const size_t k = i % 5;
    // Two amounts of one row differ ("Deposit paid", "Balance due"): the label shifts where its values start.
    size_t shift = 0;
    for (unsigned char c : f.label) shift = shift * 31 + c;
    const size_t m = (i + shift) % 5;
    if (f.kind == "number" && measuredInPercent(f.label)) { const int v[] = {72, 45, 88, 30, 64}; return v[m]; }
    if (f.kind == "number") { const int v[] = {3, 8, 12, 5, 20}; return v[m]; }
    // A year's pay is tens of thousands ("Salary $24.00" reads as a bug).
    if (f.kind == "money" && endsIn(lowerText(f.label), {"salary", "salaries"})) { const int v[] = {68000, 52000, 95000, 74000, 120000}; return v[m]; }
    if (f.kind == "money") { const double v[] = {24, 89.5, 120, 42, 310}; return v[m]; }
    if (f.kind == "date") { const int v[] = {0, 3, -2, 7, -5}; return isoDay(v[k]); }
    if (f.kind == "time") { const char* v[] = {"09:00", "10:30", "13:00", "15:30", "18:00"}; return v[k]; }
    if (f.kind == "bool") return k % 2 == 0;
    if (f.kind == "rating") { const int v[] = {5, 4, 4, 5, 3}; return v[k]; }
    if (f.kind == "choice") return f.choices.empty() ? Json("") : Json(f.choices[i % f.choices.size()]);
    if (f.kind == "image") return k % 2 == 0 ? Json(capitalized(f.label) + " " + std::to_string(i + 1)) : Json("");  // some rows have one
    const std::string person = kPeople[k];
    std::string handle = lowerText(person);
    std::replace(handle.begin(), handle.end(), ' ', '.');
    if (f.kind == "email") return handle + "@gmail.com";
    if (f.kind == "phone") return "(415) 555-01" + std::to_string(10 + 17 * k);
    if (f.kind == "longtext") return kNotes[k];
    // A row titled by its rider is a person, one titled by a code of its own (its "case number") that code:
    // "CN-1042", not "Hearing 1".
    const bool ownCode = f.name != "name" && shapeOf(f) == ValueShape::Code;
    if (isTitle && shapeOf(f) != ValueShape::Person && !ownCode) return inventTitle(noun, i);
    return textValue(f, i);
}

} // namespace

Json completeRows(const IdeaEntity& e) {
    Json rows = Json::array();
    size_t n = e.rows.is_array() && !e.rows.empty() ? e.rows.size() : 5;
    for (size_t i = 0; i < n; ++i) {
        const Json src = e.rows.is_array() && i < e.rows.size() && e.rows[i].is_object() ? e.rows[i] : Json::object();
        Json row = Json{{"id", static_cast<int>(i) + 1}};
        for (size_t f = 0; f < e.fields.size(); ++f) {
            const IdeaField& field = e.fields[f];
            auto it = src.find(field.name);
            row[field.name] = it != src.end() && !it->is_null() ? *it : inventValue(field, f == 0, e.singular, i);
        }
        // "a menu of breads and pastries": a generic item is named by its kind ("Pastry 2", not "Menu item B").
        const auto kind = std::find_if(e.fields.begin(), e.fields.end(), [](const IdeaField& f) { return f.name == "category" && f.kind == "choice"; });
        if (genericHead(e.singular) && kind != e.fields.end() && !e.fields.empty() && !src.contains(e.fields[0].name) && row[kind->name].is_string() && !row[kind->name].get<std::string>().empty())
            row[e.fields[0].name] = capitalized(singularOf(lowerText(row[kind->name].get<std::string>()))) + " " + std::to_string(i + 1);
        rows.push_back(std::move(row));
    }
    return rows;
}

//-----------------------------------------------------------------------------
// [SECTION] Composition
//-----------------------------------------------------------------------------

namespace {

// Runs a feature's pattern and notes the screens and overlays it added, so requirements naming the feature trace to them.
void build(Draft& d, const char* feature, void (*pattern)(Draft&)) {
    auto ids = [&] {
        std::set<std::string> out;
        for (const char* section : {"screens", "overlays"})
            for (auto& [id, v] : d.spec[section].items()) out.insert(id);
        return out;
    };
    std::set<std::string> before = ids();
    pattern(d);
    for (const std::string& id : ids())
        if (!before.count(id)) d.built[feature].push_back(id);
}

// Whether a colour as a request writes it ("navy", "#1B2A4A") has a hue to lead with: no grey, black or white.
bool hasHue(const std::string& colour) {
    std::uint32_t rgb = 0;
    if (colour.size() == 7 && colour[0] == '#') rgb = static_cast<std::uint32_t>(std::strtoul(colour.c_str() + 1, nullptr, 16));
    else if (!cssColor(colour, &rgb)) return false;
    const int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
    return std::max({r, g, b}) - std::min({r, g, b}) >= 64;
}

// The theme: the domain's preset and brand with the look the request asks for written over them. Without a brand
// colour of its own the request's header or accent colour leads, else its text colour when that has a hue ("white
// with navy text" is a navy app, not the domain's green).
Json themeFor(const IdeaReading& reading) {
    const RequestStyle& look = reading.style;
    Json theme = Json{{"preset", reading.preset.empty() ? "calm" : reading.preset}, {"brand", reading.brand.empty() ? "#4F7CFF" : reading.brand},
                      {"mode", look.dark ? "dark" : "light"}};
    const std::string& brand = !look.brand.empty() ? look.brand : !look.header.empty() ? look.header : !look.accent.empty() ? look.accent
                             : hasHue(look.text) ? look.text : look.accent;
    if (!brand.empty()) theme["brand"] = brand;
    const std::pair<const char*, const std::string*> asked[] = {{"background", &look.background}, {"surface", &look.surface}, {"header", &look.header},
                                                                {"accent", &look.accent}, {"text", &look.text}, {"font", &look.font}, {"density", &look.density},
                                                                {"corners", &look.corners}};
    for (auto& [key, value] : asked)
        if (!value->empty()) theme[key] = *value;
    for (const RequestStyle::StatusColour& c : look.statusColours) theme[c.tone] = c.colour;
    return theme;
}

// The nav items the request lists, in its order: each label on the screen built for the same noun (an entity's
// list, a feature's screen, home, settings for "More"), else on a new list of that label's own rows. Home leads
// unless a label is home, so the dashboard and its shortcuts to every other screen stay reachable.
std::vector<Json> requestedNavItems(Draft& d, std::set<std::string>& taken) {
    std::vector<Json> items;
    auto linkTo = [&](const std::string& screen) {
        for (const Json& l : d.quickLinks)
            if (l["screen"] == screen) return l;
        return Json();
    };
    for (const std::string& label : d.reading.style.navLabels) {
        const std::string low = lowerText(label), one = singularOf(low);
        std::string screen, icon;
        for (const EntityPlan& p : d.plans) {
            const std::string head = p.noun.substr(p.noun.rfind(' ') + 1);
            if (screen.empty() && (p.noun == one || p.nouns == low || head == one)) { screen = p.listScreen; icon = p.entity.icon; }
        }
        for (const Json& l : d.quickLinks)
            if (screen.empty() && singularOf(lowerText(l["label"].get<std::string>())) == one) { screen = l["screen"]; icon = l["icon"]; }
        if (screen.empty() && (one == "home" || one == "dashboard" || one == "overview")) { screen = "home"; icon = d.desktop() ? "dashboard" : "home"; }
        if (screen.empty() && (one == "more" || one == "setting" || one == "profile" || one == "account" || one == "me") && !linkTo("settings").is_null()) {
            screen = "settings";
            icon = linkTo("settings")["icon"];
        }
        if (screen.empty()) {
            IdeaEntity own{one, low, {{"name", "Name", "text", {}}, {"date", "Date", "date", {}}, {"notes", "Notes", "longtext", {}}}, "bookmark-o", Json::array()};
            own.rows = completeRows(own);
            d.plans.push_back(planEntity(own, taken));
            d.spec["state"][d.plans.back().key] = d.plans.back().entity.rows;
            addEntityScreens(d, d.plans.back(), false);
            screen = d.plans.back().listScreen;
            icon = own.icon;
            d.spec["screens"][screen]["title"] = label;
        }
        const bool listed = std::any_of(items.begin(), items.end(), [&](const Json& n) { return n["screen"] == screen; });
        if (!listed) items.push_back(Json{{"screen", screen}, {"label", label}, {"icon", icon}});
    }
    if (std::none_of(items.begin(), items.end(), [](const Json& n) { return n["screen"] == "home"; }))
        items.insert(items.begin(), Json{{"screen", "home"}, {"label", d.desktop() ? "Dashboard" : "Home"}, {"icon", d.desktop() ? "dashboard" : "home"}});
    return items;
}

// A reference's choices are the titles of the rows it names, and each row names one of them, the first ones twice
// ("Hive 1" has two inspections). A reference to no entity kept goes.
void linkRows(std::vector<IdeaEntity>& entities) {
    for (IdeaEntity& e : entities)
        for (size_t k = 0; k < e.fields.size(); ++k) {
            IdeaField& f = e.fields[k];
            if (f.of.empty()) continue;
            const auto parent = std::find_if(entities.begin(), entities.end(), [&](const IdeaEntity& p) { return p.singular == f.of && &p != &e; });
            f.choices.clear();
            if (parent != entities.end() && !parent->fields.empty())
                for (const Json& row : parent->rows)
                    if (row.contains(parent->fields.front().name) && row[parent->fields.front().name].is_string()) f.choices.push_back(row[parent->fields.front().name]);
            if (f.choices.empty()) {
                for (Json& row : e.rows) row.erase(f.name);
                e.fields.erase(e.fields.begin() + static_cast<long>(k--));
                continue;
            }
            for (size_t i = 0; i < e.rows.size(); ++i) e.rows[i][f.name] = f.choices[(i / 2) % f.choices.size()];
        }
}

// What a request that names nothing to manage keeps: notes.
IdeaEntity notesEntity() {
    IdeaEntity note{"note", "notes", {{"title", "Title", "text", {}}, {"body", "Note", "longtext", {}}, {"date", "Date", "date", {}}}, "sticky-note-o", Json::array()};
    note.rows = completeRows(note);
    return note;
}

// Whether the request itself asks the app to do what the feature does ("play the episodes", "message each other"),
// not only a domain that usually has it: a podcast studio booking gets no player, welcome messages no chat inbox.
// A reading built by hand has no request: its features are what it asks.
bool asked(const Draft& d, const char* feature) {
    if (d.reading.request.empty()) return d.has(feature);
    const std::vector<std::string> named = featuresNamed(d.reading.request);
    return std::find(named.begin(), named.end(), feature) != named.end();
}

// Insights only for numbers the request asks for, or a desktop app whose rows carry amounts or quantities to chart.
bool wantsInsights(const Draft& d) {
    const EntityPlan& main = d.plans.front();
    return asked(d, "charts") || (d.desktop() && (main.amount || main.quantity));
}

// "A single-screen page", "the landing page": words for the app itself, never an entity on it.
bool namesThePage(const IdeaEntity& e) {
    for (const std::string& w : wordForms(e.singular))
        if (w == "screen" || w == "page" || w == "single-screen" || w == "one-page" || w == "landing" || w == "site" || w == "website") return true;
    return false;
}

// The request on one screen (RequestStyle.singleScreen): the entities it lists, their "X button" attributes as a
// button on each row, the views its requirements ask for; no other screens and no navigation. Every requirement is
// traced to the nodes on that screen.
Json composeSinglePage(Draft& d, std::set<std::string>& taken) {
    Json& spec = d.spec;
    const IdeaReading& reading = d.reading;
    std::vector<std::vector<std::string>> rowButtons;
    std::vector<std::string> sectionIds;
    std::vector<std::string> mainAttributes;  // labels of the main entity's fields: not entities of their own
    auto addPlan = [&](const IdeaEntity& entity, std::vector<std::string> verbs) {
        d.plans.push_back(planEntity(entity, taken));
        // Requirements naming the entity trace to its section: it is the list, the form and the detail at once.
        EntityPlan& p = d.plans.back();
        p.listScreen = p.detailScreen = p.newScreen = p.key + "Section";
        sectionIds.push_back(p.listScreen);
        rowButtons.push_back(std::move(verbs));
        spec["state"][p.key] = p.entity.rows;
    };
    for (const IdeaEntity& e : reading.entities) {
        if (d.plans.size() == 3) break;
        const std::string one = singularOf(lowerText(e.singular));
        if (namesThePage(e) || std::find(mainAttributes.begin(), mainAttributes.end(), one) != mainAttributes.end()) continue;
        IdeaEntity entity = e;
        std::vector<std::string> verbs;
        entity.fields.clear();
        for (const IdeaField& f : e.fields) {
            const std::string label = lowerText(f.label);
            const size_t cut = label.rfind(" button");
            if (cut != std::string::npos && label.size() - cut <= 8) verbs.push_back(label.substr(0, cut));  // "order button(s)"
            else entity.fields.push_back(f);
        }
        if (entity.fields.empty()) entity.fields.push_back({"name", "Name", "text", {}});
        for (auto& f : entity.fields) {
            f.name = camelKey(f.name);
            if (d.plans.empty()) mainAttributes.push_back(singularOf(lowerText(f.label)));
        }
        entity.rows = completeRows(entity);
        addPlan(entity, verbs);
    }
    if (d.plans.empty()) addPlan(notesEntity(), {});
    // "an order button" says what each row of the main entity does (the reader keeps look words out of its attributes).
    for (const std::string& text : reading.requirements) {
        std::vector<std::string> words;
        std::string w;
        for (char c : lowerText(text) + " ") {
            if (std::isalpha(static_cast<unsigned char>(c))) w += c;
            else if (!w.empty()) words.push_back(std::exchange(w, {}));
        }
        for (size_t i = 1; i < words.size(); ++i)
            if ((words[i] == "button" || words[i] == "buttons") && !isFunctionWord(words[i - 1]) &&
                std::find(rowButtons[0].begin(), rowButtons[0].end(), words[i - 1]) == rowButtons[0].end())
                rowButtons[0].push_back(words[i - 1]);
    }
    // A statement about an attribute or a row button is covered by the section showing it, so it gets no view of its own.
    for (const std::string& text : reading.requirements) {
        const std::set<std::string> words = wordForms(text);
        for (size_t i = 0; i < d.plans.size(); ++i) {
            bool named = false;
            for (const IdeaField& f : d.plans[i].entity.fields) named = named || words.count(singularOf(lowerText(f.label)));
            for (const std::string& verb : rowButtons[i]) named = named || words.count(verb);
            if (named) d.composed[text].push_back(sectionIds[i]);
        }
    }
    addRequirementViews(d);
    addSinglePage(d, rowButtons, sectionIds);
    spec["nav"] = Json{{"kind", "stack"}, {"start", "home"}};
    spec["meta"]["requirements"] = draftRequirements(d);
    for (const char* k : {"overlays", "actions", "mocks"})
        if (spec[k].empty()) spec.erase(k);
    return spec;
}

// A phone's tab holds about eleven letters: "Hive inspections" says "Inspections" there (its screen keeps the whole
// name), unless another tab would then say the same or the last word alone says nothing ("Times").
void shortenTabLabels(std::vector<Json>& items) {
    static const std::set<std::string> vague = {"Times", "Dates", "Days", "Items", "Entries", "Lists", "Logs", "Records", "Notes", "Details"};
    for (Json& item : items) {
        const std::string label = item["label"];
        const std::string last = capitalized(label.substr(label.rfind(' ') + 1));
        const bool taken = std::any_of(items.begin(), items.end(), [&](const Json& other) { return other["label"] == last; });
        if (label.size() > 11 && label.find(' ') != std::string::npos && !taken && !vague.count(last)) item["label"] = last;
    }
}

// "filter transactions by category", "browse books by genre": the list's chips are that choice, whatever other
// choice (a status, a kind) the rows hold.
void filterAsAsked(EntityPlan& p, const std::string& request) {
    std::string low = request.substr(0, 4000);  // std::regex recurses per character: a bounded text keeps the stack bounded
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const std::regex asked(R"(\b(?:filter|filters|filtered|filtering|browse|browses|browsed|browsing)\s+(?:[a-z]+\s+){0,3}?by\s+([a-z]+))");
    for (auto m = std::sregex_iterator(low.begin(), low.end(), asked); m != std::sregex_iterator(); ++m) {
        const std::string by = singularOf((*m)[1].str());
        for (const IdeaField& f : p.entity.fields)
            if (f.kind == "choice" && f.of.empty() && &f != p.title && singularOf(lastWord(lowerText(f.label))) == by) {
                p.category = &f;
                return;
            }
    }
}

Json compose(const IdeaReading& reading) {
    Draft d{reading, Json::object(), {}, {}, {}, {}};
    Json& spec = d.spec;
    spec["spec"] = 1;
    spec["meta"] = Json{{"name", safeText(reading.appName.empty() ? "Prototype" : reading.appName, 40)}, {"idea", safeText(reading.summary, 20000)},
                        {"device", reading.device == "desktop" || reading.device == "tablet" ? reading.device : "phone"}, {"now", kNow}};
    spec["theme"] = themeFor(reading);
    spec["state"] = Json::object();
    spec["nav"] = Json::object();
    spec["screens"] = Json{{"home", nullptr}};  // first in the file; filled last, once every link is known
    spec["overlays"] = Json::object();
    spec["actions"] = Json::object();
    spec["mocks"] = Json::object();
    if (const WorkspaceReading ws = readWorkspace(reading); ws.kind != WorkspaceKind::None) return composeWorkspace(d, ws);

    std::set<std::string> taken = {"home", "insights", "reminders", "notifications", "settings", "cart", "checkout", "confirmation", "book", "booked",
                                   "inbox", "conversation", "assistant", "approvals", "board", "player", "calendar", "login", "welcome", "share",
                                   "ui", "doomed", "profile", "prefs", "alerts", "pay", "order", "booking", "openDays", "slots", "bookings",
                                   "threads", "chatDraft", "aiAnswers", "aiChat", "aiDraft", "aiAsked", "aiPick", "aiBusy", "sharing", "params",
                                   "index", "item", "event", "result", "error", "value", "it", "true", "false", "null", "pending"};
    d.plans.reserve(3 + reading.style.navLabels.size());  // requestedNavItems may add one per label; plans hold pointers into themselves
    if (reading.style.singleScreen) return composeSinglePage(d, taken);
    std::vector<IdeaEntity> kept;
    for (auto& e : reading.entities) {
        if (kept.size() == 3) break;
        IdeaEntity entity = e;
        if (entity.fields.empty()) entity.fields.push_back({"name", "Name", "text", {}});
        for (auto& f : entity.fields) f.name = camelKey(f.name);
        entity.rows = completeRows(entity);
        kept.push_back(std::move(entity));
    }
    linkRows(kept);
    for (const IdeaEntity& entity : kept) {
        d.plans.push_back(planEntity(entity, taken));
        filterAsAsked(d.plans.back(), reading.request);
    }
    if (d.plans.empty()) d.plans.push_back(planEntity(notesEntity(), taken));
    spec["state"]["doomed"] = Json{{"id", 0}, {"name", ""}};
    for (size_t i = 0; i < d.plans.size(); ++i) {
        spec["state"][d.plans[i].key] = d.plans[i].entity.rows;
        addEntityScreens(d, d.plans[i], i == 0);
    }
    // Features, in the order they earn a tab.
    if (asked(d, "chat")) build(d, "chat", addChat);
    if (d.has("ai")) build(d, "ai", addAssistant);
    if (d.has("booking")) build(d, "booking", addBooking);
    if (d.has("payments")) build(d, "payments", addCheckout);
    if (d.has("kanban")) build(d, "kanban", addBoard);
    if (d.has("approvals")) build(d, "approvals", addApprovals);
    if (asked(d, "player")) build(d, "player", addPlayer);
    if (d.has("calendar")) build(d, "calendar", addCalendar);
    if (wantsInsights(d)) build(d, "charts", addInsights);
    if (d.has("reminders")) build(d, "reminders", addReminders);
    if (d.has("notifications")) build(d, "notifications", addNotifications);
    if (d.has("sharing")) build(d, "sharing", addShareSheet);
    for (size_t i = 1; i < d.plans.size(); ++i)
        d.link(d.plans[i].listScreen, capitalized(d.plans[i].nouns), d.plans[i].entity.icon, "All " + d.plans[i].nouns);
    build(d, "settings", addSettings);
    if (d.has("login")) build(d, "login", addLogin);
    if (d.has("onboarding")) build(d, "onboarding", addOnboarding);

    // Navigation: the items the request lists, else tabs hold home, the main list, two features and settings and a
    // sidebar holds everything.
    const std::string navKind = !reading.style.nav.empty() ? reading.style.nav : d.desktop() ? "sidebar" : "tabs";
    if (!reading.style.navLabels.empty()) {
        d.navItems = requestedNavItems(d, taken);
    } else {
        const EntityPlan& main = d.plans.front();
        d.navItems.push_back(Json{{"screen", "home"}, {"label", d.desktop() ? "Dashboard" : "Home"}, {"icon", d.desktop() ? "dashboard" : "home"}});
        d.navItems.push_back(Json{{"screen", main.listScreen}, {"label", capitalized(main.nouns)}, {"icon", main.entity.icon}});
        size_t featureTabs = 0;
        for (auto& l : d.quickLinks) {
            bool settings = l["screen"] == "settings";
            if (navKind == "tabs" && !settings && featureTabs == 2) continue;
            if (!settings) ++featureTabs;
            d.navItems.push_back(Json{{"screen", l["screen"]}, {"label", l["label"]}, {"icon", l["icon"]}});
        }
        // Settings goes last.
        auto s = std::find_if(d.navItems.begin(), d.navItems.end(), [](const Json& n) { return n["screen"] == "settings"; });
        if (s != d.navItems.end()) std::rotate(s, s + 1, d.navItems.end());
        if (navKind == "tabs") shortenTabLabels(d.navItems);
    }
    addRequirementViews(d);
    addHome(d);
    // An app that is a board ("a kanban board for ...", not "a to-do app with a board view") opens on the board, its
    // first destination: the words that say what the app is come before its first "with", "where" or "that".
    static const std::regex whatItIs(R"(^[^.!?\n]*?(?=\b(with|where|that|which|so|to)\b|[.!?\n]|$))");
    static const std::regex boardWord(R"(\b(kanban|board)\b)");
    std::smatch lead;
    const std::string request = lowerText(reading.request);
    const bool boardApp = spec["screens"].contains("board") && std::regex_search(request, lead, whatItIs) && std::regex_search(lead.str(), boardWord);
    if (boardApp) {
        const auto b = std::find_if(d.navItems.begin(), d.navItems.end(), [](const Json& n) { return n["screen"] == "board"; });
        if (b != d.navItems.end()) std::rotate(d.navItems.begin(), b, b + 1);
    }
    std::string start = d.has("onboarding") ? "welcome" : d.has("login") ? "login" : boardApp ? "board" : "home";
    spec["nav"] = Json{{"kind", navKind}, {"start", start}, {"items", d.navItems}};
    spec["meta"]["requirements"] = draftRequirements(d);
    for (const char* k : {"overlays", "actions", "mocks"})
        if (spec[k].empty()) spec.erase(k);
    return spec;
}

} // namespace
} // namespace draft

Json draftSpec(const IdeaReading& reading) {
    try {
        return draft::compose(reading);
    } catch (const std::exception&) {
        // A reading built by hand can hold anything; the generic reading always composes.
        return draft::compose(readIdea(""));
    }
}

namespace {

// "view them in a list sorted by date", "the list can be sorted by vintage", "in order of departure time": the
// refiner's sort control on the main list, and a list the request says is kept in an order starts in it (dates and
// times earliest first).
void addRequestedSort(Json& spec, const IdeaReading& reading, const std::string& idea) {
    if (reading.entities.empty() || !spec.contains("screens")) return;
    std::string low = idea.substr(0, 4000);  // std::regex recurses per character: a bounded text keeps the stack bounded
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const std::regex asked(R"(\b(can be sorted|sort|sorts|sorted|ordered|listed|shown|displayed)\s+(?:[a-z]+\s+){0,3}?by\s+([a-z]+(?: [a-z]+)?)|\bin (chronological) order\b|\bin order of ([a-z]+(?: [a-z]+)?))");
    std::smatch m;
    if (!std::regex_search(low, m, asked)) return;
    const bool chronological = m[3].matched;
    std::string by = chronological ? "date" : m[2].matched ? m[2].str() : m[4].str();
    by = std::regex_replace(by, std::regex(R"( (and|or|with|to|for|so|then)$)"), "");
    const bool byTime = chronological || std::regex_search(by, std::regex(R"(\b(date|time|day|deadline|due)\b)"));
    const std::string plural = reading.entities.front().plural;
    // Kept in that order ("sorted by date"), the list starts in it; only sortable ("can be sorted"), it offers it.
    const std::string verb = m[1].matched ? m[1].str() : "";
    const bool sortable = verb == "can be sorted" || verb == "sort" || verb == "sorts";
    // "sorted by date, newest first": the words after it in its sentence may turn the order round.
    const std::string after = low.substr(static_cast<size_t>(m.position(0) + m.length(0)), 60);
    const std::string rest = after.substr(0, after.find_first_of(".;\n"));
    const bool newestFirst = std::regex_search(rest, std::regex(R"(\b(newest|latest|most recent|recent first|descending|highest|latest)\b)"));
    const std::string order = newestFirst ? ", newest first" : byTime ? ", earliest first" : "";
    const Json answer = offlineRefinement(spec, (sortable ? "let users sort the " : "sort the ") + plural + " by " + by + order, "");
    Json sorted;
    std::string mode, error;
    if (answer.contains("unsupported") || !applyRefinementAnswer(spec, answer, &sorted, &mode, &error)) return;
    spec = std::move(sorted);
}

} // namespace

Json draftSpec(std::string_view idea) {
    const IdeaReading reading = readIdea(idea);
    Json spec = draftSpec(reading);
    std::string text = draft::safeText(idea, 20000);
    addRequestedSort(spec, reading, text);
    if (!text.empty()) spec["meta"]["idea"] = text;
    return spec;
}

//-----------------------------------------------------------------------------
// [SECTION] Offline provider
//-----------------------------------------------------------------------------

namespace {

class OfflineProvider final : public LlmProvider {
public:
    std::string name() const override { return "offline"; }
    std::string model() const override { return "drafter-1"; }
    std::string label() const override { return "offline drafter"; }
    bool deterministic() const override { return true; }
    LlmResult complete(const LlmRequest& request, const TextSink& onText, const std::atomic<bool>* cancel) override {
        LlmResult r;
        // A refinement gets the offline refiner's answer (generator/refiner.h), a generation a whole draft.
        Json answer = request.refineDoc.is_null() ? draftSpec(request.idea) : offlineRefinement(request.refineDoc, request.refineRequest, request.refineScope);
        const std::string text = answer.dump(1);  // for the raw answer file and the streamed progress
        // A few chunks, so consumers see the same streaming path as with a real model.
        const size_t chunk = text.size() / 4 + 1;
        for (size_t at = 0, next; at < text.size(); at = next) {
            next = std::min(at + chunk, text.size());
            while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;  // whole UTF-8 characters

            if (cancel && cancel->load()) {
                r.cancelled = true;
                r.finishReason = "cancelled";
                r.error = "offline: cancelled";
                return r;
            }
            std::string_view piece(text.data() + at, next - at);
            r.text.append(piece);
            if (onText) onText(piece);
        }
        r.doc = std::move(answer);  // handed over as is: nobody parses `text` back
        r.ok = true;
        r.finishReason = "stop";
        r.outputTokens = static_cast<int>(text.size() / 4);
        return r;
    }
};

} // namespace

std::unique_ptr<LlmProvider> makeOfflineProvider() { return std::make_unique<OfflineProvider>(); }

} // namespace pt
