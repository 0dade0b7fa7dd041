// Promptotype — SessionLog: what stakeholders did in a prototype, and the figures drawn from it.
//
// "app/habits.json" -> "app/habits.sessions.jsonl": one event per line, appended durably. A session is a named
// run ("Maria, Tuesday review"); events record clicks (with where the pointer was), misclicks (clicks on
// things that do nothing), inputs, screens entered and time. Figures are computed per variant: a click heat map
// per screen, the path funnel through the flow (how many sessions reached each screen), misclicks and time per
// screen.
//
// [SECTION] Events
// [SECTION] SessionLog
// [SECTION] Figures

#pragma once
#include "runtime/engine/ui.h"
#include "runtime/spec/spec.h"
#include <map>
#include <string>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Events
//-----------------------------------------------------------------------------

// One thing that happened in a session.
struct SessionEvent {
    std::string session;     // session name
    std::string type;        // "start", "screen" (entered), "click", "misclick", "input", "end"
    double t = 0;            // seconds since the session started (runtime time: deterministic in headless runs)
    double wall = 0;         // unix seconds (for the report's dates)
    std::string screen;      // screen shown when it happened (for "screen": the one entered)
    std::string widget;      // click/input: the widget's anchor (anchorFor); misclick: what was under the pointer, or ""
    float x = -1, y = -1;    // click/misclick: pointer position as a fraction (0..1) of the prototype's area
    std::string variant;     // variant shown ("A" = as written)
    std::string value;       // input: the text or value entered (at most 200 bytes)
};

Json sessionEventToJson(const SessionEvent& e);
bool sessionEventFromJson(const Json& j, SessionEvent* out, std::string* error);

// An "input" event for a value entered in a widget (the input observer's arguments): its anchor and the value as text.
SessionEvent inputEvent(const Node& node, const std::string& instanceKey, const Json& value);
// A "click" event (`live`: the control under the pointer does something) or a "misclick" at `pos`, with `hit`'s
// anchor (nullptr: on nothing) and where in `area` (the prototype's) it was.
SessionEvent clickEvent(const Probe* hit, bool live, ImVec2 pos, const ImRect& area);

//-----------------------------------------------------------------------------
// [SECTION] SessionLog
//-----------------------------------------------------------------------------

class SessionLog {
public:
    explicit SessionLog(std::string specPath);   // the file is besideSpec(specPath, ".sessions.jsonl")
    const std::string& path() const { return m_path; }
    bool append(const SessionEvent& e, std::string* error);   // one durable line
    // Every event, oldest first; torn or malformed lines are skipped and described in `problems` ("FILE:LINE: ...").
    std::vector<SessionEvent> load(std::vector<std::string>* problems = nullptr) const;

private:
    std::string m_path;
};

//-----------------------------------------------------------------------------
// [SECTION] Figures
//-----------------------------------------------------------------------------

// A click drawn on the heat map.
struct HeatPoint {
    float x = 0, y = 0;     // fraction of the prototype's area
    bool miss = false;      // a misclick
};

struct ScreenFigures {
    std::string screen;
    int sessionsReached = 0;    // funnel: sessions that entered this screen at least once
    int visits = 0;             // times entered
    double seconds = 0;         // total time spent on it (until the next screen or the session's last event)
    int clicks = 0, misclicks = 0, inputs = 0;
};

// Figures for one variant.
struct VariantFigures {
    std::string variant;                 // "A", "B", ...
    int sessions = 0;                    // sessions with at least one event in this variant
    std::vector<ScreenFigures> screens;  // funnel order: the spec's flow order (start screen, then breadth-first along navigations), then any others seen
    const ScreenFigures* screen(std::string_view id) const;  // nullptr if never seen
};

// Figures per variant ("A" first), from events of any number of sessions. `spec` orders the funnel.
std::vector<VariantFigures> computeFigures(const std::vector<SessionEvent>& events, const Spec& spec);

// Click points on one screen (variant "" = all variants).
std::vector<HeatPoint> heatPoints(const std::vector<SessionEvent>& events, const std::string& screen, const std::string& variant = "");

// The spec's flow order: start screen, then breadth-first along navEdges, then unreachable screens in spec order.
std::vector<std::string> flowOrder(const Spec& spec);

} // namespace pt
