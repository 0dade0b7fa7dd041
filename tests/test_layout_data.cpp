// The layout contract (specs/FORMAT.md, Layout) kept by the data and chart widgets (widgets/data_widgets.cpp,
// widgets/chart_widgets.cpp): one regression test per failure the layout fuzzer found in them, each the fuzzer's
// minimized spec (texts made readable) laid out headless and checked by the layout checker.
//
// [SECTION] Helpers
// [SECTION] Data widgets
// [SECTION] Charts

#include "runtime/engine/theme.h"
#include "runtime/headless/headless.h"
#include "runtime/headless/layout_check.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>

using namespace pt;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// The layout checker's findings for one spec body (a screen "home") at a device size, as readable lines.
std::vector<std::string> violationsAt(const char* body, const char* device = "phone") {
    LoadResult r = SpecLoader::loadJson(Json::parse(std::string(R"({"screens": {"home": {"body": )") + body + "}}}"));
    REQUIRE(r.spec);
    std::vector<std::string> out;
    for (const ScreenLayout& s : layOutScreens(r.spec, deviceSize(device)))
        for (const LayoutViolation& v : s.violations) out.push_back(describe(v));
    return out;
}

// The spec body keeps the contract at phone, tablet and desktop sizes.
void checkClean(const char* body) {
    for (const char* device : {"phone", "tablet", "desktop"}) {
        INFO(device);
        CHECK(violationsAt(body, device) == std::vector<std::string>{});
    }
}

// The laid-out text runs of a spec body at phone size.
std::vector<TextRun> runsAt(const char* body) {
    LoadResult r = SpecLoader::loadJson(Json::parse(std::string(R"({"screens": {"home": {"body": )") + body + "}}}"));
    REQUIRE(r.spec);
    std::vector<ScreenLayout> screens = layOutScreens(r.spec, deviceSize("phone"));
    REQUIRE(screens.size() == 1);
    return screens[0].runs;
}

const TextRun* findRun(const std::vector<TextRun>& runs, std::string_view text) {
    for (const TextRun& r : runs)
        if (r.text == text) return &r;
    return nullptr;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Data widgets
//-----------------------------------------------------------------------------

TEST_CASE("timeline: a long time goes under the title instead of crushing it to a sliver", "[layout-data]") {
    const char* body = R"([{"timeline": [{"title": "Order placed and confirmed by the warehouse team",
                                           "time": "Yesterday at 9:41 in the morning, Pacific time", "done": true},
                                          {"title": "Shipped", "time": "9:41", "text": "Expected Friday via the regional carrier"}]}])";
    checkClean(body);
    const std::vector<TextRun> runs = runsAt(body);
    const TextRun* title = findRun(runs, "Order placed and confirmed by the warehouse team");
    const TextRun* time = findRun(runs, "Yesterday at 9:41 in the morning, Pacific time");
    REQUIRE(title);
    REQUIRE(time);
    CHECK(time->rect.Min.y >= title->rect.Max.y - 0.5f);  // its own line under the title
    CHECK(title->rect.GetWidth() > 200.0f);                // wrapped at words in most of the width
    const TextRun* shortTime = findRun(runs, "9:41");
    const TextRun* shipped = findRun(runs, "Shipped");
    REQUIRE(shortTime);
    REQUIRE(shipped);
    CHECK(shortTime->rect.Min.x > shipped->rect.Max.x);  // a short time stays on the title's line, at the right
}

TEST_CASE("timeline: an explicit narrow width cuts its texts instead of wrapping them a few letters a line", "[layout-data]") {
    checkClean(R"([{"timeline": [{"title": "Packed in 79 s", "time": "10:00"}], "w": 42}])");
    checkClean(R"([{"timeline": [{"text": "Collected from the depot in the morning"}], "w": 42}])");
}

TEST_CASE("heatmap: its caption stays inside the box, beside the legend or on its own line", "[layout-data]") {
    checkClean(R"([{"heatmap": [], "label": "a h"}])");
    checkClean(R"([{"heatmap": [], "label": "Check-ins over the last twelve weeks across every habit you track daily"}])");
    checkClean(R"([{"heatmap": ["2026-11-20"], "weeks": 8, "label": "12 check-ins", "w": 200}])");
}

TEST_CASE("stat: a long delta is cut to the tile and a caption too narrow to wrap ends in an ellipsis", "[layout-data]") {
    checkClean(R"([{"grid": [{"stat": "53", "delta": "+12.4% compared with the same period last year"}]}])");
    checkClean(R"([{"stat": "Revenue +72.6%", "caption": "$505,536.51", "w": 94}])");
}

TEST_CASE("calendar: needs seven day columns, so a row wraps it rather than squeezing its title over the arrows", "[layout-data]") {
    checkClean(R"([{"row": [{"calendar": []}, {"calendar": []}, {"text": "Hi 88", "style": "h1"}]}])");
}

TEST_CASE("ring: a huge size is no wider than the screen", "[layout-data]") {
    checkClean(R"([{"ring": 0.5, "size": 1000000, "caption": "Goal"}])");
}

TEST_CASE("table: columns that do not fit at about 8 characters are left out, not squeezed under their padding", "[layout-data]") {
    // The fuzzer's case: headers of every length, no rows.
    checkClean(R"([{"table": [], "columns": [{}, {"key": "niw dxenhi +66.7%"}, {"key": "arodhds Atdunehit ta dsdrk otgnhe p Giseeetitkno"},
                                             {"key": "atiospiqa 36 s"}, "rniasws it -52.5%", {"key": "otrfae ehe 69"}, {"key": "$6,624,125.29"}, {}]}])");
}

//-----------------------------------------------------------------------------
// [SECTION] Charts
//-----------------------------------------------------------------------------

TEST_CASE("line_chart and bar_chart: the lowest value label stays inside the chart", "[layout-data]") {
    checkClean(R"([{"line_chart": [0.001]}])");
    checkClean(R"([{"line_chart": [-500000000, 12, 18, 15]}])");
    checkClean(R"([{"bar_chart": [5]}])");
}

TEST_CASE("bar_chart: long category labels are cut to their slot, horizontal ones to their column", "[layout-data]") {
    checkClean(R"([{"bar_chart": [{"label": "January 2026 revenue from every store in the northern region and online", "value": 5}]}])");
    checkClean(R"([{"bar_chart": [{"label": "A very long product name that goes on and on past the right edge of a phone", "value": 5},
                                  {"label": "Short", "value": 8}], "horizontal": true}])");
}
