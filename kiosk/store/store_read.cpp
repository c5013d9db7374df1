// Reading the pull cache for the UI's view models.
#include "store/privacy.hpp"
#include "store/store.hpp"
#include "store/store_shared.hpp"

#include "protocol/verifier.hpp"

#include <sqlite3.h>

namespace kiosk::store {
namespace {

constexpr const char* k_columns = "SELECT collection, key, seq, data FROM records ";

Result<CachedRecord> read_record(const Statement& row)
{
    CachedRecord record;
    record.collection = row.column_text(0);
    record.key = row.column_text(1);
    record.seq = row.column_int(2);
    // The store wrote this JSON itself; a parse failure means corruption.
    record.data = nlohmann::json::parse(row.column_text(3), nullptr, false);
    if (record.data.is_discarded())
        return StoreError{StoreErrc::corrupt, 0, "unreadable record " + record.collection + "/" + record.key};
    return record;
}

Result<std::vector<CachedRecord>> collect(Connection& connection, Statement& query)
{
    return collect_rows<CachedRecord>(connection, query, read_record);
}

} // namespace

Result<std::vector<CachedRecord>> Store::records(std::string_view collection)
{
    Statement query(m_connection, (std::string(k_columns) + "WHERE collection = ?1 ORDER BY key").c_str());
    query.bind(1, collection);
    return collect(m_connection, query);
}

Result<CollectionStamp> Store::collection_stamp(std::string_view collection)
{
    Statement query(m_connection, "SELECT count(*), coalesce(max(seq), 0) FROM records WHERE collection = ?1");
    query.bind(1, collection);
    const int rc = query.step();
    if (rc != SQLITE_ROW)
        return m_connection.last_error(rc);
    return CollectionStamp{query.column_int(0), query.column_int(1)};
}

Result<std::optional<CachedRecord>> Store::record(std::string_view collection, std::string_view key)
{
    Statement query(m_connection, (std::string(k_columns) + "WHERE collection = ?1 AND key = ?2").c_str());
    query.bind(1, collection).bind(2, key);
    return first_row(collect(m_connection, query));
}

Result<std::vector<CachedRecord>> Store::active_notices(std::int64_t now_utc)
{
    // Filtered here as well as purged by the worker: an expired notice must
    // disappear at its time even while the kiosk is offline.
    Statement query(m_connection, (std::string(k_columns) + R"sql(
        WHERE collection = 'notices' AND (expires_at IS NULL OR expires_at > ?1)
        ORDER BY urgent DESC, sort_key DESC, key)sql").c_str());
    query.bind(1, now_utc);
    return collect(m_connection, query);
}

Result<std::optional<CachedRecord>> Store::estate() { return first_row(records("estate")); }

Result<std::vector<CachedRecord>> Store::bills_for_unit(std::string_view unit_id)
{
    Statement query(m_connection, (std::string(k_columns) + R"sql(
        WHERE collection = 'bills' AND unit_id = ?1 ORDER BY sort_key DESC, key)sql").c_str());
    query.bind(1, unit_id);
    return collect(m_connection, query);
}

Result<std::vector<CachedRecord>> Store::tickets_for_unit(std::string_view unit_id)
{
    Statement query(m_connection, (std::string(k_columns) + R"sql(
        WHERE collection = 'tickets' AND unit_id = ?1 ORDER BY sort_key DESC, key)sql").c_str());
    query.bind(1, unit_id);
    return collect(m_connection, query);
}

Result<bool> Store::verify_phone_last4(std::string_view unit_id, std::string_view last4)
{
    auto unit = record("units", unit_id);
    if (!unit)
        return unit.error();
    if (!*unit)
        return StoreError{StoreErrc::not_found, 0, "unit not cached"};
    // The feed's verifiers are keyed with this kiosk's enrolment key (the
    // key file): the typed digits verify only if their HMAC is among them.
    const auto found = (*unit)->data.find("resident_last4_hmacs");
    if (found == (*unit)->data.end() || !found->is_array() || found->empty())
        return StoreError{StoreErrc::not_found, 0, "unit cached without verifiers"};
    const std::string expected = lobby::protocol::last4_verifier(m_shared->options.phone_hash_key, unit_id, last4);
    for (const auto& value : *found)
        if (value.is_string() && value.get<std::string>() == expected)
            return true;
    return false;
}

} // namespace kiosk::store
