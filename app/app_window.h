// Promptotype — the app window: GLFW + OpenGL3 shell around a Prototype, in meeting mode.
//
// Shows the prototype in a device frame beside a presenter panel (screens, versions, variants, overlays,
// session, clock, demo, flow map) and hot-reloads the spec file: a good save swaps the prototype in place
// keeping its state and becomes a version; a broken save shows the problems over the last good prototype.
// A prompt bar (Ctrl+K) refines the prototype in words; select mode scopes a request to a widget, review
// mode pins reactions. Everything goes through a Meeting (meeting/meeting.h), like `play` steps do.

#pragma once
#include "meeting/meeting.h"
#include "runtime/spec/spec.h"
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace pt {

// A prototype still being written (a streamed generation), shared between the generating thread and
// the window: the window shows each newer spec as it arrives and a progress line, and once the final
// file is written it watches that file like `run` does.
class SpecFeed {
public:
    struct View {
        uint64_t version = 0;                 // bumps on every change
        std::shared_ptr<const Spec> spec;     // latest prototype to show (null: keep the current one)
        std::string status;                   // progress line ("12.4 s · 1,830 tokens · writing 'stats'")
        bool finished = false;                // the generation ended (well or not)
        std::string specPath;                 // the file written, watched from now on ("" if none)
        std::string specText;                 // its bytes, which `spec` was compiled from
        std::vector<std::string> problems;    // what is still wrong with the final spec, or why it failed
    };
    void publish(std::shared_ptr<const Spec> spec);  // a newer (partial) prototype
    void setStatus(std::string status);              // progress line
    void finish(std::shared_ptr<const Spec> spec, std::string specPath, std::string specText, std::vector<std::string> problems,
                std::string status);
    View view() const;                               // a copy of the current state
    uint64_t version() const;                        // View::version, without copying the rest (polled every frame)

private:
    mutable std::mutex m_mutex;
    View m_view;
    std::atomic<uint64_t> m_version{0};  // mirrors m_view.version
};

struct AppWindowOptions {
    std::string specPath;  // watched for hot reload
    std::string specText;  // its bytes, which the spec shown was compiled from (the meeting reuses them)
    std::string device;    // "" = the spec's device
    bool dark = false;     // start in dark mode
    int maxFrames = 0;     // > 0: close after this many frames (smoke tests)
    std::string screenshot;  // with maxFrames: PNG of the whole window on the last frame
    std::shared_ptr<SpecFeed> feed;  // set while a generation streams into the window (specPath then comes from the feed)
    const std::atomic<bool>* quit = nullptr;  // raised (Ctrl-C) -> the window closes
    RefineFunction refine;   // answers the prompt bar (the configured provider)
    std::string session;     // record a session under this name from the start ("" = presenter starts one)
    int requirement = 0;     // > 0: requirement N of meta.requirements (1-based) starts outlined, as if clicked in the presenter
    bool share = false;      // start sharing by link at once, as the presenter's Share button does
};

// Runs the window until closed. Returns false with `why` when no window can be opened (no display).
bool runAppWindow(std::shared_ptr<const Spec> spec, const AppWindowOptions& options, std::string* why);

} // namespace pt
