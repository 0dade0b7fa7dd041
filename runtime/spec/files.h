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

// Writes `text` to `path` atomically (temp file in the same folder + rename), so a reader never sees half a file.
bool writeFileAtomic(const std::string& path, const std::string& text, std::string* error);

// Appends one line (a '\n' is added) to `path` with a single write() and an fsync, creating the file if needed,
// so a killed process leaves whole lines plus at most one torn last line (readers skip lines that do not parse).
bool appendLineDurable(const std::string& path, const std::string& line, std::string* error);

// Logs kept as JSON lines (feedback, sessions): one entry a line, appended with appendLineDurable, read back
// skipping the lines that do not parse.
// Appends `entry` as one line (invalid UTF-8 replaced, so it never throws); `error` starts with the file's path.
bool appendJsonLine(const std::string& path, const Json& entry, std::string* error);
// Hands every parsed line of `path` to `take` (false + message = malformed) and describes each skipped line, a torn
// last one included, in `problems` as "FILE:LINE: ...". A missing file reads as no lines.
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

// A file kept beside the spec: ("app/habits.json", ".feedback.jsonl") -> "app/habits.feedback.jsonl".
std::string besideSpec(const std::string& specPath, std::string_view suffix);

} // namespace pt
