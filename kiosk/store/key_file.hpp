// The kiosk's phone-hash key, kept in its own 0600 file outside the database it protects.
#pragma once

#include "store/error.hpp"

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

} // namespace kiosk::store
