// The demo "phone" side of a payment: GET /pay/{order} shows the order with
// a button, POST /pay/{order} pays it. No kiosk token: this is what the QR opens.
#pragma once

#include "config.hpp"
#include "pool.hpp"
#include "route_table.hpp"

#include <httplib.h>

namespace lobby::server::fees {

void install_pay_page(RouteTable& http, Pool& pool, const ServerConfig& config);

} // namespace lobby::server::fees
