// The kiosks feature: heartbeats and the staff's view of each kiosk's
// health. Internal to the feature; the server sees only register_kiosks().
#pragma once

#include "api.hpp"
#include "feature.hpp"

#include "protocol/kiosk.hpp"

namespace lobby::server::kiosks {

ApiResponse record_heartbeat(ApiContext& ctx, const protocol::Heartbeat& req);
ApiResponse list_kiosks(ApiContext& ctx);  // staff
ApiResponse kiosk_status(ApiContext& ctx, const std::string& kiosk_id);  // one kiosk of that list
ApiResponse revoke_kiosk(ApiContext& ctx, const std::string& kiosk_id);  // staff

} // namespace lobby::server::kiosks
