// Breaks text into lines that fit a width, with the line spacing elderly
// readers need (≥ 1.3, MIIT age-friendly rules). ImGui 1.86 has no line
// spacing of its own, so every multi-line text in the kiosk goes through here.
#pragma once

#include <imgui.h>

#include <string_view>
#include <vector>

namespace kiosk::ui {

inline constexpr float line_spacing = 1.35f;

struct TextLayout {
    struct Line {
        const char* begin;
        const char* end;
        float width;
    };
    std::vector<Line> lines;
    ImVec2 size;
};

TextLayout layout_text(ImFont* font, std::string_view text, float wrap_width);

// Draws a laid-out text; Center aligns each line within `box_width`.
void draw_text(ImDrawList* list, ImFont* font, const TextLayout& layout, ImVec2 pos, ImU32 color,
               bool center, float box_width);

} // namespace kiosk::ui
