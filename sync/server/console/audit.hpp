// The audit log: every staff action (and every sign-in attempt) with who,
// what, when and from which address. Written in the same transaction as the
// action, so an action without its entry never happens. Managers read it.
#pragma once

#include "db.hpp"

#include "protocol/time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lobby::server::console {

struct AuditEntry {
    std::int64_t id = 0;
    protocol::UtcSeconds at = 0;
    std::string username;  // who (as typed, for a failed sign-in)
    std::string action;    // "repair.status", "notice.publish", "login.failed", ...
    std::string target;    // what it acted on: a ticket id, a notice id, a unit
    std::string detail;    // e.g. "accepted -> scheduled"; never a password or a resident's phone
    std::string address;   // the client's IP address
};

void record_audit(Database& db, const AuditEntry& entry);
// Newest first; `before_id` pages back (0: from the newest); `username` filters when given.
std::vector<AuditEntry> read_audit(Database& db, std::int64_t before_id, int limit,
                                   const std::optional<std::string>& username = std::nullopt);

} // namespace lobby::server::console
