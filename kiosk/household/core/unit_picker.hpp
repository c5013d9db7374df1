// The unit picker: building, then entrance, then room, as big buttons from
// the cached estate; rooms one row per floor. A feature keeps a UnitPicker
// in its own session state, passes the three requests to pick(), and takes
// over when pick() says a room was chosen (visitors: the visited unit;
// fees, repairs, surveys: then a Verification of that household).
#pragma once

#include "core/feature.hpp"
#include "household/core/unit_info.hpp"

#include <string>
#include <tuple>
#include <variant>
#include <vector>

namespace kiosk::household {

enum class PickStep { Building, Entrance, Room };

struct UnitPicker {
    PickStep step = PickStep::Building;
    int building = 0, entrance = 0;
    std::string unit_id;  // the room chosen last; empty until then
};

// What the picker's buttons ask for; a feature lists them in its own
// request variant (screens wrap them in its FeatureRequest).
struct RequestBuilding { int building; };
struct RequestEntrance { int entrance; };
struct RequestRoom { std::string unit_id; };
using PickRequest = std::variant<RequestBuilding, RequestEntrance, RequestRoom>;

// Applies a request; true when it chose a room (picker.unit_id).
bool pick(UnitPicker& picker, const PickRequest& request);
// One step back (room -> entrance -> building); false at the building step,
// where Back belongs to the feature (it leaves).
bool pick_back(UnitPicker& picker);

// A big button for a building, an entrance or a room.
struct UnitChoice {
    std::string id;     // widget id: <prefix>.building.3, <prefix>.entrance.2, <prefix>.room.3-2-1502
    std::string label;  // 3栋 / 2单元 / 1502
    int number = 0;     // building or entrance
    std::string unit_id;
};
inline bool operator==(const UnitChoice& a, const UnitChoice& b)
{
    return std::tie(a.id, a.label, a.number, a.unit_id) == std::tie(b.id, b.label, b.number, b.unit_id);
}
inline bool operator!=(const UnitChoice& a, const UnitChoice& b) { return !(a == b); }

// One floor of the room step: its label, then its rooms in one row.
struct FloorRow {
    std::string label;  // 15层
    std::vector<UnitChoice> rooms;
};
inline bool operator==(const FloorRow& a, const FloorRow& b) { return std::tie(a.label, a.rooms) == std::tie(b.label, b.rooms); }
inline bool operator!=(const FloorRow& a, const FloorRow& b) { return !(a == b); }

struct UnitPickerView {
    PickStep step = PickStep::Building;
    std::string prompt;                // the one question of this step
    std::vector<UnitChoice> choices;   // Building / Entrance: the buttons; Room: every room, floor by floor
    std::vector<FloorRow> floors;      // Room: the same rooms, one row per floor, lowest first
};
inline bool operator==(const UnitPickerView& a, const UnitPickerView& b)
{
    return std::tie(a.step, a.prompt, a.choices, a.floors) == std::tie(b.step, b.prompt, b.choices, b.floors);
}
inline bool operator!=(const UnitPickerView& a, const UnitPickerView& b) { return !(a == b); }

// The picker's step as buttons. `units` sorted by building, entrance,
// floor, room (household/io's UnitsMemo); `id_prefix` names the widgets
// ("fees" -> fees.room.3-2-1502), so each service's scripts keep their ids.
UnitPickerView build_picker_view(const UnitPicker& picker, const std::vector<UnitInfo>& units,
                                 const FeatureViewInputs& in, const std::string& id_prefix);

// "3栋2单元1502" for a unit id, from the cached units (the id if not cached).
std::string unit_label(const std::vector<UnitInfo>& units, const std::string& unit_id, const FeatureViewInputs& in);

} // namespace kiosk::household
