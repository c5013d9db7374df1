// The per-connection loop of the office server: limits, deadlines, pipelining.
#include "guarded_http_server.hpp"

#include "api.hpp"
#include "deadline_stream.hpp"

#include "protocol/decode.hpp"

#include <openssl/ssl.h>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>

#include <csignal>

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

// An answer httplib never writes: for a connection over the limit, or one
// whose request never arrived in full.
std::string refusal(int status, const char* reason, const char* code, const std::string& message,
                    const std::string& extra_headers = {}) {
    const std::string body = protocol::dump_json(api_error(status, code, message).body);
    return "HTTP/1.1 " + std::to_string(status) + " " + reason +
           "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n" + extra_headers + "\r\n" + body;
}

struct TlsFree {
    void operator()(SSL* tls) const {
        // close_notify (unless quiet), without waiting for the client's: the socket lingers next.
        (void)SSL_shutdown(tls);
        SSL_free(tls);
    }
};

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

void GuardedHttpServer::use_tls(std::shared_ptr<const TlsContext> tls) {
    // OpenSSL writes to the socket with write(2), which raises SIGPIPE when
    // the client has gone; that must end the connection, not the server.
    std::signal(SIGPIPE, SIG_IGN);
    m_tls = std::move(tls);
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
    const auto write_timeout = std::chrono::seconds(write_timeout_sec_) + std::chrono::microseconds(write_timeout_usec_);
    if (!enter(ip)) {
        spdlog::debug("refused a connection over the limit of {} per client", m_limits.max_per_client);
        if (m_tls) {
            m_closer.close(sock, Clock::duration::zero());  // no handshake, so no way to say 503
            return true;
        }
        DeadlineStream(sock, write_timeout)
            .send_now(refusal(503, "Service Unavailable", protocol::error_code::too_many_connections,
                              "This address has " + std::to_string(m_limits.max_per_client) +
                                  " connections open already; reuse one or try again shortly.",
                              "Retry-After: 1\r\n"));
        m_closer.close(sock, linger_time);  // its request is unread: let the 503 arrive first
        return true;
    }

    bool linger = false;
    if (!m_tls) {
        DeadlineStream stream(sock, write_timeout);
        linger = serve(sock, stream);
    } else {
        // Non-blocking, so no OpenSSL call can wait past a deadline.
        ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
        std::unique_ptr<SSL, TlsFree> tls(SSL_new(m_tls->native()));
        if (tls && SSL_set_fd(tls.get(), sock) == 1 &&
            tls_handshake(tls.get(), sock, Clock::now() + m_limits.request_read, &svr_sock_)) {
            DeadlineStream stream(sock, write_timeout, tls.get());
            linger = serve(sock, stream);
        } else {
            spdlog::debug("a TLS handshake failed or did not finish within {} ms", m_limits.request_read.count());
            if (tls) SSL_set_quiet_shutdown(tls.get(), 1);  // nothing was agreed: send nothing
        }
    }
    leave(ip);
    m_closer.close(sock, linger ? Clock::duration(linger_time) : Clock::duration::zero());
    return true;
}

bool GuardedHttpServer::serve(socket_t sock, DeadlineStream& stream) {
    for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
        // Between requests: idle for at most the keep-alive timeout, and
        // not at all once the server stops. A pipelined request is waiting already.
        if (!stream.has_buffered() &&
            !wait_socket(sock, POLLIN, Clock::now() + std::chrono::seconds(keep_alive_timeout_sec_), &svr_sock_))
            return false;
        stream.start_request(Clock::now() + m_limits.request_read);
        t_close_after_response = false;
        bool client_closes = false;
        // The last allowed request (or one answered while the server stops)
        // gets Connection: close, which tells a pipelining client that what
        // it sent after it was not run.
        const bool last = left == 1 || svr_sock_ == INVALID_SOCKET;
        const bool answered = process_request(stream, last, client_closes, nullptr);
        if (stream.timed_out()) {
            stream.send_now(refusal(408, "Request Timeout", protocol::error_code::request_timeout,
                                    "The request did not arrive in full within " +
                                        std::to_string(m_limits.request_read.count()) + " ms."));
            return true;
        }
        if (!answered) return false;  // closed by the client before a request, or it stopped reading
        if (client_closes || t_close_after_response) return true;
    }
    return true;
}

} // namespace lobby::server
