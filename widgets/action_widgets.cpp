// Promptotype — action widgets: button, icon_button, link, fab.
//
// [SECTION] Helpers
// [SECTION] Draw functions
// [SECTION] Measures (width ranges for the layout contract)
// [SECTION] Registration

#include "runtime/engine/ui.h"
#include "runtime/spec/catalog.h"
#include "widgets/draw.h"
#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace pt {

namespace {

using P = PropType;

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// Right after a control's item: its probe (named by the label, else the icon name, for controls
// that may have no text) and its `press` event.
void probePress(Ui& ui, const Node& n, const draw::Press& p, const std::string& label, const std::string& icon)
{
    ui.probe(n, label.empty() ? icon : label, true);
    if (p.pressed) ui.fire(n, "press");
}

// A node asks for the full width with `full`, or with any explicit width/grow hint (w: "fill", "50%", grow: 1).
bool wantsWidth(Ui& ui, const Node& n)
{
    return ui.flag(n, "full") || n.layout.width != 0 || n.layout.widthPct > 0 || n.layout.grow > 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Draw functions
//-----------------------------------------------------------------------------

// A button node's look: label, icon, variant, height and busy state (the width is the caller's).
draw::ButtonSpec buttonSpec(Ui& ui, const Node& n)
{
    const std::string& size = ui.str(n, "size");
    draw::ButtonSpec b;
    b.label = ui.str(n, "label");
    b.icon = ui.str(n, "icon");
    b.variant = draw::variantFromName(ui.str(n, "variant"));
    b.height = size == "sm" ? 34.0f : size == "lg" ? 52.0f : ui.theme().controlHeight;
    b.busy = ui.flag(n, "busy");
    return b;
}

void drawButton(Ui& ui, const Node& n)
{
    draw::ButtonSpec b = buttonSpec(ui, n);
    b.width = wantsWidth(ui, n) ? ui.itemWidth(n) : 0.0f;
    draw::Press p = draw::button(ui, "##button", b);
    probePress(ui, n, p, std::string(b.label), std::string(b.icon));
}

void drawIconButton(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    std::string icon = ui.str(n, "icon");
    std::string label = ui.str(n, "label");
    std::string variant = ui.str(n, "variant");
    const float d = 40;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImRect r(pos, pos + ImVec2(d, d));
    draw::Press p = draw::pressable("##icon_button", r.GetSize());
    probePress(ui, n, p, label, icon);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    float shade = p.held ? 0.16f : p.hovered ? 0.08f : 0.0f;
    ImU32 fill = 0, ink = t.c.text;
    if (variant == "filled") { fill = p.held ? t.c.brandActive : p.hovered ? t.c.brandHover : t.c.brand; ink = t.c.onBrand; }
    else if (variant == "tonal") { fill = mixColor(t.c.brandSoft, t.c.brand, shade); ink = t.c.brand; }
    else if (shade > 0) fill = withAlpha(t.c.text, shade * 0.7f);
    if (fill) dl->AddCircleFilled(r.GetCenter(), d * 0.5f, draw::fade(fill), 32);
    draw::iconAt(ui, r.GetCenter(), 18, icon, ink);
    ui.cornerBadge(ui.prop(n, "badge"), r.GetCenter() + ImVec2(d * 0.3f, -d * 0.3f), r);
    if (p.hovered && !label.empty()) ImGui::SetTooltip("%s", label.c_str());
}

// A link node's look: a label-tall button in the link variant.
draw::ButtonSpec linkSpec(Ui& ui, const Node& n)
{
    draw::ButtonSpec b;
    b.label = ui.str(n, "label");
    b.icon = ui.str(n, "icon");
    b.variant = draw::Variant::Link;
    b.height = std::ceil(ui.font(TextStyle::Strong)->FontSize + 10);
    return b;
}

void drawLink(Ui& ui, const Node& n)
{
    const draw::ButtonSpec b = linkSpec(ui, n);
    draw::Press p = draw::button(ui, "##link", b);
    probePress(ui, n, p, std::string(b.label), std::string(b.icon));
}

// The floating action button sits in its own child window at the screen's bottom-right corner:
// child windows draw above the parent's content and take the mouse first, so the FAB stays on
// top of whatever the body draws after it and cannot be clicked through.
void drawFab(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    std::string icon = ui.str(n, "icon");
    std::string label = ui.str(n, "label");
    const float h = 56, margin = 10;
    ImRect screen = ui.screenRect();
    // An extended FAB is as wide as its label, at most the screen's width less its margins (a longer label is cut).
    const float room = screen.GetWidth() > h + 2 * t.pad ? screen.GetWidth() - 2 * t.pad : ImGui::GetContentRegionAvail().x;
    float w = label.empty() ? h : std::min(std::ceil(draw::iconLabelSize(ui, icon, label, TextStyle::Strong).x) + 44, std::max(h, room));

    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImVec2 cursor = ImGui::GetCursorScreenPos();
    ImVec2 contentMax = window->DC.CursorMaxPos;
    bool pinned = screen.GetWidth() >= w + 2 * t.pad && screen.GetHeight() > h + 2 * t.pad;
    ImVec2 pos = pinned ? screen.Max - ImVec2(w + t.pad, h + t.pad) : ImVec2(cursor.x + std::max(0.0f, ImGui::GetContentRegionAvail().x - w), cursor.y);

    ImGui::SetCursorScreenPos(pos - ImVec2(margin, margin));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 0.0f);
    ImGui::BeginChild("##fab", ImVec2(w, h) + ImVec2(margin, margin) * 2, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    ImGui::SetCursorScreenPos(pos);
    ImRect r(pos, pos + ImVec2(w, h));
    draw::Press p = draw::pressable("##fab_button", r.GetSize());
    probePress(ui, n, p, label, icon);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw::shadow(dl, r, h * 0.5f, p.held ? 1.5f : 2.5f);
    dl->AddRectFilled(r.Min, r.Max, draw::fade(p.held ? t.c.brandActive : p.hovered ? t.c.brandHover : t.c.brand), h * 0.5f);
    draw::iconLabel(ui, r, icon, label, TextStyle::Strong, t.c.onBrand);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);

    if (pinned) {  // out of the flow: leave the parent's cursor and content size as they were
        ImGui::SetCursorScreenPos(cursor);
        window->DC.CursorMaxPos = contentMax;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Measures (width ranges for the layout contract)
//-----------------------------------------------------------------------------

// A fitted button or link keeps its whole label: a row wraps it to a new line rather than cut it (only a row
// narrower than the label cuts it).
WidthRange fittedRange(Ui& ui, const draw::ButtonSpec& b)
{
    const float pref = draw::buttonWidth(ui, b);
    return { pref, pref };
}

WidthRange measureButton(Ui& ui, const Node& n)
{
    const WidthRange r = fittedRange(ui, buttonSpec(ui, n));
    return wantsWidth(ui, n) ? WidthRange{ r.min, kFillWidth } : r;
}

WidthRange measureIconButton(Ui&, const Node&) { return { 40.0f, 40.0f }; }

WidthRange measureLink(Ui& ui, const Node& n) { return fittedRange(ui, linkSpec(ui, n)); }

WidthRange measureFab(Ui&, const Node&) { return {}; }  // pinned to the screen's corner: takes no room in a row

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Registration
//-----------------------------------------------------------------------------

static void registerActionWidgets(WidgetCatalog& c)
{
    const char* cat = "Actions";

    c.add({"button", cat, "A button; `full` for full width; `busy` shows a spinner.", "label",
           {{"label", P::String, "", "text on the button", {}},
            {"variant", P::Enum, "primary", "visual weight", {"primary", "secondary", "outline", "ghost", "danger", "link"}},
            {"icon", P::Icon, "", "icon before the label", {}},
            {"size", P::Enum, "md", "height: sm 34, md theme control height, lg 52", {"sm", "md", "lg"}},
            {"full", P::Bool, false, "stretch to the available width", {}},
            {"busy", P::Bool, false, "spinner, clicks ignored (e.g. \"${pending('login')}\")", {}}},
           {"press"}, false, false, true, R"({"button": "Save", "icon": "check", "press": "back"})", drawButton, measureButton});

    c.add({"icon_button", cat, "Round icon-only button with an optional badge.", "icon",
           {{"icon", P::Icon, "ellipsis-h", "icon name", {}},
            {"label", P::String, "", "tooltip, and the name tests click it by", {}},
            {"variant", P::Enum, "ghost", "ghost (no fill), filled (brand) or tonal (soft brand)", {"ghost", "filled", "tonal"}},
            PropDef{"badge", P::Any, nullptr, "number or text on a red pill at the corner; true for a dot", {}}.withShape(R"(3 or "New" or true)")},
           {"press"}, false, false, true, R"({"icon_button": "bell", "label": "Notifications", "badge": 3, "go": "inbox"})", drawIconButton, measureIconButton});

    c.add({"link", cat, "Inline text link.", "label",
           {{"label", P::String, "", "link text", {}},
            {"icon", P::Icon, "", "icon before the text", {}}},
           {"press"}, false, false, true, R"({"link": "Forgot password?", "go": "forgot"})", drawLink, measureLink});

    WidgetDef fab{"fab", cat, "Floating action button; put it last in the body.", "icon",
                  {{"icon", P::Icon, "plus", "icon name", {}},
                   {"label", P::String, "", "text for an extended FAB", {}}},
                  {"press"}, false, false, true, R"({"fab": "plus", "label": "New task", "go": "newTask"})", drawFab, measureFab};
    fab.floating = true;
    c.add(std::move(fab));
}

static const WidgetCatalog::Registrar kRegistrar(20, registerActionWidgets);

} // namespace pt
