// The CLI contracts people and scripts rely on: exit codes, located messages, files written.
#include "cli_run.h"
#include "fake_llm_server.h"
#include "planned_model.h"
#include "runtime/headless/raster.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/catalog.h"
#include <stb_image.h>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

using Result = pt::test::CliResult;
using pt::test::cli;

std::string tempSpec(const std::string& name, const std::string& text) {
    fs::path dir = fs::temp_directory_path() / ("pt_cli_specs_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::path p = dir / name;
    std::ofstream(p) << text;
    return p.string();
}

const char* kGood = R"({"state": {"n": 0}, "screens": {
  "home": {"title": "Home", "body": [{"button": "Next", "id": "next", "go": "second"}, {"text": "Count ${n}"}]},
  "second": {"title": "Second", "body": [{"input": "Note", "bind": "note"}, {"button": "Bump", "on": {"press": {"inc": "n"}}}]}}})";

} // namespace

TEST_CASE("validate: exit 0 for a valid spec", "[cli]") {
    Result r = cli("validate " + tempSpec("good.json", kGood));
    CHECK(r.code == 0);
    CHECK(r.err.empty());
}

TEST_CASE("validate: exit 1 with FILE:LINE:COL for syntax errors", "[cli]") {
    std::string path = tempSpec("syntax.json", "{\n  \"screens\": {,}\n}");
    Result r = cli("validate " + path);
    CHECK(r.code == 1);
    CHECK(r.err.find(path + ":2:") == 0);
}

TEST_CASE("validate: exit 1 with FILE:/pointer and did-you-mean", "[cli]") {
    std::string path = tempSpec("bad.json", R"({"screens": {"home": {"body": [{"buton": "x"}, {"button": "y", "go": "nowhere"}]}}})");
    Result r = cli("validate " + path);
    CHECK(r.code == 1);
    CHECK(r.err.find(path + ":/screens/home/body/0/buton: error: unknown widget 'buton' (did you mean 'button'?)") != std::string::npos);
    CHECK(r.err.find(path + ":/screens/home/body/1/go: error:") != std::string::npos);
}

TEST_CASE("validate: exit 2 for usage errors and unreadable files", "[cli]") {
    CHECK(cli("validate").code == 2);
    Result r = cli("validate /nonexistent/x.json");
    CHECK(r.code == 2);
    CHECK(r.err.find("/nonexistent/x.json:/: error: cannot read the file") == 0);
    CHECK(cli("frobnicate").code == 2);
    CHECK(cli("frobnicate").err.find("did you mean") == std::string::npos);
    CHECK(cli("valdate x").err.find("did you mean 'validate'?") != std::string::npos);
}

TEST_CASE("schema: the checked-in copy matches the catalog", "[cli][schema]") {
    Result r = cli("schema");
    REQUIRE(r.code == 0);
    std::ifstream in("specs/promptotype.schema.json");
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    INFO("specs/promptotype.schema.json is stale: regenerate it with `build/promptotype schema > specs/promptotype.schema.json`");
    CHECK(pt::Json::parse(ss.str()) == pt::Json::parse(r.out));
    pt::Json schema = pt::Json::parse(r.out);
    CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
    CHECK(schema["$defs"].contains("w_button"));
}

TEST_CASE("docs: FORMAT.md's widget reference matches the catalog", "[cli][docs]") {
    Result r = cli("docs");
    REQUIRE(r.code == 0);
    std::ifstream in("specs/FORMAT.md");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string doc = ss.str();
    const std::string begin = "<!-- BEGIN GENERATED: promptotype docs -->\n", end = "<!-- END GENERATED -->";
    size_t b = doc.find(begin), e = doc.find(end);
    REQUIRE(b != std::string::npos);
    REQUIRE(e != std::string::npos);
    INFO("specs/FORMAT.md's reference is stale: run scripts/update-docs.sh");
    CHECK(doc.substr(b + begin.size(), e - b - begin.size()) == r.out);
}

TEST_CASE("shot: one non-blank PNG per screen, with no display", "[cli][render]") {
    fs::path dir = fs::temp_directory_path() / ("pt_shots_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    Result r = cli("shot " + tempSpec("good.json", kGood) + " -o " + dir.string());
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(fs::exists(dir / "home.png"));
    CHECK(fs::exists(dir / "second.png"));
    CHECK(r.out.find((dir / "home.png").string()) != std::string::npos);

    Result one = cli("shot " + tempSpec("good.json", kGood) + " -o " + (dir / "one").string() + " --screen second --size 600x400");
    REQUIRE(one.code == 0);
    CHECK(fs::exists(dir / "one" / "second.png"));
    CHECK_FALSE(fs::exists(dir / "one" / "home.png"));
    CHECK(cli("shot " + tempSpec("good.json", kGood) + " -o " + dir.string() + " --size huge").code == 2);
}

TEST_CASE("play: clicks and types, prints the screen last", "[cli][play]") {
    std::string spec = tempSpec("good.json", kGood);
    Result r = cli("play " + spec + " --step 'click next' --step 'type Note hello there' --step 'click Bump' --step 'wait 100' --print state --print screen");
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::string lastLine = r.out.substr(r.out.find_last_of('\n', r.out.size() - 2) + 1);
    CHECK(lastLine == "second\n");
    CHECK(r.out.find("\"note\": \"hello there\"") != std::string::npos);
    CHECK(r.out.find("\"n\": 1") != std::string::npos);
}

TEST_CASE("play: a missing target exits 1 naming it", "[cli][play]") {
    Result r = cli("play " + tempSpec("good.json", kGood) + " --step 'click Bump' --print screen");
    CHECK(r.code == 1);
    CHECK(r.err.find("step 1 'click Bump': no widget 'Bump' on screen 'home'") != std::string::npos);
    CHECK(cli("play " + tempSpec("good.json", kGood) + " --step 'dance'").code == 1);
}

TEST_CASE("inspect: screens, edges with clickable via, dead controls, texts", "[cli][inspect]") {
    std::string spec = tempSpec("dead.json", R"({"screens": {
      "home": {"title": "Home", "body": [{"button": "Next", "go": "second"}, {"button": "Does nothing"}]},
      "second": {"title": "Second", "body": [{"text": "Hi"}]}, "island": {"body": []}}})");
    Result r = cli("inspect " + spec);
    REQUIRE(r.code == 0);
    pt::Json j = pt::Json::parse(r.out);
    CHECK(j["start"] == "home");
    REQUIRE(j["screens"].size() == 3);
    CHECK(j["screens"][0]["title"] == "Home");
    CHECK(j["screens"][0]["widgets"][0]["type"] == "button");
    CHECK(j["screens"][0]["widgets"][0]["actions"][0] == "press: navigate second");
    REQUIRE(j["edges"].size() == 1);
    CHECK(j["edges"][0] == pt::Json({{"from", "home"}, {"to", "second"}, {"via", "Next"}}));
    REQUIRE(j["dead_controls"].size() == 1);
    CHECK(j["dead_controls"][0]["target"] == "Does nothing");
    CHECK(j["unreachable"] == pt::Json::array({"island"}));
    CHECK(j["texts"]["second"].dump().find("Hi") != std::string::npos);
}

TEST_CASE("inspect --layout: every screen's nodes with parent, rect, text: --size: violations", "[cli][inspect][layout]") {
    std::string spec = tempSpec("layout.json", R"({"meta": {"device": "tablet"}, "screens": {
      "home": {"title": "Home", "body": [{"card": [{"text": "Inside the card", "id": "t"}], "id": "c"}, {"button": "Next", "go": "second"}]},
      "second": {"title": "Second", "body": [{"row": [{"badge": "one"}, {"badge": "two"}], "id": "r"}]}}})");
    Result r = cli("inspect " + spec + " --layout");
    REQUIRE(r.code == 0);
    pt::Json j = pt::Json::parse(r.out);
    CHECK(j["size"] == pt::Json::array({834, 1112}));  // the spec's device
    REQUIRE(j["screens"].size() == 2);
    CHECK(j["screens"][0]["id"] == "home");
    const pt::Json& nodes = j["screens"][0]["nodes"];
    REQUIRE(nodes.size() == 3);
    CHECK(nodes[0]["id"] == "c");
    CHECK(nodes[0]["type"] == "card");
    CHECK(nodes[0]["parent"] == -1);
    CHECK(nodes[1]["id"] == "t");
    CHECK(nodes[1]["parent"] == 0);
    CHECK(nodes[1]["text"] == "Inside the card");
    CHECK(nodes[1]["ellipsized"] == false);
    CHECK(nodes[2]["type"] == "button");
    CHECK(nodes[2]["parent"] == -1);
    for (const pt::Json& n : nodes) {
        REQUIRE(n["rect"].size() == 4);
        CHECK(n["rect"][2].get<double>() > 0);
        CHECK(n["rect"][0].get<double>() + n["rect"][2].get<double>() <= 834.5);
    }
    CHECK(j["screens"][0]["violations"].is_array());
    CHECK(j["screens"][1]["nodes"][0]["id"] == "r");
    CHECK(j["screens"][1]["nodes"][1]["parent"] == 0);

    Result phone = cli("inspect " + spec + " --layout --size 390x844");
    REQUIRE(phone.code == 0);
    pt::Json p = pt::Json::parse(phone.out);
    CHECK(p["size"] == pt::Json::array({390, 844}));
    CHECK(p["screens"][0]["nodes"][0]["rect"][2].get<double>() < 390);

    CHECK(cli("inspect " + spec + " --layout --size huge").code == 2);
    CHECK(cli("inspect " + spec + " --size 390x844").code == 2);  // --size only means something with --layout
}

TEST_CASE("run without a display says so and writes PNGs", "[cli][run]") {
    fs::path cwd = fs::temp_directory_path() / ("pt_run_" + std::to_string(::getpid()));
    fs::create_directories(cwd);
    std::string spec = tempSpec("runme.json", kGood);
    Result r = cli("run " + spec, cwd.string());
    CHECK(r.err.find("no display available") != std::string::npos);
    CHECK(fs::exists(cwd / "promptotype-shots" / "runme" / "home.png"));
}

TEST_CASE("run opens a real GLFW + OpenGL window under a virtual display", "[cli][run][window]") {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        WARN("xvfb-run is not installed (scripts/setup.sh installs it); the window path is not exercised");
        return;
    }
    fs::path shot = fs::temp_directory_path() / ("pt_window_" + std::to_string(::getpid()) + ".png");
    // The GL driver (Mesa, X11) keeps a few allocations until exit; they are not ours to free.
    std::string cmd = std::string("ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s '-screen 0 1400x1000x24' ") + PT_BINARY + " run " + tempSpec("good.json", kGood) +
                      " --frames 4 --shot " + shot.string() + " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(shot.string().c_str(), &w, &h, &n, 4);
    REQUIRE(px);
    pt::Image img;
    img.width = w;
    img.height = h;
    img.rgba.assign(px, px + (size_t)w * h * 4);
    stbi_image_free(px);
    CHECK(w == 1280);
    CHECK(pt::inkRatio(img) > 0.2);  // a device frame, a prototype and a presenter panel, not a blank buffer
}

//-----------------------------------------------------------------------------
// The main job: an idea in, a prototype out
//-----------------------------------------------------------------------------

namespace {

fs::path freshDir(const std::string& name) {
    fs::path d = fs::temp_directory_path() / ("pt_idea_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE("main job with nothing configured: the offline drafter writes, names and opens the prototype", "[cli][generate]") {
    fs::path cwd = freshDir("offline");
    Result r = cli("'a habit tracker with daily streaks and reminders'", cwd.string());
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.substr(0, r.out.find('\n')) == "habit-tracker-daily-streaks-reminders.json");   // the spec first, then the PNGs
    CHECK(r.err.find("offline drafter") != std::string::npos);
    CHECK(r.err.find("OPENAI_API_KEY") != std::string::npos);   // how to configure an LLM
    CHECK(r.err.find("no display available") != std::string::npos);
    fs::path spec = cwd / "habit-tracker-daily-streaks-reminders.json";
    pt::LoadResult load = pt::SpecLoader::loadFile(spec.string());
    REQUIRE(load.spec);
    CHECK(!load.hasErrors());
    CHECK(load.spec->screens.size() >= 3);
    CHECK(fs::exists(cwd / "promptotype-shots" / "habit-tracker-daily-streaks-reminders"));
    std::string first = readFile(spec);

    Result again = cli("'a habit tracker with daily streaks and reminders'", cwd.string());
    REQUIRE(again.code == 0);
    CHECK(again.out.substr(0, again.out.find('\n')) == "habit-tracker-daily-streaks-reminders-2.json");   // never overwrites
    CHECK(readFile(spec) == first);
}

TEST_CASE("generate writes only the file and refuses to replace one without --force", "[cli][generate]") {
    fs::path cwd = freshDir("generate");
    std::ofstream(cwd / "mine.json") << "{\"precious\": true}";
    Result r = cli("generate 'an expense tracker for a small team' -o mine.json", cwd.string());
    CHECK(r.code == 2);
    CHECK(r.err.find("--force") != std::string::npos);
    CHECK(readFile(cwd / "mine.json") == "{\"precious\": true}");
    Result forced = cli("generate 'an expense tracker for a small team' -o mine.json --force --provider offline", cwd.string());
    INFO(forced.err);
    CHECK(forced.code == 0);
    CHECK(!pt::SpecLoader::loadFile((cwd / "mine.json").string()).hasErrors());
    CHECK(!fs::exists(cwd / "promptotype-shots"));   // generate does not open anything
    Result unknown = cli("generate 'x' --provider gemini", cwd.string());
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("gemini") != std::string::npos);
}

TEST_CASE("main job with OPENAI_BASE_URL uses that server, streams, and saves the raw answer", "[cli][generate]") {
    pt::test::FakeLlmServer server;
    std::string answer = readFile(fs::path(PT_SOURCE_DIR) / "samples" / "booking_wizard.json");
    server.push(pt::test::FakeReply::sse(pt::test::openAiStream(pt::test::textPieces(answer, 50))).splitEvery(301));
    fs::path cwd = freshDir("openai");
    Result r = cli("'book a haircut at my salon' --model local-llama", cwd.string(), "OPENAI_BASE_URL=" + server.url() + "/v1");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.find("openai local-llama") != std::string::npos);
    REQUIRE(server.requests().size() == 1);
    CHECK(server.requests()[0].path == "/v1/chat/completions");
    CHECK(server.requests()[0].json()["model"] == "local-llama");
    CHECK(!server.requests()[0].hasHeader("Authorization"));   // no key configured: a local server
    fs::path spec = cwd / "book-haircut-salon.json";
    CHECK(pt::Json::parse(readFile(spec)) == pt::Json::parse(answer));
    CHECK(readFile(cwd / "book-haircut-salon.raw.txt").find(answer.substr(0, 200)) != std::string::npos);
}

TEST_CASE("generate on the parallel path lists each screen once in the terminal, a split one with its parts", "[cli][generate]") {
    pt::Json sample = pt::Json::parse(readFile(fs::path(PT_SOURCE_DIR) / "samples" / "habit_tracker.json"));
    pt::test::PlannedModel model(sample, true);
    REQUIRE(model.partAnswers.count("today"));
    pt::test::FakeLlmServer server;
    server.respondWith([&](const pt::test::RecordedRequest& r, size_t) {
        return pt::test::FakeReply::sse(pt::test::openAiStream(pt::test::modelTokens(model.answerFor(r)))).splitEvery(256);
    });
    fs::path cwd = freshDir("parallel");
    Result r = cli("generate 'a habit tracker with streaks' -o app.json --fresh", cwd.string(), "OPENAI_BASE_URL=" + server.url() + "/v1");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.find("plan ") != std::string::npos);
    CHECK(r.err.find("parts ready") != std::string::npos);   // a split screen while its parts were written
    CHECK(r.err.find("today 1/") == std::string::npos);       // never one entry per part
    CHECK(r.err.find("model calls") != std::string::npos);
    CHECK(pt::Json::parse(readFile(cwd / "app.json"))["screens"]["today"] == sample["screens"]["today"]);
}

TEST_CASE("providers masks keys: prompt reports its size: a mistyped verb is not taken for an idea", "[cli][generate]") {
    Result p = cli("providers", ".", "OPENAI_API_KEY=sk-proj-abcdefghijklmnop1234");
    CHECK(p.code == 0);
    CHECK(p.out.find("sk-proj-abcdefghijklmnop1234") == std::string::npos);
    CHECK(p.out.find("1234") != std::string::npos);
    CHECK(p.out.find("openai") != std::string::npos);
    Result prompt = cli("prompt");
    CHECK(prompt.code == 0);
    CHECK(prompt.out.find("- button(label*") != std::string::npos);
    CHECK(prompt.err.find("tokens") != std::string::npos);
    Result typo = cli("valdate x.json");
    CHECK(typo.code == 2);
    CHECK(typo.err.find("did you mean 'validate'") != std::string::npos);
}

//-----------------------------------------------------------------------------
// Meeting mode from the command line: a whole review round
//-----------------------------------------------------------------------------

TEST_CASE("a review round from the command line: generate, refine, react, record, undo, history, diff, report", "[cli][meeting]") {
    fs::path cwd = freshDir("meeting");
    REQUIRE(cli("generate 'a habit tracker with daily streaks and reminders' -o habits.json", cwd.string()).code == 0);
    std::string generated = readFile(cwd / "habits.json");

    Result history = cli("history habits.json", cwd.string());
    INFO(history.err);
    REQUIRE(history.code == 0);
    CHECK(history.out.find("v1") != std::string::npos);
    CHECK(history.out.find("generate") != std::string::npos);

    Result refined = cli("refine habits.json 'add a share screen'", cwd.string());
    INFO(refined.err);
    REQUIRE(refined.code == 0);
    CHECK(refined.out.find("share") != std::string::npos);          // the changes, per screen
    pt::LoadResult load = pt::SpecLoader::loadFile((cwd / "habits.json").string());
    REQUIRE(load.spec);
    CHECK(!load.hasErrors());
    CHECK(load.spec->screen("share") != nullptr);

    Result hard = cli("refine habits.json 'make it feel more premium, like a luxury brand'", cwd.string());
    CHECK(hard.code == 1);
    CHECK(hard.err.find("LLM") != std::string::npos);               // says plainly what it needs
    CHECK(pt::SpecLoader::loadFile((cwd / "habits.json").string()).spec->screen("share") != nullptr);  // unchanged

    // What the app already does: said, exit 0, the file and its history as they were.
    const std::string beforeAlready = readFile(cwd / "habits.json");
    const size_t versions = cli("history habits.json", cwd.string()).out.size();
    Result already = cli("refine habits.json 'add a share screen'", cwd.string());
    INFO(already.err);
    CHECK(already.code == 0);
    CHECK(already.err.find("already has a share screen") != std::string::npos);
    CHECK(readFile(cwd / "habits.json") == beforeAlready);
    CHECK(cli("history habits.json", cwd.string()).out.size() == versions);

    Result played = cli("play habits.json --session Maria --as Maria --step \"react - agree 'Love the streaks'\" --step 'clock +1d' --print screen",
                        cwd.string());
    INFO(played.err);
    REQUIRE(played.code == 0);
    CHECK(readFile(cwd / "habits.feedback.jsonl").find("Love the streaks") != std::string::npos);
    CHECK(readFile(cwd / "habits.sessions.jsonl").find("\"Maria\"") != std::string::npos);

    Result diff = cli("diff habits.json", cwd.string());
    INFO(diff.err);
    REQUIRE(diff.code == 0);
    CHECK(diff.out.find("share") != std::string::npos);

    Result undo = cli("play habits.json --step undo", cwd.string());
    INFO(undo.err);
    REQUIRE(undo.code == 0);
    CHECK(readFile(cwd / "habits.json") == generated);               // exact bytes of v1
    Result after = cli("history habits.json", cwd.string());
    CHECK(after.out.find("* v1") != std::string::npos);
    CHECK(after.out.find("v2") != std::string::npos);                // the refinement is kept for redo

    Result report = cli("report habits.json -o review", cwd.string());
    INFO(report.err);
    REQUIRE(report.code == 0);
    std::string md = readFile(cwd / "review" / "report.md");
    CHECK(md.find("Love the streaks") != std::string::npos);
    CHECK(md.find("Maria") != std::string::npos);
    CHECK(fs::exists(cwd / "review" / "images"));
}

TEST_CASE("refine through OPENAI_BASE_URL applies the model's edits to the file", "[cli][meeting]") {
    pt::test::FakeLlmServer server;
    std::string answer = R"({"summary": "Renamed the next button", "edits": [{"op": "replace", "path": "#next/button", "value": "Continue"}]})";
    server.push(pt::test::FakeReply::sse(pt::test::openAiStream({answer.substr(0, 40), answer.substr(40)})));
    std::string spec = tempSpec("refine-me.json", kGood);
    Result r = cli("refine " + spec + " 'call the next button Continue'", ".", "OPENAI_BASE_URL=" + server.url() + "/v1");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.find("Renamed the next button") != std::string::npos);
    CHECK(readFile(spec).find("\"Continue\"") != std::string::npos);
    REQUIRE(server.requests().size() == 1);
    CHECK(server.requests()[0].body.find("call the next button Continue") != std::string::npos);
}
