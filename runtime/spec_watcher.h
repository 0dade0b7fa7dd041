// Promptotype — SpecWatcher: notices when the spec file was saved again (hot reload).
//
// Polls the file's modification time and size (one stat, about a microsecond), so the window can
// check every frame and show a save within a frame or two, with no inotify thread to manage.

#pragma once
#include <string>

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

} // namespace pt
