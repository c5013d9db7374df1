// A blocking HTTP client over libcurl with connect/total timeouts and an abort switch for shutdown.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::net {

// Transport failures, kept apart from HTTP status (a 500 is a response).
enum class TransportError {
    none,        // a response arrived; look at status
    connect,     // refused, unreachable, DNS
    timeout,     // connect or total timeout
    aborted,     // stop() was called
    broken,      // connection closed mid-response, protocol error
    untrusted,   // https: the server's certificate or key is not the one this kiosk trusts
};
const char* to_string(TransportError error) noexcept;

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::string body;                  // sent as application/json when not empty
    std::vector<std::string> headers;  // "Name: value"
};

struct HttpResponse {
    TransportError transport = TransportError::none;
    std::string transport_message;   // curl's wording, for logs
    long status = 0;
    std::string content_type;
    std::string body;
};

struct HttpTimeouts {
    int connect_ms = 3000;   // TCP connect
    int total_ms = 10000;    // whole request, so a stalled server cannot hold the worker
};

// Whom an https:// server must be, from kiosk.toml [server]. Certificate
// and host name are always verified; these only choose what to trust.
struct TlsTrust {
    std::string ca_file;     // PEM CA certificate(s) the server's must chain to; empty: the system's CAs
    std::string pin_sha256;  // base64 SHA-256 of the server's public key (SPKI); empty: no pin
};

// One reused connection (keep-alive) driven through a curl multi handle so
// abort() interrupts a request at once instead of at the next timeout.
// perform() runs on one thread; abort() may be called from any thread.
class HttpClient {
public:
    explicit HttpClient(HttpTimeouts timeouts, TlsTrust trust = {});
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;
    ~HttpClient();

    HttpResponse perform(const HttpRequest& request);
    // Makes the running and every later perform() return TransportError::aborted.
    void abort() noexcept;

private:
    struct Handles;
    // Every request's transport options, TLS included: the one place a curl handle is set up.
    void set_transport_options(void* easy) const;

    HttpTimeouts m_timeouts;
    TlsTrust m_trust;
    std::unique_ptr<Handles> m_handles;
    std::atomic<bool> m_aborted{false};
};

} // namespace kiosk::net
