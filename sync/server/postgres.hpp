// One libpq connection with named prepared statements cached per SQL text,
// for the server's PostgreSQL backend (db.cpp dispatches to it).
#pragma once

#include "db.hpp"

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace lobby::server {

using PgResult = std::unique_ptr<PGresult, PgResultFree>;

// True when --db names a PostgreSQL database rather than a SQLite file.
bool is_postgres_url(const std::string& target);

// A URL safe to log: the password, if any, replaced by ***.
std::string loggable_db_target(const std::string& target);

class PgConnection {
public:
    explicit PgConnection(const std::string& url);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Statements without parameters (several allowed); throws DbError.
    void exec(const std::string& sql);
    // The name of a server-side prepared statement for this (PostgreSQL) SQL.
    const std::string& prepare(const std::string& sql, int params);
    PgResult run(const std::string& name, const std::vector<std::optional<std::string>>& params);
    // A statement whose rows nobody reads (Statement::run): sent without
    // waiting for its answer (libpq pipeline mode), so a long series of
    // writes (the demo seed's ~100,000) costs no round trip each. Anything
    // that needs an answer (a query, changes(), COMMIT) first collects the
    // queued answers and throws the first failure, inside the same
    // transaction, so a failed write still fails its request. Outside a
    // transaction it runs at once (nothing else would send it).
    void run_queued(const std::string& name, const std::vector<std::optional<std::string>>& params);
    // Rows written by the last INSERT/UPDATE/DELETE (as sqlite3_changes).
    int changes() {
        drain();
        return m_changes;
    }
    PGconn* handle() const { return m_conn; }
    // An idle session the server has not closed meanwhile.
    bool still_open();

private:
    PGconn* m_conn = nullptr;
    std::unordered_map<std::string, std::string> m_prepared;  // SQL -> statement name
    int m_changes = 0;
    int m_queued = 0;
    void note_changes(const PGresult* r);
    void drain();
};

} // namespace lobby::server
