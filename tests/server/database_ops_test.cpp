// Running on PostgreSQL: the database stopped and restarted under writes
// (503 database_unavailable meanwhile, reconnect, exactly one record per
// Idempotency-Key), the connection pool's bound, and a pg_dump backup
// restored into a fresh database. Registered under ctest -L postgres only.
#include "api_client.hpp"
#include "support/time_scale.hpp"

#include <libpq-fe.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

// Polls `done` until it holds or `limit` (scaled) passes.
bool wait_until(const std::function<bool()>& done, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + scaled(limit);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

// One libpq session of the test's own, beside the server's.
class PgSession {
public:
    explicit PgSession(const std::string& url) : m_conn(PQconnectdb(url.c_str())) {
        if (PQstatus(m_conn) != CONNECTION_OK) FAIL("cannot connect to " << url << ": " << PQerrorMessage(m_conn));
    }
    ~PgSession() { PQfinish(m_conn); }
    PgSession(const PgSession&) = delete;
    PgSession& operator=(const PgSession&) = delete;

    bool exec(const std::string& sql) {
        PGresult* r = PQexec(m_conn, sql.c_str());
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
        if (!ok) MESSAGE(sql << ": " << PQerrorMessage(m_conn));
        PQclear(r);
        return ok;
    }
    long long value(const std::string& sql) {
        PGresult* r = PQexec(m_conn, sql.c_str());
        long long out = -1;
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
            out = std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10);
        PQclear(r);
        return out;
    }

private:
    PGconn* m_conn;
};

// A PostgreSQL cluster of this test's own (scripts/test-postgres), which it
// may stop as a crash would and start again. synchronous_commit on: a COMMIT
// is in the kernel's hands before it answers, so an acknowledged write
// survives the halt (the shared test cluster runs without).
class PrivateCluster {
public:
    // Inside the shared cluster's folder: if this test is killed (its time
    // limit), stopping the shared one (postgres_stop) stops this one too.
    PrivateCluster() : m_dir(nested_dir()), m_key_dir(make_temp_dir("lobby-pg-ops-key")) {
        REQUIRE(run("start"));
    }
    ~PrivateCluster() {
        run("stop");
        std::error_code ignored;
        std::filesystem::remove_all(m_key_dir, ignored);
    }
    std::string url() const { return "postgresql://lobby@/postgres?host=" + m_dir + "&application_name=ops"; }
    std::string key_file() const { return m_key_dir + "/office.key"; }
    bool halt() { return run("halt"); }
    bool resume() { return run("resume"); }

private:
    static std::string nested_dir() {
        std::string pattern = std::string(std::getenv("LOBBY_TEST_PG_HOST")) + "/ops-XXXXXX";
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
        return pattern;
    }
    bool run(const std::string& action) {
        const std::string command = "LOBBY_TEST_PG_OPTIONS='-c synchronous_commit=on' " LOBBY_SCRIPTS_DIR
                                    "/test-postgres " + action + " " + m_dir + " >/dev/null";
        return std::system(command.c_str()) == 0;
    }
    std::string m_dir;
    std::string m_key_dir;
};

nlohmann::json repair(const std::string& description) {
    return {{"unit_id", "3-2-1502"}, {"category", "plumbing"}, {"description", description}, {"location", "own_unit"}};
}

// One request a kiosk's outbox holds until the server acknowledges it.
struct Sent {
    std::string key;
    std::string description;
    std::string ticket_id;  // empty until a 201
};

// Kiosks writing repairs as an outbox does: a request that is not
// acknowledged is sent again with the same Idempotency-Key, else the next.
// Counts the 503s and anything else (a 500, no answer at all).
class OutboxWriters {
public:
    OutboxWriters(int port, int kiosks, std::string tag) {
        for (int k = 0; k < kiosks; ++k)
            m_threads.emplace_back([this, port, k, tag] {
                Api api(port, k % 2 ? lobby2_token : lobby1_token);
                Sent current;
                for (int i = 0; !m_stop; ++i) {
                    if (current.key.empty()) current = {Api::fresh_key(), tag + " " + std::to_string(k) + "-" + std::to_string(i), {}};
                    const Reply r = api.post("/v1/repairs", repair(current.description), current.key);
                    std::lock_guard<std::mutex> lock(m_mutex);
                    if (r.status == 201) {
                        current.ticket_id = r.as<p::Ticket>().id;
                        m_done.push_back(std::move(current));
                        current = {};
                    } else if (r.status == 503 && r.error_code() == "database_unavailable" &&
                               r.headers.count("Retry-After") == 1) {
                        ++m_unavailable;
                    } else {
                        m_unexpected.push_back(std::to_string(r.status) + " " + r.body.substr(0, 200));
                    }
                }
                std::lock_guard<std::mutex> lock(m_mutex);
                if (!current.key.empty()) m_pending.push_back(current);
            });
    }
    ~OutboxWriters() { stop(); }

    void stop() {
        m_stop = true;
        for (auto& t : m_threads)
            if (t.joinable()) t.join();
    }
    std::size_t acknowledged() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_done.size();
    }
    int unavailable() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_unavailable;
    }
    // After stop(): the acknowledged, the still unacknowledged, the odd answers.
    const std::vector<Sent>& done() const { return m_done; }
    const std::vector<Sent>& pending() const { return m_pending; }
    const std::vector<std::string>& unexpected() const { return m_unexpected; }

private:
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::vector<Sent> m_done;
    std::vector<Sent> m_pending;
    std::vector<std::string> m_unexpected;
    int m_unavailable = 0;
    std::vector<std::thread> m_threads;
};

// Every description of `tag` is in exactly one ticket: none lost, none twice.
void check_one_record_each(const std::string& db, const std::string& tag, std::size_t requests) {
    const std::string like = "description LIKE '" + tag + " %'";
    CHECK(query_int(db, "SELECT COUNT(*) FROM tickets WHERE " + like) == static_cast<long long>(requests));
    CHECK(query_int(db, "SELECT COUNT(DISTINCT description) FROM tickets WHERE " + like) == static_cast<long long>(requests));
}

std::string pg_admin_url() {
    return "postgresql://lobby@/postgres?host=" + std::string(std::getenv("LOBBY_TEST_PG_HOST"));
}

} // namespace

TEST_CASE("PostgreSQL stopped under writes: 503 database_unavailable meanwhile, then reconnect, one record per key") {
    if (!testing_postgres()) return;  // needs PostgreSQL's server binaries: a cluster of its own to stop
    PrivateCluster cluster;
    OfficeServerProcess server({true, cluster.url(), {"--data-key-file", cluster.key_file()}});
    const std::string tag = "停库测试";
    OutboxWriters writers(server.port(), 3, tag);
    REQUIRE(wait_until([&] { return writers.acknowledged() >= 10; }, std::chrono::seconds(60)));

    REQUIRE(cluster.halt());  // pg_ctl stop -m immediate: sessions cut mid-statement
    REQUIRE(wait_until([&] { return writers.unavailable() >= 10; }, std::chrono::seconds(30)));
    Api reader(server.port(), lobby1_token);
    const Reply away = reader.get("/v1/changes?since=0&limit=10");
    CHECK(away.status == 503);
    CHECK(away.error_code() == "database_unavailable");
    CHECK(away.headers.count("Retry-After") == 1);
    CHECK(reader.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}}).status == 503);
    CHECK(::kill(server.pid(), 0) == 0);  // still running

    REQUIRE(cluster.resume());
    const std::size_t before = writers.acknowledged();
    // The pool reconnects by itself: writes are acknowledged again.
    CHECK(wait_until([&] { return writers.acknowledged() >= before + 10; }, std::chrono::seconds(60)));
    writers.stop();
    CHECK_MESSAGE(writers.unexpected().empty(), "answers neither 201 nor 503 database_unavailable: "
                                                    << writers.unexpected().size() << ", first: "
                                                    << (writers.unexpected().empty() ? "" : writers.unexpected().front())
                                                    << "\nserver log:\n" << server.log_tail());

    // What was never acknowledged goes again with its key: one record each.
    Api retry(server.port(), lobby1_token);
    Api retry2(server.port(), lobby2_token);
    for (const auto& s : writers.pending()) {
        const Reply r1 = retry.post("/v1/repairs", repair(s.description), s.key);
        const Reply r = r1.status == 201 ? r1 : retry2.post("/v1/repairs", repair(s.description), s.key);
        CHECK(r.status == 201);
    }
    const std::size_t requests = writers.done().size() + writers.pending().size();
    check_one_record_each(cluster.url(), tag, requests);
    for (const auto& s : writers.done())
        CHECK(query_int(cluster.url(), "SELECT COUNT(*) FROM tickets WHERE id = '" + s.ticket_id + "'") == 1);
    CHECK(reader.get("/v1/changes?since=0&limit=10").status == 200);
    CHECK(server.terminate() == 0);
}

TEST_CASE("--db-pool N: N+k slow requests at once never open more than N connections, and all are answered") {
    if (!testing_postgres()) return;  // counts sessions in pg_stat_activity
    constexpr int pool = 3;
    constexpr int extra = 3;
    OfficeServerProcess server({true, {}, {"--db-pool", std::to_string(pool), "--db-pool-wait-seconds",
                                           std::to_string(scaled(std::chrono::seconds(60)).count() / 1000),
                                           "--max-connections-per-client", "16"}});
    const std::string url = test_database(server.db_path());
    const std::string app = url.substr(url.rfind('=') + 1);
    PgSession holder(url);
    const std::string sessions =
        "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '" + app + "' AND pid <> pg_backend_pid()";
    // Every write of this office takes this lock (db.cpp); held here, each write waits.
    const std::string lock_key = "7019, hashtext(current_schema())";
    REQUIRE(holder.exec("SELECT pg_advisory_lock(" + lock_key + ")"));

    std::vector<Reply> replies(pool + extra);
    std::vector<std::thread> kiosks;
    for (std::size_t i = 0; i < replies.size(); ++i)
        kiosks.emplace_back([&, i] {
            replies[i] = Api(server.port(), lobby1_token).create("/v1/repairs", repair("连接池 " + std::to_string(i)));
        });
    long long most = 0;
    CHECK(wait_until([&] {
        most = std::max(most, holder.value(sessions));
        return most >= pool && holder.value(sessions + " AND wait_event_type = 'Lock'") == 1;
    }, std::chrono::seconds(30)));
    // The others queue meanwhile, on the write mutex or for a connection.
    for (int sample = 0; sample < 200; ++sample) most = std::max(most, holder.value(sessions));
    CHECK(most == pool);

    REQUIRE(holder.exec("SELECT pg_advisory_unlock(" + lock_key + ")"));
    for (auto& t : kiosks) t.join();
    for (const auto& r : replies) CHECK(r.status == 201);
    CHECK(holder.value(sessions) <= pool);
    CHECK(db_int(server.db_path(), "SELECT COUNT(*) FROM tickets WHERE description LIKE '连接池 %'") == pool + extra);
}

TEST_CASE("a request that waits longer than --db-pool-wait-seconds for a connection gets 503 database_unavailable") {
    if (!testing_postgres()) return;  // sees the held connection in pg_stat_activity
    OfficeServerProcess server({true, {}, {"--db-pool", "1", "--db-pool-wait-seconds", "0.3"}});
    const std::string url = test_database(server.db_path());
    const std::string app = url.substr(url.rfind('=') + 1);
    PgSession holder(url);
    const std::string lock_key = "7019, hashtext(current_schema())";
    REQUIRE(holder.exec("SELECT pg_advisory_lock(" + lock_key + ")"));
    Reply slow;
    std::thread writer([&] { slow = Api(server.port(), lobby1_token).create("/v1/repairs", repair("连接池等待")); });
    // The one connection waits on the lock inside the write.
    CHECK(wait_until([&] {
        return holder.value("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '" + app +
                            "' AND wait_event_type = 'Lock'") == 1;
    }, std::chrono::seconds(30)));
    Api reader(server.port(), lobby1_token);
    const Reply busy = reader.get("/v1/changes?since=0&limit=1");
    CHECK(busy.status == 503);
    CHECK(busy.error_code() == "database_unavailable");
    CHECK(busy.headers.count("Retry-After") == 1);

    REQUIRE(holder.exec("SELECT pg_advisory_unlock(" + lock_key + ")"));
    writer.join();
    CHECK(slow.status == 201);
    CHECK(reader.get("/v1/changes?since=0&limit=1").status == 200);
}

TEST_CASE("pg_dump of a live office database restores into a fresh database that serves the same data") {
    if (!testing_postgres()) return;  // pg_dump and pg_restore
    const std::string suffix = std::to_string(::getpid());
    const std::string source = "backup_src_" + suffix;
    const std::string target = "backup_dst_" + suffix;
    PgSession admin(pg_admin_url());
    for (const auto& db : {source, target}) {
        REQUIRE(admin.exec("DROP DATABASE IF EXISTS " + db));
        REQUIRE(admin.exec("CREATE DATABASE " + db));
    }
    auto url_of = [](const std::string& db) {
        return "postgresql://lobby@/" + db + "?host=" + std::string(std::getenv("LOBBY_TEST_PG_HOST"));
    };
    const std::string dir = make_temp_dir("office-backup-test");
    const std::string key = dir + "/office.key";  // the data key is kept apart from the backup
    const std::string dump = dir + "/office.dump";

    // With a second estate (its own schema in the same database), small: a
    // backup holds every estate of the company, not only home.
    OfficeServerProcess live({true, url_of(source), {"--data-key-file", key, "--demo-estates", "1", "--demo-units", "20"}});
    Api kiosk(live.port(), lobby1_token);
    Api staff(live.port(), staff_token);
    const Reply created = kiosk.create("/v1/repairs", repair("备份恢复测试"));
    REQUIRE(created.status == 201);
    const std::string id = created.as<p::Ticket>().id;
    const Reply ticket = staff.get("/v1/repairs/" + id);
    REQUIRE(ticket.status == 200);
    const std::string b_kiosk_token = std::string("e001.") + lobby1_token, b_staff_token = std::string("e001.") + staff_token;
    Api b_kiosk(live.port(), b_kiosk_token);
    nlohmann::json b_repair = repair("乙小区备份测试");
    b_repair["unit_id"] = "1-1-101";  // a small estate's first unit (--demo-units)
    const Reply b_created = b_kiosk.create("/v1/repairs", b_repair);
    REQUIRE(b_created.status == 201);
    const std::string b_id = b_created.as<p::Ticket>().id;
    const Reply b_ticket = Api(live.port(), b_staff_token).get("/v1/repairs/" + b_id);
    REQUIRE(b_ticket.status == 200);
    std::int64_t b_cursor = 0;
    const auto b_feed = pull_feed(b_kiosk, 0, 1000, &b_cursor);
    std::int64_t cursor = 0;
    const auto feed = pull_feed(kiosk, 0, 1000, &cursor);
    // While the server runs: pg_dump reads one consistent snapshot.
    REQUIRE(std::system((LOBBY_SCRIPTS_DIR "/backup-office-db '" + url_of(source) + "' " + dump).c_str()) == 0);
    CHECK(live.terminate() == 0);

    REQUIRE(std::system((LOBBY_SCRIPTS_DIR "/restore-office-db " + dump + " '" + url_of(target) + "'").c_str()) == 0);
    OfficeServerProcess restored({false, url_of(target), {"--data-key-file", key}});
    Api kiosk_after(restored.port(), lobby1_token);
    const Reply ticket_after = Api(restored.port(), staff_token).get("/v1/repairs/" + id);
    CHECK(ticket_after.status == 200);
    CHECK(ticket_after.json() == ticket.json());
    std::int64_t cursor_after = 0;
    CHECK(pull_feed(kiosk_after, 0, 1000, &cursor_after).size() == feed.size());
    CHECK(cursor_after == cursor);
    for (const char* table : {"units", "bills", "residents", "tickets"}) {
        CAPTURE(table);
        const std::string count = std::string("SELECT COUNT(*) FROM ") + table;
        CHECK(query_int(url_of(target), count) == query_int(url_of(source), count));
    }
    // Estate B came back whole, under its own name and tokens.
    const Reply b_after = Api(restored.port(), b_staff_token).get("/v1/repairs/" + b_id);
    CHECK(b_after.status == 200);
    CHECK(b_after.json() == b_ticket.json());
    std::int64_t b_cursor_after = 0;
    Api b_kiosk_after(restored.port(), b_kiosk_token);
    CHECK(pull_feed(b_kiosk_after, 0, 1000, &b_cursor_after).size() == b_feed.size());
    CHECK(b_cursor_after == b_cursor);
    // Only there: home's ticket of the same number (ids count per estate) is home's own.
    CHECK(Api(restored.port(), staff_token).get("/v1/repairs/" + b_id).json().value("description", "") != "乙小区备份测试");
    // The restored database goes on from where the backup ended.
    CHECK(kiosk_after.create("/v1/repairs", repair("恢复后新写")).status == 201);
    CHECK(kiosk_after.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}}).status == 200);
    CHECK(restored.terminate() == 0);

    for (const auto& db : {source, target}) CHECK(admin.exec("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)"));
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}
