// The files beside a spec stay safe against hostile numbers, torn lines, concurrent writers, shared names,
// symbolic links, long ids and kills: regressions of issue 10 (bugs 1, 8-12, 14, 16-18).
//
// [SECTION] Helpers
// [SECTION] Numbers out of range and wrong types (bug 1)
// [SECTION] Concurrent writers (bug 8)
// [SECTION] Torn lines (bug 9)
// [SECTION] Names beside a spec (bug 10)
// [SECTION] Symbolic links (bug 11)
// [SECTION] File names from ids (bug 12)
// [SECTION] Screen reactions in the report (bug 14)
// [SECTION] Version numbers (bug 16)
// [SECTION] stop without a recording (bug 17)
// [SECTION] Kills: stale temp files, generate's history (bug 18)

#include "meeting/feedback.h"
#include "meeting/session_log.h"
#include "meeting/spec_history.h"
#include "runtime/spec/files.h"
#include "runtime/spec/json_text.h"
#include "runtime/spec/limits.h"
#include "cli_run.h"
#include "tests/test_files.h"
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace pt;
using pt::test::cli;
using pt::test::readFile;
using pt::test::ScratchDir;

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

namespace {

void writeRaw(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

const char* kSpec = R"({"screens": {"home": {"title": "Home", "body": [{"button": "Next", "id": "next", "go": "second"}]},
  "second": {"title": "Second", "body": [{"text": "Hello"}]}}})";

std::string specText(int n) { return "{\"screens\": {\"home\": {\"body\": [{\"text\": \"version " + std::to_string(n) + "\"}]}}}\n"; }

bool contains(const std::vector<std::string>& lines, const std::string& part) {
    for (auto& l : lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Numbers out of range and wrong types (bug 1)
//-----------------------------------------------------------------------------

TEST_CASE("files: a number beyond the double range is a located syntax error, never an abort", "[files]") {
    for (std::string number : {"1e400", "-1e400", "0.4e00669999999999999999999999999"}) {
        Json j;
        Diagnostic d;
        std::string text = "{\n  \"a\": [1, " + number + "]}";
        INFO(number);
        REQUIRE_FALSE(parseJsonText(text, &j, &d));
        CHECK(d.message.find("is out of range") != std::string::npos);
        CHECK(d.message.find(number.substr(0, 5)) != std::string::npos);
        CHECK(d.line == 2);
        CHECK(d.col == 12);
    }
    ScratchDir dir("files");
    std::string spec = dir.file("big.json");
    writeRaw(spec, "{\"state\": {\"n\": 1e400}, \"screens\": {\"home\": {\"body\": []}}}");
    auto r = cli("validate " + spec);
    CHECK(r.code == 1);
    CHECK(r.err.find(spec + ":1:17: error: number 1e400 is out of range") == 0);

    std::string config = dir.file("config.json");
    writeRaw(config, "{\"provider\": \"offline\", \"openai\": {\"timeout\": 1e400}}");
    r = cli("providers", ".", "PROMPTOTYPE_CONFIG=" + config);
    CHECK(r.code == 0);
    CHECK(r.out.find(config + ":1:47: error: number 1e400 is out of range") != std::string::npos);
}

TEST_CASE("files: a log line with a huge number or a wrong type is skipped with a message: the others load", "[files]") {
    ScratchDir dir("files");
    std::string spec = dir.file("app.json");
    writeRaw(dir.file("app.feedback.jsonl"),
             "{\"time\": 1e400, \"kind\": \"agree\"}\n"
             "{\"time\": 1, \"kind\": \"agree\", \"version\": 99999999999999999999}\n"
             "{\"time\": 1, \"kind\": \"agree\", \"version\": 4294967297}\n"
             "{\"time\": 2, \"kind\": \"idea\", \"comment\": \"kept\"}\n");
    std::vector<std::string> problems;
    std::vector<Reaction> reactions = FeedbackLog(spec).load(&problems);
    REQUIRE(reactions.size() == 1);
    CHECK(reactions[0].comment == "kept");
    CHECK(problems.size() == 3);
    CHECK(contains(problems, "app.feedback.jsonl:1:"));
    CHECK(contains(problems, "app.feedback.jsonl:3: skipped: \"version\""));

    writeRaw(dir.file("app.sessions.jsonl"),
             "{\"session\": \"s\", \"type\": \"click\", \"t\": 1, \"x\": 1e300, \"y\": 0.5}\n"
             "{\"session\": \"s\", \"type\": \"click\", \"t\": 2, \"x\": 0.25, \"y\": 0.5}\n");
    problems.clear();
    std::vector<SessionEvent> events = SessionLog(spec).load(&problems);
    REQUIRE(events.size() == 1);
    CHECK(events[0].x == 0.25f);
    CHECK(contains(problems, "app.sessions.jsonl:1: skipped: \"x\""));
}

//-----------------------------------------------------------------------------
// [SECTION] Concurrent writers (bug 8)
//-----------------------------------------------------------------------------

TEST_CASE("files: writers racing on one history never take the same version", "[files][history]") {
    ScratchDir dir("files");
    std::string spec = dir.file("app.json"), err;
    constexpr int kWriters = 8;
    int gate[2];
    REQUIRE(pipe(gate) == 0);
    std::vector<pid_t> children;
    for (int k = 1; k <= kWriters; ++k) {
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {  // waits at the gate so every writer starts at once, then records one version
            close(gate[1]);
            char byte;
            while (read(gate[0], &byte, 1) > 0) {}
            SpecHistory h(spec);
            std::string childErr;
            _exit(h.open(&childErr) && h.commit(specText(k), "refine", "writer " + std::to_string(k), "test", &childErr) ? 0 : 1);
        }
        children.push_back(child);
    }
    close(gate[0]);
    close(gate[1]);  // opens the gate
    for (pid_t child : children) {
        int status = 0;
        REQUIRE(waitpid(child, &status, 0) == child);
        CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    CHECK(h.problems().empty());
    REQUIRE(h.versions().size() == (size_t)kWriters);
    std::set<std::string> texts;
    for (int n = 1; n <= kWriters; ++n) {
        std::string text;
        REQUIRE(h.read(n, &text));
        texts.insert(text);
    }
    CHECK(texts.size() == (size_t)kWriters);  // every writer's bytes, each under its own number
    CHECK(h.syncWithFile(&err) == h.current());  // the spec file is one of them: no hand edit recorded
    CHECK(h.versions().size() == (size_t)kWriters);
}

//-----------------------------------------------------------------------------
// [SECTION] Torn lines (bug 9)
//-----------------------------------------------------------------------------

TEST_CASE("files: an append after a torn last line starts a new line: both logs keep every whole entry", "[files]") {
    ScratchDir dir("files");
    std::string spec = dir.file("app.json"), err;
    writeRaw(dir.file("app.feedback.jsonl"), "{\"time\": 1, \"kind\": \"agree\"}\n{\"time\": 2, \"kind\": \"agr");
    Reaction r;
    r.time = 3;
    r.kind = "idea";
    r.comment = "after the torn line";
    REQUIRE(FeedbackLog(spec).append(r, &err));
    std::vector<std::string> problems;
    std::vector<Reaction> reactions = FeedbackLog(spec).load(&problems);
    REQUIRE(reactions.size() == 2);
    CHECK(reactions[1].comment == "after the torn line");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("app.feedback.jsonl:2:") != std::string::npos);

    writeRaw(dir.file("app.sessions.jsonl"), "{\"session\": \"s\", \"type\": \"st");
    SessionEvent e;
    e.session = "s";
    e.type = "click";
    e.t = 1;
    REQUIRE(SessionLog(spec).append(e, &err));
    problems.clear();
    CHECK(SessionLog(spec).load(&problems).size() == 1);
    CHECK(contains(problems, "app.sessions.jsonl:1:"));
}

TEST_CASE("files: a whole entry glued after a torn one (written before the fix) is still read", "[files]") {
    ScratchDir dir("files");
    std::string spec = dir.file("app.json");
    writeRaw(dir.file("app.feedback.jsonl"), "{\"time\": 1, \"kind\": \"agr{\"time\": 2, \"kind\": \"idea\", \"comment\": \"glued\"}\n");
    std::vector<std::string> problems;
    std::vector<Reaction> reactions = FeedbackLog(spec).load(&problems);
    REQUIRE(reactions.size() == 1);
    CHECK(reactions[0].comment == "glued");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("app.feedback.jsonl:1: an incomplete entry") != std::string::npos);
    CHECK(problems[0].find("column 25") != std::string::npos);
}

//-----------------------------------------------------------------------------
// [SECTION] Names beside a spec (bug 10)
//-----------------------------------------------------------------------------

TEST_CASE("files: different spec files never share the files kept beside them", "[files]") {
    CHECK(besideSpec("dir/app.json", ".feedback.jsonl") == "dir/app.feedback.jsonl");  // existing projects keep their files
    CHECK(besideSpec("dir/app.bak", ".feedback.jsonl") == "dir/app.bak_feedback.jsonl");
    CHECK(besideSpec("dir/app.bak.json", ".feedback.jsonl") == "dir/app.bak.feedback.jsonl");
    CHECK(besideSpec("dir/app", ".history") == "dir/app_history");
    CHECK(besideSpec("dir.v2/app", ".demo.txt") == "dir.v2/app_demo.txt");
    CHECK(besideSpec("dir/.json", ".history") == "dir/.json_history");

    ScratchDir dir("files");
    std::string json = dir.file("app.json"), bak = dir.file("app.bak"), err;
    SpecHistory a(json), b(bak);
    REQUIRE(a.open(&err));
    REQUIRE(a.commit(specText(1), "generate", "one", "test", &err) == 1);
    REQUIRE(a.commit(specText(2), "refine", "two", "test", &err) == 2);
    writeRaw(bak, specText(9));
    REQUIRE(b.open(&err));
    CHECK(b.versions().empty());
    CHECK(b.undo(&err) == 0);  // app.bak has one version of its own: nothing to undo, and app.json's never reach it
    CHECK(readFile(bak) == specText(9));
    CHECK(b.versions().size() == 1);
    CHECK(readFile(json) == specText(2));
    CHECK(FeedbackLog(json).path() != FeedbackLog(bak).path());
    CHECK(SessionLog(json).path() != SessionLog(bak).path());
}

//-----------------------------------------------------------------------------
// [SECTION] Symbolic links (bug 11)
//-----------------------------------------------------------------------------

TEST_CASE("files: a symlinked spec is written through the link: the link stays", "[files]") {
    ScratchDir dir("files");
    fs::create_directories(dir.path / "real");
    std::string target = dir.file("real/app.json"), link = dir.file("app.json"), err;
    writeRaw(target, specText(1));
    fs::create_symlink("real/app.json", link);
    SpecHistory h(link);
    REQUIRE(h.open(&err));
    REQUIRE(h.commit(specText(2), "refine", "through the link", "test", &err) == 2);
    CHECK(fs::is_symlink(link));
    CHECK(readFile(target) == specText(2));
    REQUIRE(h.undo(&err) == 1);
    CHECK(fs::is_symlink(link));
    CHECK(readFile(target) == specText(1));
    CHECK(fs::exists(dir.file("app.history/000002.json")));  // the history lives beside the name used
}

TEST_CASE("files: logs and history files are never written through a symbolic link", "[files]") {
    ScratchDir dir("files");
    std::string spec = dir.file("app.json"), victim = dir.file("victim.txt"), err;
    writeRaw(victim, "untouched\n");
    fs::create_symlink("victim.txt", dir.file("app.feedback.jsonl"));
    Reaction r;
    r.time = 1;
    r.kind = "agree";
    CHECK_FALSE(FeedbackLog(spec).append(r, &err));
    CHECK(err.find(dir.file("app.feedback.jsonl") + " is a symbolic link") == 0);
    CHECK(readFile(victim) == "untouched\n");

    fs::create_directories(dir.path / "app.history");
    fs::create_symlink("../victim.txt", dir.file("app.history/log.jsonl"));
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    CHECK(h.commit(specText(1), "generate", "idea", "test", &err) == 0);
    CHECK(err.find("log.jsonl is a symbolic link") != std::string::npos);
    CHECK(readFile(victim) == "untouched\n");

    fs::create_symlink("victim.txt", dir.file("own.txt"));
    CHECK_FALSE(writeFileAtomic(dir.file("own.txt"), "x", &err, Symlinks::Refuse));
    CHECK(err.find("own.txt is a symbolic link") != std::string::npos);
    CHECK(fs::is_symlink(dir.file("own.txt")));
}

//-----------------------------------------------------------------------------
// [SECTION] File names from ids (bug 12)
//-----------------------------------------------------------------------------

TEST_CASE("files: file names from ids are bounded, unique and deterministic", "[files]") {
    const size_t limit = (size_t)limits::kFileNameFromId.value;
    CHECK(fileNameFromId("home") == "home");
    CHECK(fileNameFromId("a_b") == "a_b");
    CHECK(fileNameFromId("a/b") != fileNameFromId("a_b"));
    CHECK(fileNameFromId("a/b") != fileNameFromId("a?b"));
    CHECK(fileNameFromId("a/b") == fileNameFromId("a/b"));
    CHECK(fileNameFromId("a/b").rfind("a_b.", 0) == 0);
    std::string longId(300, 'x'), other = longId + "y";
    CHECK(fileNameFromId(longId).size() <= limit + 13);
    CHECK(fileNameFromId(longId) != fileNameFromId(other));
    CHECK(fileNameFromId(std::string(limit, 'x')) == std::string(limit, 'x'));
    CHECK(!fileNameFromId("").empty());
}

TEST_CASE("files: shot and report write every screen of ids that are long or sanitise alike", "[files][cli]") {
    ScratchDir dir("files");
    std::string longId(300, 's');
    std::string spec = dir.file("ids.json");
    writeRaw(spec, "{\"screens\": {\"a_b\": {\"body\": [{\"button\": \"Go\", \"go\": \"a/b\"}]}, \"a/b\": {\"body\": [{\"button\": \"Go\", \"go\": \"" + longId +
                       "\"}]}, \"" + longId + "\": {\"body\": [{\"text\": \"far\"}]}}}");
    auto r = cli("shot " + spec + " -o " + dir.file("shots"));
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::set<std::string> pngs;
    for (auto& e : fs::directory_iterator(dir.path / "shots")) pngs.insert(e.path().filename().string());
    CHECK(pngs.size() == 3);
    CHECK(pngs.count("a_b.png") == 1);

    r = cli("report " + spec + " -o " + dir.file("report"));
    INFO(r.err);
    REQUIRE(r.code == 0);
    size_t images = 0;
    for (auto& e : fs::directory_iterator(dir.path / "report/images")) images += e.path().extension() == ".png";
    CHECK(images == 4);  // the flow map and three screens
}

//-----------------------------------------------------------------------------
// [SECTION] Screen reactions in the report (bug 14)
//-----------------------------------------------------------------------------

TEST_CASE("files: a reaction on a screen itself is listed under its screen, not as orphaned", "[files][cli]") {
    ScratchDir dir("files");
    std::string spec = dir.file("app.json");
    writeRaw(spec, kSpec);
    auto r = cli("play " + spec + " --as Maria --step \"react - question 'is this the start?'\"");
    INFO(r.err);
    REQUIRE(r.code == 0);
    r = cli("report " + spec + " -o " + dir.file("report"));
    REQUIRE(r.code == 0);
    std::string md = readFile(dir.file("report/report.md"));
    INFO(md);
    size_t home = md.find("### Home"), second = md.find("### Second"), said = md.find("is this the start?");
    REQUIRE(said != std::string::npos);
    CHECK(home < said);
    CHECK(said < second);
    CHECK(md.find("On the screen as a whole") != std::string::npos);
    CHECK(md.find("no longer in the prototype") == std::string::npos);
}

//-----------------------------------------------------------------------------
// [SECTION] Version numbers (bug 16)
//-----------------------------------------------------------------------------

TEST_CASE("files: a history line with a version number out of range is skipped: numbers never overflow", "[files][history]") {
    ScratchDir dir("files");
    std::string spec = dir.file("app.json"), err;
    fs::create_directories(dir.path / "app.history");
    writeRaw(dir.file("app.history/log.jsonl"),
             "{\"event\": \"version\", \"number\": 2147483647, \"kind\": \"refine\", \"bytes\": 3}\n"
             "{\"event\": \"version\", \"number\": \"3\", \"kind\": \"refine\"}\n"
             "{\"event\": \"version\", \"number\": 1e400}\n");
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    CHECK(h.versions().empty());
    REQUIRE(h.problems().size() == 3);
    CHECK(h.problems()[0].find("log.jsonl:1: skipped: \"number\" is 2147483647, out of range (1 to 999999)") != std::string::npos);
    CHECK(h.problems()[1].find("log.jsonl:2: skipped: \"number\" should be a version number") != std::string::npos);
    CHECK(h.problems()[2].find("log.jsonl:3:") != std::string::npos);
    REQUIRE(h.commit(specText(1), "generate", "idea", "test", &err) == 1);
    CHECK(fs::exists(dir.file("app.history/000001.json")));

    auto r = cli("history " + spec);
    CHECK(r.code == 0);
    CHECK(r.err.find("out of range") != std::string::npos);
}

//-----------------------------------------------------------------------------
// [SECTION] stop without a recording (bug 17)
//-----------------------------------------------------------------------------

TEST_CASE("files: stop with no recording fails and leaves the saved demo alone", "[files][cli]") {
    ScratchDir dir("files");
    std::string spec = dir.file("app.json"), demo = dir.file("app.demo.txt");
    writeRaw(spec, kSpec);
    writeRaw(demo, "click next\n");
    auto r = cli("play " + spec + " --step stop");
    CHECK(r.code == 1);
    CHECK(r.err.find("no demo is being recorded") != std::string::npos);
    CHECK(readFile(demo) == "click next\n");
}

//-----------------------------------------------------------------------------
// [SECTION] Kills: stale temp files, generate's history (bug 18)
//-----------------------------------------------------------------------------

TEST_CASE("files: temp files of dead writers are removed on the next write: live ones stay", "[files]") {
    ScratchDir dir("files");
    std::string target = dir.file("app.json"), err;
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) _exit(0);
    REQUIRE(waitpid(child, nullptr, 0) == child);  // `child` is now a pid with no process
    std::string dead = target + ".tmp-" + std::to_string(child), deadPng = target + ".tmp-" + std::to_string(child) + "-3";
    std::string live = target + ".tmp-" + std::to_string(getppid()), otherFile = dir.file("other.json.tmp-" + std::to_string(child));
    for (auto& p : {dead, deadPng, live, otherFile}) writeRaw(p, "half");
    REQUIRE(writeFileAtomic(target, "whole", &err));
    CHECK_FALSE(fs::exists(dead));
    CHECK_FALSE(fs::exists(deadPng));
    CHECK(fs::exists(live));       // its writer may still be at work
    CHECK(fs::exists(otherFile));  // another target's: left to its own next write
    CHECK(readFile(target) == "whole");
}

TEST_CASE("files: a generation killed after writing the spec is recorded as that generation", "[files][history]") {
    ScratchDir dir("files");
    std::string spec = dir.file("idea.json"), err;
    {
        SpecHistory h(spec);
        REQUIRE(h.open(&err));
        REQUIRE(h.announce("generate", "a habit tracker", "offline drafter", &err));
        writeRaw(spec, specText(1));  // the generator wrote the spec; the process dies before commit()
    }
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    REQUIRE(h.syncWithFile(&err) == 1);
    CHECK(h.version(1)->kind == "generate");
    CHECK(h.version(1)->summary == "a habit tracker");
    CHECK(h.version(1)->generator == "offline drafter");
    writeRaw(spec, specText(2));
    REQUIRE(h.syncWithFile(&err) == 2);
    CHECK(h.version(2)->kind == "edit");  // the announcement was used once
}

TEST_CASE("files: an announcement does not relabel older bytes, and a withdrawn one leaves no history", "[files][history]") {
    ScratchDir dir("files");
    std::string spec = dir.file("idea.json"), err;
    writeRaw(spec, specText(1));
    fs::last_write_time(spec, fs::file_time_type::clock::now() - std::chrono::hours(1));
    {
        SpecHistory h(spec);
        REQUIRE(h.open(&err));
        REQUIRE(h.announce("generate", "an idea", "offline drafter", &err));  // killed before the generator wrote anything
    }
    SpecHistory h(spec);
    REQUIRE(h.open(&err));
    REQUIRE(h.syncWithFile(&err) == 1);
    CHECK(h.version(1)->kind == "import");

    std::string fresh = dir.file("fresh.json");
    SpecHistory f(fresh);
    REQUIRE(f.open(&err));
    REQUIRE(f.announce("generate", "an idea", "offline drafter", &err));
    REQUIRE(f.withdraw(&err));
    CHECK_FALSE(fs::exists(dir.file("fresh.history")));
}

TEST_CASE("files: generate records its idea and generator in the history", "[files][cli]") {
    ScratchDir dir("files");
    auto r = cli("generate \"a habit tracker with streaks\" -o " + dir.file("habits.json") + " --provider offline");
    INFO(r.err);
    REQUIRE(r.code == 0);
    SpecHistory h(dir.file("habits.json"));
    std::string err;
    REQUIRE(h.open(&err));
    REQUIRE(h.versions().size() == 1);
    CHECK(h.version(1)->kind == "generate");
    CHECK(h.version(1)->summary == "a habit tracker with streaks");
}
