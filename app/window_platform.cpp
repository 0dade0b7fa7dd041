// Promptotype — WindowPlatform. See window_platform.h.

#include "app/window_platform.h"
#include "runtime/headless/raster.h"
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace pt {

namespace {

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

bool WindowPlatform::open(const std::string& title, std::string* why) {
#ifdef __EMSCRIPTEN__
    // The page's canvas and a WebGL 2 context (OpenGL ES 3); 64K+ vertex screens need 32-bit indices there (the web
    // build's ImDrawIdx), since WebGL has no base vertex to honour VtxOffset with.
    const char* glsl = "#version 300 es";
    if (!glfwInit()) { *why = "GLFW could not start in this browser"; return false; }
#else
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) { *why = "DISPLAY is not set"; return false; }
    if (!glfwInit()) { *why = "GLFW could not connect to the display"; return false; }
    // 3.2 core: the OpenGL3 backend then renders 64K+ vertex screens (VtxOffset), like the headless rasterizer.
    const char* glsl = "#version 150";
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GL_TRUE);
#endif
    m_window = glfwCreateWindow(1280, 920, title.c_str(), nullptr, nullptr);
    if (!m_window) {
        glfwTerminate();
        *why = "no OpenGL 3 window could be created";
        return false;
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    m_fonts.load(io.Fonts);
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    ImGui_ImplOpenGL3_Init(glsl);
    return true;
}

WindowPlatform::~WindowPlatform() {
    if (!m_window) return;
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(m_window);
    glfwTerminate();
}

bool WindowPlatform::closeRequested() const { return glfwWindowShouldClose(m_window); }

void WindowPlatform::pollEvents() { glfwPollEvents(); }

double WindowPlatform::time() const { return glfwGetTime(); }

void WindowPlatform::useFontFace(FontFace face) {
    if (!m_fonts.addFace(ImGui::GetIO().Fonts, face)) return;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void WindowPlatform::beginFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
}

void WindowPlatform::present(const std::string& screenshotPath) {
    ImGui::Render();
    int w, h;
    glfwGetFramebufferSize(m_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!screenshotPath.empty()) captureWindow(w, h, screenshotPath);
    glfwSwapBuffers(m_window);
}

} // namespace pt
