// Kiosk provisioning and remote settings (issue 18): enrolment codes staff
// make and a kiosk exchanges, token rotation with a grace, and per-kiosk
// settings checked by the server and published to that kiosk alone.
#include "api_client.hpp"
#include "in_process_server.hpp"

#include "protocol/verifier.hpp"

#include <algorithm>
#include <cstdlib>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

const std::string kiosk_key(64, 'a');

const p::Change* find_change(const std::vector<p::Change>& changes, const std::string& collection,
                             const std::string& key) {
    const p::Change* found = nullptr;
    for (const auto& c : changes)
        if (c.collection == collection && c.key == key) found = &c;
    return found;
}

} // namespace

TEST_CASE("staff make a one-time enrolment code; a kiosk without a token exchanges it for its own token") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api anonymous(server.port(), "");

    const Reply made = staff.post("/v1/kiosks/enrolment-codes", {{"kiosk_id", "lobby-7"}});
    REQUIRE(made.status == 201);
    const auto code = made.as<p::EnrolmentCode>();
    CHECK(code.kiosk_id == "lobby-7");
    CHECK(code.code.size() == 8);
    CHECK(std::all_of(code.code.begin(), code.code.end(), [](char c) { return c >= '0' && c <= '9'; }));
    CHECK(std::llabs(code.expires_at - (server.clock().now() + 24 * 3600)) <= 2);

    // Kiosks make no codes; ids are plain.
    CHECK(Api(server.port(), lobby1_token).post("/v1/kiosks/enrolment-codes", {{"kiosk_id", "lobby-8"}}).status == 403);
    CHECK(staff.post("/v1/kiosks/enrolment-codes", {{"kiosk_id", "Lobby 8!"}}).status == 422);
    CHECK(staff.post("/v1/kiosks/enrolment-codes", {{"kiosk_id", "office-staff"}}).status == 422);

    const Reply enrolled = anonymous.post("/v1/kiosks/enrol", {{"code", code.code}, {"verify_key", kiosk_key}});
    REQUIRE(enrolled.status == 200);
    const auto enrolment = enrolled.as<p::Enrolment>();
    CHECK(enrolment.kiosk_id == "lobby-7");
    CHECK(enrolment.token.size() >= 32);

    // The new kiosk pulls its feed, keyed with the key it sent.
    Api kiosk(server.port(), enrolment.token);
    const auto feed = pull_feed(kiosk);
    const p::Change* unit = find_change(feed, "units", "3-2-1502");
    REQUIRE(unit != nullptr);
    const auto hmacs = p::decode<p::Unit>(unit->data).value().resident_last4_hmacs;
    CHECK(std::find(hmacs.begin(), hmacs.end(), p::last4_verifier(kiosk_key, "3-2-1502", "5678")) != hmacs.end());
    const auto list = staff.get("/v1/kiosks").as<p::KioskList>();
    CHECK(std::any_of(list.kiosks.begin(), list.kiosks.end(), [](const p::KioskStatus& k) { return k.id == "lobby-7"; }));
}

TEST_CASE("a code for an existing kiosk re-enrols it: a new token, and the old one stops working") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api old_token(server.port(), lobby1_token);
    REQUIRE(old_token.get("/v1/changes?since=0&limit=1").status == 200);
    const std::string first = new_enrolment_code(staff, "lobby-1");
    const std::string second = new_enrolment_code(staff, "lobby-1");  // replaces the first, unused one
    CHECK(Api(server.port(), "").post("/v1/kiosks/enrol", {{"code", first}, {"verify_key", kiosk_key}}).status == 404);
    const Reply r = Api(server.port(), "").post("/v1/kiosks/enrol", {{"code", second}, {"verify_key", kiosk_key}});
    REQUIRE(r.status == 200);
    CHECK(Api(server.port(), r.as<p::Enrolment>().token).get("/v1/changes?since=0&limit=1").status == 200);
    CHECK(old_token.get("/v1/changes?since=0&limit=1").status == 401);
}

TEST_CASE("staff rotate a kiosk's token: the kiosk fetches the new one with the old, which works for a grace hour") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api old_token(server.port(), lobby1_token);
    const nlohmann::json beat = {{"kiosk_version", "0.1.0"}, {"outbox_size", 0}};

    CHECK_FALSE(old_token.post("/v1/heartbeat", beat).as<p::HeartbeatAck>().rotate_token);
    CHECK(old_token.post("/v1/kiosks/token", std::string()).error_code() == "no_rotation_pending");
    CHECK(old_token.post("/v1/kiosks/lobby-1/rotate-token", std::string()).status == 403);
    CHECK(staff.post("/v1/kiosks/lobby-9/rotate-token", std::string()).status == 404);

    const Reply asked = staff.post("/v1/kiosks/lobby-1/rotate-token", std::string());
    REQUIRE(asked.status == 200);
    CHECK(asked.as<p::KioskStatus>().rotation_pending);
    CHECK(old_token.post("/v1/heartbeat", beat).as<p::HeartbeatAck>().rotate_token);
    CHECK(staff.post("/v1/kiosks/token", std::string()).status == 403);

    const Reply fetched = old_token.post("/v1/kiosks/token", std::string());
    REQUIRE(fetched.status == 200);
    const auto rotation = fetched.as<p::TokenRotation>();
    CHECK(std::llabs(rotation.old_token_until - (server.clock().now() + 3600)) <= 2);
    Api new_token(server.port(), rotation.token);
    CHECK(new_token.get("/v1/changes?since=0&limit=1").status == 200);
    CHECK(old_token.get("/v1/changes?since=0&limit=1").status == 200);  // in grace
    CHECK_FALSE(new_token.post("/v1/heartbeat", beat).as<p::HeartbeatAck>().rotate_token);
    CHECK_FALSE(staff.get("/v1/kiosks").as<p::KioskList>().kiosks.front().rotation_pending);

    // The answer was lost: the kiosk asks again with the old token and gets
    // another; the grace does not grow.
    CHECK(old_token.post("/v1/heartbeat", beat).as<p::HeartbeatAck>().rotate_token);
    const Reply again = old_token.post("/v1/kiosks/token", std::string());
    REQUIRE(again.status == 200);
    CHECK(again.as<p::TokenRotation>().old_token_until == rotation.old_token_until);
    Api newest(server.port(), again.as<p::TokenRotation>().token);
    CHECK(newest.get("/v1/changes?since=0&limit=1").status == 200);
    CHECK(new_token.get("/v1/changes?since=0&limit=1").status == 401);  // never stored by the kiosk

    server.clock().advance(3601);
    CHECK(old_token.get("/v1/changes?since=0&limit=1").status == 401);
    CHECK(old_token.post("/v1/kiosks/token", std::string()).status == 401);
    CHECK(newest.get("/v1/changes?since=0&limit=1").status == 200);
}

TEST_CASE("staff set a kiosk's settings; the server checks each value and publishes them to that kiosk alone") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    const nlohmann::json good = {{"idle_timeout_s", 90},        {"language", "zh-HK"},
                                 {"elderly_default", true},     {"zh_cn_voice", "cantonese"},
                                 {"zh_hk_voice", "mandarin"},   {"home_services", {"fees", "repairs", "notices"}}};
    const Reply stored = staff.post("/v1/kiosks/lobby-1/settings", good);
    REQUIRE(stored.status == 200);
    CHECK(staff.get("/v1/kiosks/lobby-1/settings").json() == good);

    const auto feed1 = pull_feed(lobby1);
    const p::Change* mine = find_change(feed1, "kiosk_settings", "lobby-1");
    REQUIRE(mine != nullptr);
    const auto settings = p::decode<p::KioskSettings>(mine->data).value();
    CHECK(settings.idle_timeout_s == 90);
    CHECK(settings.language == "zh-HK");
    CHECK(settings.elderly_default == true);
    CHECK(settings.zh_cn_voice == "cantonese");
    CHECK(settings.home_services == std::vector<std::string>{"fees", "repairs", "notices"});
    CHECK(find_change(pull_feed(lobby2), "kiosk_settings", "lobby-1") == nullptr);
    CHECK(lobby1.get("/v1/changes?since=0&collections=kiosk_settings").status == 200);

    // Each bad value: 400 naming it, nothing stored.
    const std::vector<std::pair<nlohmann::json, std::string>> bad = {
        {{{"idle_timeout_s", 5}}, "idle_timeout_s"},
        {{{"idle_timeout_s", "60"}}, "idle_timeout_s"},
        {{{"language", "fr"}}, "language"},
        {{{"elderly_default", "yes"}}, "elderly_default"},
        {{{"zh_cn_voice", "klingon"}}, "zh_cn_voice"},
        {{{"home_services", {"casino"}}}, "casino"},
        {{{"home_services", {"fees", "fees"}}}, "twice"},
        {{{"idle_timeout", 60}}, "idle_timeout"},
        {nlohmann::json::array(), "object"},
    };
    for (const auto& [body, named] : bad) {
        CAPTURE(body.dump());
        const Reply r = staff.post("/v1/kiosks/lobby-1/settings", body);
        CHECK(r.status == 400);
        CHECK(r.error_code() == "invalid_setting");
        CHECK(r.body.find(named) != std::string::npos);
    }
    CHECK(staff.post("/v1/kiosks/lobby-1/settings", std::string("{\"language\":")).error_code() == "bad_json");
    CHECK(staff.get("/v1/kiosks/lobby-1/settings").json() == good);
    CHECK(lobby1.post("/v1/kiosks/lobby-1/settings", good).status == 403);
    CHECK(staff.post("/v1/kiosks/lobby-9/settings", good).status == 404);

    // An empty object gives everything back to the kiosk's own config.
    REQUIRE(staff.post("/v1/kiosks/lobby-1/settings", nlohmann::json::object()).status == 200);
    const p::Change* cleared = find_change(pull_feed(lobby1), "kiosk_settings", "lobby-1");
    REQUIRE(cleared != nullptr);
    CHECK(cleared->data == nlohmann::json::object());
}
