// Raw HTTP/1.1 over a loopback socket, for what a well-behaved client library
// never sends: pipelined requests, headers a line at a time, bodies without a
// length, connections from another loopback address (127.0.0.2 is loopback
// too, so the server sees a second client).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace lobby::test {

using SteadyClock = std::chrono::steady_clock;

class RawConnection {
public:
    enum class Read { data, closed, timeout };

    // Connects to 127.0.0.1:port from `from`; ok() says whether it worked.
    explicit RawConnection(int port, const char* from = "127.0.0.1") {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (m_fd < 0) return;
        sockaddr_in local{};
        local.sin_family = AF_INET;
        inet_pton(AF_INET, from, &local.sin_addr);
        sockaddr_in server{};
        server.sin_family = AF_INET;
        server.sin_port = htons(static_cast<std::uint16_t>(port));
        inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
        int yes = 1;
        setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        if (::bind(m_fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
            ::connect(m_fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~RawConnection() {
        if (m_fd >= 0) ::close(m_fd);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool ok() const { return m_fd >= 0; }
    bool closed_by_server() const { return m_closed; }
    int fd() const { return m_fd; }

    bool send_all(const std::string& data) {
        std::size_t sent = 0;
        while (sent < data.size()) {
            const ssize_t n = ::send(m_fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }

    // Appends what has arrived to received(), waiting until `deadline` for
    // something to arrive.
    Read read_some(SteadyClock::time_point deadline) {
        if (m_closed) return Read::closed;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(std::max<long long>(0, left.count()))) <= 0) return Read::timeout;
        char buf[16384];
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        if (n <= 0) {
            m_closed = true;  // EOF or reset: the server is done with us
            return Read::closed;
        }
        m_in.append(buf, static_cast<std::size_t>(n));
        return Read::data;
    }
    std::string& received() { return m_in; }

private:
    int m_fd = -1;
    bool m_closed = false;
    std::string m_in;
};

struct RawResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;

    std::string header(const std::string& name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
};

// Removes the complete responses (Content-Length framed) from the front of
// `buffer` and returns them.
inline std::vector<RawResponse> take_responses(std::string& buffer) {
    std::vector<RawResponse> out;
    for (;;) {
        const std::size_t head_end = buffer.find("\r\n\r\n");
        if (head_end == std::string::npos || buffer.compare(0, 9, "HTTP/1.1 ") != 0) return out;
        RawResponse r;
        r.status = std::atoi(buffer.c_str() + 9);
        std::size_t line = buffer.find("\r\n") + 2;
        while (line < head_end) {
            const std::size_t eol = buffer.find("\r\n", line);
            const std::size_t colon = buffer.find(':', line);
            if (colon < eol) {
                std::string name = buffer.substr(line, colon - line);
                std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
                std::size_t value = colon + 1;
                while (value < eol && buffer[value] == ' ') ++value;
                r.headers[name] = buffer.substr(value, eol - value);
            }
            line = eol + 2;
        }
        const std::size_t length = static_cast<std::size_t>(std::atoll(r.header("content-length").c_str()));
        if (buffer.size() < head_end + 4 + length) return out;
        r.body = buffer.substr(head_end + 4, length);
        buffer.erase(0, head_end + 4 + length);
        out.push_back(std::move(r));
    }
}

// Reads responses until `count` have arrived, the server closes, or `deadline`.
// Any connection with RawConnection's read_some/received (TlsConnection too).
template <class Connection>
std::vector<RawResponse> read_responses(Connection& c, std::size_t count, SteadyClock::time_point deadline) {
    std::vector<RawResponse> all;
    while (all.size() < count) {
        const RawConnection::Read got = c.read_some(deadline);
        for (auto& r : take_responses(c.received())) all.push_back(std::move(r));
        if (got != RawConnection::Read::data) break;
    }
    return all;
}

} // namespace lobby::test
