// office_server_core without HTTP: transactions roll back, masking, the feed
// sequence, refreshes, and the demo seed's fixed units.
#include "db.hpp"
#include "demo_seed.hpp"
#include "estate.hpp"
#include "feature.hpp"
#include "feed.hpp"
#include "fees/bills.hpp"
#include "office_server.hpp"
#include "pool.hpp"
#include "sha256.hpp"
#include "refresh.hpp"
#include "retention.hpp"
#include "schema.hpp"
#include "schema_before.hpp"
#include "support/office_server_process.hpp"
#include "support/test_database.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>
#include <thread>

using namespace lobby::server;
namespace p = lobby::protocol;

namespace {

// A migrated database in a fresh temp dir, removed afterwards (PostgreSQL
// run: a database of its own, with the data key file the SQLite one would
// have beside it).
struct TempDb {
    TempDb()
        : dir(lobby::test::make_temp_dir("office-core-test")), file(dir + "/office.db"),
          path(lobby::test::test_database(file)), key_file(lobby::test::test_data_key_file(file)),
          db(path, cipher()) {
        migrate(db);
    }
    ~TempDb() {
        try { lobby::test::drop_test_database(file); } catch (const std::exception&) {}
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
    std::shared_ptr<const FieldCipher> cipher() const {
        return std::make_shared<const FieldCipher>(FieldCipher::from_key_file(key_file));
    }
    // An office server's config for this database.
    ServerConfig config() const {
        ServerConfig c;
        c.db_path = path;
        c.data_key_file = key_file;
        return c;
    }
    std::string dir;
    std::string file;      // the SQLite file, or what the PostgreSQL database stands for
    std::string path;      // what --db would be: that file, or the database's URL
    std::string key_file;
    Database db;
};

bool has_column(Database& db, const std::string& table, const std::string& column) {
    Statement st(db, db.is_postgres() ? "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                                        "AND table_name = ? AND column_name = ?"
                                      : "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    st.bind(1, table).bind(2, column);
    return st.step();
}

long long count(Database& db, const char* sql) {
    Statement st(db, sql);
    st.step();
    return st.int64(0);
}

// How many residents of `unit` have a phone ending in `last4` (phones are sealed at rest).
int residents_with_last4(Database& db, const std::string& unit, const std::string& last4) {
    Statement st(db, "SELECT phone FROM residents WHERE unit_id = ?");
    st.bind(1, unit);
    int n = 0;
    while (st.step()) n += last4_of(db.cipher().open(st.text(0))) == last4 ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("a transaction rolls back when it is not committed, also on an exception") {
    TempDb t;
    {
        Transaction tx(t.db);
        t.db.exec("INSERT INTO kiosks (id, token_sha256, role) VALUES ('k1', 'h1', 'kiosk')");
    }
    CHECK(count(t.db, "SELECT COUNT(*) FROM kiosks") == 0);
    try {
        Transaction tx(t.db);
        t.db.exec("INSERT INTO kiosks (id, token_sha256, role) VALUES ('k1', 'h1', 'kiosk')");
        t.db.exec("INSERT INTO kiosks (id, token_sha256, role) VALUES ('k1', 'h1', 'kiosk')");  // duplicate key
        tx.commit();
    } catch (const DbError&) {
    }
    CHECK(count(t.db, "SELECT COUNT(*) FROM kiosks") == 0);
    {
        Transaction tx(t.db);
        t.db.exec("INSERT INTO kiosks (id, token_sha256, role) VALUES ('k1', 'h1', 'kiosk')");
        tx.commit();
    }
    CHECK(count(t.db, "SELECT COUNT(*) FROM kiosks") == 1);
}

// PostgreSQL queues a statement nobody reads (pipeline mode) until
// something needs an answer; outside a transaction nothing would.
TEST_CASE("a write outside a transaction is committed at once: another connection sees it") {
    TempDb t;
    Statement insert(t.db, "INSERT INTO kiosks (id, token_sha256, role) VALUES (?, 'h', 'kiosk')");
    insert.bind(1, "k-autocommit");
    insert.run();
    Database other(t.path, t.cipher());
    CHECK(count(other, "SELECT COUNT(*) FROM kiosks WHERE id = 'k-autocommit'") == 1);
}

TEST_CASE("migrations run once (SQLite: in WAL mode)") {
    TempDb t;
    migrate(t.db);  // second run is a no-op
    CHECK(schema_version(t.db) == static_cast<int>(schema_steps(server_features()).size()));
    if (!t.db.is_postgres()) {
        Statement mode(t.db, "PRAGMA journal_mode");
        mode.step();
        CHECK(mode.text(0) == "wal");
    }
    CHECK_THROWS_AS(Statement(t.db, "SELECT nonsense FROM nowhere"), DbError);
}

TEST_CASE("tokens are stored as their SHA-256") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("demo-lobby-1-token").size() == 64);
}

TEST_CASE("schema steps are numbered 1..N across the features, with today's steps 1-2 first") {
    const auto steps = schema_steps(server_features());
    REQUIRE(steps.size() >= 2);
    for (std::size_t i = 0; i < steps.size(); ++i) CHECK(steps[i].version == static_cast<int>(i + 1));
    CHECK(std::string(steps[0].sql).find("CREATE TABLE kiosks") != std::string::npos);
    CHECK(std::string(steps[1].sql).find("ALTER TABLE move_outs ADD COLUMN decided_at") != std::string::npos);
    FeatureRegistry broken;
    Feature twice;
    twice.schema = {{2, "SELECT 1"}};
    broken.add(twice);
    broken.add(twice);
    CHECK_THROWS_AS(schema_steps(broken), std::logic_error);
    FeatureRegistry gap;
    Feature skips;
    skips.schema = {{3, "SELECT 1"}};
    gap.add(skips);
    CHECK_THROWS_AS(schema_steps(gap), std::logic_error);
}

TEST_CASE("a database of the first release (schema version 1) migrates to the newest version") {
    TempDb fresh;  // already migrated: rebuild one at version 1 (schema_before.hpp)
    const std::string old_file = fresh.dir + "/v1.db";
    const std::string old_path = lobby::test::test_database(old_file);
    {
        Database old(old_path, fresh.cipher());
        lobby::test::apply_schema_before(old, "ALTER TABLE move_outs ADD COLUMN decided_at");
        REQUIRE(schema_version(old) == 1);
        old.exec("INSERT INTO units (id, building, entrance, floor, room, area_m2) VALUES ('1-1-101', 1, 1, 1, '101', 80)");
        CHECK_FALSE(has_column(old, "move_outs", "decision_note"));
    }
    {
        Database again(old_path, fresh.cipher());
        migrate(again);
        CHECK(schema_version(again) == static_cast<int>(schema_steps(server_features()).size()));
        CHECK(count(again, "SELECT COUNT(*) FROM units") == 1);
        CHECK(has_column(again, "move_outs", "decision_note"));
    }
    lobby::test::drop_test_database(old_file);
}

TEST_CASE("every publish takes the next sequence number; tombstones too") {
    TempDb t;
    Transaction tx(t.db);
    publish(t.db, "notices", "N-1", {{"a", 1}});
    publish(t.db, "notices", "N-2", {{"a", 2}});
    publish(t.db, "notices", "N-1", {{"a", 3}});
    publish_tombstone(t.db, "notices", "N-2");
    tx.commit();
    CHECK(count(t.db, "SELECT seq FROM feed WHERE key = 'N-1'") == 3);
    CHECK(count(t.db, "SELECT seq FROM feed WHERE key = 'N-2'") == 4);
    CHECK(load_record(t.db, "notices", "N-1").value()["a"] == 3);
    CHECK_FALSE(load_record(t.db, "notices", "N-2").has_value());
    const auto page = read_changes(t.db, FeedQuery{0, 10, "lobby-1", {}});
    REQUIRE(page.changes.size() == 2);
    CHECK(page.changes[1].deleted);
    CHECK(page.next_since == 4);
}

// PostgreSQL's feed_seq is a sequence, which a rollback does not give back
// (SQLite's seq_counter row is rolled back with the write): readers ask for
// seq > since and never wait for a number, so a gap costs nothing.
TEST_CASE("a rolled-back publish may leave a gap in the feed's seq; readers pass over it") {
    TempDb t;
    auto publish_one = [&t](const char* key, bool commit) {
        Transaction tx(t.db);
        publish(t.db, "notices", key, {{"id", key}});
        if (commit) tx.commit();
    };
    publish_one("N-1", true);
    publish_one("N-rolled-back", false);
    publish_one("N-3", true);
    const auto page = read_changes(t.db, FeedQuery{0, 10, "lobby-1", {}});
    REQUIRE(page.changes.size() == 2);
    CHECK(page.changes[0].key == "N-1");
    CHECK(page.changes[1].key == "N-3");
    CHECK(page.next_since == count(t.db, "SELECT seq FROM feed WHERE key = 'N-3'"));
    CHECK(count(t.db, "SELECT seq FROM feed WHERE key = 'N-3'") - count(t.db, "SELECT seq FROM feed WHERE key = 'N-1'") ==
          (t.db.is_postgres() ? 2 : 1));
    CHECK(read_changes(t.db, FeedQuery{page.next_since, 10, "lobby-1", {}}).changes.empty());
    CHECK_FALSE(load_record(t.db, "notices", "N-rolled-back").has_value());
}

TEST_CASE("due refreshes expire notices and re-publish bills as late") {
    TempDb t;
    Pool pool(t.path, t.cipher());
    const p::UtcSeconds now = p::now_utc();
    {
        Transaction tx(t.db);
        t.db.exec("INSERT INTO units (id, building, entrance, floor, room, area_m2) VALUES ('1-1-101', 1, 1, 1, '101', 80)");
        t.db.exec("INSERT INTO bills (id, unit_id, fee_kind, period, amount_fen, paid_fen, due_date) "
                  "VALUES ('B1', '1-1-101', 'refuse', '2020-01', 1000, 0, '2020-02-15')");
        PublishOptions notice;
        notice.refresh_at = now - 1;
        publish(t.db, "notices", "N-old", {{"id", "N-old"}}, notice);
        PublishOptions bill;
        bill.refresh_at = now - 1;
        publish(t.db, "bills", "B1", {{"late", false}}, bill);
        tx.commit();
    }
    CHECK(due_refreshes(t.db, now).size() == 2);
    apply_due_refreshes(pool, t.db, now);
    CHECK(due_refreshes(t.db, now).empty());
    CHECK_FALSE(load_record(t.db, "notices", "N-old").has_value());
    CHECK(load_record(t.db, "bills", "B1").value()["late"] == true);
    CHECK(fees::late_from("2026-11-15") == p::parse_utc("2026-11-15T16:00:00Z").value());
}

// A thread that holds a connection of a pool and asks the same pool for a
// second would wait for itself once the pool is that small (--db-pool 1):
// it is a programming error, refused at once whatever the bound, so a new
// nesting fails in every test instead of deadlocking under load.
TEST_CASE("a thread holding a lease of a pool that asks it for another gets logic_error at once; given back, it may") {
    TempDb t;
    PoolLimits roomy;
    roomy.size = 4;  // room for a second connection: the refusal is not a timeout
    Pool pool(t.path, t.cipher(), roomy);
    Pool estate(pool, "north", "north");  // an estate borrowing these connections, as on PostgreSQL
    {
        auto lease = pool.acquire();
        CHECK(pool.held_by_this_thread());
        CHECK(estate.held_by_this_thread());
        CHECK_THROWS_AS(pool.acquire(), std::logic_error);
        CHECK_THROWS_AS(estate.acquire(), std::logic_error);
        // Another thread is another request: it gets its own connection.
        bool answered = false;
        std::thread other([&] {
            auto its_own = pool.acquire();
            answered = pool.held_by_this_thread();
        });
        other.join();
        CHECK(answered);
        // A moved lease is still one lease: giving it back ends the hold.
        Pool::Lease moved(std::move(lease));
        CHECK(pool.held_by_this_thread());
    }
    CHECK_FALSE(pool.held_by_this_thread());
    auto again = estate.acquire();
    CHECK(again.db().estate() == "north");
    // Another pool (another SQLite file's, or another database's) is not the same connections.
    TempDb other_db;
    Pool other(other_db.path, other_db.cipher(), roomy);
    CHECK_NOTHROW(other.acquire());
}

TEST_CASE("the demo seed makes the documented demo units, once") {
    TempDb t;
    const auto lines = seed_demo_estate(t.db, p::now_utc());
    CHECK(lines.size() >= 5);
    const long long units = count(t.db, "SELECT COUNT(*) FROM units");
    CHECK(units > 500);
    seed_demo_estate(t.db, p::now_utc());
    CHECK(count(t.db, "SELECT COUNT(*) FROM units") == units);
    CHECK(residents_with_last4(t.db, "3-2-1502", "5678") == 1);
    CHECK(residents_with_last4(t.db, "1-1-801", "1234") == 1);
    CHECK(residents_with_last4(t.db, "5-3-2202", "1357") == 1);
    CHECK(residents_with_last4(t.db, "6-3-B1202", "2024") == 1);
    CHECK(count(t.db, "SELECT COUNT(*) FROM units WHERE building = 6 AND entrance = 3 AND room = 'B1202'") == 1);
    CHECK(count(t.db, "SELECT SUM(amount_fen - paid_fen) FROM bills WHERE unit_id = '3-2-1502'") > 0);
    CHECK(count(t.db, "SELECT SUM(amount_fen - paid_fen) FROM bills WHERE unit_id = '1-1-801'") == 0);
    CHECK(count(t.db, "SELECT COUNT(*) FROM bills WHERE paid_fen > 0 AND paid_fen < amount_fen") > 0);
    CHECK(count(t.db, "SELECT COUNT(DISTINCT status) FROM tickets") >= 5);
    CHECK(count(t.db, "SELECT COUNT(*) FROM kiosks WHERE revoked = 1") == 1);
    CHECK(find_unit(t.db, "3-2-1502")->owner_masked == "张*");
}

TEST_CASE("stored idempotent responses older than the retention are dropped at start") {
    TempDb t;
    const p::UtcSeconds now = p::now_utc();
    Statement ins(t.db, "INSERT INTO idempotency (kiosk_id, key, request_sha256, status, response, created_at) "
                        "VALUES ('lobby-1', ?, 'h', 201, '{}', ?)");
    ins.bind(1, "old-key-1").bind(2, now - p::UtcSeconds{31} * 86400);
    ins.run();
    ins.bind(1, "new-key-1").bind(2, now - 3600);
    ins.run();
    OfficeServer server(t.config());
    CHECK(count(t.db, "SELECT COUNT(*) FROM idempotency WHERE key = 'old-key-1'") == 0);
    CHECK(count(t.db, "SELECT COUNT(*) FROM idempotency WHERE key = 'new-key-1'") == 1);
}

TEST_CASE("visitors' names and phones are blanked 30 days after the pass ends; live passes keep them") {
    TempDb t;
    const p::UtcSeconds now = p::now_utc();
    t.db.exec("INSERT INTO units (id, building, entrance, floor, room, area_m2) VALUES ('1-1-101', 1, 1, 1, '101', 80)");
    Statement ins(t.db, "INSERT INTO visitor_codes (id, code, kind, unit_id, name, phone, purpose, people, valid_from, "
                        "valid_until, created_by) VALUES (?, ?, 'walk_in', '1-1-101', ?, ?, 'family', 1, ?, ?, 'lobby-1')");
    // Sealed as the server stores them: the purge must work on sealed values.
    ins.bind(1, "V-old").bind(2, "111111").bind(3, t.db.cipher().seal("王芳")).bind(4, t.db.cipher().seal("13912345678"));
    ins.bind(5, now - 40 * 86400).bind(6, now - 31 * 86400);
    ins.run();
    ins.bind(1, "V-new").bind(2, "222222").bind(3, t.db.cipher().seal("王芳")).bind(4, t.db.cipher().seal("13912345678"));
    ins.bind(5, now - 3600).bind(6, now + 3600);
    ins.run();
    ServerConfig config;
    apply_retention(t.db, config, now);
    CHECK(count(t.db, "SELECT COUNT(*) FROM visitor_codes WHERE id = 'V-old' AND name = '*' AND phone IS NULL") == 1);
    Statement kept(t.db, "SELECT name FROM visitor_codes WHERE id = 'V-new'");
    REQUIRE(kept.step());
    CHECK(t.db.cipher().open(kept.text(0)) == "王芳");
}
