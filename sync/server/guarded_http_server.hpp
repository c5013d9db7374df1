// httplib::Server with the connection handling it lacks against hostile
// clients. httplib (Debian 0.11.4) gives every connection a worker thread for
// as long as it stays open, and its only bound is a timeout per recv; it also
// makes a new stream per request, which drops pipelined requests it already
// read. Its settings cannot fix that: the read timeout is per recv, the
// keep-alive count and timeout only apply between requests, the task queue
// gets the connection as an opaque closure, socket options reach only the
// listening socket, and the pre-routing handler runs after the headers have
// been read. So this class replaces only the per-connection loop (httplib's
// virtual process_and_close_socket, calling its protected process_request
// with our own Stream); parsing, routing and handlers stay httplib's:
//
// - a client address with max_per_client open connections gets 503
//   too_many_connections on the next one, at once, so slow connections
//   from one address never hold more than that many worker threads;
// - each request must arrive in full within request_read (headers and
//   body together), else 408 request_timeout and the connection closes;
// - pipelined requests are answered in order (one buffer per connection);
// - a response with Connection: close, or to a request whose framing was
//   broken (400, 408, 411, 413, 414, 416, 417, 431, 501), ends the
//   connection, so bytes after it are never run as a request;
// - closing lingers briefly, reading what the client still sends, so the
//   last answer is not lost to a TCP reset; on LingeringCloser's thread,
//   so the worker and the client's connection slot are free at once.
//
// With use_tls() every connection is HTTPS (the office server's own TLS for
// small sites). httplib's SSLServer cannot be used for that: its own
// process_and_close_socket is exactly the per-connection loop replaced here,
// so it would bring back every weakness above. Instead the loop does the TLS
// handshake (OpenSSL) itself, within request_read, and the same DeadlineStream
// reads and writes through the TLS session. A connection over the per-client
// limit is closed before its handshake: a 503 cannot be said without one, and
// the handshake is the expensive part the limit protects.
//
// It installs its own post-routing handler (for the last point).
#pragma once

#include "lingering_closer.hpp"
#include "tls_context.hpp"

#include <httplib.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace lobby::server {

class DeadlineStream;

struct ConnectionLimits {
    std::chrono::milliseconds request_read{10'000};  // whole request, headers and body
    int max_per_client = 8;                          // open connections per client address
};

class GuardedHttpServer : public httplib::Server {
public:
    explicit GuardedHttpServer(ConnectionLimits limits);
    // After binding: httplib listens with a backlog of 5, so a burst of
    // connects (an attack, or kiosks after an outage) has its handshakes
    // dropped and retried a second later. Linux lets listen() enlarge it.
    void widen_listen_backlog();
    // Serve HTTPS with this certificate and key (before listening).
    void use_tls(std::shared_ptr<const TlsContext> tls);
    bool uses_tls() const { return m_tls != nullptr; }

private:
    bool process_and_close_socket(socket_t sock) override;
    // Holds one of `ip`'s connection slots; false when it has none left.
    bool enter(const std::string& ip);
    void leave(const std::string& ip);

    // Runs one connection's requests on `stream` until it ends; false when
    // the client went away or fell silent (nothing to linger for).
    bool serve(socket_t sock, DeadlineStream& stream);

    ConnectionLimits m_limits;
    std::shared_ptr<const TlsContext> m_tls;  // null: plain HTTP
    std::mutex m_mutex;
    std::map<std::string, int> m_open;  // open connections per client address
    LingeringCloser m_closer;
};

} // namespace lobby::server
