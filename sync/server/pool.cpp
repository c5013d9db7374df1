// Connection pool.
#include "pool.hpp"

namespace lobby::server {

Pool::Pool(std::string path, std::shared_ptr<const FieldCipher> cipher)
    : m_path(std::move(path)), m_cipher(std::move(cipher)) {}

Pool::Lease::~Lease() {
    if (!m_db || !m_db->reusable()) return;  // a lost session closes here
    std::lock_guard<std::mutex> lock(m_pool->m_mutex);
    m_pool->m_free.push_back(std::move(m_db));
}

Pool::Lease Pool::acquire() {
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
