// The notices io as the shell's registry holds it: cache reads only (notices
// arrive through the pull feed; nothing is asked online or submitted).
#pragma once

#include "net/feature_io.hpp"

namespace kiosk::notices {

net::FeatureIo notices_io();

} // namespace kiosk::notices
