// Promptotype — Prototype: a running app made from a compiled Spec.
//
// Owns the live state, the navigation stack, open overlays and toasts, the simulated clock and the
// action runner, and draws the app into a rectangle of the current ImGui window. The same object
// serves the GLFW window, the headless driver and the tests. Widgets never see it: they talk to Ui,
// which works through the public API below.
//
// Timing: every frame draws from one consistent state. Whatever is asked for while a frame is
// being drawn (a bound input's write, navigation, overlays, toasts, the action sequences widgets
// fire) waits in one queue and runs, in the order asked, right after the frame's drawing ends.
// Outside draw() the same calls act at once; an action sequence runs until its first wait (delay,
// call, stream) and is resumed by update().
//
// [SECTION] Prototype

#pragma once
#include "runtime/engine/action_runner.h"
#include "runtime/spec/spec.h"
#include "runtime/spec/state_paths.h"
#include "runtime/engine/theme.h"
#include "runtime/engine/ui.h"
#include <imgui.h>
#include <imgui_internal.h>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace pt {


class Prototype {
public:
    explicit Prototype(std::shared_ptr<const Spec> spec);

    // --- Spec ----------------------------------------------------------------------------------
    const Spec& spec() const { return *m_spec; }
    std::shared_ptr<const Spec> specPtr() const { return m_spec; }
    // Hot reload: swaps in a new spec, keeping state values whose shape still matches the new
    // initial state, and the current screen when it still exists.
    void replaceSpec(std::shared_ptr<const Spec> spec);
    void reset();  // state, clock, navigation, overlays and toasts back to the start

    // --- Frame ---------------------------------------------------------------------------------
    void setFonts(const FontSet* fonts) { m_fonts = fonts; }  // set by the host before drawing
    void setTheme(bool dark);                                  // light/dark switch (presenter)
    const Theme& theme() const { return m_theme; }
    const FontSet* fonts() const { return m_fonts; }
    void update(double dt);            // advances runtime time: runs due actions, expires toasts
    void draw(const ImRect& area);     // draws the app into `area` of the current window
    ImRect screenRect() const { return m_screenRect; }  // content area of the current screen (last frame)
    float screenScrollLeft() const { return m_screenScrollLeft; }  // how far the screen's body could still scroll down (last frame), in pixels

    // --- State ---------------------------------------------------------------------------------
    const Json& state() const { return m_state; }
    // Paths: "a.b.0", "/a/b/0" or "a[0].b". Missing objects along the way are created. A write that would
    // take the state past limits::kStateSize or kStateDepth is refused (state unchanged, `overBudget` set).
    bool setPath(std::string_view path, Json value, std::string* error = nullptr, bool* overBudget = nullptr);
    const Json* getPath(std::string_view path) const;  // nullptr when absent

    // --- Navigation ----------------------------------------------------------------------------
    const std::string& currentScreen() const;
    const Json& screenParams() const;                    // params of the current screen
    // Nav chrome (tab bar, sidebar, bottom_nav): a nav item becomes the root of the stack, other screens are
    // pushed. Unknown screens are reported, not crashed on.
    void navigate(const std::string& screen, Json params = Json::object());
    // The navigate action: returns to `screen` when it is on the back stack (what is above it is dropped; params,
    // when given, replace its own), else pushes it, nav items too, so `back` returns to where the user was.
    void pushOrReturn(const std::string& screen, Json params = Json::object());
    bool back();                                         // false at the root
    bool canGoBack() const { return m_stack.size() > 1; }
    void showScreen(const std::string& screen);          // presenter jump: becomes the root of the stack
    void openOverlay(const std::string& id, Json params = Json::object());  // its body reads params as `params` (over the screen's)
    void closeOverlay();                                 // closes the top overlay, if any
    const std::vector<std::string>& overlays() const { return m_overlays; }
    void toast(std::string text, std::string tone = "info");
    const std::vector<std::pair<std::string, std::string>> toasts() const;  // visible toasts (text, tone)

    // --- Actions, validation, mocks ------------------------------------------------------------
    void run(const ActionList& actions, const Scope& scope, const Json& payload = nullptr);  // payload bound as `value` and `event`
    ActionRunner& runner() { return m_runner; }
    bool pending(std::string_view mock) const { return m_runner.pending(mock); }
    // Validates inputs with rules on the current screen and overlays (all, or those with the given ids).
    // Records a message per failing field (shown under it) and returns whether all passed.
    bool validate(const std::vector<std::string>& ids);
    const std::map<std::string, std::string>& fieldErrors() const { return m_fieldErrors; }
    // A stakeholder's edit of an input (instance key `key`): clears its validation message, writes
    // the value at `boundPath` (or keeps it as the instance's own value when null) and tells the
    // input observer. What Ui::setBound does to the app.
    void editInput(const Node& node, const std::string& key, const std::string* boundPath, const Json& value);
    // Writes an input's value as editInput does, without clearing its message or telling the observer: what a widget
    // changes by itself (a running timer) is not something a stakeholder entered.
    void storeInput(const std::string& key, const std::string* boundPath, const Json& value);
    // Told of every value a stakeholder enters in an input (widget anchor, value): session recording.
    void setInputObserver(std::function<void(const Node& node, const std::string& instanceKey, const Json& value)> fn) { m_inputObserver = std::move(fn); }

    // --- Meeting mode --------------------------------------------------------------------------
    void setInert(bool inert) { m_inert = inert; }  // drawn as usual but takes no input (select and review modes)
    bool inert() const { return m_inert; }

    // --- Clock ---------------------------------------------------------------------------------
    double now() const { return m_clock; }              // simulated clock (seconds, see EvalEnv::now)
    void advanceClock(double seconds) { m_clock += seconds; }
    double elapsed() const { return m_elapsed; }        // runtime time since reset (drives delays, animations)
    EvalEnv env() const;

    // --- Probes (what the last frame drew) -----------------------------------------------------
    const std::vector<Probe>& probes() const { return m_ui.probes(); }
    const std::vector<std::string>& texts() const { return m_ui.texts(); }
    const std::vector<TextRun>& textRuns() const { return m_ui.textRuns(); }    // the same with where each was drawn
    const std::vector<LayoutBox>& layout() const { return m_ui.layout(); }      // every node instance's box in the last frame
    long long widgetsDrawn() const { return m_ui.widgetsDrawn(); }  // widgets the last frame drew: at most limits::kWidgetsPerFrame
    void scrollIntoView(std::string key, std::string label = {}) { m_ui.scrollIntoView(std::move(key), std::move(label)); }  // see Ui::scrollIntoView
    const std::vector<std::string>& messages() const { return m_messages; }  // runtime problems (bad paths, unknown screens)
    void report(std::string message);  // adds to messages() (deduplicated)
    Json localValue(const std::string& key) const;  // value of an unbound input (null if never set)

private:
    struct Frame { std::string screen; Json params; double scrollY = 0; };
    struct Toast { std::string text, tone; double until; };

    void drawAppBar(const ImRect& r, const Screen& s);
    void drawBody(const ImRect& r, const Screen& s);
    void drawTabBar(const ImRect& r);
    void drawSidebar(const ImRect& r);
    void drawOverlay(const ImRect& area, const Overlay& o, bool top);
    void drawToasts(const ImRect& area);
    void enterScreen();
    void show(const std::string& screen, Json params, bool fromNavChrome);  // navigate() and pushOrReturn()
    bool later(std::function<void()> request);  // while drawing: queues the request and returns true
    void write(const std::string& path, Json value);  // sets a path, reporting a bad one

    std::shared_ptr<const Spec> m_spec;
    Theme m_theme;
    bool m_dark = false;
    const FontSet* m_fonts = nullptr;
    Json m_state;
    long long m_stateBytes = 0;                   // measureJson(m_state).bytes, kept up to date by every write
    std::vector<Frame> m_stack;
    std::vector<std::string> m_overlays;
    std::map<std::string, Json> m_overlayParams;  // params each overlay was last opened with
    std::vector<Toast> m_toasts;
    ActionRunner m_runner;
    std::map<std::string, std::string> m_fieldErrors;
    std::map<std::string, Json> m_localValues;  // values of unbound inputs, so they still respond
    double m_clock = 0, m_elapsed = 0;
    Ui m_ui{*this};
    ImRect m_screenRect;
    float m_screenScrollLeft = 0;
    std::vector<std::string> m_messages;
    HostFunction m_host;
    bool m_drawing = false;                       // inside draw(): requests wait in m_later
    bool m_inert = false;
    std::function<void(const Node&, const std::string&, const Json&)> m_inputObserver;
    std::vector<std::function<void()>> m_later;   // the frame's requests, run in order when its drawing ends
    std::vector<std::string> m_entryChain;        // screens entered in the current action pass (limits::kNavigationChain)
};

} // namespace pt
