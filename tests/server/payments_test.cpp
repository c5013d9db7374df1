// Payment orders, the demo pay page, and what paying does to bills.
#include "api_client.hpp"
#include "in_process_server.hpp"


using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

// The token of the last lookup, which a payment order must carry.
std::string g_token;

std::vector<p::Bill> open_bills(Api& api, const char* unit, const char* last4) {
    const auto result = api.post("/v1/fees/lookup", {{"unit_id", unit}, {"phone_last4", last4}}).as<p::FeeLookupResult>();
    g_token = result.verification_token.value_or("");
    std::vector<p::Bill> out;
    for (const auto& b : result.bills)
        if (b.status != "paid") out.push_back(b);
    return out;
}

std::string path_of(const std::string& url) { return url.substr(url.find("/pay/")); }

} // namespace

TEST_CASE("an order for open bills is paid on the pay page and the bills become paid") {
    OfficeServerProcess server;
    Api api(server.port(), lobby1_token);
    const auto bills = open_bills(api, "3-2-1502", "5678");
    REQUIRE(bills.size() >= 2);
    const std::int64_t expected = (bills[0].amount_fen - bills[0].paid_fen) + (bills[1].amount_fen - bills[1].paid_fen);
    const Reply created = api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"}, {"bill_ids", {bills[0].id, bills[1].id}}, {"verification_token", g_token}});
    REQUIRE(created.status == 201);
    const auto order = created.as<p::PaymentOrder>();
    CHECK(order.status == "pending");
    CHECK(order.amount_fen == expected);
    CHECK(order.qr_payload == server.base_url() + "/pay/" + order.id);
    CHECK(order.expires_at > order.created_at);
    CHECK(api.get("/v1/payment-orders/" + order.id).as<p::PaymentOrder>().status == "pending");

    std::int64_t cursor = 0;
    pull_feed(api, 0, 1000, &cursor);

    httplib::Client phone("127.0.0.1", server.port());
    auto page = phone.Get(path_of(order.qr_payload).c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("<form") != std::string::npos);
    // The expiry is shown in the estate's time, not UTC.
    CHECK(page->body.find("有效期至 " + p::format_hh_mm_shanghai(order.expires_at) + " (北京时间)") != std::string::npos);
    auto paid = phone.Post(path_of(order.qr_payload).c_str(), "", "application/x-www-form-urlencoded");
    REQUIRE(paid);
    CHECK(paid->status == 200);
    CHECK(paid->body.find("支付成功") != std::string::npos);

    const auto after = api.get("/v1/payment-orders/" + order.id).as<p::PaymentOrder>();
    CHECK(after.status == "paid");
    CHECK(after.paid_at.has_value());
    const auto remaining = open_bills(api, "3-2-1502", "5678");
    CHECK(remaining.size() == bills.size() - 2);

    // Both bills reach kiosks as paid through the feed.
    const auto changes = api.get("/v1/changes?since=" + std::to_string(cursor)).as<p::ChangesPage>();
    int paid_bills = 0;
    for (const auto& c : changes.changes)
        if (c.collection == "bills" && c.data["status"] == "paid") ++paid_bills;
    CHECK(paid_bills == 2);

    auto again = phone.Post(path_of(order.qr_payload).c_str(), "", "application/x-www-form-urlencoded");
    REQUIRE(again);
    CHECK(again->status == 409);
    auto page_again = phone.Get(path_of(order.qr_payload).c_str());
    REQUIRE(page_again);
    CHECK(page_again->body.find("<form") == std::string::npos);  // no pay button on a paid order

    const Reply stale = api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"}, {"bill_ids", {bills[0].id}}, {"verification_token", g_token}});
    CHECK(stale.status == 409);
    CHECK(stale.error_code() == "bills_already_paid");
}

TEST_CASE("two orders for the same bill: the second cannot be paid after the first") {
    OfficeServerProcess server;
    Api api(server.port(), lobby1_token);
    const auto bills = open_bills(api, "5-3-2202", "2468");
    REQUIRE_FALSE(bills.empty());
    const auto a = api.create("/v1/payment-orders", {{"unit_id", "5-3-2202"}, {"bill_ids", {bills[0].id}}, {"verification_token", g_token}}).as<p::PaymentOrder>();
    const auto b = api.create("/v1/payment-orders", {{"unit_id", "5-3-2202"}, {"bill_ids", {bills[0].id}}, {"verification_token", g_token}}).as<p::PaymentOrder>();
    httplib::Client phone("127.0.0.1", server.port());
    REQUIRE(phone.Post(("/pay/" + a.id).c_str(), "", "text/plain")->status == 200);
    CHECK(phone.Post(("/pay/" + b.id).c_str(), "", "text/plain")->status == 409);
    CHECK(api.get("/v1/payment-orders/" + b.id).as<p::PaymentOrder>().status == "pending");
}

TEST_CASE("an expired order is reported as expired and cannot be paid") {
    InProcessServer server;  // default lifetime: 15 minutes
    Api api(server.port(), lobby1_token);
    const auto bills = open_bills(api, "3-2-1502", "5678");
    const auto order = api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"}, {"bill_ids", {bills[0].id}}, {"verification_token", g_token}}).as<p::PaymentOrder>();
    CHECK(order.expires_at == order.created_at + 15 * 60);
    server.clock().advance(15 * 60 - 5);
    CHECK(api.get("/v1/payment-orders/" + order.id).as<p::PaymentOrder>().status == "pending");
    server.clock().advance(10);
    CHECK(api.get("/v1/payment-orders/" + order.id).as<p::PaymentOrder>().status == "expired");
    httplib::Client phone("127.0.0.1", server.port());
    auto r = phone.Post(("/pay/" + order.id).c_str(), "", "text/plain");
    REQUIRE(r);
    CHECK(r->status == 410);
    CHECK(open_bills(api, "3-2-1502", "5678").size() == bills.size());
}

TEST_CASE("payment order refusals") {
    Api api(shared_server().port(), lobby1_token);
    const auto bills = open_bills(api, "3-2-1502", "5678");
    REQUIRE_FALSE(bills.empty());
    // No verification of an unknown unit can exist.
    CHECK(api.create("/v1/payment-orders", {{"unit_id", "0-0-0"}, {"bill_ids", {bills[0].id}}, {"verification_token", g_token}}).status == 403);
    // A bill of another unit (verified for 1-1-801), an unknown bill, a duplicate, an empty list.
    const std::string token_1502 = g_token;
    open_bills(api, "1-1-801", "1234");
    CHECK(api.create("/v1/payment-orders", {{"unit_id", "1-1-801"}, {"bill_ids", {bills[0].id}}, {"verification_token", g_token}}).status == 422);
    g_token = token_1502;
    CHECK(api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"}, {"bill_ids", {"B-nope"}}, {"verification_token", g_token}}).status == 422);
    CHECK(api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"}, {"bill_ids", {bills[0].id, bills[0].id}}, {"verification_token", g_token}}).status == 422);
    CHECK(api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"}, {"bill_ids", nlohmann::json::array()}, {"verification_token", g_token}}).status == 422);
    CHECK(api.get("/v1/payment-orders/PO-0000").error_code() == "unknown_order");
    httplib::Client phone("127.0.0.1", shared_server().port());
    CHECK(phone.Get("/pay/PO-0000")->status == 404);
    CHECK(phone.Post("/pay/PO-0000", "", "text/plain")->status == 404);
}

TEST_CASE("--public-url sets the base of the QR payload") {
    OfficeServerProcess server({true, "", {"--public-url", "https://pay.cuihu.example"}});
    Api api(server.port(), lobby1_token);
    const auto bills = open_bills(api, "3-2-1502", "5678");
    const auto order = api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"}, {"bill_ids", {bills[0].id}}, {"verification_token", g_token}}).as<p::PaymentOrder>();
    CHECK(order.qr_payload == "https://pay.cuihu.example/pay/" + order.id);
}

TEST_CASE("a paid order links its receipt page: unit, Shanghai time, masked payer and items; the link opens that receipt only") {
    OfficeServerProcess server;
    Api api(server.port(), lobby1_token);
    const auto lookup = api.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}}).as<p::FeeLookupResult>();
    const auto bills = open_bills(api, "3-2-1502", "5678");
    REQUIRE(bills.size() >= 2);
    const auto first = api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"}, {"bill_ids", {bills[0].id}}, {"verification_token", g_token}}).as<p::PaymentOrder>();
    const auto second = api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"}, {"bill_ids", {bills[1].id}}, {"verification_token", g_token}}).as<p::PaymentOrder>();
    CHECK_FALSE(first.receipt_url.has_value());  // no receipt before it is paid

    httplib::Client phone("127.0.0.1", server.port());
    for (const auto* order : {&first, &second}) {
        auto paid = phone.Post(path_of(order->qr_payload).c_str(), "", "application/x-www-form-urlencoded");
        REQUIRE(paid);
        REQUIRE(paid->status == 200);
    }
    const auto a = api.get("/v1/payment-orders/" + first.id).as<p::PaymentOrder>();
    const auto b = api.get("/v1/payment-orders/" + second.id).as<p::PaymentOrder>();
    REQUIRE(a.receipt_url.has_value());
    REQUIRE(b.receipt_url.has_value());
    const std::string prefix = server.base_url() + "/receipts/" + a.id + "?t=";
    REQUIRE(a.receipt_url->rfind(prefix, 0) == 0);
    const std::string token = a.receipt_url->substr(prefix.size());
    const std::string path = "/receipts/" + a.id + "?t=" + token;

    auto page = phone.Get(path.c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find(a.id) != std::string::npos);
    CHECK(page->body.find("3栋2单元1502") != std::string::npos);
    CHECK(page->body.find(p::format_date_shanghai(*a.paid_at) + " " + p::format_hh_mm_shanghai(*a.paid_at) + "（北京时间") !=
          std::string::npos);
    CHECK(page->body.find("缴费户 Household</td><td>" + lookup.unit.owner_masked + "<") != std::string::npos);
    CHECK(lookup.unit.owner_masked.find('*') != std::string::npos);
    CHECK(page->body.find(bills[0].period) != std::string::npos);

    // Another order's token, a changed token, none at all, garbage: all the same 404.
    const std::string b_token = b.receipt_url->substr(b.receipt_url->find("?t=") + 3);
    std::string changed = token;
    changed[changed.size() / 2] = changed[changed.size() / 2] == 'A' ? 'B' : 'A';
    for (const std::string& wrong : {"/receipts/" + a.id + "?t=" + b_token, "/receipts/" + a.id + "?t=" + changed,
                                     "/receipts/" + a.id, "/receipts/" + a.id + "?t=%25%00zz", "/receipts/PO-none?t=" + token}) {
        auto refused = phone.Get(wrong.c_str());
        REQUIRE(refused);
        CHECK_MESSAGE(refused->status == 404, wrong);
        CHECK(refused->body.find(a.id) == std::string::npos);
    }
    auto own = phone.Get(("/receipts/" + b.id + "?t=" + b_token).c_str());
    REQUIRE(own);
    CHECK(own->status == 200);  // and the server is still up
}
