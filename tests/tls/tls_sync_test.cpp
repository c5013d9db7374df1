// The kiosk's sync engine (SyncWorker, its one libcurl client) against a real
// office-server serving HTTPS with make_test_pki.sh's certificate: it trusts
// only the CA in its config (and the pinned key, when set), never sends to a
// server it does not trust, and loses nothing meanwhile.
#include "net/http_client.hpp"
#include "net/sync_worker.hpp"
#include "store/store_test_util.hpp"
#include "store/sync_test_util.hpp"
#include "support/office_server_process.hpp"
#include "test_pki.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <vector>

using namespace kiosk;

namespace {

// The first full pull of the demo estate (~42,000 records); see test_sync_office.cpp.
constexpr int k_first_pull_ms = 30000;

struct TlsKiosk {
    store::Store ui;
    std::unique_ptr<net::SyncWorker> worker;

    TlsKiosk(const std::string& db, const std::string& url, net::TlsTrust trust) : ui(test::open_store(db))
    {
        auto config = test::fast_config(url);
        config.page_limit = 1000;
        config.tls = std::move(trust);
        auto worker_store = ui.open_sibling(store::Durability::normal);
        REQUIRE(worker_store.ok());
        worker = std::make_unique<net::SyncWorker>(std::move(*worker_store), config, nullptr);
        worker->start();
    }
    store::OutboxItem item(store::OutboxId id) { return ui.outbox_item(id)->value(); }
};

nlohmann::json repair(const std::string& description)
{
    return {{"unit_id", "3-2-1502"}, {"category", "electrical"}, {"description", description}, {"location", "public"}};
}

// Tickets the office database holds with this description (read beside the running server).
int tickets_named(const std::string& office_db, const std::string& description)
{
    auto connection = store::Connection::open(office_db, 5000);
    REQUIRE(connection.ok());
    store::Statement query(*connection, "SELECT count(*) FROM tickets WHERE description = ?1");
    query.bind(1, description);
    return query.step() == SQLITE_ROW ? static_cast<int>(query.column_int(0)) : -1;
}

// A kiosk trusting `trust` files a repair while the server at `url` is not
// trusted: offline, said as untrusted (not "network down"), the item tried,
// refused and still waiting; the office (`office_db`) has nothing. Its outbox id.
store::OutboxId queue_while_untrusted(const std::string& kiosk_db, const std::string& url, net::TlsTrust trust,
                                      const std::string& office_db, const std::string& description)
{
    TlsKiosk kiosk(kiosk_db, url, std::move(trust));
    auto id = kiosk.ui.enqueue("repair", "/v1/repairs", repair(description));
    REQUIRE(id.ok());
    kiosk.worker->notify_outbox();
    REQUIRE(test::wait_until([&] {
        const auto status = kiosk.worker->status();
        return status.server_untrusted && !status.online && kiosk.item(*id).attempts >= 2;
    }));
    const auto status = kiosk.worker->status();
    CHECK_FALSE(status.ever_connected);
    CHECK(status.outbox_pending == 1);
    const auto item = kiosk.item(*id);
    CHECK(item.state != store::OutboxState::failed);   // waiting (or being tried again), never given up
    CHECK(item.state != store::OutboxState::done);
    CHECK(item.body.has_value());
    CHECK(item.last_error->find("untrusted") != std::string::npos);
    CHECK(tickets_named(office_db, description) == 0);
    return *id;
}

// A kiosk (re)started on the same store with `trust`: item `id` reaches the office exactly once.
void require_delivered_once(const std::string& kiosk_db, const std::string& url, net::TlsTrust trust,
                            store::OutboxId id, const std::string& office_db, const std::string& description)
{
    TlsKiosk kiosk(kiosk_db, url, std::move(trust));
    kiosk.worker->notify_outbox();
    REQUIRE(test::wait_until([&] { return kiosk.item(id).state == store::OutboxState::done; }));
    CHECK(tickets_named(office_db, description) == 1);
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().online; }));
    CHECK_FALSE(kiosk.worker->status().server_untrusted);
}

} // namespace

TEST_CASE("over HTTPS with its CA file the kiosk pulls the estate and delivers a repair exactly once")
{
    lobby::test::TestPki pki;
    lobby::test::OfficeServerProcess office(pki.server_options());
    test::TempDir dir;
    const auto started = std::chrono::steady_clock::now();
    TlsKiosk kiosk(dir.file("kiosk.db"), office.base_url(), {pki.file("ca.pem"), ""});
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().last_sync_utc > 0; }, k_first_pull_ms));
    MESSAGE("first full pull of the demo estate over https: "
            << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()
            << " ms");
    CHECK(kiosk.ui.estate()->has_value());
    CHECK_FALSE(kiosk.ui.bills_for_unit("3-2-1502")->empty());

    auto id = kiosk.ui.enqueue("repair", "/v1/repairs", repair("lamp over https"));
    REQUIRE(id.ok());
    kiosk.worker->notify_outbox();
    REQUIRE(test::wait_until([&] { return kiosk.item(*id).state == store::OutboxState::done; }));
    CHECK(tickets_named(office.db_path(), "lamp over https") == 1);
    const auto status = kiosk.worker->status();
    CHECK(status.online);
    CHECK_FALSE(status.server_untrusted);

    // The figure: the kiosk's client, a fresh connection (handshake) against a reused one.
    net::HttpClient client({lobby::test::scaled_ms(2000), lobby::test::scaled_ms(5000)}, {pki.file("ca.pem"), ""});
    const std::string url = office.base_url() + "/v1/health";
    long long fresh_us = 0;
    const long long first_us = test::time_us([&] { REQUIRE(client.perform({"GET", url, {}, {}}).status == 200); });
    std::vector<long long> reused;
    for (int i = 0; i < 10; ++i)
        reused.push_back(test::time_us([&] { REQUIRE(client.perform({"GET", url, {}, {}}).status == 200); }));
    std::sort(reused.begin(), reused.end());
    for (int i = 0; i < 5; ++i) {
        net::HttpClient again({lobby::test::scaled_ms(2000), lobby::test::scaled_ms(5000)}, {pki.file("ca.pem"), ""});
        fresh_us += test::time_us([&] { REQUIRE(again.perform({"GET", url, {}, {}}).status == 200); });
    }
    MESSAGE("kiosk GET /v1/health over https: first on a new connection " << first_us / 1000.0
            << " ms, mean of 5 new connections " << fresh_us / 5000.0 << " ms, median reused " << reused[5] / 1000.0
            << " ms");
}

TEST_CASE("a server the kiosk's CA did not sign gets nothing; the outbox keeps it until the CA file is fixed")
{
    lobby::test::TestPki pki;
    lobby::test::OfficeServerProcess office(pki.server_options());
    test::TempDir dir;
    const store::OutboxId id =
        queue_while_untrusted(dir.file("kiosk.db"), office.base_url(), {pki.file("other-ca.pem"), ""},
                              office.db_path(), "kept while untrusted");
    // The CA file fixed, the kiosk restarted on the same store: it goes, once.
    require_delivered_once(dir.file("kiosk.db"), office.base_url(), {pki.file("ca.pem"), ""}, id, office.db_path(),
                           "kept while untrusted");
}

TEST_CASE("an impostor with a certificate from another CA gets nothing; the real server back, it goes once")
{
    lobby::test::TestPki pki;
    test::TempDir dir;
    store::OutboxId id{};
    {
        auto impostor_options = pki.server_options();
        impostor_options.tls_cert = pki.file("impostor.pem");
        impostor_options.tls_key = pki.file("impostor.key");
        impostor_options.tls_ca = pki.file("other-ca.pem");
        lobby::test::OfficeServerProcess impostor(impostor_options);
        id = queue_while_untrusted(dir.file("kiosk.db"), impostor.base_url(), {pki.file("ca.pem"), ""},
                                   impostor.db_path(), "never to the impostor");
    }
    lobby::test::OfficeServerProcess office(pki.server_options());
    require_delivered_once(dir.file("kiosk.db"), office.base_url(), {pki.file("ca.pem"), ""}, id, office.db_path(),
                           "never to the impostor");
}

TEST_CASE("with pin_sha256 another key is refused even under the right CA; the server's own key is accepted")
{
    lobby::test::TestPki pki;
    lobby::test::OfficeServerProcess office(pki.server_options());
    test::TempDir dir;
    const store::OutboxId id =
        queue_while_untrusted(dir.file("kiosk.db"), office.base_url(), {pki.file("ca.pem"), pki.line("other.pin")},
                              office.db_path(), "pinned");
    require_delivered_once(dir.file("kiosk.db"), office.base_url(), {pki.file("ca.pem"), pki.line("server.pin")}, id,
                           office.db_path(), "pinned");
}
