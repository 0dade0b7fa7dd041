// Meeting overlays and the report: flow map layout and clicks, reaction pins on real widgets, the heat map's
// pixels, and the Markdown report with its images.
#include "runtime/headless/headless.h"
#include "meeting/meeting_overlays.h"
#include "meeting/report.h"
#include "runtime/spec/spec_loader.h"
#include "test_files.h"
#include <stb_image.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>

using namespace pt;

namespace {

std::shared_ptr<Spec> loadDoc(const Json& doc) {
    LoadResult r = SpecLoader::loadJson(doc);
    INFO(r.format("spec"));
    REQUIRE(r.spec);
    REQUIRE_FALSE(r.hasErrors());
    return r.spec;
}

Json sampleDoc(const std::string& name) {
    Json doc;
    Diagnostic error;
    REQUIRE(parseJsonText(test::sampleText(name), &doc, &error));
    return doc;
}

std::shared_ptr<Spec> sample(const std::string& name) { return loadDoc(sampleDoc(name)); }

bool sameRect(const ImRect& a, const ImRect& b) {
    return a.Min.x == b.Min.x && a.Min.y == b.Min.y && a.Max.x == b.Max.x && a.Max.y == b.Max.y;
}

const FlowMap::Box* boxOf(const FlowMap& map, const std::string& screen) {
    for (auto& b : map.boxes)
        if (b.screen == screen) return &b;
    return nullptr;
}

bool hasArrow(const FlowMap& map, const std::string& from, const std::string& to) {
    for (auto& a : map.arrows)
        if (map.boxes[a.from].screen == from && map.boxes[a.to].screen == to) return true;
    return false;
}

// Pixels that differ between two same-sized images inside a rectangle.
int changedPixels(const Image& a, const Image& b, int x0, int y0, int w, int h) {
    Image ca = crop(a, x0, y0, w, h), cb = crop(b, x0, y0, w, h);
    REQUIRE(ca.rgba.size() == cb.rgba.size());
    int changed = 0;
    for (size_t i = 0; i < ca.rgba.size(); i += 4)
        if (!std::equal(ca.rgba.begin() + i, ca.rgba.begin() + i + 4, cb.rgba.begin() + i)) ++changed;
    return changed;
}

Reaction reaction(const std::string& kind, const std::string& screen, const std::string& widget, const std::string& who,
                  const std::string& comment = "", const std::string& variant = "A") {
    Reaction r;
    r.kind = kind;
    r.screen = screen;
    r.widget = widget;
    r.who = who;
    r.comment = comment;
    r.variant = variant;
    r.time = 1778740000;
    return r;
}

SessionEvent event(const std::string& session, const std::string& type, double t, const std::string& screen,
                   const std::string& variant, float x = -1, float y = -1) {
    SessionEvent e;
    e.session = session;
    e.type = type;
    e.t = t;
    e.wall = 1778740000 + t;
    e.screen = screen;
    e.variant = variant;
    e.x = x;
    e.y = y;
    return e;
}

} // namespace

//-----------------------------------------------------------------------------
// Flow map
//-----------------------------------------------------------------------------

TEST_CASE("flow map: every screen a box, the start first, arrows from the spec's navigations", "[report][flowmap]") {
    for (auto& entry : std::filesystem::directory_iterator(std::string(PT_SOURCE_DIR) + "/samples")) {
        if (entry.path().extension() != ".json") continue;
        DYNAMIC_SECTION(entry.path().filename().string()) {
            auto spec = sample(entry.path().filename().string());
            FlowMap map = layoutFlowMap(*spec, nullptr);
            REQUIRE(map.boxes.size() == spec->screens.size());
            for (auto& s : spec->screens) {
                const FlowMap::Box* b = boxOf(map, s.id);
                REQUIRE(b);
                CHECK(b->reached == -1);
                CHECK(b->pos.x >= 0);
                CHECK(b->pos.y >= 0);
                CHECK(b->pos.x + b->size.x <= map.size.x);
                CHECK(b->pos.y + b->size.y <= map.size.y);
            }
            const FlowMap::Box* start = boxOf(map, spec->nav.start);
            REQUIRE(start);
            CHECK(start->column == 0);
            CHECK(start->pos.x == 0);

            // A control that navigates from one screen to another is an arrow; nav items are drawn from the start.
            std::vector<NavEdge> edges = navEdges(*spec);
            for (auto& e : edges) {
                if (!spec->screen(e.from) || !spec->screen(e.to) || e.from == e.to) continue;
                if (e.node || e.from == start->screen) CHECK(hasArrow(map, e.from, e.to));
            }
            // Every arrow is a navigation the spec has, from the screen or from a dialog it opens.
            for (auto& a : map.arrows) {
                const std::string &from = map.boxes[a.from].screen, &to = map.boxes[a.to].screen;
                bool explained = false;
                for (auto& e : edges) {
                    if (e.to != to) continue;
                    if (e.from == from) explained = true;
                    for (auto& o : edges)  // one overlay on the way
                        if (o.from == from && o.to == e.from && spec->overlay(e.from)) explained = true;
                }
                INFO(from << " -> " << to);
                CHECK(explained);
            }
            std::vector<std::string> reachable = reachableScreens(*spec);
            for (auto& b : map.boxes) {
                bool isReachable = std::find(reachable.begin(), reachable.end(), b.screen) != reachable.end();
                INFO(b.screen);
                CHECK(b.unreachable == !isReachable);
            }
        }
    }
}

TEST_CASE("flow map: columns by steps from the start, unreachable screens last, funnel figures on boxes", "[report][flowmap]") {
    auto spec = loadDoc(Json::parse(R"({"spec": 1, "nav": {"start": "home"}, "screens": {
        "home": {"title": "Home", "body": [{"button": "Shop", "go": "shop"}, {"button": "Help", "press": {"open": "helpSheet"}}]},
        "shop": {"title": "Shop", "body": [{"button": "Pay", "go": "pay"}]},
        "pay": {"title": "Pay", "body": [{"button": "Start over", "go": "home"}]},
        "faq": {"title": "FAQ", "body": [{"text": "Nobody links here"}]},
        "support": {"title": "Support ${1 + 1}", "body": []}},
      "overlays": {"helpSheet": {"kind": "sheet", "title": "Help", "body": [{"button": "Write to us", "go": "support"}]}}})"));
    VariantFigures figures;
    figures.variant = "A";
    figures.sessions = 4;
    figures.screens = {{"home", 4, 5, 30, 6, 1, 0}, {"shop", 3, 3, 20, 4, 0, 0}, {"pay", 1, 1, 9, 1, 0, 0}};
    FlowMap map = layoutFlowMap(*spec, &figures);
    CHECK(boxOf(map, "home")->column == 0);
    CHECK(boxOf(map, "shop")->column == 1);
    CHECK(boxOf(map, "support")->column == 1);  // through the sheet
    CHECK(boxOf(map, "support")->title == "Support 2");
    CHECK(boxOf(map, "pay")->column == 2);
    CHECK(boxOf(map, "faq")->column == 3);
    CHECK(boxOf(map, "faq")->unreachable);
    CHECK_FALSE(boxOf(map, "pay")->unreachable);
    CHECK(hasArrow(map, "home", "support"));
    CHECK(hasArrow(map, "pay", "home"));  // back to an earlier column
    CHECK(map.arrows.size() == 4);
    CHECK(boxOf(map, "home")->reached == 4);
    CHECK(boxOf(map, "pay")->reached == 1);
    CHECK(boxOf(map, "faq")->reached == 0);
    CHECK(map.sessions == 4);
    CHECK(boxOf(map, "shop")->pos.x > boxOf(map, "home")->pos.x);
    CHECK(boxOf(map, "faq")->pos.x > boxOf(map, "pay")->pos.x);

    Image image = renderFlowMap(*spec, &figures);
    CHECK(image.width >= (int)map.size.x);
    CHECK(image.height >= (int)map.size.y);
    CHECK(inkRatio(image) > 0.05);
}

TEST_CASE("flow map: clicking a box returns its screen", "[report][flowmap]") {
    auto spec = sample("habit_tracker.json");
    FlowMap map = layoutFlowMap(*spec, nullptr);
    HeadlessDriver d(spec, ImVec2(1000, 640));
    REQUIRE(map.size.x + 32 <= 1000);
    REQUIRE(map.size.y + 32 <= 640);
    std::string clicked;
    int frames = 0;
    d.setFrameHook([&](const ImRect& area) {
        ImGui::SetNextWindowPos(area.Min);
        ImGui::SetNextWindowSize(area.GetSize());
        ImGui::Begin("##map", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        std::string id = drawFlowMap(map, area, d.proto().currentScreen(), d.proto().theme(), *d.proto().fonts(), true);
        if (!id.empty()) clicked = id, ++frames;
        ImGui::End();
    });
    d.settle();
    // The map fits at scale 1, centered in the area.
    ImVec2 origin(std::floor(500 - map.size.x * 0.5f), std::floor(320 - map.size.y * 0.5f));
    auto press = [&](ImVec2 at) {
        ImGui::SetCurrentContext(d.context());
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        d.frame();
        io.MouseDown[0] = true;
        d.frame();
        io.MouseDown[0] = false;
        d.frame();
    };
    const FlowMap::Box* habit = boxOf(map, "habit");
    REQUIRE(habit);
    press(origin + habit->pos + habit->size * 0.5f);
    CHECK(clicked == "habit");
    CHECK(frames == 1);  // one click, one answer
    clicked.clear();
    press(origin + ImVec2(map.size.x * 0.5f, map.size.y + 10));  // below the boxes
    CHECK(clicked.empty());
    const FlowMap::Box* today = boxOf(map, "today");
    press(origin + today->pos + ImVec2(6, 6));
    CHECK(clicked == "today");
}

//-----------------------------------------------------------------------------
// Over the prototype
//-----------------------------------------------------------------------------

TEST_CASE("pins sit on their widgets on the current screen only", "[report][pins]") {
    HeadlessDriver d(sample("habit_tracker.json"));
    d.settle();
    REQUIRE(d.proto().currentScreen() == "today");
    const Probe* add = d.find("addHabit");
    REQUIRE(add);
    const Probe* tab = d.find("nav:progress");
    REQUIRE(tab);
    std::vector<Reaction> reactions = {
        reaction("agree", "today", "addHabit", "Maria"),
        reaction("question", "reminders", "remindOn", "Tom"),     // a widget of another screen
        reaction("idea", "today", "addHabit", "Ana"),             // same widget: same marker
        reaction("disagree", "today", "gone", "Ana"),             // a widget that is not there
        reaction("agree", "today", "nav:progress", "Tom"),        // app chrome, pinned on this screen
        reaction("agree", "reminders", "nav:progress", "Tom"),    // the same tab, pinned on another screen
    };
    std::vector<PinMarker> pins = layoutPins(d.proto(), reactions);
    REQUIRE(pins.size() == 2);
    CHECK(pins[0].reactions == std::vector<int>{0, 2});
    CHECK(pins[0].number == 1);
    CHECK(sameRect(pins[0].widget, add->rect));
    ImRect screen(ImVec2(0, 0), d.size());
    CHECK(screen.Contains(pins[0].center));
    CHECK(std::abs(pins[0].center.y - add->rect.Min.y) <= 13);  // at the top-right corner, nudged inside the area
    CHECK(std::abs(pins[0].center.x - add->rect.Max.x) <= 13);
    CHECK(pins[1].reactions == std::vector<int>{4});
    CHECK(pins[1].number == 2);
    CHECK(sameRect(pins[1].widget, tab->rect));

    d.proto().showScreen("reminders");
    d.settle();
    pins = layoutPins(d.proto(), reactions);
    REQUIRE(pins.size() == 2);
    CHECK(pins[0].reactions == std::vector<int>{1});
    CHECK(pins[1].reactions == std::vector<int>{5});
}

TEST_CASE("pins and the heat map draw where they are, and nowhere else", "[report][heatmap]") {
    HeadlessDriver d(sample("habit_tracker.json"));
    d.settle();
    Image before = d.capture();
    std::vector<HeatPoint> points = {{0.3f, 0.4f, false}, {0.31f, 0.41f, false}, {0.3f, 0.42f, false}, {0.7f, 0.2f, true}};
    d.setFrameHook([&](const ImRect& area) { drawHeatmap(ImGui::GetForegroundDrawList(), area, points, true); });
    Image heat = d.capture();
    d.setFrameHook(nullptr);
    REQUIRE(heat.width == before.width);
    int w = before.width, h = before.height;
    CHECK(changedPixels(before, heat, int(0.3f * w) - 10, int(0.41f * h) - 10, 20, 20) > 300);  // the hot spot
    CHECK(changedPixels(before, heat, int(0.7f * w) - 6, int(0.2f * h) - 6, 12, 12) > 20);       // the misclick
    CHECK(changedPixels(before, heat, int(0.8f * w), int(0.85f * h), 40, 40) == 0);             // far from every click
    CHECK(changedPixels(before, heat, 0, 0, w, h) < w * h / 8);
    // A hot spot reads warm: its center is redder than the screen under it.
    Image center = crop(heat, int(0.3f * w), int(0.41f * h), 1, 1);
    Image under = crop(before, int(0.3f * w), int(0.41f * h), 1, 1);
    CHECK(int(center.rgba[0]) - int(center.rgba[2]) > int(under.rgba[0]) - int(under.rgba[2]));

    std::vector<Reaction> reactions = {reaction("agree", "today", "addHabit", "Maria")};
    d.setFrameHook([&](const ImRect&) {
        drawPins(ImGui::GetForegroundDrawList(), *d.proto().fonts(), layoutPins(d.proto(), reactions), reactions, true);
    });
    Image pinned = d.capture();
    const Probe* add = d.find("addHabit");
    REQUIRE(add);
    ImVec2 corner(std::min(add->rect.Max.x, (float)w - 13), std::max(add->rect.Min.y, 13.0f));
    CHECK(changedPixels(before, pinned, int(corner.x) - 12, int(corner.y) - 12, 24, 24) > 150);
    CHECK(changedPixels(before, pinned, 0, h / 2, w, h / 2) == 0);
}

TEST_CASE("the selection outline rings its widget and names it above", "[report][outline]") {
    HeadlessDriver d(sample("habit_tracker.json"));
    d.settle();
    Image before = d.capture();
    const Probe* card = d.find("habit");
    REQUIRE(card);
    ImRect r = card->rect;
    d.setFrameHook([&](const ImRect&) {
        drawWidgetOutline(ImGui::GetForegroundDrawList(), *d.proto().fonts(), r, "Morning run", d.proto().theme().c.brand);
    });
    Image outlined = d.capture();
    int w = (int)r.GetWidth(), h = (int)r.GetHeight();
    CHECK(changedPixels(before, outlined, (int)r.Min.x + 10, (int)r.Min.y - 3, w - 20, 2) >= w - 20);  // the top edge
    CHECK(changedPixels(before, outlined, (int)r.Max.x + 1, (int)r.Min.y + 8, 2, h - 16) >= h - 16);   // the right edge
    CHECK(changedPixels(before, outlined, (int)r.Min.x, (int)r.Min.y - 24, 60, 18) > 200);            // the name tag
    CHECK(changedPixels(before, outlined, 0, (int)r.Max.y + 40, before.width, 200) == 0);
}

TEST_CASE("heat map ignores points outside the area and empty input", "[report][heatmap]") {
    HeadlessDriver d(sample("habit_tracker.json"));
    d.settle();
    Image before = d.capture();
    std::vector<HeatPoint> points = {{-0.5f, 0.5f, true}, {1.5f, 2.0f, false}, {NAN, 0.5f, false}};
    d.setFrameHook([&](const ImRect& area) {
        drawHeatmap(ImGui::GetForegroundDrawList(), area, points, true);
        drawHeatmap(ImGui::GetForegroundDrawList(), area, {}, true);
        drawHeatmap(ImGui::GetForegroundDrawList(), ImRect(area.Min, area.Min), points, true);
    });
    CHECK(changedPixels(before, d.capture(), 0, 0, before.width, before.height) == 0);
}

//-----------------------------------------------------------------------------
// Report
//-----------------------------------------------------------------------------

TEST_CASE("report: sections, figures, orphans, escaped words and the images it links", "[report]") {
    Json doc = sampleDoc("habit_tracker.json");
    doc["screens"]["reminders"]["body"][3]["variants"] = {{"B", {{"variant", "primary"}}}};  // B: a louder test button
    auto specA = loadDoc(doc);
    LoadResult b = SpecLoader::loadVariant(doc, "B");
    INFO(b.format("spec"));
    REQUIRE(b.spec);
    REQUIRE_FALSE(b.hasErrors());
    std::shared_ptr<const Spec> specB = b.spec;

    ReportInput input;
    input.specPath = "app/habits.json";
    input.variants = {{"A", specA}, {"B", specB}};
    input.reactions = {
        reaction("agree", "today", "addHabit", "Maria", "Love it | really *great*\nsecond line"),
        reaction("question", "newHabit", "saveHabit", "Tom", "What if the name is <empty>?"),
        reaction("idea", "reminders", "testReminder", "Ana", "Louder, please", "B"),
        reaction("disagree", "today", "shareStreak", "Tom", "Nobody shares streaks"),  // gone from the spec
        reaction("agree", "today", "addHabit", "", "same here"),
        reaction("agree", "today", "nav:progress", "Ana"),
    };
    input.reactions[3].label = "Share streak";
    input.events = {
        event("maria", "start", 0, "", "A"), event("maria", "screen", 0, "today", "A"),
        event("maria", "click", 3, "today", "A", 0.5f, 0.4f), event("maria", "misclick", 5, "today", "A", 0.2f, 0.15f),
        event("maria", "screen", 8, "progress", "A"), event("maria", "click", 12, "progress", "A", 0.4f, 0.6f),
        event("maria", "end", 20, "progress", "A"),
        event("tom", "start", 0, "", "A"), event("tom", "screen", 0, "today", "A"), event("tom", "end", 30, "today", "A"),
        event("ana", "start", 0, "", "B"), event("ana", "screen", 0, "today", "B"), event("ana", "screen", 4, "reminders", "B"),
        event("ana", "click", 6, "reminders", "B", 0.5f, 0.7f), event("ana", "end", 10, "reminders", "B"),
    };
    input.versions = {{1, "generate", "a habit tracker", "offline drafter", 1778700000, 0, 100},
                      {2, "refine", "make the ring | bigger", "openai gpt-4o", 1778710000, 1, 120},
                      {3, "edit", "hand edit", "", 1778720000, 2, 130}};
    input.currentVersion = 3;
    input.generatedAt = 1778740000;

    test::ScratchDir dir("report");
    std::string out = dir.file("out");
    ReportResult result = writeReport(input, out);
    INFO(result.error);
    REQUIRE(result.ok);
    CHECK(result.markdownPath == out + "/report.md");
    std::string md = test::readFile(result.markdownPath);
    INFO(md);

    for (const char* section : {"# Streaks — review report", "## Flow", "## Screens", "### Today", "### Reminders",
                                "## Reactions on widgets no longer in the prototype", "## Sessions", "### Variant A",
                                "### Variant B", "## Versions"})
        CHECK(md.find(section) != std::string::npos);
    CHECK(md.find("6 reactions from 3 people (and 1 anonymous), 3 sessions, 3 versions, 2 variants") != std::string::npos);

    // Reactions: grouped by widget under their screen, numbered like the pins, escaped.
    size_t today = md.find("### Today"), progress = md.find("### Progress");
    size_t maria = md.find("Love it \\| really \\*great\\* second line");
    CHECK(maria > today);
    CHECK(maria < progress);
    CHECK(md.find("1. **New habit**") != std::string::npos);
    CHECK(md.find("same here") > maria);
    CHECK(md.find("from Anonymous") != std::string::npos);
    CHECK(md.find("What if the name is \\<empty\\>?") != std::string::npos);
    CHECK(md.find("Louder, please · variant B") != std::string::npos);
    // Variant B changes the reminders screen only: two images there, one elsewhere.
    CHECK(md.find("images/screen-reminders-A.png") != std::string::npos);
    CHECK(md.find("images/screen-reminders-B.png") != std::string::npos);
    CHECK(md.find("images/screen-today.png") != std::string::npos);
    CHECK(md.find("images/screen-today-B.png") == std::string::npos);
    // The orphan is listed in its own section, never dropped.
    size_t orphans = md.find("## Reactions on widgets no longer in the prototype");
    CHECK(md.find("Share streak") > orphans);
    CHECK(md.find("Nobody shares streaks") > orphans);
    CHECK(md.find("Nobody shares streaks") < md.find("## Sessions"));

    // Session figures per variant: reached counts, visits, clicks and the funnel.
    size_t sessions = md.find("## Sessions"), variantB = md.find("### Variant B", sessions);
    CHECK(md.find("| Today | 2 of 2 | 2 |", sessions) < variantB);
    CHECK(md.find("| Progress | 1 of 2 | 1 |", sessions) < variantB);
    CHECK(md.find("Funnel: Today 2 → Progress 1") < variantB);
    CHECK(md.find("| Today | 1 of 1 |", variantB) != std::string::npos);
    CHECK(md.find("Funnel: Today 1 → Reminders 1", variantB) != std::string::npos);

    // The split compared: each step's share per variant with its counts, reactions by kind, and no winner named
    // from three sessions.
    size_t compared = md.find("## Variants compared");
    REQUIRE(compared != std::string::npos);
    CHECK(compared < sessions);
    CHECK(md.find("| Step | Variant A | Variant B |", compared) != std::string::npos);
    CHECK(md.find("| Reached Today | 2 of 2 (100%) | 1 of 1 (100%) |", compared) != std::string::npos);
    CHECK(md.find("| Reached Progress | 1 of 2 (50%) | 0 of 1 (0%) |", compared) != std::string::npos);
    CHECK(md.find("| Reached Reminders | 0 of 2 (0%) | 1 of 1 (100%) |", compared) != std::string::npos);
    CHECK(md.find("| Misclicks per session | 0.5 | 0.0 |", compared) != std::string::npos);
    CHECK(md.find("| Idea reactions | 0 | 1 |", compared) != std::string::npos);
    CHECK(md.find("| Agree reactions | 3 | 0 |", compared) != std::string::npos);
    CHECK(md.find("Too few sessions to conclude anything: variant B has 1 session.", compared) != std::string::npos);

    // Versions, the current one marked, user text escaped.
    CHECK(md.find("| **3** (current) | edit |") != std::string::npos);
    CHECK(md.find("make the ring \\| bigger") != std::string::npos);

    // Every image the Markdown links exists, relative to the report, and is a real picture.
    std::regex link(R"(\]\((images/[^)]+\.png)\))");
    std::set<std::string> linked;
    for (std::sregex_iterator it(md.begin(), md.end(), link), end; it != end; ++it) linked.insert((*it)[1].str());
    CHECK(linked.size() >= 7);  // flow, flow-B, five screens (+1 variant)
    CHECK(linked.size() == result.images.size());
    for (const std::string& rel : linked) {
        INFO(rel);
        std::string path = out + "/" + rel;
        CHECK(std::find(result.images.begin(), result.images.end(), path) != result.images.end());
        int w = 0, h = 0, n = 0;
        unsigned char* px = stbi_load(path.c_str(), &w, &h, &n, 4);
        REQUIRE(px);
        Image img;
        img.width = w;
        img.height = h;
        img.rgba.assign(px, px + (size_t)w * h * 4);
        stbi_image_free(px);
        CHECK(inkRatio(img) > 0.05);
    }
}

TEST_CASE("report: bad input and unwritable folders are explained, not crashed on", "[report]") {
    test::ScratchDir dir("report-bad");
    ReportInput empty;
    ReportResult r = writeReport(empty, dir.file("out"));
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("nothing to report") != std::string::npos);

    ReportInput input;
    input.variants = {{"A", sample("settings.json")}};
    std::string blocked = dir.file("file");
    REQUIRE(std::ofstream(blocked).good());
    r = writeReport(input, blocked + "/out");
    CHECK_FALSE(r.ok);
    CHECK(r.error.find(blocked) != std::string::npos);

    // No reactions, events or versions: still a report, saying so.
    r = writeReport(input, dir.file("quiet"));
    REQUIRE(r.ok);
    std::string md = test::readFile(r.markdownPath);
    CHECK(md.find("No sessions were recorded.") != std::string::npos);
    CHECK(md.find("No versions recorded.") != std::string::npos);
    CHECK(md.find("## Reactions on widgets no longer in the prototype") == std::string::npos);
    CHECK(md.find("0 reactions from 0 people, 0 sessions, 0 versions.") != std::string::npos);
}
