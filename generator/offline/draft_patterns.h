// Promptotype — OfflineDrafter internals shared by the idea reader, the pattern library and the composer.
// Private to generator/: not part of the public API.
//
// [SECTION] Text helpers (idea_reader.cpp)
// [SECTION] Entity plans and the draft being built (draft_patterns.cpp)
// [SECTION] Patterns (draft_patterns.cpp)
// [SECTION] Requirements (requirement_trace.cpp)
// [SECTION] Look and layout (request_style.cpp)
// [SECTION] Workspaces (workspace_pattern.cpp)

#pragma once
#include "generator/offline/offline_drafter.h"
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace pt::draft {

//-----------------------------------------------------------------------------
// [SECTION] Text helpers
//-----------------------------------------------------------------------------

constexpr const char* kNow = "2026-05-14T09:00";   // the simulated clock every draft starts at (keeps drafts deterministic)

std::string isoDay(int offset);                    // kNow's date plus `offset` days, "YYYY-MM-DD"
std::string singularOf(const std::string& word);   // "categories" -> "category", "people" -> "person"
std::string pluralOf(const std::string& word);     // "category" -> "categories", "stock item" -> "stock items"
std::string capitalized(std::string_view text);    // first letter upper case
std::string titleCased(std::string_view text);     // every word capitalized ("stock items" -> "Stock Items")
std::string camelKey(std::string_view text);       // identifier for state keys and screen ids ("stock item" -> "stockItem")
std::string safeText(std::string_view text, size_t maxBytes = 2000);  // valid UTF-8, no control chars, no "${", trimmed
std::string exprString(std::string_view text);     // a single-quoted expression string literal with escapes
std::vector<std::string> featuresNamed(std::string_view text);  // features whose words the text uses ("remind me" -> reminders)
std::string lowerText(std::string_view text);                    // the text in lower case (ASCII)
std::set<std::string> wordForms(std::string_view text);          // lower-case words, their singulars and joined pairs ("sign-in")
std::string fieldKindFor(const std::string& label, const std::string& widget);
// The times of day a time field offers ("07:00" ... "20:00"): any domain's day, morning to evening.
const std::vector<std::string>& timeChoices();  // a field's kind from its label ("Due date" -> date); `widget` as quoted ("checkbox") or ""

// Something the request manages, read from its own words (request_reader.cpp).
struct RequestEntity {
    std::string head;    // singular head noun ("sighting")
    std::string phrase;  // singular, with the noun before the head ("pest sighting")
    std::vector<std::string> words;  // the whole phrase as first written, singular ("greenhouse", "pest", "sighting")
    int score = 0;       // how the request uses it: mentions, plural, object of a verb, "each X", "X with ..."
    std::vector<IdeaField> attributes;  // from "X with A, B and C" / "including" / "showing"
    std::vector<std::string> examples;  // what the request gives as examples of it: "tools like a tile saw or a sander" -> "Tile saw", "Sander"
};
// A verb the request reader knows ("log", "tracks", "approve"): a request's verb, never part of a noun phrase.
bool knownVerb(const std::string& word);
// The request without the reasons its user stories give ("... so that I can cover breaks"), each to the end of its
// sentence, line or clause, or to the next story ("As a ...").
std::string withoutReasons(std::string_view request);
// Appends the fields whose name `to` does not have yet, in order.
void addNewFields(std::vector<IdeaField>& to, const std::vector<IdeaField>& fields);
// A noun that names a kind of something ("category", "difficulty", "style"): its examples are choices, not rows.
bool kindNoun(const std::string& word);
// A function word the request reader never takes into a noun phrase ("the", "of", "each", "is", "today").
bool isFunctionWord(const std::string& word);
// The head nouns of the request's noun phrases, best first; app, screen and time words are never entities.
std::vector<RequestEntity> requestEntities(std::string_view request);
// The people who use the app, as the request names them ("for clerks", "As a teacher", "managers approve"), plural,
// lower case, in request order; they are no entity unless the request also manages them ("manage volunteers").
std::vector<std::string> requestActors(std::string_view request);
// The request's subject as a short name: its first noun phrase without app words, at most 3 words, title-cased
// ("A dashboard for EV charging stations" -> "EV Charging Stations"); "" when it has none.
std::string requestSubject(std::string_view request);
// A lower-case word as the request writes it where it writes it in capitals ("sku" -> "SKU", "ev" -> "EV"), else
// `otherwise`.
std::string upperAsWritten(const std::string& word, std::string_view request, const std::string& otherwise);
// The name the request gives its business or product: two to five capitalised words after "for", "at", "of",
// "called"... ("Member app for Harbor Federal Credit Union" -> "Harbor Federal Credit Union"); "" when it gives none.
std::string requestProperName(std::string_view request);

//-----------------------------------------------------------------------------
// [SECTION] Entity plans and the draft being built
//-----------------------------------------------------------------------------

// How one entity appears in the app: its state key, screens and the roles its fields play.
struct EntityPlan {
    IdeaEntity entity;
    std::string key;          // state key of the rows ("habits")
    std::string listScreen;   // "habits"
    std::string detailScreen; // "habit"
    std::string newScreen;    // "newHabit"
    std::string draftKey;     // state key of the create form ("habitDraft")
    std::string noun, nouns;  // display words ("habit", "habits")
    const IdeaField* title = nullptr;     // shown as the row title (first field)
    const IdeaField* status = nullptr;    // choice field shown as a badge ("status", "stage", ...)
    const IdeaField* category = nullptr;  // choice field used for filter chips and charts (may equal status)
    const IdeaField* amount = nullptr;    // money field summed on the dashboard
    const IdeaField* quantity = nullptr;  // number field
    const IdeaField* when = nullptr;      // date field for sorting, calendars and "upcoming"
    const IdeaField* person = nullptr;    // a field holding a person's name (avatar)
    bool people = false;                  // rows are people (avatar instead of icon)
};

EntityPlan planEntity(const IdeaEntity& entity, std::set<std::string>& takenKeys);  // fills roles and unique keys

// The spec under construction plus where each screen goes.
struct Draft {
    const IdeaReading& reading;
    Json spec;
    std::vector<EntityPlan> plans;
    std::vector<Json> navItems;                 // {"screen", "label", "icon"} for the tab bar / sidebar
    std::vector<Json> quickLinks;               // {"screen", "label", "icon", "text"}: shown on home when not in nav
    std::map<std::string, std::vector<std::string>> built;  // feature -> the screens and overlays its pattern added
    std::vector<Json> homeViews = {};                       // nodes built for requirements, shown on home under its key numbers
    std::map<std::string, std::vector<std::string>> composed = {};  // requirement statement -> ids of the nodes built for it
    bool desktop() const { return reading.device == "desktop"; }
    bool wide() const { return reading.device != "phone"; }
    bool has(std::string_view feature) const;   // the reading asks for this feature
    void screen(const std::string& id, Json body);        // adds a screen (id must be unique)
    void link(const std::string& screen, const std::string& label, const std::string& icon, const std::string& text);  // nav or quick link
};

// What people write on one row, by the verb that asks for it: "comment", "reply", "answer", "discuss" (and their
// forms: "comments", "replies"); null when the word asks for none.
struct Discussion {
    std::string field;        // the rows' array of entries ("replies")
    std::string title;        // "Replies"
    std::string button;       // "Reply"
    std::string placeholder;  // "Write a reply"
    std::string none;         // "No replies yet"
};
const Discussion* discussionFor(const std::string& word);
// What a verb adds to one row when its object is something people add to rows, not a thing of its own: "add
// comments" -> "comment", "leave a review" -> "review", "place bids" -> "bid", "save favorites" -> "favorite";
// "" when the pair asks for nothing of the kind. The reader keeps such objects out of the lists, the composer
// turns them into the row's verb.
std::string addedToRow(const std::string& verb, const std::string& object);
// The discussion on the screen of one row (`alias`; its entries at state path `entriesPath`, "tasks.${...}.comments"):
// the entries (who, text, when) newest last, and a box whose text (bound to `bind`) is added as `me` when the button
// with id `id` is pressed.
Json discussionOn(const Discussion& kind, const std::string& entriesPath, const std::string& alias, const std::string& bind, const std::string& id, const std::string& me);
// A few believable entries for row `i` (people, short remarks that fit any subject, times in the days before `now`,
// "YYYY-MM-DDTHH:MM"); some rows have none.
Json mockEntries(size_t i, const std::string& now = kNow);

Json completeRows(const IdeaEntity& e);  // the entity's rows with ascending ids and every field filled (invented where missing)
Json statTile(const std::string& label, const std::string& value, const std::string& icon, const std::string& caption);  // a stat node
Json rowItem(const EntityPlan& p, const std::string& alias);  // a list item for one row: title, subtitle, badge, opening its screen
Json donutByCategory(const EntityPlan& p);  // donut of the rows (or their amounts) per category choice; needs p.category

//-----------------------------------------------------------------------------
// [SECTION] Patterns
//-----------------------------------------------------------------------------
// Each adds its screens, state, overlays and mocks to the draft and registers how to reach them.

// A number label read as a share of full ("Water level", "Filament remaining", "Humidity"): shown and invented as percent.
bool measuredInPercent(const std::string& label);
// A row's value as a template a person reads: "${currency(x.price)}", a date, a number with its unit.
std::string shownValue(const IdeaField& f, const std::string& alias);
// The state path of `field` on the row named `alias` in the entity's list: "tickets.${count(...)}.status".
std::string rowPath(const EntityPlan& p, const std::string& alias, const std::string& field);

void addEntityScreens(Draft& d, const EntityPlan& p, bool primary);  // list (with search + filters), detail, create
void addHome(Draft& d);            // dashboard: greeting, stats, chart, recent rows, quick links
// The whole request on one screen: its title, the stats it asks for, each entity's rows (cards when asked for or when
// rows carry buttons) with their attributes, rowButtons[i] (verbs) on each row of plan i, the section of plan i with
// id sectionIds[i], the other views and the request's own buttons, each giving feedback.
void addSinglePage(Draft& d, const std::vector<std::vector<std::string>>& rowButtons, const std::vector<std::string>& sectionIds);
void addInsights(Draft& d);        // charts and stats
void addReminders(Draft& d);       // reminder time, days and switches
void addNotifications(Draft& d);   // notification inbox
void addSettings(Draft& d);        // profile, preferences, sign out
void addCheckout(Draft& d);        // cart, payment form, mock payment, confirmation
void addBooking(Draft& d);         // service, calendar, time slots, details, confirmation
void addChat(Draft& d);            // inbox of threads and a conversation that replies
void addAssistant(Draft& d);       // AI assistant whose answer streams in
void addApprovals(Draft& d);       // approval queue with approve / reject
void addBoard(Draft& d);           // kanban columns by status
void addPlayer(Draft& d);          // now-playing media player
void addCalendar(Draft& d);        // month view of dated rows
void addLogin(Draft& d);           // sign-in screen (becomes the start)
void addOnboarding(Draft& d);      // welcome screen (becomes the start, before login)
void addShareSheet(Draft& d);      // share sheet overlay opened from detail screens

//-----------------------------------------------------------------------------
// [SECTION] Requirements
//-----------------------------------------------------------------------------

// The request split into requirement statements, in its own words: numbered or bulleted lines, else sentences, else
// the clauses of a one-liner ("a habit tracker with daily streaks and reminders" -> three).
std::vector<std::string> requirementStatements(std::string_view request);
// Traces requirement statements to what the draft built, knowing every id in use: collected once (screens, overlays,
// nodes, ids composed for requirements), then kept current as ids are handed out, so a pass that adds many nodes
// never walks the spec again to keep them unique.
struct RequirementTracer {
    Draft& d;
    std::set<std::string> taken;  // ids in use
    explicit RequirementTracer(Draft& draft);
    std::string freshId(const std::string& name);  // an id nothing uses yet, made from `name` ("weightLineChart", "weightLineChart2")
    std::vector<std::string> trace(const std::string& statement);  // ids built for the statement (nodes it names get an id)
    std::string idOf(Json& node, const std::string& name);         // the node's id, giving it a fresh one made from `name` when it has none
};
// One visible element per requirement that asks for a view of data, a way to do something, or something the screens
// do not show yet: charts, stats, progress, emphasis cards, sections on home (Draft::homeViews) and item actions on
// detail screens, each recorded in Draft::composed (requirement_views.cpp). Runs after the entity and feature patterns.
void addRequirementViews(Draft& d);
std::string pastOf(const std::string& verb);   // "approve" -> "approved", "reply" -> "replied", "bid" -> "bid"
// A button on a row (`alias` is the repeat's) that does the verb to that row: its flag flips, the label says so
// ("Order" -> "Ordered", "Mark e-filed" -> "E-filed"; with `object`, "Send hint" -> "Hint sent") and a toast names the row.
Json itemToggleButton(const EntityPlan& p, const std::string& verb, const std::string& alias, const std::string& object = "");
// The rows' amounts in one tile: their total ("Total price"), or their average when the amount is a rate ("Hourly
// price", "Price per night").
Json amountTotal(const EntityPlan& p, const std::string& caption);
// "Done today" on a habit: the yes/no of today the rows are ticked off by, or null.
const IdeaField* todayFlag(const EntityPlan& p);
// The streak the rows keep ("Streak (days)"), or null.
const IdeaField* streakOf(const EntityPlan& p);
// Ticks or unticks row `alias` for today: its streak moves a day with it, and a tick says so.
Json tickToday(const EntityPlan& p, const IdeaField& flag, const std::string& alias);
// meta.requirements for the finished draft: each of reading.requirements with the ids of the screens, overlays and
// nodes built for it (nodes it names get an id), or no ids when nothing was.
Json draftRequirements(Draft& d);

//-----------------------------------------------------------------------------
// [SECTION] Look and layout
//-----------------------------------------------------------------------------

// The look and layout the request asks for: each colour (a CSS name, also written as words, or a hex code) with the
// role its sentence gives it, dark mode, sidebar or tabs with their labels, font, density, corners, cards and a
// single screen. Ordinary words count as colours only where the sentence is about colour ("Orange County" is not).
RequestStyle readRequestStyle(std::string_view request);
// A colour as people name it, lower case without spaces: a CSS name ("navy") or a common one CSS lacks ("amber").
bool colourName(const std::string& word);

//-----------------------------------------------------------------------------
// [SECTION] Workspaces
//-----------------------------------------------------------------------------

// board of cells · inputs with live outputs · fields with a live preview · tiles moved by arrows (2048, sliding puzzles) ·
// questions with answer choices, a score and a next question · clocks that tick (turns, phases, countdown, stopwatch) ·
// flashcards to flip and mark known · a passage to type against the clock · colour palettes to generate, lock and copy
enum class WorkspaceKind { None, Grid, Calculator, Editor, SlideBoard, Quiz, Timer, Flashcards, TypingTest, PaletteGenerator };

// Whether the request asks for a game, editor, builder, calculator or timer rather than records to manage, and which kind.
struct WorkspaceReading {
    WorkspaceKind kind = WorkspaceKind::None;
    std::string text;     // the request as written (its listed items keep their capitals)
    std::string request;  // the same, lower case, for reading
};
WorkspaceReading readWorkspace(const IdeaReading& reading);
// The whole app for a workspace request, into d.spec (meta and theme already set): the workspace as the main screen,
// secondary screens only for the views the request names, meta.requirements traced to what was built.
Json composeWorkspace(Draft& d, const WorkspaceReading& ws);

} // namespace pt::draft
