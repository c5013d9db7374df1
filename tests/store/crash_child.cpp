// store_crash_child: a kiosk without a screen. Flushes the outbox of <db> to <url> and exits 0 when it is empty.
// The kill -9 test runs it and kills it at random moments.
#include "net/sync_worker.hpp"
#include "store/store.hpp"
#include "support/time_scale.hpp"

#include <chrono>
#include <cstdio>
#include <thread>

using namespace kiosk;

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: store_crash_child <kiosk.db> <server url>\n");
        return 2;
    }
    store::StoreOptions options;
    options.path = argv[1];
    options.phone_hash_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    auto ui = store::Store::open(options);
    if (!ui)
        return 3;
    auto worker_store = ui->open_sibling(store::Durability::normal);
    if (!worker_store)
        return 3;
    net::SyncConfig config;
    config.server_url = argv[2];
    config.timeouts = {1000, 5000};
    config.outbox_backoff = {20, 200};
    net::SyncWorker worker(std::move(*worker_store), config, nullptr);
    worker.start();
    const auto deadline = std::chrono::steady_clock::now() + lobby::test::scaled(std::chrono::seconds(60));
    while (std::chrono::steady_clock::now() < deadline) {
        auto counts = ui->outbox_counts();
        if (counts && counts->pending == 0)
            return 0;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return 1;
}
