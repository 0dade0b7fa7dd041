// Promptotype — the app a change request is about, as an idea the drafter can build before the request is applied.
//
// Evaluating a change request needs an app to change. "<domain> app" rarely has what the request names (its "member
// directory", "Messages tab" or "catering quote"), so the request would be declined for want of a target, not for
// want of a handler. The context names the app by the request's own nouns and leaves the change out: drafting the
// change itself would build the answer before the refiner is asked for it.

#pragma once
#include <string>
#include <string_view>

namespace pt {

// "A <domain> app for <the things the request names>" ("An invoicing app for invoices"); the request's controls,
// verbs and quoted labels ("search box", "badge", "Export to CSV") are not part of it.
std::string changeRequestContext(std::string_view request, const std::string& domain);

} // namespace pt
