// Limits on guessing secrets (visitor codes, repair follow-up codes, staff
// passwords): misses are counted per scope (a kiosk id, or "*" for all
// kiosks) in a window (one minute unless given), and the limit-th miss locks
// the scope for a while. A guard table
// has the columns (scope PRIMARY KEY, window_start, misses, locked_until).
#pragma once

#include "db.hpp"

#include "protocol/time.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace lobby::server {

inline constexpr std::int64_t guess_window_s = 60;

class GuessGuard {
public:
    // `table` is one of the guard tables of the schema, never input.
    explicit GuessGuard(const char* table, std::int64_t window_s = guess_window_s) : m_table(table), m_window_s(window_s) {}

    // When `scope` is locked at `now`, until when; else nullopt.
    std::optional<protocol::UtcSeconds> locked_until(Database& db, const std::string& scope,
                                                     protocol::UtcSeconds now) const;
    // Counts one miss for `scope`; the limit-th within the window locks it for lock_s.
    void count_miss(Database& db, const std::string& scope, std::int64_t limit, std::int64_t lock_s,
                    protocol::UtcSeconds now) const;

private:
    std::string m_table;
    std::int64_t m_window_s;
};

} // namespace lobby::server
