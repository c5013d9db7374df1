// The kiosk's own count of wrong phone digits per unit, so guessing stays
// impractical even while the server cannot be asked (offline checks).
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace kiosk::fees {

class FeeGuard {
public:
    FeeGuard(int max_failures, std::int64_t lockout_ms) : m_max_failures(max_failures), m_lockout_ms(lockout_ms) {}

    bool locked(const std::string& unit_id, std::int64_t now_ms) const;
    std::int64_t locked_until_ms(const std::string& unit_id) const;
    // Counts a wrong attempt; returns attempts left (0: now locked).
    int failure(const std::string& unit_id, std::int64_t now_ms);
    void success(const std::string& unit_id);

private:
    struct Entry {
        int failures = 0;
        std::int64_t locked_until_ms = 0;
    };
    int m_max_failures;
    std::int64_t m_lockout_ms;
    std::map<std::string, Entry> m_units;
};

} // namespace kiosk::fees
