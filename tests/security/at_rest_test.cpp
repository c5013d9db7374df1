// Attack: a copy of the office database (a backup, a stolen disk) reads out
// residents' and visitors' names and phones. Before: stored in clear
// (residents.phone '13812345678'). Now every personal field is sealed with
// the data key kept outside the database (sync/server/field_cipher.hpp).
#include "../server/api_client.hpp"
#include "../server/in_process_server.hpp"
#include "stored_bytes.hpp"

#include "db.hpp"
#include "office_server.hpp"
#include "personal_data_at_rest.hpp"
#include "retention.hpp"
#include "schema.hpp"
#include "support/time_scale.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace lobby::test;
namespace p = lobby::protocol;
namespace s = lobby::server;

namespace {

// The demo's fixed owner of 3-2-1502 and the demo move-out's requester.
constexpr const char* owner_name = "张伟";
constexpr const char* owner_phone = "13812345678";
constexpr const char* mover_phone = "18600001357";

// The database's files (SQLite: with its WAL; PostgreSQL: its folder in the
// cluster), byte for byte: what a copied disk holds.
bool db_files_contain(const std::string& db, const std::string& needle) {
    return stored_bytes(db).find(needle) != std::string::npos;
}

// The server's config for a database of this test's own, on either engine
// (the data key named, as PostgreSQL needs). `demo`: seeded (PostgreSQL: a
// copy of the run's seeded template, with its key).
s::ServerConfig own_config(const std::string& dir, bool demo) {
    s::ServerConfig config;
    const std::string path = dir + "/office.db";
    config.data_key_file = test_data_key_file(path);
    config.db_path = demo ? test_demo_database(path, dir, config.data_key_file) : test_database(path);
    config.port = 0;
    config.demo = demo;
    return config;
}

std::string one_text(s::Database& db, const std::string& sql) {
    s::Statement st(db, sql.c_str());
    REQUIRE(st.step());
    return st.text(0);
}

void start_fails_with(const s::ServerConfig& config, const std::string& words) {
    try {
        s::OfficeServer server(config);
        FAIL("the server started");
    } catch (const std::exception& e) {
        INFO(e.what());
        CHECK(std::string(e.what()).find(words) != std::string::npos);
    }
}

} // namespace

TEST_CASE("attack: the office DB file holds no resident's or visitor's name or phone in clear") {
    InProcessServer server;
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    // Personal data arriving over the API after the seed: a walk-in visitor and a repair contact.
    REQUIRE(kiosk.create("/v1/visitors", {{"name", "欧阳娜娜"}, {"phone", "13700001111"}, {"unit_id", "3-2-1502"},
                                          {"purpose", "family"}, {"people", 1}}).status == 201);
    const Reply lookup = kiosk.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}});
    REQUIRE(lookup.status == 200);
    const std::string token = lookup.as<p::FeeLookupResult>().verification_token.value_or("");
    REQUIRE(kiosk.create("/v1/repairs", {{"unit_id", "3-2-1502"}, {"category", "plumbing"},
                                         {"description", "卫生间地漏反水"}, {"location", "own_unit"},
                                         {"contact_phone", "13655556666"}, {"follow_code", p::make_follow_code()},
                                         {"verification_token", token}}).status == 201);

    const std::string bytes = stored_bytes(server.db_path());
    CHECK(bytes.find("卫生间地漏反水") != std::string::npos);  // the search does see what was stored
    s::Database db = server.database();
    for (const std::string& secret : {std::string(owner_name), std::string(owner_phone), std::string(mover_phone),
                                     std::string("欧阳娜娜"), std::string("13700001111"), std::string("13655556666")}) {
        INFO(secret);
        CHECK(bytes.find(secret) == std::string::npos);
        CHECK(columns_containing(db, secret).empty());
    }
    // The kiosks' verification keys are sealed too (they verify phone digits).
    CHECK(bytes.find(server.kiosk_key("lobby-1")) == std::string::npos);

    // What people and staff saw before, they still see.
    CHECK(kiosk.post("/v1/fees/lookup", {{"unit_id", "1-1-801"}, {"phone_last4", "1234"}}).status == 200);
    CHECK(kiosk.post("/v1/fees/lookup", {{"unit_id", "1-1-801"}, {"phone_last4", "4321"}}).status != 200);
    const Reply move = staff.get("/v1/move-outs/M-demo1");
    REQUIRE(move.status == 200);
    CHECK(move.as<p::MoveOut>().requester_masked == "王*");
}

TEST_CASE("a database written in clear before the data key is sealed at start, once") {
    const std::string dir = make_temp_dir("at-rest-migrate");
    const s::ServerConfig config = own_config(dir, false);
    {
        s::Database db(config.db_path, std::make_shared<const s::FieldCipher>(s::FieldCipher::Key{}));
        s::migrate(db);
        db.exec("INSERT INTO units (id, building, entrance, floor, room, area_m2) VALUES ('1-1-101', 1, 1, 1, '101', 80)");
        db.exec("INSERT INTO residents (unit_id, role, name, phone) VALUES ('1-1-101', 'owner', '张伟', '13812345678')");
        db.exec("INSERT INTO visitor_codes (id, code, kind, unit_id, name, phone, purpose, people, valid_from, "
                "valid_until, created_by) VALUES ('V-1', '123456', 'walk_in', '1-1-101', '欧阳娜娜', '13700001111', "
                "'family', 1, 0, 4102444800, 'lobby-1')");
    }
    REQUIRE(db_files_contain(config.db_path, owner_phone));
    std::string sealed_phone;
    {
        s::OfficeServer server(config);  // start: seals what it finds in clear
        s::Database db = open_with_data_key(config);
        sealed_phone = one_text(db, "SELECT phone FROM residents");
        CHECK(s::FieldCipher::is_sealed(sealed_phone));
        CHECK(db.cipher().open(sealed_phone) == owner_phone);
        CHECK(db.cipher().open(one_text(db, "SELECT name FROM residents")) == owner_name);
        CHECK(db.cipher().open(one_text(db, "SELECT name FROM visitor_codes")) == "欧阳娜娜");
        CHECK(columns_containing(db, owner_phone).empty());
        CHECK(columns_containing(db, "13700001111").empty());
        // The clear rows the update left behind are gone from the files too.
        if (!db.is_postgres()) {
            db.exec("VACUUM");
        } else {
            // VACUUM FULL writes each table anew, but copies a replaced row
            // version while any transaction may still see it, and on the
            // cluster the other tests share, a backend connecting meanwhile
            // can hold a snapshot older than the sealing: vacuum again until
            // none can (a wait for a condition, bounded).
            const auto deadline = std::chrono::steady_clock::now() + scaled(std::chrono::seconds(60));
            do db.exec("VACUUM FULL");
            while (db_files_contain(config.db_path, owner_phone) && std::chrono::steady_clock::now() < deadline);
        }
    }
    CHECK_FALSE(db_files_contain(config.db_path, owner_phone));
    {
        s::OfficeServer again(config);  // idempotent: nothing sealed twice
        s::Database db = open_with_data_key(config);
        CHECK(one_text(db, "SELECT phone FROM residents") == sealed_phone);
        CHECK(s::seal_clear_personal_fields(db) == 0);
    }
    drop_test_database(dir + "/office.db");
    std::filesystem::remove_all(dir);
}

TEST_CASE("a missing, wrong or readable data key file stops the start with a clear error") {
    const std::string dir = make_temp_dir("at-rest-key");
    s::ServerConfig config = own_config(dir, true);
    { s::OfficeServer first(config); }
    const std::string key_file = config.data_key_path();
    struct stat info {};
    REQUIRE(::stat(key_file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);

    // Others may read it: refused (and named).
    ::chmod(key_file.c_str(), 0644);
    start_fails_with(config, "group or others may access it");
    ::chmod(key_file.c_str(), 0600);
    // Lost (a fresh key would be made): it opens nothing, so the start stops.
    std::filesystem::rename(key_file, dir + "/saved.key");
    start_fails_with(config, "wrong or replaced --data-key-file");
    // Not a key at all.
    std::ofstream(key_file, std::ios::trunc) << "not a key\n";
    start_fails_with(config, "does not hold a key");
    // The right key named by --data-key-file: starts.
    config.data_key_file = dir + "/saved.key";
    CHECK_NOTHROW(s::OfficeServer{config});
    drop_test_database(dir + "/office.db");
    std::filesystem::remove_all(dir);
}

TEST_CASE("retention still blanks sealed visitor and move-out data") {
    InProcessServer server;
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    const Reply pass = kiosk.create("/v1/visitors", {{"name", "欧阳娜娜"}, {"phone", "13700001111"},
                                                     {"unit_id", "3-2-1502"}, {"purpose", "family"}, {"people", 1}});
    REQUIRE(pass.status == 201);
    const std::string id = pass.as<p::VisitorPass>().id;
    REQUIRE(staff.create("/v1/move-outs/M-demo1/decision", {{"status", "approved"}, {"note", "业主电话确认"}, {"via", "phone_call"}}).status == 200);

    s::Database db = server.database();
    CHECK(s::FieldCipher::is_sealed(one_text(db, "SELECT name FROM visitor_codes WHERE id = '" + id + "'")));
    s::ServerConfig config;
    s::apply_retention(db, config, server.clock().now() + 40 * 86400);
    CHECK(one_text(db, "SELECT name FROM visitor_codes WHERE id = '" + id + "'") == "*");
    CHECK(one_text(db, "SELECT COUNT(*) FROM visitor_codes WHERE id = '" + id + "' AND phone IS NULL") == "1");
    CHECK(one_text(db, "SELECT requester_name || requester_phone FROM move_outs WHERE id = 'M-demo1'") == "**");
    // The purged records still read (masked "*"), they do not break the API.
    CHECK(staff.get("/v1/move-outs/M-demo1").status == 200);
}
