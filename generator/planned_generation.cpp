// Promptotype — the parallel generation path: a plan call, then one call per screen, concurrently.
//
// The plan call writes the app shell (meta, theme, nav), a compact plan (the data model, then each screen's id,
// title, purpose and, for a screen with several sections, its parts), then the mock state, shared overlays and the
// requirements. As soon as the data model and a screen's entry have closed (the plan goes on streaming), that screen's
// calls start: one per part, or one for the whole screen (at most options.maxConcurrentCalls at a time, start screen
// first), each given the plan so far as the conversation and asked for that screen or part only. A screen's parts
// are joined in order: the first gives its title and bar, each adds its nodes to the body.
// Every call runs on its own thread; this thread reads their streams, publishes partial specs (the shell, then each
// screen as its answer arrives, state keys not written yet listed as pending), merges, validates and repairs: a
// screen with problems is sent back to its own call, alone. Every call's raw answer goes to the raw file as it
// ends, so a cancel or a crash loses nothing the model said.
//
// [SECTION] Reading the plan
// [SECTION] Calls
// [SECTION] PlannedGeneration

#include "generator/generation_internal.h"
#include "generator/lenient_json.h"
#include "generator/system_prompt.h"
#include "runtime/spec/files.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/token_count.h"
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace pt::generation {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Reading the plan
//-----------------------------------------------------------------------------

struct PlannedScreen {
    std::string id, title, purpose;
    std::vector<std::string> parts;     // the plan's sections, one call each; fewer than two: one call writes the screen
    int calls() const { return parts.size() > 1 ? (int)parts.size() : 1; }
    // The call writing part `part`: "today", or "today 2/3" when the screen is split.
    std::string callName(int part) const { return calls() == 1 ? id : id + " " + std::to_string(part + 1) + "/" + std::to_string(calls()); }
};

// More parts than this are folded into the last one: each part is a call, and a screen is only whole when all end.
constexpr size_t kMaxParts = 3;

// What the plan call has written so far: only closed parts count (a half-written value would flicker).
struct PlanReading {
    Json shell = Json::object();        // spec, meta, theme, nav: those that have closed
    bool navDone = false;               // nav has closed (or the answer has no nav and the plan has closed)
    bool planDone = false;              // the plan member has closed: every screen entry is known
    bool dataDone = false;              // plan.data has closed: a screen's calls may start once its entry has closed
    Json plan = Json::object();         // the plan's closed data and screen entries: what the screen calls are given
    std::vector<PlannedScreen> screens; // closed entries, in plan order
    std::vector<std::string> dataKeys;  // plan.data's keys: the state the screens will read
    Json state = Json::object();        // state keys whose value has closed
    Json overlays = Json::object();     // closed overlays
    Json requirements;                  // the closed requirements array (null until then)
};

std::string stringAt(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// Reads a plan answer (complete or a streamed prefix).
PlanReading readPlan(std::string_view text) {
    PlanReading r;
    PartialJson pj;
    if (!parsePartial(text, &pj) || !pj.value.is_object()) return r;
    const Json& doc = pj.value;
    for (const char* key : {"spec", "meta", "theme", "nav"})
        if (doc.contains(key) && !isOpen(pj, std::string("/") + key)) r.shell[key] = doc[key];
    auto plan = doc.find("plan");
    if (plan != doc.end() && plan->is_object()) {
        r.planDone = !isOpen(pj, "/plan");
        auto data = plan->find("data");
        r.dataDone = r.planDone || (data != plan->end() && !isOpen(pj, "/plan/data"));
        if (r.dataDone && data != plan->end() && data->is_object()) {
            for (auto& [k, v] : data->items()) r.dataKeys.push_back(k);
            r.plan["data"] = *data;
        }
        if (auto screens = plan->find("screens"); screens != plan->end() && screens->is_array()) {
            r.plan["screens"] = Json::array();
            for (size_t i = 0; i < screens->size() && !isOpen(pj, "/plan/screens/" + std::to_string(i)); ++i) {
                const Json& s = (*screens)[i];
                r.plan["screens"].push_back(s);
                PlannedScreen p{s.is_string() ? s.get<std::string>() : stringAt(s, "id"), stringAt(s, "title"), stringAt(s, "purpose"), {}};
                if (auto parts = s.find("parts"); s.is_object() && parts != s.end() && parts->is_array())
                    for (auto& part : *parts)
                        if (part.is_string() && !part.get<std::string>().empty()) {
                            if (p.parts.size() < kMaxParts) p.parts.push_back(part.get<std::string>());
                            else p.parts.back() += "; " + part.get<std::string>();
                        }
                bool known = std::any_of(r.screens.begin(), r.screens.end(), [&](const PlannedScreen& q) { return q.id == p.id; });
                if (!p.id.empty() && !known) r.screens.push_back(std::move(p));
            }
        }
        if (r.planDone) r.plan = *plan;
    }
    r.navDone = r.shell.contains("nav") || r.planDone;
    for (const char* section : {"state", "overlays"}) {
        auto it = doc.find(section);
        if (it == doc.end() || !it->is_object()) continue;
        Json& into = std::string(section) == "state" ? r.state : r.overlays;
        for (auto& [k, v] : it->items())
            if (!isOpen(pj, "/" + std::string(section) + "/" + escapePointer(k))) into[k] = v;
    }
    if (auto req = doc.find("requirements"); req != doc.end() && req->is_array() && !isOpen(pj, "/requirements")) r.requirements = *req;
    return r;
}

// The screens nav names, id and label: nav.start first (the screen the room looks at), then the items.
std::vector<std::pair<std::string, std::string>> navScreens(const Json& shell) {
    std::vector<std::pair<std::string, std::string>> out;
    auto nav = shell.find("nav");
    if (nav == shell.end() || !nav->is_object()) return out;
    if (std::string start = stringAt(*nav, "start"); !start.empty()) out.push_back({start, ""});
    if (auto items = nav->find("items"); items != nav->end() && items->is_array())
        for (auto& it : *items) {
            if (it.is_string()) out.push_back({it.get<std::string>(), ""});
            else if (it.is_object()) out.push_back({stringAt(it, "screen"), stringAt(it, "label")});
        }
    return out;
}

// A screen the plan names but no call has delivered yet: skeletons under its title.
Json skeletonScreen(const std::string& title) {
    return {{"title", title}, {"body", Json::array({Json{{"skeleton", 3}, {"avatar", true}}, Json{{"skeleton", 4}}, Json{{"skeleton", 2}}})}};
}

// What stands in for a screen (or a part of one) no call could write: the app still opens, and says what is missing.
Json missingNode(const std::string& what, const std::string& purpose) {
    return {{"empty", "This " + what + " was not written"}, {"icon", "exclamation-triangle"},
            {"text", purpose.empty() ? "Refine the app or generate it again." : purpose}};
}

//-----------------------------------------------------------------------------
// [SECTION] Calls
//-----------------------------------------------------------------------------

// One model call on its own thread. The worker writes `text`, `firstByte`, `result` and `finished` under the
// generation's mutex; everything else belongs to the generation's thread.
struct ModelCall {
    std::string name;                   // "plan", the screen id, or "id k/n" for a part of a split screen
    PlannedScreen screen;               // for screen calls
    int part = 0;                       // which of the screen's parts it writes
    int round = 0;                      // 0 = first answer, then repair rounds
    int attempt = 0;                    // regenerations after an answer that could not be used at all
    LlmRequest request;
    std::thread thread;
    // shared with the worker (under the mutex)
    std::string text;
    bool finished = false;
    double firstByteSec = -1;
    LlmResult result;
    // the generation's own
    AnswerStream stream;                // the text as this thread has seen it
    bool started = false;
};

// A screen's answer: {"screen": {...}, "state": {...}, "overlays": {...}}, or a bare screen object.
struct ScreenAnswer {
    Json screen;                        // null when the answer could not be used
    Json state = Json::object(), overlays = Json::object();
    std::string text;                   // the raw answer (sent back in repair rounds)
};

ScreenAnswer readScreenAnswer(const LlmResult& answer) {
    ScreenAnswer a;
    a.text = answer.text;
    LenientResult parsed = answerDocument(answer);
    if (!parsed.ok || parsed.doc.contains("screens")) return a;   // a whole document is not what was asked
    const Json& doc = parsed.doc;
    if (auto s = doc.find("screen"); s != doc.end() && s->is_object()) a.screen = *s;
    else if (doc.contains("body")) a.screen = doc;
    for (const char* key : {"state", "overlays"})
        if (auto it = doc.find(key); it != doc.end() && it->is_object()) (std::string(key) == "state" ? a.state : a.overlays) = *it;
    return a;
}

//-----------------------------------------------------------------------------
// [SECTION] PlannedGeneration
//-----------------------------------------------------------------------------

class PlannedGeneration {
public:
    PlannedGeneration(const GenerationOptions& o, LlmProvider& provider, const ProgressFn& onProgress, const PartialSpecFn& onPartial,
                      const std::atomic<bool>* cancel)
        : m_o(o), m_provider(provider), m_onProgress(onProgress), m_onPartial(onPartial), m_cancel(cancel),
          m_limit(std::max(1, o.maxConcurrentCalls)) {
        m_res.generator = provider.label();
        m_res.rawPath = rawPathFor(o.outPath);
        m_cacheFile = cacheFileFor(o, provider);
    }

    GenerationResult run() {
        LlmRequest plan;
        plan.system = systemPrompt();
        plan.messages.push_back({"user", planMessage(m_o.idea)});
        plan.schema = planSchema();
        plan.idea = m_o.idea;
        m_plan = addCall("plan", {}, std::move(plan));
        m_plan->stream.watchDepth = 3;   // each screen entry is read as it closes
        m_queue.push_back(m_plan);
        report("waiting for the model");
        loop();
        finish();
        m_res.totalSec = secondsSince(m_start);
        report(m_res.written ? "done" : "failed");
        return m_res;
    }

private:
    ModelCall* addCall(const std::string& name, PlannedScreen screen, LlmRequest request, int part = 0) {
        m_calls.push_back(std::make_unique<ModelCall>());
        ModelCall* c = m_calls.back().get();
        c->name = name;
        c->screen = std::move(screen);
        c->part = part;
        c->request = std::move(request);
        return c;
    }

    void start(ModelCall* c) {
        c->started = true;
        ++m_running;
        m_screenCalls += c != m_plan;
        c->thread = std::thread([this, c] {
            LlmResult r;
            try {
                r = m_provider.complete(c->request, [this, c](std::string_view delta) {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    if (c->firstByteSec < 0) c->firstByteSec = secondsSince(m_start);
                    c->text += delta;
                    m_changed = true;
                    m_wake.notify_one();
                }, m_cancel);
            } catch (const std::exception& e) {   // what arrived still reaches the raw file
                r = LlmResult();
                r.finishReason = "error";
                r.error = m_res.generator + ": the answer could not be read (" + e.what() + ")";
            }
            std::lock_guard<std::mutex> lock(m_mutex);
            if (r.text.empty()) r.text = c->text;
            c->result = std::move(r);
            c->finished = true;
            m_changed = true;
            m_wake.notify_one();
        });
    }

    // Until every call has ended and nothing is left to ask: start what may run, read streams, handle ends.
    void loop() {
        for (;;) {
            if (m_stopped) m_queue.clear();
            while (m_screenCalls < m_limit && !m_queue.empty()) {
                ModelCall* next = m_queue.front();
                m_queue.pop_front();
                start(next);
            }
            if (m_running == 0) {
                if (m_stopped || m_wholeApp || !scheduleRepairs()) return;
                continue;
            }
            std::vector<ModelCall*> ended;
            bool grew = false;
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_changed; });
                m_changed = false;
                for (auto& c : m_calls) {
                    if (!c->started || (c->stream.text.size() == c->text.size() && !c->finished)) continue;
                    if (c->text.size() > c->stream.text.size()) {
                        bool due = c->stream.append(std::string_view(c->text).substr(c->stream.text.size()));
                        grew |= c.get() == m_plan && due;
                    }
                    if (c->finished && c->thread.joinable()) ended.push_back(c.get());
                }
            }
            // A closed top-level member (the plan itself) is read at once: the screen calls wait for it. There are a few
            // per answer, so this stays linear; other parses keep to the budget.
            if (grew && (m_plan->stream.memberClosed || withinParseBudget(m_res.partialParseBytes, m_plan->stream.text.size()))) readPlanSoFar();
            for (ModelCall* c : ended) {
                c->thread.join();
                --m_running;
                m_screenCalls -= c != m_plan;
                onEnded(c);
            }
            report(m_phase);
        }
    }

    // The plan's stream has something new: the shell, screen entries, the plan itself, state keys, overlays.
    void readPlanSoFar() {
        m_plan->stream.parsed();
        m_res.partialParseBytes += m_plan->stream.text.size();
        PlanReading reading = readPlan(m_plan->stream.text);
        bool news = reading.shell.size() != m_reading.shell.size() || reading.state.size() != m_reading.state.size() ||
                    reading.overlays.size() != m_reading.overlays.size() || reading.planDone != m_reading.planDone ||
                    reading.screens.size() != m_reading.screens.size();
        m_reading = std::move(reading);
        if (m_reading.planDone) m_plan->stream.watchDepth = 1;   // the state's rows need no prompt reading
        takeScreens();
        if (news || m_screens.empty()) publish();
    }

    // Screens whose entries have closed since the last reading (once the data model has): their calls are queued, the
    // start screen's first, each given the plan so far as the conversation.
    void takeScreens() {
        if (!m_reading.dataDone) return;
        auto nav = navScreens(m_reading.shell);
        std::string start = nav.empty() ? "" : nav[0].first;
        for (auto& s : m_reading.screens) {
            if (std::any_of(m_screens.begin(), m_screens.end(), [&](const PlannedScreen& q) { return q.id == s.id; })) continue;
            bool first = s.id == start || m_screens.empty();
            m_screens.insert(first ? m_screens.begin() : m_screens.end(), s);
            m_answers[s.id].resize((size_t)s.calls());
            std::vector<ModelCall*> calls;
            for (int part = 0; part < s.calls(); ++part) calls.push_back(screenCall(s, part, 0, nullptr));
            m_queue.insert(first ? m_queue.begin() : m_queue.end(), calls.begin(), calls.end());
            m_phase = "writing screens";
        }
    }

    // The plan as the screen calls' assistant turn: the shell and the plan's closed entries (the whole plan once it has
    // closed, so every later call shares one prefix).
    std::string planTurn() const {
        Json turn = m_reading.shell;
        turn["plan"] = m_reading.plan;
        return turn.dump(-1, ' ', false, Json::error_handler_t::replace);
    }

    ModelCall* screenCall(const PlannedScreen& s, int part, int round, const ScreenAnswer* previous) {
        LlmRequest r;
        r.system = systemPrompt();
        r.messages = {{"user", planMessage(m_o.idea)}, {"assistant", planTurn()}, {"user", screenMessage(s.id, s.title, s.purpose, s.parts, part)}};
        std::string name = s.callName(part);
        if (previous) {
            r.messages.push_back({"assistant", previous->text});
            r.messages.push_back({"user", screenRepairMessage(m_problems[name])});
        }
        r.schema = screenAnswerSchema();
        r.idea = m_o.idea;
        r.sharedPrefixMessages = 2;
        ModelCall* c = addCall(name, s, std::move(r), part);
        c->round = round;
        return c;
    }

    // A call has ended: its raw answer is kept, then the plan is read whole or the screen's answer taken.
    void onEnded(ModelCall* c) {
        const LlmResult& r = c->result;
        keepRaw(c);
        tally(c);
        if (r.cancelled || (m_cancel && m_cancel->load())) { m_stopped = true; m_res.error = "cancelled"; return; }
        if (c == m_plan) {
            m_plan->stream.parsed();
            m_reading = readPlan(m_plan->stream.text);
            takeScreens();
            if (m_screens.empty() && takeWholeApp(r)) return;
            if (m_screens.empty()) {
                m_stopped = true;
                m_res.error = (r.ok ? m_res.generator + "'s plan names no screens" : r.error) + "; the answer is in " + m_res.rawPath;
                return;
            }
            if (!r.ok) m_notes.push_back("the plan call ended early (" + r.error + "): state it did not write stays empty");
            noteScreenTimes();
            publish();
            return;
        }
        if (r.rateLimited && m_limit > 1) {   // the provider refuses this many calls at once: the rest go one at a time
            m_limit = 1;
            m_progress.note = "the provider limits concurrent calls: one at a time";
            m_queue.push_front(screenCall(c->screen, c->part, c->round, nullptr));
            return;
        }
        ScreenAnswer a = readScreenAnswer(r);
        const std::string& id = c->screen.id;
        if (a.screen.is_null()) {
            m_problems[c->name] = {};
            if (c->attempt < 1 && !r.rateLimited) {   // regenerated once, alone
                ModelCall* again = screenCall(c->screen, c->part, c->round, r.text.empty() ? nullptr : &a);
                again->attempt = c->attempt + 1;
                m_queue.push_back(again);
            } else m_failed[c->name] = {id, r.ok ? "its answer was not a screen" : r.error};
            return;
        }
        m_failed.erase(c->name);
        m_answers[id][(size_t)c->part] = std::move(a);
        noteScreenTimes();
        publish();
    }

    // Every part of the screen has an answer.
    bool written(const PlannedScreen& s) const {
        auto it = m_answers.find(s.id);
        return it != m_answers.end() && std::all_of(it->second.begin(), it->second.end(), [](const ScreenAnswer& a) { return !a.screen.is_null(); });
    }

    // How many planned screens have every part written.
    int writtenScreens() const {
        return (int)std::count_if(m_screens.begin(), m_screens.end(), [&](const PlannedScreen& s) { return written(s); });
    }

    // The first whole screen, and every screen of a plan that has closed.
    void noteScreenTimes() {
        const int whole = writtenScreens();
        if (whole > 0 && m_res.firstScreenSec < 0) m_res.firstScreenSec = secondsSince(m_start);
        if (m_reading.planDone && whole == (int)m_screens.size() && whole > 0 && m_res.allScreensSec < 0) m_res.allScreensSec = secondsSince(m_start);
    }

    // A model that wrote the whole app instead of a plan: its answer is taken as the one-call path takes it (no repair
    // rounds: the plan conversation is not one a whole document can be repaired in).
    bool takeWholeApp(const LlmResult& r) {
        LenientResult whole = answerDocument(r);
        if (!r.ok || !whole.ok || !whole.doc.contains("screens")) return false;
        if (whole.doc.contains("meta") && whole.doc["meta"].is_object() && !whole.doc["meta"].contains("idea")) whole.doc["meta"]["idea"] = m_o.idea;
        m_best = repairSpec(whole.doc, m_o.outPath);
        m_wholeApp = true;
        if (m_res.allScreensSec < 0) m_res.allScreensSec = secondsSince(m_start);
        publish();
        return true;
    }

    // Every call has ended: merge and validate; a screen (or part) with problems is asked again, alone, while rounds
    // remain. False when there is nothing more to ask.
    bool scheduleRepairs() {
        if (m_screens.empty()) return false;
        m_best = repairSpec(compose(true), m_o.outPath);
        m_problems.clear();
        std::map<std::string, std::pair<const PlannedScreen*, int>> callOf;   // call name -> screen, part
        for (auto& d : loadErrors(m_best.load))
            for (auto& s : m_screens) {
                std::string at = "/screens/" + escapePointer(s.id);
                if (d.pointer != at && d.pointer.rfind(at + "/", 0) != 0) continue;
                Diagnostic local = d;
                int part = partAt(s, local.pointer, at);
                m_problems[s.callName(part)].push_back(local);
                callOf[s.callName(part)] = {&s, part};
            }
        for (auto& [name, where] : callOf) {
            const ScreenAnswer& answer = m_answers[where.first->id][(size_t)where.second];
            int& round = m_rounds[name];
            if (answer.screen.is_null() || round >= m_o.maxRepairRounds) continue;
            ++round;
            m_res.repairRounds = std::max(m_res.repairRounds, round);
            m_queue.push_back(screenCall(*where.first, where.second, round, &answer));
        }
        if (m_queue.empty()) return false;
        m_phase = "repairing";
        return true;
    }

    // The part of split screen `s` that wrote what `pointer` (under `at`, the screen's pointer) names; a body index is
    // made the part's own ("/body/4" is that part's "/body/1" when the parts before it wrote 3 nodes). Title, bar and
    // anything outside the body are the first part's.
    int partAt(const PlannedScreen& s, std::string& pointer, const std::string& at) const {
        const std::string body = at + "/body/";
        if (s.calls() == 1 || pointer.rfind(body, 0) != 0) return 0;
        size_t end = pointer.find('/', body.size());
        std::string index = pointer.substr(body.size(), end == std::string::npos ? std::string::npos : end - body.size());
        if (index.empty() || index.find_first_not_of("0123456789") != std::string::npos || index.size() > 6) return 0;
        size_t node = std::stoul(index), from = 0;
        const auto& parts = m_answers.at(s.id);
        for (size_t part = 0; part < parts.size(); ++part) {
            size_t count = bodyOf(parts[part]).size();
            if (node < from + count) {
                pointer = body + std::to_string(node - from) + (end == std::string::npos ? "" : pointer.substr(end));
                return (int)part;
            }
            from += count;
        }
        return 0;
    }

    static Json bodyOf(const ScreenAnswer& a) {
        auto it = a.screen.find("body");
        return a.screen.is_object() && it != a.screen.end() && it->is_array() ? *it : Json::array();
    }

    // The screen its parts make: the first part's keys (title, bar), every part's nodes in order; a part not written
    // is a skeleton while calls run, and at the end a note saying so.
    Json joinParts(const PlannedScreen& s, bool final) const {
        const auto& parts = m_answers.at(s.id);
        if (s.calls() == 1) return parts[0].screen;
        Json screen = parts[0].screen.is_object() ? parts[0].screen : Json::object();
        Json body = Json::array();
        for (size_t part = 0; part < parts.size(); ++part) {
            if (parts[part].screen.is_null())
                body.push_back(final ? missingNode("part of the screen", s.parts[part]) : Json{{"skeleton", 3}});
            for (auto& node : bodyOf(parts[part])) body.push_back(node);
            if (!screen.contains("title") && parts[part].screen.is_object() && parts[part].screen.contains("title")) screen["title"] = parts[part].screen["title"];
        }
        if (!screen.contains("title")) screen["title"] = s.title.empty() ? s.id : s.title;
        screen["body"] = body;
        return screen;
    }

    // The document so far: shell, state (the plan's rows, then what screens added), overlays, and every planned
    // screen (its answer, else a skeleton, or at the end a screen saying it is missing).
    Json compose(bool final) const {
        Json doc = m_reading.shell;
        if (!doc.contains("spec")) doc["spec"] = 1;
        if (!doc.contains("meta") || !doc["meta"].is_object()) doc["meta"] = Json::object();
        if (!doc["meta"].contains("idea")) doc["meta"]["idea"] = m_o.idea;
        if (m_reading.requirements.is_array()) doc["meta"]["requirements"] = m_reading.requirements;
        doc["state"] = m_reading.state;
        doc["overlays"] = m_reading.overlays;
        doc["screens"] = Json::object();
        for (auto& s : m_screens) {
            const auto& parts = m_answers.at(s.id);
            bool any = std::any_of(parts.begin(), parts.end(), [](const ScreenAnswer& a) { return !a.screen.is_null(); });
            std::string title = s.title.empty() ? s.id : s.title;
            if (!any) {
                doc["screens"][s.id] = final ? Json{{"title", title}, {"body", Json::array({missingNode("screen", s.purpose)})}} : skeletonScreen(title);
                continue;
            }
            doc["screens"][s.id] = joinParts(s, final);
            for (auto& a : parts) {
                for (auto& [k, v] : a.state.items())
                    if (!doc["state"].contains(k)) doc["state"][k] = v;
                for (auto& [k, v] : a.overlays.items())
                    if (!doc["overlays"].contains(k)) doc["overlays"][k] = v;
            }
        }
        if (!final)   // nav's screens the plan has not listed yet
            for (auto& [id, label] : navScreens(doc))
                if (!id.empty() && !doc["screens"].contains(id)) doc["screens"][id] = skeletonScreen(label.empty() ? id : label);
        if (doc["overlays"].empty()) doc.erase("overlays");
        return doc;
    }

    // The shell once nav has closed (skeletons for the screens nav names), then each newer state of the document.
    void publish() {
        if (!m_onPartial || !m_reading.navDone) return;
        Json doc;
        if (m_screens.empty()) {   // before the plan: the nav items as skeleton screens (and screens, from a model writing the whole app)
            std::string current;
            int done = 0;
            m_res.partialParseBytes += m_plan->stream.text.size();
            doc = partialSpecFromStream(m_plan->stream.text, &current, &done);
            if (doc.is_null() || (m_res.shellSec >= 0 && done <= m_wholeAppScreens)) return;
            if (done > 0 && m_res.firstScreenSec < 0) m_res.firstScreenSec = secondsSince(m_start);
            m_wholeAppScreens = done;
        } else doc = compose(false);
        std::vector<std::string> pending;
        for (auto& k : m_reading.dataKeys)
            if (!doc["state"].contains(k)) pending.push_back(k);
        if (m_res.shellSec < 0) m_res.shellSec = secondsSince(m_start);
        m_onPartial(doc, pending);
    }

    // Every call's answer is saved beside the spec as soon as it ends.
    void keepRaw(const ModelCall* c) {
        if (c->result.text.empty()) return;
        std::string call = c == m_plan ? "plan" : "screen '" + c->name + "'";
        m_rawLog += rawAnswerMarker(m_res.generator, c->round, c->result.finishReason, call) + c->result.text + "\n";
        std::string error;
        if (!writeFileAtomic(m_res.rawPath, m_rawLog, &error)) m_notes.push_back(m_res.rawPath + ": " + error);
    }

    // The call's tokens; a screen call's prefix (system prompt, plan turn, plan) that an earlier call sent whole counts
    // as reusable (prompt caching). Calls started before the plan closed see a shorter plan, so theirs differ.
    void tally(ModelCall* c) {
        tallyCall(c->request, c->result, c->stream.tokens(), m_res);
        if (c == m_plan) return;
        int prefix = countTokens(c->request.system) + countTokens(c->request.messages[0].content) + countTokens(c->request.messages[1].content);
        if (!m_prefixesSeen.insert(c->request.messages[1].content).second) m_res.reusedPromptTokens += prefix;
    }

    void finish() {
        if (m_stopped && m_res.error.empty()) m_res.error = "cancelled";
        if (m_rawLog.empty()) m_res.rawPath.clear();
        if (m_stopped) return;
        if (m_best.doc.is_null()) {
            m_res.error = m_res.generator + " did not produce a usable plan";
            return;
        }
        if (!usable(m_best.load)) {
            m_res.error = m_res.generator + " did not produce a usable spec: " + (m_best.load.diagnostics.empty() ? "no screens" : m_best.load.diagnostics.front().format("answer"));
            return;
        }
        for (auto& f : m_best.fixes) m_res.fixes.push_back(f.pointer + ": " + f.message);
        writeResult(m_best, m_o, m_provider, m_failed.empty() ? m_cacheFile : "", m_rawLog, m_res);
        for (auto& [name, failed] : m_failed) {
            Diagnostic d;
            d.level = Diagnostic::Level::Error;
            d.pointer = "/screens/" + escapePointer(failed.screen);
            d.message = (name == failed.screen ? "the screen" : "part " + name.substr(failed.screen.size() + 1) + " of the screen") +
                        " was not written (" + failed.why + "); it says so in the app";
            m_res.problems.push_back(d);
            m_res.ok = false;
        }
        for (auto& n : m_notes) m_res.fixes.push_back(n);
    }

    void report(const std::string& phase) {
        m_progress.phase = phase;
        m_progress.elapsedSec = secondsSince(m_start);
        m_progress.calls.clear();
        m_progress.currentScreen.clear();
        m_progress.tokens = 0;
        m_progress.screensDone = writtenScreens();
        std::map<std::string, ModelCall*> latest;   // the newest call per name (a repair replaces the first answer)
        for (auto& c : m_calls) latest[c->name] = c.get();
        std::vector<std::pair<std::string, std::string>> order{{"plan", ""}};
        for (auto& s : m_screens)
            for (int part = 0; part < s.calls(); ++part) order.push_back({s.callName(part), s.calls() == 1 ? s.title : s.title + ": " + s.parts[(size_t)part]});
        for (auto& [name, title] : order) {
            auto it = latest.find(name);
            if (it == latest.end()) continue;
            ModelCall* c = it->second;
            CallProgress p;
            p.name = name;
            p.screen = c->screen.id;
            p.title = title;
            std::lock_guard<std::mutex> lock(m_mutex);
            bool streaming = c->started && !c->finished;
            p.status = !c->started ? "waiting" : streaming ? (c->round > 0 ? "repairing" : "writing")
                     : m_failed.count(name) ? "failed" : "ready";
            p.tokens = c->stream.tokens();
            double since = c->firstByteSec < 0 ? 0 : m_progress.elapsedSec - c->firstByteSec;
            p.tokensPerSec = since > 0.2 ? p.tokens / since : 0;
            m_progress.tokens += p.tokens;
            if (streaming && name != "plan") m_progress.currentScreen = c->screen.id;
            m_progress.calls.push_back(std::move(p));
        }
        if (m_onProgress) m_onProgress(m_progress);
    }

    const GenerationOptions& m_o;
    LlmProvider& m_provider;
    const ProgressFn& m_onProgress;
    const PartialSpecFn& m_onPartial;
    const std::atomic<bool>* m_cancel;
    const Clock::time_point m_start = Clock::now();
    std::string m_cacheFile;
    GenerationResult m_res;
    GenerationProgress m_progress;
    std::string m_phase = "writing the plan";

    std::mutex m_mutex;                     // guards the workers' fields of ModelCall and m_changed
    std::condition_variable m_wake;
    bool m_changed = false;
    std::vector<std::unique_ptr<ModelCall>> m_calls;   // every call made, in order
    std::deque<ModelCall*> m_queue;         // calls waiting to start
    int m_running = 0;                      // calls running
    int m_screenCalls = 0, m_limit;         // screen calls running (the plan call streams its state beside them), and how many may
    ModelCall* m_plan = nullptr;
    bool m_stopped = false;                 // cancelled, or the plan failed: nothing more is asked

    PlanReading m_reading;                  // the plan as read so far
    std::vector<PlannedScreen> m_screens;   // screens whose calls were queued, start screen first
    std::map<std::string, std::vector<ScreenAnswer>> m_answers;  // screen id -> its parts' answers (null screen: none yet)
    std::map<std::string, std::vector<Diagnostic>> m_problems;   // per call name, from the last validation
    std::map<std::string, int> m_rounds;    // repair rounds per call name
    struct FailedCall { std::string screen, why; };
    std::map<std::string, FailedCall> m_failed;   // call name -> the screen whose part no call delivered, and why
    std::vector<std::string> m_notes;
    SpecRepairResult m_best;                // the merged document, repaired (after the last round)
    bool m_wholeApp = false;                // the plan call answered with the whole app: m_best is that answer
    int m_wholeAppScreens = 0;              // closed screens of such an answer published so far
    std::string m_rawLog;
    std::set<std::string> m_prefixesSeen;   // plan turns screen calls have sent
};

} // namespace

GenerationResult generatePlanned(const GenerationOptions& o, LlmProvider& provider, const ProgressFn& onProgress,
                                 const PartialSpecFn& onPartial, const std::atomic<bool>* cancel) {
    return PlannedGeneration(o, provider, onProgress, onPartial, cancel).run();
}

} // namespace pt::generation
