// Fees, after verification: the bill (total due biggest), choosing what to
// pay, and the payment order (QR code, waiting, paid, expired).
#include "features/fees/screen/fees_parts.hpp"

#include "ui/choice_list.hpp"
#include "ui/context.hpp"
#include "ui/qr_code.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::fees {
namespace {

void gap(float mm)
{
    ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(mm)));
}

void centered_button_row_start(float button_w)
{
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - button_w) * 0.5f));
}

float action_width()
{
    return ImMin(ImGui::GetContentRegionAvail().x, ui::context().metrics.mm(160));
}

void draw_group(const FeeGroupView& group, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const ui::Palette& p = ctx.colors();
    const float width = ImGui::GetContentRegionAvail().x;
    gap(3);
    ui::text(group.name + "  ·  " + group.subtotal, ui::TextRole::Title);
    if (!group.rate.empty())
        ui::text(group.rate, ui::TextRole::Muted);
    if (!group.explain_id.empty()) {
        const ImVec2 size = ui::button_size(group.explain_label);
        if (ui::button(group.explain_id.c_str(), group.explain_label, ImVec2(ImMin(size.x, width), size.y)))
            ask(requests, RequestExplain{group.kind});
    }
    for (const FeeLineView& line : group.lines) {
        std::string row = line.period + "   " + line.amount + "   " + line.status;
        ui::text(row, ui::TextRole::Body, ui::Align::Left, width, line.late ? p.bad : line.open ? p.text : p.muted_text);
    }
}

// A web address has no spaces to wrap at: if it does not fit on one line,
// break it after its last '/' so the order number stays whole.
void draw_url(const std::string& url, float width)
{
    const std::size_t slash = url.rfind('/');
    const bool fits = ui::text_height(url, ui::TextRole::Body, width) <= ui::text_height("/", ui::TextRole::Body, width);
    if (fits || slash == std::string::npos) {
        ui::text(url, ui::TextRole::Body, ui::Align::Center);
        return;
    }
    ui::text(url.substr(0, slash + 1), ui::TextRole::Body, ui::Align::Center);
    ui::text(url.substr(slash + 1), ui::TextRole::Body, ui::Align::Center);
}

} // namespace

void draw_fees_bill(const FeesView& view, Requests& requests)
{
    if (view.busy && view.total_amount.empty()) {
        ui::text(view.busy_text, ui::TextRole::Title, ui::Align::Center);
        return;
    }
    const ui::Palette& p = ui::context().colors();
    if (!view.as_of_line.empty())
        ui::text(view.as_of_line, ui::TextRole::Body, ui::Align::Center, 0, p.bad);
    ui::text(view.unit_label + "  " + view.owner_line, ui::TextRole::Body, ui::Align::Center);
    ui::text(view.total_label, ui::TextRole::Title, ui::Align::Center);
    ui::text(view.total_amount, ui::TextRole::Amount, ui::Align::Center);
    if (!view.late_line.empty())
        ui::text(view.late_line, ui::TextRole::Title, ui::Align::Center, 0, p.bad);
    if (!view.settled_line.empty())
        ui::text(view.settled_line, ui::TextRole::Title, ui::Align::Center, 0, p.good);
    draw_fees_message(view);
    if (view.pay_visible) {
        gap(2);
        const float w = action_width();
        centered_button_row_start(w);
        // Offline: visibly disabled, the reason right under it; a tap still
        // asks, and the core answers with the same reason.
        if (ui::button("fees.pay", view.pay_label, ImVec2(w, 0),
                       view.pay_enabled ? ui::ButtonKind::Primary : ui::ButtonKind::Disabled, ui::TextRole::Title))
            ask(requests, RequestChoose{});
        if (!view.pay_disabled_reason.empty())
            ui::text(view.pay_disabled_reason, ui::TextRole::Title, ui::Align::Center, 0, p.bad);
    }
    for (const FeeGroupView& group : view.groups)
        draw_group(group, requests);
    if (!view.history_id.empty()) {
        gap(3);
        const float w = action_width();
        centered_button_row_start(w);
        if (ui::button(view.history_id.c_str(), view.history_label, ImVec2(w, 0)))
            ask(requests, RequestTogglePaidHistory{});
    }
}

void draw_fees_choose(const FeesView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
    ui::text(view.chosen_total, ui::TextRole::Title, ui::Align::Center);
    draw_fees_message(view);
    const float w = action_width();
    centered_button_row_start(w);
    if (view.busy)
        ui::text(view.busy_text, ui::TextRole::Title, ui::Align::Center, w);
    else if (ui::button("fees.create_order", view.create_label, ImVec2(w, 0),
                        view.can_create ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary, ui::TextRole::Title) &&
             view.can_create)
        ask(requests, RequestPay{});
    gap(2);
    // Elderly mode: at most four choices on the screen, so the bills (all
    // chosen at first) are ticked one by one, without 全选 / 全不选.
    const bool elderly = ui::context().mode.elderly;
    if (!elderly) {
        const float half = ImFloor((width - spacing) * 0.5f);
        const ImVec2 all = ui::button_size(view.all_label, half), none = ui::button_size(view.none_label, half);
        const float row_h = ImMax(all.y, none.y);
        if (ui::button("fees.choose_all", view.all_label, ImVec2(half, row_h)))
            ask(requests, RequestChooseAll{true});
        ImGui::SameLine();
        if (ui::button("fees.choose_none", view.none_label, ImVec2(half, row_h)))
            ask(requests, RequestChooseAll{false});
        gap(2);
    }
    std::vector<ui::Choice> rows;
    for (const ChooseRowView& row : view.rows)  // a tick and a fill, never colour alone
        rows.push_back({row.id, (row.selected ? "✓ " : "") + row.label + "   " + row.amount,
                        row.selected ? ui::ButtonKind::Selected : ui::ButtonKind::Secondary});
    ui::ChoiceListLayout layout;
    layout.min_width = width;  // one a row
    layout.at_bottom = false;
    layout.role = ui::TextRole::Body;
    layout.elderly_slots = 3;  // 生成付款码 is the fourth
    const int tapped = ui::choice_list("fees.bills", rows, layout);
    if (tapped >= 0)
        ask(requests, RequestToggleBill{view.rows[static_cast<std::size_t>(tapped)].bill_id});
}

void draw_fees_order(const FeesView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
    ui::text(view.amount_label, ui::TextRole::Body, ui::Align::Center);
    ui::text(view.amount, ui::TextRole::Amount, ui::Align::Center);
    switch (view.step) {
    case FeesStep::Paying: {
        draw_fees_message(view);
        // Big, as phones scan from arm's length, but whole on a landscape
        // screen with room for the address line under it.
        const float line = ui::text_height("A", ui::TextRole::Body, width);
        const float room = ImGui::GetContentRegionAvail().y - 2 * line;
        const float side = ImMin(ImMin(width, ctx.metrics.mm(130)), ImMax(ctx.metrics.mm(60), room));
        centered_button_row_start(side);
        // No code (an address too long to encode): the square says to open
        // the address below instead.
        if (ui::qr_code("fees.qr", view.qr_payload, side, view.url_label) && !view.open_address.empty())
            ui::text(view.url_label, ui::TextRole::Body, ui::Align::Center);
        if (!view.open_address.empty())
            draw_url(view.open_address, width);
        if (!view.expires_line.empty())
            ui::text(view.expires_line, ui::TextRole::Body, ui::Align::Center);
        ui::text(view.busy_text, ui::TextRole::Muted, ui::Align::Center);
        break;
    }
    case FeesStep::Paid:
        ui::text(view.receipt_line, ui::TextRole::Title, ui::Align::Center);
        if (!view.settled_line.empty())
            ui::text(view.settled_line, ui::TextRole::Title, ui::Align::Center);
        [[fallthrough]];
    default: {
        gap(3);
        const float w = action_width();
        centered_button_row_start(w);
        if (ui::button("fees.restart", view.restart_label, ImVec2(w, 0), ui::ButtonKind::Primary, ui::TextRole::Title))
            ask(requests, RequestRestart{});
        break;
    }
    }
}

} // namespace kiosk::fees
