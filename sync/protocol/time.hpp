// ISO-8601 UTC timestamps ("2026-11-23T08:00:00Z") <-> unix seconds,
// calendar strings used by bills ("2026-10", "2026-11-15"), and the estate's
// civil time (Asia/Shanghai) that both ends show to people.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lobby::protocol {

using UtcSeconds = std::int64_t;  // seconds since 1970-01-01T00:00:00Z

std::string format_utc(UtcSeconds t);                      // "2026-11-23T08:00:00Z"
std::optional<UtcSeconds> parse_utc(std::string_view s);   // exactly that form
std::string format_date(UtcSeconds t);                     // "2026-11-23"
bool is_valid_date(std::string_view s);                    // "YYYY-MM-DD", real day
bool is_valid_period(std::string_view s);                  // "YYYY-MM"
UtcSeconds days_from_civil(int year, unsigned month, unsigned day);  // midnight UTC
UtcSeconds now_utc();

// [SECTION] Asia/Shanghai civil time
// China has used UTC+8 all year since 1991 (no daylight saving), so a fixed
// offset is exact for every time the kiosk and the office show.
inline constexpr UtcSeconds shanghai_offset_s = 8 * 3600;

struct LocalTime {
    int year = 1970;
    int month = 1;    // 1..12
    int day = 1;      // 1..31
    int hour = 0;
    int minute = 0;
    int second = 0;
    int weekday = 4;  // 0 = Sunday (1970-01-01 was a Thursday)
};

LocalTime to_shanghai(UtcSeconds t);
std::string format_hh_mm_shanghai(UtcSeconds t);  // "05:28"
std::string format_date_shanghai(UtcSeconds t);   // "2026-12-03"
UtcSeconds start_of_day_shanghai(UtcSeconds t);   // the instant the Shanghai day holding t began
// The instant a Shanghai civil date ("2026-11-15") begins, nullopt if not a real date.
std::optional<UtcSeconds> parse_date_shanghai(std::string_view date);

} // namespace lobby::protocol
