// Run-time settings of office-server (filled from the command line).
#pragma once

#include "protocol/time.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace lobby::server {

struct ServerConfig {
    std::string db_path = "office.db";
    std::string host = "127.0.0.1";
    int port = 8470;                       // 0: pick a free port, printed on stdout
    bool demo = false;                     // seed the demo estate into an empty database
    std::string public_url;                // base of pay-page links in QR codes; empty: http://host:port
    int lockout_failures = 5;              // wrong phone_last4 in a row before a unit locks
    std::int64_t lockout_seconds = 15 * 60;  // how long a unit stays locked
    std::int64_t order_ttl_seconds = 15 * 60;  // payment order lifetime
    std::int64_t verification_ttl_seconds = 10 * 60;  // a fee lookup's verification token, for payment orders
    std::int64_t visitor_pass_seconds = 4 * 3600;  // walk-in pass validity
    // Visitor code guesses: a kiosk with this many unknown codes within a
    // minute may not redeem for redeem_lockout_seconds; all kiosks together
    // with redeem_misses_global within a minute pause redeeming for a minute.
    int redeem_misses_per_kiosk = 10;
    std::int64_t redeem_lockout_seconds = 15 * 60;
    int redeem_misses_global = 100;
    std::size_t max_body_bytes = 64 * 1024;  // larger bodies get 413
    std::int64_t idempotency_retention_seconds = 30LL * 86400;  // stored responses older than this are dropped at start
    std::int64_t personal_data_retention_seconds = 30LL * 86400;  // visitor names/phones kept after the pass ends
    int threads = 16;  // HTTP worker threads; each keep-alive connection holds one while open (max 5 s idle)
    // Hostile clients (guarded_http_server.hpp): a request must arrive in full
    // within request_read_seconds of its first byte (else 408); one client
    // address holds at most max_connections_per_client connections (the next
    // gets 503). Keep the latter well below `threads`: slow connections from
    // one address then hold at most that many worker threads (half, by default).
    double request_read_seconds = 10;
    int max_connections_per_client = 8;
    // The server's clock: every "now" the server uses comes from here (requests,
    // the pay page, retention and the demo seed at start). Tests running an
    // in-process OfficeServer move it instead of sleeping; must be thread-safe.
    std::function<protocol::UtcSeconds()> now = protocol::now_utc;
};

} // namespace lobby::server
