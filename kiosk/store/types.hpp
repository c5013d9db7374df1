// Plain data the store takes and returns: cache changes, cached records, outbox rows, lockouts.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::store {

// One entry of a pull page, already decoded from the wire.
struct CacheChange {
    std::int64_t seq = 0;
    std::string collection;   // estate, fee_kinds, repair_categories, notices, surveys, units, bills, tickets
    std::string key;
    bool deleted = false;     // tombstone: remove (collection, key)
    nlohmann::json data;      // the record; ignored for tombstones
};

struct ApplyStats {
    int upserted = 0;
    int deleted = 0;
};

// One cached record as the UI reads it.
struct CachedRecord {
    std::string collection;
    std::string key;
    std::int64_t seq = 0;
    nlohmann::json data;
};

struct CollectionStamp {
    std::int64_t count = 0;
    std::int64_t max_seq = 0;
    bool operator==(const CollectionStamp& o) const { return count == o.count && max_seq == o.max_seq; }
    bool operator!=(const CollectionStamp& o) const { return !(*this == o); }
};

using OutboxId = std::int64_t;

enum class OutboxState { pending, sending, done, failed };
const char* to_string(OutboxState state) noexcept;

// One outbox row. body is empty once the row is finished: personal data
// leaves the kiosk as soon as the server has answered for good.
struct OutboxItem {
    OutboxId id = 0;
    std::string kind;              // repair, rating, visitor, move_out, survey_response
    std::string method;            // POST
    std::string path;              // /v1/repairs
    std::optional<std::string> body;
    std::string idempotency_key;   // UUID v4, made when the person pressed Submit
    std::int64_t created_at = 0;   // unix seconds
    OutboxState state = OutboxState::pending;
    int attempts = 0;
    std::int64_t next_attempt_at_ms = 0;   // unix milliseconds
    std::optional<std::string> last_error;
    std::optional<std::int64_t> http_status;
    std::optional<std::string> server_response;   // scrubbed of personal fields
};

// One persisted lockout (Store::lockout). scope names what is guarded
// ("fees_unit"), key which one (the unit id).
struct LockoutRow {
    std::string scope;
    std::string key;
    int failures = 0;                   // wrong tries counted so far
    std::int64_t locked_until_utc = 0;  // unix seconds; 0 or past: not locked
};

struct OutboxCounts {
    int pending = 0;   // pending + sending: waiting to reach the server
    int failed = 0;    // refused by the server (4xx); shown in admin
    int done = 0;
};

} // namespace kiosk::store
