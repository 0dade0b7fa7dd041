// Promptotype tests — a spec compiled from text or JSON for a test, which fails with the load's diagnostics unless it
// is clean; and a refinement applied for a test.
#pragma once
#include "generator/refiner.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <memory>
#include <string>

namespace pt::test {

inline std::shared_ptr<const Spec> compile(const std::string& text) {
    LoadResult r = SpecLoader::loadText(text);
    INFO(r.format("spec"));
    REQUIRE(r.spec);
    REQUIRE_FALSE(r.hasErrors());
    return r.spec;
}

// The loaded spec; fails the test when it has errors.
inline std::shared_ptr<const Spec> loadClean(const Json& doc) {
    LoadResult load = SpecLoader::loadJson(doc);
    INFO(load.format("refined"));
    REQUIRE(load.spec);
    REQUIRE_FALSE(load.hasErrors());
    return load.spec;
}

// The offline refinement's edits applied to `doc`; fails the test when it was declined or leaves errors.
inline Json refined(const Json& doc, const std::string& request, std::string* summary = nullptr) {
    Json answer = offlineRefinement(doc, request, "");
    INFO(request << "\n" << answer.dump().substr(0, 800));
    REQUIRE(answer.contains("edits"));
    REQUIRE_FALSE(answer["edits"].empty());
    Json out;
    std::string mode, error;
    REQUIRE(applyRefinementAnswer(doc, answer, &out, &mode, &error));
    loadClean(out);
    if (summary && answer.contains("summary")) *summary = answer["summary"].get<std::string>();
    return out;
}

} // namespace pt::test
