// The store's SQLite connection and statements: the shared wrappers of
// sync/sqlite, one style for kiosk and office server.
#pragma once

#include "sqlite/sqlite.hpp"
#include "store/error.hpp"

namespace kiosk::store {

using lobby::sqlite::Connection;
using lobby::sqlite::Statement;

} // namespace kiosk::store
