// Generator end to end over HTTP: real providers (libcurl) against fake OpenAI and Anthropic servers on
// 127.0.0.1 — streaming with progressive screens, repair rounds, a server without structured output,
// truncated answers, and network failures that must end in a clear message with nothing lost.
#include "fake_llm_server.h"
#include "test_files.h"
#include "generator/generator.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <filesystem>

using namespace pt;
using namespace pt::test;
namespace fs = std::filesystem;

namespace {

// The answer as a model streams it: pieces of about `size` bytes, never splitting a UTF-8 character
// (each delta is a JSON string on the wire).
std::vector<std::string> tokens(const std::string& text, size_t size = 4) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size()) {
        size_t end = std::min(text.size(), i + size);
        while (end < text.size() && ((unsigned char)text[end] & 0xC0) == 0x80) ++end;
        out.push_back(text.substr(i, end - i));
        i = end;
    }
    return out;
}

struct Sandbox : ScratchDir {
    Sandbox() : ScratchDir("genhttp") {}
    fs::path dir = path;
    GenerationOptions options(const std::string& idea = "a habit tracker with daily streaks") const {
        GenerationOptions o;
        o.idea = idea;
        o.outPath = file("app.json");
        o.cacheDir = file("cache");
        return o;
    }
};

} // namespace

TEST_CASE("an OpenAI-compatible stream shows screens progressively and ends in a clean spec") {
    FakeLlmServer server;
    std::string answer = sampleText("habit_tracker.json");
    server.push(FakeReply::sse(openAiStream(tokens(answer, 16))).splitEvery(1733).delayBetweenChunks(0.002));
    Sandbox box;
    auto provider = openAiAt(server);
    std::vector<int> screensPublished;
    std::vector<GenerationProgress> progress;
    GenerationResult r = generateSpec(box.options(), *provider, [&](const GenerationProgress& p) { progress.push_back(p); },
                                      [&](const Json& doc, const std::vector<std::string>&) { screensPublished.push_back((int)doc["screens"].size()); }, nullptr);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.generator == "openai fake-model");
    REQUIRE(!screensPublished.empty());
    CHECK(screensPublished.front() < 5);                 // a screen was shown before the whole answer arrived
    CHECK(std::is_sorted(screensPublished.begin(), screensPublished.end()));
    CHECK(r.firstScreenSec >= 0);
    REQUIRE(!progress.empty());
    CHECK(progress.back().phase == "done");
    bool sawScreenName = false;
    for (auto& p : progress) sawScreenName |= p.currentScreen == "progress";
    CHECK(sawScreenName);
    // The request carried the catalog prompt and the schema as structured output.
    auto req = server.requests().at(0).json();
    CHECK(req["messages"][0]["role"] == "system");
    CHECK(req["response_format"]["type"] == "json_schema");
    CHECK(req["stream"] == true);
    CHECK(readFile(r.rawPath).find("\"Streaks\"") != std::string::npos);
    CHECK(readFile(r.rawPath).find("sk-test-SECRET") == std::string::npos);
}

TEST_CASE("a server without structured output gets plain text, and located errors are repaired over HTTP") {
    FakeLlmServer server;
    Json broken = Json::parse(sampleText("task_board.json"));
    broken["meta"]["now"] = "next tuesday";  // not a near-miss name: only the model can fix it
    server.push(FakeReply::json(400, R"({"error":{"message":"response_format json_schema is not supported by this server","type":"invalid_request_error"}})"));
    server.push(FakeReply::sse(openAiStream(tokens("```json\n" + broken.dump() + "\n```", 64))));
    server.push(FakeReply::sse(openAiStream(tokens(sampleText("task_board.json"), 64))));
    Sandbox box;
    auto provider = openAiAt(server);
    GenerationResult r = generateSpec(box.options("a kanban board"), *provider, nullptr, nullptr, nullptr);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.repairRounds == 1);
    auto requests = server.requests();
    REQUIRE(requests.size() == 3);
    CHECK(requests[0].json().contains("response_format"));
    CHECK(!requests[1].json().contains("response_format"));
    CHECK(!requests[2].json().contains("response_format"));  // remembered for the repair round
    auto messages = requests[2].json()["messages"];
    CHECK(messages.back()["content"].get<std::string>().find("/meta/now") != std::string::npos);
}

TEST_CASE("an answer cut off by the token limit is closed, repaired and asked again smaller") {
    FakeLlmServer server;
    std::string full = sampleText("settings.json");
    server.push(FakeReply::sse(openAiStream(tokens(full.substr(0, full.size() * 2 / 3), 32), "length")));
    server.push(FakeReply::sse(openAiStream(tokens(full, 32))));
    Sandbox box;
    auto provider = openAiAt(server);
    GenerationResult r = generateSpec(box.options("settings"), *provider, nullptr, nullptr, nullptr);
    INFO(r.error);
    auto requests = server.requests();
    REQUIRE(requests.size() == 2);
    std::string ask = requests[1].json()["messages"].back()["content"];
    CHECK(ask.find("cut off") != std::string::npos);
    REQUIRE(r.ok);
    CHECK(r.doc == Json::parse(full));
    CHECK(readFile(r.rawPath).find("finish: length") != std::string::npos);
}

TEST_CASE("Anthropic streams go through the same pipeline") {
    FakeLlmServer server;
    server.push(FakeReply::sse(anthropicStream(tokens(sampleText("ai_chat.json"), 40))).splitEvery(97));
    Sandbox box;
    ProviderSettings s;
    s.provider = "anthropic";
    s.baseUrl = server.url();
    s.apiKey = "sk-ant-test-SECRET";
    std::string error;
    auto provider = makeProvider(s, &error);
    REQUIRE(provider);
    GenerationResult r = generateSpec(box.options("an AI assistant chat"), *provider, nullptr, nullptr, nullptr);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(server.requests().at(0).header("x-api-key") == "sk-ant-test-SECRET");
}

TEST_CASE("network failures end in a clear message, never a crash or a half-written file") {
    Sandbox box;
    SECTION("connection refused") {
        ProviderSettings s;
        s.provider = "openai";
        s.baseUrl = "http://127.0.0.1:9/v1";  // discard port: nothing listens
        s.maxRetries = 0;
        std::string error;
        auto provider = makeProvider(s, &error);
        REQUIRE(provider);
        GenerationResult r = generateSpec(box.options(), *provider, nullptr, nullptr, nullptr);
        CHECK(!r.written);
        CHECK(r.error.find("127.0.0.1:9") != std::string::npos);
        CHECK(!fs::exists(box.dir / "app.json"));
    }
    SECTION("an error inside the stream after part of the answer: the part is kept") {
        FakeLlmServer server;
        std::string partial = openAiStream(tokens(sampleText("habit_tracker.json").substr(0, 900), 30), "stop", false);
        partial = partial.substr(0, partial.rfind("data: "));  // drop finish + usage chunks
        partial += "data: {\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}\n\n";
        server.push(FakeReply::sse(partial));
        auto provider = openAiAt(server);
        GenerationOptions o = box.options();
        o.maxRepairRounds = 0;
        GenerationResult r = generateSpec(o, *provider, nullptr, nullptr, nullptr);
        CHECK(!r.ok);
        CHECK(r.error.find("server had an error") != std::string::npos);
        CHECK(readFile(r.rawPath).find("\"Streaks\"") != std::string::npos);
    }
    SECTION("500 every time") {
        FakeLlmServer server;
        server.push(FakeReply::json(500, R"({"error":{"message":"boom"}})"));
        auto provider = openAiAt(server);
        GenerationResult r = generateSpec(box.options(), *provider, nullptr, nullptr, nullptr);
        CHECK(!r.written);
        CHECK(r.error.find("500") != std::string::npos);
        CHECK(r.error.find("SECRET") == std::string::npos);
    }
}

TEST_CASE("cancelling a generation stops the stream promptly and keeps what arrived") {
    FakeLlmServer server;
    server.push(FakeReply::sse(openAiStream(tokens(sampleText("shop_checkout.json"), 64))).splitEvery(400).delayBetweenChunks(0.02));
    Sandbox box;
    auto provider = openAiAt(server);
    std::atomic<bool> cancel{false};
    GenerationResult r = generateSpec(box.options(), *provider,
                                      [&](const GenerationProgress& p) { if (p.bytes >= 128) cancel = true; }, nullptr, &cancel);
    CHECK(!r.written);
    CHECK(r.error == "cancelled");
    std::string raw = readFile(r.rawPath);
    CHECK(raw.find("finish: cancelled") != std::string::npos);
    CHECK(raw.find(sampleText("shop_checkout.json").substr(0, 128)) != std::string::npos);
    CHECK(raw.size() < sampleText("shop_checkout.json").size());
}
