// Every widget in the catalog draws with its defaults and with hostile props, keeping ImGui's
// Begin/End and Push/Pop balanced (asserts are live: an imbalance aborts this process).
#include "runtime/headless/headless.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/catalog.h"
#include <catch2/catch.hpp>

using namespace pt;

namespace {

// A value of the wrong kind for every prop type, plus extremes.
std::vector<Json> hostileValues(const PropDef& p) {
    Json bigArray = Json::array();
    for (int i = 0; i < 3000; ++i) bigArray.push_back(i % 7 == 0 ? Json("x") : Json(i * 1e6));
    return {Json("garbage"), Json(-1e12), Json(1e12), Json::array(), bigArray, Json::object(), Json(true),
            Json(std::string(3000, 'W')), Json("${1/0}"), Json("${missing.deep.path}")};
}

std::shared_ptr<const Spec> compileLenient(const Json& doc) {
    LoadResult r = SpecLoader::loadJson(doc);
    REQUIRE(r.spec);  // errors are expected (wrong types); it must still compile into something drawable
    return r.spec;
}

} // namespace

TEST_CASE("every widget draws with its defaults, alone and nested", "[widgets]") {
    Json body = Json::array();
    for (auto& w : WidgetCatalog::get().all()) {
        Json node = Json::object();
        node[w.name] = w.container ? Json::array({Json{{"text", "inside " + w.name}}}) : Json(nullptr);
        body.push_back(node);
        body.push_back(Json{{"card", Json::array({node})}});
    }
    Json doc = Json{{"screens", Json{{"home", Json{{"title", "All widgets"}, {"body", body}}}}}};
    HeadlessDriver d(compileLenient(doc), ImVec2(390, 12000));
    d.settle();
    CHECK(d.proto().probes().size() > 0);
    CHECK(inkRatio(d.capture()) > 0.01);
}

TEST_CASE("every widget survives hostile values for every prop", "[widgets][bad-input]") {
    for (auto& w : WidgetCatalog::get().all()) {
        INFO(w.name);
        Json body = Json::array();
        for (auto& p : w.props) {
            if (p.type == PropType::Nodes) continue;
            for (auto& v : hostileValues(p)) {
                Json node = Json::object();
                node[w.name] = nullptr;
                node[p.name] = v;
                if (w.container) node[w.primary] = Json::array({Json{{"text", "child"}}});
                body.push_back(node);
            }
        }
        if (w.container) {  // empty and odd children
            Json empty = Json::object();
            empty[w.name] = Json::array();
            body.push_back(empty);
            Json odd = Json::object();
            odd[w.name] = Json::array({"bare text", Json{{"unknownThing", 1}}, Json{{"button", "Deep"}, {"visible", false}}});
            body.push_back(odd);
        }
        Json doc = Json{{"state", Json{{"v", nullptr}}}, {"screens", Json{{"home", Json{{"body", body}}}}}};
        HeadlessDriver d(compileLenient(doc));
        d.settle();
        Image img = d.capture();
        CHECK(img.width == 390);
        // Clicking everything clickable must not break anything either.
        std::vector<std::string> keys;
        for (auto& p : d.proto().probes())
            if (p.clickable && keys.size() < 12) keys.push_back(p.key);
        for (auto& k : keys) {
            std::string error;
            d.click(k, &error);
        }
        d.settle();
    }
}

TEST_CASE("layout records: every node's box holds its children and its text", "[widgets][layout]") {
    Json doc = Json::parse(R"({"screens": {"home": {"title": "Boxes", "body": [
        {"card": [{"text": "Inside the card", "id": "t"}, {"row": [{"badge": "one", "id": "b1"}, {"badge": "two", "id": "b2"}]}], "id": "c"},
        {"list": [{"item": "${x}", "repeat": {"in": "${['a', 'b']}", "as": "x"}}]}]}}})");
    HeadlessDriver d(compileLenient(doc), ImVec2(390, 844));
    d.settle();
    const auto& boxes = d.proto().layout();
    auto at = [&](std::string_view key) {
        for (size_t i = 0; i < boxes.size(); ++i)
            if (boxes[i].key == key || boxes[i].node->id == key) return (int)i;
        return -1;
    };
    const int card = at("c"), text = at("t"), b1 = at("b1"), b2 = at("b2");
    REQUIRE(card >= 0);
    REQUIRE(text >= 0);
    CHECK(boxes[card].parent == -1);
    CHECK(boxes[text].parent == card);
    CHECK(boxes[card].rect.Contains(boxes[text].rect));
    CHECK(boxes[text].rect.GetWidth() > 20.0f);
    CHECK(boxes[b2].rect.Min.x >= boxes[b1].rect.Max.x);  // side by side in the row
    int items = 0;
    for (auto& b : boxes) items += b.node->type == "item";
    CHECK(items == 2);
    bool found = false;
    for (auto& run : d.proto().textRuns())
        if (run.text == "Inside the card") {
            found = true;
            CHECK(run.box == text);
            CHECK(boxes[text].rect.Contains(run.rect));
            CHECK_FALSE(run.ellipsized);
        }
    CHECK(found);
}
