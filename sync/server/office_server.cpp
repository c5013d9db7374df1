// Server setup: database, demo seed, handlers for errors, exceptions and logs.
#include "office_server.hpp"

#include "api.hpp"
#include "demo_seed.hpp"
#include "request_framing.hpp"
#include "retention.hpp"
#include "router.hpp"
#include "personal_data_at_rest.hpp"
#include "schema.hpp"

#include "protocol/decode.hpp"

#include <spdlog/spdlog.h>

#include <sys/socket.h>

#include <chrono>

namespace lobby::server {
namespace {

std::string loggable_path_rest(const std::string& path);

using Clock = std::chrono::steady_clock;
thread_local Clock::time_point t_request_start{};

// Payment order ids and repair status tokens are bearer secrets (whoever
// has one opens its page): nothing after these prefixes is logged (a public
// page's path may name an estate first: /pay/<estate>/<order>).
const char* const secret_id_prefixes[] = {"/pay/", "/receipts/", "/repairs/status/", "/v1/payment-orders/"};

// Paths are logged, never query strings or bodies; order ids are blanked,
// long digit runs (a phone typed into a URL) are blanked and odd bytes replaced.
std::string loggable_path(const std::string& path) {
    for (const char* prefix : secret_id_prefixes) {
        const std::string p = prefix;
        if (path.size() > p.size() && path.compare(0, p.size(), p) == 0) return p + "***";
    }
    return loggable_path_rest(path);
}

std::string loggable_path_rest(const std::string& path) {
    std::string out;
    std::size_t digits = 0;
    for (std::size_t i = 0; i < path.size() && out.size() < 120; ++i) {
        const char c = path[i];
        digits = (c >= '0' && c <= '9') ? digits + 1 : 0;
        out += (c > 0x20 && c < 0x7F) ? c : '?';
        if (digits == 7) out.replace(out.size() - 7, 7, "#######");
        else if (digits > 7) out.back() = '#';
    }
    return out;
}

std::string default_message(int status, const httplib::Request& req, std::size_t max_body) {
    switch (status) {
    case 404: return "There is no endpoint " + req.method + " " + loggable_path(req.path) + ".";
    case 413:
        // httplib caps form-encoded bodies at 8 KiB before our own limit applies.
        if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0)
            return "A body sent as application/x-www-form-urlencoded may have at most 8192 bytes; send JSON with "
                   "'Content-Type: application/json'.";
        return "The request body is larger than " + std::to_string(max_body) + " bytes.";
    case 414: return "The request URI is too long.";
    case 400: return "The HTTP request could not be read.";
    default: return "The request failed with HTTP status " + std::to_string(status) + ".";
    }
}

const char* default_code(int status) {
    switch (status) {
    case 404: return protocol::error_code::not_found;
    case 413: return protocol::error_code::payload_too_large;
    default: return status >= 500 ? protocol::error_code::internal_error : protocol::error_code::bad_request;
    }
}

ConnectionLimits connection_limits(const ServerConfig& config) {
    ConnectionLimits limits;
    limits.request_read = std::chrono::milliseconds(static_cast<long long>(config.request_read_seconds * 1000));
    limits.max_per_client = config.max_connections_per_client;
    return limits;
}

} // namespace

OfficeServer::OfficeServer(ServerConfig config)
    : m_config(std::move(config)),
      // The certificate first: a wrong file is named before the database is touched.
      m_tls(m_config.tls() ? TlsContext::load(m_config.tls_cert_file, m_config.tls_key_file) : nullptr),
      m_estates(m_config, std::make_shared<const FieldCipher>(FieldCipher::from_key_file(m_config.data_key_path()))),
      m_http(connection_limits(m_config)) {
    if (m_tls) m_http.use_tls(m_tls);
    m_estates.migrate_all();
    for (const EstateEntry& estate : m_estates.list()) {
        auto lease = m_estates.find(estate.id)->acquire();
        check_data_key(lease.db());
        seal_clear_personal_fields(lease.db());
        apply_retention(lease.db(), m_config, m_config.now());
    }
    if (m_config.demo) {
        auto lease = m_estates.home().acquire();
        m_demo_lines = seed_demo_estate(lease.db(), m_config.now(), m_config.kiosk_key_dir);
    }
    if (m_config.demo_estates > 0) {
        auto more = seed_demo_estates(m_estates, m_config);
        m_demo_lines.insert(m_demo_lines.end(), more.begin(), more.end());
    }
    install_handlers();
}

void OfficeServer::install_handlers() {
    m_http.new_task_queue = [threads = m_config.threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    m_http.set_payload_max_length(m_config.max_body_bytes);
    // Reading a request is bounded by ConnectionLimits (guarded_http_server.hpp);
    // these three are used by its connection loop: a response has 5 s to be
    // written, a connection may idle 5 s between requests and serve 1000.
    m_http.set_write_timeout(5, 0);
    m_http.set_keep_alive_timeout(5);
    m_http.set_keep_alive_max_count(1000);
    m_http.set_tcp_nodelay(true);
    // httplib's default adds SO_REUSEPORT, which lets a second server bind
    // the same port and silently take half the requests; keep only REUSEADDR.
    m_http.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });

    m_http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        t_request_start = Clock::now();
        // Runs before httplib reads a body: one it cannot delimit is refused
        // at once, and Connection: close makes sure it is never read as a request.
        if (const auto refusal = refuse_unframed_body(req)) {
            res.status = refusal->status;
            res.set_content(protocol::dump_json(refusal->body), "application/json; charset=utf-8");
            res.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // Every error carries the JSON error body, also those httplib makes itself.
    const httplib::Server::HandlerWithResponse fill_error = [max = m_config.max_body_bytes](
                                                                 const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const ApiResponse r = api_error(res.status, default_code(res.status), default_message(res.status, req, max));
        res.set_content(protocol::dump_json(r.body), "application/json; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
    };
    m_http.set_error_handler(fill_error);
    m_http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
            std::rethrow_exception(ep);
        } catch (const DbUnavailable& e) {
            // Not a bug: the database is down, restarting or saturated. Nothing
            // was written (or a lost COMMIT replays under its Idempotency-Key).
            spdlog::warn("{} {}: database unavailable: {}", req.method, loggable_path(req.path), e.what());
            const ApiResponse r = api_error(503, protocol::error_code::database_unavailable,
                                            "The office database cannot be reached right now. "
                                            "Try again shortly with the same Idempotency-Key.");
            res.status = 503;
            res.set_header("Retry-After", "2");
            res.set_content(protocol::dump_json(r.body), "application/json; charset=utf-8");
            return;
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        spdlog::error("{} {} failed: {}", req.method, loggable_path(req.path), what);
        const ApiResponse r = api_error(500, protocol::error_code::internal_error,
                                        "The server failed to handle this request; it has been logged.");
        res.status = 500;
        res.set_content(protocol::dump_json(r.body), "application/json; charset=utf-8");
    });
    m_http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        if (t_request_start == Clock::time_point{}) {
            spdlog::info("{} {} {} -", req.method, loggable_path(req.path), res.status);
            return;
        }
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t_request_start).count();
        t_request_start = Clock::time_point{};
        spdlog::info("{} {} {} {:.1f}ms", req.method, loggable_path(req.path), res.status, ms);
    });

    install_api_routes(m_routes, m_estates, m_config);  // the core endpoints, then each feature's
}

int OfficeServer::bind() {
    const int port = m_config.port == 0 ? m_http.bind_to_any_port(m_config.host)
                                        : (m_http.bind_to_port(m_config.host, m_config.port) ? m_config.port : -1);
    if (port > 0) {
        m_config.port = port;
        m_http.widen_listen_backlog();
    }
    return port;
}

bool OfficeServer::run() { return m_http.listen_after_bind(); }

void OfficeServer::stop() { m_http.stop(); }

} // namespace lobby::server
