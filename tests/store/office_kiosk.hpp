// A screenless kiosk's network side, wired as the app's Backend wires it:
// the UI thread's store, the sync worker and the live client each on their
// own connection to the same file, and NetEffects over them, with one
// feature's io performing its online calls and encoding its submissions.
// Used by the office tests and the kill -9 children (so no doctest here).
#pragma once

#include "net/feature_io.hpp"
#include "net/live_client.hpp"
#include "net/net_effects.hpp"
#include "net/sync_worker.hpp"
#include "store/store.hpp"

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace kiosk::test {

// The tests' own server and token, with the request timeouts `fast_config`
// and `child_sync_config` choose.
inline net::SyncConfig with_token(net::SyncConfig config, std::string token)
{
    config.token = std::move(token);
    return config;
}

struct OfficeKiosk {
    store::Store ui;
    // How often the live client woke the UI thread (an answer waits), as
    // the app's loop would be woken. Before `live`: it counts from the start.
    std::atomic<int> live_wakes{0};
    std::unique_ptr<net::SyncWorker> worker;
    std::unique_ptr<net::LiveClient> live;
    std::unique_ptr<net::NetEffects> effects;

    // The worker is started.
    OfficeKiosk(store::Store ui_store, const net::SyncConfig& sync, const net::FeatureIo& io)
        : ui(std::move(ui_store))
    {
        auto worker_store = ui.open_sibling(store::Durability::normal);
        auto live_store = ui.open_sibling(store::Durability::normal);
        if (!worker_store.ok() || !live_store.ok())
            throw std::runtime_error("cannot open the worker's or the live client's store connection");
        worker = std::make_unique<net::SyncWorker>(std::move(*worker_store), sync, nullptr);
        // The live client's limits as these tests always gave it.
        const net::LiveConfig live_config{{sync.server_url, sync.token, sync.tls, sync.credentials}, {1000, 4000}};
        auto perform = [perform = io.perform](const OnlineCall& call, net::LiveContext& ctx) -> std::any {
            return perform ? perform(call.payload, ctx) : std::any{};
        };
        live = std::make_unique<net::LiveClient>(live_config, std::make_unique<store::Store>(std::move(*live_store)),
                                                 perform, [this] { worker->request_pull(); }, [this] { ++live_wakes; });
        effects = std::make_unique<net::NetEffects>(ui, *worker, *live, io.encode);
        worker->start();
    }
    ~OfficeKiosk()
    {
        live->stop();
        worker->stop();
    }
    OfficeKiosk(const OfficeKiosk&) = delete;
    OfficeKiosk& operator=(const OfficeKiosk&) = delete;
};

} // namespace kiosk::test
