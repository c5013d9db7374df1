// After submitting (numbers, follow-up codes, the status page's QR code)
// and following a ticket: the code keypad, the timeline, 验收 and rating.
#include "features/repairs/screen/repairs_parts.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/icons.hpp"
#include "ui/qr_code.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

namespace kiosk::repairs {
void draw_done(const RepairsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text(view.saved_note, ui::TextRole::Body, ui::Align::Center, width);
    for (std::size_t i = 0; i < view.filed.size(); ++i) {
        const FiledView& f = view.filed[i];
        ImGui::Dummy(ImVec2(1, ctx.metrics.mm(3)));
        ui::text(f.what, ui::TextRole::Title, ui::Align::Center, width);
        ui::text(f.number_line, ui::TextRole::Body, ui::Align::Center, width);
        ui::text(f.code_line, ui::TextRole::Title, ui::Align::Center, width);
        ui::text(f.code_spoken, ui::TextRole::Muted, ui::Align::Center, width, ctx.colors().muted_text);
        const float qr = ImMin(width, ctx.metrics.mm(45));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - qr) * 0.5f);
        ui::qr_code(("repairs.qr." + std::to_string(i)).c_str(), f.qr_payload, qr, view.scan_label);
        ui::text(view.scan_label, ui::TextRole::Muted, ui::Align::Center, width, ctx.colors().muted_text);
        const ui::RequiredTargets required;
        if (wide_button(("repairs.follow." + std::to_string(i)).c_str(), ui::with_icon("search", view.follow_label),
                        ui::ButtonKind::Secondary))
            ask(requests, RequestTrackFiled{i});
    }
}

void draw_code_entry(const RepairsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text(view.typed, ui::TextRole::Title, ui::Align::Center, width);
    // The code's 32 symbols, 8 a row (6 at 2x text), then erase and find.
    const std::string alphabet = RepairsFeature::code_alphabet;
    const int columns = ctx.mode.text_scale == TextScale::X2 || ctx.metrics.landscape ? 8 : 8;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float key_w = ImFloor((width - gap * (columns - 1)) / columns);
    const float key_h = ImMax(ctx.target(), key_w * 0.8f);
    const int rows = static_cast<int>((alphabet.size() + columns - 1) / columns);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const std::string find = ui::with_icon("search", view.find_label);
    ui::align_bottom(rows * (key_h + spacing) + wide_button_height(view.erase_label) + wide_button_height(find) +
                     2 * spacing);
    const ui::RequiredTargets required;
    for (std::size_t i = 0; i < alphabet.size(); ++i) {
        if (i % columns != 0)
            ImGui::SameLine();
        const std::string key(1, alphabet[i]);
        if (ui::button(("repairs.code." + key).c_str(), key, ImVec2(key_w, key_h), ui::ButtonKind::Secondary,
                       ui::TextRole::Title))
            ask(requests, RequestCodeKey{alphabet[i]});
    }
    if (wide_button("repairs.code.erase", view.erase_label, ui::ButtonKind::Secondary))
        ask(requests, RequestCodeKey{'<'});
    if (wide_button("repairs.code.find", find, view.can_find ? ui::ButtonKind::Primary : ui::ButtonKind::Disabled))
        ask(requests, RequestFindCode{});
}

void draw_ticket(const RepairsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text(view.ticket_title, ui::TextRole::Title, ui::Align::Left, width);
    ui::text(view.status_line, ui::TextRole::Title, ui::Align::Left, width);
    if (!view.worker_line.empty())
        ui::text(view.worker_line, ui::TextRole::Body, ui::Align::Left, width);
    if (!view.charge_line.empty())
        ui::text(view.charge_line, ui::TextRole::Body, ui::Align::Left, width);
    // What the person just did, right under the status, where it is seen.
    if (!view.after_line.empty())
        ui::text(view.after_line, ui::TextRole::Title, ui::Align::Center, width, ctx.colors().good);
    // Reading the office's news again is a convenience, not a step of the
    // flow: it sits with the status, where it is seen whatever the timeline's length.
    // While nothing is asked of the person, reading the office's news again
    // sits with the status, where it is seen whatever the timeline's length.
    const std::string refresh = ui::with_icon("refresh", view.refresh_label);
    const bool asking = !view.accept_label.empty() || !view.ratings.empty();
    if (!asking && wide_button("repairs.refresh", refresh, ui::ButtonKind::Secondary))
        ask(requests, RequestRefresh{});
    // Newest first, one line each: when, then what.
    for (const LineView& line : view.timeline)
        ui::text(line.left + "  " + line.right, ui::TextRole::Body, ui::Align::Left, width);
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(3)));
    // The actions at the bottom, within reach.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const std::string accept = ui::with_icon("check", view.accept_label);
    float actions = asking ? wide_button_height(refresh) + spacing : 0;
    if (!view.accept_label.empty())
        actions += wide_button_height(accept) + spacing + ui::text_height(view.reject_label, ui::TextRole::Body, width) + spacing +
                   choices_height(view.reject_reasons, width);
    if (!view.ratings.empty())
        actions += choices_height(view.ratings, width);
    ui::align_bottom(actions);
    const ui::RequiredTargets required;
    if (!view.accept_label.empty()) {
        if (wide_button("repairs.accept", accept, ui::ButtonKind::Primary))
            ask(requests, RequestAccept{true, {}});
        ui::text(view.reject_label, ui::TextRole::Body, ui::Align::Left, width);
        const int i = draw_choices(view.reject_reasons, ui::ButtonKind::Secondary, false);
        if (i >= 0)
            ask(requests, RequestAccept{false, view.reject_reasons[static_cast<std::size_t>(i)].value});
    }
    if (!view.ratings.empty()) {
        const int i = draw_choices(view.ratings, ui::ButtonKind::Secondary, false);
        if (i >= 0)
            ask(requests, RequestRate{i + 1});
    }
    if (asking && wide_button("repairs.refresh", refresh, ui::ButtonKind::Secondary))
        ask(requests, RequestRefresh{});
}

} // namespace kiosk::repairs
