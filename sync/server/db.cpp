// The server's throwing boundary over SQLite (the shared wrappers) or
// PostgreSQL (libpq), one API for both.
#include "db.hpp"

#include "postgres.hpp"
#include "sql_dialect.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace lobby::server {
namespace {

[[noreturn]] void fail(const lobby::sqlite::Error& error, const std::string& context)
{
    throw DbError(context + ": " + error.message, error.sqlite_code);
}

lobby::sqlite::Connection open_sqlite(const std::string& path)
{
    auto connection = lobby::sqlite::Connection::open(path, 5000);
    if (!connection)
        throw DbError("cannot open database " + path + ": " + connection.error().message, connection.error().sqlite_code);
    return std::move(connection.value());
}

// One lock per office database: every server process on it takes the same
// one; keyed by the schema, so several offices in one PostgreSQL database
// (a schema each) do not wait for each other.
constexpr const char* pg_write_lock = "SELECT pg_advisory_xact_lock(7019, hashtext(current_schema()))";

} // namespace

Database::Database(const std::string& path, std::shared_ptr<const FieldCipher> cipher)
    : m_path(path), m_cipher(std::move(cipher))
{
    if (is_postgres_url(path)) {
        m_pg = std::make_unique<PgConnection>(path);
        Statement search_path(*this, "SELECT current_setting('search_path')");
        search_path.step();
        m_home_search_path = m_search_path = search_path.text(0);
        return;
    }
    m_connection.emplace(open_sqlite(path));
    // Writers wait for each other instead of failing (busy timeout 5 s); WAL
    // lets readers run beside the writer and survives a kill -9 mid-write.
    exec("PRAGMA journal_mode=WAL");
    // FULL: a 201 means the record survives a power cut too; the kiosk
    // deletes its copy (and the personal data in it) once we confirm.
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA foreign_keys=ON");
}

Database::~Database() = default;

const lobby::sqlite::Connection& Database::connection() const
{
    if (!m_connection) throw DbError("a SQLite connection was asked of a PostgreSQL database", 1);
    return *m_connection;
}

void Database::bind_estate(const std::string& estate, const std::string& schema)
{
    m_estate = estate;
    if (!m_pg) return;
    // Schema names come from valid_estate_id (a-z, 0-9, '_'), quoted anyway.
    const std::string wanted = schema.empty() ? m_home_search_path : "\"" + schema + "\"";
    if (wanted == m_search_path) return;
    m_search_path.clear();  // unknown until the SET succeeds
    exec(("SET search_path TO " + wanted).c_str());
    m_search_path = wanted;
}

std::int64_t Database::last_insert_rowid()
{
    if (!m_pg) return sqlite3_last_insert_rowid(m_connection->handle());
    Statement last(*this, "SELECT lastval()");
    last.step();
    return last.int64(0);
}

bool Database::reusable() const
{
    if (!m_pg) return true;
    return PQstatus(m_pg->handle()) == CONNECTION_OK && PQtransactionStatus(m_pg->handle()) == PQTRANS_IDLE;
}

bool Database::still_open()
{
    return !m_pg || m_pg->still_open();
}

int Database::changes() const
{
    return m_pg ? m_pg->changes() : sqlite3_changes(m_connection->handle());
}

const FieldCipher& Database::cipher() const
{
    if (!m_cipher)
        m_cipher = std::make_shared<const FieldCipher>(FieldCipher::from_key_file(default_data_key_file(m_path)));
    return *m_cipher;
}

void Database::exec(const char* sql)
{
    if (m_pg) return m_pg->exec(sql);
    if (auto done = m_connection->exec(sql); !done)
        fail(done.error(), "sqlite exec failed");
}

Statement::Statement(Database& db, const char* sql)
{
    if (db.is_postgres()) {
        m_db = &db;
        int params = 0;
        const std::string translated = sql::postgres_placeholders(sql, &params);
        m_pg_name = db.pg().prepare(translated, params);
        m_params.resize(static_cast<std::size_t>(params));
        return;
    }
    m_statement.emplace(db.connection(), sql);
    if (m_statement->status() != SQLITE_OK)
        fail(db.connection().last_error(m_statement->status()), "prepare");
}

void Statement::set_param(int index, std::optional<std::string> value)
{
    if (index < 1 || static_cast<std::size_t>(index) > m_params.size())
        throw DbError("bind: no parameter " + std::to_string(index), 25);  // SQLITE_RANGE
    m_params[static_cast<std::size_t>(index) - 1] = std::move(value);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    if (m_db) set_param(index, std::to_string(value));
    else m_statement->bind(index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    if (m_db) {
        char text[32];
        std::snprintf(text, sizeof text, "%.17g", value);
        set_param(index, std::string(text));
    } else {
        m_statement->bind(index, value);
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
    if (m_db) set_param(index, std::string(value));
    else m_statement->bind(index, value);
    return *this;
}

Statement& Statement::bind_null(int index)
{
    if (m_db) set_param(index, std::nullopt);
    else m_statement->bind_null(index);
    return *this;
}

bool Statement::step()
{
    if (m_db) {
        if (!m_result) {
            m_result = m_db->pg().run(m_pg_name, m_params);
            m_row = -1;
        }
        return ++m_row < PQntuples(m_result.get());
    }
    const int rc = m_statement->step();
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_statement->connection().last_error(rc), "step");
}

void Statement::run()
{
    if (m_db) {
        m_result.reset();
        m_row = -1;
        m_db->pg().run_queued(m_pg_name, m_params);  // libpq has copied the values
        std::fill(m_params.begin(), m_params.end(), std::nullopt);
        return;
    }
    step();
    reset();
}

// Clears the bindings on both engines, as sqlite3_clear_bindings does: a
// statement run again in a loop with a parameter left unbound must send
// NULL, not the last row's value (on PostgreSQL the demo seed once gave an
// unrated ticket the rating of the ticket before it).
void Statement::reset()
{
    if (m_db) {
        m_result.reset();
        m_row = -1;
        std::fill(m_params.begin(), m_params.end(), std::nullopt);
    } else {
        m_statement->reset();
    }
}

const char* Statement::pg_value(int column) const
{
    if (!m_result || m_row < 0 || m_row >= PQntuples(m_result.get()) || column < 0 ||
        column >= PQnfields(m_result.get()) || PQgetisnull(m_result.get(), m_row, column))
        return nullptr;
    return PQgetvalue(m_result.get(), m_row, column);
}

// PostgreSQL answers in text: booleans (a comparison selected as a column)
// read as 1/0, numerics as their leading integer, as SQLite's casts do.
std::int64_t Statement::int64(int column) const
{
    if (!m_db) return m_statement->column_int(column);
    const char* v = pg_value(column);
    if (!v) return 0;
    if (std::strcmp(v, "t") == 0) return 1;
    if (std::strcmp(v, "f") == 0) return 0;
    if (std::strchr(v, '.') || std::strchr(v, 'e')) return static_cast<std::int64_t>(std::strtod(v, nullptr));
    return std::strtoll(v, nullptr, 10);
}

double Statement::real(int column) const
{
    if (!m_db) return m_statement->column_real(column);
    const char* v = pg_value(column);
    return v ? std::strtod(v, nullptr) : 0.0;
}

bool Statement::is_null(int column) const
{
    if (!m_db) return m_statement->column_is_null(column);
    return pg_value(column) == nullptr;
}

std::string Statement::text(int column) const
{
    if (!m_db) return m_statement->column_text(column);
    const char* v = pg_value(column);
    return v ? std::string(v) : std::string();
}

std::optional<std::int64_t> Statement::opt_int64(int column) const
{
    if (!m_db) return m_statement->column_optional_int(column);
    if (is_null(column)) return std::nullopt;
    return int64(column);
}

std::optional<std::string> Statement::opt_text(int column) const
{
    if (!m_db) return m_statement->column_optional_text(column);
    const char* v = pg_value(column);
    if (!v) return std::nullopt;
    return std::string(v);
}

Transaction::Transaction(Database& db, TxMode mode) : m_db(db)
{
    if (!db.is_postgres()) {
        m_db.exec(mode == TxMode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
        return;
    }
    if (mode == TxMode::Deferred) {
        m_db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
        return;
    }
    m_db.exec("BEGIN ISOLATION LEVEL READ COMMITTED");
    try {
        m_db.exec(pg_write_lock);
    } catch (const DbError&) {
        try { m_db.exec("ROLLBACK"); } catch (const DbError&) {}
        throw;
    }
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    try {
        m_db.exec("ROLLBACK");
    } catch (const DbError&) {
        // A failed rollback leaves SQLite to roll back on close; nothing to add.
    }
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace lobby::server
