// The online calls the fees controller asks for, and the answers they come
// back as. Core only describes them; the fees io performs them (HTTP through
// the shared live client, the cache when the office cannot be reached).
#pragma once

#include "features/fees/core/fee_types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::fees {

// POST /v1/fees/lookup; offline, the io checks the cache instead.
struct CallFeeLookup {
    std::string unit_id, last4;
    std::string session_id;  // the person's session (FeesSession::session_id)
};
// POST /v1/payment-orders with an Idempotency-Key (same key on every retry).
struct CallCreateOrder {
    std::string unit_id;
    std::vector<std::string> bill_ids;
    std::string idempotency_key;
    std::string verification_token;  // from this session's LookupDone (the server refuses without it)
};
// GET /v1/payment-orders/{id}
struct CallPollOrder {
    std::string order_id;
};

using FeesCall = std::variant<CallFeeLookup, CallCreateOrder, CallPollOrder>;

// How a call ended, before its payload is looked at.
enum class CallOutcome {
    Ok,
    WrongDigits,   // 403 phone_mismatch (locked_until_utc: the server's wait for this session, if any)
    Wait,          // 429 too_many_attempts: this session waits until locked_until_utc
    Locked,        // 423 unit_locked
    UnknownUnit,   // 404 unknown_unit
    NotCached,     // offline and the unit is not cached
    NoOfflineCheck,  // offline and the unit came without verifiers for this kiosk (no enrolled key)
    Conflict,      // 409: bills already paid / changed
    Expired,       // 410 order expired
    ServerError,   // 5xx, unreadable answer, other 4xx
    Offline,       // no answer at all (connect, timeout)
};

struct LookupDone {
    CallOutcome outcome = CallOutcome::ServerError;
    int attempts_left = 0;              // WrongDigits (server's count; -1 unknown)
    std::int64_t locked_until_utc = 0;  // Locked, Wait, WrongDigits (0: none)
    std::optional<FeeLookup> lookup;    // Ok (from_cache tells which source)
    bool offline = false;               // checked against the cache: the server was not reached
};

struct OrderDone {
    CallOutcome outcome = CallOutcome::ServerError;
    std::optional<PaymentOrderInfo> order;  // Ok (created or polled)
};

using FeesAnswer = std::variant<LookupDone, OrderDone>;

} // namespace kiosk::fees
