// Touch gestures: taps act on release, drags scroll and cancel the press,
// inertia decays, and no hover remains after a finger lifts.
#include "core/touch_gesture.hpp"

#include <doctest/doctest.h>

#include <cmath>

using kiosk::Point;
using kiosk::TouchGesture;

TEST_CASE("a tap shows the press, the release for one frame, then nothing")
{
    TouchGesture g(16);
    g.press({100, 100}, 0.0);
    auto p = g.ui_pointer();
    CHECK(p.present);
    CHECK(p.down);
    g.end_frame();
    g.release({102, 101}, 0.1);
    p = g.ui_pointer();
    CHECK(p.present);
    CHECK_FALSE(p.down);
    CHECK(p.pos.x == 102);
    CHECK(g.animating());  // one more frame must be drawn to clear the hover
    g.end_frame();
    g.end_frame();
    CHECK_FALSE(g.ui_pointer().present);
    CHECK_FALSE(g.animating());
}

TEST_CASE("a small wobble stays a tap")
{
    TouchGesture g(16);
    g.press({100, 100}, 0.0);
    g.move({110, 108}, 0.05);
    CHECK_FALSE(g.dragging());
    CHECK(g.ui_pointer().down);
    CHECK(g.take_scroll_y(0.05) == 0);
}

TEST_CASE("a drag hides the pointer so the pressed button cancels, and scrolls with the finger")
{
    TouchGesture g(16);
    g.press({100, 500}, 0.0);
    g.move({100, 480}, 0.02);
    CHECK(g.dragging());
    auto p = g.ui_pointer();
    CHECK_FALSE(p.present);
    CHECK_FALSE(p.down);
    CHECK(g.take_scroll_y(0.02) == doctest::Approx(20));  // finger up: content moves up
    g.move({100, 400}, 0.04);
    CHECK(g.take_scroll_y(0.04) == doctest::Approx(80));
    g.release({100, 400}, 0.05);
    CHECK_FALSE(g.ui_pointer().present);  // the release is not a click
}

TEST_CASE("a fling keeps scrolling with decaying speed and stops")
{
    TouchGesture g(16);
    g.press({100, 800}, 0.0);
    for (int i = 1; i <= 10; ++i)
        g.move({100, 800.0f - 30.0f * i}, 0.016 * i);
    g.take_scroll_y(0.16);
    g.release({100, 500}, 0.17);
    CHECK(g.animating());
    float first = g.take_scroll_y(0.19);
    float total = first;
    double t = 0.19;
    float last = first;
    for (int i = 0; i < 400 && g.animating(); ++i) {
        t += 0.016;
        last = g.take_scroll_y(t);
        total += last;
        g.end_frame();
    }
    CHECK(first > 0);
    CHECK(total > first);
    CHECK(std::fabs(last) < std::fabs(first));
    CHECK_FALSE(g.animating());
}

TEST_CASE("a finger that stops before lifting does not fling")
{
    TouchGesture g(16);
    g.press({100, 800}, 0.0);
    g.move({100, 600}, 0.05);
    g.take_scroll_y(0.05);
    g.release({100, 600}, 0.5);  // held still for 450 ms
    CHECK(g.take_scroll_y(0.6) == 0);
}

TEST_CASE("a new touch stops the inertia and releases the scroll owner")
{
    TouchGesture g(16);
    g.press({100, 800}, 0.0);
    g.move({100, 600}, 0.05);
    g.claim(42);
    g.release({100, 590}, 0.06);
    g.press({300, 300}, 0.1);
    CHECK(g.owner() == 0);
    CHECK(g.take_scroll_y(0.2) == 0);
}

TEST_CASE("mouse motion without a press is ignored (no hover)")
{
    TouchGesture g(16);
    g.move({50, 50}, 0.0);
    CHECK_FALSE(g.ui_pointer().present);
}
