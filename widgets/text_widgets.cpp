// Promptotype — text and display widgets: text, heading, markdown, icon, badge, avatar, image,
// divider, spacer, skeleton, empty, bubble, placeholder.
//
// [SECTION] Helpers (aligned wrapped text, tones)
// [SECTION] Markdown-lite (blocks, inline spans, flow layout)
// [SECTION] Draw functions
// [SECTION] Measures (width ranges for the layout contract)
// [SECTION] Registration

#include "runtime/engine/ui.h"
#include "runtime/spec/catalog.h"
#include "widgets/draw.h"
#include <algorithm>
#include <cmath>
#include <cstring>

namespace pt {

namespace {

using P = PropType;

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// Draws `s` wrapped at `width`, each line aligned (0 start, 1 center, 2 end) inside it. Returns
// the height used. ImGui's own wrapping only left-aligns, and centered headings are common.
float wrappedText(Ui& ui, ImVec2 pos, float width, std::string_view s, TextStyle style, ImU32 col, int align)
{
    ImFont* font = ui.font(style);
    float fs = font->FontSize;
    const char* p = s.data();
    const char* end = s.data() + s.size();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = pos.y, widest = 0;
    int lines = 0;
    while (p <= end && lines < 2000) {
        const char* nl = (const char*)std::memchr(p, '\n', end - p);
        const char* paraEnd = nl ? nl : end;
        do {  // one paragraph; an empty one still takes a line
            const char* eol = width > 0 ? font->CalcWordWrapPositionA(1.0f, p, paraEnd, width) : paraEnd;
            if (eol == p && p < paraEnd) {  // a single character wider than the line: take it anyway
                unsigned c;
                eol = p + std::max(1, ImTextCharFromUtf8(&c, p, paraEnd));
            }
            const char* trimmed = eol;
            while (trimmed > p && (trimmed[-1] == ' ' || trimmed[-1] == '\t')) trimmed--;
            float w = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, p, trimmed).x;
            float x = pos.x + (align == 1 ? (width - w) * 0.5f : align == 2 ? width - w : 0.0f);
            widest = std::max(widest, x + w - pos.x);
            if (trimmed > p) dl->AddText(font, fs, ImFloor(ImVec2(x, y)), draw::fade(col), p, trimmed);
            y += fs;
            lines++;
            p = eol;
            while (p < paraEnd && (*p == ' ' || *p == '\t')) p++;
        } while (p < paraEnd && lines < 2000);
        if (!nl) break;
        p = nl + 1;
    }
    ui.noteText(s, ImRect(pos, ImVec2(pos.x + widest, y)));
    return y - pos.y;
}

// Alignment of a text block: the node's `align` (start/center/end), start by default.
int textAlign(const Node& n) { return std::max(0, n.layout.align); }

TextStyle styleProp(Ui& ui, const Node& n, std::string_view name, TextStyle fallback)
{
    TextStyle s = fallback;
    textStyleFromName(ui.str(n, name), &s);
    return s;
}

// Reserves the block just drawn by hand, so the parent's cursor moves past it.
void reserve(float width, float height) { ImGui::Dummy(ImVec2(std::max(1.0f, width), std::max(0.0f, height))); }

// The first character of each of the first and last words, upper-cased: "Maya Lopez" -> "ML".
std::string initials(std::string_view name)
{
    std::vector<std::string> words;
    size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && name[i] == ' ') i++;
        if (i >= name.size()) break;
        unsigned c;
        int len = std::max(1, ImTextCharFromUtf8(&c, name.data() + i, name.data() + name.size()));
        std::string first(name.substr(i, len));
        if (len == 1) first[0] = (char)std::toupper((unsigned char)first[0]);
        words.push_back(first);
        while (i < name.size() && name[i] != ' ') i++;
    }
    if (words.empty()) return "";
    return words.size() == 1 ? words[0] : words.front() + words.back();
}

// Stable pleasant color per name, so the same person always gets the same avatar.
ImU32 hashColor(std::string_view s)
{
    static const ImU32 kHues[] = { IM_COL32(99, 102, 241, 255), IM_COL32(20, 184, 166, 255), IM_COL32(249, 115, 22, 255),
                                   IM_COL32(236, 72, 153, 255), IM_COL32(139, 92, 246, 255), IM_COL32(14, 165, 233, 255),
                                   IM_COL32(16, 185, 129, 255), IM_COL32(245, 158, 11, 255), IM_COL32(244, 63, 94, 255) };
    unsigned h = 2166136261u;
    for (char c : s) h = (h ^ (unsigned char)c) * 16777619u;
    return kHues[h % (sizeof(kHues) / sizeof(kHues[0]))];
}

// Dashed outline with solid rounded corners (placeholders for unknown widgets).
void dashedRect(ImDrawList* dl, const ImRect& r, ImU32 col, float rounding)
{
    const float dash = 6, gapLen = 4;
    auto line = [&](ImVec2 a, ImVec2 b) {
        float len = std::sqrt(ImLengthSqr(b - a));
        if (len <= 0) return;
        ImVec2 dir = (b - a) / len;
        for (float t = 0; t < len; t += dash + gapLen)
            dl->AddLine(a + dir * t, a + dir * std::min(len, t + dash), col, 1.0f);
    };
    line(ImVec2(r.Min.x + rounding, r.Min.y), ImVec2(r.Max.x - rounding, r.Min.y));
    line(ImVec2(r.Min.x + rounding, r.Max.y), ImVec2(r.Max.x - rounding, r.Max.y));
    line(ImVec2(r.Min.x, r.Min.y + rounding), ImVec2(r.Min.x, r.Max.y - rounding));
    line(ImVec2(r.Max.x, r.Min.y + rounding), ImVec2(r.Max.x, r.Max.y - rounding));
    dl->PathArcToFast(ImVec2(r.Min.x + rounding, r.Min.y + rounding), rounding, 6, 9); dl->PathStroke(col, 0, 1.0f);
    dl->PathArcToFast(ImVec2(r.Max.x - rounding, r.Min.y + rounding), rounding, 9, 12); dl->PathStroke(col, 0, 1.0f);
    dl->PathArcToFast(ImVec2(r.Max.x - rounding, r.Max.y - rounding), rounding, 0, 3); dl->PathStroke(col, 0, 1.0f);
    dl->PathArcToFast(ImVec2(r.Min.x + rounding, r.Max.y - rounding), rounding, 3, 6); dl->PathStroke(col, 0, 1.0f);
}

//-----------------------------------------------------------------------------
// [SECTION] Markdown-lite
//-----------------------------------------------------------------------------

enum class SpanKind { Plain, Bold, Italic, Code, Link };
struct Span { std::string text; SpanKind kind; };

enum class BlockKind { Paragraph, Heading, Bullet, Numbered, Rule };
struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;          // heading level 1..3
    std::string marker;     // "3." for numbered items
    std::string text;       // raw inline text
};

// Inline markup: **bold**, *italic* / _italic_, `code`, [label](target). Unclosed markers stay literal.
std::vector<Span> parseInline(std::string_view s)
{
    std::vector<Span> out;
    std::string plain;
    auto flush = [&] { if (!plain.empty()) out.push_back({plain, SpanKind::Plain}); plain.clear(); };
    size_t i = 0;
    while (i < s.size()) {
        auto closeAt = [&](std::string_view marker, size_t from) { return s.find(marker, from); };
        if (s.compare(i, 2, "**") == 0) {
            size_t e = closeAt("**", i + 2);
            if (e != std::string_view::npos && e > i + 2) { flush(); out.push_back({std::string(s.substr(i + 2, e - i - 2)), SpanKind::Bold}); i = e + 2; continue; }
        } else if ((s[i] == '*' || s[i] == '_') && i + 1 < s.size() && s[i + 1] != ' ') {
            size_t e = closeAt(std::string_view(&s[i], 1), i + 1);
            if (e != std::string_view::npos && e > i + 1) { flush(); out.push_back({std::string(s.substr(i + 1, e - i - 1)), SpanKind::Italic}); i = e + 1; continue; }
        } else if (s[i] == '`') {
            size_t e = closeAt("`", i + 1);
            if (e != std::string_view::npos && e > i + 1) { flush(); out.push_back({std::string(s.substr(i + 1, e - i - 1)), SpanKind::Code}); i = e + 1; continue; }
        } else if (s[i] == '[') {
            size_t mid = closeAt("](", i + 1);
            size_t e = mid == std::string_view::npos ? mid : closeAt(")", mid + 2);
            if (e != std::string_view::npos && mid > i + 1) { flush(); out.push_back({std::string(s.substr(i + 1, mid - i - 1)), SpanKind::Link}); i = e + 1; continue; }
        }
        plain += s[i++];
    }
    flush();
    return out;
}

std::vector<Block> parseBlocks(std::string_view src)
{
    std::vector<Block> blocks;
    bool joinable = false;  // the last block is a paragraph that the next plain line continues
    size_t pos = 0;
    while (pos <= src.size() && blocks.size() < 500) {
        size_t nl = src.find('\n', pos);
        std::string_view line = src.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? src.size() + 1 : nl + 1;
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
        if (line.empty()) { joinable = false; continue; }

        Block b;
        size_t hashes = 0;
        while (hashes < line.size() && line[hashes] == '#') hashes++;
        size_t digits = 0;
        while (digits < line.size() && std::isdigit((unsigned char)line[digits])) digits++;
        if (hashes >= 1 && hashes <= 3 && line.size() > hashes && line[hashes] == ' ') {
            b.kind = BlockKind::Heading; b.level = (int)hashes; b.text = line.substr(hashes + 1);
        } else if (line == "---" || line == "***") {
            b.kind = BlockKind::Rule;
        } else if (line.size() > 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
            b.kind = BlockKind::Bullet; b.text = line.substr(2);
        } else if (digits > 0 && digits < 4 && line.size() > digits + 1 && line[digits] == '.' && line[digits + 1] == ' ') {
            b.kind = BlockKind::Numbered; b.marker = std::string(line.substr(0, digits + 1)); b.text = line.substr(digits + 2);
        } else if (joinable) {
            blocks.back().text += " ";
            blocks.back().text += line;
            continue;
        } else {
            b.text = line;
        }
        joinable = b.kind == BlockKind::Paragraph;
        blocks.push_back(std::move(b));
    }
    return blocks;
}

// Lays out spans word by word from `origin` inside `width`, wrapping lines. Returns the height.
float flowSpans(Ui& ui, ImVec2 origin, float width, const std::vector<Span>& spans, TextStyle base, ImU32 col)
{
    const Theme& t = ui.theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    bool heading = base != TextStyle::Body;
    float lineH = std::round(ui.font(base)->FontSize * (heading ? 1.15f : 1.4f));
    float spaceW = ui.measure(" ", base).x;
    float x = 0, y = 0;
    std::string plainText;
    for (const Span& span : spans) {
        TextStyle st = (span.kind == SpanKind::Bold && !heading) ? TextStyle::Strong : base;
        ImFont* font = ui.font(st);
        float fs = font->FontSize;
        ImU32 c = span.kind == SpanKind::Link ? t.c.brand : col;
        plainText += span.text;
        // Code and links move as one piece; other spans wrap between words.
        std::vector<std::string_view> words;
        std::string_view rest = span.text;
        bool atomic = span.kind == SpanKind::Code || span.kind == SpanKind::Link;
        bool leadingSpace = !rest.empty() && rest.front() == ' ';
        bool trailingSpace = !rest.empty() && rest.back() == ' ';
        while (!rest.empty()) {
            size_t b = rest.find_first_not_of(' ');
            if (b == std::string_view::npos) break;
            rest.remove_prefix(b);
            size_t e = atomic ? rest.size() : rest.find(' ');
            words.push_back(rest.substr(0, e));
            rest.remove_prefix(e == std::string_view::npos ? rest.size() : e);
        }
        if (leadingSpace && x > 0) x += spaceW;
        for (size_t w = 0; w < words.size(); ++w) {
            float ww = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, words[w].data(), words[w].data() + words[w].size()).x;
            float padX = span.kind == SpanKind::Code ? 5.0f : 0.0f;
            if (x > 0 && x + ww + padX * 2 > width) { x = 0; y += lineH; }
            ImVec2 p = ImFloor(origin + ImVec2(x + padX, y + (lineH - fs) * 0.5f));
            if (span.kind == SpanKind::Code)
                dl->AddRectFilled(p - ImVec2(padX, 1), p + ImVec2(ww + padX, fs + 1), draw::fade(t.c.surfaceAlt), 4.0f);
            int v0 = dl->VtxBuffer.Size;
            dl->AddText(font, fs, p, draw::fade(c), words[w].data(), words[w].data() + words[w].size());
            if (span.kind == SpanKind::Italic)  // no italic face is loaded: shear the glyph quads instead
                for (int v = v0; v < dl->VtxBuffer.Size; ++v)
                    dl->VtxBuffer[v].pos.x += (p.y + fs - dl->VtxBuffer[v].pos.y) * 0.18f;
            if (span.kind == SpanKind::Link)
                dl->AddLine(ImVec2(p.x, p.y + fs), ImVec2(p.x + ww, p.y + fs), draw::fade(withAlpha(c, 0.5f)), 1.0f);
            x += ww + padX * 2 + (w + 1 < words.size() ? spaceW : 0.0f);
        }
        if (trailingSpace) x += spaceW;
    }
    ui.noteText(plainText);
    return y + lineH;
}

float markdownBlocks(Ui& ui, ImVec2 origin, float width, const std::vector<Block>& blocks)
{
    const Theme& t = ui.theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    static const TextStyle kHeading[] = { TextStyle::H1, TextStyle::H2, TextStyle::H3 };
    const float indent = 20;
    float y = 0;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        if (i > 0) {  // headings get air above them; items of one list stay close together
            bool listContinues = (b.kind == BlockKind::Bullet || b.kind == BlockKind::Numbered) && blocks[i - 1].kind == b.kind;
            y += b.kind == BlockKind::Heading ? 12.0f : listContinues ? 2.0f : 8.0f;
        }
        ImVec2 p = origin + ImVec2(0, y);
        switch (b.kind) {
        case BlockKind::Heading:
            y += flowSpans(ui, p, width, parseInline(b.text), kHeading[std::clamp(b.level, 1, 3) - 1], t.c.text);
            break;
        case BlockKind::Rule:
            dl->AddLine(p + ImVec2(0, 6), p + ImVec2(width, 6), draw::fade(t.c.border), 1.0f);
            y += 12;
            break;
        case BlockKind::Bullet: {
            float lineH = std::round(ui.font(TextStyle::Body)->FontSize * 1.4f);
            dl->AddCircleFilled(p + ImVec2(7, lineH * 0.5f), 2.5f, draw::fade(t.c.textMuted), 12);
            y += flowSpans(ui, p + ImVec2(indent, 0), width - indent, parseInline(b.text), TextStyle::Body, t.c.text);
            break;
        }
        case BlockKind::Numbered: {
            float lineH = std::round(ui.font(TextStyle::Body)->FontSize * 1.4f);
            ImFont* f = ui.font(TextStyle::Body);
            dl->AddText(f, f->FontSize, ImFloor(p + ImVec2(0, (lineH - f->FontSize) * 0.5f)), draw::fade(t.c.textMuted), b.marker.c_str());
            y += flowSpans(ui, p + ImVec2(indent, 0), width - indent, parseInline(b.text), TextStyle::Body, t.c.text);
            break;
        }
        case BlockKind::Paragraph:
            y += flowSpans(ui, p, width, parseInline(b.text), TextStyle::Body, t.c.text);
            break;
        }
    }
    return y;
}

//-----------------------------------------------------------------------------
// [SECTION] Draw functions
//-----------------------------------------------------------------------------

void drawText(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const std::string& s = ui.str(n, "text");
    TextStyle style = styleProp(ui, n, "style", TextStyle::Body);
    ImU32 col = ui.flag(n, "muted") ? t.c.textMuted : ui.color(ui.prop(n, "color"), t.c.text);
    int align = textAlign(n);
    const bool wrap = ui.flag(n, "wrap");
    const float room = ui.itemWidth(n);
    if (s.find('\n') == std::string::npos && (!wrap || room < ui.minTextWidth(style)) && ui.measure(s, style).x > room) {
        // A line with no room that must not wrap, or would wrap narrower than about 8 characters (a narrow `w`), is
        // cut, never drawn past its cell or squeezed into a column of letters.
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        reserve(room, ui.fitText(pos, s, style, draw::fade(col), room).y);
    } else if (align == 0 && n.layout.width == 0 && n.layout.widthPct == 0) {
        ui.text(s, style, col, wrap ? -1.0f : 0.0f);
    } else {
        ImVec2 pos = ImGui::GetCursorScreenPos();
        reserve(room, wrappedText(ui, pos, wrap ? room : 0.0f, s, style, col, align));
    }
    ui.probe(n, s, false);
}

void drawHeading(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    static const TextStyle kLevels[] = { TextStyle::H1, TextStyle::H2, TextStyle::H3 };
    int level = ui.integer(n, "level", 1, 3);
    std::string title = ui.str(n, "text");
    std::string subtitle = ui.str(n, "subtitle");
    float width = ui.itemWidth(n);
    int align = textAlign(n);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float h = wrappedText(ui, pos, width, title, kLevels[level - 1], t.c.text, align);
    if (!subtitle.empty())
        h += 4 + wrappedText(ui, pos + ImVec2(0, h + 4), width, subtitle, level == 3 ? TextStyle::Caption : TextStyle::Body, t.c.textMuted, align);
    reserve(width, h + 4);  // a little extra air separates the heading from what it introduces
    ui.probe(n, title, false);
}

void drawMarkdown(Ui& ui, const Node& n)
{
    float width = ui.itemWidth(n);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    reserve(width, markdownBlocks(ui, pos, width, parseBlocks(ui.str(n, "text"))));
    ui.probe(n, "", false);
}

// A square widget's side: its `size` prop within [lo, 400] px, never wider than the width offered.
float squareSize(Ui& ui, const Node& n, float lo) { return std::min(std::clamp((float)ui.num(n, "size"), lo, 400.0f), std::max(lo, ui.availWidth())); }

void drawIcon(Ui& ui, const Node& n)
{
    float size = squareSize(ui, n, 4.0f);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    reserve(size, size);
    draw::iconAt(ui, pos + ImVec2(size, size) * 0.5f, size, ui.str(n, "name"), ui.color(ui.prop(n, "color"), ui.theme().c.text));
}

void drawBadge(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    std::string text = ui.str(n, "text");
    std::string icon = ui.str(n, "icon");
    ImU32 fg = ui.color(ui.prop(n, "tone"), t.c.brand);
    ImVec2 content = draw::iconLabelSize(ui, icon, text, TextStyle::Caption);
    ImVec2 size(std::min(content.x + 20, std::max(24.0f, ui.availWidth())), 24);  // a narrowed cell cuts the label
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImRect r(pos, pos + size);
    reserve(size.x, size.y);
    ImGui::GetWindowDrawList()->AddRectFilled(r.Min, r.Max, draw::fade(draw::soft(t, fg)), size.y * 0.5f);
    draw::iconLabel(ui, r, icon, text, TextStyle::Caption, fg);
    ui.probe(n, text, false);
}

void drawAvatar(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    std::string name = ui.str(n, "name");
    float size = squareSize(ui, n, 16.0f);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    reserve(size, size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 c = pos + ImVec2(size, size) * 0.5f;
    float r = size * 0.5f;
    // A given color paints a solid avatar; otherwise a soft tint picked from the name.
    bool solid = ui.given(n, "color");
    ImU32 hue = solid ? ui.color(ui.prop(n, "color"), t.c.brand) : hashColor(name);
    ImU32 fill = solid ? hue : mixColor(t.c.surface, hue, t.dark ? 0.3f : 0.18f);
    ImU32 ink = solid ? IM_COL32(255, 255, 255, 255) : (t.dark ? mixColor(hue, IM_COL32(255, 255, 255, 255), 0.35f) : mixColor(hue, IM_COL32(0, 0, 0, 255), 0.15f));
    dl->AddCircleFilled(c, r, draw::fade(fill), 48);
    std::string ini = initials(name);
    if (ini.empty()) {
        draw::iconAt(ui, c, size * 0.45f, "user", ink);
    } else {
        float px = std::round(size * 0.4f);
        ImFont* f = draw::fontForSize(ui, px);
        ImVec2 ts = f->CalcTextSizeA(px, FLT_MAX, 0.0f, ini.c_str());
        dl->AddText(f, px, ImFloor(c - ts * 0.5f + ImVec2(0.5f, 0.5f)), draw::fade(ink), ini.c_str());
    }
    std::string status = ui.str(n, "status");
    ImU32 dot = status == "online" ? t.c.success : status == "away" ? t.c.warning : status == "busy" ? t.c.danger : 0;
    if (dot) {
        float dr = std::max(4.0f, size * 0.13f);
        ImVec2 dc = c + ImVec2(r * 0.72f, r * 0.72f);
        dl->AddCircleFilled(dc, dr + 2, draw::fade(t.c.surface), 20);
        dl->AddCircleFilled(dc, dr, draw::fade(dot), 20);
    }
    ui.probe(n, name, false);
}

void drawImage(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    float width = ui.itemWidth(n);
    float ratio = (float)ui.num(n, "ratio");
    float height = n.layout.height > 0 ? n.layout.height : ratio > 0.05f ? width / ratio : 160.0f;
    height = std::clamp(height, 24.0f, 4000.0f);
    std::string label = ui.str(n, "label");
    ImU32 tone = ui.color(ui.prop(n, "tone"), t.c.brand);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImRect r(pos, pos + ImVec2(width, height));
    reserve(width, height);

    // Tinted diagonal gradient: reads as "a photo goes here" without pretending to be one.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    int v0 = dl->VtxBuffer.Size;
    dl->AddRectFilled(r.Min, r.Max, IM_COL32_WHITE, t.radius);
    ImGui::ShadeVertsLinearColorGradientKeepAlpha(dl, v0, dl->VtxBuffer.Size, r.Min, r.Max,
        draw::fade(mixColor(t.c.surface, tone, t.dark ? 0.22f : 0.12f)), draw::fade(mixColor(t.c.surface, tone, t.dark ? 0.42f : 0.32f)));
    float iconBox = std::clamp(height * 0.32f, 20.0f, 64.0f);
    bool withLabel = !label.empty() && height >= iconBox + 44;
    ImVec2 c = r.GetCenter() - ImVec2(0, withLabel ? 12.0f : 0.0f);
    dl->AddCircleFilled(c, iconBox * 0.5f, draw::fade(withAlpha(t.c.surface, 0.55f)), 40);
    draw::iconAt(ui, c, iconBox * 0.42f, ui.str(n, "icon"), mixColor(tone, t.c.text, 0.25f));
    if (withLabel) {  // centered, cut to the image's width less a margin on each side
        const float room = std::max(1.0f, width - 24.0f);
        const float tw = std::min(ui.measure(label, TextStyle::Caption).x, room);
        ui.fitText(ImFloor(ImVec2(r.GetCenter().x - tw * 0.5f, c.y + iconBox * 0.5f + 8)), label, TextStyle::Caption,
                   draw::fade(mixColor(tone, t.c.text, 0.45f)), room);
    }
    ui.probe(n, label, false);
}

void drawDivider(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    std::string label = ui.str(n, "label");
    float width = ui.itemWidth(n);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 line = draw::fade(t.c.border);
    if (label.empty()) {
        reserve(width, 1);
        dl->AddLine(pos, pos + ImVec2(width, 0), line, 1.0f);
        return;
    }
    ImVec2 ts = ui.measure(label, TextStyle::Caption);
    if (width < ui.firstCharsWidth(label, TextStyle::Caption)) {  // too narrow for its label: the line, the label on hover
        reserve(width, ts.y);
        const float y = std::floor(pos.y + ts.y * 0.5f) + 0.5f;
        dl->AddLine(ImVec2(pos.x, y), ImVec2(pos.x + width, y), line, 1.0f);
        if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(pos, pos + ImVec2(width, ts.y))) ui.tooltip(label);
        return;
    }
    if (ts.x > width - 64) {  // no room for the lines: just the label, wrapped and centered
        reserve(width, wrappedText(ui, pos, width, label, TextStyle::Caption, t.c.textMuted, 1));
        ui.probe(n, label, false);
        return;
    }
    reserve(width, ts.y);
    float y = std::floor(pos.y + ts.y * 0.5f) + 0.5f;
    float x0 = std::floor(pos.x + (width - ts.x) * 0.5f);
    dl->AddLine(ImVec2(pos.x, y), ImVec2(x0 - 12, y), line, 1.0f);
    dl->AddLine(ImVec2(x0 + ts.x + 12, y), ImVec2(pos.x + width, y), line, 1.0f);
    draw::text(ui, ImVec2(x0, pos.y), label, TextStyle::Caption, t.c.textMuted);
    ui.probe(n, label, false);
}

void drawSpacer(Ui& ui, const Node& n)
{
    float size = std::clamp((float)ui.num(n, "size"), 0.0f, 4000.0f);
    bool sized = n.layout.grow > 0 || n.layout.width != 0 || n.layout.widthPct > 0;
    ImGui::Dummy(ImVec2(sized ? ui.itemWidth(n) : std::min(size, ui.availWidth()), size));
}

void drawSkeleton(Ui& ui, const Node& n)
{
    ui.skeleton(ui.integer(n, "lines", 1, 20), ui.flag(n, "avatar"), ui.itemWidth(n));
}

void drawEmpty(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    float width = ui.itemWidth(n);
    std::string title = ui.str(n, "title");
    std::string text = ui.str(n, "text");
    std::string action = ui.str(n, "action");
    ImGui::BeginGroup();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float circle = 72;
    float y = 16;
    ImVec2 c(std::floor(pos.x + width * 0.5f), pos.y + y + circle * 0.5f);
    dl->AddCircleFilled(c, circle * 0.5f, draw::fade(t.c.brandSoft), 48);
    std::string icon = ui.str(n, "icon");
    draw::iconAt(ui, c, 28, icon.empty() ? "inbox" : icon, t.c.brand);
    y += circle + 16;
    float textW = std::min(width, 320.0f);
    float textX = pos.x + (width - textW) * 0.5f;
    if (!title.empty()) y += wrappedText(ui, ImVec2(textX, pos.y + y), textW, title, TextStyle::H3, t.c.text, 1) + 6;
    if (!text.empty()) y += wrappedText(ui, ImVec2(textX, pos.y + y), textW, text, TextStyle::Body, t.c.textMuted, 1);
    reserve(width, y + 4);
    ui.probe(n, title, false);
    if (!action.empty()) {
        draw::ButtonSpec b;
        b.label = action;
        float bw = draw::buttonWidth(ui, b);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::floor(std::max(0.0f, width - bw) * 0.5f));
        bool pressed = draw::button(ui, "##action", b).pressed;
        ui.probe(n, action, true);
        if (pressed) ui.fire(n, "press");
    }
    reserve(width, 8);
    ImGui::EndGroup();
}

void drawBubble(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    bool me = ui.str(n, "from") == "me";
    std::string text = ui.str(n, "text");
    std::string time = ui.str(n, "time");
    std::string name = ui.str(n, "name");
    bool typing = ui.flag(n, "typing");
    if (text.empty() && !typing) return;  // nothing to say: no empty balloon
    float avail = ui.itemWidth(n);
    const ImVec2 pad(14, 9);
    float maxW = std::min(avail, std::max(60.0f, std::floor(avail * 0.75f)));
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = pos.y;
    auto sideX = [&](float w) { return me ? pos.x + avail - w : pos.x; };
    // The name above and the time under the balloon stay on one line within the bubble's width.
    const float captionW = std::max(1.0f, avail - 8);
    if (!name.empty() && !me) {
        ui.fitText(ImVec2(pos.x + 4, y), name, TextStyle::Caption, draw::fade(t.c.textMuted), captionW);
        y += ui.font(TextStyle::Caption)->FontSize + 4;
    }
    const float textW = std::max(1.0f, maxW - pad.x * 2);
    ImVec2 content = typing ? ImVec2(34, ui.font(TextStyle::Body)->FontSize) : draw::textBlockSize(ui, text, TextStyle::Body, textW);
    ImVec2 size(std::min(avail, std::max(40.0f, std::ceil(content.x) + pad.x * 2)), std::ceil(content.y) + pad.y * 2);
    ImRect r(ImVec2(sideX(size.x), y), ImVec2(sideX(size.x) + size.x, y + size.y));
    const float big = 18, tail = 5;
    draw::roundRect(dl, r, me ? t.c.brand : t.c.surfaceAlt, big, big, me ? tail : big, me ? big : tail);
    ImU32 ink = me ? t.c.onBrand : t.c.text;
    if (typing) {
        // Three dots rising in turn.
        double time0 = ui.elapsed();
        for (int i = 0; i < 3; ++i) {
            double cycle = time0 * 2.2 - i * 0.22;
            float phase = (float)(cycle - std::floor(cycle));
            float lift = phase < 0.5f ? std::sin(phase * 2.0f * IM_PI) : 0.0f;
            ImVec2 c(r.GetCenter().x + (i - 1) * 11.0f, r.GetCenter().y + 1 - lift * 3.0f);
            dl->AddCircleFilled(c, 3.5f, draw::fade(withAlpha(ink, 0.4f + 0.5f * lift)), 12);
        }
    } else {
        draw::textBlock(ui, r.Min + pad, text, TextStyle::Body, ink, textW);
    }
    y += size.y;
    if (!time.empty()) {
        y += 4;
        float tw = std::min(ui.measure(time, TextStyle::Small).x, captionW);
        ui.fitText(ImVec2(me ? r.Max.x - tw - 4 : r.Min.x + 4, y), time, TextStyle::Small, draw::fade(t.c.textFaint), captionW);
        y += ui.font(TextStyle::Small)->FontSize;
    }
    reserve(avail, y - pos.y);
    ui.probe(n, text, false);
}

void drawPlaceholder(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    std::string label = ui.str(n, "label");
    float width = ui.itemWidth(n);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImRect r(pos, pos + ImVec2(width, 64));
    reserve(width, r.GetHeight());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(r.Min, r.Max, draw::fade(withAlpha(t.c.surfaceAlt, 0.5f)), t.radiusSmall);
    dashedRect(dl, r, draw::fade(t.c.textFaint), t.radiusSmall);
    draw::iconLabel(ui, r, "puzzle-piece", label, TextStyle::Caption, t.c.textMuted);
    ui.probe(n, label, false);
}

//-----------------------------------------------------------------------------
// [SECTION] Measures (width ranges for the layout contract)
//-----------------------------------------------------------------------------

WidthRange measureText(Ui& ui, const Node& n) { return ui.textWidths(ui.str(n, "text"), styleProp(ui, n, "style", TextStyle::Body)); }

WidthRange measureHeading(Ui& ui, const Node& n)
{
    static const TextStyle kLevels[] = { TextStyle::H1, TextStyle::H2, TextStyle::H3 };
    const int level = ui.integer(n, "level", 1, 3);
    const WidthRange title = ui.textWidths(ui.str(n, "text"), kLevels[level - 1]);
    const WidthRange sub = ui.textWidths(ui.str(n, "subtitle"), level == 3 ? TextStyle::Caption : TextStyle::Body);
    return { std::max(title.min, sub.min), std::max(title.pref, sub.pref) };
}

// A square of the widget's `size` prop (icons, avatars).
WidthRange measureSquare(Ui& ui, const Node& n, float lo)
{
    const float size = std::clamp((float)ui.num(n, "size"), lo, 400.0f);
    return { size, size };
}

WidthRange measureIcon(Ui& ui, const Node& n) { return measureSquare(ui, n, 4.0f); }
WidthRange measureAvatar(Ui& ui, const Node& n) { return measureSquare(ui, n, 16.0f); }

// A pill keeps its whole label: a row wraps it rather than cut it.
WidthRange measureBadge(Ui& ui, const Node& n)
{
    const float pref = std::ceil(draw::iconLabelSize(ui, ui.str(n, "icon"), ui.str(n, "text"), TextStyle::Caption).x) + 20.0f;
    return { pref, pref };
}

WidthRange measureSpacer(Ui& ui, const Node& n)
{
    const float size = n.layout.grow > 0 ? 0.0f : std::clamp((float)ui.num(n, "size"), 0.0f, 4000.0f);
    return { size, size };
}

WidthRange measureDivider(Ui& ui, const Node& n) { return { ui.textWidths(ui.str(n, "label"), TextStyle::Caption).min, kFillWidth }; }

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Registration
//-----------------------------------------------------------------------------

static void registerTextWidgets(WidgetCatalog& c)
{
    const std::vector<std::string> styles = { "display", "h1", "h2", "h3", "body", "strong", "caption", "small" };
    const char* cat = "Text";

    c.add({"text", cat, "A line or paragraph (wraps; `align` centers or ends lines).", "text",
           {{"text", P::String, "", "the text", {}},
            {"style", P::Enum, "body", "type scale step", styles},
            {"color", P::Color, nullptr, "text color (default: the theme's)", {}},
            {"wrap", P::Bool, true, "wrap at the available width", {}},
            {"muted", P::Bool, false, "secondary (muted) color", {}}},
           {}, false, false, false, R"({"text": "Welcome back", "style": "h2"})", drawText, measureText});

    c.add({"heading", cat, "Title with an optional muted subtitle.", "text",
           {{"text", P::String, "", "the title", {}},
            {"level", P::Number, 2, "1 (largest), 2 or 3", {}},
            {"subtitle", P::String, "", "muted line under the title", {}}},
           {}, false, false, false, R"({"heading": "Your week", "subtitle": "3 of 5 workouts done"})", drawHeading, measureHeading});

    c.add({"markdown", cat, "Markdown-lite: # headings, **bold**, *italic*, `code`, [links](x), - bullets, 1. lists.", "text",
           {{"text", P::String, "", "markdown source (blank lines separate paragraphs)", {}}},
           {}, false, false, false, R"({"markdown": "## Tips\n- Drink **water**\n- Sleep *8 hours*"})", drawMarkdown, nullptr});

    c.add({"icon", cat, "An icon by name.", "name",
           {{"name", P::Icon, "circle", "icon name, e.g. \"heart\" or \"settings\"", {}},
            {"size", P::Number, 20, "size in px", {}},
            {"color", P::Color, nullptr, "icon color (default: the text's)", {}}},
           {}, false, false, false, R"({"icon": "bolt", "size": 32, "color": "brand"})", drawIcon, measureIcon});

    c.add({"badge", cat, "Tinted pill for statuses and counts.", "text",
           {{"text", P::String, "", "the label", {}},
            {"tone", P::Color, "brand", "pill color", {}},
            {"icon", P::Icon, "", "icon before the label", {}}},
           {}, false, false, false, R"({"badge": "Paid", "tone": "success", "icon": "check"})", drawBadge, measureBadge});

    c.add({"avatar", cat, "Round avatar with the name's initials.", "name",
           {{"name", P::String, "", "person's name; initials are drawn", {}},
            {"size", P::Number, 40, "diameter in px", {}},
            {"color", P::Color, nullptr, "solid background color (default: a soft tint derived from the name)", {}},
            {"status", P::Enum, "none", "presence dot", {"online", "away", "busy", "none"}}},
           {}, false, false, false, R"({"avatar": "Maya Lopez", "status": "online"})", drawAvatar, measureAvatar});

    c.add({"image", cat, "Image placeholder with icon and caption.", "label",
           {{"label", P::String, "", "caption inside the placeholder", {}},
            {"icon", P::Icon, "picture-o", "icon in the middle", {}},
            {"ratio", P::Number, 0, "width / height (e.g. 1.78 for 16:9); used when `h` is not set", {}},
            {"tone", P::Color, "brand", "tint color", {}}},
           {}, false, false, false, R"({"image": "Ocean view suite", "icon": "bed", "h": 180})", drawImage, nullptr});

    c.add({"divider", cat, "Hairline separator with an optional label.", "label",
           {{"label", P::String, "", "text in the middle (e.g. \"or\")", {}}},
           {}, false, false, false, R"({"divider": "or"})", drawDivider, measureDivider});

    c.add({"spacer", cat, "Empty space.", "size",
           {{"size", P::Number, 16, "height in px (width inside a row)", {}}},
           {}, false, false, false, R"({"spacer": 24})", drawSpacer, measureSpacer});

    c.add({"skeleton", cat, "Loading placeholder.", "lines",
           {{"lines", P::Number, 3, "number of text lines", {}},
            {"avatar", P::Bool, false, "round avatar on the left", {}}},
           {}, false, false, false, R"({"skeleton": 2, "avatar": true, "visible": "${pending('load')}"})", drawSkeleton, nullptr});

    c.add({"empty", cat, "Empty state with an optional action button.", "title",
           {{"title", P::String, "", "headline", {}},
            {"text", P::String, "", "explanation under it", {}},
            {"icon", P::Icon, "inbox", "icon in the circle", {}},
            {"action", P::String, "", "button label; the button fires press", {}}},
           {"press"}, false, false, false, R"({"empty": "No habits yet", "text": "Add one to start a streak", "action": "Add habit", "go": "newHabit"})", drawEmpty, nullptr});

    c.add({"bubble", cat, "Chat bubble (me: right; them: left).", "text",
           {{"text", P::String, "", "message text", {}},
            {"from", P::Enum, "them", "who sent it", {"me", "them"}},
            {"time", P::String, "", "small time caption under the bubble", {}},
            {"name", P::String, "", "sender name above the bubble (them only)", {}},
            {"typing", P::Bool, false, "show animated typing dots instead of text", {}}},
           {}, false, false, false, R"({"bubble": "${m.text}", "from": "${m.from}", "time": "${time(m.at)}", "repeat": {"in": "${chat}", "as": "m"}})", drawBubble, nullptr});

    c.add({"placeholder", cat, "A labelled dashed box standing in for an unknown widget.", "label",
           {{"label", P::String, "", "what should be here", {}}},
           {}, false, false, false, R"({"placeholder": "Map view"})", drawPlaceholder, nullptr});
}

static const WidgetCatalog::Registrar kRegistrar(10, registerTextWidgets);

} // namespace pt
