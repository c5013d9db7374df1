// Lists for the staff console: the passes valid during a period (names and
// phones masked, as kiosks see them) and the move-out requests in a status.
// Read-only; creating and deciding stay in visitors.cpp.
#pragma once

#include "db.hpp"

#include "protocol/visitors.hpp"

#include <string>
#include <vector>

namespace lobby::server::visitors {

// Passes whose validity overlaps [from, until), earliest first, as they stand at `now`.
std::vector<protocol::VisitorPass> passes_between(Database& db, protocol::UtcSeconds from, protocol::UtcSeconds until,
                                                  protocol::UtcSeconds now, int limit);

struct MoveOutListing {
    std::string id;
    std::string items;  // what is carried out, as the requester typed it
};
// Oldest first for "awaiting_owner_confirmation"; newest first otherwise.
std::vector<MoveOutListing> move_outs_in(Database& db, const std::string& status, int limit);

} // namespace lobby::server::visitors
