// A connection's socket with per-request deadlines and a persistent buffer.
#include "deadline_stream.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace lobby::server {

bool wait_socket(socket_t sock, short events, DeadlineStream::Clock::time_point deadline,
                 const std::atomic<socket_t>* listening) {
    using namespace std::chrono;
    for (;;) {
        if (listening && *listening == INVALID_SOCKET) return false;
        const auto left = duration_cast<milliseconds>(deadline - DeadlineStream::Clock::now()).count();
        if (left <= 0) return false;
        pollfd p{sock, events, 0};
        const int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 100)));
        if (n > 0) return true;  // ready, or hung up / failed: the next recv or send says which
        if (n < 0 && errno != EINTR) return false;
    }
}

void socket_address(socket_t sock, bool peer, std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int r = peer ? ::getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len)
                       : ::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
    ip.clear();
    port = -1;
    if (r != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
        const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
        if (inet_ntop(AF_INET, &a->sin_addr, text, sizeof text)) ip = text;
        port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
        if (inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text)) ip = text;
        port = ntohs(a->sin6_port);
    }
}

namespace {

// What a non-blocking OpenSSL call that did not finish waits for: 0 when it
// failed for good (or the peer closed).
short tls_wants(SSL* tls, int result) {
    switch (SSL_get_error(tls, result)) {
    case SSL_ERROR_WANT_READ: return POLLIN;
    case SSL_ERROR_WANT_WRITE: return POLLOUT;
    default: return 0;
    }
}

} // namespace

bool tls_handshake(SSL* tls, socket_t sock, DeadlineStream::Clock::time_point deadline,
                   const std::atomic<socket_t>* listening) {
    for (;;) {
        ERR_clear_error();
        const int result = SSL_accept(tls);
        if (result == 1) return true;
        const short events = tls_wants(tls, result);
        if (events == 0 || !wait_socket(sock, events, deadline, listening)) return false;
    }
}

DeadlineStream::DeadlineStream(socket_t sock, Clock::duration write_timeout, SSL* tls)
    : m_sock(sock), m_tls(tls), m_write_timeout(write_timeout), m_read_deadline(Clock::now()) {}

void DeadlineStream::start_request(Clock::time_point read_deadline) {
    m_read_deadline = read_deadline;
    m_write_deadline = Clock::time_point{};
}

bool DeadlineStream::has_buffered() const { return buffer_left() || (m_tls && SSL_pending(m_tls) > 0); }

bool DeadlineStream::is_readable() const {
    if (has_buffered()) return true;
    pollfd p{m_sock, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
}

bool DeadlineStream::is_writable() const {
    pollfd p{m_sock, POLLOUT, 0};
    return !m_timed_out && ::poll(&p, 1, 0) > 0;
}

ssize_t DeadlineStream::receive(char* ptr, std::size_t size) {
    for (;;) {
        short events = POLLIN;
        if (m_tls) {
            ERR_clear_error();
            const int n = SSL_read(m_tls, ptr, static_cast<int>(size));
            if (n > 0) return n;
            events = tls_wants(m_tls, n);
            if (events == 0) return SSL_get_error(m_tls, n) == SSL_ERROR_ZERO_RETURN ? 0 : -1;
        } else {
            const ssize_t n = ::recv(m_sock, ptr, size, MSG_DONTWAIT);
            if (n >= 0) return n;  // 0: the client closed
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
        }
        // A server being stopped still lets a started request finish (a
        // kiosk takes 400 as final): only the deadline ends the wait.
        if (!wait_socket(m_sock, events, m_read_deadline, nullptr)) {
            m_timed_out = true;
            return -1;
        }
    }
}

ssize_t DeadlineStream::read(char* ptr, std::size_t size) {
    if (m_timed_out) return -1;
    if (!buffer_left()) {
        m_buffer.resize(16 * 1024);
        m_offset = 0;
        const ssize_t n = receive(m_buffer.data(), m_buffer.size());
        m_buffer.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
        if (n <= 0) return n;
    }
    const std::size_t n = std::min(size, m_buffer.size() - m_offset);
    std::memcpy(ptr, m_buffer.data() + m_offset, n);
    m_offset += n;
    return static_cast<ssize_t>(n);
}

ssize_t DeadlineStream::write(const char* ptr, std::size_t size) {
    if (m_timed_out) return static_cast<ssize_t>(size);  // swallowed; see timed_out()
    if (size == 0) return 0;
    if (m_write_deadline == Clock::time_point{}) m_write_deadline = Clock::now() + m_write_timeout;
    for (;;) {
        short events = POLLOUT;
        if (m_tls) {
            ERR_clear_error();
            const int n = SSL_write(m_tls, ptr, static_cast<int>(std::min<std::size_t>(size, 1 << 30)));
            if (n > 0) return n;
            events = tls_wants(m_tls, n);
            if (events == 0) return -1;
        } else {
            const ssize_t n = ::send(m_sock, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n >= 0) return n;
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
        }
        if (!wait_socket(m_sock, events, m_write_deadline, nullptr)) return -1;
    }
}

void DeadlineStream::send_now(const std::string& bytes) {
    if (m_tls) {
        ERR_clear_error();
        (void)SSL_write(m_tls, bytes.data(), static_cast<int>(bytes.size()));
    } else {
        (void)::send(m_sock, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const { socket_address(m_sock, true, ip, port); }

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const { socket_address(m_sock, false, ip, port); }

} // namespace lobby::server
