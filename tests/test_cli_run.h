// Promptotype tests — running the built `promptotype` binary (PT_BINARY) as a user would, for tests of CLI contracts.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace pt::test {

// What one run of the binary gave: exit code (-1 when it did not exit normally), stdout and stderr.
struct CliResult {
    int code = -1;
    std::string out, err;
};

// Runs the built binary with arguments (shell-quoted by the caller) in `workdir`, capturing stdout and stderr.
// No display and no LLM configuration leak in from the developer's environment; `env` adds "NAME=value ...".
inline CliResult cli(const std::string& args, const std::string& workdir = ".", const std::string& env = "") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("pt_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string out = (dir / "out").string(), err = (dir / "err").string();
    std::string cmd = "cd " + workdir + " && env -u DISPLAY -u WAYLAND_DISPLAY -u OPENAI_API_KEY -u OPENAI_BASE_URL -u ANTHROPIC_API_KEY" +
                      " PROMPTOTYPE_CONFIG=" + (dir / "no-config.json").string() + " XDG_CACHE_HOME=" + (dir / "cache").string() + " " + env +
                      " " + PT_BINARY + " " + args + " >" + out + " 2>" + err;
    int status = std::system(cmd.c_str());
    CliResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    auto slurp = [](const std::string& p) { std::ifstream in(p); std::stringstream ss; ss << in.rdbuf(); return ss.str(); };
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

} // namespace pt::test
