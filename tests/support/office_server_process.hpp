// Starts a real office-server on a free loopback port for a test, and stops it.
//
//   lobby::test::OfficeServerProcess server;           // fresh temp DB, --demo
//   httplib::Client http("127.0.0.1", server.port());
//
// Race-free port choice: the server is started with --listen 127.0.0.1:0,
// binds a free port itself and prints "listening on 127.0.0.1:PORT" on
// stdout; the constructor reads that line, then waits for GET /v1/health to
// answer 200. Throws std::runtime_error (with the server's log tail) if the
// server does not come up within 15 s. Demo tokens: demo-lobby-1-token,
// demo-lobby-2-token, demo-revoked-token (revoked), demo-staff-token.
// The server's stderr log is kept in <temp dir>/office-server.log. The server
// gets SIGTERM if the thread that started it dies (PR_SET_PDEATHSIG), so a
// crashed test leaves no server behind: construct it on a thread that
// outlives its use (e.g. the test's own thread).
// Set LOBBY_OFFICE_SERVER to run another binary than the one built here.
// With options.tls_* it serves HTTPS and base_url() is https://.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

namespace lobby::test {

struct OfficeServerOptions {
    // {demo, db_path, extra_args} as most tests give them; TLS is set apart.
    OfficeServerOptions(bool seed_demo = true, std::string db = {}, std::vector<std::string> args = {})
        : demo(seed_demo), db_path(std::move(db)), extra_args(std::move(args))
    {
    }
    bool demo = true;                     // seed the demo estate
    std::string db_path;                  // empty: <fresh temp dir>/office.db
    std::vector<std::string> extra_args;  // e.g. {"--lockout-seconds", "2"}
    // PostgreSQL run: a fresh demo database is a copy of the run's seeded
    // template (test_demo_database); true makes this server seed it itself.
    bool own_seed = false;
    // HTTPS: the server gets --tls-cert/--tls-key; the readiness check trusts
    // tls_ca (tests/tls/make_test_pki.sh makes all three). tls_ca alone: HTTPS
    // set up by extra_args (a --config file). All empty: plain HTTP.
    std::string tls_cert;
    std::string tls_key;
    std::string tls_ca;
};

class OfficeServerProcess {
public:
    explicit OfficeServerProcess(OfficeServerOptions options = {});
    ~OfficeServerProcess();  // SIGTERM, then SIGKILL after 10 s; removes its temp dir
    OfficeServerProcess(const OfficeServerProcess&) = delete;
    OfficeServerProcess& operator=(const OfficeServerProcess&) = delete;

    int port() const { return m_port; }
    // The temp dir this server was given (its log, the demo kiosks' key files).
    const std::string& dir() const { return m_dir; }
    std::string base_url() const { return (m_tls ? "https://" : "http://") + std::string("127.0.0.1:") + std::to_string(m_port); }
    const std::string& db_path() const { return m_db_path; }
    pid_t pid() const { return m_pid; }
    // Lines printed before "listening on" (demo tokens, demo units).
    const std::vector<std::string>& banner() const { return m_banner; }
    std::string log_tail() const;  // last ~4 KB of the server's stderr
    // The verification key file --demo wrote for a demo kiosk when it seeded
    // (its 64 hex digits; empty if this run did not seed).
    std::string kiosk_key(const std::string& kiosk_id) const;

    // SIGTERM and wait; returns the exit code (or 128+signal), -1 if already gone.
    int terminate();
    // SIGKILL and wait (crash simulation); the database stays until destruction.
    void kill_hard();
    // SIGSTOP, returning once every thread of the server has stopped (the
    // signal takes effect asynchronously: a thread on the other core could
    // still answer a request sent right after kill()); thaw() is SIGCONT.
    void freeze();
    void thaw();

private:
    void wait_until_ready();

    std::string m_dir;       // temp dir we created (removed at the end), may be empty
    std::string m_db_path;
    std::string m_log_path;
    pid_t m_pid = -1;
    int m_stdout_fd = -1;
    int m_port = 0;
    bool m_tls = false;
    std::string m_tls_ca;
    std::vector<std::string> m_banner;
};

// Path of the office-server binary the helper runs.
std::string office_server_binary();

// A fresh directory under $TMPDIR (or /tmp); the caller removes it.
std::string make_temp_dir(const std::string& prefix);

} // namespace lobby::test
