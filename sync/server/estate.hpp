// The estate's units (and their residents) as contract records, shared by
// every feature: loading a unit and re-publishing it to the feed.
#pragma once

#include "db.hpp"
#include "protocol/changes.hpp"
#include "protocol/estate.hpp"

#include <optional>
#include <string>

namespace lobby::server {

// The last four characters of a phone (as SQL's substr(phone, -4) did).
std::string last4_of(const std::string& phone);

// The unit with its owner's name masked; nullopt if there is no such unit.
std::optional<protocol::Unit> find_unit(Database& db, const std::string& unit_id);
// Publishes the unit without any phone digits: the feed row is shared by all
// kiosks, each gets its own verifiers when it reads (add_unit_verifiers).
void publish_unit(Database& db, const protocol::Unit& unit);

// Puts into every units record of `page` the verifiers of its residents'
// phone last-4 keyed with this kiosk's verification key (none without a
// key), and drops any phone field an older row may still hold.
void add_unit_verifiers(Database& db, const std::string& kiosk_id, protocol::ChangesPage& page);

} // namespace lobby::server
