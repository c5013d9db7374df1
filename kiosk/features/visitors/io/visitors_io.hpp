// The visitors io as the shell's registry holds it.
#pragma once

#include "net/feature_io.hpp"

namespace kiosk::visitors {

net::FeatureIo visitors_io();

} // namespace kiosk::visitors
