// A real payment provider (issue 10): orders are created at WeChat Pay
// (APIv3 Native, simulated on loopback by tests/support/wechat_pay_simulator)
// and paid only by its signed, encrypted notify or, when the notify is lost,
// by asking it. Forged, tampered, replayed, stale and wrong-amount notifies
// are refused and change nothing.
#include "../server/api_client.hpp"
#include "../server/in_process_server.hpp"

#include "support/wechat_pay_simulator.hpp"

#include "support/time_scale.hpp"

#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

void use_simulator(lobby::server::ServerConfig& c, const WechatPaySimulator& wx) {
    c.wechat.mchid = wx.mchid;
    c.wechat.appid = wx.appid;
    c.wechat.merchant_serial = wx.merchant_serial;
    c.wechat.merchant_key_file = wx.merchant_key_file;
    c.wechat.platform_key_file = wx.platform_key_file;
    c.wechat.platform_serial = wx.platform_serial;
    c.wechat.apiv3_key_file = wx.apiv3_key_file;
    c.wechat.base_url = wx.base_url();
}

// The simulator, then a demo-estate office server in this process (its clock
// moves) using it as its WeChat Pay; both sign and check times on that clock.
// A verified lookup of 3-2-1502 by `kiosk`, then an order for its first open bill.
p::PaymentOrder order_first_open_bill_of(Api& kiosk) {
    const Reply lookup = kiosk.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}});
    REQUIRE(lookup.status == 200);
    const auto result = lookup.as<p::FeeLookupResult>();
    std::string bill;
    for (const auto& b : result.bills)
        if (b.status != "paid" && bill.empty()) bill = b.id;
    REQUIRE_FALSE(bill.empty());
    const Reply created = kiosk.create("/v1/payment-orders", {{"unit_id", "3-2-1502"}, {"bill_ids", {bill}},
                                                              {"verification_token", *result.verification_token}});
    REQUIRE_MESSAGE(created.status == 201, created.body);
    return created.as<p::PaymentOrder>();
}

struct WechatSetup {
    std::string dir = make_temp_dir("security-wechat");
    std::string db = dir + "/office.db";
    WechatPaySimulator wx;
    InProcessServer server{[this](lobby::server::ServerConfig& c) {
        c.db_path = db;
        use_simulator(c, wx);
    }};
    Api kiosk{server.port(), lobby1_token};

    WechatSetup() { wx.set_clock([this] { return server.clock().now(); }); }
    ~WechatSetup() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }

    p::PaymentOrder order_first_open_bill() { return order_first_open_bill_of(kiosk); }
    long long paid_fen_of(const p::PaymentOrder& o) {
        return db_int(db, "SELECT sum(paid_fen) FROM bills WHERE id = '" + o.bill_ids.at(0) + "'");
    }
    std::string status_of(const p::PaymentOrder& o) {
        return kiosk.get("/v1/payment-orders/" + o.id).as<p::PaymentOrder>().status;
    }
    // The order and its bill as they were: nothing was paid.
    void check_unpaid(const p::PaymentOrder& o, long long paid_before) {
        CHECK(status_of(o) == "pending");
        CHECK(paid_fen_of(o) == paid_before);
        CHECK(db_int(db, "SELECT count(*) FROM payment_orders WHERE paid_at IS NULL AND transaction_id IS NULL AND id = '" +
                             o.id + "'") == 1);
    }
};

std::string error_code_of(const WechatPaySimulator::Delivery& d) {
    const auto j = nlohmann::json::parse(d.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"].value("code", "") : "<" + d.body + ">";
}

} // namespace

TEST_CASE("payments: an order is created at WeChat Pay and paid by its signed notify; bills and feed follow") {
    WechatSetup s;
    const auto order = s.order_first_open_bill();
    // The QR is WeChat's code_url for this order, made with our signed request.
    const auto at_wx = s.wx.order(order.id);
    REQUIRE(at_wx);
    CHECK(order.qr_payload.rfind("weixin://wxpay/bizpayurl?pr=", 0) == 0);
    CHECK(order.qr_payload == at_wx->code_url);
    CHECK(at_wx->total_fen == order.amount_fen);
    CHECK(at_wx->notify_url == s.server.base_url() + "/v1/payments/wechat/notify");
    // WeChat Pay refuses payment after the order's own expiry, in Beijing time.
    const p::LocalTime beijing = p::to_shanghai(order.expires_at);
    char expected_expiry[40];
    std::snprintf(expected_expiry, sizeof expected_expiry, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", beijing.year,
                  beijing.month, beijing.day, beijing.hour, beijing.minute, beijing.second);
    CHECK(at_wx->time_expire == expected_expiry);
    CHECK(s.wx.creates() == 1);
    CHECK(s.wx.refused_signatures() == 0);
    // The simulator does check signatures: a request without ours is refused.
    httplib::Client raw("127.0.0.1", std::stoi(s.wx.base_url().substr(s.wx.base_url().rfind(':') + 1)));
    auto forged = raw.Post("/v3/pay/transactions/native", {{"Authorization", "WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\""}},
                           "{}", "application/json");
    REQUIRE(forged);
    CHECK(forged->status == 401);
    CHECK(s.wx.refused_signatures() == 1);

    // A WeChat Pay server has no demo pay page, even with the demo estate.
    httplib::Client phone("127.0.0.1", s.server.port());
    auto page = phone.Post(("/pay/" + order.id).c_str(), "", "application/x-www-form-urlencoded");
    REQUIRE(page);
    CHECK(page->status == 404);

    std::int64_t since = 0;
    pull_feed(s.kiosk, 0, 1000, &since);
    const long long before = s.paid_fen_of(order);
    CHECK(s.status_of(order) == "pending");

    const auto delivery = WechatPaySimulator::deliver(s.wx.pay(order.id));
    CHECK(delivery.status == 204);
    CHECK(delivery.body.empty());
    const auto paid = s.kiosk.get("/v1/payment-orders/" + order.id).as<p::PaymentOrder>();
    CHECK(paid.status == "paid");
    CHECK(paid.paid_at.has_value());
    CHECK(s.paid_fen_of(order) == before + order.amount_fen);
    CHECK(db_int(s.db, "SELECT count(*) FROM payment_orders WHERE transaction_id = '" + s.wx.order(order.id)->transaction_id +
                           "'") == 1);
    // The bill is re-published to the kiosks, paid, as the demo page does.
    bool bill_in_feed = false;
    for (const auto& c : pull_feed(s.kiosk, since))
        if (c.collection == "bills" && c.key == order.bill_ids.at(0)) {
            bill_in_feed = true;
            CHECK(c.data.value("status", std::string()) == "paid");
        }
    CHECK(bill_in_feed);
    const Reply lookup = s.kiosk.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}});
    for (const auto& b : lookup.as<p::FeeLookupResult>().bills)
        if (b.id == order.bill_ids.at(0)) CHECK(b.status == "paid");
}

TEST_CASE("attack: a notify not signed by WeChat Pay's platform key is refused and changes nothing") {
    WechatSetup s;
    const auto order = s.order_first_open_bill();
    const long long before = s.paid_fen_of(order);

    SUBCASE("signed with a forger's key") {
        NotifyTweaks forge;
        forge.sign_with_stranger_key = true;
        const auto d = WechatPaySimulator::deliver(s.wx.pay(order.id, forge));
        CHECK(d.status == 401);
        CHECK(error_code_of(d) == "bad_signature");
        CHECK(nlohmann::json::parse(d.body).value("code", "") == "FAIL");  // what WeChat Pay reads
    }
    SUBCASE("the body changed after signing") {
        auto n = s.wx.pay(order.id);
        n.body.replace(n.body.find("支付成功"), std::string("支付成功").size(), "payment");
        CHECK(WechatPaySimulator::deliver(n).status == 401);
    }
    SUBCASE("no signature headers at all") {
        auto n = s.wx.pay(order.id);
        n.headers.clear();
        CHECK(WechatPaySimulator::deliver(n).status == 401);
    }
    SUBCASE("another platform key serial") {
        auto n = s.wx.pay(order.id);
        n.headers.erase("Wechatpay-Serial");
        n.headers.emplace("Wechatpay-Serial", "PUB_KEY_ID_0000000000000000000000000000000000");
        CHECK(WechatPaySimulator::deliver(n).status == 401);
    }
    s.check_unpaid(order, before);
}

TEST_CASE("attack: a tampered encrypted resource is refused, even when signed") {
    // A flipped ciphertext byte breaks the platform signature first; signed
    // anyway (as if the platform key had leaked), the AES-GCM tag under the
    // APIv3 key still refuses it.
    WechatSetup s;
    const auto order = s.order_first_open_bill();
    const long long before = s.paid_fen_of(order);
    NotifyTweaks tamper;
    tamper.flip_ciphertext_byte = true;
    const auto d = WechatPaySimulator::deliver(s.wx.pay(order.id, tamper));
    CHECK(d.status == 400);
    CHECK(error_code_of(d) == "bad_notify");
    s.check_unpaid(order, before);
}

TEST_CASE("attack: a replayed notify is refused and pays nothing twice") {
    WechatSetup s;
    const auto order = s.order_first_open_bill();
    const long long before = s.paid_fen_of(order);
    const auto notify = s.wx.pay(order.id);
    CHECK(WechatPaySimulator::deliver(notify).status == 204);
    CHECK(s.paid_fen_of(order) == before + order.amount_fen);
    const long long feed_seq = db_int(s.db, "SELECT value FROM seq_counter");

    // The same bytes again (a captured notify): refused by its nonce.
    const auto replay = WechatPaySimulator::deliver(notify);
    CHECK(replay.status == 401);
    CHECK(error_code_of(replay) == "replayed_notify");
    // WeChat Pay's own retry (fresh nonce, same transaction): acknowledged so
    // it stops, with no second effect.
    CHECK(WechatPaySimulator::deliver(s.wx.renotify(order.id)).status == 204);
    CHECK(s.paid_fen_of(order) == before + order.amount_fen);
    CHECK(db_int(s.db, "SELECT value FROM seq_counter") == feed_seq);
    CHECK(s.status_of(order) == "paid");
}

TEST_CASE("attack: a notify older than 5 minutes is refused") {
    WechatSetup s;
    const auto order = s.order_first_open_bill();
    const long long before = s.paid_fen_of(order);
    SUBCASE("held back and delivered later") {
        const auto notify = s.wx.pay(order.id);
        s.server.clock().advance(5 * 60 + 1);
        const auto d = WechatPaySimulator::deliver(notify);
        CHECK(d.status == 401);
        CHECK(error_code_of(d) == "bad_signature");
    }
    SUBCASE("dated in the past or the future") {
        NotifyTweaks old;
        old.timestamp_offset_s = -(5 * 60 + 1);
        CHECK(WechatPaySimulator::deliver(s.wx.pay(order.id, old)).status == 401);
        NotifyTweaks future;
        future.timestamp_offset_s = 5 * 60 + 1;
        CHECK(WechatPaySimulator::deliver(s.wx.pay(order.id, future)).status == 401);
    }
    // Refused notifies are not applied, not even by the kiosk's next poll.
    CHECK(s.paid_fen_of(order) == before);
    CHECK(db_int(s.db, "SELECT count(*) FROM payment_orders WHERE paid_at IS NULL AND id = '" + order.id + "'") == 1);
}

TEST_CASE("attack: a signed notify with another amount or merchant is refused") {
    WechatSetup s;
    const auto order = s.order_first_open_bill();
    const long long before = s.paid_fen_of(order);
    SUBCASE("one fen paid for the order") {
        NotifyTweaks cheap;
        cheap.total_fen = 1;
        const auto d = WechatPaySimulator::deliver(s.wx.pay(order.id, cheap));
        CHECK(d.status == 400);
        CHECK(error_code_of(d) == "amount_mismatch");
    }
    SUBCASE("one fen less") {
        NotifyTweaks less;
        less.total_fen = order.amount_fen - 1;
        CHECK(WechatPaySimulator::deliver(s.wx.pay(order.id, less)).status == 400);
    }
    SUBCASE("another merchant's payment") {
        NotifyTweaks other;
        other.mchid = "1900000001";
        const auto d = WechatPaySimulator::deliver(s.wx.pay(order.id, other));
        CHECK(d.status == 400);
        CHECK(error_code_of(d) == "bad_notify");
    }
    s.check_unpaid(order, before);
}

TEST_CASE("payments: a lost notify is recovered by asking WeChat Pay while the kiosk polls") {
    WechatSetup s;
    const auto order = s.order_first_open_bill();
    const long long before = s.paid_fen_of(order);
    const auto lost = s.wx.pay(order.id);  // paid at WeChat, the notify never arrives
    // A young order is not asked about: the notify usually comes first.
    CHECK(s.status_of(order) == "pending");
    CHECK(s.wx.queries() == 0);
    s.server.clock().advance(15);
    CHECK(s.status_of(order) == "paid");
    CHECK(s.wx.queries() == 1);
    CHECK(s.paid_fen_of(order) == before + order.amount_fen);
    // Once paid, no more queries; the late notify changes nothing.
    CHECK(s.status_of(order) == "paid");
    CHECK(s.wx.queries() == 1);
    CHECK(WechatPaySimulator::deliver(lost).status == 204);
    CHECK(s.paid_fen_of(order) == before + order.amount_fen);
}

TEST_CASE("payments: an unpaid order is asked about at most once per interval") {
    WechatSetup s;
    const auto order = s.order_first_open_bill();
    s.server.clock().advance(15);
    for (int i = 0; i < 5; ++i) CHECK(s.status_of(order) == "pending");
    CHECK(s.wx.queries() == 1);
    s.server.clock().advance(15);
    CHECK(s.status_of(order) == "pending");
    CHECK(s.wx.queries() == 2);
}

TEST_CASE("payments: without WeChat Pay or --demo a server takes no payment orders (503)") {
    const std::string dir = make_temp_dir("security-no-provider");
    const std::string db = dir + "/office.db";
    { OfficeServerProcess seed({true, db, {}}); }
    {
        OfficeServerProcess production({false, db, {}});
        Api api(production.port(), lobby1_token);
        const Reply lookup = api.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}});
        REQUIRE(lookup.status == 200);
        const auto result = lookup.as<p::FeeLookupResult>();
        std::string bill;
        for (const auto& b : result.bills)
            if (b.status != "paid") bill = b.id;
        const Reply r = api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"},
                                                          {"bill_ids", {bill}},
                                                          {"verification_token", *result.verification_token}});
        CHECK(r.status == 503);
        CHECK(r.error_code() == "payments_unavailable");
        CHECK(db_int(db, "SELECT count(*) FROM payment_orders") == 0);
        // No notify endpoint either.
        CHECK(api.post("/v1/payments/wechat/notify", std::string("{}")).status == 404);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("payments: the office server runs WeChat Pay from flags, and refuses key files others can read") {
    WechatPaySimulator wx;
    SUBCASE("flags") {
        OfficeServerProcess server({true, "", wx.server_flags()});
        Api api(server.port(), lobby1_token);
        const Reply lookup = api.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}});
        const auto result = lookup.as<p::FeeLookupResult>();
        std::string bill;
        for (const auto& b : result.bills)
            if (b.status != "paid") bill = b.id;
        const auto order = api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"},
                                                             {"bill_ids", {bill}},
                                                             {"verification_token", *result.verification_token}})
                               .as<p::PaymentOrder>();
        CHECK(order.qr_payload == wx.order(order.id)->code_url);
        CHECK(WechatPaySimulator::deliver(wx.pay(order.id)).status == 204);
        CHECK(api.get("/v1/payment-orders/" + order.id).as<p::PaymentOrder>().status == "paid");
        // No key material in the log.
        std::ifstream key_file(wx.apiv3_key_file);
        std::string apiv3_key;
        key_file >> apiv3_key;
        CHECK(server.log_tail().find(apiv3_key) == std::string::npos);
    }
    SUBCASE("an APIv3 key file group or others can read") {
        ::chmod(wx.apiv3_key_file.c_str(), 0644);
        std::string why;
        try {
            InProcessServer server([&](lobby::server::ServerConfig& c) { use_simulator(c, wx); });
        } catch (const std::exception& e) {
            why = e.what();
        }
        CHECK(why.find("chmod 600") != std::string::npos);
    }
    SUBCASE("a merchant key file group or others can read") {
        ::chmod(wx.merchant_key_file.c_str(), 0640);
        CHECK_THROWS(InProcessServer([&](lobby::server::ServerConfig& c) { use_simulator(c, wx); }));
    }
}

TEST_CASE("payments: a payment for bills paid meanwhile by another order is acknowledged, not applied twice") {
    // Two orders for the same bill (the person scanned twice); both get paid
    // at WeChat. The bill is paid once; the second payment stays on its
    // order for a refund, and WeChat Pay is told it arrived (no retries).
    WechatSetup s;
    const auto first = s.order_first_open_bill();
    const auto second = s.order_first_open_bill();
    REQUIRE(first.bill_ids == second.bill_ids);
    const long long before = s.paid_fen_of(first);
    CHECK(WechatPaySimulator::deliver(s.wx.pay(first.id)).status == 204);
    CHECK(WechatPaySimulator::deliver(s.wx.pay(second.id)).status == 204);
    CHECK(s.paid_fen_of(first) == before + first.amount_fen);
    CHECK(s.status_of(first) == "paid");
    CHECK(s.status_of(second) == "pending");
    CHECK(db_int(s.db, "SELECT count(*) FROM payment_orders WHERE unapplied_reason = 'bills_already_paid' AND transaction_id = '" +
                           s.wx.order(second.id)->transaction_id + "'") == 1);
    // Its kiosk's polls do not apply it later either.
    s.server.clock().advance(15);
    CHECK(s.status_of(second) == "pending");
    CHECK(s.wx.queries() == 0);
    CHECK(s.paid_fen_of(first) == before + first.amount_fen);
}

TEST_CASE("payments: a slow WeChat Pay does not hold up the server's other writes") {
    // The create call goes out before the write lock is taken: while WeChat
    // Pay sits on it, other kiosks' writes (a heartbeat, a repair) go through.
    WechatSetup s;
    const Reply lookup = s.kiosk.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}});
    const auto result = lookup.as<p::FeeLookupResult>();
    std::string bill;
    for (const auto& b : result.bills)
        if (b.status != "paid") bill = b.id;
    s.wx.hold_creates();
    auto pending = std::async(std::launch::async, [&] {
        Api kiosk(s.server.port(), lobby1_token);
        return kiosk.create("/v1/payment-orders",
                            {{"unit_id", "3-2-1502"}, {"bill_ids", {bill}}, {"verification_token", *result.verification_token}});
    });
    const auto deadline = std::chrono::steady_clock::now() + scaled(std::chrono::seconds(10));
    while (s.wx.creates_waiting() == 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));  // polling a condition
    REQUIRE_MESSAGE(s.wx.creates_waiting() == 1, "the create call never reached the simulator");

    Api other(s.server.port(), lobby2_token);
    const Reply beat = other.post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", 1}});
    CHECK(beat.status == 200);  // a write, answered while the create is held
    // The order's request is still waiting on WeChat Pay (with the lock held
    // during the call, the heartbeat waited until the create gave up).
    CHECK(pending.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);
    CHECK(s.wx.creates_waiting() == 1);

    s.wx.release_creates();
    const Reply created = pending.get();
    CHECK(created.status == 201);
    CHECK(created.as<p::PaymentOrder>().qr_payload.rfind("weixin://", 0) == 0);
}

TEST_CASE("payments: WeChat Pay's confirmation of an order that expired meanwhile still pays it") {
    // WeChat Pay refuses payment after time_expire, so a SUCCESS it reports
    // was taken in time; a notify arriving after our expiry must not lose it.
    WechatSetup s;
    const auto order = s.order_first_open_bill();
    const long long before = s.paid_fen_of(order);
    s.server.clock().advance(15 * 60 + 1);
    CHECK(s.status_of(order) == "expired");
    CHECK(WechatPaySimulator::deliver(s.wx.pay(order.id)).status == 204);
    CHECK(s.status_of(order) == "paid");
    CHECK(s.paid_fen_of(order) == before + order.amount_fen);
}

TEST_CASE("payments: an order of a second estate is created with that estate's notify_url and its notify pays it there") {
    const std::string dir = make_temp_dir("security-wechat-estates");
    WechatPaySimulator wx;
    InProcessServer server([&](lobby::server::ServerConfig& c) {
        c.db_path = dir + "/office.db";
        c.demo_estates = 1;
        use_simulator(c, wx);
    });
    wx.set_clock([&server] { return server.clock().now(); });
    Api kiosk(server.port(), std::string("e001.") + lobby1_token);
    const p::PaymentOrder order = order_first_open_bill_of(kiosk);
    REQUIRE(wx.order(order.id));
    CHECK(wx.order(order.id)->notify_url == server.base_url() + "/v1/payments/wechat/notify/e001");

    // The same signed notify sent to the home estate's path finds no such order there.
    SimulatedNotify at_home = wx.pay(order.id);
    const SimulatedNotify to_e001 = at_home;
    at_home.notify_url = server.base_url() + "/v1/payments/wechat/notify";
    CHECK(WechatPaySimulator::deliver(at_home).status == 400);
    SimulatedNotify nowhere = to_e001;
    nowhere.notify_url = server.base_url() + "/v1/payments/wechat/notify/e999";
    CHECK(WechatPaySimulator::deliver(nowhere).status == 404);
    CHECK(kiosk.get("/v1/payment-orders/" + order.id).as<p::PaymentOrder>().status == "pending");
    // At its own estate's path it pays the order, in that estate.
    CHECK(WechatPaySimulator::deliver(to_e001).status == 204);
    const auto paid = kiosk.get("/v1/payment-orders/" + order.id).as<p::PaymentOrder>();
    CHECK(paid.status == "paid");
    REQUIRE(paid.receipt_url.has_value());
    CHECK(paid.receipt_url->rfind(server.base_url() + "/receipts/e001/" + order.id + "?t=", 0) == 0);
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}
