// Promptotype — the browser page's program: the runtime the desktop runs, on a canvas, for one spec.
//
// The same WindowPlatform (emscripten's GLFW on the page's canvas, WebGL 2, the app's fonts), the same loader, the
// same Prototype drawn in the same device frame as the desktop stage; where the browser is itself the device (a
// phone opening a phone spec) the prototype fills it instead. The page (index.html) fetches the spec and hands it
// over with pt_load_spec(); a newer text handed over later swaps in like a save does on the desktop, keeping state.
//
// What only a browser needs is here: the canvas counts device pixels while ImGui lays out in CSS pixels, and the
// wheel comes from the DOM (emscripten 3.1.6's GLFW passes raw, sign-flipped pixel deltas).
//
// [SECTION] The page's app
// [SECTION] Browser input and pixels
// [SECTION] One frame
// [SECTION] Entry points

#include "app/device_frame.h"
#include "app/window_platform.h"
#include "runtime/engine/prototype.h"
#include "runtime/spec/spec_loader.h"
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <cstdio>
#include <memory>
#include <string>

namespace pt {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] The page's app
//-----------------------------------------------------------------------------

// Everything the page runs, alive for the page's lifetime (the runtime never exits).
struct WebApp {
    WindowPlatform platform;
    std::unique_ptr<Prototype> proto;  // null until the page hands a spec over
    double last = 0;                   // platform time of the previous frame
    bool firstFrameTold = false;       // the page heard of the first frame that showed a prototype
};

WebApp& app() {
    static WebApp* instance = new WebApp;  // never destroyed: the page owns the canvas until it closes
    return *instance;
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
// [SECTION] One frame
//-----------------------------------------------------------------------------

// The whole canvas: the stage, and the prototype in its device frame (or filling a canvas that is the device).
void drawPage(WebApp& a) {
    ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##page", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    ImRect full(vp->Pos, vp->Pos + vp->Size);
    ImGui::PushFont(a.platform.fonts().get(TextStyle::Body));
    const Theme& t = a.proto->theme();
    ImGui::GetWindowDrawList()->AddRectFilled(full.Min, full.Max, stageBackground(t));
    const std::string& device = a.proto->spec().device;
    drawPrototype(*a.proto, areaIsDevice(device, full) ? full : drawDeviceFrame(device, full, t));
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
    a.platform.beginFrame();
    toCssPixels();
    ImGui::NewFrame();
    drawPage(a);
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

// Called by the page with a spec's text and where it came from (for the diagnostics). The first spec with something to
// show starts the prototype even with problems (placeholders stand in, as `run` does); later ones swap in only when
// they have no errors, keeping state like a save on the desktop. Returns the diagnostics, one per line ("" for none),
// also printed to the console.
extern "C" EMSCRIPTEN_KEEPALIVE const char* pt_load_spec(const char* text, const char* name) {
    using namespace pt;
    static std::string diagnostics;
    const std::string file = name && *name ? name : "spec.json";
    LoadResult r = SpecLoader::loadText(text ? text : "", file);
    diagnostics = r.format(file);
    if (!diagnostics.empty()) std::fprintf(stderr, "%s", diagnostics.c_str());
    WebApp& a = app();
    if (!r.spec || (a.proto && r.hasErrors())) return diagnostics.c_str();
    if (a.proto) a.proto->replaceSpec(r.spec);
    else {
        a.proto = std::make_unique<Prototype>(r.spec);
        a.proto->setFonts(&a.platform.fonts());
    }
    a.proto->setTheme(r.spec->dark);
    glfwSetWindowTitle(glfwGetCurrentContext(), r.spec->name.c_str());
    return diagnostics.c_str();
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
