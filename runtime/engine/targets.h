// Promptotype — targets: which drawn probe a step, a demo or the presenter means by TARGET, and why none when none.
//
// A TARGET is a spec id or a probe key (exact targets), else a visible label. A label is looked for the way a
// person looks at the app: in the topmost open overlay first (dialog, sheet, popup), then in the screen's content,
// then in the app chrome (tab bar, sidebar, app bar). Within a layer an enabled control beats a disabled one, which
// beats plain text; an exact label beats a case-insensitive one; a control in view beats one scrolled away. Several
// matches that tie on all of that are ambiguous: nothing is chosen and the message names them and their keys.
// An id inside a repeat names every instance: it means the best placed one, the first drawn among equals.
//
// [SECTION] Matching
// [SECTION] Describing

#pragma once
#include "runtime/engine/ui.h"
#include <string>
#include <string_view>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Matching
//-----------------------------------------------------------------------------

// The outcome of looking for a TARGET among a frame's probes.
struct TargetMatch {
    const Probe* probe = nullptr;      // the probe TARGET means, or nullptr
    std::vector<const Probe*> tied;    // equally good matches TARGET does not tell apart (probe is then nullptr)
    std::vector<std::string> closest;  // labels on screen nearest to TARGET, when nothing matched
    // Why `probe` is nullptr, for a step's error: the tied candidates and how to name one, or the closest labels.
    std::string problem(std::string_view target, std::string_view screen) const;
};

TargetMatch matchTarget(const std::vector<Probe>& probes, std::string_view target);
const Probe* findProbe(const std::vector<Probe>& probes, std::string_view target);  // matchTarget(...).probe

ImRect visiblePart(const Probe& p);  // the part of the probe's rect inside its window's clip rect
bool inView(const Probe& p);         // at least 2 x 2 pixels of it show (a click there lands on it)
// What a click at `pos` lands on, as the meeting records it: the smallest live control there (clickable, with an
// action or bind, enabled; *live = true), else the smallest probe of any kind there (*live = false), else nullptr.
const Probe* probeAt(const std::vector<Probe>& probes, ImVec2 pos, bool* live);

//-----------------------------------------------------------------------------
// [SECTION] Describing
//-----------------------------------------------------------------------------

const char* layerName(int layer);         // "app chrome", "screen", "overlay"
std::string describeProbe(const Probe& p);  // "button 'Delete' #del, key tasks#1, in the screen at (24, 310)"

} // namespace pt
