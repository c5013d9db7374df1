// One person's way through the Fees screen: the unit they chose and its
// verification (the shared household pieces), the bill they were shown and
// their payment order. It lives in the person's session
// (PersonSession::features), so leaving, Home or the idle timeout clears all
// of it.
#pragma once

#include "features/fees/core/fee_types.hpp"
#include "household/core/household.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace kiosk::fees {

// Unit and Digits are the shared household steps (picker, then the
// verification keypad); the rest are the bill and paying. Confirm, the
// read-back of what is about to be paid, comes between Choose and Paying in
// 长者模式 only.
enum class FeesStep { Unit, Digits, Bill, Choose, Confirm, Paying, Paid, Expired };

// What the last bill or payment attempt said, in words for the views (the
// verification's own notices are in household::Verification).
enum class FeesNotice {
    None,
    OrderFailed,     // order creation failed; "try again" reuses the key
    BillsChanged,    // the server refused: bills already paid meanwhile
    PayNeedsNetwork, // offline bill: paying needs the network
    PollFailing,     // the network dropped while waiting; still retrying
};

struct FeesSession {
    FeesStep step = FeesStep::Unit;
    household::UnitPicker picker;              // building, entrance, room
    household::Verification verification;      // the digits, waits, the result and its token
    std::string verified_last4;  // kept only for this person, to refresh the bill after paying

    FeesNotice notice = FeesNotice::None;

    std::uint64_t awaiting_call = 0;  // id of the live call whose answer we wait for; 0: none
    std::optional<FeeLookup> lookup;
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
