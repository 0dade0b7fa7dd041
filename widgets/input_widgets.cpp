// Promptotype — input widgets: input, textarea, search, checkbox, switch, radio, select, slider,
// date, stepper, chips, segmented, rating.
//
// Every control reads its value from `bind` and writes it back with ui.setBound, which fires
// "change". Without a bind the runtime keeps the value per instance (Prototype::localValue), so an
// unbound control still responds visibly.
// Multi-option controls record one probe per option (label = option label) so the headless driver
// can click "Weekly" on a chip or a radio row.
//
// [SECTION] Values (options, current value, view state)
// [SECTION] Field chrome (label, frame, footer, text fields)
// [SECTION] Popups (option list, month calendar)
// [SECTION] Draw functions
// [SECTION] Measures (width ranges for the layout contract)
// [SECTION] Registration

#include "runtime/engine/ui.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/dates.h"
#include "widgets/draw.h"
#include <imgui_stdlib.h>
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace pt {

namespace {

using P = PropType;

//-----------------------------------------------------------------------------
// [SECTION] Values
//-----------------------------------------------------------------------------

struct Option {
    std::string label;  // shown, and what the driver clicks
    Json value;         // stored in the bound state
    std::string desc;   // secondary line (radio)
    std::string icon;   // optional icon (chips, segmented)
};

std::string field(const Json& o, const char* key)
{
    auto it = o.find(key);
    return it == o.end() ? std::string() : toDisplayString(*it);
}

// Options as written: ["A", "B"], [{"label", "value", "desc", "icon"}], or "A, B, C". At most 200.
std::vector<Option> parseOptions(const Json& v)
{
    std::vector<Option> out;
    if (v.is_string()) {
        std::string s = v.get<std::string>();
        size_t start = 0;
        while (start <= s.size() && out.size() < 200) {
            size_t end = s.find(',', start);
            std::string part = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
            part.erase(0, part.find_first_not_of(' '));
            part.erase(part.find_last_not_of(' ') + 1);
            if (!part.empty()) out.push_back({part, part, "", ""});
            if (end == std::string::npos) break;
            start = end + 1;
        }
        return out;
    }
    if (!v.is_array()) return out;
    for (const Json& o : v) {
        if (out.size() >= 200) break;
        if (o.is_object()) {
            Option opt;
            auto value = o.find("value");
            opt.label = field(o, "label");
            if (opt.label.empty()) opt.label = field(o, "name");
            if (opt.label.empty() && value != o.end()) opt.label = toDisplayString(*value);
            opt.value = value != o.end() ? *value : Json(opt.label);
            opt.desc = field(o, "desc");
            opt.icon = field(o, "icon");
            out.push_back(std::move(opt));
        } else if (!o.is_null()) {
            out.push_back({toDisplayString(o), o, "", ""});
        }
    }
    return out;
}

// Bound values drift between 2 and "2" through templates and text fields; compare as shown.
bool sameValue(const Json& a, const Json& b)
{
    if (a == b) return true;
    if (a.is_null() || b.is_null() || a.is_structured() || b.is_structured()) return false;
    return toDisplayString(a) == toDisplayString(b);
}

int findOption(const std::vector<Option>& opts, const Json& value)
{
    if (value.is_null()) return -1;  // unset: nothing chosen yet
    for (size_t i = 0; i < opts.size(); ++i)
        if (sameValue(opts[i].value, value)) return (int)i;
    return -1;
}

Json numberJson(double v)
{
    if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 9e15) return Json((long long)std::llround(v));
    return Json(v);
}

int decimalsFor(double step)
{
    for (int d = 0; d < 4; ++d) {
        double s = step * std::pow(10.0, d);
        if (std::fabs(s - std::round(s)) < 1e-6) return d;
    }
    return 4;
}

std::string formatNumber(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.*f", std::clamp(decimals, 0, 6), v);
    return buf;
}

// Per-widget view state (password shown, popup month) in ImGui's storage, keyed inside the node's ID scope.
struct ViewState {
    ImGuiStorage* st = ImGui::GetStateStorage();
    ImGuiID key;
    explicit ViewState(const char* name) : key(ImGui::GetID(name)) {}
    int get(int def) const { return st->GetInt(key, def); }
    void set(int v) { st->SetInt(key, v); }
};

// Numeric value of a control (numbers typed as text count), else `def`.
double numericValue(Ui& ui, const Node& n, double def)
{
    Json v = ui.value(n);
    double d = def;
    if (v.is_number()) {
        d = v.get<double>();
    } else if (v.is_string()) {
        char* end = nullptr;
        std::string s = v.get<std::string>();
        double parsed = std::strtod(s.c_str(), &end);
        if (end && end != s.c_str()) d = parsed;
    }
    return std::isfinite(d) ? d : def;
}

// Selected option index of a single-choice control, or -1.
int selectedIndex(Ui& ui, const Node& n, const std::vector<Option>& opts) { return findOption(opts, ui.value(n)); }

//-----------------------------------------------------------------------------
// [SECTION] Field chrome
//-----------------------------------------------------------------------------

// Label above, tight spacing inside, one ImGui group for the parent's layout. The label stays on one line within
// the field's width: a longer one ends in an ellipsis (the whole label on hover) instead of widening the field.
class FieldGroup {
public:
    FieldGroup(Ui& ui, const std::string& label, float width)
    {
        ImGui::BeginGroup();
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 6));
        if (!label.empty())
            ImGui::Dummy(ui.fitText(ImGui::GetCursorScreenPos(), label, TextStyle::Caption, draw::fade(ui.theme().c.textMuted), width));
    }
    ~FieldGroup()
    {
        ImGui::PopStyleVar();
        ImGui::EndGroup();
    }
    FieldGroup(const FieldGroup&) = delete;
    FieldGroup& operator=(const FieldGroup&) = delete;
};

// The validation message, or else the helper hint, under a field.
void fieldFooter(Ui& ui, const std::string& error, const std::string& hint)
{
    if (!error.empty()) ui.text(error, TextStyle::Caption, ui.theme().c.danger, -1.0f);
    else if (!hint.empty()) ui.text(hint, TextStyle::Caption, ui.theme().c.textMuted, -1.0f);
}

void fieldBg(ImDrawList* dl, const ImRect& r, const Theme& t, float rounding)
{
    dl->AddRectFilled(r.Min, r.Max, draw::fade(t.c.surfaceAlt), rounding);
}

// Hairline border; brand with a soft outer ring while focused/open; danger when invalid.
void fieldBorder(ImDrawList* dl, const ImRect& r, const Theme& t, float rounding, bool hovered, bool focused, bool error)
{
    ImU32 accent = error ? t.c.danger : t.c.brand;
    if (focused) dl->AddRect(r.Min - ImVec2(2, 2), r.Max + ImVec2(2, 2), draw::fade(withAlpha(accent, 0.2f)), rounding + 2, 0, 3.0f);
    ImU32 col = error || focused ? accent : hovered ? mixColor(t.c.border, t.c.textMuted, 0.4f) : t.c.border;
    dl->AddRect(r.Min, r.Max, draw::fade(col), rounding, 0, focused ? 1.5f : 1.0f);
}

// A clickable field that is not a text box (select, date): frame, text, trailing icon.
draw::Press fieldButton(Ui& ui, const Node& n, const char* id, float width, const std::string& text, bool isPlaceholder,
                        std::string_view trailingIcon, bool open, const std::string& probeLabel, bool error)
{
    const Theme& t = ui.theme();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImRect r(pos, pos + ImVec2(width, t.controlHeight));
    draw::Press p = draw::pressable(id, r.GetSize());
    ui.probe(n, probeLabel, true);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    fieldBg(dl, r, t, t.radiusSmall);
    float fs = ui.font(TextStyle::Body)->FontSize;
    ui.fitText(ImVec2(r.Min.x + 14, std::floor(r.GetCenter().y - fs * 0.5f)), text, TextStyle::Body, draw::fade(isPlaceholder ? t.c.textFaint : t.c.text),
               ImMax(1.0f, r.GetWidth() - 14 - 36));
    draw::iconAt(ui, ImVec2(r.Max.x - 20, r.GetCenter().y), 14, trailingIcon, t.c.textMuted);
    fieldBorder(dl, r, t, t.radiusSmall, p.hovered, open, error);
    return p;
}

struct TextFieldSpec {
    std::string hint;                 // placeholder
    std::string icon;                 // leading icon name
    std::string prefix, suffix;       // muted text inside the field
    std::string probe;                // label the driver types into
    ImGuiInputTextFlags flags = 0;
    bool multiline = false;
    bool number = false;              // store a number (null when empty)
    bool password = false;            // masked, with a show/hide toggle
    bool clearable = false;           // "x" button while not empty (search)
    bool pill = false;                // fully rounded ends (search)
    float height = 0;
};

// A themed text box on top of ImGui's InputText: our frame and decorations, ImGui's editing.
void textField(Ui& ui, const Node& n, const TextFieldSpec& s, float width, bool error)
{
    const Theme& t = ui.theme();
    std::string* buf = ui.editBuffer(n);
    if (!buf) return;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImRect r(pos, pos + ImVec2(width, s.height));
    float rounding = s.pill ? s.height * 0.5f : t.radiusSmall;
    float fs = ui.font(TextStyle::Body)->FontSize;
    float cy = s.multiline ? r.Min.y + 10 + fs * 0.5f : r.GetCenter().y;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    fieldBg(dl, r, t, rounding);

    // Decorations first, so the text box gets exactly the space left between them.
    float left = r.Min.x + (s.pill ? 16.0f : 14.0f), right = r.Max.x - (s.pill ? 16.0f : 14.0f);
    if (!s.icon.empty()) {
        draw::iconAt(ui, ImVec2(left + 7, cy), 15, s.icon, t.c.textMuted);
        left += 26;
    }
    // Prefix and suffix are short units ("$", "kg"): each gets at most a third of the field, a longer one is cut.
    const float affixW = std::max(1.0f, (right - left) / 3.0f);
    if (!s.prefix.empty())
        left += ui.fitText(ImVec2(left, std::floor(cy - fs * 0.5f)), s.prefix, TextStyle::Body, draw::fade(t.c.textMuted), affixW).x + 4;
    ViewState reveal("##reveal");
    bool showTrailingButton = s.password || (s.clearable && !buf->empty());
    ImRect trailing(ImVec2(right - 24, cy - 16), ImVec2(right + 8, cy + 16));
    if (showTrailingButton) right -= 34;
    if (!s.suffix.empty()) {
        const float w = std::min(ui.measure(s.suffix, TextStyle::Body).x, affixW);
        ui.fitText(ImVec2(std::floor(right - w), std::floor(cy - fs * 0.5f)), s.suffix, TextStyle::Body, draw::fade(t.c.textMuted), affixW);
        right -= w + 6;
    }

    ViewState focusNext("##focus");
    if (focusNext.get(0)) {  // a click on the frame's padding or icon last frame
        ImGui::SetKeyboardFocusHere();
        focusNext.set(0);
    }
    const float innerPad = 4;
    float frameW = std::max(10.0f, right - left + innerPad * 2);
    ImGui::SetCursorScreenPos(ImVec2(left - innerPad, s.multiline ? r.Min.y : r.Min.y));
    ImGui::PushFont(ui.font(TextStyle::Body));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(innerPad, s.multiline ? 10.0f : std::floor((s.height - fs) * 0.5f)));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    const ImU32 clear = IM_COL32(0, 0, 0, 0);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, clear);
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, clear);
    ImGui::PushStyleColor(ImGuiCol_FrameBgActive, clear);
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.text);
    ImGui::PushStyleColor(ImGuiCol_TextDisabled, t.c.textFaint);
    ImGuiInputTextFlags flags = s.flags;
    if (s.password && !reveal.get(0)) flags |= ImGuiInputTextFlags_Password;
    bool changed;
    if (s.multiline) {
        changed = ImGui::InputTextMultiline("##text", buf, ImVec2(frameW, s.height), flags);
    } else {
        ImGui::SetNextItemWidth(frameW);
        changed = ImGui::InputTextWithHint("##text", s.hint.c_str(), buf, flags);
    }
    ui.probe(n, s.probe, true);
    bool active = ImGui::IsItemActive();
    bool hovered = ImGui::IsItemHovered();
    bool submitted = ImGui::IsItemDeactivated() && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                                                    ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false));
    ImRect inputRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!(flags & ImGuiInputTextFlags_Password)) ui.noteText(*buf);  // the value on screen is visible text (a masked one is not)
    if (buf->empty() && !s.hint.empty()) ui.noteText(s.hint);        // and so is the placeholder an empty field shows
    ImGui::PopStyleColor(5);
    ImGui::PopStyleVar(3);
    ImGui::PopFont();
    if (s.multiline && buf->empty() && !active && !s.hint.empty()) {  // wrapped while it fits the box, else one cut line
        const ImVec2 hintPos(left, r.Min.y + 10);
        if (ui.measure(s.hint, TextStyle::Body, right - left).y <= s.height - 20) draw::text(ui, hintPos, s.hint, TextStyle::Body, t.c.textFaint, right - left);
        else ui.fitText(hintPos, s.hint, TextStyle::Body, draw::fade(t.c.textFaint), std::max(1.0f, right - left));
    }

    if (showTrailingButton) {
        bool revealed = reveal.get(0) != 0;
        draw::Press p = draw::pressAt("##trailing", trailing);
        ui.probe(n, s.password ? (revealed ? "Hide password" : "Show password") : "Clear", true);
        draw::iconAt(ui, trailing.GetCenter(), 15, s.password ? (revealed ? "eye-slash" : "eye") : "times-circle",
                     p.hovered ? t.c.text : t.c.textFaint);
        if (p.pressed && s.password) reveal.set(revealed ? 0 : 1);
        if (p.pressed && !s.password) { buf->clear(); changed = true; }
        hovered |= p.hovered;
    }
    if (!active && ImGui::IsMouseClicked(0) && ImGui::IsWindowHovered() && r.Contains(ImGui::GetMousePos()) &&
        !inputRect.Contains(ImGui::GetMousePos()) && !(showTrailingButton && trailing.Contains(ImGui::GetMousePos())))
        focusNext.set(1);
    hovered |= ImGui::IsWindowHovered() && r.Contains(ImGui::GetMousePos());
    fieldBorder(dl, r, t, rounding, hovered, active, error);

    if (changed) {
        if (!s.number) {
            ui.setBound(n, *buf);
        } else {
            char* end = nullptr;
            double v = std::strtod(buf->c_str(), &end);
            bool whole = !buf->empty() && end && *end == '\0';
            ui.setBound(n, buf->empty() ? Json(nullptr) : whole ? numberJson(v) : Json(*buf));
        }
    }
    if (submitted) ui.fire(n, "submit", *buf);
    ImGui::SetCursorScreenPos(pos);  // the text box sat inside the frame: reserve the whole frame
    ImGui::Dummy(r.GetSize());
}

//-----------------------------------------------------------------------------
// [SECTION] Popups
//-----------------------------------------------------------------------------

// Pushes the look of our popups (surface card, hairline border, roomy corners); pop with popPopupStyle.
void pushPopupStyle(const Theme& t)
{
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, t.radius);
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, t.c.surface);
    ImGui::PushStyleColor(ImGuiCol_Border, t.c.border);
}

void popPopupStyle()
{
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(4);
}

// Places a popup of `size` under the field (above when there is no room), with a shadow under it.
void placePopup(const Theme& t, const ImRect& fieldRect, ImVec2 size, const char* id)
{
    ImVec2 at(fieldRect.Min.x, fieldRect.Max.y + 6);
    if (at.y + size.y > ImGui::GetIO().DisplaySize.y - 8 && fieldRect.Min.y - 6 - size.y > 0) at.y = fieldRect.Min.y - 6 - size.y;
    ImGui::SetNextWindowPos(at);
    ImGui::SetNextWindowSize(size);
    if (ImGui::IsPopupOpen(id)) draw::shadow(ImGui::GetWindowDrawList(), ImRect(at, at + size), t.radius, 2.0f);
}

// The list under a select: one probed row per option; returns the clicked index or -1.
int optionList(Ui& ui, const Node& n, const std::vector<Option>& opts, int selected, const ImRect& fieldRect)
{
    const Theme& t = ui.theme();
    const float rowH = 40;
    float h = std::min(opts.size() * rowH + 12, 320.0f);
    placePopup(t, fieldRect, ImVec2(fieldRect.GetWidth(), std::max(h, rowH + 12)), "##options");
    pushPopupStyle(t);
    int clicked = -1;
    if (ImGui::BeginPopup("##options")) {
        float fs = ui.font(TextStyle::Body)->FontSize;
        for (size_t i = 0; i < opts.size(); ++i) {
            ImGui::PushID((int)i);
            ImVec2 pos = ImGui::GetCursorScreenPos();
            ImRect r(pos, pos + ImVec2(ImGui::GetContentRegionAvail().x, rowH));
            draw::Press p = draw::pressable("##option", r.GetSize());
            ui.probe(n, opts[i].label, true);
            bool sel = (int)i == selected;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            if (p.hovered || sel) dl->AddRectFilled(r.Min, r.Max, draw::fade(sel ? t.c.brandSoft : t.c.surfaceAlt), t.radiusSmall);
            draw::text(ui, ImVec2(r.Min.x + 12, std::floor(r.GetCenter().y - fs * 0.5f)), opts[i].label, sel ? TextStyle::Strong : TextStyle::Body,
                      sel ? t.c.brand : t.c.text);
            if (sel) draw::iconAt(ui, ImVec2(r.Max.x - 20, r.GetCenter().y), 14, "check", t.c.brand);
            if (p.pressed) {
                clicked = (int)i;
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
    popPopupStyle();
    return clicked;
}

// Dates are day numbers (dates.h); the bound value is the ISO date.
std::string isoOf(long days) { return formatIsoDate(days * kSecondsPerDay); }

// "Mon, May 4" (", 2027" added outside the current year).
std::string formatFriendly(long days, long today)
{
    const CivilDate c = civilFromDays(days);
    std::string s = std::string(weekdayName(weekday(days)).substr(0, 3)) + ", " + std::string(monthName(c.month).substr(0, 3)) + " " + std::to_string(c.day);
    if (c.year != civilFromDays(today).year) s += ", " + std::to_string(c.year);
    return s;
}

// Month grid popup; returns the picked day or LONG_MIN.
long calendarPopup(Ui& ui, const Node& n, const ImRect& fieldRect, long selected, long today, ViewState& month)
{
    const Theme& t = ui.theme();
    const float cell = 40, rowH = 38, headerH = 44, weekH = 26, pad = 8;
    int monthIndex = month.get(0);  // year * 12 + (month - 1)
    int y = monthIndex / 12, m = monthIndex % 12 + 1;
    long first = daysFromCivil(y, m, 1);
    int offset = weekdayMon0(first);
    int count = daysInMonth(y, m);
    int rows = (offset + count + 6) / 7;
    ImVec2 size(cell * 7 + pad * 2 + 12, headerH + weekH + rows * rowH + pad * 2 + 12);
    placePopup(t, fieldRect, size, "##calendar");
    pushPopupStyle(t);
    long picked = LONG_MIN;
    if (ImGui::BeginPopup("##calendar")) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 origin = ImGui::GetCursorScreenPos() + ImVec2(pad, pad);
        char title[64];
        std::snprintf(title, sizeof(title), "%s %d", std::string(monthName(m)).c_str(), y);
        float fs = ui.font(TextStyle::Strong)->FontSize;
        draw::text(ui, ImVec2(origin.x + 8, std::floor(origin.y + (headerH - fs) * 0.5f)), title, TextStyle::Strong, t.c.text);
        // Previous / next month.
        for (int dir = -1; dir <= 1; dir += 2) {
            ImVec2 c(origin.x + cell * 7 - (dir < 0 ? 52.0f : 16.0f), origin.y + headerH * 0.5f);
            ImRect br(c - ImVec2(16, 16), c + ImVec2(16, 16));
            draw::Press p = draw::pressAt(dir < 0 ? "##prev" : "##next", br);
            ui.probe(n, dir < 0 ? "Previous month" : "Next month", true);
            if (p.hovered) dl->AddCircleFilled(c, 16, draw::fade(t.c.surfaceAlt), 24);
            draw::iconAt(ui, c, 12, dir < 0 ? "chevron-left" : "chevron-right", t.c.textMuted);
            if (p.pressed) month.set(monthIndex + dir);
        }
        float wy = origin.y + headerH;
        for (int i = 0; i < 7; ++i) {
            std::string wd(weekdayName((i + 1) % 7).substr(0, 2));  // Monday first
            float w = ui.measure(wd, TextStyle::Small).x;
            draw::text(ui, ImVec2(std::floor(origin.x + cell * i + (cell - w) * 0.5f), wy + 4), wd, TextStyle::Small, t.c.textFaint);
        }
        float gy = wy + weekH;
        float dfs = ui.font(TextStyle::Body)->FontSize;
        for (int day = 1; day <= count; ++day) {
            int slot = offset + day - 1;
            ImVec2 c(origin.x + cell * (slot % 7) + cell * 0.5f, gy + rowH * (slot / 7) + rowH * 0.5f);
            long days = first + day - 1;
            ImGui::PushID(day);
            draw::Press p = draw::pressAt("##day", ImRect(c - ImVec2(cell, rowH) * 0.5f, c + ImVec2(cell, rowH) * 0.5f));
            ui.probe(n, isoOf(days), true);
            bool sel = days == selected, isToday = days == today;
            if (sel) dl->AddCircleFilled(c, 17, draw::fade(t.c.brand), 32);
            else if (p.hovered) dl->AddCircleFilled(c, 17, draw::fade(t.c.surfaceAlt), 32);
            if (isToday && !sel) dl->AddCircle(c, 17, draw::fade(t.c.brand), 32, 1.5f);
            std::string label = std::to_string(day);
            float w = ui.measure(label, TextStyle::Body).x;
            draw::text(ui, ImVec2(std::floor(c.x - w * 0.5f), std::floor(c.y - dfs * 0.5f)), label, sel || isToday ? TextStyle::Strong : TextStyle::Body,
                      sel ? t.c.onBrand : isToday ? t.c.brand : t.c.text);
            if (p.pressed) {
                picked = days;
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopID();
        }
        ImGui::Dummy(size - ImVec2(12, 12));
        ImGui::EndPopup();
    }
    popPopupStyle();
    return picked;
}

//-----------------------------------------------------------------------------
// [SECTION] Draw functions
//-----------------------------------------------------------------------------

void drawInput(Ui& ui, const Node& n)
{
    std::string label = ui.str(n, "label");
    std::string kind = ui.str(n, "kind");
    std::string error = ui.fieldError(n);
    float width = ui.itemWidth(n);
    TextFieldSpec s;
    s.hint = ui.str(n, "placeholder");
    s.icon = ui.str(n, "icon");
    s.prefix = ui.str(n, "prefix");
    s.suffix = ui.str(n, "suffix");
    s.probe = label.empty() ? s.hint : label;
    s.height = ui.theme().controlHeight;
    s.password = kind == "password";
    s.number = kind == "number";
    if (s.number) s.flags |= ImGuiInputTextFlags_CharsDecimal;
    if (kind == "email") s.flags |= ImGuiInputTextFlags_CharsNoBlank;
    FieldGroup group(ui, label, width);
    textField(ui, n, s, width, !error.empty());
    fieldFooter(ui, error, ui.str(n, "hint"));
}

void drawTextarea(Ui& ui, const Node& n)
{
    std::string label = ui.str(n, "label");
    std::string error = ui.fieldError(n);
    float width = ui.itemWidth(n);
    int rows = ui.integer(n, "rows", 1, 40);
    TextFieldSpec s;
    s.hint = ui.str(n, "placeholder");
    s.probe = label.empty() ? s.hint : label;
    s.multiline = true;
    s.height = std::round(ui.font(TextStyle::Body)->FontSize * rows + 20);
    FieldGroup group(ui, label, width);
    textField(ui, n, s, width, !error.empty());
    fieldFooter(ui, error, ui.str(n, "hint"));
}

void drawSearch(Ui& ui, const Node& n)
{
    float width = ui.itemWidth(n);
    TextFieldSpec s;
    s.hint = ui.str(n, "placeholder");
    s.icon = "search";
    s.probe = s.hint;
    s.clearable = true;
    s.pill = true;
    s.height = ui.theme().controlHeight;
    textField(ui, n, s, width, false);
}

// Checkbox and switch share the row: whole row clickable, label + optional description.
void drawToggleRow(Ui& ui, const Node& n, bool isSwitch)
{
    const Theme& t = ui.theme();
    const std::string& label = ui.str(n, "label");
    const std::string& desc = ui.str(n, "desc");
    bool on = truthy(ui.value(n));
    float width = ui.itemWidth(n);
    const ImVec2 control = isSwitch ? ImVec2(50, 30) : ImVec2(22, 22);
    const float gap = 12, padY = 6;
    float textW = std::max(1.0f, width - control.x - gap);
    ImVec2 labelSize = draw::textBlockSize(ui, label, TextStyle::Body, textW);
    ImVec2 descSize = desc.empty() ? ImVec2(0, 0) : draw::textBlockSize(ui, desc, TextStyle::Caption, textW);
    float textH = labelSize.y + (desc.empty() ? 0.0f : 2 + descSize.y);
    float rowH = std::max(control.y, textH) + padY * 2;

    ImVec2 pos = ImGui::GetCursorScreenPos();
    draw::Press p = draw::pressable("##toggle", ImVec2(width, rowH));
    ui.probe(n, label, true);
    if (p.pressed) {
        on = !on;
        ui.setBound(n, on);
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    float textX = isSwitch ? pos.x : pos.x + control.x + gap;
    float textY = pos.y + padY + std::max(0.0f, (control.y - textH) * 0.5f);
    if (isSwitch) {
        ImVec2 c0(pos.x + width - control.x, pos.y + (rowH - control.y) * 0.5f);
        draw::toggle(dl, ImRect(c0, c0 + control), on, p.hovered, t);
    } else {
        // The box lines up with the label's first line.
        float lineMid = textY + ui.font(TextStyle::Body)->FontSize * 0.5f;
        ImRect box(ImVec2(pos.x, lineMid - control.y * 0.5f), ImVec2(pos.x + control.x, lineMid + control.y * 0.5f));
        if (on) {
            dl->AddRectFilled(box.Min, box.Max, draw::fade(p.hovered ? t.c.brandHover : t.c.brand), 6);
            draw::checkMark(dl, box.GetCenter(), control.x * 0.8f, t.c.onBrand);
        } else {
            dl->AddRectFilled(box.Min, box.Max, draw::fade(t.c.surface), 6);
            dl->AddRect(box.Min, box.Max, draw::fade(p.hovered ? t.c.brand : mixColor(t.c.border, t.c.textFaint, 0.5f)), 6, 0, 1.5f);
        }
    }
    draw::textBlock(ui, ImVec2(textX, textY), label, TextStyle::Body, t.c.text, textW);
    if (!desc.empty()) draw::textBlock(ui, ImVec2(textX, textY + labelSize.y + 2), desc, TextStyle::Caption, t.c.textMuted, textW);
}

void drawCheckbox(Ui& ui, const Node& n) { drawToggleRow(ui, n, false); }
void drawSwitch(Ui& ui, const Node& n) { drawToggleRow(ui, n, true); }

void drawRadio(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    std::vector<Option> opts = parseOptions(ui.prop(n, "options"));
    int selected = selectedIndex(ui, n, opts);
    float width = ui.itemWidth(n);
    FieldGroup group(ui, ui.str(n, "label"), width);
    const float ring = 20, gap = 12, padY = 8;
    float textW = std::max(1.0f, width - ring - gap);
    for (size_t i = 0; i < opts.size(); ++i) {
        const Option& o = opts[i];
        ImVec2 labelSize = draw::textBlockSize(ui, o.label, TextStyle::Body, textW);
        ImVec2 descSize = o.desc.empty() ? ImVec2(0, 0) : draw::textBlockSize(ui, o.desc, TextStyle::Caption, textW);
        float textH = labelSize.y + (o.desc.empty() ? 0.0f : 2 + descSize.y);
        float rowH = std::max(ring, textH) + padY * 2;
        ImGui::PushID((int)i);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        draw::Press p = draw::pressable("##radio", ImVec2(width, rowH));
        ui.probe(n, o.label, true);
        if (p.pressed && selected != (int)i) {
            selected = (int)i;
            ui.setBound(n, opts[selected].value);
        }
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float lineMid = pos.y + padY + ui.font(TextStyle::Body)->FontSize * 0.5f;
        ImVec2 c(pos.x + ring * 0.5f, lineMid);
        bool sel = selected == (int)i;
        dl->AddCircleFilled(c, ring * 0.5f, draw::fade(t.c.surface), 24);
        dl->AddCircle(c, ring * 0.5f - 0.75f, draw::fade(sel || p.hovered ? t.c.brand : mixColor(t.c.border, t.c.textFaint, 0.5f)), 24, sel ? 2.0f : 1.5f);
        if (sel) dl->AddCircleFilled(c, 5, draw::fade(t.c.brand), 16);
        draw::textBlock(ui, ImVec2(pos.x + ring + gap, pos.y + padY), o.label, TextStyle::Body, t.c.text, textW);
        if (!o.desc.empty()) draw::textBlock(ui, ImVec2(pos.x + ring + gap, pos.y + padY + labelSize.y + 2), o.desc, TextStyle::Caption, t.c.textMuted, textW);
        ImGui::PopID();
    }
    fieldFooter(ui, ui.fieldError(n), "");
}

void drawSelect(Ui& ui, const Node& n)
{
    std::vector<Option> opts = parseOptions(ui.prop(n, "options"));
    int selected = selectedIndex(ui, n, opts);
    std::string label = ui.str(n, "label");
    std::string placeholder = ui.str(n, "placeholder");
    std::string error = ui.fieldError(n);
    float width = ui.itemWidth(n);
    FieldGroup group(ui, label, width);
    bool open = ImGui::IsPopupOpen("##options");
    bool has = selected >= 0;
    draw::Press p = fieldButton(ui, n, "##select", width, has ? opts[selected].label : placeholder, !has,
                                open ? "chevron-up" : "chevron-down", open, label.empty() ? placeholder : label, !error.empty());
    ImRect fieldRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (p.pressed) ImGui::OpenPopup("##options");
    int clicked = optionList(ui, n, opts, selected, fieldRect);
    if (clicked >= 0 && clicked != selected) ui.setBound(n, opts[clicked].value);
    fieldFooter(ui, error, "");
}

void drawDate(Ui& ui, const Node& n)
{
    std::string label = ui.str(n, "label");
    std::string placeholder = ui.str(n, "placeholder");
    std::string error = ui.fieldError(n);
    float width = ui.itemWidth(n);
    ViewState month("##month");
    long today = dayOf(ui.now());
    long selected = LONG_MIN;
    double secs;
    Json v = ui.value(n);
    if (v.is_string() && parseDateTime(v.get<std::string>(), &secs)) selected = dayOf(secs);
    FieldGroup group(ui, label, width);
    bool open = ImGui::IsPopupOpen("##calendar");
    bool has = selected != LONG_MIN;
    draw::Press p = fieldButton(ui, n, "##date", width, has ? formatFriendly(selected, today) : placeholder, !has, "calendar",
                                open, label.empty() ? placeholder : label, !error.empty());
    ImRect fieldRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (p.pressed) {
        const CivilDate c = civilFromDays(has ? selected : today);
        month.set((int)(c.year * 12 + c.month - 1));
        ImGui::OpenPopup("##calendar");
    }
    long picked = calendarPopup(ui, n, fieldRect, selected, today, month);
    if (picked != LONG_MIN) ui.setBound(n, isoOf(picked));
    fieldFooter(ui, error, "");
}

void drawSlider(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    std::string label = ui.str(n, "label");
    double lo = ui.num(n, "min"), hi = ui.num(n, "max"), step = ui.num(n, "step");
    if (!(hi > lo)) hi = lo + 1;
    if (!(step > 0)) step = 0;
    double value = std::clamp(numericValue(ui, n, lo), lo, hi);
    float width = ui.itemWidth(n);
    const float knob = 22, trackH = 6, areaH = 30;

    ImGui::BeginGroup();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float fs = ui.font(TextStyle::Body)->FontSize;
    ImGui::Dummy(ImVec2(width, fs));
    ImVec2 areaPos = ImGui::GetCursorScreenPos() - ImVec2(0, ImGui::GetStyle().ItemSpacing.y - 4);
    ImGui::SetCursorScreenPos(areaPos);
    ImRect area(areaPos, areaPos + ImVec2(width, areaH));
    draw::Press p = draw::pressable("##slider", area.GetSize());
    ui.probe(n, label, true);
    float x0 = area.Min.x + knob * 0.5f, x1 = area.Max.x - knob * 0.5f;
    if (p.held && x1 > x0) {
        double f = std::clamp((ImGui::GetMousePos().x - x0) / (x1 - x0), 0.0f, 1.0f);
        double v = lo + f * (hi - lo);
        if (step > 0) v = std::clamp(lo + std::round((v - lo) / step) * step, lo, hi);
        if (std::fabs(v - value) > 1e-9) {
            value = v;
            ui.setBound(n, numberJson(v));
        }
    }
    ImGui::EndGroup();

    // Label left, value right, then the track.
    std::string shown = formatNumber(value, step > 0 ? decimalsFor(step) : 1);
    std::string format = ui.str(n, "format");
    if (!format.empty()) {
        for (const char* token : { "{value}", "{}" })
            if (size_t at = format.find(token); at != std::string::npos) { format.replace(at, std::strlen(token), shown); break; }
        shown = format;
    } else {
        shown = ui.str(n, "prefix") + shown + ui.str(n, "suffix");
    }
    // The value keeps its natural width while the label fits beside it, and at least half the line otherwise.
    const float gap = 12, labelW = label.empty() ? 0.0f : ui.measure(label, TextStyle::Body).x + gap;
    const float vw = std::min(ui.measure(shown, TextStyle::Strong).x, std::max(width * 0.5f, width - labelW));
    if (!label.empty()) ui.fitText(pos, label, TextStyle::Body, draw::fade(t.c.text), std::max(1.0f, width - vw - gap));
    ui.fitText(ImVec2(std::floor(pos.x + width - vw), pos.y), shown, TextStyle::Strong, draw::fade(t.c.brand), vw);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float f = (float)((value - lo) / (hi - lo));
    float cy = area.GetCenter().y;
    float kx = x0 + (x1 - x0) * f;
    dl->AddRectFilled(ImVec2(x0 - trackH * 0.5f, cy - trackH * 0.5f), ImVec2(x1 + trackH * 0.5f, cy + trackH * 0.5f), draw::fade(t.c.surfaceAlt), trackH);
    dl->AddRectFilled(ImVec2(x0 - trackH * 0.5f, cy - trackH * 0.5f), ImVec2(kx, cy + trackH * 0.5f), draw::fade(t.c.brand), trackH);
    if (p.held || p.hovered) dl->AddCircleFilled(ImVec2(kx, cy), knob * 0.5f + 5, draw::fade(withAlpha(t.c.brand, 0.15f)), 32);
    dl->AddCircleFilled(ImVec2(kx, cy + 1), knob * 0.5f + 0.5f, draw::fade(IM_COL32(16, 24, 40, 45)), 32);
    dl->AddCircleFilled(ImVec2(kx, cy), knob * 0.5f, draw::fade(IM_COL32(255, 255, 255, 255)), 32);
    dl->AddCircle(ImVec2(kx, cy), knob * 0.5f - 1, draw::fade(t.c.brand), 32, 2.0f);
}

constexpr float kStepperButton = 34, kStepperValue = 48;  // a stepper's round - and + buttons, and the value between them

// What a stepper's controls take on the right, with the gap before its label.
float stepperControlsWidth() { return kStepperButton * 2 + kStepperValue + 12; }

void drawStepper(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    std::string label = ui.str(n, "label");
    double lo = ui.num(n, "min"), hi = ui.num(n, "max"), step = ui.num(n, "step");
    if (hi < lo) hi = lo;
    if (!(step > 0)) step = 1;
    double value = std::clamp(numericValue(ui, n, lo), lo, hi);
    float width = ui.itemWidth(n);
    // Narrower than its controls (a small `w`), the buttons and the value shrink to fit; the label goes above them
    // when it would not keep about 8 characters beside them.
    const float btn = std::min(kStepperButton, std::floor(width / 3.4f)), valueW = std::min(kStepperValue, width - btn * 2), rowH = 40;
    const float labelRoom = width - btn * 2 - valueW - 12;
    const bool labelAbove = !label.empty() && labelRoom < ui.textWidths(label, TextStyle::Body).min;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float fs = ui.font(TextStyle::Body)->FontSize;
    const float top = labelAbove ? fs + 4 : 0.0f;
    float cy = pos.y + top + rowH * 0.5f;
    if (labelAbove) ui.fitText(pos, label, TextStyle::Body, draw::fade(t.c.text), width);
    else if (!label.empty()) ui.fitText(ImVec2(pos.x, std::floor(cy - fs * 0.5f)), label, TextStyle::Body, draw::fade(t.c.text), labelRoom);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float right = pos.x + width;
    for (int dir = -1; dir <= 1; dir += 2) {
        ImVec2 c(dir < 0 ? right - btn * 1.5f - valueW : right - btn * 0.5f, cy);
        bool can = dir < 0 ? value > lo + 1e-9 : value < hi - 1e-9;
        draw::Press p = draw::pressAt(dir < 0 ? "##dec" : "##inc", ImRect(c - ImVec2(btn, btn) * 0.5f, c + ImVec2(btn, btn) * 0.5f));
        ui.probe(n, dir < 0 ? "-" : "+", true);
        if (p.pressed && can) {
            value = std::clamp(value + dir * step, lo, hi);
            ui.setBound(n, numberJson(value));
        }
        ImU32 ink = can ? t.c.text : t.c.textFaint;
        dl->AddCircleFilled(c, btn * 0.5f, draw::fade(can && p.hovered ? t.c.surfaceAlt : t.c.surface), 32);
        dl->AddCircle(c, btn * 0.5f - 0.5f, draw::fade(t.c.border), 32, 1.0f);
        draw::iconAt(ui, c, 12, dir < 0 ? "minus" : "plus", ink);
    }
    // A long number steps down the type scale between the buttons before it is cut.
    std::string shown = formatNumber(value, decimalsFor(step));
    const float room = std::max(1.0f, valueW - 4);
    const TextStyle style = ui.shrinkToFit(shown, TextStyle::Strong, room, TextStyle::Small);
    const float w = std::min(ui.measure(shown, style).x, room), vfs = ui.font(style)->FontSize;
    ui.fitText(ImVec2(std::floor(right - btn - valueW * 0.5f - w * 0.5f), std::floor(cy - vfs * 0.5f)), shown, style, draw::fade(t.c.text), room);
    ImGui::Dummy(ImVec2(width, top + rowH));
}

void drawChips(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    std::vector<Option> opts = parseOptions(ui.prop(n, "options"));
    bool multi = ui.flag(n, "multi");
    // Selection flags per option: the value is an array (multi) or a single value.
    Json value = ui.value(n);
    std::vector<bool> sel(opts.size(), false);
    for (size_t i = 0; i < opts.size(); ++i) {
        if (value.is_array()) { for (const Json& e : value) if (sameValue(e, opts[i].value)) sel[i] = true; }
        else sel[i] = sameValue(value, opts[i].value);
    }

    float width = ui.itemWidth(n);
    const float h = 34, padX = 14, gap = 8;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float x = 0, y = 0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    int clicked = -1;
    for (size_t i = 0; i < opts.size(); ++i) {
        std::string_view icon = sel[i] && multi ? std::string_view("check") : std::string_view(opts[i].icon);
        ImVec2 content = draw::iconLabelSize(ui, icon, opts[i].label, TextStyle::Body);
        float w = std::min(width, std::ceil(content.x) + padX * 2);
        if (x > 0 && x + w > width) { x = 0; y += h + gap; }
        ImRect r(origin + ImVec2(x, y), origin + ImVec2(x + w, y + h));
        ImGui::PushID((int)i);
        draw::Press p = draw::pressAt("##chip", r);
        ui.probe(n, opts[i].label, true);
        ImGui::PopID();
        if (p.pressed) clicked = (int)i;
        ImU32 fill = sel[i] ? t.c.brandSoft : p.hovered ? t.c.surfaceAlt : t.c.surface;
        dl->AddRectFilled(r.Min, r.Max, draw::fade(fill), h * 0.5f);
        dl->AddRect(r.Min, r.Max, draw::fade(sel[i] ? withAlpha(t.c.brand, 0.45f) : t.c.border), h * 0.5f, 0, 1.0f);
        ImGui::PushClipRect(r.Min, r.Max, true);
        draw::iconLabel(ui, r, icon, opts[i].label, TextStyle::Body, sel[i] ? t.c.brand : t.c.text);
        ImGui::PopClipRect();
        x += w + gap;
    }
    ImGui::Dummy(ImVec2(width, opts.empty() ? 0.0f : y + h));
    if (clicked < 0) return;
    if (multi) {
        sel[clicked] = !sel[clicked];
        Json arr = Json::array();
        for (size_t i = 0; i < opts.size(); ++i)
            if (sel[i]) arr.push_back(opts[i].value);
        ui.setBound(n, arr);
    } else if (!sel[clicked]) {
        ui.setBound(n, opts[clicked].value);
    }
}

// A segment's width range: its widest option whole, and narrowed, about 4 characters of each label beside its icon.
WidthRange segmentWidths(Ui& ui, const std::vector<Option>& opts)
{
    const float fs = ui.font(TextStyle::Strong)->FontSize, shortLabel = ui.minTextWidth(TextStyle::Body) * 0.5f;
    WidthRange r;
    for (const Option& o : opts) {
        const float whole = draw::iconLabelSize(ui, o.icon, o.label, TextStyle::Strong).x + 24.0f;
        r.pref = std::max(r.pref, whole);
        r.min = std::max(r.min, std::min(whole, (o.icon.empty() ? 0.0f : fs + 8.0f) + shortLabel + 24.0f));
    }
    return r;
}

// Equal segments on one line while each keeps about 4 characters; more options than fit continue on further lines of
// the same track, each line's segments sharing its width.
void drawSegmented(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    std::vector<Option> opts = parseOptions(ui.prop(n, "options"));
    int selected = selectedIndex(ui, n, opts);
    float width = ui.itemWidth(n);
    FieldGroup group(ui, ui.str(n, "label"), width);
    const float h = std::max(34.0f, t.controlHeight - 4), inset = 3, lineH = h - inset * 2;
    const int count = (int)opts.size();
    const int perLine = std::clamp((int)((width - inset * 2) / std::max(1.0f, segmentWidths(ui, opts).min)), 1, std::max(1, count));
    const int lines = std::max(1, (count + perLine - 1) / perLine);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImRect track(pos, pos + ImVec2(width, lineH * lines + inset * 2));
    ImGui::Dummy(track.GetSize());
    if (opts.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(track.Min, track.Max, draw::fade(t.c.surfaceAlt), t.radiusSmall);
    for (int i = 0; i < count; ++i) {
        const int line = i / perLine, col = i % perLine, onLine = std::min(perLine, count - line * perLine);
        const float segW = (width - inset * 2) / onLine, y = track.Min.y + inset + lineH * line;
        ImRect r(ImVec2(track.Min.x + inset + segW * col, y), ImVec2(track.Min.x + inset + segW * (col + 1), y + lineH));
        ImGui::PushID(i);
        draw::Press p = draw::pressAt("##segment", r);
        ui.probe(n, opts[i].label, true);
        ImGui::PopID();
        if (p.pressed && selected != i) {
            selected = i;
            ui.setBound(n, opts[selected].value);
        }
        bool sel = selected == i;
        if (sel) {
            draw::shadow(dl, r, t.radiusSmall - inset, 0.6f);
            dl->AddRectFilled(r.Min, r.Max, draw::fade(t.dark ? mixColor(t.c.surfaceAlt, IM_COL32(255, 255, 255, 255), 0.1f) : t.c.surface), std::max(2.0f, t.radiusSmall - inset));
        } else if (col > 0 && selected != i - 1) {  // hairline between two unselected segments
            dl->AddLine(ImVec2(r.Min.x, r.Min.y + 8), ImVec2(r.Min.x, r.Max.y - 8), draw::fade(t.c.border), 1.0f);
        }
        ImGui::PushClipRect(r.Min, r.Max, true);
        draw::iconLabel(ui, r, opts[i].icon, opts[i].label, sel ? TextStyle::Strong : TextStyle::Body, sel || p.hovered ? t.c.text : t.c.textMuted);
        ImGui::PopClipRect();
    }
}

void drawRating(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    int max = ui.integer(n, "max", 1, 10);
    bool readonly = ui.flag(n, "readonly");
    // Stars shrink to fit the width offered (a star and its gap take 1.18 sizes).
    float size = std::min(std::clamp((float)ui.num(n, "size"), 10.0f, 64.0f), std::floor(ui.availWidth() / (max * 1.18f - 0.18f)));
    double value = std::clamp(numericValue(ui, n, 0), 0.0, (double)max);
    const float gap = std::round(size * 0.18f);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(max * size + (max - 1) * gap, size));
    int hover = -1;
    std::vector<ImRect> stars;
    for (int i = 0; i < max; ++i) stars.emplace_back(pos + ImVec2(i * (size + gap), 0), pos + ImVec2(i * (size + gap) + size, size));
    if (!readonly) {
        for (int i = 0; i < max; ++i) {
            ImGui::PushID(i);
            draw::Press p = draw::pressAt("##star", stars[i]);
            ui.probe(n, std::to_string(i + 1) + (i == 0 ? " star" : " stars"), true);
            ImGui::PopID();
            if (p.hovered) hover = i;
            if (p.pressed) {
                value = i + 1;
                ui.setBound(n, numberJson(value));
            }
        }
    } else {
        ui.probe(n, formatNumber(value, value == std::floor(value) ? 0 : 1) + " of " + std::to_string(max), false);
    }
    ImU32 gold = IM_COL32(245, 158, 11, 255);
    for (int i = 0; i < max; ++i) {
        double shown = hover >= 0 ? hover + 1 : value;
        const char* icon = shown >= i + 1 ? "star" : shown >= i + 0.5 ? "star-half-o" : "star-o";
        bool filled = shown >= i + 0.5;
        draw::iconAt(ui, stars[i].GetCenter(), size * 0.9f, icon, filled ? (hover >= 0 ? mixColor(gold, t.c.surface, 0.2f) : gold) : t.c.textFaint);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Measures (width ranges for the layout contract)
//-----------------------------------------------------------------------------
// Fields, toggles and sliders keep the catalog's default (at least 120 px, as wide as offered).

// Chips wrap: the widest chip is the minimum, all of them on one line the preference.
WidthRange measureChips(Ui& ui, const Node& n)
{
    WidthRange r;
    const bool multi = ui.flag(n, "multi");
    int count = 0;
    for (const Option& o : parseOptions(ui.prop(n, "options"))) {
        const float w = std::ceil(draw::iconLabelSize(ui, multi ? std::string_view("check") : std::string_view(o.icon), o.label, TextStyle::Body).x) + 28.0f;
        r.min = std::max(r.min, w);
        r.pref += w + (count++ ? 8.0f : 0.0f);
    }
    return { std::min(r.min, ui.minTextWidth(TextStyle::Body) + 28.0f), r.pref };
}

// Equal segments: each as wide as the widest label; narrowed, labels are cut but keep about 4 characters.
WidthRange measureSegmented(Ui& ui, const Node& n)
{
    const std::vector<Option> opts = parseOptions(ui.prop(n, "options"));
    const WidthRange segment = segmentWidths(ui, opts);
    const float count = (float)std::max<size_t>(1, opts.size());
    return { count * segment.min + 6.0f, count * segment.pref + 6.0f };
}

// The buttons and value, and the label beside them down to about 8 characters; as wide as offered.
WidthRange measureStepper(Ui& ui, const Node& n)
{
    const std::string& label = ui.str(n, "label");
    return { stepperControlsWidth() + (label.empty() ? 0.0f : ui.textWidths(label, TextStyle::Body).min), kFillWidth };
}

WidthRange measureRating(Ui& ui, const Node& n)
{
    const int max = ui.integer(n, "max", 1, 10);
    const float size = std::clamp((float)ui.num(n, "size"), 10.0f, 64.0f);
    const float w = max * size + (max - 1) * std::round(size * 0.18f);
    return { w, w };
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Registration
//-----------------------------------------------------------------------------

static void registerInputWidgets(WidgetCatalog& c)
{
    const char* cat = "Inputs";
    const PropDef options = PropDef{"options", P::Array, Json::array(), "choices: texts, or {label, value, desc, icon} objects whose value is stored; each is clicked by its label", {}}.withShape(R"(["A", "B"] or [{"label", "value"}])");

    c.add({"input", cat, "Text field: label above, hint or error below.", "label",
           {{"label", P::String, "", "label above the field (also what tests type into)", {}},
            {"placeholder", P::String, "", "greyed text while empty", {}},
            {"kind", P::Enum, "text", "keyboard and storage: number stores a number; password is masked with a show toggle", {"text", "password", "email", "number", "phone"}},
            {"icon", P::Icon, "", "icon inside the field, on the left", {}},
            {"hint", P::String, "", "helper text under the field", {}},
            {"prefix", P::String, "", "muted text before the value (e.g. \"$\")", {}},
            {"suffix", P::String, "", "muted text after the value (e.g. \"kg\")", {}}},
           {"change", "submit"}, false, true, true, R"({"input": "Email", "kind": "email", "icon": "envelope", "bind": "form.email"})", drawInput, nullptr});

    c.add({"textarea", cat, "A multi-line text field.", "label",
           {{"label", P::String, "", "label above the field", {}},
            {"placeholder", P::String, "", "greyed text while empty", {}},
            {"rows", P::Number, 4, "visible lines", {}},
            {"hint", P::String, "", "helper text under the field", {}}},
           {"change"}, false, true, true, R"({"textarea": "Notes", "placeholder": "Anything we should know?", "bind": "form.notes"})", drawTextarea, nullptr});

    c.add({"search", cat, "Search field with a clear button.", "placeholder",
           {{"placeholder", P::String, "Search", "greyed text while empty (also what tests type into)", {}}},
           {"change", "submit"}, false, true, true, R"({"search": "Search recipes", "bind": "query"})", drawSearch, nullptr});

    c.add({"checkbox", cat, "A checkbox row.", "label",
           {{"label", P::String, "", "text next to the box", {}},
            {"desc", P::String, "", "muted second line", {}}},
           {"change"}, false, true, true, R"({"checkbox": "I agree to the Terms", "bind": "form.terms"})", drawCheckbox, nullptr});

    c.add({"switch", cat, "Settings row with an on/off switch.", "label",
           {{"label", P::String, "", "setting name", {}},
            {"desc", P::String, "", "muted second line", {}}},
           {"change"}, false, true, true, R"({"switch": "Daily reminder", "desc": "Every morning at 8:00", "bind": "settings.remind"})", drawSwitch, nullptr});

    c.add({"radio", cat, "Single choice from a short list of rows.", "label",
           {{"label", P::String, "", "group label above the options", {}},
            options},
           {"change"}, false, true, true, R"({"radio": "Delivery", "options": [{"label": "Standard", "value": "std", "desc": "3-5 days"}, {"label": "Express", "value": "exp", "desc": "Tomorrow"}], "bind": "order.delivery"})", drawRadio, nullptr});

    c.add({"select", cat, "Dropdown field with a list of options.", "label",
           {{"label", P::String, "", "label above the field", {}},
            options,
            {"placeholder", P::String, "Select…", "shown while nothing is chosen", {}}},
           {"change"}, false, true, true, R"({"select": "Country", "options": ["France", "Germany", "Spain"], "bind": "form.country"})", drawSelect, nullptr});

    c.add({"slider", cat, "Horizontal slider showing its value.", "label",
           {{"label", P::String, "", "label on the left", {}},
            {"min", P::Number, 0, "lowest value", {}},
            {"max", P::Number, 100, "highest value", {}},
            {"step", P::Number, 1, "snap increment (0: continuous)", {}},
            {"prefix", P::String, "", "text before the shown value (e.g. \"$\")", {}},
            {"suffix", P::String, "", "text after the shown value (e.g. \" km\")", {}},
            {"format", P::String, "", "display pattern with {value}, e.g. \"{value} min\" (overrides prefix/suffix)", {}}},
           {"change"}, false, true, true, R"({"slider": "Budget", "min": 0, "max": 500, "step": 10, "prefix": "$", "bind": "budget"})", drawSlider, nullptr});

    c.add({"date", cat, "Date field with a month calendar; the value is \"YYYY-MM-DD\".", "label",
           {{"label", P::String, "", "label above the field; the calendar's days are clicked by ISO date", {}},
            {"placeholder", P::String, "Pick a date", "shown while no date is chosen", {}}},
           {"change"}, false, true, true, R"({"date": "Check-in", "bind": "trip.from"})", drawDate, nullptr});

    c.add({"stepper", cat, "A number with - and + buttons.", "label",
           {{"label", P::String, "", "label on the left; its buttons are clicked as \"-\" and \"+\"", {}},
            {"min", P::Number, 0, "lowest value", {}},
            {"max", P::Number, 99, "highest value", {}},
            {"step", P::Number, 1, "increment", {}}},
           {"change"}, false, true, true, R"({"stepper": "Guests", "min": 1, "max": 8, "bind": "booking.guests"})", drawStepper, measureStepper});

    c.add({"chips", cat, "Pill toggles; one choice, or several with `multi` (value is an array).", "options",
           {options,
            {"multi", P::Bool, false, "allow several; the bound value is an array", {}}},
           {"change"}, false, true, true, R"({"chips": ["Daily", "Weekly", "Monthly"], "bind": "habit.freq"})", drawChips, measureChips});

    c.add({"segmented", cat, "Segmented control: equal-width choices in a track.", "options",
           {options,
            {"label", P::String, "", "label above the track", {}}},
           {"change"}, false, true, true, R"({"segmented": ["Day", "Week", "Month"], "bind": "range"})", drawSegmented, measureSegmented});

    c.add({"rating", cat, "Stars; click one to rate.", "max",
           {{"max", P::Number, 5, "number of stars (clicked as \"1 star\", \"2 stars\", ...)", {}},
            {"readonly", P::Bool, false, "display only (half stars shown for .5 values)", {}},
            {"size", P::Number, 28, "star size in px", {}}},
           {"change"}, false, true, true, R"({"rating": 5, "bind": "review.stars"})", drawRating, measureRating});
}

static const WidgetCatalog::Registrar kRegistrar(30, registerInputWidgets);

} // namespace pt
