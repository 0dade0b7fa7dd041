// Promptotype — app window implementation.
//
// [SECTION] Spec feed
// [SECTION] Presenter panel
// [SECTION] Device frame, progress strip and error overlay
// [SECTION] Main loop

#include "runtime/app_window.h"
#include "runtime/headless.h"
#include "runtime/prototype.h"
#include "runtime/raster.h"
#include "runtime/spec_loader.h"
#include "runtime/spec_watcher.h"
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui_internal.h>
#include <algorithm>
#include <cstdio>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Spec feed
//-----------------------------------------------------------------------------

void SpecFeed::publish(std::shared_ptr<const Spec> spec) {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_view.spec = std::move(spec);
    m_version = ++m_view.version;
}

void SpecFeed::setStatus(std::string status) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_view.status == status) return;
    m_view.status = std::move(status);
    m_version = ++m_view.version;
}

void SpecFeed::finish(std::shared_ptr<const Spec> spec, std::string specPath, std::vector<std::string> problems, std::string status) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (spec) m_view.spec = std::move(spec);
    m_view.specPath = std::move(specPath);
    m_view.problems = std::move(problems);
    m_view.status = std::move(status);
    m_view.finished = true;
    m_version = ++m_view.version;
}

uint64_t SpecFeed::version() const { return m_version.load(); }

SpecFeed::View SpecFeed::view() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_view;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Presenter panel
//-----------------------------------------------------------------------------

struct PresenterState {
    std::string device;
    bool dark = false;
    std::vector<std::string> problems;  // diagnostics of the last failed reload; empty when fine
    std::string file;
    std::string problemsTitle;          // headline of the problems overlay
    std::string status;                 // generation progress; "" when not generating
    bool generating = false;            // a feed is still streaming
};

void drawPresenter(Prototype& proto, PresenterState& ps, const FontSet& fonts, const ImRect& r) {
    const Theme& t = proto.theme();
    ImGui::SetCursorScreenPos(r.Min);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 20));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, t.c.surface);
    ImGui::BeginChild("##presenter", r.GetSize(), false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(r.Max.x - 0.5f, r.Min.y), ImVec2(r.Max.x - 0.5f, r.Max.y), t.c.border);
    ImGui::PushItemWidth(-FLT_MIN);
    ImGui::PushFont(fonts.get(TextStyle::H3));
    ImGui::TextUnformatted(proto.spec().name.c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts.get(TextStyle::Caption));
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.textMuted);
    ImGui::PushTextWrapPos(0);
    if (!proto.spec().idea.empty()) ImGui::TextUnformatted(proto.spec().idea.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(1, 8));
    ImGui::TextUnformatted("SCREENS");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    Scope scope(&proto.state());
    for (auto& s : proto.spec().screens) {
        std::string title = toDisplayString(s.title.eval(scope, proto.env()));
        bool current = proto.currentScreen() == s.id;
        ImGui::PushID(s.id.c_str());
        if (ImGui::Selectable(title.c_str(), current, 0, ImVec2(0, 30))) proto.showScreen(s.id);
        ImGui::PopID();
    }
    ImGui::Dummy(ImVec2(1, 12));
    if (ImGui::Button("Reset state", ImVec2(-FLT_MIN, 36))) proto.reset();
    ImGui::Dummy(ImVec2(1, 8));
    static const char* devices[] = {"phone", "tablet", "desktop"};
    int current = 0;
    for (int i = 0; i < 3; ++i) if (ps.device == devices[i]) current = i;
    if (ImGui::Combo("##device", &current, devices, 3)) ps.device = devices[current];
    if (ImGui::Checkbox("Dark mode", &ps.dark)) proto.setTheme(ps.dark);
    ImGui::Dummy(ImVec2(1, 8));
    ImGui::PushFont(fonts.get(TextStyle::Caption));
    ImGui::PushStyleColor(ImGuiCol_Text, t.c.textMuted);
    ImGui::PushTextWrapPos(0);
    if (ps.generating) ImGui::TextUnformatted("Generating: screens appear as the model finishes them.");
    else {
        if (!ps.status.empty()) ImGui::TextUnformatted(ps.status.c_str());
        ImGui::TextUnformatted(ps.problems.empty() ? "Watching the spec: save to update." : "The spec has problems: they are listed over the device.");
    }
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PopItemWidth();
    ImGui::EndChild();
}

//-----------------------------------------------------------------------------
// [SECTION] Device frame, progress strip and error overlay
//-----------------------------------------------------------------------------

// A pill at the top of the stage while a generation streams: spinner dot, progress line.
void drawProgressStrip(const std::string& status, const FontSet& fonts, const Theme& t, const ImRect& stage) {
    ImFont* f = fonts.get(TextStyle::Caption);
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, status.c_str());
    ImVec2 size(ts.x + 48, 30);
    ImVec2 min(std::floor(stage.GetCenter().x - size.x * 0.5f), stage.Min.y + 8);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(min, min + size, t.dark ? IM_COL32(40, 44, 54, 240) : IM_COL32(255, 255, 255, 245), 15);
    dl->AddRect(min, min + size, t.c.border, 15);
    float phase = (float)ImGui::GetTime() * 4.0f;
    dl->AddCircleFilled(min + ImVec2(18, 15), 4.0f + 1.5f * std::sin(phase), t.c.brand);
    dl->AddText(f, f->FontSize, min + ImVec2(32, (size.y - ts.y) * 0.5f), t.c.text, status.c_str());
}

ImRect drawDeviceFrame(const std::string& device, const ImRect& area, const Theme& t) {
    ImVec2 size = deviceSize(device);
    float bezel = device == "desktop" ? 10 : 14;
    // Shrink to fit the window, never grow: fonts are baked at 1x.
    float scale = std::min(1.0f, std::min((area.GetWidth() - 40) / (size.x + 2 * bezel), (area.GetHeight() - 40) / (size.y + 2 * bezel)));
    if (scale < 1.0f) size = ImVec2(std::floor(size.x * scale), std::floor(size.y * scale));
    ImVec2 outer = size + ImVec2(2 * bezel, 2 * bezel);
    ImVec2 min = area.GetCenter() - outer * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float rounding = device == "desktop" ? 12 : 44;
    dl->AddRectFilled(min + ImVec2(0, 8), min + outer + ImVec2(0, 8), IM_COL32(0, 0, 0, 40), rounding);
    dl->AddRectFilled(min, min + outer, t.dark ? IM_COL32(52, 55, 64, 255) : IM_COL32(24, 26, 32, 255), rounding);
    ImRect screen(min + ImVec2(bezel, bezel), min + ImVec2(bezel, bezel) + size);
    return screen;
}

void drawErrorOverlay(const PresenterState& ps, const FontSet& fonts, const ImRect& r) {
    ImFont* h = fonts.get(TextStyle::Strong);
    ImFont* f = fonts.get(TextStyle::Caption);
    float wrap = r.GetWidth() - 24 - 28;
    // Sized to its lines (at most a third of the stage), anchored to the bottom.
    float textH = 0;
    for (auto& p : ps.problems) textH += f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, p.c_str()).y + 4;
    float boxH = std::min(r.GetHeight() / 3, 52 + textH);
    ImRect box(ImVec2(r.Min.x + 12, r.Max.y - 12 - boxH), ImVec2(r.Max.x - 12, r.Max.y - 12));
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(box.Min, box.Max, IM_COL32(127, 29, 29, 240), 12);
    dl->PushClipRect(box.Min, box.Max, true);
    dl->AddText(h, h->FontSize, box.Min + ImVec2(14, 12), IM_COL32(255, 255, 255, 255), ps.problemsTitle.c_str());
    float y = box.Min.y + 40;
    for (auto& p : ps.problems) {
        dl->AddText(f, f->FontSize, ImVec2(box.Min.x + 14, y), IM_COL32(254, 226, 226, 255), p.c_str(), nullptr, wrap);
        y += f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, p.c_str()).y + 4;
    }
    dl->PopClipRect();
}

// Reads the back buffer before the swap (what is about to be shown) and writes it as a PNG.
void captureWindow(int w, int h, const std::string& path) {
    Image img;
    img.width = w;
    img.height = h;
    img.rgba.resize((size_t)w * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    for (int y = 0; y < h / 2; ++y)  // OpenGL's rows run bottom-up
        std::swap_ranges(img.rgba.begin() + (size_t)y * w * 4, img.rgba.begin() + (size_t)(y + 1) * w * 4, img.rgba.begin() + (size_t)(h - 1 - y) * w * 4);
    std::string error;
    if (!writePng(path, img, &error)) std::fprintf(stderr, "%s: %s\n", path.c_str(), error.c_str());
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Main loop
//-----------------------------------------------------------------------------

bool runAppWindow(std::shared_ptr<const Spec> spec, const AppWindowOptions& options, std::string* why) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) { *why = "DISPLAY is not set"; return false; }
    if (!glfwInit()) { *why = "GLFW could not connect to the display"; return false; }
    // 3.2 core: the OpenGL3 backend then renders 64K+ vertex screens (VtxOffset), like the headless rasterizer.
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
    std::string title = "Promptotype — " + spec->name;
    GLFWwindow* window = glfwCreateWindow(1280, 920, title.c_str(), nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        *why = "no OpenGL 3 window could be created";
        return false;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    FontSet fonts;
    fonts.load(io.Fonts);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 150");

    Prototype proto(spec);
    proto.setFonts(&fonts);
    PresenterState ps;
    ps.device = options.device.empty() ? spec->device : options.device;
    ps.dark = options.dark || spec->dark;
    ps.file = options.specPath;
    ps.generating = options.feed != nullptr;
    proto.setTheme(ps.dark);
    SpecWatcher watcher(options.specPath);
    uint64_t feedVersion = 0;
    bool deviceChosen = !options.device.empty();
    bool feedShown = false;  // a spec from the feed replaced the waiting screen

    int frames = 0;
    double last = glfwGetTime();
    while (!glfwWindowShouldClose(window) && !(options.quit && options.quit->load())) {
        glfwPollEvents();
        if (options.feed && ps.generating && options.feed->version() != feedVersion) {
            SpecFeed::View v = options.feed->view();
            feedVersion = v.version;
            if (v.spec && v.spec.get() != &proto.spec()) {
                proto.replaceSpec(v.spec);
                if (!feedShown) proto.reset();  // the first real spec starts fresh: its clock, state and start screen
                feedShown = true;
                proto.setTheme(ps.dark);
                if (!deviceChosen) ps.device = v.spec->device;
            }
            ps.status = v.status;
            if (v.finished) {
                ps.generating = false;
                ps.problems = v.problems;
                ps.file = v.specPath;
                ps.problemsTitle = "The generated spec still has problems; placeholders stand in for them";
                watcher = SpecWatcher(v.specPath);  // stamps the file as written: that is what is showing
            }
        }
        if (watcher.changed()) {
            LoadResult r = SpecLoader::loadFile(ps.file);
            ps.problems.clear();
            ps.problemsTitle = "The last save has problems; showing the last good version";
            for (auto& d : r.diagnostics)
                if (d.level == Diagnostic::Level::Error) ps.problems.push_back(d.format(ps.file));
            if (r.spec && ps.problems.empty()) {
                proto.replaceSpec(r.spec);
                proto.setTheme(ps.dark);
            }
        }
        double now = glfwGetTime();
        proto.update(now - last);
        last = now;

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(vp->WorkPos);
        ImGui::SetNextWindowSize(vp->WorkSize);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::Begin("##app", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
        ImGui::PopStyleVar();
        ImRect full(vp->WorkPos, vp->WorkPos + vp->WorkSize);
        ImGui::PushFont(fonts.get(TextStyle::Body));
        const float panel = 248;
        ImGui::GetWindowDrawList()->AddRectFilled(full.Min, full.Max, proto.theme().dark ? IM_COL32(10, 11, 14, 255) : IM_COL32(232, 234, 240, 255));
        ImRect stage(ImVec2(full.Min.x + panel, full.Min.y), full.Max);
        ImRect screen = drawDeviceFrame(ps.device, stage, proto.theme());
        ImGui::PushClipRect(screen.Min, screen.Max, true);
        proto.draw(screen);
        ImGui::PopClipRect();
        drawPresenter(proto, ps, fonts, ImRect(full.Min, ImVec2(full.Min.x + panel, full.Max.y)));
        if (!ps.problems.empty()) drawErrorOverlay(ps, fonts, stage);
        if (ps.generating && !ps.status.empty()) drawProgressStrip(ps.status, fonts, proto.theme(), stage);
        ImGui::PopFont();
        ImGui::End();
        ImGui::Render();

        int w, h;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        bool last = options.maxFrames > 0 && ++frames >= options.maxFrames;
        if (last && !options.screenshot.empty()) captureWindow(w, h, options.screenshot);
        glfwSwapBuffers(window);
        if (last) break;
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return true;
}

} // namespace pt
