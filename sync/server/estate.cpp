// Units as contract records, and re-publishing them to the feed.
#include "estate.hpp"

#include "feed.hpp"

#include "protocol/changes.hpp"
#include "protocol/masking.hpp"

namespace lobby::server {

std::optional<protocol::Unit> find_unit(Database& db, const std::string& unit_id) {
    Statement st(db, R"sql(
SELECT u.id, u.building, u.entrance, u.floor, u.room, u.area_m2,
       (SELECT name FROM residents r WHERE r.unit_id = u.id AND r.role = 'owner' ORDER BY r.id LIMIT 1)
FROM units u WHERE u.id = ?)sql");
    st.bind(1, unit_id);
    if (!st.step()) return std::nullopt;
    protocol::Unit u;
    u.id = st.text(0);
    u.building = st.int64(1);
    u.entrance = st.int64(2);
    u.floor = st.int64(3);
    u.room = st.text(4);
    u.area_m2 = st.real(5);
    u.owner_masked = st.is_null(6) ? "" : protocol::mask_name(st.text(6));
    return u;
}

void publish_unit(Database& db, const protocol::Unit& unit) {
    // Only the last four digits of each resident's phone go out, so a lobby
    // kiosk can verify a resident offline; the kiosk keeps a keyed hash of
    // them instead (store/privacy), never the digits.
    protocol::Unit record = unit;
    record.resident_phone_last4.clear();
    Statement st(db, "SELECT substr(phone, -4) FROM residents WHERE unit_id = ? ORDER BY id");
    st.bind(1, unit.id);
    while (st.step()) record.resident_phone_last4.push_back(st.text(0));
    publish(db, protocol::collection::units, unit.id, record);
}

} // namespace lobby::server
