// Promptotype — app window implementation.
//
// [SECTION] Spec feed
// [SECTION] Presenter panel
// [SECTION] Prompt bar, reaction composer, flow map
// [SECTION] Demo player (replays a recorded click-through with a visible pointer)
// [SECTION] Device frame, progress strip and error overlay
// [SECTION] Main loop

#include "app/app_window.h"
#include "runtime/headless/headless.h"
#include "meeting/meeting_overlays.h"
#include "meeting/step_runner.h"
#include "runtime/engine/prototype.h"
#include "runtime/headless/raster.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/files.h"
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui_internal.h>
#include <algorithm>
#include <cstdio>
#include <functional>

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

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Presenter panel
//-----------------------------------------------------------------------------

struct PresenterState {
    std::string device;
    bool dark = false;
    std::vector<std::string> problems;  // diagnostics of the last failed reload; empty when fine
    std::string file;
    std::string problemsTitle;          // headline of the problems overlay
    std::string status;                 // generation progress; "" when not generating
    bool generating = false;            // a feed is still streaming
    // Meeting mode
    bool promptOpen = false, focusPrompt = false;
    char prompt[512] = "";
    char sessionName[64] = "Review";
    char who[64] = "";
    char comment[512] = "";
    int pinKind = 0;
    bool sideBySide = false;
    bool flowMapOpen = false;
    std::string notice;                 // transient message over the stage
    double noticeUntil = 0;
};

void caption(const FontSet& fonts, const Theme& t, const char* text) {
    ImGui::Dummy(ImVec2(1, 10));
    ImGui::PushFont(fonts.get(TextStyle::Caption));
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.textMuted);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// A row of equal buttons, the selected one filled with the brand color. Returns the index clicked, or -1.
int segmented(const char* id, const std::vector<std::string>& labels, int selected, const Theme& t) {
    int clicked = -1;
    float w = (ImGui::GetContentRegionAvail().x - 4 * (labels.size() - 1)) / std::max<size_t>(1, labels.size());
    ImGui::PushID(id);
    for (size_t i = 0; i < labels.size(); ++i) {
        if (i) ImGui::SameLine(0, 4);
        bool on = (int)i == selected;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? t.c.brand : t.c.surfaceAlt);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? t.c.brandHover : t.c.border);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? t.c.onBrand : t.c.text);
        if (ImGui::Button(labels[i].c_str(), ImVec2(w, 30))) clicked = (int)i;
        ImGui::PopStyleColor(3);
    }
    ImGui::PopID();
    return clicked;
}

void say(PresenterState& ps, std::string text) {
    ps.notice = std::move(text);
    ps.noticeUntil = ImGui::GetTime() + 5.0;
}

void drawPresenter(Prototype& proto, Meeting* meeting, PresenterState& ps, const FontSet& fonts, const ImRect& r, bool replaying,
                   const std::function<void()>& onReplay) {
    const Theme& t = proto.theme();
    ImGui::SetCursorScreenPos(r.Min);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 20));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, t.c.surface);
    ImGui::BeginChild("##presenter", r.GetSize(), false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 7));  // a compact tool panel beside the roomier prototype
    ImGui::GetWindowDrawList()->AddLine(ImVec2(r.Max.x - 0.5f, r.Min.y), ImVec2(r.Max.x - 0.5f, r.Max.y), t.c.border);
    ImGui::PushItemWidth(-FLT_MIN);
    ImGui::PushFont(fonts.get(TextStyle::H3));
    ImGui::TextUnformatted(proto.spec().name.c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts.get(TextStyle::Caption));
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.textMuted);
    ImGui::PushTextWrapPos(0);
    if (!proto.spec().idea.empty()) ImGui::TextUnformatted(proto.spec().idea.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();

    if (meeting) {
        ImGui::Dummy(ImVec2(1, 6));
        ImGui::PushStyleColor(ImGuiCol_Button, t.c.brand);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, t.c.brandHover);
        ImGui::PushStyleColor(ImGuiCol_Text, t.c.onBrand);
        std::string refineLabel = iconGlyph("magic") + "  Refine in words   Ctrl+K";
        if (ImGui::Button(refineLabel.c_str(), ImVec2(-FLT_MIN, 36))) { ps.promptOpen = true; ps.focusPrompt = true; }
        ImGui::PopStyleColor(3);
        caption(fonts, t, "MODE");
        int mode = segmented("mode", {"Use", "Select", "Review"}, (int)meeting->mode, t);
        if (mode >= 0) {
            meeting->mode = (Meeting::Mode)mode;
            meeting->clearPinTarget();
        }
    }

    caption(fonts, t, "SCREENS");
    Scope scope(&proto.state());
    for (auto& s : proto.spec().screens) {
        std::string title = toDisplayString(s.title.eval(scope, proto.env()));
        bool current = proto.currentScreen() == s.id;
        ImGui::PushID(s.id.c_str());
        if (ImGui::Selectable(title.c_str(), current, 0, ImVec2(0, 28))) {
            proto.showScreen(s.id);
            if (meeting) meeting->noteStep("screen " + s.id);
        }
        ImGui::PopID();
    }
    if (meeting && ImGui::Button((iconGlyph("sitemap") + "  Flow map").c_str(), ImVec2(-FLT_MIN, 30))) ps.flowMapOpen = true;

    if (meeting) {
        SpecHistory& h = meeting->history();
        char head[64];
        std::snprintf(head, sizeof head, "VERSION %d OF %d", h.current(), (int)h.versions().size());
        caption(fonts, t, head);
        float half = (ImGui::GetContentRegionAvail().x - 4) * 0.5f;
        std::string message;
        ImGui::BeginDisabled(!h.canUndo());
        if (ImGui::Button((iconGlyph("undo") + " Undo").c_str(), ImVec2(half, 30))) { meeting->undo(&message); say(ps, message); }
        ImGui::EndDisabled();
        ImGui::SameLine(0, 4);
        ImGui::BeginDisabled(!h.canRedo());
        if (ImGui::Button((iconGlyph("repeat") + " Redo").c_str(), ImVec2(half, 30))) { meeting->redo(&message); say(ps, message); }
        ImGui::EndDisabled();
        if (!h.versions().empty() && ImGui::BeginListBox("##timeline", ImVec2(-FLT_MIN, std::min(5.0f, (float)h.versions().size()) * 24 + 8))) {
            for (auto it = h.versions().rbegin(); it != h.versions().rend(); ++it) {
                std::string line = "v" + std::to_string(it->number) + "  " + it->kind + (it->summary.empty() ? "" : ": " + it->summary);
                ImGui::PushID(it->number);
                if (ImGui::Selectable(line.c_str(), it->number == h.current()) && it->number != h.current()) {
                    meeting->jumpTo(it->number, &message);
                    say(ps, message);
                }
                ImGui::PopID();
            }
            ImGui::EndListBox();
        }

        if (meeting->variants().size() > 1) {
            caption(fonts, t, "VARIANT");
            const auto& names = meeting->variants();
            int current = (int)(std::find(names.begin(), names.end(), meeting->variant()) - names.begin());
            int pick = segmented("variant", names, current, t);
            if (pick >= 0) {
                std::string error;
                if (!meeting->setVariant(names[pick], &error)) say(ps, error);
            }
            ImGui::Checkbox("Side by side", &ps.sideBySide);
        }

        caption(fonts, t, "OVERLAYS");
        ImGui::Checkbox("Reaction pins", &meeting->showPins);
        ImGui::Checkbox("Click heat map", &meeting->showHeatmap);
        ImGui::Checkbox("Misclicks", &meeting->showMisclicks);

        caption(fonts, t, "SESSION");
        if (meeting->session().empty()) {
            ImGui::InputTextWithHint("##session", "Session name", ps.sessionName, sizeof ps.sessionName);
            if (ImGui::Button((iconGlyph("circle") + "  Start recording session").c_str(), ImVec2(-FLT_MIN, 30))) meeting->startSession(ps.sessionName);
        } else {
            ImGui::TextWrapped("Recording '%s'", meeting->session().c_str());
            if (ImGui::Button((iconGlyph("stop") + "  End session").c_str(), ImVec2(-FLT_MIN, 30))) meeting->endSession();
        }

        caption(fonts, t, "CLOCK");
        std::string now = formatIsoDateTime(proto.now());
        std::replace(now.begin(), now.end(), 'T', ' ');
        ImGui::Text("%s %s", iconGlyph("clock-o").c_str(), now.c_str());
        if (ImGui::Button("+1 hour", ImVec2(half, 30))) meeting->advanceClock(3600);
        ImGui::SameLine(0, 4);
        if (ImGui::Button("+1 day", ImVec2(half, 30))) meeting->advanceClock(86400);

        caption(fonts, t, "DEMO");
        if (!meeting->recording()) {
            ImGui::BeginDisabled(replaying);
            if (ImGui::Button((iconGlyph("circle") + " Record").c_str(), ImVec2(half, 30))) meeting->startRecording();
            ImGui::SameLine(0, 4);
            if (ImGui::Button((iconGlyph("play") + " Replay").c_str(), ImVec2(half, 30))) onReplay();
            ImGui::EndDisabled();
        } else if (ImGui::Button((iconGlyph("stop") + "  Stop and save demo").c_str(), ImVec2(-FLT_MIN, 30))) {
            std::string error;
            say(ps, meeting->stopRecording(&error) ? std::to_string(meeting->recordedSteps().size()) + " steps saved: Replay runs them" : error);
        }
        if (!meeting->reactions().empty()) {
            caption(fonts, t, "REACTIONS");
            ImGui::Text("%d pinned", (int)meeting->reactions().size());
            std::vector<Reaction> orphans = meeting->orphanedReactions();
            if (!orphans.empty()) {  // their widget is gone: listed here and in the report, never dropped
                ImGui::PushFont(fonts.get(TextStyle::Caption));
                ImGui::PushStyleColor(ImGuiCol_Text, t.c.textMuted);
                ImGui::TextWrapped("On widgets no longer in the prototype:");
                ImGui::PopStyleColor();
                for (auto& r : orphans) {
                    const ReactionKind* k = findReactionKind(r.kind);
                    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(k ? k->color : t.c.text), "%s", k ? iconGlyph(k->icon).c_str() : "");
                    ImGui::SameLine();
                    std::string line = (r.label.empty() ? r.widget : r.label) + (r.who.empty() ? "" : " · " + r.who) +
                                       (r.comment.empty() ? "" : ": " + r.comment);
                    ImGui::TextWrapped("%s", line.c_str());
                }
                ImGui::PopFont();
            }
        }
    }

    caption(fonts, t, "PROTOTYPE");
    if (ImGui::Button("Reset state", ImVec2(-FLT_MIN, 30))) {
        if (meeting) meeting->reset();
        else proto.reset();
    }
    static const char* devices[] = {"phone", "tablet", "desktop"};
    int current = 0;
    for (int i = 0; i < 3; ++i) if (ps.device == devices[i]) current = i;
    if (ImGui::Combo("##device", &current, devices, 3)) ps.device = devices[current];
    if (ImGui::Checkbox("Dark mode", &ps.dark)) proto.setTheme(ps.dark);
    ImGui::Dummy(ImVec2(1, 8));
    ImGui::PushFont(fonts.get(TextStyle::Caption));
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.textMuted);
    ImGui::PushTextWrapPos(0);
    if (ps.generating) ImGui::TextUnformatted("Generating: screens appear as the model finishes them.");
    else {
        if (!ps.status.empty()) ImGui::TextUnformatted(ps.status.c_str());
        ImGui::TextUnformatted(ps.problems.empty() ? "Watching the spec: save to update." : "The spec has problems: they are listed over the device.");
    }
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PopItemWidth();
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

//-----------------------------------------------------------------------------
// [SECTION] Prompt bar, reaction composer, flow map
//-----------------------------------------------------------------------------

// A floating card at the bottom of the stage: what to change, the selected widget it is about, the result.
void drawPromptBar(Meeting& meeting, PresenterState& ps, const RefineFunction& refine, const FontSet& fonts, const Theme& t, const ImRect& stage) {
    ImVec2 size(std::min(620.0f, stage.GetWidth() - 40), 0);
    ImGui::SetNextWindowPos(ImVec2(stage.GetCenter().x, stage.Max.y - 24), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 16);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 14));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, t.c.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, t.c.border);
    ImGui::Begin("##prompt", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
    if (!meeting.selection().empty()) {
        ImGui::PushFont(fonts.get(TextStyle::Caption));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.c.brand), "%s About %s", iconGlyph("crosshairs").c_str(), meeting.selectionName().c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("whole app")) meeting.clearSelection();
        ImGui::PopFont();
    } else {
        ImGui::PushFont(fonts.get(TextStyle::Caption));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.c.textMuted), "Tip: Select mode, then click a widget to scope the change to it");
        ImGui::PopFont();
    }
    if (ps.focusPrompt) { ImGui::SetKeyboardFocusHere(); ps.focusPrompt = false; }
    ImGui::SetNextItemWidth(size.x - 32 - 90);
    ImGui::BeginDisabled(meeting.refining());
    bool send = ImGui::InputTextWithHint("##request", "Describe a change: \"add a dark mode switch to settings\"", ps.prompt, sizeof ps.prompt,
                                         ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, t.c.brand);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, t.c.brandHover);
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.onBrand);
    send |= ImGui::Button("Refine", ImVec2(82, 0));
    ImGui::PopStyleColor(3);
    ImGui::EndDisabled();
    if (send && ps.prompt[0] && refine) {
        meeting.startRefine(ps.prompt, refine);
        ps.prompt[0] = 0;
    }
    const std::string& message = meeting.lastRefineMessage();
    if (meeting.refining() || !message.empty()) {
        ImGui::PushFont(fonts.get(TextStyle::Caption));
        ImU32 color = meeting.refining() ? t.c.textMuted : meeting.lastRefineFailed() ? t.c.danger : t.c.success;
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::PushTextWrapPos(size.x - 16);
        ImGui::TextUnformatted(((meeting.refining() ? iconGlyph("spinner") + " " : "") + message).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    ImGui::End();
}

// Review mode: the widget clicked is waiting for a reaction: kind, words, name.
void drawReactionComposer(Meeting& meeting, PresenterState& ps, const FontSet& fonts, const Theme& t, const ImRect& stage) {
    ImGui::SetNextWindowPos(ImVec2(stage.Max.x - 24, stage.Min.y + 24), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(300, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 16);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 14));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, t.c.surface);
    ImGui::Begin("##react", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::PushFont(fonts.get(TextStyle::Strong));
    ImGui::TextWrapped("React to %s", meeting.pinTargetName().c_str());
    ImGui::PopFont();
    const auto& kinds = reactionKinds();
    for (size_t i = 0; i < kinds.size(); ++i) {
        if (i % 2) ImGui::SameLine(0, 6);
        bool on = ps.pinKind == (int)i;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? kinds[i].color : t.c.surfaceAlt);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? IM_COL32_WHITE : t.c.text);
        std::string label = iconGlyph(kinds[i].icon) + "  " + kinds[i].label;
        if (ImGui::Button(label.c_str(), ImVec2(131, 32))) ps.pinKind = (int)i;
        ImGui::PopStyleColor(2);
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextMultiline("##comment", ps.comment, sizeof ps.comment, ImVec2(-FLT_MIN, 60));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##who", "Your name (optional)", ps.who, sizeof ps.who);
    ImGui::PushStyleColor(ImGuiCol_Button, t.c.brand);
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.onBrand);
    bool pin = ImGui::Button("Pin reaction", ImVec2(160, 32));
    ImGui::PopStyleColor(2);
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(-FLT_MIN, 32)) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) meeting.clearPinTarget();
    if (pin) {
        std::string error;
        meeting.setPerson(ps.who);
        if (meeting.react(meeting.pinTarget(), kinds[ps.pinKind].name, ps.comment, &error)) {
            say(ps, std::string("Pinned: ") + kinds[ps.pinKind].label + (ps.who[0] ? std::string(" from ") + ps.who : ""));
            ps.comment[0] = 0;
        } else say(ps, error);
        meeting.clearPinTarget();
    }
    ImGui::End();
}

// The reactions under the pointer, as a tooltip.
void drawPinTooltip(Meeting& meeting, const FontSet& fonts) {
    auto reactions = meeting.hoveredPinReactions();
    if (reactions.empty()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(320);
    for (auto& r : reactions) {
        const ReactionKind* k = findReactionKind(r.kind);
        ImGui::PushFont(fonts.get(TextStyle::Strong));
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(k ? k->color : IM_COL32_WHITE), "%s %s", k ? iconGlyph(k->icon).c_str() : "",
                           k ? k->label : r.kind.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextDisabled("%s%s", r.who.empty() ? "anonymous" : r.who.c_str(), r.variant != "A" ? (" · variant " + r.variant).c_str() : "");
        if (!r.comment.empty()) ImGui::TextUnformatted(r.comment.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// The flow map over the stage, in its own window so its clicks never reach the prototype; clicking a screen jumps to it.
void drawFlowMapPanel(Meeting& meeting, PresenterState& ps, const FontSet& fonts, const Theme& t, const ImRect& stage) {
    ImGui::SetNextWindowPos(stage.Min);
    ImGui::SetNextWindowSize(stage.GetSize());
    ImGui::SetNextWindowFocus();  // modal: above the prototype and the prompt bar
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, withAlpha(t.c.scrim, 0.45f));
    ImGui::Begin("##flowmap", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImRect box(stage.Min + ImVec2(24, 24), stage.Max - ImVec2(24, 24));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(box.Min, box.Max, t.c.surface, 16);
    ImFont* h = fonts.get(TextStyle::H3);
    ImFont* c = fonts.get(TextStyle::Caption);
    dl->AddText(h, h->FontSize, box.Min + ImVec2(20, 16), t.c.text, "Flow map");
    dl->AddText(c, c->FontSize, box.Min + ImVec2(20, 44), t.c.textMuted, "Click a screen to jump to it · Esc or a click outside closes");
    auto figures = computeFigures(meeting.events(), meeting.proto().spec());
    const VariantFigures* mine = nullptr;
    for (auto& f : figures) if (f.variant == meeting.variant()) mine = &f;
    FlowMap map = layoutFlowMap(meeting.proto().spec(), mine);
    std::string jump = drawFlowMap(map, ImRect(box.Min + ImVec2(16, 72), box.Max - ImVec2(16, 16)), meeting.proto().currentScreen(), t, fonts, true);
    if (!jump.empty()) {
        meeting.proto().showScreen(jump);
        meeting.noteStep("screen " + jump);
        ps.flowMapOpen = false;
    }
    bool outside = ImGui::IsMouseClicked(0) && ImGui::IsWindowHovered() && !box.Contains(ImGui::GetIO().MousePos);
    if (outside || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) ps.flowMapOpen = false;
    ImGui::End();
}

//-----------------------------------------------------------------------------
// [SECTION] Demo player (replays a recorded click-through with a visible pointer)
//-----------------------------------------------------------------------------

class DemoPlayer {
public:
    bool active() const { return m_next < m_steps.size() || m_phase != Phase::Idle; }
    void start(std::vector<std::string> steps) {
        m_steps = std::move(steps);
        m_next = 0;
        m_phase = Phase::Idle;
        m_wait = 0.3;
    }
    void stop() { m_steps.clear(); m_next = 0; m_phase = Phase::Idle; }

    // Between the backend's NewFrame and ImGui::NewFrame: moves the pointer, presses, types, or runs the next step.
    void inject(Meeting& meeting, const RefineFunction& refine, double dt, std::string* said) {
        if (!active()) return;
        ImGuiIO& io = ImGui::GetIO();
        if (m_releaseCtrl) { io.KeyCtrl = false; io.KeysDown[GLFW_KEY_A] = false; m_releaseCtrl = false; }
        switch (m_phase) {
        case Phase::Moving: {
            m_t = std::min(1.0, m_t + dt / 0.5);
            float e = (float)(m_t * m_t * (3 - 2 * m_t));
            m_pointer = m_from + (m_to - m_from) * e;
            io.MousePos = m_pointer;
            if (m_t >= 1.0) m_phase = Phase::Press;
            return;
        }
        case Phase::Press:
            io.MousePos = m_pointer;
            io.MouseDown[0] = true;
            m_phase = Phase::Release;
            return;
        case Phase::Release:
            io.MousePos = m_pointer;
            io.MouseDown[0] = false;
            if (m_text.empty()) { m_phase = Phase::Idle; m_wait = 0.7; }
            else m_phase = Phase::SelectAll;
            return;
        case Phase::SelectAll:  // typing replaces the field's text, like a person retyping it
            io.MousePos = m_pointer;
            io.KeyCtrl = true;
            io.KeysDown[GLFW_KEY_A] = true;
            m_releaseCtrl = true;
            m_phase = Phase::Type;
            return;
        case Phase::Type:
            io.MousePos = m_pointer;
            io.AddInputCharactersUTF8(m_text.c_str());
            m_text.clear();
            m_phase = Phase::Idle;
            m_wait = 0.9;
            return;
        case Phase::Idle: break;
        }
        io.MousePos = m_pointer;
        if ((m_wait -= dt) > 0 || m_next >= m_steps.size()) return;
        const std::string step = m_steps[m_next++];
        auto parts = splitStep(step, 3);
        const std::string& verb = parts[0];
        if ((verb == "click" && parts.size() >= 2) || (verb == "type" && parts.size() == 3)) {
            std::string target = verb == "click" ? splitStep(step, 2)[1] : parts[1];
            const Probe* p = findProbe(meeting.proto().probes(), target);
            if (!p) { *said = "demo stopped: no widget '" + target + "' on screen '" + meeting.proto().currentScreen() + "'"; stop(); return; }
            ImRect visible = p->rect;
            visible.ClipWith(p->clip);
            m_from = m_pointer.x < 0 ? visible.GetCenter() + ImVec2(60, 80) : m_pointer;
            m_to = visible.GetCenter();
            m_t = 0;
            m_text = verb == "type" ? parts[2] : "";
            m_phase = Phase::Moving;
            return;
        }
        if (verb == "wait" && parts.size() >= 2) { m_wait = std::atof(parts[1].c_str()) / 1000.0; return; }
        if (verb == "back") { meeting.proto().back(); m_wait = 0.7; return; }
        bool handled = false;
        std::string error, message;
        bool ok = runMeetingStep(meeting, step, refine, &handled, &error, &message);
        if (!handled || !ok) { *said = "demo stopped at '" + step + "': " + (handled ? error : "not a step the window can replay"); stop(); return; }
        if (!message.empty()) *said = message;
        m_wait = 0.7;
    }

    void drawPointer() const {
        if (!active() || m_pointer.x < 0) return;
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        dl->AddCircleFilled(m_pointer, 14, IM_COL32(79, 124, 255, 60));
        dl->AddCircle(m_pointer, 14, IM_COL32(79, 124, 255, 200), 0, 2);
        dl->AddCircleFilled(m_pointer, 4, IM_COL32(79, 124, 255, 255));
    }

private:
    enum class Phase { Idle, Moving, Press, Release, SelectAll, Type };
    std::vector<std::string> m_steps;
    size_t m_next = 0;
    Phase m_phase = Phase::Idle;
    double m_wait = 0, m_t = 0;
    ImVec2 m_from, m_to, m_pointer{-1, -1};
    std::string m_text;
    bool m_releaseCtrl = false;
};

//-----------------------------------------------------------------------------
// [SECTION] Device frame, progress strip and error overlay
//-----------------------------------------------------------------------------

// A pill at the top of the stage while a generation streams: spinner dot, progress line.
void drawProgressStrip(const std::string& status, const FontSet& fonts, const Theme& t, const ImRect& stage) {
    ImFont* f = fonts.get(TextStyle::Caption);
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, status.c_str());
    ImVec2 size(ts.x + 48, 30);
    ImVec2 min(std::floor(stage.GetCenter().x - size.x * 0.5f), stage.Min.y + 8);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(min, min + size, t.dark ? IM_COL32(40, 44, 54, 240) : IM_COL32(255, 255, 255, 245), 15);
    dl->AddRect(min, min + size, t.c.border, 15);
    float phase = (float)ImGui::GetTime() * 4.0f;
    dl->AddCircleFilled(min + ImVec2(18, 15), 4.0f + 1.5f * std::sin(phase), t.c.brand);
    dl->AddText(f, f->FontSize, min + ImVec2(32, (size.y - ts.y) * 0.5f), t.c.text, status.c_str());
}

ImRect drawDeviceFrame(const std::string& device, const ImRect& area, const Theme& t) {
    ImVec2 size = deviceSize(device);
    float bezel = device == "desktop" ? 10 : 14;
    // Shrink to fit the window, never grow: fonts are baked at 1x.
    float scale = std::min(1.0f, std::min((area.GetWidth() - 40) / (size.x + 2 * bezel), (area.GetHeight() - 40) / (size.y + 2 * bezel)));
    if (scale < 1.0f) size = ImVec2(std::floor(size.x * scale), std::floor(size.y * scale));
    ImVec2 outer = size + ImVec2(2 * bezel, 2 * bezel);
    ImVec2 min = area.GetCenter() - outer * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float rounding = device == "desktop" ? 12 : 44;
    dl->AddRectFilled(min + ImVec2(0, 8), min + outer + ImVec2(0, 8), IM_COL32(0, 0, 0, 40), rounding);
    dl->AddRectFilled(min, min + outer, t.dark ? IM_COL32(52, 55, 64, 255) : IM_COL32(24, 26, 32, 255), rounding);
    ImRect screen(min + ImVec2(bezel, bezel), min + ImVec2(bezel, bezel) + size);
    return screen;
}

void drawErrorOverlay(const PresenterState& ps, const FontSet& fonts, const ImRect& r) {
    ImFont* h = fonts.get(TextStyle::Strong);
    ImFont* f = fonts.get(TextStyle::Caption);
    float wrap = r.GetWidth() - 24 - 28;
    // Sized to its lines (at most a third of the stage), anchored to the bottom.
    float textH = 0;
    for (auto& p : ps.problems) textH += f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, p.c_str()).y + 4;
    float boxH = std::min(r.GetHeight() / 3, 52 + textH);
    ImRect box(ImVec2(r.Min.x + 12, r.Max.y - 12 - boxH), ImVec2(r.Max.x - 12, r.Max.y - 12));
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(box.Min, box.Max, IM_COL32(127, 29, 29, 240), 12);
    dl->PushClipRect(box.Min, box.Max, true);
    dl->AddText(h, h->FontSize, box.Min + ImVec2(14, 12), IM_COL32(255, 255, 255, 255), ps.problemsTitle.c_str());
    float y = box.Min.y + 40;
    for (auto& p : ps.problems) {
        dl->AddText(f, f->FontSize, ImVec2(box.Min.x + 14, y), IM_COL32(254, 226, 226, 255), p.c_str(), nullptr, wrap);
        y += f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, p.c_str()).y + 4;
    }
    dl->PopClipRect();
}

// Reads the back buffer before the swap (what is about to be shown) and writes it as a PNG.
void captureWindow(int w, int h, const std::string& path) {
    Image img;
    img.width = w;
    img.height = h;
    img.rgba.resize((size_t)w * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    for (int y = 0; y < h / 2; ++y)  // OpenGL's rows run bottom-up
        std::swap_ranges(img.rgba.begin() + (size_t)y * w * 4, img.rgba.begin() + (size_t)(y + 1) * w * 4, img.rgba.begin() + (size_t)(h - 1 - y) * w * 4);
    std::string error;
    if (!writePng(path, img, &error)) std::fprintf(stderr, "%s: %s\n", path.c_str(), error.c_str());
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Main loop
//-----------------------------------------------------------------------------

bool runAppWindow(std::shared_ptr<const Spec> spec, const AppWindowOptions& options, std::string* why) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) { *why = "DISPLAY is not set"; return false; }
    if (!glfwInit()) { *why = "GLFW could not connect to the display"; return false; }
    // 3.2 core: the OpenGL3 backend then renders 64K+ vertex screens (VtxOffset), like the headless rasterizer.
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    std::string title = "Promptotype — " + spec->name;
    GLFWwindow* window = glfwCreateWindow(1280, 920, title.c_str(), nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        *why = "no OpenGL 3 window could be created";
        return false;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    FontSet fonts;
    fonts.load(io.Fonts);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 150");

    Prototype proto(spec);
    proto.setFonts(&fonts);
    PresenterState ps;
    ps.device = options.device.empty() ? spec->device : options.device;
    ps.dark = options.dark || spec->dark;
    ps.file = options.specPath;
    ps.generating = options.feed != nullptr;
    proto.setTheme(ps.dark);
    SpecWatcher watcher(options.specPath);
    uint64_t feedVersion = 0;
    bool deviceChosen = !options.device.empty();
    bool feedShown = false;  // a spec from the feed replaced the waiting screen
    std::unique_ptr<Meeting> meeting;
    auto startMeeting = [&](const std::string& specText) {  // the prototype shows the spec file's document, read as `specText`
        meeting = std::make_unique<Meeting>(proto, ps.file);
        std::string error;
        if (!meeting->open(specText, &error)) { say(ps, error); meeting.reset(); return; }
        // A save made while no window was open joins the timeline now (a spec without history stays untouched).
        if (!meeting->history().versions().empty() && !meeting->history().syncWithFile(&error)) say(ps, error);
        if (!options.session.empty()) meeting->startSession(options.session);
    };
    if (!ps.generating && !ps.file.empty()) startMeeting(options.specText);
    DemoPlayer demo;
    std::unique_ptr<Prototype> other;   // side by side: the other variant
    std::string otherVariant;
    int otherVersion = -1;

    int frames = 0;
    double last = glfwGetTime();
    while (!glfwWindowShouldClose(window) && !(options.quit && options.quit->load())) {
        glfwPollEvents();
        if (options.feed && ps.generating && options.feed->version() != feedVersion) {
            SpecFeed::View v = options.feed->view();
            feedVersion = v.version;
            if (v.spec && v.spec.get() != &proto.spec()) {
                proto.replaceSpec(v.spec);
                if (!feedShown) proto.reset();  // the first real spec starts fresh: its clock, state and start screen
                feedShown = true;
                proto.setTheme(ps.dark);
                if (!deviceChosen) ps.device = v.spec->device;
            }
            ps.status = v.status;
            if (v.finished) {
                ps.generating = false;
                ps.problems = v.problems;
                ps.file = v.specPath;
                ps.problemsTitle = "The generated spec still has problems; placeholders stand in for them";
                watcher = SpecWatcher(v.specPath);  // stamps the file as written: that is what is showing
                if (!ps.file.empty()) startMeeting(v.specText);
            }
        }
        if (watcher.changed()) {
            std::vector<std::string> problems;
            if (meeting) meeting->reloadFromFile(&problems);
            else {
                LoadResult r = SpecLoader::loadFile(ps.file);
                for (auto& d : r.diagnostics)
                    if (d.level == Diagnostic::Level::Error) problems.push_back(d.format(ps.file));
                if (r.spec && problems.empty()) proto.replaceSpec(r.spec);
            }
            ps.problems = problems;
            ps.problemsTitle = "The last save has problems; showing the last good version";
            proto.setTheme(ps.dark);
        }
        if (meeting) {
            uint64_t before = (uint64_t)meeting->version();
            meeting->poll();
            if ((uint64_t)meeting->version() != before) { proto.setTheme(ps.dark); ps.problems.clear(); }
            for (auto& n : meeting->takeNotices()) say(ps, n);
        }
        double now = glfwGetTime();
        proto.update(now - last);
        if (other) other->update(now - last);

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        if (meeting) {
            std::string said;
            demo.inject(*meeting, options.refine, now - last, &said);
            if (!said.empty()) say(ps, said);
        }
        last = now;
        ImGui::NewFrame();

        // Meeting shortcuts (not while typing into a field)
        if (meeting && io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_K, false)) { ps.promptOpen = !ps.promptOpen; ps.focusPrompt = ps.promptOpen; }
        if (meeting && io.KeyCtrl && !io.WantTextInput && ImGui::IsKeyPressed(GLFW_KEY_Z, false)) {
            std::string message;
            io.KeyShift ? meeting->redo(&message) : meeting->undo(&message);
            say(ps, message);
            proto.setTheme(ps.dark);
        }
        if (ps.promptOpen && !ps.flowMapOpen && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && meeting && meeting->pinTarget().empty()) ps.promptOpen = false;

        ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(vp->WorkPos);
        ImGui::SetNextWindowSize(vp->WorkSize);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::Begin("##app", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
        ImGui::PopStyleVar();
        ImRect full(vp->WorkPos, vp->WorkPos + vp->WorkSize);
        ImGui::PushFont(fonts.get(TextStyle::Body));
        const float panel = 272;
        ImGui::GetWindowDrawList()->AddRectFilled(full.Min, full.Max, proto.theme().dark ? IM_COL32(10, 11, 14, 255) : IM_COL32(232, 234, 240, 255));
        ImRect stage(ImVec2(full.Min.x + panel, full.Min.y), full.Max);

        // Side by side: the other variant in a second device, same screen to start with.
        bool split = meeting && ps.sideBySide && meeting->variants().size() > 1;
        if (split) {
            const auto& names = meeting->variants();
            std::string want = meeting->variant() == names[0] ? names[1] : names[0];
            if (!other || otherVariant != want || otherVersion != meeting->version()) {
                if (auto s = meeting->compileVariant(want)) {
                    other = std::make_unique<Prototype>(s);
                    other->setFonts(&fonts);
                    other->showScreen(proto.currentScreen());
                    otherVariant = want;
                    otherVersion = meeting->version();
                }
            }
            if (other) other->setTheme(ps.dark);
        } else other.reset();
        ImRect mainStage = stage;
        if (split && other) mainStage.Max.x = stage.GetCenter().x;
        ImRect screen = drawDeviceFrame(ps.device, mainStage, proto.theme());
        ImGui::PushClipRect(screen.Min, screen.Max, true);
        proto.draw(screen);
        ImGui::PopClipRect();
        if (meeting) meeting->frame(screen);
        if (split && other) {
            ImRect otherStage(ImVec2(stage.GetCenter().x, stage.Min.y), stage.Max);
            ImRect otherScreen = drawDeviceFrame(ps.device, otherStage, other->theme());
            ImGui::PushID("other");
            ImGui::PushClipRect(otherScreen.Min, otherScreen.Max, true);
            other->draw(otherScreen);
            ImGui::PopClipRect();
            ImGui::PopID();
            ImFont* f = fonts.get(TextStyle::Strong);
            auto tag = [&](const ImRect& r, const std::string& text) {  // on the bezel above the screen
                ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str());
                ImVec2 min(r.GetCenter().x - ts.x * 0.5f - 12, std::max(stage.Min.y + 4, r.Min.y - 34));
                ImGui::GetWindowDrawList()->AddRectFilled(min, min + ImVec2(ts.x + 24, 26), proto.theme().c.brand, 13);
                ImGui::GetWindowDrawList()->AddText(f, f->FontSize, min + ImVec2(12, (26 - ts.y) * 0.5f), proto.theme().c.onBrand, text.c_str());
            };
            tag(screen, "Variant " + meeting->variant());
            tag(otherScreen, "Variant " + otherVariant);
        }
        drawPresenter(proto, meeting.get(), ps, fonts, ImRect(full.Min, ImVec2(full.Min.x + panel, full.Max.y)), demo.active(), [&] {
            std::vector<std::string> steps;
            std::string error;
            if (meeting->loadDemo(&steps, &error)) demo.start(std::move(steps));
            else say(ps, error);
        });
        if (meeting) {
            const Theme& t = proto.theme();
            if (ps.promptOpen) drawPromptBar(*meeting, ps, options.refine, fonts, t, stage);
            if (!meeting->pinTarget().empty()) drawReactionComposer(*meeting, ps, fonts, t, stage);
            drawPinTooltip(*meeting, fonts);
            if (ps.flowMapOpen) drawFlowMapPanel(*meeting, ps, fonts, t, stage);
            demo.drawPointer();
        }
        if (!ps.problems.empty()) drawErrorOverlay(ps, fonts, stage);
        if (ps.generating && !ps.status.empty()) drawProgressStrip(ps.status, fonts, proto.theme(), stage);
        else if (!ps.notice.empty() && ImGui::GetTime() < ps.noticeUntil) drawProgressStrip(ps.notice, fonts, proto.theme(), stage);
        ImGui::PopFont();
        ImGui::End();
        ImGui::Render();

        int w, h;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        bool lastFrame = options.maxFrames > 0 && ++frames >= options.maxFrames;
        if (lastFrame && !options.screenshot.empty()) captureWindow(w, h, options.screenshot);
        glfwSwapBuffers(window);
        if (lastFrame) break;
    }
    if (meeting) meeting->endSession();
    meeting.reset();
    other.reset();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return true;
}

} // namespace pt
