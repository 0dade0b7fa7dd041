// Fuzz target: the `play` step language (meeting/step_runner.h). Each line of the bytes is one step; up to
// kMaxSteps of them run through a real StepRunner — real ImGui frames, a Meeting with its history, feedback,
// session and demo files in a scratch folder emptied per input — on a small prototype with tabs, an input, a
// navigation and a variant. Refinements go to a stand-in model that renames the home screen, or answers with a
// broken document. Every step may fail with a message; none may crash or throw. The word splitter and the
// duration parser run on each line too.
#include "fuzz_support.h"
#include "meeting/step_runner.h"
#include "runtime/spec/spec_loader.h"
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

constexpr size_t kMaxSteps = 12;          // a script longer than this shows nothing new and only slows the fuzzer
constexpr double kMaxWaitMs = 1000;      // longer waits are 20 frames per simulated second by design, bounded at
                                          // one hour (HeadlessDriver::wait): skipped so an input stays fast

const char* kSpec = R"({
  "state": {"count": 0, "name": ""},
  "nav": {"kind": "tabs", "start": "home", "items": ["home", "stats"]},
  "screens": {
    "home": {"title": "Home", "body": [
      {"text": "Count ${count}", "id": "count_text", "style": "h1"},
      {"button": "Add one", "id": "add", "on": {"press": {"inc": "count"}}},
      {"input": "Name", "id": "name", "bind": "name"},
      {"button": "Details", "id": "go", "go": "details", "variants": {"B": {"button": "See details", "icon": "arrow-right"}}}]},
    "details": {"title": "Details", "body": [{"text": "Details for ${name}", "id": "details_text"}]},
    "stats":   {"title": "Stats", "body": [{"stat": "Total", "value": "${count}"}]}}})";

// A stand-in model: "break ..." answers with a document that does not parse; anything else renames the home screen.
pt::RefineOutcome standInRefiner(const pt::Json& doc, const std::string& request, const std::string&,
                                 const std::atomic<bool>*) {
    pt::RefineOutcome out;
    out.generator = "fuzz refiner";
    out.ok = true;
    out.summary = "renamed home";
    if (request.rfind("break", 0) == 0) {
        out.text = "{\"screens\": ";
        return out;
    }
    pt::Json next = doc;
    next["screens"]["home"]["title"] = request;
    out.text = next.dump(2, ' ', false, pt::Json::error_handler_t::replace);
    return out;
}

// A `wait` step the harness skips (see kMaxWaitMs).
bool isLongWait(const std::vector<std::string>& words) {
    return words.size() == 2 && words[0] == "wait" && !(std::strtod(words[1].c_str(), nullptr) <= kMaxWaitMs);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace pt;
    static fuzz::ScratchDir dir("play-steps");
    dir.clear();
    const std::string path = dir.file("counter.json");
    if (!fuzz::writeBytes(path, reinterpret_cast<const uint8_t*>(kSpec), std::strlen(kSpec))) std::abort();
    LoadResult loaded = SpecLoader::loadFile(path);
    if (!loaded.spec || loaded.hasErrors()) std::abort();   // the harness itself is broken

    HeadlessDriver driver(loaded.spec);
    Meeting meeting(driver.proto(), path);
    std::string error, said;
    if (!meeting.open(&error)) std::abort();
    StepRunner runner(driver, meeting, standInRefiner);
    driver.settle();

    std::string script(reinterpret_cast<const char*>(data), size);
    size_t steps = 0;
    for (size_t start = 0; start <= script.size() && steps < kMaxSteps; ++steps) {
        size_t end = std::min(script.find('\n', start), script.size());
        std::string step = script.substr(start, end - start);
        start = end + 1;
        for (size_t parts = 1; parts <= 4; ++parts) splitStep(step, parts);
        double seconds = 0;
        parseDuration(step, &seconds);
        if (isLongWait(splitStep(step, 2))) continue;
        runner.run(step, &error, &said);
    }
    return 0;
}
