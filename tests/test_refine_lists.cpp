// Offline refine, the common change requests on lists and screens: search, sort, filter chips, a confirmation before
// deleting, a count badge on a tab, and "a settings screen with a dark mode switch". Each request is phrased with the
// sample's own entity words, found here from the spec (its repeated state arrays, nav items), applied on several
// samples and drafts, and then driven headlessly to prove the new control really works.
#include "test_files.h"
#include "test_specs.h"
#include "generator/offline/offline_drafter.h"
#include "generator/refiner.h"
#include "runtime/headless/headless.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <regex>
#include <set>

using namespace pt;
using namespace pt::test;

namespace {

Json sample(const std::string& name) { return Json::parse(sampleText(name)); }

// "cartItems" -> "cart items".
std::string spoken(const std::string& key) {
    std::string out;
    for (size_t i = 0; i < key.size(); ++i) {
        if (std::isupper(static_cast<unsigned char>(key[i])) && i > 0) out += ' ';
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(key[i])));
    }
    return out;
}

// A list the spec shows: the state array a screen repeats over (or tabulates), the screen, and the rows' title field.
struct ShownRows {
    std::string key, screen, title;
    std::string number;   // a number or date field other than the id ("" when none)
};

// The spec's own lists, found the way a reader of the spec would: "${key}" or "filter(key, ...)" in a repeat or a
// table on a screen (not a detail screen reading params, nor a dashboard's few), over objects with a text field shown
// as the title.
std::vector<ShownRows> shownRows(const Json& doc) {
    std::vector<ShownRows> out;
    forEachNode(doc, [&](const NodeSite& site) {
        const Json& n = *site.node;
        std::string rows = n.contains("repeat") && n["repeat"].is_object() ? n["repeat"].value("in", std::string())
                         : site.type == "table" && (*site.node)[site.typeKey].is_string() ? (*site.node)[site.typeKey].get<std::string>() : "";
        // A dashboard's few rows ("slice(...)") are not where a list's controls go: the list of every row is.
        if (rows.empty() || rows.find("params") != std::string::npos || rows.find("slice(") != std::string::npos || site.owner.rfind("/screens/", 0) != 0) return true;
        for (auto& [key, value] : doc["state"].items()) {
            if (!value.is_array() || value.size() < 2 || !value[0].is_object()) continue;
            if (!std::regex_search(rows, std::regex("[^.\\w]" + key + "\\b"))) continue;
            ShownRows s{key, site.owner.substr(9), "", ""};
            for (auto& [field, v] : value[0].items()) {
                if (v.is_string() && s.title.empty() && field != "id" && field != "icon" && v.get<std::string>().find(' ') != std::string::npos) s.title = field;
                if ((v.is_number() && field != "id") && s.number.empty()) s.number = field;
            }
            if (!s.title.empty() && std::none_of(out.begin(), out.end(), [&](const ShownRows& o) { return o.key == key; })) out.push_back(s);
        }
        return true;
    });
    return out;
}

// The rows' titles in the order they are drawn on the current screen.
std::vector<std::string> titlesShown(HeadlessDriver& d, const ShownRows& rows) {
    std::vector<std::string> out;
    for (auto& t : d.proto().texts())
        for (auto& row : d.proto().state()[rows.key])
            if (row.value(rows.title, std::string()) == t && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    return out;
}

std::unique_ptr<HeadlessDriver> driveOn(const Json& doc, const std::string& screen) {
    auto d = std::make_unique<HeadlessDriver>(loadClean(doc));
    d->settle();
    if (d->proto().currentScreen() != screen) d->proto().navigate(screen);
    d->settle();
    return d;
}

// The node added by a refinement: in `after`, of this type, absent from `before`.
const Json* addedNode(const Json& before, const Json& after, const std::string& type) {
    std::set<std::string> had;
    forEachNode(before, [&](const NodeSite& s) { if (s.type == type) had.insert(s.node->dump()); return true; });
    const Json* found = nullptr;
    forEachNode(after, [&](const NodeSite& s) {
        if (s.type == type && !had.count(s.node->dump())) found = s.node;
        return !found;
    });
    return found;
}

// Samples and offline drafts of other domains, each with its own lists.
std::vector<std::pair<std::string, Json>> subjects() {
    return {{"habit_tracker", sample("habit_tracker.json")},
            {"shop_checkout", sample("shop_checkout.json")},
            {"task_board", sample("task_board.json")},
            {"settings", sample("settings.json")},
            {"booking_wizard", sample("booking_wizard.json")},
            {"beekeeping draft", draftSpec("a beekeeping log: hives with their queen, the last inspection date and honey frames")},
            {"court draft", draftSpec("a court calendar where clerks schedule hearings with the judge, the case number and the courtroom")}};
}

// An offline draft of a held-out style request: hearings with a judge each, continuances with a status.
Json courtCalendar() {
    return draftSpec("Please implement a court calendar for a small county court. Clerks schedule hearings with case number, judge, "
                     "courtroom and time; attorneys can view upcoming hearings and request continuances.");
}

} // namespace

TEST_CASE("offline refine: a search bar filters the list it is added to, on any sample", "[refiner][offline][lists]") {
    int checked = 0;
    for (auto& [name, doc] : subjects()) {
        auto lists = shownRows(doc);
        if (lists.empty()) continue;
        const ShownRows& rows = lists.front();
        std::string request = "add a search bar to the " + spoken(rows.key) + " list";
        Json answer = offlineRefinement(doc, request, "");
        INFO(name << ": " << request << "\n" << answer.dump().substr(0, 400));
        if (answer.value("already", std::string()).find("already has a search") != std::string::npos) continue;
        Json out = refined(doc, request);
        const Json* search = addedNode(doc, out, "search");
        REQUIRE(search);
        auto d = driveOn(out, rows.screen);
        std::vector<std::string> before = titlesShown(*d, rows);
        REQUIRE(before.size() >= 2);
        std::string error;
        REQUIRE(d->type((*search)["id"].get<std::string>(), before[1], &error));
        d->settle();
        std::vector<std::string> after = titlesShown(*d, rows);
        CHECK(after.size() < before.size());
        CHECK(std::find(after.begin(), after.end(), before[1]) != after.end());
        ++checked;
    }
    CHECK(checked >= 3);
}

TEST_CASE("offline refine: a sort control reorders the list by the field the request names", "[refiner][offline][lists]") {
    // The quoted request, on the sample it was written for: streaks are computed, not stored, and still sort.
    Json habits = sample("habit_tracker.json");
    std::string summary;
    Json out = refined(habits, "let users sort habits by streak", &summary);
    CHECK(summary.find("streak") != std::string::npos);
    ShownRows rows{"habits", "today", "name", ""};
    auto d = driveOn(out, "today");
    std::vector<std::string> before = titlesShown(*d, rows);
    std::string error;
    REQUIRE(d->click("Streak", &error));
    d->settle();
    std::vector<std::string> after = titlesShown(*d, rows);
    CHECK(after.size() == before.size());
    CHECK(after != before);
    CHECK(after.front() == "Read 20 pages");   // the longest streak first

    // "by name" means the rows' title whatever its field is called.
    Json byName = refined(sample("task_board.json"), "sort tasks by name", &summary);
    CHECK(byName.dump().find("sort(sort(filter(tasks, t => t.status == col.key), 'due'), 'title')") != std::string::npos);

    int checked = 0;
    for (auto& [name, doc] : subjects()) {
        for (auto& rows : shownRows(doc)) {
            std::string field = rows.number.empty() ? rows.title : rows.number;
            std::string request = "let users sort " + spoken(rows.key) + " by " + spoken(field);
            INFO(name << ": " << request);
            Json sorted = refined(doc, request);
            auto drive = driveOn(sorted, rows.screen);
            std::vector<std::string> was = titlesShown(*drive, rows);
            std::string label = spoken(field);
            label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
            REQUIRE(drive->click(label, &error));
            drive->settle();
            std::vector<std::string> now = titlesShown(*drive, rows);
            CHECK(now.size() == was.size());
            std::vector<std::string> expected = now;
            if (rows.number.empty()) std::sort(expected.begin(), expected.end());
            CHECK(now == expected);
            if (now != was) ++checked;
            break;
        }
    }
    CHECK(checked >= 3);
}

TEST_CASE("offline refine: a confirmation dialog before deleting: confirm deletes, cancel keeps", "[refiner][offline][lists]") {
    // The request names the rows the control deletes; the sample's own words (its state key) are used.
    struct Case { std::string name; Json doc; std::string rows, open; };
    std::vector<Case> cases;
    // Beside the samples, an app of another domain written here: a hive inventory whose rows delete at once.
    std::vector<std::pair<std::string, Json>> apps = subjects();
    apps.push_back({"hive inventory", Json::parse(R"({"state": {"hives": [{"id": 1, "name": "Linden hive", "frames": 8}, {"id": 2, "name": "Meadow hive", "frames": 6}]},
        "screens": {"hives": {"title": "Hives", "body": [{"card": [{"row": [{"text": "${h.name}", "grow": 1}, {"text": "${h.frames} frames", "muted": true},
            {"icon_button": "trash", "label": "Delete", "id": "dropHive", "press": [{"remove": "hives", "where": "${it.id == h.id}"}, {"toast": "Deleted ${h.name}"}]}],
            "repeat": {"in": "${hives}", "as": "h"}}]}]}}})")});
    for (auto& [name, doc] : apps) {
        // A control whose press removes rows of a state array of objects ("remove": "KEY" or "KEY.${index}"), on a
        // screen or a sheet, that is not an update (a remove then a push of the same rows).
        forEachNode(doc, [&](const NodeSite& s) {
            bool dialog = s.owner.rfind("/overlays/", 0) == 0 && doc["overlays"][s.owner.substr(10)].value("kind", std::string()) == "dialog";
            if (!s.node->contains("press") || s.owner.rfind("/components/", 0) == 0 || dialog) return true;
            Json press = (*s.node)["press"].is_array() ? (*s.node)["press"] : Json::array({(*s.node)["press"]});
            std::string rows;
            bool pushes = false;
            for (auto& step : press) {
                if (!step.is_object()) continue;
                if (step.contains("push")) pushes = true;
                std::string path = step.value("remove", std::string());
                std::string key = path.substr(0, path.find('.'));
                if (!key.empty() && doc["state"].contains(key) && doc["state"][key].is_array() && (path == key || path.find(".${") == key.size())) rows = key;
            }
            if (rows.empty() || pushes) return true;
            cases.push_back({name, doc, rows, s.owner});
            return false;
        });
    }
    std::string found;
    for (auto& c : cases) found += c.name + " ";
    INFO(found);
    REQUIRE(cases.size() >= 3);
    for (auto& c : cases) {
        std::string thing = spoken(c.rows);
        if (thing.size() > 1 && thing.back() == 's') thing.pop_back();
        std::string request = "add a confirmation dialog before deleting a " + thing;
        INFO(c.name << ": " << request);
        std::string summary;
        Json out = refined(c.doc, request, &summary);
        REQUIRE(out["overlays"].size() == c.doc.value("overlays", Json::object()).size() + 1);
        std::string dialog;
        for (auto& [id, o] : out["overlays"].items())
            if (!c.doc.value("overlays", Json::object()).contains(id)) dialog = id;
        const Json& actions = out["overlays"][dialog]["actions"];
        std::string cancel = actions[0]["id"], confirm = actions[1]["id"];
        std::string opener;
        forEachNode(out, [&](const NodeSite& s) {
            if (s.node->contains("press") && (*s.node)["press"].is_object() && (*s.node)["press"].value("open", std::string()) == dialog) opener = s.node->value("id", std::string());
            return opener.empty();
        });
        REQUIRE(!opener.empty());
        // On a screen, go there; in a sheet, open it the way the app does.
        std::string screen = c.open.rfind("/screens/", 0) == 0 ? c.open.substr(9) : "";
        std::string sheetOpener;
        forEachNode(out, [&](const NodeSite& s) {
            if (screen.empty() && s.node->contains("press") && s.node->contains("id") && (*s.node)["press"].dump().find("\"open\":\"" + c.open.substr(10) + "\"") != std::string::npos)
                sheetOpener = (*s.node)["id"], screen = s.owner.substr(9);
            return sheetOpener.empty();
        });
        auto d = driveOn(out, screen);
        std::string error;
        auto reopen = [&] {
            if (sheetOpener.empty()) return;
            bool opened = d->click(sheetOpener, &error);
            INFO(error);
            REQUIRE(opened);
            d->settle();
        };
        const size_t had = d->proto().state()[c.rows].size();
        reopen();
        REQUIRE(d->click(opener, &error));
        d->settle();
        REQUIRE(d->click(cancel, &error));
        d->settle();
        CHECK(d->proto().state()[c.rows].size() == had);
        REQUIRE(d->click(opener, &error));   // cancel closed only the dialog: a sheet under it is still open
        d->settle();
        REQUIRE(d->click(confirm, &error));
        d->settle();
        CHECK(d->proto().state()[c.rows].size() == had - 1);
    }
    // Where the delete already asks first (the habit sample, the drafts), it says so and changes nothing.
    for (auto& [name, doc] : subjects()) {
        if (name.find("draft") == std::string::npos && name != "habit_tracker") continue;
        auto lists = shownRows(doc);
        REQUIRE(!lists.empty());
        std::string thing = spoken(lists.front().key);
        Json answer = offlineRefinement(doc, "ask for confirmation before someone deletes " + thing, "");
        INFO(name << ": " << answer.dump());
        REQUIRE(answer.contains("already"));
        CHECK(answer["already"].get<std::string>().find("already asks first") != std::string::npos);
    }
    // Said with the article the noun takes.
    const Json episodes = draftSpec("a podcast website with an episode list");
    const Json asked = offlineRefinement(episodes, "add a confirmation before deleting an episode", "");
    INFO(asked.dump());
    CHECK(asked.value("already", "").find("Deleting an episode already asks first") != std::string::npos);
}

TEST_CASE("offline refine: a badge with the number of rows on a tab shows the count", "[refiner][offline][lists]") {
    int checked = 0;
    for (const char* name : {"habit_tracker.json", "shop_checkout.json", "task_board.json", "ai_chat.json", "analytics_dashboard.json"}) {
        Json doc = sample(name);
        // A nav item whose screen lists rows of a state array: "the number of KEY on the TITLE tab".
        for (auto& rows : shownRows(doc)) {
            std::string label;
            for (auto& item : doc["nav"]["items"])
                if (item.is_object() && item["screen"] == rows.screen) label = item.value("label", doc["screens"][rows.screen].value("title", rows.screen));
            if (label.empty() || label.find("${") != std::string::npos) continue;
            std::string request = "show a badge with the number of " + spoken(rows.key) + " on the " + label + " tab";
            INFO(name << ": " << request);
            Json out = refined(doc, request);
            std::string badge;
            for (auto& item : out["nav"]["items"])
                if (item["screen"] == rows.screen) badge = item.value("badge", std::string());
            CHECK(badge.find("count(") != std::string::npos);
            // Drawn on the tab: one more text equal to the count than before.
            auto countOf = [&](const Json& spec, const std::string& text) {
                auto d = driveOn(spec, rows.screen);
                auto& texts = d->proto().texts();
                return std::count(texts.begin(), texts.end(), text);
            };
            std::string shown = std::to_string(titlesShown(*driveOn(out, rows.screen), rows).size());
            CHECK(countOf(out, shown) == countOf(doc, shown) + 1);
            ++checked;
            break;
        }
    }
    CHECK(checked >= 3);
    // A tab is found before a screen that shares its name (shop: Orders, not the order confirmation).
    Json orders = refined(sample("shop_checkout.json"), "show a badge with the number of orders on the orders tab");
    CHECK(orders["nav"]["items"][2]["badge"] == "${count(sort(orders, 'date', 'desc'))}");
    // Nothing to count: said plainly.
    Json answer = offlineRefinement(sample("habit_tracker.json"), "show a badge with the number of reminders on the reminders tab", "");
    REQUIRE(answer.contains("unsupported"));
    CHECK(answer["unsupported"].get<std::string>().find("a list of reminders") != std::string::npos);
}

TEST_CASE("offline refine: a settings screen with a dark mode switch is reachable and the switch flips", "[refiner][offline][lists]") {
    int checked = 0;
    for (auto& [name, doc] : subjects()) {
        for (const char* request : {"add a settings screen with a dark mode switch"}) {
            INFO(name << ": " << request);
            // An app with a dark mode switch on its settings screen already says so.
            Json answer = offlineRefinement(doc, request, "");
            std::string summary;
            Json out = answer.contains("already") ? doc : refined(doc, request, &summary);
            CHECK((summary.find("dark mode") != std::string::npos || answer.value("already", std::string()).find("already has one") != std::string::npos));
            std::string bind, screen;
            forEachNode(out, [&](const NodeSite& s) {
                if (s.type == "switch" && s.node->value("switch", std::string()) == "Dark mode") bind = s.node->value("bind", std::string()), screen = s.owner.substr(9);
                return bind.empty();
            });
            REQUIRE(!bind.empty());
            HeadlessDriver d(loadClean(out));
            d.settle();
            std::string error;
            // Reached the way a stakeholder would: the tab, or the link to it, from the start screen.
            if (d.proto().currentScreen() != screen) {
                std::string title = out["screens"][screen].value("title", screen);
                if (!d.click(title, &error)) REQUIRE(d.click("open" + std::string(1, static_cast<char>(std::toupper(screen[0]))) + screen.substr(1), &error));
                d.settle();
            }
            CHECK(d.proto().currentScreen() == screen);
            bool flipped = d.click("Dark mode", &error);
            INFO(error);
            REQUIRE(flipped);
            d.settle();
            Json value = d.proto().state();
            for (size_t from = 0, dot;; from = dot + 1) {
                dot = bind.find('.', from);
                value = Json(value[bind.substr(from, dot == std::string::npos ? std::string::npos : dot - from)]);
                if (dot == std::string::npos) break;
            }
            CHECK(value == true);
            ++checked;
        }
    }
    CHECK(checked >= 3);
}

TEST_CASE("offline refine: compound requests split into parts done in turn, a part that cannot be done named and left out", "[refiner][offline][lists]") {
    Json doc = sample("task_board.json");
    std::string summary;
    Json out = refined(doc, "add a search bar and a sort control to the tasks list", &summary);
    CHECK(addedNode(doc, out, "search"));
    CHECK(addedNode(doc, out, "segmented"));
    Json both = refined(sample("habit_tracker.json"), "rename 'Today' to 'My day' and make the brand navy", &summary);
    CHECK(both["theme"]["brand"] == "navy");   // as the drafter's style reader writes it (a CSS name the theme takes)
    CHECK(both["screens"]["today"]["title"] == "My day");
    // A part that cannot be done is named and left out; the rest lands.
    Json navy = refined(doc, "make the brand navy and add a map", &summary);
    CHECK(navy["theme"]["brand"] == "navy");
    CHECK(summary.find("Not done: \"add a map\"") != std::string::npos);
    // When no part can be done, the request is declined, naming the part.
    Json answer = offlineRefinement(doc, "add a map and add a teleporter", "");
    REQUIRE(answer.contains("unsupported"));
    CHECK(answer["unsupported"].get<std::string>().find("the part \"add a map\"") != std::string::npos);
    // Labels in quotes are never split.
    Json quoted = refined(sample("habit_tracker.json"), "rename 'Today' to 'Now and then'", &summary);
    CHECK(quoted["screens"]["today"]["title"] == "Now and then");
}

TEST_CASE("offline refine: filter chips filter the list by a field with a few values", "[refiner][offline][lists]") {
    Json doc = sample("task_board.json");
    Json out = refined(doc, "let users filter tasks by priority");
    const Json* chips = addedNode(doc, out, "chips");
    REQUIRE(chips);
    auto lists = shownRows(doc);
    const ShownRows& rows = lists.front();
    auto d = driveOn(out, rows.screen);
    const Json& option = (*chips)["chips"][1];
    const std::string value = option.is_object() ? option["value"].get<std::string>() : option.get<std::string>();
    std::string error;
    REQUIRE(d->click(option.is_object() ? option["label"].get<std::string>() : option.get<std::string>(), &error));
    d->settle();
    // Only rows with that priority are left, and some rows had another.
    std::vector<std::string> shown = titlesShown(*d, rows);
    CHECK(!shown.empty());
    size_t others = 0;
    for (auto& row : doc["state"]["tasks"]) {
        bool visible = std::find(shown.begin(), shown.end(), row["title"].get<std::string>()) != shown.end();
        if (visible) CHECK(row["prio"] == value);
        if (row["prio"] != value) ++others;
    }
    CHECK(others > 0);
}

TEST_CASE("offline refine: sorting by a field the rows lack gives them one, shows it and sorts by it", "[refiner][offline][lists]") {
    Json doc = draftSpec("A seed library lending app for loans with borrower, seed and due date");
    std::string summary;
    Json out = refined(doc, "let me sort the loans by weight - low to high and high to low", &summary);
    INFO(summary);
    REQUIRE(out["state"]["loans"].is_array());
    for (const Json& row : out["state"]["loans"]) REQUIRE(row["weight"].is_number());
    ShownRows rows{"loans", "loans", "name", "weight"};
    auto d = driveOn(out, "loans");
    std::string error;
    REQUIRE(d->click("Weight: high to low", &error));
    d->settle();
    std::vector<std::string> shown = titlesShown(*d, rows);
    REQUIRE(shown.size() == out["state"]["loans"].size());
    std::vector<std::pair<double, std::string>> byWeight;
    for (const Json& row : out["state"]["loans"]) byWeight.emplace_back(row["weight"].get<double>(), row["name"].get<std::string>());
    std::stable_sort(byWeight.begin(), byWeight.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    CHECK(shown.front() == byWeight.front().second);
    CHECK(shown.back() == byWeight.back().second);
}

TEST_CASE("offline refine: a filter on a field the request names groups rows by it, and a tab named like the app moves", "[refiner][offline][lists]") {
    const Json doc = courtCalendar();
    // Every mock hearing has its own judge: asked for by name, they are still the chips.
    std::string summary;
    Json out = refined(doc, "add a judge filter to the hearings list", &summary);
    INFO(summary);
    const Json* chips = addedNode(doc, out, "chips");
    REQUIRE(chips);
    std::set<std::string> judges;
    for (const Json& row : doc["state"]["hearings"]) judges.insert(row["judge"].get<std::string>());
    for (const Json& option : (*chips)["chips"])
        if (option != "All") CHECK(judges.count(option.is_object() ? option["value"].get<std::string>() : option.get<std::string>()) == 1);
    // "Court Calendar" is the app's name on its home screen: "the calendar tab" is still the Calendar tab.
    Json moved = refined(doc, "move the calendar tab before the hearings tab", &summary);
    INFO(summary);
    std::vector<std::string> order;
    for (const Json& item : moved["nav"]["items"]) order.push_back(item["screen"].get<std::string>());
    const auto place = [&](const char* id) { return std::find(order.begin(), order.end(), id) - order.begin(); };
    CHECK(place("calendar") + 1 == place("hearings"));
    CHECK(place("home") == 0);
}

TEST_CASE("offline refine: a screen of some rows of a list shows just those, from a tab", "[refiner][offline][lists]") {
    const Json doc = courtCalendar();
    std::string summary;
    Json out = refined(doc, "add a screen showing upcoming hearings", &summary);
    INFO(summary);
    REQUIRE(out["screens"].contains("upcomingHearings"));
    const Json& items = out["nav"]["items"];
    CHECK(std::any_of(items.begin(), items.end(), [](const Json& i) { return i.is_object() && i.value("screen", std::string()) == "upcomingHearings"; }));
    CHECK(items.back()["screen"] == "settings");
    // The rows shown are the hearings still to come, and only those.
    auto d = driveOn(out, "home");
    std::string error;
    REQUIRE(d->click("Upcoming hearings", &error));
    d->settle();
    REQUIRE(d->proto().currentScreen() == "upcomingHearings");
    ShownRows rows{"hearings", "upcomingHearings", "caseNumber", ""};  // hearings are titled by their case number
    const std::vector<std::string> shown = titlesShown(*d, rows);
    size_t future = 0;
    for (const Json& row : out["state"]["hearings"]) {
        const bool ahead = row["date"].get<std::string>() > "2026-05-14";  // the simulated today
        const bool visible = std::find(shown.begin(), shown.end(), row["caseNumber"].get<std::string>()) != shown.end();
        CHECK(visible == ahead);
        future += ahead;
    }
    CHECK(future > 0);
    // A value the rows hold picks them too; words naming no list are declined.
    Json pending = refined(doc, "add a screen for pending continuances", &summary);
    CHECK(pending["screens"].contains("pendingContinuances"));
    Json answer = offlineRefinement(doc, "add a screen showing all the weather", "");
    CHECK(answer.contains("unsupported"));
}
