// The notices feature: staff publish notices; kiosks pull them from the
// feed and get a tombstone when one expires. Internal to the feature; the
// server sees only register_notices().
#pragma once

#include "api.hpp"
#include "feature.hpp"

#include "protocol/notices.hpp"

namespace lobby::server::notices {

ApiResponse publish_notice(ApiContext& ctx, const protocol::Notice& notice);  // notices.cpp (staff)
void seed_notices(DemoSeed& seed);                                            // demo.cpp

} // namespace lobby::server::notices
