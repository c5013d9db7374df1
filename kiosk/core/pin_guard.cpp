// PIN guard: verifies Argon2id hashes (constant time) and locks after repeated failures.
#include "core/pin_guard.hpp"

#include <argon2.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace kiosk {
namespace {

bool is_base64_field(std::string_view text)
{
    // Argon2's encoding: standard base64 alphabet, no padding.
    if (text.empty())
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    });
}

} // namespace

bool is_valid_pin(std::string_view pin)
{
    return pin.size() >= PinGuard::min_digits && pin.size() <= PinGuard::max_digits &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_argon2id_hash(std::string_view text)
{
    constexpr std::string_view prefix = "$argon2id$v=19$";
    if (text.substr(0, prefix.size()) != prefix)
        return false;
    text.remove_prefix(prefix.size());
    // "m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>"
    const std::size_t params_end = text.find('$');
    if (params_end == std::string_view::npos)
        return false;
    const std::string params(text.substr(0, params_end));
    unsigned long memory_kib = 0, iterations = 0, lanes = 0;
    int consumed = 0;
    if (std::sscanf(params.c_str(), "m=%lu,t=%lu,p=%lu%n", &memory_kib, &iterations, &lanes, &consumed) != 3 ||
        consumed != static_cast<int>(params.size()))
        return false;
    // Bounds a config could not sensibly exceed: a huge m would stall or
    // exhaust the kiosk at every PIN check.
    if (memory_kib < 8 || memory_kib > 1024 * 1024 || iterations < 1 || iterations > 16 || lanes < 1 || lanes > 8)
        return false;
    text.remove_prefix(params_end + 1);
    const std::size_t salt_end = text.find('$');
    if (salt_end == std::string_view::npos)
        return false;
    return is_base64_field(text.substr(0, salt_end)) && is_base64_field(text.substr(salt_end + 1));
}

Result<std::string> hash_pin(std::string_view pin)
{
    if (!is_valid_pin(pin))
        return Error{"the PIN must be " + std::to_string(PinGuard::min_digits) + " to " +
                     std::to_string(PinGuard::max_digits) + " digits"};
    unsigned char salt[16];
    if (RAND_bytes(salt, sizeof salt) != 1)
        return Error{"no random bytes for the salt (OpenSSL RAND_bytes failed)"};
    constexpr std::size_t hash_bytes = 32;
    std::vector<char> encoded(argon2_encodedlen(pin_hash_iterations, pin_hash_memory_kib, pin_hash_lanes,
                                                sizeof salt, hash_bytes, Argon2_id));
    const int rc = argon2id_hash_encoded(pin_hash_iterations, pin_hash_memory_kib, pin_hash_lanes, pin.data(),
                                         pin.size(), salt, sizeof salt, hash_bytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        return Error{std::string("argon2id failed: ") + argon2_error_message(rc)};
    return std::string(encoded.data());
}

PinGuard::PinGuard(std::string pin_hash) : m_pin_hash(std::move(pin_hash)) {}

PinGuard::Outcome PinGuard::check(std::string_view pin, std::int64_t now_ms)
{
    if (locked(now_ms))
        return Outcome::LockedOut;
    // argon2id_verify compares in constant time; a damaged hash string fails
    // to decode and counts as a wrong PIN, never as a way in. A too short PIN
    // is wrong without hashing, and still counts towards the lock.
    const bool match = is_valid_pin(pin) &&
                       argon2id_verify(m_pin_hash.c_str(), pin.data(), pin.size()) == ARGON2_OK;
    if (match) {
        m_failures = 0;
        m_next_lock_ms = first_lock_ms;
        return Outcome::Accepted;
    }
    if (++m_failures >= attempts_per_lock) {
        m_failures = 0;
        m_locked_until_ms = now_ms + m_next_lock_ms;
        m_next_lock_ms = std::min(m_next_lock_ms * 2, longest_lock_ms);
        return Outcome::LockedOut;
    }
    return Outcome::Rejected;
}

} // namespace kiosk
