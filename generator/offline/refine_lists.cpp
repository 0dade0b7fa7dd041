// Promptotype — the offline refiner's list requests (see refine_lists.h).
//
// [SECTION] Expressions
// [SECTION] Lists of the app
// [SECTION] Rows and fields
// [SECTION] Controls above a list
// [SECTION] Search
// [SECTION] Filter chips
// [SECTION] Sort
// [SECTION] Count badge

#include "generator/offline/refine_lists.h"
#include "generator/offline/draft_patterns.h"
#include "generator/offline/refine_columns.h"
#include "runtime/spec/catalog.h"
#include <cctype>
#include <map>
#include <regex>

namespace pt::refine {

using draft::camelKey;
using draft::capitalized;
using draft::singularOf;

//-----------------------------------------------------------------------------
// [SECTION] Expressions
//-----------------------------------------------------------------------------

namespace {

// Calls `visit(start, length)` for each identifier of an expression outside quotes that is not a member (after '.').
void forEachFreeIdentifier(const std::string& e, const std::function<void(size_t, size_t)>& visit) {
    char quote = 0;
    for (size_t i = 0; i < e.size(); ++i) {
        char c = e[i];
        if (quote) {
            if (c == '\\') ++i;
            else if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') { quote = c; continue; }
        if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '_')) continue;
        size_t end = i;
        while (end < e.size() && isWordChar(e[end])) ++end;
        size_t before = e.find_last_not_of(' ', i == 0 ? std::string::npos : i - 1);
        bool member = i > 0 && before != std::string::npos && e[before] == '.';
        if (!member && !std::isdigit(static_cast<unsigned char>(c))) visit(i, end - i);
        i = end - 1;
    }
}

// Whether the identifier at `end` is bound by a lambda ("h => ...").
bool bindsLambda(const std::string& e, size_t end) {
    size_t next = e.find_first_not_of(' ', end);
    return next != std::string::npos && e.compare(next, 2, "=>") == 0;
}

// A string literal of the expression language holding `text`.
std::string stringLiteral(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

// "cartItems" -> "cart items": a state key as people say it.
std::string spokenKey(const std::string& key) {
    std::string out;
    for (size_t i = 0; i < key.size(); ++i) {
        char c = key[i];
        if (c == '_' || c == '-') { out += ' '; continue; }
        if (std::isupper(static_cast<unsigned char>(c)) && i > 0 && std::islower(static_cast<unsigned char>(key[i - 1]))) out += ' ';
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace

bool renameIdentifier(const std::string& text, const std::string& name, const std::string& replacement, std::string* out) {
    out->clear();
    bool clean = true;
    for (auto& piece : splitTemplate(text)) {
        if (!piece.expression) { *out += piece.text; continue; }
        const std::string& e = piece.text;
        std::string rewritten;
        size_t copied = 0;
        forEachFreeIdentifier(e, [&](size_t start, size_t length) {
            if (e.compare(start, length, name) != 0 || length != name.size()) return;
            if (bindsLambda(e, start + length)) { clean = false; return; }
            rewritten += e.substr(copied, start - copied) + replacement;
            copied = start + length;
        });
        *out += rewritten + e.substr(copied);
    }
    return clean;
}

//-----------------------------------------------------------------------------
// [SECTION] Lists of the app
//-----------------------------------------------------------------------------

namespace {

// "${expr}" -> "expr" when the whole string is one expression, else "".
std::string wholeExpression(const Json& v) {
    if (!v.is_string()) return "";
    std::vector<TextPiece> pieces = splitTemplate(v.get<std::string>());
    if (pieces.size() != 1 || !pieces[0].expression || pieces[0].text.size() < 4) return "";
    return pieces[0].text.substr(2, pieces[0].text.size() - 3);
}

// The first state array of objects the expression reads ("" when none).
std::string sourceOf(const Json& doc, const std::string& expr) {
    if (!doc.contains("state") || !doc["state"].is_object()) return "";
    const Json& state = doc["state"];
    std::string found;
    forEachFreeIdentifier(expr, [&](size_t start, size_t length) {
        std::string id = expr.substr(start, length);
        if (!found.empty() || !state.contains(id)) return;
        const Json& v = state[id];
        if (v.is_array() && !v.empty() && v[0].is_object()) found = id;
    });
    return found;
}

// Whether a strict ancestor of the node at `pointer` repeats.
bool repeatedAbove(const Json& doc, const std::string& pointer) {
    return pointer.find('/', 1) != std::string::npos && parentPointer(pointer) != "" && insideRepeat(doc, parentPointer(pointer));
}

// Stems of the shown titles of the node at `pointer` and of the containers around it.
void addTitleWords(const Json& doc, std::string pointer, std::set<std::string>* words) {
    for (; pointer.size() > 1; pointer = parentPointer(pointer)) {
        const Json& j = at(doc, pointer);
        if (!j.is_object()) continue;
        for (const char* key : {"title", "id"})
            if (j.contains(key) && j[key].is_string())
                for (auto& s : wordStems(literalText(j[key].get<std::string>()))) words->insert(s);
        if (ownerOf(pointer) == pointer) break;
    }
}

} // namespace

std::vector<AppList> appLists(const Json& doc) {
    std::vector<AppList> out;
    std::map<std::string, std::string> navLabels;
    if (doc.contains("nav") && doc["nav"].is_object() && doc["nav"].contains("items") && doc["nav"]["items"].is_array())
        for (auto& item : doc["nav"]["items"])
            if (item.is_object() && item.contains("screen") && item["screen"].is_string() && item.contains("label") && item["label"].is_string())
                navLabels[item["screen"].get<std::string>()] = literalText(item["label"].get<std::string>());
    forEachNode(doc, [&](const NodeSite& site) {
        if (site.owner.rfind("/screens/", 0) != 0) return true;
        AppList list;
        const Json& n = *site.node;
        if (n.contains("repeat") && n["repeat"].is_object()) {
            list.rowsPointer = site.pointer + "/repeat/in";
            list.rows = wholeExpression(n["repeat"].value("in", Json()));
            list.alias = n["repeat"].value("as", std::string("item"));
        } else if (site.type == "table") {
            std::string key = n.contains(site.typeKey) ? site.typeKey : "rows";
            list.rowsPointer = site.pointer + "/" + escapePointer(key);
            list.rows = wholeExpression(n.value(key, Json()));
            list.alias = "row";
        }
        // Detail screens repeat over the one row their params name: not a list.
        if (list.rows.empty() || list.rows.find("params") != std::string::npos) return true;
        list.source = sourceOf(doc, list.rows);
        if (list.source.empty()) return true;
        const Json& state = doc["state"];
        while (state.contains(list.alias) && list.rowsPointer.rfind("/repeat/in") == std::string::npos) list.alias += "Row";
        list.pointer = site.pointer;
        list.owner = site.owner;
        list.sample = state[list.source][0];
        // The control goes before the outermost element around the list that is not itself repeated.
        for (std::string p = site.pointer; p.size() > site.owner.size(); p = parentPointer(p))
            if (at(doc, parentPointer(p)).is_array() && !repeatedAbove(doc, p)) list.before = p;
        list.sourceWords = wordStems(list.source);
        list.words = list.sourceWords;
        addTitleWords(doc, site.pointer, &list.words);
        std::string screen = lastToken(site.owner);
        if (navLabels.count(screen))
            for (auto& s : wordStems(navLabels[screen])) list.words.insert(s);
        out.push_back(std::move(list));
        return true;
    });
    return out;
}

namespace {

// Shows only a few of its rows ("slice(...)")?
bool sliced(const AppList& list) { return list.rows.find("slice(") != std::string::npos; }

} // namespace

const AppList* pickList(const std::vector<AppList>& lists, const std::vector<std::string>& words, const RequestScope& scope) {
    const AppList* best = nullptr;
    int bestScore = 0;
    for (auto& list : lists) {
        int score = 0;
        for (auto& w : words) {
            if (isFiller(w)) continue;
            std::string one = singularOf(w);
            if (list.sourceWords.count(one)) score += 3;
            else if (list.words.count(one)) score += 1;
        }
        // A tie goes to the list of every row: a dashboard's few recent rows are not where a list's controls go.
        const bool fuller = best && score == bestScore && sliced(*best) && !sliced(list);
        if (score > bestScore || fuller) best = &list, bestScore = score;
    }
    if (best) return best;
    for (auto& list : lists)
        if (!scope.owner.empty() && list.owner == scope.owner) return &list;
    return lists.size() == 1 ? &lists.front() : nullptr;
}

const AppList* everyRowOf(const std::vector<AppList>& lists, const AppList* list) {
    if (!sliced(*list)) return list;
    for (const AppList& full : lists)
        if (full.source == list->source && !sliced(full)) return &full;
    return list;
}

RowDetail rowDetailOf(const Json& doc, const std::string& source) {
    RowDetail d;
    forEachNode(doc, [&](const NodeSite& s) {
        auto repeat = s.node->find("repeat");
        if (repeat == s.node->end() || !repeat->is_object() || !repeat->contains("in") || !(*repeat)["in"].is_string()) return true;
        const std::string in = (*repeat)["in"].get<std::string>();
        // "filter(tasks, x => x.id == params.id)", or the row at that index: "[tasks[params.id ?? 0]]".
        if (in.find("params.id") == std::string::npos || (in.find("(" + source + ",") == std::string::npos && in.find(source + "[params.id") == std::string::npos)) return true;
        d.node = s.pointer;
        d.alias = repeat->value("as", std::string("item"));
        if (!s.childrenKey.empty() && (*s.node)[s.childrenKey].is_array()) d.children = s.pointer + "/" + escapePointer(s.childrenKey);
        return false;
    });
    return d;
}

std::string createScreenOf(const Json& doc, const std::string& source) {
    if (!doc.contains("screens") || !doc["screens"].is_object()) return "";
    for (auto& [id, screen] : doc["screens"].items()) {
        bool saves = false;
        forEachObject(screen, "", [&](const Json& o, const std::string&) {
            if (saves || !o.contains("push") || o["push"] != source || !o.contains("value") || !o["value"].is_object()) return;
            saves = std::any_of(o["value"].begin(), o["value"].end(), [](const Json& v) {
                const std::string text = v.is_string() ? v.get<std::string>() : "";
                return text.rfind("${", 0) == 0 && text.find('.') != std::string::npos && std::isalpha(static_cast<unsigned char>(text[2]));
            });
        });
        if (saves) return "/screens/" + escapePointer(id);
    }
    return "";
}

std::string rowFieldPath(const std::string& source, const std::string& alias, const std::string& field) {
    draft::EntityPlan plan;
    plan.key = source;
    return draft::rowPath(plan, alias, field);
}

size_t beforeButtons(const Json& children) {
    for (size_t i = 0; i < children.size(); ++i)
        if (children[i].is_object() && children[i].contains("button")) return i;
    return children.size();
}

//-----------------------------------------------------------------------------
// [SECTION] Rows and fields
//-----------------------------------------------------------------------------

namespace {

// A field of the rows, as its values show it.
struct RowField {
    std::string key;
    std::string kind;   // "text", "number", "bool", "date", "other"
};

std::vector<RowField> rowFields(const AppList& list) {
    std::vector<RowField> out;
    for (auto& [key, v] : list.sample.items()) {
        std::string kind = v.is_boolean() ? "bool" : v.is_number() ? "number" : v.is_string() ? "text" : "other";
        if (kind == "text") {
            const std::string& s = v.get_ref<const std::string&>();
            if (s.size() >= 10 && std::isdigit(static_cast<unsigned char>(s[0])) && s[4] == '-' && s[7] == '-') kind = "date";
        }
        out.push_back({key, kind});
    }
    return out;
}

// Fields that hold words people read (not ids, icons, colors or links).
bool isReadableText(const RowField& f) {
    static const std::set<std::string> hidden = stems({"id", "icon", "image", "avatar", "color", "colour", "tone", "url", "photo", "link", "key"});
    if (f.kind != "text") return false;
    std::set<std::string> w = wordStems(f.key);
    return std::none_of(w.begin(), w.end(), [&](const std::string& s) { return hidden.count(s) > 0; });
}

// Whether a word names a field's word: the same, or one shortens the other ("prio" for "priority", "qty" is not).
bool namesWord(const std::string& word, const std::string& stem) {
    const std::string w = singularOf(word);
    if (w == stem) return true;
    const std::string& shorter = w.size() < stem.size() ? w : stem;
    const std::string& longer = w.size() < stem.size() ? stem : w;
    return shorter.size() >= 3 && longer.rfind(shorter, 0) == 0;
}

// The field the words name ("by due date" -> dueDate, "by priority" -> prio), or null.
const RowField* fieldNamed(const std::vector<RowField>& fields, const std::vector<std::string>& words) {
    const RowField* best = nullptr;
    size_t bestHits = 0;
    for (auto& f : fields) {
        std::set<std::string> stemsOfKey = wordStems(f.key);
        size_t hits = static_cast<size_t>(std::count_if(words.begin(), words.end(), [&](const std::string& w) {
            return std::any_of(stemsOfKey.begin(), stemsOfKey.end(), [&](const std::string& s) { return namesWord(w, s); });
        }));
        if (hits > bestHits) best = &f, bestHits = hits;
    }
    return best;
}

// The distinct values of a field over the rows, in first-seen order.
std::vector<Json> distinctValues(const Json& doc, const AppList& list, const std::string& key) {
    std::vector<Json> out;
    for (auto& row : doc["state"][list.source])
        if (row.is_object() && row.contains(key) && std::find(out.begin(), out.end(), row[key]) == out.end()) out.push_back(row[key]);
    return out;
}

// Rewrites the list's rows expression; a repeat over a plain state array whose body addresses rows by `index`
// ("habits.${index}.done") gets the row's place in that array instead, since `index` now counts the shown rows.
void setRows(EditLog& log, const AppList& list, const std::string& rows) {
    const Json doc = log.doc;
    log.replace(list.rowsPointer, "${" + rows + "}");
    if (list.rows != list.source || list.rowsPointer.rfind("/repeat/in") == std::string::npos) return;
    const std::string place = "indexOf(" + list.source + ", " + list.alias + ")";
    std::function<void(const Json&, const std::string&, bool)> walk = [&](const Json& j, const std::string& pointer, bool root) {
        if (j.is_object()) {
            if (!root && j.contains("repeat")) return;   // a nested list has its own index
            for (auto& [k, v] : j.items())
                if (!(root && k == "repeat")) walk(v, pointer + "/" + escapePointer(k), false);
        } else if (j.is_array()) {
            for (size_t i = 0; i < j.size(); ++i) walk(j[i], pointer + "/" + std::to_string(i), false);
        } else if (j.is_string()) {
            std::string now;
            if (renameIdentifier(j.get<std::string>(), "index", place, &now) && now != j.get<std::string>()) log.replace(pointer, now);
        }
    };
    walk(at(doc, list.pointer), list.pointer, true);
}

//-----------------------------------------------------------------------------
// [SECTION] Controls above a list
//-----------------------------------------------------------------------------

// The words of the request that name the list (after "to/on/in/for" or the verb), and the rest.
std::vector<std::string> listWords(const Request& r) {
    static const std::set<std::string> feature = {"add", "search", "filter", "chip", "chips", "sort", "sorting", "let", "user", "users", "people",
                                                  "by", "list", "control", "option", "options", "allow", "able", "show", "bar", "order", "reorder"};
    std::vector<std::string> out;
    // "... by streak", "... that matches on name or phone number": what it goes by, not which list.
    int by = r.find({"by", "that", "which", "matching", "matches", "match"});
    for (int i = 0; i < static_cast<int>(r.words.size()); ++i)
        if (!(by >= 0 && i > by) && !feature.count(r.words[i]) && !isFiller(r.words[i])) out.push_back(r.words[i]);
    return out;
}

// A new state key named after the list's rows ("habitsQuery").
std::string stateKeyFor(const EditLog& log, const AppList& list, const std::string& what) {
    return uniqueName(camelKey(spokenKey(list.source) + " " + what), keysOf(log.doc, "state"));
}

// Adds the control above the list, bound to a new state key with its first value (after setRows: it moves the list).
void addControl(EditLog& log, const AppList& list, Json node, const std::string& key, Json initial) {
    log.add("/state/" + escapePointer(key), std::move(initial));
    log.add(list.before, std::move(node));
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Search
//-----------------------------------------------------------------------------

// What a search should match, as the request names it: "that matches on name or phone number" -> "name", "phone number".
std::vector<std::string> matchedLabels(const Request& r) {
    const int at = r.find({"matches", "matching", "match"});
    if (at < 0) return {};
    std::vector<std::string> out;
    std::string label;
    for (size_t i = static_cast<size_t>(at) + 1; i <= r.words.size(); ++i) {
        const std::string w = i < r.words.size() ? r.words[i] : "or";
        if (w == "or" || w == "and") {
            if (!label.empty()) out.push_back(std::exchange(label, {}));
        } else if (w != "on" && w != "by" && w != "against" && !isFiller(w)) {
            label += (label.empty() ? "" : " ") + w;
        }
    }
    return out;
}

Outcome addListSearch(EditLog& log, const Request& r, const RequestScope& scope) {
    std::vector<AppList> lists = appLists(log.doc);
    const AppList* list = pickList(lists, listWords(r), scope);
    if (!list) return notFound("a list to search (" + std::string(lists.empty() ? "it shows no rows from its state" : "say which list") + ")");
    if (list->before.empty()) return cannot("find a place above the " + spokenKey(list->source) + " list for a search field");
    // The fields the request names are searched, shown first where the rows lack them ("matches on phone number").
    const std::vector<std::string> named = matchedLabels(r);
    std::vector<std::string> searched, shownNow;
    for (const std::string& label : named) {
        std::string key;
        for (auto& f : rowFields(*list))
            if (wordStems(f.key) == wordStems(label)) key = f.key;
        if (key.empty()) {
            if (!showField(log, *list, capitalized(label)).unsupported.empty()) continue;
            key = draft::camelKey(label);
            shownNow.push_back(label);
        }
        searched.push_back(key);
    }
    const Json doc = log.doc;
    if (searched.empty())
        for (auto& f : rowFields(*list))
            if (isReadableText(f) && searched.size() < 3) searched.push_back(f.key);
    if (searched.empty()) return cannot("search the " + spokenKey(list->source) + " list: its rows have no text to search");
    std::string text;
    for (auto& f : searched) text += (text.empty() ? "" : " + ' ' + ") + std::string("str(") + list->alias + "." + f + ")";
    std::string by;
    for (auto& f : searched) by += (by.empty() ? "" : ", ") + spokenKey(f);
    std::string added;
    for (const std::string& label : shownNow) added += (added.empty() ? "; the rows now show the " : " and the ") + label;
    // A search already bound into the rows expression: it is widened to the named fields, or left as it is.
    std::string bound;
    forEachNode(doc, [&](const NodeSite& s) {
        if (s.owner == list->owner && s.type == "search" && s.node->contains("bind") && (*s.node)["bind"].is_string() &&
            list->rows.find((*s.node)["bind"].get<std::string>()) != std::string::npos)
            bound = (*s.node)["bind"].get<std::string>();
        return bound.empty();
    });
    if (!bound.empty()) {
        const size_t at = list->rows.find("lower(" + bound + ")");
        const size_t open = at == std::string::npos ? at : list->rows.rfind("contains(", at);
        if (named.empty() || open == std::string::npos)
            return {"", "The " + spokenKey(list->source) + " list on " + screenTitle(doc, list->owner) + " already has a search field" + kNeedsLlm, true};
        const size_t close = at + std::string("lower(" + bound + ")").size() + 1;
        setRows(log, *list, list->rows.substr(0, open) + "contains(lower(" + text + "), lower(" + bound + "))" + list->rows.substr(close));
        return {"The search above the " + spokenKey(list->source) + " list on " + screenTitle(doc, list->owner) + " now matches " + by + added, ""};
    }
    std::string key = stateKeyFor(log, *list, "query");
    std::string rows = "filter(" + list->rows + ", " + list->alias + " => contains(lower(" + text + "), lower(trim(" + key + "))))";
    // A few recent rows (a dashboard's) stay as they are until something is typed; then the search finds any row.
    if (sliced(*list))
        rows = "trim(" + key + ") == '' ? " + list->rows + " : filter(" + list->source + ", " + list->alias + " => contains(lower(" + text + "), lower(trim(" + key + "))))";
    Json node = Json{{"search", "Search " + spokenKey(list->source)}, {"id", uniqueName(camelKey("search " + spokenKey(list->source)), idSet(doc))}, {"bind", key}};
    setRows(log, *list, rows);
    addControl(log, *list, node, key, "");
    return {"Added a search field above the " + spokenKey(list->source) + " list on " + screenTitle(doc, list->owner) + " (matches " + by + ")" + added, ""};
}

//-----------------------------------------------------------------------------
// [SECTION] Filter chips
//-----------------------------------------------------------------------------

namespace {

// The values a filter request names for the rows: "chips for active and archived habits" -> active, archived; "filter
// tasks into open and closed" -> open, closed. Empty unless two or more, each of one or two words.
std::vector<std::string> namedValues(const Request& r, const AppList& list) {
    const int from = r.find({"for", "into", "between", "show"});
    if (from < 0) return {};
    std::vector<std::string> values;
    std::string current;
    for (int i = from + 1; i < static_cast<int>(r.words.size()); ++i) {
        const std::string& w = r.words[static_cast<size_t>(i)];
        if (list.sourceWords.count(singularOf(w)) || w == "ones" || w == "items" || w == "rows") break;
        if (w == "and" || w == "or" || w == ",") {
            if (!current.empty()) values.push_back(current);
            current.clear();
            continue;
        }
        if (isFiller(w)) continue;
        if (std::count(current.begin(), current.end(), ' ') >= 1) return {};
        current += (current.empty() ? "" : " ") + w;
    }
    if (!current.empty()) values.push_back(current);
    return values.size() >= 2 && values.size() <= 5 ? values : std::vector<std::string>();
}

} // namespace

Outcome addListFilter(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    std::vector<AppList> lists = appLists(doc);
    const AppList* list = pickList(lists, listWords(r), scope);
    if (!list) return notFound("a list to filter (" + std::string(lists.empty() ? "it shows no rows from its state" : "say which list") + ")");
    // Chips filter every row: a dashboard's few recent ones only when the request names that screen.
    if (findScreen(doc, r.words) != lastToken(list->owner)) list = everyRowOf(lists, list);
    if (list->before.empty()) return cannot("find a place above the " + spokenKey(list->source) + " list for filter chips");
    std::vector<RowField> fields = rowFields(*list);
    const size_t rowCount = doc["state"][list->source].size();
    // A field with a few repeating values: the one the request names ("by status"), else the first such.
    // A field the request names ("a judge filter") may group the few rows one each.
    const RowField* asked = nullptr;
    auto choices = [&](const RowField& f) {
        std::vector<Json> values = distinctValues(log.doc, *list, f.key);
        bool fits = (f.kind == "text" || f.kind == "bool") && values.size() >= 2 && values.size() <= 6 && (values.size() < rowCount || &f == asked);
        for (auto& v : values)
            if (v.is_string() && (v.get<std::string>().empty() || v.get<std::string>().size() > 24)) fits = false;
        return fits ? values : std::vector<Json>();
    };
    int by = r.find({"by"});
    const RowField* field = by >= 0 ? fieldNamed(fields, r.slice(by + 1, static_cast<int>(r.words.size()))) : nullptr;
    // "filter by Morning, Afternoon and Evening shifts": values no field has are a new one (below), named by the noun after
    // them, even where the noun is like a field's ("Evening departures" are no departure time).
    std::vector<std::string> listed = listedChoices(r.text);
    if (field && !listed.empty()) {
        const std::vector<Json> values = distinctValues(log.doc, *list, field->key);
        const bool holds = std::any_of(listed.begin(), listed.end(), [&](const std::string& v) {
            return std::any_of(values.begin(), values.end(), [&](const Json& have) { return have.is_string() && lowerAscii(have.get<std::string>()) == lowerAscii(v); });
        });
        if (!holds) field = nullptr;
    }
    if (field) listed.clear();
    if (by >= 0 && !field && listed.empty()) return notFound("a field '" + joinWords(r.slice(by + 1, static_cast<int>(r.words.size()))) + "' in the " + spokenKey(list->source));
    // "add a judge filter": the field named right before "filter".
    if (const int filterAt = r.find({"filter", "filters"}); !field && filterAt > 0) field = fieldNamed(fields, r.slice(filterAt - 1, filterAt));
    asked = field;
    // "so I can see just the overdue ones": the field one of whose values the request says.
    if (!field)
        for (auto& f : fields)
            for (auto& v : choices(f))
                if (!field && v.is_string() && r.has(lowerAscii(v.get<std::string>()))) field = &f;
    // "filter chips for active and archived habits": values no field has yet become one, spread over the rows.
    RowField added;
    std::string addedValues;
    if (const std::vector<std::string> named = !listed.empty() ? listed : by < 0 && !field ? namedValues(r, *list) : std::vector<std::string>(); named.size() >= 2) {
        std::set<std::string> keys;
        for (auto& [k, v] : list->sample.items()) keys.insert(k);
        // The noun right after the values names them ("... Evening shifts" -> shift), unless it is the rows' own.
        std::string noun = "status";
        const std::string lastValue = lowerAscii(named.back());
        const size_t after = lowerAscii(r.text).find(lastValue);
        if (!listed.empty() && after != std::string::npos) {
            const std::vector<std::string> rest = readRequest(r.text.substr(after + lastValue.size())).words;
            if (!rest.empty() && !isFiller(rest.front()) && singularOf(rest.front()) != singularOf(lowerAscii(list->source)) &&
                std::all_of(rest.front().begin(), rest.front().end(), ::isalpha))
                noun = singularOf(rest.front());
        }
        added = RowField{uniqueName(noun, keys), "text"};
        const Json& rows = doc["state"][list->source];
        for (size_t i = 0; i < rows.size(); ++i)
            if (rows[i].is_object())
                log.add("/state/" + escapePointer(list->source) + "/" + std::to_string(i) + "/" + added.key, capitalized(named[(i + i / named.size()) % named.size()]));
        for (auto& v : named) addedValues += (addedValues.empty() ? "" : ", ") + capitalized(v);
        field = &added;
    }
    if (!field)
        for (auto& f : fields)
            if (!choices(f).empty()) { field = &f; break; }
    // A date falls into groups by where it is from today: chips Today, Upcoming and Past.
    if (field && field->kind == "date") {
        const std::string key = stateKeyFor(log, *list, field->key + " filter"), day = list->alias + "." + field->key;
        const std::string rows = "filter(" + list->rows + ", " + list->alias + " => " + key + " == 'All' || (" + key + " == 'Today' && isToday(" + day + ")) || (" + key +
                                 " == 'Upcoming' && isFuture(" + day + ")) || (" + key + " == 'Past' && isPast(" + day + ")))";
        Json node = Json{{"chips", Json::array({"All", "Today", "Upcoming", "Past"})}, {"id", uniqueName(camelKey(spokenKey(list->source) + " by " + field->key), idSet(doc))}, {"bind", key}};
        setRows(log, *list, rows);
        addControl(log, *list, node, key, "All");
        return {"Added filter chips by " + spokenKey(field->key) + " (today, upcoming, past) above the " + spokenKey(list->source) + " list on " + screenTitle(doc, list->owner), ""};
    }
    if (!field || choices(*field).empty())
        return cannot("filter the " + spokenKey(list->source) + " list" + (field ? " by " + spokenKey(field->key) + " (its values do not fall into a few groups)" : ": no field of its rows falls into a few groups"));
    std::string key = stateKeyFor(log, *list, field->key + " filter");
    Json options = Json::array({"All"});
    std::string value = list->alias + "." + field->key;
    if (field->kind == "bool") {
        options.push_back(Json{{"label", capitalized(spokenKey(field->key))}, {"value", "yes"}});
        options.push_back(Json{{"label", "Not " + spokenKey(field->key)}, {"value", "no"}});
        value = "(" + value + " ? 'yes' : 'no')";
    } else {
        for (auto& v : choices(*field)) {
            std::string s = v.get<std::string>();
            options.push_back(capitalized(s) == s ? Json(s) : Json{{"label", capitalized(s)}, {"value", s}});
        }
    }
    std::string rows = "filter(" + list->rows + ", " + list->alias + " => " + key + " == 'All' || " + value + " == " + key + ")";
    Json node = Json{{"chips", options}, {"id", uniqueName(camelKey(spokenKey(list->source) + " by " + field->key), idSet(doc))}, {"bind", key}};
    setRows(log, *list, rows);
    addControl(log, *list, node, key, "All");
    const std::string gave = added.key.empty() ? "" : "Gave the " + spokenKey(list->source) + " " + withArticle(spokenKey(added.key)) + " (" + addedValues + ") and added";
    return {(gave.empty() ? "Added" : gave) + " filter chips by " + spokenKey(field->key) + " above the " + spokenKey(list->source) + " list on " + screenTitle(doc, list->owner), ""};
}

//-----------------------------------------------------------------------------
// [SECTION] Sort
//-----------------------------------------------------------------------------

namespace {

// One way to order the rows: its chip label and the sort() call's key and direction.
struct SortKey {
    std::string label;
    std::string key;        // "'name'" or "h => streak(h.done)"
    bool descending = false;
};

// A value the list's own expressions compute from a row, named like the words ("streak" -> "streak(h.done)").
std::string computedFromRow(const Json& listNode, const std::string& alias, const std::string& word) {
    std::string found;
    forEachObject(listNode, "", [&](const Json& o, const std::string&) {
        for (auto& [k, v] : o.items()) {
            if (!found.empty() || !v.is_string()) continue;
            for (auto& piece : splitTemplate(v.get<std::string>())) {
                if (!piece.expression) continue;
                const std::string& e = piece.text;
                forEachFreeIdentifier(e, [&](size_t start, size_t length) {
                    size_t open = start + length;
                    if (!found.empty() || open >= e.size() || e[open] != '(' || singularOf(lowerAscii(e.substr(start, length))) != singularOf(word)) return;
                    int depth = 0;
                    size_t close = open;
                    for (; close < e.size(); ++close) {
                        if (e[close] == '(') ++depth;
                        else if (e[close] == ')' && --depth == 0) break;
                    }
                    std::string call = close < e.size() ? e.substr(start, close + 1 - start) : "";
                    std::string probe;   // renaming the alias to itself fails when a lambda inside rebinds it
                    if (!call.empty() && call.find(alias + ".") != std::string::npos && renameIdentifier("${" + call + "}", alias, alias, &probe)) found = call;
                });
            }
        }
    });
    return found;
}

} // namespace

Outcome addListSort(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    std::vector<AppList> lists = appLists(doc);
    const AppList* list = pickList(lists, listWords(r), scope);
    if (!list) return notFound("a list to sort (" + std::string(lists.empty() ? "it shows no rows from its state" : "say which list") + ")");
    if (list->before.empty()) return cannot("find a place above the " + spokenKey(list->source) + " list for a sort control");
    std::vector<RowField> fields = rowFields(*list);
    const bool ascWords = r.hasAny({"ascending", "lowest", "oldest", "earliest", "soonest", "smallest", "cheapest", "alphabetically", "alphabetical", "a-z"});
    const bool descWords = r.hasAny({"descending", "highest", "newest", "latest", "biggest", "largest", "most", "best", "longest"});
    auto direction = [&](const std::string& kind) { return descWords || (!ascWords && kind != "text"); };
    std::vector<SortKey> keys;
    std::string added;   // fields the rows gained to be sorted by
    int by = r.find({"by"});
    if (by >= 0) {
        // "by streak", "by name or date", "by due date and priority"
        std::vector<std::vector<std::string>> groups(1);
        static const std::set<std::string> directions = {"ascending", "descending", "low", "high", "lowest", "highest", "first", "last"};
        for (auto& w : r.slice(by + 1, static_cast<int>(r.words.size()))) {
            if (w == "or" || w == "and" || w == "then") groups.emplace_back();
            else if (!isFiller(w) && !directions.count(w)) groups.back().push_back(w);
        }
        for (auto& g : groups) {
            if (g.empty()) continue;
            const RowField* f = fieldNamed(fields, g);
            // "by name" or "by title" means the rows' title, whatever its field is called ("title", "text", "service").
            bool meansTitle = std::any_of(g.begin(), g.end(), [](const std::string& w) { return w == "name" || w == "title" || w == "alphabetically"; });
            auto title = std::find_if(fields.begin(), fields.end(), isReadableText);
            if (!f && meansTitle && title != fields.end()) f = &*title;
            if (f) {
                keys.push_back({capitalized(spokenKey(f->key)), stringLiteral(f->key), direction(f->kind)});
                continue;
            }
            std::string computed;
            for (auto& w : g)
                if (computed.empty()) computed = computedFromRow(at(doc, list->pointer), list->alias, w);
            if (!computed.empty()) {
                keys.push_back({labelFromWords(g), list->alias + " => " + computed, direction("number")});
                continue;
            }
            // "sort by price" where the rows have none: they get one, each row shows it, and the sort uses it.
            const std::string label = labelFromWords(g);
            const Outcome shown = showField(log, *list, label);
            if (!shown.unsupported.empty()) return notFound("'" + joinWords(g) + "' in the rows of the " + spokenKey(list->source) + " list");
            added += "; " + shown.summary;
            keys.push_back({label, stringLiteral(draft::camelKey(label)), direction(draft::fieldKindFor(label, ""))});
        }
    } else {
        for (auto& f : fields) {
            bool title = isReadableText(f) && keys.empty();
            bool measure = (f.kind == "number" || f.kind == "date") && !wordStems(f.key).count("id") && keys.size() == 1;
            if (title || measure) keys.push_back({capitalized(spokenKey(f.key)), stringLiteral(f.key), direction(f.kind)});
        }
    }
    // "low to high and high to low": each key both ways.
    const std::string said = " " + joinWords(r.words) + " ";
    if (said.find(" low to high ") != std::string::npos && said.find(" high to low ") != std::string::npos) {
        std::vector<SortKey> both;
        for (auto& k : keys) {
            both.push_back({k.label + ": low to high", k.key, false});
            both.push_back({k.label + ": high to low", k.key, true});
        }
        keys = both;
    }
    if (keys.empty()) return cannot("tell what to sort the " + spokenKey(list->source) + " list by (say e.g. \"sort " + spokenKey(list->source) + " by name\")");
    std::string key = stateKeyFor(log, *list, "sort");
    Json options = Json::array({"Default"});
    std::string rows = list->rows;
    for (auto it = keys.rbegin(); it != keys.rend(); ++it) {
        rows = key + " == " + stringLiteral(it->label) + " ? sort(" + list->rows + ", " + it->key + (it->descending ? ", 'desc'" : "") + ") : " + (it == keys.rbegin() ? rows : "(" + rows + ")");
    }
    for (auto& k : keys) options.push_back(k.label);
    Json node = Json{{"segmented", options}, {"label", "Sort by"}, {"id", uniqueName(camelKey("sort " + spokenKey(list->source)), idSet(doc))}, {"bind", key}};
    // "Sort the episodes by publish date, newest first": the list opens in that order; "let users sort" only offers it.
    const bool kept = !r.words.empty() && (r.words[0] == "sort" || ((ascWords || descWords) && r.words[0] != "let" && r.words[0] != "allow"));
    setRows(log, *list, rows);
    addControl(log, *list, node, key, kept ? keys.front().label : "Default");
    std::string by2;
    for (auto& k : keys) by2 += (by2.empty() ? "" : ", ") + lowerAscii(k.label) + (k.descending ? " (highest first)" : "");
    return {"Added a sort control above the " + spokenKey(list->source) + " list on " + screenTitle(doc, list->owner) + ": " + by2 +
                (kept ? ", sorted that way from the start" : "") + added, ""};
}

//-----------------------------------------------------------------------------
// [SECTION] Count badge
//-----------------------------------------------------------------------------

namespace {

// The screen the words after the last "on/to/in" name, and the words of what is counted ("the number of reminders
// on the reminders tab"). With no screen by that name, the one where the counted rows are listed in full (not a few
// recent ones on a dashboard), a tab's screen first.
struct CountPlace {
    std::string screen;
    std::vector<std::string> place, counted;
};

CountPlace countPlace(const Json& doc, const Request& r, const std::vector<AppList>& lists) {
    CountPlace c;
    int on = r.findLast({"on", "to", "in", "beside", "next", "at"});
    // "a badge on the Sign-ups tab with how many sign-ups there are": the place ends where what it shows begins.
    const int with = on >= 0 ? r.find({"with", "showing", "counting", "for"}, on + 1) : -1;
    const int placeEnd = with >= 0 ? with : static_cast<int>(r.words.size());
    c.place = on >= 0 ? r.slice(on + 1, placeEnd) : std::vector<std::string>();
    c.screen = on >= 0 ? findScreen(doc, c.place) : "";
    const int of = r.find({"of"}), many = r.find({"many", "much"});
    // "the number of X on ...", "the total X on ...", "... with the number of X", "... with how many X there are".
    c.counted = of >= 0 && of < on ? r.slice(of + 1, on) : of >= 0 ? r.slice(of + 1, static_cast<int>(r.words.size()))
              : many >= 0 ? r.slice(many + 1, static_cast<int>(r.words.size())) : with >= 0 ? r.slice(with + 1, static_cast<int>(r.words.size()))
              : on > 0 ? r.slice(0, on) : c.place;
    if (!c.screen.empty()) return c;
    const std::string tabs = doc.contains("nav") && doc["nav"].is_object() && doc["nav"].contains("items") ? doc["nav"]["items"].dump() : "";
    int best = 0;
    for (const AppList& shown : lists) {
        const bool named = std::any_of(c.counted.begin(), c.counted.end(), [&](const std::string& w) { return shown.sourceWords.count(singularOf(w)) > 0; });
        if (!named || shown.owner.rfind("/screens/", 0) != 0) continue;
        const std::string id = lastToken(shown.owner);
        const int score = 1 + (shown.rows.find("slice(") == std::string::npos ? 2 : 0) + (tabs.find("\"" + id + "\"") != std::string::npos ? 1 : 0);
        if (score > best) best = score, c.screen = id;
    }
    return c;
}

// The expression counting the rows the words name: the rows `screen` lists when the words name them (what a tab
// shows is what it counts), else a state array the words name; "" when none. `source` gets the array counted.
std::string countOf(const Json& doc, const std::vector<AppList>& lists, const std::string& screen, const std::vector<std::string>& counted, std::string* source) {
    std::vector<AppList> here;
    for (auto& l : lists)
        if (l.owner == "/screens/" + escapePointer(screen) && !repeatedAbove(doc, l.pointer)) here.push_back(l);
    const AppList* list = pickList(here, counted, RequestScope{});
    if (list && std::any_of(counted.begin(), counted.end(), [&](const std::string& w) { return list->words.count(singularOf(w)) > 0; })) {
        *source = list->source;
        return "count(" + (list->rows.find("slice(") == std::string::npos ? list->rows : list->source) + ")";   // a few recent rows are not the count
    }
    if (doc.contains("state") && doc["state"].is_object())
        for (auto& [k, v] : doc["state"].items()) {
            std::set<std::string> w = wordStems(k);
            if (v.is_array() && std::any_of(counted.begin(), counted.end(), [&](const std::string& c) { return !isFiller(c) && w.count(singularOf(c)); })) {
                *source = k;
                return "count(" + k + ")";
            }
        }
    return "";
}

// The figure the words ask of the rows when it is more than their count: the total of a number field they name
// ("the total honey frames": sum of honeyFrame) or the count of those with a value they name ("done tasks": status
// 'Done'). "" when they ask for neither; `label` gets what the figure is called.
std::string measureOf(const Json& doc, const std::vector<AppList>& lists, const std::vector<std::string>& counted, std::string* source, std::string* label) {
    // What the figure is of: the words without the asking ("show the total fuel cost" -> "Fuel cost").
    static const std::set<std::string> asking = {"show", "display", "add", "put", "include", "give", "see", "total", "number", "count", "sum", "all", "how", "many", "much"};
    std::vector<std::string> named;
    std::set<std::string> words;
    for (auto& w : counted)
        if (!isFiller(w) && !asking.count(w)) named.push_back(w), words.insert(singularOf(lowerAscii(w)));
    for (const AppList& list : lists) {
        if (!list.sample.is_object() || list.rows.find("slice(") != std::string::npos) continue;
        *source = list.source;
        *label = labelFromWords(named);
        for (auto& [key, v] : list.sample.items()) {
            const std::set<std::string> stems = wordStems(key);
            const bool named = key != "id" && !stems.empty() && std::all_of(stems.begin(), stems.end(), [&](const std::string& w) { return words.count(w) > 0; });
            if (!named || !v.is_number()) continue;
            const std::string sum = "sum(map(" + list.source + ", y => y." + key + "))";
            return draft::fieldKindFor(key, "") == "money" ? "currency(" + sum + ")" : sum;
        }
        // "done tasks", "high priority tasks": the rows of this list with a value of one of their fields.
        if (!std::any_of(words.begin(), words.end(), [&](const std::string& w) { return list.sourceWords.count(w) > 0; })) continue;
        for (auto& [key, v] : list.sample.items()) {
            if (!v.is_string() || key == "id") continue;
            const std::vector<Json> values = distinctValues(doc, list, key);
            if (values.size() < 2 || values.size() > 6) continue;
            for (const Json& value : values)
                if (value.is_string() && words.count(singularOf(lowerAscii(value.get<std::string>()))))
                    return "count(" + list.source + ", y => y." + key + " == " + draft::exprString(value.get<std::string>()) + ")";
        }
        // "cancelled spots": the rows a button has flagged so ("Cancel" sets x.cancelled), though no row starts with it.
        const std::string screens = doc.contains("screens") ? doc["screens"].dump() : "";
        for (const std::string& w : named) {
            if (list.sourceWords.count(singularOf(lowerAscii(w)))) continue;
            // Either spelling of a doubled l ("cancelled", "canceled").
            std::string flag = draft::camelKey(lowerAscii(w)), other = flag;
            if (const size_t at = other.find("lled"); at != std::string::npos) other.erase(at, 1);
            else if (const size_t at1 = other.find("led"); at1 != std::string::npos) other.insert(at1, "l");
            for (const std::string& f : {flag, other}) {
                const bool kept = list.sample.contains(f) ? list.sample[f].is_boolean() : screens.find("." + f + " ?") != std::string::npos;
                if (!f.empty() && kept) return "count(" + list.source + ", y => y." + f + " == true)";
            }
        }
    }
    return "";
}

} // namespace

bool asksCountBadge(const Request& r) {
    return r.has("badge") || (r.hasAny({"number", "count"}) && r.hasAny({"tab", "tabs", "sidebar", "menu", "item"}));
}

bool asksCountStat(const Request& r) {
    return (r.hasAny({"number", "count", "total", "how"}) && std::any_of(r.words.begin(), r.words.end(), isScreenWord)) ||
           (r.hasAny({"stat", "tile", "kpi"}) && r.hasAny({"add", "show", "put", "include"}));
}

Outcome addCountBadge(EditLog& log, const Request& r) {
    const Json doc = log.doc;
    const std::vector<AppList> lists = appLists(doc);
    const CountPlace where = countPlace(doc, r, lists);
    const std::string& screen = where.screen;
    if (where.place.empty()) return cannot("tell where the badge goes (say e.g. \"show the number of tasks on the tasks tab\")");
    if (screen.empty()) return notFound("a screen or tab '" + joinWords(where.place) + "', or a list of " + joinWords(where.counted));
    // "how many spots are cancelled": those rows, else every row the tab lists.
    std::string source, label;
    std::string count = measureOf(doc, lists, where.counted, &source, &label);
    if (count.find("count(") != 0) count = countOf(doc, lists, screen, where.counted, &source);
    if (count.empty()) return notFound("a list of " + joinWords(where.counted) + " to count");
    const std::string badge = "${" + count + "}";
    // What it counts as people say it ("the number of hives"), for the summary; the expression is in the edit.
    const std::string counted = "the number of " + (!label.empty() ? lowerAscii(label) : source.empty() ? joinWords(where.counted) : spokenKey(source));
    // On the tab or sidebar item of that screen, else on a button or row that opens it.
    if (doc.contains("nav") && doc["nav"].is_object() && doc["nav"].contains("items") && doc["nav"]["items"].is_array()) {
        const Json& items = doc["nav"]["items"];
        for (size_t i = 0; i < items.size(); ++i) {
            std::string pointer = "/nav/items/" + std::to_string(i);
            if (items[i] == screen) log.replace(pointer, Json{{"screen", screen}, {"badge", badge}});
            else if (items[i].is_object() && items[i].value("screen", std::string()) == screen) log.set(pointer + "/badge", badge);
            else continue;
            return {"Added a badge with " + counted + " to the " + screenTitle(doc, "/screens/" + escapePointer(screen)) + " " + (doc["nav"].value("kind", std::string()) == "sidebar" ? "sidebar item" : "tab"), ""};
        }
    }
    std::string opener, what;
    forEachNode(doc, [&](const NodeSite& s) {
        const WidgetDef* def = WidgetCatalog::get().find(s.type);
        if (def && def->prop("badge") && s.node->value("go", std::string()) == screen && !insideRepeat(doc, s.pointer)) opener = s.pointer, what = describe(s);
        return opener.empty();
    });
    if (opener.empty()) return cannot("show a badge for " + screenTitle(doc, "/screens/" + escapePointer(screen)) + ": no tab, button or row opens it");
    log.set(opener + "/badge", badge);
    return {"Added a badge with " + counted + " to " + what, ""};
}


Outcome addCountStat(EditLog& log, const Request& r) {
    const Json doc = log.doc;
    const std::vector<AppList> lists = appLists(doc);
    const CountPlace where = countPlace(doc, r, lists);
    if (where.screen.empty()) return notFound("a screen '" + joinWords(where.place) + "' or a list of " + joinWords(where.counted) + " to count");
    std::string source, label;
    std::string count = measureOf(doc, lists, where.counted, &source, &label);
    if (count.empty()) count = countOf(doc, lists, where.screen, where.counted, &source), label = draft::capitalized(lowerAscii(source));
    if (count.empty()) return notFound("a list of " + joinWords(where.counted) + " to count");
    const std::string value = "${" + count + "}", owner = "/screens/" + escapePointer(where.screen), title = screenTitle(doc, owner);
    bool shown = false;
    forEachNode(doc, [&](const NodeSite& s) {
        shown = s.pointer.rfind(owner + "/", 0) == 0 && s.type == "stat" && s.node->value("value", std::string()) == value;
        return !shown;
    });
    if (shown) return {"", title + " already shows " + count + std::string(kNeedsLlm), true};
    const Json tile = draft::statTile(label, value, "bar-chart", "in total");
    // Beside the screen's other figures when it has a grid of them, else first on the screen.
    std::string grid;
    forEachNode(doc, [&](const NodeSite& s) {
        if (s.pointer.rfind(owner + "/", 0) == 0 && s.type == "grid" && !insideRepeat(doc, s.pointer) && s.node->dump().find("\"stat\"") != std::string::npos) grid = s.pointer;
        return grid.empty();
    });
    if (!grid.empty()) {
        log.add(grid + "/grid/-", tile);
        if (at(log.doc, grid).value("cols", 0) < 4 && at(log.doc, grid + "/grid").size() <= 4) log.set(grid + "/cols", static_cast<int>(at(log.doc, grid + "/grid").size()));
        return {"Added a " + label + " figure (" + count + ") beside the others on " + title, ""};
    }
    std::string body = owner + "/body";
    if (has(doc, body) && at(doc, body).is_object()) {
        forEachNode(doc, [&](const NodeSite& s) {
            if (s.pointer == body && !s.childrenKey.empty()) body += "/" + escapePointer(s.childrenKey);
            return s.pointer != body;
        });
    }
    if (!has(doc, body) || !at(doc, body).is_array()) return cannot("add a figure to " + title + " (its body is not a list of widgets)");
    log.add(body + "/0", tile);
    return {"Added a " + label + " figure (" + count + ") at the top of " + title, ""};
}

// "add a screen showing today's hearings", "a page listing overdue loans": the rows of the list the words name, kept
// by the qualifier they give (today's, upcoming, overdue or past by the rows' date; else a value one of their fields
// holds, "pending"), on a new screen reached from the tab bar or, without room there, from a link above the list.
Outcome addListScreen(EditLog& log, const Request& r, const RequestScope& scope, int from) {
    const Json doc = log.doc;
    const std::vector<std::string> words = r.slice(from, static_cast<int>(r.words.size()));
    std::vector<AppList> lists = appLists(doc);
    const AppList* named = pickList(lists, words, scope);
    std::set<std::string> said;
    for (const std::string& w : words)
        for (const std::string& s : wordStems(w)) said.insert(s);
    if (!named || std::none_of(named->sourceWords.begin(), named->sourceWords.end(), [&](const std::string& w) { return said.count(w) > 0; }))
        return cannot("add a screen of " + joinWords(words) + " (no list of the app has that name)");
    const AppList& list = *everyRowOf(lists, named);
    const Json& rows = doc["state"][list.source];
    static const std::regex isoDay(R"(^\d{4}-\d\d-\d\d)");
    std::string dateField;
    for (auto& [k, v] : list.sample.items())
        if (dateField.empty() && v.is_string() && std::regex_search(v.get<std::string>(), isoDay)) dateField = k;
    const std::string& x = list.alias;
    std::string keep, qualifier;
    const auto says = [&](std::initializer_list<const char*> ws) { return std::any_of(ws.begin(), ws.end(), [&](const char* w) { return said.count(w) > 0; }); };
    struct ByDate {
        std::initializer_list<const char*> words;
        const char* test;
        const char* qualifier;
    };
    static const ByDate byDate[] = {{{"today", "todays"}, "isToday", "Today's"}, {{"upcoming", "future", "next", "coming"}, "isFuture", "Upcoming"},
                                    {{"overdue", "late"}, "isPast", "Overdue"}, {{"past", "previous", "earlier"}, "isPast", "Past"}};
    for (const ByDate& b : byDate)
        if (keep.empty() && !dateField.empty() && says(b.words)) keep = std::string(b.test) + "(" + x + "." + dateField + ")", qualifier = b.qualifier;
    for (auto& [k, v] : list.sample.items()) {
        if (!keep.empty()) break;
        if (!v.is_string() || k == dateField) continue;
        for (const Json& row : rows) {
            const std::string value = row.is_object() && row.contains(k) && row[k].is_string() ? row[k].get<std::string>() : "";
            if (!value.empty() && value.size() <= 24 && value.find(' ') == std::string::npos && said.count(lowerAscii(value))) {
                keep = x + "." + k + " == " + draft::exprString(value), qualifier = value;
                break;
            }
        }
    }
    if (keep.empty()) return cannot("add a screen of " + joinWords(words) + " without knowing which of them (say e.g. today's, upcoming, overdue or one of their values)");
    return addFilteredScreen(log, list, keep, qualifier + " " + spokenKey(list.source), qualifier == "Today's" || qualifier == "Upcoming" ? "calendar" : "filter");
}

Outcome addFilteredScreen(EditLog& log, const AppList& list, const std::string& keep, const std::string& title, const std::string& icon) {
    const Json doc = log.doc;
    const std::string& x = list.alias;
    const std::string shown = "filter(" + list.rows + ", " + x + " => " + keep + ")";
    // The rows come with the grouped list they are drawn in, when it holds nothing else.
    std::string top = list.pointer;
    const std::string group = parentPointer(parentPointer(list.pointer));
    if (has(doc, group) && at(doc, group).is_object() && at(doc, group).contains("list") && at(doc, group)["list"].is_array() && at(doc, group)["list"].size() == 1)
        top = group;
    Json node = at(doc, top);
    node[Json::json_pointer(list.rowsPointer.substr(top.size()))] = "${" + shown + "}";
    Json screen = Json{{"title", title},
                       {"body", Json::array({node, Json{{"empty", "No " + lowerAscii(title)}, {"icon", "inbox"}, {"visible", "${count(" + shown + ") == 0}"}}})}};
    std::set<std::string> all = keysOf(doc, "screens");
    for (const std::string& o : keysOf(doc, "overlays")) all.insert(o);
    const std::string id = uniqueName(draft::camelKey(title), all);
    std::set<std::string> ids = idSet(doc);
    freshIds(screen, ids);
    log.add("/screens/" + escapePointer(id), screen);
    const bool navItems = doc.contains("nav") && doc["nav"].is_object() && doc["nav"].contains("items") && doc["nav"]["items"].is_array();
    if (navItems && doc["nav"]["items"].size() < 6) {
        const int settings = navItemOf(doc, "settings");  // stays last
        log.add("/nav/items/" + (settings >= 0 ? std::to_string(settings) : std::string("-")), Json{{"screen", id}, {"label", title}, {"icon", icon}});
        return {"Added a screen '" + title + "' with the " + spokenKey(list.source) + " it keeps, and a tab for it", ""};
    }
    log.add(parentPointer(list.pointer) + "/" + lastToken(list.pointer), Json{{"link", title}, {"id", uniqueName(id + "Link", ids)}, {"go", id}});
    return {"Added a screen '" + title + "' with the " + spokenKey(list.source) + " it keeps, opened from " + screenTitle(doc, list.owner), ""};
}

bool asksEmptyState(const Request& r) {
    return (r.has("empty") && r.hasAny({"state", "message", "screen", "view", "placeholder"})) || (r.hasAny({"no", "nothing", "none"}) && r.hasAny({"when", "if"}) &&
                                                                                                  r.hasAny({"show", "say", "display", "message"}));
}

Outcome addEmptyState(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    const std::vector<AppList> lists = appLists(doc);
    const AppList* list = pickList(lists, r.words, scope);
    if (!list) return notFound("a list to give an empty state");
    const std::string what = spokenKey(list->source), title = screenTitle(doc, list->owner);
    const Json& node = at(doc, list->pointer);
    if (node.contains("repeat") && node["repeat"].is_object() && node["repeat"].contains("empty"))
        return {"", "The " + what + " list on " + title + " already shows a message when it is empty" + std::string(kNeedsLlm), true};
    Json empty = Json{{"empty", "No " + what + " yet"}, {"text", "They will show here"}, {"icon", "inbox"}};
    // The way to add the first one, when a form adds them.
    if (const std::string form = createScreenOf(doc, list->source); !form.empty())
        empty["action"] = "Add " + withArticle(draft::singularOf(what)),
        empty["go"] = form.substr(form.rfind('/') + 1);
    if (node.contains("repeat") && node["repeat"].is_object()) log.add(list->pointer + "/repeat/empty", empty);
    else {
        // A table: the message shows in its place while it has no rows.
        empty["visible"] = "${count(" + list->rows + ") == 0}";
        log.add(parentPointer(list->pointer) + "/" + std::to_string(std::stoul(lastToken(list->pointer)) + 1), empty);
    }
    return {"Added an empty state to the " + what + " list on " + title + ": \"No " + what + " yet\"" + (empty.contains("go") ? ", with a button to add one" : ""), ""};
}

bool asksCardLayout(const Request& r) {
    return r.hasAny({"cards", "grid", "tiles"}) && r.hasAny({"as", "instead", "into", "in", "use", "make", "show", "display", "turn"}) &&
           !r.hasAny({"add", "chart", "badge", "column"});
}

Outcome showAsCards(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    const std::vector<AppList> lists = appLists(doc);
    const AppList* list = pickList(lists, r.words, scope);
    if (!list) return notFound("a list to show as cards");
    const Json& item = at(doc, list->pointer);
    const std::string holder = parentPointer(parentPointer(list->pointer));
    if (!item.contains("item") || !has(doc, holder) || !at(doc, holder).contains("list") || at(doc, holder)["list"].size() != 1)
        return {"", "The " + spokenKey(list->source) + " on " + screenTitle(doc, list->owner) + " are not a plain list of rows" + std::string(kNeedsLlm), true};
    // The row's lines become a card's: its icon or avatar, title and second line, and what it shows on the right.
    Json lines = Json::array({Json{{"text", item["item"]}, {"style", "strong"}}});
    if (item.contains("subtitle")) lines.push_back(Json{{"text", item["subtitle"]}, {"muted", true}});
    Json top = Json::array();
    if (item.contains("avatar")) top.push_back(Json{{"avatar", item["avatar"]}, {"size", 36}});
    else if (item.contains("icon")) top.push_back(Json{{"icon", item["icon"]}, {"color", "brand"}, {"size", 20}});
    top.push_back(Json{{"col", lines}, {"gap", 2}, {"grow", 1}});
    if (item.contains("badge")) top.push_back(Json{{"badge", item["badge"]}, {"tone", item.value("badge_tone", Json("brand"))}});
    // A row's check mark ("done today") stays visible as a mark on the card.
    if (const std::string check = item.contains("check") && item["check"].is_string() ? item["check"].get<std::string>() : "";
        check.size() > 3 && check.rfind("${", 0) == 0 && check.back() == '}')
        top.push_back(Json{{"icon", "${(" + check.substr(2, check.size() - 3) + ") ? 'check-circle' : 'circle-o'}"}, {"color", "success"}, {"size", 22}});
    Json card = Json{{"card", Json::array({Json{{"row", top}, {"gap", 12}}})}};
    if (item.contains("trailing")) card["card"].push_back(Json{{"text", item["trailing"]}, {"muted", true}, {"style", "caption"}});
    for (const char* key : {"id", "press", "go", "repeat", "visible"})
        if (item.contains(key)) card[key] = item[key];
    const std::string device = metaText(doc, "device", "phone");
    const int cols = device == "phone" ? (r.hasAny({"grid", "tiles"}) ? 2 : 1) : 3;
    Json grid = Json{{"grid", Json::array({card})}, {"cols", cols}, {"gap", 12}};
    const Json& container = at(doc, holder);
    Json shown = container.contains("title") ? Json{{"section", Json::array({grid})}, {"title", container["title"]}} : grid;
    if (container.contains("id")) shown["id"] = container["id"];
    log.replace(holder, shown);
    return {"Showed the " + spokenKey(list->source) + " on " + screenTitle(doc, list->owner) + " as cards" + (cols > 1 ? " in " + std::to_string(cols) + " columns" : std::string()), ""};
}

} // namespace pt::refine
