// The office's ticket queue (for the staff console): tickets of one state
// group, overdue ones first, then emergencies, then the oldest; and the
// count in each state. Read-only; the workflow stays in repairs.cpp.
#pragma once

#include "db.hpp"

#include "protocol/time.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lobby::server::repairs {

// When an open ticket is overdue: an emergency not done within 4 hours, a
// ticket nobody accepted within 24 hours, a visit slot that ended before
// the work started, or anything open for 7 days.
inline constexpr std::int64_t overdue_emergency_s = 4 * 3600;
inline constexpr std::int64_t overdue_unaccepted_s = 24 * 3600;
inline constexpr std::int64_t overdue_open_s = 7 * 86400;

struct QueueRow {
    std::string id;
    std::string unit_id;
    std::string category;
    std::string description;
    std::string status;
    bool emergency = false;
    bool overdue = false;
    std::optional<protocol::UtcSeconds> slot_start;
    protocol::UtcSeconds created_at = 0;
    protocol::UtcSeconds updated_at = 0;
    std::optional<std::string> worker;  // staff_assignment.hpp
};

// `group`: "open" (submitted, accepted, scheduled, in_progress), or one status;
// `worker`: only the tickets assigned to this staff member.
std::vector<QueueRow> ticket_queue(Database& db, const std::string& group, protocol::UtcSeconds now, int limit,
                                   int offset, const std::optional<std::string>& worker = std::nullopt);
std::map<std::string, std::int64_t> ticket_counts(Database& db);  // status -> tickets
std::int64_t overdue_count(Database& db, protocol::UtcSeconds now);

} // namespace lobby::server::repairs
