// Promptotype — CSS colour keywords: the 148 names of CSS Color Module Level 4 with their sRGB values.
//
// What a person means by "midnightblue", "wheat" or "navy" in a request. The spec's own colour names (parseColor in
// vocabulary.h) are a short list of modern UI shades, so "teal" means something else there; code that compares a
// request's colour with a spec's tries both.

#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace pt {

// One CSS colour keyword.
struct CssColor {
    const char* name;   // lower case, one word ("midnightblue")
    std::uint32_t rgb;  // 0xRRGGBB
};

const std::vector<CssColor>& cssColors();                   // every keyword, alphabetical
bool cssColor(std::string_view name, std::uint32_t* rgb);   // the keyword's 0xRRGGBB (case ignored); false when it is none

} // namespace pt
