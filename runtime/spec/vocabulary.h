// Promptotype — the document's vocabulary: the keys and choices of a document's own objects (meta, theme, nav,
// screens, overlays, ...), and the names a spec may use for themes, colours and icons. Widgets and actions are
// described by the catalogs (catalog.h); near-miss names other UI vocabularies use are in aliases.h.
//
// The loader validates against these lists, the schema, the prompt and the docs enumerate them, and the engine
// maps them to a look. Nothing here draws: colours are returned packed like ImGui's IM_COL32 (0xAABBGGRR) so the
// engine uses them as they are.
//
// [SECTION] Document keys and choices
// [SECTION] Theme presets
// [SECTION] Colours
// [SECTION] Icons by name

#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Document keys and choices
//-----------------------------------------------------------------------------

// The keys each object of a document takes, in the order docs list them, and the values its choices take
// (the first choice is the default). Theme presets are themePresets() below.
struct DocumentVocabulary {
    std::vector<std::string> topKeys;        // spec, meta, theme, state, nav, screens, overlays, components, actions, mocks
    std::vector<std::string> metaKeys;       // name, idea, requirements, device, now
    std::vector<std::string> requirementKeys;  // text, ids (an entry of meta.requirements)
    std::vector<std::string> themeKeys;      // preset, brand, mode, background, surface, header, accent, text, success..info, font, density, corners
    std::vector<std::string> navKeys;        // kind, start, items
    std::vector<std::string> navItemKeys;    // screen, label, icon, badge (an item written as an object)
    std::vector<std::string> screenKeys;     // title, icon, body, bar, onEnter, variants
    std::vector<std::string> overlayKeys;    // kind, title, body, actions, variants
    std::vector<std::string> componentKeys;  // params, body
    std::vector<std::string> repeatKeys;     // in, as, limit, empty
    std::vector<std::string> mockKeys;       // latency, result, fail, error
    std::vector<std::string> ruleKinds;      // required, email, min, max, minLength, maxLength, pattern, match
    std::vector<std::string> devices;        // meta.device: phone, tablet, desktop
    std::vector<std::string> themeModes;     // theme.mode: light, dark
    std::vector<std::string> themeFonts;     // theme.font: sans (Inter), serif (DejaVu Serif), mono (DejaVu Sans Mono)
    std::vector<std::string> themeDensities; // theme.density: comfortable, compact, spacious (gaps, padding, control height)
    std::vector<std::string> themeCorners;   // theme.corners: soft, square, round (card and control radii)
    std::vector<std::string> navKinds;       // nav.kind: stack, tabs, sidebar
    std::vector<std::string> overlayKinds;   // an overlay's kind: dialog, sheet, toast
    std::vector<std::string> tones;          // every tone prop and arg: brand, accent, success, warning, danger, info, muted (the theme's accents)
};

const DocumentVocabulary& documentVocabulary();  // the one list of each
std::string oneOf(const std::vector<std::string>& choices);  // "phone, tablet or desktop": choices as messages say them

//-----------------------------------------------------------------------------
// [SECTION] Theme presets
//-----------------------------------------------------------------------------

const std::vector<std::string>& themePresets();  // "calm", "vivid", "warm", "mono", "corporate", "playful" (the engine's looks, in this order)
int themePresetIndex(std::string_view name);     // position in themePresets() (case and spaces ignored), -1 when unknown

//-----------------------------------------------------------------------------
// [SECTION] Colours
//-----------------------------------------------------------------------------

// "#4F7CFF", "#4F7CFF80", "4F7CFF", "#abc", a named colour ("red", "teal", ...: modern UI shades) or any other CSS
// colour keyword ("midnightblue", "olivedrab") -> packed 0xAABBGGRR.
bool parseColor(std::string_view text, std::uint32_t* out);
float relativeLuminance(std::uint32_t packed);           // WCAG relative luminance of the RGB part, 0 (black) .. 1 (white)
float contrastRatio(std::uint32_t a, std::uint32_t b);   // WCAG contrast ratio of two colours, 1 .. 21
bool isDarkColor(std::uint32_t packed);                  // white text reads better on it than black: a dark background
std::string lowerTrimmed(std::string_view s);  // lower case, surrounding spaces removed (how names are compared)

//-----------------------------------------------------------------------------
// [SECTION] Icons by name
//-----------------------------------------------------------------------------

// UTF-8 glyph for a Font Awesome 4.7 icon name ("home", "fa-home", "heart-o") or a common alias
// ("settings", "add", "delete", "person", "notifications", "search", "chart", "calendar", ...).
// Returns "" for unknown names. Names come from Debian's font-awesome.css, read once.
const std::string& iconGlyph(std::string_view name);
std::vector<std::string> iconNames();  // every known name, for docs and did-you-mean

} // namespace pt
