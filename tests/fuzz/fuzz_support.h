// Promptotype fuzz targets — what more than one target needs: a scratch folder for targets whose input is a file.
#pragma once
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace pt::fuzz {

// A folder of this process in memory (/dev/shm, else the system temp dir): targets write files per input, and on
// a disk that alone takes two thirds of their time. Emptied before every input so no input sees files an earlier
// one left (a crash must reproduce from its own bytes); removed when the process exits normally.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& tag) : m_path(base() / ("pt-fuzz-" + tag + "-" + std::to_string(::getpid()))) {}
    ~ScratchDir() { std::error_code ec; std::filesystem::remove_all(m_path, ec); }

    void clear() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
        std::filesystem::create_directories(m_path);
    }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
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
