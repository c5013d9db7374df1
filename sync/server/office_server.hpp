// The office server: opens and migrates the database, seeds the demo estate
// when asked, and serves the API and the pay page over HTTP, or HTTPS with
// a certificate (ServerConfig::tls_cert_file).
#pragma once

#include "config.hpp"
#include "estates.hpp"
#include "guarded_http_server.hpp"
#include "pool.hpp"
#include "route_table.hpp"

#include <memory>
#include <string>
#include <vector>

namespace lobby::server {

class OfficeServer {
public:
    explicit OfficeServer(ServerConfig config);

    // Binds host:port (port 0 picks a free one); returns the bound port or
    // -1. Afterwards config().port is the real port.
    int bind();
    // Serves until stop(); returns false if the socket failed.
    bool run();
    // Safe from any thread; in-flight requests finish first.
    void stop();
    // True once run() accepts connections (until stop()).
    bool running() const { return m_http.is_running(); }

    const ServerConfig& config() const { return m_config; }
    // Demo kiosk tokens created by this start (empty unless freshly seeded).
    const std::vector<std::string>& demo_lines() const { return m_demo_lines; }
    // Every route served (method, pattern), in registration order.
    const std::vector<RouteInfo>& routes() const { return m_routes.routes(); }
    Estates& estates() { return m_estates; }

private:
    void install_handlers();

    ServerConfig m_config;
    std::shared_ptr<const TlsContext> m_tls;  // null: plain HTTP
    Estates m_estates;  // the home database (the company directory) and every other estate's
    GuardedHttpServer m_http;  // httplib with connection limits, deadlines and pipelining
    RouteTable m_routes{m_http};
    std::vector<std::string> m_demo_lines;
};

} // namespace lobby::server
