// libpq: connect, run, prepare once per connection, errors as DbError.
#include "postgres.hpp"

#include "db.hpp"

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

[[noreturn]] void fail(PGconn* conn, const PGresult* r, const std::string& context) {
    std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw DbError("postgresql " + context + ": " + message, error_code(r));
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
        std::string message = m_conn ? PQerrorMessage(m_conn) : "out of memory";
        while (!message.empty() && message.back() == '\n') message.pop_back();
        PQfinish(m_conn);
        m_conn = nullptr;
        throw DbError("cannot open database " + loggable_db_target(url) + ": " + message, 14);  // SQLITE_CANTOPEN
    }
    // Notices (e.g. "relation already exists, skipping") are not errors.
    PQsetNoticeProcessor(m_conn, [](void*, const char*) {}, nullptr);
    exec("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
}

PgConnection::~PgConnection() { PQfinish(m_conn); }

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
                    code = error_code(raw);
                }
                continue;
            }
            note_changes(raw);
        }
    }
    PQexitPipelineMode(m_conn);
    if (!error.empty()) {
        while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
        throw DbError("postgresql step: " + error, code);
    }
}

void PgConnection::run_queued(const std::string& name, const std::vector<std::optional<std::string>>& params) {
    if (m_queued == 0 && PQenterPipelineMode(m_conn) != 1) fail(m_conn, nullptr, "pipeline");
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    if (PQsendQueryPrepared(m_conn, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0) != 1) {
        const std::string message = PQerrorMessage(m_conn);
        m_queued = std::max(m_queued, 1);
        try { drain(); } catch (const DbError&) {}
        throw DbError("postgresql step: " + message, 1);
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
