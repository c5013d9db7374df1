// The unit picker: buildings and entrances as big buttons through the shared
// choice list (at most four at once in elderly mode, the rest behind 更多);
// then the room number typed on a big keypad, the number as typed right
// above it in large digits, and "no such room" under it. The keys and the
// buttons sit at the bottom, within reach (portrait), or the keypad beside
// the words (landscape).
#include "household/screen/household_screens.hpp"

#include "ui/choice_list.hpp"
#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

namespace kiosk::household {
namespace {

// Buildings or entrances as one paged list.
std::optional<PickRequest> draw_choice_list(const UnitPickerView& view)
{
    const ui::Context& ctx = ui::context();
    ui::ChoiceListLayout layout;
    layout.min_width = ctx.metrics.mm(60);
    layout.min_height = ctx.metrics.mm(ctx.mode.elderly ? 24 : 18);
    std::vector<ui::Choice> choices;
    for (const UnitChoice& choice : view.choices)
        choices.push_back({choice.id, choice.label});
    const int tapped = ui::choice_list(view.list_id.c_str(), choices, layout);
    if (tapped < 0)
        return std::nullopt;
    const UnitChoice& choice = view.choices[static_cast<std::size_t>(tapped)];
    if (view.step == PickStep::Building)
        return RequestBuilding{choice.number, choice.sole_entrance};
    return RequestEntrance{choice.number};
}

// The number as typed, large, and the message about it.
void draw_typed(const RoomEntryView& room, float width)
{
    // An empty entry keeps its height (a quiet dash): the keys never move while typing.
    if (room.typed.empty()) {
        const ui::NotRead quiet;
        ui::text("-", ui::TextRole::Amount, ui::Align::Center, width, ui::context().colors().muted_text);
    } else {
        ui::text(room.typed, ui::TextRole::Amount, ui::Align::Center, width);
    }
    const float top = ImGui::GetCursorPosY();
    if (!room.message.empty())
        ui::text(room.message, ui::TextRole::Body, ui::Align::Center, width, ui::context().colors().bad);
    const float used = ImGui::GetCursorPosY() - top;
    const float room_h = message_room(room.message, width);
    if (used < room_h)
        ImGui::Dummy(ImVec2(1, ImMax(1.0f, room_h - used - ImGui::GetStyle().ItemSpacing.y)));
}

float typed_height(const RoomEntryView& room, float width)
{
    return ui::text_height("0", ui::TextRole::Amount, width) + message_room(room.message, width) +
           2 * ImGui::GetStyle().ItemSpacing.y;
}

std::optional<PickRequest> draw_keys(const RoomEntryView& room, float width, float max_height = 0)
{
    const ui::Context& ctx = ui::context();
    // Wider keys at larger text, so "删除" and "确定" never wrap.
    const float pad_w = ImMin(width, ctx.metrics.mm(120) * text_scale_factor(ctx.mode.text_scale));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - pad_w) * 0.5f);
    ImGui::BeginGroup();
    const char key = ui::numeric_keypad(room.keypad_id.c_str(), room.erase_label, pad_w, room.submit_label,
                                        room.can_submit, max_height);
    ImGui::EndGroup();
    if (key == '\n')
        return room.can_submit ? std::optional<PickRequest>(RequestRoom{room.unit_id}) : std::nullopt;
    if (key != 0)
        return RequestRoomKey{key};
    return std::nullopt;
}

std::optional<PickRequest> draw_room_keypad(const UnitPickerView& view, float width)
{
    const ui::RequiredTargets required;
    if (!ui::context().metrics.landscape) {
        // Which building and what to type on top, the keys at the bottom
        // within reach, the number as typed right above them.
        ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, width);
        ui::text(view.room.hint, ui::TextRole::Body, ui::Align::Center, width);
        // At 2x (elderly) the keys shorten, down to a touch target, so the
        // bottom row never hides behind Back/Home.
        const float keys_max = ImGui::GetContentRegionAvail().y - typed_height(view.room, width);
        ui::align_bottom(typed_height(view.room, width) + ui::numeric_keypad_height(keys_max));
        draw_typed(view.room, width);
        return draw_keys(view.room, width, keys_max);
    }
    // Landscape: little height, width to spare; the keypad beside the words.
    const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    ImGui::BeginGroup();
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, column);
    ui::text(view.room.hint, ui::TextRole::Body, ui::Align::Center, column);
    draw_typed(view.room, column);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    auto request = draw_keys(view.room, column, ImGui::GetContentRegionAvail().y);
    ImGui::EndGroup();
    return request;
}

} // namespace

std::optional<PickRequest> draw_unit_picker(const UnitPickerView& view)
{
    if (view.step == PickStep::Room)
        return draw_room_keypad(view, ImGui::GetContentRegionAvail().x);
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
    ImGui::Dummy(ImVec2(1, ui::context().metrics.mm(2)));
    return draw_choice_list(view);
}

} // namespace kiosk::household
