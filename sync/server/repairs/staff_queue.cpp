// The ticket queue's queries (index tickets_queue on status, created_at).
#include "repairs/staff_queue.hpp"

namespace lobby::server::repairs {
namespace {

// ?1 = now, ?2..?4 the cut-offs before it. One expression, used to sort and
// to count. The cut-offs are computed here, not in SQL: PostgreSQL cannot
// tell the type of `? - ?` from two untyped parameters.
constexpr const char* overdue_sql = R"sql(
(status IN ('submitted', 'accepted', 'scheduled', 'in_progress') AND (
   (emergency = 1 AND created_at <= ?2)
   OR (status = 'submitted' AND created_at <= ?3)
   OR (status IN ('accepted', 'scheduled') AND slot_end IS NOT NULL AND slot_end <= ?1)
   OR created_at <= ?4)))sql";

void bind_overdue(Statement& st, protocol::UtcSeconds now) {
    st.bind(1, now).bind(2, now - overdue_emergency_s).bind(3, now - overdue_unaccepted_s).bind(4, now - overdue_open_s);
}

} // namespace

std::vector<QueueRow> ticket_queue(Database& db, const std::string& group, protocol::UtcSeconds now, int limit,
                                   int offset, const std::optional<std::string>& worker) {
    // The group's status is the last parameter, so "open" (which has none)
    // leaves no gap in the numbering: PostgreSQL cannot type an unused one.
    const std::string where = group == "open" ? "status IN ('submitted', 'accepted', 'scheduled', 'in_progress')"
                                              : "status = ?8";
    Statement st(db, (std::string("SELECT id, unit_id, category, description, status, emergency, ") + overdue_sql +
                      " AS overdue, slot_start, created_at, tickets.updated_at, a.worker FROM tickets "
                      "LEFT JOIN ticket_assignments a ON a.ticket_id = tickets.id WHERE " + where +
                      " AND (CAST(?5 AS TEXT) IS NULL OR a.worker = ?5)"  // typed: PostgreSQL cannot infer it from IS NULL
                      " ORDER BY overdue DESC, emergency DESC, created_at ASC LIMIT ?6 OFFSET ?7")
                         .c_str());
    bind_overdue(st, now);
    st.bind(5, worker).bind(6, limit).bind(7, offset);
    if (group != "open") st.bind(8, group);
    std::vector<QueueRow> rows;
    while (st.step()) {
        QueueRow r;
        r.id = st.text(0);
        r.unit_id = st.text(1);
        r.category = st.text(2);
        r.description = st.text(3);
        r.status = st.text(4);
        r.emergency = st.int64(5) != 0;
        r.overdue = st.int64(6) != 0;
        r.slot_start = st.opt_int64(7);
        r.created_at = st.int64(8);
        r.updated_at = st.int64(9);
        r.worker = st.opt_text(10);
        rows.push_back(std::move(r));
    }
    return rows;
}

std::map<std::string, std::int64_t> ticket_counts(Database& db) {
    Statement st(db, "SELECT status, COUNT(*) FROM tickets GROUP BY status");
    std::map<std::string, std::int64_t> counts;
    while (st.step()) counts[st.text(0)] = st.int64(1);
    return counts;
}

std::int64_t overdue_count(Database& db, protocol::UtcSeconds now) {
    Statement st(db, (std::string("SELECT COUNT(*) FROM tickets WHERE ") + overdue_sql).c_str());
    bind_overdue(st, now);
    st.step();
    return st.int64(0);
}

} // namespace lobby::server::repairs
