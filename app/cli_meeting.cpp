// Promptotype — verbs of meeting mode: run (the window), play (steps, headless), refine, history, diff, report.
//
// Each opens a Meeting (meeting/meeting.h) on the spec file, as the window does, so versions, reactions and sessions
// are kept the same way whichever way in; refinements go through the configured provider (refineWith).
//
// [SECTION] Refinement through the configured provider
// [SECTION] Verbs: run, play, refine
// [SECTION] Verbs: history, diff, report

#include "app/cli.h"
#include "generator/generator.h"
#include "generator/provider.h"
#include "generator/refiner.h"
#include "meeting/meeting.h"
#include "meeting/report.h"
#include "meeting/spec_history.h"
#include "meeting/step_runner.h"
#include "runtime/headless/headless.h"
#include "runtime/headless/raster.h"
#include "runtime/spec/files.h"
#include "runtime/spec/spec_diff.h"
#include "runtime/spec/spec_loader.h"
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

namespace pt::cli {

//-----------------------------------------------------------------------------
// [SECTION] Refinement through the configured provider
//-----------------------------------------------------------------------------

namespace {

// What the meeting needs of a refinement: the document compiled, its bytes for the file, or why nothing changed.
RefineOutcome outcomeOf(const RefineResult& r) {
    RefineOutcome out;
    out.ok = r.ok;
    if (r.ok) out.text = formatSpec(r.doc);
    out.spec = r.spec;
    out.summary = r.summary;
    out.generator = r.generator;
    out.unsupported = r.unsupported;
    out.already = r.already;
    out.error = r.error;
    if (!r.ok && !r.problems.empty() && !r.unsupported) out.error += " (" + r.problems.back() + ")";
    return out;
}

} // namespace

RefineFunction refineWith(const Args& a, const std::string& specPath) {
    ProviderConfig config = ProviderConfig::load();
    ProviderSettings settings = resolveProvider(config, a.get("--provider"), a.get("--model"), a.get("--command"));
    std::string rawPath = besideSpec(specPath, ".refine-raw.txt");
    return [settings, rawPath, specPath](const Json& doc, const std::string& request, const std::string& scope, const std::atomic<bool>* cancel) {
        RefineOutcome failed;
        auto provider = makeProvider(settings, &failed.error);
        if (!provider) return failed;
        RefineOptions o;
        o.request = request;
        o.scope = scope;
        o.file = specPath;
        RefineResult r = refineSpec(doc, o, *provider, nullptr, cancel);
        std::string ignored;
        if (!r.rawAnswer.empty()) writeFileAtomic(rawPath, r.rawAnswer, &ignored, Symlinks::Refuse);  // kept for a look when a refinement goes wrong
        return outcomeOf(r);
    };
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Verbs: run, play, refine
//-----------------------------------------------------------------------------

int cmdRun(const Args& a) {
    if (a.positional.size() != 1) { std::cerr << "usage: promptotype run SPEC [--device phone|tablet|desktop] [--dark]\n"; return 2; }
    const std::string& path = a.positional[0];
    LoadedSpec loaded = loadForRender(path);
    if (!loaded.spec) return loaded.exitCode;
    AppWindowOptions opts = windowOptions(a, path);
    opts.specPath = path;
    opts.specText = loaded.text;
    opts.session = a.get("--session");
    opts.share = a.has("--share");
    std::string why;
    if (runAppWindow(loaded.spec, opts, &why)) return 0;
    return writeShotsInstead(loaded.spec, path, why, opts.dark);
}

// What `play --print` can show, by name.
struct Printable {
    const char* name;
    void (*print)(HeadlessDriver& d);
};
const Printable kPrintables[] = {
    {"screen", [](HeadlessDriver& d) { std::cout << d.proto().currentScreen() << "\n"; }},
    {"state", [](HeadlessDriver& d) { std::cout << d.proto().state().dump(2) << "\n"; }},
    {"texts", [](HeadlessDriver& d) { for (auto& t : d.proto().texts()) std::cout << t << "\n"; }},
};

const Printable* findPrintable(const std::string& name) {
    for (const Printable& p : kPrintables)
        if (name == p.name) return &p;
    return nullptr;
}

// Runs the steps (a demo replay first with --demo); false after the first that fails, which is reported.
bool playSteps(StepRunner& runner, const Args& a, const std::string& path) {
    std::vector<std::string> steps = a.all("--step");
    if (a.has("--demo")) steps.insert(steps.begin(), "replay");
    for (size_t i = 0; i < steps.size(); ++i) {
        std::string error, said;
        if (!runner.run(steps[i], &error, &said)) {
            std::cerr << path << ": step " << i + 1 << " '" << steps[i] << "': " << error << "\n";
            return false;
        }
        if (!said.empty()) std::cerr << said << "\n";
    }
    return true;
}

// After the steps: notices and runtime messages, then --shot, then --print (the screen last, for scripts to read).
int showPlayed(HeadlessDriver& d, Meeting& meeting, const Args& a, const std::string& path) {
    for (auto& n : meeting.takeNotices()) std::cerr << path << ": " << n << "\n";
    for (auto& m : d.proto().messages()) std::cerr << path << ": runtime: " << m << "\n";
    std::string error;
    if (a.has("--shot") && !writePng(a.get("--shot"), d.capture(), &error)) { std::cerr << a.get("--shot") << ": " << error << "\n"; return 1; }
    auto prints = a.all("--print");
    std::stable_partition(prints.begin(), prints.end(), [](const std::string& p) { return p != "screen"; });
    for (auto& p : prints) findPrintable(p)->print(d);
    return 0;
}

int cmdPlay(const Args& a) {
    if (a.positional.size() != 1) {
        std::cerr << "usage: promptotype play SPEC --step STEP ... [--session NAME] [--as NAME] [--demo] [--provider NAME] [--print screen|state|texts] [--shot FILE]\nsteps:\n"
                  << StepRunner::help();
        return 2;
    }
    for (auto& p : a.all("--print"))
        if (!findPrintable(p)) { std::cerr << "--print wants screen, state or texts\n"; return 2; }
    const std::string& path = a.positional[0];
    LoadedSpec loaded = loadForRender(path);
    if (!loaded.spec) return loaded.exitCode;
    HeadlessDriver d(loaded.spec);
    Meeting meeting(d.proto(), path);
    std::string error;
    if (!meeting.open(loaded.text, &error)) { std::cerr << error << "\n"; return 1; }
    StepRunner runner(d, meeting, refineWith(a, path));
    d.settle();
    meeting.setPerson(a.get("--as"));
    if (a.has("--session")) meeting.startSession(a.get("--session"));
    if (!playSteps(runner, a, path)) return 1;
    meeting.endSession();
    return showPlayed(d, meeting, a, path);
}

int cmdRefine(const Args& a) {
    if (a.positional.size() != 2) { std::cerr << "usage: promptotype refine SPEC \"REQUEST\" [--provider NAME] [--model NAME]\n"; return 2; }
    const std::string& path = a.positional[0];
    LoadedSpec loaded = loadForRender(path);
    if (!loaded.spec) return loaded.exitCode;
    Prototype proto(loaded.spec);
    Meeting meeting(proto, path);
    std::string error, message;
    if (!meeting.open(loaded.text, &error)) { std::cerr << error << "\n"; return 1; }
    Json before = meeting.doc();
    cancelOnCtrlC();
    if (!meeting.refine(a.positional[1], refineWith(a, path), &message)) {
        std::cerr << path << ": " << message << "\n";
        return 1;
    }
    std::cerr << message << "\n";
    std::cout << formatChanges(compareSpecs(before, meeting.doc()));
    return 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Verbs: history, diff, report
//-----------------------------------------------------------------------------

int cmdHistory(const Args& a) {
    if (a.positional.size() != 1) { std::cerr << "usage: promptotype history SPEC\n"; return 2; }
    SpecHistory history(a.positional[0]);
    std::string error;
    if (!history.open(&error) || !history.syncWithFile(&error)) { std::cerr << error << "\n"; return history.versions().empty() ? 2 : 1; }
    for (auto& p : history.problems()) std::cerr << p << "\n";
    for (auto& v : history.versions()) {
        char head[64];
        std::snprintf(head, sizeof head, "%s v%-3d %s  %-8s ", v.number == history.current() ? "*" : " ", v.number, formatLocalTime(v.time).c_str(), v.kind.c_str());
        std::cout << head << v.summary << (v.generator.empty() ? "" : "  [" + v.generator + "]") << "\n";
    }
    std::cerr << history.versions().size() << " version(s); * = in the spec file now. `promptotype diff SPEC V1 V2` compares two\n";
    return 0;
}

int cmdDiff(const Args& a) {
    if (a.positional.empty() || a.positional.size() > 3) { std::cerr << "usage: promptotype diff SPEC [V1 [V2]]\n"; return 2; }
    SpecHistory history(a.positional[0]);
    std::string error;
    if (!history.open(&error) || !history.syncWithFile(&error)) { std::cerr << error << "\n"; return 2; }
    int to = a.positional.size() == 3 ? std::atoi(a.positional[2].c_str()) : history.current();
    const SpecVersion* target = history.version(to);
    int from = a.positional.size() >= 2 ? std::atoi(a.positional[1].c_str()) : (target ? target->parent : 0);
    if (a.positional.size() == 1 && from == 0) { std::cout << "only one version so far: nothing to compare\n"; return 0; }
    std::string before, after;
    if (!history.read(from, &before) || !history.read(to, &after)) {
        std::cerr << "no such version (" << a.positional[0] << " has v1..v" << history.versions().size() << "; see `promptotype history`)\n";
        return 2;
    }
    Json b, c;
    Diagnostic d;
    parseJsonText(before, &b, &d);
    parseJsonText(after, &c, &d);
    std::cout << "v" << from << " -> v" << to << (target ? " (" + target->kind + ": " + target->summary + ")" : "") << "\n"
              << formatChanges(compareSpecs(b, c));
    return 0;
}

// Everything the report is made of: each variant compiled, reactions, session events, versions.
ReportInput reportInput(const std::shared_ptr<const Spec>& spec, const std::string& path) {
    ReportInput in;
    in.specPath = path;
    for (auto& name : spec->variants) {
        LoadResult r = SpecLoader::loadVariant(spec->source, name, path);
        if (r.spec) in.variants.push_back({name, r.spec});
    }
    std::vector<std::string> problems;
    in.reactions = FeedbackLog(path).load(&problems);
    in.events = SessionLog(path).load(&problems);
    for (auto& p : problems) std::cerr << p << "\n";
    SpecHistory history(path);
    std::string error;
    if (!history.open(&error)) std::cerr << error << "\n";
    for (auto& p : history.problems()) std::cerr << p << "\n";
    in.versions = history.versions();
    in.currentVersion = history.current();
    in.generatedAt = (double)std::time(nullptr);
    return in;
}

int cmdReport(const Args& a) {
    if (a.positional.size() != 1 || !a.has("-o")) { std::cerr << "usage: promptotype report SPEC -o DIR\n"; return 2; }
    const std::string& path = a.positional[0];
    LoadedSpec loaded = loadForRender(path);
    if (!loaded.spec) return loaded.exitCode;
    ReportInput in = reportInput(loaded.spec, path);
    ReportResult r = writeReport(in, a.get("-o"));
    if (!r.ok) { std::cerr << "promptotype report: " << r.error << "\n"; return 1; }
    std::cerr << r.images.size() << " image(s), " << in.reactions.size() << " reaction(s), " << in.events.size() << " session event(s)\n";
    std::cout << r.markdownPath << "\n";
    return 0;
}

const VerbRegistrar registrar({
    {"run", 4, "run SPEC [--device phone|tablet|desktop] [--dark] [--session NAME] [--provider NAME] [--requirement N] [--share] [--frames N [--shot FILE]]",
     "open the prototype in meeting mode: presenter panel, refine in words (Ctrl+K), select and review modes, undo/redo (Ctrl+Z), variants, sessions, flow map, demo, share by link (--share: at once); hot-reloads on save (--frames: close after N frames, --shot: save the last one)", cmdRun},
    {"play", 7, "play SPEC --step STEP ... [--session NAME] [--as NAME] [--demo] [--provider NAME] [--print screen|state|texts] [--shot FILE]",
     "drive the prototype headlessly, step by step: click, type, select, refine, react, undo, variant, clock... (`promptotype play` lists them)", cmdPlay},
    {"refine", 8, "refine SPEC \"REQUEST\" [--provider NAME] [--model NAME]",
     "change the prototype in words; the spec is updated in place and the previous content stays in its history", cmdRefine},
    {"history", 9, "history SPEC", "list the spec's versions (generations, refinements, saved hand edits)", cmdHistory},
    {"diff", 10, "diff SPEC [V1 [V2]]", "what changed between two versions, per screen (default: the last change)", cmdDiff},
    {"report", 11, "report SPEC -o DIR", "write a Markdown follow-up: screens with pins and heat maps, flow map, reactions, session figures, versions", cmdReport},
});

} // namespace
} // namespace pt::cli
