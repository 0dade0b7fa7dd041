// Promptotype — the offline refiner's requests on the app's look: colours by role, dark or light mode, font,
// density and corners, written to the theme keys (specs/FORMAT.md, `theme`).
//
// The words are read by the drafter's own style reader (readRequestStyle), so "make the header navy", "use a dark
// green accent", "dark mode", "more compact", "rounder corners" and "a serif font" mean the same in a change request
// as in a new idea. A colour for a named widget ("make the save button red") is not a theme change: it is left to
// the widget recolouring.

#pragma once
#include "generator/offline/refine_toolkit.h"

namespace pt::refine {

// The theme keys a request asks to set ({"header": "navy", "density": "compact"}); empty when it asks for none, or
// when its colour is for a widget it names rather than for the app.
Json themeChangeIn(const Request& r);
Outcome restyleTheme(EditLog& log, const Json& change);   // writes the keys into the theme, with a summary of what changed

} // namespace pt::refine
