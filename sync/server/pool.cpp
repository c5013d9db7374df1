// Connection pool with a bound: waits for a free connection, never opens more.
#include "pool.hpp"

#include <algorithm>
#include <stdexcept>

namespace lobby::server {
namespace {

// The pools whose connections this thread holds leases of (one entry per
// lease): what acquire() checks, so a nested acquire fails at once in every
// test instead of deadlocking only under load.
thread_local std::vector<const Pool*> held_pools;

bool held(const Pool* pool) { return std::find(held_pools.begin(), held_pools.end(), pool) != held_pools.end(); }

} // namespace

Pool::Pool(std::string path, std::shared_ptr<const FieldCipher> cipher, PoolLimits limits, std::string estate)
    : m_estate(std::move(estate)), m_path(std::move(path)), m_cipher(std::move(cipher)), m_limits(limits) {
    if (m_limits.size < 1) m_limits.size = 1;
}

Pool::Pool(Pool& shared, std::string estate, std::string schema)
    : m_source(&shared), m_estate(std::move(estate)), m_schema(std::move(schema)), m_path(shared.m_path),
      m_limits(shared.m_limits) {}

Pool::Lease::Lease(Pool& pool, std::unique_ptr<Database> db) : m_pool(&pool), m_db(std::move(db)) {
    held_pools.push_back(m_pool);
}

Pool::Lease::~Lease() {
    if (!m_db) return;  // moved from
    held_pools.erase(std::find(held_pools.begin(), held_pools.end(), m_pool));
    m_pool->give_back(std::move(m_db));
}

bool Pool::held_by_this_thread() const { return held(m_source ? m_source : this); }

void Pool::give_back(std::unique_ptr<Database> db) {
    const bool keep = db->reusable();
    std::unique_ptr<Database> lost;  // closed outside the lock
    std::vector<std::unique_ptr<Database>> stale;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (keep) {
            m_idle.push_back(std::move(db));
        } else {
            // A lost session (the database restarted, or it was left inside a
            // transaction) closes here. If the database went away, the idle
            // ones went with it: drop them too, so the next requests connect
            // afresh instead of each finding its session dead.
            lost = std::move(db);
            --m_open;
            if (!lost->still_open()) {
                m_open -= static_cast<int>(m_idle.size());
                stale.swap(m_idle);
            }
        }
    }
    m_returned.notify_all();
}

std::unique_ptr<Database> Pool::take_idle_locked() {
    while (!m_idle.empty()) {
        std::unique_ptr<Database> db = std::move(m_idle.back());
        m_idle.pop_back();
        if (db->still_open()) return db;
        --m_open;  // closed by the server while idle
    }
    return nullptr;
}

// Every lease is bound to this pool's estate before anyone sees it: a
// connection last used for another estate never answers for this one.
Pool::Lease Pool::acquire() {
    if (held_by_this_thread())
        throw std::logic_error("a second connection of the database pool of estate '" + m_estate +
                               "' was asked for by a thread that holds one already: it would wait for itself");
    Lease lease = m_source ? m_source->take() : take();
    lease.db().bind_estate(m_estate, m_schema);
    return lease;
}

std::unique_lock<std::mutex> Pool::lock_writes(std::optional<Lease>& lease) {
    std::unique_lock<std::mutex> lock(m_write_mutex, std::try_to_lock);
    if (lock.owns_lock()) return lock;
    lease.reset();
    ++m_writers_waiting;
    lock.lock();
    --m_writers_waiting;
    lease.emplace(acquire());
    return lock;
}

Pool::Lease Pool::take() {
    const auto deadline = std::chrono::steady_clock::now() + m_limits.wait;
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        for (;;) {
            if (auto db = take_idle_locked()) return Lease(*this, std::move(db));
            if (m_open < m_limits.size) break;
            if (m_returned.wait_until(lock, deadline) == std::cv_status::timeout && m_idle.empty() &&
                m_open >= m_limits.size)
                throw DbUnavailable("all " + std::to_string(m_limits.size) + " database connections stayed busy for " +
                                    std::to_string(m_limits.wait.count()) + " ms");
        }
        ++m_open;  // a slot for the connection opened below, outside the lock
    }
    try {
        return Lease(*this, std::make_unique<Database>(m_path, m_cipher));
    } catch (...) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            --m_open;
        }
        m_returned.notify_one();
        throw;
    }
}

} // namespace lobby::server
