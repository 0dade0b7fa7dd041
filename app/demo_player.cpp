// Promptotype — DemoPlayer. See demo_player.h.

#include "app/demo_player.h"
#include "meeting/step_runner.h"
#include "runtime/engine/targets.h"
#include <GLFW/glfw3.h>
#include <imgui_internal.h>
#include <algorithm>
#include <cstdlib>

namespace pt {

void DemoPlayer::start(std::vector<std::string> steps) {
    m_steps = std::move(steps);
    m_next = 0;
    m_phase = Phase::Idle;
    m_wait = 0.3;
}

void DemoPlayer::stop() {
    m_steps.clear();
    m_next = 0;
    m_phase = Phase::Idle;
}

void DemoPlayer::inject(Meeting& meeting, const RefineFunction& refine, double dt, std::string* said) {
    if (!active()) return;
    ImGuiIO& io = ImGui::GetIO();
    if (m_releaseCtrl) { io.KeyCtrl = false; io.KeysDown[GLFW_KEY_A] = false; m_releaseCtrl = false; }
    if (m_phase != Phase::Idle) { playInput(io, dt); return; }
    io.MousePos = m_pointer;
    if ((m_wait -= dt) > 0 || m_next >= m_steps.size()) return;
    runNextStep(meeting, refine, said);
}

void DemoPlayer::playInput(ImGuiIO& io, double dt) {
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
    case Phase::Idle: return;
    }
}

// A click or typing starts the pointer moving to its widget; every other step runs at once.
void DemoPlayer::runNextStep(Meeting& meeting, const RefineFunction& refine, std::string* said) {
    const std::string step = m_steps[m_next++];
    auto parts = splitStep(step, 3);
    const std::string& verb = parts[0];
    if ((verb == "click" && parts.size() >= 2) || (verb == "type" && parts.size() == 3)) {
        std::string target = verb == "click" ? splitStep(step, 2)[1] : parts[1];
        const TargetMatch match = matchTarget(meeting.proto().probes(), target);
        const Probe* p = match.probe;
        if (!p) { *said = "demo stopped: " + match.problem(target, meeting.proto().currentScreen()); stop(); return; }
        const ImRect visible = visiblePart(*p);
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

void DemoPlayer::drawPointer() const {
    if (!active() || m_pointer.x < 0) return;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddCircleFilled(m_pointer, 14, IM_COL32(79, 124, 255, 60));
    dl->AddCircle(m_pointer, 14, IM_COL32(79, 124, 255, 200), 0, 2);
    dl->AddCircleFilled(m_pointer, 4, IM_COL32(79, 124, 255, 255));
}

} // namespace pt
