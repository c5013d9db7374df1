// The pull feed: paging, collections, tombstones, audiences, expiry.
#include "api_client.hpp"
#include "in_process_server.hpp"

#include <map>
#include <algorithm>
#include <regex>
#include <set>

using namespace lobby::test;
namespace p = lobby::protocol;


TEST_CASE("a full pull returns every collection with increasing seq and decodable records") {
    Api api(shared_server().port(), lobby1_token);
    const auto all = pull_feed(api, 0, 1000);
    std::map<std::string, int> per_collection;
    std::int64_t previous = 0;
    for (const auto& c : all) {
        CHECK(c.seq > previous);
        previous = c.seq;
        ++per_collection[c.collection];
        if (c.deleted) continue;
        bool ok = true;
        if (c.collection == "estate") ok = p::decode<p::Estate>(c.data).ok();
        else if (c.collection == "fee_kinds") ok = p::decode<p::FeeKind>(c.data).ok();
        else if (c.collection == "repair_categories") ok = p::decode<p::RepairCategory>(c.data).ok();
        else if (c.collection == "notices") ok = p::decode<p::Notice>(c.data).ok();
        else if (c.collection == "surveys") ok = p::decode<p::Survey>(c.data).ok();
        else if (c.collection == "units") ok = p::decode<p::Unit>(c.data).ok();
        else if (c.collection == "bills") ok = p::decode<p::Bill>(c.data).ok();
        else if (c.collection == "tickets") ok = p::decode<p::Ticket>(c.data).ok();
        CHECK_MESSAGE(ok, c.collection << "/" << c.key);
    }
    for (const char* name : {"estate", "fee_kinds", "repair_categories", "notices", "surveys", "units", "bills", "tickets"})
        CHECK_MESSAGE(per_collection[name] > 0, name);
    CHECK(per_collection["estate"] == 1);
    CHECK(per_collection["units"] > 500);
}

TEST_CASE("the urgent outage is live and the expired notice is a tombstone") {
    Api api(shared_server().port(), lobby1_token);
    std::map<std::string, p::Change> notices;
    for (const auto& c : pull_feed(api, 0, 1000))
        if (c.collection == "notices") notices[c.key] = c;
    REQUIRE(notices.count("N-1"));
    const auto urgent = p::decode<p::Notice>(notices["N-1"].data);
    REQUIRE(urgent.ok());
    CHECK(urgent.value().urgent);
    CHECK(urgent.value().kind == "outage");
    // The hotline is in every language, not only zh-CN; one label, no 【紧急】 tag.
    for (const std::string* body : {&urgent.value().body.zh_cn, &urgent.value().body.zh_hk, &urgent.value().body.en})
        CHECK_MESSAGE(body->find("0755-86001234") != std::string::npos, *body);
    for (const std::string* title : {&urgent.value().title.zh_cn, &urgent.value().title.zh_hk, &urgent.value().title.en})
        CHECK_MESSAGE(title->find("紧急") == std::string::npos, *title);
    REQUIRE(notices.count("N-7"));
    CHECK(notices["N-7"].deleted);
    CHECK(notices["N-7"].data.is_null());
}

TEST_CASE("units in the feed carry masked owners and per-kiosk verifiers, never phone digits") {
    Api api(shared_server().port(), lobby1_token);
    const std::regex long_number("[0-9]{7,}");
    const std::string key = shared_server().kiosk_key("lobby-1");
    REQUIRE(key.size() == 64);
    for (const auto& c : pull_feed(api, 0, 1000)) {
        if (c.collection != "units") continue;
        nlohmann::json clear = c.data;
        clear.erase("resident_last4_hmacs");  // hex verifiers may hold digit runs by chance
        CHECK_FALSE(std::regex_search(clear.dump(), long_number));
        for (const auto& [field, value] : c.data.items()) CHECK(field.find("phone") == std::string::npos);
        const auto unit = p::decode<p::Unit>(c.data).value();
        if (c.key == "3-2-1502") {
            CHECK(unit.owner_masked == "张*");
            CHECK(unit.resident_last4_hmacs == std::vector<std::string>{p::last4_verifier(key, "3-2-1502", "5678")});
        }
        if (c.key == "1-1-801") CHECK(unit.owner_masked == "欧阳*明");
        if (c.key == "5-3-2202") {
            std::vector<std::string> both{p::last4_verifier(key, "5-3-2202", "2468"),
                                          p::last4_verifier(key, "5-3-2202", "1357")};
            std::sort(both.begin(), both.end());
            CHECK(unit.resident_last4_hmacs == both);
        }
    }
}

TEST_CASE("small pages chain through has_more and next_since") {
    Api api(shared_server().port(), lobby1_token);
    std::int64_t last_big = 0, last_small = 0;
    pull_feed(api, 0, 1000, &last_big);
    const auto small = pull_feed(api, 0, 250, &last_small);
    // Both reach the same cursor; small pages see the same keys.
    CHECK(last_small >= last_big);
    const Reply first = api.get("/v1/changes?since=0&limit=3");
    const auto page = first.as<p::ChangesPage>();
    CHECK(page.changes.size() == 3);
    CHECK(page.has_more);
    CHECK(page.next_since == page.changes.back().seq);
}

TEST_CASE("a cursor past the end returns nothing and keeps the cursor") {
    Api api(shared_server().port(), lobby1_token);
    const Reply r = api.get("/v1/changes?since=999999999");
    REQUIRE(r.status == 200);
    const auto page = r.as<p::ChangesPage>();
    CHECK(page.changes.empty());
    CHECK_FALSE(page.has_more);
    CHECK(page.next_since == 999999999);
}

TEST_CASE("bad query values get 400 invalid_query") {
    Api api(shared_server().port(), lobby1_token);
    for (const char* q : {"since=abc", "since=-1", "limit=0", "limit=1001", "limit=5x", "since=99999999999999999999"}) {
        CAPTURE(q);
        const Reply r = api.get(std::string("/v1/changes?") + q);
        CHECK(r.status == 400);
        CHECK(r.error_code() == "invalid_query");
    }
}

TEST_CASE("tickets travel only to the kiosk that created them") {
    OfficeServerProcess server;
    Api one(server.port(), lobby1_token);
    Api two(server.port(), lobby2_token);
    std::int64_t cursor_two = 0;
    pull_feed(two, 0, 1000, &cursor_two);
    const Reply created = one.create("/v1/repairs", {{"unit_id", "1-1-801"},
                                                     {"category", "electrical"},
                                                     {"description", "客厅灯不亮"},
                                                     {"location", "own_unit"}});
    REQUIRE(created.status == 201);
    const std::string id = created.as<p::Ticket>().id;
    bool one_sees = false, two_sees = false;
    for (const auto& c : pull_feed(one, 0, 1000)) one_sees = one_sees || (c.collection == "tickets" && c.key == id);
    for (const auto& c : pull_feed(two, cursor_two, 1000)) two_sees = two_sees || (c.collection == "tickets" && c.key == id);
    CHECK(one_sees);
    CHECK_FALSE(two_sees);
}

TEST_CASE("a notice that expires turns into a tombstone with a new seq") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api kiosk(server.port(), lobby1_token);
    std::int64_t cursor = 0;
    pull_feed(kiosk, 0, 1000, &cursor);
    const auto now = server.clock().now();
    p::Notice n{"N-flash", "outage", true, {"临时停电", "", ""}, {"2号配电房检修", "", ""}, now - 10, now + 3};
    REQUIRE(staff.create("/v1/notices", nlohmann::json(n)).status == 201);
    auto fresh = pull_feed(kiosk, cursor, 1000, &cursor);
    REQUIRE(fresh.size() == 1);
    CHECK(fresh[0].key == "N-flash");
    CHECK_FALSE(fresh[0].deleted);
    const std::int64_t live_seq = fresh[0].seq;
    CHECK(pull_feed(kiosk, cursor, 1000).empty());  // not yet expired: nothing new
    server.clock().advance(4);
    auto later = pull_feed(kiosk, cursor, 1000);
    REQUIRE(later.size() == 1);
    CHECK(later[0].key == "N-flash");
    CHECK(later[0].deleted);
    CHECK(later[0].seq > live_seq);
}

TEST_CASE("staff notices: an expiry before publication is 422, an expiry already past publishes a tombstone") {
    OfficeServerProcess server;
    Api staff(server.port(), staff_token);
    Api kiosk(server.port(), lobby1_token);
    const auto now = p::now_utc();
    p::Notice backwards{"N-bad", "event", false, {"活动", "", ""}, {"内容", "", ""}, now, now - 60};
    const Reply refused = staff.create("/v1/notices", nlohmann::json(backwards));
    CHECK(refused.status == 422);
    CHECK(refused.error_code() == "invalid_field");
    auto missing_title = nlohmann::json(backwards);
    missing_title.erase("title");
    CHECK(staff.create("/v1/notices", missing_title).status == 422);

    std::int64_t cursor = 0;
    pull_feed(kiosk, 0, 1000, &cursor);
    p::Notice gone{"N-3", "event", false, {"设备房开放日（取消）", "", ""}, {"活动取消", "", ""}, now - 7200, now - 60};
    REQUIRE(staff.create("/v1/notices", nlohmann::json(gone)).status == 201);
    const auto changes = pull_feed(kiosk, cursor);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].key == "N-3");
    CHECK(changes[0].deleted);
}

TEST_CASE("a pull can ask for some collections only") {
    Api api(shared_server().port(), lobby1_token);
    std::int64_t last = 0;
    const Reply r = api.get("/v1/changes?since=0&limit=1000&collections=notices,surveys");
    REQUIRE(r.status == 200);
    const auto page = r.as<p::ChangesPage>();
    CHECK_FALSE(page.changes.empty());
    CHECK_FALSE(page.has_more);
    for (const auto& c : page.changes) CHECK((c.collection == "notices" || c.collection == "surveys"));
    pull_feed(api, 0, 1000, &last);
    CHECK(page.next_since == last);  // nothing else of interest up to the server's cursor
    for (const char* bad : {"collections=", "collections=notices,spam", "collections=,"}) {
        CAPTURE(bad);
        CHECK(api.get(std::string("/v1/changes?") + bad).error_code() == "invalid_query");
    }
}
