// Promptotype — the offline refiner's requests on charts. See refine_charts.h.

#include "generator/offline/refine_charts.h"
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

// A number with at most two decimals, as an expression literal.
std::string literal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
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
    if (!site.node) return notFound("a chart over time (a line or bar chart of days)");
    const Json& data = (*site.node)[site.typeKey];
    // Whole days, so a group's days stay dates the rows' dates compare with.
    const std::string n = std::to_string(span.points), step = literal(std::round(span.groupDays));
    // The start of group i (0 = the oldest), on the simulated clock.
    const std::string groupStart = "addDays(today(), (i - " + std::to_string(span.points - 1) + ") * " + step + ")";
    Json points;
    std::smatch m;
    std::string text = data.is_string() ? data.get<std::string>() : "";
    if (std::regex_match(text, m, daily)) {
        if (span.groupDays == 1) points = "${map(lastDays(" + n + "), " + m[2].str() + " => " + m[3].str() + ")}";
        else {
            // Each group sums its days: the day expression over the group's days.
            const int days = static_cast<int>(std::lround(span.groupDays));
            points = "${map(range(0, " + n + "), i => sum(map(map(range(0, " + std::to_string(days) + "), k => addDays(" + groupStart + ", k - " +
                     std::to_string(days - 1) + ")), " + m[2].str() + " => " + m[3].str() + ")))}";
        }
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
    log.set(site.pointer + "/labels", "${map(range(0, " + n + "), i => date(" + groupStart + ", '" + span.format + "'))}");
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

} // namespace pt::refine
