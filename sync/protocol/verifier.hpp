// Offline phone verification without phone digits on the wire: the server
// sends each kiosk, for each resident of a unit, HMAC-SHA256 of
// "<unit id>:<last four digits>" under that kiosk's own verification key
// (provisioned once at enrolment, kept by the kiosk in its 0600 key file,
// never served by the API). The kiosk computes the same value for the typed
// digits and compares; a token without the key learns nothing usable.
#pragma once

#include <string>
#include <string_view>

namespace lobby::protocol {

// 64 lowercase hex characters. `key` is the kiosk's key as stored (its 64 hex
// characters are the HMAC key bytes as text).
std::string last4_verifier(std::string_view key, std::string_view unit_id, std::string_view last4);

// A pre-registered visitor code as the feed gives it to one kiosk (and as
// the kiosk keeps it): HMAC-SHA256 of "visitor-code:<code>" under the same
// key. The code itself never reaches a kiosk's disk.
std::string visitor_code_verifier(std::string_view key, std::string_view code);

// A verification key as the enrolment writes it: 32 random bytes as 64 hex.
std::string new_verification_key();

// 64 lowercase hex characters. Inline: the decoders use it, and the fuzz
// build links the decoders without OpenSSL.
inline bool is_verifier_text(std::string_view text) {
    if (text.size() != 64) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

} // namespace lobby::protocol
