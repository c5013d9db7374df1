// State shared by every connection a Store opened to the same file (internal to kiosk_store).
#pragma once

#include "store/store.hpp"
#include "store/transaction.hpp"

#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::store {

struct Store::Shared {
    StoreOptions options;
    std::atomic<std::uint64_t> version{1};   // starts at 1 so a UI holding 0 builds once
    std::mutex write_gate;                   // writers of this process queue here (see Transaction::begin)
};

// Every write of the store: immediate, gated, bumping the version.
inline Result<Transaction> begin_write(Connection& connection, Store::Shared& shared)
{
    return Transaction::begin(connection, &shared.version, TxMode::immediate, &shared.write_gate);
}

// Runs one writing statement in its own transaction; returns the rows it changed.
inline Result<int> write_counted(Connection& connection, Store::Shared& shared, Statement& statement)
{
    auto tx = begin_write(connection, shared);
    if (!tx)
        return tx.error();
    if (auto ran = statement.run(); !ran)
        return ran.error();
    const int changed = sqlite3_changes(connection.handle());
    if (auto committed = tx->commit(); !committed)
        return committed.error();
    return changed;
}

// Steps a query to the end, turning each row into a T with read_row (which
// returns Result<T>, so a row the store cannot read is an error, not a gap).
template <class T, class ReadRow>
Result<std::vector<T>> collect_rows(Connection& connection, Statement& query, ReadRow read_row)
{
    std::vector<T> rows;
    int rc = SQLITE_ROW;
    while ((rc = query.step()) == SQLITE_ROW) {
        Result<T> row = read_row(query);
        if (!row)
            return row.error();
        rows.push_back(std::move(row.value()));
    }
    if (rc != SQLITE_DONE)
        return connection.last_error(rc);
    return rows;
}

template <class T>
Result<std::optional<T>> first_row(Result<std::vector<T>> rows)
{
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<T>{};
    return std::optional<T>{std::move(rows->front())};
}

} // namespace kiosk::store
