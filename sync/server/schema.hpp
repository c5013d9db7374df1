// Schema migrations of the office database (PRAGMA user_version).
#pragma once

#include "db.hpp"

namespace lobby::server {

// Brings the schema to the newest version; each step runs in one transaction.
void migrate(Database& db);

} // namespace lobby::server
