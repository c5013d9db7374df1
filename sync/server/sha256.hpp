// SHA-256 in hex: kiosk tokens are stored only as their hash, and
// idempotent requests are compared by the hash of their body.
#pragma once

#include <string>
#include <string_view>

namespace lobby::server {

std::string sha256_hex(std::string_view data);  // 64 lowercase hex characters

} // namespace lobby::server
