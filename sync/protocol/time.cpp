// ISO-8601 UTC conversions and Shanghai civil time, without the C library's
// locale/timezone state.
#include "protocol/time.hpp"

#include <chrono>
#include <cstdio>

namespace lobby::protocol {
namespace {

// Howard Hinnant's civil-from-days: days since epoch -> y/m/d.
void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

bool digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

// Floor division of seconds into whole days and the seconds left in the day.
void split_days(std::int64_t t, std::int64_t& days, std::int64_t& rem) {
    days = t / 86400;
    rem = t % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
}

unsigned days_in_month(int y, unsigned m) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

bool parse_date_part(std::string_view s, int& y, int& mo, int& d) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
    if (!digits(s, 0, 4, y) || !digits(s, 5, 2, mo) || !digits(s, 8, 2, d)) return false;
    return y >= 1970 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 &&
           static_cast<unsigned>(d) <= days_in_month(y, static_cast<unsigned>(mo));
}

} // namespace

UtcSeconds days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (era * 146097 + static_cast<std::int64_t>(doe) - 719468) * 86400;
}

std::string format_utc(UtcSeconds t) {
    std::int64_t days = 0, rem = 0;
    split_days(t, days, rem);
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d, static_cast<int>(rem / 3600),
                  static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
    return buf;
}

std::string format_date(UtcSeconds t) { return format_utc(t).substr(0, 10); }

std::optional<UtcSeconds> parse_utc(std::string_view s) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return std::nullopt;
    if (!parse_date_part(s, y, mo, d)) return std::nullopt;
    if (!digits(s, 11, 2, h) || !digits(s, 14, 2, mi) || !digits(s, 17, 2, se)) return std::nullopt;
    if (h > 23 || mi > 59 || se > 59) return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) + h * 3600 + mi * 60 + se;
}

bool is_valid_date(std::string_view s) {
    int y = 0, mo = 0, d = 0;
    return s.size() == 10 && parse_date_part(s, y, mo, d);
}

bool is_valid_period(std::string_view s) {
    int y = 0, mo = 0;
    return s.size() == 7 && s[4] == '-' && digits(s, 0, 4, y) && digits(s, 5, 2, mo) && y >= 1970 && mo >= 1 &&
           mo <= 12;
}

UtcSeconds now_utc() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

LocalTime to_shanghai(UtcSeconds t) {
    std::int64_t days = 0, rem = 0;
    split_days(t + shanghai_offset_s, days, rem);
    int y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    LocalTime local;
    local.year = y;
    local.month = static_cast<int>(m);
    local.day = static_cast<int>(d);
    local.hour = static_cast<int>(rem / 3600);
    local.minute = static_cast<int>(rem / 60 % 60);
    local.second = static_cast<int>(rem % 60);
    local.weekday = static_cast<int>(((days % 7) + 11) % 7);  // day 0 was a Thursday (4)
    return local;
}

std::string format_hh_mm_shanghai(UtcSeconds t) {
    const LocalTime local = to_shanghai(t);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", local.hour, local.minute);
    return buf;
}

std::string format_date_shanghai(UtcSeconds t) { return format_date(t + shanghai_offset_s); }

UtcSeconds start_of_day_shanghai(UtcSeconds t) {
    std::int64_t days = 0, rem = 0;
    split_days(t + shanghai_offset_s, days, rem);
    return days * 86400 - shanghai_offset_s;
}

std::optional<UtcSeconds> parse_date_shanghai(std::string_view date) {
    int y = 0, mo = 0, d = 0;
    if (date.size() != 10 || !parse_date_part(date, y, mo, d)) return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) - shanghai_offset_s;
}

} // namespace lobby::protocol
