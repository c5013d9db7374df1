// The sync worker against the real office-server on loopback: pulls, exactly-once delivery, kill -9 recovery.
#include "net/sync_worker.hpp"
#include "store_test_util.hpp"
#include "support/office_server_process.hpp"
#include "sync_test_util.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <map>
#include <random>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk;

namespace {

nlohmann::json repair_body(const std::string& description, const char* unit_id = "3-2-1502")
{
    return {{"unit_id", unit_id}, {"category", "electrical"}, {"description", description}, {"location", "public"}};
}

// How many tickets the office database holds per description (read-only, beside the running server).
std::map<std::string, int> tickets_by_description(const std::string& office_db)
{
    auto connection = store::Connection::open(office_db, 5000);
    REQUIRE(connection.ok());
    store::Statement query(*connection, "SELECT description, count(*) FROM tickets GROUP BY description");
    std::map<std::string, int> counts;
    while (query.step() == SQLITE_ROW)
        counts[query.column_text(0)] = static_cast<int>(query.column_int(1));
    return counts;
}

struct Kiosk {
    store::Store ui;
    std::unique_ptr<net::SyncWorker> worker;

    Kiosk(const std::string& db, const net::SyncConfig& config) : ui(test::open_store(db))
    {
        auto worker_store = ui.open_sibling(store::Durability::normal);
        REQUIRE(worker_store.ok());
        worker = std::make_unique<net::SyncWorker>(std::move(*worker_store), config, nullptr);
        worker->start();
    }
    store::OutboxState state_of(store::OutboxId id) { return ui.outbox_item(id)->value().state; }
};

// The first full pull of the demo estate (~42,000 records in pages of 1,000)
// publishes the status only at its end; it takes a few seconds here and ~30 s
// under ThreadSanitizer, so its waits get more than the default 10 s (scaled).
constexpr int k_first_pull_ms = 30000;

net::SyncConfig office_config(const std::string& url)
{
    auto config = test::fast_config(url);
    config.page_limit = 1000;   // the demo estate is ~42,000 records
    return config;
}

} // namespace

TEST_CASE("a full pull from the office server fills the cache without personal data")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    Kiosk kiosk(dir.file("kiosk.db"), office_config(office.base_url()));
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().last_sync_utc > 0; }, k_first_pull_ms));
    CHECK(*kiosk.ui.cursor() > 0);
    CHECK(kiosk.ui.estate()->has_value());
    CHECK_FALSE(kiosk.ui.repair_categories()->empty());
    CHECK_FALSE(kiosk.ui.active_notices(std::time(nullptr))->empty());
    CHECK_FALSE(kiosk.ui.bills_for_unit("3-2-1502")->empty());
    const std::string everything = test::query_text(kiosk.ui.connection(), "SELECT group_concat(data) FROM records");
    CHECK(everything.find("13812345678") == std::string::npos);
    CHECK(everything.find("张伟") == std::string::npos);
}

TEST_CASE("submit while the office server is frozen, then it recovers: the repair arrives exactly once")
{
    // SIGSTOP keeps the port open but nobody answers: connects succeed into
    // the backlog and every request times out, the harshest kind of "down".
    // After SIGCONT the server also reads the requests the kiosk gave up on,
    // so the retries with the same key must be replayed, not created again.
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    Kiosk kiosk(dir.file("kiosk.db"), office_config(office.base_url()));
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().online; }, k_first_pull_ms));
    office.freeze();

    auto id = kiosk.ui.enqueue("repair", "/v1/repairs", repair_body("frozen-server lamp"));
    REQUIRE(id.ok());
    kiosk.worker->notify_outbox();
    const bool went_offline = test::wait_until([&] {
        const auto status = kiosk.worker->status();
        return !status.online && status.offline_since_utc != 0 && status.outbox_pending == 1
               && kiosk.ui.outbox_item(*id)->value().attempts >= 2;
    });
    CHECK(kiosk.state_of(*id) != store::OutboxState::done);
    office.thaw();
    REQUIRE(went_offline);

    REQUIRE(test::wait_until([&] { return kiosk.state_of(*id) == store::OutboxState::done; }));
    CHECK(tickets_by_description(office.db_path())["frozen-server lamp"] == 1);
    // The new ticket comes back through the pull feed into the cache.
    kiosk.worker->request_pull();
    REQUIRE(test::wait_until([&] { return !kiosk.ui.tickets_for_unit("3-2-1502")->empty(); }));
    REQUIRE(test::wait_until([&] {
        const auto status = kiosk.worker->status();
        return status.online && status.offline_since_utc == 0 && status.outbox_pending == 0;
    }));
}

TEST_CASE("the office server's 4xx fails the item with its message; the next one still goes")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    Kiosk kiosk(dir.file("kiosk.db"), office_config(office.base_url()));
    auto bad = kiosk.ui.enqueue("repair", "/v1/repairs", repair_body("no such unit", "99-9-9999"));
    auto good = kiosk.ui.enqueue("repair", "/v1/repairs", repair_body("after the bad one"));
    kiosk.worker->notify_outbox();
    REQUIRE(test::wait_until([&] { return kiosk.state_of(*good) == store::OutboxState::done; }));
    const auto failed = kiosk.ui.outbox_item(*bad)->value();
    CHECK(failed.state == store::OutboxState::failed);
    CHECK(failed.http_status == 404);
    CHECK(failed.last_error->find("unknown_unit") != std::string::npos);
    CHECK(failed.attempts == 1);
}

TEST_CASE("kill -9 at random moments during a flush of 200 items: each reaches the server exactly once")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    const std::string db = dir.file("kiosk.db");
    {
        auto ui = test::open_store(db);
        for (int i = 0; i < 200; ++i)
            REQUIRE(ui.enqueue("repair", "/v1/repairs", repair_body("crash-item-" + std::to_string(i))).ok());
    }
    std::mt19937 random(std::random_device{}());
    auto arrived_so_far = [&] {
        int total = 0;
        for (const auto& [description, count] : tickets_by_description(office.db_path()))
            total += description.rfind("crash-item-", 0) == 0 ? count : 0;
        return total;
    };
    auto spawn_child = [&] {
        const pid_t pid = fork();
        if (pid == 0) {
            execl(STORE_CRASH_CHILD, STORE_CRASH_CHILD, db.c_str(), office.base_url().c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        return pid;
    };
    // Each round kills the child once it has delivered a random number of
    // further items, plus a random few milliseconds so the kill lands inside
    // a request or a commit rather than between them.
    int killed_mid_flush = 0;
    for (int round = 0; round < 5; ++round) {
        const int target = arrived_so_far() + std::uniform_int_distribution<int>(1, 35)(random);
        const pid_t pid = spawn_child();
        INFO("waited for ", target, " crash items to arrive at the office");
        REQUIRE(test::wait_until([&] { return arrived_so_far() >= target; }, 20000));
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(random)));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        killed_mid_flush += WIFSIGNALED(status) ? 1 : 0;
    }
    CHECK(killed_mid_flush == 5);
    CHECK(arrived_so_far() < 200);   // the kills really interrupted the flush
    int final_status = 0;
    waitpid(spawn_child(), &final_status, 0);
    REQUIRE(WIFEXITED(final_status));
    CHECK(WEXITSTATUS(final_status) == 0);

    const auto tickets = tickets_by_description(office.db_path());
    int arrived = 0;
    for (int i = 0; i < 200; ++i) {
        const auto it = tickets.find("crash-item-" + std::to_string(i));
        CAPTURE(i);
        REQUIRE(it != tickets.end());
        CHECK(it->second == 1);
        arrived += it->second;
    }
    CHECK(arrived == 200);
    auto ui = test::open_store(db);
    CHECK(ui.outbox_counts()->done == 200);
    CHECK(test::query_text(ui.connection(), "PRAGMA integrity_check") == "ok");
}

TEST_CASE("a revoked token keeps submissions waiting instead of failing them")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    auto config = office_config(office.base_url());
    config.token = "demo-revoked-token";
    Kiosk kiosk(dir.file("kiosk.db"), config);
    auto id = kiosk.ui.enqueue("repair", "/v1/repairs", repair_body("revoked kiosk"));
    kiosk.worker->notify_outbox();
    REQUIRE(test::wait_until([&] { return kiosk.ui.outbox_item(*id)->value().attempts >= 2; }));
    const auto item = kiosk.ui.outbox_item(*id)->value();
    CHECK(item.state != store::OutboxState::failed);
    CHECK(item.body.has_value());
    CHECK(item.last_error->find("401") != std::string::npos);
    CHECK(tickets_by_description(office.db_path()).count("revoked kiosk") == 0);
}

TEST_CASE("a submission during a long first sync goes out before the sync has finished")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    auto config = office_config(office.base_url());
    config.page_limit = 100;   // ~420 pages: the first sync takes a while
    Kiosk kiosk(dir.file("kiosk.db"), config);
    REQUIRE(test::wait_until([&] { return *kiosk.ui.cursor() > 0; }));
    auto id = kiosk.ui.enqueue("repair", "/v1/repairs", repair_body("during first sync"));
    kiosk.worker->notify_outbox();
    REQUIRE(test::wait_until([&] { return kiosk.state_of(*id) == store::OutboxState::done; }));
    CHECK(kiosk.worker->status().last_sync_utc == 0);   // the pull was still running
    CHECK(tickets_by_description(office.db_path())["during first sync"] == 1);
    // ...and it carries on from where it stopped.
    const auto cursor = *kiosk.ui.cursor();
    CHECK(test::wait_until([&] { return *kiosk.ui.cursor() > cursor; }));
}

TEST_CASE("submitted while the office server is stopped, kiosk restarted, server back: arrives exactly once")
{
    test::TempDir dir;
    const std::string kiosk_db = dir.file("kiosk.db");
    const std::string office_db = dir.file("office.db");
    store::OutboxId id = 0;
    {
        lobby::test::OfficeServerOptions options;
        options.db_path = office_db;
        lobby::test::OfficeServerProcess first(options);
        const std::string url = first.base_url();
        first.terminate();   // the office is down: connections are refused

        Kiosk kiosk(kiosk_db, office_config(url));
        id = *kiosk.ui.enqueue("repair", "/v1/repairs", repair_body("saved while the office was down"));
        kiosk.worker->notify_outbox();
        REQUIRE(test::wait_until([&] {
            const auto status = kiosk.worker->status();
            return status.offline_since_utc != 0 && kiosk.ui.outbox_item(id)->value().attempts >= 2;
        }));
        CHECK_FALSE(kiosk.worker->status().ever_connected);
    }   // the kiosk is switched off with the item still waiting

    lobby::test::OfficeServerOptions options;
    options.db_path = office_db;
    lobby::test::OfficeServerProcess second(options);   // same database, back up
    Kiosk kiosk(kiosk_db, office_config(second.base_url()));
    REQUIRE(test::wait_until([&] { return kiosk.state_of(id) == store::OutboxState::done; }));
    CHECK(tickets_by_description(office_db)["saved while the office was down"] == 1);
}
