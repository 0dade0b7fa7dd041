// Budgets: every kind of work a spec or a model's answer controls stops at its limit (runtime/spec/limits.h)
// with a located, clear message, and the app stays usable. Work is proven bounded by counts, never by clocks.
//
// [SECTION] Input patterns
// [SECTION] Navigation chains
// [SECTION] State size
// [SECTION] Widgets per frame
// [SECTION] Refinement edits
#include "generator/refiner.h"
#include "runtime/headless/headless.h"
#include "runtime/spec/limits.h"
#include "runtime/spec/pattern.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/state_paths.h"
#include "test_specs.h"
#include <catch2/catch.hpp>
#include <algorithm>
#include <climits>
#include <regex>

using namespace pt;

namespace {

bool matches(const std::string& pattern, const std::string& text) {
    std::string error;
    auto p = Pattern::compile(pattern, &error);
    INFO(pattern << ": " << error);
    REQUIRE(p);
    return p->matches(text);
}

std::string compileError(const std::string& pattern) {
    std::string error;
    CHECK_FALSE(Pattern::compile(pattern, &error));
    return error;
}

// A spec whose first diagnostic of level Error is returned as "POINTER: message" ("" when it loads clean).
std::string firstError(const std::string& specText) {
    LoadResult r = SpecLoader::loadText(specText);
    for (auto& d : r.diagnostics)
        if (d.level == Diagnostic::Level::Error) return d.pointer + ": " + d.message;
    return "";
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Input patterns
//-----------------------------------------------------------------------------

TEST_CASE("a catastrophic pattern matches in linear time", "[budgets][pattern]") {
    const std::string pattern = "^([a-zA-Z]+\\s?)*$";
    std::string error;
    auto p = Pattern::compile(pattern, &error);
    REQUIRE(p);
    // std::regex takes seconds to minutes on 24-30 characters of this; the Pike VM steps through at most
    // programSize() states per character, so even the longest value allowed is cheap.
    CHECK_FALSE(p->matches(std::string(30, 'a') + "!"));
    CHECK_FALSE(p->matches(std::string(limits::kPatternInput.value - 1, 'a') + "!"));
    CHECK(p->matches("Ada Lovelace"));
    CHECK(p->programSize() < 20);
}

TEST_CASE("ordinary patterns match as std::regex_match does", "[budgets][pattern]") {
    const std::vector<std::string> patterns = {
        "^[0-9]{5}$", "^[0-9 ()+-]{10,}$", "^\\+?[0-9 ()-]{7,}$", ".*[0-9].*", "^#[a-z0-9-]+$", "^(0[1-9]|1[0-2])/[0-9]{2}$",
        "^[0-9 ]{16,19}$", "^[^@\\s]+@[^@\\s]+\\.[a-zA-Z]{2,}$", "^\\d{3}-\\d{3}-\\d{4}$", "^(?:[A-Z][a-z]*\\s?)+$",
        "\\w+", "^a{2,3}?b*?$", "^(cat|dog|bird)s?$", "[^a-c]+", "^\\bword\\b.*", "x|", "^\\$\\d+(\\.\\d\\d)?$", "^[\\w.-]+$",
    };
    const std::vector<std::string> texts = {
        "", "12345", "1234", "123456", "(415) 555-0123", "+1 415 555 0123", "abc1", "abcd", "#sales-daily", "#Sales",
        "01/27", "13/27", "4242 4242 4242 4242", "ada@example.com", "ada@example", "a b@c.de", "415-555-0123", "Ada Lovelace",
        "ada", "aab", "aaab", "aaaab", "cats", "dog", "birds!", "def", "word up", "words", "x", "$12.50", "$12.5", "file-name.txt",
    };
    for (const std::string& pattern : patterns)
        for (const std::string& text : texts) {
            INFO(pattern << " on '" << text << "'");
            CHECK(matches(pattern, text) == std::regex_match(text, std::regex(pattern)));
        }
}

TEST_CASE("patterns read UTF-8 text as characters", "[budgets][pattern]") {
    CHECK(matches("^.{4}$", "Zoë!"));
    CHECK(matches("^[à-ÿ]+$", "éè"));
    CHECK_FALSE(matches("^\\w+$", "é"));
}

TEST_CASE("unsupported or oversized patterns are load errors at the rule", "[budgets][pattern]") {
    CHECK(compileError("^(a)\\1$") == "backreferences (\\1) are not supported at character 5");
    CHECK(compileError("^(?=a)").find("lookaround") == 0);
    CHECK(compileError("(?<!a)b").find("lookaround") == 0);
    CHECK(compileError("a**").find("nothing to repeat") == 0);
    CHECK(compileError("(ab").find("missing ')'") == 0);
    CHECK(compileError("ab)").find("unmatched ')'") == 0);
    CHECK(compileError("[a-").find("missing ']'") == 0);
    CHECK(compileError("a{3,2}").find("out of order") != std::string::npos);
    CHECK(compileError("((a{100}){100}){100}").find("pattern too complex") == 0);
    CHECK(compileError(std::string(limits::kPatternLength.value + 1, 'a')) == "pattern longer than 1,000 characters");
    CHECK(matches("(?:){1000000}a", "a"));  // an empty body repeated costs nothing
    CHECK(matches(std::string(499, '(') + "a" + std::string(499, ')'), "a"));  // as deep as the length allows

    std::string spec = R"({"screens": {"home": {"body": [
        {"input": "Name", "bind": "name", "rules": {"pattern": ["^(a)\\1$", "Twice"]}}]}}})";
    CHECK(firstError(spec) == "/screens/home/body/0/rules/pattern: pattern: backreferences (\\1) are not supported at character 5");
}

TEST_CASE("a pattern rule with the catastrophic pattern validates a long value at once", "[budgets][pattern]") {
    auto spec = test::compile(R"({"state": {"name": ""}, "screens": {"home": {"body": [
        {"input": "Name", "id": "name", "bind": "name", "rules": {"pattern": ["^([a-zA-Z]+\\s?)*$", "Letters only"]}},
        {"button": "Save", "id": "save", "on": {"press": [{"validate": true}, {"set": "saved", "value": true}]}}]}}})");
    HeadlessDriver d(spec);
    d.settle();
    std::string error;
    REQUIRE(d.type("name", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", &error));
    REQUIRE(d.click("save", &error));
    d.settle();
    CHECK(d.proto().getPath("saved") == nullptr);
    REQUIRE(d.proto().fieldErrors().size() == 1);
    CHECK(d.proto().fieldErrors().begin()->second == "Letters only");
}

//-----------------------------------------------------------------------------
// [SECTION] Navigation chains
//-----------------------------------------------------------------------------

TEST_CASE("validate reports an unconditional onEnter loop at the navigate step", "[budgets][navigation]") {
    CHECK(firstError(R"({"screens": {"a": {"body": [], "onEnter": {"navigate": "a"}}}})") ==
          "/screens/a/onEnter: onEnter navigation loop: a -> a (each screen's onEnter navigates on at once, forever)");
    CHECK(firstError(R"({"screens": {"a": {"body": [], "onEnter": [{"set": "x", "value": 1}, {"navigate": "b"}]},
                                     "b": {"body": [], "onEnter": [{"navigate": "a"}]}}})") ==
          "/screens/b/onEnter/0: onEnter navigation loop: a -> b -> a (each screen's onEnter navigates on at once, forever)");
    // Conditional or delayed navigation is not a loop the validator can prove: the run-time budget handles it.
    CHECK(firstError(R"({"state": {"go": true}, "screens": {"a": {"body": [], "onEnter": {"if": "${go}", "then": {"navigate": "a"}}}}})") == "");
    CHECK(firstError(R"({"screens": {"a": {"body": [], "onEnter": [{"delay": 500}, {"navigate": "b"}]},
                                     "b": {"body": [], "onEnter": {"navigate": "a"}}}})") == "");
}

TEST_CASE("a conditional onEnter loop stops on a screen and names the loop", "[budgets][navigation]") {
    auto spec = test::compile(R"({"state": {"go": true, "visits": 0}, "screens": {
        "a": {"body": [{"text": "A"}], "onEnter": [{"inc": "visits"}, {"if": "${go}", "then": {"navigate": "b"}}]},
        "b": {"body": [{"text": "B"}, {"button": "Stop", "id": "stop", "on": {"press": {"set": "go", "value": false}}}],
              "onEnter": {"if": "${go}", "then": {"navigate": "a"}}}}})");
    HeadlessDriver d(spec);  // entering the start screen starts the loop
    d.settle();
    const Prototype& p = d.proto();
    REQUIRE_FALSE(p.messages().empty());
    CHECK(p.messages().back() == "onEnter navigation loop: a -> b -> a (stopped on 'a')");
    CHECK(p.currentScreen() == "a");
    CHECK(p.getPath("visits")->get<int>() == 8);  // 16 entries a, b, a, ... ran their onEnter; the 17th, a, did not
    CHECK_FALSE(d.proto().runner().busy());
    // The app stays usable: the next event starts a new chain.
    std::string error;
    d.proto().navigate("b");
    d.settle();
    CHECK(p.currentScreen() == "b");
    REQUIRE(d.click("stop", &error));
    d.settle();
    CHECK(p.getPath("go")->get<bool>() == false);
}

//-----------------------------------------------------------------------------
// [SECTION] State size
//-----------------------------------------------------------------------------

TEST_CASE("an action that would grow the state past its budget is refused and stops the sequence", "[budgets][state]") {
    Json doc = Json::parse(R"({"state": {"arr": [1]}, "screens": {"home": {"body": [{"button": "Grow", "id": "grow", "on": {"press": []}}]}}})");
    for (int i = 0; i < 30; ++i) doc["screens"]["home"]["body"][0]["on"]["press"].push_back(Json{{"push", "arr"}, {"value", "${arr}"}});
    doc["screens"]["home"]["body"][0]["on"]["press"].push_back(Json{{"set", "after"}, {"value", true}});
    LoadResult r = SpecLoader::loadJson(doc);
    REQUIRE_FALSE(r.hasErrors());
    HeadlessDriver d(r.spec);
    d.settle();
    std::string error;
    REQUIRE(d.click("grow", &error));
    d.settle();
    const Prototype& p = d.proto();
    // Each push doubles the array: about 2^k values of 16 bytes each pass 16,000,000 bytes at the 19th push (index 18).
    REQUIRE_FALSE(p.messages().empty());
    CHECK(p.messages().back() == "push at /screens/home/body/0/on/press/18: the state would grow past its budget of 16,000,000 bytes "
                                 "or 200 levels; the action sequence was stopped");
    CHECK(p.getPath("after") == nullptr);  // the sequence stopped
    // State left as the last accepted write made it; the app still draws and responds.
    CHECK(measureJson(p.state(), LLONG_MAX, INT_MAX).bytes <= limits::kStateSize.value);
    CHECK(p.getPath("arr")->size() == 19);  // [1] and the 18 pushes accepted
    d.proto().navigate("home");
    d.settle();
    CHECK(d.find("grow"));
}

TEST_CASE("a write that would nest the state too deep is refused", "[budgets][state]") {
    auto spec = test::compile(R"({"state": {"a": {}}, "screens": {"home": {"body": [
        {"button": "Nest", "id": "nest", "on": {"press": [{"set": "a", "value": {"x": "${a}"}}]}}]}}})");
    HeadlessDriver d(spec);
    d.settle();
    std::string error;
    for (int i = 0; i < 250; ++i) REQUIRE(d.click("nest", &error));
    CHECK(measureJson(d.proto().state(), LLONG_MAX, INT_MAX).depth == limits::kStateDepth.value);
    REQUIRE_FALSE(d.proto().messages().empty());
    CHECK(d.proto().messages().back().find("set at /screens/home/body/0/on/press/0: the state would grow past") == 0);
}

TEST_CASE("an initial state over the budget is a load error at /state", "[budgets][state]") {
    Json doc = Json::parse(R"({"screens": {"home": {"body": []}}})");
    doc["state"]["big"] = std::string((size_t)limits::kStateSize.value, 'x');
    LoadResult r = SpecLoader::loadJson(doc);
    REQUIRE(r.hasErrors());
    CHECK(r.diagnostics[0].pointer == "/state");
    CHECK(r.diagnostics[0].message.find("state is larger than its budget of 16,000,000 bytes") == 0);
}

//-----------------------------------------------------------------------------
// [SECTION] Widgets per frame
//-----------------------------------------------------------------------------

TEST_CASE("nested repeats stop at the frame's widget budget with a visible note", "[budgets][widgets]") {
    auto spec = test::compile(R"({"screens": {"home": {"body": [
        {"col": [{"text": "${r}-${c}", "repeat": {"in": "${range(1000)}", "as": "c", "limit": 1000}}],
         "repeat": {"in": "${range(1000)}", "as": "r", "limit": 1000}}]}}})");
    HeadlessDriver d(spec);
    d.settle();
    const Prototype& p = d.proto();
    CHECK(p.widgetsDrawn() > 0);
    CHECK(p.widgetsDrawn() <= limits::kWidgetsPerFrame.value);
    const auto& texts = p.texts();
    CHECK(std::count_if(texts.begin(), texts.end(), [](const std::string& t) { return t.rfind("Showing ", 0) == 0; }) == 1);
    CHECK(std::find(texts.begin(), texts.end(), "Showing 0 of 1,000 (too many to draw at once)") != texts.end());
    REQUIRE_FALSE(p.messages().empty());
    CHECK(p.messages().back() == "the repeat at /screens/home/body/0/col/0 was cut to 0 of 1,000 items: a frame draws at most 20,000 widgets");
}

TEST_CASE("a long flat repeat shows how many of its items are drawn", "[budgets][widgets]") {
    auto spec = test::compile(R"({"state": {"n": 30000}, "screens": {"home": {"body": [
        {"text": "${r}", "repeat": {"in": "${range(n)}", "as": "r", "limit": 5000}},
        {"text": "${r}", "repeat": {"in": "${range(n)}", "as": "r", "limit": 5000}},
        {"text": "${r}", "repeat": {"in": "${range(n)}", "as": "r", "limit": 5000}},
        {"text": "${r}", "repeat": {"in": "${range(n)}", "as": "r", "limit": 5000}},
        {"text": "${r}", "repeat": {"in": "${range(n)}", "as": "r", "limit": 5000}}]}}})");
    HeadlessDriver d(spec, ImVec2(390, 844));
    d.settle();
    const Prototype& p = d.proto();
    CHECK(p.widgetsDrawn() == limits::kWidgetsPerFrame.value);
    const auto& texts = p.texts();
    CHECK(std::find(texts.begin(), texts.end(), "Showing 0 of 5,000 (too many to draw at once)") != texts.end());
}

//-----------------------------------------------------------------------------
// [SECTION] Refinement edits
//-----------------------------------------------------------------------------

TEST_CASE("refinement edits that would blow up the document are rejected, naming the edit", "[budgets][refine]") {
    const Json doc = Json::parse(R"({"state": {"items": [1, 2, 3]}, "screens": {"home": {"title": "Home", "body": [{"text": "Hello"}]}}})");
    Json answer = {{"edits", Json::array()}};
    for (int i = 0; i < 40; ++i)  // each copy doubles /state
        answer["edits"].push_back(Json{{"op", "copy"}, {"from", "/state"}, {"path", "/state/c" + std::to_string(i)}});
    Json out = "untouched";
    std::string mode, error;
    CHECK_FALSE(applyRefinementAnswer(doc, answer, &out, &mode, &error));
    CHECK(out == "untouched");
    CHECK(error.rfind("edits/", 0) == 0);
    CHECK(error.find(": copy would grow the document past its budget of 32,000,000 bytes or 200 levels") != std::string::npos);
    int index = std::stoi(error.substr(6));
    CHECK(index > 10);
    CHECK(index < 30);

    // Ordinary edits still apply.
    Json small = {{"edits", Json::array({Json{{"op", "copy"}, {"from", "/screens/home"}, {"path", "/screens/copy"}}})}};
    REQUIRE(applyRefinementAnswer(doc, small, &out, &mode, &error));
    CHECK(out["screens"].size() == 2);
}
