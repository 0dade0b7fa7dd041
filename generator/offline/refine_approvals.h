// Promptotype — the offline refiner's approval requests: "let managers approve or reject time-off requests" puts
// Approve and Reject buttons on the screen that shows one of those rows; each sets the row's status and says so.
//
// The rows are found in the spec (refine_lists.h: the list whose state array the words name) and their screen is the
// one repeated over that array filtered by params.id, the drafter's detail screen. Rows without a status get one
// ("Pending"), so the change shows in the row and in any list or badge that reads it.

#pragma once
#include "generator/offline/refine_toolkit.h"

namespace pt::refine {

bool asksApproval(const Request& r);                                          // "approve", "approval", "reject" in the words
Outcome addApprovalButtons(EditLog& log, const Request& r, const RequestScope& scope);   // the buttons on the rows' detail screen

} // namespace pt::refine
