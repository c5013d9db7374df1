// Surveys: one question per screen. The question on top; its choices, big,
// and Next at the bottom within reach, never scrolled away: choices that do
// not fit (and in elderly mode any beyond four) wait behind 更多选项.
#include "features/surveys/screen/surveys_parts.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/text_field.hpp"
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

ChoicePage choice_page(const SurveysView& view, std::size_t per_page)
{
    ChoicePage out;
    out.count = view.choices.size();
    if (per_page == 0 || view.choices.size() <= per_page)
        return out;
    out.pages = static_cast<int>((view.choices.size() + per_page - 1) / per_page);
    out.page = view.choice_page % out.pages;
    out.first = static_cast<std::size_t>(out.page) * per_page;
    out.count = ImMin(per_page, view.choices.size() - out.first);
    return out;
}

// A tick and a fill, never colour alone.
std::string choice_text(const ChoiceView& choice) { return (choice.selected ? "✓ " : "") + choice.label; }

// The person's own words: what they are for (reasons only) and the field
// that opens the shared pad. Its height, to keep room for it above Next.
float words_height(const SurveysView& view, float width)
{
    if (!view.takes_words)
        return 0;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const std::string& shown = view.words.empty() ? ui::context().tr("input.placeholder") : view.words;
    float h = ui::button_size(shown, width, ui::TextRole::Body).y + spacing;
    if (!view.words_label.empty())
        h += ui::text_height(view.words_label, ui::TextRole::Body, width) + spacing;
    return h;
}

void draw_words_field(const SurveysView& view, Requests& requests, float width)
{
    if (!view.takes_words)
        return;
    if (!view.words_label.empty())
        ui::text(view.words_label, ui::TextRole::Body, ui::Align::Left, width);
    if (auto text = ui::text_field("surveys.words", TextKind::ChineseText, view.words, TextLimits{words_max}, width))
        ask(requests, RequestWords{*text});
}

} // namespace

namespace {

// The question and what to do with it: on top (portrait) or beside the choices.
void draw_words(const SurveysView& view, float width)
{
    ui::text(view.progress, ui::TextRole::Muted, ui::Align::Center, width);
    ui::text(view.question, ui::TextRole::Title, ui::Align::Center, width);
    ui::text(view.hint, ui::TextRole::Body, ui::Align::Center, width);
    if (!view.message.empty()) {
        const ui::Palette& p = ui::context().colors();
        ui::text(view.message, ui::TextRole::Body, ui::Align::Center, width, view.message_is_problem ? p.bad : p.text);
    }
}

// The choices, the words field (`with_words`), 更多选项 and Next, at the
// bottom of `width` x the height left.
void draw_choices(const SurveysView& view, Requests& requests, float width, bool with_words)
{
    const ui::Context& ctx = ui::context();
    const ui::Palette& p = ctx.colors();
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    // Sized with room for "✓ " whether or not it shows, so a pick never
    // makes a row taller and moves the rows under the finger.
    const float choice_w = width;
    const float min_h = ImMax(ctx.target(), ctx.metrics.mm(ctx.mode.elderly ? 22 : 17));
    std::vector<ImVec2> all_sizes;
    float tallest = min_h;
    auto measure = [&](ui::TextRole role) {
        all_sizes.clear();
        tallest = min_h;
        for (const ChoiceView& choice : view.choices) {
            const ImVec2 fit = ui::button_size("✓ " + choice.label, choice_w, role);
            all_sizes.emplace_back(choice_w, ImMax(min_h, fit.y));
            tallest = ImMax(tallest, all_sizes.back().y);
        }
    };
    ui::TextRole role = ui::TextRole::Title;
    measure(role);
    const float half = ImFloor((width - spacing.x) * 0.5f);
    const ImVec2 next_fit = ui::button_size(view.next_label, half, ui::TextRole::Title);
    const float gap = ctx.metrics.mm(3);
    const float picked_room = ui::text_height(view.picked_line.empty() ? "-" : view.picked_line, ui::TextRole::Body, width);

    // As many choices as fit above Next without scrolling, and at most four
    // in elderly mode (a rating's five points stay together there: splitting
    // a scale would hide one end of it); the rest behind 更多选项.
    // The bottom row as tall as it may get once paged (更多选项 may wrap).
    const float bottom_row = ImMax(next_fit.y, ui::button_size(view.more_label + "  9/9", half, ui::TextRole::Title).y);
    const float words_h = with_words ? words_height(view, width) : 0;
    const float room =
        ImGui::GetContentRegionAvail().y - (gap + 2 * spacing.y + bottom_row + picked_room + spacing.y + words_h);
    auto fitting_rows = [&] {
        return static_cast<std::size_t>(ImMax(1.0f, ImFloor((room + spacing.y) / (tallest + spacing.y))));
    };
    std::size_t fitting = fitting_rows();
    // Choices that do not fit in big type take body type before they page
    // (2x text): a page hides choices, and would split a rating's scale.
    if (view.choices.size() > fitting) {
        role = ui::TextRole::Body;
        measure(role);
        fitting = fitting_rows();
    }
    std::size_t per_page = view.choices.size() <= fitting ? 0 : fitting;
    if (ctx.mode.elderly && view.kind != QuestionKind::Rating && view.choices.size() > elderly_choices_per_page)
        per_page = per_page == 0 ? elderly_choices_per_page : ImMin(per_page, elderly_choices_per_page);
    const ChoicePage page = choice_page(view, per_page);
    const std::vector<ImVec2> sizes(all_sizes.begin() + static_cast<std::ptrdiff_t>(page.first),
                                    all_sizes.begin() + static_cast<std::ptrdiff_t>(page.first + page.count));

    const std::string more = view.more_label + "  " + std::to_string(page.page + 1) + "/" + std::to_string(page.pages);
    const bool paged = page.pages > 1;
    const float next_w = paged ? half : surveys_action_width();
    const ImVec2 more_size = paged ? ui::button_size(more, half, ui::TextRole::Title) : ImVec2(0, 0);
    const float row_h = ImMax(ui::button_size(view.next_label, next_w, ui::TextRole::Title).y, more_size.y);
    const float picked_h = paged ? picked_room + spacing.y : 0;
    const float choices_h = sizes.empty() ? 0 : ui::FlowRow::height(sizes, width) + spacing.y;
    ui::align_bottom(picked_h + choices_h + words_h + gap + spacing.y + row_h);

    const ui::RequiredTargets required;
    // What is picked, also among the choices not on this page (its room is
    // kept while paged, so picking never moves the buttons).
    if (paged)
        ui::text(view.picked_line.empty() ? " " : view.picked_line, ui::TextRole::Body, ui::Align::Center, width, p.good);
    ui::FlowRow row(width);
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const ChoiceView& choice = view.choices[page.first + i];
        row.place(sizes[i].x);
        if (ui::button(choice.widget_id.c_str(), choice_text(choice), sizes[i],
                       choice.selected ? ui::ButtonKind::Selected : ui::ButtonKind::Secondary, role))
            ask(requests, RequestPick{choice.choice_id});
    }
    // The words sit under the choices, above Next, within reach like them.
    if (with_words)
        draw_words_field(view, requests, width);
    ImGui::Dummy(ImVec2(1, gap));
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

} // namespace

void draw_surveys_question(const SurveysView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    if (!ui::context().metrics.landscape) {
        draw_words(view, width);
        draw_choices(view, requests, width, true);
        return;
    }
    // Landscape has width to spare and little height: the question on the
    // left, the choices and Next on the right, the whole height theirs. The
    // field for the person's words sits above Next when there are no
    // choices; else under the question where it fits whole, so it does not
    // page the choices (at large text it goes with them).
    const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    bool words_with_next = view.choices.empty();
    ImGui::BeginGroup();
    draw_words(view, column);
    if (!words_with_next) {
        if (ImGui::GetContentRegionAvail().y >= words_height(view, column))
            draw_words_field(view, requests, column);
        else
            words_with_next = true;
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    draw_choices(view, requests, column, words_with_next);
    ImGui::EndGroup();
}

} // namespace kiosk::surveys
