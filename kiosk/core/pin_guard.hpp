// Checks the admin PIN against its SHA-256 and slows down guessing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

class PinGuard {
public:
    enum class Outcome { Accepted, Rejected, LockedOut };

    explicit PinGuard(std::string pin_sha256_hex);

    Outcome check(std::string_view pin, std::int64_t now_ms);
    bool locked(std::int64_t now_ms) const { return now_ms < m_locked_until_ms; }
    std::int64_t locked_until_ms() const { return m_locked_until_ms; }

    // After this many wrong PINs in a row the guard locks; each further lock doubles.
    static constexpr int attempts_per_lock = 3;
    static constexpr std::int64_t first_lock_ms = 30'000;
    static constexpr std::int64_t longest_lock_ms = 15 * 60'000;

private:
    std::string m_pin_sha256_hex;
    int m_failures = 0;
    std::int64_t m_next_lock_ms = first_lock_ms;
    std::int64_t m_locked_until_ms = 0;
};

std::string sha256_hex(std::string_view text);

} // namespace kiosk
