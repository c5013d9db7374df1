// The kiosk's local store: one SQLite file holding the pull cache and the outbox of submissions.
#pragma once

#include "store/error.hpp"
#include "store/sqlite.hpp"
#include "store/types.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::store {

// How hard a connection's commits wait for the disk (PRAGMA synchronous).
enum class Durability {
    // FULL: the WAL is fsync'ed at every commit. The UI's connection uses it:
    // once the screen says "saved", the submission survives a power cut.
    full,
    // NORMAL: safe against crashes and never corrupts, but a power cut may
    // undo the last commits. Enough for the sync worker: an undone "done"
    // mark resends with the same Idempotency-Key (the server replays the first
    // answer) and an undone cache page is pulled again from the old cursor.
    normal,
};

// A store in memory, shared by the connections of this process: where a
// kiosk whose disk is full keeps running (nothing survives a restart).
inline constexpr const char* k_memory_store_path = "file:/lobby-kiosk-memory?vfs=memdb";

struct StoreOptions {
    std::string path;                          // the SQLite file; created with its schema if missing
    // This kiosk's key: the office keys the feed's phone verifiers with it
    // (enrolment writes the key file), and the kiosk its own phone hashes.
    // It never goes into the database it protects: the kiosk keeps it in a
    // 0600 key file (load_or_create_key_file in key_file.hpp). Required.
    std::string phone_hash_key;
    int busy_timeout_ms = 5000;                // wait this long for the other connection's write lock
    Durability durability = Durability::full;  // see Durability
};

// The stream name of the single /v1/changes cursor.
inline constexpr std::string_view k_changes_stream = "changes";

// One connection to the store. Not thread-safe: the UI thread and the sync
// worker each hold their own (open_sibling). Every write is one transaction.
class Store {
public:
    // Opens (creating if needed), sets WAL and the pragmas, migrates the
    // schema, and checkpoints the WAL once (start-up is the cheap moment).
    static Result<Store> open(const StoreOptions& options);
    // Another connection to the same file, sharing the version counter; for
    // the sync worker's thread.
    Result<Store> open_sibling(Durability durability) const;

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // Bumps on every commit that changed rows, on any connection of this
    // file opened through open/open_sibling. An atomic load: call it every
    // frame and rebuild view models only when it moved.
    std::uint64_t version() const noexcept;
    const std::string& path() const noexcept;
    Connection& connection() noexcept { return m_connection; }

    // [SECTION] Cache writes (the sync worker)

    // Applies one pull page and moves the cursor to next_since, all in one
    // transaction: after a crash the cache and its cursor always agree.
    Result<ApplyStats> apply_page(const std::vector<CacheChange>& changes, std::int64_t next_since,
                                  std::string_view stream = k_changes_stream);
    Result<std::int64_t> cursor(std::string_view stream = k_changes_stream);
    // Deletes records whose expires_at has passed (notices, passes).
    Result<int> purge_expired(std::int64_t now_utc);
    // Copies the WAL back into the database file (PASSIVE: never waits for
    // readers or writers). Automatic checkpoints are off on every connection:
    // they run inside a COMMIT, so a UI write would wait for thousands of
    // pages to be copied and fsync'ed. The sync worker calls this instead,
    // outside any transaction, on its own thread.
    Status checkpoint();

    // [SECTION] Cache reads (the UI, when version() moved)

    Result<std::vector<CachedRecord>> records(std::string_view collection);
    // How many records a collection has and its newest seq: a cheap check
    // (one index range scan) of whether it changed since the last read.
    Result<CollectionStamp> collection_stamp(std::string_view collection);
    Result<std::optional<CachedRecord>> record(std::string_view collection, std::string_view key);
    // Not expired at now_utc; urgent first, then newest first.
    Result<std::vector<CachedRecord>> active_notices(std::int64_t now_utc);
    Result<std::optional<CachedRecord>> estate();
    Result<std::vector<CachedRecord>> fee_kinds() { return records("fee_kinds"); }
    Result<std::vector<CachedRecord>> repair_categories() { return records("repair_categories"); }
    Result<std::vector<CachedRecord>> surveys() { return records("surveys"); }
    Result<std::vector<CachedRecord>> units() { return records("units"); }
    // Index lookup on (collection, unit_id); newest period first.
    Result<std::vector<CachedRecord>> bills_for_unit(std::string_view unit_id);
    Result<std::vector<CachedRecord>> tickets_for_unit(std::string_view unit_id);
    // Offline check of "last four digits of a resident's phone" against the
    // verifiers the feed gave this kiosk (protocol/verifier.hpp, keyed with
    // phone_hash_key, the key file). not_found: the unit is not cached, or
    // came without verifiers (this kiosk has no enrolled key).
    Result<bool> verify_phone_last4(std::string_view unit_id, std::string_view last4);

    // [SECTION] Visitor codes (store_visitors.cpp)

    // The cached pre-registered code whose verifier (the feed's HMAC under
    // this kiosk's key, protocol/verifier.hpp) matches the typed code; none
    // when no cached record matches (unknown, or this kiosk has no key).
    Result<std::optional<CachedRecord>> visitor_code(std::string_view code);
    // Whether this kiosk already accepted the code of that record (online or off).
    Result<bool> visitor_code_used_here(std::string_view record_id);
    // Remembers an online use (the server already counted it).
    Status remember_visitor_code_use(std::string_view record_id, std::int64_t used_at_utc);
    // An offline use: remembered and queued for the office in one durable
    // transaction, so a crash never keeps one without the other.
    Result<OutboxId> use_visitor_code_offline(std::string_view record_id, std::int64_t used_at_utc,
                                              std::string_view kind, std::string_view path,
                                              const nlohmann::json& body);
    // When the cache last heard from the office (a pull page applied, even
    // an empty one); 0 when never. Unix seconds.
    Result<std::int64_t> synced_at(std::string_view stream = k_changes_stream);

    // [SECTION] Pictures named by cached records ("images": ["IMG-1", ...])

    // Ids some record names that are not stored yet (the sync worker fetches them).
    Result<std::vector<std::string>> missing_images();
    Status save_image(std::string_view id, std::string_view content_type, std::string_view bytes);
    // The picture's bytes, or none when not fetched (yet).
    Result<std::optional<std::string>> image(std::string_view id);
    // Drops pictures no record names any more (their notice ended or was withdrawn).
    Result<int> purge_unnamed_images();

    // [SECTION] Outbox

    // Writes the submission with a fresh Idempotency-Key in one durable
    // transaction. Call before the screen says "saved"; on error show it
    // (disk_full has its own message) and keep the form open.
    Result<OutboxId> enqueue(std::string_view kind, std::string_view path, const nlohmann::json& body,
                             std::string_view method = "POST");
    // The oldest unfinished item, due or not: the outbox is sent in order.
    Result<std::optional<OutboxItem>> outbox_head();
    Result<std::optional<OutboxItem>> outbox_item(OutboxId id);
    Status mark_sending(OutboxId id);
    // 2xx: done; the body (personal data) is deleted, the response is kept
    // without identifying fields as the server's reference.
    Status mark_done(OutboxId id, int http_status, std::string_view response_body);
    // 4xx: failed for good with the server's message; body deleted.
    Status mark_failed(OutboxId id, int http_status, std::string_view message);
    // 5xx / transport error: back to pending, not before next_attempt_at_ms.
    Status schedule_retry(OutboxId id, std::int64_t next_attempt_at_ms, std::string_view error);
    // After a crash, items left "sending" go back to pending (resent with the
    // same key, so the server never creates them twice).
    Result<int> recover_interrupted();
    // Deletes finished rows (done or failed) answered before the cutoff, so
    // the outbox does not grow for ever; pending rows are never touched.
    Result<int> prune_finished(std::int64_t finished_before_utc);
    Result<OutboxCounts> outbox_counts();
    // Newest first, for the admin screen.
    Result<std::vector<OutboxItem>> outbox_items(int limit);

    // [SECTION] Lockouts (wrong-try counts that must survive a restart)

    // The saved state of (scope, key), e.g. ("fees_unit", "3-2-1502"); none
    // when nothing is saved. The caller decides with its own clock whether
    // locked_until_utc has passed: it is a wall-clock time (unix seconds),
    // since a monotonic one would mean nothing after a reboot.
    Result<std::optional<LockoutRow>> lockout(std::string_view scope, std::string_view key);
    // Replaces the saved state of (scope, key) in one durable transaction.
    Status save_lockout(std::string_view scope, std::string_view key, int failures, std::int64_t locked_until_utc);
    // Forgets (scope, key), e.g. after the right answer; no row is not an error.
    Status clear_lockout(std::string_view scope, std::string_view key);

    // Internal (store_shared.hpp): what sibling connections share.
    struct Shared;

private:
    Store(Connection connection, std::shared_ptr<Shared> shared);
    static Result<Store> connect(const StoreOptions& options, std::shared_ptr<Shared> shared);
    Status finish_item(OutboxId id, OutboxState state, int http_status, std::optional<std::string> error,
                       std::optional<std::string> response);

    Connection m_connection;
    std::shared_ptr<Shared> m_shared;
};

} // namespace kiosk::store
