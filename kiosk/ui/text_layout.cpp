// Text layout: line breaking for mixed Chinese and Latin text, and drawing.
#include "ui/text_layout.hpp"

#include "ui/line_breaker.hpp"

#include <imgui_internal.h>

#include <cfloat>
#include <vector>

namespace kiosk::ui {
namespace {

struct Glyph {
    const char* at;
    unsigned code;
    float advance;
};

// Splits one paragraph (no '\n') into glyphs with their advances.
std::vector<Glyph> glyphs_of(ImFont* font, const char* p, const char* end)
{
    std::vector<Glyph> glyphs;
    while (p < end) {
        unsigned int c = 0;
        int length = ImTextCharFromUtf8(&c, p, end);
        if (length <= 0)
            length = 1;
        glyphs.push_back({p, c, font->GetCharAdvance(static_cast<ImWchar>(c))});
        p += length;
    }
    return glyphs;
}

void add_line(TextLayout& layout, const char* begin, const char* end, float width)
{
    layout.lines.push_back({begin, end, width});
    layout.size.x = ImMax(layout.size.x, width);
}

// Greedy fill: each line takes glyphs until the next would overflow, then
// breaks at the last allowed place (or mid-word when a word is wider than
// the whole line). Spaces at a break are dropped.
void break_paragraph(TextLayout& layout, ImFont* font, const char* begin, const char* end, float wrap_width)
{
    std::vector<Glyph> glyphs = glyphs_of(font, begin, end);
    std::size_t start = 0;
    while (start < glyphs.size() && glyphs[start].code == ' ')
        ++start;
    if (start == glyphs.size() || wrap_width <= 0) {
        add_line(layout, begin, end, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, begin, end).x);
        return;
    }
    while (start < glyphs.size()) {
        float width = 0;
        std::size_t i = start, last_break = start;
        for (; i < glyphs.size(); ++i) {
            if (i > start && may_break_between(glyphs[i - 1].code, glyphs[i].code))
                last_break = i;
            if (width + glyphs[i].advance > wrap_width && i > start)
                break;
            width += glyphs[i].advance;
        }
        std::size_t cut = i == glyphs.size() ? i : (last_break > start ? last_break : i);
        std::size_t line_end = cut;
        while (line_end > start && glyphs[line_end - 1].code == ' ')
            --line_end;
        float line_width = 0;
        for (std::size_t k = start; k < line_end; ++k)
            line_width += glyphs[k].advance;
        add_line(layout, glyphs[start].at, line_end < glyphs.size() ? glyphs[line_end].at : end, line_width);
        start = cut;
        while (start < glyphs.size() && glyphs[start].code == ' ')
            ++start;
    }
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
        break_paragraph(layout, font, p, paragraph_end, wrap_width);
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
