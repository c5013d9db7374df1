// Copying a seeded demo estate's records into another (--demo-estates N:
// e002.. are copies of e001), inside the database.
#include "demo_parts.hpp"

#include <set>
#include <string>
#include <vector>

namespace lobby::server::demo {
namespace {

// Per estate and never copied: who may connect, who works there, what was
// answered, and the company directory.
const std::set<std::string> not_copied = {
    "kiosks", "idempotency", "enrolment_codes", "enrolment_guard", "enrolment_code_estates", "estates",
    "company_tokens", "staff_accounts", "staff_sessions", "staff_login_guard", "staff_audit", "ticket_assignments",
    "lobby_schema", "seq_counter"};

// Tables in creation order (a table is created after those it references).
std::vector<std::string> tables(Database& db, const char* sql) {
    Statement st(db, sql);
    std::vector<std::string> out;
    while (st.step())
        if (!not_copied.count(st.text(0))) out.push_back(st.text(0));
    return out;
}

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

void copy_postgres(Database& db, const std::string& schema) {
    for (const std::string& t : tables(db, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                           "WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.oid"))
        db.exec(("INSERT INTO " + quoted(t) + " SELECT * FROM " + quoted(schema) + "." + quoted(t)).c_str());
    // Identity columns and the feed's sequence continue after the copied rows.
    Statement identity(db, "SELECT table_name, column_name FROM information_schema.columns "
                           "WHERE table_schema = current_schema() AND is_identity = 'YES'");
    std::vector<std::pair<std::string, std::string>> columns;
    while (identity.step()) columns.emplace_back(identity.text(0), identity.text(1));
    for (const auto& [t, c] : columns)
        db.exec(("SELECT setval(pg_get_serial_sequence('" + quoted(t) + "', '" + c + "'), COALESCE(MAX(" + quoted(c) +
                 "), 0) + 1, false) FROM " + quoted(t))
                    .c_str());
    db.exec("SELECT setval('feed_seq', (SELECT COALESCE(MAX(seq), 0) + 1 FROM feed), false)");
}

void copy_sqlite(Database& db) {
    for (const std::string& t :
         tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"))
        db.exec(("INSERT INTO main." + quoted(t) + " SELECT * FROM tmpl." + quoted(t)).c_str());
    db.exec("UPDATE main.seq_counter SET value = (SELECT value FROM tmpl.seq_counter)");
}

} // namespace

void copy_estate_records(Database& db, const std::string& template_location, const std::function<void()>& then) {
    if (db.is_postgres()) {
        Transaction tx(db);
        copy_postgres(db, template_location);
        then();
        tx.commit();
        return;
    }
    // ATTACH works only outside a transaction.
    {
        Statement attach(db, "ATTACH DATABASE ? AS tmpl");
        attach.bind(1, template_location);
        attach.run();
    }
    try {
        Transaction tx(db);
        copy_sqlite(db);
        then();
        tx.commit();
    } catch (...) {
        db.exec("DETACH DATABASE tmpl");
        throw;
    }
    db.exec("DETACH DATABASE tmpl");
}

} // namespace lobby::server::demo
