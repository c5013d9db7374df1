// The staff console's ticket queue page with 10,000 tickets in the database:
// starts the office server in-process (demo estate), adds the tickets, signs
// a manager in and times GET /console/repairs (the open queue, overdue
// first) and a closed-tickets page over one keep-alive connection.
//   console_bench [--tickets N] [--requests N]
#include "console/accounts.hpp"
#include "office_server.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
namespace srv = lobby::server;

void add_tickets(srv::Database& db, int count, lobby::protocol::UtcSeconds now) {
    static const char* statuses[] = {"submitted", "accepted", "scheduled", "in_progress", "completed", "closed",
                                     "closed", "closed", "closed", "cancelled"};
    std::mt19937 rng(17);
    srv::Transaction tx(db);
    srv::Statement next(db, "SELECT COALESCE(MAX(n), 0) FROM tickets");
    next.step();
    const std::int64_t first = next.int64(0) + 1;
    srv::Statement st(db, R"sql(
INSERT INTO tickets (n, id, kiosk_id, unit_id, category, description, location, emergency, status, created_at, updated_at)
VALUES (?, ?, 'lobby-1', '3-2-1502', 'plumbing', '卫生间地漏反水，楼下天花板有水渍', 'own_unit', ?, ?, ?, ?))sql");
    for (int i = 0; i < count; ++i) {
        const std::int64_t n = first + i;
        const auto created = now - static_cast<std::int64_t>(rng() % (120u * 86400u));
        st.bind(1, n).bind(2, "R-BENCH-" + std::to_string(n)).bind(3, rng() % 20 == 0 ? 1 : 0);
        st.bind(4, statuses[rng() % 10]).bind(5, created).bind(6, created);
        st.run();
        st.reset();
    }
    tx.commit();
}

struct Figures {
    double p50 = 0, p99 = 0, max = 0;
    double cpu_ms = 0;  // CPU per request of this process (server and client), whatever else runs on the machine
    int failures = 0;
};

double cpu_ms_now() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

Figures time_gets(httplib::Client& http, const httplib::Headers& cookie, const std::string& path, int requests) {
    std::vector<double> ms;
    Figures f;
    const double cpu0 = cpu_ms_now();
    for (int i = 0; i < requests; ++i) {
        const auto t0 = Clock::now();
        const auto r = http.Get(path.c_str(), cookie);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (!r || r->status != 200) ++f.failures;
    }
    f.cpu_ms = (cpu_ms_now() - cpu0) / requests;
    std::sort(ms.begin(), ms.end());
    f.p50 = ms[ms.size() / 2];
    f.p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
    f.max = ms.back();
    return f;
}

} // namespace

int main(int argc, char** argv) {
    int tickets = 10000, requests = 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--tickets") tickets = std::atoi(argv[i + 1]);
        if (std::string(argv[i]) == "--requests") requests = std::atoi(argv[i + 1]);
    }
    spdlog::set_level(spdlog::level::warn);
    char dir_template[] = "/tmp/console-bench-XXXXXX";
    const std::string dir = mkdtemp(dir_template);
    srv::ServerConfig config;
    config.db_path = dir + "/office.db";
    config.port = 0;
    config.demo = true;
    config.threads = 4;
    auto server = std::make_unique<srv::OfficeServer>(config);
    if (server->bind() < 0) return 1;
    std::thread serving([&] { server->run(); });
    {
        srv::Database db(config.db_path);
        add_tickets(db, tickets, config.now());
        srv::Transaction tx(db);
        srv::console::create_account(db, "boss", "李经理", srv::console::Role::manager, "bench-password-1", config.now());
        tx.commit();
    }
    httplib::Client http("127.0.0.1", server->config().port);
    http.set_keep_alive(true);
    const auto form = http.Get("/console/login");
    std::smatch m;
    std::regex_search(form->body, m, std::regex(R"re(name="csrf" value="([0-9a-f]+)")re"));
    const std::string login_token = m[1];
    httplib::Headers pre{{"Cookie", "lobby_console_login=" + login_token}};
    const auto signed_in = http.Post("/console/login", pre,
                                     httplib::Params{{"csrf", login_token}, {"username", "boss"}, {"password", "bench-password-1"}});
    const std::string set = signed_in->get_header_value("Set-Cookie");
    const httplib::Headers cookie{{"Cookie", set.substr(0, set.find(';'))}};

    time_gets(http, cookie, "/console/repairs", 20);  // warm the page cache
    std::printf("ticket queue with %d extra tickets, %d requests each, one keep-alive connection:\n", tickets, requests);
    for (const char* path : {"/console/repairs", "/console/repairs?state=closed", "/console/repairs/rows?state=open"}) {
        const Figures f = time_gets(http, cookie, path, requests);
        std::printf("  GET %-34s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  cpu %5.2f ms/request  failures %d\n", path,
                    f.p50, f.p99, f.max, f.cpu_ms, f.failures);
    }
    server->stop();
    serving.join();
    server.reset();
    std::filesystem::remove_all(dir);
    return 0;
}
