// UTC seconds -> Asia/Shanghai civil time (Howard Hinnant's days-to-civil).
#include "core/shanghai_time.hpp"

#include <cstdio>

namespace kiosk {

LocalTime to_shanghai(std::int64_t utc_seconds)
{
    constexpr std::int64_t offset_s = 8 * 3600;
    std::int64_t t = utc_seconds + offset_s;
    std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    std::int64_t secs = t - days * 86400;

    LocalTime local{};
    local.hour = static_cast<int>(secs / 3600);
    local.minute = static_cast<int>(secs % 3600 / 60);
    local.second = static_cast<int>(secs % 60);
    local.weekday = static_cast<int>((days % 7 + 11) % 7);  // 1970-01-01 was a Thursday

    std::int64_t z = days + 719468;
    std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    std::int64_t doe = z - era * 146097;
    std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    std::int64_t mp = (5 * doy + 2) / 153;
    local.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    local.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    local.year = static_cast<int>(yoe + era * 400 + (local.month <= 2 ? 1 : 0));
    return local;
}

std::string format_hh_mm(std::int64_t utc_seconds)
{
    const LocalTime t = to_shanghai(utc_seconds);
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", t.hour, t.minute);
    return text;
}

} // namespace kiosk
