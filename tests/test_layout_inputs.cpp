// The layout contract (specs/FORMAT.md, Layout) kept by the input, action and text widgets: one regression test per
// kind of failure the layout fuzzer found in them (long labels, affixes, captions and badges drawn past their box,
// fields pushed off the screen, text squeezed into a narrow `w`). Each lays a small spec out headless with the layout
// checker (runtime/headless/layout_check.h) and asserts it finds nothing, plus what the fix looks like where it shows.
//
// [SECTION] Helpers
// [SECTION] Fields
// [SECTION] Actions
// [SECTION] Text and display

#include "runtime/headless/headless.h"
#include "runtime/headless/layout_check.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <optional>
#include <string>

using namespace pt;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

const ImVec2 kPhone(390, 844);

// A label of about 120 characters, in words: as long as the fuzzer's that broke the widgets.
const std::string kLong = "Quarterly maintenance reminder for every greenhouse irrigation valve and the pumps behind the north wing storage";

std::shared_ptr<const Spec> load(const std::string& body) {
    LoadResult r = SpecLoader::loadJson(Json::parse(R"({"screens": {"home": {"body": [)" + body + "]}}}"));
    REQUIRE(r.spec);
    return r.spec;
}

// What the layout checker finds on the one screen of a body laid out at phone size, one line per violation.
std::string violations(const std::string& body) {
    std::string out;
    for (const ScreenLayout& s : layOutScreens(load(body), kPhone))
        for (const LayoutViolation& v : s.violations) out += describe(v) + "\n";
    return out;
}

// The text runs of the body laid out at phone size.
std::vector<TextRun> runsOf(const std::string& body) {
    const std::vector<ScreenLayout> screens = layOutScreens(load(body), kPhone);
    REQUIRE(screens.size() == 1);
    return screens[0].runs;
}

// A copy, not a pointer: callers pass the temporary runsOf(...).
std::optional<TextRun> findRun(const std::vector<TextRun>& runs, const std::string& text) {
    for (const TextRun& r : runs)
        if (r.text == text) return r;
    return std::nullopt;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Fields
//-----------------------------------------------------------------------------

TEST_CASE("layout inputs: a long field label is cut, never pushes the field off the screen", "[layout][inputs]") {
    for (const char* type : {"input", "textarea", "select", "date", "radio", "segmented"}) {
        INFO(type);
        const std::string body = std::string(R"({")") + type + R"(": "x", "label": )" + quoted(kLong) + R"(, "options": ["A", "B"]})";
        CHECK(violations(body) == "");
        const std::optional<TextRun> label = findRun(runsOf(body), kLong);
        REQUIRE(label);
        CHECK(label->ellipsized);
    }
}

TEST_CASE("layout inputs: long prefixes, suffixes and placeholders stay inside their field", "[layout][inputs]") {
    CHECK(violations(R"({"input": "Price", "prefix": )" + quoted(kLong) + "}") == "");
    CHECK(violations(R"({"input": "Price", "suffix": )" + quoted(kLong) + "}") == "");
    CHECK(violations(R"({"textarea": "Notes", "rows": 1, "placeholder": )" + quoted(kLong) + "}") == "");
}

TEST_CASE("layout inputs: a slider's label and value share its line", "[layout][inputs]") {
    CHECK(violations(R"({"slider": )" + quoted(kLong) + R"(, "max": 1000000, "format": "{value} litres per hour"})") == "");
    CHECK(violations(R"({"slider": "Budget", "format": )" + quoted(kLong + " {value}") + "}") == "");
}

TEST_CASE("layout inputs: a stepper keeps its label and value inside, however narrow", "[layout][inputs]") {
    CHECK(violations(R"({"stepper": )" + quoted(kLong) + R"(, "max": 1000000000, "bind": "n"})") == "");
    CHECK(violations(R"({"stepper": "Guests", "w": 52})") == "");
}

TEST_CASE("layout inputs: many segments continue on further lines of the track", "[layout][inputs]") {
    std::string options;
    for (int i = 0; i < 30; ++i) options += std::string(i ? ", " : "") + "\"Option " + std::to_string(i + 1) + "\"";
    CHECK(violations(R"({"segmented": [)" + options + "]}") == "");
}

TEST_CASE("layout inputs: radio and switch rows in a narrow cell cut their label instead of stacking letters", "[layout][inputs]") {
    CHECK(violations(R"({"switch": "$4,180,210.50", "w": "42%"})") == "");
    CHECK(violations(R"({"switch": )" + quoted(kLong) + R"(, "w": 42})") == "");
    CHECK(violations(R"({"radio": "Plan", "options": [)" + quoted(kLong) + R"(], "w": 60})") == "");
}

TEST_CASE("layout inputs: ratings never leave the screen", "[layout][inputs]") {
    CHECK(violations(R"({"rating": 10, "size": 1000000})") == "");
}

//-----------------------------------------------------------------------------
// [SECTION] Actions
//-----------------------------------------------------------------------------

TEST_CASE("layout inputs: an icon button's badge stays in its 40 px box: big counts read 99+", "[layout][inputs]") {
    const std::string money = R"({"icon_button": "bell", "badge": "$4,177,836.65"})";
    CHECK(violations(money) == "");
    CHECK(violations(R"({"icon_button": "bell", "badge": 4177})") == "");
    CHECK(findRun(runsOf(R"({"icon_button": "bell", "badge": 4177})"), "99+"));
    CHECK(findRun(runsOf(R"({"icon_button": "bell", "badge": "250"})"), "99+"));
    CHECK(findRun(runsOf(R"({"icon_button": "bell", "badge": 7})"), "7"));
}

TEST_CASE("layout inputs: an extended FAB with a long label stays on the screen", "[layout][inputs]") {
    const std::string body = R"({"text": "Tasks"}, {"fab": "plus", "label": )" + quoted(kLong) + "}";
    CHECK(violations(body) == "");
    const std::optional<TextRun> label = findRun(runsOf(body), kLong);
    REQUIRE(label);
    CHECK(label->ellipsized);
}

TEST_CASE("layout inputs: a busy button cuts a label wider than itself", "[layout][inputs]") {
    CHECK(violations(R"({"button": )" + quoted(kLong) + R"(, "busy": true})") == "");
}

//-----------------------------------------------------------------------------
// [SECTION] Text and display
//-----------------------------------------------------------------------------

TEST_CASE("layout inputs: an image caption is cut to the image's width", "[layout][inputs]") {
    CHECK(violations(R"({"image": )" + quoted(kLong) + "}") == "");
    CHECK(violations(R"({"stack": [{"image": )" + quoted(kLong) + R"(, "w": 200}, {"badge": "New"}]})") == "");
}

TEST_CASE("layout inputs: a bubble's name, time and text stay inside it", "[layout][inputs]") {
    CHECK(violations(R"({"bubble": "Hi", "name": )" + quoted(kLong) + R"(, "time": )" + quoted(kLong) + "}") == "");
    CHECK(violations(R"({"bubble": "Hi", "from": "me", "time": )" + quoted(kLong) + "}") == "");
    CHECK(violations(R"({"bubble": "-83.1%", "w": 50})") == "");
}

TEST_CASE("layout inputs: text in a `w` narrower than 8 characters is cut, not stacked", "[layout][inputs]") {
    CHECK(violations(R"({"text": "8,891,190", "w": 53})") == "");
    const std::optional<TextRun> cut = findRun(runsOf(R"({"text": "8,891,190", "w": 53})"), "8,891,190");
    REQUIRE(cut);
    CHECK(cut->ellipsized);
}

TEST_CASE("layout inputs: huge icons, avatars and spacers are no wider than the screen", "[layout][inputs]") {
    CHECK(violations(R"({"icon": "retweet", "size": 1000000000})") == "");
    CHECK(violations(R"({"avatar": "Maya Lopez", "size": 1000000})") == "");
    CHECK(violations(R"({"spacer": 1000000000})") == "");
}
