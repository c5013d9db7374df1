// The estate record (name, hotline, emergency contacts) and units (collections "estate", "units").
#pragma once

#include "protocol/codec.hpp"
#include "protocol/common.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

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

// collection "units", key = id ("3-2-1502"). Owner name masked; no phone
// digits travel: each kiosk gets, per resident, a verifier keyed with its own
// verification key (protocol/verifier.hpp), so it can check typed digits while
// the office is unreachable and a token holder without the key learns nothing.
struct Unit {
    std::string id;
    std::int64_t building = 0;
    std::int64_t entrance = 0;
    std::int64_t floor = 0;
    std::string room;  // the number on the door: "1502", or with a letter: "B1203", "1502A"
    double area_m2 = 0;
    std::string owner_masked;  // "张*"
    // JSON "resident_last4_hmacs": ["<64 hex>", ...], sorted, omitted when
    // empty: HMAC-SHA256(kiosk key, unit id + ":" + last4) per resident.
    // Only in the feed a kiosk with a key pulls; never in lookup results.
    std::vector<std::string> resident_last4_hmacs;
};
LOBBY_PROTOCOL_CODEC(Unit);

} // namespace lobby::protocol
