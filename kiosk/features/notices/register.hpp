// Registers the notices service (core, screens, io) with the kiosk.
#pragma once

namespace kiosk::app {
class FeatureRegistry;
}

namespace kiosk::notices {

void register_notices(app::FeatureRegistry& registry);

} // namespace kiosk::notices
