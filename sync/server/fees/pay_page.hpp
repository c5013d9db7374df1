// The demo "phone" side of a payment: GET /pay/{order} shows the order with
// a button, POST /pay/{order} pays it; an order of another estate than the
// home one is /pay/{estate}/{order} (public_page.hpp). No kiosk token: this
// is what the QR opens.
#pragma once

#include "config.hpp"
#include "estates.hpp"
#include "pool.hpp"
#include "route_table.hpp"

#include <httplib.h>

namespace lobby::server::fees {

void install_pay_page(RouteTable& http, Estates& estates, const ServerConfig& config);

} // namespace lobby::server::fees
