// Text put into the server's own small HTML pages (a receipt, a ticket's
// phone page): escaped so a resident's or staff member's words stay words.
// The console's pages are escaped by their templates instead.
#pragma once

#include <string>
#include <string_view>

namespace lobby::server {

std::string escape_html(std::string_view text);

} // namespace lobby::server
