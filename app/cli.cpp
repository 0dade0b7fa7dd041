// Promptotype — the command line: arguments, the verb table and dispatch, and what several verbs share. See cli.h.
//
// [SECTION] Arguments
// [SECTION] Verb table and dispatch
// [SECTION] Shared by several verbs

#include "app/cli.h"
#include "runtime/headless/headless.h"
#include "runtime/headless/raster.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/files.h"
#include "runtime/spec/spec_loader.h"
#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace pt::cli {

//-----------------------------------------------------------------------------
// [SECTION] Arguments
//-----------------------------------------------------------------------------

std::string Args::get(const std::string& name, const std::string& fallback) const {
    for (auto& [k, v] : options) if (k == name) return v;
    return fallback;
}

bool Args::has(const std::string& name) const {
    for (auto& [k, v] : options) if (k == name) return true;
    return false;
}

std::vector<std::string> Args::all(const std::string& name) const {
    std::vector<std::string> out;
    for (auto& [k, v] : options) if (k == name) out.push_back(v);
    return out;
}

namespace {

// Options that take a value; anything else starting with -- is a flag.
bool takesValue(const std::string& name) {
    static const char* withValue[] = {"-o", "--out", "--screen", "--size", "--step", "--print", "--device", "--frames", "--shot",
                                      "--provider", "--model", "--command", "--session", "--as", "--requirement", "--style", "--id",
                                      "--port", "--split", "--name", "--page", "--collect"};
    for (const char* w : withValue) if (name == w) return true;
    return false;
}

bool parseArgs(int argc, char** argv, int first, Args* out, std::string* error) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.size() > 1 && a[0] == '-' && a != "-") {
            if (takesValue(a)) {
                if (i + 1 >= argc) { *error = a + " needs a value"; return false; }
                out->options.push_back({a == "--out" ? "-o" : a, argv[++i]});
            } else out->options.push_back({a, ""});
        } else out->positional.push_back(a);
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Verb table and dispatch
//-----------------------------------------------------------------------------

// In `help` order once every registrar has run (before main).
std::vector<Verb>& verbTable() {
    static std::vector<Verb> table;
    return table;
}

const Verb* findVerb(const std::string& name) {
    for (const Verb& v : verbTable())
        if (v.name && name == v.name) return &v;
    return nullptr;
}

const Verb* mainJob() {
    for (const Verb& v : verbTable())
        if (!v.name) return &v;
    return nullptr;
}

int usage(std::ostream& out) {
    out << "promptotype — from a feature idea to a clickable prototype\n\nusage:\n";
    for (const Verb& v : verbTable()) out << "  promptotype " << v.usage << "\n      " << v.summary << "\n";
    return 2;
}

// Parses the arguments from argv[first] on and runs the verb; `prefix` starts a message about bad arguments.
int runVerb(const Verb& verb, int argc, char** argv, int first, const std::string& prefix) {
    Args args;
    std::string error;
    if (!parseArgs(argc, argv, first, &args, &error)) { std::cerr << prefix << error << "\n"; return 2; }
    return verb.run(args);
}

// One word that is no verb is taken for a mistyped verb, not for an idea.
int unknownVerb(const std::string& word) {
    std::vector<std::string> names;
    for (const Verb& v : verbTable())
        if (v.name) names.push_back(v.name);
    std::string hint = closestName(word, names);
    std::cerr << "promptotype: unknown command '" << word << "'"
              << (hint.empty() ? " (to generate a prototype, describe the idea in a few words: promptotype \"a todo list with due dates\")"
                               : " (did you mean '" + hint + "'?)") << "\n";
    return usage(std::cerr);
}

} // namespace

VerbRegistrar::VerbRegistrar(std::initializer_list<Verb> verbs) {
    std::vector<Verb>& table = verbTable();
    table.insert(table.end(), verbs.begin(), verbs.end());
    std::stable_sort(table.begin(), table.end(), [](const Verb& a, const Verb& b) { return a.order < b.order; });
}

int runCommandLine(int argc, char** argv) {
    if (argc < 2) return usage(std::cerr);
    std::string word = argv[1];
    if (word == "help" || word == "--help" || word == "-h") { usage(std::cout); return 0; }
    if (const Verb* verb = findVerb(word)) return runVerb(*verb, argc, argv, 2, "promptotype " + word + ": ");
    if (word.find(' ') == std::string::npos) return unknownVerb(word);
    return runVerb(*mainJob(), argc, argv, 1, "promptotype: ");
}

//-----------------------------------------------------------------------------
// [SECTION] Shared by several verbs
//-----------------------------------------------------------------------------

LoadedSpec loadForRender(const std::string& path) {
    LoadedSpec loaded;
    // A file that cannot be read goes to the loader anyway: it says why.
    LoadResult r = readFileText(path, &loaded.text) ? SpecLoader::loadText(loaded.text, path) : SpecLoader::loadFile(path);
    std::cerr << r.format(path);
    if (r.unreadable) loaded.exitCode = 2;
    else if (!r.spec) loaded.exitCode = 1;
    else loaded.spec = r.spec;
    return loaded;
}

int captureScreens(std::shared_ptr<const Spec> spec, const std::string& dir, const std::string& prefix, const std::string& onlyScreen,
                   ImVec2 size, bool dark, std::vector<std::string>* written) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) { std::cerr << dir << ": cannot create the folder: " << ec.message() << "\n"; return 2; }
    if (!onlyScreen.empty() && !spec->screen(onlyScreen)) {
        std::cerr << "no screen named '" << onlyScreen << "'\n";
        return 1;
    }
    HeadlessDriver driver(spec, size);
    if (dark) driver.proto().setTheme(true);
    for (auto& s : spec->screens) {
        if (!onlyScreen.empty() && s.id != onlyScreen) continue;
        driver.proto().showScreen(s.id);
        driver.settle();
        Image img = driver.capture();
        std::string path = (fs::path(dir) / (prefix + fileNameFromId(s.id) + ".png")).string();
        std::string error;
        if (!writePng(path, img, &error)) { std::cerr << path << ": " << error << "\n"; return 1; }
        written->push_back(path);
    }
    return 0;
}

int writeShots(std::shared_ptr<const Spec> spec, const std::string& dir, const std::string& onlyScreen, ImVec2 size, bool dark) {
    std::vector<std::string> written;
    int code = captureScreens(std::move(spec), dir, "", onlyScreen, size, dark, &written);
    for (const std::string& path : written) std::cout << path << "\n";
    return code;
}

int writeShotsInstead(std::shared_ptr<const Spec> spec, const std::string& specPath, const std::string& why, bool dark) {
    std::string dir = "promptotype-shots/" + fileNameFromId(fs::path(specPath).stem().string());
    std::cerr << "promptotype: no display available (" << why << "); writing a PNG of every screen to " << dir << "/ instead\n";
    return writeShots(std::move(spec), dir, "", ImVec2(0, 0), dark);
}

AppWindowOptions windowOptions(const Args& a, const std::string& specPath) {
    AppWindowOptions opts;
    opts.device = a.get("--device");
    opts.dark = a.has("--dark");
    opts.maxFrames = std::atoi(a.get("--frames", "0").c_str());
    opts.screenshot = a.get("--shot");
    opts.requirement = std::atoi(a.get("--requirement", "0").c_str());
    opts.refine = refineWith(a, specPath);
    return opts;
}

namespace {

std::atomic<bool> g_cancel{false};

extern "C" void onInterrupt(int) { g_cancel = true; }

} // namespace

std::atomic<bool>& cancelRequested() { return g_cancel; }

void cancelOnCtrlC() { std::signal(SIGINT, onInterrupt); }

} // namespace pt::cli
