// Promptotype — the offline refiner's requests for a new column or field of rows the app already has: "add a column
// for the due date to the loans table", "show the deposit on each booking", and the rows a new form field saves into.
//
// The rows gain the field with believable values, invented by the drafter's own rules for a field of that label
// (a date near the simulated clock, an amount, a person, a short title), so the column reads as data at once.
// A table gains a column; a repeated list row shows the value in its subtitle.

#pragma once
#include "generator/offline/refine_lists.h"

namespace pt::refine {

// Gives every row of the state array `source` a `key` member (labelled `label`) with an invented value; rows that
// have it keep theirs. Returns how many rows changed.
int fillRowsWith(EditLog& log, const std::string& source, const std::string& key, const std::string& label);
Outcome addListColumn(EditLog& log, const Request& r, const RequestScope& scope);   // "add a column for X to the Y table/list"
// Shows the field labelled `label` in `list` (a table column, else in each row's subtitle), first giving the rows
// one with invented values where they lack it.
Outcome showField(EditLog& log, const AppList& list, const std::string& label);
// Shows the rows' field `key` (labelled `label`, of the drafter's field kind `kind`) on the screen that shows one row:
// a line of its details, or a card of its own for long text. Returns how, for the summary ("" when there is no such
// screen or it shows the field already).
std::string showOnDetail(EditLog& log, const std::string& source, const std::string& key, const std::string& label, const std::string& kind);

} // namespace pt::refine
