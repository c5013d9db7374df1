// A database as an older server left it: every schema step before the first
// whose SQL contains `marker`, with the version recorded as the migration
// runner records it (PRAGMA user_version, or lobby_schema on PostgreSQL), so
// the next OfficeServer on it runs the steps from there (upgrade tests).
#pragma once

#include "db.hpp"
#include "feature.hpp"
#include "schema.hpp"
#include "sql_dialect.hpp"

#include <string>

namespace lobby::test {

inline void apply_schema_before(server::Database& db, const std::string& marker) {
    int version = 0;
    if (db.is_postgres()) db.exec(server::sql::postgres_compat_functions);
    for (const server::SchemaStep& step : server::schema_steps(server::server_features())) {
        if (std::string(step.sql).find(marker) != std::string::npos) break;
        server::Transaction tx(db);
        db.exec(db.is_postgres() ? server::sql::postgres_schema(step.sql).c_str() : step.sql);
        version = step.version;
        tx.commit();
    }
    if (db.is_postgres()) {
        db.exec("CREATE TABLE lobby_schema (version BIGINT NOT NULL)");
        db.exec(("INSERT INTO lobby_schema (version) VALUES (" + std::to_string(version) + ")").c_str());
    } else {
        db.exec(("PRAGMA user_version = " + std::to_string(version)).c_str());
    }
}

} // namespace lobby::test
