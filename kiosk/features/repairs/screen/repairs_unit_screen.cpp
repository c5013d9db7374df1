// 查询进度 by unit: the verified household's tickets, one a row, newest
// first, each opening its timeline; 刷新 under them reads the list again.
#include "features/repairs/screen/repairs_parts.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/icons.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::repairs {

void draw_unit_tickets(const RepairsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    if (!view.empty_line.empty())
        ui::text(view.empty_line, ui::TextRole::Title, ui::Align::Center, width);
    const std::string refresh = ui::with_icon("refresh", view.refresh_label);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    // The list keeps to the reach band above 刷新 (scrolling there when long).
    const float room = ImMax(ctx.target(), ImGui::GetContentRegionAvail().y - wide_button_height(refresh) - spacing);
    // Landscape has the width and not the height: each ticket on one line.
    std::vector<ui::Choice> rows;
    for (const ChoiceView& c : view.choices) {
        std::string label = c.label;
        if (const auto at = label.find('\n'); ctx.metrics.landscape && at != std::string::npos)
            label.replace(at, 1, " · ");
        rows.push_back({c.id, label, ui::ButtonKind::Secondary});
    }
    ui::ChoiceListLayout layout;
    layout.min_width = width;  // one ticket a row, its two lines whole
    layout.min_height = ctx.metrics.mm(ctx.mode.elderly ? 24 : 18);
    layout.role = ui::TextRole::Body;
    layout.elderly_slots = ui::elderly_choices_at_once - 1;  // 刷新 is the fourth
    ImGui::BeginChild("repairs.unit_tickets.area", ImVec2(width, room), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    const int tapped = ui::choice_list("repairs.unit_tickets", rows, layout);
    ImGui::EndChild();
    const ui::RequiredTargets required;
    if (wide_button("repairs.unit_tickets.refresh", refresh, ui::ButtonKind::Secondary))
        ask(requests, RequestRefresh{});
    if (tapped >= 0)
        ask(requests, RequestOpenUnitTicket{view.choices[static_cast<std::size_t>(tapped)].value});
}

} // namespace kiosk::repairs
