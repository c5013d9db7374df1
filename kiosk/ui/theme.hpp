// Colours and spacing: a light theme, and a high-contrast one for elderly mode.
#pragma once

#include "core/metrics.hpp"

#include <imgui.h>

namespace kiosk::ui {

struct Palette {
    ImU32 background, header, text, muted_text;
    ImU32 primary, primary_pressed, primary_text;        // main actions and tiles
    ImU32 secondary, secondary_pressed, secondary_text, secondary_border;
    ImU32 selected, selected_text;                       // the active choice in a group
    ImU32 good, bad;                                     // network state words
    ImU32 dialog_dim, dialog_background;
    ImU32 banner, banner_text;                           // urgent notice
    ImU32 dialog_primary, dialog_primary_text;           // a dialog's own action: not like Back/Home
};

const Palette& palette(const DisplayMode& mode);

// Sets ImGui's style for this mode and metrics (padding, rounding, spacing).
void apply_style(const ScreenMetrics& metrics, const DisplayMode& mode);

} // namespace kiosk::ui
