// The notices screens as the shell draws them.
#pragma once

#include "ui/feature_screens.hpp"

namespace kiosk::notices {

ui::FeatureScreens notices_screens();

} // namespace kiosk::notices
