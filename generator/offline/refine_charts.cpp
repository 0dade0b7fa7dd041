// Promptotype — the offline refiner's requests on charts. See refine_charts.h.

#include "generator/offline/refine_charts.h"
#include "generator/offline/draft_patterns.h"
#include "generator/offline/refine_lists.h"
#include "runtime/spec/catalog.h"
#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>

namespace pt::refine {

namespace {

// A span of time in the words: "12 months", "the last 30 days", "by week".
struct ChartSpan {
    int points = 0;            // how many groups the chart shows
    double groupDays = 1;      // the days in one group (a month is 30.44)
    const char* unit = "day";  // the group's name, for the summary
    const char* format = "MMM D";   // its x label
};

// The unit a word names, with its days and label format; false when it names none.
bool unitOf(const std::string& w, ChartSpan* span) {
    static const std::map<std::string, ChartSpan> units = {
        {"day", {0, 1, "day", "MMM D"}}, {"daily", {0, 1, "day", "MMM D"}}, {"week", {0, 7, "week", "MMM D"}}, {"weekly", {0, 7, "week", "MMM D"}},
        {"month", {0, 30.44, "month", "MMM"}}, {"monthly", {0, 30.44, "month", "MMM"}}, {"quarter", {0, 91.3, "quarter", "MMM YY"}},
        {"quarterly", {0, 91.3, "quarter", "MMM YY"}}, {"year", {0, 365.25, "year", "YYYY"}}, {"yearly", {0, 365.25, "year", "YYYY"}}};
    std::string one = w.size() > 3 && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
    auto found = units.find(one);
    if (found == units.end()) return false;
    *span = found->second;
    return true;
}

// "12", "twelve", "a" (the last year): the count before a unit word; 0 when none.
int countWord(const std::string& w) {
    static const std::map<std::string, int> words = {{"a", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
                                                     {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"twelve", 12}, {"fourteen", 14},
                                                     {"thirty", 30}, {"sixty", 60}, {"ninety", 90}};
    if (!w.empty() && w.find_first_not_of("0123456789") == std::string::npos && w.size() < 5) return std::atoi(w.c_str());
    auto found = words.find(w);
    return found == words.end() ? 0 : found->second;
}

// The span the request asks for: "last/past N units" (not after "not", "instead of", "rather than"), grouped "by"
// or "per" a unit when it says so, else by the span's own unit (a single year or quarter goes by month or week).
bool readSpan(const Request& r, ChartSpan* out) {
    ChartSpan span, group;
    int count = 0;
    bool haveSpan = false, haveGroup = false;
    for (int i = 0; i < static_cast<int>(r.words.size()); ++i) {
        const bool negated = (i > 0 && r.words[i - 1] == "not") || (i > 1 && r.words[i - 2] == "not") || (i > 0 && r.words[i - 1] == "of") ||
                             (i > 0 && r.words[i - 1] == "than");
        if ((r.words[i] == "last" || r.words[i] == "past") && !negated && !haveSpan) {
            int at = i + 1, n = at < static_cast<int>(r.words.size()) ? countWord(r.words[at]) : 0;
            if (n > 0) ++at;
            ChartSpan unit;
            if (at < static_cast<int>(r.words.size()) && unitOf(r.words[at], &unit)) span = unit, count = n > 0 ? n : 1, haveSpan = true;
        }
        ChartSpan unit;
        const bool grouping = (i > 0 && (r.words[i - 1] == "by" || r.words[i - 1] == "per" || r.words[i - 1] == "each")) ||
                              (r.words[i].size() > 2 && r.words[i].compare(r.words[i].size() - 2, 2, "ly") == 0);
        if (grouping && !negated && !haveGroup && unitOf(r.words[i], &unit)) group = unit, haveGroup = true;
    }
    if (!haveSpan && !haveGroup) return false;
    if (!haveGroup) {
        group = span;
        if (count == 1 && span.groupDays > 60) unitOf(span.groupDays > 100 ? "month" : "week", &group);
    }
    // "by month" alone: a year of months (a month of days).
    const double days = haveSpan ? count * span.groupDays : group.groupDays * (group.groupDays < 2 ? 30 : 12);
    group.points = static_cast<int>(std::lround(days / group.groupDays));
    if (group.points < 2 || group.points > 120) return false;
    *out = group;
    return true;
}

bool isTimeChart(const std::string& type) { return type == "line_chart" || type == "bar_chart"; }

// The start of group i (0 = the oldest) of `span`, on the simulated clock, in whole days so a group's days stay dates
// the rows' dates compare with.
std::string groupStart(const ChartSpan& span) {
    return "addDays(today(), (i - " + std::to_string(span.points - 1) + ") * " + std::to_string(std::lround(span.groupDays)) + ")";
}

// A chart's points over `span` from what one day counts (`day` names the day in `perDay`): the days themselves, or
// each group's days summed.
std::string pointsOver(const ChartSpan& span, const std::string& day, const std::string& perDay) {
    const std::string n = std::to_string(span.points);
    if (span.groupDays == 1) return "${map(lastDays(" + n + "), " + day + " => " + perDay + ")}";
    const int days = static_cast<int>(std::lround(span.groupDays));
    return "${map(range(0, " + n + "), i => sum(map(map(range(0, " + std::to_string(days) + "), k => addDays(" + groupStart(span) + ", k - " +
           std::to_string(days - 1) + ")), " + day + " => " + perDay + ")))}";
}

// The x labels of `span`: each group's start.
std::string labelsOver(const ChartSpan& span) {
    return "${map(range(0, " + std::to_string(span.points) + "), i => date(" + groupStart(span) + ", '" + span.format + "'))}";
}

// "add a chart of walks per week on the home screen": the rows with a date counted per day, week or month of the
// span, where the words say (else above their list).
Outcome addTimeChart(EditLog& log, const Request& r, const RequestScope& scope, const ChartSpan& span) {
    const Json doc = log.doc;
    const std::vector<AppList> lists = appLists(doc);
    const int of = r.find({"of", "showing", "for", "counting"});
    const int on = r.findLast({"on", "to", "in"});
    std::vector<std::string> measured = of >= 0 ? r.slice(of + 1, on > of ? on : static_cast<int>(r.words.size())) : std::vector<std::string>();
    const AppList* list = pickList(lists, measured, scope);
    if (!list) return notFound("the rows to chart over time");
    list = everyRowOf(lists, list);
    std::string dateField;
    if (list->sample.is_object())
        for (auto& [k, v] : list->sample.items()) {
            const std::string text = v.is_string() ? v.get<std::string>() : "";
            if (dateField.empty() && text.size() == 10 && text[4] == '-' && text[7] == '-') dateField = k;
        }
    if (dateField.empty()) return cannot("chart the " + lowerAscii(list->source) + " over time: its rows have no dates");
    std::string owner = list->owner;
    if (on > of && on + 1 < static_cast<int>(r.words.size()))
        if (const std::string screen = findScreen(doc, r.slice(on + 1, static_cast<int>(r.words.size()))); !screen.empty()) owner = "/screens/" + escapePointer(screen);
    const Json& body = at(doc, owner);
    if (!body.contains("body") || !body["body"].is_array()) return cannot("find a place for the chart on " + screenTitle(doc, owner));
    // Before the first list on that screen (the rows it counts, or a dashboard's recent ones), else at its end.
    size_t index = body["body"].size();
    for (size_t i = 0; i < body["body"].size() && index == body["body"].size(); ++i)
        if (body["body"][i].dump().find("\"repeat\"") != std::string::npos) index = i;
    const std::string rows = lowerAscii(labelFromWords({list->source}));
    const std::string title = draft::capitalized(rows) + " per " + span.unit + ", last " + std::to_string(span.points) + " " + span.unit + "s";
    Json chart = Json{{"bar_chart", pointsOver(span, "day", "count(" + list->source + ", x => x." + dateField + " == day)")}, {"labels", labelsOver(span)}, {"h", 180}};
    Json card = Json{{"card", Json::array({chart})}, {"title", draft::safeText(title, 60)}, {"id", uniqueName(draft::camelKey(rows + " per " + span.unit) + "Chart", idSet(doc))}};
    log.add(owner + "/body/" + std::to_string(index), card);
    return {"Added a bar chart '" + title + "' to " + screenTitle(doc, owner) + ", counting the " + rows + " by their " +
                lowerAscii(labelFromWords({dateField})) + " live",
            ""};
}

} // namespace

bool asksChartSpan(const Request& r) {
    ChartSpan span;
    return r.hasAny({"chart", "graph", "trend", "plot", "line_chart", "bar_chart"}) && readSpan(r, &span);
}

Outcome changeChartSpan(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    ChartSpan span;
    if (!readSpan(r, &span)) return cannot("tell what span the chart should cover (say e.g. \"show the last 12 months\")");
    // The chart the words name; else the first one whose points are days (computed or a plain series).
    static const std::regex daily(R"(^\$\{map\(lastDays\((\d+)\), (\w+) => (.*)\)\}$)");
    auto fits = [&](const NodeSite& s) {
        if (!isTimeChart(s.type)) return false;
        const Json& data = (*s.node)[s.typeKey];
        return (data.is_string() && std::regex_match(data.get<std::string>(), daily)) ||
               (data.is_array() && !data.empty() && std::all_of(data.begin(), data.end(), [](const Json& v) { return v.is_number(); }));
    };
    std::vector<std::string> phrase;
    for (auto& w : r.words) {
        ChartSpan unit;
        if (!unitOf(w, &unit) && !countWord(w) && w != "last" && w != "past" && w != "show" && w != "not" && w != "should") phrase.push_back(w);
    }
    std::vector<Candidate> found = findNodes(doc, phrase, scope, fits);
    NodeSite site;
    if (!found.empty()) site = found.front().site;
    else forEachNode(doc, [&](const NodeSite& s) { if (fits(s)) site = s; return !site.node; });
    if (!site.node && r.find({"add", "include", "create", "put", "give", "want", "need"}) >= 0) return addTimeChart(log, r, scope, span);
    if (!site.node) return notFound("a chart over time (a line or bar chart of days)");
    const Json& data = (*site.node)[site.typeKey];
    const std::string n = std::to_string(span.points);
    Json points;
    std::smatch m;
    std::string text = data.is_string() ? data.get<std::string>() : "";
    if (std::regex_match(text, m, daily)) {
        points = pointsOver(span, m[2].str(), m[3].str());
    } else {
        // A plain series stretched (or shrunk) to the new number of points, keeping its shape.
        points = Json::array();
        const size_t have = data.size();
        for (int i = 0; i < span.points; ++i) {
            double at = span.points == 1 ? 0 : static_cast<double>(i) * static_cast<double>(have - 1) / (span.points - 1);
            size_t lo = static_cast<size_t>(std::floor(at)), hi = std::min(have - 1, lo + 1);
            double v = data[lo].get<double>() + (data[hi].get<double>() - data[lo].get<double>()) * (at - static_cast<double>(lo));
            points.push_back(std::round(v * 10) / 10);
        }
    }
    log.replace(site.pointer + "/" + escapePointer(site.typeKey), points);
    log.set(site.pointer + "/labels", labelsOver(span));
    // The chart is named by the title of the card around it, as people see it.
    // A title that names the old span ("Activity, last 14 days") names the new one.
    std::string name = "the chart";
    static const std::regex spanWords(R"(\b(last|past) \d+ [a-z]+)", std::regex::icase);
    for (std::string p = parentPointer(site.pointer); !p.empty() && name == "the chart"; p = parentPointer(p))
        if (const Json& holder = at(doc, p); holder.is_object() && holder.contains("title") && holder["title"].is_string()) {
            const std::string title = holder["title"].get<std::string>();
            name = "the '" + literalText(title) + "' chart";
            const std::string retitled = std::regex_replace(title, spanWords, "last " + n + " " + span.unit + "s");
            if (retitled != title) log.replace(p + "/title", retitled);
        }
    return {"Made " + name + " show the last " + n + " " + span.unit + "s, one point per " + span.unit, ""};
}

// A chart of rows by a field: a new chart, unlike the span changes above.

bool asksGroupChart(const Request& r) {
    return r.hasAny({"chart", "graph", "bar_chart", "donut", "line_chart", "breakdown", "histogram"}) && r.hasAny({"per", "by", "across"}) &&
           r.find({"add", "show", "include", "give", "put", "want", "need", "create"}) >= 0 && !r.hasAny({"day", "days", "week", "weeks", "month", "months", "year", "years"});
}

Outcome addGroupChart(EditLog& log, const Request& r, const RequestScope& scope) {
    const Json doc = log.doc;
    const int by = r.find({"per", "by", "across"});
    const int of = r.find({"of", "showing", "for", "with"});
    const std::vector<std::string> measured = of >= 0 && of < by ? r.slice(of + 1, by) : std::vector<std::string>();
    const std::vector<std::string> group = r.slice(by + 1, static_cast<int>(r.words.size()));
    const std::vector<AppList> lists = appLists(doc);
    const AppList* list = pickList(lists, measured, scope);
    if (!list) list = pickList(lists, group, scope);
    if (!list) return notFound("the rows to chart");
    list = everyRowOf(lists, list);
    if (!list->sample.is_object()) return notFound("the rows to chart");
    // A field a word names: its key's words all among the words ("honey frames" -> honeyFrames).
    auto fieldNamed = [&](const std::vector<std::string>& words, bool number) {
        std::set<std::string> said;
        for (auto& w : words) said.insert(draft::singularOf(w));
        std::string best;
        for (auto& [k, v] : list->sample.items()) {
            if (k == "id" || v.is_number() != number || (!number && !v.is_string())) continue;
            const std::set<std::string> key = wordStems(k);
            if (!key.empty() && std::all_of(key.begin(), key.end(), [&](const std::string& w) { return said.count(w) > 0; })) best = k;
        }
        return best;
    };
    const std::string x = "x", rows = list->source;
    const std::string amount = fieldNamed(measured, true);
    const bool perRow = std::any_of(group.begin(), group.end(), [&](const std::string& w) { return list->sourceWords.count(draft::singularOf(w)) > 0; });
    const bool donut = r.hasAny({"donut", "pie"});
    std::string title;
    Json chart;
    if (perRow) {
        // "honey frames per hive": one bar per row, of a number the rows keep.
        if (amount.empty()) return cannot("chart the " + joinWords(measured) + " of each row: the rows keep no such number");
        std::string name;
        for (const char* k : {"name", "title"})
            if (name.empty() && list->sample.contains(k)) name = k;
        if (name.empty()) return cannot("label a bar for each row: the rows have no name");
        chart = Json{{"bar_chart", "${map(" + rows + ", " + x + " => " + x + "." + amount + ")}"}, {"labels", "${map(" + rows + ", " + x + " => " + x + "." + name + ")}"}, {"h", 180}};
        title = labelFromWords(measured) + " per " + draft::singularOf(lowerAscii(labelFromWords(group)));
    } else {
        const std::string field = fieldNamed(group, false);
        if (field.empty()) return notFound("a value of the " + lowerAscii(rows) + " named '" + joinWords(group) + "' to group them by");
        std::vector<std::string> values;
        for (auto& row : doc["state"][rows])
            if (row.is_object() && row.contains(field) && row[field].is_string() && std::find(values.begin(), values.end(), row[field].get<std::string>()) == values.end())
                values.push_back(row[field].get<std::string>());
        if (values.size() < 2 || values.size() > 10) return cannot("chart the " + lowerAscii(rows) + " by " + joinWords(group) + ": its values do not fall into a few groups");
        std::string choices = "[";
        for (size_t i = 0; i < values.size(); ++i) choices += (i ? ", " : "") + draft::exprString(values[i]);
        choices += "]";
        const std::string value = amount.empty() ? "count(" + rows + ", " + x + " => " + x + "." + field + " == c)"
                                                 : "sum(filter(" + rows + ", " + x + " => " + x + "." + field + " == c), " + x + " => " + x + "." + amount + ")";
        chart = donut ? Json{{"donut", "${map(" + choices + ", c => {label: c, value: " + value + "})}"}, {"size", 140}}
                      : Json{{"bar_chart", "${map(" + choices + ", c => " + value + ")}"}, {"labels", values}, {"h", 180}};
        title = (labelFromWords(measured).empty() ? labelFromWords({rows}) : labelFromWords(measured)) + " by " + lowerAscii(labelFromWords(group));
    }
    // Above the list it counts, on that list's screen.
    const std::string body = list->owner + "/body/";
    if (list->pointer.rfind(body, 0) != 0) return cannot("find a place for the chart on " + screenTitle(doc, list->owner));
    const std::string top = list->pointer.substr(body.size(), list->pointer.find('/', body.size()) - body.size());
    Json card = Json{{"card", Json::array({chart})}, {"title", draft::safeText(title, 60)}, {"id", uniqueName(draft::camelKey(title) + "Chart", idSet(doc))}};
    log.add(body + top, card);
    return {"Added a " + std::string(donut ? "donut" : "bar chart") + " '" + title + "' above the " + lowerAscii(labelFromWords({rows})) + " list on " +
                screenTitle(doc, list->owner) + ", live from the rows",
            ""};
}

} // namespace pt::refine
