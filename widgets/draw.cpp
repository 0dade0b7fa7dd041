// Promptotype — shared drawing primitives for widgets (see draw.h).
//
// [SECTION] Colors
// [SECTION] Shapes
// [SECTION] Items
// [SECTION] Icons and text
// [SECTION] Buttons

#include "widgets/draw.h"
#include "runtime/engine/ui.h"
#include <algorithm>
#include <cmath>

namespace pt::draw {

//-----------------------------------------------------------------------------
// [SECTION] Colors
//-----------------------------------------------------------------------------

ImU32 fade(ImU32 c) { return ImGui::GetColorU32(c); }

ImU32 soft(const Theme& t, ImU32 c) { return mixColor(t.c.surface, withAlpha(c, 1.0f), t.dark ? 0.2f : 0.13f); }

//-----------------------------------------------------------------------------
// [SECTION] Shapes
//-----------------------------------------------------------------------------

void shadow(ImDrawList* dl, const ImRect& r, float rounding, float elevation)
{
    if (elevation <= 0) return;
    // Three stacked, growing, faint layers approximate a blurred shadow ("0 2px 8px rgba(16,24,40,.06)")
    // at a fraction of the vertices of a real blur.
    const int layers = 3;
    float alpha = ImGui::GetStyle().Alpha * (0.022f + 0.005f * elevation);
    for (int i = 0; i < layers; ++i) {
        float grow = elevation * (0.4f + i * 1.6f);
        ImVec2 offset(0, elevation * (1.0f + i * 0.7f));
        dl->AddRectFilled(r.Min - ImVec2(grow, grow) + offset, r.Max + ImVec2(grow, grow) + offset,
                          IM_COL32(16, 24, 40, (int)(alpha * 255)), rounding + grow);
    }
}

void surface(ImDrawList* dl, const ImRect& r, const Theme& t, float rounding, float elevation, ImU32 fill)
{
    shadow(dl, r, rounding, t.dark ? elevation * 0.5f : elevation);
    dl->AddRectFilled(r.Min, r.Max, fade(fill ? fill : t.c.surface), rounding);
    dl->AddRect(r.Min, r.Max, fade(t.c.border), rounding, 0, 1.0f);
}

void roundRect(ImDrawList* dl, const ImRect& r, ImU32 col, float tl, float tr, float br, float bl)
{
    float maxR = std::max(0.0f, std::min(r.GetWidth(), r.GetHeight()) * 0.5f);
    tl = std::clamp(tl, 0.0f, maxR); tr = std::clamp(tr, 0.0f, maxR);
    br = std::clamp(br, 0.0f, maxR); bl = std::clamp(bl, 0.0f, maxR);
    // Arcs in 12ths of a turn, clockwise from +x (screen y points down).
    dl->PathClear();
    dl->PathArcToFast(ImVec2(r.Min.x + tl, r.Min.y + tl), tl, 6, 9);
    dl->PathArcToFast(ImVec2(r.Max.x - tr, r.Min.y + tr), tr, 9, 12);
    dl->PathArcToFast(ImVec2(r.Max.x - br, r.Max.y - br), br, 0, 3);
    dl->PathArcToFast(ImVec2(r.Min.x + bl, r.Max.y - bl), bl, 3, 6);
    dl->PathFillConvex(fade(col));
}

void spinner(ImDrawList* dl, ImVec2 center, float radius, ImU32 col, double time)
{
    float thickness = std::max(1.5f, radius * 0.26f);
    dl->AddCircle(center, radius, fade(withAlpha(col, 0.25f)), 24, thickness);
    float a0 = (float)std::fmod(time * 5.0, 2.0 * IM_PI);
    dl->PathArcTo(center, radius, a0, a0 + IM_PI * 0.6f, 16);
    dl->PathStroke(fade(col), 0, thickness);
}

void checkMark(ImDrawList* dl, ImVec2 center, float size, ImU32 col)
{
    ImVec2 o = center - ImVec2(size * 0.5f, size * 0.5f);
    dl->PathLineTo(o + ImVec2(size * 0.18f, size * 0.52f));
    dl->PathLineTo(o + ImVec2(size * 0.41f, size * 0.74f));
    dl->PathLineTo(o + ImVec2(size * 0.83f, size * 0.28f));
    dl->PathStroke(fade(col), 0, std::max(1.5f, size * 0.14f));
}

void toggle(ImDrawList* dl, const ImRect& track, bool on, bool hovered, const Theme& t)
{
    float h = track.GetHeight();
    ImU32 off = mixColor(t.c.surfaceAlt, t.c.textFaint, t.dark ? 0.35f : 0.45f);
    ImU32 fill = on ? (hovered ? t.c.brandHover : t.c.brand) : (hovered ? mixColor(off, t.c.text, 0.08f) : off);
    dl->AddRectFilled(track.Min, track.Max, fade(fill), h * 0.5f);
    float r = h * 0.5f - 2.5f;
    ImVec2 c(on ? track.Max.x - h * 0.5f : track.Min.x + h * 0.5f, track.GetCenter().y);
    dl->AddCircleFilled(c + ImVec2(0, 1.0f), r + 0.5f, fade(IM_COL32(16, 24, 40, 40)), 24);
    dl->AddCircleFilled(c, r, fade(IM_COL32(255, 255, 255, 255)), 24);
}

//-----------------------------------------------------------------------------
// [SECTION] Items
//-----------------------------------------------------------------------------

Press pressAt(const char* id, const ImRect& r)
{
    Press p;
    ImGuiID gid = ImGui::GetCurrentWindow()->GetID(id);
    if (!ImGui::ItemAdd(r, gid)) return p;  // clipped: nothing to hover or click this frame
    p.pressed = ImGui::ButtonBehavior(r, gid, &p.hovered, &p.held);
    return p;
}

Press pressable(const char* id, ImVec2 size)
{
    size = ImMax(size, ImVec2(1, 1));
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::ItemSize(size);
    return pressAt(id, ImRect(pos, pos + size));
}

//-----------------------------------------------------------------------------
// [SECTION] Icons and text
//-----------------------------------------------------------------------------

void text(Ui& ui, ImVec2 pos, std::string_view s, TextStyle style, ImU32 col, float wrapWidth)
{
    ui.textAt(ImFloor(pos), s, style, fade(col), wrapWidth);
}

ImFont* fontForSize(Ui& ui, float px)
{
    // Medium-to-bold faces only: glyphs drawn at odd sizes (icons, initials) read better heavier.
    static const TextStyle kBySize[] = { TextStyle::Small, TextStyle::Strong, TextStyle::H3, TextStyle::H2, TextStyle::H1, TextStyle::Display };
    for (TextStyle s : kBySize)
        if (ui.font(s)->FontSize >= px - 0.5f) return ui.font(s);
    return ui.font(TextStyle::Display);
}

void iconAt(Ui& ui, ImVec2 center, float px, std::string_view icon, ImU32 col)
{
    const std::string* glyph = &ui.icon(icon);
    if (glyph->empty()) glyph = &ui.icon("circle-o");  // unknown names still show a neutral mark
    if (glyph->empty() || px <= 0) return;
    ImFont* font = fontForSize(ui, px);
    unsigned cp = 0;
    ImTextCharFromUtf8(&cp, glyph->data(), glyph->data() + glyph->size());
    float scale = px / font->FontSize;
    ImVec2 pos = center - ImVec2(px * 0.5f, px * 0.5f);
    if (const ImFontGlyph* g = font->FindGlyph((ImWchar)cp))  // center the ink, not the advance box
        pos = center - ImVec2((g->X0 + g->X1) * 0.5f * scale, (g->Y0 + g->Y1) * 0.5f * scale);
    ImGui::GetWindowDrawList()->AddText(font, px, ImFloor(pos + ImVec2(0.5f, 0.5f)), fade(col), glyph->data(), glyph->data() + glyph->size());
}

namespace {
constexpr float kIconGap = 8.0f;  // between an icon and its label

// Kept free on both sides of a label too wide for its control, which is then cut to fit between.
float cutInset(const ImRect& r) { return std::min(12.0f, r.GetHeight() * 0.3f); }
}

ImVec2 iconLabelSize(Ui& ui, std::string_view icon, std::string_view label, TextStyle style)
{
    float fs = ui.font(style)->FontSize;
    ImVec2 text = label.empty() ? ImVec2(0, fs) : ui.measure(label, style);
    float iconW = icon.empty() ? 0.0f : fs + (label.empty() ? 0.0f : kIconGap);
    return ImVec2(std::round(iconW + text.x), std::max(fs, text.y));
}

void iconLabel(Ui& ui, const ImRect& r, std::string_view icon, std::string_view label, TextStyle style, ImU32 col)
{
    iconLabel(ui, r, icon, label, style, col, iconLabelSize(ui, icon, label, style));
}

void iconLabel(Ui& ui, const ImRect& r, std::string_view icon, std::string_view label, TextStyle style, ImU32 col, ImVec2 size)
{
    float fs = ui.font(style)->FontSize;
    // Too wide for r (a control narrowed by its row): keep an inset on both sides and cut the label.
    const float inset = cutInset(r);
    const bool cut = size.x > r.GetWidth() + 0.5f && !label.empty();
    float x = cut ? r.Min.x + inset : std::floor(r.GetCenter().x - size.x * 0.5f);
    float cy = r.GetCenter().y;
    if (!icon.empty()) {
        iconAt(ui, ImVec2(x + fs * 0.5f, cy), fs * 0.95f, icon, col);
        x += fs + kIconGap;
    }
    if (label.empty()) return;
    const ImVec2 pos = ImFloor(ImVec2(x, cy - fs * 0.5f));
    if (cut) ui.fitText(pos, label, style, fade(col), std::max(1.0f, r.Max.x - inset - pos.x));
    else text(ui, pos, label, style, col);
}

namespace {

// How textBlock lays `s` out in `width`: whole on one line, cut on one line, or wrapped at `wrap`.
struct BlockLayout { ImVec2 size; bool cut; float wrap; };

BlockLayout blockLayout(Ui& ui, std::string_view s, TextStyle style, float width)
{
    const ImVec2 line = ui.measure(s, style);
    if (line.x <= width) return { line, false, 0.0f };
    if (width < ui.textWidths(s, style).min) return { ImVec2(width, line.y), true, 0.0f };
    // ImGui counts the blank before a line break in the line's width: wrapping one blank short keeps the glyphs and
    // the recorded run inside `width`.
    const float wrap = std::max(1.0f, width - ui.measure(" ", style).x);
    return { ui.measure(s, style, wrap), false, wrap };
}

} // namespace

ImVec2 textBlock(Ui& ui, ImVec2 pos, std::string_view s, TextStyle style, ImU32 col, float width)
{
    const BlockLayout b = blockLayout(ui, s, style, width);
    if (b.cut) return ui.fitText(ImFloor(pos), s, style, fade(col), std::max(1.0f, width));
    text(ui, pos, s, style, col, b.wrap);
    return b.size;
}

ImVec2 textBlockSize(Ui& ui, std::string_view s, TextStyle style, float width) { return blockLayout(ui, s, style, width).size; }

//-----------------------------------------------------------------------------
// [SECTION] Buttons
//-----------------------------------------------------------------------------

Variant variantFromName(std::string_view name)
{
    static const std::pair<const char*, Variant> kNames[] = {
        { "primary", Variant::Primary }, { "secondary", Variant::Secondary }, { "tonal", Variant::Secondary },
        { "outline", Variant::Outline }, { "outlined", Variant::Outline }, { "ghost", Variant::Ghost },
        { "text", Variant::Ghost }, { "danger", Variant::Danger }, { "destructive", Variant::Danger },
        { "link", Variant::Link },
    };
    for (auto& [n, v] : kNames)
        if (name == n) return v;
    return Variant::Primary;
}

namespace {

TextStyle buttonTextStyle(float height) { return height >= 50 ? TextStyle::H3 : TextStyle::Strong; }

float buttonPadX(const ButtonSpec& b, float height) { return b.variant == Variant::Link ? 2.0f : std::round(height * 0.42f); }

struct ButtonColors { ImU32 fill, text, border; };

ButtonColors buttonColors(const Theme& t, Variant v, const Press& p)
{
    const Palette& c = t.c;
    const ImU32 none = IM_COL32(0, 0, 0, 0);
    float hover = p.held ? 0.16f : p.hovered ? 0.08f : 0.0f;
    switch (v) {
    case Variant::Primary: return { p.held ? c.brandActive : p.hovered ? c.brandHover : c.brand, c.onBrand, none };
    case Variant::Secondary: return { mixColor(c.brandSoft, c.brand, hover), c.brand, none };
    case Variant::Outline: return { hover > 0 ? mixColor(c.surface, c.text, hover * 0.5f) : c.surface, c.text, c.border };
    case Variant::Ghost: return { hover > 0 ? withAlpha(c.brand, hover) : none, c.brand, none };
    case Variant::Danger: return { mixColor(c.danger, IM_COL32(0, 0, 0, 255), hover), IM_COL32(255, 255, 255, 255), none };
    case Variant::Link: return { none, p.held ? c.brandActive : c.brand, none };
    }
    return { c.brand, c.onBrand, none };
}

// What the icon (the spinner while busy) and the label take: only whether there is an icon matters.
ImVec2 buttonContent(Ui& ui, const ButtonSpec& b, float height)
{
    return iconLabelSize(ui, b.busy ? std::string_view("spinner") : b.icon, b.label, buttonTextStyle(height));
}

float fittedWidth(const ButtonSpec& b, float height, float content)
{
    return std::max(std::round(content + 2 * buttonPadX(b, height)), b.variant == Variant::Link ? content : height);
}

} // namespace

float buttonWidth(Ui& ui, const ButtonSpec& b)
{
    float h = b.height > 0 ? b.height : ui.theme().controlHeight;
    return fittedWidth(b, h, buttonContent(ui, b, h).x);
}

Press button(Ui& ui, const char* id, const ButtonSpec& b)
{
    const Theme& t = ui.theme();
    float h = b.height > 0 ? b.height : t.controlHeight;
    const ImVec2 content = buttonContent(ui, b, h);  // measured once: sizes the button and centers its label
    float w = b.width > 0 ? b.width : std::min(fittedWidth(b, h, content.x), std::max(h, ui.availWidth()));  // a narrowed cell cuts the label
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImRect r(pos, pos + ImVec2(w, h));
    Press p = pressable(id, r.GetSize());
    if (b.busy) p.pressed = p.hovered = p.held = false;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ButtonColors col = buttonColors(t, b.variant, p);
    float rounding = t.radiusSmall;
    if (b.variant == Variant::Primary || b.variant == Variant::Danger) shadow(dl, r, rounding, p.held ? 0.3f : 0.7f);
    if ((col.fill >> IM_COL32_A_SHIFT) != 0) dl->AddRectFilled(r.Min, r.Max, fade(col.fill), rounding);
    if ((col.border >> IM_COL32_A_SHIFT) != 0) dl->AddRect(r.Min, r.Max, fade(col.border), rounding, 0, 1.0f);

    TextStyle style = buttonTextStyle(h);
    ImU32 ink = b.busy ? withAlpha(col.text, 0.85f) : col.text;
    float fs = ui.font(style)->FontSize;
    if (b.busy) {
        // The spinner takes the icon's place so the label does not jump when busy toggles; a label too wide for the
        // button is cut as iconLabel cuts it.
        const bool cut = content.x > r.GetWidth() + 0.5f;
        float x = cut ? r.Min.x + cutInset(r) : std::floor(r.GetCenter().x - content.x * 0.5f);
        spinner(dl, ImVec2(x + fs * 0.5f, r.GetCenter().y), fs * 0.42f, ink, ui.elapsed());
        const ImVec2 labelPos = ImFloor(ImVec2(x + fs + kIconGap, r.GetCenter().y - fs * 0.5f));
        const float labelEnd = cut ? r.Max.x - cutInset(r) : r.Max.x;
        if (!b.label.empty()) ui.fitText(labelPos, b.label, style, fade(ink), std::max(1.0f, labelEnd - labelPos.x));
    } else {
        iconLabel(ui, r, b.icon, b.label, style, ink, content);
    }
    if (b.variant == Variant::Link && p.hovered && !b.label.empty()) {
        float x1 = std::floor(r.GetCenter().x + content.x * 0.5f);
        float y = std::floor(r.GetCenter().y + fs * 0.5f);
        dl->AddLine(ImVec2(x1 - ui.measure(b.label, style).x, y), ImVec2(x1, y), fade(col.text), 1.0f);
    }
    return p;
}

//-----------------------------------------------------------------------------
// [SECTION] Layout and text helpers
//-----------------------------------------------------------------------------

void reserve(ImVec2 origin, ImVec2 size)
{
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImMax(size, ImVec2(0, 0)));
}

} // namespace pt::draw
