// Promptotype — HeadlessDriver implementation.
//
// [SECTION] Shared fonts
// [SECTION] Frames
// [SECTION] Input injection
// [SECTION] Capture

#include "runtime/headless/headless.h"
#include <imgui_internal.h>
#include <algorithm>
#include <cctype>

namespace pt {

ImVec2 deviceSize(std::string_view device) {
    if (device == "tablet") return ImVec2(834, 1112);
    if (device == "desktop") return ImVec2(1280, 800);
    return ImVec2(390, 844);
}

//-----------------------------------------------------------------------------
// [SECTION] Shared fonts
//-----------------------------------------------------------------------------

namespace {

// Building the atlas (8 sizes + icons) is the slow part of a context; every driver shares one.
struct SharedFonts {
    ImFontAtlas atlas;
    FontSet fonts;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;

    SharedFonts() {
        fonts.load(&atlas);
        atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
        atlas.TexID = (ImTextureID)(intptr_t)1;  // the rasterizer has one texture
    }
};

SharedFonts& sharedFonts() {
    static SharedFonts* shared = new SharedFonts();  // lives for the process: contexts may outlive statics' order
    return *shared;
}

} // namespace

HeadlessDriver::HeadlessDriver(std::shared_ptr<const Spec> spec, ImVec2 size)
    : m_proto(std::move(spec)), m_size(size) {
    if (m_size.x <= 0 || m_size.y <= 0) m_size = deviceSize(m_proto.spec().device);
    SharedFonts& shared = sharedFonts();
    ImGuiContext* previous = ImGui::GetCurrentContext();
    m_ctx = ImGui::CreateContext(&shared.atlas);
    ImGui::SetCurrentContext(m_ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    io.DisplaySize = m_size;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // the rasterizer honours VtxOffset: huge screens never hit 16-bit index limits
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;  // 1.86: our own key indexes into KeysDown[]
    m_proto.setFonts(&shared.fonts);
    ImGui::SetCurrentContext(previous ? previous : m_ctx);
}

HeadlessDriver::~HeadlessDriver() {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::DestroyContext(m_ctx);
    if (previous && previous != m_ctx) ImGui::SetCurrentContext(previous);
}

//-----------------------------------------------------------------------------
// [SECTION] Frames
//-----------------------------------------------------------------------------

void HeadlessDriver::frame(double dt) {
    ImGui::SetCurrentContext(m_ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = (float)std::max(dt, 1e-4);
    io.DisplaySize = m_size;
    m_proto.update(dt);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(m_size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##prototype", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar(2);
    m_proto.draw(ImRect(ImVec2(0, 0), m_size));
    if (m_hook) m_hook(ImRect(ImVec2(0, 0), m_size));
    ImGui::End();
    ImGui::Render();
}

void HeadlessDriver::settle() {
    for (int i = 0; i < 3; ++i) frame();
}

//-----------------------------------------------------------------------------
// [SECTION] Input injection
//-----------------------------------------------------------------------------

namespace {

std::string lower(std::string s) {
    for (auto& c : s) c = (char)std::tolower((unsigned char)c);
    return s;
}

} // namespace

const Probe* HeadlessDriver::find(const std::string& target) const { return findProbe(m_proto.probes(), target); }

void HeadlessDriver::clickAt(ImVec2 pos) {
    ImGui::SetCurrentContext(m_ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pos;
    frame();  // hover first, like a real pointer
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frame();  // actions queued by the click run here
}

void HeadlessDriver::dragFrom(ImVec2 from, ImVec2 to) {
    ImGui::SetCurrentContext(m_ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = from;
    frame();
    io.MouseDown[0] = true;
    frame();
    for (int i = 1; i <= 4; ++i) {  // in steps, so drag thresholds and per-frame deltas see a real movement
        io.MousePos = from + (to - from) * (i / 4.0f);
        frame();
    }
    io.MouseDown[0] = false;
    frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frame();
}

void HeadlessDriver::scrollAt(ImVec2 pos, float wheel) {
    ImGui::SetCurrentContext(m_ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pos;
    frame();  // hover first: the wheel goes to the window under the pointer
    io.MouseWheel = wheel;
    frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frame();
}

void HeadlessDriver::typeChars(const std::string& utf8) {
    ImGui::SetCurrentContext(m_ctx);
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frame();
    frame();
}

bool HeadlessDriver::click(const std::string& target, std::string* error) {
    ImGui::SetCurrentContext(m_ctx);
    settle();  // layouts that measure the previous frame (rows, dialogs) converge before we aim
    const Probe* p = find(target);
    if (!p) {
        *error = "no widget '" + target + "' on screen '" + m_proto.currentScreen() + "'";
        return false;
    }
    if (!p->enabled) {
        *error = "'" + target + "' is disabled on screen '" + m_proto.currentScreen() + "'";
        return false;
    }
    ImRect visible = p->rect;
    visible.ClipWith(p->clip);
    if (visible.GetWidth() < 2 || visible.GetHeight() < 2) {  // scrolled out of view: bring it in, then look again
        m_proto.scrollIntoView(p->key);
        settle();
        p = find(target);
        if (!p) { *error = "'" + target + "' disappeared while scrolling to it"; return false; }
        visible = p->rect;
        visible.ClipWith(p->clip);
        if (visible.GetWidth() < 2 || visible.GetHeight() < 2) {
            *error = "'" + target + "' is hidden (outside the visible area)";
            return false;
        }
    }
    clickAt(visible.GetCenter());
    return true;
}

bool HeadlessDriver::type(const std::string& target, const std::string& text, std::string* error) {
    if (!click(target, error)) return false;
    const Probe* p = find(target);
    if (!p) { *error = "'" + target + "' disappeared after clicking it"; return false; }
    // Click again without releasing focus elsewhere, then type: the field stays active.
    ImGuiIO& io = ImGui::GetIO();
    ImRect visible = p->rect;
    visible.ClipWith(p->clip);
    io.MousePos = visible.GetCenter();
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    if (!ImGui::GetActiveID()) {
        *error = "'" + target + "' does not take text";
        return false;
    }
    // Select all first so typing replaces, like a person retyping a field.
    io.KeyCtrl = true;
    io.KeysDown[ImGuiKey_A] = true;
    frame();
    io.KeysDown[ImGuiKey_A] = false;
    io.KeyCtrl = false;
    frame();
    io.AddInputCharactersUTF8(text.c_str());
    frame();
    frame();
    return true;
}

bool HeadlessDriver::key(const std::string& name, std::string* error) {
    static const std::pair<const char*, ImGuiKey> keys[] = {
        {"enter", ImGuiKey_Enter}, {"tab", ImGuiKey_Tab}, {"backspace", ImGuiKey_Backspace}, {"escape", ImGuiKey_Escape},
        {"up", ImGuiKey_UpArrow}, {"down", ImGuiKey_DownArrow}, {"left", ImGuiKey_LeftArrow}, {"right", ImGuiKey_RightArrow},
        {"space", ImGuiKey_Space}, {"delete", ImGuiKey_Delete}};
    std::string n = lower(name);
    for (auto& [k, code] : keys) {
        if (n != k) continue;
        ImGui::SetCurrentContext(m_ctx);
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[code] = true;
        frame();
        io.KeysDown[code] = false;
        frame();
        frame();
        return true;
    }
    *error = "unknown key '" + name + "' (enter, tab, backspace, escape, up, down, left, right, space, delete)";
    return false;
}

void HeadlessDriver::wait(double ms) {
    double left = std::clamp(ms, 0.0, 3600000.0) / 1000.0;
    while (left > 0) {
        double dt = std::min(left, 0.05);
        frame(dt);
        left -= dt;
    }
    frame();
}

//-----------------------------------------------------------------------------
// [SECTION] Capture
//-----------------------------------------------------------------------------

Image HeadlessDriver::capture() {
    frame();
    SharedFonts& shared = sharedFonts();
    return rasterize(ImGui::GetDrawData(), shared.pixels, shared.width, shared.height, m_proto.theme().c.bg);
}

} // namespace pt
