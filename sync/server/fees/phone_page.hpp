// What the pay page and the receipt page (the two pages a resident's phone
// opens from a kiosk's QR code) share: one small HTML page, not cached, and
// the office's Chinese names from the feed.
#pragma once

#include "db.hpp"

#include <httplib.h>

#include <string>

namespace lobby::server::fees {

// A whole page around `body`; `css` adds to the shared rules. Every caller
// escapes the text it puts in `title` and `body`.
std::string phone_page(const std::string& title, const std::string& body, const std::string& css = {});
// Sends it with no-store: an order's state or a receipt is never served stale.
void send_phone_page(httplib::Response& res, int status, const std::string& html);
// A record's Chinese `field` (e.g. the estate's name), or `fallback`.
std::string zh_text(Database& db, const char* collection, const std::string& key, const char* field,
                    const std::string& fallback);

} // namespace lobby::server::fees
