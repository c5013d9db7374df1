// The repairs io as the shell's registry holds it.
#pragma once

#include "net/feature_io.hpp"

namespace kiosk::repairs {

net::FeatureIo repairs_io();

} // namespace kiosk::repairs
