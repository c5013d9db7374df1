// One connection's socket as an httplib::Stream, with what httplib's own
// SocketStream lacks: a total deadline for reading each request (a client
// sending a byte now and then is cut off anyway), a total deadline for
// writing each response, and one read buffer for the whole connection, so
// bytes of a pipelined next request read along with this one are kept for it
// (httplib makes a new stream per request and drops them). Over TLS (the
// office server's own HTTPS) the same holds for the decrypted bytes: the
// socket is non-blocking and every OpenSSL read or write waits for the socket
// within the same deadlines, so a TLS record trickled a byte at a time is cut
// off like a header line would be.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

typedef struct ssl_st SSL;

namespace lobby::server {

class DeadlineStream final : public httplib::Stream {
public:
    using Clock = std::chrono::steady_clock;

    // `tls`: an accepted TLS session on `sock` (not owned), or null for plain HTTP.
    DeadlineStream(socket_t sock, Clock::duration write_timeout, SSL* tls = nullptr);

    // The next request must arrive in full before `read_deadline`; its
    // response gets the write timeout in total from its first byte.
    void start_request(Clock::time_point read_deadline);
    // Bytes of a next request already read from the socket (or decrypted by TLS).
    bool has_buffered() const;
    // A read hit the deadline: the request is incomplete. From then on
    // writes are swallowed, so httplib's own "400" never reaches the client;
    // the caller answers 408 on the socket itself.
    bool timed_out() const { return m_timed_out; }
    // Writes a refusal the connection's own way (TLS or not) without
    // waiting: a client that stopped reading is not worth waiting for.
    void send_now(const std::string& bytes);

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, std::size_t size) override;
    ssize_t write(const char* ptr, std::size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return m_sock; }

private:
    // One read of at most `size` bytes, waiting within the read deadline.
    ssize_t receive(char* ptr, std::size_t size);
    bool buffer_left() const { return m_offset < m_buffer.size(); }

    socket_t m_sock;
    SSL* m_tls;
    Clock::duration m_write_timeout;
    Clock::time_point m_read_deadline;
    Clock::time_point m_write_deadline{};  // set by the response's first write
    bool m_timed_out = false;
    std::vector<char> m_buffer;
    std::size_t m_offset = 0;
};

// Waits until `sock` can be read (or written), has failed, or `deadline`;
// with `listening` (the server's socket, INVALID_SOCKET once it stops) it
// also gives up within 100 ms of a stop. False on timeout or stop.
bool wait_socket(socket_t sock, short events, DeadlineStream::Clock::time_point deadline,
                 const std::atomic<socket_t>* listening);

// Completes the server side of a TLS handshake on non-blocking `sock`
// within `deadline` (a handshake trickled in is cut off like a slow request);
// false when it failed, timed out or the server stopped.
bool tls_handshake(SSL* tls, socket_t sock, DeadlineStream::Clock::time_point deadline,
                   const std::atomic<socket_t>* listening);

// "ip", "port" of either end of a socket (IPv4 or IPv6).
void socket_address(socket_t sock, bool peer, std::string& ip, int& port);

} // namespace lobby::server
