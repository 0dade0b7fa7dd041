// The layout contract kept by the layout widgets (widgets/layout_widgets.cpp): tabs, item, section, card, list and
// accordion laid out headless at phone size with the long texts the layout fuzzer found, and checked by the layout
// checker (runtime/headless/layout_check.h), plus the looks the fixes must keep (wrapping, ellipsis, full text).
//
// [SECTION] Helpers
// [SECTION] tabs
// [SECTION] item
// [SECTION] section, card, list, accordion

#include "runtime/headless/headless.h"
#include "runtime/headless/layout_check.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>

using namespace pt;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

const ImVec2 kPhone(390, 844);

// One screen laid out at phone size: its records and what the checker found.
struct Checked {
    std::shared_ptr<const Spec> spec;  // kept alive: the boxes point into it
    ScreenLayout screen;

    explicit Checked(const char* json) {
        LoadResult r = SpecLoader::loadJson(Json::parse(json));
        REQUIRE(r.spec);
        spec = r.spec;
        std::vector<ScreenLayout> screens = layOutScreens(spec, kPhone);
        REQUIRE(screens.size() == 1);
        screen = std::move(screens[0]);
    }
    std::string violations() const {
        std::string s;
        for (const LayoutViolation& v : screen.violations) s += describe(v) + "\n";
        return s;
    }
    // The text run saying exactly this.
    TextRun run(std::string_view text) const {
        for (const TextRun& r : screen.runs)
            if (r.text == text) return r;
        FAIL("no text run \"" << text << "\"");
        return TextRun();
    }
    // The box of the first node of this widget type.
    ImRect box(std::string_view type) const {
        for (const LayoutBox& b : screen.boxes)
            if (b.node && b.node->type == type) return b.rect;
        FAIL("no box for a " << type);
        return ImRect();
    }
};

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] tabs
//-----------------------------------------------------------------------------

TEST_CASE("layout widgets: a long tab label ends in an ellipsis inside the tab header", "[layout][layout-widgets]") {
    // Fuzz seed 1000003: the label was drawn 467 px wide, past the 358 px header.
    const Checked c(R"({"screens": {"home": {"body": [{"tabs": [
        {"tab": [{"text": "First page"}], "label": "Upcoming appointments for the whole of this week"},
        {"tab": [], "label": "Past"}, {"tab": [], "label": "Cancelled by the clinic or by the patient"}]}]}}})");
    INFO(c.violations());
    CHECK(c.screen.violations.empty());
    CHECK_FALSE(c.run("Past").ellipsized);  // short labels keep their width; the long ones share the rest
    CHECK(c.run("Upcoming appointments for the whole of this week").ellipsized);
    CHECK(c.run("Cancelled by the clinic or by the patient").rect.Max.x <= c.box("tabs").Max.x);
}

TEST_CASE("layout widgets: many tabs go on more header lines with their labels whole", "[layout][layout-widgets]") {
    // Fuzz seed 322: 60 tabs squeezed into one line drew their labels past the header's right edge.
    const Checked c(R"({"screens": {"home": {"body": [{"tabs": [
        {"tab": [], "label": "One"}, {"tab": [], "label": "Two"}, {"tab": [], "label": "Three"}, {"tab": [], "label": "Four"},
        {"tab": [], "label": "Five"}, {"tab": [], "label": "Six"}, {"tab": [], "label": "Seven"}, {"tab": [], "label": "Eight"},
        {"tab": [], "label": "Nine"}, {"tab": [], "label": "Ten"}, {"tab": [], "label": "Eleven"}, {"tab": [], "label": "Twelve"}]}]}}})");
    INFO(c.violations());
    CHECK(c.screen.violations.empty());
    for (const char* label : {"One", "Eight", "Twelve"}) CHECK_FALSE(c.run(label).ellipsized);
    CHECK(c.run("Twelve").rect.Min.y > c.run("One").rect.Max.y);  // a later line
}

//-----------------------------------------------------------------------------
// [SECTION] item
//-----------------------------------------------------------------------------

TEST_CASE("layout widgets: a list row's title keeps 8 characters beside a long badge or trailing text", "[layout][layout-widgets]") {
    // Fuzz seeds 119 and 142: the title was laid out 20 px wide (a letter or two per line) next to a pill holding a
    // sentence, and the trailing text of a row in a 170 px grid left no room for the title.
    const Checked c(R"({"screens": {"home": {"body": [
        {"list": [{"item": "Invoice +72.1%", "badge": "Overdue since last Tuesday afternoon, call the customer"},
                  {"item": "Ada Lovelace", "subtitle": "Sent you a file", "avatar": "Ada Lovelace", "trailing": "Yesterday at 9:41 in the morning"}]},
        {"grid": [{"item": "Quarterly revenue", "subtitle": "Northern region and the islands", "avatar": "9,651,927", "trailing": "+38.6%"}],
         "w": 170}]}}})");
    INFO(c.violations());
    CHECK(c.screen.violations.empty());
    CHECK_FALSE(c.run("Invoice +72.1%").ellipsized);
    CHECK(c.run("Overdue since last Tuesday afternoon, call the customer").ellipsized);
    CHECK(c.run("Yesterday at 9:41 in the morning").ellipsized);
}

//-----------------------------------------------------------------------------
// [SECTION] section, card, list, accordion
//-----------------------------------------------------------------------------

TEST_CASE("layout widgets: a section's long action ends in an ellipsis and its title wraps", "[layout][layout-widgets]") {
    // Fuzz seeds: the action link was drawn from x = -334 (its full width right-aligned), and the title beside it was
    // laid out 16 px wide.
    const Checked c(R"({"screens": {"home": {"body": [
        {"section": [{"text": "Body"}], "title": "Recent activity in all of your accounts",
         "action": "See everything that happened in all of your accounts this month"}]}}})");
    INFO(c.violations());
    CHECK(c.screen.violations.empty());
    const TextRun title = c.run("Recent activity in all of your accounts");
    CHECK_FALSE(title.ellipsized);
    CHECK(title.rect.GetHeight() > 30.0f);  // wrapped at word boundaries
    CHECK(c.run("See everything that happened in all of your accounts this month").ellipsized);
}

TEST_CASE("layout widgets: titles of cards, lists and accordions in narrow cells wrap or ellipsize", "[layout][layout-widgets]") {
    const Checked c(R"({"screens": {"home": {"body": [
        {"row": [{"card": [{"text": "x"}], "title": "Supercalifragilistic expialidocious", "subtitle": "Antidisestablishmentarianism", "w": 70},
                 {"list": [{"item": "A"}], "title": "Incomprehensibilities", "inset": false, "w": 60},
                 {"accordion": [{"text": "y"}], "title": "Pneumonoultramicroscopic", "w": 90}]}]}}})");
    INFO(c.violations());
    CHECK(c.screen.violations.empty());
    CHECK(c.run("Supercalifragilistic expialidocious").ellipsized);
}
