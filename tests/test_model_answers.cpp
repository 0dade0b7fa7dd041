// Model-written specs kept as fixtures: a capable model answered the bundled briefs from `promptotype prompt`
// alone (tests/data/model_answers/README.md says how), and every answer goes through the same path `generate`
// takes. The prompt is good when the model's first answer is already a clean spec: the target is 95%.
#include "scripted_model.h"
#include "test_files.h"
#include "generator/generator.h"
#include "runtime/headless/inspector.h"
#include <catch2/catch.hpp>
#include <filesystem>

using namespace pt;
namespace fs = std::filesystem;

namespace {

struct Answer {
    std::string name, idea, text;
};

std::vector<Answer> modelAnswers() {
    std::vector<Answer> out;
    const fs::path dir = fs::path(PT_SOURCE_DIR) / "tests" / "data" / "model_answers";
    for (auto& entry : fs::directory_iterator(dir)) {
        const std::string file = entry.path().filename().string();
        const std::string suffix = ".answer.txt";
        if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
        const std::string name = file.substr(0, file.size() - suffix.size());
        out.push_back({name, pt::test::readFile((dir / (name + ".idea.txt")).string()), pt::test::readFile(entry.path().string())});
    }
    std::sort(out.begin(), out.end(), [](const Answer& a, const Answer& b) { return a.name < b.name; });
    return out;
}

} // namespace

TEST_CASE("model answers written from the prompt alone are clean specs on the first try", "[generator][model-answers]") {
    const std::vector<Answer> answers = modelAnswers();
    REQUIRE(answers.size() >= 20);
    pt::test::ScratchDir dir("model-answers");
    int firstTry = 0;
    for (const Answer& a : answers) {
        REQUIRE_FALSE(a.idea.empty());
        pt::test::ScriptedModel model({a.text});
        GenerationOptions o;
        o.idea = a.idea;
        o.outPath = dir.file(a.name + ".json");
        o.cacheDir = "-";
        o.maxRepairRounds = 0;
        GenerationResult res = generateSpec(o, model, nullptr, nullptr, nullptr);
        INFO(a.name);
        CHECK(res.written);  // every answer is at least usable
        const bool clean = res.ok && res.fixes.empty();
        if (!clean) {
            std::string why;
            for (auto& p : res.problems) why += "  " + p.pointer + ": " + p.message + "\n";
            for (auto& f : res.fixes) why += "  repaired " + f + "\n";
            WARN(a.name << " needed repair:\n" << why);
            continue;
        }
        ++firstTry;
        const Json report = inspectSpec(res.spec);
        INFO(report["dead_controls"].dump());
        CHECK(report["dead_controls"].empty());
        CHECK(report["unreachable"].empty());
        CHECK_FALSE(report["requirements"].empty());  // the prompt asks for them, traced to ids
        INFO(report["requirements_problems"].dump());
        CHECK(report["requirements_problems"].empty());
    }
    const double rate = (double)firstTry / (double)answers.size();
    INFO(firstTry << " of " << answers.size() << " first answers were clean specs");
    CHECK(rate >= 0.95);
}
