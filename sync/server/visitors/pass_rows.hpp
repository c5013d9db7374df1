// One way to read a visitor pass from its row: the columns to select and the
// row to VisitorPass mapping (names and phones opened, then masked, so
// neither a kiosk nor the staff console sees them in clear).
#pragma once

#include "db.hpp"

#include "protocol/visitors.hpp"

namespace lobby::server::visitors {

// The select list read_pass expects, in its order.
inline constexpr const char* pass_columns =
    "id, code, kind, unit_id, name, phone, purpose, people, car_plate, valid_from, valid_until, redeemed_at";

protocol::VisitorPass read_pass(Database& db, Statement& row);

} // namespace lobby::server::visitors
