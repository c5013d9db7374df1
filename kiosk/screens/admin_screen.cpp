// Admin: this kiosk's identity and health for the installer, enrolment by
// the office's code, and Exit.
#include "screens/screens.hpp"

#include "ui/widgets.hpp"

#include <imgui.h>

#include <cmath>

namespace kiosk::screens {
namespace {

// The code is typed on the keypad; OK sends it, and the answer replaces the hint.
void draw_enrol_dialog(const EnrolDialogView& view, Requests& requests)
{
    if (!ui::begin_dialog("admin.enrol", view.open))
        return;
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text(view.title, ui::TextRole::Title, ui::Align::Center);
    ui::text(view.code_text, ui::TextRole::Title, ui::Align::Center);
    ui::text(view.message, ui::TextRole::Body, ui::Align::Center);
    if (view.done) {
        if (ui::button("admin.enrol.close", view.close_label, ImVec2(width, 0), ui::ButtonKind::Primary))
            requests.push(RequestEnrolClose{});
        ui::end_dialog();
        return;
    }
    if (!view.busy)
        if (char key = ui::numeric_keypad("admin.enrol.key", view.erase_label, width))
            requests.push(RequestEnrolKey{key});
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (ui::button("admin.enrol.cancel", view.cancel_label, ImVec2(half, 0)))
        requests.push(RequestEnrolClose{});
    ImGui::SameLine();
    if (ui::button("admin.enrol.ok", view.ok_label, ImVec2(half, 0),
                   view.can_submit ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary) &&
        view.can_submit)
        requests.push(RequestEnrolSubmit{});
    ui::end_dialog();
}

} // namespace

void draw_admin_screen(const AdminView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    for (const AdminRow& row : view.rows) {
        ui::text(row.label, ui::TextRole::Muted);
        ui::text(row.value, ui::TextRole::Body);
        ImGui::Dummy(ImVec2(1, 4));
    }
    if (ui::button("admin.enrol", view.enrol_label, ImVec2(width, 0), ui::ButtonKind::Secondary))
        requests.push(RequestEnrolOpen{});
    if (ui::button("admin.exit", view.exit_label, ImVec2(width, 0), ui::ButtonKind::Primary))
        requests.push(RequestExit{});

    draw_enrol_dialog(view.enrol, requests);

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
