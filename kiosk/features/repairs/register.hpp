// The repairs service: report a problem the way a good front desk takes the
// call, and follow it to the end.
#pragma once

namespace kiosk::app {
class FeatureRegistry;
}

namespace kiosk::repairs {

void register_repairs(app::FeatureRegistry& registry);

} // namespace kiosk::repairs
