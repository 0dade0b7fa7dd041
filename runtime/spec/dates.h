// Promptotype — calendar arithmetic on the simulated clock: proleptic Gregorian dates as day numbers.
//
// The clock is naive local time (seconds since 1970-01-01T00:00, see EvalEnv::now), so dates never
// depend on the host's time zone. Expressions (date math, formatting) and the date widgets
// (calendar, heatmap, date picker) all count days with these functions.

#pragma once
#include <cstdint>
#include <string_view>

namespace pt {

constexpr double kSecondsPerDay = 86400;

struct CivilDate {
    int64_t year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
};

int64_t daysFromCivil(int64_t year, int month, int day);  // day number (0 = 1970-01-01) of a date
CivilDate civilFromDays(int64_t days);                    // the date of a day number
int64_t dayOf(double seconds);                            // day number of a clock time (clamped: absurd times stay defined)
int weekday(int64_t days);                                // 0 = Sunday .. 6 = Saturday
int weekdayMon0(int64_t days);                            // 0 = Monday .. 6 = Sunday (calendar grids start on Monday)
int daysInMonth(int64_t year, int month);                 // 28..31
std::string_view monthName(int month);                    // "January" for 1; "" outside 1..12
std::string_view weekdayName(int sunday0);                // "Sunday" for 0; "" outside 0..6

// A date as a person writes it: "2026-05-14", "May 14, 2026", "14 May 2026", "Thu, May 14, 2026", "May 14th 2026";
// month and weekday names in full or in three letters, any case. Without a year ("Thu, May 14", the way a date field
// shows this year's dates) it is in `defaultYear`. False when the text is none of these or names no such day.
bool parseWrittenDate(std::string_view text, int64_t defaultYear, int64_t* day);

} // namespace pt
