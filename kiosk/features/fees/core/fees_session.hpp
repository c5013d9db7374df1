// One person's way through the Fees screen: the unit they chose, the digits
// they typed, the bill they were shown and their payment order. It lives in
// the person's session (PersonSession::features), so leaving, Home or the
// idle timeout clears all of it.
#pragma once

#include "core/digit_entry.hpp"
#include "features/fees/core/fee_guard.hpp"
#include "features/fees/core/fee_types.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace kiosk::fees {

enum class FeesStep { Building, Entrance, Room, Digits, Bill, Choose, Paying, Paid, Expired };

// What the last verification or payment attempt said, in words for the views.
enum class FeesNotice {
    None,
    WrongDigits,     // attempts_left says how many remain before waiting
    Wait,            // this person waits until retry_at_utc (a countdown)
    Locked,          // locked_until_utc (the server's lock or the kiosk's own)
    UnknownUnit,     // the office has no such unit
    NotCached,       // offline and this unit is not in the cache
    NoOfflineCheck,  // offline and this kiosk cannot check digits itself (no enrolled key)
    ServerError,     // 5xx or an unreadable answer; try again
    OrderFailed,     // order creation failed; "try again" reuses the key
    BillsChanged,    // the server refused: bills already paid meanwhile
    PayNeedsNetwork, // offline bill: paying needs the network
    PollFailing,     // the network dropped while waiting; still retrying
};

struct FeesSession {
    FeesStep step = FeesStep::Building;
    int building = 0, entrance = 0;
    std::string unit_id;
    DigitEntry digits{4};        // last four phone digits as typed, shown as dots; cleared on submit
    std::string verified_last4;  // kept only for this person, to refresh the bill after paying

    FeesNotice notice = FeesNotice::None;
    int attempts_left = 0;
    std::int64_t locked_until_utc = 0;  // the server's lock or the kiosk's own (Locked)
    std::int64_t retry_at_utc = 0;      // this person's next try (Wait)
    std::int64_t countdown_tick_ms = 0; // next redraw of a Wait/Locked countdown; 0: none

    // This person's own: sent with each lookup so the server's waits are per
    // person, and their wrong tries per unit. Kept when they start over
    // within their session (another building, Back from a bill); gone with it.
    std::string session_id;
    std::map<std::string, SessionTries> tries;

    std::uint64_t awaiting_call = 0;  // id of the live call whose answer we wait for; 0: none
    std::optional<FeeLookup> lookup;
    std::string verification_token;  // the server's proof of this verification (online lookups only)
    std::set<std::string> chosen;  // bill ids to pay
    std::string explain_kind;      // fee kind whose "what does it cover" dialog is open
    bool show_paid_history = false;  // paid bills are folded away until asked for

    std::string order_key;                // Idempotency-Key for `order_bills`, reused on retry
    std::set<std::string> order_bills;    // what order_key was made for
    std::optional<PaymentOrderInfo> order;
    std::int64_t next_poll_ms = 0;        // 0: not polling
    bool refreshing = false;              // re-reading the bill after payment
};

} // namespace kiosk::fees
