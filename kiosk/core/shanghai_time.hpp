// Times are stored in UTC and shown in Asia/Shanghai.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk {

struct LocalTime {
    int year, month, day;  // month 1..12
    int hour, minute, second;
    int weekday;           // 0 = Sunday
};

// China has used UTC+8 all year since 1991 (no daylight saving), so a fixed
// offset is exact for every time the kiosk shows, without the tz database.
LocalTime to_shanghai(std::int64_t utc_seconds);

// "05:28": the one clock format of every screen.
std::string format_hh_mm(std::int64_t utc_seconds);

} // namespace kiosk
