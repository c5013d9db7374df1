// Registers the kiosks feature: heartbeat, the kiosk list and revoking a kiosk.
#include "kiosks/kiosks.hpp"
#include "kiosks/setup.hpp"
#include "router.hpp"

namespace lobby::server {

void register_kiosks(FeatureRegistry& registry) {
    Feature f;
    f.name = "kiosks";
    // The kiosk's own disk is full (from its heartbeat), for the staff's list.
    f.schema = {{3, "ALTER TABLE kiosks ADD COLUMN storage_full INTEGER;"},
                // Enrolment codes (only their keyed hash) and their guess
                // guard; token rotation: the previous token and its grace,
                // and whether staff asked for a new one.
                {13, R"sql(
CREATE TABLE enrolment_codes (
  code_hash TEXT PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER);
CREATE TABLE enrolment_guard (
  scope TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL, misses INTEGER NOT NULL, locked_until INTEGER);
ALTER TABLE kiosks ADD COLUMN previous_token_sha256 TEXT;
ALTER TABLE kiosks ADD COLUMN previous_token_until INTEGER;
ALTER TABLE kiosks ADD COLUMN rotation_requested_at INTEGER;
)sql"}};
    f.routes = [](RouteContext& r) {
        r.http.Post("/v1/heartbeat", r.api->post<protocol::Heartbeat>(body_only(kiosks::record_heartbeat)));
        r.http.Get("/v1/kiosks",
                   r.api->get([](ApiContext& ctx, const httplib::Request&) { return kiosks::list_kiosks(ctx); }));
        // No body; revoking twice is revoking once, so no Idempotency-Key (as DELETE).
        r.http.Post(std::string("/v1/kiosks/") + id_segment + "/revoke", r.api->remove(by_path_id(kiosks::revoke_kiosk)));
        kiosks::install_setup_routes(r);
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
