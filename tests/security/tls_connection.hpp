// raw_http.hpp's RawConnection through TLS (OpenSSL), for the same probes
// against an HTTPS server (the office server's own TLS, nginx in front of it):
// pipelined requests, headers trickled a line at a time, many connections.
// The server's certificate is verified against `ca_file` for 127.0.0.1.
#pragma once

#include "raw_http.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <fcntl.h>

#include <csignal>

#include <memory>
#include <string>

namespace lobby::test {

class TlsConnection {
public:
    using Read = RawConnection::Read;

    // Connects from `from` and completes the handshake before `deadline`;
    // ok() says whether both worked (handshake_error() says why not).
    TlsConnection(int port, const std::string& ca_file, SteadyClock::time_point deadline,
                  const char* from = "127.0.0.1")
        : m_tcp(port, from) {
        // OpenSSL writes with write(2): a server that closed must fail the
        // write, not kill the test with SIGPIPE.
        std::signal(SIGPIPE, SIG_IGN);
        if (!m_tcp.ok()) return;
        ::fcntl(m_tcp.fd(), F_SETFL, ::fcntl(m_tcp.fd(), F_GETFL) | O_NONBLOCK);
        m_ctx.reset(SSL_CTX_new(TLS_client_method()));
        SSL_CTX_set_verify(m_ctx.get(), SSL_VERIFY_PEER, nullptr);
        if (SSL_CTX_load_verify_locations(m_ctx.get(), ca_file.c_str(), nullptr) != 1) return;
        m_ssl.reset(SSL_new(m_ctx.get()));
        SSL_set_fd(m_ssl.get(), m_tcp.fd());
        X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(m_ssl.get()), "127.0.0.1");
        for (;;) {
            ERR_clear_error();
            const int r = SSL_connect(m_ssl.get());
            if (r == 1) {
                m_ok = true;
                return;
            }
            if (!wait(r, deadline)) {
                char text[256] = "timed out or closed";
                if (const unsigned long code = ERR_peek_last_error()) ERR_error_string_n(code, text, sizeof text);
                m_error = text;
                return;
            }
        }
    }
    TlsConnection(const TlsConnection&) = delete;
    TlsConnection& operator=(const TlsConnection&) = delete;

    bool ok() const { return m_ok; }
    const std::string& handshake_error() const { return m_error; }
    bool closed_by_server() const { return m_closed; }
    std::string& received() { return m_in; }

    bool send_all(const std::string& data, SteadyClock::time_point deadline = SteadyClock::now() + std::chrono::seconds(10)) {
        std::size_t sent = 0;
        while (sent < data.size()) {
            ERR_clear_error();
            const int n = SSL_write(m_ssl.get(), data.data() + sent, static_cast<int>(data.size() - sent));
            if (n > 0) sent += static_cast<std::size_t>(n);
            else if (!wait(n, deadline)) return false;
        }
        return true;
    }

    // Appends what has arrived to received(), waiting until `deadline` for something.
    Read read_some(SteadyClock::time_point deadline) {
        if (m_closed || !m_ok) return Read::closed;
        char buf[16384];
        for (;;) {
            ERR_clear_error();
            const int n = SSL_read(m_ssl.get(), buf, sizeof buf);
            if (n > 0) {
                m_in.append(buf, static_cast<std::size_t>(n));
                return Read::data;
            }
            const int error = SSL_get_error(m_ssl.get(), n);
            if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) {
                m_closed = true;  // close_notify, EOF or reset: the server is done with us
                return Read::closed;
            }
            if (!wait(n, deadline)) return m_closed ? Read::closed : Read::timeout;
        }
    }

private:
    struct CtxFree {
        void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
    };
    struct SslFree {
        void operator()(SSL* s) const { SSL_free(s); }
    };

    // After an OpenSSL call returned `result`: waits for what it wants until
    // `deadline`; false when it failed for good or time is up.
    bool wait(int result, SteadyClock::time_point deadline) {
        const int error = SSL_get_error(m_ssl.get(), result);
        short events = 0;
        if (error == SSL_ERROR_WANT_READ) events = POLLIN;
        else if (error == SSL_ERROR_WANT_WRITE) events = POLLOUT;
        else {
            m_closed = true;
            return false;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
        if (left.count() <= 0) return false;
        pollfd p{m_tcp.fd(), events, 0};
        return ::poll(&p, 1, static_cast<int>(left.count())) > 0;
    }

    RawConnection m_tcp;
    std::unique_ptr<SSL_CTX, CtxFree> m_ctx;
    std::unique_ptr<SSL, SslFree> m_ssl;
    bool m_ok = false;
    bool m_closed = false;
    std::string m_error;
    std::string m_in;
};

} // namespace lobby::test
