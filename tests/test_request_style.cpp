// Reading a request's look and layout (readIdea(...).style): colours with their roles, dark mode, sidebar or tabs
// and their labels, font, density, corners, cards and "a single screen"; ordinary words that happen to be colour
// names are no colour request; the draft's theme and navigation follow what was read, and stay valid and reachable.
#include "generator/offline/offline_drafter.h"
#include "runtime/headless/inspector.h"
#include "runtime/spec/spec_loader.h"
#include <catch2/catch.hpp>
#include <tuple>

using namespace pt;

namespace {

RequestStyle styleOf(const char* request) { return readIdea(request).style; }

bool noColours(const RequestStyle& s) {
    return s.brand.empty() && s.background.empty() && s.surface.empty() && s.header.empty() && s.accent.empty() && !s.dark;
}

std::vector<std::string> navLabels(const Json& spec) {
    std::vector<std::string> out;
    for (const Json& item : spec["nav"]["items"]) out.push_back(item["label"].get<std::string>());
    return out;
}

// Loads the draft: no diagnostics, no dead controls, every screen reachable, every screen has a body.
void checkDraft(const Json& spec) {
    LoadResult r = SpecLoader::loadJson(spec);
    INFO(r.format("draft"));
    REQUIRE(r.spec);
    CHECK(r.diagnostics.empty());
    Json report = inspectSpec(r.spec);
    CHECK(report["dead_controls"].empty());
    CHECK(report["unreachable"].empty());
    for (auto& [id, screen] : spec["screens"].items()) {
        INFO(id);
        CHECK_FALSE(screen["body"].empty());
    }
}

} // namespace

TEST_CASE("request style: roles from the words around a colour", "[request_style]") {
    SECTION("X background, X header, X accents") {
        RequestStyle s = styleOf("A beekeeping log with a goldenrod header, a beige background and firebrick accents for swarm alerts.");
        CHECK(s.header == "goldenrod");
        CHECK(s.background == "beige");
        CHECK(s.accent == "firebrick");
        CHECK(s.brand.empty());
        CHECK_FALSE(s.dark);
    }
    SECTION("X text, text in X: the text colour, no thing to manage") {
        RequestStyle s = styleOf("Please implement a website for a law firm. Use a white background with navy text.");
        CHECK(s.background == "white");
        CHECK(s.text == "navy");
        CHECK(s.brand.empty());
        CHECK(styleOf("A recipe box with the text in dark slate gray").text == "darkslategray");
        Json spec = draftSpec("Please implement a website for a law firm. Use a white background with navy text.");
        CHECK(spec["theme"]["text"] == "navy");
        CHECK(spec["theme"]["brand"] == "navy");  // no brand asked: the text's hue leads, not the domain's colour
        CHECK(spec.dump().find("Navy text") == std::string::npos);
        checkDraft(spec);
        // Grey text lends no brand colour; a post's text is still a field.
        Json grey = draftSpec("A blog where posts have a title and text, in dark grey text on cream");
        CHECK(grey["theme"]["text"] == "darkgrey");
        CHECK(grey["theme"]["brand"] != "darkgrey");
        checkDraft(grey);
    }
    SECTION("multi-word names and 'on a X background'") {
        RequestStyle s = styleOf("Court calendar for clerks: white cards on a light grey background, midnight blue top bar.");
        CHECK(s.surface == "white");
        CHECK(s.background == "lightgrey");
        CHECK(s.header == "midnightblue");
    }
    SECTION("brand colours are X and Y, hex codes after names win") {
        RequestStyle s = styleOf("Tenant portal. Brand colours are forest green (#1F5E3B) and orange (#F28C28).");
        CHECK(s.brand == "#1F5E3B");
        CHECK(s.accent == "#F28C28");
    }
    SECTION("'X for buttons and headers', 'alarms in X'") {
        RequestStyle s = styleOf("Greenhouse climate monitor: sienna for buttons and headers, and alarms in orangered.");
        CHECK(s.brand == "sienna");
        CHECK(s.header == "sienna");
        CHECK(s.accent == "orangered");
    }
    SECTION("a palette: brand, then background or accent by lightness") {
        RequestStyle light = styleOf("Chess clock with a steelblue and white colour scheme.");
        CHECK(light.brand == "steelblue");
        CHECK(light.background == "white");
        RequestStyle pair = styleOf("A choir attendance app in plum and gold colours.");
        CHECK(pair.brand == "plum");
        CHECK(pair.accent == "gold");
    }
    SECTION("short hex codes and a foreground on a background") {
        RequestStyle s = styleOf("Darkroom timer: everything red on black, buttons #c33.");
        CHECK(s.brand == "#CC3333");
        CHECK(s.accent == "red");
        CHECK(s.background == "black");
        CHECK(s.dark);
    }
    SECTION("benchmark phrasings: 'X as the background', 'components adopt Y'") {
        RequestStyle snake = styleOf("Please implement a snake game. Use black as the background and lime for the snake.");
        CHECK(snake.background == "black");
        CHECK(snake.brand == "lime");
        CHECK(snake.dark);
        RequestStyle site = styleOf("Please implement a website for a bakery. Define the background as white; components adopt navy.");
        CHECK(site.background == "white");
        CHECK(site.brand == "navy");
        RequestStyle styled = styleOf("A recipe site. Apply lavender as the background; style components with indigo.");
        CHECK(styled.background == "lavender");
        CHECK(styled.brand == "indigo");
    }
    SECTION("colours that are all 'use' takes, or a pair after 'in' ending the clause") {
        RequestStyle used = styleOf("Please implement a personal budget tracker. Use navy and white.");
        CHECK(used.brand == "navy");
        CHECK(used.background == "white");
        RequestStyle pair = styleOf("A bee yard inspection log in teal and goldenrod");
        CHECK(pair.brand == "teal");
        CHECK(pair.accent == "goldenrod");
        CHECK(noColours(styleOf("Show overdue tasks in red.")));
        CHECK(noColours(styleOf("A chess clock for players using black and white pieces.")));
    }
}

TEST_CASE("request style: values given colours are a status in those colours, not the brand", "[request_style]") {
    using Colours = std::vector<std::tuple<std::string, std::string, std::string>>;
    auto coloured = [](const char* request) {
        Colours out;
        for (const auto& c : styleOf(request).statusColours) out.emplace_back(c.value, c.colour, c.tone);
        return out;
    };
    CHECK(coloured("Bed board. Bed status colours: green for available, amber for cleaning, red for occupied.") ==
          Colours{{"available", "green", "success"}, {"cleaning", "#FFBF00", "warning"}, {"occupied", "red", "danger"}});
    CHECK(coloured("Court calendar where hearings show as Scheduled (blue), Adjourned (orange) and Closed (gray).") ==
          Colours{{"Scheduled", "blue", "info"}, {"Adjourned", "orange", "warning"}, {"Closed", "gray", "success"}});
    CHECK(coloured("Hive inspections: queenless in crimson and healthy in seagreen.") ==
          Colours{{"queenless", "crimson", "danger"}, {"healthy", "seagreen", "success"}});
    CHECK(styleOf("Bed board. Bed status colours: green for available, amber for cleaning, red for occupied.").brand.empty());
    // One value alone, or colours for parts of the look, are no status.
    CHECK(coloured("A bakery site in navy for busy parents").empty());
    CHECK(coloured("Use navy for headers and gold for buttons").empty());
    CHECK(styleOf("Use navy for headers and gold for buttons").header == "navy");
    CHECK(coloured("Chess clock with red for the player whose time is running out").empty());
}

TEST_CASE("request style: dark mode", "[request_style]") {
    CHECK(styleOf("A podcast queue in dark mode.").dark);
    CHECK(styleOf("Telescope log with a night mode for observing.").dark);
    CHECK(styleOf("Bar tab tracker. Black background, crimson accents.").dark);
    CHECK_FALSE(styleOf("A notes app with a dark mode toggle in settings.").dark);
    CHECK_FALSE(styleOf("A notes app for a bakery.").dark);
}

TEST_CASE("request style: ordinary words are no colour request", "[request_style]") {
    CHECK(noColours(styleOf("A menu app for a diner with black and white photos of the menu.")));
    CHECK(noColours(styleOf("Shift sign-up for Red Cross volunteers in Orange County.")));
    CHECK(noColours(styleOf("Trail map where runs use the usual marks (green circle, blue square, black diamond).")));
    CHECK(noColours(styleOf("A white-label loyalty app for salons that lets owners send gift cards.")));
    CHECK(noColours(styleOf("Inventory of tan leather, linen and gold thread for a bookbinder, with chocolate and salmon orders.")));
    CHECK(noColours(styleOf("Ticket #123 triage for a help desk.")));
    CHECK(noColours(styleOf("A quiz for kids with lots of white space.")));
}

TEST_CASE("request style: navigation kind and labels", "[request_style]") {
    RequestStyle tabs = styleOf("Pool lifeguard roster. Bottom tabs: Shifts, Swaps, Certificates.");
    CHECK(tabs.nav == "tabs");
    CHECK(tabs.navLabels == std::vector<std::string>{"Shifts", "Swaps", "Certificates"});
    RequestStyle side = styleOf("Beekeeping records with a left sidebar with Hives, Inspections and Harvests.");
    CHECK(side.nav == "sidebar");
    CHECK(side.navLabels == std::vector<std::string>{"Hives", "Inspections", "Harvests"});
    RequestStyle top = styleOf("A chess club app with tabs for Today, History and Settings.");
    CHECK(top.navLabels == std::vector<std::string>{"Today", "History", "Settings"});
    RequestStyle filters = styleOf("A parts catalog with a sidebar with filters by size.");
    CHECK(filters.nav == "sidebar");
    CHECK(filters.navLabels.empty());
    CHECK(styleOf("A parts catalog for a bike shop.").nav.empty());
}

TEST_CASE("request style: font, density, corners, cards, single screen", "[request_style]") {
    RequestStyle s = styleOf("Wine cellar log: a classic serif font, compact tables, rounded corners, bottles shown as cards. One screen only.");
    CHECK(s.font == "serif");
    CHECK(s.density == "compact");
    CHECK(s.corners == "round");
    CHECK(s.cards);
    CHECK(s.singleScreen);
    RequestStyle plain = styleOf("Expense claims with a clean sans-serif look and credit cards on file.");
    CHECK(plain.font.empty());
    CHECK_FALSE(plain.cards);
    CHECK_FALSE(plain.singleScreen);
    CHECK(styleOf("Code review queue with numbers in a monospace font, lots of white space and sharp corners.").font == "mono");
    CHECK(styleOf("Code review queue with lots of white space.").density == "spacious");
    CHECK(styleOf("Code review queue with sharp corners.").corners == "square");
    CHECK(styleOf("Make the buttons rounded.").corners == "round");
    CHECK(styleOf("A rounded feel, please").corners.empty());
}

TEST_CASE("request style: the draft's theme and navigation follow it", "[request_style]") {
    SECTION("no look words: the theme of before") {
        Json spec = draftSpec("A habit tracker with daily streaks and reminders");
        CHECK(spec["theme"].size() == 3);
        CHECK(spec["theme"]["mode"] == "light");
        checkDraft(spec);
    }
    SECTION("colours, dark mode, font and density are theme keys, CSS names as written") {
        Json spec = draftSpec("Harbour ferry timetable in dark mode with a darkslateblue header, coral accents and a serif font. Compact layout.");
        CHECK(spec["theme"]["mode"] == "dark");
        CHECK(spec["theme"]["header"] == "darkslateblue");
        CHECK(spec["theme"]["brand"] == "darkslateblue");
        CHECK(spec["theme"]["accent"] == "coral");
        CHECK(spec["theme"]["font"] == "serif");
        CHECK(spec["theme"]["density"] == "compact");
        checkDraft(spec);
    }
    SECTION("coloured values are the main thing's status: badges, table pills and the theme's tones") {
        Json spec = draftSpec("Bed board for a hospital, on desktop. Bed status colours: green for available, amber for cleaning, red for occupied. "
                              "Coordinators assign beds to waiting patients.");
        CHECK(spec["theme"]["success"] == "green");
        CHECK(spec["theme"]["danger"] == "red");
        CHECK(spec["state"]["beds"][0]["status"] == "Available");
        const std::string text = spec.dump();
        CHECK(text.find(R"(x.status == 'Occupied' ? 'danger')") != std::string::npos);
        CHECK(text.find(R"("tones":{"Available":"success","Cleaning":"warning","Occupied":"danger"})") != std::string::npos);
        checkDraft(spec);
    }
    SECTION("requested tabs are the nav labels, each on a screen with a body") {
        Json spec = draftSpec("Lifeguard roster for a city pool. Bottom tabs: Shifts, Swaps, More. Guards log shifts and request swaps.");
        CHECK(spec["nav"]["kind"] == "tabs");
        CHECK(navLabels(spec) == std::vector<std::string>{"Home", "Shifts", "Swaps", "More"});
        checkDraft(spec);
    }
    SECTION("a requested sidebar on a phone, with a label no entity has") {
        Json spec = draftSpec("Phone app for a community garden with a side menu: Plots, Waitlist, Compost Rota.");
        CHECK(spec["nav"]["kind"] == "sidebar");
        std::vector<std::string> labels = navLabels(spec);
        CHECK(std::find(labels.begin(), labels.end(), "Compost Rota") != labels.end());
        checkDraft(spec);
    }
}
