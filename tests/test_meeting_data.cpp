// Meeting data: reactions (durable, tolerant, anchored to widgets), session events and their figures, A/B variants.
#include "meeting/feedback.h"
#include "runtime/headless/headless.h"
#include "meeting/session_log.h"
#include "runtime/engine/targets.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/files.h"
#include "runtime/engine/theme.h"
#include "runtime/spec/variants.h"
#include "runtime/spec/catalog.h"
#include "test_files.h"
#include "test_specs.h"
#include <catch2/catch.hpp>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace pt;
using pt::test::compile;

namespace {

std::shared_ptr<const Spec> sample(const std::string& name) {
    LoadResult r = SpecLoader::loadFile(std::string(PT_SOURCE_DIR) + "/samples/" + name);
    INFO(r.format(name));
    REQUIRE(r.spec);
    REQUIRE(r.diagnostics.empty());
    return r.spec;
}

Reaction reaction(double time, std::string kind, std::string widget, std::string comment = "") {
    Reaction r;
    r.time = time;
    r.kind = std::move(kind);
    r.widget = std::move(widget);
    r.comment = std::move(comment);
    return r;
}

SessionEvent event(std::string session, std::string type, double t, std::string screen, std::string variant,
                   std::string widget = "", float x = -1, float y = -1) {
    SessionEvent e;
    e.session = std::move(session);
    e.type = std::move(type);
    e.t = t;
    e.screen = std::move(screen);
    e.variant = std::move(variant);
    e.widget = std::move(widget);
    e.x = x;
    e.y = y;
    return e;
}

} // namespace

//-----------------------------------------------------------------------------
// Reactions
//-----------------------------------------------------------------------------

TEST_CASE("reaction kinds come in display order with icons that exist", "[feedback]") {
    const auto& kinds = reactionKinds();
    REQUIRE(kinds.size() == 4);
    CHECK(std::string(kinds[0].name) == "agree");
    CHECK(std::string(kinds[1].name) == "disagree");
    CHECK(std::string(kinds[2].name) == "question");
    CHECK(std::string(kinds[3].name) == "idea");
    for (const ReactionKind& k : kinds) {
        INFO(k.name);
        CHECK_FALSE(iconGlyph(k.icon).empty());
        CHECK(findReactionKind(k.name) == &k);
    }
    CHECK(findReactionKind("like") == nullptr);
}

TEST_CASE("reactions round trip through the feedback file", "[feedback]") {
    test::ScratchDir dir("feedback");
    FeedbackLog log(dir.file("habits.json"));
    CHECK(log.path() == dir.file("habits.feedback.jsonl"));
    CHECK(log.load().empty());  // no file yet: an empty log

    Reaction full;
    full.time = 1778745600.25;
    full.who = "María";
    full.kind = "question";
    full.comment = "Why \"two\" steps?\nShouldn't it be one?";
    full.screen = "newHabit";
    full.widget = "saveHabit";
    full.label = "Save habit";
    full.variant = "B";
    full.version = 7;
    full.session = "Tuesday review";
    std::string error;
    REQUIRE(log.append(full, &error));
    REQUIRE(log.append(reaction(1778745601, "agree", "today/body/1/0#2"), &error));

    std::vector<std::string> problems;
    auto loaded = log.load(&problems);
    CHECK(problems.empty());
    REQUIRE(loaded.size() == 2);
    const Reaction& r = loaded[0];
    CHECK(r.time == full.time);
    CHECK(r.who == full.who);
    CHECK(r.kind == full.kind);
    CHECK(r.comment == full.comment);
    CHECK(r.screen == full.screen);
    CHECK(r.widget == full.widget);
    CHECK(r.label == full.label);
    CHECK(r.variant == full.variant);
    CHECK(r.version == 7);
    CHECK(r.session == full.session);
    CHECK(loaded[1].kind == "agree");
    CHECK(loaded[1].widget == "today/body/1/0#2");
    CHECK(loaded[1].who.empty());
    CHECK(loaded[1].version == 0);

    std::string text = test::readFile(log.path());
    CHECK(std::count(text.begin(), text.end(), '\n') == 2);  // one line per reaction, the comment's newline escaped
}

TEST_CASE("a reaction of an unknown kind is refused and nothing is written", "[feedback]") {
    test::ScratchDir dir("feedback-kind");
    FeedbackLog log(dir.file("app.json"));
    std::string error;
    CHECK_FALSE(log.append(reaction(1, "like", "cta"), &error));
    CHECK(error.find("like") != std::string::npos);
    CHECK(test::readFile(log.path()).empty());
}

TEST_CASE("malformed reaction entries say what is wrong", "[feedback]") {
    Reaction r;
    std::string error;
    CHECK_FALSE(reactionFromJson(Json::parse(R"([1, 2])"), &r, &error));
    CHECK(error == "a reaction should be a JSON object");
    CHECK_FALSE(reactionFromJson(Json::parse(R"({"kind": "agree"})"), &r, &error));
    CHECK(error.find("\"time\"") != std::string::npos);
    CHECK_FALSE(reactionFromJson(Json::parse(R"({"time": 1, "kind": "meh"})"), &r, &error));
    CHECK(error.find("meh") != std::string::npos);
    CHECK_FALSE(reactionFromJson(Json::parse(R"({"time": 1, "kind": "idea", "who": 5})"), &r, &error));
    CHECK(error == "\"who\" should be text");
    CHECK_FALSE(reactionFromJson(Json::parse(R"({"time": 1, "kind": "idea", "version": "v2"})"), &r, &error));
    CHECK(error.find("\"version\"") != std::string::npos);
    REQUIRE(reactionFromJson(Json::parse(R"({"time": 1, "kind": "idea"})"), &r, &error));
    CHECK(r.kind == "idea");
}

TEST_CASE("a torn last line and malformed lines are skipped and described", "[feedback]") {
    test::ScratchDir dir("feedback-torn");
    FeedbackLog log(dir.file("app.json"));
    std::string error;
    REQUIRE(log.append(reaction(1, "agree", "cta"), &error));
    REQUIRE(appendLineDurable(log.path(), "not json at all", &error));
    REQUIRE(appendLineDurable(log.path(), R"({"time": 2, "kind": "shrug"})", &error));
    REQUIRE(log.append(reaction(3, "idea", "cta", "make it green"), &error));
    {
        std::ofstream torn(log.path(), std::ios::app | std::ios::binary);
        torn << R"({"time": 4, "kind": "disag)";  // the writer was killed mid-line
    }
    std::vector<std::string> problems;
    auto loaded = log.load(&problems);
    REQUIRE(loaded.size() == 2);
    CHECK(loaded[0].time == 1);
    CHECK(loaded[1].comment == "make it green");
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].rfind(log.path() + ":2: skipped: ", 0) == 0);
    CHECK(problems[1].rfind(log.path() + ":3: skipped: ", 0) == 0);
    CHECK(problems[1].find("shrug") != std::string::npos);
    CHECK(problems[2].rfind(log.path() + ":5: incomplete last line", 0) == 0);
}

TEST_CASE("reactions appended by a killed process are all there", "[feedback][durability]") {
    test::ScratchDir dir("feedback-kill");
    const std::string spec = dir.file("app.json");
    constexpr int kReported = 50;
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // Appends until killed, telling the parent after each append that it is on disk.
        ::close(fds[0]);
        FeedbackLog log(spec);
        for (int i = 0; i < 1000000; ++i) {
            std::string error;
            if (!log.append(reaction(i, "idea", "cta", "r" + std::to_string(i)), &error)) ::_exit(2);
            char one = 1;
            if (::write(fds[1], &one, 1) != 1) ::_exit(3);
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    int reported = 0;
    char buf[64];
    while (reported < kReported) {
        ssize_t n = ::read(fds[0], buf, sizeof(buf));
        if (n <= 0) break;
        reported += (int)n;
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(fds[0]);
    REQUIRE(reported >= kReported);
    CHECK((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));

    std::vector<std::string> problems;
    auto loaded = FeedbackLog(spec).load(&problems);
    CHECK(problems.size() <= 1);  // at most the line being written when the kill landed
    REQUIRE((int)loaded.size() >= reported);
    for (int i = 0; i < reported; ++i) {
        INFO(i);
        CHECK(loaded[i].comment == "r" + std::to_string(i));
    }
}

//-----------------------------------------------------------------------------
// Anchoring
//-----------------------------------------------------------------------------

TEST_CASE("a reaction follows its widget's id across edits and is orphaned when it is gone", "[feedback][anchor]") {
    auto before = compile(R"({"screens": {
        "home": {"body": [{"text": "Welcome"}, {"button": "Start free trial", "id": "cta", "go": "plans"}]},
        "plans": {"body": [{"text": "Plans"}, {"text": "Pick one", "repeat": {"in": "${[1, 2, 3]}"}}]}}})");
    WidgetLocation at;
    REQUIRE(locateWidget(*before, "cta", &at));
    CHECK(at.screen == "home");
    CHECK_FALSE(at.inOverlay);
    REQUIRE(at.node);
    CHECK(anchorFor(*at.node, "cta") == "cta");
    CHECK(anchorFor(*at.node, "cta#2") == "cta#2");  // a repeated row: the reaction is about that row
    CHECK(at.node->pointer == "/screens/home/body/1");

    // The edit moves the button into a card on the other screen.
    auto moved = compile(R"({"screens": {
        "home": {"body": [{"text": "Welcome"}, {"button": "See plans", "go": "plans"}]},
        "plans": {"body": [{"card": [{"button": "Start free trial", "id": "cta", "go": "home"}]}]}}})");
    REQUIRE(locateWidget(*moved, "cta", &at));
    CHECK(at.screen == "plans");
    CHECK(at.node->pointer == "/screens/plans/body/0/card/0");
    CHECK(at.node->type == "button");

    auto removed = compile(R"({"screens": {"home": {"body": [{"text": "Welcome"}]}}})");
    CHECK_FALSE(locateWidget(*removed, "cta", &at));
    CHECK_FALSE(locateWidget(*removed, "", &at));
}

TEST_CASE("widgets without an id are anchored by key, repeat instances by their template", "[feedback][anchor]") {
    auto spec = compile(R"({"screens": {"home": {"body": [{"text": "Hi"}, {"text": "${item}", "repeat": {"in": "${['a', 'b']}"}},
                                                 {"button": "Ask", "on": {"press": {"open": "ask"}}}]}},
        "components": {"tile": {"params": {"label": ""}, "body": {"card": [{"button": "${params.label}"}]}}},
        "overlays": {"ask": {"title": "Sure?", "body": [{"tile": null, "label": "Inner"}], "actions": [{"button": "OK", "id": "ok", "press": "close"}]}}})");
    WidgetLocation at;
    REQUIRE(locateWidget(*spec, "home/1#1", &at));
    CHECK(at.screen == "home");
    CHECK(at.node->pointer == "/screens/home/body/1");
    CHECK(anchorFor(*at.node, "home/1#1") == "home/1#1");

    REQUIRE(locateWidget(*spec, "ok", &at));
    CHECK(at.screen == "ask");
    CHECK(at.inOverlay);

    // A component instance's body is found through the instance.
    REQUIRE(locateWidget(*spec, "ask/0/0/0", &at));
    CHECK(at.inOverlay);
    CHECK(at.node->type == "button");

    CHECK_FALSE(locateWidget(*spec, "home/7", &at));
}

//-----------------------------------------------------------------------------
// Session events
//-----------------------------------------------------------------------------

TEST_CASE("session events round trip, inputs are clipped at 200 bytes on a character boundary", "[sessions]") {
    test::ScratchDir dir("sessions");
    SessionLog log(dir.file("habits.json"));
    CHECK(log.path() == dir.file("habits.sessions.jsonl"));

    SessionEvent click = event("Maria", "click", 1.5, "today", "B", "addHabit", 0.25f, 0.75f);
    click.wall = 1778745600;
    SessionEvent input = event("Maria", "input", 3, "newHabit", "B", "habitName");
    input.value = "a" + std::string(100, 'x');
    for (int i = 0; i < 60; ++i) input.value += "é";  // 2 bytes each: byte 200 falls inside one
    std::string error;
    REQUIRE(log.append(click, &error));
    REQUIRE(log.append(input, &error));
    CHECK_FALSE(log.append(event("Maria", "hover", 4, "today", "B"), &error));
    CHECK(error.find("hover") != std::string::npos);

    std::vector<std::string> problems;
    auto loaded = log.load(&problems);
    CHECK(problems.empty());
    REQUIRE(loaded.size() == 2);
    CHECK(loaded[0].session == "Maria");
    CHECK(loaded[0].type == "click");
    CHECK(loaded[0].t == 1.5);
    CHECK(loaded[0].wall == 1778745600);
    CHECK(loaded[0].screen == "today");
    CHECK(loaded[0].widget == "addHabit");
    CHECK(loaded[0].x == 0.25f);
    CHECK(loaded[0].y == 0.75f);
    CHECK(loaded[0].variant == "B");
    CHECK(loaded[1].x == -1);
    CHECK(loaded[1].value.size() == 199);  // 101 ASCII bytes + 49 whole "é"
    CHECK(loaded[1].value == input.value.substr(0, 199));
}

TEST_CASE("a click is the smallest live control under the pointer, else a misclick on what is there", "[sessions]") {
    auto spec = compile(R"({"screens": {"home": {"body": [{"text": "Hi"}, {"button": "Go", "id": "go", "press": {"toast": "ok"}},
                                                           {"input": "Name", "id": "name", "bind": "draft.name"}]}},
        "state": {"draft": {"name": ""}}})");
    Probe card, button, text;
    card.rect = ImRect(0, 0, 200, 100);
    card.clip = text.clip = button.clip = ImRect(0, 0, 200, 100);
    button.rect = ImRect(10, 10, 60, 40);
    button.clickable = button.hasAction = true;
    button.node = &spec->screen("home")->body[1];
    button.key = "home/1";
    text.rect = ImRect(100, 10, 190, 40);
    text.node = &spec->screen("home")->body[0];
    text.key = "home/0";
    std::vector<Probe> probes = {card, button, text};
    bool live = false;
    CHECK(probeAt(probes, ImVec2(20, 20), &live) == &probes[1]);
    CHECK(live);
    CHECK(probeAt(probes, ImVec2(120, 20), &live) == &probes[2]);
    CHECK_FALSE(live);
    probes[1].enabled = false;  // a disabled button does nothing: a misclick on it
    CHECK(probeAt(probes, ImVec2(20, 20), &live) == &probes[1]);
    CHECK_FALSE(live);
    CHECK(probeAt(probes, ImVec2(300, 20), &live) == nullptr);

    SessionEvent click = clickEvent(&probes[1], true, ImVec2(110, 75), ImRect(10, 0, 210, 100));
    CHECK(click.type == "click");
    CHECK(click.widget == "go");
    CHECK(click.x == 0.5f);
    CHECK(click.y == 0.75f);
    CHECK(clickEvent(nullptr, false, ImVec2(0, 0), ImRect(0, 0, 10, 10)).type == "misclick");

    std::string typed = std::string(199, 'x') + "é";  // byte 200 falls inside the "é"
    SessionEvent input = inputEvent(spec->screen("home")->body[2], "home/2", Json(typed));
    CHECK(input.type == "input");
    CHECK(input.widget == "name");
    CHECK(input.value == std::string(199, 'x'));
    CHECK(inputEvent(spec->screen("home")->body[2], "home/2", Json(true)).value == "true");
}

TEST_CASE("malformed and torn session lines are skipped and described", "[sessions]") {
    test::ScratchDir dir("sessions-torn");
    SessionLog log(dir.file("app.json"));
    std::string error;
    REQUIRE(log.append(event("s", "start", 0, "home", "A"), &error));
    REQUIRE(appendLineDurable(log.path(), R"({"session": "s", "type": "click"})", &error));
    REQUIRE(appendLineDurable(log.path(), R"({"session": "s", "type": "click", "t": 1, "x": "left"})", &error));
    REQUIRE(log.append(event("s", "end", 2, "home", "A"), &error));
    {
        std::ofstream torn(log.path(), std::ios::app | std::ios::binary);
        torn << R"({"session": "s", "ty)";
    }
    std::vector<std::string> problems;
    auto loaded = log.load(&problems);
    REQUIRE(loaded.size() == 2);
    CHECK(loaded[1].type == "end");
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] == log.path() + ":2: skipped: \"t\" (seconds since the session started) is missing");
    CHECK(problems[1] == log.path() + ":3: skipped: \"x\" should be a number");
    CHECK(problems[2].rfind(log.path() + ":5: incomplete last line", 0) == 0);
}

//-----------------------------------------------------------------------------
// Figures
//-----------------------------------------------------------------------------

TEST_CASE("figures per variant: funnel, visits, time, clicks, misclicks, inputs", "[sessions][figures]") {
    auto spec = sample("habit_tracker.json");
    // Three sessions, interleaved as a shared log would have them; "cy" leaves the variant empty (= A).
    std::vector<SessionEvent> events = {
        event("ana", "start", 0, "today", "A"),
        event("ben", "click", 0, "today", "B", "addHabit", 0.9f, 0.05f),  // no start: the first event's screen counts as entered
        event("cy", "screen", 0, "today", ""),
        event("ana", "click", 2, "today", "A", "habit", 0.5f, 0.3f),
        event("ben", "screen", 1, "newHabit", "B"),
        event("ana", "misclick", 3, "today", "A", "", 0.1f, 0.9f),
        event("cy", "screen", 4, "progress", ""),
        event("ben", "input", 4, "newHabit", "B", "habitName"),
        event("ana", "screen", 5, "progress", "A"),
        event("cy", "click", 5, "progress", "", "progress/3/0"),  // driven by name: no position, no heat point
        event("ana", "click", 6, "progress", "A", "progress/3/0#1", 0.4f, 0.8f),
        event("ben", "misclick", 6, "newHabit", "B", "", 0.5f, 0.5f),
        event("cy", "screen", 7, "archive", ""),                 // a screen the spec no longer has
        event("ana", "screen", 8, "habit", "A"),
        event("ana", "misclick", 9, "habit", "A", "", 0.2f, 0.2f),
        event("cy", "end", 9, "archive", ""),
        event("ben", "click", 10, "newHabit", "B", "saveHabit", 0.5f, 0.95f),
        event("ben", "screen", 11, "today", "B"),
        event("ana", "screen", 12, "today", "A"),
        event("ben", "end", 11, "today", "B"),
        event("ana", "end", 15, "today", "A"),
    };
    auto figures = computeFigures(events, *spec);
    REQUIRE(figures.size() == 2);

    const VariantFigures& a = figures[0];
    CHECK(a.variant == "A");
    CHECK(a.sessions == 2);
    std::vector<std::string> order;
    for (auto& s : a.screens) order.push_back(s.screen);
    CHECK(order == std::vector<std::string>{"today", "progress", "habit", "archive"});
    const ScreenFigures* today = a.screen("today");
    REQUIRE(today);
    CHECK(today->sessionsReached == 2);
    CHECK(today->visits == 3);               // ana twice, cy once
    CHECK(today->seconds == 5 + 3 + 4);      // ana 0-5 and 12-15, cy 0-4
    CHECK(today->clicks == 1);
    CHECK(today->misclicks == 1);
    const ScreenFigures* progress = a.screen("progress");
    REQUIRE(progress);
    CHECK(progress->sessionsReached == 2);
    CHECK(progress->seconds == 3 + 3);       // ana 5-8, cy 4-7
    CHECK(progress->clicks == 2);
    const ScreenFigures* habit = a.screen("habit");
    REQUIRE(habit);
    CHECK(habit->sessionsReached == 1);
    CHECK(habit->seconds == 4);
    CHECK(habit->misclicks == 1);
    REQUIRE(a.screen("archive"));
    CHECK(a.screen("archive")->seconds == 2);
    CHECK(a.screen("newHabit") == nullptr);

    const VariantFigures& b = figures[1];
    CHECK(b.variant == "B");
    CHECK(b.sessions == 1);
    REQUIRE(b.screens.size() == 2);
    CHECK(b.screens[0].screen == "today");
    CHECK(b.screens[1].screen == "newHabit");
    CHECK(b.screens[0].visits == 2);
    CHECK(b.screens[0].seconds == 1);
    CHECK(b.screens[0].clicks == 1);
    CHECK(b.screens[1].sessionsReached == 1);
    CHECK(b.screens[1].seconds == 10);
    CHECK(b.screens[1].inputs == 1);
    CHECK(b.screens[1].misclicks == 1);
    CHECK(b.screens[1].clicks == 1);

    auto heat = heatPoints(events, "today");
    REQUIRE(heat.size() == 3);
    CHECK((heat[0].x == 0.9f && heat[0].y == 0.05f && !heat[0].miss));
    CHECK((heat[1].x == 0.5f && heat[1].y == 0.3f && !heat[1].miss));
    CHECK((heat[2].x == 0.1f && heat[2].y == 0.9f && heat[2].miss));
    CHECK(heatPoints(events, "today", "B").size() == 1);
    CHECK(heatPoints(events, "today", "A").size() == 2);
    CHECK(heatPoints(events, "progress").size() == 1);
    CHECK(heatPoints(events, "reminders").empty());

    CHECK(computeFigures({}, *spec).empty());
}

TEST_CASE("flow order: start, then breadth-first along navigations, then the rest", "[sessions][figures]") {
    CHECK(flowOrder(*sample("habit_tracker.json")) == std::vector<std::string>{"today", "newHabit", "progress", "reminders", "habit"});

    // A dialog on the way is passed through; an unreachable screen comes last, in spec order.
    auto spec = SpecLoader::loadText(R"({"screens": {
        "home": {"body": [{"button": "Delete", "on": {"press": {"open": "ask"}}}, {"button": "Help", "go": "help"}]},
        "orphan": {"body": []}, "help": {"body": []}, "gone": {"body": []}},
      "overlays": {"ask": {"title": "Sure?", "actions": [{"button": "Yes", "press": [{"navigate": "gone"}]}]}}})").spec;
    REQUIRE(spec);
    CHECK(flowOrder(*spec) == std::vector<std::string>{"home", "gone", "help", "orphan"});

    namespace fs = std::filesystem;
    for (auto& e : fs::directory_iterator(fs::path(PT_SOURCE_DIR) / "samples")) {
        if (e.path().extension() != ".json") continue;
        auto s = sample(e.path().filename().string());
        auto order = flowOrder(*s);
        INFO(e.path().filename());
        REQUIRE(order.size() == s->screens.size());
        CHECK(order.front() == s->nav.start);
        for (auto& scr : s->screens) CHECK(std::count(order.begin(), order.end(), scr.id) == 1);
    }
}

//-----------------------------------------------------------------------------
// Variants
//-----------------------------------------------------------------------------

namespace {

// A screen variant (C), a widget variant (B and C) and a type-replacing widget variant (B).
const char* kVariants = R"({"state": {"often": "Daily"},
  "screens": {
    "home": {"title": "Home", "body": [
        {"text": "Hi"},
        {"button": "Start free trial", "id": "cta", "go": "plans",
         "variants": {"C": {"button": "Go"}, "B": {"button": "Try it for 14 days", "icon": "gift"}}}],
      "variants": {"C": {"title": "Welcome"}}},
    "plans": {"title": "Plans", "body": [
        {"select": "How often", "id": "often", "bind": "often", "options": ["Daily", "Weekly"], "grow": 1,
         "variants": {"B": {"chips": ["Daily", "Weekly"], "bind": "often"}}}]}}})";

std::string labelOf(const Spec& spec, const std::string& widget) {
    WidgetLocation at;
    REQUIRE(locateWidget(spec, widget, &at));
    REQUIRE(at.node->def);
    int label = at.node->def->propIndex("label");
    REQUIRE(label >= 0);
    return toDisplayString(at.node->props[label].raw());
}

std::string problemsOf(const LoadResult& r) { return r.format("spec"); }

} // namespace

TEST_CASE("variant sites and names are found in document order", "[variants]") {
    Json doc = Json::parse(kVariants);
    auto sites = variantSites(doc);
    REQUIRE(sites.size() == 3);
    CHECK(sites[0].pointer == "/screens/home");
    CHECK(sites[0].what == "screen home");
    CHECK(sites[0].screen == "home");
    CHECK(sites[0].names == std::vector<std::string>{"C"});
    CHECK(sites[1].pointer == "/screens/home/body/1");
    CHECK(sites[1].what == "button 'Start free trial' (#cta)");
    CHECK(sites[1].names == std::vector<std::string>{"C", "B"});
    CHECK(sites[2].pointer == "/screens/plans/body/0");
    CHECK(sites[2].screen == "plans");
    CHECK(variantNames(doc) == std::vector<std::string>{"A", "B", "C"});
    CHECK(variantNames(Json::parse(R"({"screens": {"home": {"body": []}}})")) == std::vector<std::string>{"A"});
}

TEST_CASE("applying a variant patches screens and widgets and drops every variants key", "[variants]") {
    Json doc = Json::parse(kVariants);
    Json b = applyVariant(doc, "B");
    CHECK(b.dump().find("variants") == std::string::npos);
    CHECK(b["screens"]["home"]["title"] == "Home");
    CHECK(b["screens"]["home"]["body"][1] == Json::parse(R"({"button": "Try it for 14 days", "id": "cta", "go": "plans", "icon": "gift"})"));
    // Naming another widget type replaces the node: the select's props go, id and layout stay.
    CHECK(b["screens"]["plans"]["body"][0] == Json::parse(R"({"chips": ["Daily", "Weekly"], "id": "often", "grow": 1, "bind": "often"})"));

    Json c = applyVariant(doc, "C");
    CHECK(c["screens"]["home"]["title"] == "Welcome");
    CHECK(c["screens"]["home"]["body"][1]["button"] == "Go");
    CHECK(c["screens"]["plans"]["body"][0]["select"] == "How often");

    Json a = applyVariant(doc, "A");
    CHECK(a.dump().find("variants") == std::string::npos);
    CHECK(a["screens"]["home"]["body"][1]["button"] == "Start free trial");
    CHECK(applyVariant(doc, "Z") == a);  // a name no site uses shows the spec as written
}

TEST_CASE("a patch key that is a prop of the widget is that prop, not a new widget type", "[variants]") {
    Json doc = Json::parse(R"({"screens": {"home": {"body": [
        {"button": "Save", "icon": "check", "variants": {"B": {"icon": "star"}, "C": {"type": "icon", "icon": "star"}}}]}}})");
    CHECK(applyVariant(doc, "B")["screens"]["home"]["body"][0] == Json::parse(R"({"button": "Save", "icon": "star"})"));
    CHECK(applyVariant(doc, "C")["screens"]["home"]["body"][0] == Json::parse(R"({"type": "icon", "icon": "star"})"));
    CHECK_FALSE(SpecLoader::loadJson(doc).hasErrors());
}

TEST_CASE("a variant inside a component body shows in every instance, and is checked once", "[variants]") {
    Json doc = Json::parse(R"({"components": {"tile": {"params": {"label": ""}, "body":
        {"button": "${label}", "go": "home", "variants": {"B": {"variant": "outline"}, "A": {"variant": "ghost"}}}}},
      "screens": {"home": {"body": [{"tile": "One"}, {"tile": "Two"}]}}})");
    auto sites = variantSites(doc);
    REQUIRE(sites.size() == 1);
    CHECK(sites[0].pointer == "/components/tile/body");
    CHECK(sites[0].screen.empty());
    LoadResult b = SpecLoader::loadVariant(doc, "B");
    std::string p = problemsOf(b);
    CHECK(p == "spec:/components/tile/body/variants/A: error: variant name 'A' is reserved for the spec as written; call the alternative B, C, ...\n");
    REQUIRE(b.spec);
    for (const char* instance : {"home/0/0", "home/1/0"}) {
        WidgetLocation at;
        REQUIRE(locateWidget(*b.spec, instance, &at));
        CHECK(at.node->props[at.node->def->propIndex("variant")].raw() == "outline");
    }
}

TEST_CASE("malformed variants values leave the spec as written", "[variants]") {
    Json doc = Json::parse(R"({"screens": {"home": {"body": [{"text": "Hi", "variants": {"B": "Hello"}}, {"text": "Yo", "variants": [1]}],
                                                   "variants": 3}}})");
    Json b = applyVariant(doc, "B");
    CHECK(b == Json::parse(R"({"screens": {"home": {"body": [{"text": "Hi"}, {"text": "Yo"}]}}})"));
    CHECK(applyVariant(Json::parse("[1, 2]"), "B") == Json::parse("[1, 2]"));
}

TEST_CASE("the loader compiles the variant asked for and keeps the document as written", "[variants][loader]") {
    Json doc = Json::parse(kVariants);
    LoadResult a = SpecLoader::loadJson(doc);
    INFO(problemsOf(a));
    REQUIRE(a.spec);
    CHECK(a.diagnostics.empty());
    CHECK(a.spec->variants == std::vector<std::string>{"A", "B", "C"});
    CHECK(a.spec->variant == "A");
    CHECK(labelOf(*a.spec, "cta") == "Start free trial");

    LoadResult b = SpecLoader::loadVariant(doc, "B");
    INFO(problemsOf(b));
    REQUIRE(b.spec);
    CHECK(b.diagnostics.empty());
    CHECK(b.spec->variant == "B");
    CHECK(b.spec->variants == a.spec->variants);
    CHECK(b.spec->source == doc);
    CHECK(labelOf(*b.spec, "cta") == "Try it for 14 days");
    WidgetLocation often;
    REQUIRE(locateWidget(*b.spec, "often", &often));
    CHECK(often.node->type == "chips");

    // Drawn for real: the B label is what a stakeholder sees.
    HeadlessDriver d(b.spec);
    d.settle();
    const Probe* cta = d.find("cta");
    REQUIRE(cta);
    CHECK(cta->label == "Try it for 14 days");
    std::string error;
    REQUIRE(d.click("cta", &error));
    CHECK(d.proto().currentScreen() == "plans");

    LoadResult c = SpecLoader::loadVariant(doc, "C");
    REQUIRE(c.spec);
    CHECK(c.spec->screen("home")->title.raw() == "Welcome");
    CHECK(labelOf(*c.spec, "cta") == "Go");
}

TEST_CASE("an unknown variant name is an error and the spec as written is shown", "[variants][loader]") {
    LoadResult r = SpecLoader::loadVariant(Json::parse(kVariants), "b");
    REQUIRE(r.spec);
    CHECK(r.spec->variant == "A");
    REQUIRE(r.hasErrors());
    CHECK(problemsOf(r) == "spec:/: error: no variant named 'b' (this spec has A, B, C) (did you mean 'B'?)\n");
    CHECK(r.diagnostics[0].subject == "b");
}

TEST_CASE("problems only a variant has are located where the variant is written", "[variants][loader]") {
    Json doc = Json::parse(R"({"screens": {
        "home": {"title": "Home", "body": [{"text": "Hi", "colour": "red"},
                                           {"button": "More", "id": "more", "go": "other", "variants": {"B": {"icon": "star"}}}],
                 "variants": {"B": {"body": [{"text": "Hi", "colour": "red"}, {"buton": "More", "id": "more"}]}}},
        "other": {"body": [{"button": "Home", "go": "home", "variants": {"B": {"variant": "huge"}}}]}}})");
    LoadResult r = SpecLoader::loadJson(doc);
    std::string p = problemsOf(r);
    INFO(p);
    // The warning the spec as written has is reported once, not again for B.
    CHECK(p.find("spec:/screens/home/body/0/colour: warning: unknown prop 'colour' for text") != std::string::npos);
    CHECK(std::count(p.begin(), p.end(), '\n') == 4);
    // B's screen patch rewrote the body, so the button's own B patch is not where the typo is.
    const Diagnostic* widget = nullptr;
    for (auto& d : r.diagnostics)
        if (d.message.rfind("variant B: unknown widget 'buton'", 0) == 0) widget = &d;
    REQUIRE(widget);
    CHECK(widget->level == Diagnostic::Level::Error);
    CHECK(widget->pointer == "/screens/home/variants/B/body/1/buton");
    CHECK(widget->message == "variant B: unknown widget 'buton' (did you mean 'button'?)");
    CHECK(widget->subject == "buton");
    CHECK(widget->subjectIsKey);  // the repair can rename the key inside the variant
    CHECK(p.find("spec:/screens/other/body/0/variants/B/variant: error: variant B: 'variant' of button must be one of") != std::string::npos);
    // Not under any of B's sites, and B is written in three places: it stays where it is.
    CHECK(p.find("spec:/screens/other: warning: variant B: screen 'other' is unreachable") != std::string::npos);
}

TEST_CASE("variant names are checked: 'A' is reserved, names are short words, patches are objects", "[variants][loader]") {
    LoadResult r = SpecLoader::loadJson(Json::parse(R"({"screens": {"home": {"body": [
        {"button": "Go", "go": "home", "variants": {"A": {"button": "Went"}, "two words": {"button": "x"}, "B": "Went"}},
        {"text": "Hi", "variants": ["B"]}]}},
      "overlays": {"ask": {"title": "Sure?", "variants": {"ThisNameIsFarTooLongForAVariant": {"title": "?"}}}}})"));
    std::string p = problemsOf(r);
    INFO(p);
    CHECK(p.find("spec:/screens/home/body/0/variants/A: error: variant name 'A' is reserved for the spec as written") != std::string::npos);
    CHECK(p.find("spec:/screens/home/body/0/variants/two words: error: variant name 'two words' should be 1 to 24 letters") != std::string::npos);
    CHECK(p.find("spec:/screens/home/body/0/variants/B: error: variant 'B' should be an object of changes") != std::string::npos);
    CHECK(p.find("spec:/screens/home/body/1/variants: error: variants must map a variant name to its changes") != std::string::npos);
    CHECK(p.find("spec:/overlays/ask/variants/ThisNameIsFarTooLongForAVariant: error:") != std::string::npos);
    CHECK(std::count(p.begin(), p.end(), '\n') == 5);
    REQUIRE(r.spec);
    CHECK(r.spec->variants == std::vector<std::string>{"A", "B"});
}

TEST_CASE("FORMAT.md's variants example loads cleanly in every variant", "[variants][docs]") {
    std::string doc = test::readFile(std::string(PT_SOURCE_DIR) + "/specs/FORMAT.md");
    size_t section = doc.find("## Variants (A/B)");
    REQUIRE(section != std::string::npos);
    size_t begin = doc.find("```json\n", section);
    REQUIRE(begin != std::string::npos);
    begin += 8;
    Json spec = Json::parse(doc.substr(begin, doc.find("```", begin) - begin));
    auto names = variantNames(spec);
    CHECK(names == std::vector<std::string>{"A", "B", "C"});
    for (auto& name : names) {
        LoadResult r = SpecLoader::loadVariant(spec, name);
        INFO(name << "\n" << problemsOf(r));
        REQUIRE(r.spec);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("the JSON Schema knows variants on screens, overlays and nodes", "[variants][catalog]") {
    Json schema = documentSchema();
    for (const char* def : {"common", "screen", "overlay"}) {
        INFO(def);
        const Json& v = schema["$defs"][def]["properties"]["variants"];
        CHECK(v["type"] == "object");
        CHECK(v["propertyNames"]["pattern"] == "^(?!A$)[A-Za-z0-9_-]{1,24}$");
    }
}
