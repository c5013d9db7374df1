// Attack: a stolen kiosk token (or disk) keeps working until someone edits
// the office DB by hand. Now staff revoke it: POST /v1/kiosks/{id}/revoke.
#include "../server/api_client.hpp"
#include "../server/in_process_server.hpp"

#include "db.hpp"
#include "kiosks/verify_keys.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace lobby::test;
namespace p = lobby::protocol;

TEST_CASE("attack: a stolen kiosk token works until staff revoke it; then 401, until the kiosk is enrolled again") {
    InProcessServer server;
    Api stolen(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    REQUIRE(stolen.get("/v1/changes?since=0&limit=1").status == 200);

    // Kiosks cannot revoke (not even another one); unknown or staff ids are 404.
    CHECK(stolen.post("/v1/kiosks/lobby-2/revoke", std::string()).status == 403);
    CHECK(staff.post("/v1/kiosks/lobby-9/revoke", std::string()).error_code() == "not_found");
    CHECK(staff.post("/v1/kiosks/office-staff/revoke", std::string()).status == 404);
    CHECK(staff.get("/v1/kiosks").status == 200);  // the staff token still works

    const Reply revoked = staff.post("/v1/kiosks/lobby-1/revoke", std::string());
    REQUIRE(revoked.status == 200);
    CHECK(revoked.as<p::KioskStatus>().revoked);
    CHECK(staff.post("/v1/kiosks/lobby-1/revoke", std::string()).status == 200);  // twice is once
    CHECK(stolen.get("/v1/changes?since=0&limit=1").status == 401);
    CHECK(stolen.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}}).status == 401);
    CHECK(Api(server.port(), lobby2_token).get("/v1/changes?since=0&limit=1").status == 200);  // others unaffected

    // Enrolled again: a new token works, the stolen one stays dead.
    const std::string dir = make_temp_dir("security-revoke");
    std::optional<std::string> token;
    {
        lobby::server::Database db = server.database();
        token = lobby::server::enrol_kiosk(db, "lobby-1", dir);
    }
    REQUIRE(token.has_value());
    CHECK(Api(server.port(), *token).get("/v1/changes?since=0&limit=1").status == 200);
    CHECK(stolen.get("/v1/changes?since=0&limit=1").status == 401);
    std::filesystem::remove_all(dir);
}
