// The repairs feature: tickets created at the kiosk, the staff's workflow,
// the resident's rating, repair categories in the feed. Internal to the
// feature; the server sees only register_repairs().
#pragma once

#include "api.hpp"
#include "feature.hpp"

#include "protocol/repairs.hpp"

#include <string>

namespace lobby::server::repairs {

// repairs.cpp
ApiResponse create_repair(ApiContext& ctx, const protocol::RepairRequest& req);
ApiResponse get_repair(ApiContext& ctx, const std::string& ticket_id);  // staff only
ApiResponse lookup_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::TicketLookupRequest& req);
ApiResponse rate_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::RatingRequest& req);
ApiResponse advance_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::TicketStatusRequest& req);

// demo.cpp
void seed_repair_categories(DemoSeed& seed);
void seed_tickets(DemoSeed& seed);

} // namespace lobby::server::repairs
