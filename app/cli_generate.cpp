// Promptotype — verbs that generate: the main job ("IDEA"), generate, prompt, providers.
//
// The main job generates on a worker thread while the window shows the prototype as it is written (SpecFeed);
// `generate` only writes the file. Both record the first version in the spec's history and report in the terminal.
//
// [SECTION] Providers and progress
// [SECTION] One generation
// [SECTION] Verbs

#include "app/cli.h"
#include "generator/generator.h"
#include "generator/offline/offline_drafter.h"
#include "generator/provider.h"
#include "generator/system_prompt.h"
#include "meeting/spec_history.h"
#include "runtime/headless/inspector.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/token_count.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace pt::cli {

//-----------------------------------------------------------------------------
// [SECTION] Providers and progress
//-----------------------------------------------------------------------------

std::unique_ptr<LlmProvider> providerFor(const Args& a, int* exitCode) {
    ProviderConfig config = ProviderConfig::load();
    if (!config.error.empty()) std::cerr << "promptotype: " << config.error << " (config file ignored)\n";
    ProviderSettings settings = resolveProvider(config, a.get("--provider"), a.get("--model"), a.get("--command"));
    std::string error;
    auto provider = makeProvider(settings, &error);
    if (!provider) { std::cerr << "promptotype: " << error << "\n"; *exitCode = 2; }
    return provider;
}

namespace {

// One line for the terminal and the window:
// "openai gpt-4o · streaming · 12.4 s · 1830 tokens (o200k estimate, ±2%) · writing 'stats' (2 screens ready)".
std::string progressLine(const std::string& generator, const GenerationProgress& p) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " · %.1f s · %d tokens (o200k estimate, ±%d%%)", p.elapsedSec, p.tokens, kSpecTokenCountErrorPercent);
    std::string line = generator + " · " + p.phase + buf;
    if (!p.currentScreen.empty()) line += " · writing '" + p.currentScreen + "'";
    if (p.screensDone > 0) line += " (" + std::to_string(p.screensDone) + (p.screensDone == 1 ? " screen" : " screens") + " ready)";
    if (!p.note.empty()) line += " · " + p.note;
    return line;
}

// The parallel path's calls, one entry per screen, `separator` between them: "plan ready · today writing 212 tok
// 48 tok/s · stats waiting". A screen written in parts is one entry: its busiest status, the parts ready, its tokens and
// each writing part's rate ("today writing, 1/3 parts ready 301 tok 48+51 tok/s").
std::string callsLine(const GenerationProgress& p, const char* separator) {
    static const std::vector<std::string> busiest{"failed", "repairing", "writing", "waiting", "ready"};
    std::string out;
    for (size_t i = 0; i < p.calls.size();) {
        size_t end = i + 1;
        while (end < p.calls.size() && !p.calls[i].screen.empty() && p.calls[end].screen == p.calls[i].screen) ++end;
        std::string status = "ready", rates;
        int tokens = 0, ready = 0;
        for (size_t k = i; k < end; ++k) {
            const CallProgress& c = p.calls[k];
            auto rank = [&](const std::string& s) { return std::find(busiest.begin(), busiest.end(), s) - busiest.begin(); };
            if (rank(c.status) < rank(status)) status = c.status;
            tokens += c.tokens;
            ready += c.status == "ready";
            if (c.status == "writing" || c.status == "repairing") {
                char rate[16];
                std::snprintf(rate, sizeof rate, "%.0f", c.tokensPerSec);
                rates += (rates.empty() ? "" : "+") + std::string(rate);
            }
        }
        out += (out.empty() ? "" : separator) + (p.calls[i].screen.empty() ? p.calls[i].name : p.calls[i].screen) + " " + status;
        if (end - i > 1 && status != "ready") out += ", " + std::to_string(ready) + "/" + std::to_string(end - i) + " parts ready";
        if (!rates.empty()) out += " " + std::to_string(tokens) + " tok " + rates + " tok/s";
        i = end;
    }
    return out;
}

// Terminal progress: rewritten in place on a terminal (at most 10 times a second), one line per phase otherwise.
class TerminalProgress {
public:
    explicit TerminalProgress(std::string generator) : m_generator(std::move(generator)), m_tty(isatty(2)) {}
    void update(const GenerationProgress& p) {
        auto now = std::chrono::steady_clock::now();
        std::string calls = callsLine(p, " · "), statuses;
        for (auto& c : p.calls) statuses += c.name + c.status;
        bool phaseChanged = p.phase != m_phase || p.screensDone != m_screens || statuses != m_statuses;
        if (m_tty ? (!phaseChanged && now - m_last < std::chrono::milliseconds(100)) : !phaseChanged) return;
        m_last = now;
        m_phase = p.phase;
        m_screens = p.screensDone;
        m_statuses = statuses;
        std::string line = progressLine(m_generator, p) + (calls.empty() ? "" : " | " + calls);
        if (m_tty) std::cerr << "\r\033[K" << line.substr(0, 200) << std::flush;
        else std::cerr << line << "\n";
    }
    void done() { if (m_tty) std::cerr << "\r\033[K" << std::flush; }

private:
    std::string m_generator, m_phase, m_statuses;
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

//-----------------------------------------------------------------------------
// [SECTION] One generation
//-----------------------------------------------------------------------------

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
    if (r.calls > 1)
        std::cerr << r.calls << " model calls · " << r.inputTokens << " input tokens (" << r.reusedPromptTokens
                  << " of them a repeated prompt prefix, which provider prompt caching can serve) · " << r.outputTokens << " output tokens\n";
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

// The generation's version in the spec's history. It is announced before the generator writes the spec file, so a
// process killed between that write and the commit still has the file recorded as this generation (idea and
// generator kept), not as an import.
class GeneratedVersion {
public:
    GeneratedVersion(const std::string& specPath, const std::string& idea, const std::string& generator) : m_history(specPath), m_idea(idea) {
        std::string error;
        if (!m_history.open(&error) || !m_history.announce("generate", idea, generator, &error)) say(error);
    }
    // Records the bytes the generator wrote, or withdraws the announcement when nothing was written.
    void finish(const GenerationResult& r) {
        std::string error;
        bool ok = r.written ? m_history.commit(r.text, "generate", m_idea, r.generator, &error) != 0 : m_history.withdraw(&error);
        if (!ok) say(error);
    }

private:
    static void say(const std::string& error) { std::cerr << "promptotype: history: " << error << "\n"; }
    SpecHistory m_history;
    std::string m_idea;
};

// Hands the generation's end to the window: the compiled result and its bytes, or why there is none.
void finishFeed(SpecFeed& feed, const GenerationResult& r) {
    std::vector<std::string> problems;
    for (auto& d : r.problems) problems.push_back(d.format(r.written ? r.specPath : "answer"));
    if (!r.written) problems.insert(problems.begin(), r.error.empty() ? "generation failed" : r.error);
    feed.finish(r.spec, r.written ? r.specPath : "", r.text, problems, "Generated by " + r.generator);
}

// Generates into `out`, showing progress in the terminal and (when `feed` is set) the window.
GenerationResult runGeneration(LlmProvider& provider, const std::string& idea, const std::string& out, const Args& a,
                               std::shared_ptr<SpecFeed> feed) {
    GenerationOptions o;
    o.idea = idea;
    o.outPath = out;
    o.fresh = a.has("--fresh");
    o.parallel = !a.has("--sequential");
    std::string name = provider.label();
    TerminalProgress terminal(name);
    auto onProgress = [&](const GenerationProgress& p) {
        terminal.update(p);
        std::string calls = callsLine(p, "\n");
        if (feed) feed->setStatus(progressLine(name, p) + (calls.empty() ? "" : "\n" + calls));
    };
    auto onPartial = [&](const Json& doc, const std::vector<std::string>& pendingState) {
        if (!feed) return;
        if (auto spec = SpecLoader::loadJson(doc).spec) {
            spec->pendingState = pendingState;
            feed->publish(spec);
        }
    };
    GeneratedVersion version(out, idea, name);
    GenerationResult r = generateSpec(o, provider, onProgress, onPartial, &cancelRequested());
    terminal.done();
    version.finish(r);
    if (feed) finishFeed(*feed, r);
    return r;
}

//-----------------------------------------------------------------------------
// [SECTION] Verbs
//-----------------------------------------------------------------------------

int cmdGenerate(const Args& a) {
    if (a.positional.size() != 1) { std::cerr << "usage: promptotype generate IDEA [-o FILE] [--provider NAME] [--model NAME] [--fresh] [--sequential] [--force]\n"; return 2; }
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
    cancelOnCtrlC();
    GenerationResult r = runGeneration(*provider, idea, out, a, nullptr);
    return reportGeneration(r, provider->name(), idea);
}

// The main job: idea -> spec file in the current folder -> window (PNGs without a display).
int cmdIdea(const Args& a) {
    if (a.positional.size() != 1) { std::cerr << "promptotype: put the idea in quotes: promptotype \"a habit tracker with streaks\"\n"; return 2; }
    const std::string& idea = a.positional[0];
    int code = 0;
    auto provider = providerFor(a, &code);
    if (!provider) return code;
    std::string out = a.get("-o");
    if (out.empty()) out = uniquePath(specFileNameForIdea(idea));
    else if (std::error_code ec; fs::exists(out, ec)) out = uniquePath(out);
    std::cerr << "writing " << out << "\n";
    cancelOnCtrlC();
    auto feed = std::make_shared<SpecFeed>();
    GenerationResult result;
    std::thread worker([&] {
        result = runGeneration(*provider, idea, out, a, feed);
        code = reportGeneration(result, provider->name(), idea);
    });
    AppWindowOptions opts = windowOptions(a, out);
    opts.feed = feed;
    opts.quit = &cancelRequested();
    std::string why;
    bool shown = runAppWindow(waitingSpec(idea), opts, &why);
    if (shown && !feed->view().finished) cancelRequested() = true;  // the window closed before the model finished
    worker.join();
    if (shown || !result.written) return code;
    int shots = writeShotsInstead(result.spec, out, why, opts.dark);
    return code ? code : shots;
}

int cmdPrompt(const Args&) {
    std::string prompt = systemPrompt();
    std::cout << prompt;
    std::cerr << "system prompt: " << prompt.size() << " bytes, " << countTokens(prompt) << " tokens (o200k estimate, ±" << kSpecTokenCountErrorPercent
              << "%), version " << promptVersion() << "\n";
    return 0;
}

int cmdProviders(const Args&) {
    std::cout << describeProviders(ProviderConfig::load());
    return 0;
}

const VerbRegistrar registrar({
    {nullptr, 0, "\"IDEA\" [--provider NAME] [--model NAME] [--fresh] [--sequential] [-o FILE]",
     "the main job: generate a prototype for the idea, save it in this folder (never overwriting) and open it; a plan call, then one "
     "call per screen in parallel, screens appearing as they are written (--sequential: one call writes the whole app)", cmdIdea},
    {"generate", 1, "generate IDEA [-o FILE] [--provider openai|anthropic|command|offline] [--model NAME] [--command CMD] [--fresh] [--sequential] [--force]",
     "only write the spec file (default name from the idea); every call's raw answer is saved beside it as NAME.raw.txt", cmdGenerate},
    {"prompt", 2, "prompt", "print the LLM system prompt (built from the widget catalog); its size goes to stderr", cmdPrompt},
    {"providers", 3, "providers", "show which LLM providers are configured (keys masked) and which one would be used", cmdProviders},
});

} // namespace
} // namespace pt::cli
