// The office's own facts about a ticket, kept apart from what the resident
// sees: which maintenance worker has it, and the charge agreed with the
// household for paid work inside the flat (integer fen). Staff console only;
// table ticket_assignments (schema step of the console).
#pragma once

#include "db.hpp"

#include "protocol/time.hpp"

#include <optional>
#include <string>

namespace lobby::server::repairs {

struct Assignment {
    std::optional<std::string> worker;     // a staff username
    std::optional<std::int64_t> charge_fen;
    std::optional<std::string> charge_note;  // what the price covers, as agreed
    protocol::UtcSeconds updated_at = 0;
    std::string updated_by;
};

std::optional<Assignment> find_assignment(Database& db, const std::string& ticket_id);
void assign_worker(Database& db, const std::string& ticket_id, const std::optional<std::string>& worker,
                   const std::string& by, protocol::UtcSeconds now);
void record_charge(Database& db, const std::string& ticket_id, std::int64_t charge_fen, const std::string& note,
                   const std::string& by, protocol::UtcSeconds now);

} // namespace lobby::server::repairs
