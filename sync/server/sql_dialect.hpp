// The few places where the server's SQL (written for SQLite) and PostgreSQL
// differ, turned into PostgreSQL at the storage boundary. Runtime SQL is
// written portably at the call sites; only two mechanical things are
// translated here: parameter markers, and column types in schema steps.
#pragma once

#include <string>

namespace lobby::server::sql {

// `?` and `?N` become `$N` (a bare `?` takes one more than the largest
// number so far, as SQLite numbers them); quoted text and comments are kept.
// `count` receives the highest parameter number.
std::string postgres_placeholders(const std::string& sqlite_sql, int* count = nullptr);

// A schema step for PostgreSQL: INTEGER PRIMARY KEY [AUTOINCREMENT] becomes
// an identity column, INTEGER BIGINT, REAL DOUBLE PRECISION, and every
// CREATE TABLE gains a `rowid` identity column, as every SQLite table has
// one (ordering by insertion, and the at-rest sealing address rows by it).
std::string postgres_schema(const std::string& sqlite_sql);

// SQLite functions the SQL uses that PostgreSQL lacks, defined once per
// database before the schema steps run (instr for the feed's collection
// filter; json_remove for an old migration that strips fields), and the
// feed's sequence (feed.cpp: PostgreSQL's seqs come from it).
extern const char* const postgres_compat_functions;

} // namespace lobby::server::sql
