// Every sample: validates cleanly, every screen renders, nothing is dead or unreachable, and its
// main flow clicks through to the expected screen and state.
#include "runtime/headless/headless.h"
#include "runtime/headless/inspector.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <filesystem>

using namespace pt;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> samples() {
    std::vector<fs::path> out;
    for (auto& e : fs::directory_iterator(fs::path(PT_SOURCE_DIR) / "samples"))
        if (e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::shared_ptr<const Spec> loadSample(const std::string& name) {
    LoadResult r = SpecLoader::loadFile((fs::path(PT_SOURCE_DIR) / "samples" / name).string());
    INFO(r.format(name));
    REQUIRE(r.spec);
    REQUIRE(r.diagnostics.empty());
    return r.spec;
}

// One step of a main flow, as `play` would run it.
struct Step {
    enum Kind { Click, Type, Wait } kind;
    std::string target, text;
};
Step click(std::string t) { return {Step::Click, std::move(t), ""}; }
Step type(std::string t, std::string text) { return {Step::Type, std::move(t), std::move(text)}; }
Step wait(int ms) { return {Step::Wait, "", std::to_string(ms)}; }

void play(HeadlessDriver& d, const std::vector<Step>& steps) {
    d.settle();
    for (auto& s : steps) {
        std::string error;
        INFO("screen " << d.proto().currentScreen() << ", step " << s.target << " " << s.text);
        switch (s.kind) {
        case Step::Click: REQUIRE(d.click(s.target, &error)); break;
        case Step::Type: REQUIRE(d.type(s.target, s.text, &error)); break;
        case Step::Wait: d.wait(std::stod(s.text)); break;
        }
        INFO(error);
    }
    d.settle();
}

} // namespace

TEST_CASE("there are at least 8 samples", "[samples]") {
    CHECK(samples().size() >= 8);
}

TEST_CASE("every sample validates with no errors or warnings", "[samples]") {
    for (auto& p : samples()) {
        LoadResult r = SpecLoader::loadFile(p.string());
        INFO(r.format(p.filename().string()));
        CHECK(r.spec);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("every sample has 3+ screens, all reachable, no dead controls", "[samples][inspect]") {
    for (auto& p : samples()) {
        INFO(p.filename().string());
        LoadResult r = SpecLoader::loadFile(p.string());
        REQUIRE(r.spec);
        Json report = inspectSpec(r.spec);
        CHECK(report["screens"].size() >= 3);
        CHECK(report["unreachable"].empty());
        INFO(report["dead_controls"].dump());
        CHECK(report["dead_controls"].empty());
        for (auto& [screen, texts] : report["texts"].items()) {
            INFO(screen);
            CHECK_FALSE(texts.empty());
            CHECK(texts.dump().find("orem ipsum") == std::string::npos);
        }
    }
}

TEST_CASE("every screen of every sample renders to a non-blank image, light and dark", "[samples][render]") {
    for (auto& p : samples()) {
        LoadResult r = SpecLoader::loadFile(p.string());
        REQUIRE(r.spec);
        HeadlessDriver d(r.spec);
        for (bool dark : {false, true}) {
            d.proto().setTheme(dark);
            for (auto& s : r.spec->screens) {
                INFO(p.filename().string() << " / " << s.id << (dark ? " (dark)" : ""));
                d.proto().showScreen(s.id);
                d.settle();
                Image img = d.capture();
                CHECK(img.width > 0);
                CHECK(inkRatio(img) > 0.03);
                CHECK(d.proto().messages().empty());
            }
        }
    }
}

// Main flows: the click-through a PM would demo, ending on a screen with the state it should have.
TEST_CASE("login_onboarding: sign in, onboard, land home", "[samples][flow]") {
    HeadlessDriver d(loadSample("login_onboarding.json"));
    play(d, {type("password", "wrong"), click("signIn"), wait(1500)});
    CHECK(d.proto().currentScreen() == "login");
    play(d, {type("password", "sunrise2026"), click("signIn"), wait(1500), click("next"), click("Hiring"), click("next"), click("next"),
             click("Invite your teammates")});
    CHECK(d.proto().currentScreen() == "home");
    CHECK(d.proto().state()["topics"] == Json::array({"Product launches", "Hiring"}));
    CHECK(d.proto().state()["tasks"][1]["done"] == true);
}

TEST_CASE("habit_tracker: check off a habit and its streak grows", "[samples][flow]") {
    HeadlessDriver d(loadSample("habit_tracker.json"));
    play(d, {click("Morning run"), click("Progress"), click("Morning run")});
    CHECK(d.proto().currentScreen() == "habit");
    CHECK(d.proto().state()["habits"][0]["done"].back() == "2026-05-14");
}

TEST_CASE("analytics_dashboard: change range, drill into a product, restock", "[samples][flow]") {
    HeadlessDriver d(loadSample("analytics_dashboard.json"));
    play(d, {click("7D"), click("Top products"), click("Ceramic Table Lamp"), click("restock")});
    CHECK(d.proto().currentScreen() == "product");
    CHECK(d.proto().state()["span"] == "7D");
    CHECK(d.proto().state()["restocked"] == Json::array({5}));
}

TEST_CASE("shop_checkout: add to cart, pay, get a confirmation", "[samples][flow]") {
    HeadlessDriver d(loadSample("shop_checkout.json"));
    play(d, {click("Burr Hand Grinder"), click("+"), click("addToCart"), click("viewCart"), click("checkout"),
             type("card", "4242 4242 4242 4242"), type("exp", "09/28"), type("cvc", "123"), click("pay"), wait(1800)});
    CHECK(d.proto().currentScreen() == "confirmation");
    CHECK(d.proto().state()["cart"].empty());
    CHECK(d.proto().state()["last"]["items"] == 3);
    CHECK(d.proto().state()["last"]["total"] == 193);
}

TEST_CASE("ai_chat: a suggested prompt gets a streamed answer", "[samples][flow]") {
    HeadlessDriver d(loadSample("ai_chat.json"));
    play(d, {click("Plan 3 days in Lisbon"), wait(1000)});
    Json midway = d.proto().state();
    play(d, {wait(8000)});
    const Json& s = d.proto().state();
    CHECK(d.proto().currentScreen() == "chat");
    REQUIRE(s["messages"].size() == 3);
    std::string answer = s["messages"][2]["text"];
    CHECK(answer.rfind("Day 1: Alfama", 0) == 0);
    CHECK(midway["messages"].dump().size() < s["messages"].dump().size());  // it arrived over time
    CHECK(s["busy"] == false);
    CHECK(s["chats"][0]["title"] == "Plan 3 days in Lisbon");
}

TEST_CASE("settings: dark mode, rename, sign out through a dialog", "[samples][flow]") {
    HeadlessDriver d(loadSample("settings.json"));
    play(d, {click("darkMode"), click("toAccount"), type("accName", "Elena Novak-Reyes"), click("saveAccount")});
    d.proto().back();
    play(d, {click("signOut"), click("confirmSignOut")});
    CHECK(d.proto().currentScreen() == "signedOut");
    CHECK(d.proto().state()["prefs"]["dark"] == true);
    CHECK(d.proto().state()["user"]["name"] == "Elena Novak-Reyes");
}

TEST_CASE("task_board: move a task, tick its checklist, mark it done", "[samples][flow]") {
    HeadlessDriver d(loadSample("task_board.json"));
    play(d, {click("move"), click("Redesign onboarding screens"), click("Wireframes for 3 steps"), click("Done")});
    CHECK(d.proto().currentScreen() == "task");
    CHECK(d.proto().state()["tasks"][0]["status"] == "Done");
}

TEST_CASE("booking_wizard: service, date, slot, details, confirm", "[samples][flow]") {
    HeadlessDriver d(loadSample("booking_wizard.json"));
    play(d, {click("book"), click("Skin check"), click("toWhen"), click("20"), click("10:30"), click("toDetails"),
             type("phone", "(415) 555-0142"), click("toReview"), click("policy"), click("confirm"), wait(1600)});
    CHECK(d.proto().currentScreen() == "done");
    CHECK(d.proto().state()["booking"]["ref"] == "HH-58213");
}
