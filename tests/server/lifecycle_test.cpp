// Process lifecycle: graceful SIGTERM, and kill -9 in the middle of writes
// leaves a database that passes integrity_check and keeps acknowledged writes.
#include "api_client.hpp"

#include "protocol/verifier.hpp"

#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

std::string integrity(const std::string& db_path) {
    // PostgreSQL keeps its own pages whole (WAL); what a test can see is that
    // the database opens and its tables read.
    if (testing_postgres()) return db_int(db_path, "SELECT COUNT(*) FROM tickets") >= 0 ? "ok" : "cannot open";
    sqlite3* db = nullptr;
    std::string out = "cannot open";
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

// Writers that keep creating repairs until told to stop; remembers the ids
// the server acknowledged with 201.
class WriteLoad {
public:
    WriteLoad(int port, int threads) {
        for (int t = 0; t < threads; ++t)
            m_threads.emplace_back([this, port, t] {
                Api api(port, lobby1_token);
                for (int i = 0; !m_stop; ++i) {
                    const Reply r = api.create("/v1/repairs", {{"unit_id", "3-2-1502"}, {"category", "plumbing"},
                                                               {"description", "压力测试 " + std::to_string(t) + "-" + std::to_string(i)},
                                                               {"location", "own_unit"}});
                    if (r.status == 201) {
                        std::lock_guard<std::mutex> lock(m_mutex);
                        m_acked.push_back(r.as<p::Ticket>().id);
                    } else if (r.status != 0) {
                        ++m_unexpected;
                    }
                }
            });
    }
    std::vector<std::string> stop() {
        m_stop = true;
        for (auto& t : m_threads) t.join();
        return m_acked;
    }
    int unexpected() const { return m_unexpected; }
    // Waits (up to 60 s) until the server has acknowledged `n` writes, so the
    // crash lands in the middle of a running load on a slow machine too.
    bool wait_for_acks(std::size_t n) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (std::chrono::steady_clock::now() < deadline) {
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                if (m_acked.size() >= n) return true;
            }
            std::this_thread::yield();
        }
        return false;
    }

private:
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_unexpected{0};
    std::mutex m_mutex;
    std::vector<std::string> m_acked;
    std::vector<std::thread> m_threads;
};

} // namespace

TEST_CASE("SIGTERM during writes finishes cleanly with exit code 0 and keeps every acknowledged write") {
    OfficeServerProcess server;
    WriteLoad load(server.port(), 3);
    REQUIRE(load.wait_for_acks(20));
    CHECK(server.terminate() == 0);
    const auto acked = load.stop();
    CHECK(load.unexpected() == 0);
    REQUIRE_FALSE(acked.empty());
    CHECK(integrity(server.db_path()) == "ok");
    for (const auto& id : acked) CHECK(db_int(server.db_path(), "SELECT COUNT(*) FROM tickets WHERE id = '" + id + "'") == 1);
    CHECK(server.log_tail().find("stopped") != std::string::npos);
}

TEST_CASE("kill -9 during writes: the database opens, passes integrity_check and serves again") {
    OfficeServerProcess server;
    const long long units = db_int(server.db_path(), "SELECT COUNT(*) FROM units");
    WriteLoad load(server.port(), 3);
    REQUIRE(load.wait_for_acks(20));
    server.kill_hard();
    const auto acked = load.stop();
    REQUIRE_FALSE(acked.empty());
    CHECK(integrity(server.db_path()) == "ok");
    // Every write the server confirmed was committed before the reply.
    for (const auto& id : acked) CHECK(db_int(server.db_path(), "SELECT COUNT(*) FROM tickets WHERE id = '" + id + "'") == 1);

    // Restart on the same file: no second seed, everything readable.
    OfficeServerProcess again({true, server.db_path(), {}});
    CHECK(db_int(again.db_path(), "SELECT COUNT(*) FROM units") == units);
    Api api(again.port(), lobby1_token);
    CHECK(Api(again.port(), staff_token).get("/v1/repairs/" + acked.back()).status == 200);
    CHECK(api.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}}).status == 200);
    CHECK(again.terminate() == 0);
    CHECK(integrity(again.db_path()) == "ok");
}

TEST_CASE("the demo seed is deterministic apart from the clock") {
    // Each server seeds its own (not a copy of the PostgreSQL run's template).
    OfficeServerOptions seeding;
    seeding.own_seed = true;
    OfficeServerProcess a(seeding);
    OfficeServerProcess b(seeding);
    const char* q = "SELECT SUM(amount_fen) * 7 + SUM(paid_fen) FROM bills";
    CHECK(db_int(a.db_path(), q) == db_int(b.db_path(), q));
    const char* residents = "SELECT COUNT(*) FROM residents";
    CHECK(db_int(a.db_path(), residents) == db_int(b.db_path(), residents));
}

TEST_CASE("a demo server on a copy of the run's seeded template has what a server's own seed makes") {
    // Test servers start from a copy of one seeded template (SQLite:
    // tests/support/demo_template.sh; PostgreSQL: a template database), not
    // a seed each: the same rows, and its data key and kiosk key files are the
    // ones its database was sealed with.
    OfficeServerOptions seeding;
    seeding.own_seed = true;
    OfficeServerProcess seeded(seeding);
    OfficeServerProcess copy;
    OfficeServerProcess second_copy;
    for (const std::string table : {"kiosks", "units", "residents", "bills", "tickets", "ticket_events", "visitor_codes",
                                    "move_outs", "feed", "staff_accounts", "notice_images", "estates", "survey_responses"}) {
        const long long rows = db_int(seeded.db_path(), "SELECT COUNT(*) FROM " + table);
        CHECK_MESSAGE(rows >= 0, table);
        CHECK_MESSAGE(db_int(copy.db_path(), "SELECT COUNT(*) FROM " + table) == rows, table);
    }
    // Copies of one template: the same keys (a seed draws new ones).
    REQUIRE(copy.kiosk_key("lobby-1").size() == 64);
    const char* own_seed = std::getenv("LOBBY_TEST_OWN_SEED");
    if (own_seed && *own_seed) {
        MESSAGE("LOBBY_TEST_OWN_SEED: every demo server seeds, there is no template");
    } else {
        CHECK(second_copy.kiosk_key("lobby-1") == copy.kiosk_key("lobby-1"));
        CHECK(seeded.kiosk_key("lobby-1") != copy.kiosk_key("lobby-1"));
    }
    // The seeded code 246810 reaches lobby-1 as an HMAC under the key file it
    // was handed: the copy's data key opens the sealed kiosk key.
    Api lobby1(copy.port(), lobby1_token);
    const std::string verifier = p::visitor_code_verifier(copy.kiosk_key("lobby-1"), "246810");
    bool found = false;
    for (const auto& c : pull_feed(lobby1, 0, 1000))
        if (c.collection == "visitor_codes" && !c.deleted)
            found = found || p::decode<p::VisitorCodeRecord>(c.data).value().code_verifier == verifier;
    CHECK(found);
}

TEST_CASE("bad command lines and a taken port end the program with a clear failure") {
    const std::string dir = make_temp_dir("office-cli-test");
    const std::string bin = office_server_binary();
    auto run = [&](const std::string& args) {
        const int status = std::system((bin + " " + args + " >/dev/null 2>" + dir + "/err.txt").c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };
    CHECK(run("--db " + dir + "/a.db --listen nonsense") == 2);
    CHECK(run("--db " + dir + "/a.db --listen 127.0.0.1:99999") == 2);
    CHECK(run("--listen 127.0.0.1:0") != 0);  // --db is required
    CHECK(run("--db " + dir + "/a.db --listen 127.0.0.1:" + std::to_string(shared_server().port())) == 1);
    CHECK(run("--help") == 0);
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

TEST_CASE("PostgreSQL: sessions cut by the database are dropped, and the server answers again") {
    if (!testing_postgres()) return;  // a SQLite file has no sessions to lose
    OfficeServerProcess server;
    Api api(server.port(), lobby1_token);
    REQUIRE(api.get("/v1/changes?since=0&limit=10").status == 200);
    const std::string url = test_database(server.db_path());
    const std::string app = url.substr(url.rfind('=') + 1);
    REQUIRE(db_int(server.db_path(), "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                     "WHERE application_name = '" + app + "' AND pid <> pg_backend_pid()") >= 1);
    // An idle session the database closed is found closed before it is
    // lent (or, if its backend was still exiting, fails one request with 503
    // and every idle one is dropped with it): one 503 at most, never a 500.
    int failures = 0;
    for (int i = 0; i < 12; ++i) {
        const Reply r = api.get("/v1/changes?since=0&limit=10");
        if (r.status == 200) continue;
        ++failures;
        CHECK(r.status == 503);
        CHECK(r.error_code() == "database_unavailable");
    }
    CHECK(failures <= 1);
    for (int i = 0; i < 5; ++i) CHECK(api.get("/v1/changes?since=0&limit=10").status == 200);
}
