// Visitor codes checked offline against the kiosk's real SQLite store: only
// keyed hashes of codes are cached, a code is accepted once and never again
// (not after a restart), its use is queued for the office, and the queued
// body is gone from the file once the office confirmed it.
#include "features/visitors/io/visitor_records.hpp"
#include "protocol/time.hpp"
#include "protocol/verifier.hpp"
#include "store_test_util.hpp"

#include <fstream>
#include <sstream>

using namespace kiosk;
using namespace kiosk::test;
using kiosk::visitors::Outcome;
using kiosk::visitors::redeem_offline;

namespace {

constexpr std::int64_t now = 1795449600;
constexpr const char* code = "24681357";

nlohmann::json record(const std::string& id, const std::string& the_code, std::int64_t from, std::int64_t until,
                      int uses_left = 1, bool keyed = true)
{
    nlohmann::json r = {{"id", id},       {"unit_id", "3-2-1502"}, {"visitor_masked", "李*"}, {"purpose", "friend"},
                        {"people", 1},     {"uses_left", uses_left}, {"valid_from", lobby::protocol::format_utc(from)},
                        {"valid_until", lobby::protocol::format_utc(until)},
                        {"expires_at", lobby::protocol::format_utc(until)}};
    if (keyed)
        r["code_verifier"] = lobby::protocol::visitor_code_verifier(k_test_hash_key, the_code);
    return r;
}

std::string file_bytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("visitor codes offline: accepted once, never twice, not after a restart; the use is queued")
{
    TempDir dir;
    const std::string path = (dir.path() / "kiosk.db").string();
    {
        store::Store s = open_store(path);
        REQUIRE(s.apply_page({change(1, "visitor_codes", "V-1", record("V-1", code, now - 60, now + 3600))}, 1).ok());
        // Only the keyed hash is on disk, never the code.
        CHECK(query_text(s.connection(), "SELECT count(*) FROM records WHERE data LIKE '%24681357%'") == "0");
        const auto first = redeem_offline(s, code, now);
        REQUIRE(first.outcome == Outcome::Ok);
        REQUIRE(first.pass.has_value());
        CHECK(first.pass->offline);
        CHECK(first.pass->visitor_masked == "李*");
        CHECK(first.pass->unit_id == "3-2-1502");
        CHECK(redeem_offline(s, code, now + 5).outcome == Outcome::AlreadyUsed);
        auto head = s.outbox_head();
        REQUIRE(head.ok());
        REQUIRE(head->has_value());
        CHECK((*head)->path == "/v1/visitor-codes/redeem");
        CHECK(query_text(s.connection(), "SELECT count(*) FROM outbox") == "1");
    }
    // A restart: the use is remembered.
    store::Store again = open_store(path);
    CHECK(redeem_offline(again, code, now + 60).outcome == Outcome::AlreadyUsed);
    CHECK(query_text(again.connection(), "SELECT count(*) FROM outbox") == "1");

    // The office confirmed it: the body (with the code) is gone from the file.
    auto head = again.outbox_head();
    REQUIRE(head.ok());
    const auto id = (*head)->id;
    REQUIRE(again.mark_sending(id).ok());
    REQUIRE(again.mark_done(id, 200, R"({"id":"V-1","status":"valid"})").ok());
    CHECK(query_text(again.connection(), "SELECT count(*) FROM outbox WHERE body IS NULL") == "1");
    // The worker's checkpoint writes the page back zeroed (secure_delete)...
    REQUIRE(again.checkpoint().ok());
    CHECK(file_bytes(path).find(code) == std::string::npos);
    // ...and the next start empties the log that still held the old page.
    store::Store restarted = open_store(path);
    std::string bytes = file_bytes(path);
    if (std::filesystem::exists(path + "-wal"))
        bytes += file_bytes(path + "-wal");
    CHECK(bytes.find(code) == std::string::npos);
}

TEST_CASE("visitor codes offline: expired, not yet valid, used up elsewhere, unknown, no key, walk-in numbers")
{
    TempDir dir;
    store::Store s = open_store((dir.path() / "kiosk.db").string());
    REQUIRE(s.apply_page({change(1, "visitor_codes", "V-old", record("V-old", "11111111", now - 7200, now - 60)),
                          change(2, "visitor_codes", "V-later", record("V-later", "22222222", now + 3600, now + 7200)),
                          change(3, "visitor_codes", "V-used", record("V-used", "33333333", now - 60, now + 60, 0))},
                         3)
                .ok());
    CHECK(redeem_offline(s, "11111111", now).outcome == Outcome::Expired);
    CHECK(redeem_offline(s, "22222222", now).outcome == Outcome::NotYetValid);
    CHECK(redeem_offline(s, "33333333", now).outcome == Outcome::AlreadyUsed);
    CHECK(redeem_offline(s, "44444444", now).outcome == Outcome::UnknownCode);
    // A 6-digit walk-in number is known only to the office.
    CHECK(redeem_offline(s, "444444", now).outcome == Outcome::Offline);
    CHECK(query_text(s.connection(), "SELECT count(*) FROM outbox") == "0");

    TempDir other;
    store::Store unkeyed = open_store((other.path() / "kiosk.db").string());
    REQUIRE(unkeyed.apply_page({change(1, "visitor_codes", "V-1", record("V-1", code, now - 60, now + 60, 1, false))}, 1).ok());
    CHECK(redeem_offline(unkeyed, code, now).outcome == Outcome::NoOfflineCheck);
}
