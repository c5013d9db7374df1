// Thin RAII wrappers over one sqlite3 connection and its prepared statements,
// errors as values: the one SQLite style of the kiosk's store and the office
// server (whose db.hpp turns these errors into exceptions at its boundary).
#pragma once

#include "sqlite/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace lobby::sqlite {

// One open database handle. Move-only; closes on destruction.
class Connection {
public:
    static Result<Connection> open(const std::string& path, int busy_timeout_ms);

    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // Runs one or more statements without parameters (DDL, PRAGMA, BEGIN).
    Status exec(const char* sql);
    // An error value for the last failing call on this connection.
    Error last_error(int rc) const;
    // Total rows changed by this connection since it was opened.
    std::int64_t total_changes() const noexcept;

    sqlite3* handle() const noexcept { return m_db; }

private:
    explicit Connection(sqlite3* db) : m_db(db) {}
    sqlite3* m_db = nullptr;
};

// One prepared statement; parameters are 1-based as in SQLite.
// A failed prepare is remembered and returned by step(), so call sites
// check one result code instead of two.
class Statement {
public:
    Statement(const Connection& connection, const char* sql);
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::optional<std::string>& text);
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    Statement& bind_null(int index);
    Statement& bind_blob(int index, std::string_view bytes);  // bytes, not text (pictures)

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    // Runs to completion, for statements that return no rows.
    Status run();
    void reset();

    // SQLITE_OK, or why preparing or binding failed (step() returns it too).
    int status() const { return m_prepare_rc != 0 ? m_prepare_rc : m_bind_rc; }
    const Connection& connection() const { return m_connection; }

    std::int64_t column_int(int index) const;
    double column_real(int index) const;
    std::string column_text(int index) const;
    std::string column_blob(int index) const;
    std::optional<std::string> column_optional_text(int index) const;
    std::optional<std::int64_t> column_optional_int(int index) const;
    bool column_is_null(int index) const;

private:
    const Connection& m_connection;
    sqlite3_stmt* m_stmt = nullptr;
    int m_prepare_rc = 0;
    int m_bind_rc = 0;
};

} // namespace lobby::sqlite
