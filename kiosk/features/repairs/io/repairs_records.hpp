// Protocol records <-> the repairs core's plain values, and the cache read.
#pragma once

#include "features/repairs/core/repairs_calls.hpp"

#include "protocol/repairs.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace kiosk::store {
class Store;
}

namespace kiosk::repairs {

TicketInfo to_ticket_info(const lobby::protocol::Ticket& ticket);
RepairsCache read_repairs_cache(store::Store& store);
// The wire form of each submission: path and body.
std::optional<std::pair<std::string, nlohmann::json>> encode_submission(const std::any& payload);

} // namespace kiosk::repairs
