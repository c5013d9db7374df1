// The office server's Database, Statement and Transaction over one of two
// engines, chosen by --db: a file path is SQLite (the shared wrappers in
// sync/sqlite, the default), a postgresql:// URL is PostgreSQL (libpq,
// postgres.hpp). The SQL is SQLite's dialect written portably; parameter
// markers and schema types are translated for PostgreSQL (sql_dialect.hpp).
// A throwing boundary: a failed statement aborts the request and its
// transaction rolls back (handlers map DbError to 500).
#pragma once

#include "field_cipher.hpp"
#include "sqlite/sqlite.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <vector>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct pg_result;  // libpq's PGresult

namespace lobby::server {

class PgConnection;
// Frees a libpq result (postgres.cpp), so this header needs no libpq.
struct PgResultFree {
    void operator()(::pg_result* result) const;
};

// A database failure the server cannot turn into a client error (disk full,
// corruption, a bug in SQL). Handlers map it to 500 internal_error.
class DbError : public std::runtime_error {
public:
    DbError(const std::string& what, int code) : std::runtime_error(what), m_code(code) {}
    int code() const { return m_code; }

private:
    int m_code;
};

// Where the data key lives when --data-key-file is not given: beside the DB.
inline std::string default_data_key_file(const std::string& db_path) { return db_path + ".key"; }

// One connection. SQLite: WAL journal, busy_timeout, foreign keys on.
// PostgreSQL: one libpq session, statements prepared once per connection.
// It carries the cipher of personal fields; without one given, the first
// use loads (or creates) the key file beside the (SQLite) database.
class Database {
public:
    explicit Database(const std::string& path, std::shared_ptr<const FieldCipher> cipher = nullptr);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const char* sql);  // statements without parameters or results
    bool is_postgres() const { return m_pg != nullptr; }
    // False once a PostgreSQL session is lost (the server restarted, the
    // connection was cut) or was left inside a transaction: the pool then
    // drops it and opens a new one for the next request.
    bool reusable() const;
    // SQLite only: the wrapped connection (throws on PostgreSQL).
    const lobby::sqlite::Connection& connection() const;
    PgConnection& pg() const { return *m_pg; }
    // The id of the last row inserted into a rowid/identity table.
    std::int64_t last_insert_rowid();
    int changes() const;
    const FieldCipher& cipher() const;

    // The estate this connection serves for the current lease ("home": the
    // --db database itself). Set by Pool::acquire (estates.hpp): on
    // PostgreSQL it also points search_path at that estate's schema (empty
    // schema: the connection's own, the home estate's), so every statement
    // of the lease reads and writes that estate only.
    const std::string& estate() const { return m_estate; }
    void bind_estate(const std::string& estate, const std::string& schema);

private:
    std::string m_path;
    std::string m_estate = "home";
    std::string m_home_search_path;  // PostgreSQL: search_path as the URL set it
    std::string m_search_path;       // PostgreSQL: search_path now
    mutable std::shared_ptr<const FieldCipher> m_cipher;
    std::optional<lobby::sqlite::Connection> m_connection;  // SQLite
    std::unique_ptr<PgConnection> m_pg;                       // or PostgreSQL
};

// A prepared statement with 1-based bind and 0-based column indexes.
class Statement {
public:
    Statement(Database& db, const char* sql);
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind_null(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    bool step();   // true while a row is available
    void run();    // step once, expecting no row
    void reset();  // ready for new bindings

    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool is_null(int column) const;
    std::optional<std::int64_t> opt_int64(int column) const;
    std::optional<std::string> opt_text(int column) const;

private:
    std::optional<lobby::sqlite::Statement> m_statement;  // SQLite
    // PostgreSQL: the prepared statement's name and the bound text values;
    // step() runs it once and then walks the rows of its result.
    Database* m_db = nullptr;
    std::string m_pg_name;
    std::vector<std::optional<std::string>> m_params;
    std::unique_ptr<::pg_result, PgResultFree> m_result;
    int m_row = -1;
    const char* pg_value(int column) const;
    void set_param(int index, std::optional<std::string> value);
};

// BEGIN ... COMMIT; rolls back unless commit() was called, so an exception
// or early return never leaves half a write behind. Immediate takes the write
// lock up front (writers); Deferred gives readers one consistent snapshot.
// On PostgreSQL the same guarantees: Immediate is READ COMMITTED holding one
// database-wide advisory lock (pg_advisory_xact_lock), so writers from any
// number of server processes run one at a time and each sees every earlier
// commit, exactly as SQLite's single writer; Deferred is REPEATABLE READ.
enum class TxMode { Immediate, Deferred };

class Transaction {
public:
    explicit Transaction(Database& db, TxMode mode = TxMode::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

} // namespace lobby::server
