// Promptotype — SpecHistory: versions beside the spec, an append-only event log, exact undo/redo.
//
// [SECTION] Log events
// [SECTION] Opening (replaying the log)
// [SECTION] Recording versions
// [SECTION] Undo, redo, jump

#include "meeting/spec_history.h"
#include "runtime/spec/expr.h"
#include "runtime/spec/files.h"
#include "runtime/spec/limits.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace pt {

std::string formatLocalTime(double unixSeconds) {
    if (!(unixSeconds > 0)) return "";
    std::time_t t = (std::time_t)unixSeconds;
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

//-----------------------------------------------------------------------------
// [SECTION] Log events
//-----------------------------------------------------------------------------

namespace {

// Log fields are checked before use: a line with a field of the wrong type, or a version number out of range, is
// skipped as damaged (with a message) instead of being half read.
bool fail(std::string* error, std::string message) {
    if (error) *error = std::move(message);
    return false;
}

// A version number field: a whole number from 1 to limits::kHistoryVersions (`zeroOk`: 0 = none, for "parent").
bool versionField(const Json& e, const char* key, bool zeroOk, int* out, std::string* error) {
    auto it = e.find(key);
    if (it == e.end() && zeroOk) return *out = 0, true;
    const long long max = limits::kHistoryVersions.value;
    if (it == e.end() || !it->is_number_integer())
        return fail(error, std::string("\"") + key + "\" should be a version number (a whole number)");
    bool inRange = it->is_number_unsigned() ? it->get<unsigned long long>() <= (unsigned long long)max
                                            : it->get<long long>() >= (zeroOk ? 0 : 1) && it->get<long long>() <= max;
    if (!inRange || (!zeroOk && it->get<long long>() == 0))
        return fail(error, std::string("\"") + key + "\" is " + it->dump() + ", out of range (" + (zeroOk ? "0" : "1") + " to " +
                               std::to_string(max) + ")");
    *out = (int)it->get<long long>();
    return true;
}

// An optional text field ("" when absent).
bool textField(const Json& e, const char* key, std::string* out, std::string* error) {
    auto it = e.find(key);
    if (it == e.end()) return true;
    if (!it->is_string()) return fail(error, std::string("\"") + key + "\" should be text");
    *out = it->get<std::string>();
    return true;
}

// An optional number field (0 when absent).
bool numberField(const Json& e, const char* key, double* out, std::string* error) {
    auto it = e.find(key);
    if (it == e.end()) return true;
    if (!it->is_number()) return fail(error, std::string("\"") + key + "\" should be a number");
    *out = it->get<double>();
    return true;
}

// A version event's fields; false with a message when one is damaged.
bool readVersion(const Json& e, SpecVersion* v, std::string* error) {
    double bytes = 0;
    if (!versionField(e, "number", false, &v->number, error) || !versionField(e, "parent", true, &v->parent, error) ||
        !textField(e, "kind", &v->kind, error) || !textField(e, "summary", &v->summary, error) ||
        !textField(e, "generator", &v->generator, error) || !numberField(e, "time", &v->time, error) ||
        !numberField(e, "bytes", &bytes, error))
        return false;
    if (!(bytes >= 0 && bytes < 1e15)) return fail(error, "\"bytes\" should be a size in bytes");
    v->bytes = (size_t)bytes;
    return true;
}

// Control characters or invalid UTF-8 in a summary must not make the line unwritable.
std::string dumpLine(const Json& event) { return event.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string versionLine(const SpecVersion& v) {
    Json e = Json::object();
    e["event"] = "version";
    e["number"] = v.number;
    e["kind"] = v.kind;
    e["summary"] = v.summary;
    e["generator"] = v.generator;
    e["time"] = v.time;
    e["parent"] = v.parent;
    e["bytes"] = v.bytes;
    return dumpLine(e);
}

// A version announced before someone else writes the spec file (see SpecHistory::announce); no kind = withdrawn.
std::string intentLine(const std::string& kind, const std::string& summary, const std::string& generator, double time) {
    Json e = Json::object();
    e["event"] = "intent";
    if (!kind.empty()) {
        e["kind"] = kind;
        e["summary"] = summary;
        e["generator"] = generator;
        e["time"] = time;
    }
    return dumpLine(e);
}

std::string headLine(int number, const char* why) {
    Json e = Json::object();
    e["event"] = "head";
    e["number"] = number;
    e["why"] = why;
    return dumpLine(e);
}

double unixNow() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Opening (replaying the log)
//-----------------------------------------------------------------------------

SpecHistory::SpecHistory(std::string specPath) : m_specPath(std::move(specPath)), m_folder(folderFor(m_specPath)) {}

std::string SpecHistory::folderFor(const std::string& specPath) { return besideSpec(specPath, ".history"); }

std::string SpecHistory::versionPath(int number) const {
    char name[32];
    std::snprintf(name, sizeof name, "/%06d.json", number);
    return m_folder + name;
}

std::string SpecHistory::logPath() const { return m_folder + "/log.jsonl"; }

std::string SpecHistory::lockPath() const { return m_folder + "/lock"; }

bool SpecHistory::open(std::string* error) {
    m_versions.clear();
    m_redo.clear();
    m_problems.clear();
    m_intent = SpecVersion{};
    m_current = m_lastNumber = 0;
    m_logBytes = 0;
    std::error_code ec;
    bool exists = fs::exists(logPath(), ec);
    if (!exists && !ec) return true;  // no history yet
    std::string log;
    if (ec || !readFileText(logPath(), &log)) {
        if (error) *error = "cannot read " + logPath();
        return false;
    }
    m_logBytes = log.size();
    forEachJsonLineIn(logPath(), log, &m_problems, [&](const Json& e, std::string* why) { return replay(e, why); });
    return true;
}

bool SpecHistory::replay(const Json& e, std::string* error) {
    if (!e.is_object()) return fail(error, "a log event should be a JSON object");
    std::string event;
    if (!textField(e, "event", &event, error)) return false;
    if (event == "version") {
        SpecVersion v;
        if (!readVersion(e, &v, error)) return false;
        if (v.number <= m_lastNumber) return fail(error, "version " + std::to_string(v.number) + " was already recorded");
        m_lastNumber = v.number;
        m_intent = SpecVersion{};
        std::error_code ec;
        uintmax_t size = fs::file_size(versionPath(v.number), ec);
        if (ec || size != v.bytes) return fail(error, versionPath(v.number) + " is missing or was cut: version " + std::to_string(v.number) + " left out");
        applyVersion(v);
    } else if (event == "head") {
        int number = 0;
        std::string why;
        if (!versionField(e, "number", false, &number, error) || !textField(e, "why", &why, error)) return false;
        if (!version(number)) return fail(error, "moves to version " + std::to_string(number) + ", which is not in the history");
        applyHead(number, why);
    } else if (event == "intent") {
        SpecVersion intent;
        if (!textField(e, "kind", &intent.kind, error) || !textField(e, "summary", &intent.summary, error) ||
            !textField(e, "generator", &intent.generator, error) || !numberField(e, "time", &intent.time, error))
            return false;
        m_intent = intent;
    }
    return true;  // events of later versions of the format are passed over
}

void SpecHistory::applyVersion(const SpecVersion& v) {
    m_versions.push_back(v);
    m_current = v.number;
    m_redo.clear();
}

void SpecHistory::applyHead(int number, const std::string& why) {
    if (why == "undo") {
        if (m_current) m_redo.push_back(m_current);
    } else if (why == "redo" && !m_redo.empty() && m_redo.back() == number) {
        m_redo.pop_back();
    } else {
        m_redo.clear();  // a jump (or a redo the stack does not explain) starts a new line of undo
    }
    m_current = number;
}

const SpecVersion* SpecHistory::version(int number) const {
    auto it = std::lower_bound(m_versions.begin(), m_versions.end(), number, [](const SpecVersion& v, int n) { return v.number < n; });
    return it != m_versions.end() && it->number == number ? &*it : nullptr;
}

bool SpecHistory::read(int number, std::string* text) const {
    const SpecVersion* v = version(number);
    std::string bytes;
    if (!v || !readFileText(versionPath(number), &bytes) || bytes.size() != v->bytes) return false;
    *text = std::move(bytes);
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Recording versions
//-----------------------------------------------------------------------------

bool SpecHistory::lock(FileLock* held, std::string* error) {
    std::error_code ec;
    fs::create_directories(m_folder, ec);
    if (ec) return fail(error, m_folder + ": cannot create the history folder: " + ec.message());
    return held->acquire(lockPath(), error) && refresh(error);
}

bool SpecHistory::appendLog(const std::string& line, std::string* error) {
    std::string err;
    if (!appendLineDurable(logPath(), line, &err)) return fail(error, err.rfind(logPath(), 0) == 0 ? err : logPath() + ": " + err);
    std::error_code ec;
    m_logBytes = fs::file_size(logPath(), ec);  // the lock is held: nobody else appended since
    return true;
}

bool SpecHistory::refresh(std::string* error) {
    std::error_code ec;
    uintmax_t size = fs::file_size(logPath(), ec);
    return (ec ? 0 : size) == m_logBytes || open(error);
}

bool SpecHistory::writeSpecThenLog(const std::string& text, const std::string& line, std::string* error) {
    std::string previous, err;
    bool hadSpec = readFileText(m_specPath, &previous);
    if (!writeFileAtomic(m_specPath, text, &err)) return fail(error, m_specPath + ": " + err);
    if (appendLog(line, error)) return true;
    if (hadSpec) writeFileAtomic(m_specPath, previous, nullptr);  // the log did not take it: put the spec file back
    else std::remove(m_specPath.c_str());
    return false;
}

int SpecHistory::record(const std::string& text, const std::string& kind, const std::string& summary, const std::string& generator,
                        bool writeSpec, std::string* error) {
    if (m_lastNumber >= limits::kHistoryVersions.value) {
        fail(error, m_folder + ": the history is full (" + std::to_string(limits::kHistoryVersions.value) + " versions)");
        return 0;
    }
    SpecVersion v;
    v.number = m_lastNumber + 1;
    v.kind = kind;
    v.summary = summary;
    v.generator = generator;
    v.time = unixNow();
    v.parent = m_current;
    v.bytes = text.size();
    std::string path = versionPath(v.number), err;
    if (!writeFileAtomic(path, text, &err, Symlinks::Refuse)) {
        fail(error, path + ": " + err);
        return 0;
    }
    bool logged = writeSpec ? writeSpecThenLog(text, versionLine(v), error) : appendLog(versionLine(v), error);
    if (!logged) {
        std::remove(path.c_str());
        return 0;
    }
    m_lastNumber = v.number;
    m_intent = SpecVersion{};
    applyVersion(v);
    return v.number;
}

bool SpecHistory::readSpec(std::string* text, std::string* error) const {
    return readFileText(m_specPath, text) || fail(error, "cannot read " + m_specPath);
}

int SpecHistory::syncLocked(std::string* error) {
    std::string text, currentText;
    if (!readSpec(&text, error)) return 0;
    if (m_current && read(m_current, &currentText) && currentText == text) return m_current;
    if (!m_intent.kind.empty() && writtenSince(m_intent.time))  // the announced version, written by a process that died before commit()
        return record(text, m_intent.kind, m_intent.summary, m_intent.generator, false, error);
    bool first = m_versions.empty();
    return record(text, first ? "import" : "edit", first ? "first seen" : "hand edit", "", false, error);
}

bool SpecHistory::writtenSince(double unixSeconds) const {
    struct stat st{};
    if (::stat(m_specPath.c_str(), &st) != 0) return false;
    return (double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9 + 1.0 >= unixSeconds;  // 1 s of slack for coarse file clocks
}

int SpecHistory::syncWithFile(std::string* error) {
    std::string text;
    if (!readSpec(&text, error)) return 0;  // nothing is created for a spec that is not there
    FileLock held;
    if (!lock(&held, error)) return 0;
    return syncLocked(error);
}

bool SpecHistory::syncIfPresent(std::string* error) {
    std::error_code ec;
    return !fs::exists(m_specPath, ec) || syncLocked(error) != 0;
}

int SpecHistory::commit(const std::string& text, const std::string& kind, const std::string& summary, const std::string& generator,
                        std::string* error) {
    FileLock held;
    if (!lock(&held, error)) return 0;
    // A file that already holds `text` (the generator wrote it) is this version, not a hand edit to keep first.
    std::string onDisk;
    bool alreadyWritten = readFileText(m_specPath, &onDisk) && onDisk == text;
    if (!alreadyWritten && !syncIfPresent(error)) return 0;
    return record(text, kind, summary, generator, true, error);
}

bool SpecHistory::announce(const std::string& kind, const std::string& summary, const std::string& generator, std::string* error) {
    SpecVersion intent;
    intent.kind = kind;
    intent.summary = summary;
    intent.generator = generator;
    intent.time = unixNow();
    FileLock held;
    if (!lock(&held, error) || !appendLog(intentLine(kind, summary, generator, intent.time), error)) return false;
    m_intent = intent;
    return true;
}

bool SpecHistory::withdraw(std::string* error) {
    FileLock held;
    if (!lock(&held, error)) return false;
    m_intent = SpecVersion{};
    if (m_lastNumber == 0) {  // the log holds nothing but the announcement: leave no history behind
        std::error_code ec;
        fs::remove(logPath(), ec);
        fs::remove(lockPath(), ec);
        fs::remove(m_folder, ec);  // only when empty
        m_logBytes = 0;
        return true;
    }
    return appendLog(intentLine("", "", "", 0), error);
}

//-----------------------------------------------------------------------------
// [SECTION] Undo, redo, jump
//-----------------------------------------------------------------------------

bool SpecHistory::canUndo() const {
    const SpecVersion* v = version(m_current);
    return v && version(v->parent);
}

bool SpecHistory::canRedo() const { return !m_redo.empty(); }

int SpecHistory::moveHead(int number, const char* why, std::string* error) {
    std::string text;
    if (!read(number, &text)) {
        if (error) *error = versionPath(number) + ": version " + std::to_string(number) + " is missing or damaged";
        return 0;
    }
    if (!writeSpecThenLog(text, headLine(number, why), error)) return 0;
    applyHead(number, why);
    return number;
}

int SpecHistory::undo(std::string* error) {
    FileLock held;
    if (!lock(&held, error) || !syncIfPresent(error)) return 0;
    if (!canUndo()) {
        if (error) *error = "nothing to undo for " + m_specPath;
        return 0;
    }
    return moveHead(version(m_current)->parent, "undo", error);
}

int SpecHistory::redo(std::string* error) {
    FileLock held;
    if (!lock(&held, error) || !syncIfPresent(error)) return 0;
    if (!canRedo()) {
        if (error) *error = "nothing to redo for " + m_specPath;
        return 0;
    }
    return moveHead(m_redo.back(), "redo", error);
}

int SpecHistory::jumpTo(int number, std::string* error) {
    FileLock held;
    if (!lock(&held, error) || !syncIfPresent(error)) return 0;
    if (!version(number)) {
        if (error) *error = "no version " + std::to_string(number) + " in the history of " + m_specPath;
        return 0;
    }
    return moveHead(number, "jump", error);
}

} // namespace pt
