// A unit's verification: a fee lookup with the right phone digits issues a
// token for this kiosk and this unit (only its SHA-256 is stored), and the
// actions a household may take only for itself show it again: payment
// orders, reading or rating its repair tickets, its survey answer.
#pragma once

#include "api.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace lobby::server {

// A fresh 128-bit token for the caller's kiosk and `unit_id`; purges tokens
// past every window first.
std::string issue_unit_verification(ApiContext& ctx, const std::string& unit_id);

// How old a token may be for what it proves.
enum class VerificationUse {
    online,     // made while the person stands at the kiosk (payment orders, ticket reads): verification_ttl_seconds
    submitted,  // delivered by the kiosk's outbox, maybe much later (ratings, survey answers): submission_verification_ttl_seconds
};

// True if `token` was issued to the caller's kiosk for `unit_id` within the
// window of `use`. One answer for every reason it is not, so a caller learns
// nothing about other kiosks' or units' tokens.
bool unit_verified(ApiContext& ctx, const std::optional<std::string>& token, const std::string& unit_id,
                   VerificationUse use);

// Why a token does or does not prove `unit_id` now, for an endpoint that
// tells the kiosk what to do next (verify again, or it asked for the wrong
// unit). Only the caller's own kiosk's tokens are looked at: another
// kiosk's token is `unknown`, as one never issued.
enum class VerificationStanding { valid, unknown, expired, other_unit };
VerificationStanding verification_standing(ApiContext& ctx, const std::string& token, const std::string& unit_id,
                                           VerificationUse use);

} // namespace lobby::server
