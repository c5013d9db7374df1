// Kiosk heartbeat: recorded per kiosk, no Idempotency-Key needed.
#include "api_client.hpp"

using namespace lobby::test;
namespace p = lobby::protocol;

TEST_CASE("a heartbeat is acknowledged and recorded for the calling kiosk") {
    Api api(shared_server().port(), lobby2_token);
    const Reply r = api.post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", 3}, {"last_sync", "2026-11-23T08:00:00Z"}});
    REQUIRE(r.status == 200);
    const auto ack = r.as<p::HeartbeatAck>();
    CHECK(ack.kiosk_id == "lobby-2");
    CHECK(std::llabs(ack.server_time - p::now_utc()) < 5);
    const auto& db = shared_server().db_path();
    CHECK(db_int(db, "SELECT outbox_size FROM kiosks WHERE id = 'lobby-2'") == 3);
    CHECK(db_int(db, "SELECT last_sync FROM kiosks WHERE id = 'lobby-2'") == 1795420800);
}

TEST_CASE("a heartbeat without last_sync is fine, bad fields are 422") {
    Api api(shared_server().port(), lobby1_token);
    CHECK(api.post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", 0}}).status == 200);
    CHECK(api.post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", -1}}).status == 422);
    CHECK(api.post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", "3"}}).status == 422);
    CHECK(api.post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", 1}, {"last_sync", "yesterday"}}).status == 422);
}

TEST_CASE("staff sees each kiosk's health; kiosks may not") {
    OfficeServerProcess server;
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    REQUIRE(kiosk.post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", 4}}).status == 200);
    const Reply r = staff.get("/v1/kiosks");
    REQUIRE(r.status == 200);
    const auto list = r.as<p::KioskList>();
    REQUIRE(list.kiosks.size() == 3);
    CHECK(list.kiosks[0].id == "lobby-1");
    CHECK(list.kiosks[0].online);
    CHECK(list.kiosks[0].outbox_size == 4);
    CHECK(list.kiosks[0].version == "0.1.0");
    CHECK_FALSE(list.kiosks[1].online);  // lobby-2 never beat
    CHECK(list.kiosks[2].revoked);
    CHECK(kiosk.get("/v1/kiosks").status == 403);
}

TEST_CASE("a kiosk whose disk is full says so in its heartbeat, and staff see it until it clears") {
    OfficeServerProcess server;
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    REQUIRE(kiosk.post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", 0}, {"storage_full", true}}).status == 200);
    auto list = staff.get("/v1/kiosks").as<p::KioskList>();
    CHECK(list.kiosks[0].storage_full);
    CHECK_FALSE(list.kiosks[1].storage_full);
    CHECK(kiosk.post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", 0}, {"storage_full", "yes"}}).status == 422);
    REQUIRE(kiosk.post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", 0}}).status == 200);
    list = staff.get("/v1/kiosks").as<p::KioskList>();
    CHECK_FALSE(list.kiosks[0].storage_full);
}
