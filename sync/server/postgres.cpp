// libpq: connect, run, prepare once per connection, errors as DbError.
#include "postgres.hpp"

#include "db.hpp"

#include <poll.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace lobby::server {
namespace {

// SQLSTATE class 23 (integrity constraint) maps to SQLite's CONSTRAINT code,
// so code that tells a duplicate from a failure reads the same on both.
int error_code(const PGresult* r) {
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    if (state && std::strncmp(state, "23", 2) == 0) return 19;  // SQLITE_CONSTRAINT
    if (state && std::strncmp(state, "08", 2) == 0) return 10;  // SQLITE_IOERR: connection lost
    return 1;                                                    // SQLITE_ERROR
}

// The database went away rather than refused the statement: the session is
// lost (class 08), the server is shutting down or restarting (57P01..57P03),
// or it has no connection slot left (53300).
bool database_away(PGconn* conn, const PGresult* r) {
    if (!conn || PQstatus(conn) == CONNECTION_BAD) return true;
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    // An error libpq made itself (no SQLSTATE), e.g. "server closed the
    // connection unexpectedly" after a failed send: reading tells whether
    // the session is gone (EOF marks it CONNECTION_BAD).
    if (!state) return PQconsumeInput(conn) != 1 || PQstatus(conn) == CONNECTION_BAD;
    return std::strncmp(state, "08", 2) == 0 || std::strncmp(state, "57P0", 4) == 0 || std::strcmp(state, "53300") == 0;
}

std::string trimmed(std::string message) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return message;
}

[[noreturn]] void fail(PGconn* conn, const PGresult* r, const std::string& context) {
    const std::string message = "postgresql " + context + ": " + trimmed(r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
    if (database_away(conn, r)) throw DbUnavailable(message);
    throw DbError(message, error_code(r));
}

bool ok(const PGresult* r) {
    const auto status = PQresultStatus(r);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

} // namespace

void PgResultFree::operator()(PGresult* result) const { PQclear(result); }

bool is_postgres_url(const std::string& target) {
    return target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
}

std::string loggable_db_target(const std::string& target) {
    if (!is_postgres_url(target)) return target;
    const auto scheme_end = target.find("://") + 3;
    const auto at = target.find('@', scheme_end);
    const auto colon = target.find(':', scheme_end);
    if (at == std::string::npos || colon == std::string::npos || colon > at) return target;
    return target.substr(0, colon + 1) + "***" + target.substr(at);
}

PgConnection::PgConnection(const std::string& url) : m_conn(PQconnectdb(url.c_str())) {
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) {
        const std::string message = trimmed(m_conn ? PQerrorMessage(m_conn) : "out of memory");
        PQfinish(m_conn);
        m_conn = nullptr;
        // Down, restarting or full: a request gets 503 and the next one tries again.
        throw DbUnavailable("cannot open database " + loggable_db_target(url) + ": " + message);
    }
    // Notices (e.g. "relation already exists, skipping") are not errors.
    PQsetNoticeProcessor(m_conn, [](void*, const char*) {}, nullptr);
    exec("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
}

PgConnection::~PgConnection() { PQfinish(m_conn); }

bool PgConnection::still_open() {
    if (PQstatus(m_conn) != CONNECTION_OK) return false;
    // An idle session has nothing to read; if its socket is readable, the
    // server closed it (a restart, pg_terminate_backend) and libpq sees EOF.
    pollfd p{PQsocket(m_conn), POLLIN, 0};
    if (::poll(&p, 1, 0) == 0) return true;
    if (PQconsumeInput(m_conn) != 1) return false;
    return PQstatus(m_conn) == CONNECTION_OK;
}

void PgConnection::note_changes(const PGresult* r) {
    const char* status = PQcmdStatus(const_cast<PGresult*>(r));
    if (std::strncmp(status, "INSERT", 6) == 0 || std::strncmp(status, "UPDATE", 6) == 0 ||
        std::strncmp(status, "DELETE", 6) == 0)
        m_changes = std::atoi(PQcmdTuples(const_cast<PGresult*>(r)));
}

void PgConnection::drain() {
    if (m_queued == 0) return;
    m_queued = 0;
    std::string error;
    int code = 0;
    if (PQpipelineSync(m_conn) != 1) {
        error = PQerrorMessage(m_conn);
        code = 10;
    } else {
        // Each queued statement's result, then a null; the sync point last.
        for (;;) {
            PGresult* raw = PQgetResult(m_conn);
            if (!raw && PQstatus(m_conn) == CONNECTION_BAD) {
                error = PQerrorMessage(m_conn);
                code = 10;
                break;
            }
            if (!raw) continue;
            PgResult r(raw);
            const auto status = PQresultStatus(raw);
            if (status == PGRES_PIPELINE_SYNC) break;
            if (status == PGRES_PIPELINE_ABORTED) continue;  // after the first failure
            if (status == PGRES_FATAL_ERROR && PQstatus(m_conn) == CONNECTION_BAD) {
                error = PQerrorMessage(m_conn);
                code = 10;
                break;
            }
            if (!ok(raw)) {
                if (error.empty()) {
                    error = PQresultErrorMessage(raw);
                    code = database_away(m_conn, raw) ? 10 : error_code(raw);
                }
                continue;
            }
            note_changes(raw);
        }
    }
    PQexitPipelineMode(m_conn);
    if (!error.empty()) {
        error = "postgresql step: " + trimmed(error);
        if (code == 10 || PQstatus(m_conn) == CONNECTION_BAD) throw DbUnavailable(error);
        throw DbError(error, code);
    }
}

void PgConnection::run_queued(const std::string& name, const std::vector<std::optional<std::string>>& params) {
    // Outside a transaction no COMMIT follows to send a queued write: it
    // would wait unsent (lost with the connection), where SQLite has
    // committed it. Such a write runs at once, as its own transaction.
    if (m_queued == 0 && PQtransactionStatus(m_conn) == PQTRANS_IDLE) {
        run(name, params);
        return;
    }
    if (m_queued == 0 && PQenterPipelineMode(m_conn) != 1) fail(m_conn, nullptr, "pipeline");
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    if (PQsendQueryPrepared(m_conn, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0) != 1) {
        const std::string message = "postgresql step: " + trimmed(PQerrorMessage(m_conn));
        m_queued = std::max(m_queued, 1);
        try { drain(); } catch (const DbError&) {}
        if (PQstatus(m_conn) == CONNECTION_BAD) throw DbUnavailable(message);
        throw DbError(message, 1);
    }
    // Collect now and then: unread answers must not fill the socket.
    if (++m_queued >= 256) drain();
}

void PgConnection::exec(const std::string& sql) {
    if (sql == "ROLLBACK") {
        try { drain(); } catch (const DbError&) {}  // rolling back anyway
    } else {
        drain();
    }
    PgResult r(PQexec(m_conn, sql.c_str()));
    if (!r || !ok(r.get())) fail(m_conn, r.get(), "exec");
    // COMMIT of a transaction that failed earlier answers ROLLBACK, not an error.
    if (sql == "COMMIT" && std::strcmp(PQcmdStatus(r.get()), "ROLLBACK") == 0)
        throw DbError("postgresql commit: the transaction had failed and was rolled back", 1);
    note_changes(r.get());
}

const std::string& PgConnection::prepare(const std::string& sql, int params) {
    if (auto found = m_prepared.find(sql); found != m_prepared.end()) return found->second;
    drain();
    std::string name = "s" + std::to_string(m_prepared.size() + 1);
    PgResult r(PQprepare(m_conn, name.c_str(), sql.c_str(), params, nullptr));
    if (!r || !ok(r.get())) fail(m_conn, r.get(), "prepare");
    return m_prepared.emplace(sql, std::move(name)).first->second;
}

PgResult PgConnection::run(const std::string& name, const std::vector<std::optional<std::string>>& params) {
    drain();
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    PgResult r(PQexecPrepared(m_conn, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                              nullptr, 0));
    if (!r || !ok(r.get())) fail(m_conn, r.get(), "step");
    note_changes(r.get());
    return r;
}

} // namespace lobby::server
