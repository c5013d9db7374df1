// Admin: this kiosk's identity and health for the installer, and Exit.
#include "screens/screens.hpp"

#include "ui/widgets.hpp"

#include <imgui.h>

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
}

} // namespace kiosk::screens
