// Robust ingest: JSON as models write it (lenient), JSON that is still arriving (partial), and
// near-miss names mapped onto the catalog (repair).
#include "generator/lenient_json.h"
#include "generator/spec_repair.h"
#include "runtime/headless/headless.h"
#include "runtime/headless/inspector.h"
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace pt;
namespace fs = std::filesystem;

namespace {

std::string readSample(const std::string& name) {
    std::ifstream in(fs::path(PT_SOURCE_DIR) / "samples" / name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool hasFix(const LenientResult& r, const std::string& phrase) {
    for (auto& f : r.fixes)
        if (f.find(phrase) != std::string::npos) return true;
    return false;
}

std::string fixesOf(const LenientResult& r) {
    std::string out;
    for (auto& f : r.fixes) out += f + "; ";
    return out;
}

const char* kSmallSpec = R"({"spec": 1, "meta": {"name": "Notes"},
 "state": {"notes": [{"title": "Groceries", "body": "Milk, eggs"}], "draft": ""},
 "screens": {
  "home": {"title": "Notes", "body": [
    {"list": [{"item": "${n.title}", "subtitle": "${n.body}", "repeat": {"in": "${notes}", "as": "n"}}]},
    {"button": "New note", "icon": "plus", "go": "edit"}]},
  "edit": {"title": "New note", "body": [
    {"input": "Title", "bind": "draft"},
    {"button": "Save", "press": [{"push": "notes", "value": {"title": "${draft}", "body": ""}}, "back"]}]}}})";

} // namespace

//-----------------------------------------------------------------------------
// Lenient parsing
//-----------------------------------------------------------------------------

TEST_CASE("lenient: strict JSON passes through untouched", "[ingest][lenient]") {
    for (auto& e : fs::directory_iterator(fs::path(PT_SOURCE_DIR) / "samples")) {
        if (e.path().extension() != ".json") continue;
        INFO(e.path().filename().string());
        std::string text = readSample(e.path().filename().string());
        LenientResult r = parseLenient(text);
        REQUIRE(r.ok);
        CHECK(r.fixes.empty());
        CHECK_FALSE(r.truncated);
        CHECK(r.doc == Json::parse(text));
    }
}

TEST_CASE("lenient: code fences and prose around the object", "[ingest][lenient]") {
    Json expected = Json::parse(kSmallSpec);
    SECTION("```json fence with prose before and after") {
        LenientResult r = parseLenient(std::string("Here is your prototype:\n\n```json\n") + kSmallSpec + "\n```\n\nLet me know if you want changes!");
        REQUIRE(r.ok);
        CHECK(r.doc == expected);
        INFO(fixesOf(r));
        CHECK(hasFix(r, "removed a ```json fence"));
        CHECK(hasFix(r, "ignored text before the JSON"));
        CHECK(hasFix(r, "ignored text after the JSON"));
    }
    SECTION("bare ``` fence, nothing else") {
        LenientResult r = parseLenient(std::string("```\n") + kSmallSpec + "\n```");
        REQUIRE(r.ok);
        CHECK(r.doc == expected);
        CHECK(r.fixes == std::vector<std::string>{"removed a ``` fence"});
    }
    SECTION("~~~ fence") {
        LenientResult r = parseLenient(std::string("~~~json\n") + kSmallSpec + "\n~~~\n");
        REQUIRE(r.ok);
        CHECK(r.doc == expected);
        CHECK(hasFix(r, "removed a ~~~json fence"));
    }
    SECTION("several objects: the largest wins, braces in prose are skipped") {
        LenientResult r = parseLenient(std::string("The format is {like this}. A tiny example: {\"spec\": 1}\nAnd the real one:\n") + kSmallSpec +
                                       "\nAlso {\"note\": \"done\"}");
        REQUIRE(r.ok);
        CHECK(r.doc == expected);
    }
    SECTION("a document given as a JSON string") {
        LenientResult r = parseLenient(Json(std::string(kSmallSpec)).dump());
        REQUIRE(r.ok);
        CHECK(r.doc == expected);
        CHECK(hasFix(r, "decoded a JSON document given as a quoted string"));
    }
}

TEST_CASE("lenient: comments, commas, quotes, keys and literals", "[ingest][lenient]") {
    SECTION("comments outside strings are removed, inside strings kept") {
        LenientResult r = parseLenient("{\n // the app\n \"url\": \"http://x.io/*not a comment*/\", /* inline */ \"n\": 2 // end\n}");
        REQUIRE(r.ok);
        CHECK(r.doc == Json{{"url", "http://x.io/*not a comment*/"}, {"n", 2}});
        CHECK(hasFix(r, "removed 3 comments"));
    }
    SECTION("trailing and doubled commas") {
        LenientResult r = parseLenient(R"({"a": [1, 2, 3,], "b": {"c": 1,},, })");
        REQUIRE(r.ok);
        CHECK(r.doc == Json{{"a", {1, 2, 3}}, {"b", {{"c", 1}}}});
        CHECK(hasFix(r, "removed 3 trailing commas"));
        CHECK(hasFix(r, "removed an extra comma"));
    }
    SECTION("smart quotes as JSON quotes; inside strings they stay characters") {
        LenientResult r = parseLenient("{\xE2\x80\x9Cname\xE2\x80\x9D: \xE2\x80\x9C" "Ann\xE2\x80\x99s app\xE2\x80\x9D, "
                                       "\"quote\": \"She said \xE2\x80\x9Chi\xE2\x80\x9D\"}");
        REQUIRE(r.ok);
        CHECK(r.doc["name"] == "Ann\xE2\x80\x99s app");
        CHECK(r.doc["quote"] == "She said \xE2\x80\x9Chi\xE2\x80\x9D");
        CHECK(hasFix(r, "replaced smart quotes"));
    }
    SECTION("single-quoted strings, apostrophes inside") {
        LenientResult r = parseLenient(R"({'title': 'Don't panic', 'esc': 'it\'s', "mixed": "O'Brien"})");
        REQUIRE(r.ok);
        CHECK(r.doc == Json{{"title", "Don't panic"}, {"esc", "it's"}, {"mixed", "O'Brien"}});
        CHECK(hasFix(r, "converted 4 single-quoted strings"));
    }
    SECTION("unquoted keys and values") {
        LenientResult r = parseLenient(R"({spec: 1, meta: {name: "Tasks", device: phone}, $ref_1: true})");
        REQUIRE(r.ok);
        CHECK(r.doc == Json{{"spec", 1}, {"meta", {{"name", "Tasks"}, {"device", "phone"}}}, {"$ref_1", true}});
        CHECK(hasFix(r, "quoted 5 unquoted keys"));
        CHECK(hasFix(r, "quoted an unquoted value"));
        r = parseLenient("{\"a\": \"x\"\n b: 2}");  // missing comma before an unquoted key
        REQUIRE(r.ok);
        CHECK(r.doc == Json{{"a", "x"}, {"b", 2}});
    }
    SECTION("Python literals, NaN and Infinity") {
        LenientResult r = parseLenient(R"({"a": True, "b": False, "c": None, "d": NaN, "e": -Infinity, "f": Infinity, "g": +3, "h": .5})");
        REQUIRE(r.ok);
        CHECK(r.doc == Json{{"a", true}, {"b", false}, {"c", nullptr}, {"d", nullptr}, {"e", nullptr}, {"f", nullptr}, {"g", 3}, {"h", 0.5}});
        CHECK(hasFix(r, "converted Python literals"));
        CHECK(hasFix(r, "replaced NaN/Infinity with null"));
    }
    SECTION("raw line breaks and tabs inside strings") {
        LenientResult r = parseLenient("{\"md\": \"# Tips\n- one\t- two\"}");
        REQUIRE(r.ok);
        CHECK(r.doc["md"] == "# Tips\n- one\t- two");
        CHECK(hasFix(r, "escaped 2 raw line breaks and tabs"));
    }
    SECTION("missing commas between members and between array objects") {
        LenientResult r = parseLenient("{\"a\": 1 \"b\": 2\n \"c\": [{\"x\": 1} {\"x\": 2}]}");
        REQUIRE(r.ok);
        CHECK(r.doc == Json{{"a", 1}, {"b", 2}, {"c", {{{"x", 1}}, {{"x", 2}}}}});
        CHECK(hasFix(r, "added 3 missing commas"));
    }
    SECTION("escapes: standard, unicode pairs, unknown ones kept as text") {
        LenientResult r = parseLenient(R"({"a": "caf\u00e9 \ud83d\ude00 \"q\" \\ \/", "re": "\d+", "bad": "\ud83d!"})");
        REQUIRE(r.ok);
        CHECK(r.doc["a"] == "caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\" \\ /");
        CHECK(r.doc["re"] == "\\d+");
        CHECK(r.doc["bad"] == "\xEF\xBF\xBD!");
    }
}

TEST_CASE("lenient: a cut-off answer is closed, the incomplete member dropped", "[ingest][lenient]") {
    SECTION("inside a string value: the string is kept") {
        LenientResult r = parseLenient(R"({"a": [1, 2, {"b": "hel)");
        REQUIRE(r.ok);
        CHECK(r.truncated);
        CHECK(r.doc == Json{{"a", {1, 2, {{"b", "hel"}}}}});
        CHECK(hasFix(r, "closed 3 brackets: the answer was cut off"));
        CHECK(hasFix(r, "closed an unfinished string"));
    }
    SECTION("after a key: the member is dropped") {
        LenientResult r = parseLenient(R"({"screens": {"home": {"title": "Home"}, "next":)");
        REQUIRE(r.ok);
        CHECK(r.truncated);
        CHECK(r.doc == Json{{"screens", {{"home", {{"title", "Home"}}}}}});
        CHECK(hasFix(r, "dropped an incomplete last member"));
    }
    SECTION("a cut literal is completed, a cut number kept") {
        LenientResult r = parseLenient(R"({"a": tr)");
        REQUIRE(r.ok);
        CHECK(r.doc == Json{{"a", true}});
        r = parseLenient(R"({"a": 12.)");
        REQUIRE(r.ok);
        CHECK(r.doc == Json{{"a", 12}});
    }
    SECTION("inside a comment") {
        LenientResult r = parseLenient("{\"a\": 1, /* still writing");
        REQUIRE(r.ok);
        CHECK(r.truncated);
        CHECK(r.doc == Json{{"a", 1}});
    }
}

TEST_CASE("lenient: what cannot be recovered is located in the original text", "[ingest][lenient]") {
    SECTION("a stray character") {
        LenientResult r = parseLenient("Sure!\n```json\n{\"a\": 1,\n \"b\": @oops}\n```");
        CHECK_FALSE(r.ok);
        CHECK(r.error.level == Diagnostic::Level::Error);
        CHECK(r.error.line == 4);
        CHECK(r.error.col == 7);
        CHECK(r.error.message == "expected a value, found '@'");
    }
    SECTION("a broken big object is not replaced by a small object inside it") {
        LenientResult r = parseLenient(R"({"nav": {"start" "home"}, "screens": {"home": {"body": [{"text": "Hi"}]}}})");
        CHECK_FALSE(r.ok);
        CHECK(r.error.line == 1);
        CHECK(r.error.col == 18);
        CHECK(r.error.message == "expected ':' after \"start\", found '\"'");
    }
    SECTION("no object at all") {
        LenientResult r = parseLenient("I'm sorry, I can't help with that.");
        CHECK_FALSE(r.ok);
        CHECK(r.error.line == 1);
        CHECK(r.error.message.find("no JSON object") != std::string::npos);
        CHECK_FALSE(parseLenient("  \n").ok);
    }
    SECTION("a flood of braces is not an answer") {
        LenientResult r = parseLenient(std::string(100000, '{'));
        CHECK_FALSE(r.ok);
        CHECK(r.error.line == 1);
        CHECK(r.error.col == 2);
    }
    SECTION("nesting beyond the loader's limit") {
        std::string deep(SpecLoader::kMaxDepth + 5, '[');
        LenientResult r = parseLenient("{\"a\": " + deep);
        CHECK_FALSE(r.ok);
        CHECK(r.error.message.find("nesting deeper than") != std::string::npos);
    }
}

TEST_CASE("lenient: every truncation of a spec parses without crashing, nearly all to a document", "[ingest][lenient][fuzz]") {
    std::string text = std::string("```json\n") + kSmallSpec + "\n```";
    size_t start = text.find('{');
    int ok = 0, total = 0;
    for (size_t cut = start + 1; cut <= text.size(); ++cut) {
        LenientResult r = parseLenient(std::string_view(text).substr(0, cut));
        ++total;
        if (r.ok) {
            ++ok;
            CHECK(r.doc.is_object());
        } else {
            INFO("cut at " << cut << ": " << r.error.message);
            CHECK(r.error.line > 0);
        }
        if (cut < text.size() - 4) CHECK((r.truncated || !r.ok));
    }
    CHECK(ok == total);  // every cut after the first brace can be closed
}

TEST_CASE("lenient: random bytes and random edits never crash or throw", "[ingest][lenient][fuzz]") {
    std::mt19937 rng(20260514);
    std::string sample = readSample("task_board.json");
    const std::string alphabet = "{}[]\":,'/*\\ \n\tabcTrueNn0123456789.-+e\xE2\x80\x9C\x9D\xC3\xA9\xFF";
    for (int round = 0; round < 300; ++round) {
        std::string bytes(rng() % 400, '\0');
        for (auto& b : bytes) b = (char)(rng() % 256);
        LenientResult r = parseLenient(bytes);
        if (r.ok) {
            CHECK(r.doc.is_object());
            CHECK_NOTHROW(r.doc.dump());  // strings hold valid UTF-8 only
        } else {
            CHECK(r.error.line > 0);
        }

        std::string edited = sample.substr(0, sample.size() * (rng() % 100 + 1) / 100);
        for (int k = 0; k < 8; ++k) {
            size_t at = rng() % (edited.size() + 1);
            switch (rng() % 3) {
            case 0: edited.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
            case 1: if (at < edited.size()) edited.erase(at, 1); break;
            default: if (at < edited.size()) edited[at] = alphabet[rng() % alphabet.size()]; break;
            }
        }
        LenientResult e = parseLenient(edited);
        if (e.ok) CHECK_NOTHROW(e.doc.dump());
        else CHECK(e.error.line > 0);
        PartialJson p;
        if (parsePartial(edited, &p)) CHECK_NOTHROW(p.value.dump());
    }
}

//-----------------------------------------------------------------------------
// Partial parsing
//-----------------------------------------------------------------------------

TEST_CASE("partial: every prefix of a sample is a sub-document of the final one", "[ingest][partial]") {
    std::string text = "Here it comes:\n```json\n" + readSample("habit_tracker.json");
    Json final = Json::parse(readSample("habit_tracker.json"));
    size_t start = text.find('{');
    std::map<std::string, size_t> screenClosedAt;
    size_t screensSeenAt = 0;
    for (size_t n = 0; n <= text.size(); ++n) {
        std::string_view prefix = std::string_view(text).substr(0, n);
        PartialJson p;
        bool started = parsePartial(prefix, &p);
        REQUIRE(started == (n > start));
        if (!started) continue;
        INFO("prefix of " << n << " bytes");
        REQUIRE(p.value.is_object());
        REQUIRE(p.open.empty() == p.complete);
        if (!p.open.empty()) REQUIRE(p.open.front() == "");
        for (auto& [key, value] : p.value.items()) {
            REQUIRE(final.contains(key));
            if (!isOpen(p, "/" + key)) REQUIRE(value == final[key]);
        }
        if (p.value.contains("screens")) {
            if (!screensSeenAt) {
                screensSeenAt = n;
                for (const char* shell : {"spec", "meta", "theme", "state", "nav"}) {
                    INFO(shell);
                    CHECK(p.value.contains(shell));
                    CHECK_FALSE(isOpen(p, std::string("/") + shell));
                }
            }
            for (auto& [id, screen] : p.value["screens"].items()) {
                std::string ptr = "/screens/" + id;
                if (isOpen(p, ptr)) {
                    CHECK_FALSE(screenClosedAt.count(id));
                    continue;
                }
                REQUIRE(screen == final["screens"][id]);
                if (!screenClosedAt.count(id)) {
                    screenClosedAt[id] = n;
                    CHECK(prefix.back() == '}');  // it became complete exactly when its closing brace arrived
                }
            }
        }
        if (p.complete) CHECK(p.value == final);
    }
    CHECK(screensSeenAt > 0);
    CHECK(screenClosedAt.size() == final["screens"].size());
    // Screens finish in document order, one after another.
    size_t last = 0;
    for (auto& [id, screen] : final["screens"].items()) {
        CHECK(screenClosedAt[id] > last);
        last = screenClosedAt[id];
    }
}

TEST_CASE("partial: values that may still grow are held back", "[ingest][partial]") {
    auto value = [](std::string_view prefix) {
        PartialJson p;
        REQUIRE(parsePartial(prefix, &p));
        return p.value;
    };
    CHECK(value(R"({"a": 12)") == Json::object());
    CHECK(value(R"({"a": 12,)") == Json{{"a", 12}});
    CHECK(value(R"({"a": 12 )") == Json{{"a", 12}});
    CHECK(value(R"({"a": tr)") == Json::object());
    CHECK(value(R"({"a": true)") == Json::object());
    CHECK(value(R"({"a": "Sav)") == Json::object());
    CHECK(value(R"({"a": "Save")") == Json{{"a", "Save"}});
    CHECK(value(R"({"a": "x", "lab)") == Json{{"a", "x"}});
    CHECK(value(R"({"a": "x", "label")") == Json{{"a", "x"}});
    CHECK(value(R"({"a": [1, 2, 3)") == Json{{"a", {1, 2}}});
    CHECK(value(R"({"a": [{"b": 1}, {"c": )") == Json{{"a", {{{"b", 1}}, Json::object()}}});

    PartialJson p;
    CHECK_FALSE(parsePartial("Sure! Here is the spec:\n```json\n", &p));
    REQUIRE(parsePartial("```json\n{\"spec\": 1, \"screens\": {\"home\": {\"title\": \"Home\", \"body\": [{\"text\": \"Hi\"}", &p));
    CHECK(p.value == Json{{"spec", 1}, {"screens", {{"home", {{"title", "Home"}, {"body", {{{"text", "Hi"}}}}}}}}});
    CHECK(p.open == std::vector<std::string>{"", "/screens", "/screens/home", "/screens/home/body"});
    CHECK_FALSE(p.complete);
    CHECK(isOpen(p, ""));
    CHECK(isOpen(p, "/screens/home"));
    CHECK(isOpen(p, "/screens/home/body"));
    CHECK_FALSE(isOpen(p, "/screens/ho"));
    CHECK_FALSE(isOpen(p, "/screens/home/body/0"));
    CHECK_FALSE(isOpen(p, "/spec"));

    REQUIRE(parsePartial("Fill in {name} later.\n```json\n{\"spec\": 1, \"meta\": {\"name\": \"A\"}", &p));
    CHECK(p.value == Json{{"spec", 1}, {"meta", {{"name", "A"}}}});
    CHECK_FALSE(parsePartial("Fill in {name} later.", &p));
    REQUIRE(parsePartial("{\"spec\": 1, \"meta\": {\"name\": @", &p));  // a syntax error ends what can be shown
    CHECK(p.value == Json{{"spec", 1}, {"meta", Json::object()}});
    CHECK(p.open == std::vector<std::string>{"", "/meta"});

    REQUIRE(parsePartial("{\"a\": {}} trailing prose", &p));
    CHECK(p.complete);
    CHECK(p.open.empty());
}

TEST_CASE("partial: escapes cut anywhere never leak half a character", "[ingest][partial]") {
    std::string text = R"({"quote": "say \"hi\"", "path": "C:\\tmp", "cafe": "caf\u00e9", "emoji": "\ud83d\ude00", "raw": "na√Øve", "end": 1})";
    Json final = Json::parse(text);
    for (size_t n = 1; n <= text.size(); ++n) {
        PartialJson p;
        REQUIRE(parsePartial(std::string_view(text).substr(0, n), &p));
        INFO("prefix: " << text.substr(0, n));
        for (auto& [k, v] : p.value.items()) CHECK(v == final[k]);
    }
}

TEST_CASE("partial: a key path with / and ~ is escaped in open pointers", "[ingest][partial]") {
    PartialJson p;
    REQUIRE(parsePartial(R"({"a/b": {"c~d": [)", &p));
    CHECK(p.open == std::vector<std::string>{"", "/a~1b", "/a~1b/c~0d"});
}

//-----------------------------------------------------------------------------
// Repair
//-----------------------------------------------------------------------------

namespace {

// A spec as a model that knows other UI vocabularies might write it.
Json hallucinatedSpec() {
    return Json::parse(R"({
      "spec": 1,
      "meta": {"name": "Signup"},
      "state": {"form": {"email": ""}},
      "nav": {"kind": "stack", "start": "Home"},
      "screens": [
        {"id": "home", "title": "Welcome", "body": [
          {"Heading": "Join the beta"},
          {"Column": [
            {"TextField": "Email", "bind": "form.email"},
            {"type": "Buton", "text": "Continue", "variant": "Primary", "onClick": {"navigateTo": "Done"}}], "gap": 8}]},
        {"id": "done", "title": "Thanks", "body": [
          {"text": "You're on the list"},
          {"button": "Back home", "variant": "outlined", "on": {"onPress": {"navigate": "Home"}}}]}
      ]})");
}

bool hasRepair(const SpecRepairResult& r, const std::string& message) {
    for (auto& f : r.fixes)
        if (f.message == message) return true;
    return false;
}

std::string repairsOf(const SpecRepairResult& r) {
    std::string out;
    for (auto& f : r.fixes) out += f.pointer + ": " + f.message + "\n";
    return out + r.load.format("spec");
}

} // namespace

TEST_CASE("repair: hallucinated names are mapped onto the catalog", "[ingest][repair]") {
    SpecRepairResult r = repairSpec(hallucinatedSpec());
    INFO(repairsOf(r));
    REQUIRE(r.load.spec);
    CHECK_FALSE(r.load.hasErrors());
    CHECK(r.load.diagnostics.empty());

    const Json& home = r.doc["screens"]["home"];
    CHECK(home["body"][0].begin().key() == "heading");
    const Json& column = home["body"][1];
    CHECK(column.begin().key() == "col");
    CHECK(column["gap"] == 8);
    CHECK(column["col"][0].begin().key() == "input");
    CHECK(column["col"][0]["input"] == "Email");
    const Json& button = column["col"][1];
    CHECK(button["type"] == "button");
    CHECK(button["label"] == "Continue");
    CHECK(button["variant"] == "primary");
    CHECK(button["press"] == Json{{"navigate", "done"}});
    CHECK(r.doc["nav"]["start"] == "home");
    const Json& back = r.doc["screens"]["done"]["body"][1];
    CHECK(back["variant"] == "outline");
    CHECK(back["on"] == Json{{"press", {{"navigate", "home"}}}});

    CHECK(hasRepair(r, "screens given as an array -> an object keyed by id"));
    CHECK(hasRepair(r, "widget 'TextField' -> 'input'"));
    CHECK(hasRepair(r, "widget 'Column' -> 'col'"));
    CHECK(hasRepair(r, "widget 'Buton' -> 'button'"));
    CHECK(hasRepair(r, "widget 'Heading' -> 'heading'"));
    CHECK(hasRepair(r, "prop 'onClick' -> 'press'"));
    CHECK(hasRepair(r, "prop 'text' -> 'label'"));
    CHECK(hasRepair(r, "action 'navigateTo' -> 'navigate'"));
    CHECK(hasRepair(r, "value 'Primary' -> 'primary'"));
    CHECK(hasRepair(r, "target 'Home' -> 'home'"));
    CHECK(hasRepair(r, "event 'onPress' -> 'press'"));

    // The repaired prototype renders and clicks through.
    Json report = inspectSpec(r.load.spec);
    CHECK(report["screens"].size() == 2);
    CHECK(report["unreachable"].empty());
    CHECK(report["dead_controls"].empty());
    HeadlessDriver d(r.load.spec);
    d.settle();
    std::string error;
    REQUIRE(d.type("Email", "ada@example.com", &error));
    REQUIRE(d.click("Continue", &error));
    d.settle();
    CHECK(d.proto().currentScreen() == "done");
    CHECK(d.proto().state()["form"]["email"] == "ada@example.com");
}

TEST_CASE("repair: shape slips", "[ingest][repair]") {
    SECTION("a screen written as a node, React-style props, children as the container key") {
        Json doc = Json::parse(R"({"screens": {
            "home": {"title": "Home", "type": "col", "children": [
              {"type": "Text", "props": {"text": "Hello", "style": "h2"}},
              {"children": [{"text": "A"}, {"text": "B"}], "gap": 4}]},
            "about": [{"text": "About us"}]},
          "nav": {"kind": "tabs"}})");
        SpecRepairResult r = repairSpec(doc);
        INFO(repairsOf(r));
        REQUIRE(r.load.spec);
        CHECK_FALSE(r.load.hasErrors());
        const Json& home = r.doc["screens"]["home"];
        CHECK(home["title"] == "Home");
        CHECK(home["body"]["type"] == "col");
        CHECK(home["body"]["children"][0] == Json{{"type", "text"}, {"text", "Hello"}, {"style", "h2"}});
        CHECK(home["body"]["children"][1].begin().key() == "col");
        CHECK(r.doc["screens"]["about"] == Json{{"body", {{{"text", "About us"}}}}});
    }
    SECTION("A2UI nodes: 'component' names the type, its variants map to ours") {
        Json doc = Json::parse(R"({"screens": {"home": {"body": [
            {"id": "title", "component": "Text", "text": "Animal explorer", "variant": "h1"},
            {"id": "bar", "component": "Row", "justify": "spaceBetween", "children": [
              {"component": "TextField", "label": "Search...", "bind": "query"},
              {"component": "Button", "label": "Go", "variant": "borderless", "action": "back"}]}]}},
          "state": {"query": ""}})");
        SpecRepairResult r = repairSpec(doc);
        INFO(repairsOf(r));
        REQUIRE(r.load.spec);
        CHECK(r.load.diagnostics.empty());
        const Json& body = r.doc["screens"]["home"]["body"];
        CHECK(body[0] == Json::parse(R"({"id": "title", "type": "text", "text": "Animal explorer", "style": "h1"})"));
        CHECK(body[1]["type"] == "row");
        CHECK(body[1]["justify"] == "between");
        CHECK(body[1]["children"][0]["type"] == "input");
        CHECK(body[1]["children"][1] == Json::parse(R"({"type": "button", "label": "Go", "variant": "ghost", "press": "back"})"));
    }
    SECTION("other vocabularies in document keys") {
        Json doc = Json::parse(R"({"pages": {"home": {"title": "Home", "content": [{"Label": "Hi"}, {"Toggle": "Dark mode", "bind": "dark"}]}},
                                  "data": {"dark": false}})");
        SpecRepairResult r = repairSpec(doc);
        INFO(repairsOf(r));
        REQUIRE(r.load.spec);
        CHECK(r.load.diagnostics.empty());
        CHECK(r.doc["state"] == Json{{"dark", false}});
        CHECK(r.doc["screens"]["home"]["body"][0] == Json{{"text", "Hi"}});
        CHECK(r.doc["screens"]["home"]["body"][1].begin().key() == "switch");
    }
}

TEST_CASE("repair: what is not a near miss is left alone", "[ingest][repair]") {
    SECTION("a truly unknown widget stays and is reported; the runtime shows a placeholder") {
        Json doc = Json::parse(R"({"screens": {"home": {"body": [{"Hologram3D": "Spinning logo"}, {"button": "OK", "size": "xl", "press": "back"}]}}})");
        SpecRepairResult r = repairSpec(doc);
        INFO(repairsOf(r));
        CHECK(r.fixes.empty());
        CHECK(r.doc == doc);
        REQUIRE(r.load.spec);
        bool reported = false;
        for (auto& d : r.load.diagnostics) reported |= d.subject == "Hologram3D";
        CHECK(reported);
        REQUIRE_FALSE(r.load.spec->screens.empty());
        CHECK(r.load.spec->screens[0].body[0].def == WidgetCatalog::get().find("placeholder"));
    }
    SECTION("a clean spec comes back unchanged with zero fixes") {
        Json doc = Json::parse(readSample("shop_checkout.json"));
        SpecRepairResult r = repairSpec(doc);
        CHECK(r.fixes.empty());
        CHECK(r.doc == doc);
        CHECK(r.load.diagnostics.empty());
    }
    SECTION("a rename never overwrites a member that is already there") {
        Json doc = Json::parse(R"({"screens": {"home": {"body": [{"button": "Save", "text": "Other", "press": "back"}]}}})");
        SpecRepairResult r = repairSpec(doc);
        CHECK(r.doc == doc);
        CHECK(r.fixes.empty());
    }
    SECTION("a rename must fit the value: a style object is not a button variant") {
        Json doc = Json::parse(R"({"screens": {"home": {"body": [{"button": "Save", "style": {"color": "red"}, "onClick": "back"}]}}})");
        SpecRepairResult r = repairSpec(doc);
        INFO(repairsOf(r));
        CHECK(r.doc["screens"]["home"]["body"][0] == Json::parse(R"({"button": "Save", "style": {"color": "red"}, "press": "back"})"));
        CHECK_FALSE(r.load.hasErrors());
    }
    SECTION("not an object at all: no throw, the loader's error is kept") {
        SpecRepairResult r = repairSpec(Json::array({1, 2}));
        CHECK(r.fixes.empty());
        CHECK(r.load.hasErrors());
    }
}
