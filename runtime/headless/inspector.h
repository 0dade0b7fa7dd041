// Promptotype — Inspector: what a spec's prototype contains, as data.
//
// Renders every screen headlessly and reports its widgets, the ways between screens (each with a
// target `play` can click), controls that do nothing, unreachable screens and all visible text.
// Used by `promptotype inspect`, the tests and (later) the generator's quality checks.

#pragma once
#include "runtime/spec/spec.h"
#include <memory>
#include <string_view>

namespace pt {

// JSON with: start, screens [{id, title, reachable, widgets [{id, type, label, actions}]}],
// edges [{from, to, via}], dead_controls [{screen, target, type}], unreachable [ids], texts {screen: [strings]},
// tokens {total, screens {id: n}, counter} (the minified JSON's o200k tokens, estimated: what a model writes).
Json inspectSpec(std::shared_ptr<const Spec> spec);

} // namespace pt
