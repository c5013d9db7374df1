// ApiClient: one request, its headers, and the verdict on the answer.
#include "net/api_client.hpp"

#include "protocol/decode.hpp"

namespace kiosk::net {

std::string ApiReply::summary() const
{
    return reached() ? "HTTP " + std::to_string(http.status) : std::string("transport: ") + to_string(http.transport);
}

ApiClient::ApiClient(ServerEndpoint endpoint, HttpTimeouts timeouts)
    : m_endpoint(std::move(endpoint)), m_http(timeouts, m_endpoint.tls)
{
}

ApiReply ApiClient::send(const char* method, const std::string& path, std::string body,
                         const std::string& idempotency_key)
{
    HttpRequest request;
    request.method = method;
    request.url = m_endpoint.url + path;
    request.body = std::move(body);
    // Read per request: a rotation or an enrolment applies to the next one.
    const std::string token = m_endpoint.credentials ? m_endpoint.credentials->token() : m_endpoint.token;
    if (!token.empty())  // not enrolled yet: no header (the office answers 401, or enrols)
        request.headers.push_back("Authorization: Bearer " + token);
    if (!idempotency_key.empty())
        request.headers.push_back("Idempotency-Key: " + idempotency_key);
    ApiReply reply;
    reply.http = m_http.perform(request);
    reply.judged = judge(reply.http);
    if (reply.reached() && reply.http.status >= 400 && is_json_content_type(reply.http.content_type)) {
        auto error = lobby::protocol::decode_text<lobby::protocol::ErrorBody>(reply.http.body);
        if (error)
            reply.error = error.value();
    }
    return reply;
}

} // namespace kiosk::net
