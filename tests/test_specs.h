// Promptotype tests — a spec compiled from text for a test, which fails with the load's diagnostics unless it is clean.
#pragma once
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

} // namespace pt::test
