// Token counts: the o200k estimate (runtime/spec/token_count.h) against real o200k_base counts recorded by
// scripts/calibrate-tokens.mjs in tests/data/token_counts.json (the system prompt, its worked example, offline
// drafts, every sample and English prose).
#include "runtime/spec/token_count.h"
#include "runtime/spec/expr.h"
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace pt;
namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace

TEST_CASE("the token estimate is within its stated error of the real o200k counts", "[tokens]") {
    const fs::path root(PT_SOURCE_DIR);
    const Json recorded = Json::parse(readFile(root / "tests/data/token_counts.json"));
    REQUIRE(recorded.size() >= 15);
    double estimatedTotal = 0, realTotal = 0;
    for (auto& [file, real] : recorded.items()) {
        const std::string text = readFile(root / file);
        REQUIRE_FALSE(text.empty());
        const double estimate = countTokens(text), truth = real.get<double>();
        INFO(file << ": estimate " << estimate << ", real " << truth);
        const bool spec = file.find(".json") != std::string::npos || file.find("system_prompt") != std::string::npos || file.find(".raw.txt") != std::string::npos;
        CHECK(std::fabs(estimate - truth) <= truth * (spec ? kSpecTokenCountErrorPercent : kTokenCountErrorPercent) / 100.0);
        estimatedTotal += estimate;
        realTotal += truth;
    }
    INFO("all texts: estimate " << estimatedTotal << ", real " << realTotal);
    CHECK(std::fabs(estimatedTotal - realTotal) <= realTotal * 0.02);
}

TEST_CASE("the token estimate splits text like o200k's pre-tokenizer", "[tokens]") {
    CHECK(countTokens("") == 0);
    CHECK(countTokens("hello") == 1);
    CHECK(countTokens(" world") == 1);
    CHECK(countTokens("123456") == 2);           // digits go in groups of three
    CHECK(countTokens("\xff\xfe") >= 1);          // invalid UTF-8 counts, never crashes
    CHECK(countTokens(std::string(4000, ' ')) >= 1);
    CHECK(countTokens("Zürich café — naïve") >= 4);
}
