// Payment order lookups and the paying of an order, shared by the kiosk API,
// the demo pay page and provider confirmations (settle.hpp).
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

// Marks the order and its bills paid (inside a write transaction), or says
// why not: the one path by which an order becomes paid, for the demo pay
// page and for provider confirmations (which may come after the expiry).
PayOutcome pay_order(Database& db, const ServerConfig& config, const std::string& order_id, protocol::UtcSeconds now,
                     bool provider_confirmed = false);

// "demo", "wechat": the provider the order was created at; nullopt: no such order.
std::optional<std::string> order_provider(Database& db, const std::string& order_id);

} // namespace lobby::server::fees
