// Promptotype — StepRunner: the `play` step language, shared by the CLI, rehearsed demos and the tests.
//
// Steps are one line each, e.g. `click "Add habit"`, `type name "Read"`, `refine "add a share screen"`,
// `react save agree "Love it"`. Meeting steps (select, refine, react, undo, variant, clock, session, record)
// go through the same Meeting object the window uses, so a script does exactly what a person would.
//
// [SECTION] StepRunner

#pragma once
#include "runtime/headless/headless.h"
#include "meeting/meeting.h"
#include <string>
#include <vector>

namespace pt {

// Splits a step into at most `maxParts` words; quotes ("..." or '...') group words, the last part takes the rest.
std::vector<std::string> splitStep(const std::string& step, size_t maxParts);

class StepRunner {
public:
    // `meeting` drives the meeting steps (its frame hook is installed on the driver); `refine` answers `refine` steps.
    StepRunner(HeadlessDriver& driver, Meeting& meeting, RefineFunction refine);
    ~StepRunner();

    // Runs one step. False with a message naming the step's problem; `said` gets what the step reports
    // (a refinement's summary, where undo went), or "" when it has nothing to say.
    bool run(const std::string& step, std::string* error, std::string* said);
    static const char* help();  // one line per step, for usage messages and README

private:
    bool replayDemo(std::string* error, std::string* said);
    HeadlessDriver& m_driver;
    Meeting& m_meeting;
    RefineFunction m_refine;
    int m_replayDepth = 0;
};

// Runs a step that needs no pointer (everything but click, type, key, wait, back, replay) on the meeting: the
// window's demo player uses it for those steps and animates the pointer ones itself. `*handled` is false
// when the step is not one of these.
bool runMeetingStep(Meeting& meeting, const std::string& step, const RefineFunction& refine, bool* handled,
                    std::string* error, std::string* said);

// "+1h", "+1d", "+30m", "+90s", "2h" -> seconds; false when not a duration.
bool parseDuration(const std::string& text, double* seconds);

} // namespace pt
