// Closing a connection without losing our last answer, and without a worker
// thread. A close() with unread bytes from the client makes the kernel send
// a reset, which can destroy that answer before the client reads it (a
// refused request whose body is still coming, pipelined requests after a
// Connection: close). So a socket is handed here after the answer: we say we
// are done writing, and one background thread reads and discards what still
// comes until the client closes or the linger time passes, then closes it.
// A slow or hostile client thus costs a file descriptor for a moment, never
// a worker thread.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace lobby::server {

class LingeringCloser {
public:
    using Clock = std::chrono::steady_clock;

    LingeringCloser();
    ~LingeringCloser();  // closes whatever is still lingering
    LingeringCloser(const LingeringCloser&) = delete;
    LingeringCloser& operator=(const LingeringCloser&) = delete;

    // Takes `sock` and closes it within `linger`; at once if more than
    // max_lingering sockets are waiting already.
    void close(socket_t sock, Clock::duration linger);

    static constexpr std::size_t max_lingering = 1024;

private:
    struct Lingering {
        socket_t sock;
        Clock::time_point until;
        std::size_t drained;
    };
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Lingering> m_sockets;  // guarded by m_mutex
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace lobby::server
