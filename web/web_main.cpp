// Promptotype — the browser page's program: the runtime the desktop runs, on a canvas, for one spec.
//
// The same WindowPlatform (emscripten's GLFW on the page's canvas, WebGL 2, the app's fonts), the same loader, the
// same Prototype drawn in the same device frame as the desktop stage; where the browser is itself the device (a
// phone opening a phone spec) the prototype fills it instead. The page (index.html) fetches the spec and hands it
// over with pt_load_spec(); a newer text handed over later swaps in like a save does on the desktop, keeping state.
//
// What only a browser needs is here: the canvas counts device pixels while ImGui lays out in CSS pixels, and the
// wheel comes from the DOM (emscripten 3.1.6's GLFW passes raw, sign-flipped pixel deltas). pt_locate() lets the
// browser test find what to click the way `play` does.
//
// What a viewer does is recorded as the desktop meeting records a session (meeting/session_log: start, screens,
// clicks with where on the prototype, misclicks, inputs, end) and handed to the page as JSON lines to post. Review
// mode is the stage's (meeting/meeting_overlays): the prototype goes inert, the widget under the pointer is
// outlined in amber with its name, a tap picks it for a reaction (named by the meeting's anchor), and the viewer's
// reactions stay pinned where their widgets are drawn.
//
// A phone needs two things ImGui 1.86 does not do: its on-screen keyboard, which only a focused DOM text input brings
// up (the page keeps a hidden one and hands its typing over: pt_type_text, pt_press_key), and scrolling by dragging a
// finger (the page hands the finger's movement over as pixels, fed to ImGui as wheel notches: pt_touch_scroll).
//
// [SECTION] The page's app
// [SECTION] The viewer's session
// [SECTION] Review mode
// [SECTION] Browser input and pixels
// [SECTION] Touch: the phone's keyboard and scrolling
// [SECTION] One frame
// [SECTION] Entry points

#include "app/device_frame.h"
#include "app/window_platform.h"
#include "meeting/feedback.h"
#include "meeting/meeting_overlays.h"
#include "meeting/session_log.h"
#include "runtime/engine/prototype.h"
#include "runtime/engine/targets.h"
#include "runtime/spec/json_text.h"
#include "runtime/spec/spec_loader.h"
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui_internal.h>  // ClearActiveID, and the window the wheel scrolls
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] The page's app
//-----------------------------------------------------------------------------

// What the phone's keyboard typed, in order: text, or a key that is no text (a GLFW key, as ImGui's GLFW backend maps
// them to io.KeysDown).
struct Typed {
    std::string text;
    int key = -1;  // -1: text
};

// Everything the page runs, alive for the page's lifetime (the runtime never exits).
struct WebApp {
    WindowPlatform platform;
    std::unique_ptr<Prototype> proto;  // null until the page hands a spec over
    double last = 0;                   // platform time of the previous frame
    bool firstFrameTold = false;       // the page heard of the first frame that showed a prototype
    ImRect area;                       // where the prototype was drawn in the last frame
    // The viewer's session: recorded from pt_start_session() on, taken by the page with pt_take_events().
    bool recording = false;
    double sessionTime = 0;            // seconds since the session started
    std::string lastScreen;
    std::vector<SessionEvent> events;  // not yet taken by the page
    SessionEvent pendingInput;         // typing is one "input" event per widget, written when the viewer moves on
    bool hasPendingInput = false;
    bool reviewing = false;            // review mode: the next tap on a widget picks it for a reaction
    std::vector<Reaction> pinned;      // the viewer's reactions, drawn as pins
    SessionEvent heldClick;            // a click, written when the button comes up: a touch that turns into a scroll is none
    bool holdingClick = false;
    // Touch input the page hands over between frames, fed to ImGui at the next one.
    std::deque<Typed> typed;           // from the hidden text input, not yet fed
    int heldKey = -1;                  // the GLFW key pressed last frame, released this one
    float touchScroll[2] = {0, 0};     // the finger's movement (CSS pixels, across and down) not yet fed as wheel
    bool touchScrolling = false;       // the touch down now is a scroll: it presses nothing, until the finger lifts
    bool wantedTextInput = false;      // io.WantTextInput last frame, to tell the page when typing ends
};

WebApp& app() {
    static WebApp* instance = new WebApp;  // never destroyed: the page owns the canvas until it closes
    return *instance;
}

//-----------------------------------------------------------------------------
// [SECTION] The viewer's session
//-----------------------------------------------------------------------------

// Stamps an event with the session's clock and the screen on show.
void stamp(WebApp& a, SessionEvent& e) {
    e.t = a.sessionTime;
    if (e.screen.empty()) e.screen = a.proto->currentScreen();
}

void record(WebApp& a, SessionEvent e) {
    if (!a.recording) return;
    stamp(a, e);
    a.events.push_back(std::move(e));
}

// Writes the click held since its press (see observe).
void writeHeldClick(WebApp& a) {
    if (!a.holdingClick) return;
    a.holdingClick = false;
    a.events.push_back(a.heldClick);
}

void flushInput(WebApp& a) {
    if (!a.hasPendingInput) return;
    a.hasPendingInput = false;
    record(a, a.pendingInput);
}

// Per frame, like the meeting's: a screen entered, and a click on the prototype (a misclick when it does nothing). The
// click is taken where and when it was pressed, and written once the button is up, unless the touch became a scroll.
void observe(WebApp& a) {
    ImGuiIO& io = ImGui::GetIO();
    if (!a.recording) return;
    a.sessionTime += io.DeltaTime;
    const std::string& screen = a.proto->currentScreen();
    if (screen != a.lastScreen) {
        flushInput(a);
        a.lastScreen = screen;
        SessionEvent e;
        e.type = "screen";
        record(a, e);
    }
    if (!io.MouseDown[0]) writeHeldClick(a);
    if (!ImGui::IsMouseClicked(0) || !a.area.Contains(io.MousePos) || a.reviewing) return;
    bool live = false;
    const Probe* hit = probeAt(a.proto->probes(), io.MousePos, &live);
    flushInput(a);
    a.heldClick = clickEvent(hit, live, io.MousePos, a.area);
    stamp(a, a.heldClick);
    a.holdingClick = true;
}

//-----------------------------------------------------------------------------
// [SECTION] Review mode
//-----------------------------------------------------------------------------

// The widget the last frame drew at (x, y) in CSS pixels of the page, as a click there would find it; null off the
// prototype or on no widget of the spec.
const Probe* probeOnPrototype(WebApp& a, float x, float y) {
    if (!a.proto || !a.area.Contains(ImVec2(x, y))) return nullptr;
    const Probe* p = probeAt(a.proto->probes(), ImVec2(x, y), nullptr);
    return p && p->node ? p : nullptr;
}

// A widget as a reaction names it: {"widget" (the meeting's anchor), "label", "screen"}.
std::string reactionTarget(const WebApp& a, const Probe& p) {
    return Json{{"widget", anchorFor(*p.node, p.key)}, {"label", p.label}, {"screen", a.proto->currentScreen()}}.dump();
}

// A tap in review mode picks the widget under it: review mode ends and the page hears of it (reactionTarget) through
// Module.onPick, to open its reaction sheet. The prototype stays inert for the rest of this frame (set when it began),
// so the tap never reaches it.
void pick(WebApp& a) {
    ImGuiIO& io = ImGui::GetIO();
    if (!a.reviewing || !ImGui::IsMouseClicked(0)) return;
    const Probe* p = probeOnPrototype(a, io.MousePos.x, io.MousePos.y);
    if (!p) return;
    a.reviewing = false;
    const std::string picked = reactionTarget(a, *p);
    EM_ASM({ if (Module.onPick) Module.onPick(UTF8ToString($0)); }, picked.c_str());
}

// Over the prototype, as on the desktop stage: the viewer's pins, and in review mode the outline of what a tap
// would pick.
void drawOverlays(WebApp& a) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const FontSet& fonts = a.platform.fonts();
    dl->PushClipRect(a.area.Min, a.area.Max, true);
    drawPins(dl, fonts, layoutPins(*a.proto, a.pinned), a.pinned, false);
    const ImVec2 pointer = ImGui::GetIO().MousePos;
    if (const Probe* p = a.reviewing ? probeOnPrototype(a, pointer.x, pointer.y) : nullptr)
        drawWidgetOutline(dl, fonts, p->rect, probeName(*p), kReviewOutline);
    dl->PopClipRect();
}

//-----------------------------------------------------------------------------
// [SECTION] Browser input and pixels
//-----------------------------------------------------------------------------

// Wheel deltas in notches, as ImGui counts them: ~100 pixels (Chrome, Safari) or 3 lines (Firefox) a notch; a page
// counts 20.
EM_BOOL onWheel(int, const EmscriptenWheelEvent* e, void*) {
    double perLine = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 0.05;
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel -= (float)(e->deltaY / perLine);
    io.MouseWheelH -= (float)(e->deltaX / perLine);
    return EM_TRUE;  // the page itself never scrolls
}

// emscripten's GLFW sizes the window in canvas pixels, which the page keeps at CSS size x devicePixelRatio: ImGui
// lays out in CSS pixels (the runtime's sizes, fonts baked at 1x) and renders at the device's resolution.
void toCssPixels() {
    float ratio = (float)emscripten_get_device_pixel_ratio();
    if (ratio <= 0) return;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(io.DisplaySize.x / ratio, io.DisplaySize.y / ratio);
    io.DisplayFramebufferScale = ImVec2(ratio, ratio);
    if (ImGui::IsMousePosValid(&io.MousePos)) io.MousePos = ImVec2(io.MousePos.x / ratio, io.MousePos.y / ratio);
}

//-----------------------------------------------------------------------------
// [SECTION] Touch: the phone's keyboard and scrolling
//-----------------------------------------------------------------------------

// The widgets drawn as a text box (widgets/input_widgets.cpp textField): a tap on one brings up the phone's keyboard.
// Their show-password and clear buttons count too: the viewer is still typing there.
bool takesTypedText(const Probe& p) {
    return p.input && (p.type == "input" || p.type == "textarea" || p.type == "search");
}

// The GLFW key for a DOM KeyboardEvent.key the phone's keyboard sends that is no text, or -1.
int glfwKeyFor(std::string_view domKey) {
    static const std::pair<std::string_view, int> kKeys[] = {
        {"Backspace", GLFW_KEY_BACKSPACE}, {"Enter", GLFW_KEY_ENTER}, {"Tab", GLFW_KEY_TAB}, {"Delete", GLFW_KEY_DELETE},
        {"ArrowLeft", GLFW_KEY_LEFT}, {"ArrowRight", GLFW_KEY_RIGHT}, {"ArrowUp", GLFW_KEY_UP}, {"ArrowDown", GLFW_KEY_DOWN},
        {"Home", GLFW_KEY_HOME}, {"End", GLFW_KEY_END}, {"Escape", GLFW_KEY_ESCAPE}};
    for (const auto& [name, key] : kKeys)
        if (name == domKey) return key;
    return -1;
}

// Hands the phone keyboard's typing to ImGui in order, before NewFrame. ImGui 1.86 reads keys as state, so a key is
// down for one frame and up the next (the same key again waits a frame, or it would read as held); InputText takes a
// frame's characters before its keys, so a frame takes the characters up to one key and nothing after it.
void feedTyping(WebApp& a) {
    ImGuiIO& io = ImGui::GetIO();
    const bool released = a.heldKey >= 0;
    if (released) io.KeysDown[a.heldKey] = false;
    a.heldKey = -1;
    for (; !a.typed.empty() && a.typed.front().key < 0; a.typed.pop_front()) io.AddInputCharactersUTF8(a.typed.front().text.c_str());
    if (a.typed.empty() || released) return;
    a.heldKey = a.typed.front().key;
    io.KeysDown[a.heldKey] = true;
    a.typed.pop_front();
}

// How many pixels one wheel notch scrolls along AXIS (0 across, 1 down) in the window the wheel reaches, counted as
// ImGui 1.86's UpdateMouseWheel counts it (imgui.cpp): the window under the pointer, or the nearest parent when a
// child has nothing to scroll; 5 lines down or 2 across, at most 2/3 of the view. 0 when no window is under it.
float wheelNotchPixels(int axis) {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* w = g.WheelingWindow ? g.WheelingWindow : g.HoveredWindow;
    if (!w) return 0;
    while ((w->Flags & ImGuiWindowFlags_ChildWindow) &&
           (w->ScrollMax[axis] == 0.0f || ((w->Flags & ImGuiWindowFlags_NoScrollWithMouse) && !(w->Flags & ImGuiWindowFlags_NoMouseInputs))))
        w = w->ParentWindow;
    const float lines = axis == 1 ? 5.0f : 2.0f;
    const float view = axis == 1 ? w->InnerRect.GetHeight() : w->InnerRect.GetWidth();
    return ImFloor(ImMin(lines * w->CalcFontSize(), view * 0.67f));
}

// Hands the finger's scrolling to ImGui as wheel notches, before NewFrame (the pointer stays where the touch started,
// so the window under it is the one scrolled). Whole pixels only, aimed at the middle of one: ImGui floors the scroll
// position each frame, which would otherwise drop fractions and sometimes a pixel.
void feedTouchScroll(WebApp& a) {
    ImGuiIO& io = ImGui::GetIO();
    float* wheel[2] = {&io.MouseWheelH, &io.MouseWheel};
    for (int axis = 0; axis < 2; axis++) {
        const float pixels = std::trunc(a.touchScroll[axis]);
        if (pixels == 0) continue;
        a.touchScroll[axis] -= pixels;
        const float notch = wheelNotchPixels(axis);
        if (notch > 0) *wheel[axis] += (pixels - 0.5f) / notch;  // ImGui: scroll -= wheel * notch, i.e. -pixels + 0.5
    }
}

// A touch that became a scroll presses nothing: what its press made active lets go (a button then does not click when
// the finger lifts) and its click is not recorded, until the finger lifts. After NewFrame.
void releaseScrollingTouch(WebApp& a) {
    if (!a.touchScrolling) return;
    if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
    a.holdingClick = false;
    if (!ImGui::GetIO().MouseDown[0]) a.touchScrolling = false;
}

// Tells the page when ImGui stops taking text (Enter, a tap elsewhere, a screen change): it puts the phone's keyboard
// away.
void tellTypingEnded(WebApp& a) {
    const bool wants = ImGui::GetIO().WantTextInput;
    if (a.wantedTextInput && !wants) EM_ASM(if (Module.onTypingEnded) Module.onTypingEnded(););
    a.wantedTextInput = wants;
}

//-----------------------------------------------------------------------------
// [SECTION] One frame
//-----------------------------------------------------------------------------

// The whole canvas: the stage, and the prototype in its device frame (or filling a canvas that is the device).
void drawPage(WebApp& a) {
    ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImRect full(vp->Pos, vp->Pos + vp->Size);
    beginStageWindow("##page", full);
    ImGui::PushFont(a.platform.fonts().get(TextStyle::Body));
    const Theme& t = a.proto->theme();
    ImGui::GetWindowDrawList()->AddRectFilled(full.Min, full.Max, stageBackground(t));
    const std::string& device = a.proto->spec().device;
    a.area = areaIsDevice(device, full) ? full : drawDeviceFrame(device, full, t);
    drawPrototype(*a.proto, a.area);
    drawOverlays(a);
    ImGui::PopFont();
    ImGui::End();
}

void frame() {
    WebApp& a = app();
    double now = a.platform.time();
    double dt = now - a.last;
    a.last = now;
    if (!a.proto) return;  // the canvas stays clear, and the page's note readable, until there is a prototype
    a.proto->update(dt);
    a.platform.useFontFace(a.proto->theme().font);  // a spec may ask for another family
    a.proto->setInert(a.reviewing);
    a.platform.beginFrame();
    toCssPixels();
    feedTyping(a);
    feedTouchScroll(a);
    ImGui::NewFrame();
    releaseScrollingTouch(a);
    observe(a);  // the last frame's probes: what the click landed on
    pick(a);
    drawPage(a);
    tellTypingEnded(a);
    a.platform.present("");
    if (!a.firstFrameTold) {
        a.firstFrameTold = true;
        EM_ASM(if (Module.onFirstFrame) Module.onFirstFrame(););
    }
}

} // namespace

} // namespace pt

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

// Called by the page with a spec's text, where it came from (for the diagnostics) and the variant to show ("" or "A":
// as written; one the spec does not have shows it as written too). The first spec with something to show starts the
// prototype even with problems (placeholders stand in, as `run` does); later ones swap in only when they have no
// errors, keeping state like a save on the desktop. Returns the diagnostics, one per line ("" for none), also printed
// to the console.
extern "C" EMSCRIPTEN_KEEPALIVE const char* pt_load_spec(const char* text, const char* name, const char* variant) {
    using namespace pt;
    static std::string diagnostics;
    const std::string file = name && *name ? name : "spec.json";
    LoadResult r = SpecLoader::loadText(text ? text : "", file);
    Json doc;
    Diagnostic unused;  // the text already loaded once: it parses
    const std::vector<std::string>* known = r.spec ? &r.spec->variants : nullptr;
    if (known && variant && std::string_view(variant) != "A" && std::find(known->begin(), known->end(), variant) != known->end() &&
        parseJsonText(text, &doc, &unused))
        r = SpecLoader::loadVariant(doc, variant, file);
    diagnostics = r.format(file);
    if (!diagnostics.empty()) std::fprintf(stderr, "%s", diagnostics.c_str());
    WebApp& a = app();
    if (!r.spec || (a.proto && r.hasErrors())) return diagnostics.c_str();
    if (a.proto) a.proto->replaceSpec(r.spec);
    else {
        a.proto = std::make_unique<Prototype>(r.spec);
        a.proto->setFonts(&a.platform.fonts());
        a.proto->setInputObserver([&a](const Node& node, const std::string& key, const Json& value) {
            if (a.hasPendingInput && a.pendingInput.widget != anchorFor(node, key)) flushInput(a);
            a.pendingInput = inputEvent(node, key, value);
            a.hasPendingInput = true;
        });
    }
    a.proto->setTheme(r.spec->dark);
    glfwSetWindowTitle(glfwGetCurrentContext(), r.spec->name.c_str());
    return diagnostics.c_str();
}

// Where the visible widget TARGET names is, found as `play` finds a click target (runtime/engine/targets.h: id, key
// or visible label): {"x","y","w","h"} in CSS pixels of the page, or "" when nothing on the last frame matches. For
// tests driving the page.
extern "C" EMSCRIPTEN_KEEPALIVE const char* pt_locate(const char* target) {
    using namespace pt;
    static std::string found;
    found.clear();
    WebApp& a = app();
    if (!a.proto || !target) return found.c_str();
    const Probe* p = findProbe(a.proto->probes(), target);
    if (!p || !inView(*p)) return found.c_str();
    ImRect r = visiblePart(*p);
    found = Json{{"x", r.Min.x}, {"y", r.Min.y}, {"w", r.GetWidth()}, {"h", r.GetHeight()}}.dump();
    return found.c_str();
}

// Starts recording the viewer's session (the page calls it once the viewer gave a name): a "start" event, then
// screens, clicks, misclicks and inputs.
extern "C" EMSCRIPTEN_KEEPALIVE void pt_start_session() {
    using namespace pt;
    WebApp& a = app();
    if (!a.proto || a.recording) return;
    a.recording = true;
    a.sessionTime = 0;
    a.lastScreen = a.proto->currentScreen();
    SessionEvent e;
    e.type = "start";
    record(a, e);
}

// Ends the session (the page is going away): a click still held and the typing in progress, then an "end" event.
extern "C" EMSCRIPTEN_KEEPALIVE void pt_end_session() {
    using namespace pt;
    WebApp& a = app();
    if (!a.recording) return;
    writeHeldClick(a);
    flushInput(a);
    SessionEvent e;
    e.type = "end";
    record(a, e);
    a.recording = false;
}

// The session events recorded since the last call, as a JSON array of session lines (meeting/session_log.h) for the
// page to post; "[]" when there are none.
extern "C" EMSCRIPTEN_KEEPALIVE const char* pt_take_events() {
    using namespace pt;
    static std::string taken;
    Json lines = Json::array();
    for (const SessionEvent& e : app().events) lines.push_back(sessionEventToJson(e));
    app().events.clear();
    taken = lines.dump();
    return taken.c_str();
}

// Turns review mode on or off (the page's React tab): while on, the prototype takes no input and a tap picks a widget
// (Module.onPick).
extern "C" EMSCRIPTEN_KEEPALIVE void pt_review(int on) {
    pt::app().reviewing = on != 0;
}

// The widget at (x, y) in CSS pixels of the page, as a reaction names it ({"widget", "label", "screen"}), or "" when
// the point is on no widget of the prototype. For tests: what a tap there would pick, or what a click there is logged as.
extern "C" EMSCRIPTEN_KEEPALIVE const char* pt_widget_at(float x, float y) {
    using namespace pt;
    static std::string found;
    const Probe* p = probeOnPrototype(app(), x, y);
    found = p ? reactionTarget(app(), *p) : "";
    return found.c_str();
}

// Pins a reaction the viewer sent (a reaction object as the page posts it) so it shows on its widget; false (and
// nothing pinned) when it is not one.
extern "C" EMSCRIPTEN_KEEPALIVE int pt_pin(const char* reaction) {
    using namespace pt;
    Json j;
    Diagnostic syntax;
    Reaction r;
    if (!reaction || !parseJsonText(reaction, &j, &syntax) || !reactionFromJson(j, &r, nullptr)) return 0;
    app().pinned.push_back(std::move(r));
    return 1;
}

// Whether the last frame drew a text box at (x, y) in CSS pixels of the page (1) or not (0): the page asks when a
// touch taps there, to focus its hidden text input at once (inside the touch's handler, or the phone's keyboard stays
// down).
extern "C" EMSCRIPTEN_KEEPALIVE int pt_text_field_at(float x, float y) {
    using namespace pt;
    const Probe* p = app().reviewing ? nullptr : probeOnPrototype(app(), x, y);  // a tap in review mode picks it
    return p && p->enabled && takesTypedText(*p);
}

// Text the phone's keyboard typed (UTF-8), for ImGui's text box at the next frame.
extern "C" EMSCRIPTEN_KEEPALIVE void pt_type_text(const char* text) {
    using namespace pt;
    if (text && *text) app().typed.push_back({text, -1});
}

// A key the phone's keyboard pressed (its DOM KeyboardEvent.key): Backspace, Enter, Tab, Delete, the arrows, Home, End
// or Escape, pressed for ImGui for one frame. Returns 1 when taken (the page then keeps the browser from acting on it
// too), 0 for any other key.
extern "C" EMSCRIPTEN_KEEPALIVE int pt_press_key(const char* domKey) {
    using namespace pt;
    const int key = glfwKeyFor(domKey ? domKey : "");
    if (key < 0) return 0;
    app().typed.push_back({"", key});
    return 1;
}

// Whether the widget at (x, y) in CSS pixels follows a dragging finger (a slider) rather than the page scrolling
// under it: the page asks when a touch starts to move.
extern "C" EMSCRIPTEN_KEEPALIVE int pt_drag_widget_at(float x, float y) {
    using namespace pt;
    const Probe* p = probeOnPrototype(app(), x, y);
    return p && p->enabled && p->type == "slider";
}

// The finger scrolling the prototype moved by (dx, dy) CSS pixels: the content follows it at the next frame, and the
// touch clicks nothing.
extern "C" EMSCRIPTEN_KEEPALIVE void pt_touch_scroll(float dx, float dy) {
    using namespace pt;
    WebApp& a = app();
    a.touchScroll[0] += dx;
    a.touchScroll[1] += dy;
    a.touchScrolling = true;
}

int main() {
    using namespace pt;
    WebApp& a = app();
    std::string why;
    if (!a.platform.open("Promptotype", &why)) {
        std::fprintf(stderr, "promptotype: %s\n", why.c_str());
        return 1;
    }
    glfwSetScrollCallback(glfwGetCurrentContext(), nullptr);  // the DOM's wheel events instead (onWheel)
    emscripten_set_wheel_callback("#canvas", nullptr, EM_TRUE, onWheel);
    a.last = a.platform.time();
    emscripten_set_main_loop(frame, 0, false);  // the browser's frames; main returns and the runtime stays
    return 0;
}
