// Turns raw finger/mouse events into what a touch UI needs: taps that act on
// release inside the same target, drags that scroll (with inertia) and never
// press a button, and no hover left behind after the finger lifts.
#pragma once

#include <cstdint>

namespace kiosk {

struct Point {
    float x = 0, y = 0;
};

class TouchGesture {
public:
    // slop_px: how far a finger may wander before a press becomes a drag.
    explicit TouchGesture(float slop_px = 16.0f) : m_slop_px(slop_px) {}
    void set_slop(float slop_px) { m_slop_px = slop_px; }

    void press(Point p, double t_s);
    void move(Point p, double t_s);
    void release(Point p, double t_s);

    // What the widget layer sees as its mouse this frame. Once a press turns
    // into a drag the pointer is lifted and hidden so the pressed button
    // cancels instead of firing; after a release it stays one frame (for the
    // click) and then leaves, so nothing looks hovered.
    struct UiPointer {
        Point pos;
        bool down = false;
        bool present = false;
    };
    UiPointer ui_pointer() const;
    void end_frame();  // call after each frame

    bool pressed() const { return m_down; }
    bool dragging() const { return m_dragging; }
    Point press_pos() const { return m_press_pos; }
    Point position() const { return m_pos; }  // the finger now (a drawing follows it)

    // The scroll area that owns the current drag (0: none claimed yet).
    std::uint32_t owner() const { return m_owner; }
    void claim(std::uint32_t area_id) { m_owner = area_id; }

    // Vertical scroll to apply this frame (px; positive scrolls content up):
    // the finger's movement while dragging, then decaying inertia.
    float take_scroll_y(double now_s);

    // True while something still moves on its own (inertia, pointer leaving).
    bool animating() const;

private:
    float m_slop_px;
    bool m_down = false;
    bool m_dragging = false;
    bool m_release_pending = false;  // show the release for one frame
    bool m_present = false;
    Point m_pos, m_press_pos;
    float m_pending_scroll_y = 0;
    float m_velocity_y = 0;  // px/s, content direction
    double m_last_move_s = 0;
    double m_last_step_s = 0;
    std::uint32_t m_owner = 0;
};

} // namespace kiosk
