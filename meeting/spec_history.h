// Promptotype — SpecHistory: every version of a spec, kept beside it, for exact undo/redo, `history` and `diff`.
//
// Layout beside "app/habits.json": the folder "app/habits.history/" holds one file per version with its exact
// bytes ("000001.json", ...) and "log.jsonl", an append-only log of events (a version recorded, undo, redo, a
// jump). Writes are ordered so that a kill at any moment leaves the last complete version intact: the version's
// file is written atomically first, then the spec file (atomically), then one fsynced log line. On open, torn
// log lines and versions whose file is missing are skipped, and a spec file that holds bytes no version has
// (a hand edit, or a kill between the spec write and the log line) is recorded by syncWithFile().
// commit/undo/redo/jumpTo call syncWithFile() first when the spec file exists, so a hand edit is never
// overwritten without being recorded. Every write holds an advisory lock ("<folder>/lock", flock) from replaying
// the log to its last line, so two writers (the window and the CLI, two `refine`s) never claim the same version
// number, and versions recorded elsewhere are replayed first, never mistaken for hand edits. A log line that is
// damaged (wrong types, a version number out of range) is skipped and described in problems().
//
// [SECTION] Versions
// [SECTION] SpecHistory

#pragma once
#include "runtime/spec/expr.h"
#include <string>
#include <vector>

namespace pt {

class FileLock;

//-----------------------------------------------------------------------------
// [SECTION] Versions
//-----------------------------------------------------------------------------

// One recorded version of the spec.
struct SpecVersion {
    int number = 0;          // 1, 2, 3 ... in the order recorded
    std::string kind;        // "generate", "refine", "edit" (a saved hand edit), "import" (first seen), "variant", ...
    std::string summary;     // one line: the idea, the refinement request, "hand edit"
    std::string generator;   // who made it: "offline drafter", "openai gpt-4o" ("" for hand edits)
    double time = 0;         // unix seconds when recorded
    int parent = 0;          // version it was made from (0 for the first)
    size_t bytes = 0;        // size of the content
};

// When something was recorded, for people: "2026-11-23 14:05" in local time ("" for 0). `history` and the report.
std::string formatLocalTime(double unixSeconds);

//-----------------------------------------------------------------------------
// [SECTION] SpecHistory
//-----------------------------------------------------------------------------

class SpecHistory {
public:
    explicit SpecHistory(std::string specPath);  // nothing is read or written until open()

    // Reads the log (creating nothing). False with a message only when the history exists but cannot be read.
    bool open(std::string* error);
    static std::string folderFor(const std::string& specPath);  // "app/habits.json" -> "app/habits.history" (besideSpec)
    const std::vector<std::string>& problems() const { return m_problems; }  // log lines skipped by open(), as "FILE:LINE: why"

    const std::vector<SpecVersion>& versions() const { return m_versions; }  // oldest first
    const SpecVersion* version(int number) const;                            // nullptr if unknown
    int current() const { return m_current; }   // the version the spec file holds (0 = none recorded yet)
    bool read(int number, std::string* text) const;  // exact bytes of a version; false if unknown or unreadable

    // Records the spec file's bytes as a new version ("import" when the history is empty, else "edit") when they
    // differ from current()'s. Returns the current version number afterwards (0 with `error` on failure).
    int syncWithFile(std::string* error);
    // Writes `text` to the spec file atomically and records it as a new version made from current().
    // Returns its number (0 with `error` set on failure; the spec file is then unchanged).
    int commit(const std::string& text, const std::string& kind, const std::string& summary, const std::string& generator,
               std::string* error);
    // Announces a version that another writer (a generation) is about to put in the spec file, before it does: if
    // the process dies between that write and commit(), the next sync records the file under this kind, summary and
    // generator instead of as an import or hand edit. Cleared by the next recorded version or withdraw().
    bool announce(const std::string& kind, const std::string& summary, const std::string& generator, std::string* error);
    bool withdraw(std::string* error);  // the announced version will not come (the generation failed); a history holding nothing else is removed

    // Exact undo/redo: restore the bytes of a version into the spec file and make it current.
    bool canUndo() const;               // current() has a parent
    bool canRedo() const;               // an undo can be redone (cleared by commit and jumpTo)
    int undo(std::string* error);       // to current()'s parent; returns the version now current (0 on failure)
    int redo(std::string* error);       // to the version the last undo left; returns it (0 on failure)
    int jumpTo(int number, std::string* error);  // any version (timeline); returns it (0 on failure)

private:
    std::string versionPath(int number) const;  // "<folder>/000003.json"
    std::string logPath() const;                // "<folder>/log.jsonl"
    std::string lockPath() const;               // "<folder>/lock"
    bool replay(const Json& event, std::string* error);  // one log line read by open(); false with a message when damaged
    bool lock(FileLock* held, std::string* error);  // creates the folder, takes the lock and refresh()es: every write starts here
    bool refresh(std::string* error);           // open() again when the log's size is not what this object read and wrote
    bool readSpec(std::string* text, std::string* error) const;  // the spec file's bytes, or "cannot read FILE"
    bool writtenSince(double unixSeconds) const;  // the spec file was modified at or after that time
    int syncLocked(std::string* error);         // syncWithFile() with the lock held
    bool syncIfPresent(std::string* error);     // syncLocked() when the spec file exists (a missing one is no error)
    bool appendLog(const std::string& line, std::string* error);   // one durable line (a JSON event) in the log
    bool writeSpecThenLog(const std::string& text, const std::string& line, std::string* error);  // spec file, then the log line; restores the spec file if the line fails
    int record(const std::string& text, const std::string& kind, const std::string& summary, const std::string& generator,
               bool writeSpec, std::string* error);  // shared by commit() and syncWithFile()
    int moveHead(int number, const char* why, std::string* error);  // restores a version for undo/redo/jumpTo
    void applyVersion(const SpecVersion& v);           // a version event: it becomes current, redo is cleared
    void applyHead(int number, const std::string& why);  // a head event: the redo stack as undo/redo/jump leave it

    std::string m_specPath, m_folder;
    std::vector<SpecVersion> m_versions;
    std::vector<int> m_redo;   // versions left by undo, most recent last
    int m_current = 0;
    int m_lastNumber = 0;      // highest number in the log, skipped versions included, so numbers are never reused
    unsigned long long m_logBytes = 0;  // size of the log as replayed plus what this object appended since
    SpecVersion m_intent;      // the version announce()d and not yet recorded (kind "" = none)
    std::vector<std::string> m_problems;  // damaged log lines skipped by open()
};

} // namespace pt
