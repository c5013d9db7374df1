// Checks a drawn frame against the touch and text rules of ux.md: targets big
// enough and apart, nothing outside the window, no text clipped or overlapping.
#pragma once

#include "ui/frame_record.hpp"

#include <string>
#include <vector>

namespace kiosk::ui {

struct LayoutRules {
    float display_w, display_h;
    float min_target_px;  // 15 mm, or 20 mm in large-text mode
    float min_gap_px;     // 3 mm
    // Where a required target must lie on screen (portrait): between these
    // two heights in px from the top; 0 and 0: not checked.
    float reach_top_px = 0, reach_bottom_px = 0;
    // A QR code's modules at least this wide (a phone's camera at arm's
    // length), and the code whole without scrolling; 0: sizes not checked.
    float min_code_px = 0;
    float px_per_mm = 0;  // for the messages (mm); 0: px
};

// Empty when the frame obeys every rule; otherwise one line per problem.
std::vector<std::string> check_layout(const FrameRecord& frame, const LayoutRules& rules);

} // namespace kiosk::ui
