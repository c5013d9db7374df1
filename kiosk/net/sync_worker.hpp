// The sync worker: a thread that keeps the local cache fresh and delivers the outbox to the office server.
#pragma once

#include "core/sync_status.hpp"
#include "net/response_kind.hpp"
#include "net/sync_config.hpp"
#include "store/store.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace kiosk::net {

class SyncSession;

// Usage (UI thread):
//   auto worker_store = ui_store.open_sibling(store::Durability::normal);
//   net::SyncWorker worker(std::move(*worker_store), config, [] { push an SDL event; });
//   worker.start();
//   ... after store.enqueue(...): worker.notify_outbox();
//   ... when a screen opens: worker.request_pull();
//   ... each frame: worker.status() (a copy, taken under a short lock)
//   worker.stop();   // or let the destructor do it
class SyncWorker {
    using Clock = std::chrono::steady_clock;

public:
    using WakeFn = std::function<void()>;

    // store: the worker's own connection (open_sibling). wake: called on the
    // worker thread whenever status() or the store's content changed; it must
    // be quick and thread-safe (SDL_PushEvent is).
    SyncWorker(store::Store store, SyncConfig config, WakeFn wake);
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;
    ~SyncWorker();

    void start();
    // Aborts the in-flight request (it is retried with the same key on the
    // next start) and joins the thread; returns within about 200 ms.
    void stop();

    // Pull now instead of at the next scheduled time.
    void request_pull();
    // Something was enqueued: send it now if the queue is not backing off.
    void notify_outbox();

    kiosk::SyncStatus status() const;

private:
    void run();
    // Sends what is due; the head skips its backoff when the server just came
    // back, or accepts this kiosk's token again after refusing it.
    void flush(kiosk::SyncStatus& status, bool& store_changed);
    bool head_may_jump(const kiosk::SyncStatus& status) const;
    void publish(const kiosk::SyncStatus& next, bool store_changed);
    std::string token_estate() const;  // the estate the current token names ("" home)
    // judges_server: false for an answer that says nothing about the office
    // system's health (a /v1/health success while pulls get 5xx).
    void note_outcome(kiosk::SyncStatus& status, bool requested, const Outcome& outcome, bool aborted,
                      bool judges_server = true);
    Clock::time_point next_wake_time();

    std::unique_ptr<SyncSession> m_session;
    SyncConfig m_config;
    WakeFn m_wake;

    mutable std::mutex m_status_mutex;
    kiosk::SyncStatus m_status;

    std::mutex m_kick_mutex;
    std::condition_variable m_kick;
    bool m_pull_requested = false;
    bool m_outbox_kicked = false;
    std::atomic<bool> m_stop{false};

    // Worker-thread only.
    Clock::time_point m_next_pull{};
    Clock::time_point m_next_heartbeat{};
    Clock::time_point m_last_exchange{};       // the last request's end (for the probe)
    bool m_reported_storage_full = false;      // what the last answered heartbeat said
    bool m_storage_full_hurried = false;       // the value a heartbeat was last brought forward for
    int m_pull_failures = 0;
    bool m_outbox_waiting_for_server = false;
    bool m_outbox_waiting_for_token = false;   // the head's last try got 401
    Clock::time_point m_outbox_hold_until{};   // after a local store failure, do not spin
    std::mt19937_64 m_random{std::random_device{}()};

    std::thread m_thread;
};

} // namespace kiosk::net
