// The one place that changes AppState: applies screen requests and the
// passage of time (idle timeout), one direction of flow.
#pragma once

#include "core/app_state.hpp"
#include "core/config.hpp"
#include "core/fee_guard.hpp"
#include "core/idle_timer.hpp"
#include "core/live_calls.hpp"
#include "core/pin_guard.hpp"
#include "core/requests.hpp"

#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

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

    // Network calls asked for since the last take (the app layer runs them
    // off the UI thread) and their answers, applied like requests.
    std::vector<LiveCall> take_live_calls() { return std::exchange(m_live_calls, {}); }
    void apply_event(const LiveEvent& event, std::int64_t now_ms);

    // Hidden admin gesture: this many corner taps within the window.
    static constexpr int corner_taps_needed = 5;
    static constexpr std::int64_t corner_tap_window_ms = 4000;
    // No-touch time allowed while a payment QR code is shown.
    static constexpr int paying_idle_timeout_s = 180;

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

    // [SECTION] Fees (controller_fees.cpp)
    void handle(const RequestFeesBuilding& r, std::int64_t now_ms);
    void handle(const RequestFeesEntrance& r, std::int64_t now_ms);
    void handle(const RequestFeesRoom& r, std::int64_t now_ms);
    void handle(const RequestFeesKey& r, std::int64_t now_ms);
    void handle(const RequestFeesSubmit& r, std::int64_t now_ms);
    void handle(const RequestFeesExplain& r, std::int64_t now_ms);
    void handle(const RequestFeesChoose& r, std::int64_t now_ms);
    void handle(const RequestFeesToggleBill& r, std::int64_t now_ms);
    void handle(const RequestFeesChooseAll& r, std::int64_t now_ms);
    void handle(const RequestFeesPay& r, std::int64_t now_ms);
    void handle(const RequestFeesRestart& r, std::int64_t now_ms);
    void on_event(const EventFeesLookupDone& e, std::int64_t now_ms);
    void on_event(const EventOrderDone& e, std::int64_t now_ms);
    bool fees_step_back();  // Back inside the fees flow; false at its first step
    void fees_tick(std::int64_t now_ms);
    std::uint64_t call(LiveCall call);  // queues it with a fresh id
    void lookup_again(FeesSession& fees);

    const KioskConfig& m_config;
    AppState m_state;
    IdleTimer m_idle;
    PinGuard m_pin_guard;
    std::deque<std::int64_t> m_corner_taps_ms;
    FeeGuard m_fee_guard;
    std::vector<LiveCall> m_live_calls;
    std::uint64_t m_next_call_id = 1;
};

} // namespace kiosk
