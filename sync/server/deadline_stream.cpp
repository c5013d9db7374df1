// A connection's socket with per-request deadlines and a persistent buffer.
#include "deadline_stream.hpp"

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

DeadlineStream::DeadlineStream(socket_t sock, Clock::duration write_timeout)
    : m_sock(sock), m_write_timeout(write_timeout), m_read_deadline(Clock::now()) {}

void DeadlineStream::start_request(Clock::time_point read_deadline) {
    m_read_deadline = read_deadline;
    m_write_deadline = Clock::time_point{};
}

bool DeadlineStream::is_readable() const {
    if (has_buffered()) return true;
    pollfd p{m_sock, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0;
}

bool DeadlineStream::is_writable() const {
    pollfd p{m_sock, POLLOUT, 0};
    return !m_timed_out && ::poll(&p, 1, 0) > 0;
}

ssize_t DeadlineStream::read(char* ptr, std::size_t size) {
    if (m_timed_out) return -1;
    while (!has_buffered()) {
        // A server being stopped still lets a started request finish (a
        // kiosk takes 400 as final): only the deadline ends the wait.
        if (!wait_socket(m_sock, POLLIN, m_read_deadline, nullptr)) {
            m_timed_out = true;
            return -1;
        }
        m_buffer.resize(16 * 1024);
        m_offset = 0;
        const ssize_t n = ::recv(m_sock, m_buffer.data(), m_buffer.size(), MSG_DONTWAIT);
        m_buffer.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
        if (n == 0) return 0;  // the client closed
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
    }
    const std::size_t n = std::min(size, m_buffer.size() - m_offset);
    std::memcpy(ptr, m_buffer.data() + m_offset, n);
    m_offset += n;
    return static_cast<ssize_t>(n);
}

ssize_t DeadlineStream::write(const char* ptr, std::size_t size) {
    if (m_timed_out) return static_cast<ssize_t>(size);  // swallowed; see timed_out()
    if (m_write_deadline == Clock::time_point{}) m_write_deadline = Clock::now() + m_write_timeout;
    if (!wait_socket(m_sock, POLLOUT, m_write_deadline, nullptr)) return -1;
    const ssize_t n = ::send(m_sock, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return 0;  // write_data tries again
    return n;
}

void DeadlineStream::get_remote_ip_and_port(std::string& ip, int& port) const { socket_address(m_sock, true, ip, port); }

void DeadlineStream::get_local_ip_and_port(std::string& ip, int& port) const { socket_address(m_sock, false, ip, port); }

} // namespace lobby::server
