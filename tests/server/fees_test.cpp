// Fee lookup: phone-last-4 verification, totals, waits and the unit lock after failures.
#include "api_client.hpp"
#include "in_process_server.hpp"


using namespace lobby::test;
namespace p = lobby::protocol;

TEST_CASE("the demo arrears unit shows its bills and totals in fen") {
    Api api(shared_server().port(), lobby1_token);
    const Reply r = api.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}});
    REQUIRE(r.status == 200);
    const auto result = r.as<p::FeeLookupResult>();
    CHECK(result.unit.owner_masked == "张*");
    CHECK(result.bills.size() >= 60);
    std::int64_t due = 0, late = 0, open = 0;
    bool has_partial = false;
    for (const auto& b : result.bills) {
        CHECK(b.unit_id == "3-2-1502");
        due += b.amount_fen - b.paid_fen;
        if (b.late) late += b.amount_fen - b.paid_fen;
        open += b.status != "paid";
        has_partial = has_partial || b.status == "partial";
    }
    CHECK(result.total_due_fen == due);
    CHECK(result.late_due_fen == late);
    CHECK(result.unpaid_count == open);
    CHECK(result.total_due_fen > 0);
    CHECK(has_partial);
    CHECK(r.body.find("13812345678") == std::string::npos);
}

TEST_CASE("a tenant's phone verifies too, a fully paid unit owes nothing") {
    Api api(shared_server().port(), lobby1_token);
    CHECK(api.post("/v1/fees/lookup", {{"unit_id", "5-3-2202"}, {"phone_last4", "1357"}}).status == 200);
    const Reply paid = api.post("/v1/fees/lookup", {{"unit_id", "1-1-801"}, {"phone_last4", "1234"}});
    REQUIRE(paid.status == 200);
    CHECK(paid.as<p::FeeLookupResult>().total_due_fen == 0);
}

TEST_CASE("lookup refusals: unknown unit 404, malformed digits 422") {
    Api api(shared_server().port(), lobby1_token);
    CHECK(api.post("/v1/fees/lookup", {{"unit_id", "9-9-909"}, {"phone_last4", "1234"}}).status == 404);
    CHECK(api.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "567"}}).status == 422);
    CHECK(api.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", 5678}}).status == 422);
}

TEST_CASE("a session's wrong last-4 wait after three; ten within the hour lock the unit until locked_until") {
    InProcessServer server([](lobby::server::ServerConfig& c) { c.lockout_seconds = 120; });
    Api api(server.port(), lobby1_token);
    const auto wrong = [](const std::string& session) {
        return nlohmann::json{{"unit_id", "3-2-1502"}, {"phone_last4", "0000"}, {"session_id", session}};
    };
    const nlohmann::json right = {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}, {"session_id", "session-right"}};
    for (int attempt = 1; attempt <= 3; ++attempt) {
        const Reply r = api.post("/v1/fees/lookup", wrong("session-0001"));
        REQUIRE(r.status == 403);
        CHECK(r.error_code() == "phone_mismatch");
        CHECK(r.as<p::ErrorBody>().attempts_left == 3 - attempt);
        CHECK(r.as<p::ErrorBody>().locked_until.has_value() == (attempt == 3));
    }
    // Waiting: refused before the digits are looked at, the right ones too.
    const nlohmann::json right_same_session = {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"},
                                               {"session_id", "session-0001"}};
    CHECK(api.post("/v1/fees/lookup", right_same_session).status == 429);
    // Seven more wrong tries from fresh sessions: the tenth locks the unit.
    for (int n = 0; n < 6; ++n) REQUIRE(api.post("/v1/fees/lookup", wrong("session-1" + std::to_string(n) + "00")).status == 403);
    const Reply locked = api.post("/v1/fees/lookup", wrong("session-2000"));
    REQUIRE(locked.status == 423);
    CHECK(locked.error_code() == "unit_locked");
    const auto until = locked.as<p::ErrorBody>().locked_until;
    REQUIRE(until.has_value());
    CHECK(*until >= server.clock().now() + 119);
    // Even the right digits are refused while locked; other units are not affected.
    CHECK(api.post("/v1/fees/lookup", right).status == 423);
    CHECK(api.post("/v1/fees/lookup", {{"unit_id", "1-1-801"}, {"phone_last4", "1234"}}).status == 200);
    server.clock().advance(60);
    CHECK(api.post("/v1/fees/lookup", right).status == 423);  // half-way: still locked
    server.clock().advance(61);
    CHECK(api.post("/v1/fees/lookup", right).status == 200);
    // A success resets the unit's count: nine more wrong tries do not lock it.
    for (int n = 0; n < 9; ++n)
        CHECK(api.post("/v1/fees/lookup", wrong("session-3" + std::to_string(n) + "00")).status == 403);
}

TEST_CASE("the default unit lock is 15 minutes") {
    OfficeServerProcess server;
    Api api(server.port(), lobby1_token);
    Reply r;
    // Three tries per session stay within the free tries: only the unit count acts.
    for (int i = 0; i < 10; ++i)
        r = api.post("/v1/fees/lookup", {{"unit_id", "1-1-801"}, {"phone_last4", "9999"},
                                         {"session_id", "session-" + std::to_string(i / 3) + "-default"}});
    REQUIRE(r.status == 423);
    const auto until = *r.as<p::ErrorBody>().locked_until;
    CHECK(until >= p::now_utc() + 15 * 60 - 5);
    CHECK(until <= p::now_utc() + 15 * 60 + 5);
}
