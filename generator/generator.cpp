// Promptotype — Generator implementation. See generator.h.
//
// [SECTION] Files: names, formatting, cache
// [SECTION] Partial specs while streaming
// [SECTION] Generation

#include "generator/generator.h"
#include "generator/generation_internal.h"
#include "generator/lenient_json.h"
#include "generator/spec_repair.h"
#include "generator/system_prompt.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/files.h"
#include "runtime/spec/limits.h"
#include "runtime/spec/token_count.h"
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

std::string rawPathFor(const std::string& specPath) { return besideSpec(specPath, ".raw.txt"); }

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
            out += Json(k).dump(-1, ' ', false, Json::error_handler_t::replace) + ": ";
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
        if (obj) out += Json(it.key()).dump(-1, ' ', false, Json::error_handler_t::replace) + ": ";
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

namespace generation {

bool AnswerStream::append(std::string_view delta) {
    text += delta;
    for (char c : delta) {
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
        } else if (c == '"') inString = true;
        else if (c == '{' || c == '[') due |= ++depth == 3;
        else if ((c == '}' || c == ']') && depth > 0) {
            due |= --depth <= 2;
            if (depth >= 1 && depth <= watchDepth) due = memberClosed = true;
        }
    }
    due |= delta.find('}') != std::string_view::npos && text.size() >= parsedAt + parsedAt / 4;
    return due;
}

int AnswerStream::tokens() {
    const size_t lineEnd = text.rfind('\n');
    if (lineEnd != std::string::npos && lineEnd + 1 > countedTo) {
        countedTokens += countTokens(std::string_view(text).substr(countedTo, lineEnd + 1 - countedTo));
        countedTo = lineEnd + 1;
    }
    return countedTokens + countTokens(std::string_view(text).substr(countedTo));
}

void tallyCall(const LlmRequest& request, const LlmResult& answer, int streamedTokens, GenerationResult& res) {
    int input = answer.inputTokens;
    if (input <= 0) {
        input = countTokens(request.system);
        for (auto& m : request.messages) input += countTokens(m.content);
    }
    ++res.calls;
    res.inputTokens += input;
    res.outputTokens += answer.outputTokens > 0 ? answer.outputTokens : streamedTokens;
}

bool withinParseBudget(size_t parsedSoFar, size_t textSize) { return parsedSoFar + textSize <= (size_t)limits::kStreamParseWork.value * textSize; }

bool usable(const LoadResult& r) { return r.spec && !r.spec->screens.empty(); }

std::string cacheFileFor(const GenerationOptions& o, const LlmProvider& provider) {
    std::string dir = o.cacheDir.empty() ? defaultCacheDir() : o.cacheDir;
    if (dir == "-" || provider.deterministic()) return "";
    return dir + "/" + cacheKey(o.idea, provider) + ".json";
}

bool tryCache(const std::string& file, const GenerationOptions& o, GenerationResult& res) {
    Json entry;
    Diagnostic err;
    std::string stored;
    if (!readFileText(file, &stored) || !parseJsonText(stored, &entry, &err) || !entry.is_object() || !entry.contains("spec") || !entry["spec"].is_object()) return false;
    LoadResult load = SpecLoader::loadJson(entry["spec"], o.outPath);
    if (!usable(load) || load.hasErrors()) return false;
    std::string error;
    std::string raw = entry["raw"].is_string() ? entry["raw"].get<std::string>() : "";  // a damaged entry must not throw
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
    // The raw answer is the model's bytes, valid UTF-8 or not: replaced here, never a throw.
    writeFileAtomic(file, entry.dump(-1, ' ', false, Json::error_handler_t::replace), &error);  // a cache that cannot be written only costs speed next time
}

void writeResult(const SpecRepairResult& best, const GenerationOptions& o, const LlmProvider& provider, const std::string& cacheFile,
                 const std::string& rawLog, GenerationResult& res) {
    std::string text = formatSpec(best.doc), error;
    if (!writeFileAtomic(o.outPath, text, &error)) { res.error = o.outPath + ": " + error; return; }
    res.written = true;
    res.specPath = o.outPath;
    res.doc = best.doc;
    res.spec = best.load.spec;
    res.text = std::move(text);
    res.problems = loadErrors(best.load);
    res.ok = res.problems.empty();
    if (res.ok) res.error.clear();
    if (res.ok && !cacheFile.empty()) storeCache(fs::path(cacheFile).parent_path().string(), cacheFile, o, provider, res, rawLog);
}

} // namespace generation

std::string rawAnswerMarker(const std::string& generator, int round, const std::string& finishReason, const std::string& call) {
    return "----- " + generator + (call.empty() ? "" : ", " + call) + (round ? ", repair round " + std::to_string(round) : ", first answer") +
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

namespace {

using namespace generation;

// One generation, step by step: the cache, then rounds of asking the model (streaming partial specs), keeping
// every answer raw, ingesting it (parse or take the handed-over document, repair, keep the best), and at the end
// writing the best answer.
class Generation {
public:
    Generation(const GenerationOptions& o, LlmProvider& provider, const ProgressFn& onProgress, const PartialSpecFn& onPartial,
               const std::atomic<bool>* cancel)
        : m_o(o), m_provider(provider), m_onProgress(onProgress), m_onPartial(onPartial), m_cancel(cancel),
          m_waiting(provider.deterministic() ? "drafting" : "waiting for the model") {
        m_res.generator = provider.label();
        m_res.rawPath = rawPathFor(o.outPath);
        m_cacheFile = cacheFileFor(o, provider);
    }

    GenerationResult run() {
        if (!askUntilClean()) {  // the raw answer could not be saved: nothing else is written
            m_res.totalSec = secondsSince(m_start);
            return m_res;
        }
        writeBest();
        if (m_rawLog.empty()) m_res.rawPath.clear();
        m_res.totalSec = secondsSince(m_start);
        m_progress.currentScreen.clear();
        report(m_res.written ? "done" : "failed");
        return m_res;
    }

private:
    void report(const std::string& phase) {
        m_progress.phase = phase;
        m_progress.elapsedSec = secondsSince(m_start);
        if (m_onProgress) m_onProgress(m_progress);
    }

    // The first answer, then repair rounds while problems remain. False when a raw answer could not be saved.
    bool askUntilClean() {
        LlmRequest request;
        request.system = systemPrompt();
        request.messages.push_back({"user", ideaMessage(m_o.idea)});
        request.schema = answerSchema();
        request.idea = m_o.idea;
        for (int round = 0; round <= m_o.maxRepairRounds; ++round) {
            AnswerStream stream;
            LlmResult answer = ask(request, round, stream);
            if (!keepRaw(round, answer)) return false;
            tallyCall(request, answer, stream.tokens(), m_res);
            if (round == 0 && answer.ok) m_res.allScreensSec = secondsSince(m_start);
            m_res.repairRounds = round;
            if (answer.cancelled) { m_res.error = "cancelled"; break; }
            if (answer.text.empty()) { m_res.error = answer.error.empty() ? m_res.generator + " returned an empty answer" : answer.error; break; }
            // An answer that broke off (stall, reset, size cap, an error in the stream) is not a whole answer with
            // mistakes: repairing it would ask again and again for what the connection cannot deliver. Only an answer
            // cut off by the token limit is asked again, smaller.
            if (!answer.ok && !answer.truncated) {
                m_res.error = (answer.error.empty() ? m_res.generator + " stopped in the middle of the answer" : answer.error) +
                              "; the partial answer is in " + m_res.rawPath;
                break;
            }
            m_problems = ingest(answer);
            if (m_problems.empty() && !answer.truncated) break;
            if (round == m_o.maxRepairRounds) break;
            request.messages.push_back({"assistant", answer.text});
            request.messages.push_back({"user", repairMessage(m_problems, answer.truncated)});
        }
        return true;
    }

    // One answer, streamed: progress on every delta and, in the first round, partial specs as their parts close.
    LlmResult ask(const LlmRequest& request, int round, AnswerStream& stream) {
        m_progress = GenerationProgress();
        report(round == 0 ? m_waiting : "repairing (round " + std::to_string(round) + " of " + std::to_string(m_o.maxRepairRounds) + ")");
        LlmResult answer;
        try {
            answer = m_provider.complete(request, [&](std::string_view delta) { received(delta, round == 0, stream); }, m_cancel);
        } catch (const std::exception& e) {   // whatever went wrong, what arrived still reaches the raw file
            answer = LlmResult();
            answer.finishReason = "error";
            answer.error = m_res.generator + ": the answer could not be read (" + e.what() + ")";
        }
        if (answer.text.empty()) answer.text = stream.text;
        return answer;
    }

    void received(std::string_view delta, bool firstRound, AnswerStream& stream) {
        const bool due = stream.append(delta);
        m_progress.bytes = stream.text.size();
        m_progress.tokens = stream.tokens();
        if (m_progress.phase == m_waiting) m_progress.phase = "streaming";
        if (firstRound && m_onPartial && due && withinParseBudget(m_res.partialParseBytes, stream.text.size())) publishPartial(stream);
        m_progress.elapsedSec = secondsSince(m_start);
        if (m_onProgress) m_onProgress(m_progress);
    }

    // The shell once nav has closed, then each time another screen has.
    void publishPartial(AnswerStream& stream) {
        stream.parsed();
        m_res.partialParseBytes += stream.text.size();
        int done = 0;
        Json partial = partialSpecFromStream(stream.text, &m_progress.currentScreen, &done);
        m_progress.screensDone = done;
        if (partial.is_null() || (done <= stream.published && m_res.shellSec >= 0)) return;
        stream.published = done;
        if (m_res.shellSec < 0) m_res.shellSec = secondsSince(m_start);
        if (m_res.firstScreenSec < 0 && done > 0) m_res.firstScreenSec = secondsSince(m_start);
        m_onPartial(partial, {});
    }

    // Every answer is saved beside the spec as it arrives, so nothing the model said is lost. False when it cannot be.
    bool keepRaw(int round, const LlmResult& answer) {
        if (answer.text.empty()) return true;
        m_rawLog += rawAnswerMarker(m_res.generator, round, answer.finishReason) + answer.text + "\n";
        std::string error;
        if (writeFileAtomic(m_res.rawPath, m_rawLog, &error)) return true;
        m_res.error = m_res.rawPath + ": " + error;
        return false;
    }

    // The answer's document, near-misses repaired and compiled; kept when it is the best usable one so far.
    // Returns its errors (what the next repair round sends back).
    std::vector<Diagnostic> ingest(const LlmResult& answer) {
        LenientResult parsed = answerDocument(answer);
        if (!parsed.ok) return {parsed.error};
        Json& doc = parsed.doc;
        if (doc.contains("meta") && doc["meta"].is_object() && !doc["meta"].contains("idea")) doc["meta"]["idea"] = m_o.idea;
        SpecRepairResult repaired = repairSpec(doc, m_o.outPath);
        for (auto& f : repaired.fixes) m_res.fixes.push_back(f.pointer + ": " + f.message);
        std::vector<Diagnostic> problems = loadErrors(repaired.load);
        size_t score = problems.size() * 2 + (answer.truncated ? 1 : 0);  // a complete answer beats a cut-off one with as few errors
        if (usable(repaired.load) && score < m_bestScore) {
            m_best = std::move(repaired);
            m_bestScore = score;
        }
        return problems;
    }

    // The best answer becomes the spec file (and, when clean, the cache entry); without one, the result says why.
    void writeBest() {
        if (m_best.doc.is_null()) {
            if (!m_res.error.empty()) return;
            m_res.problems = m_problems;
            m_res.error = m_res.generator + " did not produce a usable spec after " + std::to_string(m_res.repairRounds) + " repair round(s)" +
                          (m_problems.empty() ? "" : ": " + m_problems.front().format("answer"));
            return;
        }
        writeResult(m_best, m_o, m_provider, m_cacheFile, m_rawLog, m_res);
    }

    const GenerationOptions& m_o;
    LlmProvider& m_provider;
    const ProgressFn& m_onProgress;
    const PartialSpecFn& m_onPartial;
    const std::atomic<bool>* m_cancel;
    const std::string m_waiting;            // the first phase's name
    const Clock::time_point m_start = Clock::now();
    std::string m_cacheFile;                // "" when the cache is not used
    GenerationResult m_res;
    GenerationProgress m_progress;
    std::string m_rawLog;                   // every round's answer, as received
    SpecRepairResult m_best;                // the best usable answer so far (doc null until there is one)
    size_t m_bestScore = SIZE_MAX;          // errors * 2 + truncated
    std::vector<Diagnostic> m_problems;     // of the latest answer
};

} // namespace

GenerationResult generateSpec(const GenerationOptions& o, LlmProvider& provider, const ProgressFn& onProgress,
                              const PartialSpecFn& onPartial, const std::atomic<bool>* cancel) {
    const auto start = generation::Clock::now();
    GenerationResult cached;
    cached.generator = provider.label();
    cached.rawPath = rawPathFor(o.outPath);
    if (std::string file = generation::cacheFileFor(o, provider); !file.empty() && !o.fresh && generation::tryCache(file, o, cached)) {
        cached.totalSec = generation::secondsSince(start);
        GenerationProgress done;
        done.phase = "done (from cache)";
        done.elapsedSec = cached.totalSec;
        if (onProgress) onProgress(done);
        return cached;
    }
    if (o.parallel && !provider.deterministic()) return generation::generatePlanned(o, provider, onProgress, onPartial, cancel);
    return Generation(o, provider, onProgress, onPartial, cancel).run();
}

} // namespace pt
