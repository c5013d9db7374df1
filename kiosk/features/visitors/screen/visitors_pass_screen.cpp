// Visitors, the telling steps: the privacy notice to accept, what a move-out
// carries, and the results (a pass with its QR code, waiting for the
// resident, the front desk, a release code or a release's status).
#include "features/visitors/screen/visitors_parts.hpp"

#include "ui/choice_list.hpp"
#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/qr_code.hpp"
#include "ui/read_back.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

namespace kiosk::visitors {

float button_height(std::string_view label)
{
    const ui::Context& ctx = ui::context();
    return ImMax(ImMax(ctx.target(), ctx.metrics.mm(ctx.mode.elderly ? 24 : 20)),
                 ui::button_size(label, 0, ui::TextRole::Title).y);
}

namespace {

void gap(float mm) { ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(mm))); }

void center_next(float item_w)
{
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - item_w) * 0.5f));
}

// What draw_words puts under the QR code: a gap, the lines, the message.
float words_below_qr(const VisitorsView& view, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = ui::context().metrics.mm(2) + spacing;
    for (const std::string& line : view.lines)
        h += ui::text_height(line, ui::TextRole::Body, width) + spacing;
    if (!view.message.empty())
        h += ui::text_height(view.message, ui::TextRole::Body, width) + spacing;
    return h;
}

// The pass's QR code, as large as the room left above the lines (at most
// 80 mm); never under 60 mm, so a phone still reads it: a short pass is a
// version-1 code, whose 8-module quiet zone and whole-pixel modules left
// only 31 mm of modules in a 50 mm square. The words scroll then.
void draw_qr(const VisitorsView& view, float width)
{
    const ui::Context& ctx = ui::context();
    const float room = ImGui::GetContentRegionAvail().y - words_below_qr(view, width);
    const float side = ImMin(ImMin(width, ctx.metrics.mm(80)), ImMax(ctx.metrics.mm(60), room));
    center_next(side);
    ui::qr_code("visitors.qr", view.qr_payload, side, view.code);
}

void draw_done(const VisitorsView& view, Requests& requests, float width, float h)
{
    const float w = ImMin(width, ui::context().metrics.mm(160));
    const ui::RequiredTargets required;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - w) * 0.5f));
    if (ui::button("visitors.done", view.done_label, ImVec2(w, h), ui::ButtonKind::Primary, ui::TextRole::Title))
        ask(requests, RequestMenu{});
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

// The pass and the other results. Done (Home's twin for the next person)
// stays whole at the bottom, within reach, at any text size: the words above
// it scroll when they must (2x text, elderly), under it in portrait, beside
// the QR code and Done in landscape.
void draw_pass_like(const VisitorsView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetContentRegionAvail().y;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const bool with_done = view.step != VisitorsStep::Waiting;  // the person waits; Home or Back is theirs
    const float done_h = button_height(view.done_label);
    const float done_block = with_done ? done_h + spacing : 0.0f;
    const float min_words = ui::context().metrics.mm(30);
    if (ui::context().metrics.landscape && !view.qr_payload.empty()) {
        // Landscape has little height: the words beside the QR code and Done.
        const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
        ui::begin_scroll_area("visitors.words", ImVec2(column, height), ui::ScrollKind::Page);
        draw_words(view, column, false);
        ui::end_scroll_area();
        ImGui::SameLine();
        ImGui::BeginChild("##visitors_pass_side", ImVec2(column, height), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        const float side =
            ImMin(column, ImMax(ui::context().metrics.mm(60), ImGui::GetContentRegionAvail().y - done_block));
        center_next(side);
        ui::qr_code("visitors.qr", view.qr_payload, side, view.code);
        if (with_done) {
            ui::align_bottom(done_h);
            draw_done(view, requests, column, done_h);
        }
        ImGui::EndChild();
        return;
    }
    // Only a pass has a code to scan: a result without one shows no square.
    ui::begin_scroll_area("visitors.words", ImVec2(width, ImMax(min_words, height - done_block)), ui::ScrollKind::Page);
    draw_words(view, width, !view.qr_payload.empty());
    ui::end_scroll_area();
    if (with_done)
        draw_done(view, requests, width, done_h);
}

// Accept (or try again with the same registration) and decline: side by
// side when they fit in `width`, at the bottom, within reach.
static void draw_privacy_buttons(const VisitorsView& view, Requests& requests, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    if (view.busy) {
        ui::align_bottom(ui::text_height(view.busy_text, ui::TextRole::Title, width));
        ui::text(view.busy_text, ui::TextRole::Title, ui::Align::Center, width);
        return;
    }
    const float h = ImMax(button_height(view.accept_label), button_height(view.decline_label));
    const float half = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    const std::string& yes = view.can_retry ? view.retry_label : view.accept_label;
    const bool side_by_side = ui::button_size(yes, 0, ui::TextRole::Title).x <= half &&
                              ui::button_size(view.decline_label, 0, ui::TextRole::Title).x <= half;
    ui::align_bottom(side_by_side ? h : 2 * h + spacing);
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
}

// The notice's words scroll when they must (2x text, a long summary); in
// landscape what will be sent sits beside them, over the buttons, so the
// person sees it without scrolling.
void draw_privacy(const VisitorsView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetContentRegionAvail().y;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const auto notice = [&](float w) {
        ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, w);
        for (const std::string& line : view.privacy_lines)
            ui::text(line, ui::TextRole::Body, ui::Align::Left, w);
    };
    if (ui::context().metrics.landscape) {
        const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
        ui::begin_scroll_area("visitors.privacy_words", ImVec2(column, height), ui::ScrollKind::Page);
        notice(ImGui::GetContentRegionAvail().x);
        ui::end_scroll_area();
        ImGui::SameLine();
        ImGui::BeginChild("##visitors_privacy_side", ImVec2(column, height), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        ui::text(view.summary, ui::TextRole::Title, ui::Align::Center, column);
        draw_message(view);
        draw_privacy_buttons(view, requests, column);
        ImGui::EndChild();
        return;
    }
    const float h = ImMax(button_height(view.accept_label), button_height(view.decline_label));
    const float words_h = ImMax(ui::context().metrics.mm(30), height - 2 * h - 2 * spacing);
    ui::begin_scroll_area("visitors.privacy_words", ImVec2(width, words_h), ui::ScrollKind::Page);
    const float inner = ImGui::GetContentRegionAvail().x;
    notice(inner);
    gap(1);
    ui::text(view.summary, ui::TextRole::Title, ui::Align::Center, inner);
    draw_message(view);
    ui::end_scroll_area();
    draw_privacy_buttons(view, requests, width);
}

namespace {

// One thing carried out: its name, − count +, as tall as `h`.
void draw_item_row(const ItemRow& row, Requests& requests, float width, float h)
{
    const ui::Context& ctx = ui::context();
    const float spacing_x = ImGui::GetStyle().ItemSpacing.x;
    const float count_w = ui::text_size("00", ui::TextRole::Title).x + ctx.metrics.mm(4);
    const float label_w = ImMax(1.0f, width - 2 * h - count_w - 3 * spacing_x);
    const float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(y + (h - ui::text_height(row.label, ui::TextRole::Title, label_w)) * 0.5f);
    ui::text(row.label, ui::TextRole::Title, ui::Align::Left, label_w);
    ImGui::SetCursorPosY(y);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + label_w + spacing_x);
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
    ImGui::SetCursorPosY(y + h + ImGui::GetStyle().ItemSpacing.y);
}

// Elderly mode shows one thing at a time (its − and +, 更多 and 下一步: four
// buttons, the most elderly mode puts on a screen); 更多 brings the next.
// Which one is in view belongs to the screen, like a scroll offset: a new
// step starts again at the first.
std::size_t& items_page()
{
    static std::size_t page = 0;
    return page;
}

std::vector<const ItemRow*> items_in_view(const VisitorsView& view, bool paged)
{
    std::vector<const ItemRow*> rows;
    if (ui::context().new_page || !paged)
        items_page() = 0;
    if (!paged) {
        for (const ItemRow& row : view.items)
            rows.push_back(&row);
        return rows;
    }
    items_page() %= view.items.size();
    rows.push_back(&view.items[items_page()]);
    return rows;
}

} // namespace

// What a move-out carries: the rows and 下一步 at the bottom, within reach.
// When the rows do not all fit in the reach band (2x text, a landscape
// panel) they become a list that scrolls inside the band, so every − and +
// a finger can see is in reach and 下一步 stays whole.
void draw_items(const VisitorsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, width);
    const bool paged = ctx.mode.elderly && view.items.size() > 1;
    const std::vector<const ItemRow*> rows = items_in_view(view, paged);
    const std::size_t page = items_page();
    // Rows as tall as the words at this text size, never below the target.
    const float h = ImMax(ctx.target(), ui::button_size("+", 0, ui::TextRole::Title).y);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float done_h = button_height(view.items_done_label);
    const std::string more = paged ? ui::more_label(page, view.items.size()) : std::string();
    const float more_h = paged ? button_height(more) + spacing : 0.0f;
    const float rows_h = static_cast<float>(rows.size()) * (h + spacing) + more_h;
    // Above the reach band (portrait) nothing to touch: the list starts below it.
    const float above_reach = ctx.metrics.landscape ? 0.0f
                                                    : ImMax(0.0f, ctx.metrics.reach_top_px - ImGui::GetCursorScreenPos().y);
    const float list_room = ImGui::GetContentRegionAvail().y - above_reach - done_h - spacing;
    if (rows_h <= list_room) {
        ui::align_bottom(rows_h + done_h);
        const ui::RequiredTargets required;
        for (const ItemRow* row : rows)
            draw_item_row(*row, requests, width, h);
    } else {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + above_reach);
        ui::begin_scroll_area("visitors.items", ImVec2(width, ImMax(h, list_room - more_h)), ui::ScrollKind::List);
        const ui::RequiredTargets required;
        for (const ItemRow* row : rows)
            draw_item_row(*row, requests, width, h);
        ui::end_scroll_area();
    }
    const ui::RequiredTargets required;
    if (paged && ui::button("visitors.items.more", more, ImVec2(width, more_h - spacing), ui::ButtonKind::Secondary,
                            ui::TextRole::Title))
        items_page() = page + 1;  // past the last: the first again (items_in_view wraps)
    if (ui::button("visitors.items_done", view.items_done_label, ImVec2(width, done_h),
                   view.can_finish_items ? ui::ButtonKind::Primary : ui::ButtonKind::Disabled, ui::TextRole::Title) &&
        view.can_finish_items)
        ask(requests, RequestItemsDone{});
}

// 长者模式, before anything is sent: the registration (or release request)
// fact by fact; 确认提交 sends it, 返回修改 goes back to the last question.
void draw_read_back(const VisitorsView& view, Requests& requests)
{
    const ui::ReadBackAnswer answer = ui::read_back(view.read_back, "visitors.confirm_submit", "visitors.change");
    if (answer == ui::ReadBackAnswer::Confirm)
        ask(requests, RequestConfirmSubmit{});
    else if (answer == ui::ReadBackAnswer::Change)
        ask(requests, RequestChangeForm{});
}

} // namespace kiosk::visitors
