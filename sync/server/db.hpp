// The office server's Database, Statement and Transaction: the shared
// SQLite wrappers (sync/sqlite, errors as values, as in the kiosk's store)
// with a throwing boundary, so a failed statement aborts the request and its
// transaction rolls back (handlers map DbError to 500).
#pragma once

#include "field_cipher.hpp"
#include "sqlite/sqlite.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lobby::server {

// A SQLite failure the server cannot turn into a client error (disk full,
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

// One connection: WAL journal, busy_timeout, foreign keys on. It carries the
// cipher of personal fields; without one given, the first use loads (or
// creates) the key file beside the database.
class Database {
public:
    explicit Database(const std::string& path, std::shared_ptr<const FieldCipher> cipher = nullptr);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const char* sql);  // statements without parameters or results
    sqlite3* handle() const { return m_connection.handle(); }
    const lobby::sqlite::Connection& connection() const { return m_connection; }
    std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(handle()); }
    int changes() const { return sqlite3_changes(handle()); }
    const FieldCipher& cipher() const;

private:
    std::string m_path;
    mutable std::shared_ptr<const FieldCipher> m_cipher;
    static lobby::sqlite::Connection open(const std::string& path);
    lobby::sqlite::Connection m_connection;
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
    lobby::sqlite::Statement m_statement;
};

// BEGIN ... COMMIT; rolls back unless commit() was called, so an exception
// or early return never leaves half a write behind. Immediate takes the write
// lock up front (writers); Deferred gives readers one consistent snapshot.
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
