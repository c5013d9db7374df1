// Surveys, first: what the office did after the last survey (您说，我们做),
// then each open survey with its start button within reach.
#include "features/surveys/screen/surveys_parts.hpp"
#include "features/surveys/screen/surveys_screens.hpp"

#include "household/screen/household_screens.hpp"
#include "ui/choice_list.hpp"
#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <string>

namespace kiosk::surveys {
namespace {

void gap(float mm) { ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(mm))); }

int start_buttons(const StartView& start)
{
    return start.anonymous_id.empty() ? 1 : 2;
}

// What the pages are of: a new set of open surveys starts at the first.
std::string starts_signature(const SurveysView& view)
{
    std::string signature;
    for (const StartView& start : view.starts)
        signature += start.survey.id + '\n';
    return signature;
}

// The surveys in view: all of them, or in 长者模式 when their buttons are
// more than four, a page of them whose buttons and 更多 make at most four.
struct StartsPage {
    std::size_t first = 0, count = 0, page = 0, pages = 1;
    bool paged() const { return pages > 1; }
};

StartsPage starts_page(const SurveysView& view)
{
    StartsPage in_view;
    in_view.count = view.starts.size();
    int buttons = 0;
    for (const StartView& start : view.starts)
        buttons += start_buttons(start);
    const int slots = static_cast<int>(ui::elderly_choices_at_once);
    if (!ui::context().mode.elderly || buttons <= slots)
        return in_view;
    // Pages of whole surveys, each leaving a slot for 更多.
    std::vector<std::size_t> firsts{0};
    int on_page = 0;
    for (std::size_t i = 0; i < view.starts.size(); ++i) {
        const int n = start_buttons(view.starts[i]);
        if (on_page > 0 && on_page + n > slots - 1) {
            firsts.push_back(i);
            on_page = 0;
        }
        on_page += n;
    }
    std::size_t& page = ui::paged_list_page("surveys.starts", starts_signature(view));
    page %= firsts.size();
    in_view.page = page;
    in_view.pages = firsts.size();
    in_view.first = firsts[page];
    in_view.count = (page + 1 < firsts.size() ? firsts[page + 1] : view.starts.size()) - in_view.first;
    return in_view;
}

float start_block_height(const SurveysView& view, const StartsPage& in_view, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = 0;
    for (std::size_t i = in_view.first; i < in_view.first + in_view.count; ++i) {
        const StartView& start = view.starts[i];
        h += ui::text_height(start.title, ui::TextRole::Title, width) + spacing;
        h += ui::text_height(start.about, ui::TextRole::Body, width) + spacing;
        h += ui::button_size(start.household_label, surveys_action_width(), ui::TextRole::Title).y + spacing;
        if (!start.anonymous_id.empty())
            h += ui::button_size(start.anonymous_label, surveys_action_width(), ui::TextRole::Title).y + spacing;
    }
    if (in_view.paged())
        h += ui::button_size(ui::more_label(in_view.page, in_view.pages), surveys_action_width(), ui::TextRole::Title).y +
             spacing;
    return h;
}

} // namespace

float surveys_action_width()
{
    return ImMin(ImGui::GetContentRegionAvail().x, ui::context().metrics.mm(170));
}

void draw_surveys_message(const SurveysView& view)
{
    if (view.message.empty())
        return;
    const ui::Palette& p = ui::context().colors();
    ui::text(view.message, ui::TextRole::Body, ui::Align::Center, 0, view.message_is_problem ? p.bad : p.text);
}

namespace {

// What stays whole at the bottom, within reach: the open surveys and their
// start buttons.
float starts_height(const SurveysView& view, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = ui::text_height(view.surveys_title, ui::TextRole::Title, width) + spacing;
    if (view.no_survey.empty()) {
        h += start_block_height(view, starts_page(view), width);
        if (!view.message.empty())
            h += ui::text_height(view.message, ui::TextRole::Body, width) + spacing;
    } else {
        h += ui::text_height(view.no_survey, ui::TextRole::Body, width) + spacing;
    }
    return h;
}

float actions_height(const SurveysView& view, float width)
{
    const ui::Context& ctx = ui::context();
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = ui::text_height(view.actions_title, ui::TextRole::Title, width) + spacing + ctx.metrics.mm(4);
    for (const ActionView& action : view.actions)
        h += ctx.metrics.mm(2) + ui::text_height(action.date, ui::TextRole::Muted, width) +
             ui::text_height("✓ " + action.text, ui::TextRole::Body, width) + 3 * spacing;
    return h;
}

// 您说，我们做: what the office did after the last survey.
void draw_actions(const SurveysView& view, float width)
{
    ui::text(view.actions_title, ui::TextRole::Title, ui::Align::Center, width);
    for (const ActionView& action : view.actions) {
        gap(2);
        ui::text(action.date, ui::TextRole::Muted, ui::Align::Left, width);
        ui::text("✓ " + action.text, ui::TextRole::Body, ui::Align::Left, width, ui::context().colors().good);
    }
    gap(4);
}

void draw_start_buttons(const StartView& start, Requests& requests, float width)
{
    const float w = surveys_action_width();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - w) * 0.5f));
    if (ui::button(start.household_id.c_str(), start.household_label, ImVec2(w, 0), ui::ButtonKind::Primary,
                   ui::TextRole::Title))
        ask(requests, RequestStart{start.survey, false});
    if (!start.anonymous_id.empty()) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - w) * 0.5f));
        if (ui::button(start.anonymous_id.c_str(), start.anonymous_label, ImVec2(w, 0), ui::ButtonKind::Secondary,
                       ui::TextRole::Title))
            ask(requests, RequestStart{start.survey, true});
    }
}

// 更多: the next page of surveys (长者模式, more than four buttons).
void draw_more_button(const SurveysView& view, const StartsPage& in_view, float width)
{
    if (!in_view.paged())
        return;
    const float w = surveys_action_width();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (width - w) * 0.5f));
    if (ui::button("surveys.more", ui::more_label(in_view.page, in_view.pages), ImVec2(w, 0), ui::ButtonKind::Primary,
                   ui::TextRole::Title))
        ++ui::paged_list_page("surveys.starts", starts_signature(view));
}

// Each survey's title, then its buttons; its closing date and length before
// them, or, where the list must scroll, after them: the first survey's
// buttons then sit right under its title, whole without scrolling.
void draw_start_list(const SurveysView& view, Requests& requests, const StartsPage& in_view, float width,
                     bool about_after_buttons)
{
    ui::text(view.surveys_title, ui::TextRole::Title, ui::Align::Center, width);
    draw_surveys_message(view);
    const ui::RequiredTargets required;
    for (std::size_t i = in_view.first; i < in_view.first + in_view.count; ++i) {
        const StartView& start = view.starts[i];
        ui::text(start.title, ui::TextRole::Title, ui::Align::Center, width);
        if (!about_after_buttons)
            ui::text(start.about, ui::TextRole::Body, ui::Align::Center, width);
        draw_start_buttons(start, requests, width);
        if (about_after_buttons)
            ui::text(start.about, ui::TextRole::Muted, ui::Align::Center, width, ui::context().colors().muted_text);
    }
}

// The open surveys, at the bottom of what is left, each with its own start
// buttons right under its title. Taller than the room (several surveys,
// landscape at 2x): a list that scrolls, the first survey's buttons whole
// at its top (they once came only after every survey's words).
void draw_starts(const SurveysView& view, Requests& requests, float width)
{
    const float room = ImGui::GetContentRegionAvail().y;
    if (!view.no_survey.empty()) {
        ui::align_bottom(starts_height(view, width));
        ui::text(view.surveys_title, ui::TextRole::Title, ui::Align::Center, width);
        ui::text(view.no_survey, ui::TextRole::Body, ui::Align::Center, width);
        return;
    }
    const StartsPage in_view = starts_page(view);
    if (starts_height(view, width) > room) {
        // 更多 stays whole under the list; each page starts at its top.
        const float more_h =
            in_view.paged()
                ? ui::button_size(ui::more_label(in_view.page, in_view.pages), surveys_action_width(), ui::TextRole::Title).y +
                      ImGui::GetStyle().ItemSpacing.y
                : 0.0f;
        ImGui::PushID(static_cast<int>(in_view.page));  // a page of its own scroll area: each page starts at its top
        ui::begin_scroll_area("surveys.start_list", ImVec2(width, ImMax(ui::context().target(), room - more_h)),
                              ui::ScrollKind::List);
        draw_start_list(view, requests, in_view, width, true);
        ui::end_scroll_area();
        ImGui::PopID();
    } else {
        ui::align_bottom(starts_height(view, width));
        draw_start_list(view, requests, in_view, width, false);
    }
    const ui::RequiredTargets required;
    draw_more_button(view, in_view, width);
}

} // namespace

void draw_surveys_intro(const SurveysView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    if (ctx.metrics.landscape && !view.actions.empty()) {
        // Landscape has little height: at 2x the actions above the surveys
        // pushed 开始作答（匿名） under Back/Home. 您说，我们做 on the left
        // (scrolling when longer), the surveys to start on the right.
        const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
        const float height = ImGui::GetContentRegionAvail().y;
        ui::begin_scroll_area("surveys.actions", ImVec2(column, height), ui::ScrollKind::List);
        draw_actions(view, column);
        ui::end_scroll_area();
        ImGui::SameLine();
        ui::begin_scroll_area("surveys.starts", ImVec2(column, height), ui::ScrollKind::Page);
        draw_starts(view, requests, column);
        ui::end_scroll_area();
        return;
    }
    // 您说，我们做 above the surveys takes the rest and scrolls when it is
    // longer (2x text, many actions).
    if (!view.actions.empty()) {
        const float room = ImGui::GetContentRegionAvail().y - starts_height(view, width) - spacing;
        const bool scrolls = actions_height(view, width) > room;
        if (scrolls)
            ui::begin_scroll_area("surveys.actions", ImVec2(width, ImMax(room, ctx.metrics.mm(30))),
                                  ui::ScrollKind::List);
        draw_actions(view, width);
        if (scrolls)
            ui::end_scroll_area();
    }
    draw_starts(view, requests, width);
}

namespace {

void draw_surveys_screen(const SurveysView& view, Requests& requests)
{
    ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(2)));
    switch (view.step) {
    case SurveysStep::Intro: draw_surveys_intro(view, requests); break;
    case SurveysStep::Unit:
        if (const auto r = household::draw_unit_picker(view.picker))
            std::visit([&](const auto& x) { ask(requests, x); }, *r);
        break;
    case SurveysStep::Digits:
        if (const auto r = household::draw_household_keypad(view.keypad))
            std::visit([&](const auto& x) { ask(requests, x); }, *r);
        break;
    case SurveysStep::Checking: ui::text(view.checking_text, ui::TextRole::Title, ui::Align::Center); break;
    case SurveysStep::Question: draw_surveys_question(view, requests); break;
    case SurveysStep::Review: draw_surveys_review(view, requests); break;
    case SurveysStep::Done:
    case SurveysStep::AlreadyAnswered: draw_surveys_done(view, requests); break;
    }
}

// A new page per question, so each starts at the top.
int page_of(const SurveysView& view)
{
    return static_cast<int>(view.step) * 10000 + static_cast<int>(view.picker.step) * 1000 +
           static_cast<int>(std::hash<std::string>{}(view.progress + view.question) % 1000);
}

} // namespace

ui::FeatureScreens surveys_screens()
{
    return ui::make_feature_screens<SurveysView>(draw_surveys_screen, [](const SurveysView&, Requests&) {}, page_of);
}

} // namespace kiosk::surveys
