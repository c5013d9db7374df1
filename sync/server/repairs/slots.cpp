// The slot grid and how full each slot is.
#include "repairs/slots.hpp"

#include "protocol/time.hpp"

namespace lobby::server::repairs {
namespace {

struct DayPart {
    const char* name;
    int from_h, to_h;  // local hours
};
constexpr DayPart parts[] = {{"morning", 9, 12}, {"afternoon", 14, 17}, {"evening", 18, 20}};

std::int64_t booked(Database& db, protocol::UtcSeconds start) {
    Statement st(db, R"sql(
SELECT COUNT(*) FROM tickets
WHERE slot_start = ? AND status NOT IN ('cancelled', 'awaiting_acceptance', 'completed', 'closed'))sql");
    st.bind(1, start);
    st.step();
    return st.int64(0);
}

} // namespace

protocol::RepairSlotList open_slots(Database& db, protocol::UtcSeconds now) {
    protocol::RepairSlotList list;
    const protocol::UtcSeconds today = protocol::start_of_day_shanghai(now);
    for (std::int64_t day = 0; day < 3; ++day)
        for (const DayPart& p : parts) {
            protocol::RepairSlot s;
            s.start = today + day * 86400 + p.from_h * 3600;
            s.end = today + day * 86400 + p.to_h * 3600;
            if (s.start <= now) continue;  // a visit cannot be booked into a slot already under way
            s.day = day;
            s.part = p.name;
            s.capacity = slot_capacity;
            s.free = std::max<std::int64_t>(0, slot_capacity - booked(db, s.start));
            list.slots.push_back(s);
        }
    return list;
}

std::optional<protocol::RepairSlot> offered_slot(Database& db, const protocol::TimeSlot& slot, protocol::UtcSeconds now) {
    for (const auto& s : open_slots(db, now).slots)
        if (s.start == slot.start && s.end == slot.end) return s;
    return std::nullopt;
}

} // namespace lobby::server::repairs
