// RAII transaction with rollback-by-default and a version bump on effective commits.
#include "store/transaction.hpp"

#include <sqlite3.h>

#include <utility>

namespace kiosk::store {

Result<Transaction> Transaction::begin(Connection& connection, std::atomic<std::uint64_t>* version, TxMode mode,
                                       std::mutex* write_gate)
{
    std::unique_lock<std::mutex> gate;
    if (write_gate)
        gate = std::unique_lock<std::mutex>(*write_gate);
    auto begun = connection.exec(mode == TxMode::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    if (!begun)
        return begun.error();
    return Transaction(connection, version, std::move(gate));
}

Transaction::Transaction(Connection& connection, std::atomic<std::uint64_t>* version,
                         std::unique_lock<std::mutex> gate)
    : m_connection(&connection), m_gate(std::move(gate)), m_version(version),
      m_changes_at_begin(connection.total_changes())
{
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr)), m_gate(std::move(other.m_gate)),
      m_version(other.m_version), m_changes_at_begin(other.m_changes_at_begin)
{
}

void Transaction::finish() noexcept
{
    m_connection = nullptr;
    if (m_gate.owns_lock())
        m_gate.unlock();
}

Transaction::~Transaction() { rollback(); }

Status Transaction::commit()
{
    if (!m_connection)
        return StoreError{StoreErrc::internal, 0, "commit on a finished transaction"};
    Connection* connection = m_connection;
    auto committed = connection->exec("COMMIT");
    if (!committed) {
        // A failed COMMIT (e.g. SQLITE_FULL while writing the WAL) may leave the
        // transaction open; roll it back so the connection is usable again.
        if (!sqlite3_get_autocommit(connection->handle()))
            (void)connection->exec("ROLLBACK");
        finish();
        return committed.error();
    }
    finish();
    // Only commits that changed rows bump the version, so the UI does not
    // rebuild view models after a worker pass that found nothing new.
    if (m_version && connection->total_changes() != m_changes_at_begin)
        m_version->fetch_add(1, std::memory_order_release);
    return Done{};
}

void Transaction::rollback() noexcept
{
    if (!m_connection)
        return;
    // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL).
    if (!sqlite3_get_autocommit(m_connection->handle()))
        (void)m_connection->exec("ROLLBACK");
    finish();
}

} // namespace kiosk::store
