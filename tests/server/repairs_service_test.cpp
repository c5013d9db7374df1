// The repairs service as the kiosk's call script needs it: the catalog in
// the feed (scope, presets with icons, prices, public areas, emergency
// contacts), visiting slots with capacity, public and emergency reports
// without a unit, the paid-service acknowledgement, the workflow with the
// worker and the charge, 验收 (accept / reject with the reason), one rating,
// lookup by follow-up code alone and the phone status page.
#include "api_client.hpp"
#include "in_process_server.hpp"
#include "schema_before.hpp"

#include "protocol/estate.hpp"
#include "protocol/follow_code.hpp"

#include <filesystem>
#include <map>
#include <set>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

std::map<std::string, nlohmann::json> latest(Api& api, const std::string& collection) {
    std::map<std::string, nlohmann::json> out;
    for (const auto& c : pull_feed(api))
        if (c.collection == collection) {
            if (c.deleted) out.erase(c.key);
            else out[c.key] = c.data;
        }
    return out;
}

nlohmann::json public_leak(const std::string& code = p::make_follow_code()) {
    return {{"category", "plumbing"}, {"preset", "pipe_leak"}, {"description", "水管漏水"}, {"location", "public"},
            {"location_detail", "地下车库"}, {"follow_code", code}, {"client_ref", p::make_follow_code()},
            {"status_token", p::make_status_token()}};
}

nlohmann::json own_unit_paid(const p::RepairSlot& slot, bool acknowledged) {
    return {{"unit_id", "3-2-1502"}, {"category", "home_repair"}, {"preset", "tap_replace"}, {"description", "更换水龙头"},
            {"location", "own_unit"}, {"paid_acknowledged", acknowledged},
            {"preferred_slot", {{"start", p::format_utc(slot.start)}, {"end", p::format_utc(slot.end)}}},
            {"follow_code", p::make_follow_code()}};
}

p::RepairSlot tomorrow_morning(Api& api) {
    const Reply r = api.get("/v1/repairs/slots");
    REQUIRE(r.status == 200);
    for (const auto& s : r.as<p::RepairSlotList>().slots)
        if (s.day == 1 && s.part == "morning") return s;
    FAIL("no slot tomorrow morning");
    return {};
}

Reply staff_moves(Api& staff, const std::string& id, nlohmann::json body) {
    if (!body.contains("note")) body["note"] = "工程部处理";
    return staff.create("/v1/repairs/" + id + "/status", body);
}

} // namespace

TEST_CASE("the catalog reaches the kiosk in the feed: scope, presets with icons, prices, public areas, contacts") {
    InProcessServer server;
    Api api(server.port(), lobby1_token);
    const auto categories = latest(api, "repair_categories");
    REQUIRE(categories.count("plumbing") == 1);
    const auto plumbing = p::decode<p::RepairCategory>(categories.at("plumbing")).value();
    CHECK(plumbing.in_scope);
    CHECK_FALSE(plumbing.chargeable);
    CHECK(plumbing.icon == "tint");
    REQUIRE(plumbing.presets.size() >= 3);
    CHECK(plumbing.presets[0].name.zh_cn == "水管漏水");
    CHECK_FALSE(plumbing.presets[0].icon.empty());

    const auto paid = p::decode<p::RepairCategory>(categories.at("home_repair")).value();
    CHECK(paid.chargeable);
    CHECK(paid.places == "own_unit");
    REQUIRE_FALSE(paid.prices.empty());
    CHECK(paid.prices[0].price_fen > 0);

    const auto telecom = p::decode<p::RepairCategory>(categories.at("telecom")).value();
    CHECK_FALSE(telecom.in_scope);
    CHECK(telecom.refer_phone == "10000");
    for (const char* code : {"water_leak_urgent", "lift_trapped", "fire_smoke", "gas_smell"}) {
        CAPTURE(code);
        REQUIRE(categories.count(code) == 1);
        CHECK(p::decode<p::RepairCategory>(categories.at(code)).value().emergency);
    }
    for (const char* code : {"gas", "telecom", "water_meter", "appliance"}) {
        CAPTURE(code);
        CHECK_FALSE(p::decode<p::RepairCategory>(categories.at(code)).value().in_scope);
    }

    const auto locations = latest(api, "repair_locations");
    REQUIRE(locations.size() >= 5);
    CHECK(p::decode<p::RepairLocation>(locations.at("car_park")).value().name.zh_cn == "地下车库");
    const auto estate = p::decode<p::Estate>(latest(api, "estate").at("estate")).value();
    CHECK_FALSE(estate.hotline.empty());
    CHECK(estate.emergency_contacts.size() >= 4);
    // Only the listed collections may be asked for; the new one is listed.
    CHECK(api.get("/v1/changes?since=0&collections=repair_locations").status == 200);
}

TEST_CASE("public-area and emergency reports need no unit; an own-unit report does") {
    InProcessServer server;
    Api api(server.port(), lobby1_token);
    const Reply r = api.create("/v1/repairs", public_leak());
    REQUIRE(r.status == 201);
    const auto t = r.as<p::Ticket>();
    CHECK_FALSE(t.unit_id);
    CHECK(t.preset == "pipe_leak");
    CHECK(t.client_ref);
    CHECK(t.id.rfind("R-", 0) == 0);  // the ticket number

    nlohmann::json fire{{"category", "fire_smoke"}, {"description", "火警/烟雾"}, {"location", "public"},
                        {"location_detail", "lobby-1 大堂终端"}};
    const Reply e = api.create("/v1/repairs", fire);
    REQUIRE(e.status == 201);
    CHECK(e.as<p::Ticket>().emergency);

    auto own = public_leak();
    own["location"] = "own_unit";
    const Reply no_unit = api.create("/v1/repairs", own);
    CHECK(no_unit.status == 422);
    CHECK(no_unit.error_code() == "invalid_field");
    auto bad_preset = public_leak();
    bad_preset["preset"] = "lamp_out";
    CHECK(api.create("/v1/repairs", bad_preset).error_code() == "invalid_field");
    auto lift_at_home = public_leak();
    lift_at_home["category"] = "lift";
    lift_at_home["preset"] = "lift_noise";
    lift_at_home["location"] = "own_unit";
    lift_at_home["unit_id"] = "3-2-1502";
    CHECK(api.create("/v1/repairs", lift_at_home).error_code() == "invalid_field");
}

TEST_CASE("slots: three days by three parts, a full slot is refused with slot_taken, off-grid slots with 422") {
    InProcessServer server;
    Api api(server.port(), lobby1_token);
    const Reply list = api.get("/v1/repairs/slots");
    REQUIRE(list.status == 200);
    const auto slots = list.as<p::RepairSlotList>().slots;
    CHECK(slots.size() >= 6);  // tomorrow and the day after in full, today what is left
    CHECK(slots.size() <= 9);
    for (const auto& s : slots) CHECK(s.start > p::now_utc() - 5);

    const auto slot = tomorrow_morning(api);
    CHECK(slot.free == slot.capacity);
    // The paid-service notice must have been acknowledged.
    const Reply unacknowledged = api.create("/v1/repairs", own_unit_paid(slot, false));
    CHECK(unacknowledged.status == 422);
    CHECK(unacknowledged.error_code() == "paid_service_not_acknowledged");

    for (std::int64_t i = 0; i < slot.capacity; ++i) REQUIRE(api.create("/v1/repairs", own_unit_paid(slot, true)).status == 201);
    CHECK(tomorrow_morning(api).free == 0);
    const Reply taken = api.create("/v1/repairs", own_unit_paid(slot, true));
    CHECK(taken.status == 409);
    CHECK(taken.error_code() == "slot_taken");

    auto off_grid = own_unit_paid(slot, true);
    off_grid["preferred_slot"]["start"] = p::format_utc(slot.start + 600);
    CHECK(api.create("/v1/repairs", off_grid).status == 422);
    // A day later, "tomorrow morning" is another slot, with room again.
    server.clock().advance(86400);
    CHECK(tomorrow_morning(api).free == slot.capacity);
}

TEST_CASE("workflow: dispatched with a masked worker, a charge, 验收 rejected with the reason, then accepted and rated once") {
    InProcessServer server;
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    const std::string code = p::make_follow_code();
    const std::string id = kiosk.create("/v1/repairs", public_leak(code)).as<p::Ticket>().id;

    REQUIRE(staff_moves(staff, id, {{"status", "accepted"}}).status == 200);
    const Reply dispatched = staff_moves(staff, id, {{"status", "dispatched"}, {"worker", "刘建国"}});
    REQUIRE(dispatched.status == 200);
    CHECK(dispatched.as<p::Ticket>().worker_masked == "刘*国");
    CHECK(dispatched.body.find("刘建国") == std::string::npos);
    REQUIRE(staff_moves(staff, id, {{"status", "in_progress"}, {"charge_fen", 3500}}).status == 200);
    const nlohmann::json credentials{{"follow_code", code}};
    auto accept = [&](bool accepted, std::optional<std::string> comment) {
        nlohmann::json body = credentials;
        body["accepted"] = accepted;
        if (comment) body["comment"] = *comment;
        return kiosk.create("/v1/repairs/" + id + "/acceptance", body);
    };
    const Reply early = accept(true, std::nullopt);
    CHECK(early.status == 409);
    CHECK(early.error_code() == "not_awaiting_acceptance");
    REQUIRE(staff_moves(staff, id, {{"status", "awaiting_acceptance"}}).status == 200);

    CHECK(accept(false, std::nullopt).status == 422);  // a rejection says why
    std::string too_long;
    for (std::size_t i = 0; i <= p::acceptance_comment_max; ++i) too_long += "漏";
    const Reply over = accept(false, too_long);
    CHECK(over.status == 422);
    CHECK(over.as<p::ErrorBody>().message.find("comment") != std::string::npos);

    const Reply rejected = accept(false, std::string("仍然漏水"));
    REQUIRE(rejected.status == 200);
    auto t = rejected.as<p::Ticket>();
    CHECK(t.status == "in_progress");
    REQUIRE(t.acceptance);
    CHECK_FALSE(t.acceptance->accepted);
    CHECK(t.timeline.back().note.find("仍然漏水") != std::string::npos);
    CHECK(t.charge_fen == 3500);

    REQUIRE(staff_moves(staff, id, {{"status", "awaiting_acceptance"}}).status == 200);
    const Reply accepted = accept(true, std::string("师傅很专业"));
    REQUIRE(accepted.status == 200);
    CHECK(accepted.as<p::Ticket>().status == "completed");

    nlohmann::json rating = credentials;
    rating["score"] = 5;
    rating["solved"] = true;
    const Reply rated = kiosk.create("/v1/repairs/" + id + "/rating", rating);
    REQUIRE(rated.status == 200);
    t = rated.as<p::Ticket>();
    CHECK(t.status == "closed");
    std::vector<std::string> statuses;
    for (const auto& e : t.timeline) statuses.push_back(e.status);
    CHECK(statuses == std::vector<std::string>{"submitted", "accepted", "dispatched", "in_progress", "awaiting_acceptance",
                                               "in_progress", "awaiting_acceptance", "completed", "closed"});
    const Reply twice = kiosk.create("/v1/repairs/" + id + "/rating", rating);
    CHECK(twice.status == 409);
    CHECK(twice.error_code() == "already_rated");
}

TEST_CASE("a kiosk finds a ticket by its follow-up code alone; a wrong code is 404 and counts") {
    InProcessServer server([](lobby::server::ServerConfig& c) { c.follow_code_misses_per_kiosk = 3; });
    Api kiosk(server.port(), lobby1_token);
    const std::string code = p::make_follow_code();
    const std::string id = kiosk.create("/v1/repairs", public_leak(code)).as<p::Ticket>().id;
    const Reply found = kiosk.post("/v1/repairs/lookup", nlohmann::json{{"follow_code", code}});
    REQUIRE(found.status == 200);
    CHECK(found.as<p::Ticket>().id == id);
    CHECK(kiosk.post("/v1/repairs/lookup", nlohmann::json{{"follow_code", "abc"}}).status == 422);
    CHECK(kiosk.post("/v1/repairs/lookup", nlohmann::json::object()).status == 422);
    Reply miss;
    for (int i = 0; i < 3; ++i) miss = kiosk.post("/v1/repairs/lookup", nlohmann::json{{"follow_code", p::make_follow_code()}});
    CHECK(miss.status == 404);
    CHECK(miss.error_code() == "unknown_ticket");
    // Paused after the misses: even the right code waits.
    CHECK(kiosk.post("/v1/repairs/lookup", nlohmann::json{{"follow_code", code}}).error_code() == "too_many_attempts");
}

TEST_CASE("the status page shows that one ticket, masked and escaped; a wrong token is 404") {
    InProcessServer server;
    Api kiosk(server.port(), lobby1_token);
    Api nobody(server.port(), "");
    const auto slot = tomorrow_morning(kiosk);
    auto body = own_unit_paid(slot, true);
    body["status_token"] = p::make_status_token();
    body["location_detail"] = "<script>alert(1)</script>";
    const Reply made = kiosk.create("/v1/repairs", body);
    REQUIRE(made.status == 201);
    const std::string id = made.as<p::Ticket>().id;

    const Reply page = nobody.get("/repairs/status/" + body["status_token"].get<std::string>());
    REQUIRE(page.status == 200);
    CHECK(page.body.find(id) != std::string::npos);
    CHECK(page.body.find("已提交") != std::string::npos);
    CHECK(page.body.find("1502") == std::string::npos);  // no room number on a link that may be forwarded
    CHECK(page.body.find("<script>") == std::string::npos);
    CHECK(nobody.get("/repairs/status/" + p::make_status_token()).status == 404);
    CHECK(nobody.get("/repairs/status/short").status == 404);

    Api staff(server.port(), staff_token);
    REQUIRE(staff_moves(staff, id, {{"status", "accepted"}}).status == 200);
    REQUIRE(staff_moves(staff, id, {{"status", "dispatched"}, {"worker", "王小明"}}).status == 200);
    const Reply later = nobody.get("/repairs/status/" + body["status_token"].get<std::string>());
    CHECK(later.body.find("已派单") != std::string::npos);
    CHECK(later.body.find("王*明") != std::string::npos);
    CHECK(later.body.find("王小明") == std::string::npos);
}

TEST_CASE("demo data: every state, and 3-2-1502 has a ticket waiting for its 验收") {
    InProcessServer server;
    Api kiosk(server.port(), lobby1_token);
    std::set<std::string> statuses;
    bool waiting_1502 = false;
    for (const auto& [id, data] : latest(kiosk, "tickets")) {
        const auto t = p::decode<p::Ticket>(data).value();
        statuses.insert(t.status);
        if (t.status == "awaiting_acceptance" && t.unit_id == "3-2-1502") {
            waiting_1502 = true;
            CHECK(t.worker_masked);
            CHECK(t.charge_fen);
        }
    }
    CHECK(waiting_1502);
    for (const char* s : {"submitted", "accepted", "dispatched", "scheduled", "in_progress", "awaiting_acceptance",
                          "completed", "closed"})
        CHECK_MESSAGE(statuses.count(s) == 1, s);
}

TEST_CASE("a new ticket with another ticket's status token or follow-up code is 409, counted: then 429; never a 500") {
    InProcessServer server([](lobby::server::ServerConfig& c) { c.follow_code_misses_per_kiosk = 3; });
    Api kiosk(server.port(), lobby1_token);
    const nlohmann::json first = public_leak();
    REQUIRE(kiosk.create("/v1/repairs", first).status == 201);
    auto same_token = public_leak();
    same_token["status_token"] = first["status_token"];
    auto same_code = public_leak();
    same_code["follow_code"] = first["follow_code"];

    const Reply token_taken = kiosk.create("/v1/repairs", same_token);
    CHECK(token_taken.status == 409);
    CHECK(token_taken.error_code() == "ticket_secret_taken");
    const Reply code_taken = kiosk.create("/v1/repairs", same_code);
    CHECK(code_taken.status == 409);
    CHECK(code_taken.error_code() == "ticket_secret_taken");
    // A refusal is not stored: the same key asks afresh (and is refused afresh, counted).
    const std::string key = Api::fresh_key();
    const Reply third = kiosk.post("/v1/repairs", same_token, key);
    CHECK(third.headers.count("Idempotent-Replayed") == 0);
    // The third miss paused this kiosk's tickets with secrets of their own, fresh ones too.
    const Reply paused = kiosk.create("/v1/repairs", public_leak());
    CHECK(paused.status == 429);
    CHECK(paused.error_code() == "too_many_attempts");
    // Not another kiosk's, not its code lookups, and a ticket without secrets still goes in.
    Api other(server.port(), lobby2_token);
    CHECK(other.create("/v1/repairs", public_leak()).status == 201);
    CHECK(kiosk.post("/v1/repairs/lookup", nlohmann::json{{"follow_code", first["follow_code"]}}).status == 200);
    auto plain = public_leak();
    plain.erase("follow_code");
    plain.erase("status_token");
    CHECK(kiosk.create("/v1/repairs", plain).status == 201);
    // After the pause a fresh ticket is taken again; the first ticket kept its secrets.
    server.clock().advance(server.office().config().follow_code_lockout_seconds + 1);
    CHECK(kiosk.create("/v1/repairs", public_leak()).status == 201);
    CHECK(Api(server.port(), "").get("/repairs/status/" + first["status_token"].get<std::string>()).status == 200);
    auto lease = server.office().estates().home().acquire();
    lobby::server::Statement count(lease.db(), "SELECT COUNT(*) FROM tickets WHERE status_token_hash IS NOT NULL");
    REQUIRE(count.step());
    CHECK(count.int64(0) == 3);  // first, other's, the one after the pause
}

TEST_CASE("upgrading a database where two tickets share a follow-up code: the later one loses it, the code becomes unique") {
    namespace srv = lobby::server;
    const std::string dir = make_temp_dir("follow-code-upgrade");
    const std::string path = test_database(dir + "/office.db");
    const std::string key_file = test_data_key_file(dir + "/office.db");
    {
        // Every step before the one that made follow-up codes unique.
        srv::Database db(path, std::make_shared<const srv::FieldCipher>(srv::FieldCipher::from_key_file(key_file)));
        apply_schema_before(db, "CREATE UNIQUE INDEX tickets_follow_code");
        for (const auto& [n, code] : {std::pair<int, const char*>{1, "same-code"}, {2, "same-code"}, {3, "own-code"}})
            db.exec(("INSERT INTO tickets (n, id, follow_code_hash, category, description, location, emergency, status, "
                     "created_at, updated_at) VALUES (" + std::to_string(n) + ", 'R-2026-00000" + std::to_string(n) +
                     "', '" + code + "', 'plumbing', '漏水', 'public', 0, 'submitted', 0, 0)")
                        .c_str());
    }
    srv::ServerConfig config;
    config.db_path = path;
    config.data_key_file = key_file;
    config.port = 0;
    {
        srv::OfficeServer office(config);
        auto lease = office.estates().home().acquire();
        srv::Statement codes(lease.db(), "SELECT id, COALESCE(follow_code_hash, '-') FROM tickets ORDER BY n");
        std::vector<std::string> rows;
        while (codes.step()) rows.push_back(codes.text(0) + " " + codes.text(1));
        CHECK(rows == std::vector<std::string>{"R-2026-000001 same-code", "R-2026-000002 -", "R-2026-000003 own-code"});
        CHECK_THROWS_AS(lease.db().exec("UPDATE tickets SET follow_code_hash = 'own-code' WHERE n = 1"), srv::DbError);
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

TEST_CASE("a statement run again with a parameter left unbound sends NULL on both engines, so the demo's unrated tickets stay unrated") {
    namespace srv = lobby::server;
    const std::string dir = make_temp_dir("statement-rebind");
    const std::string path = test_database(dir + "/office.db");
    srv::Database db(path, std::make_shared<const srv::FieldCipher>(
                               srv::FieldCipher::from_key_file(test_data_key_file(dir + "/office.db"))));
    db.exec("CREATE TABLE rebind (n INTEGER, score INTEGER)");
    {
        srv::Statement ins(db, "INSERT INTO rebind (n, score) VALUES (?, ?)");
        ins.bind(1, 1).bind(2, 5);
        ins.run();
        ins.bind(1, 2);  // no score this time, as the demo seed leaves an unrated ticket's
        ins.run();
        srv::Statement pick(db, "SELECT n FROM rebind WHERE n = ?");
        pick.bind(1, 1);
        REQUIRE(pick.step());
        pick.reset();
        CHECK_FALSE(pick.step());  // reset() forgot n = 1: the query ran with NULL
    }
    srv::Statement unscored(db, "SELECT COUNT(*) FROM rebind WHERE n = 2 AND score IS NULL");
    REQUIRE(unscored.step());
    CHECK(unscored.int64(0) == 1);
    // And so the demo estate: lobby-2's completed ticket was never rated.
    lobby::test::OfficeServerProcess office;
    CHECK(db_int(office.db_path(), "SELECT COUNT(*) FROM tickets WHERE rating_score IS NOT NULL") == 2);
    CHECK(db_int(office.db_path(), "SELECT COUNT(*) FROM tickets WHERE charge_fen IS NOT NULL") == 2);
}
