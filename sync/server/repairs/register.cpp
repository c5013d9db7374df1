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
    // v9 (issue 11, the repairs service; one step): tickets made again so a
    // public-area or emergency report needs no unit (unit_id NULL), with the
    // preset, the kiosk's client_ref, the status page token's SHA-256, the
    // worker, the agreed charge, the paid-service acknowledgement and the
    // last 验收. ticket_events is made again with it, child first, so the
    // foreign key follows the new table.
    f.schema.push_back({9, R"sql(
CREATE TABLE tickets_v9 (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kiosk_id TEXT,
  unit_id TEXT REFERENCES units(id),
  category TEXT NOT NULL, preset TEXT, description TEXT NOT NULL,
  location TEXT NOT NULL, location_detail TEXT, contact_phone TEXT,
  emergency INTEGER NOT NULL, status TEXT NOT NULL,
  slot_start INTEGER, slot_end INTEGER,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  rating_score INTEGER, rating_solved INTEGER, rating_comment TEXT,
  follow_code_hash TEXT, status_token_hash TEXT, client_ref TEXT,
  worker TEXT, charge_fen INTEGER CHECK (charge_fen IS NULL OR charge_fen >= 0),
  paid_acknowledged INTEGER NOT NULL DEFAULT 0,
  acceptance_accepted INTEGER, acceptance_comment TEXT, acceptance_at INTEGER,
  CHECK (location = 'public' OR unit_id IS NOT NULL));
INSERT INTO tickets_v9 (n, id, kiosk_id, unit_id, category, description, location, location_detail, contact_phone,
                        emergency, status, slot_start, slot_end, created_at, updated_at, rating_score, rating_solved,
                        rating_comment, follow_code_hash)
  SELECT n, id, kiosk_id, unit_id, category, description, location, location_detail, contact_phone,
         emergency, status, slot_start, slot_end, created_at, updated_at, rating_score, rating_solved,
         rating_comment, follow_code_hash FROM tickets;
CREATE TABLE ticket_events_v9 (
  ticket_id TEXT NOT NULL REFERENCES tickets_v9(id),
  at INTEGER NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL);
INSERT INTO ticket_events_v9 SELECT ticket_id, at, status, note FROM ticket_events;
DROP TABLE ticket_events;
DROP TABLE tickets;
ALTER TABLE tickets_v9 RENAME TO tickets;
ALTER TABLE ticket_events_v9 RENAME TO ticket_events;
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, at);
CREATE INDEX tickets_follow_code ON tickets (follow_code_hash) WHERE follow_code_hash IS NOT NULL;
CREATE UNIQUE INDEX tickets_status_token ON tickets (status_token_hash) WHERE status_token_hash IS NOT NULL;
CREATE INDEX tickets_slot ON tickets (slot_start) WHERE slot_start IS NOT NULL;
)sql"});
    // v16: a follow-up code opens one ticket, so the database keeps it
    // unique, as it does status tokens (a second ticket could once be made
    // with a code another ticket had). Should such a pair exist, the later
    // ticket loses its code (the earlier one was printed first).
    f.schema.push_back({16, R"sql(
UPDATE tickets SET follow_code_hash = NULL
WHERE follow_code_hash IS NOT NULL
  AND n > (SELECT MIN(t.n) FROM tickets t WHERE t.follow_code_hash = tickets.follow_code_hash);
DROP INDEX tickets_follow_code;
CREATE UNIQUE INDEX tickets_follow_code ON tickets (follow_code_hash) WHERE follow_code_hash IS NOT NULL;
)sql"});
    f.seed_reference = repairs::seed_repair_categories;
    f.seed_activity = repairs::seed_tickets;
    f.routes = [](RouteContext& r) {
        namespace p = protocol;
        r.http.Post("/v1/repairs", r.api->idempotent_post<p::RepairRequest>(body_only(repairs::create_repair)));
        // Before /v1/repairs/{id}, whose pattern "slots" would match too.
        r.http.Get("/v1/repairs/slots", r.api->get([](ApiContext& ctx, const httplib::Request&) {
            return repairs::list_slots(ctx);
        }));
        r.http.Get(R"(/v1/repairs/([A-Za-z0-9-]{1,64}))", r.api->get(by_path_id(repairs::get_repair)));
        // A POST without Idempotency-Key: it reads, but counts wrong codes.
        r.http.Post(R"(/v1/repairs/([A-Za-z0-9-]{1,64})/lookup)",
                    r.api->post<p::TicketLookupRequest>(with_path_id(repairs::lookup_repair)));
        r.http.Post(R"(/v1/repairs/([A-Za-z0-9-]{1,64})/rating)",
                    r.api->idempotent_post<p::RatingRequest>(with_path_id(repairs::rate_repair)));
        r.http.Post(R"(/v1/repairs/([A-Za-z0-9-]{1,64})/status)",
                    r.api->idempotent_post<p::TicketStatusRequest>(with_path_id(repairs::advance_repair)));
        // Also without Idempotency-Key: it reads, but counts wrong codes.
        r.http.Post("/v1/repairs/lookup", r.api->post<p::TicketCodeLookupRequest>(body_only(repairs::lookup_by_code)));
        // A read (no Idempotency-Key) on a snapshot, never the write lock: the
        // household's verification, not the kiosk's token, opens it.
        r.http.Post("/v1/repairs/by-unit",
                    r.api->post<p::UnitTicketsRequest>(body_only(repairs::list_unit_tickets),
                                                       [](ApiContext& ctx, const p::UnitTicketsRequest& req) {
                                                           return std::optional<ApiResponse>(repairs::list_unit_tickets(ctx, req));
                                                       }));
        r.http.Post(R"(/v1/repairs/([A-Za-z0-9-]{1,64})/acceptance)",
                    r.api->idempotent_post<p::AcceptanceRequest>(with_path_id(repairs::accept_repair)));
        repairs::install_status_page(r.http, r.estates, r.config);
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
