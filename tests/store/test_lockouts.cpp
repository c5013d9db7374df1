// Persisted lockouts: save, load, clear, and still there after the kiosk restarts.
#include "store_test_util.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("a lockout is saved, read back, updated and cleared per scope and key")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    auto none = store.lockout("fees_unit", "3-2-1502");
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());

    REQUIRE(store.save_lockout("fees_unit", "3-2-1502", 2, 0).ok());
    auto two = store.lockout("fees_unit", "3-2-1502");
    REQUIRE(two.ok());
    REQUIRE(two->has_value());
    CHECK((*two)->scope == "fees_unit");
    CHECK((*two)->key == "3-2-1502");
    CHECK((*two)->failures == 2);
    CHECK((*two)->locked_until_utc == 0);

    REQUIRE(store.save_lockout("fees_unit", "3-2-1502", 5, 1'800'000'900).ok());
    CHECK(store.lockout("fees_unit", "3-2-1502")->value().failures == 5);
    CHECK(store.lockout("fees_unit", "3-2-1502")->value().locked_until_utc == 1'800'000'900);
    // Another unit, or the same key in another scope, is a different lock.
    CHECK_FALSE(store.lockout("fees_unit", "1-1-801")->has_value());
    CHECK_FALSE(store.lockout("admin_pin", "3-2-1502")->has_value());

    REQUIRE(store.clear_lockout("fees_unit", "3-2-1502").ok());
    CHECK_FALSE(store.lockout("fees_unit", "3-2-1502")->has_value());
    CHECK(store.clear_lockout("fees_unit", "3-2-1502").ok());  // clearing twice is fine
    CHECK(store.save_lockout("", "x", 1, 0).error().code == store::StoreErrc::bad_input);
    CHECK(store.save_lockout("fees_unit", "x", -1, 0).error().code == store::StoreErrc::bad_input);
}

TEST_CASE("a lockout survives closing and reopening the store (a kiosk restart)")
{
    test::TempDir dir;
    const std::string path = dir.file("kiosk.db");
    {
        auto store = test::open_store(path);
        REQUIRE(store.save_lockout("fees_unit", "3-2-1502", 5, 1'800'000'900).ok());
        REQUIRE(store.save_lockout("fees_unit", "5-3-2202", 1, 0).ok());
    }
    auto store = test::open_store(path);
    auto locked = store.lockout("fees_unit", "3-2-1502");
    REQUIRE(locked.ok());
    REQUIRE(locked->has_value());
    CHECK((*locked)->failures == 5);
    CHECK((*locked)->locked_until_utc == 1'800'000'900);
    CHECK(store.lockout("fees_unit", "5-3-2202")->value().failures == 1);
    // A sibling connection (the worker's) sees the same rows.
    auto sibling = store.open_sibling(store::Durability::normal);
    REQUIRE(sibling.ok());
    CHECK(sibling->lockout("fees_unit", "3-2-1502")->value().failures == 5);
}
