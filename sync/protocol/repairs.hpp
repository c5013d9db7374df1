// Repairs: categories and tickets (feed collections), repair requests, ratings, staff status changes.
#pragma once

#include "protocol/codec.hpp"
#include "protocol/common.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

// collection "repair_categories", key = code.
struct RepairCategory {
    std::string code;
    LocalizedText name;
    bool in_scope = true;                 // false: the office does not handle it
    bool emergency = false;               // true: call the hotline now, not a form
    std::optional<LocalizedText> refer_to;  // who to call instead (out of scope)
    std::optional<std::string> refer_phone;
};
LOBBY_PROTOCOL_CODEC(RepairCategory);

struct TimeSlot {
    UtcSeconds start = 0;
    UtcSeconds end = 0;
};
LOBBY_PROTOCOL_CODEC(TimeSlot);

struct Rating {
    std::int64_t score = 0;  // 1..5
    bool solved = false;
    std::optional<std::string> comment;
};
LOBBY_PROTOCOL_CODEC(Rating);

struct TimelineEntry {
    UtcSeconds at = 0;
    std::string status;
    std::string note;  // staff note, may be empty
};
LOBBY_PROTOCOL_CODEC(TimelineEntry);

// collection "tickets" (only tickets created by the asking kiosk), key = id;
// also the body of POST /v1/repairs, POST /v1/repairs/{id}/lookup and (staff)
// GET /v1/repairs/{id}. Never carries the contact phone or the follow-up code.
struct Ticket {
    std::string id;        // "R-2026-000123"
    std::string unit_id;
    std::string category;
    std::string description;
    std::string location;  // public, own_unit
    std::optional<std::string> location_detail;
    bool emergency = false;
    std::string status;    // submitted, accepted, scheduled, in_progress, completed, closed, cancelled
    std::optional<TimeSlot> preferred_slot;
    UtcSeconds created_at = 0;
    UtcSeconds updated_at = 0;
    std::vector<TimelineEntry> timeline;
    std::optional<Rating> rating;
};
LOBBY_PROTOCOL_CODEC(Ticket);

// Repairs: POST /v1/repairs -> 201 Ticket; POST /v1/repairs/{id}/rating -> 200 Ticket
struct RepairRequest {
    std::string unit_id;
    std::string category;     // a repair_categories code
    std::string description;  // 1..500 characters
    std::string location;     // public, own_unit
    std::optional<std::string> location_detail;  // "2单元电梯" / "厨房"
    std::optional<std::string> contact_phone;    // 11-digit mainland mobile
    std::optional<TimeSlot> preferred_slot;
    // Made by the kiosk (make_follow_code) and printed on its ticket screen;
    // the server keeps only its SHA-256 and never sends it back.
    std::optional<std::string> follow_code;
};
LOBBY_PROTOCOL_CODEC(RepairRequest);

// How a kiosk shows it may see a ticket: its follow-up code, or the
// verification_token of a fee lookup of the ticket's unit by this kiosk.
struct TicketCredentials {
    std::optional<std::string> follow_code;
    std::optional<std::string> verification_token;
};

// POST /v1/repairs/{id}/lookup -> 200 Ticket
struct TicketLookupRequest : TicketCredentials {};
LOBBY_PROTOCOL_CODEC(TicketLookupRequest);

// POST /v1/repairs/{id}/rating -> 200 Ticket (staff tokens need no credentials)
struct RatingRequest : TicketCredentials {
    std::int64_t score = 0;  // 1..5
    bool solved = false;
    std::optional<std::string> comment;
};
LOBBY_PROTOCOL_CODEC(RatingRequest);

// POST /v1/repairs/{id}/status (staff token only) -> 200 Ticket
struct TicketStatusRequest {
    std::string status;  // accepted, scheduled, in_progress, completed, cancelled
    std::string note;    // shown in the ticket timeline, 1..500 characters
};
LOBBY_PROTOCOL_CODEC(TicketStatusRequest);

} // namespace lobby::protocol
