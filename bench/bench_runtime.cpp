// Promptotype benchmarks (Google Benchmark). Numbers go in README.md; tests never assert on time.
//
// [SECTION] Frame cost: 1,000 widgets through the runtime vs the same screen as direct ImGui calls
// [SECTION] Load + validate + compile of the largest sample
// [SECTION] Hot reload: file write -> new frame

#include "runtime/headless/headless.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/files.h"
#include "widgets/draw.h"
#include <benchmark/benchmark.h>
#include <filesystem>
#include <fstream>
#include <imgui.h>
#include <imgui_internal.h>
#include <sstream>

using namespace pt;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

//-----------------------------------------------------------------------------
// [SECTION] Frame cost
//-----------------------------------------------------------------------------

// 1,000 widgets: rows of a heading, a text, a checkbox and a button, repeated 250 times (no repeat: real nodes).
Json thousandWidgetSpec() {
    Json body = Json::array();
    for (int i = 0; i < 250; ++i) {
        std::string n = std::to_string(i);
        body.push_back(Json{{"text", "Section " + n}, {"style", "h3"}});
        body.push_back(Json{{"text", "Item " + n + " has a short description"}});
        body.push_back(Json{{"checkbox", "Done " + n}, {"bind", "done." + n}});
        body.push_back(Json{{"button", "Open " + n}, {"on", Json{{"press", Json{{"inc", "opened"}}}}}});
    }
    return Json{{"state", Json{{"opened", 0}, {"done", Json::object()}}}, {"screens", Json{{"home", Json{{"title", "Bench"}, {"body", body}}}}}};
}

void BM_Frame1000Widgets_Runtime(benchmark::State& state) {
    LoadResult r = SpecLoader::loadJson(thousandWidgetSpec());
    HeadlessDriver d(r.spec, ImVec2(390, 100000));  // tall enough that nothing is clipped: every widget is drawn
    d.settle();
    for (auto _ : state) d.frame();
    state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
    state.SetLabel("1000 widgets, all visible");
}
BENCHMARK(BM_Frame1000Widgets_Runtime)->Unit(benchmark::kMicrosecond);

// The same screen hand-written with ImGui + ImDrawList, drawing the same look (shadowed rounded
// buttons, custom check boxes, the type scale): what the runtime's interpretation costs on top.
void BM_Frame1000Widgets_DirectImGui(benchmark::State& state) {
    LoadResult r = SpecLoader::loadText(R"({"screens": {"home": {"body": []}}})");
    HeadlessDriver d(r.spec, ImVec2(390, 100000));
    d.settle();
    ImGui::SetCurrentContext(d.context());
    const FontSet* fonts = d.proto().fonts();
    const Theme& t = d.proto().theme();
    bool done[250] = {};
    int opened = 0;
    char buf[64];
    for (auto _ : state) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##direct", nullptr, ImGuiWindowFlags_NoDecoration);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float width = ImGui::GetContentRegionAvail().x;
        for (int i = 0; i < 250; ++i) {
            ImGui::PushID(i);
            ImGui::PushFont(fonts->get(TextStyle::H3));
            snprintf(buf, sizeof buf, "Section %d", i);
            ImGui::TextUnformatted(buf);
            ImGui::PopFont();
            ImGui::PushTextWrapPos(0);
            ImGui::Text("Item %d has a short description", i);
            ImGui::PopTextWrapPos();

            ImVec2 p = ImGui::GetCursorScreenPos();
            if (ImGui::InvisibleButton("##check", ImVec2(width, 34))) done[i] = !done[i];
            ImRect box(p + ImVec2(0, 6), p + ImVec2(22, 28));
            if (done[i]) {
                dl->AddRectFilled(box.Min, box.Max, t.c.brand, 6);
                draw::checkMark(dl, box.GetCenter(), 17, t.c.onBrand);
            } else {
                dl->AddRectFilled(box.Min, box.Max, t.c.surface, 6);
                dl->AddRect(box.Min, box.Max, t.c.border, 6, 0, 1.5f);
            }
            snprintf(buf, sizeof buf, "Done %d", i);
            dl->AddText(fonts->get(TextStyle::Body), fonts->get(TextStyle::Body)->FontSize, p + ImVec2(34, 8), t.c.text, buf);

            p = ImGui::GetCursorScreenPos();
            snprintf(buf, sizeof buf, "Open %d", i);
            ImVec2 ts = fonts->get(TextStyle::Strong)->CalcTextSizeA(fonts->get(TextStyle::Strong)->FontSize, FLT_MAX, 0, buf);
            ImRect b(p, p + ImVec2(ts.x + 40, t.controlHeight));
            if (ImGui::InvisibleButton("##open", b.GetSize())) ++opened;
            draw::shadow(dl, b, t.radiusSmall, 0.7f);
            dl->AddRectFilled(b.Min, b.Max, ImGui::IsItemHovered() ? t.c.brandHover : t.c.brand, t.radiusSmall);
            dl->AddText(fonts->get(TextStyle::Strong), fonts->get(TextStyle::Strong)->FontSize, b.GetCenter() - ts * 0.5f, t.c.onBrand, buf);
            ImGui::PopID();
        }
        ImGui::End();
        ImGui::Render();
    }
    benchmark::DoNotOptimize(opened);
    state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
}
BENCHMARK(BM_Frame1000Widgets_DirectImGui)->Unit(benchmark::kMicrosecond);

//-----------------------------------------------------------------------------
// [SECTION] Load + validate + compile
//-----------------------------------------------------------------------------

void BM_LoadValidateCompile_LargestSample(benchmark::State& state) {
    fs::path largest;
    for (auto& e : fs::directory_iterator(fs::path(PT_SOURCE_DIR) / "samples"))
        if (e.path().extension() == ".json" && (largest.empty() || fs::file_size(e.path()) > fs::file_size(largest))) largest = e.path();
    std::string text = readFile(largest);
    for (auto _ : state) {
        LoadResult r = SpecLoader::loadText(text, largest.string());
        benchmark::DoNotOptimize(r.spec);
    }
    state.SetLabel(largest.filename().string() + ", " + std::to_string(text.size()) + " bytes");
}
BENCHMARK(BM_LoadValidateCompile_LargestSample)->Unit(benchmark::kMicrosecond);

//-----------------------------------------------------------------------------
// [SECTION] Hot reload
//-----------------------------------------------------------------------------

// What the window does per save: notice the write, load + compile, swap keeping state, draw a frame.
void BM_HotReload_WriteToFrame(benchmark::State& state) {
    fs::path largest = fs::path(PT_SOURCE_DIR) / "samples" / "habit_tracker.json";
    std::string text = readFile(largest);
    fs::path file = fs::temp_directory_path() / "pt_bench_reload.json";
    std::string error;
    writeFileAtomic(file.string(), text, &error);
    LoadResult first = SpecLoader::loadFile(file.string());
    HeadlessDriver d(first.spec);
    d.settle();
    SpecWatcher watcher(file.string());
    int edit = 0;
    for (auto _ : state) {
        std::string changed = text;
        changed.insert(changed.find('{') + 1, "\"spec\": 1, ");  // a real edit: the bytes differ every time
        changed += std::string(++edit % 7, ' ');
        writeFileAtomic(file.string(), changed, &error);
        while (!watcher.changed()) {}
        LoadResult r = SpecLoader::loadFile(file.string());
        d.proto().replaceSpec(r.spec);
        d.frame();
    }
    fs::remove(file);
}
BENCHMARK(BM_HotReload_WriteToFrame)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
