// Visitors: walk-in registrations, pre-registered codes, redeeming, and move-out releases.
#pragma once

#include "protocol/codec.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

// Visitors: POST /v1/visitors -> 201 VisitorPass
struct VisitorRequest {
    std::string name;
    std::string phone;     // 11-digit mainland mobile
    std::string unit_id;   // whom they visit
    std::string purpose;   // family, friend, delivery, courier, helper, renovation, other
    std::int64_t people = 1;  // 1..20
    std::optional<std::string> car_plate;
};
LOBBY_PROTOCOL_CODEC(VisitorRequest);

inline constexpr std::size_t walk_in_code_digits = 6;         // valid hours (visitor_pass_seconds)
inline constexpr std::size_t pre_registered_code_digits = 8;  // valid up to 7 days

// A pass code; personal data comes back masked only.
struct VisitorPass {
    std::string id;
    std::string code;  // walk_in: 6 digits, pre_registered: 8 digits
    std::string kind;  // walk_in, pre_registered
    std::string unit_id;
    std::string visitor_masked;  // "王*"
    std::string phone_masked;    // "138****5678", empty if not given
    std::string purpose;
    std::int64_t people = 1;
    bool has_car = false;
    UtcSeconds valid_from = 0;
    UtcSeconds valid_until = 0;
    std::optional<UtcSeconds> redeemed_at;
};
LOBBY_PROTOCOL_CODEC(VisitorPass);

// POST /v1/visitor-codes (staff token only) -> 201 VisitorPass
struct VisitorCodeRequest {
    std::string unit_id;
    std::string visitor_name;
    std::optional<std::string> visitor_phone;
    std::string purpose;
    std::int64_t people = 1;
    UtcSeconds valid_from = 0;
    UtcSeconds valid_until = 0;
};
LOBBY_PROTOCOL_CODEC(VisitorCodeRequest);

// POST /v1/visitor-codes/redeem -> 200 VisitorPass (with redeemed_at)
struct RedeemRequest {
    std::string code;  // 6 or 8 digits
};
LOBBY_PROTOCOL_CODEC(RedeemRequest);

// Move-out release: POST /v1/move-outs -> 201 MoveOut
struct MoveOutRequest {
    std::string unit_id;
    std::string requester_name;
    std::string requester_phone;
    std::string relation;  // owner, tenant, agent
    std::string items;     // what is carried out
    std::string planned_date;  // "2026-11-25"
    std::optional<std::string> car_plate;
};
LOBBY_PROTOCOL_CODEC(MoveOutRequest);

struct MoveOut {
    std::string id;
    std::string unit_id;
    std::string status;  // awaiting_owner_confirmation, approved, rejected
    std::string requester_masked;
    std::string relation;
    std::string planned_date;
    UtcSeconds created_at = 0;
    std::optional<UtcSeconds> decided_at;      // when the office approved or rejected
    std::optional<std::string> decision_note;  // e.g. "业主电话确认同意"
};
LOBBY_PROTOCOL_CODEC(MoveOut);

// POST /v1/move-outs/{id}/decision (staff token only) -> 200 MoveOut
struct MoveOutDecision {
    std::string status;  // approved, rejected
    std::string note;    // how the owner was reached / why refused
};
LOBBY_PROTOCOL_CODEC(MoveOutDecision);

} // namespace lobby::protocol
