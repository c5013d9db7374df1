// The receipt of a paid order as a small page a phone can keep: GET
// /receipts/{order}?t=<token> (another estate's: /receipts/{estate}/{order},
// public_page.hpp). The token is the order id (and its estate) sealed with
// the office's data key, so only a link the office made opens a receipt, and
// each link opens that one receipt only (names masked, Shanghai time).
#pragma once

#include "config.hpp"
#include "db.hpp"
#include "estates.hpp"
#include "pool.hpp"
#include "route_table.hpp"

#include <httplib.h>

#include <string>

namespace lobby::server::fees {

// The receipt page link of an order (paid or not: the page only opens once paid).
std::string receipt_url(const Database& db, const ServerConfig& config, const std::string& order_id);
// True when `token` was made by receipt_url for this very order of this estate.
bool receipt_token_matches(const Database& db, const std::string& order_id, const std::string& token);

void install_receipt_page(RouteTable& http, Estates& estates, const ServerConfig& config);

} // namespace lobby::server::fees
