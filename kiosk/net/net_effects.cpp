// NetEffects: encode, one durable transaction, wake the worker.
#include "net/net_effects.hpp"

#include "net/live_client.hpp"
#include "net/sync_worker.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::net {

NetEffects::NetEffects(store::Store& store, SyncWorker& worker, LiveClient& live, Encoder encode)
    : m_store(store), m_worker(worker), m_live(live), m_encode(std::move(encode))
{
}

SaveOutcome NetEffects::enqueue(const Submission& submission)
{
    const std::optional<EncodedSubmission> encoded = m_encode(submission);
    if (!encoded) {
        spdlog::error("outbox: {} cannot encode a '{}' submission", submission.feature, submission.kind);
        return SaveOutcome::Failed;
    }
    auto saved = m_store.enqueue(submission.kind, encoded->path, encoded->body);
    if (!saved) {
        // The code only: the body may hold what a person typed.
        spdlog::error("outbox: '{}' not saved: {}", submission.kind, store::to_string(saved.error().code));
        return saved.error().code == store::StoreErrc::disk_full ? SaveOutcome::StorageFull : SaveOutcome::Failed;
    }
    m_worker.notify_outbox();
    return SaveOutcome::Saved;
}

void NetEffects::call(OnlineCall call)
{
    m_live.submit(std::move(call));
}

void NetEffects::pull_now()
{
    m_worker.request_pull();
}

} // namespace kiosk::net
