// JSONTestSuite conformance (../shared/corpus/jsontestsuite/, beside the clone): every parsing test file through
// `promptotype validate` and through the tolerant answer reader.
//   y_ (valid JSON): exit 1 with spec-level errors ("FILE:/pointer: error: ..."), never a syntax error;
//   n_ (invalid JSON): exit 1 with a syntax error located by line and column ("FILE:LINE:COL: ...");
//   i_ (either is allowed) and test_transform/: exit 1 either way.
// Never a crash: any other exit status (a signal shows as 128 + N) fails. In-process, parseLenient and
// parsePartial must come back from every file, with a result no larger than a small multiple of the input.
#include "cli_run.h"
#include "generator/lenient_json.h"
#include "test_files.h"
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;
using namespace pt;

namespace {

const std::string kSuite = std::string(PT_SOURCE_DIR) + "/../shared/corpus/jsontestsuite";

// The files of one folder of the suite whose names start with `prefix`, sorted ("" = all).
std::vector<std::string> suiteFiles(const std::string& folder, const std::string& prefix) {
    std::vector<std::string> files;
    std::error_code ec;
    for (auto& entry : fs::directory_iterator(kSuite + "/" + folder, ec))
        if (entry.is_regular_file() && entry.path().filename().string().rfind(prefix, 0) == 0) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

// Single-quoted for the shell (the suite's names have no quotes, but a path might).
std::string shellQuoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// What `validate FILE` says about one file, reduced to what the suite checks.
struct Verdict {
    int code = -1;              // exit status of `validate FILE`
    bool syntaxError = false;   // a "FILE:LINE:COL: error:" line
    bool specError = false;     // a "FILE:/pointer: error:" line
    std::string err;            // the lines about this file
};

// Files per `validate` process: starting the ASan build costs about half a second of CPU, parsing a suite file
// next to nothing, so one process per file would make this test minutes long in the sanitizer pass.
constexpr size_t kBatch = 20;

// Sorts validate's lines into the verdicts of `files` (each line starts with its file's path).
void attribute(const std::string& err, const std::vector<std::string>& files, std::vector<Verdict>* verdicts) {
    static const std::regex kLineColumnError("^[0-9]+:[0-9]+: error: ");
    std::istringstream lines(err);
    for (std::string line; std::getline(lines, line);) {
        for (size_t i = 0; i < files.size(); ++i) {
            if (line.rfind(files[i] + ":", 0) != 0) continue;
            Verdict& v = (*verdicts)[i];
            std::string located = line.substr(files[i].size() + 1);
            if (located.rfind("/", 0) == 0 && located.find(": error: ") != std::string::npos) v.specError = true;
            else if (std::regex_search(located, kLineColumnError)) v.syntaxError = true;
            v.err += line + "\n";
            break;
        }
    }
}

// `validate` on each file, kBatch files per process. A batch exiting 1 means no file was unreadable (that is 2)
// and none crashed, so a file with an error line there exits 1 alone; every other file of the batch, and every
// file of a batch that exits otherwise (a crash), is run alone to get its own exit status.
std::vector<Verdict> validateAll(const std::vector<std::string>& files) {
    std::vector<Verdict> verdicts(files.size());
    for (size_t first = 0; first < files.size(); first += kBatch) {
        std::vector<std::string> batch(files.begin() + first, files.begin() + std::min(files.size(), first + kBatch));
        std::string args = "validate";
        for (auto& file : batch) args += " " + shellQuoted(file);
        test::CliResult all = test::cli(args);
        std::vector<Verdict> found(batch.size());
        if (all.code == 1) attribute(all.err, batch, &found);
        for (size_t i = 0; i < batch.size(); ++i) {
            if (all.code == 1 && (found[i].syntaxError || found[i].specError)) {
                found[i].code = 1;
                verdicts[first + i] = found[i];
                continue;
            }
            test::CliResult alone = test::cli("validate " + shellQuoted(batch[i]));
            std::vector<Verdict> one(1);
            attribute(alone.err, {batch[i]}, &one);
            one[0].code = alone.code;
            one[0].err = alone.err;   // all of it: a crash's message names no file
            verdicts[first + i] = one[0];
        }
    }
    return verdicts;
}

// Each file through validate, checked by `expect`; false when there are none (the suite is missing).
template <class Expect>
bool validateEach(const std::vector<std::string>& files, Expect expect) {
    std::vector<Verdict> verdicts = validateAll(files);
    for (size_t i = 0; i < files.size(); ++i) {
        const Verdict& v = verdicts[i];
        INFO(files[i] << "\nexit " << v.code << "\n" << v.err.substr(0, 600));
        CHECK(v.code == 1);   // not 0 (no file of the suite is an app), not 2 (readable), not a crash
        expect(v);
    }
    return !files.empty();
}

// i_ files about numbers (true) or about everything else (false).
std::vector<std::string> implementationDefined(bool numbers) {
    std::vector<std::string> files = suiteFiles("test_parsing", "i_");
    files.erase(std::remove_if(files.begin(), files.end(), [&](const std::string& f) {
                    return (f.find("/i_number_") != std::string::npos) != numbers;
                }), files.end());
    return files;
}

void locatedEitherWay(const Verdict& v) { CHECK((v.syntaxError || v.specError)); }

} // namespace

TEST_CASE("conformance: valid JSON (y_) gets spec-level problems only", "[conformance]") {
    if (!validateEach(suiteFiles("test_parsing", "y_"), [](const Verdict& v) {
            CHECK_FALSE(v.syntaxError);
            CHECK(v.specError);
        }))
        WARN("JSONTestSuite missing at " << kSuite << ": skipped");
}

TEST_CASE("conformance: invalid JSON (n_) gets a syntax error located by line and column", "[conformance]") {
    if (!validateEach(suiteFiles("test_parsing", "n_"), [](const Verdict& v) { CHECK(v.syntaxError); }))
        WARN("JSONTestSuite missing at " << kSuite << ": skipped");
}

TEST_CASE("conformance: implementation-defined JSON (i_) and transforms are refused cleanly", "[conformance]") {
    if (!validateEach(implementationDefined(false), locatedEitherWay)) WARN("JSONTestSuite missing at " << kSuite << ": skipped");
    validateEach(suiteFiles("test_transform", ""), locatedEitherWay);
}

// Kept apart so numbers outside the double range (1e400, issue 10 item 1) show up as a test of their own.
TEST_CASE("conformance: implementation-defined numbers (i_number_) are refused cleanly", "[conformance][numbers]") {
    if (!validateEach(implementationDefined(true), locatedEitherWay)) WARN("JSONTestSuite missing at " << kSuite << ": skipped");
}

TEST_CASE("conformance: the tolerant reader comes back from every suite file with a bounded result", "[conformance]") {
    std::vector<std::string> files = suiteFiles("test_parsing", "");
    for (auto& file : suiteFiles("test_transform", "")) files.push_back(file);
    if (files.empty()) {
        WARN("JSONTestSuite missing at " << kSuite << ": skipped");
        return;
    }
    for (auto& file : files) {
        std::string text = test::readFile(file);
        INFO(file << " (" << text.size() << " bytes)");
        const size_t bound = 16 * text.size() + 1024;   // repairs add brackets and quotes, never whole copies
        LenientResult lenient = parseLenient(text);
        if (lenient.ok) CHECK(lenient.doc.dump(-1, ' ', false, Json::error_handler_t::replace).size() <= bound);
        else CHECK_FALSE(lenient.error.message.empty());
        PartialJson partial;
        if (parsePartial(text, &partial)) CHECK(partial.value.dump(-1, ' ', false, Json::error_handler_t::replace).size() <= bound);
    }
}
