// Test databases: a SQLite file, or a PostgreSQL schema named after it.
#include "support/test_database.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace lobby::test {
namespace {

const char* pg_host() {
    const char* host = std::getenv("LOBBY_TEST_PG_HOST");
    return host && *host ? host : nullptr;
}

// One database, "postgres"; each test database is a schema in it, first on
// the search path of the URL (a schema costs nothing to make; a database
// copies its template's 7 MB).
std::string pg_url(const std::string& schema = {}) {
    const char* user = std::getenv("LOBBY_TEST_PG_USER");
    std::string url = "postgresql://" + std::string(user && *user ? user : "lobby") + "@/postgres?host=" + pg_host();
    // application_name too: a test can find its server's sessions.
    if (!schema.empty()) url += "&options=-csearch_path%3D" + schema + "&application_name=" + schema;
    return url;
}

// A schema name from the path (FNV-1a): the same path, the same schema, so
// a test that restarts its server on one file gets its data back.
std::string schema_name(const std::string& path) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : path) h = (h ^ c) * 1099511628211ull;
    char name[32];
    std::snprintf(name, sizeof name, "t_%016llx", static_cast<unsigned long long>(h));
    return name;
}

struct PgFinish {
    void operator()(PGconn* c) const { PQfinish(c); }
};
struct PgClear {
    void operator()(PGresult* r) const { PQclear(r); }
};

} // namespace

bool testing_postgres() { return pg_host() != nullptr; }

std::string test_database(const std::string& sqlite_path) {
    if (!testing_postgres() || sqlite_path.find("://") != std::string::npos) return sqlite_path;
    const std::string name = schema_name(sqlite_path);
    std::unique_ptr<PGconn, PgFinish> admin(PQconnectdb(pg_url().c_str()));
    if (PQstatus(admin.get()) != CONNECTION_OK)
        throw std::runtime_error(std::string("test PostgreSQL: ") + PQerrorMessage(admin.get()));
    std::unique_ptr<PGresult, PgClear> made(PQexec(admin.get(), ("CREATE SCHEMA IF NOT EXISTS " + name).c_str()));
    if (PQresultStatus(made.get()) != PGRES_COMMAND_OK)
        throw std::runtime_error(std::string("test PostgreSQL: ") + PQerrorMessage(admin.get()));
    return pg_url(name);
}

std::string test_data_key_file(const std::string& sqlite_path) { return sqlite_path + ".key"; }

long long query_int(const std::string& db, const std::string& sql) {
    long long out = -1;
    if (db.find("://") != std::string::npos) {
        std::unique_ptr<PGconn, PgFinish> conn(PQconnectdb(db.c_str()));
        if (PQstatus(conn.get()) != CONNECTION_OK) return -1;
        std::unique_ptr<PGresult, PgClear> r(PQexec(conn.get(), sql.c_str()));
        if (PQresultStatus(r.get()) == PGRES_TUPLES_OK && PQntuples(r.get()) > 0 && !PQgetisnull(r.get(), 0, 0))
            out = std::strtoll(PQgetvalue(r.get(), 0, 0), nullptr, 10);
        return out;
    }
    sqlite3* conn = nullptr;
    if (sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(conn, 5000);
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(conn, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            out = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(conn);
    return out;
}

} // namespace lobby::test
