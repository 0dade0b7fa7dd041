// Promptotype — OfflineDrafter: a deterministic, network-free idea -> spec generator.
//
// Reads the idea (its main entities and their likely fields, the features asked for, the app's shape)
// and composes a multi-screen prototype from a library of patterns. It is the default when no LLM is
// configured, so its output must be something you would show a stakeholder.
//
// [SECTION] Reading an idea
// [SECTION] Drafting

#pragma once
#include "generator/provider.h"
#include "runtime/spec/expr.h"
#include <memory>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pt {

//-----------------------------------------------------------------------------
// [SECTION] Reading an idea
//-----------------------------------------------------------------------------

// A field of an entity, as the drafter guessed it from the idea and its domain knowledge.
struct IdeaField {
    std::string name;     // state key, camelCase ("dueDate")
    std::string label;    // shown to users ("Due date")
    std::string kind;     // "text", "longtext", "number", "money", "date", "time", "bool", "choice", "rating", "email", "phone", "image"
    std::vector<std::string> choices;  // for "choice"
    std::string of = "";  // a reference: the singular of the entity whose rows it names ("hive"); its choices are their titles
    std::map<std::string, std::string> choiceTones = {};  // choice -> the tone the request colours it ("Occupied" -> "danger")
};

// Something the app is about ("habit", "invoice", "patient").
struct IdeaEntity {
    std::string singular;  // as the idea says it, lower case ("habit")
    std::string plural;    // ("habits")
    std::vector<IdeaField> fields;
    std::string icon;      // Font Awesome icon for the entity ("check-square-o")
    Json rows = Json::array();  // realistic sample rows: objects keyed by field name, dates as ISO; missing/null values (or no rows) = drafter invents them
};

// What the request says about the app's look and layout (readRequestStyle in request_style.cpp); empty = not asked.
struct RequestStyle {
    std::string brand, background, surface, header, accent;  // colours as written: CSS name lower case or "#RRGGBB"
    std::string text;                    // body text colour ("navy text"), as written
    bool dark = false;                   // dark mode, night mode, or a near-black background
    std::string nav;                     // "sidebar" | "tabs" | "" (the device decides)
    std::vector<std::string> navLabels;  // the tabs or sidebar entries the request lists, in order ("Lifts", "Trails")
    std::string font;                    // "serif" | "mono" | "" (sans)
    std::string density;                 // "compact" | "spacious" | ""
    std::string corners;                 // "round" | "square" | ""
    bool cards = false;                  // entities shown as cards ("vendor cards", "each tour as a card")
    bool singleScreen = false;           // "a single screen", "one page": the whole request on one screen
    // "green for available, amber for cleaning": a status value, the colour it shows in, and the theme tone that
    // colour becomes ("success", "warning", "danger" or "info"; theme.success = "green").
    struct StatusColour { std::string value, colour, tone; };
    std::vector<StatusColour> statusColours;  // two or more, in the request's order, or none
};

// What the drafter understood; also printed by `generate` so the PM sees why the draft looks as it does.
struct IdeaReading {
    std::string appName;                 // short product name ("Streaks")
    std::string summary;                 // one line in the idea's own words
    std::string request;                 // the idea as typed (valid UTF-8; "" for a reading built by hand)
    std::vector<std::string> requirements;  // the request split into requirement statements, in its own words (meta.requirements)
    std::vector<IdeaEntity> entities;    // main entity first
    std::vector<std::string> actors;     // people who use the app, plural, in request order ("clerks"); entities only if managed
    std::vector<std::string> features;   // "reminders", "search", "sharing", "payments", "charts", "approvals", "booking", "chat", "ai", "login", "onboarding", "kanban", "settings", ...
    std::vector<std::string> labels;     // labels quoted or named in the idea ("Simple Animal Explorer", "Mammals")
    std::string device;                  // "phone" | "tablet" | "desktop"
    std::string heading;                 // the idea's own title for the main screen ("Simple Animal Explorer"; "" = none)
    std::vector<std::string> buttons;    // quoted labels the idea puts on buttons ("Place Order")
    std::string domain;                  // lexicon domain that matched ("habits"; "" when the idea was not recognised)
    std::string preset = "calm";         // theme preset picked by domain
    std::string brand = "#4F7CFF";       // brand color picked by domain
    RequestStyle style;                  // colours, mode, navigation, font, density and corners the request asks for
};

IdeaReading readIdea(std::string_view idea);   // never fails; an empty or odd idea gives a sensible generic reading

//-----------------------------------------------------------------------------
// [SECTION] Drafting
//-----------------------------------------------------------------------------

// A complete spec (format v1) for the idea: every screen reachable, no dead controls, valid with no errors.
// Deterministic: the same idea gives the same bytes. Under 50 ms.
Json draftSpec(std::string_view idea);
Json draftSpec(const IdeaReading& reading);

// The offline drafter as an LlmProvider ("offline"): answers with draftSpec(request.idea), and a refinement request
// (request.refineDoc set) with offlineRefinement(...) from generator/refiner.h; the document itself is handed over
// (LlmResult::doc), its text streamed for progress and the raw answer file.
std::unique_ptr<LlmProvider> makeOfflineProvider();

} // namespace pt
