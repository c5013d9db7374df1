// The demo estate 翠湖花园: seeded once into an empty database (fixed random
// seed, dates relative to `now`).
#pragma once

#include "config.hpp"
#include "db.hpp"
#include "protocol/time.hpp"

#include <string>
#include <vector>

namespace lobby::server {

// Seeds if the database has no units yet (one transaction). Returns the
// lines to print at start: demo tokens, demo units with phone last-4, codes.
// Each demo kiosk gets a random verification key; with a non-empty key_dir
// it is written to <key_dir>/<kiosk id>.key (0600) while seeding, the only
// time it leaves the server (the kiosk's [store] key_file).
std::vector<std::string> seed_demo_estate(Database& db, protocol::UtcSeconds now, const std::string& key_dir = {});

class Estates;

// The other demo estates (config.demo_estates of config.demo_units units):
// e001, e002, ... each created if missing and seeded if empty. Returns the
// line to print (their token pattern).
std::vector<std::string> seed_demo_estates(Estates& estates, const ServerConfig& config);

} // namespace lobby::server
