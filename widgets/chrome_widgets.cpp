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

// Children drawn side by side with their right edge at anchor.x; `pivotY` places them vertically
// (0: top at anchor.y, 0.5: centered on it). Uses last frame's size (immediate mode knows it only
// after drawing). Returns this frame's size.
ImVec2 drawTrailing(Ui& ui, const std::vector<Ui::Instance>& list, ImVec2 anchor, float pivotY, const char* strId)
{
    if (list.empty()) return ImVec2();
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID wid = ImGui::GetID(strId), hid = wid + 1;
    const ImVec2 prev(st->GetFloat(wid, 0.0f), st->GetFloat(hid, 0.0f));
    ImGui::SetCursorScreenPos(ImFloor(ImVec2(anchor.x - prev.x, anchor.y - prev.y * pivotY)));
    ImGui::BeginGroup();
    for (size_t i = 0; i < list.size(); i++) {
        if (i) ImGui::SameLine(0, 8);
        ui.draw(list[i]);
    }
    ImGui::EndGroup();
    const ImVec2 size = ImGui::GetItemRectSize();
    st->SetFloat(wid, size.x);
    st->SetFloat(hid, size.y);
    return size;
}

//-----------------------------------------------------------------------------
// [SECTION] app_bar
//-----------------------------------------------------------------------------

void drawAppBar(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n);
    const std::string title = ui.str(n, "title"), subtitle = ui.str(n, "subtitle");
    const bool back = ui.flag(n, "back");
    const std::vector<Ui::Instance> trailing = ui.instances(n.children);
    const float trailW = trailing.empty() ? 0.0f : ImGui::GetStateStorage()->GetFloat(ImGui::GetID("##trail"), 0.0f);

    const float btn = 40.0f;
    float x = origin.x;
    const float textX = x + (back ? btn + 8.0f : 0.0f);
    const float textW = ImMax(40.0f, origin.x + w - textX - (trailW > 0 ? trailW + 12.0f : 0.0f));
    const ImVec2 ts = ui.measure(title, TextStyle::H2, textW);
    const ImVec2 ss = subtitle.empty() ? ImVec2() : ui.measure(subtitle, TextStyle::Caption, textW);
    const float textH = ts.y + (subtitle.empty() ? 0.0f : 2.0f + ss.y);
    const float h = ImMax(56.0f, textH + 12.0f);
    const float cy = origin.y + h * 0.5f;

    if (back) {
        const ImRect r(ImVec2(x, cy - btn * 0.5f), ImVec2(x + btn, cy + btn * 0.5f));
        const draw::Press p = draw::pressAt("##back", r);
        ui.probe(n, "Back", true);
        if (p.pressed) ui.back();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (p.hovered || p.held) dl->AddCircleFilled(r.GetCenter(), btn * 0.5f, draw::fade(p.held ? mixColor(t.c.surfaceAlt, t.c.text, 0.08f) : t.c.surfaceAlt), 32);
        draw::iconAt(ui, r.GetCenter(), 18.0f, "arrow-left", draw::fade(t.c.text));
    }
    ui.textAt(ImFloor(ImVec2(textX, cy - textH * 0.5f)), title, TextStyle::H2, t.c.text, textW);
    if (!subtitle.empty()) ui.textAt(ImFloor(ImVec2(textX, cy - textH * 0.5f + ts.y + 2.0f)), subtitle, TextStyle::Caption, t.c.textMuted, textW);
    drawTrailing(ui, trailing, ImVec2(origin.x + w, cy), 0.5f, "##trail");
    draw::reserve(origin, ImVec2(w, h));
}

//-----------------------------------------------------------------------------
// [SECTION] bottom_nav, sidebar
//-----------------------------------------------------------------------------

void drawBottomNav(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n), h = 64.0f;
    const std::vector<NavEntry> items = navEntries(ui, n);
    const ImRect bar(origin, origin + ImVec2(w, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw::surface(dl, bar, t, t.radius + 4.0f, 1.5f);
    const float slot = items.empty() ? w : w / items.size();
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
        const ImVec2 iconC(cell.GetCenter().x, origin.y + 22.0f);
        // Material 3 style: a soft pill behind the active icon.
        if (active || p.hovered)
            dl->AddRectFilled(iconC - ImVec2(26, 14), iconC + ImVec2(26, 14), draw::fade(active ? t.c.brandSoft : withAlpha(t.c.text, 0.05f)), 14.0f);
        draw::iconAt(ui, iconC, 17.0f, e.icon.empty() ? "circle-o" : e.icon, ink);
        const ImVec2 ls = ui.measure(e.label, TextStyle::Small);
        ImGui::PushClipRect(cell.Min, cell.Max, true);
        ui.textAt(ImFloor(ImVec2(cell.GetCenter().x - ls.x * 0.5f, origin.y + 42.0f)), e.label, TextStyle::Small, ink);
        ImGui::PopClipRect();
    }
    draw::reserve(origin, ImVec2(w, h));
}

void drawSidebar(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n), pad = 10.0f, rowH = 40.0f;
    const std::vector<NavEntry> items = navEntries(ui, n);
    const std::string title = ui.str(n, "title");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float titleH = title.empty() ? 0.0f : ImMax(32.0f, ui.measure(title, TextStyle::H3).y) + 16.0f;
    const float h = pad * 2 + titleH + rowH * items.size() + 4.0f * (items.empty() ? 0 : items.size() - 1);
    draw::surface(dl, ImRect(origin, origin + ImVec2(w, h)), t, t.radius, 0.0f);

    float y = origin.y + pad;
    if (!title.empty()) {
        // Brand mark (first letter in a brand square) + app / section name.
        const ImVec2 mark(origin.x + pad + 6.0f, y + 4.0f);
        dl->AddRectFilled(mark, mark + ImVec2(28, 28), t.c.brand, 8.0f);
        const std::string initial = title.substr(0, 1);
        const ImVec2 is = ui.measure(initial, TextStyle::Strong);
        dl->AddText(ui.font(TextStyle::Strong), ui.font(TextStyle::Strong)->FontSize, ImFloor(mark + (ImVec2(28, 28) - is) * 0.5f), t.c.onBrand, initial.c_str());
        const ImVec2 ts = ui.measure(title, TextStyle::H3);
        ImGui::PushClipRect(origin, origin + ImVec2(w - pad, h), true);
        ui.textAt(ImFloor(ImVec2(mark.x + 38.0f, mark.y + 14.0f - ts.y * 0.5f)), title, TextStyle::H3, t.c.text);
        ImGui::PopClipRect();
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
        const ImVec2 ls = ui.measure(e.label, style);
        ImGui::PushClipRect(row.Min, row.Max - ImVec2(8, 0), true);
        ui.textAt(ImFloor(ImVec2(row.Min.x + 44.0f, row.GetCenter().y - ls.y * 0.5f)), e.label, style, draw::fade(active ? t.c.brand : t.c.text));
        ImGui::PopClipRect();
    }
    draw::reserve(origin, ImVec2(w, h));
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
                const ImVec2 size = drawTrailing(ui, actions, ImVec2(at.x + ImGui::GetContentRegionAvail().x, at.y), 0.0f, "##actions");
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
    const bool hasIcon = !ui.icon(icon).empty();
    const float padX = 16.0f, iconW = hasIcon ? 28.0f : 0.0f;
    const float textW = ImMax(40.0f, w - padX * 2 - iconW);
    const ImVec2 ts = ui.measure(text, TextStyle::Body, textW);
    const float h = ImMax(48.0f, ts.y + 26.0f);
    const ImRect r(origin, origin + ImVec2(w, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw::shadow(dl, r, t.radius, 2.0f);
    dl->AddRectFilled(r.Min, r.Max, bg, t.radius);
    if (hasIcon) draw::iconAt(ui, ImVec2(r.Min.x + padX + 9.0f, r.GetCenter().y), 17.0f, icon, accent);
    ui.textAt(ImFloor(ImVec2(r.Min.x + padX + iconW, r.GetCenter().y - ts.y * 0.5f)), text, TextStyle::Body, fg, textW);
    draw::reserve(origin, r.GetSize());
    ui.probe(n, text, false);
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
        WidgetDef d = widget("app_bar", "In-body header: back arrow, title, subtitle, trailing icon buttons.", "title",
            { prop("title", PropType::String, "", "title text"),
              prop("subtitle", PropType::String, nullptr, "muted line under the title"),
              prop("back", PropType::Bool, false, "show a back arrow that goes back"),
              prop("children", PropType::Nodes, nullptr, "trailing widgets, right-aligned") },
            R"({"app_bar": "Inbox", "subtitle": "3 unread", "children": [{"icon_button": "search", "label": "Search"}]})", drawAppBar);
        d.container = true;
        d.layer = WidgetLayer::Chrome;
        c.add(std::move(d));
    }
    {
        WidgetDef d = widget("bottom_nav", "In-body bottom navigation; an item shows its screen.", "items",
            { prop("items", PropType::Array, Json::array(), kNavItemsDoc).withShape(kNavItemsShape) },
            R"({"bottom_nav": [{"label": "Home", "icon": "home", "screen": "home"}, {"label": "Profile", "icon": "user", "screen": "profile"}]})", drawBottomNav);
        d.interactive = true;
        d.layer = WidgetLayer::Chrome;
        c.add(std::move(d));
    }
    {
        WidgetDef d = widget("sidebar", "Vertical navigation panel with an optional title.", "items",
            { prop("items", PropType::Array, Json::array(), kNavItemsDoc).withShape(kNavItemsShape),
              prop("title", PropType::String, nullptr, "app or section name at the top (with a brand mark)") },
            R"({"sidebar": [{"label": "Dashboard", "icon": "dashboard", "screen": "home"}, {"label": "Reports", "icon": "chart", "screen": "reports"}], "title": "Acme", "w": 220})", drawSidebar);
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
    c.add(widget("toast", "Inline snackbar with a tone icon.", "text",
        { prop("text", PropType::String, "", "message"),
          prop("tone", PropType::Tone, "info", "icon color and default icon"),
          prop("icon", PropType::Icon, nullptr, "icon (default: one per tone)") },
        R"({"toast": "Saved to your library", "tone": "success", "visible": "${saved}"})", drawToast));
}

static const WidgetCatalog::Registrar kRegistrar(70, registerChromeWidgets);

} // namespace pt
