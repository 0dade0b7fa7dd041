// Promptotype — theme: presets, brand color and light/dark mapped onto ImGuiStyle; the type scale.
//
// The LLM declares intent (preset, brand color, mode, and optionally background, surface, header and accent colors,
// a font family, a density and a corner style); this file owns the look: whatever is asked, text stays readable.
//
// [SECTION] Colors
// [SECTION] Theme
// [SECTION] Fonts (type scale + merged icon font)

#pragma once
#include "runtime/spec/spec.h"        // ThemeOptions: the theme keys as a spec wrote them
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
    ImU32 accent, accentSoft;              // the second color for highlights (tone "accent") and its tinted background
    ImU32 success, warning, danger, info;  // status colors
    ImU32 successSoft, warningSoft, dangerSoft, infoSoft;  // their tinted backgrounds
    ImU32 scrim;                           // dims the prototype behind dialogs and sheets
    // App chrome (app bar, tab bar, sidebar). Without theme.header these are surface, text, textMuted, surfaceAlt,
    // brand, brandSoft and onBrand; with a header color they are read on it.
    ImU32 header;                          // chrome fill
    ImU32 onHeader, headerMuted;           // titles and labels on it; inactive nav items
    ImU32 headerHover;                     // a hovered nav row or bar button
    ImU32 headerActive, headerActiveBg;    // the selected nav item (and the sidebar's logo tile); the pill behind it
    ImU32 onHeaderActive;                  // the logo's initial on headerActive
};

//-----------------------------------------------------------------------------
// [SECTION] Theme
//-----------------------------------------------------------------------------

// The font family of every text style (theme.font), in the order of DocumentVocabulary::themeFonts.
enum class FontFace { Sans, Serif, Mono, Count };

struct Theme {
    std::string preset = "calm";  // one of themePresets()
    bool dark = false;            // light or dark mode
    Palette c{};                  // resolved colors
    FontFace font = FontFace::Sans;  // family of every text style
    float radius = 12;            // cards, sheets, dialogs
    float radiusSmall = 8;        // buttons, inputs, chips
    float gap = 12;               // default spacing between siblings
    float pad = 16;               // default padding inside cards and screens
    float controlHeight = 44;     // buttons and inputs (touch-sized)

    // Resolves a preset + optional brand color (empty keeps the preset's) + mode, then the options: colors for the
    // background, surfaces, chrome and accent, font, density and corners. A background whose darkness differs from
    // `dark` (the presenter switched modes) is set aside with the surface for the preset's neutrals of that mode.
    // Unknown presets fall back to "calm"; unknown colors and choices keep the preset's look.
    static Theme make(std::string_view preset, std::string_view brand, bool dark, const ThemeOptions& options = {});
    void apply(ImGuiStyle& style) const;  // maps colors, rounding and spacing onto ImGui's style
    ImU32 tone(std::string_view name) const;      // "brand", "accent", "success", "warning", "danger", "info", "muted" (and their aliases) -> color (brand if unknown)
    ImU32 toneSoft(std::string_view name) const;  // the tinted background for the same tone names
    static bool isTone(std::string_view name);    // a tone name or alias, as opposed to a hex or named color
    Theme onHeader() const;  // the look of widgets placed on the chrome (app bar actions): text and brand roles read on the header
};


//-----------------------------------------------------------------------------
// [SECTION] Fonts
//-----------------------------------------------------------------------------

// The type scale. Sizes are in pixels at scale 1.
enum class TextStyle { Display, H1, H2, H3, Body, Strong, Caption, Small, Count };

const char* textStyleName(TextStyle s);                 // "display", "h1", ... as written in specs
bool textStyleFromName(std::string_view name, TextStyle* out);

FontFace fontFaceFromName(std::string_view name);  // "sans", "serif", "mono" (theme.font) -> face; Sans when unknown

// Inter (fonts-inter) at every size of the scale, each with Font Awesome 4.7 merged in so icons
// work inline in any text. Falls back to DejaVu Sans, then to ImGui's built-in font, when the
// Debian font packages are missing; `missing()` says what was not found.
// The serif (DejaVu Serif) and mono (DejaVu Sans Mono) faces are added when a spec first asks for them: each
// adds as much to the atlas as the sans face, so a host loads only the faces its specs use (see addFace).
class FontSet {
public:
    bool load(ImFontAtlas* atlas, float scale = 1.0f);  // adds the sans face to `atlas` (call before building it)
    // Adds `face` to an atlas load() filled, unless it is there already; returns true when fonts were added, and the
    // host must then rebuild the atlas texture (between frames: a locked atlas is left alone). A face whose files are
    // missing uses the sans fonts, noted in missing(). Fonts handed out before stay valid.
    bool addFace(ImFontAtlas* atlas, FontFace face);
    bool hasFace(FontFace face) const;                  // loaded (or standing in with the sans fonts)
    ImFont* get(TextStyle s, FontFace face = FontFace::Sans) const;  // never null after load(); a face not loaded gives sans
    bool hasIcons() const { return m_hasIcons; }        // false when the icon font was not found
    const std::string& missing() const { return m_missing; }  // human-readable note on missing font files, or ""

private:
    void addFamily(ImFontAtlas* atlas, FontFace face);  // the type scale of the face's first family found, icons merged
    void note(std::string text);                         // appends a sentence to missing()

    ImFont* m_fonts[(int)FontFace::Count][(int)TextStyle::Count] = {};
    float m_scale = 1.0f;
    bool m_hasIcons = false;
    std::string m_missing;
};

} // namespace pt
