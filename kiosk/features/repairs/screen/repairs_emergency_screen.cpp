// The emergency screen: the estate hotline and the emergency numbers in
// very large text (from the cache: offline too), and what to do now.
#include "features/repairs/screen/repairs_parts.hpp"

#include "ui/context.hpp"
#include "ui/icons.hpp"

#include <imgui.h>

namespace kiosk::repairs {

void draw_emergency(const RepairsView& view, Requests&)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const ui::Palette& p = ui::context().colors();
    ui::text(ui::with_icon("phone", view.prompt), ui::TextRole::Title, ui::Align::Center, width, p.bad);
    ui::text(view.hotline_label, ui::TextRole::Title, ui::Align::Center, width);
    ui::text(view.hotline, ui::TextRole::Amount, ui::Align::Center, width);
    ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(3)));
    ui::text(view.do_now, ui::TextRole::Title, ui::Align::Left, width);
    // Said before the long list of numbers, so it is seen at 2x too.
    if (!view.saved_line.empty())
        ui::text(view.saved_line, ui::TextRole::Body, ui::Align::Left, width, p.muted_text);
    ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(3)));
    // Three columns in landscape, where there is width and little height.
    const std::size_t columns = ui::context().metrics.landscape ? 3 : 1;
    const float column = (width - ImGui::GetStyle().ItemSpacing.x * (columns - 1)) / columns;
    for (std::size_t i = 0; i < view.contacts.size(); ++i) {
        if (i % columns != 0)
            ImGui::SameLine();
        ImGui::BeginGroup();
        ui::text(view.contacts[i].left, ui::TextRole::Title, ui::Align::Left, column);
        ui::text(view.contacts[i].right, ui::TextRole::Amount, ui::Align::Left, column);
        ImGui::EndGroup();
    }
}

} // namespace kiosk::repairs
