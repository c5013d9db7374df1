// Cached units, decoded and sorted for the picker.
#include "household/io/units_memo.hpp"

#include "protocol/decode.hpp"
#include "protocol/estate.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <tuple>

namespace kiosk::household {
namespace p = lobby::protocol;

UnitInfo to_unit_info(const p::Unit& unit)
{
    return {unit.id, static_cast<int>(unit.building), static_cast<int>(unit.entrance), static_cast<int>(unit.floor),
            unit.room, unit.area_m2, unit.owner_masked};
}

const std::vector<UnitInfo>& UnitsMemo::units(store::Store& store)
{
    auto stamp = store.collection_stamp("units");
    if (!stamp || *stamp == m_stamp)
        return m_units;
    auto records = store.units();
    if (!records)
        return m_units;
    m_units.clear();
    for (const auto& record : records.value()) {
        auto decoded = p::decode<p::Unit>(record.data);
        if (decoded)
            m_units.push_back(to_unit_info(decoded.value()));
        else
            spdlog::warn("cache: unit {} unreadable: {}", record.key, decoded.error().message);
    }
    std::sort(m_units.begin(), m_units.end(), [](const UnitInfo& a, const UnitInfo& b) {
        return std::tie(a.building, a.entrance, a.floor, a.room) < std::tie(b.building, b.entrance, b.floor, b.room);
    });
    m_stamp = *stamp;
    return m_units;
}

} // namespace kiosk::household
