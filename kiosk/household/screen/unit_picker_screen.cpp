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

// Letter keys go three to a row, the width of the digit keys.
constexpr std::size_t letters_per_row = 3;

std::size_t letter_rows(const RoomEntryView& room)
{
    return (room.letters.size() + letters_per_row - 1) / letters_per_row;
}

// A letter key: a touch target, and as tall as its letter needs at 2x.
float letter_key_height()
{
    return ImMax(ui::context().target(), ui::button_size("W", 0, ui::TextRole::Title).y);
}

// The rows of letter keys above the digits (none where the rooms are digits only).
float letter_keys_height(const RoomEntryView& room)
{
    const std::size_t rows = letter_rows(room);
    return rows == 0 ? 0.0f : rows * (letter_key_height() + ImGui::GetStyle().ItemSpacing.y);
}

// The letters this entrance's rooms use (B1203, 1502A), as keys of their
// own: a room with a letter is typed without a keyboard. Whole on screen,
// like the digits they belong with.
char draw_letter_keys(const RoomEntryView& room, float pad_w, float left)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float key_w = ImFloor((pad_w - 2 * spacing) / 3);
    const std::size_t first_key = ui::frame_record().targets.size();
    char tapped = 0;
    for (std::size_t i = 0; i < room.letters.size(); ++i) {
        if (i % letters_per_row == 0)
            ImGui::SetCursorPosX(left);
        else
            ImGui::SameLine();
        const char letter = room.letters[i];
        const std::string id = room.keypad_id + "." + std::string(1, letter);
        if (ui::button(id.c_str(), std::string(1, letter), ImVec2(key_w, letter_key_height()),
                       ui::ButtonKind::Secondary, ui::TextRole::Title))
            tapped = letter;
    }
    std::vector<ui::DrawnTarget>& targets = ui::frame_record().targets;
    for (std::size_t i = first_key; i < targets.size(); ++i)
        targets[i].keep_whole = true;
    return tapped;
}

std::optional<PickRequest> draw_keys(const RoomEntryView& room, float width, float max_height = 0)
{
    const ui::Context& ctx = ui::context();
    // Wider keys at larger text, so "删除" and "确定" never wrap.
    const float pad_w = ImMin(width, ctx.metrics.mm(120) * text_scale_factor(ctx.mode.text_scale));
    const float left = ImGui::GetCursorPosX() + (width - pad_w) * 0.5f;
    const char letter = draw_letter_keys(room, pad_w, left);
    if (max_height > 0)
        max_height -= letter_keys_height(room);
    ImGui::SetCursorPosX(left);
    ImGui::BeginGroup();
    const char digit = ui::numeric_keypad(room.keypad_id.c_str(), room.erase_label, pad_w, room.submit_label,
                                          room.can_submit, max_height);
    ImGui::EndGroup();
    const char key = letter != 0 ? letter : digit;
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
        const float letters_h = letter_keys_height(view.room);
        ui::align_bottom(typed_height(view.room, width) + letters_h + ui::numeric_keypad_height(keys_max - letters_h));
        draw_typed(view.room, width);
        return draw_keys(view.room, width, keys_max);
    }
    // Landscape: little height, width to spare; the keypad beside the words.
    // "No such room" (it names the building, entrance and room) takes the
    // place of the rooms' range, then of the question, when they do not all
    // fit beside the keys: at 2x the rest of the message scrolled off unseen.
    const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    const float spacing = ImGui::GetStyle().ItemSpacing.y, height = ImGui::GetContentRegionAvail().y;
    const float prompt_h = ui::text_height(view.prompt, ui::TextRole::Title, column) + spacing;
    const float hint_h = ui::text_height(view.room.hint, ui::TextRole::Body, column) + spacing;
    const float typed_h = typed_height(view.room, column);
    const bool told = !view.room.message.empty();
    const bool prompt_shown = !told || prompt_h + typed_h <= height;
    const bool hint_shown = !told || prompt_h + hint_h + typed_h <= height;
    ImGui::BeginGroup();
    if (prompt_shown)
        ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, column);
    if (hint_shown)
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
