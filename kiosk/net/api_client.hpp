// Requests to the office server as every part of the kiosk makes them: the
// base URL, this kiosk's bearer token, the Idempotency-Key, the timeouts and
// one judgement of what came back (success, refused for good, try again).
// The sync worker and the live client each own one (their own connection).
#pragma once

#include "net/credentials.hpp"
#include "net/http_client.hpp"
#include "net/response_kind.hpp"
#include "protocol/error.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace kiosk::net {

struct ServerEndpoint {
    // {url, token} as tests give them; trust and credentials when needed.
    ServerEndpoint(std::string server_url = {}, std::string bearer = {}, TlsTrust trust = {},
                   std::shared_ptr<Credentials> shared = {})
        : url(std::move(server_url)), token(std::move(bearer)), tls(std::move(trust)), credentials(std::move(shared))
    {
    }
    std::string url;    // "http://127.0.0.1:8470", no trailing slash
    std::string token;  // this kiosk's bearer token (when no credentials are given)
    TlsTrust tls;       // for an https:// url: the CA file and the optional key pin
    // The shared, replaceable token (enrolment, rotation); wins over `token`.
    std::shared_ptr<Credentials> credentials;
};

struct ApiReply {
    HttpResponse http;
    Outcome judged;  // see judge() in response_kind.hpp
    // The contract's error body of a 4xx/5xx answer, when it had one.
    std::optional<lobby::protocol::ErrorBody> error;

    bool reached() const { return http.transport == TransportError::none; }
    long status() const { return http.status; }
    // For logs: "HTTP 503" or "transport: connect"; no body, no personal data.
    std::string summary() const;
};

class ApiClient {
public:
    ApiClient(ServerEndpoint endpoint, HttpTimeouts timeouts);

    ApiReply send(const char* method, const std::string& path, std::string body = {},
                  const std::string& idempotency_key = {});
    // Makes the running and every later send() return at once (shutdown).
    void abort() noexcept { m_http.abort(); }
    // The shared token this client sends (null when it has a fixed one).
    const std::shared_ptr<Credentials>& credentials() const { return m_endpoint.credentials; }

private:
    ServerEndpoint m_endpoint;
    HttpClient m_http;
};

} // namespace kiosk::net
