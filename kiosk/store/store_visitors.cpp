// Visitor codes on the kiosk: found in the cache by their keyed hash, and
// this kiosk's own uses, which outlive a restart.
#include "store/store.hpp"
#include "store/store_shared.hpp"

#include "protocol/uuid.hpp"
#include "protocol/verifier.hpp"

#include <ctime>

namespace kiosk::store {

Result<std::optional<CachedRecord>> Store::visitor_code(std::string_view code)
{
    // The cache holds only HMACs of codes under this kiosk's key; the typed
    // code is hashed the same way and compared.
    const std::string verifier = lobby::protocol::visitor_code_verifier(m_shared->options.phone_hash_key, code);
    Statement query(m_connection, R"sql(
        SELECT key FROM records
        WHERE collection = 'visitor_codes' AND json_extract(data, '$.code_verifier') = ?1 LIMIT 1)sql");
    query.bind(1, verifier);
    const int rc = query.step();
    if (rc == SQLITE_DONE)
        return std::optional<CachedRecord>();
    if (rc != SQLITE_ROW)
        return m_connection.last_error(rc);
    const std::string key = query.column_text(0);
    return record("visitor_codes", key);
}

Result<bool> Store::visitor_code_used_here(std::string_view record_id)
{
    Statement query(m_connection, "SELECT 1 FROM visitor_code_uses WHERE record_id = ?1");
    query.bind(1, record_id);
    const int rc = query.step();
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return m_connection.last_error(rc);
}

Status Store::remember_visitor_code_use(std::string_view record_id, std::int64_t used_at_utc)
{
    Statement insert(m_connection, "INSERT OR IGNORE INTO visitor_code_uses(record_id, used_at) VALUES (?1, ?2)");
    insert.bind(1, record_id).bind(2, used_at_utc);
    auto written = write_counted(m_connection, *m_shared, insert);
    if (!written)
        return written.error();
    return Done{};
}

Result<OutboxId> Store::use_visitor_code_offline(std::string_view record_id, std::int64_t used_at_utc,
                                                 std::string_view kind, std::string_view path,
                                                 const nlohmann::json& body)
{
    if (!body.is_object() || kind.empty() || path.empty() || path.front() != '/')
        return StoreError{StoreErrc::bad_input, 0, "outbox item needs a kind, an absolute path and a JSON object"};
    auto tx = begin_write(m_connection, *m_shared);
    if (!tx)
        return tx.error();
    // The primary key refuses a second use here, inside the same transaction.
    Statement use(m_connection, "INSERT INTO visitor_code_uses(record_id, used_at) VALUES (?1, ?2)");
    use.bind(1, record_id).bind(2, used_at_utc);
    if (auto used = use.run(); !used)
        return used.error();
    Statement insert(m_connection, R"sql(
        INSERT INTO outbox(kind, method, path, body, idempotency_key, created_at)
        VALUES (?1, 'POST', ?2, ?3, ?4, ?5))sql");
    insert.bind(1, kind).bind(2, path).bind(3, body.dump()).bind(4, lobby::protocol::make_uuid_v4());
    insert.bind(5, static_cast<std::int64_t>(std::time(nullptr)));
    if (auto inserted = insert.run(); !inserted)
        return inserted.error();
    const OutboxId id = sqlite3_last_insert_rowid(m_connection.handle());
    if (auto committed = tx->commit(); !committed)
        return committed.error();
    return id;
}

} // namespace kiosk::store
