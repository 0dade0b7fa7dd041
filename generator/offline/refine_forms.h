// Promptotype — the offline refiner's requests on forms, flows and screen actions: split a field, make one optional,
// a new step in a flow, an export button, a message after an action.
//
// Forms and flows are found in the spec itself: an input is named by its label, a flow by the screen the request
// names and the control on it that goes forward (a submit that pushes a draft, else a button or link to another
// screen). New inputs bind beside the form's own draft and are saved with it, so the change shows in the rows.

#pragma once
#include "generator/offline/refine_toolkit.h"

namespace pt::refine {

Outcome splitField(EditLog& log, const Request& r, const RequestScope& scope);      // "split Name into First name and Last name"
Outcome setFieldRequired(EditLog& log, const Request& r, const RequestScope& scope); // "make email optional", "make phone required"
Outcome addFlowStep(EditLog& log, const Request& r);                                 // "after they pick X, add a step asking for Y and Z"
Outcome addExportButton(EditLog& log, const Request& r);                             // "add an 'Export to CSV' button on the report"
// "show a toast after saving a habit", "a 'Booked!' message when they book": a message from the button doing that.
bool asksFeedbackAfter(const Request& r);
Outcome addFeedbackAfter(EditLog& log, const Request& r);

} // namespace pt::refine
