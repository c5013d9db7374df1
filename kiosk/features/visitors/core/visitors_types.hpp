// Plain visitor data the kiosk shows (a pass, a move-out release) and the
// online calls the visitors core asks for, with their answers. No protocol
// types: the io translates.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace kiosk::visitors {

struct PassInfo {
    std::string id, code, kind;  // kind: walk_in, pre_registered
    std::string unit_id;         // "3-2-1502"
    std::string visitor_masked;  // "李*", empty when none was given
    std::string status;          // valid, awaiting_host, declined, see_front_desk
    std::int64_t valid_until_utc = 0;
    bool offline = false;        // accepted against the cache; the office hears of it later
};

struct ReleaseInfo {
    std::string release_code, unit_id;
    std::string status;  // awaiting_owner_confirmation, approved, rejected
    std::string planned_date;  // "2026-11-25"
    std::int64_t decided_at_utc = 0;
};

// A walk-in as typed; only what the purpose asks for.
struct WalkInForm {
    std::string purpose;  // family, courier, helper, renovation, other (the server's names)
    std::string unit_id;
    std::string surname;    // only where the purpose asks it (walk_in_fields); "" otherwise
    std::string phone;
    int people = 1;
    std::string car_plate;  // only when driving in; "" otherwise
};

// Move-out: what goes out (preset -> count), when and by whom.
struct MoveOutForm {
    std::string unit_id;
    std::map<std::string, int> items;
    int days_ahead = 0;     // 0 today, 1 tomorrow, 2 the day after
    std::string relation;   // owner, tenant, agent
    std::string phone;
};

// [SECTION] Calls (performed by the io, off the UI thread)

// POST /v1/visitor-codes/redeem; offline, the cache is checked instead.
struct CallRedeem {
    std::string code;
    std::string idempotency_key;
};
// POST /v1/visitors, the same key on every retry (exactly once).
struct CallRegister {
    WalkInForm form;
    std::string idempotency_key;
};
// GET /v1/visitors/{id}: the resident's answer so far.
struct CallPollPass {
    std::string pass_id;
};
// POST /v1/move-outs, the same key on every retry.
struct CallRequestRelease {
    MoveOutForm form;
    std::string items_text;  // as the office reads it
    std::string planned_date;
    std::string idempotency_key;
};
// POST /v1/move-outs/status
struct CallReleaseStatus {
    std::string release_code;
};

using VisitorsCall = std::variant<CallRedeem, CallRegister, CallPollPass, CallRequestRelease, CallReleaseStatus>;

// [SECTION] Answers

enum class Outcome {
    Ok,
    UnknownCode,     // 404: no such code (or, offline, not among the cached ones)
    AlreadyUsed,     // 409 (or used here before, offline)
    Expired,         // 410 (or, offline, past its end)
    NotYetValid,     // 422 code_not_yet_valid
    TooMany,         // 429: this kiosk is paused (locked_until_utc)
    NoOfflineCheck,  // offline and this kiosk has no key: codes are checked online only
    Offline,         // no answer, and nothing the cache can do
    Refused,         // another 4xx (a field the server refused)
    ServerError,     // 5xx or an unreadable answer
};

struct PassDone {
    Outcome outcome = Outcome::ServerError;
    std::optional<PassInfo> pass;
    std::int64_t locked_until_utc = 0;
};

struct ReleaseDone {
    Outcome outcome = Outcome::ServerError;
    std::optional<ReleaseInfo> release;
    std::int64_t locked_until_utc = 0;
};

using VisitorsAnswer = std::variant<PassDone, ReleaseDone>;

} // namespace kiosk::visitors
