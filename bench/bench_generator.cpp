// Generation benchmarks.
//
// [SECTION] Ingest: lenient and partial parsing of model output
// [SECTION] Streamed generation: how soon the app shell, the first screen and every screen are visible
//           while a hosted model writes at 50 tokens/s, on the one-call path and on the parallel path (plan,
//           then screens). A fake OpenAI-compatible server on 127.0.0.1 answers each call after 500 ms, then
//           one token per SSE event every 20 ms; the generator runs exactly as `promptotype "IDEA"` runs it.
#include "generator/generator.h"
#include "generator/lenient_json.h"
#include "runtime/spec/token_count.h"
#include "tests/fake_llm_server.h"
#include "tests/planned_model.h"
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

namespace {

// A hosted model as the room meets it: the first token 500 ms after the request, then 50 tokens a second on every
// connection, connections independent. Each token is its own SSE event; the usage it reports counts the request's
// messages as prompt tokens (o200k estimate).
pt::test::FakeReply hostedModel(const std::string& answer, const pt::test::RecordedRequest& request) {
    int promptTokens = 0;
    const auto sent = request.json();   // held: a range-for over a temporary's member would dangle
    for (auto& m : sent["messages"]) promptTokens += pt::countTokens(m.value("content", ""));
    std::string body = pt::test::openAiStream(pt::test::modelTokens(answer), "stop", true, promptTokens);
    return pt::test::FakeReply::sse(body).cutAt(pt::test::eventCuts(body)).delayBeforeHeaders(0.5).delayBetweenChunks(0.02);
}

// The habit tracker sample in the order the system prompt asks for: the shell (with nav) before the mock state.
const pt::Json& habitTracker() {
    static const pt::Json ordered = [] {
        pt::Json sample = pt::Json::parse(sampleText("habit_tracker.json")), out;
        for (const char* k : {"spec", "meta", "theme", "nav", "state", "screens", "overlays"}) out[k] = sample[k];
        return out;
    }();
    return ordered;
}

// One generation of the habit tracker against `server`, as `promptotype "IDEA"` runs it; the figures become counters.
void generateOnce(benchmark::State& state, pt::test::FakeLlmServer& server, bool parallel) {
    fs::path dir = fs::temp_directory_path() / ("pt-bench-gen-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    pt::ProviderSettings s;
    s.provider = "openai";
    s.baseUrl = server.url() + "/v1";
    s.model = "bench";
    std::string error;
    auto provider = pt::makeProvider(s, &error);
    pt::GenerationOptions o;
    o.idea = "a habit tracker where I tick off today's habits, keep daily streaks going, see a heatmap of my consistency and set morning reminders";
    o.outPath = (dir / "bench.json").string();
    o.cacheDir = "-";
    o.parallel = parallel;
    pt::GenerationResult r = pt::generateSpec(o, *provider, nullptr, [](const pt::Json&, const std::vector<std::string>&) {}, nullptr);
    if (!r.ok) state.SkipWithError(r.error.c_str());
    state.SetIterationTime(r.totalSec);
    state.counters["shell_s"] = r.shellSec;
    state.counters["first_screen_s"] = r.firstScreenSec;
    state.counters["all_screens_s"] = r.allScreensSec;
    state.counters["tokens"] = r.outputTokens;
    state.counters["input_tokens"] = r.inputTokens;
    state.counters["reused_prompt_tokens"] = r.reusedPromptTokens;
    state.counters["calls"] = r.calls;
    fs::remove_all(dir);
}

} // namespace

// The whole app in one call: the first screen waits for the shell and the whole mock state.
static void BM_Generation_OneCall_50tps(benchmark::State& state) {
    const std::string answer = habitTracker().dump();   // compact, as the system prompt asks
    for (auto _ : state) {
        pt::test::FakeLlmServer server;
        server.respondWith([&](const pt::test::RecordedRequest& r, size_t) { return hostedModel(answer, r); });
        generateOnce(state, server, false);
    }
}
BENCHMARK(BM_Generation_OneCall_50tps)->UseManualTime()->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(false)->Unit(benchmark::kSecond);

// A plan call, then one call per screen or part (4 at a time), each answering with its part of the sample.
static void BM_Generation_Parallel_50tps(benchmark::State& state) {
    pt::test::PlannedModel model(habitTracker(), true);
    for (auto _ : state) {
        pt::test::FakeLlmServer server;
        server.respondWith([&](const pt::test::RecordedRequest& r, size_t) { return hostedModel(model.answerFor(r), r); });
        generateOnce(state, server, true);
    }
}
BENCHMARK(BM_Generation_Parallel_50tps)->UseManualTime()->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(false)->Unit(benchmark::kSecond);
