// The unit picker: buildings and entrances as rows of big buttons; rooms one
// row per floor, the floor named first, so a person finds "15层" then their
// door. The buttons sit at the bottom, within reach, when they fit.
#include "household/screen/household_screens.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

namespace kiosk::household {
namespace {

float button_height()
{
    const ui::Context& ctx = ui::context();
    return ImMax(ctx.target(), ctx.metrics.mm(ctx.mode.elderly ? 24 : 18));
}

std::vector<ImVec2> sizes_of(const std::vector<UnitChoice>& choices, float min_w, float width)
{
    std::vector<ImVec2> sizes;
    for (const UnitChoice& choice : choices) {
        const ImVec2 fit = ui::button_size(choice.label, 0, ui::TextRole::Title);
        sizes.emplace_back(ImMin(width, ImMax(min_w, fit.x)), ImMax(button_height(), fit.y));
    }
    return sizes;
}

// Draws the buttons in a flowing row; the one tapped, if any.
const UnitChoice* draw_row(const std::vector<UnitChoice>& choices, const std::vector<ImVec2>& sizes, float width)
{
    const UnitChoice* tapped = nullptr;
    ui::FlowRow row(width);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        row.place(sizes[i].x);
        if (ui::button(choices[i].id.c_str(), choices[i].label, sizes[i], ui::ButtonKind::Secondary, ui::TextRole::Title))
            tapped = &choices[i];
    }
    return tapped;
}

std::optional<PickRequest> draw_buildings_or_entrances(const UnitPickerView& view, float width)
{
    const std::vector<ImVec2> sizes = sizes_of(view.choices, ui::context().metrics.mm(60), width);
    ui::align_bottom(ui::FlowRow::height(sizes, width));
    const ui::RequiredTargets required;
    const UnitChoice* tapped = draw_row(view.choices, sizes, width);
    if (!tapped)
        return std::nullopt;
    if (view.step == PickStep::Building)
        return RequestBuilding{tapped->number};
    return RequestEntrance{tapped->number};
}

std::optional<PickRequest> draw_floors(const UnitPickerView& view, float width)
{
    // The floor labels' column is as wide as the widest label.
    float label_w = 0;
    for (const FloorRow& floor : view.floors)
        label_w = ImMax(label_w, ui::text_size(floor.label, ui::TextRole::Title).x);
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float rooms_w = ImMax(width * 0.5f, width - label_w - gap);
    const float min_w = ui::context().metrics.mm(36);  // rooms are many and short

    std::vector<std::vector<ImVec2>> sizes;
    float total = 0;
    for (const FloorRow& floor : view.floors) {
        sizes.push_back(sizes_of(floor.rooms, min_w, rooms_w));
        total += ui::FlowRow::height(sizes.back(), rooms_w) + ImGui::GetStyle().ItemSpacing.y;
    }
    ui::align_bottom(total - ImGui::GetStyle().ItemSpacing.y);
    const ui::RequiredTargets required;
    const UnitChoice* tapped = nullptr;
    // The lowest floor first: the list reads (and scrolls) upwards through the building.
    for (std::size_t i = 0; i < view.floors.size(); ++i) {
        const FloorRow& floor = view.floors[i];
        const ImVec2 start = ImGui::GetCursorPos();
        const float label_h = ui::text_height(floor.label, ui::TextRole::Title, label_w + 1);
        ImGui::SetCursorPos(ImVec2(start.x, start.y + ImMax(0.0f, (button_height() - label_h) * 0.5f)));
        ui::text(floor.label, ui::TextRole::Title, ui::Align::Left, label_w + 1);
        ImGui::SetCursorPos(ImVec2(start.x + label_w + gap, start.y));
        ImGui::BeginGroup();
        if (const UnitChoice* t = draw_row(floor.rooms, sizes[i], rooms_w))
            tapped = t;
        ImGui::EndGroup();
    }
    if (!tapped)
        return std::nullopt;
    return RequestRoom{tapped->unit_id};
}

} // namespace

std::optional<PickRequest> draw_unit_picker(const UnitPickerView& view)
{
    const ui::Context& ctx = ui::context();
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(2)));
    const float width = ImGui::GetContentRegionAvail().x;
    if (view.step == PickStep::Room)
        return draw_floors(view, width);
    return draw_buildings_or_entrances(view, width);
}

} // namespace kiosk::household
