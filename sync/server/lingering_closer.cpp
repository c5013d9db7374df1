// One thread that drains and closes finished connections.
#include "lingering_closer.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace lobby::server {
namespace {

constexpr std::size_t max_drained_bytes = 256 * 1024;  // a client still sending this much is cut off

// Reads what has arrived; true when the socket is finished (the client
// closed, failed, or sent too much).
bool drain(socket_t sock, std::size_t& drained) {
    char buf[4096];
    for (;;) {
        const ssize_t n = ::recv(sock, buf, sizeof buf, MSG_DONTWAIT);
        if (n > 0) {
            drained += static_cast<std::size_t>(n);
            if (drained > max_drained_bytes) return true;
            continue;
        }
        return n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
    }
}

} // namespace

LingeringCloser::LingeringCloser() : m_thread([this] { run(); }) {}

LingeringCloser::~LingeringCloser() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
    for (const auto& l : m_sockets) ::close(l.sock);
}

void LingeringCloser::close(socket_t sock, Clock::duration linger) {
    ::shutdown(sock, SHUT_WR);
    std::size_t drained = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_stop && linger > Clock::duration::zero() && m_sockets.size() < max_lingering && !drain(sock, drained)) {
            m_sockets.push_back({sock, Clock::now() + linger, drained});
            m_wake.notify_all();
            return;
        }
    }
    ::close(sock);
}

void LingeringCloser::run() {
    std::unique_lock<std::mutex> lock(m_mutex);
    std::vector<pollfd> fds;
    while (!m_stop) {
        if (m_sockets.empty()) {
            m_wake.wait(lock, [this] { return m_stop || !m_sockets.empty(); });
            continue;
        }
        fds.clear();
        for (const auto& l : m_sockets) fds.push_back({l.sock, POLLIN, 0});
        // Short polls without the lock: new sockets join on the next round.
        lock.unlock();
        ::poll(fds.data(), fds.size(), 50);
        lock.lock();
        const auto now = Clock::now();
        // Sockets added meanwhile sit after the polled ones; only those were polled.
        std::size_t kept = 0;
        for (std::size_t i = 0; i < m_sockets.size(); ++i) {
            Lingering& l = m_sockets[i];
            const bool polled = i < fds.size();
            const bool done = (polled && fds[i].revents != 0 && drain(l.sock, l.drained)) || now >= l.until;
            if (done) ::close(l.sock);
            else m_sockets[kept++] = l;
        }
        m_sockets.resize(kept);
    }
}

} // namespace lobby::server
