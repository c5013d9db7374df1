// Registers the notices feature: its route and demo seed. Expired notices
// need no refresh handler: the feed turns rows without one into tombstones.
#include "notices/notices.hpp"
#include "router.hpp"

namespace lobby::server {

void register_notices(FeatureRegistry& registry) {
    Feature f;
    f.name = "notices";
    f.seed_activity = notices::seed_notices;
    f.routes = [](RouteContext& r) {
        r.http.Post("/v1/notices", r.api->idempotent_post<protocol::Notice>(body_only(notices::publish_notice)));
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
