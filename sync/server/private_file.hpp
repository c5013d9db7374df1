// Files only the server's user may read: the data key, each kiosk's
// verification key file, the payment provider's keys. One way to read them
// (refused when group or others have any access) and one way to write them
// (0600 from the first byte, flushed to disk), so every key file of the
// server follows the same rules. Errors throw std::runtime_error naming the
// file and what it is.
#pragma once

#include <cstddef>
#include <string>

namespace lobby::server {

// Reads `path` whole (at most `max_bytes`): a regular file, not a link, with
// no access for group or others. `what` names it in errors ("data key").
std::string read_private_file(const std::string& path, const std::string& what, std::size_t max_bytes = 64 * 1024);

// Creates `path` with mode 0600 holding `content`, flushed to disk. False
// (nothing written) when the file already exists: two servers starting at
// once never write two different keys.
bool create_private_file(const std::string& path, const std::string& what, const std::string& content);

// Writes `content` to `path` in one step (a 0600 temporary file renamed over
// it): a failed write leaves the old file in force.
void replace_private_file(const std::string& path, const std::string& what, const std::string& content);

} // namespace lobby::server
