// The estate's units (and their residents) as contract records, shared by
// every feature: loading a unit and re-publishing it to the feed.
#pragma once

#include "db.hpp"
#include "protocol/estate.hpp"

#include <optional>
#include <string>

namespace lobby::server {

// The unit with its owner's name masked; nullopt if there is no such unit.
std::optional<protocol::Unit> find_unit(Database& db, const std::string& unit_id);
// Publishes the unit with the last four digits of each resident's phone.
void publish_unit(Database& db, const protocol::Unit& unit);

} // namespace lobby::server
