// RAII transaction: rolls back unless commit() succeeded; bumps the store version on a commit that wrote.
#pragma once

#include "store/error.hpp"
#include "store/sqlite.hpp"

#include <atomic>
#include <cstdint>
#include <mutex>

namespace kiosk::store {

// Immediate takes the write lock at BEGIN, so a write transaction never fails
// half-way with SQLITE_BUSY when it upgrades from reading; the busy timeout
// applies at BEGIN instead. Deferred is for read-only snapshots.
enum class TxMode { immediate, deferred };

class Transaction {
public:
    // version may be null (migrations run before anyone watches the counter).
    // write_gate, when given, is held from BEGIN to COMMIT/ROLLBACK: the
    // connections of one process queue on it instead of polling SQLite's
    // lock, so the UI waits for at most one worker transaction.
    static Result<Transaction> begin(Connection& connection, std::atomic<std::uint64_t>* version,
                                     TxMode mode = TxMode::immediate, std::mutex* write_gate = nullptr);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    // After a failed commit the transaction is rolled back and finished.
    Status commit();
    void rollback() noexcept;

private:
    Transaction(Connection& connection, std::atomic<std::uint64_t>* version, std::unique_lock<std::mutex> gate);
    void finish() noexcept;
    Connection* m_connection = nullptr;   // null once finished or moved from
    std::unique_lock<std::mutex> m_gate;
    std::atomic<std::uint64_t>* m_version = nullptr;
    std::int64_t m_changes_at_begin = 0;
};

} // namespace kiosk::store
