// Promptotype — the app window: GLFW + OpenGL3 shell around a Prototype.
//
// Shows the prototype in a device frame beside a slim presenter panel (screens, reset, device,
// light/dark) and hot-reloads the spec file: a good save swaps the prototype in place keeping its
// state; a broken save shows the problems over the last good prototype.

#pragma once
#include "runtime/spec.h"
#include <memory>
#include <string>

namespace pt {

struct AppWindowOptions {
    std::string specPath;  // watched for hot reload
    std::string device;    // "" = the spec's device
    bool dark = false;     // start in dark mode
    int maxFrames = 0;     // > 0: close after this many frames (smoke tests)
    std::string screenshot;  // with maxFrames: PNG of the whole window on the last frame
};

// Runs the window until closed. Returns false with `why` when no window can be opened (no display).
bool runAppWindow(std::shared_ptr<const Spec> spec, const AppWindowOptions& options, std::string* why);

} // namespace pt
