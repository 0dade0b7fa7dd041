// Promptotype — the offline drafter's refinements: a request in words -> edits, without a model.
//
// Reads the request for one of the changes it knows (add a screen of a known pattern, add a field or switch,
// rename, recolor, remove, reorder, resize; search, filter chips, sort, count badges and confirmations on lists,
// refine_lists.h; split or optional fields, a new step in a flow and export buttons, refine_forms.h; the theme's
// colours, mode, font, density and corners, refine_theme.h; a chart's span, refine_charts.h; approve and reject,
// refine_approvals.h; a new column of rows, refine_columns.h; a button or field for every row, refine_row_actions.h), finds what it is about by id, label, title or widget type words (and the selected node), splits
// compound requests ("a settings screen with a dark mode switch", "a search bar and a sort control") into parts done
// in turn, and answers with edits in the refiner's format (generator/refiner.h). New screens come from
// the drafter's own pattern builders. Every answer is applied and loaded before it is given: anything that cannot
// be done cleanly becomes {"unsupported": ...} naming what was not understood and pointing to an LLM.
//
// [SECTION] Linking a new screen
// [SECTION] Add a screen
// [SECTION] Add a field
// [SECTION] Rename
// [SECTION] Recolor
// [SECTION] Remove
// [SECTION] Reorder
// [SECTION] Resize
// [SECTION] Dispatch
// [SECTION] Compound requests
// [SECTION] Entry point

#include "generator/offline/draft_patterns.h"
#include "generator/offline/refine_approvals.h"
#include "generator/offline/refine_charts.h"
#include "generator/offline/refine_columns.h"
#include "generator/offline/refine_forms.h"
#include "generator/offline/refine_lists.h"
#include "generator/offline/refine_row_actions.h"
#include "generator/offline/refine_theme.h"
#include "generator/refiner.h"
#include "runtime/spec/spec_loader.h"
#include "runtime/spec/catalog.h"
#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <regex>
#include <set>

namespace pt {
namespace {

using draft::camelKey;
using draft::capitalized;
using draft::safeText;
using draft::singularOf;
using namespace refine;

//-----------------------------------------------------------------------------
// [SECTION] Linking a new screen
//-----------------------------------------------------------------------------

// Adds a way to reach screen `id`: a nav item when the tab bar or sidebar has room, else an item at the end of the
// start screen (or of the first other reachable screen; a bar button when the body is a single node); with
// `fromSettings`, an item at the end of the settings screen when the app has one. Returns how, for the summary ("" when
// there is no place).
std::string linkScreen(EditLog& log, const std::string& id, const std::string& label, const std::string& icon, const std::string& text, bool fromSettings = false) {
    const Json& doc = log.doc;
    const Json nav = doc.contains("nav") && doc["nav"].is_object() ? doc["nav"] : Json::object();
    std::string kind = nav.value("kind", std::string("stack"));
    const bool viaSettings = fromSettings && doc.contains("screens") && doc["screens"].contains("settings") && doc["screens"]["settings"].is_object() &&
                             doc["screens"]["settings"].contains("body");
    if (!viaSettings && (kind == "tabs" || kind == "sidebar") && nav.contains("items") && nav["items"].is_array() && nav["items"].size() < (kind == "tabs" ? 5u : 8u)) {
        const int settings = navItemOf(doc, "settings");   // stays last
        log.add("/nav/items/" + (settings >= 0 && id != "settings" ? std::to_string(settings) : std::string("-")), Json{{"screen", id}, {"label", label}, {"icon", icon}});
        return kind == "tabs" ? "the tab bar" : "the sidebar";
    }
    LoadResult load = SpecLoader::loadJson(doc);
    if (!load.spec) return "";
    std::vector<std::string> hosts = {viaSettings ? std::string("settings") : load.spec->nav.start};
    for (auto& reachable : reachableScreens(*load.spec)) hosts.push_back(reachable);
    std::set<std::string> ids = idSet(doc);
    std::string linkId = uniqueName("open" + capitalized(id), ids);
    for (auto& host : hosts) {
        if (host == id || !doc["screens"].contains(host)) continue;
        const Json& screen = doc["screens"][host];
        // Not from a screen before the app: a start screen that no tab or sidebar item opens (sign-in, welcome).
        const bool beforeApp = host == load.spec->nav.start && (kind == "tabs" || kind == "sidebar") && navItemOf(doc, host) < 0;
        if (!screen.is_object() || beforeApp) continue;
        std::string title = screen.contains("title") && screen["title"].is_string() ? literalText(screen["title"].get<std::string>()) : host;
        std::string base = "/screens/" + escapePointer(host);
        if (screen.contains("body") && screen["body"].is_array()) {
            log.add(base + "/body/-", Json{{"list", Json::array({Json{{"item", label}, {"id", linkId}, {"subtitle", text}, {"icon", icon}, {"go", id}}})}});
            return "an item at the end of '" + title + "'";
        }
        Json button = Json{{"icon_button", icon}, {"label", label}, {"id", linkId}, {"go", id}};
        if (!screen.contains("bar")) {
            log.add(base + "/bar", Json::array({button}));
            return "a button in the bar of '" + title + "'";
        }
        if (screen["bar"].is_array()) {
            log.add(base + "/bar/-", button);
            return "a button in the bar of '" + title + "'";
        }
    }
    return "";
}

//-----------------------------------------------------------------------------
// [SECTION] Add a screen
//-----------------------------------------------------------------------------

// The app's main rows as the drafter's patterns expect them: the first state list of objects (preferring one a
// screen repeats over), with fields guessed from its values and the screen that shows one row (params.id).
struct AppEntity {
    IdeaEntity entity;
    std::string key;            // state key ("" = the app has no list of rows)
    std::string detailScreen;   // "" when no screen shows one row
};

AppEntity readEntity(const Json& doc) {
    AppEntity a;
    a.entity = IdeaEntity{"item", "items", {{"name", "Name", "text", {}}}, "bookmark-o", Json::array()};
    const Json& state = doc.contains("state") && doc["state"].is_object() ? doc["state"] : Json::object();
    const std::string screens = doc.contains("screens") ? doc["screens"].dump() : "";
    for (int pass = 0; pass < 2 && a.key.empty(); ++pass)
        for (auto& [k, v] : state.items()) {
            if (!v.is_array() || v.empty() || !v[0].is_object()) continue;
            if (pass == 0 && screens.find("${" + k + "}") == std::string::npos && screens.find("(" + k + ",") == std::string::npos) continue;
            a.key = k;
            break;
        }
    if (a.key.empty()) return a;
    const Json& rows = state[a.key];
    a.entity.plural = lowerAscii(a.key);
    a.entity.singular = singularOf(a.entity.plural);
    a.entity.fields.clear();
    for (auto& [field, value] : rows[0].items()) {
        if (field == "id") continue;
        std::string kind = value.is_boolean() ? "bool" : value.is_number() ? "number" : value.is_string() ? "text" : "";
        if (kind.empty()) continue;
        if (kind == "text" && value.get<std::string>().size() == 10 && value.get<std::string>()[4] == '-') kind = "date";
        a.entity.fields.push_back({field, capitalized(field), kind, {}});
    }
    // The title field comes first: the first text field.
    auto title = std::find_if(a.entity.fields.begin(), a.entity.fields.end(), [](const IdeaField& f) { return f.kind == "text"; });
    if (title == a.entity.fields.end()) a.entity.fields.insert(a.entity.fields.begin(), IdeaField{"name", "Name", "text", {}});
    else std::rotate(a.entity.fields.begin(), title, title + 1);
    for (auto& row : rows)
        if (row.is_object()) {
            Json copy = row;
            if (!copy.contains(a.entity.fields.front().name)) copy[a.entity.fields.front().name] = "";
            a.entity.rows.push_back(copy);
        }
    if (doc.contains("screens") && doc["screens"].is_object())
        for (auto& [id, s] : doc["screens"].items()) {
            std::string text = s.dump();
            if (text.find("params.id") != std::string::npos && wordStems(text).count(singularOf(a.key))) {
                a.detailScreen = id;
                break;
            }
        }
    return a;
}

// Removes navigation a pattern wrote to screens this app does not have: such steps are dropped, a "go" is erased.
void dropDeadNavigation(Json& j, const std::set<std::string>& targets) {
    auto dead = [&](const Json& step) {
        if (!step.is_object()) return false;
        for (const char* k : {"navigate", "open"})
            if (step.contains(k) && step[k].is_string() && !targets.count(step[k].get<std::string>())) return true;
        return false;
    };
    if (j.is_array()) {
        j.erase(std::remove_if(j.begin(), j.end(), dead), j.end());
        for (auto& e : j) dropDeadNavigation(e, targets);
        return;
    }
    if (!j.is_object()) return;
    if (j.contains("go") && j["go"].is_string() && !targets.count(j["go"].get<std::string>())) {
        j.erase("go");
        j.erase("action");
    }
    std::vector<std::string> gone;
    for (auto& [k, v] : j.items()) {
        if (dead(v)) gone.push_back(k);
        else dropDeadNavigation(v, targets);
        if (v.is_array() && v.empty() && (k == "press" || k == "change" || k == "submit" || k == "select")) gone.push_back(k);
    }
    for (auto& k : gone) j.erase(k);
}

// Whether `key` is used as an identifier in `text` (state keys a new screen reads).
bool mentionsIdentifier(const std::string& text, const std::string& key) {
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
        bool before = at == 0 || !isWordChar(text[at - 1]);
        bool after = at + key.size() >= text.size() || !isWordChar(text[at + key.size()]);
        if (before && after) return true;
    }
    return false;
}

// A screen the offline drafter can add: its request words and how to build it from the pattern library.
struct ScreenPattern {
    const char* id;
    std::set<std::string> words;
    const char* label;
    const char* icon;
    const char* text;   // the link's subtitle
    bool start = false; // it comes before the app (sign-in, welcome): it becomes the start screen, not a link
    bool fromSettings = false;   // opened from the settings screen when there is one (help, about)
};

const std::vector<ScreenPattern>& screenPatterns() {
    static const std::vector<ScreenPattern> patterns = {
        {"share", stems({"share", "sharing"}), "Share", "share-alt", "Send a link or invite people"},
        {"settings", stems({"settings", "preferences"}), "Settings", "cog", "Profile and preferences"},
        {"notifications", stems({"notifications", "alerts"}), "Notifications", "bell", "What changed"},
        {"profile", stems({"profile", "account"}), "Profile", "user", "Your name and email"},
        {"reminders", stems({"reminders"}), "Reminders", "bell", "When to nudge you"},
        {"calendar", stems({"calendar"}), "Calendar", "calendar", "What happens on which day"},
        {"help", stems({"help", "faq", "faqs", "support"}), "Help", "question-circle", "Answers and support", false, true},
        {"about", stems({"about"}), "About", "info-circle", "Version and terms", false, true},
        {"login", stems({"login", "signin", "logon"}), "Sign in", "sign-in", "", true},
        {"welcome", stems({"onboarding", "welcome", "intro", "walkthrough"}), "Welcome", "hand-o-right", "", true}};
    return patterns;
}

// Questions people ask about any app that keeps rows, answered from this app's own names; and a way to reach support.
Json helpScreen(const std::string& appName, const AppEntity& app) {
    const std::string one = app.entity.singular, many = app.entity.plural;
    auto answer = [](const std::string& q, const std::string& a) { return Json{{"accordion", Json::array({Json{{"text", a}, {"muted", true}}})}, {"title", q}}; };
    Json faqs = Json::array();
    if (!app.key.empty()) {
        faqs.push_back(answer("How do I add a " + one + "?", "Tap + on the " + capitalized(many) + " screen, fill in the form and save."));
        faqs.push_back(answer("How do I change or remove a " + one + "?", "Open the " + one + " from the list; its screen has the actions for it."));
    }
    faqs.push_back(answer("Who can see my data?", "Only you and the people you share " + safeText(appName, 40) + " with."));
    faqs.push_back(answer("How do I turn notifications off?", "Open Settings and switch off the notifications you do not want."));
    return Json{{"title", "Help"}, {"icon", "question-circle"},
                {"body", Json::array({Json{{"section", faqs}, {"title", "Frequently asked questions"}},
                                      Json{{"button", "Contact support"}, {"id", "contactSupport"}, {"icon", "envelope"}, {"variant", "secondary"}, {"w", "fill"},
                                           {"press", Json{{"toast", "Message sent to support - we reply within a day"}, {"tone", "success"}}}}})}};
}

// The app's name, version and the usual links.
Json aboutScreen(const std::string& appName) {
    auto link = [](const std::string& label, const std::string& id, const std::string& icon) {
        return Json{{"item", label}, {"id", id}, {"icon", icon}, {"press", Json{{"toast", label + " opened"}}}};
    };
    return Json{{"title", "About"}, {"icon", "info-circle"},
                {"body", Json::array({Json{{"heading", safeText(appName, 40)}, {"subtitle", "Version 1.0 (prototype)"}, {"align", "center"}},
                                      Json{{"list", Json::array({link("Terms of service", "terms", "file-text-o"), link("Privacy policy", "privacy", "lock"),
                                                                 link("Open-source licences", "licences", "code")})}}})}};
}

// Runs the drafter's pattern for `pattern` on a scratch draft of this app; fills the new screen and what it needs.
bool buildPatternScreen(const Json& doc, const ScreenPattern& pattern, const AppEntity& app, Json* screen, Json* scratch) {
    IdeaReading reading;
    reading.appName = metaText(doc, "name", "Prototype");
    reading.summary = metaText(doc, "idea");
    reading.device = metaText(doc, "device", "phone");
    reading.entities.push_back(app.entity);
    draft::Draft d{reading, Json{{"state", Json::object()}, {"screens", Json::object()}, {"overlays", Json::object()}}, {}, {}, {}, {}};
    std::set<std::string> taken;
    d.plans.reserve(1);
    d.plans.push_back(draft::planEntity(app.entity, taken));
    draft::EntityPlan& plan = d.plans.front();
    plan.key = app.key;
    plan.detailScreen = app.detailScreen;
    const std::string id = pattern.id;
    if (id == "share") {
        draft::addShareSheet(d);
        Json items = d.spec["overlays"]["share"]["body"];
        for (auto& item : items) {   // on a screen there is no sheet to close
            Json& press = item["press"];
            press.erase(std::remove(press.begin(), press.end(), Json("close")), press.end());
        }
        *screen = Json{{"title", pattern.label}, {"icon", pattern.icon},
                       {"body", Json::array({Json{{"text", "Share " + safeText(reading.appName, 40) + " with a friend or your team"}, {"muted", true}},
                                             Json{{"list", items}}})}};
    } else if (id == "settings") {
        draft::addSettings(d);
        *screen = d.spec["screens"]["settings"];
    } else if (id == "profile") {
        draft::addSettings(d);
        const Json& body = d.spec["screens"]["settings"]["body"];   // avatar card, profile form, ..., save button
        *screen = Json{{"title", pattern.label}, {"icon", pattern.icon}, {"body", Json::array({body[0], body[1], body[4]})}};
    } else if (id == "notifications") {
        draft::addNotifications(d);
        *screen = d.spec["screens"]["notifications"];
    } else if (id == "reminders") {
        if (app.key.empty()) return false;
        draft::addReminders(d);
        *screen = d.spec["screens"]["reminders"];
    } else if (id == "calendar") {
        draft::addCalendar(d);
        if (!d.spec["screens"].contains("calendar")) return false;
        *screen = d.spec["screens"]["calendar"];
    } else if (id == "help") {
        *screen = helpScreen(reading.appName, app);
    } else if (id == "about") {
        *screen = aboutScreen(reading.appName);
    } else if (id == "login") {
        draft::addLogin(d);
        *screen = d.spec["screens"]["login"];
    } else if (id == "welcome") {
        draft::addOnboarding(d);
        *screen = d.spec["screens"]["welcome"];
    }
    // A screen before the app goes on to where the app starts now (the patterns go "home").
    if (pattern.start) {
        const std::string next = doc.contains("nav") && doc["nav"].is_object() ? doc["nav"].value("start", std::string()) : "";
        forEachObject(*screen, "", [&](const Json& o, const std::string& pointer) {
            Json& node = (*screen)[Json::json_pointer(pointer)];
            for (const char* key : {"go", "navigate"})
                if (o.contains(key) && o[key] == "home" && !next.empty()) node[key] = next;
        });
    }
    *scratch = d.spec;
    return true;
}

Outcome addScreen(EditLog& log, const ScreenPattern& pattern) {
    const Json doc = log.doc;
    std::set<std::string> screenIds = keysOf(doc, "screens"), overlayIds = keysOf(doc, "overlays");
    // The app has one when a screen's id names the pattern, or its whole title does ("Account" is a profile, "Create account" is not).
    for (auto& [sid, s] : doc["screens"].items()) {
        std::set<std::string> title = s.is_object() && s.contains("title") && s["title"].is_string() ? wordStems(literalText(s["title"].get<std::string>())) : std::set<std::string>();
        std::set<std::string> id = wordStems(sid);
        bool named = std::any_of(id.begin(), id.end(), [&](const std::string& w) { return pattern.words.count(w) > 0; }) ||
                     (!title.empty() && std::all_of(title.begin(), title.end(), [&](const std::string& w) { return pattern.words.count(w) > 0; }));
        if (named)
            return {"", "The app already has a " + lowerAscii(pattern.label) + " screen ('" + screenTitle(doc, "/screens/" + escapePointer(sid)) +
                            "'); say what to change on it" + std::string(kNeedsLlm), true};
    }
    AppEntity app = readEntity(doc);
    Json screen, scratch;
    if (!buildPatternScreen(doc, pattern, app, &screen, &scratch))
        return cannot("add " + withArticle(lowerAscii(pattern.label)) + " screen to this app: it needs a list of rows" + (std::string(pattern.id) == "calendar" ? " with dates" : ""));
    std::set<std::string> all = screenIds;
    all.insert(overlayIds.begin(), overlayIds.end());
    const std::string id = uniqueName(pattern.id, all);
    std::set<std::string> targets = all;
    targets.insert(id);
    dropDeadNavigation(screen, targets);
    std::set<std::string> ids = idSet(doc);
    freshIds(screen, ids);

    // State the screen reads: new keys are added, objects the app already has gain the missing members.
    const std::string used = screen.dump();
    if (!doc.contains("state") || !doc["state"].is_object()) log.set("/state", Json::object());
    for (auto& [key, value] : scratch["state"].items()) {
        if (!mentionsIdentifier(used, key)) continue;
        std::string path = "/state/" + escapePointer(key);
        if (!has(log.doc, path)) { log.add(path, value); continue; }
        const Json mine = at(log.doc, path);   // a copy: the log changes its document below
        if (mine.is_object() && value.is_object()) {
            for (auto& [member, v] : value.items())
                if (!mine.contains(member)) log.add(path + "/" + escapePointer(member), v);
        } else if (mine.type() != value.type()) {
            return cannot("add a " + lowerAscii(pattern.label) + " screen here: the app's state already uses '" + key + "' for something else");
        }
    }
    log.add("/screens/" + escapePointer(id), screen);
    // Mock calls it makes (the sign-in's "login").
    if (scratch.contains("mocks") && scratch["mocks"].is_object())
        for (auto& [key, value] : scratch["mocks"].items()) {
            if (!mentionsIdentifier(used, key)) continue;
            if (!log.doc.contains("mocks") || !log.doc["mocks"].is_object()) log.set("/mocks", Json::object());
            if (!log.doc["mocks"].contains(key)) log.add("/mocks/" + escapePointer(key), value);
        }
    if (pattern.start) {
        if (!log.doc.contains("nav") || !log.doc["nav"].is_object()) log.set("/nav", Json::object());
        const std::string was = doc.contains("nav") && doc["nav"].is_object() ? doc["nav"].value("start", std::string()) : "";
        log.set("/nav/start", id);
        return {"Added " + withArticle(pattern.label) + " screen: the app now starts there" + (was.empty() ? "" : " and goes on to " + screenTitle(doc, "/screens/" + escapePointer(was))), ""};
    }
    std::string via = linkScreen(log, id, pattern.label, pattern.icon, pattern.text, pattern.fromSettings);
    if (via.empty()) return cannot("find a place to link a new " + lowerAscii(pattern.label) + " screen from");
    return {"Added " + withArticle(pattern.label) + " screen, opened from " + via, ""};
}

//-----------------------------------------------------------------------------
// [SECTION] Add a field
//-----------------------------------------------------------------------------

// A control the drafter can add: the request words for it and the widget it becomes.
struct FieldKind {
    std::set<std::string> words;
    std::string widget;
};

const std::vector<FieldKind>& fieldKinds() {
    static const std::vector<FieldKind> kinds = {
        {{"switch", "toggle"}, "switch"}, {{"checkbox", "tickbox"}, "checkbox"}, {{"textarea"}, "textarea"}, {{"slider"}, "slider"},
        {{"date"}, "date"}, {{"stepper", "counter"}, "stepper"}, {{"field", "input", "textbox", "box", "entry"}, "input"},
        {{"dropdown", "select", "picker"}, "select"}};
    return kinds;
}

// The input kind its label suggests ("Phone" -> phone).
std::string inputKindFor(const std::string& label) {
    std::set<std::string> w = wordStems(label);
    if (w.count("phone") || w.count("mobile") || w.count("telephone")) return "phone";
    if (w.count("email") || w.count("mail")) return "email";
    if (w.count("password") || w.count("pin")) return "password";
    const std::string kind = draft::fieldKindFor(label, "");
    if (w.count("age") || kind == "number" || kind == "money" || kind == "rating") return "number";
    return "text";
}

// Where a new control goes: after the last control of the same widget on the target (else the last input), in the
// same container; else before the target's first top-level button; else at its end. Returns the array pointer and index.
bool insertionPoint(const Json& doc, const std::string& target, const std::string& widget, std::string* array, size_t* index, std::string* anchorBind) {
    std::string sameAnchor, inputAnchor;
    std::string sameBind, inputBind;
    forEachNode(doc, [&](const NodeSite& site) {
        if (site.pointer.rfind(target + "/", 0) != 0 || !at(doc, parentPointer(site.pointer)).is_array() || insideRepeat(doc, site.pointer)) return true;
        const WidgetDef* def = WidgetCatalog::get().find(site.type);
        if (!def || !def->input) return true;
        std::string bind = site.node->contains("bind") && (*site.node)["bind"].is_string() ? (*site.node)["bind"].get<std::string>() : "";
        if (site.type == widget) sameAnchor = site.pointer, sameBind = bind;
        if (site.type != "chips" && site.type != "segmented") inputAnchor = site.pointer, inputBind = bind;
        return true;
    });
    std::string anchor = sameAnchor.empty() ? inputAnchor : sameAnchor;
    if (!anchor.empty()) {
        *array = parentPointer(anchor);
        *index = std::stoul(lastToken(anchor)) + 1;
        *anchorBind = sameAnchor.empty() ? inputBind : sameBind;
        return true;
    }
    std::string children;
    if (target.rfind("/screens/", 0) == 0 && std::count(target.begin(), target.end(), '/') == 2) children = target + "/body";
    else {
        NodeSite site;
        forEachNode(doc, [&](const NodeSite& s) {
            if (s.pointer != target) return true;
            site = s;
            return false;
        });
        if (site.childrenKey.empty()) return false;
        children = target + "/" + escapePointer(site.childrenKey);
    }
    if (!has(doc, children) || !at(doc, children).is_array()) return false;
    const Json& list = at(doc, children);
    size_t i = 0;
    while (i < list.size() && !(list[i].is_object() && list[i].contains("button"))) ++i;
    *array = children;
    *index = i;
    return true;
}

// A field for every row of `list` where no form creates them: the rows get believable values, shown where one row is
// (else in the list's rows).
Outcome addRowValue(EditLog& log, const AppList& list, const std::string& label, const std::string& kind) {
    const int filled = fillRowsWith(log, list.source, draft::camelKey(label), label);
    if (std::string shown = showOnDetail(log, list.source, draft::camelKey(label), label, kind); !shown.empty())
        return {"Gave each of the " + std::to_string(filled) + " " + lowerAscii(list.source) + " " + withArticle(lowerAscii(label)) + " and added " + shown, ""};
    return showField(log, list, label);
}

Outcome addField(EditLog& log, const Request& r, const RequestScope& scope, int verb, int kindAt, const FieldKind& kind) {
    const Json doc = log.doc;
    // "add a dark mode switch to settings", "add a switch for dark mode on the settings screen"
    int to = r.findLast({"to", "on", "in", "into", "under"});
    if (to < kindAt) to = -1;
    std::vector<std::string> labelWords = r.slice(verb + 1, kindAt);
    int forAt = r.find({"for", "called", "named", "labelled", "labeled"}, kindAt + 1);
    if (labelWords.empty() || std::all_of(labelWords.begin(), labelWords.end(), isFiller))
        if (forAt > kindAt) labelWords = r.slice(forAt + 1, to > forAt ? to : static_cast<int>(r.words.size()));
    // "a dropdown for priority with Low, Medium and High": what it offers is no part of its name.
    if (auto offers = std::find_if(labelWords.begin(), labelWords.end(), [](const std::string& w) { return w == "with" || w == "of" || w == "offering" || w == "listing"; });
        offers != labelWords.begin())
        labelWords.erase(offers, labelWords.end());
    std::string label = r.quotes.empty() ? labelFromWords(labelWords) : r.quotes.front();
    if (label.empty()) return cannot("add a " + kind.widget + " without knowing what it is for (say e.g. \"add a dark mode switch to settings\")");
    // The values it lists make it a choice, after the control word so that the label and the request's opening are not among them.
    const size_t kindText = lowerAscii(r.text).find(r.words[kindAt]);
    std::vector<std::string> choices = kindText == std::string::npos ? std::vector<std::string>() : listedChoices(r.text.substr(kindText + r.words[kindAt].size()));
    // A field's label can ask for a better widget: "a due date field" is a date, "a notes field" a text area, "a time
    // picker" a choice of times of day.
    std::set<std::string> labelStems = wordStems(label);
    if (choices.empty() && draft::fieldKindFor(label, "") == "time") choices = draft::timeChoices();
    if (kind.widget == "select" && choices.empty()) return cannot("invent the choices of a dropdown");
    std::string widget = choices.empty() ? kind.widget : "select";
    if (widget == "input" && labelStems.count("date")) widget = "date";
    if (widget == "input" && (labelStems.count("note") || labelStems.count("comment") || labelStems.count("description") || labelStems.count("bio"))) widget = "textarea";

    // Target: a container the words name ("the profile card"), else a screen, else the selected node's screen.
    std::vector<std::string> where = to >= 0 ? r.slice(to + 1, static_cast<int>(r.words.size())) : std::vector<std::string>();
    std::string target;
    // "a notes field to each habit": the rows gain it, through the form that creates one when there is one.
    const std::vector<AppList> lists = appLists(doc);
    const AppList* rows = namesEveryRow(r, to, lists) ? pickList(lists, where, scope) : nullptr;
    if (rows) rows = everyRowOf(lists, rows), target = createScreenOf(doc, rows->source);
    if (rows && target.empty()) return addRowValue(log, *rows, label, draft::fieldKindFor(label, widget));
    bool namesContainer = std::any_of(where.begin(), where.end(), [](const std::string& w) {
        for (auto& t : typesNamed(w))
            if (const WidgetDef* def = WidgetCatalog::get().find(t); def && def->container) return true;
        return false;
    });
    if (namesContainer) {
        auto found = findNodes(doc, where, scope, [](const NodeSite& s) { return !s.childrenKey.empty(); });
        if (!found.empty()) target = found.front().site.pointer;
    }
    if (target.empty() && !where.empty()) {
        std::string screen = findScreen(doc, where);
        if (screen.empty()) return notFound("'" + joinWords(where) + "'");
        target = "/screens/" + escapePointer(screen);
    }
    if (target.empty() && !scope.owner.empty() && scope.owner.rfind("/screens/", 0) == 0) target = scope.owner;
    if (target.empty()) return cannot("tell where the " + lowerAscii(label) + " " + widget + " goes (say e.g. \"... to settings\")");
    // A control with that label already on the target is not added twice.
    bool twin = false;
    forEachNode(doc, [&](const NodeSite& s) {
        const WidgetDef* def = WidgetCatalog::get().find(s.type);
        auto shown = s.node->find(s.typeKey);
        if (s.pointer.rfind(target + "/", 0) == 0 && def && def->input && shown != s.node->end() && shown->is_string() &&
            lowerAscii(literalText(shown->get<std::string>())) == lowerAscii(label))
            twin = true;
        return !twin;
    });
    if (twin) return {"", "The offline drafter did not add a second '" + label + "' control: " + screenTitle(doc, ownerOf(target)) + " already has one" + std::string(kNeedsLlm), true};

    std::string array, anchorBind;
    size_t index = 0;
    if (!insertionPoint(doc, target, widget, &array, &index, &anchorBind)) return cannot("add a control inside " + target);

    // The new state value sits beside the neighbour's ("prefs.push" -> "prefs.darkMode"), else at the top of state.
    Json initial = widget == "switch" || widget == "checkbox" ? Json(false) : widget == "slider" ? Json(50) : widget == "stepper" ? Json(1) : Json("");
    std::string inputKind = widget == "input" ? inputKindFor(label) : "";
    if (inputKind == "number") initial = 0;
    if (!choices.empty()) initial = choices.front();
    if (widget == "date") initial = metaText(doc, "now").substr(0, 10);
    std::string member = camelKey(label), bind, statePath;
    size_t dot = anchorBind.rfind('.');
    if (dot != std::string::npos && anchorBind.find("${") == std::string::npos && doc.contains("state") && doc["state"].is_object()) {
        std::string prefix = anchorBind.substr(0, dot), prefixPointer = "/state";
        for (size_t from = 0, next; from <= prefix.size(); from = next + 1) {
            next = prefix.find('.', from);
            if (next == std::string::npos) next = prefix.size();
            prefixPointer += "/" + escapePointer(prefix.substr(from, next - from));
        }
        if (has(doc, prefixPointer) && at(doc, prefixPointer).is_object()) {
            std::set<std::string> members;
            for (auto& [k, v] : at(doc, prefixPointer).items()) members.insert(k);
            member = uniqueName(member, members);
            bind = prefix + "." + member;
            statePath = prefixPointer + "/" + escapePointer(member);
        }
    }
    if (bind.empty()) {
        if (!doc.contains("state") || !doc["state"].is_object()) log.add("/state", Json::object());
        member = uniqueName(member, keysOf(log.doc, "state"));
        bind = member;
        statePath = "/state/" + escapePointer(member);
    }
    log.add(statePath, initial);

    Json node = Json{{widget, label}, {"id", uniqueName(camelKey(label), idSet(doc))}};
    if (!inputKind.empty() && inputKind != "text") node["kind"] = inputKind;
    if (widget == "slider") node["min"] = 0, node["max"] = 100;
    if (!choices.empty()) node["options"] = choices;
    node["bind"] = bind;
    log.add(array + "/" + std::to_string(index), node);

    // A form that saves its draft object ({"push": "habits", "value": {"name": "${habitDraft.name}"}}) saves the new field too.
    std::string prefix = bind.find('.') == std::string::npos ? "" : bind.substr(0, bind.rfind('.'));
    const Json screen = at(log.doc, ownerOf(array));   // a copy: the log changes its document while this walks
    std::string savedInto;
    if (!prefix.empty())
        forEachObject(screen, ownerOf(array), [&](const Json& o, const std::string& pointer) {
            if (!o.contains("push") || !o.contains("value") || !o["value"].is_object() || o["value"].contains(member)) return;
            bool fromDraft = std::any_of(o["value"].begin(), o["value"].end(), [&](const Json& v) { return v.is_string() && v.get<std::string>().rfind("${" + prefix + ".", 0) == 0; });
            if (!fromDraft) return;
            log.add(pointer + "/value/" + escapePointer(member), "${" + bind + "}");
            if (o["push"].is_string()) savedInto = o["push"].get<std::string>();
        });
    // The rows already saved get the field too, with believable values, so lists and details can show it.
    if (!savedInto.empty() && choices.empty()) fillRowsWith(log, savedInto, member, label);
    if (!savedInto.empty() && !choices.empty() && has(log.doc, "/state/" + escapePointer(savedInto)) && at(log.doc, "/state/" + escapePointer(savedInto)).is_array()) {
        const std::string rowsAt = "/state/" + escapePointer(savedInto);
        const size_t n = at(log.doc, rowsAt).size();
        for (size_t i = 0; i < n; ++i)
            if (at(log.doc, rowsAt + "/" + std::to_string(i)).is_object()) log.set(rowsAt + "/" + std::to_string(i) + "/" + escapePointer(member), choices[i % choices.size()]);
    }
    const std::string shown = rows && savedInto == rows->source ? showOnDetail(log, rows->source, member, label, draft::fieldKindFor(label, widget)) : "";
    // The theme's mode is fixed by the spec (theme.mode), so a dark mode switch can only keep the choice in state.
    std::string note = labelStems.count("dark") || labelStems.count("night") ? "; the theme does not follow state, so it keeps the choice for the prototype to show (the presenter's theme toggle shows dark mode)" : "";
    return {"Added a " + lowerAscii(label) + " " + widget + " (bound to " + bind + ")" + (rows ? " to " + screenTitle(log.doc, ownerOf(array)) : "") +
                (shown.empty() ? "" : ", and " + shown) + note, ""};
}

//-----------------------------------------------------------------------------
// [SECTION] Rename
//-----------------------------------------------------------------------------

// Replaces whole-word, case-insensitive occurrences of `from` in the shown parts of `s` (never inside "${...}"),
// matching each occurrence's capitalization.
std::string renameWords(const std::string& s, const std::string& from, const std::string& to) {
    const std::string lowFrom = lowerAscii(from);
    std::string out;
    for (auto& piece : splitTemplate(s)) {
        if (piece.expression) { out += piece.text; continue; }
        const std::string low = lowerAscii(piece.text);
        size_t i = 0;
        while (i < piece.text.size()) {
            size_t hit = low.find(lowFrom, i);
            while (hit != std::string::npos && ((hit > 0 && isWordChar(low[hit - 1])) || (hit + lowFrom.size() < low.size() && isWordChar(low[hit + lowFrom.size()]))))
                hit = low.find(lowFrom, hit + 1);
            if (hit == std::string::npos) { out += piece.text.substr(i); break; }
            out += piece.text.substr(i, hit - i);
            std::string was = piece.text.substr(hit, lowFrom.size()), now = to;
            bool allUpper = was.size() > 1 && std::none_of(was.begin(), was.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
            if (allUpper) std::transform(now.begin(), now.end(), now.begin(), [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
            else if (std::isupper(static_cast<unsigned char>(was[0]))) now = capitalized(now);
            else if (!now.empty() && std::isupper(static_cast<unsigned char>(now[0])) && (now.size() == 1 || !std::isupper(static_cast<unsigned char>(now[1]))))
                now[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(now[0])));
            out += now;
            i = hit + lowFrom.size();
        }
    }
    return out;
}

// Whether `key` of the node holds text people see (a String prop of its widget, or its main prop).
bool isShownText(const NodeSite& site, const std::string& key) {
    const WidgetDef* def = WidgetCatalog::get().find(site.type);
    if (!def) return false;
    const PropDef* prop = def->prop(key == site.typeKey ? def->primary : key);
    return prop && prop->type == PropType::String;
}

// Renames every shown text, title, tab label, toast and the app's name that says `from` (whole words, either case);
// `withSingular`: a plural renames its singular too.
Outcome renameLabel(EditLog& log, std::string from, std::string to, bool withSingular = true) {
    from = safeText(from, 80);
    to = safeText(to, 80);
    if (from.empty() || to.empty()) return cannot("tell what to rename into what (say e.g. \"rename 'Habits' to 'Routines'\")");
    const Json doc = log.doc;
    // Plural names rename their singular too ("Habits" -> "Routines" also makes "New habit" "New routine").
    std::vector<std::pair<std::string, std::string>> pairs = {{from, to}};
    std::string oneFrom = singularOf(lowerAscii(from)), oneTo = singularOf(lowerAscii(to));
    if (withSingular && oneFrom != lowerAscii(from) && oneTo != lowerAscii(to)) pairs.push_back({oneFrom, to.substr(0, oneTo.size())});
    auto renamed = [&](const std::string& s) {
        std::string out = s;
        for (auto& [a, b] : pairs) out = renameWords(out, a, b);
        return out;
    };
    std::set<std::string> done;
    auto change = [&](const std::string& pointer, const Json& value) {
        if (!value.is_string() || done.count(pointer)) return;
        std::string now = renamed(value.get<std::string>());
        if (now == value.get<std::string>()) return;
        done.insert(pointer);
        log.replace(pointer, now);
    };
    forEachNode(doc, [&](const NodeSite& site) {
        for (auto& [k, v] : site.node->items())
            if (isShownText(site, k)) change(site.pointer + "/" + escapePointer(k), v);
        return true;
    });
    for (const char* section : {"screens", "overlays"}) {
        if (!doc.contains(section) || !doc[section].is_object()) continue;
        for (auto& [id, s] : doc[section].items())
            if (s.is_object() && s.contains("title")) change("/" + std::string(section) + "/" + escapePointer(id) + "/title", s["title"]);
    }
    if (doc.contains("nav") && doc["nav"].is_object() && doc["nav"].contains("items") && doc["nav"]["items"].is_array())
        for (size_t i = 0; i < doc["nav"]["items"].size(); ++i)
            if (doc["nav"]["items"][i].is_object() && doc["nav"]["items"][i].contains("label"))
                change("/nav/items/" + std::to_string(i) + "/label", doc["nav"]["items"][i]["label"]);
    for (const char* section : {"screens", "overlays", "actions"})
        if (doc.contains(section))
            forEachObject(doc[section], "/" + std::string(section), [&](const Json& o, const std::string& pointer) {
                if (o.contains("toast")) change(pointer + "/toast", o["toast"]);
            });
    if (doc.contains("meta") && doc["meta"].is_object() && doc["meta"].contains("name")) change("/meta/name", doc["meta"]["name"]);
    if (done.empty()) return {"", "Nothing in this app says '" + from + "', so the offline drafter has nothing to rename" + std::string(kNeedsLlm)};
    return {"Renamed '" + from + "' to '" + to + "' in " + std::to_string(done.size()) + (done.size() == 1 ? " place" : " places"), ""};
}

Outcome renameText(EditLog& log, const Request& r) {
    std::string from, to;
    if (r.quotes.size() >= 2) from = r.quotes[0], to = r.quotes[1];
    else {
        // rename [the] FROM [tab|screen|button|label|title] to TO
        std::string low = lowerAscii(r.text);
        size_t verb = low.find("rename ");
        size_t mid = low.rfind(" to ");
        if (verb == std::string::npos || mid == std::string::npos || mid < verb + 7) return cannot("tell what to rename into what (say e.g. \"rename 'Habits' to 'Routines'\")");
        from = r.text.substr(verb + 7, mid - verb - 7);
        to = r.text.substr(mid + 4);
        // "to Recordings everywhere", "to Crew across the app": where to rename is no part of the name.
        for (const char* where : {" everywhere", " throughout the app", " throughout", " across the app", " in the whole app", " in the app", " on every screen"}) {
            const std::string lowTo = lowerAscii(to);
            const size_t at = lowTo.rfind(where);
            if (at != std::string::npos && at > 0 && lowTo.find_first_not_of(" .!", at + std::strlen(where)) == std::string::npos) to = to.substr(0, at);
        }
        for (std::string* s : {&from, &to}) {
            while (!s->empty() && std::string(" .!'\"").find(s->back()) != std::string::npos) s->pop_back();
            while (!s->empty() && std::string(" '\"").find(s->front()) != std::string::npos) s->erase(0, 1);
        }
        if (lowerAscii(from).rfind("the ", 0) == 0) from = from.substr(4);
        for (const char* suffix : {" tab", " screen", " button", " label", " title", " page"}) {
            std::string lowFrom = lowerAscii(from);
            if (lowFrom.size() > std::strlen(suffix) && lowFrom.compare(lowFrom.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
                from = from.substr(0, from.size() - std::strlen(suffix));
        }
    }
    return renameLabel(log, from, to);
}

// The app's name as the request gives it: "change the app name to Streaky", "rename the app Streaky", "call the app
// 'Streaky'", "the app should be called Streaky"; "" when the request is not about the app's name.
std::string newAppName(const Request& r) {
    const int app = r.find({"app", "application"});
    if (app < 0 || !r.hasAny({"name", "rename", "call", "called", "title", "retitle"})) return "";
    if (r.quotes.size() == 1) return r.quotes[0];
    const std::string low = lowerAscii(r.text);
    size_t at = std::string::npos, best = std::string::npos;
    for (const char* lead : {" to ", " called ", " named ", " app ", " application ", " as "})
        if ((at = low.rfind(lead)) != std::string::npos && at + std::strlen(lead) < low.size() && (best == std::string::npos || at + std::strlen(lead) > best))
            best = at + std::strlen(lead);
    if (best == std::string::npos) return "";
    std::string name = r.text.substr(best);
    while (!name.empty() && std::string(" .!'\"").find(name.back()) != std::string::npos) name.pop_back();
    while (!name.empty() && std::string(" '\"").find(name.front()) != std::string::npos) name.erase(0, 1);
    // "rename the app to something shorter" names no name: a name is one to three words, not "name".
    const std::vector<std::string> words = readRequest(name).words;
    static const std::set<std::string> vague = {"name", "something", "anything", "shorter", "longer", "better", "catchier", "different", "else", "more"};
    if (words.empty() || words.size() > 3 || std::any_of(words.begin(), words.end(), [](const std::string& w) { return vague.count(w) || isFiller(w); })) return "";
    return name;
}

Outcome renameApp(EditLog& log, const std::string& name) {
    const Json& doc = log.doc;
    const std::string now = metaText(doc, "name");
    if (now.empty()) {
        if (!doc.contains("meta") || !doc["meta"].is_object()) log.set("/meta", Json::object());
        log.set("/meta/name", safeText(name, 40));
        return {"Named the app '" + safeText(name, 40) + "'", ""};
    }
    return renameLabel(log, now, name, false);
}

//-----------------------------------------------------------------------------
// [SECTION] Recolor
//-----------------------------------------------------------------------------

struct NamedColor {
    const char* name;
    const char* hex;
    const char* tone;   // the theme tone closest to it
};

const std::vector<NamedColor>& namedColors() {
    static const std::vector<NamedColor> colors = {
        {"red", "#DC2626", "danger"}, {"rose", "#E11D48", "danger"}, {"crimson", "#B91C1C", "danger"}, {"orange", "#EA580C", "warning"},
        {"amber", "#D97706", "warning"}, {"yellow", "#CA8A04", "warning"}, {"gold", "#B45309", "warning"}, {"green", "#16A34A", "success"},
        {"emerald", "#059669", "success"}, {"lime", "#65A30D", "success"}, {"teal", "#0D9488", "info"}, {"cyan", "#0891B2", "info"},
        {"blue", "#2563EB", "info"}, {"navy", "#1E3A8A", "info"}, {"indigo", "#4F46E5", "brand"}, {"purple", "#9333EA", "brand"},
        {"violet", "#7C3AED", "brand"}, {"pink", "#DB2777", "danger"}, {"magenta", "#C026D3", "brand"}, {"brown", "#92400E", "warning"},
        {"gray", "#4B5563", "muted"}, {"grey", "#4B5563", "muted"}, {"black", "#111827", "muted"}};
    return colors;
}

// "#e11d48" or "#E1D" in the request, as "#RRGGBB".
std::string hexIn(const Request& r) {
    for (auto& w : r.words) {
        if (w.size() != 4 && w.size() != 7) continue;
        if (w[0] != '#' || w.find_first_not_of("0123456789abcdef", 1) != std::string::npos) continue;
        std::string hex = w.size() == 7 ? w.substr(1) : std::string{w[1], w[1], w[2], w[2], w[3], w[3]};
        std::transform(hex.begin(), hex.end(), hex.begin(), [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
        return "#" + hex;
    }
    return "";
}

Outcome recolor(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    std::string hex = hexIn(r);
    const NamedColor* named = nullptr;
    for (auto& c : namedColors())
        if (r.has(c.name)) named = &c;
    if (hex.empty() && named) hex = named->hex;
    std::vector<std::string> target;
    static const std::set<std::string> verbs = {"make", "use", "change", "set", "paint", "color", "colour", "colored", "coloured", "turn", "as", "instead",
                                                "brand", "theme", "accent", "primary", "main", "everything", "ui", "scheme", "tint", "hue"};
    for (auto& w : r.words) {
        bool isColor = std::any_of(namedColors().begin(), namedColors().end(), [&](const NamedColor& c) { return w == c.name; }) || w[0] == '#';
        if (!isColor && !verbs.count(w) && !isFiller(w)) target.push_back(w);
    }
    if (target.empty() && (scope.pointer.empty() || r.hasAny({"brand", "theme", "accent", "app"}))) {
        if (!doc.contains("theme") || !doc["theme"].is_object()) log.set("/theme", Json::object());
        log.set("/theme/brand", hex);
        return {"Changed the brand color to " + hex, ""};
    }
    NodeSite site;
    if (target.empty()) {
        forEachNode(doc, [&](const NodeSite& s) {
            if (s.pointer != scope.pointer) return true;
            site = s;
            return false;
        });
    } else {
        auto found = findNodes(doc, target, scope);
        if (found.empty()) return notFound("'" + joinWords(target) + "'");
        site = found.front().site;
    }
    if (!site.node) return notFound("the selected widget");
    const WidgetDef* def = WidgetCatalog::get().find(site.type);
    if (!def) return cannot("color a " + site.type);
    const std::string what = describe(site);
    for (const char* key : {"tone", "color", "bg"}) {
        const PropDef* prop = def->prop(key);
        if (!prop) continue;
        if (prop->type == PropType::Color) {
            log.set(site.pointer + "/" + key, hex);
            return {"Made " + what + " " + (named ? named->name : hex), ""};
        }
        if (prop->type == PropType::Enum && named && std::find(prop->options.begin(), prop->options.end(), named->tone) != prop->options.end()) {
            log.set(site.pointer + "/" + key, named->tone);
            return {"Made " + what + " " + named->name + " (tone " + named->tone + ")", ""};
        }
    }
    // Buttons take a variant, not a color: red is the danger variant.
    if (const PropDef* variant = def->prop("variant"); variant && named && std::string(named->tone) == "danger" &&
                                                      std::find(variant->options.begin(), variant->options.end(), "danger") != variant->options.end()) {
        log.set(site.pointer + "/variant", "danger");
        return {"Made " + what + " red (the danger variant)", ""};
    }
    return cannot("color " + what + " " + (named ? named->name : hex) + " (it takes no color of its own)");
}

//-----------------------------------------------------------------------------
// [SECTION] Remove
//-----------------------------------------------------------------------------

// Whether a node still does something when clicked (or does not need to).
bool stillWorks(const Json& node) {
    NodeSite site;
    Json doc = Json{{"screens", Json{{"x", Json{{"body", Json::array({node})}}}}}};
    forEachNode(doc, [&](const NodeSite& s) { site = s; return false; });
    const WidgetDef* def = WidgetCatalog::get().find(site.type);
    if (!def || !def->interactive) return true;
    for (const char* k : {"press", "go", "on", "bind", "change", "submit", "select"})
        if (node.contains(k)) return true;
    return false;
}

// Removes one reference to screen `id` (a nav item, a "go", a navigate/open step); false when none is left.
bool dropOneReference(EditLog& log, const std::string& id) {
    const Json doc = log.doc;
    if (const int item = navItemOf(doc, id); item >= 0) {
        log.remove("/nav/items/" + std::to_string(item));
        return true;
    }
    std::string hit, kind;
    for (const char* section : {"screens", "overlays", "actions", "components"}) {
        if (!doc.contains(section) || !hit.empty()) continue;
        forEachObject(doc[section], "/" + std::string(section), [&](const Json& o, const std::string& pointer) {
            if (!hit.empty()) return;
            if (o.contains("go") && o["go"] == id) hit = pointer, kind = "go";
            for (const char* k : {"navigate", "open"})
                if (o.contains(k) && o[k] == id) hit = pointer, kind = "step";
        });
    }
    if (hit.empty()) return false;
    const std::string parent = parentPointer(hit);
    const Json& holder = at(doc, parent);
    if (kind == "go") {
        const Json& node = at(doc, hit);
        NodeSite site;
        forEachNode(doc, [&](const NodeSite& s) { if (s.pointer != hit) return true; site = s; return false; });
        bool keepNode = !site.childrenKey.empty() || site.type == "empty" || !holder.is_array();
        if (keepNode) {
            log.remove(hit + "/go");
            if (node.contains("action") && (site.type == "section" || site.type == "empty")) log.remove(hit + "/action");
        } else log.remove(hit);
        return true;
    }
    // A navigate/open step: drop it from its list, or drop the event it was the whole of; a control left doing nothing goes too.
    if (holder.is_array() && holder.size() > 1) { log.remove(hit); return true; }
    std::string eventPointer = holder.is_array() ? parent : hit;
    std::string nodePointer = parentPointer(eventPointer);
    if (lastToken(nodePointer) == "on") nodePointer = parentPointer(nodePointer);
    log.remove(eventPointer);
    if (has(log.doc, nodePointer) && at(log.doc, nodePointer).is_object() && !stillWorks(at(log.doc, nodePointer)) && at(log.doc, parentPointer(nodePointer)).is_array())
        log.remove(nodePointer);
    return true;
}

Outcome removeScreen(EditLog& log, const std::string& id) {
    const Json doc = log.doc;
    if (doc["screens"].size() <= 1) return cannot("remove the only screen of the app");
    std::string title = doc["screens"][id].is_object() && doc["screens"][id].contains("title") && doc["screens"][id]["title"].is_string()
                            ? literalText(doc["screens"][id]["title"].get<std::string>()) : id;
    log.remove("/screens/" + escapePointer(id));
    for (int guard = 0; guard < 500 && dropOneReference(log, id); ++guard) {}
    if (log.doc.contains("nav") && log.doc["nav"].is_object() && log.doc["nav"].value("start", std::string()) == id) {
        const Json& nav = log.doc["nav"];
        std::string start = nav.contains("items") && nav["items"].is_array() && !nav["items"].empty()
                                ? (nav["items"][0].is_string() ? nav["items"][0].get<std::string>() : nav["items"][0].value("screen", std::string()))
                                : log.doc["screens"].begin().key();
        log.replace("/nav/start", start);
    }
    return {"Removed the " + title + " screen and the ways to it", ""};
}

// "remove/delete/drop X" takes a widget or a whole screen out; "hide X" keeps the widget, invisible ("visible": false).
// "hide the streak counts" on a row reading "${streak} day streak · ${h.goal}": when the words name only parts of a
// node's secondary line (subtitle, trailing text, badge, caption), those parts go and the node stays. Returns what
// was taken out ("" = the words name more of the node than that).
std::string trimSecondaryLine(EditLog& log, const NodeSite& site, const std::vector<std::string>& phrase) {
    std::set<std::string> content;
    for (auto& w : phrase)
        if (!isFiller(w) && !isScreenWord(w) && typesNamed(w).empty()) content.insert(singularOf(w));
    const Json& node = *site.node;
    std::set<std::string> main;
    for (const std::string& key : {site.typeKey, std::string("title"), std::string("label"), std::string("id")})
        if (auto it = node.find(key); it != node.end() && it->is_string())
            for (auto& stem : wordStems(literalText(it->get<std::string>()))) main.insert(stem);
    if (content.empty() || std::any_of(content.begin(), content.end(), [&](const std::string& w) { return main.count(w) > 0; })) return "";
    static const std::string dot = " \xC2\xB7 ";
    for (const char* key : {"subtitle", "trailing", "badge", "caption"}) {
        auto it = node.find(key);
        if (it == node.end() || !it->is_string()) continue;
        const std::string line = it->get<std::string>();
        std::string kept, dropped;
        for (size_t from = 0; from <= line.size();) {
            size_t end = line.find(dot, from);
            const std::string part = line.substr(from, end == std::string::npos ? std::string::npos : end - from);
            const std::set<std::string> said = wordStems(literalText(part));
            const bool named = std::any_of(content.begin(), content.end(), [&](const std::string& w) { return said.count(w) > 0; });
            std::string& into = named ? dropped : kept;
            into += (into.empty() ? "" : dot) + part;
            if (end == std::string::npos) break;
            from = end + dot.size();
        }
        if (dropped.empty()) continue;
        if (kept.empty()) log.remove(site.pointer + "/" + key);
        else log.replace(site.pointer + "/" + key, kept);
        return "'" + safeText(literalText(dropped), 80) + "' from the " + std::string(key) + " of " + describe(site);
    }
    return "";
}

Outcome removeTarget(EditLog& log, const Request& r, const RequestScope& scope, int verb) {
    const Json doc = log.doc;
    const bool hide = r.words[verb] == "hide";
    auto takeOut = [&](const std::string& pointer, const std::string& what) -> Outcome {
        if (hide) {
            log.set(pointer + "/visible", false);
            return {"Hid " + what, ""};
        }
        log.remove(pointer);
        return {"Removed " + what, ""};
    };
    std::vector<std::string> phrase = r.slice(verb + 1, static_cast<int>(r.words.size()));
    if (std::all_of(phrase.begin(), phrase.end(), isFiller)) {
        if (scope.pointer.empty() || ownerOf(scope.pointer) == scope.pointer) return cannot(std::string("tell what to ") + (hide ? "hide" : "remove"));
        return takeOut(scope.pointer, "the selected widget");
    }
    // Widget words ("the search bar", "the first button") name a widget; otherwise a label or id, else a screen by name.
    bool screenWords = std::any_of(phrase.begin(), phrase.end(), isScreenWord);
    bool widgetWords = !screenWords && std::any_of(phrase.begin(), phrase.end(), [](const std::string& w) { return !typesNamed(w).empty(); });
    std::vector<Candidate> nodes = screenWords ? std::vector<Candidate>() : findNodes(doc, phrase, scope);
    if (!nodes.empty() && !widgetWords)
        if (const std::string part = trimSecondaryLine(log, nodes.front().site, phrase); !part.empty()) return {(hide ? "Hid " : "Removed ") + part, ""};
    if (!nodes.empty() && (widgetWords || nodes.front().score >= 3)) return takeOut(nodes.front().site.pointer, describe(nodes.front().site));
    std::string screen = widgetWords ? "" : findScreen(doc, phrase);
    if (!screen.empty() && hide) return cannot("hide a screen (say \"remove the " + screenTitle(doc, "/screens/" + escapePointer(screen)) + " tab\" to take it out)");
    if (!screen.empty()) return removeScreen(log, screen);
    return notFound("'" + joinWords(phrase) + "'");
}

//-----------------------------------------------------------------------------
// [SECTION] Reorder
//-----------------------------------------------------------------------------

// The node to move for a match: a lone child (a chart alone in its card) moves with its container.
std::string movable(const Json& doc, const NodeSite& site) {
    std::string p = site.pointer;
    while (true) {
        std::string array = parentPointer(p), container = parentPointer(array);
        if (!has(doc, array) || !at(doc, array).is_array() || at(doc, array).size() != 1 || container.empty()) return p;
        if (ownerOf(container) == container || !at(doc, container).is_object() || !at(doc, parentPointer(container)).is_array()) return p;
        p = container;
    }
}

// Where `pointer` is after the element at `removed` left its array (a later sibling, or anything inside one, shifts down).
std::string afterRemoval(const std::string& pointer, const std::string& removed) {
    std::string array = parentPointer(removed);
    if (pointer.rfind(array + "/", 0) != 0) return pointer;
    size_t end = pointer.find('/', array.size() + 1);
    std::string token = pointer.substr(array.size() + 1, end == std::string::npos ? std::string::npos : end - array.size() - 1);
    if (token.empty() || token.find_first_not_of("0123456789") != std::string::npos) return pointer;
    size_t i = std::stoul(token), gone = std::stoul(lastToken(removed));
    if (i <= gone) return pointer;
    return array + "/" + std::to_string(i - 1) + (end == std::string::npos ? "" : pointer.substr(end));
}

Outcome reorderNav(EditLog& log, const std::vector<std::string>& a, const std::vector<std::string>& b, const std::string& place) {
    const Json doc = log.doc;
    if (!doc.contains("nav") || !doc["nav"].is_object() || !doc["nav"].contains("items") || !doc["nav"]["items"].is_array())
        return cannot("reorder the tabs of an app that lists no nav items");
    const Json& items = doc["nav"]["items"];
    auto itemOf = [&](const std::string& screen) { return navItemOf(doc, screen); };
    auto indexOf = [&](const std::vector<std::string>& words) { return itemOf(findScreen(doc, words, [&](const std::string& id) { return itemOf(id) >= 0; })); };
    int from = indexOf(a);
    if (from < 0) return notFound("a tab for '" + joinWords(a) + "'");
    int to = place == "first" ? 0 : place == "last" ? static_cast<int>(items.size()) - 1 : indexOf(b);
    if (to < 0) return notFound("a tab for '" + joinWords(b) + "'");
    if (place == "after" && to < from) ++to;
    if (place == "before" && to > from) --to;
    std::string label = items[from].is_object() ? items[from].value("label", items[from].value("screen", std::string())) : items[from].get<std::string>();
    if (to == from) return {"The " + label + " tab is already there", ""};
    log.move("/nav/items/" + std::to_string(from), "/nav/items/" + std::to_string(to));
    return {"Moved the " + label + " tab " + (place == "first" || place == "last" ? place : place + " " + joinWords(b)), ""};
}

// "swap the home and hearings tabs", "switch the order of Calendar and Settings": two nav items trade places.
Outcome swapTabs(EditLog& log, const Request& r) {
    const Json doc = log.doc;
    const int verb = r.find({"swap", "switch", "exchange", "flip"}), join = r.find({"and", "with"}, verb + 1);
    if (verb < 0 || join < 0 || !doc.contains("nav") || !doc["nav"].is_object() || !doc["nav"].contains("items") || !doc["nav"]["items"].is_array())
        return cannot("tell which two tabs trade places (say e.g. \"swap the Home and Settings tabs\")");
    auto indexOf = [&](const std::vector<std::string>& words) {
        return navItemOf(doc, findScreen(doc, words, [&](const std::string& id) { return navItemOf(doc, id) >= 0; }));
    };
    const int first = r.find({"of"}, verb + 1) > verb && r.find({"of"}, verb + 1) < join ? r.find({"of"}, verb + 1) + 1 : verb + 1;
    const int a = indexOf(r.slice(first, join)), b = indexOf(r.slice(join + 1, static_cast<int>(r.words.size())));
    if (a < 0 || b < 0 || a == b) return notFound("two tabs named '" + joinWords(r.slice(first, join)) + "' and '" + joinWords(r.slice(join + 1, static_cast<int>(r.words.size()))) + "'");
    const int lo = std::min(a, b), hi = std::max(a, b);
    log.move("/nav/items/" + std::to_string(hi), "/nav/items/" + std::to_string(lo));
    log.move("/nav/items/" + std::to_string(lo + 1), "/nav/items/" + std::to_string(hi));
    auto label = [&](int i) { const Json& it = doc["nav"]["items"][static_cast<size_t>(i)]; return it.is_object() ? it.value("label", it.value("screen", std::string())) : it.get<std::string>(); };
    return {"Swapped the " + label(lo) + " and " + label(hi) + " tabs", ""};
}

// "add a logout button": a sign-out button at the end of the screen named, else of settings, profile or the start
// screen; it says so and goes to the sign-in screen when the app has one.
Outcome addSignOut(EditLog& log, const Request& r) {
    const Json doc = log.doc;
    bool twin = false;
    forEachNode(doc, [&](const NodeSite& s) {
        const auto shown = s.node->find(s.typeKey);
        const std::set<std::string> said = wordStems((shown != s.node->end() && shown->is_string() ? literalText(shown->get<std::string>()) : "") + " " + s.node->value("id", std::string()));
        twin = (s.type == "button" || s.type == "item" || s.type == "link") && (said.count("logout") || ((said.count("sign") || said.count("log")) && said.count("out")));
        return !twin;
    });
    if (twin) return {"", "The app already has a way to sign out" + std::string(kNeedsLlm), true};
    const int to = r.findLast({"to", "on", "in"});
    std::string screen = to >= 0 ? findScreen(doc, r.slice(to + 1, static_cast<int>(r.words.size()))) : "";
    // "... to the settings screen" of an app without one: that screen, which has a way to sign out.
    if (screen.empty() && to >= 0)
        for (int i = to + 1; i < static_cast<int>(r.words.size()); ++i)
            for (auto& pattern : screenPatterns())
                if (pattern.words.count(singularOf(r.words[i])) && std::string(pattern.id) == "settings") return addScreen(log, pattern);
    for (const char* usual : {"settings", "profile", "account"})
        if (screen.empty() && doc["screens"].contains(usual)) screen = usual;
    if (screen.empty() && doc.contains("nav") && doc["nav"].is_object()) screen = doc["nav"].value("start", std::string());
    const std::string owner = "/screens/" + escapePointer(screen);
    if (screen.empty() || !has(doc, owner + "/body") || !at(doc, owner + "/body").is_array()) return notFound("a screen for the sign-out button");
    Json press = Json::array({Json{{"toast", "Signed out"}}});
    if (doc["screens"].contains("login")) press.push_back(Json{{"navigate", "login"}});
    log.add(owner + "/body/-", Json{{"button", "Sign out"}, {"id", uniqueName("signOut", idSet(doc))}, {"variant", "ghost"}, {"icon", "sign-out"}, {"w", "fill"}, {"press", press}});
    return {"Added a Sign out button at the end of " + screenTitle(doc, owner), ""};
}

Outcome reorderOnScreen(EditLog& log, const Request& r, const RequestScope& scope, int verb);

// Makes the node at `pointer` and the text inside it bold (text style "strong"); false when none has that style.
bool embolden(EditLog& log, const std::string& pointer) {
    std::vector<std::string> texts;
    forEachNode(log.doc, [&](const NodeSite& s) {
        const WidgetDef* def = WidgetCatalog::get().find(s.type);
        const PropDef* style = def ? def->prop("style") : nullptr;
        if ((s.pointer == pointer || s.pointer.rfind(pointer + "/", 0) == 0) && style &&
            std::find(style->options.begin(), style->options.end(), "strong") != style->options.end())
            texts.push_back(s.pointer);
        return true;
    });
    for (auto& t : texts) log.set(t + "/style", "strong");
    return !texts.empty();
}

// A value the named screen does not show, asked to go first ("put the total at the top"): each row of the screen's
// list gets a believable one and it is shown first, in bold when asked. Nothing when the screen shows it already, or
// the value is no number or amount (moving a thing that is not there is not found, as before).
Outcome showMissingFirst(EditLog& log, const Request& r, const RequestScope& scope, int verb, bool bold) {
    int placeAt = r.find({"top", "first"}, verb + 1);
    if (scope.owner.empty() || placeAt < 0) return {};
    while (placeAt > verb + 1 && (r.words[placeAt - 1] == "the" || r.words[placeAt - 1] == "at" || r.words[placeAt - 1] == "to")) --placeAt;
    const std::vector<std::string> named = r.slice(verb + 1, placeAt);
    const std::string label = labelFromWords(named);
    const std::string kind = draft::fieldKindFor(label, "");
    auto onScreen = [&](const NodeSite& s) { return s.owner == scope.owner; };
    if (label.empty() || (kind != "money" && kind != "number") || !findNodes(log.doc, named, scope, onScreen).empty()) return {};
    // The rows of the screen's list, one at a time: the screen whose body repeats over one of them ("the quote").
    const std::vector<AppList> lists = appLists(log.doc);
    auto shownList = std::find_if(lists.begin(), lists.end(), [&](const AppList& l) { return l.owner == scope.owner; });
    if (shownList == lists.end()) return {};
    std::string detail, alias;
    for (auto& [id, screen] : log.doc["screens"].items()) {
        const Json* body = screen.is_object() && screen.contains("body") ? &screen["body"] : nullptr;
        if (!body || !body->is_object() || !body->contains("col") || !(*body)["col"].is_array() || !body->contains("repeat")) continue;
        const Json& repeat = (*body)["repeat"];
        if (repeat.is_object() && repeat.value("in", std::string()).find("filter(" + shownList->source + ",") != std::string::npos)
            detail = "/screens/" + escapePointer(id) + "/body", alias = repeat.value("as", std::string("x"));
    }
    const std::string detailOwner = ownerOf(detail);
    if (detail.empty() || !findNodes(log.doc, named, scope, [&](const NodeSite& s) { return s.owner == detailOwner; }).empty()) return {};
    const std::string key = draft::camelKey(label);
    const int filled = fillRowsWith(log, shownList->source, key, label);
    const std::string shown = label + ": " + draft::shownValue({key, label, kind, {}}, alias);
    log.add(detail + "/col/0", Json{{"text", shown}, {"style", bold ? "strong" : "h2"}});
    const std::string noun = draft::singularOf(lowerAscii(shownList->source));
    return {"Added a " + label + " to each of the " + lowerAscii(shownList->source) + (filled ? " (the " + std::to_string(filled) + " rows have one)" : "") +
                ", shown at the top of each " + noun + (bold ? " in bold" : ""), ""};
}

// "On the catering quote, put the total at the top in bold instead of burying it at the bottom": the words before
// the verb name the screen, "instead of ..." says what is wrong now (not where to go), "in bold" is a look to add.
Outcome reorder(EditLog& log, const Request& typed, const RequestScope& typedScope, int verb) {
    Request r = typed;
    if (int instead = r.find({"instead", "rather"}, verb + 1); instead > verb) r.words.resize(static_cast<size_t>(instead));
    const bool bold = r.has("bold");
    if (bold) {
        int at = r.find({"bold"});
        int from = at > 0 && (r.words[at - 1] == "in" || r.words[at - 1] == "and") ? at - 1 : at;
        r.words.erase(r.words.begin() + from, r.words.begin() + at + 1);
    }
    RequestScope scope = typedScope;
    if (int in = r.find({"on", "in"}); in >= 0 && in < verb && scope.owner.empty()) {
        std::string screen = findScreen(log.doc, r.slice(in + 1, verb));
        if (!screen.empty()) scope.owner = "/screens/" + escapePointer(screen);
    }
    if (Outcome added = showMissingFirst(log, r, scope, verb, bold); !added.summary.empty()) return added;
    const size_t editsBefore = log.edits.size();
    Outcome moved = reorderOnScreen(log, r, scope, verb);
    if (!bold || !moved.unsupported.empty() || log.edits.size() == editsBefore) return moved;
    std::string pointer = log.edits.back().value("path", std::string());
    if (!embolden(log, pointer)) return {moved.summary + " (it has no bold style of its own)", ""};
    return {moved.summary + ", in bold", ""};
}

Outcome reorderOnScreen(EditLog& log, const Request& r, const RequestScope& scope, int verb) {
    const Json doc = log.doc;
    int placeAt = r.find({"above", "before", "below", "after", "under", "beneath", "over", "first", "last", "top", "bottom"}, verb + 1);
    if (placeAt < 0) return cannot("tell where to move it (say e.g. \"move the chart above the list\" or \"put profile first in the tabs\")");
    std::string word = r.words[placeAt];
    std::string place = word == "above" || word == "before" || word == "over" ? "before" : word == "first" || word == "top" ? "first"
                      : word == "last" || word == "bottom" ? "last" : "after";
    int inAt = r.find({"in", "on"}, placeAt + 1);
    std::vector<std::string> a = r.slice(verb + 1, placeAt);
    std::vector<std::string> b = place == "first" || place == "last" ? std::vector<std::string>() : r.slice(placeAt + 1, inAt > placeAt ? inAt : static_cast<int>(r.words.size()));
    std::vector<std::string> context = inAt > placeAt ? r.slice(inAt + 1, static_cast<int>(r.words.size())) : std::vector<std::string>();
    // "in the tabs", "the profile tab first": the navigation; "on the home screen" names where the nodes are.
    static const std::set<std::string> navWords = {"tab", "tabs", "menu", "sidebar", "nav", "navigation", "bar"};
    const bool navContext = std::any_of(context.begin(), context.end(), [](const std::string& w) { return navWords.count(w) > 0; });
    bool nav = navContext || std::any_of(a.begin(), a.end(), isScreenWord) || std::any_of(b.begin(), b.end(), isScreenWord);
    if (nav) return reorderNav(log, a, b, place);
    RequestScope within = scope;
    if (!context.empty() && within.owner.empty())
        if (const std::string screen = findScreen(doc, context); !screen.empty()) within.owner = "/screens/" + escapePointer(screen);

    std::vector<Candidate> as = findNodes(doc, a, within);
    if (as.empty()) return notFound("'" + joinWords(a) + "'");
    // "the stats": several of a kind side by side move together, in their container.
    const bool plural = std::any_of(a.begin(), a.end(), [](const std::string& w) { return !isFiller(w) && singularOf(w) != w; });
    for (auto& ca : as) {
        std::string from = movable(doc, ca.site);
        bool together = false;
        if (plural && at(doc, parentPointer(from)).is_array() && at(doc, parentPointer(from)).size() > 1) {
            const Json& kin = at(doc, parentPointer(from));
            const std::string container = parentPointer(parentPointer(from));
            const bool alike = std::all_of(kin.begin(), kin.end(), [&](const Json& n) { return n.is_object() && n.contains(ca.site.type); });
            together = alike && ownerOf(container) != container && at(doc, parentPointer(container)).is_array();
            if (together) from = container;
        }
        std::string array = parentPointer(from);
        if (!at(doc, array).is_array()) continue;
        std::string to;
        if (place == "first" || place == "last") to = array + "/" + (place == "first" ? std::string("0") : std::to_string(at(doc, array).size() - 1));
        else {
            auto bs = findNodes(doc, b, within, [&](const NodeSite& s) { return s.owner == ca.site.owner && s.pointer.rfind(from, 0) != 0 && from.rfind(s.pointer + "/", 0) != 0; });
            if (bs.empty()) continue;
            std::string target = movable(doc, bs.front().site);
            if (!at(doc, parentPointer(target)).is_array()) continue;
            std::string shifted = afterRemoval(target, from);
            size_t index = std::stoul(lastToken(shifted)) + (place == "after" ? 1 : 0);
            to = parentPointer(shifted) + "/" + std::to_string(index);
        }
        std::vector<std::string> named = a;
        while (!named.empty() && isFiller(named.front())) named.erase(named.begin());
        std::string what = together ? "the " + joinWords(named) : describe(ca.site);
        std::string where = place == "first" || place == "last" ? "to the " + std::string(place == "first" ? "top" : "bottom") : std::string(place == "before" ? "above " : "below ") + joinWords(b);
        if (to == from) return {capitalized(what) + " is already " + where, ""};
        log.move(from, to);
        return {"Moved " + what + " " + where, ""};
    }
    return notFound("'" + joinWords(b) + "' on the same screen as '" + joinWords(a) + "'");
}

//-----------------------------------------------------------------------------
// [SECTION] Resize
//-----------------------------------------------------------------------------

// Text styles from small to large ("strong" reads as body).
const std::vector<std::string>& styleScale() {
    static const std::vector<std::string> scale = {"small", "caption", "body", "h3", "h2", "h1", "display"};
    return scale;
}

// The default height a widget's doc names ("Height: `h` (default 180)", "(`h`, default 240)"), or 0.
int defaultHeight(const WidgetDef& def) {
    size_t h = def.doc.find("`h`");
    size_t value = h == std::string::npos ? std::string::npos : def.doc.find("default ", h);
    return value == std::string::npos ? 0 : std::atoi(def.doc.c_str() + value + 8);
}

// Steps one node's size props up or down; `pad` also for containers (only the target). Returns how many props changed.
int resizeNode(EditLog& log, const NodeSite& site, bool bigger, bool withPad) {
    const WidgetDef* def = WidgetCatalog::get().find(site.type);
    if (!def) return 0;
    const Json node = at(log.doc, site.pointer);
    int changed = 0;
    const double factor = bigger ? 1.5 : 1 / 1.5;
    if (const PropDef* size = def->prop("size")) {
        if (size->type == PropType::Enum && !size->options.empty()) {
            std::string now = node.contains("size") && node["size"].is_string() ? node["size"].get<std::string>() : size->def.is_string() ? size->def.get<std::string>() : size->options[size->options.size() / 2];
            auto it = std::find(size->options.begin(), size->options.end(), now);
            long i = it == size->options.end() ? static_cast<long>(size->options.size() / 2) : it - size->options.begin();
            long next = std::clamp(i + (bigger ? 1 : -1), 0L, static_cast<long>(size->options.size()) - 1);
            if (next != i) log.set(site.pointer + "/size", size->options[next]), ++changed;
        } else if (size->type == PropType::Number) {
            double now = node.contains("size") && node["size"].is_number() ? node["size"].get<double>() : size->def.is_number() ? size->def.get<double>() : 24;
            log.set(site.pointer + "/size", static_cast<int>(std::lround(now * factor)));
            ++changed;
        }
    }
    if (const PropDef* style = def->prop("style"); style && style->type == PropType::Enum) {
        std::string now = node.contains("style") && node["style"].is_string() ? node["style"].get<std::string>() : "body";
        auto& scale = styleScale();
        auto it = std::find(scale.begin(), scale.end(), now == "strong" ? "body" : now);
        if (it != scale.end()) {
            long i = it - scale.begin(), next = std::clamp(i + (bigger ? 1 : -1), 0L, static_cast<long>(scale.size()) - 1);
            if (next != i && std::find(style->options.begin(), style->options.end(), scale[next]) != style->options.end())
                log.set(site.pointer + "/style", scale[next]), ++changed;
        }
    }
    if (def->prop("level")) {
        int now = node.contains("level") && node["level"].is_number() ? node["level"].get<int>() : 2;
        int next = std::clamp(now + (bigger ? -1 : 1), 1, 3);
        if (next != now) log.set(site.pointer + "/level", next), ++changed;
    }
    if (int h = defaultHeight(*def); h > 0 || (node.contains("h") && node["h"].is_number())) {
        double now = node.contains("h") && node["h"].is_number() ? node["h"].get<double>() : h;
        log.set(site.pointer + "/h", static_cast<int>(std::lround(now * factor)));
        ++changed;
    }
    if (withPad && def->prop("pad")) {
        int now = node.contains("pad") && node["pad"].is_number() ? node["pad"].get<int>() : 16;
        int next = std::max(0, now + (bigger ? 8 : -8));
        if (next != now) log.set(site.pointer + "/pad", next), ++changed;
    }
    return changed;
}

Outcome resize(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    const bool bigger = !r.hasAny({"smaller", "tiny", "shrink", "less", "compact", "narrower", "shorter", "reduce"});
    static const std::set<std::string> verbs = {"make", "bigger", "larger", "smaller", "huge", "tiny", "enlarge", "shrink", "grow", "more", "less",
                                                "prominent", "compact", "taller", "shorter", "wider", "narrower", "increase", "reduce", "size", "big", "large", "small"};
    std::vector<std::string> phrase;
    for (auto& w : r.words)
        if (!verbs.count(w)) phrase.push_back(w);
    NodeSite site;
    bool any = std::any_of(phrase.begin(), phrase.end(), [](const std::string& w) { return !isFiller(w); });
    if (any) {
        // A match that has something to resize beats one that has not.
        auto found = findNodes(doc, phrase, scope);
        for (auto& c : found) {
            EditLog trial{doc};
            int changed = resizeNode(trial, c.site, bigger, true);
            forEachNode(doc, [&](const NodeSite& inner) {
                if (inner.pointer.rfind(c.site.pointer + "/", 0) == 0) changed += resizeNode(trial, inner, bigger, false);
                return true;
            });
            if (changed > 0) { site = c.site; break; }
        }
        if (!site.node && !found.empty()) return cannot("make " + describe(found.front().site) + (bigger ? " bigger" : " smaller") + " (it has no size of its own)");
        if (!site.node) return notFound("'" + joinWords(phrase) + "'");
    } else {
        forEachNode(doc, [&](const NodeSite& s) { if (s.pointer != scope.pointer) return true; site = s; return false; });
        if (!site.node) return cannot("tell what to make " + std::string(bigger ? "bigger" : "smaller"));
    }
    const std::string what = describe(site);
    int changed = resizeNode(log, site, bigger, true);
    forEachNode(doc, [&](const NodeSite& inner) {
        if (inner.pointer.rfind(site.pointer + "/", 0) == 0) changed += resizeNode(log, inner, bigger, false);
        return true;
    });
    if (changed == 0) return cannot("make " + what + (bigger ? " bigger" : " smaller") + " (it has no size of its own)");
    return {"Made " + what + (bigger ? " bigger" : " smaller"), ""};
}

//-----------------------------------------------------------------------------
// [SECTION] Dispatch
//-----------------------------------------------------------------------------

// The request without "please", "can you" and a final period, for "cannot ..." messages.
std::string requestPhrase(const Request& r) {
    std::string s = lowerAscii(r.text);
    for (const char* lead : {"please ", "can you ", "could you ", "i want ", "i'd like ", "let's ", "lets "})
        if (s.rfind(lead, 0) == 0) s = s.substr(std::strlen(lead));
    while (!s.empty() && std::string(".!? ").find(s.back()) != std::string::npos) s.pop_back();
    if (s.empty()) return "do an empty request";
    // "cannot the checkout is three steps ...": a request that is no command is quoted.
    const std::string first = s.substr(0, s.find(' '));
    static const std::set<std::string> commands = {"add", "make", "let", "show", "put", "move", "change", "use", "give", "set", "turn", "hide", "remove"};
    return commands.count(first) || draft::knownVerb(first) ? s : "do \"" + s + "\"";
}

Outcome dispatch(EditLog& log, const Request& r, const RequestScope& scope) {
    if (const std::string name = newAppName(r); !name.empty()) return renameApp(log, name);
    if (r.hasAny({"rename", "relabel"}) || (r.hasAny({"change", "call"}) && r.quotes.size() >= 2)) return renameText(log, r);
    if (asksChartSpan(r)) return changeChartSpan(log, r, scope);
    if (asksGroupChart(r)) return addGroupChart(log, r, scope);
    if (asksApproval(r)) return addApprovalButtons(log, r, scope);
    if (r.hasAny({"split", "separate"}) && r.has("into")) return splitField(log, r, scope);
    if (r.hasAny({"make", "mark"}) && r.hasAny({"optional", "required", "mandatory"})) return setFieldRequired(log, r, scope);
    if (r.hasAny({"step", "page"}) && (r.hasAny({"after", "once", "before"}) || (r.has("step") && r.hasAny({"asking", "ask", "collecting", "capturing"}))) &&
        r.hasAny({"add", "insert"}))
        return addFlowStep(log, r);
    if (r.hasAny({"export", "download"}) && r.hasAny({"add", "put", "give", "button", "let", "allow", "able", "way", "can"})) return addExportButton(log, r);
    if (r.hasAny({"logout", "signout"}) || (r.hasAny({"log", "sign"}) && r.has("out"))) return addSignOut(log, r);
    if (r.hasAny({"swap", "exchange"}) || (r.hasAny({"switch", "flip"}) && r.has("order"))) return swapTabs(log, r);
    if (asksFeedbackAfter(r)) return addFeedbackAfter(log, r);
    if (asksEmptyState(r)) return addEmptyState(log, r, scope);
    if (asksCardLayout(r)) return showAsCards(log, r, scope);
    if (markedScreenAt(r) >= 0) return addMarkedScreen(log, r, scope);
    if (r.hasAny({"confirm", "confirmation", "confirming"}) || (r.hasAny({"ask", "sure"}) && r.hasAny({"before", "deleting", "removing"})))
        return confirmBeforeRemoving(log, r, scope);
    if (bulkWordAt(r) >= 0 && !r.hasAny({"filter", "sort", "search", "chart", "badge", "confirm", "confirmation"})) return addBulkAction(log, r, scope);
    if (asksEdit(r)) return addEditForm(log, r, scope);
    if (asksRowButton(r, log.doc)) return addRowButton(log, r, scope);
    if (asksDiscussion(r, log.doc)) return addDiscussion(log, r, scope);
    if (rowVerbAt(r, log.doc) >= 0) return addRowVerbButton(log, r, scope);
    // "make the delete button red": after an article the word names a control, it does not ask for a removal.
    int removeAt = r.find({"remove", "delete", "hide", "drop"});
    while (removeAt > 0 && (r.words[removeAt - 1] == "the" || r.words[removeAt - 1] == "a" || r.words[removeAt - 1] == "each")) removeAt = r.find({"remove", "delete", "hide", "drop"}, removeAt + 1);
    int addAt = r.find({"add", "insert", "include", "create", "let", "show", "allow", "give"});
    if (removeAt >= 0 && (addAt < 0 || removeAt < addAt)) return removeTarget(log, r, scope, removeAt);
    if (asksCountBadge(r)) return addCountBadge(log, r);
    if (asksCountStat(r)) return addCountStat(log, r);
    // "a Role field - Sorting, Packing or Driving": a capitalised word in the middle of the request is a value.
    const auto valueWord = [&](const std::string& w) {
        const std::string written = std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])))) + w.substr(1);
        for (size_t at = r.text.find(written); at != std::string::npos; at = r.text.find(written, at + 1))
            if (at > 0 && r.text.find_last_not_of(' ', at - 1) != std::string::npos && std::string(".!?").find(r.text[r.text.find_last_not_of(' ', at - 1)]) == std::string::npos)
                return true;
        return false;
    };
    if (r.hasAny({"sort", "sorting", "sortable"}) && !(r.has("sorting") && valueWord("sorting"))) return addListSort(log, r, scope);
    if (r.hasAny({"filter", "filters", "filtering", "filterable"})) return addListFilter(log, r, scope);
    if (r.hasAny({"search", "searchable"})) return addListSearch(log, r, scope);
    const bool showInList = r.find({"show", "display"}) == 0 && r.hasAny({"list", "table", "rows", "row"}) && r.hasAny({"in", "on"});
    if (((r.hasAny({"column", "columns"}) && r.find({"add", "insert", "include", "give"}) >= 0) || showInList) && !r.hasAny({"badge", "count", "number"}))
        return addListColumn(log, r, scope);
    // "add a dark mode switch" is a control; "switch to dark mode" is the look.
    const bool namesControl = r.find({"add", "insert", "include", "create", "get"}) >= 0 && std::any_of(r.words.begin(), r.words.end(), [](const std::string& w) {
        return std::any_of(fieldKinds().begin(), fieldKinds().end(), [&](const FieldKind& k) { return k.words.count(w) > 0; });
    });
    if (Json look = themeChangeIn(r); !look.empty() && !namesControl) return restyleTheme(log, look);
    int verb = r.find({"add", "insert", "include", "create", "get"});
    // "add a screen showing today's hearings": a screen of some rows of a list.
    if (int screenAt = verb >= 0 ? r.find({"screen", "page", "tab", "view"}, verb + 1) : -1;
        screenAt > 0 && r.find({"showing", "listing", "of", "for", "with"}, screenAt + 1) == screenAt + 1 && !r.hasAny({"switch", "toggle", "field", "button"})) {
        const Outcome listed = addListScreen(log, r, scope, screenAt + 1);
        if (listed.unsupported.empty()) return listed;
    }
    if (verb >= 0) {
        // The last control word before "to/on/in" names the control ("a due date field": a field labelled "Due date").
        int end = r.find({"to", "on", "in", "into", "under"}, verb + 1);
        const FieldKind* kind = nullptr;
        int kindAt = -1;
        for (int i = verb + 1; i < (end < 0 ? static_cast<int>(r.words.size()) : end); ++i)
            for (auto& k : fieldKinds())
                if (k.words.count(r.words[i])) kind = &k, kindAt = i;
        if (kind) return addField(log, r, scope, verb, kindAt, *kind);
        // "add a category to each habit", "add due dates to tasks": a value every row gets (an input on the form).
        if (end > verb + 1 && end - verb <= 4 && namesEveryRow(r, end, appLists(log.doc)))
            return addField(log, r, scope, verb, end, *std::find_if(fieldKinds().begin(), fieldKinds().end(), [](const FieldKind& k) { return k.widget == "input"; }));
        for (int i = verb + 1; i < static_cast<int>(r.words.size()); ++i)
            for (auto& pattern : screenPatterns())
                if (pattern.words.count(singularOf(r.words[i]))) return addScreen(log, pattern);
        return cannot(requestPhrase(r));
    }
    if (int verbAt = r.find({"move", "put", "place", "reorder"}); verbAt >= 0) return reorder(log, r, scope, verbAt);
    if (r.hasAny({"bigger", "larger", "smaller", "huge", "tiny", "enlarge", "shrink", "taller", "shorter", "prominent"})) return resize(log, r, scope);
    bool color = !hexIn(r).empty() || std::any_of(namedColors().begin(), namedColors().end(), [&](const NamedColor& c) { return r.has(c.name); });
    if (color) return recolor(log, r, scope);
    return cannot(requestPhrase(r));
}

//-----------------------------------------------------------------------------
// [SECTION] Compound requests
//-----------------------------------------------------------------------------

// Words that start a request of their own after "and", "," or "then".
bool startsRequest(const std::string& w) {
    static const std::set<std::string> starts = {"add", "make", "rename", "remove", "delete", "move", "put", "change", "show", "let", "sort", "filter",
                                                 "use", "hide", "switch", "turn", "call", "include", "insert", "create", "give", "a", "an", "also", "set"};
    return starts.count(w) > 0;
}

// The text with quoted labels blanked (so "and" or "," inside a label never splits a request), same length.
std::string maskQuotes(const std::string& text) {
    std::string out = lowerAscii(text);
    char open = 0;
    for (size_t i = 0; i < out.size(); ++i) {
        char c = out[i];
        bool edgeBefore = i == 0 || !isWordChar(out[i - 1]);
        if (!open && (c == '"' || (c == '\'' && edgeBefore))) open = c;
        else if (open && c == open) open = 0;
        else if (open) out[i] = 'x';
    }
    return out;
}

// The first word of `text` (lower case).
std::string firstWord(const std::string& text) {
    size_t start = text.find_first_not_of(" ,");
    if (start == std::string::npos) return "";
    size_t end = start;
    while (end < text.size() && (isWordChar(text[end]) || text[end] == '-')) ++end;
    return lowerAscii(text.substr(start, end - start));
}

// Where the part puts things: " to the habits list", or "".
std::string targetOf(const std::string& part) {
    std::string low = " " + lowerAscii(part) + " ";
    size_t best = std::string::npos;
    for (const char* w : {" to ", " on ", " in ", " into "}) {
        size_t at = low.rfind(w);
        if (at != std::string::npos && (best == std::string::npos || at > best)) best = at;
    }
    return best == std::string::npos ? "" : low.substr(best, low.size() - best - 1);
}

// A compound request as the requests it joins: "add a settings screen with a dark mode switch" -> "add a settings
// screen", "add a dark mode switch to the settings screen"; "add a search bar and a sort control to the habits list"
// -> "add a search bar to the habits list", "add a sort control to the habits list". Parts without a verb take the
// previous one's, parts that add without saying where take the place of the part that says it.
std::vector<std::string> requestParts(const std::string& typed) {
    const std::string masked = maskQuotes(typed);
    std::vector<std::pair<size_t, size_t>> cuts;   // [separator start, next part start)
    std::vector<bool> withCut;
    static const char* const separators[] = {", and then ", ", and ", " and then ", " and ", ", then ", " then ", "; ", ", ", " with "};
    for (size_t i = 0; i < masked.size(); ++i)
        for (const char* sep : separators) {
            size_t n = std::strlen(sep);
            if (masked.compare(i, n, sep) != 0) continue;
            bool with = std::string(sep) == " with ";
            if (with) {
                // "with" joins only after a screen: "a settings screen with ...", "a profile page with ..."
                std::string before = masked.substr(0, i);
                std::string last = before.substr(before.find_last_of(' ') == std::string::npos ? 0 : before.find_last_of(' ') + 1);
                static const std::set<std::string> screens = {"screen", "page", "tab", "view", "settings", "profile", "notifications", "reminders", "share"};
                if (!screens.count(last)) continue;
                // "a badge on the tab with how many sign-ups there are", "... with the number of X": what it shows.
                std::string next = masked.substr(i + n);
                for (const char* article : {"the ", "a ", "its "})
                    if (next.rfind(article, 0) == 0) next = next.substr(std::strlen(article));
                if (const std::string w = firstWord(next); w == "how" || w == "number" || w == "count" || w == "total") continue;
            } else if (!startsRequest(firstWord(masked.substr(i + n)))) continue;
            // "a step asking for a start date and a reminder time": what a step or field asks for is one list.
            else if (const std::string w = firstWord(masked.substr(i + n)); w == "a" || w == "an") {
                const std::string since = masked.substr(cuts.empty() ? 0 : cuts.back().second, i - (cuts.empty() ? 0 : cuts.back().second));
                if (since.find(" asking ") != std::string::npos || since.find(" collecting ") != std::string::npos || since.find(" capturing ") != std::string::npos) continue;
            }
            cuts.push_back({i, i + n});
            withCut.push_back(with);
            i += n - 1;
            break;
        }
    std::vector<std::string> parts;
    std::vector<bool> fromWith;
    size_t from = 0;
    for (size_t c = 0; c <= cuts.size(); ++c) {
        size_t to = c < cuts.size() ? cuts[c].first : typed.size();
        std::string part = typed.substr(from, to - from);
        if (part.find_first_not_of(" .,;") != std::string::npos) parts.push_back(part), fromWith.push_back(c > 0 && withCut[c - 1]);
        if (c < cuts.size()) from = cuts[c].second;
    }
    // A leading clause ("On the car listings, ...", "After they pick X, ...") says where or when; it stays with its request.
    static const std::set<std::string> leads = {"on", "in", "after", "before", "once", "when", "for", "within", "inside"};
    for (size_t i = 0; i + 1 < parts.size(); ++i)
        if (leads.count(firstWord(parts[i])) && parts[i].find(',') == std::string::npos) {
            parts[i] = typed.substr(typed.find(parts[i]));   // the clause scopes all that follows it
            parts.resize(i + 1);
            fromWith.resize(i + 1);
        }
    if (parts.size() < 2) return {typed};
    // Verbs and places carry over.
    std::string verb = firstWord(parts[0]), screenPhrase;
    for (size_t i = 0; i < parts.size(); ++i) {
        std::string w = firstWord(parts[i]);
        if (w == "also") parts[i] = parts[i].substr(parts[i].find("also") + 4), w = firstWord(parts[i]);
        if (fromWith[i] && i > 0 && screenPhrase.empty()) {
            std::string low = lowerAscii(parts[i - 1]);
            size_t article = low.find(" a "), an = low.find(" an ");
            size_t start = article != std::string::npos ? article + 3 : an != std::string::npos ? an + 4 : low.find(' ') + 1;
            screenPhrase = " to the " + parts[i - 1].substr(start);
        }
        // A part with no verb takes the one before it, when there is one ("The checkout is ... - make it" has none).
        if ((w == "a" || w == "an" || !startsRequest(w)) && startsRequest(verb) && verb != "a" && verb != "an") parts[i] = verb + " " + parts[i];
        else if (startsRequest(w)) verb = w;
        if (!screenPhrase.empty() && i > 0 && targetOf(parts[i]).empty()) parts[i] += screenPhrase;
    }
    for (size_t i = parts.size(); i-- > 1;)
        if (targetOf(parts[i - 1]).empty() && !targetOf(parts[i]).empty() && firstWord(parts[i - 1]) == firstWord(parts[i]) && firstWord(parts[i]) == "add")
            parts[i - 1] += targetOf(parts[i]);
    // "Add a Guest field to episodes, and a Format field with ...": the place named first is the next part's too.
    for (size_t i = 1; i < parts.size(); ++i)
        if (targetOf(parts[i]).empty() && !targetOf(parts[i - 1]).empty() && firstWord(parts[i - 1]) == firstWord(parts[i]) && firstWord(parts[i]) == "add")
            parts[i] += targetOf(parts[i - 1]);
    return parts;
}

// Runs each part of the request in turn on the same edits. A part that cannot be done leaves no edit and is named in
// the summary, so the rest still lands; when no part can be done, the request is declined with the first reason. A
// part the app already has ("a settings screen" when it has one) is skipped, unless nothing else is left to do.
Outcome applyRequest(EditLog& log, const std::string& typed, const RequestScope& scope) {
    std::vector<std::string> parts = requestParts(typed);
    std::string summary, kept, notDone;
    Outcome declined;
    bool changed = false;
    for (auto& part : parts) {
        const EditLog before = log;
        Outcome o = dispatch(log, readRequest(part), scope);
        if (!o.unsupported.empty() && o.alreadyThere && parts.size() > 1) {
            kept = o.unsupported;
            // "add a settings screen to the settings screen" (the place a compound part carried over) reads "settings screen".
            std::string what = part.substr(part.find(' ') + 1), place = targetOf(what);
            if (!place.empty() && what.size() > place.size()) what = what.substr(0, what.size() - place.size());
            for (const char* article : {"a ", "an ", "the "})
                if (what.rfind(article, 0) == 0) what = what.substr(std::strlen(article));
            summary += std::string(summary.empty() ? "" : "; ") + "Kept the app's own " + what;
            continue;
        }
        if (!o.unsupported.empty()) {
            log = before;
            notDone += (notDone.empty() ? "" : "; ") + ("\"" + safeText(part, 200) + "\" (" + o.unsupported + ")");
            if (parts.size() > 1) o.unsupported = "Of \"" + safeText(typed, 200) + "\", the part \"" + safeText(part, 200) + "\" could not be done: " + o.unsupported;
            if (declined.unsupported.empty()) declined = o;
            continue;
        }
        changed = true;
        summary += (summary.empty() ? "" : "; ") + o.summary;
    }
    if (!changed && !declined.unsupported.empty()) return declined;
    if (!changed && !kept.empty()) return {"", kept, true};
    return {summary + (notDone.empty() ? "" : ". Not done: " + notDone), ""};
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entry point
//-----------------------------------------------------------------------------

Json offlineRefinement(const Json& doc, const std::string& request, const std::string& scope) {
    const Request r = readRequest(request);
    try {
        if (!doc.is_object() || !doc.contains("screens") || !doc["screens"].is_object() || doc["screens"].empty())
            return Json{{"unsupported", "The offline drafter can only refine a spec with screens"}};
        EditLog log{doc};
        Outcome outcome = applyRequest(log, request, readScope(doc, scope));
        // What the app already does is an answer, not a refusal: the request holds, with nothing to change.
        if (!outcome.unsupported.empty() && outcome.alreadyThere) {
            std::string how = outcome.unsupported;
            if (const size_t llm = how.rfind(kNeedsLlm); llm != std::string::npos && llm + std::strlen(kNeedsLlm) == how.size()) how.erase(llm);
            return Json{{"already", how}};
        }
        if (!outcome.unsupported.empty()) return Json{{"unsupported", outcome.unsupported}};
        Json answer = Json{{"summary", outcome.summary}, {"edits", log.edits}};
        // The answer goes through the same path as a model's, and must leave a spec with no errors.
        Json result;
        std::string mode, error;
        if (!applyRefinementAnswer(doc, answer, &result, &mode, &error))
            return Json{{"unsupported", "The offline drafter could not " + requestPhrase(r) + " cleanly (" + error + ")" + kNeedsLlm}};
        LoadResult load = SpecLoader::loadJson(result);
        for (auto& d : load.diagnostics)
            if (d.level == Diagnostic::Level::Error)
                return Json{{"unsupported", "The offline drafter could not " + requestPhrase(r) + " cleanly (" + d.pointer + ": " + d.message + ")" + kNeedsLlm}};
        return answer;
    } catch (const std::exception& e) {
        return Json{{"unsupported", "The offline drafter could not " + requestPhrase(r) + " (" + std::string(e.what()) + ")" + kNeedsLlm}};
    }
}

} // namespace pt
