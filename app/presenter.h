// Promptotype — the presenter panel: the column beside the device with everything a PM does in a meeting.
//
// One function per panel (refine and mode, screens, requirements, versions, variants, overlays, session, clock, demo,
// reactions, share, reset/device/theme), all going through the Meeting like `play` steps do. PresenterState is the window's own state
// (the device shown, problems, text being typed into the panel and the cards over the stage).

#pragma once
#include "meeting/meeting.h"
#include "runtime/engine/theme.h"
#include "share/qr_text.h"
#include "share/share_server.h"
#include <imgui_internal.h>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pt {

// What the window keeps between frames besides the prototype and the meeting.
struct PresenterState {
    std::string device;
    bool dark = false;
    std::vector<std::string> problems;  // diagnostics of the last failed reload; empty when fine
    std::string file;
    std::string problemsTitle;          // headline of the problems overlay
    std::string status;                 // generation progress; "" when not generating
    bool generating = false;            // a feed is still streaming
    // Meeting mode
    bool promptOpen = false, focusPrompt = false;
    char prompt[512] = "";
    char sessionName[64] = "Review";
    char who[64] = "";
    char comment[512] = "";
    int pinKind = 0;
    bool sideBySide = false;
    bool flowMapOpen = false;
    std::string notice;                 // transient message over the stage
    double noticeUntil = 0;
    // Requirements panel: the one whose covering widgets are outlined on the stage (hovered wins over pinned).
    int hoveredRequirement = -1;        // index into meta.requirements under the pointer this frame, -1 none
    int pinnedRequirement = -1;         // clicked to keep it outlined (run --requirement N starts with one), -1 none
    int shownRequirement() const { return hoveredRequirement >= 0 ? hoveredRequirement : pinnedRequirement; }
    // Share panel: the spec served by link while the window is open (null when not sharing).
    std::unique_ptr<ShareServer> share;
    std::string shareLink;              // the link it prints, token included
    QrMatrix shareCode;                 // the link as a QR code, encoded once when sharing starts
};

// Starts serving the spec file by link (the Share panel's button, `run --share`). False with a message otherwise.
bool startSharing(PresenterState& ps, std::string* error);

// Shows `text` over the stage for a few seconds.
void say(PresenterState& ps, std::string text);

// The panel in `r`. `meeting` is null while a generation streams (only screens and prototype controls then);
// `replaying` disables the demo buttons; `onReplay` starts the saved demo.
void drawPresenter(Prototype& proto, Meeting* meeting, PresenterState& ps, const FontSet& fonts, const ImRect& r, bool replaying,
                   const std::function<void()>& onReplay);

} // namespace pt
