// Endpoint implementations: contract request in, ApiResponse out. Each runs
// inside a transaction the router opens (router.cpp): reads in a deferred
// one, writes in the write transaction, which is committed whatever status
// the service answers (an exception rolls it back). So a refusal keeps what
// the service wrote before it: refuse before writing, unless the write is
// the point, as when lookup_fees counts a wrong-digits attempt towards the
// lockout and answers 403.
#pragma once

#include "api.hpp"
#include "protocol/changes.hpp"
#include "protocol/requests.hpp"

#include <optional>
#include <string>

namespace lobby::server {

// repairs.cpp
ApiResponse create_repair(ApiContext& ctx, const protocol::RepairRequest& req);
ApiResponse get_repair(ApiContext& ctx, const std::string& ticket_id);
ApiResponse rate_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::RatingRequest& req);
ApiResponse advance_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::TicketStatusRequest& req);

// visitors.cpp
ApiResponse register_visitor(ApiContext& ctx, const protocol::VisitorRequest& req);
ApiResponse create_visitor_code(ApiContext& ctx, const protocol::VisitorCodeRequest& req);
ApiResponse redeem_visitor_code(ApiContext& ctx, const protocol::RedeemRequest& req);
ApiResponse create_move_out(ApiContext& ctx, const protocol::MoveOutRequest& req);
ApiResponse get_move_out(ApiContext& ctx, const std::string& move_out_id);
ApiResponse decide_move_out(ApiContext& ctx, const std::string& move_out_id, const protocol::MoveOutDecision& req);

// surveys.cpp
ApiResponse answer_survey(ApiContext& ctx, const protocol::SurveyResponseRequest& req);

// notices.cpp (staff)
ApiResponse publish_notice(ApiContext& ctx, const protocol::Notice& notice);

// fees.cpp: the read-only path answers most lookups without the write lock;
// nullopt means "run lookup_fees in a write transaction".
std::optional<ApiResponse> lookup_fees_read_only(ApiContext& ctx, const protocol::FeeLookupRequest& req);
ApiResponse lookup_fees(ApiContext& ctx, const protocol::FeeLookupRequest& req);

// payments.cpp
ApiResponse create_payment_order(ApiContext& ctx, const protocol::PaymentOrderRequest& req);
ApiResponse get_payment_order(ApiContext& ctx, const std::string& order_id);

// heartbeat.cpp
ApiResponse record_heartbeat(ApiContext& ctx, const protocol::Heartbeat& req);
ApiResponse list_kiosks(ApiContext& ctx);  // staff

} // namespace lobby::server
