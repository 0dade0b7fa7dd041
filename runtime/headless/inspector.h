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
// requirements [{text, status, ids [{id, kind, screen}]}] and requirements_problems [{pointer, text, problem}]
// (runtime/spec/requirements.h),
// tokens {total, screens {id: n}} (minified JSON bytes / 4, a proxy for LLM output cost).
Json inspectSpec(std::shared_ptr<const Spec> spec);

// The LLM cost proxy used in every report: bytes / 4.
inline int approxTokens(size_t bytes) { return (int)(bytes / 4); }
inline int approxTokens(std::string_view text) { return approxTokens(text.size()); }

} // namespace pt
