// Checks the admin PIN against its Argon2id hash and slows down guessing.
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

// Argon2id cost of a new hash. The check runs between two frames on the UI
// thread, so it must stay near one frame: m=19 MiB t=2 p=1 (OWASP's minimum
// for Argon2id) measured 30-35 ms on the 2-core build machine. An offline
// guess of a stolen hash costs the same, ~9 h for all 6-digit PINs per core.
inline constexpr std::uint32_t pin_hash_memory_kib = 19 * 1024;
inline constexpr std::uint32_t pin_hash_iterations = 2;
inline constexpr std::uint32_t pin_hash_lanes = 1;

class PinGuard {
public:
    enum class Outcome { Accepted, Rejected, LockedOut };

    // `pin_hash` is an encoded Argon2id string ("$argon2id$v=19$m=...").
    explicit PinGuard(std::string pin_hash);

    Outcome check(std::string_view pin, std::int64_t now_ms);
    bool locked(std::int64_t now_ms) const { return now_ms < m_locked_until_ms; }
    std::int64_t locked_until_ms() const { return m_locked_until_ms; }

    // After this many wrong PINs in a row the guard locks; each further lock doubles.
    static constexpr int attempts_per_lock = 3;
    static constexpr std::int64_t first_lock_ms = 30'000;
    static constexpr std::int64_t longest_lock_ms = 15 * 60'000;

    // Admin PINs are 6 to 8 digits: the keypad takes up to 8, and fewer than 6
    // (a million combinations) cannot be set (hash_pin) and count as wrong.
    static constexpr std::size_t min_digits = 6;
    static constexpr std::size_t max_digits = 8;

private:
    std::string m_pin_hash;
    int m_failures = 0;
    std::int64_t m_next_lock_ms = first_lock_ms;
    std::int64_t m_locked_until_ms = 0;
};

// PinGuard::min_digits to max_digits ASCII digits.
bool is_valid_pin(std::string_view pin);

// A new encoded Argon2id hash of the PIN with a random salt (kiosk --hash-pin).
// Refuses a PIN that is_valid_pin refuses.
Result<std::string> hash_pin(std::string_view pin);

// True if `text` has the shape of an encoded Argon2id v19 hash with sane
// parameters (checked when the config loads, without hashing anything).
bool is_argon2id_hash(std::string_view text);

} // namespace kiosk
