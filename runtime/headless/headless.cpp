// Promptotype — HeadlessDriver implementation.
//
// [SECTION] Shared fonts
// [SECTION] Frames
// [SECTION] Input injection
// [SECTION] Date pickers
// [SECTION] Capture

#include "runtime/headless/headless.h"
#include "runtime/spec/dates.h"
#include "runtime/spec/expr.h"
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

// Building the atlas (8 sizes + icons) is the slow part of a context; every driver shares one. It holds the sans
// face, and the serif and mono faces from the first spec that asks for each.
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

    // Between frames only (a driver mid-frame keeps the atlas locked, and the face then waits for the next frame).
    void use(FontFace face) {
        if (fonts.addFace(&atlas, face)) atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
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
    sharedFonts().use(m_proto.theme().font);  // a spec (or its hot reload) may ask for a face not loaded yet
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

const Probe* HeadlessDriver::resolve(const std::string& target, std::string* error) {
    TargetMatch m = matchTarget(m_proto.probes(), target);
    // Not drawn at all: further down a screen that has not reached it yet (a list inside a scroll box below the
    // fold is not drawn until it shows). Look down the screen as a person would, a wheel turn at a time.
    while (!m.probe && m.tied.empty() && scrollScreenDown()) m = matchTarget(m_proto.probes(), target);
    if (!m.probe) *error = m.problem(target, m_proto.currentScreen());
    return m.probe;
}

const Probe* HeadlessDriver::refind(const std::string& key, const std::string& label) const {
    for (const Probe& p : m_proto.probes())
        if (p.key == key && p.label == label) return &p;
    return nullptr;
}

bool HeadlessDriver::scrollScreenDown() {
    if (m_proto.screenScrollLeft() < 1.0f) return false;
    const ImRect screen = m_proto.screenRect();
    scrollAt(ImVec2(screen.Min.x + 2.0f, screen.GetCenter().y), -3.0f);  // the body's left padding: the screen itself scrolls
    settle();
    return true;
}

bool HeadlessDriver::press(const Probe& target, const std::string& name, std::string* error) {
    const std::string& screen = m_proto.currentScreen();
    if (!target.enabled) {
        const bool covered = std::any_of(m_proto.probes().begin(), m_proto.probes().end(), [&](const Probe& o) { return o.layer > target.layer; });
        *error = "'" + name + "' is disabled on screen '" + screen + "'" + (covered ? " (an overlay is open over it)" : "");
        return false;
    }
    const std::string key = target.key, label = target.label;
    const Probe* p = &target;
    // Scrolled out of view: each try scrolls every window around it; a window's size settles over a few frames.
    for (int tries = 0; tries < 4 && !inView(*p); ++tries) {
        m_proto.scrollIntoView(key, label);
        settle();
        p = refind(key, label);
        if (!p) { *error = "'" + name + "' disappeared while scrolling to it"; return false; }
    }
    if (!inView(*p)) { *error = "'" + name + "' is hidden (outside the visible area)"; return false; }
    clickAt(visiblePart(*p).GetCenter());
    return true;
}

bool HeadlessDriver::click(const std::string& target, std::string* error) {
    ImGui::SetCurrentContext(m_ctx);
    settle();  // layouts that measure the previous frame (rows, dialogs) converge before we aim
    const Probe* p = resolve(target, error);
    return p && press(*p, target, error);
}

bool HeadlessDriver::type(const std::string& target, const std::string& text, std::string* error) {
    ImGui::SetCurrentContext(m_ctx);
    settle();
    const Probe* p = resolve(target, error);
    if (!p) return false;
    const std::string key = p->key, label = p->label;
    if (!press(*p, target, error)) return false;
    if (openPicker(key)) return pickDay(key, text, target, error);  // a date field: its calendar opened
    p = refind(key, label);
    if (!p) { *error = "'" + target + "' disappeared after clicking it"; return false; }
    // Click again without releasing focus elsewhere, then type: the field stays active.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = visiblePart(*p).GetCenter();
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
// [SECTION] Date pickers
//-----------------------------------------------------------------------------

// A date picker is drawn as probes of its field's key in a layer above the field: one per day of the month shown,
// labelled with its ISO date, and the "Previous month" / "Next month" arrows.

namespace {

bool isIsoDay(const std::string& label, int64_t* day) {
    double seconds = 0;
    if (label.size() != 10 || !parseDateTime(label, &seconds)) return false;
    *day = dayOf(seconds);
    return true;
}

} // namespace

const Probe* HeadlessDriver::openPicker(const std::string& key) const {
    const Probe* top = nullptr;
    int64_t day = 0;
    for (const Probe& p : m_proto.probes())
        if (p.layer >= kOverlayLayer && (key.empty() || p.key == key) && isIsoDay(p.label, &day) && (!top || p.layer > top->layer)) top = &p;
    return top;
}

bool HeadlessDriver::pick(const std::string& field, const std::string& date, std::string* error) {
    ImGui::SetCurrentContext(m_ctx);
    settle();
    if (field.empty()) {
        const Probe* day = openPicker("");
        if (!day) { *error = "no date picker is open: click a date field first, or name it: pick FIELD DATE"; return false; }
        return pickDay(day->key, date, "the date picker", error);
    }
    const Probe* p = resolve(field, error);
    if (!p) return false;
    const std::string key = p->key;
    if (!openPicker(key) && !press(*p, field, error)) return false;
    if (!openPicker(key)) { *error = "'" + field + "' opens no date picker"; return false; }
    return pickDay(key, date, field, error);
}

bool HeadlessDriver::pickDay(std::string key, const std::string& date, const std::string& target, std::string* error) {
    int64_t wanted = 0;
    if (!parseWrittenDate(date, civilFromDays(dayOf(m_proto.now())).year, &wanted)) {
        *error = "'" + date + "' is not a date for " + target + ": write it like 2026-05-14 or May 14, 2026";
        return false;
    }
    const std::string iso = formatIsoDate((double)wanted * kSecondsPerDay);
    // One month per arrow click, as a person would; a century of months at most.
    for (int months = 0; months <= 1200; ++months) {
        if (const Probe* day = refind(key, iso)) return press(*day, iso, error);
        int64_t shown = 0;
        const Probe* any = openPicker(key);
        if (!any || !isIsoDay(any->label, &shown)) { *error = "the date picker of " + target + " closed before " + iso + " was picked"; return false; }
        const Probe* arrow = refind(key, wanted < shown ? "Previous month" : "Next month");
        if (!arrow) { *error = "the date picker of " + target + " has no way to " + (wanted < shown ? "earlier" : "later") + " months"; return false; }
        if (!press(*arrow, std::string(arrow->label), error)) return false;
    }
    *error = iso + " is more than a hundred years from the month " + target + " shows";
    return false;
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
