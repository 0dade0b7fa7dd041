// The timer widget (widgets/timer_widget.cpp): it counts the bound seconds while `running` is true, by frame time
// (so these tests advance it exactly), fires `done` once at zero and `press` when tapped, and its ticking is not
// recorded as a stakeholder's input.
#include "runtime/headless/headless.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>

using namespace pt;

namespace {

std::shared_ptr<const Spec> load(const std::string& text) {
    LoadResult r = SpecLoader::loadText(text);
    INFO(r.format("spec"));
    REQUIRE(r.spec);
    CHECK(r.diagnostics.empty());
    return r.spec;
}

double number(HeadlessDriver& d, const char* path) {
    const Json* v = d.proto().getPath(path);
    REQUIRE(v);
    REQUIRE(v->is_number());
    return v->get<double>();
}

// Two players' clocks: the one whose turn it is runs; tapping it ends the turn and adds the increment.
const char* kChessClock = R"({"spec": 1,
  "state": {"white": 60, "black": 60, "turn": "white", "paused": false, "flagged": ""},
  "screens": {"clock": {"title": "Clock", "body": [
    {"timer": "White", "bind": "white", "running": "${turn == 'white' && !paused}",
     "press": [{"set": {"white": "${white + 2}", "turn": "black"}}], "done": {"set": {"flagged": "White"}}},
    {"timer": "Black", "bind": "black", "running": "${turn == 'black' && !paused}",
     "press": [{"set": {"black": "${black + 2}", "turn": "white"}}], "done": {"set": {"flagged": "Black"}}},
    {"button": "${paused ? 'Resume' : 'Pause'}", "press": {"set": {"paused": "${!paused}"}}},
    {"text": "${flagged == '' ? '' : flagged + ' lost on time'}"}]}}})";

} // namespace

TEST_CASE("timer: the running clock counts down by frame time, the other waits, tapping ends the turn", "[timer]") {
    HeadlessDriver d(load(kChessClock), ImVec2(390, 844));
    d.settle();
    d.wait(3000);
    CHECK(number(d, "white") == Approx(60 - 3).margin(0.2));
    CHECK(number(d, "black") == 60);

    std::string error;
    REQUIRE(d.click("White", &error));
    INFO(error);
    CHECK(d.proto().getPath("turn")->get<std::string>() == "black");
    const double white = number(d, "white");
    CHECK(white == Approx(57 + 2).margin(0.3));  // the increment
    d.wait(2000);
    CHECK(number(d, "white") == white);
    CHECK(number(d, "black") == Approx(58).margin(0.3));
}

TEST_CASE("timer: pause stops it, and the face shows minutes and seconds rounded up", "[timer]") {
    HeadlessDriver d(load(kChessClock), ImVec2(390, 844));
    d.settle();
    std::string error;
    REQUIRE(d.click("Pause", &error));
    const double before = number(d, "white");
    d.wait(5000);
    CHECK(number(d, "white") == before);
    const auto& texts = d.proto().texts();
    CHECK(std::find(texts.begin(), texts.end(), "1:00") != texts.end());
    REQUIRE(d.click("Resume", &error));
    d.wait(500);
    d.frame();
    const auto& now = d.proto().texts();
    CHECK(std::find(now.begin(), now.end(), "1:00") != now.end());  // 59.5 s left still reads 1:00
}

TEST_CASE("timer: reaching zero fires done once and stops at 0:00: ticking is not a recorded input", "[timer]") {
    HeadlessDriver d(load(kChessClock), ImVec2(390, 844));
    int recorded = 0;
    d.proto().setInputObserver([&](const Node&, const std::string&, const Json&) { ++recorded; });
    d.settle();
    d.wait(61000);
    CHECK(number(d, "white") == 0);
    CHECK(d.proto().getPath("flagged")->get<std::string>() == "White");
    d.frame();
    const auto& texts = d.proto().texts();
    CHECK(std::find(texts.begin(), texts.end(), "0:00") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "White lost on time") != texts.end());
    CHECK(recorded == 0);
}

TEST_CASE("timer: up counts like a stopwatch and long times show hours", "[timer]") {
    HeadlessDriver d(load(R"({"spec": 1, "state": {"t": 3595, "on": true},
      "screens": {"s": {"title": "Stopwatch", "body": [{"timer": "Lap", "bind": "t", "up": true, "running": "${on}"}]}}})"),
        ImVec2(390, 844));
    d.settle();
    d.wait(10000);
    CHECK(number(d, "t") == Approx(3605).margin(0.3));
    d.frame();
    const auto& texts = d.proto().texts();
    CHECK(std::find(texts.begin(), texts.end(), "1:00:05") != texts.end());
}

TEST_CASE("timer: every fires tick each time that many seconds pass while it runs, and none while it waits", "[timer]") {
    HeadlessDriver d(load(R"({"spec": 1, "state": {"t": 0, "on": false, "ticks": 0},
      "screens": {"s": {"title": "Game", "body": [{"timer": "Time", "bind": "t", "up": true, "running": "${on}", "every": 0.5, "tick": {"inc": "ticks"}},
                                                  {"button": "Go", "press": {"set": {"on": true}}}]}}})"),
        ImVec2(390, 844));
    d.settle();
    d.wait(2000);
    CHECK(number(d, "ticks") == 0);
    std::string error;
    REQUIRE(d.click("Go", &error));
    d.wait(2100);
    CHECK(number(d, "ticks") == 4);
}
