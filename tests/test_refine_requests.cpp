// Offline refine, naturally phrased change requests on the app they talk about: the eval's context draft (the
// request's things, not its change), screens named the way people name them ("directory", "record", "form"), and
// the form and flow changes (split a field, make one optional, a new step, an export button, move in bold). Each
// change is driven headlessly. The own-domain requests are in domains the dev corpus does not have.
#include "generator/offline/offline_drafter.h"
#include "test_specs.h"
#include "generator/offline/refine_context.h"
#include "generator/refiner.h"
#include "runtime/headless/headless.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>

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
        {"lighthouse tours", "Add a search box to the tours list.", true},
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
