// The server's throwing boundary over the shared SQLite wrappers.
#include "db.hpp"

namespace lobby::server {
namespace {

[[noreturn]] void fail(const lobby::sqlite::Error& error, const std::string& context)
{
    throw DbError(context + ": " + error.message, error.sqlite_code);
}

} // namespace

lobby::sqlite::Connection Database::open(const std::string& path)
{
    auto connection = lobby::sqlite::Connection::open(path, 5000);
    if (!connection)
        throw DbError("cannot open database " + path + ": " + connection.error().message, connection.error().sqlite_code);
    return std::move(connection.value());
}

Database::Database(const std::string& path, std::shared_ptr<const FieldCipher> cipher)
    : m_path(path), m_cipher(std::move(cipher)), m_connection(open(path))
{
    // Writers wait for each other instead of failing (busy timeout 5 s); WAL
    // lets readers run beside the writer and survives a kill -9 mid-write.
    exec("PRAGMA journal_mode=WAL");
    // FULL: a 201 means the record survives a power cut too; the kiosk
    // deletes its copy (and the personal data in it) once we confirm.
    exec("PRAGMA synchronous=FULL");
    exec("PRAGMA foreign_keys=ON");
}

Database::~Database() = default;

const FieldCipher& Database::cipher() const
{
    if (!m_cipher)
        m_cipher = std::make_shared<const FieldCipher>(FieldCipher::from_key_file(default_data_key_file(m_path)));
    return *m_cipher;
}

void Database::exec(const char* sql)
{
    if (auto done = m_connection.exec(sql); !done)
        fail(done.error(), "sqlite exec failed");
}

Statement::Statement(Database& db, const char* sql) : m_statement(db.connection(), sql)
{
    if (m_statement.status() != SQLITE_OK)
        fail(db.connection().last_error(m_statement.status()), "prepare");
}

Statement& Statement::bind(int index, std::int64_t value)
{
    m_statement.bind(index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    m_statement.bind(index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
    m_statement.bind(index, value);
    return *this;
}

Statement& Statement::bind_null(int index)
{
    m_statement.bind_null(index);
    return *this;
}

bool Statement::step()
{
    const int rc = m_statement.step();
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_statement.connection().last_error(rc), "step");
}

void Statement::run()
{
    step();
    reset();
}

void Statement::reset() { m_statement.reset(); }

std::int64_t Statement::int64(int column) const { return m_statement.column_int(column); }
double Statement::real(int column) const { return m_statement.column_real(column); }
bool Statement::is_null(int column) const { return m_statement.column_is_null(column); }
std::string Statement::text(int column) const { return m_statement.column_text(column); }
std::optional<std::int64_t> Statement::opt_int64(int column) const { return m_statement.column_optional_int(column); }
std::optional<std::string> Statement::opt_text(int column) const { return m_statement.column_optional_text(column); }

Transaction::Transaction(Database& db, TxMode mode) : m_db(db)
{
    m_db.exec(mode == TxMode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
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
