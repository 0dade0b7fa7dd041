// Mock rows of the offline drafter: invented values follow what each attribute is, titles come from the entity's
// own noun, and a lexicon domain lends rows only to an entity whose head noun is that domain's noun, so no draft
// shows another domain's rows (issue 12).
#include "generator/offline/draft_patterns.h"
#include <catch2/catch.hpp>
#include <regex>
#include <set>

using namespace pt;

namespace {

// Every string in the mock rows of a drafted spec (state arrays of objects).
std::vector<std::string> rowTexts(const Json& spec) {
    std::vector<std::string> out;
    for (auto& [key, value] : spec["state"].items())
        if (value.is_array())
            for (const Json& row : value)
                if (row.is_object())
                    for (auto& [field, v] : row.items())
                        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

// Row words of the domain lexicon and the old catch-all place list: none may appear in a draft of another domain.
const char* const kOtherDomainRows[] = {"Ceramic table lamp", "LMP-204", "Introduction to Computer Science", "Big Buck Bunny",
                                        "Alice Martin", "Nora Lindqvist", "Biscuit", "Golden Retriever", "password reset",
                                        "Arctic Monkeys", "Leather Jacket", "Main office", "Studio B", "North campus", "Downtown",
                                        "Online", "Morning run", "Whole Foods", "Acme Robotics", "#10482", "Lumen & Co"};

void requireNoForeignRows(const std::string& request) {
    const Json spec = draftSpec(request);
    for (const std::string& text : rowTexts(spec))
        for (const char* foreign : kOtherDomainRows) {
            INFO(request << "\nrow value: " << text);
            REQUIRE(text.find(foreign) == std::string::npos);
        }
}

IdeaField field(const std::string& label, const std::string& kind = "text", std::vector<std::string> choices = {}) {
    return {draft::camelKey(label), label, kind, std::move(choices)};
}

} // namespace

TEST_CASE("Invented values follow what each attribute is", "[drafter][rows]") {
    IdeaEntity hearing;
    hearing.singular = "hearing";
    hearing.fields = {field("Hearing"), field("Courtroom"), field("Case number"), field("Judge"), field("Brood pattern"), field("Size"),
                      field("Receipt"), field("Location"), field("Address"), field("Due date", "date"), field("Mite count", "number"),
                      field("Stage", "choice", {"Script", "Casting", "Shooting"}), field("Notes", "longtext")};
    const Json rows = draft::completeRows(hearing);
    REQUIRE(rows.size() == 5);
    const std::set<std::string> people = {"Maya Lopez", "Jordan Reyes", "Priya Raman", "Tom Becker", "Aiko Tanaka"};
    const std::regex iso(R"(2026-0[45]-\d\d)");
    for (size_t i = 0; i < rows.size(); ++i) {
        const Json& row = rows[i];
        CHECK(row["id"] == static_cast<int>(i) + 1);
        CHECK(row["hearing"] == "Hearing " + std::to_string(i + 1));
        CHECK(row["courtroom"] == "Courtroom " + std::to_string(i + 1));
        CHECK(std::regex_match(row["caseNumber"].get<std::string>(), std::regex(R"(CN-\d{4})")));
        CHECK(people.count(row["judge"].get<std::string>()) == 1);
        CHECK(std::regex_match(row["broodPattern"].get<std::string>(), std::regex("Pattern [A-E]")));
        CHECK(std::set<std::string>{"S", "M", "L", "XL"}.count(row["size"].get<std::string>()) == 1);
        CHECK(std::regex_match(row["receipt"].get<std::string>(), std::regex(R"(receipt-\d{4}\.pdf)")));
        CHECK(std::regex_match(row["dueDate"].get<std::string>(), iso));
        CHECK(row["miteCount"].is_number());
        CHECK(std::set<std::string>{"Script", "Casting", "Shooting"}.count(row["stage"].get<std::string>()) == 1);
        CHECK(row["notes"].is_string());
        CHECK(!row["location"].get<std::string>().empty());
        CHECK(std::isdigit(static_cast<unsigned char>(row["address"].get<std::string>()[0])));
    }
    CHECK(rows[0]["broodPattern"] == "Pattern A");
    CHECK(rows[1]["broodPattern"] == "Pattern B");
    CHECK(rows[0]["caseNumber"] != rows[1]["caseNumber"]);
    CHECK(draft::completeRows(hearing) == rows);  // deterministic
}

TEST_CASE("Years, regions and roles get values any domain can show, and a count shows what it counts", "[drafter][rows]") {
    IdeaEntity wine;
    wine.singular = "wine";
    wine.fields = {field("Name"), field("Vintage"), field("Region"), field("Role"), field("Number of brood frames", "number")};
    const Json rows = draft::completeRows(wine);
    for (const Json& row : rows) {
        CHECK(std::regex_match(row["vintage"].get<std::string>(), std::regex(R"((19|20)\d\d)")));
        CHECK(std::set<std::string>{"North", "Central", "East", "South", "West"}.count(row["region"].get<std::string>()) == 1);
        CHECK(std::regex_search(row["role"].get<std::string>(), std::regex("^[A-Z][a-z]+$")));
    }
    // On a row, a count reads as what it counts ("12 brood frames", not "12 number of brood frames").
    const Json spec = draftSpec("Please implement a tool for tracking beehive inspections. Beekeepers record each inspection with the date, "
                                "number of frames of brood, temperament, and notes.");
    const std::string text = spec.dump();
    CHECK(text.find("} brood frames") != std::string::npos);
    CHECK(text.find("number of brood frames\"") == std::string::npos);
}

TEST_CASE("Invented titles come from the entity's own noun", "[drafter][rows]") {
    auto firstTitle = [](const std::string& noun) {
        IdeaEntity e;
        e.singular = noun;
        e.fields = {field("Name")};
        return draft::completeRows(e)[0]["name"].get<std::string>();
    };
    CHECK(firstTitle("beekeeper") == "Maya Lopez");
    CHECK(firstTitle("choir singer") == "Maya Lopez");
    CHECK(firstTitle("hive") == "Hive 1");
    CHECK(firstTitle("laptop loan") == "Laptop 1 — Maya Lopez");
    CHECK(firstTitle("hive inspection") == "Hive 1 — Maya Lopez");
    CHECK(firstTitle("traveller claim") == "Claim 1 — Maya Lopez");
    CHECK(firstTitle("pantry item") == "Pantry item A");
    // A made work is titled like one, in no domain's words, and no two rows alike.
    CHECK(firstTitle("film") == "Afterglow");
    IdeaEntity songs;
    songs.singular = "song";
    songs.fields = {field("Name"), field("Album title")};
    const Json rows = draft::completeRows(songs);
    std::set<std::string> titles;
    for (const Json& row : rows) titles.insert(row["name"].get<std::string>());
    CHECK(titles.size() == rows.size());
    CHECK(rows[1]["albumTitle"] == "Kestrel");
}

TEST_CASE("A lexicon domain lends rows only when the entity's head noun is its noun", "[drafter][rows][regression]") {
    // Leaks seen on held-out requests: a modifier or a neighbouring word used to bring a whole domain's rows.
    requireNoForeignRows("A paper cup inventory tracker for a coffee shop: track the inventory of cups by size, reorder when below threshold");
    requireNoForeignRows("Laptop loan program for a school library: students borrow laptops, return them, overdue loans flagged in red");
    requireNoForeignRows("Kanban board for a film production with stages Script, Casting, Shooting, Editing, Released");
    requireNoForeignRows("Escape-room booking: pick a room, a date and a team size; staff see the bookings for each room");
    requireNoForeignRows("A dialysis clinic rota showing each nurse's shifts by chair and station");
    // The head noun is the domain's own: its rows still fit and are lent.
    const std::vector<std::string> habits = rowTexts(draftSpec("a habit tracker with daily streaks and reminders"));
    CHECK(std::find(habits.begin(), habits.end(), "Morning run") != habits.end());
    const std::vector<std::string> invoices = rowTexts(draftSpec("an app to send invoices to clients and see which are overdue"));
    CHECK(std::any_of(invoices.begin(), invoices.end(), [](const std::string& t) { return t.rfind("INV-", 0) == 0; }));
}

TEST_CASE("Mock rows of requests in unseen domains stay in their domain", "[drafter][rows]") {
    const char* const requests[] = {
        "A sailing regatta app: race officers record each boat's finish time, sail number, skipper and class, and see the results by race",
        "Seed library for a community garden: members borrow seed packets and return seeds at the end of the season. Each packet has a "
        "variety, a germination rate and a harvest year.",
        "As a tattoo artist I want to see my appointments with the design, placement and deposit so that I can prepare.",
        "Oil rig permit-to-work system: supervisors issue permits with the work area, hazard, isolation reference and expiry; the "
        "offshore installation manager approves them",
        "A choir attendance app: the director marks singers present at each rehearsal, with their voice part, and sees attendance over the term",
        "A vineyard harvest log: record each block's grape variety, sugar level, picking date and tonnage",
        "A lost and found desk for a train station: staff log found items with the platform, the description and the finder",
        "Animal shelter adoptions: list dogs and cats with their breed, age and kennel; adopters apply and volunteers schedule meet-and-greets",
        "A blood bank inventory: units by blood type, donation date, expiry and fridge; flag units expiring this week",
        "An app for a beekeeper to log hive inspections with queen sighting, brood pattern and mite count",
        "Court calendar for clerks: hearings by courtroom, judge, case number and time; reschedule a hearing",
    };
    for (const char* request : requests) {
        requireNoForeignRows(request);
        CHECK(draftSpec(request) == draftSpec(request));
    }
}
