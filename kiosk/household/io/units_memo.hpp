// The estate's units from the cache, for the unit picker: decoded once per
// change of the units collection, sorted by building, entrance, floor, room.
#pragma once

#include "household/core/unit_info.hpp"
#include "store/types.hpp"

#include <vector>

namespace lobby::protocol {
struct Unit;
}
namespace kiosk::store {
class Store;
}

namespace kiosk::household {

UnitInfo to_unit_info(const lobby::protocol::Unit& unit);

// The store's version moves on every pull page, but decoding 5,000 units
// takes ~15 ms of a frame: re-read only when the units collection itself
// changed (its row count or newest seq).
class UnitsMemo {
public:
    const std::vector<UnitInfo>& units(store::Store& store);

private:
    store::CollectionStamp m_stamp{-1, -1};
    std::vector<UnitInfo> m_units;
};

} // namespace kiosk::household
