// Promptotype — the offline refiner's "confirm before deleting": a destructive control opens a dialog instead.
//
// A destructive control is one whose press removes rows from a state array of objects ({"remove": "habits", ...},
// {"remove": "cart", "at": "${index}"}); the request's words pick it by that array and the control's own words. Its
// actions move into the dialog's confirm button, reading the row through the dialog's params (the row, its index and
// the screen's params are passed when it opens); cancel only closes.

#include "generator/offline/refine_lists.h"
#include "generator/offline/draft_patterns.h"
#include "runtime/spec/catalog.h"

namespace pt::refine {

using draft::camelKey;
using draft::capitalized;
using draft::singularOf;

namespace {

// Where a node keeps its press actions: "press" or "on/press" ("" when it has none).
std::string pressKey(const Json& node) {
    if (node.contains("press")) return "press";
    if (node.contains("on") && node["on"].is_object() && node["on"].contains("press")) return "on/press";
    return "";
}

// The state array of objects a remove step deletes rows from ("habits" for "habits.${index}" or "habits"), or "".
std::string rowsRemovedBy(const Json& doc, const Json& step) {
    if (!step.is_object() || !step.contains("remove") || !step["remove"].is_string() || !doc.contains("state")) return "";
    std::string path = step["remove"].get<std::string>();
    std::vector<std::string> parts;
    for (size_t from = 0, dot;; from = dot + 1) {
        dot = path.find('.', from);
        parts.push_back(path.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
        if (dot == std::string::npos) break;
    }
    const std::string& last = parts.back();
    if (parts.size() > 1 && (last.rfind("${", 0) == 0 || last.find_first_not_of("0123456789") == std::string::npos)) parts.pop_back();
    const Json* at = &doc["state"];
    for (auto& p : parts) {
        if (!at->is_object() || !at->contains(p)) return "";
        at = &(*at)[p];
    }
    return at->is_array() && !at->empty() && (*at)[0].is_object() ? parts.front() : "";
}

// Calls `visit` for every step of an action sequence, into if/then/else and call/then/catch.
void forEachStep(const Json& actions, const std::function<void(const Json&)>& visit) {
    if (actions.is_array()) {
        for (auto& a : actions) forEachStep(a, visit);
        return;
    }
    visit(actions);
    if (actions.is_object())
        for (const char* k : {"then", "else", "catch"})
            if (actions.contains(k)) forEachStep(actions[k], visit);
}

// A control that deletes rows: where it is, what it removes, and whether it already opens a dialog first (a sheet
// with a delete button in it is not a confirmation: the button inside is the destructive control).
struct Destructive {
    NodeSite site;
    std::string event;     // "press" or "on/press"
    std::string removes;   // state key of the rows
    std::string dialog;    // the dialog it already opens ("" = none)
};

std::vector<Destructive> destructiveControls(const Json& doc) {
    std::vector<Destructive> out;
    auto overlayRemoves = [&](const std::string& id) {
        std::string removes;
        if (doc.contains("overlays") && doc["overlays"].contains(id) && doc["overlays"][id].value("kind", std::string()) == "dialog")
            forEachObject(doc["overlays"][id], "", [&](const Json& o, const std::string&) { if (removes.empty()) removes = rowsRemovedBy(doc, o); });
        return removes;
    };
    forEachNode(doc, [&](const NodeSite& site) {
        std::string event = pressKey(*site.node);
        bool dialog = site.owner.rfind("/overlays/", 0) == 0 && at(doc, site.owner).value("kind", std::string()) == "dialog";
        if (site.owner.rfind("/components/", 0) == 0 || dialog || event.empty()) return true;
        Destructive d{site, event, "", ""};
        std::set<std::string> pushed;
        forEachStep(at(*site.node, "/" + event), [&](const Json& step) {
            if (step.is_object() && step.contains("push") && step["push"].is_string()) pushed.insert(step["push"].get<std::string>());
            if (d.removes.empty()) d.removes = rowsRemovedBy(doc, step);
            if (step.is_object() && step.contains("open") && step["open"].is_string() && d.dialog.empty()) {
                std::string removes = overlayRemoves(step["open"].get<std::string>());
                if (!removes.empty()) d.removes = removes, d.dialog = step["open"].get<std::string>();
            }
        });
        // Removing a row and pushing it back is an update ("Add to cart" replaces the cart line), not a deletion.
        if (!d.removes.empty() && (!pushed.count(d.removes) || !d.dialog.empty())) out.push_back(d);
        return true;
    });
    return out;
}

// The names the control's actions can read from where it is: the rows it is repeated for, their index, the screen's params.
std::vector<std::string> namesInScope(const Json& doc, const std::string& pointer) {
    std::vector<std::string> names = {"params"};   // first: the others are rewritten to "params.x"
    for (std::string p = pointer; p.size() > 1; p = parentPointer(p)) {
        const Json& j = at(doc, p);
        if (j.is_object() && j.contains("repeat") && j["repeat"].is_object()) names.push_back(j["repeat"].value("as", std::string("item")));
        if (ownerOf(p) == p) break;
    }
    if (names.size() > 1) names.push_back("index");
    return names;
}

// Rewrites every string of `actions` so `name` is read from the dialog's params; false when it cannot be done safely.
bool readFromParams(Json& actions, const std::string& name, bool* used) {
    if (actions.is_string()) {
        std::string now;
        if (!renameIdentifier(actions.get<std::string>(), name, "params." + name, &now)) return false;
        if (now != actions.get<std::string>()) *used = true, actions = now;
        return true;
    }
    if (actions.is_array() || actions.is_object())
        for (auto& v : actions)
            if (!readFromParams(v, name, used)) return false;
    return true;
}

// The words a control shows: its label, else its main prop (an icon button's main prop is its icon).
std::string labelOf(const NodeSite& site) {
    const Json& node = *site.node;
    return node.contains("label") && node["label"].is_string() ? node["label"].get<std::string>()
         : node.contains(site.typeKey) && node[site.typeKey].is_string() ? node[site.typeKey].get<std::string>() : "";
}

// What a control's label says: the label, and each quoted word of one that changes with the row
// ("${x.canceled ? 'Canceled' : 'Cancel'}" also says "Canceled" and "Cancel").
std::vector<std::string> labelWords(const std::string& label) {
    std::vector<std::string> said = {label};
    for (size_t open = label.find('\''); open != std::string::npos;) {
        const size_t close = label.find('\'', open + 1);
        if (close == std::string::npos) break;
        said.push_back(label.substr(open + 1, close - open - 1));
        open = label.find('\'', close + 1);
    }
    return said;
}

// Moves the control's actions into a new dialog that asks first: its confirm button (labelled `verb`) runs them, reading
// the row through the dialog's params, and closes the dialog before any navigation ("back" would otherwise close the
// dialog instead of leaving the screen); Cancel only closes. A `destructive` one warns it cannot be undone and confirms in
// red. `what` says in the summary what the confirm button does.
Outcome askFirst(EditLog& log, const NodeSite& site, const std::string& event, const std::string& verb, const std::string& thing,
                 bool destructive, const std::string& what) {
    const Json doc = log.doc;
    Json actions = at(*site.node, "/" + event);
    if (!actions.is_array()) actions = Json::array({actions});
    Json params = Json::object();
    for (auto& name : namesInScope(doc, site.pointer)) {
        bool used = false;
        if (!readFromParams(actions, name, &used)) return cannot("move the " + thing + "'s " + verb + " into a dialog (an expression in it rebinds '" + name + "')");
        if (used) params[name] = "${" + name + "}";
    }
    auto navigates = [](const Json& step) { return step == "back" || (step.is_object() && (step.contains("navigate") || step.contains("back"))); };
    auto firstNav = std::find_if(actions.begin(), actions.end(), navigates);
    actions.insert(firstNav, "close");
    std::set<std::string> taken = keysOf(doc, "screens");
    for (auto& k : keysOf(doc, "overlays")) taken.insert(k);
    const std::string id = uniqueName(camelKey("confirm " + verb + " " + thing), taken);
    std::set<std::string> ids = idSet(doc);
    ids.insert(id);
    const std::string cancelId = uniqueName(camelKey("keep " + thing), ids);
    ids.insert(cancelId);
    const std::string confirmId = uniqueName(camelKey(verb + " " + thing + " confirmed"), ids);
    const std::string warning = destructive ? "This can't be undone." : "Are you sure you want to " + verb + "?";
    Json dialog = Json{{"kind", "dialog"}, {"title", destructive ? capitalized(verb) + " this " + thing + "?" : capitalized(verb) + "?"},
                       {"body", Json::array({Json{{"text", warning}, {"muted", true}}})},
                       // "Cancel" closes, unless cancelling is what is asked about: then "Keep it" does.
                       {"actions", Json::array({Json{{"button", verb == "cancel" ? "Keep it" : "Cancel"}, {"id", cancelId}, {"variant", "ghost"}, {"press", "close"}},
                                                Json{{"button", capitalized(verb)}, {"id", confirmId}, {"variant", destructive ? "danger" : "primary"}, {"press", actions}}})}};
    if (!doc.contains("overlays") || !doc["overlays"].is_object()) log.set("/overlays", Json::object());
    log.add("/overlays/" + escapePointer(id), dialog);
    Json open = Json{{"open", id}};
    if (!params.empty()) open["params"] = params;
    log.replace(site.pointer + "/" + event, open);
    return {"The " + describe(site) + " now asks first: the '" + id + "' dialog's " + capitalized(verb) + " button " + what + ", " +
                (verb == "cancel" ? "Keep it" : "Cancel") + " closes it", ""};
}

// "ask for confirmation before signing out", "confirm before submitting": the verb after "before" as a stem ("sign",
// "submit"), or "" when the request names none or names a deletion (those are found by what they remove).
std::string confirmedVerb(const Request& r) {
    const int before = r.find({"before"});
    if (before < 0 || before + 1 >= static_cast<int>(r.words.size())) return "";
    const std::string w = verbStem(r.words[static_cast<size_t>(before) + 1]);
    static const std::set<std::string> removals = {"delet", "delete", "remov", "remove", "clear", "discard", "trash", "eras", "erase"};
    return removals.count(w) || isFiller(w) ? "" : w;
}

} // namespace

Outcome confirmBeforeRemoving(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    // A control the verb names that deletes nothing ("Sign out", "Submit order") asks first too.
    if (const std::string verb = confirmedVerb(r); !verb.empty()) {
        NodeSite named;
        std::string namedWords;          // what the control says ("Sign out", "Cancel")
        size_t closest = SIZE_MAX;       // the length of its first word
        forEachNode(doc, [&](const NodeSite& site) {
            const bool dialog = site.owner.rfind("/overlays/", 0) == 0 && at(doc, site.owner).value("kind", std::string()) == "dialog";
            const std::string event = pressKey(*site.node);
            if (dialog || site.owner.rfind("/components/", 0) == 0 || event.empty() || (at(*site.node, "/" + event).is_object() && at(*site.node, "/" + event).contains("open")))
                return true;
            // The word closest to the verb: "Cancel" before "Canceled".
            for (const std::string& words : labelWords(labelOf(site))) {
                const std::string first = lowerAscii(words.substr(0, words.find(' ')));
                if (first.rfind(verb, 0) == 0 && first.size() <= verb.size() + 2 && first.size() < closest)
                    named = site, namedWords = words, closest = first.size();
            }
            return named.node == nullptr;
        });
        if (named.node) return askFirst(log, named, pressKey(*named.node), lowerAscii(namedWords), "action", false, "goes ahead");
    }
    std::vector<Destructive> controls = destructiveControls(doc);
    if (controls.empty()) return notFound("a control that deletes something");
    static const std::set<std::string> feature = {"add", "confirmation", "confirm", "dialog", "before", "delete", "deleting", "remove", "removing",
                                                  "ask", "prompt", "popup", "modal", "sure", "when", "someone", "user", "check", "warning", "warn"};
    const Destructive* best = nullptr;
    int bestScore = 0;
    for (auto& c : controls) {
        std::set<std::string> rows = wordStems(c.removes);
        NodeWords words = wordsOf(c.site);
        int score = 0;
        for (auto& w : r.words) {
            if (isFiller(w) || feature.count(w)) continue;
            if (rows.count(singularOf(w))) score += 3;
            else if (words.id.count(singularOf(w)) || words.label.count(singularOf(w))) score += 1;
        }
        if (!scope.pointer.empty() && c.site.pointer.rfind(scope.pointer, 0) == 0) score += 3;
        if (score > 0 && (words.label.count("delete") || words.label.count("remove") || words.label.count("trash") || words.id.count("delete"))) score += 1;
        if (score > bestScore) best = &c, bestScore = score;
    }
    if (!best && controls.size() == 1) best = &controls.front();
    if (!best) return notFound("which deletion to confirm (say e.g. \"confirm before deleting a " + singularOf(lowerAscii(controls.front().removes)) + "\")");
    const std::string thing = singularOf(lowerAscii(best->removes));
    if (!best->dialog.empty())
        return {"", "Deleting " + withArticle(thing) + " already asks first (the '" + best->dialog + "' dialog)" + std::string(kNeedsLlm), true};

    // The control's words name the verb ("Remove"); an icon button's main prop is its icon, its words are its label.
    std::string verb = lowerAscii(labelOf(best->site).substr(0, labelOf(best->site).find(' ')));
    if (verb != "delete" && verb != "remove" && verb != "clear" && verb != "discard" && verb != "archive" && verb != "cancel") verb = "delete";
    return askFirst(log, best->site, best->event, verb, thing, true, "deletes the " + thing);
}

} // namespace pt::refine
