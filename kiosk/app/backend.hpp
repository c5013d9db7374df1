// The UI thread's door to the local store, the sync worker and the live
// client: opens them, copies cached data out as plain values (the shell's
// and each feature's, through its io), gives the controller its Effects
// port, and reports sync status. Screens never see it.
#pragma once

#include "app/feature_registry.hpp"
#include "core/cached_data.hpp"
#include "core/config.hpp"
#include "core/sync_status.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::store {
class Store;
}
namespace kiosk::net {
class LiveClient;
class NetEffects;
class SyncWorker;
class Credentials;
}

namespace kiosk::app {

class Backend {
public:
    // Opens the store (creating it) and starts the sync worker and the live
    // client. `wake` is called on their threads when anything changed; it
    // must be thread-safe. The registry must outlive the backend.
    static std::unique_ptr<Backend> open(const KioskConfig& config, const FeatureRegistry& registry,
                                         std::function<void()> wake, std::string& error);
    ~Backend();

    SyncStatus status() const;
    std::uint64_t status_version() const { return m_status_version.load(std::memory_order_acquire); }
    std::uint64_t store_version() const;

    // Reads what the views show from the cache (UI thread; only when
    // store_version() moved or the minute changed, never per frame).
    CachedData read_cache(std::int64_t now_utc);

    Effects& effects();
    std::vector<CallAnswer> take_answers();

    // Stops and joins every worker thread; after it nothing calls `wake`.
    // Call before the window and SDL go down. Idempotent.
    void shutdown();

private:
    explicit Backend(const FeatureRegistry& registry);
    // The office's settings for this kiosk from the cache, as far as this
    // kiosk can use them (unknown services dropped, with a log line once).
    RemoteSettings read_remote_settings();
    bool registered(const std::string& id) const;
    const FeatureRegistry& m_registry;
    std::unique_ptr<store::Store> m_store;  // the UI thread's connection
    std::unique_ptr<net::SyncWorker> m_worker;
    std::unique_ptr<net::LiveClient> m_live;
    std::unique_ptr<net::NetEffects> m_effects;
    std::atomic<std::uint64_t> m_status_version{1};
    std::shared_ptr<net::Credentials> m_credentials;  // the token the worker and the live client send
    std::string m_verify_key;                         // sent with an enrolment code
    std::string m_remote_logged;                      // the settings record last checked against the features
};

} // namespace kiosk::app
