// Providers and the HTTP client against in-process fake servers on 127.0.0.1 replaying wire-accurate
// streams: SSE decoding at every byte split, OpenAI and Anthropic dialects, retries, timeouts, cancel,
// the command provider, the config file and key masking.
//
// [SECTION] Helpers
// [SECTION] SSE decoder
// [SECTION] OpenAI
// [SECTION] Anthropic
// [SECTION] Network failures and retries
// [SECTION] Secrets
// [SECTION] Command provider
// [SECTION] Config and factory

#include "fake_llm_server.h"
#include "generator/llm/http_client.h"
#include "generator/provider.h"
#include <catch2/catch.hpp>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

using namespace pt;
using namespace pt::test;

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

namespace {

// Settings for `provider` talking to `server`, with fast retries.
ProviderSettings fakeSettings(const std::string& provider, const FakeLlmServer& server, const std::string& key = "test-key-for-fake-server") {
    ProviderSettings s;
    s.provider = provider;
    s.baseUrl = provider == "openai" ? server.url() + "/v1" : server.url();
    s.apiKey = key;
    s.retryBaseSec = 0.01;
    s.connectTimeoutSec = 5;
    s.idleTimeoutSec = 10;
    return s;
}

LlmRequest smallRequest() {
    LlmRequest r;
    r.system = "You write UI specs as JSON.";
    r.messages = {{"user", "a habit tracker with daily streaks"}};
    r.maxTokens = 500;
    return r;
}

struct Run {
    LlmResult result;
    std::string streamed;   // what reached the sink
};

Run runProvider(const ProviderSettings& settings, const LlmRequest& request = smallRequest(), const std::atomic<bool>* cancel = nullptr) {
    std::string error;
    auto provider = makeProvider(settings, &error);
    INFO(error);
    REQUIRE(provider);
    Run run;
    run.result = provider->complete(request, [&](std::string_view d) { run.streamed += d; }, cancel);
    return run;
}

// Sets (or unsets, with nullptr) an environment variable for the current scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        const char* old = std::getenv(name);
        m_had = old != nullptr;
        if (m_had) m_old = old;
        if (value) setenv(name, value, 1);
        else unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_had) setenv(m_name.c_str(), m_old.c_str(), 1);
        else unsetenv(m_name.c_str());
    }

private:
    std::string m_name, m_old;
    bool m_had = false;
};

// A port on 127.0.0.1 where nothing listens.
int closedPort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, (sockaddr*)&addr, sizeof addr);
    socklen_t len = sizeof addr;
    getsockname(fd, (sockaddr*)&addr, &len);
    close(fd);
    return ntohs(addr.sin_port);
}

// A fresh directory under /tmp, removed with everything in it at the end of the scope.
struct TempDir {
    TempDir() {
        char pattern[] = "/tmp/pt-providers-XXXXXX";
        if (mkdtemp(pattern)) path = pattern;
        REQUIRE(!path.empty());
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string path;
};

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::vector<SseEvent> decodeWithCuts(std::string_view wire, const std::vector<size_t>& cuts) {
    std::vector<SseEvent> events;
    SseDecoder decoder;
    auto collect = [&](const SseEvent& e) { events.push_back(e); return true; };
    size_t from = 0;
    for (size_t at : cuts) {
        decoder.feed(wire.substr(from, at - from), collect);
        from = at;
    }
    decoder.feed(wire.substr(from), collect);
    decoder.finish(collect);
    return events;
}

bool sameEvents(const std::vector<SseEvent>& a, const std::vector<SseEvent>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].event != b[i].event || a[i].data != b[i].data) return false;
    return true;
}

std::string withCrlf(std::string s) {
    std::string out;
    for (char c : s) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
}

const std::string kUtf8Text = "Caf\xC3\xA9 \xE2\x9C\x93 \xE6\x97\xA5\xE6\x9C\xAC";   // "Café ✓ 日本"

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] SSE decoder
//-----------------------------------------------------------------------------

TEST_CASE("SSE decoder gives the same events for every split of the stream", "[sse]") {
    const std::string wire = ": keep-alive\r\n\r\nevent: message\r\ndata: {\"t\":\"" + kUtf8Text +
                             "\"}\r\n\r\ndata: line1\ndata: line2\n\nevent: lonely\n\nerror: {\"message\":\"old llama.cpp\"}\n\ndata: [DONE]\n\n";
    std::vector<SseEvent> whole = decodeWithCuts(wire, {});
    REQUIRE(whole.size() == 4);
    CHECK(whole[0].event == "message");
    CHECK(whole[0].data == "{\"t\":\"" + kUtf8Text + "\"}");
    CHECK(whole[1].event.empty());
    CHECK(whole[1].data == "line1\nline2");
    CHECK(whole[2].event == "error");
    CHECK(whole[3].data == "[DONE]");

    for (size_t a = 1; a < wire.size(); ++a) {
        INFO("cut at " << a);
        REQUIRE(sameEvents(decodeWithCuts(wire, {a}), whole));
        for (size_t b = a + 1; b < wire.size(); b += 7) REQUIRE(sameEvents(decodeWithCuts(wire, {a, b}), whole));
    }
    std::vector<size_t> everyByte;
    for (size_t i = 1; i < wire.size(); ++i) everyByte.push_back(i);
    CHECK(sameEvents(decodeWithCuts(wire, everyByte), whole));
}

TEST_CASE("SSE decoder handles CR-only lines, a last event without a blank line, and stopping", "[sse]") {
    auto events = decodeWithCuts("data: a\r\rdata: b\r\rdata: tail", {});
    REQUIRE(events.size() == 3);
    CHECK(events[0].data == "a");
    CHECK(events[1].data == "b");
    CHECK(events[2].data == "tail");

    SseDecoder decoder;
    int seen = 0;
    bool kept = decoder.feed("data: 1\n\ndata: 2\n\ndata: 3\n\n", [&](const SseEvent&) { return ++seen < 2; });
    CHECK_FALSE(kept);
    CHECK(seen == 2);
}

//-----------------------------------------------------------------------------
// [SECTION] OpenAI
//-----------------------------------------------------------------------------

TEST_CASE("openai: a streamed answer, whole, in 1-byte chunks and with awkward cuts", "[openai]") {
    FakeLlmServer server;
    const std::string wire = openAiStream({"{\"app\": ", "\"" + kUtf8Text + "\"", "}"});
    const std::string expected = "{\"app\": \"" + kUtf8Text + "\"}";

    SECTION("many events in one chunk") { server.push(FakeReply::sse(wire)); }
    SECTION("1-byte chunks") { server.push(FakeReply::sse(wire).splitEvery(1)); }
    SECTION("cut inside \"data:\"") { server.push(FakeReply::sse(wire).cutAt({wire.find("data:", 10) + 2})); }
    SECTION("cut inside \\r\\n") {
        std::string crlf = withCrlf(wire);
        server.push(FakeReply::sse(crlf).cutAt({crlf.find("\r\n") + 1, crlf.find("\r\n", 300) + 1}));
    }
    SECTION("cut inside a multi-byte character") { server.push(FakeReply::sse(wire).cutAt({wire.find("\xE2\x9C\x93") + 1, wire.find("\xE6\x97\xA5") + 2})); }

    Run run = runProvider(fakeSettings("openai", server));
    INFO(run.result.error);
    CHECK(run.result.ok);
    CHECK(run.result.finishReason == "stop");
    CHECK(run.result.text == expected);
    CHECK(run.streamed == expected);
    CHECK(run.result.inputTokens == 120);
    CHECK(run.result.outputTokens == 3);
}

TEST_CASE("openai: every two-piece split of a short stream gives the same answer", "[openai]") {
    FakeLlmServer server;
    const std::string wire = withCrlf("data: {\"choices\":[{\"delta\":{\"content\":\"h\xC3\xA9\"}}]}\n\n: ping\n\n"
                                      "data: {\"choices\":[{\"delta\":{\"content\":\"llo\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
    server.respondWith([&](const RecordedRequest&, size_t index) { return FakeReply::sse(wire).cutAt({index + 1}); });
    ProviderSettings settings = fakeSettings("openai", server);
    auto provider = makeProvider(settings, nullptr);
    REQUIRE(provider);
    for (size_t cut = 1; cut < wire.size(); ++cut) {
        LlmResult r = provider->complete(smallRequest(), nullptr, nullptr);
        INFO("cut at " << cut << ": " << r.error);
        REQUIRE(r.ok);
        REQUIRE(r.text == "h\xC3\xA9llo");
    }
    CHECK(server.requests().size() == wire.size() - 1);
}

TEST_CASE("openai: a non-streamed JSON body is accepted", "[openai]") {
    FakeLlmServer server;
    server.push(FakeReply::json(200, openAiJson("{\"screens\": {}}")));
    Run run = runProvider(fakeSettings("openai", server));
    CHECK(run.result.ok);
    CHECK(run.result.text == "{\"screens\": {}}");
    CHECK(run.streamed == run.result.text);
    CHECK(run.result.outputTokens == 30);
}

TEST_CASE("openai: the request carries the schema, the messages and the key", "[openai]") {
    FakeLlmServer server;
    server.push(FakeReply::sse(openAiStream({"{}"})));
    LlmRequest request = smallRequest();
    request.schema = {{"type", "object"}, {"properties", {{"screens", {{"type", "object"}}}}}};
    Run run = runProvider(fakeSettings("openai", server, "sk-request-check-0000111122223333"), request);
    REQUIRE(run.result.ok);

    auto requests = server.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].path == "/v1/chat/completions");
    CHECK(requests[0].header("Authorization") == "Bearer sk-request-check-0000111122223333");
    Json body = requests[0].json();
    CHECK(body["model"] == "gpt-4o-mini");
    CHECK(body["stream"] == true);
    CHECK(body["stream_options"]["include_usage"] == true);
    CHECK(body["max_tokens"] == 500);
    CHECK(body["messages"][0]["role"] == "system");
    CHECK(body["messages"][0]["content"] == request.system);
    CHECK(body["messages"][1]["role"] == "user");
    CHECK(body["response_format"]["type"] == "json_schema");
    CHECK(body["response_format"]["json_schema"]["name"] == "promptotype_spec");
    CHECK(body["response_format"]["json_schema"]["strict"] == false);
    CHECK(body["response_format"]["json_schema"]["schema"] == request.schema);
}

TEST_CASE("openai: no key means no Authorization header (local servers): no schema means no response_format", "[openai]") {
    FakeLlmServer server;
    server.push(FakeReply::sse(openAiStream({"ok"})));
    Run run = runProvider(fakeSettings("openai", server, ""));
    REQUIRE(run.result.ok);
    CHECK_FALSE(server.requests().at(0).hasHeader("Authorization"));
    CHECK_FALSE(server.requests().at(0).json().contains("response_format"));
}

// Serves `refusal` once, then a good stream; runs the same structured request twice and returns what the server saw.
static std::vector<RecordedRequest> askTwiceAfterRefusal(const std::string& refusal, const LlmRequest& request) {
    FakeLlmServer server;
    server.push(FakeReply::json(400, refusal));
    server.push(FakeReply::sse(openAiStream({"{\"a\":1}"})));
    std::string error;
    auto provider = makeProvider(fakeSettings("openai", server), &error);
    REQUIRE(provider);
    LlmResult first = provider->complete(request, nullptr, nullptr);
    INFO(first.error);
    CHECK(first.ok);
    CHECK(first.text == "{\"a\":1}");
    CHECK(provider->complete(request, nullptr, nullptr).ok);
    return server.requests();
}

TEST_CASE("openai: a server that rejects response_format is asked again, once, without it", "[openai]") {
    LlmRequest request = smallRequest();
    request.schema = {{"type", "object"}};
    auto requests = askTwiceAfterRefusal(
        R"({"error":{"message":"'response_format' of type 'json_schema' is not supported with this model","type":"invalid_request_error","param":"response_format"}})",
        request);
    REQUIRE(requests.size() == 3);
    CHECK(requests[0].json().contains("response_format"));
    CHECK_FALSE(requests[1].json().contains("response_format"));
    CHECK_FALSE(requests[2].json().contains("response_format"));   // remembered by the provider
}

TEST_CASE("openai: a reasoning model that refuses max_tokens is asked again with max_completion_tokens", "[openai]") {
    LlmRequest request = smallRequest();
    request.schema = {{"type", "object"}};
    auto requests = askTwiceAfterRefusal(
        R"({"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}})",
        request);
    REQUIRE(requests.size() == 3);
    CHECK(requests[0].json().contains("max_tokens"));
    CHECK(requests[1].json()["max_completion_tokens"] == request.maxTokens);
    CHECK_FALSE(requests[1].json().contains("max_tokens"));
    CHECK(requests[1].json().contains("response_format"));          // structured output is not what it refused
    CHECK(requests[2].json().contains("max_completion_tokens"));    // remembered by the provider
}

TEST_CASE("openai: a 400 about something else is reported, not retried", "[openai]") {
    FakeLlmServer server;
    server.push(FakeReply::json(400, R"({"error":{"message":"max_tokens is too large: 900000","type":"invalid_request_error"}})"));
    LlmRequest request = smallRequest();
    request.schema = {{"type", "object"}};
    Run run = runProvider(fakeSettings("openai", server), request);
    CHECK_FALSE(run.result.ok);
    CHECK(run.result.error.find("openai: HTTP 400 bad request") == 0);
    CHECK(run.result.error.find("max_tokens is too large") != std::string::npos);
    CHECK(server.requests().size() == 1);
}

TEST_CASE("openai: stream endings", "[openai]") {
    FakeLlmServer server;
    ProviderSettings settings = fakeSettings("openai", server);

    SECTION("an error object inside a 200 stream") {
        server.push(FakeReply::sse(openAiChunk({{"content", "{\"scr"}}) +
                                   "data: {\"error\":{\"message\":\"The server had an error while processing your request\",\"type\":\"server_error\"}}\n\n"));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.finishReason == "error");
        CHECK(run.result.error.find("The server had an error while processing your request") != std::string::npos);
        CHECK(run.result.text == "{\"scr");
        CHECK(server.requests().size() == 1);
    }
    SECTION("finish_reason length") {
        server.push(FakeReply::sse(openAiStream({"{\"screens\": {\"ho"}, "length")));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.truncated);
        CHECK(run.result.finishReason == "length");
        CHECK(run.result.text == "{\"screens\": {\"ho");
        CHECK(run.result.error.find("token limit") != std::string::npos);
    }
    SECTION("a refusal") {
        server.push(FakeReply::sse(openAiChunk({{"refusal", "I'm sorry, "}}) + openAiChunk({{"refusal", "I can't help with that."}}) +
                                   openAiChunk(Json::object(), "stop") + "data: [DONE]\n\n"));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.finishReason == "refusal");
        CHECK(run.result.error == "openai: the model refused to answer: I'm sorry, I can't help with that.");
    }
    SECTION("the connection closes with neither [DONE] nor a finish reason") {
        std::string wire = openAiChunk({{"content", "{\"app\""}}) + openAiChunk({{"content", ": {"}});
        server.push(FakeReply::sse(wire));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.text == "{\"app\": {");
        CHECK(run.result.error.find("the stream ended before the answer was complete") != std::string::npos);
    }
    SECTION("a finish reason without [DONE] is a whole answer") {
        server.push(FakeReply::sse(openAiStream({"{}"}, "stop", false)));
        Run run = runProvider(settings);
        CHECK(run.result.ok);
        CHECK(run.result.text == "{}");
    }
    SECTION("the connection drops mid-body") {
        std::string wire = openAiStream({"{\"app\": ", "{}}"});
        server.push(FakeReply::sse(wire).cutAt({wire.find("{}}")}).dropAfter(wire.find("{}}") + 2));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.text == "{\"app\": ");
        CHECK(run.result.error.find("broke after 8 bytes of the answer") != std::string::npos);
        CHECK(server.requests().size() == 1);   // never retried once the answer began
    }
    SECTION("invalid JSON in a data line") {
        server.push(FakeReply::sse(openAiChunk({{"content", "ok"}}) + "data: {\"choices\": [{\"delta\": {\"content\": \"x\"\n\n" +
                                   openAiChunk({{"content", "more"}}) + "data: [DONE]\n\n"));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.text == "ok");
        CHECK(run.result.error.find("not valid JSON") != std::string::npos);
    }
    SECTION("a 200 JSON body that is an error") {
        server.push(FakeReply::json(200, R"({"error":{"message":"model 'llama9' not found","type":"not_found_error"}})"));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.error.find("model 'llama9' not found") != std::string::npos);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Anthropic
//-----------------------------------------------------------------------------

TEST_CASE("anthropic: a text stream with ping, usage and the right headers", "[anthropic]") {
    FakeLlmServer server;
    server.push(FakeReply::sse(anthropicStream({"{\"app\": ", "\"" + kUtf8Text + "\"}"})).splitEvery(13));
    Run run = runProvider(fakeSettings("anthropic", server, "sk-ant-header-check-00001111"));
    INFO(run.result.error);
    CHECK(run.result.ok);
    CHECK(run.result.finishReason == "stop");
    CHECK(run.result.text == "{\"app\": \"" + kUtf8Text + "\"}");
    CHECK(run.streamed == run.result.text);
    CHECK(run.result.inputTokens == 321);
    CHECK(run.result.outputTokens == 42);

    auto requests = server.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].path == "/v1/messages");
    CHECK(requests[0].header("x-api-key") == "sk-ant-header-check-00001111");
    CHECK(requests[0].header("anthropic-version") == "2023-06-01");
    CHECK(requests[0].header("Content-Type") == "application/json");
    Json body = requests[0].json();
    CHECK(body["model"] == "claude-sonnet-4-5");
    CHECK(body["system"][0]["text"] == smallRequest().system);
    CHECK(body["system"][0]["cache_control"]["type"] == "ephemeral");   // the same in every call: cacheable
    CHECK(body["messages"][0]["role"] == "user");
    CHECK(body["max_tokens"] == 500);
    CHECK(body["stream"] == true);
}

TEST_CASE("anthropic: tool input (input_json_delta) streams as text", "[anthropic]") {
    FakeLlmServer server;
    server.push(FakeReply::sse(anthropicStream({"", "{\"scr", "eens\": {}}"}, "tool_use", true)).splitEvery(5));
    Run run = runProvider(fakeSettings("anthropic", server));
    CHECK(run.result.ok);
    CHECK(run.result.text == "{\"screens\": {}}");
}

TEST_CASE("anthropic: errors and truncation", "[anthropic]") {
    FakeLlmServer server;
    ProviderSettings settings = fakeSettings("anthropic", server);

    SECTION("event: error in the stream") {
        std::string wire = anthropicStream({"{\"app\""});
        wire = wire.substr(0, wire.find("event: content_block_stop")) +
               anthropicEvent("error", {{"type", "error"}, {"error", {{"type", "overloaded_error"}, {"message", "Overloaded"}}}});
        server.push(FakeReply::sse(wire));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.text == "{\"app\"");
        CHECK(run.result.error == "anthropic: the server reported an error in the stream: Overloaded (overloaded_error)");
    }
    SECTION("stop_reason max_tokens") {
        server.push(FakeReply::sse(anthropicStream({"{\"screens\": {"}, "max_tokens")));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.truncated);
        CHECK(run.result.finishReason == "length");
    }
    SECTION("529 overloaded, then success") {
        server.push(FakeReply::json(529, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"));
        server.push(FakeReply::sse(anthropicStream({"{}"})));
        Run run = runProvider(settings);
        CHECK(run.result.ok);
        CHECK(server.requests().size() == 2);
    }
    SECTION("a base URL that already ends in /v1") {
        settings.baseUrl = server.url() + "/v1/";
        server.push(FakeReply::sse(anthropicStream({"{}"})));
        CHECK(runProvider(settings).result.ok);
        CHECK(server.requests().at(0).path == "/v1/messages");
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Network failures and retries
//-----------------------------------------------------------------------------

TEST_CASE("retries honour Retry-After and give up with a clear message", "[network]") {
    FakeLlmServer server;
    ProviderSettings settings = fakeSettings("openai", server);
    const std::string ok = openAiStream({"{}"});

    SECTION("429 with Retry-After: 1, then success") {
        server.push(FakeReply::json(429, R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})").header("Retry-After", "1"));
        server.push(FakeReply::sse(ok));
        Run run = runProvider(settings);
        CHECK(run.result.ok);
        CHECK(server.requests().size() == 2);
    }
    SECTION("503 with retry-after-ms, then success") {
        server.push(FakeReply::json(503, R"({"error":{"message":"busy"}})").header("retry-after-ms", "20"));
        server.push(FakeReply::sse(ok));
        CHECK(runProvider(settings).result.ok);
        CHECK(server.requests().size() == 2);
    }
    SECTION("429 insufficient_quota is not retried") {
        server.push(FakeReply::json(429, R"({"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","code":"insufficient_quota"}})"));
        server.push(FakeReply::sse(ok));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(server.requests().size() == 1);
        CHECK(run.result.error.find("openai: HTTP 429 rate limited from " + server.url() + "/v1/chat/completions — You exceeded your current quota") == 0);
    }
    SECTION("500 then success") {
        server.push(FakeReply::json(500, R"({"error":{"message":"internal"}})"));
        server.push(FakeReply::sse(ok));
        CHECK(runProvider(settings).result.ok);
        CHECK(server.requests().size() == 2);
    }
    SECTION("500 every time fails after maxRetries") {
        server.push(FakeReply::json(500, R"({"error":{"message":"The server had an error","type":"server_error"}})"));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(server.requests().size() == 3);
        CHECK(run.result.error == "openai: HTTP 500 server error from " + server.url() +
                                      "/v1/chat/completions (retried 2 times) — The server had an error (server_error)");
    }
    SECTION("x-should-retry: false wins over the status") {
        server.push(FakeReply::json(503, R"({"error":{"message":"no"}})").header("x-should-retry", "false"));
        CHECK_FALSE(runProvider(settings).result.ok);
        CHECK(server.requests().size() == 1);
    }
    SECTION("a Retry-After longer than maxRetryWaitSec ends the call with when to retry") {
        server.push(FakeReply::json(429, R"({"error":{"message":"slow down"}})").header("Retry-After", "120"));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(server.requests().size() == 1);
        CHECK(run.result.error.find("the server asks to wait 120 s: try again after ") != std::string::npos);
    }
}

TEST_CASE("Retry-After as an HTTP date, and the retry decision", "[network]") {
    HttpOutcome o;
    o.status = 429;
    char date[64];
    time_t later = std::time(nullptr) + 20;
    struct tm gmt {};
    gmtime_r(&later, &gmt);
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &gmt);
    o.headers["retry-after"] = date;
    double wait = serverRetryDelaySec(o);
    CHECK(wait > 15);
    CHECK(wait <= 20);
    o.headers["retry-after"] = "Wed, 21 Oct 2015 07:28:00 GMT";
    CHECK(serverRetryDelaySec(o) < 0);   // in the past: use our own backoff
    CHECK(shouldRetry(o));
    o.answerStarted = true;
    CHECK_FALSE(shouldRetry(o));
    o.answerStarted = false;
    o.status = 404;
    CHECK_FALSE(shouldRetry(o));
}

TEST_CASE("timeouts and refused connections end with clear messages", "[network]") {
    FakeLlmServer server;
    ProviderSettings settings = fakeSettings("openai", server);
    settings.idleTimeoutSec = 1;

    SECTION("the server stalls in the middle of the stream") {
        std::string wire = openAiStream({"{\"app\": ", "{}}"});
        server.push(FakeReply::sse(wire).cutAt({wire.find("{}}")}).delayBetweenChunks(30));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.text == "{\"app\": ");
        CHECK(run.result.error == "openai: the connection stalled after 8 bytes of the answer (nothing received for 1 s)");
        CHECK(server.requests().size() == 1);
    }
    SECTION("the server never answers") {
        settings.maxRetries = 1;
        server.push(FakeReply::sse(openAiStream({"{}"})).delayBeforeHeaders(30));
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.error == "openai: no answer from " + server.url() +
                                      "/v1/chat/completions (idle timeout: nothing received in time) (retried 1 time)");
        CHECK(server.requests().size() == 2);
    }
    SECTION("nothing listens on the port") {
        settings.baseUrl = "http://127.0.0.1:" + std::to_string(closedPort()) + "/v1";
        Run run = runProvider(settings);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.error.find("connection refused — is the server running? (retried 2 times)") != std::string::npos);
    }
}

TEST_CASE("cancel ends a slow stream promptly", "[network]") {
    FakeLlmServer server;
    std::string wire = openAiStream({"{\"first\": 1", ", \"second\": 2}"});
    server.push(FakeReply::sse(wire).cutAt({wire.find(", \\\"second")}).delayBetweenChunks(30));
    std::atomic<bool> cancel{false};
    std::promise<void> firstDelta;
    std::thread canceller([&] {
        firstDelta.get_future().wait();
        cancel = true;
    });
    bool signalled = false;
    std::string error;
    auto provider = makeProvider(fakeSettings("openai", server), &error);
    REQUIRE(provider);
    LlmResult r = provider->complete(smallRequest(), [&](std::string_view) {
        if (!signalled) firstDelta.set_value();
        signalled = true;
    }, &cancel);
    canceller.join();
    CHECK(r.cancelled);
    CHECK_FALSE(r.ok);
    CHECK(r.finishReason == "cancelled");
    CHECK(r.text == "{\"first\": 1");   // the rest was still 30 s away
}

TEST_CASE("cancel interrupts the wait between retries", "[network]") {
    FakeLlmServer server;
    std::atomic<bool> cancel{false};
    server.respondWith([&](const RecordedRequest&, size_t) {
        cancel = true;   // raised while the client reads this reply, before it starts to wait 20 s
        return FakeReply::json(503, R"({"error":{"message":"busy"}})").header("Retry-After", "20");
    });
    auto provider = makeProvider(fakeSettings("openai", server), nullptr);
    REQUIRE(provider);
    LlmResult r = provider->complete(smallRequest(), nullptr, &cancel);
    CHECK(r.cancelled);
    CHECK(r.finishReason == "cancelled");
    CHECK(server.requests().size() == 1);
}

TEST_CASE("providers run on several threads at once", "[network]") {
    FakeLlmServer server;
    const std::string answer = "{\"screens\": {\"home\": {}}}";
    server.push(FakeReply::sse(openAiStream({"{\"screens\": ", "{\"home\": {}}}"})).splitEvery(3));
    auto provider = makeProvider(fakeSettings("openai", server), nullptr);
    REQUIRE(provider);
    std::vector<LlmResult> results(4);
    std::vector<std::thread> threads;
    for (LlmResult& r : results) threads.emplace_back([&] { r = provider->complete(smallRequest(), nullptr, nullptr); });
    for (std::thread& t : threads) t.join();
    for (const LlmResult& r : results) {
        CHECK(r.ok);
        CHECK(r.text == answer);
    }
    CHECK(server.requests().size() == 4);
}

//-----------------------------------------------------------------------------
// [SECTION] Secrets
//-----------------------------------------------------------------------------

TEST_CASE("API keys never appear in errors or texts", "[secrets]") {
    const std::string key = "sk-proj-LEAKCHECK-0123456789abcdefXYZ";
    FakeLlmServer server;
    std::vector<LlmResult> results;

    const FakeReply unauthorized = FakeReply::json(401, R"({"error":{"message":"Incorrect API key provided: )" + key +
        R"(. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","code":"invalid_api_key"}})");
    const FakeReply streamError = FakeReply::sse("data: {\"error\":{\"message\":\"bad key " + key + "\"}}\n\n");
    for (int i = 0; i < 2; ++i) {
        server.push(unauthorized);
        server.push(streamError);
    }
    for (const char* provider : {"openai", "anthropic"}) {
        results.push_back(runProvider(fakeSettings(provider, server, key)).result);
        results.push_back(runProvider(fakeSettings(provider, server, key)).result);
        ProviderSettings refused = fakeSettings(provider, server, key);
        refused.baseUrl = "http://127.0.0.1:" + std::to_string(closedPort()) + "/" + key;
        refused.maxRetries = 0;
        results.push_back(runProvider(refused).result);
    }
    auto requests = server.requests();
    REQUIRE(requests.size() == 4);
    CHECK(requests[0].header("Authorization") == "Bearer " + key);   // the key was really in play
    CHECK(requests[2].header("x-api-key") == key);
    for (const LlmResult& r : results) {
        INFO(r.error);
        CHECK_FALSE(r.ok);
        CHECK(r.error.find(key) == std::string::npos);
        CHECK(r.text.find(key) == std::string::npos);
    }
    CHECK(results[0].error.find(maskSecret(key)) != std::string::npos);
}

//-----------------------------------------------------------------------------
// [SECTION] Command provider
//-----------------------------------------------------------------------------

namespace {
ProviderSettings commandSettings(const std::string& command) {
    ProviderSettings s;
    s.provider = "command";
    s.command = command;
    s.idleTimeoutSec = 20;
    return s;
}
} // namespace

TEST_CASE("command: the prompt goes to stdin and the answer streams from stdout", "[command]") {
    SECTION("a script answering JSON") {
        Run run = runProvider(commandSettings("cat >/dev/null; printf '{\"screens\": '; printf '{}}'"));
        CHECK(run.result.ok);
        CHECK(run.result.finishReason == "stop");
        CHECK(run.result.text == "{\"screens\": {}}");
        CHECK(run.streamed == run.result.text);
    }
    SECTION("cat echoes the delimited prompt") {
        LlmRequest request = smallRequest();
        request.messages.push_back({"assistant", "{\"draft\": 1}"});
        request.messages.push_back({"user", "fix it"});
        Run run = runProvider(commandSettings("cat"), request);
        CHECK(run.result.ok);
        CHECK(run.result.text == "=== SYSTEM ===\nYou write UI specs as JSON.\n\n=== USER ===\na habit tracker with daily streaks\n\n"
                                 "=== ASSISTANT ===\n{\"draft\": 1}\n\n=== USER ===\nfix it\n\n");
    }
    SECTION("a 200 KB prompt through cat does not deadlock") {
        LlmRequest request = smallRequest();
        request.messages[0].content = std::string(200 * 1024, 'x');
        Run run = runProvider(commandSettings("cat"), request);
        CHECK(run.result.ok);
        CHECK(run.result.text.size() > 200 * 1024);
        CHECK(run.result.text.find(request.messages[0].content) != std::string::npos);
    }
}

TEST_CASE("command: failures say what happened", "[command]") {
    SECTION("non-zero exit with stderr") {
        Run run = runProvider(commandSettings("cat >/dev/null; echo 'error: model not found' >&2; exit 3"));
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.error == "command: `cat` exited with status 3: error: model not found");
    }
    SECTION("only the end of a long stderr is kept") {
        Run run = runProvider(commandSettings("cat >/dev/null; i=0; while [ $i -lt 400 ]; do echo \"progress line $i ..........\" >&2; i=$((i+1)); done; "
                                              "echo 'fatal: out of credits' >&2; exit 1"));
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.error.size() < 2200);
        CHECK(run.result.error.find("progress line 399") != std::string::npos);
        CHECK(run.result.error.find("progress line 0 ") == std::string::npos);
        CHECK(run.result.error.substr(run.result.error.size() - 21) == "fatal: out of credits");
    }
    SECTION("a program that does not exist") {
        Run run = runProvider(commandSettings("no-such-llm-cli-xyz --model x"));
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.error.find("command: `no-such-llm-cli-xyz` exited with status 127 (command not found?): ") == 0);
    }
    SECTION("a program that prints nothing (and stops reading its stdin)") {
        Run run = runProvider(commandSettings("exit 0"));
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.error == "command: `exit` printed nothing on stdout");
    }
    SECTION("idle timeout") {
        ProviderSettings s = commandSettings("cat >/dev/null; sleep 30");
        s.idleTimeoutSec = 0.3;
        Run run = runProvider(s);
        CHECK_FALSE(run.result.ok);
        CHECK(run.result.error == "command: `cat` printed nothing for 0.3 s (idle timeout); it was stopped");
    }
}

TEST_CASE("command: cancel kills the whole process group", "[command]") {
    std::atomic<bool> cancel{false};
    std::string error;
    auto provider = makeProvider(commandSettings("sleep 30 & echo $!; wait"), &error);
    REQUIRE(provider);
    std::string pidText;
    LlmResult r = provider->complete(smallRequest(), [&](std::string_view d) {
        pidText += d;
        if (pidText.find('\n') != std::string::npos) cancel = true;
    }, &cancel);
    CHECK(r.cancelled);
    CHECK(r.finishReason == "cancelled");
    int sleepPid = std::atoi(pidText.c_str());
    REQUIRE(sleepPid > 0);
    // The grandchild `sleep` is gone (or a zombie waiting for init) once SIGKILL is delivered.
    auto alive = [&] {
        std::ifstream stat("/proc/" + std::to_string(sleepPid) + "/stat");
        std::string pid, comm, state;
        return stat >> pid >> comm >> state && state != "Z";
    };
    for (int i = 0; i < 200 && alive(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK_FALSE(alive());
}

//-----------------------------------------------------------------------------
// [SECTION] Config and factory
//-----------------------------------------------------------------------------

namespace {
// A clean environment: no provider variables, the config file at `configPath`.
struct CleanEnv {
    explicit CleanEnv(const std::string& configPath)
        : config("PROMPTOTYPE_CONFIG", configPath.c_str()), openAiKey("OPENAI_API_KEY", nullptr), openAiUrl("OPENAI_BASE_URL", nullptr),
          anthropicKey("ANTHROPIC_API_KEY", nullptr), anthropicUrl("ANTHROPIC_BASE_URL", nullptr) {}
    ScopedEnv config, openAiKey, openAiUrl, anthropicKey, anthropicUrl;
};
} // namespace

TEST_CASE("config: load, precedence and the providers table", "[config]") {
    TempDir temp;
    const std::string dir = temp.path;
    const std::string path = dir + "/config.json";
    const std::string fileKey = "sk-file-0123456789abcdefWXYZ";
    writeFile(path, R"({"provider": "openai",
  "openai": {"base_url": "http://127.0.0.1:11434/v1", "model": "llama3.1", "api_key": ")" + fileKey + R"("},
  "anthropic": {"model": "claude-opus-4"}, "command": {"command": "llm -m gpt-4o"}})");
    CleanEnv env(path);
    CHECK(ProviderConfig::defaultPath() == path);
    ProviderConfig config = ProviderConfig::load();
    REQUIRE(config.error.empty());
    CHECK(config.path == path);

    SECTION("the config file's choice and values") {
        ProviderSettings s = resolveProvider(config);
        CHECK(s.provider == "openai");
        CHECK(s.source == "config file " + path);
        CHECK(s.baseUrl == "http://127.0.0.1:11434/v1");
        CHECK(s.model == "llama3.1");
        CHECK(s.apiKey == fileKey);
        CHECK(s.command == "llm -m gpt-4o");
    }
    SECTION("environment beats the file, options beat both") {
        ScopedEnv key("OPENAI_API_KEY", "sk-env-key-aaaabbbbccccdddd");
        ScopedEnv url("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1");
        ProviderSettings s = resolveProvider(config, "", "qwen2.5");
        CHECK(s.apiKey == "sk-env-key-aaaabbbbccccdddd");
        CHECK(s.baseUrl == "http://127.0.0.1:8080/v1");
        CHECK(s.model == "qwen2.5");
        ProviderSettings a = resolveProvider(config, "anthropic");
        CHECK(a.provider == "anthropic");
        CHECK(a.source == "--provider");
        CHECK(a.model == "claude-opus-4");
        CHECK(a.baseUrl == "https://api.anthropic.com");
        CHECK(resolveProvider(config, "command", "", "ollama run llama3.1").command == "ollama run llama3.1");
    }
    SECTION("without a file: OPENAI_*, then ANTHROPIC_API_KEY, then offline") {
        ProviderConfig none = ProviderConfig::load(dir + "/missing.json");
        CHECK(none.error.empty());
        CHECK(none.path.empty());
        ProviderSettings offline = resolveProvider(none);
        CHECK(offline.provider == "offline");
        CHECK(offline.source == "no LLM is configured");
        {
            ScopedEnv key("ANTHROPIC_API_KEY", "sk-ant-xxxxxxxxxxxxxxxxxxxx");
            CHECK(resolveProvider(none).provider == "anthropic");
            ScopedEnv url("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1");
            ProviderSettings s = resolveProvider(none);
            CHECK(s.provider == "openai");
            CHECK(s.source == "OPENAI_BASE_URL is set");
            CHECK(s.model == "gpt-4o-mini");
        }
    }
    SECTION("the table masks keys and says what would be used") {
        std::string table = describeProviders(config);
        INFO(table);
        CHECK(table.find(fileKey) == std::string::npos);
        CHECK(table.find(maskSecret(fileKey)) != std::string::npos);
        CHECK(table.find("sk-…WXYZ") != std::string::npos);
        for (const char* name : {"openai", "anthropic", "command", "offline"}) CHECK(table.find(std::string("\n") + name + " ") != std::string::npos);
        CHECK(table.find("llm -m gpt-4o") != std::string::npos);
        CHECK(table.find("would use: openai (because the config file " + path + " asks for it)") != std::string::npos);
    }
}

TEST_CASE("config: a broken file is located and ignored", "[config]") {
    TempDir temp;
    const std::string dir = temp.path;
    CleanEnv env(dir + "/config.json");
    writeFile(dir + "/config.json", "{\n  \"provider\": \"openai\",\n  \"openai\": {\"model\": \"x\",}\n}\n");
    ProviderConfig broken = ProviderConfig::load();
    CHECK(broken.error.find(dir + "/config.json:3:") == 0);
    CHECK(broken.error.find("the config file is ignored") != std::string::npos);
    CHECK(resolveProvider(broken).provider == "offline");
    CHECK(describeProviders(broken).find(broken.error) != std::string::npos);

    writeFile(dir + "/config.json", R"({"openai": {"model": 4}})");
    ProviderConfig wrongType = ProviderConfig::load();
    CHECK(wrongType.error.find(dir + "/config.json:/openai/model: error: expected a string") == 0);
}

TEST_CASE("maskSecret and makeProvider's refusals", "[config]") {
    CHECK(maskSecret("") == "");
    CHECK(maskSecret("short") == "***");
    CHECK(maskSecret("sk-abcdefghijklmnopqrstuvwxyz1234") == "sk-…1234");

    CleanEnv env("/nonexistent/promptotype/config.json");
    std::string error;
    ProviderSettings s;
    s.provider = "anthropic";
    CHECK_FALSE(makeProvider(s, &error));
    CHECK(error == "ANTHROPIC_API_KEY is not set (or add anthropic.api_key to /nonexistent/promptotype/config.json)");
    s.provider = "openai";
    CHECK_FALSE(makeProvider(s, &error));
    CHECK(error.find("OPENAI_API_KEY is not set") == 0);
    s.baseUrl = "http://127.0.0.1:11434/v1";
    CHECK(makeProvider(s, &error));   // local servers need no key
    s.baseUrl = "ftp://example.com";
    CHECK_FALSE(makeProvider(s, &error));
    CHECK(error.find("must start with http:// or https://") != std::string::npos);
    s.provider = "command";
    CHECK_FALSE(makeProvider(s, &error));
    CHECK(error.find("the command provider needs a command") == 0);
    s.provider = "opnai";
    CHECK_FALSE(makeProvider(s, &error));
    CHECK(error == "unknown provider \"opnai\" (did you mean \"openai\"?); choose openai, anthropic, command or offline");
}
