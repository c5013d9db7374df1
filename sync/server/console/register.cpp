// Registers the staff console: its schema step and its pages under /console.
#include "console/console.hpp"
#include "feature.hpp"

namespace lobby::server {

void register_console(FeatureRegistry& registry) {
    Feature f;
    f.name = "console";
    // v9 (issue 17): staff accounts (Argon2id hashes), their sessions (the
    // SHA-256 of the cookie's token), wrong-password counting, the audit
    // log, an index for the ticket queue (open tickets by age), and the
    // office's own facts about a ticket (its worker, the agreed charge).
    f.schema = {{12, R"sql(
CREATE TABLE staff_accounts (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('front_desk', 'maintenance', 'manager')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL);
CREATE TABLE staff_sessions (
  token_sha256 TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES staff_accounts(username),
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL, last_seen INTEGER NOT NULL);
CREATE INDEX staff_sessions_user ON staff_sessions (username);
CREATE TABLE staff_login_guard (
  scope TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL, misses INTEGER NOT NULL, locked_until INTEGER);
CREATE TABLE staff_audit (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL, username TEXT NOT NULL, action TEXT NOT NULL,
  target TEXT NOT NULL, detail TEXT NOT NULL, address TEXT NOT NULL);
CREATE INDEX staff_audit_user ON staff_audit (username, id);
CREATE INDEX tickets_queue ON tickets (status, created_at);
CREATE TABLE ticket_assignments (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets(id),
  worker TEXT REFERENCES staff_accounts(username),
  charge_fen INTEGER CHECK (charge_fen IS NULL OR charge_fen >= 0),
  charge_note TEXT,
  updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL);
CREATE INDEX ticket_assignments_worker ON ticket_assignments (worker);
)sql"}};
    f.routes = [](RouteContext& r) {
        auto console = std::make_shared<console::Console>(r.http, r.estates, r.config,
                                                          console::Views::load(r.config.console_root));
        console->install_session_routes();
        console::install_repair_pages(*console);
        console::install_notice_pages(*console);
        console::install_visitor_pages(*console);
        console::install_fee_pages(*console);
        console::install_survey_pages(*console);
        console::install_kiosk_pages(*console);
        console::install_staff_pages(*console);
        console::install_audit_pages(*console);
        console::install_estate_pages(*console);
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
