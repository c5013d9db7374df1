// The repairs feature: tickets created at the kiosk, the staff's workflow,
// the resident's rating, repair categories in the feed. Internal to the
// feature; the server sees only register_repairs().
#pragma once

#include "api.hpp"
#include "feature.hpp"
#include "pool.hpp"

#include "protocol/repairs.hpp"

#include <optional>
#include <string>

namespace lobby::server::repairs {

// repairs.cpp
ApiResponse create_repair(ApiContext& ctx, const protocol::RepairRequest& req);
ApiResponse list_slots(ApiContext& ctx);
ApiResponse get_repair(ApiContext& ctx, const std::string& ticket_id);  // staff only
ApiResponse lookup_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::TicketLookupRequest& req);
ApiResponse lookup_by_code(ApiContext& ctx, const protocol::TicketCodeLookupRequest& req);
std::optional<protocol::RepairCategory> find_category(Database& db, const std::string& code);
void add_event(Database& db, const std::string& ticket_id, protocol::UtcSeconds at, const std::string& status,
               const std::string& note);

// unit_tickets.cpp: POST /v1/repairs/by-unit, with the household's verification.
ApiResponse list_unit_tickets(ApiContext& ctx, const protocol::UnitTicketsRequest& req);

// workflow.cpp
ApiResponse advance_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::TicketStatusRequest& req);
ApiResponse accept_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::AcceptanceRequest& req);
ApiResponse rate_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::RatingRequest& req);

// status_page.cpp: GET /repairs/status/[{estate}/]{token}, the phone's view of one ticket.
void install_status_page(RouteTable& http, Estates& estates, const ServerConfig& config);

// catalog_demo.cpp
void seed_repair_categories(DemoSeed& seed);
// demo.cpp
void seed_tickets(DemoSeed& seed);
inline constexpr const char* demo_follow_code = "WATCHK5522";  // 3-2-1502's ticket waiting for 验收

} // namespace lobby::server::repairs
