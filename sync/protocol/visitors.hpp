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
    // The surname only (1..10 characters), and only for purposes that ask it:
    // a courier gives none. Stored sealed, shown masked (李*).
    std::optional<std::string> name;
    std::string phone;     // 11-digit mainland mobile
    std::string unit_id;   // whom they visit
    std::string purpose;   // family, friend, delivery, courier, helper, renovation, other
    std::int64_t people = 1;  // 1..20
    std::optional<std::string> car_plate;  // when driving in: 粤B12345, new energy 粤BD12345 (protocol/plate.hpp)
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
    std::optional<UtcSeconds> redeemed_at;  // the first use
    // valid; awaiting_host (the resident is asked, when the estate requires
    // it); declined (the resident said no); see_front_desk (no answer in
    // time, or the office wants to see this visitor: the kiosk says only
    // "please register at the front desk").
    std::string status = "valid";
    std::int64_t uses_allowed = 1;
    std::int64_t uses = 0;
};
LOBBY_PROTOCOL_CODEC(VisitorPass);

inline constexpr const char* pass_valid = "valid";
inline constexpr const char* pass_awaiting_host = "awaiting_host";
inline constexpr const char* pass_declined = "declined";
inline constexpr const char* pass_see_front_desk = "see_front_desk";

// Feed collection "visitor_codes": a pre-registered code a kiosk may check
// offline. Never the code itself: code_verifier is HMAC-SHA256 of
// "visitor-code:<code>" under the receiving kiosk's verification key
// (protocol/verifier.hpp), added per kiosk when the page is read.
struct VisitorCodeRecord {
    std::string id;
    std::string unit_id;
    std::string visitor_masked;
    std::string purpose;
    std::int64_t people = 1;
    UtcSeconds valid_from = 0;
    UtcSeconds valid_until = 0;
    std::int64_t uses_left = 1;
    std::optional<std::string> code_verifier;
    UtcSeconds expires_at = 0;  // = valid_until: the kiosk purges it then
};
LOBBY_PROTOCOL_CODEC(VisitorCodeRecord);

// POST /v1/visitors/{id}/host-decision (staff token only; the resident's
// answer as the office received it) -> 200 VisitorPass
struct HostDecision {
    std::string decision;  // approved, declined
};
LOBBY_PROTOCOL_CODEC(HostDecision);

// POST /v1/visitor-watchlist (staff token only) -> 201 WatchlistEntry.
// A walk-in whose phone or plate is listed is sent to the front desk.
struct WatchlistEntry {
    std::optional<std::string> phone;
    std::optional<std::string> car_plate;
    std::string note;
};
LOBBY_PROTOCOL_CODEC(WatchlistEntry);

// GET /v1/visitor-alerts (staff token only): what staff must look at.
struct VisitorAlert {
    std::int64_t id = 0;
    std::string kind;  // double_use (a code used at two kiosks offline), watchlist
    std::string pass_id;
    std::string unit_id;
    std::string kiosk_id;
    UtcSeconds created_at = 0;
};
LOBBY_PROTOCOL_CODEC(VisitorAlert);

struct VisitorAlertList {
    std::vector<VisitorAlert> alerts;
};
LOBBY_PROTOCOL_CODEC(VisitorAlertList);

// POST /v1/visitor-codes (staff token only) -> 201 VisitorPass
struct VisitorCodeRequest {
    std::string unit_id;
    std::string visitor_name;
    std::optional<std::string> visitor_phone;
    std::string purpose;
    std::int64_t people = 1;
    UtcSeconds valid_from = 0;
    UtcSeconds valid_until = 0;
    std::int64_t uses = 1;  // how many times the code opens the gate (1..20)
};
LOBBY_PROTOCOL_CODEC(VisitorCodeRequest);

// POST /v1/visitor-codes/redeem -> 200 VisitorPass (with redeemed_at)
struct RedeemRequest {
    std::string code;  // 6 or 8 digits
    // Set when a kiosk accepted the code offline (against its cache) and
    // reports the use later through its outbox: the server counts it, and
    // when the code was already used up (another kiosk offline, first
    // report wins) answers 200 all the same and alerts staff.
    std::optional<UtcSeconds> used_offline_at;
};
LOBBY_PROTOCOL_CODEC(RedeemRequest);

// Move-out release: POST /v1/move-outs -> 201 MoveOut
struct MoveOutRequest {
    std::string unit_id;
    std::optional<std::string> requester_name;  // the kiosk asks for it once it has a text input
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
    // 8 digits the requester types at a kiosk to see the status.
    std::optional<std::string> release_code;
    std::optional<std::string> decided_by;  // the staff account that recorded the owner's answer
    std::optional<std::string> decided_via; // how the owner was reached: phone_call, in_person, video_call
};
LOBBY_PROTOCOL_CODEC(MoveOut);

inline constexpr std::size_t release_code_digits = 8;

// POST /v1/move-outs/status: a release's status by the code the requester
// was given (guesses limited like visitor codes) -> 200 MoveOut
struct MoveOutStatusRequest {
    std::string release_code;  // 8 digits
};
LOBBY_PROTOCOL_CODEC(MoveOutStatusRequest);

// POST /v1/move-outs/{id}/decision (staff token only) -> 200 MoveOut
struct MoveOutDecision {
    std::string status;  // approved, rejected
    std::string note;    // how the owner was reached / why refused
    // Required to approve: how the owner confirmed (tenants have faked consent letters).
    std::optional<std::string> via;  // phone_call, in_person, video_call
};
LOBBY_PROTOCOL_CODEC(MoveOutDecision);

} // namespace lobby::protocol
