// The sync worker against a misbehaving server: it keeps going, the UI never waits, nothing is sent twice.
#include "protocol/verifier.hpp"
#include "fault_server.hpp"
#include "net/sync_worker.hpp"
#include "store_test_util.hpp"
#include "sync_test_util.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>

using namespace kiosk;
using test::FaultMode;

namespace {

struct Rig {
    test::TempDir dir;
    store::Store ui = test::open_store(dir.file("kiosk.db"));
    std::atomic<int> wakes{0};
    std::unique_ptr<net::SyncWorker> worker;

    void start(const net::SyncConfig& config)
    {
        auto worker_store = ui.open_sibling(store::Durability::normal);
        REQUIRE(worker_store.ok());
        worker = std::make_unique<net::SyncWorker>(std::move(*worker_store), config, [this] { ++wakes; });
        worker->start();
    }

    store::OutboxItem submit(const char* description)
    {
        auto id = ui.enqueue("repair", "/v1/repairs",
                             {{"unit_id", "3-2-1502"}, {"category", "lighting"}, {"description", description}});
        REQUIRE(id.ok());
        if (worker)
            worker->notify_outbox();
        return ui.outbox_item(*id)->value();
    }

    store::OutboxState state_of(store::OutboxId id) { return ui.outbox_item(id)->value().state; }
};

// A notice as the contract has it (the kiosk caches only what decodes).
nlohmann::json notice(const std::string& id, bool urgent)
{
    return {{"id", id},
            {"kind", "outage"},
            {"urgent", urgent},
            {"title", {{"zh-CN", "停水通知"}}},
            {"body", {{"zh-CN", "3栋今日停水"}}},
            {"published_at", "2026-11-20T01:00:00Z"}};
}

// Waits in tests that measure a promise ("within 10 s") may be stretched on a
// slow machine: LOBBY_TEST_TIME_SCALE=3 allows three times as long.
int time_scale()
{
    const char* scale = std::getenv("LOBBY_TEST_TIME_SCALE");
    const int value = scale ? std::atoi(scale) : 1;
    return value > 0 ? value : 1;
}

} // namespace

TEST_CASE("a server answering 500 or garbage is 'busy', never 网络正常, until a pull succeeds")
{
    for (FaultMode mode : {FaultMode::error_500, FaultMode::garbage_json}) {
        CAPTURE(static_cast<int>(mode));
        test::FaultServer server;
        server.set_mode(mode);
        Rig rig;
        rig.start(test::fast_config(server.url()));
        REQUIRE(test::wait_until([&] { return server.requests_in_mode(mode) >= 3; }));
        auto busy = rig.worker->status();
        CHECK(busy.online);          // the server was reached ...
        CHECK(busy.server_busy);     // ... but nothing it said was usable
        CHECK(busy.last_sync_utc == 0);
        // It stays busy: a health probe answering between failing pulls
        // does not make it look fine (checked after more exchanges).
        const int seen = server.requests_in_mode(mode);
        REQUIRE(test::wait_until([&] { return server.requests_in_mode(mode) >= seen + 2; }));
        CHECK(rig.worker->status().server_busy);

        server.set_mode(FaultMode::ok);
        REQUIRE(test::wait_until([&] {
            const auto status = rig.worker->status();
            return status.online && !status.server_busy && status.last_sync_utc > 0;
        }));
        rig.worker.reset();
    }
}

TEST_CASE("a stopped server is noticed within 10 s with an empty outbox, and its return within 10 s")
{
    const int port = test::free_port();
    auto server = std::make_unique<test::FaultServer>(port);
    Rig rig;
    auto config = test::fast_config("http://127.0.0.1:" + std::to_string(port));
    config.timeouts.connect_ms = 3000;   // the kiosk's own timeouts
    config.timeouts.total_ms = 10000;
    config.pull_backoff = {2000, 60000};
    config.probe_interval_ms = net::SyncConfig{}.probe_interval_ms;   // the shipped probe
    rig.start(config);
    REQUIRE(test::wait_until([&] {
        const auto status = rig.worker->status();
        return status.online && !status.server_busy && status.last_sync_utc > 0;
    }));
    const int budget_ms = 10000 * time_scale();

    const auto stopped_at = std::chrono::steady_clock::now();
    server.reset();
    REQUIRE(test::wait_until([&] { return !rig.worker->status().online; }, budget_ms));
    const auto noticed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - stopped_at).count();
    MESSAGE("offline noticed after " << noticed_ms << " ms");
    CHECK(noticed_ms < budget_ms);
    CHECK(rig.worker->status().offline_since_utc != 0);
    CHECK(rig.worker->status().outbox_pending == 0);

    // Back (at once, no fixed wait): said within a probe interval, not after
    // the pull backoff.
    server = std::make_unique<test::FaultServer>(port);
    const auto back_at = std::chrono::steady_clock::now();
    REQUIRE(test::wait_until([&] { return rig.worker->status().online; }, budget_ms));
    const auto back_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - back_at).count();
    MESSAGE("return noticed after " << back_ms << " ms");
    CHECK(back_ms < budget_ms);
    rig.worker.reset();
}

TEST_CASE("every kind of server misbehaviour is retried until the item arrives exactly once")
{
    test::FaultServer server;
    Rig rig;
    rig.start(test::fast_config(server.url()));
    for (FaultMode mode : {FaultMode::error_500, FaultMode::stall, FaultMode::close_mid_body,
                           FaultMode::garbage_json, FaultMode::wrong_content_type, FaultMode::html_404,
                           FaultMode::database_away_503}) {
        CAPTURE(static_cast<int>(mode));
        server.set_mode(mode);
        const auto item = rig.submit("lamp in the lift lobby");
        REQUIRE(test::wait_until([&] { return server.attempts(item.idempotency_key) >= 2; }));

        // While the server misbehaves the UI thread's calls stay instant.
        long long slowest_us = 0;
        for (int i = 0; i < 50; ++i) {
            slowest_us = std::max(slowest_us, test::time_us([&] { (void)rig.worker->status(); }));
            slowest_us = std::max(slowest_us, test::time_us([&] { (void)rig.ui.version(); }));
            slowest_us = std::max(slowest_us, test::time_us([&] { (void)rig.ui.outbox_counts(); }));
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        // The request in flight takes up to 600 ms; the UI's calls never wait
        // for it. (50 ms, not one frame: this machine may be busy compiling.)
        CHECK(slowest_us < lobby::test::scaled_ms(50) * 1000LL);
        CHECK(rig.state_of(item.id) != store::OutboxState::done);
        CHECK(rig.state_of(item.id) != store::OutboxState::failed);

        server.set_mode(FaultMode::ok);
        REQUIRE(test::wait_until([&] { return rig.state_of(item.id) == store::OutboxState::done; }));
        CHECK(server.creations(item.idempotency_key) == 1);
        const auto done = rig.ui.outbox_item(item.id)->value();
        CHECK(done.attempts >= 2);
        CHECK_FALSE(done.body.has_value());
        REQUIRE(done.server_response.has_value());
        CHECK(done.server_response->find("\"R-") != std::string::npos);
    }
    CHECK(server.last_authorization() == "Bearer demo-lobby-1-token");
    CHECK(test::wait_until([&] { return rig.worker->status().outbox_pending == 0; }));
}

TEST_CASE("a 4xx with the contract's error body fails the item for good and the queue moves on")
{
    test::FaultServer server;
    Rig rig;
    server.set_mode(FaultMode::refuse_422);
    const auto refused = rig.submit("");
    rig.start(test::fast_config(server.url()));
    REQUIRE(test::wait_until([&] { return rig.state_of(refused.id) == store::OutboxState::failed; }));
    server.set_mode(FaultMode::ok);
    const auto next = rig.submit("door");
    REQUIRE(test::wait_until([&] { return rig.state_of(next.id) == store::OutboxState::done; }));

    const auto failed = rig.ui.outbox_item(refused.id)->value();
    CHECK(failed.http_status == 422);
    CHECK(failed.last_error->find("description must not be empty") != std::string::npos);
    CHECK(server.attempts(refused.idempotency_key) == 1);   // never retried
    CHECK(test::wait_until([&] {
        const auto status = rig.worker->status();
        return status.outbox_failed == 1 && status.outbox_pending == 0;
    }));
}

TEST_CASE("the outbox is sent in the order it was written")
{
    test::FaultServer server;
    Rig rig;
    std::vector<store::OutboxItem> items;
    for (int i = 0; i < 20; ++i)
        items.push_back(rig.submit(("item " + std::to_string(i)).c_str()));
    rig.start(test::fast_config(server.url()));
    REQUIRE(test::wait_until([&] { return rig.ui.outbox_counts()->done == 20; }));
    // The fault server numbers records in arrival order.
    for (int i = 0; i < 20; ++i) {
        const auto done = rig.ui.outbox_item(items[static_cast<std::size_t>(i)].id)->value();
        CHECK(nlohmann::json::parse(*done.server_response)["id"] == "R-" + std::to_string(i + 1));
    }
}

TEST_CASE("offline submit, server down, server up: the item arrives exactly once and the status follows")
{
    const int port = test::free_port();
    Rig rig;
    rig.start(test::fast_config("http://127.0.0.1:" + std::to_string(port)));
    const auto item = rig.submit("water leak under the sink");
    // The status follows the worker: offline first, the pending count with its next pass.
    REQUIRE(test::wait_until([&] {
        const auto status = rig.worker->status();
        return status.offline_since_utc != 0 && status.outbox_pending == 1;
    }));
    auto offline = rig.worker->status();
    CHECK_FALSE(offline.online);
    CHECK_FALSE(offline.ever_connected);
    CHECK(offline.outbox_pending == 1);
    CHECK(rig.wakes.load() >= 1);

    test::FaultServer server(port);
    rig.worker->request_pull();
    REQUIRE(test::wait_until([&] { return rig.state_of(item.id) == store::OutboxState::done; }));
    CHECK(server.creations(item.idempotency_key) == 1);
    // Status is published after each pass, a moment after the store changed.
    REQUIRE(test::wait_until([&] {
        const auto status = rig.worker->status();
        return status.online && status.last_sync_utc > 0 && status.outbox_pending == 0;
    }));
    auto online = rig.worker->status();
    CHECK(online.ever_connected);
    CHECK(online.offline_since_utc == 0);
    CHECK(test::wait_until([&] { return server.heartbeats() >= 1; }));
    const auto beat = server.last_heartbeat();
    CHECK(beat["kiosk_version"] == "test");
    CHECK(beat["outbox_size"].is_number_integer());
    // The server was made after the worker: close the worker's keep-alive
    // connection first, or the server's shutdown waits for it to time out.
    rig.worker.reset();
}

TEST_CASE("pulls follow the cursor through pages and tombstones and survive a garbage page")
{
    test::FaultServer server;
    std::vector<nlohmann::json> feed;
    for (int i = 1; i <= 25; ++i)
        feed.push_back({{"seq", i}, {"collection", "notices"}, {"key", "N-" + std::to_string(i)}, {"deleted", false},
                        {"data", notice("N-" + std::to_string(i), i == 7)}});
    feed.push_back({{"seq", 26}, {"collection", "notices"}, {"key", "N-3"}, {"deleted", true}});
    server.set_changes(feed);
    server.set_mode(FaultMode::garbage_json);

    Rig rig;
    auto config = test::fast_config(server.url());
    config.page_limit = 10;
    rig.start(config);
    REQUIRE(test::wait_until([&] { return server.requests_in_mode(FaultMode::garbage_json) >= 2; }));
    CHECK(*rig.ui.cursor() == 0);
    CHECK(rig.worker->status().last_sync_utc == 0);
    CHECK(rig.worker->status().pulls_completed == 0);   // failed pulls are not counted

    server.set_mode(FaultMode::ok);
    REQUIRE(test::wait_until([&] { return *rig.ui.cursor() == 26; }));
    auto notices = rig.ui.active_notices(0);
    REQUIRE(notices.ok());
    CHECK(notices->size() == 24);
    CHECK(notices->front().key == "N-7");   // urgent first
    CHECK_FALSE(rig.ui.record("notices", "N-3")->has_value());
    REQUIRE(test::wait_until([&] { return rig.worker->status().last_sync_utc > 0; }));

    // A later tombstone (an expired notice) removes it on the next pull.
    feed.push_back({{"seq", 27}, {"collection", "notices"}, {"key", "N-7"}, {"deleted", true}});
    server.set_changes(feed);
    const auto version = rig.ui.version();
    const int wakes = rig.wakes.load();
    const auto pulls = rig.worker->status().pulls_completed;
    CHECK(pulls >= 1);
    rig.worker->request_pull();
    REQUIRE(test::wait_until([&] { return *rig.ui.cursor() == 27; }));
    // Each complete pull is counted (UI scripts wait on this: wait_pulled).
    REQUIRE(test::wait_until([&] { return rig.worker->status().pulls_completed > pulls; }));
    CHECK_FALSE(rig.ui.record("notices", "N-7")->has_value());
    CHECK(rig.ui.version() > version);
    // The UI is woken for a content change even though the status did not move.
    CHECK(test::wait_until([&] { return rig.wakes.load() > wakes; }));
}

TEST_CASE("stop() abandons a stalled request within a bounded time and the item is resent later")
{
    test::FaultServer server;
    Rig rig;
    auto config = test::fast_config(server.url());
    config.timeouts.total_ms = 20000;   // only stop() can end this request
    server.set_mode(FaultMode::stall);
    const auto item = rig.submit("stuck");
    rig.start(config);
    // The server has the request: the worker is inside it, waiting for the answer.
    REQUIRE(test::wait_until([&] { return server.attempts(item.idempotency_key) == 1; }));
    const long long stop_us = test::time_us([&] { rig.worker->stop(); });
    CHECK(stop_us < lobby::test::scaled_ms(500) * 1000LL);
    CHECK(rig.state_of(item.id) == store::OutboxState::pending);

    server.set_mode(FaultMode::ok);
    rig.start(test::fast_config(server.url()));
    REQUIRE(test::wait_until([&] { return rig.state_of(item.id) == store::OutboxState::done; }));
    CHECK(server.creations(item.idempotency_key) == 1);
}

TEST_CASE("a pulled record is cached as its contract type re-encoded: unknown fields never reach the disk")
{
    test::FaultServer server;
    nlohmann::json unit = {{"id", "3-2-1502"},     {"building", 3},         {"entrance", 2},
                           {"floor", 15},          {"room", "1502"},        {"area_m2", 128.3},
                           {"owner_masked", "张*"},
                           {"resident_last4_hmacs", {lobby::protocol::last4_verifier(test::k_test_hash_key, "3-2-1502", "5678")}}};
    unit["resident_1_phone_last4"] = "5678";     // an older server's clear digits: never stored
    unit["owner_full_name"] = "张伟";             // a newer server's field the kiosk does not know
    unit["owner_mobile_number"] = "13812345678";
    nlohmann::json unreadable = notice("N-2", false);
    unreadable.erase("title");                    // a record its type cannot read
    server.set_changes({{{"seq", 1}, {"collection", "units"}, {"key", "3-2-1502"}, {"deleted", false}, {"data", unit}},
                        {{"seq", 2}, {"collection", "notices"}, {"key", "N-2"}, {"deleted", false}, {"data", unreadable}},
                        {{"seq", 3}, {"collection", "gossip"}, {"key", "g"}, {"deleted", false}, {"data", {{"x", 1}}}},
                        {{"seq", 4}, {"collection", "notices"}, {"key", "N-4"}, {"deleted", false}, {"data", notice("N-4", true)}}});
    Rig rig;
    rig.start(test::fast_config(server.url()));
    REQUIRE(test::wait_until([&] { return *rig.ui.cursor() == 4; }));
    const std::string everything = test::query_text(rig.ui.connection(), "SELECT group_concat(data) FROM records");
    CHECK(everything.find("张伟") == std::string::npos);
    CHECK(everything.find("13812345678") == std::string::npos);
    CHECK(everything.find("phone_last4") == std::string::npos);
    CHECK(everything.find("owner_full_name") == std::string::npos);
    CHECK(everything.find("gossip") == std::string::npos);
    CHECK_FALSE(rig.ui.record("notices", "N-2")->has_value());
    CHECK(rig.ui.record("notices", "N-4")->has_value());
    // What the kiosk needs still works: the unit and its verifiers.
    REQUIRE(rig.ui.record("units", "3-2-1502")->has_value());
    CHECK(*rig.ui.verify_phone_last4("3-2-1502", "5678"));
}

TEST_CASE("a full disk during pulls is said in the status and the heartbeat, and clears once space is back")
{
    test::FaultServer server;
    std::vector<nlohmann::json> feed;
    for (int i = 1; i <= 40; ++i)
        feed.push_back({{"seq", i}, {"collection", "notices"}, {"key", "N-" + std::to_string(i)}, {"deleted", false},
                        {"data", notice("N-" + std::to_string(i), false)}});
    for (auto& change : feed)
        change["data"]["body"]["zh-CN"] = std::string(3000, 'x');
    server.set_changes(feed);

    // Room made by filler rows: freed later, so space comes back (the
    // worker's connection is capped like test_disk_full.cpp caps its store).
    Rig rig;
    REQUIRE(rig.ui.connection().exec("CREATE TABLE filler(x BLOB)").ok());
    for (int i = 0; i < 60; ++i)
        REQUIRE(rig.ui.connection().exec("INSERT INTO filler VALUES (randomblob(4000))").ok());
    REQUIRE(rig.ui.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    auto worker_store = rig.ui.open_sibling(store::Durability::normal);
    REQUIRE(worker_store.ok());
    const std::string pages = test::query_text(worker_store->connection(), "PRAGMA page_count");
    const std::string cap = "PRAGMA max_page_count = " + std::to_string(std::stoi(pages) + 2);
    REQUIRE(worker_store->connection().exec(cap.c_str()).ok());
    auto config = test::fast_config(server.url());
    rig.worker = std::make_unique<net::SyncWorker>(std::move(*worker_store), config, [&rig] { ++rig.wakes; });
    rig.worker->start();

    REQUIRE(test::wait_until([&] { return rig.worker->status().storage_full; }));
    CHECK(rig.worker->status().online);          // the network is fine ...
    CHECK_FALSE(rig.worker->status().server_busy);   // ... and so is the office
    CHECK(*rig.ui.cursor() == 0);
    auto beat_says_full = [&] {
        const auto beat = server.last_heartbeat();
        return beat.is_object() && beat.value("storage_full", false);
    };
    // At once, not at the next minute's heartbeat (fast_config's is 60 s).
    REQUIRE(test::wait_until(beat_says_full, 3000));

    // Space is freed: the worker's retry goes through and the flag clears by itself.
    REQUIRE(rig.ui.connection().exec("DELETE FROM filler").ok());
    REQUIRE(test::wait_until([&] { return *rig.ui.cursor() == 40; }));
    REQUIRE(test::wait_until([&] { return !rig.worker->status().storage_full; }));
    REQUIRE(test::wait_until([&] { return !beat_says_full(); }));
}
