// Offline refine, requests about every row of a list and about a screen's figures: "add a Share button to each
// habit", "add a notes field to each hive", "show the total number of hearings on the home screen", and the tabs found
// by what they list. Each runs on a sample and on drafts of other domains, then is driven headlessly: the button
// changes the rows or says what it did, the field is saved with a new row and shown on each row's screen.
#include "test_files.h"
#include "test_specs.h"
#include "generator/offline/offline_drafter.h"
#include "generator/refiner.h"
#include "runtime/headless/headless.h"
#include <catch2/catch.hpp>

using namespace pt;
using namespace pt::test;

namespace {

// A spec with one list of rows managed through list, detail and create screens, named by its state key.
struct Managed {
    std::string name;
    Json doc;
    std::string rows;     // state key ("habits")
    std::string one;      // "habit", as a request says it
    std::string detail;   // the screen showing one row
    std::string create;   // the screen whose form saves a new row
};

std::vector<Managed> managed() {
    return {{"habit tracker", Json::parse(sampleText("habit_tracker.json")), "habits", "habit", "habit", "newHabit"},
            {"beekeeping draft", draftSpec("a beekeeping log: hives with their queen, the last inspection date and honey frames"), "hives", "hive", "hive", "newHive"},
            {"court draft", draftSpec("a court calendar where clerks schedule hearings with the judge, the case number and the courtroom"), "hearings", "hearing",
             "hearing", "newHearing"}};
}

// The node with this id in the spec, or null.
const Json* nodeWithId(const Json& doc, const std::string& id) {
    const Json* found = nullptr;
    forEachNode(doc, [&](const NodeSite& s) {
        if (s.node->value("id", std::string()) == id) found = s.node;
        return !found;
    });
    return found;
}

// The id of the button a refinement added (absent before), or "".
std::string addedButton(const Json& before, const Json& after) {
    std::string id;
    forEachNode(after, [&](const NodeSite& s) {
        const std::string mine = s.node->value("id", std::string());
        if (s.type == "button" && !mine.empty() && !nodeWithId(before, mine)) id = mine;
        return id.empty();
    });
    return id;
}

bool shows(HeadlessDriver& d, const std::string& text) {
    const auto& texts = d.proto().texts();
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(text) != std::string::npos; });
}

std::unique_ptr<HeadlessDriver> openRow(const Json& doc, const std::string& detail, const Json& row) {
    auto d = std::make_unique<HeadlessDriver>(loadClean(doc));
    d->settle();
    d->proto().navigate(detail, Json{{"id", row["id"]}});
    d->settle();
    return d;
}

// A row's title: its name or title, or the case number a hearing is known by.
std::string titleOf(const Json& row) {
    for (const char* key : {"name", "title", "caseNumber"})
        if (row.contains(key)) return row[key].get<std::string>();
    return "";
}

} // namespace

TEST_CASE("offline refine: a button for each row does its verb to the row it is pressed on", "[refiner][offline][rows]") {
    for (const Managed& m : managed()) {
        INFO(m.name);
        const Json& row = m.doc["state"][m.rows][0];
        const size_t before = m.doc["state"][m.rows].size();

        // Duplicate adds a copy of that row.
        Json dup = refined(m.doc, "add a duplicate button to each " + m.one);
        std::string id = addedButton(m.doc, dup);
        REQUIRE_FALSE(id.empty());
        auto d = openRow(dup, m.detail, row);
        std::string error;
        REQUIRE(d->click(id, &error));
        d->settle();
        const Json& rows = d->proto().state()[m.rows];
        REQUIRE(rows.size() == before + 1);
        CHECK(titleOf(rows.back()) == titleOf(row) + " (copy)");
        CHECK(rows.back()["id"].get<int>() > row["id"].get<int>());

        // Any other verb flips a flag on that row, and the label says so; pressed again it is undone.
        Json pin = refined(m.doc, "add a 'Pin' button to every " + m.one);
        id = addedButton(m.doc, pin);
        REQUIRE_FALSE(id.empty());
        d = openRow(pin, m.detail, row);
        REQUIRE(d->click(id, &error));
        d->settle();
        CHECK(d->proto().state()[m.rows][0].value("pinned", false));
        CHECK(shows(*d, "Pinned"));
        REQUIRE(d->click(id, &error));
        d->settle();
        CHECK_FALSE(d->proto().state()[m.rows][0].value("pinned", true));

        // Share says what it shared.
        Json share = refined(m.doc, "add a Share button to each " + m.one);
        d = openRow(share, m.detail, row);
        REQUIRE(d->click(addedButton(m.doc, share), &error));
        d->settle();
        CHECK(shows(*d, titleOf(row) + " shared"));

        // The row's screen already deletes it: no second delete button, said plainly.
        Json answer = offlineRefinement(m.doc, "add a delete button to each " + m.one, "");
        REQUIRE(answer.contains("already"));
        CHECK(answer["already"].get<std::string>().find("already has one") != std::string::npos);
    }
    // A button for a screen rather than for rows is not taken for one.
    Json answer = offlineRefinement(Json::parse(sampleText("habit_tracker.json")), "add a help button to the reminders screen", "");
    CHECK_FALSE(answer.dump().find("each habit") != std::string::npos);
}

TEST_CASE("offline refine: a field for each row goes on the create form, into the saved row and onto the row's screen", "[refiner][offline][rows]") {
    for (const Managed& m : managed()) {
        INFO(m.name);
        std::string summary;
        Json out = refined(m.doc, "add a notes field to each " + m.one, &summary);
        INFO(summary);
        // Every row has a value, and the row's screen shows it.
        const Json& rows = out["state"][m.rows];
        std::string key;
        for (auto& [k, v] : rows[0].items())
            if (!m.doc["state"][m.rows][0].contains(k)) key = k;
        if (key.empty()) key = "notes";   // a draft's rows may have notes already: then the form gains the field only
        for (auto& row : rows) CHECK(row.contains(key));
        auto d = openRow(out, m.detail, rows[0]);
        CHECK(shows(*d, rows[0][key].get<std::string>().substr(0, 20)));

        // The form has the field, and what is typed there is saved with the new row.
        const Json* field = nullptr;
        forEachNode(out, [&](const NodeSite& s) {
            if (s.owner == "/screens/" + m.create && s.type == "textarea" && s.node->value("bind", std::string()).find(key) != std::string::npos) field = s.node;
            return !field;
        });
        REQUIRE(field);
        d = std::make_unique<HeadlessDriver>(loadClean(out));
        d->settle();
        d->proto().navigate(m.create);
        d->settle();
        std::string error;
        // The first text input of the form is the row's name.
        std::string nameField;
        forEachNode(out, [&](const NodeSite& s) {
            if (s.owner == "/screens/" + m.create && s.type == "input" && nameField.empty()) nameField = s.node->value("id", std::string());
            return nameField.empty();
        });
        REQUIRE(d->type(nameField, "Fresh one", &error));
        REQUIRE(d->type((*field)["id"].get<std::string>(), "Check the east side first", &error));
        std::string save;
        forEachNode(out, [&](const NodeSite& s) {
            if (s.owner == "/screens/" + m.create && s.type == "button" && save.empty()) save = s.node->value("id", std::string());
            return save.empty();
        });
        REQUIRE(d->click(save, &error));
        d->settle();
        bool saved = false;
        for (auto& row : d->proto().state()[m.rows]) saved = saved || row.value(key, std::string()) == "Check the east side first";
        CHECK(saved);
    }
    // A money field is a number input, and each row shows an amount.
    Json costs = refined(managed()[1].doc, "add a cost field to each hive");
    for (auto& row : costs["state"]["hives"]) CHECK(row["cost"].is_number());
    const Json* cost = nodeWithId(costs, "cost");
    REQUIRE(cost);
    CHECK((*cost)["kind"] == "number");
}

TEST_CASE("offline refine: a total on a screen is a figure counting the rows, a number on a tab a badge", "[refiner][offline][rows]") {
    for (const Managed& m : managed()) {
        INFO(m.name);
        // A draft's home may count them already: then it says so, and the figure is the draft's.
        const std::string request = "show the total number of " + m.rows + " on the home screen";
        Json first = offlineRefinement(m.doc, request, "");
        if (first.contains("already")) CHECK(first["already"].get<std::string>().find("already shows count(" + m.rows + ")") != std::string::npos);
        Json out = first.contains("already") ? m.doc : refined(m.doc, request);
        const std::string start = out["nav"]["start"].get<std::string>();
        const Json* stat = nullptr;
        forEachNode(out, [&](const NodeSite& s) {
            if (s.owner == "/screens/" + start && s.type == "stat" && s.node->value("value", std::string()).find("count(" + m.rows) != std::string::npos) stat = s.node;
            return !stat;
        });
        REQUIRE(stat);
        auto d = std::make_unique<HeadlessDriver>(loadClean(out));
        d->settle();
        CHECK(shows(*d, std::to_string(out["state"][m.rows].size())));
        // Asked again, it is already there.
        Json again = offlineRefinement(out, request, "");
        CHECK(again.contains("already"));
    }
}

TEST_CASE("offline refine: a total of a number field sums it, a count of rows with a value counts only those", "[refiner][offline][rows]") {
    // "mileage" is a number each van has, so its total is a sum, labelled without the asking words.
    const Json fleet = draftSpec("a fleet log: vans with mileage and fuel cost");
    REQUIRE(fleet["state"]["vans"][0]["mileage"].is_number());
    Json out = refined(fleet, "show the total mileage on the home screen");
    const Json* stat = nullptr;
    forEachNode(out, [&](const NodeSite& s) {
        if (s.type == "stat" && s.node->value("stat", std::string()) == "Mileage") stat = s.node;
        return !stat;
    });
    REQUIRE(stat);
    CHECK((*stat)["value"] == "${sum(map(vans, y => y.mileage))}");
    double total = 0;
    for (auto& van : fleet["state"]["vans"]) total += van["mileage"].get<double>();
    auto d = std::make_unique<HeadlessDriver>(loadClean(out));
    d->settle();
    CHECK(shows(*d, std::to_string(static_cast<int>(total))));

    // "done tasks" are the tasks whose status is Done.
    const Json tasks = Json::parse(sampleText("task_board.json"));
    Json done = refined(tasks, "show the number of done tasks on the my tasks screen");
    std::string value;
    forEachNode(done, [&](const NodeSite& s) {
        if (s.type == "stat" && s.owner == "/screens/mine") value = s.node->value("value", std::string());
        return value.empty();
    });
    CHECK(value == "${count(tasks, y => y.status == 'Done')}");
}

TEST_CASE("offline refine: a colour for a named part of the look goes to that part, however the sentence puts it", "[refiner][offline][rows]") {
    const Json habits = Json::parse(sampleText("habit_tracker.json"));
    for (const char* request : {"change the background to light gray", "the background should be light gray", "make the background light gray"}) {
        INFO(request);
        Json out = refined(habits, request);
        CHECK(out["theme"]["background"] == "lightgray");
        CHECK(out["theme"].value("brand", std::string()) == habits["theme"].value("brand", std::string()));
    }
    Json header = refined(habits, "set the header to navy");
    CHECK(header["theme"]["header"] == "navy");
}

TEST_CASE("offline refine: a tab is found by the rows it lists when no tab is named so", "[refiner][offline][rows]") {
    // The habit tracker's tabs are Today, Progress and Reminders; "the habits screen" is the tab listing habits, not
    // the screen of one habit that is in no tab.
    const Json habits = Json::parse(sampleText("habit_tracker.json"));
    Json out = refined(habits, "move the progress screen before the habits screen");
    CHECK(out["nav"]["items"][0]["screen"] == "progress");
    CHECK(out["nav"]["items"][1]["screen"] == "today");
}

TEST_CASE("offline refine: comments or replies for each row are a discussion on the row's screen that keeps what is written", "[refiner][offline][rows]") {
    std::vector<Managed> subjects = managed();
    subjects.push_back({"task board", Json::parse(sampleText("task_board.json")), "tasks", "task", "task", "newTask"});
    for (const Managed& m : subjects) {
        for (const std::string& request : {"add comments to each " + m.one, "let people reply to " + m.rows}) {
            INFO(m.name << ": " << request);
            Json out = refined(m.doc, request);
            const std::string field = request.find("reply") != std::string::npos ? "replies" : "comments";
            for (auto& row : out["state"][m.rows]) CHECK(row.contains(field));
            const Json& row = out["state"][m.rows][0];
            const std::string id = addedButton(m.doc, out);
            REQUIRE_FALSE(id.empty());
            auto d = openRow(out, m.detail, row);
            for (auto& entry : row[field]) CHECK(shows(*d, entry["text"].get<std::string>()));
            std::string error;
            REQUIRE(d->type(id + "Text", "Moved to Thursday", &error));
            REQUIRE(d->click(id, &error));
            d->settle();
            const Json& entries = d->proto().state()[m.rows][0][field];
            REQUIRE(entries.size() == row[field].size() + 1);
            CHECK(entries.back()["text"] == "Moved to Thursday");
            CHECK(shows(*d, "Moved to Thursday"));
            // Entries written before are older than the app's clock.
            for (auto& entry : row[field]) CHECK(entry["at"].get<std::string>() < out["meta"].value("now", std::string("9999")));
            Json again = offlineRefinement(out, request, "");
            CHECK(again.contains("already"));
        }
    }
}

TEST_CASE("offline refine: filter chips for values no field has give the rows that field, and the chips filter by it", "[refiner][offline][rows]") {
    const Json habits = Json::parse(sampleText("habit_tracker.json"));
    std::string summary;
    Json out = refined(habits, "add filter chips for active and archived habits", &summary);
    INFO(summary);
    CHECK(summary.find("Active, Archived") != std::string::npos);
    int archived = 0;
    for (auto& h : out["state"]["habits"]) {
        REQUIRE(h.contains("status"));
        archived += h["status"] == "Archived" ? 1 : 0;
    }
    REQUIRE(archived > 0);
    REQUIRE(archived < static_cast<int>(out["state"]["habits"].size()));
    auto d = std::make_unique<HeadlessDriver>(loadClean(out));
    d->settle();
    std::string error;
    REQUIRE(d->click("Archived", &error));
    d->settle();
    for (auto& h : out["state"]["habits"]) CHECK(shows(*d, h["name"].get<std::string>()) == (h["status"] == "Archived"));
    // Named values the rows already have are filtered by, not added again.
    Json tasks = refined(Json::parse(sampleText("task_board.json")), "add filter chips for high and low priority tasks");
    CHECK_FALSE(tasks["state"]["tasks"][0].contains("status2"));
}

TEST_CASE("offline refine: a verb asked for one row at a time is that verb's button, and a tab of marked rows lists what is marked", "[refiner][offline][rows]") {
    for (const Managed& m : managed()) {
        INFO(m.name);
        const Json& first = m.doc["state"][m.rows][0];
        const Json& second = m.doc["state"][m.rows][1];
        const size_t before = m.doc["state"][m.rows].size();
        std::string error;

        // "let me duplicate a habit": no button named, the verb is the button, and it copies the row.
        Json dup = refined(m.doc, "let me duplicate a " + m.one);
        auto d = openRow(dup, m.detail, first);
        REQUIRE(d->click(addedButton(m.doc, dup), &error));
        d->settle();
        CHECK(d->proto().state()[m.rows].size() == before + 1);

        // "a way to archive habits": the row is marked archived, and the label says so.
        Json archive = refined(m.doc, "I want a way to archive " + m.rows);
        d = openRow(archive, m.detail, first);
        REQUIRE(d->click(addedButton(m.doc, archive), &error));
        d->settle();
        CHECK(d->proto().state()[m.rows][0].value("archived", false));
        CHECK(shows(*d, "Archived"));

        // "let reviewers mark a habit as checked": whoever acts is named before the verb; the button marks the row so.
        Json mark = refined(m.doc, "let reviewers mark a " + m.one + " as checked");
        d = openRow(mark, m.detail, first);
        REQUIRE(d->click(addedButton(m.doc, mark), &error));
        d->settle();
        CHECK(d->proto().state()[m.rows][0].value("checked", false));

        // "add a favorites tab": a Favorite button on each row and a tab listing the favorited ones, live.
        std::string summary;
        Json favorites = refined(m.doc, "add a favorites tab", &summary);
        INFO(summary);
        REQUIRE(favorites["screens"].contains("favorites"));
        d = openRow(favorites, m.detail, second);
        REQUIRE(d->click(addedButton(m.doc, favorites), &error));
        d->settle();
        CHECK(d->proto().state()[m.rows][1].value("favorited", false));
        d->proto().navigate("favorites");
        d->settle();
        CHECK(shows(*d, titleOf(second).substr(0, 16)));
        // A row nobody marked is not on it.
        CHECK_FALSE(shows(*d, titleOf(m.doc["state"][m.rows][2]).substr(0, 16)));
    }
    // Verbs that add rows or need a form are not taken for a button on each row.
    const Json habits = Json::parse(sampleText("habit_tracker.json"));
    CHECK_FALSE(offlineRefinement(habits, "let me add a habit", "").dump().find("button to the screen of each") != std::string::npos);
}

TEST_CASE("offline refine: a button for all rows at once sets the state the request names on each, or clears those in it", "[refiner][offline][rows]") {
    const Json board = Json::parse(sampleText("task_board.json"));
    std::string error, summary;
    Json marked = refined(board, "add a button to mark all tasks done", &summary);
    INFO(summary);
    auto d = std::make_unique<HeadlessDriver>(loadClean(marked));
    d->settle();
    REQUIRE(d->click("markAllDoneTasks", &error));
    d->settle();
    const Json& tasks = d->proto().state()["tasks"];
    REQUIRE(tasks.size() == board["state"]["tasks"].size());
    for (size_t i = 0; i < tasks.size(); ++i) {
        CHECK(tasks[i]["status"] == "Done");
        CHECK(tasks[i]["title"] == board["state"]["tasks"][i]["title"]);   // the rest of each row as it was
    }
    // "clear all done tasks" removes only those.
    Json cleared = refined(board, "let me clear all done tasks", &summary);
    d = std::make_unique<HeadlessDriver>(loadClean(cleared));
    d->settle();
    size_t open = 0;
    for (auto& t : board["state"]["tasks"]) open += t["status"] != "Done" ? 1 : 0;
    REQUIRE(open < board["state"]["tasks"].size());
    REQUIRE(d->click("Clear done", &error));
    d->settle();
    CHECK(d->proto().state()["tasks"].size() == open);
    // Rows with no such state are not marked with a made-up one.
    const Json court = draftSpec("a court calendar where clerks schedule hearings with the judge, the case number and the courtroom");
    CHECK(offlineRefinement(court, "add a button to mark all hearings done", "").contains("unsupported"));
}

TEST_CASE("offline refine: editing a row opens its form filled in, and Save changes writes over that row only", "[refiner][offline][rows]") {
    for (const Managed& m : managed()) {
        for (const std::string& request : {"let users edit a " + m.one, "add an edit button to the " + m.one + " screen"}) {
            INFO(m.name << ": " << request);
            std::string summary;
            const Json out = refined(m.doc, request, &summary);
            CHECK(summary.find("Edit " + m.one) != std::string::npos);
            // The edit screen's first text input, and the row field it holds.
            std::string editScreen, input, field;
            for (auto& [id, s] : out["screens"].items())
                if (!m.doc["screens"].contains(id)) editScreen = id;
            REQUIRE(!editScreen.empty());
            for (auto& n : out["screens"][editScreen]["body"])
                if (input.empty() && n.contains("input") && n.value("kind", std::string("text")) == "text") {
                    input = n["id"].get<std::string>();
                    const std::string bind = n["bind"].get<std::string>();
                    field = bind.substr(bind.find('.') + 1);
                }
            REQUIRE(!input.empty());
            const Json rows = out["state"][m.rows];
            const Json row = rows[1];
            auto d = openRow(out, m.detail, row);
            std::string error;
            REQUIRE(d->click(addedButton(m.doc, out), &error));
            d->settle();
            REQUIRE(d->proto().currentScreen() == editScreen);
            CHECK(shows(*d, row[field].get<std::string>()));   // filled from the row
            REQUIRE(d->type(input, "Renamed in the meeting", &error));
            REQUIRE(d->click("Save changes", &error));
            d->settle();
            const Json& now = d->proto().state()[m.rows];
            REQUIRE(now.size() == rows.size());
            CHECK(now[1][field] == "Renamed in the meeting");
            CHECK(now[1]["id"] == row["id"]);
            CHECK(now[0] == rows[0]);
            CHECK(d->proto().currentScreen() == m.detail);
            CHECK(shows(*d, "Renamed in the meeting"));
            // Asked again, the row's screen has its Edit button already.
            CHECK(offlineRefinement(out, request, "").contains("already"));
        }
    }
    // No theme or label change is taken for editing rows.
    CHECK(offlineRefinement(managed().front().doc, "make the accent colour teal", "").dump().find("Edit habit") == std::string::npos);
}
