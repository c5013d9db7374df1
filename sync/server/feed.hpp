// The pull feed: publishing record versions with a fresh server sequence
// number, tombstones, time-driven refreshes, and reading pages for a kiosk.
#pragma once

#include "db.hpp"
#include "protocol/changes.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lobby::server {

// What happens to a feed row when its refresh_at time passes.
//   notices: become tombstones (expired);
//   bills: re-published so `late` flips once the due date has passed.
struct PublishOptions {
    std::optional<std::string> audience;           // only this kiosk sees the row
    std::optional<protocol::UtcSeconds> refresh_at;
};

// Publishes many rows with prepared statements kept across calls (the demo
// seed writes tens of thousands). Use inside a write transaction.
class FeedWriter {
public:
    explicit FeedWriter(Database& db);
    void publish(std::string_view collection, std::string_view key, const nlohmann::json& data,
                 const PublishOptions& options = {});
    void tombstone(std::string_view collection, std::string_view key);

private:
    std::optional<Statement> m_seq;  // SQLite: moves seq_counter
    Statement m_upsert;
    Statement m_tombstone;
};

// One-off versions of the above; must run inside a write transaction.
void publish(Database& db, std::string_view collection, std::string_view key, const nlohmann::json& data,
             const PublishOptions& options = {});
void publish_tombstone(Database& db, std::string_view collection, std::string_view key);

// The live record of a collection, or nullopt if absent or deleted.
std::optional<nlohmann::json> load_record(Database& db, std::string_view collection, std::string_view key);

struct FeedKey {
    std::string collection;
    std::string key;
};
// Live rows whose refresh_at has passed (see refresh.hpp for what is done).
std::vector<FeedKey> due_refreshes(Database& db, protocol::UtcSeconds now);

struct FeedQuery {
    std::int64_t since = 0;
    std::int64_t limit = protocol::changes_default_limit;
    std::string kiosk_id;                  // rows with another audience are skipped
    std::vector<std::string> collections;  // empty: all collections
};

// One page in a consistent snapshot.
protocol::ChangesPage read_changes(Database& db, const FeedQuery& query);

} // namespace lobby::server
