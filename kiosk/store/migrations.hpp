// Schema versions of the kiosk database and the forward migrations between them.
#pragma once

#include "store/error.hpp"
#include "store/sqlite.hpp"

namespace kiosk::store {

// The schema this build writes. Bump it and append a step in migrations.cpp;
// never edit a step that has shipped.
inline constexpr int k_schema_version = 8;

// Reads PRAGMA user_version (0 for a new file).
Result<int> schema_version(Connection& connection);

// Applies every step above the file's version up to target, each in its own
// transaction together with the new user_version. A file newer than this
// build is refused (too_new) rather than opened with a schema it cannot read.
Status migrate(Connection& connection, int target = k_schema_version);

} // namespace kiosk::store
