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

namespace {

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
        std::string cacheDir = o.cacheDir.empty() ? defaultCacheDir() : o.cacheDir;
        if (cacheDir != "-" && !provider.deterministic()) {
            m_cacheDir = cacheDir;
            m_cacheFile = cacheDir + "/" + cacheKey(o.idea, provider) + ".json";
        }
    }

    GenerationResult run() {
        if (!m_cacheFile.empty() && !m_o.fresh && tryCache(m_cacheFile, m_o, m_res)) {
            m_res.totalSec = secondsSince(m_start);
            report("done (from cache)");
            return m_res;
        }
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
    // The text of one answer as it streams, and what the partial parser has seen of it.
    struct Stream {
        std::string text;
        int published = 0;             // screens in the last partial spec published
        size_t parsedAt = 0;           // text size at the last partial parse
        int depth = 0;                 // brackets open outside strings (a cheap running scan, not a parse)
        bool inString = false, escaped = false;
        bool due = false;              // something new may show: parse when the budget allows
        size_t countedTo = 0;          // text up to here (a line end) is counted in countedTokens
        int countedTokens = 0;

        // Tokens of the whole text so far: finished lines are counted once, the line being written each time.
        int tokens() {
            const size_t lineEnd = text.rfind('\n');
            if (lineEnd != std::string::npos && lineEnd + 1 > countedTo) {
                countedTokens += countTokens(std::string_view(text).substr(countedTo, lineEnd + 1 - countedTo));
                countedTo = lineEnd + 1;
            }
            return countedTokens + countTokens(std::string_view(text).substr(countedTo));
        }
    };

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
            LlmResult answer = ask(request, round);
            if (!keepRaw(round, answer)) return false;
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
    LlmResult ask(const LlmRequest& request, int round) {
        m_progress = GenerationProgress();
        report(round == 0 ? m_waiting : "repairing (round " + std::to_string(round) + " of " + std::to_string(m_o.maxRepairRounds) + ")");
        Stream stream;
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

    void received(std::string_view delta, bool firstRound, Stream& stream) {
        stream.text += delta;
        m_progress.bytes = stream.text.size();
        m_progress.tokens = stream.tokens();
        if (m_progress.phase == m_waiting) m_progress.phase = "streaming";
        if (firstRound && m_onPartial && worthParsing(delta, stream)) publishPartial(stream);
        m_progress.elapsedSec = secondsSince(m_start);
        if (m_onProgress) m_onProgress(m_progress);
    }

    // A partial parse reads the whole text so far, so it runs only when it may show something new (a screen or
    // a section opened or closed: a bracket at the document's top levels; or the text grew by a quarter), and
    // only while all partial parsing stays within kStreamParseWork times the text: total work is linear in the
    // answer. A parse the budget holds back runs as soon as the text has grown enough.
    bool worthParsing(std::string_view delta, Stream& stream) {
        for (char c : delta) {
            if (stream.inString) {
                if (stream.escaped) stream.escaped = false;
                else if (c == '\\') stream.escaped = true;
                else if (c == '"') stream.inString = false;
            } else if (c == '"') stream.inString = true;
            else if (c == '{' || c == '[') stream.due |= ++stream.depth == 3;
            else if ((c == '}' || c == ']') && stream.depth > 0) stream.due |= --stream.depth <= 2;
        }
        size_t size = stream.text.size();
        stream.due |= delta.find('}') != std::string_view::npos && size >= stream.parsedAt + stream.parsedAt / 4;
        return stream.due && m_res.partialParseBytes + size <= (size_t)limits::kStreamParseWork.value * size;
    }

    // The shell once nav has closed, then each time another screen has.
    void publishPartial(Stream& stream) {
        stream.parsedAt = stream.text.size();
        stream.due = false;
        m_res.partialParseBytes += stream.text.size();
        int done = 0;
        Json partial = partialSpecFromStream(stream.text, &m_progress.currentScreen, &done);
        m_progress.screensDone = done;
        if (partial.is_null() || (done <= stream.published && m_res.shellSec >= 0)) return;
        stream.published = done;
        if (m_res.shellSec < 0) m_res.shellSec = secondsSince(m_start);
        if (m_res.firstScreenSec < 0 && done > 0) m_res.firstScreenSec = secondsSince(m_start);
        m_onPartial(partial);
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
        std::string text = formatSpec(m_best.doc), error;
        if (!writeFileAtomic(m_o.outPath, text, &error)) { m_res.error = m_o.outPath + ": " + error; return; }
        m_res.written = true;
        m_res.specPath = m_o.outPath;
        m_res.doc = m_best.doc;
        m_res.spec = m_best.load.spec;
        m_res.text = std::move(text);
        m_res.problems = loadErrors(m_best.load);
        m_res.ok = m_res.problems.empty();
        if (m_res.ok) m_res.error.clear();
        if (m_res.ok && !m_cacheFile.empty()) storeCache(m_cacheDir, m_cacheFile, m_o, m_provider, m_res, m_rawLog);
    }

    const GenerationOptions& m_o;
    LlmProvider& m_provider;
    const ProgressFn& m_onProgress;
    const PartialSpecFn& m_onPartial;
    const std::atomic<bool>* m_cancel;
    const std::string m_waiting;            // the first phase's name
    const Clock::time_point m_start = Clock::now();
    std::string m_cacheDir, m_cacheFile;    // "" when the cache is not used
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
    return Generation(o, provider, onProgress, onPartial, cancel).run();
}

} // namespace pt
