// Money attacks (issue 10): the unauthenticated pay page outside a demo, a
// payment order without the kiosk's own fresh verification, reading another
// kiosk's order, order ids in the request log.
#include "../server/api_client.hpp"
#include "../server/in_process_server.hpp"

#include "sha256.hpp"

#include <chrono>
#include <filesystem>
#include <thread>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

struct Verified {
    std::vector<std::string> open_bill_ids;
    std::string token;
};

Verified verify(Api& api, const std::string& unit, const std::string& last4) {
    const Reply r = api.post("/v1/fees/lookup", {{"unit_id", unit}, {"phone_last4", last4}});
    REQUIRE(r.status == 200);
    const auto result = r.as<p::FeeLookupResult>();
    Verified v;
    v.token = result.verification_token.value_or("");
    for (const auto& b : result.bills)
        if (b.status != "paid") v.open_bill_ids.push_back(b.id);
    return v;
}

nlohmann::json order_body(const std::string& unit, const std::string& bill, const std::string& token) {
    nlohmann::json j{{"unit_id", unit}, {"bill_ids", {bill}}};
    if (!token.empty()) j["verification_token"] = token;
    return j;
}

} // namespace

TEST_CASE("attack: without --demo the pay page does not exist, so nobody marks an order paid by URL") {
    // Before: POST /pay/{order} marked any order paid with no authentication,
    // also on a production server. An order made on a demo server, then the
    // same database served without --demo: GET and POST /pay/{id} are 404.
    const std::string dir = make_temp_dir("security-pay-page");
    const std::string db = dir + "/office.db";
    std::string order_id;
    {
        OfficeServerProcess demo({true, db, {}});
        Api api(demo.port(), lobby1_token);
        const Verified v = verify(api, "3-2-1502", "5678");
        REQUIRE_FALSE(v.open_bill_ids.empty());
        const Reply created = api.create("/v1/payment-orders", order_body("3-2-1502", v.open_bill_ids[0], v.token));
        REQUIRE(created.status == 201);
        order_id = created.as<p::PaymentOrder>().id;
        REQUIRE(demo.terminate() == 0);
    }
    {
        OfficeServerProcess production({false, db, {}});
        httplib::Client phone("127.0.0.1", production.port());
        auto page = phone.Get(("/pay/" + order_id).c_str());
        REQUIRE(page);
        CHECK(page->status == 404);
        auto paid = phone.Post(("/pay/" + order_id).c_str(), "", "application/x-www-form-urlencoded");
        REQUIRE(paid);
        CHECK(paid->status == 404);
        CHECK(db_int(db, "SELECT count(*) FROM payment_orders WHERE id = '" + order_id + "' AND paid_at IS NULL") == 1);
        // The kiosk API still answers about the order.
        Api api(production.port(), lobby1_token);
        CHECK(api.get("/v1/payment-orders/" + order_id).as<p::PaymentOrder>().status == "pending");
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("attack: a payment order needs this kiosk's fresh verification of this unit") {
    // Before: any kiosk token created an order for any unit's bills without a lookup.
    OfficeServerProcess server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    const Verified v = verify(lobby1, "3-2-1502", "5678");
    REQUIRE_FALSE(v.open_bill_ids.empty());
    const std::string bill = v.open_bill_ids[0];
    // 128 bits of hex; only its hash is stored.
    CHECK(v.token.size() == 32);
    CHECK(v.token.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(db_int(server.db_path(), "SELECT count(*) FROM fee_verifications WHERE token_hash = '" + v.token + "'") == 0);
    CHECK(db_int(server.db_path(), "SELECT count(*) FROM fee_verifications WHERE token_hash = '" +
                                       lobby::server::sha256_hex(v.token) + "'") == 1);

    SUBCASE("no token") {
        const Reply r = lobby1.create("/v1/payment-orders", order_body("3-2-1502", bill, ""));
        CHECK(r.status == 403);
        CHECK(r.error_code() == "verification_required");
    }
    SUBCASE("a made-up token") {
        const Reply r = lobby1.create("/v1/payment-orders", order_body("3-2-1502", bill, std::string(32, 'a')));
        CHECK(r.status == 403);
        CHECK(r.error_code() == "verification_required");
    }
    SUBCASE("another kiosk's token (stolen or cloned token holder)") {
        const Reply r = lobby2.create("/v1/payment-orders", order_body("3-2-1502", bill, v.token));
        CHECK(r.status == 403);
        CHECK(r.error_code() == "verification_required");
    }
    SUBCASE("a token of another unit") {
        const Verified other = verify(lobby1, "1-1-801", "1234");
        const Reply r = lobby1.create("/v1/payment-orders", order_body("3-2-1502", bill, other.token));
        CHECK(r.status == 403);
        CHECK(r.error_code() == "verification_required");
    }
    SUBCASE("an unknown unit gets the same answer") {
        const Reply r = lobby1.create("/v1/payment-orders", order_body("0-0-0", bill, v.token));
        CHECK(r.status == 403);
        CHECK(r.error_code() == "verification_required");
    }
    SUBCASE("the right token works") {
        CHECK(lobby1.create("/v1/payment-orders", order_body("3-2-1502", bill, v.token)).status == 201);
    }
    CHECK(db_int(server.db_path(), "SELECT count(*) FROM payment_orders WHERE kiosk_id = 'lobby-2'") == 0);
}

TEST_CASE("attack: a verification token expires after 10 minutes") {
    const std::string dir = make_temp_dir("security-token-expiry");
    {
        InProcessServer server([&](lobby::server::ServerConfig& c) { c.db_path = dir + "/office.db"; });
        Api api(server.port(), lobby1_token);
        const Verified v = verify(api, "3-2-1502", "5678");
        server.clock().advance(10 * 60 + 1);
        const Reply late = api.create("/v1/payment-orders", order_body("3-2-1502", v.open_bill_ids.at(0), v.token));
        CHECK(late.status == 403);
        CHECK(late.error_code() == "verification_required");
        // A new lookup issues a fresh token. The old row stays for what the
        // outbox delivers within a day (ratings, survey answers), and is
        // purged by the first lookup after that.
        const Verified again = verify(api, "3-2-1502", "5678");
        CHECK(again.token != v.token);
        CHECK(db_int(dir + "/office.db", "SELECT count(*) FROM fee_verifications") == 2);
        CHECK(api.create("/v1/payment-orders", order_body("3-2-1502", again.open_bill_ids.at(0), again.token)).status ==
              201);
        server.clock().advance(24 * 3600);
        verify(api, "1-1-801", "1234");
        CHECK(db_int(dir + "/office.db", "SELECT count(*) FROM fee_verifications") == 1);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("attack: another kiosk cannot read an order, and cannot tell it exists") {
    // Before: GET /v1/payment-orders/{id} answered any kiosk token.
    OfficeServerProcess server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    const Verified v = verify(lobby1, "3-2-1502", "5678");
    const auto order =
        lobby1.create("/v1/payment-orders", order_body("3-2-1502", v.open_bill_ids.at(0), v.token)).as<p::PaymentOrder>();
    CHECK(lobby1.get("/v1/payment-orders/" + order.id).status == 200);
    const Reply other = lobby2.get("/v1/payment-orders/" + order.id);
    CHECK(other.status == 404);
    CHECK(other.error_code() == "unknown_order");
    const Reply missing = lobby2.get("/v1/payment-orders/PO-0000000000000000");
    CHECK(missing.status == 404);
    CHECK(missing.error_code() == "unknown_order");
    CHECK(other.body.find("3-2-1502") == std::string::npos);
}

TEST_CASE("attack: order ids are not written to the request log") {
    // Before: every GET /v1/payment-orders/{id} and /pay/{id} logged the id,
    // which is enough to open the pay page of someone's order.
    OfficeServerProcess server;
    Api api(server.port(), lobby1_token);
    const Verified v = verify(api, "3-2-1502", "5678");
    const auto order =
        api.create("/v1/payment-orders", order_body("3-2-1502", v.open_bill_ids.at(0), v.token)).as<p::PaymentOrder>();
    CHECK(api.get("/v1/payment-orders/" + order.id).status == 200);
    httplib::Client phone("127.0.0.1", server.port());
    REQUIRE(phone.Get(("/pay/" + order.id).c_str()));
    // The log line is written after the answer: wait for it.
    std::string log;
    for (int i = 0; i < 100; ++i) {
        log = server.log_tail();
        if (log.find("GET /pay/") != std::string::npos) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(log.find("GET /v1/payment-orders/*** 200") != std::string::npos);
    CHECK(log.find("GET /pay/*** 200") != std::string::npos);
    CHECK(log.find(order.id) == std::string::npos);
    CHECK(log.find(order.id.substr(3)) == std::string::npos);
    CHECK(log.find(v.token) == std::string::npos);
}
