// Fees, first steps: building, entrance and room as big buttons, then the
// last four phone digits on a keypad (shown as dots). The bill and payment
// steps are in fees_bill_screen.cpp.
#include "features/fees/screen/fees_parts.hpp"
#include "features/fees/screen/fees_screens.hpp"

#include "ui/choice_list.hpp"
#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

namespace kiosk::fees {
namespace {

void draw_choices(const FeesView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    // Rooms are many and short; buildings and entrances few and wide. They
    // sit at the bottom of the screen, within reach, when they fit.
    ui::ChoiceListLayout layout;
    layout.min_width = ctx.metrics.mm(view.step == FeesStep::Room ? 36 : 60);
    layout.min_height = ctx.metrics.mm(ctx.mode.elderly ? 24 : 18);
    std::vector<ui::Choice> choices;
    for (const FeesChoice& choice : view.choices)
        choices.push_back({choice.id, choice.label});
    const int tapped = ui::choice_list("fees.choices", choices, layout);
    if (tapped < 0)
        return;
    const FeesChoice& choice = view.choices[static_cast<std::size_t>(tapped)];
    if (view.step == FeesStep::Building)
        ask(requests, RequestBuilding{choice.number});
    else if (view.step == FeesStep::Entrance)
        ask(requests, RequestEntrance{choice.number});
    else
        ask(requests, RequestRoom{choice.unit_id});
}

// Which unit, and what to type: on top (portrait) or beside the keypad.
void draw_digits_prompt(const FeesView& view, float width)
{
    ui::text(view.unit_label, ui::TextRole::Title, ui::Align::Center, width);
    ui::text(view.prompt, ui::TextRole::Body, ui::Align::Center, width);
}

// The message line's room is kept whether or not it shows, so an error never
// pushes the keys down under the finger (or under Back/Home).
float message_room(float width) { return ui::text_height("-\n-", ui::TextRole::Body, width); }

// The dots of what was typed and the message about it, right above the keys.
void draw_digits_entry(const FeesView& view, float width)
{
    ui::text(view.dots, ui::TextRole::Title, ui::Align::Center, width);
    const float room = message_room(width);
    const float top = ImGui::GetCursorPosY();
    if (!view.message.empty()) {
        const ui::Palette& p = ui::context().colors();
        ui::text(view.message, ui::TextRole::Body, ui::Align::Center, width, view.message_is_problem ? p.bad : p.text);
    }
    const float used = ImGui::GetCursorPosY() - top;
    if (used < room)
        ImGui::Dummy(ImVec2(1, ImMax(1.0f, room - used - ImGui::GetStyle().ItemSpacing.y)));
}

void draw_digits_keypad(const FeesView& view, Requests& requests, float width, float max_height = 0)
{
    const ui::Context& ctx = ui::context();
    // Wider keys at larger text, so "删除" and "确定" never wrap.
    const float pad_w = ImMin(width, ctx.metrics.mm(120) * text_scale_factor(ctx.mode.text_scale));
    const float left = ImGui::GetCursorPosX() + (width - pad_w) * 0.5f;
    if (view.busy) {
        ui::text(view.busy_text, ui::TextRole::Title, ui::Align::Center, width);
    } else if (view.keypad_enabled) {
        // OK sits in the keypad's corner: at 2x text a button below it would
        // fall off the screen.
        ImGui::SetCursorPosX(left);
        ImGui::BeginGroup();
        const char key =
            ui::numeric_keypad("fees.key", view.erase_label, pad_w, view.submit_label, view.can_submit, max_height);
        ImGui::EndGroup();
        if (key == '\n') {
            if (view.can_submit)
                ask(requests, RequestSubmit{});
        } else if (key != 0) {
            ask(requests, RequestKey{key});
        }
    }
}

void draw_digits(const FeesView& view, Requests& requests)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const ui::RequiredTargets required;
    if (!ui::context().metrics.landscape) {
        // The keypad within reach at the bottom, what was typed right above
        // it, which unit and what to type on top.
        draw_digits_prompt(view, width);
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        ui::align_bottom(ui::text_height(view.dots, ui::TextRole::Title, width) + message_room(width) +
                         2 * spacing + ui::numeric_keypad_height());
        draw_digits_entry(view, width);
        draw_digits_keypad(view, requests, width);
        return;
    }
    // Landscape has width to spare and little height: the keypad beside the
    // words, so its every key is on screen without scrolling.
    const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    ImGui::BeginGroup();
    draw_digits_prompt(view, column);
    draw_digits_entry(view, column);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    draw_digits_keypad(view, requests, column, ImGui::GetContentRegionAvail().y);
    ImGui::EndGroup();
}

} // namespace

void draw_fees_message(const FeesView& view)
{
    if (view.message.empty())
        return;
    const ui::Palette& p = ui::context().colors();
    ui::text(view.message, ui::TextRole::Body, ui::Align::Center, 0, view.message_is_problem ? p.bad : p.text);
}

void draw_fees_screen(const FeesView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(2)));
    switch (view.step) {
    case FeesStep::Building:
    case FeesStep::Entrance:
    case FeesStep::Room:
        ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
        ImGui::Dummy(ImVec2(1, ctx.metrics.mm(2)));
        draw_choices(view, requests);
        break;
    case FeesStep::Digits: draw_digits(view, requests); break;
    case FeesStep::Bill: draw_fees_bill(view, requests); break;
    case FeesStep::Choose: draw_fees_choose(view, requests); break;
    case FeesStep::Paying:
    case FeesStep::Paid:
    case FeesStep::Expired: draw_fees_order(view, requests); break;
    }
}

void draw_fees_dialogs(const FeesView& view, Requests& requests)
{
    const ExplainDialogView& explain = view.explain;
    if (ui::begin_dialog("fees.explain", explain.open)) {
        const float width = ImGui::GetContentRegionAvail().x;
        ui::text(explain.title, ui::TextRole::Title, ui::Align::Center);
        ui::text(explain.covers_label, ui::TextRole::Title);
        ui::text(explain.covers, ui::TextRole::Body);
        ui::text(explain.not_covered_label, ui::TextRole::Title);
        ui::text(explain.not_covered, ui::TextRole::Body);
        if (ui::button("fees.explain.close", explain.close_label, ImVec2(width, 0), ui::ButtonKind::Primary,
                       ui::TextRole::Title))
            ask(requests, RequestExplain{});
        ui::end_dialog();
    }
}

ui::FeatureScreens fees_screens()
{
    return ui::make_feature_screens<FeesView>(draw_fees_screen, draw_fees_dialogs,
                                              [](const FeesView& view) { return static_cast<int>(view.step); });
}

} // namespace kiosk::fees
