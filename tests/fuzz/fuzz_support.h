// Promptotype fuzz targets — what more than one target needs: a scratch folder for targets whose input is a file.
#pragma once
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace pt::fuzz {

// A folder of this process in memory (/dev/shm, else the system temp dir): targets write files per input, and on
// a disk that alone takes two thirds of their time. Emptied before every input so no input sees files an earlier
// one left (a crash must reproduce from its own bytes); removed when the process exits normally, and by the next
// process of the same target when it crashed (the long run's fork mode crashes many).
class ScratchDir {
public:
    explicit ScratchDir(const std::string& tag) : m_path(base() / (prefix(tag) + std::to_string(::getpid()))) {
        removeOrphans(tag);
    }
    ~ScratchDir() { std::error_code ec; std::filesystem::remove_all(m_path, ec); }

    void clear() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
        std::filesystem::create_directories(m_path);
    }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    static std::string prefix(const std::string& tag) { return "pt-fuzz-" + tag + "-"; }

    // Removes the folders of this target whose process is gone.
    static void removeOrphans(const std::string& tag) {
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(base(), ec)) {
            std::string name = entry.path().filename().string();
            if (name.rfind(prefix(tag), 0) != 0) continue;
            long pid = std::strtol(name.c_str() + prefix(tag).size(), nullptr, 10);
            if (pid > 0 && ::kill((pid_t)pid, 0) != 0 && errno == ESRCH) std::filesystem::remove_all(entry.path(), ec);
        }
    }

    static std::filesystem::path base() {
        return ::access("/dev/shm", W_OK) == 0 ? std::filesystem::path("/dev/shm") : std::filesystem::temp_directory_path();
    }
    std::filesystem::path m_path;
};

// Writes the bytes to `path` (creating its folder); false when that fails.
inline bool writeBytes(const std::string& path, const uint8_t* data, size_t size) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(data), (std::streamsize)size);
    return (bool)f;
}

} // namespace pt::fuzz
