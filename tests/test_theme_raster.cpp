// Tests for runtime/theme (colors, presets, fonts, icons) and runtime/raster (CPU rendering, PNG output).

#include "runtime/headless/raster.h"
#include "runtime/engine/theme.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unistd.h>

using namespace pt;

namespace {

float channel(ImU32 c, int shift) { return ((c >> shift) & 0xFF) / 255.0f; }

float luminance(ImU32 c)
{
    auto lin = [](float f) { return f <= 0.04045f ? f / 12.92f : std::pow((f + 0.055f) / 1.055f, 2.4f); };
    return 0.2126f * lin(channel(c, IM_COL32_R_SHIFT)) + 0.7152f * lin(channel(c, IM_COL32_G_SHIFT)) +
           0.0722f * lin(channel(c, IM_COL32_B_SHIFT));
}

float contrast(ImU32 a, ImU32 b)
{
    float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

ImU32 pixel(const Image& img, int x, int y)
{
    const unsigned char* p = &img.rgba[((size_t)y * img.width + x) * 4];
    return IM_COL32(p[0], p[1], p[2], p[3]);
}

// A fresh ImGui context with a built default-font atlas, torn down at scope exit.
struct HeadlessImGui {
    ImGuiContext* ctx;
    unsigned char* tex = nullptr;
    int texWidth = 0, texHeight = 0;

    HeadlessImGui()
    {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(320, 240);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        io.Fonts->GetTexDataAsRGBA32(&tex, &texWidth, &texHeight);
        io.Fonts->TexID = (ImTextureID)(intptr_t)1;
    }
    ~HeadlessImGui() { ImGui::DestroyContext(ctx); }

    // One frame: a background-less full-screen window with a red 100x60 rect at (20,20) and some text.
    void drawScene(ImU32 rectColor, bool withText)
    {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(320, 240));
        ImGui::Begin("scene", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(20, 20), ImVec2(120, 80), rectColor);
        if (withText) {
            ImGui::SetCursorPos(ImVec2(140, 100));
            ImGui::TextUnformatted("Hello, prototype");
        }
        ImGui::End();
        ImGui::Render();
    }
};

std::string tempPath(const char* name)
{
    return std::string("/tmp/pt_test_") + std::to_string((long)getpid()) + "_" + name;
}

} // namespace

//-----------------------------------------------------------------------------
// Colors and themes
//-----------------------------------------------------------------------------

TEST_CASE("parseColor accepts hex forms and names", "[theme]")
{
    ImU32 c = 0;
    CHECK(parseColor("#4F7CFF", &c));
    CHECK(c == IM_COL32(0x4F, 0x7C, 0xFF, 0xFF));
    CHECK(parseColor("4f7cff", &c));
    CHECK(c == IM_COL32(0x4F, 0x7C, 0xFF, 0xFF));
    CHECK(parseColor("#4F7CFF80", &c));
    CHECK(c == IM_COL32(0x4F, 0x7C, 0xFF, 0x80));
    CHECK(parseColor("#abc", &c));
    CHECK(c == IM_COL32(0xAA, 0xBB, 0xCC, 0xFF));
    CHECK(parseColor("  White ", &c));
    CHECK(c == IM_COL32(255, 255, 255, 255));
    CHECK(parseColor("black", &c));
    CHECK(c == IM_COL32(0, 0, 0, 255));
    for (const char* name : { "red", "green", "blue", "teal", "orange", "purple", "pink", "yellow", "gray", "grey",
                              "indigo", "cyan", "amber", "emerald", "slate" }) {
        INFO(name);
        CHECK(parseColor(name, &c));
        CHECK((c >> IM_COL32_A_SHIFT) == 0xFF);
    }
    CHECK(parseColor("gray", &c));
    ImU32 grey = 0;
    CHECK(parseColor("grey", &grey));
    CHECK(c == grey);

    ImU32 untouched = 0x12345678;
    CHECK_FALSE(parseColor("", &untouched));
    CHECK_FALSE(parseColor("#12", &untouched));
    CHECK_FALSE(parseColor("#12345", &untouched));
    CHECK_FALSE(parseColor("#GGHHII", &untouched));
    CHECK_FALSE(parseColor("blurple", &untouched));
    CHECK(untouched == 0x12345678);
}

TEST_CASE("mixColor and withAlpha", "[theme]")
{
    CHECK(mixColor(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255), 0.0f) == IM_COL32(0, 0, 0, 255));
    CHECK(mixColor(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255), 1.0f) == IM_COL32(255, 255, 255, 255));
    CHECK(mixColor(IM_COL32(0, 100, 200, 255), IM_COL32(100, 200, 0, 255), 0.5f) == IM_COL32(50, 150, 100, 255));
    CHECK(withAlpha(IM_COL32(10, 20, 30, 255), 0.0f) == IM_COL32(10, 20, 30, 0));
    CHECK(withAlpha(IM_COL32(10, 20, 30, 0), 1.0f) == IM_COL32(10, 20, 30, 255));
}

TEST_CASE("every preset is readable in light and dark", "[theme]")
{
    REQUIRE(themePresets().size() == 6);
    for (const std::string& preset : themePresets()) {
        for (bool dark : { false, true }) {
            INFO(preset << (dark ? " dark" : " light"));
            Theme t = Theme::make(preset, "", dark);
            CHECK(t.preset == preset);
            CHECK(t.dark == dark);
            CHECK(std::fabs(luminance(t.c.text) - luminance(t.c.bg)) > 0.6f);
            CHECK(contrast(t.c.text, t.c.surface) > 7.0f);
            CHECK(contrast(t.c.textMuted, t.c.surface) > 3.0f);
            CHECK(contrast(t.c.onBrand, t.c.brand) > 2.4f);
            CHECK(contrast(t.c.brand, t.c.bg) > 1.5f);
            CHECK(t.c.brandHover != t.c.brand);
            CHECK(t.c.brandSoft != t.c.surface);
            CHECK((t.c.scrim >> IM_COL32_A_SHIFT) > 0);
            CHECK(dark == (luminance(t.c.bg) < 0.1f));
            CHECK(t.radius >= t.radiusSmall);
            CHECK(t.controlHeight >= 36.0f);
        }
    }
}

TEST_CASE("brand override, unknown preset and tones", "[theme]")
{
    Theme t = Theme::make("calm", "#FF0000", false);
    CHECK(t.c.brand == IM_COL32(255, 0, 0, 255));
    CHECK(t.tone("brand") == t.c.brand);
    CHECK(t.tone("danger") == t.c.danger);
    CHECK(t.toneSoft("success") == t.c.successSoft);
    CHECK(t.tone("no-such-tone") == t.c.brand);

    Theme navyOnDark = Theme::make("calm", "#0A0A30", true);
    CHECK(contrast(navyOnDark.c.brand, navyOnDark.c.bg) >= 2.9f);

    Theme fallback = Theme::make("nonexistent", "", false);
    CHECK(fallback.preset == "calm");
    CHECK(fallback.c.brand == IM_COL32(0x4F, 0x7C, 0xFF, 0xFF));

    Theme bad = Theme::make("vivid", "not-a-color", false);
    CHECK(bad.c.brand == Theme::make("vivid", "", false).c.brand);
}

TEST_CASE("Theme::apply maps the palette onto ImGuiStyle", "[theme]")
{
    Theme t = Theme::make("playful", "", false);
    ImGuiStyle style;
    t.apply(style);
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_WindowBg]) == t.c.bg);
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_Button]) == t.c.brand);
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_Text]) == t.c.text);
    CHECK(style.Colors[ImGuiCol_ChildBg].w == 0.0f);
    CHECK(style.FrameRounding == t.radiusSmall);
    CHECK(style.WindowRounding == t.radius);
    CHECK(style.WindowBorderSize == 0.0f);
    CHECK(style.FrameBorderSize == 0.0f);
}

TEST_CASE("text style names round-trip", "[theme]")
{
    for (int i = 0; i < (int)TextStyle::Count; i++) {
        TextStyle s = TextStyle::Body;
        REQUIRE(textStyleFromName(textStyleName((TextStyle)i), &s));
        CHECK((int)s == i);
    }
    TextStyle s;
    CHECK(textStyleFromName("title", &s));
    CHECK(s == TextStyle::H1);
    CHECK(textStyleFromName("subtitle", &s));
    CHECK(s == TextStyle::H3);
    CHECK(textStyleFromName("label", &s));
    CHECK(s == TextStyle::Strong);
    CHECK_FALSE(textStyleFromName("huge", &s));
}

//-----------------------------------------------------------------------------
// Icons and fonts
//-----------------------------------------------------------------------------

TEST_CASE("icon names resolve to Font Awesome glyphs", "[theme][icons]")
{
    CHECK(iconGlyph("home") == "\xef\x80\x95");
    CHECK(iconGlyph("fa-home") == "\xef\x80\x95");
    CHECK(iconGlyph("settings") == iconGlyph("cog"));
    CHECK(iconGlyph("gear") == iconGlyph("cog"));  // shares a CSS block with .fa-cog
    CHECK(!iconGlyph("cog").empty());
    CHECK(iconGlyph("arrow_back") == iconGlyph("arrow-left"));
    CHECK(iconGlyph("heart.fill") == iconGlyph("heart"));
    CHECK(iconGlyph("info") == iconGlyph("info-circle"));
    CHECK(iconGlyph("fa-info") != iconGlyph("info-circle"));
    for (const char* alias : { "settings", "add", "delete", "person", "people", "notifications", "chart", "calendar",
                               "today", "chat", "mail", "back", "close", "edit", "cart", "payment", "location", "time",
                               "logout", "menu", "more", "share", "image", "streak", "sparkles", "task", "grid",
                               "dashboard", "wallet", "help", "warning", "error", "success", "send", "video", "food",
                               "eye-off", "sun", "moon", "water", "fitness", "medal", "team", "company", "work",
                               "document", "expand", "collapse" }) {
        INFO(alias);
        CHECK(!iconGlyph(alias).empty());
    }
    CHECK(iconGlyph("no-such-icon-anywhere").empty());
    CHECK(iconGlyph("").empty());

    std::vector<std::string> names = iconNames();
    CHECK(names.size() > 700);
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::binary_search(names.begin(), names.end(), "settings"));
    CHECK(std::binary_search(names.begin(), names.end(), "home"));
}

TEST_CASE("FontSet loads the type scale into an atlas", "[theme][fonts]")
{
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    FontSet fonts;
    CHECK_FALSE(fonts.load(nullptr));
    REQUIRE(fonts.load(io.Fonts));
    unsigned char* tex = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&tex, &w, &h);
    REQUIRE(tex != nullptr);
    for (int i = 0; i < (int)TextStyle::Count; i++) {
        INFO(textStyleName((TextStyle)i));
        ImFont* f = fonts.get((TextStyle)i);
        REQUIRE(f != nullptr);
        CHECK(f->IsLoaded());
        CHECK(f->FindGlyphNoFallback('A') != nullptr);
    }
    CHECK(fonts.get(TextStyle::Display)->FontSize > fonts.get(TextStyle::Body)->FontSize);
    CHECK(fonts.get(TextStyle::Body)->FontSize > fonts.get(TextStyle::Small)->FontSize);
    CHECK(io.Fonts->Fonts[0] == fonts.get(TextStyle::Body));  // the default font
    if (fonts.hasIcons())
        CHECK(fonts.get(TextStyle::Caption)->FindGlyphNoFallback(0xF015) != nullptr);
    else
        CHECK_FALSE(fonts.missing().empty());
    ImGui::DestroyContext(ctx);
}

//-----------------------------------------------------------------------------
// Rasterizer
//-----------------------------------------------------------------------------

TEST_CASE("rasterize draws filled rects, text and clear color", "[raster]")
{
    HeadlessImGui gui;
    const ImU32 red = IM_COL32(220, 30, 40, 255), clear = IM_COL32(10, 20, 30, 255);
    gui.drawScene(red, true);
    Image img = rasterize(ImGui::GetDrawData(), gui.tex, gui.texWidth, gui.texHeight, clear);
    REQUIRE(img.width == 320);
    REQUIRE(img.height == 240);
    REQUIRE(img.rgba.size() == 320u * 240u * 4u);

    CHECK(pixel(img, 21, 21) == red);
    CHECK(pixel(img, 70, 50) == red);
    CHECK(pixel(img, 119, 79) == red);
    CHECK(pixel(img, 120, 50) == clear);  // max edge is exclusive
    CHECK(pixel(img, 19, 50) == clear);
    CHECK(pixel(img, 300, 10) == clear);
    CHECK(inkRatio(img) > 0.07);  // the rect alone is 6000 / 76800 pixels

    Image text = crop(img, 140, 95, 180, 30);
    CHECK(text.width == 180);
    CHECK(inkRatio(text) > 0.02);
}

TEST_CASE("rasterize blends translucent fills without seams and honors DisplayPos", "[raster]")
{
    HeadlessImGui gui;
    const ImU32 clear = IM_COL32(255, 255, 255, 255);
    gui.drawScene(IM_COL32(0, 0, 255, 128), false);
    ImDrawData data = *ImGui::GetDrawData();
    Image img = rasterize(&data, gui.tex, gui.texWidth, gui.texHeight, clear);
    // Two triangles share the rect's diagonal; every pixel must be blended exactly once.
    ImU32 expected = pixel(img, 22, 78);
    CHECK(expected != clear);
    for (int y = 20; y < 80; y++)
        for (int x = 20; x < 120; x++)
            if (pixel(img, x, y) != expected) { FAIL("pixel " << x << "," << y << " differs"); }
    CHECK((expected & 0xFF) < 140);  // red channel: half white, half blue

    data.DisplayPos = ImVec2(10, 5);
    Image shifted = rasterize(&data, gui.tex, gui.texWidth, gui.texHeight, clear);
    CHECK(pixel(shifted, 10, 15) == expected);
    CHECK(pixel(shifted, 9, 15) == clear);
    CHECK(pixel(shifted, 109, 74) == expected);
    CHECK(pixel(shifted, 110, 74) == clear);

    CHECK(rasterize(nullptr, gui.tex, gui.texWidth, gui.texHeight, clear).width == 0);
}

TEST_CASE("writePng, inkRatio and crop", "[raster]")
{
    HeadlessImGui gui;
    gui.drawScene(IM_COL32(0, 128, 0, 255), true);
    Image img = rasterize(ImGui::GetDrawData(), gui.tex, gui.texWidth, gui.texHeight, IM_COL32(255, 255, 255, 255));

    std::string path = tempPath("shot.png");
    std::string error = "stale";
    REQUIRE(writePng(path, img, &error));
    CHECK(error.empty());
    FILE* f = std::fopen(path.c_str(), "rb");
    REQUIRE(f != nullptr);
    unsigned char sig[8] = {};
    CHECK(std::fread(sig, 1, 8, f) == 8);
    std::fclose(f);
    const unsigned char pngSignature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    CHECK(std::memcmp(sig, pngSignature, 8) == 0);
    std::remove(path.c_str());

    error.clear();
    CHECK_FALSE(writePng("/nonexistent-dir-for-pt-tests/shot.png", img, &error));
    CHECK(error.find("/nonexistent-dir-for-pt-tests") != std::string::npos);
    CHECK_FALSE(writePng(tempPath("empty.png"), Image{}, &error));
    CHECK_FALSE(error.empty());

    Image blank;
    blank.width = 4;
    blank.height = 3;
    blank.rgba.assign(4 * 3 * 4, 7);
    CHECK(inkRatio(blank) == 0.0);
    blank.rgba[4 * 5] = 8;
    CHECK(inkRatio(blank) == Approx(1.0 / 12.0));
    CHECK(inkRatio(Image{}) == 0.0);

    Image c = crop(img, 300, 230, 100, 100);
    CHECK(c.width == 20);
    CHECK(c.height == 10);
    CHECK(crop(img, -50, -50, 10, 10).width == 0);
    Image inner = crop(img, 20, 20, 10, 10);
    REQUIRE(inner.width == 10);
    CHECK(pixel(inner, 0, 0) == IM_COL32(0, 128, 0, 255));
}
