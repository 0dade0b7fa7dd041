// Promptotype — the offline refiner's requests on charts: the span a time chart covers and how it groups it
// ("show the last 12 months, not the last 30 days", "show the chart by week", "the trend for the last 90 days").
//
// A time chart is found in the spec: a line or bar chart whose points are days (the drafter's
// "map(lastDays(n), day => ...)") or a plain series of numbers. Its points are recomputed for the new span: a
// computed chart sums its per-day expression over each week or month, a plain series is stretched to the new number
// of points; the x labels follow the simulated clock either way.

#pragma once
#include "generator/offline/refine_toolkit.h"

namespace pt::refine {

bool asksChartSpan(const Request& r);                                            // "... chart ... last 12 months / by month"
Outcome changeChartSpan(EditLog& log, const Request& r, const RequestScope& scope);  // rewrites the chart's points and labels
// "add a chart of hearings per courtroom", "a pie chart of orders by status", "a chart of honey frames per hive": the
// rows counted (or a number of theirs summed) for each value of a field, or one bar per row; above the list.
bool asksGroupChart(const Request& r);
Outcome addGroupChart(EditLog& log, const Request& r, const RequestScope& scope);

} // namespace pt::refine
