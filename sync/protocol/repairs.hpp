// Repairs: categories and tickets (feed collections), repair requests, ratings, staff status changes.
#pragma once

#include "protocol/codec.hpp"
#include "protocol/common.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

// A ready-made description a person picks with one tap ("水管漏水").
struct RepairPreset {
    std::string code;
    LocalizedText name;
    std::string icon;  // Font Awesome 4.7 glyph name ("tint"); may be empty
};
LOBBY_PROTOCOL_CODEC(RepairPreset);

// One line of a paid service's indicative price list.
struct RepairPrice {
    LocalizedText item;     // 更换水龙头
    std::int64_t price_fen = 0;
    LocalizedText per;      // 次 / 个 / 米
};
LOBBY_PROTOCOL_CODEC(RepairPrice);

// collection "repair_categories", key = code.
struct RepairCategory {
    std::string code;
    LocalizedText name;
    bool in_scope = true;                 // false: the office does not handle it
    bool emergency = false;               // true: call the hotline now, not a form
    std::optional<LocalizedText> refer_to;  // who to call instead (out of scope)
    std::optional<std::string> refer_phone;
    // Inside the owner's own unit this work is paid (有偿服务): the kiosk
    // shows `prices` and the person must acknowledge before submitting.
    bool chargeable = false;
    std::string places = "both";          // own_unit, public, both: where it can be reported
    std::string icon;                     // Font Awesome 4.7 glyph name; may be empty
    std::int64_t order = 0;               // position on the kiosk's list
    std::vector<RepairPreset> presets;
    std::vector<RepairPrice> prices;
};
LOBBY_PROTOCOL_CODEC(RepairCategory);

// collection "repair_locations", key = code: the public areas a report can name.
struct RepairLocation {
    std::string code;   // lift_3_2, car_park
    LocalizedText name;
    std::int64_t order = 0;
};
LOBBY_PROTOCOL_CODEC(RepairLocation);

// GET /v1/repairs/slots: visiting slots (today, tomorrow, the day after;
// morning, afternoon, evening in Asia/Shanghai) and how many are left.
struct RepairSlot {
    UtcSeconds start = 0;
    UtcSeconds end = 0;
    std::int64_t day = 0;   // 0 today, 1 tomorrow, 2 the day after
    std::string part;       // morning, afternoon, evening
    std::int64_t capacity = 0;
    std::int64_t free = 0;
};
LOBBY_PROTOCOL_CODEC(RepairSlot);

struct RepairSlotList {
    std::vector<RepairSlot> slots;
};
LOBBY_PROTOCOL_CODEC(RepairSlotList);

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

// The resident's 验收 (acceptance) of finished work.
struct Acceptance {
    bool accepted = false;
    std::optional<std::string> comment;  // the reason, when rejected
    UtcSeconds at = 0;
};
LOBBY_PROTOCOL_CODEC(Acceptance);

// collection "tickets" (only tickets created by the asking kiosk), key = id;
// also the body of POST /v1/repairs, POST /v1/repairs/{id}/lookup and (staff)
// GET /v1/repairs/{id}. Never carries the contact phone or the follow-up code.
struct Ticket {
    std::string id;        // "R-2026-000123", the ticket number
    std::optional<std::string> unit_id;  // none for a public-area or emergency report
    std::string category;
    std::optional<std::string> preset;   // the preset the person chose
    std::string description;
    std::string location;  // public, own_unit
    std::optional<std::string> location_detail;
    bool emergency = false;
    // submitted, accepted, dispatched, scheduled, in_progress, awaiting_acceptance,
    // completed, closed (rated: the return visit), cancelled
    std::string status;
    std::optional<TimeSlot> preferred_slot;
    UtcSeconds created_at = 0;
    UtcSeconds updated_at = 0;
    std::vector<TimelineEntry> timeline;
    std::optional<Rating> rating;
    std::optional<std::string> client_ref;     // the kiosk's own id of the submission (finds it in the feed)
    std::optional<std::string> worker_masked;  // 刘*
    std::optional<std::int64_t> charge_fen;    // the agreed charge of paid work
    std::optional<Acceptance> acceptance;      // the last 验收
};
LOBBY_PROTOCOL_CODEC(Ticket);

// Repairs: POST /v1/repairs -> 201 Ticket; POST /v1/repairs/{id}/rating -> 200 Ticket
struct RepairRequest {
    std::optional<std::string> unit_id;  // required for own_unit
    std::string category;     // a repair_categories code
    std::optional<std::string> preset;  // one of the category's preset codes
    std::string description;  // 1..500 characters
    std::string location;     // public, own_unit
    std::optional<std::string> location_detail;  // "2单元电梯" / "厨房"
    std::optional<std::string> contact_phone;    // 11-digit mainland mobile
    std::optional<TimeSlot> preferred_slot;      // own unit: one of GET /v1/repairs/slots
    bool paid_acknowledged = false;  // required for a chargeable category in the own unit
    std::optional<std::string> client_ref;   // a UUID the kiosk made; echoed in the Ticket
    // Made by the kiosk (make_status_token) for the phone status page link;
    // the server keeps only its SHA-256.
    std::optional<std::string> status_token;
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

// POST /v1/repairs/lookup -> 200 Ticket: a kiosk finds a ticket by its
// follow-up code alone (the person typed it from the ticket screen).
struct TicketCodeLookupRequest {
    std::string follow_code;
};
LOBBY_PROTOCOL_CODEC(TicketCodeLookupRequest);

// POST /v1/repairs/{id}/acceptance -> 200 Ticket: 验收 of a ticket in
// awaiting_acceptance. Rejected: back to in_progress with the reason.
inline constexpr std::size_t acceptance_comment_max = 60;  // characters
struct AcceptanceRequest : TicketCredentials {
    bool accepted = false;
    std::optional<std::string> comment;  // required when rejected; at most acceptance_comment_max
};
LOBBY_PROTOCOL_CODEC(AcceptanceRequest);

// POST /v1/repairs/by-unit -> 200 UnitTicketList: a household's own
// tickets, for the person at the kiosk who has just proved the unit is
// theirs (POST /v1/households/verify). The kiosk's bearer token alone reads
// nothing here: the token must be this kiosk's, for this unit, and fresh.
struct UnitTicketsRequest {
    std::string unit_id;
    std::optional<std::string> verification_token;  // missing: 403 verification_required
};
LOBBY_PROTOCOL_CODEC(UnitTicketsRequest);

// The unit's tickets, newest first, at most unit_tickets_max; each as the
// follow-up code's lookup shows it (worker masked; no phone, no code, no
// client_ref of whichever kiosk filed it).
inline constexpr std::size_t unit_tickets_max = 30;
struct UnitTicketList {
    std::string unit_id;
    std::vector<Ticket> tickets;
};
LOBBY_PROTOCOL_CODEC(UnitTicketList);

// POST /v1/repairs/{id}/status (staff token only) -> 200 Ticket
struct TicketStatusRequest {
    // accepted, dispatched, scheduled, in_progress, awaiting_acceptance, completed, cancelled
    std::string status;
    std::string note;    // shown in the ticket timeline, 1..500 characters
    std::optional<std::string> worker;       // who was sent (dispatched); shown masked
    std::optional<std::int64_t> charge_fen;  // the agreed charge of paid work
};
LOBBY_PROTOCOL_CODEC(TicketStatusRequest);

} // namespace lobby::protocol
