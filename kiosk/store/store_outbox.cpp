// The outbox: durable submissions, their states, and the wipe of personal data once answered.
#include "store/privacy.hpp"
#include "store/store.hpp"
#include "store/store_shared.hpp"
#include "store/transaction.hpp"
#include "protocol/uuid.hpp"

#include <sqlite3.h>

#include <ctime>

namespace kiosk::store {
namespace {

constexpr const char* k_item_columns = R"sql(
    SELECT id, kind, method, path, body, idempotency_key, created_at, state, attempts,
           next_attempt_at_ms, last_error, http_status, server_response FROM outbox )sql";

OutboxState parse_state(const std::string& text)
{
    if (text == "sending")
        return OutboxState::sending;
    if (text == "done")
        return OutboxState::done;
    if (text == "failed")
        return OutboxState::failed;
    return OutboxState::pending;
}

OutboxItem read_item(const Statement& row)
{
    OutboxItem item;
    item.id = row.column_int(0);
    item.kind = row.column_text(1);
    item.method = row.column_text(2);
    item.path = row.column_text(3);
    item.body = row.column_optional_text(4);
    item.idempotency_key = row.column_text(5);
    item.created_at = row.column_int(6);
    item.state = parse_state(row.column_text(7));
    item.attempts = static_cast<int>(row.column_int(8));
    item.next_attempt_at_ms = row.column_int(9);
    item.last_error = row.column_optional_text(10);
    item.http_status = row.column_optional_int(11);
    item.server_response = row.column_optional_text(12);
    return item;
}

Result<std::vector<OutboxItem>> collect_items(Connection& connection, Statement& query)
{
    return collect_rows<OutboxItem>(connection, query,
                                    [](const Statement& row) { return Result<OutboxItem>(read_item(row)); });
}

// One UPDATE in its own transaction; not_found when the id does not exist.
Status update_one(Connection& connection, Store::Shared& shared, Statement& update)
{
    auto changed = write_counted(connection, shared, update);
    if (!changed)
        return changed.error();
    if (*changed == 0)
        return StoreError{StoreErrc::not_found, 0, "no such outbox item"};
    return Done{};
}

} // namespace

const char* to_string(OutboxState state) noexcept
{
    switch (state) {
    case OutboxState::pending: return "pending";
    case OutboxState::sending: return "sending";
    case OutboxState::done: return "done";
    case OutboxState::failed: return "failed";
    }
    return "pending";
}

Result<OutboxId> Store::enqueue(std::string_view kind, std::string_view path, const nlohmann::json& body,
                                std::string_view method)
{
    if (!body.is_object() || kind.empty() || path.empty() || path.front() != '/')
        return StoreError{StoreErrc::bad_input, 0, "outbox item needs a kind, an absolute path and a JSON object"};
    auto tx = begin_write(m_connection, *m_shared);
    if (!tx)
        return tx.error();
    Statement insert(m_connection, R"sql(
        INSERT INTO outbox(kind, method, path, body, idempotency_key, created_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql");
    insert.bind(1, kind).bind(2, method).bind(3, path).bind(4, body.dump()).bind(5, lobby::protocol::make_uuid_v4());
    insert.bind(6, static_cast<std::int64_t>(std::time(nullptr)));
    if (auto inserted = insert.run(); !inserted)
        return inserted.error();
    const OutboxId id = sqlite3_last_insert_rowid(m_connection.handle());
    if (auto committed = tx->commit(); !committed)
        return committed.error();
    return id;
}

Result<std::optional<OutboxItem>> Store::outbox_head()
{
    Statement query(m_connection, (std::string(k_item_columns)
                                   + "WHERE state IN ('pending', 'sending') ORDER BY id LIMIT 1").c_str());
    return first_row(collect_items(m_connection, query));
}

Result<std::optional<OutboxItem>> Store::outbox_item(OutboxId id)
{
    Statement query(m_connection, (std::string(k_item_columns) + "WHERE id = ?1").c_str());
    query.bind(1, id);
    return first_row(collect_items(m_connection, query));
}

Status Store::mark_sending(OutboxId id)
{
    Statement update(m_connection, R"sql(
        UPDATE outbox SET state = 'sending', attempts = attempts + 1
        WHERE id = ?1 AND state IN ('pending', 'sending'))sql");
    update.bind(1, id);
    return update_one(m_connection, *m_shared, update);
}

Status Store::mark_done(OutboxId id, int http_status, std::string_view response_body)
{
    // Keep the server's reference (ticket id, pass code) but nothing that
    // identifies the person who submitted.
    std::optional<std::string> kept;
    auto response = nlohmann::json::parse(response_body, nullptr, false);
    if (!response.is_discarded())
        kept = drop_personal(std::move(response)).dump();
    return finish_item(id, OutboxState::done, http_status, std::nullopt, std::move(kept));
}

Status Store::mark_failed(OutboxId id, int http_status, std::string_view message)
{
    return finish_item(id, OutboxState::failed, http_status, std::string(message), std::nullopt);
}

Status Store::finish_item(OutboxId id, OutboxState state, int http_status, std::optional<std::string> error,
                          std::optional<std::string> response)
{
    // The body holds the personal data (names, phones, descriptions); once the
    // server has answered for good it has no use on the kiosk.
    Statement update(m_connection, R"sql(
        UPDATE outbox SET state = ?2, http_status = ?3, last_error = ?4, server_response = ?5,
                          body = NULL, finished_at = ?6
        WHERE id = ?1 AND state IN ('pending', 'sending'))sql");
    update.bind(1, id).bind(2, to_string(state)).bind(3, static_cast<std::int64_t>(http_status));
    update.bind(4, error).bind(5, response).bind(6, static_cast<std::int64_t>(std::time(nullptr)));
    return update_one(m_connection, *m_shared, update);
}

Status Store::schedule_retry(OutboxId id, std::int64_t next_attempt_at_ms, std::string_view error)
{
    Statement update(m_connection, R"sql(
        UPDATE outbox SET state = 'pending', next_attempt_at_ms = ?2, last_error = ?3
        WHERE id = ?1 AND state IN ('pending', 'sending'))sql");
    update.bind(1, id).bind(2, next_attempt_at_ms).bind(3, error);
    return update_one(m_connection, *m_shared, update);
}

Result<int> Store::recover_interrupted()
{
    Statement update(m_connection, "UPDATE outbox SET state = 'pending' WHERE state = 'sending'");
    return write_counted(m_connection, *m_shared, update);
}

Result<int> Store::prune_finished(std::int64_t finished_before_utc)
{
    Statement prune(m_connection, "DELETE FROM outbox WHERE state IN ('done', 'failed') AND finished_at < ?1");
    prune.bind(1, finished_before_utc);
    return write_counted(m_connection, *m_shared, prune);
}

Result<OutboxCounts> Store::outbox_counts()
{
    Statement query(m_connection, R"sql(
        SELECT coalesce(sum(state IN ('pending', 'sending')), 0), coalesce(sum(state = 'failed'), 0),
               coalesce(sum(state = 'done'), 0) FROM outbox)sql");
    const int rc = query.step();
    if (rc != SQLITE_ROW)
        return m_connection.last_error(rc);
    OutboxCounts counts;
    counts.pending = static_cast<int>(query.column_int(0));
    counts.failed = static_cast<int>(query.column_int(1));
    counts.done = static_cast<int>(query.column_int(2));
    return counts;
}

Result<std::vector<OutboxItem>> Store::outbox_items(int limit)
{
    Statement query(m_connection, (std::string(k_item_columns) + "ORDER BY id DESC LIMIT ?1").c_str());
    query.bind(1, limit);
    return collect_items(m_connection, query);
}

} // namespace kiosk::store
