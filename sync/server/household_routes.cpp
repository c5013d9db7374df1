// POST /v1/households/verify: any service's household verification at a kiosk
// (household_check.hpp). No schema of its own: it shares the fee lookup's
// guard tables and the verification tokens' table.
#include "feature.hpp"
#include "household_check.hpp"
#include "router.hpp"

namespace lobby::server {

void register_households(FeatureRegistry& registry) {
    Feature f;
    f.name = "households";
    f.routes = [](RouteContext& r) {
        r.http.Post("/v1/households/verify",
                    r.api->post<protocol::HouseholdVerifyRequest>(body_only(verify_household), verify_household_read_only));
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
