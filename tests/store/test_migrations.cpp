// Schema migrations: from every old version to the current one, data kept; newer files refused.
#include "store/migrations.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace kiosk;

namespace {

// Writes rows the way a kiosk at `version` would have, with plain SQL (the
// current Store API may not fit old schemas).
void seed_at_version(store::Connection& connection, int version)
{
    if (version >= 1) {
        REQUIRE(connection
                    .exec(R"sql(
            INSERT INTO records(collection, key, seq, data) VALUES
              ('bills', 'B-1', 5, '{"id":"B-1","unit_id":"3-2-1502","period":"2026-10","amount_fen":12345}'),
              ('bills', 'B-2', 6, '{"id":"B-2","unit_id":"3-2-1502","period":"2026-11","amount_fen":200}'),
              ('notices', 'N-1', 7, '{"id":"N-1","urgent":true,"published_at":"2026-11-01T00:00:00Z",
                                      "expires_at":"2030-01-01T00:00:00Z"}');
            INSERT INTO cursors(stream, since, updated_at) VALUES ('changes', 7, 0);
            INSERT INTO records(collection, key, seq, data) VALUES
              ('units', '3-2-1502', 3, '{"id":"3-2-1502","owner_phone_last4_hash":"00"}');)sql")
                    .ok());
    }
    // Before 5 the store kept its phone-hash key inside the file.
    if (version >= 1 && version < 5)
        REQUIRE(connection.exec("INSERT INTO meta(key, value) VALUES ('phone_hash_key', 'old-key-in-the-db')").ok());
    if (version >= 2) {
        REQUIRE(connection
                    .exec(R"sql(
            INSERT INTO outbox(kind, method, path, body, idempotency_key, created_at)
            VALUES ('repair', 'POST', '/v1/repairs', '{"description":"lamp"}',
                    '11111111-2222-4333-8444-555555555555', 1);)sql")
                    .ok());
    }
}

} // namespace

TEST_CASE("every old schema version migrates to the current one and keeps its data")
{
    for (int from = 0; from < store::k_schema_version; ++from) {
        CAPTURE(from);
        test::TempDir dir;
        const std::string path = dir.file("kiosk.db");
        {
            auto connection = store::Connection::open(path, 1000);
            REQUIRE(connection.ok());
            REQUIRE(store::migrate(*connection, from).ok());
            CHECK(*store::schema_version(*connection) == from);
            seed_at_version(*connection, from);
        }
        auto store = test::open_store(path);
        CHECK(*store::schema_version(store.connection()) == store::k_schema_version);
        CHECK(test::query_text(store.connection(), "PRAGMA integrity_check") == "ok");

        if (from >= 1) {
            CHECK(test::query_text(store.connection(), "SELECT count(*) FROM meta WHERE key = 'phone_hash_key'") == "0");
            // Step 5 drops the unit records hashed with the old in-database
            // key and starts the cursor again from 0; after it they stay.
            CHECK(store.record("units", "3-2-1502")->has_value() == (from >= 5));
            CHECK(*store.cursor() == (from >= 5 ? 7 : 0));
            auto bills = store.bills_for_unit("3-2-1502");
            REQUIRE(bills.ok());
            REQUIRE(bills->size() == 2);
            CHECK(bills->at(0).key == "B-2");   // newest period first
            CHECK(bills->at(1).data["amount_fen"] == 12345);
            auto notices = store.active_notices(1'800'000'000);
            REQUIRE(notices.ok());
            CHECK(notices->size() == 1);
            CHECK(store.active_notices(1'900'000'000)->empty());   // expires 2030-01-01
        }
        if (from >= 2) {
            auto head = store.outbox_head();
            REQUIRE(head.ok());
            REQUIRE(head->has_value());
            CHECK((*head)->idempotency_key == "11111111-2222-4333-8444-555555555555");
        }
        // The current API works on the migrated file.
        CHECK(store.enqueue("repair", "/v1/repairs", {{"description", "door"}}).ok());
    }
}

TEST_CASE("migrating a database that kept its phone-hash key inside drops the key and every trace of it")
{
    test::TempDir dir;
    const std::string path = dir.file("kiosk.db");
    const std::string old_key = "6b1f0e2a-4c3d-4e5f-8a9b-0c1d2e3f4a5b7c8d9e0f-1a2b-4c3d-8e5f-6a7b8c9d0e1f";
    {
        auto connection = store::Connection::open(path, 1000);
        REQUIRE(connection.ok());
        REQUIRE(store::migrate(*connection, 4).ok());
        store::Statement insert(*connection, "INSERT INTO meta(key, value) VALUES ('phone_hash_key', ?1)");
        REQUIRE(insert.bind(1, old_key).run().ok());
        REQUIRE(connection->exec("INSERT INTO records(collection, key, seq, data) VALUES "
                                 "('units', 'U-1', 9, '{\"owner_phone_last4_hash\":\"ab\"}'), "
                                 "('bills', 'B-1', 10, '{\"unit_id\":\"U-1\"}')").ok());
        REQUIRE(connection->exec("INSERT INTO cursors(stream, since, updated_at) VALUES ('changes', 10, 0)").ok());
        REQUIRE(connection->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    auto bytes_of = [](const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    };
    REQUIRE(bytes_of(path).find(old_key) != std::string::npos);  // the hole being closed
    {
        auto store = test::open_store(path);
        CHECK(test::query_text(store.connection(), "SELECT count(*) FROM meta") == "0");
        CHECK(store.units()->empty());
        CHECK(store.bills_for_unit("U-1")->size() == 1);  // the rest of the cache stays
        CHECK(*store.cursor() == 0);
    }
    // secure_delete overwrote the freed page: the key is in neither file.
    CHECK(bytes_of(path).find(old_key) == std::string::npos);
    CHECK(bytes_of(path + "-wal").find(old_key) == std::string::npos);
}

TEST_CASE("migrating twice is a no-op")
{
    test::TempDir dir;
    const std::string path = dir.file("kiosk.db");
    { auto first = test::open_store(path); }
    auto again = test::open_store(path);
    CHECK(*store::schema_version(again.connection()) == store::k_schema_version);
}

TEST_CASE("a file from a newer kiosk is refused, not damaged")
{
    test::TempDir dir;
    const std::string path = dir.file("kiosk.db");
    {
        auto connection = store::Connection::open(path, 1000);
        REQUIRE(connection->exec("PRAGMA user_version = 99").ok());
    }
    store::StoreOptions options;
    options.path = path;
    options.phone_hash_key = test::k_test_hash_key;
    auto opened = store::Store::open(options);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == store::StoreErrc::too_new);
    auto connection = store::Connection::open(path, 1000);
    CHECK(*store::schema_version(*connection) == 99);
}

TEST_CASE("the purge of expired records uses the index")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    store::Statement plan(store.connection(),
                          "EXPLAIN QUERY PLAN DELETE FROM records WHERE expires_at IS NOT NULL AND expires_at <= ?1");
    std::string details;
    while (plan.step() == SQLITE_ROW)
        details += plan.column_text(3) + "\n";
    CHECK(details.find("records_expiring") != std::string::npos);
}

TEST_CASE("bill lookup by unit uses the index")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    store::Statement plan(store.connection(),
                          "EXPLAIN QUERY PLAN SELECT data FROM records WHERE collection = 'bills' AND unit_id = ?1 "
                          "ORDER BY sort_key DESC");
    std::string details;
    while (plan.step() == SQLITE_ROW)
        details += plan.column_text(3) + "\n";
    CHECK(details.find("records_by_unit") != std::string::npos);
}
