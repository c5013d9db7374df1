// What the repairs core knows of the office's data, as plain values: the
// catalog (categories, presets, prices, public areas), the estate's
// emergency numbers, and tickets as the office reports them.
#pragma once

#include "core/cached_data.hpp"
#include "household/core/unit_info.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::repairs {

struct PresetInfo {
    std::string code;
    LocalText name;
    std::string icon;
    bool operator==(const PresetInfo& o) const { return code == o.code && name == o.name && icon == o.icon; }
};

struct PriceInfo {
    LocalText item;
    std::int64_t price_fen = 0;
    LocalText per;
    bool operator==(const PriceInfo& o) const { return item == o.item && price_fen == o.price_fen && per == o.per; }
};

struct CategoryInfo {
    std::string code;
    LocalText name;
    std::string icon;
    bool in_scope = true;
    bool emergency = false;
    bool chargeable = false;
    std::string places = "both";  // own_unit, public, both
    LocalText refer_to;           // who to call instead (out of scope)
    std::string refer_phone;
    std::vector<PresetInfo> presets;
    std::vector<PriceInfo> prices;
};

struct LocationInfo {
    std::string code;
    LocalText name;
};

struct ContactInfo {
    LocalText name;
    std::string phone;
};

struct TimelineStep {
    std::int64_t at_utc = 0;
    std::string status;
    std::string note;
};

struct TicketInfo {
    std::string id;  // the ticket number
    std::string unit_id;  // empty: a public-area or emergency report
    std::int64_t created_utc = 0;
    std::string status;
    std::string category;
    std::string description;
    std::string worker_masked;
    std::int64_t charge_fen = -1;  // -1: none agreed
    bool rated = false;
    std::vector<TimelineStep> timeline;
};

struct Slot {
    std::int64_t start_utc = 0, end_utc = 0;
    int day = 0;       // 0 today, 1 tomorrow, 2 the day after
    std::string part;  // morning, afternoon, evening
    int free = 0;
};

// What the repairs io reads from the cache for the views.
struct RepairsCache {
    std::vector<CategoryInfo> categories;  // in the office's order
    std::vector<LocationInfo> locations;
    std::string hotline;
    std::vector<ContactInfo> contacts;
    // Tickets this kiosk filed, by the client_ref it gave them: the number
    // and status the office assigned, once the outbox delivered them.
    std::map<std::string, TicketInfo> filed;
    std::vector<household::UnitInfo> units;  // for 我家: the unit picker
};

} // namespace kiosk::repairs
