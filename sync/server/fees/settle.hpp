// Turning a provider's confirmation into a paid order, exactly once: from
// its signed notify (POST /v1/payments/wechat/notify) or, when a notify is
// lost, from asking the provider while the kiosk polls the order.
#pragma once

#include "api.hpp"
#include "config.hpp"
#include "estates.hpp"
#include "pool.hpp"
#include "route_table.hpp"
#include "fees/providers/payment_provider.hpp"

#include <httplib.h>

#include <memory>
#include <string>

namespace lobby::server::fees {

struct SettleOutcome {
    int status = 200;           // 200: acknowledged (applied now, earlier, or nothing to apply)
    std::string code, message;  // when refused
    bool applied = false;       // this call marked the order paid
};

// Inside a write transaction. Refuses (400) an order of another provider, an
// amount or currency that differs from the order, a transaction already used
// for another order; a SUCCESS already applied is acknowledged with no effect.
SettleOutcome apply_provider_payment(Database& db, const ServerConfig& config, const std::string& provider_name,
                                     const ProviderPayment& payment, protocol::UtcSeconds now);

// POST /v1/payments/wechat/notify (the home estate's orders) and
// /v1/payments/wechat/notify/{estate} (another estate's: its orders are
// created with that notify_url): no bearer token, authenticated by the
// provider's signature; a nonce seen before in that estate is refused (replay).
void install_provider_notify(RouteTable& http, Estates& estates, const ServerConfig& config,
                             std::shared_ptr<PaymentProvider> provider);

// GET /v1/payment-orders/{id} for its kiosk, asking the provider about an
// unpaid order older than payment_query_after_seconds (at most once per that
// interval). Runs outside a transaction (the provider call is slow).
ApiResponse get_payment_order_or_query(ApiContext& ctx, Pool& pool, PaymentProvider* provider,
                                       const std::string& order_id);

} // namespace lobby::server::fees
