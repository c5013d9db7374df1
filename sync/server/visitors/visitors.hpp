// The visitors feature: walk-in registrations, pre-registered codes,
// redeeming codes at the gate, and move-out releases. Internal to the
// feature; the server sees only register_visitors().
#pragma once

#include "api.hpp"
#include "feature.hpp"

#include "protocol/visitors.hpp"

#include <string>

namespace lobby::server::visitors {

// visitors.cpp
ApiResponse register_visitor(ApiContext& ctx, const protocol::VisitorRequest& req);
ApiResponse create_visitor_code(ApiContext& ctx, const protocol::VisitorCodeRequest& req);
ApiResponse redeem_visitor_code(ApiContext& ctx, const protocol::RedeemRequest& req);
ApiResponse create_move_out(ApiContext& ctx, const protocol::MoveOutRequest& req);
ApiResponse get_move_out(ApiContext& ctx, const std::string& move_out_id);
ApiResponse decide_move_out(ApiContext& ctx, const std::string& move_out_id, const protocol::MoveOutDecision& req);

// retention.cpp: blanks visitors' and move-out requesters' names and phones.
void apply_visitor_retention(Database& db, const ServerConfig& config, protocol::UtcSeconds now);

// demo.cpp
void seed_visitors(DemoSeed& seed);

} // namespace lobby::server::visitors
