// Meeting-mode benchmarks: what versions, diffs, figures and overlays cost while the room watches.
//
// [SECTION] Versions and diffs
// [SECTION] Figures and overlays
#include "meeting/meeting.h"
#include "runtime/spec/spec_diff.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/files.h"
#include "meeting/step_runner.h"
#include <benchmark/benchmark.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::string sample(const char* name) {
    std::ifstream in(std::string(PT_SOURCE_DIR) + "/samples/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A scratch folder holding a copy of the habit tracker, removed at scope exit.
struct Scratch {
    fs::path dir = fs::temp_directory_path() / ("pt-bench-meeting-" + std::to_string(::getpid()));
    std::string spec = (dir / "habits.json").string();
    Scratch() {
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::ofstream(spec) << sample("habit_tracker.json");
    }
    ~Scratch() { fs::remove_all(dir); }
};

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Versions and diffs
//-----------------------------------------------------------------------------

// Recording a refinement: version file + spec file (both atomic, fsynced) + one log line.
static void BM_HistoryCommit_HabitTracker(benchmark::State& state) {
    Scratch scratch;
    std::string text = sample("habit_tracker.json"), error;
    pt::SpecHistory history(scratch.spec);
    history.open(&error);
    int n = 0;
    for (auto _ : state) {
        std::string next = text + std::string((size_t)(n++ % 2), '\n');  // alternate so every commit is a change
        if (!history.commit(next, "refine", "bench", "bench", &error)) state.SkipWithError(error.c_str());
    }
}
BENCHMARK(BM_HistoryCommit_HabitTracker)->Unit(benchmark::kMillisecond);

// Undo: the previous version's bytes back into the spec file.
static void BM_HistoryUndoRedo(benchmark::State& state) {
    Scratch scratch;
    std::string text = sample("habit_tracker.json"), error;
    pt::SpecHistory history(scratch.spec);
    history.open(&error);
    history.commit(text, "generate", "bench", "bench", &error);
    history.commit(text + "\n", "refine", "bench", "bench", &error);
    for (auto _ : state) {
        if (!history.undo(&error) || !history.redo(&error)) state.SkipWithError(error.c_str());
    }
    state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_HistoryUndoRedo)->Unit(benchmark::kMillisecond);

// `promptotype diff` on the largest sample against a copy with a renamed widget, a new screen and a new brand.
static void BM_CompareSpecs_LargestSample(benchmark::State& state) {
    pt::Json before = pt::Json::parse(sample("analytics_dashboard.json"));
    pt::Json after = before;
    after["theme"]["brand"] = "#E11D48";
    after["screens"]["share"] = {{"title", "Share"}, {"body", pt::Json::array({{{"text", "Share"}}})}};
    for (auto _ : state) benchmark::DoNotOptimize(pt::compareSpecs(before, after));
}
BENCHMARK(BM_CompareSpecs_LargestSample)->Unit(benchmark::kMicrosecond);

//-----------------------------------------------------------------------------
// [SECTION] Figures and overlays
//-----------------------------------------------------------------------------

// Funnel, time and misclicks per screen and variant from 10,000 events (50 sessions of 200).
static void BM_ComputeFigures_10kEvents(benchmark::State& state) {
    auto spec = pt::SpecLoader::loadText(sample("habit_tracker.json")).spec;
    std::vector<pt::SessionEvent> events;
    const char* screens[] = {"today", "progress", "reminders", "newHabit"};
    for (int s = 0; s < 50; ++s)
        for (int i = 0; i < 200; ++i) {
            pt::SessionEvent e;
            e.session = "s" + std::to_string(s);
            e.type = i % 10 == 0 ? "screen" : i % 7 == 0 ? "misclick" : "click";
            e.t = i * 0.5;
            e.screen = screens[(i / 10) % 4];
            e.x = (float)(i % 13) / 13.0f;
            e.y = (float)(i % 17) / 17.0f;
            e.variant = s % 2 ? "B" : "A";
            events.push_back(std::move(e));
        }
    for (auto _ : state) benchmark::DoNotOptimize(pt::computeFigures(events, *spec));
    state.SetItemsProcessed(state.iterations() * (int64_t)events.size());
}
BENCHMARK(BM_ComputeFigures_10kEvents)->Unit(benchmark::kMillisecond);

// One headless frame of the habit tracker with meeting mode on: 500 recorded clicks as a heat map with
// misclicks, and 20 reaction pins; Arg 0 = the same frame with the overlays off (the difference is their cost).
static void BM_MeetingFrame_HeatmapAndPins(benchmark::State& state) {
    Scratch scratch;
    auto spec = pt::SpecLoader::loadFile(scratch.spec).spec;
    pt::HeadlessDriver driver(spec);
    pt::Meeting meeting(driver.proto(), scratch.spec);
    std::string error;
    meeting.open(&error);
    pt::StepRunner runner(driver, meeting, {});
    driver.settle();
    std::string said;
    runner.run("session bench", &error, &said);
    const char* kinds[] = {"agree", "disagree", "question", "idea"};
    for (int i = 0; i < 20; ++i)  // on the add button and the habit rows
        runner.run(std::string("react ") + (i % 5 == 0 ? "addHabit" : "habit#" + std::to_string(i % 4)) + " " + kinds[i % 4], &error, &said);
    for (int i = 0; i < 500; ++i) {  // clicks spread over the screen, as a room full of people would leave them
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(20.0f + (float)(i * 37 % 350), 80.0f + (float)(i * 53 % 700));
        io.MouseDown[0] = true;
        driver.frame();
        io.MouseDown[0] = false;
        driver.frame();
    }
    driver.proto().reset();
    bool on = state.range(0) != 0;
    meeting.showHeatmap = meeting.showMisclicks = meeting.showPins = on;
    for (auto _ : state) driver.frame();
    state.counters["events"] = (double)meeting.events().size();
}
BENCHMARK(BM_MeetingFrame_HeatmapAndPins)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
