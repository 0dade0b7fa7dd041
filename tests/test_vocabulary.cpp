// The document's vocabulary is one source: the aliases point only at names the catalogs or the vocabulary have,
// and the schema, the prompt and FORMAT.md list the same keys and choices the loader checks.
#include "generator/system_prompt.h"
#include "runtime/spec/aliases.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/vocabulary.h"
#include "test_files.h"
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

using namespace pt;

namespace {

// Every name a document may use somewhere: widgets, their props, events and prop choices; action kinds, their
// arguments, branches and choices; common node props; document keys and choices.
std::set<std::string> documentNames() {
    std::set<std::string> names;
    auto addProps = [&](const std::vector<PropDef>& props) {
        for (auto& p : props) {
            names.insert(p.name);
            names.insert(p.options.begin(), p.options.end());
        }
    };
    for (auto& w : WidgetCatalog::get().all()) {
        names.insert(w.name);
        addProps(w.props);
        names.insert(w.events.begin(), w.events.end());
    }
    for (auto& a : ActionCatalog::get().all()) {
        names.insert(a.name);
        addProps(a.args);
        names.insert(a.branches.begin(), a.branches.end());
    }
    addProps(commonProps());
    const DocumentVocabulary& v = documentVocabulary();
    for (auto* list : {&v.topKeys, &v.metaKeys, &v.themeKeys, &v.navKeys, &v.navItemKeys, &v.screenKeys, &v.overlayKeys, &v.componentKeys,
                       &v.repeatKeys, &v.mockKeys, &v.ruleKinds, &v.devices, &v.themeModes, &v.navKinds, &v.overlayKinds, &v.tones, &themePresets()})
        names.insert(list->begin(), list->end());
    return names;
}

std::vector<std::string> keysOf(const Json& schemaObject) {
    std::vector<std::string> keys;
    for (auto& [k, v] : schemaObject.at("properties").items()) keys.push_back(k);
    return keys;
}

std::vector<std::string> choicesOf(const Json& schemaProperty) { return schemaProperty.at("enum").get<std::vector<std::string>>(); }

// "`device` (`phone` · `tablet` · `desktop`)": a choice as FORMAT.md's document table writes it.
std::string docsChoice(const std::string& key, const std::vector<std::string>& choices) {
    std::string out = "`" + key + "` (";
    for (size_t i = 0; i < choices.size(); ++i) out += (i ? " · `" : "`") + choices[i] + "`";
    return out + ")";
}

} // namespace

TEST_CASE("every alias points at a name the catalogs or the vocabulary have", "[vocabulary][repair]") {
    std::set<std::string> names = documentNames();
    for (const AliasGroup& group : aliasGroups())
        for (const char* target : group.targets) {
            INFO("an alias group starting with '" << group.aliases.front() << "' points at '" << target << "'");
            CHECK(names.count(target) == 1);
        }
}

TEST_CASE("aliases are found however they are written", "[vocabulary][repair]") {
    CHECK(aliasTargets("TextField") == std::vector<std::string>{"input"});
    CHECK(aliasTargets("on-click").front() == "press");
    CHECK(aliasTargets("row item") == aliasTargets("RowItem"));
    CHECK(aliasTargets("button").empty());
}

TEST_CASE("the schema's document objects take the vocabulary's keys and choices", "[vocabulary][schema]") {
    const DocumentVocabulary& v = documentVocabulary();
    Json schema = documentSchema();
    const Json& top = schema.at("properties");
    const Json& defs = schema.at("$defs");
    CHECK(keysOf(schema) == v.topKeys);
    CHECK(keysOf(top.at("meta")) == v.metaKeys);
    CHECK(keysOf(top.at("theme")) == v.themeKeys);
    CHECK(keysOf(top.at("nav")) == v.navKeys);
    CHECK(keysOf(top.at("nav").at("properties").at("items").at("items").at("anyOf").at(1)) == v.navItemKeys);
    CHECK(keysOf(defs.at("screen")) == v.screenKeys);
    CHECK(keysOf(defs.at("overlay")) == v.overlayKeys);
    CHECK(keysOf(top.at("components").at("additionalProperties")) == v.componentKeys);
    CHECK(keysOf(defs.at("repeat").at("anyOf").at(1)) == v.repeatKeys);
    CHECK(keysOf(top.at("mocks").at("additionalProperties")) == v.mockKeys);

    CHECK(choicesOf(top.at("meta").at("properties").at("device")) == v.devices);
    CHECK(choicesOf(top.at("theme").at("properties").at("preset")) == themePresets());
    CHECK(choicesOf(top.at("theme").at("properties").at("mode")) == v.themeModes);
    CHECK(choicesOf(top.at("nav").at("properties").at("kind")) == v.navKinds);
    CHECK(choicesOf(defs.at("overlay").at("properties").at("kind")) == v.overlayKinds);
    CHECK(top.at("nav").at("properties").at("kind").at("default") == v.navKinds.front());
}

TEST_CASE("FORMAT.md and the prompt list the vocabulary's choices", "[vocabulary][docs]") {
    const DocumentVocabulary& v = documentVocabulary();
    std::string docs = test::readFile(std::string(PT_SOURCE_DIR) + "/specs/FORMAT.md");
    REQUIRE(!docs.empty());
    CHECK(docs.find(docsChoice("device", v.devices)) != std::string::npos);
    CHECK(docs.find(docsChoice("preset", themePresets())) != std::string::npos);
    CHECK(docs.find(docsChoice("mode", v.themeModes)) != std::string::npos);
    CHECK(docs.find(docsChoice("kind", v.navKinds)) != std::string::npos);
    size_t overlays = docs.find("### Overlays");
    REQUIRE(overlays != std::string::npos);
    std::string overlaySection = docs.substr(overlays, docs.find("\n## ", overlays) - overlays);
    for (auto& kind : v.overlayKinds) CHECK(overlaySection.find("`" + kind + "`") != std::string::npos);

    std::string prompt = systemPrompt();
    CHECK(prompt.find("device (phone|tablet|desktop)") != std::string::npos);
    CHECK(prompt.find("kind (stack|tabs|sidebar)") != std::string::npos);
    CHECK(prompt.find("{\"kind\": \"dialog\"|\"sheet\"|\"toast\"") != std::string::npos);
}
