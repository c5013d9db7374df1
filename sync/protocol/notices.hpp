// Notices (feed collection "notices"; staff publish them with POST /v1/notices).
#pragma once

#include "protocol/codec.hpp"
#include "protocol/common.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

// collection "notices", key = id. Expired notices arrive as tombstones.
struct Notice {
    std::string id;    // "N-17"
    std::string kind;  // outage, safety, event, fee, service
    bool urgent = false;
    LocalizedText title;
    LocalizedText body;
    UtcSeconds published_at = 0;
    std::optional<UtcSeconds> expires_at;
};
LOBBY_PROTOCOL_CODEC(Notice);

} // namespace lobby::protocol
