// The office-server processes a benchmark configuration runs: one or more
// real servers (tests/support's OfficeServerProcess: a free loopback port,
// ready once /v1/health answers) on one database, the first seeding it.
#pragma once

#include "support/office_server_process.hpp"

#include <memory>
#include <string>
#include <vector>

namespace lobby::bench {

struct FleetOptions {
    std::string db;             // a SQLite file path or a postgresql:// URL
    std::string data_key_file;  // shared by every server (PostgreSQL needs it given)
    int servers = 1;
    // Besides the demo's home estate: estates e001..eNNN of `units` units each.
    int estates = 0;
    int units = 650;
};

class ServerFleet {
public:
    explicit ServerFleet(const FleetOptions& options);  // throws with the server's log tail
    std::vector<int> ports() const;

private:
    std::vector<std::unique_ptr<test::OfficeServerProcess>> m_servers;
};

} // namespace lobby::bench
