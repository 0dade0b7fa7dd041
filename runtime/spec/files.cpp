// Promptotype — SpecWatcher, whole-file reads, atomic writes, durable line appends and JSON-line logs.
#include "runtime/spec/files.h"
#include "runtime/spec/json_text.h"
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace pt {

SpecWatcher::SpecWatcher(std::string path) : m_path(std::move(path)) { m_stamp = stamp(); }

bool SpecWatcher::changed() {
    long long s = stamp();
    if (s == m_stamp || s == 0) return false;
    m_stamp = s;
    return true;
}

long long SpecWatcher::stamp() const {
    struct stat st{};
    if (stat(m_path.c_str(), &st) != 0) return 0;
    return (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec + st.st_size;
}

bool readFileText(const std::string& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return false;
    *out = ss.str();
    return true;
}

bool writeFileAtomic(const std::string& path, const std::string& text, std::string* error) {
    std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        if (error) *error = std::string("cannot write: ") + std::strerror(errno);
        return false;
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = (std::fflush(f) == 0) && ok;
    ok = (fsync(fileno(f)) == 0) && ok;
    ok = (std::fclose(f) == 0) && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        if (error) *error = std::string("cannot write: ") + std::strerror(errno);
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

bool appendLineDurable(const std::string& path, const std::string& line, std::string* error) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (error) *error = std::string("cannot append: ") + std::strerror(errno);
        return false;
    }
    std::string whole = line + "\n";
    ssize_t n = ::write(fd, whole.data(), whole.size());  // O_APPEND: one write lands as one piece
    bool ok = n == (ssize_t)whole.size() && ::fsync(fd) == 0;
    if (!ok && error) *error = std::string("cannot append: ") + (n < 0 || errno ? std::strerror(errno) : "short write");
    ::close(fd);
    return ok;
}

bool appendJsonLine(const std::string& path, const Json& entry, std::string* error) {
    std::string why;
    if (appendLineDurable(path, entry.dump(-1, ' ', false, Json::error_handler_t::replace), &why)) return true;
    if (error) *error = path + ": " + why;
    return false;
}

void forEachJsonLine(const std::string& path, std::vector<std::string>* problems,
                     const std::function<bool(const Json&, std::string*)>& take) {
    std::string text;
    if (!readFileText(path, &text)) return;
    size_t start = 0;
    for (int line = 1; start < text.size(); ++line) {
        size_t end = text.find('\n', start);
        bool torn = end == std::string::npos;  // every whole line ends with '\n'; a killed writer leaves no newline
        std::string_view row(text.data() + start, (torn ? text.size() : end) - start);
        start = torn ? text.size() : end + 1;
        if (row.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        Json j;
        Diagnostic syntax;
        std::string why;
        if (!parseJsonText(row, &j, &syntax)) why = syntax.message;
        else if (!take(j, &why)) why = why.empty() ? "not a valid entry" : why;
        else continue;
        if (problems)
            problems->push_back(path + ":" + std::to_string(line) + ": " +
                                (torn ? "incomplete last line (the writer was interrupted), skipped: " : "skipped: ") + why);
    }
}

std::string besideSpec(const std::string& specPath, std::string_view suffix) {
    size_t slash = specPath.find_last_of('/');
    size_t dot = specPath.find_last_of('.');
    std::string stem = (dot != std::string::npos && (slash == std::string::npos || dot > slash + 1)) ? specPath.substr(0, dot) : specPath;
    return stem + std::string(suffix);
}

} // namespace pt
