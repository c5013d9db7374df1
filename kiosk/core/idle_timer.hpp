// Decides when a person has walked away: "still there?" then clear everything.
#pragma once

#include <cstdint>

namespace kiosk {

class IdleTimer {
public:
    enum class Phase { Active, Asking, Expired };

    void touch(std::int64_t now_ms) { m_last_touch_ms = now_ms; }
    std::int64_t last_touch_ms() const { return m_last_touch_ms; }

    // timeout_ms: silence before asking; countdown_ms: how long the question stays.
    Phase phase(std::int64_t now_ms, std::int64_t timeout_ms, std::int64_t countdown_ms) const;

    // Whole seconds left on the countdown (for the dialog), 0 when not asking.
    int seconds_left(std::int64_t now_ms, std::int64_t timeout_ms, std::int64_t countdown_ms) const;

    // When the UI must wake next to show a change (phase switch or countdown
    // second); lets the loop sleep instead of polling.
    std::int64_t next_change_ms(std::int64_t now_ms, std::int64_t timeout_ms, std::int64_t countdown_ms) const;

private:
    std::int64_t m_last_touch_ms = 0;
};

} // namespace kiosk
