// Masking of personal data before it leaves the server, and hashing/random
// helpers (tokens are stored as SHA-256, ids and codes come from OpenSSL's RNG).
#pragma once

#include <string>
#include <string_view>

namespace lobby::server {

std::string mask_name(std::string_view name);    // 张三 -> 张*, 欧阳明 -> 欧*明, 欧阳小明 -> 欧阳*明
std::string mask_phone(std::string_view phone);  // 13812345678 -> 138****5678
std::string sha256_hex(std::string_view data);
std::string random_hex(std::size_t bytes);       // 2*bytes lowercase hex characters
std::string random_digits(std::size_t count);    // for visitor pass codes

} // namespace lobby::server
