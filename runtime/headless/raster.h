// Promptotype — CPU rasterizer for ImGui draw data, so screenshots need no display and no GPU.
//
// Deterministic: the same draw data always gives the same bytes (used by `promptotype shot` and tests).
//
// [SECTION] Image
// [SECTION] Rendering
// [SECTION] PNG output and inspection

#pragma once
#include <imgui.h>
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Image
//-----------------------------------------------------------------------------

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;  // 8-bit RGBA, top row first, width*height*4 bytes
};

//-----------------------------------------------------------------------------
// [SECTION] Rendering
//-----------------------------------------------------------------------------

// Renders ImGui draw data (after ImGui::Render()) the way the OpenGL3 backend would: textured, vertex-colored
// triangles, alpha-blended (src-alpha, one-minus-src-alpha), clipped by each command's ClipRect, over `clear`.
// `fontTexRGBA` is the atlas from io.Fonts->GetTexDataAsRGBA32 (every ImDrawCmd is assumed to sample it).
// The image is DisplaySize * FramebufferScale pixels. User callbacks are skipped, and so are triangles with a
// vertex beyond +-2M pixels or NaN (outside the fixed-point range; ImGui never emits such geometry in practice).
Image rasterize(const ImDrawData* drawData, const unsigned char* fontTexRGBA, int texWidth, int texHeight, ImU32 clear);

//-----------------------------------------------------------------------------
// [SECTION] PNG output and inspection
//-----------------------------------------------------------------------------

// Writes an RGBA PNG atomically (temp file in the same directory, then rename). On failure returns
// false and, when `error` is given, says why ("cannot create /x/y.png.tmp-12: No such file or directory").
bool writePng(const std::string& path, const Image& image, std::string* error);

// Fraction of pixels whose color differs from the top-left pixel: "is this screenshot blank?" (0 for an empty image).
double inkRatio(const Image& image);

// The sub-image at (x, y) of size w x h, clamped to the image bounds (possibly empty).
Image crop(const Image& image, int x, int y, int w, int h);

} // namespace pt
