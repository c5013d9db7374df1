// Converts the physical sizes the UX asks for (mm) into pixels on this panel.
#pragma once

namespace kiosk {

enum class TextScale { X1, X1_5, X2 };

constexpr float text_scale_factor(TextScale scale)
{
    switch (scale) {
    case TextScale::X1: return 1.0f;
    case TextScale::X1_5: return 1.5f;
    case TextScale::X2: return 2.0f;
    }
    return 1.0f;
}

constexpr TextScale next_text_scale(TextScale scale)
{
    return scale == TextScale::X1 ? TextScale::X1_5 : scale == TextScale::X1_5 ? TextScale::X2 : TextScale::X1;
}

// How text and targets look for the person in front of the screen.
struct DisplayMode {
    TextScale text_scale = TextScale::X1;
    bool elderly = false;  // large text, high contrast, bigger targets, slower timeout
};

struct ScreenMetrics {
    float px_per_mm = 4.0f;
    bool landscape = false;
    // Portrait: what a person must touch lies between these window rows, the
    // lower two thirds and 380-1220 mm above the floor for the panel's
    // mounting. Landscape (a desk or wall panel at arm's height): the whole window.
    float reach_top_px = 0, reach_bottom_px = 0;
    static constexpr double reach_low_mm = 380, reach_high_mm = 1220;

    // Body text: about 9 mm em (36 px on a 21.5" portrait panel) at 1x (ux.md).
    static constexpr float body_text_mm = 9.0f;
    static constexpr float min_target_mm = 15.0f;          // normal mode
    static constexpr float min_target_elderly_mm = 20.0f;  // large-text mode
    static constexpr float min_gap_mm = 3.0f;              // between targets
    // A QR code's modules (without the quiet zone): a phone's camera reads
    // one this wide from arm's length at the kiosk.
    static constexpr float min_code_mm = 35.0f;

    // `window_*_px` is the drawable size; the panel's mm size is given portrait.
    // `lower_edge_mm`: how high the panel's lower edge is above the floor.
    static ScreenMetrics for_window(int window_w_px, int window_h_px, double panel_w_mm, double panel_h_mm,
                                    double lower_edge_mm);

    float mm(float millimetres) const { return millimetres * px_per_mm; }
    float body_px(const DisplayMode& mode) const;
    float target_px(const DisplayMode& mode) const;
    float gap_px() const { return mm(min_gap_mm); }
};

} // namespace kiosk
