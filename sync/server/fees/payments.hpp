// Payment order lookups shared by the kiosk API and the demo pay page.
#pragma once

#include "config.hpp"
#include "db.hpp"
#include "protocol/fees.hpp"

#include <optional>
#include <string>

namespace lobby::server::fees {

std::string public_base_url(const ServerConfig& config);
std::optional<protocol::PaymentOrder> find_order(Database& db, const ServerConfig& config, const std::string& order_id,
                                                 protocol::UtcSeconds now);

struct PayOutcome {
    int status = 200;
    std::string code;     // error code when status != 200
    std::string message;
    std::optional<protocol::PaymentOrder> order;
};

// Marks the order and its bills paid (inside a write transaction), or says why not.
PayOutcome pay_order(Database& db, const ServerConfig& config, const std::string& order_id, protocol::UtcSeconds now);

} // namespace lobby::server::fees
