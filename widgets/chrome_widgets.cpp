// Promptotype — app chrome drawn in the body: large-title app bar, bottom navigation, sidebar,
// inline modal dialog and toast banner.
//
// Index of this file:
// [SECTION] Helpers (nav items, trailing groups)
// [SECTION] app_bar
// [SECTION] bottom_nav, sidebar
// [SECTION] dialog
// [SECTION] toast
// [SECTION] Registration

#include <imgui.h>
#include <imgui_internal.h>

#include "runtime/engine/ui.h"
#include "runtime/spec/catalog.h"
#include "widgets/draw.h"
#include "widgets/registration.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace pt {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

struct NavEntry { std::string label, icon, screen; };

// `items` as {label, icon, screen}; a bare string is a screen id (and its label).
std::vector<NavEntry> navEntries(Ui& ui, const Node& n)
{
    std::vector<NavEntry> out;
    const Json items = ui.prop(n, "items");
    if (!items.is_array()) return out;
    for (const Json& it : items) {
        if (out.size() >= 12) break;
        NavEntry e;
        if (it.is_string()) e.label = e.screen = it.get<std::string>();
        else if (it.is_object()) {
            auto field = [&](const char* k) { return it.contains(k) ? toDisplayString(it[k]) : std::string(); };
            e.label = field("label");
            e.icon = field("icon");
            e.screen = field("screen");
            if (e.label.empty()) e.label = e.screen;
        } else continue;
        out.push_back(std::move(e));
    }
    return out;
}

bool isActive(Ui& ui, const NavEntry& e) { return !e.screen.empty() && ui.currentScreen() == e.screen; }

void go(Ui& ui, const NavEntry& e)
{
    if (!e.screen.empty() && !isActive(ui, e)) ui.navigate(e.screen);
}

// The width a one-line label takes in `room` px: whole, or cut with an ellipsis (Ui::fitText draws it so, the whole
// text on hover); 0 when not even about 4 characters fit, and the caller shows the label on hover instead.
float fittedWidth(Ui& ui, const std::string& s, TextStyle style, float room)
{
    const float whole = ui.measure(s, style).x;
    if (whole <= room) return whole;
    if (room < ui.minTextWidth(style) * 0.5f) return 0.0f;
    return ui.measure(ui.ellipsize(s, style, room), style).x;
}

// A one-line label at pos within `room` px (see fittedWidth); returns whether anything was drawn.
bool drawFitted(Ui& ui, ImVec2 pos, const std::string& s, TextStyle style, ImU32 color, float room)
{
    if (fittedWidth(ui, s, style, room) <= 0.0f) return false;
    ui.fitText(pos, s, style, color, room);
    return true;
}

const float kTrailSpacing = 8.0f;  // between trailing widgets (app bar actions, dialog footer buttons)

// The narrowest children side by side kTrailSpacing apart keep readable: the sum of their minimums.
float trailingMinWidth(Ui& ui, const std::vector<Ui::Instance>& list)
{
    float span = 0;
    for (size_t i = 0; i < list.size(); i++) span += ui.widths(list[i]).min + (i ? kTrailSpacing : 0.0f);
    return span;
}

// The width of children laid out with trailingWidths.
float spanOf(const std::vector<float>& widths)
{
    float span = 0;
    for (size_t i = 0; i < widths.size(); i++) span += widths[i] + (i ? kTrailSpacing : 0.0f);
    return span;
}

// Widths of children side by side in `room` px, kTrailSpacing apart: each its preferred width (a fill widget its
// minimum); when that is too much, each gives up width towards its minimum in proportion to how far above it it is,
// and when even the minimums do not fit, all shrink alike (buttons then end their labels in an ellipsis).
std::vector<float> trailingWidths(Ui& ui, const std::vector<Ui::Instance>& list, float room)
{
    std::vector<float> widths, mins;
    float slack = 0;
    for (const Ui::Instance& inst : list) {
        const WidthRange r = ui.widths(inst);
        widths.push_back(r.pref >= kFillWidth ? r.min : r.pref);
        mins.push_back(r.min);
        slack += widths.back() - r.min;
    }
    const float excess = spanOf(widths) - room;
    if (excess > 0 && slack > 0) {
        const float give = ImMin(1.0f, excess / slack);
        for (size_t i = 0; i < widths.size(); i++) widths[i] -= (widths[i] - mins[i]) * give;
    }
    const float gaps = widths.empty() ? 0.0f : kTrailSpacing * (widths.size() - 1);
    const float total = spanOf(widths) - gaps;
    if (total > 0 && total + gaps > room)
        for (float& w : widths) w *= ImMax(0.0f, room - gaps) / total;
    return widths;
}

// Children side by side at `widths` (trailingWidths) with their right edge at anchor.x; `pivotY` places them
// vertically (0: top at anchor.y, 0.5: centered on it) by last frame's height (immediate mode knows it only after
// drawing). Returns this frame's size.
ImVec2 drawTrailing(Ui& ui, const std::vector<Ui::Instance>& list, const std::vector<float>& widths, ImVec2 anchor, float pivotY,
                    const char* strId)
{
    if (list.empty()) return ImVec2();
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID hid = ImGui::GetID(strId);
    const float top = ImFloor(anchor.y - st->GetFloat(hid, 0.0f) * pivotY);
    float x = anchor.x - spanOf(widths), h = 0;
    for (size_t i = 0; i < list.size(); i++) {
        const float left = ImFloor(x);
        h = ImMax(h, ui.drawCell(list[i], ImVec2(left, top), left + widths[i]).y);
        x += widths[i] + kTrailSpacing;
    }
    st->SetFloat(hid, h);
    return ImVec2(spanOf(widths), h);
}

//-----------------------------------------------------------------------------
// [SECTION] app_bar
//-----------------------------------------------------------------------------

const float kAppBarButton = 40.0f;  // the back button's diameter
const float kTrailGap = 12.0f;      // between the title and the trailing widgets

// The narrowest the app bar's title and subtitle may be laid out: about 8 characters, less when they are shorter.
float titleMinWidth(Ui& ui, const Node& n)
{
    return ImMax(ui.textWidths(ui.str(n, "title"), TextStyle::H2).min, ui.textWidths(ui.str(n, "subtitle"), TextStyle::Caption).min);
}

void drawAppBar(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const std::string title = ui.str(n, "title"), subtitle = ui.str(n, "subtitle");
    const bool back = ui.flag(n, "back");
    const float btn = kAppBarButton;
    float x = origin.x;
    const float textX = x + (back ? btn + 8.0f : 0.0f);
    // Trailing widgets sit right of the title while both keep their minimum, else on a line of their own under it.
    const std::vector<Ui::Instance> trailing = ui.instances(n.children);
    const float besideTitle = origin.x + w - textX - kTrailGap - titleMinWidth(ui, n);
    const bool trailBelow = !trailing.empty() && trailingMinWidth(ui, trailing) > besideTitle;
    const std::vector<float> trailWidths = trailingWidths(ui, trailing, trailBelow ? w : besideTitle);
    const float trailW = trailBelow ? 0.0f : spanOf(trailWidths);
    const float textW = ImMax(0.0f, origin.x + w - textX - (trailW > 0 ? trailW + kTrailGap : 0.0f));
    // Titles wrap at word boundaries; squeezed under about 8 characters by the trailing widgets, they stay on one
    // line and end in an ellipsis.
    const float wrapW = textW >= ui.minTextWidth(TextStyle::H2) ? textW : 0.0f;
    const ImVec2 ts = ui.measure(title, TextStyle::H2, wrapW);
    const ImVec2 ss = subtitle.empty() ? ImVec2() : ui.measure(subtitle, TextStyle::Caption, wrapW);
    const float textH = ts.y + (subtitle.empty() ? 0.0f : 2.0f + ss.y);
    const float headH = ImMax(56.0f, textH + 12.0f);
    const float cy = origin.y + headH * 0.5f;

    if (back) {
        const ImRect r(ImVec2(x, cy - btn * 0.5f), ImVec2(x + btn, cy + btn * 0.5f));
        const draw::Press p = draw::pressAt("##back", r);
        ui.probe(n, "Back", true);
        if (p.pressed) ui.back();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (p.hovered || p.held) dl->AddCircleFilled(r.GetCenter(), btn * 0.5f, draw::fade(p.held ? mixColor(t.c.surfaceAlt, t.c.text, 0.08f) : t.c.surfaceAlt), 32);
        draw::iconAt(ui, r.GetCenter(), 18.0f, "arrow-left", draw::fade(t.c.text));
    }
    const ImVec2 titlePos = ImFloor(ImVec2(textX, cy - textH * 0.5f));
    const ImVec2 subtitlePos = ImFloor(ImVec2(textX, cy - textH * 0.5f + ts.y + 2.0f));
    if (wrapW > 0) {
        ui.textAt(titlePos, title, TextStyle::H2, t.c.text, wrapW);
        if (!subtitle.empty()) ui.textAt(subtitlePos, subtitle, TextStyle::Caption, t.c.textMuted, wrapW);
    } else {
        drawFitted(ui, titlePos, title, TextStyle::H2, t.c.text, textW);
        if (!subtitle.empty()) drawFitted(ui, subtitlePos, subtitle, TextStyle::Caption, t.c.textMuted, textW);
    }
    float h = headH;
    if (trailBelow) h += drawTrailing(ui, trailing, trailWidths, ImVec2(origin.x + w, origin.y + headH), 0.0f, "##trail").y + 8.0f;
    else drawTrailing(ui, trailing, trailWidths, ImVec2(origin.x + w, cy), 0.5f, "##trail");
    draw::reserve(origin, ImVec2(w, h));
}

// An app bar fills its line; its minimum keeps the back button and about 8 characters of title, and the trailing
// widgets at their minimum (on a line of their own when they do not fit beside the title).
WidthRange measureAppBar(Ui& ui, const Node& n)
{
    const float head = titleMinWidth(ui, n) + (ui.flag(n, "back") ? kAppBarButton + 8.0f : 0.0f);
    return { ImMax(head, trailingMinWidth(ui, ui.instances(n.children))), kFillWidth };
}

//-----------------------------------------------------------------------------
// [SECTION] bottom_nav, sidebar
//-----------------------------------------------------------------------------

const float kNavSlotMin = 48.0f;  // a bottom_nav item's narrowest slot: its icon pill and a few letters of label
const float kNavLabelInset = 4.0f; // a bottom_nav label's margin inside its slot, on each side

void drawBottomNav(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n), h = 64.0f;
    const std::vector<NavEntry> items = navEntries(ui, n);
    const ImRect bar(origin, origin + ImVec2(w, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw::surface(dl, bar, t, t.radius + 4.0f, 1.5f);
    ImGui::PushClipRect(bar.Min, bar.Max, true);
    const float slot = items.empty() ? w : w / items.size();
    const float labelRoom = slot - kNavLabelInset * 2;
    for (size_t i = 0; i < items.size(); i++) {
        const NavEntry& e = items[i];
        const ImRect cell(ImVec2(origin.x + slot * i, origin.y), ImVec2(origin.x + slot * (i + 1), origin.y + h));
        ImGui::PushID((int)i);
        const draw::Press p = draw::pressAt("##nav", cell);
        ImGui::PopID();
        ui.probe(n, e.label, true);
        if (p.pressed) go(ui, e);
        const bool active = isActive(ui, e);
        const ImU32 ink = draw::fade(active ? t.c.brand : p.hovered ? t.c.text : t.c.textMuted);
        // A label cut with an ellipsis in its slot; in a slot too narrow for a few letters the icon stands alone,
        // centred, and the label shows on hover.
        const float labelW = fittedWidth(ui, e.label, TextStyle::Small, labelRoom);
        const ImVec2 iconC(cell.GetCenter().x, origin.y + (labelW > 0 ? 22.0f : h * 0.5f));
        // Material 3 style: a soft pill behind the active icon, no wider than the slot.
        const float pillHalfW = ImMin(26.0f, slot * 0.5f - 2.0f);
        if (active || p.hovered)
            dl->AddRectFilled(iconC - ImVec2(pillHalfW, 14), iconC + ImVec2(pillHalfW, 14), draw::fade(active ? t.c.brandSoft : withAlpha(t.c.text, 0.05f)), 14.0f);
        draw::iconAt(ui, iconC, 17.0f, e.icon.empty() ? "circle-o" : e.icon, ink);
        if (labelW > 0) ui.fitText(ImFloor(ImVec2(cell.GetCenter().x - labelW * 0.5f, origin.y + 42.0f)), e.label, TextStyle::Small, ink, labelRoom);
        else if (p.hovered && !e.label.empty()) ui.tooltip(e.label);
    }
    ImGui::PopClipRect();
    draw::reserve(origin, ImVec2(w, h));
}

// A bottom nav fills its line and needs a narrow slot per item.
WidthRange measureBottomNav(Ui& ui, const Node& n)
{
    const size_t count = navEntries(ui, n).size();
    return { count ? kNavSlotMin * count : kNavSlotMin, kFillWidth };
}

const float kSidebarPad = 10.0f;     // around the sidebar's rows
const float kSidebarLabelX = 44.0f;  // a row's label (and the title) from the row's left edge: the icon column
const float kSidebarLabelEnd = 8.0f; // a row's label margin on the right

void drawSidebar(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n), pad = kSidebarPad, rowH = 40.0f;
    const std::vector<NavEntry> items = navEntries(ui, n);
    const std::string title = ui.str(n, "title");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float titleH = title.empty() ? 0.0f : ImMax(32.0f, ui.measure(title, TextStyle::H3).y) + 16.0f;
    const float h = pad * 2 + titleH + rowH * items.size() + 4.0f * (items.empty() ? 0 : items.size() - 1);
    const ImRect box(origin, origin + ImVec2(w, h));
    draw::surface(dl, box, t, t.radius, 0.0f);
    // Labels end in an ellipsis (whole on hover); a sidebar narrower than its icons shows no more than its box.
    ImGui::PushClipRect(box.Min, box.Max, true);

    float y = origin.y + pad;
    if (!title.empty()) {
        // Brand mark (first letter in a brand square) + app / section name.
        const ImVec2 mark(origin.x + pad + 6.0f, y + 4.0f);
        dl->AddRectFilled(mark, mark + ImVec2(28, 28), t.c.brand, 8.0f);
        const std::string initial = title.substr(0, 1);
        const ImVec2 is = ui.measure(initial, TextStyle::Strong);
        dl->AddText(ui.font(TextStyle::Strong), ui.font(TextStyle::Strong)->FontSize, ImFloor(mark + (ImVec2(28, 28) - is) * 0.5f), t.c.onBrand, initial.c_str());
        const float titleX = origin.x + pad + kSidebarLabelX;
        const ImVec2 ts = ui.measure(title, TextStyle::H3);
        drawFitted(ui, ImFloor(ImVec2(titleX, mark.y + 14.0f - ts.y * 0.5f)), title, TextStyle::H3, t.c.text, box.Max.x - pad - titleX);
        y += titleH;
    }
    for (size_t i = 0; i < items.size(); i++, y += rowH + 4.0f) {
        const NavEntry& e = items[i];
        const ImRect row(ImVec2(origin.x + pad, y), ImVec2(origin.x + w - pad, y + rowH));
        ImGui::PushID((int)i);
        const draw::Press p = draw::pressAt("##side", row);
        ImGui::PopID();
        ui.probe(n, e.label, true);
        if (p.pressed) go(ui, e);
        const bool active = isActive(ui, e);
        if (active) dl->AddRectFilled(row.Min, row.Max, draw::fade(t.c.brandSoft), t.radiusSmall);
        else if (p.hovered) dl->AddRectFilled(row.Min, row.Max, draw::fade(withAlpha(t.c.text, p.held ? 0.08f : 0.045f)), t.radiusSmall);
        const ImU32 ink = draw::fade(active ? t.c.brand : t.c.textMuted);
        draw::iconAt(ui, ImVec2(row.Min.x + 22.0f, row.GetCenter().y), 16.0f, e.icon.empty() ? "circle-o" : e.icon, ink);
        const TextStyle style = active ? TextStyle::Strong : TextStyle::Body;
        const float labelX = row.Min.x + kSidebarLabelX;
        const ImVec2 ls = ui.measure(e.label, style);
        if (!drawFitted(ui, ImFloor(ImVec2(labelX, row.GetCenter().y - ls.y * 0.5f)), e.label, style, draw::fade(active ? t.c.brand : t.c.text),
                        row.Max.x - kSidebarLabelEnd - labelX) &&
            p.hovered && !e.label.empty())
            ui.tooltip(e.label);
    }
    ImGui::PopClipRect();
    draw::reserve(origin, ImVec2(w, h));
}

// A sidebar is as wide as its longest label (or title) beside the icon column; its minimum keeps about 8 characters.
WidthRange measureSidebar(Ui& ui, const Node& n)
{
    float widest = ui.measure(ui.str(n, "title"), TextStyle::H3).x;
    for (const NavEntry& e : navEntries(ui, n)) widest = ImMax(widest, ui.measure(e.label, TextStyle::Strong).x);
    const float chrome = kSidebarPad * 2 + kSidebarLabelX + kSidebarLabelEnd;
    widest = std::ceil(widest);
    return { chrome + ImMin(widest, ui.minTextWidth(TextStyle::Body)), chrome + widest };
}

//-----------------------------------------------------------------------------
// [SECTION] dialog
//-----------------------------------------------------------------------------

// Cursor state of the current window, so a widget can draw an overlay without taking layout space.
struct LayoutSnapshot {
    ImGuiWindow* window;
    ImVec2 cursor, cursorMax, prevLinePos, prevLineSize;
    LayoutSnapshot() : window(ImGui::GetCurrentWindow())
    {
        cursor = window->DC.CursorPos;
        cursorMax = window->DC.CursorMaxPos;
        prevLinePos = window->DC.CursorPosPrevLine;
        prevLineSize = window->DC.PrevLineSize;
    }
    void restore() const
    {
        window->DC.CursorPos = cursor;
        window->DC.CursorMaxPos = cursorMax;
        window->DC.CursorPosPrevLine = prevLinePos;
        window->DC.PrevLineSize = prevLineSize;
    }
};

// Modal card over the screen area: a full-area child window (scrim) takes the input, a nested child
// window is the card, so its content wraps and sizes to the card like any window.
void drawDialog(Ui& ui, const Node& n)
{
    if (!ui.flag(n, "open")) return;
    const Theme& t = ui.theme();
    const ImRect area = ui.screenRect();
    if (area.GetWidth() < 8 || area.GetHeight() < 8) return;
    const LayoutSnapshot snapshot;
    const std::string title = ui.str(n, "title");

    ImGui::PushClipRect(area.Min, area.Max, false);
    ImGui::SetCursorScreenPos(area.Min);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::BeginChild("##dialog", area.GetSize(), false, fixed)) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(area.Min, area.Max, t.c.scrim);

        ImGuiStorage* st = ImGui::GetStateStorage();
        const ImGuiID hid = ImGui::GetID("##h");
        const float pad = t.pad + 4.0f;
        const float cardW = ImMin(area.GetWidth() - 40.0f, 400.0f);
        const float cardH = ImClamp(st->GetFloat(hid, 180.0f), 60.0f, area.GetHeight() - 40.0f);
        const ImRect card(ImFloor(area.GetCenter() - ImVec2(cardW, cardH) * 0.5f), ImFloor(area.GetCenter() + ImVec2(cardW, cardH) * 0.5f));

        ImGui::SetCursorScreenPos(area.Min);
        if (ImGui::InvisibleButton("##scrim", area.GetSize()) && !card.Contains(ImGui::GetIO().MousePos)) ui.fire(n, "close");
        draw::surface(dl, card, t, t.radius + 4.0f, 3.0f);

        // Body children first; the trailing run of action widgets (buttons, links) forms the footer.
        const std::vector<Ui::Instance> all = ui.instances(n.children);
        size_t split = all.size();
        while (split > 0 && all[split - 1].node->def && all[split - 1].node->def->category == "Actions") split--;

        ImGui::SetCursorScreenPos(card.Min);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8.0f, t.gap));
        if (ImGui::BeginChild("##card", card.GetSize(), false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoSavedSettings)) {
            ImGui::BeginGroup();
            if (!title.empty()) ui.text(title, TextStyle::H3, t.c.text);
            for (size_t i = 0; i < split; i++) ui.draw(all[i]);
            if (split < all.size()) {
                const ImVec2 at = ImGui::GetCursorScreenPos() + ImVec2(0, 4);
                const std::vector<Ui::Instance> actions(all.begin() + split, all.end());
                const float room = ImGui::GetContentRegionAvail().x;
                const ImVec2 size = drawTrailing(ui, actions, trailingWidths(ui, actions, room), ImVec2(at.x + room, at.y), 0.0f, "##actions");
                ImGui::SetCursorScreenPos(at);
                ImGui::Dummy(ImVec2(1, size.y));
            }
            ImGui::EndGroup();
            st->SetFloat(hid, ImGui::GetItemRectSize().y + pad * 2);
        }
        ImGui::EndChild();
        ImGui::PopStyleVar(2);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ImGui::PopClipRect();
    snapshot.restore();
}

//-----------------------------------------------------------------------------
// [SECTION] toast
//-----------------------------------------------------------------------------

const char* toneIcon(const std::string& tone)
{
    if (tone == "success") return "check-circle";
    if (tone == "warning") return "exclamation-triangle";
    if (tone == "danger" || tone == "error") return "exclamation-circle";
    if (tone == "brand") return "bell";
    return "info-circle";
}

const float kToastPadX = 16.0f;  // the toast's inner margin on each side
const float kToastIconW = 28.0f; // its tone icon and the gap after it

void drawToast(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const std::string text = ui.str(n, "text"), tone = ui.str(n, "tone");
    const std::string icon = ui.given(n, "icon") ? ui.str(n, "icon") : toneIcon(tone);
    // Inverted surface, like a snackbar: dark on light themes, light on dark ones.
    const ImU32 bg = t.dark ? IM_COL32(236, 238, 243, 250) : IM_COL32(28, 31, 38, 245);
    const ImU32 fg = t.dark ? IM_COL32(20, 22, 28, 255) : IM_COL32(255, 255, 255, 255);
    const ImU32 accent = tone == "muted" ? mixColor(fg, bg, 0.35f) : mixColor(ui.color(Json(tone.empty() ? "info" : tone), t.c.info), fg, t.dark ? 0.0f : 0.25f);
    // The message wraps at word boundaries; narrower than about 8 characters (a `w` smaller than the toast's
    // minimum), it gets the icon's room and then stays on one line with an ellipsis, the whole message on hover.
    const float minText = ui.minTextWidth(TextStyle::Body);
    const float padX = ImClamp((w - minText) * 0.5f, 6.0f, kToastPadX);
    const bool iconKnown = !ui.icon(icon).empty();
    const bool hasIcon = iconKnown && w - padX * 2 - kToastIconW >= minText;
    const float iconW = hasIcon ? kToastIconW : 0.0f;
    const float textW = ImMax(0.0f, w - padX * 2 - iconW);
    const float wrapW = textW >= minText ? textW : 0.0f;
    const ImVec2 ts = ui.measure(text, TextStyle::Body, wrapW);
    const float h = ImMax(48.0f, ts.y + 26.0f);
    const ImRect r(origin, origin + ImVec2(w, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw::shadow(dl, r, t.radius, 2.0f);
    dl->AddRectFilled(r.Min, r.Max, bg, t.radius);
    if (hasIcon) draw::iconAt(ui, ImVec2(r.Min.x + padX + 9.0f, r.GetCenter().y), 17.0f, icon, accent);
    const ImVec2 textPos = ImFloor(ImVec2(r.Min.x + padX + iconW, r.GetCenter().y - ts.y * 0.5f));
    if (wrapW > 0) ui.textAt(textPos, text, TextStyle::Body, fg, wrapW);
    else if (!drawFitted(ui, textPos, text, TextStyle::Body, fg, textW)) {
        // Not even a few letters fit: the tone icon alone, the message on hover.
        if (iconKnown && w >= 24.0f) draw::iconAt(ui, r.GetCenter(), 17.0f, icon, accent);
        if (!text.empty() && ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(r.Min, r.Max)) ui.tooltip(text);
    }
    draw::reserve(origin, r.GetSize());
    ui.probe(n, text, false);
}

// A toast fills its line; its minimum keeps the icon and about 8 characters of message.
WidthRange measureToast(Ui& ui, const Node& n)
{
    return { kToastPadX * 2 + kToastIconW + ui.textWidths(ui.str(n, "text"), TextStyle::Body).min, kFillWidth };
}

//-----------------------------------------------------------------------------
// [SECTION] Registration
//-----------------------------------------------------------------------------

WidgetDef widget(const char* name, const char* doc, const char* primary, std::vector<PropDef> props, const char* example, DrawFn draw)
{
    return widgetDef("App chrome", name, doc, primary, std::move(props), example, std::move(draw));
}

const char* const kNavItemsDoc = "screen ids or items; the current screen is highlighted";
const char* const kNavItemsShape = R"(["screenId"] or [{"screen", "label", "icon"}])";

} // namespace

static void registerChromeWidgets(WidgetCatalog& c)
{
    {
        WidgetDef d = widget("app_bar", "In-body header with back arrow and icon buttons.", "title",
            { prop("title", PropType::String, "", "title text"),
              prop("subtitle", PropType::String, nullptr, "muted line under the title"),
              prop("back", PropType::Bool, false, "show a back arrow that goes back"),
              prop("children", PropType::Nodes, nullptr, "trailing widgets, right-aligned") },
            R"({"app_bar": "Inbox", "subtitle": "3 unread", "children": [{"icon_button": "search", "label": "Search"}]})", drawAppBar);
        d.measure = measureAppBar;
        d.container = true;
        d.layer = WidgetLayer::Chrome;
        c.add(std::move(d));
    }
    {
        WidgetDef d = widget("bottom_nav", "In-body bottom navigation.", "items",
            { prop("items", PropType::Array, Json::array(), kNavItemsDoc).withShape(kNavItemsShape) },
            R"({"bottom_nav": [{"label": "Home", "icon": "home", "screen": "home"}, {"label": "Profile", "icon": "user", "screen": "profile"}]})", drawBottomNav);
        d.measure = measureBottomNav;
        d.interactive = true;
        d.layer = WidgetLayer::Chrome;
        c.add(std::move(d));
    }
    {
        WidgetDef d = widget("sidebar", "Vertical navigation panel with an optional title.", "items",
            { prop("items", PropType::Array, Json::array(), kNavItemsDoc).withShape(kNavItemsShape),
              prop("title", PropType::String, nullptr, "app or section name at the top (with a brand mark)") },
            R"({"sidebar": [{"label": "Dashboard", "icon": "dashboard", "screen": "home"}, {"label": "Reports", "icon": "chart", "screen": "reports"}], "title": "Acme", "w": 220})", drawSidebar);
        d.measure = measureSidebar;
        d.interactive = true;
        d.layer = WidgetLayer::Chrome;
        c.add(std::move(d));
    }
    {
        WidgetDef d = widget("dialog", "Modal card while `open` is true; trailing buttons form its footer.", "children",
            { prop("children", PropType::Nodes, nullptr, "content; trailing action widgets (button, link...) become the footer row"),
              prop("title", PropType::String, nullptr, "dialog title"),
              prop("open", PropType::Bool, true, "shown while true (usually an expression)") },
            R"({"dialog": [{"text": "This cannot be undone."}, {"button": "Cancel", "variant": "ghost", "press": {"set": "confirm", "value": false}}, {"button": "Delete", "variant": "danger"}], "title": "Delete task?", "open": "${confirm}"})", drawDialog);
        d.events = { "close" };
        d.container = true;
        d.floating = true;
        d.layer = WidgetLayer::Overlay;
        c.add(std::move(d));
    }
    {
        WidgetDef d = widget("toast", "Inline snackbar with a tone icon.", "text",
            { prop("text", PropType::String, "", "message"),
              prop("tone", PropType::Tone, "info", "icon color and default icon"),
              prop("icon", PropType::Icon, nullptr, "icon (default: one per tone)") },
            R"({"toast": "Saved to your library", "tone": "success", "visible": "${saved}"})", drawToast);
        d.measure = measureToast;
        c.add(std::move(d));
    }
}

static const WidgetCatalog::Registrar kRegistrar(70, registerChromeWidgets);

} // namespace pt
