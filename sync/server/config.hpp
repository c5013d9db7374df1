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
    // Where --demo writes each demo kiosk's verification key file when it
    // seeds (<dir>/<kiosk id>.key, 0600); empty: nowhere.
    std::string kiosk_key_dir;
    // Wrong phone_last4: each person's session at a kiosk (kiosk, session,
    // unit) has lookup_free_tries, then waits lookup_delay_seconds, doubling
    // (at most the window); a unit locks everywhere for lockout_seconds
    // only when lockout_failures wrong tries reach it within
    // lockout_window_seconds, which one session's delays alone cannot do.
    int lookup_free_tries = 3;
    std::int64_t lookup_delay_seconds = 30;
    int lockout_failures = 10;
    std::int64_t lockout_window_seconds = 3600;
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
    // The server's clock: every "now" the server uses comes from here (requests,
    // the pay page, retention and the demo seed at start). Tests running an
    // in-process OfficeServer move it instead of sleeping; must be thread-safe.
    std::function<protocol::UtcSeconds()> now = protocol::now_utc;
};

} // namespace lobby::server
