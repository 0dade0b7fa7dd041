// Promptotype — what meeting mode draws over a prototype and beside it: click heat map, misclicks, reaction
// pins, the selection outline, and the flow map. The same code draws in the window and in the report's
// images (headless frames), so what the PM sees is what the report shows.
//
// [SECTION] Over the prototype
// [SECTION] Flow map

#pragma once
#include "meeting/feedback.h"
#include "runtime/engine/prototype.h"
#include "runtime/headless/raster.h"
#include "meeting/session_log.h"
#include <imgui.h>
#include <imgui_internal.h>
#include <memory>
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Over the prototype
//-----------------------------------------------------------------------------

// Heat map of clicks over `area` (the prototype's rectangle): soft blobs from cool to hot where clicks cluster.
// Misclicks are drawn as red crosses on top when `showMisclicks`.
void drawHeatmap(ImDrawList* dl, const ImRect& area, const std::vector<HeatPoint>& points, bool showMisclicks);

// A reaction pin placed on the current frame: reactions on the same widget share one marker.
struct PinMarker {
    ImVec2 center;                 // screen position of the marker (top-right corner of the widget)
    ImRect widget;                 // the widget's rectangle this frame
    std::vector<int> reactions;    // indexes into the reactions given to layoutPins
    int number = 0;                // 1-based label drawn in the marker (report) — order of first reaction
};

// Markers for the reactions on the prototype's current screen whose widget is drawn this frame (probes).
// Reactions whose widget is not drawn are left out (see locateWidget for orphans).
std::vector<PinMarker> layoutPins(const Prototype& proto, const std::vector<Reaction>& reactions);

// Draws the markers: the kind's color and icon (several kinds: a count), the number when `numbered`.
// Returns the index of the marker under the mouse (-1 if none), so the window can show its comments.
int drawPins(ImDrawList* dl, const FontSet& fonts, const std::vector<PinMarker>& pins, const std::vector<Reaction>& reactions,
             bool numbered);

// Outline and name tag of the widget under the pointer (select/review mode) or the selected one.
void drawWidgetOutline(ImDrawList* dl, const FontSet& fonts, const ImRect& rect, const std::string& name, ImU32 color);
// The name tag of a widget: its type, visible label and spec id ("button 'Save' (#save)").
std::string probeName(const Probe& p);
// Review mode's outline colour (amber), on the stage and in the shared page alike.
constexpr ImU32 kReviewOutline = IM_COL32(245, 158, 11, 255);

//-----------------------------------------------------------------------------
// [SECTION] Flow map
//-----------------------------------------------------------------------------

// Screens as nodes laid out in columns by distance from the start screen, navigations as edges.
struct FlowMap {
    struct Box {
        std::string screen;     // screen id
        std::string title;      // its title (evaluated against the initial state)
        ImVec2 pos, size;       // in map units (top-left origin)
        int reached = -1;       // funnel figure: sessions that reached it (-1 = no figures)
        bool unreachable = false;
        int column = 0;         // added: its column, i.e. steps from the start screen (unreachable: the last column)
        std::string icon;       // added: its tab/sidebar icon name ("" when the nav has no item for it)
    };
    struct Arrow {
        int from = 0, to = 0;   // indexes into boxes
        std::string via;        // label of the control or nav item that navigates
    };
    std::vector<Box> boxes;
    std::vector<Arrow> arrows;
    ImVec2 size;                // extent of the map in map units
    int sessions = 0;           // added: sessions in the figures (each box's funnel bar is reached / sessions)
};

FlowMap layoutFlowMap(const Spec& spec, const VariantFigures* figures);  // figures may be null

// Added: a screen's title as its app bar shows it on first entry (initial state, no params); the id when the title
// is empty or the screen unknown. Names boxes here and sections in the report.
std::string screenTitle(const Spec& spec, const std::string& id);

// Draws the map scaled to fit `area`, the current screen highlighted. When `interactive`, returns the id of the
// screen whose box was clicked this frame ("" otherwise). Draws into the current window's draw list, with no
// background: the caller gives it a window (or panel) of its own so the clicks do not reach what is under it.
std::string drawFlowMap(const FlowMap& map, const ImRect& area, const std::string& current, const Theme& theme,
                        const FontSet& fonts, bool interactive);

// The flow map as an image (for the report), rendered headlessly.
Image renderFlowMap(const Spec& spec, const VariantFigures* figures, bool dark = false);

} // namespace pt
