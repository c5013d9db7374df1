// 查询进度 by unit: POST /v1/repairs/by-unit lists a household's own tickets
// for the person who has just verified it at this kiosk (the token of POST
// /v1/households/verify for that unit, minutes old) and for nobody else.
#include "api_client.hpp"
#include "in_process_server.hpp"

#include <set>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

std::string verify(Api& api, const char* unit, const char* last4) {
    const Reply r = api.post("/v1/households/verify",
                             {{"unit_id", unit}, {"phone_last4", last4}, {"session_id", "session-by-unit"}});
    REQUIRE(r.status == 200);
    return r.as<p::HouseholdVerification>().verification_token;
}

Reply list(Api& api, const std::string& unit, const std::string& token) {
    return api.post("/v1/repairs/by-unit", {{"unit_id", unit}, {"verification_token", token}});
}

// A ticket another kiosk files for `unit` (its own unit's report).
std::string file_at(Api& kiosk, const char* unit, const char* description) {
    const Reply r = kiosk.create("/v1/repairs", {{"unit_id", unit}, {"category", "plumbing"}, {"description", description},
                                                 {"location", "own_unit"}, {"contact_phone", "13812345678"},
                                                 {"follow_code", p::make_follow_code()}, {"client_ref", p::make_uuid_v4()}});
    REQUIRE(r.status == 201);
    return r.as<p::Ticket>().id;
}

} // namespace

TEST_CASE("by unit: the verified household's tickets, newest first, whichever kiosk filed them, and no other unit's") {
    InProcessServer server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    server.clock().advance(60);  // filed after the demo's history, so it is the newest
    const std::string elsewhere = file_at(lobby2, "3-2-1502", "阳台推拉门卡住");
    file_at(lobby2, "5-3-2202", "厨房下水道堵塞");

    const Reply r = list(lobby1, "3-2-1502", verify(lobby1, "3-2-1502", "5678"));
    REQUIRE(r.status == 200);
    const auto got = r.as<p::UnitTicketList>();
    CHECK(got.unit_id == "3-2-1502");
    // The demo's history for this unit is a real list: several tickets, one waiting for 验收.
    REQUIRE(got.tickets.size() >= 3);
    CHECK(got.tickets.front().id == elsewhere);
    bool waiting = false;
    for (std::size_t i = 0; i < got.tickets.size(); ++i) {
        const p::Ticket& t = got.tickets[i];
        CAPTURE(t.id);
        CHECK(t.unit_id == "3-2-1502");
        CHECK_FALSE(t.client_ref.has_value());
        CHECK_FALSE(t.timeline.empty());
        if (i > 0) CHECK(got.tickets[i - 1].created_at >= t.created_at);
        if (t.status == "awaiting_acceptance") {
            waiting = true;
            CHECK(t.worker_masked == "王*明");
        }
    }
    CHECK(waiting);
    // Names and phones stay in the office.
    CHECK(r.body.find("王小明") == std::string::npos);
    CHECK(r.body.find("13812345678") == std::string::npos);
    CHECK(r.body.find("5-3-2202") == std::string::npos);
    CHECK(r.body.find("厨房下水道堵塞") == std::string::npos);
}

TEST_CASE("by unit: the kiosk's token alone, another unit's verification, another kiosk's and an old one are refused") {
    InProcessServer server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);

    const Reply bare = lobby1.post("/v1/repairs/by-unit", {{"unit_id", "3-2-1502"}});
    CHECK(bare.status == 403);
    CHECK(bare.error_code() == "verification_required");

    // A household verified for 1-1-801 reads nothing of 3-2-1502.
    const std::string other = verify(lobby1, "1-1-801", "1234");
    const Reply wrong_unit = list(lobby1, "3-2-1502", other);
    CHECK(wrong_unit.status == 403);
    CHECK(wrong_unit.error_code() == "forbidden");
    CHECK(wrong_unit.body.find("R-") == std::string::npos);
    CHECK(list(lobby1, "1-1-801", other).status == 200);

    // A token made up, or another kiosk's for the very unit: as if never issued.
    const Reply made_up = list(lobby1, "3-2-1502", std::string(32, 'a'));
    CHECK(made_up.status == 401);
    CHECK(made_up.error_code() == "verification_expired");
    const std::string lobby2s = verify(lobby2, "3-2-1502", "5678");
    CHECK(list(lobby1, "3-2-1502", lobby2s).status == 401);
    CHECK(list(lobby2, "3-2-1502", lobby2s).status == 200);

    // Staff use their own queue.
    Api staff(server.port(), staff_token);
    CHECK(staff.post("/v1/repairs/by-unit", {{"unit_id", "3-2-1502"}, {"verification_token", lobby2s}}).status == 403);
    // No bearer token at all: the kiosk's 401, not a list.
    Api nobody(server.port(), "no-such-token");
    CHECK(nobody.post("/v1/repairs/by-unit", {{"unit_id", "3-2-1502"}, {"verification_token", lobby2s}}).error_code() ==
          "unauthorized");
}

TEST_CASE("by unit: a verification past its window is 401 verification_expired, saying to verify again") {
    InProcessServer server([](lobby::server::ServerConfig& c) { c.verification_ttl_seconds = 300; });
    Api lobby1(server.port(), lobby1_token);
    const std::string token = verify(lobby1, "3-2-1502", "5678");
    server.clock().advance(299);
    CHECK(list(lobby1, "3-2-1502", token).status == 200);
    server.clock().advance(2);
    const Reply old = list(lobby1, "3-2-1502", token);
    CHECK(old.status == 401);
    CHECK(old.error_code() == "verification_expired");
    CHECK(old.as<p::ErrorBody>().message.find("/v1/households/verify") != std::string::npos);
    CHECK(old.body.find("R-") == std::string::npos);
    // A fresh verification reads again.
    CHECK(list(lobby1, "3-2-1502", verify(lobby1, "3-2-1502", "5678")).status == 200);
}

TEST_CASE("by unit: bad bodies are clear JSON errors and the server stays up") {
    InProcessServer server;
    Api lobby1(server.port(), lobby1_token);
    const Reply garbage = lobby1.post("/v1/repairs/by-unit", std::string("{not json"));
    CHECK(garbage.status == 400);
    CHECK(garbage.error_code() == "bad_json");
    const Reply no_unit = lobby1.post("/v1/repairs/by-unit", {{"verification_token", "abc"}});
    CHECK(no_unit.status == 422);
    CHECK(no_unit.error_code() == "invalid_field");
    const Reply long_token = lobby1.post("/v1/repairs/by-unit", {{"unit_id", "3-2-1502"}, {"verification_token", std::string(500, 'x')}});
    CHECK(long_token.status == 422);
    CHECK(lobby1.get("/v1/health").status == 200);
}
