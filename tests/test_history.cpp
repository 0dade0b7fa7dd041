// Version history and diffs: exact undo/redo/jump, state surviving a reopen, hand edits, torn logs, missing
// version files, a writer killed mid-commit, and readable diffs of real samples (never throwing on bad JSON).
#include "runtime/spec/spec_diff.h"
#include "meeting/spec_history.h"
#include "tests/test_files.h"
#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace pt;
using pt::test::readFile;
using pt::test::ScratchDir;
namespace fs = std::filesystem;

namespace {

// Odd whitespace, CRLF, a BOM, no final newline: the history must give back exactly these bytes.
const std::string kV1 = "{\"spec\": 1,\n  \"screens\": {}}\n";
const std::string kV2 = "{ \"spec\":1 ,\t\"screens\" : {\"a\": {}} }  \r\n\n";
const std::string kV3 = "\xEF\xBB\xBF{\"spec\": 1, \"meta\": {\"name\": \"Caf\xC3\xA9\"}}   ";

void writeRaw(const std::string& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << text;
}

void appendRaw(const std::string& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary | std::ios::app);
    f << text;
}

std::string versionText(const SpecHistory& h, int number) {
    std::string text;
    REQUIRE(h.read(number, &text));
    return text;
}

// A spec that proves itself whole: "pad" has exactly the length its "n" asks for.
std::string selfCheckingSpec(int n) {
    return "{\"spec\": 1,\n\t\"n\": " + std::to_string(n) + ",  \"pad\": \"" + std::string((size_t)(n * 37 % 3000), 'x') + "\"\r\n}\n";
}

int selfCheckedNumber(const std::string& text) {  // its n when whole, else -1
    Json j = Json::parse(text, nullptr, false);
    if (!j.is_object() || !j["n"].is_number_integer() || !j["pad"].is_string()) return -1;
    int n = j["n"].get<int>();
    return j["pad"].get<std::string>().size() == (size_t)(n * 37 % 3000) ? n : -1;
}

const SpecChange* findChange(const std::vector<SpecChange>& changes, const std::string& area, const std::string& kind) {
    for (auto& c : changes)
        if (c.area == area && c.kind == kind) return &c;
    return nullptr;
}

// When the parent kills the writer, once it has seen enough commits: at once (the kill lands early in the next
// commit), when the log grows, or when the spec file is replaced (the kill lands just before the log line).
enum class KillWhen { AtOnce, LogGrows, SpecReplaced };

// A cheap mark of a file's state (inode and size): it moves when the file is replaced or appended to.
long long fileMark(const std::string& path) {
    struct stat st{};
    return stat(path.c_str(), &st) == 0 ? (long long)st.st_ino * 1000003LL + st.st_size : 0;
}

} // namespace

TEST_CASE("history: commit, undo, redo and jump restore the exact bytes", "[history]") {
    ScratchDir dir("history");
    std::string spec = dir.file("app.json"), err;
    CHECK(SpecHistory::folderFor("app/habits.json") == "app/habits.history");
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    CHECK(h.versions().empty());
    CHECK(h.current() == 0);
    CHECK_FALSE(h.canUndo());
    CHECK_FALSE(fs::exists(dir.file("app.history")));  // nothing is created before the first write

    REQUIRE(h.commit(kV1, "generate", "a habit tracker", "offline drafter", &err) == 1);
    CHECK(readFile(spec) == kV1);
    REQUIRE(h.commit(kV2, "refine", "add a screen", "openai gpt-4o", &err) == 2);
    REQUIRE(h.commit(kV3, "refine", "rename the app", "openai gpt-4o", &err) == 3);
    CHECK(readFile(spec) == kV3);
    CHECK(readFile(dir.file("app.history/000002.json")) == kV2);
    CHECK(fs::exists(dir.file("app.history/log.jsonl")));

    const SpecVersion* v2 = h.version(2);
    REQUIRE(v2);
    CHECK(v2->kind == "refine");
    CHECK(v2->summary == "add a screen");
    CHECK(v2->generator == "openai gpt-4o");
    CHECK(v2->parent == 1);
    CHECK(v2->bytes == kV2.size());
    CHECK(v2->time > 0);

    CHECK(h.undo(&err) == 2);
    CHECK(readFile(spec) == kV2);
    CHECK(h.undo(&err) == 1);
    CHECK(readFile(spec) == kV1);
    CHECK_FALSE(h.canUndo());
    CHECK(h.undo(&err) == 0);
    CHECK(err.find(spec) != std::string::npos);
    CHECK(readFile(spec) == kV1);

    CHECK(h.redo(&err) == 2);
    CHECK(readFile(spec) == kV2);
    CHECK(h.redo(&err) == 3);
    CHECK(readFile(spec) == kV3);
    CHECK_FALSE(h.canRedo());

    CHECK(h.jumpTo(1, &err) == 1);
    CHECK(readFile(spec) == kV1);
    CHECK(h.current() == 1);
    CHECK_FALSE(h.canRedo());  // a jump starts a new line of undo
    CHECK(h.jumpTo(99, &err) == 0);
    CHECK(err.find("99") != std::string::npos);
    CHECK(versionText(h, 3) == kV3);
    CHECK(h.versions().size() == 3);  // moving the head records no version
}

TEST_CASE("history: a new commit clears redo", "[history]") {
    ScratchDir dir("history");
    std::string spec = dir.file("app.json"), err;
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    REQUIRE(h.commit(kV1, "generate", "idea", "offline drafter", &err) == 1);
    REQUIRE(h.commit(kV2, "refine", "change", "offline drafter", &err) == 2);
    REQUIRE(h.undo(&err) == 1);
    CHECK(h.canRedo());
    REQUIRE(h.commit(kV3, "refine", "another change", "offline drafter", &err) == 3);
    CHECK(h.version(3)->parent == 1);
    CHECK_FALSE(h.canRedo());
    CHECK(h.redo(&err) == 0);
    CHECK(readFile(spec) == kV3);
}

TEST_CASE("history: undo and redo survive reopening", "[history]") {
    ScratchDir dir("history");
    std::string spec = dir.file("app.json"), err;
    {
        SpecHistory h(spec);
        REQUIRE(h.open(&err));
        h.commit(kV1, "generate", "idea", "offline drafter", &err);
        h.commit(kV2, "refine", "two", "offline drafter", &err);
        REQUIRE(h.commit(kV3, "refine", "three", "offline drafter", &err) == 3);
        REQUIRE(h.undo(&err) == 2);
        REQUIRE(h.undo(&err) == 1);
    }
    {
        SpecHistory h(spec);
        REQUIRE(h.open(&err));
        CHECK(h.versions().size() == 3);
        CHECK(h.current() == 1);
        CHECK(h.version(3)->summary == "three");
        CHECK(h.canRedo());
        CHECK(h.redo(&err) == 2);
        CHECK(readFile(spec) == kV2);
    }
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    CHECK(h.current() == 2);
    CHECK(h.canUndo());
    CHECK(h.redo(&err) == 3);
    CHECK(readFile(spec) == kV3);
    CHECK_FALSE(h.canRedo());
}

TEST_CASE("history: two processes on one spec see each other's versions", "[history]") {
    ScratchDir dir("history");
    std::string spec = dir.file("app.json"), err;
    SpecHistory window(spec), cli(spec);
    REQUIRE(window.open(&err));
    REQUIRE(window.commit(kV1, "generate", "idea", "offline drafter", &err) == 1);
    REQUIRE(cli.open(&err));
    REQUIRE(cli.commit(kV2, "refine", "from the terminal", "offline drafter", &err) == 2);
    // The window notices the saved file: it is version 2 from the log, not a hand edit.
    CHECK(window.syncWithFile(&err) == 2);
    CHECK(window.versions().size() == 2);
    CHECK(window.version(2)->kind == "refine");
    REQUIRE(window.undo(&err) == 1);
    CHECK(cli.redo(&err) == 2);  // the terminal sees the window's undo
    CHECK(readFile(spec) == kV2);
    CHECK(window.commit(kV3, "refine", "from the window", "offline drafter", &err) == 3);
    CHECK(window.version(3)->parent == 2);
}

TEST_CASE("history: syncWithFile records hand edits without rewriting the file", "[history]") {
    ScratchDir dir("history");
    std::string spec = dir.file("app.json"), err;
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    CHECK(h.syncWithFile(&err) == 0);
    CHECK(err.find(spec) != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("app.history")));

    writeRaw(spec, kV1);
    REQUIRE(h.syncWithFile(&err) == 1);
    CHECK(h.version(1)->kind == "import");
    std::string log = readFile(dir.file("app.history/log.jsonl"));
    CHECK(h.syncWithFile(&err) == 1);  // unchanged: nothing recorded
    CHECK(readFile(dir.file("app.history/log.jsonl")) == log);

    writeRaw(spec, kV2);
    auto mtime = fs::last_write_time(spec);
    REQUIRE(h.syncWithFile(&err) == 2);
    const SpecVersion* v = h.version(2);
    CHECK(v->kind == "edit");
    CHECK(v->summary == "hand edit");
    CHECK(v->generator.empty());
    CHECK(v->parent == 1);
    CHECK(fs::last_write_time(spec) == mtime);  // recorded, not rewritten
    CHECK(versionText(h, 2) == kV2);

    // An unrecorded hand edit is kept before anything overwrites the file: undo first records it, then leaves it.
    writeRaw(spec, kV3);
    CHECK(h.undo(&err) == 2);
    CHECK(readFile(spec) == kV2);
    CHECK(h.version(3)->kind == "edit");
    CHECK(h.redo(&err) == 3);
    CHECK(readFile(spec) == kV3);
}

TEST_CASE("history: a torn last log line is skipped and later lines stay whole", "[history]") {
    ScratchDir dir("history");
    std::string spec = dir.file("app.json"), err;
    {
        SpecHistory h(spec);
        REQUIRE(h.open(&err));
        h.commit(kV1, "generate", "idea", "offline drafter", &err);
        REQUIRE(h.commit(kV2, "refine", "two", "offline drafter", &err) == 2);
    }
    appendRaw(dir.file("app.history/log.jsonl"), "{\"event\":\"version\",\"number\":3,\"ki");
    {
        SpecHistory h(spec);
        REQUIRE(h.open(&err));
        CHECK(h.versions().size() == 2);
        CHECK(h.current() == 2);
        CHECK(h.undo(&err) == 1);
        REQUIRE(h.commit(kV3, "refine", "three", "offline drafter", &err) == 3);
    }
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    CHECK(h.versions().size() == 3);
    CHECK(h.current() == 3);
    CHECK(h.version(3)->parent == 1);
    CHECK(versionText(h, 3) == kV3);
}

TEST_CASE("history: versions whose file is missing or cut are skipped", "[history]") {
    ScratchDir dir("history");
    std::string spec = dir.file("app.json"), err;
    {
        SpecHistory h(spec);
        REQUIRE(h.open(&err));
        h.commit(kV1, "generate", "idea", "offline drafter", &err);
        h.commit(kV2, "refine", "two", "offline drafter", &err);
        REQUIRE(h.commit(kV3, "refine", "three", "offline drafter", &err) == 3);
    }
    fs::remove(dir.file("app.history/000002.json"));
    {
        SpecHistory h(spec);
        REQUIRE(h.open(&err));
        REQUIRE(h.versions().size() == 2);
        CHECK(h.version(2) == nullptr);
        CHECK(h.current() == 3);
        CHECK_FALSE(h.canUndo());  // its parent is gone
        CHECK(h.jumpTo(1, &err) == 1);
        CHECK(readFile(spec) == kV1);
        CHECK(h.jumpTo(2, &err) == 0);
        REQUIRE(h.jumpTo(3, &err) == 3);
    }
    writeRaw(dir.file("app.history/000003.json"), kV3.substr(0, 10));
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    CHECK(h.versions().size() == 1);
    CHECK(h.current() == 1);
    // The spec file still holds version 3's bytes: recorded again under a fresh number, never a reused one.
    CHECK(h.syncWithFile(&err) == 4);
    CHECK(versionText(h, 4) == kV3);
}

TEST_CASE("history: a failed commit names the file and leaves the spec file as it was", "[history]") {
    ScratchDir dir("history");
    std::string spec = dir.file("app.json"), err;
    writeRaw(spec, kV1);
    writeRaw(dir.file("app.history"), "a file where the history folder should be");
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    CHECK(h.commit(kV2, "refine", "two", "offline drafter", &err) == 0);
    CHECK(err.find("app.history") != std::string::npos);
    CHECK(readFile(spec) == kV1);
    CHECK(h.versions().empty());
}

TEST_CASE("history: summaries with invalid UTF-8 are still logged", "[history]") {
    ScratchDir dir("history");
    std::string spec = dir.file("app.json"), err;
    {
        SpecHistory h(spec);
        REQUIRE(h.open(&err));
        REQUIRE(h.commit(kV1, "refine", "make it \xFF pop", "offline drafter", &err) == 1);
    }
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    REQUIRE(h.version(1));
    CHECK(h.version(1)->summary.find("pop") != std::string::npos);
}

TEST_CASE("history: a writer killed mid-commit leaves the last complete version intact", "[history]") {
    ScratchDir dir("history");
    std::string spec = dir.file("app.json"), log = dir.file("app.history/log.jsonl"), err;
    int n = 0;  // the next self-checking spec to commit
    struct Round { int commits; KillWhen when; };
    for (Round round : {Round{3, KillWhen::AtOnce}, Round{2, KillWhen::LogGrows}, Round{2, KillWhen::SpecReplaced},
                        Round{5, KillWhen::SpecReplaced}, Round{4, KillWhen::LogGrows}, Round{6, KillWhen::AtOnce}}) {
        int pipeFds[2];
        REQUIRE(pipe(pipeFds) == 0);
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {  // commits until killed, telling the parent after each one
            close(pipeFds[0]);
            SpecHistory h(spec);
            std::string childErr;
            if (!h.open(&childErr)) _exit(2);
            for (int k = n; k < n + 100000; ++k) {
                if (!h.commit(selfCheckingSpec(k), "refine", "step " + std::to_string(k), "test", &childErr)) _exit(3);
                if (write(pipeFds[1], "x", 1) != 1) _exit(4);
            }
            _exit(0);
        }
        close(pipeFds[1]);
        int seen = 0;
        char byte;
        while (seen < round.commits && read(pipeFds[0], &byte, 1) == 1) ++seen;
        if (round.when != KillWhen::AtOnce) {  // the child commits without pause, so the watched file moves soon
            std::string watched = round.when == KillWhen::LogGrows ? log : spec;
            long long mark = fileMark(watched);
            while (fileMark(watched) == mark && waitpid(child, nullptr, WNOHANG) == 0) {}
        }
        kill(child, SIGKILL);
        int status = 0;
        REQUIRE(waitpid(child, &status, 0) == child);
        close(pipeFds[0]);
        REQUIRE(seen == round.commits);
        CHECK(WIFSIGNALED(status));

        SpecHistory h(spec);
        REQUIRE(h.open(&err));
        REQUIRE(h.current() > 0);
        int currentN = selfCheckedNumber(versionText(h, h.current()));
        REQUIRE(currentN >= n + round.commits - 1);
        for (auto& v : h.versions()) CHECK(selfCheckedNumber(versionText(h, v.number)) >= 0);
        // The spec file is whole: the current version, or the commit that was under way when the kill came.
        std::string text = readFile(spec);
        int fileN = selfCheckedNumber(text);
        CHECK((fileN == currentN || fileN == currentN + 1));
        int synced = h.syncWithFile(&err);
        REQUIRE(synced > 0);
        CHECK(versionText(h, synced) == text);
        n = fileN + 1;
    }
}

TEST_CASE("diff: a real sample with a label, a widget, a screen and the brand changed", "[diff]") {
    Json before = Json::parse(pt::test::sampleText("habit_tracker.json"));
    Json after = before;
    after["screens"]["newHabit"]["body"][6]["button"] = "Save";
    after["screens"]["reminders"]["body"][0]["card"].push_back({{"switch", "Dark mode"}, {"id", "darkMode"}, {"bind", "reminders.dark"}});
    after["screens"].erase("progress");
    after["theme"]["brand"] = "#4F7CFF";

    std::vector<SpecChange> changes = compareSpecs(before, after);
    INFO(formatChanges(changes));
    REQUIRE(changes.size() == 4);

    const SpecChange* brand = findChange(changes, "app", "changed");
    REQUIRE(brand);
    CHECK(brand->what == "theme brand");
    CHECK(brand->pointer == "/theme/brand");
    CHECK(brand->details == std::vector<std::string>{"\"#10B981\" -> \"#4F7CFF\""});

    const SpecChange* label = findChange(changes, "screen newHabit", "changed");
    REQUIRE(label);
    CHECK(label->what == "button 'Save habit' (#saveHabit)");
    CHECK(label->pointer == "/screens/newHabit/body/6");
    CHECK(label->details == std::vector<std::string>{"label: \"Save habit\" -> \"Save\""});

    const SpecChange* added = findChange(changes, "screen reminders", "added");
    REQUIRE(added);
    CHECK(added->what == "switch 'Dark mode' (#darkMode)");
    CHECK(added->pointer == "/screens/reminders/body/0/card/3");
    CHECK(added->details == std::vector<std::string>{"in card 'Morning check-in'"});

    const SpecChange* removed = findChange(changes, "screen progress", "removed");
    REQUIRE(removed);
    CHECK(removed->what == "screen 'Progress'");
    CHECK(removed->pointer == "/screens/progress");

    std::string text = formatChanges(changes);
    CHECK(text.find("screen newHabit\n  ~ button 'Save habit' (#saveHabit): label: \"Save habit\" -> \"Save\"\n") != std::string::npos);
    CHECK(text.find("screen reminders\n  + switch 'Dark mode' (#darkMode): in card 'Morning check-in'\n") != std::string::npos);
    CHECK(summarizeChanges(changes) == "removed screen progress; 1 changed in app; 1 changed on newHabit; 1 added on reminders");

    std::vector<SpecChange> back = compareSpecs(after, before);
    INFO(formatChanges(back));
    CHECK(back.size() == 4);
    CHECK(findChange(back, "screen progress", "added"));
    CHECK(findChange(back, "screen reminders", "removed"));
}

TEST_CASE("diff: every sample equals itself", "[diff]") {
    for (auto& e : fs::directory_iterator(fs::path(PT_SOURCE_DIR) / "samples")) {
        if (e.path().extension() != ".json") continue;
        Json doc = Json::parse(readFile(e.path().string()));
        INFO(e.path().filename().string());
        CHECK(compareSpecs(doc, doc).empty());
        std::vector<SpecChange> gone = compareSpecs(doc, Json::object());
        CHECK_FALSE(gone.empty());
        for (auto& c : gone) CHECK(c.kind == "removed");
    }
    CHECK(formatChanges({}) == "no changes\n");
    CHECK(summarizeChanges({}) == "no changes");
}

TEST_CASE("diff: insertions, reorders, moves between parents and id renames", "[diff]") {
    auto screen = [](Json body) { return Json{{"screens", {{"a", {{"title", "A"}, {"body", std::move(body)}}}}}}; };

    SECTION("an insertion does not shift later siblings; a node moved into another parent reads as moved") {
        Json before = screen(Json::parse(R"([{"text": "Intro"},
            {"card": [{"button": "Save", "id": "save"}, {"button": "Cancel"}], "title": "Form"},
            {"row": [{"text": "Left"}]}])"));
        Json after = screen(Json::parse(R"([{"text": "New first"}, {"text": "Intro"},
            {"card": [{"button": "Cancel"}], "title": "Form"},
            {"row": [{"text": "Left"}, {"button": "Save", "id": "save", "icon": "check"}]}])"));
        auto changes = compareSpecs(before, after);
        INFO(formatChanges(changes));
        REQUIRE(changes.size() == 2);
        CHECK(changes[0].kind == "added");
        CHECK(changes[0].what == "text 'New first'");
        CHECK(changes[0].pointer == "/screens/a/body/0");
        CHECK(changes[1].kind == "moved");
        CHECK(changes[1].what == "button 'Save' (#save)");
        CHECK(changes[1].pointer == "/screens/a/body/3/row/1");
        CHECK(changes[1].details == std::vector<std::string>{"from card 'Form' to row", "+ icon: \"check\""});
    }
    SECTION("a reorder reports only the node that moved") {
        Json before = screen(Json::parse(R"([{"text": "A", "id": "a"}, {"text": "B", "id": "b"}, {"text": "C", "id": "c"}])"));
        Json after = screen(Json::parse(R"([{"text": "C", "id": "c"}, {"text": "A", "id": "a"}, {"text": "B", "id": "b"}])"));
        auto changes = compareSpecs(before, after);
        INFO(formatChanges(changes));
        REQUIRE(changes.size() == 1);
        CHECK(changes[0].kind == "moved");
        CHECK(changes[0].what == "text 'C' (#c)");
        CHECK(changes[0].details == std::vector<std::string>{"position 3 -> 1"});
    }
    SECTION("a node wrapped into a new container is moved, not removed and added") {
        Json before = screen(Json::parse(R"([{"button": "Save", "id": "save"}])"));
        Json after = screen(Json::parse(R"([{"row": [{"button": "Save", "id": "save"}], "gap": 4}])"));
        auto changes = compareSpecs(before, after);
        INFO(formatChanges(changes));
        REQUIRE(changes.size() == 2);
        CHECK(changes[0].kind == "added");
        CHECK(changes[0].what == "row");
        CHECK(changes[1].kind == "moved");
        CHECK(changes[1].details == std::vector<std::string>{"from body to row"});
    }
    SECTION("renamed ids, changed types and key order") {
        Json before = screen(Json::parse(R"([{"button": "Go", "id": "go"}, {"button": "Edit", "id": "x"}, {"text": "Hi", "style": "h2", "muted": true}])"));
        Json after = screen(Json::parse(R"([{"button": "Go", "id": "start"}, {"link": "Edit", "id": "x"}, {"muted": true, "text": "Hi", "style": "h2"}])"));
        auto changes = compareSpecs(before, after);
        INFO(formatChanges(changes));
        REQUIRE(changes.size() == 2);
        CHECK(changes[0].what == "button 'Go' (#go)");
        CHECK(changes[0].details == std::vector<std::string>{"id: \"go\" -> \"start\""});
        CHECK(changes[1].what == "button 'Edit' (#x)");
        CHECK(changes[1].details == std::vector<std::string>{"type: button -> link"});
    }
    SECTION("state keys, actions and long values") {
        Json before = Json::parse(R"({"state": {"habits": [1, 2], "draft": ""}, "actions": {"save": [{"toast": "Saved"}]}})");
        Json after = Json::parse(R"({"state": {"habits": [1, 2, 3], "dark": false}, "actions": {"save": [{"toast": "Saved"}, "back"]},
                                     "mocks": {"login": {"latency": 900, "result": {"name": "A very long name that goes on and on and on for a while"}}}})");
        auto changes = compareSpecs(before, after);
        INFO(formatChanges(changes));
        REQUIRE(changes.size() == 5);
        CHECK(changes[0].what == "state key 'habits'");
        CHECK(changes[0].details == std::vector<std::string>{"+ [2]: 3"});
        CHECK(changes[1].what == "state key 'dark'");
        CHECK(changes[1].kind == "added");
        CHECK(changes[2].what == "state key 'draft'");
        CHECK(changes[2].kind == "removed");
        CHECK(changes[3].area == "actions");
        CHECK(changes[3].details == std::vector<std::string>{"+ [1]: \"back\""});
        CHECK(changes[4].what == "mock 'login'");
        REQUIRE(changes[4].details.size() == 1);
        CHECK(changes[4].details[0].size() <= 60);
        CHECK(changes[4].details[0].substr(changes[4].details[0].size() - 3) == "...");

        Json many = Json::parse(R"({"state": {"s": {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10}}})");
        Json bumped = many;
        for (auto& [k, v] : bumped["state"]["s"].items()) v = v.get<int>() + 1;
        auto counted = compareSpecs(many, bumped);
        REQUIRE(counted.size() == 1);
        REQUIRE(counted[0].details.size() == 8);
        CHECK(counted[0].details[0] == "a: 1 -> 2");
        CHECK(counted[0].details[7] == "... and 3 more");
    }
    SECTION("list props and nested state show the element that changed") {
        Json before = screen(Json::parse(R"([{"select": "Time", "id": "t", "options": ["07:00", "08:00", "09:00"]}])"));
        Json after = screen(Json::parse(R"([{"select": "Time", "id": "t", "options": ["07:00", "07:30", "08:00", "09:00"]}])"));
        before["state"] = Json::parse(R"({"habits": [{"name": "Run", "done": ["2026-05-01"]}, {"name": "Read", "done": []}]})");
        after["state"] = Json::parse(R"({"habits": [{"name": "Run", "done": ["2026-05-01"]}, {"name": "Read more", "done": []}]})");
        auto changes = compareSpecs(before, after);
        INFO(formatChanges(changes));
        REQUIRE(changes.size() == 2);
        CHECK(changes[0].details == std::vector<std::string>{"[1].name: \"Read\" -> \"Read more\""});
        CHECK(changes[1].details == std::vector<std::string>{"+ options[1]: \"07:30\""});
    }
}

TEST_CASE("diff: nodes read as the loader reads them, \"type\" first", "[diff]") {
    auto screen = [](const char* body) { return Json{{"screens", {{"a", {{"title", "A"}, {"body", Json::parse(body)}}}}}}; };
    Json before = screen(R"([{"type": "item", "icon": "x", "title": "Inbox"}])");
    Json after = screen(R"([{"type": "item", "icon": "y", "title": "Inbox"}])");
    // An item whose icon changed, not an icon widget: "icon" names a widget too, but "type" says what the node is.
    CHECK(formatChanges(compareSpecs(before, after)) == "screen a\n  ~ item 'Inbox': icon: \"x\" -> \"y\"\n");
}

TEST_CASE("diff: malformed documents never throw", "[diff]") {
    Json deep = Json::object();
    Json* at = &deep;
    for (int i = 0; i < 400; ++i) at = &((*at)["col"] = Json::array({Json::object()}))[0];
    std::vector<Json> docs = {
        Json(), Json(5), Json("screens"), Json::array(), Json::object(),
        Json::parse(R"({"screens": []})"),
        Json::parse(R"({"screens": {"a": 3, "b": null}})"),
        Json::parse(R"({"screens": {"a": {"body": 5, "bar": true}}})"),
        Json::parse(R"({"screens": {"a": {"body": [1, null, [], {}, {"card": 7}, {"card": [[[]]]}, {"row": {"text": 1}}, "plain"], "bar": [{"id": 3}]}}})"),
        Json::parse(R"({"screens": {"a": {"body": [{"button": "x", "id": "d"}, {"button": "y", "id": "d"}, {"row": [{"link": "z", "id": "d"}]}]}}})"),
        Json::parse(R"({"meta": [], "theme": "x", "state": 5, "nav": {"items": {}}, "actions": [1], "mocks": "m", "components": 2, "overlays": {"o": []}})"),
        Json::parse(R"({"components": {"c": {"params": [1, "p"], "body": {"c": "${x}"}}}, "screens": {"a": {"body": {"c": 1, "type": 4}}}})"),
        Json{{"screens", {{"a", {{"title", std::string("\xFF\xFE bad")}, {"body", Json::array({deep})}}}}}},
    };
    for (size_t i = 0; i < docs.size(); ++i)
        for (size_t j = 0; j < docs.size(); ++j) {
            INFO("documents " << i << " and " << j);
            std::vector<SpecChange> changes;
            REQUIRE_NOTHROW(changes = compareSpecs(docs[i], docs[j]));
            if (i == j) CHECK(changes.empty());
            else CHECK_FALSE(changes.empty());
            std::string text, line;
            REQUIRE_NOTHROW(text = formatChanges(changes));
            REQUIRE_NOTHROW(line = summarizeChanges(changes));
            CHECK_FALSE(text.empty());
            CHECK_FALSE(line.empty());
        }
}
