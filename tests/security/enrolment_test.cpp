// Attacks on kiosk provisioning (issue 18): guessing enrolment codes, using
// one twice or late, reading codes from a copied DB, and old tokens after a
// rotation or a revocation. See sync/SECURITY.md "Kiosk enrolment and tokens".
#include "../server/api_client.hpp"
#include "../server/in_process_server.hpp"
#include "stored_bytes.hpp"

#include "db.hpp"
#include "kiosks/setup.hpp"
#include "sha256.hpp"

#include <doctest/doctest.h>


using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

const std::string kiosk_key(64, 'b');

Reply enrol(int port, const std::string& code) {
    return Api(port, "").post("/v1/kiosks/enrol", {{"code", code}, {"verify_key", kiosk_key}});
}

// Any other 8-digit code.
std::string wrong(const std::string& code, int n) {
    std::string w = code;
    w[7] = static_cast<char>('0' + (code[7] - '0' + 1 + n % 9) % 10);
    w[6] = static_cast<char>('0' + (code[6] - '0' + n / 9) % 10);
    return w;
}

} // namespace

TEST_CASE("attack: guessing enrolment codes is stopped after 5 misses from an address, the right code included") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    const std::string code = new_enrolment_code(staff, "lobby-7");
    for (int i = 0; i < 5; ++i) CHECK(enrol(server.port(), wrong(code, i)).error_code() == "unknown_code");
    const Reply locked = enrol(server.port(), code);
    CHECK(locked.status == 429);
    CHECK(locked.error_code() == "too_many_attempts");
    CHECK(locked.json()["error"].contains("locked_until"));
    // An hour later the right code works (it is valid for 24 h).
    server.clock().advance(3601);
    CHECK(enrol(server.port(), code).status == 200);
}

TEST_CASE("attack: guesses from many addresses together pause enrolment for everyone after 20") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    const std::string code = new_enrolment_code(staff, "lobby-7");
    const auto now = server.clock().now();
    // Four guesses each from five addresses: no address reaches its limit.
    for (int i = 0; i < 20; ++i) {
        const auto r = lobby::server::kiosks::enrol(server.office().estates(), "10.0.0." + std::to_string(i / 4),
                                                    {wrong(code, i), kiosk_key}, now);
        CHECK(r.status == 404);
    }
    CHECK(enrol(server.port(), code).status == 429);  // from loopback, never guessed before
}

TEST_CASE("attack: an enrolment code works once, and not after 24 hours") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    const std::string code = new_enrolment_code(staff, "lobby-7");
    const Reply first = enrol(server.port(), code);
    REQUIRE(first.status == 200);
    const Reply reused = enrol(server.port(), code);
    CHECK(reused.status == 409);
    CHECK(reused.error_code() == "code_already_used");
    CHECK(Api(server.port(), first.as<p::Enrolment>().token).get("/v1/changes?since=0&limit=1").status == 200);

    const std::string late = new_enrolment_code(staff, "lobby-8");
    server.clock().advance(24 * 3600);
    const Reply expired = enrol(server.port(), late);
    CHECK(expired.status == 410);
    CHECK(expired.error_code() == "code_expired");
    // A bad body is refused before the code is looked at (and costs it nothing).
    const std::string fresh = new_enrolment_code(staff, "lobby-9");
    CHECK(Api(server.port(), "").post("/v1/kiosks/enrol", {{"code", fresh}, {"verify_key", "nothex"}}).status == 422);
    CHECK(enrol(server.port(), fresh).status == 200);
}

TEST_CASE("attack: a copy of the office DB holds no enrolment code in clear") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    const std::string code = new_enrolment_code(staff, "lobby-7");
    CHECK(db_int(server.db_path(), "SELECT count(*) FROM enrolment_codes") == 1);
    CHECK(db_int(server.db_path(), "SELECT count(*) FROM enrolment_codes WHERE code_hash LIKE '%" + code + "%'") == 0);
    // Nor a plain SHA-256 of it, which 10^8 tries would reverse.
    CHECK(db_int(server.db_path(), "SELECT count(*) FROM enrolment_codes WHERE code_hash = '" +
                                       lobby::server::sha256_hex(code) + "'") == 0);
    const std::string bytes = stored_bytes(server.db_path());
    CHECK(bytes.find("lobby-7") != std::string::npos);  // the search does see the code's row
    CHECK(bytes.find(code) == std::string::npos);
}

TEST_CASE("attack: a rotated-out token dies after its grace, a revoked kiosk cannot rotate its way back") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api stolen(server.port(), lobby1_token);
    REQUIRE(staff.post("/v1/kiosks/lobby-1/rotate-token", std::string()).status == 200);
    const Reply fetched = stolen.post("/v1/kiosks/token", std::string());
    REQUIRE(fetched.status == 200);
    server.clock().advance(3601);
    CHECK(stolen.get("/v1/changes?since=0&limit=1").status == 401);
    CHECK(stolen.post("/v1/kiosks/token", std::string()).status == 401);

    // Revoked: both tokens stop at once; no rotation, no fetch.
    Api current(server.port(), fetched.as<p::TokenRotation>().token);
    REQUIRE(staff.post("/v1/kiosks/lobby-1/revoke", std::string()).status == 200);
    CHECK(current.get("/v1/changes?since=0&limit=1").status == 401);
    CHECK(staff.post("/v1/kiosks/lobby-1/rotate-token", std::string()).status == 404);
    CHECK(current.post("/v1/kiosks/token", std::string()).status == 401);
    // One server serves one estate: there is no other estate's code to try.
}
