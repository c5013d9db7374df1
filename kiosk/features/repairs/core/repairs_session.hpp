// One person's way through the repairs screen: what they are reporting,
// what they filed, the ticket they follow. It lives in the person's session,
// so Home or the idle timeout clears all of it (codes and tickets included).
#pragma once

#include "features/repairs/core/repairs_types.hpp"
#include "household/core/household.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::repairs {

enum class RepairsStep {
    Start,          // 公共区域 / 我家, the red emergency button, 查询进度
    Unit,           // 我家: building, entrance, room (shared picker)
    Digits,         // 我家: the phone's last four digits (shared verification)
    EmergencyMenu,  // which emergency
    Emergency,      // the numbers in very large text, what to do now
    Location,       // which public area
    Category,       // what kind of problem
    Preset,         // which problem exactly
    OutOfScope,     // not the office's: who to call; nothing filed
    PaidNotice,     // paid work in the home: prices, acknowledge
    When,           // own unit: a visiting slot
    ReadBack,       // what, where, when; 还有其他问题吗？
    Done,           // ticket numbers, follow-up codes, QR codes
    CodeEntry,      // 查询进度: type the follow-up code
    Ticket,         // a ticket's timeline, 验收, rating
    UnitTickets,    // 查询进度 by unit: the verified household's tickets
    ConfirmVerdict, // 长者模式: the 验收 or the rating read back before it is sent
};

enum class RepairsNotice {
    None,
    NoCategory,      // a preset or submit without a category chosen
    SlotTaken,       // the chosen slot filled meanwhile: choose another
    SlotsOffline,    // slots need the network
    NotFound,        // no ticket has this code
    TooMany,         // this kiosk typed too many wrong codes; wait
    TrackOffline,    // following a ticket needs the network
    ServerError,     // 5xx or an answer the kiosk cannot read
    SaveFailed,      // the outbox could not write: nothing was saved
    StorageFull,
    AlreadyRated,    // rating twice
    CommentTooLong,  // a 验收 comment over the limit
    CodeIncomplete,  // fewer symbols than a code has
    NoteTooLong,     // 补充说明 over the limit
    BadPhone,        // a call-back phone that is not an 11-digit mainland mobile
    UnitNeedsNetwork,  // tracking by unit needs the office: use the follow-up code
    VerifyAgain,       // the household's verification expired: pick the unit again
};

// One problem reported (a read-back screen may hold several).
struct ReportItem {
    std::string category, preset, description;
    bool paid_acknowledged = false;
};

// What was filed in this session, to show and to follow.
struct FiledTicket {
    std::string client_ref, follow_code, status_token;
    std::string category, preset;
};

struct RepairsSession {
    RepairsStep step = RepairsStep::Start;
    RepairsNotice notice = RepairsNotice::None;

    bool own_unit = false;
    household::UnitPicker picker;
    household::Verification verification;
    std::string unit_id;   // own unit, once verified
    bool submitting = false;  // Submit waits for the slot's second check
    std::string location;  // public area code
    std::string location_words;
    std::string category, preset;  // the item being chosen
    bool category_paid = false;    // its work in the home is paid (有偿服务)
    std::vector<ReportItem> items;  // chosen, waiting for submit
    std::string note;               // the person's own words for the office (补充说明), sent with each item
    // 需要物业回电？ Public area only (the household is verified in the own
    // unit). Leaves the session with the submission; the outbox drops it
    // once the office has the ticket.
    std::string contact_phone;
    std::optional<Slot> slot;
    std::vector<Slot> slots;        // the last free slots from the server

    std::string emergency;         // the emergency category shown
    bool emergency_saved = false;  // its ticket is in the outbox

    std::vector<FiledTicket> filed;  // this session's, newest last

    std::string code;           // the follow-up code being typed or followed
    std::optional<TicketInfo> ticket;
    // 长者模式: the 验收 (accepted, or the reason's key) or the rating tapped
    // on the ticket, waiting for 确认提交 on the read-back.
    struct Verdict {
        bool rating = false;
        bool accepted = false;
        std::string comment_key;
        int score = 0;
    };
    std::optional<Verdict> verdict;
    bool acceptance_sent = false;
    bool rating_sent = false;
    int rating_given = 0;

    // 查询进度 by unit: the Unit and Digits steps lead to the household's
    // tickets instead of a report. The list is this person's only: it lives
    // here, in memory, and goes with Back out of it, Home and the idle timeout.
    bool track_by_unit = false;
    std::vector<TicketInfo> unit_tickets;  // newest first
    bool ticket_from_unit = false;         // the open ticket came from that list

    std::uint64_t awaiting_call = 0;  // 0: none
};

} // namespace kiosk::repairs
