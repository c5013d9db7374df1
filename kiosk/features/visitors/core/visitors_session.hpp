// One person's way through the Visitors screen: which errand (a code, a
// walk-in, a move-out, a release's status), what they typed and what the
// office answered. It lives in the person's session, so Home, the idle
// timeout or the next person clears all of it; nothing typed here is
// written to the kiosk's disk (an offline code use is queued by the record
// id and the code, never a name or phone).
#pragma once

#include "core/digit_entry.hpp"
#include "features/visitors/core/visitors_types.hpp"
#include "household/core/unit_picker.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::visitors {

enum class VisitorsStep {
    Menu,         // 我有访客码 / 现场登记 / 搬出放行 / 查询放行
    Code,         // the code keypad
    Purpose,      // walk-in: why they come, which decides what is asked
    Unit,         // the unit visited (or moved out of): the shared unit picker
    Surname,      // walk-in: the surname on the shared text pad (Chinese), where the purpose asks it
    Phone,        // phone on the keypad
    People,       // how many
    Car,          // walk-in: 驾车？ yes -> Plate, no -> on
    Plate,        // walk-in: the car plate on the plate pad
    Privacy,      // what is kept, why, how long: accept or decline
    ReadBack,     // 长者模式 only: what will be sent, read back; 确认提交 sends it
    Waiting,      // 正在联系住户确认 (the visitor may step aside and come back with the number)
    Pass,         // the pass: short code, QR, unit, valid until
    FrontDesk,    // please register at the front desk (no answer, declined, watchlist: never said which)
    Declined,     // privacy declined: nothing kept
    MoveItems,    // what goes out: presets and counts
    MoveWhen,     // today / tomorrow / the day after
    MoveWho,      // owner / tenant / moving company
    MoveSent,     // the release code; the office confirms with the owner
    ReleaseCode,  // the release code keypad
    ReleaseStatus,
};

enum class Errand { None, Code, WalkIn, MoveOut, Release };

// What the last attempt said, in words for the views.
enum class VisitorsNotice {
    None,
    UnknownCode,
    AlreadyUsed,
    Expired,
    NotYetValid,
    TooMany,
    NoOfflineCheck,
    NeedsNetwork,  // a walk-in, a move-out or a release's status needs the office
    Refused,
    ServerError,
    PollFailing,   // waiting for the resident, the network dropped; still asking
    BadSurname,    // a surname the rules refuse (empty or too long)
    BadPlate,      // not a car plate
};

inline constexpr std::size_t code_max_digits = 8;  // walk-in numbers 6, pre-registered codes 8
inline constexpr std::size_t code_min_digits = 6;
inline constexpr std::size_t phone_digits = 11;
inline constexpr std::size_t release_code_digits = 8;
inline constexpr int max_people = 9;
inline constexpr std::size_t surname_max_chars = 10;  // the server's limit too (protocol surname_rule)
inline constexpr std::size_t plate_min_chars = 7;
inline constexpr std::size_t plate_max_chars = 8;      // new-energy plates
inline constexpr int max_item_count = 50;

struct VisitorsSession {
    VisitorsStep step = VisitorsStep::Menu;
    Errand errand = Errand::None;
    DigitEntry code{code_max_digits};
    DigitEntry phone{phone_digits};
    DigitEntry release_code{release_code_digits};
    WalkInForm walk_in;
    MoveOutForm move_out;
    household::UnitPicker picker;  // building, entrance, room (no verification: a visitor is not the household)
    std::string move_out_items_text;  // what goes out, as the office reads it

    VisitorsNotice notice = VisitorsNotice::None;
    std::int64_t locked_until_utc = 0;

    std::uint64_t awaiting_call = 0;  // the live call whose answer we wait for; 0: none
    std::string submit_key;           // Idempotency-Key of this registration or release, kept for retries
    std::optional<PassInfo> pass;
    std::optional<ReleaseInfo> release;
    std::int64_t next_poll_ms = 0;    // waiting for the resident: when to ask again; 0: not polling
    bool came_back = false;           // the pass was found by typing its number (not just registered)
};

} // namespace kiosk::visitors
