// The online calls the repairs core asks for, the answers they come back
// as, and what it hands the outbox. The io performs and encodes them.
#pragma once

#include "features/repairs/core/repairs_types.hpp"
#include "household/core/household.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::repairs {

struct CallSlots {};                         // GET /v1/repairs/slots
struct CallFindByCode { std::string code; };  // POST /v1/repairs/lookup
// 查询进度 by unit, with the token of the household's verification (online only).
struct CallUnitTickets { std::string unit_id, token; };      // POST /v1/repairs/by-unit
struct CallTicketForUnit { std::string ticket_id, token; };  // POST /v1/repairs/{id}/lookup
using RepairsCall =
    std::variant<CallSlots, CallFindByCode, household::CallVerifyHousehold, CallUnitTickets, CallTicketForUnit>;

// VerifyAgain: the household's verification no longer opens the unit's tickets.
enum class CallOutcome { Ok, NotFound, TooMany, Offline, ServerError, VerifyAgain };

struct SlotsDone {
    CallOutcome outcome = CallOutcome::ServerError;
    std::vector<Slot> slots;
};
struct TicketDone {
    CallOutcome outcome = CallOutcome::ServerError;
    std::optional<TicketInfo> ticket;
};
struct UnitTicketsDone {
    CallOutcome outcome = CallOutcome::ServerError;
    std::string unit_id;              // the unit the office answered for
    std::vector<TicketInfo> tickets;  // newest first
};
using RepairsAnswer = std::variant<SlotsDone, TicketDone, household::HouseholdVerified, UnitTicketsDone>;

// Outbox kinds.
inline constexpr const char* kind_repair = "repair";
inline constexpr const char* kind_acceptance = "repair_acceptance";
inline constexpr const char* kind_rating = "repair_rating";

struct SubmitRepair {
    std::string client_ref, follow_code, status_token;
    std::string category, preset, description;  // description: the preset's words (zh-CN, for the office)
    bool own_unit = false;
    std::string unit_id;          // own unit only
    std::string location_detail;  // the public area's name
    std::int64_t slot_start_utc = 0, slot_end_utc = 0;  // 0: none (as soon as possible)
    bool paid_acknowledged = false;
    std::string contact_phone;    // public area, when a call back was asked; empty: none
};
// A ticket followed by its code sends the code; one opened from the unit's
// list sends the household's verification token instead.
struct SubmitAcceptance {
    std::string ticket_id, follow_code, verification_token;
    bool accepted = false;
    std::string comment;
};
struct SubmitRating {
    std::string ticket_id, follow_code, verification_token;
    int score = 0;
};

} // namespace kiosk::repairs
