// Promptotype — the offline refiner's list requests: search, filter chips, sort, count badges, confirmations.
//
// A list is found in the spec itself, never from a domain table: a repeat or a table whose rows come from a state
// array of objects, named by that array ("habits", "cartItems"), its container's and screen's titles and ids. The
// request's words pick the list ("the habits list", "sort tasks", "before deleting a habit"). New controls are bound
// to new state and the list's rows expression is rewritten to use them, so the control really filters, reorders or
// counts what the list shows.
//
// [SECTION] Lists of the app
// [SECTION] Requests

#pragma once
#include "generator/offline/refine_toolkit.h"

namespace pt::refine {

//-----------------------------------------------------------------------------
// [SECTION] Lists of the app
//-----------------------------------------------------------------------------

// A list the app shows: a node repeated over rows, or a table.
struct AppList {
    std::string pointer;            // the node with "repeat", or the table
    std::string rowsPointer;        // the string holding the rows expression ("/.../repeat/in", "/.../table")
    std::string rows;               // that expression without "${" and "}" ("filter(habits, h => h.on)")
    std::string alias;              // the row's name inside the list ("h"; for a table a fresh name)
    std::string source;             // the state array the rows come from ("habits")
    Json sample;                    // its first row (an object)
    std::string owner;              // the screen ("/screens/today")
    std::string before;             // the array element a control for this list goes before
    std::set<std::string> words;    // stems naming it: the state key, ids, container and screen titles
    std::set<std::string> sourceWords;   // stems of the state key alone
};

std::vector<AppList> appLists(const Json& doc);   // in document order
// The list the words name best (the state key counts most); else the one on the selected node's screen, else the only
// list. Null when none fits.
const AppList* pickList(const std::vector<AppList>& lists, const std::vector<std::string>& words, const RequestScope& scope);
// The list of every row of the same source when `list` shows only a few of them (a dashboard's recent ones), else `list`.
const AppList* everyRowOf(const std::vector<AppList>& lists, const AppList* list);

// The node that shows one row of the state array `source`: repeated over the rows filtered by params.id (the drafter's
// detail screen). `node` is "" when no screen shows one row.
struct RowDetail {
    std::string node;       // the repeated node
    std::string children;   // the pointer of its children array ("" when it has none)
    std::string alias;      // the row's name inside it
};
RowDetail rowDetailOf(const Json& doc, const std::string& source);
// The screen whose form saves a new row into `source` (a push of an object read from a draft: "${habitDraft.name}"),
// or "" when none does.
std::string createScreenOf(const Json& doc, const std::string& source);
size_t beforeButtons(const Json& children);
// The state path of `field` on the row named `alias` of the state array `source` ("tasks.${count(...)}.status"), as
// the drafter writes it (draft::rowPath: rows keep ascending ids).
std::string rowFieldPath(const std::string& source, const std::string& alias, const std::string& field);   // where new content goes among a container's children: before its first button

//-----------------------------------------------------------------------------
// [SECTION] Requests
//-----------------------------------------------------------------------------

Outcome addListSearch(EditLog& log, const Request& r, const RequestScope& scope);   // "add a search bar to the habits list"
Outcome addListFilter(EditLog& log, const Request& r, const RequestScope& scope);   // "add filter chips to tasks", "filter tasks by status"
Outcome addListSort(EditLog& log, const Request& r, const RequestScope& scope);     // "let users sort habits by streak"
// "add a screen showing today's hearings": some rows of a list (by date or a field's value) on a new screen; the
// list's name starts at word `from`.
Outcome addListScreen(EditLog& log, const Request& r, const RequestScope& scope, int from);
bool asksCountBadge(const Request& r);                                         // "badge", or a number on a tab or menu item
Outcome addCountBadge(EditLog& log, const Request& r);                        // "show a badge with the number of X on the Y tab"
bool asksCountStat(const Request& r);                                         // a number, total or stat on a screen
Outcome addCountStat(EditLog& log, const Request& r);                         // "show the total number of X on the home screen"
Outcome confirmBeforeRemoving(EditLog& log, const Request& r, const RequestScope& scope);   // "a confirmation dialog before deleting a habit"
// A new screen of the rows of `list` for which the expression `keep` holds (on the row named list.alias), titled
// `title`, opened from a tab (`icon`) when the tab bar has room, else from a link beside the list.
Outcome addFilteredScreen(EditLog& log, const AppList& list, const std::string& keep, const std::string& title, const std::string& icon);
bool asksCardLayout(const Request& r);                                        // "show hearings as cards instead of a list", "make the habits a grid"
Outcome showAsCards(EditLog& log, const Request& r, const RequestScope& scope);   // the list's rows as cards (a grid on wide screens)
bool asksEmptyState(const Request& r);                                        // "show an empty state when there are no habits"
Outcome addEmptyState(EditLog& log, const Request& r, const RequestScope& scope);   // a message (and a way to add one) on an empty list

// Rewrites the free identifier `name` in the expressions of `text` (never inside quotes, after a '.', or where a
// lambda binds it) to `replacement`; false when a lambda in the text binds `name` (the rewrite would be wrong).
bool renameIdentifier(const std::string& text, const std::string& name, const std::string& replacement, std::string* out);

} // namespace pt::refine
