// Meeting mode end to end through the `play` step language: refine keeps state and makes versions, exact
// undo/redo, reactions anchored to widgets, recorded sessions and their figures, demo record/replay,
// variants, the simulated clock. Real ImGui frames with injected input (HeadlessDriver).
#include "meeting/meeting.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/files.h"
#include "meeting/step_runner.h"
#include "test_files.h"
#include <catch2/catch.hpp>

using namespace pt;
using pt::test::ScratchDir;
using pt::test::readFile;

namespace {

// Odd formatting on purpose: undo must give these exact bytes back.
const char* kSpec = R"({"spec": 1,
  "meta": {"name": "Counter", "now": "2026-05-14T07:30"},
  "state": {"count": 0, "name": ""},
  "nav": {"kind": "tabs", "start": "home", "items": ["home", "stats"]},
  "screens": {
    "home": {"title": "Home", "body": [
      {"text": "Count ${count}", "id": "count_text", "style": "h1"},
      {"button": "Add one", "id": "add", "on": {"press": {"inc": "count"}}},
      {"input": "Name", "id": "name", "bind": "name"},
      {"button": "Details", "id": "go", "go": "details", "variants": {"B": {"button": "See details", "icon": "arrow-right"}}}]},
    "details": {"title": "Details", "body": [{"text": "Details for ${name}", "id": "details_text"}]},
    "stats":   {"title": "Stats", "body": [{"stat": "Total", "value": "${count}"}]}}}
)";

// A prototype on a spec file in a scratch folder, with a meeting and a step runner, like `play` sets them up.
struct Room {
    ScratchDir dir{"meeting"};
    std::string path = dir.file("counter.json");
    std::unique_ptr<HeadlessDriver> driver;
    std::unique_ptr<Meeting> meeting;
    std::unique_ptr<StepRunner> runner;
    std::vector<std::string> scopes;  // scope of every refinement asked for

    explicit Room(const std::string& text = kSpec, RefineFunction refine = {}) {
        std::string error;
        REQUIRE(writeSpec(text));
        LoadResult r = SpecLoader::loadFile(path);
        INFO(r.format(path));
        REQUIRE(r.spec);
        REQUIRE_FALSE(r.hasErrors());
        driver = std::make_unique<HeadlessDriver>(r.spec);
        meeting = std::make_unique<Meeting>(driver->proto(), path);
        REQUIRE(meeting->open(&error));
        if (!refine) refine = [this](const Json& doc, const std::string& request, const std::string& scope, const std::atomic<bool>*) {
            return renameRefiner(doc, request, scope);
        };
        runner = std::make_unique<StepRunner>(*driver, *meeting, refine);
        driver->settle();
    }
    bool writeSpec(const std::string& text) {
        std::ofstream f(path, std::ios::binary);
        f << text;
        return (bool)f;
    }
    // A stand-in model: "rename X to Y" relabels the button with label X; "remove X" drops the node with id X.
    RefineOutcome renameRefiner(const Json& doc, const std::string& request, const std::string& scope) {
        scopes.push_back(scope);
        RefineOutcome out;
        out.generator = "test refiner";
        Json next = doc;
        auto& body = next["screens"]["home"]["body"];
        auto words = splitStep(request, 4);
        if (words.size() == 4 && words[0] == "rename") {
            for (auto& n : body) if (n.contains("button") && n["button"] == words[1]) n["button"] = words[3];
        } else if (words.size() >= 2 && words[0] == "remove") {
            for (size_t i = 0; i < body.size(); ++i) if (body[i].value("id", "") == words[1]) body.erase(i);
        } else {
            out.error = "the test refiner cannot '" + request + "'";
            out.unsupported = true;
            return out;
        }
        out.ok = true;
        out.text = next.dump(2);
        out.summary = "did: " + request;
        return out;
    }
    bool step(const std::string& s) {
        std::string error, said;
        bool ok = runner->run(s, &error, &said);
        UNSCOPED_INFO("step '" << s << "': " << (ok ? said : error));
        return ok;
    }
    std::string lastError(const std::string& s) {
        std::string error, said;
        runner->run(s, &error, &said);
        return error;
    }
    Prototype& proto() { return driver->proto(); }
};

} // namespace

TEST_CASE("refining keeps the prototype's state and every change is a version with exact undo/redo", "[meeting]") {
    Room room;
    REQUIRE(room.step("click add"));
    REQUIRE(room.step("click add"));
    REQUIRE(room.proto().state()["count"] == 2);

    REQUIRE(room.step("refine \"rename 'Add one' to 'Add two'\""));
    std::string refined = readFile(room.path);
    CHECK(refined.find("Add two") != std::string::npos);
    CHECK(room.proto().state()["count"] == 2);          // state survived the new spec
    CHECK(room.driver->find("Add two") != nullptr);     // and the new label is on screen
    REQUIRE(room.meeting->history().versions().size() == 2);
    CHECK(room.meeting->history().versions()[0].kind == "import");
    CHECK(room.meeting->history().versions()[1].kind == "refine");
    CHECK(room.meeting->history().versions()[1].generator == "test refiner");

    REQUIRE(room.step("undo"));
    CHECK(readFile(room.path) == kSpec);                // byte for byte
    CHECK(room.driver->find("Add one") != nullptr);
    CHECK(room.proto().state()["count"] == 2);
    CHECK(room.meeting->history().versions().size() == 2);  // undo adds no version, loses none

    REQUIRE(room.step("redo"));
    CHECK(readFile(room.path) == refined);
    CHECK_FALSE(room.step("redo"));                     // nothing left to redo

    REQUIRE(room.step("version 1"));
    CHECK(readFile(room.path) == kSpec);

    SpecHistory reopened(room.path);                    // what a later run sees
    std::string error;
    REQUIRE(reopened.open(&error));
    CHECK(reopened.current() == 1);
    CHECK(reopened.versions().size() == 2);
}

TEST_CASE("a refinement that fails changes nothing and says why", "[meeting]") {
    Room room;
    std::string error = room.lastError("refine 'draw me a map'");
    CHECK(error.find("cannot 'draw me a map'") != std::string::npos);
    CHECK(readFile(room.path) == kSpec);
    CHECK(room.meeting->history().versions().empty());

    SECTION("an answer that does not load is refused with located problems") {
        Room broken(kSpec, [](const Json&, const std::string&, const std::string&, const std::atomic<bool>*) {
            RefineOutcome out;
            out.ok = true;
            out.text = R"({"screens": {"home": {"body": [{"button": "x", "on": {"press": {"navigate": "nowhere"}}}]}}})";
            return out;
        });
        std::string why = broken.lastError("refine 'anything'");
        CHECK(why.find("nowhere") != std::string::npos);
        CHECK(readFile(broken.path) == kSpec);
    }
}

TEST_CASE("select scopes the next refinement to the widget", "[meeting]") {
    Room room;
    REQUIRE(room.step("select Details"));
    CHECK(room.meeting->selection() == "go");
    REQUIRE(room.step("refine \"rename 'Details' to 'More'\""));
    REQUIRE(room.step("deselect"));
    REQUIRE(room.step("refine \"rename 'More' to 'Details'\""));
    CHECK(room.scopes == std::vector<std::string>{"go", ""});
    CHECK_FALSE(room.step("select nothing-here"));
}

TEST_CASE("reactions are pinned to widgets, kept in the feedback file and outlive their widget", "[meeting]") {
    Room room;
    REQUIRE(room.step("as Maria"));
    REQUIRE(room.step("react add agree \"Love the one-tap add\""));
    REQUIRE(room.step("as Sam"));
    REQUIRE(room.step("react - question \"Where are the reminders?\""));
    CHECK_FALSE(room.step("react add shrug"));           // unknown kind
    CHECK_FALSE(room.step("react ghost agree"));         // unknown widget

    std::vector<std::string> problems;
    auto stored = FeedbackLog(room.path).load(&problems);
    REQUIRE(stored.size() == 2);
    CHECK(problems.empty());
    CHECK(stored[0].who == "Maria");
    CHECK(stored[0].widget == "add");
    CHECK(stored[0].screen == "home");
    CHECK(stored[0].comment == "Love the one-tap add");
    CHECK(stored[1].widget.empty());                     // about the screen itself
    CHECK(stored[1].kind == "question");

    REQUIRE(room.step("refine 'remove add'"));
    auto orphans = room.meeting->orphanedReactions();
    REQUIRE(orphans.size() == 1);
    CHECK(orphans[0].comment == "Love the one-tap add");
    CHECK(FeedbackLog(room.path).load().size() == 2);    // never dropped
}

TEST_CASE("reactions and sessions other processes append (shared viewers) reach the meeting as they come", "[meeting]") {
    Room room;
    REQUIRE(room.step("as Maria"));
    REQUIRE(room.step("react add agree"));
    room.meeting->followLogs();                          // its own writes: read back, nothing lost or doubled
    REQUIRE(room.meeting->reactions().size() == 1);
    const size_t before = room.meeting->reactions().size(), eventsBefore = room.meeting->events().size();

    // A viewer's browser, through the share server: a reaction and a click, appended to the same files.
    Reaction viewer;
    viewer.who = "Ana (phone)";
    viewer.kind = "idea";
    viewer.widget = "add";
    viewer.screen = "home";
    std::string error;
    REQUIRE(FeedbackLog(room.path).append(viewer, &error));
    SessionEvent click;
    click.session = "Ana (phone)";
    click.type = "click";
    click.screen = "home";
    click.widget = "add";
    click.x = 0.5f;
    click.y = 0.2f;
    REQUIRE(SessionLog(room.path).append(click, &error));

    CHECK(room.meeting->followLogs());
    REQUIRE(room.meeting->reactions().size() == before + 1);
    CHECK(room.meeting->reactions().back().who == "Ana (phone)");
    REQUIRE(room.meeting->events().size() == eventsBefore + 1);
    CHECK(heatPoints(room.meeting->events(), "home").size() == 1);
    CHECK_FALSE(room.meeting->followLogs());             // nothing new since
}

TEST_CASE("a session records clicks, misclicks, inputs and screens: figures come from them", "[meeting]") {
    Room room;
    REQUIRE(room.step("session Maria"));
    REQUIRE(room.step("click add"));
    REQUIRE(room.step("click count_text"));              // a heading does nothing: a misclick
    REQUIRE(room.step("type name Ann"));
    REQUIRE(room.step("click go"));
    REQUIRE(room.step("wait 1500"));
    REQUIRE(room.step("end-session"));

    std::vector<std::string> problems;
    auto events = SessionLog(room.path).load(&problems);
    CHECK(problems.empty());
    auto count = [&](const std::string& type, const std::string& widget = "") {
        return std::count_if(events.begin(), events.end(), [&](const SessionEvent& e) { return e.type == type && (widget.empty() || e.widget == widget); });
    };
    CHECK(count("start") == 1);
    CHECK(count("end") == 1);
    CHECK(count("click", "add") == 1);
    CHECK(count("click", "go") == 1);
    CHECK(count("misclick", "count_text") == 1);
    REQUIRE(count("input", "name") == 1);                // one event per edit, not per key
    auto input = std::find_if(events.begin(), events.end(), [](const SessionEvent& e) { return e.type == "input"; });
    CHECK(input->value == "Ann");
    CHECK(count("screen") == 1);
    CHECK(events.back().screen == "details");
    for (auto& e : events) CHECK(e.session == "Maria");

    // The click on "add" landed inside the button's rectangle (positions are fractions of the prototype's area).
    auto points = heatPoints(events, "home");
    CHECK(points.size() == 5);  // add, the misclick, the name field (a `type` step presses it twice), go
    CHECK(std::count_if(points.begin(), points.end(), [](const HeatPoint& p) { return p.miss; }) == 1);

    auto figures = computeFigures(events, room.proto().spec());
    REQUIRE(figures.size() == 1);
    CHECK(figures[0].variant == "A");
    CHECK(figures[0].sessions == 1);
    REQUIRE(figures[0].screen("home"));
    CHECK(figures[0].screen("home")->sessionsReached == 1);
    CHECK(figures[0].screen("home")->misclicks == 1);
    REQUIRE(figures[0].screen("details"));
    CHECK(figures[0].screen("details")->sessionsReached == 1);
    CHECK(figures[0].screen("details")->seconds >= 1.4);  // the wait, in runtime time
    CHECK(figures[0].screen("stats") == nullptr);
}

TEST_CASE("a recorded demo replays the same walk from a fresh start", "[meeting]") {
    Room room;
    REQUIRE(room.step("record"));
    REQUIRE(room.step("click add"));
    REQUIRE(room.step("click add"));
    REQUIRE(room.step("type name Bo"));
    REQUIRE(room.step("clock +1d"));
    REQUIRE(room.step("click go"));
    REQUIRE(room.step("stop"));
    std::string demo = readFile(besideSpec(room.path, ".demo.txt"));
    CHECK(demo.find("click add") != std::string::npos);
    CHECK(demo.find("type name Bo") != std::string::npos);

    REQUIRE(room.step("reset"));
    CHECK(room.proto().state()["count"] == 0);
    CHECK(room.proto().currentScreen() == "home");
    double before = room.proto().now();
    REQUIRE(room.step("replay"));
    CHECK(room.proto().state()["count"] == 2);
    CHECK(room.proto().state()["name"] == "Bo");
    CHECK(room.proto().currentScreen() == "details");
    CHECK(room.proto().now() - before >= 86400);
}

TEST_CASE("a demo step that fails names the demo file and its line", "[meeting]") {
    Room room;
    const std::string demoPath = besideSpec(room.path, ".demo.txt");
    {
        std::ofstream f(demoPath, std::ios::binary);
        f << "# rehearsal\nclick add\n\nclick Nowhere\n";
    }
    const std::string error = room.lastError("replay");
    CHECK(error.rfind(demoPath + ":4: demo step 'click Nowhere': no widget 'Nowhere' on screen 'home'", 0) == 0);
}

TEST_CASE("the simulated clock moves by steps", "[meeting]") {
    Room room;
    double start = room.proto().now();
    REQUIRE(room.step("clock +1h"));
    CHECK(room.proto().now() - start == Approx(3600));
    REQUIRE(room.step("clock +1d"));
    CHECK(room.proto().now() - start == Approx(3600 + 86400));
    CHECK_FALSE(room.step("clock soon"));
}

TEST_CASE("variants switch live and tag reactions and session events", "[meeting]") {
    Room room;
    CHECK(room.meeting->variants() == std::vector<std::string>{"A", "B"});
    REQUIRE(room.step("session ab"));
    REQUIRE(room.step("click add"));
    REQUIRE(room.step("variant B"));
    CHECK(room.driver->find("See details") != nullptr);
    CHECK(room.proto().state()["count"] == 1);           // same state, other look
    REQUIRE(room.step("react go idea \"The arrow says more\""));
    REQUIRE(room.step("click go"));
    REQUIRE(room.step("end-session"));
    CHECK_FALSE(room.step("variant Z"));

    auto reactions = FeedbackLog(room.path).load();
    REQUIRE(reactions.size() == 1);
    CHECK(reactions[0].variant == "B");
    auto events = SessionLog(room.path).load();
    auto clickOn = [&](const std::string& widget) {
        return *std::find_if(events.begin(), events.end(), [&](const SessionEvent& e) { return e.type == "click" && e.widget == widget; });
    };
    CHECK(clickOn("add").variant == "A");
    CHECK(clickOn("go").variant == "B");
    auto figures = computeFigures(events, room.proto().spec());
    REQUIRE(figures.size() == 2);
    CHECK(figures[1].variant == "B");
    REQUIRE(figures[1].screen("details"));
    CHECK(figures[1].screen("details")->sessionsReached == 1);
}

TEST_CASE("a saved hand edit becomes a version: the meeting's own writes do not count twice", "[meeting]") {
    Room room;
    REQUIRE(room.step("refine \"rename 'Add one' to 'Plus one'\""));
    std::vector<std::string> problems;
    REQUIRE(room.meeting->reloadFromFile(&problems));  // the watcher sees our own write
    CHECK(room.meeting->history().versions().size() == 2);

    std::string edited = readFile(room.path);
    edited.replace(edited.find("Plus one"), 8, "Add a few");
    {
        std::ofstream f(room.path, std::ios::binary);
        f << edited;
    }
    REQUIRE(room.meeting->reloadFromFile(&problems));
    REQUIRE(room.meeting->history().versions().size() == 3);
    CHECK(room.meeting->history().versions()[2].kind == "edit");
    room.driver->settle();
    CHECK(room.driver->find("Add a few") != nullptr);

    {
        std::ofstream f(room.path, std::ios::binary);
        f << "{\"screens\": {\"home\": ";
    }
    CHECK_FALSE(room.meeting->reloadFromFile(&problems));  // a broken save: located problems, last good version stays
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].find("counter.json:1:") != std::string::npos);
    CHECK(room.driver->find("Add a few") != nullptr);
}

TEST_CASE("opened with the bytes its prototype was compiled from, a meeting neither reads the spec file nor compiles again", "[meeting]") {
    ScratchDir dir{"meeting-open"};
    std::string path = dir.file("counter.json");  // never written: nothing may need to read it
    LoadResult load = SpecLoader::loadText(kSpec, path);
    REQUIRE(load.spec);
    HeadlessDriver driver(load.spec);
    Meeting meeting(driver.proto(), path);
    size_t compiles = SpecLoader::compiledDocuments();
    std::string error;
    REQUIRE(meeting.open(kSpec, &error));
    CHECK(SpecLoader::compiledDocuments() == compiles);
    CHECK(meeting.doc() == Json::parse(kSpec));
    CHECK(meeting.variant() == "A");
}

TEST_CASE("a refinement that comes back compiled is shown as is, and another variant on show is compiled from its document", "[meeting]") {
    std::shared_ptr<const Spec> refined;  // what the refinement compiled
    Room room(kSpec, [&](const Json& doc, const std::string& request, const std::string&, const std::atomic<bool>*) {
        Json next = doc;
        next["screens"]["home"]["body"][1]["button"] = request;
        RefineOutcome out;
        out.ok = true;
        out.text = next.dump(2);
        out.spec = refined = SpecLoader::loadJson(next, room.path).spec;
        return out;
    });
    size_t compiles = SpecLoader::compiledDocuments();
    REQUIRE(room.step("refine 'Add two'"));
    CHECK(SpecLoader::compiledDocuments() - compiles == 2);  // the refinement's own compile: "A" and its variant "B"
    CHECK(&room.proto().spec() == refined.get());
    CHECK(readFile(room.path) == refined->source.dump(2));
    CHECK(room.meeting->doc() == refined->source);

    REQUIRE(room.step("variant B"));
    REQUIRE(room.step("refine 'Add three'"));
    CHECK(room.proto().spec().variant == "B");                  // the refinement compiled "A": "B" is compiled here
    CHECK(&room.proto().spec() != refined.get());
    CHECK(room.driver->find("See details") != nullptr);
    CHECK(room.meeting->doc() == refined->source);
}
