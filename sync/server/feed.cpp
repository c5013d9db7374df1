// The pull feed table: publish, tombstone, load, read pages.
#include "feed.hpp"

#include "protocol/decode.hpp"

namespace lobby::server {
FeedWriter::FeedWriter(Database& db)
    : m_seq(db, "UPDATE seq_counter SET value = value + 1 WHERE id = 1 RETURNING value"),
      m_upsert(db, R"sql(
INSERT INTO feed (collection, key, seq, deleted, data, audience, refresh_at) VALUES (?, ?, ?, 0, ?, ?, ?)
ON CONFLICT (collection, key) DO UPDATE SET seq = excluded.seq, deleted = 0, data = excluded.data,
  audience = excluded.audience, refresh_at = excluded.refresh_at)sql"),
      m_tombstone(db, R"sql(
INSERT INTO feed (collection, key, seq, deleted, data, audience, refresh_at) VALUES (?, ?, ?, 1, NULL, NULL, NULL)
ON CONFLICT (collection, key) DO UPDATE SET seq = excluded.seq, deleted = 1, data = NULL, refresh_at = NULL)sql") {}

std::int64_t FeedWriter::next_seq() {
    m_seq.step();
    const std::int64_t seq = m_seq.int64(0);
    m_seq.reset();
    return seq;
}

void FeedWriter::publish(std::string_view collection, std::string_view key, const nlohmann::json& data,
                         const PublishOptions& options) {
    const std::int64_t seq = next_seq();
    m_upsert.bind(1, collection).bind(2, key).bind(3, seq).bind(4, protocol::dump_json(data));
    m_upsert.bind(5, options.audience).bind(6, options.refresh_at);
    m_upsert.run();
}

void FeedWriter::tombstone(std::string_view collection, std::string_view key) {
    const std::int64_t seq = next_seq();
    m_tombstone.bind(1, collection).bind(2, key).bind(3, seq);
    m_tombstone.run();
}

void publish(Database& db, std::string_view collection, std::string_view key, const nlohmann::json& data,
             const PublishOptions& options) {
    FeedWriter(db).publish(collection, key, data, options);
}

void publish_tombstone(Database& db, std::string_view collection, std::string_view key) {
    FeedWriter(db).tombstone(collection, key);
}

std::optional<nlohmann::json> load_record(Database& db, std::string_view collection, std::string_view key) {
    Statement st(db, "SELECT data FROM feed WHERE collection = ? AND key = ? AND deleted = 0");
    st.bind(1, collection).bind(2, key);
    if (!st.step()) return std::nullopt;
    return nlohmann::json::parse(st.text(0));
}

std::vector<FeedKey> due_refreshes(Database& db, protocol::UtcSeconds now) {
    Statement st(db, "SELECT collection, key FROM feed WHERE refresh_at IS NOT NULL AND deleted = 0 AND refresh_at <= ?");
    st.bind(1, now);
    std::vector<FeedKey> out;
    while (st.step()) out.push_back(FeedKey{st.text(0), st.text(1)});
    return out;
}

protocol::ChangesPage read_changes(Database& db, const FeedQuery& query) {
    const std::int64_t since = query.since;
    const std::int64_t limit = query.limit;
    // ",notices,surveys," keeps the SQL static and parameterized.
    std::string wanted;
    for (const auto& c : query.collections) wanted += "," + c;
    if (!wanted.empty()) wanted += ",";
    // One snapshot for the rows and the counter: every seq <= counter is
    // committed and visible, so next_since never skips a record.
    Transaction snapshot(db, TxMode::Deferred);
    protocol::ChangesPage page;
    Statement rows(db, R"sql(
SELECT seq, collection, key, deleted, data FROM feed
WHERE seq > ? AND (audience IS NULL OR audience = ?) AND (?3 = '' OR instr(?3, ',' || collection || ',') > 0)
ORDER BY seq LIMIT ?4)sql");
    rows.bind(1, since).bind(2, query.kiosk_id).bind(3, wanted).bind(4, limit + 1);
    while (rows.step()) {
        if (static_cast<std::int64_t>(page.changes.size()) == limit) {
            page.has_more = true;
            break;
        }
        protocol::Change c;
        c.seq = rows.int64(0);
        c.collection = rows.text(1);
        c.key = rows.text(2);
        c.deleted = rows.int64(3) != 0;
        if (!c.deleted) c.data = nlohmann::json::parse(rows.text(4));
        page.changes.push_back(std::move(c));
    }
    if (page.has_more) {
        page.next_since = page.changes.back().seq;
    } else {
        Statement counter(db, "SELECT value FROM seq_counter WHERE id = 1");
        counter.step();
        page.next_since = std::max(since, counter.int64(0));
    }
    snapshot.commit();
    return page;
}

} // namespace lobby::server
