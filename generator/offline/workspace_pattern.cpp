// Promptotype — OfflineDrafter: the workspace pattern for games, editors, builders and calculators.
//
// A request for a board, a step sequencer, a calculator or a designer is not a list of records: its main screen is
// the thing being worked on, with real state. The request is read for which kind it is and for the items it lists
// ("rows for kick, snare, hi-hat and clap"); those become the board's rows or palette, the calculator's inputs and
// outputs, or the editor's fields. Counters and totals are expressions over the state, so they update live.
//
// [SECTION] Reading the request (kind, listed items)
// [SECTION] Shared pieces (controls row, saved snapshots, requirements)
// [SECTION] Grid or board
// [SECTION] Calculator or configurator
// [SECTION] Editor or designer
// [SECTION] Games (tiles moved by arrows, quizzes)
// [SECTION] Timer or clock (turn clocks, phases in a loop, countdown, stopwatch)
// [SECTION] Practice (flashcards, typing test)
// [SECTION] Generators (colour palettes)
// [SECTION] Composition

#include "generator/offline/draft_patterns.h"
#include "runtime/spec/css_colors.h"
#include <algorithm>
#include <bitset>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <numeric>
#include <regex>

namespace pt::draft {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Reading the request
//-----------------------------------------------------------------------------

std::vector<std::string> wordsIn(std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s) {
        if (std::isalnum((unsigned char)c) || c == '-' || c == '\'' || c == '/') w += (char)std::tolower((unsigned char)c);
        else if (!w.empty()) out.push_back(std::exchange(w, {}));
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

// One of the words, alone or leading a compound ("kanban-style").
bool hasWord(const std::vector<std::string>& words, std::initializer_list<const char*> any) {
    for (const std::string& w : words)
        for (const char* a : any)
            if (w == a || w.rfind(std::string(a) + "-", 0) == 0) return true;
    return false;
}

// Words that start a listed item but are not part of it ("rows for kick" -> "kick", "pick frame size" -> "frame size").
bool leadWord(const std::string& w) {
    static const std::set<std::string> lead = {
        "for", "with", "of", "in", "on", "into", "to", "by", "from", "as", "like", "including", "includes", "and", "or", "then", "the", "a",
        "an", "its", "their", "your", "my", "each", "every", "some", "pick", "choose", "set", "enter", "edit", "add", "adds", "select", "type",
        "click", "press", "drag", "toggle", "tap", "drop", "place", "draw", "name", "see", "get", "gets", "watch", "mark", "move", "adjust",
        "change", "use", "make", "buy", "run", "show", "shows", "lay", "out", "fill", "paint", "assign", "also", "plus", "is", "are", "manage"};
    return lead.count(w) > 0 || (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0);
}

// Words that end a listed item ("term in years" -> "term", "a chart showing the payback year" -> "chart").
bool tailWord(const std::string& w) {
    static const std::set<std::string> tail = {
        "in", "with", "that", "which", "to", "for", "on", "at", "from", "into", "so", "when", "while", "per", "by", "then", "showing", "update",
        "updates", "appear", "appears", "change", "changes", "is", "are", "as", "of"};
    return tail.count(w) > 0;
}

// The item a comma-separated piece names, at most three words; "" when it reads as a clause rather than an item.
// `clauseFollows` is set when words after the item were cut ("rules text with a live preview"): the list ends there.
std::string itemOf(const std::string& piece, bool first, bool* clauseFollows = nullptr) {
    std::vector<std::string> words = wordsIn(piece);
    if (first) {
        size_t from = words.size();
        while (from > 0 && !leadWord(words[from - 1])) --from;
        words.erase(words.begin(), words.begin() + from);
    }
    // Later pieces lose only joining words: "move count" keeps its verb-like first word.
    static const std::set<std::string> joining = {"and", "or", "then", "the", "a", "an", "also", "plus", "its", "their", "your", "my"};
    while (!words.empty() && (first ? leadWord(words.front()) : joining.count(words.front()) > 0)) words.erase(words.begin());
    for (size_t i = 1; i < words.size(); ++i)
        if (tailWord(words[i])) {
            words.resize(i);
            if (clauseFollows) *clauseFollows = true;
            break;
        }
    // "grommets or pole pockets": a choice between two items may take five words.
    const bool choice = std::find(words.begin(), words.end(), "or") != words.end();
    if (words.empty() || words.size() > (choice ? 5u : 3u)) return "";
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// Nouns of the workspace itself: an item naming one is about the UI, not a value the user works with.
bool uiItem(const std::string& item) {
    return hasWord(wordsIn(item), {"step", "steps", "cell", "cells", "square", "squares", "slider", "button", "play", "stop", "play/stop",
                                   "chart", "graph", "grid", "board", "screen", "list", "summary", "preview", "breakdown", "canvas"});
}

// The request's lists ("kick, snare, hi-hat and clap"), each with the words before it ("rows for").
struct ListedItems {
    std::string head;                 // the segment's words before the list, lower case
    std::vector<std::string> items;   // lower case, as written
};

// `low` is the request in lower case, `text` as written (same length): items keep the request's own capitals.
std::vector<ListedItems> listsIn(const std::string& low, const std::string& text) {
    // Segments end at sentence punctuation, dashes and ", then"; every replacement keeps offsets into `text`.
    std::string cut = low;
    for (size_t at = 0; (at = cut.find(", then ", at)) != std::string::npos; ++at) cut[at] = '|';
    for (const char* dash : {" - ", "\xE2\x80\x93", "\xE2\x80\x94"})
        for (size_t at = 0; (at = cut.find(dash, at)) != std::string::npos; ++at) cut.replace(at, std::strlen(dash), std::string(std::strlen(dash), '|'));
    for (char& c : cut)
        if (std::strchr(".;:!?()\n", c)) c = '|';
    static const std::regex finalJoin(R"(^(.*?)\s(and|or)\s(.*)$)");
    std::vector<ListedItems> out;
    for (size_t start = 0, end; start < cut.size(); start = end + 1) {
        end = std::min(cut.find('|', start), cut.size());
        const std::string segment = cut.substr(start, end - start);
        std::vector<std::string> pieces;
        for (size_t from = 0, comma; from <= segment.size(); from = comma + 1) {
            comma = std::min(segment.find(',', from), segment.size());
            pieces.push_back(segment.substr(from, comma - from));
        }
        // The last piece carries the final "and" / "or" ("hi-hat and clap").
        std::smatch m;
        const std::string last = pieces.back();
        const bool joined = std::regex_search(last, m, finalJoin);
        if (joined) {
            pieces.back() = m[1].str();
            pieces.push_back(m[3].str());
        }
        // An "and" inside an earlier piece joins two items too ("art placeholder and rules text"); "or" stays a choice.
        for (size_t i = 0; i + 1 < pieces.size(); ++i)
            if (size_t at = pieces[i].find(" and "); at != std::string::npos && i > 0) {
                pieces.insert(pieces.begin() + i + 1, pieces[i].substr(at + 5));
                pieces[i].resize(at);
            }
        if (pieces.size() < 3 && !(joined && pieces.size() == 2 && wordsIn(itemOf(pieces.front(), true)).size() <= 2)) continue;
        ListedItems list;
        size_t searchFrom = 0;
        auto add = [&](const std::string& item) {
            const size_t at = segment.find(item, searchFrom);
            const std::string shown = at == std::string::npos ? item : text.substr(start + at, item.size());
            if (at != std::string::npos) searchFrom = at + item.size();
            if (list.items.empty()) list.head = at == std::string::npos ? "" : segment.substr(0, at);
            if (std::find(list.items.begin(), list.items.end(), shown) == list.items.end()) list.items.push_back(shown);
        };
        bool clauseFollows = false;
        for (size_t i = 0; i < pieces.size() && !clauseFollows; ++i) {
            std::string item = itemOf(pieces[i], i == 0, &clauseFollows);
            if (item.empty() || uiItem(item)) continue;  // "a play button", "the canvas": controls, not values
            if (size_t x = item.find(" x "); x != std::string::npos) {  // "width x height": two parameters
                add(item.substr(0, x));
                item = item.substr(x + 3);
            }
            add(item);
        }
        if (list.items.size() >= 2) out.push_back(std::move(list));
    }
    return out;
}

bool headSays(const ListedItems& l, std::initializer_list<const char*> any) { return hasWord(wordsIn(l.head), any); }

//-----------------------------------------------------------------------------
// [SECTION] Shared pieces
//-----------------------------------------------------------------------------

// A state key for an item, unique among `taken`.
std::string keyFor(const std::string& item, std::set<std::string>& taken) {
    std::string base = camelKey(item);
    if (base.empty() || !std::isalpha((unsigned char)base[0])) base = "value";
    std::string key = base;
    for (int i = 2; taken.count(key); ++i) key = base + std::to_string(i);
    taken.insert(key);
    return key;
}

bool saysAny(const std::string& low, std::initializer_list<const char*> any) { return hasWord(wordsIn(low), any); }

// The words the request names for a secondary view ("deck list", "summary", "leaderboard"), as screen titles.
std::vector<std::string> namedViews(const std::string& low) {
    std::vector<std::string> out;
    std::smatch m;
    for (const char* view : {"summary", "leaderboard", "scoreboard", "history", "results"})
        if (saysAny(low, {view})) out.push_back(capitalized(view));
    if (std::regex_search(low, m, std::regex(R"(\b([a-z]+) (list|library|collection|gallery)\b)")) && m[1].str() != "to" && m[1].str() != "a")
        out.push_back(capitalized(m[1].str() + " " + m[2].str()));
    else if (std::regex_search(low, m, std::regex(R"(\bmanage (the|my|your)? ?([a-z]+))")))
        out.push_back(capitalized(m[2].str()));
    return out;
}

// "Save" on the workspace pushes a snapshot to `saved`; each view the request names lists the snapshots or, for a
// summary, shows the current values.
void addViews(Draft& d, const std::string& low, const Json& snapshot, const Json& summaryRows, Json& controls) {
    const std::vector<std::string> views = namedViews(low);
    if (views.empty()) return;
    d.spec["state"]["saved"] = Json::array();
    controls.push_back(Json{{"button", "Save"}, {"id", "saveButton"}, {"icon", "floppy-o"}, {"variant", "secondary"},
                            {"on", {{"press", Json::array({Json{{"push", "saved"}, {"value", snapshot}}, Json{{"toast", "Saved"}, {"tone", "success"}}})}}}});
    for (const std::string& view : views) {
        const std::string id = camelKey(view) + "View";
        const bool summary = view == "Summary";
        Json body = Json::array();
        if (summary) {
            body.push_back(Json{{"list", summaryRows}});
            body.push_back(Json{{"button", "Send"}, {"id", "sendSummary"}, {"icon", "paper-plane"}, {"full", true},
                                {"on", {{"press", Json::array({Json{{"push", "saved"}, {"value", snapshot}}, Json{{"toast", "Sent"}, {"tone", "success"}}})}}}});
        } else {
            body.push_back(Json{{"item", "${it.title}"}, {"subtitle", "${it.detail}"}, {"icon", "bookmark-o"},
                                {"repeat", {{"in", "${saved}"}, {"as", "it"}, {"empty", Json{{"empty", "Nothing saved yet"}, {"text", "Save from the workspace to see it here"}}}}}});
            body.push_back(Json{{"button", "Clear all"}, {"variant", "ghost"}, {"on", {{"press", Json{{"set", "saved"}, {"value", Json::array()}}}}}});
        }
        d.screen(id, Json{{"title", view}, {"body", body}});
        controls.push_back(Json{{"button", view}, {"id", id + "Link"}, {"variant", "outline"}, {"go", id}});
    }
}

// Every requirement traced to the workspace nodes whose label words it uses, else to the workspace screen when it
// speaks about the workspace itself; what the shared trace found stays.
void traceWorkspace(Draft& d, const std::vector<std::pair<std::string, std::string>>& labelled) {
    Json reqs = draftRequirements(d);
    for (Json& r : reqs) {
        const std::string low = lowerText(r["text"].get<std::string>());
        std::set<std::string> ids(r["ids"].begin(), r["ids"].end());
        for (const auto& [id, label] : labelled)
            for (const std::string& w : wordsIn(label))
                if (w.size() > 2 && !leadWord(w) && saysAny(low, {w.c_str()})) ids.insert(id);
        if (ids.empty()) ids.insert("workspace");
        r["ids"] = Json(std::vector<std::string>(ids.begin(), ids.end()));
    }
    d.spec["meta"]["requirements"] = reqs;
}

Json statTile(const std::string& id, const std::string& label, const std::string& value, const char* icon) {
    return Json{{"stat", capitalized(label)}, {"id", id}, {"value", value}, {"icon", icon}};
}

//-----------------------------------------------------------------------------
// [SECTION] Grid or board
//-----------------------------------------------------------------------------

// Board games known by name, each with its own board and line to win.
bool ticTacToe(const std::string& low) { return saysAny(low, {"tic-tac-toe", "noughts", "naughts"}) || low.find("tic tac toe") != std::string::npos; }
bool connectFour(const std::string& low) { return std::regex_search(low, std::regex(R"(\bconnect[- ]?(four|4)\b)")); }

// Rows and columns the request gives ("4x8", "16-step", a board game's own size), else from the row labels.
std::pair<int, int> boardSize(const std::string& low, int labelledRows) {
    std::smatch m;
    if (std::regex_search(low, m, std::regex(R"((\d{1,2})\s?(x|by)\s?(\d{1,2}))")))
        return {std::clamp(std::stoi(m[1].str()), 1, 32), std::clamp(std::stoi(m[3].str()), 1, 32)};
    const int rows = labelledRows > 0 ? labelledRows : 0;
    if (std::regex_search(low, m, std::regex(R"((\d{1,2})[- ]step)"))) return {rows > 0 ? rows : 4, std::clamp(std::stoi(m[1].str()), 1, 32)};
    if (saysAny(low, {"chess", "checkers", "draughts", "pixel", "pixel-art"})) return {8, 8};
    if (saysAny(low, {"sudoku", "crossword"})) return {9, 9};
    if (ticTacToe(low)) return {3, 3};
    if (connectFour(low)) return {6, 7};
    if (saysAny(low, {"gomoku"})) return {15, 15};
    if (saysAny(low, {"snake"})) return {12, 12};
    if (saysAny(low, {"minesweeper"})) return {9, 9};
    return {rows > 0 ? rows : 6, 8};
}

// The request's word for one cell ("square", "step", "seat"), for counters and the last-change line.
std::string cellNoun(const std::string& low) {
    for (const char* noun : {"square", "step", "seat", "tile", "pixel", "cell", "slot", "spot", "plot", "box"})
        if (saysAny(low, {noun, pluralOf(noun).c_str()})) return noun;
    return "cell";
}

// How many marks in a line win a game played in turns on the board, or 0 when the board is not played that way:
// "tic-tac-toe" 3, "connect four" 4, "five in a row" 5; two players taking turns on a board, a line as long as
// the board's side (at most 5).
int lineToWin(const std::string& low, int rows, int cols) {
    std::smatch m;
    static const std::map<std::string, int> counts = {{"three", 3}, {"3", 3}, {"four", 4}, {"4", 4}, {"five", 5}, {"5", 5}};
    if (std::regex_search(low, m, std::regex(R"(\b(three|four|five|3|4|5) in a (row|line)\b)"))) return counts.at(m[1].str());
    if (ticTacToe(low)) return 3;
    if (connectFour(low)) return 4;
    if (saysAny(low, {"gomoku"})) return 5;
    const bool turns = saysAny(low, {"turn", "turns", "two-player", "2-player"}) || low.find("two players") != std::string::npos || low.find("2 players") != std::string::npos;
    const bool wins = saysAny(low, {"win", "wins", "winner", "won"});
    return turns && wins ? std::min({rows, cols, 5}) : 0;
}

// Every line of `k` cells on a rows x cols board (rows, columns, both diagonals), as lists of cell indexes.
Json linesOf(int rows, int cols, int k) {
    Json lines = Json::array();
    const int steps[4][2] = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            for (const auto& s : steps) {
                const int endR = r + s[0] * (k - 1), endC = c + s[1] * (k - 1);
                if (endR >= rows || endC < 0 || endC >= cols) continue;
                Json line = Json::array();
                for (int i = 0; i < k; ++i) line.push_back((r + s[0] * i) * cols + c + s[1] * i);
                lines.push_back(std::move(line));
            }
    return lines;
}

// The two marks players put down: the colours the request gives its pieces ("red and yellow discs"), else X and O.
std::pair<std::string, std::string> turnMarks(const std::string& low) {
    static const std::regex pieces(R"(\b([a-z]+) and ([a-z]+) (?:discs?|disks?|pieces|counters|stones|tokens|checkers|chips))");
    std::smatch m;
    std::uint32_t rgb = 0;
    if (std::regex_search(low, m, pieces) && cssColor(m[1].str(), &rgb) && cssColor(m[2].str(), &rgb)) return {capitalized(m[1].str()), capitalized(m[2].str())};
    return {"X", "O"};
}

// A board whose pieces drop to the lowest empty cell of a column ("connect four", "discs fall", "drop a disc").
bool piecesFall(const std::string& low) {
    return connectFour(low) || saysAny(low, {"gravity", "falls", "fall", "drop", "drops", "dropping"});
}

// Two players taking turns on the board: a click puts the mark whose turn it is in an empty cell (or, when pieces
// fall, the lowest empty cell of its column), a full line wins (the board then waits for a new game), a full board
// is a draw, and the wins are kept across games.
void composeTurnBoard(Draft& d, const std::string& low, int rows, int cols, int k, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const auto [first, second] = turnMarks(low);
    const bool named = first != "X";  // colours name the players' pieces
    state["cells"] = Json(std::vector<Json>(rows * cols, Json("")));
    state["turn"] = first;
    state["winner"] = "";
    state["moves"] = 0;
    state["wins"] = Json{{first, 0}, {second, 0}, {"Draw", 0}};
    state["lines"] = linesOf(rows, cols, k);
    // The mark that fills a whole line wins; a board with no empty cell left is a draw.
    const std::string full = "find(lines, l => cells[l[0]] != '' && count(filter(l, i => cells[i] == cells[l[0]])) == " + std::to_string(k) + ")";
    const std::string winner = "${" + full + " ? cells[" + full + "[0]] : count(filter(cells, c => c == '')) == 0 ? 'Draw' : ''}";
    body.push_back(Json{{"heading", "${winner == '' ? turn + ' to play' : winner == 'Draw' ? 'Draw' : winner + ' wins!'}"}, {"id", "turnStatus"}});
    labelled.emplace_back("turnStatus", "turn whose player next win winner draw detect");
    const Json ended = Json::array({Json{{"inc", "wins.${winner}"}},
                                    Json{{"toast", "${winner == 'Draw' ? 'Draw' : winner + ' wins'}"}, {"tone", "success"}}});
    const Json colors = named ? Json{{first, lowerText(first)}, {second, lowerText(second)}} : Json{{"X", "brand"}, {"O", "accent"}};
    Json grid = Json{{"cell_grid", cols}, {"id", "board"}, {"bind", "cells"}, {"paint", "${turn}"}, {"once", true}, {"colors", colors}, {"enabled", "${winner == ''}"},
                     {"on", {{"press", Json::array({Json{{"inc", "moves"}}, Json{{"set", "winner"}, {"value", winner}},
                                                   Json{{"if", "${winner == ''}"},
                                                        {"then", Json::array({Json{{"set", "turn"}, {"value", "${turn == " + exprString(first) + " ? " + exprString(second) + " : " + exprString(first) + "}"}}})},
                                                        {"else", ended}}})}}}};
    if (piecesFall(low)) grid["fall"] = true;
    body.push_back(grid);
    labelled.emplace_back("board", "board grid cells squares square cell mark place move column columns disc discs drop");
    body.push_back(Json{{"grid", Json::array({statTile("xWins", first + " wins", "${wins." + first + "}", "trophy"),
                                              statTile("oWins", second + " wins", "${wins." + second + "}", "trophy"),
                                              statTile("draws", "Draws", "${wins.Draw}", "handshake-o"), statTile("moveCount", "Moves", "${moves}", "hand-pointer-o")})},
                        {"cols", d.wide() ? 4 : 2}, {"id", "scoreboard"}});
    labelled.emplace_back("scoreboard", "score scores across games wins tally");
    body.push_back(Json{{"button", "Reset score"}, {"id", "resetScore"}, {"variant", "ghost"}, {"icon", "eraser"}, {"on", {{"press", Json{{"reset", "wins"}}}}}});
    labelled.emplace_back("resetScore", "reset score");
}

// How many cards a game of finding pairs is played with: "16 cards", "a 4x4 grid", else 16; even, 4 to 36.
int memoryCards(const std::string& low, int rows, int cols) {
    static const std::regex dealt(R"((\d+)\s+(cards|tiles))");
    std::smatch m;
    int n = std::regex_search(low, m, dealt) ? std::atoi(m[1].str().c_str()) : rows * cols <= 36 ? rows * cols : 16;
    return std::clamp(n - n % 2, 4, 36);
}

// A game of finding pairs ("a memory matching card game with 16 cards"): the cards lie face down; a click turns
// one, two alike stay up as a pair, two that differ turn back at the next click. Moves and pairs are counted and
// the last pair ends the game.
void composeMemoryBoard(Draft& d, const std::string& low, int cards, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const int pairs = cards / 2;
    const int cols = cards % 6 == 0 && cards > 16 ? 6 : 4;
    // The pairs dealt in a fixed shuffle (a step coprime with the count visits every place once).
    const int step = std::gcd(7, cards) == 1 ? 7 : 5;
    std::vector<Json> deck(static_cast<size_t>(cards));
    Json colors = Json::object();
    static const char* const hues[] = {"#6366F1", "#F97316", "#10B981", "#E11D48", "#0EA5E9", "#A855F7", "#EAB308", "#14B8A6", "#78716C"};
    for (int j = 0; j < cards; ++j) {
        const std::string face(1, static_cast<char>('A' + (j / 2) % 26));
        deck[static_cast<size_t>((j * step + 3) % cards)] = face;
        colors[face] = hues[(j / 2) % 9];
    }
    state["deck"] = deck;
    state["cells"] = Json(std::vector<Json>(static_cast<size_t>(cards), Json("")));
    state["open"] = Json::array();
    state["moves"] = 0;
    state["pairs"] = 0;
    const std::string total = std::to_string(pairs);
    body.push_back(Json{{"heading", "${pairs == " + total + " ? 'All pairs found in ' + moves + ' moves' : 'Find the pairs'}"}, {"id", "gameStatus"}});
    labelled.emplace_back("gameStatus", "win won finish found pairs match");
    const Json hideMismatch = Json{{"if", "${count(open) == 2}"},
                                   {"then", Json::array({Json{{"set", "cells.${open[0]}"}, {"value", ""}}, Json{{"set", "cells.${open[1]}"}, {"value", ""}},
                                                         Json{{"set", "open"}, {"value", Json::array()}}})}};
    const Json judged = Json{{"if", "${count(open) == 2}"},
                             {"then", Json::array({Json{{"inc", "moves"}},
                                                   Json{{"if", "${deck[open[0]] == deck[open[1]]}"},
                                                        {"then", Json::array({Json{{"inc", "pairs"}}, Json{{"set", "open"}, {"value", Json::array()}},
                                                                              Json{{"if", "${pairs == " + total + "}"},
                                                                                   {"then", Json::array({Json{{"toast", "All pairs found"}, {"tone", "success"}}})}}})}}})}};
    body.push_back(Json{{"cell_grid", cols}, {"id", "board"}, {"bind", "cells"}, {"paint", "?"}, {"once", true}, {"colors", colors},
                        {"enabled", "${pairs < " + total + "}"},
                        {"on", {{"press", Json::array({hideMismatch, Json{{"set", "cells.${event.index}"}, {"value", "${deck[event.index]}"}},
                                                       Json{{"push", "open"}, {"value", "${event.index}"}}, judged})}}}});
    labelled.emplace_back("board", "board grid cards card tiles tile flip turn reveal memory matching match");
    body.push_back(Json{{"grid", Json::array({statTile("moveCount", "Moves", "${moves}", "hand-pointer-o"),
                                              statTile("pairCount", "Pairs found", "${pairs} / " + total, "clone")})},
                        {"cols", 2}, {"id", "scoreboard"}});
    labelled.emplace_back("scoreboard", "moves move counter count score pairs");
    // "with a timer": the time runs from the first card turned to the last pair.
    if (saysAny(low, {"timer", "time", "clock", "stopwatch", "timed", "seconds"})) {
        state["elapsed"] = 0;
        body.push_back(Json{{"timer", "Time"}, {"id", "gameTimer"}, {"bind", "elapsed"}, {"up", true}, {"running", "${moves + count(open) > 0 && pairs < " + total + "}"}});
        labelled.emplace_back("gameTimer", "timer time clock stopwatch seconds timed");
    }
}

// Snake: the snake moves one cell each tick of a game clock the way the last arrow pressed points, eating the food
// grows it and scores, and the wall or its own body ends the game (the best score stays). Food reappears on the
// next free cell of a fixed walk over the board, so a game replays the same way.
void composeSnake(Draft& d, const std::string& low, int rows, int cols, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const int n = rows * cols, start = (rows / 2) * cols + cols / 2;
    const std::string N = std::to_string(n), C = std::to_string(cols);
    const Json snake = Json{{"body", Json::array({start, start - 1, start - 2})}, {"dir", 1}, {"next", 1}, {"at", start},
                            {"food", start + 3 < n ? start + 3 : 0}, {"score", 0}, {"over", false}, {"running", false}, {"time", 0}};
    state["snake"] = snake;
    state["best"] = 0;
    const std::string draw = "${map(range(" + N + "), i => includes(snake.body, i) ? true : i == snake.food ? 'Food' : false)}";
    Json cells = Json::array();
    for (int i = 0; i < n; ++i) cells.push_back(std::find(snake["body"].begin(), snake["body"].end(), Json(i)) != snake["body"].end() ? Json(true) : i == snake["food"] ? Json("Food") : Json(false));
    state["cells"] = cells;
    // Walking off an edge: past the first or last row, or round a row's end onto the next one.
    const std::string crash = "${snake.at < 0 || snake.at >= " + N + " || (snake.dir == 1 && snake.at % " + C + " == 0) || (snake.dir == -1 && snake.at % " + C +
                              " == " + std::to_string(cols - 1) + ") || includes(snake.body, snake.at)}";
    // A walk that visits every cell (7 and the cell count share no factor, so stepping by 7 reaches them all).
    const int step = std::gcd(7, n) == 1 ? 7 : 1;
    const std::string food = "${find(map(range(" + N + "), i => (snake.food + " + std::to_string(step) + " + i * " + std::to_string(step) + ") % " + N +
                             "), c => !includes(snake.body, c))}";
    const Json tick = Json::array({
        Json{{"set", "snake.dir"}, {"value", "${snake.next}"}},
        Json{{"set", "snake.at"}, {"value", "${snake.body[0] + snake.dir}"}},
        Json{{"if", crash},
             {"then", Json::array({Json{{"set", "snake.over"}, {"value", true}}, Json{{"set", "best"}, {"value", "${max(best, snake.score)}"}},
                                   Json{{"toast", "Game over: ${snake.score} points"}, {"tone", "danger"}}})},
             {"else", Json::array({Json{{"push", "snake.body"}, {"value", "${snake.at}"}, {"front", true}},
                                   Json{{"if", "${snake.at == snake.food}"},
                                        {"then", Json::array({Json{{"inc", "snake.score"}}, Json{{"set", "snake.food"}, {"value", food}}})},
                                        {"else", Json::array({Json{{"remove", "snake.body"}}})}}})}},
        Json{{"set", "cells"}, {"value", draw}}});
    body.push_back(Json{{"grid", Json::array({statTile("scoreCount", "Score", "${snake.score}", "trophy"), statTile("bestScore", "Best", "${best}", "star"),
                                              statTile("snakeLength", "Length", "${count(snake.body)}", "arrows-h")})},
                        {"cols", 3}, {"id", "scoreboard"}});
    labelled.emplace_back("scoreCount", "score points eat eating food grow grows");
    body.push_back(Json{{"heading", "${snake.over ? 'Game over' : snake.running ? 'Go!' : 'Press an arrow to start'}"}, {"id", "gameStatus"}});
    labelled.emplace_back("gameStatus", "game over ends wall itself hits start");
    // The board only shows the game: a click on it changes nothing.
    body.push_back(Json{{"cell_grid", cols}, {"id", "board"}, {"bind", "cells"}, {"paint", ""}, {"once", true}, {"colors", Json{{"Food", "danger"}}}});
    labelled.emplace_back("board", "board grid cells snake moves food wall");
    const bool paced = saysAny(low, {"speed", "faster", "speeds"});  // a speed slider (added with the controls) sets the pace
    body.push_back(Json{{"timer", "Time"}, {"id", "gameClock"}, {"bind", "snake.time"}, {"up", true}, {"running", "${snake.running && !snake.over}"},
                        {"every", paced ? Json("${0.45 - level * 0.003}") : Json(0.25)}, {"on", {{"tick", tick}}}});
    labelled.emplace_back("gameClock", "time timer clock speed");
    struct Turn { const char* name; const char* icon; int dir; };
    const Turn turns[] = {{"Up", "arrow-up", -cols}, {"Left", "arrow-left", -1}, {"Right", "arrow-right", 1}, {"Down", "arrow-down", cols}};
    Json pad = Json::array();
    for (const Turn& t : turns) {
        // No turning back on itself: the way opposite the current one is ignored.
        const std::string id = "move" + std::string(t.name);
        pad.push_back(Json{{"button", t.name}, {"id", id}, {"icon", t.icon}, {"variant", "secondary"}, {"enabled", "${!snake.over}"},
                           {"on", {{"press", Json::array({Json{{"if", "${snake.dir != " + std::to_string(-t.dir) + "}"},
                                                               {"then", Json::array({Json{{"set", "snake.next"}, {"value", t.dir}}})}},
                                                          Json{{"set", "snake.running"}, {"value", true}}})}}}});
        labelled.emplace_back(id, std::string("arrow arrows keys key direction change turn ") + t.name);
    }
    pad.push_back(Json{{"button", "${snake.running ? 'Pause' : 'Resume'}"}, {"id", "pauseGame"}, {"icon", "pause"}, {"variant", "ghost"},
                       {"enabled", "${!snake.over && snake.time > 0}"}, {"on", {{"press", Json{{"toggle", "snake.running"}}}}}});
    body.push_back(Json{{"row", pad}, {"wrap", true}, {"gap", 8}, {"id", "arrowPad"}});
    labelled.emplace_back("pauseGame", "pause resume");
}

// Minesweeper: mines laid in a fixed scatter; a click opens a cell (its count of mines around, a cell with none
// opening its neighbours in turn), in flag mode it flags or unflags one; opening a mine ends the game and shows them
// all, opening every other cell wins. The counts never change, so they are laid out with the mines.
void composeMinesweeper(Draft& d, const std::string& low, int rows, int cols, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const int n = rows * cols;
    std::smatch m;
    int mines = std::regex_search(low, m, std::regex(R"((\d+)\s+mines)")) ? std::atoi(m[1].str().c_str()) : std::max(1, n / 8);
    mines = std::clamp(mines, 1, n / 2);
    std::vector<bool> mined(n, false);
    const int step = std::gcd(23, n) == 1 ? 23 : 1;
    for (int k = 0, at = 7 % n; k < mines; ++k, at = (at + step) % n) mined[at] = true;
    Json mineList = Json::array(), counts = Json::array(), around = Json::array();
    for (int i = 0; i < n; ++i) {
        Json near = Json::array();
        int c = 0;
        for (int dr = -1; dr <= 1; ++dr)
            for (int dc = -1; dc <= 1; ++dc) {
                const int r = i / cols + dr, col = i % cols + dc;
                if ((dr || dc) && r >= 0 && r < rows && col >= 0 && col < cols) near.push_back(r * cols + col), c += mined[r * cols + col];
            }
        if (mined[i]) mineList.push_back(i);
        counts.push_back(mined[i] ? -1 : c);
        around.push_back(near);
    }
    const std::string N = std::to_string(n), M = std::to_string(mines);
    state["mines"] = mineList;
    state["counts"] = counts;
    state["around"] = around;
    state["opened"] = Json(std::vector<Json>(n, Json(false)));
    state["flags"] = Json(std::vector<Json>(n, Json(false)));
    state["sweep"] = Json{{"over", false}, {"won", false}, {"flagging", false}};
    state["cells"] = Json(std::vector<Json>(n, Json("")));
    state["moves"] = 0;
    const std::string at = "event.index";
    Json open = Json::array({Json{{"set", "opened.${" + at + "}"}, {"value", true}}});
    // A cell with no mine around opens its neighbours; as many passes as the board is wide reach the whole clearing.
    for (int pass = 0; pass < std::max(rows, cols); ++pass)
        open.push_back(Json{{"set", "opened"}, {"value", "${map(range(" + N + "), i => opened[i] || some(around[i], j => opened[j] && counts[j] == 0))}"}});
    const Json boom = Json::array({Json{{"set", "sweep.over"}, {"value", true}}, Json{{"set", "opened"}, {"value", "${map(range(" + N + "), i => opened[i] || counts[i] < 0)}"}},
                                   Json{{"toast", "Boom! Game over"}, {"tone", "danger"}}});
    const Json cleared = Json::array({Json{{"set", "sweep.won"}, {"value", true}}, Json{{"toast", "Cleared! You found every mine"}, {"tone", "success"}}});
    open.push_back(Json{{"if", "${count(filter(opened, o => !o)) == " + M + "}"}, {"then", cleared}});
    const Json reveal = Json::array({Json{{"if", "${counts[" + at + "] < 0}"}, {"then", boom}, {"else", open}}});
    Json press = Json::array({Json{{"inc", "moves"}},
                              Json{{"if", "${sweep.flagging}"},
                                   {"then", Json::array({Json{{"if", "${!opened[" + at + "]}"}, {"then", Json::array({Json{{"set", "flags.${" + at + "}"}, {"value", "${!flags[" + at + "]}"}}})}}})},
                                   {"else", Json::array({Json{{"if", "${!flags[" + at + "]}"}, {"then", reveal}}})}},
                              Json{{"set", "cells"},
                                   {"value", "${map(range(" + N + "), i => opened[i] ? (counts[i] < 0 ? 'Mine' : counts[i] == 0 ? '\u00B7' : str(counts[i])) : flags[i] ? 'Flag' : '')}"}}});
    body.push_back(Json{{"grid", Json::array({statTile("minesLeft", "Mines left", "${" + M + " - count(filter(flags, f => f))}", "flag"),
                                              statTile("openedCount", "Opened", "${count(filter(opened, o => o))} of " + std::to_string(n - mines), "th")})},
                        {"cols", 2}, {"id", "scoreboard"}});
    labelled.emplace_back("minesLeft", "counter mines left flags remaining");
    body.push_back(Json{{"heading", "${sweep.over ? 'Game over' : sweep.won ? 'You win!' : sweep.flagging ? 'Tap a cell to flag it' : 'Tap a cell to open it'}"},
                        {"id", "gameStatus"}});
    labelled.emplace_back("gameStatus", "game over ends win mine reveal");
    body.push_back(Json{{"cell_grid", cols}, {"id", "board"}, {"bind", "cells"}, {"paint", ""}, {"enabled", "${!sweep.over && !sweep.won}"},
                        {"colors", Json{{"Mine", "danger"}, {"Flag", "warning"}, {"\u00B7", "#CBD5E1"}, {"1", "info"}, {"2", "success"}, {"3", "brand"},
                                        {"4", "danger"}, {"5", "danger"}, {"6", "danger"}, {"7", "danger"}, {"8", "danger"}}},
                        {"on", {{"press", press}}}});
    labelled.emplace_back("board", "board grid cells cell clicking reveals reveal open mines");
    body.push_back(Json{{"switch", "Flag mode"}, {"id", "flagMode"}, {"bind", "sweep.flagging"}, {"desc", "Tap cells to flag where you think mines are"}});
    labelled.emplace_back("flagMode", "flag flags mode right-click places");
}

// How many ways the 9x9 grid can be completed, counting no further than `limit`. The square with the fewest
// digits left goes first, which keeps the search to a few hundred steps.
int sudokuSolutions(std::vector<int>& g, int limit) {
    int best = -1, bestMask = 0, bestCount = 10;
    for (int at = 0; at < 81; ++at) {
        if (g[at]) continue;
        const int r = at / 9, c = at % 9, br = r / 3 * 3, bc = c / 3 * 3;
        int used = 0;
        for (int k = 0; k < 9; ++k) used |= 1 << g[r * 9 + k] | 1 << g[k * 9 + c] | 1 << g[(br + k / 3) * 9 + bc + k % 3];
        const int mask = ~used & 0x3FE, count = static_cast<int>(std::bitset<10>(static_cast<unsigned>(mask)).count());
        if (count < bestCount) best = at, bestMask = mask, bestCount = count;
        if (count == 0) return 0;
    }
    if (best < 0) return 1;
    int found = 0;
    for (int v = 1; v <= 9 && found < limit; ++v)
        if (bestMask & (1 << v)) {
            g[best] = v;
            found += sudokuSolutions(g, limit - found);
            g[best] = 0;
        }
    return found;
}

// Puzzle `game` of a fixed series: a solved grid (the classic shifted pattern with its digits, bands and rows
// permuted per game), then clues taken away in a fixed scatter while the answer stays the only one.
std::pair<std::vector<int>, std::vector<int>> sudokuPuzzle(int game) {
    static const int digitOrders[3][9] = {{5, 3, 4, 6, 7, 8, 9, 1, 2}, {8, 1, 9, 2, 5, 7, 3, 4, 6}, {2, 7, 6, 4, 9, 1, 8, 5, 3}};
    static const int rowOrders[3][9] = {{0, 1, 2, 3, 4, 5, 6, 7, 8}, {4, 3, 5, 1, 0, 2, 7, 8, 6}, {8, 6, 7, 2, 1, 0, 5, 3, 4}};
    std::vector<int> solution(81);
    for (int r = 0; r < 9; ++r)
        for (int c = 0; c < 9; ++c) {
            const int row = rowOrders[game % 3][r];
            solution[r * 9 + c] = digitOrders[game % 3][(row * 3 + row / 3 + c) % 9];
        }
    std::vector<int> puzzle = solution;
    int holes = 0;
    for (int k = 0, at = (game * 17 + 5) % 81; k < 81 && holes < 46; ++k, at = (at + 29) % 81) {
        const int kept = puzzle[at];
        puzzle[at] = 0;
        std::vector<int> trial = puzzle;
        if (sudokuSolutions(trial, 2) == 1) ++holes;
        else puzzle[at] = kept;
    }
    return {puzzle, solution};
}

// Sudoku: three puzzles with one answer each. The player picks a digit and taps a square to write it (the same
// digit again erases it); clues cannot be changed, "Check" shows the squares that differ from the answer (live
// from then on), a full correct grid wins, and "New game" deals the next puzzle.
void composeSudoku(Draft& d, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const auto digits = [](const std::vector<int>& g) {
        Json out = Json::array();
        for (int v : g) out.push_back(v ? std::to_string(v) : "");
        return out;
    };
    Json puzzles = Json::array(), solutions = Json::array();
    for (int game = 0; game < 3; ++game) {
        const auto [puzzle, solution] = sudokuPuzzle(game);
        puzzles.push_back(digits(puzzle));
        solutions.push_back(digits(solution));
    }
    state["puzzles"] = puzzles;
    state["solutions"] = solutions;
    state["cells"] = puzzles[0];
    state["sudoku"] = Json{{"game", 0}, {"checked", false}};
    state["brush"] = "1";
    state["moves"] = 0;
    const std::string wrong = "map(range(81), i => cells[i] != '' && cells[i] != solutions[sudoku.game][i])";
    const std::string solved = "every(range(81), i => cells[i] == solutions[sudoku.game][i])";
    body.push_back(Json{{"heading", "${" + solved + " ? 'Solved!' : 'Pick a number, then tap a square'}"}, {"id", "gameStatus"}});
    labelled.emplace_back("gameStatus", "win won solved finish complete");
    Json colors = Json::object();
    for (int v = 1; v <= 9; ++v) colors[std::to_string(v)] = "brand";
    body.push_back(Json{{"cell_grid", 9}, {"id", "board"}, {"bind", "cells"}, {"paint", "${brush}"}, {"colors", colors},
                        {"locked", "${map(puzzles[sudoku.game], v => v != '')}"}, {"marked", "${sudoku.checked ? " + wrong + " : []}"},
                        {"on", {{"press", Json::array({Json{{"inc", "moves"}},
                                                       Json{{"if", "${" + solved + "}"}, {"then", Json::array({Json{{"toast", "Solved! Every square is right"}, {"tone", "success"}}})}}})}}}});
    labelled.emplace_back("board", "board grid 9x9 squares square cells cell sudoku puzzle");
    Json keypad = Json::array();
    for (int v = 1; v <= 9; ++v) keypad.push_back(std::to_string(v));
    body.push_back(Json{{"chips", keypad}, {"id", "numberPad"}, {"bind", "brush"}});
    labelled.emplace_back("numberPad", "number numbers input digit digits keypad pad enter pick");
    body.push_back(Json{{"grid", Json::array({statTile("filledCount", "Filled", "${count(filter(cells, c => c != ''))} of 81", "th"),
                                              statTile("mistakeCount", "Mistakes", "${sudoku.checked ? count(filter(" + wrong + ", w => w)) : '–'}", "times-circle")})},
                        {"cols", 2}, {"id", "scoreboard"}});
    labelled.emplace_back("mistakeCount", "mistakes errors wrong count");
    body.push_back(Json{{"button", "Check"}, {"id", "checkButton"}, {"icon", "check"},
                        {"on", {{"press", Json::array({Json{{"set", "sudoku.checked"}, {"value", true}},
                                                       Json{{"if", "${count(filter(" + wrong + ", w => w)) == 0}"},
                                                            {"then", Json::array({Json{{"toast", "No mistakes so far"}, {"tone", "success"}}})},
                                                            {"else", Json::array({Json{{"toast", "The red squares are wrong"}, {"tone", "danger"}}})}}})}}}});
    labelled.emplace_back("checkButton", "check button highlights highlight mistakes errors verify validate");
}

void composeGrid(Draft& d, const std::string& low, const std::vector<ListedItems>& lists, Json& body,
                 std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const ListedItems* rowList = nullptr;
    const ListedItems* palette = nullptr;
    // "a snake game with arrow key controls, score and speed": what a game comes with is its features, not paints.
    const auto features = [](const ListedItems& l) {
        return std::any_of(l.items.begin(), l.items.end(), [](const std::string& item) {
            return hasWord(wordsIn(item), {"score", "scores", "counter", "timer", "controls", "control", "speed", "level", "levels", "lives", "button",
                                           "leaderboard", "highscore", "high-score", "moves", "restart", "pause"});
        });
    };
    for (const ListedItems& l : lists) {
        if (!rowList && headSays(l, {"rows", "row", "tracks", "track", "lanes", "lane", "players", "teams", "tables"})) rowList = &l;
        else if (!palette && !features(l)) palette = &l;
    }
    auto [rows, cols] = boardSize(low, rowList ? (int)rowList->items.size() : 0);
    if (rows * cols > 1024) rows = 1024 / cols;
    // A board game known by name is played in turns whatever else the request lists ("four in a row horizontally,
    // vertically or diagonally" names no paints).
    const bool namedGame = ticTacToe(low) || connectFour(low) || saysAny(low, {"gomoku"});
    if (const int k = lineToWin(low, rows, cols); k > 0 && (!palette || namedGame) && rows * cols <= 400)
        return composeTurnBoard(d, low, rows, cols, k, body, labelled);
    if (saysAny(low, {"snake"}) && saysAny(low, {"game", "play", "score", "food"})) return composeSnake(d, low, rows, cols, body, labelled);
    if (saysAny(low, {"minesweeper"}) || (saysAny(low, {"mine", "mines"}) && saysAny(low, {"reveal", "reveals", "flag", "flags"})))
        return composeMinesweeper(d, low, rows, cols, body, labelled);
    if (saysAny(low, {"sudoku"})) return composeSudoku(d, body, labelled);
    const bool findsPairs = saysAny(low, {"memory", "concentration"}) || (saysAny(low, {"matching", "match", "pairs"}) && saysAny(low, {"card", "cards", "tile", "tiles"}));
    if (findsPairs && saysAny(low, {"game", "games", "play", "puzzle"})) return composeMemoryBoard(d, low, memoryCards(low, rows, cols), body, labelled);
    const std::string noun = cellNoun(low);
    const bool game = saysAny(low, {"game", "play", "move", "moves", "puzzle", "turn"});
    state["cells"] = Json(std::vector<Json>(rows * cols, palette ? Json("") : Json(false)));
    state["moves"] = 0;
    state["lastCell"] = 0;

    Json grid = Json{{"cell_grid", cols}, {"id", "board"}, {"bind", "cells"},
                     {"on", {{"press", Json::array({Json{{"inc", "moves"}}, Json{{"set", "lastCell"}, {"value", "${event.index + 1}"}}})}}}};
    if (rowList) {
        Json labels = Json::array();
        for (const std::string& r : rowList->items) labels.push_back(capitalized(r));
        grid["rows"] = labels;
        labelled.emplace_back("board", rowList->head + " " + std::string(labels.dump()));
    }
    if (palette) {
        Json options = Json::array();
        for (const std::string& item : palette->items) options.push_back(capitalized(item));
        state["brush"] = options.front();
        grid["paint"] = "${brush}";
        body.push_back(Json{{"chips", options}, {"id", "palette"}, {"bind", "brush"}});
        labelled.emplace_back("palette", palette->head + " " + options.dump());
    }
    labelled.emplace_back("board", noun + " grid board cells " + pluralOf(noun));
    body.push_back(grid);

    // Live counters: each palette item, or each labelled row, else filled and empty cells.
    Json tiles = Json::array();
    if (palette)
        for (size_t i = 0; i < palette->items.size() && i < 4; ++i)
            tiles.push_back(statTile("count" + std::to_string(i), palette->items[i],
                                     "${count(filter(cells, c => c == " + exprString(capitalized(palette->items[i])) + "))}", "th"));
    else if (rowList)
        for (size_t r = 0; r < rowList->items.size() && r < 4; ++r)
            tiles.push_back(statTile("count" + std::to_string(r), rowList->items[r],
                                     "${count(filter(slice(cells, " + std::to_string(r * cols) + ", " + std::to_string((r + 1) * cols) + "), c => c))} on", "th"));
    const std::string filled = palette ? "count(filter(cells, c => c != ''))" : "count(filter(cells, c => c))";
    if (tiles.size() < 2) tiles.push_back(statTile("filledCount", pluralOf(noun), "${" + filled + "} of " + std::to_string(rows * cols), "th-large"));
    tiles.push_back(statTile("moveCount", game ? "Moves" : "Changes", "${moves}", "hand-pointer-o"));
    body.push_back(Json{{"grid", tiles}, {"cols", d.wide() ? std::min<int>((int)tiles.size(), 4) : 2}});
    body.push_back(Json{{"text", capitalized(noun) + " ${lastCell}"}, {"style", "caption"}, {"muted", true}, {"visible", "${lastCell > 0}"}});
    labelled.emplace_back("moveCount", "count total moves changes");
}

//-----------------------------------------------------------------------------
// [SECTION] Calculator or configurator
//-----------------------------------------------------------------------------

bool moneyItem(const std::string& item) {
    return saysAny(item, {"bill", "cost", "costs", "price", "rate", "fee", "fees", "budget", "income", "amount", "loan", "principal", "salary",
                          "rent", "deposit", "incentives", "payment", "savings", "profit", "revenue", "total", "tip", "balance", "value"});
}

bool choiceItem(const std::string& item) {
    return saysAny(item, {"colour", "color", "material", "direction", "type", "style", "finish", "model", "shape", "fabric", "groupset", "wheels",
                          "handlebar", "frame", "size", "flavor", "flavour", "plan", "tier", "level"}) && !saysAny(item, {"system", "number"});
}

// Options for a choice the request names without listing them: plain grades of it, never a placeholder letter.
Json choicesFor(const std::string& item) {
    if (saysAny(item, {"colour", "color"})) return Json::array({"White", "Black", "Blue"});
    if (saysAny(item, {"size", "frame"})) return Json::array({"Small", "Medium", "Large"});
    if (saysAny(item, {"direction"})) return Json::array({"North", "East", "South", "West"});
    if (saysAny(item, {"plan", "tier", "level"})) return Json::array({"Basic", "Plus", "Pro"});
    return Json::array({"Standard", "Premium", "Custom"});
}

// Units a converter knows, each with its size in the category's base unit (temperatures are converted by formula).
struct UnitCategory {
    const char* name;                                     // "Length"
    std::vector<const char*> words;                       // request words that name it
    std::vector<std::pair<const char*, double>> units;    // the first two are the default from / to
};

const std::vector<UnitCategory>& unitCategories() {
    static const std::vector<UnitCategory> all = {
        {"Length", {"length", "lengths", "distance", "distances"}, {{"m", 1}, {"ft", 0.3048}, {"km", 1000}, {"cm", 0.01}, {"mm", 0.001}, {"mi", 1609.344}, {"yd", 0.9144}, {"in", 0.0254}}},
        {"Weight", {"weight", "weights", "mass"}, {{"kg", 1}, {"lb", 0.45359237}, {"g", 0.001}, {"oz", 0.028349523125}, {"t", 1000}, {"st", 6.35029318}}},
        {"Temperature", {"temperature", "temperatures"}, {{"\u00b0C", 1}, {"\u00b0F", 1}, {"K", 1}}},
        {"Volume", {"volume", "volumes", "liquid"}, {{"L", 1}, {"gal", 3.785411784}, {"mL", 0.001}, {"cup", 0.2365882365}, {"fl oz", 0.0295735295625}, {"m\u00b3", 1000}}},
        {"Area", {"area", "areas"}, {{"m\u00b2", 1}, {"ft\u00b2", 0.09290304}, {"km\u00b2", 1e6}, {"ha", 1e4}, {"acre", 4046.8564224}}},
        {"Speed", {"speed", "speeds", "velocity"}, {{"km/h", 1}, {"mph", 1.609344}, {"m/s", 3.6}, {"knot", 1.852}}},
        {"Time", {"time", "duration", "durations"}, {{"min", 60}, {"h", 3600}, {"s", 1}, {"day", 86400}, {"week", 604800}}},
        {"Data", {"data", "storage", "bytes", "file size"}, {{"MB", 1e6}, {"GB", 1e9}, {"B", 1}, {"KB", 1e3}, {"TB", 1e12}}},
    };
    return all;
}

// "a recipe scaler": the recipe's ingredients with their amounts, the servings it was written for and the servings
// wanted, and every amount scaled as the servings change; ingredients can be added and removed. False for a scaler
// of something other than a recipe.
bool composeRecipeScaler(Draft& d, const std::string& low, Json& body, std::vector<std::pair<std::string, std::string>>& labelled, Json& snapshot) {
    if (!saysAny(low, {"recipe", "recipes", "ingredient", "ingredients"}) || !saysAny(low, {"scale", "scaler", "scales", "scaled", "scaling", "servings", "serving", "portions"}))
        return false;
    Json& state = d.spec["state"];
    // The sample recipe is of the kind the request names (a cocktail is no pancake batter); else numbered ingredients.
    struct Ingredient { const char* name; double amount; const char* unit; };
    static const std::vector<std::pair<std::vector<const char*>, std::vector<Ingredient>>> recipes = {
        {{"cocktail", "cocktails", "drink", "drinks", "bar", "punch", "mocktail", "mocktails"},
         {{"Gin", 50, "ml"}, {"Lime juice", 25, "ml"}, {"Simple syrup", 15, "ml"}, {"Soda water", 100, "ml"}, {"Bitters", 2, "dashes"}}},
        {{"bake", "baking", "bakery", "cake", "cakes", "pancake", "pancakes", "cookie", "cookies", "bread", "muffin", "muffins"},
         {{"Flour", 250, "g"}, {"Milk", 300, "ml"}, {"Eggs", 2, ""}, {"Sugar", 30, "g"}, {"Butter", 40, "g"}}}};
    Json ingredients = Json::array();
    for (const auto& [words, list] : recipes)
        if (ingredients.empty() && std::any_of(words.begin(), words.end(), [&](const char* w) { return saysAny(low, {w}); }))
            for (const Ingredient& i : list) ingredients.push_back(Json{{"name", i.name}, {"amount", i.amount}, {"unit", i.unit}});
    if (ingredients.empty())
        for (int i = 1; i <= 4; ++i) ingredients.push_back(Json{{"name", "Ingredient " + std::to_string(i)}, {"amount", 100 * i}, {"unit", i % 2 ? "g" : "ml"}});
    state["ingredients"] = ingredients;
    state["servings"] = Json{{"from", 4}, {"to", 6}};
    state["newIngredient"] = Json{{"name", ""}, {"amount", 0}, {"unit", ""}};
    body.push_back(Json{{"grid", Json::array({Json{{"stepper", "Recipe serves"}, {"id", "servingsFrom"}, {"bind", "servings.from"}, {"min", 1}, {"max", 48}},
                                              Json{{"stepper", "Servings wanted"}, {"id", "servingsTo"}, {"bind", "servings.to"}, {"min", 1}, {"max", 48}}})},
                        {"cols", 2}, {"id", "servingsInputs"}});
    labelled.emplace_back("servingsInputs", "servings serving number original new choose portions people");
    const std::string scaled = "round(i.amount * servings.to / servings.from, 1)";
    body.push_back(Json{{"list", Json::array({Json{{"item", "${i.name}"}, {"subtitle", "${i.amount} ${i.unit} in the recipe"},
                                                   {"trailing", "${" + scaled + "} ${i.unit}"},
                                                   {"repeat", Json{{"in", "${ingredients}"}, {"as", "i"}, {"empty", Json{{"text", "No ingredients yet"}, {"muted", true}}}}}}})},
                        {"title", "Ingredients for ${servings.to}"}, {"id", "scaledIngredients"}});
    labelled.emplace_back("scaledIngredients", "ingredients ingredient amounts amount scaled scale every quantities");
    body.push_back(Json{{"card", Json::array({Json{{"row", Json::array({Json{{"input", "Ingredient"}, {"id", "ingredientName"}, {"bind", "newIngredient.name"}, {"grow", 2}},
                                                                        Json{{"input", "Amount"}, {"id", "ingredientAmount"}, {"kind", "number"}, {"bind", "newIngredient.amount"}, {"grow", 1}},
                                                                        Json{{"input", "Unit"}, {"id", "ingredientUnit"}, {"bind", "newIngredient.unit"}, {"placeholder", "g or ml"}, {"grow", 1}}})},
                                                   {"valign", "top"}},
                                              Json{{"row", Json::array({Json{{"button", "Add ingredient"}, {"id", "addIngredient"}, {"icon", "plus"},
                                                                             {"enabled", "${trim(newIngredient.name) != '' && newIngredient.amount > 0}"},
                                                                             {"on", {{"press", Json::array({Json{{"push", "ingredients"}, {"value", Json{{"name", "${trim(newIngredient.name)}"},
                                                                                                                                                        {"amount", "${newIngredient.amount}"},
                                                                                                                                                        {"unit", "${trim(newIngredient.unit)}"}}}},
                                                                                                            Json{{"reset", "newIngredient"}}})}}}},
                                                                        Json{{"button", "Remove last"}, {"id", "removeIngredient"}, {"variant", "ghost"}, {"icon", "trash"},
                                                                             {"enabled", "${count(ingredients) > 0}"}, {"on", {{"press", Json{{"remove", "ingredients"}}}}}}})}}})},
                        {"title", "Add an ingredient"}, {"id", "ingredientForm"}});
    labelled.emplace_back("ingredientForm", "enter add ingredient ingredients amounts units recipe");
    snapshot = Json{{"title", "Serves ${servings.to}"}, {"detail", "${count(ingredients)} ingredients"}};
    return true;
}

// "a unit converter for length, weight and temperature": a category to pick, a value, from and to units, and the
// result as the value is typed. False when the request names no unit category (a converter of something else).
bool composeConverter(Draft& d, const std::string& low, Json& body, std::vector<std::pair<std::string, std::string>>& labelled, Json& snapshot) {
    if (!saysAny(low, {"converter", "convert", "converts", "conversion", "conversions"})) return false;
    std::vector<const UnitCategory*> asked;
    for (const UnitCategory& c : unitCategories())
        for (const char* w : c.words)
            if (saysAny(low, {w}) || (std::strchr(w, ' ') && low.find(w) != std::string::npos)) {
                asked.push_back(&c);
                break;
            }
    // "a simple unit converter" names none: the three people convert most.
    if (asked.empty() && saysAny(low, {"unit", "units", "metric", "imperial"}))
        for (const UnitCategory& c : unitCategories())
            if (std::string(c.name) == "Length" || std::string(c.name) == "Weight" || std::string(c.name) == "Temperature") asked.push_back(&c);
    if (asked.empty()) return false;
    Json units = Json::object(), names = Json::array();
    for (const UnitCategory* c : asked) {
        names.push_back(c->name);
        for (const auto& [unit, size] : c->units) units[c->name][unit] = size;
    }
    const UnitCategory& first = *asked.front();
    d.spec["state"]["units"] = units;
    d.spec["state"]["conv"] = Json{{"category", first.name}, {"value", 1}, {"from", first.units[0].first}, {"to", first.units[1].first}};
    // A new category starts on its own first two units.
    const Json pick = Json::array({Json{{"set", "conv.from"}, {"value", "${keys(units[conv.category])[0]}"}}, Json{{"set", "conv.to"}, {"value", "${keys(units[conv.category])[1]}"}}});
    if (asked.size() > 1) {
        body.push_back(Json{{"segmented", names}, {"id", "categoryPicker"}, {"bind", "conv.category"}, {"change", pick}});
        labelled.emplace_back("categoryPicker", "category categories pick choose " + lowerText(names.dump()));
    }
    body.push_back(Json{{"input", "Value"}, {"id", "valueInput"}, {"kind", "number"}, {"bind", "conv.value"}});
    labelled.emplace_back("valueInput", "value enter enters type amount number");
    body.push_back(Json{{"row", Json::array({Json{{"select", "From"}, {"id", "fromUnit"}, {"options", "${keys(units[conv.category])}"}, {"bind", "conv.from"}, {"grow", 1}},
                                             Json{{"button", ""}, {"icon", "exchange"}, {"id", "swapUnits"}, {"variant", "ghost"},
                                                  {"press", Json{{"set", Json{{"conv.from", "${conv.to}"}, {"conv.to", "${conv.from}"}}}}}},  // one set: both read before either is written
                                             Json{{"select", "To"}, {"id", "toUnit"}, {"options", "${keys(units[conv.category])}"}, {"bind", "conv.to"}, {"grow", 1}}})},
                        {"gap", 8}, {"valign", "bottom"}});
    labelled.emplace_back("fromUnit", "source unit units from choose chooses");
    labelled.emplace_back("toUnit", "target unit units to choose chooses");
    // Linear units scale through the category's base unit; temperatures go through kelvin.
    const std::string kelvin = "(conv.from == '\u00b0C' ? conv.value + 273.15 : conv.from == '\u00b0F' ? (conv.value - 32) * 5 / 9 + 273.15 : conv.value)";
    const std::string temperature = "(conv.to == '\u00b0C' ? " + kelvin + " - 273.15 : conv.to == '\u00b0F' ? (" + kelvin + " - 273.15) * 9 / 5 + 32 : " + kelvin + ")";
    const std::string result = "(conv.category == 'Temperature' ? " + temperature + " : conv.value * units[conv.category][conv.from] / units[conv.category][conv.to])";
    const std::string shown = "round(" + result + " * 10000) / 10000";
    body.push_back(Json{{"stat", "Result"}, {"id", "result"}, {"value", "${" + shown + "} ${conv.to}"}, {"caption", "${conv.value} ${conv.from} ="}, {"icon", "calculator"}});
    labelled.emplace_back("result", "result results see sees shown immediately converted output");
    snapshot = Json{{"title", "${conv.value} ${conv.from} = ${" + shown + "} ${conv.to}"}, {"detail", "${conv.category}"}};
    return true;
}

// Calculators whose arithmetic everyone agrees on: the subject picks one, and its results are the real formula's, not
// the mock model below (a loan of 100,000 at 6% over 30 years pays 599.55 a month).
struct FormulaInput {
    const char* key;     // calc.<key>
    const char* label;   // as people name it
    double value;        // a believable start
    const char* prefix;  // "$" for money, else ""
    const char* suffix;  // "%", "years", "kg", ...
};
struct FormulaOutput {
    const char* label;
    const char* expr;              // over calc.*, may use the formula's `let` names
    const char* shown;             // "money", "number", "month" or "text"
    const char* asked = nullptr;   // shown only when the request says this word
};
struct KnownFormula {
    std::vector<const char*> subjects;   // words naming the calculator ("loan", "mortgage")
    std::vector<FormulaInput> inputs;
    std::vector<std::pair<const char*, const char*>> lets;  // names for parts of the outputs, in order
    std::vector<FormulaOutput> outputs;
    const char* invalid;                  // when the inputs give no answer
    const char* invalidText;
};

const std::vector<KnownFormula>& knownFormulas() {
    static const std::vector<KnownFormula> all = {
        {{"loan", "loans", "mortgage", "mortgages", "amortization", "amortisation"},
         {{"amount", "Loan amount", 250000, "$", ""}, {"rate", "Interest rate", 6, "", "% a year"}, {"years", "Term", 30, "", "years"}},
         {{"i", "calc.rate / 1200"}, {"n", "calc.years * 12"}, {"pay", "(calc.rate == 0 ? calc.amount / n : calc.amount * i / (1 - pow(1 + i, -n)))"}},
         {{"Monthly payment", "pay", "money"}, {"Total paid", "pay * n", "money"}, {"Total interest", "pay * n - calc.amount", "money"},
          {"Payoff date", "n * 30.44", "month", "payoff"}},
         "calc.amount <= 0 || calc.rate < 0 || calc.years <= 0", "Enter a loan amount and a term above zero and a rate of 0% or more"},
        {{"tip", "tips", "gratuity", "bill+splitter", "bill+split"},
         {{"bill", "Bill amount", 80, "$", ""}, {"percent", "Tip", 15, "", "%"}, {"people", "Split between", 2, "", "people"}},
         {{"tip", "calc.bill * calc.percent / 100"}},
         {{"Tip", "tip", "money"}, {"Total", "calc.bill + tip", "money"}, {"Per person", "(calc.bill + tip) / calc.people", "money"}},
         "calc.bill < 0 || calc.percent < 0 || calc.people < 1", "Enter a bill of 0 or more, a tip of 0% or more and at least one person"},
        {{"bmi", "body-mass"},
         {{"weight", "Weight", 70, "", "kg"}, {"height", "Height", 175, "", "cm"}},
         {{"bmi", "calc.weight / pow(calc.height / 100, 2)"}},
         {{"BMI", "bmi", "number"}, {"Category", "bmi < 18.5 ? 'Underweight' : bmi < 25 ? 'Healthy weight' : bmi < 30 ? 'Overweight' : 'Obese'", "text"}},
         "calc.weight <= 0 || calc.height <= 0", "Enter a weight and a height above zero"},
        // Walls of a room less its doors and windows (the usual 1.9 m2 and 1.5 m2), coats, and a litre covering 10 m2.
        {{"paint", "painting"},
         {{"length", "Room length", 4, "", "m"}, {"width", "Room width", 3, "", "m"}, {"height", "Wall height", 2.4, "", "m"},
          {"doors", "Doors", 1, "", ""}, {"windows", "Windows", 1, "", ""}, {"coats", "Coats", 2, "", ""}},
         {{"area", "max(2 * (calc.length + calc.width) * calc.height - calc.doors * 1.9 - calc.windows * 1.5, 0)"}},
         {{"Wall area (m²)", "area", "number"}, {"Paint (litres)", "area * calc.coats / 10", "number"}},
         "calc.length <= 0 || calc.width <= 0 || calc.height <= 0 || calc.doors < 0 || calc.windows < 0 || calc.coats < 1",
         "Enter a length, width and height above zero, doors and windows of 0 or more and at least one coat"},
        {{"unit-price", "unit+price", "price+per"},
         {{"priceA", "Price of A", 3.5, "$", ""}, {"sizeA", "Size of A", 500, "", "g"}, {"priceB", "Price of B", 5.2, "$", ""}, {"sizeB", "Size of B", 800, "", "g"}},
         {{"perA", "calc.priceA / calc.sizeA * 100"}, {"perB", "calc.priceB / calc.sizeB * 100"}},
         {{"A per 100", "perA", "money"}, {"B per 100", "perB", "money"}, {"Better buy", "perA < perB ? 'A is cheaper' : perB < perA ? 'B is cheaper' : 'Same price'", "text"}},
         "calc.priceA < 0 || calc.priceB < 0 || calc.sizeA <= 0 || calc.sizeB <= 0", "Enter prices of 0 or more and sizes above zero"},
        {{"compound", "savings", "investment", "investments"},
         {{"principal", "Starting amount", 10000, "$", ""}, {"rate", "Annual return", 5, "", "%"}, {"years", "Years", 10, "", "years"}},
         {{"grown", "calc.principal * pow(1 + calc.rate / 100, calc.years)"}},
         {{"Final balance", "grown", "money"}, {"Interest earned", "grown - calc.principal", "money"}},
         "calc.principal < 0 || calc.years < 0", "Enter a starting amount and a number of years of 0 or more"},
    };
    return all;
}

// "a Roman numeral converter": one field that takes either a number (1 to 3999) or a numeral, the other form as the
// result, a message for anything else, and the last five conversions.
bool composeRomanNumerals(Draft& d, const std::string& low, Json& body, std::vector<std::pair<std::string, std::string>>& labelled, Json& snapshot) {
    if (!saysAny(low, {"roman"}) || !saysAny(low, {"numeral", "numerals", "number", "numbers"})) return false;
    const auto toRoman = [](const std::string& x) {
        return "['', 'M', 'MM', 'MMM'][floor(" + x + " / 1000)] + ['', 'C', 'CC', 'CCC', 'CD', 'D', 'DC', 'DCC', 'DCCC', 'CM'][floor(" + x + " % 1000 / 100)] + "
               "['', 'X', 'XX', 'XXX', 'XL', 'L', 'LX', 'LXX', 'LXXX', 'XC'][floor(" + x + " % 100 / 10)] + ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'][" + x + " % 10]";
    };
    // Worked out step by step as the text changes (one expression for it all would be too long to read).
    const std::string value = "{I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000}";
    const Json convert = Json::array({
        Json{{"set", "roman.t"}, {"value", "${upper(trim(str(roman.text)))}"}},
        // A numeral's value: each letter added, or taken away when a bigger one follows it ("IV").
        Json{{"set", "roman.fromRoman"}, {"value", "${sum(map(range(len(roman.t)), i => (" + value + "[roman.t[i]] < (" + value + "[roman.t[i + 1]] ?? 0) ? -1 : 1) * " + value + "[roman.t[i]]))}"}},
        Json{{"set", "roman.isNumber"}, {"value", "${str(num(roman.t)) == roman.t && num(roman.t) >= 1 && num(roman.t) <= 3999}"}},
        // Only the usual way of writing it counts ("IIII" and "VX" are no numerals): written back, it reads the same.
        Json{{"set", "roman.isRoman"}, {"value", "${!roman.isNumber && len(roman.t) > 0 && roman.fromRoman >= 1 && roman.fromRoman <= 3999 && " + toRoman("roman.fromRoman") + " == roman.t}"}},
        Json{{"set", "roman.result"}, {"value", "${roman.isNumber ? " + toRoman("num(roman.t)") + " : roman.isRoman ? str(roman.fromRoman) : ''}"}}});
    d.spec["state"]["roman"] = Json{{"text", "1994"}, {"t", "1994"}, {"fromRoman", 0}, {"isNumber", true}, {"isRoman", false}, {"result", "MCMXCIV"}, {"history", Json::array()}};
    body.push_back(Json{{"input", "Number or Roman numeral"}, {"id", "romanInput"}, {"bind", "roman.text"}, {"placeholder", "1994 or MCMXCIV"}, {"on", {{"change", convert}}}});
    labelled.emplace_back("romanInput", "type enter number numeral input arabic roman");
    body.push_back(Json{{"grid", Json::array({statTile("romanResult", "${roman.isNumber ? 'Roman numeral' : 'Number'}", "${roman.result}", "exchange")})},
                        {"cols", 1}, {"id", "results"}, {"visible", "${roman.result != ''}"}});
    labelled.emplace_back("romanResult", "result roman numeral arabic number shows converted");
    body.push_back(Json{{"card", Json::array({Json{{"row", Json::array({Json{{"icon", "exclamation-circle"}, {"color", "danger"}},
                                                                         Json{{"text", "Enter a whole number from 1 to 3999 or a Roman numeral such as XLII"}, {"grow", 1}}})}}})},
                        {"id", "inputError"}, {"tone", "danger"}, {"visible", "${roman.t != '' && roman.result == ''}"}});
    labelled.emplace_back("inputError", "error invalid message out of range");
    body.push_back(Json{{"button", "Save conversion"}, {"id", "saveConversion"}, {"icon", "history"}, {"enabled", "${roman.result != ''}"},
                        {"on", {{"press", Json{{"set", "roman.history"}, {"value", "${slice([{from: roman.t, to: roman.result}] + roman.history, 0, 5)}"}}}}}});
    labelled.emplace_back("saveConversion", "save keep conversion history");
    body.push_back(Json{{"section", Json::array({Json{{"list", Json::array({Json{{"item", "${h.from} = ${h.to}"}, {"icon", "exchange"},
                                                                               {"repeat", Json{{"in", "${roman.history}"}, {"as", "h"},
                                                                                               {"empty", Json{{"text", "No conversions yet"}, {"muted", true}}}}}}})}}})},
                        {"title", "Last five conversions"}, {"id", "conversionHistory"}});
    labelled.emplace_back("conversionHistory", "history last recent conversions five");
    snapshot = Json{{"title", "${roman.t}"}, {"detail", "${roman.result}"}};
    return true;
}

// A known formula's inputs, results and a plain error for inputs that give no answer. False when the subject names none.
bool composeFormula(Draft& d, const std::string& low, Json& body, std::vector<std::pair<std::string, std::string>>& labelled, Json& snapshot, Json& summaryRows) {
    const std::vector<std::string> subject = wordsIn(lowerText(requestSubject(d.reading.request.empty() ? low : d.reading.request)));
    // "unit+price": every one of those words.
    const auto says = [&](const std::string& words) {
        for (size_t from = 0, plus;; from = plus + 1) {
            plus = words.find('+', from);
            if (std::find(subject.begin(), subject.end(), words.substr(from, plus == std::string::npos ? std::string::npos : plus - from)) == subject.end()) return false;
            if (plus == std::string::npos) return true;
        }
    };
    const auto named = std::find_if(knownFormulas().begin(), knownFormulas().end(), [&](const KnownFormula& f) {
        return std::any_of(f.subjects.begin(), f.subjects.end(), [&](const char* w) { return says(w); });
    });
    if (named == knownFormulas().end()) return false;
    const KnownFormula& f = *named;
    Json& calc = d.spec["state"]["calc"] = Json::object();
    Json fields = Json::array();
    for (const FormulaInput& in : f.inputs) {
        calc[in.key] = in.value;
        const std::string id = std::string(in.key) + "Input";
        fields.push_back(Json{{"input", in.label}, {"id", id}, {"kind", "number"}, {"bind", std::string("calc.") + in.key}, {"prefix", in.prefix}, {"suffix", in.suffix}});
        labelled.emplace_back(id, lowerText(std::string(in.label) + " " + in.suffix + " " + in.key));
        summaryRows.push_back(Json{{"item", in.label}, {"trailing", std::string("${calc.") + in.key + "}"}});
    }
    body.push_back(Json{{"card", fields}, {"title", "Inputs"}});
    // The named parts are written out where they are used: expressions have no variables of their own.
    const auto expand = [&](std::string expr) {
        // Last first: a later part may use earlier ones ("pay" uses "i" and "n"), which are then written out in turn.
        for (auto it = f.lets.rbegin(); it != f.lets.rend(); ++it)
            expr = std::regex_replace(expr, std::regex(std::string("\\b") + it->first + "\\b(?![(.])"), std::string("(") + it->second + ")");
        return expr;
    };
    Json tiles = Json::array();
    for (size_t k = 0; k < f.outputs.size(); ++k) {
        const FormulaOutput& out = f.outputs[k];
        if (out.asked && !saysAny(low, {out.asked})) continue;
        const std::string expr = expand(out.expr), kind = out.shown;
        const std::string shown = kind == "money"    ? "${currency(" + expr + ")}"
                                  : kind == "number" ? "${number(" + expr + ", 1)}"
                                  : kind == "month"  ? "${date(addDays(today(), round(" + expr + ")), 'MMM YYYY')}"
                                                     : "${" + expr + "}";
        const std::string id = camelKey(out.label) + "Out";
        tiles.push_back(statTile(id, out.label, shown, k == 0 ? "calculator" : "line-chart"));
        labelled.emplace_back(id, lowerText(out.label) + " result results shows");
        summaryRows.push_back(Json{{"item", out.label}, {"trailing", shown}});
        snapshot[k == 0 ? "title" : "detail"] = std::string(out.label) + ": " + shown;
    }
    const std::string invalid = std::string("${") + f.invalid + "}";
    body.push_back(Json{{"grid", tiles}, {"cols", d.wide() ? std::min<int>((int)tiles.size(), 3) : 2}, {"id", "results"}, {"visible", "${!(" + std::string(f.invalid) + ")}"}});
    body.push_back(Json{{"card", Json::array({Json{{"row", Json::array({Json{{"icon", "exclamation-circle"}, {"color", "danger"}}, Json{{"text", f.invalidText}, {"grow", 1}}})}}})},
                        {"id", "inputError"}, {"tone", "danger"}, {"visible", invalid}});
    labelled.emplace_back("inputError", "error invalid negative message");
    return true;
}

void composeCalculator(Draft& d, const std::string& low, const std::vector<ListedItems>& lists, Json& body,
                       std::vector<std::pair<std::string, std::string>>& labelled, Json& snapshot, Json& summaryRows) {
    const ListedItems* inputs = nullptr;
    const ListedItems* outputs = nullptr;
    for (const ListedItems& l : lists) {
        const bool result = headSays(l, {"get", "gets", "see", "shows", "show", "watch", "returns", "gives", "outputs", "calculates", "then"});
        if (result && !outputs) outputs = &l;
        else if (!result && !inputs) inputs = &l;
    }
    std::vector<std::string> inputItems = inputs ? inputs->items : std::vector<std::string>{"amount", "quantity"};
    std::vector<std::string> outputItems = outputs ? outputs->items : std::vector<std::string>{};
    if (outputItems.empty())
        for (const char* word : {"total", "price", "cost", "savings", "payback", "profit", "weight", "payment", "interest", "area", "score"})
            if (saysAny(low, {word}) && outputItems.size() < 3) outputItems.push_back(word);
    if (outputItems.empty()) outputItems.push_back("result");

    Json& calc = d.spec["state"]["calc"] = Json::object();
    std::set<std::string> taken;
    // The mock model: every input adds a term, so every output moves with every input; a breakdown lists the terms.
    std::vector<std::pair<std::string, std::string>> terms;  // input label, its term
    Json fields = Json::array();
    for (size_t i = 0; i < inputItems.size() && i < 8; ++i) {
        const std::string& item = inputItems[i];
        const std::string key = keyFor(item, taken), path = "calc." + key, id = key + "Input";
        const std::string weight = std::to_string(i + 1);
        std::string term;
        if (size_t orAt = item.find(" or "); orAt != std::string::npos || choiceItem(item)) {
            Json options = orAt != std::string::npos ? Json::array({capitalized(item.substr(0, orAt)), capitalized(item.substr(orAt + 4))})
                                                     : choicesFor(item);
            calc[key] = options.front();
            fields.push_back(Json{{"segmented", options}, {"id", id}, {"label", capitalized(item)}, {"bind", path}});
            term = "(" + path + " == " + exprString(options.front().get<std::string>()) + " ? 0 : " + weight + "0)";
        } else if (saysAny(item, {"rush", "express", "extra", "insurance", "include", "warranty", "delivery"})) {
            calc[key] = false;
            fields.push_back(Json{{"switch", capitalized(item)}, {"id", id}, {"bind", path}});
            term = "(" + path + " ? " + weight + "5 : 0)";
        } else if (moneyItem(item)) {
            calc[key] = 100 * (int)(i + 1);
            fields.push_back(Json{{"input", capitalized(item)}, {"id", id}, {"kind", "number"}, {"icon", "dollar"}, {"bind", path}});
            term = path;
        } else {
            calc[key] = 4;
            fields.push_back(Json{{"stepper", capitalized(item)}, {"id", id}, {"min", 0}, {"max", 1000}, {"bind", path}});
            term = path + " * " + weight + "0";
        }
        terms.emplace_back(capitalized(item), term);
        labelled.emplace_back(id, item);
        summaryRows.push_back(Json{{"item", capitalized(item)}, {"trailing", "${" + path + "}"}});
    }
    body.push_back(Json{{"card", fields}, {"title", "Inputs"}});

    std::string model;
    for (const auto& term : terms) model += (model.empty() ? "(" : " + ") + term.second;
    model += ")";
    static const char* const kScale[] = {"1", "0.35", "12", "0.08", "3"};
    // How an output's value reads: a date, years, money or a plain number.
    const auto shownAs = [](const std::string& item, const std::string& expr) {
        return saysAny(item, {"date", "day", "year"}) && !moneyItem(item) ? "${date(addDays(today(), round(" + expr + ")), 'MMM YYYY')}"
               : saysAny(item, {"payback", "years", "year"}) ? "${number(" + expr + " / 100, 1)} years"
               : moneyItem(item)                             ? "${currency(" + expr + ")}"
                                                             : "${number(" + expr + ", 1)}";
    };
    Json tiles = Json::array();
    for (size_t k = 0; k < outputItems.size() && k < 5; ++k) {
        const std::string& item = outputItems[k];
        const std::string shown = shownAs(item, model + " * " + kScale[k]);
        const std::string id = camelKey(item) + "Out";
        tiles.push_back(statTile(id, item, shown, k == 0 ? "calculator" : "line-chart"));
        labelled.emplace_back(id, item);
        summaryRows.push_back(Json{{"item", capitalized(item)}, {"trailing", shown}});
        snapshot[k == 0 ? "title" : "detail"] = capitalized(item) + ": " + shown;
    }
    body.push_back(Json{{"grid", tiles}, {"cols", d.wide() ? std::min<int>((int)tiles.size(), 3) : 2}});
    const std::string& result = outputItems.front();
    // "a live price with a breakdown": what each input adds to the first result, and the result itself.
    if (saysAny(low, {"breakdown", "itemized", "itemised"})) {
        Json lines = Json::array();
        for (const auto& [label, term] : terms)
            lines.push_back(Json{{"row", Json::array({Json{{"text", label}, {"muted", true}, {"grow", 1}}, Json{{"text", shownAs(result, term)}}})}});
        lines.push_back(Json{{"divider", ""}});
        lines.push_back(Json{{"row", Json::array({Json{{"text", capitalized(result)}, {"style", "h3"}, {"grow", 1}}, Json{{"text", shownAs(result, model)}, {"style", "h3"}}})}});
        body.push_back(Json{{"card", lines}, {"title", capitalized(result) + " breakdown"}, {"id", "outputBreakdown"}});
        labelled.emplace_back("outputBreakdown", "breakdown itemized lines " + result);
    }
    if (saysAny(low, {"chart", "graph", "trend", "over"})) {
        body.push_back(Json{{"card", Json::array({Json{{"line_chart", "${map(range(1, 11), n => " + model + " * n)}"},
                                                        {"labels", Json::array({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"})}, {"h", 160}}})},
                            {"title", capitalized(result) + " over time"}, {"id", "outputChart"}});
        labelled.emplace_back("outputChart", "chart graph trend over time " + result);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Editor or designer
//-----------------------------------------------------------------------------

void composeEditor(Draft& d, const std::string& low, const std::vector<ListedItems>& lists, Json& body,
                   std::vector<std::pair<std::string, std::string>>& labelled, Json& snapshot, Json& summaryRows) {
    const ListedItems* fieldsList = nullptr;
    if (!lists.empty()) fieldsList = &lists.front();
    std::vector<std::string> items = fieldsList ? fieldsList->items : std::vector<std::string>{"title", "description"};
    Json& draftState = d.spec["state"]["design"] = Json::object();
    std::set<std::string> taken;
    Json fields = Json::array(), preview = Json::array();
    std::string titlePath;
    std::vector<std::string> paths;
    for (size_t i = 0; i < items.size() && i < 8; ++i) {
        const std::string& item = items[i];
        const std::string key = keyFor(item, taken), path = "design." + key, id = key + "Field";
        paths.push_back(path);
        const std::string kind = fieldKindFor(item, "");
        if (saysAny(item, {"art", "image", "photo", "picture", "logo", "placeholder", "illustration", "cover"})) {
            draftState[key] = capitalized(item);
            fields.push_back(Json{{"input", capitalized(item)}, {"id", id}, {"placeholder", "Caption"}, {"bind", path}});
            preview.insert(preview.begin(), Json{{"image", "${" + path + "}"}, {"h", 120}});
        } else if (kind == "money" || kind == "number") {
            draftState[key] = (int)i + 1;
            fields.push_back(Json{{"stepper", capitalized(item)}, {"id", id}, {"min", 0}, {"max", 99}, {"bind", path}});
            preview.push_back(Json{{"badge", capitalized(item) + " ${" + path + "}"}, {"tone", "brand"}});
        } else if (kind == "longtext" || saysAny(item, {"text", "rules", "body", "notes", "instructions"})) {
            draftState[key] = "";
            fields.push_back(Json{{"textarea", capitalized(item)}, {"id", id}, {"rows", 3}, {"bind", path}});
            preview.push_back(Json{{"text", "${" + path + " ?? ''}"}});
        } else {
            draftState[key] = titlePath.empty() ? "Untitled " + items.front() : "";
            fields.push_back(Json{{"input", capitalized(item)}, {"id", id}, {"bind", path}});
            preview.push_back(Json{{"text", "${" + path + "}"}, {"style", titlePath.empty() ? "h2" : "body"}});
            if (titlePath.empty()) titlePath = path;
        }
        labelled.emplace_back(id, item);
        summaryRows.push_back(Json{{"item", capitalized(item)}, {"trailing", "${" + path + "}"}});
    }
    const size_t detail = items.size() > 1 ? 1 : 0;
    snapshot["title"] = "${" + (titlePath.empty() ? paths.front() : titlePath) + "}";
    snapshot["detail"] = capitalized(items[detail]) + ": ${" + paths[detail] + "}";
    Json editorCard = Json{{"card", fields}, {"title", "Edit"}};
    Json previewCard = Json{{"card", preview}, {"title", "Live preview"}, {"id", "preview"}};
    labelled.emplace_back("preview", "live preview");
    if (d.wide()) body.push_back(Json{{"row", Json::array({Json{{"col", Json::array({editorCard})}, {"grow", 1}}, Json{{"col", Json::array({previewCard})}, {"grow", 1}}})}, {"valign", "top"}, {"gap", 16}});
    else {
        body.push_back(previewCard);
        body.push_back(editorCard);
    }
}


//-----------------------------------------------------------------------------
// [SECTION] Games
//-----------------------------------------------------------------------------

// A list literal of numbers ("[0, 1, 2]").
std::string listLiteral(const std::vector<int>& values) {
    std::string out = "[";
    for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + std::to_string(values[i]);
    return out + "]";
}

// One arrow of a board of n x n tiles: the lines of cell indexes read in the arrow's direction (the first cell is
// where tiles slide to) and, for any cell i, its line and its place on that line as expressions.
struct Arrow {
    const char* name;   // "Left"
    const char* icon;   // "arrow-left"
    std::string lines;  // "[[0, 1, 2, 3], ...]"
    std::string line;   // line of cell `i`
    std::string place;  // place of cell `i` on its line
    int neighbour;      // offset of the tile that slides into the gap (sliding puzzle)
    std::string canSlide;  // whether the gap at `game.gap` has that neighbour
};

std::vector<Arrow> arrowsFor(int n) {
    const std::string N = std::to_string(n), last = std::to_string(n - 1);
    auto linesOf = [&](bool byRow, bool reversed) {
        std::string out = "[";
        for (int l = 0; l < n; ++l) {
            std::vector<int> line;
            for (int k = 0; k < n; ++k) {
                const int at = reversed ? n - 1 - k : k;
                line.push_back(byRow ? l * n + at : at * n + l);
            }
            out += (l ? ", " : "") + listLiteral(line);
        }
        return out + "]";
    };
    const std::string row = "floor(i / " + N + ")", col = "i % " + N;
    return {{"Up", "arrow-up", linesOf(false, false), col, row, n, "game.gap < " + std::to_string(n * n - n)},
            {"Left", "arrow-left", linesOf(true, false), row, col, 1, "game.gap % " + N + " != " + last},
            {"Right", "arrow-right", linesOf(true, true), row, last + " - " + col, -1, "game.gap % " + N + " != 0"},
            {"Down", "arrow-down", linesOf(false, true), col, last + " - " + row, -n, "game.gap >= " + N}};
}

// The tiles as a board: one card per cell showing its number, an empty card for a gap (0).
Json tileBoard(int n) {
    Json tile = Json{{"card", Json::array({Json{{"text", "${t > 0 ? t : ''}"}, {"style", "h2"}, {"align", "center"}}})},
                     {"repeat", Json{{"in", "${cells}"}, {"as", "t"}}}};
    return Json{{"grid", Json::array({tile})}, {"cols", n}, {"id", "board"}};
}

// 2048: an arrow slides every tile to that side and merges equal neighbours once (4 + 4 -> 8, the score gains 8);
// a move that changed the board brings a new 2 into an empty cell. A line of four [a, b, c, d] (gaps removed, zeros
// after) merges as a == b, then b == c, then c == d; the fifth value is the score it gains.
Json mergeMove(const Arrow& a) {
    const std::string merge =
        "t[0] == t[1] ? [t[0] + t[1], t[2] == t[3] ? t[2] + t[3] : t[2], t[2] == t[3] ? 0 : t[3], 0, t[0] + t[1] + (t[2] == t[3] ? t[2] + t[3] : 0)]"
        " : t[1] == t[2] ? [t[0], t[1] + t[2], t[3], 0, t[1] + t[2]] : t[2] == t[3] ? [t[0], t[1], t[2] + t[3], 0, t[2] + t[3]] : [t[0], t[1], t[2], t[3], 0]";
    return Json::array({
        Json{{"set", "game.before"}, {"value", "${json(cells)}"}},
        Json{{"set", "game.lines"}, {"value", "${map(" + a.lines + ", l => filter(map(l, i => cells[i]), v => v > 0))}"}},
        Json{{"set", "game.lines"}, {"value", "${map(game.lines, t => [t[0] ?? 0, t[1] ?? 0, t[2] ?? 0, t[3] ?? 0])}"}},
        Json{{"set", "game.lines"}, {"value", "${map(game.lines, t => " + merge + ")}"}},
        Json{{"set", "cells"}, {"value", "${map(range(0, 16), i => game.lines[" + a.line + "][" + a.place + "])}"}},
        Json{{"if", "${json(cells) != game.before}"},
             {"then", Json::array({Json{{"inc", "score"}, {"by", "${sum(map(game.lines, t => t[4]))}"}}, Json{{"inc", "moves"}},
                                   Json{{"set", "game.gap"}, {"value", "${filter(range(0, 16), i => cells[i] == 0)[(moves * 7) % count(filter(cells, v => v == 0))]}"}},
                                   Json{{"set", "cells"}, {"value", "${map(range(0, 16), i => i == game.gap ? 2 : cells[i])}"}}})}}});
}

// Sliding puzzle: an arrow moves the tile beside the gap into it, when there is one on that side.
Json slideMove(const Arrow& a, int n) {
    const std::string from = "game.gap + " + std::to_string(a.neighbour);
    return Json::array({Json{{"set", "game.gap"}, {"value", "${indexOf(cells, 0)}"}},
                        Json{{"if", "${" + a.canSlide + "}"},
                             {"then", Json::array({Json{{"set", "cells"}, {"value", "${map(range(0, " + std::to_string(n * n) + "), i => i == game.gap ? cells[" + from +
                                                                                      "] : i == " + from + " ? 0 : cells[i])}"}},
                                                   Json{{"inc", "moves"}}})}}});
}

// A sliding puzzle's starting tiles: solved, then the gap walked a fixed path, so the puzzle is always solvable.
std::vector<int> shuffledTiles(int n) {
    std::vector<int> tiles(n * n);
    for (int i = 0; i < n * n - 1; ++i) tiles[i] = i + 1;
    int gap = n * n - 1;
    const int path[] = {-1, -n, -1, n, -1, -n, -n, 1, n, 1};  // left, up, left, down, ... kept inside the board below
    for (int step = 0; step < 3; ++step)
        for (int d : path) {
            const int to = gap + d;
            const bool sameRow = (d == 1 || d == -1) ? to / n == gap / n : true;
            if (to < 0 || to >= n * n || !sameRow) continue;
            std::swap(tiles[gap], tiles[to]);
            gap = to;
        }
    return tiles;
}

void composeSlideBoard(Draft& d, const std::string& low, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const bool merging = saysAny(low, {"2048", "merge", "merging", "combine"});
    const int n = merging ? 4 : std::clamp(boardSize(low, 0).first == 6 ? 4 : boardSize(low, 0).first, 3, 6);
    std::vector<int> tiles(n * n, 0);
    if (merging) tiles[5] = tiles[14] = 2;
    else tiles = shuffledTiles(n);
    std::vector<int> solved(n * n);
    for (int i = 0; i < n * n; ++i) solved[i] = (i + 1) % (n * n);
    state["cells"] = Json(tiles);
    state["moves"] = 0;
    state["score"] = 0;
    state["game"] = Json{{"gap", 0}, {"before", ""}, {"lines", Json::array()}};

    Json counters = Json::array({statTile("scoreCount", merging ? "Score" : "Moves", merging ? "${score}" : "${moves}", "trophy")});
    if (merging) counters.push_back(statTile("moveCount", "Moves", "${moves}", "hand-pointer-o"));
    counters.push_back(statTile("bestTile", merging ? "Best tile" : "In place", merging ? "${max(cells)}" : "${count(filter(range(0, " + std::to_string(n * n) +
                                                                                       "), i => cells[i] == " + listLiteral(solved) + "[i] && cells[i] > 0))} of " + std::to_string(n * n - 1),
                              "star"));
    body.push_back(Json{{"grid", counters}, {"cols", (int)counters.size()}});
    body.push_back(tileBoard(n));
    const std::string done = merging ? "${max(cells) >= 2048}" : "${json(cells) == " + exprString(Json(solved).dump()) + "}";
    body.push_back(Json{{"badge", merging ? "You made 2048!" : "Solved in ${moves} moves"}, {"tone", "success"}, {"id", "solvedNote"}, {"visible", done}});
    Json arrows = Json::array();
    for (const Arrow& a : arrowsFor(n)) {
        const std::string id = "move" + std::string(a.name);
        arrows.push_back(Json{{"button", a.name}, {"id", id}, {"icon", a.icon}, {"variant", "secondary"},
                              {"on", {{"press", merging ? mergeMove(a) : slideMove(a, n)}}}});
        labelled.emplace_back(id, std::string("arrow arrows keys key move slide ") + a.name);
    }
    body.push_back(Json{{"row", arrows}, {"wrap", true}, {"gap", 8}, {"id", "arrowPad"}});
    body.push_back(Json{{"text", "Use the arrows to slide the tiles"}, {"style", "caption"}, {"muted", true}});
    labelled.emplace_back("board", "board grid tiles tile cells puzzle game");
    labelled.emplace_back("scoreCount", "score counter points moves");
}

// A quiz's questions, each with its choices and the index of the right one.
struct QuizQuestion {
    std::string question;
    std::vector<std::string> choices;
    int answer = 0;
};

// What the quiz is about, as the request says it ("a quiz app about world capitals" -> "world capitals", "a
// multiplication quiz" -> "multiplication"); "" when it names no subject.
std::string quizTopic(const std::string& low) {
    static const std::regex about(R"((?:quiz|quizzes|trivia|questions?)\s+(?:app\s+|game\s+)?(?:about|on|of)\s+([a-z0-9' -]+?)(?=\s+(?:with|where|that|and|for)\b|[,.;:!?]|$))");
    static const std::regex before(R"(([a-z'-]+(?:\s+[a-z'-]+)?)\s+(?:quiz|trivia))");
    static const std::set<std::string> noTopic = {"a", "an", "the", "pub", "simple", "fun", "daily", "quick", "little", "online", "general", "knowledge",
                                                  "general knowledge", "trivia", "implement", "build", "create", "make", "small", "multiple-choice"};
    std::smatch m;
    if (std::regex_search(low, m, about)) return m[1].str();
    if (std::regex_search(low, m, before)) {
        std::vector<std::string> words = wordsIn(m[1].str());
        while (!words.empty() && noTopic.count(words.front())) words.erase(words.begin());
        std::string topic;
        for (const std::string& w : words) topic += (topic.empty() ? "" : " ") + w;
        if (!noTopic.count(topic)) return topic;
    }
    return "";
}

// Questions on a topic anyone can check: general knowledge, capitals, arithmetic. A topic with no bank gets
// numbered questions that say what they will be about, never questions on another subject.
std::vector<QuizQuestion> quizQuestions(const std::string& topic) {
    const std::vector<std::string> words = wordsIn(topic);
    if (topic.empty()) {
        return {{"Which planet is known as the Red Planet?", {"Venus", "Mars", "Jupiter"}, 1},
                {"How many continents are there?", {"Five", "Six", "Seven"}, 2},
                {"What is the largest ocean on Earth?", {"Pacific", "Atlantic", "Indian"}, 0},
                {"Which gas do plants take in from the air?", {"Oxygen", "Carbon dioxide", "Nitrogen"}, 1},
                {"How many minutes are in a day?", {"1,440", "1,200", "2,400"}, 0}};
    }
    if (hasWord(words, {"capital", "capitals", "geography", "countries", "country"})) {
        return {{"What is the capital of Australia?", {"Sydney", "Canberra", "Melbourne"}, 1},
                {"What is the capital of Canada?", {"Toronto", "Vancouver", "Ottawa"}, 2},
                {"What is the capital of Japan?", {"Tokyo", "Osaka", "Kyoto"}, 0},
                {"What is the capital of Brazil?", {"Rio de Janeiro", "Brasilia", "Sao Paulo"}, 1},
                {"What is the capital of Kenya?", {"Nairobi", "Mombasa", "Kisumu"}, 0}};
    }
    if (hasWord(words, {"math", "maths", "mathematics", "arithmetic", "multiplication", "times", "addition", "sums", "numbers"})) {
        const bool times = hasWord(words, {"multiplication", "times"});
        std::vector<QuizQuestion> out;
        const int pairs[5][2] = {{7, 8}, {6, 9}, {12, 4}, {9, 9}, {15, 6}};
        for (int i = 0; i < 5; ++i) {
            const int a = pairs[i][0], b = pairs[i][1], right = times ? a * b : a + b + 20 * i;
            const std::string q = times ? std::to_string(a) + " x " + std::to_string(b) : std::to_string(a + 20 * i) + " + " + std::to_string(b);
            std::vector<std::string> choices = {std::to_string(right - (times ? b : 1)), std::to_string(right), std::to_string(right + (times ? a : 10))};
            std::rotate(choices.begin(), choices.begin() + i % 3, choices.end());
            out.push_back({"What is " + q + "?", choices, (1 - i % 3 + 3) % 3});
        }
        return out;
    }
    std::vector<QuizQuestion> out;
    for (int i = 1; i <= 5; ++i)
        out.push_back({capitalized(topic) + ": question " + std::to_string(i), {"First answer", "Second answer", "Third answer"}, (i * 2) % 3});
    return out;
}

// A quiz: one question at a time with its choices; a pick is scored once, the right answer is shown, and "Next"
// moves on until the last question gives the final score and a way to play again.
void composeQuiz(Draft& d, const std::string& low, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    Json questions = Json::array();
    for (const QuizQuestion& q : quizQuestions(quizTopic(low))) questions.push_back(Json{{"question", q.question}, {"choices", q.choices}, {"answer", q.answer}});
    const std::string count = std::to_string(questions.size());
    state["questions"] = questions;
    state["quiz"] = Json{{"at", 0}, {"score", 0}, {"picked", -1}, {"finished", false}};
    const std::string q = "questions[quiz.at]";
    body.push_back(Json{{"grid", Json::array({statTile("scoreCount", "Score", "${quiz.score} / " + count, "trophy"),
                                              statTile("questionCount", "Question", "${min(quiz.at + 1, " + count + ")} of " + count, "question-circle")})},
                        {"cols", 2}});
    Json choice = Json{{"button", "${c}"}, {"variant", "outline"}, {"w", "fill"}, {"enabled", "${quiz.picked < 0}"},
                       {"repeat", Json{{"in", "${" + q + ".choices}"}, {"as", "c"}}},
                       {"on", {{"press", Json::array({Json{{"set", "quiz.picked"}, {"value", "${index}"}},
                                                      Json{{"if", "${index == " + q + ".answer}"}, {"then", Json::array({Json{{"inc", "quiz.score"}}})}}})}}}};
    const std::string verdict = "${quiz.picked == " + q + ".answer ? 'Correct!' : 'Not quite: the answer is ' + " + q + ".choices[" + q + ".answer]}";
    body.push_back(Json{{"card", Json::array({Json{{"text", "${" + q + ".question}"}, {"style", "h2"}, {"id", "questionText"}},
                                              Json{{"col", Json::array({choice})}, {"gap", 8}, {"id", "answerChoices"}},
                                              Json{{"text", verdict}, {"style", "strong"}, {"visible", "${quiz.picked >= 0}"}, {"id", "verdict"}}})},
                        {"id", "questionCard"}, {"visible", "${!quiz.finished}"}});
    body.push_back(Json{{"button", "Next question"}, {"id", "nextQuestion"}, {"icon", "arrow-right"}, {"enabled", "${quiz.picked >= 0}"},
                        {"visible", "${!quiz.finished}"},
                        {"on", {{"press", Json::array({Json{{"if", "${quiz.at + 1 < " + count + "}"},
                                                            {"then", Json::array({Json{{"inc", "quiz.at"}}, Json{{"set", "quiz.picked"}, {"value", -1}}})},
                                                            {"else", Json::array({Json{{"set", "quiz.finished"}, {"value", true}}})}}})}}}});
    body.push_back(Json{{"card", Json::array({Json{{"text", "You scored ${quiz.score} of " + count}, {"style", "h2"}, {"id", "finalScore"}},
                                              Json{{"button", "Play again"}, {"id", "playAgain"}, {"icon", "undo"}, {"on", {{"press", Json{{"reset", "quiz"}}}}}}})},
                        {"visible", "${quiz.finished}"}, {"id", "resultCard"}});
    labelled.emplace_back("questionCard", "question questions trivia quiz card");
    labelled.emplace_back("answerChoices", "answer answers choice choices options multiple");
    labelled.emplace_back("scoreCount", "score counter points");
    labelled.emplace_back("nextQuestion", "next question round");
}

// Rock, paper, scissors against the computer: three picks, the computer's (a fixed walk through the three that
// depends on the round and on the player's pick, so it reads as chance and is the same in every replay), who won the
// round, and wins, losses and draws kept until a reset.
bool rockPaperScissors(const std::string& low) {
    return low.find("rock-paper-scissors") != std::string::npos || low.find("rock paper scissors") != std::string::npos ||
           low.find("rock, paper") != std::string::npos;
}

void composeRockPaperScissors(Draft& d, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    state["rps"] = Json{{"player", ""}, {"computer", ""}, {"result", ""}, {"round", 0}};
    state["score"] = Json{{"wins", 0}, {"losses", 0}, {"draws", 0}};
    body.push_back(Json{{"grid", Json::array({statTile("winCount", "Wins", "${score.wins}", "trophy"), statTile("lossCount", "Losses", "${score.losses}", "times"),
                                              statTile("drawCount", "Draws", "${score.draws}", "minus")})},
                        {"cols", 3}, {"id", "scoreboard"}});
    labelled.emplace_back("scoreboard", "scoreboard score wins losses draws tracks");
    const std::string beats = "(rps.player == 'Rock' && rps.computer == 'Scissors') || (rps.player == 'Paper' && rps.computer == 'Rock') || "
                              "(rps.player == 'Scissors' && rps.computer == 'Paper')";
    struct Pick { const char* name; const char* icon; };
    const Pick picks[] = {{"Rock", "hand-rock-o"}, {"Paper", "hand-paper-o"}, {"Scissors", "hand-scissors-o"}};
    Json row = Json::array();
    for (int i = 0; i < 3; ++i) {
        const std::string id = "pick" + std::string(picks[i].name);
        const std::string computer = "${['Rock', 'Paper', 'Scissors'][(rps.round * 7 + " + std::to_string(i * 2 + 1) + ") % 3]}";
        row.push_back(Json{{"button", picks[i].name}, {"id", id}, {"icon", picks[i].icon}, {"w", "fill"},
                           {"on", {{"press", Json::array({Json{{"set", "rps.player"}, {"value", picks[i].name}}, Json{{"set", "rps.computer"}, {"value", computer}},
                                                          Json{{"set", "rps.result"}, {"value", "${rps.player == rps.computer ? 'Draw' : " + beats + " ? 'You win' : 'You lose'}"}},
                                                          Json{{"if", "${rps.result == 'You win'}"}, {"then", Json{{"inc", "score.wins"}}},
                                                               {"else", Json{{"if", "${rps.result == 'You lose'}"}, {"then", Json{{"inc", "score.losses"}}},
                                                                             {"else", Json{{"inc", "score.draws"}}}}}},
                                                          Json{{"inc", "rps.round"}}})}}}});
        labelled.emplace_back(id, std::string("pick picks choose ") + lowerText(picks[i].name));
    }
    body.push_back(Json{{"row", row}, {"gap", 8}, {"id", "picks"}});
    body.push_back(Json{{"card", Json::array({Json{{"row", Json::array({Json{{"col", Json::array({Json{{"text", "You"}, {"muted", true}}, Json{{"text", "${rps.player}"}, {"style", "h2"}, {"id", "playerPick"}}})}, {"grow", 1}},
                                                                     Json{{"col", Json::array({Json{{"text", "Computer"}, {"muted", true}}, Json{{"text", "${rps.computer}"}, {"style", "h2"}, {"id", "computerPick"}}})}, {"grow", 1}}})}},
                                              Json{{"text", "${rps.result}"}, {"style", "h1"}, {"id", "roundResult"}}})},
                        {"id", "roundCard"}, {"visible", "${rps.round > 0}"}});
    body.push_back(Json{{"text", "Pick rock, paper or scissors"}, {"muted", true}, {"visible", "${rps.round == 0}"}, {"id", "pickHint"}});
    labelled.emplace_back("roundCard", "both choices shows computer picks randomly");
    labelled.emplace_back("roundResult", "who won round result win lose draw");
}

// Whack-a-mole: a round against a countdown; the mole pops up in one hole after another (a fixed walk that never
// stays put), a click on it scores and sends it elsewhere, and the final score shows when time runs out.
bool whackAMole(const std::string& low) {
    return low.find("whack-a-mole") != std::string::npos || low.find("whack a mole") != std::string::npos ||
           (saysAny(low, {"mole", "moles"}) && saysAny(low, {"whack", "hole", "holes"}));
}

void composeWhackAMole(Draft& d, const std::string& low, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    std::smatch m;
    const int holes = std::regex_search(low, m, std::regex(R"(\b(4|6|9|12|16|nine|six|twelve|sixteen)\s+holes\b)"))
                          ? (m[1] == "nine" ? 9 : m[1] == "six" ? 6 : m[1] == "twelve" ? 12 : m[1] == "sixteen" ? 16 : std::stoi(m[1].str()))
                          : 9;
    const int cols = holes % 4 == 0 && holes != 12 ? 4 : 3;
    const int seconds = std::regex_search(low, m, std::regex(R"(\b(\d{1,3})[- ]?(?:seconds?|secs?|s)\b)")) ? std::clamp(std::stoi(m[1].str()), 5, 300) : 30;
    const std::string H = std::to_string(holes);
    state["whack"] = Json{{"mole", 4 % holes}, {"hops", 0}, {"score", 0}, {"running", false}, {"over", false}};
    state["left"] = seconds;
    state["best"] = 0;
    const std::string draw = "${map(range(" + H + "), i => whack.running && i == whack.mole ? 'Mole' : '')}";
    state["cells"] = Json(std::vector<Json>(holes, Json("")));
    // The next hole: a step that depends on how many hops came before, never zero, so the mole always moves.
    const Json hop = Json::array({Json{{"inc", "whack.hops"}},
                                  Json{{"set", "whack.mole"}, {"value", "${(whack.mole + 1 + (whack.hops * 5) % " + std::to_string(holes - 1) + ") % " + H + "}"}},
                                  Json{{"set", "cells"}, {"value", draw}}});
    body.push_back(Json{{"grid", Json::array({statTile("scoreCount", "Score", "${whack.score}", "trophy"), statTile("bestScore", "Best", "${best}", "star")})},
                        {"cols", 2}, {"id", "scoreboard"}});
    labelled.emplace_back("scoreCount", "score point points adds");
    body.push_back(Json{{"timer", "Time left"}, {"id", "roundClock"}, {"bind", "left"}, {"running", "${whack.running}"}, {"every", 0.9},
                        {"on", {{"tick", hop},
                                {"done", Json::array({Json{{"set", Json{{"whack.running", false}, {"whack.over", true}}}},
                                                      Json{{"set", "best"}, {"value", "${max(best, whack.score)}"}}, Json{{"set", "cells"}, {"value", draw}}})}}}});
    labelled.emplace_back("roundClock", "countdown seconds round lasts visible time timer");
    body.push_back(Json{{"heading", "${whack.over ? 'Time! Final score: ' + whack.score : whack.running ? 'Whack the mole!' : 'Press Start to play'}"}, {"id", "gameStatus"}});
    labelled.emplace_back("gameStatus", "final score end shown time runs out");
    Json hit = Json::array({Json{{"if", "${whack.running && event.index == whack.mole}"}, {"then", Json::array({Json{{"inc", "whack.score"}}})}}});
    for (const Json& step : hop) hit[0]["then"].push_back(step);
    hit.push_back(Json{{"set", "cells"}, {"value", draw}});
    body.push_back(Json{{"cell_grid", cols}, {"id", "board"}, {"bind", "cells"}, {"paint", ""}, {"enabled", "${whack.running}"},
                        {"colors", Json{{"Mole", "brand"}}}, {"on", {{"press", hit}}}});
    labelled.emplace_back("board", "grid holes hole mole moles popping clicking random positions");
    body.push_back(Json{{"button", "${whack.over ? 'Play again' : 'Start'}"}, {"id", "startRound"}, {"icon", "play"}, {"variant", "primary"},
                        {"visible", "${!whack.running}"},
                        {"on", {{"press", Json::array({Json{{"set", Json{{"whack.score", 0}, {"whack.over", false}, {"whack.running", true}, {"left", seconds}}}},
                                                       Json{{"set", "cells"}, {"value", draw}}})}}}});
    labelled.emplace_back("startRound", "start play again button new round reset");
}

// Hangman: a hidden word shown as blanks, a button per letter (each usable once), a guess reveals the letter
// wherever it is, six wrong guesses lose and every letter found wins; a new word comes from the topic's words.
std::vector<std::string> hangmanWords(const std::string& low) {
    static const std::vector<std::pair<std::vector<const char*>, std::vector<const char*>>> banks = {
        {{"ocean", "sea", "marine", "underwater"}, {"OCTOPUS", "DOLPHIN", "JELLYFISH", "SEAHORSE", "STARFISH", "WHALE", "SHARK", "LOBSTER"}},
        {{"animal", "animals", "zoo", "wildlife"}, {"ELEPHANT", "GIRAFFE", "KANGAROO", "PENGUIN", "TIGER", "ZEBRA", "RABBIT", "CHEETAH"}},
        {{"fruit", "fruits"}, {"BANANA", "CHERRY", "MANGO", "PINEAPPLE", "APRICOT", "GRAPEFRUIT", "PAPAYA", "LEMON"}},
        {{"country", "countries", "geography"}, {"CANADA", "BRAZIL", "NORWAY", "JAPAN", "PORTUGAL", "KENYA", "MEXICO", "SWEDEN"}},
        {{"space", "planet", "planets", "astronomy"}, {"JUPITER", "SATURN", "MERCURY", "NEPTUNE", "GALAXY", "COMET", "NEBULA", "ORBIT"}},
        {{"programming", "code", "coding", "computer"}, {"VARIABLE", "FUNCTION", "COMPILER", "BOOLEAN", "ARRAY", "STRING", "LOOP", "OBJECT"}}};
    for (const auto& [words, bank] : banks)
        for (const char* w : words)
            if (saysAny(low, {w})) return {bank.begin(), bank.end()};
    return {"PUZZLE", "GARDEN", "BICYCLE", "LANTERN", "MOUNTAIN", "BLANKET", "WHISTLE", "PENCIL"};
}

void composeHangman(Draft& d, const std::string& low, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const std::vector<std::string> words = hangmanWords(low);
    state["words"] = words;
    state["hang"] = Json{{"at", 0}, {"word", words.front()}, {"guessed", Json::array()}, {"wrong", 0}, {"over", false}, {"won", false}};
    const std::string found = "every(split(hang.word, ''), c => includes(hang.guessed, c))";
    body.push_back(Json{{"grid", Json::array({statTile("wrongCount", "Wrong guesses", "${hang.wrong} / 6", "times"),
                                              statTile("lettersLeft", "Letters left", "${count(filter(unique(split(hang.word, '')), c => !includes(hang.guessed, c)))}", "font")})},
                        {"cols", 2}, {"id", "scoreboard"}});
    labelled.emplace_back("wrongCount", "wrong guesses counted six lives");
    body.push_back(Json{{"card", Json::array({Json{{"text", "${join(map(split(hang.word, ''), c => includes(hang.guessed, c) || hang.over ? c : '_'), ' ')}"},
                                                   {"style", "h1"}, {"align", "center"}, {"id", "hiddenWord"}},
                                              Json{{"text", "${hang.won ? 'You win!' : hang.over ? 'You lose: the word was ' + hang.word : 'Guess a letter'}"},
                                                   {"align", "center"}, {"style", "strong"}, {"id", "gameStatus"}}})},
                        {"id", "wordCard"}});
    labelled.emplace_back("hiddenWord", "hidden word blanks letter each reveals");
    labelled.emplace_back("gameStatus", "win lose message game");
    Json letters = Json::array();
    for (char c = 'A'; c <= 'Z'; ++c) {
        const std::string l(1, c), quoted = "'" + l + "'";
        letters.push_back(Json{{"button", l}, {"id", "letter" + l}, {"variant", "secondary"}, {"w", 44},
                               {"enabled", "${!includes(hang.guessed, " + quoted + ") && !hang.over}"},
                               {"on", {{"press", Json::array({Json{{"push", "hang.guessed"}, {"value", l}},
                                                              Json{{"if", "${!includes(split(hang.word, ''), " + quoted + ")}"}, {"then", Json{{"inc", "hang.wrong"}}}},
                                                              Json{{"if", "${" + found + "}"}, {"then", Json{{"set", Json{{"hang.won", true}, {"hang.over", true}}}}}},
                                                              Json{{"if", "${hang.wrong >= 6}"}, {"then", Json{{"set", "hang.over"}, {"value", true}}}}})}}}});
    }
    body.push_back(Json{{"row", letters}, {"wrap", true}, {"gap", 6}, {"id", "letterButtons"}});
    labelled.emplace_back("letterButtons", "letters letter buttons on-screen guess guesses keyboard");
    const std::string n = std::to_string(words.size());
    body.push_back(Json{{"button", "New word"}, {"id", "newWord"}, {"icon", "refresh"}, {"variant", "primary"},
                        {"on", {{"press", Json::array({Json{{"set", "hang.at"}, {"value", "${(hang.at + 1) % " + n + "}"}},
                                                       Json{{"set", Json{{"hang.word", "${words[hang.at]}"}, {"hang.guessed", Json::array()}, {"hang.wrong", 0},
                                                                         {"hang.over", false}, {"hang.won", false}}}}})}}}});
    labelled.emplace_back("newWord", "new word start again play restart");
}

// "guess the number", "a number guessing game", "higher or lower": a hidden number, guesses answered too low or too high.
bool numberGuess(const std::string& low) {
    return (saysAny(low, {"guess", "guesses", "guessing"}) && saysAny(low, {"number", "numbers"})) || low.find("higher or lower") != std::string::npos;
}

// The range the request gives the hidden number ("between 1 and 100", "from 1 to 50"), else 1 to 100.
std::pair<int, int> guessRange(const std::string& low) {
    std::smatch m;
    if (std::regex_search(low, m, std::regex(R"((?:between|from)\s+(\d{1,6})\s+(?:and|to|-)\s+(\d{1,6}))")) && std::stoi(m[1].str()) < std::stoi(m[2].str()))
        return {std::stoi(m[1].str()), std::stoi(m[2].str())};
    return {1, 100};
}

void composeNumberGuess(Draft& d, const std::string& low, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const auto [lo, hi] = guessRange(low);
    // The hidden numbers, one per game, spread over the range so that no two games feel alike (no random source in specs).
    Json secrets = Json::array();
    for (int p : {37, 82, 15, 64, 91, 8, 53, 29})
        secrets.push_back(lo + static_cast<int>((static_cast<long long>(hi - lo) * p) / 100));
    state["secrets"] = secrets;
    state["guess"] = Json{{"value", ""}, {"tries", 0}, {"hint", ""}, {"won", false}, {"history", Json::array()}, {"round", 0}};
    const std::string range = std::to_string(lo) + " to " + std::to_string(hi);
    const std::string secret = "secrets[guess.round % " + std::to_string(secrets.size()) + "]";
    body.push_back(Json{{"grid", Json::array({statTile("triesCount", "Guesses", "${guess.tries}", "hashtag"), statTile("guessRange", "Range", range, "arrows-h")})},
                        {"cols", 2}, {"id", "scoreboard"}});
    labelled.emplace_back("triesCount", "guesses tries attempts count number of");
    body.push_back(Json{{"card", Json::array({Json{{"text", "${guess.won ? 'Correct! It was ' + " + secret + " + ', found in ' + guess.tries + (guess.tries == 1 ? ' guess' : ' guesses') : guess.hint == '' ? 'Guess a number from " +
                                                            range + "' : guess.hint}"},
                                                   {"style", "h2"}, {"align", "center"}, {"id", "guessHint"}}})},
                        {"id", "hintCard"}});
    labelled.emplace_back("guessHint", "too high too low higher lower correct feedback hint message win");
    const std::string value = "num(guess.value)";
    // A whole number written as one ("42"; not "abc", "4.5" or ""), in the range.
    const std::string valid = "str(" + value + ") == trim(str(guess.value)) && " + value + " >= " + std::to_string(lo) + " && " + value + " <= " + std::to_string(hi);
    const std::string hint = value + " < " + secret + " ? 'Too low' : " + value + " > " + secret + " ? 'Too high' : 'Correct'";
    Json press = Json::array({Json{{"if", "${!(" + valid + ")}"},
                                   {"then", Json::array({Json{{"toast", "Enter a whole number from " + range}, {"tone", "danger"}}})},
                                   {"else", Json::array({Json{{"inc", "guess.tries"}},
                                                         Json{{"set", "guess.hint"}, {"value", "${" + hint + "}"}},
                                                         Json{{"push", "guess.history"}, {"value", Json{{"number", "${" + value + "}"}, {"hint", "${" + hint + "}"}}}},
                                                         Json{{"if", "${" + value + " == " + secret + "}"}, {"then", Json{{"set", "guess.won"}, {"value", true}}}},
                                                         Json{{"set", "guess.value"}, {"value", ""}}})}}});
    body.push_back(Json{{"row", Json::array({Json{{"input", "Your guess"}, {"id", "guessInput"}, {"bind", "guess.value"}, {"placeholder", range}, {"grow", 1},
                                                  {"enabled", "${!guess.won}"}},
                                             Json{{"button", "Guess"}, {"id", "guessButton"}, {"icon", "question"}, {"enabled", "${!guess.won}"}, {"on", {{"press", press}}}}})},
                        {"gap", 8}, {"valign", "bottom"}, {"id", "guessRow"}});
    labelled.emplace_back("guessInput", "enter type a guess number input field");
    labelled.emplace_back("guessButton", "submit guess button check");
    body.push_back(Json{{"section", Json::array({Json{{"list", Json::array({Json{{"item", "${h.number}"}, {"subtitle", "${h.hint}"}, {"icon", "${h.hint == 'Correct' ? 'check' : h.hint == 'Too low' ? 'arrow-up' : 'arrow-down'}"},
                                                                               {"repeat", Json{{"in", "${reverse(guess.history)}"}, {"as", "h"},
                                                                                               {"empty", Json{{"text", "No guesses yet"}, {"muted", true}}}}}}})}}})},
                        {"title", "Your guesses"}, {"id", "guessHistory"}});
    labelled.emplace_back("guessHistory", "history previous guesses list each guess shown");
    body.push_back(Json{{"button", "Play again"}, {"id", "playAgain"}, {"icon", "refresh"}, {"variant", "primary"}, {"visible", "${guess.won}"},
                        {"on", {{"press", Json::array({Json{{"inc", "guess.round"}},
                                                       Json{{"set", Json{{"guess.value", ""}, {"guess.tries", 0}, {"guess.hint", ""}, {"guess.won", false}, {"guess.history", Json::array()}}}}})}}}});
    labelled.emplace_back("playAgain", "play again new game restart new number");
}

//-----------------------------------------------------------------------------
// [SECTION] Timer or clock
//-----------------------------------------------------------------------------

// A duration the request gives ("25 minute focus sessions", "rest 20 seconds") with the words that name it.
struct TimedPhase {
    std::string name;   // "Focus", "Break"; "" when the request does not name it
    int seconds = 0;
};

int secondsOf(const std::string& amount, const std::string& unit) {
    const int n = std::atoi(amount.c_str());
    return unit[0] == 'h' ? n * 3600 : unit[0] == 'm' ? n * 60 : n;
}

// Phases in request order. The name is the noun after the duration ("25 minute focus sessions" -> "Focus"), else
// the word before it ("work 40 seconds" -> "Work"); "sessions", "periods", "blocks" only say it is a phase.
std::vector<TimedPhase> timedPhases(const std::string& low) {
    static const std::regex duration(R"((?:([a-z]+)\s+(?:for\s+)?)?(\d{1,3})[- ]?(seconds?|secs?|minutes?|mins?|hours?|hrs?)\b(?:\s+(?:of\s+)?([a-z]+))?)");
    static const std::set<std::string> generic = {"session", "sessions", "period", "periods", "block", "blocks", "interval", "intervals",
                                                  "phase", "phases", "round", "rounds", "each", "per", "timer", "countdown"};
    std::vector<TimedPhase> out;
    for (auto it = std::sregex_iterator(low.begin(), low.end(), duration); it != std::sregex_iterator() && out.size() < 4; ++it) {
        const std::smatch& m = *it;
        TimedPhase p{"", secondsOf(m[2], m[3])};
        if (p.seconds <= 0) continue;
        const std::string after = m[4], before = m[1];
        if (!after.empty() && !leadWord(after) && !tailWord(after) && !generic.count(after)) p.name = capitalized(singularOf(after));
        else if (!before.empty() && !leadWord(before) && !tailWord(before) && !generic.count(before)) p.name = capitalized(before);
        out.push_back(p);
    }
    return out;
}

// How many people take turns on the clock: "two players", "4 players", a chess or game clock (two).
int playersOf(const std::string& low) {
    std::smatch m;
    static const std::map<std::string, int> numbers = {{"two", 2}, {"2", 2}, {"three", 3}, {"3", 3}, {"four", 4}, {"4", 4}};
    if (std::regex_search(low, m, std::regex(R"(\b(two|three|four|[234])[- ](players?|people|teams?|sides?|speakers?)\b)"))) return numbers.at(m[1]);
    return saysAny(low, {"chess", "players", "opponent", "opponents"}) || low.find("game clock") != std::string::npos ? 2 : 0;
}

std::string minutesText(int seconds) {
    return seconds % 60 == 0 ? std::to_string(seconds / 60) + " min" : std::to_string(seconds) + " s";
}

// Clocks that take turns: the running one counts down, tapping it ends the turn (adding the increment), running out
// flags that player. Chess pieces are White and Black; other players are numbered.
void composeTurnClocks(Draft& d, const std::string& low, int players, const std::vector<TimedPhase>& phases, Json& body,
                       std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const int start = phases.empty() ? 600 : phases.front().seconds;
    const bool chess = saysAny(low, {"chess"}) && players == 2;
    state["clock"] = Json::object();
    state["turn"] = 1;
    state["paused"] = true;
    state["moves"] = 0;
    state["flagged"] = "";
    const bool increment = saysAny(low, {"increment", "bonus", "fischer", "delay"});
    state["increment"] = increment ? (phases.size() > 1 ? phases[1].seconds : 5) : 0;
    Json clocks = Json::array();
    for (int i = 1; i <= players; ++i) {
        const std::string who = chess ? (i == 1 ? "White" : "Black") : "Player " + std::to_string(i), key = "p" + std::to_string(i);
        const std::string next = std::to_string(i % players + 1);
        state["clock"][key] = start;
        clocks.push_back(Json{{"timer", who}, {"id", key + "Clock"}, {"bind", "clock." + key},
                              {"running", "${turn == " + std::to_string(i) + " && !paused && flagged == ''}"},
                              {"enabled", "${turn == " + std::to_string(i) + "}"},
                              {"on", {{"press", Json::array({Json{{"set", {{"clock." + key, "${clock." + key + " + increment}"}, {"turn", "${" + next + "}"},
                                                                             {"moves", "${moves + 1}"}, {"paused", false}}}}})},
                                      {"done", Json{{"set", {{"flagged", who}, {"paused", true}}}}}}}});
        labelled.emplace_back(key + "Clock", "clock timer " + lowerText(who) + " player turn");
    }
    body.push_back(Json{{"grid", clocks}, {"cols", players == 2 ? 2 : std::min(players, d.wide() ? 4 : 2)}, {"id", "clocks"}});
    body.push_back(Json{{"toast", "${flagged} ran out of time"}, {"tone", "danger"}, {"id", "flagBanner"}, {"visible", "${flagged != ''}"}});
    labelled.emplace_back("flagBanner", "flag flagged lost on time out of time");
    Json tiles = Json::array({statTile("moveCount", "Moves", "${moves}", "hand-pointer-o"),
                              statTile("turnTile", "Turn", chess ? "${turn == 1 ? 'White' : 'Black'}" : "Player ${turn}", "user")});
    body.push_back(Json{{"grid", tiles}, {"cols", 2}});
    labelled.emplace_back("moveCount", "moves move count");
    labelled.emplace_back("turnTile", "turn whose turn");
    Json settings = Json::array({Json{{"stepper", "Minutes each"}, {"id", "startMinutes"}, {"bind", "startMinutes"}, {"min", 1}, {"max", 180},
                                      {"on", {{"change", Json::array()}}}}});
    state["startMinutes"] = std::max(1, start / 60);
    Json apply = Json::object();
    for (int i = 1; i <= players; ++i) apply["clock.p" + std::to_string(i)] = "${startMinutes * 60}";
    settings[0]["on"]["change"].push_back(Json{{"set", apply}});
    if (increment) {
        settings.push_back(Json{{"stepper", "Increment (seconds)"}, {"id", "incrementStepper"}, {"bind", "increment"}, {"min", 0}, {"max", 60}});
        labelled.emplace_back("incrementStepper", "increment bonus delay seconds per move");
    }
    body.push_back(Json{{"button", "${paused ? (moves == 0 ? 'Start' : 'Resume') : 'Pause'}"}, {"id", "pauseButton"}, {"variant", "primary"},
                        {"icon", "${paused ? 'play' : 'pause'}"}, {"enabled", "${flagged == ''}"}, {"on", {{"press", Json{{"toggle", "paused"}}}}}});
    labelled.emplace_back("pauseButton", "start pause resume stop");
    body.push_back(Json{{"card", settings}, {"title", "Time control"}});
    labelled.emplace_back("startMinutes", "time control minutes start time");
}

// One timer through the request's phases in a loop (focus, break; work, rest), counting finished rounds; a single
// countdown when the request gives one duration; a stopwatch with laps when it asks for one.
void composePhaseTimer(Draft& d, const std::string& low, std::vector<TimedPhase> phases, Json& body,
                       std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    state["running"] = false;
    if (saysAny(low, {"stopwatch", "lap", "laps"}) && phases.empty()) {
        state["elapsed"] = 0;
        state["laps"] = Json::array();
        body.push_back(Json{{"timer", "Elapsed"}, {"id", "stopwatch"}, {"bind", "elapsed"}, {"up", true}, {"running", "${running}"}});
        body.push_back(Json{{"list", Json::array({Json{{"item", "Lap ${l.n}"}, {"trailing", "${floor(l.at / 60)}:${l.at % 60 < 10 ? '0' : ''}${floor(l.at % 60)}"},
                                                       {"repeat", {{"in", "${reverse(laps)}"}, {"as", "l"}, {"empty", Json{{"text", "No laps yet"}, {"muted", true}}}}}}})},
                            {"id", "lapList"}});
        labelled.emplace_back("stopwatch", "stopwatch elapsed time timer");
        labelled.emplace_back("lapList", "lap laps split splits");
        body.push_back(Json{{"row", Json::array({Json{{"button", "${running ? 'Pause' : 'Start'}"}, {"id", "startButton"}, {"variant", "primary"},
                                                      {"icon", "${running ? 'pause' : 'play'}"}, {"on", {{"press", Json{{"toggle", "running"}}}}}},
                                                 Json{{"button", "Lap"}, {"id", "lapButton"}, {"icon", "flag"}, {"enabled", "${running}"},
                                                      {"on", {{"press", Json{{"push", "laps"}, {"value", {{"n", "${count(laps) + 1}"}, {"at", "${elapsed}"}}}}}}}}})},
                            {"gap", 8}});
        labelled.emplace_back("startButton", "start pause stop resume");
        labelled.emplace_back("lapButton", "lap split");
        return;
    }
    if (phases.empty()) phases.push_back({"", 300});
    Json list = Json::array();
    for (size_t i = 0; i < phases.size(); ++i) {
        if (phases[i].name.empty()) phases[i].name = phases.size() == 1 ? "Time left" : "Phase " + std::to_string(i + 1);
        list.push_back(Json{{"name", phases[i].name}, {"min", std::max(1, phases[i].seconds / 60)}, {"secs", phases[i].seconds}});
    }
    state["phases"] = list;
    state["phase"] = 0;
    state["left"] = phases.front().seconds;
    state["rounds"] = 0;
    // Moving on: the next phase's time first (read while `phase` is still the one that ended), then the phase.
    const Json advance = Json::array({Json{{"set", {{"rounds", "${phase == count(phases) - 1 ? rounds + 1 : rounds}"},
                                                     {"left", "${phases[(phase + 1) % count(phases)].secs}"}}}},
                                      Json{{"set", {{"phase", "${(phase + 1) % count(phases)}"}}}}});
    Json done = advance;
    done.push_back(Json{{"toast", "${phases[phase].name}"}, {"tone", "info"}});
    body.push_back(Json{{"timer", "${phases[phase].name}"}, {"id", "phaseTimer"}, {"bind", "left"}, {"running", "${running}"}, {"on", {{"done", done}}}});
    labelled.emplace_back("phaseTimer", "timer countdown time left clock " + lowerText(phases.front().name));
    if (phases.size() > 1) {
        Json chips = Json::array();
        for (size_t i = 0; i < phases.size(); ++i) {
            const std::string id = camelKey(phases[i].name) + "Phase";
            chips.push_back(Json{{"badge", phases[i].name + " · " + minutesText(phases[i].seconds)}, {"id", id},
                                 {"tone", "${phase == " + std::to_string(i) + " ? 'brand' : 'muted'}"}});
            labelled.emplace_back(id, lowerText(phases[i].name) + " " + pluralOf(lowerText(phases[i].name)) + " " + minutesText(phases[i].seconds) + " minute second");
        }
        body.push_back(Json{{"row", chips}, {"gap", 8}, {"wrap", true}});
        body.push_back(Json{{"grid", Json::array({statTile("roundCount", "Rounds done", "${rounds}", "repeat"),
                                                  statTile("phaseTile", "Now", "${phases[phase].name}", "clock-o")})},
                            {"cols", 2}});
        labelled.emplace_back("roundCount", "rounds cycles sessions completed done count");
    }
    Json controls = Json::array({Json{{"button", "${running ? 'Pause' : 'Start'}"}, {"id", "startButton"}, {"variant", "primary"},
                                      {"icon", "${running ? 'pause' : 'play'}"}, {"on", {{"press", Json{{"toggle", "running"}}}}}}});
    labelled.emplace_back("startButton", "start pause stop resume");
    if (phases.size() > 1) {
        controls.push_back(Json{{"button", "Skip"}, {"id", "skipButton"}, {"variant", "outline"}, {"icon", "step-forward"}, {"on", {{"press", advance}}}});
        labelled.emplace_back("skipButton", "skip next");
    }
    body.push_back(Json{{"row", controls}, {"gap", 8}});
    Json lengths = Json::array();
    for (size_t i = 0; i < phases.size(); ++i) {
        const std::string id = camelKey(phases[i].name) + "Length";
        const std::string at = std::to_string(i);
        // Phases under a minute or with odd seconds are set in seconds; the others in minutes, kept in step with `secs`.
        const bool inSeconds = phases[i].seconds % 60 != 0;
        Json change = Json::array();
        if (!inSeconds) change.push_back(Json{{"set", {{"phases." + at + ".secs", "${phases[" + at + "].min * 60}"}}}});
        // Changing the phase that is showing restarts it at the new length, so the face follows the stepper.
        change.push_back(Json{{"if", "${phase == " + at + "}"}, {"then", Json::array({Json{{"set", {{"left", "${phases[" + at + "].secs}"}}}}})}});
        lengths.push_back(Json{{"stepper", phases[i].name + (inSeconds ? " (seconds)" : " (minutes)")}, {"id", id},
                               {"bind", "phases." + at + (inSeconds ? ".secs" : ".min")}, {"min", inSeconds ? 5 : 1}, {"max", inSeconds ? 600 : 180},
                               {"step", inSeconds ? 5 : 1}, {"on", {{"change", change}}}});
        labelled.emplace_back(id, lowerText(phases[i].name) + " length minutes seconds duration");
    }
    body.push_back(Json{{"card", lengths}, {"title", "Lengths"}});
}

// A countdown to a day ("a countdown to our product launch", "counting down until the wedding") rather than a span of
// minutes; `event` is what is counted down to, as the request names it ("product launch").
bool dateCountdown(const std::string& low, std::string* event) {
    static const std::regex toDay(R"(\bcount(?:ing)? ?down\b(?: (?:timer|clock|page|website|site|app))?\s+(?:to|until|till|for)\s+(?:the |a |an |our |my |your |their )?([a-z' -]+?)(?=\s+(?:date|day|with|where|that|which|and|so)\b|[,.;:!?]|$))");
    static const std::set<std::string> days = {"launch", "release", "wedding", "birthday", "year", "holiday", "holidays", "christmas", "vacation",
                                               "trip", "deadline", "exam", "exams", "event", "opening", "premiere", "festival", "conference",
                                               "graduation", "anniversary", "party", "concert", "sale", "election", "date", "day", "game", "match"};
    std::smatch m;
    if (!std::regex_search(low, m, toDay)) return false;
    const std::vector<std::string> words = wordsIn(m[1].str());
    if (words.empty() || !days.count(words.back())) return false;
    *event = m[1].str();
    return true;
}

// Days, hours, minutes and seconds to the event, ticking; the day itself is twelve days after the simulated clock's
// start (so it reads as soon); a request that lets people subscribe or be notified keeps their emails.
void composeDateCountdown(Draft& d, const std::string& low, const std::string& event, Json& body,
                          std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const int startsIn = 12 * 86400 + 5 * 3600 + 30 * 60;
    state["left"] = startsIn;
    const std::string at = "addMinutes(now(), " + std::to_string(startsIn / 60) + ")";
    body.push_back(Json{{"text", "${date(" + at + ", 'dddd, MMMM D')} at ${time(" + at + ")}"}, {"muted", true}, {"align", "center"}, {"id", "eventDate"}});
    labelled.emplace_back("eventDate", "date day when " + event);
    body.push_back(Json{{"timer", "Until the " + event}, {"id", "countdownClock"}, {"bind", "left"}, {"running", true},
                        {"on", {{"done", Json{{"toast", capitalized(event) + " is here!"}, {"tone", "success"}}}}}});
    labelled.emplace_back("countdownClock", "countdown timer clock time left " + event);
    // Whole seconds rounded up, as the clock face shows them.
    body.push_back(Json{{"grid", Json::array({statTile("daysLeft", "Days", "${floor(ceil(left) / 86400)}", "calendar"),
                                              statTile("hoursLeft", "Hours", "${floor(ceil(left) / 3600) % 24}", "clock-o"),
                                              statTile("minutesLeft", "Minutes", "${floor(ceil(left) / 60) % 60}", "hourglass-half"),
                                              statTile("secondsLeft", "Seconds", "${ceil(left) % 60}", "bolt")})},
                        {"cols", 4}, {"id", "countdownParts"}});
    labelled.emplace_back("countdownParts", "days hours minutes seconds left remaining");
    if (!saysAny(low, {"subscribe", "subscribers", "notify", "notified", "signup", "sign-up", "email", "emails", "newsletter", "waitlist", "waiting"})) return;
    state["subscribers"] = Json::array({"maya.lopez@gmail.com", "jordan.reyes@outlook.com"});
    state["email"] = "";
    body.push_back(Json{{"card", Json::array({Json{{"input", "Email"}, {"id", "subscribeEmail"}, {"kind", "email"}, {"bind", "email"}, {"placeholder", "you@example.com"},
                                                   {"rules", Json{{"required", "Enter your email"}, {"email", "That doesn't look like an email"}}}},
                                              Json{{"button", "Notify me"}, {"id", "subscribeButton"}, {"icon", "bell"},
                                                   {"on", {{"press", Json::array({Json{{"validate", true}}, Json{{"push", "subscribers"}, {"value", "${email}"}},
                                                                                  Json{{"toast", "We'll email ${email} on the day"}, {"tone", "success"}}, Json{{"set", "email"}, {"value", ""}}})}}}},
                                              Json{{"text", "${count(subscribers)} people are waiting"}, {"muted", true}, {"id", "subscriberCount"}}})},
                        {"title", "Get notified"}, {"id", "subscribeForm"}});
    labelled.emplace_back("subscribeForm", "subscribe subscribers notify notified form email signup newsletter waitlist");
}

void composeTimer(Draft& d, const std::string& low, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    if (std::string event; dateCountdown(low, &event)) return composeDateCountdown(d, low, event, body, labelled);
    const std::vector<TimedPhase> phases = timedPhases(low);
    if (const int players = playersOf(low); players >= 2) composeTurnClocks(d, low, players, phases, body, labelled);
    else composePhaseTimer(d, low, phases, body, labelled);
}

//-----------------------------------------------------------------------------
// [SECTION] Practice (flashcards, typing test)
//-----------------------------------------------------------------------------

// Flashcards: "flashcards", "flash cards", "flash-card app".
bool flashcards(const std::vector<std::string>& words) {
    if (hasWord(words, {"flashcard", "flashcards"})) return true;
    for (size_t i = 0; i + 1 < words.size(); ++i)
        if (words[i] == "flash" && (words[i + 1] == "card" || words[i + 1] == "cards")) return true;
    return false;
}

// A typing test or trainer, or anything measured in words per minute.
bool typingTest(const std::string& low) {
    static const std::regex typing(R"(\btyping (speed |skills? )?(test|tests|tutor|practice|trainer|game|challenge)\b|\bwords per minute\b|\bwpm\b|\btype ?racer\b)");
    return std::regex_search(low, typing);
}

// A deck's faces: what a card asks and what its back answers, with the names the request gives them; `media` is the
// icon of a front shown as a clip or picture rather than as words.
struct Deck {
    std::vector<std::pair<std::string, std::string>> cards;
    std::string front = "Front", back = "Back", media;
};

// The faces the request names: "show the sign as a short clip and hide the English word until I tap" -> a front "Sign"
// drawn as a clip, a back "English word".
void nameFaces(const std::string& low, Deck& deck) {
    static const std::regex shown(R"(\bshows? (?:the |a |each )?([a-z]+)(?: (?:as|in) (?:a |an )?(?:short )?(clip|video|picture|photo|image|drawing|gif))?)");
    static const std::regex hidden(R"(\b(?:hide|hides|hiding|reveal|reveals|see|uncover|uncovers) (?:the |its )?((?:[a-z]+ )?(?:word|words|translation|definition|answer|meaning|name))\b)");
    static const std::set<std::string> notFace = {"card", "cards", "one", "it", "them", "me", "how", "my", "your", "progress", "score", "a", "the"};
    std::smatch m;
    if (std::regex_search(low, m, shown) && !notFace.count(m[1].str())) {
        deck.front = capitalized(m[1].str());
        if (m[2].matched) deck.media = m[2] == "clip" || m[2] == "video" || m[2] == "gif" ? "play-circle" : "picture-o";
    }
    if (std::regex_search(low, m, hidden)) deck.back = capitalized(m[1].str());
}

// Cards on a subject anyone can check: a language's first words, capitals, times tables, chemical symbols. A
// subject with no bank gets numbered cards that say what they will be about, never cards on another subject.
Deck flashcardDeck(const std::string& low) {
    Deck deck;
    struct Language { const char* name; const char* words[8]; };
    static const char* const english[8] = {"hello", "thank you", "dog", "cat", "house", "water", "book", "apple"};
    static const Language languages[] = {
        {"spanish", {"hola", "gracias", "perro", "gato", "casa", "agua", "libro", "manzana"}},
        {"french", {"bonjour", "merci", "chien", "chat", "maison", "eau", "livre", "pomme"}},
        {"german", {"Hallo", "danke", "Hund", "Katze", "Haus", "Wasser", "Buch", "Apfel"}},
        {"italian", {"ciao", "grazie", "cane", "gatto", "casa", "acqua", "libro", "mela"}},
        {"portuguese", {"olá", "obrigado", "cão", "gato", "casa", "água", "livro", "maçã"}}};
    if (saysAny(low, {"asl", "bsl"}) || low.find("sign language") != std::string::npos) {
        for (int i = 0; i < 8; ++i) deck.cards.emplace_back("Sign " + std::to_string(i + 1), english[i]);
        deck.front = "Sign";
        deck.back = "English word";
        deck.media = "play-circle";
        nameFaces(low, deck);
        return deck;
    }
    for (const Language& l : languages)
        if (saysAny(low, {l.name})) {
            for (int i = 0; i < 8; ++i) deck.cards.emplace_back(l.words[i], english[i]);
            deck.front = capitalized(l.name);
            deck.back = "English";
            return deck;
        }
    if (saysAny(low, {"capital", "capitals"})) {
        deck.cards = {{"France", "Paris"}, {"Japan", "Tokyo"}, {"Canada", "Ottawa"}, {"Australia", "Canberra"},
                      {"Brazil", "Brasília"}, {"Kenya", "Nairobi"}, {"Egypt", "Cairo"}, {"Norway", "Oslo"}};
        deck.front = "Country";
        deck.back = "Capital";
        return deck;
    }
    if (saysAny(low, {"multiplication", "times", "arithmetic", "math", "maths"})) {
        for (const auto& [a, b] : std::vector<std::pair<int, int>>{{7, 8}, {6, 9}, {12, 4}, {9, 9}, {8, 6}, {7, 7}, {11, 12}, {6, 7}})
            deck.cards.emplace_back(std::to_string(a) + " × " + std::to_string(b), std::to_string(a * b));
        deck.front = "Question";
        deck.back = "Answer";
        return deck;
    }
    if (saysAny(low, {"element", "elements", "periodic", "chemistry"})) {
        deck.cards = {{"H", "Hydrogen"}, {"O", "Oxygen"}, {"Na", "Sodium"}, {"Fe", "Iron"}, {"Au", "Gold"}, {"K", "Potassium"}, {"Ag", "Silver"}, {"C", "Carbon"}};
        deck.front = "Symbol";
        deck.back = "Element";
        return deck;
    }
    // The subject as the request names it ("flashcards for anatomy terms" -> "anatomy terms").
    static const std::regex about(R"(flash ?cards?\s+(?:app\s+|website\s+|deck\s+)?(?:about|on|for|of|to (?:learn|study|memori[sz]e))\s+([a-z' -]+?)(?=\s+(?:with|where|that|and|so|by)\b|[,.;:!?]|$))");
    std::smatch m;
    std::string topic = std::regex_search(low, m, about) ? m[1].str() : "";
    for (const char* lead : {"learning ", "studying ", "the ", "my ", "your ", "students ", "kids "})
        if (topic.rfind(lead, 0) == 0) topic.erase(0, std::strlen(lead));
    for (const char* tail : {" terms", " words", " vocabulary", " cards", " facts", " questions", " definitions"})
        if (topic.size() > std::strlen(tail) && topic.compare(topic.size() - std::strlen(tail), std::strlen(tail), tail) == 0) topic.resize(topic.size() - std::strlen(tail));
    const bool terms = saysAny(low, {"definition", "definitions", "term", "terms"});
    const bool questions = saysAny(low, {"question", "questions", "answer", "answers"});
    deck.front = terms ? "Term" : questions ? "Question" : "Front";
    deck.back = terms ? "Definition" : questions ? "Answer" : "Back";
    nameFaces(low, deck);
    const std::string subject = topic.empty() || topic.size() > 30 ? "" : capitalized(topic) + " ";
    for (int i = 1; i <= 6; ++i)
        deck.cards.emplace_back(subject + lowerText(deck.front) + " " + std::to_string(i), deck.back + " " + std::to_string(i));
    if (!subject.empty()) deck.cards.front().first[0] = (char)std::toupper((unsigned char)deck.cards.front().first[0]);
    return deck;
}

// Flashcards: one card at a time, its front until it is flipped (a tap on the card or Flip), then marked known or
// still to learn, which moves on; counts and a progress bar follow, the last card ends in a score and a way to go
// again. A request that adds or edits cards gets a form for a new card and the deck listed below.
void composeFlashcards(Draft& d, const std::string& low, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    const Deck deck = flashcardDeck(low);
    const bool translation = saysAny(low, {"translation", "translations", "meaning", "meanings"});
    // A face named in a sentence keeps a language's capital ("Tap to see the English word").
    const auto inSentence = [](const std::string& face) {
        static const std::set<std::string> languages = {"english", "spanish", "french", "german", "italian", "portuguese", "latin", "japanese", "chinese", "korean"};
        const std::string low = lowerText(face);
        return languages.count(wordsIn(low).front()) ? face : low;
    };
    const std::string backName = translation && deck.back == "English" ? "translation" : inSentence(deck.back);
    const std::string frontName = inSentence(deck.front);
    Json cards = Json::array();
    for (const auto& [front, back] : deck.cards) cards.push_back(Json{{"front", front}, {"back", back}});
    state["cards"] = cards;
    state["study"] = Json{{"at", 0}, {"flipped", false}, {"known", Json::array()}, {"learning", Json::array()}, {"done", false}};
    const bool unknownWord = saysAny(low, {"unknown"});
    const std::string again = unknownWord ? "Unknown" : saysAny(low, {"review", "again"}) ? "Review again" : "Still learning";
    body.push_back(Json{{"grid", Json::array({statTile("knownCount", "Known", "${count(study.known)}", "check"),
                                              statTile("learningCount", again, "${count(study.learning)}", "refresh")})},
                        {"cols", 2}, {"id", "studyStats"}});
    labelled.emplace_back("studyStats", "count counts known unknown learning score progress track");
    body.push_back(Json{{"progress", "${(count(study.known) + count(study.learning)) / max(count(cards), 1)}"}, {"id", "deckProgress"},
                        {"label", "Card ${min(study.at + 1, count(cards))} of ${count(cards)}"}});
    labelled.emplace_back("deckProgress", "progress bar how many");
    const std::string c = "cards[study.at]";
    // Marking the current card: it moves to one pile (never both), then the next card shows its front.
    const auto mark = [&](const char* into, const char* outOf) {
        const std::string to = std::string("study.") + into, from = std::string("study.") + outOf;
        return Json::array({Json{{"remove", from}, {"value", "${study.at}"}},
                            Json{{"if", "${!contains(" + to + ", study.at)}"}, {"then", Json{{"push", to}, {"value", "${study.at}"}}}},
                            Json{{"if", "${study.at + 1 < count(cards)}"},
                                 {"then", Json::array({Json{{"inc", "study.at"}}, Json{{"set", "study.flipped"}, {"value", false}}})},
                                 {"else", Json{{"set", "study.done"}, {"value", true}}}}});
    };
    Json face = Json::array({Json{{"text", "${study.flipped ? '" + deck.back + "' : '" + deck.front + "'}"}, {"muted", true}, {"align", "center"}}});
    if (!deck.media.empty()) face.push_back(Json{{"image", "${" + c + ".front}"}, {"icon", deck.media}, {"h", 160}, {"visible", "${!study.flipped}"}});
    face.push_back(Json{{"text", "${study.flipped ? " + c + ".back : " + c + ".front}"}, {"style", "display"}, {"align", "center"}, {"id", "cardFace"},
                        {"visible", deck.media.empty() ? Json(true) : Json("${study.flipped}")}});
    face.push_back(Json{{"text", "${study.flipped ? 'Tap to see the front again' : 'Tap to see the " + backName + "'}"}, {"style", "caption"}, {"muted", true}, {"align", "center"}});
    body.push_back(Json{{"card", face}, {"id", "flashcard"}, {"pad", 32}, {"visible", "${!study.done}"}, {"on", {{"press", Json{{"toggle", "study.flipped"}}}}}});
    labelled.emplace_back("flashcard", "flashcard flashcards card cards flip flips front word term shows " + frontName + " " + backName);
    body.push_back(Json{{"row", Json::array({Json{{"button", "Previous"}, {"id", "previousCard"}, {"icon", "arrow-left"}, {"variant", "ghost"}, {"enabled", "${study.at > 0}"},
                                                  {"on", {{"press", Json::array({Json{{"inc", "study.at"}, {"by", -1}, {"min", 0}}, Json{{"set", "study.flipped"}, {"value", false}}})}}}},
                                             Json{{"button", "Flip"}, {"id", "flipCard"}, {"icon", "refresh"}, {"variant", "outline"}, {"on", {{"press", Json{{"toggle", "study.flipped"}}}}}},
                                             Json{{"button", "Next"}, {"id", "nextCard"}, {"icon", "arrow-right"}, {"variant", "ghost"}, {"enabled", "${study.at + 1 < count(cards)}"},
                                                  {"on", {{"press", Json::array({Json{{"inc", "study.at"}}, Json{{"set", "study.flipped"}, {"value", false}}})}}}}})},
                        {"justify", "between"}, {"visible", "${!study.done}"}, {"id", "cardControls"}});
    labelled.emplace_back("flipCard", "flip turn reveal see translation answer back");
    labelled.emplace_back("nextCard", "next previous move card navigate");
    body.push_back(Json{{"row", Json::array({Json{{"button", again}, {"id", "markLearning"}, {"icon", "repeat"}, {"variant", "secondary"}, {"grow", 1}, {"on", {{"press", mark("learning", "known")}}}},
                                             Json{{"button", "Known"}, {"id", "markKnown"}, {"icon", "check"}, {"grow", 1}, {"on", {{"press", mark("known", "learning")}}}}})},
                        {"visible", "${!study.done}"}, {"id", "markButtons"}});
    labelled.emplace_back("markKnown", "mark known know got correct unknown learning");
    body.push_back(Json{{"card", Json::array({Json{{"text", "You knew ${count(study.known)} of ${count(cards)} cards"}, {"style", "h2"}, {"id", "deckScore"}},
                                              Json{{"text", "${count(study.learning)} to review next time"}, {"muted", true}},
                                              Json{{"button", "Study again"}, {"id", "studyAgain"}, {"icon", "undo"}, {"on", {{"press", Json{{"reset", "study"}}}}}}})},
                        {"visible", "${study.done}"}, {"id", "deckResult"}});
    labelled.emplace_back("deckResult", "score result end finished done again restart");
    if (!saysAny(low, {"add", "adds", "create", "creates", "make", "edit", "write", "own", "custom", "new"})) return;
    state["newCard"] = Json{{"front", ""}, {"back", ""}};
    body.push_back(Json{{"card", Json::array({Json{{"input", deck.front}, {"id", "newFront"}, {"bind", "newCard.front"}},
                                              Json{{"input", deck.back}, {"id", "newBack"}, {"bind", "newCard.back"}},
                                              Json{{"button", "Add card"}, {"id", "addCard"}, {"icon", "plus"}, {"enabled", "${trim(newCard.front) != '' && trim(newCard.back) != ''}"},
                                                   {"on", {{"press", Json::array({Json{{"push", "cards"}, {"value", Json{{"front", "${trim(newCard.front)}"}, {"back", "${trim(newCard.back)}"}}}},
                                                                                  Json{{"reset", "newCard"}}, Json{{"toast", "Card added"}, {"tone", "success"}}})}}}}})},
                        {"title", "New card"}, {"id", "newCardForm"}});
    labelled.emplace_back("newCardForm", "add create new make edit write own custom card cards deck");
    body.push_back(Json{{"list", Json::array({Json{{"item", "${it.front}"}, {"subtitle", "${it.back}"},
                                                   {"badge", "${contains(study.known, index) ? 'Known' : contains(study.learning, index) ? '" + again + "' : ''}"},
                                                   {"repeat", Json{{"in", "${cards}"}, {"as", "it"}}}}})},
                        {"title", "Deck · ${count(cards)} cards"}, {"id", "deckList"}});
    labelled.emplace_back("deckList", "deck list all cards vocabulary");
}

// Typing test: a passage to copy, a box to type it into, a clock that starts with the first key and stops when the
// passage is typed (or at Finish), words per minute and word accuracy as it goes, and the next passage.
void composeTypingTest(Draft& d, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    Json& state = d.spec["state"];
    state["passages"] = Json::array({"The quick brown fox jumps over the lazy dog while the farmer watches from the gate.",
                                     "Practice makes progress: keep your eyes on the screen, type each word with care, and let your speed come on its own.",
                                     "A good morning starts with a glass of water, a short walk in fresh air, and a clear plan for the day ahead."});
    state["typing"] = Json{{"text", ""}, {"passage", 0}, {"seconds", 0}, {"running", false}, {"finished", false}};
    const std::string passage = "passages[typing.passage]";
    const std::string typed = "split(trim(typing.text), ' ')";
    const std::string words = "(trim(typing.text) == '' ? 0 : count(" + typed + "))";
    const std::string right = "count(filter(range(" + words + "), i => " + typed + "[i] == split(" + passage + ", ' ')[i]))";
    body.push_back(Json{{"grid", Json::array({statTile("wpmStat", "Words per minute", "${typing.seconds > 0 ? round(" + words + " * 60 / typing.seconds) : 0}", "tachometer"),
                                              statTile("accuracyStat", "Accuracy", "${" + words + " > 0 ? round(100 * " + right + " / " + words + ") : 100}%", "bullseye"),
                                              Json{{"timer", "Time"}, {"id", "typingClock"}, {"bind", "typing.seconds"}, {"up", true}, {"running", "${typing.running}"}}})},
                        {"cols", 3}, {"id", "typingStats"}});
    labelled.emplace_back("wpmStat", "words per minute wpm speed");
    labelled.emplace_back("accuracyStat", "accuracy errors mistakes correct");
    labelled.emplace_back("typingClock", "timer time clock seconds elapsed");
    body.push_back(Json{{"card", Json::array({Json{{"text", "${" + passage + "}"}, {"style", "h3"}, {"id", "passageText"}},
                                              Json{{"progress", "${min(len(typing.text) / len(" + passage + "), 1)}"}, {"caption", "${len(typing.text)} of ${len(" + passage + ")} characters"}}})},
                        {"title", "Type this"}, {"id", "passageCard"}});
    labelled.emplace_back("passageCard", "paragraph passage text sentence sample prompt display show");
    // The first key starts the clock; reaching the passage's length stops it.
    body.push_back(Json{{"textarea", "Your typing"}, {"id", "typingBox"}, {"bind", "typing.text"}, {"rows", 3}, {"placeholder", "Start typing to start the clock"},
                        {"enabled", "${!typing.finished}"},
                        {"on", {{"change", Json::array({Json{{"if", "${!typing.running && !typing.finished}"}, {"then", Json{{"set", "typing.running"}, {"value", true}}}},
                                                        Json{{"if", "${len(typing.text) >= len(" + passage + ")}"},
                                                             {"then", Json{{"set", Json{{"typing.running", false}, {"typing.finished", true}}}}}}})}}}});
    labelled.emplace_back("typingBox", "type typing input text box area field");
    body.push_back(Json{{"card", Json::array({Json{{"text", "${round(" + words + " * 60 / max(typing.seconds, 1))} WPM at ${" + words + " > 0 ? round(100 * " + right + " / " + words + ") : 100}% accuracy"},
                                                   {"style", "h2"}, {"id", "typingResult"}},
                                              Json{{"text", "${" + right + "} of ${" + words + "} words right in ${typing.seconds} seconds"}, {"muted", true}}})},
                        {"visible", "${typing.finished}"}, {"tone", "success"}, {"id", "resultCard"}});
    labelled.emplace_back("resultCard", "result results finished finish end score");
    body.push_back(Json{{"row", Json::array({Json{{"button", "Finish"}, {"id", "finishTest"}, {"icon", "flag-checkered"}, {"variant", "outline"},
                                                  {"enabled", "${typing.running}"}, {"on", {{"press", Json{{"set", Json{{"typing.running", false}, {"typing.finished", true}}}}}}}},
                                             Json{{"button", "Next passage"}, {"id", "nextPassage"}, {"icon", "arrow-right"}, {"variant", "ghost"},
                                                  {"on", {{"press", Json::array({Json{{"set", Json{{"typing.text", ""}, {"typing.seconds", 0}, {"typing.running", false}, {"typing.finished", false}}}},
                                                                                 Json{{"set", "typing.passage"}, {"value", "${(typing.passage + 1) % count(passages)}"}}})}}}}})},
                        {"wrap", true}});
    labelled.emplace_back("finishTest", "finish stop end");
    labelled.emplace_back("nextPassage", "next new another passage paragraph");
}

//-----------------------------------------------------------------------------
// [SECTION] Generators (colour palettes)
//-----------------------------------------------------------------------------

// A colour palette or scheme to generate, not a palette to paint with ("a pixel editor with a palette of four colours").
bool paletteGenerator(const std::string& low) {
    static const std::regex generated(R"(\b(colou?r )?(palette|palettes|scheme|schemes)\b.*\b(generator|generate|generates|generating|random|randomi[sz]e)\b|\b(generate|generates|random)\b.*\bcolou?r (palette|palettes|scheme|schemes)\b)");
    return std::regex_search(low, generated);
}

// Five colours a press of Generate replaces, except those locked; each shows its hex code and copies it. Palettes come
// from a few hand-picked harmonious sets in turn, so every press gives colours that go together.
void composePaletteGenerator(Draft& d, Json& body, std::vector<std::pair<std::string, std::string>>& labelled) {
    static const char* const sets[][5] = {{"#264653", "#2A9D8F", "#E9C46A", "#F4A261", "#E76F51"}, {"#003049", "#D62828", "#F77F00", "#FCBF49", "#EAE2B7"},
                                          {"#606C38", "#283618", "#FEFAE0", "#DDA15E", "#BC6C25"}, {"#CDB4DB", "#FFC8DD", "#FFAFCC", "#BDE0FE", "#A2D2FF"},
                                          {"#0B132B", "#1C2541", "#3A506B", "#5BC0BE", "#6FFFE9"}, {"#F94144", "#F8961E", "#F9C74F", "#90BE6D", "#577590"},
                                          {"#22223B", "#4A4E69", "#9A8C98", "#C9ADA7", "#F2E9E4"}, {"#8ECAE6", "#219EBC", "#023047", "#FFB703", "#FB8500"}};
    Json& state = d.spec["state"];
    Json pool = Json::array(), palette = Json::array();
    for (const auto& set : sets) {
        Json colours = Json::array();
        for (const char* hex : set) colours.push_back(hex);
        pool.push_back(colours);
    }
    for (const Json& hex : pool[0]) palette.push_back(Json{{"hex", hex}, {"locked", false}});
    state["palettes"] = pool;
    state["palette"] = palette;
    state["generated"] = 0;
    const std::string count = std::to_string(std::size(sets));
    Json generate = Json::array({Json{{"inc", "generated"}}});
    for (int i = 0; i < 5; ++i) {
        const std::string at = std::to_string(i), next = "palettes[generated % " + count + "][" + at + "]";
        generate.push_back(Json{{"if", "${!palette[" + at + "].locked}"},
                                {"then", Json{{"set", "palette." + at + ".hex"}, {"value", "${" + next + "}"}}}});
    }
    body.push_back(Json{{"row", Json::array({Json{{"button", "Generate"}, {"id", "generatePalette"}, {"icon", "random"}, {"on", {{"press", generate}}}},
                                             Json{{"text", "${count(filter(palette, c => c.locked))} locked"}, {"muted", true}}})},
                        {"valign", "center"}, {"gap", 16}});
    labelled.emplace_back("generatePalette", "generate generates new random palette colors colours press button");
    // The swatch is a glyph drawn in the colour itself: backgrounds take a soft tint of a colour, never the colour.
    Json swatch = Json{{"col", Json::array({Json{{"icon", "square"}, {"size", 96}, {"color", "${c.hex}"}, {"align", "center"}},
                                            Json{{"text", "${c.hex}"}, {"style", "strong"}, {"align", "center"}}})},
                       {"gap", 4}};
    Json tools = Json{{"row", Json::array({Json{{"icon_button", "${c.locked ? 'lock' : 'unlock'}"}, {"label", "${c.locked ? 'Unlock' : 'Lock'} colour ${index + 1}"},
                                                 {"variant", "${c.locked ? 'filled' : 'ghost'}"}, {"on", {{"press", Json{{"toggle", "palette.${index}.locked"}}}}}},
                                            Json{{"icon_button", "clipboard"}, {"label", "Copy ${c.hex}"},
                                                 {"on", {{"press", Json::array({Json{{"copy", "${c.hex}"}}, Json{{"toast", "Copied ${c.hex}"}, {"tone", "success"}}})}}}}})},
                      {"justify", "between"}};
    body.push_back(Json{{"grid", Json::array({Json{{"card", Json::array({swatch, tools})}, {"pad", 8}, {"repeat", Json{{"in", "${palette}"}, {"as", "c"}}}}})},
                        {"cols", 5}, {"id", "paletteSwatches"}});
    labelled.emplace_back("paletteSwatches", "five colors colours palette swatches lock locks locked copy hex code codes shows");
    body.push_back(Json{{"text", "${join(map(palette, c => c.hex), '  ')}"}, {"muted", true}, {"id", "paletteCodes"}});
    labelled.emplace_back("paletteCodes", "hex codes code values");
}

//-----------------------------------------------------------------------------
// [SECTION] Composition
//-----------------------------------------------------------------------------

} // namespace

// "studio's" -> "studio".
std::string possessor(const std::string& w) { return w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0 ? w.substr(0, w.size() - 2) : w; }

// The words that can make a request a workspace: those of its first sentence, which says what the app is ("Auto
// adjusters work through claims. ... a repair estimate" is records, not an estimator), less a kind word that only
// names people or a business ("HOA board member", "game studio", "escape room game master").
std::vector<std::string> kindWords(const std::string& low) {
    static const std::regex sentenceEnd(R"([.!?](\s|$)|\n)");
    std::smatch m;
    const std::string lead = std::regex_search(low, m, sentenceEnd) ? low.substr(0, static_cast<size_t>(m.position(0))) : low;
    static const std::set<std::string> people = {"member", "members", "master", "masters", "studio", "studios", "team", "teams",
                                                 "staff", "company", "companies", "developer", "developers", "designer", "designers"};
    const std::vector<std::string> all = wordsIn(lead);
    std::vector<std::string> kept;
    for (size_t i = 0; i < all.size(); ++i)
        if (i + 1 >= all.size() || !people.count(possessor(all[i + 1]))) kept.push_back(all[i]);
    return kept;
}

WorkspaceReading readWorkspace(const IdeaReading& reading) {
    WorkspaceReading ws;
    std::string text = reading.request;
    if (text.empty()) {  // a reading built by hand: its own summary and statements
        text = reading.summary;
        for (const std::string& r : reading.requirements) text += ". " + r;
    }
    ws.text = safeText(text, 4000);
    ws.request = lowerText(ws.text);
    const std::vector<std::string> words = kindWords(ws.request);
    // Records to manage, sell or book are not a workspace, whatever board or grid words they use.
    // Rows people filter are records too ("filter games by status").
    if (hasWord(words, {"kanban", "marketplace", "tracker", "tracking", "crm", "inventory", "booking", "bookings", "inbox", "feed", "filter", "filters"})) return ws;
    const bool cells = hasWord(words, {"grid", "cells", "squares", "tiles", "pixels", "pixel", "pixel-art", "canvas", "sequencer", "seating",
                                       "sketch", "sketcher"}) ||
                       std::regex_search(ws.request, std::regex(R"(\d+[- ]step\b|drum machine)"));
    // A chess club or a bingo league is people and events around the game, not the game's board.
    // A game night planner or a quiz league is the same: events and people to organise, not a game to play.
    const bool aboutPlayers = hasWord(words, {"club", "clubs", "league", "leagues", "tournament", "tournaments", "society", "association", "school", "lessons",
                                              "planner", "planning", "organizer", "organiser", "night", "nights", "rental", "rentals", "shop", "store",
                                              "cafe", "cafes", "pub", "bar", "library", "lending", "lend", "collection", "shelf"});
    const bool makesOne = hasWord(words, {"builder", "maker", "creator", "editor", "designer", "author", "authoring"});
    // The game itself: tiles slid by arrows, questions to answer, else a board of cells.
    const bool slide = !aboutPlayers && (hasWord(words, {"2048", "15-puzzle", "8-puzzle"}) ||
                                         (hasWord(words, {"sliding", "slide"}) && hasWord(words, {"puzzle", "puzzles", "tile", "tiles", "game"})));
    // A quiz on the way to something else ("book a slot after an eligibility quiz") is a step of that app.
    const bool quiz = !aboutPlayers && !makesOne && hasWord(wordsIn(lowerText(requestSubject(ws.text))), {"quiz", "quizzes", "trivia"});
    const bool game = !aboutPlayers && hasWord(words, {"game", "games", "puzzle", "puzzles"});
    const bool boardGame = !aboutPlayers && (hasWord(words, {"sudoku", "crossword", "chess", "checkers", "bingo", "minesweeper", "gomoku"}) ||
                                             ticTacToe(ws.request) || connectFour(ws.request));
    // A board of cells to play on or to mark ("a housekeeping board with every room marked dirty or clean"); a
    // clearance, bed or tank board is records with a status.
    const bool grid = cells || (hasWord(words, {"board", "boards"}) && (game || boardGame || hasWord(words, {"mark", "marks", "marked"})));
    const bool calculator = hasWord(words, {"calculator", "calculate", "calculates", "estimate", "estimator", "configurator", "configure",
                                            "simulator", "scaler", "converter", "payback", "compute", "computes"}) ||
                            (hasWord(words, {"splitter"}) && hasWord(words, {"bill", "bills"}));  // an expense splitter keeps records of who paid
    // Something that ticks; a time clock that staff clock in on is attendance records, not a clock face.
    const auto ticks = [](const std::vector<std::string>& w) { return hasWord(w, {"timer", "timers", "stopwatch", "countdown", "pomodoro", "clock", "clocks"}); };
    const bool timer = ticks(words) &&
                       !std::regex_search(ws.request, std::regex(R"(time[- ]clock|clock(s|ed|ing)?[- ](in|out|on|off)\b)"));
    const bool editor = hasWord(words, {"designer", "editor", "builder", "design", "compose", "composer", "customize", "preview", "mockup"});
    // A board the request draws wins; a tool it names (a chess clock) comes before the game it is for.
    // A timer the subject names ("a board game timer") is the app; one on the side of records ("a workout log with a rest
    // timer") or of a board stays a feature of that app.
    const bool timerSubject = timer && ticks(wordsIn(lowerText(requestSubject(ws.text))));
    ws.kind = flashcards(words) && !makesOne ? WorkspaceKind::Flashcards
              : typingTest(ws.request)       ? WorkspaceKind::TypingTest
              : paletteGenerator(ws.request) ? WorkspaceKind::PaletteGenerator
              : slide           ? WorkspaceKind::SlideBoard
              : quiz          ? WorkspaceKind::Quiz
              : timerSubject  ? WorkspaceKind::Timer
              : grid          ? WorkspaceKind::Grid
              : boardGame     ? WorkspaceKind::Grid
              : calculator    ? WorkspaceKind::Calculator
              : editor        ? WorkspaceKind::Editor
              : game          ? WorkspaceKind::Grid
                              : WorkspaceKind::None;
    return ws;
}

Json composeWorkspace(Draft& d, const WorkspaceReading& ws) {
    Json& spec = d.spec;
    const std::string& low = ws.request;
    const std::vector<ListedItems> lists = listsIn(low, ws.text);
    std::vector<std::pair<std::string, std::string>> labelled;  // node id -> words that name what it shows
    Json body = Json::array(), snapshot = Json::object(), summaryRows = Json::array();
    const std::string subject = requestSubject(ws.text);
    if (!subject.empty() && lowerText(subject) != lowerText(spec["meta"]["name"].get<std::string>()))
        body.push_back(Json{{"heading", subject}, {"id", "workspaceTitle"}});
    if (ws.kind == WorkspaceKind::Grid && rockPaperScissors(low)) {
        composeRockPaperScissors(d, body, labelled);
        snapshot = Json{{"title", "${score.wins} wins, ${score.losses} losses"}, {"detail", "${score.draws} draws"}};
    } else if (ws.kind == WorkspaceKind::Grid && whackAMole(low)) {
        composeWhackAMole(d, low, body, labelled);
        snapshot = Json{{"title", "Score ${whack.score}"}, {"detail", "Best ${best}"}};
    } else if (ws.kind == WorkspaceKind::Grid && numberGuess(low)) {
        composeNumberGuess(d, low, body, labelled);
        snapshot = Json{{"title", "${guess.won ? 'Won' : 'Playing'}"}, {"detail", "${guess.tries} guesses"}};
    } else if (ws.kind == WorkspaceKind::Grid && saysAny(low, {"hangman"})) {
        composeHangman(d, low, body, labelled);
        snapshot = Json{{"title", "${hang.word}"}, {"detail", "${hang.wrong} wrong guesses"}};
    } else if (ws.kind == WorkspaceKind::Grid) {
        composeGrid(d, low, lists, body, labelled);
        snapshot = Json{{"title", capitalized(cellNoun(low)) + " layout ${count(saved) + 1}"}, {"detail", "${moves} changes"}};
    } else if (ws.kind == WorkspaceKind::SlideBoard) {
        composeSlideBoard(d, low, body, labelled);
        snapshot = Json{{"title", "Score ${score}"}, {"detail", "${moves} moves"}};
    } else if (ws.kind == WorkspaceKind::Quiz) {
        composeQuiz(d, low, body, labelled);
        snapshot = Json{{"title", "Score ${quiz.score}"}, {"detail", "Question ${quiz.at + 1}"}};
    } else if (ws.kind == WorkspaceKind::Timer) {
        composeTimer(d, low, body, labelled);
        snapshot = Json{{"title", "Timer ${count(saved) + 1}"}, {"detail", "${moves ?? rounds ?? 0} turns"}};
    } else if (ws.kind == WorkspaceKind::Flashcards) {
        composeFlashcards(d, low, body, labelled);
        snapshot = Json{{"title", "${count(study.known)} of ${count(cards)} known"}, {"detail", "${count(study.learning)} to review"}};
    } else if (ws.kind == WorkspaceKind::TypingTest) {
        composeTypingTest(d, body, labelled);
        snapshot = Json{{"title", "${typing.seconds} seconds"}, {"detail", "${len(typing.text)} characters typed"}};
    } else if (ws.kind == WorkspaceKind::PaletteGenerator) {
        composePaletteGenerator(d, body, labelled);
        snapshot = Json{{"title", "${join(map(palette, c => c.hex), ' ')}"}, {"detail", "Palette ${count(saved) + 1}"}};
    } else if (ws.kind == WorkspaceKind::Calculator) {
        if (!composeRomanNumerals(d, low, body, labelled, snapshot) && !composeRecipeScaler(d, low, body, labelled, snapshot) &&
            !composeConverter(d, low, body, labelled, snapshot) &&
            !composeFormula(d, low, body, labelled, snapshot, summaryRows))
            composeCalculator(d, low, lists, body, labelled, snapshot, summaryRows);
    } else {
        composeEditor(d, low, lists, body, labelled, snapshot, summaryRows);
    }

    // The controls row: play/stop and sliders where asked, the views the request names, and a reset.
    Json controls = Json::array();
    // A board played in turns or for pairs starts a new game (keeping the wins).
    const bool turns = spec["state"].contains("winner") || spec["state"].contains("pairs") || spec["state"].contains("snake") || spec["state"].contains("sweep") ||
                       spec["state"].contains("rps") || spec["state"].contains("hang") || spec["state"].contains("whack") || spec["state"].contains("guess") ||
                       spec["state"].contains("sudoku");
    // Their own moves; "play" is not a transport.
    const bool game = ws.kind == WorkspaceKind::SlideBoard || ws.kind == WorkspaceKind::Quiz || turns;
    // Practice runs on its own clock and cards; it starts over rather than playing a new game.
    const bool practice = ws.kind == WorkspaceKind::Flashcards || ws.kind == WorkspaceKind::TypingTest || ws.kind == WorkspaceKind::PaletteGenerator;
    if (!game && !practice && ws.kind != WorkspaceKind::Timer && saysAny(low, {"play", "play/stop", "start"})) {
        spec["state"]["playing"] = false;
        controls.push_back(Json{{"button", "${playing ? 'Stop' : 'Play'}"}, {"id", "playButton"}, {"icon", "${playing ? 'stop' : 'play'}"},
                                {"on", {{"press", Json{{"toggle", "playing"}}}}}});
        labelled.emplace_back("playButton", "play stop start");
    }
    std::smatch m;
    if (!practice && std::regex_search(low, m, std::regex(R"(\b(tempo|bpm|speed|volume|zoom|brush size)\b)"))) {
        const bool tempo = m[1] == "tempo" || m[1] == "bpm";
        spec["state"]["level"] = tempo ? 120 : 50;
        body.push_back(Json{{"slider", tempo ? "Tempo" : capitalized(m[1].str())}, {"id", "levelSlider"}, {"bind", "level"}, {"min", tempo ? 60 : 0},
                            {"max", tempo ? 200 : 100}, {"suffix", tempo ? " BPM" : "%"}});
        labelled.emplace_back("levelSlider", m[1].str() + " bpm slider");
    }
    addViews(d, low, snapshot, summaryRows, controls);
    const char* resetPaths[] = {"cells", "calc", "conv", "roman", "design", "quiz", "moves", "score", "clock", "turn", "winner", "paused", "flagged", "running", "left",
                                "phase", "rounds", "elapsed", "laps", "open", "pairs", "snake", "opened",
                                "flags", "sweep", "rps", "hang", "whack", "guess", "study", "typing", "palette", "generated", "ingredients", "servings"};
    Json reset = Json::array();
    for (const char* path : resetPaths)
        if (spec["state"].contains(path)) reset.push_back(Json{{"reset", path}});
    // A game the request resets ("a reset button clears the scoreboard") keeps that word.
    // A puzzle game deals its next puzzle instead of the same one again.
    if (spec["state"].contains("puzzles"))
        reset = Json::array({Json{{"set", "sudoku"}, {"value", Json{{"game", "${(sudoku.game + 1) % 3}"}, {"checked", false}}}},
                             Json{{"set", "cells"}, {"value", "${puzzles[sudoku.game]}"}}, Json{{"reset", "moves"}}});
    const char* restart = practice ? "Start over" : game && !saysAny(low, {"reset"}) ? "New game" : ws.kind == WorkspaceKind::Grid && !game ? "Clear" : "Reset";
    controls.push_back(Json{{"button", restart}, {"id", "clearButton"}, {"icon", "undo"}, {"variant", "ghost"},
                            {"on", {{"press", reset}}}});
    labelled.emplace_back("clearButton", game || practice ? "new game start over restart clear reset" : "clear reset undo erase");
    body.push_back(Json{{"row", controls}, {"wrap", true}});

    spec["screens"].erase("home");
    d.screen("workspace", Json{{"title", spec["meta"]["name"]}, {"icon", "th"}, {"body", body}});
    spec["nav"] = Json{{"kind", "stack"}, {"start", "workspace"}};
    traceWorkspace(d, labelled);
    for (const char* k : {"overlays", "actions", "mocks"})
        if (spec[k].empty()) spec.erase(k);
    return spec;
}

} // namespace pt::draft
