// A unit of the estate as the kiosk caches it: what the unit picker lists and
// what a verified household is shown as.
#pragma once

#include <string>

namespace kiosk::household {

struct UnitInfo {
    std::string id;  // "3-2-1502"
    int building = 0, entrance = 0, floor = 0;
    std::string room;  // "1502", or with a letter: "B1203"
    double area_m2 = 0;
    std::string owner_masked;  // "张*"
};

} // namespace kiosk::household
