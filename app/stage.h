// Promptotype — the stage: the cards and strips drawn over the device frame (app/device_frame.h): prompt bar,
// reaction composer, pin tooltip, flow map, requirement outlines, generation progress, problems of the last save.

#pragma once
#include "app/presenter.h"
#include <string>

namespace pt {

// A floating card at the bottom of the stage: what to change, the selected widget it is about, the result.
void drawPromptBar(Meeting& meeting, PresenterState& ps, const RefineFunction& refine, const FontSet& fonts, const Theme& t, const ImRect& stage);
// Review mode: the widget clicked is waiting for a reaction: kind, words, name.
void drawReactionComposer(Meeting& meeting, PresenterState& ps, const FontSet& fonts, const Theme& t, const ImRect& stage);
// The reactions under the pointer, as a tooltip.
void drawPinTooltip(Meeting& meeting, const FontSet& fonts);
// The flow map over the stage, in its own window so its clicks never reach the prototype; clicking a screen jumps to it.
void drawFlowMapPanel(Meeting& meeting, PresenterState& ps, const FontSet& fonts, const Theme& t, const ImRect& stage);

// The covering widgets of the requirement hovered (or pinned) in the presenter, outlined where the current screen
// draws them (the whole screen for a screen id).
void drawRequirementOutlines(const Prototype& proto, const PresenterState& ps);

// A pill at the top of the stage while a generation streams (or a notice shows): spinner dot, progress line.
void drawProgressStrip(const std::string& status, const FontSet& fonts, const Theme& t, const ImRect& stage);
// The problems of the last save (or of the generated spec) in a red box at the bottom of `r`.
void drawErrorOverlay(const PresenterState& ps, const FontSet& fonts, const ImRect& r);

} // namespace pt
