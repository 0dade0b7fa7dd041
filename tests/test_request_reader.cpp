// The request reader (requestEntities, requestActors, readIdea's entities and app name) on requests from domains the
// dev corpus does not have: verbs stay out of entities, the people using the app are actors, "X by A, B and C" and
// stage lists become fields of X, look words are never data, and the app name comes from the subject.
#include "generator/offline/draft_patterns.h"
#include "generator/offline/offline_drafter.h"
#include <catch2/catch.hpp>
#include <algorithm>

using namespace pt;

namespace {

// The entity the reading has under that singular name, or nullptr.
const IdeaEntity* entityNamed(const IdeaReading& r, const std::string& singular) {
    for (const IdeaEntity& e : r.entities)
        if (e.singular == singular) return &e;
    return nullptr;
}

// The field of `e` with that label, or nullptr.
const IdeaField* fieldLabelled(const IdeaEntity& e, const std::string& label) {
    for (const IdeaField& f : e.fields)
        if (f.label == label) return &f;
    return nullptr;
}

// The field labelled `label` of the entity named `singular`; the test stops when either is missing.
const IdeaField& requiredField(const IdeaReading& r, const std::string& singular, const std::string& label) {
    const IdeaEntity* e = entityNamed(r, singular);
    INFO(singular << " / " << label);
    REQUIRE(e != nullptr);
    const IdeaField* f = fieldLabelled(*e, label);
    REQUIRE(f != nullptr);
    return *f;
}

// Every one of `labels` is a field of the entity named `singular`.
void requiredFields(const IdeaReading& r, const std::string& singular, std::initializer_list<const char*> labels) {
    for (const char* label : labels) requiredField(r, singular, label);
}

// Does any entity or field of the reading contain `word` (lower case) in its name?
bool anyNameHas(const IdeaReading& r, const std::string& word) {
    for (const IdeaEntity& e : r.entities) {
        if (e.singular.find(word) != std::string::npos) return true;
        for (const IdeaField& f : e.fields) {
            std::string label = f.label;
            std::transform(label.begin(), label.end(), label.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
            if (label.find(word) != std::string::npos) return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("a verb before a noun phrase is no part of the entity", "[reader]") {
    IdeaReading tools = readIdea("Tool library for a street: neighbours borrow ladders, lend drills and return them");
    CHECK(entityNamed(tools, "ladder") != nullptr);
    CHECK_FALSE(anyNameHas(tools, "borrow"));
    CHECK_FALSE(anyNameHas(tools, "lend"));

    IdeaReading game = readIdea("Please implement the game Minesweeper with a timer and a mine counter");
    CHECK(game.appName != "Implement");
    CHECK_FALSE(anyNameHas(game, "implement"));

    IdeaReading flights = readIdea("Pilots reschedule lessons and instructors publish the weekly slots");
    CHECK_FALSE(anyNameHas(flights, "reschedule"));
    CHECK_FALSE(anyNameHas(flights, "publish"));
}

TEST_CASE("what the business an app is for keeps 'with' are the app's lists, the business is none", "[reader]") {
    IdeaReading food = readIdea("a volunteer scheduling app for a food bank with shifts and volunteers");
    CHECK(entityNamed(food, "shift") != nullptr);
    CHECK(entityNamed(food, "volunteer") != nullptr);
    CHECK_FALSE(anyNameHas(food, "bank"));
    const Json spec = draftSpec("a volunteer scheduling app for a food bank with shifts and volunteers");
    CHECK(spec["screens"].contains("shifts"));
    CHECK(spec["screens"].contains("newShift"));
}

TEST_CASE("the people who use the app are actors, not entities nor the app name", "[reader]") {
    IdeaReading pool = readIdea("An app for a lifeguard to log pool checks with chlorine level and water temperature");
    CHECK(pool.actors == std::vector<std::string>{"lifeguards"});
    CHECK(entityNamed(pool, "lifeguard") == nullptr);
    CHECK(pool.appName == "Pool Checks");

    IdeaReading library = readIdea("As a librarian I want to track overdue books. As a reader I want to renew a book.");
    REQUIRE(library.actors.size() == 2);
    CHECK(library.actors[0] == "librarians");
    CHECK(library.actors[1] == "readers");
    CHECK(library.appName != "Librarian");
    CHECK(entityNamed(library, "librarian") == nullptr);

    IdeaReading repairs = readIdea("Repair requests for tenants: tenants report leaks, landlords approve quotes");
    CHECK(repairs.actors == std::vector<std::string>{"tenants", "landlords"});
    CHECK(entityNamed(repairs, "tenant") == nullptr);
    CHECK(entityNamed(repairs, "landlord") == nullptr);

    // Managed people stay what the app is about.
    IdeaReading foodBank = readIdea("Manage volunteers and their shifts for a food bank");
    CHECK(entityNamed(foodBank, "volunteer") != nullptr);
    CHECK(foodBank.actors.empty());

    // "for each player" is one per row, not a user; "for a coffee roastery" is no person.
    CHECK(draft::requestActors("A scorecard with a row for each player").empty());
    CHECK(draft::requestActors("A stock tracker for a coffee roastery").empty());
}

TEST_CASE("ENTITY by A, B and C files each row under those fields: a measure by X stays a breakdown", "[reader]") {
    IdeaReading vet = readIdea("Vet clinic schedule for receptionists: appointments by vet, pet name, room and time; move an appointment");
    const IdeaEntity* visits = entityNamed(vet, "appointment");
    REQUIRE(visits != nullptr);
    for (const char* label : {"Vet", "Pet name", "Room"}) CHECK(fieldLabelled(*visits, label) != nullptr);
    REQUIRE(fieldLabelled(*visits, "Time") != nullptr);
    CHECK(fieldLabelled(*visits, "Time")->kind == "time");
    CHECK(vet.actors == std::vector<std::string>{"receptionists"});

    for (const draft::RequestEntity& e : draft::requestEntities("Household budget: log expenses, see spending by month and category")) {
        CHECK(std::none_of(e.attributes.begin(), e.attributes.end(), [](const IdeaField& f) { return f.name == "month"; }));
    }
    // One word after "by" says how to sort or charge, not what a row holds.
    for (const draft::RequestEntity& e : draft::requestEntities("Rent kayaks by the hour"))
        CHECK(std::none_of(e.attributes.begin(), e.attributes.end(), [](const IdeaField& f) { return f.name == "hour"; }));
}

TEST_CASE("stages, statuses and from-to lists are a choice field with exactly those values", "[reader]") {
    IdeaReading bugs = readIdea("A bug tracker for a game studio with statuses New, Triaged, Fixed and Verified");
    const IdeaEntity* bug = entityNamed(bugs, "bug");
    REQUIRE(bug != nullptr);
    const IdeaField* status = fieldLabelled(*bug, "Status");
    REQUIRE(status != nullptr);
    CHECK(status->kind == "choice");
    CHECK(status->choices == std::vector<std::string>{"New", "Triaged", "Fixed", "Verified"});
    CHECK_FALSE(anyNameHas(bugs, "triaged"));
    CHECK(entityNamed(bugs, "status new") == nullptr);

    IdeaReading grants = readIdea("Garden grant requests go from Draft to Approved to Paid");
    bool staged = false;
    for (const IdeaEntity& e : grants.entities)
        for (const IdeaField& f : e.fields) staged = staged || f.choices == std::vector<std::string>{"Draft", "Approved", "Paid"};
    CHECK(staged);

    // After a colon lower-case values count; they replace the status a known domain brings.
    IdeaReading orders = readIdea("Cake orders for a bakery, status: taken, baking, ready");
    REQUIRE_FALSE(orders.entities.empty());
    REQUIRE(fieldLabelled(orders.entities[0], "Status") != nullptr);
    CHECK(fieldLabelled(orders.entities[0], "Status")->choices == std::vector<std::string>{"Taken", "Baking", "Ready"});

    // Two places are a route, not stages; lower-case words after a stage word are no values.
    for (const draft::RequestEntity& e : draft::requestEntities("Ferry trips from Oban to Mull with steps count and distance"))
        for (const IdeaField& f : e.attributes) CHECK(f.kind != "choice");
}

TEST_CASE("look and layout words are never entities or attributes", "[reader]") {
    IdeaReading florist = readIdea("A one-pager for a florist showing bouquets with prices, a buy button and a teal header, dark mode");
    for (const char* word : {"button", "header", "pager", "page", "teal", "mode"}) {
        INFO(word);
        CHECK_FALSE(anyNameHas(florist, word));
    }
    CHECK(florist.appName != "One-Pager");
    CHECK(entityNamed(florist, "bouquet") != nullptr);

    // "compact tables" are a density; "choose rental hours" an amount of time, no list of hours.
    IdeaReading law = readIdea("Time entry for a law firm: compact tables with right-aligned numbers. Lawyers add a narrative.");
    CHECK_FALSE(anyNameHas(law, "compact"));
    IdeaReading bikes = readIdea("Please implement a website for a bike rental shop where customers pick a bike, choose rental hours, see the total "
                                 "price and book. Bikes have a type, hourly price and availability.");
    CHECK(entityNamed(bikes, "bike") != nullptr);
    CHECK(entityNamed(bikes, "rental hour") == nullptr);
    CHECK(entityNamed(bikes, "hour") == nullptr);
    // An hourly price summed over the rows says nothing: it is their average; a price is totalled once, as "Total price".
    CHECK(draftSpec(bikes.request).dump().find("Total Total") == std::string::npos);
    draft::EntityPlan plan;
    plan.key = "bikes";
    IdeaField hourly{"hourlyPrice", "Hourly price", "money", {}}, total{"totalPrice", "Total price", "money", {}}, fee{"fee", "Fee", "money", {}};
    const std::pair<IdeaField*, const char*> tiles[] = {{&hourly, "Average hourly price"}, {&total, "Total price"}, {&fee, "Total fee"}};
    for (auto& [amount, label] : tiles) {
        plan.amount = amount;
        CHECK(draft::amountTotal(plan, "")["stat"] == label);
    }
    CHECK(draft::amountTotal(plan, "")["value"].get<std::string>().find("sum(bikes") != std::string::npos);

    IdeaReading farm = readIdea("A single-screen page for a farm stand listing today's vegetables, sage green background");
    CHECK_FALSE(anyNameHas(farm, "background"));
    CHECK_FALSE(anyNameHas(farm, "single-screen"));
    CHECK(farm.appName != "Single-Screen");
}

TEST_CASE("the app name is the subject: no actor, container, verb or attribute", "[reader]") {
    CHECK(readIdea("A portal for tenants to report repairs").appName == "Repairs");
    CHECK(readIdea("1. Show the 10 newest warranty claims with priority and product\n2. Close a claim").appName == "Warranty Claims");
    CHECK(readIdea("Kanban board for a theatre production with stages Casting, Rehearsal, Tech week").appName == "Theatre Production");
    CHECK(readIdea("Design a darts scorer for two players").appName == "Darts Scorer");
    // A one-word subject keeps the kind of app it is, but not "app" or "website", nor where it runs.
    CHECK(readIdea("Please implement a job board website. Employers post jobs.").appName == "Job Board");
    CHECK(readIdea("A habit tracker with daily streaks and reminders").appName == "Habit Tracker");
    CHECK(readIdea("Please implement a fitness tracking web app where users log workouts").appName == "Fitness Tracking");
    CHECK(readIdea("Please implement a recipe website where users browse recipes").appName == "Recipe");
    // A purpose alone is no subject: what it is for is. A gerund after a count is a kind of the thing.
    CHECK(readIdea("an inventory system for a bakery").appName == "Bakery Inventory");
    CHECK(readIdea("compare three roofing quotes side by side and accept one").appName == "Roofing Quotes");
    // A waitlist is for the last thing of its "for" chain.
    CHECK(readIdea("join the waitlist for the shelter's next litter of puppies").appName == "Puppy Waitlist");
    // A request that opens with a specialised role is named by it; a bare role or a story's "As a ..." is not.
    CHECK(readIdea("piano teacher marks attendance and assigns practice pieces after each lesson").appName == "Piano Teacher");
    CHECK(readIdea("As a ward nurse I want to see which patients have medications due").appName != "Ward Nurse");
}

TEST_CASE("the app name keeps a tool's word and a game's own name: look words, AI helpers and a bare screen name nothing", "[reader]") {
    CHECK(readIdea("a currency converter for travellers with today's rates").appName == "Currency Converter");
    CHECK(readIdea("Please implement a karaoke night queue. Guests sign up, and the queue shows who is singing now.").appName == "Karaoke Night");
    CHECK(readIdea("Pub quiz night app: the host shows each question on the big screen.").appName == "Pub Quiz Night");
    CHECK(readIdea("a sourdough timer with 30 minute folds").appName == "Sourdough Timer");
    CHECK(readIdea("Please build the game 1010 with a high score").appName == "1010");
    CHECK(readIdea("Sleek black and white gallery guide for sculptures with artist and year").appName == "Gallery Guide");
    CHECK(readIdea("An AI assistant that drafts replies to tenant emails").appName != "Assistant");
    CHECK(readIdea("Build a single screen for a hostel's bed availability").appName == "Hostel Bed Availability");
    // With no subject of its own the name is the request's noun, never a lexicon domain's product name.
    const IdeaReading noSubject = readIdea("As a farmer I want to record which field I sprayed and with what product so that I stay compliant.");
    CHECK(noSubject.appName == draft::titleCased(noSubject.entities.front().plural));
}

TEST_CASE("attribute names keep their words and get their kinds", "[reader]") {
    IdeaReading nests = readIdea("A log of roof inspections with tile count, moss sighting, gutter photo and repair dates");
    const IdeaEntity* checks = entityNamed(nests, "roof inspection");
    REQUIRE(checks != nullptr);
    struct Expect { const char* label; const char* kind; };
    for (const Expect& x : {Expect{"Tile count", "number"}, Expect{"Moss sighting", "bool"}, Expect{"Gutter photo", "image"}, Expect{"Repair date", "date"}}) {
        INFO(x.label);
        const IdeaField* f = fieldLabelled(*checks, x.label);
        REQUIRE(f != nullptr);
        CHECK(f->kind == x.kind);
    }
    IdeaReading claims = readIdea("Mileage claims for drivers: submit a claim with amount, route and receipt");
    const IdeaEntity* claim = entityNamed(claims, "mileage claim");  // "a claim" is one of them, said for short
    REQUIRE(claim != nullptr);
    REQUIRE(fieldLabelled(*claim, "Amount") != nullptr);
    CHECK(fieldLabelled(*claim, "Amount")->kind == "money");
    REQUIRE(fieldLabelled(*claim, "Receipt") != nullptr);
    CHECK(fieldLabelled(*claim, "Receipt")->kind == "image");
}

TEST_CASE("'please' opens a clause, 'showing' is no noun, quarter and season are time words", "[reader]") {
    IdeaReading fixtures = readIdea("A page showing this season's fixtures for a hockey club and the results of this quarter");
    CHECK_FALSE(anyNameHas(fixtures, "showing"));
    CHECK_FALSE(anyNameHas(fixtures, "season"));
    CHECK_FALSE(anyNameHas(fixtures, "quarter"));
    CHECK(entityNamed(fixtures, "fixture") != nullptr);
    CHECK_FALSE(anyNameHas(readIdea("Please archive the old invoices"), "archive"));
}

TEST_CASE("readings a verb takes or a list read per row are that row's number fields, never entities", "[reader]") {
    IdeaReading kiln = readIdea("Potters log cone temperature and humidity every hour for each kiln load.");
    const IdeaEntity* load = entityNamed(kiln, "kiln load");
    REQUIRE(load);
    REQUIRE(fieldLabelled(*load, "Humidity"));
    CHECK(fieldLabelled(*load, "Humidity")->kind == "number");
    CHECK_FALSE(entityNamed(kiln, "humidity"));
    CHECK_FALSE(entityNamed(kiln, "cone temperature"));

    IdeaReading hives = readIdea("Apiary monitor: weight, humidity and brood temperature per hive, with alerts.");
    const IdeaEntity* hive = entityNamed(hives, "hive");
    REQUIRE(hive);
    for (const char* label : {"Weight", "Humidity", "Brood temperature"}) CHECK(fieldLabelled(*hive, label));
    CHECK(hives.appName == "Apiary Monitor");

    // Plural items are things to keep, not values of a row: the verb logs both.
    IdeaReading meals = readIdea("A fitness diary where I log workouts and meals");
    CHECK(entityNamed(meals, "meal") != nullptr);
    const IdeaEntity* workout = entityNamed(meals, "workout");
    REQUIRE(workout != nullptr);
    CHECK_FALSE(fieldLabelled(*workout, "Meal"));
}

TEST_CASE("the business or product the request names is the app name", "[reader]") {
    CHECK(readIdea("Member app for Harbor Federal Credit Union with balances and transfers").appName == "Harbor Federal Credit Union");
    CHECK(readIdea("A waitlist for the Blue Heron Bistro on Friday nights").appName == "Blue Heron Bistro");
    // Capitalised tabs are no name: commas separate them.
    CHECK(readIdea("A chess club app with tabs for Members, Games and Ratings").appName != "Members");
    CHECK(readIdea("The county bus depot runs about 80 buses and a small repair shop").appName == "County Bus Depot");
}

TEST_CASE("a checkout only when the request pays or buys, never from money a record mentions or a matched domain", "[reader]") {
    const auto pays = [](const char* request) {
        const std::vector<std::string> f = readIdea(request).features;
        return std::find(f.begin(), f.end(), "payments") != f.end();
    };
    CHECK_FALSE(pays("Warranty clerks review repair claims; a manager signs off before payment goes out."));
    CHECK_FALSE(pays("A kitchen tool that suggests tonight's specials from the menu with a cost per plate"));
    CHECK(pays("Parents sign the field trip form and pay the $8 fee on their phone"));
    CHECK(pays("A shop for hand-dyed yarn: browse skeins, add them to a cart and check out"));
}

TEST_CASE("a modifier naming another domain keeps a head noun from lending that domain's fields", "[reader]") {
    IdeaReading cars = readIdea("A site for used car listings where buyers message sellers");
    CHECK_FALSE(anyNameHas(cars, "bedroom"));
    CHECK_FALSE(anyNameHas(cars, "rent"));
    IdeaReading flats = readIdea("Apartment listings with rent and bedrooms");
    CHECK(anyNameHas(flats, "bedroom"));
}

TEST_CASE("a colon list after a thing names its fields: one opening with a plural names what the app holds", "[reader]") {
    IdeaReading hives = readIdea("a beekeeping log where I record each hive inspection: queen seen, brood frames, mite count");
    const IdeaEntity* inspection = entityNamed(hives, "hive inspection");
    REQUIRE(inspection);
    REQUIRE(fieldLabelled(*inspection, "Queen seen"));
    CHECK(fieldLabelled(*inspection, "Queen seen")->kind == "bool");
    REQUIRE(fieldLabelled(*inspection, "Mite count"));
    CHECK(fieldLabelled(*inspection, "Mite count")->kind == "number");
    IdeaReading court = readIdea("A court calendar: hearings by room and judge");
    REQUIRE_FALSE(court.entities.empty());
    CHECK(court.entities.front().singular == "hearing");
    CHECK_FALSE(entityNamed(court, "court calendar"));
}

TEST_CASE("examples name the rows of what they follow, or a field's choices when they are kinds", "[reader]") {
    // Rows: "a X like A or B", "X such as A, B and C", "X (A, B, C)"; their words are no entities of their own.
    IdeaReading kiln = readIdea("Studio members reserve a kiln like the big electric kiln or the raku kiln for a firing, and staff see which kilns are free");
    const IdeaEntity* kilns = entityNamed(kiln, "kiln");
    REQUIRE(kilns != nullptr);
    REQUIRE(kilns->rows.size() == 2);
    CHECK(kilns->rows[0]["name"] == "Big electric kiln");
    CHECK(kilns->rows[1]["name"] == "Raku kiln");

    IdeaReading clock = readIdea("Court clerks track hearings (arraignment, bail review, sentencing) with judge, courtroom and time");
    const IdeaEntity* hearings = entityNamed(clock, "hearing");
    REQUIRE(hearings != nullptr);
    REQUIRE(hearings->rows.size() == 3);
    CHECK(hearings->rows[2]["name"] == "Sentencing");
    CHECK_FALSE(anyNameHas(clock, "arraignment"));

    // A kind given by example is a choice of the main entity: "difficulty marks (green circle, ...)".
    IdeaReading slopes = readIdea("A sledding hill app that lists slopes with their queue length. Slopes use difficulty grades (gentle slope, steep drop, ice chute).");
    const IdeaEntity& runs = slopes.entities.front();
    CHECK(runs.singular == "slope");
    const IdeaField* grade = fieldLabelled(runs, "Difficulty grade");
    REQUIRE(grade != nullptr);
    CHECK(grade->kind == "choice");
    CHECK(grade->choices == std::vector<std::string>{"Gentle slope", "Steep drop", "Ice chute"});
    CHECK_FALSE(anyNameHas(slopes, "chute"));

    // "(hospitals first)" explains and "I'd like to" is no example: nothing is taken from them.
    IdeaReading plough = readIdea("Dispatchers assign parking lots to plow drivers in priority order (hospitals first). I'd like to see which lots are cleared.");
    CHECK(entityNamed(plough, "parking lot") != nullptr);
    for (const IdeaEntity& e : plough.entities) CHECK(e.rows.empty());
}

TEST_CASE("counted app words are things: '120 sites', 'every polling place', 'reserve a tool'", "[reader]") {
    CHECK(entityNamed(readIdea("Our campground has 120 sites. Campers book a site online and rangers see which sites are occupied."), "site") != nullptr);
    CHECK(entityNamed(readIdea("Election dashboard: every polling place with its turnout and a way to send a technician"), "polling place") != nullptr);
    CHECK(readIdea("As a member I want to reserve a tool for the weekend. As staff I want to see which tools are out.").entities.front().singular == "tool");
    // The app itself stays the app: "a simple tool to split a bill" manages no tools.
    CHECK(entityNamed(readIdea("I want a simple tool to split a restaurant bill between friends"), "tool") == nullptr);
}

TEST_CASE("a role written before an app word is the person: 'the community manager'", "[reader]") {
    IdeaReading hoa = readIdea("As a homeowner I want to submit a request. As the community manager I want to send the decision letter.");
    CHECK(hoa.actors == std::vector<std::string>{"homeowners", "community managers"});
}

TEST_CASE("'which X are Y' gives X a yes/no field: 'open or closed status' gives its choices", "[reader]") {
    IdeaReading moor = readIdea("Harbour app that lists moorings with their depth. Staff see which moorings are free tonight and which were inspected this month.");
    CHECK(requiredField(moor, "mooring", "Free").kind == "bool");
    // "which were inspected" names no phrase before it: nothing is guessed for it.
    CHECK(fieldLabelled(*entityNamed(moor, "mooring"), "Inspected") == nullptr);

    IdeaReading vines = readIdea("The manager sees which vineyard blocks are ready to pick");
    const IdeaField* ready = fieldLabelled(vines.entities.front(), "Ready to pick");
    REQUIRE(ready != nullptr);
    CHECK(ready->kind == "bool");

    IdeaReading polls = readIdea("Dashboard of every polling place with its open or closed status and its queue");
    const IdeaField* status = fieldLabelled(polls.entities.front(), "Status");
    REQUIRE(status != nullptr);
    CHECK(status->choices == std::vector<std::string>{"Open", "Closed"});
    // Two nouns before "status" are no states: "project and task status".
    IdeaReading work = readIdea("A board of jobs showing project and task status");
    for (const IdeaEntity& e : work.entities)
        for (const IdeaField& f : e.fields) CHECK((f.name != "status" || f.choices != std::vector<std::string>{"Project", "Task"}));
}

TEST_CASE("one value 'at each X' is X's field: the examples of 'the state of every X' are its choices", "[reader]") {
    IdeaReading ski = readIdea("Ski resort app that lists lifts. Show the wait time at each lift.");
    CHECK(requiredField(ski, "lift", "Wait time").kind == "number");
    CHECK_FALSE(anyNameHas(ski, "wait times"));
    // Before a time it is no field: "one booking per day" keeps its bookings ("their bookings" are the same ones).
    CHECK(entityNamed(readIdea("Members make one court booking per day and see their bookings"), "court booking") != nullptr);

    IdeaReading kilns = readIdea("Pottery studio panel. It must show: 1. the state of every kiln (firing, cooling, empty) 2. a way to book a kiln");
    const IdeaField* state = fieldLabelled(kilns.entities.front(), "State");
    REQUIRE(state != nullptr);
    CHECK(state->choices == std::vector<std::string>{"Firing", "Cooling", "Empty"});
    CHECK(kilns.entities.front().rows.empty());  // no kiln is called "Firing"
}

TEST_CASE("what a thing moves through are its stages, a capitalised stage may hold 'for'", "[reader]") {
    IdeaReading press = readIdea("Manuscripts move through Submitted, Waiting for review, Copyedit and Accepted.");
    CHECK(requiredField(press, "manuscript", "Stage").choices == std::vector<std::string>{"Submitted", "Waiting for review", "Copyedit", "Accepted"});
    IdeaReading shop = readIdea("Each parcel goes through packed, labelled, shipped and delivered");
    CHECK(requiredField(shop, "parcel", "Stage").choices == std::vector<std::string>{"Packed", "Labelled", "Shipped", "Delivered"});
    // "through" without a verb of moving lists nothing: "browse through the catalogue".
    for (const IdeaEntity& e : readIdea("Shoppers browse through lamps, rugs and chairs").entities)
        CHECK(fieldLabelled(e, "Stage") == nullptr);
}

TEST_CASE("a bracket after one thing, a participle before 'with' and ', each with' list that thing's fields", "[reader]") {
    IdeaReading nursery = readIdea("Greenhouse board where each tile is a plant (species, pot size, watering day)");
    requiredFields(nursery, "plant", {"Species", "Pot size", "Watering day"});
    CHECK(entityNamed(nursery, "species") == nullptr);

    IdeaReading dives = readIdea("Log each dive recorded with depth, bottom time and visibility");
    requiredFields(dives, "dive", {"Depth", "Bottom time", "Visibility"});

    IdeaReading choir = readIdea("Choir app. It must show: 1. the ensembles, each with their conductor and a rehearsal room 2. a way to add a singer");
    requiredField(choir, "ensemble", "Conductor");
    requiredField(choir, "ensemble", "Rehearsal room");
}

TEST_CASE("values with no thing of their own: after a place's colon, 'for each', 'whether', 'at each X they test'", "[reader]") {
    IdeaReading ward = readIdea("nurses note ward rounds while standing at the bedside: pain score, meds given, mobility");
    requiredFields(ward, "ward round", {"Pain score", "Meds given", "Mobility"});
    CHECK(entityNamed(ward, "pain score") == nullptr);
    // A heading's colon lists no row's values.
    IdeaReading look = readIdea("Tenant portal for repair requests. High contrast: whitesmoke background, dark text.");
    CHECK_FALSE(anyNameHas(look, "dark text"));

    IdeaReading tours = readIdea("Tour desk. It must show: 1. this week's walking tours and the guide fee for each 2. a way to add a tour");
    CHECK(requiredField(tours, "walking tour", "Guide fee").kind == "money");  // "a tour" is one of them
    CHECK(entityNamed(tours, "guide fee") == nullptr);

    IdeaReading deliveries = readIdea("Drivers record each meal delivery and whether the recipient was home");
    CHECK(requiredField(deliveries, "meal delivery", "Recipient home").kind == "bool");
    IdeaReading traps = readIdea("Rangers check each trap, record the bait used and whether there is fresh scat");
    CHECK(anyNameHas(traps, "fresh scat"));
    // A linking verb says what the row is, and what it relates to names it; the question is no value of its own.
    IdeaReading trial = readIdea("Nurses log vaccine reactions with a severity and whether they seem related to the vaccine");
    CHECK(requiredField(trial, "vaccine reaction", "Related to vaccine").kind == "bool");
    const IdeaEntity* events = entityNamed(trial, "vaccine reaction");
    REQUIRE(events != nullptr);
    CHECK(fieldLabelled(*events, "Seem related") == nullptr);
    CHECK(fieldLabelled(*events, "Seem") == nullptr);

    IdeaReading market = readIdea("Food safety rounds: at each stall the inspector measures temperature and humidity, and takes a photo of the counter");
    const IdeaField& humidity = requiredField(market, "stall", "Humidity");
    CHECK(humidity.kind == "number");
    CHECK(requiredField(market, "stall", "Photo").kind == "image");  // one picture is a field, not a thing
    CHECK(entityNamed(market, "photo") == nullptr);
}

TEST_CASE("the device a request is used on and the business an app serves are no things", "[reader]") {
    IdeaReading survey = readIdea("Inspectors fill in a report on a tablet with address, findings and a photo");
    requiredFields(survey, "report", {"Address", "Finding", "Photo"});
    CHECK(entityNamed(survey, "tablet") == nullptr);

    IdeaReading gym = readIdea("Member app for a climbing gym: book classes and see route grades");
    CHECK(gym.actors == std::vector<std::string>{"members"});
    CHECK(entityNamed(gym, "climbing gym") == nullptr);
    CHECK(entityNamed(gym, "member") == nullptr);
}

TEST_CASE("a condition, a due date and an end date name a value of the main thing", "[reader]") {
    IdeaReading boiler = readIdea("Boiler room log that warns the engineer if pressure gets too high");
    const IdeaField* pressure = nullptr;
    for (const IdeaEntity& e : boiler.entities)
        if (const IdeaField* f = fieldLabelled(e, "Pressure")) pressure = f;
    REQUIRE(pressure != nullptr);
    CHECK(pressure->kind == "number");
    CHECK(entityNamed(boiler, "pressure") == nullptr);

    IdeaReading fleet = readIdea("list of vans overdue for their annual service, with a button to book a garage");
    CHECK(requiredField(fleet, "van", "Annual service").kind == "date");

    IdeaReading club = readIdea("As a club secretary I want to see when each membership expires so that I can send reminders.");
    bool expiry = false;
    for (const IdeaEntity& e : club.entities)
        if (const IdeaField* f = fieldLabelled(e, "Membership expiry")) expiry = f->kind == "date";
    CHECK(expiry);
}

TEST_CASE("a second thing borrows a domain only when the request says more of that domain", "[reader]") {
    // One word "appointments" in a tattoo studio's brief is no clinic: no doctor, no clinic rows.
    IdeaReading studio = readIdea("Client app for a tattoo studio. It must show: 1. the artists, each with their style 2. a way to request a "
                                  "consultation 3. my upcoming appointments and the deposit paid for each.");
    const IdeaEntity* appointments = entityNamed(studio, "appointment");
    REQUIRE(appointments != nullptr);
    CHECK_FALSE(anyNameHas(studio, "doctor"));
    CHECK(requiredField(studio, "appointment", "Deposit paid").kind == "money");
}

TEST_CASE("after an article even a verb is a thing, and a short clause may stand between a thing and its 'with' list", "[reader]") {
    IdeaReading dig = readIdea("As a surveyor I want to record each find with its grid square and depth so that nothing is lost.");
    requiredFields(dig, "find", {"Grid square", "Depth"});

    IdeaReading grants = readIdea("Show the scholarships we're applying for, with sponsor, amount and deadline. List the essays owed to sponsors.");
    requiredFields(grants, "scholarship", {"Sponsor", "Amount", "Deadline"});
    CHECK(entityNamed(grants, "owed") == nullptr);  // a four-letter participle is no thing
    CHECK(entityNamed(grants, "essay") != nullptr);
}

TEST_CASE("examples in the plural are kinds of the thing: a type field with singular choices", "[reader]") {
    IdeaReading camp = readIdea("An app for the camp store that lists kit items such as tents, camp stoves and lanterns");
    CHECK(requiredField(camp, "kit item", "Item type").choices == std::vector<std::string>{"Tent", "Camp stove", "Lantern"});
    // After a plural, a lower-case colon list gives kinds too; capitalised labels after a heading do not.
    IdeaReading radio = readIdea("Each show is a timeline of segments: songs, talk breaks, station IDs and ads.");
    bool kinds = false;
    for (const IdeaEntity& e : radio.entities)
        for (const IdeaField& f : e.fields)
            kinds = kinds || (f.choices.size() == 4 && f.choices[0] == "Song" && f.choices[1] == "Talk break" && f.choices[2] == "Station ID");
    CHECK(kinds);
    CHECK(entityNamed(radio, "show") != nullptr);  // "show" is a thing after "each"
}

TEST_CASE("'dark' is a look, while banners, themes and styles in the plural are things", "[reader]") {
    IdeaReading look = readIdea("Dark UI with magenta accents for a sign shop that prints vinyl banners");
    CHECK(entityNamed(look, "dark") == nullptr);
    CHECK(entityNamed(look, "vinyl banner") != nullptr);
}

TEST_CASE("'farrier and vet visits' are two kinds of visit, and the farrier is no thing", "[reader]") {
    IdeaReading flats = readIdea("Landlord app: tenants book plumber and electrician visits for their flats");
    CHECK(requiredField(flats, "visit", "Visit type").choices == std::vector<std::string>{"Plumber", "Electrician"});
    CHECK(entityNamed(flats, "plumber") == nullptr);
    // Two things joined by "and" stay two things: "price and delivery dates" are no kinds of date.
    for (const IdeaEntity& e : readIdea("Buyers compare quotes with price and delivery dates").entities)
        CHECK(fieldLabelled(e, "Date type") == nullptr);
}

TEST_CASE("a thing taken 'out of service' or marked 'out of stock' has that status", "[reader]") {
    IdeaReading lifts = readIdea("Ski patrol app: a lift with a fault must be taken out of service until it is inspected");
    CHECK(requiredField(lifts, "lift", "Status").choices == std::vector<std::string>{"Available", "Out of service"});
    IdeaReading pantry = readIdea("Volunteers list pantry items and mark an item out of stock with one tap");
    CHECK(requiredField(pantry, "pantry item", "Status").choices == std::vector<std::string>{"In stock", "Out of stock"});
}

TEST_CASE("a possessive gives the owner a value: 'each boat's mooring fee', and a verb acts on what the owner has", "[reader]") {
    IdeaReading marina = readIdea("Harbour master app: track each boat's mooring fee and every boat's next inspection");
    CHECK(requiredField(marina, "boat", "Mooring fee").kind == "money");
    requiredField(marina, "boat", "Next inspection");
    CHECK(entityNamed(marina, "mooring fee") == nullptr);
    // What the verb acts on is the owned thing in the plural: the clerk moves hearings, not judges.
    const std::vector<draft::RequestEntity> court = draft::requestEntities("court clerk moves a judge's hearings when the judge calls in sick");
    REQUIRE_FALSE(court.empty());
    CHECK(court.front().head == "hearing");
    // In a listed value the possessive leaves no stray "'s": "the customer's objections" -> "Customer objection".
    IdeaReading recap = readIdea("After each sales call the CRM shows a recap with a summary, the customer's objections and next steps");
    for (const IdeaEntity& e : recap.entities)
        for (const IdeaField& f : e.fields) CHECK(f.label.find(" 's") == std::string::npos);
    bool objection = false;
    for (const IdeaEntity& e : recap.entities) objection = objection || fieldLabelled(e, "Customer objection") != nullptr;
    CHECK(objection);
    // The owner and what it has name the subject together.
    CHECK(readIdea("Build a single screen for a hostel's bed availability").appName == "Hostel Bed Availability");
}

TEST_CASE("'which X haven't paid Y' is a yes/no of X named by what was done", "[reader]") {
    IdeaReading rent = readIdea("As a landlord I want to see which tenants haven't paid this month's rent");
    CHECK(requiredField(rent, "tenant", "Rent paid").kind == "bool");
    IdeaReading library = readIdea("The librarian sees which students have not returned their books and which books have been returned");
    requiredField(library, "student", "Books returned");
    CHECK(requiredField(library, "book", "Returned").kind == "bool");
}

TEST_CASE("people who act are no subject, a 'with' list may follow examples, and what is said of a plural keeps it one", "[reader]") {
    IdeaReading wedding = readIdea("A couple and their wedding planner share one workspace. The couple keeps the guest list, while the planner "
                                   "manages vendors such as the florist, caterer and band, with deposits paid and balances due.");
    CHECK(wedding.appName == "Wedding Planner");
    CHECK(entityNamed(wedding, "couple") == nullptr);
    CHECK(requiredField(wedding, "vendor", "Deposit paid").kind == "money");
    CHECK(requiredField(wedding, "vendor", "Balance due").kind == "money");
}

TEST_CASE("'if they're certified' is a yes/no the main thing holds, 'if it is too high' stays a number", "[reader]") {
    IdeaReading kilns = readIdea("Potters book firing slots on kilns, but a booking only goes through if they're certified");
    bool certified = false;
    for (const IdeaEntity& e : kilns.entities)
        if (const IdeaField* f = fieldLabelled(e, "Certified")) certified = f->kind == "bool";
    CHECK(certified);
    IdeaReading gas = readIdea("pre-shift gas check that stops the crew going underground if methane is too high");
    bool methane = false;
    for (const IdeaEntity& e : gas.entities)
        if (const IdeaField* f = fieldLabelled(e, "Methane")) methane = f->kind == "number";
    CHECK(methane);
}

TEST_CASE("'mark X A or B' gives X those states after the one it starts in, and 'which X are Y' or 'X who are Y' asks about X", "[reader]") {
    IdeaReading court = readIdea("A court calendar for clerks: hearings with case number, judge and courtroom; mark a hearing adjourned or held");
    const IdeaField& status = requiredField(court, "hearing", "Status");
    CHECK(status.choices == std::vector<std::string>{"Scheduled", "Adjourned", "Held"});
    // A state that says nothing of the one before starts from Pending; one already listed is not listed twice.
    CHECK(requiredField(readIdea("Reviewers mark a draft ready or rejected"), "draft", "Status").choices ==
          std::vector<std::string>{"Pending", "Ready", "Rejected"});
    CHECK(requiredField(readIdea("Agents mark a ticket open, closed or waiting"), "ticket", "Status").choices ==
          std::vector<std::string>{"Pending", "Open", "Closed", "Waiting"});
    // One state alone stays the yes/no its button flips; "mark it done and notify them" lists no states.
    for (const IdeaEntity& e : readIdea("mark a parcel delivered and notify the sender").entities)
        for (const IdeaField& f : e.fields) CHECK(f.choices != std::vector<std::string>{"Pending", "Delivered", "Notify"});
    IdeaReading shifts = readIdea("As a volunteer coordinator I want to see which shifts are unfilled so that I can message volunteers who are free");
    CHECK(requiredField(shifts, "shift", "Unfilled").kind == "bool");
    CHECK(requiredField(shifts, "volunteer", "Free").kind == "bool");
}

TEST_CASE("the app's own parts and measures over its rows are no things, and someone the app lets act is its user", "[reader]") {
    const std::vector<draft::RequestEntity> found = draft::requestEntities("Show the list of open support tickets with priority and age. "
                                                             "Let an agent assign a ticket to themselves. Show average first response time this week.");
    REQUIRE_FALSE(found.empty());
    CHECK(found.front().head == "ticket");
    for (const draft::RequestEntity& e : found) {
        CHECK(e.head != "list");
        CHECK(e.head != "time");
        CHECK(e.head != "agent");
        CHECK(e.head != "themselve");
    }
    const std::vector<std::string> actors = draft::requestActors("Let an agent assign a ticket to themselves");
    CHECK(std::find(actors.begin(), actors.end(), "agents") != actors.end());
}

TEST_CASE("a clause after 'where' is one statement up to its verbs, commas in brackets split nothing, 'with each other' is no list", "[reader][requirements]") {
    CHECK(draft::requirementStatements("A tool library where neighbours borrow drills and ladders, with due dates and a waitlist") ==
          std::vector<std::string>{"A tool library", "Neighbours borrow drills and ladders", "Due dates", "A waitlist"});
    CHECK(draft::requirementStatements("Helpdesk inbox where AI reads each ticket, suggests a category (hardware, access, network) and drafts a reply") ==
          std::vector<std::string>{"Helpdesk inbox", "AI reads each ticket", "Suggests a category (hardware, access, network)", "Drafts a reply"});
    CHECK(draft::requirementStatements("let nurses swap shifts with each other without emailing the charge nurse").size() == 1);
}

TEST_CASE("a scale word is a choice, a verb marked by 'to' is no value before 'each', and splitting or owing is no thing", "[reader]") {
    const IdeaReading plow = readIdea("A snow plow dispatcher: routes with priority and length");
    const IdeaField& priority = requiredField(plow, "route", "Priority");
    CHECK(priority.kind == "choice");
    CHECK(priority.choices == std::vector<std::string>{"Low", "Medium", "High"});
    for (const IdeaEntity& e : readIdea("Warehouse pick list: orders with bin locations, scan to confirm each pick").entities)
        CHECK(fieldLabelled(e, "Confirm") == nullptr);
    for (const draft::RequestEntity& e : draft::requestEntities("A simple expense splitter for roommates: add a bill, split it evenly, see who owes whom")) {
        CHECK(e.head != "split");
        CHECK(e.head != "owe");
    }
}

TEST_CASE("a domain the lexicon knows lends no rows or kinds to a request about another subject", "[reader]") {
    IdeaReading market = readIdea("Farmers market vendor app: list my products with price and stock, mark sold out, see today's sales total");
    const IdeaEntity* products = entityNamed(market, "product");
    REQUIRE(products != nullptr);
    CHECK(products->rows.empty());
    CHECK(fieldLabelled(*products, "Category") == nullptr);
    CHECK(fieldLabelled(*products, "Price") != nullptr);
    // The lexicon's own subject keeps them.
    IdeaReading store = readIdea("An ecommerce store: products with price and rating, cart, checkout");
    const IdeaEntity* sold = entityNamed(store, "product");
    REQUIRE(sold != nullptr);
    CHECK_FALSE(sold->rows.empty());
    // So does a short title line naming it.
    const IdeaReading desk = readIdea("Support desk\n1. Show the open support tickets with age\n2. Let an agent close a ticket\n");
    const IdeaEntity* tickets = entityNamed(desk, "ticket");
    REQUIRE(tickets != nullptr);
    CHECK_FALSE(tickets->rows.empty());
}

TEST_CASE("slash-joined words and a bracket after 'status' are choices, a date is never rows, a domain's own rows keep the request's name", "[reader]") {
    IdeaReading chess = readIdea("A chess tournament pairing app: players with rating, rounds, record results win/draw/loss, standings");
    CHECK(requiredField(chess, "player", "Result").choices == std::vector<std::string>{"Win", "Draw", "Loss"});
    IdeaReading podcast = readIdea("A podcast planner with episodes, guests, recording dates and publish status (idea, recorded, edited, published)");
    CHECK(requiredField(podcast, "episode", "Status").choices == std::vector<std::string>{"Idea", "Recorded", "Edited", "Published"});
    CHECK(requiredField(podcast, "episode", "Recording date").kind == "date");
    for (const IdeaEntity& e : podcast.entities) {
        CHECK(e.singular != "podcast");
        CHECK(e.singular != "recording date");
    }
    const std::vector<draft::RequestEntity> club = draft::requestEntities("members vote on the next book and see meeting dates");
    REQUIRE_FALSE(club.empty());
    CHECK(club.front().head == "book");
}

TEST_CASE("a decision on rows gives them its states: approve or reject, accept or decline, approve or deny", "[reader]") {
    const IdeaReading shelter = readIdea("Please implement a website for a local animal shelter. Visitors can browse adoptable pets with photos, "
                                         "age and breed, and submit an adoption application. Staff can approve or reject applications. "
                                         "Use a warm orange as the main color.");
    REQUIRE_FALSE(shelter.entities.empty());
    CHECK(shelter.entities.front().singular == "pet");
    // "an adoption application" and "applications" are one thing, under its longer name.
    CHECK(entityNamed(shelter, "application") == nullptr);
    const IdeaField& decided = requiredField(shelter, "adoption application", "Status");
    CHECK(decided.choices == std::vector<std::string>{"Pending", "Approved", "Rejected"});
    // The app ("a website") and a colour's adjective ("a warm orange") are no things.
    CHECK_FALSE(anyNameHas(shelter, "website"));
    CHECK_FALSE(anyNameHas(shelter, "warm"));

    const IdeaReading claims = readIdea("Adjusters work through new claims. Each claim has the policyholder, photos of the damage, and a "
                                        "repair estimate. The adjuster can ask for more information or deny the claim.");
    CHECK(requiredField(claims, "claim", "Status").choices == std::vector<std::string>{"Pending", "Approved", "Denied"});
    CHECK(requiredField(claims, "claim", "Damage photo").kind == "image");  // "photos of the damage"
    CHECK(requiredField(claims, "claim", "Repair estimate").kind == "money");

    // Stages the request lists stay the workflow: approving is a step in it, not a second status.
    const IdeaReading podcast = readIdea("Production tracker for a podcast network: episodes in each stage (recorded, editing, published) "
                                         "and a way to approve an episode for release.");
    const IdeaEntity* episode = entityNamed(podcast, "episode");
    REQUIRE(episode != nullptr);
    CHECK(std::none_of(episode->fields.begin(), episode->fields.end(), [](const IdeaField& f) {
        return std::find(f.choices.begin(), f.choices.end(), "Pending") != f.choices.end();
    }));
}

TEST_CASE("a user story's reason names a thing only when it says something of it, and asks for no feature", "[reader]") {
    const IdeaReading shifts = readIdea("As a shift supervisor I want to see who is clocked in right now so that I can cover breaks. "
                                        "As a worker I want to swap a shift with a coworker so that I can handle appointments. "
                                        "As a manager I want to approve swaps.");
    CHECK(entityNamed(shifts, "shift") != nullptr);
    CHECK(requiredField(shifts, "swap", "Status").choices == std::vector<std::string>{"Pending", "Approved", "Rejected"});
    CHECK_FALSE(anyNameHas(shifts, "break"));
    CHECK(std::find(shifts.features.begin(), shifts.features.end(), "booking") == shifts.features.end());
    CHECK(shifts.appName.find("Break") == std::string::npos);
    // "book" asks for booking as a verb, not as the thing a reading log keeps.
    const IdeaReading reading = readIdea("A personal reading log: add books with title, author and rating, and see how many books I read each month.");
    CHECK(std::find(reading.features.begin(), reading.features.end(), "booking") == reading.features.end());
    const IdeaReading courts = readIdea("Members book a tennis court for an hour and see their bookings.");
    CHECK(std::find(courts.features.begin(), courts.features.end(), "booking") != courts.features.end());
}

TEST_CASE("values recorded after each X are X's, a plural among them a count, and what the app is for is no thing", "[reader]") {
    const IdeaReading bees = readIdea("A beekeeping log: each hive has a name, location and queen age; after each inspection I record brood "
                                      "pattern, mite count and honey frames.");
    CHECK(requiredField(bees, "inspection", "Brood pattern").kind == "text");
    CHECK(requiredField(bees, "inspection", "Mite count").kind == "number");
    CHECK(requiredField(bees, "inspection", "Honey frames").kind == "number");
    CHECK(entityNamed(bees, "brood pattern") == nullptr);
    const IdeaReading cards = readIdea("Please implement a flashcard study website. Users create decks and add cards with a front and a back.");
    CHECK(entityNamed(cards, "card") != nullptr);
    CHECK(entityNamed(cards, "deck") != nullptr);
    CHECK_FALSE(anyNameHas(cards, "study"));
}

TEST_CASE("'clients book walks' is what clients do, and a pie chart or a homework tracker names no thing", "[reader]") {
    const IdeaReading walks = readIdea("Dog walking business: clients book walks for their dogs, walkers mark walks done with a note and photo.");
    REQUIRE_FALSE(walks.entities.empty());
    CHECK(walks.entities.front().singular == "walk");
    CHECK_FALSE(anyNameHas(walks, "book walk"));
    const IdeaReading spend = readIdea("Users record expenses with amount, category and date and see spending by category in a pie chart.");
    CHECK(entityNamed(spend, "expense") != nullptr);
    CHECK_FALSE(anyNameHas(spend, "pie"));
    const IdeaReading homework = readIdea("Homework tracker for a family: each kid has assignments with subject and due date.");
    CHECK(entityNamed(homework, "assignment") != nullptr);
    CHECK_FALSE(anyNameHas(homework, "homework"));
}

TEST_CASE("availability is a choice and a numbered game is named by its number", "[reader]") {
    const IdeaReading library = readIdea("1. A list of library books with title, author and availability\n2. Members can reserve a book");
    CHECK(requiredField(library, "book", "Availability").choices == std::vector<std::string>{"Available", "Unavailable"});
    CHECK(readIdea("Please implement a 2048 game.").appName == "2048");
}

TEST_CASE("a reading log is for reading, a calendar of what the app keeps is its view, and the office it serves no list", "[reader]") {
    const IdeaReading log = readIdea("Please implement a personal reading log website. Users add books they have read with title, author and rating.");
    CHECK(entityNamed(log, "book") != nullptr);
    CHECK_FALSE(anyNameHas(log, "reading"));
    const IdeaReading court = readIdea("An app for a small court clerk's office to keep the hearing calendar: cases with case number, parties "
                                       "and judge, hearings with date, courtroom and outcome.");
    CHECK(entityNamed(court, "case") != nullptr);
    CHECK(entityNamed(court, "hearing") != nullptr);
    CHECK_FALSE(anyNameHas(court, "calendar"));
    CHECK_FALSE(anyNameHas(court, "office"));
    // A meter's readings stay things.
    CHECK(entityNamed(readIdea("A meter reading log with meter number and value."), "meter reading") != nullptr);
}

TEST_CASE("marking into a state an adverb qualifies reads the whole state and ends", "[reader]") {
    // Looped for ever once: an "or" before the last state stopped the scan from moving past the full stop.
    const IdeaReading cards = readIdea("Users add cards with a front and a back, flip a card to reveal the answer, and mark each card as known or still learning.");
    CHECK(requiredField(cards, "card", "Status").choices == std::vector<std::string>{"Pending", "Known", "Still learning"});
}

TEST_CASE("who does the next thing ends an attribute list, and an -ing word after an app word opens a clause", "[reader]") {
    const IdeaReading found = readIdea("A lost and found board where students post found items with photo, location and date, and owners can claim them.");
    const IdeaEntity* item = entityNamed(found, "item");
    REQUIRE(item != nullptr);
    requiredFields(found, "item", {"Photo", "Location", "Date"});
    for (const IdeaField& f : item->fields) CHECK(f.label.find("wner") == std::string::npos);
    const IdeaReading pets = readIdea("Shelters list animals with species, age and breed, and families submit adoption applications that staff approve or reject.");
    for (const IdeaField& f : entityNamed(pets, "animal")->fields) CHECK(f.label != "Family");
    // The clause after them names the decision the applications wait for.
    CHECK(requiredField(pets, "adoption application", "Status").choices == std::vector<std::string>{"Pending", "Approved", "Rejected"});
    const IdeaReading plants = readIdea("A plant watering reminder app listing houseplants with watering interval, last watered date and light needs.");
    CHECK(entityNamed(plants, "houseplant") != nullptr);
    CHECK_FALSE(anyNameHas(plants, "listing"));
    CHECK(requiredField(plants, "houseplant", "Watering interval").kind == "number");
    // "Coaches mark attendance for each class session": the coaches act, they are no value of a session.
    const IdeaReading gym = readIdea("Coaches mark attendance for each class session and send reminders.");
    CHECK_FALSE(anyNameHas(gym, "coach"));
}

TEST_CASE("a scale every app grades the same way is a choice, and a status is made up only for a kind with a workflow", "[reader]") {
    const IdeaReading tools = readIdea("A tool library for a neighborhood: admins add tools with condition, category and notes.");
    CHECK(requiredField(tools, "tool", "Condition").choices == std::vector<std::string>{"Excellent", "Good", "Fair", "Worn"});
    CHECK(requiredField(tools, "tool", "Category").kind == "text");  // its values belong to the domain: none are made up
    const IdeaReading court = readIdea("Clerks schedule hearings and attorneys request continuances.");
    CHECK(requiredField(court, "continuance", "Status").choices == std::vector<std::string>{"Pending", "Approved", "Declined"});
    CHECK(requiredField(court, "hearing", "Status").choices == std::vector<std::string>{"Scheduled", "Done", "Cancelled"});
    // A hive or a harvest goes through no workflow the request names: no status is invented for it.
    const IdeaReading bees = readIdea("A beekeeping journal to track honey harvests per hive.");
    for (const IdeaEntity& e : bees.entities)
        for (const IdeaField& f : e.fields) CHECK(f.name != "status");
}

TEST_CASE("a state may open with 'to', what rows are searched by is no list, and a measure per row is the row's", "[reader]") {
    const IdeaReading books = readIdea("A reading tracker: books with title, author, pages and status (to read, reading, finished).");
    CHECK(requiredField(books, "book", "Status").choices == std::vector<std::string>{"To read", "Reading", "Finished"});
    const IdeaReading recipes = readIdea("Users post recipes with ingredients and steps, and there is a search by ingredient.");
    CHECK(entityNamed(recipes, "search") == nullptr);
    const IdeaEntity* recipe = entityNamed(recipes, "recipe");
    REQUIRE(recipe != nullptr);
    // "with ingredients" is the one Ingredients field, not a second one beside it.
    CHECK(std::count_if(recipe->fields.begin(), recipe->fields.end(), [](const IdeaField& f) { return f.label.rfind("Ingredient", 0) == 0; }) == 1);
    const IdeaReading gym = readIdea("Coaches mark attendance for each class session and see attendance rate per member.");
    CHECK(requiredField(gym, "member", "Attendance rate").kind == "number");
    CHECK(entityNamed(gym, "attendance rate") == nullptr);
}

TEST_CASE("a compound of a head the domain knows is that thing, and a row titled by a person is a person", "[reader]") {
    const std::string request = "A plant watering reminder app listing houseplants with watering interval, last watered date and light needs; "
                                "mark a plant as watered.";
    const IdeaReading plants = readIdea(request);
    REQUIRE(plants.entities.size() == 1);
    CHECK(plants.entities[0].singular == "houseplant");
    // "mark a plant as watered" marks the houseplants, not a second list of plants.
    const Json spec = draftSpec(request);
    CHECK_FALSE(spec["state"].contains("plants"));
    CHECK(spec.dump().find("Mark watered") != std::string::npos);
    IdeaEntity rides;
    rides.singular = "ride";
    rides.fields = {{"rider", "Rider", "text", {}}};
    CHECK(draft::completeRows(rides)[0]["rider"] == "Maya Lopez");
}

TEST_CASE("the attributes a request lists beat a domain's own fields, and a job board or message board is no kanban", "[reader]") {
    const IdeaReading jobs = readIdea("Please implement a job board where employers post jobs with title, company, location and salary, and "
                                      "candidates search jobs, filter by location, and apply with a cover letter.");
    const IdeaEntity* job = entityNamed(jobs, "job");
    REQUIRE(job != nullptr);
    CHECK(fieldLabelled(*job, "Company") != nullptr);
    CHECK(fieldLabelled(*job, "Salary") != nullptr);
    CHECK(fieldLabelled(*job, "Stage") == nullptr);  // a recruiting pipeline's field: these jobs are postings, not candidates
    CHECK(std::find(jobs.features.begin(), jobs.features.end(), "kanban") == jobs.features.end());
    const IdeaReading board = readIdea("A message board for our street with posts and replies");
    CHECK(std::find(board.features.begin(), board.features.end(), "kanban") == board.features.end());
    const IdeaReading team = readIdea("A board with columns for our team's tasks");
    CHECK(std::find(team.features.begin(), team.features.end(), "kanban") != team.features.end());
}

TEST_CASE("the current conditions are shown, not kept, and a discussion forum is for discussing", "[reader]") {
    const IdeaReading weather = readIdea("Please implement a weather dashboard that shows the current conditions, a 7-day forecast, lets users search "
                                         "for a city, and keeps a list of favourite cities.");
    CHECK(entityNamed(weather, "condition") == nullptr);
    CHECK(entityNamed(weather, "city") != nullptr);
    const IdeaReading forum = readIdea("Please implement a discussion forum where users create threads in categories, reply to threads, upvote posts, "
                                       "and search threads by keyword.");
    CHECK(entityNamed(forum, "discussion") == nullptr);
    CHECK(entityNamed(forum, "thread") != nullptr);
    // A list the request keeps of what is current is still a list.
    CHECK(entityNamed(readIdea("a dashboard of current orders with customer and total"), "order") != nullptr);
}

TEST_CASE("'a front and a back' are two values, a marked state list ends at its sentence, and progress per row is a share", "[reader]") {
    const IdeaReading cards = readIdea("Please implement a flashcard study website. Users can create decks, add cards with a front and a back, flip a "
                                       "card to see the answer, and mark each card as known or still learning. Show progress for each deck.");
    const IdeaEntity* card = entityNamed(cards, "card");
    REQUIRE(card != nullptr);
    CHECK(fieldLabelled(*card, "Back") != nullptr);
    const IdeaField* status = fieldLabelled(*card, "Status");
    REQUIRE(status != nullptr);
    CHECK(status->choices == std::vector<std::string>{"Pending", "Known", "Still learning"});
    const IdeaEntity* deck = entityNamed(cards, "deck");
    REQUIRE(deck != nullptr);
    const IdeaField* progress = fieldLabelled(*deck, "Progress");
    REQUIRE(progress != nullptr);
    CHECK(progress->kind == "number");
    CHECK(draft::measuredInPercent(progress->label));
}

TEST_CASE("two things before one 'with' list share it, servings are a number of the main thing, and listed ingredients no list", "[reader]") {
    const IdeaReading budget = readIdea("Please implement a personal budget tracker. Users add income and expenses with an amount, category and date, "
                                        "see a monthly summary chart, and set a budget per category.");
    // Money in and out are one list of transactions of two kinds.
    const IdeaEntity* transaction = entityNamed(budget, "transaction");
    REQUIRE(transaction != nullptr);
    CHECK(fieldLabelled(*transaction, "Amount") != nullptr);
    CHECK(requiredField(budget, "transaction", "Transaction type").choices == std::vector<std::string>{"Income", "Expense"});
    CHECK(entityNamed(budget, "income") == nullptr);
    CHECK(entityNamed(budget, "expense") == nullptr);
    CHECK(readIdea("Track income and expenses").entities.front().singular == "transaction");
    // "income and expense entries": the entries are of both kinds, and no list of incomes.
    const IdeaReading entries = readIdea("a money tracker to add income and expense entries with amount, category and date");
    CHECK(requiredField(entries, "entry", "Entry type").choices == std::vector<std::string>{"Income", "Expense"});
    CHECK(entityNamed(entries, "income") == nullptr);
    // "see the current balance" is a figure, no list of balances.
    CHECK(entityNamed(readIdea("A budget app: log income and expenses with an amount and see the current balance"), "balance") == nullptr);
    const IdeaReading recipes = readIdea("Please implement a recipe website where users can browse recipes by cuisine, view ingredients and steps, "
                                         "save favourites, and scale servings up or down.");
    const IdeaEntity* recipe = entityNamed(recipes, "recipe");
    REQUIRE(recipe != nullptr);
    const IdeaField* servings = fieldLabelled(*recipe, "Servings");
    REQUIRE(servings != nullptr);
    CHECK(servings->kind == "number");
    CHECK(entityNamed(recipes, "serving") == nullptr);
    CHECK(entityNamed(recipes, "ingredient") == nullptr);  // the recipe's Ingredients text lists them
    // Comments left "on" a thing named after them are that thing's, no list of their own.
    const IdeaReading commented = readIdea("Please implement a recipe sharing website. Users can browse recipes and rate them. Users can also "
                                           "leave comments on recipes.");
    CHECK(entityNamed(commented, "comment") == nullptr);
    CHECK(entityNamed(commented, "recipe") != nullptr);
}

TEST_CASE("a spot booked is no list, and what is added to an order from a menu is the menu's items", "[reader]") {
    const IdeaReading gym = readIdea("Please implement a gym class booking site: members browse classes with instructor, time and capacity, "
                                     "book a spot, and cancel a booking.");
    CHECK(entityNamed(gym, "spot") == nullptr);
    const IdeaReading coffee = readIdea("Please implement a website for a coffee shop. Customers browse a menu of coffees and teas with sizes and "
                                        "prices, add drinks to an order, choose a pickup time, and pay.");
    REQUIRE(entityNamed(coffee, "menu item") != nullptr);
    CHECK(entityNamed(coffee, "drink") == nullptr);
    CHECK(entityNamed(coffee, "pickup time") == nullptr);
}

TEST_CASE("verbs after a list, colour names, the app's own subject and view, and a value named again are no things", "[reader]") {
    // "..., increase or decrease quantity, and search": two verbs joined end the list of values.
    const IdeaReading wine = readIdea("Please implement a wine cellar inventory app. Users can add bottles with a name, vintage year, region and "
                                      "quantity, increase or decrease quantity, and search bottles by name or region.");
    requiredFields(wine, "bottle", {"Vintage year", "Region", "Quantity"});
    CHECK_FALSE(anyNameHas(wine, "increase"));
    CHECK_FALSE(anyNameHas(wine, "decrease"));
    CHECK(entityNamed(wine, "wine cellar") == nullptr);  // named only as the app's subject
    // "and move each sample through ...": the verb opening a clause is no value.
    const IdeaReading lab = readIdea("Please implement a lab sample tracking system. Technicians register samples with an ID, sample type, "
                                     "collection date and storage freezer, and move each sample through the statuses Received, Processing and Archived.");
    CHECK_FALSE(anyNameHas(lab, "move"));
    CHECK(std::find(lab.features.begin(), lab.features.end(), "login") == lab.features.end());  // registering samples is no account
    // "make buttons saddle brown": a colour written in words is no thing.
    const IdeaReading tailor = readIdea("Please implement a tailor shop alterations tracker. Staff create orders with customer name, garment, "
                                        "alteration type and due date. Set the background to beige and make buttons saddle brown.");
    CHECK_FALSE(anyNameHas(tailor, "saddle"));
    CHECK(entityNamed(tailor, "shop alteration") == nullptr);
    // "filter the list by species": the app's own list is no thing, species is a value, and the rows are titled by name.
    const IdeaReading shelter = readIdea("Please implement a website for a pet adoption shelter. Staff can add animals with a name, species, age and "
                                         "photo URL, and visitors can filter the list by species.");
    REQUIRE(entityNamed(shelter, "animal") != nullptr);
    CHECK(entityNamed(shelter, "animal")->fields.front().label == "Name");
    requiredFields(shelter, "animal", {"Species", "Age"});
    CHECK(entityNamed(shelter, "list") == nullptr);
    CHECK(entityNamed(shelter, "species") == nullptr);
    // "a count of donors per blood type": a value the rows hold is a breakdown, not a list.
    const IdeaReading drive = readIdea("Please implement a website for organising a blood donation drive. Volunteers can register donors with name, "
                                       "blood type and appointment slot. The page shows a count of registered donors per blood type.");
    requiredFields(drive, "donor", {"Blood type"});
    CHECK(entityNamed(drive, "blood type") == nullptr);
    CHECK(entityNamed(drive, "donation drive") == nullptr);
    // Signing up with an email is an account.
    const IdeaReading club = readIdea("A book club app. Members sign up with their email, then vote on the next book.");
    CHECK(std::find(club.features.begin(), club.features.end(), "login") != club.features.end());
}

TEST_CASE("a state rows are marked as is their workflow, and a label's widget can follow it", "[reader]") {
    const IdeaReading court = readIdea("Please implement a county court hearing calendar. Clerks schedule hearings with a case number, judge and "
                                       "courtroom. Hearings can be marked as adjourned, which changes their status label.");
    CHECK(requiredField(court, "hearing", "Status").choices == std::vector<std::string>{"Scheduled", "Adjourned"});
    const IdeaReading drive = readIdea("Volunteers register donors with name and blood type, and staff mark a donor as having donated.");
    CHECK(requiredField(drive, "donor", "Status").choices == std::vector<std::string>{"Not donated", "Donated"});
    const IdeaReading walks = readIdea("Walkers add walks with a dog and a time, and tick off walks as completed for the day.");
    CHECK(requiredField(walks, "walk", "Status").choices == std::vector<std::string>{"To do", "Completed"});
    const IdeaReading lots = readIdea("The dispatcher assigns lots to drivers. Drivers mark each lot as started and cleared, adding a photo.");
    CHECK(requiredField(lots, "lot", "Status").choices == std::vector<std::string>{"Not started", "Started", "Cleared"});
    // "an 'Adopt' button that marks it as adopted": a button, and the state of the thing named before.
    const IdeaReading shelter = readIdea("Please implement a pet adoption shelter website. Staff add animals with a name, species and age. Each animal "
                                         "has an 'Adopt' button that marks it as adopted and moves it to an 'Adopted' section.");
    CHECK(requiredField(shelter, "animal", "Status").choices == std::vector<std::string>{"Available", "Adopted"});
    CHECK(std::find(shelter.buttons.begin(), shelter.buttons.end(), "Adopt") != shelter.buttons.end());
    const IdeaEntity* animal = entityNamed(shelter, "animal");
    REQUIRE(animal != nullptr);
    for (const Json& row : animal->rows) CHECK(row.value("name", "") != "Adopt");
}

TEST_CASE("a value rated in a range is a number or stars, and labels before 'columns' are the board's columns", "[reader]") {
    const IdeaReading log = readIdea("Please implement an astronomy observation log. Observers record observations with a target object, date, telescope "
                                     "and seeing quality from 1 to 5, and a difficulty (1-10).");
    const IdeaEntity* observation = entityNamed(log, "astronomy observation");
    REQUIRE(observation != nullptr);
    const IdeaField* seeing = fieldLabelled(*observation, "Seeing quality");
    REQUIRE(seeing != nullptr);
    CHECK(seeing->kind == "rating");
    for (const Json& row : observation->rows) CHECK(row["seeingQuality"].is_number_integer());
    const IdeaReading tailor = readIdea("Please implement a tailor shop alterations tracker. Staff create orders with customer name, garment and due date, "
                                        "and move orders between 'To do', 'In progress' and 'Ready for pickup' columns.");
    const IdeaEntity* order = entityNamed(tailor, "order");
    REQUIRE(order != nullptr);
    for (const Json& row : order->rows) CHECK(row.value("name", "") != "To do");
    bool grouped = false;
    for (const IdeaField& f : order->fields)
        grouped = grouped || f.choices == std::vector<std::string>{"To do", "In progress", "Ready for pickup"};
    CHECK(grouped);
}

TEST_CASE("a word naming the shade of a colour is the look, never a thing the app keeps", "[reader]") {
    IdeaReading boxes = readIdea("A moving company app: track boxes with a room and contents. Use cardboard brown as the primary colour.");
    CHECK(entityNamed(boxes, "box") != nullptr);
    CHECK_FALSE(anyNameHas(boxes, "cardboard"));
    IdeaReading dives = readIdea("Please implement a dive log. Divers add dives with a site and depth. Use ocean blue and sand accents.");
    CHECK(entityNamed(dives, "dive") != nullptr);
    CHECK_FALSE(anyNameHas(dives, "ocean"));
}

TEST_CASE("an attribute's unit, its bracketed choices and how it is kept shape the field, and the list goes on after them", "[reader]") {
    const IdeaReading trails = readIdea("Please implement a trail conditions board. Rangers record trail reports with trail name, length in kilometres, "
                                        "surface type (Gravel, Paved, Boardwalk), a Closed flag, a hazards list and a rating from 1 to 5 stars.");
    const IdeaEntity* report = entityNamed(trails, "trail report");
    REQUIRE(report != nullptr);
    const IdeaField* length = fieldLabelled(*report, "Length (km)");
    REQUIRE(length != nullptr);
    CHECK(length->kind == "number");
    const IdeaField* surface = fieldLabelled(*report, "Surface type");
    REQUIRE(surface != nullptr);
    CHECK(surface->choices == std::vector<std::string>{"Gravel", "Paved", "Boardwalk"});
    const IdeaField* closed = fieldLabelled(*report, "Closed");
    REQUIRE(closed != nullptr);
    CHECK(closed->kind == "bool");
    const IdeaField* hazards = fieldLabelled(*report, "Hazard");
    REQUIRE(hazards != nullptr);
    CHECK(hazards->kind == "longtext");
    CHECK(fieldLabelled(*report, "Rating") != nullptr);  // after the bracket and the flag, the list went on
    CHECK_FALSE(anyNameHas(trails, "kilometre"));        // a unit is no thing
    CHECK_FALSE(anyNameHas(trails, "star"));

    // Examples between the rows and their "with" list: the list is still theirs.
    const IdeaReading bakery = readIdea("Please implement an oven monitor. Bakers see ovens (e.g. O1, O2, O3) with oven model, core temperature "
                                        "and status (Idle, Baking, Cooling).");
    const IdeaEntity* oven = entityNamed(bakery, "oven");
    REQUIRE(oven != nullptr);
    CHECK(fieldLabelled(*oven, "Oven model") != nullptr);
    CHECK(fieldLabelled(*oven, "Core temperature") != nullptr);
    REQUIRE(!oven->rows.empty());
    CHECK(oven->rows[0]["name"] == "O1");
}

TEST_CASE("a rate charged per night or hour is money, other rates are shares, averaged", "[reader]") {
    CHECK(draft::fieldKindFor("Nightly rate", "") == "money");
    CHECK(draft::fieldKindFor("Hourly rate", "") == "money");
    CHECK(draft::fieldKindFor("Attendance rate", "") == "number");
    CHECK(draft::fieldKindFor("Heart rate", "") == "number");
    CHECK(draft::measuredInPercent("Attendance rate"));
    CHECK_FALSE(draft::measuredInPercent("Heart rate"));
    CHECK_FALSE(draft::measuredInPercent("Accurate count"));
    const std::string cabins = draftSpec("A vacation rental manager: list cabins with a nightly rate and a photo").dump();
    CHECK(cabins.find("Rate A") == std::string::npos);
    CHECK(cabins.find("currency(x.nightlyRate)") != std::string::npos);
    const std::string classes = draftSpec("School attendance app: teachers see each class's attendance rate").dump();
    CHECK(classes.find("Average attendance rate") != std::string::npos);
    CHECK(classes.find("Total attendance rate") == std::string::npos);
}

TEST_CASE("a country is text, counts are numbers, and a form's bracket names the fields it asks for", "[reader]") {
    CHECK(draft::fieldKindFor("Country", "") == "text");
    CHECK(draft::fieldKindFor("Stitch count", "") == "number");
    CHECK(draft::fieldKindFor("Headcount", "") == "number");
    CHECK(draft::fieldKindFor("Play time", "") == "number");  // how long, not when
    CHECK(draft::fieldKindFor("Start time", "") == "time");
    const IdeaReading shop = readIdea("Please implement a key cutting counter. Staff see orders with customer name and status (Waiting, Cut, Collected). "
                                      "They can add a new order with a form (customer, key type, copies).");
    const IdeaEntity* order = entityNamed(shop, "order");
    REQUIRE(order != nullptr);
    CHECK(fieldLabelled(*order, "Key type") != nullptr);
    CHECK(fieldLabelled(*order, "Copy") != nullptr);
    CHECK(fieldLabelled(*order, "Customer") == nullptr);  // the customer name it already has
}

namespace {
// `entity`'s field `label` (null when the reading lacks either), and its choices ({} then).
const IdeaField* fieldOf(const IdeaReading& reading, const std::string& entity, const std::string& label) {
    const IdeaEntity* e = entityNamed(reading, entity);
    return e ? fieldLabelled(*e, label) : nullptr;
}
std::vector<std::string> choicesOf(const IdeaReading& reading, const std::string& entity, const std::string& label) {
    const IdeaField* f = fieldOf(reading, entity, label);
    return f ? f->choices : std::vector<std::string>{};
}
} // namespace

TEST_CASE("a status 'of' one-word states joined by 'or' lists its choices, and a named screen is no thing", "[reader]") {
    const IdeaReading bees = readIdea("A beekeeping log. The home screen shows my hives with their health status of strong, weak or queenless, "
                                      "and I can log an inspection for each hive with date, temperament and notes.");
    CHECK(choicesOf(bees, "hive", "Health status") == std::vector<std::string>{"Strong", "Weak", "Queenless"});
    CHECK(choicesOf(bees, "hive", "Weak").empty());
    CHECK(entityNamed(bees, "home") == nullptr);   // "the home screen" names a screen
    // Things after "of" are no states, and neither is a list without "or".
    const IdeaReading shop = readIdea("A shop back office that shows the status of orders or refunds and the status of shipping and billing.");
    for (const IdeaEntity& e : shop.entities)
        for (const IdeaField& f : e.fields) CHECK(f.choices != std::vector<std::string>{"Orders", "Refunds"});
    const IdeaReading court = readIdea("A court calendar: the main page lists hearings with judge, courtroom and a status of scheduled, "
                                       "adjourned or closed.");
    CHECK(choicesOf(court, "hearing", "Status") == std::vector<std::string>{"Scheduled", "Adjourned", "Closed"});
    CHECK(entityNamed(court, "main") == nullptr);
    // No values after "of" (a determiner, "each", the end of the request): nothing is read, and nothing breaks.
    const IdeaReading bare = readIdea("Show the status of each hive, the status of the apiary, and its status of");
    for (const IdeaEntity& e : bare.entities)
        for (const IdeaField& f : e.fields)
            for (const std::string& c : f.choices) CHECK((c.find("hive") == std::string::npos && c.find("apiary") == std::string::npos));
}

TEST_CASE("'log an inspection for each hive with date and notes' is a record of each hive, not a value hives hold", "[reader]") {
    const IdeaReading bees = readIdea("A beekeeping log. The home screen shows my hives with their health status of strong, weak or queenless, "
                                      "and I can log an inspection for each hive with date, temperament and notes.");
    const IdeaField* hive = fieldOf(bees, "inspection", "Hive");
    REQUIRE(hive != nullptr);
    CHECK(hive->of == "hive");
    CHECK(fieldOf(bees, "inspection", "Temperament") != nullptr);
    CHECK(entityNamed(bees, "hive") != nullptr);
    CHECK(fieldOf(bees, "hive", "Inspection") == nullptr);
    // A value read for each row stays the row's: no list of temperatures.
    const IdeaReading rooms = readIdea("A server room monitor: log the temperature for each rack with a timestamp.");
    CHECK(entityNamed(rooms, "temperature") == nullptr);
}

TEST_CASE("values looked at after a thing are its fields, a thing people claim is free until claimed, and only a row that happens on a day gets a made-up date", "[reader]") {
    const IdeaReading garden = readIdea("A community garden plot signup: gardeners claim a plot, see plot size and sun exposure, and log a harvest "
                                        "for each plot with date, crop and weight in kilograms");
    requiredFields(garden, "plot", {"Size", "Sun exposure"});
    CHECK(entityNamed(garden, "plot size") == nullptr);
    CHECK(entityNamed(garden, "sun exposure") == nullptr);
    CHECK(requiredField(garden, "plot", "Status").choices == std::vector<std::string>{"Available", "Claimed"});
    CHECK(fieldLabelled(*entityNamed(garden, "plot"), "Date") == nullptr);   // two values of its own, no day it happens on
    requiredFields(garden, "harvest", {"Crop", "Weight (kg)"});
    CHECK(requiredField(garden, "harvest", "Plot").of == "plot");
    // Every value of the list seen is the thing's, whichever rule read the first one ("cooking time" is a time).
    const IdeaReading recipes = readIdea("A recipe app: cooks save recipes, see cooking time and difficulty, and rate each recipe");
    CHECK(entityNamed(recipes, "difficulty") == nullptr);
    CHECK(requiredField(recipes, "recipe", "Difficulty").kind == "choice");
    // "families adopt a dog": adopting is something people do, and what they adopt starts Available.
    const IdeaReading pets = readIdea("Pet adoption site where families adopt a dog, view breed and age, and book a meet-and-greet");
    CHECK(requiredField(pets, "dog", "Status").choices == std::vector<std::string>{"Available", "Adopted"});
    requiredField(pets, "dog", "Breed");
    CHECK_FALSE(anyNameHas(pets, "family"));
    // What is seen with an article is a thing of its own; so is one seen in the plural.
    const IdeaReading repairs = readIdea("Tenants report a repair and see the invoice");
    CHECK(entityNamed(repairs, "invoice") != nullptr);
    CHECK(entityNamed(readIdea("Volunteers claim a shift and view upcoming events"), "event") != nullptr);
    // A row with a time happens on a day: it keeps a date to sort and filter upcoming ones by.
    const IdeaReading court = readIdea("Clerks schedule hearings with case number, judge, courtroom and time");
    CHECK(requiredField(court, "hearing", "Date").kind == "date");
}

TEST_CASE("a navigation bar is the app's own part and 'plus' joins two things", "[reader]") {
    const IdeaReading team = readIdea("Stats hub for a chess club. Top navigation with Players, Games, Openings. Ratings per player, plus charts "
                                      "over the last 20 games.");
    CHECK_FALSE(anyNameHas(team, "navigation"));
    CHECK_FALSE(anyNameHas(team, "plus"));
    const IdeaReading writer = readIdea("AI drafts the listing description plus a short social post.");
    CHECK_FALSE(anyNameHas(writer, "plus"));
}

TEST_CASE("the rows people pick for a thing they make are that thing's references", "[reader]") {
    const IdeaReading brewery = readIdea("Our brewery has eight fermentation tanks. When brewers start a batch they pick a recipe and a tank, then "
                                         "log gravity and temperature every day.");
    CHECK(requiredField(brewery, "batch", "Recipe").of == "recipe");
    CHECK(requiredField(brewery, "batch", "Fermentation tank").of == "fermentation tank");   // "a tank" names it by its head
    const IdeaReading dispatch = readIdea("Dispatchers create a delivery run and choose a van and a route. Vans have plate and capacity; "
                                          "routes have stops and a depot.");
    CHECK(requiredField(dispatch, "delivery run", "Van").of == "van");
    CHECK(requiredField(dispatch, "delivery run", "Route").of == "route");
    // Picked in a sentence that makes nothing, nothing refers to it.
    const IdeaReading gym = readIdea("Members pick a plan. Plans have a price and a length. Members log workouts with duration.");
    if (const IdeaEntity* workout = entityNamed(gym, "workout")) CHECK(fieldLabelled(*workout, "Plan") == nullptr);
}

TEST_CASE("kinds given in the plural are their singulars even when the singular is spelt differently", "[reader]") {
    const IdeaReading recycling = readIdea("Businesses schedule pickups of old electronics. Drivers weigh each category (laptops, monitors, batteries) "
                                           "when they collect.");
    std::vector<std::string> kinds;
    for (const IdeaEntity& e : recycling.entities)
        for (const IdeaField& f : e.fields)
            if (std::find(f.choices.begin(), f.choices.end(), "Laptop") != f.choices.end()) kinds = f.choices;
    CHECK(kinds == std::vector<std::string>{"Laptop", "Monitor", "Battery"});
    // "Businesses schedule pickups": what people do opens no subject, so the pickups are a list of their own.
    CHECK(entityNamed(recycling, "pickup") != nullptr);
}

TEST_CASE("a menu shown with prices lists items, a contact form sends inquiries, a listing of a thing is the thing", "[reader]") {
    IdeaReading bakery = readIdea("Please implement a website for a local bakery that shows the menu with prices, lets customers place orders "
                                  "for pickup, and includes a contact form.");
    requiredField(bakery, "menu item", "Price");
    CHECK(entityNamed(bakery, "price") == nullptr);
    requiredFields(bakery, "inquiry", {"Name", "Email", "Message"});
    CHECK(requiredField(bakery, "inquiry", "Email").kind == "email");
    CHECK_FALSE(anyNameHas(bakery, "form"));
    // The values are each drink's: the drink holds them, no menu item beside it.
    IdeaReading cafe = readIdea("A cafe app showing our menu with price, description and photo for each drink");
    requiredFields(cafe, "drink", {"Price", "Description", "Photo"});
    CHECK(entityNamed(cafe, "menu item") == nullptr);
    IdeaReading jobs = readIdea("Please implement a job board website. Employers can post job listings with title, company, location and "
                                "salary. Job seekers can search jobs by keyword and view job details.");
    CHECK(entityNamed(jobs, "job listing") == nullptr);
    // Parts of the app in a 'with' list are no values: the gallery shows projects, the form sends inquiries.
    IdeaReading portfolio = readIdea("A portfolio site with a projects gallery and a contact form");
    CHECK(entityNamed(portfolio, "project") != nullptr);
    CHECK(entityNamed(portfolio, "inquiry") != nullptr);
    CHECK_FALSE(anyNameHas(portfolio, "gallery"));
    requiredFields(jobs, "job", {"Company", "Salary", "Location"});
    // Searched by keyword: a word typed into the search, no value of a job.
    CHECK(fieldLabelled(*entityNamed(jobs, "job"), "Keyword") == nullptr);
}

TEST_CASE("plural values looked at that are a thing's own are its fields", "[reader]") {
    IdeaReading hotel = readIdea("Please implement a hotel booking website. Guests search rooms by date, see room photos and prices per night, "
                                 "book a room, and cancel a booking.");
    CHECK(entityNamed(hotel, "room photo") == nullptr);
    CHECK(entityNamed(hotel, "price") == nullptr);
    requiredFields(hotel, "room", {"Photo", "Price"});
}

TEST_CASE("a value the request names more fully than the domain's one-word field is that field, renamed", "[reader]") {
    IdeaReading fitness = readIdea("Please implement a fitness tracking web app where users log workouts with exercise type, duration and "
                                   "calories burned, and set weekly goals.");
    const IdeaEntity* workout = entityNamed(fitness, "workout");
    REQUIRE(workout != nullptr);
    CHECK(fieldLabelled(*workout, "Exercise type") != nullptr);
    CHECK(fieldLabelled(*workout, "Calories burned") != nullptr);
    CHECK(fieldLabelled(*workout, "Type") == nullptr);
    CHECK(fieldLabelled(*workout, "Calories") == nullptr);
}

TEST_CASE("after a modal the word is what is done, known or not, and a list ends where something is said of another thing", "[reader]") {
    IdeaReading agenda = readIdea("Please implement a conference schedule app showing sessions by day and track. Attendees can bookmark "
                                  "sessions to build their personal agenda.");
    CHECK(entityNamed(agenda, "bookmark session") == nullptr);
    requiredFields(agenda, "session", {"Day", "Track"});
    // The sessions the app shows are a thing of their own, no text the conference holds.
    if (const IdeaEntity* conference = entityNamed(agenda, "conference")) CHECK(fieldLabelled(*conference, "Session") == nullptr);
    IdeaReading stock = readIdea("Staff add products with SKU, name and quantity, and can adjust stock levels.");
    CHECK(entityNamed(stock, "adjust stock level") == nullptr);
    IdeaReading polls = readIdea("An online voting system where administrators create polls with a question, users vote once per poll, "
                                 "and results are shown as a bar chart.");
    const IdeaEntity* poll = entityNamed(polls, "poll");
    REQUIRE(poll != nullptr);
    CHECK(fieldLabelled(*poll, "Question") != nullptr);
    for (const IdeaField& f : poll->fields) {
        CHECK(f.label.find("shown") == std::string::npos);
        CHECK(f.label.find("vote") == std::string::npos);
    }
}

TEST_CASE("rows looked through by one value hold it, and rows sold by one do not", "[reader]") {
    requiredFields(readIdea("An online bookstore where users browse books by genre and add them to a cart."), "book", {"Genre"});
    IdeaReading cafe = readIdea("A cafe app selling cups by size.");
    for (const IdeaEntity& e : cafe.entities) CHECK(fieldLabelled(e, "Size") == nullptr);
}

TEST_CASE("two words sharing a measure are two values, and a fleet is the things in it", "[reader]") {
    IdeaReading rental = readIdea("Please implement a car rental website where customers choose pickup and return dates, browse available cars "
                                  "by type, and book a car. Admins manage the fleet.");
    CHECK(entityNamed(rental, "pickup") == nullptr);
    CHECK(entityNamed(rental, "fleet") == nullptr);
    requiredFields(rental, "car", {"Pickup date", "Return date", "Type"});
    CHECK(requiredField(rental, "car", "Return date").kind == "date");
}

TEST_CASE("a with-list belongs to the rows it follows: past how they are shown, a bracket, a count of a measure and who acts", "[reader]") {
    // Past "by day": the case number and the rest are each hearing's, no lists of their own; its date says its day.
    IdeaReading court = readIdea("Please implement a court calendar website for clerks. It should list hearings by day with the case number, courtroom, "
                                 "judge and parties, allow adding a hearing, rescheduling a hearing to a new date, and filtering by courtroom.");
    requiredFields(court, "hearing", {"Case number", "Courtroom", "Judge"});
    const IdeaEntity& hearing = *entityNamed(court, "hearing");
    CHECK(std::any_of(hearing.fields.begin(), hearing.fields.end(), [](const IdeaField& f) { return f.kind == "date"; }));
    CHECK(entityNamed(court, "case number") == nullptr);
    CHECK(entityNamed(court, "judge") == nullptr);
    CHECK(fieldLabelled(hearing, "Day") == nullptr);
    // A bracket ends no list, "number of frames of brood" is one count, and "Beekeepers record" is who does what.
    IdeaReading hives = readIdea("Please implement a tool for tracking beehive inspections. Beekeepers record each inspection with the date, queen seen "
                                 "(yes/no), number of frames of brood, temperament, and notes, and can view the history per hive.");
    requiredFields(hives, "beehive inspection", {"Date", "Queen seen", "Number of brood frames", "Temperament"});
    CHECK(requiredField(hives, "beehive inspection", "Number of brood frames").kind == "number");
    CHECK_FALSE(anyNameHas(hives, "yes"));
    CHECK(entityNamed(hives, "frame") == nullptr);
    CHECK_FALSE(anyNameHas(hives, "beekeepers record"));
    // "an item with ..." is a thing, though "item" alone is an app word.
    IdeaReading lost = readIdea("Please implement a lost and found website for a university. People can report a lost item with a description, "
                                "category, location and date, browse found items, and claim an item by contacting the office.");
    requiredFields(lost, "item", {"Description", "Category", "Location", "Date"});
    CHECK(entityNamed(lost, "description") == nullptr);
    CHECK(entityNamed(lost, "category") == nullptr);
}

TEST_CASE("measures and notes listed with rows are values, and a subscribe form collects subscribers", "[reader]") {
    IdeaReading podcast = readIdea("Please implement a website for a podcast. It should have an episode list with titles, durations and publish dates, "
                                   "an episode page with show notes and a play button, and a subscribe form that collects an email address.");
    requiredFields(podcast, "episode", {"Publish date", "Show note"});
    CHECK(entityNamed(podcast, "duration") == nullptr);
    CHECK(entityNamed(podcast, "note") == nullptr);
    requiredFields(podcast, "subscriber", {"Email"});
    CHECK(requiredField(podcast, "subscriber", "Email").kind == "email");
    CHECK(entityNamed(podcast, "email address") == nullptr);
    CHECK(fieldLabelled(*entityNamed(podcast, "episode"), "Email address") == nullptr);
    CHECK(podcast.device == "desktop");  // a website
    // "a play button, and a subscribe form": the button plays the episode, it does nothing to subscribers.
    const std::string drafted = draftSpec(podcast).dump();
    CHECK(drafted.find("'Play'") != std::string::npos);
    CHECK(drafted.find("Play subscribe") == std::string::npos);
    // A count of things that are rows keeps them rows.
    const std::vector<draft::RequestEntity> badge = draft::requestEntities("Show a badge with the number of unread messages on the Messages tab of the parent app.");
    CHECK(std::any_of(badge.begin(), badge.end(), [](const draft::RequestEntity& e) { return e.head == "message"; }));
}

TEST_CASE("columns named before their word are the board's stages, and moving cards is no list of moves", "[reader]") {
    IdeaReading board = readIdea("Please implement a kanban board for a small team with To Do, In Progress and Done columns. Users can add cards, "
                                 "move cards between columns and delete cards.");
    const IdeaField& status = requiredField(board, "card", "Status");
    CHECK(status.choices == std::vector<std::string>{"To Do", "In Progress", "Done"});
    CHECK(entityNamed(board, "move") == nullptr);
    const Json spec = draftSpec(board);
    CHECK(spec["screens"].contains("board"));
    // The app is the board: it opens there, and the board leads the navigation.
    CHECK(spec["nav"]["start"] == "board");
    CHECK(spec["nav"]["items"][0]["screen"] == "board");
    // A board that is one view of an app does not take the start.
    const Json todo = draftSpec(readIdea("a to-do app with a board view of tasks by status: to do, doing, done"));
    CHECK(todo["screens"].contains("board"));
    CHECK(todo["nav"]["start"] == "home");
}

TEST_CASE("a compound joined by 'and' names the app as a whole", "[reader]") {
    CHECK(readIdea("Please implement a lost and found website for a university. People can report a lost item.").appName == "Lost and Found");
    CHECK(readIdea("a bed and breakfast booking site with rooms and breakfast times").appName == "Bed and Breakfast");
    // Two things joined by "and" are still two things.
    CHECK(readIdea("a recipes and shopping list app").appName != "Recipes and Shopping");
}

TEST_CASE("'leaves' after someone is what they do, not leaves of a plant", "[reader]") {
    const IdeaReading r = readIdea("Please implement a music practice log where students record the piece, minutes practiced and tempo, and the "
                                   "teacher leaves comments.");
    CHECK(entityNamed(r, "leaf comment") == nullptr);
    CHECK(entityNamed(r, "comment") != nullptr);
}
