// The core's Effects port on the real network: submissions go into the
// durable outbox (then the sync worker delivers them exactly once), online
// calls to the live client, pull requests to the sync worker.
#pragma once

#include "core/feature.hpp"
#include "net/feature_io.hpp"

#include <functional>
#include <optional>

namespace kiosk::store {
class Store;
}

namespace kiosk::net {

class LiveClient;
class SyncWorker;

class NetEffects : public Effects {
public:
    using Encoder = std::function<std::optional<EncodedSubmission>(const Submission&)>;

    // `store` is the UI thread's connection (durable commits).
    NetEffects(store::Store& store, SyncWorker& worker, LiveClient& live, Encoder encode);

    SaveOutcome enqueue(const Submission& submission) override;
    void call(OnlineCall call) override;
    void pull_now() override;

private:
    store::Store& m_store;
    SyncWorker& m_worker;
    LiveClient& m_live;
    Encoder m_encode;
};

} // namespace kiosk::net
