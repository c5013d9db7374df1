// Visitor passes, pre-registered codes, redeeming, move-out requests.
#include "api_client.hpp"

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

nlohmann::json visitor(const char* unit = "3-2-1502") {
    return {{"name", "王芳"}, {"phone", "13912345678"}, {"unit_id", unit}, {"purpose", "family"}, {"people", 2},
            {"car_plate", "粤B12345"}};
}

nlohmann::json move_out(const std::string& date) {
    return {{"unit_id", "5-3-2202"}, {"requester_name", "王强"}, {"requester_phone", "18600001357"},
            {"relation", "tenant"}, {"items", "沙发一张、纸箱五个"}, {"planned_date", date}};
}

} // namespace

TEST_CASE("registering a visitor returns a masked pass with a 6-digit code") {
    Api api(shared_server().port(), lobby1_token);
    const Reply r = api.create("/v1/visitors", visitor());
    REQUIRE(r.status == 201);
    const auto pass = r.as<p::VisitorPass>();
    CHECK(pass.kind == "walk_in");
    CHECK(pass.code.size() == 6);
    CHECK(pass.visitor_masked == "王*");
    CHECK(pass.phone_masked == "139****5678");
    CHECK(pass.has_car);
    CHECK(pass.valid_until > pass.valid_from);
    CHECK(r.body.find("13912345678") == std::string::npos);
    CHECK(r.body.find("王芳") == std::string::npos);
}

TEST_CASE("visitor refusals: unknown unit 404, bad fields 422") {
    Api api(shared_server().port(), lobby1_token);
    CHECK(api.create("/v1/visitors", visitor("8-8-888")).error_code() == "unknown_unit");
    auto bad_people = visitor();
    bad_people["people"] = 0;
    CHECK(api.create("/v1/visitors", bad_people).status == 422);
    auto bad_purpose = visitor();
    bad_purpose["purpose"] = "burglary";
    CHECK(api.create("/v1/visitors", bad_purpose).status == 422);
    auto no_phone = visitor();
    no_phone.erase("phone");
    CHECK(api.create("/v1/visitors", no_phone).as<p::ErrorBody>().message == "Field 'phone' is required.");
}

TEST_CASE("a walk-in's surname and car plate are checked: clear 422s, nothing stored") {
    Api api(shared_server().port(), lobby1_token);
    const auto refused = [&](const char* field, const nlohmann::json& value) {
        auto body = visitor();
        body[field] = value;
        const Reply r = api.create("/v1/visitors", body);
        CHECK(r.status == 422);
        return r.as<p::ErrorBody>();
    };
    for (const char* plate : {"粤B1234", "粤B1234567", "B123456", "XXB12345", "粤b12345", "粤BI2345", "粤B1234O",
                              "粤B12345X", "粤BD1234A"}) {
        const std::string shown = plate;
        CAPTURE(shown);
        const p::ErrorBody e = refused("car_plate", plate);
        CHECK(e.code == "invalid_field");
        CHECK(e.message.find("car_plate") != std::string::npos);
        CHECK(e.message.find("province") != std::string::npos);
    }
    const p::ErrorBody long_name = refused("name", "一二三四五六七八九十一");
    CHECK(long_name.message.find("'name'") != std::string::npos);
    CHECK(long_name.message.find("10") != std::string::npos);
    refused("name", "");
    // Accepted: ordinary and new-energy plates, a compound surname, none at all (a courier).
    for (const char* plate : {"粤B12345", "京AD12345", "沪A12345F", "粤BFA1234"}) {
        auto body = visitor();
        body["car_plate"] = plate;
        body["name"] = "欧阳";
        const std::string shown = plate;
        CAPTURE(shown);
        const Reply r = api.create("/v1/visitors", body);
        REQUIRE(r.status == 201);
        CHECK(r.as<p::VisitorPass>().has_car);
        CHECK(r.as<p::VisitorPass>().visitor_masked == "欧阳*");  // a surname-only field: the compound surname whole
        CHECK(r.body.find(plate) == std::string::npos);
    }
    auto courier = visitor();
    courier.erase("name");
    courier.erase("car_plate");
    courier["purpose"] = "courier";
    const Reply r = api.create("/v1/visitors", courier);
    REQUIRE(r.status == 201);
    CHECK(r.as<p::VisitorPass>().visitor_masked.empty());
    CHECK_FALSE(r.as<p::VisitorPass>().has_car);
}

TEST_CASE("redeeming codes: valid once, then used; expired; unknown; not yet valid") {
    OfficeServerProcess server;
    Api api(server.port(), lobby1_token);
    const Reply ok = api.create("/v1/visitor-codes/redeem", {{"code", "246810"}});
    REQUIRE(ok.status == 200);
    const auto pass = ok.as<p::VisitorPass>();
    CHECK(pass.kind == "pre_registered");
    CHECK(pass.unit_id == "3-2-1502");
    CHECK(pass.redeemed_at.has_value());
    CHECK(pass.visitor_masked == "张*");

    const Reply again = api.create("/v1/visitor-codes/redeem", {{"code", "246810"}});
    CHECK(again.status == 409);
    CHECK(again.error_code() == "code_already_used");
    CHECK(api.create("/v1/visitor-codes/redeem", {{"code", "777111"}}).error_code() == "code_already_used");
    const Reply expired = api.create("/v1/visitor-codes/redeem", {{"code", "555000"}});
    CHECK(expired.status == 410);
    CHECK(expired.error_code() == "code_expired");
    const Reply unknown = api.create("/v1/visitor-codes/redeem", {{"code", "000001"}});
    CHECK(unknown.status == 404);
    CHECK(unknown.error_code() == "unknown_code");
    CHECK(api.create("/v1/visitor-codes/redeem", {{"code", "12ab56"}}).status == 422);

    Api staff(server.port(), staff_token);
    const auto now = p::now_utc();
    const Reply later = staff.create("/v1/visitor-codes", {{"unit_id", "1-1-801"}, {"visitor_name", "陈师傅"},
                                                           {"purpose", "renovation"}, {"people", 2},
                                                           {"valid_from", p::format_utc(now + 86400)},
                                                           {"valid_until", p::format_utc(now + 2 * 86400)}});
    REQUIRE(later.status == 201);
    const Reply early = api.create("/v1/visitor-codes/redeem", {{"code", later.as<p::VisitorPass>().code}});
    CHECK(early.status == 422);
    CHECK(early.error_code() == "code_not_yet_valid");
}

TEST_CASE("staff pre-registers a code and a kiosk redeems it") {
    Api staff(shared_server().port(), staff_token);
    Api kiosk(shared_server().port(), lobby2_token);
    const auto now = p::now_utc();
    const Reply created = staff.create("/v1/visitor-codes", {{"unit_id", "6-1-1101"}, {"visitor_name", "欧阳娜娜"},
                                                             {"visitor_phone", "13700001111"}, {"purpose", "friend"},
                                                             {"people", 1}, {"valid_from", p::format_utc(now - 60)},
                                                             {"valid_until", p::format_utc(now + 3600)}});
    REQUIRE(created.status == 201);
    const auto pass = created.as<p::VisitorPass>();
    CHECK(pass.visitor_masked == "欧阳*娜");
    CHECK(pass.phone_masked == "137****1111");
    const Reply redeemed = kiosk.create("/v1/visitor-codes/redeem", {{"code", pass.code}});
    REQUIRE(redeemed.status == 200);
    CHECK(redeemed.as<p::VisitorPass>().id == pass.id);

    const Reply too_long = staff.create("/v1/visitor-codes", {{"unit_id", "6-1-1101"}, {"visitor_name", "李"},
                                                              {"purpose", "friend"}, {"people", 1},
                                                              {"valid_from", p::format_utc(now)},
                                                              {"valid_until", p::format_utc(now + 30 * 86400)}});
    CHECK(too_long.status == 422);
    CHECK(staff.create("/v1/visitor-codes", {{"unit_id", "0-0-0"}, {"visitor_name", "李"}, {"purpose", "friend"},
                                             {"people", 1}, {"valid_from", p::format_utc(now)},
                                             {"valid_until", p::format_utc(now + 60)}})
              .status == 404);
}

TEST_CASE("a move-out request waits for the owner and can be read back") {
    Api api(shared_server().port(), lobby1_token);
    const std::string tomorrow = p::format_date_shanghai(p::now_utc() + 86400);
    const Reply r = api.create("/v1/move-outs", move_out(tomorrow));
    REQUIRE(r.status == 201);
    const auto m = r.as<p::MoveOut>();
    CHECK(m.status == "awaiting_owner_confirmation");
    CHECK(m.requester_masked == "王*");
    const Reply got = api.get("/v1/move-outs/" + m.id);
    REQUIRE(got.status == 200);
    CHECK(got.as<p::MoveOut>().planned_date == tomorrow);
    CHECK(api.get("/v1/move-outs/M-nothing").error_code() == "unknown_move_out");
}

TEST_CASE("move-out refusals: date in the past or too far, unknown unit, bad relation") {
    Api api(shared_server().port(), lobby1_token);
    CHECK(api.create("/v1/move-outs", move_out("2020-01-01")).status == 422);
    CHECK(api.create("/v1/move-outs", move_out(p::format_date(p::now_utc() + 60 * 86400))).status == 422);
    CHECK(api.create("/v1/move-outs", move_out("2026-13-01")).status == 422);
    auto body = move_out(p::format_date_shanghai(p::now_utc() + 86400));
    body["unit_id"] = "7-7-777";
    CHECK(api.create("/v1/move-outs", body).status == 404);
    body["unit_id"] = "5-3-2202";
    body["relation"] = "friend";
    CHECK(api.create("/v1/move-outs", body).status == 422);
}

TEST_CASE("staff records the owner's decision on a move-out once; kiosks see it") {
    OfficeServerProcess server;
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    const std::string id =
        kiosk.create("/v1/move-outs", move_out(p::format_date_shanghai(p::now_utc() + 86400))).as<p::MoveOut>().id;
    const nlohmann::json approve = {{"status", "approved"}, {"note", "已电话联系业主，确认同意"}, {"via", "phone_call"}};
    CHECK(kiosk.create("/v1/move-outs/" + id + "/decision", approve).status == 403);
    // Approving says how the owner confirmed: tenants have faked consent letters.
    const Reply no_via = staff.create("/v1/move-outs/" + id + "/decision", {{"status", "approved"}, {"note", "同意"}});
    CHECK(no_via.status == 422);
    CHECK(no_via.as<p::ErrorBody>().message.find("'via'") != std::string::npos);
    CHECK(staff.create("/v1/move-outs/M-nothing/decision", approve).status == 404);
    CHECK(staff.create("/v1/move-outs/" + id + "/decision", {{"status", "maybe"}, {"note", "x"}}).status == 422);
    const Reply decided = staff.create("/v1/move-outs/" + id + "/decision", approve);
    REQUIRE(decided.status == 200);
    CHECK(decided.as<p::MoveOut>().status == "approved");
    const auto seen = kiosk.get("/v1/move-outs/" + id).as<p::MoveOut>();
    CHECK(seen.status == "approved");
    CHECK(seen.decided_at.has_value());
    CHECK(seen.decision_note == "已电话联系业主，确认同意");
    CHECK(seen.decided_by == "office-staff");
    CHECK(seen.decided_via == "phone_call");
    const Reply again = staff.create("/v1/move-outs/" + id + "/decision", {{"status", "rejected"}, {"note", "改主意"}});
    CHECK(again.status == 409);
    CHECK(again.error_code() == "invalid_transition");
}
