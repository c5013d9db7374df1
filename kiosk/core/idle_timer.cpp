// Idle timer: pure arithmetic on the time of the last touch.
#include "core/idle_timer.hpp"

namespace kiosk {

IdleTimer::Phase IdleTimer::phase(std::int64_t now_ms, std::int64_t timeout_ms, std::int64_t countdown_ms) const
{
    std::int64_t idle_ms = now_ms - m_last_touch_ms;
    if (idle_ms < timeout_ms)
        return Phase::Active;
    if (idle_ms < timeout_ms + countdown_ms)
        return Phase::Asking;
    return Phase::Expired;
}

int IdleTimer::seconds_left(std::int64_t now_ms, std::int64_t timeout_ms, std::int64_t countdown_ms) const
{
    if (phase(now_ms, timeout_ms, countdown_ms) != Phase::Asking)
        return 0;
    std::int64_t left_ms = m_last_touch_ms + timeout_ms + countdown_ms - now_ms;
    return static_cast<int>((left_ms + 999) / 1000);
}

std::int64_t IdleTimer::next_change_ms(std::int64_t now_ms, std::int64_t timeout_ms, std::int64_t countdown_ms) const
{
    std::int64_t ask_at = m_last_touch_ms + timeout_ms;
    if (now_ms < ask_at)
        return ask_at;
    std::int64_t expire_at = ask_at + countdown_ms;
    if (now_ms >= expire_at)
        return now_ms;
    // Next whole second of the countdown, so the number on screen ticks.
    std::int64_t left_ms = expire_at - now_ms;
    std::int64_t into_second = left_ms % 1000;
    return now_ms + (into_second == 0 ? 1000 : into_second);
}

} // namespace kiosk
