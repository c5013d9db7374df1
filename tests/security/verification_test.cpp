// Phone verification attacks (issue 10): a kiosk token pulling every
// household's phone last-4 from the feed, and a neighbour locking a unit
// with wrong tries. See sync/SECURITY.md.
#include "../server/api_client.hpp"
#include "../server/in_process_server.hpp"

#include "db.hpp"
#include "estate.hpp"
#include "kiosks/verify_keys.hpp"
#include "sha256.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>
#include <map>
#include <optional>
#include <set>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

// unit id -> the last four digits of each resident's phone, from the office DB.
std::map<std::string, std::set<std::string>> residents_last4(const InProcessServer& server) {
    std::map<std::string, std::set<std::string>> out;
    // Phones are sealed at rest: opened with the server's data key.
    lobby::server::Database db = server.database();
    lobby::server::Statement st(db, "SELECT unit_id, phone FROM residents");
    while (st.step()) out[st.text(0)].insert(lobby::server::last4_of(db.cipher().open(st.text(1))));
    return out;
}

// Every string anywhere in a JSON value (keys too), but the flat number:
// "room" is the door label, which may by chance look like someone's digits.
void strings_in(const nlohmann::json& j, std::vector<std::string>& out, const std::string& key = "") {
    if (j.is_string() && key != "room") out.push_back(j.get<std::string>());
    if (j.is_number_integer()) out.push_back(std::to_string(j.get<std::int64_t>()));
    if (j.is_object())
        for (const auto& [k, v] : j.items()) {
            out.push_back(k);
            strings_in(v, out, k);
        }
    if (j.is_array())
        for (const auto& v : j) strings_in(v, out, key);
}

std::vector<std::string> four_digit_runs(const std::string& text) {
    std::vector<std::string> runs;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) { ++i; continue; }
        std::size_t j = i;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
        if (j - i == 4) runs.push_back(text.substr(i, 4));
        i = j;
    }
    return runs;
}

std::map<std::string, nlohmann::json> units_of(Api& api) {
    std::map<std::string, nlohmann::json> units;
    for (const auto& c : pull_feed(api, 0, 1000))
        if (c.collection == "units" && !c.deleted) units[c.key] = c.data;
    return units;
}

nlohmann::json lookup(const std::string& unit, const std::string& last4, const std::string& session) {
    return {{"unit_id", unit}, {"phone_last4", last4}, {"session_id", session}};
}

} // namespace

TEST_CASE("attack: a stolen kiosk token's pull carries no resident's phone digits") {
    // Before: every units record carried resident_N_phone_last4 in clear
    // (lobby-2 pulled 849 values for 652 units), enough to pass any unit's
    // verification. Now no value (a whole string, or a run of exactly four
    // digits inside one) of any units record equals one of its residents' last-4.
    InProcessServer server;
    const auto last4 = residents_last4(server);
    REQUIRE(last4.size() == 700);  // the demo's units (6栋3单元's lettered wing included)
    for (const char* token : {lobby1_token, lobby2_token, staff_token}) {
        CAPTURE(token);
        Api api(server.port(), token);
        const auto units = units_of(api);
        REQUIRE(units.size() == 700);
        int recovered = 0;
        for (const auto& [unit, data] : units) {
            std::vector<std::string> values;
            strings_in(data, values);
            for (const std::string& value : values) {
                CHECK(value.find("phone") == std::string::npos);
                std::vector<std::string> candidates = four_digit_runs(value);
                if (candidates.empty() || candidates.front() != value) candidates.push_back(value);
                // A 64-hex verifier may hold four digits in a row by chance;
                // it is not a clear value, so only non-verifier strings count.
                if (p::is_verifier_text(value)) continue;
                for (const std::string& c : candidates) recovered += last4.at(unit).count(c) ? 1 : 0;
            }
        }
        CHECK(recovered == 0);
    }
}

TEST_CASE("attack: the verifiers check digits only with this kiosk's own key") {
    // The kiosk compares HMAC(its key, unit:typed digits) with the feed's
    // values. The right kiosk key verifies every resident; another kiosk's
    // key (a cloned token on another machine) verifies none of 10,000 tries.
    InProcessServer server;
    const auto last4 = residents_last4(server);
    const std::string key1 = server.kiosk_key("lobby-1"), key2 = server.kiosk_key("lobby-2");
    REQUIRE(key1.size() == 64);
    REQUIRE(key2.size() == 64);
    CHECK(key1 != key2);
    // The key file is the kiosk's alone.
    struct stat info {};
    REQUIRE(::stat((std::filesystem::path(server.dir()) / "lobby-1.key").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);

    Api lobby1(server.port(), lobby1_token);
    const auto units = units_of(lobby1);
    std::size_t verified = 0;
    for (const auto& [unit, data] : units) {
        const auto decoded = p::decode<p::Unit>(data).value();
        const std::set<std::string> hmacs(decoded.resident_last4_hmacs.begin(), decoded.resident_last4_hmacs.end());
        REQUIRE(hmacs.size() <= last4.at(unit).size());
        for (const std::string& digits : last4.at(unit)) {
            CHECK(hmacs.count(p::last4_verifier(key1, unit, digits)) == 1);
            CHECK(hmacs.count(p::last4_verifier(key2, unit, digits)) == 0);
            ++verified;
        }
    }
    CHECK(verified == 912);  // every resident of the demo's 700 units
    // The whole digit space under another kiosk's key matches nothing.
    const auto unit = p::decode<p::Unit>(units.at("3-2-1502")).value();
    const std::set<std::string> hmacs(unit.resident_last4_hmacs.begin(), unit.resident_last4_hmacs.end());
    int matches_other_key = 0, matches_own_key = 0;
    for (int n = 0; n < 10000; ++n) {
        char digits[5];
        std::snprintf(digits, sizeof digits, "%04d", n);
        matches_other_key += hmacs.count(p::last4_verifier(key2, "3-2-1502", digits)) ? 1 : 0;
        matches_own_key += hmacs.count(p::last4_verifier(key1, "3-2-1502", digits)) ? 1 : 0;
    }
    CHECK(matches_other_key == 0);
    CHECK(matches_own_key == 1);
    // lobby-2 gets its own values for the same unit; the key is in no answer.
    Api lobby2(server.port(), lobby2_token);
    const auto unit2 = p::decode<p::Unit>(units_of(lobby2).at("3-2-1502")).value();
    CHECK(unit2.resident_last4_hmacs != unit.resident_last4_hmacs);
    const Reply page = lobby1.get("/v1/changes?since=0&limit=1000");
    CHECK(page.body.find(key1) == std::string::npos);
    CHECK(lobby1.get("/v1/kiosks").body.find(key1) == std::string::npos);
    Api staff(server.port(), staff_token);
    CHECK(staff.get("/v1/kiosks").body.find(key1) == std::string::npos);
}

TEST_CASE("attack: a neighbour's five wrong tries in one session do not lock the unit for the next person") {
    // Before: five wrong tries locked the unit on every kiosk for 15 minutes.
    // Now a session gets 3 free tries, then waits of 30 s, doubling.
    InProcessServer server;
    Api api(server.port(), lobby1_token);
    const std::string neighbour = "session-neighbour-1";
    for (int n = 1; n <= 3; ++n) {
        const Reply r = api.post("/v1/fees/lookup", lookup("1-1-801", "0000", neighbour));
        REQUIRE(r.status == 403);
        CHECK(r.error_code() == "phone_mismatch");
        CHECK(r.as<p::ErrorBody>().attempts_left == 3 - n);
    }
    // The third wrong try starts a 30 s wait for this session only.
    Reply waits = api.post("/v1/fees/lookup", lookup("1-1-801", "1234", neighbour));
    REQUIRE(waits.status == 429);
    CHECK(waits.error_code() == "too_many_attempts");
    CHECK(*waits.as<p::ErrorBody>().locked_until == server.clock().now() + 30);
    server.clock().advance(30);
    Reply fourth = api.post("/v1/fees/lookup", lookup("1-1-801", "0000", neighbour));
    REQUIRE(fourth.status == 403);
    CHECK(*fourth.as<p::ErrorBody>().locked_until == server.clock().now() + 60);  // doubled
    CHECK(api.post("/v1/fees/lookup", lookup("1-1-801", "0000", neighbour)).status == 429);
    server.clock().advance(60);
    REQUIRE(api.post("/v1/fees/lookup", lookup("1-1-801", "0000", neighbour)).status == 403);  // the fifth
    CHECK(api.post("/v1/fees/lookup", lookup("1-1-801", "0000", neighbour)).status == 429);

    // The next person, at this kiosk or another, is not held up.
    Api lobby2(server.port(), lobby2_token);
    CHECK(lobby2.post("/v1/fees/lookup", lookup("1-1-801", "1234", "session-resident-2")).status == 200);
    const Reply fresh = api.post("/v1/fees/lookup", lookup("1-1-801", "9999", "session-next-3"));
    REQUIRE(fresh.status == 403);
    CHECK(fresh.as<p::ErrorBody>().attempts_left == 2);
    CHECK(api.post("/v1/fees/lookup", lookup("1-1-801", "1234", "session-next-3")).status == 200);
}

TEST_CASE("attack: wrong tries from repeated sessions lock the unit everywhere; fresh sessions do not evade it") {
    InProcessServer server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    // Two sessions of five wrong tries each: the tenth locks the unit.
    for (const std::string session : {"session-a-000001", "session-b-000002"}) {
        for (int n = 1; n <= 5; ++n) {
            const Reply r = lobby1.post("/v1/fees/lookup", lookup("3-2-1502", "0000", session));
            const bool last = session == "session-b-000002" && n == 5;
            REQUIRE(r.status == (last ? 423 : 403));
            if (n >= 3 && !last) server.clock().advance(*r.as<p::ErrorBody>().locked_until - server.clock().now());
        }
    }
    const Reply locked = lobby2.post("/v1/fees/lookup", lookup("3-2-1502", "5678", "session-c-000003"));
    REQUIRE(locked.status == 423);
    CHECK(locked.error_code() == "unit_locked");
    CHECK(*locked.as<p::ErrorBody>().locked_until >= server.clock().now() + 15 * 60 - 1);
    server.clock().advance(15 * 60);
    CHECK(lobby2.post("/v1/fees/lookup", lookup("3-2-1502", "5678", "session-c-000003")).status == 200);

    // A token holder making a new session for every guess gets no waits,
    // but the tenth wrong guess within the hour locks the unit: at most 9
    // guesses per unit per hour (before: 4 per 15 minutes, 16 per hour).
    int guesses = 0;
    Reply r;
    for (int n = 0; n < 20; ++n) {
        r = lobby1.post("/v1/fees/lookup", lookup("1-1-801", "0000", "fresh-session-" + std::to_string(n)));
        if (r.status != 403) break;
        ++guesses;
    }
    CHECK(guesses == 9);
    CHECK(r.status == 423);
}

TEST_CASE("attack: only staff see and lift a unit's lock") {
    InProcessServer server([](lobby::server::ServerConfig& c) { c.lockout_failures = 2; });
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    REQUIRE(kiosk.post("/v1/fees/lookup", lookup("1-1-801", "0000", "session-x-000001")).status == 403);
    REQUIRE(kiosk.post("/v1/fees/lookup", lookup("1-1-801", "0000", "session-y-000002")).status == 423);

    // A kiosk token can neither list nor lift.
    CHECK(kiosk.get("/v1/fees/lockouts").status == 403);
    const Reply refused = kiosk.del("/v1/fees/lockouts/1-1-801");
    CHECK(refused.status == 403);
    CHECK(refused.error_code() == "forbidden");
    CHECK(kiosk.post("/v1/fees/lookup", lookup("1-1-801", "1234", "session-z-000003")).status == 423);
    CHECK(Api(server.port(), "").del("/v1/fees/lockouts/1-1-801").status == 401);

    const auto list = staff.get("/v1/fees/lockouts").as<p::FeeLockoutList>();
    REQUIRE(list.lockouts.size() == 1);
    CHECK(list.lockouts[0].unit_id == "1-1-801");
    REQUIRE(list.lockouts[0].locked_until.has_value());
    CHECK(staff.del("/v1/fees/lockouts/9-9-909").status == 404);
    const Reply lifted = staff.del("/v1/fees/lockouts/1-1-801");
    REQUIRE(lifted.status == 200);
    CHECK(lifted.as<p::FeeLockout>().locked_until == list.lockouts[0].locked_until);
    CHECK(staff.get("/v1/fees/lockouts").as<p::FeeLockoutList>().lockouts.empty());
    CHECK(kiosk.post("/v1/fees/lookup", lookup("1-1-801", "1234", "session-z-000003")).status == 200);
}

TEST_CASE("enrolment: a new kiosk gets its token once and its own key file; re-enrolment replaces the key") {
    InProcessServer server;
    const std::string dir = make_temp_dir("security-enrol");
    std::optional<std::string> token;
    {
        lobby::server::Database db = server.database();
        token = lobby::server::enrol_kiosk(db, "lobby-3", dir);
    }
    REQUIRE(token.has_value());
    CHECK(token->size() == 48);
    CHECK(db_int(server.db_path(), "SELECT count(*) FROM kiosks WHERE id = 'lobby-3' AND token_sha256 = '" +
                                       lobby::server::sha256_hex(*token) + "'") == 1);
    const std::string key_file = dir + "/lobby-3.key";
    struct stat info {};
    REQUIRE(::stat(key_file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    std::string key;
    std::ifstream(key_file) >> key;
    REQUIRE(p::is_verifier_text(key));

    Api lobby3(server.port(), *token);
    auto unit = p::decode<p::Unit>(units_of(lobby3).at("3-2-1502")).value();
    CHECK(unit.resident_last4_hmacs == std::vector<std::string>{p::last4_verifier(key, "3-2-1502", "5678")});

    // Re-enrolled (e.g. after its disk was stolen): the token stays, the old key verifies nothing new.
    {
        lobby::server::Database db = server.database();
        CHECK_FALSE(lobby::server::enrol_kiosk(db, "lobby-3", dir).has_value());
        CHECK_THROWS(lobby::server::enrol_kiosk(db, "office-staff", dir));
    }
    std::string new_key;
    std::ifstream(key_file) >> new_key;
    CHECK(new_key != key);
    unit = p::decode<p::Unit>(units_of(lobby3).at("3-2-1502")).value();
    CHECK(unit.resident_last4_hmacs == std::vector<std::string>{p::last4_verifier(new_key, "3-2-1502", "5678")});
    CHECK(unit.resident_last4_hmacs != std::vector<std::string>{p::last4_verifier(key, "3-2-1502", "5678")});
    std::filesystem::remove_all(dir);
}
