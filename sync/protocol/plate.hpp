// Mainland car plates: the one rule the office server (decoding a walk-in)
// and the kiosk's plate pad (kiosk/core/text_rules) both use.
#pragma once

#include <cstddef>
#include <string_view>

namespace lobby::protocol {

// A province abbreviation (京, 沪, 粤...), the city letter, then five
// letters/digits (7 characters), or a new-energy plate of 8 characters (D or
// F then five, or five digits then D or F). Letters I and O never occur.
bool valid_car_plate(std::string_view plate);

// The 31 province abbreviations, in the order the plate pad shows them.
const char* const* car_plate_provinces(std::size_t& count);

} // namespace lobby::protocol
