// Shared helpers for store tests: open a store in a temp dir, run SQL, build changes.
#pragma once

#include "store/sqlite.hpp"
#include "store/store.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <optional>
#include <string>

namespace kiosk::test {

// Stands in for the key file's key in tests that do not test the key file.
inline constexpr const char* k_test_hash_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

inline store::Store open_store(const std::string& path, int busy_timeout_ms = 2000)
{
    store::StoreOptions options;
    options.path = path;
    options.phone_hash_key = k_test_hash_key;
    options.busy_timeout_ms = busy_timeout_ms;
    auto opened = store::Store::open(options);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    return std::move(opened.value());
}

// The first column of the first row, as text ("" when no row).
inline std::string query_text(store::Connection& connection, const char* sql)
{
    store::Statement statement(connection, sql);
    return statement.step() == SQLITE_ROW ? statement.column_text(0) : std::string();
}

// A count in another process's database (the office server's file): `sql`
// is a SELECT count(*), with ?1 bound to `param` when one is given.
inline long long count_in(const std::string& db_path, const char* sql,
                          const std::optional<std::string>& param = std::nullopt)
{
    auto connection = store::Connection::open(db_path, 5000);
    REQUIRE(connection.ok());
    store::Statement query(*connection, sql);
    if (param)
        query.bind(1, *param);
    REQUIRE(query.step() == SQLITE_ROW);
    return query.column_int(0);
}

inline store::CacheChange change(std::int64_t seq, std::string collection, std::string key,
                                 nlohmann::json data = nlohmann::json::object())
{
    return store::CacheChange{seq, std::move(collection), std::move(key), false, std::move(data)};
}

inline store::CacheChange tombstone(std::int64_t seq, std::string collection, std::string key)
{
    return store::CacheChange{seq, std::move(collection), std::move(key), true, nullptr};
}

} // namespace kiosk::test
