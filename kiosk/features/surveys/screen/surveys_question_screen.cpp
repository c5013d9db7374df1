// Surveys: one question per screen. The question on top; its choices, big,
// and Next at the bottom within reach. In elderly mode at most four choices
// show at a time, the rest behind 更多选项 (a rating's five points stay
// together: splitting a scale would hide one end of it).
#include "features/surveys/screen/surveys_parts.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

namespace kiosk::surveys {
namespace {

constexpr std::size_t elderly_choices_per_page = 4;

struct ChoicePage {
    std::size_t first = 0, count = 0;
    int page = 0, pages = 1;
};

ChoicePage choice_page(const SurveysView& view)
{
    ChoicePage out;
    out.count = view.choices.size();
    if (!ui::context().mode.elderly || view.kind == QuestionKind::Rating || view.choices.size() <= elderly_choices_per_page)
        return out;
    out.pages = static_cast<int>((view.choices.size() + elderly_choices_per_page - 1) / elderly_choices_per_page);
    out.page = view.choice_page % out.pages;
    out.first = static_cast<std::size_t>(out.page) * elderly_choices_per_page;
    out.count = ImMin(elderly_choices_per_page, view.choices.size() - out.first);
    return out;
}

// A tick and a fill, never colour alone.
std::string choice_text(const ChoiceView& choice) { return (choice.selected ? "✓ " : "") + choice.label; }

} // namespace

void draw_surveys_question(const SurveysView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const ui::Palette& p = ctx.colors();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;

    ui::text(view.survey_title + "  ·  " + view.progress, ui::TextRole::Muted, ui::Align::Center);
    ui::text(view.question, ui::TextRole::Title, ui::Align::Center);
    ui::text(view.hint, ui::TextRole::Body, ui::Align::Center);
    draw_surveys_message(view);

    // Choices: one a row in portrait, two in landscape (width to spare).
    const ChoicePage page = choice_page(view);
    const int columns = ctx.metrics.landscape && ctx.mode.text_scale != TextScale::X2 ? 2 : 1;
    const float choice_w = ImFloor((width - spacing.x * (columns - 1)) / columns);
    const float min_h = ImMax(ctx.target(), ctx.metrics.mm(ctx.mode.elderly ? 22 : 17));
    // Sized with room for "✓ " whether or not it shows, so a pick never
    // makes a row taller and moves the rows under the finger.
    std::vector<ImVec2> sizes;
    for (std::size_t i = page.first; i < page.first + page.count; ++i) {
        const ImVec2 fit = ui::button_size("✓ " + view.choices[i].label, choice_w, ui::TextRole::Title);
        sizes.emplace_back(choice_w, ImMax(min_h, fit.y));
    }
    const std::string more = view.more_label + "  " + std::to_string(page.page + 1) + "/" + std::to_string(page.pages);
    const bool paged = page.pages > 1;
    const float half = ImFloor((width - spacing.x) * 0.5f);
    const float next_w = paged ? half : surveys_action_width();
    const ImVec2 next_size = ui::button_size(view.next_label, next_w, ui::TextRole::Title);
    const ImVec2 more_size = paged ? ui::button_size(more, half, ui::TextRole::Title) : ImVec2(0, 0);
    const float row_h = ImMax(next_size.y, more_size.y);
    const float picked_h =
        paged && !view.picked_line.empty() ? ui::text_height(view.picked_line, ui::TextRole::Body, width) + spacing.y : 0;
    ui::align_bottom(picked_h + ui::FlowRow::height(sizes, width) + spacing.y + ctx.metrics.mm(3) + spacing.y + row_h);

    const ui::RequiredTargets required;
    // What is picked among the choices not on this page.
    if (picked_h > 0)
        ui::text(view.picked_line, ui::TextRole::Body, ui::Align::Center, width, p.good);
    ui::FlowRow row(width);
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const ChoiceView& choice = view.choices[page.first + i];
        row.place(sizes[i].x);
        if (ui::button(choice.widget_id.c_str(), choice_text(choice), sizes[i],
                       choice.selected ? ui::ButtonKind::Selected : ui::ButtonKind::Secondary, ui::TextRole::Title))
            ask(requests, RequestPick{choice.choice_id});
    }
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(3)));
    if (paged) {
        if (ui::button("surveys.more", more, ImVec2(half, row_h), ui::ButtonKind::Secondary, ui::TextRole::Title))
            ask(requests, RequestChoicePage{page.page + 1 < page.pages ? page.page + 1 : 0});
        ImGui::SameLine();
    } else {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - next_w) * 0.5f));
    }
    // Disabled until a single choice is picked; a tap still asks, and the
    // core says what is missing.
    if (ui::button("surveys.next", view.next_label, ImVec2(next_w, row_h),
                   view.can_next ? ui::ButtonKind::Primary : ui::ButtonKind::Disabled, ui::TextRole::Title))
        ask(requests, RequestNext{});
}

} // namespace kiosk::surveys
