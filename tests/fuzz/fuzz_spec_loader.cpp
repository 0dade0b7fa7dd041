// Fuzz target: the strict spec loader. Any bytes go through SpecLoader::loadText (JSON text with located syntax
// errors, compile, validate every variant); a document that compiles and has variants is then loaded as its last
// variant, as the window does when the presenter switches (one variant only: each such load compiles them all).
// Loading must never throw or crash, whatever it reports.
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/variants.h"
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace pt;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadResult loaded = SpecLoader::loadText(text, "fuzz.json");
    loaded.format("fuzz.json");
    if (!loaded.spec) return 0;
    std::vector<std::string> names = variantNames(loaded.spec->source);
    if (names.size() < 2) return 0;
    LoadResult variant = SpecLoader::loadVariant(loaded.spec->source, names.back(), "fuzz.json");
    if (!variant.spec && !variant.hasErrors()) std::abort();   // no spec must come with the error that says why
    return 0;
}
