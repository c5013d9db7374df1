// Connection pool: one database connection per concurrent request, at most
// `size` open at once, and an in-process write lock so writers queue on a
// mutex instead of busy-waiting.
#pragma once

#include "db.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace lobby::server {

// --db-pool and --db-pool-wait-seconds: a request that finds every one of
// `size` connections lent out waits up to `wait` for one, then gets 503.
struct PoolLimits {
    int size = 16;  // the server gives --db-pool, or --threads
    std::chrono::milliseconds wait{5000};
};

class Pool {
public:
    // No cipher: each connection loads the key file beside the database.
    explicit Pool(std::string path, std::shared_ptr<const FieldCipher> cipher = nullptr, PoolLimits limits = {},
                  std::string estate = "home");
    // One estate of a PostgreSQL office: the connections of `shared` (and
    // its bound), each lease bound to `schema` (Database::bind_estate), so
    // hundreds of estates share one set of connections; its own write mutex.
    Pool(Pool& shared, std::string estate, std::string schema);

    // A borrowed connection, returned to the pool when the lease ends. A
    // lease stays on the thread that took it (it counts as that thread's).
    class Lease {
    public:
        Lease(Pool& pool, std::unique_ptr<Database> db);
        Lease(Lease&& other) noexcept : m_pool(other.m_pool), m_db(std::move(other.m_db)) {}
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Database& db() { return *m_db; }

    private:
        Pool* m_pool;
        std::unique_ptr<Database> m_db;
    };

    // Throws DbUnavailable when no connection is free within the limit's
    // wait, or a new one cannot be opened (the database is down). Throws
    // std::logic_error when this thread already holds a lease of the same
    // connections (this pool, or on PostgreSQL any estate's: they share the
    // home pool's): a request that waits for a second connection of its own
    // pool waits for itself once the pool is that small. Pass the Database
    // already held down instead, or give it back first.
    Lease acquire();
    // Whether this thread holds a lease of the connections acquire() would lend.
    bool held_by_this_thread() const;
    std::mutex& write_mutex() { return m_write_mutex; }
    // This estate's write lock, never waited for while holding a connection:
    // when it is busy, `lease` is given back for the wait and taken anew
    // (another connection, maybe) once the lock is had. So a burst of writes
    // to one estate queues on its lock, not on connections that other
    // estates need (on PostgreSQL they share one pool). `lease` is this
    // pool's; after the call it holds a connection or the call threw.
    std::unique_lock<std::mutex> lock_writes(std::optional<Lease>& lease);
    // How many requests wait for the write lock without a connection now.
    int writers_waiting() const { return m_writers_waiting.load(); }
    const std::string& path() const { return m_path; }
    const PoolLimits& limits() const { return m_limits; }
    const std::string& estate() const { return m_estate; }

private:
    Lease take();  // a free connection or a new one, not yet bound to an estate
    void give_back(std::unique_ptr<Database> db);
    std::unique_ptr<Database> take_idle_locked();

    Pool* m_source = nullptr;  // the shared pool whose connections this estate borrows
    std::string m_estate;
    std::string m_schema;
    std::string m_path;
    std::shared_ptr<const FieldCipher> m_cipher;
    PoolLimits m_limits;
    std::mutex m_mutex;  // guards m_idle and m_open
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<Database>> m_idle;
    int m_open = 0;  // lent out + idle + being opened
    std::mutex m_write_mutex;
    std::atomic<int> m_writers_waiting{0};
};

// Holds the pool's write lock and one IMMEDIATE transaction.
class WriteTransaction {
public:
    WriteTransaction(Pool& pool, Database& db) : m_lock(pool.write_mutex()), m_tx(db) {}
    // Waits for the lock without holding `lease`'s connection (Pool::lock_writes),
    // then runs on the connection `lease` holds after it.
    WriteTransaction(Pool& pool, std::optional<Pool::Lease>& lease) : m_lock(pool.lock_writes(lease)), m_tx(lease->db()) {}
    void commit() { m_tx.commit(); }

private:
    std::unique_lock<std::mutex> m_lock;
    Transaction m_tx;
};

} // namespace lobby::server
