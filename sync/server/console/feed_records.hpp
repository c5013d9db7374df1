// The live records of a reference collection in the feed (notices,
// surveys), newest first: reference data lives only there.
#pragma once

#include "db.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace lobby::server::console {

std::vector<nlohmann::json> live_records(Database& db, const std::string& collection, int limit);

} // namespace lobby::server::console
