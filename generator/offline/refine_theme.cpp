// Promptotype — the offline refiner's requests on the app's look. See refine_theme.h.

#include "generator/offline/refine_theme.h"
#include "generator/offline/draft_patterns.h"
#include "runtime/spec/css_colors.h"
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <set>

namespace pt::refine {

namespace {

// Comparatives the style reader reads in their plain form ("rounder corners" asks for round corners); the phrases
// that undo a look ("less compact") come first.
std::string plainLook(const std::string& typed) {
    std::string low = " " + lowerAscii(typed) + " ";
    static const std::pair<const char*, const char*> plain[] = {
        {" less compact ", " spacious "}, {" less dense ", " spacious "}, {" less cramped ", " spacious "}, {" less crowded ", " spacious "},
        {" more space ", " spacious "}, {" more spacing ", " spacious "}, {" more breathing room ", " spacious "}, {" roomier ", " spacious "},
        {" looser ", " spacious "}, {" less spacious ", " compact "}, {" tighter ", " compact "}, {" denser ", " compact "},
        {" rounder ", " rounded "}, {" more rounded ", " rounded "}, {" softer corners ", " rounded corners "}, {" sharper ", " square "},
        {" squarer ", " square "}, {" less rounded ", " square "}};
    for (auto& [from, to] : plain)
        for (size_t at; (at = low.find(from)) != std::string::npos;) low.replace(at, std::strlen(from), to);
    return low;
}

// Words that say what a theme colour is for, or that the whole app is meant: with only these beside a colour the
// request is about the theme ("make the header navy", "make the buttons teal", "make the app green").
bool namesThemePart(const std::string& w) {
    static const std::set<std::string> parts = {
        "header", "headers", "heading", "headings", "sidebar", "bar", "bars", "navigation", "nav", "toolbar", "banner", "tabs", "background",
        "backgrounds", "backdrop", "surface", "surfaces", "card", "cards", "panel", "panels", "accent", "accents", "highlight", "highlights",
        "link", "links", "brand", "branding", "buttons", "text", "font", "palette", "colour", "colours", "color", "colors", "scheme", "theme", "look", "design",
        "app", "ui", "everything", "whole", "primary", "main", "secondary", "mode", "tone", "tones", "shade", "feel", "style"};
    return parts.count(w) > 0;
}

// Words that ask for a change of look rather than name a thing ("make", "dark", "deep", "instead").
bool saysLook(const std::string& w) {
    static const std::set<std::string> look = {"make", "use", "change", "set", "paint", "turn", "switch", "give", "want", "get", "go", "more",
                                               "less", "bit", "little", "much", "lot", "very", "instead", "dark", "light", "deep", "pale",
                                               "bright", "darker", "lighter", "colored", "coloured", "as", "all", "too", "like", "would", "should",
                                               "we", "us", "i", "me", "let", "lets", "s", "new", "some", "into", "rather", "than", "something"};
    std::uint32_t rgb = 0;
    return look.count(w) > 0 || cssColor(w, &rgb) || (!w.empty() && w[0] == '#');
}

} // namespace

Json themeChangeIn(const Request& r) {
    const std::string text = plainLook(r.text);
    const RequestStyle style = draft::readRequestStyle(text);
    Json change = Json::object();
    // A colour is the theme's when nothing but theme parts is named beside it; "the save button red" is a widget's.
    // Words of a colour written in several ("dark slate gray", "midnight blue") are the colour.
    std::vector<bool> inColour(r.words.size(), false);
    for (size_t i = 0; i < r.words.size(); ++i)
        for (size_t n = 2; n <= 3 && i + n <= r.words.size(); ++n) {
            std::string joined;
            for (size_t k = i; k < i + n; ++k) joined += r.words[k];
            std::uint32_t rgb = 0;
            if (cssColor(joined, &rgb)) std::fill(inColour.begin() + static_cast<long>(i), inColour.begin() + static_cast<long>(i + n), true);
        }
    bool colourForApp = true;
    for (size_t i = 0; i < r.words.size(); ++i) colourForApp = colourForApp && (inColour[i] || isFiller(r.words[i]) || namesThemePart(r.words[i]) || saysLook(r.words[i]));
    if (colourForApp) {
        const std::pair<const char*, const std::string*> colours[] = {
            {"brand", &style.brand}, {"header", &style.header}, {"background", &style.background}, {"surface", &style.surface}, {"accent", &style.accent}, {"text", &style.text}};
        for (auto& [key, value] : colours)
            if (!value->empty()) change[key] = *value;
        // "orange accents" are what people see as the app's colour (buttons, the selected tab), as the drafter reads them.
        if (change.contains("accent") && !change.contains("brand")) change["brand"] = change["accent"];
    }
    const bool undoDark = text.find(" light mode ") != std::string::npos || text.find(" light theme ") != std::string::npos ||
                          text.find(" off dark mode ") != std::string::npos || text.find(" no dark mode ") != std::string::npos;
    if (undoDark) change["mode"] = "light";
    else if (style.dark) change["mode"] = "dark";
    if (text.find(" sans") != std::string::npos) change["font"] = "sans";
    else if (!style.font.empty()) change["font"] = style.font;
    if (!style.density.empty()) change["density"] = style.density;
    if (!style.corners.empty()) change["corners"] = style.corners;
    // "add a bottom tab bar", "use a sidebar instead of tabs": the navigation's kind, when nothing else is named
    // ("a sidebar with filters" is a panel).
    static const std::set<std::string> navWords = {"bottom", "top", "left", "side", "tab", "tabs", "bar", "sidebar", "menu", "navigation", "nav",
                                                   "instead", "move", "put", "add", "replace", "with"};
    const bool navOnly = std::all_of(r.words.begin(), r.words.end(), [](const std::string& w) { return isFiller(w) || saysLook(w) || navWords.count(w); });
    if (!style.nav.empty() && navOnly) change["nav"] = style.nav;
    return change;
}

Outcome restyleTheme(EditLog& log, const Json& change) {
    const Json theme = log.doc.contains("theme") && log.doc["theme"].is_object() ? log.doc["theme"] : Json::object();
    if (!log.doc.contains("theme") || !log.doc["theme"].is_object()) log.set("/theme", Json::object());
    std::string said;
    for (auto& [key, value] : change.items()) {
        if (key == "nav") {
            const Json& nav = log.doc.contains("nav") && log.doc["nav"].is_object() ? log.doc["nav"] : Json::object();
            const bool items = nav.contains("items") && nav["items"].is_array() && nav["items"].size() >= 2;
            const std::string shown = value == "tabs" ? "a tab bar" : "a sidebar";
            if (nav.value("kind", std::string("stack")) == value) {
                if (change.size() == 1) return {"", "The app already has " + shown + std::string(kNeedsLlm), true};
                continue;
            }
            if (!items) return cannot("add " + shown + ": the app has no top-level screens to put in it");
            log.set("/nav/kind", value);
            said += (said.empty() ? "" : ", ") + shown;
            continue;
        }
        if (theme.contains(key) && theme[key] == value) continue;
        log.set("/theme/" + key, value);
        const std::string shown = value.get<std::string>();
        said += (said.empty() ? "" : ", ") + (key == "mode" ? shown + " mode" : key == "density" || key == "corners" ? shown + " " + key
                                            : key == "font" ? "a " + shown + " font" : "the " + key + " " + shown);
    }
    if (said.empty()) return {"", "The app already looks like that (its theme has " + change.dump() + ")" + std::string(kNeedsLlm), true};
    return {"Changed the look: " + said, ""};
}

} // namespace pt::refine
