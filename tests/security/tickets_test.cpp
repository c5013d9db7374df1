// Repair ticket attacks (issue 10): ticket ids are sequential
// (R-2026-000001 ...), and any kiosk token read and rated any ticket by id.
// Now a kiosk reads or rates a ticket only with its follow-up code (printed
// on the ticket screen) or a fresh verification of the ticket's unit.
#include "../server/api_client.hpp"
#include "../server/in_process_server.hpp"
#include "stored_bytes.hpp"

#include "sha256.hpp"

#include <cstdio>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

struct Created {
    std::string id;
    std::string code;
};

// A ticket lobby-1 creates for 3-2-1502, with a contact phone and a fresh follow-up code.
Created create_ticket(Api& kiosk, const std::string& description = "阳台地漏堵塞") {
    Created c{"", p::make_follow_code()};
    const Reply r = kiosk.create("/v1/repairs", {{"unit_id", "3-2-1502"}, {"category", "plumbing"},
                                                 {"description", description}, {"location", "own_unit"},
                                                 {"contact_phone", "13812345678"}, {"follow_code", c.code}});
    REQUIRE(r.status == 201);
    c.id = r.as<p::Ticket>().id;
    return c;
}

Reply look_up(Api& api, const std::string& id, const nlohmann::json& credentials) {
    return api.post("/v1/repairs/" + id + "/lookup", credentials);
}

Reply rate(Api& api, const std::string& id, const nlohmann::json& credentials) {
    nlohmann::json body = credentials;
    body["score"] = 1;
    body["solved"] = false;
    return api.create("/v1/repairs/" + id + "/rating", body);
}

void complete(Api& staff, const std::string& id) {
    for (const char* status : {"accepted", "in_progress", "completed"})
        REQUIRE(staff.create("/v1/repairs/" + id + "/status", {{"status", status}, {"note", "工程部处理"}}).status == 200);
}

std::string ticket_id(int year, int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "R-%d-%06d", year, n);
    return buf;
}

// A code that is not `code` (same alphabet and length).
std::string other_code(const std::string& code) {
    std::string wrong = p::make_follow_code();
    return wrong == code ? other_code(code) : wrong;
}

} // namespace

TEST_CASE("attack: another kiosk cannot read or rate a ticket by its sequential id") {
    // Before: lobby-2 read eight tickets (unit, description) by GET
    // /v1/repairs/R-2026-00000N, and lobby-1 rated lobby-2's ticket. (The
    // limit on guesses is lifted here to show each refusal; it is tested below.)
    InProcessServer server([](lobby::server::ServerConfig& c) { c.follow_code_misses_per_kiosk = 1000; });
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    Api staff(server.port(), staff_token);
    const Created t = create_ticket(lobby1);
    complete(staff, t.id);

    // Reading by id alone, as before: a kiosk token no longer reads by GET.
    const Reply by_get = lobby2.get("/v1/repairs/" + t.id);
    CHECK(by_get.status == 403);
    CHECK(by_get.body.find("阳台地漏堵塞") == std::string::npos);
    // Every demo and new ticket id, walked in order with a guessed code: nothing is read.
    const int year = std::stoi(t.id.substr(2, 4));
    int read = 0;
    for (int n = 1; n <= 12; ++n)
        for (int y : {year - 1, year})
            if (look_up(lobby2, ticket_id(y, n), {{"follow_code", other_code(t.code)}}).status == 200) ++read;
    CHECK(read == 0);
    // Its own verification of another unit does not open this unit's ticket.
    const Reply other_unit = look_up(lobby2, t.id, {{"verification_token", verification_token_for(lobby2, "1-1-801", "1234")}});
    CHECK(other_unit.status == 404);
    CHECK(other_unit.error_code() == "unknown_ticket");
    // Nor does lobby-1's verification of the right unit, shown by lobby-2 (a stolen token).
    CHECK(look_up(lobby2, t.id, {{"verification_token", verification_token_for(lobby1, "3-2-1502", "5678")}}).status == 404);

    // Rating with a wrong code, and lobby-1 rating lobby-2's demo ticket by id.
    CHECK(rate(lobby2, t.id, {{"follow_code", other_code(t.code)}}).status == 404);
    CHECK(rate(lobby2, t.id, nlohmann::json::object()).status == 403);
    std::string lobby2_ticket;
    for (const auto& c : pull_feed(lobby2))
        if (c.collection == "tickets" && !c.deleted && c.data["status"] == "completed") lobby2_ticket = c.key;
    REQUIRE_FALSE(lobby2_ticket.empty());
    CHECK(rate(lobby1, lobby2_ticket, {{"follow_code", p::make_follow_code()}}).status == 404);
    CHECK(db_int(server.db_path(), "SELECT count(*) FROM tickets WHERE id IN ('" + t.id + "', '" + lobby2_ticket +
                                       "') AND rating_score IS NOT NULL") == 0);
}

TEST_CASE("attack: with the follow-up code or the unit's verification another kiosk may read and rate") {
    // The resident takes the printed code to the other lobby, or verifies the unit there.
    OfficeServerProcess server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    Api staff(server.port(), staff_token);
    const Created t = create_ticket(lobby1);
    const Reply by_code = look_up(lobby2, t.id, {{"follow_code", t.code}});
    REQUIRE(by_code.status == 200);
    CHECK(by_code.as<p::Ticket>().description == "阳台地漏堵塞");
    CHECK(by_code.body.find("13812345678") == std::string::npos);
    CHECK(look_up(lobby2, t.id, {{"verification_token", verification_token_for(lobby2, "3-2-1502", "5678")}}).status == 200);
    complete(staff, t.id);
    const Reply rated = rate(lobby2, t.id, {{"follow_code", t.code}});
    REQUIRE(rated.status == 200);
    CHECK(rated.as<p::Ticket>().rating->score == 1);
}

TEST_CASE("attack: probing ticket ids gets the same answer as a wrong code") {
    OfficeServerProcess server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    const Created t = create_ticket(lobby1);
    const std::string unknown = "R-2099-999999";
    const std::string wrong = other_code(t.code);
    const Reply real_wrong_code = look_up(lobby2, t.id, {{"follow_code", wrong}});
    const Reply no_such_ticket = look_up(lobby2, unknown, {{"follow_code", wrong}});
    CHECK(real_wrong_code.status == 404);
    CHECK(no_such_ticket.status == real_wrong_code.status);
    CHECK(no_such_ticket.error_code() == real_wrong_code.error_code());
    // The bodies differ only in the id the caller sent.
    std::string expected = real_wrong_code.body;
    expected.replace(expected.find(t.id), t.id.size(), unknown);
    CHECK(no_such_ticket.body == expected);
    // The same for ratings, and neither is stored for idempotency.
    const long long rows = db_int(server.db_path(), "SELECT count(*) FROM idempotency");
    const Reply rate_real = rate(lobby2, t.id, {{"follow_code", wrong}});
    const Reply rate_unknown = rate(lobby2, unknown, {{"follow_code", wrong}});
    CHECK(rate_real.status == 404);
    CHECK(rate_unknown.status == 404);
    CHECK(rate_unknown.error_code() == rate_real.error_code());
    CHECK(db_int(server.db_path(), "SELECT count(*) FROM idempotency") == rows);
}

TEST_CASE("attack: guessing follow-up codes is cut off after 10 misses a minute and leaves no idempotency rows") {
    InProcessServer server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    Api staff(server.port(), staff_token);
    const Created t = create_ticket(lobby1);
    complete(staff, t.id);
    const std::string db = server.db_path();
    const long long rows = db_int(db, "SELECT count(*) FROM idempotency");
    int unknown = 0, limited = 0, other = 0;
    for (int i = 0; i < 1000; ++i) {
        // Reads and ratings, real and made-up ids: all count as guesses.
        const Reply r = i % 2 ? look_up(lobby2, i % 3 ? t.id : ticket_id(2026, 900 + i), {{"follow_code", other_code(t.code)}})
                              : rate(lobby2, t.id, {{"follow_code", other_code(t.code)}});
        if (r.status == 404) ++unknown;
        else if (r.status == 429 && r.error_code() == "too_many_attempts") ++limited;
        else ++other;
    }
    CHECK(unknown == 10);
    CHECK(limited == 990);
    CHECK(other == 0);
    CHECK(db_int(db, "SELECT count(*) FROM idempotency") == rows);
    // Locked: even the right code is refused (the guesser learns nothing),
    // with locked_until; the kiosk that made the ticket is not affected.
    const Reply locked = look_up(lobby2, t.id, {{"follow_code", t.code}});
    CHECK(locked.status == 429);
    CHECK(locked.json()["error"].contains("locked_until"));
    CHECK(look_up(lobby1, t.id, {{"follow_code", t.code}}).status == 200);
    server.clock().advance(15 * 60 + 1);
    CHECK(look_up(lobby2, t.id, {{"follow_code", t.code}}).status == 200);
}

TEST_CASE("attack: the follow-up code is kept only as its SHA-256, never sent back, never in the feed") {
    OfficeServerProcess server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    const Created t = create_ticket(lobby1, "门禁卡失灵");
    const std::string db = server.db_path();
    CHECK(db_int(db, "SELECT count(*) FROM tickets WHERE id = '" + t.id + "' AND follow_code_hash = '" +
                         lobby::server::sha256_hex(t.code) + "'") == 1);
    // Nowhere in the database files (tickets, idempotency, feed, the WAL; PostgreSQL: its folder) is the code in clear.
    const std::string bytes = stored_bytes(db);
    CHECK(bytes.find("门禁卡失灵") != std::string::npos);  // the search does see the ticket
    CHECK(bytes.find(t.code) == std::string::npos);
    // The feed: the ticket reaches only the kiosk that made it, without the
    // contact phone or the code.
    bool own_seen = false;
    for (const auto& c : pull_feed(lobby1)) {
        if (c.collection != "tickets" || c.key != t.id) continue;
        own_seen = true;
        const std::string data = c.data.dump();
        CHECK(data.find("13812345678") == std::string::npos);
        CHECK(data.find(t.code) == std::string::npos);
        CHECK_FALSE(c.data.contains("contact_phone"));
        CHECK_FALSE(c.data.contains("follow_code"));
    }
    CHECK(own_seen);
    for (const auto& c : pull_feed(lobby2))
        if (c.collection == "tickets") CHECK(db_int(db, "SELECT count(*) FROM tickets WHERE id = '" + c.key + "' AND kiosk_id = 'lobby-2'") == 1);
}

TEST_CASE("attack: a unit's verification reads its tickets for 10 minutes, rates them (outbox) for 24 hours") {
    InProcessServer server;
    Api lobby1(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    const Created t = create_ticket(lobby1);
    complete(staff, t.id);
    const std::string token = verification_token_for(lobby1, "3-2-1502", "5678");
    CHECK(look_up(lobby1, t.id, {{"verification_token", token}}).status == 200);
    server.clock().advance(10 * 60 + 1);
    CHECK(look_up(lobby1, t.id, {{"verification_token", token}}).status == 404);
    const std::string token2 = verification_token_for(lobby1, "3-2-1502", "5678");
    server.clock().advance(24 * 3600 + 1);
    CHECK(rate(lobby1, t.id, {{"verification_token", token2}}).status == 404);
    // Within the day the outbox's rating counts.
    const std::string token3 = verification_token_for(lobby1, "3-2-1502", "5678");
    server.clock().advance(3 * 3600);
    CHECK(rate(lobby1, t.id, {{"verification_token", token3}}).status == 200);
}
