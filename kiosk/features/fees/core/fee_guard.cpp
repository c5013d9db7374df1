// FeeGuard: failures per unit, a lock after too many, reset on success.
#include "features/fees/core/fee_guard.hpp"

namespace kiosk::fees {

bool FeeGuard::locked(const std::string& unit_id, std::int64_t now_ms) const
{
    auto it = m_units.find(unit_id);
    return it != m_units.end() && now_ms < it->second.locked_until_ms;
}

std::int64_t FeeGuard::locked_until_ms(const std::string& unit_id) const
{
    auto it = m_units.find(unit_id);
    return it == m_units.end() ? 0 : it->second.locked_until_ms;
}

int FeeGuard::failure(const std::string& unit_id, std::int64_t now_ms)
{
    Entry& entry = m_units[unit_id];
    if (++entry.failures >= m_max_failures) {
        entry.failures = 0;
        entry.locked_until_ms = now_ms + m_lockout_ms;
        return 0;
    }
    return m_max_failures - entry.failures;
}

void FeeGuard::success(const std::string& unit_id)
{
    m_units.erase(unit_id);
}

} // namespace kiosk::fees
