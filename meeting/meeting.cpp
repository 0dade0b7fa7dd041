// Promptotype — Meeting implementation.
//
// [SECTION] Opening and showing documents
// [SECTION] Versions
// [SECTION] Refinement
// [SECTION] Selection and reactions
// [SECTION] Variants, clock, sessions
// [SECTION] Demo recording
// [SECTION] Per frame

#include "meeting/meeting.h"
#include "meeting/meeting_overlays.h"
#include "runtime/engine/targets.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/files.h"
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace pt {

namespace {

double wallNow() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// A log's size in bytes; 0 when it does not exist yet.
std::uintmax_t logBytes(const std::string& path) {
    std::error_code ec;
    const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
    return ec ? 0 : bytes;
}

// A step argument in play syntax: quoted when it has spaces or quotes are needed.
std::string quoteArg(const std::string& s) {
    if (!s.empty() && s.find_first_of(" \"'") == std::string::npos) return s;
    return s.find('"') == std::string::npos ? "\"" + s + "\"" : "'" + s + "'";
}

// The first few problems, one per line.
std::string firstLines(const std::vector<std::string>& problems) {
    std::string out;
    for (size_t i = 0; i < problems.size() && i < 5; ++i) out += (i ? "\n" : "") + problems[i];
    return out;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Opening and showing documents
//-----------------------------------------------------------------------------

Meeting::Meeting(Prototype& proto, std::string specPath)
    : m_proto(proto), m_specPath(std::move(specPath)), m_history(m_specPath), m_feedback(m_specPath), m_sessions(m_specPath) {
    m_proto.setInputObserver([this](const Node& node, const std::string& key, const Json& value) {
        if (m_hasPendingInput && m_pendingInput.widget != anchorFor(node, key)) flushInput();
        m_pendingInput = inputEvent(node, key, value);
        m_pendingTyped = value.is_string();
        m_pendingKey = key;
        m_hasPendingInput = true;
    });
    m_lastScreen = m_proto.currentScreen();
}

Meeting::~Meeting() {
    m_cancel = true;
    if (m_worker.joinable()) m_worker.join();
    flushInput();
    m_proto.setInputObserver(nullptr);
}

bool Meeting::open(std::string* error) {
    std::string text;
    if (!readFileText(m_specPath, &text)) { *error = m_specPath + ": cannot read the spec"; return false; }
    Json doc;
    Diagnostic d;
    if (!parseJsonText(text, &doc, &d)) { *error = d.format(m_specPath); return false; }
    return openWith(std::move(doc), text, error);
}

bool Meeting::open(const std::string& text, std::string* error) { return openWith(m_proto.spec().source, text, error); }

bool Meeting::openWith(Json doc, const std::string& text, std::string* error) {
    m_doc = std::move(doc);
    m_shownText = text;
    if (!m_history.open(error)) return false;
    std::vector<std::string> problems = m_history.problems();
    m_reactions = m_feedback.load(&problems);
    m_events = m_sessions.load(&problems);
    m_feedbackBytes = logBytes(m_feedback.path());
    m_sessionsBytes = logBytes(m_sessions.path());
    for (auto& p : problems) notice(p);
    m_variant = m_proto.spec().variant;
    m_lastScreen = m_proto.currentScreen();
    return true;
}

bool Meeting::compile(const std::string& text, Compiled* out, std::vector<std::string>* problems) const {
    Diagnostic d;
    if (!parseJsonText(text, &out->doc, &d)) { problems->push_back(d.format(m_specPath)); return false; }
    return compileParsed(out, problems);
}

bool Meeting::compileParsed(Compiled* out, std::vector<std::string>* problems) const {
    out->variant = m_variant;
    LoadResult r = SpecLoader::loadVariant(out->doc, out->variant, m_specPath);  // validates every variant
    if ((!r.spec || r.hasErrors()) && out->variant != "A") {  // the variant shown is gone: fall back to the spec as written
        out->variant = "A";
        r = SpecLoader::loadVariant(out->doc, out->variant, m_specPath);
    }
    if (r.spec && !r.hasErrors()) { out->spec = r.spec; return true; }
    for (auto& diag : r.diagnostics)
        if (diag.level == Diagnostic::Level::Error) problems->push_back(diag.format(m_specPath));
    if (problems->empty()) problems->push_back(m_specPath + ": not a usable spec");
    return false;
}

// Only another variant than the one compiled needs compiling again; the document is never parsed again.
bool Meeting::reuse(const std::shared_ptr<const Spec>& spec, Compiled* out, std::vector<std::string>* problems) const {
    out->doc = spec->source;
    if (spec->variant != m_variant) return compileParsed(out, problems);
    out->spec = spec;
    out->variant = m_variant;
    return true;
}

void Meeting::show(Compiled compiled, const std::string& text) {
    m_doc = std::move(compiled.doc);
    m_shownText = text;
    m_variant = compiled.variant;
    m_proto.replaceSpec(compiled.spec);
}

bool Meeting::showText(const std::string& text, std::string* message) {
    Compiled compiled;
    std::vector<std::string> problems;
    if (!compile(text, &compiled, &problems)) { *message = firstLines(problems); return false; }
    show(std::move(compiled), text);
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Versions
//-----------------------------------------------------------------------------

bool Meeting::applyText(const std::string& text, const std::string& kind, const std::string& summary, const std::string& generator,
                        std::string* message) {
    return applyCompiled(text, nullptr, kind, summary, generator, message);
}

bool Meeting::applyCompiled(const std::string& text, const std::shared_ptr<const Spec>& spec, const std::string& kind,
                            const std::string& summary, const std::string& generator, std::string* message) {
    Compiled compiled;
    std::vector<std::string> problems;
    bool ready = spec ? reuse(spec, &compiled, &problems) : compile(text, &compiled, &problems);
    if (!ready) { *message = firstLines(problems); return false; }
    std::string error;
    if (!m_history.commit(text, kind, summary, generator, &error)) { *message = error; return false; }  // records a hand edit first
    show(std::move(compiled), text);
    *message = "v" + std::to_string(m_history.current()) + ": " + summary;
    return true;
}

bool Meeting::reloadFromFile(std::vector<std::string>* problems) {
    std::string text;
    if (!readFileText(m_specPath, &text)) { problems->push_back(m_specPath + ": cannot read the spec"); return false; }
    if (text == m_shownText) return true;  // our own write
    Compiled compiled;
    if (!compile(text, &compiled, problems)) return false;
    std::string error;
    if (!m_history.syncWithFile(&error)) notice("history: " + error);
    show(std::move(compiled), text);
    notice("Saved edit recorded as v" + std::to_string(m_history.current()));
    return true;
}

namespace {

// "v3 · refine: add a share screen"
std::string versionLine(const SpecHistory& h, int number) {
    const SpecVersion* v = h.version(number);
    if (!v) return "v" + std::to_string(number);
    return "v" + std::to_string(number) + " · " + v->kind + (v->summary.empty() ? "" : ": " + v->summary);
}

} // namespace

bool Meeting::undo(std::string* message) {
    if (!m_history.canUndo()) { *message = "Nothing to undo"; return false; }
    std::string error, text;
    int left = m_history.current();
    int now = m_history.undo(&error);
    if (!now) { *message = error; return false; }
    if (!m_history.read(now, &text) || !showText(text, message)) return false;
    *message = "Undid " + versionLine(m_history, left) + "; showing " + versionLine(m_history, now);
    noteStep("undo");
    return true;
}

bool Meeting::redo(std::string* message) {
    if (!m_history.canRedo()) { *message = "Nothing to redo"; return false; }
    std::string error, text;
    int now = m_history.redo(&error);
    if (!now) { *message = error; return false; }
    if (!m_history.read(now, &text) || !showText(text, message)) return false;
    *message = "Redid " + versionLine(m_history, now);
    noteStep("redo");
    return true;
}

bool Meeting::jumpTo(int version, std::string* message) {
    if (!m_history.version(version)) { *message = "there is no version " + std::to_string(version); return false; }
    std::string error, text;
    int now = m_history.jumpTo(version, &error);
    if (!now) { *message = error; return false; }
    if (!m_history.read(now, &text) || !showText(text, message)) return false;
    *message = "Showing " + versionLine(m_history, now);
    noteStep("version " + std::to_string(version));
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Refinement
//-----------------------------------------------------------------------------

bool Meeting::applyOutcome(const RefineOutcome& outcome, const std::string& request) {
    if (outcome.ok && outcome.already) {
        m_refineMessage = outcome.summary;
        m_refineFailed = false;
        return true;
    }
    std::string message;
    bool ok = outcome.ok && applyCompiled(outcome.text, outcome.spec, "refine", request, outcome.generator, &message);
    if (ok) m_refineMessage = outcome.summary.empty() ? message : outcome.summary + " (v" + std::to_string(version()) + ")";
    else m_refineMessage = outcome.ok ? message : outcome.error;
    m_refineFailed = !ok;
    if (ok) noteStep("refine " + quoteArg(request));
    return ok;
}

bool Meeting::refine(const std::string& request, const RefineFunction& fn, std::string* message) {
    std::atomic<bool> never{false};
    bool ok = applyOutcome(fn(m_doc, request, m_selectionScope, &never), request);
    *message = m_refineMessage;
    return ok;
}

void Meeting::startRefine(const std::string& request, RefineFunction fn) {
    if (m_refining) return;
    if (m_worker.joinable()) m_worker.join();
    m_refining = true;
    m_cancel = false;
    m_refineDone = false;
    m_refineRequest = request;
    m_refineBase = m_shownText;
    m_refineMessage = "Refining: " + request;
    m_refineFailed = false;
    m_worker = std::thread([this, doc = m_doc, request, scope = m_selectionScope, fn = std::move(fn)] {
        RefineOutcome outcome = fn(doc, request, scope, &m_cancel);
        std::lock_guard<std::mutex> lock(m_refineMutex);
        m_refineOutcome = std::move(outcome);
        m_refineDone = true;
        m_refining = false;
    });
}

void Meeting::poll() {
    if (!m_refineDone.exchange(false)) return;
    if (m_worker.joinable()) m_worker.join();
    RefineOutcome outcome;
    {
        std::lock_guard<std::mutex> lock(m_refineMutex);
        outcome = std::move(m_refineOutcome);
    }
    if (outcome.ok && m_shownText != m_refineBase) {  // undo, a version jump or a saved edit came in meanwhile: it stays
        m_refineMessage = "Not applied: the prototype changed while refining (undo, version or saved edit); ask again";
        m_refineFailed = true;
        return;
    }
    applyOutcome(outcome, m_refineRequest);
}

//-----------------------------------------------------------------------------
// [SECTION] Selection and reactions
//-----------------------------------------------------------------------------

bool Meeting::select(const std::string& target, std::string* error) {
    const TargetMatch match = matchTarget(m_proto.probes(), target);
    const Probe* p = match.probe;
    if (!p || !p->node) {
        *error = p ? "'" + target + "' is app chrome, not a widget of the spec" : match.problem(target, m_proto.currentScreen());
        return false;
    }
    m_selection = anchorFor(*p->node, p->key);
    m_selectionScope = p->node->id.empty() ? p->node->pointer : p->node->id;
    m_selectionName = probeName(*p);
    noteStep("select " + quoteArg(p->key));
    return true;
}

bool Meeting::react(const std::string& target, const std::string& kind, const std::string& comment, std::string* error) {
    if (!findReactionKind(kind)) { *error = "unknown reaction '" + kind + "' (agree, disagree, question, idea)"; return false; }
    Reaction r;
    r.time = wallNow();
    r.who = m_who;
    r.kind = kind;
    r.comment = comment;
    r.screen = m_proto.currentScreen();
    r.variant = m_variant;
    r.version = m_history.current();
    r.session = m_session;
    if (!target.empty()) {
        const TargetMatch match = matchTarget(m_proto.probes(), target);
        const Probe* p = match.probe;
        if (!p) { *error = match.problem(target, r.screen); return false; }
        r.widget = p->node ? anchorFor(*p->node, p->key) : p->key;
        r.label = p->label.empty() ? std::string(p->type) : p->label;
    }
    if (!m_feedback.append(r, error)) return false;  // the message names the file
    m_reactions.push_back(std::move(r));
    return true;
}

std::vector<Reaction> Meeting::orphanedReactions() const {
    std::vector<Reaction> out;
    WidgetLocation where;
    for (auto& r : m_reactions)
        if (!r.widget.empty() && !locateWidget(m_proto.spec(), r.widget, &where)) out.push_back(r);
    return out;
}

std::vector<Reaction> Meeting::hoveredPinReactions() const {
    std::vector<Reaction> out;
    for (int i : m_hoveredPinReactions)
        if (i >= 0 && i < (int)m_reactions.size()) out.push_back(m_reactions[i]);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Variants, clock, sessions
//-----------------------------------------------------------------------------

bool Meeting::setVariant(const std::string& name, std::string* error) {
    const auto& names = variants();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        std::string all;
        for (auto& n : names) all += (all.empty() ? "" : ", ") + n;
        *error = "no variant '" + name + "' (this spec has: " + all + ")";
        return false;
    }
    auto spec = compileVariant(name);  // every variant was validated when the document was shown
    if (!spec) { *error = m_specPath + ": variant " + name + " does not load"; return false; }
    flushInput();
    m_variant = name;
    m_proto.replaceSpec(spec);
    noteStep("variant " + name);
    return true;
}

std::shared_ptr<const Spec> Meeting::compileVariant(const std::string& name) const {
    LoadResult r = SpecLoader::loadVariant(m_doc, name, m_specPath);
    if (!r.spec || r.hasErrors()) return nullptr;
    return r.spec;
}

void Meeting::advanceClock(double seconds) {
    m_proto.advanceClock(seconds);
    char step[48];
    std::snprintf(step, sizeof step, "clock +%gs", seconds);
    noteStep(step);
}

void Meeting::reset() {
    flushInput();
    m_proto.reset();
    noteStep("reset");
}

void Meeting::record(SessionEvent e) {
    if (m_session.empty()) return;
    e.session = m_session;
    e.t = m_sessionTime;
    e.wall = wallNow();
    e.variant = m_variant;
    if (e.screen.empty()) e.screen = m_proto.currentScreen();
    std::string error;
    if (!m_sessions.append(e, &error)) notice(error);
    m_events.push_back(std::move(e));
}

void Meeting::flushInput() {
    if (!m_hasPendingInput) return;
    m_hasPendingInput = false;
    SessionEvent e = m_pendingInput;
    if (m_recording && m_pendingTyped) m_demo.push_back("type " + quoteArg(m_pendingKey) + " " + quoteArg(e.value));
    record(std::move(e));
}

void Meeting::startSession(const std::string& name) {
    if (!m_session.empty()) endSession();
    m_session = name.empty() ? "Session" : name;
    m_sessionTime = 0;
    m_lastScreen = m_proto.currentScreen();
    SessionEvent e;
    e.type = "start";
    record(e);
}

void Meeting::endSession() {
    if (m_session.empty()) return;
    flushInput();
    SessionEvent e;
    e.type = "end";
    record(e);
    m_session.clear();
}

bool Meeting::followLogs() {
    const std::uintmax_t feedback = logBytes(m_feedback.path()), sessions = logBytes(m_sessions.path());
    if (feedback == m_feedbackBytes && sessions == m_sessionsBytes) return false;
    std::vector<std::string> problems;  // told once, when the logs were opened
    if (feedback != m_feedbackBytes) m_reactions = m_feedback.load(&problems);
    if (sessions != m_sessionsBytes) m_events = m_sessions.load(&problems);
    m_feedbackBytes = feedback;
    m_sessionsBytes = sessions;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Demo recording
//-----------------------------------------------------------------------------

void Meeting::startRecording() {
    flushInput();
    m_demo.clear();
    m_recording = true;
    reset();  // a demo replays from a fresh start
}

bool Meeting::stopRecording(std::string* error) {
    std::string path = demoPath();
    if (!m_recording) {  // an empty demo must never replace the one recorded before
        *error = "no demo is being recorded (start one with `record`); " + path + " was left as it is";
        return false;
    }
    flushInput();
    m_recording = false;
    std::string text = "# Promptotype demo: one `play` step per line (promptotype play SPEC --demo)\n";
    for (auto& s : m_demo) text += s + "\n";
    if (!writeFileAtomic(path, text, error, Symlinks::Refuse)) { *error = path + ": " + *error; return false; }
    return true;
}

std::string Meeting::demoPath() const { return besideSpec(m_specPath, ".demo.txt"); }

bool Meeting::loadDemo(std::vector<std::string>* steps, std::string* error, std::vector<int>* lines) const {
    std::string path = demoPath(), text;
    if (!readFileText(path, &text)) { *error = path + ": no recorded demo (record one first)"; return false; }
    steps->clear();
    if (lines) lines->clear();
    size_t start = 0;
    for (int number = 1; start < text.size(); ++number) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line[0] != '#') {
            steps->push_back(line);
            if (lines) lines->push_back(number);
        }
        start = end + 1;
    }
    return true;
}

void Meeting::noteStep(const std::string& step) {
    if (!m_recording) return;
    flushInput();
    m_demo.push_back(step);
}

std::vector<std::string> Meeting::takeNotices() {
    std::vector<std::string> out;
    out.swap(m_notices);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Per frame
//-----------------------------------------------------------------------------

Meeting::Hit Meeting::hitTest(ImVec2 pos) const {
    Hit hit;
    hit.probe = probeAt(m_proto.probes(), pos, &hit.live);
    return hit;
}

void Meeting::frame(const ImRect& area) {
    ImGuiIO& io = ImGui::GetIO();
    if (!m_session.empty()) m_sessionTime += io.DeltaTime;
    const std::string& screen = m_proto.currentScreen();
    if (screen != m_lastScreen) {
        flushInput();
        m_lastScreen = screen;
        SessionEvent e;
        e.type = "screen";
        record(e);
    }
    m_proto.setInert(mode != Mode::Use);
    ImVec2 mouse = io.MousePos;
    bool overApp = area.Contains(mouse) && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    Hit hover = overApp ? hitTest(mouse) : Hit();
    if (overApp && ImGui::IsMouseClicked(0)) {
        if (mode == Mode::Use) {
            SessionEvent e = clickEvent(hover.probe, hover.live, mouse, area);
            flushInput();
            if (m_recording && hover.live) m_demo.push_back("click " + quoteArg(hover.probe->key));
            record(std::move(e));
        } else if (hover.probe && hover.probe->node) {
            if (mode == Mode::Select) {
                std::string error;
                select(hover.probe->key, &error);
            } else {
                m_pinTarget = hover.probe->key;
                m_pinTargetName = probeName(*hover.probe);
            }
        }
    }

    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->PushClipRect(area.Min, area.Max, true);
    if (showHeatmap || showMisclicks) {
        std::vector<HeatPoint> points = heatPoints(m_events, screen, m_variant);
        if (!showHeatmap) points.erase(std::remove_if(points.begin(), points.end(), [](const HeatPoint& p) { return !p.miss; }), points.end());
        drawHeatmap(dl, area, points, showMisclicks);
    }
    m_hoveredPin = -1;
    m_hoveredPinReactions.clear();
    if (showPins && m_proto.fonts()) {
        std::vector<PinMarker> pins = layoutPins(m_proto, m_reactions);
        m_hoveredPin = drawPins(dl, *m_proto.fonts(), pins, m_reactions, false);
        if (m_hoveredPin >= 0) m_hoveredPinReactions = pins[m_hoveredPin].reactions;
    }
    if (m_proto.fonts()) {
        const FontSet& fonts = *m_proto.fonts();
        ImU32 accent = m_proto.theme().c.brand;
        if (!m_selection.empty())
            for (auto& p : m_proto.probes())
                if (p.node && anchorFor(*p.node, p.key) == m_selection) { drawWidgetOutline(dl, fonts, p.rect, m_selectionName, accent); break; }
        if (mode != Mode::Use && hover.probe && hover.probe->node)
            drawWidgetOutline(dl, fonts, hover.probe->rect, probeName(*hover.probe), mode == Mode::Review ? kReviewOutline : accent);
    }
    dl->PopClipRect();
}

} // namespace pt
