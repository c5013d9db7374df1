// HMAC-SHA256 verifiers of a unit's phone last-4 (OpenSSL).
#include "protocol/verifier.hpp"

#include "protocol/random.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace lobby::protocol {

namespace {

std::string hmac_hex(std::string_view key, const std::string& message) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
         message.size(), mac, &mac_len);
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * mac_len);
    for (unsigned int i = 0; i < mac_len; ++i) {
        out += hex[mac[i] >> 4];
        out += hex[mac[i] & 15];
    }
    return out;
}

} // namespace

std::string last4_verifier(std::string_view key, std::string_view unit_id, std::string_view last4) {
    // The unit id is part of the message, so one unit's values say nothing
    // about another's even where two residents share their last four digits.
    std::string message;
    message.reserve(unit_id.size() + 1 + last4.size());
    message.append(unit_id).append(":").append(last4);
    return hmac_hex(key, message);
}

std::string visitor_code_verifier(std::string_view key, std::string_view code) {
    return hmac_hex(key, "visitor-code:" + std::string(code));
}

std::string new_verification_key() { return random_hex(32); }

} // namespace lobby::protocol
