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

} // namespace lobby::protocol
