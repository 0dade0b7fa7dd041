// Promptotype — theme: presets, brand color and light/dark mapped onto ImGuiStyle; the type scale.
//
// The LLM declares intent (preset, brand color, mode); this file owns the look.
//
// [SECTION] Colors
// [SECTION] Theme
// [SECTION] Fonts (type scale + merged icon font)

#pragma once
#include "runtime/spec/vocabulary.h"  // parseColor, themePresets, iconGlyph: the names a spec may use
#include <imgui.h>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Colors
//-----------------------------------------------------------------------------

ImU32 mixColor(ImU32 a, ImU32 b, float t);              // linear blend, t=0 -> a, t=1 -> b
ImU32 withAlpha(ImU32 c, float alpha);                  // same color, alpha replaced (0..1)

// Semantic color roles every widget draws with.
struct Palette {
    ImU32 brand, brandHover, brandActive;   // primary actions, selection, links
    ImU32 onBrand;                         // text/icons on top of brand
    ImU32 brandSoft;                       // tinted background for chips, selected rows, badges
    ImU32 bg;                              // screen background
    ImU32 surface;                         // cards, sheets, app bar
    ImU32 surfaceAlt;                      // inputs, hovered rows, skeletons
    ImU32 border;                          // hairlines and outlines
    ImU32 text, textMuted, textFaint;      // body text, secondary text, placeholders
    ImU32 success, warning, danger, info;  // status colors
    ImU32 successSoft, warningSoft, dangerSoft, infoSoft;  // their tinted backgrounds
    ImU32 scrim;                           // dims the prototype behind dialogs and sheets
};

//-----------------------------------------------------------------------------
// [SECTION] Theme
//-----------------------------------------------------------------------------

struct Theme {
    std::string preset = "calm";  // one of themePresets()
    bool dark = false;            // light or dark mode
    Palette c{};                  // resolved colors
    float radius = 12;            // cards, sheets, dialogs
    float radiusSmall = 8;        // buttons, inputs, chips
    float gap = 12;               // default spacing between siblings
    float pad = 16;               // default padding inside cards and screens
    float controlHeight = 44;     // buttons and inputs (touch-sized)

    // Resolves a preset + optional brand color (empty keeps the preset's) + mode. Unknown presets fall back to "calm".
    static Theme make(std::string_view preset, std::string_view brand, bool dark);
    void apply(ImGuiStyle& style) const;  // maps colors, rounding and spacing onto ImGui's style
    ImU32 tone(std::string_view name) const;  // "brand", "success", "warning", "danger", "info", "muted" -> color (brand if unknown)
    ImU32 toneSoft(std::string_view name) const;  // the tinted background for the same tone names
};


//-----------------------------------------------------------------------------
// [SECTION] Fonts
//-----------------------------------------------------------------------------

// The type scale. Sizes are in pixels at scale 1.
enum class TextStyle { Display, H1, H2, H3, Body, Strong, Caption, Small, Count };

const char* textStyleName(TextStyle s);                 // "display", "h1", ... as written in specs
bool textStyleFromName(std::string_view name, TextStyle* out);

// Inter (fonts-inter) at every size of the scale, each with Font Awesome 4.7 merged in so icons
// work inline in any text. Falls back to DejaVu Sans, then to ImGui's built-in font, when the
// Debian font packages are missing; `missing()` says what was not found.
class FontSet {
public:
    bool load(ImFontAtlas* atlas, float scale = 1.0f);  // adds fonts to `atlas` (call before building it)
    ImFont* get(TextStyle s) const;                     // never null after load()
    bool hasIcons() const { return m_hasIcons; }        // false when the icon font was not found
    const std::string& missing() const { return m_missing; }  // human-readable note on missing font files, or ""

private:
    ImFont* m_fonts[(int)TextStyle::Count] = {};
    bool m_hasIcons = false;
    std::string m_missing;
};

} // namespace pt
