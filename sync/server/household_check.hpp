// Proving a household at a kiosk: the last four digits of a phone on file
// for the unit. Wrong tries are limited in two layers so guessing stays
// impractical while one person's mistakes (or a neighbour's mischief) do not
// lock a household out:
//  - per person's session at a kiosk (kiosk, session, unit): a few free
//    tries, then waits that double (429 too_many_attempts, locked_until);
//  - per unit, everywhere: enough wrong tries within the window lock the unit
//    (423 unit_locked) until it runs out or staff lift it (fees/lockouts.cpp).
// One guard for every way in: POST /v1/fees/lookup (which then shows the
// bill) and POST /v1/households/verify count toward the same waits and lock.
#pragma once

#include "api.hpp"

#include "protocol/estate.hpp"
#include "protocol/households.hpp"

#include <optional>
#include <string>
#include <variant>

namespace lobby::server {

struct HouseholdClaim {
    std::string unit_id;
    std::string phone_last4;
    std::optional<std::string> session_id;  // absent: all of the kiosk's tries count as one session
};

// The read-only path: the refusal that needs no write (unknown unit, the
// unit's lock, this session's wait), or nullopt: "check in a write transaction".
std::optional<ApiResponse> household_refusal_read_only(ApiContext& ctx, const HouseholdClaim& claim);

// In a write transaction: the unit when the digits match (its count and this
// session's tries start again), else the refusal (404, 423, 429, 403 with
// attempts_left and the session's wait), the wrong try counted.
std::variant<protocol::Unit, ApiResponse> check_household(ApiContext& ctx, const HouseholdClaim& claim);

// POST /v1/households/verify: the check, then a verification token for this
// kiosk and unit (verification.hpp) with the masked owner's name.
std::optional<ApiResponse> verify_household_read_only(ApiContext& ctx, const protocol::HouseholdVerifyRequest& req);
ApiResponse verify_household(ApiContext& ctx, const protocol::HouseholdVerifyRequest& req);

} // namespace lobby::server
