// fees_bench: p50/p99 of the kiosk's offline fee lookup (what a resident waits
// for when the network is down) with 5,000 units x 12 months x 6 kinds cached.
// The online lookup is one loopback request plus the same decoding.
#include "features/fees/io/fee_records.hpp"
#include "store/store.hpp"

#include "protocol/verifier.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <unistd.h>

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

// This kiosk's verification key in the bench (the key file's content).
const char* const bench_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

std::string unit_id(int i)
{
    return std::to_string(i / 1000 + 1) + "-" + std::to_string(i / 100 % 10 + 1) + "-" + std::to_string(i % 100 + 101);
}

std::string last4(int i)
{
    char text[8];
    std::snprintf(text, sizeof text, "%04d", (i * 7919) % 10000);
    return text;
}

double ms_since(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void fill(store::Store& store)
{
    const char* kinds[] = {"management", "parking", "water", "electricity", "shared_energy", "refuse"};
    std::vector<store::CacheChange> page;
    std::int64_t seq = 0;
    auto flush = [&] {
        if (!store.apply_page(page, seq)) {
            std::fprintf(stderr, "apply_page failed\n");
            std::exit(1);
        }
        page.clear();
    };
    for (int u = 0; u < 5000; ++u) {
        const std::string id = unit_id(u);
        // As the office sends it to this kiosk: a verifier keyed with its key.
        page.push_back({++seq, "units", id, false,
                        {{"id", id}, {"building", u / 1000 + 1}, {"entrance", u / 100 % 10 + 1}, {"floor", 1},
                         {"room", std::to_string(u % 100 + 101)}, {"area_m2", 89.5}, {"owner_masked", "张*"},
                         {"resident_last4_hmacs", {lobby::protocol::last4_verifier(bench_key, id, last4(u))}}}});
        for (int month = 1; month <= 12; ++month) {
            char period[8];
            std::snprintf(period, sizeof period, "2026-%02d", month);
            for (const char* kind : kinds) {
                const std::string bill = "B-" + id + "-" + period + "-" + kind;
                page.push_back({++seq, "bills", bill, false,
                                {{"id", bill}, {"unit_id", id}, {"fee_kind", kind}, {"period", period},
                                 {"amount_fen", 12345}, {"paid_fen", month < 10 ? 12345 : 0},
                                 {"status", month < 10 ? "paid" : "unpaid"}, {"due_date", std::string(period) + "-15"},
                                 {"late", month == 10}}});
            }
        }
        if (page.size() >= 1000)
            flush();
    }
    if (!page.empty())
        flush();
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

} // namespace

int main()
{
    const auto dir = std::filesystem::temp_directory_path() / ("lobby-fees-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    store::StoreOptions options;
    options.path = (dir / "kiosk.db").string();
    options.phone_hash_key = bench_key;
    auto opened = store::Store::open(options);
    if (!opened) {
        std::fprintf(stderr, "cannot open the store: %s\n", opened.error().message.c_str());
        return 1;
    }
    store::Store& store = opened.value();
    auto start = Clock::now();
    fill(store);
    std::printf("cached 5,000 units and 360,000 bills in %.1f s\n", ms_since(start) / 1000);

    // What the UI thread does when the store version moves: read the units
    // (for the building/entrance/room pickers) and fee kinds.
    std::vector<double> first_ms, again_ms;
    for (int i = 0; i < 20; ++i) {
        household::UnitsMemo memo;
        start = Clock::now();
        (void)fees::read_fees_cache(store, memo);
        first_ms.push_back(ms_since(start));
        start = Clock::now();
        (void)fees::read_fees_cache(store, memo);  // a pull page that brought no unit
        again_ms.push_back(ms_since(start));
    }
    std::printf("UI thread, fee data after a store change: units changed (decode 5,000) p50 %.1f ms; "
                "units unchanged p50 %.2f ms, max %.2f ms\n",
                percentile(first_ms, 0.5), percentile(again_ms, 0.5), percentile(again_ms, 1.0));

    std::mt19937 random(7);
    std::vector<double> ok_ms, wrong_ms;
    std::size_t bills = 0;
    for (int i = 0; i < 10000; ++i) {
        const int u = std::uniform_int_distribution<int>(0, 4999)(random);
        const bool right = i % 10 != 0;  // one in ten types a wrong digit
        start = Clock::now();
        fees::LookupDone done = fees::cached_fee_lookup(store, {unit_id(u), right ? last4(u) : "xxxx", {}});
        (right ? ok_ms : wrong_ms).push_back(ms_since(start));
        if (right && (done.outcome != fees::CallOutcome::Ok || done.lookup->bills.size() != 72)) {
            std::fprintf(stderr, "unexpected lookup result for %s\n", unit_id(u).c_str());
            return 1;
        }
        bills += done.lookup ? done.lookup->bills.size() : 0;
    }
    std::printf("offline fee lookup (digits check + 72 bills read and decoded), %zu lookups: p50 %.3f ms, p99 %.3f ms, "
                "max %.3f ms\n",
                ok_ms.size(), percentile(ok_ms, 0.5), percentile(ok_ms, 0.99), percentile(ok_ms, 1.0));
    std::printf("wrong digits refused from the cache, %zu lookups: p50 %.3f ms, p99 %.3f ms\n", wrong_ms.size(),
                percentile(wrong_ms, 0.5), percentile(wrong_ms, 0.99));
    std::printf("(%zu bills returned in all)\n", bills);
    std::filesystem::remove_all(dir);
    return 0;
}
