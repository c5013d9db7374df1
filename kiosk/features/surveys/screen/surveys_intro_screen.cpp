// Surveys, first: what the office did after the last survey (您说，我们做),
// then each open survey with its start button within reach.
#include "features/surveys/screen/surveys_parts.hpp"
#include "features/surveys/screen/surveys_screens.hpp"

#include "household/screen/household_screens.hpp"
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

float start_block_height(const SurveysView& view, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = 0;
    for (const StartView& start : view.starts) {
        h += ui::text_height(start.title, ui::TextRole::Title, width) + spacing;
        h += ui::text_height(start.about, ui::TextRole::Body, width) + spacing;
        h += ui::button_size(start.household_label, surveys_action_width(), ui::TextRole::Title).y + spacing;
        if (!start.anonymous_id.empty())
            h += ui::button_size(start.anonymous_label, surveys_action_width(), ui::TextRole::Title).y + spacing;
    }
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
        h += start_block_height(view, width);
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

float start_buttons_height(const SurveysView& view)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = 0;
    for (const StartView& start : view.starts) {
        h += ui::button_size(start.household_label, surveys_action_width(), ui::TextRole::Title).y + spacing;
        if (!start.anonymous_id.empty())
            h += ui::button_size(start.anonymous_label, surveys_action_width(), ui::TextRole::Title).y + spacing;
    }
    return h;
}

void draw_start_words(const StartView& start, float width)
{
    ui::text(start.title, ui::TextRole::Title, ui::Align::Center, width);
    ui::text(start.about, ui::TextRole::Body, ui::Align::Center, width);
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

// The open surveys, at the bottom of what is left.
void draw_starts(const SurveysView& view, Requests& requests, float width)
{
    const float room = ImGui::GetContentRegionAvail().y;
    if (view.no_survey.empty() && starts_height(view, width) > room) {
        // Taller than the room (landscape at 2x): the words scroll, the
        // start buttons stay whole at the bottom, within reach.
        const float buttons_h = start_buttons_height(view);
        ui::begin_scroll_area("surveys.start_words", ImVec2(width, ImMax(ui::context().target(), room - buttons_h)),
                              ui::ScrollKind::Page);
        ui::text(view.surveys_title, ui::TextRole::Title, ui::Align::Center, width);
        draw_surveys_message(view);
        for (const StartView& start : view.starts)
            draw_start_words(start, width);
        ui::end_scroll_area();
        const ui::RequiredTargets required;
        for (const StartView& start : view.starts)
            draw_start_buttons(start, requests, width);
        return;
    }
    ui::align_bottom(starts_height(view, width));
    ui::text(view.surveys_title, ui::TextRole::Title, ui::Align::Center, width);
    if (!view.no_survey.empty()) {
        ui::text(view.no_survey, ui::TextRole::Body, ui::Align::Center, width);
        return;
    }
    draw_surveys_message(view);
    const ui::RequiredTargets required;
    for (const StartView& start : view.starts) {
        draw_start_words(start, width);
        draw_start_buttons(start, requests, width);
    }
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
