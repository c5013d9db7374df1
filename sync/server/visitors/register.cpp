// Registers the visitors feature: its schema step, routes, retention and demo seed.
#include "router.hpp"
#include "visitors/visitors.hpp"

namespace lobby::server {

void register_visitors(FeatureRegistry& registry) {
    Feature f;
    f.name = "visitors";
    // v2: the office's decision on a move-out release, after calling the owner.
    f.schema = {{2, R"sql(
ALTER TABLE move_outs ADD COLUMN decided_at INTEGER;
ALTER TABLE move_outs ADD COLUMN decision_note TEXT;
)sql"},
                // v5: unknown-code guesses per kiosk and for all kiosks ('*').
                {5, R"sql(
CREATE TABLE visitor_redeem_guard (
  scope TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL, misses INTEGER NOT NULL, locked_until INTEGER);
)sql"},
                // v9: codes with several uses and every use recorded (an offline
                // kiosk reports its uses later; a use beyond the allowed alerts
                // staff), walk-ins waiting for the resident, the watchlist (sealed
                // like every phone), staff alerts, and move-out releases looked up
                // by a code, with who confirmed and how.
                {10, R"sql(
ALTER TABLE visitor_codes ADD COLUMN uses_allowed INTEGER NOT NULL DEFAULT 1;
ALTER TABLE visitor_codes ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
UPDATE visitor_codes SET uses = 1 WHERE redeemed_at IS NOT NULL;
ALTER TABLE visitor_codes ADD COLUMN status TEXT NOT NULL DEFAULT 'valid';
ALTER TABLE visitor_codes ADD COLUMN host_wait_until INTEGER;
ALTER TABLE visitor_codes ADD COLUMN host_decided_at INTEGER;
ALTER TABLE visitor_codes ADD COLUMN host_decided_by TEXT;
CREATE TABLE visitor_redemptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  pass_id TEXT NOT NULL REFERENCES visitor_codes(id), kiosk_id TEXT NOT NULL,
  used_at INTEGER NOT NULL, received_at INTEGER NOT NULL, offline INTEGER NOT NULL, counted INTEGER NOT NULL);
CREATE TABLE visitor_alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL, pass_id TEXT NOT NULL, unit_id TEXT NOT NULL, kiosk_id TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE visitor_watchlist (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  phone TEXT, car_plate TEXT, note TEXT NOT NULL, created_by TEXT NOT NULL, created_at INTEGER NOT NULL);
ALTER TABLE move_outs ADD COLUMN release_code TEXT;
CREATE UNIQUE INDEX move_outs_by_release_code ON move_outs (release_code) WHERE release_code IS NOT NULL;
ALTER TABLE move_outs ADD COLUMN decided_by TEXT;
ALTER TABLE move_outs ADD COLUMN decided_via TEXT;
)sql"}};
    f.seed_activity = visitors::seed_visitors;
    f.retention = visitors::apply_visitor_retention;
    f.routes = [](RouteContext& r) {
        namespace p = protocol;
        using namespace visitors;
        r.http.Post("/v1/visitors", r.api->idempotent_post<p::VisitorRequest>(body_only(register_visitor)));
        r.http.Get(R"(/v1/visitors/([A-Za-z0-9-]{1,64}))", r.api->get(by_path_id(get_visitor)));
        r.http.Post(R"(/v1/visitors/([A-Za-z0-9-]{1,64})/host-decision)",
                    r.api->idempotent_post<p::HostDecision>(with_path_id(decide_for_host)));
        r.http.Post("/v1/visitor-watchlist", r.api->idempotent_post<p::WatchlistEntry>(body_only(add_to_watchlist)));
        r.http.Get("/v1/visitor-alerts", r.api->get([](ApiContext& ctx, const httplib::Request&) { return list_alerts(ctx); }));
        r.http.Post("/v1/visitor-codes", r.api->idempotent_post<p::VisitorCodeRequest>(body_only(create_visitor_code)));
        r.http.Post("/v1/visitor-codes/redeem", r.api->idempotent_post<p::RedeemRequest>(body_only(redeem_visitor_code)));
        r.http.Post("/v1/move-outs", r.api->idempotent_post<p::MoveOutRequest>(body_only(create_move_out)));
        r.http.Post("/v1/move-outs/status", r.api->post<p::MoveOutStatusRequest>(body_only(move_out_status)));
        r.http.Get(R"(/v1/move-outs/([A-Za-z0-9-]{1,64}))", r.api->get(by_path_id(get_move_out)));
        r.http.Post(R"(/v1/move-outs/([A-Za-z0-9-]{1,64})/decision)",
                    r.api->idempotent_post<p::MoveOutDecision>(with_path_id(decide_move_out)));
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
