// The layout contract (specs/FORMAT.md, Layout) kept by the app chrome widgets (widgets/chrome_widgets.cpp): one
// regression test per way the layout fuzzer (or a look at a screenshot) found them breaking it. Each lays a small
// spec out headless at phone size and asserts the layout checker finds nothing.

#include "runtime/headless/headless.h"
#include "runtime/headless/layout_check.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>

using namespace pt;

namespace {

const ImVec2 kPhone(390, 844);

// Every screen of the spec laid out at phone size; the spec stays alive with the layouts.
struct Laid {
    std::shared_ptr<const Spec> spec;
    std::vector<ScreenLayout> screens;
    explicit Laid(const char* json) {
        LoadResult r = SpecLoader::loadJson(Json::parse(json));
        REQUIRE(r.spec);
        spec = r.spec;
        screens = layOutScreens(spec, kPhone);
    }
    // What the checker found, one line each.
    std::string violations() const {
        std::string out;
        for (const ScreenLayout& s : screens)
            for (const LayoutViolation& v : s.violations) out += describe(v) + "\n";
        return out;
    }
    // The text run saying exactly this, on the first screen.
    TextRun run(std::string_view text) const {
        for (const TextRun& r : screens.at(0).runs)
            if (r.text == text) return r;
        FAIL("no text run \"" << text << "\"");
        return TextRun();
    }
};

} // namespace

TEST_CASE("bottom_nav: a label longer than its slot ends in an ellipsis inside the bar", "[layout-chrome]") {
    // Fuzzer seed 1000000: a 590 px label was drawn centred on a 358 px bar, far past both ends.
    const std::string label(120, 'a');
    const std::string json = R"({"screens": {"home": {"body": [{"bottom_nav": [{"screen": ")" + label + R"("}, "home"]}]}}})";
    const Laid laid(json.c_str());
    CHECK(laid.violations() == "");
    CHECK(laid.run(label).ellipsized);
}

TEST_CASE("bottom_nav: many items in a phone-wide bar keep their labels inside their slots", "[layout-chrome]") {
    const Laid laid(R"({"screens": {"home": {"body": [{"bottom_nav": ["home", "inventory", "customers", "settlements",
        "notifications", "preferences", "statistics", "calendar", "documents", "messages", "profile", "support"]}]}}})");
    CHECK(laid.violations() == "");
}

TEST_CASE("sidebar: long labels and title end in an ellipsis inside the panel, also in a row and at a small w", "[layout-chrome]") {
    const Laid laid(R"({"screens": {"home": {"body": [
        {"sidebar": [{"label": "Quarterly financial reports and archived statements", "icon": "chart", "screen": "home"},
                     {"label": "Team members, roles and permissions", "icon": "user", "screen": "team"}],
         "title": "Northwind Trading Company International"},
        {"row": [{"sidebar": [{"label": "Customer relationship overview", "screen": "crm"}]}, {"text": "Content beside the sidebar"}]},
        {"sidebar": [{"label": "Dashboard", "icon": "dashboard", "screen": "home"}], "title": "Acme", "w": 60}]},
      "team": {"body": []}, "crm": {"body": []}}})");
    CHECK(laid.violations() == "");
    CHECK(laid.run("Northwind Trading Company International").ellipsized);
}

TEST_CASE("toast: a toast narrower than its minimum keeps its message inside it, on one line", "[layout-chrome]") {
    // Fuzzer seeds 376 and 274: a 52 px toast wrapped its message at 40 px, one word a line, far below the toast.
    const Laid laid(R"({"screens": {"home": {"body": [
        {"toast": "Your changes were saved to the shared library", "tone": "success", "w": 52},
        {"toast": "Payment failed, check the card number and try again", "tone": "danger", "w": 100},
        {"toast": "Sent", "w": 20}]}}})");
    CHECK(laid.violations() == "");
}

TEST_CASE("app_bar: trailing widgets wider than the room beside the title go on a line of their own", "[layout-chrome]") {
    // The trailing group was placed by last frame's width and spilled past the screen's right edge.
    const Laid laid(R"({"screens": {"home": {"body": [
        {"app_bar": "Monday, May 4", "subtitle": "3 unread messages", "back": true,
         "children": [{"icon_button": "search", "label": "Search"}, {"button": "Add new item"}, {"button": "Share with team"}]}]}}})");
    CHECK(laid.violations() == "");
    CHECK_FALSE(laid.run("Monday, May 4").ellipsized);
}

TEST_CASE("dialog: footer buttons wider than the card shrink and end their labels in an ellipsis", "[layout-chrome]") {
    const Laid laid(R"({"screens": {"home": {"body": [
        {"dialog": [{"text": "This cannot be undone."}, {"button": "Cancel everything right now and go back", "variant": "ghost"},
                    {"button": "Delete the whole project forever", "variant": "danger"}], "title": "Delete task?"}]}}})");
    CHECK(laid.violations() == "");
}

TEST_CASE("app sidebar: a long app name and long nav labels end in an ellipsis inside the sidebar", "[layout-chrome]") {
    // A drafted office app's name and its "Sign-language interpreters" item ran past the 232 px sidebar.
    LoadResult r = SpecLoader::loadJson(Json::parse(R"({"meta": {"name": "Disability Services Office", "device": "desktop"},
        "nav": {"kind": "sidebar", "items": [{"screen": "home", "label": "Dashboard"},
                                             {"screen": "people", "label": "Sign-language interpreters", "badge": 3}]},
        "screens": {"home": {"body": [{"text": "Hi"}]}, "people": {"body": [{"text": "Them"}]}}})"));
    REQUIRE(r.spec);
    const std::vector<ScreenLayout> screens = layOutScreens(r.spec, ImVec2(1280, 800));
    const auto run = [&](std::string_view text) {
        for (const TextRun& t : screens.at(0).runs)
            if (t.text == text) return t;
        FAIL("no text run \"" << text << "\"");
        return TextRun();
    };
    for (const char* text : {"Disability Services Office", "Sign-language interpreters"}) {
        const TextRun t = run(text);
        CHECK(t.ellipsized);
        CHECK(t.rect.Max.x <= 232.0f);
    }
    CHECK_FALSE(run("Dashboard").ellipsized);
}
