// Household verification: the person proves the picked unit is theirs with
// the last four digits of the phone number on file (a keypad, shown as
// dots). The Verifier applies the kiosk's guard (household_guard.hpp) to
// every answer, online or offline, so waits and locks are the same in every
// service; the feature makes the call itself (fees: its bill lookup; others:
// CallVerifyHousehold) and hands the answer back as a VerifyAnswer.
#pragma once

#include "core/digit_entry.hpp"
#include "core/feature.hpp"
#include "household/core/household_guard.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <variant>

namespace kiosk::household {

// What the last verification attempt said, for the keypad's message line.
enum class Notice {
    None,
    WrongDigits,     // attempts_left says how many remain before waiting
    Wait,            // this person waits until retry_at_utc (a countdown)
    Locked,          // locked_until_utc (the server's lock or the kiosk's own)
    UnknownUnit,     // the office has no such unit
    NotCached,       // offline and this unit is not in the cache
    NoOfflineCheck,  // offline and this kiosk cannot check digits itself (no enrolled key)
    ServerError,     // 5xx or an unreadable answer; try again
};

// How a verification call ended (household/io reads HTTP answers into it).
enum class Outcome { Ok, WrongDigits, Wait, Locked, UnknownUnit, NotCached, NoOfflineCheck, ServerError };

struct VerifyAnswer {
    Outcome outcome = Outcome::ServerError;
    int attempts_left = 0;              // WrongDigits: the server's count (-1: unknown, offline)
    std::int64_t locked_until_utc = 0;  // Locked, Wait, WrongDigits (the server's wait; 0: none)
    bool offline = false;               // checked against the cache: the server was not reached
    std::string token;                  // Ok online: the server's proof of this verification
};

// One person's verification, kept in the feature's session state.
struct Verification {
    std::string unit_id;  // the unit being verified
    DigitEntry digits{4}; // as typed, shown as dots; handed over on submit
    Notice notice = Notice::None;
    int attempts_left = 0;
    std::int64_t locked_until_utc = 0;  // Locked
    std::int64_t retry_at_utc = 0;      // Wait
    std::int64_t countdown_tick_ms = 0; // next redraw of a Wait/Locked countdown; 0: none

    // The result: set when the household is verified, cleared by the next try.
    std::string verified_unit_id;
    std::string token;  // online only: the server's verification token

    // The person's own, kept when they start over within their session
    // (another unit, Back from a result) so starting over never skips a wait:
    std::string session_id;  // sent with every attempt: the server's waits are per person
    std::map<std::string, SessionTries> tries;  // per unit
};

// A fresh verification for the same person (session id and tries kept).
Verification start_over(Verification& old);

// What the keypad asks for; a feature lists them in its request variant.
struct RequestKey { char key; };  // '0'..'9', or '<' to erase one digit
struct RequestSubmit {};          // check the four digits
using DigitsRequest = std::variant<RequestKey, RequestSubmit>;

// What submit() hands the feature to send (online or, offline, to check in the cache).
struct VerifyAttempt {
    std::string unit_id, last4, session_id;
};

class Verifier {
public:
    Verifier(GuardRules rules, std::shared_ptr<LockoutBook> book);
    // The [fees] lockout settings of the config: one rule for every service.
    static GuardRules rules_from(const KioskConfig& config);

    // A unit was picked: an empty keypad, or this person's running wait.
    void begin(Verification& v, const std::string& unit_id, const FeatureContext& ctx) const;
    // A key while no answer is awaited (the feature knows that).
    void key(Verification& v, char key) const;
    // Four digits typed: the attempt to send, or nothing (not full, or the
    // person must still wait: the countdown is shown again).
    std::optional<VerifyAttempt> submit(Verification& v, const FeatureContext& ctx) const;
    // The answer to the attempt: true when the household is verified
    // (v.verified_unit_id, v.token); otherwise v.notice says why not.
    bool answered(Verification& v, const VerifyAnswer& answer, const FeatureContext& ctx);
    // Back from the keypad: typed digits and the message go.
    void leave(Verification& v) const;

    // The countdown's redraws: true when the screen changed.
    bool on_tick(Verification& v, const FeatureContext& ctx) const;
    std::int64_t next_tick_ms(const Verification& v) const;  // INT64_MAX: none

private:
    HouseholdGuard m_guard;
};

// The keypad step, all text ready to draw.
struct KeypadView {
    std::string keypad_id;  // widget ids <keypad_id>.0 .. .9, .erase, .ok
    std::string unit_label, prompt, dots, erase_label, submit_label;
    bool keypad_enabled = true;
    bool can_submit = false;
    std::string message;  // the notice in words; empty if none
    bool message_is_problem = false;
    bool busy = false;  // waiting for the answer
    std::string busy_text;
};
inline bool operator==(const KeypadView& a, const KeypadView& b)
{
    return std::tie(a.keypad_id, a.unit_label, a.prompt, a.dots, a.erase_label, a.submit_label, a.keypad_enabled,
                    a.can_submit, a.message, a.message_is_problem, a.busy, a.busy_text) ==
           std::tie(b.keypad_id, b.unit_label, b.prompt, b.dots, b.erase_label, b.submit_label, b.keypad_enabled,
                    b.can_submit, b.message, b.message_is_problem, b.busy, b.busy_text);
}
inline bool operator!=(const KeypadView& a, const KeypadView& b) { return !(a == b); }

// `busy`: the feature awaits the answer; `unit_label` from unit_label().
KeypadView build_keypad_view(const Verification& v, bool busy, const std::string& unit_label,
                             const FeatureViewInputs& in, const std::string& id_prefix);

} // namespace kiosk::household
