// Registers the visitors service (core, screens, io) with the kiosk.
#pragma once

namespace kiosk::app {
class FeatureRegistry;
}

namespace kiosk::visitors {

void register_visitors(app::FeatureRegistry& registry);

} // namespace kiosk::visitors
