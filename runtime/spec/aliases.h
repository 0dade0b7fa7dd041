// Promptotype — aliases: names other UI vocabularies use (A2UI, React Native, HTML, SwiftUI, Flutter, Material)
// and the names of ours they may mean: "TextField" -> input, "VStack" -> col, "onClick" -> press, "Primary" ->
// primary. The repairer (generator/spec_repair.h) reads them to fix the near-misses models write; every target is a
// widget, prop, event, action, document key or choice the catalogs (catalog.h) or the vocabulary (vocabulary.h)
// have, which tests/test_vocabulary.cpp checks.

#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace pt {

// Words of other vocabularies and the names they may mean here, most likely first. The same word means different
// things in different places ("title" is a heading as a widget but a button's label as a prop), so a repair takes
// the first target that is valid where the word was found.
struct AliasGroup {
    std::vector<const char*> aliases;  // as other vocabularies write them (compared through normalizedName)
    std::vector<const char*> targets;  // our names, in order of preference
};

const std::vector<AliasGroup>& aliasGroups();  // the whole table, in order
// Our names `name` may mean, merged over every group that lists it (in table order); empty when it is no alias.
const std::vector<std::string>& aliasTargets(std::string_view name);
// Lower case without separators: "Line-Chart", "line_chart" and "lineChart" are one name.
std::string normalizedName(std::string_view name);

} // namespace pt
