// Promptotype — the layout checker. See layout_check.h.
//
// [SECTION] Violations
// [SECTION] Invariants
// [SECTION] Every screen of a spec

#include "runtime/headless/layout_check.h"
#include "runtime/engine/theme.h"
#include "runtime/headless/headless.h"
#include "runtime/spec/catalog.h"
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Violations
//-----------------------------------------------------------------------------

std::string describe(const LayoutViolation& v) {
    return v.screen + " " + v.pointer + " (" + v.type + (v.key != v.pointer ? " '" + v.key + "'" : "") + "): " + v.invariant + ": " + v.detail;
}

Json toJson(const LayoutViolation& v) {
    return Json{{"screen", v.screen}, {"key", v.key}, {"pointer", v.pointer}, {"type", v.type}, {"invariant", v.invariant}, {"detail", v.detail}};
}

namespace {

std::string px(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string rectText(const ImRect& r) {
    return "[" + px(r.Min.x) + ", " + px(r.Min.y) + ", " + px(r.GetWidth()) + ", " + px(r.GetHeight()) + "]";
}

const WidgetDef* defOf(const LayoutBox& b) { return b.node ? b.node->def : nullptr; }

// Reaches something: a box whose node drew nothing has no area and can neither overlap nor leave the screen.
bool hasArea(const ImRect& r) { return r.GetWidth() > 0.0f && r.GetHeight() > 0.0f; }

//-----------------------------------------------------------------------------
// [SECTION] Invariants
//-----------------------------------------------------------------------------

// Collects violations of one frame, each located at a box.
struct Checker {
    const std::string& screen;
    const std::vector<LayoutBox>& boxes;
    std::vector<LayoutViolation> out;

    void add(int box, const char* invariant, std::string detail) {
        const LayoutBox& b = boxes[box];
        out.push_back({screen, b.key, b.node ? b.node->pointer : "", b.node ? b.node->type : "", invariant, std::move(detail)});
    }

    // Siblings side by side or one under the other share at most an edge (half a pixel of rounding allowed).
    void siblingsOverlap() {
        const float tolerance = 0.5f;
        for (size_t b = 0; b < boxes.size(); ++b) {
            const LayoutBox& later = boxes[b];
            if (!hasArea(later.rect) || (defOf(later) && defOf(later)->floating)) continue;
            if (later.parent >= 0 && defOf(boxes[later.parent]) && defOf(boxes[later.parent])->layered) continue;
            for (size_t a = 0; a < b; ++a) {
                const LayoutBox& earlier = boxes[a];
                if (earlier.parent != later.parent || !hasArea(earlier.rect) || (defOf(earlier) && defOf(earlier)->floating)) continue;
                ImRect both = earlier.rect;
                both.ClipWithFull(later.rect);
                if (both.GetWidth() <= tolerance || both.GetHeight() <= tolerance) continue;
                add((int)b, invariant::kOverlap, rectText(later.rect) + " overlaps its sibling '" + earlier.key + "' " + rectText(earlier.rect) +
                    " by " + px(both.GetWidth()) + " x " + px(both.GetHeight()));
            }
        }
    }

    // Reported at the outermost box that leaves the screen: its descendants go with it.
    void leavesScreen(float width) {
        const float tolerance = 0.5f;
        std::vector<char> outside(boxes.size(), 0), clipped(boxes.size(), 0);
        for (size_t b = 0; b < boxes.size(); ++b) {
            const LayoutBox& box = boxes[b];
            if (box.parent >= 0) clipped[b] = clipped[box.parent] || (defOf(boxes[box.parent]) && defOf(boxes[box.parent])->clips);
            if (clipped[b] || !hasArea(box.rect)) continue;
            outside[b] = box.rect.Min.x < -tolerance || box.rect.Max.x > width + tolerance;
            if (!outside[b] || (box.parent >= 0 && outside[box.parent])) continue;
            add((int)b, invariant::kLeavesScreen, box.rect.Min.x < -tolerance ? "left edge " + px(box.rect.Min.x) + " < 0"
                                                                              : "right edge " + px(box.rect.Max.x) + " > screen width " + px(width));
        }
    }

    // A floating widget (fab, dialog) reserves nothing in the flow, so its box is empty where the flow stood: its own
    // text is judged against the screen's width instead.
    void textRuns(const std::vector<TextRun>& runs, float width, const FontSet& fonts, FontFace face) {
        for (const TextRun& run : runs) {
            const bool known = run.rect.GetWidth() > 0.0f || run.rect.GetHeight() > 0.0f;
            if (!known || run.box < 0 || run.box >= (int)boxes.size()) continue;
            const bool floating = defOf(boxes[run.box]) && defOf(boxes[run.box])->floating;
            ImRect room = floating ? ImRect(0.0f, -FLT_MAX, width, FLT_MAX) : boxes[run.box].rect;
            room.Expand(1.0f);
            if (!room.Contains(run.rect))
                add(run.box, invariant::kTextOutside, "text \"" + excerpt(run.text) + "\" at " + rectText(run.rect) + " outside its box " +
                    rectText(boxes[run.box].rect));
            if (run.ellipsized) continue;
            const ImFont* font = fontOf(run, fonts, face);
            const float needed = std::floor(narrowestWidth(run.text, font));
            if (run.rect.GetWidth() + 1.0f < needed)
                add(run.box, invariant::kNarrowText, "text \"" + excerpt(run.text) + "\" laid out " + px(run.rect.GetWidth()) +
                    " px wide, narrower than its first " + std::to_string(prefixLength(run.text)) + " characters (" + px(needed) + " px)");
        }
    }

    // The start of a text for messages: at most 40 bytes, cut on a code point boundary.
    static std::string excerpt(const std::string& s) {
        if (s.size() <= 40) return s;
        size_t cut = 40;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
        return s.substr(0, cut) + "...";
    }

    static size_t prefixBytes(const std::string& s) { return firstCharsBytes(s); }
    static int prefixLength(const std::string& s) {
        int points = 0;
        for (size_t i = 0; i < prefixBytes(s); ++i) points += ((unsigned char)s[i] & 0xC0) != 0x80;
        return points;
    }
    static float prefixWidth(const std::string& s, const ImFont* font) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s.data(), s.data() + prefixBytes(s)).x;
    }
    // The narrowest a text may be laid out: its first line when word-wrapped at the width of its first min(8, length)
    // characters. Wrapping at a word boundary may end that line early ("Pay a bill" at 8 characters' width is "Pay a"
    // over "bill"): such a paragraph is laid out as wide as the contract asks, though narrower than its first 8
    // characters. Any wider layout has a first line at least as wide; a text squeezed to a few letters per line has not.
    static float narrowestWidth(const std::string& s, const ImFont* font) {
        const char* begin = s.data();
        const char* end = begin + std::min(s.size(), s.find('\n'));
        const char* eol = font->CalcWordWrapPositionA(1.0f, begin, end, prefixWidth(s, font));
        if (eol == begin && begin < end) {  // a first character wider than the line: it is the line
            unsigned c;
            eol = begin + std::max(1, ImTextCharFromUtf8(&c, begin, end));
        }
        while (eol > begin && (eol[-1] == ' ' || eol[-1] == '\t')) --eol;
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, begin, eol).x;
    }

    // The style a run was drawn in, as far as its rect tells: the font whose layout of the text at the run's width
    // comes closest to the run's size (runs do not record their style).
    static const ImFont* fontOf(const TextRun& run, const FontSet& fonts, FontFace face) {
        const ImFont* best = fonts.get(TextStyle::Body, face);
        float bestError = FLT_MAX;
        const char* begin = run.text.data();
        const char* end = begin + run.text.size();
        for (int s = 0; s < (int)TextStyle::Count; ++s) {
            const ImFont* f = fonts.get((TextStyle)s, face);
            const ImVec2 size = f->CalcTextSizeA(f->FontSize, FLT_MAX, run.rect.GetWidth() + 1.0f, begin, end);
            const float error = std::fabs(size.y - run.rect.GetHeight()) + std::fabs(std::ceil(size.x) - run.rect.GetWidth());
            if (error < bestError) { bestError = error; best = f; }
        }
        return best;
    }
};

} // namespace

std::vector<LayoutViolation> checkLayout(const std::string& screen, const std::vector<LayoutBox>& boxes,
                                         const std::vector<TextRun>& runs, float width, const FontSet& fonts, FontFace face) {
    Checker c{screen, boxes, {}};
    c.siblingsOverlap();
    c.leavesScreen(width);
    c.textRuns(runs, width, fonts, face);
    return std::move(c.out);
}

//-----------------------------------------------------------------------------
// [SECTION] Every screen of a spec
//-----------------------------------------------------------------------------

std::vector<ScreenLayout> layOutScreens(std::shared_ptr<const Spec> spec, ImVec2 size) {
    std::vector<ScreenLayout> out;
    HeadlessDriver driver(spec, size);
    const FontSet* fonts = driver.proto().fonts();
    for (const Screen& s : spec->screens) {
        driver.proto().showScreen(s.id);
        driver.settle();
        ScreenLayout screen;
        screen.screen = s.id;
        screen.boxes = driver.proto().layout();
        screen.runs = driver.proto().textRuns();
        if (fonts) screen.violations = checkLayout(s.id, screen.boxes, screen.runs, driver.size().x, *fonts, driver.proto().theme().font);
        out.push_back(std::move(screen));
    }
    return out;
}

} // namespace pt
