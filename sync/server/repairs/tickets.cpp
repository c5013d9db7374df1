// Repair tickets as contract records.
#include "repairs/tickets.hpp"

#include "feed.hpp"
#include "field_cipher.hpp"

#include "protocol/changes.hpp"
#include "protocol/masking.hpp"

namespace lobby::server::repairs {

std::optional<protocol::Ticket> find_ticket(Database& db, const std::string& ticket_id) {
    Statement st(db, R"sql(
SELECT id, unit_id, category, description, location, location_detail, emergency, status,
       slot_start, slot_end, created_at, updated_at, rating_score, rating_solved, rating_comment,
       preset, client_ref, worker, charge_fen, acceptance_accepted, acceptance_comment, acceptance_at
FROM tickets WHERE id = ?)sql");
    st.bind(1, ticket_id);
    if (!st.step()) return std::nullopt;
    protocol::Ticket t;
    t.id = st.text(0);
    t.unit_id = st.opt_text(1);
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
    t.preset = st.opt_text(15);
    t.client_ref = st.opt_text(16);
    // The worker's name stays in the office; residents see it masked (刘*).
    if (!st.is_null(17)) t.worker_masked = protocol::mask_name(st.text(17));
    if (!st.is_null(18)) t.charge_fen = st.int64(18);
    if (!st.is_null(19)) t.acceptance = protocol::Acceptance{st.int64(19) != 0, st.opt_text(20), st.int64(21)};
    Statement events(db, "SELECT at, status, note FROM ticket_events WHERE ticket_id = ? ORDER BY at, rowid");
    events.bind(1, ticket_id);
    while (events.step()) t.timeline.push_back(protocol::TimelineEntry{events.int64(0), events.text(1), events.text(2)});
    return t;
}

std::optional<std::string> ticket_id_by_hash(Database& db, const char* column, const std::string& hash) {
    const std::string sql = std::string("SELECT id FROM tickets WHERE ") + column + " = ?";
    Statement st(db, sql.c_str());
    st.bind(1, hash);
    if (!st.step()) return std::nullopt;
    return st.text(0);
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

std::optional<std::string> callback_phone(Database& db, const std::string& ticket_id) {
    Statement st(db, "SELECT contact_phone FROM tickets WHERE id = ?");
    st.bind(1, ticket_id);
    if (!st.step()) return std::nullopt;
    const auto phone = db.cipher().open_optional(st.opt_text(0));
    if (!phone || FieldCipher::is_plain_marker(*phone)) return std::nullopt;
    return phone;
}

} // namespace lobby::server::repairs
