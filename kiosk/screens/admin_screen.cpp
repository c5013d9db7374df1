// Admin: this kiosk's identity and health for the installer, and Exit.
#include "screens/screens.hpp"

#include "ui/widgets.hpp"

#include <imgui.h>

#include <cmath>

namespace kiosk::screens {

void draw_admin_screen(const AdminView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    for (const AdminRow& row : view.rows) {
        ui::text(row.label, ui::TextRole::Muted);
        ui::text(row.value, ui::TextRole::Body);
        ImGui::Dummy(ImVec2(1, 4));
    }
    if (ui::button("admin.exit", view.exit_label, ImVec2(width, 0), ui::ButtonKind::Primary))
        requests.push(RequestExit{});

    if (ui::begin_dialog("admin.exit_confirm", view.confirming_exit)) {
        const float inner = ImGui::GetContentRegionAvail().x;
        ui::text(view.confirm_title, ui::TextRole::Title, ui::Align::Center);
        ui::text(view.confirm_body, ui::TextRole::Body, ui::Align::Center);
        // Cancel is the safe choice: first, and the primary look.
        const float half = std::floor((inner - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
        if (ui::button("admin.exit.cancel", view.confirm_no, ImVec2(half, 0), ui::ButtonKind::Primary))
            requests.push(RequestExitCancel{});
        ImGui::SameLine();
        if (ui::button("admin.exit.confirm", view.confirm_yes, ImVec2(half, 0), ui::ButtonKind::Secondary))
            requests.push(RequestExitConfirm{});
        ui::end_dialog();
    }
}

} // namespace kiosk::screens
