// Promptotype — HeadlessDriver: real ImGui frames with no window and no GPU.
//
// Drives a Prototype with injected mouse and keyboard input (ImGui 1.86 IO: MousePos,
// MouseDown, KeysDown), finds widgets through the probes the runtime records, and renders
// frames to images with the CPU rasterizer. Used by `shot`, `play`, `inspect`, the tests and
// the benchmarks.
//
// [SECTION] Devices
// [SECTION] HeadlessDriver

#pragma once
#include "runtime/engine/prototype.h"
#include "runtime/engine/targets.h"
#include "runtime/headless/raster.h"
#include <functional>
#include <memory>
#include <string>

struct ImGuiContext;

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Devices
//-----------------------------------------------------------------------------

ImVec2 deviceSize(std::string_view device);  // logical screen size: phone 390x844, tablet 834x1112, desktop 1280x800

//-----------------------------------------------------------------------------
// [SECTION] HeadlessDriver
//-----------------------------------------------------------------------------

class HeadlessDriver {
public:
    // size (0,0) uses the spec's device size. Fonts are shared by every driver in the process.
    explicit HeadlessDriver(std::shared_ptr<const Spec> spec, ImVec2 size = ImVec2(0, 0));
    ~HeadlessDriver();
    HeadlessDriver(const HeadlessDriver&) = delete;
    HeadlessDriver& operator=(const HeadlessDriver&) = delete;

    Prototype& proto() { return m_proto; }
    ImVec2 size() const { return m_size; }
    ImGuiContext* context() const { return m_ctx; }  // its ImGui context (fonts and style included), e.g. for baseline benchmarks

    void frame(double dt = 1.0 / 60.0);  // runs due actions, then one full ImGui frame
    void settle();                       // a few frames so layouts that measure last frame converge

    // TARGET is a widget id, its probe key, or its visible label, resolved as runtime/engine/targets.h says (topmost
    // overlay first, then the screen, then the app chrome). A target scrolled out of view is scrolled into view
    // first; one the screen has not drawn yet is looked for page by page down the screen. Each returns false with
    // a message naming the target when it is missing (with the closest labels), ambiguous (with the candidates),
    // hidden or disabled.
    bool click(const std::string& target, std::string* error);
    // Types into a text field, replacing what it held. On a date field, TEXT is a date ("2026-05-14", "May 14, 2026")
    // picked in its calendar, as `pick` does.
    bool type(const std::string& target, const std::string& text, std::string* error);
    // Picks DATE in the date picker FIELD opens (FIELD "": the picker open now), going through the months to reach it.
    bool pick(const std::string& field, const std::string& date, std::string* error);
    bool key(const std::string& name, std::string* error);  // enter, tab, backspace, escape, up, down
    void wait(double ms);                                   // advances runtime time (delays, mock calls, streams)
    void clickAt(ImVec2 pos);                               // a click at a point, whatever is there (hover, press, release, move away)
    void dragFrom(ImVec2 from, ImVec2 to);                  // press at `from`, move to `to` over a few frames, release there
    void scrollAt(ImVec2 pos, float wheel);                 // mouse wheel over a point (positive scrolls up, like ImGui)
    void typeChars(const std::string& utf8);                // characters to whatever has keyboard focus (nothing when none)
    const Probe* find(const std::string& target) const;     // in the last frame's probes, or nullptr

    Image capture();  // renders the current state (one more frame) to pixels

    // Runs inside every frame right after the prototype is drawn, with the prototype's rectangle: meeting mode
    // records clicks there and draws its overlays (heat map, pins) the same way the window does.
    void setFrameHook(std::function<void(const ImRect& area)> hook) { m_hook = std::move(hook); }

private:
    const Probe* resolve(const std::string& target, std::string* error);  // matchTarget, looking down the screen page by page
    const Probe* refind(const std::string& key, const std::string& label) const;  // the same control in the last frame
    bool press(const Probe& p, const std::string& target, std::string* error);  // into view, then a click on it
    bool scrollScreenDown();                  // one wheel turn over the screen; false when it cannot scroll further
    const Probe* openPicker(const std::string& key) const;  // a day of the date picker `key` opened ("": the topmost one)
    bool pickDay(std::string key, const std::string& date, const std::string& target, std::string* error);

    ImGuiContext* m_ctx = nullptr;
    Prototype m_proto;
    ImVec2 m_size;
    std::function<void(const ImRect&)> m_hook;
};

} // namespace pt
