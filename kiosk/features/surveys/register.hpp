// Registers the surveys service (core, screens, io) with the kiosk.
#pragma once

namespace kiosk::app {
class FeatureRegistry;
}

namespace kiosk::surveys {

void register_surveys(app::FeatureRegistry& registry);

} // namespace kiosk::surveys
