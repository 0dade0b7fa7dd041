// Promptotype — the offline refiner's requests about every row of a list: "add a Share button to each habit",
// "put a delete button on every task", "a favourite button for each recipe".
//
// The rows are a list the app shows (refine_lists.h), named by the words after "each", "every" or "per", or by the
// state array's own name ("to the habits"). The button goes where one row is shown: the drafter's detail screen of
// those rows, else inside the repeated row when it is a container. What it does follows its verb, always to the
// mock state or with feedback naming the row: delete removes the row, duplicate adds a copy, share / send / print say
// it was done, any other verb flips a flag on the row that the button's label shows ("Pin" -> "Pinned"). Comments,
// replies and answers are a discussion kept on each row: what people wrote, and a box to add to it. Editing a row is
// the app's own new-row form on a screen of its own, filled from the row and saving over it.

#pragma once
#include "generator/offline/refine_lists.h"

namespace pt::refine {

// Whether the words after `from` name every row of a list ("each habit", "every task", "all the orders", "to the
// habits") rather than a screen or a container; `lists` are the app's.
bool namesEveryRow(const Request& r, int from, const std::vector<AppList>& lists);
bool asksRowButton(const Request& r, const Json& doc);   // an added button for "each/every X" (or X's rows) of a list in `doc`
Outcome addRowButton(EditLog& log, const Request& r, const RequestScope& scope);
// "let me duplicate a habit", "a way to archive habits", "users can pin tasks": a verb done to one row at a time with
// no button named; the index of the verb, or -1.
int rowVerbAt(const Request& r, const Json& doc);
Outcome addRowVerbButton(EditLog& log, const Request& r, const RequestScope& scope);   // a button doing that verb on each row
// A button labelled `label` on each row of the list `rowWords` name, doing what its verb says.
Outcome addRowButtonLabelled(EditLog& log, const std::string& label, const std::vector<std::string>& rowWords, const RequestScope& scope);
// "add a favorites tab", "a screen of starred recipes": the index of the marking word ("favorites"), or -1.
int markedScreenAt(const Request& r);
// A button marking each row (unless there is one) and a screen of the marked rows.
Outcome addMarkedScreen(EditLog& log, const Request& r, const RequestScope& scope);
// "add a button to mark all habits done", "clear all hearings": the index of "all", or -1.
int bulkWordAt(const Request& r);
// A button above the list doing that to every row: a yes/no field or a status value set on each, or the rows cleared.
Outcome addBulkAction(EditLog& log, const Request& r, const RequestScope& scope);
// "add comments to each task", "let people reply to questions": a discussion on the screen of each row.
bool asksDiscussion(const Request& r, const Json& doc);
Outcome addDiscussion(EditLog& log, const Request& r, const RequestScope& scope);
// "let users edit a habit", "add an edit button to the walk screen", "make tasks editable".
bool asksEdit(const Request& r);
// An Edit button on the screen of each row opening an edit screen: the new-row form's inputs, filled from the row,
// and "Save changes" writing them over it.
Outcome addEditForm(EditLog& log, const Request& r, const RequestScope& scope);

} // namespace pt::refine
