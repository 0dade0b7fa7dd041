// Promptotype — the layout checker: every screen of a spec laid out at a size, and the layout contract's
// invariants checked on the rectangles the runtime recorded (Prototype::layout() and textRuns()).
//
// Invariants (each violation names the screen, the node, its widget type, the invariant and the numbers):
// - siblings-overlap:  boxes with the same parent do not overlap, except children of a `layered` widget (stack)
//                      and `floating` widgets (fab, dialog), which are drawn over the flow on purpose;
// - leaves-screen:     no box reaches past the screen's left or right edge (0.5 px tolerance), except inside a
//                      `clips` widget (scroll), whose viewport clips its content on purpose;
// - text-too-narrow:   a text run is at least as wide as its first min(8, length) characters (as the first line they
//                      word-wrap to), unless ellipsized;
// - text-outside-box:  a text run's rect lies inside its node's box (1 px tolerance); a floating widget's own text,
//                      whose box is empty (it reserves nothing in the flow), within the screen's width.
// Text runs whose rect is unknown (drawn inside a text field) and runs outside any node (app chrome) are skipped.
// Used by `promptotype inspect SPEC --layout` and the layout fuzzer (tests/test_layout_fuzz.cpp).
//
// [SECTION] Violations
// [SECTION] Checking

#pragma once
#include "runtime/engine/theme.h"
#include "runtime/engine/ui.h"
#include "runtime/spec/spec.h"
#include <memory>
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Violations
//-----------------------------------------------------------------------------

// The names of the invariants, as violations and summaries spell them.
namespace invariant {
inline constexpr const char* kOverlap = "siblings-overlap";
inline constexpr const char* kLeavesScreen = "leaves-screen";
inline constexpr const char* kNarrowText = "text-too-narrow";
inline constexpr const char* kTextOutside = "text-outside-box";
} // namespace invariant

// One broken invariant, located.
struct LayoutViolation {
    std::string screen;     // screen id
    std::string key;        // instance key of the node at fault (node key + "#index" inside repeats)
    std::string pointer;    // JSON Pointer of that node in the spec
    std::string type;       // its widget type
    std::string invariant;  // one of invariant::k*
    std::string detail;     // what was measured against what, in px
};

// "home /screens/home/body/0 (row): leaves-screen: right edge 431.0 > screen width 390": one line for people.
std::string describe(const LayoutViolation& v);
Json toJson(const LayoutViolation& v);  // {screen, key, pointer, type, invariant, detail}

//-----------------------------------------------------------------------------
// [SECTION] Checking
//-----------------------------------------------------------------------------

// Every invariant on one laid-out frame: its boxes and text runs, a screen `width` px wide, text measured with
// `fonts` in `face` (the prototype's: Prototype::fonts() and theme().font).
std::vector<LayoutViolation> checkLayout(const std::string& screen, const std::vector<LayoutBox>& boxes,
                                         const std::vector<TextRun>& runs, float width, const FontSet& fonts,
                                         FontFace face = FontFace::Sans);

// One screen as laid out in its default state, with what the checker found.
struct ScreenLayout {
    std::string screen;                      // screen id
    std::vector<LayoutBox> boxes;            // Prototype::layout() of the settled screen (nodes belong to the spec)
    std::vector<TextRun> runs;               // Prototype::textRuns() of the same frame
    std::vector<LayoutViolation> violations;
};

// Every screen of `spec` shown in turn (default params, no overlay open) at `size` (0x0: the spec's device size),
// settled, recorded and checked. Keep `spec` alive while the boxes are used.
std::vector<ScreenLayout> layOutScreens(std::shared_ptr<const Spec> spec, ImVec2 size);

} // namespace pt
