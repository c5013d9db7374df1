// Screen metrics: the panel's mm size mapped onto the window, either orientation.
#include "core/metrics.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk {

ScreenMetrics ScreenMetrics::for_window(int window_w_px, int window_h_px, double panel_w_mm, double panel_h_mm,
                                        double lower_edge_mm)
{
    ScreenMetrics metrics;
    metrics.landscape = window_w_px > window_h_px;
    // The window shows the whole panel: match the long side to the long side.
    double long_px = std::max(window_w_px, window_h_px);
    double long_mm = std::max(panel_w_mm, panel_h_mm);
    metrics.px_per_mm = static_cast<float>(long_px / long_mm);
    metrics.reach_top_px = 0;
    metrics.reach_bottom_px = static_cast<float>(window_h_px);
    if (!metrics.landscape) {
        const double top_mm = lower_edge_mm + long_mm;
        metrics.reach_top_px = static_cast<float>(
            std::max(window_h_px / 3.0, (top_mm - reach_high_mm) * metrics.px_per_mm));
        metrics.reach_bottom_px = static_cast<float>(
            std::min<double>(window_h_px, (top_mm - reach_low_mm) * metrics.px_per_mm));
    }
    return metrics;
}

float ScreenMetrics::body_px(const DisplayMode& mode) const
{
    return std::round(mm(body_text_mm) * text_scale_factor(mode.text_scale));
}

float ScreenMetrics::target_px(const DisplayMode& mode) const
{
    return std::ceil(mm(mode.elderly ? min_target_elderly_mm : min_target_mm));
}

} // namespace kiosk
