// The kiosks feature: heartbeats and the staff's view of each kiosk's
// health. Internal to the feature; the server sees only register_kiosks().
#pragma once

#include "api.hpp"
#include "feature.hpp"

#include "protocol/kiosk.hpp"

namespace lobby::server::kiosks {

ApiResponse record_heartbeat(ApiContext& ctx, const protocol::Heartbeat& req);
ApiResponse list_kiosks(ApiContext& ctx);  // staff

} // namespace lobby::server::kiosks
