// A unit's bills and payment orders for the staff console.
#include "fees/staff_lists.hpp"

namespace lobby::server::fees {

std::vector<BillListing> unit_bills(Database& db, const std::string& unit_id, int limit) {
    Statement st(db, "SELECT fee_kind, period, amount_fen, paid_fen, due_date FROM bills WHERE unit_id = ? "
                     "ORDER BY period DESC, fee_kind LIMIT ?");
    st.bind(1, unit_id).bind(2, limit);
    std::vector<BillListing> out;
    while (st.step()) out.push_back(BillListing{st.text(0), st.text(1), st.int64(2), st.int64(3), st.text(4)});
    return out;
}

std::vector<OrderListing> unit_orders(Database& db, const std::string& unit_id, int limit) {
    Statement st(db, "SELECT id, amount_fen, created_at, expires_at, paid_at, provider FROM payment_orders "
                     "WHERE unit_id = ? ORDER BY created_at DESC LIMIT ?");
    st.bind(1, unit_id).bind(2, limit);
    std::vector<OrderListing> out;
    while (st.step()) {
        const std::string id = st.text(0);
        out.push_back(OrderListing{id.substr(0, 7) + "…", st.int64(1), st.int64(2), st.int64(3), st.opt_int64(4),
                                   st.text(5)});
    }
    return out;
}

} // namespace lobby::server::fees
