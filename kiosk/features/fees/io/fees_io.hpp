// The fees io as the shell's registry holds it.
#pragma once

#include "net/feature_io.hpp"

namespace kiosk::fees {

net::FeatureIo fees_io();

} // namespace kiosk::fees
