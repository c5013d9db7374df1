// Visitors, the telling steps: the privacy notice to accept, what a move-out
// carries, and the results (a pass with its QR code, waiting for the
// resident, the front desk, a release code or a release's status).
#include "features/visitors/screen/visitors_parts.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/qr_code.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::visitors {
namespace {

void gap(float mm) { ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(mm))); }

float wide_button_width() { return ImMin(ImGui::GetContentRegionAvail().x, ui::context().metrics.mm(160)); }

// Tall enough for the touch target and for the words at any text size.
float button_height(std::string_view label = "A")
{
    const ui::Context& ctx = ui::context();
    return ImMax(ImMax(ctx.target(), ctx.metrics.mm(ctx.mode.elderly ? 24 : 20)),
                 ui::button_size(label, 0, ui::TextRole::Title).y);
}

void center_next(float item_w)
{
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - item_w) * 0.5f));
}

// The pass's QR code, as large as the room left above the lines and Done.
void draw_qr(const VisitorsView& view, float width)
{
    const ui::Context& ctx = ui::context();
    const float below = button_height() + 3 * ui::text_height("A", ui::TextRole::Body, width);
    const float side = ImMin(ImMin(width, ctx.metrics.mm(80)), ImMax(ctx.metrics.mm(30), ImGui::GetContentRegionAvail().y - below));
    center_next(side);
    ui::qr_code("visitors.qr", view.qr_payload, side, view.code);
}

} // namespace

void draw_words(const VisitorsView& view, float width, bool with_qr)
{
    if (!view.headline.empty())
        ui::text(view.headline, ui::TextRole::Title, ui::Align::Center, width);
    if (!view.prompt.empty())
        ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, width);
    gap(2);
    if (!view.code.empty()) {
        ui::text(view.code_label, ui::TextRole::Body, ui::Align::Center, width);
        ui::text(view.code, ui::TextRole::Amount, ui::Align::Center, width);
    }
    if (with_qr)
        draw_qr(view, width);
    gap(2);
    for (const std::string& line : view.lines)
        ui::text(line, ui::TextRole::Body, ui::Align::Center, width);
    draw_message(view);
}

void draw_pass_like(const VisitorsView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const float h = button_height(view.done_label);
    if (ui::context().metrics.landscape && !view.qr_payload.empty()) {
        // Landscape has little height: the words beside the QR code.
        const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
        ImGui::BeginGroup();
        draw_words(view, column, false);
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        const float side = ImMin(column, ImMax(ui::context().metrics.mm(30), ImGui::GetContentRegionAvail().y - h - 2 * ImGui::GetStyle().ItemSpacing.y));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (column - side) * 0.5f));
        ui::qr_code("visitors.qr", view.qr_payload, side, view.code);
        ImGui::EndGroup();
    } else {
        draw_words(view, width, true);
    }
    if (view.step == VisitorsStep::Waiting)
        return;  // the person waits; Home or Back is theirs to choose
    // Done is Home's twin for the next person: left out when the words take
    // the room (landscape at 2x), rather than pushed off the screen.
    if (ImGui::GetContentRegionAvail().y < h)
        return;
    const float w = wide_button_width();
    ui::align_bottom(h);
    const ui::RequiredTargets required;
    center_next(w);
    if (ui::button("visitors.done", view.done_label, ImVec2(w, h), ui::ButtonKind::Primary, ui::TextRole::Title))
        ask(requests, RequestMenu{});
}

void draw_privacy(const VisitorsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, width);
    for (const std::string& line : view.privacy_lines)
        ui::text(line, ui::TextRole::Body, ui::Align::Left, width);
    gap(1);
    ui::text(view.summary, ui::TextRole::Title, ui::Align::Center, width);
    draw_message(view);
    if (view.busy) {
        ui::text(view.busy_text, ui::TextRole::Title, ui::Align::Center, width);
        return;
    }
    // Accept (or try again with the same registration) and decline side by
    // side when they fit, at the bottom.
    const float h = ImMax(button_height(view.accept_label), button_height(view.decline_label));
    const float half = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    const std::string& yes = view.can_retry ? view.retry_label : view.accept_label;
    const bool side_by_side = ui::button_size(yes, 0, ui::TextRole::Title).x <= half &&
                              ui::button_size(view.decline_label, 0, ui::TextRole::Title).x <= half;
    ui::align_bottom(side_by_side ? h : 2 * h + ImGui::GetStyle().ItemSpacing.y);
    const ui::RequiredTargets required;
    const float w = side_by_side ? half : width;
    if (ui::button("visitors.decline", view.decline_label, ImVec2(w, h), ui::ButtonKind::Secondary, ui::TextRole::Title))
        ask(requests, RequestPrivacy{false, {}});
    if (side_by_side)
        ImGui::SameLine();
    if (ui::button("visitors.accept", yes, ImVec2(w, h), ui::ButtonKind::Primary, ui::TextRole::Title)) {
        if (view.can_retry)
            ask(requests, RequestRetry{});
        else
            ask(requests, RequestPrivacy{true, view.office_items});
    }
    (void)ctx;
}

void draw_items(const VisitorsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, width);
    // Rows as tall as the words at this text size, never below the target.
    const float h = ImMax(ctx.target(), ui::button_size("+", 0, ui::TextRole::Title).y);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float done_h = button_height(view.items_done_label);
    const float rows_h = static_cast<float>(view.items.size()) * (h + spacing) + done_h;
    ui::align_bottom(rows_h);
    const ui::RequiredTargets required;
    const float count_w = ui::text_size("00", ui::TextRole::Title).x + ctx.metrics.mm(4);
    const float label_w = ImMax(1.0f, width - 2 * h - count_w - 3 * ImGui::GetStyle().ItemSpacing.x);
    for (const ItemRow& row : view.items) {
        const float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(y + (h - ui::text_height(row.label, ui::TextRole::Title, label_w)) * 0.5f);
        ui::text(row.label, ui::TextRole::Title, ui::Align::Left, label_w);
        ImGui::SetCursorPosY(y);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + label_w + ImGui::GetStyle().ItemSpacing.x);
        if (ui::button(row.minus_id.c_str(), "−", ImVec2(h, h), row.any ? ui::ButtonKind::Secondary : ui::ButtonKind::Disabled,
                       ui::TextRole::Title))
            ask(requests, RequestItemCount{row.item, -1});
        ImGui::SameLine();
        const float cy = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(cy + (h - ui::text_height(row.count, ui::TextRole::Title, count_w)) * 0.5f);
        ui::text(row.count, ui::TextRole::Title, ui::Align::Center, count_w);
        ImGui::SameLine();
        ImGui::SetCursorPosY(cy);
        if (ui::button(row.plus_id.c_str(), "+", ImVec2(h, h), ui::ButtonKind::Secondary, ui::TextRole::Title))
            ask(requests, RequestItemCount{row.item, +1});
        ImGui::SetCursorPosY(y + h + spacing);
    }
    if (ui::button("visitors.items_done", view.items_done_label, ImVec2(width, done_h),
                   view.can_finish_items ? ui::ButtonKind::Primary : ui::ButtonKind::Disabled, ui::TextRole::Title) &&
        view.can_finish_items)
        ask(requests, RequestItemsDone{});
}

} // namespace kiosk::visitors
