// Pieces the notices screens share.
#pragma once

#include "core/requests.hpp"
#include "features/notices/core/notices_feature.hpp"

#include <imgui.h>

#include <string_view>

namespace kiosk::notices {

inline void ask(Requests& requests, NoticesRequest request)
{
    requests.push(FeatureRequest{feature_id, std::move(request)});
}

// markdown_view.cpp: the styled blocks, `width` wide, at the cursor; `large`
// sets the words in the title font (the attract screen, read from afar).
// With max_height > 0 only whole lines within it are drawn: the block that
// does not fit ends in an ellipsis where it is cut, nothing after it shows
// (the attract screen at 2x: never half a line). Returns true when cut.
bool draw_markdown(const MdDocument& document, float width, ImU32 color = 0, bool large = false, float max_height = 0);

// A text cut to at most max_lines lines (an ellipsis marks the cut), at the
// cursor, recorded for the script's expect_text. Returns its height.
float draw_clamped_text(std::string_view text, ImFont* font, float width, int max_lines, ImU32 color);

// notice_detail.cpp
void draw_detail(const NoticesView& view);
// attract_screen.cpp
void draw_attract(const AttractView& view);

} // namespace kiosk::notices
