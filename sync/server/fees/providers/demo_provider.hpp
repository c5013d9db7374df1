// The demo provider: QR codes open the demo pay page (--demo servers only).
#pragma once

#include "fees/providers/payment_provider.hpp"

namespace lobby::server::fees {

std::shared_ptr<PaymentProvider> make_demo_provider(const ServerConfig& config);

} // namespace lobby::server::fees
