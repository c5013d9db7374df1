// The fees screens as the shell draws them.
#pragma once

#include "ui/feature_screens.hpp"

namespace kiosk::fees {

ui::FeatureScreens fees_screens();

} // namespace kiosk::fees
