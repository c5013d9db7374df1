// FaultServer: cpp-httplib handlers that fail in the ways a real network and server do.
#include "fault_server.hpp"

#include "support/time_scale.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace kiosk::test {
namespace {

const char* k_json = "application/json";

std::string error_body(const char* code, const char* message)
{
    return nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump();
}

} // namespace

int free_port()
{
    // A plain socket closed at once: an httplib::Server that never listened
    // keeps its socket open, and connects to it then hang instead of failing.
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = -1;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0
        && getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    close(fd);
    return port;
}

FaultServer::FaultServer(int port)
{
    m_server.Post(".*", [this](const httplib::Request& rq, httplib::Response& rs) { handle_post(rq, rs); });
    m_server.Get("/v1/changes", [this](const httplib::Request& rq, httplib::Response& rs) { handle_changes(rq, rs); });
    m_server.Get("/v1/health", [this](const httplib::Request&, httplib::Response& rs) {
        const FaultMode mode = m_mode.load();
        if (!fault(mode, rs))
            rs.set_content(R"({"status":"ok","version":"test"})", k_json);
    });
    m_port = port == 0 ? m_server.bind_to_any_port("127.0.0.1") : (m_server.bind_to_port("127.0.0.1", port) ? port : -1);
    if (m_port <= 0)
        throw std::runtime_error("fault server could not bind");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    const auto deadline = std::chrono::steady_clock::now() + lobby::test::scaled(std::chrono::seconds(5));
    while (!m_server.is_running()) {
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("fault server did not start listening within " +
                                     std::to_string(lobby::test::scaled(std::chrono::seconds(5)).count()) + " ms");
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

FaultServer::~FaultServer()
{
    m_stopping.store(true);
    m_server.stop();
    m_thread.join();
}

bool FaultServer::fault(FaultMode mode, httplib::Response& response)
{
    switch (mode) {
    case FaultMode::error_500:
        response.status = 500;
        response.set_content(error_body("internal_error", "database is locked"), k_json);
        return true;
    case FaultMode::stall:
        // Longer than the worker's total timeout (fast_config: 600 ms, scaled);
        // ends early when the test is over.
        for (int i = 0; i < lobby::test::scaled_ms(3000) / 10 && !m_stopping.load(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        response.status = 500;
        return true;
    case FaultMode::garbage_json:
        response.status = 200;
        response.set_content("{\"id\": \"R-1\", \"status\": sub", k_json);
        return true;
    case FaultMode::wrong_content_type:
        response.status = 200;
        response.set_content("<html><body>Welcome to the hotel Wi-Fi</body></html>", "text/html");
        return true;
    case FaultMode::refuse_422:
        response.status = 422;
        response.set_content(error_body("invalid_field", "description must not be empty"), k_json);
        return true;
    case FaultMode::database_away_503:
        response.status = 503;
        response.set_header("Retry-After", "2");
        response.set_content(error_body("database_unavailable", "The office database cannot be reached right now."), k_json);
        return true;
    case FaultMode::html_404:
        response.status = 404;
        response.set_content("<html>Not Found</html>", "text/html");
        return true;
    case FaultMode::ok:
    case FaultMode::close_mid_body: return false;
    }
    return false;
}

void FaultServer::handle_post(const httplib::Request& request, httplib::Response& response)
{
    const FaultMode mode = m_mode.load();
    const std::string key = request.get_header_value("Idempotency-Key");
    {
        std::lock_guard lock(m_mutex);
        ++m_mode_requests[mode];
        m_last_authorization = request.get_header_value("Authorization");
        if (request.path == "/v1/heartbeat") {
            ++m_heartbeats;
            m_last_heartbeat = request.body;
        }
        else
            ++m_attempts[key];
    }
    if (request.path == "/v1/heartbeat") {
        if (!fault(mode, response))
            response.set_content(R"({"kiosk_id":"lobby-1","server_time":"2026-11-23T08:00:00Z"})", k_json);
        return;
    }
    if (fault(mode, response))
        return;
    std::string body;
    {
        std::lock_guard lock(m_mutex);
        auto [it, created] = m_responses.try_emplace(key);
        if (created) {
            ++m_creations[key];
            it->second = nlohmann::json{{"id", "R-" + std::to_string(m_creations.size())}, {"status", "submitted"}}.dump();
        }
        body = it->second;
    }
    response.status = 201;
    if (mode == FaultMode::close_mid_body) {
        // The record exists now; the client only sees half an answer.
        response.set_content_provider(body.size() + 100, k_json,
                                      [body](std::size_t, std::size_t, httplib::DataSink& sink) {
                                          sink.write(body.data(), body.size() / 2);
                                          return false;
                                      });
        return;
    }
    response.set_content(body, k_json);
}

void FaultServer::handle_changes(const httplib::Request& request, httplib::Response& response)
{
    const FaultMode mode = m_mode.load();
    {
        std::lock_guard lock(m_mutex);
        ++m_mode_requests[mode];
    }
    if (fault(mode, response))
        return;
    const std::int64_t since = std::stoll(request.get_param_value("since"));
    const std::size_t limit = std::stoul(request.get_param_value("limit"));
    nlohmann::json page{{"changes", nlohmann::json::array()}, {"next_since", since}, {"has_more", false}};
    std::lock_guard lock(m_mutex);
    for (const auto& change : m_changes) {
        if (change["seq"].get<std::int64_t>() <= since)
            continue;
        if (page["changes"].size() == limit) {
            page["has_more"] = true;
            break;
        }
        page["changes"].push_back(change);
        page["next_since"] = change["seq"];
    }
    response.set_content(page.dump(), k_json);
}

int FaultServer::attempts(const std::string& key) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_attempts.find(key);
    return it == m_attempts.end() ? 0 : it->second;
}

int FaultServer::creations(const std::string& key) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_creations.find(key);
    return it == m_creations.end() ? 0 : it->second;
}

int FaultServer::total_creations() const
{
    std::lock_guard lock(m_mutex);
    int total = 0;
    for (const auto& [key, count] : m_creations)
        total += count;
    return total;
}

int FaultServer::requests_in_mode(FaultMode mode) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_mode_requests.find(mode);
    return it == m_mode_requests.end() ? 0 : it->second;
}

int FaultServer::heartbeats() const
{
    std::lock_guard lock(m_mutex);
    return m_heartbeats;
}

nlohmann::json FaultServer::last_heartbeat() const
{
    std::lock_guard lock(m_mutex);
    return nlohmann::json::parse(m_last_heartbeat, nullptr, false);
}

std::string FaultServer::last_authorization() const
{
    std::lock_guard lock(m_mutex);
    return m_last_authorization;
}

void FaultServer::set_changes(std::vector<nlohmann::json> changes)
{
    std::lock_guard lock(m_mutex);
    m_changes = std::move(changes);
}

} // namespace kiosk::test
