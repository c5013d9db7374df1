// Touch gesture state machine; pure (no SDL, no ImGui) so it is unit-tested.
#include "core/touch_gesture.hpp"

#include <cmath>

namespace kiosk {
namespace {

constexpr double inertia_time_constant_s = 0.35;  // iOS-like deceleration
constexpr float inertia_stop_px_s = 30.0f;
constexpr double velocity_smoothing_s = 0.05;

} // namespace

void TouchGesture::press(Point p, double t_s)
{
    m_down = true;
    m_dragging = false;
    m_release_pending = false;
    m_present = true;
    m_pos = m_press_pos = p;
    m_velocity_y = 0;
    m_pending_scroll_y = 0;
    m_last_move_s = m_last_step_s = t_s;
    m_owner = 0;  // a new touch stops any inertia and its owner
}

void TouchGesture::move(Point p, double t_s)
{
    if (!m_down) {
        return;  // a mouse moving with no button is not a touch: ignore hover
    }
    float dy = p.y - m_pos.y;
    if (!m_dragging) {
        float total_dx = p.x - m_press_pos.x, total_dy = p.y - m_press_pos.y;
        if (std::hypot(total_dx, total_dy) >= m_slop_px) {
            m_dragging = true;
            dy = p.y - m_press_pos.y;  // include the slop so content follows the finger
        } else {
            m_pos = p;
            return;
        }
    }
    m_pending_scroll_y -= dy;
    double dt = t_s - m_last_move_s;
    if (dt > 1e-4) {
        // Exponential smoothing over ~50 ms so one jittery sample doesn't fling.
        float instant = static_cast<float>(-dy / dt);
        float alpha = static_cast<float>(1.0 - std::exp(-dt / velocity_smoothing_s));
        m_velocity_y += (instant - m_velocity_y) * alpha;
    }
    m_last_move_s = t_s;
    m_pos = p;
}

void TouchGesture::release(Point p, double t_s)
{
    if (!m_down)
        return;
    const double still_for_s = t_s - m_last_move_s;
    move(p, t_s);
    m_down = false;
    // A finger that stopped before lifting should not fling.
    if (!m_dragging || still_for_s > 0.1)
        m_velocity_y = 0;
    m_last_step_s = t_s;
    m_release_pending = !m_dragging;
    if (m_dragging)
        m_present = false;
    m_dragging = false;
}

TouchGesture::UiPointer TouchGesture::ui_pointer() const
{
    UiPointer pointer;
    if (m_dragging || !m_present)
        return pointer;  // away and up: cancels a pressed button, hovers nothing
    pointer.pos = m_pos;
    pointer.down = m_down;
    pointer.present = true;
    return pointer;
}

void TouchGesture::end_frame()
{
    if (m_release_pending) {
        m_release_pending = false;  // the frame saw the release; now leave
    } else if (!m_down) {
        m_present = false;
    }
}

float TouchGesture::take_scroll_y(double now_s)
{
    float scroll = m_pending_scroll_y;
    m_pending_scroll_y = 0;
    if (!m_down && m_velocity_y != 0) {
        double dt = now_s - m_last_step_s;
        if (dt > 0) {
            // Integral of v*exp(-t/tau) over [0, dt].
            double decay = std::exp(-dt / inertia_time_constant_s);
            scroll += static_cast<float>(m_velocity_y * inertia_time_constant_s * (1.0 - decay));
            m_velocity_y = static_cast<float>(m_velocity_y * decay);
            if (std::fabs(m_velocity_y) < inertia_stop_px_s)
                m_velocity_y = 0;
        }
    }
    m_last_step_s = now_s;
    return scroll;
}

bool TouchGesture::animating() const
{
    return (!m_down && m_velocity_y != 0) || m_release_pending || (m_present && !m_down);
}

} // namespace kiosk
