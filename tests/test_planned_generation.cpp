// The parallel generation path over HTTP: a plan call, then one call per screen (or per part of a long screen) against
// a fake OpenAI-compatible server on 127.0.0.1. A screen's calls start when its plan entry closes, screens show while
// the plan still writes the state (pending keys listed), split screens are joined in order, a failing screen or part
// is asked again alone, a 429 on the third concurrent call falls back to one call at a time, Ctrl-C keeps every call's
// raw answer, and a screen no call returns still leaves an app that opens and says so.
#include "fake_llm_server.h"
#include "planned_model.h"
#include "test_files.h"
#include "generator/generator.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <set>

using namespace pt;
using namespace pt::test;
namespace fs = std::filesystem;

namespace {

struct Sandbox : ScratchDir {
    Sandbox() : ScratchDir("planned") {}
    GenerationOptions options() const {
        GenerationOptions o;
        o.idea = "a habit tracker with daily streaks";
        o.outPath = file("app.json");
        o.cacheDir = "-";
        o.parallel = true;
        return o;
    }
};

const Json& habitTracker() {
    static const Json sample = Json::parse(sampleText("habit_tracker.json"));
    return sample;
}

FakeReply streamed(const std::string& answer) { return FakeReply::sse(openAiStream(modelTokens(answer))).splitEvery(512); }

// Requests the server saw for `call` ("plan" or a screen id).
int requestsFor(const FakeLlmServer& server, const std::string& call) {
    int n = 0;
    for (auto& r : server.requests()) n += PlannedModel::callOf(r) == call;
    return n;
}

// The plan a screen call is given: its first assistant turn.
Json planTurnOf(const RecordedRequest& request) {
    Json body = request.json();
    for (auto& m : body["messages"])
        if (m["role"] == "assistant") return Json::parse(m["content"].get<std::string>());
    return nullptr;
}

// Generates in `box` against `server`, which answers every call as `model` does except the calls `odd` picks: the
// first `times` of them (every one when times < 0) get `reply` instead.
GenerationResult generateWithOddCall(const Sandbox& box, FakeLlmServer& server, const PlannedModel& model,
                                     std::function<bool(const RecordedRequest&)> odd, FakeReply reply, int times = 1) {
    auto asked = std::make_shared<std::atomic<int>>(0);
    server.respondWith([=, &model](const RecordedRequest& r, size_t) {
        if (odd(r) && (times < 0 || (*asked)++ < times)) return reply;
        return streamed(model.answerFor(r));
    });
    auto provider = openAiAt(server);
    return generateSpec(box.options(), *provider, nullptr, nullptr, nullptr);
}

// Picks the calls for screen `id` (and only part `part` of it when part >= 0).
std::function<bool(const RecordedRequest&)> callFor(const std::string& id, int part = -1) {
    return [=](const RecordedRequest& r) { return PlannedModel::callOf(r) == id && (part < 0 || PlannedModel::partOf(r) == part); };
}

} // namespace

TEST_CASE("parallel path: the plan, then every screen by its own call, shown before the state has arrived") {
    PlannedModel model(habitTracker());
    FakeLlmServer server;
    std::atomic<int> screensShown{0};
    // The plan is held after its "plan" member until every screen is on show, so screens meet state still to come.
    const std::string& plan = model.planAnswer;
    std::string head = plan.substr(0, plan.find("\"state\""));
    std::string body = openAiStream({head, plan.substr(head.size())});
    server.respondWith([&](const RecordedRequest& r, size_t) {
        if (PlannedModel::callOf(r) != "plan") return streamed(model.answerFor(r));
        return FakeReply::sse(body).cutAt({body.find("data: ", body.find(openAiChunk({{"content", head}})) + 10)})
            .holdChunkUntil(1, [&] { return screensShown.load() == (int)model.screenAnswers.size(); });
    });
    Sandbox box;
    auto provider = openAiAt(server);
    std::vector<std::vector<std::string>> pendingSeen;
    std::vector<GenerationProgress> progress;
    GenerationResult r = generateSpec(box.options(), *provider, [&](const GenerationProgress& p) { progress.push_back(p); },
        [&](const Json& doc, const std::vector<std::string>& pending) {
            int written = 0;
            for (auto& [id, s] : doc["screens"].items()) written += !s.dump().empty() && s.dump().find("\"skeleton\"") == std::string::npos;
            pendingSeen.push_back(pending);
            screensShown = written;
        }, nullptr);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.calls == 1 + (int)model.screenAnswers.size());
    CHECK(requestsFor(server, "plan") == 1);
    for (auto& [id, answer] : model.screenAnswers) CHECK(requestsFor(server, id) == 1);
    // The spec is the sample's app: every screen as the screen calls wrote it, the state as the plan wrote it.
    for (auto& [id, screen] : habitTracker()["screens"].items()) CHECK(r.doc["screens"][id] == screen);
    CHECK(r.doc["state"] == habitTracker()["state"]);
    CHECK(r.doc["meta"]["requirements"].size() == habitTracker()["meta"]["requirements"].size());
    // While the state was held back, the screens were on show with its keys pending.
    bool screensBeforeState = false;
    for (auto& p : pendingSeen) screensBeforeState |= std::find(p.begin(), p.end(), "habits") != p.end();
    CHECK(screensBeforeState);
    CHECK(pendingSeen.back().empty());
    CHECK(r.shellSec >= 0);
    CHECK(r.firstScreenSec >= r.shellSec);
    CHECK(r.allScreensSec >= r.firstScreenSec);
    // Every call's answer is in the raw file, marked.
    std::string raw = readFile(r.rawPath);
    CHECK(raw.find("openai fake-model, plan, first answer, finish: stop") != std::string::npos);
    for (auto& [id, answer] : model.screenAnswers) CHECK(raw.find("screen '" + id + "', first answer, finish: stop") != std::string::npos);
    // Progress names each call; the start screen is asked for first.
    REQUIRE(!progress.empty());
    CHECK(progress.back().calls.size() == 1 + model.screenAnswers.size());
    CHECK(progress.back().calls[1].name == "today");
    for (auto& c : progress.back().calls) CHECK(c.status == "ready");
    CHECK(r.inputTokens > 0);
    CHECK(r.outputTokens > 0);
    CHECK(r.reusedPromptTokens > 0);
    // Every screen call is given the whole data model and its own screen's entry: the plan as far as it had closed.
    for (auto& q : server.requests()) {
        std::string call = PlannedModel::callOf(q);
        if (call == "plan") continue;
        Json turn = planTurnOf(q);
        CHECK(turn["plan"]["data"].size() == habitTracker()["state"].size());
        bool listed = false;
        for (auto& entry : turn["plan"]["screens"]) listed |= entry["id"] == call;
        CHECK(listed);
    }
}

TEST_CASE("parallel path: a screen's calls start as soon as its plan entry has closed, while the plan still streams") {
    PlannedModel model(habitTracker());
    FakeLlmServer server;
    // The plan is held just after the start screen's entry until today's call has arrived (or long after, so a failure
    // cannot hang the suite: the check below is on order, not on time).
    const std::string& plan = model.planAnswer;
    size_t cut = plan.find(R"({"id":"progress")");
    REQUIRE(cut != std::string::npos);
    std::string body = openAiStream({plan.substr(0, cut), plan.substr(cut)});
    std::atomic<bool> todayBeforeRest{false};
    int polls = 0;
    server.respondWith([&](const RecordedRequest& r, size_t) {
        if (PlannedModel::callOf(r) != "plan") return streamed(model.answerFor(r));
        return FakeReply::sse(body).cutAt({body.find("data: ", body.find(openAiChunk({{"content", plan.substr(0, cut)}})) + 10)})
            .holdChunkUntil(1, [&] {
                todayBeforeRest = requestsFor(server, "today") == 1;
                return todayBeforeRest || ++polls > 4000;
            });
    });
    Sandbox box;
    auto provider = openAiAt(server);
    GenerationResult r = generateSpec(box.options(), *provider, nullptr, nullptr, nullptr);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(todayBeforeRest);
    CHECK(r.doc["screens"]["today"] == habitTracker()["screens"]["today"]);
    // today's call saw the plan up to its own entry; later calls the whole plan, one shared prefix a cache can serve.
    auto requests = server.requests();
    for (auto& q : requests)
        if (PlannedModel::callOf(q) == "today") CHECK(planTurnOf(q)["plan"]["screens"].size() == 1);
    CHECK(planTurnOf(requests.back())["plan"]["screens"].size() == habitTracker()["screens"].size());
    CHECK(r.reusedPromptTokens > 0);
}

TEST_CASE("parallel path: a long screen planned in parts is written by one call per part and joined in order") {
    PlannedModel model(habitTracker(), true);
    REQUIRE(model.partAnswers.count("today"));
    const size_t todayParts = model.partAnswers["today"].size();
    REQUIRE(todayParts >= 2);
    FakeLlmServer server;
    server.respondWith([&](const RecordedRequest& r, size_t) { return streamed(model.answerFor(r)); });
    Sandbox box;
    auto provider = openAiAt(server);
    std::vector<GenerationProgress> progress;
    GenerationResult r = generateSpec(box.options(), *provider, [&](const GenerationProgress& p) { progress.push_back(p); }, nullptr, nullptr);
    INFO(r.error);
    REQUIRE(r.ok);
    // The sample's app, each split screen joined from its parts: title and bar from the first, nodes in order.
    for (auto& [id, screen] : habitTracker()["screens"].items()) CHECK(r.doc["screens"][id] == screen);
    CHECK(requestsFor(server, "today") == (int)todayParts);
    std::set<int> parts;
    for (auto& q : server.requests())
        if (PlannedModel::callOf(q) == "today") parts.insert(PlannedModel::partOf(q));
    CHECK(parts.size() == todayParts);
    size_t calls = 1;
    for (auto& [id, answer] : model.screenAnswers) calls += model.partAnswers.count(id) ? model.partAnswers[id].size() : 1;
    CHECK(r.calls == (int)calls);
    // Progress and the raw file name each part's call.
    REQUIRE(!progress.empty());
    CHECK(progress.back().calls[1].name == "today 1/" + std::to_string(todayParts));
    CHECK(progress.back().screensDone == (int)habitTracker()["screens"].size());
    CHECK(readFile(r.rawPath).find("screen 'today 2/" + std::to_string(todayParts) + "', first answer, finish: stop") != std::string::npos);
}

TEST_CASE("parallel path: a part with problems goes back to its own call, its nodes counted from its own first") {
    PlannedModel model(habitTracker(), true);
    REQUIRE(model.partAnswers.count("reminders"));
    const int last = (int)model.partAnswers["reminders"].size() - 1;
    REQUIRE(last >= 1);
    FakeLlmServer server;
    Sandbox box;
    GenerationResult r = generateWithOddCall(box, server, model, callFor("reminders", last),
        streamed(R"({"screen": {"body": [{"text": "Fine"}, {"button": "Open", "go": "nowhereAtAll"}]}})"));
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.repairRounds == 1);
    auto repair = server.requests().back();
    CHECK(PlannedModel::callOf(repair) == "reminders");
    CHECK(PlannedModel::partOf(repair) == last);
    std::string problems = repair.json()["messages"].back()["content"].get<std::string>();
    CHECK(problems.find("/screens/reminders/body/1") != std::string::npos);   // its second node, wherever the others put it
    CHECK(r.doc["screens"]["reminders"] == habitTracker()["screens"]["reminders"]);
}

TEST_CASE("parallel path: a part no call returns leaves the rest of its screen and says what is missing") {
    PlannedModel model(habitTracker(), true);
    REQUIRE(model.partAnswers.count("today"));
    FakeLlmServer server;
    Sandbox box;
    GenerationResult r = generateWithOddCall(box, server, model, callFor("today", 1), streamed("I cannot write half a screen."), -1);
    REQUIRE(r.written);
    CHECK(!r.ok);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "/screens/today");
    CHECK(r.problems[0].message.find("part 2/") != std::string::npos);
    std::string today = r.doc["screens"]["today"].dump();
    CHECK(today.find("This part of the screen was not written") != std::string::npos);
    Json first = Json::parse(model.partAnswers["today"][0])["screen"];
    CHECK(r.doc["screens"]["today"]["title"] == first["title"]);
    CHECK(r.doc["screens"]["today"]["body"][0] == first["body"][0]);
    LoadResult load = SpecLoader::loadFile(box.file("app.json"));
    REQUIRE(load.spec);
    CHECK(!load.hasErrors());
}

TEST_CASE("parallel path: a screen call that fails is asked again, alone") {
    PlannedModel model(habitTracker());
    FakeLlmServer server;
    Sandbox box;
    GenerationResult r = generateWithOddCall(box, server, model, callFor("progress"), FakeReply::json(400, R"({"error":{"message":"bad request"}})"));
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(requestsFor(server, "progress") == 2);
    CHECK(requestsFor(server, "plan") == 1);
    CHECK(requestsFor(server, "today") == 1);
    CHECK(r.doc["screens"]["progress"] == habitTracker()["screens"]["progress"]);
}

TEST_CASE("parallel path: a screen with problems goes back to its own call with them") {
    PlannedModel model(habitTracker());
    FakeLlmServer server;
    Sandbox box;
    GenerationResult r = generateWithOddCall(box, server, model, callFor("reminders"),
        streamed(R"({"screen": {"title": "Reminders", "body": [{"button": "Open", "go": "nowhereAtAll"}]}})"));
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.repairRounds == 1);
    auto requests = server.requests();
    REQUIRE(requests.size() == 2 + model.screenAnswers.size());
    auto repair = requests.back().json()["messages"];
    CHECK(repair.back()["content"].get<std::string>().find("/screens/reminders") != std::string::npos);
    CHECK(repair[repair.size() - 2]["content"].get<std::string>().find("nowhereAtAll") != std::string::npos);
    CHECK(r.doc["screens"]["reminders"] == habitTracker()["screens"]["reminders"]);
}

TEST_CASE("parallel path: a 429 on the third concurrent call falls back to one call at a time") {
    PlannedModel model(habitTracker());
    FakeLlmServer server;
    server.respondWith([&](const RecordedRequest& r, size_t index) {
        if (index == 3) return FakeReply::json(429, R"({"error":{"message":"Too many concurrent requests"}})");
        return streamed(model.answerFor(r));
    });
    Sandbox box;
    ProviderSettings s;
    s.provider = "openai";
    s.baseUrl = server.url() + "/v1";
    s.apiKey = "sk-test-SECRET-0123456789";
    s.model = "fake-model";
    s.maxRetries = 0;   // the provider's own retries would hide the 429
    std::string error;
    auto provider = makeProvider(s, &error);
    std::vector<std::string> notes;
    GenerationResult r = generateSpec(box.options(), *provider, [&](const GenerationProgress& p) { if (!p.note.empty()) notes.push_back(p.note); },
                                      nullptr, nullptr);
    INFO(r.error);
    REQUIRE(r.ok);
    for (auto& [id, screen] : habitTracker()["screens"].items()) CHECK(r.doc["screens"][id] == screen);
    REQUIRE(!notes.empty());
    CHECK(notes.back().find("one at a time") != std::string::npos);
    CHECK(server.requests().size() == 2 + model.screenAnswers.size());   // the refused call, asked once more
}

TEST_CASE("parallel path: Ctrl-C while screens are written keeps every call's raw answer") {
    PlannedModel model(habitTracker());
    FakeLlmServer server;
    server.respondWith([&](const RecordedRequest& r, size_t) {
        if (PlannedModel::callOf(r) == "plan") return streamed(model.answerFor(r));
        return FakeReply::sse(openAiStream(modelTokens(model.answerFor(r)))).splitEvery(64).delayBetweenChunks(0.05);
    });
    Sandbox box;
    auto provider = openAiAt(server);
    std::atomic<bool> cancel{false};
    GenerationResult r = generateSpec(box.options(), *provider, [&](const GenerationProgress& p) {
        for (auto& c : p.calls)
            if (c.name != "plan" && c.tokens > 0) cancel = true;
    }, nullptr, &cancel);
    CHECK(!r.written);
    CHECK(r.error == "cancelled");
    std::string raw = readFile(r.rawPath);
    CHECK(raw.find(model.planAnswer) != std::string::npos);   // the plan, whole
    int cancelledScreens = 0;
    for (auto& [id, answer] : model.screenAnswers) {
        std::string marker = "screen '" + id + "', first answer, finish: cancelled -----\n";
        size_t at = raw.find(marker);
        if (at == std::string::npos) continue;
        ++cancelledScreens;
        size_t from = at + marker.size(), to = raw.find("\n----- ", from);
        std::string received = raw.substr(from, (to == std::string::npos ? raw.size() - 1 : to) - from);
        CHECK(answer.rfind(received, 0) == 0);   // what arrived of it follows its marker
    }
    CHECK(cancelledScreens >= 1);
    CHECK(!fs::exists(box.file("app.json")));
}

TEST_CASE("parallel path: a screen the plan names but no call returns leaves an app that opens and says so") {
    PlannedModel model(habitTracker());
    FakeLlmServer server;
    Sandbox box;
    GenerationResult r = generateWithOddCall(box, server, model, callFor("progress"), streamed("Sorry, I can only write one screen at a time."), -1);
    REQUIRE(r.written);
    CHECK(!r.ok);
    CHECK(requestsFor(server, "progress") == 2);   // asked again once, alone
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].pointer == "/screens/progress");
    CHECK(r.problems[0].message.find("not written") != std::string::npos);
    LoadResult load = SpecLoader::loadFile(box.file("app.json"));
    REQUIRE(load.spec);
    CHECK(!load.hasErrors());
    const Screen* progress = load.spec->screen("progress");
    REQUIRE(progress);   // the nav item still leads somewhere
    CHECK(r.doc["screens"]["progress"].dump().find("This screen was not written") != std::string::npos);
    CHECK(r.doc["screens"]["today"] == habitTracker()["screens"]["today"]);
}

TEST_CASE("the sequential path and deterministic providers keep the one-call path") {
    PlannedModel model(habitTracker());
    FakeLlmServer server;
    server.push(streamed(sampleText("habit_tracker.json")));
    Sandbox box;
    auto provider = openAiAt(server);
    GenerationOptions o = box.options();
    o.parallel = false;
    GenerationResult r = generateSpec(o, *provider, nullptr, nullptr, nullptr);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(server.requests().size() == 1);
    CHECK(PlannedModel::callOf(server.requests()[0]) == "plan");   // no screen was asked for on its own
    CHECK(server.requests()[0].json()["messages"].back()["content"].get<std::string>().find("Write the complete spec") != std::string::npos);
}
