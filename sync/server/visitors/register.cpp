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
)sql"}};
    f.seed_activity = visitors::seed_visitors;
    f.retention = visitors::apply_visitor_retention;
    f.routes = [](RouteContext& r) {
        namespace p = protocol;
        using namespace visitors;
        r.http.Post("/v1/visitors", r.api->idempotent_post<p::VisitorRequest>(body_only(register_visitor)));
        r.http.Post("/v1/visitor-codes", r.api->idempotent_post<p::VisitorCodeRequest>(body_only(create_visitor_code)));
        r.http.Post("/v1/visitor-codes/redeem", r.api->idempotent_post<p::RedeemRequest>(body_only(redeem_visitor_code)));
        r.http.Post("/v1/move-outs", r.api->idempotent_post<p::MoveOutRequest>(body_only(create_move_out)));
        r.http.Get(R"(/v1/move-outs/([A-Za-z0-9-]{1,64}))", r.api->get(by_path_id(get_move_out)));
        r.http.Post(R"(/v1/move-outs/([A-Za-z0-9-]{1,64})/decision)",
                    r.api->idempotent_post<p::MoveOutDecision>(with_path_id(decide_move_out)));
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
