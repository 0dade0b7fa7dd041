// The workspace pattern (generator/offline/workspace_pattern.cpp) and its board widget (widgets/cell_grid_widget.cpp):
// games, editors, builders and calculators become one working screen in the request's own words, and clicking it
// changes real state; requests to manage records do not become workspaces.
//
// [SECTION] Helpers
// [SECTION] cell_grid widget
// [SECTION] Workspace drafts

#include "generator/offline/draft_patterns.h"
#include "generator/offline/offline_drafter.h"
#include "runtime/headless/headless.h"
#include "runtime/headless/inspector.h"
#include "runtime/headless/layout_check.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <map>
#include <set>

using namespace pt;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

std::shared_ptr<const Spec> load(const Json& spec) {
    LoadResult r = SpecLoader::loadJson(spec);
    INFO(r.format("spec"));
    REQUIRE(r.spec);
    REQUIRE_FALSE(r.hasErrors());
    CHECK(r.diagnostics.empty());
    return r.spec;
}

// The draft of a request, checked valid with no warnings, no dead controls and every screen reachable.
Json checkedDraft(const std::string& request) {
    Json spec = draftSpec(request);
    INFO(request);
    Json report = inspectSpec(load(spec));
    INFO(report["dead_controls"].dump() << report["unreachable"].dump());
    CHECK(report["dead_controls"].empty());
    CHECK(report["unreachable"].empty());
    return spec;
}

// Finds the first node (depth first) whose first key is `type`, anywhere in `j`.
const Json* findWidget(const Json& j, const std::string& type) {
    if (j.is_object() && !j.empty() && j.begin().key() == type) return &j;
    if (j.is_object() || j.is_array())
        for (auto& v : j)
            if (const Json* hit = findWidget(v, type)) return hit;
    return nullptr;
}

bool shows(HeadlessDriver& d, const std::string& needle) {
    for (auto& t : d.proto().texts())
        if (t.find(needle) != std::string::npos) return true;
    return false;
}

void click(HeadlessDriver& d, const std::string& target) {
    std::string error;
    INFO("click " << target);
    REQUIRE(d.click(target, &error));
    d.settle();
}

Json stateAt(HeadlessDriver& d, const char* path) {
    const Json* v = d.proto().getPath(path);
    return v ? *v : Json(nullptr);
}

const char* const kBoard = R"({"screens": {"home": {"body": [
    {"chips": ["Red", "Blue"], "bind": "brush"},
    {"cell_grid": 4, "bind": "cells", "paint": "${brush}", "on": {"press": {"set": "last", "value": "${event.index}"}}},
    {"text": "Last ${last}"}]}},
  "state": {"brush": "Red", "cells": ["", "", "", "", "", "", "", ""], "last": -1}})";

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] cell_grid widget
//-----------------------------------------------------------------------------

TEST_CASE("cell_grid: a click paints the cell with the palette value, again clears it, and press sees the index", "[workspace]") {
    HeadlessDriver d(load(Json::parse(kBoard)));
    d.settle();
    click(d, "Cell 3");
    CHECK(stateAt(d, "cells")[2] == "Red");
    CHECK(stateAt(d, "last") == 2);
    CHECK(shows(d, "Last 2"));
    CHECK(shows(d, "Red"));  // the painted cell shows its value (the chip shows it too, so count the runs)
    click(d, "Blue");
    click(d, "Cell 6");
    CHECK(stateAt(d, "cells")[5] == "Blue");
    click(d, "Cell 6");
    CHECK(stateAt(d, "cells")[5] == "");
}

TEST_CASE("cell_grid: without paint a click toggles the cell, and row labels name the cells", "[workspace]") {
    HeadlessDriver d(load(Json::parse(R"({"screens": {"home": {"body": [
        {"cell_grid": 3, "bind": "steps", "rows": ["Kick", "Snare"]}]}}, "state": {"steps": [false, false, false, false, false, false]}})")));
    d.settle();
    CHECK(shows(d, "Kick"));
    click(d, "Snare 2");
    CHECK(stateAt(d, "steps")[4] == true);
    click(d, "Snare 2");
    CHECK(stateAt(d, "steps")[4] == false);
}

TEST_CASE("cell_grid: cells keep 24 px and the grid fits its width: a long row wraps into bands", "[workspace][layout-data]") {
    const char* spec = R"({"screens": {"home": {"body": [
        {"cell_grid": 32, "bind": "steps", "rows": ["Kick drum", "Snare", "Hi-hat", "Clap"]}]}}, "state": {"steps": []}})";
    for (const char* device : {"phone", "tablet", "desktop"}) {
        INFO(device);
        std::shared_ptr<const Spec> s = load(Json::parse(spec));
        for (const ScreenLayout& screen : layOutScreens(s, deviceSize(device))) CHECK(screen.violations.empty());
        HeadlessDriver d(s, deviceSize(device));
        d.settle();
        const Probe* first = d.find("Kick drum 1");
        const Probe* last = d.find("Clap 32");
        REQUIRE(first);
        REQUIRE(last);
        CHECK(first->rect.GetWidth() >= 24.0f);
        CHECK(first->rect.GetHeight() >= 24.0f);
        CHECK(last->rect.Max.x <= d.size().x);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Workspace drafts
//-----------------------------------------------------------------------------

TEST_CASE("workspace: sudoku writes the picked digit, keeps the clues, checks for mistakes, wins, and deals a new puzzle", "[workspace][game]") {
    Json spec = checkedDraft("Please implement a Sudoku game website with a 9x9 grid, number input, a check button that highlights mistakes, "
                             "and a new game button.");
    const Json* grid = findWidget(spec["screens"], "cell_grid");
    REQUIRE(grid);
    CHECK((*grid)["cell_grid"] == 9);
    HeadlessDriver d(load(spec));
    d.settle();
    const Json puzzle = stateAt(d, "cells"), solution = stateAt(d, "solutions")[0];
    REQUIRE(puzzle.size() == 81);
    const int clue = static_cast<int>(std::find_if(puzzle.begin(), puzzle.end(), [](const Json& v) { return v != ""; }) - puzzle.begin());
    const int blank = static_cast<int>(std::find(puzzle.begin(), puzzle.end(), Json("")) - puzzle.begin());
    REQUIRE(blank < 81);
    // A clue takes no click.
    const std::string other = solution[clue] == "1" ? "2" : "1";
    click(d, other);
    click(d, "Cell " + std::to_string(clue + 1));
    CHECK(stateAt(d, "cells")[clue] == puzzle[clue]);
    // A wrong digit is only shown as wrong once checked; the right one clears the mistake.
    const std::string wrong = solution[blank] == "1" ? "2" : "1";
    click(d, wrong);
    click(d, "Cell " + std::to_string(blank + 1));
    CHECK(stateAt(d, "cells")[blank] == wrong);
    CHECK_FALSE(stateAt(d, "sudoku")["checked"].get<bool>());
    click(d, "Check");
    CHECK(shows(d, "The red squares are wrong"));
    CHECK(shows(d, "1"));  // one mistake
    click(d, solution[blank].get<std::string>());
    click(d, "Cell " + std::to_string(blank + 1));
    CHECK(stateAt(d, "cells")[blank] == solution[blank]);
    // Every square right wins.
    for (int i = 0; i < 81; ++i)
        if (stateAt(d, "cells")[i] == "") {
            click(d, solution[i].get<std::string>());
            click(d, "Cell " + std::to_string(i + 1));
        }
    CHECK(stateAt(d, "cells") == solution);
    CHECK(shows(d, "Solved!"));
    click(d, "New game");
    CHECK(stateAt(d, "sudoku")["game"] == 1);
    CHECK(stateAt(d, "cells") == stateAt(d, "puzzles")[1]);
    CHECK(stateAt(d, "cells") != puzzle);
}

TEST_CASE("workspace: every sudoku answer keeps the rules and the clues, and the puzzles leave most squares to fill", "[workspace][game]") {
    const Json spec = checkedDraft("a sudoku game");
    for (int game = 0; game < 3; ++game) {
        const Json& puzzle = spec["state"]["puzzles"][game];
        const Json& solution = spec["state"]["solutions"][game];
        int clues = 0;
        for (int i = 0; i < 81; ++i)
            if (puzzle[i] != "") {
                ++clues;
                CHECK(puzzle[i] == solution[i]);
            }
        CHECK(clues <= 35);
        for (int unit = 0; unit < 9; ++unit) {
            std::set<std::string> row, col, box;
            for (int k = 0; k < 9; ++k) {
                row.insert(solution[unit * 9 + k].get<std::string>());
                col.insert(solution[k * 9 + unit].get<std::string>());
                box.insert(solution[(unit / 3 * 3 + k / 3) * 9 + unit % 3 * 3 + k % 3].get<std::string>());
            }
            CHECK(row.size() == 9);
            CHECK(col.size() == 9);
            CHECK(box.size() == 9);
        }
    }
}

TEST_CASE("workspace: a light-show sequencer has a row per listed lamp, step toggles and play/stop", "[workspace]") {
    Json spec = checkedDraft("Light show sequencer: a 12-step grid with rows for red, green and blue lamps, and a play button to start and stop it.");
    const Json* grid = findWidget(spec["screens"], "cell_grid");
    REQUIRE(grid);
    CHECK((*grid)["rows"] == Json::array({"Red", "Green", "Blue lamps"}));
    HeadlessDriver d(load(spec));
    d.settle();
    click(d, "Green 3");
    CHECK(stateAt(d, "cells")[14] == true);
    CHECK(shows(d, "1 on"));
    click(d, "Play");
    CHECK(stateAt(d, "playing") == true);
    CHECK(shows(d, "Stop"));
}

TEST_CASE("workspace: a pixel-art editor paints with the listed colours on a 16x16 canvas and clears it", "[workspace]") {
    Json spec = checkedDraft("Pixel-art editor: draw on a 16x16 canvas with a palette of black, white, red and blue, and clear the canvas.");
    CHECK(spec["state"]["cells"].size() == 256);
    HeadlessDriver d(load(spec));
    d.settle();
    for (const char* colour : {"Black", "White", "Red", "Blue"}) CHECK(shows(d, colour));
    click(d, "Red");
    click(d, "Cell 17");
    CHECK(stateAt(d, "cells")[16] == "Red");
    click(d, "Clear");
    CHECK(stateAt(d, "cells")[16] == "");
}

TEST_CASE("workspace: a beehive frame grid marks cells as the listed contents and counts them", "[workspace]") {
    Json spec = checkedDraft("Beehive frame inspector: a grid of cells for each frame; mark cells as brood, honey, pollen or empty and see totals.");
    HeadlessDriver d(load(spec));
    d.settle();
    for (const char* content : {"Brood", "Honey", "Pollen"}) CHECK(shows(d, content));
    click(d, "Honey");
    click(d, "Cell 2");
    click(d, "Cell 3");
    CHECK(stateAt(d, "cells")[2] == "Honey");
    const Json* honeyCount = nullptr;
    for (auto& tile : *findWidget(spec["screens"], "grid")->begin())
        if (tile.value("stat", "") == "Honey") honeyCount = &tile;
    REQUIRE(honeyCount);
    CHECK(shows(d, "2"));  // the Honey tile counts both cells
}

TEST_CASE("workspace: a crossword builder toggles black squares", "[workspace]") {
    Json spec = checkedDraft("Crossword builder: a 9x9 grid where you toggle black squares, with a count of open squares.");
    HeadlessDriver d(load(spec));
    d.settle();
    click(d, "Cell 10");
    CHECK(stateAt(d, "cells")[9] == true);
}

TEST_CASE("workspace: a loan calculator has an input per parameter and outputs that follow them", "[workspace]") {
    Json spec = checkedDraft("Loan calculator: enter the loan amount, interest rate and term in years, then see the monthly payment, total interest and payoff date.");
    CHECK_FALSE(findWidget(spec["screens"], "cell_grid"));
    HeadlessDriver d(load(spec));
    d.settle();
    for (const char* label : {"Loan amount", "Interest rate", "Term", "Monthly payment", "Total interest", "Payoff date"}) CHECK(shows(d, label));
    const Json before = stateAt(d, "calc");
    std::vector<std::string> textsBefore = d.proto().texts();
    std::string error;
    REQUIRE(d.type("Loan amount", "25000", &error));
    d.settle();
    CHECK(stateAt(d, "calc") != before);
    CHECK(d.proto().texts() != textsBefore);
}

TEST_CASE("workspace: a price calculator with a breakdown lists what each input adds, and a choice of two is offered", "[workspace]") {
    Json spec = checkedDraft("pricing calculator for vinyl banners - width x height, material, grommets or pole pockets, quantity, rush turnaround - live price with a breakdown");
    CHECK(spec["meta"]["name"] == "Banner Pricing Calculator");
    HeadlessDriver d(load(spec));
    d.settle();
    for (const char* label : {"Width", "Height", "Material", "Grommets", "Pole pockets", "Rush turnaround", "Price breakdown"}) CHECK(shows(d, label));
    CHECK_FALSE(shows(d, "Material A"));  // a named choice gets plain grades, not placeholder letters
    // The rush line of the breakdown and the price both move when rush is switched on.
    const std::vector<std::string> before = d.proto().texts();
    CHECK(std::count(before.begin(), before.end(), "$0.00") >= 3);  // rush, material and finishing add nothing yet
    click(d, "rushTurnaroundInput");
    const std::vector<std::string> after = d.proto().texts();
    CHECK(std::count(after.begin(), after.end(), "$0.00") == std::count(before.begin(), before.end(), "$0.00") - 1);
    CHECK(after != before);
}

TEST_CASE("workspace: a chess clock runs the player's clock whose turn it is: a tap passes the turn with the increment", "[workspace][timer]") {
    Json spec = checkedDraft("Build a chess clock for two players with increment and pause");
    CHECK(spec["screens"].size() == 1);
    HeadlessDriver d(load(spec));
    d.settle();
    const double start = stateAt(d, "clock.p1").get<double>();
    d.wait(2000);
    CHECK(stateAt(d, "clock.p1") == start);  // nothing runs before Start
    click(d, "Start");
    d.wait(3000);
    CHECK(stateAt(d, "clock.p1").get<double>() == Approx(start - 3).margin(0.3));
    CHECK(stateAt(d, "clock.p2") == start);
    click(d, "White");
    CHECK(stateAt(d, "turn") == 2);
    CHECK(stateAt(d, "moves") == 1);
    CHECK(stateAt(d, "clock.p1").get<double>() == Approx(start - 3 + 5).margin(0.3));  // the increment
    d.wait(1000);
    CHECK(stateAt(d, "clock.p2").get<double>() == Approx(start - 1).margin(0.3));
    click(d, "Pause");
    const Json paused = stateAt(d, "clock.p2");
    d.wait(2000);
    CHECK(stateAt(d, "clock.p2") == paused);
    for (const Json& r : spec["meta"]["requirements"]) {
        INFO(r.dump());
        CHECK_FALSE(r["ids"].empty());
    }
}

TEST_CASE("workspace: an interval timer loops through the request's phases and counts the rounds", "[workspace][timer]") {
    Json spec = checkedDraft("HIIT interval timer: work 40 seconds, rest 20 seconds, 8 rounds");
    HeadlessDriver d(load(spec));
    d.settle();
    CHECK(shows(d, "Work"));
    CHECK(stateAt(d, "left") == 40);
    click(d, "Start");
    d.wait(41000);
    CHECK(stateAt(d, "phase") == 1);  // rest, started at its own length
    CHECK(stateAt(d, "left").get<double>() == Approx(19).margin(0.5));
    CHECK(shows(d, "Rest"));
    d.wait(20000);
    CHECK(stateAt(d, "phase") == 0);
    CHECK(stateAt(d, "rounds") == 1);
    click(d, "Skip");
    CHECK(stateAt(d, "phase") == 1);
    CHECK(stateAt(d, "left").get<double>() == Approx(20).margin(0.3));  // still running: a few frames since the skip
}

TEST_CASE("workspace: a pomodoro's phases come from its durations: a stopwatch keeps laps", "[workspace][timer]") {
    Json pomodoro = checkedDraft("a pomodoro timer with 25 minute focus sessions and 5 minute breaks");
    const Json phases = pomodoro["state"]["phases"];
    REQUIRE(phases.size() == 2);
    CHECK(phases[0]["name"] == "Focus");
    CHECK(phases[0]["secs"] == 1500);
    CHECK(phases[1]["name"] == "Break");
    CHECK(phases[1]["secs"] == 300);

    HeadlessDriver d(load(checkedDraft("a stopwatch with laps for track practice")));
    d.settle();
    click(d, "Start");
    d.wait(2500);
    click(d, "Lap");
    REQUIRE(stateAt(d, "laps").size() == 1);
    CHECK(stateAt(d, "laps")[0]["at"].get<double>() == Approx(2.5).margin(0.3));
}

TEST_CASE("workspace: a time clock staff clock in on is records, a sudoku with a timer is its board", "[workspace][timer]") {
    CHECK(draft::readWorkspace(readIdea("a time clock app where staff clock in and out of shifts")).kind == draft::WorkspaceKind::None);
    CHECK(draft::readWorkspace(readIdea("a sudoku game with a timer")).kind == draft::WorkspaceKind::Grid);
    CHECK(draft::readWorkspace(readIdea("a board game timer for four players")).kind == draft::WorkspaceKind::Timer);
    CHECK(draft::readWorkspace(readIdea("a countdown to our product launch for the whole team")).kind == draft::WorkspaceKind::Timer);
}

TEST_CASE("workspace: a greeting card designer edits fields with a live preview and a gallery of saved cards", "[workspace]") {
    Json spec = checkedDraft("Greeting card designer: edit the headline, message, photo and signature with a live preview, and keep a card gallery.");
    CHECK(spec["screens"].contains("cardGalleryView"));
    HeadlessDriver d(load(spec));
    d.settle();
    for (const char* label : {"Headline", "Message", "Photo", "Signature", "Live preview"}) CHECK(shows(d, label));
    std::string error;
    REQUIRE(d.type("Headline", "Happy birthday, Ana", &error));
    d.settle();
    CHECK(shows(d, "Happy birthday, Ana"));
    click(d, "Save");
    click(d, "Card gallery");
    CHECK(shows(d, "Happy birthday, Ana"));
}

TEST_CASE("workspace: 2048 slides and merges tiles with the arrows, scores the merge and brings a new tile", "[workspace][game]") {
    Json spec = checkedDraft("Please implement the game 2048 with arrow keys and a score counter");
    CHECK(spec["nav"]["start"] == "workspace");
    CHECK(spec["screens"].size() == 1);
    HeadlessDriver d(load(spec));
    d.proto().setPath("cells", Json::array({2, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8}));
    d.settle();
    click(d, "Left");
    const Json cells = stateAt(d, "cells");
    CHECK(cells[0] == 4);   // 2 + 2 merged
    CHECK(cells[1] == 4);   // the 4 slid beside it, not merged again in the same move
    CHECK(cells[12] == 8);  // the 8 slid to its row's start
    CHECK(stateAt(d, "score") == 4);
    CHECK(stateAt(d, "moves") == 1);
    int tiles = 0;
    for (const Json& c : cells) tiles += c.get<int>() > 0;
    CHECK(tiles == 4);      // 4, 4, 8 and the new 2
    click(d, "Left");       // 4 + 4 merge: the score gains 8
    CHECK(stateAt(d, "cells")[0] == 8);
    CHECK(stateAt(d, "score") == 12);
    for (const Json& r : spec["meta"]["requirements"]) {
        INFO(r.dump());
        CHECK_FALSE(r["ids"].empty());
    }
}

TEST_CASE("workspace: a sliding puzzle moves the tile beside the gap and a move that cannot happen does nothing", "[workspace][game]") {
    Json spec = checkedDraft("A sliding tile puzzle game on a 3x3 board");
    HeadlessDriver d(load(spec));
    d.proto().setPath("cells", Json::array({1, 2, 3, 4, 5, 6, 7, 0, 8}));
    d.settle();
    click(d, "Left");  // the 8 right of the gap slides into it: solved
    CHECK(stateAt(d, "cells") == Json::array({1, 2, 3, 4, 5, 6, 7, 8, 0}));
    CHECK(stateAt(d, "moves") == 1);
    CHECK(shows(d, "Solved in 1 moves"));
    click(d, "Left");  // nothing right of the gap now
    CHECK(stateAt(d, "moves") == 1);
}

TEST_CASE("workspace: a trivia quiz scores a right pick once, shows the answer and moves on to a final score", "[workspace][game]") {
    Json spec = checkedDraft("A trivia quiz game with multiple-choice questions, a score and a next question button");
    CHECK_FALSE(findWidget(spec["screens"], "input"));  // answers are picked, not typed
    HeadlessDriver d(load(spec));
    d.settle();
    const Json questions = stateAt(d, "questions");
    REQUIRE(questions.size() >= 3);
    for (size_t q = 0; q < questions.size(); ++q) {
        const std::string right = questions[q]["choices"][questions[q]["answer"].get<int>()];
        const std::string wrong = questions[q]["choices"][(questions[q]["answer"].get<int>() + 1) % 3];
        click(d, q == 0 ? wrong : right);
        if (q == 0) CHECK(shows(d, "Not quite: the answer is " + right));
        click(d, "Next question");
    }
    CHECK(stateAt(d, "quiz")["score"] == (int)questions.size() - 1);
    CHECK(shows(d, "You scored " + std::to_string(questions.size() - 1) + " of " + std::to_string(questions.size())));
    click(d, "Play again");
    CHECK(stateAt(d, "quiz")["score"] == 0);
}

TEST_CASE("workspace: any game or puzzle is a board to play, but a game night planner or a chess club stays an app", "[workspace][game]") {
    for (const char* request : {"A simple snake game for the browser", "A daily word puzzle with a 5x6 board"}) {
        INFO(request);
        Json spec = checkedDraft(request);
        CHECK(spec["screens"].contains("workspace"));
    }
    for (const char* request : {"A game night planner for friends: pick a date, vote on games and track who brings snacks",
                                "A chess club app with members, tournaments and ratings", "A trivia league with teams, weekly fixtures and standings"}) {
        INFO(request);
        CHECK_FALSE(draftSpec(request)["screens"].contains("workspace"));
    }
}

TEST_CASE("workspace: requests to manage records do not become workspaces", "[workspace]") {
    for (const char* request : {"A habit tracker with daily streaks and reminders",
                                "A marketplace for used bikes with listings, messages and saved searches",
                                "A book club app where members vote on the next book and post comments"}) {
        INFO(request);
        Json spec = draftSpec(request);
        CHECK_FALSE(spec["screens"].contains("workspace"));
        CHECK_FALSE(findWidget(spec["screens"], "cell_grid"));
    }
}

TEST_CASE("workspace: every requirement of a workspace request is traced to something built", "[workspace]") {
    Json spec = checkedDraft("Pixel-art editor: draw on a 16x16 canvas with a palette of black, white, red and blue, and clear the canvas.");
    REQUIRE(spec["meta"]["requirements"].is_array());
    for (const Json& r : spec["meta"]["requirements"]) {
        INFO(r.dump());
        CHECK_FALSE(r["ids"].empty());
    }
}

TEST_CASE("workspace: only the first sentence's kind words count, and not those that name people or a business", "[workspace]") {
    CHECK(draft::readWorkspace(readIdea("Roofers work through a queue of new jobs. Each job has photos and a repair estimate.")).kind == draft::WorkspaceKind::None);
    CHECK(draft::readWorkspace(readIdea("As a condo board member I want to vote on renovation requests")).kind == draft::WorkspaceKind::None);
    CHECK(draft::readWorkspace(readIdea("Crash report triage for a game studio's testers")).kind == draft::WorkspaceKind::None);
    CHECK(draft::readWorkspace(readIdea("Book a vaccination slot after a short screening quiz")).kind == draft::WorkspaceKind::None);
    CHECK(draft::readWorkspace(readIdea("A customs board of containers awaiting release")).kind == draft::WorkspaceKind::None);
    CHECK(draft::readWorkspace(readIdea("a ward board with every bed marked free, cleaning or taken")).kind == draft::WorkspaceKind::Grid);
    CHECK(draft::readWorkspace(readIdea("Mortgage estimator: enter price, deposit and rate, see the monthly payment")).kind == draft::WorkspaceKind::Calculator);
}

TEST_CASE("workspace: a board played in turns takes the mark whose turn it is, a line wins, and the wins stay across games", "[workspace][game]") {
    Json spec = checkedDraft("Please implement a tic-tac-toe game for two players on the same device. Show whose turn it is, detect a win or a draw, "
                             "and provide a button to start a new game. Keep a score across games.");
    HeadlessDriver d(load(spec));
    d.settle();
    CHECK(shows(d, "X to play"));
    click(d, "Cell 1");
    CHECK(shows(d, "O to play"));
    // A taken cell is no move: the turn stays with O.
    click(d, "Cell 1");
    CHECK(stateAt(d, "cells")[0] == "X");
    CHECK(stateAt(d, "turn") == "O");
    for (const char* cell : {"Cell 4", "Cell 2", "Cell 5", "Cell 3"}) click(d, cell);
    CHECK(stateAt(d, "winner") == "X");
    CHECK(shows(d, "X wins!"));
    CHECK(stateAt(d, "wins")["X"] == 1);
    // The board waits for a new game; the new game clears it and keeps the score.
    std::string error;
    CHECK_FALSE(d.click("Cell 9", &error));
    CHECK(stateAt(d, "cells")[8] == "");
    click(d, "New game");
    CHECK(stateAt(d, "cells") == Json(std::vector<Json>(9, Json(""))));
    CHECK(stateAt(d, "wins")["X"] == 1);
    // A full board with no line is a draw: X O X / X O O / O X X.
    for (const char* cell : {"Cell 1", "Cell 2", "Cell 3", "Cell 5", "Cell 4", "Cell 6", "Cell 8", "Cell 7", "Cell 9"}) click(d, cell);
    CHECK(stateAt(d, "winner") == "Draw");
    CHECK(stateAt(d, "wins")["Draw"] == 1);
    // "connect four" is a wider board won by four in a row.
    Json four = checkedDraft("A connect four game for two players taking turns; four in a row wins.");
    CHECK(findWidget(four["screens"], "cell_grid")->at("cell_grid") == 7);
    CHECK(four["state"]["cells"].size() == 42);
}

TEST_CASE("workspace: connect four drops a disc to the lowest empty cell of its column, in the colours the request gives", "[workspace][game]") {
    Json spec = checkedDraft("Please implement a connect four game for two players. Players take turns dropping red and yellow discs into a "
                             "7-column, 6-row grid. Detect four in a row horizontally, vertically or diagonally, show the winner, and offer a new game button.");
    CHECK(spec["meta"]["name"] == "Connect Four");
    CHECK_FALSE(findWidget(spec["screens"], "chips"));  // "horizontally, vertically or diagonally" is no palette
    HeadlessDriver d(load(spec));
    d.settle();
    CHECK(shows(d, "Red to play"));
    click(d, "Cell 3");  // top row, third column: the disc lands on the bottom row
    CHECK(stateAt(d, "cells")[37] == "Red");
    CHECK(stateAt(d, "cells")[2] == "");
    click(d, "Cell 3");
    CHECK(stateAt(d, "cells")[30] == "Yellow");
    // Red fills the bottom row's first four columns while Yellow stacks on column 3.
    for (const char* cell : {"Cell 1", "Cell 3", "Cell 2", "Cell 3"}) click(d, cell);
    CHECK(stateAt(d, "winner") == "");
    click(d, "Cell 4");
    CHECK(stateAt(d, "winner") == "Red");
    CHECK(shows(d, "Red wins!"));
    CHECK(stateAt(d, "wins")["Red"] == 1);
}

TEST_CASE("cell_grid: with fall a full column takes no move", "[workspace]") {
    HeadlessDriver d(load(Json::parse(R"({"screens": {"home": {"body": [
        {"cell_grid": 2, "bind": "cells", "paint": "A", "fall": true, "on": {"press": {"inc": "moves"}}}]}},
        "state": {"cells": ["", "", "B", ""], "moves": 0}})")));
    d.settle();
    click(d, "Cell 1");
    CHECK(stateAt(d, "cells") == Json::parse(R"(["A", "", "B", ""])"));
    click(d, "Cell 3");
    CHECK(stateAt(d, "moves") == 1);
    CHECK(stateAt(d, "cells")[0] == "A");
    click(d, "Cell 2");
    CHECK(stateAt(d, "cells") == Json::parse(R"(["A", "", "B", "A"])"));
}

TEST_CASE("workspace: a quiz's questions are on the subject it names, never another subject's", "[workspace][game]") {
    const auto questions = [](const std::string& request) {
        std::string all;
        const Json spec = checkedDraft(request);
        for (const Json& q : spec["state"]["questions"]) all += q["question"].get<std::string>() + " | ";
        return all;
    };
    CHECK(questions("Please implement a quiz app about world capitals with multiple-choice questions and a restart button").find("capital of") != std::string::npos);
    const std::string times = questions("a multiplication quiz for kids with a score");
    CHECK(times.find("What is 7 x 8?") != std::string::npos);
    const std::string movies = questions("a trivia game about 90s movies with a score");
    CHECK(movies.find("90s movies") != std::string::npos);
    CHECK(movies.find("planet") == std::string::npos);
    CHECK(questions("a general knowledge quiz with five questions").find("Red Planet") != std::string::npos);
    // The right answer of an arithmetic question is the sum or product it asks for.
    const Json multiplication = checkedDraft("a multiplication quiz for kids with a score");
    for (const Json& q : multiplication["state"]["questions"]) {
        int a = 0, b = 0;
        REQUIRE(std::sscanf(q["question"].get<std::string>().c_str(), "What is %d x %d?", &a, &b) == 2);
        CHECK(q["choices"][q["answer"].get<int>()] == std::to_string(a * b));
    }
}

TEST_CASE("workspace: snake moves each tick the way the last arrow points, grows on food and ends at the wall", "[workspace][game]") {
    Json spec = checkedDraft("Please implement a snake game. The snake moves on a grid, the player uses the arrow keys to change direction, eating "
                             "food makes the snake grow and increases the score. The game ends when the snake hits the wall or itself. Use black as "
                             "the background and lime for the snake.");
    CHECK(spec["theme"]["mode"] == "dark");
    CHECK_FALSE(findWidget(spec["screens"], "chips"));  // "the wall or itself" is no palette
    HeadlessDriver d(load(spec));
    d.settle();
    const Json start = stateAt(d, "snake");
    const int head = start["body"][0], food = start["food"];
    d.wait(1000);
    CHECK(stateAt(d, "snake")["body"][0] == head);  // nothing moves before an arrow
    click(d, "Right");
    d.wait((food - head) * 250 + 100);  // the snake reaches the food, one cell a tick
    CHECK(stateAt(d, "snake")["body"][0] == food);
    CHECK(stateAt(d, "snake")["score"] == 1);
    CHECK(stateAt(d, "snake")["body"].size() == start["body"].size() + 1);
    CHECK(stateAt(d, "snake")["food"] != food);
    CHECK(stateAt(d, "cells")[food] == true);
    // Turning back on itself is ignored; down then keeps going until the bottom wall ends the game.
    click(d, "Left");
    CHECK(stateAt(d, "snake")["next"] == 1);
    click(d, "Down");
    d.wait(12 * 250 + 100);
    CHECK(stateAt(d, "snake")["over"] == true);
    CHECK(shows(d, "Game over"));
    CHECK(stateAt(d, "best") == 1);
    click(d, "New game");
    CHECK(stateAt(d, "snake") == start);
    CHECK(stateAt(d, "best") == 1);
}

TEST_CASE("workspace: minesweeper opens a clearing, counts the mines around, flags in flag mode and ends on a mine", "[workspace][game]") {
    Json spec = checkedDraft("Please implement a minesweeper game on a 9x9 grid with 10 mines. Clicking a cell reveals it, right-click or a flag "
                             "mode places a flag, revealing a mine ends the game, and a counter shows the mines left.");
    HeadlessDriver d(load(spec));
    d.settle();
    const Json mines = stateAt(d, "mines"), counts = stateAt(d, "counts");
    REQUIRE(mines.size() == 10);
    const auto safeZero = [&] {
        for (int i = 0; i < 81; ++i)
            if (counts[i] == 0) return i;
        return -1;
    }();
    REQUIRE(safeZero >= 0);
    click(d, "Cell " + std::to_string(safeZero + 1));
    // A cell with no mine around opens its neighbours, and every opened cell shows its count.
    const Json opened = stateAt(d, "opened");
    CHECK(std::count(opened.begin(), opened.end(), Json(true)) > 1);
    for (int i = 0; i < 81; ++i)
        if (opened[i] == true) CHECK(stateAt(d, "cells")[i] == (counts[i] == 0 ? Json("\u00B7") : Json(std::to_string(counts[i].get<int>()))));
    const int mine = mines[0];
    click(d, "Flag mode");
    click(d, "Cell " + std::to_string(mine + 1));
    CHECK(stateAt(d, "cells")[mine] == "Flag");
    CHECK(shows(d, "9"));  // mines left
    click(d, "Cell " + std::to_string(mine + 1));
    CHECK(stateAt(d, "flags")[mine] == false);
    click(d, "Flag mode");
    click(d, "Cell " + std::to_string(mine + 1));
    CHECK(stateAt(d, "sweep")["over"] == true);
    CHECK(shows(d, "Game over"));
    for (const Json& m : mines) CHECK(stateAt(d, "cells")[m.get<int>()] == "Mine");
    click(d, "New game");
    CHECK(stateAt(d, "sweep")["over"] == false);
    CHECK(stateAt(d, "opened") == Json(std::vector<Json>(81, Json(false))));
}

TEST_CASE("workspace: a unit converter converts the typed value between the category's units as they are picked", "[workspace]") {
    Json spec = checkedDraft("Please implement a simple unit converter for length, weight and temperature. The user picks a category, enters a value, "
                             "chooses the source and target units and sees the result immediately.");
    HeadlessDriver d(load(spec));
    d.settle();
    for (const char* label : {"Length", "Weight", "Temperature", "From", "To"}) CHECK(shows(d, label));
    std::string error;
    REQUIRE(d.type("Value", "100", &error));
    d.settle();
    CHECK(shows(d, "328.084 ft"));  // 100 m
    click(d, "Temperature");
    CHECK(stateAt(d, "conv")["from"] == "\u00b0C");
    CHECK(shows(d, "212 \u00b0F"));  // 100 degrees C
    click(d, "swapUnits");
    CHECK(shows(d, "37.7778 \u00b0C"));  // 100 degrees F
}

TEST_CASE("workspace: a game of finding pairs turns two cards, keeps a pair up, turns a mismatch back and ends at the last pair", "[workspace][game]") {
    Json spec = checkedDraft("Please implement a memory matching card game with 16 cards, a move counter and a timer.");
    HeadlessDriver d(load(spec));
    d.settle();
    const Json deck = stateAt(d, "deck");
    REQUIRE(deck.size() == 16);
    CHECK(shows(d, "Find the pairs"));
    // Where each face lies, to turn matching and differing cards on purpose.
    std::map<std::string, std::vector<int>> at;
    for (int i = 0; i < 16; ++i) at[deck[static_cast<size_t>(i)].get<std::string>()].push_back(i);
    REQUIRE(at.size() == 8);
    const auto cell = [](int i) { return "Cell " + std::to_string(i + 1); };
    // Two that differ stay up until the next click, which turns them back and turns the clicked card.
    const std::vector<int>& a = at.begin()->second;
    const std::vector<int>& b = std::next(at.begin())->second;
    click(d, cell(a[0]));
    click(d, cell(b[0]));
    CHECK(stateAt(d, "moves") == 1);
    CHECK(stateAt(d, "cells")[static_cast<size_t>(b[0])] == deck[static_cast<size_t>(b[0])]);
    click(d, cell(a[1]));
    CHECK(stateAt(d, "cells")[static_cast<size_t>(b[0])] == "");
    CHECK(stateAt(d, "cells")[static_cast<size_t>(a[0])] == "");
    CHECK(stateAt(d, "pairs") == 0);
    // Two alike stay up as a pair; a turned card is no move.
    click(d, cell(a[0]));
    CHECK(stateAt(d, "pairs") == 1);
    click(d, cell(a[0]));
    CHECK(stateAt(d, "moves") == 2);
    CHECK(stateAt(d, "open").empty());
    for (const auto& [face, places] : at)
        if (stateAt(d, "cells")[static_cast<size_t>(places[0])] == "") {
            click(d, cell(places[0]));
            click(d, cell(places[1]));
        }
    CHECK(stateAt(d, "pairs") == 8);
    CHECK(shows(d, "All pairs found in 9 moves"));
    // The timer asked for is there; a new game deals the same cards face down.
    CHECK(findWidget(spec["screens"], "timer") != nullptr);
    click(d, "New game");
    CHECK(stateAt(d, "cells") == Json(std::vector<Json>(16, Json(""))));
    CHECK(stateAt(d, "pairs") == 0);
}

TEST_CASE("workspace: what a game comes with is no palette to paint with", "[workspace][game]") {
    const Json snake = checkedDraft("Please implement a snake game with arrow key controls, score and speed increasing over time.");
    CHECK_FALSE(snake["state"].contains("brush"));
    // A list of colours to paint with stays a palette.
    const Json pixels = checkedDraft("A pixel art editor on a 16x16 grid with a palette of red, blue, green and yellow.");
    CHECK(pixels["state"].contains("brush"));
}

TEST_CASE("workspace: a loan, tip or BMI calculator computes the real formula and says when the inputs give no answer", "[workspace]") {
    Json spec = checkedDraft("Please implement a loan payment calculator. Users enter a loan amount, annual interest rate and term in years, and the page "
                             "shows the monthly payment, total paid and total interest. Invalid input such as a negative amount shows an error message.");
    HeadlessDriver d(load(spec));
    d.settle();
    std::string error;
    REQUIRE(d.type("Loan amount", "100000", &error));
    d.settle();
    CHECK(shows(d, "$599.55"));       // 6% over 30 years
    CHECK(shows(d, "$215,838.19"));   // total paid
    REQUIRE(d.type("Interest rate", "0", &error));
    d.settle();
    CHECK(shows(d, "$277.78"));       // no interest: the amount over 360 months
    REQUIRE(d.type("Loan amount", "-5", &error));
    d.settle();
    CHECK_FALSE(shows(d, "Monthly payment"));
    CHECK(shows(d, "Enter a loan amount"));
    Json tip = checkedDraft("A tip calculator that splits the bill between friends");
    HeadlessDriver t(load(tip));
    t.settle();
    REQUIRE(t.type("Bill amount", "100", &error));
    t.settle();
    CHECK(shows(t, "$57.50"));        // 15% tip, two people
    Json bmi = checkedDraft("Please implement a BMI calculator: users enter weight and height and see their BMI and category.");
    HeadlessDriver b(load(bmi));
    b.settle();
    REQUIRE(b.type("Weight", "95", &error));
    b.settle();
    CHECK(shows(b, "31.0"));
    CHECK(shows(b, "Obese"));
}

TEST_CASE("workspace: rock, paper, scissors scores each round against the computer until a reset", "[workspace][game]") {
    Json spec = checkedDraft("Please implement a rock-paper-scissors game against the computer. The player picks rock, paper or scissors, the computer "
                             "picks randomly, and the page shows both choices and who won the round. A scoreboard tracks wins, losses and draws, and a "
                             "reset button clears it.");
    HeadlessDriver d(load(spec));
    d.settle();
    for (const char* pick : {"Rock", "Paper", "Scissors", "Rock", "Paper", "Scissors"}) {
        click(d, pick);
        const Json round = stateAt(d, "rps");
        CHECK(round["player"] == pick);
        const std::string me = round["player"], it = round["computer"];
        const bool win = (me == "Rock" && it == "Scissors") || (me == "Paper" && it == "Rock") || (me == "Scissors" && it == "Paper");
        CHECK(round["result"] == (me == it ? "Draw" : win ? "You win" : "You lose"));
        CHECK(shows(d, round["result"].get<std::string>()));
    }
    const Json score = stateAt(d, "score");
    CHECK(score["wins"].get<int>() + score["losses"].get<int>() + score["draws"].get<int>() == 6);
    CHECK(score["wins"].get<int>() > 0);
    CHECK(score["losses"].get<int>() > 0);
    click(d, "Reset");
    CHECK(stateAt(d, "score") == Json{{"wins", 0}, {"losses", 0}, {"draws", 0}});
}

TEST_CASE("workspace: hangman reveals guessed letters, counts wrong ones to six and starts a new word", "[workspace][game]") {
    Json spec = checkedDraft("Please implement a hangman game about ocean creatures. The game picks a hidden word and shows blanks for each letter; the "
                             "player guesses letters using on-screen buttons. Wrong guesses are counted up to six, and the game shows a win or lose "
                             "message with an option to start a new word.");
    HeadlessDriver d(load(spec));
    d.settle();
    const std::string word = stateAt(d, "hang")["word"];
    REQUIRE(word == "OCTOPUS");
    CHECK(shows(d, "_ _ _ _ _ _ _"));
    click(d, "O");
    CHECK(shows(d, "O _ _ O _ _ _"));
    std::string error;
    CHECK_FALSE(d.click("O", &error));  // a used letter's button is disabled
    CHECK(stateAt(d, "hang")["guessed"].size() == 1);
    for (const char* miss : {"A", "B", "D", "E", "F"}) click(d, miss);
    CHECK(stateAt(d, "hang")["wrong"] == 5);
    CHECK_FALSE(stateAt(d, "hang")["over"].get<bool>());
    click(d, "G");
    CHECK(stateAt(d, "hang")["over"] == true);
    CHECK(shows(d, "You lose: the word was OCTOPUS"));
    click(d, "New word");
    CHECK(stateAt(d, "hang")["wrong"] == 0);
    const std::string next = stateAt(d, "hang")["word"];
    CHECK(next != word);
    for (char c : std::set<char>(next.begin(), next.end())) click(d, std::string(1, c));
    CHECK(stateAt(d, "hang")["won"] == true);
    CHECK(shows(d, "You win!"));
}

TEST_CASE("workspace: whack-a-mole scores a hit on the mole, moves it, and ends the round when the countdown runs out", "[workspace][game]") {
    Json spec = checkedDraft("Please implement a whack-a-mole game. A grid of nine holes shows a mole popping up at random positions, and clicking a "
                             "mole adds a point. A round lasts 30 seconds with a visible countdown, and the final score is shown at the end with a "
                             "button to play again.");
    HeadlessDriver d(load(spec));
    d.settle();
    REQUIRE(stateAt(d, "cells").size() == 9);
    click(d, "Start");
    const int mole = stateAt(d, "whack")["mole"];
    CHECK(stateAt(d, "cells")[static_cast<size_t>(mole)] == "Mole");
    click(d, "Cell " + std::to_string(mole + 1));
    CHECK(stateAt(d, "whack")["score"] == 1);
    const Json now = stateAt(d, "whack");
    CHECK(now["mole"] != mole);
    // A hole the mole is in neither now nor after its next hop scores nothing, whenever the clock ticks.
    const int at = now["mole"], next = (at + 1 + (now["hops"].get<int>() + 1) * 5 % 8) % 9;
    int empty = 0;
    while (empty == at || empty == next) ++empty;
    click(d, "Cell " + std::to_string(empty + 1));
    CHECK(stateAt(d, "whack")["score"] == 1);
    std::set<int> seen;
    for (int s = 0; s < 5; ++s) {
        d.wait(1000);
        seen.insert(stateAt(d, "whack")["mole"].get<int>());
    }
    CHECK(seen.size() >= 3);  // it pops up in one hole after another
    d.wait(30000);
    CHECK(stateAt(d, "whack")["over"] == true);
    CHECK(shows(d, "Final score: 1"));
    CHECK(stateAt(d, "best") == 1);
    click(d, "Play again");
    CHECK(stateAt(d, "whack")["score"] == 0);
    CHECK(stateAt(d, "whack")["running"] == true);
}

TEST_CASE("workspace: a number guessing game answers too low or too high, refuses what is no number, and starts again after a win", "[workspace][game]") {
    Json spec = checkedDraft("A higher or lower game for kids: the app hides a number from 1 to 50, the child types a guess and is told to go higher "
                             "or lower until they find it. Keep a list of the guesses.");
    HeadlessDriver d(load(spec));
    d.settle();
    const Json secrets = stateAt(d, "secrets");
    REQUIRE(secrets.is_array());
    const int secret = secrets[0];
    REQUIRE((secret >= 1 && secret <= 50));
    std::string error;
    const auto guess = [&](const std::string& text) {
        REQUIRE(d.type("guessInput", text, &error));
        d.settle();
        click(d, "guessButton");
    };
    guess("abc");
    CHECK(stateAt(d, "guess")["tries"] == 0);  // no number: a message, no guess counted
    guess(std::to_string(secret == 1 ? 2 : secret - 1));
    CHECK(stateAt(d, "guess")["hint"] == (secret == 1 ? "Too high" : "Too low"));
    CHECK(shows(d, secret == 1 ? "Too high" : "Too low"));
    guess(std::to_string(secret));
    CHECK(stateAt(d, "guess")["won"] == true);
    CHECK(stateAt(d, "guess")["history"].size() == 2);
    CHECK(shows(d, "Correct! It was " + std::to_string(secret) + ", found in 2 guesses"));
    click(d, "Play again");
    CHECK(stateAt(d, "guess")["tries"] == 0);
    CHECK(stateAt(d, "guess")["history"].empty());
    CHECK(stateAt(d, "secrets")[stateAt(d, "guess")["round"].get<int>() % secrets.size()] != secret);
}

TEST_CASE("workspace: a paint estimator, a bill splitter and a unit price comparison compute what they are for", "[workspace]") {
    std::string error;
    Json paint = checkedDraft("A paint estimator for a kids' bedroom: enter the walls' size, the doors and windows and how many coats, and see how "
                              "many litres to buy.");
    HeadlessDriver p(load(paint));
    p.settle();
    for (const auto& [field, value] : std::vector<std::pair<const char*, const char*>>{{"Room length", "5"}, {"Room width", "4"}, {"Wall height", "2.5"},
                                                                                        {"Doors", "1"}, {"Windows", "2"}, {"Coats", "2"}}) {
        REQUIRE(p.type(field, value, &error));
        p.settle();
    }
    CHECK(shows(p, "40.1"));  // 2 x (5 + 4) x 2.5 less a door (1.9) and two windows (1.5 each)
    CHECK(shows(p, "8.0"));   // two coats, a litre for 10 m2
    REQUIRE(p.type("Wall height", "0", &error));
    p.settle();
    CHECK(shows(p, "Enter a length, width and height above zero"));
    Json split = checkedDraft("A bill splitter for a group dinner: the total, a tip percentage and how many people, then what each one pays.");
    HeadlessDriver s(load(split));
    s.settle();
    REQUIRE(s.type("Bill amount", "120", &error));
    s.settle();
    REQUIRE(s.type("Split between", "4", &error));
    s.settle();
    CHECK(shows(s, "$34.50"));  // 15% tip on 120, four people
    Json unit = checkedDraft("Calculate the unit price of two packs of coffee to see which is the better buy.");
    HeadlessDriver u(load(unit));
    u.settle();
    REQUIRE(u.type("Price of A", "4", &error));
    u.settle();
    REQUIRE(u.type("Size of A", "250", &error));
    u.settle();
    CHECK(shows(u, "$1.60"));         // per 100
    CHECK(shows(u, "B is cheaper"));  // B starts at 5.20 for 800: 0.65 per 100
    REQUIRE(u.type("Price of A", "1", &error));
    u.settle();
    CHECK(shows(u, "A is cheaper"));  // 0.40 per 100
}

TEST_CASE("workspace: a Roman numeral converter goes both ways, refuses what is neither, and keeps the last five", "[workspace]") {
    Json spec = checkedDraft("A converter between numbers and Roman numerals for a history class, with the last few conversions kept.");
    HeadlessDriver d(load(spec));
    d.settle();
    std::string error;
    const auto convert = [&](const std::string& text) {
        REQUIRE(d.type("romanInput", text, &error));
        d.settle();
        return stateAt(d, "roman")["result"].get<std::string>();
    };
    CHECK(convert("1994") == "MCMXCIV");
    CHECK(shows(d, "MCMXCIV"));
    CHECK(convert("3999") == "MMMCMXCIX");
    CHECK(convert("xlii") == "42");
    CHECK(convert("MMXXIV") == "2024");
    for (const char* wrong : {"4000", "0", "IIII", "VX", "abc"}) {
        INFO(wrong);
        CHECK(convert(wrong).empty());
        CHECK(shows(d, "Enter a whole number from 1 to 3999"));
    }
    for (const char* n : {"1", "2", "3", "4", "5", "6"}) {
        convert(n);
        click(d, "saveConversion");
    }
    const Json history = stateAt(d, "roman")["history"];
    REQUIRE(history.size() == 5);
    CHECK(history[0]["from"] == "6");
    CHECK(history[0]["to"] == "VI");
}

TEST_CASE("workspace: flashcards flip to the translation, keep each card in one pile, and end in a score", "[workspace][practice]") {
    Json spec = checkedDraft("Please implement a flashcard website for learning Spanish vocabulary. Users can flip a card to see the translation, "
                             "mark it as known or unknown, and move to the next card.");
    CHECK(findWidget(spec, "input") == nullptr);  // nothing asks to add cards
    HeadlessDriver d(load(spec));
    d.settle();
    const Json cards = stateAt(d, "cards");
    REQUIRE(cards.size() == 8);
    CHECK(cards[0] == Json{{"front", "hola"}, {"back", "hello"}});
    CHECK(shows(d, "hola"));
    CHECK_FALSE(shows(d, "hello"));
    click(d, "Flip");
    CHECK(shows(d, "hello"));
    click(d, "Unknown");
    CHECK(stateAt(d, "study")["learning"] == Json::array({0}));
    CHECK(shows(d, "gracias"));  // the next card, front up
    click(d, "Previous");
    click(d, "Known");  // changes its mind: the card leaves the other pile
    CHECK(stateAt(d, "study")["learning"] == Json::array());
    CHECK(stateAt(d, "study")["known"] == Json::array({0}));
    click(d, "Unknown");
    for (int i = 2; i < 8; ++i) click(d, "Known");
    CHECK(stateAt(d, "study")["done"] == true);
    CHECK(shows(d, "You knew 7 of 8 cards"));
    CHECK(shows(d, "1 to review next time"));
    click(d, "Study again");
    CHECK(stateAt(d, "study")["at"] == 0);
    CHECK(stateAt(d, "study")["known"] == Json::array());
}

TEST_CASE("workspace: flashcards a request adds to get a form and the deck, on the request's subject only", "[workspace][practice]") {
    Json spec = checkedDraft("A flashcard app for anatomy terms: add a term and its definition, study the deck and mark the ones you know.");
    const std::string text = spec["state"]["cards"].dump();
    CHECK(text.find("Anatomy term 1") != std::string::npos);
    CHECK(text.find("hola") == std::string::npos);
    HeadlessDriver d(load(spec));
    d.settle();
    std::string error;
    INFO(error);
    REQUIRE(d.type("newFront", "Femur", &error));
    REQUIRE(d.type("newBack", "The thigh bone", &error));
    click(d, "Add card");
    const Json cards = stateAt(d, "cards");
    CHECK(cards.back() == Json{{"front", "Femur"}, {"back", "The thigh bone"}});
    CHECK(shows(d, "DECK · " + std::to_string(cards.size()) + " CARDS"));  // a list header is upper case
    CHECK(stateAt(d, "newCard")["front"] == "");
}

TEST_CASE("workspace: a typing test starts its clock on the first key, scores words per minute and accuracy, and stops at the end", "[workspace][practice]") {
    Json spec = checkedDraft("Please implement a typing speed test website. Show a paragraph to type, a text box, a timer and the words per minute "
                             "and accuracy when finished.");
    CHECK(findWidget(spec, "slider") == nullptr);  // "speed" is what is measured, not a setting
    HeadlessDriver d(load(spec));
    d.settle();
    const std::string passage = stateAt(d, "passages")[0];
    CHECK(shows(d, passage));
    d.wait(5000);
    CHECK(stateAt(d, "typing")["seconds"] == 0);  // nothing typed, no clock
    std::string error;
    REQUIRE(d.type("Your typing", "The quick brown fax", &error));
    d.settle();
    CHECK(stateAt(d, "typing")["running"] == true);
    d.wait(12000);
    d.settle();
    const int seconds = stateAt(d, "typing")["seconds"];
    CHECK(seconds >= 11);
    CHECK(seconds <= 13);
    CHECK(shows(d, "75%"));  // three of four words right
    CHECK(shows(d, std::to_string((int)std::lround(4 * 60.0 / seconds))));
    REQUIRE(d.type("Your typing", passage, &error));
    d.settle();
    CHECK(stateAt(d, "typing")["finished"] == true);
    CHECK(stateAt(d, "typing")["running"] == false);
    CHECK(shows(d, "100% accuracy"));
    click(d, "Next passage");
    CHECK(stateAt(d, "typing")["text"] == "");
    CHECK(stateAt(d, "typing")["passage"] == 1);
}

TEST_CASE("workspace: a palette generator replaces the unlocked colours, keeps a locked one, and copies a hex code", "[workspace][practice]") {
    Json spec = checkedDraft("Please implement a color palette generator. Users press generate to get five random colors, can lock a color, "
                             "and copy its hex code.");
    HeadlessDriver d(load(spec));
    d.settle();
    const Json before = stateAt(d, "palette");
    REQUIRE(before.size() == 5);
    const std::string kept = before[1]["hex"];
    click(d, "Lock colour 2");
    CHECK(stateAt(d, "palette")[1]["locked"] == true);
    click(d, "Generate");
    const Json after = stateAt(d, "palette");
    CHECK(after[1]["hex"] == kept);
    for (size_t i : {0u, 2u, 3u, 4u}) CHECK(after[i]["hex"] != before[i]["hex"]);
    CHECK(shows(d, "1 locked"));
    const std::string hex = after[0]["hex"];
    click(d, "Copy " + hex);
    CHECK(std::string(ImGui::GetClipboardText()) == hex);
    CHECK(shows(d, "Copied " + hex));
}

TEST_CASE("workspace: a countdown to a launch date ticks days, hours, minutes and seconds and collects emails", "[workspace]") {
    Json spec = checkedDraft("Please implement a countdown website to a product launch date with days, hours, minutes and seconds and a subscribe form.");
    CHECK(findWidget(spec, "select") == nullptr);  // no minutes to pick: the day is set
    HeadlessDriver d(load(spec));
    d.settle();
    CHECK(shows(d, "12d 05:30:00"));
    CHECK(shows(d, "Until the product launch"));
    d.wait(61000);
    d.settle();
    const double left = stateAt(d, "left");
    CHECK(left < 12 * 86400 + 5 * 3600 + 29 * 60);
    CHECK(left > 12 * 86400 + 5 * 3600 + 28 * 60);
    CHECK(shows(d, "12d 05:28:"));
    std::string error;
    const size_t waiting = stateAt(d, "subscribers").size();
    REQUIRE(d.type("Email", "not an email", &error));
    click(d, "Notify me");
    CHECK(stateAt(d, "subscribers").size() == waiting);
    REQUIRE(d.type("Email", "ana@example.com", &error));
    click(d, "Notify me");
    CHECK(stateAt(d, "subscribers").back() == "ana@example.com");
    CHECK(shows(d, std::to_string(waiting + 1) + " people are waiting"));
    // A span of minutes is still a timer with a set length.
    Json pomodoro = checkedDraft("a countdown timer for 10 minute presentations");
    CHECK(pomodoro["state"]["left"] == 600);
}

TEST_CASE("workspace: a recipe scaler lists the ingredients it scales and scales every amount with the servings", "[workspace]") {
    Json spec = checkedDraft("Please implement a recipe scaler website. Users enter a recipe's ingredients with amounts and the original number of "
                             "servings, choose a new number of servings, and see every amount scaled.");
    HeadlessDriver d(load(spec));
    d.settle();
    const Json first = stateAt(d, "ingredients")[0];
    const double amount = first["amount"];
    const std::string unit = first["unit"];
    CHECK(stateAt(d, "servings") == Json{{"from", 4}, {"to", 6}});
    CHECK(shows(d, std::to_string((int)(amount * 6 / 4)) + " " + unit));
    REQUIRE(d.proto().setPath("servings.to", 8));
    d.settle();
    CHECK(shows(d, std::to_string((int)(amount * 2)) + " " + unit));
    std::string error;
    REQUIRE(d.type("Ingredient", "Vanilla", &error));
    REQUIRE(d.type("Amount", "1.5", &error));
    REQUIRE(d.type("Unit", "tsp", &error));
    click(d, "Add ingredient");
    CHECK(stateAt(d, "ingredients").back() == Json{{"name", "Vanilla"}, {"amount", 1.5}, {"unit", "tsp"}});
    CHECK(shows(d, "3 tsp"));  // 1.5 for 4, doubled
    // A cocktail's sample recipe is a cocktail's, never batter.
    const std::string cocktail = checkedDraft("Batch cocktail scaler for bar staff: enter the number of servings and get every ingredient scaled in ml")["state"].dump();
    CHECK(cocktail.find("Gin") != std::string::npos);
    CHECK(cocktail.find("Flour") == std::string::npos);
}
