// Promptotype — SpecWatcher, whole-file reads, atomic writes, durable line appends, locks, JSON-line logs and the
// names of files kept beside a spec.
//
// [SECTION] Watching and reading
// [SECTION] Atomic writes
// [SECTION] Appends and locks
// [SECTION] JSON lines
// [SECTION] Names
#include "runtime/spec/files.h"
#include "runtime/spec/json_text.h"
#include "runtime/spec/limits.h"
#include <cctype>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Watching and reading
//-----------------------------------------------------------------------------

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

//-----------------------------------------------------------------------------
// [SECTION] Atomic writes
//-----------------------------------------------------------------------------

namespace {

// "cannot write: No such file or directory"
std::string errnoText(const char* what, int err) { return std::string(what) + ": " + std::strerror(err); }

// The file a symbolic link finally names (relative targets resolve against the link's folder); `path` itself when
// it is no link. A dangling link resolves to the missing target, which the write then creates.
bool resolveLinks(const std::string& path, std::string* out, std::string* error) {
    std::string at = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st{};
        if (::lstat(at.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
            *out = at;
            return true;
        }
        std::string target(PATH_MAX, '\0');
        ssize_t n = ::readlink(at.c_str(), target.data(), target.size());
        if (n < 0) { if (error) *error = errnoText("cannot read the symbolic link", errno); return false; }
        target.resize((size_t)n);
        size_t slash = at.find_last_of('/');
        at = target[0] == '/' || slash == std::string::npos ? target : at.substr(0, slash + 1) + target;
    }
    if (error) *error = "too many levels of symbolic links";
    return false;
}

// Removes "NAME.tmp-PID" (and "NAME.tmp-PID-N") files beside `path` whose process no longer exists: what a write
// killed between creating its temp file and the rename leaves behind. Live processes' temp files are kept.
void removeStaleTemps(const std::string& path) {
    size_t slash = path.find_last_of('/');
    std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    std::string prefix = (slash == std::string::npos ? path : path.substr(slash + 1)) + ".tmp-";
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) return;
    std::vector<std::string> stale;
    while (const dirent* entry = ::readdir(dir)) {
        std::string_view name = entry->d_name;
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        std::string_view rest = name.substr(prefix.size());
        size_t digits = rest.find_first_not_of("0123456789");
        std::string_view pid = rest.substr(0, digits);
        if (pid.empty() || pid.size() > 9) continue;
        if (digits != std::string_view::npos && (rest[digits] != '-' || rest.find_first_not_of("0123456789", digits + 1) != std::string_view::npos))
            continue;
        pid_t owner = (pid_t)std::stol(std::string(pid));
        if (owner != ::getpid() && ::kill(owner, 0) != 0 && errno == ESRCH) stale.emplace_back(name);
    }
    ::closedir(dir);
    for (const std::string& name : stale) ::unlink((slash == std::string::npos ? name : folder + name).c_str());
}

// The error for a write refused because `path` is a symbolic link.
std::string symlinkRefused(const std::string& path) {
    return path + " is a symbolic link; Promptotype does not write its own files through links (replace it with a regular file)";
}

} // namespace

bool writeFileAtomic(const std::string& path, const std::string& text, std::string* error, Symlinks links) {
    std::string target = path;
    struct stat st{};
    if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        if (links == Symlinks::Refuse) { if (error) *error = symlinkRefused(path); return false; }
        if (!resolveLinks(path, &target, error)) return false;
    }
    removeStaleTemps(target);
    std::string tmp = target + ".tmp-" + std::to_string(::getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (error) *error = errnoText("cannot write", errno);
        return false;
    }
    size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) break;
        done += (size_t)n;
    }
    int err = done == text.size() ? 0 : errno ? errno : EIO;
    if (!err && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && !err) err = errno;
    if (!err && std::rename(tmp.c_str(), target.c_str()) != 0) err = errno;
    if (err) {
        if (error) *error = errnoText("cannot write", err);
        ::unlink(tmp.c_str());
        return false;
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Appends and locks
//-----------------------------------------------------------------------------

bool appendLineDurable(const std::string& path, const std::string& line, std::string* error) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (error) *error = errno == ELOOP ? symlinkRefused(path) : errnoText("cannot append", errno);
        return false;
    }
    struct stat st{};
    char last = '\n';
    if (::fstat(fd, &st) == 0 && st.st_size > 0 && ::pread(fd, &last, 1, st.st_size - 1) != 1) last = '\n';
    std::string whole = (last == '\n' ? "" : "\n") + line + "\n";  // a torn last line stays alone on its line
    ssize_t n = ::write(fd, whole.data(), whole.size());  // O_APPEND: one write lands as one piece
    bool ok = n == (ssize_t)whole.size() && ::fsync(fd) == 0;
    if (!ok && error) *error = std::string("cannot append: ") + (n < 0 || errno ? std::strerror(errno) : "short write");
    ::close(fd);
    return ok;
}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = other.m_fd;
        other.m_fd = -1;
    }
    return *this;
}

FileLock::~FileLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing the descriptor releases the lock
}

bool FileLock::acquire(const std::string& path, std::string* error) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EACCES) fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);  // a read-only folder: flock needs no write access
    if (fd < 0) {
        if (error) *error = errno == ELOOP ? symlinkRefused(path) : path + ": " + errnoText("cannot open the lock file", errno);
        return false;
    }
    int rc;
    do rc = ::flock(fd, LOCK_EX);
    while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        if (error) *error = path + ": " + errnoText("cannot lock", errno);
        ::close(fd);
        return false;
    }
    if (m_fd >= 0) ::close(m_fd);
    m_fd = fd;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] JSON lines
//-----------------------------------------------------------------------------

bool appendJsonLine(const std::string& path, const Json& entry, std::string* error) {
    std::string why;
    if (appendLineDurable(path, entry.dump(-1, ' ', false, Json::error_handler_t::replace), &why)) return true;
    if (error) *error = why.rfind(path, 0) == 0 ? why : path + ": " + why;
    return false;
}

namespace {

constexpr int kGlueCandidates = 16;  // places tried per unreadable line when looking for a whole entry glued after a torn one

// A line that does not parse may be a torn entry with a whole one glued after it (written by an appender that did
// not start a new line). Returns where that whole entry starts ("{" followed by a quote), or npos.
size_t findGluedEntry(std::string_view row, Json* entry) {
    int tried = 0;
    for (size_t at = row.find("{\"", 1); at != std::string_view::npos && tried < kGlueCandidates; at = row.find("{\"", at + 1), ++tried) {
        Diagnostic ignored;
        if (parseJsonText(row.substr(at), entry, &ignored) && entry->is_object()) return at;
    }
    return std::string_view::npos;
}

} // namespace

void forEachJsonLineIn(const std::string& path, std::string_view text, std::vector<std::string>* problems,
                       const std::function<bool(const Json&, std::string*)>& take) {
    auto report = [&](int line, const std::string& what) {
        if (problems) problems->push_back(path + ":" + std::to_string(line) + ": " + what);
    };
    size_t start = 0;
    for (int line = 1; start < text.size(); ++line) {
        size_t end = text.find('\n', start);
        bool last = end == std::string::npos;  // every whole line ends with '\n'; a killed writer leaves no newline
        std::string_view row = text.substr(start, (last ? text.size() : end) - start);
        start = last ? text.size() : end + 1;
        if (row.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        Json j;
        Diagnostic syntax;
        std::string why;
        if (!parseJsonText(row, &j, &syntax)) {
            size_t glued = findGluedEntry(row, &j);
            if (glued == std::string_view::npos) {
                report(line, (last ? "incomplete last line (the writer was interrupted), skipped: " : "skipped: ") + syntax.message);
                continue;
            }
            int ignored, col;
            lineCol(row, glued, &ignored, &col);
            report(line, "an incomplete entry (its writer was interrupted) skipped; the whole entry glued after it at column " +
                             std::to_string(col) + " was read");
        }
        if (!take(j, &why)) report(line, "skipped: " + (why.empty() ? std::string("not a valid entry") : why));
    }
}

void forEachJsonLine(const std::string& path, std::vector<std::string>* problems,
                     const std::function<bool(const Json&, std::string*)>& take) {
    std::string text;
    if (readFileText(path, &text)) forEachJsonLineIn(path, text, problems, take);
}

//-----------------------------------------------------------------------------
// [SECTION] Names
//-----------------------------------------------------------------------------

std::string besideSpec(const std::string& specPath, std::string_view suffix) {
    size_t slash = specPath.find_last_of('/');
    size_t nameStart = slash == std::string::npos ? 0 : slash + 1;
    const std::string_view json = ".json";
    bool isJson = specPath.size() > nameStart + json.size() && specPath.compare(specPath.size() - json.size(), json.size(), json) == 0;
    if (isJson) return specPath.substr(0, specPath.size() - json.size()) + std::string(suffix);
    std::string joined(suffix);
    if (!joined.empty() && joined[0] == '.') joined[0] = '_';  // "app.bak_feedback.jsonl" can never be a NAME.json's file
    return specPath + joined;
}

std::string fileNameFromId(std::string_view id) {
    const size_t limit = (size_t)limits::kFileNameFromId.value;
    std::string name;
    for (char c : id) name += (std::isalnum((unsigned char)c) || c == '-' || c == '_') ? c : '_';
    if (name == id && !name.empty() && name.size() <= limit) return name;
    std::uint64_t hash = 14695981039346656037ull;  // FNV-1a over the whole id: deterministic across runs and builds
    for (char c : id) hash = (hash ^ (unsigned char)c) * 1099511628211ull;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", (unsigned long long)hash);
    // '.' never appears in a name kept as it was, so a hashed name cannot equal another id's
    return name.substr(0, limit) + "." + std::string(hex, 12);
}

} // namespace pt
