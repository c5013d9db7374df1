// The pull feed table: publish, tombstone, load, read pages.
#include "feed.hpp"

#include "protocol/decode.hpp"

namespace lobby::server {
namespace {

// Where a new seq comes from. SQLite: the seq_counter row, moved first by
// its own statement. PostgreSQL: the feed_seq sequence (one row updated
// 40,000 times in one transaction, as the demo seed would, slows down with
// every update). Writers run one at a time on both (SQLite's write lock; the
// advisory lock of Transaction on PostgreSQL), so seqs are handed out in
// commit order; a rolled-back write leaves a gap in the sequence, which
// readers never wait for (see read_changes).
std::string upsert_sql(const Database& db, const char* values, const char* on_conflict) {
    const char* seq = db.is_postgres() ? "nextval('feed_seq')" : "(SELECT value FROM seq_counter WHERE id = 1)";
    return std::string("INSERT INTO feed (collection, key, seq, deleted, data, audience, refresh_at) VALUES (?, ?, ") +
           seq + values + " ON CONFLICT (collection, key) DO UPDATE SET " + on_conflict;
}

} // namespace

// Statements that return nothing, so on PostgreSQL a series of publishes is
// sent without waiting for answers (PgConnection::run_queued).
FeedWriter::FeedWriter(Database& db)
    : m_upsert(db, upsert_sql(db, ", 0, ?, ?, ?)", "seq = excluded.seq, deleted = 0, data = excluded.data, "
                                                   "audience = excluded.audience, refresh_at = excluded.refresh_at").c_str()),
      m_tombstone(db, upsert_sql(db, ", 1, NULL, NULL, NULL)",
                                 "seq = excluded.seq, deleted = 1, data = NULL, refresh_at = NULL").c_str()) {
    if (!db.is_postgres()) m_seq.emplace(db, "UPDATE seq_counter SET value = value + 1 WHERE id = 1");
}

void FeedWriter::publish(std::string_view collection, std::string_view key, const nlohmann::json& data,
                         const PublishOptions& options) {
    if (m_seq) m_seq->run();
    m_upsert.bind(1, collection).bind(2, key).bind(3, protocol::dump_json(data));
    m_upsert.bind(4, options.audience).bind(5, options.refresh_at);
    m_upsert.run();
}

void FeedWriter::tombstone(std::string_view collection, std::string_view key) {
    if (m_seq) m_seq->run();
    m_tombstone.bind(1, collection).bind(2, key);
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
    // committed and visible, so next_since never skips a record. On
    // PostgreSQL the "counter" is the largest seq in this snapshot, never the
    // sequence itself: nextval() is not transactional, so the sequence may
    // already count a write that has not committed, and a reader moved past
    // it would never see that record.
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
        Statement counter(db, db.is_postgres() ? "SELECT COALESCE(MAX(seq), 0) FROM feed"
                                               : "SELECT value FROM seq_counter WHERE id = 1");
        counter.step();
        page.next_since = std::max(since, counter.int64(0));
    }
    snapshot.commit();
    return page;
}

} // namespace lobby::server
