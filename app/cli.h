// Promptotype — the command line: arguments, the verb table, and what several verbs share.
//
// Each verb lives in the file of its group (cli_generate.cpp: the main job, generate, prompt, providers;
// cli_spec.cpp: validate, shot, inspect, schema, docs; cli_meeting.cpp: run, play, refine, history, diff, report;
// cli_eval.cpp: eval; cli_share.cpp: share)
// and registers itself in the verb table with its usage and summary. runCommandLine() dispatches through the
// table and writes `help` from it. Exit codes: 0 success, 1 the spec or a step failed, 2 usage error or
// unreadable file.
//
// [SECTION] Arguments
// [SECTION] Verb table
// [SECTION] Shared by several verbs

#pragma once
#include "app/app_window.h"
#include "runtime/spec/spec.h"
#include <imgui.h>
#include <atomic>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace pt {
class LlmProvider;
}

namespace pt::cli {

//-----------------------------------------------------------------------------
// [SECTION] Arguments
//-----------------------------------------------------------------------------

// A verb's arguments: words, and --options in the order given.
struct Args {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options;  // --name value (value "" for flags)

    std::string get(const std::string& name, const std::string& fallback = "") const;  // the first value of an option
    bool has(const std::string& name) const;                                           // given at all
    std::vector<std::string> all(const std::string& name) const;                       // every value, in order
};

//-----------------------------------------------------------------------------
// [SECTION] Verb table
//-----------------------------------------------------------------------------

// One verb of the command line.
struct Verb {
    const char* name;           // what follows `promptotype` ("generate"); null for the main job, which takes the idea itself
    int order;                  // where `help` lists it
    const char* usage;          // its `help` line: "generate IDEA [-o FILE] ..."
    const char* summary;        // what it does, in one line
    int (*run)(const Args&);    // returns the exit code
};

// Adds a group's verbs to the table: one static registrar per verb file.
struct VerbRegistrar {
    explicit VerbRegistrar(std::initializer_list<Verb> verbs);
};

// Runs `promptotype ARGS`: `help`, a verb, or the main job for an idea. Returns the exit code.
int runCommandLine(int argc, char** argv);

//-----------------------------------------------------------------------------
// [SECTION] Shared by several verbs
//-----------------------------------------------------------------------------

// A spec file read and compiled once, for the verbs that render it; its bytes go to the meeting opened on it.
struct LoadedSpec {
    std::shared_ptr<const Spec> spec;  // null when unusable
    std::string text;                  // the file's bytes, as compiled
    int exitCode = 0;                  // when unusable: 2 unreadable, 1 not a spec
};
// Loads a spec for verbs that render it: problems go to stderr.
LoadedSpec loadForRender(const std::string& path);

// One PNG per screen (or only `onlyScreen`) in `dir`, named `prefix` + the screen id; the paths go to `written`.
// Returns the exit code (problems go to stderr).
int captureScreens(std::shared_ptr<const Spec> spec, const std::string& dir, const std::string& prefix, const std::string& onlyScreen,
                   ImVec2 size, bool dark, std::vector<std::string>* written);
// captureScreens with the paths printed: `shot` and the verbs that fall back to PNGs without a display.
int writeShots(std::shared_ptr<const Spec> spec, const std::string& dir, const std::string& onlyScreen, ImVec2 size, bool dark);
// No display for the window: says so and writes what it would have shown under promptotype-shots/NAME/.
int writeShotsInstead(std::shared_ptr<const Spec> spec, const std::string& specPath, const std::string& why, bool dark);

// The configured provider (--provider, --model, --command, environment, config file) for a generation; null with
// the message printed and `exitCode` set to 2 when it cannot be built.
std::unique_ptr<LlmProvider> providerFor(const Args& a, int* exitCode);

// The window options the verbs that open one share: --device, --dark, --frames, --shot, and refinement in words.
AppWindowOptions windowOptions(const Args& a, const std::string& specPath);
// The configured provider (--provider, --model, --command, environment, config file) as the meeting's refiner.
RefineFunction refineWith(const Args& a, const std::string& specPath);

// Raised by Ctrl-C once cancelOnCtrlC() ran (and by closing the window mid-generation); long verbs poll it.
std::atomic<bool>& cancelRequested();
void cancelOnCtrlC();

} // namespace pt::cli
