// Fees: fee kinds and bills (feed collections), fee lookup and payment orders.
#pragma once

#include "protocol/codec.hpp"
#include "protocol/common.hpp"
#include "protocol/estate.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

// collection "fee_kinds", key = code.
struct FeeKind {
    std::string code;  // management, parking, water, electricity, shared_energy, refuse
    LocalizedText name;
    LocalizedText covers;       // what the fee pays for
    LocalizedText not_covered;  // what it does not (the usual dispute)
};
LOBBY_PROTOCOL_CODEC(FeeKind);

// collection "bills", key = id. Money in integer fen.
struct Bill {
    std::string id;
    std::string unit_id;
    std::string fee_kind;
    std::string period;    // "2026-10"
    std::int64_t amount_fen = 0;
    std::int64_t paid_fen = 0;
    std::string status;    // unpaid, partial, paid
    std::string due_date;  // "2026-11-15"
    bool late = false;     // unpaid or partial after the due date
};
LOBBY_PROTOCOL_CODEC(Bill);

// Fees: POST /v1/fees/lookup -> 200 FeeLookupResult
struct FeeLookupRequest {
    std::string unit_id;
    std::string phone_last4;  // last four digits of a phone on file
    // The person's session at the kiosk (random, made when their session
    // starts, gone with it): wrong tries are delayed per (kiosk, session,
    // unit), so one person's mistakes do not lock the next person out.
    // Absent: all such lookups of the kiosk count as one session.
    std::optional<std::string> session_id;
};
LOBBY_PROTOCOL_CODEC(FeeLookupRequest);

struct FeeLookupResult {
    Unit unit;
    std::vector<Bill> bills;       // newest period first
    std::int64_t total_due_fen = 0;  // sum of amount_fen - paid_fen
    std::int64_t late_due_fen = 0;   // part of total_due_fen that is late
    std::int64_t unpaid_count = 0;   // bills not fully paid
    // Proof of this verification for POST /v1/payment-orders: random, valid
    // about 10 minutes, only for the kiosk that looked up and this unit.
    // Always sent by the server; optional when decoding (older caches).
    std::optional<std::string> verification_token;
};
LOBBY_PROTOCOL_CODEC(FeeLookupResult);

// POST /v1/payment-orders -> 201 PaymentOrder; GET /v1/payment-orders/{id} -> 200
struct PaymentOrderRequest {
    std::string unit_id;
    std::vector<std::string> bill_ids;  // 1..60 unpaid or partial bills of the unit
    // FeeLookupResult::verification_token of this kiosk's lookup of this
    // unit; missing, wrong or expired is 403 verification_required.
    std::optional<std::string> verification_token;
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
    // Once paid: the office's receipt page of this order (a signed link that
    // opens this receipt only), shown as a QR code to keep on the phone.
    std::optional<std::string> receipt_url;
};
LOBBY_PROTOCOL_CODEC(PaymentOrder);

// Staff: GET /v1/fees/lockouts -> 200 FeeLockoutList (units locked now or
// with wrong tries in the window); DELETE /v1/fees/lockouts/{unit_id} ->
// 200 FeeLockout, what was lifted (lock, wrong tries and session waits).
struct FeeLockout {
    std::string unit_id;
    std::optional<UtcSeconds> locked_until;  // the unit-wide lock; absent: not locked
    std::int64_t wrong_tries = 0;            // within the window, all kiosks and sessions
    std::int64_t waiting_sessions = 0;       // people's sessions made to wait now
};
LOBBY_PROTOCOL_CODEC(FeeLockout);

struct FeeLockoutList {
    std::vector<FeeLockout> lockouts;
};
LOBBY_PROTOCOL_CODEC(FeeLockoutList);

// Integer fen as the office's pages and receipts write it: "¥120.50".
std::string format_yuan(std::int64_t fen);

} // namespace lobby::protocol
