// Headless interaction: real ImGui frames, injected mouse and keyboard, and what changed.
#include "runtime/headless/headless.h"
#include "runtime/spec/spec_loader.h"
#include "test_specs.h"
#include <catch2/catch.hpp>

using namespace pt;
using pt::test::compile;

namespace {

const char* kForm = R"({
  "state": {"form": {"email": "", "name": ""}, "count": 0, "agree": false, "sent": false},
  "screens": {
    "home": {"title": "Sign up", "body": [
      {"input": "Email", "id": "email", "bind": "form.email", "rules": {"required": "Enter your email", "email": "That is not an email"}},
      {"input": "Name", "bind": "form.name"},
      {"text": "Hello ${form.name}!", "id": "greeting", "visible": "${form.name != ''}"},
      {"checkbox": "I agree", "bind": "agree"},
      {"button": "Add one", "id": "add", "on": {"press": {"inc": "count"}}},
      {"text": "Count: ${count}"},
      {"button": "Hidden", "visible": false, "on": {"press": {"inc": "count"}}},
      {"button": "Disabled", "enabled": "${!agree}", "on": {"press": {"inc": "count"}}},
      {"button": "Continue", "id": "submit", "on": {"press": [{"validate": true}, {"set": "sent", "value": true}, {"navigate": "done"}]}}
    ]},
    "done": {"title": "Done", "body": [{"text": "Welcome, ${form.email}"}]}
  }})";

} // namespace

TEST_CASE("clicking a button by id or label runs its actions", "[headless]") {
    HeadlessDriver d(compile(kForm));
    d.settle();
    std::string error;
    REQUIRE(d.click("add", &error));
    CHECK(d.proto().state()["count"] == 1);
    REQUIRE(d.click("Add one", &error));
    REQUIRE(d.click("add one", &error));  // labels match case-insensitively as a fallback
    CHECK(d.proto().state()["count"] == 3);
    d.settle();
    auto& texts = d.proto().texts();
    CHECK(std::find(texts.begin(), texts.end(), "Count: 3") != texts.end());
}

TEST_CASE("typing into a bound input updates state and dependent text", "[headless][binding]") {
    HeadlessDriver d(compile(kForm));
    d.settle();
    std::string error;
    CHECK(d.find("greeting") == nullptr);
    REQUIRE(d.type("Name", "Ada", &error));
    d.settle();
    CHECK(d.proto().state()["form"]["name"] == "Ada");
    const Probe* greeting = d.find("Hello Ada!");
    auto& texts = d.proto().texts();
    CHECK((greeting || std::find(texts.begin(), texts.end(), "Hello Ada!") != texts.end()));
    REQUIRE(d.type("Name", "Grace", &error));  // typing again replaces, like retyping a field
    CHECK(d.proto().state()["form"]["name"] == "Grace");
}

TEST_CASE("two-way binding: a state change shows up in the field", "[headless][binding]") {
    HeadlessDriver d(compile(kForm));
    d.settle();
    d.proto().setPath("form.email", "set@by.action");
    d.settle();
    auto& texts = d.proto().texts();  // inputs record the value they show
    CHECK(std::find(texts.begin(), texts.end(), "set@by.action") != texts.end());
}

TEST_CASE("validate blocks the sequence and shows the message until fixed", "[headless][validation]") {
    HeadlessDriver d(compile(kForm));
    d.settle();
    std::string error;
    REQUIRE(d.click("submit", &error));
    d.settle();
    CHECK(d.proto().currentScreen() == "home");
    CHECK(d.proto().state()["sent"] == false);
    REQUIRE(d.proto().fieldErrors().size() == 1);
    CHECK(d.proto().fieldErrors().begin()->second == "Enter your email");
    auto& texts = d.proto().texts();
    CHECK(std::find(texts.begin(), texts.end(), "Enter your email") != texts.end());

    REQUIRE(d.type("email", "not-an-email", &error));
    REQUIRE(d.click("submit", &error));
    d.settle();
    CHECK(d.proto().fieldErrors().begin()->second == "That is not an email");

    REQUIRE(d.type("email", "ada@example.com", &error));
    REQUIRE(d.click("submit", &error));
    d.settle();
    CHECK(d.proto().currentScreen() == "done");
    CHECK(d.proto().state()["sent"] == true);
    auto& done = d.proto().texts();
    CHECK(std::find(done.begin(), done.end(), "Welcome, ada@example.com") != done.end());
}

TEST_CASE("missing, hidden and disabled targets are named in the error", "[headless]") {
    HeadlessDriver d(compile(kForm));
    d.settle();
    std::string error;
    CHECK_FALSE(d.click("Nope", &error));
    CHECK(error.rfind("no widget 'Nope' on screen 'home'; closest labels on screen: ", 0) == 0);
    CHECK_FALSE(d.click("Hidden", &error));
    CHECK(error.find("'Hidden'") != std::string::npos);
    REQUIRE(d.click("I agree", &error));
    CHECK(d.proto().state()["agree"] == true);
    CHECK_FALSE(d.click("Disabled", &error));
    CHECK(error == "'Disabled' is disabled on screen 'home'");
    CHECK(d.proto().state()["count"] == 0);
}

TEST_CASE("long screens scroll a target into view before clicking", "[headless]") {
    std::string spec = R"({"state": {"hits": 0}, "screens": {"home": {"body": [)";
    for (int i = 0; i < 60; ++i) spec += R"({"text": "Filler line )" + std::to_string(i) + R"("},)";
    spec += R"({"button": "Far away", "on": {"press": {"inc": "hits"}}}]}}})";
    HeadlessDriver d(compile(spec));
    d.settle();
    std::string error;
    REQUIRE(d.click("Far away", &error));
    CHECK(d.proto().state()["hits"] == 1);
}

TEST_CASE("tab bar and back arrow are clickable chrome", "[headless][navigation]") {
    HeadlessDriver d(compile(R"({"nav": {"kind": "tabs", "items": ["home", "stats"]},
      "screens": {"home": {"title": "Home", "body": [{"button": "Open detail", "go": "detail"}]},
                  "stats": {"title": "Stats", "body": []}, "detail": {"title": "Detail", "body": []}}})"));
    d.settle();
    std::string error;
    REQUIRE(d.click("Stats", &error));
    CHECK(d.proto().currentScreen() == "stats");
    REQUIRE(d.click("Home", &error));
    REQUIRE(d.click("Open detail", &error));
    CHECK(d.proto().currentScreen() == "detail");
    REQUIRE(d.click("Back", &error));
    CHECK(d.proto().currentScreen() == "home");
}

TEST_CASE("dialogs block the screen below until closed", "[headless][overlays]") {
    HeadlessDriver d(compile(R"({"state": {"n": 0},
      "overlays": {"ask": {"title": "Delete it?", "body": [{"text": "This cannot be undone."}],
                           "actions": [{"button": "Cancel", "variant": "ghost", "on": {"press": "close"}},
                                       {"button": "Delete", "variant": "danger", "on": {"press": [{"inc": "n"}, "close"]}}]}},
      "screens": {"home": {"body": [{"button": "Remove", "on": {"press": {"open": "ask"}}}, {"button": "Other", "on": {"press": {"inc": "n", "by": 10}}}]}}})"));
    d.settle();
    std::string error;
    REQUIRE(d.click("Remove", &error));
    REQUIRE(d.proto().overlays().size() == 1);
    CHECK_FALSE(d.click("Other", &error));  // disabled while the dialog is up
    REQUIRE(d.click("Delete", &error));
    CHECK(d.proto().overlays().empty());
    CHECK(d.proto().state()["n"] == 1);
}

TEST_CASE("a repeat over 100,000 items draws its limit and stays responsive", "[headless][bad-input]") {
    Json doc = Json::parse(R"({"screens": {"home": {"body": [{"text": "${item}", "repeat": {"in": "${items}", "limit": 200}}]}}})");
    Json items = Json::array();
    for (int i = 0; i < 100000; ++i) items.push_back("row " + std::to_string(i));
    doc["state"]["items"] = items;
    LoadResult r = SpecLoader::loadJson(doc);
    REQUIRE(r.spec);
    HeadlessDriver d(r.spec);
    d.settle();
    auto& texts = d.proto().texts();
    CHECK(texts.size() >= 200);
    CHECK(std::find(texts.begin(), texts.end(), "row 199") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "row 200") == texts.end());
}

TEST_CASE("screens render to non-blank images", "[headless][render]") {
    HeadlessDriver d(compile(kForm));
    d.settle();
    Image img = d.capture();
    CHECK(img.width == 390);
    CHECK(img.height == 844);
    CHECK(inkRatio(img) > 0.02);
}

TEST_CASE("a button that navigates to a nav item pushes it: its Cancel goes back: the tab bar switches roots", "[headless][navigation]") {
    // A form that is also a tab, as models write it: "New order" on the list opens it, Cancel must return.
    HeadlessDriver d(compile(R"({
      "meta": {"device": "phone"},
      "nav": {"kind": "tabs", "items": [{"screen": "orders", "label": "Orders"}, {"screen": "add", "label": "Add"}]},
      "screens": {
        "orders": {"title": "Orders", "body": [{"button": "New order", "go": "add"}]},
        "add": {"title": "New order", "body": [{"button": "Cancel", "press": "back"}]}}})"));
    d.settle();
    std::string error;
    REQUIRE(d.click("New order", &error));
    d.settle();
    CHECK(d.proto().currentScreen() == "add");
    REQUIRE(d.click("Cancel", &error));
    d.settle();
    CHECK(d.proto().currentScreen() == "orders");
    REQUIRE(d.click("nav:add", &error));  // the tab bar itself switches roots: nothing to go back to
    d.settle();
    CHECK(d.proto().currentScreen() == "add");
    CHECK_FALSE(d.proto().canGoBack());
}

TEST_CASE("open with params: the overlay's body reads them as params", "[headless][navigation]") {
    HeadlessDriver d(compile(R"({
      "state": {"guests": [{"name": "Ada"}, {"name": "Grace"}]},
      "overlays": {"checkIn": {"kind": "dialog", "title": "Check in ${guests[params.i].name}?",
        "actions": [{"button": "Done", "press": [{"toast": "${guests[params.i].name} is in"}, "close"]}]}},
      "screens": {"home": {"title": "Guests", "body": [
        {"button": "${g.name}", "repeat": {"in": "${guests}", "as": "g"}, "press": {"open": "checkIn", "params": {"i": "${index}"}}}]}}})"));
    d.settle();
    std::string error;
    REQUIRE(d.click("Grace", &error));
    d.settle();
    auto& texts = d.proto().texts();
    CHECK(std::find(texts.begin(), texts.end(), "Check in Grace?") != texts.end());
    REQUIRE(d.click("Done", &error));
    d.settle();
    REQUIRE_FALSE(d.proto().toasts().empty());
    CHECK(d.proto().toasts().back().first == "Grace is in");
}

TEST_CASE("segmented takes a label, drawn with its track like an input's", "[headless][widgets]") {
    HeadlessDriver d(compile(R"({"state": {"range": "Week"}, "screens": {"home": {"title": "Report", "body": [
      {"segmented": ["Day", "Week"], "label": "Period", "bind": "range"}]}}})"));
    d.settle();
    auto& texts = d.proto().texts();
    CHECK(std::find(texts.begin(), texts.end(), "Period") != texts.end());
    std::string error;
    REQUIRE(d.click("Day", &error));  // the track still takes clicks below its label
    CHECK(d.proto().state()["range"] == "Day");
}

TEST_CASE("a table column with tones draws its values as tinted pills in the tone's colour", "[headless][table]") {
    HeadlessDriver d(compile(R"({"theme": {"danger": "red"}, "state": {"rows": [{"bed": "Bed 1", "status": "Occupied"}, {"bed": "Bed 2", "status": "Unknown"}]},
      "screens": {"home": {"body": [{"table": "${rows}", "columns": ["bed", {"key": "status", "tones": {"Occupied": "danger"}}]}]}}})"));
    d.settle();
    const Image img = d.capture();
    const ImU32 danger = d.proto().theme().c.danger;
    // The pill's label is drawn in the tone: some pixel of the "Occupied" run is red; "Unknown" has no tone and no red.
    auto reddest = [&](const std::string& text) {
        int best = -255;
        for (const TextRun& r : d.proto().textRuns()) {
            if (r.text != text) continue;
            for (int x = (int)r.rect.Min.x; x < (int)r.rect.Max.x; ++x)
                for (int y = (int)r.rect.Min.y; y < (int)r.rect.Max.y; ++y) {
                    const unsigned char* p = &img.rgba[((size_t)y * img.width + (size_t)x) * 4];
                    best = std::max(best, (int)p[0] - std::max((int)p[1], (int)p[2]));
                }
        }
        return best;
    };
    CHECK(((danger >> IM_COL32_R_SHIFT) & 0xFF) > 150);
    CHECK(reddest("Occupied") > 80);
    CHECK(reddest("Unknown") < 30);
}

TEST_CASE("a table's yes/no cells read Yes and No, not true and false", "[headless][table]") {
    HeadlessDriver d(compile(R"({"state": {"rows": [{"hive": "North", "queenSeen": true}, {"hive": "South", "queenSeen": false}]},
      "screens": {"home": {"body": [{"table": "${rows}", "columns": ["hive", {"key": "queenSeen", "label": "Queen seen"}]}]}}})"));
    d.settle();
    const auto& texts = d.proto().texts();
    CHECK(std::find(texts.begin(), texts.end(), "Yes") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "No") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "true") == texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "false") == texts.end());
}
