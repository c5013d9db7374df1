// Pictures named by cached records: which are missing, saving, reading, purging.
#include "store/store.hpp"
#include "store/store_shared.hpp"

#include <sqlite3.h>

#include <ctime>

namespace kiosk::store {
namespace {

// Every picture id any cached record names.
constexpr const char* k_named = R"sql(
    SELECT DISTINCT j.value FROM records, json_each(records.data, '$.images') AS j
    WHERE json_type(records.data, '$.images') = 'array' AND j.type = 'text')sql";

} // namespace

Result<std::vector<std::string>> Store::missing_images()
{
    Statement query(m_connection,
                    (std::string("SELECT value FROM (") + k_named + ") WHERE value NOT IN (SELECT id FROM images) ORDER BY value").c_str());
    return collect_rows<std::string>(m_connection, query,
                                     [](const Statement& row) -> Result<std::string> { return row.column_text(0); });
}

Status Store::save_image(std::string_view id, std::string_view content_type, std::string_view bytes)
{
    Statement upsert(m_connection, R"sql(
        INSERT INTO images(id, content_type, bytes, fetched_at) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT(id) DO UPDATE SET content_type = excluded.content_type, bytes = excluded.bytes,
                                      fetched_at = excluded.fetched_at)sql");
    upsert.bind(1, id).bind(2, content_type).bind_blob(3, bytes).bind(4, static_cast<std::int64_t>(std::time(nullptr)));
    auto written = write_counted(m_connection, *m_shared, upsert);
    if (!written)
        return written.error();
    return Done{};
}

Result<std::optional<std::string>> Store::image(std::string_view id)
{
    Statement query(m_connection, "SELECT bytes FROM images WHERE id = ?1");
    query.bind(1, id);
    return first_row(collect_rows<std::string>(m_connection, query,
                                               [](const Statement& row) -> Result<std::string> { return row.column_blob(0); }));
}

Result<int> Store::purge_unnamed_images()
{
    Statement purge(m_connection, (std::string("DELETE FROM images WHERE id NOT IN (") + k_named + ")").c_str());
    return write_counted(m_connection, *m_shared, purge);
}

Result<std::int64_t> Store::synced_at(std::string_view stream)
{
    Statement query(m_connection, "SELECT updated_at FROM cursors WHERE stream = ?1");
    query.bind(1, stream);
    auto row = first_row(collect_rows<std::int64_t>(m_connection, query,
                                                    [](const Statement& r) -> Result<std::int64_t> { return r.column_int(0); }));
    if (!row)
        return row.error();
    return row.value().value_or(0);
}

} // namespace kiosk::store
