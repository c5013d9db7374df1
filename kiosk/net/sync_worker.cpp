// The worker thread's loop: flush, pull, heartbeat, publish status, sleep until the next due time.
#include "net/sync_worker.hpp"

#include "net/sync_session.hpp"

#include "protocol/public_links.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>

namespace kiosk::net {
namespace {

constexpr auto k_local_failure_pause = std::chrono::seconds(1);

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

bool same(const kiosk::SyncStatus& a, const kiosk::SyncStatus& b)
{
    return a.ever_connected == b.ever_connected && a.online == b.online
           && a.offline_since_utc == b.offline_since_utc && a.last_sync_utc == b.last_sync_utc
           && a.outbox_pending == b.outbox_pending && a.outbox_failed == b.outbox_failed
           && a.server_busy == b.server_busy && a.storage_full == b.storage_full
           && a.server_untrusted == b.server_untrusted && a.has_token == b.has_token
           && a.unauthorized == b.unauthorized && a.estate == b.estate;
}

} // namespace

SyncWorker::SyncWorker(store::Store store, SyncConfig config, WakeFn wake)
    : m_session(std::make_unique<SyncSession>(std::move(store), config)), m_config(std::move(config)),
      m_wake(std::move(wake))
{
    m_status.storage_full = m_config.storage_fallback;   // said from the first frame
    m_status.has_token = !m_config.credentials || m_config.credentials->has_token();
    m_status.estate = token_estate();
}

std::string SyncWorker::token_estate() const
{
    return lobby::protocol::estate_of_kiosk_token(m_config.credentials ? m_config.credentials->token() : m_config.token);
}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::start()
{
    if (m_thread.joinable())
        return;
    m_thread = std::thread([this] { run(); });
}

void SyncWorker::stop()
{
    {
        std::lock_guard lock(m_kick_mutex);
        m_stop.store(true);
    }
    m_session->client().abort();
    m_kick.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void SyncWorker::request_pull()
{
    {
        std::lock_guard lock(m_kick_mutex);
        m_pull_requested = true;
    }
    m_kick.notify_all();
}

void SyncWorker::notify_outbox()
{
    {
        std::lock_guard lock(m_kick_mutex);
        m_outbox_kicked = true;
    }
    m_kick.notify_all();
}

kiosk::SyncStatus SyncWorker::status() const
{
    std::lock_guard lock(m_status_mutex);
    return m_status;
}

void SyncWorker::publish(const kiosk::SyncStatus& next, bool store_changed)
{
    bool changed = false;
    {
        std::lock_guard lock(m_status_mutex);
        changed = !same(m_status, next);
        m_status = next;
    }
    if ((changed || store_changed) && m_wake)
        m_wake();
}

void SyncWorker::note_outcome(kiosk::SyncStatus& status, bool requested, const Outcome& outcome, bool aborted,
                              bool judges_server)
{
    if (!requested || aborted)
        return;
    m_last_exchange = Clock::now();
    if (outcome.local_failure) {
        // The server answered; the kiosk's own disk failed.
        status.storage_full = status.storage_full || outcome.storage_full;
    } else if (judges_server && outcome.reached_server) {
        // 网络正常 only after an answer judged a success (or a contract refusal);
        // a 5xx or an unreadable body is "the office system is busy".
        status.server_busy = outcome.verdict == Verdict::retry;
    }
    if (judges_server && outcome.reached_server) {
        if (outcome.unauthorized && !status.unauthorized)
            spdlog::warn("sync: the office server refuses this kiosk's token (401); submissions stay in the outbox");
        status.unauthorized = outcome.unauthorized;
    }
    if (outcome.untrusted_server && !status.server_untrusted)
        spdlog::warn("sync: the office server is not trusted, nothing is sent: {}", outcome.message);
    status.server_untrusted = outcome.untrusted_server;
    if (outcome.reached_server) {
        status.online = true;
        status.ever_connected = true;
        status.offline_since_utc = 0;
    } else {
        if (status.online || status.offline_since_utc == 0)
            status.offline_since_utc = unix_now();
        status.online = false;
    }
}

SyncWorker::Clock::time_point SyncWorker::next_wake_time()
{
    Clock::time_point wake = std::min({m_next_pull, m_next_heartbeat,
                                       m_last_exchange + std::chrono::milliseconds(m_config.probe_interval_ms)});
    if (auto due_ms = m_session->next_outbox_due_ms()) {
        const auto from_now = std::chrono::milliseconds(std::max<std::int64_t>(0, *due_ms - unix_now_ms()));
        wake = std::min(wake, std::max(Clock::now() + from_now, m_outbox_hold_until));
    }
    return wake;
}

bool SyncWorker::head_may_jump(const kiosk::SyncStatus& status) const
{
    return (m_outbox_waiting_for_server && status.online) || (m_outbox_waiting_for_token && !status.unauthorized);
}

void SyncWorker::flush(kiosk::SyncStatus& status, bool& store_changed)
{
    if (Clock::now() < m_outbox_hold_until || m_stop.load())
        return;
    PassResult flushed = m_session->flush_outbox(head_may_jump(status));
    note_outcome(status, flushed.requested, flushed.outcome, m_stop.load());
    store_changed |= flushed.store_changed;
    if (flushed.store_changed && !flushed.outcome.local_failure)
        status.storage_full = m_config.storage_fallback;   // a write went through: space is back
    m_outbox_waiting_for_server = flushed.outcome.verdict == Verdict::retry && !flushed.outcome.reached_server;
    if (flushed.requested)
        m_outbox_waiting_for_token = flushed.outcome.unauthorized;
    // Delivered: what the office made of it (a ticket's number) comes with a pull, so pull soon.
    if (flushed.requested && flushed.outcome.verdict == Verdict::success)
        m_next_pull = Clock::now();
    if (flushed.outcome.local_failure)
        m_outbox_hold_until = Clock::now() + k_local_failure_pause;
}

void SyncWorker::run()
{
    if (const int recovered = m_session->recover_interrupted(); recovered > 0)
        spdlog::info("sync: {} outbox item(s) interrupted by a restart will be resent", recovered);
    m_next_pull = Clock::now();
    m_next_heartbeat = Clock::now();
    m_last_exchange = Clock::now();
    kiosk::SyncStatus status = this->status();
    status.storage_full = m_config.storage_fallback;

    while (!m_stop.load()) {
        bool pull_now = false;
        {
            std::lock_guard lock(m_kick_mutex);
            pull_now = std::exchange(m_pull_requested, false) || Clock::now() >= m_next_pull;
            m_outbox_kicked = false;
        }
        bool store_changed = false;

        // Outbox first: what a person submitted matters more than fresh notices,
        // and the tickets it creates then arrive with the pull that follows.
        flush(status, store_changed);

        if (pull_now && !m_stop.load()) {
            PassResult pulled = m_session->pull_all([this] {
                std::lock_guard lock(m_kick_mutex);
                return m_outbox_kicked || m_stop.load();
            });
            note_outcome(status, pulled.requested, pulled.outcome, m_stop.load());
            store_changed |= pulled.store_changed;
            if (pulled.yielded) {
                m_next_pull = Clock::now();   // carry on right after the outbox
            } else if (pulled.outcome.verdict == Verdict::success) {
                m_pull_failures = 0;
                status.last_sync_utc = unix_now();
                ++status.pulls_completed;
                status.storage_full = m_config.storage_fallback;   // the pull's writes went through
                m_next_pull = Clock::now() + std::chrono::milliseconds(m_config.pull_interval_ms);
            } else {
                ++m_pull_failures;
                const auto delay = backoff_delay_ms(m_config.pull_backoff, m_pull_failures, m_random);
                m_next_pull = Clock::now() + std::chrono::milliseconds(std::min<std::int64_t>(
                                                 delay + 1, m_config.pull_interval_ms));
                if (!m_stop.load())
                    spdlog::info("sync: pull failed ({}), retry in {} ms", pulled.outcome.message, delay);
            }
            // The server is back, or takes this kiosk's token again (a new
            // enrolment after a mistyped or revoked one): the outbox head
            // need not sit out its backoff.
            if (head_may_jump(status))
                flush(status, store_changed);
        }

        // A full disk (or its end) is told to the office at once, not in a minute.
        if (status.storage_full != m_reported_storage_full && status.storage_full != m_storage_full_hurried) {
            m_storage_full_hurried = status.storage_full;   // once per change; a failed beat backs off
            m_next_heartbeat = Clock::now();
        }
        if (Clock::now() >= m_next_heartbeat && !m_stop.load()) {
            const std::optional<std::int64_t> last_sync =
                status.last_sync_utc ? std::optional<std::int64_t>(status.last_sync_utc) : std::nullopt;
            PassResult beat = m_session->heartbeat(last_sync, status.storage_full);
            note_outcome(status, beat.requested, beat.outcome, m_stop.load());
            if (beat.outcome.verdict == Verdict::success)
                m_reported_storage_full = status.storage_full;
            // An unanswered heartbeat is retried like a pull, so the office
            // console sees the kiosk soon after the network comes back.
            std::int64_t next_ms = m_config.heartbeat_interval_ms;
            if (!beat.outcome.reached_server)
                next_ms = std::min<std::int64_t>(next_ms, 1 + backoff_delay_ms(m_config.pull_backoff,
                                                                                 m_pull_failures + 1, m_random));
            m_next_heartbeat = Clock::now() + std::chrono::milliseconds(next_ms);
        }

        // Nothing exchanged for a while (or the last try failed): ask the
        // office whether it is there, so a stopped server is said within
        // about 10 s and a returning one within a probe interval.
        if (Clock::now() >= m_last_exchange + std::chrono::milliseconds(m_config.probe_interval_ms)
            && !m_stop.load()) {
            const bool was_offline = !status.online;
            PassResult probed = m_session->probe();
            // /v1/health does not touch the office database: it tells
            // reached / not reached, and only a failing answer says busy.
            note_outcome(status, probed.requested, probed.outcome, m_stop.load(),
                         probed.outcome.verdict != Verdict::success);
            if (was_offline && status.online) {
                std::lock_guard lock(m_kick_mutex);
                m_pull_requested = true;   // back: pull and send at once
                m_outbox_kicked = true;
            }
        }

        status.has_token = !m_config.credentials || m_config.credentials->has_token();
        status.estate = token_estate();  // an enrolment may have given the first token
        if (store_changed)
            m_session->checkpoint();
        if (auto counts = m_session->outbox_counts()) {
            status.outbox_pending = counts->pending;
            status.outbox_failed = counts->failed;
        }
        publish(status, store_changed);

        std::unique_lock lock(m_kick_mutex);
        m_kick.wait_until(lock, next_wake_time(),
                          [this] { return m_stop.load() || m_pull_requested || m_outbox_kicked; });
    }
}

} // namespace kiosk::net
