// Visitor code attacks (issue 10): guessing codes from a kiosk token, and
// every refused guess storing an idempotency row for 30 days.
#include "../server/api_client.hpp"
#include "../server/in_process_server.hpp"

#include <chrono>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

// An 8-digit code no demo pass has.
std::string wrong_code(int i) { return std::to_string(90'000'000 + i); }

Reply redeem(Api& api, const std::string& code) { return api.create("/v1/visitor-codes/redeem", {{"code", code}}); }

} // namespace

TEST_CASE("attack: 1,000 wrong guesses from one kiosk are cut off after 10 and leave no idempotency rows") {
    // Before: every guess was answered (1,680/s, the 6-digit space in ~10
    // minutes) and each stored an idempotency row for 30 days.
    OfficeServerProcess server;
    Api lobby1(server.port(), lobby1_token);
    const long long rows_before = db_int(server.db_path(), "SELECT count(*) FROM idempotency");
    const auto start = std::chrono::steady_clock::now();
    int unknown = 0, limited = 0, other = 0;
    for (int i = 0; i < 1000; ++i) {
        const Reply r = redeem(lobby1, wrong_code(i));
        if (r.status == 404) ++unknown;
        else if (r.status == 429 && r.error_code() == "too_many_attempts") ++limited;
        else ++other;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(unknown == 10);
    CHECK(limited == 990);
    CHECK(other == 0);
    CHECK(seconds < 60);  // cut off by the limit, not by slowness
    CHECK(db_int(server.db_path(), "SELECT count(*) FROM idempotency") == rows_before);
    // The refusal says when, and is not stored either.
    const Reply r = redeem(lobby1, wrong_code(0));
    CHECK(r.status == 429);
    CHECK(r.json()["error"].contains("locked_until"));
    CHECK(r.json()["error"]["message"].get<std::string>().find("too many unknown codes") != std::string::npos);
}

TEST_CASE("attack: a locked-out kiosk cannot redeem even the right code; another kiosk still can") {
    OfficeServerProcess server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    for (int i = 0; i < 10; ++i) CHECK(redeem(lobby1, wrong_code(i)).status == 404);
    CHECK(redeem(lobby1, "246810").status == 429);  // locked: the code is not even looked at
    const Reply ok = redeem(lobby2, "246810");
    CHECK(ok.status == 200);
    // A successful redeem is still stored and replayed for its key.
    const std::string key = Api::fresh_key();
    const Reply first = lobby2.post("/v1/visitor-codes/redeem", nlohmann::json{{"code", "135790"}}, key);
    const Reply again = lobby2.post("/v1/visitor-codes/redeem", nlohmann::json{{"code", "135790"}}, key);
    CHECK(first.status == 200);
    CHECK(again.status == 200);
    CHECK(again.body == first.body);
}

TEST_CASE("attack: the kiosk lock lasts 15 minutes; all kiosks together are limited too") {
    InProcessServer server([](lobby::server::ServerConfig& c) { c.redeem_misses_global = 15; });
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    Api staff(server.port(), staff_token);
    for (int i = 0; i < 10; ++i) redeem(lobby1, wrong_code(i));
    CHECK(redeem(lobby1, wrong_code(100)).status == 429);
    // Misses from other kiosks add up: the 15th miss overall pauses everyone for a minute.
    for (int i = 0; i < 5; ++i) CHECK(redeem(lobby2, wrong_code(200 + i)).status == 404);
    const Reply paused = redeem(staff, "246810");
    CHECK(paused.status == 429);
    CHECK(paused.error_code() == "too_many_attempts");
    server.clock().advance(61);
    CHECK(redeem(staff, "246810").status == 200);
    CHECK(redeem(lobby1, "135790").status == 429);  // its own lock still holds
    server.clock().advance(15 * 60);
    CHECK(redeem(lobby1, "135790").status == 200);
}

TEST_CASE("attack: pre-registered codes (valid up to 7 days) have 8 digits, walk-in passes (hours) 6") {
    // Before: 6 digits for a code valid a week.
    Api staff(shared_server().port(), staff_token);
    Api kiosk(shared_server().port(), lobby1_token);
    const auto now = p::now_utc();
    const Reply created = staff.create("/v1/visitor-codes", {{"unit_id", "6-1-1101"}, {"visitor_name", "李"},
                                                             {"purpose", "friend"}, {"people", 1},
                                                             {"valid_from", p::format_utc(now)},
                                                             {"valid_until", p::format_utc(now + 7 * 86400)}});
    REQUIRE(created.status == 201);
    const auto pass = created.as<p::VisitorPass>();
    CHECK(pass.code.size() == 8);
    const Reply walk_in = kiosk.create("/v1/visitors", {{"unit_id", "3-2-1502"}, {"name", "王芳"}, {"phone", "13912345678"}, {"purpose", "family"},
                                                       {"people", 1}});
    REQUIRE(walk_in.status == 201);
    CHECK(walk_in.as<p::VisitorPass>().code.size() == 6);
    // Other lengths are not codes.
    CHECK(redeem(kiosk, "1234567").status == 422);
    CHECK(redeem(kiosk, "123456789").status == 422);
}
