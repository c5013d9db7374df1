// Demo seed orchestration: kiosks and tokens, the estate, then each
// feature's parts in three phases (reference data, per unit, activity).
#include "demo_seed.hpp"

#include "demo_parts.hpp"
#include "estates.hpp"
#include "feature.hpp"
#include "kiosks/verify_keys.hpp"
#include "sha256.hpp"

#include "protocol/changes.hpp"

#include <atomic>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

namespace lobby::server {
namespace {

struct DemoKiosk {
    const char* id;
    const char* token;
    const char* role;
    bool revoked;
};

// Fixed tokens: the kiosk's demo config and the tests use them.
constexpr DemoKiosk demo_kiosks[] = {
    {"lobby-1", "demo-lobby-1-token", "kiosk", false},
    {"lobby-2", "demo-lobby-2-token", "kiosk", false},
    {"lobby-old", "demo-revoked-token", "kiosk", true},
    {"office-staff", "demo-staff-token", "staff", false},
};

bool already_seeded(Database& db) {
    Statement st(db, "SELECT COUNT(*) FROM units");
    st.step();
    return st.int64(0) > 0;
}

// What differs between the demo estates: the home one is 翠湖花园 as always.
struct DemoPlan {
    std::uint32_t rng_seed = 20261123;
    int units = 0;  // 0: the plan's ~650
    const protocol::LocalizedText* name = nullptr;
    int bill_months = 12;
};

// The demo kiosks, inside the caller's transaction. A kiosk's token
// carries its estate (estate_kiosk_token).
void seed_kiosks(Database& db, const std::string& key_dir) {
        Statement kiosk(db, "INSERT INTO kiosks (id, token_sha256, role, revoked) VALUES (?, ?, ?, ?)");
        // Enrolment of the demo kiosks: each gets its own random
        // verification key, handed over once as a key file (or not at all).
        std::vector<std::pair<std::string, std::string>> keys;
        for (const auto& k : demo_kiosks) {
            kiosk.bind(1, k.id).bind(2, sha256_hex(estate_kiosk_token(db, k.token))).bind(3, k.role);
            kiosk.bind(4, k.revoked ? 1 : 0);
            kiosk.run();
            if (std::string(k.role) == "kiosk") keys.emplace_back(k.id, provision_verify_key(db, k.id));
        }
        if (!key_dir.empty())
            for (const auto& [id, key] : keys)
                write_kiosk_key_file(key_dir, db.estate() == home_estate ? id : db.estate() + "." + id, key);
}

// One transaction: the estate's kiosks, its record, every feature's parts.
void seed_estate(Database& db, protocol::UtcSeconds now, const std::string& key_dir, const DemoPlan& plan) {
        Transaction tx(db);
        seed_kiosks(db, key_dir);
        FeedWriter feed(db);
        DemoRng rng(plan.rng_seed);
        DemoSeed seed{db, feed, rng, now, plan.units, plan.bill_months};
        const auto& features = server_features().features();
        demo::seed_estate_record(seed, plan.name);
        for (const Feature& f : features)
            if (f.seed_reference) f.seed_reference(seed);
        demo::seed_units(seed, [&](const DemoUnit& unit) {
            for (const Feature& f : features)
                if (f.seed_unit) f.seed_unit(seed, unit);
        });
        // Tickets, codes, notices name units of the full plan.
        if (plan.units == 0 || plan.units >= demo::plan_units())
            for (const Feature& f : features)
                if (f.seed_activity) f.seed_activity(seed);
        tx.commit();
}

} // namespace

std::vector<std::string> seed_demo_estate(Database& db, protocol::UtcSeconds now, const std::string& key_dir) {
    if (!already_seeded(db)) seed_estate(db, now, key_dir, DemoPlan{});
    std::vector<std::string> lines;
    for (const auto& k : demo_kiosks)
        lines.push_back(std::string("demo token ") + k.id + " (" + k.role + (k.revoked ? ", revoked" : "") +
                        "): " + k.token);
    lines.emplace_back("demo unit 3-2-1502 phone last-4 5678 (arrears and a partial payment)");
    lines.emplace_back("demo unit 1-1-801 phone last-4 1234 (all paid)");
    lines.emplace_back("demo unit 5-3-2202 phone last-4 2468, tenant 1357 (partial payment)");
    lines.emplace_back("demo unit 6-3-B1202 phone last-4 2024 (a room number with a letter)");
    lines.emplace_back("demo visitor codes: 246810 135790 864209 (valid), 555000 (expired), 777111 (used)");
    lines.emplace_back("demo repair follow-up code: WATCHK5522 (3-2-1502, waiting for acceptance)");
    return lines;
}

namespace {

// Demo estate number n (e001, e002, ...): created if missing, filled if empty.
void make_demo_estate(Estates& estates, const ServerConfig& config, int n) {
    char id[16];
    std::snprintf(id, sizeof id, "e%03d", n);
    const std::string number = std::to_string(n);
    // Other names, residents and ids made by another seed; the same unit numbers.
    const protocol::LocalizedText name{"锦绣华庭" + number + "期", "錦繡華庭" + number + "期",
                                       "Jinxiu Court phase " + number};
    estates.add(id, name.zh_cn, config.now());
    auto lease = estates.find(id)->acquire();
    if (already_seeded(lease.db())) return;
    if (n == 1) {
        // A load test's estates (--demo-units given) get two months of bills, not twelve.
        seed_estate(lease.db(), config.now(), config.kiosk_key_dir,
                    DemoPlan{20261123u + static_cast<std::uint32_t>(n), config.demo_units, &name,
                             config.demo_units > 0 ? 2 : 12});
        return;
    }
    // The others copy e001's records inside the database (one INSERT ...
    // SELECT a table instead of ~16,000 statements).
    demo::copy_estate_records(lease.db(), estates.location("e001"), [&] {
        seed_kiosks(lease.db(), config.kiosk_key_dir);
        auto record = load_record(lease.db(), protocol::collection::estate, "estate");
        if (record) {
            (*record)["name"] = name;
            publish(lease.db(), protocol::collection::estate, "estate", *record);
        }
    });
}

} // namespace

std::vector<std::string> seed_demo_estates(Estates& estates, const ServerConfig& config) {
    std::vector<std::string> lines;
    if (config.demo_estates >= 1) make_demo_estate(estates, config, 1);
    // The copies are independent (each estate its own file or schema and
    // write lock): a few at a time keep both the server and the database busy.
    std::atomic<int> next{2};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w)
        workers.emplace_back([&] {
            for (int n = next++; n <= config.demo_estates; n = next++) {
                try {
                    make_demo_estate(estates, config, n);
                } catch (...) {
                    std::lock_guard<std::mutex> lock(failure_mutex);
                    if (!failure) failure = std::current_exception();
                    next = config.demo_estates + 1;
                }
            }
        });
    for (std::thread& t : workers) t.join();
    if (failure) std::rethrow_exception(failure);
    if (config.demo_estates > 0) {
        char last[16];
        std::snprintf(last, sizeof last, "e%03d", config.demo_estates);
        lines.push_back(std::string("demo estates e001..") + last + " (" +
                        (config.demo_units > 0 ? std::to_string(config.demo_units) : std::string("652")) +
                        " units each; e002.. copy e001's records): kiosk tokens <estate>.demo-lobby-1-token, "
                        "<estate>.demo-lobby-2-token, staff <estate>.demo-staff-token");
    }
    return lines;
}

} // namespace lobby::server
