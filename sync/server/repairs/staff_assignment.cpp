// Worker and agreed charge of a ticket (table ticket_assignments).
#include "repairs/staff_assignment.hpp"

namespace lobby::server::repairs {

std::optional<Assignment> find_assignment(Database& db, const std::string& ticket_id) {
    Statement st(db, "SELECT worker, charge_fen, charge_note, updated_at, updated_by FROM ticket_assignments "
                     "WHERE ticket_id = ?");
    st.bind(1, ticket_id);
    if (!st.step()) return std::nullopt;
    return Assignment{st.opt_text(0), st.opt_int64(1), st.opt_text(2), st.int64(3), st.text(4)};
}

void assign_worker(Database& db, const std::string& ticket_id, const std::optional<std::string>& worker,
                   const std::string& by, protocol::UtcSeconds now) {
    Statement st(db, R"sql(
INSERT INTO ticket_assignments (ticket_id, worker, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (ticket_id) DO UPDATE SET worker = ?2, updated_at = ?3, updated_by = ?4)sql");
    st.bind(1, ticket_id).bind(2, worker).bind(3, now).bind(4, by);
    st.run();
}

void record_charge(Database& db, const std::string& ticket_id, std::int64_t charge_fen, const std::string& note,
                   const std::string& by, protocol::UtcSeconds now) {
    Statement st(db, R"sql(
INSERT INTO ticket_assignments (ticket_id, charge_fen, charge_note, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (ticket_id) DO UPDATE SET charge_fen = ?2, charge_note = ?3, updated_at = ?4, updated_by = ?5)sql");
    st.bind(1, ticket_id).bind(2, charge_fen).bind(3, note).bind(4, now).bind(5, by);
    st.run();
}

} // namespace lobby::server::repairs
