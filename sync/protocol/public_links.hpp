// The paths of the public pages a phone opens from a kiosk's QR code (no
// bearer token: the link itself is the capability). An office server may
// serve several estates; a link of the home estate has no estate segment
// (every link made before estates stays valid), a link of another estate
// names it first: /pay/<estate>/<order>, /receipts/<estate>/<order>,
// /repairs/status/<estate>/<token>. The server builds pay and receipt links;
// the kiosk builds the status link itself (it works offline), from the
// estate its own bearer token names.
#pragma once

#include <string>
#include <string_view>

namespace lobby::protocol {

// The estate a kiosk's bearer token belongs to: the part before its first
// '.' ("<estate>.<secret>"), or "" for a token without one (the home
// estate's, and every token made before estates). Not checked here: the
// office refuses a token whose estate is wrong (401), and while it does the
// kiosk shows no link made from it (it would open nothing).
std::string estate_of_kiosk_token(std::string_view token);

// "/<page>/<estate>/<id>", or "/<page>/<id>" for the home estate ("" or "home").
std::string pay_page_path(std::string_view estate, std::string_view order_id);
std::string receipt_page_path(std::string_view estate, std::string_view order_id);
std::string repair_status_path(std::string_view estate, std::string_view status_token);

} // namespace lobby::protocol
