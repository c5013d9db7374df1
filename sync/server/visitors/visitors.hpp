// The visitors feature: walk-in registrations (with the resident's approval
// where the estate asks for it, and the office's watchlist), pre-registered
// codes (in the feed as per-kiosk verifiers, redeemed online or reported
// after an offline use), and move-out releases confirmed by the owner.
// Internal to the feature; the server sees only register_visitors().
#pragma once

#include "api.hpp"
#include "feature.hpp"

#include "protocol/changes.hpp"
#include "protocol/visitors.hpp"

#include <string>

namespace lobby::server::visitors {

// visitors.cpp: passes and codes
ApiResponse register_visitor(ApiContext& ctx, const protocol::VisitorRequest& req);
ApiResponse get_visitor(ApiContext& ctx, const std::string& pass_id);
ApiResponse decide_for_host(ApiContext& ctx, const std::string& pass_id, const protocol::HostDecision& req);
ApiResponse create_visitor_code(ApiContext& ctx, const protocol::VisitorCodeRequest& req);
ApiResponse redeem_visitor_code(ApiContext& ctx, const protocol::RedeemRequest& req);

// code_feed.cpp: pre-registered codes in the pull feed, keyed per kiosk.
void publish_code(Database& db, const std::string& pass_id);
void add_code_verifiers(Database& db, const std::string& kiosk_id, protocol::ChangesPage& page);

// watchlist.cpp: phones and plates the office wants to see, and staff alerts.
ApiResponse add_to_watchlist(ApiContext& ctx, const protocol::WatchlistEntry& req);
bool on_watchlist(Database& db, const std::optional<std::string>& phone, const std::optional<std::string>& plate);
void alert_staff(ApiContext& ctx, const char* kind, const std::string& pass_id, const std::string& unit_id);
ApiResponse list_alerts(ApiContext& ctx);

// move_outs.cpp
ApiResponse create_move_out(ApiContext& ctx, const protocol::MoveOutRequest& req);
ApiResponse get_move_out(ApiContext& ctx, const std::string& move_out_id);
ApiResponse move_out_status(ApiContext& ctx, const protocol::MoveOutStatusRequest& req);
ApiResponse decide_move_out(ApiContext& ctx, const std::string& move_out_id, const protocol::MoveOutDecision& req);

// guard.cpp: one limit on guessing codes (visitor codes and release codes).
std::optional<ApiResponse> refuse_if_locked(ApiContext& ctx);
void count_miss(ApiContext& ctx);
ApiResponse refused(ApiResponse r);  // answered, never stored for replay

// retention.cpp: blanks visitors' and move-out requesters' names and phones.
void apply_visitor_retention(Database& db, const ServerConfig& config, protocol::UtcSeconds now);

// demo.cpp
void seed_visitors(DemoSeed& seed);

} // namespace lobby::server::visitors
