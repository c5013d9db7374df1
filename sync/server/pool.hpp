// Connection pool: one SQLite connection per concurrent request, and an
// in-process write lock so writers queue on a mutex instead of busy-waiting.
#pragma once

#include "db.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace lobby::server {

class Pool {
public:
    // No cipher: each connection loads the key file beside the database.
    explicit Pool(std::string path, std::shared_ptr<const FieldCipher> cipher = nullptr, std::string estate = "home");
    // One estate of a PostgreSQL office: the connections of `shared`, each
    // lease bound to `schema` (Database::bind_estate), so hundreds of estates
    // share one set of connections; its own write mutex.
    Pool(Pool& shared, std::string estate, std::string schema);

    // A borrowed connection, returned to the pool when the lease ends.
    class Lease {
    public:
        Lease(Pool& pool, std::unique_ptr<Database> db) : m_pool(&pool), m_db(std::move(db)) {}
        Lease(Lease&&) = default;
        ~Lease();
        Database& db() { return *m_db; }

    private:
        Pool* m_pool;
        std::unique_ptr<Database> m_db;
    };

    Lease acquire();
    std::mutex& write_mutex() { return m_write_mutex; }
    const std::string& path() const { return m_path; }
    const std::string& estate() const { return m_estate; }

private:
    Lease take();  // a free connection or a new one, not yet bound to an estate

    Pool* m_source = nullptr;  // the shared pool whose connections this estate borrows
    std::string m_estate;
    std::string m_schema;
    std::string m_path;
    std::shared_ptr<const FieldCipher> m_cipher;
    std::mutex m_mutex;  // guards m_free
    std::vector<std::unique_ptr<Database>> m_free;
    std::mutex m_write_mutex;
};

// Holds the pool's write lock and one IMMEDIATE transaction.
class WriteTransaction {
public:
    WriteTransaction(Pool& pool, Database& db) : m_lock(pool.write_mutex()), m_tx(db) {}
    void commit() { m_tx.commit(); }

private:
    std::unique_lock<std::mutex> m_lock;
    Transaction m_tx;
};

} // namespace lobby::server
