// Office-server load benchmark: real office-server processes on loopback,
// on SQLite (one server) and on a private PostgreSQL (one, then two servers
// on the same database, the kiosks spread over both), driven by simulated
// kiosks that each enrolled for their own token. Prints, per configuration
// and operation, requests/s, p50 and p99 and the failures; exit status 1 if
// any request failed.
// On PostgreSQL the servers hold a property company: --estates estates of
// --units units (kiosk k in estate k mod N, enrolled by that estate's staff);
// SQLite runs the one demo estate (652 units), its intended use.
//   load_bench [--kiosks N] [--seconds S] [--backends sqlite,pg1,pg2]
//              [--estates N] [--units N] [--units-per-kiosk N]
//              [--keep-dir DIR] [--posted FILE]
// --keep-dir keeps the SQLite database there; --posted writes each repair
// created ("<ticket id>\t<description>" a line) so a test can look for it.
#include "interrupt.hpp"
#include "load_phase.hpp"
#include "private_postgres.hpp"
#include "server_fleet.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace lobby::bench;

struct Options {
    int kiosks = 200;
    int seconds = 10;
    std::vector<std::string> backends{"sqlite", "pg1", "pg2"};
    int estates = 200;  // PostgreSQL configurations
    int units = 650;
    std::size_t units_per_kiosk = 3;
    std::string keep_dir;
    std::string posted_file;
};

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) parts.push_back(part);
    return parts;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--kiosks") o.kiosks = std::max(1, std::atoi(value.c_str()));
        else if (flag == "--seconds") o.seconds = std::max(1, std::atoi(value.c_str()));
        else if (flag == "--backends") o.backends = split(value);
        else if (flag == "--estates") o.estates = std::max(0, std::atoi(value.c_str()));
        else if (flag == "--units") o.units = std::max(1, std::atoi(value.c_str()));
        else if (flag == "--units-per-kiosk") o.units_per_kiosk = static_cast<std::size_t>(std::max(1, std::atoi(value.c_str())));
        else if (flag == "--keep-dir") o.keep_dir = value;
        else if (flag == "--posted") o.posted_file = value;
        else throw std::invalid_argument("unknown option " + flag);
    }
    for (const auto& b : o.backends)
        if (b != "sqlite" && b != "pg1" && b != "pg2") throw std::invalid_argument("unknown backend " + b + " (sqlite, pg1, pg2)");
    return o;
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

// The staff token of kiosk `i`'s estate: the demo's home estate, or one of
// e001..eNNN (their demo staff tokens carry the estate's prefix).
std::string staff_token_for(int i, int estates) {
    if (estates == 0) return "demo-staff-token";
    char estate[16];
    std::snprintf(estate, sizeof estate, "e%03d", i % estates + 1);
    return std::string(estate) + ".demo-staff-token";
}

// Enrols every kiosk through the first server and spreads them over all.
std::vector<SimKiosk> enrol_kiosks(const std::vector<int>& ports, int count, int estates, const std::string& backend) {
    std::vector<SimKiosk> kiosks;
    kiosks.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const std::string staff = staff_token_for(i, estates);
        KioskCredentials kiosk = enrol_kiosk(ports[0], staff, "bench-" + backend + "-" + std::to_string(i + 1));
        // A kiosk of estate X gets a token "X.<secret>": it landed in its estate.
        const std::string estate_prefix = staff.substr(0, staff.find('.') + 1);
        if (kiosk.token.compare(0, estate_prefix.size(), estate_prefix) != 0)
            throw std::runtime_error(kiosk.kiosk_id + " was not enrolled into estate " + estate_prefix);
        kiosks.emplace_back(std::move(kiosk), ports[static_cast<std::size_t>(i) % ports.size()]);
    }
    return kiosks;
}

std::string estates_text(const FleetOptions& fleet) {
    if (fleet.estates == 0) return "the demo estate (652 units)";
    return std::to_string(fleet.estates) + " estates x " + std::to_string(fleet.units) + " units (+ the demo's)";
}

// Every kiosk's first pulls, in parallel and not measured: the units it will
// look up and report repairs for.
void learn_units(std::vector<SimKiosk>& kiosks, std::size_t wanted) {
    std::vector<std::thread> threads;
    std::vector<char> learnt(kiosks.size(), 0);
    for (std::size_t k = 0; k < kiosks.size(); ++k)
        threads.emplace_back([&, k] { learnt[k] = kiosks[k].learn_units(wanted); });
    for (auto& t : threads) t.join();
    for (std::size_t k = 0; k < kiosks.size(); ++k)
        if (!learnt[k]) throw std::runtime_error(kiosks[k].credentials().kiosk_id + " found no units with verifiers in its feed");
}

void print_row(const std::string& backend, int servers, const char* phase, Op op, const OpFigures& f) {
    std::printf("%-8s %7d  %-7s %-16s %9zu %9.0f %8.1f %8.1f %7d\n", backend.c_str(), servers, phase, op_name(op), f.requests,
                f.per_second, f.p50_ms, f.p99_ms, f.failures);
    std::fflush(stdout);
}

// Seconds since the last lap (or the start).
class Stopwatch {
public:
    double lap() {
        const auto now = std::chrono::steady_clock::now();
        const double s = std::chrono::duration<double>(now - m_last).count();
        m_last = now;
        return s;
    }

private:
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

struct Phase {
    const char* name;
    std::vector<Op> ops;
};

// One configuration: its servers, its kiosks, every phase. Returns the failures.
int run_backend(const Options& o, const std::string& backend, const std::string& dir,
                std::unique_ptr<PrivatePostgres>& postgres, std::string& postgres_db, std::ofstream* posted) {
    FleetOptions fleet;
    fleet.servers = backend == "pg2" ? 2 : 1;
    if (backend == "sqlite") {
        fleet.db = dir + "/office-sqlite.db";
    } else {
        // One company database for both PostgreSQL configurations: seeding
        // hundreds of estates takes minutes; the second finds them seeded.
        if (!postgres) {
            postgres = std::make_unique<PrivatePostgres>();
            postgres_db = postgres->create_database("bench_company");
        }
        fleet.db = postgres_db;
        fleet.data_key_file = dir + "/company.key";
        fleet.estates = o.estates;
        fleet.units = o.units;
    }
    Stopwatch setup;
    ServerFleet servers(fleet);
    const double seeded_s = setup.lap();
    std::vector<SimKiosk> kiosks = enrol_kiosks(servers.ports(), o.kiosks, fleet.estates, backend);
    const double enrolled_s = setup.lap();
    learn_units(kiosks, o.units_per_kiosk);
    std::printf("# %s: %s; servers up and seeded in %.1f s, %d kiosks enrolled in %.1f s, their first pulls %.1f s; "
                "load average %s\n",
                backend.c_str(), estates_text(fleet).c_str(), seeded_s, o.kiosks, enrolled_s, setup.lap(),
                load_average().c_str());

    const std::vector<Phase> phases{{"alone", {Op::fee_lookup}},
                                    {"alone", {Op::repair}},
                                    {"alone", {Op::feed_page}},
                                    {"mixed", {Op::feed_page, Op::fee_lookup, Op::repair}}};
    int failures = 0;
    for (const Phase& phase : phases) {
        const PhaseResult result = run_phase(kiosks, phase.ops, std::chrono::seconds(o.seconds));
        for (Op op : phase.ops) {
            const OpFigures f = figures_of(result.of(op), result.seconds);
            failures += f.failures;
            print_row(backend, fleet.servers, phase.name, op, f);
        }
    }
    if (posted)
        for (const SimKiosk& kiosk : kiosks)
            for (const PostedRepair& repair : kiosk.posted()) *posted << repair.ticket_id << '\t' << repair.description << '\n';
    return failures;
}

} // namespace

int main(int argc, char** argv) {
    watch_interrupts();
    Options o;
    try {
        o = parse(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "load_bench: %s\n", e.what());
        return 2;
    }
    // The first server seeds every estate before it listens: 10-15 minutes
    // for 200 on a busy 2-core machine, far beyond the test tooling's 15 s
    // start limit, which this scales (to 50 minutes).
    if (o.estates > 0) setenv("LOBBY_TEST_TIME_SCALE", "200", 0);
    const bool temporary = o.keep_dir.empty();
    const std::string dir = temporary ? lobby::test::make_temp_dir("lobby-load-bench") : o.keep_dir;
    std::filesystem::create_directories(dir);
    std::optional<std::ofstream> posted;
    if (!o.posted_file.empty()) posted.emplace(o.posted_file);

    std::printf("load bench: %d kiosks, each its own token, closed loop on loopback, %d s a phase; "
                "%u hardware threads; load average %s\n",
                o.kiosks, o.seconds, std::thread::hardware_concurrency(), load_average().c_str());
    std::printf("%-8s %7s  %-7s %-16s %9s %9s %8s %8s %7s\n", "backend", "servers", "phase", "operation", "requests", "req/s",
                "p50 ms", "p99 ms", "failed");
    int failures = 0;
    int status = 0;
    {
        std::unique_ptr<PrivatePostgres> postgres;  // started at the first PostgreSQL configuration
        std::string postgres_db;
        for (const auto& backend : o.backends) {
            try {
                failures += run_backend(o, backend, dir, postgres, postgres_db, posted ? &*posted : nullptr);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "load_bench: %s: %s\n", backend.c_str(), e.what());
                status = 1;
            }
        }
    }
    std::printf("failures: %d; load average after %s\n", failures, load_average().c_str());
    if (temporary) {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
    return status != 0 || failures != 0 ? 1 : 0;
}
