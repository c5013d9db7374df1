// Units, bills and tickets as contract records.
#include "estate_store.hpp"

#include "feed.hpp"
#include "privacy.hpp"

namespace lobby::server {
namespace {

protocol::Bill bill_from_row(Statement& st, protocol::UtcSeconds now) {
    protocol::Bill b;
    b.id = st.text(0);
    b.unit_id = st.text(1);
    b.fee_kind = st.text(2);
    b.period = st.text(3);
    b.amount_fen = st.int64(4);
    b.paid_fen = st.int64(5);
    b.due_date = st.text(6);
    b.status = b.paid_fen >= b.amount_fen ? "paid" : b.paid_fen > 0 ? "partial" : "unpaid";
    b.late = b.status != "paid" && now >= late_from(b.due_date);
    return b;
}

constexpr const char* bill_columns = "SELECT id, unit_id, fee_kind, period, amount_fen, paid_fen, due_date FROM bills ";

} // namespace

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
    u.owner_masked = st.is_null(6) ? "" : mask_name(st.text(6));
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

protocol::UtcSeconds late_from(const std::string& due_date) {
    const auto midnight = protocol::parse_utc(due_date + "T00:00:00Z");
    return midnight ? *midnight + 86400 - 8 * 3600 : 0;
}

std::optional<protocol::Bill> find_bill(Database& db, const std::string& bill_id, protocol::UtcSeconds now) {
    Statement st(db, (std::string(bill_columns) + "WHERE id = ?").c_str());
    st.bind(1, bill_id);
    if (!st.step()) return std::nullopt;
    return bill_from_row(st, now);
}

std::vector<protocol::Bill> unit_bills(Database& db, const std::string& unit_id, protocol::UtcSeconds now) {
    Statement st(db, (std::string(bill_columns) + "WHERE unit_id = ? ORDER BY period DESC, fee_kind").c_str());
    st.bind(1, unit_id);
    std::vector<protocol::Bill> out;
    while (st.step()) out.push_back(bill_from_row(st, now));
    return out;
}

void publish_bill(Database& db, const protocol::Bill& bill) {
    PublishOptions options;
    // An open bill that is not late yet is re-published when it turns late.
    if (bill.status != "paid" && !bill.late) options.refresh_at = late_from(bill.due_date);
    publish(db, protocol::collection::bills, bill.id, bill, options);
}

std::optional<protocol::Ticket> find_ticket(Database& db, const std::string& ticket_id) {
    Statement st(db, R"sql(
SELECT id, unit_id, category, description, location, location_detail, emergency, status,
       slot_start, slot_end, created_at, updated_at, rating_score, rating_solved, rating_comment
FROM tickets WHERE id = ?)sql");
    st.bind(1, ticket_id);
    if (!st.step()) return std::nullopt;
    protocol::Ticket t;
    t.id = st.text(0);
    t.unit_id = st.text(1);
    t.category = st.text(2);
    t.description = st.text(3);
    t.location = st.text(4);
    t.location_detail = st.opt_text(5);
    t.emergency = st.int64(6) != 0;
    t.status = st.text(7);
    if (!st.is_null(8)) t.preferred_slot = protocol::TimeSlot{st.int64(8), st.int64(9)};
    t.created_at = st.int64(10);
    t.updated_at = st.int64(11);
    if (!st.is_null(12)) t.rating = protocol::Rating{st.int64(12), st.int64(13) != 0, st.opt_text(14)};
    Statement events(db, "SELECT at, status, note FROM ticket_events WHERE ticket_id = ? ORDER BY at, rowid");
    events.bind(1, ticket_id);
    while (events.step()) t.timeline.push_back(protocol::TimelineEntry{events.int64(0), events.text(1), events.text(2)});
    return t;
}

void publish_ticket(Database& db, const protocol::Ticket& ticket) {
    Statement st(db, "SELECT kiosk_id FROM tickets WHERE id = ?");
    st.bind(1, ticket.id);
    // Tickets taken at the counter or by phone have no kiosk and stay off the feed.
    if (!st.step() || st.is_null(0)) return;
    PublishOptions options;
    options.audience = st.text(0);
    publish(db, protocol::collection::tickets, ticket.id, ticket, options);
}

} // namespace lobby::server
