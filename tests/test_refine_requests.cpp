// Offline refine, naturally phrased change requests on the app they talk about: the eval's context draft (the
// request's things, not its change), screens named the way people name them ("directory", "record", "form"), and
// the form and flow changes (split a field, make one optional, a new step, an export button, move in bold). Each
// change is driven headlessly. The own-domain requests are in domains the dev corpus does not have.
#include "generator/offline/offline_drafter.h"
#include "test_files.h"
#include "test_specs.h"
#include "generator/offline/refine_context.h"
#include "generator/refiner.h"
#include "runtime/headless/headless.h"
#include "runtime/spec/dates.h"
#include "runtime/spec/expr.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <map>
#include <regex>

using namespace pt;
using namespace pt::test;

namespace {

// The app the request talks about, drafted the way the eval drafts it.
Json contextDraft(const std::string& request, const std::string& domain) { return draftSpec(changeRequestContext(request, domain)); }

// The id of the first node in `doc` whose id has `part` (case-sensitive), or "".
std::string idWith(const Json& doc, const std::string& part) {
    std::string found;
    for (auto& id : nodeIds(doc))
        if (found.empty() && id.find(part) != std::string::npos) found = id;
    return found;
}

// The prototype of `doc` showing `screen`, settled.
std::unique_ptr<HeadlessDriver> openAt(const Json& doc, const std::string& screen) {
    auto d = std::make_unique<HeadlessDriver>(loadClean(doc));
    d->settle();
    d->proto().navigate(screen);
    d->settle();
    return d;
}

bool toastSays(HeadlessDriver& d, const std::string& words) {
    for (auto& t : d.proto().toasts())
        if (t.first.find(words) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("change-request context: the app the request names, without its change", "[refiner][offline][context]") {
    std::string members = changeRequestContext("Add a search box to the member directory that matches on name or phone number.", "membership association");
    INFO(members);
    CHECK(members.find("membership association app") != std::string::npos);
    CHECK(members.find("members") != std::string::npos);
    CHECK(members.find("search") == std::string::npos);
    CHECK(members.find("box") == std::string::npos);
    std::string report = changeRequestContext("Add an 'Export to CSV' button on the monthly safety report.", "workplace safety");
    INFO(report);
    CHECK(report.find("report") != std::string::npos);
    CHECK(report.find("CSV") == std::string::npos);
    CHECK(report.find("button") == std::string::npos);
    std::string hives = changeRequestContext("Show a badge with the number of queenless hives on the Hives tab.", "");
    INFO(hives);
    CHECK(hives.find("hives") != std::string::npos);
    CHECK(hives.find("badge") == std::string::npos);
}

TEST_CASE("offline refine: screens are named as people name them (directory, record, form)", "[refiner][offline][context]") {
    Json doc = draftSpec("A beekeeping app for hives with name, queen and frames");
    std::string summary;
    // "record" is the screen showing one hive; the export button lands there and says so when pressed.
    Json out = refined(doc, "Add an 'Export to PDF' button on the hive record.", &summary);
    INFO(summary);
    std::string id = idWith(out, "xport");
    REQUIRE_FALSE(id.empty());
    std::string owner;
    forEachNode(out, [&](const NodeSite& s) { if (s.node->value("id", std::string()) == id) owner = s.owner; return owner.empty(); });
    CHECK(owner.find(doc["screens"].contains("hive") ? "/screens/hive" : "/screens/") == 0);
    HeadlessDriver d(loadClean(out));
    d.settle();
    d.proto().navigate(owner.substr(9));
    d.settle();
    std::string error;
    REQUIRE(d.click(id, &error));
    d.frame();
    CHECK(toastSays(d, "exported as PDF"));
}

TEST_CASE("offline refine: a search 'that matches on name or phone number' searches those fields, even where a search was", "[refiner][offline][lists]") {
    const std::string request = "Add a search box to the member directory that matches on name or phone number.";
    Json doc = contextDraft(request, "membership association");
    REQUIRE(doc["state"].contains("members"));
    std::string summary;
    Json out = refined(doc, request, &summary);
    INFO(summary);
    CHECK(summary.find("members list") != std::string::npos);
    CHECK(summary.find("phone number") != std::string::npos);
    // The rows got a phone number, and typing part of one finds that member alone.
    const Json& members = out["state"]["members"];
    REQUIRE(members.size() >= 2);
    REQUIRE(members[1].contains("phoneNumber"));
    const std::string phone = members[1]["phoneNumber"].get<std::string>();
    const std::string name = members[1]["name"].get<std::string>();
    std::string search;
    forEachNode(out, [&](const NodeSite& s) {
        if (s.type == "search" && s.owner == "/screens/members") search = s.node->value("id", std::string());
        return search.empty();
    });
    REQUIRE_FALSE(search.empty());
    HeadlessDriver d(loadClean(out));
    d.proto().navigate("members");
    d.settle();
    std::string error;
    REQUIRE(d.type(search, phone.substr(phone.size() - 4), &error));
    d.settle();
    const std::vector<std::string> texts = d.proto().texts();
    CHECK(std::find(texts.begin(), texts.end(), name) != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), members[0]["name"].get<std::string>()) == texts.end());
}

TEST_CASE("offline refine: split a field into two and make another optional, in the sign-up form", "[refiner][offline][forms]") {
    Json doc = draftSpec("A choir app for singers with name, email and voice part");
    std::string summary;
    Json out = refined(doc, "In the sign-up form, split Name into First name and Last name, and make email optional.", &summary);
    INFO(summary);
    std::string first = idWith(out, "firstName"), last = idWith(out, "lastName");
    REQUIRE_FALSE(first.empty());
    REQUIRE_FALSE(last.empty());
    // The saved rows got both parts.
    for (auto& row : out["state"]["singers"]) {
        CHECK(row.contains("firstName"));
        CHECK(row.contains("lastName"));
    }
    HeadlessDriver d(loadClean(out));
    d.settle();
    d.proto().navigate("newSinger");
    d.settle();
    std::string error;
    size_t before = d.proto().state()["singers"].size();
    REQUIRE(d.type(first, "Ada", &error));
    REQUIRE(d.type(last, "Lovelace", &error));
    REQUIRE(d.click(idWith(out, "saveSinger"), &error));   // email left empty: it is optional now
    d.settle();
    REQUIRE(d.proto().state()["singers"].size() == before + 1);
    const Json& saved = d.proto().state()["singers"].back();
    CHECK(saved["firstName"] == "Ada");
    CHECK(saved["lastName"] == "Lovelace");
    CHECK(saved["name"] == "Ada Lovelace");
}

TEST_CASE("offline refine: a new step in a flow asks for more and saves it with the rest", "[refiner][offline][forms]") {
    Json doc = draftSpec("A dog grooming app for appointments with dog and groomer");
    std::string summary;
    Json out = refined(doc, "After they pick an appointment, add a second step asking for the coat length and a pickup time.", &summary);
    INFO(summary);
    std::string step;
    for (auto& [id, s] : out["screens"].items())
        if (!doc["screens"].contains(id)) step = id;
    REQUIRE_FALSE(step.empty());
    HeadlessDriver d(loadClean(out));
    d.settle();
    d.proto().navigate("newAppointment");
    d.settle();
    std::string error;
    size_t before = d.proto().state()["appointments"].size();
    forEachNode(out, [&](const NodeSite& s) {   // the form's required fields, filled
        if (s.owner == "/screens/newAppointment" && s.node->contains("rules") && (*s.node)["rules"].contains("required")) CHECK(d.type((*s.node)["id"], "Biscuit", &error));
        return true;
    });
    REQUIRE(d.click(idWith(out, "saveAppointment"), &error));
    d.settle();
    REQUIRE(d.proto().currentScreen() == step);   // the form's button opens the step, nothing saved yet
    CHECK(d.proto().state()["appointments"].size() == before);
    REQUIRE(d.type(idWith(out, "coatLength"), "Long", &error));
    REQUIRE(d.click(step + "Done", &error));
    d.settle();
    REQUIRE(d.proto().state()["appointments"].size() == before + 1);
    CHECK(d.proto().state()["appointments"].back()["coatLength"] == "Long");
    CHECK(d.proto().state()["appointments"].back().contains("pickupTime"));
}

TEST_CASE("offline refine: own-domain change requests are applied or plainly declined", "[refiner][offline][generalize]") {
    struct Case { const char* domain; const char* request; bool applies; };
    const Case cases[] = {
        {"beekeeping", "Add an 'Export to CSV' button on the hives list.", true},
        {"court calendar", "In the hearing form, split Judge into First name and Last name.", true},
        {"seed library", "In the borrower form, make the name optional.", true},
        {"dog grooming", "After they pick an appointment, add a step asking for the coat length and a pickup time.", true},
        {"choir", "On the rehearsals list, let me sort by date.", true},
        {"bike repair", "Rename 'Repairs' to 'Jobs' everywhere.", true},
        {"chess club", "Show a badge with the number of games on the Games tab.", true},
        {"lighthouse tours", "Let visitors sort the tours by date.", true},
        {"pottery studio", "Move the Settings tab first.", true},
        {"rowing club", "Make the app green.", true},
        {"mushroom foraging", "Can we get a dark mode toggle in Settings?", true},
        {"escape room", "Make the booking engine predict no-shows from the weather.", false},
    };
    int applied = 0;
    for (auto& c : cases) {
        Json doc = contextDraft(c.request, c.domain);
        Json answer = offlineRefinement(doc, c.request, "");
        INFO(c.domain << ": " << c.request << "\n" << answer.dump().substr(0, 600));
        if (!c.applies) {
            REQUIRE(answer.contains("unsupported"));
            CHECK(answer["unsupported"].get<std::string>().find("cannot") != std::string::npos);
            continue;
        }
        REQUIRE(answer.contains("edits"));
        Json out;
        std::string mode, error;
        REQUIRE(applyRefinementAnswer(doc, answer, &out, &mode, &error));
        loadClean(out);
        CHECK(out != doc);
        ++applied;
    }
    CHECK(applied >= 10);
}

TEST_CASE("offline refine: colours, mode, font, density and corners go to the theme keys", "[refiner][offline][theme]") {
    struct Case { const char* request; const char* key; const char* value; };
    const Case cases[] = {
        {"make the header navy", "header", "navy"}, {"use a dark green accent", "accent", "darkgreen"}, {"dark mode", "mode", "dark"},
        {"make it more compact", "density", "compact"}, {"rounder corners", "corners", "round"}, {"serif font", "font", "serif"},
        {"a bit roomier please", "density", "spacious"}, {"make the buttons teal", "brand", "teal"},
        {"switch to dark mode with orange accents", "brand", "orange"},  // accents are what people see as the app's colour
        {"make the text navy", "text", "navy"}, {"use dark slate gray text", "text", "darkslategray"}, {"make the buttons rounder", "corners", "round"}};
    // An unseen domain drafted offline, and two more.
    for (const char* idea : {"a seed library lending app", "A beekeeping app for hives with name, queen and frames", "A choir attendance app for rehearsals"}) {
        Json doc = draftSpec(idea);
        for (auto& c : cases) {
            std::string summary;
            Json out = refined(doc, c.request, &summary);
            INFO(idea << ": " << c.request << " -> " << summary);
            CHECK(out["theme"][c.key] == c.value);
            CHECK(summary.find(c.key == std::string("mode") ? "dark mode" : c.value) != std::string::npos);
            if (std::string(c.request).find("accent") != std::string::npos) CHECK(out["theme"]["accent"] == out["theme"]["brand"]);
            HeadlessDriver d(loadClean(out));
            d.settle();   // the look applies and the app draws
        }
        // The navigation's kind: tabs become a sidebar and back; asked for what it has, it says so.
        std::string summary;
        const std::string kind = doc["nav"].value("kind", std::string());
        const char* other = kind == "tabs" ? "use a sidebar instead of tabs" : "add a bottom tab bar";
        Json moved = refined(doc, other, &summary);
        CHECK(moved["nav"]["kind"] == (kind == "tabs" ? "sidebar" : "tabs"));
        CHECK(moved["nav"]["items"] == doc["nav"]["items"]);
        HeadlessDriver navDriver(loadClean(moved));
        navDriver.settle();
        const char* same = kind == "tabs" ? "add a bottom tab bar" : "use a sidebar";
        CHECK(offlineRefinement(doc, same, "").value("already", std::string()).find("already has a") != std::string::npos);
        // "a sidebar with filters" is a panel, not the navigation.
        CHECK_FALSE(offlineRefinement(doc, "add a sidebar with filters for the status", "").dump().find("/nav/kind") != std::string::npos);
        // A colour for a widget the words name stays that widget's.
        Json save = offlineRefinement(doc, "make the delete button red", "");
        INFO(save.dump().substr(0, 400));
        if (save.contains("edits"))
            for (auto& e : save["edits"]) CHECK(e["path"].get<std::string>().rfind("/theme", 0) != 0);
    }
}

TEST_CASE("offline refine: a chart's span and grouping change, with live points and labels", "[refiner][offline][charts]") {
    for (const char* idea : {"a seed library lending app with a chart of loans", "A membership app for members with a chart of sign-ups over the past 30 days",
                             "A dialysis clinic rota app for shifts with nurse, date and status, and a dashboard of shifts"}) {
        Json doc = draftSpec(idea);
        std::string summary;
        Json out = refined(doc, "The chart should show the last 12 months, not the last 30 days.", &summary);
        INFO(idea << " -> " << summary);
        CHECK(summary.find("12 months") != std::string::npos);
        CHECK(out.dump().find("range(0, 12), i => date(") != std::string::npos);
        Json weekly = refined(doc, "show the chart by week", &summary);
        CHECK(summary.find("weeks") != std::string::npos);
        for (const Json* spec : {&out, &weekly}) {
            HeadlessDriver d(loadClean(*spec));
            for (auto& [id, s] : (*spec)["screens"].items()) {
                d.proto().navigate(id);
                d.settle();   // every screen, the chart's included, evaluates and draws
            }
        }
    }
}

TEST_CASE("offline refine: a count badge goes where the counted rows are when no tab has their name", "[refiner][offline][badge]") {
    struct Case { const char* idea; const char* request; const char* source; };
    const Case cases[] = {
        {"A beekeeping app for hives with name, queen and frames", "Show a badge with the number of hives on the Apiary tab", "hives"},
        {"A seed library lending app for loans with borrower, seed and due date", "Show a badge with the number of loans on the Checkouts tab", "loans"},
        {"A court calendar app for hearings with judge, date and courtroom", "show the count of hearings on the Docket tab", "hearings"}};
    for (auto& c : cases) {
        Json doc = draftSpec(c.idea);
        std::string summary;
        Json out = refined(doc, c.request, &summary);
        INFO(c.idea << " -> " << summary);
        int item = -1;   // the tab with a count of those rows (as the tab lists them)
        for (size_t i = 0; i < out["nav"]["items"].size(); ++i) {
            std::string badge = out["nav"]["items"][i].value("badge", std::string());
            if (badge.rfind("${count(", 0) == 0 && badge.find(c.source) != std::string::npos) item = static_cast<int>(i);
        }
        REQUIRE(item >= 0);
        CHECK(out["nav"]["items"][item]["screen"] == c.source);   // on the tab that lists them
        CHECK(summary.find(std::string("the number of ") + c.source) != std::string::npos);   // as people say it, not the expression
        // The count is live: the tab shows the number of rows, and one less after a row is gone.
        HeadlessDriver d(loadClean(out));
        d.settle();
        auto shows = [&](size_t n) {
            auto& texts = d.proto().texts();
            return std::count(texts.begin(), texts.end(), std::to_string(n)) > 0;
        };
        Json rows = d.proto().state()[c.source];
        REQUIRE(rows.size() > 1);
        CHECK(shows(rows.size()));
        rows.erase(rows.begin());
        REQUIRE(d.proto().setPath(c.source, rows));
        d.settle();
        CHECK(shows(rows.size()));
    }
}

TEST_CASE("offline refine: managers approve or reject a row from its detail screen", "[refiner][offline][approvals]") {
    struct Case { const char* idea; const char* request; const char* source; };
    const Case cases[] = {
        {"A time-off app for leave requests with employee, dates and reason", "Managers need to approve time-off requests before they show on the team calendar.", "requests"},
        {"A court calendar app for hearings with judge, date and courtroom", "Let clerks approve or reject hearings", "hearings"},
        {"A seed library lending app for loans with borrower, seed and due date", "let managers approve or reject loans", "loans"}};
    for (auto& c : cases) {
        Json doc = draftSpec(c.idea);
        std::string summary;
        Json out = refined(doc, c.request, &summary);
        INFO(c.idea << " -> " << summary);
        std::string approve = idWith(out, "approve"), reject = idWith(out, "reject");
        REQUIRE_FALSE(approve.empty());
        REQUIRE_FALSE(reject.empty());
        std::string owner, source = c.source;
        forEachNode(out, [&](const NodeSite& s) { if (s.node->value("id", std::string()) == approve) owner = s.owner; return owner.empty(); });
        HeadlessDriver d(loadClean(out));
        const Json first = d.proto().state()[source][0];
        d.proto().navigate(owner.substr(9), Json{{"id", first["id"]}});
        d.settle();
        std::string error;
        REQUIRE(d.click(approve, &error));
        d.settle();
        CHECK(d.proto().state()[source][0]["status"] == "Approved");
        CHECK(toastSays(d, "was approved"));
        d.proto().navigate(owner.substr(9), Json{{"id", d.proto().state()[source][1]["id"]}});
        d.settle();
        REQUIRE(d.click(reject, &error));
        d.settle();
        CHECK(d.proto().state()[source][1]["status"] == "Rejected");
    }
}

TEST_CASE("offline refine: a new column or form field gives the saved rows believable values", "[refiner][offline][columns]") {
    struct Case { const char* idea; const char* request; const char* source; const char* key; };
    const Case cases[] = {
        {"A seed library lending app for loans with borrower, seed and due date", "Add a column for the return date to the loans list", "loans", "returnDate"},
        {"A sailing regatta app for races with boat, skipper and finish time", "add a wind speed column to the regattas list", "races", "windSpeed"},
        {"An escape-room booking app for bookings with room, group size and date", "Add a column for the deposit to the escape room bookings list", "escapeRoomBookings", "deposit"}};
    for (auto& c : cases) {
        Json doc = draftSpec(c.idea);
        std::string summary;
        Json out = refined(doc, c.request, &summary);
        INFO(c.idea << " -> " << summary);
        REQUIRE(out["state"][c.source].is_array());
        for (auto& row : out["state"][c.source]) {
            REQUIRE(row.contains(c.key));
            CHECK_FALSE(row[c.key].is_null());
            CHECK(row[c.key] != "");
        }
        // The list shows each row's value.
        const std::string list = c.source;
        HeadlessDriver d(loadClean(out));
        d.proto().navigate(list);
        d.settle();
        const Json first = d.proto().state()[c.source][0][c.key];
        std::string value = first.is_string() ? first.get<std::string>() : first.dump();
        // A date reads as one ("2026-05-14" -> "May 14").
        static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        const bool date = std::regex_match(value, std::regex(R"(\d{4}-\d\d-\d\d)"));
        if (date) value = std::string(months[std::stoi(value.substr(5, 2)) - 1]) + " " + std::to_string(std::stoi(value.substr(8, 2)));
        const std::string probe = date ? value : value.substr(0, 4);
        bool shown = false;
        for (auto& t : d.proto().texts()) shown = shown || (!probe.empty() && t.find(probe) != std::string::npos);
        CHECK(shown);
    }
    // A field added to the form is saved with new rows, and the rows already saved have it too.
    Json doc = draftSpec("A bike repair shop app for repairs with customer, bike and price");
    Json out = refined(doc, "Add a notes field to the new repair form");
    for (auto& row : out["state"]["repairs"]) CHECK(row.contains("notes"));
    // A time field or picker offers the times of a day, and the rows get one each; a dropdown of nothing says so.
    for (const char* request : {"add a pickup time field to the new repair form", "Add a pickup time picker to the new repair form"}) {
        INFO(request);
        Json timed = refined(doc, request);
        const Json* picker = nullptr;
        forEachNode(timed, [&](const NodeSite& s) {
            if (s.type == "select" && s.node->value("select", std::string()) == "Pickup time") picker = s.node;
            return !picker;
        });
        REQUIRE(picker);
        CHECK((*picker)["options"].size() >= 6);
        CHECK((*picker)["options"][0] == "07:00");
        for (auto& row : timed["state"]["repairs"]) CHECK(std::regex_match(row["pickupTime"].get<std::string>(), std::regex(R"(\d\d:\d\d)")));
    }
    CHECK(offlineRefinement(doc, "add a country dropdown to the new repair form", "").value("unsupported", "").find("invent the choices") != std::string::npos);
}

TEST_CASE("offline refine: a value asked to go to the top that the screen lacks is added there", "[refiner][offline][move]") {
    Json doc = draftSpec("A catering app for catering quotes");
    std::string summary;
    Json out = refined(doc, "On the catering quote, put the total at the top in bold instead of burying it at the bottom.", &summary);
    INFO(summary);
    CHECK(summary.find("Added a Total") != std::string::npos);
    for (const Json& row : out["state"]["quotes"]) CHECK(row["total"].is_number());
    const Json& first = out["screens"]["quote"]["body"]["col"][0];
    CHECK(first["style"] == "strong");
    HeadlessDriver d(loadClean(out));
    d.proto().navigate("quote", Json{{"id", out["state"]["quotes"][0]["id"]}});
    d.settle();
    const auto texts = d.proto().texts();
    CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& t) { return t.rfind("Total: $", 0) == 0; }));
    // Asked again, it is there: nothing is added twice.
    Json again = offlineRefinement(out, "put the total at the top of the quote", "");
    INFO(again.dump());
    CHECK(again["edits"].empty());
    CHECK(again["summary"].get<std::string>().find("already") != std::string::npos);
}

TEST_CASE("offline refine: 'the stats' move together, and 'on the home screen' names where, not the tabs", "[refiner][offline][move]") {
    const Json doc = draftSpec("a beekeeping log: hives with their queen, the last inspection date and honey frames");
    const std::string start = doc["nav"]["start"].get<std::string>();
    const Json& body = doc["screens"][start]["body"];
    size_t grid = body.size(), list = body.size();
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i].contains("grid") && grid == body.size()) grid = i;
        if (body[i].dump().find("\"repeat\"") != std::string::npos && list == body.size()) list = i;
    }
    REQUIRE(grid < body.size());
    REQUIRE(list < body.size());
    std::string summary;
    const std::string request = list < grid ? "move the stats above the list on the home screen" : "move the stats below the list on the home screen";
    Json out = refined(doc, request, &summary);
    INFO(summary);
    CHECK(summary.find("Moved the stats") != std::string::npos);
    CHECK(out["nav"] == doc["nav"]);   // the tabs stay as they were
    const Json& moved = out["screens"][start]["body"];
    REQUIRE(moved.size() == body.size());
    size_t gridNow = moved.size();
    for (size_t i = 0; i < moved.size(); ++i)
        if (moved[i] == body[grid]) gridNow = i;
    REQUIRE(gridNow < moved.size());   // the whole grid, all its stats
    CHECK((list < grid ? gridNow < list + 1 : gridNow > list - 1));
}

TEST_CASE("offline refine: a badge on a tab 'with how many' rows, and a field whose listed values are a choice shown in the list", "[refiner][offline][lists]") {
    const Json doc = draftSpec("A seed library where members borrow seed packets with a variety name and a sowing month");
    REQUIRE(doc["state"].contains("seedPackets"));
    Json badged = refined(doc, "Show a badge on the Seed packets tab with how many seed packets there are.");
    bool badge = false;
    for (const Json& item : badged["nav"]["items"])
        badge = badge || (item.is_object() && item.value("badge", std::string()).find("count(") != std::string::npos &&
                          item.value("badge", std::string()).find("seedPackets") != std::string::npos);
    CHECK(badge);
    // "Harvesting" is one of the values, not a request to do anything; the role reaches the form, the rows and the list.
    Json roled = refined(doc, "Add a Source field to the new seed packet form - Donated, Harvesting or Bought - and show the source in the list.");
    const std::string select = idWith(roled, "source");
    REQUIRE_FALSE(select.empty());
    for (const Json& row : roled["state"]["seedPackets"]) CHECK((row["source"] == "Donated" || row["source"] == "Harvesting" || row["source"] == "Bought"));
    CHECK(roled["screens"]["seedPackets"].dump().find("x.source") != std::string::npos);
    HeadlessDriver d(loadClean(roled));
    d.proto().navigate("newSeedPacket");
    d.settle();
    std::string error;
    CHECK(d.click(select, &error));
}

TEST_CASE("offline refine: filter chips by values no field has yet, on the list of every row", "[refiner][offline][lists]") {
    const Json doc = draftSpec("A ferry timetable where staff add sailings with a departure time and a vessel");
    REQUIRE(doc["state"].contains("sailings"));
    std::string summary;
    Json out = refined(doc, "Can we add filter chips on the sailings list so passengers can filter by Morning, Afternoon and Evening departures?", &summary);
    INFO(summary);
    REQUIRE(out["screens"]["sailings"].dump().find("\"chips\"") != std::string::npos);
    HeadlessDriver d(loadClean(out));
    d.proto().navigate("sailings");
    d.settle();
    const size_t all = out["state"]["sailings"].size();
    std::string error;
    REQUIRE(d.click("Evening", &error));
    d.settle();
    size_t evening = 0;
    for (const Json& s : d.proto().state()["sailings"]) evening += s["departure"] == "Evening";
    CHECK(evening > 0);
    CHECK(evening < all);
}

TEST_CASE("offline refine: a confirmation before an action that deletes nothing asks first and then does it", "[refiner][offline][confirm]") {
    const Json doc = draftSpec("A ferry timetable where staff add sailings with a departure time and a vessel");
    std::string signOut;
    forEachNode(doc, [&](const NodeSite& s) { if (s.node->value("button", std::string()) == "Sign out") signOut = s.node->value("id", std::string()); return signOut.empty(); });
    REQUIRE_FALSE(signOut.empty());
    Json out = refined(doc, "Ask for confirmation before signing out.");
    HeadlessDriver d(loadClean(out));
    d.proto().navigate("settings");
    d.settle();
    std::string error;
    REQUIRE(d.click(signOut, &error));
    d.settle();
    REQUIRE(d.proto().overlays().size() == 1);
    CHECK(d.proto().toasts().empty());
    REQUIRE(d.click("Sign out", &error));  // the dialog's own button, on top
    d.settle();
    CHECK(d.proto().overlays().empty());
    CHECK(toastSays(d, "Signed out"));
}

TEST_CASE("offline refine: a step before another is where every way into that step now goes first", "[refiner][offline][forms]") {
    const Json doc = draftSpec("A piano teacher's studio where parents book lessons for their children");
    REQUIRE(doc["screens"].contains("book"));
    std::string summary;
    Json out = refined(doc, "In the booking flow, add a step where the parent picks the piece before choosing a time.", &summary);
    INFO(summary);
    REQUIRE(out["screens"].contains("pieceStep"));
    std::string opener, owner;  // a control elsewhere that opened the booking screen
    forEachNode(doc, [&](const NodeSite& s) {
        const bool opens = s.node->value("go", std::string()) == "book" || (s.node->contains("press") && (*s.node)["press"].dump().find("\"navigate\":\"book\"") != std::string::npos);
        if (opens && s.owner != "/screens/book" && s.owner.rfind("/screens/", 0) == 0 && s.node->contains("id")) opener = (*s.node)["id"], owner = s.owner.substr(9);
        return opener.empty();
    });
    REQUIRE_FALSE(opener.empty());
    HeadlessDriver d(loadClean(out));
    d.proto().navigate(owner, Json{{"id", 1}});
    d.settle();
    std::string error;
    REQUIRE(d.click(opener, &error));
    d.settle();
    REQUIRE(d.proto().currentScreen() == "pieceStep");
    REQUIRE(d.type(idWith(out, "piece"), "Clair de lune", &error));
    REQUIRE(d.click("pieceStepDone", &error));
    d.settle();
    CHECK(d.proto().currentScreen() == "book");
    CHECK(d.proto().state()["piece"]["piece"] == "Clair de lune");
}

TEST_CASE("offline refine: a compound lands the parts it can and names the one it cannot, a place and an order carry over", "[refiner][offline][generalize]") {
    const Json doc = draftSpec("A bakery order book where staff add cake orders with a customer name, a pickup date and a price");
    REQUIRE(doc["state"].contains("cakeOrders"));
    // The place named by the first part is the second's too ("and a Flavour field with ...").
    Json fields = refined(doc, "Add an Inscription field to cake orders, and a Flavour field with the options Vanilla, Lemon and Chocolate.");
    for (const Json& row : fields["state"]["cakeOrders"]) {
        CHECK(row.contains("inscription"));
        CHECK((row["flavour"] == "Vanilla" || row["flavour"] == "Lemon" || row["flavour"] == "Chocolate"));
    }
    // A part it cannot do is named; the part it can do still lands.
    std::string summary;
    Json sorted = refined(doc, "Sort the cake orders by price, lowest first, and add a teleport button to the home screen.", &summary);
    CHECK(summary.find("Not done") != std::string::npos);
    CHECK(summary.find("teleport") != std::string::npos);
    CHECK(sorted["screens"]["home"].dump().find("eleport") == std::string::npos);
    // Asked in a given order, the list opens in that order.
    HeadlessDriver d(loadClean(sorted));
    d.proto().navigate("cakeOrders");
    d.settle();
    const Json& orders = d.proto().state()["cakeOrders"];
    double lowest = 1e9;
    std::string first;
    for (const Json& o : orders)
        if (o["price"].get<double>() < lowest) lowest = o["price"].get<double>(), first = o["customerName"].get<std::string>();
    REQUIRE(first != orders[0]["customerName"]);  // the order it was in is not already that one
    std::string texts;
    for (const std::string& t : d.proto().texts()) texts += t + "\n";
    const size_t at = texts.find(first + "\n");
    REQUIRE(at != std::string::npos);
    for (const Json& o : orders)
        if (o["customerName"] != first) CHECK(texts.find(o["customerName"].get<std::string>() + "\n") > at);
    // "everywhere" says where to rename, not what to.
    Json renamed = refined(doc, "Rename Cake orders to Commissions everywhere.");
    CHECK(renamed.dump().find("everywhere") == std::string::npos);
    CHECK(renamed.dump().find("Commissions") != std::string::npos);
}

TEST_CASE("offline refine: a badge counting rows in a state counts those, and follows a button that puts a row in it", "[refiner][offline][badge]") {
    const Json doc = draftSpec("A dog grooming salon where groomers add appointments with a dog name and a time, and can cancel an appointment");
    REQUIRE(doc["state"].contains("appointments"));
    Json out = refined(doc, "Add a badge on the Appointments tab showing how many appointments are cancelled.");
    std::string badge;
    for (const Json& item : out["nav"]["items"])
        if (item.is_object() && item.value("screen", "") == "appointments") badge = item.value("badge", "");
    REQUIRE_FALSE(badge.empty());
    // Not every appointment: the ones a flag marks, the flag the Cancel button sets.
    const size_t flagAt = badge.find("y.");
    const size_t flagEnd = badge.find(" == true");
    REQUIRE(flagAt != std::string::npos);
    REQUIRE(flagEnd != std::string::npos);
    const std::string flag = badge.substr(flagAt + 2, flagEnd - flagAt - 2);
    HeadlessDriver d(loadClean(out));
    d.proto().navigate("appointment", Json{{"id", 1}});
    d.settle();
    CHECK_FALSE(d.proto().state()["appointments"][0].value(flag, false));
    std::string error;
    REQUIRE(d.click("Cancel", &error));
    d.settle();
    CHECK(d.proto().state()["appointments"][0].value(flag, false));
}

TEST_CASE("offline refine: a confirmation before cancelling finds the button whose label changes with the row", "[refiner][offline][confirm]") {
    const Json doc = draftSpec("A dog grooming salon where groomers add appointments with a dog name and a time, and can cancel an appointment");
    std::string summary;
    Json out = refined(doc, "Ask for confirmation before cancelling an appointment.", &summary);
    INFO(summary);
    CHECK(summary.find("Keep it") != std::string::npos);  // the dialog's own way out is not a second "Cancel"
    HeadlessDriver d(loadClean(out));
    d.proto().navigate("appointment", Json{{"id", 1}});
    d.settle();
    const auto cancelled = [&] {
        for (auto& [key, value] : d.proto().state()["appointments"][0].items())
            if (key.rfind("cancel", 0) == 0 && value == true) return true;
        return false;
    };
    std::string error;
    REQUIRE(d.click("Cancel", &error));
    d.settle();
    REQUIRE(d.click("Keep it", &error));
    d.settle();
    CHECK_FALSE(cancelled());
    REQUIRE(d.click("Cancel", &error));
    d.settle();
    REQUIRE(d.click("cancelActionConfirmed", &error));
    d.settle();
    CHECK(cancelled());
}

TEST_CASE("offline refine: common change requests on a sample, as people type them", "[refiner][offline][generalize]") {
    const Json habits = Json::parse(sampleText("habit_tracker.json"));
    std::string summary;

    // The background, even with a shade word between it and the colour.
    Json navy = refined(habits, "make the background dark navy", &summary);
    CHECK(navy["theme"].value("background", std::string()) == "navy");
    CHECK(navy["theme"]["brand"] == habits["theme"]["brand"]);

    // "the delete button" names a button: it is recoloured, not removed.
    Json red = refined(habits, "make the delete button red", &summary);
    CHECK(red.dump().find("\"danger\"") != std::string::npos);
    CHECK(red.dump().find("Delete habit") != std::string::npos);

    // The app's name, wherever it shows; the rows' words are left alone.
    Json named = refined(habits, "change the app name to Tiny Steps", &summary);
    CHECK(named["meta"]["name"] == "Tiny Steps");
    CHECK(named.dump().find("day streak") != std::string::npos);
    CHECK(offlineRefinement(habits, "rename the app to something shorter", "").contains("unsupported"));

    // Hiding what a row's second line says drops that part of the line, not the row.
    Json hidden = refined(habits, "hide the streak counts", &summary);
    const std::string rowLine = hidden["screens"]["today"]["body"][1]["list"][0].value("subtitle", std::string());
    CHECK(rowLine.find("day streak") == std::string::npos);
    CHECK(rowLine.find("${h.goal}") != std::string::npos);
    CHECK_FALSE(hidden["screens"]["today"]["body"][1]["list"][0].contains("visible"));

    // A value for every row, with no control word: a field on the form and on each row.
    Json category = refined(habits, "add a category to each habit", &summary);
    for (auto& row : category["state"]["habits"]) CHECK(row.contains("category"));

    // A step in the form's flow, named after "to", asking for two things: the form goes through it and saves both.
    Json step = refined(habits, "add a step to the new habit form asking for a start date and a reminder time", &summary);
    INFO(summary);
    auto dDriver = openAt(step, "newHabit");
    HeadlessDriver& d = *dDriver;
    std::string error;
    REQUIRE(d.type("habitName", "Stretch", &error));
    REQUIRE(d.click("saveHabit", &error));
    d.settle();
    const std::string stepScreen = d.proto().currentScreen();
    CHECK(stepScreen != "newHabit");
    CHECK(d.proto().state()["habits"].size() == habits["state"]["habits"].size());
    REQUIRE(d.click(idWith(step, "StepDone"), &error));
    d.settle();
    CHECK(d.proto().state()["habits"].size() == habits["state"]["habits"].size() + 1);
    CHECK(d.proto().state()["habits"].back().contains("startDate"));
    CHECK(d.proto().state()["habits"].back().contains("reminderTime"));
    CHECK(d.proto().currentScreen() == "today");
    // A step asking for what the form already asks takes that input over: the form no longer has it, the step does.
    Json moved = refined(habits, "add a step to the new habit flow asking how often", &summary);
    CHECK(moved["screens"]["newHabit"].dump().find("habitDays") == std::string::npos);
    CHECK(moved["screens"]["howOftenStep"].dump().find("habitDays") != std::string::npos);

    // A message after an action: a quoted one replaces the button's own, and shows when it is pressed.
    Json toast = refined(habits, "show a 'Nice one!' message after saving a habit", &summary);
    auto tDriver = openAt(toast, "newHabit");
    HeadlessDriver& t = *tDriver;
    REQUIRE(t.type("habitName", "Stretch", &error));
    REQUIRE(t.click("saveHabit", &error));
    t.settle();
    CHECK(toastSays(t, "Nice one!"));

    // An empty state for a list without one: a message and the way to add the first row.
    Json bare = habits;
    bare["screens"]["today"]["body"][1]["list"][0]["repeat"].erase("empty");
    Json empty = refined(bare, "show an empty state when there are no habits", &summary);
    CHECK(empty["screens"]["today"]["body"][1]["list"][0]["repeat"]["empty"]["go"] == "newHabit");
    CHECK(offlineRefinement(habits, "show an empty state when there are no habits", "").contains("already"));
}

TEST_CASE("offline refine: a message after an action the button does not say yet is added where the work is done", "[refiner][offline][forms]") {
    const Json hives = draftSpec("a beekeeping log: hives with their queen, the last inspection date and honey frames");
    // Without a quoted text the message names what was done; a button already saying something is left as it is.
    Json answer = offlineRefinement(hives, "show a toast after deleting a hive", "");
    std::string summary = answer.value("summary", answer.value("already", std::string()));
    INFO(summary);
    CHECK((summary.find("deleted") != std::string::npos || summary.find("already shows") != std::string::npos));
    Json bare = Json::parse(sampleText("habit_tracker.json"));
    bare["screens"]["reminders"]["body"][3]["press"] = Json{{"set", "reminders.on"}, {"value", true}};
    Json toast = refined(bare, "show a toast when they send a test reminder", &summary);
    auto dDriver = openAt(toast, "reminders");
    HeadlessDriver& d = *dDriver;
    std::string error;
    REQUIRE(d.click("testReminder", &error));
    d.settle();
    CHECK(toastSays(d, "Test reminder sent"));
}

TEST_CASE("offline refine: screens before and beside the app, tabs swapped, a sign-out, a dropdown's name and an export asked with 'let'", "[refiner][offline][generalize]") {
    const Json court = draftSpec("a court calendar where clerks schedule hearings with the judge, the case number and the courtroom");
    const std::string start = court["nav"]["start"].get<std::string>();
    std::string summary, error;

    // A sign-in screen comes first and goes on to where the app started.
    Json login = refined(court, "add a login screen", &summary);
    CHECK(login["nav"]["start"] == "login");
    HeadlessDriver d(loadClean(login));
    d.settle();
    CHECK(d.proto().currentScreen() == "login");
    REQUIRE(d.type("password", "abcd", &error));
    REQUIRE(d.click("signIn", &error));
    d.wait(1500);
    d.settle();
    CHECK(d.proto().currentScreen() == start);

    // Help and About are opened from Settings, not from a fifth tab; Help answers with this app's own names.
    Json help = refined(court, "add a help screen with frequently asked questions", &summary);
    CHECK(help["screens"]["settings"].dump().find("\"go\":\"help\"") != std::string::npos);
    CHECK(help["nav"]["items"].size() == court["nav"]["items"].size());
    CHECK(help["screens"]["help"].dump().find("hearing") != std::string::npos);
    Json about = refined(court, "add an about page", &summary);
    CHECK(about["screens"]["about"].dump().find(court["meta"]["name"].get<std::string>()) != std::string::npos);

    // A calendar of the rows by their date, on a tab before Settings; an app whose rows have no dates is told so.
    const Json hives = draftSpec("a beekeeping log: hives with their queen, the last inspection date and honey frames");
    Json calendar = refined(hives, "add a calendar screen", &summary);
    CHECK(calendar["screens"]["calendar"].dump().find("lastInspectionDate") != std::string::npos);
    CHECK(calendar["nav"]["items"].back()["screen"] == "settings");
    const Json calendarAnswer = offlineRefinement(Json::parse(sampleText("habit_tracker.json")), "add a calendar", "");
    REQUIRE(calendarAnswer.contains("unsupported"));
    CHECK(calendarAnswer["unsupported"].get<std::string>().find("with dates") != std::string::npos);

    // Two tabs trade places.
    Json swapped = refined(court, "swap the home and hearings tabs", &summary);
    CHECK(swapped["nav"]["items"][0]["screen"] == court["nav"]["items"][1]["screen"]);
    CHECK(swapped["nav"]["items"][1]["screen"] == court["nav"]["items"][0]["screen"]);

    // A dropdown is named by what it is for, not by what it offers.
    Json priority = refined(court, "add a dropdown for priority with Low, Medium and High to the new hearing form", &summary);
    const std::string form = priority["screens"]["newHearing"].dump();
    CHECK(form.find("\"select\":\"Priority\"") != std::string::npos);
    CHECK(form.find("\"Medium\"") != std::string::npos);

    // "let clerks export the hearings list": the button goes on the list it exports.
    Json exported = refined(court, "let clerks export the hearings list as PDF", &summary);
    CHECK(exported["screens"]["hearings"].dump().find("Export PDF") != std::string::npos);

    // A sign-out where there is none; none added where there is one.
    const Json habits = Json::parse(sampleText("habit_tracker.json"));
    Json out = refined(habits, "add a logout button", &summary);
    CHECK(out.dump().find("Sign out") != std::string::npos);
    CHECK(offlineRefinement(court, "add a logout button", "").contains("already"));
}

TEST_CASE("offline refine: a chart of rows per week is added where asked, each bar the rows dated in that week", "[refiner][offline][charts]") {
    Json court = draftSpec("a court calendar where clerks schedule hearings with the judge, the case number and the date");
    std::string summary;
    Json out = refined(court, "add a chart of hearings per week on the home screen", &summary);
    INFO(summary);
    const std::string home = out["nav"]["start"].get<std::string>();
    const Json* chart = nullptr;
    forEachNode(out, [&](const NodeSite& s) {
        if (s.type == "bar_chart" && s.owner == "/screens/" + home && s.node->dump().find(".date == day") != std::string::npos) chart = s.node;
        return !chart;
    });
    REQUIRE(chart);
    CHECK(summary.find("per week") != std::string::npos);
    // Evaluated on a clock: the last bar is the rows of the last seven days, each bar before it the seven days before.
    const int64_t today = daysFromCivil(2026, 5, 20);
    Json state = out["state"];
    const std::string dates[] = {"2026-05-20", "2026-05-14", "2026-05-13", "2026-05-01"};
    for (size_t i = 0; i < state["hearings"].size(); ++i) state["hearings"][i]["date"] = dates[std::min<size_t>(i, 3)];
    Template points;
    REQUIRE(points.compile((*chart)["bar_chart"]));
    Scope scope(&state);
    EvalEnv env;
    env.now = static_cast<double>(today) * 86400 + 9 * 3600;
    const Json bars = points.eval(scope, env);
    REQUIRE(bars.size() >= 4);
    const size_t n = bars.size();
    CHECK(bars[n - 1] == 2);                               // May 20 and May 14
    CHECK(bars[n - 2] == 1);                               // May 13
    CHECK(bars[n - 3] == state["hearings"].size() - 3);    // May 1
    // Rows without dates cannot be charted over time: said plainly.
    for (auto& row : court["state"]["hearings"]) row.erase("date");
    CHECK(offlineRefinement(court, "add a chart of hearings per week", "").value("unsupported", "").find("no dates") != std::string::npos);
}

TEST_CASE("offline refine: a chart of rows per value of a field counts them live, above their list", "[refiner][offline][charts]") {
    const Json court = draftSpec("a court calendar where clerks schedule hearings with the judge, the case number and the courtroom");
    std::string summary;
    Json out = refined(court, "add a chart of hearings per courtroom", &summary);
    INFO(summary);
    const Json* chart = nullptr;
    forEachNode(out, [&](const NodeSite& s) {
        if (s.type == "bar_chart") chart = s.node;
        return !chart;
    });
    REQUIRE(chart);
    // One bar per courtroom the rows have, each the number of hearings there.
    std::map<std::string, int> rooms;
    for (auto& row : court["state"]["hearings"]) ++rooms[row["courtroom"].get<std::string>()];
    REQUIRE((*chart)["labels"].size() == rooms.size());
    Template points;
    REQUIRE(points.compile((*chart)["bar_chart"]));
    const Json state = out["state"];
    Scope scope(&state);
    EvalEnv env;
    const Json bars = points.eval(scope, env);
    REQUIRE(bars.size() == rooms.size());
    for (size_t i = 0; i < bars.size(); ++i) CHECK(bars[i].get<int>() == rooms[(*chart)["labels"][i].get<std::string>()]);
    // A pie is a donut; a field the rows do not have is said plainly.
    CHECK(refined(court, "add a pie chart of hearings by judge").dump().find("\"donut\"") != std::string::npos);
    CHECK(offlineRefinement(court, "add a chart of hearings by weather", "").contains("unsupported"));
}

TEST_CASE("offline refine: a list shown as cards keeps what its rows show and do", "[refiner][offline][lists]") {
    const Json court = draftSpec("a court calendar where clerks schedule hearings with the judge, the case number and the courtroom");
    std::string summary, error;
    Json cards = refined(court, "show hearings as cards instead of a list", &summary);
    INFO(summary);
    const std::string screen = cards["screens"]["hearings"].dump();
    CHECK(screen.find("\"grid\"") != std::string::npos);
    CHECK(screen.find("\"item\"") == std::string::npos);
    // Each card still opens its hearing, and the search above still filters the cards.
    auto dDriver = openAt(cards, "hearings");
    HeadlessDriver& d = *dDriver;
    const std::string first = court["state"]["hearings"][0]["caseNumber"].get<std::string>();
    REQUIRE(d.click(first, &error));
    d.settle();
    CHECK(d.proto().currentScreen() == "hearing");
    // A habit's card keeps its check mark, and pressing it still marks the habit done today.
    const Json habits = Json::parse(sampleText("habit_tracker.json"));
    Json habitCards = refined(habits, "show habits as cards", &summary);
    CHECK(habitCards["screens"]["today"].dump().find("check-circle") != std::string::npos);
    HeadlessDriver h(loadClean(habitCards));
    h.settle();
    const size_t before = h.proto().state()["habits"][0]["done"].size();
    REQUIRE(h.click("Morning run", &error));
    h.settle();
    CHECK(h.proto().state()["habits"][0]["done"].size() == before + 1);
}

TEST_CASE("offline refine: a date filter groups the rows by where their date is from today", "[refiner][offline][lists]") {
    const Json court = draftSpec("a court calendar where clerks schedule hearings with the judge, the case number and the courtroom");
    std::string summary, error;
    Json out = refined(court, "add a date filter to the hearings list", &summary);
    INFO(summary);
    auto dDriver = openAt(out, "hearings");
    HeadlessDriver& d = *dDriver;
    // Each chip leaves the hearings whose date is today, after today or before it; the three together are all.
    size_t total = 0;
    for (const char* chip : {"Today", "Upcoming", "Past"}) {
        REQUIRE(d.click(chip, &error));
        d.settle();
        size_t shown = 0;
        const auto& texts = d.proto().texts();
        for (auto& row : court["state"]["hearings"]) shown += std::count(texts.begin(), texts.end(), row["caseNumber"].get<std::string>()) > 0 ? 1 : 0;
        CHECK(shown > 0);
        total += shown;
    }
    CHECK(total == court["state"]["hearings"].size());
}
