// ISO-8601 UTC timestamps ("2026-11-23T08:00:00Z") <-> unix seconds, and
// calendar strings used by bills ("2026-10", "2026-11-15").
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

} // namespace lobby::protocol
