// Promptotype — Inspector: what a spec's prototype contains, as data.
//
// Renders every screen headlessly and reports its widgets, the ways between screens (each with a
// target `play` can click), controls that do nothing, unreachable screens and all visible text.
// Used by `promptotype inspect`, the tests and (later) the generator's quality checks. With --layout, the laid-out
// rectangles of every screen and the layout checker's findings instead.

#pragma once
#include "runtime/spec/spec.h"
#include <imgui.h>
#include <memory>
#include <string_view>

namespace pt {

// JSON with: start, screens [{id, title, reachable, widgets [{id, type, label, actions}]}],
// edges [{from, to, via}], dead_controls [{screen, target, type}], unreachable [ids], texts {screen: [strings]},
// requirements [{text, status, ids [{id, kind, screen}]}] and requirements_problems [{pointer, text, problem}]
// (runtime/spec/requirements.h),
// tokens {total, screens {id: n}, counter} (the minified JSON's o200k tokens, estimated: what a model writes).
Json inspectSpec(std::shared_ptr<const Spec> spec);

// `inspect --layout`: every screen laid out in its default state at `size` (0x0: the spec's device size), as JSON
// {size: [W, H], screens: [{id, nodes: [{id, key, type, parent, rect: [x, y, w, h], text?, ellipsized}], violations}]}.
// `parent` indexes the same list (-1: the screen); `id` is the spec's id or else the node's key; rects are screen
// coordinates before scrolling; `text` joins the node's own visible text runs with newlines; `violations` come from
// the layout checker (layout_check.h).
Json inspectLayout(std::shared_ptr<const Spec> spec, ImVec2 size);

} // namespace pt
