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

void draw_surveys_intro(const SurveysView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const ui::Palette& p = ctx.colors();
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    // What stays whole at the bottom, within reach: the open surveys and
    // their start buttons. 您说，我们做 above takes the rest and scrolls
    // when it is longer (2x text, many actions).
    float bottom_h = ui::text_height(view.surveys_title, ui::TextRole::Title, width) + spacing;
    if (view.no_survey.empty()) {
        bottom_h += start_block_height(view, width);
        if (!view.message.empty())
            bottom_h += ui::text_height(view.message, ui::TextRole::Body, width) + spacing;
    } else {
        bottom_h += ui::text_height(view.no_survey, ui::TextRole::Body, width) + spacing;
    }
    if (!view.actions.empty()) {
        float actions_h = ui::text_height(view.actions_title, ui::TextRole::Title, width) + spacing + ctx.metrics.mm(4);
        for (const ActionView& action : view.actions)
            actions_h += ctx.metrics.mm(2) + ui::text_height(action.date, ui::TextRole::Muted, width) +
                         ui::text_height("✓ " + action.text, ui::TextRole::Body, width) + 3 * spacing;
        const float room = ImGui::GetContentRegionAvail().y - bottom_h - spacing;
        const bool scrolls = actions_h > room;
        if (scrolls)
            ui::begin_scroll_area("surveys.actions", ImVec2(width, ImMax(room, ctx.metrics.mm(30))),
                                  ui::ScrollKind::List);
        ui::text(view.actions_title, ui::TextRole::Title, ui::Align::Center);
        for (const ActionView& action : view.actions) {
            gap(2);
            ui::text(action.date, ui::TextRole::Muted);
            ui::text("✓ " + action.text, ui::TextRole::Body, ui::Align::Left, width, p.good);
        }
        gap(4);
        if (scrolls)
            ui::end_scroll_area();
    }
    ui::align_bottom(bottom_h);
    ui::text(view.surveys_title, ui::TextRole::Title, ui::Align::Center);
    if (!view.no_survey.empty()) {
        ui::text(view.no_survey, ui::TextRole::Body, ui::Align::Center);
        return;
    }
    draw_surveys_message(view);
    const ui::RequiredTargets required;
    const float w = surveys_action_width();
    for (const StartView& start : view.starts) {
        ui::text(start.title, ui::TextRole::Title, ui::Align::Center);
        ui::text(start.about, ui::TextRole::Body, ui::Align::Center);
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
