// Settings of the sync worker: where the office server is, how often to talk to it, how long to wait.
#pragma once

#include "net/backoff.hpp"
#include "net/credentials.hpp"
#include "net/http_client.hpp"

#include <memory>
#include <string>

namespace kiosk::net {

struct SyncConfig {
    std::string server_url = "http://127.0.0.1:8470";   // office server, no trailing slash
    std::string token = "demo-lobby-1-token";            // this kiosk's bearer token (tests)
    // The kiosk's shared token (wins over `token`): rotations replace it.
    std::shared_ptr<Credentials> credentials;
    TlsTrust tls;                                        // https://: CA file and optional key pin
    std::string kiosk_version = "0.0.0";                 // sent with the heartbeat
    int page_limit = 250;                   // records per /v1/changes page (server caps at 1000); one
                                            // transaction each, so it bounds how long a Submit waits
    int pull_interval_ms = 60000;           // scheduled pull; screens also call request_pull()
    int heartbeat_interval_ms = 60000;      // office console shows kiosks silent for longer
    // After the last exchange (or a failure) the worker checks the office is
    // still there this often (GET /v1/health), so going offline, or coming
    // back, is said within about 10 s even when nobody submits anything.
    int probe_interval_ms = 5000;
    // The kiosk started on an in-memory store because its disk was full:
    // status().storage_full stays true and the heartbeat says so.
    bool storage_fallback = false;
    int outbox_retention_days = 30;         // finished outbox rows (admin history) kept this long
    HttpTimeouts timeouts;                  // connect 3 s, total 10 s
    BackoffPolicy outbox_backoff{1000, 60000};   // per outbox item, from its stored attempts
    BackoffPolicy pull_backoff{2000, 60000};     // pulls after a failed pull
};

} // namespace kiosk::net
