// libcurl easy+multi handles behind HttpClient; the multi poll loop is what makes abort immediate.
#include "net/http_client.hpp"

#include <curl/curl.h>

#include <mutex>

namespace kiosk::net {
namespace {

constexpr int k_poll_slice_ms = 200;   // upper bound on noticing abort if wakeup is missed
constexpr std::size_t k_max_body_bytes = 16 * 1024 * 1024;   // a pull page is far below this

void global_init_once()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* body = static_cast<std::string*>(user);
    if (body->size() + size * count > k_max_body_bytes)
        return 0;   // curl reports CURLE_WRITE_ERROR; a runaway server is "broken"
    body->append(data, size * count);
    return size * count;
}

TransportError classify(CURLcode code)
{
    switch (code) {
    case CURLE_OK: return TransportError::none;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return TransportError::connect;
    case CURLE_OPERATION_TIMEDOUT: return TransportError::timeout;
    // Told apart from "broken": retrying will not help until someone fixes the
    // CA file or the server, and the screen says so.
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR: return TransportError::untrusted;
    default: return TransportError::broken;
    }
}

} // namespace

const char* to_string(TransportError error) noexcept
{
    switch (error) {
    case TransportError::none: return "none";
    case TransportError::connect: return "connect";
    case TransportError::timeout: return "timeout";
    case TransportError::aborted: return "aborted";
    case TransportError::broken: return "broken";
    case TransportError::untrusted: return "untrusted";
    }
    return "broken";
}

struct HttpClient::Handles {
    CURL* easy = nullptr;
    CURLM* multi = nullptr;
};

HttpClient::HttpClient(HttpTimeouts timeouts, TlsTrust trust)
    : m_timeouts(timeouts), m_trust(std::move(trust)), m_handles(std::make_unique<Handles>())
{
    global_init_once();
    m_handles->easy = curl_easy_init();
    m_handles->multi = curl_multi_init();
}

HttpClient::~HttpClient()
{
    curl_multi_cleanup(m_handles->multi);
    curl_easy_cleanup(m_handles->easy);
}

void HttpClient::set_transport_options(void* handle) const
{
    CURL* easy = static_cast<CURL*>(handle);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_timeouts.connect_ms));
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(m_timeouts.total_ms));
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    // Never a redirect: a kiosk follows no one to another server.
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    // libcurl's defaults, said out loud: the certificate and the host name are checked.
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(easy, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!m_trust.ca_file.empty())
        curl_easy_setopt(easy, CURLOPT_CAINFO, m_trust.ca_file.c_str());
    if (!m_trust.pin_sha256.empty()) {
        const std::string pin = "sha256//" + m_trust.pin_sha256;
        curl_easy_setopt(easy, CURLOPT_PINNEDPUBLICKEY, pin.c_str());   // curl copies the string
    }
}

void HttpClient::abort() noexcept
{
    m_aborted.store(true);
    curl_multi_wakeup(m_handles->multi);
}

HttpResponse HttpClient::perform(const HttpRequest& request)
{
    HttpResponse response;
    if (m_aborted.load()) {
        response.transport = TransportError::aborted;
        return response;
    }
    CURL* easy = m_handles->easy;
    curl_easy_reset(easy);   // keeps the live connection, drops the previous options
    set_transport_options(easy);
    curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &response.body);
    if (request.method != "GET") {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.c_str());
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    }
    curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
    if (!request.body.empty())
        headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Expect:");   // no 100-continue round trip
    for (const std::string& header : request.headers)
        headers = curl_slist_append(headers, header.c_str());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);

    CURLM* multi = m_handles->multi;
    curl_multi_add_handle(multi, easy);
    CURLcode result = CURLE_OK;
    bool finished = false;
    while (!finished) {
        if (m_aborted.load()) {
            response.transport = TransportError::aborted;
            break;
        }
        int running = 0;
        if (curl_multi_perform(multi, &running) != CURLM_OK) {
            result = CURLE_SEND_ERROR;
            finished = true;
            break;
        }
        int queued = 0;
        while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
            if (message->msg == CURLMSG_DONE) {
                result = message->data.result;
                finished = true;
            }
        }
        if (!finished)
            curl_multi_poll(multi, nullptr, 0, k_poll_slice_ms, nullptr);
    }
    curl_multi_remove_handle(multi, easy);
    curl_slist_free_all(headers);
    if (response.transport == TransportError::aborted)
        return response;

    response.transport = classify(result);
    if (response.transport != TransportError::none) {
        response.transport_message = curl_easy_strerror(result);
        response.body.clear();
        return response;
    }
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &response.status);
    const char* content_type = nullptr;
    curl_easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &content_type);
    if (content_type)
        response.content_type = content_type;
    return response;
}

} // namespace kiosk::net
