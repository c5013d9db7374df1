// Fees, after verification: the bill (total due biggest), choosing what to
// pay, and the payment order (QR code, waiting, paid, expired).
#include "features/fees/screen/fees_parts.hpp"

#include "ui/choice_list.hpp"
#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/qr_code.hpp"
#include "ui/read_back.hpp"
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

namespace {

void draw_unit_line(const FeesView& view, float width)
{
    ui::text(view.unit_label + "  " + view.owner_line, ui::TextRole::Body, ui::Align::Center, width);
}

void draw_late_line(const FeesView& view, float width)
{
    if (!view.late_line.empty())
        ui::text(view.late_line, ui::TextRole::Title, ui::Align::Center, width, ui::context().colors().bad);
}

// What is owed, biggest: the total and what of it is late, the unit above
// it. In landscape the unit and the late part head the bills instead: beside
// 缴费 the column has room for the total only (at 2x the late line's comma
// was cut to a full stop at the area's foot).
void draw_bill_summary(const FeesView& view, float width, bool with_unit)
{
    const ui::Palette& p = ui::context().colors();
    if (!view.as_of_line.empty())
        ui::text(view.as_of_line, ui::TextRole::Body, ui::Align::Center, width, p.bad);
    if (with_unit)
        draw_unit_line(view, width);
    ui::text(view.total_label, ui::TextRole::Title, ui::Align::Center, width);
    ui::text(view.total_amount, ui::TextRole::Amount, ui::Align::Center, width);
    if (with_unit)
        draw_late_line(view, width);
    if (!view.settled_line.empty())
        ui::text(view.settled_line, ui::TextRole::Title, ui::Align::Center, width, p.good);
    draw_fees_message(view);
}

float pay_button_height(const FeesView& view, float width)
{
    if (!view.pay_visible)
        return 0;
    float h = ui::button_size(view.pay_label, ImMin(width, action_width()), ui::TextRole::Title).y;
    if (!view.pay_disabled_reason.empty())
        h += ImGui::GetStyle().ItemSpacing.y + ui::text_height(view.pay_disabled_reason, ui::TextRole::Title, width);
    return h;
}

void draw_pay_button(const FeesView& view, Requests& requests, float width)
{
    if (!view.pay_visible)
        return;
    const ui::Palette& p = ui::context().colors();
    const float w = ImMin(width, action_width());
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - w) * 0.5f));
    // Offline: visibly disabled, the reason right under it; a tap still
    // asks, and the core answers with the same reason.
    if (ui::button("fees.pay", view.pay_label, ImVec2(w, 0),
                   view.pay_enabled ? ui::ButtonKind::Primary : ui::ButtonKind::Disabled, ui::TextRole::Title))
        ask(requests, RequestChoose{});
    if (!view.pay_disabled_reason.empty())
        ui::text(view.pay_disabled_reason, ui::TextRole::Title, ui::Align::Center, width, p.bad);
}

// Each kind's bills, then the button that unfolds what was paid.
void draw_bill_lines(const FeesView& view, Requests& requests)
{
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

} // namespace

void draw_fees_bill(const FeesView& view, Requests& requests)
{
    if (view.busy && view.total_amount.empty()) {
        ui::text(view.busy_text, ui::TextRole::Title, ui::Align::Center);
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    if (!ui::context().metrics.landscape) {
        draw_bill_summary(view, width, true);
        if (view.pay_visible)
            gap(2);
        draw_pay_button(view, requests, width);
        draw_bill_lines(view, requests);
        return;
    }
    // Landscape has little height: at 1.5x, 2x and in 长者模式 the summary
    // alone pushed 缴费 under Back/Home. The summary beside the bills, 缴费 at
    // its foot whole on screen (the words above it scroll if they must), the
    // bills scrolling on their own.
    const float spacing_x = ImGui::GetStyle().ItemSpacing.x, spacing_y = ImGui::GetStyle().ItemSpacing.y;
    const float column = ImFloor((width - spacing_x) * 0.5f);
    const float height = ImGui::GetContentRegionAvail().y;
    const float pay_h = pay_button_height(view, column);
    ImGui::BeginGroup();
    ui::begin_scroll_area("fees.bill_summary",
                          ImVec2(column, ImMax(1.0f, height - pay_h - (pay_h > 0 ? spacing_y : 0))),
                          ui::ScrollKind::Page);
    draw_bill_summary(view, column, false);
    ui::end_scroll_area();
    draw_pay_button(view, requests, column);
    ImGui::EndGroup();
    ImGui::SameLine();
    ui::begin_scroll_area("fees.bill_lines", ImVec2(column, height), ui::ScrollKind::List);
    draw_unit_line(view, column);
    draw_late_line(view, column);
    draw_bill_lines(view, requests);
    ui::end_scroll_area();
}

namespace {

// The bills to choose from, one kind at a time: the kind's button chooses or
// unchooses all of it at once, its bills (overdue first) one by one.
// Elderly mode: at most four choices on the screen, so a person chooses
// whole kinds (物业管理费, 水费 ...), three at a time behind 更多, and
// 生成付款码 is the fourth.
void draw_choose_kinds(const FeesView& view, Requests& requests, float width)
{
    std::vector<ui::Choice> kinds;
    for (const ChooseGroupView& group : view.choose_groups)
        kinds.push_back({group.id, group.label, group.all_chosen ? ui::ButtonKind::Selected : ui::ButtonKind::Secondary});
    ui::ChoiceListLayout layout;
    layout.min_width = width;  // one a row
    layout.at_bottom = false;
    layout.role = ui::TextRole::Body;
    layout.elderly_slots = 3;
    const int tapped = ui::choice_list("fees.bills", kinds, layout);
    if (tapped >= 0)
        ask(requests, RequestChooseKind{view.choose_groups[static_cast<std::size_t>(tapped)].kind});
}

void draw_choose_list(const FeesView& view, Requests& requests, float width, float height)
{
    if (ui::context().mode.elderly) {
        // In its own box: the kinds' rows take the box's width, not the
        // screen's (in landscape they ran under the question beside them).
        ImGui::BeginChild("fees.choose_kinds", ImVec2(width, height), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        draw_choose_kinds(view, requests, width);
        ImGui::EndChild();
        return;
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    ui::begin_scroll_area("fees.choose_list", ImVec2(width, height), ui::ScrollKind::List);
    const float half = ImFloor((width - spacing) * 0.5f);
    const ImVec2 all = ui::button_size(view.all_label, half), none = ui::button_size(view.none_label, half);
    const float row_h = ImMax(all.y, none.y);
    if (ui::button("fees.choose_all", view.all_label, ImVec2(half, row_h)))
        ask(requests, RequestChooseAll{true});
    ImGui::SameLine();
    if (ui::button("fees.choose_none", view.none_label, ImVec2(half, row_h)))
        ask(requests, RequestChooseAll{false});
    const float indent = ui::context().metrics.mm(8);
    for (const ChooseGroupView& group : view.choose_groups) {
        gap(2);
        if (ui::button(group.id.c_str(), group.label, ImVec2(width, 0),
                       group.all_chosen ? ui::ButtonKind::Selected : ui::ButtonKind::Secondary, ui::TextRole::Title))
            ask(requests, RequestChooseKind{group.kind});
        for (const ChooseRowView& row : group.rows) {
            // A tick and a fill, never colour alone.
            const std::string label = (row.selected ? "✓ " : "") + row.label + "   " + row.amount;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
            if (ui::button(row.id.c_str(), label, ImVec2(width - indent, 0),
                           row.selected ? ui::ButtonKind::Selected : ui::ButtonKind::Secondary))
                ask(requests, RequestToggleBill{row.bill_id});
        }
    }
    ui::end_scroll_area();
}

// The running total and the button that makes the order: always on screen
// under (portrait) or beside (landscape) the list, at the bottom within reach.
float pay_block_height(const FeesView& view, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = ui::text_height(view.chosen_total, ui::TextRole::Title, width) + spacing +
              ui::button_size(view.create_label, ImMin(width, action_width()), ui::TextRole::Title).y;
    if (!view.message.empty())
        h += ui::text_height(view.message, ui::TextRole::Body, width) + spacing;
    return h;
}

void draw_pay_block(const FeesView& view, Requests& requests, float width)
{
    ui::text(view.chosen_total, ui::TextRole::Title, ui::Align::Center, width);
    if (!view.message.empty())
        ui::text(view.message, ui::TextRole::Body, ui::Align::Center, width,
                 view.message_is_problem ? ui::context().colors().bad : ui::context().colors().text);
    const ui::RequiredTargets required;
    const float w = ImMin(width, action_width());
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - w) * 0.5f));
    const float h = ui::button_size(view.create_label, w, ui::TextRole::Title).y;
    if (view.busy)
        ui::text(view.busy_text, ui::TextRole::Title, ui::Align::Center, w);
    else if (ui::button("fees.create_order", view.create_label, ImVec2(w, h),
                        view.can_create ? ui::ButtonKind::Primary : ui::ButtonKind::Disabled, ui::TextRole::Title) &&
             view.can_create)
        ask(requests, RequestPay{});
}

} // namespace

void draw_fees_choose(const FeesView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing_y = ImGui::GetStyle().ItemSpacing.y;
    const float min_list = ctx.metrics.mm(40);
    if (!ctx.metrics.landscape) {
        ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
        const float block = pay_block_height(view, width);
        draw_choose_list(view, requests, width, ImMax(min_list, ImGui::GetContentRegionAvail().y - block - spacing_y));
        draw_pay_block(view, requests, width);
        return;
    }
    // Landscape has width to spare and little height: the list on the left,
    // the question, total and button on the right, all without scrolling.
    const float spacing_x = ImGui::GetStyle().ItemSpacing.x;
    const float column = ImFloor((width - spacing_x) * 0.5f);
    const float height = ImMax(min_list, ImGui::GetContentRegionAvail().y);
    // The side column starts at the list's top, one column over: in 长者模式
    // the kinds are rows of buttons, and beside the last of them the pay
    // block ran past the screen's foot (生成付款码 under Back/Home).
    const ImVec2 top = ImGui::GetCursorScreenPos();
    draw_choose_list(view, requests, column, height);
    ImGui::SetCursorScreenPos(ImVec2(top.x + column + spacing_x, top.y));
    ImGui::BeginChild("choose side", ImVec2(column, height), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, column);
    ui::align_bottom(pay_block_height(view, column));
    draw_pay_block(view, requests, column);
    ImGui::EndChild();
}

namespace {

void draw_receipt_words(const FeesView& view, float width)
{
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, width);
    ui::text(view.amount_label, ui::TextRole::Body, ui::Align::Center, width);
    ui::text(view.amount, ui::TextRole::Amount, ui::Align::Center, width);
    // What is left to pay right under the number: the first thing asked.
    ui::text(view.receipt_line, ui::TextRole::Title, ui::Align::Center, width);
    if (!view.settled_line.empty())
        ui::text(view.settled_line, ui::TextRole::Title, ui::Align::Center, width);
    for (const std::string& line : view.receipt_details)
        ui::text(line, ui::TextRole::Body, ui::Align::Center, width);
    for (const std::string& item : view.receipt_items)
        ui::text(item, ui::TextRole::Body, ui::Align::Center, width);
}

// At least 60 mm: whole pixels per module leave a code of ~35 mm modules a
// phone reads at arm's length (45 mm left 34 mm); more where the room allows.
float receipt_code_side(const FeesView& view, float room = 0)
{
    const ui::Context& ctx = ui::context();
    return view.receipt_qr.empty() ? 0.0f : ImFloor(ImClamp(room, ctx.metrics.mm(60), ctx.metrics.mm(90)));
}

// The office's receipt page of this order, to keep on the phone; then the
// way back to the bill, whole at the bottom.
// Its label and the button, without the code.
float receipt_code_and_restart_words(const FeesView& view, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = ui::button_size(view.restart_label, ImMin(width, action_width()), ui::TextRole::Title).y;
    if (!view.receipt_qr.empty())
        h += ui::text_height(view.receipt_qr_label, ui::TextRole::Body, width) + 2 * spacing;
    return h;
}

void draw_receipt_code_and_restart(const FeesView& view, Requests& requests, float width, float side)
{
    const float w = ImMin(width, action_width());
    if (!view.receipt_qr.empty()) {
        ui::text(view.receipt_qr_label, ui::TextRole::Body, ui::Align::Center, width);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - side) * 0.5f));
        ui::qr_code("fees.receipt_qr", view.receipt_qr, side, view.receipt_qr_label);
    }
    const ui::RequiredTargets required;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - w) * 0.5f));
    if (ui::button("fees.restart", view.restart_label, ImVec2(w, 0), ui::ButtonKind::Primary, ui::TextRole::Title))
        ask(requests, RequestRestart{});
}

// The receipt: the words scroll if they must (many kinds at 2x), the code and
// the button stay on screen, under them (portrait) or beside them (landscape).
void draw_receipt(const FeesView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float min_words = ctx.metrics.mm(40);
    if (!ctx.metrics.landscape) {
        const float side = receipt_code_side(view);
        const float block = receipt_code_and_restart_words(view, width) + side;
        ui::begin_scroll_area("receipt words",
                              ImVec2(width, ImMax(min_words, ImGui::GetContentRegionAvail().y - block - spacing)),
                              ui::ScrollKind::Page);
        draw_receipt_words(view, width);
        ui::end_scroll_area();
        draw_receipt_code_and_restart(view, requests, width, side);
        return;
    }
    const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    const float height = ImMax(min_words, ImGui::GetContentRegionAvail().y);
    ui::begin_scroll_area("receipt words", ImVec2(column, height), ui::ScrollKind::Page);
    draw_receipt_words(view, column);
    ui::end_scroll_area();
    ImGui::SameLine();
    ImGui::BeginChild("receipt side", ImVec2(column, height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const float words = receipt_code_and_restart_words(view, column);
    const float side = ImMin(column, receipt_code_side(view, height - words - spacing));
    ui::align_bottom(words + side);
    draw_receipt_code_and_restart(view, requests, column, side);
    ImGui::EndChild();
}

// What is paid and until when, first: a person checks both before scanning.
void draw_paying_words(const FeesView& view, float width)
{
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, width);
    ui::text(view.amount_label, ui::TextRole::Body, ui::Align::Center, width);
    ui::text(view.amount, ui::TextRole::Amount, ui::Align::Center, width);
    if (!view.expires_line.empty())
        ui::text(view.expires_line, ui::TextRole::Title, ui::Align::Center, width);
    draw_fees_message(view);
    ui::text(view.busy_text, ui::TextRole::Muted, ui::Align::Center, width);
}

// The address to open by hand, when the payload is one; without a code (an
// address too long to encode) the square itself says to open it.
float paying_address_height(const FeesView& view, float width)
{
    if (view.open_address.empty())
        return 0;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float line = ui::text_height("/", ui::TextRole::Body, width) + spacing;
    const bool one_line = ui::text_height(view.open_address, ui::TextRole::Body, width) <= line - spacing;
    return line * (one_line ? 2 : 3);
}

void draw_paying_address(const FeesView& view, float width)
{
    if (view.open_address.empty())
        return;
    if (ui::qr_encodable(view.qr_payload))
        ui::text(view.url_label, ui::TextRole::Body, ui::Align::Center, width);
    draw_url(view.open_address, width);
}

// As big as the room allows (phones scan from arm's length), never wider
// than the column nor above 130 mm.
void draw_paying_code(const FeesView& view, float width, float room)
{
    const float side = ImFloor(ImMin(ImMin(width, ui::context().metrics.mm(130)), room));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - side) * 0.5f));
    ui::qr_code("fees.qr", view.qr_payload, side, view.url_label);
}

// The words, the code, the address under it: one column in portrait; in
// landscape, with little height (at 2x the code was 41 mm and the expiry
// below the fold), the words on the left, the code as tall as the screen
// allows and the address on the right.
void draw_paying(const FeesView& view, float width)
{
    const ui::Context& ctx = ui::context();
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    if (!ctx.metrics.landscape) {
        draw_paying_words(view, width);
        const float room = ImGui::GetContentRegionAvail().y - paying_address_height(view, width) - spacing;
        draw_paying_code(view, width, ImMax(ctx.metrics.mm(60), room));
        draw_paying_address(view, width);
        return;
    }
    const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    const float height = ImMax(ctx.metrics.mm(50), ImGui::GetContentRegionAvail().y);
    ui::begin_scroll_area("paying words", ImVec2(column, height), ui::ScrollKind::Page);
    draw_paying_words(view, column);
    ui::end_scroll_area();
    ImGui::SameLine();
    ImGui::BeginChild("paying code", ImVec2(column, height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const float address_h = paying_address_height(view, column);
    const float side = ImMax(ctx.metrics.mm(60), ImMin(column, height - address_h - spacing));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImMax(0.0f, (height - side - address_h - spacing) * 0.5f));
    draw_paying_code(view, column, side);
    draw_paying_address(view, column);
    ImGui::EndChild();
}

} // namespace

void draw_fees_order(const FeesView& view, Requests& requests)
{
    if (view.step == FeesStep::Paid) {
        draw_receipt(view, requests);
        return;
    }
    if (view.step == FeesStep::Paying) {
        draw_paying(view, ImGui::GetContentRegionAvail().x);
        return;
    }
    // Expired: what it was for, and the way back to the bill.
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
    ui::text(view.amount_label, ui::TextRole::Body, ui::Align::Center);
    ui::text(view.amount, ui::TextRole::Amount, ui::Align::Center);
    gap(3);
    const float w = action_width();
    centered_button_row_start(w);
    if (ui::button("fees.restart", view.restart_label, ImVec2(w, 0), ui::ButtonKind::Primary, ui::TextRole::Title))
        ask(requests, RequestRestart{});
}

// 长者模式, before the QR code: the unit, what is paid, the total in
// figures and as said; 确认支付 makes the order, 返回修改 goes back to choosing.
void draw_fees_confirm(const FeesView& view, Requests& requests)
{
    const ui::ReadBackAnswer answer = ui::read_back(view.read_back, "fees.confirm_pay", "fees.change_choice");
    if (answer == ui::ReadBackAnswer::Confirm)
        ask(requests, RequestPay{});
    else if (answer == ui::ReadBackAnswer::Change)
        ask(requests, RequestChangeChoice{});
}

} // namespace kiosk::fees
