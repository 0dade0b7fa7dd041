// Promptotype — small drawing primitives shared by every widgets/*.cpp file.
//
// Widgets draw with ImDrawList in the theme's look; these helpers keep the recurring pieces
// (surfaces with soft shadows, pressable regions, spinners, switches, icon+label, themed buttons)
// identical across files. Colors passed in are raw theme colors: helpers apply the current style
// alpha themselves, so a disabled subtree (BeginDisabled) fades custom drawing too.
//
// [SECTION] Colors
// [SECTION] Shapes
// [SECTION] Items (clickable regions)
// [SECTION] Icons and text
// [SECTION] Buttons

#pragma once
#include "runtime/engine/theme.h"
#include <imgui.h>
#include <string>
#include <imgui_internal.h>
#include <string_view>

namespace pt {
class Ui;
}

namespace pt::draw {

//-----------------------------------------------------------------------------
// [SECTION] Colors
//-----------------------------------------------------------------------------

ImU32 fade(ImU32 c);                     // c with the current style alpha applied (BeginDisabled fades it)
ImU32 soft(const Theme& t, ImU32 c);     // tinted background for any color, like Palette::brandSoft is for brand

//-----------------------------------------------------------------------------
// [SECTION] Shapes
//-----------------------------------------------------------------------------

void shadow(ImDrawList* dl, const ImRect& r, float rounding, float elevation = 1.0f);  // soft drop shadow under r (stacked translucent rounded rects)
void surface(ImDrawList* dl, const ImRect& r, const Theme& t, float rounding, float elevation = 1.0f, ImU32 fill = 0);  // card background: shadow, fill (surface when 0), hairline border
void roundRect(ImDrawList* dl, const ImRect& r, ImU32 col, float tl, float tr, float br, float bl);  // filled rect with its own radius per corner
void spinner(ImDrawList* dl, ImVec2 center, float radius, ImU32 col, double time);  // faint ring with a rotating arc (time in seconds)
void checkMark(ImDrawList* dl, ImVec2 center, float size, ImU32 col);  // a check mark stroke fitting a size x size box
void toggle(ImDrawList* dl, const ImRect& track, bool on, bool hovered, const Theme& t);  // iOS-like switch: pill track + white knob

//-----------------------------------------------------------------------------
// [SECTION] Items
//-----------------------------------------------------------------------------

struct Press {
    bool pressed = false;   // clicked this frame (released over the item)
    bool hovered = false;   // mouse over it
    bool held = false;      // mouse button down on it
};

Press pressAt(const char* id, const ImRect& r);  // ItemAdd + ButtonBehavior on r, no layout: the caller reserves the space
Press pressable(const char* id, ImVec2 size);    // reserves size at the cursor (ItemSize) and makes it clickable

//-----------------------------------------------------------------------------
// [SECTION] Icons and text
//-----------------------------------------------------------------------------

void text(Ui& ui, ImVec2 pos, std::string_view s, TextStyle style, ImU32 col, float wrapWidth = 0.0f);  // ui.textAt with the style alpha applied (fades when disabled)
ImFont* fontForSize(Ui& ui, float px);  // the theme font best suited to draw glyphs px tall
void iconAt(Ui& ui, ImVec2 center, float px, std::string_view icon, ImU32 col);  // icon (by name) px tall, its ink centered on `center`
ImVec2 iconLabelSize(Ui& ui, std::string_view icon, std::string_view label, TextStyle style);  // size iconLabel needs
void iconLabel(Ui& ui, const ImRect& r, std::string_view icon, std::string_view label, TextStyle style, ImU32 col);  // icon + label centered in r (label recorded as visible text)
void iconLabel(Ui& ui, const ImRect& r, std::string_view icon, std::string_view label, TextStyle style, ImU32 col, ImVec2 size);  // the same, size from iconLabelSize
// Text that may not fit `width` (specs/FORMAT.md, Layout): one line when it fits, wrapped at word boundaries when the
// width keeps about 8 characters, else one line cut with an ellipsis (the whole text on hover). Returns the size drawn.
ImVec2 textBlock(Ui& ui, ImVec2 pos, std::string_view s, TextStyle style, ImU32 col, float width);
ImVec2 textBlockSize(Ui& ui, std::string_view s, TextStyle style, float width);  // what textBlock will take

//-----------------------------------------------------------------------------
// [SECTION] Buttons
//-----------------------------------------------------------------------------

enum class Variant { Primary, Secondary, Outline, Ghost, Danger, Link };
Variant variantFromName(std::string_view name);  // "primary", "secondary", ... (primary when unknown)

struct ButtonSpec {
    std::string_view label;            // text (may be empty for icon-only)
    std::string_view icon;             // icon name shown before the label, or ""
    Variant variant = Variant::Primary;
    float width = 0;                   // 0: fit the label; > 0: exact width
    float height = 0;                  // 0: theme.controlHeight
    bool busy = false;                 // spinner instead of the icon; clicks ignored
};

float buttonWidth(Ui& ui, const ButtonSpec& b);          // width a fitted button needs
Press button(Ui& ui, const char* id, const ButtonSpec& b);  // themed button at the cursor (caller probes and fires)

//-----------------------------------------------------------------------------
// [SECTION] Layout and text helpers
//-----------------------------------------------------------------------------

void reserve(ImVec2 origin, ImVec2 size);  // claims the box a widget drew into, so the cursor moves past it like after any item

} // namespace pt::draw
