// Text layout on top of ImFont's own wrapping (which cuts CJK runs anywhere,
// as Chinese allows).
#include "ui/text_layout.hpp"

#include <imgui_internal.h>

#include <cfloat>

namespace kiosk::ui {
namespace {

const char* next_char(const char* p, const char* end)
{
    unsigned int c = 0;
    int length = ImTextCharFromUtf8(&c, p, end);
    return p + (length > 0 ? length : 1);
}

} // namespace

TextLayout layout_text(ImFont* font, std::string_view text, float wrap_width)
{
    TextLayout layout;
    const float size = font->FontSize;
    const char* p = text.data();
    const char* end = p + text.size();
    for (;;) {
        const char* paragraph_end = p;
        while (paragraph_end < end && *paragraph_end != '\n')
            ++paragraph_end;
        do {
            const char* cut = paragraph_end;
            if (wrap_width > 0 && p < paragraph_end)
                cut = font->CalcWordWrapPositionA(1.0f, p, paragraph_end, wrap_width);
            if (cut == p && p < paragraph_end)
                cut = next_char(p, paragraph_end);  // always make progress
            float width = font->CalcTextSizeA(size, FLT_MAX, 0, p, cut).x;
            layout.lines.push_back({p, cut, width});
            layout.size.x = ImMax(layout.size.x, width);
            p = cut;
            while (p < paragraph_end && *p == ' ')
                ++p;
        } while (p < paragraph_end);
        if (paragraph_end == end)
            break;
        p = paragraph_end + 1;
    }
    float line_height = size * line_spacing;
    layout.size.y = layout.lines.empty() ? 0 : (layout.lines.size() - 1) * line_height + size;
    return layout;
}

void draw_text(ImDrawList* list, ImFont* font, const TextLayout& layout, ImVec2 pos, ImU32 color, bool center,
               float box_width)
{
    const float size = font->FontSize;
    float y = pos.y;
    for (const auto& line : layout.lines) {
        float x = center ? pos.x + (box_width - line.width) * 0.5f : pos.x;
        list->AddText(font, size, ImVec2(IM_FLOOR(x), IM_FLOOR(y)), color, line.begin, line.end);
        y += size * line_spacing;
    }
}

} // namespace kiosk::ui
