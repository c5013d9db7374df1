// Connection pool.
#include "pool.hpp"

namespace lobby::server {

Pool::Pool(std::string path, std::shared_ptr<const FieldCipher> cipher, std::string estate)
    : m_estate(std::move(estate)), m_path(std::move(path)), m_cipher(std::move(cipher)) {}

Pool::Pool(Pool& shared, std::string estate, std::string schema)
    : m_source(&shared), m_estate(std::move(estate)), m_schema(std::move(schema)), m_path(shared.m_path) {}

Pool::Lease::~Lease() {
    if (!m_db || !m_db->reusable()) return;  // a lost session closes here
    std::lock_guard<std::mutex> lock(m_pool->m_mutex);
    m_pool->m_free.push_back(std::move(m_db));
}

// Every lease is bound to this pool's estate before anyone sees it: a
// connection last used for another estate never answers for this one.
Pool::Lease Pool::acquire() {
    Lease lease = m_source ? m_source->take() : take();
    lease.db().bind_estate(m_estate, m_schema);
    return lease;
}

Pool::Lease Pool::take() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_free.empty()) {
            std::unique_ptr<Database> db = std::move(m_free.back());
            m_free.pop_back();
            return Lease(*this, std::move(db));
        }
    }
    return Lease(*this, std::make_unique<Database>(m_path, m_cipher));
}

} // namespace lobby::server
