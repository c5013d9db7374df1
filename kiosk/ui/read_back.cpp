// The read-back screen. Portrait: the question and a payment's total on top
// (never scrolled away), the facts in the middle (they scroll if they must),
// the two answers pinned at the bottom, one a row. Landscape, with little
// height: the facts on the left, the total (or else the question) and the
// answers (side by side) on the right. The
// answers go through ui::choice_list at_bottom: within the reach band and
// registered as required targets; two choices, under elderly mode's four.
#include "ui/read_back.hpp"

#include "ui/choice_list.hpp"
#include "ui/context.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::ui {
namespace {

struct Ids {
    const char* confirm;
    const char* change;
};

std::vector<Choice> answers(const ReadBackView& view, Ids ids)
{
    return {{ids.confirm, with_icon("check", view.confirm_label), ButtonKind::Primary},
            {ids.change, with_icon("arrow-left", view.change_label), ButtonKind::Secondary}};
}

ChoiceListLayout answers_layout(float width, bool at_bottom)
{
    const Context& ctx = context();
    ChoiceListLayout layout;
    // Portrait: one a row, the whole width; landscape: side by side.
    layout.min_width = ctx.metrics.landscape ? ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f) : width;
    layout.min_height = ctx.metrics.mm(ctx.mode.elderly ? 24 : 18);
    layout.at_bottom = at_bottom;
    return layout;
}

float answers_height(const ReadBackView& view, Ids ids, float width)
{
    return view.busy ? text_height(view.busy_text, TextRole::Title, width)
                     : choice_list_height("read_back", answers(view, ids), answers_layout(width, false), width);
}

// A payment's total in the largest figures and as said.
void draw_total(const ReadBackView& view, float width)
{
    if (view.total.empty())
        return;
    text(view.total_label, TextRole::Title, Align::Center, width);
    text(view.total, TextRole::Amount, Align::Center, width);
    if (!view.total_words.empty())
        text(view.total_words, TextRole::Title, Align::Center, width);
}

float head_height(const ReadBackView& view, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = text_height(view.prompt, TextRole::Title, width) + spacing;  // the question, then the total
    if (!view.total.empty()) {
        h += text_height(view.total_label, TextRole::Title, width) + text_height(view.total, TextRole::Amount, width) +
             2 * spacing;
        if (!view.total_words.empty())
            h += text_height(view.total_words, TextRole::Title, width) + spacing;
    }
    return h;
}

void draw_facts(const ReadBackView& view, float width, float height)
{
    begin_scroll_area("read_back.words", ImVec2(width, height), ScrollKind::Page);
    const float inner = ImGui::GetContentRegionAvail().x;
    for (const std::string& line : view.lines)
        text(line, TextRole::Title, Align::Left, inner);
    if (!view.message.empty())
        text(view.message, TextRole::Body, Align::Center, inner, context().colors().bad);
    ImGui::Dummy(ImVec2(1, ImGui::GetStyle().ItemSpacing.y));
    end_scroll_area();
}

ReadBackAnswer draw_answers(const ReadBackView& view, Ids ids, float width)
{
    align_bottom(answers_height(view, ids, width));
    if (view.busy) {
        text(view.busy_text, TextRole::Title, Align::Center, width);
        return ReadBackAnswer::None;
    }
    switch (choice_list("read_back", answers(view, ids), answers_layout(width, true))) {
    case 0: return ReadBackAnswer::Confirm;
    case 1: return ReadBackAnswer::Change;
    default: return ReadBackAnswer::None;
    }
}

} // namespace

std::vector<std::string> read_back_pieces(const ReadBackView& view)
{
    std::vector<std::string> pieces{view.prompt};
    for (const std::string* s : {&view.total_label, &view.total})
        if (!s->empty())
            pieces.push_back(*s);
    pieces.insert(pieces.end(), view.lines.begin(), view.lines.end());
    if (!view.message.empty())
        pieces.push_back(view.message);
    return pieces;
}

ReadBackAnswer read_back(const ReadBackView& view, const char* confirm_id, const char* change_id)
{
    const Ids ids{confirm_id, change_id};
    Context& ctx = context();
    if (ctx.new_page && ctx.screen_reader)
        ctx.say = read_back_pieces(view);  // 读屏: what is about to be sent, said before it is
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetContentRegionAvail().y;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    if (ctx.metrics.landscape) {
        const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
        const ImVec2 start = ImGui::GetCursorPos();
        // The question over the facts when the total needs the right side.
        const bool prompt_left = !view.total.empty();
        float prompt_h = 0;
        if (prompt_left) {
            text(view.prompt, TextRole::Title, Align::Center, column);
            prompt_h = text_height(view.prompt, TextRole::Title, column) + spacing;
        }
        draw_facts(view, column, ImMax(height - prompt_h, ImGui::GetFontSize()));
        ImGui::SetCursorPos(ImVec2(start.x + column + ImGui::GetStyle().ItemSpacing.x, start.y));
        ImGui::BeginChild("read_back.side", ImVec2(column, height), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        if (!prompt_left)
            text(view.prompt, TextRole::Title, Align::Center, column);
        draw_total(view, column);
        const ReadBackAnswer answer = draw_answers(view, ids, column);
        ImGui::EndChild();
        return answer;
    }
    text(view.prompt, TextRole::Title, Align::Center, width);
    draw_total(view, width);
    // The facts take what is left between the total and the answers, and
    // scroll within it: never more, or their last lines run under 确认.
    const float room = height - head_height(view, width) - answers_height(view, ids, width) - 2 * spacing;
    draw_facts(view, width, ImMax(room, ImGui::GetFontSize()));
    return draw_answers(view, ids, width);
}

} // namespace kiosk::ui
