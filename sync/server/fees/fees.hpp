// The fees feature: fee lookup with phone-last-4 verification and its limits,
// payment orders and the demo pay page, fee kinds and bills in the feed.
// Internal to the feature; the server sees only register_fees().
#pragma once

#include "api.hpp"
#include "feature.hpp"

#include "protocol/fees.hpp"

#include <optional>
#include <string>

namespace lobby::server::fees {

// lookup.cpp: the read-only path answers most lookups without the write
// lock; nullopt means "run lookup_fees in a write transaction".
std::optional<ApiResponse> lookup_fees_read_only(ApiContext& ctx, const protocol::FeeLookupRequest& req);
ApiResponse lookup_fees(ApiContext& ctx, const protocol::FeeLookupRequest& req);

// lockouts.cpp (staff only)
ApiResponse list_lockouts(ApiContext& ctx);
ApiResponse lift_lockout(ApiContext& ctx, const std::string& unit_id);

// payments.cpp
ApiResponse create_payment_order(ApiContext& ctx, const protocol::PaymentOrderRequest& req);
ApiResponse get_payment_order(ApiContext& ctx, const std::string& order_id);

// demo.cpp
void seed_fee_kinds(DemoSeed& seed);
void seed_unit_bills(DemoSeed& seed, const DemoUnit& unit);

} // namespace lobby::server::fees
