// HouseholdGuard: a session's waits, the unit's count and lock, reset on success.
#include "household/core/household_guard.hpp"

#include <algorithm>

namespace kiosk::household {
namespace {

std::string count_key(const std::string& unit_id)
{
    return "tries:" + unit_id;
}

} // namespace

std::int64_t HouseholdGuard::locked_until(const std::string& unit_id, std::int64_t now_utc) const
{
    const UnitLock lock = m_book->load(unit_id);
    return lock.locked_until_utc > now_utc ? lock.locked_until_utc : 0;
}

AfterWrongTry HouseholdGuard::failure(SessionTries& session, const std::string& unit_id, std::int64_t now_utc)
{
    AfterWrongTry after;
    UnitLock count = m_book->load(count_key(unit_id));
    if (count.locked_until_utc <= now_utc)
        count = UnitLock{0, now_utc + m_rules.window_s};  // the window ran out: a fresh count
    if (++count.failures >= m_rules.unit_failures) {
        m_book->clear(count_key(unit_id));
        after.locked_until_utc = now_utc + m_rules.lock_s;
        m_book->save(unit_id, UnitLock{0, after.locked_until_utc});
        session = SessionTries{};
        return after;
    }
    m_book->save(count_key(unit_id), count);

    ++session.failures;
    const int over = session.failures - m_rules.free_tries;
    after.free_left = std::max(0, -over);
    if (over >= 0) {
        // Doubling, at most the window: one session alone never gets the
        // unit's count of wrong tries into one window.
        const std::int64_t wait = std::min(m_rules.delay_s << std::min(over, 20), std::max(m_rules.delay_s, m_rules.window_s));
        session.retry_at_utc = now_utc + wait;
        after.retry_at_utc = session.retry_at_utc;
    }
    return after;
}

void HouseholdGuard::server_locked(const std::string& unit_id, std::int64_t until_utc)
{
    if (until_utc > m_book->load(unit_id).locked_until_utc)
        m_book->save(unit_id, UnitLock{0, until_utc});
}

void HouseholdGuard::success(SessionTries& session, const std::string& unit_id)
{
    session = SessionTries{};
    m_book->clear(count_key(unit_id));
    m_book->clear(unit_id);
}

} // namespace kiosk::household
