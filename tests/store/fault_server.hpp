// A misbehaving office server for sync tests: answers 500, stalls, cuts bodies, sends garbage, on demand.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::test {

enum class FaultMode {
    ok,                  // behaves like the office server (idempotent creates)
    error_500,           // {"error":...} with 500
    stall,               // holds the request longer than any test timeout
    close_mid_body,      // creates the record, then cuts the response half-way
    garbage_json,        // 200 application/json that is not JSON
    wrong_content_type,  // 200 text/html
    refuse_422,          // the contract's 4xx error body: final
    html_404,            // a 404 page from something that is not the server
    database_away_503,   // 503 database_unavailable + Retry-After: the office server while its database is down
};

// Serves POST <any>, GET /v1/changes, GET /v1/health, POST /v1/heartbeat on 127.0.0.1.
// Writes are idempotent per Idempotency-Key in every mode that "reaches the
// database" (ok, close_mid_body), so tests can count real creations.
class FaultServer {
public:
    explicit FaultServer(int port = 0);   // 0: any free port
    ~FaultServer();
    FaultServer(const FaultServer&) = delete;
    FaultServer& operator=(const FaultServer&) = delete;

    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    void set_mode(FaultMode mode) { m_mode.store(mode); }

    // Requests seen per Idempotency-Key, and records created per key (must stay 1).
    int attempts(const std::string& key) const;
    int creations(const std::string& key) const;
    int total_creations() const;
    int requests_in_mode(FaultMode mode) const;
    int heartbeats() const;
    nlohmann::json last_heartbeat() const;
    std::string last_authorization() const;

    // The pull feed served by GET /v1/changes (seq-ordered, paged by limit).
    void set_changes(std::vector<nlohmann::json> changes);

private:
    void handle_post(const httplib::Request& request, httplib::Response& response);
    void handle_changes(const httplib::Request& request, httplib::Response& response);
    bool fault(FaultMode mode, httplib::Response& response);

    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    std::atomic<FaultMode> m_mode{FaultMode::ok};
    std::atomic<bool> m_stopping{false};

    mutable std::mutex m_mutex;
    std::map<std::string, int> m_attempts;
    std::map<std::string, int> m_creations;
    std::map<std::string, std::string> m_responses;   // first response per key, replayed
    std::map<FaultMode, int> m_mode_requests;
    std::vector<nlohmann::json> m_changes;
    int m_heartbeats = 0;
    std::string m_last_heartbeat;
    std::string m_last_authorization;
};

// A loopback port nobody listens on right now.
int free_port();

} // namespace kiosk::test
