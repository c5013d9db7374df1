// store_crash_child: a kiosk without a screen. Flushes the outbox of <db> to <url> and exits 0 when it is empty.
// The kill -9 test runs it and kills it at random moments.
#include "store/child_kiosk.hpp"
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
    auto ui = store::Store::open(test::child_store_options(argv[1]));
    if (!ui)
        return 3;
    auto worker_store = ui->open_sibling(store::Durability::normal);
    if (!worker_store)
        return 3;
    net::SyncWorker worker(std::move(*worker_store), test::child_sync_config(argv[2]), nullptr);
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
