// Keeping personal data only as long as needed: run at start, one transaction.
#pragma once

#include "config.hpp"
#include "db.hpp"
#include "protocol/time.hpp"

namespace lobby::server {

// Drops stored idempotent responses past their retention, then runs each
// feature's retention (visitors blank the names and phones of visitors and
// move-out requesters once the pass or request is over by more than
// config.personal_data_retention_seconds).
void apply_retention(Database& db, const ServerConfig& config, protocol::UtcSeconds now);

} // namespace lobby::server
