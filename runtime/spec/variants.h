// Promptotype — Variants: A/B versions of a screen or a widget inside one spec.
//
// Any screen, overlay or node may carry "variants": {"B": {...}, "C": {...}}. Each entry is an RFC 7396 merge
// patch over that screen or node, shown when that variant is active; "A" is always the spec as written. A node
// patch that names a widget type key (e.g. {"chips": [...]}) replaces the node's widget type (the old type key
// and its props are dropped, id and layout keys are kept). The loader validates every variant (problems are
// located at the variant's own JSON Pointer), and compiles one variant at a time.
//
// [SECTION] Variants

#pragma once
#include "runtime/spec/expr.h"
#include <string>
#include <string_view>
#include <vector>

namespace pt {

// Where variants are written: a screen, overlay or node and the variant names it has.
struct VariantSite {
    std::string pointer;               // JSON Pointer of the screen/overlay/node that carries "variants"
    std::string what;                  // "screen today", "button 'Start trial' (#cta)"
    std::string screen;                // screen (or overlay) id it belongs to
    std::vector<std::string> names;    // its variant names, as written
};

std::vector<VariantSite> variantSites(const Json& doc);  // in document order
std::vector<std::string> variantNames(const Json& doc);   // "A" then every name used, sorted; {"A"} when none

// The document as variant `name` shows it, with every "variants" key removed ("A", or a name not used at a site,
// leaves that site as written). Never throws; a malformed "variants" value is ignored (the loader reports it).
Json applyVariant(const Json& doc, const std::string& name);

// A name a variant may have: 1-24 letters, digits, '-' or '_'. "A" is not one (it is the spec as written).
bool isVariantName(std::string_view name);

} // namespace pt
