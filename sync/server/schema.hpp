// Schema migrations of the office database (SQLite: PRAGMA user_version;
// PostgreSQL: the lobby_schema table, the same steps translated).
#pragma once

#include "db.hpp"
#include "feature.hpp"

#include <vector>

namespace lobby::server {

// Step 1, the base: every table as of the first release, created at once.
SchemaStep base_schema_step();

// All steps in version order: the base step and each feature's steps.
// Throws std::logic_error if the numbers are not exactly 1..N (a duplicate or
// a gap is a programming error, caught by the first test that migrates).
std::vector<SchemaStep> schema_steps(const FeatureRegistry& features);

// The schema version the database is at (SQLite: PRAGMA user_version;
// PostgreSQL: the lobby_schema row).
int schema_version(Database& db);

// Brings the schema to the newest version; each step runs in one transaction.
void migrate(Database& db);

} // namespace lobby::server
