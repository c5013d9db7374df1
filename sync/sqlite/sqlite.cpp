// RAII wrappers over sqlite3 handles and statements.
#include "sqlite/sqlite.hpp"

#include <sqlite3.h>

#include <utility>

namespace lobby::sqlite {

// [SECTION] Connection

Result<Connection> Connection::open(const std::string& path, int busy_timeout_ms)
{
    sqlite3* db = nullptr;
    // FULLMUTEX is not needed: every connection is used by one thread only.
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    // "file:/name?vfs=memdb": the in-memory store a kiosk with a full disk
    // starts on (every connection of the process shares it).
    if (path.rfind("file:", 0) == 0)
        flags |= SQLITE_OPEN_URI;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error error{classify_sqlite(rc), rc, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)};
        sqlite3_close(db);
        return error;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busy_timeout_ms);
    return Connection(db);
}

Connection::Connection(Connection&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Connection& Connection::operator=(Connection&& other) noexcept
{
    if (this != &other) {
        sqlite3_close(m_db);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Connection::~Connection() { sqlite3_close(m_db); }

Status Connection::exec(const char* sql)
{
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return last_error(rc);
    return Done{};
}

Error Connection::last_error(int rc) const
{
    return Error{classify_sqlite(rc), rc, m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc)};
}

std::int64_t Connection::total_changes() const noexcept { return sqlite3_total_changes64(m_db); }

// [SECTION] Statement

Statement::Statement(const Connection& connection, const char* sql) : m_connection(connection)
{
    m_prepare_rc = sqlite3_prepare_v2(connection.handle(), sql, -1, &m_stmt, nullptr);
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement& Statement::bind(int index, std::int64_t value)
{
    if (m_stmt && m_bind_rc == SQLITE_OK)
        m_bind_rc = sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    if (m_stmt && m_bind_rc == SQLITE_OK)
        m_bind_rc = sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    if (m_stmt && m_bind_rc == SQLITE_OK)
        m_bind_rc = sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes)
{
    if (m_stmt && m_bind_rc == SQLITE_OK)
        m_bind_rc = sqlite3_bind_blob(m_stmt, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text)
{
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value)
{
    return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_null(int index)
{
    if (m_stmt && m_bind_rc == SQLITE_OK)
        m_bind_rc = sqlite3_bind_null(m_stmt, index);
    return *this;
}

int Statement::step()
{
    if (m_prepare_rc != SQLITE_OK)
        return m_prepare_rc;
    if (m_bind_rc != SQLITE_OK)
        return m_bind_rc;
    return sqlite3_step(m_stmt);
}

Status Statement::run()
{
    int rc = step();
    while (rc == SQLITE_ROW)
        rc = step();
    if (rc != SQLITE_DONE)
        return m_connection.last_error(rc);
    return Done{};
}

void Statement::reset()
{
    if (!m_stmt)
        return;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bind_rc = SQLITE_OK;
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(m_stmt, index); }

double Statement::column_real(int index) const { return sqlite3_column_double(m_stmt, index); }

std::string Statement::column_text(int index) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, index));
    const int size = sqlite3_column_bytes(m_stmt, index);
    return text ? std::string(text, static_cast<std::size_t>(size)) : std::string();
}

std::string Statement::column_blob(int index) const
{
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(m_stmt, index));
    const int size = sqlite3_column_bytes(m_stmt, index);
    return bytes ? std::string(bytes, static_cast<std::size_t>(size)) : std::string();
}

std::optional<std::string> Statement::column_optional_text(int index) const
{
    if (column_is_null(index))
        return std::nullopt;
    return column_text(index);
}

std::optional<std::int64_t> Statement::column_optional_int(int index) const
{
    if (column_is_null(index))
        return std::nullopt;
    return column_int(index);
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(m_stmt, index) == SQLITE_NULL; }

} // namespace lobby::sqlite
