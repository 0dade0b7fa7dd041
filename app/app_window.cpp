// Promptotype — app window implementation: the spec feed, and the meeting window's frame loop.
//
// The platform (GLFW, OpenGL, fonts) is in window_platform.cpp, the presenter panel in presenter.cpp, the device
// frame in device_frame.cpp, the cards over the stage in stage.cpp, the demo player in demo_player.cpp.
//
// [SECTION] Spec feed
// [SECTION] The meeting window
// [SECTION] Between frames: the feed, saves, the meeting
// [SECTION] One frame

#include "app/app_window.h"
#include "app/demo_player.h"
#include "app/device_frame.h"
#include "app/presenter.h"
#include "app/stage.h"
#include "app/window_platform.h"
#include "runtime/engine/prototype.h"
#include "runtime/spec/files.h"
#include "runtime/spec/spec_loader.h"
#include <GLFW/glfw3.h>
#include <imgui_internal.h>
#include <algorithm>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Spec feed
//-----------------------------------------------------------------------------

void SpecFeed::publish(std::shared_ptr<const Spec> spec) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_view.spec = std::move(spec);
    m_version = ++m_view.version;
}

void SpecFeed::setStatus(std::string status) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_view.status == status) return;
    m_view.status = std::move(status);
    m_version = ++m_view.version;
}

void SpecFeed::finish(std::shared_ptr<const Spec> spec, std::string specPath, std::string specText, std::vector<std::string> problems,
                      std::string status) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (spec) m_view.spec = std::move(spec);
    m_view.specPath = std::move(specPath);
    m_view.specText = std::move(specText);
    m_view.problems = std::move(problems);
    m_view.status = std::move(status);
    m_view.finished = true;
    m_version = ++m_view.version;
}

uint64_t SpecFeed::version() const { return m_version.load(); }

SpecFeed::View SpecFeed::view() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_view;
}

//-----------------------------------------------------------------------------
// [SECTION] The meeting window
//-----------------------------------------------------------------------------

namespace {

// The prototype in a device frame beside the presenter panel, and the meeting around it, frame after frame.
class MeetingWindow {
public:
    MeetingWindow(WindowPlatform& platform, std::shared_ptr<const Spec> spec, const AppWindowOptions& options);
    void run();  // until closed, quit, or options.maxFrames

private:
    void startMeeting(const std::string& specText);  // the prototype shows the spec file's document, read as `specText`
    void takeFeed();        // a newer spec, progress, or the end of the generation streaming in
    void takeSave();        // the spec file changed on disk
    void pollMeeting();     // a refinement finished, notices
    void shortcuts();       // Ctrl+K, Ctrl+Z / Ctrl+Shift+Z, Escape
    void applyTheme();      // after the spec changed: its mode when that changed, else the presenter's switch
    void drawFrame();       // the whole window
    void drawStage(const ImRect& stage);        // the device, or two side by side
    void syncOtherVariant();                    // side by side: the other variant, compiled when it changed
    void drawOtherVariant(const ImRect& stage, const ImRect& screen);
    void drawCards(const ImRect& stage);        // requirement outlines, prompt bar, reaction composer, flow map, progress, problems
    void replayDemo();

    WindowPlatform& m_platform;
    const AppWindowOptions& m_options;
    const FontSet& m_fonts;
    Prototype m_proto;
    PresenterState m_ps;
    SpecWatcher m_watcher;
    uint64_t m_feedVersion = 0;
    bool m_deviceChosen;
    bool m_feedShown = false;  // a spec from the feed replaced the waiting screen
    bool m_specDark = false;   // the mode (or background darkness) of the spec last applied
    std::unique_ptr<Meeting> m_meeting;
    DemoPlayer m_demo;
    std::unique_ptr<Prototype> m_other;  // side by side: the other variant
    std::string m_otherVariant;
    int m_otherVersion = -1;
};

MeetingWindow::MeetingWindow(WindowPlatform& platform, std::shared_ptr<const Spec> spec, const AppWindowOptions& options)
    : m_platform(platform), m_options(options), m_fonts(platform.fonts()), m_proto(spec), m_watcher(options.specPath),
      m_deviceChosen(!options.device.empty()) {
    m_proto.setFonts(&m_fonts);
    m_ps.device = options.device.empty() ? spec->device : options.device;
    m_ps.dark = options.dark || spec->dark;
    m_specDark = spec->dark;
    m_ps.file = options.specPath;
    m_ps.generating = options.feed != nullptr;
    m_ps.pinnedRequirement = options.requirement - 1;
    m_proto.setTheme(m_ps.dark);
    if (!m_ps.generating && !m_ps.file.empty()) startMeeting(options.specText);
}

void MeetingWindow::startMeeting(const std::string& specText) {
    m_meeting = std::make_unique<Meeting>(m_proto, m_ps.file);
    std::string error;
    if (!m_meeting->open(specText, &error)) { say(m_ps, error); m_meeting.reset(); return; }
    // A save made while no window was open joins the timeline now (a spec without history stays untouched).
    if (!m_meeting->history().versions().empty() && !m_meeting->history().syncWithFile(&error)) say(m_ps, error);
    if (!m_options.session.empty()) m_meeting->startSession(m_options.session);
    if (m_options.share && !m_ps.share && !startSharing(m_ps, &error)) say(m_ps, error);
}

void MeetingWindow::run() {
    int frames = 0;
    double last = m_platform.time();
    while (!m_platform.closeRequested() && !(m_options.quit && m_options.quit->load())) {
        m_platform.pollEvents();
        takeFeed();
        takeSave();
        pollMeeting();
        double now = m_platform.time();
        m_proto.update(now - last);
        if (m_other) m_other->update(now - last);
        m_platform.useFontFace(m_proto.theme().font);  // a spec, reload or refinement may ask for another family
        m_platform.beginFrame();
        if (m_meeting) {
            std::string said;
            m_demo.inject(*m_meeting, m_options.refine, now - last, &said);
            if (!said.empty()) say(m_ps, said);
        }
        last = now;
        ImGui::NewFrame();
        shortcuts();
        drawFrame();
        bool lastFrame = m_options.maxFrames > 0 && ++frames >= m_options.maxFrames;
        m_platform.present(lastFrame ? m_options.screenshot : "");
        if (lastFrame) break;
    }
    if (m_meeting) m_meeting->endSession();
}

//-----------------------------------------------------------------------------
// [SECTION] Between frames: the feed, saves, the meeting
//-----------------------------------------------------------------------------

void MeetingWindow::takeFeed() {
    if (!m_options.feed || !m_ps.generating || m_options.feed->version() == m_feedVersion) return;
    SpecFeed::View v = m_options.feed->view();
    m_feedVersion = v.version;
    if (v.spec && v.spec.get() != &m_proto.spec()) {
        m_proto.replaceSpec(v.spec);
        if (!m_feedShown) m_proto.reset();  // the first real spec starts fresh: its clock, state and start screen
        m_feedShown = true;
        applyTheme();
        if (!m_deviceChosen) m_ps.device = v.spec->device;
    }
    m_ps.status = v.status;
    if (!v.finished) return;
    m_ps.generating = false;
    m_ps.problems = v.problems;
    m_ps.file = v.specPath;
    m_ps.problemsTitle = "The generated spec still has problems; placeholders stand in for them";
    m_watcher = SpecWatcher(v.specPath);  // stamps the file as written: that is what is showing
    if (!m_ps.file.empty()) startMeeting(v.specText);
}

void MeetingWindow::takeSave() {
    if (!m_watcher.changed()) return;
    std::vector<std::string> problems;
    if (m_meeting) m_meeting->reloadFromFile(&problems);
    else {
        LoadResult r = SpecLoader::loadFile(m_ps.file);
        for (auto& d : r.diagnostics)
            if (d.level == Diagnostic::Level::Error) problems.push_back(d.format(m_ps.file));
        if (r.spec && problems.empty()) m_proto.replaceSpec(r.spec);
    }
    m_ps.problems = problems;
    m_ps.problemsTitle = "The last save has problems; showing the last good version";
    applyTheme();
}

void MeetingWindow::pollMeeting() {
    if (!m_meeting) return;
    uint64_t before = (uint64_t)m_meeting->version();
    m_meeting->poll();
    m_meeting->followLogs();  // viewers of a shared link append to the same logs
    if ((uint64_t)m_meeting->version() != before) { applyTheme(); m_ps.problems.clear(); }
    for (auto& n : m_meeting->takeNotices()) say(m_ps, n);
}

// A spec that turned dark (or light), by its mode or a background, is shown so; otherwise the presenter's switch stays.
void MeetingWindow::applyTheme() {
    if (m_proto.spec().dark != m_specDark) m_ps.dark = m_specDark = m_proto.spec().dark;
    m_proto.setTheme(m_ps.dark);
}

// Meeting shortcuts (not while typing into a field).
void MeetingWindow::shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (m_meeting && io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_K, false)) { m_ps.promptOpen = !m_ps.promptOpen; m_ps.focusPrompt = m_ps.promptOpen; }
    if (m_meeting && io.KeyCtrl && !io.WantTextInput && ImGui::IsKeyPressed(GLFW_KEY_Z, false)) {
        std::string message;
        io.KeyShift ? m_meeting->redo(&message) : m_meeting->undo(&message);
        say(m_ps, message);
        applyTheme();
    }
    if (m_ps.promptOpen && !m_ps.flowMapOpen && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && m_meeting && m_meeting->pinTarget().empty())
        m_ps.promptOpen = false;
}

//-----------------------------------------------------------------------------
// [SECTION] One frame
//-----------------------------------------------------------------------------

void MeetingWindow::drawFrame() {
    ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImRect full(vp->WorkPos, vp->WorkPos + vp->WorkSize);
    beginStageWindow("##app", full);
    ImGui::PushFont(m_fonts.get(TextStyle::Body));
    const float panel = 272;
    ImGui::GetWindowDrawList()->AddRectFilled(full.Min, full.Max, stageBackground(m_proto.theme()));
    ImRect stage(ImVec2(full.Min.x + panel, full.Min.y), full.Max);
    drawStage(stage);
    drawPresenter(m_proto, m_meeting.get(), m_ps, m_fonts, ImRect(full.Min, ImVec2(full.Min.x + panel, full.Max.y)), m_demo.active(),
                  [this] { replayDemo(); });
    drawCards(stage);
    ImGui::PopFont();
    ImGui::End();
}

void MeetingWindow::drawStage(const ImRect& stage) {
    syncOtherVariant();
    ImRect mainStage = stage;
    if (m_other) mainStage.Max.x = stage.GetCenter().x;
    ImRect screen = drawDeviceFrame(m_ps.device, mainStage, m_proto.theme());
    drawPrototype(m_proto, screen);
    if (m_meeting) m_meeting->frame(screen);
    if (m_other) drawOtherVariant(stage, screen);
}

void MeetingWindow::syncOtherVariant() {
    bool split = m_meeting && m_ps.sideBySide && m_meeting->variants().size() > 1;
    if (!split) { m_other.reset(); return; }
    const auto& names = m_meeting->variants();
    std::string want = m_meeting->variant() == names[0] ? names[1] : names[0];
    if (!m_other || m_otherVariant != want || m_otherVersion != m_meeting->version()) {
        if (auto s = m_meeting->compileVariant(want)) {
            m_other = std::make_unique<Prototype>(s);
            m_other->setFonts(&m_fonts);
            m_other->showScreen(m_proto.currentScreen());
            m_otherVariant = want;
            m_otherVersion = m_meeting->version();
        }
    }
    if (m_other) m_other->setTheme(m_ps.dark);
}

// The other variant in a second device on the right half, each device tagged with its variant on the bezel.
void MeetingWindow::drawOtherVariant(const ImRect& stage, const ImRect& screen) {
    ImRect otherStage(ImVec2(stage.GetCenter().x, stage.Min.y), stage.Max);
    ImRect otherScreen = drawDeviceFrame(m_ps.device, otherStage, m_other->theme());
    ImGui::PushID("other");
    drawPrototype(*m_other, otherScreen);
    ImGui::PopID();
    ImFont* f = m_fonts.get(TextStyle::Strong);
    auto tag = [&](const ImRect& r, const std::string& text) {  // on the bezel above the screen
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str());
        ImVec2 min(r.GetCenter().x - ts.x * 0.5f - 12, std::max(stage.Min.y + 4, r.Min.y - 34));
        ImGui::GetWindowDrawList()->AddRectFilled(min, min + ImVec2(ts.x + 24, 26), m_proto.theme().c.brand, 13);
        ImGui::GetWindowDrawList()->AddText(f, f->FontSize, min + ImVec2(12, (26 - ts.y) * 0.5f), m_proto.theme().c.onBrand, text.c_str());
    };
    tag(screen, "Variant " + m_meeting->variant());
    tag(otherScreen, "Variant " + m_otherVariant);
}

void MeetingWindow::drawCards(const ImRect& stage) {
    drawRequirementOutlines(m_proto, m_ps);
    if (m_meeting) {
        const Theme& t = m_proto.theme();
        if (m_ps.promptOpen) drawPromptBar(*m_meeting, m_ps, m_options.refine, m_fonts, t, stage);
        if (!m_meeting->pinTarget().empty()) drawReactionComposer(*m_meeting, m_ps, m_fonts, t, stage);
        drawPinTooltip(*m_meeting, m_fonts);
        if (m_ps.flowMapOpen) drawFlowMapPanel(*m_meeting, m_ps, m_fonts, t, stage);
        m_demo.drawPointer();
    }
    if (!m_ps.problems.empty()) drawErrorOverlay(m_ps, m_fonts, stage);
    if (m_ps.generating && !m_ps.status.empty()) drawProgressStrip(m_ps.status, m_fonts, m_proto.theme(), stage);
    else if (!m_ps.notice.empty() && ImGui::GetTime() < m_ps.noticeUntil) drawProgressStrip(m_ps.notice, m_fonts, m_proto.theme(), stage);
}

void MeetingWindow::replayDemo() {
    std::vector<std::string> steps;
    std::string error;
    if (m_meeting->loadDemo(&steps, &error)) m_demo.start(std::move(steps));
    else say(m_ps, error);
}

} // namespace

bool runAppWindow(std::shared_ptr<const Spec> spec, const AppWindowOptions& options, std::string* why) {
    WindowPlatform platform;
    if (!platform.open("Promptotype — " + spec->name, why)) return false;
    MeetingWindow(platform, spec, options).run();
    return true;
}

} // namespace pt
