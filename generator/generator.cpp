// Promptotype — Generator implementation. See generator.h.
//
// [SECTION] Files: names, formatting, cache
// [SECTION] Partial specs while streaming
// [SECTION] Generation

#include "generator/generator.h"
#include "generator/lenient_json.h"
#include "generator/spec_repair.h"
#include "generator/system_prompt.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/files.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Files: names, formatting, cache
//-----------------------------------------------------------------------------

std::string specFileNameForIdea(std::string_view idea) {
    static const char* skip[] = {"a", "an", "the", "with", "and", "or", "for", "of", "to", "in", "on", "at", "by", "my", "our",
                                 "your", "i", "me", "we", "us", "that", "where", "which", "who", "can", "lets", "let", "so",
                                 "it", "is", "be", "from", "into", "app", "simple", "make", "build", "create", "want", "need"};
    std::vector<std::string> words;
    std::string w;
    auto flush = [&] {
        if (!w.empty() && std::none_of(std::begin(skip), std::end(skip), [&](const char* s) { return w == s; })) words.push_back(w);
        w.clear();
    };
    for (char c : idea) {
        if (std::isalnum((unsigned char)c) && (unsigned char)c < 128) w += (char)std::tolower((unsigned char)c);
        else if (c != '\'') flush();
        if (words.size() >= 5) break;
    }
    flush();
    if (words.size() > 5) words.resize(5);
    std::string name;
    for (auto& x : words) name += (name.empty() ? "" : "-") + x.substr(0, 24);
    return (name.empty() ? "prototype" : name) + ".json";
}

std::string uniquePath(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return path;
    fs::path p(path);
    std::string stem = p.stem().string(), ext = p.extension().string();
    for (int i = 2;; ++i) {
        fs::path candidate = p.parent_path() / (stem + "-" + std::to_string(i) + ext);
        if (!fs::exists(candidate, ec)) return candidate.string();
    }
}

std::string rawPathFor(const std::string& specPath) {
    fs::path p(specPath);
    return (p.parent_path() / (p.stem().string() + ".raw.txt")).string();
}

std::string defaultCacheDir() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/promptotype";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/promptotype";
    return ".promptotype-cache";
}

namespace {

void formatInline(const Json& j, std::string& out) {
    if (j.is_object() && !j.empty()) {
        out += '{';
        bool first = true;
        for (auto& [k, v] : j.items()) {
            out += first ? "" : ", ";
            out += Json(k).dump() + ": ";
            formatInline(v, out);
            first = false;
        }
        out += '}';
    } else if (j.is_array() && !j.empty()) {
        out += '[';
        for (size_t i = 0; i < j.size(); ++i) {
            if (i) out += ", ";
            formatInline(j[i], out);
        }
        out += ']';
    } else out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Containers that fit on a line stay on one line; others put one member per line, indented.
void formatBlock(const Json& j, int indent, std::string& out) {
    std::string flat;
    formatInline(j, flat);
    if (!j.is_structured() || j.empty() || flat.size() + indent <= 120) { out += flat; return; }
    std::string pad(indent + 1, ' ');
    bool obj = j.is_object();
    out += obj ? '{' : '[';
    size_t i = 0;
    for (auto it = j.begin(); it != j.end(); ++it, ++i) {
        out += i ? ",\n" + pad : "";
        if (obj) out += Json(it.key()).dump() + ": ";
        formatBlock(*it, indent + 1, out);
    }
    out += obj ? '}' : ']';
}

uint64_t fnv1a(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
    return h;
}

// Same idea (modulo case and spacing), provider, model and prompt -> same key.
std::string cacheKey(std::string_view idea, const LlmProvider& provider) {
    std::string norm;
    for (char c : idea) {
        if (std::isspace((unsigned char)c)) { if (!norm.empty() && norm.back() != ' ') norm += ' '; }
        else norm += (char)std::tolower((unsigned char)c);
    }
    while (!norm.empty() && norm.back() == ' ') norm.pop_back();
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx",
                  (unsigned long long)fnv1a(norm + "\n" + provider.name() + "\n" + provider.model() + "\n" + promptVersion()));
    return buf;
}

} // namespace

std::string formatSpec(const Json& doc) {
    std::string out;
    formatBlock(doc, 0, out);
    return out + "\n";
}

//-----------------------------------------------------------------------------
// [SECTION] Partial specs while streaming
//-----------------------------------------------------------------------------

namespace {


// "newHabit" -> "New habit": a title for a screen that is named but not written yet.
std::string titleFromId(const std::string& id) {
    std::string out;
    for (char c : id) {
        if (c == '_' || c == '-') { out += ' '; continue; }
        if (std::isupper((unsigned char)c) && !out.empty()) out += ' ', c = (char)std::tolower((unsigned char)c);
        out += out.empty() ? (char)std::toupper((unsigned char)c) : c;
    }
    return out;
}

// Screens the finished `nav` names but the model has not written yet become skeletons, so the shell
// (tab bar or sidebar, theme, name) is whole from the moment `nav` closes.
void addSkeletonScreens(Json& doc, const PartialJson& pj) {
    auto nav = doc.find("nav");
    if (nav == doc.end() || !nav->is_object() || isOpen(pj, "/nav")) return;
    std::vector<std::pair<std::string, std::string>> named;  // id, title
    if (auto items = nav->find("items"); items != nav->end() && items->is_array())
        for (auto& it : *items) {
            if (it.is_string()) named.push_back({it.get<std::string>(), titleFromId(it.get<std::string>())});
            else if (it.is_object() && it.contains("screen") && it["screen"].is_string()) {
                std::string id = it["screen"].get<std::string>();
                auto label = it.find("label");
                named.push_back({id, label != it.end() && label->is_string() ? label->get<std::string>() : titleFromId(id)});
            }
        }
    if (auto start = nav->find("start"); start != nav->end() && start->is_string()) named.push_back({start->get<std::string>(), titleFromId(start->get<std::string>())});
    if (!doc.contains("screens") || !doc["screens"].is_object()) doc["screens"] = Json::object();
    for (auto& [id, title] : named)
        if (!id.empty() && !doc["screens"].contains(id))
            doc["screens"][id] = {{"title", title}, {"body", Json::array({Json{{"skeleton", 3}, {"avatar", true}}, Json{{"skeleton", 4}}, Json{{"skeleton", 2}}})}};
}

} // namespace

Json partialSpecFromStream(std::string_view prefix, std::string* currentScreen, int* screensDone) {
    *screensDone = 0;
    PartialJson pj;
    if (!parsePartial(prefix, &pj) || !pj.value.is_object()) return nullptr;
    Json doc = pj.value;
    // Only closed parts are shown: a half-written screen or overlay would flicker as it grows.
    for (std::string section : {"screens", "overlays", "components", "actions", "mocks"}) {
        auto it = doc.find(section);
        if (it == doc.end() || !it->is_object()) continue;
        std::vector<std::string> open;
        for (auto& [k, v] : it->items())
            if (isOpen(pj, "/" + section + "/" + escapePointer(k))) open.push_back(k);
        for (auto& k : open) it->erase(k);
        if (section == "screens") {
            if (!open.empty()) *currentScreen = open.back();
            *screensDone = (int)it->size();
        }
    }
    addSkeletonScreens(doc, pj);
    if (!doc.contains("screens") || doc["screens"].empty()) return nullptr;
    return doc;
}

//-----------------------------------------------------------------------------
// [SECTION] Generation
//-----------------------------------------------------------------------------

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// A document the runtime can open: it compiles to at least one screen.
bool usable(const LoadResult& r) { return r.spec && !r.spec->screens.empty(); }

bool tryCache(const std::string& file, const GenerationOptions& o, GenerationResult& res) {
    Json entry;
    Diagnostic err;
    std::string stored;
    if (!readFileText(file, &stored) || !parseJsonText(stored, &entry, &err) || !entry.is_object() || !entry.contains("spec") || !entry["spec"].is_object()) return false;
    LoadResult load = SpecLoader::loadJson(entry["spec"], o.outPath);
    if (!usable(load) || load.hasErrors()) return false;
    std::string error;
    std::string raw = entry.value("raw", std::string());
    if (!raw.empty() && !writeFileAtomic(res.rawPath, raw, &error)) return false;
    std::string text = formatSpec(entry["spec"]);
    if (!writeFileAtomic(o.outPath, text, &error)) { res.error = o.outPath + ": " + error; return false; }
    res.doc = entry["spec"];
    res.spec = load.spec;
    res.text = std::move(text);
    res.ok = res.written = res.fromCache = true;
    res.specPath = o.outPath;
    return true;
}

void storeCache(const std::string& dir, const std::string& file, const GenerationOptions& o, const LlmProvider& p, const GenerationResult& res,
                const std::string& raw) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    Json entry = {{"idea", o.idea}, {"provider", p.name()}, {"model", p.model()}, {"prompt_version", promptVersion()}, {"spec", res.doc}, {"raw", raw}};
    std::string error;
    writeFileAtomic(file, entry.dump(), &error);  // a cache that cannot be written only costs speed next time
}

} // namespace

std::string rawAnswerMarker(const std::string& generator, int round, const std::string& finishReason) {
    return "----- " + generator + (round ? ", repair round " + std::to_string(round) : ", first answer") +
           ", finish: " + (finishReason.empty() ? "?" : finishReason) + " -----\n";
}

LenientResult answerDocument(const LlmResult& answer) {
    if (answer.doc.is_null()) return parseLenient(answer.text);
    LenientResult handedOver;
    handedOver.ok = answer.doc.is_object();
    handedOver.doc = answer.doc;
    if (!handedOver.ok) handedOver.error.message = "the answer is not a JSON object";
    return handedOver;
}

std::vector<Diagnostic> loadErrors(const LoadResult& load) {
    std::vector<Diagnostic> out;
    for (auto& d : load.diagnostics)
        if (d.level == Diagnostic::Level::Error) out.push_back(d);
    return out;
}

GenerationResult generateSpec(const GenerationOptions& o, LlmProvider& provider, const ProgressFn& onProgress,
                              const PartialSpecFn& onPartial, const std::atomic<bool>* cancel) {
    const Clock::time_point start = Clock::now();
    GenerationResult res;
    res.generator = provider.label();
    res.rawPath = rawPathFor(o.outPath);
    std::string cacheDir = o.cacheDir.empty() ? defaultCacheDir() : o.cacheDir;
    bool useCache = cacheDir != "-" && !provider.deterministic();
    std::string cacheFile = useCache ? cacheDir + "/" + cacheKey(o.idea, provider) + ".json" : "";
    GenerationProgress progress;
    auto report = [&](const std::string& phase) {
        progress.phase = phase;
        progress.elapsedSec = secondsSince(start);
        if (onProgress) onProgress(progress);
    };
    if (useCache && !o.fresh && tryCache(cacheFile, o, res)) {
        res.totalSec = secondsSince(start);
        report("done (from cache)");
        return res;
    }

    LlmRequest request;
    request.system = systemPrompt();
    request.messages.push_back({"user", ideaMessage(o.idea)});
    request.schema = answerSchema();
    request.idea = o.idea;

    std::string rawLog;  // every round's answer, as received: saved beside the spec after each round
    Json best;
    LoadResult bestLoad;
    size_t bestScore = SIZE_MAX;  // errors * 2 + truncated: a complete answer beats a cut-off one with as few errors
    std::vector<Diagnostic> problems;  // of the latest answer
    const std::string waiting = provider.deterministic() ? "drafting" : "waiting for the model";
    for (int round = 0; round <= o.maxRepairRounds; ++round) {
        progress = GenerationProgress();
        report(round == 0 ? waiting : "repairing (round " + std::to_string(round) + " of " + std::to_string(o.maxRepairRounds) + ")");
        std::string text;
        int published = 0;
        Clock::time_point lastParse;
        size_t parsedBytes = 0;
        auto onText = [&](std::string_view delta) {
            text += delta;
            progress.bytes = text.size();
            if (progress.phase == waiting) progress.phase = "streaming";
            // Partial parses are linear in the answer so far, so they run only when something closed and
            // either 50 ms passed (slow streams show each screen at once) or the text grew by an eighth
            // (fast streams stay linear overall).
            if (round == 0 && onPartial && delta.find('}') != std::string_view::npos &&
                (std::chrono::duration<double>(Clock::now() - lastParse).count() >= 0.05 ||
                 text.size() - parsedBytes >= std::max<size_t>(256, text.size() / 8))) {
                lastParse = Clock::now();
                parsedBytes = text.size();
                int done = 0;
                Json partial = partialSpecFromStream(text, &progress.currentScreen, &done);
                progress.screensDone = done;
                if (!partial.is_null() && (done > published || res.shellSec < 0)) {
                    published = done;
                    if (res.shellSec < 0) res.shellSec = secondsSince(start);
                    if (res.firstScreenSec < 0 && done > 0) res.firstScreenSec = secondsSince(start);
                    onPartial(partial);
                }
            }
            progress.elapsedSec = secondsSince(start);
            if (onProgress) onProgress(progress);
        };
        LlmResult answer = provider.complete(request, onText, cancel);
        if (answer.text.empty()) answer.text = text;
        if (!answer.text.empty()) {
            rawLog += rawAnswerMarker(res.generator, round, answer.finishReason) + answer.text + "\n";
            std::string error;
            if (!writeFileAtomic(res.rawPath, rawLog, &error)) { res.error = res.rawPath + ": " + error; res.totalSec = secondsSince(start); return res; }
        }
        if (answer.cancelled) { res.error = "cancelled"; break; }
        if (answer.text.empty()) { res.error = answer.error.empty() ? res.generator + " returned an empty answer" : answer.error; break; }

        problems.clear();
        LenientResult parsed = answerDocument(answer);
        if (!parsed.ok) problems.push_back(parsed.error);
        else {
            if (parsed.doc.contains("meta") && parsed.doc["meta"].is_object() && !parsed.doc["meta"].contains("idea")) parsed.doc["meta"]["idea"] = o.idea;
            SpecRepairResult repaired = repairSpec(parsed.doc, o.outPath);
            for (auto& f : repaired.fixes) res.fixes.push_back(f.pointer + ": " + f.message);
            problems = loadErrors(repaired.load);
            size_t score = problems.size() * 2 + (answer.truncated ? 1 : 0);
            if (usable(repaired.load) && score < bestScore) {
                best = repaired.doc;
                bestLoad = repaired.load;
                bestScore = score;
            }
        }
        res.repairRounds = round;
        if (problems.empty() && !answer.truncated) break;
        if (!answer.ok && !answer.truncated && !answer.error.empty() && res.error.empty()) res.error = answer.error;
        if (round == o.maxRepairRounds) break;
        request.messages.push_back({"assistant", answer.text});
        request.messages.push_back({"user", repairMessage(problems, answer.truncated)});
    }

    if (!best.is_null()) {
        std::string text = formatSpec(best), error;
        if (!writeFileAtomic(o.outPath, text, &error)) res.error = o.outPath + ": " + error;
        else {
            res.written = true;
            res.specPath = o.outPath;
            res.doc = best;
            res.spec = bestLoad.spec;
            res.text = std::move(text);
            res.problems = loadErrors(bestLoad);
            res.ok = res.problems.empty();
            if (res.ok) res.error.clear();
            if (res.ok && useCache) storeCache(cacheDir, cacheFile, o, provider, res, rawLog);
        }
    } else if (res.error.empty()) {
        res.problems = problems;
        res.error = res.generator + " did not produce a usable spec after " + std::to_string(res.repairRounds) + " repair round(s)" +
                    (problems.empty() ? "" : ": " + problems.front().format("answer"));
    }
    if (rawLog.empty()) res.rawPath.clear();
    res.totalSec = secondsSince(start);
    progress.currentScreen.clear();
    report(res.written ? "done" : "failed");
    return res;
}

} // namespace pt
