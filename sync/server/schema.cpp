// Schema migrations: the base step here, later steps in the features
// (sync/server/<feature>/register.cpp); each moves user_version by one.
#include "schema.hpp"

#include "sql_dialect.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace lobby::server {
namespace {

// Feed rows are the server's copy of what kiosks pull; reference data
// (estate, fee kinds, repair categories, notices, surveys) lives only there
// as JSON documents, the rest has tables and is re-published on change.
const char* const base_sql =
    R"sql(
CREATE TABLE kiosks (
  id TEXT PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('kiosk', 'staff')),
  revoked INTEGER NOT NULL DEFAULT 0,
  last_seen INTEGER, version TEXT, outbox_size INTEGER, last_sync INTEGER);
CREATE TABLE seq_counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT INTO seq_counter (id, value) VALUES (1, 0);
CREATE TABLE feed (
  collection TEXT NOT NULL,
  key TEXT NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  deleted INTEGER NOT NULL DEFAULT 0,
  data TEXT,
  audience TEXT,          -- NULL: every kiosk; else the one kiosk id that may see it
  refresh_at INTEGER,     -- see refresh.hpp: notices expire, bills turn late
  PRIMARY KEY (collection, key));
CREATE INDEX feed_refresh ON feed (refresh_at) WHERE refresh_at IS NOT NULL AND deleted = 0;
CREATE TABLE units (
  id TEXT PRIMARY KEY, building INTEGER NOT NULL, entrance INTEGER NOT NULL,
  floor INTEGER NOT NULL, room TEXT NOT NULL, area_m2 REAL NOT NULL);
CREATE TABLE residents (
  id INTEGER PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units(id),
  role TEXT NOT NULL CHECK (role IN ('owner', 'tenant', 'family')),
  name TEXT NOT NULL, phone TEXT NOT NULL);
CREATE INDEX residents_unit ON residents (unit_id);
CREATE TABLE bills (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units(id),
  fee_kind TEXT NOT NULL, period TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  paid_fen INTEGER NOT NULL CHECK (paid_fen >= 0 AND paid_fen <= amount_fen),
  due_date TEXT NOT NULL);
CREATE INDEX bills_unit ON bills (unit_id, period);
CREATE TABLE tickets (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kiosk_id TEXT,
  unit_id TEXT NOT NULL REFERENCES units(id),
  category TEXT NOT NULL, description TEXT NOT NULL,
  location TEXT NOT NULL, location_detail TEXT, contact_phone TEXT,
  emergency INTEGER NOT NULL, status TEXT NOT NULL,
  slot_start INTEGER, slot_end INTEGER,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  rating_score INTEGER, rating_solved INTEGER, rating_comment TEXT);
CREATE TABLE ticket_events (
  ticket_id TEXT NOT NULL REFERENCES tickets(id),
  at INTEGER NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, at);
CREATE TABLE visitor_codes (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('walk_in', 'pre_registered')),
  unit_id TEXT NOT NULL REFERENCES units(id),
  name TEXT NOT NULL, phone TEXT, purpose TEXT NOT NULL, people INTEGER NOT NULL,
  car_plate TEXT, valid_from INTEGER NOT NULL, valid_until INTEGER NOT NULL,
  redeemed_at INTEGER, created_by TEXT NOT NULL);
CREATE TABLE move_outs (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units(id),
  requester_name TEXT NOT NULL, requester_phone TEXT NOT NULL, relation TEXT NOT NULL,
  items TEXT NOT NULL, planned_date TEXT NOT NULL, car_plate TEXT,
  status TEXT NOT NULL, created_at INTEGER NOT NULL, kiosk_id TEXT NOT NULL);
CREATE TABLE survey_responses (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL, unit_id TEXT NOT NULL REFERENCES units(id),
  anonymous INTEGER NOT NULL, answers TEXT NOT NULL, received_at INTEGER NOT NULL,
  UNIQUE (survey_id, unit_id));
CREATE TABLE fee_lookup_guard (
  unit_id TEXT PRIMARY KEY REFERENCES units(id),
  failures INTEGER NOT NULL, locked_until INTEGER);
CREATE TABLE payment_orders (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units(id),
  amount_fen INTEGER NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
  paid_at INTEGER, kiosk_id TEXT NOT NULL);
CREATE TABLE payment_order_bills (
  order_id TEXT NOT NULL REFERENCES payment_orders(id),
  bill_id TEXT NOT NULL REFERENCES bills(id),
  due_fen INTEGER NOT NULL,
  PRIMARY KEY (order_id, bill_id));
CREATE TABLE idempotency (
  kiosk_id TEXT NOT NULL, key TEXT NOT NULL,
  request_sha256 TEXT NOT NULL, status INTEGER NOT NULL, response TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (kiosk_id, key));
)sql";

} // namespace

SchemaStep base_schema_step() { return SchemaStep{1, base_sql}; }

std::vector<SchemaStep> schema_steps(const FeatureRegistry& features) {
    std::vector<SchemaStep> steps{base_schema_step()};
    for (const Feature& f : features.features())
        for (const SchemaStep& step : f.schema) steps.push_back(step);
    std::stable_sort(steps.begin(), steps.end(),
                     [](const SchemaStep& a, const SchemaStep& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].version != static_cast<int>(i + 1))
            throw std::logic_error("schema steps must be numbered 1.." + std::to_string(steps.size()) +
                                   " without gaps or duplicates; found version " + std::to_string(steps[i].version) +
                                   " at position " + std::to_string(i + 1));
    return steps;
}

namespace {

// PostgreSQL has no user_version: one row in lobby_schema holds it. The
// whole migration is one transaction under the write lock, so servers
// starting together on an empty database migrate it once.
void migrate_postgres(Database& db, const std::vector<SchemaStep>& steps) {
    Transaction tx(db);
    db.exec("CREATE TABLE IF NOT EXISTS lobby_schema (version BIGINT NOT NULL)");
    Statement version(db, "SELECT version FROM lobby_schema");
    const bool has_row = version.step();
    const auto current = static_cast<std::size_t>(has_row ? version.int64(0) : 0);
    version.reset();
    if (current >= steps.size()) return tx.commit();
    db.exec(sql::postgres_compat_functions);
    for (std::size_t v = current; v < steps.size(); ++v)
        db.exec(sql::postgres_schema(steps[v].sql).c_str());
    Statement set(db, has_row ? "UPDATE lobby_schema SET version = ?" : "INSERT INTO lobby_schema (version) VALUES (?)");
    set.bind(1, static_cast<std::int64_t>(steps.size()));
    set.run();
    tx.commit();
}

} // namespace

int schema_version(Database& db) {
    Statement version(db, db.is_postgres() ? "SELECT COALESCE(MAX(version), 0) FROM lobby_schema" : "PRAGMA user_version");
    version.step();
    return static_cast<int>(version.int64(0));
}

void migrate(Database& db) {
    static const std::vector<SchemaStep> steps = schema_steps(server_features());
    if (db.is_postgres()) return migrate_postgres(db, steps);
    Statement version(db, "PRAGMA user_version");
    version.step();
    const auto current = static_cast<std::size_t>(version.int64(0));
    version.reset();
    for (std::size_t v = current; v < steps.size(); ++v) {
        Transaction tx(db);
        db.exec(steps[v].sql);
        // PRAGMA takes no bound parameters; the value is our own integer.
        db.exec(("PRAGMA user_version = " + std::to_string(steps[v].version)).c_str());
        tx.commit();
    }
}

} // namespace lobby::server
