// Promptotype — the document's vocabulary: the names a spec may use for themes, colours and icons.
//
// The loader validates against these lists, the schema and the prompt enumerate them, and the engine maps
// them to a look. Nothing here draws: colours are returned packed like ImGui's IM_COL32 (0xAABBGGRR) so the
// engine uses them as they are.
//
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
// [SECTION] Theme presets
//-----------------------------------------------------------------------------

const std::vector<std::string>& themePresets();  // "calm", "vivid", "warm", "mono", "corporate", "playful" (the engine's looks, in this order)
int themePresetIndex(std::string_view name);     // position in themePresets() (case and spaces ignored), -1 when unknown

//-----------------------------------------------------------------------------
// [SECTION] Colours
//-----------------------------------------------------------------------------

// "#4F7CFF", "#4F7CFF80", "4F7CFF", "#abc", or a named colour ("red", "teal", ...) -> packed 0xAABBGGRR.
bool parseColor(std::string_view text, std::uint32_t* out);
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
