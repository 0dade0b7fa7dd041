// Promptotype — the eval verb: a corpus of requests through the configured generator, scored (meeting/eval_score.h).
//
// Each entry is generated with the same pipeline as `generate` (generateSpec; no cache, so the times are real). A
// change request is applied by the refiner to a draft of the app it talks about (changeRequestContext: the domain
// and the things the request names, drafted by the same generator), and counts as applied (the spec changed), declined (the refiner said plainly it cannot) or
// failed. The table is printed as entries finish, then the summary per style; with -o DIR the specs go to
// DIR/specs/, every screen to DIR/shots/ID-SCREEN.png and everything to DIR/eval.json. Scores are data: the exit
// code is 0 whenever the run finished (2 for usage or an unreadable corpus, 130 when cancelled).
//
// [SECTION] One entry
// [SECTION] Verb

#include "app/cli.h"
#include "generator/generator.h"
#include "generator/offline/refine_context.h"
#include "generator/provider.h"
#include "generator/refiner.h"
#include "meeting/eval_report.h"
#include "runtime/spec/files.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pt::cli {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] One entry
//-----------------------------------------------------------------------------

// Where a run puts its files.
struct EvalPlaces {
    std::string specs;   // spec files and raw answers
    std::string shots;   // PNGs ("" = none)
};

// The provider, with the time its answers took added up: what the table reports as the generator's time (the
// pipeline around it also parses, repairs and writes files, which eval.json reports as total_ms).
class TimedProvider : public LlmProvider {
public:
    explicit TimedProvider(LlmProvider& inner) : m_inner(inner) {}
    std::string name() const override { return m_inner.name(); }
    std::string model() const override { return m_inner.model(); }
    std::string label() const override { return m_inner.label(); }
    bool deterministic() const override { return m_inner.deterministic(); }
    LlmResult complete(const LlmRequest& request, const TextSink& onText, const std::atomic<bool>* cancel) override {
        auto start = std::chrono::steady_clock::now();
        LlmResult r = m_inner.complete(request, onText, cancel);
        m_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return r;
    }
    // The answer time since the last call, and a fresh start.
    double takeMs() { double ms = m_ms; m_ms = 0; return ms; }

private:
    LlmProvider& m_inner;
    double m_ms = 0;
};

// Generates `idea` into `path` the way `generate` does, without the cache (eval measures the generator).
GenerationResult generateInto(TimedProvider& provider, const std::string& idea, const std::string& path) {
    GenerationOptions o;
    o.idea = idea;
    o.outPath = path;
    o.cacheDir = "-";
    return generateSpec(o, provider, nullptr, nullptr, &cancelRequested());
}

// A new idea: the generated spec (null when nothing usable came back).
std::shared_ptr<const Spec> runIdea(const CorpusEntry& e, TimedProvider& provider, const EvalPlaces& places, EntryScore* score) {
    GenerationResult r = generateInto(provider, e.request, (fs::path(places.specs) / (fileNameFromId(e.id) + ".json")).string());
    score->ms = provider.takeMs();
    score->totalMs = r.totalSec * 1000;
    score->usable = r.written;
    score->loadErrors = (int)r.problems.size();
    if (!r.written) score->error = r.error.empty() ? "generation failed" : r.error;
    return r.spec;
}

// A change request: a draft of the app it is about, refined with the request. A declined or failed refinement
// leaves the draft to score.
std::shared_ptr<const Spec> runChangeRequest(const CorpusEntry& e, TimedProvider& provider, const EvalPlaces& places, EntryScore* score) {
    std::string base = (fs::path(places.specs) / fileNameFromId(e.id)).string();
    GenerationResult draft = generateInto(provider, changeRequestContext(e.request, e.domain), base + "-draft.json");
    score->draftMs = provider.takeMs();
    if (!draft.written) {
        score->error = "drafting the app to change failed: " + (draft.error.empty() ? std::string("no spec") : draft.error);
        score->change = ChangeOutcome::Failed;
        return nullptr;
    }
    RefineOptions o;
    o.request = e.request;
    o.file = base + ".json";
    auto start = std::chrono::steady_clock::now();
    RefineResult r = refineSpec(draft.doc, o, provider, nullptr, &cancelRequested());
    score->totalMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    score->ms = provider.takeMs();
    score->usable = true;
    if (!r.ok) {
        score->change = r.unsupported ? ChangeOutcome::Declined : ChangeOutcome::Failed;
        score->changeMessage = r.error + (r.problems.empty() || r.unsupported ? "" : " (" + r.problems.back() + ")");
        score->loadErrors = (int)draft.problems.size();
        return draft.spec;
    }
    score->change = r.already ? ChangeOutcome::Already : r.doc == draft.doc ? ChangeOutcome::Unchanged : ChangeOutcome::Applied;
    score->changeMessage = r.summary;
    std::string error;
    if (!writeFileAtomic(o.file, formatSpec(r.doc), &error)) std::cerr << o.file << ": " << error << "\n";
    return r.spec;
}

// Runs, scores and (with -o) photographs one entry.
EntryScore evaluate(const CorpusEntry& e, TimedProvider& provider, const DomainWords& domainWords, const EvalPlaces& places) {
    EntryScore score;
    score.id = e.id;
    score.style = e.style;
    std::shared_ptr<const Spec> spec = e.isChangeRequest() ? runChangeRequest(e, provider, places, &score) : runIdea(e, provider, places, &score);
    if (!spec) return score;
    scoreSpec(e, spec, domainWords, &score);
    if (!places.shots.empty()) captureScreens(spec, places.shots, fileNameFromId(e.id) + "-", "", ImVec2(0, 0), false, &score.shots);
    return score;
}

//-----------------------------------------------------------------------------
// [SECTION] Verb
//-----------------------------------------------------------------------------

// The entries --style and --id ask for (all when neither is given).
std::vector<CorpusEntry> selected(const std::vector<CorpusEntry>& corpus, const Args& a) {
    std::vector<std::string> styles = a.all("--style"), ids = a.all("--id");
    std::vector<CorpusEntry> out;
    for (const CorpusEntry& e : corpus) {
        bool styleOk = styles.empty() || std::find(styles.begin(), styles.end(), e.style) != styles.end();
        bool idOk = ids.empty() || std::find(ids.begin(), ids.end(), e.id) != ids.end();
        if (styleOk && idOk) out.push_back(e);
    }
    return out;
}

// The folders of a run: under -o DIR, else a temporary folder removed at the end.
bool preparePlaces(const Args& a, EvalPlaces* places, std::string* scratch) {
    std::string out = a.get("-o");
    fs::path specs = out.empty() ? fs::temp_directory_path() / ("promptotype-eval-" + std::to_string(::getpid())) : fs::path(out) / "specs";
    std::error_code ec;
    fs::create_directories(specs, ec);
    if (ec) { std::cerr << "promptotype eval: " << specs.string() << ": cannot create the folder: " << ec.message() << "\n"; return false; }
    places->specs = specs.string();
    if (out.empty()) *scratch = places->specs;
    else places->shots = (fs::path(out) / "shots").string();
    return true;
}

int cmdEval(const Args& a) {
    if (a.positional.size() != 1) {
        std::cerr << "usage: promptotype eval CORPUS.jsonl [--provider NAME] [--model NAME] [--command CMD] [-o DIR] [--style S] [--id ID]\n";
        return 2;
    }
    const std::string& path = a.positional[0];
    std::vector<CorpusEntry> corpus;
    std::vector<std::string> skipped;
    std::string error;
    if (!readCorpus(path, &corpus, &skipped, &error)) { std::cerr << "promptotype eval: " << error << "\n"; return 2; }
    for (const std::string& s : skipped) std::cerr << "promptotype eval: " << s << "\n";
    std::vector<CorpusEntry> entries = selected(corpus, a);
    if (entries.empty()) { std::cerr << "promptotype eval: no entry of " << path << " matches --style/--id\n"; return 2; }
    int code = 0;
    auto provider = providerFor(a, &code);
    if (!provider) return code;
    EvalPlaces places;
    std::string scratch;
    if (!preparePlaces(a, &places, &scratch)) return 2;
    cancelOnCtrlC();
    DomainWords domainWords(corpus);
    TimedProvider timed(*provider);
    std::vector<EntryScore> scores;
    auto start = std::chrono::steady_clock::now();
    std::cout << "eval of " << entries.size() << " entries of " << path << " with " << provider->label() << "\n" << entryTableHeader();
    for (const CorpusEntry& e : entries) {
        if (cancelRequested()) break;
        scores.push_back(evaluate(e, timed, domainWords, places));
        std::cout << entryTableLine(scores.back()) << std::flush;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<StyleSummary> summaries = summarizeByStyle(scores);
    std::cout << "\n" << styleTable(summaries);
    std::fprintf(stdout, "%zu entries in %.2f s (%.1f ms each, scoring%s included)\n", scores.size(), seconds,
                 scores.empty() ? 0.0 : seconds * 1000 / scores.size(), places.shots.empty() ? "" : " and screenshots");
    std::error_code ec;
    if (!scratch.empty()) fs::remove_all(scratch, ec);
    else {
        std::string jsonPath = (fs::path(a.get("-o")) / "eval.json").string();
        if (!writeFileAtomic(jsonPath, evalJson(path, provider->label(), scores, summaries).dump(2) + "\n", &error)) {
            std::cerr << "promptotype eval: " << jsonPath << ": " << error << "\n";
            return 1;
        }
        std::cout << jsonPath << "\n";
    }
    return cancelRequested() ? 130 : 0;
}

const VerbRegistrar registrar({
    {"eval", 15, "eval CORPUS.jsonl [--provider NAME] [--model NAME] [--command CMD] [-o DIR] [--style S] [--id ID]",
     "run a corpus of requests through the generator (change requests through refine on a draft) and score each: valid, dead controls, "
     "unreachable screens, term checks, requirements covered, style colours, foreign text, time, tokens; -o DIR writes eval.json and shots/",
     cmdEval},
});

} // namespace
} // namespace pt::cli
