// Tests for the theme's look keys (background, surface, header, accent, text, status tones, font, density, corners): each changes what
// is drawn, text stays readable, bad values are errors at their pointer, and a spec without them draws as before.

#include "runtime/engine/theme.h"
#include "runtime/headless/headless.h"
#include "runtime/spec/spec_loader.h"
#include "test_specs.h"

#include <catch2/catch.hpp>

#include <string>

using namespace pt;
using pt::test::compile;

namespace {

// A tabbed app: a card, an accent badge, a line of body text and a primary button under an app bar.
std::string appWithTheme(const std::string& theme) {
    return R"({"theme": )" + theme + R"(, "nav": {"kind": "tabs"},
      "screens": {
        "home": {"title": "Home", "body": [
          {"card": [{"text": "Inside the card"}], "id": "card"},
          {"badge": "Highlighted", "tone": "accent", "id": "pill"},
          {"text": "Body text sample for width", "id": "sample"},
          {"button": "Save", "variant": "primary", "id": "save", "press": {"toast": "Saved"}}]},
        "more": {"title": "More", "body": [{"text": "More"}]}}})";
}

ImU32 pixel(const Image& img, ImVec2 at) {
    const unsigned char* p = &img.rgba[((size_t)at.y * img.width + (size_t)at.x) * 4];
    return IM_COL32(p[0], p[1], p[2], 255);
}

ImU32 opaque(ImU32 c) { return withAlpha(c, 1.0f); }

// The box the last frame laid out for the node with this id.
ImRect boxOf(const Prototype& proto, const std::string& id) {
    for (const LayoutBox& b : proto.layout())
        if (b.key == id) return b.rect;
    FAIL("no layout box for " << id);
    return ImRect();
}

// The width of the drawn text run that says `text`.
float runWidth(const Prototype& proto, const std::string& text) {
    for (const TextRun& r : proto.textRuns())
        if (r.text == text) return r.rect.GetWidth();
    FAIL("no text run " << text);
    return 0;
}

// Drives `spec` for a few frames and renders it.
struct Shot {
    HeadlessDriver driver;
    Image image;
    explicit Shot(const std::string& theme) : driver(compile(appWithTheme(theme))) {
        driver.settle();
        image = driver.capture();
    }
    const Theme& theme() { return driver.proto().theme(); }
};

// The first diagnostic at `pointer`, or null.
const Diagnostic* diagnosticAt(const LoadResult& r, const std::string& pointer) {
    for (const Diagnostic& d : r.diagnostics)
        if (d.pointer == pointer) return &d;
    return nullptr;
}

} // namespace

TEST_CASE("CSS colour keywords are colours wherever a spec takes one", "[theme][options]") {
    ImU32 c = 0;
    REQUIRE(parseColor("midnightblue", &c));
    CHECK(c == IM_COL32(0x19, 0x19, 0x70, 0xFF));
    REQUIRE(parseColor("OliveDrab", &c));
    CHECK(c == IM_COL32(0x6B, 0x8E, 0x23, 0xFF));
    REQUIRE(parseColor("teal", &c));
    CHECK(c == IM_COL32(0x14, 0xB8, 0xA6, 0xFF));  // the spec's own modern shade still wins over CSS's #008080
    CHECK(isDarkColor(IM_COL32(0x19, 0x19, 0x70, 0xFF)));
    CHECK_FALSE(isDarkColor(IM_COL32(0xF5, 0xF5, 0xF5, 0xFF)));
}

TEST_CASE("a spec without the look keys draws as before, and the keys' defaults are that look", "[theme][options]") {
    Theme t = Theme::make("calm", "", false);
    CHECK(t.font == FontFace::Sans);
    CHECK(t.radius == 14);
    CHECK(t.radiusSmall == 10);
    CHECK(t.gap == 12);
    CHECK(t.pad == 16);
    CHECK(t.controlHeight == 44);
    CHECK(t.c.bg == IM_COL32(0xF6, 0xF7, 0xFB, 0xFF));
    CHECK(t.c.header == t.c.surface);
    CHECK(t.c.onHeader == t.c.text);
    CHECK(t.c.headerActive == t.c.brand);
    CHECK(t.c.headerActiveBg == t.c.brandSoft);

    Shot plain("{}");
    Shot defaults(R"({"font": "sans", "density": "comfortable", "corners": "soft"})");
    CHECK(plain.image.rgba == defaults.image.rgba);
    CHECK(pixel(plain.image, ImVec2(4, 4)) == opaque(plain.theme().c.surface));  // the app bar
}

TEST_CASE("theme.background fills the screen and the text follows its darkness", "[theme][options]") {
    for (const char* background : {"midnightblue", "#FFF8E7"}) {
        INFO(background);
        Shot shot(std::string(R"({"background": ")") + background + "\"}");
        ImU32 want;
        REQUIRE(parseColor(background, &want));
        const Palette& c = shot.theme().c;
        CHECK(c.bg == want);
        CHECK(shot.driver.proto().spec().dark == isDarkColor(want));
        CHECK(contrastRatio(c.text, c.bg) >= 4.5f);
        CHECK(contrastRatio(c.textMuted, c.bg) >= 4.5f);
        CHECK(contrastRatio(c.text, c.surface) >= 4.5f);
        const ImRect sample = boxOf(shot.driver.proto(), "sample");
        CHECK(pixel(shot.image, ImVec2(3, sample.GetCenter().y)) == want);  // the screen's left padding
    }
}

TEST_CASE("the presenter's mode switch sets a background of the other darkness aside", "[theme][options]") {
    Prototype proto(compile(appWithTheme(R"({"background": "midnightblue"})")));
    CHECK(proto.spec().dark);
    CHECK(proto.theme().c.bg == IM_COL32(0x19, 0x19, 0x70, 0xFF));
    proto.setTheme(false);
    CHECK(proto.theme().c.bg == Theme::make("calm", "", false).c.bg);
    proto.setTheme(true);
    CHECK(proto.theme().c.bg == IM_COL32(0x19, 0x19, 0x70, 0xFF));
}

TEST_CASE("theme.surface fills cards, and a surface's darkness sets the mode when nothing else does", "[theme][options]") {
    Shot light(R"({"background": "#E5E7EB", "surface": "white"})");
    const ImRect card = boxOf(light.driver.proto(), "card");
    CHECK(pixel(light.image, ImVec2(card.Max.x - 12, card.GetCenter().y)) == IM_COL32(255, 255, 255, 255));

    Shot charcoal(R"({"surface": "#1E1E1E"})");
    CHECK(charcoal.driver.proto().spec().dark);
    const ImRect darkCard = boxOf(charcoal.driver.proto(), "card");
    CHECK(pixel(charcoal.image, ImVec2(darkCard.Max.x - 12, darkCard.GetCenter().y)) == IM_COL32(0x1E, 0x1E, 0x1E, 255));
    CHECK(contrastRatio(charcoal.theme().c.text, charcoal.theme().c.surface) >= 4.5f);
}

TEST_CASE("theme.header fills the app bar and the tab bar, with readable text on it", "[theme][options]") {
    Shot shot(R"({"header": "olivedrab"})");
    const ImU32 olive = IM_COL32(0x6B, 0x8E, 0x23, 0xFF);
    const Palette& c = shot.theme().c;
    CHECK(c.header == olive);
    CHECK(contrastRatio(c.onHeader, olive) >= 4.5f);
    CHECK(pixel(shot.image, ImVec2(4, 4)) == olive);                                           // app bar
    CHECK(pixel(shot.image, ImVec2(4, (float)shot.image.height - 4)) == olive);                // tab bar
    CHECK(pixel(shot.image, ImVec2(4, 80)) == opaque(c.bg));                                   // the body keeps its own
    CHECK(shot.theme().onHeader().c.text == c.onHeader);  // bar actions are drawn in the header's colours

    Shot sidebar(R"({"header": "#1F2937"})");
    CHECK(sidebar.theme().c.onHeader == IM_COL32(255, 255, 255, 255));
}

TEST_CASE("theme.accent is the tone named accent: without it the accent comes from the brand", "[theme][options]") {
    Shot chartreuse(R"({"accent": "chartreuse"})");
    Shot crimson(R"({"accent": "crimson"})");
    CHECK(chartreuse.theme().tone("accent") == chartreuse.theme().c.accent);
    CHECK(chartreuse.theme().toneSoft("accent") == chartreuse.theme().c.accentSoft);
    const ImRect pill = boxOf(chartreuse.driver.proto(), "pill");
    const ImVec2 fill(pill.GetCenter().x, pill.Min.y + 2);  // above the label, inside the pill
    const ImU32 green = pixel(chartreuse.image, fill), red = pixel(crimson.image, fill);
    CHECK(green != red);
    CHECK(((green >> IM_COL32_G_SHIFT) & 0xFF) > ((green >> IM_COL32_R_SHIFT) & 0xFF));
    CHECK(((red >> IM_COL32_R_SHIFT) & 0xFF) > ((red >> IM_COL32_G_SHIFT) & 0xFF));

    Theme derived = Theme::make("calm", "", false);
    CHECK(derived.c.accent != derived.c.brand);
    CHECK(derived.c.accent != derived.c.info);
    CHECK(Theme::make("mono", "", false).c.accent == Theme::make("mono", "", false).c.info);  // a grey brand has no hue to turn
}

TEST_CASE("theme.text colours the body text, muted text follows it, and a colour that would not read is darkened", "[theme][options]") {
    Shot navy(R"({"background": "white", "text": "navy"})");
    const Palette& c = navy.theme().c;
    CHECK(c.text == IM_COL32(0x00, 0x00, 0x80, 0xFF));
    CHECK(c.textMuted != c.text);
    CHECK(contrastRatio(c.textMuted, c.bg) >= 4.5f);
    // The sample line is drawn in navy: its darkest pixel is blue, not the preset's grey ink.
    const ImRect sample = boxOf(navy.driver.proto(), "sample");
    ImU32 darkest = IM_COL32(255, 255, 255, 255);
    for (int x = (int)sample.Min.x; x < (int)sample.Max.x; ++x)
        for (int y = (int)sample.Min.y; y < (int)sample.Max.y; ++y) {
            const ImU32 p = pixel(navy.image, ImVec2((float)x, (float)y));
            if (relativeLuminance(p) < relativeLuminance(darkest)) darkest = p;
        }
    CHECK(((darkest >> IM_COL32_B_SHIFT) & 0xFF) > ((darkest >> IM_COL32_R_SHIFT) & 0xFF) + 60);

    // Pale yellow text on a light theme would vanish: it is darkened until it reads.
    Shot pale(R"({"text": "lightyellow"})");
    CHECK(contrastRatio(pale.theme().c.text, pale.theme().c.bg) >= 7.0f);
    Shot plain("{}");
    CHECK(plain.theme().c.text == Theme::make("calm", "", false).c.text);
}

TEST_CASE("theme.success, warning, danger and info colour their tones, kept readable on cards", "[theme][options]") {
    Shot asked(R"({"success": "purple", "danger": "#0000FF", "warning": "amber", "info": "teal"})");
    const Palette& c = asked.theme().c;
    auto channel = [](ImU32 colour, int shift) { return (int)((colour >> shift) & 0xFF); };
    CHECK(channel(c.success, IM_COL32_R_SHIFT) > channel(c.success, IM_COL32_G_SHIFT) + 60);  // purple
    CHECK(channel(c.success, IM_COL32_B_SHIFT) > channel(c.success, IM_COL32_G_SHIFT) + 60);
    CHECK(c.danger == IM_COL32(0x00, 0x00, 0xFF, 0xFF));
    CHECK(asked.theme().tone("success") == c.success);
    CHECK(c.successSoft != Theme::make("calm", "", false).c.successSoft);
    // Amber on a white card would not read as badge text: it is darkened to 3:1, keeping its hue.
    CHECK(contrastRatio(c.warning, c.surface) >= 3.0f);
    CHECK(((c.warning >> IM_COL32_R_SHIFT) & 0xFF) > ((c.warning >> IM_COL32_B_SHIFT) & 0xFF) + 60);
    Shot plain("{}");
    const Palette& preset = plain.theme().c;
    CHECK(preset.success == Theme::make("calm", "", false).c.success);
    CHECK(preset.info == Theme::make("calm", "", false).c.info);
    LoadResult bad = SpecLoader::loadJson(Json::parse(appWithTheme(R"({"danger": "not-a-colour"})")));
    CHECK(bad.format("spec").find("/theme/danger") != std::string::npos);
}

TEST_CASE("theme.font draws every text style in the family asked for, and a hot reload switches it", "[theme][options]") {
    Shot sans("{}");
    Shot serif(R"({"font": "serif"})");
    Shot mono(R"({"font": "mono"})");
    const FontSet& fonts = *serif.driver.proto().fonts();
    REQUIRE(fonts.hasFace(FontFace::Serif));
    REQUIRE(fonts.hasFace(FontFace::Mono));
    CHECK(fonts.get(TextStyle::Body, FontFace::Serif) != fonts.get(TextStyle::Body, FontFace::Sans));
    CHECK(std::string(fonts.get(TextStyle::H1, FontFace::Serif)->GetDebugName()).find("DejaVu Serif") == 0);
    CHECK(std::string(fonts.get(TextStyle::Body, FontFace::Mono)->GetDebugName()).find("DejaVu Sans Mono") == 0);

    const std::string text = "Body text sample for width";
    const float sansWidth = runWidth(sans.driver.proto(), text), serifWidth = runWidth(serif.driver.proto(), text);
    const float monoWidth = runWidth(mono.driver.proto(), text);
    CHECK(serifWidth != sansWidth);
    CHECK(monoWidth > sansWidth);  // every glyph takes a full cell
    CHECK(serif.image.rgba != sans.image.rgba);

    sans.driver.proto().replaceSpec(compile(appWithTheme(R"({"font": "serif"})")));
    sans.driver.settle();
    CHECK(runWidth(sans.driver.proto(), text) == serifWidth);
}

TEST_CASE("theme.density scales gaps, padding and control height: compact stays touch-sized", "[theme][options]") {
    Shot comfortable("{}");
    Shot compact(R"({"density": "compact"})");
    Shot spacious(R"({"density": "spacious"})");
    const float normal = boxOf(comfortable.driver.proto(), "save").GetHeight();
    const float small = boxOf(compact.driver.proto(), "save").GetHeight();
    const float large = boxOf(spacious.driver.proto(), "save").GetHeight();
    CHECK(small < normal);
    CHECK(small >= 32);
    CHECK(large > normal);
    CHECK(compact.theme().gap < comfortable.theme().gap);
    CHECK(compact.theme().pad < comfortable.theme().pad);
    for (const std::string& preset : themePresets()) {
        ThemeOptions options;
        options.density = "compact";
        CHECK(Theme::make(preset, "", false, options).controlHeight >= 32);
    }
}

TEST_CASE("theme.corners squares or rounds cards and controls", "[theme][options]") {
    Shot soft(R"({"background": "#E5E7EB", "surface": "white"})");
    Shot square(R"({"background": "#E5E7EB", "surface": "white", "corners": "square"})");
    Shot round(R"({"corners": "round"})");
    const ImRect card = boxOf(square.driver.proto(), "card");
    const ImVec2 corner = card.Min + ImVec2(1, 1);
    CHECK(pixel(square.image, corner) == IM_COL32(255, 255, 255, 255));
    CHECK(pixel(soft.image, boxOf(soft.driver.proto(), "card").Min + ImVec2(1, 1)) != IM_COL32(255, 255, 255, 255));
    CHECK(square.theme().radius == 0);
    CHECK(square.theme().radiusSmall == 0);
    CHECK(round.theme().radiusSmall == round.theme().controlHeight * 0.5f);  // pill buttons and chips
    CHECK(round.theme().radius > soft.theme().radius);
}

TEST_CASE("bad theme values are errors at their pointer that say what is expected", "[theme][options]") {
    LoadResult r = SpecLoader::loadText(appWithTheme(
        R"({"background": "blurple", "surface": 12, "header": "", "accent": "#12", "font": "serf", "density": "compakt", "corners": "rounded", "colour": "red"})"));
    for (const char* key : {"background", "surface", "header", "accent"}) {
        const Diagnostic* d = diagnosticAt(r, std::string("/theme/") + key);
        REQUIRE(d);
        CHECK(d->level == Diagnostic::Level::Error);
        CHECK(d->message == std::string(key) + " must be a color like \"#4F7CFF\" or a CSS name");
    }
    const Diagnostic* font = diagnosticAt(r, "/theme/font");
    REQUIRE(font);
    CHECK(font->level == Diagnostic::Level::Error);
    CHECK(font->message.find("font must be sans, serif or mono") == 0);
    CHECK(font->message.find("did you mean 'serif'?") != std::string::npos);
    const Diagnostic* density = diagnosticAt(r, "/theme/density");
    REQUIRE(density);
    CHECK(density->message.find("did you mean 'compact'?") != std::string::npos);
    const Diagnostic* corners = diagnosticAt(r, "/theme/corners");
    REQUIRE(corners);
    CHECK(corners->message.find("did you mean 'round'?") != std::string::npos);
    const Diagnostic* unknown = diagnosticAt(r, "/theme/colour");
    REQUIRE(unknown);
    CHECK(unknown->level == Diagnostic::Level::Warning);

    LoadResult conflict = SpecLoader::loadText(appWithTheme(R"({"mode": "light", "background": "midnightblue"})"));
    REQUIRE(conflict.spec);
    CHECK_FALSE(conflict.hasErrors());
    const Diagnostic* mode = diagnosticAt(conflict, "/theme/mode");
    REQUIRE(mode);
    CHECK(mode->level == Diagnostic::Level::Warning);
    CHECK(conflict.spec->dark);
}
