// Households: proving at the kiosk that a unit is the person's own (the last
// four digits of a phone on file), for any service that needs it (repairs,
// surveys; fees proves it through its own lookup, which also returns the bill).
#pragma once

#include "protocol/codec.hpp"
#include "protocol/common.hpp"

#include <optional>
#include <string>

namespace lobby::protocol {

// POST /v1/households/verify -> 200 HouseholdVerification. Wrong digits count
// toward the same per-session waits and per-unit lock as POST /v1/fees/lookup.
struct HouseholdVerifyRequest {
    std::string unit_id;
    std::string phone_last4;
    std::optional<std::string> session_id;  // as in FeeLookupRequest: waits are per session
};
LOBBY_PROTOCOL_CODEC(HouseholdVerifyRequest);

struct HouseholdVerification {
    std::string unit_id;
    std::string owner_masked;        // "张*"
    std::string verification_token;  // proof for this kiosk and unit, until expires_at
    UtcSeconds expires_at = 0;
};
LOBBY_PROTOCOL_CODEC(HouseholdVerification);

} // namespace lobby::protocol
