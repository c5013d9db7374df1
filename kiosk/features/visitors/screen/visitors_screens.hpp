// The Visitors screens as the shell's registry holds them.
#pragma once

#include "ui/feature_screens.hpp"

namespace kiosk::visitors {

ui::FeatureScreens visitors_screens();

} // namespace kiosk::visitors
