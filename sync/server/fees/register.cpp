// Registers the fees feature: its routes, the pay page, its demo seed and
// the refresh that re-publishes a bill when it turns late.
#include "fees/bills.hpp"
#include "fees/fees.hpp"
#include "fees/pay_page.hpp"
#include "router.hpp"

#include "protocol/changes.hpp"

namespace lobby::server {

void register_fees(FeatureRegistry& registry) {
    Feature f;
    f.name = "fees";
    // v4: a successful fee lookup's verification token (hashed), which a
    // payment order of the same kiosk for the same unit must show.
    f.schema = {{4, R"sql(
CREATE TABLE fee_verifications (
  token_hash TEXT PRIMARY KEY,
  kiosk_id TEXT NOT NULL, unit_id TEXT NOT NULL REFERENCES units(id),
  expires_at INTEGER NOT NULL);
CREATE INDEX fee_verifications_expiry ON fee_verifications (expires_at);
)sql"},
                // BRANCH-ONLY placeholders for steps 6 and 7, which other
                // branches own: drop these two lines when merging them.
                {6, "SELECT 1;"},
                {7, "SELECT 1;"}};
    f.seed_reference = fees::seed_fee_kinds;
    f.seed_unit = fees::seed_unit_bills;
    f.routes = [](RouteContext& r) {
        namespace p = protocol;
        r.http.Post("/v1/fees/lookup",
                    r.api->post<p::FeeLookupRequest>(body_only(fees::lookup_fees), fees::lookup_fees_read_only));
        r.http.Post("/v1/payment-orders",
                    r.api->idempotent_post<p::PaymentOrderRequest>(body_only(fees::create_payment_order)));
        r.http.Get(R"(/v1/payment-orders/([A-Za-z0-9-]{1,64}))", r.api->get(by_path_id(fees::get_payment_order)));
        // The demo pay page marks orders paid without any authentication:
        // it exists only in a demo server.
        if (r.config.demo) fees::install_pay_page(r.http, r.pool, r.config);
    };
    f.refresh_collection = protocol::collection::bills;
    f.refresh = [](Database& db, const std::string& key, protocol::UtcSeconds now) {
        if (auto bill = fees::find_bill(db, key, now)) fees::publish_bill(db, *bill);
        else publish_tombstone(db, protocol::collection::bills, key);
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
