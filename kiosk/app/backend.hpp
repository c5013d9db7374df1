// The UI thread's door to the local store and the sync worker: opens both,
// copies cached data out as plain values, and reports sync status. Screens
// never see it; KioskApp turns what it returns into view models.
#pragma once

#include "app/fee_records.hpp"
#include "core/cached_data.hpp"
#include "core/config.hpp"
#include "core/sync_status.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace kiosk::store {
class Store;
}
namespace kiosk::net {
class SyncWorker;
}

namespace kiosk::app {

class Backend {
public:
    // Opens the store (creating it) and starts the worker. `wake` is called on
    // the worker thread when anything changed; it must be thread-safe.
    static std::unique_ptr<Backend> open(const KioskConfig& config, std::function<void()> wake, std::string& error);
    ~Backend();  // stop()

    // Stops the sync worker and joins its thread (it may call `wake` until
    // then); idempotent. status() keeps answering with the last status.
    void stop();

    SyncStatus status() const;
    std::uint64_t status_version() const { return m_status_version.load(std::memory_order_acquire); }
    std::uint64_t store_version() const;

    // Reads what the views show from the cache (UI thread; only when
    // store_version() moved or the minute changed, never per frame).
    CachedData read_cache(std::int64_t now_utc);

    void request_pull();

    // Another connection to the store for a worker thread (live requests'
    // offline fee check); nullptr with `error` on failure.
    std::unique_ptr<store::Store> open_worker_store(std::string& error) const;

private:
    Backend() = default;
    std::unique_ptr<store::Store> m_store;  // the UI thread's connection
    UnitsMemo m_units;                      // fee pickers' unit list, re-read only when units change
    std::unique_ptr<net::SyncWorker> m_worker;
    std::atomic<std::uint64_t> m_status_version{1};
};

} // namespace kiosk::app
