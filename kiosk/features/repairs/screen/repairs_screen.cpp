// Repairs, the report: where, what, in scope?, when, read back. Choices are
// big buttons at the bottom within reach; the words stay on top.
#include "features/repairs/screen/repairs_parts.hpp"
#include "features/repairs/screen/repairs_screens.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "household/screen/household_screens.hpp"
#include "ui/icons.hpp"
#include "ui/text_field.hpp"
#include "ui/choice_list.hpp"
#include "ui/read_back.hpp"
#include "features/repairs/core/repairs_feature.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::repairs {

namespace {

// Repairs' buttons: wide enough for a word and an icon, taller than the touch minimum.
ui::ChoiceListLayout choice_layout(bool at_bottom, std::size_t elderly_slots)
{
    const ui::Context& ctx = ui::context();
    ui::ChoiceListLayout layout;
    layout.min_width = ctx.metrics.mm(ctx.metrics.landscape ? 70 : 60);
    layout.min_height = ctx.metrics.mm(ctx.mode.elderly ? 24 : 18);
    layout.at_bottom = at_bottom;
    layout.elderly_slots = elderly_slots;
    return layout;
}

std::vector<ui::Choice> as_choices(const std::vector<ChoiceView>& choices, ui::ButtonKind kind)
{
    std::vector<ui::Choice> list;
    for (const ChoiceView& c : choices)
        list.push_back({c.id, c.icon.empty() ? c.label : ui::with_icon(c.icon, c.label), kind});
    return list;
}

} // namespace

float choices_height(const char* list_id, const std::vector<ChoiceView>& choices, float width, std::size_t elderly_slots)
{
    return ui::choice_list_height(list_id, as_choices(choices, ui::ButtonKind::Secondary),
                                  choice_layout(false, elderly_slots), width) +
           ImGui::GetStyle().ItemSpacing.y;
}

int draw_choices(const char* list_id, const std::vector<ChoiceView>& choices, ui::ButtonKind kind, bool at_bottom,
                 std::size_t elderly_slots)
{
    return ui::choice_list(list_id, as_choices(choices, kind), choice_layout(at_bottom, elderly_slots));
}

float wide_button_height(const std::string& label)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    const float h = ImMax(ctx.target(), ctx.metrics.mm(ctx.mode.elderly ? 24 : 18));
    return ImMax(h, ui::button_size(label, width, ui::TextRole::Title).y);
}

bool wide_button(const char* id, const std::string& label, ui::ButtonKind kind)
{
    const float width = ImGui::GetContentRegionAvail().x;
    return ui::button(id, label, ImVec2(width, wide_button_height(label)), kind, ui::TextRole::Title);
}

void words_above_actions(const char* id, float actions_height, const std::function<void()>& draw_words)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float room = ImGui::GetContentRegionAvail().y - actions_height - 2 * spacing;
    // Never lower than a few lines: then the whole page scrolls instead.
    ui::begin_scroll_area(id, ImVec2(ImGui::GetContentRegionAvail().x, ImMax(ui::context().metrics.mm(30), room)),
                          ui::ScrollKind::Page);
    draw_words();
    ui::end_scroll_area();
    ui::align_bottom(actions_height);
}

void draw_message(const RepairsView& view)
{
    if (view.message.empty())
        return;
    const ui::Palette& p = ui::context().colors();
    ui::text(view.message, ui::TextRole::Body, ui::Align::Center, 0, view.message_is_problem ? p.bad : p.text);
}

void draw_line(const LineView& line, ui::TextRole value_role)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const ui::Palette& p = ui::context().colors();
    ui::text(line.left, ui::TextRole::Muted, ui::Align::Left, width, p.muted_text);
    ui::text(line.right, value_role, ui::Align::Left, width);
}

namespace {

// Emergency first (red, no form, no verification), then where, then 查询进度,
// full width at the bottom. Landscape has little height (at 2x 查询进度 lay
// below the fold under four full-width rows): the question and the emergency
// button on the left, the places and 查询进度 on the right.
void draw_start(const RepairsView& view, Requests& requests)
{
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const std::string emergency = ui::with_icon("warning", view.emergency_label);
    const std::string track = ui::with_icon("search", view.track_label);
    const bool side_by_side = ui::context().metrics.landscape;
    const float width = ImGui::GetContentRegionAvail().x;
    const float column = side_by_side ? ImFloor((width - spacing.x) * 0.5f) : width;
    const float height = ImGui::GetContentRegionAvail().y;
    const auto places_and_track = [&] {
        float h = wide_button_height(track) + spacing.y;
        for (const ChoiceView& c : view.choices)
            h += wide_button_height(ui::with_icon(c.icon, c.label)) + spacing.y;
        return h;
    };
    if (side_by_side) {
        ImGui::BeginChild("repairs.start.left", ImVec2(column, height), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, column);
    }
    const ui::RequiredTargets required;
    if (!side_by_side)
        ui::align_bottom(wide_button_height(emergency) + spacing.y + places_and_track());
    if (wide_button("repairs.emergency", emergency, ui::ButtonKind::Danger))
        ask(requests, RequestEmergencyMenu{});
    if (side_by_side) {
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("repairs.start.right", ImVec2(column, height), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        ui::align_bottom(places_and_track() - spacing.y);
    }
    for (const ChoiceView& c : view.choices)
        if (wide_button(c.id.c_str(), ui::with_icon(c.icon, c.label), ui::ButtonKind::Primary))
            ask(requests, RequestWhere{c.value == "own_unit"});
    if (wide_button("repairs.track", track, ui::ButtonKind::Secondary))
        ask(requests, RequestTrack{});
    if (side_by_side)
        ImGui::EndChild();
}

void draw_readback(const RepairsView& view, Requests& requests)
{
    const std::string another = ui::with_icon("plus", view.another_label);
    const std::string submit = ui::with_icon("check", view.submit_label);
    const float actions = wide_button_height(another) + wide_button_height(submit) + ImGui::GetStyle().ItemSpacing.y;
    words_above_actions("repairs.readback.words", actions, [&] {
        for (const LineView& line : view.readback)
            draw_line(line, ui::TextRole::Title);
        // 补充说明: optional; the shared pad opens over the lower part when tapped.
        ui::text(view.note_label, ui::TextRole::Body, ui::Align::Left, ImGui::GetContentRegionAvail().x);
        if (auto text = ui::text_field("repairs.note", TextKind::ChineseText, view.note, TextLimits{note_max}))
            ask(requests, RequestNote{*text});
        // 需要物业回电？ Public area only; the phone pad, the field shows it masked.
        if (view.asks_phone) {
            ui::text(view.phone_label, ui::TextRole::Body, ui::Align::Left, ImGui::GetContentRegionAvail().x);
            if (auto digits = ui::text_field("repairs.phone", TextKind::Phone, view.phone, TextLimits{11}))
                ask(requests, RequestContactPhone{*digits});
        }
        // A little room under the last field, so scrolled to the end it shows whole.
        ImGui::Dummy(ImVec2(1, ImGui::GetStyle().ItemSpacing.y));
    });
    const ui::RequiredTargets required;
    if (wide_button("repairs.add_another", another, ui::ButtonKind::Secondary))
        ask(requests, RequestAddAnother{});
    if (wide_button("repairs.submit", submit, ui::ButtonKind::Primary))
        ask(requests, RequestSubmit{});
}

void draw_out_of_scope(const RepairsView& view, Requests& requests)
{
    words_above_actions("repairs.refer.words", wide_button_height(view.start_over_label), [&] {
        const float width = ImGui::GetContentRegionAvail().x;
        ui::text(view.refer_who, ui::TextRole::Title, ui::Align::Center, width);
        if (!view.refer_phone.empty())
            ui::text(view.refer_phone, ui::TextRole::Amount, ui::Align::Center, width);
    });
    const ui::RequiredTargets required;
    if (wide_button("repairs.start_over", view.start_over_label, ui::ButtonKind::Primary))
        ask(requests, RequestStartOver{});
}

void draw_paid_notice(const RepairsView& view, Requests& requests)
{
    words_above_actions("repairs.prices.words", wide_button_height(view.acknowledge_label), [&] {
        for (const LineView& line : view.prices)
            draw_line(line, ui::TextRole::Title);
    });
    const ui::RequiredTargets required;
    if (wide_button("repairs.acknowledge", view.acknowledge_label, ui::ButtonKind::Primary))
        ask(requests, RequestAcknowledgePaid{});
}

// 长者模式: the 验收 or rating read back; 确认提交 sends it.
void draw_confirm_verdict(const RepairsView& view, Requests& requests)
{
    const ui::ReadBackAnswer answer = ui::read_back(view.read_back, "repairs.verdict.confirm", "repairs.verdict.change");
    if (answer == ui::ReadBackAnswer::Confirm)
        ask(requests, RequestConfirmVerdict{});
    else if (answer == ui::ReadBackAnswer::Change)
        ask(requests, RequestChangeVerdict{});
}

template <class Variant>
void ask_household(Requests& requests, const std::optional<Variant>& request)
{
    if (request)
        std::visit([&](const auto& r) { ask(requests, r); }, *request);
}

void draw_screen(const RepairsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(2)));
    // The picker, the keypad and the read-back say their own question; so
    // do the code's keypad and the first choice in landscape, beside their keys.
    const bool code_side_by_side = view.step == RepairsStep::CodeEntry && ctx.metrics.landscape && !view.busy;
    const bool start_side_by_side = view.step == RepairsStep::Start && ctx.metrics.landscape && !view.busy;
    if (view.step != RepairsStep::Emergency && view.step != RepairsStep::Unit && view.step != RepairsStep::Digits &&
        view.step != RepairsStep::ConfirmVerdict && !code_side_by_side && !start_side_by_side)
        ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
    if (!code_side_by_side)
        draw_message(view);
    if (view.busy) {
        ui::text(view.busy_text, ui::TextRole::Title, ui::Align::Center);
        return;
    }
    switch (view.step) {
    case RepairsStep::Start: draw_start(view, requests); break;
    case RepairsStep::Unit: ask_household(requests, household::draw_unit_picker(view.picker)); break;
    case RepairsStep::Digits: ask_household(requests, household::draw_household_keypad(view.keypad)); break;
    case RepairsStep::EmergencyMenu: {
        const int i = draw_choices("repairs.emergencies", view.choices, ui::ButtonKind::Danger, true);
        if (i >= 0)
            ask(requests, RequestEmergency{view.choices[static_cast<std::size_t>(i)].value});
        break;
    }
    case RepairsStep::Emergency: draw_emergency(view, requests); break;
    case RepairsStep::Location: {
        const int i = draw_choices("repairs.locations", view.choices, ui::ButtonKind::Secondary, true);
        if (i >= 0) {
            const ChoiceView& c = view.choices[static_cast<std::size_t>(i)];
            ask(requests, RequestLocation{c.value, c.office_words});
        }
        break;
    }
    case RepairsStep::Category: {
        const int i = draw_choices("repairs.categories", view.choices, ui::ButtonKind::Secondary, true);
        if (i >= 0) {
            const ChoiceView& c = view.choices[static_cast<std::size_t>(i)];
            ask(requests, RequestCategory{c.value, c.scope});
        }
        break;
    }
    case RepairsStep::Preset: {
        const int i = draw_choices("repairs.presets", view.choices, ui::ButtonKind::Secondary, true);
        if (i >= 0) {
            const ChoiceView& c = view.choices[static_cast<std::size_t>(i)];
            ask(requests, RequestPreset{c.value, c.office_words});
        }
        break;
    }
    case RepairsStep::When: {
        const int i = draw_choices("repairs.slots", view.choices, ui::ButtonKind::Secondary, true);
        if (i >= 0) {
            const ChoiceView& c = view.choices[static_cast<std::size_t>(i)];
            ask(requests, RequestSlot{c.slot_start, c.slot_end});
        }
        break;
    }
    case RepairsStep::OutOfScope: draw_out_of_scope(view, requests); break;
    case RepairsStep::PaidNotice: draw_paid_notice(view, requests); break;
    case RepairsStep::ReadBack: draw_readback(view, requests); break;
    case RepairsStep::Done: draw_done(view, requests); break;
    case RepairsStep::CodeEntry: draw_code_entry(view, requests); break;
    case RepairsStep::Ticket: draw_ticket(view, requests); break;
    case RepairsStep::UnitTickets: draw_unit_tickets(view, requests); break;
    case RepairsStep::ConfirmVerdict: draw_confirm_verdict(view, requests); break;
    }
}

} // namespace

ui::FeatureScreens repairs_screens()
{
    return ui::make_feature_screens<RepairsView>(
        draw_screen, [](const RepairsView&, Requests&) {}, [](const RepairsView& view) { return static_cast<int>(view.step); });
}

} // namespace kiosk::repairs
