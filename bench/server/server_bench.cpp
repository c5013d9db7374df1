// office-server benchmark: starts the server in-process on a loopback port
// with the demo estate, then measures requests/s and p50/p99 latency for fee
// lookup, repair creation and a 500-record feed page.
//   server_bench [--clients N] [--requests N]
#include "office_server.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Figures {
    double requests_per_s = 0;
    double p50_ms = 0;
    double p99_ms = 0;
    int failures = 0;
};

// Runs `total` requests spread over `clients` keep-alive connections.
// `call` returns true when the response had the expected status.
Figures measure(int port, int clients, int total, const std::function<bool(httplib::Client&, int)>& call) {
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(clients));
    std::atomic<int> next{0};
    std::atomic<int> failures{0};
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);  // as libcurl does; otherwise delayed ACKs add ~40 ms per POST
            for (int i; (i = next++) < total;) {
                const auto t0 = Clock::now();
                if (!call(client, i)) ++failures;
                latencies[static_cast<std::size_t>(c)].push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            }
        });
    for (auto& t : threads) t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    Figures f;
    f.requests_per_s = all.size() / seconds;
    f.p50_ms = all[all.size() / 2];
    f.p99_ms = all[std::min(all.size() - 1, all.size() * 99 / 100)];
    f.failures = failures;
    return f;
}

void print(const char* name, int clients, int total, const Figures& f) {
    std::printf("%-28s %7d %7d %10.0f %9.2f %9.2f %8d\n", name, clients, total, f.requests_per_s, f.p50_ms, f.p99_ms,
                f.failures);
}

} // namespace

int main(int argc, char** argv) {
    int clients = 4;
    int requests = 2000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--clients") clients = std::max(1, std::atoi(argv[i + 1]));
        else if (flag == "--requests") requests = std::max(10, std::atoi(argv[i + 1]));
    }
    spdlog::set_level(spdlog::level::warn);  // one log line per request would measure the terminal

    const auto dir = std::filesystem::temp_directory_path() / ("office-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    lobby::server::ServerConfig config;
    config.db_path = (dir / "office.db").string();
    config.port = 0;
    config.demo = true;
    config.lockout_failures = 1000000;

    int exit_code = 0;
    {
        const auto seed_start = Clock::now();
        lobby::server::OfficeServer server(config);
        const double seed_ms = std::chrono::duration<double, std::milli>(Clock::now() - seed_start).count();
        const int port = server.bind();
        if (port <= 0) {
            std::fprintf(stderr, "server_bench: cannot bind a loopback port\n");
            return 1;
        }
        std::thread runner([&server] { server.run(); });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        std::printf("office-server bench: demo estate seeded in %.0f ms, %u hardware threads\n", seed_ms,
                    std::thread::hardware_concurrency());
        std::printf("%-28s %7s %7s %10s %9s %9s %8s\n", "endpoint", "clients", "reqs", "req/s", "p50 ms", "p99 ms", "failed");

        const httplib::Headers auth = {{"Authorization", "Bearer demo-lobby-1-token"}};
        const char* const units[][2] = {{"3-2-1502", "5678"}, {"1-1-801", "1234"}, {"5-3-2202", "2468"}};
        auto lookup = [&](httplib::Client& c, int i) {
            const auto& u = units[i % 3];
            const std::string body = std::string("{\"unit_id\":\"") + u[0] + "\",\"phone_last4\":\"" + u[1] + "\"}";
            auto r = c.Post("/v1/fees/lookup", auth, body, "application/json");
            return r && r->status == 200;
        };
        int round = 0;  // keys must differ between rounds, or the second round only replays
        auto repair = [&](httplib::Client& c, int i) {
            httplib::Headers h = auth;
            h.emplace("Idempotency-Key",
                      "bench-" + std::to_string(::getpid()) + "-" + std::to_string(round) + "-" + std::to_string(i));
            const std::string body = "{\"unit_id\":\"3-2-1502\",\"category\":\"plumbing\",\"description\":\"厨房水龙头漏水 " +
                                     std::to_string(i) + "\",\"location\":\"own_unit\"}";
            auto r = c.Post("/v1/repairs", h, body, "application/json");
            return r && r->status == 201;
        };
        auto changes = [&](httplib::Client& c, int i) {
            auto r = c.Get(("/v1/changes?limit=500&since=" + std::to_string((i * 500) % 40000)).c_str(), auth);
            return r && r->status == 200;
        };

        for (const int n : {1, clients}) {
            const Figures f1 = measure(port, n, requests, lookup);
            print("POST /v1/fees/lookup", n, requests, f1);
            ++round;
            const Figures f2 = measure(port, n, requests / 2, repair);
            print("POST /v1/repairs", n, requests / 2, f2);
            const Figures f3 = measure(port, n, requests / 10, changes);
            print("GET /v1/changes limit=500", n, requests / 10, f3);
            if (f1.failures || f2.failures || f3.failures) exit_code = 1;
        }
        server.stop();
        runner.join();
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    return exit_code;
}
