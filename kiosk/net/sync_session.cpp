// The worker's requests: /v1/changes pages into the cache, outbox items to their POST paths, heartbeats.
#include "net/sync_session.hpp"

#include "protocol/notices.hpp"

#include <cctype>

#include "net/cache_codec.hpp"

#include "protocol/changes.hpp"
#include "protocol/decode.hpp"
#include "protocol/kiosk.hpp"
#include "protocol/kiosk_setup.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>

namespace kiosk::net {
namespace {

Outcome store_failure(const store::StoreError& error)
{
    // The request went fine; the disk did not. Retry later like a 5xx.
    Outcome outcome;
    outcome.reached_server = true;
    outcome.local_failure = true;
    outcome.storage_full = error.code == store::StoreErrc::disk_full;
    outcome.message = std::string("store: ") + store::to_string(error.code);
    return outcome;
}

} // namespace

std::int64_t unix_now_ms()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

SyncSession::SyncSession(store::Store store, SyncConfig config)
    : m_store(std::move(store)), m_config(std::move(config)),
      m_api(ServerEndpoint{m_config.server_url, m_config.token, m_config.tls, m_config.credentials}, m_config.timeouts), m_random(std::random_device{}())
{
}

int SyncSession::recover_interrupted()
{
    auto recovered = m_store.recover_interrupted();
    return recovered ? *recovered : 0;
}

// [SECTION] Pull

PassResult SyncSession::pull_all(const std::function<bool()>& should_yield)
{
    PassResult pass;
    pass.outcome.verdict = Verdict::success;
    for (;;) {
        auto since = m_store.cursor();
        if (!since) {
            pass.outcome = store_failure(since.error());
            return pass;
        }
        const std::string path = "/v1/changes?since=" + std::to_string(*since)
                                 + "&limit=" + std::to_string(m_config.page_limit);
        const ApiReply reply = m_api.send("GET", path);
        pass.requested = true;
        pass.outcome = reply.judged;
        if (pass.outcome.verdict != Verdict::success)
            return pass;
        auto page = lobby::protocol::decode_text<lobby::protocol::ChangesPage>(reply.http.body);
        if (!page) {
            pass.outcome.verdict = Verdict::retry;
            pass.outcome.message = "unreadable changes page: " + page.error().field;
            return pass;
        }
        const auto& decoded = page.value();
        // A page that does not advance would loop for ever.
        if (decoded.has_more && decoded.next_since <= *since) {
            pass.outcome.verdict = Verdict::retry;
            pass.outcome.message = "changes page did not advance the cursor";
            return pass;
        }
        std::vector<store::CacheChange> changes;
        changes.reserve(decoded.changes.size());
        for (const auto& change : decoded.changes) {
            if (change.deleted) {
                changes.push_back({change.seq, change.collection, change.key, true, nullptr});
                continue;
            }
            std::string problem;
            auto kept = reencode_record(change.collection, change.data, &problem);
            if (!kept) {
                // Skipped, not stored raw: the cursor still moves past it.
                spdlog::warn("sync: {} record {} not cached: {}", change.collection, change.key, problem);
                continue;
            }
            changes.push_back({change.seq, change.collection, change.key, false, std::move(*kept)});
        }
        auto applied = m_store.apply_page(changes, decoded.next_since);
        if (!applied) {
            pass.outcome = store_failure(applied.error());
            return pass;
        }
        pass.store_changed |= !changes.empty();
        (void)m_store.checkpoint();   // a page is hundreds of KB of WAL; fold it back now
        if (!decoded.has_more)
            break;
        if (should_yield()) {
            pass.yielded = true;
            return pass;
        }
    }
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    auto purged = m_store.purge_expired(now);
    pass.store_changed |= purged && *purged > 0;
    auto pruned = m_store.prune_finished(now - std::int64_t{86400} * m_config.outbox_retention_days);
    pass.store_changed |= pruned && *pruned > 0;
    fetch_images(pass);
    return pass;
}

// [SECTION] Pictures

namespace {

// Ids the office's route accepts; anything else is never put in a URL.
bool usable_image_id(const std::string& id)
{
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-'))
            return false;
    return true;
}

} // namespace

void SyncSession::fetch_images(PassResult& pass)
{
    auto missing = m_store.missing_images();
    if (!missing)
        return;
    for (const std::string& id : *missing) {
        if (!usable_image_id(id))
            continue;
        const ApiReply reply = m_api.send("GET", "/v1/notice-images/" + id);
        if (!reply.reached())
            return;  // offline: the next pull asks again; the notice shows its words meanwhile
        const std::string type = lobby::protocol::sniff_image_type(reply.http.body);
        if (reply.status() != 200 || type.empty() || reply.http.content_type.rfind(type, 0) != 0 ||
            reply.http.body.size() > lobby::protocol::notice_image_max_bytes) {
            spdlog::warn("sync: picture {} not cached: {}", id, reply.summary());
            continue;
        }
        // Kept even if it later fails to decode: the screen then says so, and
        // it is not fetched again on every pull.
        if (m_store.save_image(id, type, reply.http.body))
            pass.store_changed = true;
    }
    auto purged = m_store.purge_unnamed_images();
    pass.store_changed |= purged && *purged > 0;
}

// [SECTION] Outbox

std::optional<std::int64_t> SyncSession::next_outbox_due_ms()
{
    auto head = m_store.outbox_head();
    if (!head || !*head)
        return std::nullopt;
    return (*head)->next_attempt_at_ms;
}

PassResult SyncSession::flush_outbox(bool ignore_due_time)
{
    PassResult pass;
    pass.outcome.verdict = Verdict::success;
    for (int sent = 0;; ++sent) {
        if (sent % 50 == 49)
            (void)m_store.checkpoint();   // keep the WAL short during a long flush
        auto head = m_store.outbox_head();
        if (!head) {
            pass.outcome = store_failure(head.error());
            return pass;
        }
        if (!*head)
            return pass;
        const store::OutboxItem item = std::move(**head);
        if (item.next_attempt_at_ms > unix_now_ms() && !ignore_due_time)
            return pass;
        ignore_due_time = false;   // only the first item jumps its backoff
        if (auto marked = m_store.mark_sending(item.id); !marked) {
            pass.outcome = store_failure(marked.error());
            return pass;
        }
        pass.store_changed = true;
        const ApiReply reply = m_api.send(item.method.c_str(), item.path, item.body.value_or("{}"), item.idempotency_key);
        const HttpResponse& response = reply.http;
        pass.requested = true;
        pass.outcome = reply.judged;
        store::Status recorded = store::Done{};
        if (pass.outcome.verdict == Verdict::success) {
            recorded = m_store.mark_done(item.id, static_cast<int>(response.status), response.body);
        } else if (pass.outcome.verdict == Verdict::refused) {
            // Kind and status only: the server's message may quote what the person typed.
            spdlog::warn("outbox item {} ({}) refused by the server: HTTP {}", item.id, item.kind, response.status);
            recorded = m_store.mark_failed(item.id, static_cast<int>(response.status), pass.outcome.message);
        } else {
            const bool aborted = response.transport == TransportError::aborted;
            // attempts was bumped by mark_sending, so the first retry waits up to base_ms.
            const std::int64_t delay =
                aborted ? 0 : backoff_delay_ms(m_config.outbox_backoff, item.attempts + 1, m_random);
            recorded = m_store.schedule_retry(item.id, unix_now_ms() + delay, pass.outcome.message);
            if (recorded)
                return pass;
        }
        if (!recorded) {
            // The server has it; the next attempt replays the same key, so
            // nothing is duplicated even though the mark was lost.
            pass.outcome = store_failure(recorded.error());
            return pass;
        }
    }
}

// [SECTION] Heartbeat

PassResult SyncSession::probe()
{
    PassResult pass;
    const ApiReply reply = m_api.send("GET", "/v1/health");
    pass.requested = true;
    pass.outcome = reply.judged;
    return pass;
}

PassResult SyncSession::heartbeat(std::optional<std::int64_t> last_sync_utc, bool storage_full)
{
    PassResult pass;
    lobby::protocol::Heartbeat beat;
    beat.kiosk_version = m_config.kiosk_version;
    auto counts = m_store.outbox_counts();
    beat.outbox_size = counts ? counts->pending : 0;
    beat.last_sync = last_sync_utc;
    beat.storage_full = storage_full;
    nlohmann::json body = beat;
    const ApiReply reply = m_api.send("POST", "/v1/heartbeat", body.dump());
    pass.requested = true;
    pass.outcome = reply.judged;
    if (pass.outcome.verdict == Verdict::success) {
        auto ack = lobby::protocol::decode_text<lobby::protocol::HeartbeatAck>(reply.http.body);
        if (ack && ack.value().rotate_token)
            fetch_rotated_token();
    }
    return pass;
}

void SyncSession::fetch_rotated_token()
{
    const auto& credentials = m_api.credentials();
    if (!credentials)
        return;  // a fixed token (tests): nothing to keep a new one in
    const ApiReply reply = m_api.send("POST", "/v1/kiosks/token");
    if (reply.judged.verdict != Verdict::success) {
        spdlog::warn("sync: the office asked for a new token; fetching it failed ({}), the next heartbeat asks again",
                     reply.summary());
        return;
    }
    auto rotation = lobby::protocol::decode_text<lobby::protocol::TokenRotation>(reply.http.body);
    if (!rotation) {
        spdlog::warn("sync: the new token's answer is unreadable: {}", rotation.error().field);
        return;
    }
    // Kept first, used after: if the file cannot be written the old token
    // goes on working through its grace and the next heartbeat asks again.
    std::string error;
    if (credentials->replace(rotation.value().token, error))
        spdlog::info("sync: the office rotated this kiosk's token; the new one is kept and in use");
    else
        spdlog::error("sync: the new token could not be kept ({}); still on the old one", error);
}

} // namespace kiosk::net
