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
