// Promptotype — calendar arithmetic (see dates.h), after Howard Hinnant's days-from-civil algorithms.

#include "runtime/spec/dates.h"
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

namespace pt {

int64_t daysFromCivil(int64_t y, int m, int d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(int64_t days) {
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    CivilDate c;
    c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    c.year = yoe + era * 400 + (c.month <= 2);
    return c;
}

int64_t dayOf(double seconds) {
    // About ±9,500 years: far beyond any prototype, and the integer conversion stays defined.
    const double t = std::clamp(std::isnan(seconds) ? 0.0 : seconds, -3e11, 3e11);
    return static_cast<int64_t>(std::floor(t / kSecondsPerDay));
}

int weekday(int64_t days) { return static_cast<int>(((days % 7) + 11) % 7); }  // 1970-01-01 was a Thursday (4)

int weekdayMon0(int64_t days) { return (weekday(days) + 6) % 7; }

int daysInMonth(int64_t y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

std::string_view monthName(int month) {
    static const char* const kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? kNames[month - 1] : "";
}

std::string_view weekdayName(int sunday0) {
    static const char* const kNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    return sunday0 >= 0 && sunday0 <= 6 ? kNames[sunday0] : "";
}

namespace {

// 1..12 for a month name in full or its first three letters ("sept" too), any case; 0 otherwise.
int monthOfWord(const std::string& word) {
    for (int m = 1; m <= 12; ++m) {
        std::string name(monthName(m));
        for (auto& c : name) c = (char)std::tolower((unsigned char)c);
        if (word == name || word == name.substr(0, 3) || (m == 9 && word == "sept")) return m;
    }
    return 0;
}

bool isWeekdayWord(const std::string& word) {
    for (int d = 0; d < 7; ++d) {
        std::string name(weekdayName(d));
        for (auto& c : name) c = (char)std::tolower((unsigned char)c);
        if (word == name || word == name.substr(0, 3)) return true;
    }
    return false;
}

// "2026-05-14": the ISO form, digits exactly where they belong.
bool parseIsoDay(std::string_view s, int64_t* year, int* month, int* day) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit((unsigned char)s[i])) return false;
    *year = std::stoi(std::string(s.substr(0, 4)));
    *month = std::stoi(std::string(s.substr(5, 2)));
    *day = std::stoi(std::string(s.substr(8, 2)));
    return true;
}

} // namespace

bool parseWrittenDate(std::string_view text, int64_t defaultYear, int64_t* out) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    int64_t year = defaultYear;
    int month = 0, day = 0;
    if (!parseIsoDay(text, &year, &month, &day)) {
        // Words: a month name, a day (1-2 digits, maybe with st/nd/rd/th), a year (4 digits), a weekday to skip.
        std::vector<std::string> words;
        std::string word;
        for (size_t i = 0; i <= text.size(); ++i) {
            const char c = i < text.size() ? (char)std::tolower((unsigned char)text[i]) : ' ';
            if (c == ' ' || c == ',' || c == '.') {
                if (!word.empty()) words.push_back(word);
                word.clear();
            } else {
                word += c;
            }
        }
        bool haveYear = false;
        for (const std::string& w : words) {
            size_t digits = 0;
            while (digits < w.size() && std::isdigit((unsigned char)w[digits])) ++digits;
            const std::string suffix = w.substr(digits);
            if (digits == 4 && suffix.empty() && !haveYear) {
                year = std::stoi(w);
                haveYear = true;
            } else if (digits >= 1 && digits <= 2 && day == 0 && (suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) {
                day = std::stoi(w.substr(0, digits));
            } else if (digits == 0 && month == 0 && monthOfWord(w)) {
                month = monthOfWord(w);
            } else if (digits > 0 || !isWeekdayWord(w)) {
                return false;
            }
        }
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
    *out = daysFromCivil(year, month, day);
    return true;
}

} // namespace pt
