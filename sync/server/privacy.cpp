// Masking, hashing and randomness.
#include "privacy.hpp"

#include <openssl/rand.h>
#include <openssl/sha.h>

#include <stdexcept>
#include <vector>

namespace lobby::server {
namespace {

// Splits UTF-8 text into code points (input is validated before storage).
std::vector<std::string> code_points(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        if (i + len > s.size()) len = s.size() - i;
        out.emplace_back(s.substr(i, len));
        i += len;
    }
    return out;
}

std::string to_hex(const unsigned char* bytes, std::size_t n) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += hex[bytes[i] >> 4];
        out += hex[bytes[i] & 15];
    }
    return out;
}

void random_bytes(unsigned char* out, std::size_t n) {
    if (RAND_bytes(out, static_cast<int>(n)) != 1) throw std::runtime_error("RAND_bytes failed");
}

} // namespace

std::string mask_name(std::string_view name) {
    const auto cps = code_points(name);
    if (cps.empty()) return "*";
    if (cps.size() <= 2) return cps[0] + "*";
    // Keep the surname (one character, two for 4+ character names) and the last character.
    const std::size_t keep = cps.size() >= 4 ? 2 : 1;
    std::string out;
    for (std::size_t i = 0; i < keep; ++i) out += cps[i];
    return out + "*" + cps.back();
}

std::string mask_phone(std::string_view phone) {
    if (phone.size() < 7) return "****";
    return std::string(phone.substr(0, 3)) + "****" + std::string(phone.substr(phone.size() - 4));
}

std::string sha256_hex(std::string_view data) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
    return to_hex(digest, sizeof digest);
}

std::string random_hex(std::size_t bytes) {
    std::vector<unsigned char> buf(bytes);
    random_bytes(buf.data(), bytes);
    return to_hex(buf.data(), bytes);
}

std::string random_digits(std::size_t count) {
    std::string out;
    while (out.size() < count) {
        unsigned char b = 0;
        random_bytes(&b, 1);
        if (b < 250) out += static_cast<char>('0' + b % 10);  // reject 250..255 to stay uniform
    }
    return out;
}

} // namespace lobby::server
