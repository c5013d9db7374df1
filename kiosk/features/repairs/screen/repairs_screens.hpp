// The repairs screens as the shell's registry holds them.
#pragma once

#include "ui/feature_screens.hpp"

namespace kiosk::repairs {

ui::FeatureScreens repairs_screens();

} // namespace kiosk::repairs
