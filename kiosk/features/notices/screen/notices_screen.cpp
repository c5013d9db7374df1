// Notices, the list: when the cache last heard from the office, the category
// filter, then one row per notice (urgent first, newest first). Only the rows
// in view are laid out (ImGuiListClipper over rows of one height: the title
// is cut to two lines), so a list of a thousand drags as smoothly as ten.
#include "features/notices/screen/notices_parts.hpp"
#include "features/notices/screen/notices_screens.hpp"

#include "ui/context.hpp"
#include "ui/text_layout.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

namespace kiosk::notices {
namespace {

void draw_categories(const NoticesView& view, Requests& requests, float width)
{
    ui::FlowRow row(width);
    for (const CategoryChip& chip : view.categories) {
        // A pixel more than measured: the label's wrap must not round onto two lines.
        ImVec2 size = ui::button_size(chip.label);
        size.x += 1;
        row.place(size.x);
        if (ui::button(chip.widget_id.c_str(), chip.label, size,
                       chip.selected ? ui::ButtonKind::Selected : ui::ButtonKind::Secondary))
            ask(requests, RequestCategory{chip.kind});
    }
}

struct RowMetrics {
    float pad_x, pad_y, title_h, meta_h, height;
};

RowMetrics row_metrics()
{
    const ui::Context& ctx = ui::context();
    RowMetrics m;
    m.pad_x = ctx.metrics.mm(4);
    m.pad_y = ctx.metrics.mm(2.5f);
    const float title = ctx.fonts.title->FontSize, body = ctx.fonts.body->FontSize;
    m.title_h = title * ui::line_spacing + title;  // two lines at most
    m.meta_h = body;
    m.height = ImMax(ctx.target(), 2 * m.pad_y + m.title_h + body * 0.4f + m.meta_h);
    return m;
}

void draw_row(const NoticeRow& row, const RowMetrics& m, float width, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const ui::Palette& p = ctx.colors();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ui::button(row.widget_id.c_str(), "", ImVec2(width, m.height)))
        ask(requests, RequestOpen{row.id});
    const ImVec2 after = ImGui::GetCursorScreenPos();
    const float inner = width - 2 * m.pad_x;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + m.pad_x, pos.y + m.pad_y));
    draw_clamped_text(row.title, ctx.fonts.title, inner, 2, p.text);
    ImFont* body = ctx.fonts.body;
    const float meta_y = pos.y + m.height - m.pad_y - m.meta_h;
    float x = pos.x + m.pad_x;
    if (!row.badge.empty()) {
        // Urgent: a solid label with the word, never colour alone.
        const float w = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, row.badge.c_str()).x;
        const float pad = ctx.metrics.mm(1.5f);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, meta_y - 2), ImVec2(x + w + 2 * pad, meta_y + m.meta_h + 2),
                                                  p.banner, ImGui::GetStyle().FrameRounding);
        ImGui::SetCursorScreenPos(ImVec2(x + pad, meta_y));
        draw_clamped_text(row.badge, body, w + 1, 1, p.banner_text);
        x += w + 2 * pad + ctx.metrics.mm(2);
    }
    ImGui::SetCursorScreenPos(ImVec2(x, meta_y));
    draw_clamped_text(row.meta, body, pos.x + width - m.pad_x - x, 1, p.muted_text);
    ImGui::SetCursorScreenPos(after);
}

void draw_list(const NoticesView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text(view.updated, ui::TextRole::Muted);
    draw_categories(view, requests, width);
    ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(2)));
    if (view.rows.empty()) {
        ui::text(view.empty, ui::TextRole::Body, ui::Align::Center, width);
        return;
    }
    const RowMetrics m = row_metrics();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()), m.height + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            draw_row(view.rows[static_cast<std::size_t>(i)], m, width, requests);
}

void draw(const NoticesView& view, Requests& requests)
{
    if (view.page == NoticesPage::Detail)
        draw_detail(view);
    else
        draw_list(view, requests);
}

} // namespace

ui::FeatureScreens notices_screens()
{
    ui::FeatureScreens screens = ui::make_feature_screens<NoticesView>(
        draw, [](const NoticesView&, Requests&) {},
        // A notice opens at its top; back in the list, the list's place is ImGui's.
        [](const NoticesView& view) { return view.page == NoticesPage::Detail ? 1 : 0; });
    screens.draw_attract = [](const std::any& view) {
        if (const AttractView* v = std::any_cast<AttractView>(&view))
            draw_attract(*v);
    };
    return screens;
}

} // namespace kiosk::notices
