// The core's Effects port on the real network (kiosk/net NetEffects, the
// live client and the sync worker) against the real office-server: a
// submission goes through the durable outbox and arrives exactly once; an
// online call is performed by its feature's io and answered on the UI side.
// A kiosk of a second estate gets pay links of its estate.
#include "features/fees/core/fees_calls.hpp"
#include "features/fees/io/fees_io.hpp"
#include "office_kiosk.hpp"
#include "store_test_util.hpp"
#include "support/office_server_process.hpp"
#include "sync_test_util.hpp"

#include <doctest/doctest.h>
#include <httplib.h>

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

// The fees io for online calls; submissions are the stand-in's.
net::FeatureIo fees_calls_repair_drafts()
{
    net::FeatureIo io = fees::fees_io(std::make_shared<fees::StoreLockoutBook>());
    io.encode = encode;
    return io;
}

struct Net : test::OfficeKiosk {
    Net(const std::string& db, const std::string& url, const std::string& token = "demo-lobby-1-token")
        : test::OfficeKiosk(test::open_store(db), test::with_token(test::fast_config(url), token),
                            fees_calls_repair_drafts())
    {
    }
};

int tickets_with(const std::string& office_db, const std::string& description)
{
    return static_cast<int>(test::count_in(office_db, "SELECT count(*) FROM tickets WHERE description = ?1", description));
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
    CHECK(net.live_wakes.load() >= 1);
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

namespace {

// The next answer of the live client (the test waits for it, with a limit).
fees::FeesAnswer next_answer(Net& net)
{
    std::vector<CallAnswer> answers;
    REQUIRE(test::wait_until([&] {
        for (auto& a : net.live->take_answers())
            answers.push_back(std::move(a));
        return !answers.empty();
    }));
    REQUIRE(answers.size() == 1);
    return std::any_cast<const fees::FeesAnswer&>(answers[0].payload);
}

} // namespace

TEST_CASE("a kiosk of estate e001 gets a pay QR that opens e001's pay page, which pays e001's order")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office({true, "", {"--demo-estates", "1"}});
    Net net(dir.file("kiosk.db"), office.base_url(), "e001.demo-lobby-1-token");
    net.effects->call(OnlineCall{1, "fees", fees::FeesCall{fees::CallFeeLookup{"3-2-1502", "5678", "estate-session-1"}}});
    const auto looked = std::get<fees::LookupDone>(next_answer(net));
    REQUIRE(looked.outcome == fees::CallOutcome::Ok);
    REQUIRE(looked.lookup);
    std::string bill;
    for (const auto& b : looked.lookup->bills)
        if (b.due_fen() > 0)
            bill = b.id;
    REQUIRE_FALSE(bill.empty());
    net.effects->call(OnlineCall{2, "fees", fees::FeesCall{fees::CallCreateOrder{"3-2-1502", {bill}, "estate-order-key-1",
                                                                                 looked.lookup->verification_token}}});
    const auto made = std::get<fees::OrderDone>(next_answer(net));
    REQUIRE(made.outcome == fees::CallOutcome::Ok);
    REQUIRE(made.order);
    const std::string prefix = office.base_url() + "/pay/e001/";
    REQUIRE_MESSAGE(made.order->qr_payload.rfind(prefix, 0) == 0, made.order->qr_payload);
    CHECK(made.order->qr_payload == prefix + made.order->id);

    // The phone opens the QR's link: e001's page (its estate's name), and paying it pays e001's order.
    httplib::Client phone("127.0.0.1", office.port());
    const std::string path = made.order->qr_payload.substr(office.base_url().size());
    const auto page = phone.Get(path.c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("锦绣华庭") != std::string::npos);
    CHECK(page->body.find("翠湖花园") == std::string::npos);
    const auto paid = phone.Post(path.c_str(), "", "application/x-www-form-urlencoded");
    REQUIRE(paid);
    CHECK(paid->status == 200);
    net.effects->call(OnlineCall{3, "fees", fees::FeesCall{fees::CallPollOrder{made.order->id}}});
    const auto polled = std::get<fees::OrderDone>(next_answer(net));
    REQUIRE(polled.order);
    CHECK(polled.order->status == "paid");
    CHECK(polled.order->receipt_url.rfind(office.base_url() + "/receipts/e001/" + made.order->id + "?t=", 0) == 0);
    // The home estate has no such order: its pay path for the same id is 404.
    const auto home = phone.Get(("/pay/" + made.order->id).c_str());
    REQUIRE(home);
    CHECK(home->status == 404);
}
