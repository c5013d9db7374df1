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

class PaymentProvider;

// payments.cpp. Creating an order takes two steps, so the call to the
// provider never holds the write lock: open_provider_order checks the request
// on a read snapshot and creates the order at the provider (nothing opened
// when the request is refused or there is no provider); create_payment_order
// checks again inside the write transaction and records it (503
// payments_unavailable, not stored, when nothing was opened).
struct ProviderOrder {
    std::string provider;  // empty: nothing was opened
    std::string id;
    std::int64_t amount_fen = 0;
    protocol::UtcSeconds expires_at = 0;
    std::optional<std::string> code_url;  // nullopt: the provider did not create it
};
ProviderOrder open_provider_order(ApiContext& ctx, PaymentProvider* provider, const protocol::PaymentOrderRequest& req);
ApiResponse create_payment_order(ApiContext& ctx, const ProviderOrder& opened, const protocol::PaymentOrderRequest& req);
ApiResponse get_payment_order(ApiContext& ctx, const std::string& order_id);

// demo.cpp
void seed_fee_kinds(DemoSeed& seed);
void seed_unit_bills(DemoSeed& seed, const DemoUnit& unit);

} // namespace lobby::server::fees
