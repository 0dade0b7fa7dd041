// Promptotype — the offline refiner's buttons on every row of a list. See refine_row_actions.h.

#include "generator/offline/refine_row_actions.h"
#include "generator/offline/draft_patterns.h"
#include "runtime/spec/catalog.h"
#include <functional>
#include <map>

namespace pt::refine {

namespace {

using draft::camelKey;
using draft::capitalized;
using draft::pastOf;
using draft::exprString;
using draft::singularOf;

int addVerbAt(const Request& r) { return r.find({"add", "insert", "include", "put", "place", "give", "show", "want", "need"}); }

// The first text field of a row: what a toast or a copy names it by.
std::string titleField(const Json& sample) {
    for (auto& key : {"name", "title"})
        if (sample.contains(key) && sample[key].is_string()) return key;
    for (auto& [k, v] : sample.items())
        if (v.is_string() && k != "id" && k != "status") return k;
    return "";
}

// What the button does to the row `alias` of `list`, by the first word of its label.
Json rowActions(const AppList& list, const std::string& alias, const std::string& label, bool onDetail, std::string* icon, std::string* variant) {
    const std::string verb = lowerAscii(label.substr(0, label.find(' ')));
    const std::string title = titleField(list.sample), named = title.empty() ? capitalized(singularOf(list.source)) : "${" + alias + "." + title + "}";
    static const std::set<std::string> removes = {"delete", "remove", "trash", "discard"}, copies = {"duplicate", "copy", "clone"},
                                        tells = {"share", "send", "email", "print", "export", "download", "call", "message", "text", "invite", "remind", "notify", "report"};
    if (removes.count(verb)) {
        *icon = "trash", *variant = "outline";
        Json press = Json::array({Json{{"remove", list.source}, {"where", "${it.id == " + alias + ".id}"}}, Json{{"toast", named + " " + draft::pastOf(verb)}}});
        if (onDetail) press.push_back("back");
        return press;
    }
    if (copies.count(verb)) {
        *icon = "copy", *variant = "secondary";
        Json copy = Json::object();
        for (auto& [k, v] : list.sample.items()) copy[k] = "${" + alias + "." + k + "}";
        copy["id"] = "${max(map(" + list.source + ", y => y.id)) + 1}";
        if (!title.empty()) copy[title] = "${" + alias + "." + title + " + ' (copy)'}";
        return Json::array({Json{{"push", list.source}, {"value", copy}}, Json{{"toast", named + " duplicated"}, {"tone", "success"}}});
    }
    if (tells.count(verb)) {
        *icon = verb == "share" ? "share-alt" : verb == "print" ? "print" : verb == "call" ? "phone" : verb == "download" || verb == "export" ? "download" : "paper-plane";
        *variant = "secondary";
        return Json::array({Json{{"toast", named + " " + draft::pastOf(verb)}, {"tone", "success"}}});
    }
    return nullptr;
}

// "add a Share button to each habit": the rows follow the button word.
int rowsNamedAt(const Request& r, int button) { return r.find({"each", "every", "per", "all", "to", "on", "for", "beside", "next"}, button + 1); }

// The first word asking for a discussion ("comments", "reply"), or -1.
int discussionAt(const Request& r) {
    for (size_t i = 0; i < r.words.size(); ++i)
        if (draft::discussionFor(r.words[i])) return static_cast<int>(i);
    return -1;
}

// Puts a row's button before the container's own buttons, side by side with the buttons added for the row before it
// (up to three in a row).
void placeBeside(EditLog& log, const std::string& children, Json button) {
    const Json& kids = at(log.doc, children);
    const size_t first = beforeButtons(kids);
    auto rowOfButtons = [](const Json& n) {
        return n.is_object() && n.contains("row") && n["row"].is_array() && n["row"].size() < 3 &&
               std::all_of(n["row"].begin(), n["row"].end(), [](const Json& b) { return b.is_object() && b.contains("button"); });
    };
    button["grow"] = 1;
    if (first > 0 && rowOfButtons(kids[first - 1])) return log.add(children + "/" + std::to_string(first - 1) + "/row/-", button);
    if (first < kids.size() && kids[first].value("variant", std::string()) == "secondary") {
        Json previous = kids[first];
        previous["grow"] = 1;
        return log.replace(children + "/" + std::to_string(first), Json{{"row", Json::array({previous, button})}, {"gap", 10}});
    }
    button.erase("grow");
    log.add(children + "/" + std::to_string(first), button);
}

} // namespace

bool namesEveryRow(const Request& r, int from, const std::vector<AppList>& lists) {
    if (from < 0) return false;
    const std::vector<std::string> where = r.slice(from, static_cast<int>(r.words.size()));
    bool every = false, source = false;
    for (auto& w : where) {
        if (isScreenWord(w) || w == "list" || w == "table" || w == "form" || w == "card") return false;
        // "a habit", "any order": one row, whichever it is.
        every = every || w == "each" || w == "every" || w == "per" || w == "all" || w == "a" || w == "an" || w == "any";
        source = source || std::any_of(lists.begin(), lists.end(), [&](const AppList& l) { return l.sourceWords.count(singularOf(w)) > 0; });
    }
    return source && (every || std::any_of(where.begin(), where.end(), [&](const std::string& w) { return w != singularOf(w); }));
}

bool asksRowButton(const Request& r, const Json& doc) {
    const int button = r.find({"button", "buttons"}), verb = addVerbAt(r);
    return verb >= 0 && button > verb && namesEveryRow(r, rowsNamedAt(r, button), appLists(doc));
}

int rowVerbAt(const Request& r, const Json& doc) {
    const int ask = r.find({"let", "lets", "allow", "allows", "enable", "way", "able", "can", "could", "should", "must"});
    if (ask < 0) return -1;
    static const std::set<std::string> who = {"me", "us", "users", "user", "people", "them", "everyone", "someone", "anyone", "staff",
                                              "to", "the", "a", "be", "able", "also", "quickly", "easily"};
    int verb = ask + 1;
    while (verb < static_cast<int>(r.words.size()) && who.count(r.words[verb])) ++verb;
    // "let beekeepers mark ...", "allow the coach to star ...": the one who acts is named before the verb.
    for (int skipped = 0; skipped < 3 && verb + 1 < static_cast<int>(r.words.size()) && !draft::knownVerb(r.words[verb]); ++skipped) {
        ++verb;
        while (verb < static_cast<int>(r.words.size()) && who.count(r.words[verb])) ++verb;
    }
    if (verb >= static_cast<int>(r.words.size())) return -1;
    // Verbs that add rows, change what the list shows or edit a row's fields are other requests (or need a form).
    static const std::set<std::string> other = {"add", "create", "make", "see", "view", "find", "search", "filter", "sort", "comment", "reply",
                                                "edit", "update", "change", "rename", "open", "browse", "track", "log", "record", "manage", "get",
                                                "answer", "discuss", "show", "list", "enter", "submit", "upload", "write", "have", "use", "do"};
    // Marking a row liked is a verb here though the reader takes these words as nouns or adjectives too.
    static const std::set<std::string> marks = {"favorite", "favourite", "star", "like", "heart", "upvote", "flag", "bookmark", "pin"};
    if (verb >= static_cast<int>(r.words.size()) || !(draft::knownVerb(r.words[verb]) || marks.count(r.words[verb])) || other.count(r.words[verb])) return -1;
    return namesEveryRow(r, verb + 1, appLists(doc)) ? verb : -1;
}

Outcome addRowButton(EditLog& log, const Request& r, const RequestScope& scope) {
    const int button = r.find({"button", "buttons"}), verb = addVerbAt(r);
    const std::string label = r.quotes.empty() ? labelFromWords(r.slice(verb + 1, button)) : r.quotes.front();
    const int to = rowsNamedAt(r, button);
    return addRowButtonLabelled(log, label, r.slice(to, static_cast<int>(r.words.size())), scope);
}

Outcome addRowVerbButton(EditLog& log, const Request& r, const RequestScope& scope) {
    const int verb = rowVerbAt(r, log.doc);
    std::string label = capitalized(r.words[static_cast<size_t>(verb)]);
    // "mark a hive as inspected": the button says what the row becomes.
    if (const int as = r.find({"as"}, verb + 1); r.words[static_cast<size_t>(verb)] == "mark" && as > verb && as + 1 < static_cast<int>(r.words.size()))
        label += " " + joinWords(r.slice(as + 1, static_cast<int>(r.words.size())));
    return addRowButtonLabelled(log, label, r.slice(verb + 1, static_cast<int>(r.words.size())), scope);
}

Outcome addRowButtonLabelled(EditLog& log, const std::string& label, const std::vector<std::string>& rowWords, const RequestScope& scope) {
    const Json doc = log.doc;
    const std::vector<AppList> lists = appLists(doc);
    if (label.empty()) return cannot("add a button without knowing what it does (say e.g. \"add a Share button to each task\")");
    const AppList* list = pickList(lists, rowWords, scope);
    if (!list) return notFound("the rows for a '" + label + "' button");
    list = everyRowOf(lists, list);
    if (!list->sample.is_object() || !list->sample.contains("id") || !list->sample["id"].is_number())
        return cannot("add a button to each of the " + lowerAscii(list->source) + ": its rows have no ids to tell them apart");

    // Where one row is shown: its detail screen, else the repeated row when it holds other nodes.
    const RowDetail detail = rowDetailOf(doc, list->source);
    std::string children = detail.children, alias = detail.alias;
    if (children.empty()) {
        forEachNode(doc, [&](const NodeSite& s) {
            if (s.pointer == list->pointer && !s.childrenKey.empty() && (*s.node)[s.childrenKey].is_array()) children = s.pointer + "/" + escapePointer(s.childrenKey);
            return children.empty();
        });
        alias = list->alias;
    }
    if (children.empty()) return cannot("add a button to each of the " + lowerAscii(list->source) + ": no screen shows one of them and its rows are single lines");
    const std::string where = detail.children.empty() ? "each row of the " + lowerAscii(list->source) + " list on " + screenTitle(doc, list->owner)
                                                       : "the screen of each " + singularOf(lowerAscii(list->source));
    // A button with that verb already there is not added twice.
    const std::string verbWord = lowerAscii(label.substr(0, label.find(' ')));
    bool twin = false;
    forEachNode(doc, [&](const NodeSite& s) {
        if (s.pointer.rfind(children + "/", 0) != 0 || (s.type != "button" && s.type != "icon_button")) return true;
        const std::string shown = lowerAscii(literalText(s.node->value(s.type == "button" ? "button" : "label", std::string())) + " " + s.node->value("id", std::string()));
        twin = wordStems(shown).count(singularOf(verbWord)) > 0;
        return !twin;
    });
    if (twin) return {"", "The offline drafter did not add a second '" + label + "' button: " + where + " already has one" + std::string(kNeedsLlm), true};

    std::string icon, variant;
    Json button_ = Json::object();
    if (Json press = rowActions(*list, alias, label, !detail.children.empty(), &icon, &variant); !press.is_null())
        button_ = Json{{"button", label}, {"icon", icon}, {"variant", variant}, {"press", press}};
    else {
        draft::EntityPlan plan;
        plan.key = list->source;
        const IdeaField title{titleField(list->sample).empty() ? "id" : titleField(list->sample), "", "text", {}};
        plan.title = &title;
        button_ = draft::itemToggleButton(plan, lowerAscii(label), alias);
        static const std::map<std::string, std::string> markIcons = {{"favorite", "heart"}, {"favourite", "heart"}, {"like", "heart"}, {"heart", "heart"},
                                                                     {"star", "star"}, {"bookmark", "bookmark"}, {"pin", "thumb-tack"}, {"flag", "flag"},
                                                                     {"upvote", "arrow-up"}, {"archive", "archive"}};
        if (auto mark = markIcons.find(verbWord); mark != markIcons.end()) button_["icon"] = mark->second;
    }
    button_["id"] = uniqueName(draft::camelKey(label + " " + singularOf(list->source)), idSet(doc));
    placeBeside(log, children, button_);
    return {"Added " + withArticle(label) + " button to " + where, ""};
}

bool asksDiscussion(const Request& r, const Json& doc) {
    const int word = discussionAt(r);
    return word >= 0 && r.find({"add", "let", "allow", "enable", "include", "give", "want", "need", "support", "can", "show", "put"}) >= 0 &&
           namesEveryRow(r, word + 1, appLists(doc));
}

Outcome addDiscussion(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    const int word = discussionAt(r);
    const draft::Discussion& kind = *draft::discussionFor(r.words[static_cast<size_t>(word)]);
    const std::vector<AppList> lists = appLists(doc);
    const AppList* list = pickList(lists, r.slice(word + 1, static_cast<int>(r.words.size())), scope);
    if (!list) return notFound("the rows for " + lowerAscii(kind.title));
    list = everyRowOf(lists, list);
    const std::string one = singularOf(lowerAscii(list->source));
    if (!list->sample.is_object() || !list->sample.contains("id") || !list->sample["id"].is_number())
        return cannot("keep " + lowerAscii(kind.title) + " on each " + one + ": its rows have no ids to tell them apart");
    const RowDetail detail = rowDetailOf(doc, list->source);
    if (detail.children.empty()) return cannot("add " + lowerAscii(kind.title) + " to each " + one + ": no screen shows one of them");
    if (at(doc, detail.node).dump().find(detail.alias + "." + kind.field) != std::string::npos)
        return {"", "Each " + one + " already has " + lowerAscii(kind.title) + std::string(kNeedsLlm), true};
    // The rows start with a few entries before the app's clock, so the section reads as a discussion at once.
    const std::string now = metaText(doc, "now", draft::kNow);
    const Json& rows = doc["state"][list->source];
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].is_object() && !rows[i].contains(kind.field))
            log.add("/state/" + escapePointer(list->source) + "/" + std::to_string(i) + "/" + escapePointer(kind.field), draft::mockEntries(i, now));
    std::set<std::string> ids = idSet(doc);
    const std::string id = uniqueName(draft::camelKey(kind.button + " " + one), ids);
    const std::string bind = uniqueName(id + "Text", keysOf(log.doc, "state"));
    log.add("/state/" + escapePointer(bind), "");
    const std::string me = doc.contains("state") && doc["state"].is_object() && doc["state"].contains("profile") ? "${profile.name}" : "You";
    const Json section = draft::discussionOn(kind, rowFieldPath(list->source, detail.alias, kind.field), detail.alias, bind, id, me);
    log.add(detail.children + "/" + std::to_string(beforeButtons(at(log.doc, detail.children))), section);
    return {"Added " + lowerAscii(kind.title) + " to the screen of each " + one + ": what people wrote, and a box to add one", ""};
}

namespace {

// Words for the rows people mark to find again, with the verb that marks one: "favorites" -> "favorite".
const std::map<std::string, std::string>& markedWords() {
    static const std::map<std::string, std::string> marked = {
        {"favorite", "favorite"}, {"favorites", "favorite"}, {"favourite", "favourite"}, {"favourites", "favourite"}, {"starred", "star"},
        {"bookmarked", "bookmark"}, {"bookmarks", "bookmark"}, {"pinned", "pin"}, {"saved", "save"}, {"liked", "like"}, {"flagged", "flag"}};
    return marked;
}

} // namespace

int markedScreenAt(const Request& r) {
    const int screen = r.find({"tab", "screen", "page", "view", "list", "section"});
    if (screen < 0 || r.find({"add", "create", "include", "give", "want", "need", "show"}) < 0) return -1;
    for (int i = 0; i < static_cast<int>(r.words.size()); ++i)
        if (markedWords().count(r.words[i]) && std::abs(i - screen) <= 3) return i;
    return -1;
}

Outcome addMarkedScreen(EditLog& log, const Request& r, const RequestScope& scope) {
    const int word = markedScreenAt(r);
    const std::string verb = markedWords().at(r.words[static_cast<size_t>(word)]);
    const std::vector<AppList> lists = appLists(log.doc);
    // The rows the request names, else the app's first list.
    const AppList* list = pickList(lists, r.words, scope);
    if (!list && !lists.empty()) list = &lists.front();
    if (!list) return notFound("the rows to mark " + pastOf(verb));
    list = everyRowOf(lists, list);
    const std::string source = list->source;
    // Each row gets the button that marks it (unless it has one), then the screen of the marked rows.
    const Outcome marked = addRowButtonLabelled(log, capitalized(verb), {source}, scope);
    if (!marked.unsupported.empty() && !marked.alreadyThere) return marked;
    const std::string flag = draft::camelKey(capitalized(pastOf(verb)));
    if (log.doc["screens"].dump().find("." + flag) == std::string::npos)
        return cannot("tell which " + lowerAscii(source) + " are " + pastOf(verb) + ": the '" + capitalized(verb) + "' button there marks no field");
    // Two rows start marked, so the new screen shows what it is for.
    const Json& rows = log.doc["state"][source];
    for (size_t i = 0; i < rows.size() && i < 2; ++i)
        if (rows[i].is_object() && !rows[i].contains(flag)) log.add("/state/" + escapePointer(source) + "/" + std::to_string(i) + "/" + flag, i == 0);
    const std::vector<AppList> now = appLists(log.doc);
    const AppList* found = pickList(now, {source}, scope);
    if (!found) return notFound("the " + lowerAscii(source) + " list");
    const AppList* again = everyRowOf(now, found);
    std::string title = r.words[static_cast<size_t>(word)] == verb ? capitalized(verb) + "s" : capitalized(r.words[static_cast<size_t>(word)]);
    Outcome screen = addFilteredScreen(log, *again, again->alias + "." + flag, title, verb == "star" ? "star" : verb == "pin" ? "thumb-tack" : "heart");
    if (screen.unsupported.empty() && marked.unsupported.empty()) screen.summary = marked.summary + "; " + screen.summary;
    return screen;
}

int bulkWordAt(const Request& r) {
    const int all = r.find({"all", "every"});
    if (all < 0 || r.find({"mark", "complete", "clear", "delete", "remove", "archive", "finish", "close", "set", "check"}) < 0) return -1;
    return all;
}

Outcome addBulkAction(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    const int all = bulkWordAt(r);
    const std::vector<AppList> lists = appLists(doc);
    const AppList* list = pickList(lists, r.slice(all + 1, static_cast<int>(r.words.size())), scope);
    if (!list) return notFound("the rows to change all at once");
    list = everyRowOf(lists, list);
    if (list->before.empty()) return cannot("find a place above the " + lowerAscii(list->source) + " list for a button");
    const std::string rows = list->source, many = lowerAscii(labelFromWords({rows}));
    // The state the request names after "all": a yes/no field ("done", "read", "paid") or a status value ("Done").
    std::set<std::string> named;
    for (int i = all + 1; i < static_cast<int>(r.words.size()); ++i) named.insert(singularOf(r.words[i]));
    std::string field, value;
    Json to;
    for (auto& [k, v] : list->sample.items()) {
        const std::set<std::string> key = wordStems(k);
        if (v.is_boolean() && std::any_of(key.begin(), key.end(), [&](const std::string& w) { return named.count(w) > 0; })) field = k, to = true, value = k;
    }
    for (auto& row : doc["state"][rows])
        for (auto& [k, v] : row.items())
            if (field.empty() && v.is_string() && named.count(lowerAscii(v.get<std::string>()))) field = k, to = v, value = v.get<std::string>();
    const std::string test = field.empty() ? "" : to.is_boolean() ? "it." + field : "it." + field + " == " + draft::exprString(value);
    Json press;
    std::string label, said;
    if (r.hasAny({"clear", "delete", "remove"})) {
        // "clear all done tasks" removes those; "clear all tasks" every one.
        label = field.empty() ? "Clear all" : "Clear " + lowerAscii(value);
        said = field.empty() ? "all " + many + " removed" : lowerAscii(value) + " " + many + " removed";
        press = Json::array({field.empty() ? Json{{"set", rows}, {"value", Json::array()}} : Json{{"remove", rows}, {"where", "${" + test + "}"}},
                             Json{{"toast", capitalized(said)}}});
    } else {
        if (field.empty())
            return cannot("mark all " + many + " at once: no field of theirs says '" + joinWords(r.slice(all + 2, static_cast<int>(r.words.size()))) + "'");
        // Every row, rewritten with that one field changed (the other fields as they are).
        std::set<std::string> keys;
        for (auto& row : doc["state"][rows])
            for (auto& [k, v] : row.items()) keys.insert(k);
        std::string object;
        for (const std::string& k : keys) object += (object.empty() ? "" : ", ") + k + ": " + (k == field ? (to.is_boolean() ? std::string("true") : draft::exprString(value)) : "x." + k);
        label = "Mark all " + lowerAscii(value);
        said = "all " + many + " marked " + lowerAscii(value);
        press = Json::array({Json{{"set", rows}, {"value", "${map(" + rows + ", x => {" + object + "})}"}}, Json{{"toast", capitalized(said)}, {"tone", "success"}}});
    }
    log.add(list->before, Json{{"button", label}, {"id", uniqueName(draft::camelKey(label + " " + rows), idSet(doc))}, {"variant", "secondary"},
                               {"icon", label.rfind("Clear", 0) == 0 ? "trash" : "check"}, {"press", press}});
    return {"Added a '" + label + "' button above the " + many + " list on " + screenTitle(doc, list->owner) + ": " + said, ""};
}

bool asksEdit(const Request& r) {
    return r.hasAny({"edit", "editing", "editable", "modify"}) && !r.hasAny({"mode", "colour", "color", "theme", "font", "label", "text", "title"});
}

Outcome addEditForm(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    const std::vector<AppList> lists = appLists(doc);
    const int word = r.find({"edit", "editing", "editable", "modify"});
    std::vector<std::string> named = r.slice(word + 1, static_cast<int>(r.words.size()));
    if (named.empty()) named = r.slice(0, word);  // "make tasks editable"
    const AppList* list = pickList(lists, named, scope);
    if (!list) return notFound("the rows to edit");
    list = everyRowOf(lists, list);
    const std::string source = list->source, one = singularOf(lowerAscii(source));
    const RowDetail detail = rowDetailOf(doc, source);
    if (detail.children.empty()) return cannot("let people edit " + lowerAscii(source) + ": no screen shows one of them");
    const std::string create = createScreenOf(doc, source);
    if (create.empty()) return cannot("let people edit " + lowerAscii(source) + ": the app has no form for a new one to start from");

    // What the row's screen has already: an Edit button.
    bool twin = false;
    forEachNode(doc, [&](const NodeSite& s) {
        if (s.pointer.rfind(detail.children + "/", 0) != 0 || (s.type != "button" && s.type != "icon_button")) return true;
        twin = wordStems(literalText(s.node->value(s.type == "button" ? "button" : "label", std::string()))).count("edit") > 0;
        return !twin;
    });
    if (twin) return {"", "The screen of each " + one + " already has an Edit button" + std::string(kNeedsLlm), true};

    // The form's draft: the state object its save reads ("${habitDraft.name}" -> habitDraft); its save is left out.
    const Json& form = at(doc, create);
    std::string draftKey;
    forEachObject(form, "", [&](const Json& o, const std::string&) {
        if (!draftKey.empty() || !o.contains("push") || o["push"] != source || !o.contains("value") || !o["value"].is_object()) return;
        for (auto& v : o["value"]) {
            const std::string text = v.is_string() ? v.get<std::string>() : "";
            size_t end = 2;
            while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
            if (draftKey.empty() && text.rfind("${", 0) == 0 && end > 2 && end < text.size() && text[end] == '.') draftKey = text.substr(2, end - 2);
        }
    });
    if (draftKey.empty() || !form.contains("body") || !form["body"].is_array() || !doc.contains("state") || !doc["state"].contains(draftKey))
        return cannot("let people edit " + lowerAscii(source) + ": its form does not keep what is typed in one place");

    std::set<std::string> ids = idSet(doc);
    const std::string editKey = uniqueName(camelKey("edited " + one), keysOf(doc, "state"));
    const std::string screenId = uniqueName(camelKey("edit " + one), keysOf(doc, "screens"));
    // Every input of the form, bound to the edited copy and with ids of its own.
    Json body = Json::array();
    std::function<void(Json&)> rebind = [&](Json& n) {
        if (n.is_array()) for (auto& c : n) rebind(c);
        if (!n.is_object()) return;
        for (auto& [k, v] : n.items()) {
            if (k == "id" && v.is_string()) {
                v = uniqueName(camelKey("edit " + v.get<std::string>()), ids);
                ids.insert(v.get<std::string>());
            } else if (k == "bind" && v.is_string() && v.get<std::string>().rfind(draftKey + ".", 0) == 0) {
                v = editKey + v.get<std::string>().substr(draftKey.size());
            } else rebind(v);
        }
    };
    for (const Json& node : form["body"]) {
        bool saves = false;
        forEachObject(node, "", [&](const Json& o, const std::string&) { saves = saves || (o.contains("push") && o["push"] == source); });
        if (saves) continue;
        Json copy = node;
        rebind(copy);
        body.push_back(copy);
    }
    if (body.empty()) return cannot("let people edit " + lowerAscii(source) + ": its form has no inputs");
    const std::string title = titleField(list->sample);
    const std::string saved = title.empty() ? "Changes saved" : "${" + editKey + "." + title + "} saved";
    body.push_back(Json{{"button", "Save changes"}, {"id", uniqueName("saveEdited" + capitalized(camelKey(one)), ids)}, {"icon", "check"}, {"w", "fill"},
                        {"press", Json::array({Json{{"validate", true}},
                                               Json{{"set", source + ".${findIndex(" + source + ", y => y.id == params.id)}"}, {"value", "${" + editKey + "}"}},
                                               Json{{"toast", saved}, {"tone", "success"}}, Json("back")})}});

    log.add("/state/" + escapePointer(editKey), doc["state"][draftKey]);
    log.add("/screens/" + escapePointer(screenId), Json{{"title", "Edit " + one}, {"body", body}});
    const Json open = Json::array({Json{{"set", editKey}, {"value", "${" + detail.alias + "}"}},
                                   Json{{"navigate", screenId}, {"params", Json{{"id", "${" + detail.alias + ".id}"}}}}});
    Json edit = Json{{"button", "Edit"}, {"icon", "pencil"}, {"variant", "secondary"}, {"w", "fill"}, {"id", uniqueName("edit" + capitalized(camelKey(one)) + "Button", ids)}, {"press", open}};
    placeBeside(log, detail.children, edit);
    return {"Added an Edit button to the screen of each " + one + ": it opens 'Edit " + one + "' with the " + screenTitle(doc, create) +
                " form filled in, and Save changes updates the " + one,
            ""};
}

} // namespace pt::refine
