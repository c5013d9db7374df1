// The per-connection loop of the office server: limits, deadlines, pipelining.
#include "guarded_http_server.hpp"

#include "api.hpp"
#include "deadline_stream.hpp"

#include "protocol/decode.hpp"

#include <spdlog/spdlog.h>

#include <poll.h>
#include <sys/socket.h>

namespace lobby::server {
namespace {

using Clock = DeadlineStream::Clock;

// How long a closed connection may still send before it is cut (lingering_closer.hpp).
constexpr auto linger_time = std::chrono::seconds(1);

// Set by the post-routing handler when the response being written ends the
// connection. httplib runs a request start to end on the thread of its
// connection, so the loop that called process_request reads it afterwards.
thread_local bool t_close_after_response = false;

// Statuses after which the rest of the connection cannot be trusted to be
// a next request: the body may be unread, or the framing was broken.
bool ends_connection(int status) {
    switch (status) {
    case 400: case 408: case 411: case 413: case 414: case 416: case 417: case 431: case 501: return true;
    default: return false;
    }
}

// An answer written on the socket itself, for a connection httplib never
// sees (over the limit) or whose request never arrived in full.
void send_refusal(socket_t sock, int status, const char* reason, const char* code, const std::string& message,
                  const std::string& extra_headers = {}) {
    const std::string body = protocol::dump_json(api_error(status, code, message).body);
    const std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                            "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                            std::to_string(body.size()) + "\r\nConnection: close\r\n" + extra_headers + "\r\n" + body;
    // A fresh or idle connection's send buffer takes this at once; if the
    // client stopped reading, it is not worth waiting for.
    (void)::send(sock, out.data(), out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

} // namespace

GuardedHttpServer::GuardedHttpServer(ConnectionLimits limits) : m_limits(limits) {
    set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        const bool says_close = res.get_header_value("Connection") == "close";
        if (!says_close && !ends_connection(res.status)) return;
        t_close_after_response = true;
        if (!says_close) {
            res.headers.erase("Connection");
            res.set_header("Connection", "close");
        }
        res.headers.erase("Keep-Alive");
    });
}

void GuardedHttpServer::widen_listen_backlog() {
    const socket_t sock = svr_sock_;
    if (sock != INVALID_SOCKET) ::listen(sock, SOMAXCONN);
}

bool GuardedHttpServer::enter(const std::string& ip) {
    std::lock_guard<std::mutex> lock(m_mutex);
    int& open = m_open[ip];
    if (open >= m_limits.max_per_client) return false;
    ++open;
    return true;
}

void GuardedHttpServer::leave(const std::string& ip) {
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = m_open.find(ip);
    if (it != m_open.end() && --it->second <= 0) m_open.erase(it);
}

bool GuardedHttpServer::process_and_close_socket(socket_t sock) {
    std::string ip;
    int port = -1;
    socket_address(sock, true, ip, port);
    if (!enter(ip)) {
        spdlog::debug("refused a connection over the limit of {} per client", m_limits.max_per_client);
        send_refusal(sock, 503, "Service Unavailable", protocol::error_code::too_many_connections,
                     "This address has " + std::to_string(m_limits.max_per_client) +
                         " connections open already; reuse one or try again shortly.",
                     "Retry-After: 1\r\n");
        m_closer.close(sock, linger_time);  // its request is unread: let the 503 arrive first
        return true;
    }

    DeadlineStream stream(sock, std::chrono::seconds(write_timeout_sec_) + std::chrono::microseconds(write_timeout_usec_));
    bool linger = true;  // false when the client is gone or quiet: nothing unread to protect the answer from
    for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
        // Between requests: idle for at most the keep-alive timeout, and
        // not at all once the server stops. A pipelined request is waiting already.
        if (!stream.has_buffered() &&
            !wait_socket(sock, POLLIN, Clock::now() + std::chrono::seconds(keep_alive_timeout_sec_), &svr_sock_)) {
            linger = false;
            break;
        }
        stream.start_request(Clock::now() + m_limits.request_read);
        t_close_after_response = false;
        bool client_closes = false;
        // The last allowed request (or one answered while the server stops)
        // gets Connection: close, which tells a pipelining client that what
        // it sent after it was not run.
        const bool last = left == 1 || svr_sock_ == INVALID_SOCKET;
        const bool answered = process_request(stream, last, client_closes, nullptr);
        if (stream.timed_out()) {
            send_refusal(sock, 408, "Request Timeout", protocol::error_code::request_timeout,
                         "The request did not arrive in full within " +
                             std::to_string(m_limits.request_read.count()) + " ms.");
            break;
        }
        if (!answered) {  // closed by the client before a request, or it stopped reading
            linger = false;
            break;
        }
        if (client_closes || t_close_after_response) break;
    }
    leave(ip);
    m_closer.close(sock, linger ? Clock::duration(linger_time) : Clock::duration::zero());
    return true;
}

} // namespace lobby::server
