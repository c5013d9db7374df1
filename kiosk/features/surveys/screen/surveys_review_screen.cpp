// Surveys, at the end: the answers read back, each with 修改, and the one
// submit; then the thanks.
#include "features/surveys/screen/surveys_parts.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::surveys {

void draw_surveys_review(const SurveysView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    ui::text(view.review_title, ui::TextRole::Title, ui::Align::Center);
    ui::text(view.review_note, ui::TextRole::Body, ui::Align::Center);
    // As wide as its word plus room, so 修改 never wraps inside its button.
    const ImVec2 word = ui::button_size(view.edit_label, 0, ui::TextRole::Body);
    const ImVec2 edit(ImMax(word.x + ctx.metrics.mm(6), ctx.metrics.mm(30)), word.y);
    const float words_w = width - edit.x - spacing;
    // 确认提交 (and what happened to the last try) at the foot of the page,
    // whole on screen at every text size; the answers above it scroll on
    // their own (at 2x they are taller than the screen, and 确认提交 was
    // below the fold).
    const float w = surveys_action_width();
    const float spacing_y = ImGui::GetStyle().ItemSpacing.y;
    const float message_h =
        view.message.empty() ? 0.0f : ui::text_height(view.message, ui::TextRole::Body, width) + spacing_y;
    const float submit_h = ui::button_size(view.submit_label, w, ui::TextRole::Title).y;
    const float answers_h = ImGui::GetContentRegionAvail().y - message_h - submit_h - spacing_y;
    ui::begin_scroll_area("surveys.review", ImVec2(width, ImMax(ctx.target(), answers_h)), ui::ScrollKind::List);
    for (const ReviewRowView& row : view.rows) {
        ImGui::Dummy(ImVec2(1, ctx.metrics.mm(2)));
        // The question and its answer on the left, 修改 on the right.
        ImGui::BeginGroup();
        ui::text(row.question, ui::TextRole::Muted, ui::Align::Left, words_w);
        ui::text(row.answer, ui::TextRole::Title, ui::Align::Left, words_w);
        ImGui::EndGroup();
        ImGui::SameLine(width - edit.x + ImGui::GetCursorStartPos().x);
        if (ui::button(row.edit_id.c_str(), view.edit_label, edit, ui::ButtonKind::Secondary, ui::TextRole::Body))
            ask(requests, RequestEdit{row.question_id});
    }
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(4)));
    ui::end_scroll_area();
    ui::align_bottom(message_h + submit_h);
    draw_surveys_message(view);
    const ui::RequiredTargets required;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - w) * 0.5f));
    if (ui::button("surveys.submit", view.submit_label, ImVec2(w, 0), ui::ButtonKind::Primary, ui::TextRole::Title))
        ask(requests, RequestSendAnswers{});
}

void draw_surveys_done(const SurveysView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(10)));
    ui::text(view.done_title, ui::TextRole::Title, ui::Align::Center);
    ui::text(view.done_detail, ui::TextRole::Body, ui::Align::Center);
    const float w = surveys_action_width();
    ui::align_bottom(ui::button_size(view.home_label, w, ui::TextRole::Title).y);
    const ui::RequiredTargets required;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - w) * 0.5f));
    if (ui::button("surveys.home", view.home_label, ImVec2(w, 0), ui::ButtonKind::Primary, ui::TextRole::Title))
        requests.push(RequestHome{});
}

} // namespace kiosk::surveys
