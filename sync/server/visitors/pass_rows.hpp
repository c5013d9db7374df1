// One way to read a visitor pass from its row: the columns to select and the
// row to VisitorPass mapping (names and phones opened, then masked, so
// neither a kiosk nor the staff console sees them in clear).
#pragma once

#include "db.hpp"

#include "protocol/visitors.hpp"

namespace lobby::server::visitors {

// The select list read_pass expects, in its order.
inline constexpr const char* pass_columns =
    "id, code, kind, unit_id, name, phone, purpose, people, car_plate, valid_from, valid_until, redeemed_at, "
    "status, host_wait_until, uses_allowed, uses";

// The pass as the API shows it at `now`: a resident who did not answer in
// time sends the visitor to the front desk.
protocol::VisitorPass read_pass(Database& db, Statement& row, protocol::UtcSeconds now);

} // namespace lobby::server::visitors
