// Forward-only schema migrations, one transaction per step.
#include "store/migrations.hpp"

#include "store/transaction.hpp"

#include <string>

namespace kiosk::store {
namespace {

struct Step {
    int version;
    const char* sql;
};

// clang-format off
constexpr Step k_steps[] = {
    // 1: the pull cache. One generic table keyed by (collection, key) keeps
    // the cache schema independent of each collection's fields.
    {1, R"sql(
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE records(
            collection TEXT NOT NULL,
            key        TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            data       TEXT NOT NULL,
            PRIMARY KEY (collection, key)) WITHOUT ROWID;
        CREATE TABLE cursors(
            stream     TEXT PRIMARY KEY,
            since      INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
    )sql"},
    // 2: the outbox of submissions waiting for the office server.
    {2, R"sql(
        CREATE TABLE outbox(
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            kind               TEXT NOT NULL,
            method             TEXT NOT NULL,
            path               TEXT NOT NULL,
            body               TEXT,
            idempotency_key    TEXT NOT NULL UNIQUE,
            created_at         INTEGER NOT NULL,
            state              TEXT NOT NULL DEFAULT 'pending'
                               CHECK (state IN ('pending', 'sending', 'done', 'failed')),
            attempts           INTEGER NOT NULL DEFAULT 0,
            next_attempt_at_ms INTEGER NOT NULL DEFAULT 0,
            last_error         TEXT,
            http_status        INTEGER,
            server_response    TEXT,
            finished_at        INTEGER);
        CREATE INDEX outbox_by_state ON outbox(state, id);
    )sql"},
    // 3: columns derived from the JSON so the UI's hot queries (bills of one
    // unit, active notices urgent first) are index lookups, not scans.
    // VIRTUAL generated columns need no backfill and cannot drift from data.
    {3, R"sql(
        ALTER TABLE records ADD COLUMN unit_id TEXT
            GENERATED ALWAYS AS (json_extract(data, '$.unit_id')) VIRTUAL;
        ALTER TABLE records ADD COLUMN sort_key TEXT
            GENERATED ALWAYS AS (coalesce(json_extract(data, '$.period'), json_extract(data, '$.published_at'),
                                          json_extract(data, '$.created_at'))) VIRTUAL;
        ALTER TABLE records ADD COLUMN urgent INTEGER
            GENERATED ALWAYS AS (coalesce(json_extract(data, '$.urgent'), 0)) VIRTUAL;
        ALTER TABLE records ADD COLUMN expires_at INTEGER
            GENERATED ALWAYS AS (CASE json_type(data, '$.expires_at')
                                     WHEN 'integer' THEN json_extract(data, '$.expires_at')
                                     WHEN 'text' THEN CAST(strftime('%s', json_extract(data, '$.expires_at')) AS INTEGER)
                                 END) VIRTUAL;
        CREATE INDEX records_by_unit ON records(collection, unit_id, sort_key) WHERE unit_id IS NOT NULL;
    )sql"},
    // 4: the worker purges expired records after every pull; without an
    // index that scanned (and JSON-parsed) the whole cache under the write
    // lock, ~200 ms with 400k records, and a Submit on screen waited for it.
    {4, R"sql(
        CREATE INDEX records_expiring ON records(expires_at) WHERE expires_at IS NOT NULL;
    )sql"},
    // 5: the phone-hash key moves out of this file into a 0600 key file
    // beside the config (key_file.hpp): a key kept next to the hashes it
    // protects let anyone with the file recover every unit's last four
    // digits in under a second. The old key is deleted (secure_delete
    // overwrites its page instead of leaving it in the free list). The hashes
    // made with it are now useless, so the cached units (the records offline
    // verification reads) are dropped too, and every cursor is reset: the
    // next pull starts from 0 and brings every record again, re-hashed with
    // the new key (a replayed record with the same seq overwrites its copy).
    // Until that pull, fee lookup needs the network.
    {5, R"sql(
        PRAGMA secure_delete = ON;
        DELETE FROM meta WHERE key = 'phone_hash_key';
        DELETE FROM records WHERE collection = 'units';
        DELETE FROM cursors;
        PRAGMA secure_delete = OFF;
    )sql"},
    // 6: lockouts that survive a restart (wrong phone digits per unit, ...):
    // kept in memory only, a lock ended when the kiosk was restarted. The key
    // (a unit id) is not personal, so it is stored as it is.
    {6, R"sql(
        CREATE TABLE lockouts(
            scope        TEXT NOT NULL,
            key          TEXT NOT NULL,
            failures     INTEGER NOT NULL,
            locked_until INTEGER NOT NULL,
            updated_at   INTEGER NOT NULL,
            PRIMARY KEY (scope, key)) WITHOUT ROWID;
    )sql"},
    // 7: visitor codes this kiosk accepted, by the feed record's id (never
    // the code), so a code is never accepted twice here while offline, not
    // even after a restart. Kept until the code's record is long gone.
    {7, R"sql(
        CREATE TABLE visitor_code_uses(
            record_id TEXT PRIMARY KEY,
            used_at   INTEGER NOT NULL) WITHOUT ROWID;
    )sql"},
    // 8: pictures the cached records name in their "images" array (notice
    // pictures), fetched by the sync worker after a pull and dropped when no
    // record names them any more. A picture that failed to decode is still
    // kept: it is not fetched again for every pull.
    {8, R"sql(
        CREATE TABLE images(
            id           TEXT PRIMARY KEY,
            content_type TEXT NOT NULL,
            bytes        BLOB NOT NULL,
            fetched_at   INTEGER NOT NULL);
    )sql"},
};
// clang-format on

} // namespace

Result<int> schema_version(Connection& connection)
{
    Statement query(connection, "PRAGMA user_version");
    const int rc = query.step();
    if (rc != 100 /* SQLITE_ROW */)
        return connection.last_error(rc);
    return static_cast<int>(query.column_int(0));
}

Status migrate(Connection& connection, int target)
{
    auto current = schema_version(connection);
    if (!current)
        return current.error();
    if (*current > k_schema_version)
        return StoreError{StoreErrc::too_new, 0,
                          "database schema " + std::to_string(*current) + " is newer than this kiosk ("
                              + std::to_string(k_schema_version) + ")"};
    for (const Step& step : k_steps) {
        if (step.version <= *current || step.version > target)
            continue;
        auto tx = Transaction::begin(connection, nullptr);
        if (!tx)
            return tx.error();
        if (auto applied = connection.exec(step.sql); !applied)
            return applied.error();
        const std::string bump = "PRAGMA user_version = " + std::to_string(step.version);
        if (auto bumped = connection.exec(bump.c_str()); !bumped)
            return bumped.error();
        if (auto committed = tx->commit(); !committed)
            return committed.error();
    }
    return Done{};
}

} // namespace kiosk::store
