// Repair tickets as contract records (with their timeline and rating), and
// re-publishing them to the feed of the kiosk that created them.
#pragma once

#include "db.hpp"
#include "protocol/repairs.hpp"

#include <optional>
#include <string>

namespace lobby::server::repairs {

std::optional<protocol::Ticket> find_ticket(Database& db, const std::string& ticket_id);
// The ticket whose `column` (follow_code_hash or status_token_hash, a
// name of ours, never input) holds `hash`.
std::optional<std::string> ticket_id_by_hash(Database& db, const char* column, const std::string& hash);
// The phone a public-area reporter left for a call back (需要物业回电), in
// clear, for the staff console only: the API's Ticket never carries it.
// None when not given, or once the retention purge has cleared it.
std::optional<std::string> callback_phone(Database& db, const std::string& ticket_id);
// Tickets are visible only to the kiosk that created them (feed audience).
void publish_ticket(Database& db, const protocol::Ticket& ticket);

} // namespace lobby::server::repairs
