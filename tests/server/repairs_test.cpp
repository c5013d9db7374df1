// Repair tickets: create, read, rate, and every documented refusal. A kiosk
// reads and rates with the ticket's follow-up code or the unit's fresh
// verification (tests/security/tickets_test.cpp has the attacks).
#include "api_client.hpp"

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

nlohmann::json repair(const char* unit = "3-2-1502", const char* category = "plumbing",
                      const std::string& follow_code = p::make_follow_code()) {
    return {{"unit_id", unit}, {"category", category}, {"description", "卫生间地漏反水"}, {"location", "own_unit"},
            {"location_detail", "卫生间"}, {"contact_phone", "13812345678"}, {"follow_code", follow_code}};
}

// The verification token of a fee lookup of 3-2-1502 (phone ends 5678) by this kiosk.
std::string verify_1502(Api& api) { return verification_token_for(api, "3-2-1502", "5678"); }

Reply look_up(Api& api, const std::string& id, const nlohmann::json& credentials) {
    return api.post("/v1/repairs/" + id + "/lookup", credentials);
}

nlohmann::json rating(int score, bool solved, const nlohmann::json& credentials) {
    nlohmann::json j = credentials;
    j["score"] = score;
    j["solved"] = solved;
    return j;
}

// The id of the demo ticket of `unit` in `status`, from lobby-1's feed.
std::string demo_ticket(Api& api, const std::string& unit, const std::string& status) {
    for (const auto& c : pull_feed(api)) {
        if (c.collection != "tickets" || c.deleted) continue;
        if (c.data["unit_id"] == unit && c.data["status"] == status) return c.key;
    }
    return {};
}

} // namespace

TEST_CASE("creating a repair returns 201 with a submitted ticket, read back with its follow-up code") {
    Api api(shared_server().port(), lobby1_token);
    const std::string code = p::make_follow_code();
    const Reply r = api.create("/v1/repairs", repair("3-2-1502", "plumbing", code));
    REQUIRE(r.status == 201);
    const auto t = r.as<p::Ticket>();
    CHECK(t.status == "submitted");
    CHECK(t.unit_id == "3-2-1502");
    CHECK(t.location_detail == "卫生间");
    CHECK(t.timeline.size() == 1);
    CHECK(r.body.find("13812345678") == std::string::npos);  // the contact phone is never echoed
    CHECK(r.body.find(code) == std::string::npos);           // nor the follow-up code

    const Reply got = look_up(api, t.id, {{"follow_code", code}});
    REQUIRE(got.status == 200);
    CHECK(got.as<p::Ticket>().description == "卫生间地漏反水");
    // The code as typed from paper: lower case and a dash are the kiosk's to tidy up.
    CHECK(p::normalize_follow_code(code.substr(0, 5) + "-" + code.substr(5)) == code);
    CHECK(look_up(api, t.id, {{"follow_code", "abcdefghjk"}}).status == 422);
    CHECK(look_up(api, t.id, {{"follow_code", "O0I1O0I1O0"}}).status == 422);  // not in the alphabet

    // Staff read any ticket with GET; a kiosk must show a code or a verification.
    Api staff(shared_server().port(), staff_token);
    CHECK(staff.get("/v1/repairs/" + t.id).as<p::Ticket>().id == t.id);
    const Reply kiosk_get = api.get("/v1/repairs/" + t.id);
    CHECK(kiosk_get.status == 403);
    CHECK(kiosk_get.error_code() == "forbidden");
    const Reply bare = look_up(api, t.id, nlohmann::json::object());
    CHECK(bare.status == 403);
    CHECK(bare.error_code() == "verification_required");
}

TEST_CASE("a ticket without a follow-up code is read with the unit's verification") {
    Api api(shared_server().port(), lobby1_token);
    auto body = repair();
    body.erase("follow_code");
    const Reply r = api.create("/v1/repairs", body);
    REQUIRE(r.status == 201);
    const std::string id = r.as<p::Ticket>().id;
    CHECK(look_up(api, id, {{"verification_token", verify_1502(api)}}).status == 200);
    CHECK(look_up(api, id, {{"follow_code", p::make_follow_code()}}).status == 404);
}

TEST_CASE("an emergency category creates an emergency ticket") {
    Api api(shared_server().port(), lobby1_token);
    auto body = repair("3-2-1502", "lift_trapped");
    body["location"] = "public";
    const Reply r = api.create("/v1/repairs", body);
    REQUIRE(r.status == 201);
    CHECK(r.as<p::Ticket>().emergency);
}

TEST_CASE("repair refusals: unknown unit, unknown category, out of scope, bad slot, bad fields") {
    Api api(shared_server().port(), lobby1_token);
    CHECK(api.create("/v1/repairs", repair("9-9-9999")).error_code() == "unknown_unit");
    CHECK(api.create("/v1/repairs", repair("9-9-9999")).status == 404);

    const Reply unknown = api.create("/v1/repairs", repair("3-2-1502", "spaceship"));
    CHECK(unknown.status == 422);
    CHECK(unknown.error_code() == "invalid_field");

    const Reply gas = api.create("/v1/repairs", repair("3-2-1502", "gas"));
    CHECK(gas.status == 422);
    CHECK(gas.error_code() == "out_of_scope");
    CHECK(gas.as<p::ErrorBody>().message.find("0755-83203999") != std::string::npos);

    auto past = repair();
    past["preferred_slot"] = {{"start", "2020-01-01T01:00:00Z"}, {"end", "2020-01-01T03:00:00Z"}};
    CHECK(api.create("/v1/repairs", past).status == 422);
    auto backwards = repair();
    backwards["preferred_slot"] = {{"start", "2030-01-01T03:00:00Z"}, {"end", "2030-01-01T01:00:00Z"}};
    const Reply b = api.create("/v1/repairs", backwards);
    CHECK(b.status == 422);
    CHECK(b.as<p::ErrorBody>().message.find("preferred_slot.end") != std::string::npos);

    auto no_description = repair();
    no_description.erase("description");
    const Reply missing = api.create("/v1/repairs", no_description);
    CHECK(missing.status == 422);
    CHECK(missing.as<p::ErrorBody>().message == "Field 'description' is required.");

    auto long_description = repair();
    long_description["description"] = std::string(501 * 3, 'a');
    CHECK(api.create("/v1/repairs", long_description).status == 422);
    auto bad_location = repair();
    bad_location["location"] = "moon";
    CHECK(api.create("/v1/repairs", bad_location).status == 422);
    auto bad_phone = repair();
    bad_phone["contact_phone"] = "12345";
    CHECK(api.create("/v1/repairs", bad_phone).status == 422);
}

TEST_CASE("a repair without Idempotency-Key gets 400") {
    Api api(shared_server().port(), lobby1_token);
    const Reply r = api.post("/v1/repairs", repair());
    CHECK(r.status == 400);
    CHECK(r.error_code() == "missing_idempotency_key");
    CHECK(api.post("/v1/repairs", repair(), "short").status == 400);  // keys are 8..128 characters
}

TEST_CASE("unknown tickets get 404 on read and rating") {
    Api api(shared_server().port(), lobby2_token);
    const nlohmann::json code{{"follow_code", p::make_follow_code()}};
    CHECK(look_up(api, "R-1999-000001", code).error_code() == "unknown_ticket");
    CHECK(api.create("/v1/repairs/R-1999-000001/rating", rating(5, true, code)).status == 404);
    Api staff(shared_server().port(), staff_token);
    CHECK(staff.get("/v1/repairs/R-1999-000001").error_code() == "unknown_ticket");
    CHECK(staff.create("/v1/repairs/R-1999-000001/rating", rating(5, true, nlohmann::json::object())).status == 404);
}

TEST_CASE("rating: a completed ticket closes, a second rating and an open ticket get 409") {
    OfficeServerProcess server;
    Api api(server.port(), lobby1_token);
    const std::string completed = demo_ticket(api, "3-2-1502", "completed");
    REQUIRE_FALSE(completed.empty());
    const nlohmann::json verified{{"verification_token", verify_1502(api)}};
    auto with_comment = rating(4, true, verified);
    with_comment["comment"] = "师傅很专业";
    const Reply rated = api.create("/v1/repairs/" + completed + "/rating", with_comment);
    REQUIRE(rated.status == 200);
    const auto t = rated.as<p::Ticket>();
    CHECK(t.status == "closed");
    REQUIRE(t.rating);
    CHECK(t.rating->score == 4);
    const Reply again = api.create("/v1/repairs/" + completed + "/rating", rating(1, false, verified));
    CHECK(again.status == 409);
    CHECK(again.error_code() == "already_rated");

    const std::string open = demo_ticket(api, "3-2-1502", "accepted");
    REQUIRE_FALSE(open.empty());
    const Reply early = api.create("/v1/repairs/" + open + "/rating", rating(3, true, verified));
    CHECK(early.status == 409);
    CHECK(early.error_code() == "ticket_not_completed");
    CHECK(api.create("/v1/repairs/" + open + "/rating", rating(9, true, verified)).status == 422);
}

TEST_CASE("an unsolved rating reopens the ticket for the office") {
    OfficeServerProcess server;
    Api api(server.port(), lobby1_token);
    const std::string completed = demo_ticket(api, "3-2-1502", "completed");
    const Reply rated =
        api.create("/v1/repairs/" + completed + "/rating", rating(2, false, {{"verification_token", verify_1502(api)}}));
    REQUIRE(rated.status == 200);
    CHECK(rated.as<p::Ticket>().status == "accepted");
}

TEST_CASE("staff moves a kiosk ticket to completed, the kiosk sees each step and the resident rates it") {
    OfficeServerProcess server;
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    const std::string code = p::make_follow_code();
    const std::string id = kiosk.create("/v1/repairs", repair("3-2-1502", "plumbing", code)).as<p::Ticket>().id;
    std::int64_t cursor = 0;
    pull_feed(kiosk, 0, 1000, &cursor);

    const Reply skip = staff.create("/v1/repairs/" + id + "/status", {{"status", "completed"}, {"note", "跳过"}});
    CHECK(skip.status == 409);
    CHECK(skip.error_code() == "invalid_transition");
    CHECK(kiosk.create("/v1/repairs/" + id + "/status", {{"status", "accepted"}, {"note", "x"}}).status == 403);
    CHECK(staff.create("/v1/repairs/R-1999-000001/status", {{"status", "accepted"}, {"note", "x"}}).status == 404);
    CHECK(staff.create("/v1/repairs/" + id + "/status", {{"status", "closed"}, {"note", "x"}}).status == 422);
    CHECK(staff.create("/v1/repairs/" + id + "/status", {{"status", "accepted"}}).status == 422);

    for (const char* status : {"accepted", "scheduled", "in_progress", "completed"}) {
        CAPTURE(status);
        const Reply r = staff.create("/v1/repairs/" + id + "/status", {{"status", status}, {"note", "工程部处理中"}});
        REQUIRE(r.status == 200);
        CHECK(r.as<p::Ticket>().status == status);
    }
    const auto changes = pull_feed(kiosk, cursor);
    REQUIRE(changes.size() == 1);  // the latest version of the ticket, once
    CHECK(changes[0].data["status"] == "completed");
    CHECK(changes[0].data["timeline"].size() == 5);

    // 验收 at the kiosk with the code from the ticket screen.
    const Reply rated = kiosk.create("/v1/repairs/" + id + "/rating", rating(5, true, {{"follow_code", code}}));
    REQUIRE(rated.status == 200);
    CHECK(rated.as<p::Ticket>().status == "closed");
    CHECK(staff.create("/v1/repairs/" + id + "/status", {{"status", "cancelled"}, {"note", "x"}}).status == 409);
}

TEST_CASE("staff record a rating taken by phone without a code") {
    OfficeServerProcess server;
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    const std::string completed = demo_ticket(kiosk, "3-2-1502", "completed");
    const Reply rated = staff.create("/v1/repairs/" + completed + "/rating", rating(5, true, nlohmann::json::object()));
    REQUIRE(rated.status == 200);
    CHECK(rated.as<p::Ticket>().status == "closed");
}
