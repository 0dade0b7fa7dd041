// Promptotype benchmarks: the offline drafter (idea -> spec). Must stay well under 50 ms per idea.
//
// [SECTION] Ideas (read once, outside the timed loops)
// [SECTION] Drafting

#include "generator/offline/offline_drafter.h"
#include "runtime/spec/spec_loader.h"
#include <benchmark/benchmark.h>
#include <fstream>

using namespace pt;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Ideas
//-----------------------------------------------------------------------------

// Corpus descriptions and prompts plus samples/ideas.txt; the timed loops never touch files.
const std::vector<std::string>& ideas() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> out;
        std::ifstream corpus(PT_SOURCE_DIR "/../shared/corpus/genui-samples/prompts.jsonl");
        for (std::string line; std::getline(corpus, line);) {
            Json j = Json::parse(line, nullptr, false);
            if (!j.is_object()) continue;
            for (const char* key : {"description", "prompt"})
                if (j.contains(key) && j[key].is_string()) out.push_back(j[key].get<std::string>());
        }
        std::ifstream samples(PT_SOURCE_DIR "/samples/ideas.txt");
        for (std::string line; std::getline(samples, line);)
            if (!line.empty()) out.push_back(line);
        return out;
    }();
    return all;
}

//-----------------------------------------------------------------------------
// [SECTION] Drafting
//-----------------------------------------------------------------------------

// One idea per iteration, cycling through every idea: the reported time is the time per idea.
void BM_DraftIdea(benchmark::State& state) {
    const auto& list = ideas();
    size_t i = 0;
    for (auto _ : state) {
        Json spec = draftSpec(list[i++ % list.size()]);
        benchmark::DoNotOptimize(spec);
    }
    state.counters["ideas"] = static_cast<double>(list.size());
}
BENCHMARK(BM_DraftIdea)->Unit(benchmark::kMillisecond);

// The same, plus the validation a caller runs before opening the draft (what `generate` pays in total).
void BM_DraftIdeaAndValidate(benchmark::State& state) {
    const auto& list = ideas();
    size_t i = 0;
    for (auto _ : state) {
        LoadResult r = SpecLoader::loadJson(draftSpec(list[i++ % list.size()]));
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_DraftIdeaAndValidate)->Unit(benchmark::kMillisecond);

} // namespace
