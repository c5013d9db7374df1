// What the sync worker tells the rest of the kiosk about the network and the
// outbox. Plain data: the worker publishes a copy, the UI reads a copy.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk {

struct SyncStatus {
    bool ever_connected = false;      // false until the first successful request
    bool online = false;              // the last request reached the server
    // The server was reached but its last answer was not a success (5xx, an
    // unreadable body): "office system busy", never "network fine".
    bool server_busy = false;
    // The kiosk's own disk is full (a pull or the outbox could not write);
    // cleared by the next successful write.
    bool storage_full = false;
    // https: the last request stopped because the server's certificate (or
    // its key, when pinned) is not the one this kiosk trusts; nothing was
    // sent, the outbox keeps it. Cleared by the next answer from the server.
    bool server_untrusted = false;
    // This kiosk has no token yet: it waits for an enrolment code (admin screen).
    bool has_token = true;
    // The estate this kiosk's token belongs to ("" for the office's home
    // estate): links the kiosk makes itself, such as a ticket's status page,
    // name it (protocol/public_links.hpp). Known offline: the token says it.
    std::string estate;
    // The office refused this kiosk's token (401: revoked, or replaced by a
    // new enrolment). Submissions wait in the outbox; cleared by the next success.
    bool unauthorized = false;
    std::int64_t offline_since_utc = 0;   // unix seconds; 0 when online
    std::int64_t last_sync_utc = 0;       // unix seconds of the last complete pull
    std::uint64_t pulls_completed = 0;    // complete pulls since start (tests wait for the next one)
    int outbox_pending = 0;           // submissions waiting to be sent
    int outbox_failed = 0;            // submissions the server refused (4xx)
};

} // namespace kiosk
