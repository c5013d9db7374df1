// What a copy of the office database holds, byte for byte, and where a text
// sits in it, on either engine: the at-rest attacks (a backup, a stolen
// disk) run against SQLite and, under `ctest -L postgres`, PostgreSQL.
#pragma once

#include "db.hpp"

#include <string>
#include <vector>

namespace lobby::test {

// SQLite: the database file and its WAL. PostgreSQL: after a CHECKPOINT (so
// nothing is only in shared memory), every file of that database in the
// cluster's data directory (base/<oid>/: its tables, indexes and TOAST).
// `db` is a path, or the test database standing for it (test_database).
std::string stored_bytes(const std::string& db);

// "table.column" for every column of every table of the connection's own
// schema holding `needle` in some row's text.
std::vector<std::string> columns_containing(server::Database& db, const std::string& needle);

} // namespace lobby::test
