// The unit picker's steps and its view: buttons and the room keypad from the cached units.
#include "household/core/unit_picker.hpp"

#include <cctype>
#include <map>
#include <set>

namespace kiosk::household {
namespace {

std::string text(const FeatureViewInputs& in, std::string_view key,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> args = {})
{
    return format_text(in.catalog.text(in.language, key), args);
}

// A key of the room keypad: a digit or a letter (a small one as its
// capital, as doors show them) appends while there is room, erase takes
// the last one back; anything else does nothing.
void type_room_key(std::string& room, char key)
{
    if (key == DigitEntry::erase_key) {
        if (!room.empty())
            room.pop_back();
        return;
    }
    if (key >= 'a' && key <= 'z')
        key = static_cast<char>(key - 'a' + 'A');
    const bool takes = (key >= '0' && key <= '9') || (key >= 'A' && key <= 'Z');
    if (takes && room.size() < max_room_digits)
        room += key;
}

} // namespace

bool pick(UnitPicker& picker, const PickRequest& request)
{
    if (const auto* b = std::get_if<RequestBuilding>(&request)) {
        picker = UnitPicker{};
        picker.building = b->building;
        picker.step = PickStep::Entrance;
        if (b->sole_entrance > 0) {
            picker.entrance = b->sole_entrance;
            picker.sole_entrance = true;
            picker.step = PickStep::Room;
        }
        return false;
    }
    if (const auto* e = std::get_if<RequestEntrance>(&request)) {
        picker.entrance = e->entrance;
        picker.step = PickStep::Room;
        picker.room.clear();
        picker.no_such_room = false;
        return false;
    }
    if (const auto* k = std::get_if<RequestRoomKey>(&request)) {
        if (picker.step != PickStep::Room)
            return false;
        // After "no such room" the next digit starts a new number: nobody
        // should have to erase four digits first.
        if (picker.no_such_room && k->key != DigitEntry::erase_key)
            picker.room.clear();
        picker.no_such_room = false;
        type_room_key(picker.room, k->key);
        return false;
    }
    const std::string& unit_id = std::get<RequestRoom>(request).unit_id;
    if (unit_id.empty()) {
        // 确定 on a number the building does not have: said on the keypad.
        picker.no_such_room = picker.step == PickStep::Room && !picker.room.empty();
        return false;
    }
    picker.unit_id = unit_id;
    picker.step = PickStep::Room;  // Back from what follows comes back to the room, still typed
    return true;
}

bool pick_back(UnitPicker& picker)
{
    switch (picker.step) {
    case PickStep::Building: return false;
    case PickStep::Entrance: picker.step = PickStep::Building; return true;
    case PickStep::Room:
        picker.step = picker.sole_entrance ? PickStep::Building : PickStep::Entrance;
        picker.room.clear();
        picker.no_such_room = false;
        return true;
    }
    return false;
}

namespace {

// A room as stored ("b1203" from an office that types small letters) and
// as typed on the keypad (capitals) name the same door.
bool same_room(const std::string& stored, const std::string& typed)
{
    if (stored.size() != typed.size())
        return false;
    for (std::size_t i = 0; i < stored.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(stored[i])) != static_cast<unsigned char>(typed[i]))
            return false;
    return true;
}

// How many entrances each building has (units sorted by building, entrance).
std::map<int, std::set<int>> entrances_of(const std::vector<UnitInfo>& units)
{
    std::map<int, std::set<int>> out;
    for (const UnitInfo& unit : units)
        out[unit.building].insert(unit.entrance);
    return out;
}

RoomEntryView room_entry(const UnitPicker& picker, const std::vector<UnitInfo>& units, const FeatureViewInputs& in,
                         const std::string& id_prefix)
{
    RoomEntryView room;
    room.keypad_id = id_prefix + ".room_key";
    room.typed = picker.room;
    room.erase_label = text(in, "keypad.erase");
    room.submit_label = text(in, "household.verify");
    room.can_submit = !picker.room.empty();
    std::set<char> letters;  // sorted: the keys in A-Z order
    const UnitInfo* first = nullptr;
    const UnitInfo* last = nullptr;
    for (const UnitInfo& unit : units) {
        if (unit.building != picker.building || unit.entrance != picker.entrance)
            continue;
        if (!first)
            first = &unit;
        last = &unit;
        if (!room.typed.empty() && same_room(unit.room, room.typed))
            room.unit_id = unit.id;
        for (const char c : unit.room)
            if (std::isalpha(static_cast<unsigned char>(c)))
                letters.insert(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    room.letters.assign(letters.begin(), letters.end());
    if (first)
        room.hint = text(in, "household.room_range", {{"first", first->room}, {"last", last->room}});
    if (picker.no_such_room)
        room.message = text(in, picker.sole_entrance ? "household.no_such_room_b" : "household.no_such_room",
                            {{"b", std::to_string(picker.building)}, {"e", std::to_string(picker.entrance)},
                             {"room", room.typed}});
    return room;
}

} // namespace

UnitPickerView build_picker_view(const UnitPicker& picker, const std::vector<UnitInfo>& units,
                                 const FeatureViewInputs& in, const std::string& id_prefix)
{
    UnitPickerView view;
    view.step = picker.step;
    view.list_id = id_prefix + ".choices";
    const std::string b = std::to_string(picker.building), e = std::to_string(picker.entrance);
    if (picker.step == PickStep::Building) {
        for (const auto& [building, entrances] : entrances_of(units)) {
            const std::string n = std::to_string(building);
            view.choices.push_back({id_prefix + ".building." + n, text(in, "household.building_n", {{"n", n}}), building,
                                    entrances.size() == 1 ? *entrances.begin() : 0});
        }
        view.prompt = view.choices.empty() ? text(in, "household.no_units") : text(in, "household.ask_building");
    } else if (picker.step == PickStep::Entrance) {
        const auto all = entrances_of(units);
        const auto here = all.find(picker.building);
        for (const int entrance : here == all.end() ? std::set<int>{} : here->second) {
            const std::string n = std::to_string(entrance);
            view.choices.push_back({id_prefix + ".entrance." + n, text(in, "household.entrance_n", {{"n", n}}), entrance, 0});
        }
        view.prompt = text(in, "household.ask_entrance", {{"b", b}});
    } else {
        view.room = room_entry(picker, units, in, id_prefix);
        view.prompt = picker.sole_entrance ? text(in, "household.ask_room_b", {{"b", b}})
                                           : text(in, "household.ask_room", {{"b", b}, {"e", e}});
    }
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
