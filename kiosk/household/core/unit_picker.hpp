// The unit picker: building, then entrance, as big buttons from the cached
// estate, then the room number typed on a big digit keypad (1502) and 确定;
// a number the building does not have is told at once. An entrance step
// only where the building has more than one. A feature keeps a UnitPicker
// in its own session state, passes the three requests to pick(), and takes
// over when pick() says a room was chosen (visitors: the visited unit;
// fees, repairs, surveys: then a Verification of that household).
#pragma once

#include "core/digit_entry.hpp"
#include "core/feature.hpp"
#include "household/core/unit_info.hpp"

#include <string>
#include <tuple>
#include <variant>
#include <vector>

namespace kiosk::household {

enum class PickStep { Building, Entrance, Room };

// The longest room number the keypad takes (rooms are 3-4 digits; a few
// estates number 5-6, or add a letter: B1203, 1502A).
constexpr std::size_t max_room_digits = 6;

struct UnitPicker {
    PickStep step = PickStep::Building;
    int building = 0, entrance = 0;
    bool sole_entrance = false;  // the building has one entrance: its step was skipped
    std::string room;  // the room number as typed: digits and capitals, at most max_room_digits
    bool no_such_room = false;  // 确定 on a number this building/entrance does not have
    std::string unit_id;  // the room chosen last; empty until then
};

// What the picker's buttons ask for; a feature lists them in its own
// request variant (screens wrap them in its FeatureRequest).
struct RequestBuilding {
    int building;
    int sole_entrance = 0;  // > 0: the building's only entrance (straight to the room)
};
struct RequestEntrance { int entrance; };
// A key of the room keypad: '0'..'9', a letter 'A'..'Z' of this entrance's
// rooms, or DigitEntry::erase_key.
struct RequestRoomKey { char key; };
// 确定 on the room keypad (the unit the typed number names, from the view;
// empty: the building has no such room), or a room chosen by id.
struct RequestRoom { std::string unit_id; };
using PickRequest = std::variant<RequestBuilding, RequestEntrance, RequestRoomKey, RequestRoom>;

// Applies a request; true when it chose a room (picker.unit_id).
bool pick(UnitPicker& picker, const PickRequest& request);
// One step back (room -> entrance -> building); false at the building step,
// where Back belongs to the feature (it leaves).
bool pick_back(UnitPicker& picker);

// A big button for a building or an entrance.
struct UnitChoice {
    std::string id;     // widget id: <prefix>.building.3, <prefix>.entrance.2
    std::string label;  // 3栋 / 2单元
    int number = 0;     // building or entrance
    int sole_entrance = 0;  // building: its only entrance, if it has one only
};
inline bool operator==(const UnitChoice& a, const UnitChoice& b)
{
    return std::tie(a.id, a.label, a.number, a.sole_entrance) == std::tie(b.id, b.label, b.number, b.sole_entrance);
}
inline bool operator!=(const UnitChoice& a, const UnitChoice& b) { return !(a == b); }

// The room step: the number typed so far and what it names.
struct RoomEntryView {
    std::string keypad_id;  // widget ids <keypad_id>.0 .. .9, .A .. .Z, .erase, .ok (<prefix>.room_key)
    std::string typed;      // the number as typed ("1502", "B1202"), shown large
    // The letters this entrance's room numbers use ("AB"), each an extra key;
    // empty where the rooms are digits only (no letter keys at all).
    std::string letters;
    std::string hint;       // which numbers this entrance has ("本单元房号 101 至 3002")
    std::string unit_id;    // the unit the typed number names here; empty: none (yet)
    std::string message;    // 确定 found no such room: says so, with the number typed
    std::string erase_label, submit_label;
    bool can_submit = false;  // something typed
};
inline bool operator==(const RoomEntryView& a, const RoomEntryView& b)
{
    return std::tie(a.keypad_id, a.typed, a.letters, a.hint, a.unit_id, a.message, a.erase_label, a.submit_label, a.can_submit) ==
           std::tie(b.keypad_id, b.typed, b.letters, b.hint, b.unit_id, b.message, b.erase_label, b.submit_label, b.can_submit);
}
inline bool operator!=(const RoomEntryView& a, const RoomEntryView& b) { return !(a == b); }

struct UnitPickerView {
    PickStep step = PickStep::Building;
    std::string prompt;                // the one question of this step
    std::vector<UnitChoice> choices;   // Building / Entrance: the buttons
    RoomEntryView room;                // Room: the keypad
    std::string list_id;               // the choice list's widget id (<prefix>.choices; 更多 is <prefix>.choices.more)
};
inline bool operator==(const UnitPickerView& a, const UnitPickerView& b)
{
    return std::tie(a.step, a.prompt, a.choices, a.room, a.list_id) == std::tie(b.step, b.prompt, b.choices, b.room, b.list_id);
}
inline bool operator!=(const UnitPickerView& a, const UnitPickerView& b) { return !(a == b); }

// The picker's step as buttons or the room keypad. `units` sorted by
// building, entrance, floor, room (household/io's UnitsMemo); `id_prefix`
// names the widgets ("fees" -> fees.building.3, fees.room_key.1), so each
// service's scripts keep their ids.
UnitPickerView build_picker_view(const UnitPicker& picker, const std::vector<UnitInfo>& units,
                                 const FeatureViewInputs& in, const std::string& id_prefix);

// "3栋2单元1502" for a unit id, from the cached units (the id if not cached).
std::string unit_label(const std::vector<UnitInfo>& units, const std::string& unit_id, const FeatureViewInputs& in);

} // namespace kiosk::household
