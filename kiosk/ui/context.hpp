// Per-frame UI context shared by the widgets (like ImGui's own context):
// metrics, mode, fonts and the touch gesture.
#pragma once

#include "core/language.hpp"
#include "core/metrics.hpp"
#include "core/touch_gesture.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {
class Catalog;
}

namespace kiosk::ui {

class TextPad;

struct Context {
    ScreenMetrics metrics;
    DisplayMode mode;
    FontSet fonts;
    FontLibrary* font_library = nullptr;
    TouchGesture* gesture = nullptr;
    double now_s = 0;
    // The shell's own words for shared widgets (the text pad's keys).
    const Catalog* catalog = nullptr;
    Language language = Language::ZhCN;
    // The one on-screen text pad of the app (text_field.hpp); null: none.
    TextPad* text_pad = nullptr;
    // Where an overlay (the pad) covered the screen last frame: a drag that
    // starts there scrolls nothing underneath.
    ImVec4 overlay_rect{0, 0, 0, 0};
    // Between the header and Back/Home, set by the frame (screen px, top and
    // bottom; 0 0: not known): dialogs sit inside it when they fit, so they
    // leave the screen's title readable and keep their own button away from
    // Back/Home, which look alike.
    float dialog_band_top = 0, dialog_band_bottom = 0;

    // Read-aloud, set by the app before the frame.
    bool screen_reader = false;  // 读屏: a control's first touch reads it, the second acts
    std::string more_label;      // "更多（第 {page}/{pages} 页）": long choice lists in elderly mode
    const struct FrameRecord* previous_frame = nullptr;  // what the speaker button reads
    // The control read by its first touch in 读屏 mode (a second touch acts).
    std::string reader_armed;
    int acts_at_once = 0;  // > 0: controls act on the first touch even in 读屏 mode (the speech buttons)

    // Set by widgets during the frame; read by the main loop after it.
    bool needs_font_rebuild = false;  // a text brought a character the atlas lacks
    bool needs_another_frame = false; // something is still moving
    // Pieces to read aloud now, in order; the app turns them into speech.
    std::optional<std::vector<std::string>> say;
    bool new_page = false;  // the frame shows another screen or step than the last

    const Palette& colors() const { return palette(mode); }
    float target() const { return metrics.target_px(mode); }
    float gap() const { return metrics.gap_px(); }
    // The text for a locale key in the person's language.
    const std::string& tr(std::string_view key) const;
};

Context& context();

} // namespace kiosk::ui
