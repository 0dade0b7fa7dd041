// Streamed generation: how soon the app shell and the first screen are visible while a model streams
// at 50 tokens/s, against when the stream ends. A fake OpenAI-compatible server on 127.0.0.1 sends one ~4-byte token
// per SSE event every 20 ms; the generator runs exactly as `promptotype "IDEA"` runs it.
#include "generator/generator.h"
#include "tests/fake_llm_server.h"
#include <benchmark/benchmark.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

static void BM_StreamedGeneration_50TokensPerSecond(benchmark::State& state) {
    std::ifstream in(std::string(PT_SOURCE_DIR) + "/samples/habit_tracker.json");
    std::stringstream ss;
    ss << in.rdbuf();
    // In the order the system prompt asks for: the shell (with nav) before the mock state.
    pt::Json sample = pt::Json::parse(ss.str()), ordered;
    for (const char* k : {"spec", "meta", "theme", "nav", "state", "screens", "overlays"}) ordered[k] = sample[k];
    const std::string answer = pt::formatSpec(ordered);
    std::vector<std::string> tokens;
    for (size_t i = 0; i < answer.size();) {  // ~4-byte tokens, never splitting a UTF-8 character
        size_t end = std::min(answer.size(), i + 4);
        while (end < answer.size() && ((unsigned char)answer[end] & 0xC0) == 0x80) ++end;
        tokens.push_back(answer.substr(i, end - i));
        i = end;
    }
    std::string body = pt::test::openAiStream(tokens);
    std::vector<size_t> cuts;  // one event per chunk
    for (size_t at = body.find("\n\ndata: "); at != std::string::npos; at = body.find("\n\ndata: ", at + 2)) cuts.push_back(at + 2);
    fs::path dir = fs::temp_directory_path() / ("pt-bench-gen-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (auto _ : state) {
        pt::test::FakeLlmServer server;
        server.push(pt::test::FakeReply::sse(body).cutAt(cuts).delayBetweenChunks(0.02));
        pt::ProviderSettings s;
        s.provider = "openai";
        s.baseUrl = server.url() + "/v1";
        s.model = "bench";
        std::string error;
        auto provider = pt::makeProvider(s, &error);
        pt::GenerationOptions o;
        o.idea = "a habit tracker with daily streaks and reminders";
        o.outPath = (dir / "bench.json").string();
        o.cacheDir = "-";
        size_t shownScreens = 0;
        pt::GenerationResult r = pt::generateSpec(o, *provider, nullptr, [&](const pt::Json& d) { shownScreens = d["screens"].size(); }, nullptr);
        if (!r.ok) state.SkipWithError(r.error.c_str());
        state.SetIterationTime(r.totalSec);
        state.counters["shell_s"] = r.shellSec;
        state.counters["first_screen_s"] = r.firstScreenSec;
        state.counters["stream_end_s"] = r.totalSec;
        state.counters["tokens"] = (double)tokens.size();
        state.counters["tokens_per_s"] = tokens.size() / r.totalSec;
        state.counters["screens"] = (double)shownScreens;
    }
    fs::remove_all(dir);
}
BENCHMARK(BM_StreamedGeneration_50TokensPerSecond)->UseManualTime()->Iterations(1)->Unit(benchmark::kSecond);
