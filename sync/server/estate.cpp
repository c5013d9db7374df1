// Units as contract records, and re-publishing them to the feed.
#include "estate.hpp"

#include "feed.hpp"
#include "kiosks/verify_keys.hpp"

#include "protocol/changes.hpp"
#include "protocol/masking.hpp"
#include "protocol/verifier.hpp"

#include <algorithm>

namespace lobby::server {

std::string last4_of(const std::string& phone) { return phone.size() <= 4 ? phone : phone.substr(phone.size() - 4); }

std::optional<protocol::Unit> find_unit(Database& db, const std::string& unit_id) {
    Statement st(db, R"sql(
SELECT u.id, u.building, u.entrance, u.floor, u.room, u.area_m2,
       (SELECT name FROM residents r WHERE r.unit_id = u.id AND r.role = 'owner' ORDER BY r.id LIMIT 1)
FROM units u WHERE u.id = ?)sql");
    // Names are sealed at rest: opened here, masked before they leave.
    st.bind(1, unit_id);
    if (!st.step()) return std::nullopt;
    protocol::Unit u;
    u.id = st.text(0);
    u.building = st.int64(1);
    u.entrance = st.int64(2);
    u.floor = st.int64(3);
    u.room = st.text(4);
    u.area_m2 = st.real(5);
    u.owner_masked = st.is_null(6) ? "" : protocol::mask_name(db.cipher().open(st.text(6)));
    return u;
}

void publish_unit(Database& db, const protocol::Unit& unit) {
    protocol::Unit record = unit;
    record.resident_last4_hmacs.clear();
    publish(db, protocol::collection::units, unit.id, record);
}

void add_unit_verifiers(Database& db, const std::string& kiosk_id, protocol::ChangesPage& page) {
    const std::optional<std::string> key = verify_key_of(db, kiosk_id);
    // Phones are sealed at rest, so the last four digits come from the opened value.
    Statement phones(db, "SELECT phone FROM residents WHERE unit_id = ?");
    for (protocol::Change& change : page.changes) {
        if (change.collection != protocol::collection::units || change.deleted || !change.data.is_object()) continue;
        for (auto it = change.data.begin(); it != change.data.end();)
            it = it.key().find("phone") != std::string::npos ? change.data.erase(it) : std::next(it);
        change.data.erase("resident_last4_hmacs");
        if (!key) continue;
        std::vector<std::string> hmacs;
        phones.bind(1, change.key);
        while (phones.step())
            hmacs.push_back(protocol::last4_verifier(*key, change.key, last4_of(db.cipher().open(phones.text(0)))));
        phones.reset();
        // Sorted: the order says nothing about who is the owner.
        std::sort(hmacs.begin(), hmacs.end());
        if (!hmacs.empty()) change.data["resident_last4_hmacs"] = hmacs;
    }
}

} // namespace lobby::server
