// Kiosk health: the health probe, heartbeats and the staff's kiosk list.
#pragma once

#include "protocol/codec.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

// GET /v1/health -> 200 Health (no auth)
struct Health {
    std::string status;   // "ok"
    std::string version;
};
LOBBY_PROTOCOL_CODEC(Health);

// POST /v1/heartbeat -> 200 HeartbeatAck (no Idempotency-Key)
struct Heartbeat {
    std::string kiosk_version;
    std::int64_t outbox_size = 0;
    std::optional<UtcSeconds> last_sync;  // absent until the first full pull
    bool storage_full = false;            // the kiosk's disk is full (optional in JSON, sent when true)
};
LOBBY_PROTOCOL_CODEC(Heartbeat);

struct HeartbeatAck {
    std::string kiosk_id;
    UtcSeconds server_time = 0;
    // Staff asked for a new token: fetch it with POST /v1/kiosks/token (sent when true).
    bool rotate_token = false;
};
LOBBY_PROTOCOL_CODEC(HeartbeatAck);

// GET /v1/kiosks (staff token only) -> 200 KioskList: each kiosk's health.
struct KioskStatus {
    std::string id;
    bool revoked = false;
    bool online = false;  // a heartbeat in the last 5 minutes
    std::optional<UtcSeconds> last_seen;
    std::optional<std::string> version;
    std::optional<std::int64_t> outbox_size;
    std::optional<UtcSeconds> last_sync;
    bool storage_full = false;  // its last heartbeat said its disk is full (sent when true)
    bool rotation_pending = false;  // staff asked for a new token; the kiosk has not fetched it yet (sent when true)
};
LOBBY_PROTOCOL_CODEC(KioskStatus);

struct KioskList {
    std::vector<KioskStatus> kiosks;
};
LOBBY_PROTOCOL_CODEC(KioskList);

} // namespace lobby::protocol
