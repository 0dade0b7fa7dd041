// Promptotype — SpecWatcher (hot reload) and the file primitives everything beside a spec is written with.
//
// The watcher polls the file's modification time and size (one stat, about a microsecond), so the window
// can check every frame and show a save within a frame or two, with no inotify thread to manage.
// Files are written so that a kill at any moment loses nothing already saved: whole files atomically
// (temp file + rename), logs by appending whole lines with one write and an fsync.

#pragma once
#include "runtime/spec/expr.h"
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

class SpecWatcher {
public:
    explicit SpecWatcher(std::string path);
    bool changed();  // true once per save (mtime or size moved); false while the file is missing

private:
    long long stamp() const;
    std::string m_path;
    long long m_stamp = 0;
};

// Reads a whole file; false (and `out` untouched) when it cannot be opened or read.
bool readFileText(const std::string& path, std::string* out);

// What a whole-file write does when `path` is a symbolic link.
enum class Symlinks {
    Follow,  // write the link's target (atomically, beside the target), as editors do: the spec file
    Refuse,  // fail with "PATH is a symbolic link ...": files Promptotype creates beside a spec (history, demo, raw answers)
};

// Writes `text` to `path` atomically (temp file "NAME.tmp-PID" in the same folder + rename), so a reader never
// sees half a file. Temp files of the same target left by processes that no longer exist (kill -9) are removed.
bool writeFileAtomic(const std::string& path, const std::string& text, std::string* error, Symlinks links = Symlinks::Follow);

// Appends one line (a '\n' is added) to `path` with a single write() and an fsync, creating the file if needed, so
// a killed process leaves whole lines plus at most one torn last line. When the file does not end with '\n' (a torn
// line, an editor) the line starts on a new line. Never follows a symbolic link (O_NOFOLLOW: an error names the file).
bool appendLineDurable(const std::string& path, const std::string& line, std::string* error);

// An advisory lock (flock) on `path` (created if needed, never through a symbolic link), held while the object
// lives: writers that take it are serialised across processes and threads.
class FileLock {
public:
    FileLock() = default;
    FileLock(FileLock&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
    FileLock& operator=(FileLock&& other) noexcept;
    ~FileLock();
    bool acquire(const std::string& path, std::string* error);  // blocks until the lock is free; false with a message naming the file
    bool held() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

// Logs kept as JSON lines (feedback, sessions, history): one entry a line, appended with appendLineDurable, read
// back skipping the lines that do not parse.
// Appends `entry` as one line (invalid UTF-8 replaced, so it never throws); `error` starts with the file's path.
bool appendJsonLine(const std::string& path, const Json& entry, std::string* error);
// Hands every parsed line of `text` (the contents of the log at `path`) to `take` (false + message = malformed)
// and describes each skipped line in `problems` as "PATH:LINE: ...". A torn line with a whole entry glued after it
// (an append that followed an interrupted write) is isolated: the torn part is reported, the entry is kept.
void forEachJsonLineIn(const std::string& path, std::string_view text, std::vector<std::string>* problems,
                       const std::function<bool(const Json&, std::string*)>& take);
// The same for the file at `path`; a missing file reads as no lines.
void forEachJsonLine(const std::string& path, std::vector<std::string>* problems,
                     const std::function<bool(const Json&, std::string*)>& take);
// Every entry of the log at `path` that `parse(json, &entry, &error)` accepts, in file order (others as above).
template <class Entry, class Parse>
std::vector<Entry> readJsonLines(const std::string& path, std::vector<std::string>* problems, Parse parse) {
    std::vector<Entry> entries;
    forEachJsonLine(path, problems, [&](const Json& j, std::string* error) {
        Entry entry;
        if (!parse(j, &entry, error)) return false;
        entries.push_back(std::move(entry));
        return true;
    });
    return entries;
}

// A file kept beside the spec, named so that two spec files never share one: "NAME.json" + ".feedback.jsonl" ->
// "NAME.feedback.jsonl" (as always); any other file name is kept whole and joined with '_' instead of '.':
// "app.bak" + ".feedback.jsonl" -> "app.bak_feedback.jsonl", "app" -> "app_feedback.jsonl". `suffix` starts with '.'.
std::string besideSpec(const std::string& specPath, std::string_view suffix);

// A file name (no extension) made from an id (a screen, a variant), the same for shot and report: the id itself
// when it is made of letters, digits, '-' and '_' and not longer than limits::kFileNameFromId; otherwise the id with
// every other character replaced by '_', cut to that length, plus '.' and a hash of the whole id, so two ids never
// share a name ("a/b" -> "a_b.5f3a...", while "a_b" stays "a_b").
std::string fileNameFromId(std::string_view id);

} // namespace pt
