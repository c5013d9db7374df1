// FeeGuard: failures per unit, a lock after too many, reset on success.
#include "features/fees/core/fee_guard.hpp"

namespace kiosk::fees {

std::int64_t FeeGuard::locked_until(const std::string& unit_id, std::int64_t now_utc) const
{
    const UnitLock lock = m_book->load(unit_id);
    return lock.locked_until_utc > now_utc ? lock.locked_until_utc : 0;
}

int FeeGuard::failure(const std::string& unit_id, std::int64_t now_utc)
{
    UnitLock lock = m_book->load(unit_id);
    if (lock.locked_until_utc != 0 && lock.locked_until_utc <= now_utc)
        lock = UnitLock{};  // an old lock that ran out starts a fresh count
    if (++lock.failures >= m_max_failures) {
        m_book->save(unit_id, UnitLock{0, now_utc + m_lockout_s});
        return 0;
    }
    m_book->save(unit_id, lock);
    return m_max_failures - lock.failures;
}

void FeeGuard::success(const std::string& unit_id)
{
    m_book->clear(unit_id);
}

} // namespace kiosk::fees
