// Promptotype — StepRunner implementation.
//
// [SECTION] Parsing
// [SECTION] Steps

#include "meeting/step_runner.h"
#include "runtime/spec/dates.h"
#include <cstdlib>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Parsing
//-----------------------------------------------------------------------------

std::vector<std::string> splitStep(const std::string& step, size_t maxParts) {
    std::vector<std::string> parts;
    size_t i = 0;
    while (i < step.size() && parts.size() + 1 < maxParts) {
        while (i < step.size() && step[i] == ' ') ++i;
        if (i >= step.size()) break;
        std::string part;
        if (step[i] == '"' || step[i] == '\'') {
            char q = step[i++];
            while (i < step.size() && step[i] != q) part += step[i++];
            ++i;
        } else {
            while (i < step.size() && step[i] != ' ') part += step[i++];
        }
        parts.push_back(part);
    }
    while (i < step.size() && step[i] == ' ') ++i;
    if (i < step.size()) {
        std::string rest = step.substr(i);
        if (rest.size() >= 2 && (rest.front() == '"' || rest.front() == '\'') && rest.back() == rest.front()) rest = rest.substr(1, rest.size() - 2);
        parts.push_back(rest);
    }
    return parts;
}

bool parseDuration(const std::string& text, double* seconds) {
    std::string t = !text.empty() && text[0] == '+' ? text.substr(1) : text;
    char* end = nullptr;
    double n = std::strtod(t.c_str(), &end);
    if (end == t.c_str() || n < 0 || n > 1e7) return false;
    std::string unit(end);
    double scale = unit == "s" || unit == "" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : unit == "d" ? 86400 : unit == "w" ? 604800 : -1;
    if (scale < 0) return false;
    *seconds = n * scale;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Steps
//-----------------------------------------------------------------------------

StepRunner::StepRunner(HeadlessDriver& driver, Meeting& meeting, RefineFunction refine)
    : m_driver(driver), m_meeting(meeting), m_refine(std::move(refine)) {
    m_driver.setFrameHook([this](const ImRect& area) { m_meeting.frame(area); });
}

StepRunner::~StepRunner() { m_driver.setFrameHook(nullptr); }

const char* StepRunner::help() {
    return "  click TARGET            press a widget (id, key or visible label: topmost overlay first, then screen, then chrome)\n"
           "  type TARGET TEXT        type into an input (a date field takes a date: 2026-05-14, May 14, 2026)\n"
           "  pick [FIELD] DATE       pick a day in the open date picker (or in FIELD's); other months are paged to\n"
           "  key NAME                enter, tab, escape, up, down, ...\n"
           "  wait MS                 let time pass (delays, mock calls)\n"
           "  back | reset | screen ID\n"
           "  select TARGET           scope the next refinements to a widget (deselect: whole app)\n"
           "  refine REQUEST          change the prototype in words (saved as a new version)\n"
           "  undo | redo | version N\n"
           "  as NAME                 who the next reactions are from\n"
           "  react TARGET KIND [COMMENT]   pin agree|disagree|question|idea on a widget (TARGET - = the screen)\n"
           "  variant NAME            show variant A, B, ...\n"
           "  clock +1h | +1d | +30m  move the simulated clock\n"
           "  session NAME | end-session    record what happens as a named session\n"
           "  record | stop           record a demo (saved beside the spec) | replay\n"
           "  show|hide heatmap|misclicks|pins\n";
}

bool StepRunner::replayDemo(std::string* error, std::string* said) {
    std::vector<std::string> steps;
    std::vector<int> lines;
    if (!m_meeting.loadDemo(&steps, error, &lines)) return false;
    if (m_replayDepth > 0) { *error = "a demo cannot replay a demo"; return false; }
    ++m_replayDepth;
    for (size_t i = 0; i < steps.size(); ++i) {
        std::string ignored;
        if (!run(steps[i], error, &ignored)) {
            *error = m_meeting.demoPath() + ":" + std::to_string(lines[i]) + ": demo step '" + steps[i] + "': " + *error;
            --m_replayDepth;
            return false;
        }
    }
    --m_replayDepth;
    *said = "replayed " + std::to_string(steps.size()) + " steps";
    return true;
}

bool runMeetingStep(Meeting& m, const std::string& step, const RefineFunction& refine, bool* handled, std::string* error,
                    std::string* said) {
    *handled = true;
    auto head = splitStep(step, 2);
    const std::string verb = head.empty() ? "" : head[0];
    std::string rest = head.size() == 2 ? head[1] : "";
    Prototype& proto = m.proto();
    if (verb == "reset" && rest.empty()) m.reset();
    else if (verb == "screen" && !rest.empty()) {
        if (!proto.spec().screen(rest)) { *error = "no screen '" + rest + "'"; return false; }
        proto.showScreen(rest);
        m.noteStep("screen " + rest);
    } else if (verb == "select" && !rest.empty()) {
        if (!m.select(rest, error)) return false;
        *said = "selected " + m.selectionName();
    } else if (verb == "deselect" && rest.empty()) m.clearSelection();
    else if (verb == "refine" && !rest.empty()) {
        if (!refine) { *error = "refining needs a provider"; return false; }
        if (!m.refine(rest, refine, error)) return false;
        *said = m.lastRefineMessage();
    } else if ((verb == "undo" || verb == "redo") && rest.empty()) {
        std::string message;
        bool ok = verb == "undo" ? m.undo(&message) : m.redo(&message);
        *(ok ? said : error) = message;
        return ok;
    } else if (verb == "version" && !rest.empty()) {
        std::string message;
        bool ok = m.jumpTo(std::atoi(rest.c_str()), &message);
        *(ok ? said : error) = message;
        return ok;
    } else if (verb == "as") m.setPerson(rest);
    else if (verb == "react" && splitStep(step, 4).size() >= 3) {
        auto parts = splitStep(step, 4);
        return m.react(parts[1] == "-" ? "" : parts[1], parts[2], parts.size() == 4 ? parts[3] : "", error);
    } else if (verb == "variant" && !rest.empty()) return m.setVariant(rest, error);
    else if (verb == "clock" && !rest.empty()) {
        double seconds = 0;
        if (!parseDuration(rest, &seconds)) { *error = "clock wants a duration: clock +1h, clock +1d, clock +30m"; return false; }
        m.advanceClock(seconds);
    } else if (verb == "session") m.startSession(rest);
    else if (verb == "end-session" && rest.empty()) m.endSession();
    else if (verb == "record" && rest.empty()) m.startRecording();
    else if (verb == "stop" && rest.empty()) return m.stopRecording(error);
    else if ((verb == "show" || verb == "hide") && (rest == "heatmap" || rest == "misclicks" || rest == "pins")) {
        bool on = verb == "show";
        (rest == "heatmap" ? m.showHeatmap : rest == "misclicks" ? m.showMisclicks : m.showPins) = on;
    } else *handled = false;
    return true;
}

bool StepRunner::run(const std::string& step, std::string* error, std::string* said) {
    said->clear();
    auto head = splitStep(step, 2);  // verb + the rest (a target may contain spaces)
    if (head.empty()) { *error = "empty step"; return false; }
    const std::string& verb = head[0];
    std::string rest = head.size() == 2 ? head[1] : "";
    HeadlessDriver& d = m_driver;
    bool done = true;
    auto typed = splitStep(step, 3);
    if (verb == "click" && !rest.empty()) done = d.click(rest, error);
    else if (verb == "type" && typed.size() == 3) done = d.type(typed[1], typed[2], error);
    else if (verb == "pick" && !rest.empty()) {
        int64_t day = 0;  // the whole rest a date (any default year: only its form counts here): the picker open now; else FIELD DATE
        done = parseWrittenDate(rest, 2000, &day) || typed.size() < 3 ? d.pick("", rest, error) : d.pick(typed[1], typed[2], error);
    }
    else if (verb == "wait" && !rest.empty()) {
        char* end = nullptr;
        double ms = std::strtod(rest.c_str(), &end);
        if (end == rest.c_str() || ms < 0) { *error = "wait wants milliseconds: wait 500"; return false; }
        d.wait(ms);
    } else if (verb == "key" && !rest.empty()) done = d.key(rest, error);
    else if (verb == "back" && rest.empty()) d.proto().back();
    else if (verb == "replay" && rest.empty()) done = replayDemo(error, said);
    else {
        bool handled = false;
        d.settle();  // select and react aim at what is on screen now
        done = runMeetingStep(m_meeting, step, m_refine, &handled, error, said);
        if (!handled) {
            *error = "unknown step '" + step + "'; steps are:\n" + help();
            return false;
        }
    }
    d.settle();
    return done;
}

} // namespace pt
