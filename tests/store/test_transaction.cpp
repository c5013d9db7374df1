// RAII transaction: rollback unless committed; the version counter moves only on effective commits.
#include "store/transaction.hpp"
#include "store_test_util.hpp"
#include "support/time_scale.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace kiosk;

TEST_CASE("transaction rolls back when it goes out of scope uncommitted")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    {
        auto tx = store::Transaction::begin(store.connection(), nullptr);
        REQUIRE(tx.ok());
        REQUIRE(store.connection().exec("INSERT INTO meta(key, value) VALUES ('probe', 'x')").ok());
    }
    CHECK(test::query_text(store.connection(), "SELECT count(*) FROM meta WHERE key = 'probe'") == "0");
    CHECK(sqlite3_get_autocommit(store.connection().handle()) == 1);
}

TEST_CASE("transaction keeps what it committed and an explicit rollback discards")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    {
        auto tx = store::Transaction::begin(store.connection(), nullptr);
        REQUIRE(store.connection().exec("INSERT INTO meta(key, value) VALUES ('kept', 'x')").ok());
        REQUIRE(tx->commit().ok());
    }
    {
        auto tx = store::Transaction::begin(store.connection(), nullptr);
        REQUIRE(store.connection().exec("INSERT INTO meta(key, value) VALUES ('dropped', 'x')").ok());
        tx->rollback();
        CHECK_FALSE(tx->commit().ok());   // finished transactions cannot commit
    }
    CHECK(test::query_text(store.connection(), "SELECT group_concat(key) FROM meta WHERE key IN ('kept','dropped')")
          == "kept");
}

TEST_CASE("a failing statement inside apply_page leaves records and cursor untouched")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    REQUIRE(store.apply_page({test::change(1, "notices", "N-1", {{"title", "a"}})}, 1).ok());
    // A trigger makes the second row of the next page fail half-way.
    REQUIRE(store.connection()
                .exec("CREATE TRIGGER refuse BEFORE INSERT ON records WHEN new.key = 'bad' "
                      "BEGIN SELECT RAISE(ABORT, 'refused'); END")
                .ok());
    auto applied = store.apply_page(
        {test::change(2, "notices", "N-2", {{"title", "b"}}), test::change(3, "notices", "bad")}, 3);
    CHECK_FALSE(applied.ok());
    CHECK(*store.cursor() == 1);
    CHECK(store.records("notices")->size() == 1);
}

TEST_CASE("store version bumps on commits that change rows, on every sibling connection")
{
    test::TempDir dir;
    auto ui = test::open_store(dir.file("kiosk.db"));
    auto worker = ui.open_sibling(store::Durability::normal);
    REQUIRE(worker.ok());
    const auto start = ui.version();
    CHECK(start >= 1);

    REQUIRE(worker->apply_page({test::change(1, "notices", "N-1")}, 1).ok());
    const auto after_pull = ui.version();
    CHECK(after_pull > start);
    CHECK(worker->version() == after_pull);

    // Nothing expired: the purge commits but changes no rows.
    REQUIRE(worker->purge_expired(0).ok());
    CHECK(ui.version() == after_pull);

    REQUIRE(ui.enqueue("repair", "/v1/repairs", {{"description", "lamp"}}).ok());
    CHECK(ui.version() > after_pull);

    // A failed write does not move it either.
    const auto before_bad = ui.version();
    CHECK_FALSE(ui.enqueue("repair", "relative/path", {{"x", 1}}).ok());
    CHECK(ui.version() == before_bad);
}

TEST_CASE("writers of one process queue on the write gate instead of failing busy")
{
    test::TempDir dir;
    auto ui = test::open_store(dir.file("kiosk.db"), /*busy_timeout_ms=*/0);   // SQLite alone would fail at once
    auto worker = ui.open_sibling(store::Durability::normal);
    REQUIRE(worker.ok());
    std::mutex gate;
    std::atomic<bool> holding{false}, about_to_wait{false}, released{false};
    const auto deadline = std::chrono::steady_clock::now() + lobby::test::scaled(std::chrono::seconds(10));
    std::thread releaser([&] {
        // This thread takes the gate and gives it back itself: a mutex is
        // unlocked by the thread that locked it.
        auto held = store::Transaction::begin(worker->connection(), nullptr, store::TxMode::immediate, &gate);
        CHECK(held.ok());
        holding.store(true);
        while (!about_to_wait.load() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::yield();
        // Hold the gate a while after the other writer set off, so it really
        // queues on it (the order is checked below, not this duration).
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        released.store(true);
        if (held.ok())
            CHECK(held->commit().ok());
    });
    while (!holding.load() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::yield();
    if (!holding.load()) {
        releaser.join();
        FAIL("the other writer did not take the gate within the scaled 10 s");
    }
    about_to_wait.store(true);
    auto waiting = store::Transaction::begin(ui.connection(), nullptr, store::TxMode::immediate, &gate);
    const bool began_after_release = released.load();
    releaser.join();
    REQUIRE(waiting.ok());
    CHECK(began_after_release);
    CHECK(waiting->commit().ok());
}
