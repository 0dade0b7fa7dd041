// Promptotype — Meeting: meeting mode around a running prototype.
//
// Everything a PM does in a review round goes through this one object, whether it comes from the window,
// a `play` step or a test: refine in words (optionally scoped to a selected widget), undo/redo/jump through
// versions, switch variants, pin reactions, record what stakeholders did in a named session, move the
// simulated clock, record a click-through as a demo. It keeps the files beside the spec (history, feedback,
// sessions, demo) and draws the overlays over the prototype. Refinement comes in as a function, because the
// runtime does not depend on the generator.
//
// [SECTION] Refinement (injected)
// [SECTION] Meeting

#pragma once
#include "meeting/feedback.h"
#include "runtime/engine/prototype.h"
#include "meeting/session_log.h"
#include <cstdint>
#include "meeting/spec_history.h"
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Refinement (injected)
//-----------------------------------------------------------------------------

// What a refinement produced (see generator/refiner.h, which app/cli_meeting.cpp adapts to this).
struct RefineOutcome {
    bool ok = false;                     // `text` is the refined document, valid
    std::string text;                    // the refined document, formatted for the spec file
    std::shared_ptr<const Spec> spec;    // `text`'s document already compiled (variant "A"; null: the meeting compiles `text`)
    std::string summary;                 // one line for the presenter
    std::string generator;               // provider label
    std::string error;                   // why nothing changed (clear; "needs an LLM" for offline refusals)
    bool unsupported = false;            // the provider cannot do this request
    bool already = false;                // with ok: the app already does what was asked, nothing changes (`summary` says how)
};
// Refines `doc` per `request`, scoped to `scope` (node id / JSON Pointer, "" = app). May run on another thread.
using RefineFunction = std::function<RefineOutcome(const Json& doc, const std::string& request, const std::string& scope,
                                                   const std::atomic<bool>* cancel)>;

//-----------------------------------------------------------------------------
// [SECTION] Meeting
//-----------------------------------------------------------------------------

class Meeting {
public:
    enum class Mode { Use, Select, Review };  // click the prototype / pick a widget to refine / pin a reaction

    Meeting(Prototype& proto, std::string specPath);
    ~Meeting();  // waits for a refinement in flight (cancelled)
    Meeting(const Meeting&) = delete;
    Meeting& operator=(const Meeting&) = delete;

    // Reads the document, the history, the reactions and the session events. Writes nothing.
    bool open(std::string* error);
    // The same when the prototype already shows the spec file's document, compiled from `text` (its bytes as read):
    // that document is reused instead of reading and parsing the file again.
    bool open(const std::string& text, std::string* error);
    const std::string& specPath() const { return m_specPath; }
    const Json& doc() const { return m_doc; }          // the document as written (every variant)
    Prototype& proto() { return m_proto; }

    // --- Versions ------------------------------------------------------------------------------
    SpecHistory& history() { return m_history; }
    // Validates `text` (a whole spec), writes it (atomically) as a new version and shows it, keeping the prototype's state.
    bool applyText(const std::string& text, const std::string& kind, const std::string& summary, const std::string& generator,
                   std::string* message);
    // The spec file changed on disk: a hand edit becomes a version and is shown (false + problems if it does not load).
    bool reloadFromFile(std::vector<std::string>* problems);
    bool undo(std::string* message);
    bool redo(std::string* message);
    bool jumpTo(int version, std::string* message);
    int version() const { return m_history.current(); }

    // --- Refinement ----------------------------------------------------------------------------
    bool refine(const std::string& request, const RefineFunction& fn, std::string* message);  // synchronous (play, tests)
    void startRefine(const std::string& request, RefineFunction fn);  // on a worker thread; poll() applies it
    void poll();  // between frames: applies a refinement the worker finished (refused when the document changed meanwhile)
    bool refining() const { return m_refining.load(); }
    void cancelRefine() { m_cancel = true; }
    const std::string& lastRefineMessage() const { return m_refineMessage; }  // result of the last refinement, for the prompt bar
    bool lastRefineFailed() const { return m_refineFailed; }

    // --- Selection (scopes refinement to a widget) -------------------------------------------------
    bool select(const std::string& target, std::string* error);  // id, key or label of a widget drawn last frame
    void clearSelection() { m_selection.clear(); m_selectionScope.clear(); m_selectionName.clear(); }
    const std::string& selection() const { return m_selection; }          // anchor of the selected widget ("" = none)
    const std::string& selectionName() const { return m_selectionName; } // "button 'Save'"

    // --- Variants ------------------------------------------------------------------------------
    const std::vector<std::string>& variants() const { return m_proto.spec().variants; }
    const std::string& variant() const { return m_variant; }
    bool setVariant(const std::string& name, std::string* error);
    std::shared_ptr<const Spec> compileVariant(const std::string& name) const;  // for side by side (null if it does not load)

    // --- Reactions -----------------------------------------------------------------------------
    // Pins a reaction on a widget drawn last frame (id, key or label), or on the screen itself when target is "".
    bool react(const std::string& target, const std::string& kind, const std::string& comment, std::string* error);
    void setPerson(std::string who) { m_who = std::move(who); }  // name stored with the next reactions
    const std::string& person() const { return m_who; }
    const std::vector<Reaction>& reactions() const { return m_reactions; }
    std::vector<Reaction> orphanedReactions() const;             // reactions whose widget is gone from the spec
    const std::string& pinTarget() const { return m_pinTarget; } // review mode: the widget clicked, awaiting a reaction ("" none)
    const std::string& pinTargetName() const { return m_pinTargetName; }
    void clearPinTarget() { m_pinTarget.clear(); m_pinTargetName.clear(); }

    // --- Sessions ------------------------------------------------------------------------------
    void startSession(const std::string& name);  // events are recorded from now on
    void endSession();
    const std::string& session() const { return m_session; }  // "" when not recording
    const std::vector<SessionEvent>& events() const { return m_events; }  // every session, this run's included
    // Viewers of a shared prototype (`share`) append to the same logs: reads them again when either grew, so their
    // pins, heat map and funnel show here as they come. True when the logs changed since they were last read (this
    // meeting's own appends included: they are read back, not doubled).
    bool followLogs();

    // --- Clock, reset --------------------------------------------------------------------------
    void advanceClock(double seconds);
    void reset();

    // --- Demo (record a click-through, replay it) ------------------------------------------------
    void startRecording();
    bool stopRecording(std::string* error);                 // saves the steps beside the spec (".demo.txt"); false when not recording
    bool recording() const { return m_recording; }
    const std::vector<std::string>& recordedSteps() const { return m_demo; }
    // The saved steps (play step syntax) and, when asked, the line of the file each came from.
    bool loadDemo(std::vector<std::string>* steps, std::string* error, std::vector<int>* lines = nullptr) const;
    std::string demoPath() const;  // where the demo is saved: beside the spec
    void noteStep(const std::string& step);  // a step done through the presenter (variant, clock, screen) joins the recording

    // --- Per frame -----------------------------------------------------------------------------
    Mode mode = Mode::Use;
    bool showHeatmap = false, showMisclicks = false, showPins = true;
    // Inside the ImGui frame, right after the prototype was drawn into `area`: records screen changes, clicks
    // and inputs, and draws the overlays and the hover/selection outlines.
    void frame(const ImRect& area);
    int hoveredPin() const { return m_hoveredPin; }                    // marker under the mouse (-1 none)
    std::vector<Reaction> hoveredPinReactions() const;                 // its reactions, for a tooltip
    std::vector<std::string> takeNotices();                            // one-line messages for the presenter (toasts)

private:
    struct Hit { const Probe* probe = nullptr; bool live = false; };  // widget under a point; live = it does something
    Hit hitTest(ImVec2 pos) const;
    void record(SessionEvent e);
    void flushInput();
    // A document ready to show: parsed, and compiled for the variant shown (the spec as written when it is gone).
    struct Compiled { Json doc; std::shared_ptr<const Spec> spec; std::string variant; };
    bool compile(const std::string& text, Compiled* out, std::vector<std::string>* problems) const;  // false + located problems
    bool compileParsed(Compiled* out, std::vector<std::string>* problems) const;  // `out->doc` set: compiles it for the variant shown
    bool reuse(const std::shared_ptr<const Spec>& spec, Compiled* out, std::vector<std::string>* problems) const;  // compiled elsewhere
    bool openWith(Json doc, const std::string& text, std::string* error);  // the document shown is `doc`, read as `text`
    // applyText() for a document perhaps compiled already (`spec`, e.g. by a refinement; null = compile `text`).
    bool applyCompiled(const std::string& text, const std::shared_ptr<const Spec>& spec, const std::string& kind,
                       const std::string& summary, const std::string& generator, std::string* message);
    void show(Compiled compiled, const std::string& text);           // swaps it in, keeping the prototype's state
    bool showText(const std::string& text, std::string* message);  // compile + show
    bool applyOutcome(const RefineOutcome& outcome, const std::string& request);
    void notice(std::string text) { m_notices.push_back(std::move(text)); }

    Prototype& m_proto;
    std::string m_specPath;
    Json m_doc;
    std::string m_shownText;               // bytes of the document shown (our own writes do not count as hand edits)
    SpecHistory m_history;
    FeedbackLog m_feedback;
    SessionLog m_sessions;
    std::vector<Reaction> m_reactions;
    std::vector<SessionEvent> m_events;
    std::uintmax_t m_feedbackBytes = 0, m_sessionsBytes = 0;  // the logs' sizes when last read (followLogs)
    std::string m_variant = "A";
    std::string m_selection, m_selectionScope, m_selectionName;
    std::string m_pinTarget, m_pinTargetName;
    std::string m_who;
    std::string m_session;
    double m_sessionTime = 0;
    std::string m_lastScreen;
    SessionEvent m_pendingInput;           // inputs are coalesced per widget (one event per edit, not per key)
    bool m_hasPendingInput = false;
    bool m_pendingTyped = false;           // the pending input is text: a `type` step can replay it
    std::string m_pendingKey;              // its widget's probe key (what a `type` step aims at)
    bool m_recording = false;
    std::vector<std::string> m_demo;
    int m_hoveredPin = -1;
    std::vector<int> m_hoveredPinReactions;
    std::vector<std::string> m_notices;

    std::thread m_worker;
    std::atomic<bool> m_refining{false}, m_cancel{false}, m_refineDone{false};
    std::mutex m_refineMutex;
    RefineOutcome m_refineOutcome;
    std::string m_refineRequest;
    std::string m_refineBase;              // bytes of the document the refinement in flight started from
    std::string m_refineMessage;
    bool m_refineFailed = false;
};

} // namespace pt
