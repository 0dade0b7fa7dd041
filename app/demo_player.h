// Promptotype — DemoPlayer: replays a recorded click-through in the window, with a visible pointer.
//
// Clicks and typing are played as real input (the pointer glides to the widget, presses, types), so the audience
// sees what a person would do; meeting steps (variant, clock, refine ...) run through runMeetingStep like `play`.

#pragma once
#include "meeting/meeting.h"
#include <imgui.h>
#include <string>
#include <vector>

namespace pt {

// The saved steps of a demo, played frame by frame in the window.
class DemoPlayer {
public:
    bool active() const { return m_next < m_steps.size() || m_phase != Phase::Idle; }  // steps left, or one under way
    void start(std::vector<std::string> steps);  // from the first step, after a short pause
    void stop();                                 // drops the steps left

    // Between the backend's NewFrame and ImGui::NewFrame: moves the pointer, presses, types, or runs the next step.
    // `said` gets a line for the presenter (a step's message, or why the demo stopped).
    void inject(Meeting& meeting, const RefineFunction& refine, double dt, std::string* said);
    void drawPointer() const;  // over everything, while active

private:
    enum class Phase { Idle, Moving, Press, Release, SelectAll, Type };
    void playInput(ImGuiIO& io, double dt);  // the current phase of a click or typing
    void runNextStep(Meeting& meeting, const RefineFunction& refine, std::string* said);

    std::vector<std::string> m_steps;
    size_t m_next = 0;
    Phase m_phase = Phase::Idle;
    double m_wait = 0, m_t = 0;
    ImVec2 m_from, m_to, m_pointer{-1, -1};
    std::string m_text;
    bool m_releaseCtrl = false;
};

} // namespace pt
