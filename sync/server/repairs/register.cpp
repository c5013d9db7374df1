// Registers the repairs feature: its schema step, routes and demo seed.
#include "repairs/repairs.hpp"
#include "router.hpp"

namespace lobby::server {

void register_repairs(FeatureRegistry& registry) {
    Feature f;
    f.name = "repairs";
    // v7 (issue 10, residents' data; one step for the three tables it touches):
    // - tickets keep the SHA-256 of the follow-up code the kiosk printed;
    // - wrong follow-up codes (and unknown ids) are counted per kiosk;
    // - a verification token records when it was issued: each use checks its
    //   own window, and the row lives until the longest one ends;
    // - an anonymous survey answer has no unit and never blocks a household.
    //   Answers from before v7 were never verified, so they count as anonymous.
    f.schema = {{7, R"sql(
ALTER TABLE tickets ADD COLUMN follow_code_hash TEXT;
CREATE TABLE ticket_code_guard (
  scope TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL, misses INTEGER NOT NULL, locked_until INTEGER);
ALTER TABLE fee_verifications ADD COLUMN issued_at INTEGER NOT NULL DEFAULT 0;
CREATE TABLE survey_responses_v7 (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL, unit_id TEXT REFERENCES units(id),
  anonymous INTEGER NOT NULL, answers TEXT NOT NULL, received_at INTEGER NOT NULL,
  kiosk_id TEXT,
  UNIQUE (survey_id, unit_id),
  CHECK ((anonymous = 1) = (unit_id IS NULL)));
INSERT INTO survey_responses_v7 (id, survey_id, unit_id, anonymous, answers, received_at)
  SELECT id, survey_id, NULL, 1, answers, received_at FROM survey_responses;
DROP TABLE survey_responses;
ALTER TABLE survey_responses_v7 RENAME TO survey_responses;
)sql"}};
    f.seed_reference = repairs::seed_repair_categories;
    f.seed_activity = repairs::seed_tickets;
    f.routes = [](RouteContext& r) {
        namespace p = protocol;
        r.http.Post("/v1/repairs", r.api->idempotent_post<p::RepairRequest>(body_only(repairs::create_repair)));
        r.http.Get(R"(/v1/repairs/([A-Za-z0-9-]{1,64}))", r.api->get(by_path_id(repairs::get_repair)));
        // A POST without Idempotency-Key: it reads, but counts wrong codes.
        r.http.Post(R"(/v1/repairs/([A-Za-z0-9-]{1,64})/lookup)",
                    r.api->post<p::TicketLookupRequest>(with_path_id(repairs::lookup_repair)));
        r.http.Post(R"(/v1/repairs/([A-Za-z0-9-]{1,64})/rating)",
                    r.api->idempotent_post<p::RatingRequest>(with_path_id(repairs::rate_repair)));
        r.http.Post(R"(/v1/repairs/([A-Za-z0-9-]{1,64})/status)",
                    r.api->idempotent_post<p::TicketStatusRequest>(with_path_id(repairs::advance_repair)));
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
