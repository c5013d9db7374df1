// The shared household screens, drawn inside a feature's own screen: the
// unit picker's step and the digits keypad. Each returns what was tapped,
// which the feature wraps in its own FeatureRequest, e.g.
//   if (auto r = household::draw_unit_picker(view.picker))
//       std::visit([&](const auto& x) { ask(requests, x); }, *r);
#pragma once

#include "household/core/unit_picker.hpp"
#include "household/core/verification.hpp"

#include <optional>
#include <string_view>

namespace kiosk::household {

// The question on top, the buttons at the bottom within reach (portrait);
// the room typed on a big keypad (beside the words in landscape).
std::optional<PickRequest> draw_unit_picker(const UnitPickerView& view);

// Which unit and what to type on top, the dots and the message above the
// keypad; portrait puts the keypad at the bottom, landscape beside the words.
std::optional<DigitsRequest> draw_household_keypad(const KeypadView& view);

// The room kept under a keypad's entry for the message about the last try
// (two lines, or what `message` needs): whether or not it shows, an error
// never pushes the keys down under the finger or under Back/Home.
float message_room(std::string_view message, float width);

} // namespace kiosk::household
