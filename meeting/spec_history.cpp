// Promptotype — SpecHistory: versions beside the spec, an append-only event log, exact undo/redo.
//
// [SECTION] Log events
// [SECTION] Opening (replaying the log)
// [SECTION] Recording versions
// [SECTION] Undo, redo, jump

#include "meeting/spec_history.h"
#include "runtime/spec/expr.h"
#include "runtime/spec/files.h"
#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <ctime>
#include <filesystem>

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

// Log fields are read without trusting their types: a wrong type reads as "absent".
int intField(const Json& e, const char* key) {
    auto it = e.find(key);
    if (it == e.end()) return 0;
    if (it->is_number_unsigned()) return it->get<unsigned long long>() <= (unsigned long long)INT_MAX ? (int)it->get<unsigned long long>() : 0;
    if (it->is_number_integer()) { long long v = it->get<long long>(); return v >= 0 && v <= INT_MAX ? (int)v : 0; }
    return 0;
}

std::string stringField(const Json& e, const char* key) {
    auto it = e.find(key);
    return it != e.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double numberField(const Json& e, const char* key) {
    auto it = e.find(key);
    return it != e.end() && it->is_number() ? it->get<double>() : 0.0;
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

bool SpecHistory::open(std::string* error) {
    m_versions.clear();
    m_redo.clear();
    m_current = m_lastNumber = 0;
    m_logBytes = 0;
    m_logTorn = false;
    std::error_code ec;
    bool exists = fs::exists(logPath(), ec);
    if (!exists && !ec) return true;  // no history yet
    std::string log;
    if (ec || !readFileText(logPath(), &log)) {
        if (error) *error = "cannot read " + logPath();
        return false;
    }
    m_logBytes = log.size();
    m_logTorn = !log.empty() && log.back() != '\n';
    size_t start = 0;
    while (start < log.size()) {
        size_t end = log.find('\n', start);
        if (end == std::string::npos) end = log.size();
        Json e = Json::parse(log.begin() + (long)start, log.begin() + (long)end, nullptr, false);
        start = end + 1;
        if (!e.is_object()) continue;  // torn or unparseable line
        std::string event = stringField(e, "event");
        int number = intField(e, "number");
        if (event == "version" && number > m_lastNumber) {
            m_lastNumber = number;
            SpecVersion v;
            v.number = number;
            v.kind = stringField(e, "kind");
            v.summary = stringField(e, "summary");
            v.generator = stringField(e, "generator");
            v.time = numberField(e, "time");
            v.parent = intField(e, "parent");
            v.bytes = (size_t)intField(e, "bytes");
            uintmax_t size = fs::file_size(versionPath(number), ec);
            if (!ec && size == v.bytes) applyVersion(v);  // else its file is missing or was cut
        } else if (event == "head" && version(number)) {
            applyHead(number, stringField(e, "why"));
        }
    }
    return true;
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

bool SpecHistory::appendLog(const std::string& line, std::string* error) {
    std::string err, whole = m_logTorn ? "\n" + line : line;  // end a torn line so ours stays whole
    if (!appendLineDurable(logPath(), whole, &err)) {
        if (error) *error = logPath() + ": " + err;
        return false;
    }
    m_logBytes += whole.size() + 1;
    m_logTorn = false;
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
    if (!writeFileAtomic(m_specPath, text, &err)) {
        if (error) *error = m_specPath + ": " + err;
        return false;
    }
    if (appendLog(line, error)) return true;
    if (hadSpec) writeFileAtomic(m_specPath, previous, nullptr);  // the log did not take it: put the spec file back
    else std::remove(m_specPath.c_str());
    return false;
}

int SpecHistory::record(const std::string& text, const std::string& kind, const std::string& summary, const std::string& generator,
                        bool writeSpec, std::string* error) {
    std::error_code ec;
    fs::create_directories(m_folder, ec);
    if (ec) {
        if (error) *error = m_folder + ": cannot create the history folder: " + ec.message();
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
    if (!writeFileAtomic(path, text, &err)) {
        if (error) *error = path + ": " + err;
        return 0;
    }
    bool logged = writeSpec ? writeSpecThenLog(text, versionLine(v), error) : appendLog(versionLine(v), error);
    if (!logged) {
        std::remove(path.c_str());
        return 0;
    }
    m_lastNumber = v.number;
    applyVersion(v);
    return v.number;
}

int SpecHistory::syncWithFile(std::string* error) {
    if (!refresh(error)) return 0;
    std::string text, currentText;
    if (!readFileText(m_specPath, &text)) {
        if (error) *error = "cannot read " + m_specPath;
        return 0;
    }
    if (m_current && read(m_current, &currentText) && currentText == text) return m_current;
    bool first = m_versions.empty();
    return record(text, first ? "import" : "edit", first ? "first seen" : "hand edit", "", false, error);
}

bool SpecHistory::syncIfPresent(std::string* error) {
    std::error_code ec;
    if (!fs::exists(m_specPath, ec)) return refresh(error);
    return syncWithFile(error) != 0;
}

int SpecHistory::commit(const std::string& text, const std::string& kind, const std::string& summary, const std::string& generator,
                        std::string* error) {
    // A file that already holds `text` (the generator wrote it) is this version, not a hand edit to keep first.
    std::string onDisk;
    bool alreadyWritten = readFileText(m_specPath, &onDisk) && onDisk == text;
    if (alreadyWritten ? !refresh(error) : !syncIfPresent(error)) return 0;
    return record(text, kind, summary, generator, true, error);
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
    if (!syncIfPresent(error)) return 0;
    if (!canUndo()) {
        if (error) *error = "nothing to undo for " + m_specPath;
        return 0;
    }
    return moveHead(version(m_current)->parent, "undo", error);
}

int SpecHistory::redo(std::string* error) {
    if (!syncIfPresent(error)) return 0;
    if (!canRedo()) {
        if (error) *error = "nothing to redo for " + m_specPath;
        return 0;
    }
    return moveHead(m_redo.back(), "redo", error);
}

int SpecHistory::jumpTo(int number, std::string* error) {
    if (!syncIfPresent(error)) return 0;
    if (!version(number)) {
        if (error) *error = "no version " + std::to_string(number) + " in the history of " + m_specPath;
        return 0;
    }
    return moveHead(number, "jump", error);
}

} // namespace pt
