// Units, bills and tickets: loading them as contract records and
// re-publishing them to the feed after a change.
#pragma once

#include "db.hpp"
#include "protocol/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lobby::server {

std::optional<protocol::Unit> find_unit(Database& db, const std::string& unit_id);
void publish_unit(Database& db, const protocol::Unit& unit);

// The moment a bill counts as late: end of its due day in China (UTC+8).
protocol::UtcSeconds late_from(const std::string& due_date);

std::optional<protocol::Bill> find_bill(Database& db, const std::string& bill_id, protocol::UtcSeconds now);
std::vector<protocol::Bill> unit_bills(Database& db, const std::string& unit_id, protocol::UtcSeconds now);
void publish_bill(Database& db, const protocol::Bill& bill);

std::optional<protocol::Ticket> find_ticket(Database& db, const std::string& ticket_id);
// Tickets are visible only to the kiosk that created them (feed audience).
void publish_ticket(Database& db, const protocol::Ticket& ticket);

} // namespace lobby::server
