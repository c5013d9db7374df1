// Bodies the kiosk POSTs (the outbox items) and what the server answers.
#pragma once

#include "protocol/codec.hpp"
#include "protocol/records.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

// [SECTION] Repairs: POST /v1/repairs -> 201 Ticket; POST /v1/repairs/{id}/rating -> 200 Ticket
struct RepairRequest {
    std::string unit_id;
    std::string category;     // a repair_categories code
    std::string description;  // 1..500 characters
    std::string location;     // public, own_unit
    std::optional<std::string> location_detail;  // "2单元电梯" / "厨房"
    std::optional<std::string> contact_phone;    // 11-digit mainland mobile
    std::optional<TimeSlot> preferred_slot;
};
LOBBY_PROTOCOL_CODEC(RepairRequest);

using RatingRequest = Rating;

// POST /v1/repairs/{id}/status (staff token only) -> 200 Ticket
struct TicketStatusRequest {
    std::string status;  // accepted, scheduled, in_progress, completed, cancelled
    std::string note;    // shown in the ticket timeline, 1..500 characters
};
LOBBY_PROTOCOL_CODEC(TicketStatusRequest);

// [SECTION] Visitors: POST /v1/visitors -> 201 VisitorPass
struct VisitorRequest {
    std::string name;
    std::string phone;     // 11-digit mainland mobile
    std::string unit_id;   // whom they visit
    std::string purpose;   // family, friend, delivery, courier, helper, renovation, other
    std::int64_t people = 1;  // 1..20
    std::optional<std::string> car_plate;
};
LOBBY_PROTOCOL_CODEC(VisitorRequest);

// A pass code; personal data comes back masked only.
struct VisitorPass {
    std::string id;
    std::string code;  // 6 digits
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
    std::string code;
};
LOBBY_PROTOCOL_CODEC(RedeemRequest);

// [SECTION] Move-out release: POST /v1/move-outs -> 201 MoveOut
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

// [SECTION] Surveys: POST /v1/survey-responses -> 201 SurveyReceipt
struct SurveyAnswer {
    std::string question_id;
    std::vector<std::string> choice_ids;  // single: exactly 1; multiple: 0..n
    std::optional<std::string> text;      // kind "text" (and optional remarks)
};
LOBBY_PROTOCOL_CODEC(SurveyAnswer);

struct SurveyResponseRequest {
    std::string survey_id;
    std::string unit_id;     // one answer per household
    bool anonymous = false;  // true: results do not show the unit
    std::vector<SurveyAnswer> answers;
};
LOBBY_PROTOCOL_CODEC(SurveyResponseRequest);

struct SurveyReceipt {
    std::string id;
    std::string survey_id;
    UtcSeconds received_at = 0;
};
LOBBY_PROTOCOL_CODEC(SurveyReceipt);

// [SECTION] Fees: POST /v1/fees/lookup -> 200 FeeLookupResult
struct FeeLookupRequest {
    std::string unit_id;
    std::string phone_last4;  // last four digits of a phone on file
};
LOBBY_PROTOCOL_CODEC(FeeLookupRequest);

struct FeeLookupResult {
    Unit unit;
    std::vector<Bill> bills;       // newest period first
    std::int64_t total_due_fen = 0;  // sum of amount_fen - paid_fen
    std::int64_t late_due_fen = 0;   // part of total_due_fen that is late
    std::int64_t unpaid_count = 0;   // bills not fully paid
};
LOBBY_PROTOCOL_CODEC(FeeLookupResult);

// POST /v1/payment-orders -> 201 PaymentOrder; GET /v1/payment-orders/{id} -> 200
struct PaymentOrderRequest {
    std::string unit_id;
    std::vector<std::string> bill_ids;  // 1..60 unpaid or partial bills of the unit
};
LOBBY_PROTOCOL_CODEC(PaymentOrderRequest);

struct PaymentOrder {
    std::string id;
    std::string unit_id;
    std::vector<std::string> bill_ids;
    std::int64_t amount_fen = 0;
    std::string status;      // pending, paid, expired
    std::string qr_payload;  // URL of the pay page, shown as a QR code
    UtcSeconds created_at = 0;
    UtcSeconds expires_at = 0;
    std::optional<UtcSeconds> paid_at;
};
LOBBY_PROTOCOL_CODEC(PaymentOrder);

// [SECTION] Health and heartbeat
// GET /v1/health -> 200 Health (no auth)
struct Health {
    std::string status;   // "ok"
    std::string version;
};
LOBBY_PROTOCOL_CODEC(Health);

// POST /v1/heartbeat -> 200 HeartbeatAck (no Idempotency-Key)
struct Heartbeat {
    std::string kiosk_version;
    std::int64_t outbox_size = 0;
    std::optional<UtcSeconds> last_sync;  // absent until the first full pull
};
LOBBY_PROTOCOL_CODEC(Heartbeat);

struct HeartbeatAck {
    std::string kiosk_id;
    UtcSeconds server_time = 0;
};
LOBBY_PROTOCOL_CODEC(HeartbeatAck);

// GET /v1/kiosks (staff token only) -> 200 KioskList: each kiosk's health.
struct KioskStatus {
    std::string id;
    bool revoked = false;
    bool online = false;  // a heartbeat in the last 5 minutes
    std::optional<UtcSeconds> last_seen;
    std::optional<std::string> version;
    std::optional<std::int64_t> outbox_size;
    std::optional<UtcSeconds> last_sync;
};
LOBBY_PROTOCOL_CODEC(KioskStatus);

struct KioskList {
    std::vector<KioskStatus> kiosks;
};
LOBBY_PROTOCOL_CODEC(KioskList);

} // namespace lobby::protocol
