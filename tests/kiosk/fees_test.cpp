// Fees: money text, and the controller's fee flow driven by requests and the
// events a live request would deliver (no network here), plus its view model.
#include "core/config.hpp"
#include "core/controller.hpp"
#include "core/money.hpp"
#include "core/pin_guard.hpp"
#include "core/views.hpp"
#include "test_config.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {

KioskConfig fees_config()
{
    return test_kiosk_config();  // lockout 5 failures / 900 s, poll every 2000 ms
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
    return {"PO-1", {"B1", "B2"}, 43424, status, "http://127.0.0.1:1/pay/PO-1", 0};
}

// Opens Fees and types the digits for 3-2-1502; returns the lookup call's id.
std::uint64_t verify(Controller& c, const char* digits, std::int64_t now)
{
    if (c.state().session.screen() != ScreenId::Fees)
        c.apply(RequestOpenScreen{ScreenId::Fees}, now);
    c.apply(RequestFeesBuilding{3}, now);
    c.apply(RequestFeesEntrance{2}, now);
    c.apply(RequestFeesRoom{"3-2-1502"}, now);
    for (const char* d = digits; *d; ++d)
        c.apply(RequestFeesKey{*d}, now);
    c.apply(RequestFeesSubmit{}, now);
    auto calls = c.take_live_calls();
    REQUIRE(calls.size() == 1);
    const auto& lookup = std::get<CallFeeLookup>(calls.front());
    CHECK(lookup.unit_id == "3-2-1502");
    CHECK(lookup.last4 == digits);
    return lookup.id;
}

std::uint64_t open_bill(Controller& c, std::int64_t now, bool from_cache = false)
{
    const auto id = verify(c, "5678", now);
    c.apply_event(EventFeesLookupDone{id, CallOutcome::Ok, 0, 0, demo_lookup(from_cache)}, now);
    REQUIRE(c.state().session.fees.step == FeesStep::Bill);
    return id;
}

CallCreateOrder create_order(Controller& c, std::int64_t now)
{
    c.apply(RequestFeesChoose{}, now);
    c.apply(RequestFeesPay{}, now);
    auto calls = c.take_live_calls();
    REQUIRE(calls.size() == 1);
    return std::get<CallCreateOrder>(calls.front());
}

// Bill, order created and shown as a QR code (pending); the clock is at 0.
void show_qr(Controller& c)
{
    c.on_touch(0);
    open_bill(c, 0);
    const auto create = create_order(c, 0);
    c.apply_event(EventOrderDone{create.id, CallOutcome::Ok, order("pending")}, 0);
    REQUIRE(c.state().session.fees.step == FeesStep::Paying);
}

struct ViewFixture {
    KioskConfig config = fees_config();
    Catalog catalog;
    CachedData cache;
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
    FeesView build(const AppState& state, std::int64_t now_ms = 0, std::int64_t utc_s = 1795449600)
    {
        return build_views({state, config, catalog, sync, cache, utc_s, now_ms, 60}).fees;
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
    const KioskConfig config = fees_config();
    Controller c(config);
    const auto id = verify(c, "5678", 1000);
    const FeesSession& fees = c.state().session.fees;
    CHECK(fees.digits.empty());  // never kept on screen after submit
    CHECK(fees.awaiting_call == id);
    c.apply_event(EventFeesLookupDone{id, CallOutcome::Ok, 0, 0, demo_lookup()}, 1200);
    CHECK(fees.step == FeesStep::Bill);
    CHECK(fees.chosen == std::set<std::string>{"B1", "B2"});
}

TEST_CASE("fees: wrong digits say how many tries are left; the fifth locks the unit on the kiosk")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    for (int i = 1; i <= 4; ++i) {
        const auto id = verify(c, "0000", 1000);
        c.apply_event(EventFeesLookupDone{id, CallOutcome::WrongDigits, 5 - i, 0, {}}, 1000);
        CHECK(c.state().session.fees.notice == FeesNotice::WrongDigits);
        CHECK(c.state().session.fees.attempts_left == 5 - i);
    }
    // Offline the server's count is unknown (-1): the kiosk's own count still locks.
    const auto id = verify(c, "0000", 1000);
    c.apply_event(EventFeesLookupDone{id, CallOutcome::WrongDigits, -1, 0, {}}, 1000);
    CHECK(c.state().session.fees.notice == FeesNotice::Locked);
    CHECK(c.state().session.fees.locked_until_ms == 1000 + 900 * 1000);

    // Locked: even the right digits are not sent anywhere until it ends.
    c.apply(RequestFeesKey{'5'}, 2000);
    for (char d : std::string("678"))
        c.apply(RequestFeesKey{d}, 2000);
    c.apply(RequestFeesSubmit{}, 2000);
    CHECK(c.take_live_calls().empty());
    CHECK(c.state().session.fees.notice == FeesNotice::Locked);

    // After 15 minutes it may be tried again.
    verify(c, "5678", 1000 + 900 * 1000 + 1);
}

TEST_CASE("fees: the server's lock, an unknown unit and a server error are told apart")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    auto id = verify(c, "1111", 0);
    c.apply_event(EventFeesLookupDone{id, CallOutcome::Locked, 0, 1795450500, {}}, 0);
    CHECK(c.state().session.fees.notice == FeesNotice::Locked);
    CHECK(c.state().session.fees.locked_until_utc == 1795450500);

    ViewFixture f;
    FeesView view = f.build(c.state());
    CHECK(!view.keypad_enabled);
    CHECK(view.message.find("00:15") != std::string::npos);  // 16:15Z is 00:15 in Shanghai

    id = verify(c, "1111", 0);
    c.apply_event(EventFeesLookupDone{id, CallOutcome::UnknownUnit, 0, 0, {}}, 0);
    CHECK(c.state().session.fees.notice == FeesNotice::UnknownUnit);
    CHECK(f.build(c.state()).message.find("没有这个房号") != std::string::npos);

    id = verify(c, "1111", 0);
    c.apply_event(EventFeesLookupDone{id, CallOutcome::ServerError, 0, 0, {}}, 0);
    CHECK(c.state().session.fees.notice == FeesNotice::ServerError);
}

TEST_CASE("fees: an offline bill is shown as of the last sync and paying it explains the network is needed")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    open_bill(c, 0, true);
    c.apply(RequestFeesChoose{}, 0);
    CHECK(c.state().session.fees.step == FeesStep::Bill);
    CHECK(c.state().session.fees.notice == FeesNotice::PayNeedsNetwork);
    c.apply(RequestFeesPay{}, 0);
    CHECK(c.take_live_calls().empty());  // payment is never simulated offline

    ViewFixture f;
    f.sync.last_sync_utc = 1795449600;  // 00:00 in Shanghai
    FeesView view = f.build(c.state());
    CHECK(view.as_of_line.find("00:00") != std::string::npos);
    CHECK(view.message.find("联网") != std::string::npos);
}

TEST_CASE("fees: a failed order creation is retried with the same Idempotency-Key; other bills get a new key")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    open_bill(c, 0);
    const CallCreateOrder first = create_order(c, 0);
    CHECK(first.idempotency_key.size() == 36);
    CHECK(first.bill_ids == std::vector<std::string>{"B1", "B2"});
    c.apply_event(EventOrderDone{first.id, CallOutcome::ServerError, {}}, 0);
    CHECK(c.state().session.fees.notice == FeesNotice::OrderFailed);

    c.apply(RequestFeesPay{}, 0);
    auto retry = std::get<CallCreateOrder>(c.take_live_calls().at(0));
    CHECK(retry.idempotency_key == first.idempotency_key);
    c.apply_event(EventOrderDone{retry.id, CallOutcome::Offline, {}}, 0);

    c.apply(RequestFeesToggleBill{"B2"}, 0);
    c.apply(RequestFeesPay{}, 0);
    auto other = std::get<CallCreateOrder>(c.take_live_calls().at(0));
    CHECK(other.bill_ids == std::vector<std::string>{"B1"});
    CHECK(other.idempotency_key != first.idempotency_key);
}

TEST_CASE("fees: polling shows the QR until paid, keeps going through a network loss, then pulls and re-reads the bill")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    show_qr(c);
    CHECK(c.next_tick_ms(0) == 2000);

    c.tick(1999);
    CHECK(c.take_live_calls().empty());
    c.tick(2000);
    auto poll = std::get<CallPollOrder>(c.take_live_calls().at(0));
    CHECK(poll.order_id == "PO-1");
    c.tick(2500);
    CHECK(c.take_live_calls().empty());  // one poll at a time

    c.apply_event(EventOrderDone{poll.id, CallOutcome::Offline, {}}, 3000);
    CHECK(c.state().session.fees.step == FeesStep::Paying);
    CHECK(c.state().session.fees.notice == FeesNotice::PollFailing);
    c.tick(5000);
    poll = std::get<CallPollOrder>(c.take_live_calls().at(0));
    c.apply_event(EventOrderDone{poll.id, CallOutcome::Ok, order("paid")}, 5100);
    CHECK(c.state().session.fees.step == FeesStep::Paid);
    CHECK(c.state().session.fees.notice == FeesNotice::None);
    auto after = c.take_live_calls();
    REQUIRE(after.size() == 2);
    CHECK(std::holds_alternative<CallPullNow>(after[0]));
    const auto refresh = std::get<CallFeeLookup>(after[1]);

    FeeLookup paid = demo_lookup();
    paid.total_due_fen = 0;
    c.apply_event(EventFeesLookupDone{refresh.id, CallOutcome::Ok, 0, 0, paid}, 5200);
    ViewFixture f;
    FeesView view = f.build(c.state());
    CHECK(view.receipt_line.find("PO-1") != std::string::npos);
    CHECK(view.settled_line.find("全部缴清") != std::string::npos);
}

TEST_CASE("fees: an expired order says so and starting again re-reads the bill")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    show_qr(c);
    c.tick(2000);
    auto poll = std::get<CallPollOrder>(c.take_live_calls().at(0));
    c.apply_event(EventOrderDone{poll.id, CallOutcome::Ok, order("expired")}, 2100);
    CHECK(c.state().session.fees.step == FeesStep::Expired);
    c.apply(RequestFeesRestart{}, 2200);
    CHECK(c.state().session.fees.step == FeesStep::Bill);
    CHECK(!c.state().session.fees.order);
    CHECK(std::holds_alternative<CallFeeLookup>(c.take_live_calls().at(0)));
}

TEST_CASE("fees: bills paid elsewhere meanwhile (409) re-read the bill instead of paying twice")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    open_bill(c, 0);
    const auto create = create_order(c, 0);
    c.apply_event(EventOrderDone{create.id, CallOutcome::Conflict, {}}, 0);
    CHECK(c.state().session.fees.step == FeesStep::Bill);
    CHECK(c.state().session.fees.notice == FeesNotice::BillsChanged);
    CHECK(std::holds_alternative<CallFeeLookup>(c.take_live_calls().at(0)));
}

TEST_CASE("fees: Home and the idle timeout clear the unit, the bill and the order; late answers are ignored")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    c.on_touch(0);
    const auto id = open_bill(c, 0);
    c.apply(RequestHome{}, 0);
    CHECK(c.state().session.fees.unit_id.empty());
    CHECK(!c.state().session.fees.lookup);
    c.apply_event(EventFeesLookupDone{id, CallOutcome::Ok, 0, 0, demo_lookup()}, 0);
    CHECK(!c.state().session.fees.lookup);

    open_bill(c, 0);
    const auto lookup_id = verify(c, "5678", 0);  // a second lookup still in flight
    c.tick(60'000 + 20'000 + 1);
    CHECK(c.state().session.screen() == ScreenId::Home);
    CHECK(c.state().session.fees.verified_last4.empty());
    c.apply_event(EventFeesLookupDone{lookup_id, CallOutcome::Ok, 0, 0, demo_lookup()}, 90'000);
    CHECK(!c.state().session.fees.lookup);
}

TEST_CASE("fees: Back steps through the flow before leaving the screen")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    open_bill(c, 0);
    c.apply(RequestBack{}, 0);
    CHECK(c.state().session.fees.step == FeesStep::Room);
    CHECK(!c.state().session.fees.lookup);  // the bill is not one tap away
    c.apply(RequestBack{}, 0);
    c.apply(RequestBack{}, 0);
    CHECK(c.state().session.fees.step == FeesStep::Building);
    c.apply(RequestBack{}, 0);
    CHECK(c.state().session.screen() == ScreenId::Home);
}

TEST_CASE("fees view: the server's total is shown even when bills add up differently; late and partial in words")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    const auto id = verify(c, "5678", 0);
    FeeLookup lookup = demo_lookup();
    lookup.total_due_fen = 99999;  // the office's figure (e.g. a fee waived) wins
    c.apply_event(EventFeesLookupDone{id, CallOutcome::Ok, 0, 0, lookup}, 0);

    ViewFixture f;
    FeesView view = f.build(c.state());
    CHECK(view.total_amount == "¥999.99");
    CHECK(view.owner_line == "户主：张*");
    REQUIRE(view.groups.size() == 3);
    CHECK(view.groups[0].name == "物业管理费");
    CHECK(view.groups[0].lines[0].detail == "128.30㎡ × ¥2.80/㎡");
    CHECK(view.groups[0].lines[0].status.find("已逾期") != std::string::npos);
    CHECK(view.groups[1].lines[0].status == "部分已缴（已缴 ¥75.00）");
    CHECK(view.groups[2].lines[0].status == "已缴");
    CHECK(view.groups[0].explain_id == "fees.explain.management");
    CHECK(view.groups[1].explain_id.empty());  // no office text cached: no button

    c.apply(RequestFeesExplain{"management"}, 0);
    view = f.build(c.state());
    CHECK(view.explain.open);
    CHECK(view.explain.not_covered == "户内维修");
}

TEST_CASE("fees view: buildings, entrances and rooms come from the cached units")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    c.apply(RequestOpenScreen{ScreenId::Fees}, 0);
    ViewFixture f;
    FeesView view = f.build(c.state());
    REQUIRE(view.choices.size() == 1);
    CHECK(view.choices[0].id == "fees.building.3");
    c.apply(RequestFeesBuilding{3}, 0);
    c.apply(RequestFeesEntrance{2}, 0);
    view = f.build(c.state());
    REQUIRE(view.choices.size() == 2);
    CHECK(view.choices[0].label == "1502");
    CHECK(view.choices[1].unit_id == "3-2-1501");
}

TEST_CASE("config: [fees] lockout and polling, with the line named when a value is wrong")
{
    const std::string base = "[server]\ntoken = \"t\"\n[admin]\npin_sha256 = \"" + sha256_hex("2468") + "\"\n";
    auto ok = parse_config(base + "[fees]\nlockout_failures = 3\nlockout_s = 60\npoll_interval_ms = 1000\n", "k.toml");
    REQUIRE(ok.ok());
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
    const KioskConfig config = fees_config();
    Controller c(config);
    show_qr(c);
    c.tick(61'000);
    CHECK(!c.state().asking_still_there);
    c.tick(181'000);
    CHECK(c.state().asking_still_there);
    c.tick(201'001);
    CHECK(c.state().session.screen() == ScreenId::Home);
    CHECK(!c.state().session.fees.order);
}

TEST_CASE("fees view: a malformed bill period is shown as it came, never throws")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    const auto id = verify(c, "5678", 0);
    FeeLookup lookup = demo_lookup();
    lookup.bills[0].period = "2026-1x";  // std::stoi threw std::invalid_argument on this
    lookup.bills[1].period = "2026/10";
    c.apply_event(EventFeesLookupDone{id, CallOutcome::Ok, 0, 0, lookup}, 0);

    ViewFixture f;
    FeesView view;
    CHECK_NOTHROW(view = f.build(c.state()));
    REQUIRE(view.groups.size() == 3);
    CHECK(view.groups[0].lines[0].period == "2026-1x");
    CHECK(view.groups[1].lines[0].period == "2026/10");
    CHECK(view.groups[2].lines[0].period == "2026年9月");
}

TEST_CASE("views compare equal when built from the same inputs, and differ when what is drawn changes")
{
    const KioskConfig config = fees_config();
    Controller c(config);
    ViewFixture f;
    const auto build = [&](std::int64_t utc_s) {
        return build_views({c.state(), f.config, f.catalog, f.sync, f.cache, utc_s, 0, 60});
    };
    const Views a = build(1795449600), same = build(1795449600 + 30);  // same minute
    CHECK(a == same);
    CHECK(a != build(1795449600 + 60));  // the clock text turned
    f.sync.online = true;
    CHECK(a != build(1795449600));  // the network line changed
}
