// Fuzz target: the tolerant answer reader and the partial (streaming) parser. The bytes are a model's answer:
// parseLenient must recover it or say where it failed; parsePartial and partialSpecFromStream see it as the
// generator does while streaming (four growing prefixes), and each partial spec is compiled like the window
// compiles the shell it shows. On a strict JSON object both readers must give back exactly that object (the
// partial reader marked complete): repairs may only touch text that is not JSON.
#include "generator/generator.h"
#include "generator/lenient_json.h"
#include "runtime/spec/spec_loader.h"
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace pt;
    std::string_view text(reinterpret_cast<const char*>(data), size);

    LenientResult lenient = parseLenient(text);
    if (lenient.ok && !lenient.doc.is_object()) std::abort();
    if (!lenient.ok && lenient.error.message.empty()) std::abort();   // a failure always says why

    for (size_t quarter = 1; quarter <= 4; ++quarter) {
        std::string_view prefix = text.substr(0, size * quarter / 4);
        PartialJson partial;
        if (parsePartial(prefix, &partial)) isOpen(partial, "/screens");
        std::string currentScreen;
        int screensDone = 0;
        Json shell = partialSpecFromStream(prefix, &currentScreen, &screensDone);
        if (!shell.is_null()) SpecLoader::loadJson(shell, "partial.json");
    }

    // nlohmann's parser ends its input at a NUL byte, so text with one is no strict JSON to compare with.
    Json strict = text.find('\0') == std::string_view::npos ? Json::parse(text.begin(), text.end(), nullptr, false) : Json();
    if (strict.is_object()) {
        if (!lenient.ok || lenient.doc != strict) std::abort();
        PartialJson partial;
        if (!parsePartial(text, &partial) || !partial.complete || partial.value != strict) std::abort();
    }
    return 0;
}
