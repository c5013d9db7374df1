// PIN guard: compares hashes in constant time and locks after repeated failures.
#include "core/pin_guard.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>

namespace kiosk {

std::string sha256_hex(std::string_view text)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

PinGuard::PinGuard(std::string pin_sha256_hex) : m_pin_sha256_hex(std::move(pin_sha256_hex))
{
    std::transform(m_pin_sha256_hex.begin(), m_pin_sha256_hex.end(), m_pin_sha256_hex.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
}

PinGuard::Outcome PinGuard::check(std::string_view pin, std::int64_t now_ms)
{
    if (locked(now_ms))
        return Outcome::LockedOut;
    std::string digest = sha256_hex(pin);
    bool match = digest.size() == m_pin_sha256_hex.size() &&
                 CRYPTO_memcmp(digest.data(), m_pin_sha256_hex.data(), digest.size()) == 0;
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
