// Plain fee data the kiosk shows: units, fee kinds, bills, a verified lookup
// and a payment order. Money is integer fen everywhere.
#pragma once

#include "core/cached_data.hpp"
#include "household/core/unit_info.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::fees {

using household::UnitInfo;

struct FeeBill {
    std::string id;
    std::string fee_kind;  // management, parking, water, ...
    std::string period;    // "2026-10"
    std::int64_t amount_fen = 0;
    std::int64_t paid_fen = 0;
    std::string status;  // unpaid, partial, paid
    std::string due_date;
    bool late = false;

    std::int64_t due_fen() const { return amount_fen - paid_fen; }
};

// A verified bill: from the server (authoritative totals) or, offline, from
// the cache (shown "as of" the last sync, never payable).
struct FeeLookup {
    UnitInfo unit;
    std::vector<FeeBill> bills;  // newest period first
    std::int64_t total_due_fen = 0;
    std::int64_t late_due_fen = 0;
    bool from_cache = false;
    std::string verification_token;  // online: the server's proof of this verification, for a payment order
};

// What a fee kind pays for and what it does not (the usual dispute).
struct FeeKindInfo {
    std::string code;  // management, parking, water, electricity, shared_energy, refuse
    LocalText name, covers, not_covered;
};

struct PaymentOrderInfo {
    std::string id;  // also the receipt number once paid
    std::vector<std::string> bill_ids;
    std::int64_t amount_fen = 0;
    std::string status;      // pending, paid, expired
    std::string qr_payload;  // the pay page URL
    std::int64_t expires_utc = 0;
    std::int64_t paid_utc = 0;    // 0: not paid
    std::string receipt_url;      // the office's signed receipt page once paid; empty: none
};

// What the fees screens read from the local cache (the io's read_cache).
struct FeesCache {
    std::vector<UnitInfo> units;  // by building, entrance, floor, room
    std::vector<FeeKindInfo> fee_kinds;
};

} // namespace kiosk::fees
