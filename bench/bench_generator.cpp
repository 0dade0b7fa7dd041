// Generation benchmarks.
//
// [SECTION] Ingest: lenient and partial parsing of model output
// [SECTION] Streamed generation: how soon the app shell and the first screen are visible while a model
//           streams at 50 tokens/s, against when the stream ends. A fake OpenAI-compatible server on
//           127.0.0.1 sends one ~4-byte token per SSE event every 20 ms; the generator runs exactly as
//           `promptotype "IDEA"` runs it.
#include "generator/generator.h"
#include "generator/lenient_json.h"
#include "tests/fake_llm_server.h"
#include <benchmark/benchmark.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

//-----------------------------------------------------------------------------
// [SECTION] Ingest
//-----------------------------------------------------------------------------

static std::string sampleText(const char* name) {
    std::ifstream in(std::string(PT_SOURCE_DIR) + "/samples/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// ~1 MB of model output: a fenced answer with prose, comments and trailing commas around a large spec.
static void BM_ParseLenient_1MB(benchmark::State& state) {
    pt::Json big = pt::Json::parse(sampleText("analytics_dashboard.json"));
    pt::Json rows = pt::Json::array();
    while (rows.dump().size() < 1000000) rows.push_back(big["state"]);
    big["state"]["archive"] = rows;
    std::string text = "Sure! Here is the spec:\n```json\n// generated\n" + big.dump(1) + "\n```\nLet me know.";
    text.insert(text.rfind('}'), ",");  // a trailing comma
    for (auto _ : state) {
        pt::LenientResult r = pt::parseLenient(text);
        if (!r.ok) state.SkipWithError("did not parse");
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed((int64_t)state.iterations() * (int64_t)text.size());
}
BENCHMARK(BM_ParseLenient_1MB)->Unit(benchmark::kMillisecond);

// What a streamed answer costs per partial parse, at 60 KB received.
static void BM_PartialSpec_60KB(benchmark::State& state) {
    pt::Json doc = pt::Json::parse(sampleText("analytics_dashboard.json"));
    for (int i = 0; doc.dump().size() < 70000; ++i) doc["screens"]["copy" + std::to_string(i)] = doc["screens"].begin().value();
    std::string text = pt::formatSpec(doc).substr(0, 60000);
    for (auto _ : state) {
        std::string current;
        int done = 0;
        pt::Json partial = pt::partialSpecFromStream(text, &current, &done);
        benchmark::DoNotOptimize(partial);
    }
}
BENCHMARK(BM_PartialSpec_60KB)->Unit(benchmark::kMillisecond);

//-----------------------------------------------------------------------------
// [SECTION] Streamed generation
//-----------------------------------------------------------------------------

static void BM_StreamedGeneration_50TokensPerSecond(benchmark::State& state) {
    // In the order the system prompt asks for: the shell (with nav) before the mock state.
    pt::Json sample = pt::Json::parse(sampleText("habit_tracker.json")), ordered;
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
