// The one place that changes AppState: applies screen requests, answers to
// online calls and the passage of time (idle timeout), one direction of flow.
// Features plug in through their FeatureCore; the controller owns the shell
// rules (screens, language, text size, idle session, admin PIN).
#pragma once

#include "core/app_state.hpp"
#include "core/config.hpp"
#include "core/feature.hpp"
#include "core/idle_timer.hpp"
#include "core/pin_guard.hpp"
#include "core/requests.hpp"

#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

namespace kiosk {

class Controller {
public:
    Controller(const KioskConfig& config, std::vector<FeatureCore> features, Effects& effects);

    const AppState& state() const { return m_state; }
    // The wall clock features see (UTC seconds); the app passes its own so
    // a script moving time moves both clocks.
    void set_utc_clock(std::function<std::int64_t()> now_utc_s) { m_now_utc_s = std::move(now_utc_s); }
    const std::vector<FeatureCore>& features() const { return m_features; }
    // The state of one feature in the person's session (nullptr if unknown).
    const std::any* feature_state(const FeatureId& id) const;

    void apply(const Request& request, std::int64_t now_ms);
    void apply_answer(const CallAnswer& answer, std::int64_t now_ms);
    void on_touch(std::int64_t now_ms);
    // The config (remote settings) changed: an untouched home starts afresh
    // with the new defaults at once; a person using the kiosk keeps theirs,
    // and the next person gets the new ones.
    void settings_changed();  // any touch keeps the session alive (and ends the attract screen)

    // Advances time: opens the "still there?" dialog, ends the session,
    // runs the features' timers.
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
    DisplayMode default_display() const;
    // The attract slide due at now_ms on an idle home (-1: none), and when the next one is.
    int attract_slide_at(std::int64_t now_ms) const;
    std::int64_t next_attract_change_ms(std::int64_t now_ms) const;
    std::int64_t idle_timeout_ms() const;
    std::int64_t countdown_ms() const;
    void reset_session();
    void new_feature_states();
    void changed() { ++m_state.version; }
    const FeatureCore* find_feature(const FeatureId& id) const;
    FeatureContext context_for(const FeatureCore& feature, std::int64_t now_ms);

    void handle(const RequestOpenScreen& r, std::int64_t now_ms);
    void handle(const RequestBack& r, std::int64_t now_ms);
    void handle(const RequestHome& r, std::int64_t now_ms);
    void handle(const RequestSetLanguage& r, std::int64_t now_ms);
    void handle(const RequestCycleTextScale& r, std::int64_t now_ms);
    void handle(const RequestToggleElderly& r, std::int64_t now_ms);
    void handle(const RequestToggleScreenReader& r, std::int64_t now_ms);
    void handle(const RequestToggleVoice& r, std::int64_t now_ms);
    void handle(const RequestStillHere& r, std::int64_t now_ms);
    void handle(const RequestCornerTap& r, std::int64_t now_ms);
    void handle(const RequestPinKey& r, std::int64_t now_ms);
    void handle(const RequestPinSubmit& r, std::int64_t now_ms);
    void handle(const RequestPinCancel& r, std::int64_t now_ms);
    void handle(const RequestExit& r, std::int64_t now_ms);
    void handle(const RequestExitConfirm& r, std::int64_t now_ms);
    void handle(const RequestExitCancel& r, std::int64_t now_ms);
    void handle(const RequestEnrolOpen& r, std::int64_t now_ms);
    void handle(const RequestEnrolKey& r, std::int64_t now_ms);
    void handle(const RequestEnrolSubmit& r, std::int64_t now_ms);
    void handle(const RequestEnrolClose& r, std::int64_t now_ms);
    void handle(const RequestOpenItem& r, std::int64_t now_ms);
    void handle(const RequestUrgent& r, std::int64_t now_ms);
    void handle(const FeatureRequest& r, std::int64_t now_ms);

    const KioskConfig& m_config;
    std::vector<FeatureCore> m_features;
    Effects& m_effects;
    AppState m_state;
    IdleTimer m_idle;
    PinGuard m_pin_guard;
    std::deque<std::int64_t> m_corner_taps_ms;
    std::uint64_t m_next_call_id = 1;
    std::function<std::int64_t()> m_now_utc_s;
};

} // namespace kiosk
