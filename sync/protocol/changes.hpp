// The pull feed: GET /v1/changes?since=N returns a ChangesPage of Change records.
#pragma once

#include "protocol/codec.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace lobby::protocol {

// One record version. `data` is the record (decode it with the collection's
// type, e.g. decode<Notice>(change.data)); tombstones have deleted=true and null data.
struct Change {
    std::int64_t seq = 0;       // server-wide, strictly increasing
    std::string collection;     // one of the names in `collection::`
    std::string key;            // record id within the collection
    bool deleted = false;
    nlohmann::json data;        // object when !deleted, null when deleted
};
LOBBY_PROTOCOL_CODEC(Change);

struct ChangesPage {
    std::vector<Change> changes;
    std::int64_t next_since = 0;  // pass as ?since= next time
    bool has_more = false;        // true: ask again right away
};
LOBBY_PROTOCOL_CODEC(ChangesPage);

namespace collection {
inline constexpr const char* estate = "estate";
inline constexpr const char* fee_kinds = "fee_kinds";
inline constexpr const char* repair_categories = "repair_categories";
inline constexpr const char* repair_locations = "repair_locations";
inline constexpr const char* notices = "notices";
inline constexpr const char* surveys = "surveys";
inline constexpr const char* survey_actions = "survey_actions";
inline constexpr const char* units = "units";
inline constexpr const char* bills = "bills";
inline constexpr const char* tickets = "tickets";
inline constexpr const char* visitor_codes = "visitor_codes";
inline constexpr const char* kiosk_settings = "kiosk_settings";  // this kiosk's remote settings (key: its id)
} // namespace collection

inline constexpr std::int64_t changes_default_limit = 500;
inline constexpr std::int64_t changes_max_limit = 1000;

} // namespace lobby::protocol
