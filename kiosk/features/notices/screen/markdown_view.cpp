// Lays out a notice's styled blocks with the kiosk's own text layout (line
// breaking for Chinese, line spacing for elderly readers): headings in the
// title font, list items with their marker hanging, bold and phone numbers
// drawn over the laid-out words (never the markup itself).
#include "features/notices/screen/notices_parts.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/text_layout.hpp"

#include <imgui_internal.h>

#include <cfloat>

namespace kiosk::notices {
namespace {

struct Range {
    std::size_t begin, end;
    bool strong, phone;
};

void record_text(const std::string& text, const ImRect& rect)
{
    ui::FrameRecord& record = ui::frame_record();
    record.texts.push_back({text, ImVec4(rect.Min.x, rect.Min.y, rect.Max.x, rect.Max.y), ui::current_clip_rect(),
                            record.layer, record.scroll_depth > 0});
}

// Claims the room for a block at the cursor; false when clipped away.
bool place(ImVec2 pos, ImVec2 size, ImRect& bb)
{
    ImGui::SetCursorScreenPos(pos);
    ImGui::ItemSize(size);
    bb = ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    return ImGui::ItemAdd(bb, 0);
}

void draw_spans(const MdBlock& block, ImFont* font, float x, float width, bool heading, ImU32 color)
{
    const ui::Context& ctx = ui::context();
    const std::string text = block.text();
    if (ctx.font_library && ctx.font_library->want(text))
        ui::context().needs_font_rebuild = true;
    const ui::TextLayout layout = ui::layout_text(font, text, width);
    const ImVec2 start(x, ImGui::GetCursorScreenPos().y);
    ImRect bb;
    if (!place(start, ImVec2(width, layout.size.y), bb))
        return;
    ImDrawList* list = ImGui::GetWindowDrawList();
    ui::draw_text(list, font, layout, start, color, false, width);

    std::vector<Range> ranges;
    std::size_t at = 0;
    for (const MdSpan& span : block.spans) {
        if ((span.strong || span.phone || heading) && !span.text.empty())
            ranges.push_back({at, at + span.text.size(), span.strong || heading, span.phone});
        at += span.text.size();
    }
    const ui::Palette& p = ctx.colors();
    const float size = font->FontSize;
    float y = start.y;
    for (const ui::TextLayout::Line& line : layout.lines) {
        const std::size_t line_begin = static_cast<std::size_t>(line.begin - text.data());
        const std::size_t line_end = static_cast<std::size_t>(line.end - text.data());
        for (const Range& r : ranges) {
            const std::size_t b = std::max(r.begin, line_begin), e = std::min(r.end, line_end);
            if (b >= e)
                continue;
            const float dx = font->CalcTextSizeA(size, FLT_MAX, 0, line.begin, text.data() + b).x;
            const float w = font->CalcTextSizeA(size, FLT_MAX, 0, text.data() + b, text.data() + e).x;
            const ImU32 ink = r.phone ? p.primary : color;
            const ImVec2 pos(IM_FLOOR(start.x + dx), IM_FLOOR(y));
            // Faux bold: the same glyphs a pixel to the right keep the layout's widths exact.
            if (r.strong || r.phone)
                list->AddText(font, size, ImVec2(pos.x + 1, pos.y), ink, text.data() + b, text.data() + e);
            if (r.phone) {  // a phone number: in the action colour, underlined
                list->AddText(font, size, pos, ink, text.data() + b, text.data() + e);
                list->AddLine(ImVec2(pos.x, pos.y + size * 1.08f), ImVec2(pos.x + w, pos.y + size * 1.08f), ink, 2.0f);
            }
        }
        y += size * ui::line_spacing;
    }
    record_text(text, bb);
}

} // namespace

bool draw_markdown(const MdDocument& document, float width, ImU32 color, bool large, float max_height)
{
    const ui::Context& ctx = ui::context();
    const ui::Palette& p = ctx.colors();
    if (color == 0)
        color = p.text;
    ImFont* body = large ? ctx.fonts.title : ctx.fonts.body;
    ImFont* title = ctx.fonts.title;
    const float indent = body->FontSize * 1.6f;
    const float left = ImGui::GetCursorScreenPos().x;
    const float paragraph_gap = body->FontSize * 0.5f;
    const float bottom = ImGui::GetCursorScreenPos().y + (max_height > 0 ? max_height : FLT_MAX);
    for (const MdBlock& block : document.blocks) {
        const float depth = static_cast<float>(std::max(0, block.level - (block.kind == MdKind::ListItem ? 1 : 0)));
        const float x = left + depth * indent;
        if (max_height > 0 && block.kind != MdKind::Rule) {
            // Where this block's words go, and whether all their lines fit.
            const bool heading = block.kind == MdKind::Heading;
            ImFont* font = heading && block.level <= 2 ? title : body;
            const float text_x = heading ? left : block.kind == MdKind::ListItem ? x + indent
                                                  : block.kind == MdKind::Code   ? x + indent * 0.5f
                                                                                 : x;
            const float text_w = width - (text_x - left);
            const float top = ImGui::GetCursorScreenPos().y + (heading ? paragraph_gap : 0);
            const float room = bottom - top;
            if (ui::layout_text(font, block.text(), text_w).size.y > room) {
                const int lines = room < font->FontSize ? 0 : 1 + static_cast<int>((room - font->FontSize) / (font->FontSize * ui::line_spacing));
                if (lines > 0) {
                    if (block.kind == MdKind::ListItem)  // its marker, hanging as when whole
                        ImGui::GetWindowDrawList()->AddText(body, body->FontSize, ImVec2(IM_FLOOR(x), IM_FLOOR(top)), color,
                                                            block.marker.c_str());
                    ImGui::SetCursorScreenPos(ImVec2(text_x, top));
                    draw_clamped_text(block.text(), font, text_w, lines, color);
                }
                return true;
            }
        }
        switch (block.kind) {
        case MdKind::Heading:
            ImGui::Dummy(ImVec2(1, paragraph_gap));
            draw_spans(block, block.level <= 2 ? title : body, left, width, true, color);
            break;
        case MdKind::Paragraph:
            draw_spans(block, body, x, width - (x - left), false, color);
            ImGui::Dummy(ImVec2(1, paragraph_gap));
            break;
        case MdKind::Code:
            draw_spans(block, body, x + indent * 0.5f, width - (x - left) - indent * 0.5f, false, p.muted_text);
            break;
        case MdKind::ListItem: {
            // The marker hangs in the indent; wrapped lines align with the words.
            const float y = ImGui::GetCursorScreenPos().y;
            if (ctx.font_library && ctx.font_library->want(block.marker))
                ui::context().needs_font_rebuild = true;
            ImGui::GetWindowDrawList()->AddText(body, body->FontSize, ImVec2(IM_FLOOR(x), IM_FLOOR(y)), color,
                                                block.marker.c_str());
            ImGui::SetCursorScreenPos(ImVec2(x + indent, y));
            if (block.spans.empty())
                ImGui::Dummy(ImVec2(1, body->FontSize));
            else
                draw_spans(block, body, x + indent, width - (x - left) - indent, false, color);
            if (&block == &document.blocks.back() || (&block + 1)->kind != MdKind::ListItem)
                ImGui::Dummy(ImVec2(1, paragraph_gap));  // the list ends: room before what follows
            break;
        }
        case MdKind::Rule: {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddLine(ImVec2(left, at.y + paragraph_gap), ImVec2(left + width, at.y + paragraph_gap),
                                                p.muted_text, 2.0f);
            ImGui::Dummy(ImVec2(width, paragraph_gap * 2));
            break;
        }
        }
        ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    }
    return false;
}

float draw_clamped_text(std::string_view text, ImFont* font, float width, int max_lines, ImU32 color)
{
    ui::Context& ctx = ui::context();
    if (ctx.font_library && ctx.font_library->want(text))
        ctx.needs_font_rebuild = true;
    ui::TextLayout layout = ui::layout_text(font, text, width);
    std::string shown(text);
    if (static_cast<int>(layout.lines.size()) > max_lines) {
        // Cut the last kept line until it and the ellipsis fit.
        const char* cut = layout.lines[static_cast<std::size_t>(max_lines - 1)].end;
        const char* line_begin = layout.lines[static_cast<std::size_t>(max_lines - 1)].begin;
        const float ellipsis = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, "…").x;
        while (cut > line_begin &&
               font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, line_begin, cut).x + ellipsis > width) {
            do
                --cut;
            while (cut > line_begin && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80);
        }
        shown = std::string(text.data(), static_cast<std::size_t>(cut - text.data())) + "…";
        layout = ui::layout_text(font, shown, width);
        layout.lines.resize(std::min(layout.lines.size(), static_cast<std::size_t>(max_lines)));
    }
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float height = layout.lines.empty() ? 0 : (layout.lines.size() - 1) * font->FontSize * ui::line_spacing + font->FontSize;
    ImRect bb;
    if (place(pos, ImVec2(width, height), bb)) {
        ui::draw_text(ImGui::GetWindowDrawList(), font, layout, pos, color, false, width);
        record_text(shown, bb);
    }
    return height;
}

} // namespace kiosk::notices
