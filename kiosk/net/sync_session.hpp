// One pass of sync work on the worker's thread: pull pages, flush the outbox, send a heartbeat.
#pragma once

#include "net/api_client.hpp"
#include "net/sync_config.hpp"
#include "store/store.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>

namespace kiosk::net {

struct PassResult {
    Outcome outcome;               // of the last request made (success when none failed)
    bool requested = false;        // at least one request went out
    bool store_changed = false;    // the cache or the outbox moved
    bool yielded = false;          // pull stopped between pages to let the outbox go first
};

// Owns the worker's store connection and HTTP client. Not thread-safe: only
// the worker thread calls it (abort() excepted, through the client).
class SyncSession {
public:
    SyncSession(store::Store store, SyncConfig config);

    // Pulls from the cursor until has_more is false; each page is one
    // transaction with its cursor. Then purges expired records. Between
    // pages it stops early (yielded) when should_yield() says so, e.g. a
    // person just submitted something during a long first sync.
    PassResult pull_all(const std::function<bool()>& should_yield);
    // Sends due outbox items in order until one must wait. `ignore_due_time`
    // sends the head now (the server just came back).
    PassResult flush_outbox(bool ignore_due_time);
    PassResult heartbeat(std::optional<std::int64_t> last_sync_utc, bool storage_full = false);
    // GET /v1/health: a cheap "is the office there" between heartbeats.
    PassResult probe();
    // Unix ms when the head of the outbox is due, if there is one.
    std::optional<std::int64_t> next_outbox_due_ms();
    store::Result<store::OutboxCounts> outbox_counts() { return m_store.outbox_counts(); }
    int recover_interrupted();
    void checkpoint() { (void)m_store.checkpoint(); }
    ApiClient& client() { return m_api; }

private:
    // After a pull: fetches the pictures cached records name and drops those
    // none name any more.
    void fetch_images(PassResult& pass);
    // The heartbeat's answer said the office rotated our token: fetch the
    // new one with the current one, keep it in the token file, use it.
    void fetch_rotated_token();

    store::Store m_store;
    SyncConfig m_config;
    ApiClient m_api;
    std::mt19937_64 m_random;
};

std::int64_t unix_now_ms();

} // namespace kiosk::net
