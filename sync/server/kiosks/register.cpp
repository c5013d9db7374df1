// Registers the kiosks feature: heartbeat, the kiosk list and revoking a kiosk.
#include "kiosks/kiosks.hpp"
#include "router.hpp"

namespace lobby::server {

void register_kiosks(FeatureRegistry& registry) {
    Feature f;
    f.name = "kiosks";
    // The kiosk's own disk is full (from its heartbeat), for the staff's list.
    f.schema = {{3, "ALTER TABLE kiosks ADD COLUMN storage_full INTEGER;"}};
    f.routes = [](RouteContext& r) {
        r.http.Post("/v1/heartbeat", r.api->post<protocol::Heartbeat>(body_only(kiosks::record_heartbeat)));
        r.http.Get("/v1/kiosks",
                   r.api->get([](ApiContext& ctx, const httplib::Request&) { return kiosks::list_kiosks(ctx); }));
        // No body; revoking twice is revoking once, so no Idempotency-Key (as DELETE).
        r.http.Post(std::string("/v1/kiosks/") + id_segment + "/revoke", r.api->remove(by_path_id(kiosks::revoke_kiosk)));
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
