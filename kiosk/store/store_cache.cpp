// Writing the pull cache: one page and its cursor per transaction; tombstones; expiry.
#include "store/privacy.hpp"
#include "store/store.hpp"
#include "store/store_shared.hpp"
#include "store/transaction.hpp"

#include <sqlite3.h>

#include <ctime>

namespace kiosk::store {

Result<ApplyStats> Store::apply_page(const std::vector<CacheChange>& changes, std::int64_t next_since,
                                     std::string_view stream)
{
    auto tx = begin_write(m_connection, *m_shared);
    if (!tx)
        return tx.error();
    // A record only moves forward: a replayed older page cannot undo a newer one.
    Statement upsert(m_connection, R"sql(
        INSERT INTO records(collection, key, seq, data) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT(collection, key) DO UPDATE SET seq = excluded.seq, data = excluded.data
        WHERE excluded.seq >= records.seq)sql");
    Statement remove(m_connection, "DELETE FROM records WHERE collection = ?1 AND key = ?2 AND seq <= ?3");
    ApplyStats stats;
    for (const CacheChange& change : changes) {
        Statement& statement = change.deleted ? remove : upsert;
        statement.reset();
        statement.bind(1, change.collection).bind(2, change.key).bind(3, change.seq);
        if (!change.deleted)
            statement.bind(4, (is_public_collection(change.collection)
                                   ? change.data
                                   : scrub_personal(change.data, m_shared->options.phone_hash_key)).dump());
        if (auto ran = statement.run(); !ran)
            return ran.error();   // tx rolls back: neither records nor cursor move
        ++(change.deleted ? stats.deleted : stats.upserted);
    }
    Statement move_cursor(m_connection, R"sql(
        INSERT INTO cursors(stream, since, updated_at) VALUES (?1, ?2, ?3)
        ON CONFLICT(stream) DO UPDATE SET since = max(since, excluded.since), updated_at = excluded.updated_at)sql");
    move_cursor.bind(1, stream).bind(2, next_since).bind(3, static_cast<std::int64_t>(std::time(nullptr)));
    if (auto moved = move_cursor.run(); !moved)
        return moved.error();
    if (auto committed = tx->commit(); !committed)
        return committed.error();
    return stats;
}

Result<std::int64_t> Store::cursor(std::string_view stream)
{
    Statement query(m_connection, "SELECT since FROM cursors WHERE stream = ?1");
    query.bind(1, stream);
    const int rc = query.step();
    if (rc == SQLITE_ROW)
        return query.column_int(0);
    if (rc == SQLITE_DONE)
        return std::int64_t{0};
    return m_connection.last_error(rc);
}

Result<int> Store::purge_expired(std::int64_t now_utc)
{
    Statement purge(m_connection, "DELETE FROM records WHERE expires_at IS NOT NULL AND expires_at <= ?1");
    purge.bind(1, now_utc);
    auto purged = write_counted(m_connection, *m_shared, purge);
    if (!purged)
        return purged;
    // Codes live at most 7 days: their uses are not needed a day after that.
    Statement uses(m_connection, "DELETE FROM visitor_code_uses WHERE used_at <= ?1");
    uses.bind(1, static_cast<std::int64_t>(now_utc - std::int64_t{8} * 86400));
    if (auto cleared = write_counted(m_connection, *m_shared, uses); !cleared)
        return cleared.error();
    return purged;
}

} // namespace kiosk::store
