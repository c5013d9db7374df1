// An OfficeServer inside the test process, on a free loopback port, with a
// clock the test moves: for behaviour that depends on time (expiry,
// lockouts), so tests travel in time instead of sleeping.
//
//   InProcessServer server;                  // fresh temp DB, demo seed
//   Api api(server.port(), lobby1_token);
//   server.clock().advance(15 * 60 + 1);     // the next request sees the future
#pragma once

#include "office_server.hpp"
#include "support/office_server_process.hpp"
#include "support/test_database.hpp"

#include "protocol/time.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace lobby::test {

// Real time plus an offset the test moves forward; safe from any thread.
class TestClock {
public:
    protocol::UtcSeconds now() const { return protocol::now_utc() + m_offset_s.load(); }
    void advance(protocol::UtcSeconds seconds) { m_offset_s += seconds; }

private:
    std::atomic<protocol::UtcSeconds> m_offset_s{0};
};

// The database of a server's config, opened with its data key: a
// PostgreSQL URL has no "<path>.key" beside it for Database to find by itself.
inline server::Database open_with_data_key(const server::ServerConfig& config) {
    return server::Database(config.db_path, std::make_shared<const server::FieldCipher>(
                                                server::FieldCipher::from_key_file(config.data_key_path())));
}

class InProcessServer {
public:
    // `tweak` may change the config (lockout, TTLs) before the server starts.
    explicit InProcessServer(const std::function<void(server::ServerConfig&)>& tweak = {})
        : m_dir(make_temp_dir("office-in-process")) {
        server::ServerConfig config;
        config.db_path = m_dir + "/office.db";
        config.port = 0;
        config.demo = true;
        config.threads = 4;
        config.now = [clock = &m_clock] { return clock->now(); };
        config.kiosk_key_dir = m_dir;  // the demo kiosks' key files, as an enrolment hands them over
        if (tweak) tweak(config);  // it may name a file of its own (kept across a restart)
        m_path = config.db_path;
        // Or its PostgreSQL stand-in: a seeded one copied when the seed is wanted.
        if (testing_postgres() && config.data_key_file.empty()) config.data_key_file = test_data_key_file(m_path);
        // (A data key of its own: the server seeds with it.)
        const bool copy_seed = config.demo && (config.data_key_file.empty() || config.data_key_file == test_data_key_file(m_path));
        config.db_path = copy_seed ? test_demo_database(m_path, config.kiosk_key_dir, test_data_key_file(m_path))
                                   : test_database(m_path);
        spdlog::set_level(spdlog::level::warn);  // no request log lines among the test output
        m_server = std::make_unique<server::OfficeServer>(config);
        if (m_server->bind() < 0) throw std::runtime_error("in-process office server: cannot bind a port");
        // Connections queue on the bound socket until run() accepts them.
        m_thread = std::thread([this] { m_server->run(); });
    }
    ~InProcessServer() {
        // stop() before run() has started would be lost: wait for it first.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!m_server->running() && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
        m_server->stop();
        m_thread.join();
        m_server.reset();
        // Only its own: a file the test named may be opened again by its next server.
        if (m_path == m_dir + "/office.db")
            try { drop_test_database(m_path); } catch (const std::exception&) {}
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }
    InProcessServer(const InProcessServer&) = delete;
    InProcessServer& operator=(const InProcessServer&) = delete;

    int port() const { return m_server->config().port; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port()); }
    TestClock& clock() { return m_clock; }
    server::OfficeServer& office() { return *m_server; }
    const std::string& db_path() const { return m_server->config().db_path; }
    // The server's database opened with the server's data key.
    server::Database database() const { return open_with_data_key(m_server->config()); }
    // Its temp dir: the demo kiosks' key files, as an enrolment hands them over.
    const std::string& dir() const { return m_dir; }
    // The key file the demo seed wrote for a kiosk (its 64 hex digits).
    std::string kiosk_key(const std::string& kiosk_id) const {
        std::string key;
        std::ifstream(m_dir + "/" + kiosk_id + ".key") >> key;
        return key;
    }

private:
    std::string m_dir;
    std::string m_path;  // the database file the test asked for (or its PostgreSQL stand-in's name)
    TestClock m_clock;
    std::unique_ptr<server::OfficeServer> m_server;
    std::thread m_thread;
};

} // namespace lobby::test
