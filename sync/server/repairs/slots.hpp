// Visiting slots for repairs in a unit: today, tomorrow and the day after,
// each morning, afternoon and evening (Asia/Shanghai), each with room for a
// fixed number of visits. A slot counts every ticket booked into it that is
// not cancelled or finished.
#pragma once

#include "db.hpp"

#include "protocol/repairs.hpp"

#include <optional>

namespace lobby::server::repairs {

inline constexpr std::int64_t slot_capacity = 2;  // visits the repair team makes per slot

// The slots that have not started yet, with what is left of each.
protocol::RepairSlotList open_slots(Database& db, protocol::UtcSeconds now);

// The offered slot that is exactly `slot`, if any.
std::optional<protocol::RepairSlot> offered_slot(Database& db, const protocol::TimeSlot& slot, protocol::UtcSeconds now);

} // namespace lobby::server::repairs
