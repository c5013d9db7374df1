// The kiosk's secrets kept in 0600 files outside the database: the
// phone-hash key (its verification key) and, once it enrolled by code or
// its token was rotated, its bearer token.
#pragma once

#include "store/error.hpp"

#include <optional>
#include <string>

namespace kiosk::store {

// Reads the key from `path`, or makes it if the file does not exist: 32
// random bytes (OpenSSL RAND_bytes) written as 64 hex digits to a temporary
// file created O_EXCL with mode 0600, fsync'ed, then linked into place, so a
// crash or a second kiosk starting at the same moment never leaves a half
// written or replaced key. An existing file that group or others may read or
// write, that is not a regular file, or that does not hold 64 hex digits is
// refused (bad_input) with a message naming the file and the fix. The key
// itself is never put in a message.
Result<std::string> load_or_create_key_file(const std::string& path);

// The token file ([server] token_file): nullopt when there is none (the
// config's token counts then). Same checks as the key file (regular, 0600,
// one printable line); the token is never put in a message.
Result<std::optional<std::string>> load_token_file(const std::string& path);
// Replaces it atomically: a 0600 temporary file, fsync'ed, renamed into place.
Status save_token_file(const std::string& path, const std::string& token);

} // namespace kiosk::store
