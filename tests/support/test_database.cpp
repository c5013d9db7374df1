// Test databases: a SQLite file, or a PostgreSQL database named after it.
#include "support/test_database.hpp"

#include "support/office_server_process.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <vector>

namespace lobby::test {
namespace {

namespace fs = std::filesystem;

const char* pg_host() {
    const char* host = std::getenv("LOBBY_TEST_PG_HOST");
    return host && *host ? host : nullptr;
}

// application_name too (last: tests read it off the URL's end), so a test
// can find its server's sessions in pg_stat_activity.
std::string pg_url(const std::string& database) {
    const char* user = std::getenv("LOBBY_TEST_PG_USER");
    return "postgresql://" + std::string(user && *user ? user : "lobby") + "@/" + database + "?host=" + pg_host() +
           "&application_name=" + database;
}

// A database name from the path (FNV-1a): the same path, the same database,
// so a test that restarts its server on one file gets its data back.
std::string database_name(const std::string& path) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : path) h = (h ^ c) * 1099511628211ull;
    char name[32];
    std::snprintf(name, sizeof name, "t_%016llx", static_cast<unsigned long long>(h));
    return name;
}

constexpr const char* demo_template = "lobby_demo_template";

struct PgFinish {
    void operator()(PGconn* c) const { PQfinish(c); }
};
struct PgClear {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Conn = std::unique_ptr<PGconn, PgFinish>;
using Result = std::unique_ptr<PGresult, PgClear>;

Conn admin() {
    Conn conn(PQconnectdb(pg_url("postgres").c_str()));
    if (PQstatus(conn.get()) != CONNECTION_OK)
        throw std::runtime_error(std::string("test PostgreSQL: ") + PQerrorMessage(conn.get()));
    return conn;
}

bool database_exists(PGconn* conn, const std::string& name) {
    const char* values[] = {name.c_str()};
    Result r(PQexecParams(conn, "SELECT 1 FROM pg_database WHERE datname = $1", 1, nullptr, values, nullptr, nullptr, 0));
    return PQresultStatus(r.get()) == PGRES_TUPLES_OK && PQntuples(r.get()) == 1;
}

void exec(PGconn* conn, const std::string& sql) {
    Result r(PQexec(conn, sql.c_str()));
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK && PQresultStatus(r.get()) != PGRES_TUPLES_OK)
        throw std::runtime_error("test PostgreSQL: " + sql + ": " + PQerrorMessage(conn));
}

// CREATE DATABASE; false if another process made it first.
bool create_database(PGconn* conn, const std::string& name, const std::string& from = "") {
    const std::string sql = "CREATE DATABASE " + name + (from.empty() ? "" : " TEMPLATE " + from);
    Result r(PQexec(conn, sql.c_str()));
    if (PQresultStatus(r.get()) == PGRES_COMMAND_OK) return true;
    const char* state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
    if (state && std::strcmp(state, "42P04") == 0) return false;  // duplicate_database
    throw std::runtime_error("test PostgreSQL: " + sql + ": " + PQerrorMessage(conn));
}

// Databases this process knows exist: no admin session to ask again.
std::mutex known_mutex;
std::set<std::string> known;

bool known_database(const std::string& name) {
    std::lock_guard<std::mutex> lock(known_mutex);
    return known.count(name) > 0;
}
void note_database(const std::string& name) {
    std::lock_guard<std::mutex> lock(known_mutex);
    known.insert(name);
}

// The template's keys: beside the cluster, removed with it.
std::string template_dir() { return std::string(pg_host()) + "/demo-template"; }

// The demo seed's data is relative to its clock (bill periods, the day's
// notices): a template seeded on another day in Shanghai, or over an hour
// ago, is seeded again.
bool template_stale(const std::string& dir) {
    long long seeded_at = 0;
    std::ifstream(dir + "/seeded_at") >> seeded_at;
    const long long now = static_cast<long long>(std::time(nullptr));
    constexpr long long shanghai = 8 * 3600;
    return (now + shanghai) / 86400 != (seeded_at + shanghai) / 86400 || now - seeded_at > 3600;
}

// Seeds the demo template (once per run, again if stale): a real
// office-server seeds it (--demo) with the clock of now; its data key and
// kiosk key files are kept for the copies. The caller holds the lock.
void ensure_demo_template(PGconn* conn) {
    const std::string dir = template_dir();
    if (database_exists(conn, demo_template)) {
        if (!template_stale(dir)) return;
        exec(conn, std::string("DROP DATABASE ") + demo_template + " WITH (FORCE)");
    }
    const std::string seeding = std::string(demo_template) + "_seeding";
    exec(conn, "DROP DATABASE IF EXISTS " + seeding);
    exec(conn, "CREATE DATABASE " + seeding);
    fs::remove_all(dir);
    fs::create_directories(dir + "/kiosk-keys");
    const long long seeded_at = static_cast<long long>(std::time(nullptr));
    {
        OfficeServerProcess seeder(OfficeServerOptions(true, pg_url(seeding), {"--data-key-file", dir + "/data.key"}));
        for (const auto& entry : fs::directory_iterator(seeder.dir()))
            if (entry.path().extension() == ".key")
                fs::copy_file(entry.path(), dir + "/kiosk-keys/" + entry.path().filename().string());
        if (seeder.terminate() != 0) throw std::runtime_error("test PostgreSQL: the demo seeder did not stop cleanly");
    }
    std::ofstream(dir + "/seeded_at") << seeded_at;
    // Renamed only when whole: a copy never starts from half a seed.
    exec(conn, "ALTER DATABASE " + seeding + " RENAME TO " + demo_template);
}

// A copy of the demo template; false if another process made `name` first.
// Under a lock shared by every test process: one seeds, the others wait,
// and no copy reads a template being replaced.
bool copy_demo_template(PGconn* conn, const std::string& name) {
    exec(conn, "SELECT pg_advisory_lock(7020)");
    bool created = false;
    try {
        ensure_demo_template(conn);
        created = create_database(conn, name, demo_template);
    } catch (...) {
        PQclear(PQexec(conn, "SELECT pg_advisory_unlock(7020)"));
        throw;
    }
    exec(conn, "SELECT pg_advisory_unlock(7020)");
    return created;
}

// SQLite: a copy of the run's seeded demo template (demo_template.sh, shared
// with the UI tests' run_with_server.sh) when nothing is at `sqlite_path`
// yet. On failure (said on stderr) the file stays missing: the server seeds.
void copy_sqlite_demo_template(const std::string& sqlite_path, const std::string& kiosk_key_dir) {
    const char* own_seed = std::getenv("LOBBY_TEST_OWN_SEED");  // the template turned off
    if (own_seed && *own_seed) return;
    std::error_code error;
    if (fs::exists(sqlite_path, error) || fs::exists(test_data_key_file(sqlite_path), error)) return;
    std::vector<std::string> args = {"/bin/bash", LOBBY_DEMO_TEMPLATE_SCRIPT, office_server_binary(), sqlite_path,
                                     kiosk_key_dir};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) return;
    if (pid == 0) {
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        std::fprintf(stderr, "(no demo template for %s: the office-server seeds)\n", sqlite_path.c_str());
}

} // namespace

bool testing_postgres() { return pg_host() != nullptr; }

std::string test_database(const std::string& sqlite_path) {
    if (!testing_postgres() || sqlite_path.find("://") != std::string::npos) return sqlite_path;
    const std::string name = database_name(sqlite_path);
    if (!known_database(name)) {
        Conn conn = admin();
        if (!database_exists(conn.get(), name)) create_database(conn.get(), name);
        note_database(name);
    }
    return pg_url(name);
}

std::string test_demo_database(const std::string& sqlite_path, const std::string& kiosk_key_dir,
                               const std::string& data_key_file) {
    if (sqlite_path.find("://") != std::string::npos) return sqlite_path;
    if (!testing_postgres()) {
        copy_sqlite_demo_template(sqlite_path, kiosk_key_dir);
        return sqlite_path;
    }
    const std::string name = database_name(sqlite_path);
    if (known_database(name)) return pg_url(name);
    Conn conn = admin();
    if (!database_exists(conn.get(), name)) {
        if (copy_demo_template(conn.get(), name)) {
            const std::string dir = template_dir();
            if (!fs::exists(data_key_file)) fs::copy_file(dir + "/data.key", data_key_file);
            fs::permissions(data_key_file, fs::perms::owner_read | fs::perms::owner_write);
            for (const auto& entry : fs::directory_iterator(dir + "/kiosk-keys"))
                fs::copy_file(entry.path(), kiosk_key_dir + "/" + entry.path().filename().string(),
                              fs::copy_options::overwrite_existing);
        }
    }
    note_database(name);
    return pg_url(name);
}

void drop_test_database(const std::string& sqlite_path) {
    if (!testing_postgres() || sqlite_path.find("://") != std::string::npos) return;
    const std::string name = database_name(sqlite_path);
    {
        std::lock_guard<std::mutex> lock(known_mutex);
        known.erase(name);
    }
    // FORCE: the stopped server's sessions may still be closing. A copy made
    // for every test case would fill the disk (35 MB each) if left to the end.
    Conn conn = admin();
    PQclear(PQexec(conn.get(), ("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").c_str()));
}

std::string test_data_key_file(const std::string& sqlite_path) { return sqlite_path + ".key"; }

long long query_int(const std::string& db, const std::string& sql) {
    long long out = -1;
    if (db.find("://") != std::string::npos) {
        std::unique_ptr<PGconn, PgFinish> conn(PQconnectdb(db.c_str()));
        if (PQstatus(conn.get()) != CONNECTION_OK) return -1;
        std::unique_ptr<PGresult, PgClear> r(PQexec(conn.get(), sql.c_str()));
        if (PQresultStatus(r.get()) == PGRES_TUPLES_OK && PQntuples(r.get()) > 0 && !PQgetisnull(r.get(), 0, 0))
            out = std::strtoll(PQgetvalue(r.get(), 0, 0), nullptr, 10);
        return out;
    }
    sqlite3* conn = nullptr;
    if (sqlite3_open_v2(db.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(conn, 5000);
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(conn, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            out = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(conn);
    return out;
}

} // namespace lobby::test
