// Which database a test's office server uses. By default the SQLite file the
// test names. Under `ctest -L postgres` (env LOBBY_TEST_PG_HOST: the socket
// directory of the private PostgreSQL that scripts/test-postgres started)
// each file path stands for a PostgreSQL database of its own, created on
// first use, so the same tests run unchanged:
//
//   config.db_path = test_database(dir + "/office.db");  // a path, or a URL
//   db_int(server.db_path(), "SELECT COUNT(*) FROM tickets");
//
// A demo server's database (test_demo_database) is a copy of a template the
// first demo server of the run seeded (CREATE DATABASE ... TEMPLATE, a file
// copy): the demo seed is ~85,000 rows, which PostgreSQL would otherwise
// insert one by one for every test case. A template seeded on an earlier day
// in Shanghai, or over an hour ago, is seeded again (the seed follows the clock).
// On SQLite likewise (demo_template.sh: ~0.6 CPU-s a seed, ~30 ms a copy;
// seeded again after 10 minutes or when the server binary changed).
#pragma once

#include <string>

namespace lobby::test {

// True under the PostgreSQL run.
bool testing_postgres();

// `sqlite_path` itself, or (PostgreSQL run) the URL of the database standing
// for it, created empty if missing. A URL given is returned as it is.
std::string test_database(const std::string& sqlite_path);

// For a server started with --demo on `sqlite_path` (its data key the
// default, <path>.key): `sqlite_path` itself, made a copy of the run's
// seeded SQLite demo template (tests/support/demo_template.sh) if missing,
// or (PostgreSQL run) as test_database, but a database created now is a copy
// of the seeded demo template. The template's data key (to `data_key_file`)
// and demo kiosks' key files (into `kiosk_key_dir`) come with it, as if the
// server had seeded it. The server then finds it seeded.
std::string test_demo_database(const std::string& sqlite_path, const std::string& kiosk_key_dir,
                               const std::string& data_key_file);

// The database standing for `sqlite_path` is no longer needed (its temp
// folder goes): PostgreSQL run, it is dropped; otherwise nothing.
void drop_test_database(const std::string& sqlite_path);

// Where the data key goes for that database: <path>.key either way.
std::string test_data_key_file(const std::string& sqlite_path);

// One integer from the first row of `sql` (a path or a URL); -1 on any
// error. For checks beside a live server (SQLite: read-only, WAL).
long long query_int(const std::string& db, const std::string& sql);

} // namespace lobby::test
