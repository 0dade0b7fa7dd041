// Promptotype — theme: presets' palettes, ImGuiStyle mapping and the type scale.
//
// Index of this file:
// [SECTION] Colors (mixing, contrast)
// [SECTION] Presets (table; densities, corners, tones)
// [SECTION] Theme
// [SECTION] Fonts (type scale + merged icon font, a face per family)

#include "runtime/engine/theme.h"
#include "runtime/spec/vocabulary.h"

#include <stb_truetype.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Colors
//-----------------------------------------------------------------------------

namespace {

constexpr ImU32 rgb(unsigned hex) { return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF); }

int channel(ImU32 c, int shift) { return (int)((c >> shift) & 0xFF); }

// Moves `c` toward `target` until it reaches `minRatio` against `against` (user brand colors can be
// too dark for a dark background, or too pale for a light one).
ImU32 ensureContrast(ImU32 c, ImU32 against, float minRatio, ImU32 target)
{
    for (int step = 0; step < 10 && contrastRatio(c, against) < minRatio; step++)
        c = mixColor(c, target, 0.15f);
    return c;
}

} // namespace

ImU32 mixColor(ImU32 a, ImU32 b, float t)
{
    t = std::clamp(t, 0.0f, 1.0f);
    auto mix = [&](int shift) { return (int)std::lround(channel(a, shift) + (channel(b, shift) - channel(a, shift)) * t); };
    return IM_COL32(mix(IM_COL32_R_SHIFT), mix(IM_COL32_G_SHIFT), mix(IM_COL32_B_SHIFT), mix(IM_COL32_A_SHIFT));
}

ImU32 withAlpha(ImU32 c, float alpha)
{
    int a = (int)std::lround(std::clamp(alpha, 0.0f, 1.0f) * 255.0f);
    return (c & ~IM_COL32_A_MASK) | ((ImU32)a << IM_COL32_A_SHIFT);
}

//-----------------------------------------------------------------------------
// [SECTION] Presets
//-----------------------------------------------------------------------------

namespace {

struct Neutrals { ImU32 bg, surface, surfaceAlt, border, text, textMuted, textFaint; };

// One look per name in themePresets(), in the same order.
struct PresetDef {
    ImU32 brand, brandDark;      // dark mode may use a lighter shade of the same hue
    Neutrals light, dark;        // neutrals carry a faint tint of the brand hue
    float radius, radiusSmall, gap, pad, controlHeight;
};

const PresetDef kPresets[] = {
    { rgb(0x4F7CFF), rgb(0x5B86FF),
      { rgb(0xF6F7FB), rgb(0xFFFFFF), rgb(0xECEFF6), rgb(0xE3E7EF), rgb(0x1B1F2A), rgb(0x5B6275), rgb(0x9AA1B2) },
      { rgb(0x0F1115), rgb(0x181B22), rgb(0x222631), rgb(0x2C313D), rgb(0xECEEF3), rgb(0xA3A9B8), rgb(0x6B7283) },
      14, 10, 12, 16, 44 },
    { rgb(0x7C3AED), rgb(0x8B5CF6),
      { rgb(0xF7F5FF), rgb(0xFFFFFF), rgb(0xEEE9FB), rgb(0xE4DEF5), rgb(0x1C1530), rgb(0x625A7A), rgb(0xA29BB8) },
      { rgb(0x0F0E16), rgb(0x1A1824), rgb(0x252232), rgb(0x322E42), rgb(0xEEECF5), rgb(0xA9A3BD), rgb(0x6E6884) },
      16, 10, 12, 16, 44 },
    { rgb(0xF97316), rgb(0xFB7F2A),
      { rgb(0xFBF7F1), rgb(0xFFFFFF), rgb(0xF3ECE1), rgb(0xEAE1D3), rgb(0x2A211A), rgb(0x6E6256), rgb(0xA89C8F) },
      { rgb(0x13110F), rgb(0x1D1A17), rgb(0x29251F), rgb(0x362F28), rgb(0xF2EDE6), rgb(0xB3A89B), rgb(0x776D62) },
      14, 10, 12, 16, 44 },
    { rgb(0x111827), rgb(0xF4F4F5),
      { rgb(0xF7F7F8), rgb(0xFFFFFF), rgb(0xF0F0F2), rgb(0xE4E4E7), rgb(0x18181B), rgb(0x52525B), rgb(0xA1A1AA) },
      { rgb(0x0F1012), rgb(0x18191C), rgb(0x222327), rgb(0x2E2F34), rgb(0xEDEDEF), rgb(0xA1A1AA), rgb(0x6B6B74) },
      10, 8, 12, 16, 42 },
    { rgb(0x2563EB), rgb(0x3B82F6),
      { rgb(0xF3F5F8), rgb(0xFFFFFF), rgb(0xE9EDF2), rgb(0xDCE1E8), rgb(0x111827), rgb(0x4B5563), rgb(0x9CA3AF) },
      { rgb(0x0E1116), rgb(0x171B22), rgb(0x20252E), rgb(0x2B313B), rgb(0xE8EBF0), rgb(0x9CA3AF), rgb(0x6B7280) },
      8, 6, 10, 14, 40 },
    { rgb(0xEC4899), rgb(0xF0609F),
      { rgb(0xFFF7FB), rgb(0xFFFFFF), rgb(0xFAE8F2), rgb(0xF3D7E6), rgb(0x2A1424), rgb(0x6F5566), rgb(0xB299A8) },
      { rgb(0x130F13), rgb(0x1E181E), rgb(0x2A222A), rgb(0x382D37), rgb(0xF5ECF2), rgb(0xBBA6B5), rgb(0x7D6A78) },
      20, 14, 14, 18, 46 },
};

struct StatusColors { ImU32 success, warning, danger, info; };
const StatusColors kStatusLight = { rgb(0x16A34A), rgb(0xD97706), rgb(0xDC2626), rgb(0x2563EB) };
const StatusColors kStatusDark  = { rgb(0x22C55E), rgb(0xF59E0B), rgb(0xEF4444), rgb(0x3B82F6) };

const ImU32 kWhite = rgb(0xFFFFFF);
const ImU32 kBlack = rgb(0x000000);
const ImU32 kInk = rgb(0x0B0D12);  // "near-black" for text on light brand colors

// Index into kPresets and themePresets(); unknown names fall back to the first ("calm").
int presetIndex(std::string_view name)
{
    int i = themePresetIndex(name);
    return i >= 0 && i < (int)std::size(kPresets) ? i : 0;
}

// Position of `value` in a vocabulary list of choices; 0 (the default) when unknown.
int choiceIndex(const std::vector<std::string>& choices, std::string_view value)
{
    auto it = std::find(choices.begin(), choices.end(), value);
    return it == choices.end() ? 0 : (int)(it - choices.begin());
}

// theme.density, in the order of DocumentVocabulary::themeDensities: how the preset's spacing scales.
struct DensityDef { float gap, pad, controlHeight; };
const DensityDef kDensities[] = { { 1.0f, 1.0f, 1.0f }, { 0.67f, 0.75f, 0.82f }, { 1.33f, 1.25f, 1.1f } };
constexpr float kMinControlHeight = 32.0f;  // compact still leaves a finger something to press

// theme.corners, in the order of DocumentVocabulary::themeCorners.
enum class Corners { Soft, Square, Round };

// Tone names and their aliases -> the palette's color and tinted background.
struct ToneDef { const char* name; ImU32 Palette::*ink; ImU32 Palette::*soft; };
const ToneDef kTones[] = {
    { "brand", &Palette::brand, &Palette::brandSoft },       { "primary", &Palette::brand, &Palette::brandSoft },
    { "accent", &Palette::accent, &Palette::accentSoft },
    { "success", &Palette::success, &Palette::successSoft }, { "positive", &Palette::success, &Palette::successSoft },
    { "warning", &Palette::warning, &Palette::warningSoft }, { "caution", &Palette::warning, &Palette::warningSoft },
    { "danger", &Palette::danger, &Palette::dangerSoft },    { "error", &Palette::danger, &Palette::dangerSoft },
    { "destructive", &Palette::danger, &Palette::dangerSoft }, { "negative", &Palette::danger, &Palette::dangerSoft },
    { "info", &Palette::info, &Palette::infoSoft },
    { "muted", &Palette::textMuted, &Palette::surfaceAlt },  { "neutral", &Palette::textMuted, &Palette::surfaceAlt },
    { "secondary", &Palette::textMuted, &Palette::surfaceAlt },
};

const ToneDef* findTone(std::string_view name)
{
    std::string key = lowerTrimmed(name);
    for (const ToneDef& tone : kTones)
        if (key == tone.name) return &tone;
    return nullptr;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Theme
//-----------------------------------------------------------------------------

namespace {

// A color option as written in the spec, opaque; false when absent or not a color.
bool optionColor(std::string_view text, ImU32* out)
{
    if (text.empty() || !parseColor(text, out)) return false;
    *out = withAlpha(*out, 1.0f);
    return true;
}

// Inputs, hovered rows and hairlines: a step from the surface toward the text.
void deriveFromSurface(Palette& c, bool dark)
{
    const ImU32 toward = dark ? kWhite : kInk;
    c.surfaceAlt = mixColor(c.surface, toward, dark ? 0.07f : 0.05f);
    c.border = mixColor(c.surface, toward, dark ? 0.13f : 0.10f);
}

// A background, surface or header colour asked for by name moves the text roles, never the other way round:
// body text keeps 7:1 on the background, muted text 4.5:1, placeholders 2.5:1, and cards keep body text at 4.5:1.
void keepTextReadable(Palette& c, bool dark)
{
    const ImU32 away = dark ? kWhite : kBlack;
    c.text = ensureContrast(ensureContrast(c.text, c.bg, 7.0f, away), c.surface, 4.5f, away);
    c.textMuted = ensureContrast(ensureContrast(c.textMuted, c.bg, 4.5f, away), c.surface, 4.5f, away);
    c.textFaint = ensureContrast(c.textFaint, c.bg, 2.5f, away);
}

// The default accent: the brand's hue turned 45 degrees (blue -> teal, violet -> blue, orange -> rose) at no more
// than the brand's lightness (a turned blue is a far lighter cyan), or the info blue when the brand has too little
// colour to turn (a near-black or grey brand).
ImU32 accentFromBrand(ImU32 brand, ImU32 info)
{
    ImVec4 rgba = ImGui::ColorConvertU32ToFloat4(brand);
    float h, s, v;
    ImGui::ColorConvertRGBtoHSV(rgba.x, rgba.y, rgba.z, h, s, v);
    if (s < 0.25f || v < 0.25f) return info;
    ImGui::ColorConvertHSVtoRGB(std::fmod(h + 1.0f - 45.0f / 360.0f, 1.0f), s, v, rgba.x, rgba.y, rgba.z);
    ImU32 accent = ImGui::ColorConvertFloat4ToU32(rgba);
    for (int step = 0; step < 20 && relativeLuminance(accent) > relativeLuminance(brand) + 0.04f; step++)
        accent = mixColor(accent, kBlack, 0.06f);
    return accent;
}

// The chrome's roles on a header colour: its text is white or near-black, whichever reads better; the selected item
// keeps the brand when the brand reads on the header, else takes the text colour.
void headerRoles(Palette& c, ImU32 header)
{
    c.header = header;
    c.onHeader = contrastRatio(kWhite, header) >= contrastRatio(kInk, header) ? kWhite : kInk;
    c.headerMuted = mixColor(c.onHeader, header, 0.3f);
    c.headerHover = mixColor(header, c.onHeader, 0.10f);
    const bool brandReads = contrastRatio(c.brand, header) >= 3.0f;
    c.headerActive = brandReads ? c.brand : c.onHeader;
    c.headerActiveBg = mixColor(header, c.headerActive, 0.16f);
    c.onHeaderActive = brandReads ? c.onBrand : header;
}

} // namespace

Theme Theme::make(std::string_view preset, std::string_view brand, bool dark, const ThemeOptions& options)
{
    int index = presetIndex(preset);
    const PresetDef& p = kPresets[index];
    const Neutrals& n = dark ? p.dark : p.light;
    const DocumentVocabulary& vocabulary = documentVocabulary();
    Theme t;
    t.preset = themePresets()[index];
    t.dark = dark;
    t.font = fontFaceFromName(options.font);
    const DensityDef& density = kDensities[choiceIndex(vocabulary.themeDensities, options.density)];
    t.gap = std::round(p.gap * density.gap);
    t.pad = std::round(p.pad * density.pad);
    t.controlHeight = std::max(kMinControlHeight, std::round(p.controlHeight * density.controlHeight));
    switch ((Corners)choiceIndex(vocabulary.themeCorners, options.corners)) {
    case Corners::Soft: t.radius = p.radius; t.radiusSmall = p.radiusSmall; break;
    case Corners::Square: t.radius = 0; t.radiusSmall = 0; break;
    case Corners::Round: t.radius = p.radius + 8; t.radiusSmall = std::round(t.controlHeight * 0.5f); break;  // pill controls
    }

    Palette& c = t.c;
    c.bg = n.bg;
    c.surface = n.surface;
    c.surfaceAlt = n.surfaceAlt;
    c.border = n.border;
    c.text = n.text;
    c.textMuted = n.textMuted;
    c.textFaint = n.textFaint;

    ImU32 custom;
    const bool customBg = optionColor(options.background, &custom) && isDarkColor(custom) == dark;
    if (customBg) {
        c.bg = custom;
        c.surface = dark ? mixColor(custom, kWhite, 0.07f) : mixColor(custom, kWhite, 0.85f);
        deriveFromSurface(c, dark);
    }
    // Without a background, a surface of the other darkness (the presenter switched modes) is set aside too.
    const bool customSurface = optionColor(options.surface, &custom) && (customBg || (options.background.empty() && isDarkColor(custom) == dark));
    if (customSurface) {
        c.surface = ensureContrast(custom, c.text, 4.5f, dark ? kBlack : kWhite);  // a light card in a dark theme dims
        deriveFromSurface(c, dark);
    }
    // Text asked for by colour ("navy text") leads the text roles; muted and faint text are it toward the background.
    const bool customText = optionColor(options.text, &custom);
    if (customText) {
        c.text = custom;
        c.textMuted = mixColor(custom, c.bg, 0.35f);
        c.textFaint = mixColor(custom, c.bg, 0.6f);
    }
    if (customBg || customSurface || customText) keepTextReadable(c, dark);

    if (optionColor(brand, &custom))
        c.brand = dark ? ensureContrast(custom, c.bg, 3.0f, kWhite) : ensureContrast(custom, c.bg, 1.8f, kInk);
    else
        c.brand = dark ? p.brandDark : p.brand;

    // Pressed states go darker, except on dark backgrounds where a lighter shade reads as "lit";
    // a near-white brand (mono dark) can only go darker.
    bool lighten = dark && relativeLuminance(c.brand) < 0.6f;
    ImU32 toward = lighten ? kWhite : kBlack;
    c.brandHover = mixColor(c.brand, toward, lighten ? 0.12f : 0.10f);
    c.brandActive = mixColor(c.brand, toward, lighten ? 0.22f : 0.20f);
    c.brandSoft = mixColor(c.surface, c.brand, dark ? 0.18f : 0.12f);
    // White labels unless the brand is genuinely light: 2.5:1 (slightly under WCAG's 3:1 for large
    // text) keeps white on orange/pink buttons, which is what modern design systems ship.
    c.onBrand = contrastRatio(kWhite, c.brand) >= 2.5f ? kWhite : kInk;

    // Status tones asked for by colour ("green for available, amber for cleaning") keep 3:1 on cards: they are
    // the text of badges and the icons of toasts.
    const StatusColors& s = dark ? kStatusDark : kStatusLight;
    const float softAmount = dark ? 0.18f : 0.12f;
    auto status = [&](const std::string& asked, ImU32 preset) {
        return optionColor(asked, &custom) ? ensureContrast(custom, c.surface, 3.0f, dark ? kWhite : kInk) : preset;
    };
    c.success = status(options.success, s.success);
    c.warning = status(options.warning, s.warning);
    c.danger = status(options.danger, s.danger);
    c.info = status(options.info, s.info);
    c.accent = optionColor(options.accent, &custom) ? custom : accentFromBrand(c.brand, c.info);
    c.accent = dark ? ensureContrast(c.accent, c.bg, 3.0f, kWhite) : ensureContrast(c.accent, c.bg, 1.8f, kInk);
    c.accentSoft = mixColor(c.surface, c.accent, softAmount);
    c.successSoft = mixColor(c.surface, c.success, softAmount);
    c.warningSoft = mixColor(c.surface, c.warning, softAmount);
    c.dangerSoft = mixColor(c.surface, c.danger, softAmount);
    c.infoSoft = mixColor(c.surface, c.info, softAmount);
    c.scrim = dark ? IM_COL32(0, 0, 0, 153) : IM_COL32(15, 17, 21, 115);

    if (optionColor(options.header, &custom)) headerRoles(c, custom);
    else {
        c.header = c.surface;
        c.onHeader = c.text;
        c.headerMuted = c.textMuted;
        c.headerHover = c.surfaceAlt;
        c.headerActive = c.brand;
        c.headerActiveBg = c.brandSoft;
        c.onHeaderActive = c.onBrand;
    }
    return t;
}

ImU32 Theme::tone(std::string_view name) const
{
    const ToneDef* tone = findTone(name);
    return tone ? c.*tone->ink : c.brand;
}

ImU32 Theme::toneSoft(std::string_view name) const
{
    const ToneDef* tone = findTone(name);
    return tone ? c.*tone->soft : c.brandSoft;
}

bool Theme::isTone(std::string_view name) { return findTone(name) != nullptr; }

Theme Theme::onHeader() const
{
    Theme t = *this;
    t.c.surface = c.header;
    t.c.text = c.onHeader;
    t.c.textMuted = c.headerMuted;
    t.c.surfaceAlt = c.headerHover;
    t.c.brand = c.headerActive;
    t.c.brandSoft = c.headerActiveBg;
    t.c.onBrand = c.onHeaderActive;
    if (t.c.brand != c.brand) {  // pressed shades of the new brand, toward the header
        t.c.brandHover = mixColor(t.c.brand, c.header, 0.12f);
        t.c.brandActive = mixColor(t.c.brand, c.header, 0.22f);
    }
    return t;
}

void Theme::apply(ImGuiStyle& style) const
{
    const ImU32 clear = IM_COL32(0, 0, 0, 0);
    auto set = [&](ImGuiCol idx, ImU32 col) { style.Colors[idx] = ImGui::ColorConvertU32ToFloat4(col); };

    set(ImGuiCol_Text, c.text);
    set(ImGuiCol_TextDisabled, c.textFaint);
    set(ImGuiCol_WindowBg, c.bg);
    set(ImGuiCol_ChildBg, clear);
    set(ImGuiCol_PopupBg, c.surface);
    set(ImGuiCol_Border, c.border);
    set(ImGuiCol_BorderShadow, clear);
    set(ImGuiCol_FrameBg, c.surfaceAlt);
    set(ImGuiCol_FrameBgHovered, mixColor(c.surfaceAlt, c.text, 0.05f));
    set(ImGuiCol_FrameBgActive, mixColor(c.surfaceAlt, c.brand, 0.12f));
    set(ImGuiCol_TitleBg, c.surface);
    set(ImGuiCol_TitleBgActive, c.surface);
    set(ImGuiCol_TitleBgCollapsed, c.surface);
    set(ImGuiCol_MenuBarBg, c.surface);
    set(ImGuiCol_ScrollbarBg, clear);
    set(ImGuiCol_ScrollbarGrab, withAlpha(c.text, 0.16f));
    set(ImGuiCol_ScrollbarGrabHovered, withAlpha(c.text, 0.28f));
    set(ImGuiCol_ScrollbarGrabActive, withAlpha(c.text, 0.40f));
    set(ImGuiCol_CheckMark, c.brand);
    set(ImGuiCol_SliderGrab, c.brand);
    set(ImGuiCol_SliderGrabActive, c.brandActive);
    set(ImGuiCol_Button, c.brand);
    set(ImGuiCol_ButtonHovered, c.brandHover);
    set(ImGuiCol_ButtonActive, c.brandActive);
    set(ImGuiCol_Header, c.brandSoft);
    set(ImGuiCol_HeaderHovered, mixColor(c.surface, c.brand, dark ? 0.10f : 0.07f));
    set(ImGuiCol_HeaderActive, mixColor(c.surface, c.brand, dark ? 0.26f : 0.18f));
    set(ImGuiCol_Separator, c.border);
    set(ImGuiCol_SeparatorHovered, mixColor(c.border, c.brand, 0.5f));
    set(ImGuiCol_SeparatorActive, c.brand);
    set(ImGuiCol_ResizeGrip, clear);
    set(ImGuiCol_ResizeGripHovered, withAlpha(c.brand, 0.3f));
    set(ImGuiCol_ResizeGripActive, withAlpha(c.brand, 0.6f));
    set(ImGuiCol_Tab, clear);
    set(ImGuiCol_TabHovered, c.surfaceAlt);
    set(ImGuiCol_TabActive, c.brandSoft);
    set(ImGuiCol_TabUnfocused, clear);
    set(ImGuiCol_TabUnfocusedActive, c.brandSoft);
    set(ImGuiCol_PlotLines, c.brand);
    set(ImGuiCol_PlotLinesHovered, c.brandHover);
    set(ImGuiCol_PlotHistogram, c.brand);
    set(ImGuiCol_PlotHistogramHovered, c.brandHover);
    set(ImGuiCol_TableHeaderBg, c.surfaceAlt);
    set(ImGuiCol_TableBorderStrong, c.border);
    set(ImGuiCol_TableBorderLight, mixColor(c.border, c.surface, 0.4f));
    set(ImGuiCol_TableRowBg, clear);
    set(ImGuiCol_TableRowBgAlt, withAlpha(c.text, dark ? 0.035f : 0.025f));
    set(ImGuiCol_TextSelectedBg, withAlpha(c.brand, 0.25f));
    set(ImGuiCol_DragDropTarget, c.brand);
    set(ImGuiCol_NavHighlight, withAlpha(c.brand, 0.7f));
    set(ImGuiCol_NavWindowingHighlight, withAlpha(kWhite, 0.7f));
    set(ImGuiCol_NavWindowingDimBg, c.scrim);
    set(ImGuiCol_ModalWindowDimBg, c.scrim);

    // Whole pixels everywhere: fractional paddings put text between pixels and blur it.
    auto px = [](float v) { return std::round(v); };
    style.Alpha = 1.0f;
    style.DisabledAlpha = 0.45f;
    style.WindowPadding = ImVec2(pad, pad);
    style.WindowRounding = radius;
    style.WindowBorderSize = 0.0f;
    style.ChildRounding = radius;
    style.ChildBorderSize = 1.0f;
    style.PopupRounding = radius;
    style.PopupBorderSize = 1.0f;
    style.FramePadding = ImVec2(px(pad * 0.75f), px(gap * 0.85f));
    style.FrameRounding = radiusSmall;
    style.FrameBorderSize = 0.0f;
    style.ItemSpacing = ImVec2(gap, gap);
    style.ItemInnerSpacing = ImVec2(px(gap * 0.67f), px(gap * 0.5f));
    style.CellPadding = ImVec2(px(gap * 0.67f), px(gap * 0.5f));
    style.IndentSpacing = px(pad * 1.25f);
    style.ScrollbarSize = 8.0f;
    style.ScrollbarRounding = 8.0f;
    style.GrabMinSize = 12.0f;
    style.GrabRounding = radiusSmall;
    style.TabRounding = radiusSmall;
    style.TabBorderSize = 0.0f;
    style.ButtonTextAlign = ImVec2(0.5f, 0.5f);
    style.SelectableTextAlign = ImVec2(0.0f, 0.5f);
    style.AntiAliasedLines = true;
    style.AntiAliasedLinesUseTex = true;
    style.AntiAliasedFill = true;
}

//-----------------------------------------------------------------------------
// [SECTION] Fonts
//-----------------------------------------------------------------------------

namespace {

struct TextStyleDef { const char* name; float size; int weight; };  // weight: 0 regular, 1 medium, 2 semibold, 3 bold
const TextStyleDef kTextStyles[(int)TextStyle::Count] = {
    { "display", 32, 3 }, { "h1", 26, 3 }, { "h2", 21, 2 }, { "h3", 17, 2 },
    { "body", 15, 0 },    { "strong", 15, 2 }, { "caption", 13, 0 }, { "small", 11, 1 },
};

struct TextStyleAlias { const char* name; TextStyle style; };
const TextStyleAlias kTextStyleAliases[] = {
    { "title", TextStyle::H1 }, { "subtitle", TextStyle::H3 }, { "label", TextStyle::Strong }, { "bold", TextStyle::Strong },
};

// One font family: a file per weight (regular, medium, semibold, bold).
struct FontFamily { const char* name; const char* package; const char* files[4]; };
const FontFamily kInter = { "Inter", "fonts-inter",
    { "/usr/share/fonts/opentype/inter/Inter-Regular.otf", "/usr/share/fonts/opentype/inter/Inter-Medium.otf",
      "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf", "/usr/share/fonts/opentype/inter/Inter-Bold.otf" } };
const FontFamily kDejaVuSans = { "DejaVu Sans", "fonts-dejavu-core",
    { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf" } };
const FontFamily kDejaVuSerif = { "DejaVu Serif", "fonts-dejavu-core",
    { "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf" } };
const FontFamily kDejaVuMono = { "DejaVu Sans Mono", "fonts-dejavu-core",
    { "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf" } };
// The families each face tries, first found wins; a face with none found uses the sans fonts.
const FontFamily* const kFaceFamilies[(int)FontFace::Count][2] = {
    { &kInter, &kDejaVuSans }, { &kDejaVuSerif, nullptr }, { &kDejaVuMono, nullptr },
};
const char* const kIconFontPath = "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf";

// Latin + Latin-1, typographic punctuation (– — ‘’ “” • … ‹›), currency (€ ₹), ™, the minus sign,
// arrows, ★☆ and ✓. Glyphs a font lacks are skipped by the atlas builder.
const ImWchar kTextRanges[] = {
    0x0020, 0x00FF, 0x2010, 0x2027, 0x2030, 0x203A, 0x20A0, 0x20BF, 0x2122, 0x2122,
    0x2190, 0x21FF, 0x2212, 0x2212, 0x2605, 0x2606, 0x2713, 0x2713, 0,
};
const ImWchar kIconRanges[] = { 0xF000, 0xF2E0, 0 };

// A font file read into memory and checked with stb_truetype, so a missing or corrupt file degrades
// to a fallback instead of tripping ImGui's asserts at atlas build time.
struct FontFile {
    std::vector<unsigned char> data;
    float emToPixelHeight = 1.0f;  // ImGui sizes fonts by ascent-descent; the type scale is in em (CSS px)
};

bool readFontFile(const char* path, unsigned probeCodepoint, FontFile* out)
{
    FILE* f = std::fopen(path, "rb");
    if (!f) return false;
    std::vector<unsigned char> data;
    unsigned char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) data.insert(data.end(), buf, buf + n);
    std::fclose(f);
    if (data.size() < 12) return false;

    stbtt_fontinfo info;
    int offset = stbtt_GetFontOffsetForIndex(data.data(), 0);
    if (offset < 0 || !stbtt_InitFont(&info, data.data(), offset) || stbtt_FindGlyphIndex(&info, (int)probeCodepoint) == 0)
        return false;
    out->emToPixelHeight = stbtt_ScaleForMappingEmToPixels(&info, 1.0f) / stbtt_ScaleForPixelHeight(&info, 1.0f);
    out->data = std::move(data);
    return true;
}

// The atlas frees font data with IM_FREE, so each font gets its own IM_ALLOC'd copy.
ImFont* addFontFromFile(ImFontAtlas* atlas, const FontFile& file, ImFontConfig cfg)
{
    void* copy = IM_ALLOC(file.data.size());
    std::memcpy(copy, file.data.data(), file.data.size());
    cfg.FontDataOwnedByAtlas = true;
    return atlas->AddFontFromMemoryTTF(copy, (int)file.data.size(), cfg.SizePixels, &cfg, cfg.GlyphRanges);
}

} // namespace

const char* textStyleName(TextStyle s)
{
    int i = (int)s;
    return (i >= 0 && i < (int)TextStyle::Count) ? kTextStyles[i].name : "body";
}

bool textStyleFromName(std::string_view name, TextStyle* out)
{
    for (int i = 0; i < (int)TextStyle::Count; i++)  // as written in specs: no case folding needed
        if (name == kTextStyles[i].name) { if (out) *out = (TextStyle)i; return true; }
    std::string key = lowerTrimmed(name);
    for (int i = 0; i < (int)TextStyle::Count; i++)
        if (key == kTextStyles[i].name) { if (out) *out = (TextStyle)i; return true; }
    for (const TextStyleAlias& a : kTextStyleAliases)
        if (key == a.name) { if (out) *out = a.style; return true; }
    return false;
}

FontFace fontFaceFromName(std::string_view name) { return (FontFace)choiceIndex(documentVocabulary().themeFonts, name); }

bool FontSet::load(ImFontAtlas* atlas, float scale)
{
    if (!atlas || atlas->Locked) return false;  // a locked atlas (mid-frame) would assert on AddFont
    m_scale = scale > 0.0f ? scale : 1.0f;
    m_missing.clear();
    m_hasIcons = false;
    for (auto& face : m_fonts) std::fill(std::begin(face), std::end(face), nullptr);
    // ~3M pixels of glyphs: a power-of-two height would waste a quarter of the texture.
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    addFamily(atlas, FontFace::Sans);
    return true;
}

bool FontSet::addFace(ImFontAtlas* atlas, FontFace face)
{
    if (!atlas || atlas->Locked || hasFace(face) || !hasFace(FontFace::Sans)) return false;
    addFamily(atlas, face);
    atlas->ClearTexData();  // the next GetTexData* bakes every font again, the new ones included
    return true;
}

bool FontSet::hasFace(FontFace face) const
{
    int i = (int)face;
    return i >= 0 && i < (int)FontFace::Count && m_fonts[i][(int)TextStyle::Body] != nullptr;
}

void FontSet::note(std::string text)
{
    m_missing += (m_missing.empty() ? "" : " ") + text;
}

void FontSet::addFamily(ImFontAtlas* atlas, FontFace face)
{
    // Pick the first family whose regular weight loads; missing heavier weights reuse a lighter one.
    const FontFamily* family = nullptr;
    FontFile weights[4];
    bool haveWeight[4] = {};
    for (const FontFamily* fam : kFaceFamilies[(int)face]) {
        if (!fam) continue;
        for (int w = 0; w < 4; w++) haveWeight[w] = readFontFile(fam->files[w], 'A', &weights[w]);
        if (haveWeight[0]) { family = fam; break; }
        note(std::string(fam->name) + " (" + fam->package + ") not found at " + fam->files[0] + ".");
    }
    if (!family && face != FontFace::Sans) {  // the sans fonts stand in
        note("Using " + std::string(kInter.name) + " for the " + documentVocabulary().themeFonts[(int)face] + " font.");
        std::copy(std::begin(m_fonts[(int)FontFace::Sans]), std::end(m_fonts[(int)FontFace::Sans]), std::begin(m_fonts[(int)face]));
        return;
    }
    if (family) {
        for (int w = 1; w < 4; w++)
            if (!haveWeight[w]) {
                note(std::string(family->name) + " weight file " + family->files[w] + " missing; using a lighter weight.");
                weights[w] = weights[w - 1];
            }
        if (family != kFaceFamilies[(int)face][0]) note(std::string("Using ") + family->name + ".");
    } else {
        note("Using ImGui's built-in font.");
    }

    FontFile icons;
    const bool hasIcons = readFontFile(kIconFontPath, 0xF015, &icons);
    if (face == FontFace::Sans) {
        m_hasIcons = hasIcons;
        if (!hasIcons) note(std::string("Font Awesome (fonts-font-awesome) not found at ") + kIconFontPath + "; icons will not render.");
    }

    // Body first: the first font added becomes ImGui's default font.
    static const TextStyle kOrder[] = { TextStyle::Body, TextStyle::Display, TextStyle::H1, TextStyle::H2,
                                        TextStyle::H3, TextStyle::Strong, TextStyle::Caption, TextStyle::Small };
    for (TextStyle style : kOrder) {
        const TextStyleDef& def = kTextStyles[(int)style];
        float em = def.size * m_scale;
        ImFontConfig cfg;
        cfg.OversampleH = 2;
        cfg.OversampleV = 1;
        cfg.GlyphRanges = kTextRanges;
        ImFont* font;
        if (family) {
            const FontFile& file = weights[def.weight];
            cfg.SizePixels = std::round(em * file.emToPixelHeight);
            std::snprintf(cfg.Name, sizeof(cfg.Name), "%s %s %.0fpx", family->name, def.name, em);
            font = addFontFromFile(atlas, file, cfg);
        } else {
            cfg.SizePixels = std::round(em);
            font = atlas->AddFontDefault(&cfg);
        }
        if (hasIcons) {
            // Icons are 1em like the text. Font Awesome 4.7 centers its icons 0.36em above the baseline,
            // which is where Inter's (and DejaVu's) cap height is centered, so they need no vertical
            // offset. PixelSnapH makes horizontal oversampling pointless, and a fixed minimum advance
            // lines up icon columns in lists and tab bars.
            ImFontConfig icfg;
            icfg.MergeMode = true;
            icfg.OversampleH = 1;
            icfg.OversampleV = 1;
            icfg.PixelSnapH = true;
            icfg.SizePixels = std::round(em);
            icfg.GlyphMinAdvanceX = std::round(em * 1.15f);
            icfg.GlyphRanges = kIconRanges;
            std::snprintf(icfg.Name, sizeof(icfg.Name), "FontAwesome %.0fpx", em);
            addFontFromFile(atlas, icons, icfg);
        }
        m_fonts[(int)face][(int)style] = font;
    }
}

ImFont* FontSet::get(TextStyle s, FontFace face) const
{
    int i = (int)s, f = (int)face;
    if (i < 0 || i >= (int)TextStyle::Count) i = (int)TextStyle::Body;
    if (f < 0 || f >= (int)FontFace::Count || !m_fonts[f][i]) f = (int)FontFace::Sans;
    return m_fonts[f][i];
}

} // namespace pt
