// SpecLoader and validator: located diagnostics for every kind of bad input, and what good specs compile to.
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/catalog.h"
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

using namespace pt;

namespace {

LoadResult load(const std::string& text) { return SpecLoader::loadText(text, "t.json"); }

// The formatted diagnostics, one per line, for substring checks.
std::string problems(const LoadResult& r) { return r.format("t.json"); }

const char* kMinimal = R"({"screens": {"home": {"title": "Home", "body": [{"text": "Hello"}]}}})";

} // namespace

TEST_CASE("a minimal spec compiles with defaults", "[loader]") {
    LoadResult r = load(kMinimal);
    REQUIRE(r.spec);
    CHECK_FALSE(r.hasErrors());
    CHECK(r.diagnostics.empty());
    CHECK(r.spec->nav.start == "home");
    CHECK(r.spec->nav.kind == "stack");
    CHECK(r.spec->device == "phone");
    REQUIRE(r.spec->screens.size() == 1);
    REQUIRE(r.spec->screens[0].body.size() == 1);
    CHECK(r.spec->screens[0].body[0].type == "text");
    CHECK(r.spec->screens[0].body[0].key == "home/0");
}

TEST_CASE("syntax errors are located by line and column", "[loader][bad-input]") {
    LoadResult r = load("{\n  \"screens\": {\n    \"home\": {\"title\": \"x\",}\n  }\n}");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK_FALSE(r.spec);
    CHECK(r.diagnostics[0].line == 3);
    CHECK(r.diagnostics[0].col >= 20);
    CHECK(problems(r).find("t.json:3:") == 0);
}

TEST_CASE("empty, binary and truncated files get clear messages", "[loader][bad-input]") {
    LoadResult empty = load("   \n ");
    REQUIRE(empty.diagnostics.size() == 1);
    CHECK(empty.diagnostics[0].message.find("empty") != std::string::npos);

    std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    LoadResult bin = load(binary);
    REQUIRE(bin.diagnostics.size() == 1);
    CHECK(bin.diagnostics[0].message.find("binary") != std::string::npos);

    LoadResult truncated = load(R"({"screens": {"home": {"title": "Ho)");
    REQUIRE(truncated.diagnostics.size() == 1);
    CHECK(truncated.diagnostics[0].line == 1);
    CHECK_FALSE(truncated.spec);
}

TEST_CASE("20,000-deep nesting is rejected before parsing", "[loader][bad-input]") {
    std::string deep = std::string(20000, '[') + std::string(20000, ']');
    LoadResult r = load(deep);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("deeper than") != std::string::npos);
    CHECK(r.diagnostics[0].col == SpecLoader::kMaxDepth + 1);
}

TEST_CASE("a missing file is unreadable, not invalid", "[loader][bad-input]") {
    LoadResult r = SpecLoader::loadFile("/nonexistent/spec.json");
    CHECK(r.unreadable);
    CHECK(r.hasErrors());
}

TEST_CASE("not an app: wrong top-level shapes", "[loader][bad-input]") {
    CHECK(problems(load("[1, 2]")).find("must be a JSON object") != std::string::npos);
    CHECK(problems(load("{}")).find("needs \"screens\"") != std::string::npos);
    CHECK(problems(load(R"({"screens": []})")).find("t.json:/screens:") != std::string::npos);
}

TEST_CASE("unknown widgets become placeholders with did-you-mean", "[loader][validator]") {
    LoadResult r = load(R"({"screens": {"home": {"body": [{"buton": "Save"}]}}})");
    REQUIRE(r.spec);
    CHECK(r.hasErrors());
    CHECK(problems(r).find("t.json:/screens/home/body/0/buton: error: unknown widget 'buton' (did you mean 'button'?)") != std::string::npos);
    CHECK(r.spec->screens[0].body[0].def->name == "placeholder");
}

TEST_CASE("unknown props and enum values are located", "[loader][validator]") {
    LoadResult r = load(R"({"screens": {"home": {"body": [{"button": "Save", "variant": "primry", "colour": "red"}]}}})");
    std::string p = problems(r);
    CHECK(p.find("/screens/home/body/0/variant: error:") != std::string::npos);
    CHECK(p.find("did you mean 'primary'?") != std::string::npos);
    CHECK(p.find("/screens/home/body/0/colour: warning: unknown prop 'colour'") != std::string::npos);
}

TEST_CASE("one tone vocabulary: tone props and the toast action take the same names, unknown ones are located", "[loader][validator]") {
    LoadResult ok = load(R"({"screens": {"home": {"body": [
      {"toast": "Saved", "tone": "muted"}, {"badge": "New", "tone": "#FF8800"}, {"col": [], "bg": "surface"},
      {"item": "Fix the roof", "badge": "High", "badge_tone": "danger"},
      {"button": "Go", "press": {"toast": "Done", "tone": "brand"}}]}}})");
    INFO(problems(ok));
    CHECK_FALSE(ok.hasErrors());
    LoadResult bad = load(R"({"screens": {"home": {"body": [
      {"toast": "Saved", "tone": "sucess"}, {"badge": "New", "tone": "dangr"},
      {"button": "Go", "press": {"toast": "Done", "tone": "error"}}]}}})");
    std::string p = problems(bad);
    CHECK(p.find("/screens/home/body/0/tone: error:") != std::string::npos);
    CHECK(p.find("(did you mean 'success'?)") != std::string::npos);
    CHECK(p.find("/screens/home/body/1/tone: error: 'tone' of badge must be a tone") != std::string::npos);
    CHECK(p.find("(did you mean 'danger'?)") != std::string::npos);
    CHECK(p.find("/screens/home/body/2/press/tone: error:") != std::string::npos);
}

TEST_CASE("wrong prop types are errors", "[loader][validator][bad-input]") {
    LoadResult r = load(R"({"screens": {"home": {"body": [{"slider": "Volume", "max": "lots"}, {"switch": "On", "enabled": "${1 +}"}]}}})");
    std::string p = problems(r);
    CHECK(p.find("/screens/home/body/0/max: error: 'max' of slider should be a number") != std::string::npos);
    CHECK(p.find("/screens/home/body/1/enabled: error: expression:") != std::string::npos);
}

TEST_CASE("unknown actions and dangling targets", "[loader][validator]") {
    LoadResult r = load(R"({
      "overlays": {"confirm": {"title": "Sure?"}},
      "screens": {"home": {"body": [
        {"button": "A", "on": {"press": {"navigte": "home"}}},
        {"button": "B", "go": "detials"},
        {"button": "C", "on": {"press": [{"open": "confrm"}, "bakc"]}},
        {"button": "D", "on": {"press": {"call": "login"}}}
      ]}, "details": {"body": []}}})");
    std::string p = problems(r);
    CHECK(p.find("body/0/on/press/navigte: error: unknown action 'navigte' (did you mean 'navigate'?)") != std::string::npos);
    CHECK(p.find("body/1/go: error: navigate: no screen or overlay named 'detials' (did you mean 'details'?)") != std::string::npos);
    CHECK(p.find("body/2/on/press/0/open: error: open: no overlay named 'confrm' (did you mean 'confirm'?)") != std::string::npos);
    CHECK(p.find("body/2/on/press/1: error: unknown action 'bakc' (did you mean 'back'?)") != std::string::npos);
    CHECK(p.find("body/3/on/press/call: error: call: no mock named 'login'") != std::string::npos);
}

TEST_CASE("duplicate ids and unreachable screens", "[loader][validator]") {
    LoadResult r = load(R"({"screens": {
      "home": {"body": [{"button": "A", "id": "go", "go": "two"}, {"text": "B", "id": "go"}]},
      "two": {"body": []}, "lost": {"body": []}}})");
    std::string p = problems(r);
    CHECK(p.find("/screens/home/body/1: error: duplicate id 'go' (also at /screens/home/body/0)") != std::string::npos);
    CHECK(p.find("/screens/lost: warning: screen 'lost' is unreachable") != std::string::npos);
    CHECK(p.find("'two' is unreachable") == std::string::npos);
}

TEST_CASE("expression errors and unknown variables/functions are located", "[loader][validator]") {
    LoadResult r = load(R"({"state": {"tasks": []}, "screens": {"home": {"body": [
        {"text": "${count(taks)}"}, {"text": "${cnt(tasks)}"}, {"text": "Total: ${1 + }"}]}}})");
    std::string p = problems(r);
    CHECK(p.find("/screens/home/body/0/text: warning: unknown variable 'taks' (did you mean 'tasks'?)") != std::string::npos);
    CHECK(p.find("/screens/home/body/1/text: error: unknown function 'cnt'") != std::string::npos);
    CHECK(p.find("/screens/home/body/2/text: error: expression:") != std::string::npos);
}

TEST_CASE("repeat aliases, params and components are in scope", "[loader]") {
    LoadResult r = load(R"({"state": {"tasks": [{"title": "Write"}]},
      "components": {"taskRow": {"params": {"task": null, "muted": false}, "body": {"text": "${task.title}", "muted": "${muted}"}}},
      "screens": {"home": {"body": [
        {"taskRow": "${t}", "repeat": {"in": "${tasks}", "as": "t", "empty": {"empty": "Nothing yet"}}},
        {"text": "${params.id}"}]}}})");
    INFO(problems(r));
    CHECK(r.diagnostics.empty());
    REQUIRE(r.spec);
    const Node& row = r.spec->screens[0].body[0];
    CHECK(row.isComponent);
    REQUIRE(row.repeat);
    CHECK(row.repeat->as == "t");
    CHECK(row.repeat->empty.size() == 1);
    REQUIRE(row.params.size() == 2);
    CHECK(row.params[0].first == "task");
    REQUIRE(row.children.size() == 1);
    CHECK(row.children[0].type == "text");
}

TEST_CASE("recursive components are an error, not a stack overflow", "[loader][bad-input]") {
    LoadResult r = load(R"({"components": {
        "a": {"body": {"col": [{"b": null}]}},
        "b": {"body": {"col": [{"a": null}]}}},
      "screens": {"home": {"body": [{"a": null}]}}})");
    std::string p = problems(r);
    CHECK(p.find("uses itself (a -> b -> a)") != std::string::npos);
}

TEST_CASE("validation rules compile in both shapes", "[loader]") {
    LoadResult r = load(R"({"state": {"f": {}}, "screens": {"home": {"body": [
        {"input": "Email", "bind": "f.email", "rules": {"required": "Enter your email", "email": "Not an email", "minLength": [5, "Too short"]}},
        {"input": "Code", "bind": "f.code", "rules": [{"pattern": "^[0-9]+$"}, "required"]},
        {"input": "X", "bind": "f.x", "rules": {"shout": "no"}}]}}})");
    REQUIRE(r.spec);
    auto& body = r.spec->screens[0].body;
    REQUIRE(body[0].rules.size() == 3);
    CHECK(body[0].rules[2].kind == "minLength");
    REQUIRE(body[1].rules.size() == 2);
    CHECK(problems(r).find("/screens/home/body/2/rules/shout: error: unknown rule 'shout'") != std::string::npos);
}

TEST_CASE("nav items, start screen and theme are read and checked", "[loader]") {
    LoadResult r = load(R"({"meta": {"name": "Habits", "device": "tablet", "now": "2026-05-04T08:00"},
      "theme": {"preset": "warm", "brand": "#FF6600", "mode": "dark"},
      "nav": {"kind": "tabs", "start": "stats", "items": ["today", {"screen": "stats", "label": "Numbers", "icon": "bar-chart"}]},
      "screens": {"today": {"title": "Today", "icon": "home", "body": []}, "stats": {"title": "Stats", "body": []}}})");
    INFO(problems(r));
    REQUIRE(r.spec);
    CHECK(r.diagnostics.empty());
    CHECK(r.spec->device == "tablet");
    CHECK(r.spec->dark);
    CHECK(r.spec->themePreset == "warm");
    CHECK(r.spec->nav.start == "stats");
    REQUIRE(r.spec->nav.items.size() == 2);
    CHECK(r.spec->nav.items[0].icon == "home");
    CHECK(r.spec->nav.items[1].label.raw() == "Numbers");
    double t;
    REQUIRE(parseDateTime("2026-05-04T08:00", &t));
    CHECK(r.spec->clockStart == t);

    LoadResult bad = load(R"({"theme": {"preset": "calmm"}, "nav": {"kind": "tab", "start": "nope"}, "screens": {"a": {"body": []}}})");
    std::string p = problems(bad);
    CHECK(p.find("/theme/preset: error: unknown theme preset 'calmm' (did you mean 'calm'?)") != std::string::npos);
    CHECK(p.find("/nav/kind: error:") != std::string::npos);
    CHECK(p.find("/nav/start: error: start screen 'nope' does not exist") != std::string::npos);
}

TEST_CASE("every widget in the catalog has docs, and props never shadow common keys", "[catalog]") {
    auto& c = WidgetCatalog::get();
    CHECK(c.all().size() >= 40);
    for (auto& w : c.all()) {
        INFO(w.name);
        CHECK_FALSE(w.doc.empty());
        CHECK(w.draw);
        if (!w.primary.empty()) CHECK(w.prop(w.primary) != nullptr);
        for (auto& p : w.props) {
            INFO(p.name);
            CHECK_FALSE(p.doc.empty());
            for (auto& common : commonProps()) CHECK(p.name != common.name);
        }
        if (!w.example.empty()) {
            Json example = Json::parse(w.example, nullptr, false);
            CHECK_FALSE(example.is_discarded());
        }
    }
}

TEST_CASE("FORMAT.md's opening example is a valid spec", "[loader][docs]") {
    std::ifstream in(std::string(PT_SOURCE_DIR) + "/specs/FORMAT.md");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string doc = ss.str();
    size_t begin = doc.find("```json\n");
    REQUIRE(begin != std::string::npos);
    begin += 8;
    size_t end = doc.find("```", begin);
    LoadResult r = load(doc.substr(begin, end - begin));
    INFO(problems(r));
    REQUIRE(r.spec);
    CHECK(r.diagnostics.empty());
    CHECK(r.spec->screens.size() == 3);
}
