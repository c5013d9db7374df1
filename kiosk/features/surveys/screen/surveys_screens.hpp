// The surveys screens as the shell draws them.
#pragma once

#include "ui/feature_screens.hpp"

namespace kiosk::surveys {

ui::FeatureScreens surveys_screens();

} // namespace kiosk::surveys
