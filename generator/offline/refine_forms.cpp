// Promptotype — the offline refiner's requests on forms, flows and screen actions (see refine_forms.h).
//
// [SECTION] Inputs of the app
// [SECTION] Split a field
// [SECTION] Optional and required
// [SECTION] A new step in a flow
// [SECTION] Export button
// [SECTION] Feedback after an action

#include "generator/offline/refine_forms.h"
#include "generator/offline/draft_patterns.h"
#include "runtime/spec/catalog.h"
#include <algorithm>
#include <cstring>

namespace pt::refine {

using draft::camelKey;
using draft::capitalized;
using draft::safeText;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Inputs of the app
//-----------------------------------------------------------------------------

// Content words of a phrase, singular ("the Name field" -> name).
std::vector<std::string> contentWords(const std::vector<std::string>& words) {
    static const std::set<std::string> controlWords = stems({"field", "input", "box", "form", "optional", "required", "mandatory"});
    std::vector<std::string> out;
    for (auto& w : words)
        if (!isFiller(w) && !isScreenWord(w) && !controlWords.count(draft::singularOf(w))) out.push_back(draft::singularOf(w));
    return out;
}

// The screen named by the words before the verb ("In the sign-up form, split ..."), as a scope; else `scope`.
RequestScope leadScope(const Json& doc, const Request& r, int verb, const RequestScope& scope) {
    int in = r.find({"in", "on"});
    if (in < 0 || in >= verb) return scope;
    std::string screen = findScreen(doc, r.slice(in + 1, verb));
    return screen.empty() ? scope : RequestScope{"", "/screens/" + escapePointer(screen)};
}

// An input bound to state whose label has all the words; on the scope's screen first, then on a form that saves
// (its screen pushes rows). Null site when none.
NodeSite inputLabelled(const Json& doc, const std::vector<std::string>& words, const RequestScope& scope) {
    NodeSite best;
    int bestScore = 0;
    if (words.empty()) return best;
    forEachNode(doc, [&](const NodeSite& s) {
        const WidgetDef* def = WidgetCatalog::get().find(s.type);
        if (!def || !def->input || !s.node->contains("bind") || !(*s.node)["bind"].is_string() || insideRepeat(doc, s.pointer)) return true;
        auto shown = s.node->find(s.typeKey);
        std::set<std::string> label = wordStems(shown != s.node->end() && shown->is_string() ? literalText(shown->get<std::string>()) : "");
        for (auto& w : wordStems((*s.node)["bind"].get<std::string>().substr((*s.node)["bind"].get<std::string>().rfind('.') + 1))) label.insert(w);
        if (!std::all_of(words.begin(), words.end(), [&](const std::string& w) { return label.count(w) > 0; })) return true;
        int score = 1 + (s.owner == scope.owner ? 4 : 0) + (at(doc, s.owner).dump().find("\"push\"") != std::string::npos ? 2 : 0);
        if (score > bestScore) best = s, bestScore = score;
        return true;
    });
    return best;
}

// "/state/a/b" for the bind "a.b".
std::string statePointer(const std::string& bind) {
    std::string out = "/state";
    for (size_t from = 0, dot;; from = dot + 1) {
        dot = bind.find('.', from);
        out += "/" + escapePointer(bind.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
        if (dot == std::string::npos) return out;
    }
}

// A bind beside `bind` for a new member ("habitDraft.name" + "First name" -> "habitDraft.firstName").
std::string siblingBind(const Json& doc, const std::string& bind, const std::string& label) {
    size_t dot = bind.rfind('.');
    std::string prefix = dot == std::string::npos ? "" : bind.substr(0, dot);
    std::set<std::string> taken = prefix.empty() ? keysOf(doc, "state") : std::set<std::string>();
    if (!prefix.empty() && has(doc, statePointer(prefix)) && at(doc, statePointer(prefix)).is_object())
        for (auto& [k, v] : at(doc, statePointer(prefix)).items()) taken.insert(k);
    std::string member = uniqueName(camelKey(label), taken);
    return prefix.empty() ? member : prefix + "." + member;
}

std::string memberOf(const std::string& bind) { return bind.substr(bind.rfind('.') + 1); }

// Calls `visit` for each push step whose value saves "${bind}" under some key: the step's pointer and that key.
void forEachSave(const Json& doc, const std::string& bind, const std::function<void(const std::string&, const std::string&, const Json&)>& visit) {
    std::vector<std::tuple<std::string, std::string, Json>> found;
    forEachObject(doc, "", [&](const Json& o, const std::string& pointer) {
        if (!o.contains("push") || !o["push"].is_string() || !o.contains("value") || !o["value"].is_object()) return;
        for (auto& [k, v] : o["value"].items())
            if (v == "${" + bind + "}") found.emplace_back(pointer, k, o);
    });
    for (auto& [pointer, key, step] : found) visit(pointer, key, step);
}

// The input for a new field, its bind and the state value it starts from (by the kind its label suggests).
Json inputFor(const std::string& label, const std::string& id, const std::string& bind, Json* initial) {
    std::string kind = draft::fieldKindFor(label, "");
    *initial = "";
    if (kind == "date") { *initial = draft::isoDay(1); return Json{{"date", label}, {"id", id}, {"bind", bind}}; }
    if (kind == "time") {
        *initial = "08:00-10:00";
        return Json{{"select", label}, {"id", id}, {"bind", bind}, {"options", Json::array({"08:00-10:00", "10:00-12:00", "14:00-16:00", "18:00-20:00"})}};
    }
    if (kind == "longtext") return Json{{"textarea", label}, {"id", id}, {"bind", bind}, {"rows", 3}};
    Json n = Json{{"input", label}, {"id", id}, {"bind", bind}};
    if (kind == "number" || kind == "money") *initial = 0, n["kind"] = "number";
    if (kind == "email" || kind == "phone") n["kind"] = kind;
    return n;
}

// Groups of words split at "and", "or" and "then" ("delivery address and a delivery window").
std::vector<std::vector<std::string>> wordGroups(const std::vector<std::string>& words) {
    std::vector<std::vector<std::string>> out(1);
    for (auto& w : words) {
        if (w == "and" || w == "or" || w == "then") out.emplace_back();
        else if (!isFiller(w)) out.back().push_back(w);
    }
    out.erase(std::remove_if(out.begin(), out.end(), [](const std::vector<std::string>& g) { return g.empty(); }), out.end());
    return out;
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Split a field
//-----------------------------------------------------------------------------

Outcome splitField(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    int verb = r.find({"split", "separate"}), into = r.find({"into"}, verb + 1);
    if (verb < 0 || into < 0) return cannot("tell what to split into what (say e.g. \"split Name into First name and Last name\")");
    std::vector<std::vector<std::string>> parts = wordGroups(r.slice(into + 1, static_cast<int>(r.words.size())));
    std::vector<std::string> what = contentWords(r.slice(verb + 1, into));
    if (parts.size() < 2) return cannot("split " + joinWords(what) + " without two names to split it into");
    NodeSite site = inputLabelled(doc, what, leadScope(doc, r, verb, scope));
    if (!site.node) return notFound("a '" + joinWords(what) + "' field");
    const std::string bind = (*site.node)["bind"].get<std::string>();
    std::vector<std::string> labels, binds;
    for (auto& p : parts) labels.push_back(labelFromWords(p));
    for (size_t i = 0; i < labels.size(); ++i) {   // each new member is unique among the ones added before it
        binds.push_back(siblingBind(log.doc, bind, labels[i]));
        log.add(statePointer(binds.back()), "");
    }
    // The new inputs take the old one's place, with its rules and kind.
    for (size_t i = 0; i < labels.size(); ++i) {
        Json node = *site.node;
        node[site.typeKey] = labels[i];
        node["bind"] = binds[i];
        node["id"] = uniqueName(camelKey(labels[i]), idSet(log.doc));
        if (i == 0) log.replace(site.pointer, node);
        else log.add(parentPointer(site.pointer) + "/" + std::to_string(std::stoul(lastToken(site.pointer)) + i), node);
    }
    // Saved rows get each part, and the old field stays their parts joined, so what shows it still reads right.
    std::string joined;
    for (auto& b : binds) joined += (joined.empty() ? "" : " ") + std::string("${") + b + "}";
    int rowsSplit = 0;
    forEachSave(log.doc, bind, [&](const std::string& pointer, const std::string& key, const Json& step) {
        log.replace(pointer + "/value/" + escapePointer(key), joined);
        for (auto& b : binds) log.add(pointer + "/value/" + escapePointer(memberOf(b)), "${" + b + "}");
        const std::string rows = step["push"].get<std::string>();
        if (!has(log.doc, "/state/" + escapePointer(rows)) || !at(log.doc, "/state/" + escapePointer(rows)).is_array()) return;
        const Json list = at(log.doc, "/state/" + escapePointer(rows));
        for (size_t i = 0; i < list.size(); ++i) {
            if (!list[i].is_object() || !list[i].contains(key) || !list[i][key].is_string() || list[i].contains(memberOf(binds[0]))) continue;
            std::string value = list[i][key].get<std::string>();
            size_t space = value.find(' ');
            std::string row = "/state/" + escapePointer(rows) + "/" + std::to_string(i) + "/";
            log.add(row + escapePointer(memberOf(binds[0])), value.substr(0, space));
            for (size_t b = 1; b < binds.size(); ++b) log.add(row + escapePointer(memberOf(binds[b])), b == 1 && space != std::string::npos ? value.substr(space + 1) : "");
            ++rowsSplit;
        }
    });
    std::string names;
    for (size_t i = 0; i < labels.size(); ++i) names += (i == 0 ? "" : i + 1 == labels.size() ? " and " : ", ") + labels[i];
    return {"Split the " + literalText((*site.node)[site.typeKey].get<std::string>()) + " field into " + names +
                (rowsSplit > 0 ? " (the " + std::to_string(rowsSplit) + " saved rows have both)" : ""), ""};
}

//-----------------------------------------------------------------------------
// [SECTION] Optional and required
//-----------------------------------------------------------------------------

Outcome setFieldRequired(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    int verb = r.find({"make", "set", "mark"}), how = r.find({"optional", "required", "mandatory"}, verb + 1);
    if (verb < 0 || how < 0) return cannot(r.text);
    const bool optional = r.words[how] == "optional";
    std::vector<std::string> what = contentWords(r.slice(verb + 1, how));
    NodeSite site = inputLabelled(doc, what, leadScope(doc, r, verb, scope));
    if (!site.node) return notFound("a '" + joinWords(what) + "' field");
    const Json& node = *site.node;
    std::string label = node[site.typeKey].is_string() ? literalText(node[site.typeKey].get<std::string>()) : joinWords(what);
    bool required = node.contains("rules") && node["rules"].is_object() && node["rules"].contains("required");
    if (optional == !required) return {"The " + label + " field is already " + (optional ? "optional" : "required"), ""};
    if (optional) {
        if (node["rules"].size() == 1) log.remove(site.pointer + "/rules");
        else log.remove(site.pointer + "/rules/required");
        if (label.find("(optional)") == std::string::npos) log.replace(site.pointer + "/" + escapePointer(site.typeKey), label + " (optional)");
        return {"Made the " + label + " field optional (a form saves without it)", ""};
    }
    if (!node.contains("rules") || !node["rules"].is_object()) log.add(site.pointer + "/rules", Json::object());
    log.add(site.pointer + "/rules/required", "Enter " + lowerAscii(label));
    return {"Made the " + label + " field required", ""};
}

//-----------------------------------------------------------------------------
// [SECTION] A new step in a flow
//-----------------------------------------------------------------------------

namespace {

// A control that moves the flow forward from a screen: where it is, where it goes and how.
struct ForwardControl {
    std::string pointer;
    std::string target;   // the screen it goes to
    bool pushes = false;  // it saves a row (the submit of a form)
    bool viaGo = false;   // a "go" prop rather than press actions
    bool backs = false;   // it saves and goes back to where the form was opened from (no target)
};

ForwardControl forwardFrom(const Json& doc, const std::string& owner) {
    std::vector<ForwardControl> found;
    forEachNode(doc, [&](const NodeSite& s) {
        if (s.owner != owner || insideRepeat(doc, s.pointer)) return true;
        const Json& n = *s.node;
        ForwardControl c{s.pointer, "", false, false};
        if (n.contains("go") && n["go"].is_string()) c.target = n["go"].get<std::string>(), c.viaGo = true;
        if (n.contains("press") && n["press"].is_array())
            for (auto& step : n["press"]) {
                if (step.is_object() && step.contains("navigate") && step["navigate"].is_string()) c.target = step["navigate"].get<std::string>();
                if (step.is_object() && step.contains("push")) c.pushes = true;
                if (step == "back" && c.pushes) c.backs = true;
            }
        if ((!c.target.empty() && "/screens/" + escapePointer(c.target) != owner && doc["screens"].contains(c.target)) || c.backs) found.push_back(c);
        return true;
    });
    for (auto& c : found)
        if (c.pushes) return c;
    return found.empty() ? ForwardControl{} : found.front();
}

const std::set<std::string>& doingWords() {
    static const std::set<std::string> doing = {"they", "their", "them", "pick", "picked", "choose", "chose", "select", "selected", "fill", "filled", "enter", "entered",
                                                "finish", "finished", "complete", "completed", "have", "has", "user", "users", "customer", "customers", "out",
                                                "choosing", "picking", "selecting", "entering", "filling"};
    return doing;
}

// "add a step where the patient picks their dentist before choosing a time": a screen of its own that every way into
// the named step now passes through; it keeps what it asks in a state object of its own and goes on to that step.
Outcome addStepBefore(EditLog& log, const Request& r, int before, int add) {
    const Json doc = log.doc;
    std::vector<std::string> anchor;
    for (auto& w : r.slice(before + 1, static_cast<int>(r.words.size())))
        if (!doingWords().count(w)) anchor.push_back(w);
    const int ask = r.find({"asking", "ask", "collecting", "collect", "for", "with", "picks", "pick", "chooses", "choose", "selects", "select", "enters", "enter"}, add + 1);
    if (ask < 0 || ask + 1 >= before) return cannot("tell what the new step asks for (say e.g. \"add a step asking for the dentist before choosing a time\")");
    std::vector<std::string> what;
    for (auto& w : r.slice(ask + 1, before))
        if (!doingWords().count(w) && !isFiller(w)) what.push_back(w);
    std::vector<std::vector<std::string>> asked = wordGroups(what);
    if (asked.empty()) return cannot("tell what the new step asks for");
    const std::string screen = findScreen(doc, anchor);
    if (screen.empty()) return notFound("the step where they " + joinWords(r.slice(before + 1, static_cast<int>(r.words.size()))));
    const std::string owner = "/screens/" + escapePointer(screen);
    std::vector<std::string> labels;
    for (auto& g : asked) labels.push_back(labelFromWords(g));
    std::string title;
    for (size_t i = 0; i < labels.size(); ++i) title += (i == 0 ? "" : i + 1 == labels.size() ? " and " : ", ") + (i == 0 ? labels[i] : lowerAscii(labels[i]));
    const std::string stepId = uniqueName(camelKey(title) + "Step", keysOf(doc, "screens"));
    // Every control elsewhere that opens the step now opens the new one.
    int redirected = 0;
    forEachNode(doc, [&](const NodeSite& s) {
        if (s.owner == owner || s.owner.rfind("/screens/", 0) != 0) return true;
        const Json& n = *s.node;
        if (n.contains("go") && n["go"] == screen) log.replace(s.pointer + "/go", stepId), ++redirected;
        if (n.contains("press") && n["press"].is_array())
            for (size_t i = 0; i < n["press"].size(); ++i)
                if (n["press"][i].is_object() && n["press"][i].contains("navigate") && n["press"][i]["navigate"] == screen)
                    log.replace(s.pointer + "/press/" + std::to_string(i) + "/navigate", stepId), ++redirected;
        return true;
    });
    if (redirected == 0) return cannot("add a step before " + screenTitle(doc, owner) + ": no button or link elsewhere opens it");
    const std::string key = uniqueName(camelKey(title), keysOf(log.doc, "state"));
    log.add("/state/" + escapePointer(key), Json::object());
    Json body = Json::array();
    for (auto& label : labels) {
        const std::string bind = siblingBind(log.doc, key + ".value", label);
        Json initial;
        body.push_back(inputFor(label, uniqueName(camelKey(label), idSet(log.doc)), bind, &initial));
        log.add(statePointer(bind), initial);
    }
    body.push_back(Json{{"button", "Continue"}, {"id", uniqueName(stepId + "Done", idSet(log.doc))}, {"w", "fill"}, {"go", screen}});
    log.add("/screens/" + escapePointer(stepId), Json{{"title", title}, {"body", body}});
    return {"Added a step '" + title + "' before " + screenTitle(doc, owner) + ": " + (redirected == 1 ? "the control that opened it now opens" : "the " + std::to_string(redirected) + " controls that opened it now open") +
                " the step, which goes on to it", ""};
}

} // namespace

Outcome addFlowStep(EditLog& log, const Request& r) {
    const Json doc = log.doc;
    const std::set<std::string>& doing = doingWords();
    int after = r.find({"after", "once", "when"}), add = r.find({"add", "insert", "put"});
    if (const int before = r.find({"before"}); before > add && add >= 0 && (after < 0 || after > before)) return addStepBefore(log, r, before, add);
    int anchorFrom = after + 1, anchorTo = add, ask = -1;
    // "add a step to the new habit flow asking how often": the step follows the form of the flow named after "to".
    if (after < 0 && add >= 0) {
        const int in = r.find({"to", "in", "into"}, add + 1), asking = in < 0 ? -1 : r.find({"asking", "ask", "collecting", "capturing"}, in + 1);
        if (asking > in + 1) anchorFrom = in + 1, anchorTo = ask = asking;
    }
    if (anchorFrom <= 0 || anchorTo < anchorFrom) return cannot("tell which step the new one comes after (say e.g. \"after they pick a plan, add a step asking for ...\")");
    std::vector<std::string> anchor;
    for (auto& w : r.slice(anchorFrom, anchorTo))
        if (!doing.count(w) && w != "flow" && w != "process" && w != "wizard" && w != "funnel") anchor.push_back(w);
    if (ask < 0) ask = r.find({"asking", "ask", "collecting", "collect", "capturing", "for", "with"}, add + 1);
    if (ask < 0) return cannot("tell what the new step asks for (say e.g. \"... add a step asking for the address\")");
    if (ask + 1 < static_cast<int>(r.words.size()) && r.words[ask + 1] == "for") ++ask;
    std::vector<std::vector<std::string>> asked = wordGroups(r.slice(ask + 1, static_cast<int>(r.words.size())));
    if (asked.empty()) return cannot("tell what the new step asks for");
    std::string screen = findScreen(doc, anchor);
    if (screen.empty()) return notFound("the step where they " + joinWords(r.slice(anchorFrom, anchorTo)));
    std::string owner = "/screens/" + escapePointer(screen);
    ForwardControl from = forwardFrom(doc, owner);
    // A list whose way forward opens a form: the step comes after that form, where the picking is saved.
    if (!from.pushes && !from.target.empty()) {
        ForwardControl next = forwardFrom(doc, "/screens/" + escapePointer(from.target));
        if (next.pushes) from = next;
    }
    if (from.pointer.empty()) return cannot("add a step after " + screenTitle(doc, owner) + ": nothing on it goes on to another screen");
    // A form that saves and goes back: its "back" now has to leave the new step too, back to where the form was opened.
    std::string opener;
    if (from.backs)
        forEachNode(doc, [&](const NodeSite& s) {
            const std::string dump = s.node->dump();
            const bool opens = (s.node->contains("go") && (*s.node)["go"] == screen) || dump.find("\"navigate\":\"" + screen + "\"") != std::string::npos;
            if (opens && s.owner.rfind("/screens/", 0) == 0 && s.owner != owner) opener = s.owner.substr(9);
            return opener.empty();
        });

    const Json control = at(doc, from.pointer);
    // What the form already asks ("a second step asking for the delivery address" on a form that has it) moves to the
    // new step as it is; the rest is new.
    const std::string formOwner = ownerOf(from.pointer);
    std::vector<NodeSite> moved;
    for (auto& g : asked) {
        NodeSite input = inputLabelled(doc, contentWords(g), RequestScope{"", formOwner});
        moved.push_back(input.node && input.owner == formOwner && parentPointer(input.pointer) == parentPointer(from.pointer) ? input : NodeSite{});
    }
    std::vector<std::string> labels;
    for (auto& g : asked) labels.push_back(labelFromWords(g));
    std::string title;
    for (size_t i = 0; i < labels.size(); ++i) title += (i == 0 ? "" : i + 1 == labels.size() ? " and " : ", ") + (i == 0 ? labels[i] : lowerAscii(labels[i]));
    const std::string stepId = uniqueName(camelKey(title) + "Step", keysOf(doc, "screens"));
    // The new inputs join the draft the control saves ("${groceryDraft.name}"), else a state object of their own.
    std::string draftBind;
    if (control.contains("press"))
        forEachObject(control["press"], "", [&](const Json& o, const std::string&) {
            if (!draftBind.empty() || !o.contains("push") || !o.contains("value") || !o["value"].is_object()) return;
            for (auto& [k, v] : o["value"].items())
                if (v.is_string() && v.get<std::string>().rfind("${", 0) == 0 && v.get<std::string>().find('.') != std::string::npos && draftBind.empty())
                    draftBind = v.get<std::string>().substr(2, v.get<std::string>().size() - 3);
        });
    if (!draftBind.empty() && !has(doc, statePointer(draftBind.substr(0, draftBind.rfind('.'))))) draftBind.clear();
    if (draftBind.empty()) {
        std::string key = uniqueName(camelKey(title), keysOf(doc, "state"));
        if (!doc.contains("state") || !doc["state"].is_object()) log.add("/state", Json::object());
        log.add("/state/" + escapePointer(key), Json::object());
        draftBind = key + ".value";
    }
    Json body = Json::array();
    Json saved = Json::object();
    for (size_t i = 0; i < labels.size(); ++i) {
        if (moved[i].node) {
            body.push_back(*moved[i].node);
            continue;
        }
        std::string bind = siblingBind(log.doc, draftBind, labels[i]);
        Json initial;
        body.push_back(inputFor(labels[i], uniqueName(camelKey(labels[i]), idSet(log.doc)), bind, &initial));
        log.add(statePointer(bind), initial);
        saved[memberOf(bind)] = "${" + bind + "}";
    }
    // The control now opens the step; the step goes on the way the control did (saving the new fields too).
    Json onward = Json{{"button", from.pushes && control.contains("button") ? control["button"] : Json("Continue")}, {"id", uniqueName(stepId + "Done", idSet(log.doc))}, {"w", "fill"}};
    if (from.viaGo) {
        onward["go"] = from.target;
        log.replace(from.pointer + "/go", stepId);
    } else {
        Json before = Json::array(), rest = Json::array();
        for (auto& step : control["press"]) {
            bool checks = step.is_object() && step.contains("validate");
            (rest.empty() && checks ? before : rest).push_back(step);
        }
        for (auto& step : rest) {
            if (step.is_object() && step.contains("push") && step.contains("value") && step["value"].is_object())
                for (auto& [k, v] : saved.items()) step["value"][k] = v;
            if (step == "back" && !opener.empty()) step = Json{{"navigate", opener}};
        }
        if (!before.empty()) rest.insert(rest.begin(), before.begin(), before.end());
        before.push_back(Json{{"navigate", stepId}});
        onward["press"] = rest;
        log.replace(from.pointer + "/press", before);
        if (from.pushes && control.contains("button")) log.replace(from.pointer + "/button", "Next");
    }
    body.push_back(onward);
    log.add("/screens/" + escapePointer(stepId), Json{{"title", title}, {"body", body}});
    // The moved inputs leave the form last (the control's pointer above stays valid); they sit before the control in
    // its array, so the later ones go first.
    std::vector<size_t> leaving;
    for (auto& m : moved)
        if (m.node) leaving.push_back(std::stoul(lastToken(m.pointer)));
    std::sort(leaving.rbegin(), leaving.rend());
    for (size_t index : leaving) log.remove(parentPointer(from.pointer) + "/" + std::to_string(index));
    return {"Added a step '" + title + "' after " + screenTitle(doc, ownerOf(from.pointer)) + ": its " + (from.viaGo ? "link" : "button") + " now opens the step, which " + (from.target.empty() ? std::string("saves") : "goes on to " + screenTitle(doc, "/screens/" + escapePointer(from.target))), ""};
}

//-----------------------------------------------------------------------------
// [SECTION] Export button
//-----------------------------------------------------------------------------

Outcome addExportButton(EditLog& log, const Request& r) {
    const Json doc = log.doc;
    int verb = r.find({"export", "download"});
    int on = r.findLast({"on", "to", "in", "for", "from"});
    // "export the hearings list as PDF": with no place named, the thing exported is where the button goes.
    std::string screen = on > verb ? findScreen(doc, r.slice(on + 1, static_cast<int>(r.words.size()))) : findScreen(doc, r.slice(verb + 1, std::max(r.find({"as"}, verb + 1), verb + 1)));
    if (screen.empty()) return notFound(on > verb ? "'" + joinWords(r.slice(on + 1, static_cast<int>(r.words.size()))) + "'" : std::string("where the export button goes"));
    std::string format;
    for (const char* f : {"csv", "pdf", "xlsx", "json"})
        if (r.has(f)) format = f;
    if (r.has("excel")) format = "xlsx";
    for (auto& c : format) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string label = !r.quotes.empty() ? r.quotes.front() : format.empty() ? std::string("Export") : "Export " + format;
    const std::string owner = "/screens/" + escapePointer(screen);
    const Json& s = at(doc, owner);
    std::string title = s.contains("title") && s["title"].is_string() ? literalText(s["title"].get<std::string>()) : screen;
    if (title.find_first_not_of(" ") == std::string::npos) title = screen;
    std::string toast = capitalized(title) + " exported" + (format.empty() ? "" : " as " + format);
    Json press = Json::array({Json{{"toast", toast}, {"tone", "success"}}});
    std::string id = uniqueName(camelKey(label), idSet(doc));
    if (s.contains("body") && s["body"].is_array()) {
        log.add(owner + "/body/0", Json{{"button", label}, {"id", id}, {"icon", "download"}, {"variant", "secondary"}, {"press", press}});
        return {"Added an '" + label + "' button at the top of " + title + " (it shows \"" + toast + "\")", ""};
    }
    Json bar = Json{{"icon_button", "download"}, {"label", label}, {"id", id}, {"press", press}};
    if (s.contains("bar") && s["bar"].is_array()) log.add(owner + "/bar/-", bar);
    else log.add(owner + "/bar", Json::array({bar}));
    return {"Added an '" + label + "' button to the bar of " + title + " (it shows \"" + toast + "\")", ""};
}

//-----------------------------------------------------------------------------
// [SECTION] Feedback after an action
//-----------------------------------------------------------------------------

bool asksFeedbackAfter(const Request& r) {
    return r.hasAny({"toast", "snackbar", "message", "notification", "confirmation", "banner"}) && r.hasAny({"after", "when", "once"}) &&
           !r.hasAny({"before", "badge", "count", "number"});
}

Outcome addFeedbackAfter(EditLog& log, const Request& r) {
    const Json doc = log.doc;
    // The action: the first word after "after/when/once" that a button's label starts with ("saving a habit" -> "Save habit").
    const int when = r.find({"after", "when", "once"});
    NodeSite control;
    std::string verb;
    for (int i = when + 1; i < static_cast<int>(r.words.size()) && !control.node; ++i) {
        if (isFiller(r.words[i]) || r.words[i].size() < 3) continue;
        const std::string stem = verbStem(r.words[i]);
        forEachNode(doc, [&](const NodeSite& site) {
            if (site.type != "button" || !site.node->contains("press") || insideRepeat(doc, site.pointer)) return true;
            const std::string label = lowerAscii(literalText(site.node->value("button", std::string())));
            if (verbStem(label.substr(0, label.find(' '))) != stem) return true;
            control = site, verb = label.substr(0, label.find(' '));
            return false;
        });
    }
    if (!control.node) return notFound("a button that does what comes after \"" + r.words[static_cast<size_t>(when)] + "\"");
    const Json& press = (*control.node)["press"];
    const std::string label = literalText(control.node->value("button", std::string()));
    std::string said;
    forEachObject(press, "", [&](const Json& o, const std::string&) {
        if (said.empty() && o.contains("toast") && o["toast"].is_string()) said = o["toast"].get<std::string>();
    });
    if (!said.empty() && r.quotes.empty()) {
        std::string shown;  // "${habitDraft.name} added" -> "… added"
        for (const TextPiece& p : splitTemplate(said)) shown += p.expression ? "…" : p.text;
        return {"", "Pressing '" + label + "' already shows a message (\"" + shown + "\")" + std::string(kNeedsLlm), true};
    }
    // What the button acts on names the message: "Save habit" -> "Habit saved", "Book" -> "Booked".
    std::string rest = label.find(' ') == std::string::npos ? "" : label.substr(label.find(' ') + 1);
    for (const char* article : {"a ", "an ", "the ", "my ", "your ", "our "})
        if (lowerAscii(rest).rfind(article, 0) == 0) rest = rest.substr(std::strlen(article));
    const std::string text = !r.quotes.empty() ? safeText(r.quotes.front(), 120) : capitalized(rest.empty() ? draft::pastOf(verb) : lowerAscii(rest) + " " + draft::pastOf(verb));
    const Json toast = Json{{"toast", text}, {"tone", "success"}};
    if (!said.empty()) {
        forEachObject(press, control.pointer + "/press", [&](const Json& o, const std::string& pointer) {
            if (o.contains("toast") && o["toast"].is_string() && o["toast"] == said) log.replace(pointer + "/toast", text);
        });
        return {"Pressing '" + label + "' now says \"" + text + "\"", ""};
    }
    // After the steps that do the work and before any that leave the screen, so the message shows on arrival.
    Json steps = press.is_array() ? press : Json::array({press});
    size_t at = steps.size();
    while (at > 0 && (steps[at - 1] == "back" || (steps[at - 1].is_object() && (steps[at - 1].contains("navigate") || steps[at - 1].contains("reset"))))) --at;
    steps.insert(steps.begin() + static_cast<long>(at), toast);
    log.replace(control.pointer + "/press", steps);
    return {"Pressing '" + label + "' now shows \"" + text + "\"", ""};
}

} // namespace pt::refine
