// Generator pipeline: prompt, repair rounds, raw answers, cache, partial specs, file naming.
// A scripted in-process provider plays the model; tests/test_generator_http.cpp does the same over HTTP.
#include "scripted_model.h"
#include "test_files.h"
#include "generator/generator.h"
#include "generator/lenient_json.h"
#include "generator/offline/offline_drafter.h"
#include "generator/system_prompt.h"
#include "meeting/meeting.h"
#include "runtime/headless/inspector.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/token_count.h"
#include "runtime/spec/vocabulary.h"
#include <catch2/catch.hpp>
#include <regex>
#include <filesystem>
#include <fstream>

using namespace pt;
using pt::test::ScriptedModel;
using pt::test::readFile;
using pt::test::sampleText;
namespace fs = std::filesystem;

namespace {

struct TempDir : pt::test::ScratchDir {
    TempDir() : ScratchDir("gen") {}
};

GenerationOptions optionsIn(const TempDir& dir, const std::string& idea = "a habit tracker") {
    GenerationOptions o;
    o.idea = idea;
    o.outPath = dir.file("out.json");
    o.cacheDir = dir.file("cache");
    return o;
}

} // namespace

TEST_CASE("system prompt is built from the catalog, small, and its example is a clean spec") {
    std::string p = systemPrompt();
    // At most 4,000 real o200k tokens, whatever the estimate's error on a prompt.
    CHECK(countTokens(p) <= 4000 - 4000 * kSpecTokenCountErrorPercent / 100);
    CHECK(p.find("- button(label*") != std::string::npos);      // catalog entries
    CHECK(p.find("{\"stream\": ") != std::string::npos);        // action catalog
    CHECK(p.find("app shell") != std::string::npos);            // shell and first screen first
    size_t at = p.find("{\"spec\": 1,\n \"meta\": {\"name\": \"Plantly\"");
    REQUIRE(at != std::string::npos);
    LoadResult r = SpecLoader::loadText(p.substr(at));
    INFO(r.format("example"));
    REQUIRE(r.spec);
    CHECK(r.diagnostics.empty());
    Json report = inspectSpec(r.spec);
    CHECK(report["dead_controls"].empty());
    CHECK(report["unreachable"].empty());
    CHECK(promptVersion() == promptVersion());
    CHECK(promptVersion().size() == 12);
}

TEST_CASE("the prompt agrees with itself and the catalog", "[prompt]") {
    const std::string p = systemPrompt();
    const std::vector<std::string>& tones = documentVocabulary().tones;
    SECTION("every tone it writes is a tone, and the list of tones is shown once") {
        const std::regex toneValue("\"tone\": \"([a-z]+)\"");
        for (std::sregex_iterator it(p.begin(), p.end(), toneValue), end; it != end; ++it) {
            INFO((*it)[0]);
            CHECK(std::find(tones.begin(), tones.end(), (*it)[1].str()) != tones.end());
        }
        std::string list;
        for (auto& t : tones) list += (list.empty() ? "" : "|") + t;
        CHECK(p.find(list) != std::string::npos);
        CHECK(p.find(list) == p.rfind(list));
    }
    SECTION("the screen count follows the request: no fixed count, one screen when asked, nav only for top-level screens") {
        CHECK(p.find("3-6 screens") == std::string::npos);
        CHECK(p.find("One screen (and no nav) when the user asks for a single screen") != std::string::npos);
        CHECK(p.find("- nav (only with 2-5 top-level destinations)") != std::string::npos);
        CHECK(p.find("Detail and form screens are never nav items") != std::string::npos);
        LoadResult single = SpecLoader::loadText(R"({"spec": 1, "screens": {"board": {"title": "Board", "body": [{"text": "Hi"}]}}})");
        REQUIRE(single.spec);
        CHECK(single.diagnostics.empty());
    }
    SECTION("every structured prop shows its shape, every event its payload, every function its name") {
        for (auto& w : WidgetCatalog::get().all())
            for (auto& prop : w.props)
                if (prop.type == PropType::Array || prop.type == PropType::Object || prop.type == PropType::Any) {
                    INFO(w.name << "." << prop.name);
                    CHECK_FALSE(prop.shape.empty());
                    CHECK(p.find(prop.name + ": " + prop.shape) != std::string::npos);
                }
        for (auto& w : WidgetCatalog::get().all())
            for (auto& e : w.events) {
                INFO(w.name << " fires " << e);
                auto def = std::find_if(eventDefs().begin(), eventDefs().end(), [&](const EventDef& d) { return d.name == e; });
                REQUIRE(def != eventDefs().end());
                if (!def->payload.empty()) CHECK(p.find(e + ": " + def->payload) != std::string::npos);
            }
        for (auto& f : builtinFunctionNames()) CHECK(p.find(f) != std::string::npos);
        CHECK(p.find("findIndex") != std::string::npos);
        CHECK(p.find("\"$${") != std::string::npos);
    }
}

TEST_CASE("a clean answer is written formatted, with the raw answer beside it") {
    TempDir dir;
    ScriptedModel model({"Here you go:\n```json\n" + sampleText("habit_tracker.json") + "\n```\nEnjoy!"});
    GenerationResult r = generateSpec(optionsIn(dir), model, nullptr, nullptr, nullptr);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.written);
    CHECK(r.repairRounds == 0);
    CHECK(model.requests.size() == 1);
    CHECK(model.requests[0].system == systemPrompt());
    CHECK(model.requests[0].messages[0].content.find("a habit tracker") != std::string::npos);
    CHECK(model.requests[0].schema.is_object());
    LoadResult back = SpecLoader::loadFile(r.specPath);
    CHECK(!back.hasErrors());
    CHECK(back.spec->screens.size() == 5);
    std::string raw = readFile(r.rawPath);
    CHECK(raw.find("Enjoy!") != std::string::npos);            // the answer as received, prose included
    CHECK(r.rawPath == dir.file("out.raw.txt"));
}

TEST_CASE("errors go back to the model with their locations, and the repaired answer wins") {
    TempDir dir;
    Json broken = Json::parse(sampleText("habit_tracker.json"));
    broken["screens"]["today"]["body"][0]["card"][0]["row"][0]["ring"] = "${count(habits) / }";  // syntax error in an expression
    broken["nav"]["start"] = "todayy";
    ScriptedModel model({broken.dump(), sampleText("habit_tracker.json")});
    GenerationResult r = generateSpec(optionsIn(dir), model, nullptr, nullptr, nullptr);
    REQUIRE(r.ok);
    CHECK(r.repairRounds == 1);
    REQUIRE(model.requests.size() == 2);
    auto& turns = model.requests[1].messages;
    REQUIRE(turns.size() == 3);
    CHECK(turns[1].role == "assistant");
    CHECK(turns[1].content == broken.dump());
    CHECK(turns[2].content.find("/screens/today/body/0/card/0/row/0/ring") != std::string::npos);
    std::string raw = readFile(r.rawPath);
    CHECK(raw.find("first answer") != std::string::npos);
    CHECK(raw.find("repair round 1") != std::string::npos);
}

TEST_CASE("near-miss names are fixed locally without a model round trip") {
    TempDir dir;
    std::string answer = R"({"spec": 1, "meta": {"name": "Notes"}, "screens": {
      "home": {"title": "Notes", "body": [{"Text": "Hello"}, {"Buton": "Add", "go": "Edit"}]},
      "edit": {"title": "Edit", "body": [{"TextField": "Title", "bind": "draft"}, {"button": "Save", "press": "back"}]},
      "about": {"title": "About", "body": [{"text": "v1"}, {"button": "Home", "go": "home"}]}},
      "state": {"draft": ""}})";
    ScriptedModel model({answer});
    GenerationResult r = generateSpec(optionsIn(dir), model, nullptr, nullptr, nullptr);
    INFO(r.error);
    for (auto& d : r.problems) INFO(d.format("out"));
    REQUIRE(r.ok);
    CHECK(model.requests.size() == 1);
    CHECK(!r.fixes.empty());
    LoadResult back = SpecLoader::loadFile(r.specPath);
    REQUIRE(back.spec);
    CHECK(!back.hasErrors());
}

TEST_CASE("after three failed repairs, what is valid opens and the problems are listed") {
    TempDir dir;
    std::string bad = R"({"spec": 1, "screens": {"home": {"title": "Home", "body": [{"hologram3d": "Spin"}, {"text": "Hi"}]},
      "two": {"title": "Two", "body": [{"text": "x"}]}, "three": {"title": "Three", "body": [{"text": "y"}]}}})";
    ScriptedModel model({bad, bad, bad, bad});
    GenerationResult r = generateSpec(optionsIn(dir), model, nullptr, nullptr, nullptr);
    CHECK(model.requests.size() == 4);  // first answer + 3 repair rounds
    CHECK(r.repairRounds == 3);
    CHECK(r.written);
    CHECK(!r.ok);
    REQUIRE(!r.problems.empty());
    CHECK(r.problems[0].message.find("hologram3d") != std::string::npos);
    LoadResult back = SpecLoader::loadFile(r.specPath);
    REQUIRE(back.spec);  // opens, with a placeholder where the unknown widget was
    CHECK(back.spec->screens.size() == 3);
}

TEST_CASE("an answer with no JSON at all ends in a clear message and the raw answer is kept") {
    TempDir dir;
    ScriptedModel model({"I'm sorry, I can't help with that.", "Still no.", "No.", "Nope."});
    GenerationResult r = generateSpec(optionsIn(dir), model, nullptr, nullptr, nullptr);
    CHECK(!r.written);
    CHECK(!r.error.empty());
    CHECK(!fs::exists(dir.file("out.json")));
    CHECK(readFile(r.rawPath).find("I'm sorry") != std::string::npos);
}

TEST_CASE("a provider failure before any answer is reported as is") {
    TempDir dir;
    ScriptedModel model({});
    GenerationResult r = generateSpec(optionsIn(dir), model, nullptr, nullptr, nullptr);
    CHECK(!r.written);
    CHECK(r.error == "scripted: no more answers");
    CHECK(r.rawPath.empty());
}

TEST_CASE("the cache answers the same idea instantly: --fresh asks the model again") {
    TempDir dir;
    ScriptedModel model({sampleText("settings.json"), sampleText("settings.json")});
    GenerationOptions o = optionsIn(dir, "Settings  for my app");
    REQUIRE(generateSpec(o, model, nullptr, nullptr, nullptr).ok);
    fs::remove(o.outPath);
    o.idea = "settings for my APP";  // case and spacing do not matter
    GenerationResult cached = generateSpec(o, model, nullptr, nullptr, nullptr);
    CHECK(cached.ok);
    CHECK(cached.fromCache);
    CHECK(model.requests.size() == 1);
    CHECK(fs::exists(o.outPath));
    o.fresh = true;
    GenerationResult fresh = generateSpec(o, model, nullptr, nullptr, nullptr);
    CHECK(fresh.ok);
    CHECK(!fresh.fromCache);
    CHECK(model.requests.size() == 2);
    o.idea = "settings for my app, dark";
    o.fresh = false;
    GenerationResult other = generateSpec(o, model, nullptr, nullptr, nullptr);  // another idea: not cached, script exhausted
    CHECK(!other.fromCache);
}

TEST_CASE("the result comes back compiled with the bytes written, from the cache too") {
    TempDir dir;
    ScriptedModel model({sampleText("settings.json")});
    GenerationOptions o = optionsIn(dir, "settings for my app");
    for (bool cached : {false, true}) {
        size_t compiles = SpecLoader::compiledDocuments();
        GenerationResult r = generateSpec(o, model, nullptr, nullptr, nullptr);
        REQUIRE(r.ok);
        CHECK(r.fromCache == cached);
        CHECK(SpecLoader::compiledDocuments() - compiles == 1);
        REQUIRE(r.spec);
        CHECK(r.spec->source == r.doc);
        CHECK(r.text == readFile(o.outPath));
        CHECK(Json::parse(r.text) == r.doc);
    }
}

TEST_CASE("the offline drafter hands its document over, its text only streams and goes to the raw answer") {
    auto offline = makeOfflineProvider();
    LlmRequest request;
    request.idea = "a habit tracker with daily streaks and reminders";
    std::string streamed;
    LlmResult answer = offline->complete(request, [&](std::string_view delta) { streamed += delta; }, nullptr);
    REQUIRE(answer.ok);
    CHECK(answer.doc == draftSpec(request.idea));
    CHECK(answer.text == streamed);
    CHECK(Json::parse(answer.text) == answer.doc);
    LenientResult taken = answerDocument(answer);
    CHECK(taken.ok);
    CHECK(taken.doc == answer.doc);
}

// The main job's path (app/cli_generate.cpp): generate, record the first version, show it, open the meeting on it.
TEST_CASE("the idea's document is compiled once on its way to the meeting, and the history has its exact bytes") {
    TempDir dir;
    GenerationOptions o = optionsIn(dir, "a habit tracker with daily streaks and reminders");
    auto offline = makeOfflineProvider();
    size_t compiles = SpecLoader::compiledDocuments();
    GenerationResult r = generateSpec(o, *offline, nullptr, nullptr, nullptr);
    REQUIRE(r.ok);
    REQUIRE(r.spec);
    SpecHistory history(r.specPath);
    std::string error, recorded;
    REQUIRE(history.open(&error));
    REQUIRE(history.commit(r.text, "generate", o.idea, r.generator, &error) == 1);
    Prototype proto(r.spec);
    Meeting meeting(proto, r.specPath);
    REQUIRE(meeting.open(r.text, &error));
    CHECK(SpecLoader::compiledDocuments() - compiles == 1);
    CHECK(meeting.doc() == r.doc);
    CHECK(&proto.spec() == r.spec.get());
    REQUIRE(history.read(1, &recorded));
    CHECK(recorded == r.text);
    CHECK(readFile(r.specPath) == r.text);
}

TEST_CASE("while streaming, the shell shows once nav closes and each screen once its JSON has closed") {
    // The prompt asks for nav before state: reorder the sample the way a model following it writes.
    Json sample = Json::parse(sampleText("habit_tracker.json"));
    Json ordered;
    for (const char* k : {"spec", "meta", "theme", "nav", "state", "screens", "overlays"}) ordered[k] = sample[k];
    std::string text = formatSpec(ordered);
    std::vector<int> counts;
    std::string current;
    int done = 0;
    size_t navEnd = text.find("\n \"state\"");
    bool sawSkeletonsOnly = false;
    for (size_t n = 1; n <= text.size(); n += 97) {
        Json partial = partialSpecFromStream(std::string_view(text).substr(0, n), &current, &done);
        if (n < navEnd - 2) CHECK(partial.is_null());
        if (partial.is_null()) continue;
        counts.push_back(done);
        CHECK(partial["meta"]["name"] == "Streaks");
        int real = 0;
        for (auto& [id, screen] : partial["screens"].items()) {
            if (screen == ordered["screens"][id]) { ++real; continue; }
            CHECK(screen["body"][0].contains("skeleton"));        // named by nav, not written yet
            CHECK(partial["nav"].dump().find("\"" + id + "\"") != std::string::npos);
        }
        CHECK(real == done);
        CHECK(partial["screens"].size() >= 3);                      // the whole tab bar from the start
        sawSkeletonsOnly |= done == 0;
        CHECK(SpecLoader::loadJson(partial).spec != nullptr);
    }
    CHECK(sawSkeletonsOnly);
    REQUIRE(!counts.empty());
    CHECK(std::is_sorted(counts.begin(), counts.end()));
    CHECK(counts.back() == 5);

    TempDir dir;
    ScriptedModel model({text});
    std::vector<int> published;
    GenerationResult r = generateSpec(optionsIn(dir), model, nullptr,
                                      [&](const Json& doc, const std::vector<std::string>&) { published.push_back((int)doc["screens"].size()); }, nullptr);
    REQUIRE(r.ok);
    REQUIRE(!published.empty());
    CHECK(r.shellSec >= 0);
    CHECK(r.firstScreenSec >= r.shellSec);
}

TEST_CASE("file names come from the idea and never replace an existing file") {
    CHECK(specFileNameForIdea("a habit tracker with daily streaks and reminders") == "habit-tracker-daily-streaks-reminders.json");
    CHECK(specFileNameForIdea("") == "prototype.json");
    CHECK(specFileNameForIdea("🚀 ✨") == "prototype.json");
    CHECK(specFileNameForIdea("../../etc/passwd") == "etc-passwd.json");
    TempDir dir;
    std::string p = dir.file("x.json");
    CHECK(uniquePath(p) == p);
    std::ofstream(p) << "{}";
    CHECK(uniquePath(p) == dir.file("x-2.json"));
    std::ofstream(dir.file("x-2.json")) << "{}";
    CHECK(uniquePath(p) == dir.file("x-3.json"));
    CHECK(rawPathFor(p) == dir.file("x.raw.txt"));
}

TEST_CASE("formatSpec is readable and round-trips exactly") {
    Json doc = Json::parse(sampleText("shop_checkout.json"));
    std::string text = formatSpec(doc);
    CHECK(Json::parse(text) == doc);
    CHECK(text.find("\n \"screens\": {") != std::string::npos);  // sections start on their own lines
    CHECK(std::count(text.begin(), text.end(), '\n') > 20);
}
