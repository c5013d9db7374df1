// The demo estate 翠湖花园: seeded once into an empty database (fixed random
// seed, dates relative to `now`).
#pragma once

#include "db.hpp"
#include "protocol/time.hpp"

#include <string>
#include <vector>

namespace lobby::server {

// Seeds if the database has no units yet (one transaction). Returns the
// lines to print at start: demo tokens, demo units with phone last-4, codes.
std::vector<std::string> seed_demo_estate(Database& db, protocol::UtcSeconds now);

} // namespace lobby::server
