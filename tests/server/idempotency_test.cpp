// Idempotency-Key: replays, conflicts and concurrent duplicates.
#include "api_client.hpp"

#include <set>
#include <thread>
#include <vector>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

nlohmann::json repair(const std::string& description) {
    return {{"unit_id", "1-1-801"}, {"category", "door_window"}, {"description", description}, {"location", "own_unit"}};
}

long long tickets_with(const OfficeServerProcess& server, const std::string& description) {
    return db_int(server.db_path(), "SELECT COUNT(*) FROM tickets WHERE description = '" + description + "'");
}

} // namespace

TEST_CASE("the same key and body twice returns the first ticket and makes one record") {
    auto& server = shared_server();
    Api api(server.port(), lobby1_token);
    const std::string key = Api::fresh_key();
    const Reply first = api.post("/v1/repairs", repair("防盗门锁芯坏了 A"), key);
    const Reply second = api.post("/v1/repairs", repair("防盗门锁芯坏了 A"), key);
    REQUIRE(first.status == 201);
    CHECK(second.status == 201);
    CHECK(second.body == first.body);
    CHECK(second.headers.count("Idempotent-Replayed") == 1);
    CHECK(tickets_with(server, "防盗门锁芯坏了 A") == 1);
}

TEST_CASE("key order and spacing do not make a different body") {
    auto& server = shared_server();
    Api api(server.port(), lobby1_token);
    const std::string key = Api::fresh_key();
    const Reply first = api.post("/v1/repairs",
        std::string(R"({"unit_id":"1-1-801","category":"door_window","description":"窗户关不上 B","location":"own_unit"})"), key);
    const Reply second = api.post("/v1/repairs",
        std::string(R"({ "location" : "own_unit", "description":"窗户关不上 B", "category":"door_window", "unit_id":"1-1-801" })"), key);
    REQUIRE(first.status == 201);
    CHECK(second.body == first.body);
    CHECK(tickets_with(server, "窗户关不上 B") == 1);
}

TEST_CASE("the same key with a different body gets 409 and creates nothing") {
    auto& server = shared_server();
    Api api(server.port(), lobby1_token);
    const std::string key = Api::fresh_key();
    REQUIRE(api.post("/v1/repairs", repair("门铃不响 C"), key).status == 201);
    const Reply conflict = api.post("/v1/repairs", repair("门铃不响 D"), key);
    CHECK(conflict.status == 409);
    CHECK(conflict.error_code() == "idempotency_conflict");
    CHECK(tickets_with(server, "门铃不响 D") == 0);
    // The same key on another endpoint is a different request too.
    CHECK(api.post("/v1/visitors", {{"name", "王芳"}, {"phone", "13912345678"}, {"unit_id", "1-1-801"},
                                    {"purpose", "family"}, {"people", 1}}, key).status == 409);
}

TEST_CASE("keys belong to one kiosk: another kiosk's same key is a new request") {
    auto& server = shared_server();
    Api one(server.port(), lobby1_token);
    Api two(server.port(), lobby2_token);
    const std::string key = Api::fresh_key();
    const Reply a = one.post("/v1/repairs", repair("猫眼松动 E"), key);
    const Reply b = two.post("/v1/repairs", repair("猫眼松动 E"), key);
    REQUIRE(a.status == 201);
    REQUIRE(b.status == 201);
    CHECK(a.as<p::Ticket>().id != b.as<p::Ticket>().id);
}

TEST_CASE("concurrent duplicates from several threads make one record and one answer") {
    // Its own server: on the shared one, connections of earlier cases that the
    // server has not yet seen close still count against the loopback address's
    // limit (8), and the 8 threads here then got 503 too_many_connections.
    OfficeServerProcess server({true, {}, {"--threads", "32", "--max-connections-per-client", "24"}});
    const std::string key = Api::fresh_key();
    constexpr int threads = 8;
    std::vector<Reply> replies(threads);
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back([&, i] {
            Api api(server.port(), lobby1_token);
            replies[static_cast<std::size_t>(i)] = api.post("/v1/repairs", repair("入户门变形 F"), key);
        });
    for (auto& t : pool) t.join();
    std::set<std::string> ids;
    for (const auto& r : replies) {
        REQUIRE(r.status == 201);
        ids.insert(r.as<p::Ticket>().id);
    }
    CHECK(ids.size() == 1);
    CHECK(tickets_with(server, "入户门变形 F") == 1);
}

TEST_CASE("a refused request is replayed too, and the same key with the same body stays refused") {
    Api api(shared_server().port(), lobby1_token);
    const std::string key = Api::fresh_key();
    auto body = repair("燃气味 G");
    body["category"] = "gas";
    const Reply first = api.post("/v1/repairs", body, key);
    const Reply second = api.post("/v1/repairs", body, key);
    CHECK(first.status == 422);
    CHECK(second.status == 422);
    CHECK(second.body == first.body);
}
