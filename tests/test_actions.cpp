// Actions and state: every built-in action kind, run through a Prototype exactly as a click would.
#include "runtime/engine/prototype.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <imgui.h>

using namespace pt;

namespace {

const char* kApp = R"({
  "meta": {"now": "2026-05-04T08:00"},
  "state": {"count": 1, "dark": false, "tasks": [{"id": 1, "title": "Write"}, {"id": 2, "title": "Ship"}],
            "form": {"email": ""}, "answer": "", "session": null},
  "overlays": {"sheet": {"kind": "sheet", "title": "Sheet"}, "note": {"kind": "toast", "title": "Saved to ${count} places"}},
  "mocks": {"login": {"latency": 500, "result": {"name": "Ada"}, "fail": "${args.password != 'demo'}", "error": "Wrong password"}},
  "actions": {"twice": [{"inc": "count"}, {"inc": "count"}], "loop": [{"run": "loop"}]},
  "nav": {"kind": "tabs", "items": ["home", "stats"]},
  "screens": {
    "home": {"title": "Home", "body": []},
    "stats": {"title": "Stats", "body": []},
    "detail": {"title": "Detail", "body": [], "onEnter": {"set": "seen", "value": "${params.id}"}}
  }})";

struct Fixture {
    std::shared_ptr<const Spec> spec;
    std::unique_ptr<Prototype> proto;

    Fixture() {
        LoadResult r = SpecLoader::loadText(kApp);
        INFO(r.format("app"));
        REQUIRE(r.spec);
        spec = r.spec;
        proto = std::make_unique<Prototype>(spec);
    }

    // Compiles an action sequence against the app (as if written in an `on` handler) and runs it.
    void run(const std::string& actionsJson, double seconds = 0) {
        Json doc = Json::parse(kApp);
        doc["screens"]["home"]["body"] = Json::array({Json{{"button", "x"}, {"on", Json{{"press", Json::parse(actionsJson)}}}}});
        LoadResult r = SpecLoader::loadJson(doc);
        INFO(r.format("actions"));
        REQUIRE_FALSE(r.hasErrors());
        keep.push_back(r.spec);
        Scope scope(&proto->state());
        scope.bindValue("index", 1);
        proto->run(*r.spec->screens[0].body[0].actions("press"), scope);
        proto->update(0);
        for (double t = 0; t < seconds; t += 0.05) proto->update(0.05);
    }
    const Json& state(const char* path) {
        const Json* v = proto->getPath(path);
        REQUIRE(v);
        return *v;
    }
    std::vector<std::shared_ptr<const Spec>> keep;
};

} // namespace

TEST_CASE("set, toggle, inc with bounds", "[actions]") {
    Fixture f;
    f.run(R"([{"set": "form.email", "value": "ada@example.com"}, {"toggle": "dark"}, {"inc": "count", "by": 5, "max": 4}])");
    CHECK(f.state("form.email") == "ada@example.com");
    CHECK(f.state("dark") == true);
    CHECK(f.state("count") == 4);
    f.run(R"([{"set": {"count": "${count * 10}", "fresh.value": 7}}, {"inc": "count", "by": -100, "min": 0}])");
    CHECK(f.state("count") == 0);
    CHECK(f.state("fresh.value") == 7);
}

TEST_CASE("push and remove by index, condition and value", "[actions]") {
    Fixture f;
    f.run(R"({"push": "tasks", "value": {"id": 3, "title": "Celebrate ${count}"}})");
    REQUIRE(f.state("tasks").size() == 3);
    CHECK(f.state("tasks.2.title") == "Celebrate 1");
    f.run(R"({"remove": "tasks", "at": "${index}"})");  // index is bound to 1 by the fixture
    REQUIRE(f.state("tasks").size() == 2);
    CHECK(f.state("tasks.1.id") == 3);
    f.run(R"({"remove": "tasks", "where": "${it.id == 3}"})");
    REQUIRE(f.state("tasks").size() == 1);
    f.run(R"([{"push": "tags", "value": "a"}, {"push": "tags", "value": "b", "front": true}, {"remove": "tags", "value": "a"}])");
    REQUIRE(f.state("tags").size() == 1);
    CHECK(f.state("tags.0") == "b");
}

TEST_CASE("reset restores one path or everything", "[actions]") {
    Fixture f;
    f.run(R"([{"set": "count", "value": 9}, {"set": "dark", "value": true}, {"reset": "count"}])");
    CHECK(f.state("count") == 1);
    CHECK(f.state("dark") == true);
    f.run(R"([{"navigate": "detail"}, "reset"])");
    CHECK(f.state("dark") == false);
    CHECK(f.proto->currentScreen() == "home");
}

TEST_CASE("navigate with params, onEnter, back: a nav item is pushed too", "[actions][navigation]") {
    Fixture f;
    f.run(R"({"navigate": "detail", "params": {"id": 42}})");
    CHECK(f.proto->currentScreen() == "detail");
    CHECK(f.proto->screenParams()["id"] == 42);
    f.proto->update(0);
    CHECK(f.state("seen") == 42);
    f.run(R"("back")");
    CHECK(f.proto->currentScreen() == "home");
    CHECK_FALSE(f.proto->canGoBack());
    f.run(R"({"navigate": "detail"})");
    f.run(R"({"navigate": "stats"})");
    CHECK(f.proto->currentScreen() == "stats");
    REQUIRE(f.proto->canGoBack());  // an action pushes a nav item like any screen: back returns to where the user was
    f.run(R"("back")");
    CHECK(f.proto->currentScreen() == "detail");
    f.run(R"({"navigate": "home"})");  // a screen on the back stack is returned to, not pushed again
    CHECK(f.proto->currentScreen() == "home");
    CHECK_FALSE(f.proto->canGoBack());
}

TEST_CASE("overlays open and close: back closes the top overlay first", "[actions][navigation]") {
    Fixture f;
    f.run(R"([{"navigate": "detail"}, {"open": "sheet"}])");
    REQUIRE(f.proto->overlays().size() == 1);
    f.run(R"("back")");
    CHECK(f.proto->overlays().empty());
    CHECK(f.proto->currentScreen() == "detail");
    f.run(R"([{"open": "sheet"}, "close"])");
    CHECK(f.proto->overlays().empty());
    f.run(R"({"open": "note"})");  // a toast overlay shows as a toast
    REQUIRE(f.proto->toasts().size() == 1);
    CHECK(f.proto->toasts()[0].first == "Saved to 1 places");
}

TEST_CASE("toast and delay run on runtime time", "[actions]") {
    Fixture f;
    f.run(R"([{"toast": "Saved", "tone": "success"}, {"delay": 1000}, {"set": "count", "value": 2}])");
    REQUIRE(f.proto->toasts().size() == 1);
    CHECK(f.proto->toasts()[0].second == "success");
    CHECK(f.state("count") == 1);
    for (int i = 0; i < 19; ++i) f.proto->update(0.05);
    CHECK(f.state("count") == 1);
    f.proto->update(0.1);
    CHECK(f.state("count") == 2);
    for (int i = 0; i < 80; ++i) f.proto->update(0.05);
    CHECK(f.proto->toasts().empty());  // toasts expire
}

TEST_CASE("if chooses a branch", "[actions]") {
    Fixture f;
    f.run(R"({"if": "${count > 0}", "then": {"set": "branch", "value": "then"}, "else": {"set": "branch", "value": "else"}})");
    CHECK(f.state("branch") == "then");
    f.run(R"({"if": "${count > 5}", "then": {"set": "branch", "value": "then"}, "else": [{"set": "branch", "value": "else"}]})");
    CHECK(f.state("branch") == "else");
}

TEST_CASE("call waits for the mock, then runs then/catch", "[actions][mocks]") {
    Fixture f;
    f.run(R"({"call": "login", "args": {"password": "demo"}, "into": "session", "then": {"set": "greeting", "value": "Hi ${result.name}"}})");
    CHECK(f.proto->pending("login"));
    CHECK(f.state("session").is_null());
    for (int i = 0; i < 12; ++i) f.proto->update(0.05);
    CHECK_FALSE(f.proto->pending("login"));
    CHECK(f.state("session")["name"] == "Ada");
    CHECK(f.state("greeting") == "Hi Ada");

    f.run(R"({"call": "login", "args": {"password": "nope"}, "catch": {"set": "problem", "value": "${error}"}})", 0.6);
    CHECK(f.state("problem") == "Wrong password");

    f.run(R"({"call": "login", "args": {"password": "nope"}})", 0.6);  // no catch: the error becomes a toast
    bool toasted = false;
    for (auto& t : f.proto->toasts()) toasted |= t.first == "Wrong password" && t.second == "danger";
    CHECK(toasted);
}

TEST_CASE("stream types text over time without splitting characters", "[actions]") {
    Fixture f;
    f.run(R"({"stream": "answer", "text": "Héllo wörld", "speed": 20})");
    CHECK(f.state("answer") == "");
    f.proto->update(0.2);  // 4 bytes at 20 cps, never half of "é"
    std::string partial = f.state("answer");
    CHECK(partial.size() >= 3);
    CHECK(partial.size() < std::string("Héllo wörld").size());
    CHECK(std::string("Héllo wörld").rfind(partial, 0) == 0);
    for (int i = 0; i < 20; ++i) f.proto->update(0.1);
    CHECK(f.state("answer") == "Héllo wörld");
}

TEST_CASE("copy puts the evaluated text on the clipboard, and does nothing harmful without one", "[actions]") {
    Fixture f;
    f.run(R"({"copy": "Task ${tasks[1].title}"})");  // no ImGui context: nowhere to copy to, the sequence goes on
    ImGuiContext* ctx = ImGui::CreateContext();
    f.run(R"([{"copy": "Task ${tasks[1].title}"}, {"inc": "count"}])");
    CHECK(std::string(ImGui::GetClipboardText()) == "Task Ship");
    CHECK(f.state("count") == 2);
    ImGui::DestroyContext(ctx);
}

TEST_CASE("named actions run: runaway recursion is stopped and reported", "[actions][bad-input]") {
    Fixture f;
    f.run(R"({"run": "twice"})");
    CHECK(f.state("count") == 3);
    f.run(R"({"run": "loop"})");
    bool reported = false;
    for (auto& m : f.proto->messages()) reported |= m.find("too deeply") != std::string::npos;
    CHECK(reported);
}

TEST_CASE("bad paths are reported, never crash", "[actions][bad-input]") {
    Fixture f;
    f.run(R"([{"set": "count.deeper", "value": 1}, {"set": "tasks.9.title", "value": "x"}, {"inc": "", "by": 1}])");
    CHECK(f.proto->messages().size() >= 2);
    CHECK(f.state("count") == 1);
}

TEST_CASE("hot reload keeps state whose shape still fits", "[actions][reload]") {
    Fixture f;
    f.run(R"([{"set": "count", "value": 7}, {"push": "tasks", "value": {"id": 9, "title": "New"}}, {"navigate": "detail"}])");
    Json doc = Json::parse(kApp);
    doc["state"]["count"] = "now a string";
    doc["state"]["extra"] = true;
    doc["screens"]["detail"]["title"] = "Details";
    LoadResult r = SpecLoader::loadJson(doc);
    REQUIRE(r.spec);
    f.proto->replaceSpec(r.spec);
    CHECK(f.state("count") == "now a string");  // type changed: the new initial value wins
    CHECK(f.state("tasks").size() == 3);        // same shape: what the stakeholder added stays
    CHECK(f.state("extra") == true);
    CHECK(f.proto->currentScreen() == "detail");
}
