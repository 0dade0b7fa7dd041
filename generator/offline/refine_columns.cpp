// Promptotype — the offline refiner's new columns and fields of rows. See refine_columns.h.

#include "generator/offline/refine_columns.h"
#include "generator/offline/draft_patterns.h"
#include "generator/offline/refine_lists.h"
#include "runtime/spec/catalog.h"

namespace pt::refine {

int fillRowsWith(EditLog& log, const std::string& source, const std::string& key, const std::string& label) {
    const std::string pointer = "/state/" + escapePointer(source);
    if (!has(log.doc, pointer) || !at(log.doc, pointer).is_array()) return 0;
    const Json rows = at(log.doc, pointer);
    // The drafter invents what a row lacks; the field is not the title (that one is a row's name).
    std::string kind = draft::fieldKindFor(label, "");
    if (kind == "choice" || kind == "image") kind = "text";
    IdeaEntity e{draft::singularOf(lowerAscii(source)), lowerAscii(source), {{"title", "Title", "text", {}}, {key, label, kind, {}}}, "", rows};
    const Json invented = draft::completeRows(e);
    int changed = 0;
    for (size_t i = 0; i < rows.size() && i < invented.size(); ++i)
        if (rows[i].is_object() && !rows[i].contains(key)) {
            log.add(pointer + "/" + std::to_string(i) + "/" + escapePointer(key), invented[i][key]);
            ++changed;
        }
    return changed;
}

Outcome addListColumn(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    // "add a column for the due date to the loans table", "add a due date column to the loans list"
    // "show the role in the list": no column word, the value is what is shown.
    const int verb = r.find({"add", "insert", "include", "show", "give", "put", "display"});
    int to = r.findLast({"to", "on", "in", "into"});
    const int column = r.hasAny({"column", "columns"}) ? r.find({"column", "columns"}) : to;
    int named = r.find({"for", "with", "showing", "of", "called", "named"}, column + 1);
    std::vector<std::string> labelWords;
    if (named > column && (to < named)) to = static_cast<int>(r.words.size());
    if (named > column) labelWords = r.slice(named + 1, to > named ? to : static_cast<int>(r.words.size()));
    else labelWords = r.slice(verb + 1, r.hasAny({"column", "columns"}) ? column : std::max(r.find({"to", "on", "in", "into"}, verb + 1), verb + 1));
    // "the judge's name" of rows that keep the judge: the name is how that value is shown.
    if (labelWords.size() > 1 && labelWords.back() == "name") {
        const std::string person = draft::camelKey(labelFromWords({labelWords.begin(), labelWords.end() - 1}));
        for (const AppList& l : appLists(doc))
            if (l.sample.is_object() && l.sample.contains(person)) {
                labelWords.pop_back();
                break;
            }
    }
    const std::string label = r.quotes.empty() ? labelFromWords(labelWords) : r.quotes.front();
    if (label.empty()) return cannot("add a column without knowing what it shows (say e.g. \"add a column for the due date to the loans table\")");
    const std::vector<AppList> lists = appLists(doc);
    const std::vector<std::string> where = to >= 0 && to < static_cast<int>(r.words.size()) ? r.slice(to + 1, static_cast<int>(r.words.size())) : r.words;
    const AppList* list = pickList(lists, where, scope);
    // "the list", named no further: the list of the rows that have that value, or whose form asks for it.
    const std::string key = draft::camelKey(label);
    for (const AppList& l : lists) {
        const Json* form = doc.contains("state") && doc["state"].is_object() && doc["state"].contains(draft::singularOf(l.source) + "Draft") ? &doc["state"][draft::singularOf(l.source) + "Draft"] : nullptr;
        if (!list && ((l.sample.is_object() && l.sample.contains(key)) || (form && form->is_object() && form->contains(key)))) list = &l;
    }
    if (!list) return notFound("the list or table for a '" + label + "' column");
    list = everyRowOf(lists, list);
    return showField(log, *list, label);
}

Outcome showField(EditLog& log, const AppList& shownIn, const std::string& label) {
    const Json doc = log.doc;
    const AppList* list = &shownIn;
    // A field the rows already have is shown, not invented again.
    std::string key = draft::camelKey(label);
    const std::set<std::string> labelStems = wordStems(label);
    if (list->sample.is_object())
        for (auto& [k, v] : list->sample.items())
            if (wordStems(k) == labelStems) key = k;
    const int filled = fillRowsWith(log, list->source, key, label);
    const std::string title = screenTitle(doc, list->owner);
    const Json& node = at(doc, list->pointer);
    if (node.contains("table")) {
        Json columns = node.contains("columns") && node["columns"].is_array() ? node["columns"] : Json::array();
        if (columns.empty() && list->sample.is_object())
            for (auto& [k, v] : list->sample.items()) columns.push_back(k);
        for (auto& c : columns)
            if (c == key || (c.is_object() && c.value("key", std::string()) == key))
                return {"", "The " + lowerAscii(list->source) + " table on " + title + " already has a " + label + " column" + std::string(kNeedsLlm), true};
        Json col = Json{{"key", key}, {"label", label}};
        const std::string kind = draft::fieldKindFor(label, "");
        if (kind == "money") col["format"] = "currency";
        if (kind == "date") col["format"] = "date";
        columns.push_back(col);
        log.set(list->pointer + "/columns", columns);
        return {"Added a " + label + " column to the " + lowerAscii(list->source) + " table on " + title +
                    (filled ? " (the " + std::to_string(filled) + " rows have one)" : ""), ""};
    }
    // A repeated row: the value joins the subtitle of the row's first item, heading or card.
    std::string target;
    const std::string raw = "${" + list->alias + "." + key + "}";
    const std::string shown = draft::shownValue({key, label, draft::fieldKindFor(label, ""), {}}, list->alias);
    forEachNode(doc, [&](const NodeSite& s) {
        if (s.pointer != list->pointer && s.pointer.rfind(list->pointer + "/", 0) != 0) return true;
        const WidgetDef* def = WidgetCatalog::get().find(s.type);
        if (def && def->prop("subtitle")) target = s.pointer;
        return target.empty();
    });
    if (target.empty()) return cannot("show a new value in the rows of the " + lowerAscii(list->source) + " list (its rows have no subtitle)");
    const Json& row = at(doc, target);
    if (row.dump().find(shown) != std::string::npos || row.dump().find(raw) != std::string::npos) return {"", "The " + lowerAscii(list->source) + " list already shows the " + label + std::string(kNeedsLlm), true};
    const std::string now = row.contains("subtitle") && row["subtitle"].is_string() ? row["subtitle"].get<std::string>() : "";
    log.set(target + "/subtitle", now.empty() ? shown : now + " · " + shown);
    return {"Added the " + label + " to each row of the " + lowerAscii(list->source) + " list on " + title +
                (filled ? " (the " + std::to_string(filled) + " rows have one)" : ""), ""};
}

std::string showOnDetail(EditLog& log, const std::string& source, const std::string& key, const std::string& label, const std::string& kind) {
    const Json doc = log.doc;
    const RowDetail detail = rowDetailOf(doc, source);
    if (detail.children.empty()) return "";
    const std::string value = draft::shownValue({key, label, kind, {}}, detail.alias);
    if (at(doc, detail.node).dump().find(detail.alias + "." + key) != std::string::npos) return "";
    const Json& kids = at(doc, detail.children);
    const std::string where = " on the screen of each " + draft::singularOf(lowerAscii(source));
    if (kind == "longtext") {
        log.add(detail.children + "/" + std::to_string(beforeButtons(kids)), Json{{"card", Json::array({Json{{"text", "${" + detail.alias + "." + key + "}"}}})}, {"title", label}});
        return withArticle(label) + " card" + where;
    }
    // The drafter's details are a titled list of value-over-label rows; the field joins it, else starts one.
    const Json line = Json{{"item", value}, {"subtitle", label}};
    for (size_t i = 0; i < kids.size(); ++i)
        if (kids[i].is_object() && kids[i].contains("list") && kids[i]["list"].is_array() && kids[i].value("title", std::string()) == "Details") {
            log.add(detail.children + "/" + std::to_string(i) + "/list/-", line);
            return withArticle(label) + " line in the details" + where;
        }
    log.add(detail.children + "/" + std::to_string(beforeButtons(kids)), Json{{"list", Json::array({line})}, {"title", "Details"}});
    return withArticle(label) + " line" + where;
}

} // namespace pt::refine
