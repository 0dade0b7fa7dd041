// Requirements traced to widgets: meta.requirements in the spec format (shapes, ids that point at nothing), where
// each id is (runtime/spec/requirements.h), inspect's report, the Markdown report's table, the prompt and its worked
// example, the offline drafter's split and trace, and the samples.
#include "generator/offline/offline_drafter.h"
#include "generator/system_prompt.h"
#include "meeting/report.h"
#include "runtime/headless/inspector.h"
#include "runtime/spec/catalog.h"
#include "runtime/spec/requirements.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/vocabulary.h"
#include "test_files.h"
#include "test_specs.h"
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

using namespace pt;

namespace {

// A small app: a list screen with ids in its body and bar, a detail screen, a dialog with an id in its actions.
Json appWith(const Json& requirements) {
    Json doc = Json::parse(R"({"spec": 1, "meta": {"name": "Hives"},
      "state": {"hives": [{"name": "North"}]},
      "screens": {
        "hives": {"title": "Hives", "bar": [{"icon_button": "plus", "label": "New", "id": "addHive", "press": {"open": "newHive"}}], "body": [
          {"card": [{"list": [{"item": "${h.name}", "id": "hiveRow", "go": "inspection", "repeat": {"in": "${hives}", "as": "h"}}]}], "id": "hiveCard"}]},
        "inspection": {"title": "Inspection", "body": [{"button": "Log inspection", "id": "logInspection", "press": {"toast": "Logged"}}]}},
      "overlays": {"newHive": {"kind": "dialog", "title": "New hive", "body": [{"text": "Name it"}],
                               "actions": [{"button": "Add", "id": "confirmHive", "press": "close"}]}}})");
    doc["meta"]["requirements"] = requirements;
    return doc;
}

std::vector<Diagnostic> problemsOf(const Json& doc, Diagnostic::Level level) {
    LoadResult r = SpecLoader::loadJson(doc);
    std::vector<Diagnostic> out;
    for (auto& d : r.diagnostics)
        if (d.level == level) out.push_back(d);
    return out;
}

bool hasProblemAt(const std::vector<Diagnostic>& problems, const std::string& pointer) {
    for (auto& d : problems)
        if (d.pointer == pointer) return true;
    return false;
}

std::shared_ptr<Spec> loadClean(const Json& doc) {
    LoadResult r = SpecLoader::loadJson(doc);
    INFO(r.format("spec"));
    REQUIRE(r.spec);
    REQUIRE(r.diagnostics.empty());
    return r.spec;
}

} // namespace

//-----------------------------------------------------------------------------
// The spec format
//-----------------------------------------------------------------------------

TEST_CASE("requirements: ids may name nodes anywhere, screens and overlays", "[requirements][spec]") {
    auto spec = loadClean(appWith(Json::parse(R"([
        {"text": "See every hive", "ids": ["hiveCard", "hiveRow"]},
        {"text": "Add a hive", "ids": ["addHive", "newHive", "confirmHive"]},
        {"text": "Log an inspection", "ids": ["inspection"]}])")));
    REQUIRE(spec->requirements.size() == 3);
    CHECK(spec->requirements[1].text == "Add a hive");
    CHECK(spec->requirements[1].pointer == "/meta/requirements/1");

    std::vector<TracedRequirement> traced = traceRequirements(*spec);
    REQUIRE(traced.size() == 3);
    for (auto& t : traced) CHECK(t.covered());
    const auto& add = traced[1].places;
    REQUIRE(add.size() == 3);
    CHECK(add[0].screen == "hives");          // a node in the screen's bar
    CHECK(std::string(placeKind(add[0])) == "node");
    CHECK(add[0].node->id == "addHive");
    CHECK(add[1].screen == "newHive");        // an overlay id
    CHECK(add[1].overlay);
    CHECK(std::string(placeKind(add[1])) == "overlay");
    CHECK(add[2].screen == "newHive");        // a node in a dialog's actions
    CHECK(traced[0].places[1].node->id == "hiveRow");  // inside a repeat
    CHECK(std::string(placeKind(traced[2].places[0])) == "screen");
}

TEST_CASE("requirements: wrong shapes are errors at their JSON Pointer", "[requirements][spec]") {
    CHECK(hasProblemAt(problemsOf(appWith("see hives"), Diagnostic::Level::Error), "/meta/requirements"));
    CHECK(hasProblemAt(problemsOf(appWith(Json::array({"see hives"})), Diagnostic::Level::Error), "/meta/requirements/0"));
    auto errors = problemsOf(appWith(Json::parse(R"([{"text": "", "ids": ["hiveCard"]}, {"text": "Add", "ids": "addHive"},
                                                     {"text": "Log", "ids": ["inspection", 3]}, {"ids": ["hiveCard"]}])")),
                             Diagnostic::Level::Error);
    CHECK(hasProblemAt(errors, "/meta/requirements/0/text"));
    CHECK(hasProblemAt(errors, "/meta/requirements/1/ids"));
    CHECK(hasProblemAt(errors, "/meta/requirements/2/ids/1"));
    CHECK(hasProblemAt(errors, "/meta/requirements/3"));
    // A key it does not know is a warning with a did-you-mean, like every other unknown key.
    auto warnings = problemsOf(appWith(Json::parse(R"([{"text": "Add", "id": ["addHive"]}])")), Diagnostic::Level::Warning);
    REQUIRE(hasProblemAt(warnings, "/meta/requirements/0/id"));
    CHECK(warnings.front().message.find("did you mean 'ids'") != std::string::npos);
}

TEST_CASE("requirements: an id that points at nothing is a warning, not an error", "[requirements][spec]") {
    Json doc = appWith(Json::parse(R"([{"text": "See every hive", "ids": ["hiveCard"]}, {"text": "Add a hive", "ids": ["addHive", "addHvie"]}])"));
    LoadResult r = SpecLoader::loadJson(doc);
    REQUIRE(r.spec);
    CHECK_FALSE(r.hasErrors());
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics.front();
    CHECK(d.level == Diagnostic::Level::Warning);
    CHECK(d.pointer == "/meta/requirements/1/ids/1");
    CHECK(d.message.find("'addHvie' points at nothing") != std::string::npos);
    CHECK(d.message.find("did you mean 'addHive'") != std::string::npos);
}

TEST_CASE("requirements: the schema and FORMAT.md describe meta.requirements", "[requirements][schema][docs]") {
    const Json schema = documentSchema();
    const Json& req = schema.at("properties").at("meta").at("properties").at("requirements");
    CHECK(req.at("type") == "array");
    CHECK(req.at("items").at("required") == Json::array({"text"}));
    std::vector<std::string> keys;
    for (auto& [k, v] : req.at("items").at("properties").items()) keys.push_back(k);
    CHECK(keys == documentVocabulary().requirementKeys);
    std::string docs = test::readFile(std::string(PT_SOURCE_DIR) + "/specs/FORMAT.md");
    CHECK(docs.find("## Requirements") != std::string::npos);
    CHECK(docs.find("/meta/requirements/N/ids/M") != std::string::npos);
}

//-----------------------------------------------------------------------------
// inspect and the report
//-----------------------------------------------------------------------------

TEST_CASE("inspect reports each requirement with its ids' screens, and the problems", "[requirements][inspect]") {
    Json doc = appWith(Json::parse(R"([{"text": "Add a hive", "ids": ["addHive", "confirmHive"]},
                                       {"text": "Export to CSV", "ids": []},
                                       {"text": "Log an inspection", "ids": ["logInspection", "gone"]}])"));
    LoadResult r = SpecLoader::loadJson(doc);
    REQUIRE(r.spec);
    Json out = inspectSpec(r.spec);
    const Json& reqs = out.at("requirements");
    REQUIRE(reqs.size() == 3);
    CHECK(reqs[0].at("status") == "covered");
    CHECK(reqs[0].at("ids")[0] == Json({{"id", "addHive"}, {"kind", "node"}, {"screen", "hives"}}));
    CHECK(reqs[0].at("ids")[1].at("screen") == "newHive");
    CHECK(reqs[1].at("status") == "uncovered");
    CHECK(reqs[2].at("status") == "covered");
    CHECK(reqs[2].at("ids")[1] == Json({{"id", "gone"}, {"kind", "missing"}, {"screen", nullptr}}));

    const Json& problems = out.at("requirements_problems");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].at("pointer") == "/meta/requirements/1");
    CHECK(problems[0].at("problem").get<std::string>().find("no ids") != std::string::npos);
    CHECK(problems[1].at("pointer") == "/meta/requirements/2/ids/1");
    CHECK(problems[1].at("problem") == "id 'gone' points at nothing");
}

TEST_CASE("report: a requirements table with ids, screens and status", "[requirements][report]") {
    Json doc = appWith(Json::parse(R"([{"text": "Add a hive", "ids": ["addHive", "newHive"]}, {"text": "Export | share", "ids": []}])"));
    LoadResult r = SpecLoader::loadJson(doc);
    REQUIRE(r.spec);
    ReportInput input;
    input.variants = {{"A", r.spec}};
    test::ScratchDir dir("req-report");
    ReportResult result = writeReport(input, dir.file("out"));
    INFO(result.error);
    REQUIRE(result.ok);
    std::string md = test::readFile(result.markdownPath);
    INFO(md);
    CHECK(md.find("## Requirements") < md.find("## Screens"));
    CHECK(md.find("| Requirement | Covered by (ids → screens) | Status |") != std::string::npos);
    CHECK(md.find("| Add a hive | `addHive` → Hives; `newHive` → overlay newHive | covered |") != std::string::npos);
    CHECK(md.find("| Export \\| share | – | **not covered** |") != std::string::npos);
    CHECK(md.find("1 of 2 requirements covered.") != std::string::npos);

    input.variants = {{"A", test::compile(R"({"screens": {"home": {"body": [{"text": "Hi"}]}}})")}};
    result = writeReport(input, dir.file("none"));
    REQUIRE(result.ok);
    CHECK(test::readFile(result.markdownPath).find("The spec lists no requirements") != std::string::npos);
}

//-----------------------------------------------------------------------------
// The prompt and its worked example
//-----------------------------------------------------------------------------

TEST_CASE("the prompt asks for meta.requirements and its example traces each to ids that exist", "[requirements][prompt]") {
    std::string prompt = systemPrompt();
    CHECK(prompt.find("meta.requirements") != std::string::npos);
    size_t example = prompt.find("# Example");
    REQUIRE(example != std::string::npos);
    size_t start = prompt.find('{', example);
    auto spec = loadClean(Json::parse(prompt.substr(start)));
    std::vector<TracedRequirement> traced = traceRequirements(*spec);
    CHECK(traced.size() >= 2);
    CHECK(traced.size() <= 4);
    for (auto& t : traced) {
        INFO(t.requirement->text);
        CHECK(t.covered());
        CHECK(t.places.size() == t.requirement->ids.size());
    }
}

//-----------------------------------------------------------------------------
// The offline drafter
//-----------------------------------------------------------------------------

TEST_CASE("drafter: a request splits into requirement statements the way it is written", "[requirements][offline]") {
    using Lines = std::vector<std::string>;
    CHECK(readIdea("1. Log each hive inspection\n2. See the queen's last sighting\n3) Export a season summary").requirements ==
          Lines{"Log each hive inspection", "See the queen's last sighting", "Export a season summary"});
    CHECK(readIdea("A court calendar:\n- hearings by room\n  with the judge's name\n* filings due this week\n").requirements ==
          Lines{"Hearings by room with the judge's name", "Filings due this week"});
    CHECK(readIdea("A chess clock for two players. Each side gets 5 minutes, e.g. blitz. Show who is on move!").requirements ==
          Lines{"A chess clock for two players", "Each side gets 5 minutes, e.g. blitz", "Show who is on move"});
    CHECK(readIdea("a habit tracker with daily streaks and reminders").requirements == Lines{"A habit tracker", "Daily streaks", "Reminders"});
    CHECK(readIdea("remind me to water my plants").requirements == Lines{"Remind me to water my plants"});
    CHECK(readIdea("").requirements.empty());
    // A numbered list on one line: its items, no "It must show: 1" and no item ending in the next number.
    CHECK(readIdea("Apiary dashboard. It must show: 1. hive weight over the past 30 days 2. hives due an inspection 3) a way to log a swarm, "
                   "version 2. 4. total honey this year").requirements ==
          Lines{"Hive weight over the past 30 days", "Hives due an inspection", "A way to log a swarm, version 2", "Total honey this year"});
    std::string longLine(400, 'x');
    Lines cut = readIdea("1. " + longLine + "\n2. short one").requirements;
    REQUIRE(cut.size() == 2);
    CHECK(cut[0].size() <= 150);
}

TEST_CASE("drafter: each requirement lists what it built for it, none when it built nothing", "[requirements][offline]") {
    for (const char* idea : {"a beekeeping log with hive inspections, reminders to treat for mites and a chat with my club",
                             "1. track court hearings by room\n2. notify lawyers of changes\n3. teleport the defendant",
                             "a habit tracker with daily streaks and reminders", "remind me to water my plants"}) {
        INFO(idea);
        Json doc = draftSpec(idea);
        LoadResult r = SpecLoader::loadJson(doc);
        INFO(r.format("draft"));
        REQUIRE(r.spec);
        CHECK(r.diagnostics.empty());  // every id it lists points at something
        const Json& reqs = doc.at("meta").at("requirements");
        CHECK(reqs.size() == readIdea(idea).requirements.size());
    }
    Json beekeeping = draftSpec("a beekeeping log with hive inspections, reminders to treat for mites and a chat with my club");
    const Json& reqs = beekeeping.at("meta").at("requirements");
    REQUIRE(reqs.size() == 4);  // what it is, then the list after "with"; "a chat with my club" stays whole
    CHECK(reqs[0].at("text") == "A beekeeping log");
    CHECK(reqs[2].at("text") == "Reminders to treat for mites");
    CHECK(reqs[2].at("ids") == Json::array({"reminders"}));
    CHECK(reqs[3].at("text") == "A chat with my club");
    std::set<std::string> chatIds = reqs[3].at("ids").get<std::set<std::string>>();
    CHECK(chatIds.count("inbox") == 1);

    Json court = draftSpec("1. track court hearings by room\n2. notify lawyers of changes\n3. teleport the defendant");
    const Json& courtReqs = court.at("meta").at("requirements");
    REQUIRE(courtReqs.size() == 3);
    CHECK_FALSE(courtReqs[0].at("ids").empty());
    std::set<std::string> notifyIds = courtReqs[1].at("ids").get<std::set<std::string>>();
    CHECK(notifyIds.count("notifications") == 1);
    CHECK(notifyIds.count("notifyLawyer") == 1);  // the lawyer's detail screen got a Notify button that flags the lawyer
    CHECK(courtReqs[2].at("ids").empty());  // nothing was built for it: listed honestly, inspect flags it
}

TEST_CASE("drafter: a field or a quoted label the request names traces to its node, given an id", "[requirements][offline]") {
    Json doc = draftSpec("1. add expenses with an amount and a category\n2. a button labeled \"Scan receipt\"");
    LoadResult r = SpecLoader::loadJson(doc);
    REQUIRE(r.spec);
    std::vector<TracedRequirement> traced = traceRequirements(*r.spec);
    REQUIRE(traced.size() == 2);
    bool amountInput = false;
    for (auto& p : traced[0].places) amountInput = amountInput || (p.node && p.node->hasBind && p.node->id.find("mount") != std::string::npos);
    CHECK(amountInput);
    // The home button it built for the quoted label, given an id.
    CHECK(std::any_of(traced[1].places.begin(), traced[1].places.end(),
                      [](const auto& p) { return p.node && p.node->id == "scanReceipt" && p.screen == "home"; }));
}

//-----------------------------------------------------------------------------
// Samples
//-----------------------------------------------------------------------------

TEST_CASE("every sample lists its requirements, each covered", "[requirements][samples]") {
    for (auto& entry : std::filesystem::directory_iterator(std::string(PT_SOURCE_DIR) + "/samples")) {
        if (entry.path().extension() != ".json") continue;
        INFO(entry.path().filename().string());
        LoadResult r = SpecLoader::loadFile(entry.path().string());
        REQUIRE(r.spec);
        std::vector<TracedRequirement> traced = traceRequirements(*r.spec);
        CHECK(traced.size() >= 3);
        for (auto& t : traced) {
            INFO(t.requirement->text);
            CHECK(t.covered());
            for (auto& p : t.places) CHECK_FALSE(p.screen.empty());
        }
    }
}
