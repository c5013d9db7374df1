#include "server_fleet.hpp"

namespace lobby::bench {
namespace {

std::vector<std::string> server_args(const FleetOptions& options) {
    // All simulated kiosks share 127.0.0.1, so the per-address cap a real
    // office keeps for each kiosk's own address would throttle them as one;
    // 32 threads as the packaged office-server.toml has.
    std::vector<std::string> args{"--threads", "32", "--max-connections-per-client", "1000"};
    if (!options.data_key_file.empty()) args.insert(args.end(), {"--data-key-file", options.data_key_file});
    return args;
}

} // namespace

ServerFleet::ServerFleet(const FleetOptions& options) {
    // One after the other: only the first finds the database empty and seeds
    // the demo data; the others find it there.
    for (int i = 0; i < options.servers; ++i) {
        std::vector<std::string> args = server_args(options);
        if (i == 0 && options.estates > 0)
            args.insert(args.end(), {"--demo-estates", std::to_string(options.estates), "--demo-units",
                                     std::to_string(options.units)});
        m_servers.push_back(std::make_unique<test::OfficeServerProcess>(test::OfficeServerOptions(i == 0, options.db, args)));
    }
}

std::vector<int> ServerFleet::ports() const {
    std::vector<int> ports;
    for (const auto& server : m_servers) ports.push_back(server->port());
    return ports;
}

} // namespace lobby::bench
