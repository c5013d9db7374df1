// Visitors end to end on the server: codes in the feed for offline checks,
// offline uses reported later (first wins, the second alerts staff), the
// resident asked before a walk-in gets a pass, the watchlist, and move-out
// releases looked up by their code.
#include "api_client.hpp"
#include "in_process_server.hpp"

#include "protocol/verifier.hpp"

#include <algorithm>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

nlohmann::json walk_in(const char* phone = "13912345678") {
    return {{"phone", phone}, {"unit_id", "3-2-1502"}, {"purpose", "courier"}, {"people", 1}};
}

p::VisitorPass new_code(Api& staff, p::UtcSeconds now, int uses = 1) {
    const Reply r = staff.create("/v1/visitor-codes", {{"unit_id", "3-2-1502"}, {"visitor_name", "李雷"},
                                                       {"purpose", "friend"}, {"people", 1}, {"uses", uses},
                                                       {"valid_from", p::format_utc(now - 60)},
                                                       {"valid_until", p::format_utc(now + 3600)}});
    REQUIRE(r.status == 201);
    return r.as<p::VisitorPass>();
}

// The code's newest record in the kiosk's feed after `since` (the whole demo
// feed is thousands of changes: tests start after what they saw already).
std::optional<p::VisitorCodeRecord> code_in_feed(Api& kiosk, const std::string& id, std::int64_t since = 0) {
    std::optional<p::VisitorCodeRecord> found;
    for (const auto& c : pull_feed(kiosk, since, 1000))
        if (c.collection == "visitor_codes" && c.key == id && !c.deleted) found = p::decode<p::VisitorCodeRecord>(c.data).value();
    return found;
}

std::vector<p::VisitorAlert> alerts(Api& staff) {
    const Reply r = staff.get("/v1/visitor-alerts");
    REQUIRE(r.status == 200);
    return r.as<p::VisitorAlertList>().alerts;
}

} // namespace

TEST_CASE("visitors: a pre-registered code reaches each kiosk as an HMAC under its own key, never as the code") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    // The demo's codes are in the feed, the used one with no use left.
    std::int64_t seeded = 0;
    const auto demo_feed = pull_feed(lobby1, 0, 1000, &seeded);
    const auto demo5 = std::find_if(demo_feed.rbegin(), demo_feed.rend(),
                                    [](const p::Change& c) { return c.collection == "visitor_codes" && c.key == "V-demo5"; });
    REQUIRE(demo5 != demo_feed.rend());
    CHECK(p::decode<p::VisitorCodeRecord>(demo5->data).value().uses_left == 0);

    const auto pass = new_code(staff, server.clock().now(), 2);
    CHECK(pass.code.size() == p::pre_registered_code_digits);
    CHECK(pass.uses_allowed == 2);
    const auto one = code_in_feed(lobby1, pass.id, seeded);
    REQUIRE(one.has_value());
    CHECK(one->visitor_masked == "李*");
    CHECK(one->unit_id == "3-2-1502");
    CHECK(one->uses_left == 2);
    CHECK(one->code_verifier == p::visitor_code_verifier(server.kiosk_key("lobby-1"), pass.code));
    const auto two = code_in_feed(lobby2, pass.id, seeded);
    REQUIRE(two.has_value());
    CHECK(two->code_verifier != one->code_verifier);
    for (const auto& c : pull_feed(lobby1, seeded, 1000))
        CHECK(c.data.dump().find(pass.code) == std::string::npos);

    // A use shows in the feed: uses left goes down.
    REQUIRE(lobby1.create("/v1/visitor-codes/redeem", {{"code", pass.code}}).status == 200);
    CHECK(code_in_feed(lobby2, pass.id, seeded)->uses_left == 1);
    REQUIRE(lobby2.create("/v1/visitor-codes/redeem", {{"code", pass.code}}).status == 200);
    CHECK(lobby1.create("/v1/visitor-codes/redeem", {{"code", pass.code}}).error_code() == "code_already_used");
}

TEST_CASE("visitors: a code used at two kiosks while offline: the first report wins, the second alerts staff") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    const auto now = server.clock().now();
    const auto pass = new_code(staff, now);
    CHECK(alerts(staff).empty());
    const nlohmann::json report1 = {{"code", pass.code}, {"used_offline_at", p::format_utc(now - 30)}};
    const std::string key1 = Api::fresh_key();
    const Reply first = lobby1.post("/v1/visitor-codes/redeem", report1, key1);
    REQUIRE(first.status == 200);
    CHECK(first.as<p::VisitorPass>().uses == 1);
    CHECK(first.as<p::VisitorPass>().redeemed_at == now - 30);
    // The outbox resends after a lost answer: the same answer, no second use.
    CHECK(lobby1.post("/v1/visitor-codes/redeem", report1, key1).body == first.body);
    const Reply second =
        lobby2.create("/v1/visitor-codes/redeem", {{"code", pass.code}, {"used_offline_at", p::format_utc(now - 20)}});
    CHECK(second.status == 200);  // a fact to record, not a request to refuse
    const auto list = alerts(staff);
    REQUIRE(list.size() == 1);
    CHECK(list[0].kind == "double_use");
    CHECK(list[0].pass_id == pass.id);
    CHECK(list[0].kiosk_id == "lobby-2");
    CHECK(lobby1.create("/v1/visitor-codes/redeem", {{"code", pass.code}}).error_code() == "code_already_used");
    CHECK(lobby1.get("/v1/visitor-alerts").status == 403);
}

TEST_CASE("visitors: where the estate asks the resident, a walk-in waits; approved, declined or no answer") {
    InProcessServer server([](lobby::server::ServerConfig& c) { c.visitor_host_wait_seconds = 300; });
    Api staff(server.port(), staff_token);
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);

    const Reply created = lobby1.create("/v1/visitors", walk_in());
    REQUIRE(created.status == 201);
    const auto waiting = created.as<p::VisitorPass>();
    CHECK(waiting.status == "awaiting_host");
    CHECK(waiting.visitor_masked.empty());  // a courier gives no name
    CHECK(lobby1.get("/v1/visitors/" + waiting.id).as<p::VisitorPass>().status == "awaiting_host");
    CHECK(lobby2.get("/v1/visitors/" + waiting.id).status == 404);  // another kiosk's visitor
    // Coming back with the number: the same answer, and the code is not used.
    const Reply back = lobby2.create("/v1/visitor-codes/redeem", {{"code", waiting.code}});
    CHECK(back.status == 200);
    CHECK(back.as<p::VisitorPass>().status == "awaiting_host");
    CHECK(lobby1.create("/v1/visitors/" + waiting.id + "/host-decision", {{"decision", "approved"}}).status == 403);
    const Reply approved = staff.create("/v1/visitors/" + waiting.id + "/host-decision", {{"decision", "approved"}});
    REQUIRE(approved.status == 200);
    CHECK(approved.as<p::VisitorPass>().status == "valid");
    CHECK(lobby1.get("/v1/visitors/" + waiting.id).as<p::VisitorPass>().status == "valid");
    CHECK(lobby2.create("/v1/visitor-codes/redeem", {{"code", waiting.code}}).as<p::VisitorPass>().uses == 1);

    const auto declined = lobby1.create("/v1/visitors", walk_in()).as<p::VisitorPass>();
    REQUIRE(staff.create("/v1/visitors/" + declined.id + "/host-decision", {{"decision", "declined"}}).status == 200);
    CHECK(lobby1.get("/v1/visitors/" + declined.id).as<p::VisitorPass>().status == "declined");

    const auto silent = lobby1.create("/v1/visitors", walk_in()).as<p::VisitorPass>();
    server.clock().advance(301);
    CHECK(lobby1.get("/v1/visitors/" + silent.id).as<p::VisitorPass>().status == "see_front_desk");
    CHECK(staff.create("/v1/visitors/" + silent.id + "/host-decision", {{"decision", "approved"}}).error_code() ==
          "invalid_transition");
}

TEST_CASE("visitors: without the resident's approval rule a walk-in's pass is valid at once, exactly once per key") {
    InProcessServer server;
    Api lobby1(server.port(), lobby1_token);
    const std::string key = Api::fresh_key();
    const Reply first = lobby1.post("/v1/visitors", walk_in(), key);
    REQUIRE(first.status == 201);
    CHECK(first.as<p::VisitorPass>().status == "valid");
    CHECK(lobby1.post("/v1/visitors", walk_in(), key).body == first.body);
}

TEST_CASE("visitors: a walk-in's surname is masked whole, compound surnames too; a code's visitor by the name rules") {
    InProcessServer server;
    Api lobby1(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    auto family = walk_in();
    family["purpose"] = "family";
    family["name"] = "欧阳";
    const Reply created = lobby1.create("/v1/visitors", family);
    REQUIRE(created.status == 201);
    CHECK(created.as<p::VisitorPass>().visitor_masked == "欧阳*");  // not 欧* (阳 is no given name)
    family["name"] = "李";
    CHECK(lobby1.create("/v1/visitors", family).as<p::VisitorPass>().visitor_masked == "李*");
    const Reply code = staff.create("/v1/visitor-codes", {{"unit_id", "3-2-1502"}, {"visitor_name", "欧阳振明"},
                                                          {"purpose", "friend"}, {"people", 1}, {"uses", 1},
                                                          {"valid_from", p::format_utc(server.clock().now() - 60)},
                                                          {"valid_until", p::format_utc(server.clock().now() + 3600)}});
    REQUIRE(code.status == 201);
    CHECK(code.as<p::VisitorPass>().visitor_masked == "欧阳*明");
}

TEST_CASE("visitors: a watched phone or plate is sent to the front desk without a word about why; staff are alerted") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api lobby1(server.port(), lobby1_token);
    CHECK(lobby1.create("/v1/visitor-watchlist", {{"phone", "13800009999"}, {"note", "x"}}).status == 403);
    CHECK(staff.create("/v1/visitor-watchlist", {{"note", "nothing to match"}}).status == 422);
    REQUIRE(staff.create("/v1/visitor-watchlist", {{"phone", "13800009999"}, {"note", "冒用访客码"}}).status == 201);
    REQUIRE(staff.create("/v1/visitor-watchlist", {{"car_plate", "粤B99999"}, {"note", "多次闯杆"}}).status == 201);

    const Reply watched = lobby1.create("/v1/visitors", walk_in("13800009999"));
    REQUIRE(watched.status == 201);
    CHECK(watched.as<p::VisitorPass>().status == "see_front_desk");
    CHECK(watched.body.find("watch") == std::string::npos);
    CHECK(watched.body.find("冒用") == std::string::npos);
    auto by_plate = walk_in();
    by_plate["car_plate"] = "粤B99999";
    CHECK(lobby1.create("/v1/visitors", by_plate).as<p::VisitorPass>().status == "see_front_desk");
    CHECK(lobby1.create("/v1/visitors", walk_in()).as<p::VisitorPass>().status == "valid");
    const auto list = alerts(staff);
    REQUIRE(list.size() == 2);
    CHECK(list[0].kind == "watchlist");
    CHECK(list[1].pass_id == watched.as<p::VisitorPass>().id);
    // The watched pass cannot be redeemed as a valid one either.
    CHECK(lobby1.create("/v1/visitor-codes/redeem", {{"code", watched.as<p::VisitorPass>().code}})
              .as<p::VisitorPass>().status == "see_front_desk");
}

TEST_CASE("visitors: a move-out release is looked up by its code; unknown codes count as guesses") {
    InProcessServer server([](lobby::server::ServerConfig& c) { c.redeem_misses_per_kiosk = 3; });
    Api staff(server.port(), staff_token);
    Api lobby1(server.port(), lobby1_token);
    const nlohmann::json request = {{"unit_id", "5-3-2202"}, {"requester_phone", "18600001357"}, {"relation", "tenant"},
                                    {"items", "冰箱×1、纸箱×10"},
                                    {"planned_date", p::format_date_shanghai(server.clock().now() + 86400)}};
    const Reply created = lobby1.create("/v1/move-outs", request);  // no name: the kiosk has no text input yet
    REQUIRE(created.status == 201);
    const auto m = created.as<p::MoveOut>();
    REQUIRE(m.release_code.has_value());
    CHECK(m.release_code->size() == 8);
    CHECK(m.requester_masked.empty());
    const Reply status = lobby1.post("/v1/move-outs/status", nlohmann::json{{"release_code", *m.release_code}});
    REQUIRE(status.status == 200);
    CHECK(status.as<p::MoveOut>().status == "awaiting_owner_confirmation");
    REQUIRE(staff.create("/v1/move-outs/" + m.id + "/decision",
                         {{"status", "approved"}, {"note", "业主本人到前台确认"}, {"via", "in_person"}})
                .status == 200);
    const auto decided = lobby1.post("/v1/move-outs/status", nlohmann::json{{"release_code", *m.release_code}}).as<p::MoveOut>();
    CHECK(decided.status == "approved");
    CHECK(decided.decided_via == "in_person");
    CHECK(decided.decided_by == "office-staff");
    CHECK(decided.decided_at.has_value());
    CHECK(lobby1.post("/v1/move-outs/status", nlohmann::json{{"release_code", "1234"}}).status == 422);
    CHECK(lobby1.post("/v1/move-outs/status", nlohmann::json{{"release_code", "00000001"}}).error_code() == "unknown_move_out");
    CHECK(lobby1.post("/v1/move-outs/status", nlohmann::json{{"release_code", "00000002"}}).error_code() == "unknown_move_out");
    CHECK(lobby1.post("/v1/move-outs/status", nlohmann::json{{"release_code", "00000003"}}).error_code() == "unknown_move_out");
    // Locked: even the right code is refused.
    CHECK(lobby1.post("/v1/move-outs/status", nlohmann::json{{"release_code", *m.release_code}}).status == 429);
}
