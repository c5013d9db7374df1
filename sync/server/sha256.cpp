// SHA-256 (OpenSSL).
#include "sha256.hpp"

#include <openssl/sha.h>

namespace lobby::server {

std::string sha256_hex(std::string_view data) {
    static constexpr char hex[] = "0123456789abcdef";
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
    std::string out;
    for (const unsigned char b : digest) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

} // namespace lobby::server
