// Authentication: health is open, everything else needs a live kiosk token.
#include "api_client.hpp"

using namespace lobby::test;
namespace p = lobby::protocol;

TEST_CASE("health answers without a token") {
    Api api(shared_server().port(), "");
    const Reply r = api.get("/v1/health");
    REQUIRE(r.status == 200);
    CHECK(r.as<p::Health>().status == "ok");
    CHECK_FALSE(r.as<p::Health>().version.empty());
}

TEST_CASE("requests without, with a wrong or with a revoked token get 401") {
    const int port = shared_server().port();
    for (const char* token : {"", "not-a-token", revoked_token}) {
        CAPTURE(token);
        Api api(port, token);
        const Reply get = api.get("/v1/changes");
        CHECK(get.status == 401);
        CHECK(get.error_code() == "unauthorized");
        const Reply post = api.create("/v1/heartbeat", {{"kiosk_version", "1.0"}, {"outbox_size", 0}});
        CHECK(post.status == 401);
        const Reply create = api.create("/v1/repairs", {{"unit_id", "3-2-1502"}});
        CHECK(create.status == 401);
    }
    Api revoked(port, revoked_token);
    CHECK(revoked.get("/v1/changes").as<p::ErrorBody>().message.find("revoked") != std::string::npos);
}

TEST_CASE("a token in another scheme than Bearer is refused") {
    httplib::Client http("127.0.0.1", shared_server().port());
    auto r = http.Get("/v1/changes", {{"Authorization", "Basic ZGVtbzpkZW1v"}});
    REQUIRE(r);
    CHECK(r->status == 401);
}

TEST_CASE("staff-only endpoints refuse kiosk tokens with 403") {
    Api kiosk(shared_server().port(), lobby1_token);
    const Reply code = kiosk.create("/v1/visitor-codes", {{"unit_id", "3-2-1502"},
                                                          {"visitor_name", "李雷"},
                                                          {"purpose", "family"},
                                                          {"people", 1},
                                                          {"valid_from", p::format_utc(p::now_utc())},
                                                          {"valid_until", p::format_utc(p::now_utc() + 3600)}});
    CHECK(code.status == 403);
    CHECK(code.error_code() == "forbidden");
    p::Notice n{"N-test-403", "event", false, {"测试", "", ""}, {"测试", "", ""}, p::now_utc(), std::nullopt};
    CHECK(kiosk.create("/v1/notices", nlohmann::json(n)).status == 403);
}

TEST_CASE("the demo banner lists the demo tokens") {
    bool found = false;
    for (const auto& line : shared_server().banner()) found = found || line.find("demo-lobby-1-token") != std::string::npos;
    CHECK(found);
}
