// Fuzz target: the JSON-lines logs kept beside a spec. The bytes are the file's content, read back as each of
// the three logs: NAME.feedback.jsonl (FeedbackLog), NAME.sessions.jsonl (SessionLog) and the history's
// log.jsonl (SpecHistory::open). Session events then go through the figures the report and overlays draw
// (funnel, time per screen, heat points). Torn, glued, hostile or absurd lines must be skipped or bounded,
// never crash, throw or hang.
#include "fuzz_support.h"
#include "meeting/feedback.h"
#include "meeting/session_log.h"
#include "meeting/spec_history.h"
#include "runtime/spec/spec_loader.h"
#include <cstdint>
#include <cstdlib>

namespace {

// The spec the figures are computed for: two screens, one navigation, a variant.
const pt::Spec& figuresSpec() {
    static const pt::LoadResult loaded = pt::SpecLoader::loadText(R"({
      "nav": {"kind": "stack", "start": "home"},
      "screens": {
        "home": {"title": "Home", "body": [{"button": "Go", "id": "go", "go": "details", "variants": {"B": {"button": "Open"}}}]},
        "details": {"title": "Details", "body": [{"text": "Hello", "id": "hello"}]}}})");
    if (!loaded.spec || loaded.hasErrors()) std::abort();   // the harness itself is broken
    return *loaded.spec;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace pt;
    static fuzz::ScratchDir dir("json-lines");
    dir.clear();
    const std::string spec = dir.file("app.json");

    FeedbackLog feedback(spec);
    SessionLog sessions(spec);
    std::string historyLog = SpecHistory::folderFor(spec) + "/log.jsonl";
    if (!fuzz::writeBytes(feedback.path(), data, size) || !fuzz::writeBytes(sessions.path(), data, size) ||
        !fuzz::writeBytes(historyLog, data, size))
        std::abort();

    std::vector<std::string> problems;
    feedback.load(&problems);
    std::vector<SessionEvent> events = sessions.load(&problems);
    for (const VariantFigures& figures : computeFigures(events, figuresSpec()))
        for (const ScreenFigures& screen : figures.screens) heatPoints(events, screen.screen, figures.variant);

    SpecHistory history(spec);
    std::string error;
    if (history.open(&error)) history.versions();
    return 0;
}
