// Refiner: requests in words change a spec. Through the real openai provider against a fake server: edits by id,
// repair rounds that state located problems, the whole-spec fallback, merge patches, unparseable and unsupported
// answers, cancel. Through the offline drafter: each kind of request it understands, on a drafted habit tracker
// and on the samples, always leaving a valid spec, and a plain "needs an LLM" for the rest.
#include "fake_llm_server.h"
#include "test_files.h"
#include "test_specs.h"
#include "generator/offline/offline_drafter.h"
#include "generator/refiner.h"
#include "meeting/meeting.h"
#include "runtime/headless/headless.h"
#include "runtime/headless/inspector.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/token_count.h"
#include <catch2/catch.hpp>

using namespace pt;
using namespace pt::test;

namespace {

const char* kHabitIdea = "a habit tracker with daily streaks, a weekly heatmap and morning reminders";

Json sample(const std::string& name) { return Json::parse(sampleText(name)); }
Json habitDraft() { return draftSpec(kHabitIdea); }

// An answer as a model streams it, in small pieces.
FakeReply streamedText(const std::string& text) {
    return FakeReply::sse(openAiStream(textPieces(text, 24)));
}
FakeReply streamed(const Json& answer) { return streamedText(answer.dump()); }

RefineResult refine(const Json& doc, const std::string& request, LlmProvider& provider, const std::string& scope = "") {
    RefineOptions o;
    o.request = request;
    o.scope = scope;
    return refineSpec(doc, o, provider, nullptr, nullptr);
}

// The last user turn of a recorded chat request.
std::string lastUserTurn(const RecordedRequest& request) { return request.json()["messages"].back()["content"].get<std::string>(); }

// The node with this id (null when absent).
const Json* nodeWithId(const Json& doc, const std::string& id) {
    const Json* found = nullptr;
    forEachNode(doc, [&](const NodeSite& site) {
        if (site.node->value("id", std::string()) != id) return true;
        found = site.node;
        return false;
    });
    return found;
}

// Nodes of a widget type under `owner` ("/screens/settings"), in document order.
std::vector<NodeSite> nodesOfType(const Json& doc, const std::string& owner, const std::string& type) {
    std::vector<NodeSite> out;
    forEachNode(doc, [&](const NodeSite& site) {
        if (site.owner == owner && site.type == type) out.push_back(site);
        return true;
    });
    return out;
}

// Runs an offline refinement through the provider path and requires that it worked and loads clean.
RefineResult offline(const Json& doc, const std::string& request, const std::string& scope = "") {
    auto provider = makeOfflineProvider();
    RefineResult r = refine(doc, request, *provider, scope);
    INFO(request << "\n" << r.error << "\n" << r.rawAnswer);
    REQUIRE(r.ok);
    CHECK(r.mode == "edits");
    CHECK(r.repairRounds == 0);
    CHECK(!r.summary.empty());
    loadClean(r.doc);
    return r;
}

bool contains(const Json& list, const std::string& text) {
    return std::any_of(list.begin(), list.end(), [&](const Json& t) { return t.is_string() && t.get<std::string>() == text; });
}

} // namespace

//-----------------------------------------------------------------------------
// Edits, paths and answers
//-----------------------------------------------------------------------------

TEST_CASE("#ID paths resolve to the node, its props and its children anywhere in the document", "[refiner][paths]") {
    Json doc = sample("habit_tracker.json");
    std::string pointer, error;
    REQUIRE(resolveNodePath(doc, "#saveHabit", &pointer, &error));
    CHECK(pointer == "/screens/newHabit/body/6");
    REQUIRE(resolveNodePath(doc, "#saveHabit/label", &pointer, &error));
    CHECK(pointer == "/screens/newHabit/body/6/button");   // the main prop lives under the type key
    REQUIRE(resolveNodePath(doc, "#saveHabit/variant", &pointer, &error));
    CHECK(pointer == "/screens/newHabit/body/6/variant");
    REQUIRE(resolveNodePath(doc, "#deleteHabit", &pointer, &error));
    CHECK(pointer == "/screens/habit/body/col/4");           // inside a container whose body is a single node
    REQUIRE(resolveNodePath(doc, "#addHabit", &pointer, &error));
    CHECK(pointer == "/screens/today/bar/0");
    REQUIRE(resolveNodePath(doc, "#confirmDeleteHabit", &pointer, &error));
    CHECK(pointer == "/overlays/confirmDelete/actions/1");
    REQUIRE(resolveNodePath(doc, "#reminders/-", &pointer, &error));
    CHECK(pointer == "/screens/reminders/body/-");           // a screen id when no node has it
    REQUIRE(resolveNodePath(doc, "/theme/brand", &pointer, &error));
    CHECK(pointer == "/theme/brand");

    CHECK_FALSE(resolveNodePath(doc, "#saveHabbit/label", &pointer, &error));
    CHECK(error == "path '#saveHabbit/label': no node has the id 'saveHabbit' (did you mean 'saveHabit'?)");
    CHECK_FALSE(resolveNodePath(doc, "#saveHabit/-", &pointer, &error));
    CHECK(error.find("is a button, which has no children") != std::string::npos);

    Json draft = habitDraft();
    REQUIRE(resolveNodePath(draft, "#settings/2/card/0", &pointer, &error));   // children of a screen by index
    CHECK(pointer == "/screens/settings/body/2/card/0");
}

TEST_CASE("nodes read as the loader reads them: \"type\" first, children where the widget keeps them", "[refiner][paths]") {
    Json doc = Json::parse(R"({"screens": {"home": {"body": [
        {"type": "item", "icon": "x", "title": "Inbox", "id": "inbox"},
        {"app_bar": "Mail", "id": "bar", "children": [{"icon_button": "search", "label": "Search", "id": "find"}]}]}}})");
    std::vector<NodeSite> items = nodesOfType(doc, "/screens/home", "item");
    REQUIRE(items.size() == 1);
    CHECK(items[0].typeKey == "title");   // the main prop is written under its own name in the "type" form
    CHECK(nodesOfType(doc, "/screens/home", "icon").empty());
    std::string pointer, error;
    REQUIRE(resolveNodePath(doc, "#inbox/title", &pointer, &error));
    CHECK(pointer == "/screens/home/body/0/title");
    REQUIRE(resolveNodePath(doc, "#inbox/icon", &pointer, &error));
    CHECK(pointer == "/screens/home/body/0/icon");

    // An app bar's title is its main prop; its children are under "children", and nodes there are found.
    REQUIRE(resolveNodePath(doc, "#bar/-", &pointer, &error));
    CHECK(pointer == "/screens/home/body/1/children/-");
    REQUIRE(resolveNodePath(doc, "#find", &pointer, &error));
    CHECK(pointer == "/screens/home/body/1/children/0");
}

TEST_CASE("answers apply as edits, merge patches or whole specs, and failures name the edit", "[refiner][apply]") {
    Json doc = sample("habit_tracker.json");
    Json out;
    std::string mode, error;
    Json edits = Json::parse(R"({"edits": [
        {"op": "add", "path": "#reminders/-", "value": {"switch": "Vacation mode", "id": "vacation", "bind": "reminders.vacation"}},
        {"op": "add", "path": "/state/reminders/vacation", "value": false},
        {"op": "replace", "path": "#saveHabit/size", "value": "lg"},
        {"op": "move", "from": "#testReminder", "path": "/screens/reminders/body/0"},
        {"op": "remove", "path": "#vacation"}]})");
    REQUIRE(applyRefinementAnswer(doc, edits, &out, &mode, &error));
    CHECK(mode == "edits");
    CHECK(out["screens"]["newHabit"]["body"][6]["size"] == "lg");   // "replace" of a prop the node lacks adds it
    CHECK(out["screens"]["reminders"]["body"][0]["id"] == "testReminder");
    CHECK(nodeWithId(out, "vacation") == nullptr);                   // later edits see earlier ones
    CHECK(out["state"]["reminders"]["vacation"] == false);

    REQUIRE(applyRefinementAnswer(doc, Json::parse(R"({"merge": {"theme": {"brand": "#E11D48"}, "overlays": null}})"), &out, &mode, &error));
    CHECK(mode == "merge");
    CHECK(out["theme"]["brand"] == "#E11D48");
    CHECK_FALSE(out.contains("overlays"));
    CHECK(out["theme"]["preset"] == "calm");

    REQUIRE(applyRefinementAnswer(doc, Json{{"spec", sample("settings.json")}}, &out, &mode, &error));
    CHECK(mode == "spec");
    CHECK(out["meta"]["name"] == "Wayfarer Settings");

    struct Bad { const char* answer; const char* message; };
    const Bad bad[] = {
        {R"({"edits": [{"op": "add", "path": "#today/-", "value": {"text": "ok"}}, {"op": "replace", "path": "#streak/size", "value": "lg"}]})",
         "edits/1: path '#streak/size': no node has the id 'streak'"},
        {R"({"edits": [{"op": "frobnicate", "path": "/theme"}]})", "edits/0: \"op\" must be one of add, remove, replace, move, copy, test"},
        {R"({"edits": [{"op": "remove", "path": "/screens/today/body/99"}]})", "edits/0: remove '/screens/today/body/99': array index 99 is out of range"},
        {R"({"edits": [{"op": "add", "path": "#saveHabit/-", "value": {}}]})", "edits/0: path '#saveHabit/-': node 'saveHabit' is a button, which has no children"},
        {R"({"edits": [{"op": "add", "path": "/theme/mode"}]})", "edits/0: an add edit needs a \"value\""},
        {R"({"edits": {"op": "add"}})", "edits: must be an array of JSON Patch operations"},
        {R"({"merge": [1]})", "merge: must be a JSON object (an RFC 7396 merge patch)"},
        {R"({"edits": [], "merge": {}})", "the answer has both \"edits\" and \"merge\": use one of them"},
        {R"({"summary": "nothing"})", "the answer has none of \"edits\", \"merge\" or \"spec\""}};
    for (const Bad& b : bad) {
        INFO(b.answer);
        out = nullptr;
        CHECK_FALSE(applyRefinementAnswer(doc, Json::parse(b.answer), &out, &mode, &error));
        CHECK(error == b.message);
        CHECK(out.is_null());
    }
}

TEST_CASE("the refinement prompt shares the catalog, states the answer format and stays small", "[refiner][prompt]") {
    std::string prompt = refineSystemPrompt();
    CHECK(countTokens(prompt) < 4500);
    CHECK(prompt.find("# Widgets") != std::string::npos);
    CHECK(prompt.find("switch(label*") != std::string::npos);
    CHECK(prompt.find("\"edits\"") != std::string::npos);
    CHECK(prompt.find("\"merge\"") != std::string::npos);
    CHECK(prompt.find("\"unsupported\"") != std::string::npos);
    CHECK(prompt.find("Write the keys in exactly this order") == std::string::npos);   // a generation's streaming order

    Json doc = sample("habit_tracker.json");
    RefineOptions o;
    o.request = "make the save button red";
    o.scope = "saveHabit";
    std::string message = refineMessage(doc, o);
    CHECK(message.find(doc.dump()) != std::string::npos);
    CHECK(message.find("(/screens/newHabit/body/6, id \"saveHabit\")") != std::string::npos);
    CHECK(message.find("Request: make the save button red") != std::string::npos);
    o.scope = "gone";
    CHECK(refineMessage(doc, o).find("'gone', which is not in the spec any more") != std::string::npos);
}

//-----------------------------------------------------------------------------
// Through a provider (fake OpenAI server)
//-----------------------------------------------------------------------------

TEST_CASE("edits addressed to ids are applied, validated and summarized", "[refiner][http]") {
    FakeLlmServer server;
    server.push(streamed(Json::parse(R"({"summary": "Added a vacation switch and renamed the save button", "edits": [
        {"op": "add", "path": "/state/reminders/vacation", "value": false},
        {"op": "add", "path": "#reminders/1", "value": {"switch": "Vacation mode", "id": "vacation", "bind": "reminders.vacation"}},
        {"op": "replace", "path": "#saveHabit/label", "value": "Save routine"}]})")));
    auto provider = openAiAt(server);
    Json doc = sample("habit_tracker.json");
    std::vector<std::string> phases;
    RefineOptions o;
    o.request = "add a vacation switch to reminders and call the save button Save routine";
    o.scope = "saveHabit";
    RefineResult r = refineSpec(doc, o, *provider, [&](const GenerationProgress& p) { phases.push_back(p.phase); }, nullptr);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.mode == "edits");
    CHECK(r.summary == "Added a vacation switch and renamed the save button");
    CHECK(r.generator == "openai fake-model");
    CHECK(r.repairRounds == 0);
    CHECK(r.problems.empty());
    CHECK(r.doc["screens"]["reminders"]["body"][1]["switch"] == "Vacation mode");
    CHECK(r.doc["screens"]["newHabit"]["body"][6]["button"] == "Save routine");
    CHECK(r.doc["state"]["reminders"]["vacation"] == false);
    loadClean(r.doc);
    REQUIRE(!phases.empty());
    CHECK(phases.front() == "waiting for the model");
    CHECK(std::find(phases.begin(), phases.end(), "streaming") != phases.end());
    CHECK(phases.back() == "done");

    auto requests = server.requests();
    REQUIRE(requests.size() == 1);
    Json body = requests[0].json();
    CHECK(body["messages"][0]["content"] == refineSystemPrompt());
    CHECK_FALSE(body.contains("response_format"));   // the answer is not a spec: no spec schema
    CHECK(lastUserTurn(requests[0]).find("Request: add a vacation switch") != std::string::npos);
    CHECK(lastUserTurn(requests[0]).find("id \"saveHabit\"") != std::string::npos);
    CHECK(r.rawAnswer.find("----- openai fake-model, first answer, finish: stop -----") != std::string::npos);
    CHECK(r.rawAnswer.find("sk-test-SECRET") == std::string::npos);
}

TEST_CASE("an edit to an unknown id goes back with the located problem and the repaired answer is used", "[refiner][http]") {
    FakeLlmServer server;
    server.push(streamed(Json::parse(R"({"edits": [{"op": "replace", "path": "#streak_card/tone", "value": "danger"}]})")));
    server.push(streamed(Json::parse(R"({"summary": "Streak card is red", "edits": [{"op": "replace", "path": "/screens/today/body/2/tone", "value": "danger"}]})")));
    auto provider = openAiAt(server);
    RefineResult r = refine(sample("habit_tracker.json"), "make the streak card red", *provider);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.repairRounds == 1);
    CHECK(r.doc["screens"]["today"]["body"][2]["tone"] == "danger");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0] == "edits/0: path '#streak_card/tone': no node has the id 'streak_card'");
    auto requests = server.requests();
    REQUIRE(requests.size() == 2);
    Json messages = requests[1].json()["messages"];
    REQUIRE(messages.size() == 4);   // system, request, the failed answer, the repair turn
    CHECK(messages[2]["role"] == "assistant");
    CHECK(messages[2]["content"].get<std::string>().find("#streak_card") != std::string::npos);
    std::string repair = lastUserTurn(requests[1]);
    CHECK(repair.find("- edits/0: path '#streak_card/tone': no node has the id 'streak_card'") != std::string::npos);
    CHECK(repair.find("same format") != std::string::npos);
    CHECK(r.rawAnswer.find("repair round 1") != std::string::npos);
}

TEST_CASE("an invalid patch and a result with load errors are both sent back for repair", "[refiner][http]") {
    FakeLlmServer server;
    server.push(streamed(Json::parse(R"({"edits": [{"op": "remove", "path": "/screens/today/body/42"}]})")));
    server.push(streamed(Json::parse(R"({"edits": [{"op": "add", "path": "#today/-", "value": {"button": "Share", "id": "share", "go": "shareScreen"}}]})")));
    server.push(streamed(Json::parse(R"({"edits": [{"op": "add", "path": "#today/-", "value": {"button": "Share", "id": "share", "press": {"toast": "Link copied"}}}]})")));
    auto provider = openAiAt(server);
    RefineOptions o;
    o.request = "add a share button";
    o.maxRepairRounds = 3;
    RefineResult r = refineSpec(sample("habit_tracker.json"), o, *provider, nullptr, nullptr);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.repairRounds == 2);
    CHECK(r.summary == "1 added on today");  // no summary in the answer: the changes, in words
    auto requests = server.requests();
    REQUIRE(requests.size() == 3);
    CHECK(lastUserTurn(requests[1]).find("- edits/0: remove '/screens/today/body/42': array index 42 is out of range") != std::string::npos);
    std::string second = lastUserTurn(requests[2]);
    CHECK(second.find("- /screens/today/body/3") != std::string::npos);   // the loader's error, located in the result
    CHECK(second.find("shareScreen") != std::string::npos);
    CHECK(second.find("whole updated spec") == std::string::npos);          // not the last round yet
    REQUIRE(r.problems.size() == 2);
}

TEST_CASE("answers that never apply end with a request for the whole spec, which is accepted", "[refiner][http]") {
    Json doc = sample("habit_tracker.json");
    Json whole = doc;
    whole["screens"]["today"]["title"] = "My day";
    FakeLlmServer server;
    server.push(streamed(Json::parse(R"({"edits": [{"op": "replace", "path": "#todayTitle", "value": "My day"}]})")));
    server.push(streamed(Json::parse(R"({"edits": [{"op": "replace", "path": "#today_screen/title", "value": "My day"}]})")));
    server.push(streamed(Json{{"summary", "Renamed Today to My day"}, {"spec", whole}}));
    auto provider = openAiAt(server);
    RefineResult r = refine(doc, "call the today screen My day", *provider);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.mode == "spec");
    CHECK(r.repairRounds == 2);
    CHECK(r.doc["screens"]["today"]["title"] == "My day");
    CHECK(r.summary == "Renamed Today to My day");
    auto requests = server.requests();
    REQUIRE(requests.size() == 3);
    CHECK(lastUserTurn(requests[1]).find("whole updated spec") == std::string::npos);
    std::string last = lastUserTurn(requests[2]);
    CHECK(last.find("whole updated spec") != std::string::npos);
    CHECK(last.find("{\"summary\": \"...\", \"spec\": {") != std::string::npos);
    CHECK(last.find("#today_screen") != std::string::npos);
}

TEST_CASE("when no answer ever applies nothing changes and the error says why", "[refiner][http]") {
    Json doc = sample("habit_tracker.json");
    FakeLlmServer server;
    server.push(streamed(Json::parse(R"({"edits": [{"op": "replace", "path": "#nope/label", "value": "x"}]})")));   // served every time
    auto provider = openAiAt(server);
    RefineResult r = refine(doc, "rename nope", *provider);
    CHECK_FALSE(r.ok);
    CHECK_FALSE(r.unsupported);
    CHECK(r.doc == doc);
    CHECK(r.repairRounds == 2);
    CHECK(r.problems.size() == 3);
    CHECK(r.error == "openai fake-model could not carry out the request after 2 repair round(s): edits/0: path '#nope/label': no node has the id 'nope'");
    CHECK(server.requests().size() == 3);
}

TEST_CASE("a merge patch answer is applied over the whole document", "[refiner][http]") {
    FakeLlmServer server;
    server.push(streamedText(R"(```json
{"summary": "Green brand, reminders called Nudges", "merge": {"theme": {"brand": "#16A34A",}, "screens": {"reminders": {"title": "Nudges"}}}}
```)"));
    auto provider = openAiAt(server);
    Json doc = sample("habit_tracker.json");
    RefineResult r = refine(doc, "make it green and call reminders Nudges", *provider);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.mode == "merge");
    CHECK(r.doc["theme"]["brand"] == "#16A34A");
    CHECK(r.doc["screens"]["reminders"]["title"] == "Nudges");
    CHECK(r.doc["screens"]["reminders"]["body"] == doc["screens"]["reminders"]["body"]);
    CHECK(r.doc["screens"].size() == doc["screens"].size());
}

TEST_CASE("an answer that is not JSON gets one more try: near-miss names are fixed locally", "[refiner][http]") {
    FakeLlmServer server;
    server.push(streamedText("Sure! I would make the save button bigger and red."));
    server.push(streamed(Json::parse(R"({"edits": [{"op": "add", "path": "#today/-", "value": {"Button": "Export", "id": "export", "onClick": {"toast": "Exported"}}}]})")));
    auto provider = openAiAt(server);
    RefineResult r = refine(sample("habit_tracker.json"), "add an export button", *provider);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.repairRounds == 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].find("the answer is not a JSON object") != std::string::npos);
    CHECK(lastUserTurn(server.requests().at(1)).find("not a JSON object") != std::string::npos);
    const Json* added = nodeWithId(r.doc, "export");
    REQUIRE(added);
    CHECK(added->contains("button"));
    CHECK(added->contains("press"));
    CHECK(!r.fixes.empty());
}

TEST_CASE("an unsupported answer ends at once with its reason", "[refiner][http]") {
    FakeLlmServer server;
    server.push(streamed(Json::parse(R"({"unsupported": "There is no map widget to show the courier on"})")));
    auto provider = openAiAt(server);
    Json doc = sample("habit_tracker.json");
    RefineResult r = refine(doc, "show the courier on a live map", *provider);
    CHECK_FALSE(r.ok);
    CHECK(r.unsupported);
    CHECK(r.error == "There is no map widget to show the courier on");
    CHECK(r.doc == doc);
    CHECK(server.requests().size() == 1);
}

TEST_CASE("cancel ends a refinement promptly and changes nothing", "[refiner][http]") {
    FakeLlmServer server;
    std::string wire = openAiStream({"{\"edits\": [", "{\"op\": \"remove\", \"path\": \"#saveHabit\"}]}"});
    server.push(FakeReply::sse(wire).cutAt({wire.find("{\\\"op")}).delayBetweenChunks(30));
    auto provider = openAiAt(server);
    std::atomic<bool> cancel{false};
    Json doc = sample("habit_tracker.json");
    RefineOptions o;
    o.request = "remove the save button";
    RefineResult r = refineSpec(doc, o, *provider, [&](const GenerationProgress& p) {
        if (p.phase == "streaming") cancel = true;   // the rest is 30 s away
    }, &cancel);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "cancelled");
    CHECK(r.doc == doc);
    CHECK(server.requests().size() == 1);
}

TEST_CASE("a provider failure is reported, not retried as a repair", "[refiner][http]") {
    FakeLlmServer server;
    server.push(FakeReply::json(401, R"({"error":{"message":"invalid api key","type":"invalid_request_error"}})"));
    auto provider = openAiAt(server);
    RefineResult r = refine(sample("habit_tracker.json"), "make it green", *provider);
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("401") != std::string::npos);
    CHECK(r.error.find("sk-test-SECRET") == std::string::npos);
    CHECK(server.requests().size() == 1);
}

//-----------------------------------------------------------------------------
// Offline
//-----------------------------------------------------------------------------

TEST_CASE("offline: a dark mode switch lands in settings, bound to a new state key, and works", "[refiner][offline]") {
    RefineResult r = offline(habitDraft(), "add a dark mode switch to settings");
    auto switches = nodesOfType(r.doc, "/screens/settings", "switch");
    auto dark = std::find_if(switches.begin(), switches.end(), [](const NodeSite& s) { return (*s.node)["switch"] == "Dark mode"; });
    REQUIRE(dark != switches.end());
    CHECK((*dark->node)["bind"] == "prefs.darkMode");
    CHECK(r.doc["state"]["prefs"]["darkMode"] == false);

    HeadlessDriver d(loadClean(r.doc));
    d.settle();
    std::string error;
    REQUIRE(d.click("Settings", &error));
    d.settle();
    REQUIRE(d.click("Dark mode", &error));
    CHECK(d.proto().state()["prefs"]["darkMode"] == true);
}

TEST_CASE("offline: new screens from the drafter's patterns are reachable and have no dead controls", "[refiner][offline]") {
    struct Case { const char* sample; const char* request; const char* screen; };
    const Case cases[] = {{"", "add a share screen", "share"},
                          {"", "add notifications", "notifications"},
                          {"", "add a profile screen", "profile"},
                          {"habit_tracker.json", "add a settings screen", "settings"},
                          {"settings.json", "add a share screen", "share"},
                          {"task_board.json", "add reminders", "reminders"},
                          {"shop_checkout.json", "add a notifications screen", "notifications"}};
    for (const Case& c : cases) {
        INFO(c.sample << ": " << c.request);
        Json doc = *c.sample ? sample(c.sample) : habitDraft();
        REQUIRE_FALSE(doc["screens"].contains(c.screen));
        RefineResult r = offline(doc, c.request);
        REQUIRE(r.doc["screens"].contains(c.screen));
        Json report = inspectSpec(loadClean(r.doc));
        INFO(report["dead_controls"].dump() << "\n" << r.summary);
        CHECK(report["unreachable"].empty());
        for (auto& dead : report["dead_controls"]) CHECK(dead["screen"] != c.screen);
        CHECK(report["texts"][c.screen].size() >= 2);
    }
}

TEST_CASE("offline: a field joins the signup form, bound beside its neighbours and saved with them", "[refiner][offline]") {
    RefineResult r = offline(sample("login_onboarding.json"), "add a phone field to the signup form");
    auto inputs = nodesOfType(r.doc, "/screens/signup", "input");
    auto phone = std::find_if(inputs.begin(), inputs.end(), [](const NodeSite& s) { return (*s.node)["input"] == "Phone"; });
    REQUIRE(phone != inputs.end());
    CHECK((*phone->node)["kind"] == "phone");
    CHECK((*phone->node)["bind"] == "su.phone");
    CHECK(r.doc["state"]["su"]["phone"] == "");
    CHECK(phone->pointer == "/screens/signup/body/4");   // after the password, before the terms checkbox

    RefineResult due = offline(habitDraft(), "add a due date field to the new habit form");
    const Json& form = due.doc["screens"]["newHabit"]["body"];
    auto date = std::find_if(form.begin(), form.end(), [](const Json& n) { return n.contains("date"); });
    REQUIRE(date != form.end());
    CHECK((*date)["bind"] == "habitDraft.dueDate");
    Json save = form.back();
    CHECK(save["press"][1]["value"]["dueDate"] == "${habitDraft.dueDate}");   // the new field is saved with the row
}

TEST_CASE("offline: rename changes what people see, never ids, keys or expressions", "[refiner][offline]") {
    Json doc = habitDraft();
    RefineResult r = offline(doc, "rename 'Habits' to 'Routines'");
    Json texts = inspectSpec(loadClean(r.doc))["texts"];
    CHECK(contains(texts["habits"], "Routines"));
    CHECK(contains(texts["newHabit"], "New routine"));
    for (auto& [screen, list] : texts.items())
        for (auto& t : list) CHECK(t.get<std::string>().find("Habits") == std::string::npos);
    CHECK(r.doc["state"].contains("habits"));
    CHECK(r.doc["screens"].contains("habits"));
    CHECK(r.doc["nav"]["items"][1]["label"] == "Routines");

    RefineResult unquoted = offline(sample("habit_tracker.json"), "rename the Progress tab to Stats");
    CHECK(unquoted.doc["screens"]["progress"]["title"] == "Stats");
}

TEST_CASE("offline: recolor the brand, a hex color or one widget", "[refiner][offline]") {
    Json doc = habitDraft();
    CHECK(offline(doc, "make the brand green").doc["theme"]["brand"] == "green");   // a CSS name, as the style reader reads it
    CHECK(offline(doc, "use #E11D48").doc["theme"]["brand"] == "#E11D48");
    CHECK(offline(doc, "switch to dark mode").doc["theme"]["mode"] == "dark");
    RefineResult red = offline(doc, "make the save button red");
    CHECK((*nodeWithId(red.doc, "saveHabit"))["variant"] == "danger");
    RefineResult chart = offline(sample("habit_tracker.json"), "make the heatmap orange");
    CHECK(chart.doc["screens"]["progress"]["body"][1]["card"][0]["tone"] == "#EA580C");
    RefineResult scoped = offline(doc, "make it red", "deleteHabit");
    CHECK((*nodeWithId(scoped.doc, "deleteHabit"))["variant"] == "danger");
}

TEST_CASE("offline: remove a widget or a whole tab, and everything that led to it", "[refiner][offline]") {
    RefineResult search = offline(habitDraft(), "remove the search bar");
    CHECK(nodesOfType(search.doc, "/screens/habits", "search").empty());
    RefineResult hidden = offline(habitDraft(), "hide the search bar.");
    REQUIRE(nodesOfType(hidden.doc, "/screens/habits", "search").size() == 1);
    CHECK((*nodesOfType(hidden.doc, "/screens/habits", "search")[0].node)["visible"] == false);
    RefineResult button = offline(sample("habit_tracker.json"), "delete the test reminder button");
    CHECK(nodeWithId(button.doc, "testReminder") == nullptr);

    RefineResult stats = offline(habitDraft(), "delete the stats tab");
    CHECK_FALSE(stats.doc["screens"].contains("insights"));
    for (auto& item : stats.doc["nav"]["items"]) CHECK(item["screen"] != "insights");

    RefineResult progress = offline(sample("habit_tracker.json"), "delete the stats tab");
    CHECK_FALSE(progress.doc["screens"].contains("progress"));
    CHECK(progress.doc["nav"]["items"].size() == 2);
}

TEST_CASE("offline: reorder widgets on a screen and tabs in the nav", "[refiner][offline]") {
    RefineResult r = offline(habitDraft(), "move the list above the chart");
    const Json& home = r.doc["screens"]["home"]["body"];
    auto index = [&](const char* key) {
        for (size_t i = 0; i < home.size(); ++i)
            if (home[i].contains(key)) return static_cast<int>(i);
        return -1;
    };
    CHECK(index("section") >= 0);
    CHECK(index("section") < index("card"));

    RefineResult tabs = offline(sample("habit_tracker.json"), "put reminders first in the tabs");
    CHECK(tabs.doc["nav"]["items"][0]["screen"] == "reminders");
    CHECK(tabs.doc["nav"]["items"].size() == 3);
    RefineResult added = offline(sample("habit_tracker.json"), "add a profile screen");
    REQUIRE(added.doc["nav"]["items"].size() == 4);
    RefineResult profile = offline(added.doc, "put profile first in the tabs");
    CHECK(profile.doc["nav"]["items"][0]["screen"] == "profile");
    CHECK(profile.doc["nav"]["items"][1]["screen"] == "today");
    RefineResult after = offline(sample("habit_tracker.json"), "move the today tab after reminders");
    CHECK(after.doc["nav"]["items"][2]["screen"] == "today");
}

TEST_CASE("offline: resize steps the size and style props the catalog has", "[refiner][offline]") {
    RefineResult titled = offline(sample("habit_tracker.json"), "make the streak card bigger");
    CHECK(titled.doc["screens"]["reminders"]["body"][1]["title"] == "Streaks");   // the card titled Streaks
    CHECK(titled.doc["screens"]["reminders"]["body"][1]["pad"] == 24);
    // Selected (select mode): the card with the streak message grows with what is inside it.
    RefineResult card = offline(sample("habit_tracker.json"), "make it bigger", "/screens/today/body/2");
    const Json& streak = card.doc["screens"]["today"]["body"][2];
    CHECK(streak["pad"] == 24);
    CHECK(streak["card"][0]["row"][1]["style"] == "h3");
    CHECK(streak["card"][0]["row"][0]["size"] == 33);

    RefineResult chart = offline(habitDraft(), "make the habits chart bigger");
    const Json* grown = nullptr;
    for (const Json& n : chart.doc["screens"]["home"]["body"])
        if (n.contains("card") && n["card"][0].contains("bar_chart")) grown = &n["card"][0];
    REQUIRE(grown);
    CHECK((*grown)["h"] == 240);
    RefineResult button = offline(habitDraft(), "make it bigger", "saveHabit");
    CHECK((*nodeWithId(button.doc, "saveHabit"))["size"] == "lg");
}

TEST_CASE("offline: requests it does not understand say so and point to an LLM", "[refiner][offline]") {
    auto provider = makeOfflineProvider();
    struct Case { const char* request; const char* says; };
    const Case cases[] = {{"add a map", "The offline drafter cannot add a map; configure an LLM (see `promptotype providers`)"},
                          {"make it feel more premium", "cannot make it feel more premium"},
                          {"rename 'Zebra' to 'Horse'", "Nothing in this app says 'Zebra'"},
                          {"remove the leaderboard", "could not find 'the leaderboard'"},
                          {"add a country dropdown to settings", "cannot invent the choices of a dropdown"},
                          {"", "cannot do an empty request"}};
    Json doc = habitDraft();
    for (const Case& c : cases) {
        INFO(c.request);
        RefineResult r = refine(doc, c.request, *provider);
        CHECK_FALSE(r.ok);
        CHECK(r.unsupported);
        CHECK(r.error.find(c.says) != std::string::npos);
        CHECK(r.doc == doc);
        CHECK(r.generator == "offline drafter");
    }
    // What the app already has is an answer, not a refusal: it holds, nothing changes, and no new version is made.
    RefineResult had = refine(doc, "add a settings screen", *provider);
    CHECK(had.ok);
    CHECK(had.already);
    CHECK_FALSE(had.unsupported);
    CHECK(had.summary.find("already has a settings screen") != std::string::npos);
    CHECK(had.doc == doc);
}

TEST_CASE("offline: every request on every sample either works and loads clean or is declined", "[refiner][offline][robust]") {
    const char* requests[] = {"add a dark mode switch to settings", "add a share screen", "add notifications", "add a profile screen",
                              "add a phone field to the signup form", "rename 'Home' to 'Start'", "make the brand purple",
                              "make the save button red", "remove the search bar", "delete the stats tab", "move the chart above the list",
                              "put profile first in the tabs", "make the title bigger", "make the list smaller", "add an email field",
                              "remove the first button", "add reminders"};
    const char* samples[] = {"ai_chat.json", "analytics_dashboard.json", "booking_wizard.json", "habit_tracker.json", "login_onboarding.json",
                             "settings.json", "shop_checkout.json", "task_board.json"};
    int worked = 0;
    for (const char* name : samples) {
        Json doc = sample(name);
        for (const char* request : requests) {
            Json answer = offlineRefinement(doc, request, "");
            INFO(name << ": " << request << "\n" << answer.dump());
            REQUIRE((answer.contains("edits") || answer.contains("unsupported") || answer.contains("already")));
            if (answer.contains("already")) continue;
            if (answer.contains("unsupported")) {
                CHECK(answer["unsupported"].get<std::string>().find("offline drafter") != std::string::npos);
                continue;
            }
            Json out;
            std::string mode, error;
            REQUIRE(applyRefinementAnswer(doc, answer, &out, &mode, &error));
            loadClean(out);
            CHECK(offlineRefinement(doc, request, "") == answer);   // deterministic
            ++worked;
        }
    }
    CHECK(worked >= 60);
}

TEST_CASE("bad documents, paths, answers and requests give messages, never exceptions", "[refiner][robust]") {
    Json doc = sample("habit_tracker.json");
    Json out;
    std::string mode, error, pointer;
    for (const char* path : {"#", "#/x", "#saveHabit/~9", "screens/today", "/screens/~", "#today/body/~"}) {
        INFO(path);
        Json answer = Json{{"edits", Json::array({Json{{"op", "replace"}, {"path", path}, {"value", 1}}})}};
        CHECK_NOTHROW(applyRefinementAnswer(doc, answer, &out, &mode, &error));
        CHECK_FALSE(applyRefinementAnswer(doc, answer, &out, &mode, &error));
        CHECK(error.rfind("edits/0: ", 0) == 0);
    }
    CHECK_FALSE(resolveNodePath(doc, "#", &pointer, &error));
    CHECK(error == "path '#': '#' must be followed by a node id");
    CHECK_FALSE(applyRefinementAnswer(doc, Json::array(), &out, &mode, &error));
    CHECK_FALSE(applyRefinementAnswer(doc, Json{{"edits", Json::array({42})}}, &out, &mode, &error));
    CHECK(error == "edits/0: an edit must be an object like {\"op\": \"add\", \"path\": ..., \"value\": ...}");

    auto provider = makeOfflineProvider();
    for (const Json& odd : {Json(), Json::array(), Json("spec"), Json::object(), Json{{"screens", Json::array()}}, Json{{"screens", Json::object()}}}) {
        INFO(odd.dump());
        RefineResult r = refine(odd, "add a share screen", *provider);
        CHECK_FALSE(r.ok);
        CHECK(!r.error.empty());
        CHECK(r.doc == odd);
    }
    std::string junk = "add \xF0\x9F\x98\x80 \"a\xff\" to 'x";
    for (const std::string& request : {junk, std::string(5000, 'a'), std::string("rename '' to ''"), std::string("move above"), std::string("add a")}) {
        Json answer;
        CHECK_NOTHROW(answer = offlineRefinement(doc, request, "/screens/~x"));
        CHECK((answer.contains("unsupported") || answer.contains("edits")));
    }
}

// The refine verb's path (app/cli_meeting.cpp): the model's answer refined, then shown and versioned by the meeting.
TEST_CASE("a refinement is compiled once, from the model's answer to the prototype the meeting shows", "[refiner][meeting]") {
    ScratchDir dir("refine-once");
    std::string path = dir.file("habits.json"), text = sampleText("habit_tracker.json"), error, message;
    std::ofstream(path, std::ios::binary) << text;
    LoadResult load = SpecLoader::loadText(text, path);
    REQUIRE(load.spec);
    Prototype proto(load.spec);
    Meeting meeting(proto, path);
    REQUIRE(meeting.open(text, &error));
    FakeLlmServer server;
    server.push(streamed(Json::parse(R"({"summary": "Streak card is red", "edits": [{"op": "replace", "path": "/screens/today/body/2/tone", "value": "danger"}]})")));
    auto provider = openAiAt(server);
    std::shared_ptr<const Spec> refined;
    RefineFunction viaRefiner = [&](const Json& doc, const std::string& request, const std::string& scope, const std::atomic<bool>* cancel) {
        RefineOptions o;
        o.request = request;
        o.scope = scope;
        o.file = path;
        RefineResult r = refineSpec(doc, o, *provider, nullptr, cancel);
        refined = r.spec;
        RefineOutcome out;
        out.ok = r.ok;
        out.text = formatSpec(r.doc);
        out.spec = r.spec;
        out.error = r.error;
        return out;
    };
    size_t compiles = SpecLoader::compiledDocuments();
    REQUIRE(meeting.refine("make the streak card red", viaRefiner, &message));
    CHECK(SpecLoader::compiledDocuments() - compiles == 1);
    REQUIRE(refined);
    CHECK(&proto.spec() == refined.get());
    CHECK(refined->source["screens"]["today"]["body"][2]["tone"] == "danger");
    CHECK(readFile(path) == formatSpec(refined->source));
}
