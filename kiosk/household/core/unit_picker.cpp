// The unit picker's steps and its view: buttons from the cached units.
#include "household/core/unit_picker.hpp"

#include <set>

namespace kiosk::household {
namespace {

std::string text(const FeatureViewInputs& in, std::string_view key,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> args = {})
{
    return format_text(in.catalog.text(in.language, key), args);
}

} // namespace

bool pick(UnitPicker& picker, const PickRequest& request)
{
    if (const auto* b = std::get_if<RequestBuilding>(&request)) {
        picker = UnitPicker{PickStep::Entrance, b->building, 0, {}};
        return false;
    }
    if (const auto* e = std::get_if<RequestEntrance>(&request)) {
        picker.entrance = e->entrance;
        picker.step = PickStep::Room;
        return false;
    }
    picker.unit_id = std::get<RequestRoom>(request).unit_id;
    picker.step = PickStep::Room;  // Back from what follows comes back to the rooms
    return true;
}

bool pick_back(UnitPicker& picker)
{
    switch (picker.step) {
    case PickStep::Building: return false;
    case PickStep::Entrance: picker.step = PickStep::Building; return true;
    case PickStep::Room: picker.step = PickStep::Entrance; return true;
    }
    return false;
}

UnitPickerView build_picker_view(const UnitPicker& picker, const std::vector<UnitInfo>& units,
                                 const FeatureViewInputs& in, const std::string& id_prefix)
{
    UnitPickerView view;
    view.step = picker.step;
    std::set<int> seen;
    int row_floor = 0;
    for (const UnitInfo& unit : units) {
        const std::string b = std::to_string(unit.building), e = std::to_string(unit.entrance);
        if (picker.step == PickStep::Building && seen.insert(unit.building).second) {
            view.choices.push_back({id_prefix + ".building." + b, text(in, "household.building_n", {{"n", b}}), unit.building, {}});
        } else if (picker.step == PickStep::Entrance && unit.building == picker.building &&
                   seen.insert(unit.entrance).second) {
            view.choices.push_back({id_prefix + ".entrance." + e, text(in, "household.entrance_n", {{"n", e}}), unit.entrance, {}});
        } else if (picker.step == PickStep::Room && unit.building == picker.building && unit.entrance == picker.entrance) {
            UnitChoice room{id_prefix + ".room." + unit.id, unit.room, 0, unit.id};
            // Units come sorted by floor: a new floor starts a new row.
            if (view.floors.empty() || unit.floor != row_floor) {
                row_floor = unit.floor;
                view.floors.push_back({text(in, "household.floor_n", {{"n", std::to_string(unit.floor)}}), {}});
            }
            view.floors.back().rooms.push_back(room);
            view.choices.push_back(std::move(room));
        }
    }
    const std::string b = std::to_string(picker.building), e = std::to_string(picker.entrance);
    if (picker.step == PickStep::Building)
        view.prompt = view.choices.empty() ? text(in, "household.no_units") : text(in, "household.ask_building");
    else if (picker.step == PickStep::Entrance)
        view.prompt = text(in, "household.ask_entrance", {{"b", b}});
    else
        view.prompt = text(in, "household.ask_room", {{"b", b}, {"e", e}});
    return view;
}

std::string unit_label(const std::vector<UnitInfo>& units, const std::string& unit_id, const FeatureViewInputs& in)
{
    for (const UnitInfo& unit : units)
        if (unit.id == unit_id)
            return text(in, "household.unit_label", {{"b", std::to_string(unit.building)},
                                                     {"e", std::to_string(unit.entrance)},
                                                     {"room", unit.room}});
    return unit_id;
}

} // namespace kiosk::household
