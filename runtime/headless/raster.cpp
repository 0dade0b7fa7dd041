// Promptotype — CPU rasterizer for ImGui draw data, PNG output.
//
// Index of this file:
// [SECTION] Texture sampling and blending
// [SECTION] Triangle setup (fixed point, top-left fill rule)
// [SECTION] Span filling
// [SECTION] rasterize()
// [SECTION] PNG output and inspection
//
// Triangles are scan-converted row by row: for each row the three edge inequalities are solved for the
// covered x-span directly, so the long thin fan triangles ImGui emits for rounded rectangles cost only
// the pixels they cover, not their bounding box.

#include "runtime/headless/raster.h"

#include <stb_image_write.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Texture sampling and blending
//-----------------------------------------------------------------------------

struct Texture {
    const unsigned char* rgba;
    int width, height;
};

struct Color { float r, g, b, a; };  // 0..1

// GL_LINEAR with clamp-to-edge, like the OpenGL3 backend's font texture. A missing texture reads as white.
inline Color sampleTexture(const Texture& t, float u, float v)
{
    if (!t.rgba) return { 1, 1, 1, 1 };
    float fx = u * t.width - 0.5f, fy = v * t.height - 0.5f;
    float flx = std::floor(fx), fly = std::floor(fy);
    float ax = fx - flx, ay = fy - fly;
    int x0 = std::clamp((int)flx, 0, t.width - 1), x1 = std::clamp((int)flx + 1, 0, t.width - 1);
    int y0 = std::clamp((int)fly, 0, t.height - 1), y1 = std::clamp((int)fly + 1, 0, t.height - 1);
    const unsigned char* p00 = t.rgba + ((size_t)y0 * t.width + x0) * 4;
    const unsigned char* p10 = t.rgba + ((size_t)y0 * t.width + x1) * 4;
    const unsigned char* p01 = t.rgba + ((size_t)y1 * t.width + x0) * 4;
    const unsigned char* p11 = t.rgba + ((size_t)y1 * t.width + x1) * 4;
    float out[4];
    for (int c = 0; c < 4; c++) {
        float top = p00[c] + (p10[c] - p00[c]) * ax;
        float bottom = p01[c] + (p11[c] - p01[c]) * ax;
        out[c] = (top + (bottom - top) * ay) * (1.0f / 255.0f);
    }
    return { out[0], out[1], out[2], out[3] };
}

// glBlendFuncSeparate(SRC_ALPHA, ONE_MINUS_SRC_ALPHA, ONE, ONE_MINUS_SRC_ALPHA) into an 8-bit target.
inline void blendPixel(unsigned char* d, const Color& s)
{
    if (s.a <= 0.0f) return;
    if (s.a >= 1.0f) {
        d[0] = (unsigned char)(s.r * 255.0f + 0.5f);
        d[1] = (unsigned char)(s.g * 255.0f + 0.5f);
        d[2] = (unsigned char)(s.b * 255.0f + 0.5f);
        d[3] = 255;
        return;
    }
    float ia = 1.0f - s.a;
    d[0] = (unsigned char)(s.r * s.a * 255.0f + d[0] * ia + 0.5f);
    d[1] = (unsigned char)(s.g * s.a * 255.0f + d[1] * ia + 0.5f);
    d[2] = (unsigned char)(s.b * s.a * 255.0f + d[2] * ia + 0.5f);
    d[3] = (unsigned char)(s.a * 255.0f + d[3] * ia + 0.5f);
}

inline Color unpack(ImU32 c)
{
    const float k = 1.0f / 255.0f;
    return { ((c >> IM_COL32_R_SHIFT) & 0xFF) * k, ((c >> IM_COL32_G_SHIFT) & 0xFF) * k,
             ((c >> IM_COL32_B_SHIFT) & 0xFF) * k, ((c >> IM_COL32_A_SHIFT) & 0xFF) * k };
}

inline Color modulate(const Color& a, const Color& b) { return { a.r * b.r, a.g * b.g, a.b * b.b, a.a * b.a }; }

//-----------------------------------------------------------------------------
// [SECTION] Triangle setup
//-----------------------------------------------------------------------------

// 8 bits of sub-pixel precision (as GPUs use) makes the fill rule exact: a pixel center on a shared edge
// belongs to exactly one of the two triangles, so seams between adjacent triangles never double-blend.
constexpr int kSubBits = 8;
constexpr int64_t kSub = (int64_t)1 << kSubBits;
constexpr float kMaxCoord = (float)(1 << 21);  // keeps every edge-function product inside int64

struct Target {
    unsigned char* pixels;
    int width, height;
};

struct ClipBox { int x0, y0, x1, y1; };  // half-open pixel rectangle

struct Vertex { int64_t x, y; float u, v; ImU32 col; };

// E(P) = A*P.x + B*P.y + C, positive inside; `bias` (0 or 1) implements the top-left rule as E - bias >= 0.
struct Edge {
    int64_t a, b, c, bias;
    Edge(const Vertex& p, const Vertex& q)
    {
        a = p.y - q.y;
        b = q.x - p.x;
        c = -(a * p.x + b * p.y);
        bool topLeft = a > 0 || (a == 0 && b > 0);  // left edge, or horizontal edge with the interior below
        bias = topLeft ? 0 : 1;
    }
};

inline int64_t floorDiv(int64_t n, int64_t d)
{
    int64_t q = n / d;
    return (n % d != 0 && ((n < 0) != (d < 0))) ? q - 1 : q;
}
inline int64_t ceilDiv(int64_t n, int64_t d)
{
    int64_t q = n / d;
    return (n % d != 0 && ((n < 0) == (d < 0))) ? q + 1 : q;
}

// Narrows [lo, hi] to the pixels x whose center satisfies A*X + rowTerm >= 0 (X = x*kSub + kSub/2).
inline void clipSpanToEdge(const Edge& e, int64_t rowTerm, int64_t& lo, int64_t& hi)
{
    int64_t k = e.a * kSub;
    int64_t m = -rowTerm - e.a * (kSub / 2);
    if (k > 0) lo = std::max(lo, ceilDiv(m, k));
    else if (k < 0) hi = std::min(hi, floorDiv(m, k));
    else if (rowTerm < 0) hi = lo - 1;
}

//-----------------------------------------------------------------------------
// [SECTION] Span filling
//-----------------------------------------------------------------------------

void drawTriangle(Target& target, const Texture& tex, const ClipBox& clip, Vertex v0, Vertex v1, Vertex v2)
{
    int64_t area = (v1.x - v0.x) * (v2.y - v0.y) - (v1.y - v0.y) * (v2.x - v0.x);
    if (area == 0) return;
    if (area < 0) { std::swap(v1, v2); area = -area; }  // the OpenGL backend doesn't cull, so both windings draw

    int64_t minX = std::min({ v0.x, v1.x, v2.x }), maxX = std::max({ v0.x, v1.x, v2.x });
    int64_t minY = std::min({ v0.y, v1.y, v2.y }), maxY = std::max({ v0.y, v1.y, v2.y });
    int64_t rowStart = std::max<int64_t>(clip.y0, floorDiv(minY, kSub));
    int64_t rowEnd = std::min<int64_t>(clip.y1 - 1, floorDiv(maxY, kSub));
    int64_t colStart = std::max<int64_t>(clip.x0, floorDiv(minX, kSub));
    int64_t colEnd = std::min<int64_t>(clip.x1 - 1, floorDiv(maxX, kSub));
    if (rowStart > rowEnd || colStart > colEnd) return;

    // Weights of v1 and v2 are E_20/area and E_01/area; v0 gets the rest.
    Edge e12(v1, v2), e20(v2, v0), e01(v0, v1);
    const double invArea = 1.0 / (double)area;
    const float dw1dx = (float)(e20.a * kSub * invArea), dw2dx = (float)(e01.a * kSub * invArea);

    const bool flatUV = v0.u == v1.u && v0.u == v2.u && v0.v == v1.v && v0.v == v2.v;
    const bool flatCol = v0.col == v1.col && v0.col == v2.col;
    const Color c0 = unpack(v0.col), c1 = unpack(v1.col), c2 = unpack(v2.col);
    const Color dc1 = { c1.r - c0.r, c1.g - c0.g, c1.b - c0.b, c1.a - c0.a };
    const Color dc2 = { c2.r - c0.r, c2.g - c0.g, c2.b - c0.b, c2.a - c0.a };
    const float du1 = v1.u - v0.u, dv1 = v1.v - v0.v, du2 = v2.u - v0.u, dv2 = v2.v - v0.v;
    const Color flatTexel = flatUV ? sampleTexture(tex, v0.u, v0.v) : Color{ 1, 1, 1, 1 };
    const Color flatSrc = modulate(c0, flatTexel);

    for (int64_t y = rowStart; y <= rowEnd; y++) {
        const int64_t py = y * kSub + kSub / 2;
        const int64_t r12 = e12.b * py + e12.c - e12.bias;
        const int64_t r20 = e20.b * py + e20.c - e20.bias;
        const int64_t r01 = e01.b * py + e01.c - e01.bias;
        int64_t lo = colStart, hi = colEnd;
        clipSpanToEdge(e12, r12, lo, hi);
        clipSpanToEdge(e20, r20, lo, hi);
        clipSpanToEdge(e01, r01, lo, hi);
        if (lo > hi) continue;

        unsigned char* row = target.pixels + ((size_t)y * target.width) * 4;
        if (flatUV && flatCol) {  // solid fills: most of the pixels of a typical frame
            for (int64_t x = lo; x <= hi; x++) blendPixel(row + x * 4, flatSrc);
            continue;
        }
        // Barycentrics at the span's first pixel center (bias added back: it only decides coverage).
        const int64_t px = lo * kSub + kSub / 2;
        const float w1Start = (float)((e20.a * px + r20 + e20.bias) * invArea);
        const float w2Start = (float)((e01.a * px + r01 + e01.bias) * invArea);
        for (int64_t x = lo; x <= hi; x++) {
            const float i = (float)(x - lo);
            const float w1 = w1Start + dw1dx * i, w2 = w2Start + dw2dx * i;
            Color col = flatCol ? c0
                                : Color{ c0.r + dc1.r * w1 + dc2.r * w2, c0.g + dc1.g * w1 + dc2.g * w2,
                                         c0.b + dc1.b * w1 + dc2.b * w2, c0.a + dc1.a * w1 + dc2.a * w2 };
            Color texel = flatUV ? flatTexel : sampleTexture(tex, v0.u + du1 * w1 + du2 * w2, v0.v + dv1 * w1 + dv2 * w2);
            Color src = modulate(col, texel);
            src.r = std::clamp(src.r, 0.0f, 1.0f);
            src.g = std::clamp(src.g, 0.0f, 1.0f);
            src.b = std::clamp(src.b, 0.0f, 1.0f);
            src.a = std::clamp(src.a, 0.0f, 1.0f);
            blendPixel(row + x * 4, src);
        }
    }
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] rasterize()
//-----------------------------------------------------------------------------

Image rasterize(const ImDrawData* drawData, const unsigned char* fontTexRGBA, int texWidth, int texHeight, ImU32 clear)
{
    Image image;
    if (!drawData) return image;
    const ImVec2 scale = (drawData->FramebufferScale.x > 0 && drawData->FramebufferScale.y > 0) ? drawData->FramebufferScale : ImVec2(1, 1);
    const float fw = drawData->DisplaySize.x * scale.x, fh = drawData->DisplaySize.y * scale.y;
    if (!(fw >= 1.0f && fh >= 1.0f && fw <= 16384.0f && fh <= 16384.0f)) return image;
    image.width = (int)fw;
    image.height = (int)fh;
    image.rgba.resize((size_t)image.width * image.height * 4);
    const unsigned char clearBytes[4] = { (unsigned char)((clear >> IM_COL32_R_SHIFT) & 0xFF), (unsigned char)((clear >> IM_COL32_G_SHIFT) & 0xFF),
                                          (unsigned char)((clear >> IM_COL32_B_SHIFT) & 0xFF), (unsigned char)((clear >> IM_COL32_A_SHIFT) & 0xFF) };
    for (size_t i = 0; i < image.rgba.size(); i += 4) std::memcpy(&image.rgba[i], clearBytes, 4);

    Target target = { image.rgba.data(), image.width, image.height };
    Texture tex = { (fontTexRGBA && texWidth > 0 && texHeight > 0) ? fontTexRGBA : nullptr, texWidth, texHeight };
    const ImVec2 origin = drawData->DisplayPos;

    std::vector<Vertex> verts;
    std::vector<unsigned char> usable;  // per vertex: coordinates are finite and in fixed-point range
    for (int n = 0; n < drawData->CmdListsCount; n++) {
        const ImDrawList* list = drawData->CmdLists[n];
        verts.resize(list->VtxBuffer.Size);
        usable.resize(list->VtxBuffer.Size);
        for (int i = 0; i < list->VtxBuffer.Size; i++) {
            const ImDrawVert& dv = list->VtxBuffer[i];
            float x = (dv.pos.x - origin.x) * scale.x, y = (dv.pos.y - origin.y) * scale.y;
            usable[i] = std::fabs(x) < kMaxCoord && std::fabs(y) < kMaxCoord;  // also false for NaN
            verts[i] = { usable[i] ? std::llround(x * kSub) : 0, usable[i] ? std::llround(y * kSub) : 0, dv.uv.x, dv.uv.y, dv.col };
        }
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;  // backend-specific (GL state); nothing to do on the CPU
            float cx0 = std::max(0.0f, (cmd.ClipRect.x - origin.x) * scale.x);
            float cy0 = std::max(0.0f, (cmd.ClipRect.y - origin.y) * scale.y);
            float cx1 = std::min((float)image.width, (cmd.ClipRect.z - origin.x) * scale.x);
            float cy1 = std::min((float)image.height, (cmd.ClipRect.w - origin.y) * scale.y);
            if (!(cx1 > cx0 && cy1 > cy0)) continue;
            ClipBox clip = { (int)cx0, (int)cy0, (int)cx1, (int)cy1 };  // truncation, as glScissor receives it
            const ImDrawIdx* idx = list->IdxBuffer.Data + cmd.IdxOffset;
            for (unsigned e = 0; e + 2 < cmd.ElemCount; e += 3) {
                unsigned i0 = idx[e] + cmd.VtxOffset, i1 = idx[e + 1] + cmd.VtxOffset, i2 = idx[e + 2] + cmd.VtxOffset;
                if (i0 >= verts.size() || i1 >= verts.size() || i2 >= verts.size()) continue;
                if (!usable[i0] || !usable[i1] || !usable[i2]) continue;
                drawTriangle(target, tex, clip, verts[i0], verts[i1], verts[i2]);
            }
        }
    }
    return image;
}

//-----------------------------------------------------------------------------
// [SECTION] PNG output and inspection
//-----------------------------------------------------------------------------

namespace {

struct PngSink {
    FILE* file;
    bool failed;
};

void pngWrite(void* context, void* data, int size)
{
    PngSink* sink = (PngSink*)context;
    if (!sink->failed && std::fwrite(data, 1, (size_t)size, sink->file) != (size_t)size) sink->failed = true;
}

} // namespace

bool writePng(const std::string& path, const Image& image, std::string* error)
{
    auto fail = [&](const std::string& why) { if (error) *error = why; return false; };
    if (image.width <= 0 || image.height <= 0 || image.rgba.size() < (size_t)image.width * image.height * 4)
        return fail("cannot write " + path + ": empty image");

    // Same directory as the target so rename(2) is atomic; pid + counter keeps concurrent writers apart.
    static std::atomic<unsigned> counter{ 0 };
    std::string temp = path + ".tmp-" + std::to_string((long)getpid()) + "-" + std::to_string(counter++);
    PngSink sink = { std::fopen(temp.c_str(), "wb"), false };
    if (!sink.file) return fail("cannot create " + temp + ": " + std::strerror(errno));

    int ok = stbi_write_png_to_func(pngWrite, &sink, image.width, image.height, 4, image.rgba.data(), image.width * 4);
    int writeErrno = sink.failed ? errno : 0;
    if (std::fclose(sink.file) != 0 && !sink.failed) { sink.failed = true; writeErrno = errno; }
    if (!ok || sink.failed) {
        std::remove(temp.c_str());
        return fail("cannot write " + temp + ": " + (ok ? std::strerror(writeErrno) : "PNG encoding failed"));
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        int renameErrno = errno;
        std::remove(temp.c_str());
        return fail("cannot rename " + temp + " to " + path + ": " + std::strerror(renameErrno));
    }
    if (error) error->clear();
    return true;
}

double inkRatio(const Image& image)
{
    size_t count = (size_t)std::max(0, image.width) * std::max(0, image.height);
    if (count == 0 || image.rgba.size() < count * 4) return 0.0;
    const unsigned char* p = image.rgba.data();
    size_t differing = 0;
    for (size_t i = 1; i < count; i++)
        differing += std::memcmp(p + i * 4, p, 4) != 0;
    return (double)differing / (double)count;
}

Image crop(const Image& image, int x, int y, int w, int h)
{
    Image out;
    const long long iw = std::max(0, image.width), ih = std::max(0, image.height);  // 64-bit: x + w must not overflow
    int x0 = (int)std::clamp<long long>(x, 0, iw), y0 = (int)std::clamp<long long>(y, 0, ih);
    int x1 = (int)std::clamp<long long>((long long)x + std::max(0, w), x0, iw);
    int y1 = (int)std::clamp<long long>((long long)y + std::max(0, h), y0, ih);
    if (x1 <= x0 || y1 <= y0 || image.rgba.size() < (size_t)image.width * image.height * 4) return out;
    out.width = x1 - x0;
    out.height = y1 - y0;
    out.rgba.resize((size_t)out.width * out.height * 4);
    for (int row = 0; row < out.height; row++)
        std::memcpy(&out.rgba[(size_t)row * out.width * 4], &image.rgba[((size_t)(y0 + row) * image.width + x0) * 4], (size_t)out.width * 4);
    return out;
}

} // namespace pt
