// The core's Effects port on the real network (kiosk/net NetEffects, the
// live client and the sync worker) against the real office-server: a
// submission goes through the durable outbox and arrives exactly once; an
// online call is performed by its feature's io and answered on the UI side.
#include "features/fees/core/fees_calls.hpp"
#include "features/fees/io/fees_io.hpp"
#include "net/live_client.hpp"
#include "net/net_effects.hpp"
#include "net/sync_worker.hpp"
#include "store_test_util.hpp"
#include "support/office_server_process.hpp"
#include "sync_test_util.hpp"

#include <doctest/doctest.h>

#include <atomic>

using namespace kiosk;

namespace {

// A stand-in feature that submits repairs: its io encodes the payload.
struct RepairDraft {
    std::string description;
};

std::optional<net::EncodedSubmission> encode(const Submission& s)
{
    const RepairDraft* draft = std::any_cast<RepairDraft>(&s.payload);
    if (!draft)
        return std::nullopt;
    return net::EncodedSubmission{"/v1/repairs",
                                  {{"unit_id", "3-2-1502"},
                                   {"category", "electrical"},
                                   {"description", draft->description},
                                   {"location", "public"}}};
}

struct Net {
    store::Store ui;
    std::unique_ptr<net::SyncWorker> worker;
    std::unique_ptr<net::LiveClient> live;
    std::unique_ptr<net::NetEffects> effects;
    std::atomic<int> wakes{0};

    Net(const std::string& db, const std::string& url) : ui(test::open_store(db))
    {
        auto worker_store = ui.open_sibling(store::Durability::normal);
        auto live_store = ui.open_sibling(store::Durability::normal);
        REQUIRE(worker_store.ok());
        REQUIRE(live_store.ok());
        auto config = test::fast_config(url);
        config.token = "demo-lobby-1-token";
        worker = std::make_unique<net::SyncWorker>(std::move(*worker_store), config, nullptr);
        const net::FeatureIo fees = fees::fees_io(std::make_shared<fees::StoreLockoutBook>());
        auto perform = [fees](const OnlineCall& call, net::LiveContext& ctx) -> std::any {
            return call.feature == "fees" ? fees.perform(call.payload, ctx) : std::any{};
        };
        live = std::make_unique<net::LiveClient>(
            net::LiveConfig{{url, "demo-lobby-1-token", {}}, {1000, 4000}},
            std::make_unique<store::Store>(std::move(*live_store)), perform, [this] { worker->request_pull(); },
            [this] { ++wakes; });
        effects = std::make_unique<net::NetEffects>(ui, *worker, *live, encode);
        worker->start();
    }
    ~Net()
    {
        live->stop();
        worker->stop();
    }
};

int tickets_with(const std::string& office_db, const std::string& description)
{
    auto connection = store::Connection::open(office_db, 5000);
    REQUIRE(connection.ok());
    store::Statement query(*connection, "SELECT count(*) FROM tickets WHERE description = ?1");
    query.bind(1, description);
    REQUIRE(query.step() == SQLITE_ROW);
    return static_cast<int>(query.column_int(0));
}

} // namespace

TEST_CASE("Effects::enqueue saves a submission durably and the worker delivers it exactly once")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    Net net(dir.file("kiosk.db"), office.base_url());
    CHECK(net.effects->enqueue(Submission{"repairs", "repair", RepairDraft{"effects lamp"}}) == SaveOutcome::Saved);
    // Saved means on disk before the network is even tried.
    CHECK(net.ui.outbox_counts()->pending + net.ui.outbox_counts()->done == 1);
    REQUIRE(test::wait_until([&] { return net.ui.outbox_counts()->done == 1; }));
    CHECK(tickets_with(office.db_path(), "effects lamp") == 1);
    // The finished row keeps no personal data (the body is gone).
    CHECK(!net.ui.outbox_items(1)->front().body);
}

TEST_CASE("Effects::enqueue of a payload its feature cannot encode fails and stores nothing")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    Net net(dir.file("kiosk.db"), office.base_url());
    CHECK(net.effects->enqueue(Submission{"repairs", "repair", std::string("not a draft")}) == SaveOutcome::Failed);
    CHECK(net.ui.outbox_counts()->pending == 0);
    CHECK(net.ui.outbox_counts()->done == 0);
}

TEST_CASE("Effects::call runs the feature's io on the live thread and the answer comes back with its id")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    Net net(dir.file("kiosk.db"), office.base_url());
    net.effects->call(OnlineCall{7, "fees", fees::FeesCall{fees::CallFeeLookup{"3-2-1502", "5678", "effects-session-1"}}});
    std::vector<CallAnswer> answers;
    REQUIRE(test::wait_until([&] {
        for (auto& a : net.live->take_answers())
            answers.push_back(std::move(a));
        return !answers.empty();
    }));
    CHECK(net.wakes.load() >= 1);
    REQUIRE(answers.size() == 1);
    CHECK(answers[0].id == 7);
    CHECK(answers[0].feature == "fees");
    const auto& answer = std::any_cast<const fees::FeesAnswer&>(answers[0].payload);
    const auto& done = std::get<fees::LookupDone>(answer);
    CHECK(done.outcome == fees::CallOutcome::Ok);
    REQUIRE(done.lookup);
    CHECK(!done.lookup->from_cache);
    CHECK(done.lookup->unit.owner_masked == "张*");
    CHECK(done.lookup->total_due_fen > 0);

    // Wrong digits are the server's refusal, with its count of free tries left.
    net.effects->call(OnlineCall{8, "fees", fees::FeesCall{fees::CallFeeLookup{"3-2-1502", "0000", "effects-session-1"}}});
    answers.clear();
    REQUIRE(test::wait_until([&] {
        for (auto& a : net.live->take_answers())
            answers.push_back(std::move(a));
        return !answers.empty();
    }));
    const auto& wrong = std::get<fees::LookupDone>(std::any_cast<const fees::FeesAnswer&>(answers[0].payload));
    CHECK(wrong.outcome == fees::CallOutcome::WrongDigits);
    CHECK(wrong.attempts_left == 2);
    CHECK(wrong.locked_until_utc == 0);  // no wait yet
}

TEST_CASE("Effects::pull_now asks the sync worker for a pull")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    Net net(dir.file("kiosk.db"), office.base_url());
    REQUIRE(test::wait_until([&] { return net.worker->status().last_sync_utc > 0; }));
    const auto cursor = *net.ui.cursor();
    // A change on the server, then pull now: the cache moves without waiting a minute.
    CHECK(net.effects->enqueue(Submission{"repairs", "repair", RepairDraft{"pull-now lamp"}}) == SaveOutcome::Saved);
    REQUIRE(test::wait_until([&] { return net.ui.outbox_counts()->done == 1; }));
    net.effects->pull_now();
    REQUIRE(test::wait_until([&] { return *net.ui.cursor() > cursor; }));
}
