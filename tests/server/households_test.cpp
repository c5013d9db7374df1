// POST /v1/households/verify: any service's household check at a kiosk. The
// same guard as the fee lookup: wrong digits here and there count together.
#include "api_client.hpp"
#include "in_process_server.hpp"

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

nlohmann::json claim(const char* unit, const char* last4, const std::string& session)
{
    return {{"unit_id", unit}, {"phone_last4", last4}, {"session_id", session}};
}

} // namespace

TEST_CASE("households verify: the right digits give a token for this unit, the masked owner and when it expires") {
    InProcessServer server;
    Api api(server.port(), lobby1_token);
    const Reply r = api.post("/v1/households/verify", claim("3-2-1502", "5678", "session-hv-ok"));
    REQUIRE(r.status == 200);
    const auto v = r.as<p::HouseholdVerification>();
    CHECK(v.unit_id == "3-2-1502");
    CHECK(v.owner_masked == "张*");
    CHECK(v.verification_token.size() == 32);
    CHECK(v.expires_at == server.clock().now() + 600);
    CHECK(r.body.find("5678") == std::string::npos);

    // The token proves the household for what needs it: a payment order of this unit.
    const auto bills = api.post("/v1/fees/lookup", claim("3-2-1502", "5678", "session-hv-ok")).as<p::FeeLookupResult>().bills;
    std::string open_bill;
    for (const auto& b : bills)
        if (b.status != "paid" && open_bill.empty()) open_bill = b.id;
    REQUIRE(!open_bill.empty());
    CHECK(api.create("/v1/payment-orders", {{"unit_id", "3-2-1502"}, {"bill_ids", {open_bill}},
                                            {"verification_token", v.verification_token}}).status == 201);
    // ... and not of another unit.
    CHECK(api.create("/v1/payment-orders", {{"unit_id", "5-3-2202"}, {"bill_ids", {open_bill}},
                                            {"verification_token", v.verification_token}}).status == 403);
}

TEST_CASE("households verify: wrong digits count toward the same waits and unit lock as fee lookups") {
    InProcessServer server([](lobby::server::ServerConfig& c) { c.lockout_seconds = 120; });
    Api api(server.port(), lobby1_token);
    // One person's session: two wrong here, the third at the fee lookup -> the wait.
    for (int attempt = 1; attempt <= 2; ++attempt) {
        const Reply r = api.post("/v1/households/verify", claim("3-2-1502", "0000", "session-mixed"));
        REQUIRE(r.status == 403);
        CHECK(r.error_code() == "phone_mismatch");
        CHECK(r.as<p::ErrorBody>().attempts_left == 3 - attempt);
    }
    const Reply third = api.post("/v1/fees/lookup", claim("3-2-1502", "0000", "session-mixed"));
    REQUIRE(third.status == 403);
    CHECK(third.as<p::ErrorBody>().locked_until.has_value());
    // Waiting, the right digits are refused at either door.
    const Reply waiting = api.post("/v1/households/verify", claim("3-2-1502", "5678", "session-mixed"));
    CHECK(waiting.status == 429);
    CHECK(waiting.error_code() == "too_many_attempts");

    // The unit's count: 3 so far; six more from fresh sessions at the fee lookup,
    // and the tenth, here, locks the unit everywhere.
    for (int n = 0; n < 6; ++n)
        REQUIRE(api.post("/v1/fees/lookup", claim("3-2-1502", "0000", "session-f" + std::to_string(n) + "00")).status == 403);
    const Reply locked = api.post("/v1/households/verify", claim("3-2-1502", "0000", "session-h-last"));
    REQUIRE(locked.status == 423);
    CHECK(locked.error_code() == "unit_locked");
    REQUIRE(locked.as<p::ErrorBody>().locked_until.has_value());
    CHECK(api.post("/v1/fees/lookup", claim("3-2-1502", "5678", "session-right")).status == 423);
    CHECK(api.post("/v1/households/verify", claim("3-2-1502", "5678", "session-right")).status == 423);
    // Staff lift it (the fees lockout endpoint is the one for both).
    Api staff(server.port(), staff_token);
    CHECK(staff.del("/v1/fees/lockouts/3-2-1502").status == 200);
    CHECK(api.post("/v1/households/verify", claim("3-2-1502", "5678", "session-right")).status == 200);
}

TEST_CASE("households verify: unknown unit 404, malformed digits 422, bad JSON 400; the server stays up") {
    InProcessServer server;
    Api api(server.port(), lobby1_token);
    const Reply unknown = api.post("/v1/households/verify", claim("9-9-909", "1234", "session-unknown"));
    CHECK(unknown.status == 404);
    CHECK(unknown.error_code() == "unknown_unit");
    CHECK(api.post("/v1/households/verify", claim("3-2-1502", "567", "session-short")).status == 422);
    CHECK(api.post("/v1/households/verify", {{"unit_id", "3-2-1502"}, {"phone_last4", 5678}}).status == 422);
    const Reply bad = api.post("/v1/households/verify", std::string("{\"unit_id\":"));
    CHECK(bad.status == 400);
    CHECK(bad.error_code() == "bad_json");
    CHECK(api.post("/v1/households/verify", claim("1-1-801", "1234", "session-after")).status == 200);
    // Without a kiosk's token: refused.
    Api anonymous(server.port(), "");
    CHECK(anonymous.post("/v1/households/verify", claim("1-1-801", "1234", "session-anon")).status == 401);
}

TEST_CASE("households verify: a lock ends by itself after lockout_seconds") {
    InProcessServer server([](lobby::server::ServerConfig& c) { c.lockout_seconds = 120; });
    Api api(server.port(), lobby1_token);
    Reply r;
    for (int i = 0; i < 10; ++i)
        r = api.post("/v1/households/verify", claim("1-1-801", "9999", "session-" + std::to_string(i / 3) + "-end"));
    REQUIRE(r.status == 423);
    server.clock().advance(60);
    CHECK(api.post("/v1/households/verify", claim("1-1-801", "1234", "session-end-ok")).status == 423);
    server.clock().advance(61);
    CHECK(api.post("/v1/households/verify", claim("1-1-801", "1234", "session-end-ok")).status == 200);
}
