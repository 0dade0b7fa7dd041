// Network faults and hostile answers end within one timeout, with the raw answer kept and one clear
// message: endless streams hit the size caps, partial parsing stays linear in the answer.
//
// [SECTION] Helpers
// [SECTION] Stalls and resets after the answer started
// [SECTION] Endless and huge answers
// [SECTION] Invalid UTF-8
// [SECTION] Credentials in what is shown

#include "fake_llm_server.h"
#include "test_files.h"
#include "generator/generator.h"
#include "generator/lenient_json.h"
#include "generator/llm/credentials.h"
#include "runtime/spec/limits.h"
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <numeric>

using namespace pt;
using namespace pt::test;

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

namespace {

struct Sandbox : ScratchDir {
    Sandbox() : ScratchDir("netfaults") {}
    GenerationOptions options() const {
        GenerationOptions o;
        o.idea = "a habit tracker with daily streaks";
        o.outPath = file("app.json");
        o.cacheDir = "-";
        return o;
    }
    // A generation by the openai provider against `server`, giving up after `idleSec` of silence.
    GenerationResult generateWith(const FakeLlmServer& server, double idleSec = 5) const {
        ProviderSettings s;
        s.provider = "openai";
        s.baseUrl = server.url() + "/v1";
        s.apiKey = "sk-test-SECRET-0123456789";
        s.retryBaseSec = 0.01;
        s.idleTimeoutSec = idleSec;
        return generateSpec(options(), *makeProvider(s, nullptr), nullptr, nullptr, nullptr);
    }
};

// A provider without a network: streams `text` in pieces of `piece` bytes, then reports a whole answer
// (or, with `throwAtEnd`, throws as a broken provider might).
class ScriptedProvider : public LlmProvider {
public:
    ScriptedProvider(std::string text, size_t piece, bool throwAtEnd = false) : m_text(std::move(text)), m_piece(piece), m_throw(throwAtEnd) {}
    std::string name() const override { return "scripted"; }
    std::string model() const override { return ""; }
    LlmResult complete(const LlmRequest&, const TextSink& onText, const std::atomic<bool>*) override {
        for (size_t at = 0; at < m_text.size(); at += m_piece) onText(std::string_view(m_text).substr(at, m_piece));
        if (m_throw) throw std::runtime_error("the provider broke");
        LlmResult r;
        r.ok = true;
        r.finishReason = "stop";
        r.text = m_text;
        return r;
    }

private:
    std::string m_text;
    size_t m_piece;
    bool m_throw;
};

// An answer of `bytes` or more: a shell and many small screens, each closing at the document's second level.
std::string manyScreens(size_t bytes) {
    std::string text = R"({"spec": 1, "meta": {"name": "Big"}, "nav": {"type": "tabs", "items": ["s0", "s1"], "start": "s0"}, "screens": {)";
    for (int i = 0; text.size() < bytes; ++i)
        text += std::string(i ? ", " : "") + "\"s" + std::to_string(i) + R"(": {"title": "Screen )" + std::to_string(i) +
                R"(", "body": [{"text": "Some words on screen ${title}", "style": "body"}, {"button": "Next", "onTap": {"navigate": "s0"}}]})";
    return text + "}}";
}

// Where the `n`th event of an SSE wire starts (0 = the first).
size_t eventStart(const std::string& wire, int n) {
    size_t at = 0;
    for (int i = 0; i < n; ++i) at = wire.find("\n\ndata: ", at) + 2;
    return at;
}

// Screens of a partial spec that the model has written (not the skeletons standing in for the rest).
int writtenScreens(const Json& partial) {
    int n = 0;
    for (auto& [id, screen] : partial["screens"].items()) {
        const Json& body = screen["body"];
        n += !(body.is_array() && !body.empty() && body[0].contains("skeleton"));
    }
    return n;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Stalls and resets after the answer started
//-----------------------------------------------------------------------------

TEST_CASE("a server that goes silent after the first chunk is reported once, never retried or repaired", "[network]") {
    FakeLlmServer server;
    const std::string answer = sampleText("habit_tracker.json");
    const std::string wire = openAiStream({answer.substr(0, 2000), answer.substr(2000)});
    server.push(FakeReply::sse(wire).cutAt({eventStart(wire, 2)}).delayBetweenChunks(60));   // role, first delta, silence
    Sandbox box;
    GenerationResult r = box.generateWith(server, 0.2);
    INFO(r.error);
    CHECK(server.requests().size() == 1);
    CHECK_FALSE(r.written);
    CHECK(r.error == "openai: the connection stalled after 1 KB of the answer (nothing received for 0.2 s); the partial answer is in " + r.rawPath);
    const std::string raw = readFile(r.rawPath);
    CHECK(raw.find(answer.substr(0, 2000)) != std::string::npos);
    CHECK(raw.find("first answer, finish: error") != std::string::npos);
    CHECK(raw.find("repair round") == std::string::npos);
}

TEST_CASE("a connection reset in the middle of the answer is reported once, never retried or repaired", "[network]") {
    FakeLlmServer server;
    const std::string answer = sampleText("habit_tracker.json");
    const std::string wire = openAiStream({answer.substr(0, 3000), answer.substr(3000)});
    const size_t cut = eventStart(wire, 2);
    server.push(FakeReply::sse(wire).cutAt({cut}).dropAfter(cut + 10));
    Sandbox box;
    GenerationResult r = box.generateWith(server);
    INFO(r.error);
    CHECK(server.requests().size() == 1);
    CHECK_FALSE(r.written);
    CHECK(r.error.find("openai: the connection to " + server.url() + "/v1/chat/completions broke after 2 KB of the answer") == 0);
    CHECK(r.error.find("; the partial answer is in " + r.rawPath) != std::string::npos);
    CHECK(readFile(r.rawPath).find(answer.substr(0, 3000)) != std::string::npos);
}

TEST_CASE("a repair round that stalls keeps the earlier answer and asks no more", "[network]") {
    FakeLlmServer server;
    std::string broken = sampleText("habit_tracker.json");
    broken.replace(broken.find("\"preset\": \"calm\""), 16, "\"preset\": \"zzzz\"");   // one located error to repair
    server.push(FakeReply::sse(openAiStream({broken})));
    const std::string wire = openAiStream({"{\"spec\": 1, ", "\"screens\": {}}"});
    server.push(FakeReply::sse(wire).cutAt({eventStart(wire, 2)}).delayBetweenChunks(60));
    Sandbox box;
    GenerationResult r = box.generateWith(server, 0.2);
    INFO(r.error);
    CHECK(server.requests().size() == 2);
    CHECK(r.written);   // the first answer, with its problem listed
    CHECK(r.error.find("the connection stalled after 12 bytes of the answer") != std::string::npos);
}

TEST_CASE("a provider that fails with an exception mid-answer still leaves the raw answer", "[network]") {
    ScriptedProvider provider("{\"spec\": 1, \"screens\": {\"home\"", 4, true);
    Sandbox box;
    GenerationResult r = generateSpec(box.options(), provider, nullptr, nullptr, nullptr);
    CHECK_FALSE(r.written);
    CHECK(r.error == "scripted: the answer could not be read (the provider broke); the partial answer is in " + r.rawPath);
    CHECK(readFile(r.rawPath).find("{\"spec\": 1, \"screens\": {\"home\"") != std::string::npos);
}

TEST_CASE("the idle timeout comes from PROMPTOTYPE_IDLE_TIMEOUT, else the config file, else the budget table", "[config]") {
    unsetenv("PROMPTOTYPE_IDLE_TIMEOUT");
    ProviderConfig config;
    config.doc = Json::object();
    CHECK(resolveProvider(config, "offline").idleTimeoutSec == limits::kIdleTimeout.value);
    config.doc["idle_timeout"] = 5;
    CHECK(resolveProvider(config, "offline").idleTimeoutSec == 5);
    setenv("PROMPTOTYPE_IDLE_TIMEOUT", "0.25", 1);
    CHECK(resolveProvider(config, "offline").idleTimeoutSec == 0.25);
    setenv("PROMPTOTYPE_IDLE_TIMEOUT", "soon", 1);   // malformed: ignored
    CHECK(resolveProvider(config, "offline").idleTimeoutSec == 5);
    unsetenv("PROMPTOTYPE_IDLE_TIMEOUT");

    Sandbox box;
    for (const char* bad : {"{\"idle_timeout\": \"90\"}", "{\"idle_timeout\": 0}", "{\"idle_timeout\": 1e6}"}) {
        std::ofstream(box.file("config.json")) << bad;
        ProviderConfig loaded = ProviderConfig::load(box.file("config.json"));
        INFO(bad);
        CHECK(loaded.error.find("/idle_timeout: error: expected seconds without a byte from the model") != std::string::npos);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Endless and huge answers
//-----------------------------------------------------------------------------

TEST_CASE("a stream that never ends stops at the streamed-answer cap, keeping what arrived", "[network][limits]") {
    FakeLlmServer server;
    const std::string start = openAiChunk({{"role", "assistant"}, {"content", "{\"screens\": {\"home\": {\"title\": \""}});
    server.push(FakeReply::sse(start).thenRepeatForever(openAiChunk({{"content", std::string(64 * 1024, 'x')}})));
    Sandbox box;
    GenerationResult r = box.generateWith(server);
    INFO(r.error);
    CHECK(server.requests().size() == 1);
    CHECK_FALSE(r.written);
    CHECK(r.error.find("the answer passed 8 MB") != std::string::npos);
    const std::string raw = readFile(r.rawPath);
    CHECK(raw.size() > (size_t)limits::kStreamedAnswer.value);
    CHECK(raw.size() < (size_t)limits::kStreamedAnswer.value + 256 * 1024);   // stopped within a chunk or two of the cap
    CHECK(raw.find("{\"screens\": {\"home\"") != std::string::npos);
}

TEST_CASE("a stream of endless keep-alive comments stops at the received-bytes cap", "[network][limits]") {
    FakeLlmServer server;
    std::string comments;
    while (comments.size() < 64 * 1024) comments += ": keep-alive " + std::string(100, '.') + "\n";
    server.push(FakeReply::sse(openAiChunk({{"role", "assistant"}, {"content", "{\"app\": "}})).thenRepeatForever(comments));
    Sandbox box;
    GenerationResult r = box.generateWith(server);
    INFO(r.error);
    CHECK(server.requests().size() == 1);
    CHECK_FALSE(r.written);
    CHECK(r.error.find("the server sent more than 64 MB for one answer") != std::string::npos);
    CHECK(readFile(r.rawPath).find("{\"app\": ") != std::string::npos);
}

TEST_CASE("partial parsing while streaming does work linear in the answer and still shows screens early", "[limits]") {
    const std::string answer = manyScreens(128 * 1024);
    ScriptedProvider provider(answer, 16);
    Sandbox box;
    GenerationOptions o = box.options();
    o.maxRepairRounds = 0;
    std::vector<int> published;
    GenerationResult r = generateSpec(o, provider, nullptr, [&](const Json& doc, const std::vector<std::string>&) { published.push_back(writtenScreens(doc)); }, nullptr);
    INFO(r.partialParseBytes << " bytes parsed for a " << answer.size() << "-byte answer");
    CHECK(r.partialParseBytes <= (size_t)limits::kStreamParseWork.value * answer.size());
    REQUIRE(published.size() >= 10);
    CHECK(published.front() <= 2);   // the first screens showed long before the answer ended
    CHECK(std::is_sorted(published.begin(), published.end()));
}

TEST_CASE("a normal answer shows each of its first screens as soon as it closes", "[limits]") {
    const std::string answer = sampleText("habit_tracker.json");
    ScriptedProvider provider(answer, 16);
    Sandbox box;
    std::vector<int> published;
    GenerationResult r = generateSpec(box.options(), provider, nullptr, [&](const Json& doc, const std::vector<std::string>&) { published.push_back(writtenScreens(doc)); }, nullptr);
    CHECK(r.ok);
    REQUIRE(!published.empty());
    std::vector<int> expected(published.size());
    std::iota(expected.begin(), expected.end(), published.front());
    CHECK(published == expected);   // every screen published as its own step: no screen waited for the next
}

//-----------------------------------------------------------------------------
// [SECTION] Invalid UTF-8
//-----------------------------------------------------------------------------

TEST_CASE("an invalid UTF-8 byte in a streamed delta is replaced and the answer works", "[network][utf8]") {
    FakeLlmServer server;
    const std::string answer = sampleText("habit_tracker.json");
    const size_t at = answer.find("\"Streaks\"") + 2;
    std::string wire = openAiStream({answer.substr(0, at), "@BAD@", answer.substr(at)});
    wire.replace(wire.find("@BAD@"), 5, "\xFF");   // the builders refuse invalid UTF-8, so it goes in on the wire
    server.push(FakeReply::sse(wire));
    Sandbox box;
    GenerationResult r = box.generateWith(server);
    INFO(r.error);
    CHECK(r.ok);
    CHECK(server.requests().size() == 1);
    CHECK(r.doc["meta"]["name"] == "S\xEF\xBF\xBDtreaks");
    CHECK(readFile(r.rawPath).find("S\xEF\xBF\xBDtreaks") != std::string::npos);
}

TEST_CASE("an answer with invalid UTF-8 keeps its raw bytes and never throws, cached or not", "[utf8]") {
    std::string answer = sampleText("habit_tracker.json");
    answer.insert(answer.find("\"Streaks\"") + 2, "\xFF");
    answer.insert(answer.find("\"preset\""), "\"caf\xC3\": 1, ");   // a key cut in the middle of a character
    ScriptedProvider provider(answer, 16);
    Sandbox box;
    GenerationOptions o = box.options();
    o.cacheDir = box.file("cache");
    GenerationResult r;
    REQUIRE_NOTHROW(r = generateSpec(o, provider, nullptr, nullptr, nullptr));
    INFO(r.error);
    CHECK(r.written);
    CHECK(readFile(r.rawPath).find(answer) != std::string::npos);   // the model's bytes, as they came
    CHECK(readFile(r.specPath).find("S\xEF\xBF\xBDtreaks") != std::string::npos);
    CHECK_NOTHROW(formatSpec(r.doc));
}

TEST_CASE("validUtf8 replaces each ill-formed byte and keeps valid text as is", "[utf8]") {
    CHECK(validUtf8("caf\xC3\xA9 \xE2\x80\xA6") == "caf\xC3\xA9 \xE2\x80\xA6");
    CHECK(validUtf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(validUtf8("\xC3") == "\xEF\xBF\xBD");                 // cut at the end
    CHECK(validUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");   // a surrogate, as bytes
}

//-----------------------------------------------------------------------------
// [SECTION] Credentials in what is shown
//-----------------------------------------------------------------------------

namespace {
const std::string kKey = "sk-proj-Q7fLx2Vb9KpZ3mN8wR4tY6uC1";   // a key's shape; never a real one
const std::string kRandom = "a9F3kQ7zL2xV8bN4mT6wR1yH";           // 24 random-looking characters
}

TEST_CASE("maskCredentials masks keys in URLs and command lines and leaves ordinary settings alone", "[secrets]") {
    struct Case { std::string text, secret; };
    const std::vector<Case> secrets = {
        {"https://alice:" + kRandom + "@llm.example.com/v1", kRandom},
        {"https://" + kKey + "@llm.example.com/v1", kKey},
        {"https://llm.example.com/v1?api-key=hunter2hunter2&model=x", "hunter2hunter2"},
        {"https://llm.example.com/v1?token=short1", "short1"},
        {"https://x.blob.core.windows.net/c?sv=2022&sig=AbCdEfGh%2F12", "AbCdEfGh%2F12"},
        {"llm --api-key " + kKey + " -m gpt-4o", kKey},
        {"llm --api-key=plaintextpass -m gpt-4o", "plaintextpass"},
        {"mytool -k 'opensesame99' --model x", "opensesame99"},
        {"OPENAI_API_KEY=" + kKey + " llm -m gpt-4o", kKey},
        {"env MY_TOKEN=\"tok-3f9a\" ./run.sh", "tok-3f9a"},
        {"curl -H \"Authorization: Bearer abcdef123456\" https://x", "abcdef123456"},
        {"llm -m gpt-4o " + kKey, kKey},
        {"llm --header x-thing:" + kRandom, kRandom},
    };
    for (const Case& c : secrets) {
        std::string masked = maskCredentials(c.text);
        INFO(c.text << " -> " << masked);
        CHECK(masked.find(c.secret) == std::string::npos);
    }
    CHECK(maskCredentials("https://alice:" + kRandom + "@llm.example.com/v1") == "https://alice:" + maskSecret(kRandom) + "@llm.example.com/v1");
    CHECK(maskCredentials("llm --api-key " + kKey + " -m gpt-4o") == "llm --api-key " + maskSecret(kKey) + " -m gpt-4o");
    for (const std::string plain : {"http://127.0.0.1:11434/v1", "https://api.openai.com/v1?model=gpt-4o-mini", "llm -m gpt-4o-mini",
                                    "ollama run llama3.1:8b-instruct-q4_K_M", "claude --model claude-sonnet-4-5-20250929 -p",
                                    "/home/me/models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", "python3 -u ask.py --temperature=0.2"})
        CHECK(maskCredentials(plain) == plain);
}

TEST_CASE("the providers table and provider errors never show a key from a URL or a command line", "[secrets]") {
    Sandbox box;
    const std::string baseUrl = "https://alice:" + kRandom + "@llm.example.com/v1?api_key=" + kKey;
    setenv("OPENAI_BASE_URL", baseUrl.c_str(), 1);
    std::ofstream(box.file("config.json")) << "{\"command\": {\"command\": \"llm --api-key " + kKey + " -m gpt-4o\"}}";
    std::string table = describeProviders(ProviderConfig::load(box.file("config.json")));
    unsetenv("OPENAI_BASE_URL");
    INFO(table);
    CHECK(table.find("llm.example.com/v1") != std::string::npos);
    CHECK(table.find("llm --api-key " + maskSecret(kKey) + " -m gpt-4o") != std::string::npos);
    CHECK(table.find(kKey) == std::string::npos);
    CHECK(table.find(kRandom) == std::string::npos);

    ProviderSettings notHttp;
    notHttp.provider = "openai";
    notHttp.baseUrl = "ftp://bob:" + kRandom + "@host/v1";
    std::string error;
    CHECK_FALSE(makeProvider(notHttp, &error));
    CHECK(error.find("must start with http") != std::string::npos);
    CHECK(error.find(kRandom) == std::string::npos);

    ProviderSettings refused;   // a connection error names the URL: its user info is masked
    refused.provider = "openai";
    refused.baseUrl = "http://carol:" + kRandom + "@127.0.0.1:9/v1";
    refused.maxRetries = 0;
    auto provider = makeProvider(refused, &error);
    REQUIRE(provider);
    LlmResult r = provider->complete(LlmRequest(), nullptr, nullptr);
    INFO(r.error);
    CHECK(r.error.find("127.0.0.1:9") != std::string::npos);
    CHECK(r.error.find(kRandom) == std::string::npos);

    ProviderSettings command;   // a CLI that echoes its key on stderr
    command.provider = "command";
    command.command = "echo 'error: invalid key " + kKey + "' >&2; exit 1";
    auto cli = makeProvider(command, &error);
    REQUIRE(cli);
    r = cli->complete(LlmRequest(), nullptr, nullptr);
    CHECK(r.error.find("invalid key") != std::string::npos);
    CHECK(r.error.find(kKey) == std::string::npos);
}
