// Registers the repairs feature: its routes and demo seed.
#include "repairs/repairs.hpp"
#include "router.hpp"

namespace lobby::server {

void register_repairs(FeatureRegistry& registry) {
    Feature f;
    f.name = "repairs";
    f.seed_reference = repairs::seed_repair_categories;
    f.seed_activity = repairs::seed_tickets;
    f.routes = [](RouteContext& r) {
        namespace p = protocol;
        r.http.Post("/v1/repairs", r.api->idempotent_post<p::RepairRequest>(body_only(repairs::create_repair)));
        r.http.Get(R"(/v1/repairs/([A-Za-z0-9-]{1,64}))", r.api->get(by_path_id(repairs::get_repair)));
        r.http.Post(R"(/v1/repairs/([A-Za-z0-9-]{1,64})/rating)",
                    r.api->idempotent_post<p::RatingRequest>(with_path_id(repairs::rate_repair)));
        r.http.Post(R"(/v1/repairs/([A-Za-z0-9-]{1,64})/status)",
                    r.api->idempotent_post<p::TicketStatusRequest>(with_path_id(repairs::advance_repair)));
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
