// Visitors, the asking steps: big choice buttons (errand, purpose, people,
// day, who moves) and the keypad steps (a code, a phone, a release code),
// with what a person must touch at the bottom, within reach.
#include "features/visitors/screen/visitors_parts.hpp"
#include "features/visitors/screen/visitors_screens.hpp"

#include "household/screen/household_screens.hpp"
#include "ui/choice_list.hpp"
#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/text_field.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

namespace kiosk::visitors {
namespace {

void on_choice(const VisitorsView& view, const VisitorsChoice& choice, Requests& requests)
{
    switch (view.step) {
    case VisitorsStep::Menu:
        ask(requests, RequestErrand{choice.value == "code"       ? Errand::Code
                                    : choice.value == "walk_in"  ? Errand::WalkIn
                                    : choice.value == "move_out" ? Errand::MoveOut
                                                                 : Errand::Release});
        break;
    case VisitorsStep::Purpose: ask(requests, RequestPurpose{choice.value}); break;
    case VisitorsStep::People: ask(requests, RequestPeople{std::stoi(choice.value)}); break;
    case VisitorsStep::Car: ask(requests, RequestDriving{choice.value == "car_yes"}); break;
    case VisitorsStep::MoveWhen: ask(requests, RequestDay{std::stoi(choice.value)}); break;
    case VisitorsStep::MoveWho: ask(requests, RequestRelation{choice.value}); break;
    default: break;
    }
}

// The errands are few and read as sentences: full-width rows (two a row on
// a landscape panel, which has width and little height). Purposes, numbers
// and days share rows. Elderly mode pages them: three and 更多.
void draw_choices(const VisitorsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool rows = view.step == VisitorsStep::Menu;
    const float half = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    std::vector<ui::Choice> choices;
    for (std::size_t i = 0; i < view.choices.size(); ++i)
        choices.push_back({view.choices[i].id, view.choices[i].label,
                           rows && i == 0 ? ui::ButtonKind::Primary : ui::ButtonKind::Secondary});
    ui::ChoiceListLayout layout;
    layout.min_width = rows ? (ctx.metrics.landscape ? half : width)
                            : ctx.metrics.mm(view.step == VisitorsStep::People ? 36 : 70);
    layout.min_height = ctx.metrics.mm(ctx.mode.elderly ? 24 : 20);
    const int tapped = ui::choice_list("visitors.choices", choices, layout);
    if (tapped >= 0)
        on_choice(view, view.choices[static_cast<std::size_t>(tapped)], requests);
}

// Room for two lines of message, kept whether or not one shows, so a
// message never moves the keys under a finger.
float message_room(float width) { return ui::text_height("-\n-", ui::TextRole::Body, width); }

void draw_typed(const VisitorsView& view, float width)
{
    // Nothing typed yet keeps the digits' room, so the keys never move.
    if (view.typed.empty())
        ImGui::Dummy(ImVec2(1, ui::text_height("0", ui::TextRole::Amount, width)));
    else
        ui::text(view.typed, ui::TextRole::Amount, ui::Align::Center, width);
    const float top = ImGui::GetCursorPosY();
    if (!view.message.empty()) {
        const ui::Palette& p = ui::context().colors();
        ui::text(view.message, ui::TextRole::Body, ui::Align::Center, width, view.message_is_problem ? p.bad : p.text);
    }
    const float used = ImGui::GetCursorPosY() - top;
    const float room = message_room(width);
    if (used < room)
        ImGui::Dummy(ImVec2(1, ImMax(1.0f, room - used - ImGui::GetStyle().ItemSpacing.y)));
}

void draw_pad(const VisitorsView& view, Requests& requests, float width, float max_height)
{
    const ui::Context& ctx = ui::context();
    if (view.busy) {
        ui::text(view.busy_text, ui::TextRole::Title, ui::Align::Center, width);
        return;
    }
    const float pad_w = ImMin(width, ctx.metrics.mm(120) * text_scale_factor(ctx.mode.text_scale));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - pad_w) * 0.5f);
    ImGui::BeginGroup();
    const char key = ui::numeric_keypad("visitors.key", view.erase_label, pad_w, view.submit_label, view.can_submit,
                                        max_height);
    ImGui::EndGroup();
    if (key == '\n') {
        if (view.can_submit)
            ask(requests, RequestSubmitDigits{});
    } else if (key != 0) {
        ask(requests, RequestKey{key});
    }
}

void draw_keypad_step(const VisitorsView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const ui::RequiredTargets required;
    if (!ui::context().metrics.landscape) {
        ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, width);
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        const float above_keys = ui::text_height("0", ui::TextRole::Amount, width) + message_room(width) + 2 * spacing;
        // The keys shorten (never below the target) when the header grows, as
        // the offline notice does at 2x text: every key stays on screen.
        const float keys_room = ImGui::GetContentRegionAvail().y - above_keys - spacing;
        ui::align_bottom(above_keys + ui::numeric_keypad_height(keys_room));
        draw_typed(view, width);
        draw_pad(view, requests, width, keys_room);
        return;
    }
    // Landscape: the words beside the keys, every key on screen.
    const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    ImGui::BeginGroup();
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, column);
    draw_typed(view, column);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    draw_pad(view, requests, column, ImGui::GetContentRegionAvail().y);
    ImGui::EndGroup();
}

// Surname or plate: the question, the field that opens the shared pad (the
// pad covers the lower part while typing; 完成 sends the text), and 下一步
// at the bottom when something was typed before.
void draw_text_step(const VisitorsView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, width);
    draw_message(view);
    if (!view.kept.empty())
        ui::text(view.kept, ui::TextRole::Title, ui::Align::Center, width);
    // The field and 下一步 at the bottom, within reach; the pad then opens
    // over them and shows what is typed.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float field_h = ui::button_size(view.field_value.empty() ? "A" : view.field_value, width).y;
    const float next_h = button_height(view.next_label);
    ui::align_bottom(field_h + (view.can_next ? next_h + spacing : 0.0f));
    const ui::RequiredTargets required;
    if (view.step == VisitorsStep::Plate) {
        if (auto text = ui::text_field("visitors.plate", TextKind::Plate, view.field_value,
                                       TextLimits{plate_max_chars, plate_min_chars}))
            ask(requests, RequestPlate{*text});
    } else if (auto text = ui::text_field("visitors.surname", TextKind::ChineseText, view.field_value,
                                          TextLimits{surname_max_chars, 1})) {
        ask(requests, RequestSurname{*text});
    }
    if (view.can_next &&
        ui::button("visitors.next", view.next_label, ImVec2(width, next_h), ui::ButtonKind::Primary, ui::TextRole::Title))
        ask(requests, RequestFieldKept{});
}

} // namespace

void draw_message(const VisitorsView& view)
{
    if (view.message.empty())
        return;
    const ui::Palette& p = ui::context().colors();
    ui::text(view.message, ui::TextRole::Body, ui::Align::Center, 0, view.message_is_problem ? p.bad : p.text);
}

void draw_visitors_screen(const VisitorsView& view, Requests& requests)
{
    ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(2)));
    switch (view.step) {
    case VisitorsStep::Menu:
    case VisitorsStep::Purpose:
    case VisitorsStep::People:
    case VisitorsStep::Car:
    case VisitorsStep::MoveWhen:
    case VisitorsStep::MoveWho:
        ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
        draw_message(view);
        ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(2)));
        draw_choices(view, requests);
        break;
    case VisitorsStep::Code:
    case VisitorsStep::Phone:
    case VisitorsStep::ReleaseCode: draw_keypad_step(view, requests); break;
    case VisitorsStep::Unit:
        // Whom they visit on top; the shared picker asks building, entrance, room.
        ui::text(view.prompt, ui::TextRole::Body, ui::Align::Center);
        if (auto picked = household::draw_unit_picker(view.picker))
            std::visit([&](const auto& r) { ask(requests, r); }, *picked);
        break;
    case VisitorsStep::Surname:
    case VisitorsStep::Plate: draw_text_step(view, requests); break;
    case VisitorsStep::Privacy: draw_privacy(view, requests); break;
    case VisitorsStep::ReadBack: draw_read_back(view, requests); break;
    case VisitorsStep::MoveItems: draw_items(view, requests); break;
    case VisitorsStep::Waiting:
    case VisitorsStep::Pass:
    case VisitorsStep::FrontDesk:
    case VisitorsStep::Declined:
    case VisitorsStep::MoveSent:
    case VisitorsStep::ReleaseStatus: draw_pass_like(view, requests); break;
    }
}

ui::FeatureScreens visitors_screens()
{
    return ui::make_feature_screens<VisitorsView>(
        draw_visitors_screen, [](const VisitorsView&, Requests&) {},
        [](const VisitorsView& view) { return static_cast<int>(view.step); });
}

} // namespace kiosk::visitors
