// Fees: money text, and the controller's fee flow driven by requests and the
// events a live request would deliver (no network here), plus its view model.
#include "core/config.hpp"
#include "core/controller.hpp"
#include "core/feature_adapter.hpp"
#include "core/money.hpp"
#include "core/views.hpp"
#include "features/fees/core/fees_feature.hpp"
#include "recording_effects.hpp"
#include "test_config.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::fees;

namespace {

// The shell's controller with the fees feature registered, and what it
// asked of the world.
struct Kiosk {
    KioskConfig config;
    RecordingEffects effects;
    Controller c;
    std::int64_t utc = 1795449600;  // the wall clock the lockout counts in
    explicit Kiosk(const KioskConfig& cfg, std::shared_ptr<LockoutBook> book = nullptr)
        : config(cfg), c(config, {fees_core(config, std::move(book))}, effects)
    {
        c.set_utc_clock([this] { return utc; });
    }

    const FeesSession& fees() const { return *typed_state<FeesSession>(c.feature_state(feature_id)); }
    void apply(FeesRequest request, std::int64_t now) { c.apply(FeatureRequest{feature_id, std::move(request)}, now); }
    void apply(Request request, std::int64_t now) { c.apply(std::move(request), now); }
    void answer(std::uint64_t id, FeesAnswer answer, std::int64_t now)
    {
        c.apply_answer(CallAnswer{id, feature_id, std::move(answer)}, now);
    }
    // The fees calls asked for since the last take, with their ids.
    std::vector<std::pair<std::uint64_t, FeesCall>> take_calls()
    {
        std::vector<std::pair<std::uint64_t, FeesCall>> out;
        for (auto& call : effects.take_calls())
            out.emplace_back(call.id, std::any_cast<FeesCall>(call.payload));
        return out;
    }
};

KioskConfig fees_config()
{
    return test_kiosk_config();  // 3 free tries, 30 s doubling, 10 wrong/hour lock 900 s, poll 2000 ms
}

FeeLookup demo_lookup(bool from_cache = false)
{
    FeeLookup lookup;
    lookup.unit = {"3-2-1502", 3, 2, 15, "1502", 128.3, "张*"};
    lookup.bills = {
        {"B1", "management", "2026-10", 35924, 0, "unpaid", "2026-11-15", true},
        {"B2", "parking", "2026-10", 15000, 7500, "partial", "2026-11-15", false},
        {"B3", "water", "2026-09", 4000, 4000, "paid", "2026-10-15", false},
    };
    lookup.total_due_fen = 35924 + 7500;
    lookup.late_due_fen = 35924;
    lookup.from_cache = from_cache;
    return lookup;
}

PaymentOrderInfo order(const char* status)
{
    return {"PO-1", {"B1", "B2"}, 43424, status, "http://127.0.0.1:1/pay/PO-1", 0, 0, {}};
}

// Opens Fees and types the digits for 3-2-1502; returns the lookup call's id.
std::uint64_t verify(Kiosk& k, const char* digits, std::int64_t now)
{
    if (k.c.state().session.screen() != feature_id)
        k.apply(RequestOpenScreen{feature_id}, now);
    k.apply(RequestBuilding{3}, now);
    k.apply(RequestEntrance{2}, now);
    k.apply(RequestRoom{"3-2-1502"}, now);
    for (const char* d = digits; *d; ++d)
        k.apply(RequestKey{*d}, now);
    k.apply(RequestSubmit{}, now);
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    const auto& lookup = std::get<CallFeeLookup>(calls.front().second);
    CHECK(lookup.unit_id == "3-2-1502");
    CHECK(lookup.last4 == digits);
    return calls.front().first;
}

std::uint64_t open_bill(Kiosk& k, std::int64_t now, bool from_cache = false)
{
    const auto id = verify(k, "5678", now);
    k.answer(id, LookupDone{CallOutcome::Ok, 0, 0, demo_lookup(from_cache)}, now);
    REQUIRE(k.fees().step == FeesStep::Bill);
    return id;
}

std::pair<std::uint64_t, CallCreateOrder> create_order(Kiosk& k, std::int64_t now)
{
    k.apply(RequestChoose{}, now);
    k.apply(RequestPay{}, now);
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    return {calls.front().first, std::get<CallCreateOrder>(calls.front().second)};
}

// Bill, order created and shown as a QR code (pending); the clock is at 0.
void show_qr(Kiosk& k)
{
    k.c.on_touch(0);
    open_bill(k, 0);
    const auto create = create_order(k, 0);
    k.answer(create.first, OrderDone{CallOutcome::Ok, order("pending")}, 0);
    REQUIRE(k.fees().step == FeesStep::Paying);
}

struct ViewFixture {
    KioskConfig config = fees_config();
    Catalog catalog;
    FeesCache cache;
    SyncStatus sync;
    ViewFixture()
    {
        auto loaded = Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
        REQUIRE(loaded.ok());
        catalog = loaded.value();
        cache.units = {{"3-2-1502", 3, 2, 15, "1502", 128.3, "张*"}, {"3-2-1501", 3, 2, 15, "1501", 90, "李*"}};
        cache.fee_kinds = {{"management", {"物业管理费", "", "Management fee"}, {"公共区域保洁", "", "Cleaning"},
                            {"户内维修", "", "Repairs inside the flat"}}};
    }
    FeesView build(const Kiosk& k, std::int64_t now_ms = 0, std::int64_t utc_s = 1795449600)
    {
        const std::vector<FeatureCore> features{fees_core(config)};
        CachedData data;
        data.features[feature_id] = cache;
        AppState state = k.c.state();
        state.session.stack = {screen::home, feature_id};  // the fees screen is what is drawn
        const Views views = build_views({state, features, config, catalog, sync, data, utc_s, now_ms, 60});
        REQUIRE(views.feature == feature_id);
        return std::any_cast<FeesView>(views.feature_view);
    }
};

} // namespace

TEST_CASE("format_fen: yuan with thousands separators and two decimals, exact for any integer")
{
    CHECK(format_fen(0) == "¥0.00");
    CHECK(format_fen(5) == "¥0.05");
    CHECK(format_fen(100) == "¥1.00");
    CHECK(format_fen(123450) == "¥1,234.50");
    CHECK(format_fen(100000000) == "¥1,000,000.00");
    CHECK(format_fen(-5) == "-¥0.05");
    CHECK(format_fen(-123456) == "-¥1,234.56");
    CHECK(format_fen(INT64_MAX) == "¥92,233,720,368,547,758.07");
    CHECK(format_fen(INT64_MIN) == "-¥92,233,720,368,547,758.08");
}

TEST_CASE("fees: the right digits ask the server once and show the bill with all unpaid bills chosen")
{
    Kiosk k(fees_config());
    const auto id = verify(k, "5678", 1000);
    const FeesSession& fees = k.fees();
    CHECK(fees.verification.digits.empty());  // never kept on screen after submit
    CHECK(fees.awaiting_call == id);
    k.answer(id, LookupDone{CallOutcome::Ok, 0, 0, demo_lookup()}, 1200);
    CHECK(fees.step == FeesStep::Bill);
    CHECK(fees.chosen == std::set<std::string>{"B1", "B2"});
}

// A wrong answer to "0000": from the server with its counts, or (server_left
// -1) from the cache while offline, where only the kiosk's own counts act.
void wrong(Kiosk& k, std::int64_t now_ms, int server_left = -1, std::int64_t server_retry_at = 0)
{
    const auto id = verify(k, "0000", now_ms);
    k.answer(id, LookupDone{CallOutcome::WrongDigits, server_left, server_retry_at, {}, server_left < 0}, now_ms);
}

// Submits digits for 3-2-1502 from wherever the screen is; true if a lookup was sent.
bool submit_sends(Kiosk& k, const char* digits, std::int64_t now_ms)
{
    if (k.c.state().session.screen() != feature_id)
        k.apply(RequestOpenScreen{feature_id}, now_ms);
    k.apply(RequestBuilding{3}, now_ms);
    k.apply(RequestEntrance{2}, now_ms);
    k.apply(RequestRoom{"3-2-1502"}, now_ms);
    for (const char* d = digits; *d; ++d)
        k.apply(RequestKey{*d}, now_ms);
    k.apply(RequestSubmit{}, now_ms);
    return !k.take_calls().empty();
}

TEST_CASE("fees: three free tries, then this person waits 30 s, doubling, shown as a countdown in seconds")
{
    Kiosk k(fees_config());
    ViewFixture f;
    wrong(k, 1000, 2);
    CHECK(k.fees().verification.notice == household::Notice::WrongDigits);
    CHECK(k.fees().verification.attempts_left == 2);
    CHECK(f.build(k, 1000, k.utc).keypad.message.find("还可以再试 2 次") != std::string::npos);
    wrong(k, 1000, 1);
    CHECK(k.fees().verification.attempts_left == 1);
    wrong(k, 1000, 0, k.utc + 30);  // the server says the same: wait 30 s
    CHECK(k.fees().verification.notice == household::Notice::Wait);
    CHECK(k.fees().verification.retry_at_utc == k.utc + 30);

    FeesView view = f.build(k, 1000, k.utc);
    CHECK(!view.keypad.keypad_enabled);
    CHECK(view.keypad.message.find("请等 30 秒后再试") != std::string::npos);
    CHECK(f.build(k, 11000, k.utc + 10).keypad.message.find("请等 20 秒后再试") != std::string::npos);
    // The countdown redraws by itself, and not after it ended.
    CHECK(k.c.next_tick_ms(1000) <= 1500);

    // Waiting: even the right digits are not sent anywhere.
    CHECK_FALSE(submit_sends(k, "5678", 2000));
    CHECK(k.fees().verification.notice == household::Notice::Wait);

    k.utc += 30;
    CHECK(f.build(k, 31000, k.utc).keypad.keypad_enabled);
    wrong(k, 31000);  // the fourth, offline: the kiosk's own rule doubles the wait
    CHECK(k.fees().verification.notice == household::Notice::Wait);
    CHECK(k.fees().verification.retry_at_utc == k.utc + 60);
    k.utc += 60;
    wrong(k, 91000);
    CHECK(k.fees().verification.retry_at_utc == k.utc + 120);
    CHECK(k.fees().verification.notice == household::Notice::Wait);  // five wrong tries: still no lock
}

TEST_CASE("fees: starting over in the same session keeps the wait; a new person's session is not held up")
{
    Kiosk k(fees_config());
    k.c.on_touch(0);
    for (int i = 0; i < 3; ++i)
        wrong(k, 0);
    REQUIRE(k.fees().verification.notice == household::Notice::Wait);
    const std::string first_session = k.fees().verification.session_id;
    CHECK(!first_session.empty());
    // Another building and back to the unit: the countdown, no keypad.
    k.apply(RequestBuilding{1}, 0);
    k.apply(RequestBuilding{3}, 0);
    k.apply(RequestEntrance{2}, 0);
    k.apply(RequestRoom{"3-2-1502"}, 0);
    CHECK(k.fees().verification.notice == household::Notice::Wait);
    CHECK_FALSE(submit_sends(k, "5678", 0));

    // Home ends this person's session: the next person asks the server at once.
    k.apply(RequestHome{}, 0);
    k.apply(RequestOpenScreen{feature_id}, 0);
    k.apply(RequestBuilding{3}, 0);
    k.apply(RequestEntrance{2}, 0);
    k.apply(RequestRoom{"3-2-1502"}, 0);
    for (char d : std::string("5678"))
        k.apply(RequestKey{d}, 0);
    k.apply(RequestSubmit{}, 0);
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    const auto& lookup = std::get<CallFeeLookup>(calls.front().second);
    CHECK(!lookup.session_id.empty());
    CHECK(lookup.session_id != first_session);
    CHECK(k.fees().verification.notice == household::Notice::None);
}

TEST_CASE("fees: wrong tries from repeated sessions lock the unit on the kiosk, and a restart keeps count and lock")
{
    auto book = std::make_shared<MemoryLockoutBook>();  // the io's store book in the app
    {
        Kiosk k(fees_config(), book);
        for (int i = 0; i < 5; ++i) {
            wrong(k, 0);
            k.utc += 300;  // past each wait
        }
        CHECK(k.fees().verification.notice == household::Notice::Wait);
    }
    // A restart ends that session (and its wait); the unit's count survives.
    Kiosk restarted(fees_config(), book);
    restarted.utc += 5 * 300;
    for (int i = 0; i < 4; ++i) {
        wrong(restarted, 0);
        restarted.utc += 300;
    }
    CHECK(restarted.fees().verification.notice == household::Notice::Wait);
    wrong(restarted, 0);  // the tenth wrong try within the hour
    CHECK(restarted.fees().verification.notice == household::Notice::Locked);
    CHECK(restarted.fees().verification.locked_until_utc == restarted.utc + 900);

    // Offline, the cache's verdict is not used while the lock runs, even for
    // the right digits, and after another restart too.
    Kiosk again(fees_config(), book);
    again.utc = restarted.utc;
    auto id = verify(again, "5678", 0);
    again.answer(id, LookupDone{CallOutcome::Ok, 0, 0, demo_lookup(true), true}, 0);
    CHECK(again.fees().verification.notice == household::Notice::Locked);
    CHECK(again.fees().step == FeesStep::Digits);
    CHECK(again.fees().verification.locked_until_utc == again.utc + 900);
    // Online the server decides (staff may have lifted it); a success clears the kiosk's lock and count.
    id = verify(again, "5678", 0);
    again.answer(id, LookupDone{CallOutcome::Ok, 0, 0, demo_lookup()}, 0);
    CHECK(again.fees().step == FeesStep::Bill);
    CHECK(book->load("tries:3-2-1502").failures == 0);
    CHECK(book->load("3-2-1502").locked_until_utc == 0);
}

TEST_CASE("fees: the server's wait (429) is shown as this person's countdown")
{
    Kiosk k(fees_config());
    const auto id = verify(k, "1111", 0);
    k.answer(id, LookupDone{CallOutcome::Wait, 0, k.utc + 45, {}}, 0);
    CHECK(k.fees().verification.notice == household::Notice::Wait);
    CHECK(k.fees().verification.retry_at_utc == k.utc + 45);
    CHECK_FALSE(submit_sends(k, "5678", 0));
    k.utc += 46;
    CHECK(submit_sends(k, "5678", 0));
}

TEST_CASE("fees: offline without verifiers for this kiosk (no enrolled key) says it cannot check digits, and counts nothing")
{
    Kiosk k(fees_config());
    const auto id = verify(k, "5678", 0);
    k.answer(id, LookupDone{CallOutcome::NoOfflineCheck, 0, 0, {}, true}, 0);
    CHECK(k.fees().verification.notice == household::Notice::NoOfflineCheck);
    CHECK(k.fees().verification.tries.at("3-2-1502").failures == 0);
    ViewFixture f;
    CHECK(f.build(k).keypad.message.find("不能离线核对号码") != std::string::npos);
}

TEST_CASE("fees: the server's unit lock is kept on the kiosk for offline checks")
{
    Kiosk k(fees_config());
    auto id = verify(k, "1111", 0);
    k.answer(id, LookupDone{CallOutcome::Locked, 0, k.utc + 600, {}}, 0);
    CHECK(k.fees().verification.notice == household::Notice::Locked);
    id = verify(k, "5678", 0);
    k.answer(id, LookupDone{CallOutcome::Ok, 0, 0, demo_lookup(true), true}, 0);  // offline now
    CHECK(k.fees().verification.notice == household::Notice::Locked);
    CHECK(k.fees().verification.locked_until_utc == k.utc + 600);
    CHECK(!k.fees().lookup);
}

TEST_CASE("fees: the server's lock, an unknown unit and a server error are told apart")
{
    Kiosk k(fees_config());
    auto id = verify(k, "1111", 0);
    k.answer(id, LookupDone{CallOutcome::Locked, 0, 1795450500, {}}, 0);
    CHECK(k.fees().verification.notice == household::Notice::Locked);
    CHECK(k.fees().verification.locked_until_utc == 1795450500);

    ViewFixture f;
    FeesView view = f.build(k);
    CHECK(!view.keypad.keypad_enabled);
    CHECK(view.keypad.message.find("00:15") != std::string::npos);  // 16:15Z is 00:15 in Shanghai

    id = verify(k, "1111", 0);
    k.answer(id, LookupDone{CallOutcome::UnknownUnit, 0, 0, {}}, 0);
    CHECK(k.fees().verification.notice == household::Notice::UnknownUnit);
    CHECK(f.build(k).keypad.message.find("没有这个房号") != std::string::npos);

    id = verify(k, "1111", 0);
    k.answer(id, LookupDone{CallOutcome::ServerError, 0, 0, {}}, 0);
    CHECK(k.fees().verification.notice == household::Notice::ServerError);
}

TEST_CASE("fees: an offline bill is shown as of the last sync and paying it explains the network is needed")
{
    Kiosk k(fees_config());
    open_bill(k, 0, true);
    {
        // Before any tap: the button is drawn disabled with its reason.
        ViewFixture f;
        FeesView view = f.build(k);
        CHECK(view.pay_visible);
        CHECK_FALSE(view.pay_enabled);
        CHECK(view.pay_disabled_reason.find("缴费需要联网") == 0);
    }
    k.apply(RequestChoose{}, 0);
    CHECK(k.fees().step == FeesStep::Bill);
    CHECK(k.fees().notice == FeesNotice::PayNeedsNetwork);
    k.apply(RequestPay{}, 0);
    CHECK(k.take_calls().empty());  // payment is never simulated offline

    ViewFixture f;
    f.sync.last_sync_utc = 1795449600;  // 00:00 in Shanghai
    FeesView view = f.build(k);
    CHECK(view.as_of_line.find("00:00") != std::string::npos);
    CHECK_FALSE(view.pay_enabled);
    CHECK(view.pay_disabled_reason.find("联网") != std::string::npos);
    CHECK(view.message.find("联网") == std::string::npos);   // said once, beside the button
}

TEST_CASE("fees: an online bill's pay button is enabled and has no reason beside it")
{
    Kiosk k(fees_config());
    open_bill(k, 0);
    ViewFixture f;
    FeesView view = f.build(k);
    CHECK(view.pay_enabled);
    CHECK(view.pay_disabled_reason.empty());
}

TEST_CASE("fees: a failed order creation is retried with the same Idempotency-Key; other bills get a new key")
{
    Kiosk k(fees_config());
    open_bill(k, 0);
    const auto [first_id, first] = create_order(k, 0);
    CHECK(first.idempotency_key.size() == 36);
    CHECK(first.bill_ids == std::vector<std::string>{"B1", "B2"});
    k.answer(first_id, OrderDone{CallOutcome::ServerError, {}}, 0);
    CHECK(k.fees().notice == FeesNotice::OrderFailed);

    k.apply(RequestPay{}, 0);
    auto calls = k.take_calls();
    auto retry = std::get<CallCreateOrder>(calls.at(0).second);
    CHECK(retry.idempotency_key == first.idempotency_key);
    k.answer(calls.at(0).first, OrderDone{CallOutcome::Offline, {}}, 0);

    k.apply(RequestToggleBill{"B2"}, 0);
    k.apply(RequestPay{}, 0);
    auto other = std::get<CallCreateOrder>(k.take_calls().at(0).second);
    CHECK(other.bill_ids == std::vector<std::string>{"B1"});
    CHECK(other.idempotency_key != first.idempotency_key);
}

TEST_CASE("fees: polling shows the QR until paid, keeps going through a network loss, then pulls and re-reads the bill")
{
    Kiosk k(fees_config());
    show_qr(k);
    CHECK(k.c.next_tick_ms(0) == 2000);

    k.c.tick(1999);
    CHECK(k.take_calls().empty());
    k.c.tick(2000);
    auto polled = k.take_calls().at(0);
    CHECK(std::get<CallPollOrder>(polled.second).order_id == "PO-1");
    k.c.tick(2500);
    CHECK(k.take_calls().empty());  // one poll at a time

    k.answer(polled.first, OrderDone{CallOutcome::Offline, {}}, 3000);
    CHECK(k.fees().step == FeesStep::Paying);
    CHECK(k.fees().notice == FeesNotice::PollFailing);
    k.c.tick(5000);
    polled = k.take_calls().at(0);
    CHECK(std::holds_alternative<CallPollOrder>(polled.second));
    k.answer(polled.first, OrderDone{CallOutcome::Ok, order("paid")}, 5100);
    CHECK(k.fees().step == FeesStep::Paid);
    CHECK(k.fees().notice == FeesNotice::None);
    CHECK(k.effects.pulls == 1);  // the bills changed: the cache is refreshed
    auto after = k.take_calls();
    REQUIRE(after.size() == 1);
    CHECK(std::holds_alternative<CallFeeLookup>(after[0].second));

    FeeLookup paid = demo_lookup();
    paid.total_due_fen = 0;
    k.answer(after[0].first, LookupDone{CallOutcome::Ok, 0, 0, paid}, 5200);
    ViewFixture f;
    FeesView view = f.build(k);
    CHECK(view.receipt_line.find("PO-1") != std::string::npos);
    CHECK(view.settled_line.find("全部缴清") != std::string::npos);
}

TEST_CASE("fees: an expired order says so and starting again re-reads the bill")
{
    Kiosk k(fees_config());
    show_qr(k);
    k.c.tick(2000);
    auto polled = k.take_calls().at(0);
    k.answer(polled.first, OrderDone{CallOutcome::Ok, order("expired")}, 2100);
    CHECK(k.fees().step == FeesStep::Expired);
    k.apply(RequestRestart{}, 2200);
    CHECK(k.fees().step == FeesStep::Bill);
    CHECK(!k.fees().order);
    CHECK(std::holds_alternative<CallFeeLookup>(k.take_calls().at(0).second));
}

TEST_CASE("fees: bills paid elsewhere meanwhile (409) re-read the bill instead of paying twice")
{
    Kiosk k(fees_config());
    open_bill(k, 0);
    const auto create = create_order(k, 0);
    k.answer(create.first, OrderDone{CallOutcome::Conflict, {}}, 0);
    CHECK(k.fees().step == FeesStep::Bill);
    CHECK(k.fees().notice == FeesNotice::BillsChanged);
    CHECK(std::holds_alternative<CallFeeLookup>(k.take_calls().at(0).second));
}

TEST_CASE("fees: the server's verification token of the lookup goes with the order and is cleared with the session")
{
    Kiosk k(fees_config());
    k.c.on_touch(0);
    const auto id = verify(k, "5678", 0);
    FeeLookup verified = demo_lookup();
    verified.verification_token = "0123456789abcdef0123456789abcdef";
    k.answer(id, LookupDone{CallOutcome::Ok, 0, 0, verified}, 0);
    REQUIRE(k.fees().step == FeesStep::Bill);
    CHECK(k.fees().verification.token == "0123456789abcdef0123456789abcdef");
    const auto create = create_order(k, 0);
    CHECK(create.second.verification_token == "0123456789abcdef0123456789abcdef");
    k.apply(RequestHome{}, 0);
    CHECK(k.fees().verification.token.empty());
    // A new verification never reuses the old proof, even before its answer.
    open_bill(k, 0);
    CHECK(k.fees().verification.token.empty());
}

TEST_CASE("fees: Home and the idle timeout clear the unit, the bill and the order; late answers are ignored")
{
    Kiosk k(fees_config());
    k.c.on_touch(0);
    const auto id = open_bill(k, 0);
    k.apply(RequestHome{}, 0);
    CHECK(k.fees().verification.unit_id.empty());
    CHECK(!k.fees().lookup);
    k.answer(id, LookupDone{CallOutcome::Ok, 0, 0, demo_lookup()}, 0);
    CHECK(!k.fees().lookup);

    open_bill(k, 0);
    const auto lookup_id = verify(k, "5678", 0);  // a second lookup still in flight
    k.c.tick(60'000 + 20'000 + 1);
    CHECK(k.c.state().session.screen() == screen::home);
    CHECK(k.fees().verified_last4.empty());
    k.answer(lookup_id, LookupDone{CallOutcome::Ok, 0, 0, demo_lookup()}, 90'000);
    CHECK(!k.fees().lookup);
}

TEST_CASE("fees: Back steps through the flow before leaving the screen")
{
    Kiosk k(fees_config());
    open_bill(k, 0);
    k.apply(RequestBack{}, 0);
    CHECK(k.fees().picker.step == household::PickStep::Room);
    CHECK(!k.fees().lookup);  // the bill is not one tap away
    k.apply(RequestBack{}, 0);
    k.apply(RequestBack{}, 0);
    CHECK(k.fees().picker.step == household::PickStep::Building);
    k.apply(RequestBack{}, 0);
    CHECK(k.c.state().session.screen() == screen::home);
}

TEST_CASE("fees view: a web pay link is also offered to open by hand; a payment app's code only to scan")
{
    ViewFixture f;
    Kiosk web(fees_config());
    show_qr(web);
    FeesView view = f.build(web);
    CHECK(view.qr_payload == "http://127.0.0.1:1/pay/PO-1");
    CHECK(view.open_address == view.qr_payload);
    CHECK(view.url_label == "或在手机上打开：");

    Kiosk wechat(fees_config());
    wechat.c.on_touch(0);
    open_bill(wechat, 0);
    const auto create = create_order(wechat, 0);
    PaymentOrderInfo app_code = order("pending");
    app_code.qr_payload = "weixin://wxpay/bizpayurl?pr=abc123";
    wechat.answer(create.first, OrderDone{CallOutcome::Ok, app_code}, 0);
    REQUIRE(wechat.fees().step == FeesStep::Paying);
    view = f.build(wechat);
    CHECK(view.qr_payload == "weixin://wxpay/bizpayurl?pr=abc123");  // still the QR code
    CHECK(view.open_address.empty());  // but no "open on your phone" line
    CHECK(view.url_label.empty());
}

TEST_CASE("fees view: what is owed comes first (overdue, then unpaid); paid bills fold away behind one button")
{
    Kiosk k(fees_config());
    const auto id = verify(k, "5678", 0);
    FeeLookup lookup = demo_lookup();
    lookup.bills = {
        {"W1", "water", "2026-11", 4000, 4000, "paid", "2026-12-15", false},
        {"M2", "management", "2026-11", 35924, 0, "unpaid", "2026-12-15", false},
        {"M1", "management", "2026-10", 35924, 0, "unpaid", "2026-11-15", true},
        {"M0", "management", "2026-09", 35924, 35924, "paid", "2026-10-15", false},
    };
    lookup.total_due_fen = 2 * 35924;
    k.answer(id, LookupDone{CallOutcome::Ok, 0, 0, lookup}, 0);
    ViewFixture f;
    FeesView view = f.build(k);
    REQUIRE(view.groups.size() == 2);
    CHECK(view.groups[0].name == "物业管理费");  // owes: before water, which owes nothing
    REQUIRE(view.groups[0].lines.size() == 2);
    CHECK(view.groups[0].lines[0].late);  // overdue October before November
    CHECK(view.groups[0].lines[0].period.find("10") != std::string::npos);
    CHECK_FALSE(view.groups[0].lines[1].late);
    CHECK(view.groups[1].lines.empty());
    CHECK(view.history_id == "fees.history");
    CHECK(view.history_label == "查看已缴记录（2 项）");
    k.apply(RequestTogglePaidHistory{}, 0);
    view = f.build(k);
    CHECK(view.groups[0].lines.size() == 3);
    CHECK(view.groups[1].lines.size() == 1);
}

TEST_CASE("fees view: the server's total is shown even when bills add up differently; late and partial in words")
{
    Kiosk k(fees_config());
    const auto id = verify(k, "5678", 0);
    FeeLookup lookup = demo_lookup();
    lookup.total_due_fen = 99999;  // the office's figure (e.g. a fee waived) wins
    k.answer(id, LookupDone{CallOutcome::Ok, 0, 0, lookup}, 0);

    ViewFixture f;
    FeesView view = f.build(k);
    CHECK(view.total_amount == "¥999.99");
    CHECK(view.owner_line == "户主：张*");
    REQUIRE(view.groups.size() == 3);
    CHECK(view.groups[0].name == "物业管理费");
    CHECK(view.groups[0].rate == "128.30㎡ × ¥2.80/㎡");  // once per kind, not under every month
    CHECK(view.groups[0].lines[0].status.find("已逾期") != std::string::npos);
    CHECK(view.groups[1].lines[0].status == "部分已缴（已缴 ¥75.00）");
    CHECK(view.groups[2].lines.empty());  // water is all paid: folded away
    CHECK(view.history_label == "查看已缴记录（1 项）");
    CHECK(view.groups[0].explain_id == "fees.explain.management");
    CHECK(view.groups[1].explain_id.empty());  // no office text cached: no button

    k.apply(RequestTogglePaidHistory{}, 0);
    view = f.build(k);
    REQUIRE(view.groups[2].lines.size() == 1);
    CHECK(view.groups[2].lines[0].status == "已缴");
    CHECK(view.history_label == "收起已缴记录");

    k.apply(RequestExplain{"management"}, 0);
    view = f.build(k);
    CHECK(view.explain.open);
    CHECK(view.explain.not_covered == "户内维修");
}

TEST_CASE("fees view: buildings, entrances and the typed room come from the cached units")
{
    Kiosk k(fees_config());
    k.apply(RequestOpenScreen{feature_id}, 0);
    ViewFixture f;
    FeesView view = f.build(k);
    REQUIRE(view.picker.choices.size() == 1);
    CHECK(view.picker.choices[0].id == "fees.building.3");
    k.apply(RequestBuilding{3}, 0);
    k.apply(RequestEntrance{2}, 0);
    for (const char key : std::string("1501"))
        k.apply(RequestRoomKey{key}, 0);
    view = f.build(k);
    CHECK(view.picker.room.keypad_id == "fees.room_key");
    CHECK(view.picker.room.typed == "1501");
    CHECK(view.picker.room.unit_id == "3-2-1501");
    // 确定 on a room the cache lacks stays on the keypad with the message.
    k.apply(RequestRoomKey{'9'}, 0);
    view = f.build(k);
    CHECK(view.picker.room.unit_id.empty());
    k.apply(RequestRoom{view.picker.room.unit_id}, 0);
    view = f.build(k);
    CHECK(view.step == FeesStep::Unit);
    CHECK(view.picker.room.message.find("没有这个房号") != std::string::npos);
}

TEST_CASE("config: [fees] lockout and polling, with the line named when a value is wrong")
{
    const std::string base = std::string("[server]\ntoken = \"t\"\n[admin]\npin_hash = \"") + k_test_pin_hash + "\"\n";
    auto ok = parse_config(base + "[fees]\nfree_tries = 2\ndelay_s = 5\nlockout_failures = 3\nlockout_window_s = 600\n"
                                  "lockout_s = 60\npoll_interval_ms = 1000\n", "k.toml");
    REQUIRE(ok.ok());
    CHECK(ok.value().fees_free_tries == 2);
    CHECK(ok.value().fees_delay_s == 5);
    CHECK(ok.value().fees_lockout_window_s == 600);
    CHECK(ok.value().fees_lockout_failures == 3);
    CHECK(ok.value().fees_lockout_s == 60);
    CHECK(ok.value().fees_poll_interval_ms == 1000);
    auto bad = parse_config(base + "[fees]\nlockout_failures = 0\n", "k.toml");
    REQUIRE(!bad.ok());
    CHECK(bad.error().message.rfind("k.toml:6: [fees] lockout_failures", 0) == 0);
    auto wrong_type = parse_config(base + "[fees]\nlockout_s = \"long\"\n", "k.toml");
    REQUIRE(!wrong_type.ok());
    CHECK(wrong_type.error().message.find("k.toml:6") != std::string::npos);
}

TEST_CASE("fees: paying on the phone gets three minutes before the idle question, then the session still ends")
{
    Kiosk k(fees_config());
    show_qr(k);
    k.c.tick(61'000);
    CHECK(!k.c.state().asking_still_there);
    k.c.tick(181'000);
    CHECK(k.c.state().asking_still_there);
    k.c.tick(201'001);
    CHECK(k.c.state().session.screen() == screen::home);
    CHECK(!k.fees().order);
}

TEST_CASE("fees view: a malformed bill period is shown as it came, never throws")
{
    Kiosk k(fees_config());
    const auto id = verify(k, "5678", 0);
    FeeLookup lookup = demo_lookup();
    lookup.bills[0].period = "2026-1x";  // std::stoi threw std::invalid_argument on this
    lookup.bills[1].period = "2026/10";
    k.answer(id, LookupDone{CallOutcome::Ok, 0, 0, lookup}, 0);
    k.apply(RequestTogglePaidHistory{}, 0);  // the paid water bill too

    ViewFixture f;
    FeesView view;
    CHECK_NOTHROW(view = f.build(k));
    REQUIRE(view.groups.size() == 3);
    for (const FeeGroupView& group : view.groups)
        REQUIRE(group.lines.size() == 1);
    CHECK(view.groups[0].lines[0].period == "2026-1x");
    CHECK(view.groups[1].lines[0].period == "2026/10");
    CHECK(view.groups[2].lines[0].period == "2026年9月");
}

TEST_CASE("views compare equal when built from the same inputs, and differ when what is drawn changes")
{
    Kiosk k(fees_config());
    ViewFixture f;
    const std::vector<FeatureCore> features{fees_core(f.config)};
    CachedData data;
    const auto build = [&](std::int64_t utc_s) {
        return build_views({k.c.state(), features, f.config, f.catalog, f.sync, data, utc_s, 0, 60});
    };
    const Views a = build(1795449600), same = build(1795449600 + 30);  // same minute
    CHECK(a.chrome == same.chrome);
    CHECK(a.home == same.home);
    CHECK(a.chrome != build(1795449600 + 60).chrome);  // the clock text turned
    f.sync.online = true;
    CHECK(a.chrome != build(1795449600).chrome);  // the network line changed

    // A feature's views compare through its own record.
    k.apply(RequestOpenScreen{feature_id}, 0);
    const FeesView fees_a = f.build(k), fees_b = f.build(k);
    CHECK(features[0].same_view(std::any(fees_a), std::any(fees_b)));
    k.apply(RequestBuilding{3}, 0);
    CHECK(!features[0].same_view(std::any(fees_a), std::any(f.build(k))));
}

TEST_CASE("fees view: choosing groups the bills by kind, overdue kinds and bills first; one tap chooses or unchooses a kind; the total follows")
{
    Kiosk k(fees_config());
    const auto id = verify(k, "5678", 0);
    FeeLookup lookup = demo_lookup();
    lookup.bills = {
        {"W2", "water", "2026-11", 4000, 0, "unpaid", "2026-12-15", false},
        {"M2", "management", "2026-11", 35924, 0, "unpaid", "2026-12-15", false},
        {"M1", "management", "2026-10", 35924, 0, "unpaid", "2026-11-15", true},
        {"W0", "water", "2026-09", 4000, 4000, "paid", "2026-10-15", false},
    };
    lookup.total_due_fen = 2 * 35924 + 4000;
    k.answer(id, LookupDone{CallOutcome::Ok, 0, 0, lookup}, 0);
    k.apply(RequestChoose{}, 0);
    REQUIRE(k.fees().step == FeesStep::Choose);
    ViewFixture f;
    FeesView view = f.build(k);
    // Management owes something overdue: it comes first although water is listed first.
    REQUIRE(view.choose_groups.size() == 2);
    CHECK(view.choose_groups[0].kind == "management");
    CHECK(view.choose_groups[0].id == "fees.choose_kind.management");
    REQUIRE(view.choose_groups[0].rows.size() == 2);
    CHECK(view.choose_groups[0].rows[0].bill_id == "M1");  // overdue October before November
    CHECK(view.choose_groups[0].rows[0].label.find("已逾期") != std::string::npos);
    REQUIRE(view.choose_groups[1].rows.size() == 1);  // the paid water bill is not offered
    CHECK(view.choose_groups[0].all_chosen);
    CHECK(view.choose_groups[0].label == "✓ 物业管理费  已选 2/2 项 ¥718.48");
    CHECK(view.chosen_total == "已选 3 项，共 ¥758.48");

    k.apply(RequestChooseKind{"management"}, 0);  // all chosen: one tap unchooses the kind
    CHECK(k.fees().chosen == std::set<std::string>{"W2"});
    view = f.build(k);
    CHECK_FALSE(view.choose_groups[0].all_chosen);
    CHECK_FALSE(view.choose_groups[0].some_chosen);
    CHECK(view.choose_groups[0].label == "物业管理费  已选 0/2 项 ¥0.00");
    CHECK(view.chosen_total == "已选 1 项，共 ¥40.00");

    k.apply(RequestToggleBill{"M2"}, 0);  // partly chosen: one tap chooses the whole kind
    view = f.build(k);
    CHECK(view.choose_groups[0].some_chosen);
    CHECK_FALSE(view.choose_groups[0].all_chosen);
    k.apply(RequestChooseKind{"management"}, 0);
    CHECK(k.fees().chosen == std::set<std::string>{"M1", "M2", "W2"});
    k.apply(RequestChooseKind{"water"}, 0);
    CHECK(k.fees().chosen == std::set<std::string>{"M1", "M2"});
    CHECK(f.build(k).chosen_total == "已选 2 项，共 ¥718.48");
}

TEST_CASE("fees view: the receipt names the unit, the Shanghai time, the masked payer, the items by kind and offers the office's receipt page")
{
    Kiosk k(fees_config());
    k.c.on_touch(0);
    open_bill(k, 0);
    const auto create = create_order(k, 0);
    PaymentOrderInfo paid = order("paid");
    paid.paid_utc = 1795449600 + 5 * 60;  // 2026-11-23 16:05 UTC: 00:05 the next day in Shanghai
    paid.receipt_url = "http://127.0.0.1:1/receipts/PO-1?t=abc";
    k.answer(create.first, OrderDone{CallOutcome::Ok, paid}, 0);
    REQUIRE(k.fees().step == FeesStep::Paid);
    ViewFixture f;
    FeesView view = f.build(k);
    CHECK(view.receipt_line == "收据编号：PO-1");
    REQUIRE(view.receipt_details.size() == 3);
    CHECK(view.receipt_details[0].find("3栋2单元1502") != std::string::npos);
    CHECK(view.receipt_details[1] == "缴费时间：2026-11-24 00:05（北京时间）");
    CHECK(view.receipt_details[2] == "缴费户：张*");
    REQUIRE(view.receipt_items.size() == 2);
    CHECK(view.receipt_items[0] == "物业管理费：2026年10月");
    CHECK(view.receipt_items[1] == "parking：2026年10月");  // a kind not in the cache keeps its code
    CHECK(view.receipt_qr == "http://127.0.0.1:1/receipts/PO-1?t=abc");
    CHECK(view.receipt_qr_label == "扫码保存电子收据");
}

TEST_CASE("fees, 长者模式: before the QR code, what is paid is read back (unit, months by kind, total as said); 确认支付 makes the order once")
{
    Kiosk k(fees_config());
    k.c.on_touch(0);
    k.apply(RequestToggleElderly{}, 0);
    const auto id = verify(k, "5678", 0);
    FeeLookup lookup = demo_lookup();
    lookup.bills = {
        {"M2", "management", "2026-11", 35924, 0, "unpaid", "2026-12-15", false},
        {"M1", "management", "2026-10", 35924, 0, "unpaid", "2026-11-15", true},
        {"W2", "water", "2026-11", 4050, 0, "unpaid", "2026-12-15", false},
        {"W1", "water", "2026-10", 4000, 0, "unpaid", "2026-11-15", false},
        {"W0", "water", "2026-08", 4000, 0, "unpaid", "2026-09-15", true},
    };
    lookup.total_due_fen = 2 * 35924 + 4050 + 2 * 4000;
    k.answer(id, LookupDone{CallOutcome::Ok, 0, 0, lookup}, 0);
    k.apply(RequestChoose{}, 0);
    k.apply(RequestPay{}, 0);
    REQUIRE(k.fees().step == FeesStep::Confirm);
    CHECK(k.take_calls().empty());  // nothing is ordered before the person confirms
    ViewFixture f;
    FeesView view = f.build(k);
    const ReadBackView& rb = view.read_back;
    CHECK(rb.prompt == "请核对本次缴费");
    // The unit; two months are listed, more are a span and a count, so a line stays short at 2x.
    CHECK(rb.lines == std::vector<std::string>{"房号：3栋2单元1502室", "物业管理费：2026年11月、2026年10月，¥718.48",
                                               "water：2026年8月至2026年11月，共3项，¥120.50"});
    CHECK(rb.total_label == "本次支付合计");
    CHECK(rb.total == "¥838.98");
    CHECK(rb.total_words == "八百三十八元九角八分");
    CHECK(rb.confirm_label == "确认支付");
    CHECK(rb.change_label == "返回修改");
    // zh-HK reads it in Cantonese by default: 毫 and 仙.
    k.apply(RequestSetLanguage{Language::ZhHK}, 0);
    CHECK(f.build(k).read_back.total_words == "八百三十八元九毫八仙");
    k.apply(RequestSetLanguage{Language::ZhCN}, 0);

    // 返回修改: back to choosing; fewer bills, and the read-back follows.
    k.apply(RequestChangeChoice{}, 0);
    REQUIRE(k.fees().step == FeesStep::Choose);
    k.apply(RequestChooseKind{"water"}, 0);
    k.apply(RequestPay{}, 0);
    REQUIRE(k.fees().step == FeesStep::Confirm);
    CHECK(f.build(k).read_back.total == "¥718.48");
    CHECK(k.take_calls().empty());

    k.apply(RequestPay{}, 0);  // 确认支付
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    const auto& create = std::get<CallCreateOrder>(calls[0].second);
    CHECK(create.bill_ids == std::vector<std::string>{"M1", "M2"});
    k.apply(RequestPay{}, 0);  // a second tap while it is made: nothing twice
    CHECK(k.take_calls().empty());
    // A failed try stays on the read-back and retries with the same key.
    k.answer(calls[0].first, OrderDone{CallOutcome::ServerError, std::nullopt}, 0);
    CHECK(k.fees().step == FeesStep::Confirm);
    CHECK(f.build(k).read_back.confirm_label == "再试一次");
    CHECK(f.build(k).read_back.message.find("付款码没有生成成功") == 0);
    k.apply(RequestPay{}, 0);
    auto again = k.take_calls();
    REQUIRE(again.size() == 1);
    CHECK(std::get<CallCreateOrder>(again[0].second).idempotency_key == create.idempotency_key);
    k.answer(again[0].first, OrderDone{CallOutcome::Ok, order("pending")}, 0);
    CHECK(k.fees().step == FeesStep::Paying);
    // Back from the QR code goes to choosing, as outside 长者模式.
    k.apply(RequestBack{}, 0);
    CHECK(k.fees().step == FeesStep::Choose);
}

TEST_CASE("fees: outside 长者模式 生成付款码 makes the order at once (no extra tap)")
{
    Kiosk k(fees_config());
    k.c.on_touch(0);
    open_bill(k, 0);
    const auto create = create_order(k, 0);
    CHECK(create.second.bill_ids.size() == 2);
    CHECK(k.fees().step == FeesStep::Choose);
}
