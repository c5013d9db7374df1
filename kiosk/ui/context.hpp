// Per-frame UI context shared by the widgets (like ImGui's own context):
// metrics, mode, fonts and the touch gesture.
#pragma once

#include "core/metrics.hpp"
#include "core/touch_gesture.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace kiosk::ui {

struct Context {
    ScreenMetrics metrics;
    DisplayMode mode;
    FontSet fonts;
    FontLibrary* font_library = nullptr;
    TouchGesture* gesture = nullptr;
    double now_s = 0;

    // Set by widgets during the frame; read by the main loop after it.
    bool needs_font_rebuild = false;  // a text brought a character the atlas lacks
    bool needs_another_frame = false; // something is still moving

    const Palette& colors() const { return palette(mode); }
    float target() const { return metrics.target_px(mode); }
    float gap() const { return metrics.gap_px(); }
};

Context& context();

} // namespace kiosk::ui
