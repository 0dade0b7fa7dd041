// Scripted driving targets what a person would: labels resolve in the topmost overlay first, then the screen, then
// the app chrome; ties are named; controls scrolled away or not drawn yet are reached; date fields take typed dates
// and open date pickers take `pick`. Real ImGui frames with injected input (HeadlessDriver).
#include "meeting/step_runner.h"
#include "runtime/engine/targets.h"
#include "runtime/headless/headless.h"
#include "runtime/spec/dates.h"
#include "test_files.h"
#include "test_specs.h"
#include <catch2/catch.hpp>

using namespace pt;
using pt::test::compile;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A list of `count` pressable items titled "Item 0".."Item N-1"; pressing one records its title in `picked`.
std::string listItems(int count) {
    std::string items;
    for (int i = 0; i < count; ++i) items += std::string(i ? ", " : "") + "\"Item " + std::to_string(i) + "\"";
    return R"({"list": [{"item": "${it}", "repeat": {"in": "${items}", "as": "it"}, "on": {"press": {"set": "picked", "value": "${it}"}}}]})";
}

std::string itemsState(int count) {
    std::string items;
    for (int i = 0; i < count; ++i) items += std::string(i ? ", " : "") + "\"Item " + std::to_string(i) + "\"";
    return R"("state": {"picked": "", "items": [)" + items + "]}";
}

} // namespace

//-----------------------------------------------------------------------------
// Layers: overlay, then screen, then chrome
//-----------------------------------------------------------------------------

TEST_CASE("a label resolves to the open dialog's button, not the one behind it", "[play][targets][overlays]") {
    HeadlessDriver d(compile(R"({"state": {"checkedIn": false, "opened": 0},
      "overlays": {"confirm": {"title": "Check in Ada?", "body": [{"text": "Room 12"}],
        "actions": [{"button": "Cancel", "variant": "ghost", "on": {"press": "close"}},
                    {"button": "Check in", "on": {"press": [{"set": "checkedIn", "value": true}, "close"]}}]}},
      "screens": {"home": {"body": [{"button": "Check in", "on": {"press": [{"inc": "opened"}, {"open": "confirm"}]}}]}}})"));
    d.settle();
    std::string error;
    REQUIRE(d.click("Check in", &error));
    REQUIRE(d.proto().overlays().size() == 1);
    REQUIRE(d.click("Check in", &error));  // the dialog's button: the one behind it is disabled and covered
    INFO(error);
    CHECK(d.proto().state()["checkedIn"] == true);
    CHECK(d.proto().state()["opened"] == 1);
    CHECK(d.proto().overlays().empty());
}

TEST_CASE("a label resolves inside an open dialog widget before the screen", "[play][targets][overlays]") {
    HeadlessDriver d(compile(R"({"state": {"ask": false, "saved": 0, "other": 0},
      "screens": {"home": {"body": [
        {"button": "Save", "on": {"press": {"set": "ask", "value": true}}},
        {"dialog": [{"text": "Save the draft?"}, {"button": "Save", "on": {"press": [{"inc": "saved"}, {"set": "ask", "value": false}]}}],
         "title": "Confirm", "open": "${ask}"},
        {"button": "Other", "on": {"press": {"inc": "other"}}}]}}})"));
    d.settle();
    std::string error;
    REQUIRE(d.click("Save", &error));
    REQUIRE(d.proto().state()["ask"] == true);
    d.settle();
    const Probe* save = d.find("Save");
    REQUIRE(save);
    CHECK(save->layer >= kOverlayLayer);
    REQUIRE(d.click("Save", &error));
    CHECK(d.proto().state()["saved"] == 1);
    CHECK(d.proto().state()["ask"] == false);
}

TEST_CASE("a label resolves to the screen's button before the tab bar", "[play][targets][navigation]") {
    HeadlessDriver d(compile(R"({"state": {"sent": 0},
      "nav": {"kind": "tabs", "items": [{"screen": "home", "label": "Home"}, {"screen": "transfer", "label": "Transfer"}]},
      "screens": {"home": {"title": "Home", "body": [{"button": "Transfer", "on": {"press": {"inc": "sent"}}}]},
                  "transfer": {"title": "Transfer", "body": [{"text": "Transfer screen"}]}}})"));
    d.settle();
    std::string error;
    REQUIRE(d.click("Transfer", &error));
    CHECK(d.proto().state()["sent"] == 1);
    CHECK(d.proto().currentScreen() == "home");
    REQUIRE(d.click("nav:transfer", &error));  // the tab stays reachable by its key
    CHECK(d.proto().currentScreen() == "transfer");
}

TEST_CASE("in-body navigation widgets are chrome too", "[play][targets][navigation]") {
    HeadlessDriver d(compile(R"({"state": {"sent": 0},
      "screens": {"home": {"body": [{"sidebar": [{"label": "Home", "screen": "home"}, {"label": "Transfer", "screen": "transfer"}]},
                                    {"button": "Transfer", "on": {"press": {"inc": "sent"}}}]},
                  "transfer": {"body": [{"text": "Transfer screen"}]}}})"));
    d.settle();
    std::string error;
    REQUIRE(d.click("Transfer", &error));
    CHECK(d.proto().state()["sent"] == 1);
    CHECK(d.proto().currentScreen() == "home");
}

TEST_CASE("equally good matches fail naming each candidate and how to pick one", "[play][targets]") {
    HeadlessDriver d(compile(R"({"state": {"a": 0, "b": 0},
      "screens": {"home": {"body": [{"button": "Delete", "id": "first", "on": {"press": {"inc": "a"}}},
                                    {"button": "Delete", "id": "second", "on": {"press": {"inc": "b"}}},
                                    {"button": "Archive", "enabled": false}, {"text": "Archive"}]}}})"));
    d.settle();
    std::string error;
    CHECK_FALSE(d.click("Delete", &error));
    CHECK(contains(error, "'Delete' matches 2 widgets equally"));
    CHECK(contains(error, "button 'Delete' #first"));
    CHECK(contains(error, "button 'Delete' #second"));
    CHECK(contains(error, "in the screen at ("));
    CHECK(contains(error, "by its key (or its id"));
    CHECK(d.proto().state()["a"] == 0);
    CHECK(d.proto().state()["b"] == 0);
    REQUIRE(d.click("second", &error));  // ids stay exact targets
    CHECK(d.proto().state()["b"] == 1);
    // A disabled control still beats plain text with the same label: the message says it is disabled.
    CHECK_FALSE(d.click("Archive", &error));
    CHECK(error == "'Archive' is disabled on screen 'home'");
}

TEST_CASE("a missing label lists the closest labels on screen", "[play][targets]") {
    HeadlessDriver d(compile(R"({"state": {"n": 0}, "screens": {"home": {"body": [
      {"button": "Add habit", "on": {"press": {"inc": "n"}}}, {"button": "Settings", "on": {"press": {"inc": "n"}}},
      {"input": "Habit name", "bind": "name"}]}}})"));
    d.settle();
    std::string error;
    CHECK_FALSE(d.click("Add habbit", &error));
    CHECK(contains(error, "no widget 'Add habbit' on screen 'home'; closest labels on screen: 'Add habit'"));
    const TargetMatch m = matchTarget(d.proto().probes(), "Habit");
    CHECK(m.probe == nullptr);
    REQUIRE(m.closest.size() == 3);
    CHECK(m.closest[0] == "Add habit");   // contains the target
    CHECK(m.closest[1] == "Habit name");
}

//-----------------------------------------------------------------------------
// Off-screen controls
//-----------------------------------------------------------------------------

TEST_CASE("the last row of a long selectable table is scrolled to and clicked", "[play][targets][scroll]") {
    std::string rows;
    for (int i = 0; i < 40; ++i) rows += std::string(i ? ", " : "") + R"({"name": "Row )" + std::to_string(i) + R"(", "n": )" + std::to_string(i) + "}";
    HeadlessDriver d(compile(R"({"state": {"picked": "", "rows": [)" + rows + R"(]},
      "screens": {"home": {"body": [{"table": "${rows}", "on": {"select": {"set": "picked", "value": "${event.item.name}"}}}]}}})"));
    d.settle();
    std::string error;
    REQUIRE(d.click("Row 39", &error));
    INFO(error);
    CHECK(d.proto().state()["picked"] == "Row 39");
    REQUIRE(d.click("Row 2", &error));  // and back up
    CHECK(d.proto().state()["picked"] == "Row 2");
}

TEST_CASE("an item at the end of a scroll box is scrolled to inside the box", "[play][targets][scroll]") {
    HeadlessDriver d(compile("{" + itemsState(40) + R"(, "screens": {"home": {"body": [{"scroll": [)" + listItems(40) + "]}]}}}"));
    d.settle();
    std::string error;
    REQUIRE(d.click("Item 39", &error));
    CHECK(d.proto().state()["picked"] == "Item 39");
}

TEST_CASE("a scroll box below the fold, not drawn yet, is found down the screen", "[play][targets][scroll]") {
    std::string filler;
    for (int i = 0; i < 40; ++i) filler += R"({"text": "Filler line )" + std::to_string(i) + R"("}, )";
    HeadlessDriver d(compile("{" + itemsState(30) + R"(, "screens": {"home": {"body": [)" + filler + R"({"scroll": [)" + listItems(30) + "]}]}}}"));
    d.settle();
    CHECK(d.find("Item 29") == nullptr);  // the box is below the fold: nothing in it is drawn
    std::string error;
    REQUIRE(d.click("Item 29", &error));
    INFO(error);
    CHECK(d.proto().state()["picked"] == "Item 29");
    CHECK_FALSE(d.click("Item 99", &error));
    CHECK(contains(error, "no widget 'Item 99' on screen 'home'"));
}

//-----------------------------------------------------------------------------
// Dates
//-----------------------------------------------------------------------------

namespace {

const char* kDates = R"({"meta": {"now": "2026-05-04T09:00"}, "state": {"task": {"due": ""}, "changes": 0},
  "screens": {"home": {"body": [{"date": "Due", "bind": "task.due", "on": {"change": {"inc": "changes"}}}, {"text": "Due: ${task.due}"},
                                {"date": "Start", "bind": "task.start"}]}}})";

} // namespace

TEST_CASE("people's ways of writing a date are read: impossible days are not", "[play][dates]") {
    int64_t day = 0;
    const int64_t may14 = daysFromCivil(2026, 5, 14);
    for (const char* text : {"2026-05-14", "May 14, 2026", "may 14 2026", "14 May 2026", "Thu, May 14, 2026", "Thursday May 14th, 2026", " May 14 "}) {
        INFO(text);
        REQUIRE(parseWrittenDate(text, 2026, &day));
        CHECK(day == may14);
    }
    CHECK(parseWrittenDate("Sept 1", 2027, &day));
    CHECK(day == daysFromCivil(2027, 9, 1));
    for (const char* text : {"", "2026-02-30", "2026-13-01", "2026-5-14", "tomorrow", "May", "14", "May 32, 2026", "Mai 14, 2026", "May 14, 2026, 3"})
        CHECK_FALSE(parseWrittenDate(text, 2026, &day));
}

TEST_CASE("typing a date into a date field sets the bound ISO date", "[play][dates]") {
    HeadlessDriver d(compile(kDates));
    d.settle();
    std::string error;
    REQUIRE(d.type("Due", "2026-05-14", &error));
    INFO(error);
    CHECK(d.proto().state()["task"]["due"] == "2026-05-14");
    CHECK(d.proto().state()["changes"] == 1);
    REQUIRE(d.type("Due", "Jan 3, 2027", &error));  // as the field shows dates; months are paged to
    CHECK(d.proto().state()["task"]["due"] == "2027-01-03");
    REQUIRE(d.type("Due", "Thu, May 14", &error));  // the field's own text for this year's dates
    CHECK(d.proto().state()["task"]["due"] == "2026-05-14");
    CHECK_FALSE(d.type("Due", "2026-02-30", &error));
    CHECK(error == "'2026-02-30' is not a date for Due: write it like 2026-05-14 or May 14, 2026");
    CHECK(d.proto().state()["task"]["due"] == "2026-05-14");
}

TEST_CASE("pick selects a day in the open date picker, or opens the field's", "[play][dates]") {
    pt::test::ScratchDir dir{"pick"};
    HeadlessDriver d(compile(kDates));
    Meeting meeting(d.proto(), dir.file("dates.json"));
    std::string error, said;
    REQUIRE(meeting.open(kDates, &error));
    StepRunner steps(d, meeting, nullptr);
    d.settle();
    CHECK_FALSE(steps.run("pick 2026-05-20", &error, &said));
    CHECK(contains(error, "no date picker is open"));
    REQUIRE(steps.run("click Due", &error, &said));
    REQUIRE(steps.run("pick May 20, 2026", &error, &said));
    INFO(error);
    CHECK(d.proto().state()["task"]["due"] == "2026-05-20");
    CHECK(d.proto().probes().end() == std::find_if(d.proto().probes().begin(), d.proto().probes().end(),
                                                   [](const Probe& p) { return p.layer >= kOverlayLayer; }));  // the picker closed
    REQUIRE(steps.run("pick Start 2025-12-24", &error, &said));  // a field by label: opened, months paged back
    CHECK(d.proto().state()["task"]["start"] == "2025-12-24");
    CHECK_FALSE(steps.run("pick Due someday", &error, &said));
    CHECK(contains(error, "'someday' is not a date for Due"));
}
