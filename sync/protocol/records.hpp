// Records of the pull feed collections: estate, fee kinds, repair categories,
// notices, surveys, units, bills, tickets (the `data` of a Change).
#pragma once

#include "protocol/codec.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

// {"zh-CN": "...", "zh-HK": "...", "en": "..."}; zh-CN is always present,
// the others may be empty (the kiosk falls back to zh-CN).
struct LocalizedText {
    std::string zh_cn;
    std::string zh_hk;
    std::string en;
};
LOBBY_PROTOCOL_CODEC(LocalizedText);

struct EmergencyContact {
    LocalizedText name;  // 消防 / 医疗急救 / 物业24小时值班
    std::string phone;   // dialable, e.g. "119" or "0755-86001234"
};
LOBBY_PROTOCOL_CODEC(EmergencyContact);

// collection "estate", key "estate": exactly one record.
struct Estate {
    LocalizedText name;
    LocalizedText address;
    std::string hotline;
    LocalizedText office_hours;
    std::vector<EmergencyContact> emergency_contacts;
};
LOBBY_PROTOCOL_CODEC(Estate);

// collection "fee_kinds", key = code.
struct FeeKind {
    std::string code;  // management, parking, water, electricity, shared_energy, refuse
    LocalizedText name;
    LocalizedText covers;       // what the fee pays for
    LocalizedText not_covered;  // what it does not (the usual dispute)
};
LOBBY_PROTOCOL_CODEC(FeeKind);

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

// collection "notices", key = id. Expired notices arrive as tombstones.
struct Notice {
    std::string id;    // "N-17"
    std::string kind;  // outage, safety, event, fee, service
    bool urgent = false;
    LocalizedText title;
    LocalizedText body;
    UtcSeconds published_at = 0;
    std::optional<UtcSeconds> expires_at;
};
LOBBY_PROTOCOL_CODEC(Notice);

struct SurveyChoice {
    std::string id;
    LocalizedText text;
};
LOBBY_PROTOCOL_CODEC(SurveyChoice);

struct SurveyQuestion {
    std::string id;
    std::string kind;  // single, multiple, text
    LocalizedText text;
    std::vector<SurveyChoice> choices;  // empty for kind "text"
};
LOBBY_PROTOCOL_CODEC(SurveyQuestion);

// collection "surveys", key = id.
struct Survey {
    std::string id;
    LocalizedText title;
    UtcSeconds opens_at = 0;
    UtcSeconds closes_at = 0;
    bool anonymous_allowed = true;
    std::vector<SurveyQuestion> questions;
};
LOBBY_PROTOCOL_CODEC(Survey);

// collection "units", key = id ("3-2-1502"). Owner name masked; of the
// residents' phones only the last four digits travel, so a kiosk can verify a
// resident while the office is unreachable (it stores a keyed hash of them).
struct Unit {
    std::string id;
    std::int64_t building = 0;
    std::int64_t entrance = 0;
    std::int64_t floor = 0;
    std::string room;  // floor + two digits: "1502"
    double area_m2 = 0;
    std::string owner_masked;  // "张*"
    // JSON: "resident_1_phone_last4": "5678", "resident_2_phone_last4": ...
    // (feed records only; empty in fee lookup results).
    std::vector<std::string> resident_phone_last4;
};
LOBBY_PROTOCOL_CODEC(Unit);

// collection "bills", key = id. Money in integer fen.
struct Bill {
    std::string id;
    std::string unit_id;
    std::string fee_kind;
    std::string period;    // "2026-10"
    std::int64_t amount_fen = 0;
    std::int64_t paid_fen = 0;
    std::string status;    // unpaid, partial, paid
    std::string due_date;  // "2026-11-15"
    bool late = false;     // unpaid or partial after the due date
};
LOBBY_PROTOCOL_CODEC(Bill);

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
// also the body of POST /v1/repairs and GET /v1/repairs/{id}.
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

} // namespace lobby::protocol
