// Demo seed orchestration: kiosks and tokens, the estate, then each
// feature's parts in three phases (reference data, per unit, activity).
#include "demo_seed.hpp"

#include "demo_parts.hpp"
#include "estates.hpp"
#include "feature.hpp"
#include "kiosks/verify_keys.hpp"
#include "sha256.hpp"

#include <cstdio>
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
};

// One transaction: the estate's kiosks, its record, every feature's parts.
// A kiosk's token carries its estate (estate_kiosk_token).
void seed_estate(Database& db, protocol::UtcSeconds now, const std::string& key_dir, const DemoPlan& plan) {
        Transaction tx(db);
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
        FeedWriter feed(db);
        DemoRng rng(plan.rng_seed);
        DemoSeed seed{db, feed, rng, now, plan.units};
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
    lines.emplace_back("demo visitor codes: 246810 135790 864209 (valid), 555000 (expired), 777111 (used)");
    lines.emplace_back("demo repair follow-up code: WATCHK5522 (3-2-1502, waiting for acceptance)");
    return lines;
}

std::vector<std::string> seed_demo_estates(Estates& estates, const ServerConfig& config) {
    std::vector<std::string> lines;
    for (int n = 1; n <= config.demo_estates; ++n) {
        char id[16];
        std::snprintf(id, sizeof id, "e%03d", n);
        const std::string number = std::to_string(n);
        // Other names, residents and ids made by another seed; the same unit numbers.
        const protocol::LocalizedText name{"锦绣华庭" + number + "期", "錦繡華庭" + number + "期",
                                           "Jinxiu Court phase " + number};
        estates.add(id, name.zh_cn, config.now());
        auto lease = estates.find(id)->acquire();
        if (!already_seeded(lease.db()))
            seed_estate(lease.db(), config.now(), config.kiosk_key_dir,
                        DemoPlan{20261123u + static_cast<std::uint32_t>(n), config.demo_units, &name});
    }
    if (config.demo_estates > 0)
        lines.push_back("demo estates e001..e" + std::string(config.demo_estates < 10 ? "00" : config.demo_estates < 100 ? "0" : "") +
                        std::to_string(config.demo_estates) + " (" + std::to_string(config.demo_units) +
                        " units each): kiosk tokens <estate>.demo-lobby-1-token, <estate>.demo-lobby-2-token, "
                        "staff <estate>.demo-staff-token");
    return lines;
}

} // namespace lobby::server
