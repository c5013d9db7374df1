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
                {7, "SELECT 1;"},
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
