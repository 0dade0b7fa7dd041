// The layout contract (specs/FORMAT.md, Layout), one regression test per layout bug seen in screenshots of
// model-written specs. Each lays a spec out headless at a device size and asserts on the laid-out rectangles
// (Prototype::layout) and text runs (Prototype::textRuns), or on sampled pixels where the bug was a colour.
//
// [SECTION] Helpers
// [SECTION] Rows
// [SECTION] Tables, tiles, charts
// [SECTION] Grids and tones

#include "runtime/headless/headless.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <cmath>

using namespace pt;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

const ImVec2 kPhone(390, 844), kDesktop(1280, 800);

// A spec laid out at `size`, settled (rows measure last frame's heights).
struct Laid {
    HeadlessDriver driver;
    Laid(const char* json, ImVec2 size) : driver(load(json), size) { driver.settle(); }

    static std::shared_ptr<const Spec> load(const char* json) {
        LoadResult r = SpecLoader::loadJson(Json::parse(json));
        REQUIRE(r.spec);
        return r.spec;
    }
    // The box of the node with this spec id (its first instance).
    ImRect box(std::string_view id) {
        for (const LayoutBox& b : driver.proto().layout())
            if (b.node && b.node->id == id) return b.rect;
        FAIL("no box for " << id);
        return ImRect();
    }
    // The text run saying exactly this.
    TextRun run(std::string_view text) {
        for (const TextRun& r : driver.proto().textRuns())
            if (r.text == text) return r;
        FAIL("no text run \"" << text << "\"");
        return TextRun();
    }
    // Every node's box ends inside the screen's width.
    void checkInsideWidth() {
        for (const LayoutBox& b : driver.proto().layout()) {
            INFO(b.key);
            CHECK(b.rect.Min.x >= -0.5f);
            CHECK(b.rect.Max.x <= driver.size().x + 0.5f);
        }
    }
};

// Average colour of a small square of a capture.
ImVec4 sample(const Image& image, ImVec2 at) {
    ImVec4 sum(0, 0, 0, 0);
    int count = 0;
    for (int y = (int)at.y - 1; y <= (int)at.y + 1; ++y)
        for (int x = (int)at.x - 2; x <= (int)at.x + 2; ++x) {
            if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
            const unsigned char* p = &image.rgba[(size_t)(y * image.width + x) * 4];
            sum = ImVec4(sum.x + p[0], sum.y + p[1], sum.z + p[2], 0);
            ++count;
        }
    return count ? ImVec4(sum.x / count, sum.y / count, sum.z / count, 0) : sum;
}

float distance(ImVec4 a, ImVec4 b) { return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z)); }

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Rows
//-----------------------------------------------------------------------------

TEST_CASE("layout: a heading between buttons and a date field keeps whole words", "[layout][contract]") {
    // Bug 1: the date field took the whole row and the heading was drawn one letter per line (~200 px tall).
    Laid l(R"({"state": {"day": "2026-05-04"}, "screens": {"home": {"title": "Schedule", "body": [
        {"row": [{"button": "", "icon": "chevron-left", "variant": "ghost", "id": "prev"},
                 {"heading": "Monday, May 4", "level": 3, "id": "title"},
                 {"button": "", "icon": "chevron-right", "variant": "ghost", "id": "next"},
                 {"date": "", "bind": "day", "id": "pick"}]}]}}})", kPhone);
    const ImRect title = l.box("title");
    CHECK(title.GetHeight() < 60.0f);  // at most two lines
    CHECK(title.GetWidth() >= 60.0f);  // about 8 characters at least
    CHECK(l.box("pick").GetWidth() >= 100.0f);
    CHECK(l.box("next").Min.x >= title.Max.x);
    CHECK(l.box("pick").Min.x >= l.box("next").Max.x);
    l.checkInsideWidth();
}

TEST_CASE("layout: a growing search beside chips keeps room to read", "[layout][contract]") {
    // Bug 2: the search field was crushed to its icon and one letter.
    Laid l(R"({"state": {"q": "", "f": "All"}, "screens": {"home": {"title": "Orders", "body": [
        {"row": [{"search": "Search orders", "bind": "q", "grow": 1, "id": "s"},
                 {"chips": ["All", "Open", "Shipped", "Returned", "Cancelled"], "bind": "f", "id": "c"}]}]}}})", kPhone);
    CHECK(l.box("s").GetWidth() >= 110.0f);
    CHECK(l.box("c").Min.x >= l.box("s").Max.x);
    l.checkInsideWidth();
}

TEST_CASE("layout: growing cards share a desktop row in proportion and stay on screen", "[layout][contract]") {
    // Bug 3: the second card overflowed the 1280 px viewport, with an odd gap between the cards.
    Laid l(R"({"screens": {"home": {"title": "Dashboard", "body": [
        {"row": [{"card": [{"line_chart": [3, 5, 4, 8, 7, 9, 12]}], "title": "Revenue this week", "grow": 2, "id": "a"},
                 {"card": [{"item": "Refund request #4412", "trailing": "$1,204.00"},
                           {"row": [{"badge": "Priority: Medium", "tone": "warning"}, {"badge": "Assigned to finance team", "tone": "info"},
                                    {"button": "Review all escalations", "id": "review"}]}],
                  "title": "Escalations needing attention", "grow": 1, "id": "b"}]}]}}})", kDesktop);
    const ImRect a = l.box("a"), b = l.box("b");
    CHECK(b.Max.x <= kDesktop.x);
    CHECK(b.Min.x - a.Max.x < 20.0f);  // the row's gap, nothing odd
    CHECK(a.GetWidth() / b.GetWidth() == Approx(2.0f).epsilon(0.1));
    CHECK(b.Contains(l.box("review")));
    CHECK_FALSE(l.run("Review all escalations").ellipsized);  // wrapped to a new line rather than cut
    l.checkInsideWidth();
}

TEST_CASE("layout: two stat tiles in a row share it", "[layout][contract]") {
    // Bug 4: the first tile collapsed to a sliver.
    Laid l(R"({"screens": {"home": {"title": "Money", "body": [
        {"row": [{"stat": "Spent this month", "value": "$15,420.75", "delta": "+12%", "icon": "wallet", "id": "s1"},
                 {"stat": "Average response", "value": "10 sec", "caption": "last 72 hours", "id": "s2"}]}]}}})", kPhone);
    const float w1 = l.box("s1").GetWidth(), w2 = l.box("s2").GetWidth();
    CHECK(w1 > 140.0f);
    CHECK(w1 / w2 == Approx(1.0f).epsilon(0.1));
    CHECK_FALSE(l.run("$15,420.75").ellipsized);
    l.checkInsideWidth();
}

//-----------------------------------------------------------------------------
// [SECTION] Tables, tiles, charts
//-----------------------------------------------------------------------------

TEST_CASE("layout: table columns are sized from their content", "[layout][contract]") {
    // Bug 5: the first column took ~65% of the width and short last columns were cut ("Mediu...").
    const char* spec = R"({"screens": {"home": {"title": "Tickets", "body": [
        {"table": [{"ticket": "Printer on the third floor keeps jamming on every duplex job", "owner": "Sam", "priority": "Medium", "hours": 3},
                   {"ticket": "VPN drops every hour", "owner": "Alexandra", "priority": "High", "hours": 12},
                   {"ticket": "New laptop for the intern", "owner": "Li", "priority": "Low", "hours": 1}],
         "columns": ["ticket", "owner", "priority", "hours"], "id": "t"}]}}})";
    SECTION("phone: the widest text column shrinks, short ones stay whole") {
        Laid l(spec, kPhone);
        for (const char* whole : {"Medium", "Alexandra", "High", "12", "PRIORITY"}) {
            INFO(whole);
            CHECK_FALSE(l.run(whole).ellipsized);
        }
        CHECK(l.run("Printer on the third floor keeps jamming on every duplex job").ellipsized);
        CHECK(l.box("t").Max.x <= kPhone.x);
    }
    SECTION("desktop: spare room is shared equally, numbers end at the right") {
        Laid l(spec, kDesktop);
        const ImRect table = l.box("t");
        const float firstColumn = l.run("OWNER").rect.Min.x - table.Min.x;
        CHECK(firstColumn < table.GetWidth() * 0.5f);
        CHECK(l.run("12").rect.Max.x == Approx(l.run("HOURS").rect.Max.x).margin(1.5));  // right-aligned with its header
        CHECK(l.run("1").rect.Max.x == Approx(l.run("12").rect.Max.x).margin(1.5));
    }
}

TEST_CASE("layout: a progress caption is never drawn over its label", "[layout][contract]") {
    // Bug 6: in a half-width grid cell the caption covered the label.
    Laid l(R"({"screens": {"home": {"title": "Budgets", "body": [
        {"card": [{"grid": [{"progress": 0.72, "label": "Groceries", "caption": "$1,250 of $2,000 spent"},
                            {"progress": 0.4, "label": "Fuel", "caption": "$80 / $200 left"}], "cols": 2}]}]}}})", kPhone);
    for (const char* label : {"Groceries", "Fuel"}) {
        INFO(label);
        CHECK_FALSE(l.run(label).ellipsized);
    }
    const ImRect label = l.run("Groceries").rect, caption = l.run("$1,250 of $2,000 spent").rect;
    CHECK_FALSE(label.Overlaps(caption));
    CHECK_FALSE(l.run("$1,250 of $2,000 spent").ellipsized);
}

TEST_CASE("layout: a donut's centre text fits the hole", "[layout][contract]") {
    // Bug 7: "$1,059.00" was wider than the hole and overlapped the ring.
    Laid l(R"({"screens": {"home": {"title": "Spend", "body": [
        {"donut": [{"label": "Rent", "value": 700}, {"label": "Food", "value": 259}, {"label": "Fun", "value": 100}],
         "center": "$1,059.00", "size": 120, "id": "d"}]}}})", kPhone);
    const TextRun centre = l.run("$1,059.00");
    CHECK_FALSE(centre.ellipsized);
    // size 120: thickness 19.2, ring radius 46.4, so the hole is 2 * (46.4 - 9.6) = 73.6 px across
    CHECK(centre.rect.GetWidth() <= 73.6f);
    CHECK(centre.rect.GetCenter().x == Approx(l.box("d").Min.x + 60.0f).margin(2.0));
}

TEST_CASE("layout: numbers in tiles and list rows shrink before they are cut", "[layout][contract]") {
    // Bug 10: "$15...", "10 s...", "72 h..." in stat tiles and list rows.
    Laid l(R"({"screens": {"home": {"title": "Ops", "body": [
        {"grid": [{"stat": "Revenue", "value": "$15,420.75"}, {"stat": "Response", "value": "10 sec"}, {"stat": "Window", "value": "72 hours"}], "cols": 3},
        {"grid": [{"list": [{"item": "Average first response time", "trailing": "10 seconds"}]},
                  {"list": [{"item": "Longest open incident", "trailing": "72 hours"}]}], "cols": 2},
        {"row": [{"ring": 0.5, "label": "$1,234", "size": 64, "id": "ring"}]}]}}})", kPhone);
    for (const char* number : {"$15,420.75", "10 sec", "72 hours", "10 seconds", "$1,234"}) {
        INFO(number);
        CHECK_FALSE(l.run(number).ellipsized);
    }
    CHECK(l.run("$1,234").rect.GetWidth() <= 64.0f - 2 * 6.4f - 8.0f);  // inside the hole
    l.checkInsideWidth();
}

//-----------------------------------------------------------------------------
// [SECTION] Grids and tones
//-----------------------------------------------------------------------------

TEST_CASE("layout: grid cells of unlike heights keep their own, similar ones line up", "[layout][contract]") {
    // Bug 8: matching heights per grid row left cards mostly empty.
    Laid l(R"({"screens": {"home": {"title": "Overview", "body": [
        {"grid": [{"card": [{"text": "Short note"}], "title": "Notes", "id": "short"},
                  {"card": [{"list": [{"item": "One"}, {"item": "Two"}, {"item": "Three"}, {"item": "Four"}, {"item": "Five"}, {"item": "Six"}]}],
                   "title": "Tasks", "id": "tall"}], "cols": 2},
        {"grid": [{"stat": "Revenue", "value": "$12k", "id": "s1"}, {"stat": "Users", "value": "1,204", "delta": "+4%", "id": "s2"}], "cols": 2}]}}})",
           kDesktop);
    CHECK(l.box("short").GetHeight() < l.box("tall").GetHeight() * 0.5f);
    CHECK(l.box("short").Min.y == Approx(l.box("tall").Min.y));  // top-aligned
    CHECK(l.box("s1").GetHeight() == Approx(l.box("s2").GetHeight()));
}

TEST_CASE("layout: a danger bar does not look like a red brand's normal bar", "[layout][contract]") {
    // Bug 9: with brand #DC2626, danger progress bars looked the same as normal ones.
    Laid l(R"({"theme": {"brand": "#DC2626"}, "screens": {"home": {"title": "Limits", "body": [
        {"progress": 0.9, "label": "Normal", "id": "p1"},
        {"progress": 0.9, "label": "Over budget", "tone": "danger", "id": "p2"}]}}})", kPhone);
    const Image shot = l.driver.capture();
    const ImRect normal = l.box("p1"), danger = l.box("p2");
    const ImVec4 a = sample(shot, ImVec2(normal.Min.x + 40.0f, normal.Max.y - 4.0f));
    const ImVec4 b = sample(shot, ImVec2(danger.Min.x + 40.0f, danger.Max.y - 4.0f));
    CHECK(distance(a, ImVec4(0xDC, 0x26, 0x26, 0)) < 20.0f);  // the normal bar is the brand
    CHECK(distance(a, b) > 60.0f);
}
