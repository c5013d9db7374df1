// Staff passwords, stored as Argon2id hashes in the PHC string form
// ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash"); the salt is random per hash.
#pragma once

#include <optional>
#include <string>

namespace lobby::server::console {

inline constexpr std::size_t min_password_bytes = 10;
inline constexpr std::size_t max_password_bytes = 256;

std::string hash_password(const std::string& password);
// False for a wrong password and for anything that is not such a hash.
bool verify_password(const std::string& encoded, const std::string& password);
// Why a new password is refused (a locale key: "err_password_short", ...), or nullopt.
std::optional<std::string> password_problem(const std::string& password);

} // namespace lobby::server::console
