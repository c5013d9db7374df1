// Which columns hold personal data sealed at rest, and sealing the ones a
// database from before still holds in clear.
#pragma once

#include "db.hpp"

namespace lobby::server {

struct SealedColumn {
    const char* table;
    const char* column;
};

// Every column FieldCipher seals; code writing or reading them goes through
// Database::cipher().
inline constexpr SealedColumn sealed_columns[] = {
    {"residents", "name"},          {"residents", "phone"},
    {"tickets", "contact_phone"},   {"visitor_codes", "name"},
    {"visitor_codes", "phone"},     {"move_outs", "requester_name"},
    {"move_outs", "requester_phone"}, {"kiosks", "verify_key"},
};

// Seals every value of those columns not sealed yet (a database written
// before the data key existed), in one transaction; run at start after
// migrate(). Sealed values, NULLs and retention's "*" stay; a second run
// changes nothing. Returns how many values it sealed.
int seal_clear_personal_fields(Database& db);

// Throws (naming the likely cause) unless the data key opens a sealed value
// of the database: a lost or swapped key file stops the server at start,
// not at the first lookup. A database with nothing sealed passes.
void check_data_key(Database& db);

} // namespace lobby::server
