// Promptotype — command-line tool.
//
// Verbs register in one table (name, usage, summary, function); `help` and README are written
// from it. Exit codes: 0 success, 1 the spec or a step failed, 2 usage error or unreadable file.
//
// [SECTION] Helpers
// [SECTION] Verbs: validate, schema, docs
// [SECTION] Verbs: shot, play, inspect
// [SECTION] Verbs: run
// [SECTION] Verbs: idea, generate, prompt, providers
// [SECTION] Verbs: refine, history, diff, report
// [SECTION] Verb table and main

#include "generator/generator.h"
#include "generator/offline/offline_drafter.h"
#include "generator/provider.h"
#include "generator/refiner.h"
#include "generator/system_prompt.h"
#include "app/app_window.h"
#include "runtime/headless/headless.h"
#include "runtime/headless/inspector.h"
#include "meeting/meeting.h"
#include "meeting/report.h"
#include "runtime/spec/spec_diff.h"
#include "meeting/spec_history.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/files.h"
#include "meeting/step_runner.h"
#include "runtime/spec/variants.h"
#include "runtime/spec/catalog.h"
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace pt;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

struct Args {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options;  // --name value (value "" for flags)

    std::string get(const std::string& name, const std::string& fallback = "") const {
        for (auto& [k, v] : options) if (k == name) return v;
        return fallback;
    }
    bool has(const std::string& name) const {
        for (auto& [k, v] : options) if (k == name) return true;
        return false;
    }
    std::vector<std::string> all(const std::string& name) const {
        std::vector<std::string> out;
        for (auto& [k, v] : options) if (k == name) out.push_back(v);
        return out;
    }
};

// Options that take a value; anything else starting with -- is a flag.
bool takesValue(const std::string& name) {
    static const char* withValue[] = {"-o", "--out", "--screen", "--size", "--step", "--print", "--device", "--frames", "--shot",
                                      "--provider", "--model", "--command", "--session", "--as"};
    for (const char* w : withValue) if (name == w) return true;
    return false;
}

bool parseArgs(int argc, char** argv, int first, Args* out, std::string* error) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.size() > 1 && a[0] == '-' && a != "-") {
            if (takesValue(a)) {
                if (i + 1 >= argc) { *error = a + " needs a value"; return false; }
                out->options.push_back({a == "--out" ? "-o" : a, argv[++i]});
            } else out->options.push_back({a, ""});
        } else out->positional.push_back(a);
    }
    return true;
}

// A spec file read and compiled once, for the verbs that render it; its bytes go to the meeting opened on it.
struct LoadedSpec {
    std::shared_ptr<const Spec> spec;  // null when unusable
    std::string text;                  // the file's bytes, as compiled
};

// Loads a spec for verbs that render it: problems go to stderr; the spec is null (and the exit code set) when unusable.
LoadedSpec loadForRender(const std::string& path, int* exitCode) {
    LoadedSpec loaded;
    // A file that cannot be read goes to the loader anyway: it says why.
    LoadResult r = readFileText(path, &loaded.text) ? SpecLoader::loadText(loaded.text, path) : SpecLoader::loadFile(path);
    std::cerr << r.format(path);
    if (r.unreadable) *exitCode = 2;
    else if (!r.spec) *exitCode = 1;
    else loaded.spec = r.spec;
    return loaded;
}

bool parseSize(const std::string& s, ImVec2* out) {
    int w = 0, h = 0;
    if (std::sscanf(s.c_str(), "%dx%d", &w, &h) != 2 || w < 100 || h < 100 || w > 8192 || h > 8192) return false;
    *out = ImVec2((float)w, (float)h);
    return true;
}

RefineFunction refineWith(const Args& a, const std::string& specPath);  // the configured provider, as the meeting's refiner

std::string safeFileName(const std::string& s) {
    std::string out;
    for (char c : s) out += (std::isalnum((unsigned char)c) || c == '-' || c == '_') ? c : '_';
    return out.empty() ? "screen" : out;
}

//-----------------------------------------------------------------------------
// [SECTION] Verbs: validate, schema, docs
//-----------------------------------------------------------------------------

int cmdValidate(const Args& a) {
    if (a.positional.empty()) { std::cerr << "usage: promptotype validate SPEC...\n"; return 2; }
    int code = 0;
    for (auto& path : a.positional) {
        LoadResult r = SpecLoader::loadFile(path);
        std::cerr << r.format(path);
        if (r.unreadable) code = 2;
        else if (r.hasErrors() || !r.spec) code = std::max(code, 1);
    }
    if (code == 0) std::cout << a.positional.size() << (a.positional.size() == 1 ? " spec is valid\n" : " specs are valid\n");
    return code;
}

int cmdSchema(const Args&) {
    std::cout << documentSchema().dump(2) << "\n";
    return 0;
}

int cmdDocs(const Args&) {
    std::cout << catalogMarkdown();
    return 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Verbs: shot, play, inspect
//-----------------------------------------------------------------------------

int writeShots(std::shared_ptr<const Spec> spec, const std::string& dir, const std::string& onlyScreen, ImVec2 size, bool dark) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) { std::cerr << dir << ": cannot create the folder: " << ec.message() << "\n"; return 2; }
    if (!onlyScreen.empty() && !spec->screen(onlyScreen)) {
        std::cerr << "no screen named '" << onlyScreen << "'\n";
        return 1;
    }
    HeadlessDriver driver(spec, size);
    if (dark) driver.proto().setTheme(true);
    for (auto& s : spec->screens) {
        if (!onlyScreen.empty() && s.id != onlyScreen) continue;
        driver.proto().showScreen(s.id);
        driver.settle();
        Image img = driver.capture();
        std::string path = (fs::path(dir) / (safeFileName(s.id) + ".png")).string();
        std::string error;
        if (!writePng(path, img, &error)) { std::cerr << path << ": " << error << "\n"; return 1; }
        std::cout << path << "\n";
    }
    return 0;
}

int cmdShot(const Args& a) {
    if (a.positional.size() != 1 || !a.has("-o")) { std::cerr << "usage: promptotype shot SPEC -o DIR [--screen ID] [--size WxH] [--dark]\n"; return 2; }
    ImVec2 size(0, 0);
    if (a.has("--size") && !parseSize(a.get("--size"), &size)) { std::cerr << "--size wants WIDTHxHEIGHT, e.g. 390x844\n"; return 2; }
    int code = 0;
    auto spec = loadForRender(a.positional[0], &code).spec;
    if (!spec) return code;
    return writeShots(spec, a.get("-o"), a.get("--screen"), size, a.has("--dark"));
}

void printWhat(HeadlessDriver& d, const std::string& what) {
    if (what == "state") std::cout << d.proto().state().dump(2) << "\n";
    else if (what == "texts") for (auto& t : d.proto().texts()) std::cout << t << "\n";
    else std::cout << d.proto().currentScreen() << "\n";
}

int cmdPlay(const Args& a) {
    if (a.positional.size() != 1) {
        std::cerr << "usage: promptotype play SPEC --step STEP ... [--session NAME] [--as NAME] [--demo] [--provider NAME] [--print screen|state|texts] [--shot FILE]\nsteps:\n"
                  << StepRunner::help();
        return 2;
    }
    for (auto& p : a.all("--print"))
        if (p != "screen" && p != "state" && p != "texts") { std::cerr << "--print wants screen, state or texts\n"; return 2; }
    const std::string& path = a.positional[0];
    int code = 0;
    LoadedSpec loaded = loadForRender(path, &code);
    if (!loaded.spec) return code;
    HeadlessDriver d(loaded.spec);
    Meeting meeting(d.proto(), path);
    std::string error;
    if (!meeting.open(loaded.text, &error)) { std::cerr << error << "\n"; return 1; }
    StepRunner runner(d, meeting, refineWith(a, path));
    d.settle();
    meeting.setPerson(a.get("--as"));
    if (a.has("--session")) meeting.startSession(a.get("--session"));
    std::vector<std::string> steps = a.all("--step");
    if (a.has("--demo")) steps.insert(steps.begin(), "replay");
    for (auto& step : steps) {
        std::string said;
        if (!runner.run(step, &error, &said)) {
            std::cerr << path << ": step '" << step << "': " << error << "\n";
            return 1;
        }
        if (!said.empty()) std::cerr << said << "\n";
    }
    meeting.endSession();
    for (auto& n : meeting.takeNotices()) std::cerr << path << ": " << n << "\n";
    for (auto& m : d.proto().messages()) std::cerr << path << ": runtime: " << m << "\n";
    if (a.has("--shot")) {
        if (!writePng(a.get("--shot"), d.capture(), &error)) { std::cerr << a.get("--shot") << ": " << error << "\n"; return 1; }
    }
    auto prints = a.all("--print");
    // screen is printed last so scripts can read it from the final line
    std::stable_partition(prints.begin(), prints.end(), [](const std::string& p) { return p != "screen"; });
    for (auto& p : prints) printWhat(d, p);
    return 0;
}

int cmdInspect(const Args& a) {
    if (a.positional.size() != 1) { std::cerr << "usage: promptotype inspect SPEC\n"; return 2; }
    int code = 0;
    auto spec = loadForRender(a.positional[0], &code).spec;
    if (!spec) return code;
    std::cout << inspectSpec(spec).dump(2) << "\n";
    return 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Verbs: run
//-----------------------------------------------------------------------------

int cmdRun(const Args& a) {
    if (a.positional.size() != 1) { std::cerr << "usage: promptotype run SPEC [--device phone|tablet|desktop] [--dark]\n"; return 2; }
    const std::string& path = a.positional[0];
    int code = 0;
    LoadedSpec loaded = loadForRender(path, &code);
    if (!loaded.spec) return code;
    AppWindowOptions opts;
    opts.specPath = path;
    opts.specText = loaded.text;
    opts.device = a.get("--device");
    opts.dark = a.has("--dark");
    opts.maxFrames = std::atoi(a.get("--frames", "0").c_str());
    opts.screenshot = a.get("--shot");
    opts.refine = refineWith(a, path);
    opts.session = a.get("--session");
    std::string why;
    if (runAppWindow(loaded.spec, opts, &why)) return 0;
    // No display: still useful, so write what the window would have shown.
    std::string dir = "promptotype-shots/" + safeFileName(fs::path(path).stem().string());
    std::cerr << "promptotype: no display available (" << why << "); writing a PNG of every screen to " << dir << "/ instead\n";
    return writeShots(loaded.spec, dir, "", ImVec2(0, 0), opts.dark);
}

//-----------------------------------------------------------------------------
// [SECTION] Verbs: idea, generate, prompt, providers
//-----------------------------------------------------------------------------

std::atomic<bool> g_cancel{false};  // raised by Ctrl-C (and by closing the window mid-generation)

extern "C" void onInterrupt(int) { g_cancel = true; }

// Builds the provider from --provider/--model/--command, the environment and the config file.
std::unique_ptr<LlmProvider> providerFor(const Args& a, int* exitCode) {
    ProviderConfig config = ProviderConfig::load();
    if (!config.error.empty()) std::cerr << "promptotype: " << config.error << " (config file ignored)\n";
    ProviderSettings settings = resolveProvider(config, a.get("--provider"), a.get("--model"), a.get("--command"));
    std::string error;
    auto provider = makeProvider(settings, &error);
    if (!provider) { std::cerr << "promptotype: " << error << "\n"; *exitCode = 2; }
    return provider;
}

// One line for the terminal and the window: "openai gpt-4o · 12.4 s · 1830 tokens · writing 'stats' (2 screens ready)".
std::string progressLine(const std::string& generator, const GenerationProgress& p) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " · %.1f s · %d tokens", p.elapsedSec, approxTokens(p.bytes));
    std::string line = generator + " · " + p.phase + buf;
    if (!p.currentScreen.empty()) line += " · writing '" + p.currentScreen + "'";
    if (p.screensDone > 0) line += " (" + std::to_string(p.screensDone) + (p.screensDone == 1 ? " screen" : " screens") + " ready)";
    return line;
}

// Terminal progress: rewritten in place on a terminal (at most 10 times a second), one line per phase otherwise.
class TerminalProgress {
public:
    explicit TerminalProgress(std::string generator) : m_generator(std::move(generator)), m_tty(isatty(2)) {}
    void update(const GenerationProgress& p) {
        auto now = std::chrono::steady_clock::now();
        bool phaseChanged = p.phase != m_phase || p.screensDone != m_screens;
        if (m_tty ? (!phaseChanged && now - m_last < std::chrono::milliseconds(100)) : !phaseChanged) return;
        m_last = now;
        m_phase = p.phase;
        m_screens = p.screensDone;
        std::string line = progressLine(m_generator, p);
        if (m_tty) std::cerr << "\r\033[K" << line << std::flush;
        else std::cerr << line << "\n";
    }
    void done() { if (m_tty) std::cerr << "\r\033[K" << std::flush; }

private:
    std::string m_generator, m_phase;
    bool m_tty;
    int m_screens = -1;
    std::chrono::steady_clock::time_point m_last;
};

// What the window shows before the first screen has arrived.
std::shared_ptr<const Spec> waitingSpec(const std::string& idea) {
    Json doc = {{"spec", 1},
                {"meta", {{"name", "Generating…"}, {"idea", idea}}},
                {"screens", {{"generating", {{"title", "Generating…"}, {"body", Json::array({
                    Json{{"text", idea}, {"style", "h3"}},
                    Json{{"text", "The first screen appears here as soon as it is written."}, {"muted", true}},
                    Json{{"skeleton", 3}, {"avatar", true}}, Json{{"skeleton", 4}}, Json{{"skeleton", 2}}})}}}}}};
    return SpecLoader::loadJson(doc).spec;
}

// What the offline drafter understood, so the PM sees why the draft looks as it does.
std::string describeReading(const std::string& idea) {
    IdeaReading reading = readIdea(idea);
    std::string entities, features;
    for (auto& e : reading.entities) entities += (entities.empty() ? "" : ", ") + e.plural;
    for (auto& f : reading.features) features += (features.empty() ? "" : ", ") + f;
    return "read the idea as: " + (reading.domain.empty() ? std::string("a new domain") : reading.domain) + " · " + reading.device +
           (entities.empty() ? "" : " · about " + entities) + (features.empty() ? "" : " · with " + features);
}

// Summary after a generation; returns the exit code.
int reportGeneration(const GenerationResult& r, const std::string& providerName, const std::string& idea) {
    if (!r.rawPath.empty()) std::cerr << "raw answer saved to " << r.rawPath << "\n";
    for (auto& f : r.fixes) std::cerr << "repaired " << f << "\n";
    if (!r.written) {
        std::cerr << "promptotype: " << (r.error.empty() ? "generation failed" : r.error) << "\n";
        for (auto& d : r.problems) std::cerr << d.format("answer") << "\n";
        return r.error == "cancelled" ? 130 : 1;
    }
    for (auto& d : r.problems) std::cerr << d.format(r.specPath) << "\n";
    char took[48];
    std::snprintf(took, sizeof took, "%.2f s", r.totalSec);
    std::cerr << "generated by " << r.generator << (r.fromCache ? " (cached result; --fresh regenerates)" : "") << " in " << took
              << (r.repairRounds ? ", " + std::to_string(r.repairRounds) + " repair round(s)" : "")
              << (r.ok ? "" : "; " + std::to_string(r.problems.size()) + " problem(s) left, shown as placeholders") << "\n";
    if (providerName == "offline")
        std::cerr << describeReading(idea) << "\n"
                  << "to use an LLM instead: set OPENAI_API_KEY (or OPENAI_BASE_URL for Ollama, llama.cpp, vLLM, LM Studio), "
                     "ANTHROPIC_API_KEY, or --provider command --command \"CMD\"; see `promptotype providers`\n";
    std::cout << r.specPath << "\n";
    return r.ok ? 0 : 1;
}

// Records the bytes just written to the spec file as a version in its history (the first of a generated spec).
void recordVersion(const std::string& specPath, const std::string& text, const std::string& kind, const std::string& summary,
                   const std::string& generator) {
    SpecHistory history(specPath);
    std::string error;
    if (!history.open(&error) || !history.commit(text, kind, summary, generator, &error)) std::cerr << "promptotype: history: " << error << "\n";
}

// Generates into `out`, showing progress in the terminal and (when `feed` is set) the window.
GenerationResult runGeneration(LlmProvider& provider, const std::string& idea, const std::string& out, bool fresh,
                               std::shared_ptr<SpecFeed> feed) {
    GenerationOptions o;
    o.idea = idea;
    o.outPath = out;
    o.fresh = fresh;
    std::string name = provider.label();
    TerminalProgress terminal(name);
    auto onProgress = [&](const GenerationProgress& p) {
        terminal.update(p);
        if (feed) feed->setStatus(progressLine(name, p));
    };
    auto onPartial = [&](const Json& doc) {
        if (feed)
            if (auto spec = SpecLoader::loadJson(doc).spec) feed->publish(spec);
    };
    GenerationResult r = generateSpec(o, provider, onProgress, onPartial, &g_cancel);
    terminal.done();
    if (r.written) recordVersion(r.specPath, r.text, "generate", idea, r.generator);
    if (feed) {
        std::vector<std::string> problems;
        for (auto& d : r.problems) problems.push_back(d.format(r.written ? r.specPath : "answer"));
        if (!r.written) problems.insert(problems.begin(), r.error.empty() ? "generation failed" : r.error);
        feed->finish(r.spec, r.written ? r.specPath : "", r.text, problems, "Generated by " + r.generator);
    }
    return r;
}

int cmdGenerate(const Args& a) {
    if (a.positional.size() != 1) { std::cerr << "usage: promptotype generate IDEA [-o FILE] [--provider NAME] [--model NAME] [--fresh] [--force]\n"; return 2; }
    const std::string& idea = a.positional[0];
    std::string out = a.get("-o", specFileNameForIdea(idea));
    std::error_code ec;
    if (!a.has("--force") && fs::exists(out, ec)) {
        std::cerr << "promptotype: " << out << " exists; pass --force to replace it (or choose another -o)\n";
        return 2;
    }
    int code = 0;
    auto provider = providerFor(a, &code);
    if (!provider) return code;
    std::signal(SIGINT, onInterrupt);
    GenerationResult r = runGeneration(*provider, idea, out, a.has("--fresh"), nullptr);
    return reportGeneration(r, provider->name(), idea);
}

// The main job: idea -> spec file in the current folder -> window (PNGs without a display).
int cmdIdea(const Args& a) {
    const std::string& idea = a.positional[0];
    int code = 0;
    auto provider = providerFor(a, &code);
    if (!provider) return code;
    std::string out = a.get("-o");
    if (out.empty()) out = uniquePath(specFileNameForIdea(idea));
    else if (std::error_code ec; fs::exists(out, ec)) out = uniquePath(out);
    std::cerr << "writing " << out << "\n";
    std::signal(SIGINT, onInterrupt);
    auto feed = std::make_shared<SpecFeed>();
    GenerationResult result;
    std::thread worker([&] {
        result = runGeneration(*provider, idea, out, a.has("--fresh"), feed);
        code = reportGeneration(result, provider->name(), idea);
    });
    AppWindowOptions opts;
    opts.device = a.get("--device");
    opts.dark = a.has("--dark");
    opts.maxFrames = std::atoi(a.get("--frames", "0").c_str());
    opts.screenshot = a.get("--shot");
    opts.feed = feed;
    opts.quit = &g_cancel;
    opts.refine = refineWith(a, out);
    std::string why;
    bool shown = runAppWindow(waitingSpec(idea), opts, &why);
    if (shown && !feed->view().finished) g_cancel = true;  // the window closed before the model finished
    worker.join();
    if (shown || !result.written) return code;
    std::string dir = "promptotype-shots/" + safeFileName(fs::path(out).stem().string());
    std::cerr << "promptotype: no display available (" << why << "); writing a PNG of every screen to " << dir << "/ instead\n";
    int shots = writeShots(result.spec, dir, "", ImVec2(0, 0), opts.dark);
    return code ? code : shots;
}

int cmdPrompt(const Args&) {
    std::string prompt = systemPrompt();
    std::cout << prompt;
    std::cerr << "system prompt: " << prompt.size() << " bytes, ~" << approxTokens(prompt) << " tokens (bytes/4), version " << promptVersion() << "\n";
    return 0;
}

int cmdProviders(const Args&) {
    std::cout << describeProviders(ProviderConfig::load());
    return 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Verbs: refine, history, diff, report
//-----------------------------------------------------------------------------

RefineFunction refineWith(const Args& a, const std::string& specPath) {
    ProviderConfig config = ProviderConfig::load();
    ProviderSettings settings = resolveProvider(config, a.get("--provider"), a.get("--model"), a.get("--command"));
    std::string rawPath = besideSpec(specPath, ".refine.raw.txt");
    return [settings, rawPath, specPath](const Json& doc, const std::string& request, const std::string& scope, const std::atomic<bool>* cancel) {
        RefineOutcome out;
        auto provider = makeProvider(settings, &out.error);
        if (!provider) return out;
        RefineOptions o;
        o.request = request;
        o.scope = scope;
        o.file = specPath;
        RefineResult r = refineSpec(doc, o, *provider, nullptr, cancel);
        std::string ignored;
        if (!r.rawAnswer.empty()) writeFileAtomic(rawPath, r.rawAnswer, &ignored);  // kept for a look when a refinement goes wrong
        out.ok = r.ok;
        if (r.ok) out.text = formatSpec(r.doc);
        out.spec = r.spec;
        out.summary = r.summary;
        out.generator = r.generator;
        out.unsupported = r.unsupported;
        out.error = r.error;
        if (!r.ok && !r.problems.empty() && !r.unsupported) out.error += " (" + r.problems.back() + ")";
        return out;
    };
}

int cmdRefine(const Args& a) {
    if (a.positional.size() != 2) { std::cerr << "usage: promptotype refine SPEC \"REQUEST\" [--provider NAME] [--model NAME]\n"; return 2; }
    const std::string& path = a.positional[0];
    int code = 0;
    LoadedSpec loaded = loadForRender(path, &code);
    if (!loaded.spec) return code;
    Prototype proto(loaded.spec);
    Meeting meeting(proto, path);
    std::string error, message;
    if (!meeting.open(loaded.text, &error)) { std::cerr << error << "\n"; return 1; }
    Json before = meeting.doc();
    std::signal(SIGINT, onInterrupt);
    if (!meeting.refine(a.positional[1], refineWith(a, path), &message)) {
        std::cerr << path << ": " << message << "\n";
        return 1;
    }
    std::cerr << message << "\n";
    std::cout << formatChanges(compareSpecs(before, meeting.doc()));
    return 0;
}

int cmdHistory(const Args& a) {
    if (a.positional.size() != 1) { std::cerr << "usage: promptotype history SPEC\n"; return 2; }
    SpecHistory history(a.positional[0]);
    std::string error;
    if (!history.open(&error) || !history.syncWithFile(&error)) { std::cerr << error << "\n"; return history.versions().empty() ? 2 : 1; }
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

int cmdReport(const Args& a) {
    if (a.positional.size() != 1 || !a.has("-o")) { std::cerr << "usage: promptotype report SPEC -o DIR\n"; return 2; }
    const std::string& path = a.positional[0];
    int code = 0;
    auto spec = loadForRender(path, &code).spec;
    if (!spec) return code;
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
    in.versions = history.versions();
    in.currentVersion = history.current();
    in.generatedAt = (double)std::time(nullptr);
    ReportResult r = writeReport(in, a.get("-o"));
    if (!r.ok) { std::cerr << "promptotype report: " << r.error << "\n"; return 1; }
    std::cerr << r.images.size() << " image(s), " << in.reactions.size() << " reaction(s), " << in.events.size() << " session event(s)\n";
    std::cout << r.markdownPath << "\n";
    return 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Verb table and main
//-----------------------------------------------------------------------------

struct Verb {
    const char* name;
    const char* usage;
    const char* summary;
    std::function<int(const Args&)> run;
};

const std::vector<Verb>& verbs() {
    static const std::vector<Verb> table = {
        {"\"IDEA\"", "\"IDEA\" [--provider NAME] [--model NAME] [--fresh] [-o FILE]",
         "the main job: generate a prototype for the idea, save it in this folder (never overwriting) and open it; screens appear while the model writes", nullptr},
        {"generate", "generate IDEA [-o FILE] [--provider openai|anthropic|command|offline] [--model NAME] [--command CMD] [--fresh] [--force]",
         "only write the spec file (default name from the idea); the raw answer is saved beside it as NAME.raw.txt", cmdGenerate},
        {"prompt", "prompt", "print the LLM system prompt (built from the widget catalog); its size goes to stderr", cmdPrompt},
        {"providers", "providers", "show which LLM providers are configured (keys masked) and which one would be used", cmdProviders},
        {"run", "run SPEC [--device phone|tablet|desktop] [--dark] [--session NAME] [--provider NAME] [--frames N [--shot FILE]]",
         "open the prototype in meeting mode: presenter panel, refine in words (Ctrl+K), select and review modes, undo/redo (Ctrl+Z), variants, sessions, flow map, demo; hot-reloads on save (--frames: close after N frames, --shot: save the last one)", cmdRun},
        {"validate", "validate SPEC...", "check specs; one line per problem (FILE:LINE:COL or FILE:/json/pointer); exit 0 valid, 1 invalid, 2 unreadable", cmdValidate},
        {"shot", "shot SPEC -o DIR [--screen ID] [--size WxH] [--dark]", "write one PNG per screen (no display needed)", cmdShot},
        {"play", "play SPEC --step STEP ... [--session NAME] [--as NAME] [--demo] [--provider NAME] [--print screen|state|texts] [--shot FILE]",
         "drive the prototype headlessly, step by step: click, type, select, refine, react, undo, variant, clock... (`promptotype play` lists them)", cmdPlay},
        {"refine", "refine SPEC \"REQUEST\" [--provider NAME] [--model NAME]",
         "change the prototype in words; the spec is updated in place and the previous content stays in its history", cmdRefine},
        {"history", "history SPEC", "list the spec's versions (generations, refinements, saved hand edits)", cmdHistory},
        {"diff", "diff SPEC [V1 [V2]]", "what changed between two versions, per screen (default: the last change)", cmdDiff},
        {"report", "report SPEC -o DIR", "write a Markdown follow-up: screens with pins and heat maps, flow map, reactions, session figures, versions", cmdReport},
        {"inspect", "inspect SPEC", "JSON: screens, widgets, edges, dead controls, unreachable screens, visible texts", cmdInspect},
        {"schema", "schema", "print the JSON Schema of the spec format (generated from the widget catalog)", cmdSchema},
        {"docs", "docs", "print the widget and action reference (Markdown, generated from the catalog)", cmdDocs},
    };
    return table;
}

int usage(std::ostream& out) {
    out << "promptotype — from a feature idea to a clickable prototype\n\nusage:\n";
    for (auto& v : verbs()) out << "  promptotype " << v.usage << "\n      " << v.summary << "\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage(std::cerr);
    std::string verb = argv[1];
    if (verb == "help" || verb == "--help" || verb == "-h") { usage(std::cout); return 0; }
    for (auto& v : verbs()) {
        if (verb != v.name || !v.run) continue;
        Args args;
        std::string error;
        if (!parseArgs(argc, argv, 2, &args, &error)) { std::cerr << "promptotype " << verb << ": " << error << "\n"; return 2; }
        return v.run(args);
    }
    // Not a verb: an idea, unless it is one word that looks like a mistyped verb.
    std::vector<std::string> names;
    for (auto& v : verbs()) if (v.run) names.push_back(v.name);
    if (verb.find(' ') == std::string::npos) {
        std::string hint = closestName(verb, names);
        std::cerr << "promptotype: unknown command '" << verb << "'"
                  << (hint.empty() ? " (to generate a prototype, describe the idea in a few words: promptotype \"a todo list with due dates\")"
                                   : " (did you mean '" + hint + "'?)") << "\n";
        return usage(std::cerr);
    }
    Args args;
    std::string error;
    if (!parseArgs(argc, argv, 1, &args, &error)) { std::cerr << "promptotype: " << error << "\n"; return 2; }
    if (args.positional.size() != 1) { std::cerr << "promptotype: put the idea in quotes: promptotype \"a habit tracker with streaks\"\n"; return 2; }
    return cmdIdea(args);
}
