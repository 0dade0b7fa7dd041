// Promptotype — WindowPlatform: the GLFW window, its OpenGL 3 context, Dear ImGui's backends and the fonts.
//
// Everything the window needs from the platform, so the meeting window itself (app_window.cpp) only draws. The browser
// page (web/web_main.cpp) uses it too, on emscripten's GLFW and WebGL 2.
// A frame is: pollEvents(), beginFrame() (the backends' NewFrame; input may be injected after it), ImGui::NewFrame()
// and drawing by the caller, then present().

#pragma once
#include "runtime/engine/theme.h"
#include <string>

struct GLFWwindow;

namespace pt {

// One window for the process's lifetime; closed (and ImGui shut down) when destroyed.
class WindowPlatform {
public:
    WindowPlatform() = default;
    ~WindowPlatform();  // shuts ImGui and the window down (when open() succeeded)
    WindowPlatform(const WindowPlatform&) = delete;
    WindowPlatform& operator=(const WindowPlatform&) = delete;

    // Opens a 1280x920 window titled `title` with an ImGui context and the app's fonts (in a browser: on the page's
    // canvas, which the page then sizes). False with `why` when no window can be opened (no display, no OpenGL 3).
    bool open(const std::string& title, std::string* why);
    bool closeRequested() const;  // the user closed the window
    void pollEvents();            // input and window events since the last frame
    double time() const;          // seconds on GLFW's clock (frame deltas)
    void beginFrame();            // the backends' NewFrame, before ImGui::NewFrame
    // Renders the frame ImGui built and shows it; with `screenshotPath`, first saves it as a PNG.
    void present(const std::string& screenshotPath);
    const FontSet& fonts() const { return m_fonts; }  // loaded by open()
    // Adds a font face a spec asks for (theme.font) to the atlas and uploads the texture again, unless it is loaded.
    // Between frames: before ImGui::NewFrame.
    void useFontFace(FontFace face);

private:
    GLFWwindow* m_window = nullptr;
    FontSet m_fonts;
};

} // namespace pt
