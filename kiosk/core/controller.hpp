// The one place that changes AppState: applies screen requests and the
// passage of time (idle timeout), one direction of flow.
#pragma once

#include "core/app_state.hpp"
#include "core/config.hpp"
#include "core/idle_timer.hpp"
#include "core/pin_guard.hpp"
#include "core/requests.hpp"

#include <cstdint>
#include <deque>

namespace kiosk {

class Controller {
public:
    explicit Controller(const KioskConfig& config);

    const AppState& state() const { return m_state; }

    void apply(const Request& request, std::int64_t now_ms);
    void on_touch(std::int64_t now_ms);  // any touch keeps the session alive

    // Advances time: opens the "still there?" dialog, ends the session.
    void tick(std::int64_t now_ms);

    // When tick() must run next for something to change on screen; the main
    // loop sleeps until then (or until input).
    std::int64_t next_tick_ms(std::int64_t now_ms) const;

    int idle_seconds_left(std::int64_t now_ms) const;

    // Hidden admin gesture: this many corner taps within the window.
    static constexpr int corner_taps_needed = 5;
    static constexpr std::int64_t corner_tap_window_ms = 4000;

private:
    bool session_in_use() const;
    std::int64_t idle_timeout_ms() const;
    std::int64_t countdown_ms() const;
    void reset_session();
    void changed() { ++m_state.version; }

    void handle(const RequestOpenScreen& r, std::int64_t now_ms);
    void handle(const RequestBack& r, std::int64_t now_ms);
    void handle(const RequestHome& r, std::int64_t now_ms);
    void handle(const RequestSetLanguage& r, std::int64_t now_ms);
    void handle(const RequestCycleTextScale& r, std::int64_t now_ms);
    void handle(const RequestToggleElderly& r, std::int64_t now_ms);
    void handle(const RequestStillHere& r, std::int64_t now_ms);
    void handle(const RequestCornerTap& r, std::int64_t now_ms);
    void handle(const RequestPinKey& r, std::int64_t now_ms);
    void handle(const RequestPinSubmit& r, std::int64_t now_ms);
    void handle(const RequestPinCancel& r, std::int64_t now_ms);
    void handle(const RequestExit& r, std::int64_t now_ms);

    const KioskConfig& m_config;
    AppState m_state;
    IdleTimer m_idle;
    PinGuard m_pin_guard;
    std::deque<std::int64_t> m_corner_taps_ms;
};

} // namespace kiosk
