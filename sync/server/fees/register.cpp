// Registers the fees feature: its routes, the payment provider (its notify,
// or on a demo server the pay page), its demo seed and the refresh that
// re-publishes a bill when it turns late.
#include "fees/bills.hpp"
#include "fees/fees.hpp"
#include "fees/pay_page.hpp"
#include "fees/receipt_page.hpp"
#include "fees/settle.hpp"
#include "router.hpp"

#include <spdlog/spdlog.h>

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
                // v6: the payment provider of each order, its code_url (the QR), the
                // provider's transaction once confirmed (a transaction pays one order
                // once), when the provider was last asked; and the nonces of verified
                // notifies, so a replayed notify is refused.
                {6, R"sql(
ALTER TABLE payment_orders ADD COLUMN provider TEXT NOT NULL DEFAULT 'demo';
ALTER TABLE payment_orders ADD COLUMN code_url TEXT;
ALTER TABLE payment_orders ADD COLUMN transaction_id TEXT;
ALTER TABLE payment_orders ADD COLUMN queried_at INTEGER;
ALTER TABLE payment_orders ADD COLUMN unapplied_reason TEXT;
CREATE UNIQUE INDEX payment_orders_transaction ON payment_orders (transaction_id) WHERE transaction_id IS NOT NULL;
CREATE TABLE payment_notify_nonces (nonce TEXT PRIMARY KEY, received_at INTEGER NOT NULL);
)sql"},
                // v8: each kiosk's verification key (keys its phone verifiers in
                // the feed; never served); wrong fee lookups per person's session
                // and per unit (the unit-wide lock stays in fee_lookup_guard);
                // and no phone digits left in already published units rows.
                {8, R"sql(
ALTER TABLE kiosks ADD COLUMN verify_key TEXT;
CREATE TABLE fee_session_tries (
  kiosk_id TEXT NOT NULL, session_id TEXT NOT NULL, unit_id TEXT NOT NULL REFERENCES units(id),
  failures INTEGER NOT NULL, retry_at INTEGER, updated_at INTEGER NOT NULL,
  PRIMARY KEY (kiosk_id, session_id, unit_id));
CREATE INDEX fee_session_tries_unit ON fee_session_tries (unit_id);
CREATE TABLE fee_wrong_tries (
  unit_id TEXT NOT NULL REFERENCES units(id), at INTEGER NOT NULL,
  kiosk_id TEXT NOT NULL, session_id TEXT NOT NULL);
CREATE INDEX fee_wrong_tries_unit ON fee_wrong_tries (unit_id, at);
UPDATE feed SET data = json_remove(data, '$.resident_1_phone_last4', '$.resident_2_phone_last4',
  '$.resident_3_phone_last4', '$.resident_4_phone_last4', '$.resident_5_phone_last4', '$.resident_6_phone_last4',
  '$.resident_7_phone_last4', '$.resident_8_phone_last4', '$.resident_9_phone_last4', '$.resident_10_phone_last4')
WHERE collection = 'units' AND deleted = 0;
)sql"}};
    f.seed_reference = fees::seed_fee_kinds;
    f.seed_unit = fees::seed_unit_bills;
    f.routes = [](RouteContext& r) {
        namespace p = protocol;
        r.http.Post("/v1/fees/lookup",
                    r.api->post<p::FeeLookupRequest>(body_only(fees::lookup_fees), fees::lookup_fees_read_only));
        r.http.Get("/v1/fees/lockouts",
                   r.api->get([](ApiContext& ctx, const httplib::Request&) { return fees::list_lockouts(ctx); }));
        r.http.Delete(std::string("/v1/fees/lockouts/") + id_segment, r.api->remove(by_path_id(fees::lift_lockout)));
        const std::shared_ptr<fees::PaymentProvider> provider = fees::make_payment_provider(r.config);
        if (!provider) spdlog::warn("no payment provider (no WeChat Pay flags, no --demo): payment orders get 503");
        // The provider is called before the write lock is taken (router.hpp).
        r.http.Post("/v1/payment-orders",
                    r.api->idempotent_post_after<p::PaymentOrderRequest>(
                        [provider](ApiContext& ctx, const p::PaymentOrderRequest& req) {
                            return fees::open_provider_order(ctx, provider.get(), req);
                        },
                        [](ApiContext& ctx, const p::PaymentOrderRequest& req, const httplib::Request&,
                           const fees::ProviderOrder& opened) { return fees::create_payment_order(ctx, opened, req); }));
        r.http.Get(R"(/v1/payment-orders/([A-Za-z0-9-]{1,64}))",
                   r.api->get(
                       [provider](ApiContext& ctx, const httplib::Request& req) {
                           return fees::get_payment_order_or_query(ctx, *ctx.pool, provider.get(), req.matches[1].str());
                       },
                       Router::Snapshot::Own));
        // The demo pay page marks orders paid without any authentication: it
        // is the demo provider's "phone", on a demo server only. A real
        // provider confirms by its signed notify instead.
        // Receipts of paid orders, whatever the provider: the link is the proof.
        fees::install_receipt_page(r.http, r.estates, r.config);
        if (provider && provider->name() == "demo") fees::install_pay_page(r.http, r.estates, r.config);
        else if (provider) fees::install_provider_notify(r.http, r.estates, r.config, provider);
    };
    f.refresh_collection = protocol::collection::bills;
    f.refresh = [](Database& db, const std::string& key, protocol::UtcSeconds now) {
        if (auto bill = fees::find_bill(db, key, now)) fees::publish_bill(db, *bill);
        else publish_tombstone(db, protocol::collection::bills, key);
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
