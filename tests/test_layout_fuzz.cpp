// The layout fuzzer (issue 11, deliverable 2): random specs from the widget catalog (random_spec.h), laid out
// headless at phone, tablet and desktop sizes, checked by the layout checker (runtime/headless/layout_check.h):
// siblings do not overlap, nothing leaves the screen horizontally, text is at least 8 characters wide or
// ellipsized, every text run is inside its node's box.
//
// The normal pass runs every regression case of tests/data/layout_fuzz/ and a seeded batch; it prints each failing
// seed with its size and violations, and the first failure's spec minimized. The long run is
// scripts/layout-fuzz.sh N (the hidden test case below): thousands of seeds, a summary per invariant and widget
// type, and one minimized spec per new kind of failure saved as a regression case (file name: seed, size, invariant and widget type).
//
// [SECTION] Running one case
// [SECTION] Minimizing
// [SECTION] Regression cases and summaries
// [SECTION] The checker itself
// [SECTION] Test cases

#include "random_spec.h"
#include "runtime/engine/theme.h"
#include "runtime/headless/headless.h"
#include "runtime/headless/layout_check.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <algorithm>
#include <cfloat>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

using namespace pt;
namespace fs = std::filesystem;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Running one case
//-----------------------------------------------------------------------------

#if defined(__SANITIZE_ADDRESS__)
constexpr int kBatchSpecs = 200;   // the ASan + UBSan build lays out a frame about 15 times slower
#else
constexpr int kBatchSpecs = 1000;  // x 3 sizes: about 2 s in the normal build (small screens: ~0.1 ms a frame)
#endif
constexpr uint64_t kBatchFirstSeed = 1;

const std::vector<ImVec2>& fuzzSizes() {
    static const std::vector<ImVec2> sizes = {deviceSize("phone"), deviceSize("tablet"), deviceSize("desktop")};
    return sizes;
}

std::string sizeName(ImVec2 size) { return std::to_string((int)size.x) + "x" + std::to_string((int)size.y); }

// Every screen of the document laid out at `size` and checked; nothing when it does not compile.
std::vector<LayoutViolation> violationsOf(const Json& doc, ImVec2 size) {
    LoadResult r = SpecLoader::loadJson(doc);
    if (!r.spec) return {};
    std::vector<LayoutViolation> out;
    for (ScreenLayout& s : layOutScreens(r.spec, size))
        out.insert(out.end(), s.violations.begin(), s.violations.end());
    return out;
}

// What kind of failure a violation is: the same invariant broken by the same widget type.
std::string kindOf(const LayoutViolation& v) { return v.invariant + " " + v.type; }

//-----------------------------------------------------------------------------
// [SECTION] Minimizing
//-----------------------------------------------------------------------------

// Places in a document that may go: every array element and object key, outermost first.
void removablePlaces(const Json& v, const Json::json_pointer& at, std::vector<Json::json_pointer>& out) {
    if (v.is_array())
        for (size_t i = 0; i < v.size(); ++i) {
            out.push_back(at / i);
            removablePlaces(v[i], at / i, out);
        }
    else if (v.is_object())
        for (auto& [k, child] : v.items()) {
            out.push_back(at / k);
            removablePlaces(child, at / k, out);
        }
}

Json without(const Json& doc, const Json::json_pointer& place) {
    Json out = doc;
    Json& parent = out[place.parent_pointer()];
    if (parent.is_array()) parent.erase((size_t)std::stoul(place.back()));
    else parent.erase(place.back());
    return out;
}

// Containers replaced by one of their children: a node (an object in a list) whose type key holds nodes becomes
// each of them in turn.
std::vector<Json> hoisted(const Json& doc, const Json::json_pointer& place) {
    std::vector<Json> out;
    const Json& node = doc[place];
    if (!doc[place.parent_pointer()].is_array() || !node.is_object() || node.empty() || !node.begin().value().is_array()) return out;
    for (const Json& child : node.begin().value())
        if (child.is_object()) {
            Json copy = doc;
            copy[place] = child;
            out.push_back(std::move(copy));
        }
    return out;
}

// The smallest document reached by dropping parts and hoisting children while `stillFails` holds, one change at a
// time, until no single change keeps the failure (or `budget` tries are spent).
Json minimize(Json doc, const std::function<bool(const Json&)>& stillFails, int budget = 800) {
    for (bool shrunk = true; shrunk && budget > 0;) {
        shrunk = false;
        std::vector<Json::json_pointer> places;
        removablePlaces(doc, Json::json_pointer(), places);
        for (const Json::json_pointer& place : places) {
            std::vector<Json> candidates = hoisted(doc, place);
            candidates.insert(candidates.begin(), without(doc, place));
            for (Json& candidate : candidates) {
                if (budget-- <= 0) return doc;
                if (!stillFails(candidate)) continue;
                doc = std::move(candidate);
                shrunk = true;
                break;
            }
            if (shrunk) break;
        }
    }
    return doc;
}

// The document cut down to what still breaks `kind` (invariant + widget type) at `size`.
Json minimizeFor(const Json& doc, ImVec2 size, const std::string& kind) {
    return minimize(doc, [&](const Json& candidate) {
        for (const LayoutViolation& v : violationsOf(candidate, size))
            if (kindOf(v) == kind) return true;
        return false;
    });
}

//-----------------------------------------------------------------------------
// [SECTION] Regression cases and summaries
//-----------------------------------------------------------------------------

fs::path regressionDir() { return fs::path(PT_SOURCE_DIR) / "tests" / "data" / "layout_fuzz"; }

// A regression case: {"seed", "size": [W, H], "violation" (as first seen), "spec"}.
struct RegressionCase {
    std::string name;
    ImVec2 size;
    Json spec;
};

std::vector<RegressionCase> regressionCases() {
    std::vector<RegressionCase> out;
    if (!fs::is_directory(regressionDir())) return out;
    for (const auto& entry : fs::directory_iterator(regressionDir())) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        const Json j = Json::parse(in, nullptr, false);
        REQUIRE_FALSE(j.is_discarded());
        out.push_back({entry.path().filename().string(), ImVec2(j["size"][0].get<float>(), j["size"][1].get<float>()), j["spec"]});
    }
    std::sort(out.begin(), out.end(), [](const RegressionCase& a, const RegressionCase& b) { return a.name < b.name; });
    return out;
}

std::string saveRegression(uint64_t seed, ImVec2 size, const LayoutViolation& v, const Json& spec) {
    fs::create_directories(regressionDir());
    const fs::path path = regressionDir() / (std::to_string(seed) + "-" + sizeName(size) + "-" + v.invariant + "-" + v.type + ".json");
    Json j = Json{{"seed", seed}, {"size", Json::array({(int)size.x, (int)size.y})}, {"violation", describe(v)}, {"spec", spec}};
    std::ofstream(path) << j.dump(1) << "\n";
    return path.string();
}

// Violations counted per invariant and per widget type, for the report at the end of a batch.
struct Tally {
    std::map<std::string, int> perInvariant, perType;
    int specSizes = 0, failing = 0;

    void add(const std::vector<LayoutViolation>& found) {
        ++specSizes;
        failing += !found.empty();
        for (const LayoutViolation& v : found) {
            perInvariant[v.invariant]++;
            perType[v.invariant + " / " + v.type]++;
        }
    }
    std::string summary() const {
        std::ostringstream s;
        s << failing << " of " << specSizes << " spec x size cases broke the layout contract\n";
        for (auto& [name, n] : perInvariant) s << "  " << name << ": " << n << "\n";
        std::vector<std::pair<int, std::string>> types;
        for (auto& [name, n] : perType) types.push_back({n, name});
        std::sort(types.rbegin(), types.rend());
        for (auto& [n, name] : types) s << "    " << name << ": " << n << "\n";
        return s.str();
    }
};

// Runs seeds [first, first + count) at every fuzz size; prints each failure (seed, size, first violations) and
// returns the tally. `onFailure` sees each failing case.
Tally runBatch(uint64_t first, int count, const std::function<void(uint64_t, ImVec2, const Json&, const std::vector<LayoutViolation>&)>& onFailure) {
    Tally tally;
    for (uint64_t seed = first; seed < first + (uint64_t)count; ++seed) {
        const Json doc = test::RandomSpec(seed).document();
        for (ImVec2 size : fuzzSizes()) {
            std::vector<LayoutViolation> found = violationsOf(doc, size);
            tally.add(found);
            if (!found.empty()) onFailure(seed, size, doc, found);
        }
    }
    return tally;
}

std::string firstViolations(const std::vector<LayoutViolation>& found, size_t most = 3) {
    std::string s;
    for (size_t i = 0; i < found.size() && i < most; ++i) s += "    " + describe(found[i]) + "\n";
    if (found.size() > most) s += "    ... and " + std::to_string(found.size() - most) + " more\n";
    return s;
}

//-----------------------------------------------------------------------------
// [SECTION] The checker itself
//-----------------------------------------------------------------------------

// A node of a given widget type for hand-built layout records.
Node nodeOf(const char* type, const char* key) {
    Node n;
    n.def = WidgetCatalog::get().find(type);
    n.type = type;
    n.key = n.pointer = key;
    return n;
}

LayoutBox boxOf(const Node& n, int parent, ImRect rect) {
    LayoutBox b;
    b.node = &n;
    b.key = n.key;
    b.parent = parent;
    b.rect = rect;
    return b;
}

std::vector<std::string> kindsIn(const std::vector<LayoutViolation>& found) {
    std::vector<std::string> out;
    for (const LayoutViolation& v : found) out.push_back(v.invariant + " " + v.key);
    return out;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Test cases
//-----------------------------------------------------------------------------

TEST_CASE("layout checker: each invariant is found on hand-made records, exemptions come from the catalog", "[layout-check]") {
    HeadlessDriver driver(SpecLoader::loadText(R"({"screens": {"home": {"body": []}}})").spec, ImVec2(390, 844));
    const FontSet& fonts = *driver.proto().fonts();
    const Node row = nodeOf("row", "row"), a = nodeOf("text", "a"), b = nodeOf("text", "b"), stack = nodeOf("stack", "stack"),
               fab = nodeOf("fab", "fab"), scroll = nodeOf("scroll", "scroll"), wide = nodeOf("card", "wide");

    // Overlapping siblings; the same inside a stack or under a fab pass.
    std::vector<LayoutBox> boxes = {boxOf(row, -1, ImRect(0, 0, 300, 40)), boxOf(a, 0, ImRect(0, 0, 120, 40)), boxOf(b, 0, ImRect(100, 0, 200, 40))};
    CHECK(kindsIn(checkLayout("home", boxes, {}, 390, fonts)) == std::vector<std::string>{"siblings-overlap b"});
    boxes[0].node = &stack;
    CHECK(checkLayout("home", boxes, {}, 390, fonts).empty());
    boxes = {boxOf(a, -1, ImRect(0, 0, 390, 40)), boxOf(fab, -1, ImRect(300, 0, 356, 56))};
    CHECK(checkLayout("home", boxes, {}, 390, fonts).empty());

    // Off the screen: reported once, at the outermost box; not inside a scroll's viewport.
    boxes = {boxOf(row, -1, ImRect(0, 0, 431, 40)), boxOf(a, 0, ImRect(0, 0, 100, 40)), boxOf(b, 0, ImRect(300, 0, 431, 40))};
    CHECK(kindsIn(checkLayout("home", boxes, {}, 390, fonts)) == std::vector<std::string>{"leaves-screen row"});
    boxes = {boxOf(scroll, -1, ImRect(0, 0, 390, 200)), boxOf(wide, 0, ImRect(0, 0, 700, 200))};
    CHECK(checkLayout("home", boxes, {}, 390, fonts).empty());

    // Text squeezed to a few letters per line, unless ellipsized; text outside its box.
    const ImFont* body = fonts.get(TextStyle::Body);
    const std::string title = "Monday, May 4";
    const ImVec2 squeezed = body->CalcTextSizeA(body->FontSize, FLT_MAX, 20.0f, title.data(), title.data() + title.size());
    boxes = {boxOf(a, -1, ImRect(0, 0, 390, 2000))};
    TextRun run{title, ImRect(ImVec2(0, 0), squeezed), 0, false};
    CHECK(kindsIn(checkLayout("home", boxes, {run}, 390, fonts)) == std::vector<std::string>{"text-too-narrow a"});
    run.ellipsized = true;
    CHECK(checkLayout("home", boxes, {run}, 390, fonts).empty());
    const ImVec2 natural = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0.0f, title.data(), title.data() + title.size());
    run = TextRun{title, ImRect(ImVec2(300, 0), ImVec2(300, 0) + natural), 0, false};
    boxes = {boxOf(a, -1, ImRect(0, 0, 320, 40))};
    const std::vector<LayoutViolation> outside = checkLayout("home", boxes, {run}, 390, fonts);
    CHECK(kindsIn(outside) == std::vector<std::string>{"text-outside-box a"});
    REQUIRE(outside.size() == 1);
    CHECK(describe(outside[0]).find("text \"Monday, May 4\"") != std::string::npos);

    // A pinned fab reserves nothing in the flow: its label is judged against the screen's width.
    boxes = {boxOf(fab, -1, ImRect(16, 500, 16, 500))};
    CHECK(checkLayout("home", boxes, {TextRun{title, ImRect(ImVec2(250, 780), ImVec2(250, 780) + natural), 0, false}}, 390, fonts).empty());
    CHECK(kindsIn(checkLayout("home", boxes, {TextRun{title, ImRect(ImVec2(350, 780), ImVec2(350, 780) + natural), 0, false}}, 390, fonts)) ==
          std::vector<std::string>{"text-outside-box fab"});

    // Runs with an unknown rect (inside a text field) or outside any node (app chrome) are not judged.
    CHECK(checkLayout("home", boxes, {TextRun{title, ImRect(), 0, false}, TextRun{title, ImRect(0, 0, 1, 500), -1, false}}, 390, fonts).empty());
}

TEST_CASE("layout checker: a plain laid-out screen has no violations (no false positives from the records)", "[layout-check]") {
    Json doc = Json::parse(R"({"screens": {"home": {"title": "Boxes", "body": [
        {"card": [{"text": "Inside the card"}, {"row": [{"badge": "one"}, {"badge": "two"}]}], "title": "Card"},
        {"list": [{"item": "${x}", "repeat": {"in": "${['a', 'b']}", "as": "x"}}]},
        {"stack": [{"image": "Cover"}, {"badge": "New"}]},
        {"scroll": [{"card": [{"text": "One"}], "w": 220}, {"card": [{"text": "Two"}], "w": 220}], "horizontal": true},
        {"fab": "plus"}]}}})");
    for (ImVec2 size : fuzzSizes()) {
        const std::vector<LayoutViolation> found = violationsOf(doc, size);
        INFO(sizeName(size) << ":\n" << firstViolations(found, 10));
        CHECK(found.empty());
    }
}

TEST_CASE("layout fuzzer: the generator is seeded and draws from the whole catalog", "[layout-fuzz-gen]") {
    CHECK(test::RandomSpec(7).document() == test::RandomSpec(7).document());
    CHECK(test::RandomSpec(7).document() != test::RandomSpec(8).document());
    std::set<std::string> types;
    std::function<void(const Json&)> collect = [&](const Json& v) {
        if (v.is_object() && !v.empty() && WidgetCatalog::get().find(v.begin().key())) types.insert(v.begin().key());
        if (v.is_structured())
            for (const Json& child : v) collect(child);
    };
    for (uint64_t seed = 1; seed <= 200; ++seed) collect(test::RandomSpec(seed).document()["screens"]);
    std::vector<std::string> missing;
    for (const WidgetDef& d : WidgetCatalog::get().all())
        if (!types.count(d.name)) missing.push_back(d.name);
    INFO("never generated: " << Json(missing).dump());
    CHECK(missing.empty());
}

TEST_CASE("layout fuzzer: the minimizer keeps only what still fails", "[layout-fuzz-gen]") {
    Json doc = Json::parse(R"({"screens": {"home": {"body": [{"card": [{"text": "a"}, {"row": [{"badge": "x"}, {"text": "KEEP"}]}]}, {"text": "b"}]}}})");
    Json small = minimize(doc, [](const Json& d) { return d.dump().find("KEEP") != std::string::npos; });
    CHECK(small.dump() == R"({"screens":{"home":{"body":[{"text":"KEEP"}]}}})");
}

TEST_CASE("layout fuzzer: every regression case of tests/data/layout_fuzz is clean", "[layout-fuzz]") {
    for (const RegressionCase& c : regressionCases()) {
        const std::vector<LayoutViolation> found = violationsOf(c.spec, c.size);
        INFO(c.name << " at " << sizeName(c.size) << ":\n" << firstViolations(found, 10));
        CHECK(found.empty());
    }
}

TEST_CASE("layout fuzzer: a seeded batch of random specs at phone, tablet and desktop sizes keeps the layout contract", "[layout-fuzz]") {
    std::string report;
    bool minimized = false;
    const Tally tally = runBatch(kBatchFirstSeed, kBatchSpecs, [&](uint64_t seed, ImVec2 size, const Json& doc, const std::vector<LayoutViolation>& found) {
        report += "seed " + std::to_string(seed) + " at " + sizeName(size) + ":\n" + firstViolations(found);
        if (minimized) return;
        minimized = true;  // one minimized spec per run keeps the pass fast; scripts/layout-fuzz.sh minimizes them all
        report += "  minimized: " + minimizeFor(doc, size, kindOf(found[0])).dump() + "\n";
    });
    INFO(tally.summary() << report.substr(0, 20000));
    CHECK(tally.failing == 0);
}

// The long run (scripts/layout-fuzz.sh N): LAYOUT_FUZZ_COUNT seeds from LAYOUT_FUZZ_FIRST, a summary per invariant
// and widget type, and, with LAYOUT_FUZZ_SAVE=1, the first failing case of each new kind (invariant + widget type,
// not already among the regression cases) minimized into tests/data/layout_fuzz/, at most LAYOUT_FUZZ_KEEP (10).
TEST_CASE("layout fuzzer: long run", "[.layout-fuzz-long]") {
    auto env = [](const char* name, long long fallback) { const char* v = std::getenv(name); return v && *v ? std::atoll(v) : fallback; };
    const int count = (int)env("LAYOUT_FUZZ_COUNT", 2000);
    const uint64_t first = (uint64_t)env("LAYOUT_FUZZ_FIRST", 1000000);
    const bool save = env("LAYOUT_FUZZ_SAVE", 0) != 0;
    int keep = (int)env("LAYOUT_FUZZ_KEEP", 10);  // new regression cases saved at most
    std::set<std::string> known;  // kinds the regression cases already hold
    for (const RegressionCase& c : regressionCases())
        for (const LayoutViolation& v : violationsOf(c.spec, c.size)) known.insert(kindOf(v));
    const Tally tally = runBatch(first, count, [&](uint64_t seed, ImVec2 size, const Json& doc, const std::vector<LayoutViolation>& found) {
        std::cout << "seed " << seed << " at " << sizeName(size) << ":\n" << firstViolations(found, 1);
        for (const LayoutViolation& v : found) {
            if (!save || keep <= 0 || !known.insert(kindOf(v)).second) continue;
            const Json small = minimizeFor(doc, size, kindOf(v));
            for (const LayoutViolation& again : violationsOf(small, size))
                if (kindOf(again) == kindOf(v)) {
                    std::cout << "  saved " << saveRegression(seed, size, again, small) << "\n";
                    --keep;
                    break;
                }
        }
    });
    std::cout << tally.summary();
    CHECK(tally.failing == 0);
}

// One seed looked at closely (LAYOUT_FUZZ_SEED=N [LAYOUT_FUZZ_SIZE=phone|tablet|desktop]): for each kind of failure
// at each size, the violations and the spec minimized to that kind, ready for `promptotype inspect SPEC --layout`.
TEST_CASE("layout fuzzer: show one seed", "[.layout-fuzz-seed]") {
    const char* seedText = std::getenv("LAYOUT_FUZZ_SEED");
    REQUIRE(seedText);
    const char* only = std::getenv("LAYOUT_FUZZ_SIZE");
    const Json doc = test::RandomSpec(std::strtoull(seedText, nullptr, 10)).document();
    for (ImVec2 size : fuzzSizes()) {
        if (only && *only && deviceSize(only).x != size.x) continue;
        std::set<std::string> shown;
        for (const LayoutViolation& v : violationsOf(doc, size)) {
            if (!shown.insert(kindOf(v)).second) continue;
            std::cout << sizeName(size) << " " << kindOf(v) << ":\n  " << describe(v) << "\n  minimized: "
                      << minimizeFor(doc, size, kindOf(v)).dump() << "\n";
        }
    }
}
