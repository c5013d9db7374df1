// What the last frame drew, by widget id: lets the script mode tap a button
// by id and check that a text is visible, and lets tests check layout rules.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace kiosk::ui {

struct DrawnTarget {
    std::string id;
    std::string label;
    ImVec4 rect;  // x0, y0, x1, y1 in screen px
    ImVec4 clip;  // the visible region of its window or scroll area
    int layer = 0;  // 0: screen, 1: dialog on top
    bool in_scroll_area = false;
};

struct DrawnText {
    std::string text;
    ImVec4 rect;
    ImVec4 clip;
    int layer = 0;
    bool in_scroll_area = false;
};

struct FrameRecord {
    std::vector<DrawnTarget> targets;
    std::vector<DrawnText> texts;
    int layer = 0;           // set by dialogs while they draw
    int scroll_depth = 0;    // > 0 inside a touch scroll area

    void clear() { targets.clear(); texts.clear(); layer = 0; scroll_depth = 0; }
    const DrawnTarget* find_target(const std::string& id) const;
    // A visible text containing `needle` on the topmost layer that has content.
    const DrawnText* find_text(const std::string& needle) const;
};

FrameRecord& frame_record();  // the one being recorded this frame

ImVec4 current_clip_rect();

} // namespace kiosk::ui
