// Promptotype — timer: a clock face bound to a number of seconds that counts down (or up) while `running` is true
// (chess clocks, pomodoro and workout timers, speech timers, quiz rounds). Time comes from the frame's delta, so a
// headless test advances it exactly and a meeting sees it move; tapping the face fires `press` (a chess player
// ending a turn), reaching zero fires `done` once, and with `every` it fires `tick` each that many seconds (a game loop).
//
// Index of this file:
// [SECTION] Time text
// [SECTION] Drawing
// [SECTION] Registration

#include <imgui.h>
#include <imgui_internal.h>

#include "runtime/engine/ui.h"
#include "runtime/spec/catalog.h"
#include "widgets/draw.h"
#include "widgets/registration.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace pt {
namespace {

constexpr double kLongestTick = 0.25;   // a stalled frame (a window drag, a breakpoint) moves the clock at most this
constexpr double kLongestTime = 999 * 86400.0 - 1; // 998d 23:59:59: what the face can show (a countdown to a launch)

//-----------------------------------------------------------------------------
// [SECTION] Time text
//-----------------------------------------------------------------------------

// "4:05", "25:00", "1:02:03", "12d 05:30:00". A countdown shows whole seconds rounded up, so it reads 0:00 only when
// it is over.
std::string clockText(double seconds, bool countingDown)
{
    const double shown = countingDown ? std::ceil(seconds - 1e-6) : std::floor(seconds);
    const long total = (long)ImClamp(shown, 0.0, kLongestTime);
    char buf[32];
    if (total >= 86400) snprintf(buf, sizeof buf, "%ldd %02ld:%02ld:%02ld", total / 86400, total / 3600 % 24, total / 60 % 60, total % 60);
    else if (total >= 3600) snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
    else snprintf(buf, sizeof buf, "%ld:%02ld", total / 60, total % 60);
    return buf;
}

//-----------------------------------------------------------------------------
// [SECTION] Drawing
//-----------------------------------------------------------------------------

void drawTimer(Ui& ui, const Node& n)
{
    const Theme& t = ui.theme();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float w = ui.itemWidth(n), pad = t.pad;
    const std::string label = ui.str(n, "label");
    const bool down = !ui.flag(n, "up");
    const bool running = ui.flag(n, "running") && !ui.disabled();
    const Json bound = ui.value(n);
    const double seconds = bound.is_number() ? ImClamp(bound.get<double>(), 0.0, kLongestTime) : 0.0;

    if (running && (!down || seconds > 0)) {
        const double step = ImClamp((double)ImGui::GetIO().DeltaTime, 0.0, kLongestTick);
        const double next = down ? ImMax(0.0, seconds - step) : ImMin(kLongestTime, seconds + step);
        ui.advanceBound(n, next);
        if (down && next <= 0.0) ui.fire(n, "done", 0);
        // A heartbeat for what moves on its own (a snake, a falling piece): `tick` each time a multiple of `every` passes.
        if (const double every = ui.num(n, "every"); every > 0.0 && std::floor(seconds / every) != std::floor(next / every)) ui.fire(n, "tick", next);
    }

    const std::string face = clockText(seconds, down);
    const bool over = down && seconds <= 0.0;
    const ImU32 ink = over ? t.c.danger : running ? t.c.brand : t.c.text;
    // Squeezed narrower than its measured minimum (a nested row), the face goes on shrinking rather than spill out.
    const TextStyle faceStyle = ui.shrinkToFit(face, TextStyle::Display, ImMax(20.0f, w - pad * 2), TextStyle::Small);
    const ImVec2 faceSz = ui.measure(face, faceStyle);
    const ImVec2 labelSz = label.empty() ? ImVec2() : ui.measure(label, TextStyle::Caption);
    const float h = pad + (label.empty() ? 0.0f : labelSz.y + 6.0f) + faceSz.y + pad;
    const ImRect box(origin, origin + ImVec2(w, h));

    const draw::Press press = draw::pressAt("##timer", box);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 fill = running ? mixColor(t.c.surface, ink, 0.08f) : press.hovered ? mixColor(t.c.surface, t.c.text, 0.04f) : 0;
    draw::surface(dl, box, t, t.radius, 1.0f, fill);
    if (running) dl->AddRect(box.Min, box.Max, draw::fade(ink), t.radius, 0, 2.0f);
    float y = origin.y + pad;
    if (!label.empty()) {
        ui.fitText(ImFloor(ImVec2(origin.x + (w - ImMin(labelSz.x, w - pad * 2)) * 0.5f, y)), label, TextStyle::Caption, t.c.textMuted, w - pad * 2);
        y += labelSz.y + 6.0f;
    }
    ui.textAt(ImFloor(ImVec2(origin.x + (w - faceSz.x) * 0.5f, y)), face, faceStyle, ink);
    draw::reserve(origin, box.GetSize());
    ui.probe(n, label.empty() ? "timer" : label, true);
    if (press.pressed) ui.fire(n, "press", seconds);
}

//-----------------------------------------------------------------------------
// [SECTION] Registration
//-----------------------------------------------------------------------------

// A face of "0:00:00" in the smallest face style, padded; as wide as offered otherwise.
WidthRange measureTimer(Ui& ui, const Node&)
{
    return { ui.measure("0:00:00", TextStyle::H2).x + ui.theme().pad * 2, kFillWidth };
}

} // namespace

static void registerTimer(WidgetCatalog& c)
{
    WidgetDef d = widgetDef("Inputs", "timer", "Bound seconds count down (`up`: up) while `running`.", "label",
        { prop("label", PropType::String, "", "caption above the time"),
          prop("running", PropType::Bool, false, "counts while true"),
          prop("up", PropType::Bool, false, "count up (stopwatch)"),
          prop("every", PropType::Number, 0, "seconds between ticks") },
        R"({"timer": "Focus", "bind": "left", "running": "${ticking}"})",
        drawTimer);
    d.measure = measureTimer;
    d.events = { "press", "done", "tick" };
    d.input = true;
    d.interactive = true;
    c.add(std::move(d));
}

static const WidgetCatalog::Registrar kRegistrar(36, registerTimer);

} // namespace pt
