// Network calls the controller asks the app layer to make off the UI thread,
// and the events their answers come back as. Core only describes them; the
// app layer (kiosk/app/live_requests) does the HTTP.
#pragma once

#include "core/fee_types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk {

// POST /v1/fees/lookup; offline, the executor checks the cache instead.
struct CallFeeLookup {
    std::uint64_t id = 0;
    std::string unit_id, last4;
};
// POST /v1/payment-orders with an Idempotency-Key (same key on every retry).
struct CallCreateOrder {
    std::uint64_t id = 0;
    std::string unit_id;
    std::vector<std::string> bill_ids;
    std::string idempotency_key;
};
// GET /v1/payment-orders/{id}
struct CallPollOrder {
    std::uint64_t id = 0;
    std::string order_id;
};
// Ask the sync worker to pull now (a payment changed bills).
struct CallPullNow {
    std::uint64_t id = 0;
};

using LiveCall = std::variant<CallFeeLookup, CallCreateOrder, CallPollOrder, CallPullNow>;

// How a live call ended, before its payload is looked at.
enum class CallOutcome {
    Ok,
    WrongDigits,   // 403 phone_mismatch
    Locked,        // 423 unit_locked
    UnknownUnit,   // 404 unknown_unit
    NotCached,     // offline and the unit is not cached
    Conflict,      // 409: bills already paid / changed
    Expired,       // 410 order expired
    ServerError,   // 5xx, unreadable answer, other 4xx
    Offline,       // no answer at all (connect, timeout)
};

struct EventFeesLookupDone {
    std::uint64_t call_id = 0;
    CallOutcome outcome = CallOutcome::ServerError;
    int attempts_left = 0;              // WrongDigits (server's count; -1 unknown)
    std::int64_t locked_until_utc = 0;  // Locked
    std::optional<FeeLookup> lookup;    // Ok (from_cache tells which source)
};

struct EventOrderDone {
    std::uint64_t call_id = 0;
    CallOutcome outcome = CallOutcome::ServerError;
    std::optional<PaymentOrderInfo> order;  // Ok (created or polled)
};

using LiveEvent = std::variant<EventFeesLookupDone, EventOrderDone>;

} // namespace kiosk
