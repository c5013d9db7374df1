// store_bench: figures for the local store and the sync worker (prints numbers; not pass/fail).
//   1. apply a 10,000-record pull (store only, pages of 500)
//   2. bill lookup latency with 5,000 units x 12 months x 6 kinds cached
//   3. flush 1,000 outbox items to the real office-server on loopback, then its full pull
//   4. the longest stall a UI-like thread sees on the store and status while 3 runs
#include "net/sync_worker.hpp"
#include "store/store.hpp"
#include "support/office_server_process.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

store::Store open_or_die(const std::string& path)
{
    store::StoreOptions options;
    options.path = path;
    options.phone_hash_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";  // a bench key
    auto opened = store::Store::open(options);
    if (!opened) {
        std::fprintf(stderr, "cannot open %s: %s\n", path.c_str(), opened.error().message.c_str());
        std::exit(1);
    }
    return std::move(*opened);
}

std::string unit_name(int i) { return std::to_string(i / 1000 + 1) + "-" + std::to_string(i / 100 % 10 + 1) + "-" + std::to_string(i % 100 + 101); }

std::int64_t count_records(store::Store& store)
{
    store::Statement count(store.connection(), "SELECT count(*) FROM records");
    return count.step() == 100 /* SQLITE_ROW */ ? count.column_int(0) : -1;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

void bench_apply_10k(const std::string& dir)
{
    auto store = open_or_die(dir + "/apply.db");
    std::vector<store::CacheChange> page;
    const auto start = Clock::now();
    for (int seq = 1; seq <= 10000; ++seq) {
        page.push_back({seq, "notices", "N-" + std::to_string(seq), false,
                        {{"id", "N-" + std::to_string(seq)}, {"urgent", seq % 50 == 0},
                         {"title", {{"zh-CN", "停水通知"}, {"en", "Water off"}}},
                         {"body", {{"zh-CN", std::string(200, 'x')}}},
                         {"published_at", "2026-11-01T00:00:00Z"}}});
        if (page.size() == 500) {
            if (!store.apply_page(page, seq)) std::exit(1);
            page.clear();
        }
    }
    std::printf("apply 10,000-record pull (20 pages of 500, one transaction each): %.1f ms\n", ms_since(start));
}

void fill_bills(store::Store& store)
{
    const char* kinds[] = {"management", "parking", "water", "electricity", "shared_energy", "refuse"};
    std::vector<store::CacheChange> page;
    std::int64_t seq = 0;
    const auto start = Clock::now();
    for (int unit = 0; unit < 5000; ++unit) {
        for (int month = 1; month <= 12; ++month) {
            char period[8];
            std::snprintf(period, sizeof period, "2026-%02d", month);
            for (const char* kind : kinds) {
                const std::string id = "B-" + unit_name(unit) + "-" + period + "-" + kind;
                page.push_back({++seq, "bills", id, false,
                                {{"id", id}, {"unit_id", unit_name(unit)}, {"fee_kind", kind}, {"period", period},
                                 {"amount_fen", 12345}, {"paid_fen", 0}, {"status", "unpaid"},
                                 {"due_date", std::string(period) + "-15"}, {"late", false}}});
            }
        }
        if (page.size() >= 1000) {
            if (!store.apply_page(page, seq)) std::exit(1);
            page.clear();
        }
    }
    if (!page.empty() && !store.apply_page(page, seq)) std::exit(1);
    std::printf("cache 360,000 bills (5,000 units x 12 months x 6 kinds): %.1f s to apply\n", ms_since(start) / 1000);
}

void bench_bill_lookup(store::Store& store)
{
    std::mt19937 random(42);
    std::vector<double> samples;
    std::size_t rows = 0;
    for (int i = 0; i < 10000; ++i) {
        const std::string unit = unit_name(std::uniform_int_distribution<int>(0, 4999)(random));
        const auto start = Clock::now();
        auto bills = store.bills_for_unit(unit);
        samples.push_back(ms_since(start));
        rows += bills ? bills->size() : 0;
    }
    std::printf("bill lookup by unit (72 bills, JSON decoded), 10,000 random units: p50 %.3f ms, p99 %.3f ms, "
                "max %.3f ms (%zu rows)\n",
                percentile(samples, 0.5), percentile(samples, 0.99), percentile(samples, 1.0), rows);
}

struct UiStalls {
    double worst_poll_ms = 0;      // version() + status(): what every frame does
    double worst_rebuild_ms = 0;   // view models rebuilt after the version moved
    double worst_enqueue_ms = 0;   // a durable submission (FULL sync) racing the worker's writes
    int rebuilds = 0;
    int enqueues = 0;
};

// Every ~2 ms read the version and status; when the version moved, rebuild
// "view models" from the store, as the kiosk does; submit now and then.
UiStalls ui_like_loop(store::Store& ui, const net::SyncWorker& worker, const std::atomic<bool>& finished)
{
    UiStalls stalls;
    std::uint64_t seen = 0;
    std::mt19937 random(7);
    for (int frame = 0; !finished.load(); ++frame) {
        auto start = Clock::now();
        const auto version = ui.version();
        (void)worker.status();
        stalls.worst_poll_ms = std::max(stalls.worst_poll_ms, ms_since(start));
        if (version != seen) {
            start = Clock::now();
            (void)ui.active_notices(std::time(nullptr));
            (void)ui.bills_for_unit(unit_name(std::uniform_int_distribution<int>(0, 4999)(random)));
            (void)ui.outbox_counts();
            stalls.worst_rebuild_ms = std::max(stalls.worst_rebuild_ms, ms_since(start));
            seen = version;
            ++stalls.rebuilds;
        }
        if (frame % 50 == 49) {
            start = Clock::now();
            if (!ui.enqueue("survey_response", "/v1/survey-responses", {{"survey_id", "bench"}}))
                std::exit(1);
            stalls.worst_enqueue_ms = std::max(stalls.worst_enqueue_ms, ms_since(start));
            ++stalls.enqueues;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return stalls;
}

void print_stalls(const char* label, const UiStalls& stalls)
{
    std::printf("%s: worst version+status poll %.3f ms; worst view-model rebuild (active notices + 72 bills + "
                "outbox counts) %.3f ms over %d; worst durable enqueue %.3f ms over %d\n",
                label, stalls.worst_poll_ms, stalls.worst_rebuild_ms, stalls.rebuilds, stalls.worst_enqueue_ms,
                stalls.enqueues);
}

void bench_flush_and_stall(store::Store& ui)
{
    lobby::test::OfficeServerProcess office;
    // The synthetic bills above moved the cursor far past the server's sequence.
    if (!ui.connection().exec("DELETE FROM cursors")) std::exit(1);
    const std::int64_t records_before = count_records(ui);
    for (int i = 0; i < 1000; ++i) {
        nlohmann::json body{{"unit_id", "3-2-1502"}, {"category", "electrical"},
                            {"description", "bench item " + std::to_string(i)}, {"location", "public"}};
        if (!ui.enqueue("repair", "/v1/repairs", body)) std::exit(1);
    }
    auto worker_store = ui.open_sibling(store::Durability::normal);
    net::SyncConfig config;
    config.server_url = office.base_url();
    net::SyncWorker worker(std::move(*worker_store), config, nullptr);

    store::Store ui_reader = std::move(*ui.open_sibling(store::Durability::full));
    std::atomic<bool> finished{false};
    UiStalls idle;
    std::thread baseline([&] { idle = ui_like_loop(ui_reader, worker, finished); });
    std::this_thread::sleep_for(std::chrono::seconds(1));
    finished.store(true);
    baseline.join();
    finished.store(false);
    UiStalls busy;
    std::thread ui_thread([&] { busy = ui_like_loop(ui_reader, worker, finished); });

    const auto start = Clock::now();
    worker.start();
    while (ui.outbox_counts()->done < 1000)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const double flush_ms = ms_since(start);
    const auto pull_start = Clock::now();
    while (worker.status().last_sync_utc == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const double pull_ms = ms_since(pull_start);
    finished.store(true);
    ui_thread.join();
    worker.stop();

    std::printf("flush 1,000 outbox items to office-server on loopback: %.0f ms (%.2f ms/item)\n", flush_ms,
                flush_ms / 1000);
    std::printf("full pull of the demo estate from office-server (after the flush): %.0f ms, %lld records\n",
                pull_ms, static_cast<long long>(count_records(ui) - records_before));
    print_stalls("UI-like thread, worker idle (baseline)", idle);
    print_stalls("UI-like thread while the worker flushed and pulled", busy);
}

} // namespace

int main()
{
    const auto dir = std::filesystem::temp_directory_path() / ("lobby-store-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    bench_apply_10k(dir.string());
    auto store = open_or_die((dir / "kiosk.db").string());
    fill_bills(store);
    bench_bill_lookup(store);
    bench_flush_and_stall(store);
    std::filesystem::remove_all(dir);
    return 0;
}
