// Render against partial state: while a generation streams, what reads a state key still being written (Spec::pendingState)
// draws as a skeleton, and the real content shows once the key arrives.
#include "runtime/headless/headless.h"
#include "runtime/spec/spec_loader.h"
#include "test_specs.h"
#include <catch2/catch.hpp>

using namespace pt;

namespace {

// The screen, with `state` as its initial state.
Json doc(const Json& state) {
    Json d = Json::parse(R"({
      "screens": {"home": {"title": "Groceries", "body": [
        {"text": "${count(items)} items", "id": "count"},
        {"list": [{"item": "${it.name}", "repeat": {"in": "${items}", "as": "it", "empty": {"empty": "No items yet"}}}], "id": "rows"},
        {"stat": "Total", "value": "${total}", "id": "total"},
        {"text": "Nothing to buy", "id": "none", "visible": "${count(items) == 0}"},
        {"button": "Add", "id": "add", "on": {"press": {"push": "items", "value": {"name": "Tea"}}}}
      ]}}})");
    d["state"] = state;
    return d;
}

// The spec loaded from `d`, with `pending` still being generated.
std::shared_ptr<Spec> partial(const Json& d, std::vector<std::string> pending) {
    LoadResult load = SpecLoader::loadJson(d);
    INFO(load.format("partial"));
    REQUIRE(load.spec);
    load.spec->pendingState = std::move(pending);
    return load.spec;
}

const Json kItems = Json::array({{{"name", "Milk"}}, {{"name", "Bread"}}});

bool shows(HeadlessDriver& d, const std::string& text) {
    const auto& texts = d.proto().texts();
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

// Instance keys of the boxes drawn as skeletons in the last frame.
std::vector<std::string> skeletons(HeadlessDriver& d) {
    std::vector<std::string> keys;
    for (const LayoutBox& b : d.proto().layout())
        if (b.skeleton) keys.push_back(b.key);
    return keys;
}

} // namespace

TEST_CASE("partial state: what reads a pending key draws as a skeleton, never as empty", "[partial]") {
    HeadlessDriver d(partial(doc(Json::object()), {"items", "total"}));
    d.settle();
    CHECK_FALSE(shows(d, "No items yet"));
    CHECK_FALSE(shows(d, "0 items"));
    CHECK_FALSE(shows(d, "Nothing to buy"));  // hidden or shown only by data still coming: a skeleton either way
    CHECK_FALSE(shows(d, "Total"));
    CHECK(shows(d, "Add"));  // writes to a pending key, reads none: drawn as usual
    const std::vector<std::string> expected{"count", "rows/0#0", "rows/0#1", "rows/0#2", "total", "none"};
    CHECK(skeletons(d) == expected);
    // Each skeleton takes room, and the rows sit inside the list.
    const auto& boxes = d.proto().layout();
    for (const LayoutBox& b : boxes) {
        if (!b.skeleton) continue;
        CHECK(b.rect.GetHeight() > 8);
        if (b.key.rfind("rows/0#", 0) == 0) CHECK((b.parent >= 0 && boxes[b.parent].key == "rows"));
    }
    CHECK(d.proto().messages().empty());
}

TEST_CASE("partial state: containers, conditions that read other state, components and writes", "[partial]") {
    const Json d = Json::parse(R"({
      "state": {"tab": "all"},
      "components": {"badgeRow": {"params": {"user": null}, "body": {"text": "Hi ${user.name}"}}},
      "screens": {"home": {"body": [
        {"card": [{"text": "Inside the card"}], "title": "${user.name}", "id": "card"},
        {"text": "Other tab", "id": "other", "visible": "${tab == 'other' && count(items) > 0}"},
        {"text": "Some tab", "id": "some", "visible": "${tab == 'all' || count(items) > 0}"},
        {"badgeRow": "${user}", "id": "greet"},
        {"button": "Add", "on": {"press": {"push": "items", "value": {"name": "Tea"}}}}
      ]}}})");
    HeadlessDriver h(partial(d, {"items", "user"}));
    h.settle();
    CHECK(shows(h, "Inside the card"));  // a container draws as usual: its children decide for themselves
    CHECK_FALSE(shows(h, "Other tab"));  // hidden by state that is there: stays hidden
    CHECK_FALSE(shows(h, "Some tab"));
    CHECK_FALSE(shows(h, "Hi "));
    CHECK(skeletons(h) == std::vector<std::string>{"some", "greet"});
    std::string error;
    REQUIRE(h.click("Add", &error));  // a write to a pending key is an ordinary action
    CHECK(h.proto().state()["items"].size() == 1);
}

TEST_CASE("partial state: the next spec with the key written shows the real rows", "[partial]") {
    HeadlessDriver d(partial(doc(Json::object()), {"items", "total"}));
    d.settle();
    d.proto().replaceSpec(partial(doc(Json{{"items", kItems}, {"total", 42}}), {}));
    d.settle();
    CHECK(d.proto().state()["items"] == kItems);  // new top-level keys are merged into the live state
    CHECK(d.proto().state()["total"] == 42);
    CHECK(shows(d, "2 items"));
    CHECK(shows(d, "Milk"));
    CHECK(shows(d, "Bread"));
    CHECK(shows(d, "42"));
    CHECK_FALSE(shows(d, "No items yet"));
    CHECK_FALSE(shows(d, "Nothing to buy"));
    CHECK(skeletons(d).empty());
}

TEST_CASE("partial state: keys arrive one at a time, and a key written early takes its finished value", "[partial]") {
    // The first partial has one item written but still lists items as pending; the next has both, and the total.
    HeadlessDriver d(partial(doc(Json{{"items", Json::array({kItems[0]})}}), {"items", "total"}));
    d.settle();
    CHECK_FALSE(shows(d, "Milk"));
    d.proto().replaceSpec(partial(doc(Json{{"items", kItems}}), {"total"}));
    d.settle();
    CHECK(d.proto().state()["items"] == kItems);  // a merge alone would keep the early one-item array
    CHECK(shows(d, "Milk"));
    CHECK(shows(d, "Bread"));
    CHECK(shows(d, "2 items"));
    CHECK(skeletons(d) == std::vector<std::string>{"total"});
}

TEST_CASE("partial state: with nothing pending, an empty array shows its empty state as before", "[partial]") {
    HeadlessDriver d(partial(doc(Json{{"items", Json::array()}, {"total", 0}}), {}));
    d.settle();
    CHECK(shows(d, "No items yet"));
    CHECK(shows(d, "0 items"));
    CHECK(shows(d, "Nothing to buy"));
    CHECK(skeletons(d).empty());
}
