// For the staff console: a unit's bills and payment orders, as staff look
// them up when a household calls. Read-only; order ids are bearer secrets
// (they open the pay page), so only their first characters leave here.
#pragma once

#include "db.hpp"

#include "protocol/time.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lobby::server::fees {

struct BillListing {
    std::string fee_kind;
    std::string period;
    std::int64_t amount_fen = 0;
    std::int64_t paid_fen = 0;
    std::string due_date;
};
// Newest period first.
std::vector<BillListing> unit_bills(Database& db, const std::string& unit_id, int limit);

struct OrderListing {
    std::string id_prefix;  // "PO-1a2b…"
    std::int64_t amount_fen = 0;
    protocol::UtcSeconds created_at = 0;
    protocol::UtcSeconds expires_at = 0;
    std::optional<protocol::UtcSeconds> paid_at;
    std::string provider;
};
// Newest first.
std::vector<OrderListing> unit_orders(Database& db, const std::string& unit_id, int limit);

} // namespace lobby::server::fees
