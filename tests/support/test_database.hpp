// Which database a test's office server uses. By default the SQLite file the
// test names. Under `ctest -L postgres` (env LOBBY_TEST_PG_HOST: the socket
// directory of the private PostgreSQL that scripts/test-postgres started)
// each file path stands for its own PostgreSQL schema (in the one database
// "postgres"), created on first use, so the same tests run unchanged:
//
//   config.db_path = test_database(dir + "/office.db");  // a path, or a URL
//   db_int(server.db_path(), "SELECT COUNT(*) FROM tickets");
#pragma once

#include <string>

namespace lobby::test {

// True under the PostgreSQL run.
bool testing_postgres();

// `sqlite_path` itself, or (PostgreSQL run) the URL that reaches the schema
// standing for it (search_path), created if missing. A URL given is returned as it is.
std::string test_database(const std::string& sqlite_path);

// Where the data key goes for that database: <path>.key either way.
std::string test_data_key_file(const std::string& sqlite_path);

// One integer from the first row of `sql` (a path or a URL); -1 on any
// error. For checks beside a live server (SQLite: read-only, WAL).
long long query_int(const std::string& db, const std::string& sql);

} // namespace lobby::test
