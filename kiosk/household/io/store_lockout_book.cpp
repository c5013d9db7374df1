// StoreLockoutBook: the store first, memory when it cannot be used.
#include "household/io/store_lockout_book.hpp"

#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiosk::household {

UnitLock StoreLockoutBook::load(const std::string& unit_id)
{
    UnitLock remembered = m_memory.load(unit_id);
    if (!m_store)
        return remembered;
    auto row = m_store->lockout(scope, unit_id);
    if (!row) {
        spdlog::warn("household: lockout not readable: {}", store::to_string(row.error().code));
        return remembered;
    }
    if (!*row)
        return remembered;
    // The stricter of the two, should a save have failed earlier.
    UnitLock stored{(*row)->failures, (*row)->locked_until_utc};
    return {std::max(stored.failures, remembered.failures),
            std::max(stored.locked_until_utc, remembered.locked_until_utc)};
}

void StoreLockoutBook::save(const std::string& unit_id, const UnitLock& lock)
{
    if (m_store) {
        if (auto saved = m_store->save_lockout(scope, unit_id, lock.failures, lock.locked_until_utc)) {
            m_memory.clear(unit_id);
            return;
        } else {
            spdlog::warn("household: lockout not saved: {}", store::to_string(saved.error().code));
        }
    }
    m_memory.save(unit_id, lock);
}

void StoreLockoutBook::clear(const std::string& unit_id)
{
    m_memory.clear(unit_id);
    if (m_store)
        (void)m_store->clear_lockout(scope, unit_id);
}

} // namespace kiosk::household
