// Registers the fees service (core, screens, io) with the kiosk.
#pragma once

namespace kiosk::app {
class FeatureRegistry;
}

namespace kiosk::fees {

void register_fees(app::FeatureRegistry& registry);

} // namespace kiosk::fees
