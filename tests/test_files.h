// Promptotype tests — small file helpers shared by test files: read a file, a sample's text, a scratch folder.
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace pt::test {

inline std::string readFile(const std::string& path) {   // "" when missing
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline std::string sampleText(const std::string& name) { return readFile(std::string(PT_SOURCE_DIR) + "/samples/" + name); }

// A fresh folder under the system temp dir, removed with everything in it at scope exit.
struct ScratchDir {
    std::filesystem::path path;
    explicit ScratchDir(const std::string& tag) {
        static int n = 0;
        path = std::filesystem::temp_directory_path() / ("pt-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        std::filesystem::create_directories(path);
    }
    ~ScratchDir() { std::error_code ec; std::filesystem::remove_all(path, ec); }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

} // namespace pt::test
