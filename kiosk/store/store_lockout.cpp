// Lockouts that survive a restart: wrong-try counts and lock ends per (scope, key).
#include "store/store.hpp"
#include "store/store_shared.hpp"

#include <sqlite3.h>

#include <ctime>

namespace kiosk::store {

Result<std::optional<LockoutRow>> Store::lockout(std::string_view scope, std::string_view key)
{
    Statement query(m_connection, "SELECT scope, key, failures, locked_until FROM lockouts WHERE scope = ?1 AND key = ?2");
    query.bind(1, scope).bind(2, key);
    return first_row(collect_rows<LockoutRow>(m_connection, query, [](const Statement& row) -> Result<LockoutRow> {
        return LockoutRow{row.column_text(0), row.column_text(1), static_cast<int>(row.column_int(2)),
                          row.column_int(3)};
    }));
}

Status Store::save_lockout(std::string_view scope, std::string_view key, int failures, std::int64_t locked_until_utc)
{
    if (scope.empty() || failures < 0 || locked_until_utc < 0)
        return StoreError{StoreErrc::bad_input, 0, "lockout needs a scope, failures >= 0 and locked_until_utc >= 0"};
    Statement upsert(m_connection, R"sql(
        INSERT INTO lockouts(scope, key, failures, locked_until, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT(scope, key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until,
                                              updated_at = excluded.updated_at)sql");
    upsert.bind(1, scope).bind(2, key).bind(3, failures).bind(4, locked_until_utc)
        .bind(5, static_cast<std::int64_t>(std::time(nullptr)));
    auto written = write_counted(m_connection, *m_shared, upsert);
    if (!written)
        return written.error();
    return Done{};
}

Status Store::clear_lockout(std::string_view scope, std::string_view key)
{
    Statement remove(m_connection, "DELETE FROM lockouts WHERE scope = ?1 AND key = ?2");
    remove.bind(1, scope).bind(2, key);
    auto removed = write_counted(m_connection, *m_shared, remove);
    if (!removed)
        return removed.error();
    return Done{};
}

} // namespace kiosk::store
