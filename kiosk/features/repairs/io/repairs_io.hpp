// The repairs io as the shell's registry holds it.
#pragma once

#include "features/repairs/core/repairs_feature.hpp"
#include "net/feature_io.hpp"

namespace kiosk::repairs {

net::FeatureIo repairs_io();
// The protocol's CSPRNG-backed follow-up code, status token and UUID.
TicketSecrets ticket_secrets();

} // namespace kiosk::repairs
